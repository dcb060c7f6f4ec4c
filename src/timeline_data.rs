//! Reads the merged events out of the store into the timeline's plain
//! input: a few SPARQL queries, one per facet, grouped per event.

use std::collections::BTreeMap;

use oxigraph::model::Term;

use crate::store::{EventStore, StoreError};
use crate::timeline::{Relation, Source, TimelineEvent};

const PREFIXES: &str = r#"
PREFIX evl: <https://w3id.org/eventline/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"#;

/// One query per facet, each joined per event only: a single query joining
/// actors, sources and evidence multiplied them into each other (12 s on
/// the 2,422-story corpus).
const FACETS: [&str; 4] = [
    r#"SELECT ?event ?kind ?status ?earliest ?latest ?placeLabel WHERE {
  ?event a evl:Event ; a ?kind ; evl:status ?status .
  FILTER(?kind != evl:Event && STRSTARTS(STR(?kind), STR(evl:)))
  OPTIONAL { ?event evl:earliest ?earliest ; evl:latest ?latest }
  OPTIONAL { ?event evl:place ?place . ?place rdfs:label ?placeLabel } }"#,
    r#"SELECT ?event ?role ?actor ?actorLabel ?isPerson WHERE {
  VALUES ?role { evl:initiator evl:target evl:participant }
  ?event a evl:Event ; ?role ?actor .
  OPTIONAL { ?actor rdfs:label ?actorLabel }
  OPTIONAL { ?actor a evl:Person BIND(true AS ?isPerson) } }"#,
    r#"SELECT ?event ?doc ?title ?url ?published WHERE {
  ?event a evl:Event ; evl:mentionedIn ?doc .
  OPTIONAL { ?doc schema:headline ?title } OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:datePublished ?published } }"#,
    r#"SELECT ?event (SAMPLE(?s) AS ?sentence) WHERE {
  ?event a evl:Event ; evl:hasMention ?m . ?m evl:evidence ?a . ?a evl:sentence ?s }
  GROUP BY ?event"#,
];

fn value(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(other) => Some(other.to_string()),
        None => None,
    }
}

fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_string()
}

/// All events with actors (initiators first), sources and one evidence sentence.
pub fn load(store: &EventStore) -> Result<(Vec<TimelineEvent>, Vec<Relation>), StoreError> {
    let mut events: BTreeMap<String, TimelineEvent> = BTreeMap::new();
    let mut actor_rank: BTreeMap<(String, String), u8> = BTreeMap::new();
    for facet in FACETS {
        let (vars, rows) = store.select(&format!("{PREFIXES}{facet}"))?;
        let col = |name: &str| vars.iter().position(|v| v == name);
        let get = |r: &Vec<Option<Term>>, name: &str| col(name).and_then(|i| value(&r[i]));
        for r in &rows {
            let Some(id) = get(r, "event") else { continue };
            let e = events.entry(id.clone()).or_insert_with(|| TimelineEvent {
                id: id.clone(),
                ..Default::default()
            });
            if let Some(k) = get(r, "kind") {
                // The most specific class wins: Summit over Meeting.
                let k = local(&k);
                if e.kind.is_empty() || kind_rank(&k) > kind_rank(&e.kind) {
                    e.kind = k;
                }
            }
            if let Some(s) = get(r, "status") {
                e.status = local(&s);
            }
            e.earliest = get(r, "earliest")
                .and_then(|d| d.parse().ok())
                .or(e.earliest);
            e.latest = get(r, "latest").and_then(|d| d.parse().ok()).or(e.latest);
            if let (Some(a), Some(role)) = (get(r, "actor"), get(r, "role")) {
                let label = get(r, "actorLabel").unwrap_or_else(|| local(&a));
                // Labels read best with people first ("Trump – Putin phone
                // call"), then initiators before targets.
                let person = get(r, "isPerson").is_some();
                let rank = match local(&role).as_str() {
                    "initiator" => 0,
                    "participant" => 1,
                    _ => 2,
                } + if person { 0 } else { 3 };
                if let std::collections::btree_map::Entry::Vacant(v) =
                    actor_rank.entry((id.clone(), label.clone()))
                {
                    v.insert(rank);
                    e.actors.push(label);
                }
            }
            if e.place.is_none() {
                e.place = get(r, "placeLabel");
            }
            if e.evidence.is_none() {
                e.evidence = get(r, "sentence");
            }
            if let Some(doc) = get(r, "doc") {
                let title = get(r, "title").unwrap_or_else(|| local(&doc));
                if !e.sources.iter().any(|s| s.title == title) {
                    e.sources.push(Source {
                        title: title.clone(),
                        url: get(r, "url"),
                        published: get(r, "published").and_then(|d| d.parse().ok()),
                    });
                }
            }
        }
    }
    // Only events (they all have a kind) are drawn, not stray facet rows.
    events.retain(|_, e| !e.kind.is_empty());
    let mut out: Vec<TimelineEvent> = events.into_values().collect();
    for e in out.iter_mut() {
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

/// The event relations the store kept (subject to object, as in the RDF).
fn read_relations(store: &EventStore) -> Result<Vec<Relation>, StoreError> {
    let (vars, rows) = store.select(&format!(
        "SELECT ?a ?p ?b WHERE {{ GRAPH <{}> {{ ?a ?p ?b }} }} ORDER BY ?a ?p ?b",
        crate::vocab::GRAPH_RELATIONS
    ))?;
    let col = |name: &str| vars.iter().position(|v| v == name);
    let get = |r: &Vec<Option<Term>>, name: &str| col(name).and_then(|i| value(&r[i]));
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

fn kind_rank(k: &str) -> u8 {
    match k {
        "Event" => 0,
        "Consultation" => 1,
        "Meeting" | "Agreement" => 2,
        _ => 3,
    }
}
