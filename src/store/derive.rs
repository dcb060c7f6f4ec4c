//! Derivation: the merged events of a block are a function of all the
//! block's mentions, recomputed whenever the block is marked dirty, so
//! they do not depend on the order articles arrived in.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef, Quad, Term, TermRef};
use oxigraph::store::Transaction;
use rayon::prelude::*;

use super::copies::copy_links;
use super::index;
use super::ingest::block_mark;
use super::read::read_block;
use super::{any_quad, lit, nn, EventStore, Source, StoreError};
use crate::gazetteer::Gazetteer;
use crate::merge::{self, Item, Mode};
use crate::model::EntityRef;
use crate::rdf::{self, MergedEvent};
use crate::vocab;

/// Dirty blocks taken at a time. Fresh ones become one bulk load: fewer,
/// larger loads leave RocksDB fewer overlapping files to compact (256 a
/// load took derivation 4.3 s on the 5x wire corpus, 1,024 3.0 s).
const BLOCKS_PER_PASS: usize = 1024;

/// Blocks re-derived per transaction: bounded, so a large backlog does not
/// become one huge transaction.
const BLOCKS_PER_TRANSACTION: usize = 256;

/// What [`EventStore::rebuild_dirty`] did, and how long it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rebuilt {
    /// Blocks whose events were re-derived.
    pub blocks: usize,
    pub events_time: Duration,
    /// Relations kept, when they were recomputed.
    pub relations: Option<usize>,
    pub relations_time: Duration,
}

impl EventStore {
    /// Re-derives every block marked dirty, a few hundred per transaction,
    /// then the event relations if events changed.
    pub fn rebuild_dirty(&self, gaz: &Gazetteer) -> Result<Rebuilt, StoreError> {
        let started = Instant::now();
        let mut t = self.store.start_transaction()?;
        if index::mark_unindexed(&mut t)? > 0 {
            t.commit()?;
        } else {
            drop(t);
        }
        let mut done = 0;
        loop {
            let keys = dirty_blocks(&self.store.start_transaction()?)?;
            if keys.is_empty() {
                let events_time = started.elapsed();
                let relations = self.rebuild_relations()?;
                return Ok(Rebuilt {
                    blocks: done,
                    events_time,
                    relations,
                    relations_time: started.elapsed() - events_time,
                });
            }
            let stale = self.derive_fresh(&keys, gaz)?;
            let mut t = self.store.start_transaction()?;
            for k in keys.iter().filter(|k| !stale.contains(k.as_str())) {
                t.remove(&block_mark(k));
            }
            t.commit()?;
            let stale: Vec<&String> = stale.iter().collect();
            for chunk in stale.chunks(BLOCKS_PER_TRANSACTION) {
                let mut t = self.store.start_transaction()?;
                for k in chunk {
                    rebuild_block(&mut t, k, gaz)?;
                    t.remove(&block_mark(k));
                }
                t.commit()?;
                // Transactions fill RocksDB's memtables (up to a few GB
                // across the column families): flushed as they go, peak
                // memory stays flat in the number of blocks.
                self.store.flush()?;
            }
            done += keys.len();
        }
    }
}

/// The next blocks marked dirty, at most [`BLOCKS_PER_PASS`].
fn dirty_blocks(t: &Transaction<'_>) -> Result<Vec<String>, StoreError> {
    let mut keys = Vec::new();
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(vocab::GRAPH_META)),
        Some(vocab::DIRTY_BLOCK),
        None,
        Some(GraphNameRef::NamedNode(vocab::GRAPH_META)),
    ) {
        if let Term::Literal(l) = q?.object {
            keys.push(l.value().to_string());
        }
        if keys.len() >= BLOCKS_PER_PASS {
            break;
        }
    }
    Ok(keys)
}

/// Fresh blocks derived in parallel at a time.
const FRESH_BLOCKS_AT_ONCE: usize = 128;

/// Derived quads held before they go to the bulk loader: enough for few,
/// large loads, bounded whatever the size of the blocks.
const FRESH_QUADS_PER_LOAD: usize = 250_000;

impl EventStore {
    fn bulk_load(&self, quads: Vec<Quad>) -> Result<(), StoreError> {
        if quads.is_empty() {
            return Ok(());
        }
        let mut loader = self.store.bulk_loader();
        loader.load_quads(quads)?;
        Ok(loader.commit()?)
    }

    /// Derives the blocks of `keys` that were never derived (a first
    /// ingest or load: nearly all of them) and writes their events with
    /// the bulk loader, which costs a fraction of a transaction's writes
    /// and leaves no memtables to flush; returns the other blocks, whose
    /// old events a transaction must replace. Their dirty marks stay until
    /// the caller's transaction: a run killed after the bulk load derives
    /// the same blocks again, through the transaction, to the same quads.
    fn derive_fresh(
        &self,
        keys: &[String],
        gaz: &Gazetteer,
    ) -> Result<BTreeSet<String>, StoreError> {
        // One writer derives at a time (RocksDB's lock on the directory,
        // serve's writer lock), and fresh blocks have no old events to
        // replace, so they read the store directly, in parallel, with no
        // transaction. A block grows with the corpus (every meeting of
        // the same two countries is one block), so the quads go to the
        // bulk loader whenever they pass a budget, not once per pass.
        let mut stale = BTreeSet::new();
        let mut quads = Vec::new();
        for chunk in keys.chunks(FRESH_BLOCKS_AT_ONCE) {
            let derived: Vec<Result<Option<Vec<Quad>>, StoreError>> = chunk
                .par_iter()
                .map(|k| {
                    if derived_before(&self.store, k)? {
                        return Ok(None);
                    }
                    derive_block(&self.store, k, gaz).map(Some)
                })
                .collect();
            for (k, d) in chunk.iter().zip(derived) {
                match d? {
                    Some(q) => quads.extend(q),
                    None => {
                        stale.insert(k.clone());
                    }
                }
            }
            if quads.len() >= FRESH_QUADS_PER_LOAD {
                self.bulk_load(std::mem::take(&mut quads))?;
            }
        }
        self.bulk_load(quads)?;
        Ok(stale)
    }
}

/// Whether `block` has events or index entries in the store, to be
/// cleared before it is derived again.
fn derived_before(t: &dyn Source, block: &str) -> Result<bool, StoreError> {
    let graph = nn(&rdf::block_graph(block));
    let key = lit(block);
    Ok(any_quad(
        t,
        None,
        None,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    )? || any_quad(
        t,
        None,
        Some(vocab::INDEX_BLOCK),
        Some(TermRef::Literal(key.as_ref())),
        Some(GraphNameRef::NamedNode(vocab::GRAPH_INDEX)),
    )?)
}

/// Re-derives the merged events of one block from all its mentions,
/// replacing what it had.
fn rebuild_block(t: &mut Transaction<'_>, block: &str, gaz: &Gazetteer) -> Result<(), StoreError> {
    let graph = nn(&rdf::block_graph(block));
    t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
    let named = index::clear_block(t, block)?;
    let quads = derive_block(t, block, gaz)?;
    index::replace_cards(t, &quads)?;
    for q in &quads {
        t.insert(q);
    }
    index::drop_orphan_cards(t, &named)
}

/// The quads of one block's merged events, its graph and its index
/// entries, from all its mentions; nothing when it has none left.
fn derive_block(t: &dyn Source, block: &str, gaz: &Gazetteer) -> Result<Vec<Quad>, StoreError> {
    let stored = read_block(t, block, gaz)?;
    if stored.is_empty() {
        return Ok(Vec::new());
    }
    let items: Vec<Item<'_>> = stored
        .iter()
        .map(|s| Item {
            mention: &s.mention,
            reference: s.reference,
            id: s.iri.clone(),
            related: &s.related,
        })
        .collect();
    let clusters = merge::cluster(&items, Mode::Store);
    let docs: BTreeSet<&str> = stored.iter().map(|s| s.doc.as_str()).collect();
    let copies = copy_links(t, &docs)?;
    let mut events = Vec::new();
    for c in &clusters {
        let members: Vec<&Item<'_>> = c.iter().map(|&i| &items[i]).collect();
        let mut event = merge::combine(&members, Mode::Store);
        merge::story_day(&members, &mut event);
        let mentions: Vec<String> = c.iter().map(|&i| stored[i].iri.clone()).collect();
        let documents: BTreeSet<String> = c.iter().map(|&i| stored[i].doc.clone()).collect();
        // Copies of a story told by another source of the event confirm nothing new.
        let independent = documents
            .iter()
            .filter(|d| !copies.iter().any(|(c, o)| c == *d && documents.contains(o)))
            .count();
        events.push(MergedEvent {
            iri: rdf::event_iri(block, &mentions[0]),
            event,
            mentions,
            documents: documents.into_iter().collect(),
            independent,
        });
    }
    // Each minted entity the block's mentions name, described once.
    let mut minted: BTreeMap<&str, &EntityRef> = BTreeMap::new();
    for s in &stored {
        let m = &s.mention;
        for e in m
            .actors
            .iter()
            .map(|(_, e)| e)
            .chain(&m.place)
            .chain(&m.claimed_by)
        {
            minted.entry(e.iri.as_str()).or_insert(e);
        }
    }
    let minted: Vec<&EntityRef> = minted.into_values().collect();
    let mut quads = rdf::event_quads(block, &events, &minted);
    let entries = index::block_quads(t, block, &events, &clusters, &stored, &quads)?;
    quads.extend(entries);
    Ok(quads)
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Term;

    use super::block_mark;
    use crate::extract::Extractor;
    use crate::gazetteer::Gazetteer;
    use crate::store::EventStore;
    use crate::vocab;

    fn all_quads(store: &EventStore) -> Vec<String> {
        let mut q: Vec<String> = store.store.iter().map(|q| q.unwrap().to_string()).collect();
        q.sort();
        q
    }

    /// Blocks never derived are bulk-loaded from reads outside any
    /// transaction, re-derived ones are replaced in a transaction: both
    /// must leave the same quads, and so must articles arriving one by one.
    #[test]
    fn fresh_and_rederived_blocks_leave_the_same_store() {
        let gaz = Gazetteer::load(&[]).unwrap();
        let extractor = Extractor::new(&gaz);
        let articles = crate::store::example_articles();
        let extracted: Vec<_> = articles.iter().map(|a| extractor.extract(a)).collect();
        let batch: Vec<_> = articles.iter().zip(&extracted).collect();

        let store = EventStore::in_memory().unwrap();
        store.ingest_batch(&batch).unwrap();
        let fresh = store.rebuild_dirty(&gaz).unwrap();
        assert!(fresh.blocks > 5, "{fresh:?}");
        let once = all_quads(&store);

        let keys: Vec<String> = store
            .store
            .quads_for_pattern(None, Some(vocab::BLOCK_KEY), None, None)
            .filter_map(|q| match q.unwrap().object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect();
        for k in &keys {
            store.store.insert(&block_mark(k)).unwrap();
        }
        assert_eq!(store.rebuild_dirty(&gaz).unwrap().blocks, fresh.blocks);
        assert_eq!(all_quads(&store), once);

        let one_by_one = EventStore::in_memory().unwrap();
        for (a, x) in &batch {
            one_by_one.ingest(a, x, &gaz).unwrap();
        }
        assert_eq!(all_quads(&one_by_one), once);
    }
}
