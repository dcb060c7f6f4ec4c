//! Durations and distances in time: "three days", "a two-hour meeting", "the
//! past two months", "two to three weeks", "for years", "two days ago", "a year
//! earlier".

use chrono::Datelike;

use crate::timex::calendar::{duration_parts, format_duration, project, shift_date, Pt, Unit};
use crate::timex::lexicon::{
    fuzzy_quantity, small_number, unit_word, BARE_UNIT_CUES, DURATION_LEADS, RATES_NOT_DURATIONS,
};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    /// A quantity of units at `i`: "three", "24", "a", "5 1/2", "twenty-four",
    /// "several". Returns (halves, next index); `None` quantity means fuzzy.
    pub(crate) fn quantity(&self, i: usize) -> Option<(Option<u64>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            if self.w(i).len() > 6 {
                return None;
            }
            let mut j = i + 1;
            let mut halves = n as u64 * 2;
            // 5 1/2
            if self.is(j, "1") && self.is(j + 1, "/") && self.is(j + 2, "2") {
                halves += 1;
                j += 3;
            } else if self.is(j, ".") && self.glued(j) && self.is(j + 1, "5") && self.glued(j + 1) {
                halves += 1;
                j += 2;
            } else if (self.is(j, ",") || self.is(j, "."))
                && self.glued(j)
                && self.kind(j + 1) == Some(K::N)
                && self.glued(j + 1)
            {
                return None;
            }
            return Some((Some(halves), j));
        }
        if w == "a" || w == "an" {
            if self.is(i + 1, "few") || self.is(i + 1, "couple") {
                let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((if self.is(i + 1, "few") { None } else { Some(4) }, j));
            }
            if self.is(i + 1, "half") {
                return Some((Some(1), i + 2));
            }
            if self.is(i + 1, "dozen") {
                return Some((Some(24), i + 2));
            }
            if self.is(i + 1, "hundred") {
                return Some((Some(200), i + 2));
            }
            return Some((Some(2), i + 1));
        }
        if fuzzy_quantity(w) {
            return Some((None, i + 1));
        }
        let n = small_number(w)?;
        if n == 1 && (w == "a" || w == "an") {
            return Some((Some(2), i + 1));
        }
        let mut j = i + 1;
        let mut n = n as u64;
        if (20..100).contains(&n) && self.is(j, "-") {
            if let Some(u) = small_number(self.w(j + 1)).filter(|u| *u < 10 && *u >= 1) {
                n += u as u64;
                j += 2;
            }
        } else if (20..100).contains(&n) {
            if let Some(u) = small_number(self.w(j))
                .filter(|u| *u < 10 && *u >= 1 && !matches!(self.w(j), "a" | "an"))
            {
                n += u as u64;
                j += 1;
            }
        }
        if n < 10 && self.is(j, "hundred") {
            n *= 100;
            j += 1;
        }
        if n < 100 && self.is(j, "thousand") {
            n *= 1000;
            j += 1;
        }
        let mut halves = n * 2;
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            halves += 1;
            j += 3;
        }
        Some((Some(halves), j))
    }

    /// Durations and "ago"/"later" expressions.
    pub(crate) fn m_duration(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        // the past/last/next/first/coming N units
        let mut lead = "";
        if DURATION_LEADS.has(self.w(j)) {
            lead = self.w(j);
            j += 1;
        }
        // "the past few years", "the past several months"
        let (q, mut k) = match self.quantity(j) {
            Some(v) => v,
            None => {
                // "the last week" is handled as a date; "the coming years", "recent years"
                (None, j)
            }
        };
        if q.is_none() && k == j && lead.is_empty() {
            return None;
        }
        if q == Some(2) && matches!(self.w(j), "a" | "an") && the {
            return None;
        }
        // A range sharing one unit, "two to three weeks", "12 to 18 months",
        // "5-10 years": one expression with an unspecified amount of that unit.
        let mut range = false;
        if let Some(h) = q {
            if matches!(self.w(k), "to" | "or" | "-") {
                if let Some((Some(h2), k2)) = self.quantity(k + 1) {
                    if h2 > h && k2 > k + 1 && unit_word(self.w(k2)).is_some_and(|(_, pl)| pl) {
                        range = true;
                        k = k2;
                    }
                }
            }
        }
        if self.is(k, "more")
            || self.is(k, "additional")
            || self.is(k, "full")
            || self.is(k, "straight")
            || self.is(k, "consecutive")
        {
            k += 1;
        }
        let hyph = self.is(k, "-");
        if hyph {
            k += 1;
        }
        let (u, plural) = unit_word(self.w(k))?;
        if q.is_none() && k == j && !plural {
            return None;
        }
        // "year-earlier results" is a date; "three-quarters of" a fraction;
        // "52 years old" an age, which TimeBank leaves untagged.
        if self.is(k + 1, "-") && matches!(self.w(k + 2), "earlier" | "ago" | "end") {
            return None;
        }
        if u == Unit::Quarter
            && (self.is(k + 1, "of") || matches!(self.w(k + 1), "-" | "point" | "percent"))
        {
            return None;
        }
        if !hyph && matches!(self.w(k + 1), "old" | "younger" | "older") {
            return None;
        }
        let relational = matches!(
            self.w(k + 1),
            "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence"
        );
        if matches!(self.w(j), "a" | "an") && !the && lead.is_empty() && i > 0 && !relational {
            // "$5 a year", "358,000 a month" are rates, not durations.
            let prev = self.w(i - 1);
            if self.kind(i - 1) == Some(K::N) || RATES_NOT_DURATIONS.has(prev) {
                return None;
            }
        }
        if q.is_none() && k == j && !the && !matches!(lead, "coming" | "next" | "past" | "last") {
            return None;
        }
        let mut e = k + 1;
        // "two-year-old", "16-hour"; "a second" is an ordinal elsewhere.
        if u == Unit::Second && matches!(self.w(j), "a") {
            return None;
        }
        // Ages ("a 6-year-old boy") are left untagged, as in TimeBank.
        if self.is(e, "-") && matches!(self.w(e + 1), "old" | "olds") {
            return None;
        }
        // "60 Minutes" is a title.
        if self.cap(k) && !self.raw(k).bytes().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // "a minute and a half", "a week or so"
        let mut q = q;
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            q = q.map(|h| h + 1);
            e += 3;
        }
        if self.is(e, "or") && self.is(e + 1, "so") {
            e += 2;
        }
        if !plural
            && !hyph
            && q.is_some_and(|h| h > 2)
            && !matches!(
                self.w(k),
                "year" | "day" | "hour" | "week" | "month" | "minute" | "decade"
            )
        {
            return None;
        }
        if u == Unit::Second && (the || lead == "first") {
            return None;
        }
        // "the first nine months" stays a duration; "the first quarter" went to m_quarter.
        let (num, cu) = duration_parts(if range { None } else { q }, u);
        let v = format_duration(num, cu);
        // "the past several quarters", "coming months": a vague stretch reaching
        // back from (or on from) now is a reference to the past (future).
        if q.is_none() && plural && !relational {
            match lead {
                "past" | "last" | "previous" => {
                    return Some(cand_v(
                        i,
                        e,
                        TimexType::Date,
                        "PAST_REF".into(),
                        Anchoring::RelativeToDct,
                    ))
                }
                "coming" => {
                    return Some(cand_v(
                        i,
                        e,
                        TimexType::Date,
                        "FUTURE_REF".into(),
                        Anchoring::RelativeToDct,
                    ))
                }
                _ => {}
            }
        }
        // "will one day be": some day in the future
        if q == Some(2)
            && u == Unit::Day
            && self.is(j, "one")
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "may" | "might" | "can" | "should"
            )
        {
            return Some(cand_v(
                i,
                e,
                TimexType::Date,
                "FUTURE_REF".into(),
                Anchoring::RelativeToDct,
            ));
        }
        // N units ago / earlier / later / before / after / from now
        let follow = self.w(e);
        if !hyph
            && !the
            && lead.is_empty()
            && matches!(
                follow,
                "ago" | "earlier" | "later" | "before" | "after" | "hence" | "from"
            )
            && !matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
        {
            let from_now = follow == "from" && self.is(e + 1, "now");
            if follow == "from" && !from_now {
                return self.finish_duration(i, e, v, q);
            }
            // "before"/"after" followed by an event need the event; we anchor on the last date.
            let dir: i64 = match follow {
                "ago" | "earlier" | "before" => -1,
                _ => 1,
            };
            let end = if from_now { e + 2 } else { e + 1 };
            if matches!(follow, "before" | "after")
                && !(self.sentence_break(e + 1) || matches!(self.w(e + 1), "," | "that" | "and"))
            {
                // "two days after the summit": the duration alone, the event anchors it.
                return self.finish_duration(i, e, v, q);
            }
            let Some(h) = q else {
                let v = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(cand_v(
                    i,
                    end,
                    TimexType::Date,
                    v.into(),
                    Anchoring::RelativeToDct,
                ));
            };
            let n = (h / 2) as i64 * dir;
            let (base, anch) = if matches!(follow, "ago" | "hence" | "from") {
                (None, Anchoring::RelativeToDct)
            } else {
                (
                    self.last,
                    if self.last.is_some() {
                        Anchoring::RelativeToDate
                    } else {
                        Anchoring::RelativeToDct
                    },
                )
            };
            let su = match u {
                Unit::Decade => Unit::Year,
                Unit::Century => Unit::Year,
                x => x,
            };
            let mult = match u {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1,
            };
            let pt = match base {
                // "a year earlier" after "the third quarter" is the same quarter a year before.
                Some(b) if b.unit() != Unit::Day || matches!(su, Unit::Day | Unit::Week) => {
                    if matches!(b.unit(), Unit::Year | Unit::Decade | Unit::Century)
                        && matches!(su, Unit::Day | Unit::Week | Unit::Month)
                    {
                        project(su, shift_date(self.dct, su, n * mult)?)
                    } else {
                        let b = if matches!(b, Pt::Part(..) | Pt::Clock(..)) {
                            Pt::Day(b.day()?)
                        } else {
                            b
                        };
                        b.shift(su, n * mult)?
                    }
                }
                Some(b) => project(su, shift_date(b.start()?, su, n * mult)?),
                None => {
                    let p = project(su, shift_date(self.dct, su, n * mult)?);
                    if dir < 0
                        && su == Unit::Year
                        && matches!(self.last, Some(Pt::Quarter(..)))
                        && h == 2
                        && matches!(follow, "ago")
                    {
                        self.last.and_then(|b| b.shift(Unit::Year, -1)).unwrap_or(p)
                    } else {
                        p
                    }
                }
            };
            let mut c = cand_pt(i, end, pt, anch);
            // "a year earlier" in earnings news keeps pointing at the quarter under discussion.
            c.no_ref = matches!(su, Unit::Year | Unit::Quarter);
            return Some(c);
        }
        if the && lead.is_empty() && q.is_none() {
            // "the years", "the days"
            return None;
        }
        // "the past year" (singular, no number) is handled as a date by m_relative.
        if q.is_none() && !plural {
            return None;
        }
        // Adjectival "a two-year contract" and "24 hours" alike
        if matches!(self.w(e), "-") && self.is(e + 1, "long") {
            e += 2;
        }
        // "the two-week strike": the determiner belongs to the noun, not the duration.
        let s = if hyph && the && lead.is_empty() {
            i + 1
        } else {
            i
        };
        self.finish_duration(s, e, v, q)
    }

    pub(crate) fn finish_duration(
        &self,
        s: usize,
        e: usize,
        v: String,
        q: Option<u64>,
    ) -> Option<Cand> {
        let anch = if q.is_some() {
            Anchoring::Explicit
        } else {
            Anchoring::Undetermined
        };
        Some(cand_v(s, e, TimexType::Duration, v, anch))
    }

    /// Bare plural units used as durations: "for years", "in recent months", "decades-long".
    pub(crate) fn m_bare_units(&self, i: usize) -> Option<Cand> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        // "for a while"
        if self.is(i, "a")
            && self.is(i + 1, "while")
            && matches!(prev, "for" | "in" | "after" | "within")
        {
            return Some(cand_v(
                i,
                i + 2,
                TimexType::Duration,
                "PXX".into(),
                Anchoring::Undetermined,
            ));
        }
        // "over the years", "the weeks ahead"
        if self.is(i, "the") {
            let (u, plural) = unit_word(self.w(i + 1))?;
            if !plural || matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
                return None;
            }
            let ahead = self.is(i + 2, "ahead");
            if !(ahead
                || matches!(prev, "over" | "through" | "during")
                    && !matches!(
                        self.w(i + 2),
                        "of" | "before" | "after" | "since" | "when" | "that"
                    ))
            {
                return None;
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                i,
                i + 2 + ahead as usize,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let (s, j) = if self.is(i, "recent") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (u, plural) = unit_word(self.w(j))?;
        // "day-long", "decades-long", "years-old slump"
        if self.is(j + 1, "-")
            && matches!(self.w(j + 2), "long" | "old")
            && s == j
            && !(i > 0
                && (self.kind(i - 1) == Some(K::N)
                    || self.is(i - 1, "-")
                    || small_number(self.w(i - 1)).is_some()))
        {
            let v = if plural {
                format_duration(None, duration_parts(None, u).1)
            } else {
                format_duration(Some(2), duration_parts(Some(2), u).1)
            };
            return Some(cand_v(
                s,
                j + 3,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        if !plural {
            return None;
        }
        if s < j {
            if !matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return Some(cand_v(
                    s,
                    j + 1,
                    TimexType::Date,
                    "PAST_REF".into(),
                    Anchoring::RelativeToDct,
                ));
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                s,
                j + 1,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        // "in the weeks before the shooting", "the days after the attack": the
        // unit alone is tagged; days and weeks fall in the month of the event
        // under discussion, years are a vague stretch.
        if prev == "the"
            && i > 1
            && matches!(self.w(i - 2), "in" | "during" | "over" | "for" | "within")
            && (matches!(
                self.w(j + 1),
                "before" | "after" | "following" | "preceding" | "since"
            ) || (self.is(j + 1, "leading") && self.is(j + 2, "up"))
                || (self.is(j + 1, "that") && self.is(j + 2, "followed")))
            && matches!(
                u,
                Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade
            )
        {
            if matches!(u, Unit::Day | Unit::Week) {
                let month = match self.last {
                    Some(Pt::Month(y, m)) => Some((y, m)),
                    p => p.and_then(|p| p.day()).map(|d| (d.year(), d.month())),
                };
                if let Some((y, m)) = month {
                    let mut c = cand_pt(j, j + 1, Pt::Month(y, m), Anchoring::RelativeToDate);
                    c.no_ref = true;
                    return Some(c);
                }
                // No date under discussion to anchor on: leave it untagged.
                return None;
            }
            let v = format_duration(None, duration_parts(None, u).1);
            return Some(cand_v(
                j,
                j + 1,
                TimexType::Duration,
                v,
                Anchoring::Undetermined,
            ));
        }
        let long = self.is(j + 1, "-") && self.is(j + 2, "long");
        if !(long || BARE_UNIT_CUES.has(prev)) {
            return None;
        }
        // "in days" is fine, "in days gone by" too; "in years past" ... but not
        // "for years-old" or a count ("in days 3 and 4").
        if self.kind(j + 1) == Some(K::N) {
            return None;
        }
        if matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let e = if long { j + 3 } else { j + 1 };
        let v = format_duration(None, duration_parts(None, u).1);
        Some(cand_v(
            s,
            e,
            TimexType::Duration,
            v,
            Anchoring::Undetermined,
        ))
    }
}
