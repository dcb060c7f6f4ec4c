//! Events told by a report's form rather than by a trigger word: what a
//! speaker says they will do, and what they say another party must do.

use super::{evidence, topic_words};
use crate::extract::attributes;
use crate::extract::clauses::{Frame, TimexTok};
use crate::extract::doc::Sent;
use crate::extract::entities::{Ent, EntKind};
use crate::extract::lexicon::is;
use crate::extract::text::TokKind;
use crate::extract::triggers::Trigger;
use crate::model::{DateWindow, EntityRef, EntityType, EventKind, Mention, Role, Status};

/// One sentence's reading, as the stages of this file need it.
pub(super) struct Said<'a> {
    pub(super) text: &'a str,
    pub(super) sent: &'a Sent,
    pub(super) ents: &'a [Ent],
    pub(super) tx: &'a [TimexTok],
}

/// The first word of a frame's clause past dates and the `skip` words.
fn clause_start(said: &Said, f: &Frame, skip: &[&str]) -> usize {
    let mut k = f.comp.0;
    while k < f.comp.1
        && (said.tx.iter().any(|t| t.t0 <= k && k < t.t1) || skip.contains(&said.sent.lower(k)))
    {
        k += 1;
    }
    k
}

/// The event a frame tells: dated by the frame, evidenced by `span`, its
/// topic the words after the verb at `v`.
fn frame_mention(
    said: &Said,
    f: &Frame,
    kind: EventKind,
    actors: Vec<(Role, EntityRef)>,
    span: (usize, usize),
    v: usize,
) -> Mention {
    let (sent, ents) = (said.sent, said.ents);
    Mention {
        kind,
        actors,
        date: f
            .date
            .and_then(|i| attributes::window_of(&said.tx[i].timex)),
        place: None,
        status: Status::Occurred,
        claimed_by: None,
        attack_mode: None,
        topic: topic_words(sent, ents, v, f.comp.1.min(v + 8)),
        time_not_taken: false,
        evidence: vec![evidence(
            said.text,
            sent,
            sent.toks[span.0].start,
            sent.toks[span.1].end,
        )],
    }
}

/// "X said he would end the war": X's pledge, when what is promised is no
/// event of its own.
pub(super) fn intent_pledges(said: &Said, frames: &[Frame], trigs: &[Trigger]) -> Vec<Mention> {
    let (sent, ents) = (said.sent, said.ents);
    let mut out = Vec::new();
    for f in frames {
        let Some(sp) = f.speaker else { continue };
        // Dates, "that" and the setting between the verb and its clause.
        let k = clause_start(
            said,
            f,
            &[
                "that", "during", "his", "her", "election", "campaign", "on", "in", ",",
            ],
        );
        if k + 2 >= f.comp.1 {
            continue;
        }
        let subj_is_speaker = ents
            .iter()
            .any(|e| e.t0 == k && e.ent.iri == ents[sp].ent.iri && e.kind == EntKind::Pronoun);
        // (Contractions tokenize as "he" "'" "ll": "he'll" is not read here.)
        if !subj_is_speaker || !matches!(sent.lower(k + 1), "would" | "will") {
            continue;
        }
        let mut v = k + 2;
        while v < f.comp.1 && matches!(sent.lower(v), "soon" | "also" | "then" | "quickly") {
            v += 1;
        }
        if v >= f.comp.1 {
            continue;
        }
        let verb = sent.lower(v);
        if matches!(
            verb,
            "be" | "have"
                | "not"
                | "n't"
                | "like"
                | "love"
                | "prefer"
                | "need"
                | "want"
                | "never"
                | "continue"
                | "comment"
                | "meet"
                | "visit"
                | "attend"
                | "hold"
                | "travel"
        ) || trigs.iter().any(|t| t.t0 >= f.comp.0 && t.t0 < f.comp.1)
        {
            continue;
        }
        out.push(frame_mention(
            said,
            f,
            EventKind::Pledge,
            vec![(Role::Initiator, ents[sp].ent.clone())],
            (v, v),
            v,
        ));
    }
    out
}

/// "Portman said India must help in solving the standoff", "North Korea
/// insisted that the Security Council should lift its sanctions": a report
/// whose clause opens with another party bound by "must" or "should" is a
/// demand on that party.
pub(super) fn frame_requests(said: &Said, frames: &[Frame], trigs: &[Trigger]) -> Vec<Mention> {
    let (sent, ents) = (said.sent, said.ents);
    let mut out = Vec::new();
    for f in frames {
        let Some(sp) = f.speaker else { continue };
        let k = clause_start(said, f, &["that", "the", "on", ",", "\"", "\u{201c}"]);
        // "'So if anybody needed a reminder, this is it, that the Syrian
        // government should take immediate steps ...,' Ereli said": a "that"
        // inside the quoted words opens the clause too.
        // Not a noun's "that" ("Cyprus' position that Turkey must do
        // exactly that": Cyprus asks, not the speaker).
        let that_at = |t: usize| {
            sent.lower(t) == "that"
                && t > 0
                && (matches!(sent.lower(t - 1), "," | "is" | "was")
                    || sent.lower(t - 1).ends_with("ing")
                    || sent.lower(t - 1).ends_with("ed"))
        };
        let opens = |j: usize| {
            j == k
                || j > f.comp.0
                    && j < f.comp.1
                    && (that_at(j - 1) || j >= 2 && sent.lower(j - 1) == "the" && that_at(j - 2))
        };
        // The party, a name or a country's body ("the Syrian government").
        // "said the United States must return": the phrase may open with
        // the "the" the clause start passed.
        let Some(target) = ents.iter().find(|e| {
            (opens(e.np0) || e.np0 + 1 == k && sent.lower(e.np0) == "the")
                && !e.modifier
                && !e.is_place()
                && matches!(e.kind, EntKind::Name | EntKind::Demonym)
                && !e.people
                && e.ent.anchor != ents[sp].ent.anchor
        }) else {
            continue;
        };
        let m = target.np1;
        if !matches!(sent.lower(m), "must" | "should") {
            continue;
        }
        let v = if sent.lower(m + 1) == "not" {
            m + 2
        } else {
            m + 1
        };
        // "should be" tells a state, not an act asked for; a request the
        // clause tells in words of its own ("must call for") is that one.
        let verb = sent.lower(v);
        if v >= f.comp.1
            || sent.toks[v].kind != TokKind::Word
            || matches!(verb, "be" | "have" | "also" | "still" | "now")
            // "Obama should arrive in Cairo on Thursday": a schedule; not
            // with an object ("Sudan must return the helicopter", "Israel
            // should end its occupation").
            || is!("schedule_verbs", verb)
                && !matches!(
                    sent.lower(v + 1),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "all"
                )
                // "Syria must leave Lebanon" (but "Obama should leave Cairo
                // on Friday" is a timetable).
                && !(sent.lower(m) == "must" && sent.toks.get(v + 1).is_some_and(|x| x.cap))
            || trigs
                .iter()
                .any(|t| t.t0 >= k && t.t0 < f.comp.1 && t.kind() == EventKind::Request)
        {
            continue;
        }
        out.push(frame_mention(
            said,
            f,
            EventKind::Request,
            vec![
                (Role::Initiator, ents[sp].ent.clone()),
                (Role::Target, target.ent.clone()),
            ],
            (m, v),
            v,
        ));
    }
    out
}

/// "Russian Prime Minister Mikhail Mishustin said Wednesday" that the
/// borders cannot yet reopen, "A top U.S. business lobby in China said on
/// Tuesday it was concerned": a story that opens on what a named party said,
/// when what was said is no event of its own, is news of that saying. Only
/// a lead (`is_lead`); later reports are the story's sources.
pub(super) fn lead_statement(
    said: &Said,
    frames: &[Frame],
    found: &[Mention],
    reference: Option<chrono::NaiveDate>,
) -> Option<Mention> {
    // What was said is an event of its own ("Hill said Saturday he will
    // meet with his North Korean counterpart"): that event is the news.
    if !found.is_empty() {
        return None;
    }
    let (sent, ents) = (said.sent, said.ents);
    let f = frames.iter().find(|f| {
        f.speaker.is_some_and(|sp| {
            let e = &ents[sp];
            e.kind == EntKind::Name
                && !e.is_place()
                && !is!("news_agencies", &e.ent.label.to_lowercase())
                && !source(sent, e)
        }) && matches!(sent.lower(f.verb), "said" | "says" | "told")
            // "The African Union on Wednesday told Ethiopia to pull out":
            // an order, no statement.
            && !(sent.lower(f.verb) == "told"
                && (f.verb + 1..f.comp.1.min(f.verb + 5)).any(|k| sent.lower(k) == "to"))
            && f.comp.1 >= f.comp.0 + 4
            && !f.claim
            && !f.deny
    })?;
    let sp = f.speaker?;
    let speaker = &ents[sp].ent;
    let mut actors = vec![(Role::Initiator, speaker.clone())];
    for e in ents.iter().filter(|e| {
        e.kind == EntKind::Name
            && !e.modifier
            && f.comp.0.max(sent.body) <= e.t0
            && e.t1 <= f.comp.1
            && (!e.is_place() || e.ent.etype == crate::model::EntityType::Country)
            && e.ent.anchor != speaker.anchor
            && !source(sent, e)
    }) {
        if !actors.iter().any(|(_, a)| a.iri == e.ent.iri) {
            actors.push((Role::Target, e.ent.clone()));
        }
    }
    let mut m = frame_mention(
        said,
        f,
        EventKind::Statement,
        actors,
        (f.verb, f.verb),
        f.verb,
    );
    // "Spanish Prime Minister Pedro Sánchez says": a report in the present
    // is the story's day, marked as that fallback. One in the past with no
    // day ("Seven persons were arrested on Saturday ..., the spokesperson of
    // Ministry of Defense said") tells a fact whose news is itself.
    if m.date.is_none() {
        if sent.lower(f.verb) != "says" {
            return None;
        }
        m.date = reference.map(DateWindow::story_day);
    }
    Some(m)
}

/// An outlet, or a dateline the reader did not take for one ("MOSCOW
/// (UrduPoint News / Sputnik - 29th April, 2020)": a name that opens the
/// sentence before a bracket): a source, no party.
fn source(sent: &Sent, e: &Ent) -> bool {
    media(&e.ent.label)
        || e.t0 > 0 && is!("media_words", sent.lower(e.t0 - 1))
        || e.t0 == 0 && sent.lower(e.t1) == "("
}

/// Whether a name is an outlet's ("Channel NewsAsia", "United News of
/// India"): a word of it in `[media_words]`.
fn media(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| is!("media_words", &w.to_lowercase()))
}

/// "The Chinese government has announced plans for 18 patented technology
/// exhibition and trade centers", "Swedish Prime Minister Stefan Lofven has
/// urged his countrymen", "Palestinian leader Mahmud Abbas condemned
/// Monday's suicide bomb attack": a lead that tells what one named party
/// said, asked, promised or warned, in the present perfect (or, said or
/// asked, in the past), tells the story's news, of its day; the same act
/// undated further down is background (`article::specific`). The day is
/// the story's, marked as that fallback.
pub(super) fn lead_act_day(
    sent: &Sent,
    found: &mut [Mention],
    reference: Option<chrono::NaiveDate>,
) {
    let Some(day) = reference else { return };
    // "the local government has announced", "family planning officials ...
    // have promised to follow suit": no named party.
    let named = |m: &Mention| {
        m.actors
            .iter()
            .any(|(r, e)| *r == Role::Initiator && e.etype != crate::model::EntityType::Group)
    };
    for m in found.iter_mut().filter(|m| {
        matches!(
            m.kind,
            EventKind::Statement | EventKind::Request | EventKind::Pledge | EventKind::Threat
        ) && m.date.is_none()
            // Two parties keep it news undated (`article::specific`).
            && m.parties() < 2
            && m.status == Status::Occurred
            && m.evidence.len() == 1
            && named(m)
    }) {
        if sent
            .token_at(m.evidence[0].start)
            .is_some_and(|k| perfect(sent, k) || said_or_asked(m) && simple_past(sent, k))
        {
            m.date = Some(DateWindow::story_day(day));
        }
    }
}

/// Whether the verb at `k` is in the present perfect: "has urged", "has
/// also pledged to maintain dollarization", "has repeatedly called for
/// international sanctions".
fn perfect(sent: &Sent, k: usize) -> bool {
    let adverb = |j: usize| sent.lower(j).ends_with("ly") || sent.lower(j) == "also";
    (k >= 1 && matches!(sent.lower(k - 1), "has" | "have"))
        || (k >= 2 && adverb(k - 1) && matches!(sent.lower(k - 2), "has" | "have"))
}

/// A statement or a request: what a thing "promised" or "threatened" in
/// the past is often no act ("as wet weather promised to deliver
/// much-needed respite", "Saddam's trial on charges of crimes against
/// humanity threatened to exacerbate already high ethnic tensions").
fn said_or_asked(m: &Mention) -> bool {
    matches!(m.kind, EventKind::Statement | EventKind::Request)
}

/// Whether the verb at `k` is a finite past: "condemned Monday's suicide
/// bomb attack", "urged China's major coal-producing province" (not "to be
/// condemned", "was asked", nor the participles of "the newly- announced
/// cut", "to axe guaranteed jobs").
fn simple_past(sent: &Sent, k: usize) -> bool {
    let next_noun = sent
        .toks
        .get(k + 1)
        .is_some_and(|t| t.kind == TokKind::Word && !t.cap && !is!("stopwords", t.lower.as_str()));
    attributes::past_form(sent.lower(k))
        && !next_noun
        && !(k >= 1
            && matches!(
                sent.lower(k - 1),
                "to" | "be" | "been" | "being" | "was" | "were" | "is" | "are" | "had" | "-"
            ))
}

/// "Haneya also called on the international community", "The ICJ also
/// called on Maoist rebels", "Ahmed also called upon the all concerned
/// officials": an undated act a speaker "also" did goes on from the act of
/// theirs the story told before, on its day (a single day).
pub(crate) fn also_acts(mentions: &mut [Mention]) {
    // The speaker by name: a country stands for many speakers.
    let initiators = |m: &Mention| -> Vec<String> {
        m.actors
            .iter()
            .filter(|(r, e)| *r == Role::Initiator && e.etype != EntityType::Country)
            .map(|(_, e)| e.iri.clone())
            .collect()
    };
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let before = m.evidence[0].before_trigger().trim_end();
        let also = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("also"));
        // "has also accused"; "Nuri al-Maliki, who also demanded": a
        // relative clause tells what the person did at another time.
        let perfect_or_relative = before.rsplit(' ').nth(1).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "has" | "have" | "had" | "who" | "which"
            )
        });
        if !m.kind.speech_act()
            || m.date.is_some()
            || m.status != Status::Occurred
            || !also
            || perfect_or_relative
        {
            continue;
        }
        let who = initiators(m);
        let start = m.evidence[0].start;
        let day = mentions[..i]
            .iter()
            .rev()
            .filter(|p| p.kind.speech_act() && p.evidence[0].start < start)
            .find(|p| initiators(p).iter().any(|x| who.contains(x)))
            .and_then(|p| p.date.clone())
            .filter(|d| d.days() == 1);
        if let Some(mut d) = day {
            d.method = crate::model::DateMethod::RelativeToDate;
            mentions[i].date = Some(d);
        }
    }
}
