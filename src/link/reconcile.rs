//! Candidates from a Reconciliation Service API (W3C Entity Reconciliation
//! CG, version 0.2: Wikidata's own service, OpenRefine's services,
//! `eventline serve`'s `/reconcile`): the batched queries, typed by the
//! actor's class (the first Wikidata class of `data/types.tsv`: Q5 human,
//! Q6256 country, Q43229 organisation, …) and narrowed by its country
//! (P27 for a person, P17 otherwise), and the answers turned into the
//! [`Candidate`]s `score` decides on.
//!
//! What a service says is less than a SPARQL endpoint's rows: no
//! positions held, so no date evidence (two homonyms of one country stay
//! NIL where the endpoint could tell them apart); the country is known
//! only through the service's per-property feature.

use serde_json::{json, Map, Value};

use super::candidates::{classes_for, never_classes};
use super::names::fold;
use super::score::{Actor, Candidate};
use crate::vocab::WIKIDATA_ENTITY;

/// Queries per request: what OpenRefine sends, and well under the
/// services' bounds (ours takes 50).
pub(crate) const BATCH: usize = 10;
/// Candidates asked for per name.
const LIMIT: usize = 10;
/// Least service score (0-100) taken as a name match when the name is not
/// the candidate's label: an alias, as services score exact aliases.
const ALIAS_SCORE: f64 = 90.0;
/// The feature ids by which services report a country match.
const COUNTRY_FEATURES: [&str; 3] = ["P27", "P17", "country"];
/// What a candidate's countries are when the service says they are not
/// the actor's: no QID equals it, so `score` refuses the candidate.
const ANOTHER_COUNTRY: &str = "another country";

/// Sends one batch (`queries`, a JSON object) to the service and returns
/// its JSON answer.
pub trait ReconcileClient {
    fn reconcile(&self, queries: &str)
        -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>>;
}

/// The Wikidata class an actor is asked for as; `None` when its class may
/// link to nothing.
pub(crate) fn type_for(actor: &Actor) -> Option<&'static str> {
    classes_for(&actor.class).first().copied()
}

/// The `queries` payload for a batch of actors (each with a type), keyed
/// `q0`, `q1`, … in order.
pub(crate) fn batch(actors: &[&Actor]) -> String {
    let mut queries = Map::new();
    for (i, a) in actors.iter().enumerate() {
        let mut q = json!({ "query": a.name, "limit": LIMIT });
        if let Some(t) = type_for(a) {
            q["type"] = json!(t);
        }
        if !a.countries.is_empty() {
            let pid = if a.class == "Person" { "P27" } else { "P17" };
            q["properties"] = Value::Array(
                a.countries
                    .iter()
                    .map(|c| json!({ "pid": pid, "v": { "id": c } }))
                    .collect(),
            );
        }
        queries.insert(format!("q{i}"), q);
    }
    Value::Object(queries).to_string()
}

/// The candidates of each actor of the batch, from the service's answer.
pub(crate) fn parse(json: &[u8], actors: &[&Actor]) -> Result<Vec<Vec<Candidate>>, String> {
    let v: Value = serde_json::from_slice(json).map_err(|e| format!("not JSON: {e}"))?;
    if let Some(e) = v.get("error") {
        return Err(format!("the service says: {e}"));
    }
    let never = never_classes();
    actors
        .iter()
        .enumerate()
        .map(|(i, actor)| {
            let key = format!("q{i}");
            let results = v
                .get(&key)
                .and_then(|q| q.get("result"))
                .and_then(Value::as_array)
                .ok_or_else(|| format!("no results for '{key}'"))?;
            Ok(results
                .iter()
                .filter_map(|r| candidate(r, actor, &never))
                .collect())
        })
        .collect()
}

/// One result as a candidate; `None` for a result that is no Wikidata
/// item or whose name is no match for the actor's.
fn candidate(r: &Value, actor: &Actor, never: &[&str]) -> Option<Candidate> {
    let qid = r
        .get("qid")
        .and_then(Value::as_str)
        .or_else(|| r.get("id").and_then(Value::as_str))
        .map(|id| id.strip_prefix(WIKIDATA_ENTITY).unwrap_or(id))
        .filter(|q| {
            q.strip_prefix('Q')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })?;
    let name = r.get("name").and_then(Value::as_str).unwrap_or_default();
    let score = r.get("score").and_then(Value::as_f64).unwrap_or(0.0);
    let by_alias = fold(name) != fold(&actor.name);
    if by_alias && score < ALIAS_SCORE {
        return None;
    }
    let types: Vec<&str> = r
        .get("type")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.get("id").and_then(Value::as_str).or_else(|| t.as_str()))
        .map(|t| t.strip_prefix(WIKIDATA_ENTITY).unwrap_or(t))
        .collect();
    let country = r
        .get("features")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|f| {
            f.get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| COUNTRY_FEATURES.contains(&id))
        })
        .filter_map(|f| f.get("value").and_then(feature_value))
        .reduce(f64::max);
    Some(Candidate {
        qid: qid.to_string(),
        description: r
            .get("description")
            .and_then(Value::as_str)
            .map(String::from),
        by_alias,
        // The query was typed: the service answered instances of the
        // class or of its subclasses (types the answer lists are the
        // item's own, such as "political party" for an organisation).
        type_ok: true,
        never: types.iter().any(|t| never.contains(t)),
        countries: match country {
            Some(v) if v >= 50.0 => actor.countries.clone(),
            Some(_) => [ANOTHER_COUNTRY.to_string()].into(),
            None => Default::default(),
        },
        positions: Vec::new(),
    })
}

/// A feature's value: a number, or a boolean (services send either).
fn feature_value(v: &Value) -> Option<f64> {
    v.as_f64()
        .or_else(|| v.as_bool().map(|b| if b { 100.0 } else { 0.0 }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, class: &str, countries: &[&str]) -> Actor {
        Actor {
            iri: format!("eid:actor/{name}"),
            name: name.into(),
            class: class.into(),
            countries: countries.iter().map(ToString::to_string).collect(),
            ..Actor::default()
        }
    }

    #[test]
    fn a_batch_types_and_narrows_each_query() {
        let (a, b) = (
            actor("Amara Okonjo", "Person", &["Q114"]),
            actor("MJR", "Organisation", &[]),
        );
        let v: Value = serde_json::from_str(&batch(&[&a, &b])).unwrap();
        assert_eq!(
            v["q0"],
            json!({"query": "Amara Okonjo", "type": "Q5", "limit": 10,
                   "properties": [{"pid": "P27", "v": {"id": "Q114"}}]})
        );
        assert_eq!(
            v["q1"],
            json!({"query": "MJR", "type": "Q43229", "limit": 10})
        );
    }

    #[test]
    fn answers_become_candidates() {
        let a = actor("Luis Herrera", "Person", &["Q96"]);
        let answer = br#"{"q0":{"result":[
            {"id":"http://www.wikidata.org/entity/Q1","name":"Luis Alberto Herrera","score":95,
             "match":false,"type":[{"id":"Q5","name":"human"}],
             "features":[{"id":"P27","value":100}]},
            {"id":"Q2","name":"LUIS HERRERA","score":100,"match":false,"type":[{"id":"Q5"}],
             "features":[{"id":"P27","value":0}]},
            {"id":"Q3","name":"Luis Herrera","score":100,"type":[{"id":"Q4167410"}]},
            {"id":"Q4","name":"Luis Herrera Campins","score":60,"type":[]},
            {"id":"https://w3id.org/eventline/id/actor/x","name":"Luis Herrera","score":100}
        ]}}"#;
        let c = parse(answer, &[&a]).unwrap().remove(0);
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c[0].by_alias && c[0].countries.contains("Q96"));
        assert!(!c[1].by_alias && c[1].countries.contains(ANOTHER_COUNTRY));
        assert!(c[2].never && c[2].countries.is_empty());
        // And score decides as for an endpoint's candidates.
        let v = super::super::score::decide(&a, &c, 0.75);
        assert!(
            matches!(&v, super::super::Verdict::Linked { qid, score, .. } if qid == "Q1" && *score == 0.8),
            "{v:?}"
        );
    }

    #[test]
    fn a_bad_answer_is_an_error() {
        let a = actor("X", "Person", &[]);
        assert!(parse(b"<html>", &[&a]).unwrap_err().starts_with("not JSON"));
        assert!(parse(br#"{"q1":{"result":[]}}"#, &[&a])
            .unwrap_err()
            .contains("no results for 'q0'"));
        assert!(parse(br#"{"error":"bad"}"#, &[&a])
            .unwrap_err()
            .contains("bad"));
    }
}
