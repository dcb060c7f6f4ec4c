//! Deictic words: "today", "tonight", "now", "recently", "soon", "the
//! future", "current" before a noun, "the near term"; "it is the eighth day of".

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{
    deictic_ref, month_word, part_of_day, unit_word, weekday_word, CURRENT_TERMS, DAY_ORDINALS,
    NOT_NOUNS_AFTER_DEICTIC, NOT_NOUNS_AFTER_THE_PAST, OVERNIGHT_FOLLOWERS,
};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    pub(crate) fn m_deictic(&self, i: usize) -> Option<Cand> {
        match self.w(i) {
            "today" | "tomorrow" | "yesterday" | "tonight" | "last" | "this" => self.deictic_day(i),
            "overnight" => self.overnight(i),
            "soon" | "as" => self.deictic_soon(i),
            "the" | "at" | "current" | "these" | "a" => self.deictic_phrase(i),
            w => deictic_ref(w).map(|v| self.reference(i, i + 1, v)),
        }
    }

    /// A PRESENT_REF, PAST_REF or FUTURE_REF relative to the reference date.
    fn reference(&self, s: usize, e: usize, v: &str) -> Cand {
        cand_v(s, e, TimexType::Date, v.into(), Anchoring::RelativeToDct)
    }

    /// "today", "tomorrow morning", "tonight", "last night", "this morning".
    fn deictic_day(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        let rel = Anchoring::RelativeToDct;
        let d = match self.w(i) {
            "today" => dct,
            "tomorrow" => dct.succ_opt()?,
            "yesterday" => dct.pred_opt()?,
            "tonight" => return Some(cand_pt(i, i + 1, Pt::Part(dct, "NI"), rel)),
            "last" if self.is(i + 1, "night") => {
                return Some(cand_pt(i, i + 2, Pt::Part(dct.pred_opt()?, "NI"), rel));
            }
            "this" => {
                let p = part_of_day(self.w(i + 1))?;
                return Some(cand_pt(i, i + 2, Pt::Part(dct, p), rel));
            }
            _ => return None,
        };
        // "today's" is fine; "Today" the show is not worth the trouble.
        if let Some(p) = part_of_day(self.w(i + 1)) {
            return Some(cand_pt(i, i + 2, Pt::Part(d, p), rel));
        }
        Some(cand_pt(i, i + 1, Pt::Day(d), rel))
    }

    /// "were killed by Israeli forces overnight in two separate incidents",
    /// "stocks rebounded overnight": the night before the story's day, as
    /// "last night" (TimeBank tags it so: "depressed initially by overnight
    /// losses" is 1989-10-26TNI in a story of the 27th). Not an adjective ("an
    /// overnight stop", "the overnight call rate") nor beside a day, which
    /// tells the night itself ("overnight Sunday", "Wednesday overnight").
    fn overnight(&self, i: usize) -> Option<Cand> {
        let adverb_after = |w: &str| {
            !w.chars().next().is_some_and(char::is_alphanumeric) || OVERNIGHT_FOLLOWERS.has(w)
        };
        let day_near =
            |k: usize| weekday_word(self.w(k)).is_some() || month_word(self.w(k)).is_some();
        let next = self.w(i + 1);
        let beside_day = day_near(i + 1)
            || matches!(next, "on" | "to" | "into" | "from") && day_near(i + 2)
            || i > 0 && day_near(i - 1);
        if !adverb_after(next) || beside_day {
            return None;
        }
        let night = Pt::Part(self.dct.pred_opt()?, "NI");
        Some(cand_pt(i, i + 1, night, Anchoring::RelativeToDct))
    }

    /// "soon", "soon as possible", "as soon as possible".
    fn deictic_soon(&self, i: usize) -> Option<Cand> {
        if self.is(i, "as") {
            let asap = self.is(i + 1, "soon") && self.is(i + 2, "as") && self.is(i + 3, "possible");
            return asap.then(|| self.reference(i, i + 4, "FUTURE_REF"));
        }
        // "He was soon released" narrates the past.
        if i > 0 && matches!(self.w(i - 1), "was" | "were" | "had" | "and" | "that") {
            return None;
        }
        if self.is(i + 1, "after") || self.is(i + 1, "as") {
            if self.is(i + 1, "as") && self.is(i + 2, "possible") {
                return Some(self.reference(i, i + 3, "FUTURE_REF"));
            }
            return None;
        }
        Some(self.reference(i, i + 1, "FUTURE_REF"))
    }

    /// "the past", "the future", "at present"; deictic adjectives before a
    /// noun: "current conditions", "these days", "the near future", "the long
    /// term", "a later date", "at the time" (TimeBank tags them as
    /// PRESENT/PAST/FUTURE_REF).
    fn deictic_phrase(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let next = self.w(i + 1);
        if w == "the" && matches!(next, "past" | "future" | "present") {
            // "the past week" is a unit's business; "in the past, he" is the time itself.
            let n = self.w(i + 2);
            if self.kind(i + 2) == Some(K::W)
                && !NOT_NOUNS_AFTER_THE_PAST.has(n)
                && !self.sentence_break(i + 2)
            {
                return None;
            }
            let v = match next {
                "past" => "PAST_REF",
                "future" => "FUTURE_REF",
                _ => "PRESENT_REF",
            };
            return Some(self.reference(i, i + 2, v));
        }
        if w == "at" && next == "present" {
            return Some(self.reference(i + 1, i + 2, "PRESENT_REF"));
        }
        match w {
            "current" if self.noun_follows(i) && !CURRENT_TERMS.has(next) => {
                Some(self.reference(i, i + 1, "PRESENT_REF"))
            }
            "these" if next == "days" => Some(self.reference(i, i + 2, "PRESENT_REF")),
            "the"
                if matches!(next, "near" | "foreseeable" | "distant")
                    && self.is(i + 2, "future") =>
            {
                Some(self.reference(i, i + 3, "FUTURE_REF"))
            }
            "the" if matches!(next, "near" | "short" | "long") && self.is(i + 2, "term") => {
                Some(self.reference(i, i + 3, "FUTURE_REF"))
            }
            "a" if matches!(next, "later" | "future") && self.is(i + 2, "date") => {
                Some(self.reference(i, i + 3, "FUTURE_REF"))
            }
            "the"
                if next == "time"
                    && i > 0
                    && self.is(i - 1, "at")
                    && !self.is(i + 2, "of")
                    && !self.is(i + 2, "when") =>
            {
                Some(self.reference(i, i + 2, "PAST_REF"))
            }
            _ => None,
        }
    }

    /// A lower-case noun-like word follows token `i` ("current conditions",
    /// not "current and former" or "current year").
    fn noun_follows(&self, i: usize) -> bool {
        let next = self.w(i + 1);
        self.kind(i + 1) == Some(K::W)
            && !self.cap(i + 1)
            && unit_word(next).is_none()
            && !NOT_NOUNS_AFTER_DEICTIC.has(next)
    }

    /// "today is the eighth day of ...", "it's the second day of ...": the
    /// reference date itself.
    pub(crate) fn m_nth_day(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") || i < 2 || !self.is(i + 2, "day") || !self.is(i + 3, "of") {
            return None;
        }
        // Spelled ordinals only: the tokeniser splits "12th" into "12" and "th".
        if !DAY_ORDINALS.has(self.w(i + 1)) {
            return None;
        }
        let copula = self.is(i - 1, "is")
            || (self.is(i - 1, "s") && matches!(self.w(i - 2), "'" | "\u{2019}"));
        let subj = if self.is(i - 1, "is") {
            i - 2
        } else {
            i.checked_sub(3)?
        };
        if !copula || !matches!(self.w(subj), "it" | "today" | "this") {
            return None;
        }
        Some(cand_pt(
            i,
            i + 3,
            Pt::Day(self.dct),
            Anchoring::RelativeToDct,
        ))
    }
}
