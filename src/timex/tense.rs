//! Tense cues: whether the words around an expression point to the past or
//! the future, which decides how a date without a year or a bare weekday is
//! resolved against the reference date.

use super::lexicon::{
    is_future_word, is_past_word, CLAUSE_SUBJECTS, FUTURE_AFTER_TO, FUTURE_AFTER_WAS,
    RETICENT_VERBS,
};
use super::scanner::Tagger;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    None,
}

impl Tagger<'_> {
    pub(crate) fn tense(&self, s: usize, e: usize) -> Tense {
        self.tense_dir(s, e, 5)
    }

    /// Tense from the words before the expression only: for months and dates,
    /// whose governing verb precedes them ("was held in August"), while a
    /// following verb often belongs to another clause ("December delivery dived").
    pub(crate) fn tense_before(&self, s: usize) -> Tense {
        self.tense_dir(s, s, 0)
    }

    pub(crate) fn tense_dir(&self, s: usize, e: usize, ahead: usize) -> Tense {
        // A deadline or a starting point right before the expression says it
        // all: "until mid-November", "by August", "since March".
        if s > 0 {
            match self.w(s - 1) {
                "until" | "till" | "before" => return Tense::Future,
                // "had filed reports by Wednesday" is a past deadline.
                "by" => {
                    let past = (s.saturating_sub(5)..s - 1).any(|x| self.cue(x) == Tense::Past);
                    return if past { Tense::Past } else { Tense::Future };
                }
                "since" => return Tense::Past,
                _ => {}
            }
        }
        let mut best = (usize::MAX, Tense::None);
        let mut i = s;
        let mut d = 0;
        while i > 0 && d < 8 {
            i -= 1;
            d += 1;
            if self.sentence_break(i) {
                break;
            }
            let t = self.cue(i);
            if t != Tense::None {
                best = (d, t);
                break;
            }
            if self.toks[i].nl {
                break;
            }
        }
        let mut i = e;
        let mut d = 0;
        while i < self.toks.len() && d < ahead && d < best.0 {
            d += 1;
            if self.sentence_break(i) || self.toks[i].nl || self.complement_at(i) {
                break;
            }
            let t = self.cue(i);
            if t != Tense::None {
                if d < best.0 {
                    best = (d, t);
                }
                break;
            }
            i += 1;
        }
        best.1
    }

    /// "that" opening a clause with a subject of its own: what follows is
    /// the content of a statement or the cause of a feeling, whose tense is
    /// not the expression's ("an announcement on Thursday that it will
    /// suspend service").
    fn complement_at(&self, i: usize) -> bool {
        self.is(i, "that") && (CLAUSE_SUBJECTS.has(self.w(i + 1)) || self.cap(i + 1))
    }

    pub(crate) fn cue(&self, i: usize) -> Tense {
        let w = self.w(i);
        // "would say only Wednesday that", "would not comment Monday": news
        // idiom for a past refusal, not a future.
        let reticent_verb = |k: usize| RETICENT_VERBS.has(self.w(k));
        let refusal_at = |k: usize| {
            // k is "would": "would not say", "would only say", "would say only"
            (matches!(self.w(k + 1), "not" | "only") && reticent_verb(k + 2))
                || (reticent_verb(k + 1) && self.is(k + 2, "only"))
        };
        if w == "would" && refusal_at(i) {
            return Tense::Past;
        }
        if (1..=2).any(|b| i >= b && self.w(i - b) == "would" && refusal_at(i - b))
            && (matches!(w, "not" | "only") || RETICENT_VERBS.has(w))
        {
            return Tense::Past;
        }
        if is_future_word(w) || (w == "to" && FUTURE_AFTER_TO.has(self.w(i + 1))) {
            return Tense::Future;
        }
        if matches!(w, "is" | "are") && self.is(i + 1, "to") {
            return Tense::Future;
        }
        // Future in the past: "was to meet", "were planning", "was scheduled".
        if matches!(w, "was" | "were") && FUTURE_AFTER_WAS.has(self.w(i + 1)) {
            return Tense::Future;
        }
        if (w == "going" && self.is(i + 1, "to"))
            || (w == "set" && matches!(self.w(i + 1), "to" | "for"))
        {
            return Tense::Future;
        }
        if w == "soon" {
            return Tense::Future;
        }
        // A passive after "be" ("will be held") says nothing about time.
        if i > 0 && matches!(self.w(i - 1), "be" | "being" | "is" | "are") && w != "been" {
            return Tense::None;
        }
        // "would cut", "to set": a bare verb after a modal or "to" is not a past form.
        if i > 0 && matches!(self.w(i - 1), "would" | "will" | "ll" | "shall") {
            return Tense::Future;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                "to" | "can" | "could" | "may" | "might" | "must" | "should" | "not"
            )
        {
            return Tense::None;
        }
        // Lower-case -ed words ("United" is a name).
        if is_past_word(w)
            || (w.len() > 4 && w.ends_with("ed") && !self.cap(i) && !is_future_word(w))
        {
            return Tense::Past;
        }
        Tense::None
    }

    /// Tense of the clause after a sentence-initial "On Sunday, ...",
    /// "In January, ...": the expression has no verb before it, and the verb
    /// after the comma governs it.
    pub(crate) fn initial_tense(&self, s: usize) -> Tense {
        let mut b = s;
        if b > 0
            && matches!(
                self.w(b - 1),
                "on" | "in" | "until" | "till" | "by" | "early" | "late" | "during"
            )
        {
            b -= 1;
        }
        if b > 0 && self.is(b - 1, "in") {
            b -= 1;
        }
        if !(b == 0 || self.sentence_break(b - 1)) {
            return Tense::None;
        }
        let mut c = s + 1;
        while c < s + 6 && !self.is(c, ",") {
            if self.sentence_break(c) || self.toks.get(c).is_none_or(|t| t.nl) {
                return Tense::None;
            }
            c += 1;
        }
        if !self.is(c, ",") {
            return Tense::None;
        }
        let mut k = c + 1;
        while k < self.toks.len() && k < c + 13 {
            if self.sentence_break(k) || self.toks[k].nl {
                break;
            }
            let w = self.w(k);
            // "the government planned to ..." is a past main verb here.
            if matches!(w, "planned" | "expected" | "proposed" | "planning")
                && !matches!(self.w(k - 1), "is" | "are" | "be" | "was" | "were")
            {
                return Tense::Past;
            }
            let t = self.cue(k);
            if t != Tense::None {
                return t;
            }
            k += 1;
        }
        Tense::None
    }
}
