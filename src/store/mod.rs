//! The store: an embedded, persistent Oxigraph (RocksDB) dataset, behind
//! [`EventStore`]. A folder by concern:
//!
//! - `error`: [`StoreError`], causes kept as sources;
//! - `vocabulary`: the ontology and gazetteer graphs, reloaded only when
//!   their content changes;
//! - `ingest`: articles in and out (one transaction per batch), the dirty
//!   marks that make derivation crash-safe; `copies`: syndicated copies;
//! - `derive`: merged events per block, and `relations` between events;
//!   `read` fetches an article graph's statements for
//!   [`crate::rdf`]'s reading half to decode;
//! - `query`: SPARQL, result formats, export; `display` shortens terms
//!   for people; `stats` counts, with its SPARQL in `queries/*.rq`;
//! - `repack`: `--compact`, the store rewritten by the bulk loader.
//!
//! Graph layout, the invariants every other module relies on:
//! - the ontology and the gazetteer each live in a named graph of their own;
//! - **every statement an article makes lives in that article's graph**,
//!   written in one transaction with the marks of the events it affects, so
//!   a crash never leaves half an article;
//! - **events are derived**: each block (kind family + country-level actors)
//!   has a graph holding the merged events of all mentions in that block,
//!   recomputed from the mentions whenever one of them changes. Events are
//!   therefore a function of the set of articles, whatever the order of
//!   ingestion.

mod copies;
mod derive;
mod display;
mod error;
mod index;
mod ingest;
mod query;
mod read;
mod relations;
mod repack;
mod stats;
mod vocabulary;

use std::path::Path;
use std::sync::Mutex;

use oxigraph::store::Store;

pub use derive::Rebuilt;
pub use display::display_term;
pub use error::StoreError;
pub use ingest::Ingested;
pub(crate) use query::cell_value;
pub use query::{ResultFormat, Row};
pub use stats::Stats;

/// The event store. One process at a time may open a persistent one
/// (RocksDB's lock); [`StoreError::Locked`] says so.
pub struct EventStore {
    store: Store,
    /// Fingerprints of the stored articles, read once per process to find
    /// syndicated copies without a scan per article.
    fingerprints: Mutex<Option<copies::CopyIndex>>,
}

impl std::fmt::Debug for EventStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStore").finish_non_exhaustive()
    }
}

impl EventStore {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        repack::restore(path)?;
        std::fs::create_dir_all(path).map_err(|source| StoreError::Create {
            path: path.to_path_buf(),
            source,
        })?;
        let store = Store::open(path).map_err(|source| {
            let path = path.to_path_buf();
            // RocksDB reports another holder of the store only in words.
            if source.to_string().to_lowercase().contains("lock") {
                StoreError::Locked { path, source }
            } else {
                StoreError::Open { path, source }
            }
        })?;
        repack::clear(path)?;
        Ok(EventStore {
            store,
            fingerprints: Mutex::default(),
        })
    }

    /// An in-memory store, for tests and one-off runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(EventStore {
            store: Store::new()?,
            fingerprints: Mutex::default(),
        })
    }

    /// The Oxigraph store itself, for the SPARQL endpoint (`crate::serve`),
    /// which needs its evaluator's options (cancellation, datasets).
    pub(crate) fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// The number of quads, all graphs together.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Writes the memtables to disk, so that the next process to open the
    /// store does not replay the whole write-ahead log first (1.8 s after
    /// ingesting the 2,422-story corpus, 8 s after 10,000 articles).
    pub fn flush(&self) -> Result<(), StoreError> {
        Ok(self.store.flush()?)
    }
}

/// Whether some quad matches the pattern.
fn any_quad(
    t: &dyn Source,
    s: Option<oxigraph::model::NamedOrBlankNodeRef<'_>>,
    p: Option<oxigraph::model::NamedNodeRef<'_>>,
    o: Option<oxigraph::model::TermRef<'_>>,
    g: Option<oxigraph::model::GraphNameRef<'_>>,
) -> Result<bool, StoreError> {
    Ok(t.quads(s, p, o, g).next().transpose()?.is_some())
}

/// Where derivation reads quads: a transaction, which sees its own
/// writes (re-deriving a block replaces its events), or the store itself,
/// whose reads share no state and so run in parallel (deriving fresh
/// blocks).
pub(super) trait Source {
    fn quads(
        &self,
        s: Option<oxigraph::model::NamedOrBlankNodeRef<'_>>,
        p: Option<oxigraph::model::NamedNodeRef<'_>>,
        o: Option<oxigraph::model::TermRef<'_>>,
        g: Option<oxigraph::model::GraphNameRef<'_>>,
    ) -> oxigraph::store::QuadIter<'_>;
}

/// Both read through `quads_for_pattern`, which is inherent, not a trait.
macro_rules! source_by_pattern {
    ($($t:ty),*) => {$(
        impl Source for $t {
            fn quads(
                &self,
                s: Option<oxigraph::model::NamedOrBlankNodeRef<'_>>,
                p: Option<oxigraph::model::NamedNodeRef<'_>>,
                o: Option<oxigraph::model::TermRef<'_>>,
                g: Option<oxigraph::model::GraphNameRef<'_>>,
            ) -> oxigraph::store::QuadIter<'_> {
                self.quads_for_pattern(s, p, o, g)
            }
        }
    )*};
}

source_by_pattern!(oxigraph::store::Transaction<'_>, Store);

/// The example articles (`examples/articles`), read as of 2026-01-01.
#[cfg(test)]
fn example_articles() -> Vec<crate::article::Article> {
    use crate::article::{read_bytes, ReadOptions};
    let opts = ReadOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| read_bytes(f, &std::fs::read(f).unwrap(), &opts))
        .map(Result::unwrap)
        .collect()
}

fn nn(iri: &str) -> oxigraph::model::NamedNode {
    oxigraph::model::NamedNode::new_unchecked(iri)
}

fn lit(s: &str) -> oxigraph::model::Literal {
    oxigraph::model::Literal::new_simple_literal(s)
}
