//! Reads the merged events out of the store for the exports: one SPARQL
//! query per facet (joined per event in Rust, as `timeline::load` does, so
//! that actors, sources and sentences do not multiply each other), and
//! the PLOVER coding of each kind from the ontology's SKOS alignment.

use std::collections::BTreeMap;

use crate::store::cell_value;
use chrono::NaiveDate;

use crate::model::{EventKind, Status};
use crate::store::{EventStore, StoreError};

use super::{Actor, Entity, ExportEvent, PloverType, Role, Story};

const PREFIXES: &str = r#"
PREFIX evl: <https://w3id.org/eventline/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
"#;

const EVENTS: &str = r#"SELECT ?event ?kind ?status ?earliest ?latest ?dateMethod ?place WHERE {
  ?event a evl:Event ; a ?kind ; evl:status ?status .
  FILTER(?kind != evl:Event && STRSTARTS(STR(?kind), STR(evl:)))
  OPTIONAL { ?event evl:earliest ?earliest ; evl:latest ?latest }
  OPTIONAL { ?event evl:dateMethod ?dateMethod }
  OPTIONAL { ?event evl:place ?place } }"#;

const ACTORS: &str = r#"SELECT ?event ?role ?actor WHERE {
  VALUES ?role { evl:initiator evl:target evl:participant }
  ?event a evl:Event ; ?role ?actor } ORDER BY ?event ?actor"#;

/// Labels, Wikidata links and countries of every named thing events point
/// to (actors, places): a country is itself; a person's country is their
/// affiliation or the country of a role they hold; a city's the country it
/// lies in.
const ENTITIES: &str = r#"SELECT ?x ?label ?same ?country WHERE {
  { ?e a evl:Event ; evl:initiator|evl:target|evl:participant|evl:place ?x }
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x owl:sameAs ?same FILTER(STRSTARTS(STR(?same), "http://www.wikidata.org/entity/")) }
  OPTIONAL {
    { ?x a evl:Country BIND(?x AS ?country) }
    UNION { ?x evl:affiliation ?country }
    UNION { ?x evl:holds/evl:roleOf ?country . ?country a evl:Country }
    UNION { ?x evl:locatedIn ?country . ?country a evl:Country } } }"#;

const COUNTRIES: &str = r#"SELECT ?x ?label ?same WHERE {
  ?x a evl:Country . OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x owl:sameAs ?same FILTER(STRSTARTS(STR(?same), "http://www.wikidata.org/entity/")) } }"#;

const STORIES: &str = r#"SELECT ?event ?doc ?id ?title ?url ?published WHERE {
  ?event a evl:Event ; evl:mentionedIn ?doc .
  OPTIONAL { ?doc schema:identifier ?id } OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:url ?url } OPTIONAL { ?doc schema:datePublished ?published } }
  ORDER BY ?event ?published ?doc"#;

const SENTENCES: &str = r#"SELECT DISTINCT ?event ?sentence WHERE {
  ?event a evl:Event ; evl:hasMention ?m . ?m evl:evidence ?a . ?a evl:sentence ?sentence }
  ORDER BY ?event ?sentence"#;

const PLOVER: &str = r#"SELECT ?kind ?type ?mode ?context WHERE {
  ?kind rdfs:subClassOf* evl:Event ; skos:closeMatch|skos:exactMatch ?type .
  FILTER(STRSTARTS(STR(?type), "https://w3id.org/eventline/plover#"))
  OPTIONAL { ?kind evl:ploverMode ?mode } OPTIONAL { ?kind evl:ploverContext ?context } }"#;

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Runs a facet query and hands each row's named values to `f`.
fn rows(
    store: &EventStore,
    query: &str,
    mut f: impl FnMut(&dyn Fn(&str) -> Option<String>),
) -> Result<(), StoreError> {
    let (vars, rows) = store.select(&format!("{PREFIXES}{query}"))?;
    for r in &rows {
        let get = |name: &str| {
            vars.iter()
                .position(|v| v == name)
                .and_then(|i| cell_value(&r[i]))
        };
        f(&get);
    }
    Ok(())
}

#[derive(Default)]
struct Partial {
    kind: Option<EventKind>,
    status: Option<Status>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    by_report: bool,
    place: Option<String>,
    actors: Vec<(Role, String)>,
    stories: Vec<Story>,
    sentences: Vec<String>,
}

#[derive(Default, Clone)]
struct Info {
    label: Option<String>,
    qid: Option<String>,
    country: Option<String>,
}

/// Every event of the store, in IRI order.
pub fn load(store: &EventStore) -> Result<Vec<ExportEvent>, StoreError> {
    let mut events: BTreeMap<String, Partial> = BTreeMap::new();
    rows(store, EVENTS, |get| {
        let Some(id) = get("event") else { return };
        let p = events.entry(id).or_default();
        if let Some(k) = get("kind").and_then(|k| EventKind::from_name(local(&k))) {
            // The most specific class wins: Summit over Meeting.
            if p.kind.is_none_or(|old| k.specificity() > old.specificity()) {
                p.kind = Some(k);
            }
        }
        p.status = get("status")
            .and_then(|s| Status::from_name(local(&s)))
            .or(p.status);
        p.earliest = get("earliest").and_then(|d| d.parse().ok()).or(p.earliest);
        p.latest = get("latest").and_then(|d| d.parse().ok()).or(p.latest);
        p.by_report |=
            get("dateMethod").as_deref() == Some(crate::vocab::DATE_PUBLICATION_FALLBACK.as_str());
        p.place = p.place.take().or_else(|| get("place"));
    })?;
    rows(store, ACTORS, |get| {
        let (Some(id), Some(role), Some(actor)) = (get("event"), get("role"), get("actor")) else {
            return;
        };
        let role = match local(&role) {
            "initiator" => Role::Initiator,
            "target" => Role::Target,
            _ => Role::Participant,
        };
        if let Some(p) = events.get_mut(&id) {
            match p.actors.iter_mut().find(|(_, a)| *a == actor) {
                // An actor both initiator and participant is the initiator.
                Some(existing) => existing.0 = existing.0.min(role),
                None => p.actors.push((role, actor)),
            }
        }
    })?;
    let mut info: BTreeMap<String, Info> = BTreeMap::new();
    for query in [ENTITIES, COUNTRIES] {
        rows(store, query, |get| {
            let Some(x) = get("x") else { return };
            let i = info.entry(x).or_default();
            i.label = i.label.take().or_else(|| get("label"));
            i.qid = i
                .qid
                .take()
                .or_else(|| get("same").map(|q| local(&q).to_string()));
            i.country = i.country.take().or_else(|| get("country"));
        })?;
    }
    rows(store, STORIES, |get| {
        let (Some(id), Some(doc)) = (get("event"), get("doc")) else {
            return;
        };
        let Some(p) = events.get_mut(&id) else { return };
        let story_id = get("id").unwrap_or_else(|| local(&doc).to_string());
        if !p.stories.iter().any(|s| s.id == story_id) {
            p.stories.push(Story {
                id: story_id,
                url: get("url"),
                title: get("title"),
                published: get("published").and_then(|d| d.parse().ok()),
            });
        }
    })?;
    rows(store, SENTENCES, |get| {
        if let (Some(id), Some(s)) = (get("event"), get("sentence")) {
            if let Some(p) = events.get_mut(&id) {
                p.sentences.push(s);
            }
        }
    })?;
    let mut plover: BTreeMap<String, PloverType> = BTreeMap::new();
    rows(store, PLOVER, |get| {
        let (Some(kind), Some(t)) = (get("kind"), get("type")) else {
            return;
        };
        plover
            .entry(local(&kind).to_string())
            .or_insert(PloverType {
                event: local(&t).to_string(),
                mode: get("mode").unwrap_or_default(),
                context: get("context").unwrap_or_default(),
            });
    })?;
    Ok(assemble(events, &info, &plover))
}

/// Partial events to finished ones: entities resolved, unknown kinds and
/// statuses (another build's data) left out.
fn assemble(
    events: BTreeMap<String, Partial>,
    info: &BTreeMap<String, Info>,
    plover: &BTreeMap<String, PloverType>,
) -> Vec<ExportEvent> {
    let entity = |iri: &str| {
        let i = info.get(iri).cloned().unwrap_or_default();
        Entity {
            label: i.label.unwrap_or_else(|| local(iri).to_string()),
            qid: i.qid,
        }
    };
    let country_of = |iri: &str| info.get(iri).and_then(|i| i.country.as_deref()).map(entity);
    events
        .into_iter()
        .filter_map(|(id, mut p)| {
            let kind = p.kind?;
            p.actors.sort_by_key(|(r, _)| *r);
            Some(ExportEvent {
                id,
                kind,
                status: p.status?,
                earliest: p.earliest,
                latest: p.latest,
                dated_by_report: p.by_report,
                actors: p
                    .actors
                    .iter()
                    .map(|(r, a)| {
                        let e = entity(a);
                        (
                            *r,
                            Actor {
                                label: e.label,
                                qid: e.qid,
                                country: country_of(a),
                            },
                        )
                    })
                    .collect(),
                place_country: p.place.as_deref().and_then(country_of),
                place: p.place.as_deref().map(entity),
                stories: p.stories,
                sentences: p.sentences,
                plover: plover.get(kind.name()).cloned(),
            })
        })
        .collect()
}
