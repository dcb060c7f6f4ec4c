//! Derivation: the merged events of a block are a function of all the
//! block's mentions, recomputed whenever the block is marked dirty, so
//! they do not depend on the order articles arrived in.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef, Term};
use oxigraph::store::Transaction;

use super::copies::copy_links;
use super::index;
use super::ingest::block_mark;
use super::read::read_block;
use super::{nn, EventStore, StoreError};
use crate::gazetteer::Gazetteer;
use crate::merge::{self, Item, Mode};
use crate::model::EntityRef;
use crate::rdf::{self, MergedEvent};
use crate::vocab;

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
            let mut t = self.store.start_transaction()?;
            let keys = dirty_blocks(&t)?;
            if keys.is_empty() {
                drop(t);
                let events_time = started.elapsed();
                let relations = self.rebuild_relations()?;
                return Ok(Rebuilt {
                    blocks: done,
                    events_time,
                    relations,
                    relations_time: started.elapsed() - events_time,
                });
            }
            for k in &keys {
                rebuild_block(&mut t, k, gaz)?;
                t.remove(&block_mark(k));
            }
            t.commit()?;
            done += keys.len();
            // Derivation writes through transactions, which fill RocksDB's
            // memtables (up to a few GB across the column families): flushed
            // as they go, peak memory stays flat in the number of blocks.
            self.store.flush()?;
        }
    }
}

/// The next blocks marked dirty, at most [`BLOCKS_PER_TRANSACTION`].
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
        if keys.len() >= BLOCKS_PER_TRANSACTION {
            break;
        }
    }
    Ok(keys)
}

/// Re-derives the merged events of one block from all its mentions.
fn rebuild_block(t: &mut Transaction<'_>, block: &str, gaz: &Gazetteer) -> Result<(), StoreError> {
    let stored = read_block(t, block, gaz)?;
    let graph = nn(&rdf::block_graph(block));
    t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
    let named = index::clear_block(t, block)?;
    if stored.is_empty() {
        return index::drop_orphan_cards(t, &named);
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
        let event = merge::combine(&members, Mode::Store);
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
    for q in rdf::event_quads(block, &events, &minted) {
        t.insert(&q);
    }
    for q in index::block_quads(t, block, &events, &clusters, &stored)? {
        t.insert(&q);
    }
    index::drop_orphan_cards(t, &named)
}
