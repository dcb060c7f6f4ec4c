//! Units, weekdays, months and seasons relative to the reference date or to the
//! date under discussion: "next week", "last Friday", "the following day", "that
//! year", "the year-ago quarter", "the current fiscal year", "the weekend".

use chrono::{Datelike, Duration};

use crate::timex::calendar::{monday, project, season_of, shift_date, ymd, Pt, Unit};
use crate::timex::lexicon::{part_of_day, season_word, unit_word, AWARD_NOUNS};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    /// this/last/next/past/coming/previous/following + unit, weekday, month or season.
    pub(crate) fn m_relative(&self, i: usize) -> Option<Cand> {
        let (s, j0) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j0);
        let the = j0 > s;
        let dir: i64 = match w {
            "this" | "current" | "present" if !the || w != "this" => 0,
            "last" | "past" | "previous" | "preceding" | "latest" | "prior" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            "that" | "same" => 99,
            _ => return None,
        };
        let j = j0 + 1;
        // "This Week" in title case is a programme or a headline, not a week.
        if self.cap(j)
            && unit_word(self.w(j)).is_some()
            && !self.raw(j).bytes().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        let dct = self.dct;
        let rel = Anchoring::RelativeToDct;
        // "the following day", "the next day", "the previous week": anaphoric
        let anaphoric = the
            && matches!(w, "following" | "previous" | "preceding" | "next" | "same")
            || w == "that"
            || w == "same";
        if let Some((u, plural)) = unit_word(self.w(j)) {
            if plural {
                return None;
            }
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            if w == "latest" && u != Unit::Quarter {
                return None;
            }
            if matches!(w, "present") {
                return None;
            }
            // "the past decade" is the stretch of ten years up to now.
            if u == Unit::Decade && w == "past" {
                return Some(cand_v(
                    s,
                    j + 1,
                    TimexType::Duration,
                    "P10Y".into(),
                    Anchoring::Explicit,
                ));
            }
            let (base, anch) = if anaphoric {
                match self.last {
                    Some(p) => (p, Anchoring::RelativeToDate),
                    None => (Pt::Day(dct), rel),
                }
            } else {
                (Pt::Day(dct), rel)
            };
            let base_d = base.start()?;
            let n = if dir == 99 { 0 } else { dir };
            // the last/past year = the previous calendar year (TimeBank practice)
            let pt = match u {
                Unit::Weekend => {
                    let m = monday(base_d);
                    let m = if n == 0
                        && !anaphoric
                        && dct.weekday().num_days_from_monday() < 2
                        && self.tense(s, j + 1) == Tense::Past
                    {
                        m - Duration::days(7)
                    } else {
                        m
                    };
                    Pt::Weekend(m + Duration::days(7 * n))
                }
                _ => {
                    if anaphoric && u == Unit::Day && base.day().is_none() {
                        // "that day" after "last year": we do not know the day.
                        return None;
                    }
                    project(u, shift_date(base_d, u, n)?)
                }
            };
            let mut c = cand_pt(s, j + 1, pt, anch);
            if !the && w == "this" && u == Unit::Day {
                return None;
            }
            // "the last week" said of a stretch of days is still a DATE here.
            c.s = s;
            return Some(c);
        }
        if dir == 99 {
            return None;
        }
        // last Friday / next Friday / this Friday
        if let Some((wd, k)) = self.weekday_at(j) {
            // "the previous Friday", "the following Monday": around the date under discussion.
            if the {
                let (base, anch) = match self.last.and_then(|p| p.day()) {
                    Some(d) => (d, Anchoring::RelativeToDate),
                    None => (dct, rel),
                };
                let back = (7 + base.weekday().num_days_from_monday() as i64
                    - wd.num_days_from_monday() as i64)
                    % 7;
                let d = match dir {
                    -1 => base - Duration::days(if back == 0 { 7 } else { back }),
                    1 => base + Duration::days(if back == 0 { 7 } else { 7 - back }),
                    _ => return None,
                };
                return Some(cand_pt(s, k, Pt::Day(d), anch));
            }
            let back = (7 + dct.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                % 7;
            let d = match dir {
                -1 => dct - Duration::days(if back == 0 { 7 } else { back }),
                1 => dct + Duration::days(if back == 0 { 7 } else { 7 - back }),
                _ => monday(dct) + Duration::days(wd.num_days_from_monday() as i64),
            };
            if let Some(p) = part_of_day(self.w(k)) {
                return Some(cand_pt(s, k + 1, Pt::Part(d, p), rel));
            }
            return Some(cand_pt(s, k, Pt::Day(d), rel));
        }
        // last August
        if let Some((m, k)) = self.month_at(j) {
            if the {
                return None;
            }
            // "last Oct. 23": the latest such day before the DCT
            if let Some((d, k2)) = self.day_num(k) {
                let this = ymd(dct.year(), m, d)?;
                let dt = match dir {
                    -1 if this >= dct => ymd(dct.year() - 1, m, d)?,
                    1 if this <= dct => ymd(dct.year() + 1, m, d)?,
                    _ => this,
                };
                return Some(cand_pt(s, k2, Pt::Day(dt), rel));
            }
            let y = dct.year();
            let dm = dct.month();
            let yy = match dir {
                // "last February" said in March is a year back: the month
                // just ended would be "last month".
                -1 => {
                    if m + 1 < dm {
                        y
                    } else {
                        y - 1
                    }
                }
                1 => {
                    if m > dm {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            return Some(cand_pt(s, k, Pt::Month(yy, m), rel));
        }
        // last summer
        if let Some(se) = season_word(self.w(j)) {
            let cur = season_of(dct);
            let y = dct.year();
            let pt = match dir {
                0 => Pt::Season(y, se),
                -1 => {
                    if se < cur.1 && cur.0 == y {
                        Pt::Season(y, se)
                    } else {
                        Pt::Season(y - 1, se)
                    }
                }
                _ => {
                    if se > cur.1 && cur.0 == y {
                        Pt::Season(y, se)
                    } else {
                        Pt::Season(y + 1, se)
                    }
                }
            };
            return Some(cand_pt(s, j + 1, pt, rel));
        }
        None
    }

    /// "the quarter", "the latest quarter", "the year-ago quarter", "year-earlier",
    /// "the full year", "the current fiscal year", "the week", "the weekend".
    pub(crate) fn m_the_unit(&self, i: usize) -> Option<Cand> {
        let the = self.is(i, "the");
        let rel = Anchoring::RelativeToDct;
        let mut j = if the { i + 1 } else { i };
        // year-ago / year-earlier: the period under discussion, a year back.
        if self.is(j, "comparable") || self.is(j, "corresponding") {
            j += 1;
        }
        if self.is(j, "year") && self.is(j + 1, "-") && matches!(self.w(j + 2), "ago" | "earlier") {
            let mut e = j + 3;
            if matches!(self.w(e), "quarter" | "period") {
                e += 1;
            } else if the {
                return None;
            }
            let pt = match self.last {
                Some(p @ Pt::Quarter(..)) | Some(p @ Pt::Half(..)) => p.shift(Unit::Year, -1)?,
                _ if self.w(e - 1) == "quarter" => project(Unit::Quarter, self.dct)
                    .shift(Unit::Quarter, -1)?
                    .shift(Unit::Year, -1)?,
                _ => Pt::Year(self.dct.year() - 1),
            };
            let mut c = cand_pt(i, e, pt, Anchoring::RelativeToDate);
            c.no_ref = true;
            return Some(c);
        }
        if !the {
            return None;
        }
        let mut qual = "";
        if matches!(
            self.w(j),
            "latest" | "recent" | "current" | "full" | "entire" | "whole" | "same" | "comparable"
        ) {
            qual = self.w(j);
            j += 1;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let w = self.w(j);
        let next_w = self.w(j + 1);
        // "the year's", "the week ahead" and "the year of the dragon" stay out.
        if matches!(
            next_w,
            "of" | "'"
                | "ahead"
                | "before"
                | "after"
                | "earlier"
                | "later"
                | "-"
                | "ago"
                | "when"
                | "that"
                | "in"
        ) && qual.is_empty()
        {
            return None;
        }
        let e = j + 1;
        if w == "year" && qual.is_empty() && !self.is(e, "the") {
            if let Some(c) = self.m_year(e).filter(|c| matches!(c.pt, Some(Pt::Year(_)))) {
                return Some(Cand { s: i, ..c });
            }
        }
        // "the year ended Sept. 30": a fiscal year as a stretch of time.
        if w == "year"
            && matches!(self.w(e), "ended" | "ending" | "ends" | "through" | "to")
            && matches!(qual, "" | "fiscal")
        {
            return Some(cand_v(
                i,
                e,
                TimexType::Duration,
                "P1Y".into(),
                Anchoring::Explicit,
            ));
        }
        let pt = match w {
            "quarter" | "period" => {
                if w == "period"
                    && !matches!(
                        qual,
                        "latest" | "recent" | "current" | "same" | "comparable"
                    )
                {
                    return None;
                }
                match (qual, self.last) {
                    ("current", _) => project(Unit::Quarter, self.dct),
                    // The quarter under discussion, else the last one begun before the DCT's.
                    (_, Some(p @ Pt::Quarter(..)))
                        if qual != "latest" || self.last_is_recent_quarter() =>
                    {
                        p
                    }
                    _ => project(Unit::Quarter, self.dct).shift(Unit::Quarter, -1)?,
                }
            }
            // "player of the year" is an award, not a date.
            "year"
                if qual.is_empty()
                    && i > 1
                    && self.is(i - 1, "of")
                    && AWARD_NOUNS.has(self.w(i - 2)) =>
            {
                return None;
            }
            "year" => match qual {
                "latest" => Pt::Year(self.dct.year() - 1),
                "" => match self.last {
                    Some(Pt::Year(y)) => Pt::Year(y),
                    _ => Pt::Year(self.dct.year()),
                },
                "same" => match self.last {
                    Some(p) => project(Unit::Year, p.start()?),
                    None => return None,
                },
                _ => Pt::Year(self.dct.year()),
            },
            "month" => match self.last {
                Some(p @ Pt::Month(..)) if qual.is_empty() => p,
                _ => project(Unit::Month, self.dct),
            },
            "week" if qual.is_empty() || qual == "same" => match self.last.and_then(|p| p.day()) {
                Some(d) => Pt::Week(monday(d)),
                None => Pt::Week(monday(self.dct)),
            },
            "weekend" if qual.is_empty() => {
                let m = monday(self.dct);
                let m = match self.tense(i, e) {
                    Tense::Future => m,
                    _ if self.dct.weekday().num_days_from_monday() >= 5 => m,
                    _ => m - Duration::days(7),
                };
                Pt::Weekend(m)
            }
            _ => return None,
        };
        Some(cand_pt(i, e, pt, rel))
    }

    pub(crate) fn last_is_recent_quarter(&self) -> bool {
        matches!(self.last, Some(Pt::Quarter(..)))
    }
}
