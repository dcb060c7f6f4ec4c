//! Holidays with fixed or computable dates: Christmas, New Year's Day,
//! Thanksgiving, Election Day...

use chrono::{Datelike, NaiveDate, Weekday};

use crate::timex::calendar::{ymd, Pt};
use crate::timex::lexicon::CHRISTMAS_THINGS;
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::Anchoring;

impl Tagger<'_> {
    /// Holidays with fixed or computable dates.
    pub(crate) fn m_holiday(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if !self.cap(i) {
            return None;
        }
        let (m, d, e): (u32, u32, usize) = match w {
            // "Christmas trees" and "Christmas cards" are things, not days.
            "christmas" if CHRISTMAS_THINGS.has(self.w(i + 1)) => {
                return None;
            }
            "christmas" => {
                if self.is(i + 1, "eve") {
                    (12, 24, i + 2)
                } else {
                    (12, 25, if self.is(i + 1, "day") { i + 2 } else { i + 1 })
                }
            }
            "new"
                if self.is(i + 1, "year")
                    && self.is(i + 2, "'")
                    && self.is(i + 3, "s")
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                if self.is(i + 4, "eve") {
                    (12, 31, i + 5)
                } else {
                    (1, 1, i + 5)
                }
            }
            "halloween" => (10, 31, i + 1),
            "valentine" if self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "day") => {
                (2, 14, i + 4)
            }
            "independence" if self.is(i + 1, "day") => (7, 4, i + 2),
            "thanksgiving" => (11, 0, if self.is(i + 1, "day") { i + 2 } else { i + 1 }),
            "election" if self.is(i + 1, "day") && self.cap(i + 1) => (11, 100, i + 2),
            _ => return None,
        };
        let date_in = |y: i32| -> Option<NaiveDate> {
            match d {
                0 => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
                100 => {
                    let first_mon = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
                    first_mon.succ_opt()
                }
                _ => ymd(y, m, d),
            }
        };
        // "on Christmas Eve in 2000", "New Year's Day 1997": the year given.
        let yk = if matches!(self.w(e), "in" | "of") {
            e + 1
        } else {
            e
        };
        if let Some((y, end)) = self.year_num(yk) {
            let dt = date_in(y)?;
            return Some(cand_pt(i, end, Pt::Day(dt), Anchoring::Explicit));
        }
        let y = self.dct.year();
        let this = date_in(y)?;
        // As for other dates without a year: the nearest occurrence unless the
        // tense points the other way.
        let tense = self.tense(i, e);
        let cost = |c: &NaiveDate| {
            let d = (*c - self.dct).num_days();
            let wrong = (tense == Tense::Past && d > 0) || (tense == Tense::Future && d < 0);
            d.abs() + if wrong { 400 } else { 0 }
        };
        let dt = [Some(this), date_in(y - 1), date_in(y + 1)]
            .into_iter()
            .flatten()
            .min_by_key(cost)
            .unwrap_or(this);
        Some(cand_pt(i, e, Pt::Day(dt), Anchoring::RelativeToDct))
    }
}
