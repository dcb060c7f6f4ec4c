//! Sets (recurring times): "every week", "daily", "$5 a year", "each July",
//! "on Mondays", "Tuesday nights".

use crate::timex::calendar::{duration_parts, format_duration, Unit};
use crate::timex::lexicon::{
    part_of_day, set_adverb, small_number, unit_word, weekday_name, RATES_SETS,
};
use crate::timex::scanner::{cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

/// A SET with an explicit value.
fn set(s: usize, e: usize, value: String) -> Cand {
    cand_v(s, e, TimexType::Set, value, Anchoring::Explicit)
}

impl Tagger<'_> {
    /// Sets: "every week", "each year", "daily", "annually", "a year" after an amount.
    pub(crate) fn m_set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if let Some(v) = set_adverb(w) {
            // "The Daily Express", "Weekly Standard": part of a name.
            if self.cap(i) && self.cap(i + 1) && self.kind(i + 1) == Some(K::W) {
                return None;
            }
            return Some(set(i, i + 1, v.into()));
        }
        if matches!(w, "every" | "each" | "per" | "a") {
            let (n, j) = self.set_count(i);
            if let Some((u, plural)) = unit_word(self.w(j)) {
                return self.unit_set(i, j, n, u, plural);
            }
            if matches!(w, "every" | "each") {
                if let Some(c) = self.calendar_set(i, j) {
                    return Some(c);
                }
            }
            return None;
        }
        self.recurring_weekday(i)
    }

    /// How many units apart the recurrences are ("every two weeks", "every
    /// other day"), and the index of the unit.
    fn set_count(&self, i: usize) -> (u64, usize) {
        let j = i + 1;
        if !self.is(i, "every") {
            return (1, j);
        }
        if let Some(m) = self
            .num(j)
            .or_else(|| small_number(self.w(j)).filter(|x| *x > 1).map(|x| x as i64))
        {
            return (m as u64, j + 1);
        }
        if self.is(j, "other") {
            return (2, j + 1);
        }
        (1, j)
    }

    /// "every week", "every two years", "per day", "$5 a year", "twice a week".
    fn unit_set(&self, i: usize, j: usize, n: u64, u: Unit, plural: bool) -> Option<Cand> {
        let w = self.w(i);
        if plural != (n > 1) || matches!(u, Unit::Weekend) && w == "a" {
            return None;
        }
        if w == "a" {
            // "a year ago", "a day or two" measure, they do not recur.
            if matches!(
                self.w(j + 1),
                "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence" | "or" | "and"
            ) {
                return None;
            }
            // "$5 a year", "twice a week", "10 percent a year"
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let amount = i > 0 && (self.kind(i - 1) == Some(K::N) || RATES_SETS.has(prev));
            if !amount || matches!(u, Unit::Second) {
                return None;
            }
        }
        let (num, cu) = duration_parts(Some(n * 2), u);
        Some(set(i, j + 1, format_duration(num, cu)))
    }

    /// "each July", "every Monday", "every morning".
    fn calendar_set(&self, i: usize, j: usize) -> Option<Cand> {
        if let Some((m, k)) = self.month_at(j) {
            return Some(set(i, k, format!("XXXX-{m:02}")));
        }
        if let Some((wd, k)) = self.weekday_at(j) {
            return Some(set(i, k, format!("XXXX-WXX-{}", wd.number_from_monday())));
        }
        let p = part_of_day(self.w(j))?;
        Some(set(i, j + 1, format!("TXX{p}")))
    }

    /// "on Mondays", "Tuesday nights": a weekday that recurs.
    fn recurring_weekday(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if !(self.cap(i) && w.len() >= 7) {
            return None;
        }
        let (stem, e) = match w.strip_suffix('s') {
            Some(stem) => (stem, i + 1),
            None if matches!(
                self.w(i + 1),
                "nights" | "mornings" | "evenings" | "afternoons"
            ) =>
            {
                (w, i + 2)
            }
            None => return None,
        };
        let wd = weekday_name(stem)?;
        let part = if e == i + 2 {
            part_of_day(self.w(i + 1).trim_end_matches('s')).unwrap_or("")
        } else {
            ""
        };
        let v = format!(
            "XXXX-WXX-{}{}{}",
            wd.number_from_monday(),
            if part.is_empty() { "" } else { "T" },
            part
        );
        Some(set(i, e, v))
    }
}
