//! Which head each date of a sentence belongs to: the trigger or speech
//! verb it follows in its phrase, else the one it precedes in its clause;
//! a date its own phrase gives away (inside an event noun's phrase, the
//! start of a period) first.

use super::*;
use crate::extract::entities::Ent;

/// (start, end, owner) of every head a date can attach to: the triggers,
/// the verbs that tell a named event happen, the speech verbs.
fn date_heads(
    sent: &Sent,
    ents: &[Ent],
    breaks: &[bool],
    frames: &[Frame],
    triggers: &[Trigger],
) -> Vec<(usize, usize, Owner)> {
    let mut heads: Vec<(usize, usize, Owner)> = triggers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.t0, t.t1, Owner::Trigger(i)))
        .collect();
    // "The third Summit was held at Quebec City, Canada, in April 2001": the
    // verb that tells a named event happen dates it like the noun itself.
    heads.extend(triggers.iter().enumerate().filter_map(|(i, t)| {
        let p = occurrence_verb(sent, ents, t)?;
        (!(t.t1..p).any(|k| {
            breaks[k]
                && !matches!(sent.lower(k), "(" | ")")
                && !carries_verb(sent, ents, t.t1, k, p)
        }))
        .then_some((p, p + 1, Owner::Trigger(i)))
    }));
    // A speech verb that is itself a trigger ("warned") dates its event.
    heads.extend(
        frames
            .iter()
            .enumerate()
            .filter(|(_, f)| !triggers.iter().any(|t| t.t0 <= f.verb && f.verb < t.t1))
            .map(|(i, f)| (f.verb, f.verb + 1, Owner::Frame(i))),
    );
    heads
}

/// The owner of each date of a sentence (see `Owner`).
pub(crate) fn owners(
    sent: &Sent,
    ents: &[Ent],
    breaks: &[bool],
    timexes: &[TimexTok],
    frames: &[Frame],
    triggers: &[Trigger],
    reference: Option<NaiveDate>,
) -> Vec<Option<Owner>> {
    let scan = OwnerScan {
        sent,
        ents,
        breaks,
        timexes,
        triggers,
        reference,
        heads: date_heads(sent, ents, breaks, frames, triggers),
    };
    timexes.iter().map(|x| scan.owner(x)).collect()
}

/// A sentence's heads, and what a date's phrase is read against.
struct OwnerScan<'a> {
    sent: &'a Sent,
    ents: &'a [Ent],
    breaks: &'a [bool],
    timexes: &'a [TimexTok],
    triggers: &'a [Trigger],
    reference: Option<NaiveDate>,
    heads: Vec<(usize, usize, Owner)>,
}

impl OwnerScan<'_> {
    fn owner(&self, x: &TimexTok) -> Option<Owner> {
        let (sent, triggers) = (self.sent, self.triggers);
        if let Some(owner) = self.in_own_phrase(x) {
            return Some(owner);
        }
        let left = self.head_before(x);
        if left.is_some_and(|&(_, e, h)| in_content_clause(sent, triggers, h, e, x, self.reference))
        {
            return Some(Owner::Verb);
        }
        let left = left.map(|h| h.2);
        if self.verb_right_before(x, left) {
            return Some(Owner::Verb);
        }
        let own_clause = in_own_clause(sent, self.breaks, x);
        let right = self.head_after(x, own_clause);
        // A date of a clause with its own verb that no event claims is
        // that verb's, for no event to borrow.
        left.or(right)
            .or_else(|| (own_clause && sent.lower(x.t1) == ",").then_some(Owner::Verb))
    }

    /// A break between tokens `a` and `b`, or a comma with words of another
    /// phrase around it ("met with his Russian counterpart, Sergei Lavrov,
    /// on Wednesday" is one phrase; list `date_phrase_words`).
    fn blocked(&self, a: usize, b: usize, commas: bool) -> bool {
        let sent = self.sent;
        let covered = |k: usize| self.ents.iter().any(|e| e.np0 <= k && k < e.np1);
        // ", including an oil refinery ... on Thursday" stays in the phrase.
        let comma = (a..b).any(|k| sent.lower(k) == "," && sent.lower(k + 1) != "including");
        let words = (a..b).any(|k| {
            !covered(k)
                && sent.toks[k].kind == TokKind::Word
                && !at!("date_phrase_words", sent, k)
                && !at!("titles", sent, k)
        });
        (a..b).any(|k| self.breaks[k] || sent.lower(k) == ";") || (commas && comma && words)
    }

    /// A date its own phrase gives away: inside the trigger's words, the
    /// start of a period, inside an event noun's phrase or another noun's,
    /// a period a noun covers.
    fn in_own_phrase(&self, x: &TimexTok) -> Option<Owner> {
        let (sent, triggers) = (self.sent, self.triggers);
        // "called Thursday for": a day inside the trigger's words.
        if let Some(i) = triggers.iter().position(|t| t.t0 < x.t0 && x.t1 < t.t1) {
            return Some(Owner::Trigger(i));
        }
        // "383 attacks since last April", "Bush's third China trip since
        // 2001": a period's start dates no event in it; "since 1974, when
        // Turkish troops invaded" does date the "when" clause's.
        if x.t0 > 0 && sent.lower(x.t0 - 1) == "since" {
            let when = sent.lower(x.t1) == "when"
                || sent.lower(x.t1) == "," && sent.lower(x.t1 + 1) == "when";
            if !when {
                return Some(Owner::Verb);
            }
        }
        // "at a March 31, 2016, meeting", "Tuesday's talks", "a weekend
        // summit": a date inside the event noun's own phrase.
        if let Some(i) = phrase_noun(sent, triggers, x) {
            return Some(Owner::Trigger(i));
        }
        // "last week's terrorist attack"; "after its October 9 nuclear
        // test": a date inside another noun's phrase.
        if let Some(owner) = premodified_noun(sent, triggers, x) {
            return Some(owner);
        }
        // "a price of 100 dollars per 1,000 cubic metres for 2007": a
        // period a noun covers, unless an event noun or a timetable word
        // asks for the date ("talks for next week", "slated for Nov. 4-5").
        if x.t0 >= 2 && sent.lower(x.t0 - 1) == "for" {
            let k = x.t0 - 2;
            let w = &sent.toks[k];
            let event_noun = triggers.iter().any(|t| t.t1 == k + 1);
            // "will visit India, tentatively for November 20": an adverb
            // leaves the date to the event.
            let adverb = at!("timetable_adverbs", sent, k);
            if w.kind == TokKind::Word
                && !w.cap
                && !event_noun
                && !adverb
                && !at!("timetable_words", sent, k)
                && !is!("stopwords", w.lower.as_str())
            {
                return Some(Owner::Verb);
            }
        }
        None
    }

    /// The nearest head before the date in its phrase.
    ///
    /// "bombed a compound serving as a command post in the Panjwayi district
    /// of the volatile Kandahar province on Wednesday": a date that ends the
    /// sentence reaches back over a long object. Only a day named by its
    /// weekday: months and years at the end of a sentence belong as often to
    /// a clause inside the object ("after the war broke out in early
    /// 2003"). The sentence may close with its source (", police said.").
    fn head_before(&self, x: &TimexTok) -> Option<&(usize, usize, Owner)> {
        let sent = self.sent;
        let n = sent.toks.len();
        let closes = x.t1 + 1 >= n && matches!(sent.lower(x.t1), "." | "")
            || sent.lower(x.t1) == ","
                && n - x.t1 <= 6
                && (x.t1 + 1..n).any(|k| at!("speech_verbs", sent, k));
        let last = closes && names_weekday(sent, x);
        self.heads
            .iter()
            .filter(|(_, e, _)| {
                *e <= x.t0
                    && (x.t0 - *e <= 15 || last && x.t0 - *e <= 24 && !self.verb_between(*e, x))
                    && !self.blocked(*e, x.t0, true)
            })
            .max_by_key(|(_, e, _)| *e)
    }

    /// A verb between a head ending at `a` and the date: not past another
    /// verb's participle ("announced an arrest in connection with the torso
    /// found in a dumpster Wednesday") or a relative clause; a verb
    /// coordinated by "and" shares the day ("were shot dead and a school
    /// was burned by militants in the south on Wednesday").
    fn verb_between(&self, a: usize, x: &TimexTok) -> bool {
        let sent = self.sent;
        let coordinated = |k: usize| {
            k >= 2
                && matches!(sent.lower(k - 1), "was" | "were")
                && (a..k).any(|j| sent.lower(j) == "and")
        };
        // "suspected militants": a participle before its noun is an
        // adjective.
        let adjective = |k: usize| {
            sent.toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Word && !is!("stopwords", t.lower.as_str()))
        };
        (a..x.t0).any(|k| {
            let w = sent.lower(k);
            matches!(w, "who" | "which" | "that" | "when" | "where")
                || !sent.toks[k].cap
                    && (past_form(w) || w == "found")
                    && !coordinated(k)
                    && !adjective(k)
        })
    }

    /// "agreed on Thursday", "announced Friday": a verb of no event right
    /// before the date. "were killed and several others injured on
    /// Tuesday": a harm verb beside an attack is that attack's.
    fn verb_right_before(&self, x: &TimexTok, left: Option<Owner>) -> bool {
        let sent = self.sent;
        let mut p = x.t0;
        while p > 0 && matches!(sent.lower(p - 1), "on" | "in" | "late" | "early" | "last") {
            p -= 1;
        }
        let attack_left =
            matches!(left, Some(Owner::Trigger(i)) if self.triggers[i].kind() == EventKind::Attack);
        let verb_before = p > 0 && {
            let w = sent.lower(p - 1);
            w.ends_with("ed")
                && !sent.toks[p - 1].cap
                && w.len() > 3
                && !(attack_left && is!("harm_words", w))
        };
        // "the bilateral meeting scheduled Monday on the resort island of
        // Lombok", "the Meeting scheduled on Friday and Saturday": a
        // timetable participle right after an event noun dates that event.
        let timetable = p >= 2
            && at!("timetable_words", sent, p - 1)
            && self.heads.iter().any(|(_, e, _)| *e == p - 1);
        verb_before && !timetable && !self.heads.iter().any(|(_, e, _)| *e == p)
    }

    /// "On Friday, Trump met", "Four years later, in April 1998, the second
    /// Summit took place": a date opening the sentence. "Later Wednesday in
    /// nearby Yala province, a man was shot": a place phrase may stand
    /// between the date and its comma.
    fn opens_sentence(&self, x: &TimexTok) -> bool {
        let sent = self.sent;
        let comma_after = sent.lower(x.t1) == ","
            || matches!(sent.lower(x.t1), "in" | "at" | "near" | "across")
                && (x.t1 + 1..(x.t1 + 8).min(sent.toks.len()))
                    .take_while(|&k| !self.breaks[k])
                    .any(|k| sent.lower(k) == ",");
        comma_after
            && (sent.body..x.t0).all(|k| {
                matches!(
                    sent.lower(k),
                    "," | "in" | "on" | "by" | "later" | "earlier"
                ) || self.timexes.iter().any(|y| y.t0 <= k && k < y.t1)
            })
            && x.t0 <= sent.body + 8
    }

    /// The nearest head after the date in its clause.
    fn head_after(&self, x: &TimexTok, own_clause: bool) -> Option<Owner> {
        let sent = self.sent;
        let opener = self.opens_sentence(x);
        self.heads
            .iter()
            .filter(|(s0, _, h)| {
                *s0 >= x.t1
                    && !(opener
                        && matches!(h, Owner::Trigger(i) if inside_phrase(sent, &self.triggers[*i])))
                    && (*s0 - x.t1 <= 6 || opener)
                    && !self.blocked(x.t1, *s0, !opener)
                    && !(own_clause && (x.t1..*s0).any(|k| sent.lower(k) == ","))
            })
            .min_by_key(|(s0, _, _)| *s0)
            .map(|h| h.2)
    }
}
