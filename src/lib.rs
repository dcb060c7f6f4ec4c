//! eventline: news articles in, an event timeline knowledge graph out.
//!
//! The pipeline, one module per stage: [`article`] reads inputs,
//! [`extract`] (with [`timex`] for dates and [`gazetteer`] for names) turns
//! each article into event mentions, [`rdf`] maps them to quads, [`store`]
//! keeps them in Oxigraph and derives merged events with [`merge`], and
//! [`timeline`] draws them. [`cli`] is the command line; [`vocab`] names
//! every IRI.

pub mod article;
#[cfg(feature = "store")]
pub mod cli;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod html;
pub mod merge;
pub mod model;
pub mod rdf;
pub mod relations;
#[cfg(feature = "store")]
pub mod store;
pub mod syndication;
pub mod timeline;
pub mod timex;
pub mod vocab;
