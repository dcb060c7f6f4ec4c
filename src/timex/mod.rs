//! TIMEX3 temporal tagging and normalisation for news text.
//!
//! `tag` finds dates, times, durations and sets in running English text and
//! normalises them to TIMEX3 values, resolving relative expressions ("on
//! Thursday", "last year", "two days later") against the document creation
//! date (DCT) or against the last date mentioned before them.
//! `publication_date_as_of` guesses the DCT from the text of an article
//! itself (datelines, "First Published:" stamps, ISO dates near the top), and
//! `window` turns a TIMEX3 value into an inclusive calendar window so callers
//! can order and overlap events.
//!
//! The tagger is a single left-to-right pass over a cheap tokenisation: at each
//! token a set of hand-written matchers proposes candidate expressions and the
//! longest one wins. No regular expressions, no allocation per token beyond
//! the token vector, and every slice is taken at token boundaries, which are
//! always UTF-8 character boundaries.
//!
//! The stages, one file each: `tokens` (tokenisation and the accessors the
//! rules read it through), `calendar` (the points in time, their TIMEX3
//! values and windows, calendar arithmetic), `lexicon` (the word lists and
//! cue tables of `data/`, loaded once), `tense` (past and future cues around
//! an expression), `scanner` (the pass itself: which rules run where, the
//! longest candidate, the date under discussion), `rules/` (one file per rule
//! family: calendar dates, years, weekdays, deictic words, relative
//! expressions, quarters and seasons, durations, sets, clock times, holidays,
//! anaphora, modifiers) and `publication` (the publication date of an
//! article). The tagger never reads the clock: [`publication_date_as_of`]
//! takes today's date from its caller.
//!
//! Conventions (following the TimeML/TIMEX3 guidelines and the TempEval-3
//! annotation practice):
//! * spans exclude governing prepositions ("on [Thursday]") but include
//!   determiners and modifiers that are part of the expression ("[the third
//!   quarter]", "[late June]", "[nearly two years]"); adjectival durations
//!   leave the article out ("the [two-week] strike");
//! * tense heuristic: the nearest cue word in the same sentence, up to 8
//!   words before the expression and (for weekdays, seasons, holidays) 5
//!   after it. Future cues: will, 'll, shall, would, scheduled, due, plan(s),
//!   expected, upcoming, next, later, soon, "going to", "set to/for", "to
//!   be", "is/are to". Past cues: said, was, were, had, did, ago, last,
//!   earlier, irregular past forms and lower-case words ending in -ed (not
//!   after "be": "will be held" is future);
//! * a weekday takes the last such day on or before the DCT with a past cue
//!   (or a possessive: "Monday's close"), the next one on or after it with a
//!   future cue, and without a cue the nearest one, leaning to the past: the
//!   coming day wins only when it is at most two days ahead and nearer. The
//!   DCT's own weekday is the DCT. "Friday night" is valued as the day;
//! * a bare month or a day without a year ("in August", "Oct. 16") takes
//!   the nearest occurrence around the DCT (for a month, a coming one only
//!   within four months); a tense cue among the preceding words decides the
//!   direction ("until", "by", "before" right before it mean future, "since"
//!   past) (a following verb often belongs to another
//!   clause: "December delivery dived"). A quarter without a year is the
//!   latest one begun by the DCT ("third-quarter profit");
//! * anaphoric expressions ("the following day", "that week", "two days
//!   later", "a year earlier") are anchored on the last date mentioned
//!   before them, else on the DCT, keeping the granularity of that date ("a
//!   year earlier" after "the third quarter" is the third quarter a year
//!   back). Values derived that way do not become the new reference;
//! * vague stretches: "recent years", "the past several quarters" are
//!   PAST_REF, "coming months" FUTURE_REF, "for years" PXY, "the next few
//!   days" PXD; ages ("a 6-year-old") are not tagged;
//! * seasons use the meteorological northern-hemisphere convention (see
//!   [`window`]).

#![forbid(unsafe_code)]

use chrono::NaiveDate;

mod calendar;
pub(crate) mod lexicon;
mod publication;
mod rules;
mod scanner;
mod tense;
mod tokens;

pub use publication::{publication_date_as_of, publication_date_given};

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How the value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Anchoring {
    Explicit,
    RelativeToDct,
    RelativeToDate,
    Undetermined,
}

/// The size of the calendar unit a DATE or TIME value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    TimeOfDay,
    Unknown,
}

/// A temporal expression found in a text, with its TIMEX3 value.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Timex {
    /// UTF-8 byte offset into the input.
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub ttype: TimexType,
    /// TIMEX3 value, e.g. "2025-10-16", "2025-W43", "P3D", "PRESENT_REF".
    pub value: String,
    pub granularity: Granularity,
    /// Inclusive calendar window of DATE/TIME values; `None` otherwise. A day
    /// range ("May 8-10") is valued as its first day and its window runs to the last.
    #[serde(serialize_with = "ser_date")]
    pub earliest: Option<NaiveDate>,
    #[serde(serialize_with = "ser_date")]
    pub latest: Option<NaiveDate>,
    pub anchoring: Anchoring,
    /// TIMEX3 mod: "START", "MID", "END", "APPROX", "LESS_THAN", ...
    pub mod_: Option<String>,
}

// chrono's own serde support is a crate feature the host crate does not enable.
fn ser_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}

/// Tag every temporal expression in `text`, resolving relative ones against
/// `dct` (the document creation / reference date).
///
/// A DCT outside the years 1-9999 is clamped into them, which keeps all date
/// arithmetic far from chrono's limits.
pub fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    let lo = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN);
    let hi = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
    scanner::Tagger::new(text, dct.clamp(lo, hi)).run()
}

/// Inclusive calendar window of a TIMEX3 value.
///
/// Days, ISO weeks ("2025-W43" is Monday 2025-10-20 to Sunday 2025-10-26),
/// weekends ("-WE": Saturday and Sunday), months, quarters, halves ("H1"),
/// years, decades ("199X"), centuries ("19" is 1900-1999) and seasons. Seasons
/// are meteorological, northern hemisphere: spring is March-May, summer
/// June-August, fall September-November, and winter "2025-WI" is December
/// 2025 to the end of February 2026. A time suffix ("T14:00", "TMO") is
/// ignored. Values with unknown parts ("XXXX-10-16", "PRESENT_REF", "P3D")
/// have no window.
pub fn window(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    calendar::parse_value(value).map(|(_, a, b)| (a, b))
}

#[cfg(test)]
mod tests;
