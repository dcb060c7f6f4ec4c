//! Extraction: article text in, event mentions out. Pure: no store, no
//! printing, no global state; the same article and gazetteer always give
//! the same mentions.
//!
//! A pipeline of annotation layers over one document, each its own module:
//!
//! 1. [`doc`]: sentences and tokens (with [`text`]), quotes, headings;
//! 2. dates: the [`crate::timex`] tagger over the whole article, so
//!    anaphoric dates see earlier ones;
//! 3. [`entities`]: actors and places, named or referred back to, resolved
//!    across the article;
//! 4. [`clauses`]: clause boundaries and speech frames;
//! 5. [`triggers`]: event words from the data lexicon ([`lexicon`]);
//! 6. [`arguments`]: roles from syntax-like cues;
//! 7. [`attributes`]: date, status, mode;
//! 8. [`assemble`]: mentions, intents, and the article-level merge; and
//!    [`relations`] between the article's events.
//!
//! Word lists and trigger patterns are data files under `data/`.

mod arguments;
mod assemble;
mod attributes;
mod clauses;
mod doc;
mod entities;
pub(crate) mod lexicon;
mod relations;
pub(crate) mod text;
mod triggers;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::model::{ArticleDates, ArticleExtraction};
use crate::timex::{self, Anchoring, TimexType};

/// Recorded with every mention so a graph says which extractor made it, and
/// part of each article's content hash, so a new version re-reads stored
/// articles. Bump the suffix when extraction output changes between releases.
pub const EXTRACTOR_VERSION: &str = concat!("eventline-extract/", env!("CARGO_PKG_VERSION"), "+4");

pub struct Extractor<'g> {
    gaz: &'g Gazetteer,
    first_names: HashSet<String>,
}

impl<'g> Extractor<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Extractor {
            gaz,
            first_names: entities::first_names(gaz),
        }
    }

    /// Extracts the event mentions of one article.
    pub fn extract(&self, article: &Article) -> ArticleExtraction {
        let dates = reference_dates(article);
        let text = article.text.as_str();
        let dct = dates.reference;
        let timexes = match dct {
            Some(d) => timex::tag(text, d),
            // Without an anchor, only explicit dates mean anything.
            None => timex::tag(
                text,
                NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            )
            .into_iter()
            .filter(|t| t.anchoring == Anchoring::Explicit)
            .collect(),
        };
        let doc = doc::Doc::new(text);
        let names = self.gaz.find_names(text);
        let ctx = entities::Context {
            gaz: self.gaz,
            date: dct,
            first_names: &self.first_names,
        };
        let (mentions, pending) = assemble::sentences(&doc, &names, &timexes, &ctx);
        let mentions = assemble::finish_article(mentions, &pending, dct);
        let mut relations = relations::resolve(&pending, &mentions);
        let dated = relations::date_relations(&mentions, &relations);
        relations.extend(dated);
        relations.sort();
        ArticleExtraction {
            dates,
            mentions,
            relations,
        }
    }
}

/// The publication date and the date deictic words refer to. A story
/// stamped 00:14 IST on the 17th, or datelined "Oct 16" with a header of
/// the 17th, was written on the 16th, and its "today" is the 16th.
pub fn reference_dates(article: &Article) -> ArticleDates {
    let published = article.published;
    let from_text = timex::publication_date(&article.text).or_else(|| {
        published.and_then(|p| dateline_without_year(&article.text, p).map(|d| (d, "dateline")))
    });
    match (published, from_text) {
        (Some(p), Some((t, method))) if t <= p && (p - t).num_days() <= 2 => ArticleDates {
            published: Some(p),
            reference: Some(t),
            method: if t == p {
                article.date_source.describe()
            } else {
                method.to_string()
            },
        },
        (Some(p), _) => ArticleDates {
            published: Some(p),
            reference: Some(p),
            method: article.date_source.describe(),
        },
        (None, Some((t, method))) => ArticleDates {
            published: Some(t),
            reference: Some(t),
            method: method.to_string(),
        },
        (None, None) => ArticleDates {
            published: None,
            reference: None,
            method: "unknown".into(),
        },
    }
}

/// "New York, Oct 16 (IANS) ...": a dateline's month and day, in the year
/// that puts it on or just before the publication date.
fn dateline_without_year(text: &str, published: NaiveDate) -> Option<NaiveDate> {
    let first_line = text.lines().find(|l| !l.trim().is_empty())?;
    let mut cut = first_line.len().min(80);
    while !first_line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &first_line[..cut];
    // A dateline sits before the agency in brackets or a dash.
    let end = head.find(['(', '—', '–']).or_else(|| head.find(" - "))?;
    timex::tag(&head[..end], published)
        .into_iter()
        .filter(|t| t.ttype == TimexType::Date && t.earliest.is_some() && t.earliest == t.latest)
        .filter_map(|t| t.earliest)
        .find(|d| *d <= published && (published - *d).num_days() <= 2)
}
