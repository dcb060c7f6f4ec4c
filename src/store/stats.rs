//! Counts for `eventline stats`: one SPARQL query per figure, each a `.rq`
//! file under `queries/` (read by people as easily as by the store).

use std::collections::BTreeMap;

use super::display::display_term;
use super::{EventStore, StoreError};

/// Counts by kind, status, month, actor and article.
#[derive(Debug, Default, serde::Serialize)]
pub struct Stats {
    pub triples: usize,
    pub articles: usize,
    pub mentions: usize,
    pub events: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_status: BTreeMap<String, usize>,
    pub by_month: BTreeMap<String, usize>,
    pub top_actors: Vec<(String, usize)>,
    pub top_articles: Vec<(String, usize)>,
}

const ARTICLES: &str = include_str!("queries/stats-articles.rq");
const MENTIONS: &str = include_str!("queries/stats-mentions.rq");
const EVENTS: &str = include_str!("queries/stats-events.rq");
const BY_KIND: &str = include_str!("queries/stats-by-kind.rq");
const BY_STATUS: &str = include_str!("queries/stats-by-status.rq");
const BY_MONTH: &str = include_str!("queries/stats-by-month.rq");
const TOP_ACTORS: &str = include_str!("queries/stats-top-actors.rq");
const TOP_ARTICLES: &str = include_str!("queries/stats-top-articles.rq");

impl EventStore {
    pub fn stats(&self) -> Result<Stats, StoreError> {
        Ok(Stats {
            triples: self.len()?,
            articles: self.count(ARTICLES)?,
            mentions: self.count(MENTIONS)?,
            events: self.count(EVENTS)?,
            by_kind: self.counts(BY_KIND)?.into_iter().collect(),
            by_status: self.counts(BY_STATUS)?.into_iter().collect(),
            by_month: self.counts(BY_MONTH)?.into_iter().collect(),
            top_actors: self.counts(TOP_ACTORS)?,
            top_articles: self.counts(TOP_ARTICLES)?,
        })
    }

    /// Rows of (key, count) from a query selecting two variables.
    fn counts(&self, query: &str) -> Result<Vec<(String, usize)>, StoreError> {
        let (_, rows) = self.select(query)?;
        let cell = |r: &[Option<_>], i: usize| {
            r.get(i)
                .and_then(Option::as_ref)
                .map(display_term)
                .unwrap_or_default()
        };
        Ok(rows
            .iter()
            .map(|r| (cell(r, 0), cell(r, 1).parse().unwrap_or(0)))
            .collect())
    }

    /// The one number a query selects.
    fn count(&self, query: &str) -> Result<usize, StoreError> {
        Ok(self
            .counts(query)?
            .first()
            .map(|(k, _)| k.parse().unwrap_or(0))
            .unwrap_or(0))
    }
}
