//! A phrase that opens the sentence ("At a summit with Roh on Monday,
//! Yushchenko said"): its date and tense are the event's inside it. An
//! event noun in the complement of another noun ("the anniversary of the
//! attack") is not what its clause tells, and a date opening the clause is
//! not its.

use super::past_form;
use crate::extract::clauses::{Frame, TimexTok};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is, Pos};
use crate::extract::text::TokKind;
use crate::extract::triggers::Trigger;

/// The comma closing a phrase that opens the sentence with "during", "at"
/// or "in" ("At a summit with Roh on Monday, Yushchenko said ..."); not
/// "At least", nor a phrase of another time ("In response to the bombing
/// on Monday, Israel attacked").
fn opening_phrase(sent: &Sent) -> Option<usize> {
    let b = sent.body;
    if !matches!(sent.lower(b), "during" | "at" | "in") || sent.lower(b + 1) == "least" {
        return None;
    }
    let comma = (b + 1..(b + 20).min(sent.toks.len())).find(|&k| sent.lower(k) == ",")?;
    let other_time = (b..comma).any(|k| at!("other_time_openers", sent, k));
    (!other_time).then_some(comma)
}

/// "During a visit on Friday to the plant, Guinea-Bissau President Joao
/// Vieira rapped the gavel", "..., Bush held talks with Blair": the
/// opening phrase and its main clause take the tense of the main clause,
/// whose verb is the first lower-case word after the comma and the
/// subject's name.
pub(super) fn opening_phrase_in_past(sent: &Sent, t: &Trigger) -> bool {
    let Some(comma) = opening_phrase(sent) else {
        return false;
    };
    t.t0 <= comma + 14
        && (comma + 1..(comma + 10).min(sent.toks.len()))
            .find(|&k| sent.toks[k].kind == TokKind::Word && !sent.toks[k].cap)
            .is_some_and(|k| past_form(sent.lower(k)))
}

/// "During his visit, Enkhbold will meet Wu Bangguo", "During his stay in
/// Portugal, Wen is expected to hold talks", "During the meeting, Chirac and
/// Talabani are to discuss": a meeting or a trip the opening phrase names
/// is as far ahead as its main clause, whose first lower-case word is an
/// auxiliary of the future.
pub(super) fn opening_phrase_ahead(sent: &Sent, t: &Trigger) -> bool {
    let Some(comma) = opening_phrase(sent) else {
        return false;
    };
    if t.pos() != Pos::Noun || t.kind().family() != "consult" || t.t0 > comma {
        return false;
    }
    let Some(k) = (comma + 1..(comma + 10).min(sent.toks.len()))
        .find(|&k| sent.toks[k].kind == TokKind::Word && !sent.toks[k].cap)
    else {
        return false;
    };
    let next = if sent.lower(k + 1) == "also" {
        sent.lower(k + 2)
    } else {
        sent.lower(k + 1)
    };
    match sent.lower(k) {
        // Not "would": "Putin would not say whether" is past.
        "will" | "shall" => true,
        "is" | "are" => matches!(next, "to" | "expected" | "scheduled" | "due" | "slated"),
        _ => false,
    }
}

/// "During a whirlwind visit on Friday to the plant, Vieira met ...", "At
/// a summit with Roh on Monday, Yushchenko said ...": the date of an
/// opening phrase is the time of the main clause's first event, when that
/// event has no date of its own; not of an event told inside what someone
/// said, in a relative clause, or after another event ("Olmert accused
/// Hamas of attacking"), and not the time of an attack the phrase names.
pub(super) fn opening_phrase_date(
    sent: &Sent,
    timexes: &[TimexTok],
    frames: &[Frame],
    triggers: &[Trigger],
    t: &Trigger,
) -> Option<usize> {
    let b = sent.body;
    let comma = opening_phrase(sent)?;
    let first_event = triggers
        .iter()
        .filter(|o| !inside_phrase(sent, o))
        .map(|o| o.t0)
        .filter(|&k| k > comma)
        .min();
    if first_event != Some(t.t0) || t.t0 > comma + 14 {
        return None;
    }
    let subordinate = (comma..t.t0).any(|k| {
        let w = sent.lower(k);
        is!("speech_verbs", w)
            || matches!(
                w,
                "that" | "which" | "who" | "when" | "after" | "before" | "since"
            )
    });
    let attack_named = triggers
        .iter()
        .any(|o| o.t0 < comma && o.kind() == crate::model::EventKind::Attack);
    if subordinate || attack_named || frames.iter().any(|f| b < f.verb && f.verb < t.t0) {
        return None;
    }
    // The phrase's first date: "At a press conference on Monday marking
    // his visit to Iraq last year".
    (0..timexes.len())
        .filter(|&i| timexes[i].t0 > b && timexes[i].t1 <= comma)
        .min_by_key(|&i| timexes[i].t0)
}

/// "Earlier on Wednesday, the Biden campaign used the occasion of Trump's
/// rally and the GOP debate to announce", "On Wednesday, the anniversary of
/// the attack": an event noun in the complement of another noun ("of X",
/// "of X and Y") is not what its clause tells, and a date opening the
/// clause is not its. Not a part of the event itself ([event_parts]: "the
/// second day of talks", "a new round of talks"), nor a noun whose phrase
/// a verb or a subject's "and" opens ("China and Japan held talks").
pub(super) fn inside_phrase(sent: &Sent, t: &Trigger) -> bool {
    if t.pos() != Pos::Noun {
        return false;
    }
    // Back over the noun's own phrase: determiners, modifiers, names,
    // possessives; then, past "and", over the conjunct before it.
    let modifier = |k: usize| {
        let w = sent.lower(k);
        w == "'s"
            || sent.toks[k].kind == TokKind::Word
                && w != "and"
                && !crate::extract::arguments::is_preposition(w)
                && !at!("light_verbs", sent, k)
                && (!w.ends_with("ed") || sent.toks[k].cap)
    };
    let mut k = t.t0;
    let mut conjunct = false;
    while k > 0 && t.t0 - k < 8 {
        let w = sent.lower(k - 1);
        if w == "and" && !conjunct {
            conjunct = true;
        } else if !modifier(k - 1) {
            break;
        }
        k -= 1;
    }
    k >= 2 && sent.lower(k - 1) == "of" && !at!("event_parts", sent, k - 2)
}
