//! Clock times: "12:14 AM", "2 p.m. Thursday", "10:35 a.m. EST", "noon",
//! "1430 GMT".

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{month_word, tz_offset, weekday_word};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Clock times: "12:14 AM", "2 p.m. Thursday", "10:35 a.m. EST", "noon", "1430 GMT".
    pub(crate) fn m_time(&self, i: usize) -> Option<Cand> {
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

    /// Does the clock time at `k` carry its own day ("2 p.m. Thursday")?
    pub(crate) fn m_time_day_end(&self, k: usize) -> Option<usize> {
        let c = self.m_time(k)?;
        (c.anch != Anchoring::RelativeToDate && c.e > k + 1 && {
            let last = c.e - 1;
            weekday_word(self.w(last)).is_some()
                || matches!(self.w(last), "today" | "tonight" | "tomorrow" | "yesterday")
                || self.num(last).is_some() && month_word(self.w(c.e.saturating_sub(2))).is_some()
        })
        .then_some(c.e)
    }
}
