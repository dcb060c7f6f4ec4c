//! Durations and distances in time: "three days", "a two-hour meeting", "the
//! past two months", "two to three weeks", "for years", "two days ago", "a year
//! earlier".

use chrono::Datelike;

use crate::timex::calendar::{duration_parts, format_duration, project, shift_date, Pt, Unit};
use crate::timex::lexicon::{
    fuzzy_quantity, small_number, unit_word, BARE_UNIT_CUES, DURATION_LEADS, OCCASION_NOUNS,
    RATES_NOT_DURATIONS,
};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

/// What comes before the unit of a duration: "the past", "two to three",
/// "several".
struct Amount<'t> {
    /// The phrase opens with "the".
    the: bool,
    /// "past", "next", "first", "remaining"... or "".
    lead: &'t str,
    /// Index of the quantity (or of the unit when there is none).
    j: usize,
    /// Halves of units; `None` for a vague amount ("several", none at all).
    q: Option<u64>,
    /// A range sharing the unit: "two to three weeks".
    range: bool,
    /// Index after the quantity.
    k: usize,
}

/// A duration phrase: "the past [two] [weeks]", "a two[-][hour]", "[a
/// minute] and a half".
struct DurationPhrase<'t> {
    the: bool,
    lead: &'t str,
    j: usize,
    /// Halves of units, with a trailing "and a half" counted.
    q: Option<u64>,
    range: bool,
    /// Adjectival: "a two-hour meeting".
    hyph: bool,
    /// Index of the unit.
    k: usize,
    u: Unit,
    plural: bool,
    /// "ago", "earlier", "later", "before", "after", "from", "hence" follows the unit.
    relational: bool,
    /// End of the phrase (exclusive).
    e: usize,
}

/// The TIMEX3 value of an unknown amount of `u` ("PXY").
fn vague(u: Unit) -> String {
    format_duration(None, duration_parts(None, u).1)
}

/// A duration whose amount is not known ("for years").
fn undetermined(s: usize, e: usize, v: String) -> Cand {
    cand_v(s, e, TimexType::Duration, v, Anchoring::Undetermined)
}

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
        // "at a weekend summit", "a weekend attack": the weekend it was on,
        // as "the weekend" would say, not two days' length.
        if self.is(i, "a") && self.is(i + 1, "weekend") && OCCASION_NOUNS.has(self.w(i + 2)) {
            let pt = self.unit_under_discussion(i, i + 2, "weekend", "")?;
            return Some(cand_pt(i, i + 2, pt, Anchoring::RelativeToDct));
        }
        let p = self.duration_phrase(i)?;
        // "the first nine months" stays a duration; "the first quarter" went to m_quarter.
        let (num, cu) = duration_parts(if p.range { None } else { p.q }, p.u);
        let v = format_duration(num, cu);
        if let Some(c) = self.vague_stretch(i, &p) {
            return Some(c);
        }
        // N units ago / earlier / later / before / after / from now
        if !p.hyph
            && !p.the
            && p.lead.is_empty()
            && matches!(
                self.w(p.e),
                "ago" | "earlier" | "later" | "before" | "after" | "hence" | "from"
            )
            && !matches!(p.u, Unit::Second | Unit::Minute | Unit::Hour)
        {
            return self.distance(i, &p, v);
        }
        if p.the && p.lead.is_empty() && p.q.is_none() {
            // "the years", "the days"
            return None;
        }
        // "the past year" (singular, no number) is handled as a date by m_relative.
        if p.q.is_none() && !p.plural {
            return None;
        }
        // Adjectival "a two-year contract" and "24 hours" alike
        let mut e = p.e;
        if matches!(self.w(e), "-") && self.is(e + 1, "long") {
            e += 2;
        }
        // "the two-week strike": the determiner belongs to the noun, not the duration.
        let s = if p.hyph && p.the && p.lead.is_empty() {
            i + 1
        } else {
            i
        };
        self.finish_duration(s, e, v, p.q)
    }

    /// "the past", "two to three", "several", "a": the amount before a unit.
    fn duration_amount(&self, i: usize) -> Option<Amount<'_>> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        // the past/last/next/first/coming N units
        let mut lead = "";
        if DURATION_LEADS.has(self.w(j)) {
            lead = self.w(j);
            j += 1;
        }
        // "the past few years", "the past several months"; no quantity at all:
        // "the coming years" ("the last week" is handled as a date).
        let (q, mut k) = self.quantity(j).unwrap_or((None, j));
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
        Some(Amount {
            the,
            lead,
            j,
            q,
            range,
            k,
        })
    }

    /// The amount, the unit and what trails it ("and a half", "or so").
    fn duration_phrase(&self, i: usize) -> Option<DurationPhrase<'_>> {
        let a = self.duration_amount(i)?;
        let mut k = a.k;
        if matches!(
            self.w(k),
            "more" | "additional" | "full" | "straight" | "consecutive"
        ) {
            k += 1;
        }
        let hyph = self.is(k, "-");
        if hyph {
            k += 1;
        }
        let (u, plural) = unit_word(self.w(k))?;
        let relational = matches!(
            self.w(k + 1),
            "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence"
        );
        // "a minute and a half", "a week or so"
        let mut q = a.q;
        let mut e = k + 1;
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            q = q.map(|h| h + 1);
            e += 3;
        }
        if self.is(e, "or") && self.is(e + 1, "so") {
            e += 2;
        }
        let p = DurationPhrase {
            the: a.the,
            lead: a.lead,
            j: a.j,
            q,
            range: a.range,
            hyph,
            k,
            u,
            plural,
            relational,
            e,
        };
        (!self.not_a_duration(i, &p)).then_some(p)
    }

    /// Phrases shaped like durations that are something else: dates, fractions,
    /// ages, rates, titles.
    fn not_a_duration(&self, i: usize, p: &DurationPhrase) -> bool {
        let (j, k) = (p.j, p.k);
        // Nothing but a lead and a singular unit: "the past year" is a date.
        (p.q.is_none() && k == j && !p.plural)
            // "year-earlier results" is a date; "three-quarters of" a fraction.
            || (self.is(k + 1, "-") && matches!(self.w(k + 2), "earlier" | "ago" | "end"))
            || (p.u == Unit::Quarter
                && (self.is(k + 1, "of") || matches!(self.w(k + 1), "-" | "point" | "percent")))
            // "52 years old" and "a 6-year-old boy" are ages, which TimeBank leaves untagged.
            || (!p.hyph && matches!(self.w(k + 1), "old" | "younger" | "older"))
            || (self.is(k + 1, "-") && matches!(self.w(k + 2), "old" | "olds"))
            || self.is_rate(i, p)
            || (p.q.is_none()
                && k == j
                && !p.the
                && !matches!(p.lead, "coming" | "next" | "past" | "last"))
            // "a second" is an ordinal.
            || (p.u == Unit::Second && (self.is(j, "a") || p.the || p.lead == "first"))
            // "60 Minutes" is a title.
            || (self.cap(k) && !self.raw(k).bytes().all(|c| c.is_ascii_uppercase()))
            || (!p.plural
                && !p.hyph
                && p.q.is_some_and(|h| h > 2)
                && !matches!(
                    self.w(k),
                    "year" | "day" | "hour" | "week" | "month" | "minute" | "decade"
                ))
    }

    /// "$5 a year", "358,000 a month" are rates, not durations.
    fn is_rate(&self, i: usize, p: &DurationPhrase) -> bool {
        matches!(self.w(p.j), "a" | "an")
            && !p.the
            && p.lead.is_empty()
            && i > 0
            && !p.relational
            && (self.kind(i - 1) == Some(K::N) || RATES_NOT_DURATIONS.has(self.w(i - 1)))
    }

    /// "the past several quarters", "coming months": a vague stretch reaching
    /// back from (or on from) now is a reference to the past (future); "will
    /// one day be" is some day in the future.
    fn vague_stretch(&self, i: usize, p: &DurationPhrase) -> Option<Cand> {
        let refer = |v: &str| {
            Some(cand_v(
                i,
                p.e,
                TimexType::Date,
                v.into(),
                Anchoring::RelativeToDct,
            ))
        };
        if p.q.is_none() && p.plural && !p.relational {
            match p.lead {
                "past" | "last" | "previous" => return refer("PAST_REF"),
                "coming" => return refer("FUTURE_REF"),
                _ => {}
            }
        }
        if p.q == Some(2)
            && p.u == Unit::Day
            && self.is(p.j, "one")
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "may" | "might" | "can" | "should"
            )
        {
            return refer("FUTURE_REF");
        }
        None
    }

    /// "two days ago", "a year earlier", "three weeks from now": the point that
    /// far from the reference date, or from the date under discussion.
    fn distance(&self, i: usize, p: &DurationPhrase, v: String) -> Option<Cand> {
        let e = p.e;
        let follow = self.w(e);
        let from_now = follow == "from" && self.is(e + 1, "now");
        if follow == "from" && !from_now {
            return self.finish_duration(i, e, v, p.q);
        }
        let dir: i64 = match follow {
            "ago" | "earlier" | "before" => -1,
            _ => 1,
        };
        let end = if from_now { e + 2 } else { e + 1 };
        if matches!(follow, "before" | "after")
            && !(self.sentence_break(e + 1) || matches!(self.w(e + 1), "," | "that" | "and"))
        {
            // "two days after the summit": the duration alone, the event anchors it.
            return self.finish_duration(i, e, v, p.q);
        }
        let Some(h) = p.q else {
            let v = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(cand_v(
                i,
                end,
                TimexType::Date,
                v.into(),
                Anchoring::RelativeToDct,
            ));
        };
        // "ago" counts from now; "earlier", "later", "before", "after" from the
        // date under discussion.
        let (base, anch) = match self.last {
            Some(b) if !matches!(follow, "ago" | "hence" | "from") => {
                (Some(b), Anchoring::RelativeToDate)
            }
            _ => (None, Anchoring::RelativeToDct),
        };
        let (su, mult) = match p.u {
            Unit::Decade => (Unit::Year, 10),
            Unit::Century => (Unit::Year, 100),
            x => (x, 1),
        };
        let n = (h / 2) as i64 * dir * mult;
        let pt = match base {
            Some(b) => self.shift_from(b, su, n)?,
            None => {
                let p = project(su, shift_date(self.dct, su, n)?);
                // "a year ago" in earnings news is the quarter under discussion a year back.
                if dir < 0
                    && su == Unit::Year
                    && matches!(self.last, Some(Pt::Quarter(..)))
                    && h == 2
                    && follow == "ago"
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
        Some(c)
    }

    /// The point `n` units `su` from the date under discussion `b`, at the
    /// granularity that makes sense of both.
    fn shift_from(&self, b: Pt, su: Unit, n: i64) -> Option<Pt> {
        if b.unit() == Unit::Day && !matches!(su, Unit::Day | Unit::Week) {
            // "two months after" a day: the month, not the day.
            return Some(project(su, shift_date(b.start()?, su, n)?));
        }
        // "a year earlier" after "the third quarter" is the same quarter a year before.
        if matches!(b.unit(), Unit::Year | Unit::Decade | Unit::Century)
            && matches!(su, Unit::Day | Unit::Week | Unit::Month)
        {
            return Some(project(su, shift_date(self.dct, su, n)?));
        }
        let b = if matches!(b, Pt::Part(..) | Pt::Clock(..)) {
            Pt::Day(b.day()?)
        } else {
            b
        };
        b.shift(su, n)
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
            return Some(undetermined(i, i + 2, "PXX".into()));
        }
        if self.is(i, "the") {
            return self.the_plural_units(i, prev);
        }
        if self.is(i, "recent") {
            return self.recent_units(i);
        }
        let (u, plural) = unit_word(self.w(i))?;
        // "day-long", "decades-long", "years-old slump"; not "two-day-long".
        if self.is(i + 1, "-")
            && matches!(self.w(i + 2), "long" | "old")
            && !(i > 0
                && (self.kind(i - 1) == Some(K::N)
                    || self.is(i - 1, "-")
                    || small_number(self.w(i - 1)).is_some()))
        {
            let v = if plural {
                vague(u)
            } else {
                format_duration(Some(2), duration_parts(Some(2), u).1)
            };
            return Some(undetermined(i, i + 3, v));
        }
        if !plural {
            return None;
        }
        if self.units_around_an_event(i, u) {
            return self.units_before_or_after(i, u);
        }
        let long = self.is(i + 1, "-") && self.is(i + 2, "long");
        if !(long || BARE_UNIT_CUES.has(prev)) {
            return None;
        }
        // "in days" is fine, "in days gone by" too; "in years past" ... but not
        // "for years-old" or a count ("in days 3 and 4").
        if self.kind(i + 1) == Some(K::N) {
            return None;
        }
        if matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
            return None;
        }
        let e = if long { i + 3 } else { i + 1 };
        Some(undetermined(i, e, vague(u)))
    }

    /// "over the years", "the weeks ahead".
    fn the_plural_units(&self, i: usize, prev: &str) -> Option<Cand> {
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
        Some(undetermined(i, i + 2 + ahead as usize, vague(u)))
    }

    /// "recent years" is the past; "recent hours" a vague stretch.
    fn recent_units(&self, i: usize) -> Option<Cand> {
        let (u, plural) = unit_word(self.w(i + 1))?;
        if !plural {
            return None;
        }
        if !matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
            return Some(cand_v(
                i,
                i + 2,
                TimexType::Date,
                "PAST_REF".into(),
                Anchoring::RelativeToDct,
            ));
        }
        Some(undetermined(i, i + 2, vague(u)))
    }

    /// "in the weeks before the shooting", "during the years that followed":
    /// the plural unit at `i` measured from an event.
    fn units_around_an_event(&self, i: usize, u: Unit) -> bool {
        i > 1
            && self.is(i - 1, "the")
            && matches!(self.w(i - 2), "in" | "during" | "over" | "for" | "within")
            && (matches!(
                self.w(i + 1),
                "before" | "after" | "following" | "preceding" | "since"
            ) || (self.is(i + 1, "leading") && self.is(i + 2, "up"))
                || (self.is(i + 1, "that") && self.is(i + 2, "followed")))
            && matches!(
                u,
                Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade
            )
    }

    /// The unit alone is tagged: days and weeks fall in the month of the event
    /// under discussion, longer units are a vague stretch.
    fn units_before_or_after(&self, i: usize, u: Unit) -> Option<Cand> {
        if !matches!(u, Unit::Day | Unit::Week) {
            return Some(undetermined(i, i + 1, vague(u)));
        }
        let (y, m) = match self.last {
            Some(Pt::Month(y, m)) => (y, m),
            // No date under discussion to anchor on: leave it untagged.
            p => p.and_then(|p| p.day()).map(|d| (d.year(), d.month()))?,
        };
        let mut c = cand_pt(i, i + 1, Pt::Month(y, m), Anchoring::RelativeToDate);
        c.no_ref = true;
        Some(c)
    }
}
