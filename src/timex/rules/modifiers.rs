//! Modifiers around another expression: "late June", "mid-October",
//! "earlier this year", "the end of 1990", "the first half of", "year-end"; and
//! bounds on durations: "nearly two years", "at least 72 hours".

use chrono::Datelike;

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{part_of_day, small_number, weekday_word, QUANTITY_MODS};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    /// "earlier this year", "later this month", "early next year", "late June",
    /// "mid-October", "the end of 1990", "the beginning of October".
    pub(crate) fn with_mods(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if matches!(w, "mid" | "late" | "early") {
            if let Some(c) = self.part_of_a_day(i) {
                return Some(c);
            }
        }
        match w {
            "the" if matches!(self.w(i + 1), "early" | "late" | "mid") => {
                let c = self.with_mods(i + 1)?;
                return Some(Cand { s: i, ..c });
            }
            "the"
                if matches!(self.w(i + 1), "first" | "second" | "last" | "latter")
                    && self.is(i + 2, "half")
                    && self.is(i + 3, "of") =>
            {
                return self.half_of(i);
            }
            "year" => return self.year_end(i),
            _ => {}
        }
        let (md, j) = self.mod_word(i)?;
        let inner = self.core(j)?;
        self.modified(i, md, j, inner)
    }

    /// "mid-afternoon yesterday", "early morning Friday": that part of the day.
    fn part_of_a_day(&self, i: usize) -> Option<Cand> {
        let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        let p = part_of_day(self.w(k))?;
        let c = self.core(k + 1)?;
        let d = c.pt.and_then(|p| p.day())?;
        Some(cand_pt(i, c.e, Pt::Part(d, p), Anchoring::RelativeToDct))
    }

    /// "the first half of 1990" is H1; "the second half of October" is its end.
    fn half_of(&self, i: usize) -> Option<Cand> {
        let inner = self.core(i + 4)?;
        let h = if self.is(i + 1, "first") { 1 } else { 2 };
        if let Some(Pt::Year(y)) = inner.pt {
            return Some(cand_pt(i, inner.e, Pt::Half(y, h), inner.anch));
        }
        let md = if h == 1 { "START" } else { "END" };
        Some(Cand {
            s: i,
            mod_: Some(md),
            ..inner
        })
    }

    /// "year-end", "year end", "year's end": the end of this year, or of last
    /// year early in the year unless the tense looks ahead.
    fn year_end(&self, i: usize) -> Option<Cand> {
        let e = if self.is(i + 1, "end") {
            i + 2
        } else if self.is(i + 1, "-") && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "end") {
            i + 4
        } else {
            return None;
        };
        let back = self.dct.month() < 4 && self.tense(i, e) != Tense::Future;
        let pt = Pt::Year(self.dct.year() - if back { 1 } else { 0 });
        let mut c = cand_pt(i, e, pt, Anchoring::RelativeToDct);
        c.mod_ = Some("END");
        Some(c)
    }

    /// A modifier word at `i` ("early", "around", "the end of"): its TIMEX3 mod
    /// and the index of what it modifies.
    fn mod_word(&self, i: usize) -> Option<(&'static str, usize)> {
        Some(match self.w(i) {
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
                let md = match self.w(i + 1) {
                    "end" | "close" => "END",
                    "middle" => "MID",
                    _ => "START",
                };
                (md, i + 3)
            }
            _ => return None,
        })
    }

    /// The expression `inner` at `j` under the modifier at `i`.
    fn modified(&self, i: usize, md: &'static str, j: usize, mut inner: Cand) -> Option<Cand> {
        let w = self.w(i);
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
        if matches!(inner.pt, Some(Pt::Day(_))) && !day_word {
            return None;
        }
        if matches!(w, "earlier" | "later")
            && !matches!(self.w(j), "this" | "that" | "in" | "last" | "next")
        {
            return None;
        }
        if inner.ttype == TimexType::Duration || inner.ttype == TimexType::Set {
            return None;
        }
        inner.s = i;
        inner.mod_ = Some(md);
        Some(inner)
    }

    /// Approximators and bounds on durations and "ago" expressions.
    pub(crate) fn with_quant_mods(&self, i: usize) -> Option<Cand> {
        let m = QUANTITY_MODS
            .iter()
            .find(|m| m.words.iter().enumerate().all(|(k, w)| self.is(i + k, w)))?;
        let j = i + m.words.len();
        // "over the past decade": "over" is then just a preposition.
        if m.count
            && !(self.num(j).is_some()
                || small_number(self.w(j)).is_some()
                || self.is(j, "a")
                || self.is(j, "an"))
        {
            return None;
        }
        let mut c = self.m_duration(j)?;
        if m.duration_only && c.ttype != TimexType::Duration {
            return None;
        }
        // "about" and its kin stay outside the extent (the mod keeps them);
        // bounds like "nearly", "at least", "more than" are part of it.
        if !m.outside {
            c.s = i;
        }
        c.mod_ = Some(m.mod_);
        Some(c)
    }
}
