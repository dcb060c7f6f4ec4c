//! The attribute layer: an event's date (from its own clause or noun
//! phrase, never another event's), its status as the article tells it
//! (occurred, planned, possible, claimed, negated) and its attack mode.

use chrono::NaiveDate;

use super::clauses::{Frame, TimexTok};
use super::doc::Sent;
use super::lexicon::{at, is, Pos, LISTS};
use super::text::TokKind;
use super::triggers::Trigger;
use crate::model::{DateMethod, DateWindow, EventKind};
use crate::timex::{Anchoring, Timex, TimexType};

mod opening;
mod owners;
mod status;
use opening::{inside_phrase, opening_phrase_ahead, opening_phrase_date, opening_phrase_in_past};
pub(crate) use owners::owners;
pub(crate) use status::{fix_weekday, held_after, last_year, said_done_at, status};

/// The calendar window of a date expression, if it has one.
pub(crate) fn window_of(t: &Timex) -> Option<DateWindow> {
    if !matches!(t.ttype, TimexType::Date | TimexType::Time) {
        return None;
    }
    let (earliest, latest) = (t.earliest?, t.latest?);
    let method = match t.anchoring {
        Anchoring::Explicit => DateMethod::Explicit,
        Anchoring::RelativeToDct | Anchoring::Undetermined => DateMethod::RelativeToPublication,
        Anchoring::RelativeToDate => DateMethod::RelativeToDate,
    };
    Some(DateWindow {
        earliest,
        latest,
        value: t.value.clone(),
        granularity: format!("{:?}", t.granularity),
        method,
        text: t.text.clone(),
    })
}

/// The frame whose complement holds the trigger, if any.
pub(crate) fn frame_of<'f>(frames: &'f [Frame], t: &Trigger) -> Option<&'f Frame> {
    frames
        .iter()
        .find(|f| f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0)
}

/// The verb that tells a named event happen, with the event noun as its
/// subject: "The fourth Summit of the Organization of American States (OAS)
/// will take place", "the talks were held".
pub(crate) fn occurrence_verb(
    sent: &Sent,
    ents: &[super::entities::Ent],
    t: &Trigger,
) -> Option<usize> {
    if t.pos() != Pos::Noun {
        return None;
    }
    let p = (t.t1..sent.toks.len().min(t.t1 + 18)).find(|&k| at!("occurrence_verbs", sent, k))?;
    // Only the noun's own phrase and auxiliaries between: "Talks between
    // the United States and Mexico opened", "talks to modernize NAFTA
    // kicked off", "peace talks between Zaire's warring parties officially
    // opened", "the Summit of the Organization of American States (OAS)
    // will take place". Names, brackets, a comma inside a list of names,
    // and words that open no clause nor tell speech.
    (t.t1..p)
        .all(|k| {
            sent.toks[k].cap
                || ents.iter().any(|e| e.covers(k))
                || at!("occurrence_aux", sent, k)
                || matches!(sent.lower(k), "(" | ")" | "'s")
                || sent.lower(k) == "," && ents.iter().any(|e| e.t0 == k + 1)
                || sent.toks[k].kind == TokKind::Word
                    && !at!("clause_breaks", sent, k)
                    && !at!("speech_verbs", sent, k)
                    && !at!("occurrence_verbs", sent, k)
                || carries_verb(sent, ents, t.t1, k, p)
        })
        .then_some(p)
}

/// Whether tokens `k..p` only lead into the occurrence verb at `p`: "the
/// summit of SAARC to be held in Dhaka on Nov. 12", "the Beijing Summit
/// ... which closed on Sunday", "the first EU-Ukraine summit, to be held on
/// Thursday". A relative or infinitive clause that carries nothing but
/// the verb still tells the noun's own occurrence, when it follows the
/// noun's own phrase (from `t1`): names and "of", not another phrase ("talks
/// ... at the Presidential Palace, which was opened in 1995").
fn carries_verb(sent: &Sent, ents: &[super::entities::Ent], t1: usize, k: usize, p: usize) -> bool {
    let own = (t1..k).all(|j| {
        ents.iter().any(|e| e.covers(j))
            || sent.lower(j) == "of"
            || !super::arguments::is_preposition(sent.lower(j))
    });
    own && (k..p).all(|j| {
        let w = sent.lower(j);
        matches!(w, "which" | "that" | "," | "to") || is!("occurrence_aux", w)
    })
}

/// Who a date expression belongs to: the trigger or speech verb it
/// follows in the same phrase ("met Putin on Friday", "said on Thursday"),
/// else the one it precedes in its clause ("Xi on Wednesday rolled out a
/// welcome", "On Friday, Trump met").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    Trigger(usize),
    Frame(usize),
    /// A verb that is no event of ours ("agreed on Thursday to a summit").
    Verb,
}

/// The dates of an absorbed trigger go to the one that keeps its event
/// (`arguments::adjunct_attacks`'s pairs).
pub(crate) fn hand_over(owners: &mut [Option<Owner>], pairs: &[(usize, usize)]) {
    for o in owners.iter_mut() {
        if let Some(Owner::Trigger(i)) = o {
            if let Some(&(kept, _)) = pairs.iter().find(|p| p.1 == *i) {
                *i = kept;
            }
        }
    }
}

/// "urged Clinton to extend China's trade status again this year",
/// "pledged to withdraw its troops by 2010", "accuses of orchestrating a
/// failed coup last year": a date past the infinitive of a request, pledge
/// or threat, or an accusation's "of" and gerund, dates the act asked for,
/// promised, threatened or charged, which is another event than the speech
/// act (the annotation conventions: a date said of another event is not
/// this event's date).
/// A weekday is the exception: "Biden pressed Netanyahu to allow more aid
/// into Gaza on Monday", "Sharon asked Katsav to dissolve parliament on
/// Monday" tell when the news happened, unless it is a deadline ("by
/// Friday") or another noun's ("at Friday's trial"); so does a day of the
/// week before publication ("yesterday", "on Nov. 14").
fn in_content_clause(
    sent: &Sent,
    triggers: &[Trigger],
    head: Owner,
    e: usize,
    x: &TimexTok,
    reference: Option<NaiveDate>,
) -> bool {
    let Owner::Trigger(i) = head else {
        return false;
    };
    let accusation = triggers[i].kind() == EventKind::Accusation;
    if !accusation
        && !matches!(
            triggers[i].kind(),
            EventKind::Request | EventKind::Pledge | EventKind::Threat
        )
    {
        return false;
    }
    let weekday = names_weekday(sent, x);
    let deadline = x.t0 > 0 && matches!(sent.lower(x.t0 - 1), "by" | "until" | "till" | "before");
    // "asked the minister to investigate the lapses at Friday's trial".
    let possessive = sent.lower(x.t1) == "'s";
    if weekday && !deadline && !possessive {
        return false;
    }
    // "threatened to attack Hamas yesterday", "urged Iran today to": a day
    // of the week before publication dates the speech act, not a deed
    // still to come (a year or a month gone by may be the content's: "pledged
    // to follow the precedent of a 2012 ruling").
    let over = reference.is_some_and(|r| match (x.timex.earliest, x.timex.latest) {
        (Some(e), Some(l)) => l <= r && (r - e).num_days() <= 7,
        _ => false,
    });
    if over && !deadline && !possessive {
        return false;
    }
    // "whom Ankara accuses of orchestrating a failed coup last year": what
    // one is accused of doing has its own time.
    if accusation {
        // Not past a setting of the accusation's own: "accused Japan of
        // distorting history at a press conference earlier this month".
        let setting = |k: usize| {
            matches!(sent.lower(k), "at" | "during")
                || sent.lower(k) == "in"
                    && matches!(
                        sent.lower(k + 1),
                        "a" | "an" | "his" | "her" | "its" | "their"
                    )
        };
        return (e..x.t0).any(|k| {
            sent.lower(k) == "of"
                && sent.lower(k + 1).ends_with("ing")
                && !sent.toks[k + 1].cap
                && !(k + 2..x.t0).any(setting)
        });
    }
    (e..x.t0).any(|k| {
        sent.lower(k) == "to"
            && sent.toks.get(k + 1).is_some_and(|t| {
                t.kind == TokKind::Word && !t.cap && !is!("stopwords", t.lower.as_str())
            })
    })
}

/// Does the date expression name a day of the week ("Monday", "late
/// Friday")?
fn names_weekday(sent: &Sent, x: &TimexTok) -> bool {
    (x.t0..x.t1).any(|k| super::lexicon::WEEKDAYS.contains(&sent.lower(k)))
}

/// "rescheduled for late April or early May", "on Monday or Tuesday": a
/// date and its alternative after "or" are one window, from the first's
/// start to the second's end (when the second follows within two months).
fn window_or_next(sent: &Sent, timexes: &[TimexTok], i: usize) -> Option<DateWindow> {
    let mut w = window_of(&timexes[i].timex)?;
    let x = &timexes[i];
    if sent.lower(x.t1) != "or" {
        return Some(w);
    }
    let alt = timexes
        .iter()
        .find(|y| y.t0 == x.t1 + 1)
        .and_then(|y| window_of(&y.timex));
    if let Some(y) = alt {
        if y.earliest > w.latest && (y.latest - w.earliest).num_days() <= 62 {
            w.latest = y.latest;
            w.text = format!("{} or {}", w.text, y.text);
        }
    }
    Some(w)
}

/// "Bush departed Washington early Thursday for Mar del Plata to attend the
/// summit", "before he left for Kiev to attend the summit", "left here on
/// Friday for Vietnam to attend the first meeting": a gathering a journey
/// was made to attend, told as the noun after "to attend" in the clause of
/// a travel verb ([travel_done_verbs]); returns where "to attend" stands.
/// The gathering is still to come, and the journey's day is not its own.
pub(crate) fn journey_to_attend(sent: &Sent, t: &Trigger, lb: usize) -> Option<usize> {
    if t.kind().family() != "consult" || t.pos() != Pos::Noun {
        return None;
    }
    let k = (lb.max(t.t0.saturating_sub(12))..t.t0)
        .rev()
        .find(|&k| sent.lower(k) == "to" && sent.lower(k + 1) == "attend")?;
    let own_phrase = !(k..t.t0).any(|b| matches!(sent.lower(b), "," | "and"));
    (own_phrase && (lb..k).any(|v| at!("travel_done_verbs", sent, v))).then_some(k)
}

/// The event's date: a date expression it owns; else an unowned one in its
/// clause; else, in a "when" clause, its main clause's; for a speech act told
/// in a frame ("France said Tuesday it was sending troops"), the frame's.
pub(crate) fn date(
    ti: usize,
    triggers: &[Trigger],
    bounds: (usize, usize),
    timexes: &[TimexTok],
    owners: &[Option<Owner>],
    frames: &[Frame],
    sent: &Sent,
) -> Option<DateWindow> {
    let t = &triggers[ti];
    let (lb, _) = bounds;
    if let Some(day) = offset_day(sent, timexes, owners, t) {
        return Some(day);
    }
    // Only a date after "to attend" can be the gathering's.
    if journey_to_attend(sent, t, lb).is_some_and(|k| timexes.iter().all(|x| x.t1 <= k)) {
        return None;
    }
    let scan = DateScan {
        ti,
        t,
        triggers,
        bounds,
        timexes,
        owners,
        sent,
    };
    if let Some(i) = scan
        .owned()
        .or_else(|| scan.free())
        .or_else(|| scan.trip())
        .or_else(|| scan.before_participle())
        .or_else(|| coordinated(t, lb, triggers, timexes, owners, sent))
        .or_else(|| scan.at_meeting())
    {
        return window_or_next(sent, timexes, i);
    }
    // "offered the invitation in February when the two met": the main
    // clause's time is the subordinate clause's.
    if lb > 0 && matches!(sent.lower(lb), "when" | "as" | "while") {
        let main = (0..timexes.len())
            .filter(|&i| scan.usable(i) && timexes[i].t1 <= lb && timexes[i].t1 + 6 >= lb)
            .max_by_key(|&i| timexes[i].t1);
        if let Some(i) = main {
            return window_of(&timexes[i].timex);
        }
    }
    if t.kind().speech_act() {
        if let Some(f) = frame_of(frames, t) {
            return f.date.and_then(|i| window_of(&timexes[i].timex));
        }
    }
    if let Some(AfterTalks::Dated(i)) = after_talks(sent, frames, t) {
        return window_of(&timexes[i].timex);
    }
    opening_phrase_date(sent, timexes, frames, triggers, t)
        .and_then(|i| window_of(&timexes[i].timex))
}

/// One trigger's sentence, read for the date that is its own.
struct DateScan<'a> {
    ti: usize,
    t: &'a Trigger,
    triggers: &'a [Trigger],
    bounds: (usize, usize),
    timexes: &'a [TimexTok],
    owners: &'a [Option<Owner>],
    sent: &'a Sent,
}

impl DateScan<'_> {
    fn dist(&self, x: &TimexTok) -> usize {
        if x.t0 >= self.t.t1 {
            x.t0 - self.t.t1
        } else {
            self.t.t0.saturating_sub(x.t1)
        }
    }

    /// "agreed to develop ties ... in the 21st century": a century is the
    /// time of what is aimed at, never the day of an event.
    fn usable(&self, i: usize) -> bool {
        let x = &self.timexes[i].timex;
        window_of(x).is_some() && x.granularity != crate::timex::Granularity::Century
    }

    /// The nearest date the trigger owns.
    fn owned(&self) -> Option<usize> {
        (0..self.timexes.len())
            .filter(|&i| self.usable(i) && self.owners[i] == Some(Owner::Trigger(self.ti)))
            .min_by_key(|&i| self.dist(&self.timexes[i]))
    }

    /// A date of the clause that no word claims, close by.
    fn free(&self) -> Option<usize> {
        let (lb, rb) = self.bounds;
        (0..self.timexes.len())
            .filter(|&i| self.usable(i) && self.owners[i].is_none())
            .filter(|&i| {
                let x = &self.timexes[i];
                x.t0 >= lb && x.t1 <= rb && self.dist(x) <= 4
            })
            .min_by_key(|&i| self.dist(&self.timexes[i]))
    }

    /// "wrote a letter to Pelosi and McCarthy on Tuesday insisting": a
    /// participle right after a day the speech verb holds tells what was
    /// written that day. So does a day beside the sending verb or its
    /// letter ("sent a letter Thursday to the Office of Management and
    /// Budget warning against", "on Wednesday sent a letter to his French
    /// counterpart pleading"), not one of what the letter is about ("a
    /// letter to the Fed chair about his 2021 trades seeking").
    fn before_participle(&self) -> Option<usize> {
        let (t, sent) = (self.t, self.sent);
        if t.pos() != Pos::Verb || !sent.lower(t.t0).ends_with("ing") {
            return None;
        }
        let letter = crate::extract::clauses::sent_letter(sent, sent.body, t.t0);
        (0..self.timexes.len()).find(|&i| {
            let (d0, d1) = (self.timexes[i].t0, self.timexes[i].t1);
            self.usable(i)
                && (d1 == t.t0
                    || letter
                        .as_ref()
                        .is_some_and(|l| d1 == l.verb || d0 == l.verb + 1 || d0 == l.noun + 1))
                && matches!(self.owners[i], None | Some(Owner::Frame(_)))
        })
    }

    /// "criticized him gingerly at an NBC News debate here Wednesday
    /// night": what someone does at a meeting the clause names right after
    /// the verb happened on the meeting's day. Only a verb's act: an event
    /// noun may be the meeting's topic ("the attack was condemned at a
    /// Security Council meeting on Tuesday"); and not past a clause of its
    /// own ("praised Haley for calling Ramaswamy 'scum' ... during the
    /// debate").
    fn at_meeting(&self) -> Option<usize> {
        let (t, sent) = (self.t, self.sent);
        // "sign an agreement ... at a summit meeting in Paris on May 27": a
        // noun a light verb makes an act is one.
        let act = t.pos() == Pos::Verb
            || (t.t0.saturating_sub(3)..t.t0)
                .rev()
                .take_while(|&k| {
                    at!("determiners", sent, k)
                        || at!("light_verbs", sent, k)
                        || at!("making_verbs", sent, k)
                })
                .any(|k| at!("light_verbs", sent, k) || at!("making_verbs", sent, k));
        // "Biden met Xi Jinping at the G20 summit in Bali on Monday": a
        // meeting's verb too, not its noun.
        if !act || t.kind().family() == "consult" && t.pos() == Pos::Noun {
            return None;
        }
        let rb = self.bounds.1;
        self.triggers.iter().enumerate().find_map(|(mi, m)| {
            let meeting = mi != self.ti
                && m.pos() == Pos::Noun
                && m.kind().family() == "consult"
                && m.t0 > t.t1
                && m.t1 <= rb
                && m.t0 - t.t1 <= 8;
            if !meeting {
                return None;
            }
            let p = (m.t0.saturating_sub(5)..m.t0)
                .rev()
                .take_while(|&k| sent.lower(k) != ",")
                .find(|&k| matches!(sent.lower(k), "at" | "during"))?;
            let own_clause = |k: usize| {
                sent.lower(k) == ","
                    || at!("clause_breaks", sent, k)
                    || matches!(
                        sent.lower(k),
                        "for" | "after" | "before" | "when" | "while" | "as"
                    )
            };
            if (t.t1..p).any(own_clause) {
                return None;
            }
            (0..self.timexes.len())
                .find(|&i| self.usable(i) && self.owners[i] == Some(Owner::Trigger(mi)))
        })
    }

    /// "Bush, who visited Jordan last month for talks with al-Maliki":
    /// talks a trip is made for are held on the trip, within its month or
    /// week; not on the day of its start ("flies to Turkey on Wednesday for
    /// talks with Putin" that are on Thursday).
    fn trip(&self) -> Option<usize> {
        let (t, sent) = (self.t, self.sent);
        if t.pos() != Pos::Noun || t.kind().family() != "consult" {
            return None;
        }
        let f = (t.t0.saturating_sub(3)..t.t0)
            .rev()
            .find(|&k| sent.lower(k) == "for")?;
        if (f + 1..t.t0).any(|k| sent.toks[k].cap) {
            return None;
        }
        let lb = self.bounds.0;
        let v = self.triggers.iter().position(|o| {
            o.kind() == EventKind::Visit && o.t0 >= lb && o.t1 <= f && f - o.t1 <= 10
        })?;
        (0..self.timexes.len()).find(|&i| {
            self.usable(i)
                && self.owners[i] == Some(Owner::Trigger(v))
                && matches!(
                    self.timexes[i].timex.granularity,
                    crate::timex::Granularity::Week
                        | crate::timex::Granularity::Month
                        | crate::timex::Granularity::Season
                        | crate::timex::Granularity::Quarter
                        | crate::timex::Granularity::Year
                )
        })
    }
}

/// "On June 28, three days after Palestinian militants kidnapped an Israeli
/// soldier", "Bush will arrive in South Korea Wednesday, one day before his
/// planned summit": an event inside "N days (or a week) after/before" is
/// that far from the day of the clause the phrase hangs on (90 such
/// phrases in the wire stories). Only a day named before the phrase
/// counts, with no comma between the phrase and the trigger, no date of
/// the phrase's own, and no report dated before it.
fn offset_day(
    sent: &Sent,
    timexes: &[TimexTok],
    owners: &[Option<Owner>],
    t: &Trigger,
) -> Option<DateWindow> {
    let p = (t.t0.saturating_sub(12)..t.t0)
        .rev()
        .find(|&k| matches!(sent.lower(k), "after" | "before"))?;
    // "three days before an enquiry into the killing is presented": a
    // trigger governed by a preposition is not the phrase's event.
    let governed = |k: usize| k > p && super::arguments::is_preposition(sent.lower(k));
    let det = t.t0 >= 1 && at!("determiners", sent, t.t0 - 1);
    if p < 2
        || (p..t.t0).any(|k| sent.lower(k) == ",")
        || governed(t.t0 - 1)
        || det && governed(t.t0 - 2)
    {
        return None;
    }
    let per = match sent.lower(p - 1) {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    let w = sent.lower(p - 2);
    let count: i64 = crate::timex::lexicon::small_number(w)
        .map(i64::from)
        .or_else(|| w.parse().ok())
        .filter(|n| (1..=60).contains(n))?;
    // A date the phrase states itself wins ("three days after Hamas
    // attacked Israel on October 7").
    let start = p - 2;
    let phrase_end = (t.t1..sent.toks.len())
        .find(|&k| matches!(sent.lower(k), "," | ";" | "."))
        .unwrap_or(sent.toks.len());
    if timexes.iter().any(|x| x.t0 > p && x.t0 < phrase_end) {
        return None;
    }
    // The day named before the phrase, of an event: none counts when a
    // report is dated there ("Israel said on Sunday it had struck Gaza,
    // three days after Hamas fired").
    let before = |i: &usize| timexes[*i].t1 <= start;
    if (0..timexes.len())
        .filter(before)
        .any(|i| matches!(owners[i], Some(Owner::Frame(_))))
    {
        return None;
    }
    let main = (0..timexes.len())
        .rev()
        .filter(before)
        .filter_map(|i| window_of(&timexes[i].timex))
        .find(|w| w.days() == 1)?;
    let days = count * per * if sent.lower(p) == "after" { -1 } else { 1 };
    let day = main.earliest + chrono::Duration::days(days);
    Some(DateWindow {
        earliest: day,
        latest: day,
        value: day.to_string(),
        granularity: "Day".into(),
        method: crate::model::DateMethod::RelativeToDate,
        text: (start..=p)
            .map(|k| sent.lower(k))
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// What dates talks that the speaker has just come out of.
pub(crate) enum AfterTalks {
    /// The words' own date expression.
    Dated(usize),
    /// Words with no date of their own: in a wire story, the story's day.
    Undated,
}

/// "Fino, speaking after a meeting with his Italian counterpart", "said
/// after talks in Rome with Dini": talks that end just before the words are
/// dated by them.
pub(crate) fn after_talks(sent: &Sent, frames: &[Frame], t: &Trigger) -> Option<AfterTalks> {
    if t.pos() != Pos::Noun || t.kind().family() != "consult" {
        return None;
    }
    let mut a = t.t0;
    while a > 0
        && t.t0 - a < 3
        && matches!(
            sent.lower(a - 1),
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "two-day"
                | "lengthy"
                | "closed-door"
        )
    {
        a -= 1;
    }
    if a < 2 || !matches!(sent.lower(a - 1), "after" | "following") {
        return None;
    }
    let verb = a - 2;
    // "told reporters after the meeting", "told a joint press conference
    // after talks with": the saying past its audience or setting.
    let told_to = || {
        let mut k = verb;
        while k > 0 && verb - k < 8 && (at!("press_settings", sent, k) || sent.toks[k].cap) {
            k -= 1;
        }
        frames.iter().find(|f| f.verb == k && k < verb)
    };
    let speech = frames
        .iter()
        .find(|f| f.verb == verb)
        .or_else(told_to)
        .or_else(|| {
            // "speaking after ...": the sentence's own saying.
            (sent.lower(verb) == "speaking")
                .then(|| frames.iter().find(|f| f.verb > t.t1))
                .flatten()
        })
        .or_else(|| {
            // "senators said on Thursday after a meeting with Trump": the
            // saying's own date between it and "after".
            // Not "said Thursday, days after talks": the word before
            // "after" must end the date.
            let ends_date = super::lexicon::WEEKDAYS.contains(&sent.lower(verb))
                || at!("months", sent, verb)
                || at!("day_parts", sent, verb)
                || sent.toks[verb].kind == TokKind::Number;
            frames
                .iter()
                .find(|f| ends_date && f.date.is_some() && f.verb < verb && verb - f.verb <= 3)
        })?;
    Some(speech.date.map_or(AfterTalks::Undated, AfterTalks::Dated))
}

/// Attack mode from the words around the trigger ("drone", "shelling").
pub(crate) fn attack_mode(sent: &Sent, t: &Trigger, rb: usize) -> Option<String> {
    if let Some(m) = t.rule.mode {
        return Some(m.to_string());
    }
    let from = t.t0.saturating_sub(6);
    let to = rb.min(sent.toks.len()).max(from);
    for k in from..to {
        if let Some((_, mode)) = LISTS
            .pairs("attack_modes")
            .iter()
            .find(|(w, _)| *w == sent.lower(k))
        {
            return Some((*mode).to_string());
        }
    }
    None
}

/// "Lavrov attacked the ODIHR Monday, saying ..., and urged the
/// organisation": a verb coordinated with an earlier one shares its date
/// when it has none of its own.
fn coordinated(
    t: &Trigger,
    lb: usize,
    triggers: &[Trigger],
    timexes: &[TimexTok],
    owners: &[Option<Owner>],
    sent: &Sent,
) -> Option<usize> {
    // "..., and a Muslim farmer was killed by gunfire": a clause of its
    // own after ", and" shares the sentence's date as a second verb does.
    let clause_and = lb >= 1 && sent.lower(lb) == "and" && sent.lower(lb - 1) == ",";
    let (and_at, first) = match (1..=2).find(|&d| t.t0 >= d && sent.lower(t.t0 - d) == "and") {
        Some(and) => (t.t0 - and, t.t0.saturating_sub(25)),
        None if clause_and => (lb, lb.saturating_sub(40)),
        None => return None,
    };
    // Only in a sentence of main clauses: a date in a relative or "since"
    // clause before the "and" is that clause's ("Anwar, who returned ...
    // earlier this month, said ... and announced").
    if (sent.body..and_at).any(|k| at!("clause_breaks", sent, k)) {
        return None;
    }
    (0..timexes.len())
        .filter(|&i| window_of(&timexes[i].timex).is_some())
        .filter(|&i| timexes[i].t1 <= and_at && timexes[i].t0 >= first)
        // "lamented Monday's exchange of fire ... and called": a noun's.
        .filter(|&i| sent.lower(timexes[i].t1) != "'s")
        .filter(|&i| match owners[i] {
            Some(Owner::Verb | Owner::Frame(_)) => true,
            // "invited Triet to visit the United States in 2007, and the
            // president accepted the invitation": an infinitive's date is
            // what is to be, not the sentence's.
            Some(Owner::Trigger(j)) => {
                triggers[j].pos() == Pos::Verb
                    && !(triggers[j].t0 > 0 && sent.lower(triggers[j].t0 - 1) == "to")
            }
            // "Kofi Annan on Tuesday lamented ... and called on", "Russia
            // on Monday called the referendum a milestone and urged": a
            // day right before the first verb, which is no event of ours.
            None => {
                let next = timexes[i].t1;
                past_form(sent.lower(next)) && !sent.toks[next].cap
            }
        })
        .max_by_key(|&i| timexes[i].t1)
}

/// "Biden, who ... joined UAW members in Michigan last month, hailed the
/// agreement", "Hamas, which took over Gaza in 2007, attacked", "since
/// Paris and Beijing established diplomatic relations in 1964, Millon has
/// invited": a date in a subordinate clause with a verb of its own is that
/// verb's. A "when" clause shares its time with the clause it hangs on
/// ("when he decided ..., back in 1996, he was offered"), unless that is
/// itself a relative clause ("who became ... when he joined ... last
/// month,"); an occurrence verb ("the blast, which happened at around 10:00
/// a.m., killed") dates the event itself.
fn in_own_clause(sent: &Sent, breaks: &[bool], x: &TimexTok) -> bool {
    let last_break = |before: usize| (sent.body..before).rev().find(|&k| breaks[k]);
    let relative = |r: usize| matches!(sent.lower(r), "who" | "which");
    let Some(b) = last_break(x.t0) else {
        return false;
    };
    // Relative, "since", "because", "if" clauses keep their dates; the
    // temporal ones share them.
    let opened = !matches!(sent.lower(b), "when" | "as" | "while")
        || last_break(b).is_some_and(|r| relative(r) && (r..b).all(|k| sent.lower(k) != ","));
    opened
        && (b + 1..x.t0).any(|k| {
            let w = sent.lower(k);
            let occurrence = is!("occurrence_verbs", w)
                || matches!(w, "happened" | "occurred")
                || w == "took" && sent.lower(k + 1) == "place";
            past_form(w) && !occurrence && !sent.toks[k].cap
        })
}

/// The event noun whose phrase a date stands in: "a March 31, 2016,
/// meeting", "the Dec. 5 summit", "Tuesday's talks".
fn phrase_noun(sent: &Sent, triggers: &[Trigger], x: &TimexTok) -> Option<usize> {
    let determiner = x.t0 > 0 && matches!(sent.lower(x.t0 - 1), "a" | "an" | "the");
    let mut k = x.t1;
    if sent.lower(k) == "'s" || determiner && sent.lower(k) == "," {
        k += 1;
    }
    if !(determiner || k > x.t1 && sent.lower(x.t1) == "'s") {
        return None;
    }
    triggers.iter().position(|t| t.t0 == k)
}

/// A date expression standing before the noun of its phrase, after a
/// determiner or as its possessor: the trigger heading the phrase past a
/// few modifiers ("last week's terrorist attack", "next week's six-way
/// nuclear talks"), else, in a phrase that places the event before or after
/// it, another noun that keeps the date from every event ("after its
/// October 9 nuclear test", "ahead of the November 8 election"). A phrase
/// that holds the event shares its date ("killed in Tuesday's unrest",
/// "attacks during January's election"), and so may a verb's subject or
/// object ("This year's conference called for", "boycott next month's
/// polls"): only the ordering phrase is taken.
fn premodified_noun(sent: &Sent, triggers: &[Trigger], x: &TimexTok) -> Option<Owner> {
    // "said that Monday marked": "that" opens a clause as often.
    let determiner =
        x.t0 > 0 && at!("determiners", sent, x.t0 - 1) && sent.lower(x.t0 - 1) != "that";
    let possessor = sent.lower(x.t1) == "'s";
    if !(determiner || possessor) {
        return None;
    }
    let from = if possessor { x.t1 + 1 } else { x.t1 };
    let modifier = |k: usize| {
        sent.toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Number
                || t.kind == TokKind::Word && !t.cap && !is!("stopwords", t.lower.as_str())
                || t.lower == "-"
        })
    };
    let mut k = from;
    while k < from + 5 && modifier(k) {
        if let Some(i) = triggers.iter().position(|t| t.t0 == k) {
            return Some(Owner::Trigger(i));
        }
        k += 1;
    }
    let start = if determiner { x.t0 - 1 } else { x.t0 };
    // "ahead of", "prior to": the ordering word before its preposition.
    let word = match start.checked_sub(1).map(|k| sent.lower(k)) {
        Some("of" | "to") => start.checked_sub(2).map(|k| sent.lower(k)),
        w => w,
    };
    let ordered = word.is_some_and(|w| is!("before_after_words", w));
    (k > from && ordered).then_some(Owner::Verb)
}

/// A past tense or participle: "-ed" past three letters ("red", "bed" are
/// not) or an irregular past from the word list ("took", "met").
pub(crate) fn past_form(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ed") || is!("irregular_past", w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_only_for_dates() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 17).unwrap();
        let tags = crate::timex::tag("on Thursday, for two weeks", d);
        let w: Vec<_> = tags.iter().filter_map(window_of).collect();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].earliest.to_string(), "2025-10-16");
    }
}
