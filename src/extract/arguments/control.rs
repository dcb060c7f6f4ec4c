//! Control: whose clause encloses an adjunct ("after talks with") or an
//! infinitive ("urged Israel to halt"): the speaker, the sentence's
//! subject, or the controlling verb's object.

use super::subject::*;
use super::*;

/// The subject of the clause that encloses `lb` (for "when meeting with",
/// "after talks with"): the frame's speaker or the sentence's subject.
pub(super) fn controller(scope: &Scope, t: &Trigger, lb: usize) -> Option<Vec<usize>> {
    let sent = scope.sent;
    if own_thing_subject(sent, t, lb) || relative_of_thing(scope, t, lb) {
        return None;
    }
    if let Some(s) = speaker_adjunct(scope, t) {
        return Some(vec![s]);
    }
    // "..., federal authorities announced Wednesday": what a report verb
    // follows is what was said, no clause enclosing it.
    if lb == 0
        || scope
            .frames
            .iter()
            .any(|f| f.verb == t.t0 && f.comp.1 < t.t0)
    {
        return None;
    }
    if opens_own_clause(scope, t, lb) {
        return None;
    }
    subject(scope, clause_floor(scope, t, lb), lb)
}

/// The speaker whose own adjunct the trigger stands in.
fn speaker_adjunct(scope: &Scope, t: &Trigger) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    for f in scope.frames {
        // Only the speaker's own adjunct, after the verb and before any
        // clause of what was said: not "told Xinhua that the blast, which
        // happened at around 10:00 a.m., killed seven people", nor "The
        // attack took place in the morning when unknown armed men opened
        // fire ..., Abdul Rahman said".
        let opener = (f.comp.0..t.t0).find(|&k| {
            matches!(
                sent.lower(k),
                "after"
                    | "following"
                    | "before"
                    | "during"
                    | "when"
                    | "while"
                    | "upon"
                    | "ahead"
                    | "at"
                    | "in"
            )
        });
        let adjunct = f.comp.0 > f.verb
            && f.comp.0 <= t.t0
            && t.t1 <= f.comp.1
            && opener.is_some_and(|a| {
                !(f.comp.0..a).any(|k| matches!(sent.lower(k), "that" | "which" | "who"))
            })
            && !(f.comp.0..t.t0).any(|k| ents.iter().any(|e| e.t0 == k && free(e)));
        if adjunct {
            if let Some(s) = f.speaker {
                return Some(s);
            }
        }
    }
    None
}

/// Whether the clause holding the trigger opens what a frame's speaker said
/// and so has a subject of its own.
fn opens_own_clause(scope: &Scope, t: &Trigger, lb: usize) -> bool {
    let sent = scope.sent;
    // "Police officials said that some 3,000 youths attacked security
    // forces": a clause that opens what was said has its own subject, named
    // or not; the enclosing clause's is the speaker. Not when that subject
    // is a pronoun left unresolved ("The Archdiocese said Friday it has
    // agreed to pay": most often the speaker), nor in an infinitive or a
    // participle, whose subject is the speaker's ("Islamists claimed to have
    // captured"), nor for a noun ("Mwanawasa said the just ended Beijing
    // Summit", which he attended).
    let pronoun = |k: usize| {
        let w = sent.lower(k);
        is!("pronouns_person", w)
            || is!("pronouns_plural", w)
            || is!("pronouns_it", w)
            || is!("pronouns_first", w)
    };
    scope.frames.iter().any(|f| {
        f.verb != t.t0
            && f.comp.0 > f.verb
            && f.comp.0 == lb
            && t.t1 <= f.comp.1
            && t.pos() == Pos::Verb
            && sent.lower(lb) != "to"
            && !sent.lower(t.t0).ends_with("ing")
            // "said on Tuesday after a whirlwind visit", "said that in the
            // last summit": an adjunct, the speaker's own.
            // "The White House said the president would meet Putin",
            // "Semashko announced that the two sides had agreed": an
            // unnamed title or side is most often the speaker's own.
            && !(lb..t.t0).any(|k| {
                pronoun(k)
                    || at!("adjunct_openers", sent, k)
                    || at!("head_titles", sent, k)
                    || sent.lower(k) == "sides"
            })
    })
}

/// Where the clause enclosing `lb` can begin.
fn clause_floor(scope: &Scope, t: &Trigger, lb: usize) -> usize {
    let sent = scope.sent;
    // Inside a frame, the enclosing clause is the complement: "Hegseth said
    // that Washington would \"impose costs\"".
    let floor = scope
        .frames
        .iter()
        .filter(|f| f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0 && f.comp.0 < lb)
        .map(|f| f.comp.0)
        .max()
        .unwrap_or(0);
    // '"... Bulgaria and Romania will also have a slightly positive
    // effect ...," the ministry said in a statement': what a quotation
    // that opens the sentence and closes before the clause names is what
    // was said, not who said it (not a quoted word: 'turn his countrymen
    // into "slaves", in his strongest words yet blaming Islamabad').
    sent.quotes
        .iter()
        .filter(|&&(a, b)| a >= floor && a <= sent.body + 1 && b <= lb)
        .map(|&(_, b)| b)
        .max()
        .unwrap_or(floor)
}

/// "Several people were wounded when a car exploded", "after the vehicle
/// hit a mine": a finite verb whose subordinate clause has a subject of its
/// own, named by a common noun, borrows none from the enclosing clause.
/// (A title, "when the minister met", is most often the enclosing clause's
/// subject told again.)
fn own_thing_subject(sent: &Sent, t: &Trigger, lb: usize) -> bool {
    let opener = sent.lower(lb);
    t.pos() == Pos::Verb
        && !sent.lower(t.t0).ends_with("ing")
        && (is!("subordinators", opener) || is!("clause_conjunctions", opener))
        && at!("determiners", sent, lb + 1)
        && sent.lower(lb + 1) != "'s"
        && t.t0 > lb + 2
        && t.t0 <= lb + 5
        && (lb + 2..t.t0).all(|k| {
            sent.toks[k].kind == TokKind::Word
                && !sent.toks[k].cap
                && !at!("head_titles", sent, k)
                // "when the two met": the parties of the enclosing clause.
                && !matches!(sent.lower(k), "sides" | "two" | "both")
        })
}

/// "-- comments that were also condemned by the Security Council", "the
/// highly radioactive substance which killed Litvinenko": a relative clause
/// right after a common noun has that noun for subject, which names no
/// party; the enclosing clause lends none either. Not after an event noun,
/// whose parties the enclosing clause may tell ("Pinochet came to power in
/// a 1973 military coup that ousted Allende"), nor after a weapon or a text.
fn relative_of_thing(scope: &Scope, t: &Trigger, lb: usize) -> bool {
    let sent = scope.sent;
    lb > 0
        && matches!(sent.lower(lb), "that" | "which")
        && sent.toks[lb - 1].kind == TokKind::Word
        && !sent.toks[lb - 1].cap
        && !at!("speech_verbs", sent, lb - 1)
        && !scope.ents.iter().any(|e| e.np0 < lb && lb <= e.np1)
        && !scope.triggers.iter().any(|o| o.t1 == lb)
        && !at!("regime_force", sent, lb - 1)
        // "Israel dropped a bomb that killed 30 people", "The General
        // Assembly adopted a resolution which calls on Israel": a weapon
        // or a text acts for whoever used or issued it.
        && !at!("weapon", sent, lb - 1)
        && !at!("document_nouns", sent, lb - 1)
        && t.t0 > lb
        && (lb + 1..t.t0).all(|k| {
            is!("occurrence_aux", sent.lower(k)) || matches!(sent.lower(k), "also" | "not" | "never")
        })
}

/// "Bush invited Triet to visit the United States", "urged Israel to
/// halt": the object of an object-control verb is the subject of the verb
/// after "to"; so is the accused of an accusing verb's gerund ("Israel
/// accused Hamas of firing rockets", "Colombo blamed the rebels for
/// killing 12 soldiers").
pub(super) fn controlling_object(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.t0 < 3 {
        return None;
    }
    let accused = matches!(sent.lower(t.t0 - 1), "of" | "for") && sent.lower(t.t0).ends_with("ing");
    if sent.lower(t.t0 - 1) != "to" && !accused {
        return None;
    }
    // "U.S. Marshals have arrested a football player accused of killing a
    // man": a reduced relative's gerund is the accused's, the noun before
    // the participle (named or not), never the clause's subject.
    // Only right after a noun: not after an auxiliary, an adverb or a
    // comma ("Israel has been widely accused of", "Israel stands accused
    // of", "Hamas militants, accused of firing rockets, were arrested").
    let p = t.t0 - 2;
    let noun_before = {
        let w = sent.lower(p - 1);
        sent.toks[p - 1].kind == TokKind::Word
            && !sent.toks[p - 1].cap
            && !is!("stopwords", w)
            && !is!("verb_auxiliaries", w)
            && !w.ends_with("ly")
            && !matches!(
                w,
                "stands" | "stand" | "stood" | "remains" | "remain" | "not" | "been"
            )
    };
    if accused && matches!(sent.lower(p), "accused" | "suspected" | "convicted") && noun_before {
        return Some(
            ents.iter()
                .position(|e| e.np1 == p && free(e) && !e.is_place())
                .into_iter()
                .collect(),
        );
    }
    let obj = ents
        .iter()
        .position(|e| e.np1 + 1 == t.t0 && free(e) && !e.is_place())?;
    let np0 = ents[obj].np0;
    // The object may be a list: "urged Israel and the Palestinians to".
    let first = ents
        .iter()
        .filter(|e| free(e) && e.np0 < np0 && e.np0 + 8 >= np0)
        .map(|e| e.np0)
        .chain(std::iter::once(np0))
        .filter(|&a| {
            (a..np0).all(|k| {
                ents.iter().any(|e| e.np0 <= k && k < e.np1) || matches!(sent.lower(k), "," | "and")
            })
        })
        .min()
        .unwrap_or(np0);
    let verb = if first >= 2 && matches!(sent.lower(first - 1), "on" | "the") {
        first - 2
    } else {
        first.saturating_sub(1)
    };
    let controls = if accused {
        at!("accusing_verbs", sent, verb)
    } else {
        at!("object_control", sent, verb)
    };
    if first == 0 || !controls {
        return None;
    }
    Some(coordinated(scope, obj, first, t.t0))
}
