//! Explicit calendar dates ("Oct. 16, 2025", "16 October", "10/16/2025",
//! "2025-10-16", "October 2025") and the year of a date or month that has none.

use chrono::{Datelike, NaiveDate};

use crate::timex::calendar::{ymd, Pt};
use crate::timex::lexicon::month_word;
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::tokens::K;
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Day of month at `i` ("16", "16th"), returning it and the next index.
    pub(crate) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(crate) fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        if self.w(i).len() == 4 {
            let n = self.num(i)?;
            if (1000..=2199).contains(&n) {
                return Some((n as i32, i + 1));
            }
        }
        None
    }

    /// A month name at `i` (capitalised; ALL-CAPS headline words too) and the
    /// index after it and its dot.
    pub(crate) fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let (m, abbr) = month_word(w)?;
        if !self.cap(i) {
            return None;
        }
        let j = if abbr || w == "may" || w == "june" || w == "july" {
            self.dot(i + 1)
        } else {
            i + 1
        };
        Some((m, j))
    }

    /// Explicit calendar dates with a month name or digits.
    pub(crate) fn m_calendar(&self, i: usize) -> Option<Cand> {
        self.iso_date(i)
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.day_first_date(i))
            .or_else(|| self.month_first_date(i))
    }

    /// ISO 2025-10-16 and 2025/10/16.
    fn iso_date(&self, i: usize) -> Option<Cand> {
        let (y, j) = self.year_num(i)?;
        if !(matches!(self.w(j), "-" | "/") && self.glued(j)) {
            return None;
        }
        let (m, d) = (self.num(j + 1)?, self.num(j + 3)?);
        if !(self.w(j + 2) == self.w(j)
            && self.glued(j + 1)
            && self.glued(j + 2)
            && self.glued(j + 3))
        {
            return None;
        }
        let dt = ymd(y, m as u32, d as u32)?;
        Some(cand_pt(i, j + 4, Pt::Day(dt), Anchoring::Explicit))
    }

    /// 10/16/2025, 16.10.2025, 10/16/25: month first with slashes when it can
    /// be a month, else day first.
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let a = self.num(i)?;
        let sep = self.w(i + 1);
        if !((sep == "/" || sep == ".")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.w(i + 3) == sep
            && self.glued(i + 3)
            && self.glued(i + 4))
        {
            return None;
        }
        let (b, c) = (self.num(i + 2)?, self.num(i + 4)?);
        let y = match self.w(i + 4).len() {
            4 => c as i32,
            2 if c < 50 => 2000 + c as i32,
            2 => 1900 + c as i32,
            _ => return None,
        };
        let (m, d) = if sep == "/" && a <= 12 {
            (a, b)
        } else {
            (b, a)
        };
        if self.w(i).len() > 2 || self.w(i + 2).len() > 2 {
            return None;
        }
        let dt = ymd(y, m as u32, d as u32)?;
        Some(cand_pt(i, i + 5, Pt::Day(dt), Anchoring::Explicit))
    }

    /// Day first: "16 October 2025", "16th of October".
    fn day_first_date(&self, i: usize) -> Option<Cand> {
        let (d, j) = self.day_num(i)?;
        let j2 = if self.is(j, "of") { j + 1 } else { j };
        let (m, k) = self.month_at(j2)?;
        if let Some((y, k2)) = self.year_num(k) {
            if let Some(dt) = ymd(y, m, d) {
                return Some(cand_pt(i, k2, Pt::Day(dt), Anchoring::Explicit));
            }
        }
        let dt = self.infer_year_day(m, d, i)?;
        Some(cand_pt(i, k, Pt::Day(dt), Anchoring::RelativeToDct))
    }

    /// Month first: "Oct. 16, 2025", "October 2025", "January this year", "in
    /// August".
    fn month_first_date(&self, i: usize) -> Option<Cand> {
        let (m, j) = self.month_at(i)?;
        if let Some((d, k)) = self.day_num(j) {
            // Oct. 16, 2025 / Oct 16 2025
            let k1 = if self.is(k, ",") { k + 1 } else { k };
            if let Some((y, k2)) = self.year_num(k1) {
                if let Some(dt) = ymd(y, m, d) {
                    return Some(cand_pt(i, k2, Pt::Day(dt), Anchoring::Explicit));
                }
            }
            let dt = self.infer_year_day(m, d, i)?;
            return Some(cand_pt(i, k, Pt::Day(dt), Anchoring::RelativeToDct));
        }
        self.month_of_year(i, m, j)
            .or_else(|| self.bare_month(i, m, j))
    }

    /// "October 2025", "October of 2025", "January nineteen ninety-seven"
    /// (transcripts), "January this year", "June last year".
    fn month_of_year(&self, i: usize, m: u32, j: usize) -> Option<Cand> {
        let j1 = if self.is(j, "of") || self.is(j, ",") {
            j + 1
        } else {
            j
        };
        if let Some((y, k)) = self.year_num(j1) {
            return Some(cand_pt(i, k, Pt::Month(y, m), Anchoring::Explicit));
        }
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
        if matches!(self.w(j), "this" | "last" | "next") && self.is(j + 1, "year") {
            let y = self.relative_year(self.w(j));
            return Some(cand_pt(i, j + 2, Pt::Month(y, m), Anchoring::RelativeToDct));
        }
        None
    }

    /// A month alone ("in August"): the nearest such month around the
    /// reference date, in the direction the tense points.
    fn bare_month(&self, i: usize, m: u32, j: usize) -> Option<Cand> {
        let w = self.w(i);
        // A bare abbreviated month needs its dot ("Jan Kavan" is a name).
        if month_word(w).is_some_and(|(_, abbr)| abbr)
            && !(self.is(i + 1, ".") && self.glued(i + 1))
        {
            return None;
        }
        // A capitalised "May"/"March" inside a sentence is a month unless it
        // ends a name ("Theresa May", "Long March"); at the start of a
        // sentence it is more likely the modal or the verb.
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
        // "In 1976, a sterling crisis led ministers to ask the IMF for a
        // loan in September", "Last year, after the February
        // assassination", "last year's August 21 grenade attack": a year
        // that opens the sentence as its setting, or owns the month, is the
        // month's. Not a year inside a clause of its own ("Annan, who was
        // born in 1938, will visit Sudan in June").
        if let Some(Pt::Year(y)) = self.last {
            let (s0, e0) = (self.last_start, self.last_end);
            // A line's first token, or one right after a full stop ("a
            // break" at a line's first token is before it, not after).
            let opening = |k: usize| {
                k == 0
                    || self.toks[k].nl
                    || matches!(self.w(k - 1), "." | "?" | "!" | ";") && self.sentence_break(k - 1)
            };
            // The expression itself ("1976", "Last year", "In 1976" when its
            // span takes the preposition), not "Founded in 1947".
            let own = matches!(self.w(s0), "in" | "last") || self.num(s0).is_some();
            let fronted = self.w(e0) == ","
                && own
                && (opening(s0) || s0 >= 1 && self.is(s0 - 1, "in") && opening(s0 - 1));
            let owns = self.w(e0) == "'" && self.w(e0 + 1) == "s" && e0 + 2 == i;
            if (fronted || owns) && e0 <= i && self.same_sentence(e0, i) {
                return Some(cand_pt(i, j, Pt::Month(y, m), Anchoring::RelativeToDate));
            }
        }
        let pt = self.infer_month(m, i);
        Some(cand_pt(i, j, pt, Anchoring::RelativeToDct))
    }

    pub(crate) fn infer_year_day(&self, m: u32, d: u32, s: usize) -> Option<NaiveDate> {
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
            d.abs() + if wrong { 240 } else { 0 }
        };
        Some(
            [this, prev, next]
                .into_iter()
                .min_by_key(cost)
                .unwrap_or(this),
        )
    }

    pub(crate) fn infer_month(&self, m: u32, s: usize) -> Pt {
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
}
