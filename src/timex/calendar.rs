//! Values and calendar arithmetic: the points in time an expression can
//! denote (a day, a week, a quarter, a season, a decade...), their TIMEX3
//! values, shifting them by units, their inclusive windows, and TIMEX3
//! duration values.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::{Granularity, TimexType};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Pt {
    Day(NaiveDate),
    Part(NaiveDate, &'static str),
    Clock(NaiveDate, u32, u32),
    Week(NaiveDate),    // the Monday
    Weekend(NaiveDate), // the Monday of the week
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, u8),
    Year(i32),
    Decade(i32),
    Century(i32),
}

pub(crate) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

pub(crate) fn shift_date(d: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Month | Unit::Quarter | Unit::Half | Unit::Year | Unit::Decade | Unit::Century => {
            let k = n.checked_mul(match u {
                Unit::Month => 1,
                Unit::Quarter => 3,
                Unit::Half => 6,
                Unit::Year => 12,
                Unit::Decade => 120,
                _ => 1200,
            })?;
            if k.unsigned_abs() > 12 * 5000 {
                return None;
            }
            if k >= 0 {
                d.checked_add_months(Months::new(k as u32))
            } else {
                d.checked_sub_months(Months::new((-k) as u32))
            }
        }
    }
}

impl Pt {
    pub(crate) fn start(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) | Pt::Week(d) => Some(d),
            Pt::Weekend(d) => Some(d + Duration::days(5)),
            Pt::Month(y, m) => ymd(y, m, 1),
            Pt::Quarter(y, q) => ymd(y, q * 3 - 2, 1),
            Pt::Half(y, h) => ymd(y, h * 6 - 5, 1),
            Pt::Season(y, s) => ymd(y, [3, 6, 9, 12][s as usize % 4], 1),
            Pt::Year(y) => ymd(y, 1, 1),
            Pt::Decade(y) => ymd(y * 10, 1, 1),
            Pt::Century(c) => ymd(c * 100, 1, 1),
        }
    }

    pub(crate) fn unit(&self) -> Unit {
        match self {
            Pt::Day(_) | Pt::Part(..) | Pt::Clock(..) => Unit::Day,
            Pt::Week(_) => Unit::Week,
            Pt::Weekend(_) => Unit::Weekend,
            Pt::Month(..) => Unit::Month,
            Pt::Quarter(..) => Unit::Quarter,
            Pt::Half(..) => Unit::Half,
            Pt::Season(..) => Unit::Quarter,
            Pt::Year(_) => Unit::Year,
            Pt::Decade(_) => Unit::Decade,
            Pt::Century(_) => Unit::Century,
        }
    }

    /// The point of the same granularity `n` units of `u` away.
    pub(crate) fn shift(&self, u: Unit, n: i64) -> Option<Pt> {
        if let Pt::Season(y, s) = *self {
            return match u {
                Unit::Year => Some(Pt::Season(y.checked_add(n as i32)?, s)),
                _ => {
                    let idx = y as i64 * 4 + s as i64 + n * if u == Unit::Half { 2 } else { 1 };
                    Some(Pt::Season(
                        idx.div_euclid(4) as i32,
                        idx.rem_euclid(4) as u8,
                    ))
                }
            };
        }
        let d = shift_date(self.start()?, u, n)?;
        Some(project(self.unit(), d))
    }

    pub(crate) fn value(&self) -> String {
        match *self {
            Pt::Day(d) => d.format("%Y-%m-%d").to_string(),
            Pt::Part(d, p) => format!("{}T{}", d.format("%Y-%m-%d"), p),
            Pt::Clock(d, h, m) => format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), h, m),
            Pt::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Pt::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Pt::Month(y, m) => format!("{y:04}-{m:02}"),
            Pt::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Pt::Half(y, h) => format!("{y:04}-H{h}"),
            Pt::Season(y, s) => format!("{:04}-{}", y, SEASONS[s as usize % 4]),
            Pt::Year(y) => format!("{y:04}"),
            Pt::Decade(y) => format!("{y:03}X"),
            Pt::Century(c) => format!("{c:02}"),
        }
    }

    pub(crate) fn ttype(&self) -> TimexType {
        match self {
            Pt::Part(..) | Pt::Clock(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }

    pub(crate) fn day(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }
}

pub(crate) fn project(u: Unit, d: NaiveDate) -> Pt {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Pt::Day(d),
        Unit::Week => Pt::Week(monday(d)),
        Unit::Weekend => Pt::Weekend(monday(d)),
        Unit::Month => Pt::Month(d.year(), d.month()),
        Unit::Quarter => Pt::Quarter(d.year(), d.month0() / 3 + 1),
        Unit::Half => Pt::Half(d.year(), d.month0() / 6 + 1),
        Unit::Year => Pt::Year(d.year()),
        Unit::Decade => Pt::Decade(d.year().div_euclid(10)),
        Unit::Century => Pt::Century(d.year().div_euclid(100)),
    }
}

pub(crate) fn end_of(p: Pt) -> Option<NaiveDate> {
    let next = match p {
        Pt::Day(d) | Pt::Part(d, _) | Pt::Clock(d, _, _) => return Some(d),
        Pt::Week(d) | Pt::Weekend(d) => return Some(d + Duration::days(6)),
        Pt::Season(..) => shift_date(p.start()?, Unit::Month, 3)?,
        _ => shift_date(p.start()?, p.unit(), 1)?,
    };
    next.pred_opt()
}

pub(crate) fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

pub(crate) fn parse_value(v: &str) -> Option<(Granularity, NaiveDate, NaiveDate)> {
    let (date, time) = match v.find('T') {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let y = parts[0];
    let (g, p) = if parts.len() == 1 {
        match y.len() {
            4 if y.ends_with('X') => (Granularity::Decade, Pt::Decade(digits(&y[..3])? as i32)),
            4 => (Granularity::Year, Pt::Year(digits(y)? as i32)),
            2 => (Granularity::Century, Pt::Century(digits(y)? as i32)),
            _ => return None,
        }
    } else {
        if y.len() != 4 {
            return None;
        }
        let yy = digits(y)? as i32;
        let p1 = parts[1];
        if parts.len() == 2 {
            if let Some(s) = SEASONS.iter().position(|s| *s == p1) {
                (Granularity::Season, Pt::Season(yy, s as u8))
            } else if let Some(q) = p1.strip_prefix('Q') {
                (
                    Granularity::Quarter,
                    Pt::Quarter(yy, digits(q).filter(|q| (1..=4).contains(q))? as u32),
                )
            } else if let Some(h) = p1.strip_prefix('H') {
                (
                    Granularity::Quarter,
                    Pt::Half(yy, digits(h).filter(|q| (1..=2).contains(q))? as u32),
                )
            } else if let Some(w) = p1.strip_prefix('W') {
                let w = digits(w)? as u32;
                let d = NaiveDate::from_isoywd_opt(yy, w, Weekday::Mon)?;
                (Granularity::Week, Pt::Week(d))
            } else {
                let m = digits(p1).filter(|m| (1..=12).contains(m))? as u32;
                (Granularity::Month, Pt::Month(yy, m))
            }
        } else if let Some(w) = p1.strip_prefix('W') {
            let d = NaiveDate::from_isoywd_opt(yy, digits(w)? as u32, Weekday::Mon)?;
            if parts[2] == "WE" {
                (Granularity::Week, Pt::Weekend(d))
            } else {
                return None;
            }
        } else {
            let m = digits(p1)? as u32;
            let d = ymd(yy, m, digits(parts[2])? as u32)?;
            let g = if time.is_some() {
                Granularity::TimeOfDay
            } else {
                Granularity::Day
            };
            (g, Pt::Day(d))
        }
    };
    Some((g, p.start()?, end_of(p)?))
}

/// (year, season) of a date under the meteorological convention.
pub(crate) fn season_of(d: NaiveDate) -> (i32, u8) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DurUnit {
    S,
    Min,
    H,
    D,
    W,
    M,
    Q,
    Y,
}

pub(crate) fn duration_parts(q: Option<u64>, u: Unit) -> (Option<u64>, (DurUnit, u64)) {
    let cu = match u {
        Unit::Second => (DurUnit::S, 1),
        Unit::Minute => (DurUnit::Min, 1),
        Unit::Hour => (DurUnit::H, 1),
        Unit::Day => (DurUnit::D, 1),
        Unit::Week => (DurUnit::W, 1),
        Unit::Weekend => (DurUnit::D, 2),
        Unit::Month => (DurUnit::M, 1),
        Unit::Quarter => (DurUnit::Q, 1),
        Unit::Half => (DurUnit::M, 6),
        Unit::Year => (DurUnit::Y, 1),
        Unit::Decade => (DurUnit::Y, 10),
        Unit::Century => (DurUnit::Y, 100),
    };
    (q, cu)
}

/// Formats a duration of `halves`/2 units (`None`: unknown amount, "PXY").
pub(crate) fn format_duration(halves: Option<u64>, (u, mult): (DurUnit, u64)) -> String {
    let letter = match u {
        DurUnit::S => "S",
        DurUnit::Min => "M",
        DurUnit::H => "H",
        DurUnit::D => "D",
        DurUnit::W => "W",
        DurUnit::M => "M",
        DurUnit::Q => "Q",
        DurUnit::Y => "Y",
    };
    let t = if matches!(u, DurUnit::S | DurUnit::Min | DurUnit::H) {
        "T"
    } else {
        ""
    };
    let Some(h) = halves else {
        if mult == 10 {
            return "PXDE".into();
        }
        if mult == 100 {
            return "PXCE".into();
        }
        return format!("P{t}X{letter}");
    };
    let h = h.saturating_mul(mult);
    if h % 2 == 0 {
        return format!("P{}{}{}", t, h / 2, letter);
    }
    // A half unit: spell it in the next smaller unit.
    let whole = h / 2;
    match u {
        DurUnit::Y => format!("P{whole}Y6M").replace("P0Y", "P"),
        DurUnit::M => format!("P{whole}M15D").replace("P0M", "P"),
        DurUnit::D => format!("P{whole}DT12H").replace("P0D", "P"),
        DurUnit::H => format!("PT{whole}H30M").replace("PT0H", "PT"),
        DurUnit::Min => format!("PT{whole}M30S").replace("PT0M", "PT"),
        _ => format!("P{whole}.5{letter}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::window;
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn windows() {
        assert_eq!(
            window("2025-W43"),
            Some((date("2025-10-20"), date("2025-10-26")))
        );
        assert_eq!(
            window("2025-08"),
            Some((date("2025-08-01"), date("2025-08-31")))
        );
        assert_eq!(
            window("199X"),
            Some((date("1990-01-01"), date("1999-12-31")))
        );
        assert_eq!(
            window("2025-Q3"),
            Some((date("2025-07-01"), date("2025-09-30")))
        );
        assert_eq!(
            window("2025-WI"),
            Some((date("2025-12-01"), date("2026-02-28")))
        );
        assert_eq!(
            window("2025-10-16T14:00"),
            Some((date("2025-10-16"), date("2025-10-16")))
        );
        assert_eq!(window("19"), Some((date("1900-01-01"), date("1999-12-31"))));
        assert_eq!(window("PRESENT_REF"), None);
        assert_eq!(window("XXXX-10-16"), None);
        assert_eq!(window("P3D"), None);
    }
}
