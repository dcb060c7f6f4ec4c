//! Deictic words: "today", "tonight", "now", "recently", "soon", "the
//! future", "current" before a noun, "the near term"; "it is the eighth day of".

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{part_of_day, unit_word};
use crate::timex::scanner::{cand_pt, cand_v, Cand, Tagger};
use crate::timex::tokens::K;
use crate::timex::{Anchoring, TimexType};

impl Tagger<'_> {
    pub(crate) fn m_deictic(&self, i: usize) -> Option<Cand> {
        let dct = self.dct;
        let w = self.w(i);
        let rel = Anchoring::RelativeToDct;
        let day = match w {
            "today" => Some(dct),
            "tomorrow" => dct.succ_opt(),
            "yesterday" => dct.pred_opt(),
            _ => None,
        };
        if let Some(d) = day {
            // "today's" is fine; "Today" the show is not worth the trouble.
            if let Some(p) = part_of_day(self.w(i + 1)) {
                return Some(cand_pt(i, i + 2, Pt::Part(d, p), rel));
            }
            return Some(cand_pt(i, i + 1, Pt::Day(d), rel));
        }
        match w {
            "tonight" => return Some(cand_pt(i, i + 1, Pt::Part(dct, "NI"), rel)),
            "overnight" if false => {}
            "now" | "currently" | "nowadays" | "presently" => {
                return Some(cand_v(i, i + 1, TimexType::Date, "PRESENT_REF".into(), rel));
            }
            "recently" | "lately" => {
                return Some(cand_v(i, i + 1, TimexType::Date, "PAST_REF".into(), rel));
            }
            "soon" => {
                // "He was soon released" narrates the past.
                if i > 0 && matches!(self.w(i - 1), "was" | "were" | "had" | "and" | "that") {
                    return None;
                }
                if self.is(i + 1, "after") || self.is(i + 1, "as") {
                    if self.is(i + 1, "as") && self.is(i + 2, "possible") {
                        return Some(cand_v(i, i + 3, TimexType::Date, "FUTURE_REF".into(), rel));
                    }
                    return None;
                }
                return Some(cand_v(i, i + 1, TimexType::Date, "FUTURE_REF".into(), rel));
            }
            _ => {}
        }
        if w == "as" && self.is(i + 1, "soon") && self.is(i + 2, "as") && self.is(i + 3, "possible")
        {
            return Some(cand_v(i, i + 4, TimexType::Date, "FUTURE_REF".into(), rel));
        }
        if w == "the" {
            match self.w(i + 1) {
                "past" | "future" | "present" => {
                    let n = self.w(i + 2);
                    if self.kind(i + 2) == Some(K::W)
                        && !matches!(
                            n,
                            "and"
                                | "or"
                                | "but"
                                | "to"
                                | "as"
                                | "is"
                                | "was"
                                | "that"
                                | "with"
                                | "in"
                                | "for"
                                | "he"
                                | "we"
                                | "they"
                                | "it"
                                | "i"
                                | "at"
                        )
                        && !self.sentence_break(i + 2)
                    {
                        return None;
                    }
                    let v = match self.w(i + 1) {
                        "past" => "PAST_REF",
                        "future" => "FUTURE_REF",
                        _ => "PRESENT_REF",
                    };
                    return Some(cand_v(i, i + 2, TimexType::Date, v.into(), rel));
                }
                _ => {}
            }
        }
        if w == "last" && self.is(i + 1, "night") {
            return Some(cand_pt(i, i + 2, Pt::Part(dct.pred_opt()?, "NI"), rel));
        }
        if w == "this" {
            if let Some(p) = part_of_day(self.w(i + 1)) {
                return Some(cand_pt(i, i + 2, Pt::Part(dct, p), rel));
            }
        }
        if w == "at" && self.is(i + 1, "present") {
            return Some(cand_v(
                i + 1,
                i + 2,
                TimexType::Date,
                "PRESENT_REF".into(),
                rel,
            ));
        }
        let refv = |s: usize, e: usize, v: &str| Some(cand_v(s, e, TimexType::Date, v.into(), rel));
        // Deictic adjectives before a noun: "current conditions", "a recent
        // filing", "future losses" (TimeBank tags them as PRESENT/PAST/FUTURE_REF).
        let next = self.w(i + 1);
        let noun_follows = self.kind(i + 1) == Some(K::W)
            && !self.cap(i + 1)
            && unit_word(next).is_none()
            && !matches!(
                next,
                "and"
                    | "or"
                    | "of"
                    | "to"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "in"
                    | "at"
                    | "on"
                    | "for"
                    | "with"
                    | "by"
                    | "as"
            );
        match w {
            "current"
                if noun_follows
                    && !matches!(
                        next,
                        "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "flows"
                            | "flow"
                            | "density"
                            | "carrying"
                            | "prices"
                            | "dollars"
                            | "assets"
                            | "liabilities"
                    ) =>
            {
                return refv(i, i + 1, "PRESENT_REF");
            }
            "these" if next == "days" => return refv(i, i + 2, "PRESENT_REF"),
            "the"
                if matches!(next, "near" | "foreseeable" | "distant")
                    && self.is(i + 2, "future") =>
            {
                return refv(i, i + 3, "FUTURE_REF");
            }
            "the" if matches!(next, "near" | "short" | "long") && self.is(i + 2, "term") => {
                return refv(i, i + 3, "FUTURE_REF");
            }
            "a" if matches!(next, "later" | "future") && self.is(i + 2, "date") => {
                return refv(i, i + 3, "FUTURE_REF")
            }
            "the"
                if next == "time"
                    && i > 0
                    && self.is(i - 1, "at")
                    && !self.is(i + 2, "of")
                    && !self.is(i + 2, "when") =>
            {
                return refv(i, i + 2, "PAST_REF");
            }
            _ => {}
        }
        None
    }

    /// Every matcher that can start at `i`; the longest wins.
    /// "today is the eighth day of ...", "it's the second day of ...": the
    /// reference date itself.
    pub(crate) fn m_nth_day(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") || i < 2 || !self.is(i + 2, "day") || !self.is(i + 3, "of") {
            return None;
        }
        let ord = self.w(i + 1);
        let is_ord = matches!(
            ord,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
        ) || (ord.len() > 2
            && ord[..ord.len() - 2].bytes().all(|c| c.is_ascii_digit())
            && matches!(&ord[ord.len() - 2..], "st" | "nd" | "rd" | "th"));
        if !is_ord {
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
