//! Syndicated copies: near-identical articles (by SimHash, within a week)
//! are linked in the syndication graph, the later one (by date, then IRI)
//! as the copy, whichever was ingested first. Copies do not count as
//! independent sources of an event.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use oxigraph::model::{GraphNameRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term, TermRef};
use oxigraph::store::Transaction;

use super::ingest::blocks_of_graph;
use super::{nn, EventStore, Source, StoreError};
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
        index.remove(&doc);
        let Some(fp) = article.fingerprint else {
            return Ok(links);
        };
        let published = article.published;
        for (other, date, ofp) in index.near(published) {
            if !syndication::is_copy(fp, ofp) {
                continue;
            }
            let (copy, original) = if (published, doc.as_str()) > (date, other) {
                (doc.as_str(), other)
            } else {
                (other, doc.as_str())
            };
            links.push(Quad::new(
                nn(copy),
                vocab::SYNDICATED_COPY_OF,
                nn(original),
                vocab::GRAPH_SYNDICATION,
            ));
            blocks.extend(blocks_of_doc(t, other)?);
        }
        index.insert(doc, published, fp);
        Ok(links)
    }

    /// Drops a removed article from the index of fingerprints.
    pub(super) fn forget_fingerprint(&self, doc: &str) {
        if let Ok(mut g) = self.fingerprints.lock() {
            if let Some(index) = g.as_mut() {
                index.remove(doc);
            }
        }
    }
}

/// The stored articles' fingerprints by publication date: a copy is
/// looked for among the articles published within a week of it and the
/// undated ones, not among every article of the store (a scan per article
/// made ingest quadratic in the size of the store).
#[derive(Debug, Default)]
pub(super) struct CopyIndex {
    dated: BTreeMap<NaiveDate, Vec<(String, u64)>>,
    undated: Vec<(String, u64)>,
    date_of: HashMap<String, Option<NaiveDate>>,
}

/// How far apart two stories may be published and still be copies.
const COPY_WINDOW: Days = Days::new(7);

impl CopyIndex {
    fn insert(&mut self, doc: String, published: Option<NaiveDate>, fp: u64) {
        self.remove(&doc);
        self.date_of.insert(doc.clone(), published);
        match published {
            Some(d) => self.dated.entry(d).or_default().push((doc, fp)),
            None => self.undated.push((doc, fp)),
        }
    }

    fn remove(&mut self, doc: &str) {
        let Some(published) = self.date_of.remove(doc) else {
            return;
        };
        match published {
            Some(d) => {
                if let Some(list) = self.dated.get_mut(&d) {
                    list.retain(|(x, _)| x != doc);
                }
            }
            None => self.undated.retain(|(x, _)| x != doc),
        }
    }

    /// The articles that may be copies of one published on `published`.
    fn near(
        &self,
        published: Option<NaiveDate>,
    ) -> impl Iterator<Item = (&str, Option<NaiveDate>, u64)> {
        let dated = match published {
            Some(d) => self.dated.range(
                d.checked_sub_days(COPY_WINDOW).unwrap_or(NaiveDate::MIN)
                    ..=d.checked_add_days(COPY_WINDOW).unwrap_or(NaiveDate::MAX),
            ),
            None => self.dated.range(..),
        };
        dated
            .flat_map(|(d, docs)| {
                docs.iter()
                    .map(move |(doc, fp)| (doc.as_str(), Some(*d), *fp))
            })
            .chain(
                self.undated
                    .iter()
                    .map(|(doc, fp)| (doc.as_str(), None, *fp)),
            )
    }
}

fn read_fingerprints(t: &Transaction<'_>) -> Result<CopyIndex, StoreError> {
    let mut out = CopyIndex::default();
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
        out.insert(doc.as_str().to_string(), published, fp);
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
    t: &dyn Source,
    docs: &BTreeSet<&str>,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for d in docs {
        let node = nn(d);
        for q in t.quads(
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::CopyIndex;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 10, d)
    }

    fn near(index: &CopyIndex, published: Option<NaiveDate>) -> Vec<String> {
        let mut docs: Vec<String> = index
            .near(published)
            .map(|(d, _, _)| d.to_string())
            .collect();
        docs.sort();
        docs
    }

    /// A copy is looked for within a week either side, and among undated
    /// articles; an undated article is compared with every one.
    #[test]
    fn copies_are_looked_for_within_a_week_and_among_undated_articles() {
        let mut index = CopyIndex::default();
        index.insert("a".into(), day(1), 1);
        index.insert("b".into(), day(8), 2);
        index.insert("c".into(), day(16), 3);
        index.insert("u".into(), None, 4);
        assert_eq!(near(&index, day(15)), ["b", "c", "u"]);
        assert_eq!(near(&index, day(9)), ["b", "c", "u"]);
        assert_eq!(near(&index, day(24)), ["u"]);
        assert_eq!(near(&index, None), ["a", "b", "c", "u"]);
        // Re-inserting an article moves it; removing it forgets it.
        index.insert("a".into(), day(23), 1);
        assert_eq!(near(&index, day(24)), ["a", "u"]);
        index.remove("a");
        index.remove("u");
        assert_eq!(near(&index, None), ["b", "c"]);
    }
}
