//! Asking a Wikidata-shaped endpoint for the items a name may be: the
//! query (`queries/candidates.rq`, with the class table of
//! `data/types.tsv`), and its SPARQL JSON answer folded into one
//! [`Candidate`] per item.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use oxigraph::model::Term;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};

use super::score::{Actor, Candidate};
use crate::vocab::WIKIDATA_ENTITY;

const TEMPLATE: &str = include_str!("queries/candidates.rq");
const TYPES: &str = include_str!("data/types.tsv");

/// Candidates asked for per name: a common name has many items, and past
/// this many the text could not tell them apart anyway.
const LIMIT: usize = 50;

/// The classes of `data/types.tsv`: `(eventline class, Wikidata classes)`
/// and the classes never linked.
fn type_table() -> (Vec<(&'static str, Vec<&'static str>)>, Vec<&'static str>) {
    let mut classes = Vec::new();
    let mut never = Vec::new();
    for line in TYPES.lines().filter(|l| !l.starts_with('#')) {
        let Some((class, qids)) = line.split_once('\t') else {
            continue;
        };
        let qids: Vec<&str> = qids.split_whitespace().collect();
        if class == "never" {
            never = qids;
        } else {
            classes.push((class, qids));
        }
    }
    (classes, never)
}

/// The Wikidata classes an eventline class may link to; none for a class
/// the table does not know (such an actor is never linked).
pub(crate) fn classes_for(class: &str) -> Vec<&'static str> {
    type_table()
        .0
        .into_iter()
        .find(|(c, _)| *c == class)
        .map(|(_, q)| q)
        .unwrap_or_default()
}

/// The Wikidata classes whose instances are never linked.
pub(crate) fn never_classes() -> Vec<&'static str> {
    type_table().1
}

/// The candidate query for an actor, or `None` when its class may link to
/// nothing.
pub(crate) fn query(actor: &Actor, langs: &[String]) -> Option<String> {
    let ok = classes_for(&actor.class);
    if ok.is_empty() {
        return None;
    }
    let never = type_table().1;
    let mut names = Vec::new();
    for form in name_forms(&actor.name) {
        for lang in langs {
            names.push(format!("{}@{lang}", string_literal(&form)));
        }
    }
    let wd = |q: &[&str]| {
        q.iter()
            .map(|q| format!("wd:{q}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(
        TEMPLATE
            .replace("{names}", &names.join(" "))
            .replace("{ok}", &instance_of_any(&ok))
            .replace("{never}", &wd(&never))
            .replace("{limit}", &LIMIT.to_string())
            .replace("{lang}", langs.first().map_or("en", String::as_str)),
    )
}

/// `?item` is an instance of one of `classes` or of a subclass: a union
/// of one path per class.
fn instance_of_any(classes: &[&str]) -> String {
    classes
        .iter()
        .map(|q| format!("{{ ?item wdt:P31/wdt:P279* wd:{q} }}"))
        .collect::<Vec<_>>()
        .join(" UNION ")
}

/// The name as written, and in title case when the article shouted it
/// (datelines: "HARARE"), since labels are written in title case.
fn name_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_string()];
    if name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase) {
        forms.push(crate::extract::text::title_case(name));
    }
    forms
}

/// A SPARQL string literal (quotes, backslashes and line breaks escaped).
fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The endpoint's SPARQL JSON answer, one candidate per item.
pub(crate) fn parse(
    json: &[u8],
) -> Result<Vec<Candidate>, oxigraph::sparql::results::QueryResultsSyntaxError> {
    let mut items: BTreeMap<String, Candidate> = BTreeMap::new();
    let SliceQueryResultsParserOutput::Solutions(solutions) =
        QueryResultsParser::from_format(QueryResultsFormat::Json).for_slice(json)?
    else {
        return Ok(Vec::new());
    };
    for solution in solutions {
        let s = solution?;
        let Some(Term::NamedNode(item)) = s.get("item") else {
            continue;
        };
        let Some(qid) = item.as_str().strip_prefix(WIKIDATA_ENTITY) else {
            continue;
        };
        let c = items.entry(qid.to_string()).or_insert_with(|| Candidate {
            qid: qid.to_string(),
            by_alias: true,
            ..Candidate::default()
        });
        // An item matched by its label anywhere is a label match.
        c.by_alias &= boolean(s.get("alias"));
        c.type_ok |= boolean(s.get("typeOk"));
        c.never |= boolean(s.get("never"));
        if let Some(Term::Literal(d)) = s.get("desc") {
            c.description.get_or_insert_with(|| d.value().to_string());
        }
        if let Some(Term::NamedNode(n)) = s.get("country") {
            if let Some(q) = n.as_str().strip_prefix(WIKIDATA_ENTITY) {
                c.countries.insert(q.to_string());
            }
        }
        let (start, end) = (date(s.get("start")), date(s.get("end")));
        if (start.is_some() || end.is_some()) && !c.positions.contains(&(start, end)) {
            c.positions.push((start, end));
        }
    }
    Ok(items.into_values().collect())
}

fn boolean(t: Option<&Term>) -> bool {
    matches!(t, Some(Term::Literal(l)) if l.value() == "true" || l.value() == "1")
}

/// The day of a Wikidata time value (`2017-01-10T00:00:00Z`); none for
/// what does not parse (BCE dates, precision placeholders).
fn date(t: Option<&Term>) -> Option<NaiveDate> {
    match t {
        Some(Term::Literal(l)) => l.value().get(..10)?.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_eventline_mints_has_a_row() {
        for class in [
            "Person",
            "Country",
            "Organisation",
            "ArmedGroup",
            "Actor",
            "City",
            "Region",
            "Building",
        ] {
            assert!(!classes_for(class).is_empty(), "{class}");
        }
        assert!(type_table().1.contains(&"Q4167410"));
    }

    #[test]
    fn the_query_names_each_form_in_each_language_and_parses() {
        let actor = Actor {
            name: "HARARE \"X\"".into(),
            class: "City".into(),
            ..Actor::default()
        };
        let q = query(&actor, &["en".into(), "mul".into()]).unwrap();
        assert!(q.contains(r#""HARARE \"X\""@en "HARARE \"X\""@mul"#), "{q}");
        assert!(q.contains(r#""Harare \"x\""@en"#), "{q}");
        assert!(
            q.contains(
                "{ ?item wdt:P31/wdt:P279* wd:Q515 } UNION { ?item wdt:P31/wdt:P279* wd:Q486972 }"
            ),
            "{q}"
        );
        spargebra::SparqlParser::new().parse_query(&q).unwrap();
    }

    #[test]
    fn rows_fold_into_one_candidate_per_item() {
        let json = br#"{"head":{"vars":["item","alias","typeOk","never","desc","country","start","end"]},
          "results":{"bindings":[
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q1"},
             "alias":{"type":"literal","value":"true","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "typeOk":{"type":"literal","value":"true","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "never":{"type":"literal","value":"false","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "country":{"type":"uri","value":"http://www.wikidata.org/entity/Q117"}},
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q1"},
             "alias":{"type":"literal","value":"false","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "typeOk":{"type":"literal","value":"true","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "never":{"type":"literal","value":"false","datatype":"http://www.w3.org/2001/XMLSchema#boolean"},
             "desc":{"type":"literal","value":"a politician","xml:lang":"en"},
             "start":{"type":"literal","value":"2023-02-01T00:00:00Z","datatype":"http://www.w3.org/2001/XMLSchema#dateTime"}}
          ]}}"#;
        let c = parse(json).unwrap();
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert!(!c.by_alias && c.type_ok && !c.never);
        assert_eq!(c.description.as_deref(), Some("a politician"));
        assert!(c.countries.contains("Q117"));
        assert_eq!(c.positions, vec![("2023-02-01".parse().ok(), None)]);
    }
}
