//! Reconciliation queries answered from the [`Index`], pure: the request
//! JSON read and bounded, candidates found by the words of their names,
//! filtered by type and country, scored 0-100, and the answer JSON.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::index::{Entity, Index, CLASSES};
use crate::link::names::{fold, similarity};
use crate::vocab::WIKIDATA_ENTITY;

/// Queries answered per request: OpenRefine sends ten at a time.
pub(crate) const MAX_QUERIES: usize = 50;
/// Candidates per query when the query gives no limit, and at most.
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 50;
/// Longest name looked up, in characters: a cell, not a document.
const MAX_QUERY_CHARS: usize = 500;
/// Least score answered: under it, a shared word is a coincidence.
const MIN_SCORE: f64 = 30.0;
/// An alias is a little less telling than the label.
const ALIAS_WEIGHT: f64 = 0.95;
/// A candidate whose country is unknown when the query names one.
const COUNTRY_UNKNOWN_WEIGHT: f64 = 0.9;
/// How far an exact best must lead the next to be a `match`.
const MATCH_LEAD: f64 = 10.0;

/// Property ids that name the country an actor acts for: eventline's
/// own, and Wikidata's citizenship and country, which OpenRefine users
/// of Wikidata's service already type.
const COUNTRY_PROPERTIES: [&str; 4] = ["country", "affiliation", "P27", "P17"];

/// Wikidata classes accepted as types, the eventline classes they stand
/// for, and the name given back.
const WIKIDATA_TYPES: [(&str, &[&str], &str); 4] = [
    ("Q5", &["Person"], "human"),
    ("Q6256", &["Country"], "country"),
    ("Q3624078", &["Country"], "sovereign state"),
    ("Q43229", &["Organisation", "ArmedGroup"], "organization"),
];

/// One query of a batch, as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Query {
    pub(crate) text: String,
    /// The classes asked for; `None` for any (and empty for a Wikidata
    /// class no actor is, such as a city: no candidate).
    pub(crate) classes: Option<BTreeSet<&'static str>>,
    /// The type ids were Wikidata's: answer in them too.
    pub(crate) wikidata_types: bool,
    pub(crate) limit: usize,
    /// Keys of the countries asked for (folded names, lowercase QIDs, IRIs).
    pub(crate) countries: Vec<String>,
    /// The property id the countries came by, echoed as a feature.
    pub(crate) country_property: Option<String>,
}

/// Reads a `queries` payload: a JSON object of named queries.
pub(crate) fn parse(payload: &str) -> Result<Vec<(String, Query)>, String> {
    let v: Value =
        serde_json::from_str(payload).map_err(|e| format!("'queries' is not JSON: {e}"))?;
    let Value::Object(map) = v else {
        return Err("'queries' must be a JSON object of named queries".into());
    };
    if map.len() > MAX_QUERIES {
        return Err(format!(
            "{} queries in one batch: at most {MAX_QUERIES}",
            map.len()
        ));
    }
    map.into_iter()
        .map(|(key, q)| {
            let q = query(&q).map_err(|m| format!("query '{key}': {m}"))?;
            Ok((key, q))
        })
        .collect()
}

fn query(v: &Value) -> Result<Query, String> {
    let Value::Object(o) = v else {
        return Err("must be an object with a 'query' string".into());
    };
    let text = o
        .get("query")
        .and_then(Value::as_str)
        .ok_or("no 'query' string")?;
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(format!("the query is over {MAX_QUERY_CHARS} characters"));
    }
    let mut q = Query {
        text: text.to_string(),
        classes: None,
        wikidata_types: false,
        limit: DEFAULT_LIMIT,
        countries: Vec::new(),
        country_property: None,
    };
    for t in strings(o.get("type"))? {
        let (classes, wikidata) = type_classes(&t)?;
        q.classes.get_or_insert_with(BTreeSet::new).extend(classes);
        q.wikidata_types |= wikidata;
    }
    match o.get("limit") {
        None | Some(Value::Null) => {}
        Some(l) => {
            let l = l.as_u64().ok_or("'limit' must be a whole number")?;
            q.limit = (l as usize).clamp(1, MAX_LIMIT);
        }
    }
    let props = match o.get("properties") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err("'properties' must be an array".into()),
    };
    for p in &props {
        let pid = p
            .get("pid")
            .or_else(|| p.get("p"))
            .and_then(Value::as_str)
            .ok_or("a property without a 'pid'")?;
        if !COUNTRY_PROPERTIES.contains(&pid) {
            // Properties the service does not know are ignored, as the
            // specification lets a service do.
            continue;
        }
        q.country_property.get_or_insert_with(|| pid.to_string());
        for value in property_values(p.get("v"))? {
            q.countries.push(country_key(&value));
        }
    }
    Ok(q)
}

/// A string, or an array of strings (`type` may be either).
fn strings(v: Option<&Value>) -> Result<Vec<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|t| {
                t.as_str()
                    .map(String::from)
                    .ok_or_else(|| "'type' must be a string or strings".to_string())
            })
            .collect(),
        Some(_) => Err("'type' must be a string or strings".into()),
    }
}

/// A property value: a string or number, an object with an `id` (or a
/// `name`), or an array of those.
fn property_values(v: Option<&Value>) -> Result<Vec<String>, String> {
    match v {
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Number(n)) => Ok(vec![n.to_string()]),
        Some(Value::Object(o)) => o
            .get("id")
            .or_else(|| o.get("name"))
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .ok_or_else(|| "a property value object needs an 'id'".to_string()),
        Some(Value::Array(a)) => {
            let mut out = Vec::new();
            for x in a {
                out.extend(property_values(Some(x))?);
            }
            Ok(out)
        }
        _ => Err("a property without a value 'v'".into()),
    }
}

/// How a country value is compared with [`Index::country_keys`].
fn country_key(value: &str) -> String {
    let value = value.trim();
    if let Some(q) = value.strip_prefix(WIKIDATA_ENTITY) {
        q.to_ascii_lowercase()
    } else if value.contains("://") {
        value.to_string()
    } else {
        fold(value)
    }
}

/// The classes a type id stands for, and whether it was Wikidata's.
fn type_classes(t: &str) -> Result<(Vec<&'static str>, bool), String> {
    let short = t
        .strip_prefix(WIKIDATA_ENTITY)
        .or_else(|| t.strip_prefix("https://w3id.org/eventline/ontology#"))
        .or_else(|| t.strip_prefix("evl:"))
        .unwrap_or(t);
    if let Some((_, classes, _)) = WIKIDATA_TYPES.iter().find(|(q, _, _)| *q == short) {
        return Ok((classes.to_vec(), true));
    }
    if is_qid(short) {
        // Another Wikidata class (a city, a film): no actor is one.
        return Ok((Vec::new(), true));
    }
    let short = if short == "Organization" {
        "Organisation"
    } else {
        short
    };
    match CLASSES.iter().find(|(c, _)| *c == short) {
        Some(("Actor", _)) => Ok((CLASSES.iter().map(|(c, _)| *c).collect(), false)),
        Some(("Organisation", _)) => Ok((vec!["Organisation", "ArmedGroup"], false)),
        Some((c, _)) => Ok((vec![*c], false)),
        None => Err(format!(
            "unknown type '{t}': one of {}, or Wikidata's Q5, Q6256, Q43229",
            CLASSES
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn is_qid(s: &str) -> bool {
    s.strip_prefix('Q')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// One candidate of an answer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) types: Vec<TypeRef>,
    pub(crate) score: f64,
    #[serde(rename = "match")]
    pub(crate) matched: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
    /// The Wikidata QID, when the actor is linked (OpenRefine shows the
    /// description; tools read this).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) qid: Option<String>,
    pub(crate) features: Vec<Feature>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct TypeRef {
    pub(crate) id: String,
    pub(crate) name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Feature {
    pub(crate) id: String,
    pub(crate) value: f64,
}

/// The answer to a batch: `{"q0": {"result": [...]}, ...}`.
pub(crate) fn answer(index: &Index, queries: &[(String, Query)]) -> Value {
    let mut out = Map::new();
    for (key, q) in queries {
        out.insert(key.clone(), json!({ "result": candidates(index, q) }));
    }
    Value::Object(out)
}

/// The candidates of one query, best first.
pub(crate) fn candidates(index: &Index, q: &Query) -> Vec<Candidate> {
    let folded = fold(&q.text);
    let mut found: Vec<(f64, bool, &Entity, Option<Feature>)> = Vec::new();
    for i in index.sharing_a_word(&folded) {
        let e = &index.entities[i];
        if q.classes
            .as_ref()
            .is_some_and(|c| c.is_disjoint(&e.classes))
        {
            continue;
        }
        let (mut score, exact) = e
            .names
            .iter()
            .map(|(n, alias)| {
                let s = f64::from(similarity(&folded, n));
                (if *alias { s * ALIAS_WEIGHT } else { s }, s >= 100.0)
            })
            .fold((0.0, false), |best, x| if x.0 > best.0 { x } else { best });
        let mut feature = None;
        if !q.countries.is_empty() {
            if e.countries.is_empty() {
                score *= COUNTRY_UNKNOWN_WEIGHT;
            } else if e.countries.iter().any(|c| {
                index
                    .country_keys(c)
                    .iter()
                    .any(|k| q.countries.contains(k))
            }) {
                feature = Some(Feature {
                    id: q.country_property.clone().unwrap_or_default(),
                    value: 100.0,
                });
            } else {
                // Narrowed out: a homonym of another country.
                continue;
            }
        }
        if score >= MIN_SCORE {
            found.push(((score * 10.0).round() / 10.0, exact, e, feature));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.iri.cmp(&b.2.iri)));
    found.truncate(q.limit);
    let lead = match (found.first(), found.get(1)) {
        (Some(a), Some(b)) => a.0 - b.0,
        (Some(_), None) => f64::INFINITY,
        _ => 0.0,
    };
    found
        .iter()
        .enumerate()
        .map(|(rank, (score, exact, e, feature))| Candidate {
            id: e.iri.clone(),
            name: e.label.clone().unwrap_or_else(|| e.iri.clone()),
            types: types(e, q),
            score: *score,
            matched: rank == 0 && *exact && *score >= 90.0 && lead >= MATCH_LEAD,
            description: description(e),
            qid: e.qid.clone(),
            features: std::iter::once(Feature {
                id: "name".into(),
                value: f64::from(
                    e.names
                        .iter()
                        .map(|(n, _)| similarity(&folded, n))
                        .max()
                        .unwrap_or(0),
                ),
            })
            .chain(feature.clone())
            .collect(),
        })
        .collect()
}

/// The entity's types, in the vocabulary the query used.
fn types(e: &Entity, q: &Query) -> Vec<TypeRef> {
    let mut out: Vec<TypeRef> = Vec::new();
    for class in &e.classes {
        if q.classes.as_ref().is_some_and(|c| !c.contains(class)) {
            continue;
        }
        let t = match WIKIDATA_TYPES.iter().find(|(_, cs, _)| cs.contains(class)) {
            Some((qid, _, name)) if q.wikidata_types => TypeRef {
                id: (*qid).into(),
                name: (*name).into(),
            },
            _ => TypeRef {
                id: (*class).into(),
                name: CLASSES
                    .iter()
                    .find(|(c, _)| c == class)
                    .map_or(*class, |(_, n)| *n)
                    .into(),
            },
        };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn description(e: &Entity) -> Option<String> {
    match (&e.description, &e.qid) {
        (Some(d), Some(q)) => Some(format!("{d} (Wikidata {q})")),
        (Some(d), None) => Some(d.clone()),
        (None, Some(q)) => Some(format!("Wikidata {q}")),
        (None, None) => None,
    }
}

/// The type list of the manifest: eventline's actor classes.
pub(crate) fn default_types() -> Value {
    Value::Array(
        CLASSES
            .iter()
            .map(|(id, name)| json!({ "id": id, "name": name }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(iri: &str, class: &'static str, label: &str, aliases: &[&str]) -> Entity {
        let mut names = vec![(fold(label), false)];
        names.extend(aliases.iter().map(|a| (fold(a), true)));
        Entity {
            iri: iri.into(),
            classes: [class].into(),
            label: Some(label.into()),
            names,
            ..Entity::default()
        }
    }

    fn index() -> Index {
        let mut putin = entity("eid:Q7747", "Person", "Vladimir Putin", &["Putin"]);
        putin.qid = Some("Q7747".into());
        putin.countries = ["eid:Q159".to_string()].into();
        let mut russia = entity("eid:Q159", "Country", "Russia", &["Russian Federation"]);
        russia.qid = Some("Q159".into());
        russia.countries = ["eid:Q159".to_string()].into();
        let mut other = entity("eid:actor/putin", "Organisation", "Putin", &[]);
        other.countries = ["eid:Q30".to_string()].into();
        let jose = entity("eid:actor/jose", "Person", "José Martí", &[]);
        Index::from_entities(vec![putin, russia, other, jose])
    }

    fn one(json: &str) -> Query {
        parse(&format!(r#"{{"q":{json}}}"#)).unwrap().remove(0).1
    }

    #[test]
    fn queries_read_types_limits_and_countries() {
        let q = one(r#"{"query":"Putin","type":["Q5","evl:Country"],"limit":500,
            "properties":[{"pid":"P27","v":[{"id":"http://www.wikidata.org/entity/Q159"},"Russia"]},
                          {"pid":"P569","v":"1952"}]}"#);
        assert_eq!(q.classes, Some(["Person", "Country"].into()));
        assert!(q.wikidata_types);
        assert_eq!(q.limit, MAX_LIMIT);
        assert_eq!(q.countries, vec!["q159".to_string(), "russia".into()]);
        assert_eq!(q.country_property.as_deref(), Some("P27"));
        assert_eq!(
            one(r#"{"query":"x","type":"Q515"}"#).classes,
            Some(BTreeSet::new())
        );
        assert_eq!(one(r#"{"query":"x"}"#).classes, None);
        assert!(parse(r#"{"q":{"query":"x","properties":[{"v":"y"}]}}"#).is_err());
        assert!(parse(&format!(r#"{{"q":{{"query":"{}"}}}}"#, "x".repeat(501))).is_err());
    }

    #[test]
    fn exact_names_lead_and_match_only_when_clear() {
        let idx = index();
        let c = candidates(&idx, &one(r#"{"query":"PUTIN"}"#));
        // The organisation's label and the person's alias are both exact:
        // no match, label first.
        assert_eq!(c[0].id, "eid:actor/putin");
        assert_eq!((c[0].score, c[0].matched), (100.0, false));
        assert_eq!((c[1].id.as_str(), c[1].score), ("eid:Q7747", 95.0));
        let c = candidates(&idx, &one(r#"{"query":"putin","type":"Person"}"#));
        assert_eq!(c.len(), 1);
        assert!(c[0].matched);
        assert_eq!(c[0].qid.as_deref(), Some("Q7747"));
        assert_eq!(c[0].description.as_deref(), Some("Wikidata Q7747"));
        let c = candidates(&idx, &one(r#"{"query":"jose marti"}"#));
        assert!(c[0].matched && c[0].name == "José Martí");
        let c = candidates(&idx, &one(r#"{"query":"Vladimir"}"#));
        assert!(!c[0].matched && c[0].score < 85.0, "{c:?}");
    }

    #[test]
    fn a_country_narrows_and_an_unknown_one_lowers() {
        let idx = index();
        for v in ["Q159", "Russian Federation", "RUSSIA"] {
            let q = one(&format!(
                r#"{{"query":"Putin","properties":[{{"pid":"country","v":"{v}"}}]}}"#
            ));
            let c = candidates(&idx, &q);
            assert_eq!(c.len(), 1, "{v}: {c:?}");
            assert_eq!(c[0].features[1].id, "country");
        }
        let q = one(r#"{"query":"José Martí","properties":[{"pid":"P27","v":"Q159"}]}"#);
        let c = candidates(&idx, &q);
        assert_eq!((c[0].score, c[0].matched), (90.0, true));
    }

    #[test]
    fn types_answer_in_the_vocabulary_asked() {
        let idx = index();
        let c = candidates(&idx, &one(r#"{"query":"Russia","type":"Q6256"}"#));
        assert_eq!(
            c[0].types,
            vec![TypeRef {
                id: "Q6256".into(),
                name: "country".into()
            }]
        );
        let c = candidates(&idx, &one(r#"{"query":"Russia","type":"Country"}"#));
        assert_eq!(c[0].types[0].id, "Country");
        assert!(candidates(&idx, &one(r#"{"query":"Russia","type":"Q515"}"#)).is_empty());
        let a = answer(
            &idx,
            &parse(r#"{"a":{"query":"Russia"},"b":{"query":"nobody"}}"#).unwrap(),
        );
        assert_eq!(a["a"]["result"][0]["match"], true);
        assert_eq!(a["b"]["result"], json!([]));
    }
}
