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
        // "mid-afternoon yesterday", "early morning Friday"
        if matches!(w, "mid" | "late" | "early") {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            if let Some(p) = part_of_day(self.w(k)) {
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
