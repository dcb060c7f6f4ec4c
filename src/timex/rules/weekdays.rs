//! Weekdays ("on Thursday", "Friday night", "Tuesday midnight") resolved against
//! the reference date by tense and news-style cues.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::timex::calendar::Pt;
use crate::timex::lexicon::{
    is_present_event_verb, month_word, part_of_day, weekday_word, CLAUSE_OPENERS,
    WEEKDAY_NAME_FOLLOWERS,
};
use crate::timex::scanner::{cand_pt, Cand, Tagger};
use crate::timex::tense::Tense;
use crate::timex::tokens::K;
use crate::timex::Anchoring;

impl Tagger<'_> {
    pub(crate) fn weekday_at(&self, i: usize) -> Option<(Weekday, usize)> {
        let w = self.w(i);
        let wd = weekday_word(w)?;
        if !self.cap(i) {
            return None;
        }
        // "Sun" and "Wed" are words and names: abbreviations need their dot
        // or a date after them ("Fri, Oct 17").
        let full = w.len() > 4;
        let dotted = self.is(i + 1, ".") && self.glued(i + 1);
        let dated = self.is(i + 1, ",")
            && (month_word(self.w(i + 2)).is_some() || self.num(i + 2).is_some());
        if !(full || dotted || dated) {
            return None;
        }
        let j = if full { i + 1 } else { self.dot(i + 1) };
        // "Sunday Times", "Bloody Sunday Inquiry": a capitalised name follows.
        if full
            && self.cap(j)
            && self.kind(j) == Some(K::W)
            && !self.toks[j].nl
            && WEEKDAY_NAME_FOLLOWERS.has(self.w(j))
        {
            return None;
        }
        Some((wd, j))
    }

    pub(crate) fn resolve_weekday(&self, wd: Weekday, s: usize, e: usize) -> NaiveDate {
        let dct = self.dct;
        let back = (7 + dct.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            % 7;
        let fwd = (7 - back) % 7;
        let past = dct - Duration::days(back);
        let fut = dct + Duration::days(fwd);
        // "Monday's close", "Wednesday's ruling": already happened.
        let possessive = matches!(self.w(e), "'" | "\u{2019}") && self.is(e + 1, "s");
        let tense = if possessive {
            Tense::Past
        } else {
            self.weekday_tense(s, e)
        };
        match tense {
            Tense::Past => past,
            Tense::Future => {
                if fwd == 0 {
                    dct
                } else {
                    fut
                }
            }
            Tense::None => {
                // Nearest, leaning to the past: news mostly reports what happened.
                if fwd + 2 < back {
                    fut
                } else {
                    past
                }
            }
        }
    }

    /// Tense for a bare weekday: news-specific patterns first, then the
    /// general cue window.
    pub(crate) fn weekday_tense(&self, s: usize, e: usize) -> Tense {
        for i in self.back_in_sentence(s, 8) {
            let d = s - i;
            let w = self.w(i);
            // "headed Tuesday to East Africa", "was headed to Nairobi on Friday"
            if matches!(w, "headed" | "heading" | "heads" | "bound") && !self.is(i + 1, "by") {
                return Tense::Future;
            }
            // Headline present: "Arafat meet separately Monday", "leaves Friday".
            if d <= 2 && is_present_event_verb(w) {
                return Tense::Future;
            }
            if self.cue(i) == Tense::Future {
                // "had been due to expire Friday", "as previously planned": the
                // plan was overtaken, the day has passed.
                let p1 = if i >= 1 { self.w(i - 1) } else { "" };
                let p2 = if i >= 2 { self.w(i - 2) } else { "" };
                let p3 = if i >= 3 { self.w(i - 3) } else { "" };
                if matches!(p1, "previously" | "originally")
                    || matches!(p2, "previously" | "originally")
                    || (p1 == "been" && (p2 == "had" || p3 == "had"))
                {
                    return Tense::Past;
                }
                break;
            }
            if self.cue(i) != Tense::None {
                break;
            }
        }
        // Sentence-initial "On Sunday, police arrested ...": the clause after
        // the comma carries the tense.
        let t = self.initial_tense(s);
        if t != Tense::None {
            return t;
        }
        match self.tense(s, e) {
            Tense::None => self.far_tense(s),
            t => t,
        }
    }

    /// The tokens before `s`, nearest first, at most `max`, up to the
    /// sentence's start or a line break.
    fn back_in_sentence(&self, s: usize, max: usize) -> impl Iterator<Item = usize> + '_ {
        (s.saturating_sub(max)..s)
            .rev()
            .take_while(move |&i| !(self.sentence_break(i) || self.toks[i].nl))
    }

    /// The first tense cue further back in the sentence than the cue window
    /// reaches: "Palestinian President Mahmoud Abbas met Hungarian Prime
    /// Minister Viktor Orban in Ramallah on Sunday" puts nine words of names
    /// between the verb and the day, and "nearest day" then chose the coming
    /// Sunday, a meeting that had happened.
    fn far_tense(&self, s: usize) -> Tense {
        for i in self.back_in_sentence(s, 30) {
            let t = self.cue(i);
            if t != Tense::None {
                return t;
            }
            // Another clause starts between: "Hu told Kibaki who is in Beijing
            // for a summit opening here Saturday" is not a past Saturday.
            let w = self.w(i);
            if CLAUSE_OPENERS.has(w) || (w.len() > 4 && w.ends_with("ing") && !self.cap(i)) {
                break;
            }
        }
        Tense::None
    }

    pub(crate) fn m_weekday(&self, i: usize) -> Option<Cand> {
        let (wd, j) = self.weekday_at(i)?;
        // Friday, Oct. 23 (1998)
        let j1 = if self.is(j, ",") { j + 1 } else { j };
        if let Some(c) = self.m_calendar(j1) {
            if matches!(c.pt, Some(Pt::Day(_))) {
                return Some(Cand { s: i, ..c });
            }
        }
        let d = self.resolve_weekday(wd, i, j);
        // "Friday night": the span keeps the part of the day, the value is the
        // day itself, as in the TempEval-3 newswire annotation.
        if part_of_day(self.w(j)).is_some() {
            return Some(cand_pt(i, j + 1, Pt::Day(d), Anchoring::RelativeToDct));
        }
        // "Tuesday midnight" ends that day; "Friday noon"
        match self.w(j) {
            "midnight" => {
                return Some(cand_pt(
                    i,
                    j + 1,
                    Pt::Clock(d.succ_opt()?, 0, 0),
                    Anchoring::RelativeToDct,
                ))
            }
            "noon" | "midday" => {
                return Some(cand_pt(
                    i,
                    j + 1,
                    Pt::Clock(d, 12, 0),
                    Anchoring::RelativeToDct,
                ))
            }
            _ => {}
        }
        Some(cand_pt(i, j, Pt::Day(d), Anchoring::RelativeToDct))
    }
}
