//! Clock times: "12:14 AM", "2 p.m. Thursday", "10:35 a.m. EST", "noon",
//! "1430 GMT".

use chrono::NaiveDate;

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{month_word, tz_offset, weekday_word};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::Anchoring;

/// A time of day read from the text, before am/pm and the time zone.
struct ClockRead {
    h: u32,
    m: u32,
    /// Index after it.
    j: usize,
    /// Wire style "1430 GMT": only with a time zone.
    tz_needed: bool,
}

impl Tagger<'_> {
    /// Clock times: "12:14 AM", "2 p.m. Thursday", "10:35 a.m. EST", "noon", "1430 GMT".
    pub(crate) fn m_time(&self, i: usize) -> Option<Cand> {
        let named = matches!(self.w(i), "noon" | "midday" | "midnight");
        let c = if named {
            self.named_hour(i)?
        } else {
            self.clock_digits(i)?
        };
        let (h, pm, mut j) = self.meridiem(c.h, c.j)?;
        let m = c.m;
        if h > 24 || m > 59 {
            return None;
        }
        // A time zone; "(0600 GMT)" after it is a separate expression.
        let has_tz = tz_offset(self.w(j)).is_some();
        if has_tz {
            j += 1;
        } else if c.tz_needed {
            return None;
        }
        let colon = self.is(i + 1, ":");
        if pm.is_none() && !has_tz && !named && !colon {
            return None;
        }
        if colon && pm.is_none() && !has_tz {
            // "12:14" alone: accept when preceded by "at"/"by"/"until"/"from"
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "at" | "by" | "until" | "from" | "till" | "after" | "before" | "around"
            ) {
                return None;
            }
        }
        let (day, e) = self.attached_day(i, j);
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

    /// "noon", "midday", "midnight"; not "midnight-blue" nor a title ("High Noon").
    fn named_hour(&self, i: usize) -> Option<ClockRead> {
        let midnight = self.is(i, "midnight");
        if midnight && self.is(i + 1, "-") {
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
        Some(ClockRead {
            h: if midnight { 0 } else { 12 },
            m: 0,
            j: i + 1,
            tz_needed: false,
        })
    }

    /// "1430" (before a time zone), "12:14", "2.30" (before am/pm), "2" (before
    /// am/pm or "o'clock").
    fn clock_digits(&self, i: usize) -> Option<ClockRead> {
        let n = self.num(i)?;
        if self.w(i).len() == 4 && !self.glued(i + 1) {
            // 1430 GMT (wire style)
            return Some(ClockRead {
                h: (n / 100) as u32,
                m: (n % 100) as u32,
                j: i + 1,
                tz_needed: true,
            });
        }
        if self.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut m = 0;
        if self.is(j, ":") && self.glued(j) && self.glued(j + 1) && self.w(j + 1).len() == 2 {
            m = self.num(j + 1)? as u32;
            j += 2;
        } else if self.is(j, ".")
            && self.glued(j)
            && self.glued(j + 1)
            && self.w(j + 1).len() == 2
            && self.num(j + 1).is_some()
        {
            // 2.30 pm (British): only with am/pm
            let k = j + 2;
            if !(matches!(self.w(k), "am" | "pm")
                || (matches!(self.w(k), "a" | "p") && self.is(k + 1, ".")))
            {
                return None;
            }
            m = self.num(j + 1)? as u32;
            j = k;
        } else {
            // A bare number needs am/pm
            let k = j;
            if !(matches!(self.w(k), "am" | "pm")
                || (matches!(self.w(k), "a" | "p") && self.is(k + 1, ".") && self.is(k + 2, "m"))
                || (self.is(k, "o") && self.is(k + 1, "'") && self.is(k + 2, "clock")))
            {
                return None;
            }
        }
        Some(ClockRead {
            h: n as u32,
            m,
            j,
            tz_needed: false,
        })
    }

    /// "am", "p.m.", "o'clock" at `j`: the hour on the 24-hour clock, whether
    /// it was pm (`None`: not said), and the index after.
    fn meridiem(&self, h: u32, j: usize) -> Option<(u32, Option<bool>, usize)> {
        let (mut h, mut j) = (h, j);
        let mut pm = None;
        match self.w(j) {
            "am" | "pm" => {
                pm = Some(self.is(j, "pm"));
                j = self.dot(j + 1);
            }
            "a" | "p" if self.is(j + 1, ".") && self.is(j + 2, "m") => {
                pm = Some(self.is(j, "p"));
                j = self.dot(j + 3);
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
        Some((h, pm, j))
    }

    /// The day a clock time names after it: "2 p.m. Thursday", "noon today",
    /// "10 a.m. on Friday", "10:30, Oct. 5"; and where the expression ends.
    fn attached_day(&self, i: usize, j: usize) -> (Option<NaiveDate>, usize) {
        let k = if self.is(j, "on") || self.is(j, ",") {
            j + 1
        } else {
            j
        };
        if let Some((wd, k2)) = self.weekday_at(k) {
            return (Some(self.resolve_weekday(wd, i, k2)), k2);
        }
        if let Some(c) = self
            .m_calendar(k)
            .filter(|c| matches!(c.pt, Some(Pt::Day(_))))
        {
            return (c.pt.and_then(|p| p.day()), c.e);
        }
        match self.w(k) {
            "today" | "tonight" => (Some(self.dct), k + 1),
            "tomorrow" => (self.dct.succ_opt(), k + 1),
            "yesterday" => (self.dct.pred_opt(), k + 1),
            _ => (None, j),
        }
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
