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
