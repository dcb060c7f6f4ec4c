//! Articles in and out. Each batch of articles is one transaction: an
//! article is whole or absent after a crash, and the blocks of events it
//! touches are marked dirty in the same transaction, to be re-derived by
//! [`super::derive`].

use std::collections::BTreeSet;

use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::store::Transaction;

use super::{lit, nn, EventStore, StoreError};
use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::model::ArticleExtraction;
use crate::rdf::{self, ArticleGraph};
use crate::vocab;

/// What ingesting one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingested {
    Added,
    Replaced,
    Unchanged,
}

impl EventStore {
    /// Writes one article and re-derives the events it touches, atomically.
    pub fn ingest(
        &self,
        article: &Article,
        extraction: &ArticleExtraction,
        gaz: &Gazetteer,
    ) -> Result<Ingested, StoreError> {
        let out = self.ingest_batch(&[(article, extraction)])?[0];
        self.rebuild_dirty(gaz)?;
        Ok(out)
    }

    /// Writes several articles in one transaction: each is whole or absent
    /// after a crash. The blocks of events they touch are marked dirty in
    /// the same transaction and re-derived by [`EventStore::rebuild_dirty`],
    /// once per run instead of once per article; a run killed in between
    /// leaves the marks, and the next run finishes the work.
    pub fn ingest_batch(
        &self,
        batch: &[(&Article, &ArticleExtraction)],
    ) -> Result<Vec<Ingested>, StoreError> {
        let graphs: Vec<ArticleGraph> = batch
            .iter()
            .map(|(a, x)| ArticleGraph::of_article(a, x))
            .collect();
        self.store_graphs(&graphs)
    }

    /// Writes article graphs, from an extraction or from N-Quads (`load`),
    /// with the same guarantees as [`EventStore::ingest_batch`]: an
    /// unchanged graph (same content hash) changes nothing, a changed one
    /// replaces the stored one.
    pub fn store_graphs(&self, graphs: &[ArticleGraph]) -> Result<Vec<Ingested>, StoreError> {
        let mut fresh = true;
        for g in graphs {
            fresh &= !self
                .store
                .contains_named_graph(NamedOrBlankNodeRef::NamedNode(g.graph.as_ref()))?;
        }
        if fresh {
            self.bulk_store(graphs)
        } else {
            self.transaction_store(graphs)
        }
    }

    /// Graphs new to the store, the common case of a first ingest or a
    /// load: oxigraph's bulk loader writes the batch (articles, copy links
    /// and dirty marks together) as sorted files that RocksDB takes in
    /// whole or not at all (`IngestExternalFiles` is atomic across column
    /// families), 3-4 times faster than a transaction, with no write-ahead
    /// log to replay or compact.
    fn bulk_store(&self, graphs: &[ArticleGraph]) -> Result<Vec<Ingested>, StoreError> {
        let mut blocks: BTreeSet<String> = BTreeSet::new();
        let mut extra = Vec::new();
        {
            // Reads only (the stored fingerprints and copies' blocks);
            // never committed.
            let t = self.store.start_transaction()?;
            for g in graphs {
                blocks.extend(g.blocks.iter().cloned());
                extra.extend(self.copy_links_of(&t, g, &mut blocks)?);
            }
        }
        extra.extend(dirty_marks(&blocks));
        let mut loader = self.store.bulk_loader();
        loader.load_quads(
            graphs
                .iter()
                .flat_map(|g| g.quads.iter().cloned())
                .chain(extra),
        )?;
        loader.commit()?;
        Ok(vec![Ingested::Added; graphs.len()])
    }

    /// Graphs some of which replace stored ones: one transaction.
    fn transaction_store(&self, graphs: &[ArticleGraph]) -> Result<Vec<Ingested>, StoreError> {
        let mut t = self.store.start_transaction()?;
        let mut blocks: BTreeSet<String> = BTreeSet::new();
        let mut outcomes = Vec::with_capacity(graphs.len());
        for g in graphs {
            let old = stored_hash(&t, g)?;
            if old.as_deref() == Some(g.hash.as_str()) {
                outcomes.push(Ingested::Unchanged);
                continue;
            }
            blocks.extend(blocks_of_graph(&t, g.graph.as_ref())?);
            t.clear_graph(GraphNameRef::NamedNode(g.graph.as_ref()))?;
            for q in &g.quads {
                t.insert(q);
            }
            blocks.extend(g.blocks.iter().cloned());
            blocks.extend(super::copies::unlink_copies(&mut t, &g.doc)?);
            for q in self.copy_links_of(&t, g, &mut blocks)? {
                t.insert(&q);
            }
            outcomes.push(if old.is_some() {
                Ingested::Replaced
            } else {
                Ingested::Added
            });
        }
        mark_dirty(&mut t, &blocks);
        t.commit()?;
        // As derivation does: a batch of replaced graphs fills the
        // memtables, and inserts into full ones slow down. Re-ingesting the
        // 5x wire corpus with every article changed took 61.6 s and 1.28 GB,
        // 35.5 s and 522 MB flushed after each batch.
        self.store.flush()?;
        Ok(outcomes)
    }

    /// Withdraws one article and everything it contributed; `false` when
    /// the store has no such article.
    pub fn remove(&self, id: &str, gaz: &Gazetteer) -> Result<bool, StoreError> {
        let graph = nn(&rdf::article_graph(id));
        if !self
            .store
            .contains_named_graph(NamedOrBlankNodeRef::NamedNode(graph.as_ref()))?
        {
            return Ok(false);
        }
        let mut t = self.store.start_transaction()?;
        let mut blocks = blocks_of_graph(&t, graph.as_ref())?;
        t.remove_named_graph(NamedOrBlankNodeRef::NamedNode(graph.as_ref()))?;
        let doc = rdf::article_iri(id);
        blocks.extend(super::copies::unlink_copies(&mut t, &doc)?);
        self.forget_fingerprint(&doc);
        mark_dirty(&mut t, &blocks);
        t.commit()?;
        self.rebuild_dirty(gaz)?;
        Ok(true)
    }
}

/// The content hash of an article already in the store.
fn stored_hash(t: &Transaction<'_>, g: &ArticleGraph) -> Result<Option<String>, StoreError> {
    let doc = nn(&g.doc);
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(doc.as_ref())),
        Some(vocab::CONTENT_HASH),
        None,
        Some(GraphNameRef::NamedNode(g.graph.as_ref())),
    ) {
        if let Term::Literal(l) = q?.object {
            return Ok(Some(l.value().to_string()));
        }
    }
    Ok(None)
}

/// The blocks of the mentions an article graph holds.
pub(super) fn blocks_of_graph(
    t: &Transaction<'_>,
    graph: NamedNodeRef<'_>,
) -> Result<BTreeSet<String>, StoreError> {
    let mut out = BTreeSet::new();
    for q in t.quads_for_pattern(
        None,
        Some(vocab::BLOCK_KEY),
        None,
        Some(GraphNameRef::NamedNode(graph)),
    ) {
        if let Term::Literal(l) = q?.object {
            out.insert(l.value().to_string());
        }
    }
    Ok(out)
}

/// The meta-graph mark saying the event relations must be recomputed.
pub(super) fn relations_mark() -> Quad {
    Quad::new(
        vocab::GRAPH_META,
        vocab::DIRTY_RELATIONS,
        Literal::from(true),
        vocab::GRAPH_META,
    )
}

/// The meta-graph mark saying a block's events must be re-derived.
pub(super) fn block_mark(block: &str) -> Quad {
    Quad::new(
        vocab::GRAPH_META,
        vocab::DIRTY_BLOCK,
        lit(block),
        vocab::GRAPH_META,
    )
}

fn mark_dirty(t: &mut Transaction<'_>, blocks: &BTreeSet<String>) {
    for q in dirty_marks(blocks) {
        t.insert(&q);
    }
}

/// The marks of blocks to re-derive. Changed events may change how events
/// relate; the marks are written with the articles, so a killed run still
/// recomputes the events and relations.
fn dirty_marks(blocks: &BTreeSet<String>) -> Vec<Quad> {
    let relations = (!blocks.is_empty()).then(relations_mark);
    relations
        .into_iter()
        .chain(blocks.iter().map(|b| block_mark(b)))
        .collect()
}
