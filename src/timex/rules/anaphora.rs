//! Anaphoric days anchored on the date under discussion: "the day before",
//! "the next morning", "earlier that day", "until then", the second day of "April
//! 24 and 25".

use chrono::{Datelike, Duration};

use crate::timex::calendar::{ymd, Pt};
use crate::timex::lexicon::{month_word, part_of_day, unit_word};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Anaphoric day expressions: "the day before", "the next morning", "earlier that day".
    pub(crate) fn m_anaphoric_day(&self, i: usize) -> Option<Cand> {
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
                // The story's own day, unless the date before is of the
                // news days around it: "... crashed through its gates on
                // April 30, 1975 ... Earlier in the day Rubin visited a
                // primary school", "elections set for Jan. 25, 2006 ...
                // Halutz made the statements earlier in the day" are both
                // the dateline's day, while "on Monday ... Earlier in the
                // day" is Monday.
                if (b - self.dct).num_days().abs() > 7 {
                    return Some(cand_pt(
                        i,
                        i + 2,
                        Pt::Day(self.dct),
                        Anchoring::RelativeToDct,
                    ));
                }
                return Some(cand_pt(i, i + 2, Pt::Day(b), anch));
            }
            if let Some(p) = part_of_day(self.w(i + 1)).filter(|p| *p != "NI") {
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
            && part_of_day(self.w(i + 2)).is_some()
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
                Pt::Part(b, part_of_day(self.w(i + 1))?),
                anch,
            ));
        }
        None
    }

    /// "until then", "by then": the deadline just mentioned ("since then" is
    /// left untagged, as in TimeBank).
    pub(crate) fn m_then(&self, i: usize) -> Option<Cand> {
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
    pub(crate) fn m_coordinated_day(&self, i: usize) -> Option<Cand> {
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
}
