//! Minting: every IRI eventline makes is a function of content, so the
//! same articles always give the same graph, whatever the order or the run.

use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::vocab::eid;

/// Recorded with every mention so a graph says which extractor made it, and
/// part of each article's content hash, so a new version re-reads stored
/// articles. Bump the suffix when extraction output changes between releases.
pub const EXTRACTOR_VERSION: &str = concat!("eventline-extract/", env!("CARGO_PKG_VERSION"), "+23");

/// Hash of everything extraction depends on, the extractor's version
/// included: an unchanged hash means re-ingesting changes nothing, and
/// a new eventline re-reads every article.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    h.update(EXTRACTOR_VERSION.as_bytes());
    h.update([0]);
    h.update(article.id.as_bytes());
    h.update([0]);
    h.update(article.title.as_deref().unwrap_or("").as_bytes());
    h.update([0]);
    h.update(article.url.as_deref().unwrap_or("").as_bytes());
    h.update([0]);
    h.update(article.published.map(|d| d.to_string()).unwrap_or_default());
    h.update([0]);
    h.update(article.text.as_bytes());
    hex(&h.finalize()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short stable hash for IRIs.
pub(crate) fn short_hash(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes())[..10])
}

fn article_key(id: &str) -> String {
    short_hash(id)
}

pub(crate) fn article_iri(id: &str) -> String {
    eid(&format!("article/{}", article_key(id)))
}

pub(crate) fn article_graph(id: &str) -> String {
    format!("{}{}", crate::vocab::GRAPH_ARTICLE_PREFIX, article_key(id))
}

pub(crate) fn block_graph(block: &str) -> String {
    format!("{}{}", crate::vocab::GRAPH_EVENTS_PREFIX, short_hash(block))
}

/// The mention IRIs of an article, in order.
pub(crate) fn mention_iri(article_id: &str, n: usize) -> String {
    eid(&format!("mention/{}/{n}", article_key(article_id)))
}

/// The extraction run of this eventline.
pub(crate) fn run_iri() -> String {
    eid(&format!("run/{}", EXTRACTOR_VERSION.replace('/', "-")))
}

pub(crate) fn event_iri(block: &str, first_mention: &str) -> String {
    eid(&format!(
        "event/{}",
        short_hash(&format!("{block}\n{first_mention}"))
    ))
}
