//! Noun or verb: a verb form a trigger rule matched may stand as a noun
//! ("the attack", "Ukraine's attack", "a brief European tour", "after the
//! Oct. 7 terrorist attack"), which decides where its parties are read.

use crate::extract::doc::Sent;
use crate::extract::entities::{Ent, EntKind};
use crate::extract::lexicon::{at, is, Pos, TriggerRule};
use crate::extract::text::TokKind;
use crate::model::EventKind;

/// A one-word verb form after a determiner or possessive is a noun: "the
/// attack", "Ukraine's attack", "his visit".
pub(super) fn effective_pos(
    sent: &Sent,
    ents: &[Ent],
    t0: usize,
    t1: usize,
    rule: &TriggerRule,
) -> Pos {
    // Only a form that can be a noun reads as one ("attack", "visit",
    // "meeting"; not "met", "attacked", "hosted").
    let w = sent.lower(t0);
    let past = w.ends_with("ed") || is!("verb_only_forms", w);
    if rule.pos == Pos::Noun || t1 - t0 > 1 || t0 == 0 || past {
        return rule.pos;
    }
    if let Some(pos) = pos_by_context(sent, t0, rule) {
        return pos;
    }
    // "Egypt condemned Israeli attacks on Gaza", "denounced Iraqi raids": a
    // country's adjective right before a plural is its modifier, not a
    // subject, which a verb in -s would need in the singular. Not people
    // ("Palestinians attack", "Many Lebanese blame Damascus"), nor a word
    // of a name ("American Telephone and Telegraph").
    if w.ends_with('s')
        && !sent.toks[t0].cap
        && !sent.lower(t0 - 1).ends_with('s')
        && ents
            .iter()
            .any(|e| e.kind == EntKind::Demonym && e.t1 == t0)
    {
        return Pos::Noun;
    }
    if in_noun_phrase(sent, ents, t0, rule) {
        return Pos::Noun;
    }
    rule.pos
}

/// Noun or verb by what stands around the word: a meeting's name, a
/// letter's speech act, a verb of receiving, an indefinite article.
fn pos_by_context(sent: &Sent, t0: usize, rule: &TriggerRule) -> Option<Pos> {
    // "the APEC Economic Leaders' Meeting": a capitalised meeting word after
    // "Leaders" or an apostrophe is the name's noun. Not other named
    // meetings: as a verb, "will attend the APEC Ministerial Meeting" keeps
    // its attendees, which the one-sided noun would lose; nor visits ("30
    // Japan Tour titles" is golf).
    let in_name = |k: usize| sent.lower(k) == "'" || sent.lower(k) == "leaders";
    if rule.kind.family() == "consult"
        && rule.kind != EventKind::Visit
        && t0 > sent.body
        && sent.toks[t0].cap
        && in_name(t0 - 1)
    {
        return Some(Pos::Noun);
    }
    // "sent a letter Thursday to the Office of Management and Budget urging
    // the agency": a letter's speech act is a verb, not the noun of the name
    // before it ("a note to the embassy protesting the shelling of Kharkiv"
    // keeps its attack a noun).
    if rule.kind.speech_act() && crate::extract::clauses::sent_letter(sent, sent.body, t0).is_some()
    {
        return Some(Pos::Verb);
    }
    // "Pakistan received pledges from donors": the object of a verb of
    // receiving is a noun.
    if at!("receiving_verbs", sent, t0 - 1) {
        return Some(Pos::Noun);
    }
    // "a brief European tour": an indefinite article a few plain words
    // before opens a noun phrase, capitalised adjectives included.
    let indefinite = (t0.saturating_sub(3)..t0).rev().find(|&j| {
        matches!(sent.lower(j), "a" | "an")
            && (j + 1..t0).all(|m| {
                sent.toks[m].kind == TokKind::Word
                    && !at!("stopwords", sent, m)
                    && !at!("light_verbs", sent, m)
            })
    });
    indefinite.map(|_| Pos::Noun)
}

/// Whether a determiner opens the word's phrase, past up to three
/// adjectives, names and hyphens, or a date the determiner opens; or a
/// preposition stands before an attack gerund's modifiers.
fn in_noun_phrase(sent: &Sent, ents: &[Ent], t0: usize, rule: &TriggerRule) -> bool {
    let mut k = t0;
    let mut hops = 0;
    while k > 0 && hops < 3 {
        let w = sent.lower(k - 1);
        if is!("determiners", w) {
            return true;
        }
        // "the death of 19 Palestinians in Israeli artillery shelling": a
        // preposition before a gerund's modifiers ("after shelling the
        // town" has none; "with participants urging" is a participle).
        let modifiers = |a: usize| {
            (a..t0).all(|j| {
                at!("event_noun_modifiers", sent, j)
                    || ents
                        .iter()
                        .any(|e| e.t0 <= j && j < e.t1 && e.kind == EntKind::Demonym)
            })
        };
        if k < t0
            && rule.kind == EventKind::Attack
            && sent.lower(t0).ends_with("ing")
            && crate::extract::arguments::is_preposition(w)
            && modifiers(k)
        {
            return true;
        }
        // "after the Oct. 7 attack", "the Monday attack": a date the
        // phrase's determiner opens ("The Chinese president Monday visits"
        // is a headline's verb).
        if date_word(sent, k - 1) {
            let mut s = k - 1;
            while s > 0 && (date_word(sent, s - 1) || sent.lower(s - 1) == "-") {
                s -= 1;
            }
            return s > 0 && (at!("determiners", sent, s - 1) || sent.lower(s - 1) == "'s");
        }
        // "the Trump-Putin meeting": names and hyphens in the phrase.
        if ents.iter().any(|e| e.t0 < k && k <= e.t1) || w == "-" {
            k -= 1;
            continue;
        }
        let adjective = sent.toks[k - 1].kind == TokKind::Word
            && !sent.toks[k - 1].cap
            && !is!("light_verbs", w)
            && !is!("stopwords", w)
            // "made the remarks when meeting with": a clause opens here
            // (not before an attack's mass noun: "when shelling resumed").
            && (!is!("clause_breaks", w) || rule.kind == EventKind::Attack)
            && !matches!(
                w,
                "to" | "will"
                    | "would"
                    | "not"
                    | "n't"
                    | "also"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
            )
            && !w.ends_with("ly");
        if !adjective {
            return false;
        }
        k -= 1;
        hops += 1;
    }
    false
}

/// A word of a date inside a noun phrase: a capitalised weekday or month
/// (not the modal "may"), the full stop of "Oct.", a day after a month or
/// in a range ("Nov. 18-19"), a four-digit year ("the 2005 attack"; not
/// "Resolution 1701").
fn date_word(sent: &Sent, j: usize) -> bool {
    let w = sent.lower(j);
    let month = |j: usize| sent.toks[j].cap && at!("months", sent, j);
    sent.toks[j].cap && crate::extract::lexicon::WEEKDAYS.contains(&w)
        || month(j)
        || w == "." && j >= 1 && month(j - 1)
        || sent.toks[j].kind == TokKind::Number
            && (j >= 1 && (month(j - 1) || matches!(sent.lower(j - 1), "." | "-"))
                || w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..2100).contains(&y)))
}
