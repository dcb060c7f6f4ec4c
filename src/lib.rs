//! eventline: news articles in, an event timeline knowledge graph out.
//!
//! The pipeline, one module per stage: `article` reads inputs, `extract`
//! (with [`timex`] for dates and `gazetteer` for names) turns each article
//! into event mentions, `rdf` maps them to quads and back, `store` keeps
//! them in Oxigraph and derives merged events with `merge` and
//! `relations`, and [`timeline`] draws them. The command line is the
//! binary's (`src/main.rs`, `src/cli/`).
//!
//! The API is what this file re-exports; every module but the facades
//! [`timex`], [`timeline`], `serve`, `link` and `push` is private to the
//! crate.

// Without the store, the derivation half (clustering across articles,
// event relations, the event mapping) has no caller: the no-store build is
// the fuzz targets' pure pipeline, and need not be told so.
#![cfg_attr(not(feature = "store"), allow(dead_code, unused_imports))]

mod article;
mod export;
mod extract;
#[cfg(feature = "store")]
mod federate;
mod gazetteer;
mod html;
#[cfg(feature = "store")]
pub mod link;
mod merge;
mod model;
#[cfg(feature = "store")]
pub mod push;
mod rdf;
mod relations;
#[cfg(feature = "store")]
pub mod serve;
#[cfg(feature = "store")]
mod store;
mod syndication;
pub mod timeline;
pub mod timex;
mod vocab;
#[cfg(feature = "store")]
mod web;

pub use article::{
    collect_inputs, read_bytes, read_input, read_small, repair_mojibake, Article, DateSource,
    Input, ReadError, ReadOptions, DEFAULT_MAX_ARTICLE_BYTES,
};
#[cfg(feature = "store")]
pub use export::load as export_events;
pub use export::{
    write_csv, write_plover, write_quickstatements, ExportContext, ExportEvent, Written,
};
pub use extract::Extractor;
pub use gazetteer::{Entity, Gazetteer, GazetteerError};
pub use html::looks_like_html;
pub use model::{
    ArticleDates, ArticleExtraction, DateMethod, DateWindow, EntityRef, EntityType, EventKind,
    Evidence, Mention, MentionRelation, RelationKind, Role, Status,
};
pub use rdf::{
    article_quads, content_hash, ArticleGraph, GraphError, NQuadsGraphs, EXTRACTOR_VERSION,
};
#[cfg(feature = "store")]
pub use store::{
    display_term, EventStore, Ingested, Rebuilt, ResultFormat, Row, Stats, StoreError,
};
pub use syndication::fingerprint;
pub use vocab::GRAPH_ARTICLE_PREFIX;
