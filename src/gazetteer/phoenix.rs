//! The Phoenix actor table (`ontology/phoenix.tsv`, generated from the
//! Phoenix event data dictionaries by `scripts/phoenix_gazetteer.py`).
//!
//! It is read straight into the gazetteer's statements: as Turtle, its
//! 24,000 actors took most of a second of every start. The store gets the
//! same statements as RDF ([`as_rdf`]), so queries see these actors as they
//! see the hand-made gazetteer's.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use oxrdf::{Literal, NamedNode};
use rustc_hash::FxHashMap as HashMap;

use super::{GazetteerError, Raw};
use crate::vocab::{self, EID, EVL};

pub(crate) const PATH: &str = "ontology/phoenix.tsv";
pub(crate) const TABLE: &str = include_str!("../../ontology/phoenix.tsv");

/// The classes a row may give; "=" adds names to an entity described elsewhere.
const CLASSES: [&str; 3] = ["Person", "Organisation", "ArmedGroup"];
const MORE_NAMES: &str = "=";

/// Whether a gazetteer source is a table of this format rather than Turtle.
pub(super) fn is_table(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tsv")
}

/// One actor: its subject's statements and its role spells'.
struct Row<'a> {
    class: &'a str,
    iri: String,
    label: &'a str,
    names: Vec<&'a str>,
    affiliation: Option<String>,
    roles: Vec<Spell<'a>>,
}

struct Spell<'a> {
    iri: String,
    title: &'a str,
    of: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// The rows of a table, each checked; comment and blank lines skipped.
fn rows<'a>(
    text: &'a str,
    path: &'a Path,
) -> impl Iterator<Item = Result<Row<'a>, GazetteerError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| {
            row(l).map_err(|message| GazetteerError::Table {
                path: path.to_path_buf(),
                line: i + 1,
                message,
            })
        })
}

fn row(line: &str) -> Result<Row<'_>, String> {
    let f: Vec<&str> = line.split('\t').collect();
    let [class, id, label, names, affiliation, roles] = f[..] else {
        return Err(format!("{} fields, not 6", f.len()));
    };
    if !id_ok(id) {
        return Err(format!("bad id {id:?}"));
    }
    let iri = if class == MORE_NAMES {
        format!("{EID}{id}")
    } else if CLASSES.contains(&class) {
        if label.is_empty() {
            return Err("no label".into());
        }
        format!("{EID}actor/phoenix/{id}")
    } else {
        return Err(format!("unknown class {class:?}"));
    };
    let affiliation = match affiliation {
        "" => None,
        a if id_ok(a) => Some(format!("{EID}{a}")),
        a => return Err(format!("bad affiliation {a:?}")),
    };
    let roles = roles
        .split(';')
        .filter(|r| !r.is_empty())
        .map(|r| spell(id, r))
        .collect::<Result<_, _>>()?;
    Ok(Row {
        class,
        iri,
        label,
        names: names.split('|').filter(|n| !n.is_empty()).collect(),
        affiliation,
        roles,
    })
}

/// "government,Q184,2003-01-01,2005-12-31" (either date may be empty).
fn spell<'a>(id: &str, text: &'a str) -> Result<Spell<'a>, String> {
    let f: Vec<&str> = text.split(',').collect();
    let [title, of, start, end] = f[..] else {
        return Err(format!("role {text:?}: 4 fields wanted"));
    };
    if title.is_empty() || !id_ok(of) {
        return Err(format!("role {text:?}: title and country wanted"));
    }
    let date = |d: &str| -> Result<Option<NaiveDate>, String> {
        if d.is_empty() {
            return Ok(None);
        }
        d.parse()
            .map(Some)
            .map_err(|_| format!("role {text:?}: bad date {d:?}"))
    };
    let slug: String = of
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    Ok(Spell {
        iri: format!("{EID}role/phoenix/{id}-{title}-{slug}"),
        title,
        of: format!("{EID}{of}"),
        start: date(start)?,
        end: date(end)?,
    })
}

/// Ids become IRIs unescaped, so they keep to characters IRIs allow as such.
fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'.'))
}

/// Adds a table's statements to the gazetteer's raw statements.
pub(super) fn read(
    text: &str,
    path: &Path,
    raw: &mut HashMap<String, Raw>,
    order: &mut Vec<String>,
) -> Result<(), GazetteerError> {
    fn entry<'r>(
        raw: &'r mut HashMap<String, Raw>,
        order: &mut Vec<String>,
        iri: &str,
    ) -> &'r mut Raw {
        if !raw.contains_key(iri) {
            order.push(iri.to_string());
        }
        raw.entry(iri.to_string()).or_default()
    }
    for row in rows(text, path) {
        let row = row?;
        let r = entry(raw, order, &row.iri);
        if row.class != MORE_NAMES {
            r.types.push(format!("{EVL}{}", row.class));
            r.label = Some(row.label.to_string());
            r.holds.extend(row.roles.iter().map(|s| s.iri.clone()));
        }
        r.alt.extend(row.names.iter().map(|n| n.to_string()));
        for s in &row.roles {
            let rr = entry(raw, order, &s.iri);
            rr.role_title = Some(s.title.to_lowercase());
            rr.role_of = Some(s.of.clone());
            rr.role_start = s.start;
            rr.role_end = s.end;
        }
    }
    Ok(())
}

/// A gazetteer source as RDF the store loads (N-Triples, which Turtle
/// parsers read): a table rendered, Turtle as it is.
pub(crate) fn as_rdf<'a>(path: &Path, text: &'a str) -> Cow<'a, str> {
    if !is_table(path) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 4);
    // The table was checked when the gazetteer was built from it; a line
    // that fails here fails there first, with its line number.
    for row in rows(text, &PathBuf::from(PATH)).flatten() {
        write_row(&mut out, &row);
    }
    Cow::Owned(out)
}

fn write_row(out: &mut String, row: &Row<'_>) {
    let s = NamedNode::new_unchecked(row.iri.as_str());
    let mut triple = |p: &str, o: String| {
        out.push_str(&format!("{s} <{p}> {o} .\n"));
    };
    let iri = |i: &str| NamedNode::new_unchecked(i).to_string();
    let text = |t: &str| Literal::new_language_tagged_literal_unchecked(t, "en").to_string();
    if row.class != MORE_NAMES {
        triple(
            vocab::rdf::TYPE.as_str(),
            iri(&format!("{EVL}{}", row.class)),
        );
        triple(vocab::rdfs::LABEL.as_str(), text(row.label));
    }
    for n in &row.names {
        triple(vocab::SKOS_ALT_LABEL.as_str(), text(n));
    }
    if let Some(a) = &row.affiliation {
        triple(vocab::AFFILIATION.as_str(), iri(a));
    }
    for sp in &row.roles {
        triple(vocab::HOLDS.as_str(), iri(&sp.iri));
    }
    for sp in &row.roles {
        let r = NamedNode::new_unchecked(sp.iri.as_str());
        let mut line = |p: &str, o: String| out.push_str(&format!("{r} <{p}> {o} .\n"));
        line(vocab::rdf::TYPE.as_str(), iri(&format!("{EVL}RoleSpell")));
        line(
            vocab::ROLE_TITLE.as_str(),
            Literal::new_simple_literal(sp.title).to_string(),
        );
        line(vocab::ROLE_OF.as_str(), iri(&sp.of));
        for (p, d) in [(vocab::ROLE_START, sp.start), (vocab::ROLE_END, sp.end)] {
            if let Some(d) = d {
                let lit = Literal::new_typed_literal(d.to_string(), vocab::xsd::DATE);
                line(p.as_str(), lit.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::model::EntityType;

    /// What `scripts/phoenix_gazetteer.py` writes for its test fixture
    /// (`scripts/phoenix/test_phoenix_gazetteer.py` checks the script's side).
    const FIXTURE: &str = include_str!("../../tests/data/phoenix/fixture.tsv");

    fn fixture() -> Gazetteer {
        Gazetteer::from_turtle(&[
            (
                PathBuf::from("ontology/gazetteer.ttl"),
                super::super::BUILTIN.to_string(),
            ),
            (PathBuf::from("fixture.tsv"), FIXTURE.to_string()),
        ])
        .unwrap()
    }

    #[test]
    fn a_table_row_is_an_actor_with_dated_roles() {
        let g = fixture();
        let text = "Belarus Prime Minister Vladimir Drazhin said.";
        let m = g.find_names(text);
        let hit = m
            .iter()
            .find(|m| &text[m.start..m.end] == "Vladimir Drazhin");
        let idx = hit.expect("found").candidates[0];
        let e = &g.entities[idx];
        assert_eq!(e.etype, EntityType::Person);
        assert_eq!(e.iri, format!("{EID}actor/phoenix/vladimir-drazhin"));
        let belarus = g.get(&format!("{EID}Q184")).unwrap();
        let on = |y| NaiveDate::from_ymd_opt(y, 6, 1);
        assert_eq!(
            g.holder("government", belarus, on(2004).unwrap()),
            Some(idx)
        );
        assert_eq!(g.holder("government", belarus, on(2010).unwrap()), None);
        assert_eq!(g.anchor(idx, on(2004)), belarus);
    }

    #[test]
    fn more_names_join_the_gazetteer_entity() {
        let g = fixture();
        let m = g.find_names("Binyamin Netanyahu spoke.");
        assert_eq!(m.len(), 1);
        assert_eq!(g.entities[m[0].candidates[0]].iri, format!("{EID}Q43723"));
    }

    #[test]
    fn bad_rows_name_the_file_and_line() {
        let bad = "# comment\nPerson\tx\tX\n";
        let e = Gazetteer::from_turtle(&[(PathBuf::from("bad.tsv"), bad.to_string())]);
        let msg = e.unwrap_err().to_string();
        assert_eq!(msg, "bad.tsv:2: 3 fields, not 6");
        let bad = "Person\tx\tX\t\t\tgovernment,Q1,2004-13-01,\n";
        let e = Gazetteer::from_turtle(&[(PathBuf::from("bad.tsv"), bad.to_string())]);
        assert!(e.unwrap_err().to_string().contains("bad date"));
    }

    #[test]
    fn the_store_gets_the_same_statements_as_rdf() {
        let nt = as_rdf(Path::new("fixture.tsv"), FIXTURE);
        let quads: Vec<_> = oxrdfio::RdfParser::from_format(oxrdfio::RdfFormat::Turtle)
            .for_slice(nt.as_bytes())
            .collect::<Result<_, _>>()
            .expect("the rendering parses");
        assert!(quads.len() > 10);
        let again = Gazetteer::from_turtle(&[
            (
                PathBuf::from("ontology/gazetteer.ttl"),
                super::super::BUILTIN.to_string(),
            ),
            (PathBuf::from("fixture.ttl"), nt.into_owned()),
        ])
        .unwrap();
        assert_eq!(again.len(), fixture().len());
        assert!(again
            .get(&format!("{EID}actor/phoenix/vladimir-drazhin"))
            .is_some());
    }
}
