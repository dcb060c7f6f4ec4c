//! The publication date of an article from its text alone: "First
//! Published:" and "Last Updated:" stamps, ISO dates, datelines, a date line
//! near the top.

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{digits, ymd, Pt};
use super::lexicon::{month_word, tz_offset};
use super::scanner::Tagger;
use super::tokens::K;
use super::{tag, Anchoring, Granularity, TimexType};

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
///   the latest one (not after `today`) in which the
///   dateline's day falls on the first weekday named after the dateline, or
///   the day after it, since wire copy says "on Thursday" of the dateline day
///   or the day before ("dateline-year-from-weekday"); with no weekday either,
///   the latest such date not after `today` ("dateline-year-assumed-recent").
/// * a full date ("October 17, 2025", "17 October 2025") on one of the first
///   lines, on a line of at most 50 bytes ("header-date").
///
/// `today` is the caller's date (the CLI reads the clock; tests pass a fixed
/// day): this function never reads the clock itself.
pub fn publication_date_as_of(text: &str, today: NaiveDate) -> Option<(NaiveDate, &'static str)> {
    find(text, today, None)
}

/// [`publication_date_as_of`] for an article whose publication date is
/// known already (a file name, a feed's field): a dateline without a year
/// takes the year that puts it on or just before `published`
/// ("dateline-year-from-publication") instead of guessing it from the
/// years the text mentions, which meant tagging the whole text a second
/// time (a tenth of reading a wire corpus).
pub fn publication_date_given(
    text: &str,
    today: NaiveDate,
    published: NaiveDate,
) -> Option<(NaiveDate, &'static str)> {
    find(text, today, Some(published))
}

fn find(
    text: &str,
    today: NaiveDate,
    published: Option<NaiveDate>,
) -> Option<(NaiveDate, &'static str)> {
    let head = prefix(text, 3000);
    if !may_hold_stamp(head) {
        return header_date(head);
    }
    let t = Tagger::new(head, any_reference());
    if let Some(found) = stamps(&t) {
        return Some(found);
    }
    if let Some(verdict) = iso_date(&t) {
        return verdict;
    }
    if let Some(verdict) = dateline(&t, text, today, published) {
        return verdict;
    }
    header_date(head)
}

/// Whether `head` has what the tagger-based methods need: a stamp word, an
/// ISO date's "YYYY-D", or a comma before a capitalised month (every
/// dateline has one). Nine wire heads in ten have none of the three, and
/// the test costs less than the tokenising it skips (BENCHMARKS, extraction
/// speed, thirty-second session). It only lets through what a method could
/// read, so the answer never changes. No word is copied but a possible
/// month: a lower-cased copy of every word cost as much as the test.
fn may_hold_stamp(head: &str) -> bool {
    let b = head.as_bytes();
    let mut after_comma = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let s = i;
        if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = &head[s..i];
            let stamp = ["published", "posted", "created", "updated", "modified"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w));
            // Lower-cased only where a month could stand.
            let month = after_comma
                && c.is_ascii_uppercase()
                && month_word(&word.to_ascii_lowercase()).is_some();
            if stamp || month {
                return true;
            }
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - s == 4 && b.get(i) == Some(&b'-') && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                return true;
            }
        } else {
            i += 1;
            if c.is_ascii_whitespace() {
                continue;
            }
        }
        after_comma = c == b',';
    }
    false
}

/// What a method of finding the date says: `Some(answer)` ends the search,
/// even when the answer is no date at all; `None` passes to the next method.
type Verdict = Option<Option<(NaiveDate, &'static str)>>;

/// The first `n` bytes of `text`, or fewer to end on a character boundary.
fn prefix(text: &str, n: usize) -> &str {
    let mut cut = text.len().min(n);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// The reference date for tagging when only explicit dates matter.
fn any_reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// "First Published: ...", "Last Updated : ...", "Posted ...": the
/// first-published stamp wins over the last-updated one.
fn stamps(t: &Tagger) -> Option<(NaiveDate, &'static str)> {
    let n = t.toks.len();
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
        if let Some(r) = stamp_at(t, j) {
            if kind == 0 && first.is_none() {
                first = Some(r);
            } else if kind == 1 && updated.is_none() {
                updated = Some(r);
            }
        }
    }
    match (first, updated) {
        (Some((d, true)), _) => Some((d, "first-published-utc")),
        (Some((d, false)), _) => Some((d, "first-published")),
        (None, Some((d, true))) => Some((d, "last-updated-utc")),
        (None, Some((d, false))) => Some((d, "last-updated")),
        (None, None) => None,
    }
}

/// An ISO date "2025-10-17" in the first lines; with a clock time and an
/// offset ("T22:30:00-04:00", "Z") it is converted to UTC.
fn iso_date(t: &Tagger) -> Verdict {
    for i in 0..t.toks.len().min(400) {
        let Some((y, j)) = t.year_num(i) else {
            continue;
        };
        if !(t.is(j, "-") && t.glued(j) && t.glued(j + 1) && t.is(j + 2, "-") && t.glued(j + 3)) {
            continue;
        }
        let (Some(m), Some(d)) = (t.num(j + 1), t.num(j + 3)) else {
            continue;
        };
        let Some(dt) = ymd(y, m as u32, d as u32) else {
            continue;
        };
        // 2025-10-17T00:14:00+05:30 / ...Z
        if let Some(mins) = iso_clock_utc_minutes(t, j + 4) {
            let utc =
                Duration::try_days(mins.div_euclid(1440)).and_then(|s| dt.checked_add_signed(s));
            return Some(utc.map(|d| (d, "iso-date-utc")));
        }
        return Some(Some((dt, "iso-date")));
    }
    None
}

/// A dateline at the start of a line: place name(s), comma, month and day,
/// an optional year, then "(Agency)" or a dash: "BEIJING, April 1 (AFP) -",
/// "New York, Oct 16 (IANS)". The first one decides.
fn dateline(t: &Tagger, text: &str, today: NaiveDate, published: Option<NaiveDate>) -> Verdict {
    // A dateline ends with its agency or a dash.
    let closes =
        |x: usize| t.is(x, "(") || matches!(t.w(x), "-" | "/" | "\u{2014}" | "\u{2013}" | ":");
    for i in 0..t.toks.len() {
        let Some((m, d, k)) = dateline_day(t, i) else {
            continue;
        };
        // "BEIJING, April 1, 1997 (AFP)": the year is in the dateline.
        let k1 = if t.is(k, ",") { k + 1 } else { k };
        if let Some((y, k2)) = t.year_num(k1) {
            if let Some(dt) = ymd(y, m, d).filter(|_| closes(k2)) {
                return Some(Some((dt, "dateline")));
            }
        }
        if !closes(k) {
            continue;
        }
        if let Some(p) = published {
            let on_or_before = [p.year(), p.year() - 1]
                .into_iter()
                .filter_map(|y| ymd(y, m, d))
                .find(|dt| *dt <= p);
            return Some(on_or_before.map(|dt| (dt, "dateline-year-from-publication")));
        }
        return Some(dateline_year(t, text, today, m, d, k));
    }
    None
}

/// The month and day of a dateline opening the line at token `i`, and the
/// index after the day.
fn dateline_day(t: &Tagger, i: usize) -> Option<(u32, u32, usize)> {
    let n = t.toks.len();
    if !t.toks[i].nl || !t.cap(i) || t.kind(i) != Some(K::W) {
        return None;
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
        return None;
    }
    j += 1;
    // "Tokyo, Japan, Oct 16"
    if t.cap(j) && t.month_at(j).is_none() && t.kind(j) == Some(K::W) {
        j += 1;
        if !t.is(j, ",") {
            return None;
        }
        j += 1;
    }
    let (m, k) = t.month_at(j)?;
    let (d, k) = t.day_num(k)?;
    Some((m, d, k))
}

/// The year of a dateline that has none: from the first full date near the
/// top ("dateline"), else the year the text mentions most, the latest on ties
/// ("dateline-guessed-year"), else from the weekday of the lead.
fn dateline_year(
    t: &Tagger,
    text: &str,
    today: NaiveDate,
    m: u32,
    d: u32,
    k: usize,
) -> Option<(NaiveDate, &'static str)> {
    let in_head = tag(t.text, any_reference());
    for c in &in_head {
        if c.anchoring == Anchoring::Explicit && c.ttype == TimexType::Date && c.value.len() >= 7 {
            if let Some(y) = c.value.get(..4).and_then(digits) {
                if let Some(dt) = ymd(y as i32, m, d) {
                    return Some((dt, "dateline"));
                }
            }
        }
    }
    // A story shorter than the head was tagged whole already (tagging it
    // twice was a tenth of reading a wire corpus).
    let all = if t.text.len() == text.len() {
        in_head
    } else {
        tag(text, any_reference())
    };
    let mut years: Vec<(i64, usize)> = Vec::new();
    for c in &all {
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
    year_from_weekday(t, today, m, d, k)
}

/// No year anywhere. Wire copy names the weekday of the dateline day (or the
/// day before) in its first sentence: take the latest year, not after today,
/// whose month/day falls on that weekday or the day after it; with no
/// weekday, the latest such date not after today.
fn year_from_weekday(
    t: &Tagger,
    today: NaiveDate,
    m: u32,
    d: u32,
    k: usize,
) -> Option<(NaiveDate, &'static str)> {
    let wd = (k..t.toks.len().min(k + 60)).find_map(|x| t.weekday_at(x).map(|(w, _)| w));
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
    cands
        .iter()
        .find(|dt| dt.weekday() == w)
        .or_else(|| cands.iter().find(|dt| dt.weekday() == w.succ()))
        .map(|dt| (*dt, "dateline-year-from-weekday"))
}

/// A full date alone near the top, on a short line of its own (a byline or
/// date line), not inside a sentence.
fn header_date(head: &str) -> Option<(NaiveDate, &'static str)> {
    // Only dates starting in the first 400 bytes count: tagging the lead
    // (with room for the date to end) instead of 3,000 bytes was a tenth
    // of reading a wire corpus.
    if !has_short_line(head, 400) {
        // Wire copy opens with a long lead and no date line: tagging it
        // anyway was a twentieth of reading the wire corpus.
        return None;
    }
    for c in tag(prefix(head, 700), any_reference()).into_iter().take(3) {
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

/// Whether a line that is not blank and at most 50 bytes long (in `head`)
/// starts in its first `within` bytes: the only lines [`header_date`] takes
/// a date from.
fn has_short_line(head: &str, within: usize) -> bool {
    let mut start = 0;
    while start < head.len().min(within) {
        let line = head[start..].split('\n').next().unwrap_or("");
        if line.len() <= 50 && !line.trim().is_empty() {
            return true;
        }
        start += line.len() + 1;
    }
    false
}

/// Minutes after local midnight, shifted to UTC, of an ISO clock time with
/// an offset ("T22:30:00-04:00", "T00:14Z") starting at token `k` ("T").
pub(crate) fn iso_clock_utc_minutes(t: &Tagger, k: usize) -> Option<i64> {
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
pub(crate) fn stamp_at(t: &Tagger, j: usize) -> Option<(NaiveDate, bool)> {
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

    /// The shortcut must never hide what the tagger would find: each form a
    /// method reads passes it, and a head without any of them gives the
    /// same answer with or without the tagger.
    #[test]
    fn heads_without_a_stamp_skip_the_tagger() {
        for head in [
            "Last Updated : Oct 17 2025 | 12:14 AM IST\nText.",
            "Story text.\nPOSTED on 3 May 2024",
            "2025-10-17T00:14:00Z report",
            "BEIJING, April 1 (AFP) - Text.",
            "Tokyo, Japan,\n Oct. 16 (Kyodo) - Text.",
        ] {
            assert!(may_hold_stamp(head), "{head}");
        }
        for head in [
            "The talks, which began in May, went on. Scores were 2-1 and 97-98 in 1997 - 98.",
            "He said, may we go? She was unpublished, reposted nothing.",
            "Officials met on Tuesday.\nOctober 17, 2025\nMore text.",
        ] {
            assert!(!may_hold_stamp(head), "{head}");
            let today = date("2026-12-01");
            let t = Tagger::new(head, any_reference());
            let full = stamps(&t)
                .or_else(|| iso_date(&t).flatten())
                .or_else(|| dateline(&t, head, today, None).flatten())
                .or_else(|| header_date(head));
            assert_eq!(find(head, today, None), full, "{head}");
        }
        assert_eq!(
            find(
                "Officials met.\nOctober 17, 2025\nMore.",
                date("2026-12-01"),
                None
            ),
            Some((date("2025-10-17"), "header-date"))
        );
    }

    #[test]
    fn short_lines_open_a_header() {
        let lead = "x".repeat(120);
        assert!(!has_short_line(
            &format!("{lead}\n\n   \n{lead} October 17, 2025"),
            400
        ));
        assert!(has_short_line(
            &format!("{lead}\nOctober 17, 2025\n{lead}"),
            400
        ));
        // A short line after the first 400 bytes holds no header date.
        assert!(!has_short_line(
            &format!("{}\nOctober 17, 2025", "x".repeat(450)),
            400
        ));
        // Nor a line that starts early but runs long past the lead.
        assert!(!has_short_line(&format!("October 17, 2025 {lead}"), 40));
        // The lead is long prose, the date line short: the date is found.
        assert_eq!(
            publication_date_as_of(
                &format!("{lead}\nOct. 17, 2025\n{lead}"),
                date("2025-10-20")
            ),
            Some((date("2025-10-17"), "header-date"))
        );
    }

    #[test]
    fn publication() {
        let today = date("2025-10-20");
        assert_eq!(
            publication_date_as_of("BEIJING, April 1, 1997 (AFP) - China said", today),
            Some((date("1997-04-01"), "dateline"))
        );
        assert_eq!(
            publication_date_as_of(
                "New York, Oct 16 (IANS) The market, which fell on October 15, 2025, rose.",
                today
            ),
            Some((date("2025-10-16"), "dateline"))
        );
        assert_eq!(
            publication_date_as_of("WASHINGTON (AP) -- The president said", today),
            None
        );
        assert_eq!(
            publication_date_as_of(
                "He said the report, published on Oct 3, 2024 at 10:00 GMT, was wrong.",
                today
            ),
            None
        );
        assert_eq!(
            publication_date_as_of(
                "Markets\nFirst Published: Oct 17 2025 | 12:06 AM IST\nText",
                today
            ),
            Some((date("2025-10-16"), "first-published-utc"))
        );
        assert_eq!(
            publication_date_as_of("Last Updated : Oct 17 2025 | 12:14 AM IST\nText", today),
            Some((date("2025-10-16"), "last-updated-utc"))
        );
        assert_eq!(
            publication_date_as_of("Posted 2025-10-17\nText", today),
            Some((date("2025-10-17"), "iso-date"))
        );
        assert_eq!(
            publication_date_as_of("<meta> 2025-10-16T22:30:00-04:00\nText", today),
            Some((date("2025-10-17"), "iso-date-utc"))
        );
        // No year anywhere: the weekday in the lead fixes it: the latest Oct 16
        // not after today that is a Thursday (or a Friday).
        assert_eq!(
            publication_date_as_of(
                "New York, Oct 16 (IANS) Trump on Thursday started talks.",
                today
            ),
            Some((date("2025-10-16"), "dateline-year-from-weekday"))
        );
        assert_eq!(
            publication_date_as_of(
                "New York, Oct 16 (IANS) Trump on Thursday started talks.",
                date("2025-10-15")
            ),
            Some((date("2014-10-16"), "dateline-year-from-weekday"))
        );
        // No weekday either: the latest Oct 16 not after today.
        assert_eq!(
            publication_date_as_of("New York, Oct 16 (IANS) The market rose.", today),
            Some((date("2025-10-16"), "dateline-year-assumed-recent"))
        );
        assert_eq!(
            publication_date_as_of(
                "New York, Oct 16 (IANS) The market rose.",
                date("2025-10-15")
            ),
            Some((date("2024-10-16"), "dateline-year-assumed-recent"))
        );
    }
}
