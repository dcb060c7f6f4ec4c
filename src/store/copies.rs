//! Syndicated copies: near-identical articles (by SimHash, within a week)
//! are linked in the syndication graph, the later one (by date, then IRI)
//! as the copy, whichever was ingested first. Copies do not count as
//! independent sources of an event.

use std::collections::BTreeSet;

use oxigraph::model::{GraphNameRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term, TermRef};
use oxigraph::store::Transaction;

use super::ingest::blocks_of_graph;
use super::{nn, EventStore, Fingerprint, StoreError};
use crate::rdf::ArticleGraph;
use crate::syndication;
use crate::vocab;

impl EventStore {
    /// Finds the stored articles this one is a near-copy of and returns
    /// the links of each pair, the later one (by date, then article IRI)
    /// as the copy, for the caller to write with the article. The blocks
    /// of the original's events are re-derived so their count of
    /// independent sources stays right. Reads only: the caller has
    /// removed the article's old links ([`unlink_copies`]) first.
    pub(super) fn copy_links_of(
        &self,
        t: &Transaction<'_>,
        article: &ArticleGraph,
        blocks: &mut BTreeSet<String>,
    ) -> Result<Vec<Quad>, StoreError> {
        let doc = article.doc.clone();
        let mut links = Vec::new();
        let mut guard = self.fingerprints.lock().map_err(|_| StoreError::Poisoned)?;
        let index = match guard.as_mut() {
            Some(index) => index,
            None => guard.insert(read_fingerprints(t)?),
        };
        index.retain(|(d, _, _)| *d != doc);
        let Some(fp) = article.fingerprint else {
            return Ok(links);
        };
        let published = article.published;
        for (other, date, ofp) in index.iter() {
            let close_in_time = match (published, date) {
                (Some(a), Some(b)) => (a - *b).num_days().abs() <= 7,
                _ => true,
            };
            if !close_in_time || !syndication::is_copy(fp, *ofp) {
                continue;
            }
            let (copy, original) = if (published, &doc) > (*date, other) {
                (&doc, other)
            } else {
                (other, &doc)
            };
            links.push(Quad::new(
                nn(copy),
                vocab::SYNDICATED_COPY_OF,
                nn(original),
                vocab::GRAPH_SYNDICATION,
            ));
            blocks.extend(blocks_of_doc(t, other)?);
        }
        index.push((doc, published, fp));
        Ok(links)
    }

    /// Drops a removed article from the index of fingerprints.
    pub(super) fn forget_fingerprint(&self, doc: &str) {
        if let Ok(mut g) = self.fingerprints.lock() {
            if let Some(v) = g.as_mut() {
                v.retain(|(d, _, _)| *d != doc);
            }
        }
    }
}

fn read_fingerprints(t: &Transaction<'_>) -> Result<Vec<Fingerprint>, StoreError> {
    let mut out = Vec::new();
    for q in t.quads_for_pattern(None, Some(vocab::FINGERPRINT), None, None) {
        let q = q?;
        let (NamedOrBlankNode::NamedNode(doc), Term::Literal(l)) = (&q.subject, &q.object) else {
            continue;
        };
        let Ok(fp) = u64::from_str_radix(l.value(), 16) else {
            continue;
        };
        let mut published = None;
        for p in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(doc.as_ref())),
            Some(vocab::SCHEMA_DATE_PUBLISHED),
            None,
            Some(q.graph_name.as_ref()),
        ) {
            if let Term::Literal(d) = p?.object {
                published = d.value().parse().ok();
            }
        }
        out.push((doc.as_str().to_string(), published, fp));
    }
    Ok(out)
}

/// Removes the syndication links of a document; returns the blocks of the
/// documents it was linked to, whose counts of independent sources change.
pub(super) fn unlink_copies(
    t: &mut Transaction<'_>,
    doc: &str,
) -> Result<BTreeSet<String>, StoreError> {
    let syn = GraphNameRef::NamedNode(vocab::GRAPH_SYNDICATION);
    let node = nn(doc);
    let mut quads = Vec::new();
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
        None,
        None,
        Some(syn),
    ) {
        quads.push(q?);
    }
    for q in t.quads_for_pattern(
        None,
        None,
        Some(TermRef::NamedNode(node.as_ref())),
        Some(syn),
    ) {
        quads.push(q?);
    }
    let mut blocks = BTreeSet::new();
    for q in &quads {
        for end in [q.subject.to_string(), q.object.to_string()] {
            let iri = end.trim_start_matches('<').trim_end_matches('>');
            if iri != doc {
                blocks.extend(blocks_of_doc(t, iri)?);
            }
        }
        t.remove(q);
    }
    Ok(blocks)
}

/// The blocks of the events an article's mentions belong to.
fn blocks_of_doc(t: &Transaction<'_>, doc: &str) -> Result<BTreeSet<String>, StoreError> {
    let key = doc.rsplit('/').next().unwrap_or_default();
    let graph = nn(&format!("{}{key}", vocab::GRAPH_ARTICLE_PREFIX));
    blocks_of_graph(t, graph.as_ref())
}

/// The syndication links among the given documents: (copy, original).
pub(super) fn copy_links(
    t: &Transaction<'_>,
    docs: &BTreeSet<&str>,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for d in docs {
        let node = nn(d);
        for q in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
            Some(vocab::SYNDICATED_COPY_OF),
            None,
            Some(GraphNameRef::NamedNode(vocab::GRAPH_SYNDICATION)),
        ) {
            if let Term::NamedNode(o) = q?.object {
                out.push((d.to_string(), o.into_string()));
            }
        }
    }
    Ok(out)
}
