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
use crate::model::ArticleExtraction;
use crate::timex::{self, Anchoring};

#[derive(Debug)]
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
        let dates = article.dates.clone();
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
            article_names: &names,
        };
        let dateline = assemble::dateline_city(&doc, &ctx);
        let (mentions, pending) =
            assemble::sentences(&doc, &names, &timexes, dateline.as_ref(), &ctx);
        let mut mentions = assemble::finish_article(mentions, &pending, dct);
        assemble::place_of_lede(dateline.as_ref(), &ctx, &mut mentions);
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
