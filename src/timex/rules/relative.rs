//! Units, weekdays, months and seasons relative to the reference date or to the
//! date under discussion: "next week", "last Friday", "the following day", "that
//! year", "the year-ago quarter", "the current fiscal year", "the weekend".

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::timex::calendar::{monday, project, season_of, shift_date, ymd, Pt, Unit};
use crate::timex::lexicon::{part_of_day, season_word, unit_word, AWARD_NOUNS};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::{Anchoring, TimexType};

/// A relative word and what follows it: "[the] [following] day", "[last] Friday".
struct Relative<'t> {
    /// Start of the expression.
    s: usize,
    the: bool,
    /// "last", "next", "this", "following", "that"...
    w: &'t str,
    /// -1 back, 1 ahead, 0 this one; `None` for "that"/"same": the one under discussion.
    dir: Option<i64>,
    /// Anchored on the date under discussion rather than the reference date.
    anaphoric: bool,
    /// The token after the relative word.
    j: usize,
}

impl Tagger<'_> {
    /// this/last/next/past/coming/previous/following + unit, weekday, month or season.
    pub(crate) fn m_relative(&self, i: usize) -> Option<Cand> {
        let r = self.relative_word(i)?;
        if let Some((u, plural)) = unit_word(self.w(r.j)) {
            return self.relative_unit(&r, u, plural);
        }
        // "that Friday", "the same August": not handled.
        let dir = r.dir?;
        if let Some((wd, k)) = self.weekday_at(r.j) {
            return self.relative_weekday(&r, dir, wd, k);
        }
        if let Some((m, k)) = self.month_at(r.j) {
            return self.relative_month(&r, dir, m, k);
        }
        let se = season_word(self.w(r.j))?;
        Some(self.relative_season(&r, dir, se))
    }

    /// The relative word at `i` ("last", "the following", "that") and the
    /// token after it.
    fn relative_word(&self, i: usize) -> Option<Relative<'_>> {
        let the = self.is(i, "the");
        let w = self.w(if the { i + 1 } else { i });
        let dir = match w {
            "this" | "current" | "present" if !the || w != "this" => Some(0),
            "last" | "past" | "previous" | "preceding" | "latest" | "prior" => Some(-1),
            "next" | "coming" | "following" | "upcoming" => Some(1),
            "that" | "same" => None,
            _ => return None,
        };
        let j = if the { i + 2 } else { i + 1 };
        // "This Week" in title case is a programme or a headline, not a week.
        if self.cap(j)
            && unit_word(self.w(j)).is_some()
            && !self.raw(j).bytes().all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        // "the following day", "the next day", "the previous week": anaphoric
        let anaphoric = the
            && matches!(w, "following" | "previous" | "preceding" | "next" | "same")
            || w == "that"
            || w == "same";
        Some(Relative {
            s: i,
            the,
            w,
            dir,
            anaphoric,
            j,
        })
    }

    /// "next week", "last month", "this year", "the following day", "that week".
    fn relative_unit(&self, r: &Relative, u: Unit, plural: bool) -> Option<Cand> {
        let (s, j, w) = (r.s, r.j, r.w);
        if plural
            || matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
            || (w == "latest" && u != Unit::Quarter)
            || w == "present"
            // "this day" is not how news says "today".
            || (!r.the && w == "this" && u == Unit::Day)
        {
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
        let dct = self.dct;
        let (base, anch) = match self.last {
            Some(p) if r.anaphoric => (p, Anchoring::RelativeToDate),
            _ => (Pt::Day(dct), Anchoring::RelativeToDct),
        };
        let base_d = base.start()?;
        let n = r.dir.unwrap_or(0);
        // the last/past year = the previous calendar year (TimeBank practice)
        let pt = match u {
            Unit::Weekend => {
                // "this weekend" told on a Monday or Tuesday in the past tense:
                // the one just gone.
                let m = monday(base_d);
                let m = if n == 0
                    && !r.anaphoric
                    && dct.weekday().num_days_from_monday() < 2
                    && self.tense(s, j + 1) == Tense::Past
                {
                    m - Duration::days(7)
                } else {
                    m
                };
                Pt::Weekend(m + Duration::days(7 * n))
            }
            // "that day" after "last year": we do not know the day.
            Unit::Day if r.anaphoric && base.day().is_none() => return None,
            _ => project(u, shift_date(base_d, u, n)?),
        };
        // "the last week" said of a stretch of days is still a DATE here.
        Some(cand_pt(s, j + 1, pt, anch))
    }

    /// "last Friday", "next Friday", "this Friday"; "the previous Friday",
    /// "the following Monday" around the date under discussion.
    fn relative_weekday(&self, r: &Relative, dir: i64, wd: Weekday, k: usize) -> Option<Cand> {
        let (s, dct) = (r.s, self.dct);
        let back_from = |base: NaiveDate| {
            (7 + base.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64)
                % 7
        };
        if r.the {
            let (base, anch) = match self.last.and_then(|p| p.day()) {
                Some(d) => (d, Anchoring::RelativeToDate),
                None => (dct, Anchoring::RelativeToDct),
            };
            let back = back_from(base);
            let d = match dir {
                -1 => base - Duration::days(if back == 0 { 7 } else { back }),
                1 => base + Duration::days(if back == 0 { 7 } else { 7 - back }),
                _ => return None,
            };
            return Some(cand_pt(s, k, Pt::Day(d), anch));
        }
        let back = back_from(dct);
        let d = match dir {
            -1 => dct - Duration::days(if back == 0 { 7 } else { back }),
            1 => dct + Duration::days(if back == 0 { 7 } else { 7 - back }),
            _ => monday(dct) + Duration::days(wd.num_days_from_monday() as i64),
        };
        let rel = Anchoring::RelativeToDct;
        if let Some(p) = part_of_day(self.w(k)) {
            return Some(cand_pt(s, k + 1, Pt::Part(d, p), rel));
        }
        Some(cand_pt(s, k, Pt::Day(d), rel))
    }

    /// "last August", "next March", "last Oct. 23".
    fn relative_month(&self, r: &Relative, dir: i64, m: u32, k: usize) -> Option<Cand> {
        if r.the {
            return None;
        }
        let (s, dct) = (r.s, self.dct);
        let rel = Anchoring::RelativeToDct;
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
            -1 if m + 1 < dm => y,
            -1 => y - 1,
            1 if m > dm => y,
            1 => y + 1,
            _ => y,
        };
        Some(cand_pt(s, k, Pt::Month(yy, m), rel))
    }

    /// "last summer", "next winter", "this spring".
    fn relative_season(&self, r: &Relative, dir: i64, se: u8) -> Cand {
        let dct = self.dct;
        let cur = season_of(dct);
        let y = dct.year();
        let pt = match dir {
            0 => Pt::Season(y, se),
            -1 if se < cur.1 && cur.0 == y => Pt::Season(y, se),
            -1 => Pt::Season(y - 1, se),
            _ if se > cur.1 && cur.0 == y => Pt::Season(y, se),
            _ => Pt::Season(y + 1, se),
        };
        cand_pt(r.s, r.j + 1, pt, Anchoring::RelativeToDct)
    }

    /// The year "this", "last" or "next" year names.
    pub(crate) fn relative_year(&self, w: &str) -> i32 {
        self.dct.year()
            + match w {
                "last" => -1,
                "next" => 1,
                _ => 0,
            }
    }

    /// "the quarter", "the latest quarter", "the year-ago quarter", "year-earlier",
    /// "the full year", "the current fiscal year", "the week", "the weekend".
    pub(crate) fn m_the_unit(&self, i: usize) -> Option<Cand> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        if self.is(j, "comparable") || self.is(j, "corresponding") {
            j += 1;
        }
        if self.is(j, "year") && self.is(j + 1, "-") && matches!(self.w(j + 2), "ago" | "earlier") {
            return self.year_ago(i, j, the);
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
        // "the year's", "the week ahead" and "the year of the dragon" stay out.
        if qual.is_empty()
            && matches!(
                self.w(j + 1),
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
            )
        {
            return None;
        }
        let e = j + 1;
        if w == "year" && qual.is_empty() {
            if let Some(c) = self.the_year(i, e) {
                return Some(c);
            }
        }
        let pt = self.unit_under_discussion(i, e, w, qual)?;
        Some(cand_pt(i, e, pt, Anchoring::RelativeToDct))
    }

    /// No sentence ends between tokens `a` and `b`.
    pub(crate) fn same_sentence(&self, a: usize, b: usize) -> bool {
        !(a..b).any(|k| self.sentence_break(k))
    }

    /// "year-ago", "the year-earlier quarter": the period under discussion, a
    /// year back.
    fn year_ago(&self, i: usize, j: usize, the: bool) -> Option<Cand> {
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
        Some(c)
    }

    /// "the year 1990"; "the year ended Sept. 30" (a fiscal year as a stretch
    /// of time). `e` follows "year".
    fn the_year(&self, i: usize, e: usize) -> Option<Cand> {
        if !self.is(e, "the") {
            if let Some(c) = self.m_year(e).filter(|c| matches!(c.pt, Some(Pt::Year(_)))) {
                return Some(Cand { s: i, ..c });
            }
        }
        matches!(self.w(e), "ended" | "ending" | "ends" | "through" | "to")
            .then(|| cand_v(i, e, TimexType::Duration, "P1Y".into(), Anchoring::Explicit))
    }

    /// The quarter, year, month, week or weekend under discussion, else the
    /// one the reference date is in (or the last one before it).
    pub(crate) fn unit_under_discussion(
        &self,
        i: usize,
        e: usize,
        w: &str,
        qual: &str,
    ) -> Option<Pt> {
        let dct = self.dct;
        Some(match w {
            "period"
                if !matches!(
                    qual,
                    "latest" | "recent" | "current" | "same" | "comparable"
                ) =>
            {
                return None;
            }
            "quarter" | "period" => match (qual, self.last) {
                ("current", _) => project(Unit::Quarter, dct),
                // The quarter under discussion, else the last one begun before the DCT's.
                (_, Some(p @ Pt::Quarter(..))) => p,
                _ => project(Unit::Quarter, dct).shift(Unit::Quarter, -1)?,
            },
            // "player of the year" is an award, not a date.
            "year"
                if qual.is_empty()
                    && i > 1
                    && self.is(i - 1, "of")
                    && AWARD_NOUNS.has(self.w(i - 2)) =>
            {
                return None;
            }
            "year" => match (qual, self.last) {
                ("latest", _) => Pt::Year(dct.year() - 1),
                // "In 2013, the year RateBeer declared": the year of the
                // sentence; a year told sentences before is "the year"
                // under discussion only if recent: "since they forged
                // diplomatic ties in 1979. ... at the end of the year"
                // (news of 2005) is this year's end.
                ("", Some(Pt::Year(y)))
                    if (y - dct.year()).abs() <= 1 || self.same_sentence(self.last_end, i) =>
                {
                    Pt::Year(y)
                }
                ("same", Some(p)) => project(Unit::Year, p.start()?),
                ("same", None) => return None,
                _ => Pt::Year(dct.year()),
            },
            "month" => match self.last {
                Some(p @ Pt::Month(..)) if qual.is_empty() => p,
                _ => project(Unit::Month, dct),
            },
            "week" if qual.is_empty() || qual == "same" => {
                Pt::Week(monday(self.last.and_then(|p| p.day()).unwrap_or(dct)))
            }
            "weekend" if qual.is_empty() => {
                let m = monday(dct);
                let m = match self.tense(i, e) {
                    Tense::Future => m,
                    _ if dct.weekday().num_days_from_monday() >= 5 => m,
                    _ => m - Duration::days(7),
                };
                Pt::Weekend(m)
            }
            _ => return None,
        })
    }
}
