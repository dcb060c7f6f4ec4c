//! Quarters, halves and seasons: "the third quarter", "Q3 2025", "the first
//! half of 1990", "third-quarter profit", "the winter of 1994", "in summer".

use chrono::Datelike;

use crate::timex::calendar::{season_of, Pt, Unit};
use crate::timex::lexicon::{ordinal_word, season_word, SEASON_CUES, SPORTS_WORDS};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::tokens::K;
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2025",
    /// "the fiscal first quarter", "the first half of 1990".
    pub(crate) fn m_quarter(&self, i: usize) -> Option<Cand> {
        let the = self.is(i, "the");
        let (mut year, back_year, mut j) = self.year_before_quarter(if the { i + 1 } else { i });
        if self.is(j, "fiscal") {
            j += 1;
        }
        let (n, unit, k) = self.quarter_number(j)?;
        let max = if unit == Unit::Quarter { 4 } else { 2 };
        if n == 0 || n > max {
            return None;
        }
        let mut e = k;
        if year.is_none() {
            (year, e) = self.year_after_quarter(k);
        }
        // "3:57 left in the fourth quarter": a period of a game.
        if year.is_none() && self.sports_context(i, e) {
            return None;
        }
        let (y, anch) = year.unwrap_or_else(|| {
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
        });
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

    /// A year before the quarter at `j`: "this year's third quarter", "the
    /// 1988 third quarter", "the year-earlier third quarter" (a year back from
    /// the one it would be). Returns the year, the year-back flag and the index
    /// after them.
    fn year_before_quarter(&self, j: usize) -> (Option<(i32, Anchoring)>, bool, usize) {
        if matches!(self.w(j), "this" | "last" | "next")
            && self.is(j + 1, "year")
            && self.is(j + 2, "'")
            && self.is(j + 3, "s")
        {
            let y = self.relative_year(self.w(j));
            return (Some((y, Anchoring::RelativeToDct)), false, j + 4);
        }
        if let Some((y, k)) = self.year_num(j) {
            if ordinal_word(self.w(k)).is_some() {
                return (Some((y, Anchoring::Explicit)), false, k);
            }
        } else if self.is(j, "year")
            && self.is(j + 1, "-")
            && matches!(self.w(j + 2), "ago" | "earlier")
            && ordinal_word(self.w(j + 3)).is_some()
        {
            return (None, true, j + 3);
        }
        (None, false, j)
    }

    /// "Q3", "H1", "third quarter", "third-quarter", "last half", "fourth-quarter":
    /// the number, the unit and the index after them.
    fn quarter_number(&self, j: usize) -> Option<(u32, Unit, usize)> {
        let w = self.w(j);
        if w.len() == 1
            && (w == "q" || w == "h")
            && self.cap(j)
            && self.glued(j + 1)
            && self.num(j + 1).is_some()
        {
            let unit = if w == "q" { Unit::Quarter } else { Unit::Half };
            return Some((self.num(j + 1)? as u32, unit, j + 2));
        }
        let n = match w {
            "last" | "final" | "fourth" | "4th"
                if self.is(j + 1, "-") || matches!(self.w(j + 1), "quarter" | "half") =>
            {
                let half =
                    self.is(j + 1, "half") || (self.is(j + 1, "-") && self.is(j + 2, "half"));
                if matches!(w, "last" | "final") && half {
                    2
                } else {
                    4
                }
            }
            _ => ordinal_word(w)?,
        };
        let k = if self.is(j + 1, "-") { j + 2 } else { j + 1 };
        let u = match self.w(k) {
            "quarter" => Unit::Quarter,
            "half" => Unit::Half,
            _ => return None,
        };
        Some((n, u, k + 1))
    }

    /// A year after the quarter ending at `k`: "of 1990", "2025", "of fiscal
    /// 1990", "of this year"; "of the year" extends the span alone. Returns
    /// the year and the end of the expression.
    fn year_after_quarter(&self, k: usize) -> (Option<(i32, Anchoring)>, usize) {
        let k1 = if self.is(k, "of") { k + 1 } else { k };
        let k1b = if self.is(k1, "fiscal") { k1 + 1 } else { k1 };
        if let Some((y, k2)) = self.year_num(k1b) {
            return (Some((y, Anchoring::Explicit)), k2);
        }
        if self.is(k, "of")
            && matches!(self.w(k + 1), "this" | "last" | "next")
            && self.is(k + 2, "year")
        {
            let y = self.relative_year(self.w(k + 1));
            return (Some((y, Anchoring::RelativeToDct)), k + 3);
        }
        if self.is(k, "of") && self.is(k + 1, "the") && self.is(k + 2, "year") {
            return (None, k + 3);
        }
        (None, k)
    }

    /// Game vocabulary within a dozen tokens: quarters and halves are then
    /// periods of play, not of the calendar.
    pub(crate) fn sports_context(&self, s: usize, e: usize) -> bool {
        let lo = s.saturating_sub(12);
        let hi = (e + 12).min(self.toks.len());
        (lo..hi)
            .any(|x| SPORTS_WORDS.has(self.w(x)) || (self.is(x, "left") && self.is(x + 1, "in")))
    }

    /// Seasons: "summer", "the winter of 1994", "fall 1998".
    pub(crate) fn m_season(&self, i: usize) -> Option<Cand> {
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
        let ok = s < j || SEASON_CUES.has(prev);
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
}
