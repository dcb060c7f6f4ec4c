//! Sets (recurring times): "every week", "daily", "$5 a year", "each July",
//! "on Mondays", "Tuesday nights".

use crate::timex::calendar::{duration_parts, format_duration, Unit};
use crate::timex::lexicon::{part_of_day, small_number, unit_word, weekday_word};
use crate::timex::scanner::{cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    /// Sets: "every week", "each year", "daily", "annually", "a year" after an amount.
    pub(crate) fn m_set(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let v = match w {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" | "annual" if w != "annual" => "P1Y",
            "hourly" => "PT1H",
            "nightly" => "P1D",
            _ => "",
        };
        // "The Daily Express", "Weekly Standard": part of a name.
        if !v.is_empty() && self.cap(i) && self.cap(i + 1) && self.kind(i + 1) == Some(K::W) {
            return None;
        }
        if !v.is_empty() {
            return Some(cand_v(
                i,
                i + 1,
                TimexType::Set,
                v.into(),
                Anchoring::Explicit,
            ));
        }
        if matches!(w, "every" | "each" | "per" | "a") {
            let mut j = i + 1;
            let mut n = 1u64;
            if w == "every" {
                if let Some(m) = self
                    .num(j)
                    .or_else(|| small_number(self.w(j)).filter(|x| *x > 1).map(|x| x as i64))
                {
                    n = m as u64;
                    j += 1;
                } else if self.is(j, "other") {
                    n = 2;
                    j += 1;
                }
            }
            if let Some((u, plural)) = unit_word(self.w(j)) {
                if plural != (n > 1) || matches!(u, Unit::Weekend) && w == "a" {
                    return None;
                }
                if w == "a"
                    && matches!(
                        self.w(j + 1),
                        "ago"
                            | "earlier"
                            | "later"
                            | "before"
                            | "after"
                            | "from"
                            | "hence"
                            | "or"
                            | "and"
                    )
                {
                    return None;
                }
                if w == "a" {
                    // "$5 a year", "twice a week", "10 percent a year"
                    let prev = if i > 0 { self.w(i - 1) } else { "" };
                    let amount = i > 0
                        && (self.kind(i - 1) == Some(K::N)
                            || matches!(
                                prev,
                                "once"
                                    | "twice"
                                    | "times"
                                    | "percent"
                                    | "%"
                                    | "million"
                                    | "billion"
                                    | "thousand"
                                    | "dollars"
                                    | "cents"
                                    | "pounds"
                                    | "euros"
                                    | "yuan"
                                    | "barrels"
                                    | "tonnes"
                                    | "tons"
                                    | "trillion"
                            ));
                    if !amount || matches!(u, Unit::Second) {
                        return None;
                    }
                }
                let (num, cu) = duration_parts(Some(n * 2), u);
                return Some(cand_v(
                    i,
                    j + 1,
                    TimexType::Set,
                    format_duration(num, cu),
                    Anchoring::Explicit,
                ));
            }
            if w == "every" || w == "each" {
                if let Some((m, k)) = self.month_at(j) {
                    let v = format!("XXXX-{m:02}");
                    return Some(cand_v(i, k, TimexType::Set, v, Anchoring::Explicit));
                }
                if let Some((wd, k)) = self.weekday_at(j) {
                    let v = format!("XXXX-WXX-{}", wd.number_from_monday());
                    return Some(cand_v(i, k, TimexType::Set, v, Anchoring::Explicit));
                }
                if let Some(p) = part_of_day(self.w(j)) {
                    return Some(cand_v(
                        i,
                        j + 1,
                        TimexType::Set,
                        format!("TXX{}", p),
                        Anchoring::Explicit,
                    ));
                }
            }
        }
        // "on Mondays", "Tuesday nights": a weekday that recurs.
        if self.cap(i) && w.len() >= 7 {
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
            let wd = weekday_word(stem)?;
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
            return Some(cand_v(i, e, TimexType::Set, v, Anchoring::Explicit));
        }
        None
    }
}
