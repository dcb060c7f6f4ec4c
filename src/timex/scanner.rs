//! The scanner: one left-to-right pass over the tokens. At each token that
//! can start an expression every rule family proposes a candidate, the
//! longest wins, and day ranges and clock times glued to a day are joined;
//! the last concrete date found becomes the anchor of later anaphora.

use chrono::{Datelike, NaiveDate};

use super::calendar::{parse_value, ymd, Pt};
use super::lexicon::{can_start, month_word, unit_word};
use super::tokens::{tokenize, Tok, K};
use super::{Anchoring, Granularity, Timex, TimexType};

/// A candidate expression proposed by a rule.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// First token, inclusive.
    pub(crate) s: usize,
    /// Last token, exclusive.
    pub(crate) e: usize,
    pub(crate) ttype: TimexType,
    pub(crate) value: String,
    pub(crate) anch: Anchoring,
    pub(crate) mod_: Option<&'static str>,
    pub(crate) pt: Option<Pt>,
    /// Derived from the reference date; must not become the next reference.
    pub(crate) no_ref: bool,
    /// Last day of a day range ("May 8-10"): widens the window past the value.
    pub(crate) until: Option<NaiveDate>,
}

/// One pass of the tagger over one text: the tokens, the reference date and
/// the date under discussion. The rule families add their matchers to it.
pub(crate) struct Tagger<'a> {
    pub(crate) text: &'a str,
    pub(crate) low: String,
    pub(crate) toks: Vec<Tok>,
    pub(crate) dct: NaiveDate,
    /// Last concrete date mentioned, for anaphora.
    pub(crate) last: Option<Pt>,
    /// The token after it.
    pub(crate) last_end: usize,
    /// Its first token.
    pub(crate) last_start: usize,
}

/// A candidate denoting a point (or stretch) of the calendar.
pub(crate) fn cand_pt(s: usize, e: usize, pt: Pt, anch: Anchoring) -> Cand {
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

/// A candidate with a value but no calendar point ("P3D", "PAST_REF").
pub(crate) fn cand_v(s: usize, e: usize, ttype: TimexType, value: String, anch: Anchoring) -> Cand {
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
    pub(crate) fn new(text: &'a str, dct: NaiveDate) -> Self {
        Tagger {
            text,
            low: text.to_ascii_lowercase(),
            toks: tokenize(text),
            dct,
            last: None,
            last_end: 0,
            last_start: 0,
        }
    }

    /// Every rule that can start at `i`; the longest candidate wins, the
    /// first on ties.
    pub(crate) fn core(&self, i: usize) -> Option<Cand> {
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

    /// The expression starting at token `i`, if any: the longest candidate of
    /// the rules and the modifiers, widened to a day range or joined with the
    /// clock time after its day.
    pub(crate) fn at(&self, i: usize) -> Option<Cand> {
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
        let best = best?;
        let Some(Pt::Day(d)) = best.pt else {
            return Some(best);
        };
        self.day_range(&best, d)
            .or_else(|| self.day_and_clock(&best, d))
            .or(Some(best))
    }

    /// A day range, "May 8-10", "March 3 to 5, 1999", "between April 7 and
    /// 9": one expression valued
    /// as its first day `d`, its window running to the last.
    fn day_range(&self, c: &Cand, d: NaiveDate) -> Option<Cand> {
        let e = c.e;
        // "between April 7 and 9": "and" joins a range only after "between".
        let between = c.s > 0 && self.w(c.s - 1) == "between" && self.w(e) == "and";
        if !matches!(self.w(e), "-" | "to" | "through" | "thru") && !between {
            return None;
        }
        // "Nov. 30-Dec. 2", "between Dec. 30 and Jan. 3": the last day in
        // a month of its own. Not after "to", which also tells a date moved
        // ("postponed from Nov. 3 to Dec. 1").
        if (self.w(e) == "-" || between) && month_word(self.w(e + 1)).is_some() {
            return self.month_range(c, d, e + 1);
        }
        let n = self.num(e + 1).filter(|&n| n as u32 > d.day() && n <= 31)?;
        let next = self.w(e + 2);
        // A full stop ends the sentence ("visit Israel April 7-9."); a
        // decimal point has a digit after it ("7-9.5 percent").
        let decimal = next == "." && self.kind(e + 3) == Some(K::N);
        let unit_after = unit_word(next).is_some()
            || month_word(next).is_some()
            || decimal
            || matches!(next, "%" | "percent" | ":" | "p" | "a" | "-" | "/");
        if unit_after || self.kind(e + 2) == Some(K::N) {
            return None;
        }
        let mut end = e + 2;
        let mut start = d;
        if self.is(end, ",") {
            if let Some(y) = self.num(end + 1).filter(|y| (1000..=2999).contains(y)) {
                if self.w(end + 1).len() == 4 {
                    start = ymd(y as i32, d.month(), d.day()).unwrap_or(d);
                    end += 2;
                }
            }
        }
        let last = ymd(start.year(), start.month(), n as u32)?;
        let mut r = cand_pt(c.s, end, Pt::Day(start), c.anch);
        r.until = Some(last);
        Some(r)
    }

    /// The range from `d` to the day starting at token `i` in another
    /// month, within two months (a year on when the month comes round:
    /// "Dec. 30-Jan. 3").
    fn month_range(&self, c: &Cand, d: NaiveDate, i: usize) -> Option<Cand> {
        let last = self.core(i)?;
        let Some(Pt::Day(mut d2)) = last.pt else {
            return None;
        };
        if d2 <= d {
            d2 = ymd(d.year() + 1, d2.month(), d2.day())?;
        }
        if (d2 - d).num_days() > 62 {
            return None;
        }
        let mut r = cand_pt(c.s, last.e, Pt::Day(d), c.anch);
        r.until = Some(d2);
        Some(r)
    }

    /// "Oct 17 2025 | 12:14 AM IST", "June 2, 2024, at 10:30 a.m.": the day
    /// `d` and a bare clock time after it are one point in time.
    fn day_and_clock(&self, c: &Cand, d: NaiveDate) -> Option<Cand> {
        let e = c.e;
        let mut k = e;
        while k < e + 2 && matches!(self.w(k), "," | "|" | "at" | "-") {
            k += 1;
        }
        if !(k > e || self.num(k).is_some()) {
            return None;
        }
        let Some(Cand {
            pt: Some(Pt::Clock(_, h, m)),
            e: te,
            ..
        }) = self.m_time(k)
        else {
            return None;
        };
        // Only a bare clock time: one followed by its own day stays separate.
        if self.m_time_day_end(k).is_some() {
            return None;
        }
        Some(cand_pt(c.s, te, Pt::Clock(d, h, m), c.anch))
    }

    /// The expressions of the text, left to right, none overlapping.
    pub(crate) fn run(mut self) -> Vec<Timex> {
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
                    self.last_end = c.e;
                    self.last_start = c.s;
                }
            }
            i = c.e;
            let word = self.w(c.s).to_string();
            let mut t = make_timex(self.text, start, end, c);
            self.narrow(&mut t, &word);
            out.push(t);
        }
        out
    }
}

impl Tagger<'_> {
    /// The part of a month or week a modifier names, by the annotation
    /// conventions the event windows follow: "early/mid/late June" are the
    /// 1st-10th, 11th-20th, 15th-end; "later this month" runs from the day
    /// after the reference date, "earlier this week" (and "earlier this
    /// year": what already happened cannot lie ahead) up to the day before.
    /// The TIMEX3 value stays the whole period, as TimeML has it.
    fn narrow(&self, t: &mut Timex, word: &str) {
        let (Some(a), Some(b), Some(md)) = (t.earliest, t.latest, t.mod_.as_deref()) else {
            return;
        };
        let day = |n: u64| a.checked_add_days(chrono::Days::new(n)).unwrap_or(a).min(b);
        let (from, to) = match (t.granularity, md, word) {
            (Granularity::Year | Granularity::Month | Granularity::Week, "END", "later") => {
                (self.dct.succ_opt().unwrap_or(a).max(a), b)
            }
            (Granularity::Year | Granularity::Month | Granularity::Week, "START", "earlier") => {
                (a, self.dct.pred_opt().unwrap_or(b).min(b))
            }
            (Granularity::Month, "START", _) => (a, day(9)),
            (Granularity::Month, "MID", _) => (day(10), day(19)),
            (Granularity::Month, "END", _) => (day(14), b),
            _ => return,
        };
        if from <= to {
            (t.earliest, t.latest) = (Some(from), Some(to));
        }
    }
}

pub(crate) fn make_timex(text: &str, start: usize, end: usize, c: Cand) -> Timex {
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
