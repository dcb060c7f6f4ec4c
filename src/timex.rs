//! TIMEX3 temporal tagging and normalisation for news text.
//!
//! `tag` finds dates, times, durations and sets in running English text and
//! normalises them to TIMEX3 values, resolving relative expressions ("on
//! Thursday", "last year", "two days later") against the document creation
//! date (DCT) or against the last date mentioned before them. `publication_date`
//! guesses the DCT from the text of an article itself (datelines, "First
//! Published:" stamps, ISO dates near the top), and `window` turns a TIMEX3
//! value into an inclusive calendar window so callers can order and overlap
//! events.
//!
//! The tagger is a single left-to-right pass over a cheap tokenisation: at each
//! token a set of hand-written matchers proposes candidate expressions and the
//! longest one wins. No regular expressions, no allocation per token beyond
//! the token vector, and every slice is taken at token boundaries, which are
//! always UTF-8 character boundaries.
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

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

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

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    W,
    N,
    P,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    /// Whitespace precedes the token.
    sp: bool,
    /// A blank line or line break precedes the token.
    nl: bool,
    /// First letter is upper case.
    cap: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut sp = true;
    let mut nl = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            sp = true;
            if c == b'\n' {
                nl = true;
            }
            i += 1;
            continue;
        }
        let s = i;
        let k = if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            K::W
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            K::N
        } else {
            // One character, whatever its width: keeps every offset on a char boundary.
            let w = match c {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            i = (i + w).min(b.len());
            while i < b.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            K::P
        };
        toks.push(Tok {
            s,
            e: i,
            k,
            sp,
            nl,
            cap: c.is_ascii_uppercase(),
        });
        sp = false;
        nl = false;
    }
    toks
}

// ---------------------------------------------------------------------------
// Calendar points

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pt {
    Day(NaiveDate),
    Part(NaiveDate, &'static str),
    Clock(NaiveDate, u32, u32),
    Week(NaiveDate),    // the Monday
    Weekend(NaiveDate), // the Monday of the week
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, u8),
    Year(i32),
    Decade(i32),
    Century(i32),
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn shift_date(d: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Month | Unit::Quarter | Unit::Half | Unit::Year | Unit::Decade | Unit::Century => {
            let k = n.checked_mul(match u {
                Unit::Month => 1,
                Unit::Quarter => 3,
                Unit::Half => 6,
                Unit::Year => 12,
                Unit::Decade => 120,
                _ => 1200,
            })?;
            if k.unsigned_abs() > 12 * 5000 {
                return None;
            }
            if k >= 0 {
                d.checked_add_months(Months::new(k as u32))
            } else {
                d.checked_sub_months(Months::new((-k) as u32))
            }
        }
    }
}

impl Pt {
    fn start(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) | Pt::Week(d) => Some(d),
            Pt::Weekend(d) => Some(d + Duration::days(5)),
            Pt::Month(y, m) => ymd(y, m, 1),
            Pt::Quarter(y, q) => ymd(y, q * 3 - 2, 1),
            Pt::Half(y, h) => ymd(y, h * 6 - 5, 1),
            Pt::Season(y, s) => ymd(y, [3, 6, 9, 12][s as usize % 4], 1),
            Pt::Year(y) => ymd(y, 1, 1),
            Pt::Decade(y) => ymd(y * 10, 1, 1),
            Pt::Century(c) => ymd(c * 100, 1, 1),
        }
    }

    fn unit(&self) -> Unit {
        match self {
            Pt::Day(_) | Pt::Part(..) | Pt::Clock(..) => Unit::Day,
            Pt::Week(_) => Unit::Week,
            Pt::Weekend(_) => Unit::Weekend,
            Pt::Month(..) => Unit::Month,
            Pt::Quarter(..) => Unit::Quarter,
            Pt::Half(..) => Unit::Half,
            Pt::Season(..) => Unit::Quarter,
            Pt::Year(_) => Unit::Year,
            Pt::Decade(_) => Unit::Decade,
            Pt::Century(_) => Unit::Century,
        }
    }

    /// The point of the same granularity `n` units of `u` away.
    fn shift(&self, u: Unit, n: i64) -> Option<Pt> {
        if let Pt::Season(y, s) = *self {
            return match u {
                Unit::Year => Some(Pt::Season(y.checked_add(n as i32)?, s)),
                _ => {
                    let idx = y as i64 * 4 + s as i64 + n * if u == Unit::Half { 2 } else { 1 };
                    Some(Pt::Season(
                        idx.div_euclid(4) as i32,
                        idx.rem_euclid(4) as u8,
                    ))
                }
            };
        }
        let d = shift_date(self.start()?, u, n)?;
        Some(project(self.unit(), d))
    }

    fn value(&self) -> String {
        match *self {
            Pt::Day(d) => d.format("%Y-%m-%d").to_string(),
            Pt::Part(d, p) => format!("{}T{}", d.format("%Y-%m-%d"), p),
            Pt::Clock(d, h, m) => format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), h, m),
            Pt::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Pt::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Pt::Month(y, m) => format!("{:04}-{:02}", y, m),
            Pt::Quarter(y, q) => format!("{:04}-Q{}", y, q),
            Pt::Half(y, h) => format!("{:04}-H{}", y, h),
            Pt::Season(y, s) => format!("{:04}-{}", y, SEASONS[s as usize % 4]),
            Pt::Year(y) => format!("{:04}", y),
            Pt::Decade(y) => format!("{:03}X", y),
            Pt::Century(c) => format!("{:02}", c),
        }
    }

    fn ttype(&self) -> TimexType {
        match self {
            Pt::Part(..) | Pt::Clock(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }

    fn day(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }
}

fn project(u: Unit, d: NaiveDate) -> Pt {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Pt::Day(d),
        Unit::Week => Pt::Week(monday(d)),
        Unit::Weekend => Pt::Weekend(monday(d)),
        Unit::Month => Pt::Month(d.year(), d.month()),
        Unit::Quarter => Pt::Quarter(d.year(), d.month0() / 3 + 1),
        Unit::Half => Pt::Half(d.year(), d.month0() / 6 + 1),
        Unit::Year => Pt::Year(d.year()),
        Unit::Decade => Pt::Decade(d.year().div_euclid(10)),
        Unit::Century => Pt::Century(d.year().div_euclid(100)),
    }
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
    parse_value(value).map(|(_, a, b)| (a, b))
}

fn end_of(p: Pt) -> Option<NaiveDate> {
    let next = match p {
        Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) => return Some(d),
        Pt::Week(d) | Pt::Weekend(d) => return Some(d + Duration::days(6)),
        Pt::Season(..) => shift_date(p.start()?, Unit::Month, 3)?,
        _ => shift_date(p.start()?, p.unit(), 1)?,
    };
    next.pred_opt()
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_value(v: &str) -> Option<(Granularity, NaiveDate, NaiveDate)> {
    let (date, time) = match v.find('T') {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let y = parts[0];
    let (g, p) = if parts.len() == 1 {
        match y.len() {
            4 if y.ends_with('X') => (Granularity::Decade, Pt::Decade(digits(&y[..3])? as i32)),
            4 => (Granularity::Year, Pt::Year(digits(y)? as i32)),
            2 => (Granularity::Century, Pt::Century(digits(y)? as i32)),
            _ => return None,
        }
    } else {
        if y.len() != 4 {
            return None;
        }
        let yy = digits(y)? as i32;
        let p1 = parts[1];
        if parts.len() == 2 {
            if let Some(s) = SEASONS.iter().position(|s| *s == p1) {
                (Granularity::Season, Pt::Season(yy, s as u8))
            } else if let Some(q) = p1.strip_prefix('Q') {
                (
                    Granularity::Quarter,
                    Pt::Quarter(yy, digits(q).filter(|q| (1..=4).contains(q))? as u32),
                )
            } else if let Some(h) = p1.strip_prefix('H') {
                (
                    Granularity::Quarter,
                    Pt::Half(yy, digits(h).filter(|q| (1..=2).contains(q))? as u32),
                )
            } else if let Some(w) = p1.strip_prefix('W') {
                let w = digits(w)? as u32;
                let d = NaiveDate::from_isoywd_opt(yy, w, Weekday::Mon)?;
                (Granularity::Week, Pt::Week(d))
            } else {
                let m = digits(p1).filter(|m| (1..=12).contains(m))? as u32;
                (Granularity::Month, Pt::Month(yy, m))
            }
        } else if let Some(w) = p1.strip_prefix('W') {
            let d = NaiveDate::from_isoywd_opt(yy, digits(w)? as u32, Weekday::Mon)?;
            if parts[2] == "WE" {
                (Granularity::Week, Pt::Weekend(d))
            } else {
                return None;
            }
        } else {
            let m = digits(p1)? as u32;
            let d = ymd(yy, m, digits(parts[2])? as u32)?;
            let g = if time.is_some() {
                Granularity::TimeOfDay
            } else {
                Granularity::Day
            };
            (g, Pt::Day(d))
        }
    };
    Some((g, p.start()?, end_of(p)?))
}

// ---------------------------------------------------------------------------
// Lexicon

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_word(w: &str) -> Option<(u32, bool)> {
    // (month, is abbreviation)
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some((i as u32 + 1, false));
    }
    let m = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some((m, true))
}

fn weekday_word(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        "couple" => 2,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn fuzzy_quantity(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "some" | "numerous" | "countless"
    )
}

fn is_past_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "been"
            | "ago"
            | "met"
            | "told"
            | "went"
            | "came"
            | "took"
            | "made"
            | "held"
            | "began"
            | "saw"
            | "gave"
            | "left"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "got"
            | "sent"
            | "found"
            | "brought"
            | "paid"
            | "spoke"
            | "wrote"
            | "struck"
            | "hit"
            | "shot"
            | "killed"
            | "became"
            | "ran"
            | "sold"
            | "bought"
            | "fought"
            | "led"
            | "stood"
            | "fled"
            | "broke"
            | "chose"
            | "drew"
            | "grew"
            | "knew"
            | "threw"
            | "flew"
            | "beat"
            | "put"
            | "set"
            | "cut"
            | "quit"
            | "read"
            | "heard"
            | "kept"
            | "felt"
            | "meant"
            | "slid"
            | "sank"
            | "swore"
            | "tore"
            | "wore"
            | "woke"
            | "arose"
            | "forgot"
            | "overtook"
            | "underwent"
            | "withdrew"
            | "last"
            | "earlier"
            | "yesterday"
    )
}

/// Present-tense event verbs that, right before a weekday, announce a plan
/// in news style ("meet Monday", "leaves Friday"). Reporting verbs excluded.
fn is_present_event_verb(w: &str) -> bool {
    matches!(
        w,
        "meet"
            | "meets"
            | "leave"
            | "leaves"
            | "arrive"
            | "arrives"
            | "travel"
            | "travels"
            | "visit"
            | "visits"
            | "begin"
            | "begins"
            | "start"
            | "starts"
            | "open"
            | "opens"
            | "resume"
            | "resumes"
            | "return"
            | "returns"
            | "vote"
            | "votes"
            | "face"
            | "faces"
            | "fly"
            | "flies"
            | "convene"
            | "convenes"
            | "expires"
            | "ends"
    )
}

fn is_future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "scheduled"
            | "slated"
            | "due"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "expected"
            | "expects"
            | "upcoming"
            | "next"
            | "tomorrow"
            | "expect"
            | "intends"
            | "hopes"
            | "later"
            | "coming"
            | "proposed"
    )
}

// ---------------------------------------------------------------------------
// The tagger

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    None,
}

#[derive(Debug, Clone)]
struct Cand {
    s: usize, // token index, inclusive
    e: usize, // token index, exclusive
    ttype: TimexType,
    value: String,
    anch: Anchoring,
    mod_: Option<&'static str>,
    pt: Option<Pt>,
    /// Derived from the reference date; must not become the next reference.
    no_ref: bool,
    /// Last day of a day range ("May 8-10"): widens the window past the value.
    until: Option<NaiveDate>,
}

struct Tagger<'a> {
    text: &'a str,
    low: String,
    toks: Vec<Tok>,
    dct: NaiveDate,
    /// Last concrete date mentioned, for anaphora.
    last: Option<Pt>,
}

fn cand_pt(s: usize, e: usize, pt: Pt, anch: Anchoring) -> Cand {
    Cand {
        s,
        e,
        ttype: pt.ttype(),
        value: pt.value(),
        anch,
        mod_: None,
        pt: Some(pt),
        no_ref: false,
        until: None,
    }
}

fn cand_v(s: usize, e: usize, ttype: TimexType, value: String, anch: Anchoring) -> Cand {
    Cand {
        s,
        e,
        ttype,
        value,
        anch,
        mod_: None,
        pt: None,
        no_ref: false,
        until: None,
    }
}

impl<'a> Tagger<'a> {
    fn new(text: &'a str, dct: NaiveDate) -> Self {
        Tagger {
            text,
            low: text.to_ascii_lowercase(),
            toks: tokenize(text),
            dct,
            last: None,
        }
    }

    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.low[t.s..t.e],
            None => "",
        }
    }

    fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.s..t.e],
            None => "",
        }
    }

    fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` directly follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp) && i > 0
    }

    fn num(&self, i: usize) -> Option<i64> {
        if self.kind(i) == Some(K::N) {
            digits(self.w(i))
        } else {
            None
        }
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// Skip an optional "." glued to an abbreviation.
    fn dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    fn sentence_break(&self, i: usize) -> bool {
        let w = self.w(i);
        if matches!(w, "?" | "!" | ";") {
            return true;
        }
        if i >= self.toks.len() {
            return true;
        }
        if w == "." {
            // An abbreviation dot ("Oct. 16") is followed by a lower-case word or a number.
            return self.toks.get(i + 1).is_none_or(|t| t.cap || t.nl);
        }
        self.toks.get(i).is_some_and(|t| t.nl)
    }

    fn tense(&self, s: usize, e: usize) -> Tense {
        self.tense_dir(s, e, 5)
    }

    /// Tense from the words before the expression only: for months and dates,
    /// whose governing verb precedes them ("was held in August"), while a
    /// following verb often belongs to another clause ("December delivery dived").
    fn tense_before(&self, s: usize) -> Tense {
        self.tense_dir(s, s, 0)
    }

    fn tense_dir(&self, s: usize, e: usize, ahead: usize) -> Tense {
        // A deadline or a starting point right before the expression says it
        // all: "until mid-November", "by August", "since March".
        if s > 0 {
            match self.w(s - 1) {
                "until" | "till" | "before" => return Tense::Future,
                // "had filed reports by Wednesday" is a past deadline.
                "by" => {
                    let past = (s.saturating_sub(5)..s - 1).any(|x| self.cue(x) == Tense::Past);
                    return if past { Tense::Past } else { Tense::Future };
                }
                "since" => return Tense::Past,
                _ => {}
            }
        }
        let mut best = (usize::MAX, Tense::None);
        let mut i = s;
        let mut d = 0;
        while i > 0 && d < 8 {
            i -= 1;
            d += 1;
            if self.sentence_break(i) {
                break;
            }
            let t = self.cue(i);
            if t != Tense::None {
                best = (d, t);
                break;
            }
            if self.toks[i].nl {
                break;
            }
        }
        let mut i = e;
        let mut d = 0;
        while i < self.toks.len() && d < ahead && d < best.0 {
            d += 1;
            if self.sentence_break(i) || self.toks[i].nl {
                break;
            }
            let t = self.cue(i);
            if t != Tense::None {
                if d < best.0 {
                    best = (d, t);
                }
                break;
            }
            i += 1;
        }
        best.1
    }

    fn cue(&self, i: usize) -> Tense {
        let w = self.w(i);
        // "would say only Wednesday that", "would not comment Monday": news
        // idiom for a past refusal, not a future.
        let reticent_verb = |k: usize| {
            matches!(
                self.w(k),
                "say" | "comment" | "confirm" | "disclose" | "elaborate" | "specify"
            )
        };
        let refusal_at = |k: usize| {
            // k is "would": "would not say", "would only say", "would say only"
            (matches!(self.w(k + 1), "not" | "only") && reticent_verb(k + 2))
                || (reticent_verb(k + 1) && self.is(k + 2, "only"))
        };
        if w == "would" && refusal_at(i) {
            return Tense::Past;
        }
        if (1..=2).any(|b| i >= b && self.w(i - b) == "would" && refusal_at(i - b))
            && matches!(
                w,
                "not"
                    | "only"
                    | "say"
                    | "comment"
                    | "confirm"
                    | "disclose"
                    | "elaborate"
                    | "specify"
            )
        {
            return Tense::Past;
        }
        if is_future_word(w)
            || (w == "to"
                && matches!(
                    self.w(i + 1),
                    "be" | "meet" | "hold" | "begin" | "start" | "visit"
                ))
        {
            return Tense::Future;
        }
        if matches!(w, "is" | "are") && self.is(i + 1, "to") {
            return Tense::Future;
        }
        // Future in the past: "was to meet", "were planning", "was scheduled".
        if matches!(w, "was" | "were")
            && matches!(
                self.w(i + 1),
                "to" | "planning"
                    | "scheduled"
                    | "due"
                    | "slated"
                    | "set"
                    | "supposed"
                    | "headed"
                    | "heading"
                    | "expected"
            )
        {
            return Tense::Future;
        }
        if (w == "going" && self.is(i + 1, "to"))
            || (w == "set" && matches!(self.w(i + 1), "to" | "for"))
        {
            return Tense::Future;
        }
        if w == "soon" {
            return Tense::Future;
        }
        // A passive after "be" ("will be held") says nothing about time.
        if i > 0 && matches!(self.w(i - 1), "be" | "being" | "is" | "are") && w != "been" {
            return Tense::None;
        }
        // "would cut", "to set": a bare verb after a modal or "to" is not a past form.
        if i > 0 && matches!(self.w(i - 1), "would" | "will" | "ll" | "shall") {
            return Tense::Future;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                "to" | "can" | "could" | "may" | "might" | "must" | "should" | "not"
            )
        {
            return Tense::None;
        }
        // Lower-case -ed words ("United" is a name).
        if is_past_word(w)
            || (w.len() > 4 && w.ends_with("ed") && !self.cap(i) && !is_future_word(w))
        {
            return Tense::Past;
        }
        Tense::None
    }

    // -- matchers -----------------------------------------------------------

    /// Day of month at `i` ("16", "16th"), returning it and the next index.
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.num(i)?;
        if !(1..=31).contains(&n) || self.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
            j += 1;
        }
        // "16.5", "16,000" and "16:00" are not days.
        if matches!(self.w(j), "." | "," | ":" | "/")
            && self.glued(j)
            && self.kind(j + 1) == Some(K::N)
            && self.glued(j + 1)
        {
            return None;
        }
        Some((n as u32, j))
    }

    /// Four-digit year at `i` (also "'98"), returning it and the next index.
    fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        if self.w(i).len() == 4 {
            let n = self.num(i)?;
            if (1000..=2199).contains(&n) {
                return Some((n as i32, i + 1));
            }
        }
        None
    }

    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let (m, abbr) = month_word(w)?;
        if !self.cap(i) {
            return None;
        }
        if self.raw(i).len() > 3
            && self.raw(i).bytes().all(|c| c.is_ascii_uppercase())
            && self.w(i).len() > 3
        {
            // ALL-CAPS headline words are fine too.
        }
        let j = if abbr || w == "may" || w == "june" || w == "july" {
            self.dot(i + 1)
        } else {
            i + 1
        };
        Some((m, j))
    }

    /// Explicit calendar dates with a month name or digits.
    fn m_calendar(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        // ISO 2025-10-16 and 2025/10/16
        if let Some((y, j)) = self.year_num(i) {
            if matches!(self.w(j), "-" | "/") && self.glued(j) {
                if let (Some(m), Some(d)) = (self.num(j + 1), self.num(j + 3)) {
                    if self.w(j + 2) == self.w(j)
                        && self.glued(j + 1)
                        && self.glued(j + 2)
                        && self.glued(j + 3)
                    {
                        if let Some(dt) = ymd(y, m as u32, d as u32) {
                            let mut e = j + 4;
                            // 2025-10-16T14:00
                            if self.w(e).starts_with('t') && self.glued(e) && self.w(e).len() >= 3 {
                                let _ = &mut e;
                            }
                            return Some(cand_pt(i, e, Pt::Day(dt), Anchoring::Explicit));
                        }
                    }
                }
            }
        }
        // 10/16/2025, 16.10.2025
        if let Some(a) = self.num(i) {
            let sep = self.w(i + 1);
            if (sep == "/" || sep == ".")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.w(i + 3) == sep
                && self.glued(i + 3)
                && self.glued(i + 4)
            {
                if let (Some(b), Some(c)) = (self.num(i + 2), self.num(i + 4)) {
                    let y = match self.w(i + 4).len() {
                        4 => c as i32,
                        2 => {
                            if c < 50 {
                                2000 + c as i32
                            } else {
                                1900 + c as i32
                            }
                        }
                        _ => return None,
                    };
                    let (m, d) = if sep == "/" && a <= 12 {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    if self.w(i).len() <= 2 && self.w(i + 2).len() <= 2 {
                        if let Some(dt) = ymd(y, m as u32, d as u32) {
                            return Some(cand_pt(i, i + 5, Pt::Day(dt), Anchoring::Explicit));
                        }
                    }
                }
            }
        }
        // Day-first: 16 October 2025, 16th of October
        if let Some((d, j)) = self.day_num(i) {
            let j2 = if self.is(j, "of") { j + 1 } else { j };
            if let Some((m, k)) = self.month_at(j2) {
                if let Some((y, k2)) = self.year_num(k) {
                    if let Some(dt) = ymd(y, m, d) {
                        return Some(cand_pt(i, k2, Pt::Day(dt), Anchoring::Explicit));
                    }
                }
                let dt = self.infer_year_day(m, d, i)?;
                return Some(cand_pt(i, k, Pt::Day(dt), Anchoring::RelativeToDct));
            }
        }
        // Month-first
        let (m, j) = self.month_at(i)?;
        let w = self.w(i);
        if let Some((d, k)) = self.day_num(j) {
            // Oct. 16, 2025 / Oct 16 2025
            let k1 = if self.is(k, ",") { k + 1 } else { k };
            if let Some((y, k2)) = self.year_num(k1) {
                if let Some(dt) = ymd(y, m, d) {
                    return Some(cand_pt(i, k2, Pt::Day(dt), Anchoring::Explicit));
                }
            }
            if w == "may" && !self.cap(i) {
                return None;
            }
            let dt = self.infer_year_day(m, d, i)?;
            return Some(cand_pt(i, k, Pt::Day(dt), Anchoring::RelativeToDct));
        }
        // October 2025, October of 2025
        let j1 = if self.is(j, "of") || self.is(j, ",") {
            j + 1
        } else {
            j
        };
        if let Some((y, k)) = self.year_num(j1) {
            return Some(cand_pt(i, k, Pt::Month(y, m), Anchoring::Explicit));
        }
        // January nineteen ninety-seven (transcripts)
        if matches!(self.w(j), "nineteen" | "twenty" | "two") {
            if let Some(Cand {
                pt: Some(Pt::Year(y)),
                e,
                ..
            }) = self.m_year(j)
            {
                return Some(cand_pt(i, e, Pt::Month(y, m), Anchoring::Explicit));
            }
        }
        // January this year / June last year
        if matches!(self.w(j), "this" | "last" | "next") && self.is(j + 1, "year") {
            let y = self.dct.year()
                + match self.w(j) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            return Some(cand_pt(i, j + 2, Pt::Month(y, m), Anchoring::RelativeToDct));
        }
        // A bare abbreviated month needs its dot ("Jan Kavan" is a name).
        if month_word(w).is_some_and(|(_, abbr)| abbr)
            && !(self.is(i + 1, ".") && self.glued(i + 1))
        {
            return None;
        }
        // Bare month. A capitalised "May"/"March" inside a sentence is a month
        // unless it ends a name ("Theresa May", "Long March"); at the start of
        // a sentence it is more likely the modal or the verb.
        if matches!(w, "may" | "march") {
            let sentence_start = i == 0
                || self.toks[i].nl
                || self.sentence_break(i - 1)
                || matches!(self.w(i - 1), "\"" | "`" | "'" | "(");
            let after_name =
                i > 0 && self.cap(i - 1) && self.kind(i - 1) == Some(K::W) && !sentence_start;
            let modal_use = w == "may"
                && matches!(
                    self.w(j),
                    "be" | "have" | "not" | "also" | "well" | "still" | "never" | "soon"
                );
            if sentence_start || after_name || modal_use {
                return None;
            }
        }
        let _ = dct;
        let pt = self.infer_month(m, i);
        Some(cand_pt(i, j, pt, Anchoring::RelativeToDct))
    }

    /// Tense of the clause after a sentence-initial "On Sunday, ...",
    /// "In January, ...": the expression has no verb before it, and the verb
    /// after the comma governs it.
    fn initial_tense(&self, s: usize) -> Tense {
        let mut b = s;
        if b > 0
            && matches!(
                self.w(b - 1),
                "on" | "in" | "until" | "till" | "by" | "early" | "late" | "during"
            )
        {
            b -= 1;
        }
        if b > 0 && self.is(b - 1, "in") {
            b -= 1;
        }
        if !(b == 0 || self.sentence_break(b - 1)) {
            return Tense::None;
        }
        let mut c = s + 1;
        while c < s + 6 && !self.is(c, ",") {
            if self.sentence_break(c) || self.toks.get(c).is_none_or(|t| t.nl) {
                return Tense::None;
            }
            c += 1;
        }
        if !self.is(c, ",") {
            return Tense::None;
        }
        let mut k = c + 1;
        while k < self.toks.len() && k < c + 13 {
            if self.sentence_break(k) || self.toks[k].nl {
                break;
            }
            let w = self.w(k);
            // "the government planned to ..." is a past main verb here.
            if matches!(w, "planned" | "expected" | "proposed" | "planning")
                && !matches!(self.w(k - 1), "is" | "are" | "be" | "was" | "were")
            {
                return Tense::Past;
            }
            let t = self.cue(k);
            if t != Tense::None {
                return t;
            }
            k += 1;
        }
        Tense::None
    }

    fn infer_year_day(&self, m: u32, d: u32, s: usize) -> Option<NaiveDate> {
        let y = self.dct.year();
        let this = ymd(y, m, d).or_else(|| ymd(y, m, 28))?;
        let prev = ymd(y - 1, m, d).unwrap_or(this);
        let next = ymd(y + 1, m, d).unwrap_or(this);
        // The nearest occurrence, unless the tense points the other way and the
        // occurrence on that side is not much further away.
        let tense = match self.tense_before(s) {
            Tense::None => self.initial_tense(s),
            t => t,
        };
        let cost = |c: &NaiveDate| {
            let d = (*c - self.dct).num_days();
            let wrong = (tense == Tense::Past && d > 0) || (tense == Tense::Future && d < 0);
            d.abs() + if wrong { 120 } else { 0 }
        };
        Some(
            [this, prev, next]
                .into_iter()
                .min_by_key(cost)
                .unwrap_or(this),
        )
    }

    fn infer_month(&self, m: u32, s: usize) -> Pt {
        let y = self.dct.year();
        let dm = self.dct.month() as i32;
        let tense = match self.tense_before(s) {
            Tense::None => self.initial_tense(s),
            t => t,
        };
        // Months from the DCT month; ties go to the DCT year.
        let cost = |yy: i32| {
            let d = (yy - y) * 12 + m as i32 - dm;
            let wrong = (tense == Tense::Past && d > 0) || (tense == Tense::Future && d < 0);
            (
                d.abs()
                    + if wrong { 12 } else { 0 }
                    + if tense == Tense::None && d > 0 { 2 } else { 0 },
                (yy - y).abs(),
            )
        };
        let yy = [y, y - 1, y + 1]
            .into_iter()
            .min_by_key(|yy| cost(*yy))
            .unwrap_or(y);
        Pt::Month(yy, m)
    }

    /// Year, decade and century expressions.
    fn m_year(&self, i: usize) -> Option<Cand> {
        // fiscal 1989 / fiscal year 1989 / fiscal 1990's
        let (j, fiscal) = if self.is(i, "fiscal") {
            (if self.is(i + 1, "year") { i + 2 } else { i + 1 }, true)
        } else {
            (i, false)
        };
        // "the 20th century", "the 11th century"
        let cj = if self.is(i, "the") { i + 1 } else { i };
        if let Some(n) = self.num(cj) {
            if matches!(self.w(cj + 1), "st" | "nd" | "rd" | "th")
                && self.glued(cj + 1)
                && self.is(cj + 2, "century")
                && (1..=30).contains(&n)
            {
                return Some(cand_pt(
                    i,
                    cj + 3,
                    Pt::Century(n as i32 - 1),
                    Anchoring::Explicit,
                ));
            }
        }
        // "the 1990s", "the '80s", "the nineties", "the 1988 period"
        if self.is(i, "the") && !fiscal {
            // One level only: "the the the ..." must not recurse down the text.
            if self.is(i + 1, "the") {
                return None;
            }
            let c = self.m_year(i + 1)?;
            return match c.pt {
                Some(Pt::Decade(_)) => Some(Cand { s: i, ..c }),
                // "the 1988 period" in a story about a quarter is that quarter of 1988.
                Some(Pt::Year(y)) if matches!(self.w(c.e), "period" | "quarter") => {
                    match self.last {
                        Some(Pt::Quarter(_, q)) => Some(cand_pt(
                            i,
                            c.e + 1,
                            Pt::Quarter(y, q),
                            Anchoring::RelativeToDate,
                        )),
                        _ if self.is(c.e, "period") => Some(Cand {
                            s: i,
                            e: c.e + 1,
                            ..c
                        }),
                        _ => None,
                    }
                }
                _ => None,
            };
        }
        // mid-1990s handled by the modifier layer; here: 1990s, 1990's, '90s
        if let Some((y, k)) = self.year_num(j) {
            if (self.is(k, "s") && self.glued(k))
                || (self.is(k, "'") && self.is(k + 1, "s") && self.glued(k) && self.glued(k + 1))
            {
                let e = if self.is(k, "s") { k + 1 } else { k + 2 };
                if y % 10 == 0 {
                    return Some(cand_pt(i, e, Pt::Decade(y / 10), Anchoring::Explicit));
                }
            }
            if !fiscal && !self.year_context(j, k) {
                return None;
            }
            // "the 1988 period"
            return Some(cand_pt(i, k, Pt::Year(y), Anchoring::Explicit));
        }
        if (self.is(j, "'") || self.is(j, "\u{2019}"))
            && self.w(j + 1).len() == 2
            && self.glued(j + 1)
        {
            let n = self.num(j + 1)? as i32;
            let century = if n <= (self.dct.year() % 100) + 10 {
                self.dct.year() / 100
            } else {
                self.dct.year() / 100 - 1
            };
            if self.is(j + 2, "s") && self.glued(j + 2) && n % 10 == 0 {
                return Some(cand_pt(
                    i,
                    j + 3,
                    Pt::Decade(century * 10 + n / 10),
                    Anchoring::Explicit,
                ));
            }
            if fiscal
                || matches!(
                    if i > 0 { self.w(i - 1) } else { "" },
                    "in" | "since" | "of"
                )
            {
                return Some(cand_pt(
                    i,
                    j + 2,
                    Pt::Year(century * 100 + n),
                    Anchoring::Explicit,
                ));
            }
            return None;
        }
        // the nineties
        let dec = match self.w(j) {
            "twenties" => Some(2),
            "thirties" => Some(3),
            "forties" => Some(4),
            "fifties" => Some(5),
            "sixties" => Some(6),
            "seventies" => Some(7),
            "eighties" => Some(8),
            "nineties" => Some(9),
            _ => None,
        };
        if let Some(d) = dec {
            if i > 0 && self.is(i - 1, "the") {
                return Some(cand_pt(i, j + 1, Pt::Decade(190 + d), Anchoring::Explicit));
            }
        }
        // nineteen ninety-six
        if matches!(self.w(j), "nineteen" | "twenty") {
            let c = if self.is(j, "nineteen") { 1900 } else { 2000 };
            let w1 = self.w(j + 1);
            let tens = match w1 {
                "ten" => Some(10),
                "eleven" | "twelve" | "thirteen" | "fourteen" | "fifteen" | "sixteen"
                | "seventeen" | "eighteen" | "nineteen" => small_number(w1).map(|n| n as i32),
                "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty"
                | "ninety" => small_number(w1).map(|n| n as i32),
                _ => None,
            };
            if let Some(t) = tens {
                if c == 2000 && t >= 20 {
                    return None;
                }
                let mut y = c + t;
                let mut e = j + 2;
                if t >= 20 && self.is(e, "-") {
                    if let Some(u) = small_number(self.w(e + 1)).filter(|u| *u < 10) {
                        y += u as i32;
                        e += 2;
                    }
                }
                return Some(cand_pt(i, e, Pt::Year(y), Anchoring::Explicit));
            }
        }
        if self.is(j, "two") && self.is(j + 1, "thousand") {
            let mut e = j + 2;
            let mut y = 2000;
            if self.is(e, "and") {
                if let Some(u) = small_number(self.w(e + 1)).filter(|u| *u < 20) {
                    y += u as i32;
                    e += 2;
                }
            }
            if i > 0 && matches!(self.w(i - 1), "year" | "in" | "by" | "until" | "since") {
                return Some(cand_pt(i, e, Pt::Year(y), Anchoring::Explicit));
            }
        }
        None
    }

    /// Is the four-digit number at `j..k` plausibly a year rather than a count?
    fn year_context(&self, j: usize, k: usize) -> bool {
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        let next = self.w(k);
        // mid-1996, post-1959, pre-2000
        if prev == "-" && j > 1 && matches!(self.w(j - 2), "mid" | "post" | "pre") {
            return true;
        }
        // "between 1991 and 1995", "from 1879 to 1883"; but "600 dead and 1400 injured".
        let prev = if matches!(prev, "and" | "to" | "or")
            && !(j > 1 && self.w(j - 2).len() == 4 && self.num(j - 2).is_some())
        {
            ""
        } else {
            prev
        };
        if matches!(
            prev,
            "$" | "#"
                | "no"
                | "number"
                | "route"
                | "flight"
                | "room"
                | "nos"
                | "page"
                | "pages"
                | "."
                | ","
                | "+"
                | "-"
                | "\u{00a3}"
                | "\u{20ac}"
        ) && j > 0
            && (self.glued(j)
                || matches!(
                    prev,
                    "no" | "number" | "route" | "flight" | "room" | "page" | "pages" | "nos"
                ))
        {
            return false;
        }
        if matches!(
            next,
            "%" | "percent" | "gmt" | "utc" | "hours" | "hrs" | "local" | "bst" | "cet"
        ) || (next == ","
            && self.glued(k)
            && self.kind(k + 1) == Some(K::N)
            && self.glued(k + 1))
            || (matches!(next, "." | ":")
                && self.glued(k)
                && self.kind(k + 1) == Some(K::N)
                && self.glued(k + 1))
        {
            return false;
        }
        if matches!(
            prev,
            "in" | "since"
                | "by"
                | "during"
                | "of"
                | "from"
                | "until"
                | "till"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "year"
                | "between"
                | "through"
                | "to"
                | "and"
                | "for"
                | "around"
                | "circa"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "the"
                | "end"
                | "beginning"
                | "start"
                | "that"
                | "this"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
        ) || (prev == "s" && j > 1 && matches!(self.w(j - 2), "'" | "\u{2019}"))
        {
            return true;
        }
        // "Orion 1980", "Windows 2000": a model or product number after a name.
        if j > 0
            && self.cap(j - 1)
            && self.kind(j - 1) == Some(K::W)
            && !self.toks[j - 1].nl
            && month_word(prev).is_none()
            && !self.sentence_break(j.saturating_sub(2))
        {
            return false;
        }
        // A following lower-case content word means a count ("1990 people").
        if self.kind(k) == Some(K::W) && !self.cap(k) {
            return matches!(
                next,
                "and"
                    | "or"
                    | "to"
                    | "when"
                    | "as"
                    | "with"
                    | "was"
                    | "were"
                    | "is"
                    | "the"
                    | "that"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "after"
                    | "before"
                    | "but"
                    | "while"
                    | "because"
                    | "by"
                    | "from"
                    | "until"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "a"
                    | "an"
                    | "season"
                    | "election"
                    | "elections"
                    | "budget"
                    | "levels"
                    | "level"
                    | "figures"
                    | "period"
                    | "compared"
                    | "onwards"
                    | "onward"
                    | "through"
                    | "against"
                    | "had"
                    | "has"
                    | "have"
                    | "saw"
                    | "marked"
                    | "will"
            );
        }
        true
    }

    fn weekday_at(&self, i: usize) -> Option<(Weekday, usize)> {
        let w = self.w(i);
        let wd = weekday_word(w)?;
        if !self.cap(i) {
            return None;
        }
        // "Sun" and "Wed" are words and names: abbreviations need their dot
        // or a date after them ("Fri, Oct 17").
        let full = w.len() > 4;
        let dotted = self.is(i + 1, ".") && self.glued(i + 1);
        let dated = self.is(i + 1, ",")
            && (month_word(self.w(i + 2)).is_some() || self.num(i + 2).is_some());
        if !(full || dotted || dated) {
            return None;
        }
        let j = if full { i + 1 } else { self.dot(i + 1) };
        // "Sunday Times", "Bloody Sunday Inquiry": a capitalised name follows.
        if full && self.cap(j) && self.kind(j) == Some(K::W) && !self.toks[j].nl {
            let nw = self.w(j);
            if matches!(
                nw,
                "times"
                    | "telegraph"
                    | "express"
                    | "mirror"
                    | "post"
                    | "herald"
                    | "star"
                    | "mail"
                    | "independent"
                    | "observer"
                    | "tribune"
                    | "school"
                    | "league"
                    | "people"
                    | "sport"
                    | "world"
                    | "magazine"
                    | "edition"
            ) {
                return None;
            }
        }
        Some((wd, j))
    }

    fn part_of_day(w: &str) -> Option<&'static str> {
        Some(match w {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            "night" | "overnight" => "NI",
            _ => return None,
        })
    }

    fn resolve_weekday(&self, wd: Weekday, s: usize, e: usize) -> NaiveDate {
        let dct = self.dct;
        let back = (7 + dct.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            % 7;
        let fwd = (7 - back) % 7;
        let past = dct - Duration::days(back);
        let fut = dct + Duration::days(fwd);
        // "Monday's close", "Wednesday's ruling": already happened.
        let possessive = matches!(self.w(e), "'" | "\u{2019}") && self.is(e + 1, "s");
        let tense = if possessive {
            Tense::Past
        } else {
            self.weekday_tense(s, e)
        };
        match tense {
            Tense::Past => past,
            Tense::Future => {
                if fwd == 0 {
                    dct
                } else {
                    fut
                }
            }
            Tense::None => {
                // Nearest, leaning to the past: news mostly reports what happened.
                if fwd + 2 < back {
                    fut
                } else {
                    past
                }
            }
        }
    }

    /// Tense for a bare weekday: news-specific patterns first, then the
    /// general cue window.
    fn weekday_tense(&self, s: usize, e: usize) -> Tense {
        let mut i = s;
        let mut d = 0;
        while i > 0 && d < 8 {
            i -= 1;
            d += 1;
            if self.sentence_break(i) || self.toks[i].nl {
                break;
            }
            let w = self.w(i);
            // "headed Tuesday to East Africa", "was headed to Nairobi on Friday"
            if matches!(w, "headed" | "heading" | "heads" | "bound") && !self.is(i + 1, "by") {
                return Tense::Future;
            }
            // Headline present: "Arafat meet separately Monday", "leaves Friday".
            if d <= 2 && is_present_event_verb(w) {
                return Tense::Future;
            }
            if self.cue(i) == Tense::Future {
                // "had been due to expire Friday", "as previously planned": the
                // plan was overtaken, the day has passed.
                let p1 = if i >= 1 { self.w(i - 1) } else { "" };
                let p2 = if i >= 2 { self.w(i - 2) } else { "" };
                let p3 = if i >= 3 { self.w(i - 3) } else { "" };
                if matches!(p1, "previously" | "originally")
                    || matches!(p2, "previously" | "originally")
                    || (p1 == "been" && (p2 == "had" || p3 == "had"))
                {
                    return Tense::Past;
                }
                break;
            }
            if self.cue(i) != Tense::None {
                break;
            }
        }
        // Sentence-initial "On Sunday, police arrested ...": the clause after
        // the comma carries the tense.
        let t = self.initial_tense(s);
        if t != Tense::None {
            return t;
        }
        self.tense(s, e)
    }

    fn m_weekday(&self, i: usize) -> Option<Cand> {
        let (wd, j) = self.weekday_at(i)?;
        // Friday, Oct. 23 (1998)
        let j1 = if self.is(j, ",") { j + 1 } else { j };
        if let Some(c) = self.m_calendar(j1) {
            if matches!(c.pt, Some(Pt::Day(_))) {
                return Some(Cand { s: i, ..c });
            }
        }
        let d = self.resolve_weekday(wd, i, j);
        // "Friday night": the span keeps the part of the day, the value is the
        // day itself, as in the TempEval-3 newswire annotation.
        if Self::part_of_day(self.w(j)).is_some() {
            return Some(cand_pt(i, j + 1, Pt::Day(d), Anchoring::RelativeToDct));
        }
        // "Tuesday midnight" ends that day; "Friday noon"
        match self.w(j) {
            "midnight" => {
                return Some(cand_pt(
                    i,
                    j + 1,
                    Pt::Clock(d.succ_opt()?, 0, 0),
                    Anchoring::RelativeToDct,
                ))
            }
            "noon" | "midday" => {
                return Some(cand_pt(
                    i,
                    j + 1,
                    Pt::Clock(d, 12, 0),
                    Anchoring::RelativeToDct,
                ))
            }
            _ => {}
        }
        Some(cand_pt(i, j, Pt::Day(d), Anchoring::RelativeToDct))
    }

    fn m_deictic(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        let w = self.w(i);
        let rel = Anchoring::RelativeToDct;
        let day = match w {
            "today" => Some(dct),
            "tomorrow" => dct.succ_opt(),
            "yesterday" => dct.pred_opt(),
            _ => None,
        };
        if let Some(d) = day {
            // "today's" is fine; "Today" the show is not worth the trouble.
            if let Some(p) = Self::part_of_day(self.w(i + 1)) {
                return Some(cand_pt(i, i + 2, Pt::Part(d, p), rel));
            }
            return Some(cand_pt(i, i + 1, Pt::Day(d), rel));
        }
        match w {
            "tonight" => return Some(cand_pt(i, i + 1, Pt::Part(dct, "NI"), rel)),
            "overnight" if false => {}
            "now" | "currently" | "nowadays" | "presently" => {
                return Some(cand_v(i, i + 1, TimexType::Date, "PRESENT_REF".into(), rel));
            }
            "recently" | "lately" => {
                return Some(cand_v(i, i + 1, TimexType::Date, "PAST_REF".into(), rel));
            }
            "soon" => {
                // "He was soon released" narrates the past.
                if i > 0 && matches!(self.w(i - 1), "was" | "were" | "had" | "and" | "that") {
                    return None;
                }
                if self.is(i + 1, "after") || self.is(i + 1, "as") {
                    if self.is(i + 1, "as") && self.is(i + 2, "possible") {
                        return Some(cand_v(i, i + 3, TimexType::Date, "FUTURE_REF".into(), rel));
                    }
                    return None;
                }
                return Some(cand_v(i, i + 1, TimexType::Date, "FUTURE_REF".into(), rel));
            }
            _ => {}
        }
        if w == "as" && self.is(i + 1, "soon") && self.is(i + 2, "as") && self.is(i + 3, "possible")
        {
            return Some(cand_v(i, i + 4, TimexType::Date, "FUTURE_REF".into(), rel));
        }
        if w == "the" {
            match self.w(i + 1) {
                "past" | "future" | "present" => {
                    let n = self.w(i + 2);
                    if self.kind(i + 2) == Some(K::W)
                        && !matches!(
                            n,
                            "and"
                                | "or"
                                | "but"
                                | "to"
                                | "as"
                                | "is"
                                | "was"
                                | "that"
                                | "with"
                                | "in"
                                | "for"
                                | "he"
                                | "we"
                                | "they"
                                | "it"
                                | "i"
                                | "at"
                        )
                        && !self.sentence_break(i + 2)
                    {
                        return None;
                    }
                    let v = match self.w(i + 1) {
                        "past" => "PAST_REF",
                        "future" => "FUTURE_REF",
                        _ => "PRESENT_REF",
                    };
                    return Some(cand_v(i, i + 2, TimexType::Date, v.into(), rel));
                }
                _ => {}
            }
        }
        if w == "last" && self.is(i + 1, "night") {
            return Some(cand_pt(i, i + 2, Pt::Part(dct.pred_opt()?, "NI"), rel));
        }
        if w == "this" {
            if let Some(p) = Self::part_of_day(self.w(i + 1)) {
                return Some(cand_pt(i, i + 2, Pt::Part(dct, p), rel));
            }
        }
        if w == "at" && self.is(i + 1, "present") {
            return Some(cand_v(
                i + 1,
                i + 2,
                TimexType::Date,
                "PRESENT_REF".into(),
                rel,
            ));
        }
        let refv = |s: usize, e: usize, v: &str| Some(cand_v(s, e, TimexType::Date, v.into(), rel));
        // Deictic adjectives before a noun: "current conditions", "a recent
        // filing", "future losses" (TimeBank tags them as PRESENT/PAST/FUTURE_REF).
        let next = self.w(i + 1);
        let noun_follows = self.kind(i + 1) == Some(K::W)
            && !self.cap(i + 1)
            && unit_word(next).is_none()
            && !matches!(
                next,
                "and"
                    | "or"
                    | "of"
                    | "to"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "in"
                    | "at"
                    | "on"
                    | "for"
                    | "with"
                    | "by"
                    | "as"
            );
        match w {
            "current"
                if noun_follows
                    && !matches!(
                        next,
                        "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "flows"
                            | "flow"
                            | "density"
                            | "carrying"
                            | "prices"
                            | "dollars"
                            | "assets"
                            | "liabilities"
                    ) =>
            {
                return refv(i, i + 1, "PRESENT_REF");
            }
            "these" if next == "days" => return refv(i, i + 2, "PRESENT_REF"),
            "the"
                if matches!(next, "near" | "foreseeable" | "distant")
                    && self.is(i + 2, "future") =>
            {
                return refv(i, i + 3, "FUTURE_REF");
            }
            "the" if matches!(next, "near" | "short" | "long") && self.is(i + 2, "term") => {
                return refv(i, i + 3, "FUTURE_REF");
            }
            "a" if matches!(next, "later" | "future") && self.is(i + 2, "date") => {
                return refv(i, i + 3, "FUTURE_REF")
            }
            "the"
                if next == "time"
                    && i > 0
                    && self.is(i - 1, "at")
                    && !self.is(i + 2, "of")
                    && !self.is(i + 2, "when") =>
            {
                return refv(i, i + 2, "PAST_REF");
            }
            _ => {}
        }
        None
    }

    /// this/last/next/past/coming/previous/following + unit, weekday, month or season.
    fn m_relative(&self, i: usize) -> Option<Cand> {
        let (s, j0) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j0);
        let the = j0 > s;
        let dir: i64 = match w {
            "this" | "current" | "present" if !the || w != "this" => 0,
            "last" | "past" | "previous" | "preceding" | "latest" | "prior" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            "that" | "same" => 99,
            _ => return None,
        };
        let j = j0 + 1;
        // "This Week" in title case is a programme or a headline, not a week.
        if self.cap(j)
            && unit_word(self.w(j)).is_some()
            && !self.raw(j).bytes().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        let dct = self.dct;
        let rel = Anchoring::RelativeToDct;
        // "the following day", "the next day", "the previous week": anaphoric
        let anaphoric = the
            && matches!(w, "following" | "previous" | "preceding" | "next" | "same")
            || w == "that"
            || w == "same";
        if let Some((u, plural)) = unit_word(self.w(j)) {
            if plural {
                return None;
            }
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            if w == "latest" && u != Unit::Quarter {
                return None;
            }
            if matches!(w, "present") {
                return None;
            }
            // "the past decade" is the stretch of ten years up to now.
            if u == Unit::Decade && w == "past" {
                return Some(cand_v(
                    s,
                    j + 1,
                    TimexType::Duration,
                    "P10Y".into(),
                    Anchoring::Explicit,
                ));
            }
            let (base, anch) = if anaphoric {
                match self.last {
                    Some(p) => (p, Anchoring::RelativeToDate),
                    None => (Pt::Day(dct), rel),
                }
            } else {
                (Pt::Day(dct), rel)
            };
            let base_d = base.start()?;
            let n = if dir == 99 { 0 } else { dir };
            // the last/past year = the previous calendar year (TimeBank practice)
            let pt = match u {
                Unit::Weekend => {
                    let m = monday(base_d);
                    let m = if n == 0
                        && !anaphoric
                        && dct.weekday().num_days_from_monday() < 2
                        && self.tense(s, j + 1) == Tense::Past
                    {
                        m - Duration::days(7)
                    } else {
                        m
                    };
                    Pt::Weekend(m + Duration::days(7 * n))
                }
                _ => {
                    if anaphoric && u == Unit::Day && base.day().is_none() {
                        // "that day" after "last year": we do not know the day.
                        return None;
                    }
                    project(u, shift_date(base_d, u, n)?)
                }
            };
            let mut c = cand_pt(s, j + 1, pt, anch);
            if !the && w == "this" && u == Unit::Day {
                return None;
            }
            // "the last week" said of a stretch of days is still a DATE here.
            c.s = s;
            return Some(c);
        }
        if dir == 99 {
            return None;
        }
        // last Friday / next Friday / this Friday
        if let Some((wd, k)) = self.weekday_at(j) {
            // "the previous Friday", "the following Monday": around the date under discussion.
            if the {
                let (base, anch) = match self.last.and_then(|p| p.day()) {
                    Some(d) => (d, Anchoring::RelativeToDate),
                    None => (dct, rel),
                };
                let back = (7 + base.weekday().num_days_from_monday() as i64
                    - wd.num_days_from_monday() as i64)
                    % 7;
                let d = match dir {
                    -1 => base - Duration::days(if back == 0 { 7 } else { back }),
                    1 => base + Duration::days(if back == 0 { 7 } else { 7 - back }),
                    _ => return None,
                };
                return Some(cand_pt(s, k, Pt::Day(d), anch));
            }
            let back = (7 + dct.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                % 7;
            let d = match dir {
                -1 => dct - Duration::days(if back == 0 { 7 } else { back }),
                1 => dct + Duration::days(if back == 0 { 7 } else { 7 - back }),
                _ => monday(dct) + Duration::days(wd.num_days_from_monday() as i64),
            };
            if let Some(p) = Self::part_of_day(self.w(k)) {
                return Some(cand_pt(s, k + 1, Pt::Part(d, p), rel));
            }
            return Some(cand_pt(s, k, Pt::Day(d), rel));
        }
        // last August
        if let Some((m, k)) = self.month_at(j) {
            if the {
                return None;
            }
            // "last Oct. 23": the latest such day before the DCT
            if let Some((d, k2)) = self.day_num(k) {
                let this = ymd(dct.year(), m, d)?;
                let dt = match dir {
                    -1 if this >= dct => ymd(dct.year() - 1, m, d)?,
                    1 if this <= dct => ymd(dct.year() + 1, m, d)?,
                    _ => this,
                };
                return Some(cand_pt(s, k2, Pt::Day(dt), rel));
            }
            let y = dct.year();
            let dm = dct.month();
            let yy = match dir {
                // "last February" said in March is a year back: the month
                // just ended would be "last month".
                -1 => {
                    if m + 1 < dm {
                        y
                    } else {
                        y - 1
                    }
                }
                1 => {
                    if m > dm {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            return Some(cand_pt(s, k, Pt::Month(yy, m), rel));
        }
        // last summer
        if let Some(se) = season_word(self.w(j)) {
            let cur = season_of(dct);
            let y = dct.year();
            let pt = match dir {
                0 => Pt::Season(y, se),
                -1 => {
                    if se < cur.1 && cur.0 == y {
                        Pt::Season(y, se)
                    } else {
                        Pt::Season(y - 1, se)
                    }
                }
                _ => {
                    if se > cur.1 && cur.0 == y {
                        Pt::Season(y, se)
                    } else {
                        Pt::Season(y + 1, se)
                    }
                }
            };
            return Some(cand_pt(s, j + 1, pt, rel));
        }
        None
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2025",
    /// "the fiscal first quarter", "the first half of 1990".
    fn m_quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // this year's third quarter / last year's fourth quarter
        let mut year: Option<(i32, Anchoring)> = None;
        if matches!(self.w(j), "this" | "last" | "next")
            && self.is(j + 1, "year")
            && self.is(j + 2, "'")
            && self.is(j + 3, "s")
        {
            let y = self.dct.year()
                + match self.w(j) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            year = Some((y, Anchoring::RelativeToDct));
            j += 4;
        }
        // "the 1988 third quarter", "the year-earlier third quarter"
        let mut back_year = false;
        if year.is_none() {
            if let Some((y, k)) = self.year_num(j) {
                if ordinal_word(self.w(k)).is_some() {
                    year = Some((y, Anchoring::Explicit));
                    j = k;
                }
            } else if self.is(j, "year")
                && self.is(j + 1, "-")
                && matches!(self.w(j + 2), "ago" | "earlier")
                && ordinal_word(self.w(j + 3)).is_some()
            {
                back_year = true;
                j += 3;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // Q3
        let w = self.w(j);
        let (n, unit, k) = if w.len() == 1
            && (w == "q" || w == "h")
            && self.cap(j)
            && self.glued(j + 1)
            && self.num(j + 1).is_some()
        {
            (
                self.num(j + 1)? as u32,
                if w == "q" { Unit::Quarter } else { Unit::Half },
                j + 2,
            )
        } else {
            let n = match w {
                "last" | "final" | "fourth" | "4th"
                    if self.is(j + 1, "-") || matches!(self.w(j + 1), "quarter" | "half") =>
                {
                    if matches!(w, "last" | "final") {
                        if self.is(j + 1, "half") || (self.is(j + 1, "-") && self.is(j + 2, "half"))
                        {
                            2
                        } else {
                            4
                        }
                    } else {
                        4
                    }
                }
                _ => ordinal_word(w)?,
            };
            let mut k = j + 1;
            if self.is(k, "-") {
                k += 1;
            }
            let u = match self.w(k) {
                "quarter" => Unit::Quarter,
                "half" => Unit::Half,
                _ => return None,
            };
            (n, u, k + 1)
        };
        let max = if unit == Unit::Quarter { 4 } else { 2 };
        if n == 0 || n > max {
            return None;
        }
        let mut e = k;
        // of 1990 / of this year / of next year / 2025
        if year.is_none() {
            let k1 = if self.is(k, "of") { k + 1 } else { k };
            let k1b = if self.is(k1, "fiscal") { k1 + 1 } else { k1 };
            if let Some((y, k2)) = self.year_num(k1b) {
                year = Some((y, Anchoring::Explicit));
                e = k2;
            } else if self.is(k, "of")
                && matches!(self.w(k + 1), "this" | "last" | "next")
                && self.is(k + 2, "year")
            {
                let y = self.dct.year()
                    + match self.w(k + 1) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                year = Some((y, Anchoring::RelativeToDct));
                e = k + 3;
            } else if self.is(k, "of") && self.is(k + 1, "the") && self.is(k + 2, "year") {
                e = k + 3;
            }
        }
        // "3:57 left in the fourth quarter": a period of a game.
        if year.is_none() && self.sports_context(i, e) {
            return None;
        }
        let (y, anch) = match year {
            Some(v) => v,
            None => {
                // Business news reports on quarters that have begun: the
                // latest such quarter at or before the DCT.
                let dq = if unit == Unit::Quarter {
                    self.dct.month0() / 3 + 1
                } else {
                    self.dct.month0() / 6 + 1
                };
                let y = self.dct.year();
                let y = if n > dq { y - 1 } else { y };
                (y, Anchoring::RelativeToDct)
            }
        };
        let y = if back_year { y - 1 } else { y };
        let pt = if unit == Unit::Quarter {
            Pt::Quarter(y, n)
        } else {
            Pt::Half(y, n)
        };
        // "third-quarter profit" is adjectival: no determiner in the span.
        let i = if the && self.is(k - 2, "-") && !back_year && year.is_none() {
            i + 1
        } else {
            i
        };
        Some(cand_pt(i, e, pt, anch))
    }

    /// Game vocabulary within a dozen tokens: quarters and halves are then
    /// periods of play, not of the calendar.
    fn sports_context(&self, s: usize, e: usize) -> bool {
        let lo = s.saturating_sub(12);
        let hi = (e + 12).min(self.toks.len());
        (lo..hi).any(|x| {
            matches!(
                self.w(x),
                "touchdown"
                    | "touchdowns"
                    | "yard"
                    | "yards"
                    | "quarterback"
                    | "halftime"
                    | "rebounds"
                    | "pointer"
                    | "pointers"
                    | "basket"
                    | "baskets"
                    | "interception"
                    | "fumble"
                    | "inning"
                    | "innings"
                    | "whistle"
                    | "kickoff"
                    | "striker"
                    | "midfielder"
                    | "nba"
                    | "nfl"
            ) || (self.is(x, "left") && self.is(x + 1, "in"))
        })
    }

    /// "the quarter", "the latest quarter", "the year-ago quarter", "year-earlier",
    /// "the full year", "the current fiscal year", "the week", "the weekend".
    fn m_the_unit(&self, i: usize) -> Option<Cand> {
        let the = self.is(i, "the");
        let rel = Anchoring::RelativeToDct;
        let mut j = if the { i + 1 } else { i };
        // year-ago / year-earlier: the period under discussion, a year back.
        if self.is(j, "comparable") || self.is(j, "corresponding") {
            j += 1;
        }
        if self.is(j, "year") && self.is(j + 1, "-") && matches!(self.w(j + 2), "ago" | "earlier") {
            let mut e = j + 3;
            if matches!(self.w(e), "quarter" | "period") {
                e += 1;
            } else if the {
                return None;
            }
            let pt = match self.last {
                Some(p @ Pt::Quarter(..)) | Some(p @ Pt::Half(..)) => p.shift(Unit::Year, -1)?,
                _ if self.w(e - 1) == "quarter" => project(Unit::Quarter, self.dct)
                    .shift(Unit::Quarter, -1)?
                    .shift(Unit::Year, -1)?,
                _ => Pt::Year(self.dct.year() - 1),
            };
            let mut c = cand_pt(i, e, pt, Anchoring::RelativeToDate);
            c.no_ref = true;
            return Some(c);
        }
        if !the {
            return None;
        }
        let mut qual = "";
        if matches!(
            self.w(j),
            "latest" | "recent" | "current" | "full" | "entire" | "whole" | "same" | "comparable"
        ) {
            qual = self.w(j);
            j += 1;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let w = self.w(j);
        let next_w = self.w(j + 1);
        // "the year's", "the week ahead" and "the year of the dragon" stay out.
        if matches!(
            next_w,
            "of" | "'"
                | "ahead"
                | "before"
                | "after"
                | "earlier"
                | "later"
                | "-"
                | "ago"
                | "when"
                | "that"
                | "in"
        ) && qual.is_empty()
        {
            return None;
        }
        let e = j + 1;
        if w == "year" && qual.is_empty() && !self.is(e, "the") {
            if let Some(c) = self.m_year(e).filter(|c| matches!(c.pt, Some(Pt::Year(_)))) {
                return Some(Cand { s: i, ..c });
            }
        }
        // "the year ended Sept. 30": a fiscal year as a stretch of time.
        if w == "year"
            && matches!(self.w(e), "ended" | "ending" | "ends" | "through" | "to")
            && matches!(qual, "" | "fiscal")
        {
            return Some(cand_v(
                i,
                e,
                TimexType::Duration,
                "P1Y".into(),
                Anchoring::Explicit,
            ));
        }
        let pt = match w {
            "quarter" | "period" => {
                if w == "period"
                    && !matches!(
                        qual,
                        "latest" | "recent" | "current" | "same" | "comparable"
                    )
                {
                    return None;
                }
                match (qual, self.last) {
                    ("current", _) => project(Unit::Quarter, self.dct),
                    // The quarter under discussion, else the last one begun before the DCT's.
                    (_, Some(p @ Pt::Quarter(..)))
                        if qual != "latest" || self.last_is_recent_quarter() =>
                    {
                        p
                    }
                    _ => project(Unit::Quarter, self.dct).shift(Unit::Quarter, -1)?,
                }
            }
            // "player of the year" is an award, not a date.
            "year"
                if qual.is_empty()
                    && i > 1
                    && self.is(i - 1, "of")
                    && matches!(
                        self.w(i - 2),
                        "player"
                            | "players"
                            | "man"
                            | "woman"
                            | "person"
                            | "coach"
                            | "team"
                            | "car"
                            | "book"
                            | "album"
                            | "song"
                            | "goal"
                            | "athlete"
                            | "rookie"
                            | "manager"
                            | "footballer"
                            | "driver"
                            | "story"
                            | "word"
                            | "deal"
                            | "event"
                            | "match"
                            | "game"
                    ) =>
            {
                return None;
            }
            "year" => match qual {
                "latest" => Pt::Year(self.dct.year() - 1),
                "" => match self.last {
                    Some(Pt::Year(y)) => Pt::Year(y),
                    _ => Pt::Year(self.dct.year()),
                },
                "same" => match self.last {
                    Some(p) => project(Unit::Year, p.start()?),
                    None => return None,
                },
                _ => Pt::Year(self.dct.year()),
            },
            "month" => match self.last {
                Some(p @ Pt::Month(..)) if qual.is_empty() => p,
                _ => project(Unit::Month, self.dct),
            },
            "week" if qual.is_empty() || qual == "same" => match self.last.and_then(|p| p.day()) {
                Some(d) => Pt::Week(monday(d)),
                None => Pt::Week(monday(self.dct)),
            },
            "weekend" if qual.is_empty() => {
                let m = monday(self.dct);
                let m = match self.tense(i, e) {
                    Tense::Future => m,
                    _ if self.dct.weekday().num_days_from_monday() >= 5 => m,
                    _ => m - Duration::days(7),
                };
                Pt::Weekend(m)
            }
            _ => return None,
        };
        Some(cand_pt(i, e, pt, rel))
    }

    fn last_is_recent_quarter(&self) -> bool {
        matches!(self.last, Some(Pt::Quarter(..)))
    }

    /// Seasons: "summer", "the winter of 1994", "fall 1998".
    fn m_season(&self, i: usize) -> Option<Cand> {
        let (s, j) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let se = season_word(self.w(j))?;
        let prev = if s > 0 { self.w(s - 1) } else { "" };
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some((y, e)) = self.year_num(k) {
            return Some(cand_pt(s, e, Pt::Season(y, se), Anchoring::Explicit));
        }
        if let Some(c) = self.m_year(k) {
            if let Some(Pt::Year(y)) = c.pt {
                if self.is(j + 1, "of") {
                    return Some(cand_pt(s, c.e, Pt::Season(y, se), Anchoring::Explicit));
                }
            }
        }
        // "fall" and "spring" are verbs: need a determiner or preposition.
        let ok = s < j
            || matches!(
                prev,
                "in" | "during"
                    | "this"
                    | "since"
                    | "by"
                    | "until"
                    | "over"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
            );
        if !ok {
            return None;
        }
        if self.kind(j + 1) == Some(K::W) && matches!(self.w(j + 1), "of" | "'") {
            return None;
        }
        let y = self.dct.year();
        let cur = season_of(self.dct);
        let y = match self.tense(s, j + 1) {
            Tense::Past if se > cur.1 && cur.0 == y => y - 1,
            Tense::Future if se < cur.1 && cur.0 == y => y + 1,
            _ => y,
        };
        Some(cand_pt(
            s,
            j + 1,
            Pt::Season(y, se),
            Anchoring::RelativeToDct,
        ))
    }

    /// A quantity of units at `i`: "three", "24", "a", "5 1/2", "twenty-four",
    /// "several". Returns (halves, next index); `None` quantity means fuzzy.
    fn quantity(&self, i: usize) -> Option<(Option<u64>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            if self.w(i).len() > 6 {
                return None;
            }
            let mut j = i + 1;
            let mut halves = n as u64 * 2;
            // 5 1/2
            if self.is(j, "1") && self.is(j + 1, "/") && self.is(j + 2, "2") {
                halves += 1;
                j += 3;
            } else if self.is(j, ".") && self.glued(j) && self.is(j + 1, "5") && self.glued(j + 1) {
                halves += 1;
                j += 2;
            } else if (self.is(j, ",") || self.is(j, "."))
                && self.glued(j)
                && self.kind(j + 1) == Some(K::N)
                && self.glued(j + 1)
            {
                return None;
            }
            return Some((Some(halves), j));
        }
        if w == "a" || w == "an" {
            if self.is(i + 1, "few") || self.is(i + 1, "couple") {
                let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((if self.is(i + 1, "few") { None } else { Some(4) }, j));
            }
            if self.is(i + 1, "half") {
                return Some((Some(1), i + 2));
            }
            if self.is(i + 1, "dozen") {
                return Some((Some(24), i + 2));
            }
            if self.is(i + 1, "hundred") {
                return Some((Some(200), i + 2));
            }
            return Some((Some(2), i + 1));
        }
        if fuzzy_quantity(w) {
            return Some((None, i + 1));
        }
        let n = small_number(w)?;
        if n == 1 && (w == "a" || w == "an") {
            return Some((Some(2), i + 1));
        }
        let mut j = i + 1;
        let mut n = n as u64;
        if (20..100).contains(&n) && self.is(j, "-") {
            if let Some(u) = small_number(self.w(j + 1)).filter(|u| *u < 10 && *u >= 1) {
                n += u as u64;
                j += 2;
            }
        } else if (20..100).contains(&n) {
            if let Some(u) = small_number(self.w(j))
                .filter(|u| *u < 10 && *u >= 1 && !matches!(self.w(j), "a" | "an"))
            {
                n += u as u64;
                j += 1;
            }
        }
        if n < 10 && self.is(j, "hundred") {
            n *= 100;
            j += 1;
        }
        if n < 100 && self.is(j, "thousand") {
            n *= 1000;
            j += 1;
        }
        let mut halves = n * 2;
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            halves += 1;
            j += 3;
        }
        Some((Some(halves), j))
    }

    /// Durations and "ago"/"later" expressions.
    fn m_duration(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // the past/last/next/first/coming N units
        let mut lead = "";
        if matches!(
            self.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "latest"
                | "following"
                | "final"
                | "remaining"
                | "initial"
                | "other"
        ) {
            lead = self.w(j);
            j += 1;
        }
        // "the past few years", "the past several months"
        let (q, mut k) = match self.quantity(j) {
            Some(v) => v,
            None => {
                // "the last week" is handled as a date; "the coming years", "recent years"
                (None, j)
            }
        };
        if q.is_none() && k == j && lead.is_empty() {
            return None;
        }
        if q == Some(2) && matches!(self.w(j), "a" | "an") && the {
            return None;
        }
        // A range sharing one unit, "two to three weeks", "12 to 18 months",
        // "5-10 years": one expression with an unspecified amount of that unit.
        let mut range = false;
        if let Some(h) = q {
            if matches!(self.w(k), "to" | "or" | "-") {
                if let Some((Some(h2), k2)) = self.quantity(k + 1) {
                    if h2 > h && k2 > k + 1 && unit_word(self.w(k2)).is_some_and(|(_, pl)| pl) {
                        range = true;
                        k = k2;
                    }
                }
            }
        }
        if self.is(k, "more")
            || self.is(k, "additional")
            || self.is(k, "full")
            || self.is(k, "straight")
            || self.is(k, "consecutive")
        {
            k += 1;
        }
        let hyph = self.is(k, "-");
        if hyph {
            k += 1;
        }
        let (u, plural) = unit_word(self.w(k))?;
        if q.is_none() && k == j && !plural {
            return None;
        }
        // "year-earlier results" is a date; "three-quarters of" a fraction;
        // "52 years old" an age, which TimeBank leaves untagged.
        if self.is(k + 1, "-") && matches!(self.w(k + 2), "earlier" | "ago" | "end") {
            return None;
        }
        if u == Unit::Quarter
            && (self.is(k + 1, "of") || matches!(self.w(k + 1), "-" | "point" | "percent"))
        {
            return None;
        }
        if !hyph && matches!(self.w(k + 1), "old" | "younger" | "older") {
            return None;
        }
        let relational = matches!(
            self.w(k + 1),
            "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence"
        );
        if matches!(self.w(j), "a" | "an") && !the && lead.is_empty() && i > 0 && !relational {
            // "$5 a year", "358,000 a month" are rates, not durations.
            let prev = self.w(i - 1);
            if self.kind(i - 1) == Some(K::N)
                || matches!(
                    prev,
                    "percent"
                        | "%"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "dollars"
                        | "cents"
                        | "trillion"
                        | "once"
                        | "twice"
                        | "times"
                        | "flights"
                        | "barrels"
                        | "tons"
                        | "tonnes"
                )
            {
                return None;
            }
        }
        if q.is_none() && k == j && !the && !matches!(lead, "coming" | "next" | "past" | "last") {
            return None;
        }
        let mut e = k + 1;
        // "two-year-old", "16-hour"; "a second" is an ordinal elsewhere.
        if u == Unit::Second && matches!(self.w(j), "a") {
            return None;
        }
        // Ages ("a 6-year-old boy") are left untagged, as in TimeBank.
        if self.is(e, "-") && matches!(self.w(e + 1), "old" | "olds") {
            return None;
        }
        // "60 Minutes" is a title.
        if self.cap(k) && !self.raw(k).bytes().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // "a minute and a half", "a week or so"
        let mut q = q;
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            q = q.map(|h| h + 1);
            e += 3;
        }
        if self.is(e, "or") && self.is(e + 1, "so") {
            e += 2;
        }
        if !plural
            && !hyph
            && q.is_some_and(|h| h > 2)
            && !matches!(
                self.w(k),
                "year" | "day" | "hour" | "week" | "month" | "minute" | "decade"
            )
        {
            return None;
        }
        if u == Unit::Second && (the || lead == "first") {
            return None;
        }
        // "the first nine months" stays a duration; "the first quarter" went to m_quarter.
        let (num, cu) = duration_parts(if range { None } else { q }, u);
        let v = format_duration(num, cu);
        // "the past several quarters", "coming months": a vague stretch reaching
        // back from (or on from) now is a reference to the past (future).
        if q.is_none() && plural && !relational {
            match lead {
                "past" | "last" | "previous" => {
                    return Some(cand_v(
                        i,
                        e,
                        TimexType::Date,
                        "PAST_REF".into(),
                        Anchoring::RelativeToDct,
                    ))
                }
                "coming" => {
                    return Some(cand_v(
                        i,
                        e,
                        TimexType::Date,
                        "FUTURE_REF".into(),
                        Anchoring::RelativeToDct,
                    ))
                }
                _ => {}
            }
        }
        // "will one day be": some day in the future
        if q == Some(2)
            && u == Unit::Day
            && self.is(j, "one")
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "may" | "might" | "can" | "should"
            )
        {
            return Some(cand_v(
                i,
                e,
                TimexType::Date,
                "FUTURE_REF".into(),
                Anchoring::RelativeToDct,
            ));
        }
        // N units ago / earlier / later / before / after / from now
        let follow = self.w(e);
        if !hyph
            && !the
            && lead.is_empty()
            && matches!(
                follow,
                "ago" | "earlier" | "later" | "before" | "after" | "hence" | "from"
            )
            && !matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
        {
            let from_now = follow == "from" && self.is(e + 1, "now");
            if follow == "from" && !from_now {
                return self.finish_duration(i, e, v, q);
            }
            // "before"/"after" followed by an event need the event; we anchor on the last date.
            let dir: i64 = match follow {
                "ago" | "earlier" | "before" => -1,
                _ => 1,
            };
            let end = if from_now { e + 2 } else { e + 1 };
            if matches!(follow, "before" | "after")
                && !(self.sentence_break(e + 1) || matches!(self.w(e + 1), "," | "that" | "and"))
            {
                // "two days after the summit": the duration alone, the event anchors it.
                return self.finish_duration(i, e, v, q);
            }
            let Some(h) = q else {
                let v = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(cand_v(
                    i,
                    end,
                    TimexType::Date,
                    v.into(),
                    Anchoring::RelativeToDct,
                ));
            };
            let n = (h / 2) as i64 * dir;
            let (base, anch) = if matches!(follow, "ago" | "hence" | "from") {
                (None, Anchoring::RelativeToDct)
            } else {
                (
                    self.last,
                    if self.last.is_some() {
                        Anchoring::RelativeToDate
                    } else {
                        Anchoring::RelativeToDct
                    },
                )
            };
            let su = match u {
                Unit::Decade => Unit::Year,
                Unit::Century => Unit::Year,
                x => x,
            };
            let mult = match u {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1,
            };
            let pt = match base {
                // "a year earlier" after "the third quarter" is the same quarter a year before.
                Some(b) if b.unit() != Unit::Day || matches!(su, Unit::Day | Unit::Week) => {
                    if matches!(b.unit(), Unit::Year | Unit::Decade | Unit::Century)
                        && matches!(su, Unit::Day | Unit::Week | Unit::Month)
                    {
                        project(su, shift_date(self.dct, su, n * mult)?)
                    } else {
                        let b = if matches!(b, Pt::Part(..) | Pt::Clock(..)) {
                            Pt::Day(b.day()?)
                        } else {
                            b
                        };
                        b.shift(su, n * mult)?
                    }
                }
                Some(b) => project(su, shift_date(b.start()?, su, n * mult)?),
                None => {
                    let p = project(su, shift_date(self.dct, su, n * mult)?);
                    if dir < 0
                        && su == Unit::Year
                        && matches!(self.last, Some(Pt::Quarter(..)))
                        && h == 2
                        && matches!(follow, "ago")
                    {
                        self.last.and_then(|b| b.shift(Unit::Year, -1)).unwrap_or(p)
                    } else {
                        p
                    }
                }
            };
            let mut c = cand_pt(i, end, pt, anch);
            // "a year earlier" in earnings news keeps pointing at the quarter under discussion.
            c.no_ref = matches!(su, Unit::Year | Unit::Quarter);
            return Some(c);
        }
        if the && lead.is_empty() && q.is_none() {
            // "the years", "the days"
            return None;
        }
        // "the past year" (singular, no number) is handled as a date by m_relative.
        if q.is_none() && !plural {
            return None;
        }
        // Adjectival "a two-year contract" and "24 hours" alike
        if matches!(self.w(e), "-") && self.is(e + 1, "long") {
            e += 2;
        }
        // "the two-week strike": the determiner belongs to the noun, not the duration.
        let s = if hyph && the && lead.is_empty() {
            i + 1
        } else {
            i
        };
        self.finish_duration(s, e, v, q)
    }

    fn finish_duration(&self, s: usize, e: usize, v: String, q: Option<u64>) -> Option<Cand> {
        let anch = if q.is_some() {
            Anchoring::Explicit
        } else {
            Anchoring::Undetermined
        };
        Some(cand_v(s, e, TimexType::Duration, v, anch))
    }

    /// Bare plural units used as durations: "for years", "in recent months", "decades-long".
    fn m_bare_units(&self, i: usize) -> Option<Cand> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        // "for a while"
        if self.is(i, "a")
            && self.is(i + 1, "while")
            && matches!(prev, "for" | "in" | "after" | "within")
        {
            return Some(cand_v(
                i,
                i + 2,
                TimexType::Duration,
                "PXX".into(),
                Anchoring::Undetermined,
            ));
        }
        // "over the years", "the weeks ahead"
        if self.is(i, "the") {
            let (u, plural) = unit_word(self.w(i + 1))?;
            if !plural || matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
                return None;
            }
            let ahead = self.is(i + 2, "ahead");
            if !(ahead
                || matches!(prev, "over" | "through" | "during")
                    && !matches!(
                        self.w(i + 2),
                        "of" | "before" | "after" | "since" | "when" | "that"
                    ))
            {
                return None;
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                i,
                i + 2 + ahead as usize,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let (s, j) = if self.is(i, "recent") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (u, plural) = unit_word(self.w(j))?;
        // "day-long", "decades-long", "years-old slump"
        if self.is(j + 1, "-")
            && matches!(self.w(j + 2), "long" | "old")
            && s == j
            && !(i > 0
                && (self.kind(i - 1) == Some(K::N)
                    || self.is(i - 1, "-")
                    || small_number(self.w(i - 1)).is_some()))
        {
            let v = if plural {
                format_duration(None, duration_parts(None, u).1)
            } else {
                format_duration(Some(2), duration_parts(Some(2), u).1)
            };
            return Some(cand_v(
                s,
                j + 3,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        if !plural {
            return None;
        }
        if s < j {
            if !matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return Some(cand_v(
                    s,
                    j + 1,
                    TimexType::Date,
                    "PAST_REF".into(),
                    Anchoring::RelativeToDct,
                ));
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                s,
                j + 1,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        // "in the weeks before the shooting", "the days after the attack": the
        // unit alone is tagged; days and weeks fall in the month of the event
        // under discussion, years are a vague stretch.
        if prev == "the"
            && i > 1
            && matches!(self.w(i - 2), "in" | "during" | "over" | "for" | "within")
            && (matches!(
                self.w(j + 1),
                "before" | "after" | "following" | "preceding" | "since"
            ) || (self.is(j + 1, "leading") && self.is(j + 2, "up"))
                || (self.is(j + 1, "that") && self.is(j + 2, "followed")))
            && matches!(
                u,
                Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade
            )
        {
            if matches!(u, Unit::Day | Unit::Week) {
                let month = match self.last {
                    Some(Pt::Month(y, m)) => Some((y, m)),
                    p => p.and_then(|p| p.day()).map(|d| (d.year(), d.month())),
                };
                if let Some((y, m)) = month {
                    let mut c = cand_pt(j, j + 1, Pt::Month(y, m), Anchoring::RelativeToDate);
                    c.no_ref = true;
                    return Some(c);
                }
                // No date under discussion to anchor on: leave it untagged.
                return None;
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                j,
                j + 1,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let long = self.is(j + 1, "-") && self.is(j + 2, "long");
        if !(long
            || matches!(
                prev,
                "for"
                    | "in"
                    | "within"
                    | "over"
                    | "took"
                    | "take"
                    | "takes"
                    | "lasted"
                    | "last"
                    | "follows"
                    | "after"
            ))
        {
            return None;
        }
        // "in days" is fine, "in days gone by" too; "in years past" ... but not
        // "for years-old" or a count ("in days 3 and 4").
        if self.kind(j + 1) == Some(K::N) {
            return None;
        }
        if matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let e = if long { j + 3 } else { j + 1 };
        let v = format_duration(None, duration_parts(None, u).1);
        Some(cand_v(
            s,
            e,
            TimexType::Duration,
            v,
            Anchoring::Undetermined,
        ))
    }

    /// Sets: "every week", "each year", "daily", "annually", "a year" after an amount.
    fn m_set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let v = match w {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" | "annual" if w != "annual" => "P1Y",
            "hourly" => "PT1H",
            "nightly" => "P1D",
            _ => "",
        };
        // "The Daily Express", "Weekly Standard": part of a name.
        if !v.is_empty() && self.cap(i) && self.cap(i + 1) && self.kind(i + 1) == Some(K::W) {
            return None;
        }
        if !v.is_empty() {
            return Some(cand_v(
                i,
                i + 1,
                TimexType::Set,
                v.into(),
                Anchoring::Explicit,
            ));
        }
        if matches!(w, "every" | "each" | "per" | "a") {
            let mut j = i + 1;
            let mut n = 1u64;
            if w == "every" {
                if let Some(m) = self
                    .num(j)
                    .or_else(|| small_number(self.w(j)).filter(|x| *x > 1).map(|x| x as i64))
                {
                    n = m as u64;
                    j += 1;
                } else if self.is(j, "other") {
                    n = 2;
                    j += 1;
                }
            }
            if let Some((u, plural)) = unit_word(self.w(j)) {
                if plural != (n > 1) || matches!(u, Unit::Weekend) && w == "a" {
                    return None;
                }
                if w == "a"
                    && matches!(
                        self.w(j + 1),
                        "ago"
                            | "earlier"
                            | "later"
                            | "before"
                            | "after"
                            | "from"
                            | "hence"
                            | "or"
                            | "and"
                    )
                {
                    return None;
                }
                if w == "a" {
                    // "$5 a year", "twice a week", "10 percent a year"
                    let prev = if i > 0 { self.w(i - 1) } else { "" };
                    let amount = i > 0
                        && (self.kind(i - 1) == Some(K::N)
                            || matches!(
                                prev,
                                "once"
                                    | "twice"
                                    | "times"
                                    | "percent"
                                    | "%"
                                    | "million"
                                    | "billion"
                                    | "thousand"
                                    | "dollars"
                                    | "cents"
                                    | "pounds"
                                    | "euros"
                                    | "yuan"
                                    | "barrels"
                                    | "tonnes"
                                    | "tons"
                                    | "trillion"
                            ));
                    if !amount || matches!(u, Unit::Second) {
                        return None;
                    }
                }
                let (num, cu) = duration_parts(Some(n * 2), u);
                return Some(cand_v(
                    i,
                    j + 1,
                    TimexType::Set,
                    format_duration(num, cu),
                    Anchoring::Explicit,
                ));
            }
            if w == "every" || w == "each" {
                if let Some((m, k)) = self.month_at(j) {
                    let v = format!("XXXX-{m:02}");
                    return Some(cand_v(i, k, TimexType::Set, v, Anchoring::Explicit));
                }
                if let Some((wd, k)) = self.weekday_at(j) {
                    let v = format!("XXXX-WXX-{}", wd.number_from_monday());
                    return Some(cand_v(i, k, TimexType::Set, v, Anchoring::Explicit));
                }
                if let Some(p) = Self::part_of_day(self.w(j)) {
                    return Some(cand_v(
                        i,
                        j + 1,
                        TimexType::Set,
                        format!("TXX{}", p),
                        Anchoring::Explicit,
                    ));
                }
            }
        }
        // "on Mondays", "Tuesday nights": a weekday that recurs.
        if self.cap(i) && w.len() >= 7 {
            let (stem, e) = match w.strip_suffix('s') {
                Some(stem) => (stem, i + 1),
                None if matches!(
                    self.w(i + 1),
                    "nights" | "mornings" | "evenings" | "afternoons"
                ) =>
                {
                    (w, i + 2)
                }
                None => return None,
            };
            let wd = weekday_word(stem)?;
            let part = if e == i + 2 {
                Self::part_of_day(self.w(i + 1).trim_end_matches('s')).unwrap_or("")
            } else {
                ""
            };
            let v = format!(
                "XXXX-WXX-{}{}{}",
                wd.number_from_monday(),
                if part.is_empty() { "" } else { "T" },
                part
            );
            return Some(cand_v(i, e, TimexType::Set, v, Anchoring::Explicit));
        }
        None
    }

    /// Clock times: "12:14 AM", "2 p.m. Thursday", "10:35 a.m. EST", "noon", "1430 GMT".
    fn m_time(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let (mut h, mut m);
        let w = self.w(i);
        let mut tz_needed = false;
        if w == "noon" || w == "midday" || w == "midnight" {
            h = if w == "midnight" { 0 } else { 12 };
            m = 0;
            j += 1;
            if w == "midnight" && self.is(i + 1, "-") {
                return None;
            }
            // "High Noon", "Midnight Express": capitalised mid-sentence is a title.
            let initial = i == 0 || self.sentence_break(i - 1) || self.is(i - 1, "\"");
            if self.cap(i)
                && !initial
                && !self.raw(i).bytes().all(|c| c.is_ascii_uppercase())
                && self.cap(i - 1)
            {
                return None;
            }
        } else {
            let n = self.num(i)?;
            if self.w(i).len() == 4 && !self.glued(i + 1) {
                // 1430 GMT (wire style)
                h = (n / 100) as u32;
                m = (n % 100) as u32;
                tz_needed = true;
                j += 1;
            } else if self.w(i).len() <= 2 {
                h = n as u32;
                m = 0;
                j += 1;
                if self.is(j, ":") && self.glued(j) && self.glued(j + 1) && self.w(j + 1).len() == 2
                {
                    m = self.num(j + 1)? as u32;
                    j += 2;
                } else if self.is(j, ".")
                    && self.glued(j)
                    && self.glued(j + 1)
                    && self.w(j + 1).len() == 2
                    && self.num(j + 1).is_some()
                {
                    // 2.30 pm (British): only with am/pm
                    let mm = self.num(j + 1)? as u32;
                    let k = j + 2;
                    if matches!(self.w(k), "am" | "pm")
                        || (matches!(self.w(k), "a" | "p") && self.is(k + 1, "."))
                    {
                        m = mm;
                        j = k;
                    } else {
                        return None;
                    }
                } else {
                    // A bare number needs am/pm
                    let k = j;
                    if !(matches!(self.w(k), "am" | "pm")
                        || (matches!(self.w(k), "a" | "p")
                            && self.is(k + 1, ".")
                            && self.is(k + 2, "m"))
                        || (self.is(k, "o") && self.is(k + 1, "'") && self.is(k + 2, "clock")))
                    {
                        return None;
                    }
                }
            } else {
                return None;
            }
        }
        // am/pm
        let mut pm = None;
        match self.w(j) {
            "am" | "pm" => {
                pm = Some(self.is(j, "pm"));
                j = self.dot(j + 1);
            }
            "a" | "p" if self.is(j + 1, ".") && self.is(j + 2, "m") => {
                pm = Some(self.is(j, "p"));
                j += 3;
                j = self.dot(j);
                // Keep a sentence-final "." outside the span only if the sentence goes on.
            }
            "o" if self.is(j + 1, "'") && self.is(j + 2, "clock") => {
                j += 3;
            }
            _ => {}
        }
        if let Some(p) = pm {
            if h > 12 || h == 0 && p {
                return None;
            }
            if p && h < 12 {
                h += 12;
            } else if !p && h == 12 {
                h = 0;
            }
        }
        if h > 24 || m > 59 {
            return None;
        }
        // time zone
        let tz = self.w(j);
        let has_tz = tz_offset(tz).is_some();
        if has_tz {
            j += 1;
            if self.is(j, "(") {
                // "(0600 GMT)" is a separate expression.
            }
        } else if tz_needed {
            return None;
        }
        if pm.is_none()
            && !has_tz
            && !matches!(w, "noon" | "midday" | "midnight")
            && !(self.is(i + 1, ":"))
        {
            return None;
        }
        if self.is(i + 1, ":") && pm.is_none() && !has_tz {
            // "12:14" alone: accept when preceded by "at"/"by"/"until"/"from"
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "at" | "by" | "until" | "from" | "till" | "after" | "before" | "around"
            ) {
                return None;
            }
        }
        // Attach a following day: "2 p.m. Thursday", "noon today", "10 a.m. on Friday"
        let mut day = None;
        let mut e = j;
        let k = if self.is(j, "on") || self.is(j, ",") {
            j + 1
        } else {
            j
        };
        if let Some((wd, k2)) = self.weekday_at(k) {
            day = Some(self.resolve_weekday(wd, i, k2));
            e = k2;
        } else if let Some(c) = self
            .m_calendar(k)
            .filter(|c| matches!(c.pt, Some(Pt::Day(_))))
        {
            day = c.pt.and_then(|p| p.day());
            e = c.e;
        } else {
            match self.w(k) {
                "today" | "tonight" => {
                    day = Some(self.dct);
                    e = k + 1;
                }
                "tomorrow" => {
                    day = self.dct.succ_opt();
                    e = k + 1;
                }
                "yesterday" => {
                    day = self.dct.pred_opt();
                    e = k + 1;
                }
                _ => {}
            }
        }
        let (d, anch) = match day {
            Some(d) => (d, Anchoring::RelativeToDct),
            None => match self.last.and_then(|p| p.day()) {
                Some(d) => (d, Anchoring::RelativeToDate),
                None => (self.dct, Anchoring::RelativeToDct),
            },
        };
        let h = if h == 24 { 0 } else { h };
        Some(cand_pt(i, e, Pt::Clock(d, h, m), anch))
    }

    /// Holidays with fixed or computable dates.
    fn m_holiday(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if !self.cap(i) {
            return None;
        }
        let (m, d, e): (u32, u32, usize) = match w {
            // "Christmas trees" and "Christmas cards" are things, not days.
            "christmas"
                if matches!(
                    self.w(i + 1),
                    "tree"
                        | "trees"
                        | "card"
                        | "cards"
                        | "carol"
                        | "carols"
                        | "decorations"
                        | "lights"
                        | "gifts"
                        | "presents"
                        | "ornaments"
                        | "island"
                        | "pudding"
                        | "market"
                        | "markets"
                ) =>
            {
                return None;
            }
            "christmas" => {
                if self.is(i + 1, "eve") {
                    (12, 24, i + 2)
                } else {
                    (12, 25, if self.is(i + 1, "day") { i + 2 } else { i + 1 })
                }
            }
            "new"
                if self.is(i + 1, "year")
                    && self.is(i + 2, "'")
                    && self.is(i + 3, "s")
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                if self.is(i + 4, "eve") {
                    (12, 31, i + 5)
                } else {
                    (1, 1, i + 5)
                }
            }
            "halloween" => (10, 31, i + 1),
            "valentine" if self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "day") => {
                (2, 14, i + 4)
            }
            "independence" if self.is(i + 1, "day") => (7, 4, i + 2),
            "thanksgiving" => (11, 0, if self.is(i + 1, "day") { i + 2 } else { i + 1 }),
            "election" if self.is(i + 1, "day") && self.cap(i + 1) => (11, 100, i + 2),
            _ => return None,
        };
        let date_in = |y: i32| -> Option<NaiveDate> {
            match d {
                0 => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
                100 => {
                    let first_mon = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
                    first_mon.succ_opt()
                }
                _ => ymd(y, m, d),
            }
        };
        let y = self.dct.year();
        let this = date_in(y)?;
        // As for other dates without a year: the nearest occurrence unless the
        // tense points the other way.
        let tense = self.tense(i, e);
        let cost = |c: &NaiveDate| {
            let d = (*c - self.dct).num_days();
            let wrong = (tense == Tense::Past && d > 0) || (tense == Tense::Future && d < 0);
            d.abs() + if wrong { 400 } else { 0 }
        };
        let dt = [Some(this), date_in(y - 1), date_in(y + 1)]
            .into_iter()
            .flatten()
            .min_by_key(cost)
            .unwrap_or(this);
        Some(cand_pt(i, e, Pt::Day(dt), Anchoring::RelativeToDct))
    }

    /// Anaphoric day expressions: "the day before", "the next morning", "earlier that day".
    fn m_anaphoric_day(&self, i: usize) -> Option<Cand> {
        let base = self.last.and_then(|p| p.day());
        let (b, anch) = match base {
            Some(d) => (d, Anchoring::RelativeToDate),
            None => (self.dct, Anchoring::RelativeToDct),
        };
        // "later in the day", "in the morning": the day under discussion.
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if self.is(i, "the")
            && matches!(prev, "in" | "during" | "for" | "through")
            && !matches!(
                self.w(i + 2),
                "of" | "before" | "after" | "when" | "that" | "'" | "-"
            )
        {
            if self.is(i + 1, "day") && i > 1 && matches!(self.w(i - 2), "later" | "earlier") {
                return Some(cand_pt(i, i + 2, Pt::Day(b), anch));
            }
            if let Some(p) = Self::part_of_day(self.w(i + 1)).filter(|p| *p != "NI") {
                return Some(cand_pt(i, i + 2, Pt::Part(b, p), anch));
            }
        }
        if self.is(i, "the") && self.is(i + 1, "day") && matches!(self.w(i + 2), "before" | "after")
        {
            let back = self.is(i + 2, "before");
            match self.w(i + 3) {
                "yesterday" => {
                    return Some(cand_pt(
                        i,
                        i + 4,
                        Pt::Day(self.dct - Duration::days(2)),
                        Anchoring::RelativeToDct,
                    ))
                }
                "tomorrow" => {
                    return Some(cand_pt(
                        i,
                        i + 4,
                        Pt::Day(self.dct + Duration::days(2)),
                        Anchoring::RelativeToDct,
                    ))
                }
                _ => {}
            }
            if !(self.sentence_break(i + 3) || matches!(self.w(i + 3), "," | "and" | "when")) {
                return None;
            }
            let d = if back { b.pred_opt()? } else { b.succ_opt()? };
            return Some(cand_pt(i, i + 3, Pt::Day(d), anch));
        }
        if matches!(self.w(i), "the" | "that")
            && matches!(self.w(i + 1), "next" | "following" | "previous" | "same")
            && Self::part_of_day(self.w(i + 2)).is_some()
        {
            let d = match self.w(i + 1) {
                "next" | "following" => b.succ_opt()?,
                "previous" => b.pred_opt()?,
                _ => b,
            };
            return Some(cand_pt(i, i + 3, Pt::Day(d), anch));
        }
        if matches!(self.w(i), "earlier" | "later")
            && self.is(i + 1, "that")
            && matches!(
                self.w(i + 2),
                "day" | "morning" | "night" | "evening" | "afternoon"
            )
        {
            return Some(cand_pt(i, i + 3, Pt::Day(b), anch));
        }
        if self.is(i, "that")
            && matches!(self.w(i + 1), "morning" | "afternoon" | "evening" | "night")
        {
            return Some(cand_pt(
                i,
                i + 2,
                Pt::Part(b, Self::part_of_day(self.w(i + 1))?),
                anch,
            ));
        }
        None
    }

    /// "earlier this year", "later this month", "early next year", "late June",
    /// "mid-October", "the end of 1990", "the beginning of October".
    fn with_mods(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // "mid-afternoon yesterday", "early morning Friday"
        if matches!(w, "mid" | "late" | "early") {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            if let Some(p) = Self::part_of_day(self.w(k)) {
                let day = self
                    .core(k + 1)
                    .and_then(|c| c.pt.and_then(|p| p.day()).map(|d| (d, c.e)));
                if let Some((d, e)) = day {
                    return Some(cand_pt(i, e, Pt::Part(d, p), Anchoring::RelativeToDct));
                }
            }
        }
        let (md, j): (&'static str, usize) = match w {
            "around" | "circa" if weekday_word(self.w(i + 1)).is_none() => ("APPROX", i + 1),
            "early" | "earlier" => ("START", i + 1),
            "late" | "later" => ("END", i + 1),
            "mid" => ("MID", if self.is(i + 1, "-") { i + 2 } else { i + 1 }),
            "the"
                if matches!(
                    self.w(i + 1),
                    "end" | "beginning" | "start" | "middle" | "close" | "turn"
                ) && self.is(i + 2, "of") =>
            {
                (
                    match self.w(i + 1) {
                        "end" | "close" => "END",
                        "middle" => "MID",
                        _ => "START",
                    },
                    i + 3,
                )
            }
            "the" if matches!(self.w(i + 1), "early" | "late" | "mid") => {
                let c = self.with_mods(i + 1)?;
                return Some(Cand { s: i, ..c });
            }
            "the"
                if matches!(self.w(i + 1), "first" | "second" | "last" | "latter")
                    && self.is(i + 2, "half")
                    && self.is(i + 3, "of") =>
            {
                let inner = self.core(i + 4)?;
                let h = if self.is(i + 1, "first") { 1 } else { 2 };
                if let Some(Pt::Year(y)) = inner.pt {
                    return Some(cand_pt(i, inner.e, Pt::Half(y, h), inner.anch));
                }
                let md = if h == 1 { "START" } else { "END" };
                return Some(Cand {
                    s: i,
                    mod_: Some(md),
                    ..inner
                });
            }
            "year"
                if self.is(i + 1, "-") && self.is(i + 2, "end")
                    || self.is(i + 1, "end")
                    || self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "end") =>
            {
                let e = if self.is(i + 1, "end") {
                    i + 2
                } else if self.is(i + 1, "-") {
                    i + 3
                } else {
                    i + 4
                };
                let pt = Pt::Year(
                    self.dct.year()
                        - if self.dct.month() < 4 && self.tense(i, e) != Tense::Future {
                            1
                        } else {
                            0
                        },
                );
                let mut c = cand_pt(i, e, pt, Anchoring::RelativeToDct);
                c.mod_ = Some("END");
                return Some(c);
            }
            _ => return None,
        };
        let mut inner = self.core(j)?;
        if md == "APPROX" {
            // Durations get their approximators in `with_quant_mods`.
            if inner.pt.is_none() || inner.ttype == TimexType::Duration {
                return None;
            }
            inner.s = i;
            inner.mod_ = Some(md);
            return Some(inner);
        }
        // "late yesterday" (TimeBank); "earlier Friday" is left as "Friday".
        let day_word = matches!(self.w(j), "yesterday" | "today" | "tomorrow")
            && matches!(w, "early" | "late");
        if let Some(Pt::Day(_)) = inner.pt {
            if !day_word {
                return None;
            }
        }
        if matches!(w, "earlier" | "later")
            && !matches!(self.w(j), "this" | "that" | "in" | "last" | "next")
        {
            return None;
        }
        if inner.ttype == TimexType::Duration || inner.ttype == TimexType::Set {
            return None;
        }
        if md == "MID" || md == "END" || md == "START" {
            if let (Some(Pt::Decade(_)), true) = (inner.pt, w != "the") {
                // "the early 1990s": keep decade
            }
        }
        inner.s = i;
        inner.mod_ = Some(md);
        Some(inner)
    }

    /// Approximators and bounds on durations and "ago" expressions.
    fn with_quant_mods(&self, i: usize) -> Option<Cand> {
        let (md, j): (&'static str, usize) = match (self.w(i), self.w(i + 1)) {
            ("about" | "around" | "approximately" | "roughly" | "some", _) => ("APPROX", i + 1),
            ("nearly" | "almost" | "under", _) => ("LESS_THAN", i + 1),
            ("less" | "fewer", "than") => ("LESS_THAN", i + 2),
            ("more" | "longer", "than") => ("MORE_THAN", i + 2),
            ("at", "least") => ("EQUAL_OR_MORE", i + 2),
            ("at", "most") => ("EQUAL_OR_LESS", i + 2),
            ("up", "to") => ("EQUAL_OR_LESS", i + 2),
            ("no", "more") if self.is(i + 2, "than") => ("EQUAL_OR_LESS", i + 3),
            ("just", "over") => ("MORE_THAN", i + 2),
            _ => return None,
        };
        // "over the past decade": "over" is then just a preposition.
        if matches!(
            self.w(i),
            "over" | "some" | "just" | "only" | "around" | "about"
        ) && !(self.num(j).is_some()
            || small_number(self.w(j)).is_some()
            || self.is(j, "a")
            || self.is(j, "an"))
        {
            return None;
        }
        let mut c = self.m_duration(j).or_else(|| {
            if matches!(self.w(i), "at") {
                self.m_duration(j)
            } else {
                None
            }
        })?;
        if matches!(self.w(i), "just" | "only") && c.ttype != TimexType::Duration {
            return None;
        }
        // "about" and its kin stay outside the extent (the mod keeps them);
        // bounds like "nearly", "at least", "more than" are part of it.
        if !matches!(self.w(i), "about" | "some" | "roughly" | "approximately") {
            c.s = i;
        }
        c.mod_ = Some(md);
        Some(c)
    }

    /// Every matcher that can start at `i`; the longest wins.
    /// "today is the eighth day of ...", "it's the second day of ...": the
    /// reference date itself.
    fn m_nth_day(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") || i < 2 || !self.is(i + 2, "day") || !self.is(i + 3, "of") {
            return None;
        }
        let ord = self.w(i + 1);
        let is_ord = matches!(
            ord,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
        ) || (ord.len() > 2
            && ord[..ord.len() - 2].bytes().all(|c| c.is_ascii_digit())
            && matches!(&ord[ord.len() - 2..], "st" | "nd" | "rd" | "th"));
        if !is_ord {
            return None;
        }
        let copula = self.is(i - 1, "is")
            || (self.is(i - 1, "s") && matches!(self.w(i - 2), "'" | "\u{2019}"));
        let subj = if self.is(i - 1, "is") {
            i - 2
        } else {
            i.checked_sub(3)?
        };
        if !copula || !matches!(self.w(subj), "it" | "today" | "this") {
            return None;
        }
        Some(cand_pt(
            i,
            i + 3,
            Pt::Day(self.dct),
            Anchoring::RelativeToDct,
        ))
    }

    /// "until then", "by then": the deadline just mentioned ("since then" is
    /// left untagged, as in TimeBank).
    fn m_then(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "then") || i == 0 {
            return None;
        }
        if !matches!(self.w(i - 1), "until" | "till" | "by") {
            return None;
        }
        let pt = self.last?;
        if !matches!(pt, Pt::Day(_) | Pt::Month(..) | Pt::Year(_)) {
            return None;
        }
        let mut c = cand_pt(i, i + 1, pt, Anchoring::RelativeToDate);
        c.no_ref = true;
        Some(c)
    }

    /// The second day of "April 24 and 25", "May 8 or 9": same month and year
    /// as the date just before it.
    fn m_coordinated_day(&self, i: usize) -> Option<Cand> {
        if i < 3 || !matches!(self.w(i - 1), "and" | "or" | "&") || self.w(i).len() > 2 {
            return None;
        }
        let n = self.num(i)? as u32;
        let Some(Pt::Day(d)) = self.last else {
            return None;
        };
        if self.num(i - 2)? as u32 != d.day() || n <= d.day() || month_word(self.w(i - 3)).is_none()
        {
            return None;
        }
        let next = self.w(i + 1);
        if unit_word(next).is_some()
            || month_word(next).is_some()
            || self.kind(i + 1) == Some(K::N)
            || matches!(next, "%" | "percent" | ":" | "-" | "/" | "p" | "a")
        {
            return None;
        }
        let day = ymd(d.year(), d.month(), n)?;
        Some(cand_pt(i, i + 1, Pt::Day(day), Anchoring::RelativeToDate))
    }

    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        };
        let k = self.kind(i)?;
        if k == K::N {
            consider(self.m_time(i));
            consider(self.m_calendar(i));
            consider(self.m_year(i));
            consider(self.m_duration(i));
            consider(self.m_coordinated_day(i));
        } else if k == K::W {
            consider(self.m_calendar(i));
            consider(self.m_weekday(i));
            consider(self.m_deictic(i));
            consider(self.m_relative(i));
            consider(self.m_quarter(i));
            consider(self.m_the_unit(i));
            consider(self.m_season(i));
            consider(self.m_year(i));
            consider(self.m_duration(i));
            consider(self.m_bare_units(i));
            consider(self.m_set(i));
            consider(self.m_time(i));
            consider(self.m_holiday(i));
            consider(self.m_anaphoric_day(i));
            consider(self.m_then(i));
            consider(self.m_nth_day(i));
        } else if matches!(self.w(i), "'" | "\u{2019}") {
            consider(self.m_year(i));
        }
        best
    }

    fn at(&self, i: usize) -> Option<Cand> {
        if self.kind(i) == Some(K::W) && !can_start(self.w(i)) {
            return None;
        }
        let mut best = self.core(i);
        if self.kind(i) == Some(K::W) {
            for c in [self.with_mods(i), self.with_quant_mods(i)]
                .into_iter()
                .flatten()
            {
                if best.as_ref().is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        }
        // A day range, "May 8-10", "March 3 to 5, 1999": one expression valued
        // as its first day, its window running to the last.
        if let Some(c) = best.as_mut() {
            if let Some(Pt::Day(d)) = c.pt {
                let e = c.e;
                if matches!(self.w(e), "-" | "to" | "through" | "thru") {
                    if let Some(n) = self.num(e + 1).filter(|&n| n as u32 > d.day() && n <= 31) {
                        let next = self.w(e + 2);
                        let unit_after = unit_word(next).is_some()
                            || month_word(next).is_some()
                            || matches!(next, "%" | "percent" | ":" | "." | "p" | "a" | "-" | "/");
                        if !unit_after && self.kind(e + 2) != Some(K::N) {
                            let mut end = e + 2;
                            let mut start = d;
                            if self.is(end, ",") {
                                if let Some(y) =
                                    self.num(end + 1).filter(|y| (1000..=2999).contains(y))
                                {
                                    if self.w(end + 1).len() == 4 {
                                        start = ymd(y as i32, d.month(), d.day()).unwrap_or(d);
                                        end += 2;
                                    }
                                }
                            }
                            if let Some(last) = ymd(start.year(), start.month(), n as u32) {
                                let mut r = cand_pt(c.s, end, Pt::Day(start), c.anch);
                                r.until = Some(last);
                                return Some(r);
                            }
                        }
                    }
                }
            }
        }
        // "Oct 17 2025 | 12:14 AM IST", "June 2, 2024, at 10:30 a.m.": one point in time.
        if let Some(Cand {
            pt: Some(Pt::Day(d)),
            s,
            e,
            anch,
            ..
        }) = best
        {
            let mut k = e;
            while k < e + 2 && matches!(self.w(k), "," | "|" | "at" | "-") {
                k += 1;
            }
            if k > e || self.num(k).is_some() {
                if let Some(Cand {
                    pt: Some(Pt::Clock(_, h, m)),
                    e: te,
                    ..
                }) = self.m_time(k)
                {
                    // Only a bare clock time: one followed by its own day stays separate.
                    if self.m_time_day_end(k).is_none() {
                        return Some(cand_pt(s, te, Pt::Clock(d, h, m), anch));
                    }
                }
            }
        }
        best
    }

    /// Does the clock time at `k` carry its own day ("2 p.m. Thursday")?
    fn m_time_day_end(&self, k: usize) -> Option<usize> {
        let c = self.m_time(k)?;
        (c.anch != Anchoring::RelativeToDate && c.e > k + 1 && {
            let last = c.e - 1;
            weekday_word(self.w(last)).is_some()
                || matches!(self.w(last), "today" | "tonight" | "tomorrow" | "yesterday")
                || self.num(last).is_some() && month_word(self.w(c.e.saturating_sub(2))).is_some()
        })
        .then_some(c.e)
    }

    fn run(mut self) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut i = 0;
        let n = self.toks.len();
        while i < n {
            // Only tokens that can start an expression are tried.
            let Some(mut c) = self.at(i) else {
                i += 1;
                continue;
            };
            if c.e <= i || c.e > n {
                i += 1;
                continue;
            }
            // A trailing abbreviation dot that also ends the sentence stays outside.
            while c.e > c.s + 1
                && self.w(c.e - 1) == "."
                && self.w(c.e - 2).len() > 1
                && !matches!(self.w(c.e - 2), "am" | "pm")
            {
                if self.toks.get(c.e).is_none_or(|t| t.cap || t.nl) {
                    c.e -= 1;
                } else {
                    break;
                }
            }
            // "at 10 p.m." closing a sentence: the last dot is the full stop.
            if c.e > c.s + 3
                && self.w(c.e - 1) == "."
                && self.w(c.e - 2) == "m"
                && self.w(c.e - 3) == "."
                && self.toks.get(c.e).is_none_or(|t| t.cap || t.nl)
            {
                c.e -= 1;
            }
            let start = self.toks[c.s].s;
            let end = self.toks[c.e - 1].e;
            if let Some(p) = c.pt.filter(|_| !c.no_ref) {
                if !matches!(c.value.as_str(), "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
                    self.last = Some(p);
                }
            }
            i = c.e;
            out.push(make_timex(self.text, start, end, c));
        }
        out
    }
}

fn make_timex(text: &str, start: usize, end: usize, c: Cand) -> Timex {
    let (granularity, earliest, latest) = match c.ttype {
        TimexType::Date | TimexType::Time => match parse_value(&c.value) {
            Some((g, a, b)) => (g, Some(a), Some(c.until.filter(|u| *u > b).unwrap_or(b))),
            None => (Granularity::Unknown, None, None),
        },
        _ => (Granularity::Unknown, None, None),
    };
    Timex {
        start,
        end,
        text: text[start..end].to_string(),
        ttype: c.ttype,
        value: c.value,
        granularity,
        earliest,
        latest,
        anchoring: c.anch,
        mod_: c.mod_.map(str::to_string),
    }
}

/// Cheap filter: can an expression start with this (lower-case) word? Keeps
/// the matchers off the vast majority of tokens.
fn can_start(w: &str) -> bool {
    if w.len() > 12 {
        return false;
    }
    month_word(w).is_some()
        || weekday_word(w).is_some()
        || w.strip_suffix('s')
            .is_some_and(|stem| stem.len() > 5 && weekday_word(stem).is_some())
        || unit_word(w).is_some()
        || small_number(w).is_some()
        || ordinal_word(w).is_some()
        || season_word(w).is_some()
        || fuzzy_quantity(w)
        || matches!(
            w,
            "the"
                | "then"
                | "this"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "preceding"
                | "latest"
                | "prior"
                | "current"
                | "present"
                | "that"
                | "same"
                | "upcoming"
                | "today"
                | "tomorrow"
                | "yesterday"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "presently"
                | "recently"
                | "lately"
                | "soon"
                | "as"
                | "at"
                | "these"
                | "early"
                | "earlier"
                | "late"
                | "later"
                | "mid"
                | "around"
                | "circa"
                | "about"
                | "approximately"
                | "roughly"
                | "nearly"
                | "almost"
                | "under"
                | "less"
                | "fewer"
                | "more"
                | "longer"
                | "up"
                | "no"
                | "every"
                | "each"
                | "per"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "hourly"
                | "nightly"
                | "noon"
                | "midday"
                | "midnight"
                | "fiscal"
                | "recent"
                | "few"
                | "q"
                | "h"
                | "final"
                | "christmas"
                | "new"
                | "halloween"
                | "valentine"
                | "independence"
                | "thanksgiving"
                | "election"
                | "twenties"
                | "thirties"
                | "forties"
                | "fifties"
                | "sixties"
                | "seventies"
                | "eighties"
                | "nineties"
                | "comparable"
                | "corresponding"
                | "year"
                | "just"
        )
}

fn season_word(w: &str) -> Option<u8> {
    Some(match w {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

/// (year, season) of a date under the meteorological convention.
fn season_of(d: NaiveDate) -> (i32, u8) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DurUnit {
    S,
    Min,
    H,
    D,
    W,
    M,
    Q,
    Y,
}

fn duration_parts(q: Option<u64>, u: Unit) -> (Option<u64>, (DurUnit, u64)) {
    let cu = match u {
        Unit::Second => (DurUnit::S, 1),
        Unit::Minute => (DurUnit::Min, 1),
        Unit::Hour => (DurUnit::H, 1),
        Unit::Day => (DurUnit::D, 1),
        Unit::Week => (DurUnit::W, 1),
        Unit::Weekend => (DurUnit::D, 2),
        Unit::Month => (DurUnit::M, 1),
        Unit::Quarter => (DurUnit::Q, 1),
        Unit::Half => (DurUnit::M, 6),
        Unit::Year => (DurUnit::Y, 1),
        Unit::Decade => (DurUnit::Y, 10),
        Unit::Century => (DurUnit::Y, 100),
    };
    (q, cu)
}

/// Formats a duration of `halves`/2 units (`None`: unknown amount, "PXY").
fn format_duration(halves: Option<u64>, (u, mult): (DurUnit, u64)) -> String {
    let letter = match u {
        DurUnit::S => "S",
        DurUnit::Min => "M",
        DurUnit::H => "H",
        DurUnit::D => "D",
        DurUnit::W => "W",
        DurUnit::M => "M",
        DurUnit::Q => "Q",
        DurUnit::Y => "Y",
    };
    let t = if matches!(u, DurUnit::S | DurUnit::Min | DurUnit::H) {
        "T"
    } else {
        ""
    };
    let Some(h) = halves else {
        if mult == 10 {
            return "PXDE".into();
        }
        if mult == 100 {
            return "PXCE".into();
        }
        return format!("P{}X{}", t, letter);
    };
    let h = h.saturating_mul(mult);
    if h % 2 == 0 {
        return format!("P{}{}{}", t, h / 2, letter);
    }
    // A half unit: spell it in the next smaller unit.
    let whole = h / 2;
    match u {
        DurUnit::Y => format!("P{}Y6M", whole).replace("P0Y", "P"),
        DurUnit::M => format!("P{}M15D", whole).replace("P0M", "P"),
        DurUnit::D => format!("P{}DT12H", whole).replace("P0D", "P"),
        DurUnit::H => format!("PT{}H30M", whole).replace("PT0H", "PT"),
        DurUnit::Min => format!("PT{}M30S", whole).replace("PT0M", "PT"),
        _ => format!("P{}.5{}", whole, letter),
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
    Tagger::new(text, dct.clamp(lo, hi)).run()
}

// ---------------------------------------------------------------------------
// Publication date

/// Offset from UTC in minutes of a time-zone abbreviation.
fn tz_offset(w: &str) -> Option<i64> {
    Some(match w {
        "gmt" | "utc" | "z" | "wet" => 0,
        "bst" | "cet" | "wat" | "west" => 60,
        "cest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" | "ast" if w != "ast" => 180,
        "ist" => 330,
        "pkt" => 300,
        "ict" | "wib" => 420,
        "hkt" | "sgt" | "pht" | "awst" | "cst" if w != "cst" => 480,
        "jst" | "kst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "est" => -300,
        "edt" | "et" => -240,
        "cdt" => -300,
        "cst" => -360,
        "mst" => -420,
        "mdt" => -360,
        "pst" => -480,
        "pdt" | "pt" => -420,
        _ => return None,
    })
}

/// Detect the publication/reference date of an article from its text alone.
///
/// Looks at the first 3,000 bytes, in this order of preference:
/// * "Last Updated : Oct 17 2025 | 12:14 AM IST" ("last-updated") and
///   "First Published: ..." / "Published: ..." / "Posted: ..."
///   ("first-published"); when a clock time and a known time zone are given
///   the date is converted to UTC and the method gets a "-utc" suffix. The
///   first-published stamp wins over the last-updated one when both exist;
/// * an ISO date "2025-10-17" (with "T..Z"/offset: converted to UTC) ("iso-date");
/// * a dateline at the start of a line: "BEIJING, April 1 (AFP) -",
///   "New York, Oct 16 (IANS)". Without a year in the dateline the year is
///   taken from the first full date (with a year) in the first 3,000 bytes
///   ("dateline"); failing that, from the most frequently mentioned plausible
///   year anywhere in the text, picking the latest on ties
///   ("dateline-guessed-year"). With no year in the text at all, the year is
///   the latest one (not after today's date on the system clock) in which the
///   dateline's day falls on the first weekday named after the dateline, or
///   the day after it, since wire copy says "on Thursday" of the dateline day
///   or the day before ("dateline-year-from-weekday"); with no weekday either,
///   the latest such date not after today ("dateline-year-assumed-recent").
/// * a full date ("October 17, 2025", "17 October 2025") on one of the first
///   lines, on a line of at most 50 bytes ("header-date").
pub fn publication_date(text: &str) -> Option<(NaiveDate, &'static str)> {
    let mut cut = text.len().min(3000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let t = Tagger::new(head, NaiveDate::from_ymd_opt(2000, 1, 1)?);
    let n = t.toks.len();
    // Stamps
    let mut first: Option<(NaiveDate, bool)> = None;
    let mut updated: Option<(NaiveDate, bool)> = None;
    for i in 0..n {
        let w = t.w(i);
        let kind = match w {
            "published" | "posted" | "created" => 0,
            "updated" | "modified" => 1,
            _ => continue,
        };
        // A stamp opens its line or follows a separator ("3 min read Last
        // Updated : ..."); "the report, published on Oct 3" is story text.
        let line_start = (i.saturating_sub(3)..=i).any(|x| t.toks[x].nl)
            && !(i.saturating_sub(3)..i)
                .any(|x| matches!(t.w(x), "," | "." | "the" | "was" | "were" | "is"));
        let after_sep = i > 0
            && matches!(
                t.w(i - 1),
                "|" | "first" | "last" | "date" | "originally" | "\u{b7}" | "\u{2022}" | "read"
            );
        if !(line_start || after_sep) {
            continue;
        }
        let mut j = i + 1;
        while j < n && j < i + 4 && matches!(t.w(j), ":" | "on" | "at" | "-" | "|" | "date") {
            j += 1;
        }
        if let Some(r) = stamp_at(&t, j) {
            if kind == 0 && first.is_none() {
                first = Some(r);
            } else if kind == 1 && updated.is_none() {
                updated = Some(r);
            }
        }
    }
    if let Some((d, utc)) = first {
        return Some((
            d,
            if utc {
                "first-published-utc"
            } else {
                "first-published"
            },
        ));
    }
    if let Some((d, utc)) = updated {
        return Some((
            d,
            if utc {
                "last-updated-utc"
            } else {
                "last-updated"
            },
        ));
    }
    // ISO date in the first lines
    for i in 0..n.min(400) {
        if let Some((y, j)) = t.year_num(i) {
            if t.is(j, "-") && t.glued(j) && t.glued(j + 1) && t.is(j + 2, "-") && t.glued(j + 3) {
                if let (Some(m), Some(d)) = (t.num(j + 1), t.num(j + 3)) {
                    if let Some(dt) = ymd(y, m as u32, d as u32) {
                        // 2025-10-17T00:14:00+05:30 / ...Z
                        if let Some(mins) = iso_clock_utc_minutes(&t, j + 4) {
                            return Some((
                                dt.checked_add_signed(Duration::try_days(mins.div_euclid(1440))?)?,
                                "iso-date-utc",
                            ));
                        }
                        return Some((dt, "iso-date"));
                    }
                }
            }
        }
    }
    // Dateline: start of a line, place name(s), comma, month day, optional year, "(Agency)" or "-".
    for i in 0..n {
        if !t.toks[i].nl || !t.cap(i) || t.kind(i) != Some(K::W) {
            continue;
        }
        let mut j = i;
        while j < n
            && j < i + 8
            && (t.cap(j) && t.kind(j) == Some(K::W) || matches!(t.w(j), "." | "-"))
            && t.month_at(j).is_none()
        {
            j += 1;
        }
        if !t.is(j, ",") {
            continue;
        }
        j += 1;
        // "Tokyo, Japan, Oct 16"
        if t.cap(j) && t.month_at(j).is_none() && t.kind(j) == Some(K::W) {
            j += 1;
            if !t.is(j, ",") {
                continue;
            }
            j += 1;
        }
        let Some((m, k)) = t.month_at(j) else {
            continue;
        };
        let Some((d, k)) = t.day_num(k) else { continue };
        let k1 = if t.is(k, ",") { k + 1 } else { k };
        if let Some((y, k2)) = t.year_num(k1) {
            if (t.is(k2, "(") || matches!(t.w(k2), "-" | "/" | "\u{2014}" | "\u{2013}" | ":"))
                && ymd(y, m, d).is_some()
            {
                return Some((ymd(y, m, d)?, "dateline"));
            }
        }
        if !(t.is(k, "(") || matches!(t.w(k), "-" | "/" | "\u{2014}" | "\u{2013}" | ":")) {
            continue;
        }
        // Year from a full date near the top.
        for c in tag(head, NaiveDate::from_ymd_opt(2000, 1, 1)?) {
            if c.anchoring == Anchoring::Explicit
                && c.ttype == TimexType::Date
                && c.value.len() >= 7
            {
                if let Some(y) = c.value.get(..4).and_then(digits) {
                    if let Some(dt) = ymd(y as i32, m, d) {
                        return Some((dt, "dateline"));
                    }
                }
            }
        }
        let mut years: Vec<(i64, usize)> = Vec::new();
        for c in tag(text, NaiveDate::from_ymd_opt(2000, 1, 1)?) {
            if c.anchoring == Anchoring::Explicit && c.ttype == TimexType::Date {
                if let Some(y) = c.value.get(..4).and_then(digits) {
                    match years.iter_mut().find(|(yy, _)| *yy == y) {
                        Some(e) => e.1 += 1,
                        None => years.push((y, 1)),
                    }
                }
            }
        }
        if let Some(best) = years.iter().max_by_key(|(y, c)| (*c, *y)) {
            return Some((ymd(best.0 as i32, m, d)?, "dateline-guessed-year"));
        }
        // No year anywhere. Wire copy names the weekday of the dateline day (or
        // the day before) in its first sentence: take the latest year, not after
        // today, whose month/day falls on that weekday or the day after it.
        let today = chrono::Local::now().date_naive();
        let wd = (k..n.min(k + 60)).find_map(|x| t.weekday_at(x).map(|(w, _)| w));
        let recent = (0..40)
            .filter_map(|back| ymd(today.year() - back, m, d))
            .filter(|dt| *dt <= today);
        let Some(w) = wd else {
            return recent
                .take(1)
                .next()
                .map(|dt| (dt, "dateline-year-assumed-recent"));
        };
        let cands: Vec<NaiveDate> = recent.collect();
        return cands
            .iter()
            .find(|dt| dt.weekday() == w)
            .or_else(|| cands.iter().find(|dt| dt.weekday() == w.succ()))
            .map(|dt| (*dt, "dateline-year-from-weekday"));
    }
    // A full date alone near the top.
    for c in tag(head, NaiveDate::from_ymd_opt(2000, 1, 1)?)
        .into_iter()
        .take(3)
    {
        // On a short line of its own (a byline or date line), not inside a sentence.
        let line_start = head[..c.start].rfind('\n').map_or(0, |x| x + 1);
        let line_end = head[c.end..].find('\n').map_or(head.len(), |x| c.end + x);
        let short_line = line_end - line_start <= 50;
        if c.anchoring == Anchoring::Explicit
            && c.granularity == Granularity::Day
            && c.start < 400
            && short_line
        {
            return Some((c.earliest?, "header-date"));
        }
    }
    None
}

/// Minutes after local midnight, shifted to UTC, of an ISO clock time with
/// an offset ("T22:30:00-04:00", "T00:14Z") starting at token `k` ("T").
fn iso_clock_utc_minutes(t: &Tagger, k: usize) -> Option<i64> {
    if !(t.is(k, "t") && t.glued(k) && t.glued(k + 1) && t.is(k + 2, ":")) {
        return None;
    }
    let h = t.num(k + 1)?;
    let mi = t.num(k + 3)?;
    let mut l = k + 4;
    if t.is(l, ":") && t.num(l + 1).is_some() {
        l += 2;
    }
    if t.is(l, ".") && t.num(l + 1).is_some() {
        l += 2;
    }
    let off = if t.is(l, "z") && t.glued(l) {
        0
    } else if matches!(t.w(l), "+" | "-") && t.glued(l) {
        let sign = if t.is(l, "-") { -1 } else { 1 };
        let hh = t.num(l + 1)?;
        if t.w(l + 1).len() == 4 {
            sign * ((hh / 100) * 60 + hh % 100)
        } else {
            let mm = if t.is(l + 2, ":") {
                t.num(l + 3).unwrap_or(0)
            } else {
                0
            };
            sign * (hh * 60 + mm)
        }
    } else {
        return None;
    };
    if h > 24 || mi > 59 {
        return None;
    }
    Some(h * 60 + mi - off)
}

/// "Oct 17 2025 | 12:14 AM IST", "17 October 2025 10:02 GMT", "2025-10-17".
fn stamp_at(t: &Tagger, j: usize) -> Option<(NaiveDate, bool)> {
    let mut j = j;
    if t.weekday_at(j).is_some() {
        j = t.weekday_at(j)?.1;
        if t.is(j, ",") {
            j += 1;
        }
    }
    let c = t.m_calendar(j)?;
    let Some(Pt::Day(d)) = c.pt else { return None };
    if c.anch != Anchoring::Explicit {
        return None;
    }
    let mut k = c.e;
    while matches!(t.w(k), "|" | "," | "-" | "at" | "/") && k < c.e + 3 {
        k += 1;
    }
    // clock
    let h = t.num(k)?;
    let mut m = 0;
    let mut l = k + 1;
    if t.is(l, ":") {
        m = t.num(l + 1).unwrap_or(0);
        l += 2;
        if t.is(l, ":") && t.num(l + 1).is_some() {
            l += 2;
        }
    }
    let mut h = h;
    match t.w(l) {
        "am" | "pm" => {
            if t.is(l, "pm") && h < 12 {
                h += 12;
            } else if t.is(l, "am") && h == 12 {
                h = 0;
            }
            l = t.dot(l + 1);
        }
        "a" | "p" if t.is(l + 1, ".") => {
            if t.is(l, "p") && h < 12 {
                h += 12;
            } else if t.is(l, "a") && h == 12 {
                h = 0;
            }
            l += 3;
            l = t.dot(l);
        }
        _ => {}
    }
    let Some(off) = tz_offset(t.w(l)) else {
        return Some((d, false));
    };
    if h > 24 || m > 59 {
        return Some((d, false));
    }
    let mins = h * 60 + m - off;
    Some((
        d.checked_add_signed(Duration::try_days(mins.div_euclid(1440))?)?,
        true,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// `expected` is "span=value" or just "value" for the first expression.
    fn check(text: &str, dct: &str, expected: &str) {
        let got = tag(text, date(dct));
        let (span, value) = match expected.split_once('=') {
            Some((s, v)) => (Some(s), v),
            None => (None, expected),
        };
        let hit = got
            .iter()
            .any(|t| t.value == value && span.is_none_or(|s| t.text == s));
        assert!(
            hit,
            "{text:?} @ {dct}: expected {expected:?}, got {:?}",
            got.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>()
        );
    }

    fn none(text: &str, dct: &str) {
        let got = tag(text, date(dct));
        assert!(
            got.is_empty(),
            "{text:?}: expected nothing, got {:?}",
            got.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>()
        );
    }

    const FRI: &str = "2025-10-17";

    #[test]
    fn weekdays_by_tense() {
        check(
            "The minister met them on Thursday.",
            FRI,
            "Thursday=2025-10-16",
        );
        check(
            "He will meet them on Friday.",
            "2025-10-15",
            "Friday=2025-10-17",
        );
        check("They met on Friday.", "2025-10-15", "Friday=2025-10-10");
        check("Talks on Monday", "2025-10-15", "Monday=2025-10-13");
        check("2 p.m. Thursday", FRI, "2 p.m. Thursday=2025-10-16T14:00");
        check("Friday, Oct. 23, 1998", FRI, "1998-10-23");
        check(
            "Wednesday night",
            "2025-10-16",
            "Wednesday night=2025-10-15",
        );
    }

    #[test]
    fn weekday_news_cues() {
        // 2025-10-15 is a Wednesday.
        let wed = "2025-10-15";
        check(
            "Albright headed Tuesday to East Africa.",
            "2025-10-13",
            "Tuesday=2025-10-14",
        );
        check(
            "He was headed to Nairobi on Friday.",
            wed,
            "Friday=2025-10-17",
        );
        check(
            "Arafat and Netanyahu meet separately Monday with Albright.",
            wed,
            "Monday=2025-10-20",
        );
        check(
            "Exiles planned a rally on Saturday and were planning a drive.",
            wed,
            "Saturday=2025-10-18",
        );
        check(
            "On Sunday, police and FBI agents arrested two men.",
            FRI,
            "Sunday=2025-10-12",
        );
        check(
            "On Friday, the Kenyan government planned to act.",
            wed,
            "Friday=2025-10-10",
        );
        check(
            "Until Thursday, they had not called him a suspect.",
            FRI,
            "Thursday=2025-10-16",
        );
        check(
            "The offer had been due to expire Friday evening.",
            "2025-10-20",
            "Friday evening=2025-10-17",
        );
        check(
            "It had been scheduled to expire at midnight Friday.",
            "2025-10-20",
            "2025-10-17T00:00",
        );
        check(
            "The attack began as previously planned Saturday night.",
            "2025-10-20",
            "2025-10-18",
        );
        check(
            "The panel is scheduled to vote Tuesday.",
            wed,
            "Tuesday=2025-10-21",
        );
        check(
            "The company, headed by Smith, reported Monday.",
            wed,
            "Monday=2025-10-13",
        );
    }

    #[test]
    fn ranges_and_coordination() {
        check(
            "Shipments resume within two to three weeks.",
            FRI,
            "two to three weeks=PXW",
        );
        check(
            "acquisitions during the next 12 to 18 months",
            FRI,
            "the next 12 to 18 months=PXM",
        );
        check("It took 5-10 years to build.", FRI, "5-10 years=PXY");
        check(
            "The talks run May 8-10 in Paris.",
            "1998-04-20",
            "May 8-10=1998-05-08",
        );
        check(
            "March 3 to 5, 1999, in Rome",
            FRI,
            "March 3 to 5, 1999=1999-03-03",
        );
        check("on May 8 - 10 percent", "1998-04-20", "May 8=1998-05-08");
        let got = tag("The talks run May 8-10 in Paris.", date("1998-04-20"));
        assert_eq!(got[0].earliest, Some(date("1998-05-08")));
        assert_eq!(got[0].latest, Some(date("1998-05-10")));
        check(
            "the summit on April 24 and 25.",
            "1999-02-10",
            "25=1999-04-25",
        );
        none("He paid 25 and 30 dollars.", FRI);
        // Edge positions must not panic.
        for t in [
            "5 and 6",
            "and 6",
            "May 8-",
            "May 8-99",
            "On Sunday,",
            "would not",
            "Until then",
            "Noon",
        ] {
            let _ = tag(t, date(FRI));
        }
    }

    #[test]
    fn sentence_initial_clause_tense() {
        check(
            "In January, American Medical brought in a new chief.",
            "1989-10-27",
            "January=1989-01",
        );
        check(
            "In January, the company will cut jobs.",
            "1989-10-27",
            "January=1990-01",
        );
        check(
            "On Sunday, police arrested two men.",
            FRI,
            "Sunday=2025-10-12",
        );
    }

    #[test]
    fn refusals_and_then() {
        let fri = "1998-02-13";
        check(
            "The president would say only Wednesday that talks continued.",
            fri,
            "1998-02-11",
        );
        check(
            "He would not comment Monday on the case.",
            fri,
            "1998-02-09",
        );
        check("He said he would comment Monday.", fri, "1998-02-16");
        check(
            "The helicopters crashed last February.",
            "1998-03-01",
            "1997-02",
        );
        check("The plant closed last April.", "1989-10-27", "1989-04");
        none("a picture of Gary Cooper from the film High Noon.", fri);
        check(
            "Today is the eighth day of Desert Shield.",
            fri,
            "the eighth day=1998-02-13",
        );
        check(
            "It's the second day of an offensive.",
            fri,
            "the second day=1998-02-13",
        );
        let got = tag("The second day of talks ended.", date(fri));
        assert!(got.is_empty(), "{got:?}");
        check(
            "Noon Friday is the deadline.",
            fri,
            "Noon Friday=1998-02-13T12:00",
        );
        check(
            "The rights end on Nov. 30. Until then, the stock trades.",
            "1989-10-30",
            "then=1989-11-30",
        );
        check("He was elected in 1996. Since then, he ruled.", FRI, "1996");
        let got = tag("He was elected in 1996. Since then, he ruled.", date(FRI));
        assert!(got.iter().all(|t| t.text != "then"));
    }

    #[test]
    fn units_around_an_event() {
        check(
            "Slepian was shot on Oct. 23, 1998. In the weeks before the shooting, he hid.",
            "1999-04-20",
            "weeks=1998-10",
        );
        check(
            "In the years that followed, guerrillas fought.",
            FRI,
            "years=PXY",
        );
        check("He arrived two days after the summit.", FRI, "two days=P2D");
    }

    #[test]
    fn deictic() {
        check("today", FRI, "2025-10-17");
        check("tomorrow", FRI, "2025-10-18");
        check("yesterday", FRI, "2025-10-16");
        check("tonight", FRI, "2025-10-17TNI");
        check("Now the market", FRI, "Now=PRESENT_REF");
        check("it is currently", FRI, "PRESENT_REF");
        check("recently", FRI, "PAST_REF");
        check("in the future", FRI, "the future=FUTURE_REF");
        check("this morning", FRI, "2025-10-17TMO");
    }

    #[test]
    fn relative_units() {
        check("next week", FRI, "next week=2025-W43");
        check("this week", FRI, "2025-W42");
        check("last month", FRI, "2025-09");
        check("last year", FRI, "last year=2024");
        check("this year", FRI, "2025");
        check("next year", FRI, "2026");
        check("earlier this month", FRI, "earlier this month=2025-10");
        check("three years ago", FRI, "three years ago=2022");
        check("two days ago", FRI, "2025-10-15");
        check("six weeks ago", FRI, "2025-W36");
        check("last Friday", FRI, "2025-10-10");
        check("last November", FRI, "2024-11");
        check("last fall", FRI, "2024-FA");
        check("this summer", FRI, "2025-SU");
        check("the past year", FRI, "2024");
    }

    #[test]
    fn months() {
        check("in August", FRI, "August=2025-08");
        check("It happened in August.", "2025-03-01", "2024-08");
        check("The vote will be held in August.", "2025-09-01", "2026-08");
        check(
            "OPEC would cut output at its December meeting.",
            "2025-11-27",
            "December=2025-12",
        );
        check("late June", FRI, "late June=2025-06");
        check("mid-October", FRI, "mid-October=2025-10");
        check("Oct. 16", FRI, "Oct. 16=2025-10-16");
        check("16 October 2025", FRI, "2025-10-16");
        check("October 16, 2025", FRI, "2025-10-16");
        check("10/16/2025", FRI, "2025-10-16");
        check("2025-10-16", FRI, "2025-10-16");
        check("July 1997", FRI, "1997-07");
        check("January this year", FRI, "2025-01");
        check("the end of 1990", FRI, "the end of 1990=1990");
    }

    #[test]
    fn mods() {
        let t = tag("late June", date(FRI));
        assert_eq!(t[0].mod_.as_deref(), Some("END"));
        let t = tag("earlier this month", date(FRI));
        assert_eq!(t[0].mod_.as_deref(), Some("START"));
        let t = tag("mid-October", date(FRI));
        assert_eq!(t[0].mod_.as_deref(), Some("MID"));
    }

    #[test]
    fn years_decades() {
        check("in 1997", FRI, "1997=1997");
        check("since 2022", FRI, "2022=2022");
        check("in the 1990s", FRI, "the 1990s=199X");
        check("the early 1990s", FRI, "199X");
        check("the past decade", FRI, "P10Y");
        check("fiscal 1989", FRI, "fiscal 1989=1989");
        check("nineteen ninety-six", FRI, "1996");
        none("There were 1990 people there.", FRI);
        none("300 drones and 37 missiles", FRI);
        none("The quake left 600 dead and 1400 injured.", FRI);
        check("between 1991 and 1995", FRI, "1995=1995");
    }

    #[test]
    fn anaphora() {
        check(
            "The summit was on Oct. 3. The following day they left.",
            FRI,
            "The following day=2025-10-04",
        );
        check(
            "They met on March 3, 2020. Two days later they left.",
            FRI,
            "Two days later=2020-03-05",
        );
        check(
            "It began in 2019. That year was hard.",
            FRI,
            "That year=2019",
        );
        check("The following day", FRI, "2025-10-18");
        check(
            "The meeting was on June 2, 2024. The next day it rained.",
            FRI,
            "The next day=2024-06-03",
        );
        check(
            "The profit in the third quarter rose. A year earlier it fell.",
            FRI,
            "A year earlier=2024-Q3",
        );
        check("two days after the summit", FRI, "two days=P2D");
    }

    #[test]
    fn durations() {
        check("a two-hour meeting", FRI, "two-hour=PT2H");
        check("for three days", FRI, "three days=P3D");
        check("within 24 hours", FRI, "24 hours=PT24H");
        check("5 1/2 hours", FRI, "PT5H30M");
        check("in recent months", FRI, "recent months=PAST_REF");
        check(
            "over the past several quarters",
            FRI,
            "the past several quarters=PAST_REF",
        );
        check("in coming months", FRI, "coming months=FUTURE_REF");
        check("in the next few days", FRI, "the next few days=PXD");
        check("the past two months", FRI, "the past two months=P2M");
        check("the first nine months", FRI, "P9M");
        check("nearly two years", FRI, "nearly two years=P2Y");
        check("for years", FRI, "years=PXY");
        check("a decade", FRI, "P10Y");
    }

    #[test]
    fn sets() {
        check("every week", FRI, "every week=P1W");
        check("annually", FRI, "P1Y");
        check("weekly", FRI, "P1W");
        check("$5 million a year", FRI, "a year=P1Y");
        check("every Monday", FRI, "XXXX-WXX-1");
        check(
            "The market is closed on Sundays.",
            FRI,
            "Sundays=XXXX-WXX-7",
        );
        check(
            "flights on Tuesday nights",
            FRI,
            "Tuesday nights=XXXX-WXX-2TNI",
        );
        check("where Orangemen march each July", FRI, "each July=XXXX-07");
        check("January nineteen ninety-seven", FRI, "1997-01");
        let t = tag("daily", date(FRI));
        assert_eq!(t[0].ttype, TimexType::Set);
    }

    #[test]
    fn times() {
        check("at 12:14 AM", FRI, "12:14 AM=2025-10-17T00:14");
        check("10:35 a.m.", FRI, "2025-10-17T10:35");
        check(
            "Last Updated : Oct 17 2025 | 12:14 AM IST",
            FRI,
            "Oct 17 2025 | 12:14 AM IST=2025-10-17T00:14",
        );
        check(
            "on June 2, 2024, at 10:30 a.m. the polls",
            FRI,
            "June 2, 2024, at 10:30 a.m.=2024-06-02T10:30",
        );
        check("at 1430 GMT", FRI, "2025-10-17T14:30");
        check("noon Saturday", "1991-02-25", "1991-02-23T12:00");
        check(
            "closed as of Tuesday midnight",
            "2005-11-10",
            "Tuesday midnight=2005-11-09T00:00",
        );
    }

    #[test]
    fn quarters_seasons() {
        check("the third quarter", FRI, "the third quarter=2025-Q3");
        check("third-quarter profit", FRI, "third-quarter=2025-Q3");
        check("the fourth quarter of 1989", FRI, "1989-Q4");
        check("Q3 2025", FRI, "2025-Q3");
        check("the first half of 1990", FRI, "1990-H1");
        check("in the winter of 1994", FRI, "1994-WI");
        check("in summer", FRI, "2025-SU");
    }

    #[test]
    fn finance_and_holidays() {
        check("Monday's close", FRI, "Monday=2025-10-13");
        check("They met on Christmas Day.", FRI, "2024-12-25");
        check("on Christmas Day", FRI, "2025-12-25");
        check("Thanksgiving", "1998-11-20", "1998-11-26");
    }

    #[test]
    fn more_anaphora_and_finance() {
        check(
            "The plant closed on March 3, 2020. That week, workers left.",
            FRI,
            "That week=2020-W10",
        );
        check(
            "They met on June 2, 2024. The same day, talks collapsed.",
            FRI,
            "The same day=2024-06-02",
        );
        check(
            "Profit fell in the third quarter. In the year-ago quarter it rose.",
            FRI,
            "the year-ago quarter=2024-Q3",
        );
        check(
            "Sales rose to $5 million from $4 million a year ago.",
            FRI,
            "a year ago=2024",
        );
        check("year-earlier profit", FRI, "year-earlier=2024");
        check(
            "It closed on Friday, down from the previous Friday.",
            "2025-10-20",
            "the previous Friday=2025-10-10",
        );
        check(
            "For the year ended Sept. 30, it earned more.",
            FRI,
            "the year=P1Y",
        );
        check("the 1988 third quarter", FRI, "1988-Q3");
        check(
            "The index fell 5 points in the third quarter.",
            FRI,
            "the third quarter=2025-Q3",
        );
        none("a 7-yard touchdown late in the first quarter", FRI);
        check("late yesterday", FRI, "late yesterday=2025-10-16");
        check("around Nov. 1", FRI, "around Nov. 1=2025-11-01");
        check(
            "more than four decades ago",
            FRI,
            "more than four decades ago=1985",
        );
        check("in mid-1996", FRI, "mid-1996=1996");
        check("the 20th century", FRI, "the 20th century=19");
        check("its 1990 invasion of Kuwait", FRI, "1990=1990");
        check(
            "stocks fell in the past two weeks",
            FRI,
            "the past two weeks=P2W",
        );
        check("for several years", FRI, "several years=PXY");
        check("a 30-day period", FRI, "30-day=P30D");
        check("at least 72 hours", FRI, "at least 72 hours=PT72H");
        check("for about five hours", FRI, "five hours=PT5H");
        check("the current fiscal year", FRI, "2025");
        check("in the near future", FRI, "the near future=FUTURE_REF");
        check("It was held in May in Geneva.", FRI, "May=2025-05");
    }

    #[test]
    fn false_positives() {
        none("You may go.", FRI);
        none("They will march on the capital.", FRI);
        none("He won a second term.", FRI);
        none("The Sunday Times reported", FRI);
        none("300 drones", FRI);
        none("May I ask?", FRI);
        none("Theresa May said no.", FRI);
        none("Jan Kavan met Sun officials.", FRI);
        none("a 6-year-old boy", FRI);
        none("He was 52 years old.", FRI);
        none("Iraq imports about three-quarters of its food.", FRI);
        none("speaking on ABC's This Week program", FRI);
    }

    #[test]
    fn windows() {
        assert_eq!(
            window("2025-W43"),
            Some((date("2025-10-20"), date("2025-10-26")))
        );
        assert_eq!(
            window("2025-08"),
            Some((date("2025-08-01"), date("2025-08-31")))
        );
        assert_eq!(
            window("199X"),
            Some((date("1990-01-01"), date("1999-12-31")))
        );
        assert_eq!(
            window("2025-Q3"),
            Some((date("2025-07-01"), date("2025-09-30")))
        );
        assert_eq!(
            window("2025-WI"),
            Some((date("2025-12-01"), date("2026-02-28")))
        );
        assert_eq!(
            window("2025-10-16T14:00"),
            Some((date("2025-10-16"), date("2025-10-16")))
        );
        assert_eq!(window("19"), Some((date("1900-01-01"), date("1999-12-31"))));
        assert_eq!(window("PRESENT_REF"), None);
        assert_eq!(window("XXXX-10-16"), None);
        assert_eq!(window("P3D"), None);
    }

    #[test]
    fn publication() {
        assert_eq!(
            publication_date("BEIJING, April 1, 1997 (AFP) - China said"),
            Some((date("1997-04-01"), "dateline"))
        );
        assert_eq!(
            publication_date(
                "New York, Oct 16 (IANS) The market, which fell on October 15, 2025, rose."
            ),
            Some((date("2025-10-16"), "dateline"))
        );
        assert_eq!(
            publication_date("WASHINGTON (AP) -- The president said"),
            None
        );
        assert_eq!(
            publication_date(
                "He said the report, published on Oct 3, 2024 at 10:00 GMT, was wrong."
            ),
            None
        );
        assert_eq!(
            publication_date("Markets\nFirst Published: Oct 17 2025 | 12:06 AM IST\nText"),
            Some((date("2025-10-16"), "first-published-utc"))
        );
        assert_eq!(
            publication_date("Last Updated : Oct 17 2025 | 12:14 AM IST\nText"),
            Some((date("2025-10-16"), "last-updated-utc"))
        );
        assert_eq!(
            publication_date("Posted 2025-10-17\nText"),
            Some((date("2025-10-17"), "iso-date"))
        );
        assert_eq!(
            publication_date("<meta> 2025-10-16T22:30:00-04:00\nText"),
            Some((date("2025-10-17"), "iso-date-utc"))
        );
        // No year anywhere: the weekday in the lead fixes it.
        let (d, how) =
            publication_date("New York, Oct 16 (IANS) Trump on Thursday started talks.").unwrap();
        assert_eq!(
            (d.month(), d.day(), d.weekday(), how),
            (10, 16, Weekday::Thu, "dateline-year-from-weekday")
        );
    }

    #[test]
    fn never_panics() {
        let inputs = [
            "todayâ€™s market",
            "😀 Friday 😀 2025-10-16 😀",
            "北京 10月16日 today 月",
            "Oct. ",
            "Oct. 1",
            "the",
            "'",
            "1/",
            "99999999999999999999 years ago",
            "4000000 years ago",
            "in 9999999 days",
            "\u{2019}90s",
            "mid-",
            "a",
            "",
            "the day before",
            "12:",
            "Q9",
        ];
        for s in inputs {
            let _ = tag(s, date(FRI));
            let _ = publication_date(s);
        }
        // Long runs of words that start expressions: no deep recursion, linear time.
        let long =
            "the year ".repeat(50_000) + &"the ".repeat(50_000) + &"the end of the ".repeat(20_000);
        let _ = tag(&long, date(FRI));
        for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = tag(
                "next Friday, last week, in 999999 days, the weekend, tomorrow",
                extreme,
            );
        }
        let t = tag("todayâ€™s", date(FRI));
        assert_eq!(t[0].text, "today");
        // Random sentences from a pool of tricky pieces (deterministic LCG).
        let pool = [
            "the",
            "a",
            "last",
            "next",
            "year",
            "-",
            "ago",
            "earlier",
            "Oct",
            ".",
            "16",
            ",",
            "2025",
            "1990",
            "s",
            "'",
            "’",
            "Friday",
            "Sun",
            "May",
            "may",
            "mid",
            "early",
            "late",
            "of",
            "quarter",
            "third",
            "fiscal",
            "every",
            "week",
            "12",
            ":",
            "14",
            "a.m.",
            "PM",
            "IST",
            "GMT",
            "1430",
            "/",
            "😀",
            "北京",
            "â€™",
            "\n",
            "ago",
            "99999999999",
            "day",
            "following",
            "that",
            "same",
            "half",
            "century",
            "20th",
            "Q",
            "3",
            "around",
            "nearly",
            "two",
            "thousand",
            "hours",
            "(",
            "AFP",
            ")",
            "Published",
            "Updated",
            "T",
            "Z",
            "+",
            "05",
            "30",
            "Christmas",
            "Thanksgiving",
        ];
        let mut x: u64 = 42;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(x % 17) {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pool[(x >> 33) as usize % pool.len()]);
                if (x >> 20) % 3 != 0 {
                    s.push(' ');
                }
            }
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            for t in tag(&s, date(FRI)) {
                assert!(
                    t.start < t.end
                        && t.end <= s.len()
                        && s.get(t.start..t.end) == Some(t.text.as_str())
                );
            }
            let _ = publication_date(&s);
        }
        // Every byte prefix of a mixed string.
        let s = "Sept. 30, 1989 – 北京 on Friday 😀 12:14 AM IST a year earlier";
        for (i, _) in s.char_indices() {
            let _ = tag(&s[..i], date(FRI));
            let _ = tag(&s[i..], date(FRI));
        }
    }
}
