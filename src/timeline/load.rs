//! Reads the merged events out of the store into the timeline's plain
//! input: a few SPARQL queries, one per facet, grouped per event. Kinds and
//! statuses are parsed into the model's enums here, once.

use std::collections::BTreeMap;

use crate::store::cell_value;
use chrono::NaiveDate;

use crate::model::{EventKind, Status};
use crate::store::{EventStore, StoreError};

use super::model::{Relation, Source, TimelineEvent};

/// One query per facet, each joined per event only: a single query joining
/// actors, sources and evidence multiplied them into each other (12 s on
/// the 2,422-story corpus).
const FACETS: [&str; 4] = [
    include_str!("queries/events.rq"),
    include_str!("queries/actors.rq"),
    include_str!("queries/sources.rq"),
    include_str!("queries/evidence.rq"),
];

/// The event relations graph, subject to object as in the RDF.
const RELATIONS: &str = include_str!("queries/relations.rq");

fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_string()
}

/// An event as its facet rows arrive; the kind and status are known once
/// their row has been read.
#[derive(Default)]
struct Partial {
    kind: Option<EventKind>,
    status: Option<Status>,
    actors: Vec<String>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    by_report: bool,
    place: Option<String>,
    evidence: Option<String>,
    sources: Vec<Source>,
}

/// All events with actors (initiators first), sources and one evidence sentence.
pub fn load(store: &EventStore) -> Result<(Vec<TimelineEvent>, Vec<Relation>), StoreError> {
    let mut events: BTreeMap<String, Partial> = BTreeMap::new();
    let mut actor_rank: BTreeMap<(String, String), u8> = BTreeMap::new();
    for facet in FACETS {
        let (vars, rows) = store.select(facet)?;
        for r in &rows {
            let get = |name: &str| {
                vars.iter()
                    .position(|v| v == name)
                    .and_then(|i| cell_value(&r[i]))
            };
            let Some(id) = get("event") else { continue };
            let p = events.entry(id.clone()).or_default();
            read_row(p, &get);
            if let Some((label, rank)) = actor_of(&get) {
                if let std::collections::btree_map::Entry::Vacant(v) =
                    actor_rank.entry((id, label.clone()))
                {
                    v.insert(rank);
                    p.actors.push(label);
                }
            }
        }
    }
    // Only events are drawn, not stray facet rows: every event has a kind
    // and a status this build knows (the store writes both from the same
    // enums).
    let mut out: Vec<TimelineEvent> = events
        .into_iter()
        .filter_map(|(id, p)| {
            Some(TimelineEvent {
                id,
                kind: p.kind?,
                status: p.status?,
                actors: p.actors,
                earliest: p.earliest,
                latest: p.latest,
                dated_by_report: p.by_report,
                place: p.place,
                evidence: p.evidence,
                sources: p.sources,
            })
        })
        .collect();
    for e in &mut out {
        let id = e.id.clone();
        e.actors.sort_by_key(|l| {
            actor_rank
                .get(&(id.clone(), l.clone()))
                .copied()
                .unwrap_or(9)
        });
    }
    let relations = read_relations(store)?;
    Ok((out, relations))
}

/// What one facet row says of its event, except its actor.
fn read_row(p: &mut Partial, get: &dyn Fn(&str) -> Option<String>) {
    if let Some(k) = get("kind").and_then(|k| EventKind::from_name(&local(&k))) {
        // The most specific class wins: Summit over Meeting.
        if p.kind.is_none_or(|old| k.specificity() > old.specificity()) {
            p.kind = Some(k);
        }
    }
    if let Some(s) = get("status").and_then(|s| Status::from_name(&local(&s))) {
        p.status = Some(s);
    }
    p.earliest = get("earliest").and_then(|d| d.parse().ok()).or(p.earliest);
    p.latest = get("latest").and_then(|d| d.parse().ok()).or(p.latest);
    p.by_report |=
        get("dateMethod").as_deref() == Some(crate::vocab::DATE_PUBLICATION_FALLBACK.as_str());
    if p.place.is_none() {
        p.place = get("placeLabel");
    }
    if p.evidence.is_none() {
        p.evidence = get("sentence");
    }
    if let Some(doc) = get("doc") {
        let title = get("title").unwrap_or_else(|| local(&doc));
        if !p.sources.iter().any(|s| s.title == title) {
            p.sources.push(Source {
                title: title.clone(),
                url: get("url"),
                published: get("published").and_then(|d| d.parse().ok()),
            });
        }
    }
}

/// The row's actor label and its rank: labels read best with people first
/// ("Trump – Putin phone call"), then initiators before targets.
fn actor_of(get: &dyn Fn(&str) -> Option<String>) -> Option<(String, u8)> {
    let (a, role) = (get("actor")?, get("role")?);
    let label = get("actorLabel").unwrap_or_else(|| local(&a));
    let person = get("isPerson").is_some();
    let rank = match local(&role).as_str() {
        "initiator" => 0,
        "participant" => 1,
        _ => 2,
    } + if person { 0 } else { 3 };
    Some((label, rank))
}

/// The event relations the store kept (subject to object, as in the RDF).
fn read_relations(store: &EventStore) -> Result<Vec<Relation>, StoreError> {
    let (vars, rows) = store.select(RELATIONS)?;
    let col = |name: &str| vars.iter().position(|v| v == name);
    let get = |r: &crate::store::Row, name: &str| col(name).and_then(|i| cell_value(&r[i]));
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Relation {
                from: get(r, "a")?,
                to: get(r, "b")?,
                kind: local(&get(r, "p")?),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    /// The `.rq` file spells the graph out; it must be the one the store writes.
    #[test]
    fn relations_query_reads_the_relations_graph() {
        let graph = format!("<{}>", crate::vocab::GRAPH_RELATIONS.as_str());
        assert!(super::RELATIONS.contains(&graph));
    }
}
