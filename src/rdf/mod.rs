//! The RDF mapping, both directions, and the IRIs it mints. Pure: quads
//! in and out, no store.
//!
//! - [`iri`] mints every IRI eventline makes (articles, graphs, mentions,
//!   events, runs) and the content hash that decides whether a stored
//!   article is current; the extractor version lives here too, because it
//!   is part of both.
//! - [`write`] turns an article and its mentions into quads of the
//!   article's own named graph, and merged events into quads of their
//!   block's graph.
//! - [`graph`] is one article's graph as a unit: built from an extraction
//!   (ingest, `extract --format nquads`) or read back from N-Quads (`load`).
//! - [`read`] decodes an article graph's statements back into mentions,
//!   the inverse of [`write`], for the store's derivation of events.
//!
//! Mentions follow the GAF pattern (NewsReader): every article statement
//! is about an `evl:EventMention`; `evl:Event` nodes are derived from the
//! mentions and point to them with `evl:hasMention`. Evidence is a W3C Web
//! Annotation with text quote and position selectors.

mod graph;
mod iri;
#[cfg_attr(not(feature = "store"), allow(dead_code))]
pub(crate) mod read;
mod write;

pub use graph::{ArticleGraph, GraphError, NQuadsGraphs};
pub(crate) use iri::{article_graph, article_iri, block_graph, event_iri, short_hash};
pub use iri::{content_hash, EXTRACTOR_VERSION};
pub use write::article_quads;
pub(crate) use write::{event_quads, MergedEvent};
