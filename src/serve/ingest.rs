//! `POST /ingest`: articles sent to a running endpoint (`eventline ingest
//! --server URL`), so a store can grow while it serves. The body is one
//! input as a file would hold it (seed format, text, a saved page or JSON
//! Lines), `?name=` its file name (which decides the reader and the
//! article id, as for a local ingest) and `?date=` the publication date
//! for text that carries none. Its articles go in as `eventline ingest`
//! writes them: one transaction for the whole body, then the touched
//! events re-derived, so a reader sees every article of it or none.

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use oxhttp::model::{Body, Request, Response, StatusCode};
use serde_json::json;

use super::graphs::MAX_GRAPH_BYTES;
use super::protocol::{decode_form, read_body, Failure};
use super::respond;
use crate::{read_bytes, Article, EventStore, Extractor, Gazetteer, Ingested, ReadOptions};

/// What the endpoint needs to ingest: the gazetteer extraction resolves
/// names with, and the day relative dates fall back on.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    gazetteer: Arc<Gazetteer>,
    /// The library never reads the clock: the binary hands in its own,
    /// asked once per request so a server running for days keeps up.
    today: fn() -> NaiveDate,
    max_article_bytes: usize,
    /// One ingest at a time: derivation reads what the last one wrote.
    writer: Arc<Mutex<()>>,
}

impl IngestConfig {
    #[must_use]
    pub fn new(gazetteer: Gazetteer, today: fn() -> NaiveDate, max_article_bytes: usize) -> Self {
        IngestConfig {
            gazetteer: Arc::new(gazetteer),
            today,
            max_article_bytes,
            writer: Arc::default(),
        }
    }
}

pub(crate) fn handle(
    store: &EventStore,
    config: &IngestConfig,
    request: &mut Request<Body>,
) -> Result<Response<Body>, Failure> {
    let params = decode_form(request.uri().query().unwrap_or_default())?;
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let name = param("name").filter(|n| !n.is_empty()).ok_or_else(|| {
        (
            StatusCode::BAD_REQUEST,
            "say the input's file name: /ingest?name=story.txt".to_string(),
        )
    })?;
    let date = param("date")
        .map(|d| {
            d.parse::<NaiveDate>().map_err(|e| {
                (
                    StatusCode::BAD_REQUEST,
                    format!("{name}: bad date '{d}' (want YYYY-MM-DD): {e}"),
                )
            })
        })
        .transpose()?;
    let body = read_body(request.body_mut(), MAX_GRAPH_BYTES)?;
    let opts = ReadOptions {
        date,
        max_article_bytes: config.max_article_bytes,
        ..ReadOptions::new((config.today)())
    };
    let mut skipped = Vec::new();
    let mut articles: Vec<Article> = Vec::new();
    for r in read_bytes(Path::new(name), &body, &opts) {
        match r {
            Ok(a) => {
                // The same id twice in one input: the later wins, as locally.
                articles.retain(|p| p.id != a.id);
                articles.push(a);
            }
            Err(e) => skipped.push(e.to_string()),
        }
    }
    if articles.is_empty() {
        return Err((StatusCode::BAD_REQUEST, skipped.join("\n")));
    }
    let extractor = Extractor::new(&config.gazetteer);
    let extracted: Vec<_> = articles.iter().map(|a| extractor.extract(a)).collect();
    let batch: Vec<_> = articles.iter().zip(&extracted).collect();
    let failed = |e: crate::StoreError| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{name}: storing failed: {e}"),
        )
    };
    let outcomes = {
        let _one_writer = config
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let outcomes = store.ingest_batch(&batch).map_err(failed)?;
        // The articles are committed; a failure here leaves dirty marks the
        // next ingest (here or local) finishes, as after a crash.
        store.rebuild_dirty(&config.gazetteer).map_err(failed)?;
        outcomes
    };
    let count = |o: Ingested| outcomes.iter().filter(|x| **x == o).count();
    let answer = json!({
        "added": count(Ingested::Added),
        "replaced": count(Ingested::Replaced),
        "unchanged": count(Ingested::Unchanged),
        "mentions": extracted.iter().map(|x| x.mentions.len()).sum::<usize>(),
        "warnings": articles.iter().flat_map(|a| a.warnings.iter().cloned()).collect::<Vec<_>>(),
        "skipped": skipped,
    });
    Ok(respond(
        StatusCode::OK,
        "application/json",
        answer.to_string().into_bytes(),
    ))
}
