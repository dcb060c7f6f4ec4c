//! The compact events graph (`…/graph/index`): one entry per merged event
//! with the facets the curated queries ask for (kind, status, dates, the
//! names of its actors and place, its article count and titles, the
//! sources of claims), computed when the event's block is derived.
//!
//! Why: over the union of every article graph the queries joined labels,
//! mentions, evidence and headlines at query time, and oxigraph's
//! evaluator took seconds per query on a few thousand articles and grew
//! with the number of articles. Read from this graph they touch only the
//! events. The block and article graphs stay as they are (provenance,
//! removal, export); this graph is rebuilt with its block.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term, TermRef,
};
use oxigraph::store::Transaction;

use super::ingest::block_mark;
use super::read::StoredMention;
use super::{any_quad, lit, nn, Source, StoreError};
use crate::model::{Role, Status};
use crate::rdf::MergedEvent;
use crate::vocab::{self, evl, rdf, rdfs, xsd};

fn graph() -> GraphNameRef<'static> {
    GraphNameRef::NamedNode(vocab::GRAPH_INDEX)
}

/// The index's links from an event to its actors, one per role.
const ROLE_LINKS: [NamedNodeRef<'static>; 3] = [
    vocab::INDEX_INITIATOR,
    vocab::INDEX_TARGET,
    vocab::INDEX_PARTICIPANT,
];

fn role_link(r: Role) -> NamedNodeRef<'static> {
    match r {
        Role::Initiator => vocab::INDEX_INITIATOR,
        Role::Target => vocab::INDEX_TARGET,
        Role::Participant => vocab::INDEX_PARTICIPANT,
    }
}

/// Marks every block dirty when the store has events but no index entries
/// of the newest facet (`evl:indexDocument`): a store derived before the
/// index, or before its last facet, gets it at its next ingest, load or
/// serve, instead of answering the curated queries with nothing.
pub(super) fn mark_unindexed(t: &mut Transaction<'_>) -> Result<usize, StoreError> {
    if any_quad(t, None, Some(vocab::INDEX_DOCUMENT), None, Some(graph()))? {
        return Ok(0);
    }
    let mut events = Vec::new();
    for q in t.quads_for_pattern(
        None,
        Some(rdf::TYPE),
        Some(TermRef::NamedNode(vocab::EVENT)),
        None,
    ) {
        events.push(q?.subject);
    }
    let mut blocks = BTreeSet::new();
    for e in &events {
        for q in t.quads_for_pattern(Some(e.as_ref()), Some(vocab::BLOCK_KEY), None, None) {
            if let Term::Literal(l) = q?.object {
                blocks.insert(l.value().to_string());
            }
        }
    }
    for b in &blocks {
        t.insert(&block_mark(b));
    }
    Ok(blocks.len())
}

/// Removes the entries of `block`'s events (and their claim sources);
/// returns the actors they named, whose cards may now be orphans
/// ([`drop_orphan_cards`]).
pub(super) fn clear_block(
    t: &mut Transaction<'_>,
    block: &str,
) -> Result<BTreeSet<String>, StoreError> {
    let key = lit(block);
    let mut events = Vec::new();
    for q in t.quads_for_pattern(
        None,
        Some(vocab::INDEX_BLOCK),
        Some(TermRef::Literal(key.as_ref())),
        Some(graph()),
    ) {
        events.push(q?.subject);
    }
    let mut doomed = Vec::new();
    let mut actors = BTreeSet::new();
    for e in &events {
        for q in t.quads_for_pattern(Some(e.as_ref()), None, None, Some(graph())) {
            let q = q?;
            if ROLE_LINKS.contains(&q.predicate.as_ref()) {
                if let Term::NamedNode(a) = &q.object {
                    actors.insert(a.as_str().to_string());
                }
            }
            if q.predicate == vocab::CLAIM_SOURCE {
                if let Term::NamedNode(c) = &q.object {
                    let c = NamedOrBlankNodeRef::NamedNode(c.as_ref());
                    for cq in t.quads_for_pattern(Some(c), None, None, Some(graph())) {
                        doomed.push(cq?);
                    }
                }
            }
            doomed.push(q);
        }
    }
    for q in &doomed {
        t.remove(q);
    }
    Ok(actors)
}

/// Removes the cards of the actors whose new cards `quads` carry, before
/// those are written. A card holds the labels stated when it was written:
/// a label a block graph stated only while some of its mentions were
/// missing (an ingest killed between batches) would otherwise outlive it,
/// and the re-run would not converge to the uninterrupted store
/// (`tests/it/crash.rs`). The new card is read from every graph, so
/// nothing still stated is lost.
pub(super) fn replace_cards(t: &mut Transaction<'_>, quads: &[Quad]) -> Result<(), StoreError> {
    let carded: std::collections::HashSet<&NamedOrBlankNode> = quads
        .iter()
        .filter(|q| matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_ref() == vocab::GRAPH_INDEX))
        .filter(|q| q.predicate == vocab::INDEX_LABEL || q.predicate == vocab::INDEX_CLASS)
        .map(|q| &q.subject)
        .collect();
    for s in carded {
        for p in [vocab::INDEX_LABEL, vocab::INDEX_CLASS] {
            let old: Vec<Quad> = t
                .quads_for_pattern(Some(s.as_ref()), Some(p), None, Some(graph()))
                .collect::<Result<_, _>>()?;
            for q in &old {
                t.remove(q);
            }
        }
    }
    Ok(())
}

/// Removes the cards of `actors` that no event of the index names any
/// more: after a removal the store holds what a store never given the
/// article would (`tests/it/cli.rs`).
pub(super) fn drop_orphan_cards(
    t: &mut Transaction<'_>,
    actors: &BTreeSet<String>,
) -> Result<(), StoreError> {
    for a in actors {
        let node = nn(a);
        let term = TermRef::NamedNode(node.as_ref());
        let mut named = false;
        for p in ROLE_LINKS {
            named = named || any_quad(t, None, Some(p), Some(term), Some(graph()))?;
        }
        if named {
            continue;
        }
        let card: Vec<Quad> = t
            .quads_for_pattern(
                Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
                None,
                None,
                Some(graph()),
            )
            .collect::<Result<_, _>>()?;
        for q in &card {
            t.remove(q);
        }
    }
    Ok(())
}

/// Every string an entity is shown by in the queries: its labels (any
/// graph), else its IRI, as `COALESCE(STR(?label), STR(?x))` gave them.
struct Names<'a> {
    t: &'a dyn Source,
    /// The block's own graph, not written yet.
    own: &'a [Quad],
    cache: BTreeMap<String, Vec<String>>,
    carded: BTreeSet<String>,
}

impl<'a> Names<'a> {
    fn of(&mut self, iri: &str) -> Result<Vec<String>, StoreError> {
        if let Some(n) = self.cache.get(iri) {
            return Ok(n.clone());
        }
        let node = nn(iri);
        let mut names = BTreeSet::new();
        for o in self.objects(node.as_str(), rdfs::LABEL)? {
            if let Term::Literal(l) = o {
                names.insert(l.value().to_string());
            }
        }
        if names.is_empty() {
            names.insert(iri.to_string());
        }
        let names: Vec<String> = names.into_iter().collect();
        self.cache.insert(iri.to_string(), names.clone());
        Ok(names)
    }

    /// An actor's card: its labels as stated (language tags kept) and its
    /// `evl:` classes, once per block. The card is shared by every block
    /// naming the actor: a re-derived block replaces it ([`replace_cards`]),
    /// and it goes when no event names the actor any more
    /// ([`drop_orphan_cards`]).
    fn card(&mut self, out: &mut Out, iri: &str) -> Result<(), StoreError> {
        if !self.carded.insert(iri.to_string()) {
            return Ok(());
        }
        for l in self.objects(iri, rdfs::LABEL)? {
            out.add(iri, vocab::INDEX_LABEL, l);
        }
        for c in self.objects(iri, rdf::TYPE)? {
            if matches!(&c, Term::NamedNode(n) if n.as_str().starts_with(vocab::EVL)) {
                out.add(iri, vocab::INDEX_CLASS, c);
            }
        }
        Ok(())
    }

    /// The objects of `s p`, in any graph, as stored, then in the block's
    /// own graph.
    fn objects(&self, s: &str, p: NamedNodeRef<'_>) -> Result<Vec<Term>, StoreError> {
        let node = nn(s);
        let mut out = Vec::new();
        for q in self.t.quads(
            Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
            Some(p),
            None,
            None,
        ) {
            out.push(q?.object);
        }
        out.extend(
            self.own
                .iter()
                .filter(|q| q.predicate == p && q.subject.as_ref() == node.as_ref().into())
                .map(|q| q.object.clone()),
        );
        Ok(out)
    }
}

/// Quads of one graph, built up.
struct Out(Vec<Quad>);

impl Out {
    fn add(&mut self, s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.0.push(Quad::new(
            NamedOrBlankNode::NamedNode(nn(s)),
            p,
            o,
            vocab::GRAPH_INDEX,
        ));
    }
}

/// The entries of a block's events. `own` is the block's graph, for the
/// labels it states for minted actors.
pub(super) fn block_quads(
    t: &dyn Source,
    block: &str,
    events: &[MergedEvent],
    clusters: &[Vec<usize>],
    stored: &[StoredMention],
    own: &[Quad],
) -> Result<Vec<Quad>, StoreError> {
    let mut names = Names {
        t,
        own,
        cache: BTreeMap::new(),
        carded: BTreeSet::new(),
    };
    let mut out = Out(Vec::new());
    for (e, members) in events.iter().zip(clusters) {
        let iri = e.iri.as_str();
        let m = &e.event;
        out.add(iri, vocab::INDEX_BLOCK, lit(block));
        out.add(iri, vocab::INDEX_KIND, nn(&evl(m.kind.name())));
        out.add(iri, vocab::INDEX_STATUS, nn(&evl(m.status.name())));
        if let Some(d) = &m.date {
            out.add(iri, vocab::INDEX_EARLIEST, date_lit(d.earliest));
            out.add(iri, vocab::INDEX_LATEST, date_lit(d.latest));
            // Only the report's day is flagged: queries show it as such.
            if d.method == crate::model::DateMethod::PublicationFallback {
                out.add(
                    iri,
                    vocab::INDEX_DATE_METHOD,
                    nn(vocab::DATE_PUBLICATION_FALLBACK.as_str()),
                );
            }
        }
        for (r, a) in &m.actors {
            let p = match r {
                Role::Initiator => vocab::INITIATOR_NAME,
                Role::Target => vocab::TARGET_NAME,
                Role::Participant => vocab::PARTICIPANT_NAME,
            };
            for n in names.of(&a.iri)? {
                out.add(iri, p, lit(&n));
            }
            out.add(iri, role_link(*r), nn(&a.iri));
            names.card(&mut out, &a.iri)?;
        }
        if let Some(p) = &m.place {
            for n in names.of(&p.iri)? {
                out.add(iri, vocab::PLACE_NAME, lit(&n));
            }
        }
        out.add(
            iri,
            vocab::ARTICLE_COUNT,
            Literal::new_typed_literal(e.documents.len().to_string(), xsd::INTEGER),
        );
        for doc in &e.documents {
            out.add(iri, vocab::INDEX_DOCUMENT, nn(doc));
            let heads = names.objects(doc, vocab::SCHEMA_HEADLINE)?;
            if heads.is_empty() {
                out.add(iri, vocab::SOURCE_TITLE, lit(doc));
            }
            for h in heads {
                if let Term::Literal(l) = h {
                    out.add(iri, vocab::SOURCE_TITLE, lit(l.value()));
                }
            }
        }
        let claimed = m.status == Status::Claimed
            || members
                .iter()
                .any(|&i| stored[i].mention.status == Status::Claimed);
        if claimed {
            claim_sources(&mut out, &mut names, iri, members, stored)?;
        }
    }
    Ok(out.0)
}

/// For an event that is, or is told as, a claim: one node per mention with
/// who claimed it, its sentences and its article's headline and date.
fn claim_sources(
    out: &mut Out,
    names: &mut Names<'_>,
    event: &str,
    members: &[usize],
    stored: &[StoredMention],
) -> Result<(), StoreError> {
    for (k, &i) in members.iter().enumerate() {
        let s = &stored[i];
        let node = format!("{event}/claim/{k}");
        out.add(event, vocab::CLAIM_SOURCE, nn(&node));
        if let Some(c) = &s.mention.claimed_by {
            for n in names.of(&c.iri)? {
                out.add(&node, vocab::CLAIMED_BY_NAME, lit(&n));
            }
        }
        for sentence in sentences(names, &s.iri)? {
            out.add(&node, vocab::CLAIM_SENTENCE, sentence);
        }
        for h in names.objects(&s.doc, vocab::SCHEMA_HEADLINE)? {
            out.add(&node, vocab::SOURCE_HEADLINE, h);
        }
        for d in names.objects(&s.doc, vocab::SCHEMA_DATE_PUBLISHED)? {
            out.add(&node, vocab::SOURCE_PUBLISHED, d);
        }
    }
    Ok(())
}

/// A mention's evidence sentences (each annotation's sentence, else its
/// quoted words), read from its article graph: `rdf::read` leaves the
/// evidence out of the model.
fn sentences(names: &Names<'_>, mention: &str) -> Result<Vec<Term>, StoreError> {
    let mut out = Vec::new();
    for ann in names.objects(mention, vocab::EVIDENCE)? {
        let Term::NamedNode(ann) = ann else { continue };
        let sent = names.objects(ann.as_str(), vocab::SENTENCE)?;
        if !sent.is_empty() {
            out.extend(sent);
            continue;
        }
        for target in names.objects(ann.as_str(), vocab::OA_HAS_TARGET)? {
            let Term::NamedNode(target) = target else {
                continue;
            };
            for sel in names.objects(target.as_str(), vocab::OA_HAS_SELECTOR)? {
                let Term::NamedNode(sel) = sel else { continue };
                out.extend(names.objects(sel.as_str(), vocab::OA_EXACT)?);
            }
        }
    }
    Ok(out)
}

fn date_lit(d: chrono::NaiveDate) -> Literal {
    Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE)
}

#[cfg(test)]
mod tests {
    use oxigraph::model::GraphNameRef;

    use super::graph;
    use crate::extract::Extractor;
    use crate::gazetteer::Gazetteer;
    use crate::store::EventStore;

    fn index_quads(store: &EventStore) -> Vec<String> {
        let mut q: Vec<String> = store
            .store
            .quads_for_pattern(None, None, None, Some(graph()))
            .map(|q| q.unwrap().to_string())
            .collect();
        q.sort();
        q
    }

    /// A store derived before the index existed gets it at the next
    /// derivation, the same as a store that always had it.
    #[test]
    fn a_store_without_the_index_gets_it_at_the_next_derivation() {
        let gaz = Gazetteer::load(&[]).unwrap();
        let extractor = Extractor::new(&gaz);
        let store = EventStore::in_memory().unwrap();
        for a in crate::store::example_articles() {
            store.ingest(&a, &extractor.extract(&a), &gaz).unwrap();
        }
        let full = index_quads(&store);
        assert!(!full.is_empty());
        store
            .store
            .clear_graph(GraphNameRef::NamedNode(crate::vocab::GRAPH_INDEX))
            .unwrap();
        assert!(index_quads(&store).is_empty());
        store.rebuild_dirty(&gaz).unwrap();
        assert_eq!(index_quads(&store), full);

        // An index written before its newest facet is rebuilt whole too.
        let old: Vec<_> = store
            .store
            .quads_for_pattern(
                None,
                Some(crate::vocab::INDEX_DOCUMENT),
                None,
                Some(graph()),
            )
            .map(|q| q.unwrap())
            .collect();
        assert!(!old.is_empty());
        for q in &old {
            store.store.remove(q).unwrap();
        }
        store.rebuild_dirty(&gaz).unwrap();
        assert_eq!(index_quads(&store), full);
    }
}
