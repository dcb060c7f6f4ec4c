//! The Phoenix actor table (`ontology/phoenix.tsv`, generated from the
//! Phoenix event data dictionaries by `scripts/phoenix_gazetteer.py`).
//!
//! It is read straight into the gazetteer's statements: as Turtle, its
//! 24,000 actors took most of a second of every start. It stays out of the
//! store's gazetteer graph: loading its ~180,000 statements made the first
//! ingest into a new store take 11 s of CPU and 420 MB, and the actors an
//! article names are described in the store anyway (type, label and
//! affiliation, like every actor without a Wikidata link).

use std::path::Path;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::{GazetteerError, Raw, RawSpell};
use crate::vocab::{EID, EVL};

pub(crate) const PATH: &str = "ontology/phoenix.tsv";
pub(crate) const TABLE: &str = include_str!("../../ontology/phoenix.tsv");

/// The classes a row may give; "=" adds names to an entity described elsewhere.
const CLASSES: [&str; 3] = ["Person", "Organisation", "ArmedGroup"];
const MORE_NAMES: &str = "=";

/// Whether a gazetteer source is a table of this format rather than Turtle.
pub(crate) fn is_table(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tsv")
}

/// One actor: its statements and the roles it held.
struct Row<'a> {
    class: &'a str,
    iri: String,
    label: &'a str,
    names: Vec<&'a str>,
    roles: Vec<Spell<'a>>,
}

struct Spell<'a> {
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
        concat(&[EID, id])
    } else if CLASSES.contains(&class) {
        if label.is_empty() {
            return Err("no label".into());
        }
        concat(&[EID, "actor/phoenix/", id])
    } else {
        return Err(format!("unknown class {class:?}"));
    };
    // The affiliation is for readers of the table and other tools: a
    // person's country comes from their spells, and the store states an
    // actor's affiliation from its anchor.
    if !(affiliation.is_empty() || id_ok(affiliation)) {
        return Err(format!("bad affiliation {affiliation:?}"));
    }
    let roles = roles
        .split(';')
        .filter(|r| !r.is_empty())
        .map(spell)
        .collect::<Result<_, _>>()?;
    Ok(Row {
        class,
        iri,
        label,
        names: names.split('|').filter(|n| !n.is_empty()).collect(),
        roles,
    })
}

/// "government,Q184,2003-01-01,2005-12-31" (either date may be empty).
fn spell(text: &str) -> Result<Spell<'_>, String> {
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
        iso_day(d)
            .or_else(|| d.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("role {text:?}: bad date {d:?}"))
    };
    Ok(Spell {
        title,
        of: concat(&[EID, of]),
        start: date(start)?,
        end: date(end)?,
    })
}

/// The pieces joined, in one allocation: 90,000 `format!` calls were a
/// tenth of every start.
fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// "2004-06-01" without the general date parser (17,000 role spells are
/// read at every start).
fn iso_day(d: &str) -> Option<NaiveDate> {
    let mut it = d.splitn(3, '-');
    let (y, m, day) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || day.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, day.parse().ok()?)
}

/// Ids become IRIs unescaped, so they keep to characters IRIs allow as such.
fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'.'))
}

/// Adds a table's statements to the gazetteer's raw statements, each row's
/// roles held in the row's own entry (no role node per spell: 40,000 of
/// them cost a twentieth of the start-up's instructions and 13 MB).
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
            r.types.push(concat(&[EVL, row.class]));
            r.label = Some(row.label.to_string());
            r.spells.extend(row.roles.into_iter().map(|s| RawSpell {
                title: s.title.to_lowercase(),
                of: s.of,
                start: s.start,
                end: s.end,
            }));
        }
        r.alt.extend(row.names.iter().map(ToString::to_string));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

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
}
