//! One article's graph as a unit of exchange: what `extract --format
//! nquads` writes and `load` reads back, and what the store writes for
//! `ingest`. Both paths go through [`ArticleGraph`], so a graph extracted
//! on another machine and loaded here is stored exactly as an ingest
//! would store it.
//!
//! N-Quads are written one graph at a time, quads in the order the mapping
//! makes them (duplicates dropped), so the bytes depend only on the
//! article and the extractor, never on threads or runs.

use std::collections::{BTreeSet, HashSet};
use std::io::Read;

use chrono::NaiveDate;
use oxrdf::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxrdfio::{RdfFormat, RdfParseError, RdfParser};
use thiserror::Error;

use super::iri::content_hash;
use super::write::article_quads;
use crate::article::Article;
use crate::model::{ArticleExtraction, Mention};
use crate::vocab::{self, eid, GRAPH_ARTICLE_PREFIX};

/// An article's named graph and the facts the store needs to place it:
/// its content hash (unchanged articles are skipped), publication date and
/// SimHash (syndicated copies) and the blocks of its mentions (events to
/// re-derive).
#[derive(Debug, Clone)]
pub struct ArticleGraph {
    pub(crate) graph: NamedNode,
    pub(crate) doc: String,
    pub(crate) hash: String,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) fingerprint: Option<u64>,
    pub(crate) blocks: BTreeSet<String>,
    pub(crate) quads: Vec<Quad>,
}

/// Why a run of quads is not an article graph eventline can store.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum GraphError {
    /// Not N-Quads; the parser's message says the line and column.
    #[error(transparent)]
    Syntax(#[from] RdfParseError),
    #[error("a quad in {graph}, not in an article graph (only graphs under <{GRAPH_ARTICLE_PREFIX}> can be loaded)")]
    NotArticle { graph: String },
    #[error("graph <{graph}> comes back after other graphs: an article graph must be one run of lines, as `extract --format nquads` writes it")]
    Split { graph: String },
    #[error("graph <{graph}>: {problem}")]
    Invalid { graph: String, problem: String },
}

impl ArticleGraph {
    /// The graph an ingest writes for an extracted article.
    pub fn of_article(article: &Article, ex: &ArticleExtraction) -> Self {
        let fingerprint = crate::syndication::fingerprint(&article.text);
        let mut seen = HashSet::new();
        let (hash, mut quads): (Vec<Quad>, Vec<Quad>) = article_quads(article, ex, fingerprint)
            .into_iter()
            .filter(|q| seen.insert(q.clone()))
            .partition(|q| q.predicate.as_ref() == vocab::CONTENT_HASH);
        // The content hash last: a graph cut short (a shard file truncated
        // at a line's end) has none, and `load` refuses it instead of
        // storing half an article that a later load would call unchanged.
        quads.extend(hash);
        ArticleGraph {
            graph: NamedNode::new_unchecked(super::article_graph(&article.id)),
            doc: super::article_iri(&article.id),
            hash: content_hash(article),
            published: ex.dates.published,
            fingerprint,
            blocks: ex.mentions.iter().map(Mention::block_key).collect(),
            quads,
        }
    }

    /// Reads the facts back from a graph's quads (all in `graph`).
    pub fn from_quads(graph: NamedNode, quads: Vec<Quad>) -> Result<Self, GraphError> {
        let invalid = |problem: String| GraphError::Invalid {
            graph: graph.as_str().to_string(),
            problem,
        };
        let key = graph
            .as_str()
            .strip_prefix(GRAPH_ARTICLE_PREFIX)
            .filter(|k| !k.is_empty() && !k.contains('/'))
            .ok_or_else(|| invalid("not an article graph".into()))?
            .to_string();
        let doc = eid(&format!("article/{key}"));
        let (mut hash, mut published, mut fingerprint) = (None, None, None);
        let mut blocks = BTreeSet::new();
        for q in &quads {
            let Term::Literal(l) = &q.object else {
                continue;
            };
            let about_doc =
                matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if s.as_str() == doc);
            let p = q.predicate.as_ref();
            if p == vocab::BLOCK_KEY {
                blocks.insert(l.value().to_string());
            } else if about_doc && p == vocab::CONTENT_HASH {
                hash = Some(l.value().to_string());
            } else if about_doc && p == vocab::SCHEMA_DATE_PUBLISHED {
                let d = l.value().parse().map_err(|_| {
                    invalid(format!(
                        "publication date {:?} is not YYYY-MM-DD",
                        l.value()
                    ))
                })?;
                published = Some(d);
            } else if about_doc && p == vocab::FINGERPRINT {
                let fp = u64::from_str_radix(l.value(), 16).map_err(|_| {
                    invalid(format!("fingerprint {:?} is not 16 hex digits", l.value()))
                })?;
                fingerprint = Some(fp);
            }
        }
        let hash = hash.ok_or_else(|| invalid(format!("no content hash of <{doc}>")))?;
        Ok(ArticleGraph {
            graph,
            doc,
            hash,
            published,
            fingerprint,
            blocks,
            quads,
        })
    }

    /// The graph's IRI.
    pub fn iri(&self) -> &str {
        self.graph.as_str()
    }

    pub fn quads(&self) -> &[Quad] {
        &self.quads
    }

    /// Appends the graph as N-Quads, one quad a line.
    pub fn write_nquads(&self, out: &mut Vec<u8>) {
        use std::io::Write;
        for q in &self.quads {
            // Writing to a Vec cannot fail.
            let _ = writeln!(out, "{q} .");
        }
    }
}

/// Article graphs from N-Quads, one per run of lines in the same graph.
/// Memory holds one graph at a time, however long the input.
pub struct NQuadsGraphs<R: Read> {
    quads: oxrdfio::ReaderQuadParser<R>,
    /// The first quad of the next graph, read while ending the last one.
    next: Option<Quad>,
    seen: HashSet<NamedNode>,
    done: bool,
}

impl<R: Read> std::fmt::Debug for NQuadsGraphs<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NQuadsGraphs").finish_non_exhaustive()
    }
}

impl<R: Read> NQuadsGraphs<R> {
    pub fn new(reader: R) -> Self {
        NQuadsGraphs {
            quads: RdfParser::from_format(RdfFormat::NQuads).for_reader(reader),
            next: None,
            seen: HashSet::new(),
            done: false,
        }
    }

    fn quad(&mut self) -> Option<Result<Quad, GraphError>> {
        if let Some(q) = self.next.take() {
            return Some(Ok(q));
        }

        Some(self.quads.next()?.map_err(GraphError::from))
    }

    fn read_graph(&mut self) -> Option<Result<ArticleGraph, GraphError>> {
        let first = match self.quad()? {
            Ok(q) => q,
            Err(e) => return Some(Err(e)),
        };
        let graph = match &first.graph_name {
            GraphName::NamedNode(g) if g.as_str().starts_with(GRAPH_ARTICLE_PREFIX) => g.clone(),
            GraphName::DefaultGraph => {
                return Some(Err(GraphError::NotArticle {
                    graph: "the default graph".into(),
                }))
            }
            other => {
                return Some(Err(GraphError::NotArticle {
                    graph: other.to_string(),
                }))
            }
        };
        if !self.seen.insert(graph.clone()) {
            return Some(Err(GraphError::Split {
                graph: graph.into_string(),
            }));
        }
        let mut quads = vec![first];
        while let Some(r) = self.quad() {
            match r {
                Ok(q) if q.graph_name.as_ref() == GraphNameRef::NamedNode(graph.as_ref()) => {
                    quads.push(q);
                }
                Ok(other) => {
                    self.next = Some(other);
                    break;
                }
                // The graph may have more lines past the bad one: it is
                // not stored half.
                Err(e) => return Some(Err(e)),
            }
        }
        Some(ArticleGraph::from_quads(graph, quads))
    }
}

impl<R: Read> Iterator for NQuadsGraphs<R> {
    type Item = Result<ArticleGraph, GraphError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.read_graph();
        if !matches!(item, Some(Ok(_))) {
            // After an error the rest of the input is not trusted.
            self.done = true;
        }
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "https://w3id.org/eventline/graph/article/00aa";
    const DOC: &str = "https://w3id.org/eventline/id/article/00aa";

    fn nq(lines: &[&str]) -> Vec<Result<ArticleGraph, GraphError>> {
        NQuadsGraphs::new(lines.join("\n").as_bytes()).collect()
    }

    fn hash_line(doc: &str, graph: &str) -> String {
        format!("<{doc}> <https://w3id.org/eventline/ontology#contentHash> \"h1\" <{graph}> .")
    }

    #[test]
    fn a_run_of_lines_is_one_graph_with_its_facts() {
        let l1 = hash_line(DOC, G);
        let l2 = format!("<{DOC}/m> <https://w3id.org/eventline/ontology#blockKey> \"b1\" <{G}> .");
        let got = nq(&[&l1, &l2]);
        assert_eq!(got.len(), 1);
        let g = got[0].as_ref().unwrap();
        assert_eq!(g.hash, "h1");
        assert_eq!(g.doc, DOC);
        assert_eq!(g.blocks.iter().collect::<Vec<_>>(), ["b1"]);
        assert_eq!(g.quads().len(), 2);
    }

    #[test]
    fn a_graph_split_in_two_runs_is_refused() {
        let other_g = G.replace("00aa", "00bb");
        let other_doc = DOC.replace("00aa", "00bb");
        let (a, b) = (hash_line(DOC, G), hash_line(&other_doc, &other_g));
        let got = nq(&[&a, &b, &a]);
        assert!(got[0].is_ok() && got[1].is_ok());
        assert!(
            matches!(got[2], Err(GraphError::Split { .. })),
            "{:?}",
            got[2]
        );
    }

    #[test]
    fn quads_outside_article_graphs_and_bad_syntax_are_named() {
        let got = nq(&["<http://a> <http://b> <http://c> ."]);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("default graph"));
        let got = nq(&[&hash_line(DOC, G), "<http://a> <http://b> ."]);
        let e = got[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("line 2"), "{e}");
        let got = nq(&[&format!("<{DOC}> <http://b> \"x\" <{G}> .")]);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("no content hash"));
    }
}
