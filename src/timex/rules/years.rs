//! Years, decades and centuries ("1997", "fiscal 1989", "the 1990s", "'98",
//! "the 20th century", "nineteen ninety-six"), and whether a four-digit number is a year.

use chrono::Datelike;

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{
    decade_word, month_word, small_number, YEAR_AFTER, YEAR_BEFORE, YEAR_COUNT_MARKERS,
    YEAR_NOT_BEFORE,
};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Year, decade and century expressions.
    pub(crate) fn m_year(&self, i: usize) -> Option<Cand> {
        // fiscal 1989 / fiscal year 1989 / fiscal 1990's
        let (j, fiscal) = if self.is(i, "fiscal") {
            (if self.is(i + 1, "year") { i + 2 } else { i + 1 }, true)
        } else {
            (i, false)
        };
        if let Some(c) = self.century(i) {
            return Some(c);
        }
        if self.is(i, "the") {
            return self.the_decade(i);
        }
        if let Some((y, k)) = self.year_num(j) {
            return self.year_digits(i, j, k, y, fiscal);
        }
        if (self.is(j, "'") || self.is(j, "\u{2019}"))
            && self.w(j + 1).len() == 2
            && self.glued(j + 1)
        {
            return self.short_year(i, j, fiscal);
        }
        self.spelled_year(i, j)
    }

    /// "the 20th century", "the 11th century".
    fn century(&self, i: usize) -> Option<Cand> {
        let cj = if self.is(i, "the") { i + 1 } else { i };
        let n = self.num(cj)?;
        (matches!(self.w(cj + 1), "st" | "nd" | "rd" | "th")
            && self.glued(cj + 1)
            && self.is(cj + 2, "century")
            && (1..=30).contains(&n))
        .then(|| cand_pt(i, cj + 3, Pt::Century(n as i32 - 1), Anchoring::Explicit))
    }

    /// "the 1990s", "the '80s", "the nineties", "the 1988 period".
    fn the_decade(&self, i: usize) -> Option<Cand> {
        // One level only: "the the the ..." must not recurse down the text.
        if self.is(i + 1, "the") {
            return None;
        }
        let c = self.m_year(i + 1)?;
        match c.pt {
            Some(Pt::Decade(_)) => Some(Cand { s: i, ..c }),
            // "the 1988 period" in a story about a quarter is that quarter of 1988.
            Some(Pt::Year(y)) if matches!(self.w(c.e), "period" | "quarter") => match self.last {
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
            },
            _ => None,
        }
    }

    /// A four-digit year `y` at `j..k`: "1997", "1990s", "1990's" (mid-1990s is
    /// the modifiers' business), when the context says it is a year.
    fn year_digits(&self, i: usize, j: usize, k: usize, y: i32, fiscal: bool) -> Option<Cand> {
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
        let year = cand_pt(i, k, Pt::Year(y), Anchoring::Explicit);
        Some(self.year_range(&year, y, k).unwrap_or(year))
    }

    /// "the 1950-53 Korean war", "its 1975-1990 civil war", "fiscal 1996-97":
    /// a year range glued at `k` is one window to the last year's end
    /// (2,496 such ranges in the wire stories, read as their first year).
    fn year_range(&self, year: &Cand, y: i32, k: usize) -> Option<Cand> {
        if !(self.is(k, "-") && self.glued(k) && self.glued(k + 1))
            || self.kind(k + 2) == Some(K::N)
        {
            return None;
        }
        let n = self.num(k + 1)? as i32;
        let last = match self.w(k + 1).len() {
            2 if y / 100 * 100 + n > y => y / 100 * 100 + n,
            2 => y / 100 * 100 + 100 + n,
            4 => n,
            _ => return None,
        };
        if !(1..=60).contains(&(last - y)) {
            return None;
        }
        let mut r = Cand {
            e: k + 2,
            ..year.clone()
        };
        r.until = chrono::NaiveDate::from_ymd_opt(last, 12, 31);
        Some(r)
    }

    /// "'98", "the '80s": two digits after an apostrophe, in the century that
    /// puts them at most ten years after the reference date.
    fn short_year(&self, i: usize, j: usize, fiscal: bool) -> Option<Cand> {
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
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        (fiscal || matches!(prev, "in" | "since" | "of"))
            .then(|| cand_pt(i, j + 2, Pt::Year(century * 100 + n), Anchoring::Explicit))
    }

    /// Years in words: "the nineties", "nineteen ninety-six", "in two
    /// thousand and three".
    fn spelled_year(&self, i: usize, j: usize) -> Option<Cand> {
        if let Some(y) = decade_word(self.w(j)) {
            if i > 0 && self.is(i - 1, "the") {
                return Some(cand_pt(i, j + 1, Pt::Decade(y / 10), Anchoring::Explicit));
            }
        }
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
    pub(crate) fn year_context(&self, j: usize, k: usize) -> bool {
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
        // "$1990", "#2000", "no. 1990", "flight 1990": a count or a label.
        let symbol = matches!(
            prev,
            "$" | "#" | "." | "," | "+" | "-" | "\u{00a3}" | "\u{20ac}"
        );
        if j > 0 && ((symbol && self.glued(j)) || YEAR_COUNT_MARKERS.has(prev)) {
            return false;
        }
        if YEAR_NOT_BEFORE.has(next)
            || (next == "," && self.glued(k) && self.kind(k + 1) == Some(K::N) && self.glued(k + 1))
            || (matches!(next, "." | ":")
                && self.glued(k)
                && self.kind(k + 1) == Some(K::N)
                && self.glued(k + 1))
        {
            return false;
        }
        if YEAR_BEFORE.has(prev)
            || (prev == "s" && j > 1 && matches!(self.w(j - 2), "'" | "\u{2019}"))
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
            return YEAR_AFTER.has(next);
        }
        true
    }
}
