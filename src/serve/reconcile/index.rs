//! The actors the service answers with, read from the store once per
//! version of it (the endpoint counts its writes) and indexed by the
//! words of their names.

use std::collections::{BTreeSet, HashMap};

use crate::link::names::{fold, tokens};
use crate::store::{cell_value, EventStore, StoreError};
use crate::vocab::WIKIDATA_ENTITY;

const NAMES: &str = include_str!("queries/names.rq");
const FACTS: &str = include_str!("queries/facts.rq");

/// eventline's actor classes, as the service names them (its types).
pub(crate) const CLASSES: [(&str, &str); 5] = [
    ("Person", "person"),
    ("Country", "country"),
    ("Organisation", "organisation"),
    ("ArmedGroup", "armed group"),
    ("Actor", "actor (kind unknown)"),
];

/// One actor.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Entity {
    pub(crate) iri: String,
    /// Its classes (`Person`, …; an item may have several).
    pub(crate) classes: BTreeSet<&'static str>,
    /// Its label (the first by order, when it has several languages).
    pub(crate) label: Option<String>,
    /// Folded names, each with whether it is an alias.
    pub(crate) names: Vec<(String, bool)>,
    pub(crate) qid: Option<String>,
    /// IRIs of the countries it acts for (a country: itself).
    pub(crate) countries: BTreeSet<String>,
    pub(crate) description: Option<String>,
}

/// The actors and a word index over their names.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) entities: Vec<Entity>,
    by_word: HashMap<String, Vec<usize>>,
    by_iri: HashMap<String, usize>,
}

impl Index {
    pub(crate) fn load(store: &EventStore) -> Result<Self, StoreError> {
        let mut index = Index::default();
        let (_, rows) = store.select(NAMES)?;
        let mut names: Vec<(String, &'static str, String, bool)> = rows
            .iter()
            .filter_map(|row| {
                let cell = |i: usize| row.get(i).and_then(cell_value);
                let class = CLASSES
                    .iter()
                    .find(|(c, _)| Some(*c) == cell(1).as_deref())?
                    .0;
                Some((cell(0)?, class, cell(2)?, cell(3)? == "true"))
            })
            .collect();
        // Labels first, so an entity's label is its first label, whatever
        // order the store answered in.
        names.sort_by(|a, b| (&a.0, a.3, &a.2).cmp(&(&b.0, b.3, &b.2)));
        for (iri, class, name, alias) in names {
            let i = index.entry(&iri);
            let e = &mut index.entities[i];
            e.classes.insert(class);
            if !alias && e.label.is_none() {
                e.label = Some(name.clone());
            }
            let folded = fold(&name);
            if !folded.is_empty() && !e.names.iter().any(|(n, _)| *n == folded) {
                e.names.push((folded, alias));
            }
        }
        let (_, rows) = store.select(FACTS)?;
        for row in &rows {
            let cell = |i: usize| row.get(i).and_then(cell_value);
            let Some(&i) = cell(0).and_then(|iri| index.by_iri.get(&iri)) else {
                continue;
            };
            let e = &mut index.entities[i];
            if let Some(q) = cell(1).and_then(|s| s.strip_prefix(WIKIDATA_ENTITY).map(String::from))
            {
                e.qid.get_or_insert(q);
            }
            if let Some(c) = cell(2) {
                e.countries.insert(c);
            }
            if let Some(d) = cell(3) {
                e.description.get_or_insert(d);
            }
        }
        for (i, e) in index.entities.iter_mut().enumerate() {
            if let Some(q) = e.iri.strip_prefix(WIKIDATA_ENTITY) {
                e.qid.get_or_insert_with(|| q.to_string());
            }
            if e.classes.contains("Country") {
                e.countries.insert(e.iri.clone());
            }
            for (name, _) in &e.names {
                for w in tokens(name) {
                    let list = index.by_word.entry(w.to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Ok(index)
    }

    fn entry(&mut self, iri: &str) -> usize {
        if let Some(&i) = self.by_iri.get(iri) {
            return i;
        }
        self.entities.push(Entity {
            iri: iri.to_string(),
            ..Entity::default()
        });
        self.by_iri.insert(iri.to_string(), self.entities.len() - 1);
        self.entities.len() - 1
    }

    /// The actors sharing a word with the folded name.
    pub(crate) fn sharing_a_word(&self, folded: &str) -> BTreeSet<usize> {
        tokens(folded)
            .into_iter()
            .filter_map(|w| self.by_word.get(w))
            .flatten()
            .copied()
            .collect()
    }

    pub(crate) fn get(&self, iri: &str) -> Option<&Entity> {
        self.by_iri.get(iri).map(|&i| &self.entities[i])
    }

    /// The keys a country value may be given by: its IRI, its QID and
    /// its folded names.
    pub(crate) fn country_keys(&self, iri: &str) -> Vec<String> {
        let mut keys = vec![iri.to_string()];
        if let Some(e) = self.get(iri) {
            keys.extend(e.qid.iter().map(|q| q.to_ascii_lowercase()));
            keys.extend(e.names.iter().map(|(n, _)| n.clone()));
        }
        keys
    }

    #[cfg(test)]
    pub(crate) fn from_entities(entities: Vec<Entity>) -> Self {
        let mut index = Index::default();
        for e in entities {
            let i = index.entry(&e.iri.clone());
            index.entities[i] = e;
        }
        for (i, e) in index.entities.iter().enumerate() {
            for (name, _) in &e.names {
                for w in tokens(name) {
                    index.by_word.entry(w.to_string()).or_default().push(i);
                }
            }
        }
        index
    }
}
