//! The gazetteer: actors and places with labels, aliases, demonyms, Wikidata
//! QIDs, metonymy (capitals and buildings standing for governments) and role
//! spells with dates ("the U.S. president" in 1997 is Clinton).
//!
//! It is RDF (`ontology/gazetteer.ttl`, built in, plus users' `--gazetteer`
//! files in the same vocabulary) and the Phoenix actor table (`phoenix`),
//! read once into plain structures and one
//! Aho-Corasick automaton over every surface form, so that finding all names
//! in an article is a single pass however large the gazetteer grows.

use std::path::PathBuf;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use chrono::NaiveDate;
use oxrdf::Term;
use oxrdfio::{RdfFormat, RdfParser};
// FxHash: the tables are built at every start, from ~70,000 keys.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use thiserror::Error;

use crate::model::{EntityRef, EntityType};
use crate::vocab;

/// Actors of the Phoenix event data dictionaries: ministers, organisations
/// and armed groups the hand-made gazetteer does not list, and more names
/// for some it does.
mod phoenix;
pub(crate) use phoenix::is_table;
mod spelling;

/// The gazetteer shipped with eventline.
pub(crate) const BUILTIN: &str = include_str!("../ontology/gazetteer.ttl");

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum GazetteerError {
    #[error("{}: cannot read gazetteer", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: invalid Turtle", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: oxrdfio::RdfSyntaxError,
    },
    #[error("{}:{line}: {message}", path.display())]
    Table {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("cannot build the name matcher")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// A role held for a while: "president of Q30 from 2025-01-20".
#[derive(Debug, Clone)]
pub struct RoleSpell {
    pub title: String,
    pub of: usize,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl RoleSpell {
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: String,
    pub label: String,
    pub etype: EntityType,
    pub qid: Option<String>,
    pub stands_for: Option<usize>,
    pub located_in: Option<usize>,
    pub seat_of: Option<String>,
    pub roles: Vec<RoleSpell>,
}

/// How a surface form names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceKind {
    Name,
    /// "Russian": the country as a modifier ("Russian officials").
    Demonym,
}

#[derive(Debug, Clone)]
struct Surface {
    kind: SurfaceKind,
    candidates: Vec<usize>,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub kind: SurfaceKind,
    pub candidates: Vec<usize>,
}

pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_iri: HashMap<String, usize>,
    surfaces: Vec<Surface>,
    patterns: Vec<String>,
    matcher: AhoCorasick,
    /// Who ever held a title of a country or organisation, so `holder` looks
    /// at a handful of people instead of every entity.
    holders: HashMap<(usize, String), Vec<usize>>,
    surnames: spelling::Surnames,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.entities.len())
            .field("surface_forms", &self.patterns.len())
            .finish()
    }
}

const HEAD_TITLES: [&str; 6] = [
    "president",
    "prime minister",
    "chancellor",
    "king",
    "supreme leader",
    "emir",
];

#[derive(Default)]
struct Raw {
    types: Vec<String>,
    label: Option<String>,
    alt: Vec<String>,
    demonyms: Vec<String>,
    same_as: Vec<String>,
    stands_for: Option<String>,
    located_in: Option<String>,
    seat_of: Option<String>,
    holds: Vec<String>,
    /// Roles a table gives in its entity's own row: no role node to look up.
    spells: Vec<RawSpell>,
    role_title: Option<String>,
    role_of: Option<String>,
    role_start: Option<NaiveDate>,
    role_end: Option<NaiveDate>,
}

/// A role held, as a table row gives it: title (lower case), the IRI of what
/// it is held of, and its dates.
struct RawSpell {
    title: String,
    of: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

impl Gazetteer {
    /// The built-in gazetteer plus the given files.
    pub fn load(extra: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
        Self::from_turtle(&Self::sources(extra)?)
    }

    /// The texts of the built-in and extra gazetteer files (Turtle, and
    /// tables the store leaves out: see [`is_table`]).
    pub fn sources(extra: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, GazetteerError> {
        let mut v = vec![
            (PathBuf::from("ontology/gazetteer.ttl"), BUILTIN.to_string()),
            (PathBuf::from(phoenix::PATH), phoenix::TABLE.to_string()),
        ];
        for p in extra {
            let text = std::fs::read_to_string(p).map_err(|source| GazetteerError::Io {
                path: p.clone(),
                source,
            })?;
            v.push((p.clone(), text));
        }
        Ok(v)
    }

    /// The gazetteer the given texts describe: Turtle, or tables like
    /// `ontology/phoenix.tsv` (by the `.tsv` extension).
    pub fn from_turtle(sources: &[(PathBuf, String)]) -> Result<Gazetteer, GazetteerError> {
        let (raw, order) = read_raw(sources)?;
        let (mut entities, by_iri) = entities(&raw, &order);
        link(&mut entities, &raw, &by_iri);
        // In the map's own order: leftmost-longest matching of distinct
        // forms does not depend on the order of the patterns, and sorting
        // thirty thousand names cost a tenth as much as building it.
        let (patterns, surfaces): (Vec<String>, Vec<Surface>) =
            surface_forms(&entities, &raw).into_iter().unzip();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)?;
        let mut holders: HashMap<(usize, String), Vec<usize>> = HashMap::default();
        for (idx, e) in entities.iter().enumerate() {
            for r in &e.roles {
                let v = holders.entry((r.of, r.title.clone())).or_default();
                if !v.contains(&idx) {
                    v.push(idx);
                }
            }
        }
        let mut surnames = spelling::Surnames::default();
        for (idx, e) in entities.iter().enumerate() {
            if e.etype == EntityType::Person {
                for name in std::iter::once(&e.label).chain(&raw[&e.iri].alt) {
                    surnames.add(name, idx);
                }
            }
        }
        Ok(Gazetteer {
            entities,
            by_iri,
            surfaces,
            patterns,
            matcher,
            holders,
            surnames,
        })
    }
}

/// What the Turtle says of each subject, subjects in order of appearance.
fn read_raw(
    sources: &[(PathBuf, String)],
) -> Result<(HashMap<String, Raw>, Vec<String>), GazetteerError> {
    let mut raw: HashMap<String, Raw> = HashMap::default();
    let mut order: Vec<String> = Vec::new();
    for (path, text) in sources {
        if phoenix::is_table(path) {
            phoenix::read(text, path, &mut raw, &mut order)?;
            continue;
        }
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
            let quad = quad.map_err(|source| GazetteerError::Parse {
                path: path.clone(),
                source,
            })?;
            let s = match &quad.subject {
                oxrdf::NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                other => other.to_string(),
            };
            let r = raw.entry(s.clone()).or_insert_with(|| {
                order.push(s.clone());
                Raw::default()
            });
            let p = quad.predicate.as_ref();
            let lit = match &quad.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            };
            let iri = match &quad.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            if p == vocab::rdf::TYPE {
                r.types.extend(iri);
            } else if p == vocab::rdfs::LABEL {
                if r.label.is_none() {
                    r.label = lit;
                } else {
                    r.alt.extend(lit);
                }
            } else if p == vocab::SKOS_ALT_LABEL {
                r.alt.extend(lit);
            } else if p == vocab::DEMONYM {
                r.demonyms.extend(lit);
            } else if p == vocab::OWL_SAME_AS {
                r.same_as.extend(iri);
            } else if p == vocab::STANDS_FOR {
                r.stands_for = iri;
            } else if p == vocab::LOCATED_IN {
                r.located_in = iri;
            } else if p == vocab::SEAT_OF {
                r.seat_of = lit;
            } else if p == vocab::HOLDS {
                r.holds.extend(iri);
            } else if p == vocab::ROLE_TITLE {
                r.role_title = lit.map(|t| t.to_lowercase());
            } else if p == vocab::ROLE_OF {
                r.role_of = iri;
            } else if p == vocab::ROLE_START {
                r.role_start = lit.and_then(|d| d.parse().ok());
            } else if p == vocab::ROLE_END {
                r.role_end = lit.and_then(|d| d.parse().ok());
            }
        }
    }
    Ok((raw, order))
}

/// The entity type of the most specific class among `types`.
fn etype_of(types: &[String]) -> Option<EntityType> {
    let has = |local: &str| {
        types
            .iter()
            .any(|t| t.strip_prefix(vocab::EVL) == Some(local))
    };
    Some(if has("Person") {
        EntityType::Person
    } else if has("Country") {
        EntityType::Country
    } else if has("ArmedGroup") {
        EntityType::ArmedGroup
    } else if has("Organisation") {
        EntityType::Organisation
    } else if has("City") {
        EntityType::City
    } else if has("Region") {
        EntityType::Region
    } else if has("Building") {
        EntityType::Building
    } else if has("Place") {
        EntityType::Region
    } else if has("Actor") {
        EntityType::Group
    } else {
        return None;
    })
}

/// The entities (typed and labelled subjects), and their index by IRI.
fn entities(raw: &HashMap<String, Raw>, order: &[String]) -> (Vec<Entity>, HashMap<String, usize>) {
    let mut entities = Vec::new();
    let mut by_iri = HashMap::default();
    for iri in order {
        let r = &raw[iri];
        let Some(etype) = etype_of(&r.types) else {
            continue;
        };
        let Some(label) = r.label.clone() else {
            continue;
        };
        let qid = r
            .same_as
            .iter()
            .find_map(|s| s.strip_prefix(vocab::WIKIDATA_ENTITY))
            .map(str::to_string);
        by_iri.insert(iri.clone(), entities.len());
        entities.push(Entity {
            iri: iri.clone(),
            label,
            etype,
            qid,
            stands_for: None,
            located_in: None,
            seat_of: r.seat_of.clone(),
            roles: Vec::new(),
        });
    }
    (entities, by_iri)
}

/// Links entities to each other: metonymy, location, roles held.
fn link(entities: &mut [Entity], raw: &HashMap<String, Raw>, by_iri: &HashMap<String, usize>) {
    for e in entities.iter_mut() {
        let r = &raw[&e.iri];
        e.stands_for = r.stands_for.as_ref().and_then(|i| by_iri.get(i).copied());
        e.located_in = r.located_in.as_ref().and_then(|i| by_iri.get(i).copied());
        for role_iri in &r.holds {
            let Some(role) = raw.get(role_iri) else {
                continue;
            };
            let (Some(title), Some(of)) = (&role.role_title, &role.role_of) else {
                continue;
            };
            let Some(&of) = by_iri.get(of) else { continue };
            e.roles.push(RoleSpell {
                title: title.clone(),
                of,
                start: role.role_start,
                end: role.role_end,
            });
        }
        for s in &r.spells {
            let Some(&of) = by_iri.get(&s.of) else {
                continue;
            };
            e.roles.push(RoleSpell {
                title: s.title.clone(),
                of,
                start: s.start,
                end: s.end,
            });
        }
    }
}

/// Surface forms; one form may name several entities (two Bushes), and is
/// disambiguated by date at lookup.
fn surface_forms(entities: &[Entity], raw: &HashMap<String, Raw>) -> HashMap<String, Surface> {
    let mut forms: HashMap<String, Surface> = HashMap::default();
    for (idx, e) in entities.iter().enumerate() {
        let r = &raw[&e.iri];
        let mut names: Vec<&String> = vec![&e.label];
        names.extend(r.alt.iter());
        for n in names {
            add_form(&mut forms, n, SurfaceKind::Name, idx);
            // "al-Qaida" opens a sentence as "Al-Qaida", "al-Aqsa" as
            // "Al-Aqsa" ("the X" aliases have their own capitalised form).
            let mut cs = n.chars();
            if let Some(first) = cs.next() {
                if first.is_lowercase()
                    && n.chars().any(char::is_uppercase)
                    && !n.starts_with("the ")
                {
                    let upper: String = first.to_uppercase().chain(cs).collect();
                    add_form(&mut forms, &upper, SurfaceKind::Name, idx);
                }
            }
            if let Some(rest) = n.strip_prefix("the ") {
                if definite_only(rest) {
                    // Sentence-initial "The Commission" still names it.
                    add_form(&mut forms, &format!("The {rest}"), SurfaceKind::Name, idx);
                } else {
                    add_form(&mut forms, rest, SurfaceKind::Name, idx);
                }
            }
        }
        for d in &r.demonyms {
            add_form(&mut forms, d, SurfaceKind::Demonym, idx);
            // "Albanians", "Israelis": the people as a collective actor.
            if !d.ends_with('s') && !d.ends_with("ese") && !d.ends_with("sh") && !d.ends_with("ch")
            {
                add_form(&mut forms, &format!("{d}s"), SurfaceKind::Demonym, idx);
            }
        }
    }
    forms
}

/// Whether the alias "the `rest`" names its entity only with the article:
/// one common noun of `data/definite-only.txt`.
fn definite_only(rest: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        include_str!("gazetteer/data/definite-only.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    !rest.contains(' ') && WORDS.contains(rest.to_lowercase().as_str())
}

impl Gazetteer {
    pub fn get(&self, iri: &str) -> Option<usize> {
        self.by_iri.get(iri).copied()
    }

    /// Every gazetteer name in `text`, whole words only, longest first.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        let mut out = Vec::new();
        // The end of the last name taken: a longer name found after an
        // article swallows the shorter matches inside it.
        let mut floor = 0;
        let mut from = 0;
        while let Some(m) = self.matcher.find(Input::new(text).span(from..text.len())) {
            let (mut s, mut e, mut pattern) = (m.start(), m.end(), m.pattern());
            if !bounded(text, s, e) {
                // "the Sudan" inside "the Sudanese": the longest name there
                // is not a whole word, but a name may still start inside it
                // (shorter names at the same start are not tried again).
                from = s + text[s..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            from = e;
            if s < floor {
                continue;
            }
            // Leftmost wins over longest, so the alias "the Commonwealth"
            // hides "Commonwealth of Independent States" one word later.
            if let Some(rest) = after_article(text, s) {
                if let Some(n) = self.matcher.find(&text[rest..]) {
                    let end = rest + n.end();
                    if n.start() == 0 && end > e && bounded(text, rest, end) {
                        (s, e, pattern) = (rest, end, n.pattern());
                    }
                }
            }
            floor = e;
            let surface = &self.surfaces[pattern.as_usize()];
            out.push(NameMatch {
                start: s,
                end: e,
                kind: surface.kind,
                candidates: surface.candidates.clone(),
            });
        }
        out
    }

    /// Picks among entities sharing a name the one active on `date`
    /// (holding a role then), else the first.
    pub fn disambiguate(&self, candidates: &[usize], date: Option<NaiveDate>) -> usize {
        if let Some(d) = date {
            if let Some(&c) = candidates
                .iter()
                .find(|&&c| self.entities[c].roles.iter().any(|r| r.holds_on(d)))
            {
                return c;
            }
        }
        candidates[0]
    }

    /// The person a two-word name the gazetteer lacks names with its given
    /// name spelt another way ("Mahmud Abbas"), if only one fits.
    pub fn spelling_variant(&self, name: &str) -> Option<usize> {
        self.surnames.variant(name)
    }

    /// Who held `title` (e.g. "president") of `of` on `date`.
    pub fn holder(&self, title: &str, of: usize, date: NaiveDate) -> Option<usize> {
        let people = self.holders.get(&(of, title.to_string()))?;
        people.iter().copied().find(|&i| {
            self.entities[i]
                .roles
                .iter()
                .any(|r| r.of == of && r.title == title && r.holds_on(date))
        })
    }

    /// The country or organisation a person acted for on `date` (their
    /// first role then), or what a capital or building stands for.
    pub fn anchor(&self, idx: usize, date: Option<NaiveDate>) -> usize {
        let e = &self.entities[idx];
        if let Some(s) = e.stands_for {
            return s;
        }
        if e.etype == EntityType::Person {
            let role = match date {
                Some(d) => e.roles.iter().find(|r| r.holds_on(d)),
                None => None,
            };
            if let Some(r) = role.or(e.roles.last()) {
                return r.of;
            }
        }
        idx
    }

    pub fn is_leader(&self, idx: usize, date: Option<NaiveDate>) -> bool {
        self.entities[idx]
            .roles
            .iter()
            .any(|r| HEAD_TITLES.contains(&r.title.as_str()) && date.is_none_or(|d| r.holds_on(d)))
    }

    /// The plain reference used in mentions.
    pub fn entity_ref(&self, idx: usize, date: Option<NaiveDate>) -> EntityRef {
        let e = &self.entities[idx];
        EntityRef {
            iri: e.iri.clone(),
            label: e.label.clone(),
            etype: e.etype,
            qid: e.qid.clone(),
            anchor: self.entities[self.anchor(idx, date)].iri.clone(),
            leader: self.is_leader(idx, date),
            located_in: e.located_in.map(|l| self.entities[l].iri.clone()),
        }
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

fn add_form(forms: &mut HashMap<String, Surface>, name: &str, kind: SurfaceKind, idx: usize) {
    let name = name.trim();
    // One- and two-letter forms other than all-caps ones ("UN", "EU") match too much.
    if name.len() < 2 || (name.len() == 2 && !name.chars().all(|c| c.is_ascii_uppercase())) {
        return;
    }
    let s = forms.entry(name.to_string()).or_insert(Surface {
        kind,
        candidates: Vec::new(),
    });
    if !s.candidates.contains(&idx) {
        s.candidates.push(idx);
    }
}

/// Whether `text[s..e]` is whole words.
fn bounded(text: &str, s: usize, e: usize) -> bool {
    (s == 0 || !is_word_byte(text, s, true)) && (e == text.len() || !is_word_byte(text, e, false))
}

/// Where the name after a leading "the " starts, if the match at `s` opens with one.
fn after_article(text: &str, s: usize) -> Option<usize> {
    let head = text.get(s..s + 4)?;
    (head == "the " || head == "The ").then_some(s + 4)
}

/// Whether the character touching byte offset `at` (the one before it when
/// `before`) is part of a word, so "Iran" does not match inside "Iranian".
fn is_word_byte(text: &str, at: usize, before: bool) -> bool {
    let c = if before {
        text[..at].chars().next_back()
    } else {
        text[at..].chars().next()
    };
    c.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"
@prefix evl: <https://w3id.org/eventline/ontology#> .
@prefix eid: <https://w3id.org/eventline/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
eid:Q30 a evl:Country ; rdfs:label "United States"@en ; skos:altLabel "U.S."@en, "US"@en ;
  evl:demonym "American"@en ; owl:sameAs wd:Q30 .
eid:Q61 a evl:City ; rdfs:label "Washington"@en ; evl:standsFor eid:Q30 .
eid:Q1 a evl:Person ; rdfs:label "Bill Clinton"@en ; skos:altLabel "Clinton"@en ;
  evl:holds <https://w3id.org/eventline/id/role/r1> .
<https://w3id.org/eventline/id/role/r1> a evl:RoleSpell ; evl:roleTitle "president" ; evl:roleOf eid:Q30 ;
  evl:roleStart "1993-01-20"^^xsd:date ; evl:roleEnd "2001-01-20"^^xsd:date .
"#;

    fn mini() -> Gazetteer {
        Gazetteer::from_turtle(&[(PathBuf::from("mini.ttl"), MINI.to_string())]).unwrap()
    }

    /// The names `g` finds in `text`, as written there.
    fn names_in<'t>(g: &Gazetteer, text: &'t str) -> Vec<&'t str> {
        g.find_names(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn finds_whole_words_and_demonyms() {
        let g = mini();
        let text = "American officials in Washington met Clinton; USA and USB are not US.";
        assert_eq!(
            names_in(&g, text),
            vec!["American", "Washington", "Clinton", "US"]
        );
    }

    #[test]
    fn a_name_may_start_inside_a_longer_non_word_match() {
        // "the Sudan" is an alias of Sudan; in "the Sudanese government" it
        // is no whole word, and "Sudanese" one word on still is a name.
        let g = Gazetteer::load(&[]).unwrap();
        let text = "talks between the Sudanese government and rebels";
        assert_eq!(names_in(&g, text), vec!["Sudanese"]);
        assert_eq!(
            g.find_names("Iranian and Iran")
                .iter()
                .map(|m| m.start)
                .collect::<Vec<_>>(),
            vec![0, 12]
        );
    }

    #[test]
    fn roles_resolve_by_date() {
        let g = mini();
        let us = g.get("https://w3id.org/eventline/id/Q30").unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            g.holder("president", us, d(1997, 4, 1))
                .map(|i| g.entities[i].label.as_str()),
            Some("Bill Clinton")
        );
        assert_eq!(g.holder("president", us, d(2005, 4, 1)), None);
        let clinton = g.get("https://w3id.org/eventline/id/Q1").unwrap();
        assert_eq!(g.anchor(clinton, Some(d(1997, 1, 1))), us);
        assert!(g.is_leader(clinton, Some(d(1997, 1, 1))));
        let wash = g.get("https://w3id.org/eventline/id/Q61").unwrap();
        assert_eq!(g.anchor(wash, None), us);
    }

    /// An actor only the Phoenix dictionaries know is found, typed, and acts
    /// for its country while the dictionary says it held office.
    #[test]
    fn phoenix_actors_are_recognised() {
        let g = Gazetteer::load(&[]).unwrap();
        let text = "Prime Minister Vladimir Drazhin of Belarus met Jabhat al-Nusra envoys.";
        let found: Vec<(&str, &Entity)> = g
            .find_names(text)
            .iter()
            .map(|m| (&text[m.start..m.end], &g.entities[m.candidates[0]]))
            .collect();
        let drazhin = found.iter().find(|(s, _)| *s == "Vladimir Drazhin");
        let (_, drazhin) = drazhin.expect("Vladimir Drazhin is in the gazetteer");
        assert_eq!(drazhin.etype, EntityType::Person);
        assert!(drazhin.iri.contains("/actor/phoenix/"), "{}", drazhin.iri);
        let idx = g.get(&drazhin.iri).unwrap();
        let belarus = g.get("https://w3id.org/eventline/id/Q184").unwrap();
        let d = NaiveDate::from_ymd_opt(2004, 6, 1);
        assert_eq!(g.anchor(idx, d), belarus);
        assert!(!g.is_leader(idx, d));
        let nusra = found.iter().find(|(s, _)| *s == "Jabhat al-Nusra");
        assert_eq!(nusra.map(|(_, e)| e.etype), Some(EntityType::ArmedGroup));
    }

    #[test]
    fn builtin_gazetteer_parses() {
        let g = Gazetteer::load(&[]).unwrap();
        assert!(g.len() > 100, "only {} entities", g.len());
    }
}
