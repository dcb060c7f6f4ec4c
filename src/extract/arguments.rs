//! The argument layer: who takes part in an event, in which role, read
//! from syntax-like cues around its trigger. Verbal triggers take their
//! clause's subject (through appositions, relative pronouns, coordination
//! and control: "Hu said when meeting with Howard") and their objects by
//! preposition ("with", "to", "on", "by" in the passive). Nominal triggers
//! take possessors ("Trump's meeting"), modifiers ("Israeli air strike",
//! "U.S.-China talks"), prepositional phrases ("talks between X and Y",
//! "a trip by X to Y") and the subject of their light verb ("held talks").

use super::clauses::Frame;
use super::doc::Sent;
use super::entities::{Ent, EntKind};
use super::lexicon::{is, Pos};
use super::text::TokKind;
use super::triggers::Trigger;
use crate::model::{EntityType, EventKind, Role};

/// The arguments of one trigger: indices into the sentence's entities.
#[derive(Debug, Default, Clone)]
pub(crate) struct Args {
    pub(crate) roles: Vec<(Role, usize)>,
    pub(crate) place: Option<usize>,
    /// The subject came from an enclosing clause or a speech frame.
    pub(crate) controlled: bool,
}

impl Args {
    fn add(&mut self, role: Role, e: usize) {
        if let Some(r) = self.roles.iter_mut().find(|(_, x)| *x == e) {
            // A stronger role wins: initiator or target over participant.
            if r.0 == Role::Participant {
                r.0 = role;
            }
        } else {
            self.roles.push((role, e));
        }
    }
}

/// What argument reading needs of the sentence.
pub(crate) struct Scope<'a> {
    pub(crate) sent: &'a Sent,
    pub(crate) ents: &'a [Ent],
    pub(crate) breaks: &'a [bool],
    pub(crate) frames: &'a [Frame],
    pub(crate) triggers: &'a [Trigger],
}

const PREPOSITIONS: &[&str] = &[
    "of", "with", "to", "on", "for", "by", "from", "about", "at", "in", "against", "between",
    "into", "over", "among", "toward", "towards", "near", "under", "after", "before", "during",
    "through", "upon", "within", "without", "amid", "across", "behind",
];

/// A word that may stand between a determiner or possessor and its noun:
/// a number, a part of a split compound ("his 25-minute talks"), or an
/// adverb or adjective after a possessive ("Trump's highly publicised
/// summit").
fn loose_modifier(sent: &Sent, k: usize) -> bool {
    let w = sent.lower(k);
    let tok = &sent.toks[k];
    tok.kind == TokKind::Number
        || (k >= 1 && sent.lower(k - 1) == "-" && !tok.cap)
        || (tok.kind == TokKind::Word
            && !tok.cap
            && !is!("stopwords", w)
            && !is!("light_verbs", w)
            && !is!("speech_verbs", w)
            && !PREPOSITIONS.contains(&w)
            && !crate::extract::lexicon::BY_FIRST.contains_key(w)
            && (1..=4).any(|d| k + 1 > d && sent.lower(k + 1 - d) == "'s"))
}

/// "had discussed U.S. sanctions on Russia with Sergey Kislyak": a verb of
/// talks keeps its "with" party past the event nouns of its topic.
fn with_party_beyond(scope: &Scope, t: &Trigger, e: &Ent, rb: usize) -> bool {
    t.kind().family() == "consult"
        && t.pos() == Pos::Verb
        && e.np1 <= rb
        && governing_prep(scope.sent, e.np0, t.t1) == Some("with")
        && scope
            .triggers
            .iter()
            .filter(|o| o.t0 >= t.t1 && o.t0 < e.np0)
            .all(|o| o.pos() == Pos::Noun && o.kind().family() != "consult")
}

/// Whether a place after an attack is what it strikes: a country ("attacks
/// across Ukraine"), a town attacked "on" ("the deadliest assault on New
/// York City"), a body struck "at" ("two rockets landed at an Israeli army
/// base").
fn struck_at(sent: &Sent, kind: EventKind, e: &Ent, t1: usize) -> bool {
    kind == EventKind::Attack
        && (e.ent.etype == EntityType::Country
            || matches!(governing_prep(sent, e.np0, t1), Some("on" | "against"))
            || matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            ))
}

/// Phrases after the trigger that name who acts: "claimed responsibility
/// for the attack on behalf of the Taliban" (who it is done for does it),
/// "a ballistic missile fired from warring Yemen" (the country it is fired
/// from fires it; a town or a region stays a place).
fn cued_initiator(sent: &Sent, kind: EventKind, prep: Option<&str>, e: &Ent) -> bool {
    let before = |word: &str, prev: &dyn Fn(&str) -> bool| {
        (e.np0.saturating_sub(3)..e.np0)
            .any(|k| sent.lower(k) == word && k > 0 && prev(sent.lower(k - 1)))
    };
    let behalf = prep == Some("of") && before("of", &|w| w == "behalf");
    let fired_from = kind == EventKind::Attack
        && matches!(prep, Some("from") | None)
        && e.ent.etype == EntityType::Country
        && before("from", &|w| matches!(w, "fired" | "launched"));
    behalf || fired_from
}

/// The role of a by-phrase after a speech verb's object, if there is one:
/// "called for restraint by Japan", "condemned missile attacks by Yemen's
/// Houthi militias": the agent of the content noun, asked to act or
/// condemned, not the speaker ("a charge rejected by Tehran" is a passive,
/// read elsewhere); "a ceasefire brokered by Qatar", "a statement carried
/// by MENA": the agent of a participle, no party (`Some(None)`).
fn content_agent(sent: &Sent, t: &Trigger, e: &Ent, prep: Option<&str>) -> Option<Option<Role>> {
    if prep != Some("by") || t.pos() == Pos::Noun || !t.kind().speech_act() {
        return None;
    }
    let by = (t.t1..e.np0)
        .rev()
        .find(|&k| sent.lower(k) == "by")
        .filter(|&by| by > t.t1)?;
    if sent.lower(by - 1).ends_with("ed") {
        return Some(None);
    }
    Some(matches!(t.kind(), EventKind::Request | EventKind::Statement).then_some(Role::Target))
}

/// The preposition governing an entity phrase starting at `np0`, looking
/// back over determiners, possessives and a few modifiers.
fn governing_prep(sent: &Sent, np0: usize, floor: usize) -> Option<&str> {
    let mut k = np0;
    let mut skipped = 0;
    while k > floor && skipped < 7 {
        let w = sent.lower(k - 1);
        if PREPOSITIONS.contains(&w) {
            return Some(sent.lower(k - 1));
        }
        let modifier = is!("np_modifiers", w)
            || crate::extract::lexicon::WEEKDAYS.contains(&w)
            || loose_modifier(sent, k - 1)
            || (sent.toks[k - 1].kind == TokKind::Word && !sent.toks[k - 1].cap && w.contains('-'));
        if !modifier {
            return None;
        }
        k -= 1;
        skipped += 1;
    }
    None
}

fn free(e: &Ent) -> bool {
    !e.modifier
}

/// Entities coordinated with `e` ("X and Y", "X, Y and Z").
fn coordinated(scope: &Scope, e: usize, lo: usize, hi: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    // "the two" stands for both parties of the story's meeting: two
    // entities over the same words.
    let mut out: Vec<usize> = (0..ents.len())
        .filter(|&i| {
            i == e || (ents[i].t0 == ents[e].t0 && ents[i].t1 == ents[e].t1 && free(&ents[i]))
        })
        .collect();
    // "X and Y", "X, Y and Z"; a lone comma is no list ("warnings to
    // Russia, Trump said").
    let joins = |a: usize, b: usize| {
        let gap: Vec<&str> = (a..b).map(|k| sent.lower(k)).collect();
        let list_goes_on = ents
            .iter()
            .find(|x| x.np0 == b)
            .is_some_and(|x| matches!(sent.lower(x.np1), "," | "and" | "or"));
        !gap.is_empty()
            && gap.len() <= 3
            && gap.iter().all(|w| {
                matches!(
                    *w,
                    "and" | "or" | "," | "the" | "as" | "well" | "its" | "his" | "their"
                )
            })
            && (gap.iter().any(|w| matches!(*w, "and" | "or")) || list_goes_on)
    };
    // "the State Development and Reform Commission (SDRC) and the State
    // Post Bureau": a bracketed acronym is its name's, and the list goes on
    // after the bracket.
    let gloss = |a: &Ent, b: &Ent| {
        b.np0 == a.np1 + 1 && sent.lower(a.np1) == "(" && sent.lower(b.np1) == ")"
    };
    let joins = |a: usize, b: usize| {
        if sent.lower(a) == ")" {
            joins(a + 1, b)
        } else {
            joins(a, b)
        }
    };
    // Rightwards.
    let mut cur = e;
    while let Some(n) = ents
        .iter()
        .enumerate()
        .filter(|(i, x)| free(x) && *i != cur && x.np0 >= ents[cur].np1 && x.np1 <= hi)
        .min_by_key(|(_, x)| x.np0)
        .map(|(i, _)| i)
    {
        if gloss(&ents[cur], &ents[n]) || joins(ents[cur].np1, ents[n].np0) && !ents[n].is_place() {
            out.push(n);
            cur = n;
        } else {
            break;
        }
    }
    // Leftwards.
    let mut cur = e;
    while let Some(p) = ents
        .iter()
        .enumerate()
        .filter(|(i, x)| free(x) && *i != cur && x.np1 <= ents[cur].np0 && x.np0 >= lo)
        .max_by_key(|(_, x)| x.np1)
        .map(|(i, _)| i)
    {
        if gloss(&ents[p], &ents[cur]) || joins(ents[p].np1, ents[cur].np0) && !ents[p].is_place() {
            out.push(p);
            cur = p;
        } else {
            break;
        }
    }
    out
}

/// The clause bounds of a trigger, narrowed by speech frames: a speaker is
/// outside the words attributed to them.
pub(crate) fn bounds(scope: &Scope, t: &Trigger) -> (usize, usize) {
    let (mut lb, mut rb) = super::clauses::clause_of(scope.breaks, t.t0, t.t1);
    for f in scope.frames {
        if f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0 {
            lb = lb.max(f.comp.0);
            rb = rb.min(f.comp.1);
        }
    }
    // Another trigger's own words belong to it.
    (lb, rb)
}

/// The subject of a verb at `v` within `lb..v`: the leftmost free entity
/// not in a prepositional phrase, with what is coordinated with it.
fn subject(scope: &Scope, lb: usize, v: usize) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    // "Siniora, who met Bush, Blair and Chirac in Paris last week, vowed":
    // the main clause opened by the relative clause's closing comma hangs
    // on the name before "who".
    if lb >= 1 && sent.lower(lb) == "," && !ents.iter().any(|e| free(e) && e.np0 > lb && e.np1 <= v)
    {
        let rel = (sent.body..lb)
            .rev()
            .find(|&k| scope.breaks[k])
            .filter(|&r| {
                r >= 2 && matches!(sent.lower(r), "who" | "which") && sent.lower(r - 1) == ","
            });
        if let Some(ante) = rel.and_then(|r| ents.iter().position(|e| free(e) && e.np1 == r - 1)) {
            return Some(coordinated(scope, ante, 0, ents[ante].np1));
        }
    }
    // "Kenya, which helped form the Somali government in 2004, asked
    // Ethiopia": the relative clause closed by the comma before the verb;
    // the verb's subject is what the clause hangs on.
    let closed = v >= 2
        && (sent.lower(v - 1) == ","
            || sent.lower(v - 2) == ","
                && matches!(sent.lower(v - 1), "also" | "has" | "had" | "then" | "on"));
    // "Veselnitskaya, who met ...": the relative pronoun's antecedent.
    if lb > 0 && matches!(sent.lower(lb), "who" | "which") && (lb + 4 >= v || closed) {
        // "Prevezon Holdings Ltd, a Russian-controlled company, which in
        // May agreed to pay": past an apposition of no name.
        let apposition = |e: &Ent| {
            sent.lower(e.np1) == ","
                && matches!(sent.lower(e.np1 + 1), "a" | "an" | "the")
                && sent.lower(lb - 1) == ","
                && e.np1 + 10 >= lb
                && !ents
                    .iter()
                    .any(|x| x.np0 > e.np1 && x.np1 < lb && !x.modifier)
                && (e.np1 + 1..lb - 1).all(|k| sent.lower(k) != ",")
        };
        let ante = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| free(e) && e.np1 <= lb && (e.np1 + 2 >= lb || apposition(e)))
            .max_by_key(|(_, e)| e.np1)
            .map(|(i, _)| i)?;
        // "Macron, standing beside Zelensky, who had flown in, condemned":
        // a name inside a phrase set off by commas after the sentence's
        // first name is not what the verb hangs on; that first name is.
        if closed && (sent.body..ents[ante].np0).any(|k| sent.lower(k) == ",") {
            if let Some(first) = ents.iter().position(|e| {
                free(e)
                    && e.np0 <= sent.body + 1
                    && sent.lower(e.np1) == ","
                    && e.np1 < ents[ante].np0
            }) {
                return Some(coordinated(scope, first, 0, lb));
            }
        }
        return Some(coordinated(scope, ante, 0, lb));
    }
    // "Zelensky meeting at the White House": an -ing form's subject is
    // the name right before it, whatever governs that name.
    if sent.lower(v).ends_with("ing") {
        if let Some(i) = ents
            .iter()
            .position(|e| free(e) && e.np1 == v && !e.is_place() && e.kind != EntKind::Group)
        {
            return Some(coordinated(scope, i, lb, v));
        }
    }
    // The word that opens the clause ("when", "that", a subordinating
    // "before") is not part of its subject.
    let start = if lb > 0 && scope.breaks.get(lb).copied().unwrap_or(false) {
        lb + 1
    } else {
        lb
    };
    let cands: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| free(e) && e.np0 >= start && e.np1 <= v && !e.is_place())
        .filter(|(_, e)| {
            governing_prep(sent, e.np0, start).is_none()
                || !e.people
                    && e.kind != EntKind::Demonym
                    && is!("force_nouns", sent.lower(e.np1 - 1))
                    && counted(sent, e.np0, start)
        })
        // "Hainan's fishery showed": a possessor is no subject, unless
        // nothing else is ("Ukraine's grid was attacked").
        .filter(|(_, e)| {
            sent.lower(e.np1) != "'s"
                || e.np1 + 1 >= v
                || !ents
                    .iter()
                    .any(|x| free(x) && x.np0 > e.np1 && x.np1 <= v && !x.is_place())
        })
        // "Hezbollah leader ..." handled by titles; a pronoun in a quote is another voice.
        .filter(|(_, e)| {
            sent.in_quote(e.t0) == sent.in_quote(v) || !sent.quotes.iter().any(|&(a, _)| a <= start)
        })
        .map(|(i, _)| i)
        .collect();
    let first = *cands.first()?;
    let mut out = coordinated(scope, first, start, v);
    out.extend(senders(scope, first, v));
    // "a team of advisers led by Secretary of State Marco Rubio", "ISAF
    // troops backed by Afghan security forces": the leader or ally takes
    // part.
    let leads: Vec<usize> = out
        .iter()
        .filter_map(|&g| {
            let e = &ents[g];
            (is!("joined_by", sent.lower(e.np1)) && sent.lower(e.np1 + 1) == "by")
                .then(|| ents.iter().position(|x| !x.modifier && x.np0 == e.np1 + 2))
                .flatten()
                // "rebels backed by Iran" are armed by it, not joined: a
                // backer takes part only as a force ("backed by Afghan
                // security forces").
                .filter(|&x| {
                    !matches!(sent.lower(e.np1), "backed" | "supported")
                        || is!("force_nouns", sent.lower(ents[x].np1 - 1))
                })
        })
        .collect();
    out.extend(leads);
    Some(out)
}

/// "Hundreds of ISAF troops launched", "some of the rebels attacked": a
/// count of the phrase at the clause's start, so the phrase is the subject.
fn counted(sent: &Sent, np0: usize, start: usize) -> bool {
    let mut k = np0;
    if k > start && sent.lower(k - 1) == "the" {
        k -= 1;
    }
    k >= start + 2
        && sent.lower(k - 1) == "of"
        && is!("quantity_heads", sent.lower(k - 2))
        && (start..k - 2).all(|j| {
            sent.toks[j].kind == TokKind::Number
                || matches!(sent.lower(j), "the" | "some" | "about" | "several")
        })
}

/// "Foreign ministers from China, Japan and South Korea met", "NAFTA
/// negotiators from the United States, Canada and Mexico": the countries
/// and bodies that sent the subject take part in what it does.
fn senders(scope: &Scope, subj: usize, v: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let at = ents[subj].np1;
    if sent.lower(at) != "from" {
        return Vec::new();
    }
    // People sent by a country act for it ("leaders from Bhutan"), people
    // and arms from a body act for that body ("warplanes from the NATO-led
    // force"); "gunmen from Pakistan" are no act of Pakistan's.
    let sent_by_state = is!("sender_nouns", sent.lower(at - 1));
    let first = ents.iter().position(|e| {
        free(e)
            && !e.people
            && e.np1 <= v
            && (e.np0 == at + 1 || e.np0 == at + 2 && sent.lower(at + 1) == "the")
            && match e.ent.etype {
                EntityType::Country => sent_by_state,
                EntityType::Organisation | EntityType::ArmedGroup => true,
                _ => false,
            }
    });
    first.map_or_else(Vec::new, |f| coordinated(scope, f, at + 1, v))
}

/// The subject of the clause that encloses `lb` (for "when meeting with",
/// "after talks with"): the frame's speaker or the sentence's subject.
fn controller(scope: &Scope, t: &Trigger, lb: usize) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    for f in scope.frames {
        let adjunct = f.comp.0 <= t.t0
            && t.t1 <= f.comp.1
            && (f.comp.0..t.t0).any(|k| {
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
            })
            && !(f.comp.0..t.t0).any(|k| ents.iter().any(|e| e.t0 == k && free(e)));
        if adjunct {
            if let Some(s) = f.speaker {
                return Some(vec![s]);
            }
        }
    }
    if lb == 0 {
        return None;
    }
    // Inside a frame, the enclosing clause is the complement: "Hegseth said
    // that Washington would \"impose costs\"".
    let floor = scope
        .frames
        .iter()
        .filter(|f| f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0 && f.comp.0 < lb)
        .map(|f| f.comp.0)
        .max()
        .unwrap_or(0);
    subject(scope, floor, lb)
}

fn role_of_prep(kind: EventKind, prep: Option<&str>, nominal: bool) -> Option<Role> {
    use EventKind::*;
    let symmetric = kind.symmetric();
    Some(match prep {
        None => {
            if symmetric {
                Role::Participant
            } else {
                Role::Target
            }
        }
        Some("with" | "between" | "among") => Role::Participant,
        // "a closed session before the House Intelligence Committee",
        // "hearings before the Senate": who it is held before takes part.
        Some("before") if kind.family() == "consult" && nominal => Role::Participant,
        Some("to" | "into" | "toward" | "towards") => {
            if symmetric && kind != Visit {
                Role::Participant
            } else {
                Role::Target
            }
        }
        Some("on" | "against" | "upon") => match kind {
            Attack | Threat | Sanction | Accusation | Request => Role::Target,
            _ if symmetric => return None,
            _ => Role::Target,
        },
        Some("at") => match kind {
            Attack | Threat => Role::Target,
            _ => return None,
        },
        Some("by") => Role::Initiator,
        Some("from") => match kind {
            PhoneCall | Threat | Request | Accusation | Aid | Pledge | Statement => Role::Initiator,
            _ => return None,
        },
        Some("of") if nominal => match kind {
            Visit => Role::Initiator,
            _ if symmetric => Role::Participant,
            Attack => Role::Target,
            _ => Role::Initiator,
        },
        Some("for") => match kind {
            Pledge | Aid => Role::Target,
            // "asked the court to obtain status for Veselnitskaya", "called
            // for the release of X": whom the request is for takes part.
            Request if !nominal => Role::Participant,
            _ => return None,
        },
        _ => return None,
    })
}

/// Reads the arguments of trigger `t`.
pub(crate) fn read(scope: &Scope, t: &Trigger) -> Args {
    let (lb, rb) = bounds(scope, t);
    let mut args = Args::default();
    let kind = t.kind();
    let sent = scope.sent;
    let ents = scope.ents;
    let subj_role = if t.rule.subject_is_target {
        Role::Target
    } else if kind.symmetric() {
        Role::Participant
    } else {
        Role::Initiator
    };
    let passive = passive(sent, t);
    // Left side.
    match t.pos() {
        Pos::Verb => verb_left(scope, t, lb, subj_role, passive, &mut args),
        Pos::Noun => nominal_left(scope, t, lb, subj_role, &mut args),
    }
    // "with whom Chernomyrdin met": the antecedent of "whom".
    if lb > 0 && sent.lower(lb) == "whom" && lb >= 2 && sent.lower(lb - 1) == "with" {
        if let Some(a) = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| free(e) && e.np1 + 4 >= lb && e.np1 < lb)
            .max_by_key(|(_, e)| e.np1)
            .map(|(i, _)| i)
        {
            args.add(Role::Participant, a);
        }
    }
    // "A roadside bomb hit an Iraqi army patrol", "a car bomb ripped
    // through a market": an attack or weapon noun is its verb's subject,
    // and the verb's object is the target.
    if weapon_subject(sent, t) && !passive {
        let v = weapon_verb(sent, t).map_or(t.t1, |v| v + 1);
        let verb = Trigger {
            t1: v,
            pos: Pos::Verb,
            ..t.clone()
        };
        right_side(scope, &verb, rb, false, &mut args);
        // "An airstrike in southern Afghanistan this week killed": the
        // place is the noun's own, before its verb.
        if let Some(i) = scope
            .ents
            .iter()
            .position(|e| e.np0 >= t.t1 && e.np1 < v && (e.locative || e.is_place()))
        {
            args.place = Some(i);
        }
    } else {
        right_side(scope, t, rb, passive, &mut args);
    }
    // "In a letter to Lighthizer in October, Holcomb urged the
    // administration": the letter's addressee is whom the words are to.
    if kind.speech_act() && t.pos() == Pos::Verb {
        if let Some(i) = letter_addressee(scope, t) {
            args.add(Role::Target, i);
        }
    }
    if let Some(that) = that_complement(scope, t) {
        complement_parties(scope, t, that, &mut args);
    }
    if t.pos() == Pos::Noun && kind.family() == "consult" {
        if let Some(s) = fronted_adjunct_subject(scope, t) {
            for e in s {
                args.add(Role::Participant, e);
            }
        }
    }
    // "with today's telephone conversation": a meeting or speech act that
    // names no party of its own is its clause's subject's.
    // Not when the noun is a passive's agent: "restaurants affected by
    // tonight's announcement" is nobody's of the clause.
    let agent_noun = (1..=4).any(|d| t.t0 >= d && sent.lower(t.t0 - d) == "by")
        && (1..=4)
            .take_while(|&d| t.t0 >= d && sent.lower(t.t0 - d) != "by")
            .all(|d| !sent.toks[t.t0 - d].cap || sent.lower(t.t0 - d) == "'s");
    if args.roles.is_empty()
        && t.pos() == Pos::Noun
        && (kind.family() == "consult" || kind.speech_act())
        && !agent_noun
    {
        if let Some(s) = subject(scope, lb, t.t0).or_else(|| controller(scope, t, lb)) {
            args.controlled = true;
            for e in s {
                args.add(subj_role, e);
            }
        }
    }
    args
}

/// The "that" opening a threat's, pledge's or request's complement, right
/// after the verb or past its date ("vowed on Saturday that").
fn that_complement(scope: &Scope, t: &Trigger) -> Option<usize> {
    let sent = scope.sent;
    if t.pos() != Pos::Verb
        || !matches!(
            t.kind(),
            EventKind::Threat | EventKind::Pledge | EventKind::Request
        )
    {
        return None;
    }
    let that = (t.t1..(t.t1 + 5).min(sent.toks.len())).find(|&k| sent.lower(k) == "that")?;
    // Only a date or an adverb between: "asked for weapons that would
    // allow it to strike Russia" is a relative clause.
    let dated = (t.t1..that).all(|k| {
        let w = sent.lower(k);
        sent.toks[k].cap
            || sent.toks[k].kind == TokKind::Number
            || matches!(
                w,
                "on" | "last"
                    | "this"
                    | "also"
                    | "again"
                    | "publicly"
                    | "repeatedly"
                    | "earlier"
                    | "later"
                    | ","
            )
    });
    let named_between = scope.ents.iter().any(|e| e.np0 >= t.t1 && e.np0 < that);
    (dated && !named_between).then_some(that)
}

/// The parties a "that" complement names. "demanded that Sessions be
/// recalled", "asked on Monday that the Security Council lift": who is to
/// act is whom a request is to, and all a request's content counts ("lift
/// its embargo against Somalia"). A threat's or a pledge's content counts
/// only where the speaker is who acts ("vowed that it would wipe out the
/// LRA"): "warned that Syria could stir up tension on the border" is a
/// forecast, its objects nobody's target.
fn complement_parties(scope: &Scope, t: &Trigger, that: usize, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let request = t.kind() == EventKind::Request;
    if request {
        if let Some(i) = ents.iter().position(|e| {
            free(e)
                && !e.is_place()
                && (e.np0 == that + 1 || e.np0 == that + 2 && sent.lower(that + 1) == "the")
        }) {
            for e in coordinated(scope, i, that + 1, sent.toks.len()) {
                args.add(Role::Target, e);
            }
        }
    }
    let speaker_acts = || {
        complement_subject(scope, that).is_some_and(|i| {
            ents[i].kind == EntKind::Pronoun
                || args
                    .roles
                    .iter()
                    .any(|&(r, x)| r == Role::Initiator && ents[x].ent.anchor == ents[i].ent.anchor)
        })
    };
    if !(request || speaker_acts()) {
        return;
    }
    if let Some(e) = content_object(scope, that) {
        if !args
            .roles
            .iter()
            .any(|&(_, x)| ents[x].ent.anchor == ents[e].ent.anchor)
        {
            args.add(Role::Target, e);
        }
    }
}

/// The name right after a complement's "that" (past a "the").
fn complement_subject(scope: &Scope, that: usize) -> Option<usize> {
    scope
        .ents
        .iter()
        .position(|e| e.np0 > that && e.np0 <= that + 2)
}

/// Whom the content of a "that" complement acts on: "vowed that it would
/// wipe out the LRA", "warned that parliament could hit back at the
/// Security Council", "asked that the Council lift its embargo against
/// Somalia". The object of the verb after the complement's modal.
fn content_object(scope: &Scope, that: usize) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let n = sent.toks.len();
    let modal = (that + 1..(that + 11).min(n))
        .take_while(|&k| !matches!(sent.lower(k), "," | ";" | "."))
        .find(|&k| {
            matches!(
                sent.lower(k),
                "would" | "will" | "could" | "should" | "must" | "might" | "may" | "to"
            )
        });
    // "asked that the Security Council lift": a subjunctive right after
    // the complement's subject.
    let subjunctive = || {
        complement_subject(scope, that)
            .map(|i| ents[i].np1)
            .filter(|&v| {
                sent.toks
                    .get(v)
                    .is_some_and(|x| x.kind == TokKind::Word && !x.cap)
            })
    };
    let verb = modal.map(|m| m + 1).or_else(subjunctive)?;
    ents.iter()
        .enumerate()
        .filter(|(_, e)| {
            free(e)
                && e.np0 > verb
                && e.np0 <= verb + 8
                && (!e.is_place() || e.ent.etype == EntityType::Country)
                && !e.locative
                && e.kind != EntKind::Pronoun
                && (verb..e.np0).all(|k| {
                    !matches!(sent.lower(k), "," | "." | "and")
                        && !is!("clause_breaks", sent.lower(k))
                })
                && matches!(
                    governing_prep(sent, e.np0, verb),
                    None | Some("against" | "at" | "on" | "to")
                )
        })
        .map(|(i, _)| i)
        .next()
}

/// An attack or weapon noun as the subject of a verb of harm: "a roadside
/// bomb hit", "a car bomb exploded", "a suicide bombing killed".
fn weapon_subject(sent: &Sent, t: &Trigger) -> bool {
    weapon_verb(sent, t).is_some()
}

/// Where the verb of a weapon or attack noun stands: right after it, or
/// after a phrase of place and time ("A NATO-led airstrike in southern
/// Afghanistan this week killed up to 30 Taliban fighters").
fn weapon_verb(sent: &Sent, t: &Trigger) -> Option<usize> {
    if t.kind() != EventKind::Attack || t.pos() != Pos::Noun {
        return None;
    }
    if is!("weapon_verbs", sent.lower(t.t1 - 1)) {
        return Some(t.t1 - 1);
    }
    if is!("weapon_verbs", sent.lower(t.t1)) {
        return Some(t.t1);
    }
    // Only a phrase that opens with a preposition of place or time.
    if !matches!(sent.lower(t.t1), "in" | "on" | "near" | "at" | "outside") {
        return None;
    }
    (t.t1 + 1..(t.t1 + 9).min(sent.toks.len()))
        .take_while(|&k| {
            let w = sent.lower(k);
            sent.toks[k].cap
                || is!("weapon_verbs", w)
                || is!("place_adjectives", w)
                || super::lexicon::WEEKDAYS.contains(&w)
                || matches!(
                    w,
                    "in" | "on"
                        | "near"
                        | "at"
                        | "of"
                        | "the"
                        | "this"
                        | "last"
                        | "week"
                        | "weekend"
                        | "late"
                        | "early"
                        | "morning"
                        | "night"
                        | "'s"
                )
        })
        .find(|&k| is!("weapon_verbs", sent.lower(k)))
}

/// The subject side of a verbal trigger: a controlling object ("urged X to
/// meet"), a coordinated verb's subject, its own subject, the controller of
/// its clause, or the subject after a fronted adjunct.
fn verb_left(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    subj_role: Role,
    passive: bool,
    args: &mut Args,
) {
    // "A bomb hit an Iraqi army patrol, killing two soldiers": the
    // participle tells the attack of the nearest trigger before it, whose
    // subject is the weapon; a party inside that weapon's object is none
    // of the participle's ("Russian missiles hit a building, killing 40
    // civilians" keeps Russia).
    let sent = scope.sent;
    let weapon_before = (t.kind() == EventKind::Attack
        && t.t0 > 0
        && sent.lower(t.t0 - 1) == ","
        && sent.lower(t.t0).ends_with("ing"))
    .then(|| {
        scope
            .triggers
            .iter()
            .filter(|o| o.t1 < t.t0)
            .max_by_key(|o| o.t1)
    })
    .flatten()
    .filter(|o| weapon_subject(sent, o))
    .map(|o| o.t1);
    // The first source that answers; `true` when the subject is borrowed
    // from another clause (controlled).
    let found = controlling_object(scope, t)
        .map(|s| (s, true))
        .or_else(|| coordinated_verb_subject(scope, t).map(|s| (s, false)))
        .or_else(|| subject(scope, lb, t.t0).map(|s| (s, false)))
        .or_else(|| controller(scope, t, lb).map(|s| (s, true)))
        // "After meeting with the committee on Sept. 7, Trump Jr. said":
        // the participle's subject is the main clause's.
        .or_else(|| fronted_adjunct_subject(scope, t).map(|s| (s, true)));
    let Some((subjects, controlled)) = found else {
        return;
    };
    if weapon_before.is_some_and(|w| subjects.iter().all(|&e| scope.ents[e].np0 >= w)) {
        return;
    }
    args.controlled |= controlled;
    let role = if passive { Role::Target } else { subj_role };
    for e in subjects {
        args.add(role, e);
    }
}

/// The addressee of a fronted "In a letter to X," before speech act `t`.
fn letter_addressee(scope: &Scope, t: &Trigger) -> Option<usize> {
    let sent = scope.sent;
    let b = sent.body;
    if sent.lower(b) != "in" {
        return None;
    }
    let mut k = b + 1;
    if matches!(
        sent.lower(k),
        "a" | "an" | "his" | "her" | "its" | "their" | "the"
    ) {
        k += 1;
    }
    while k < t.t0 && !is!("messages", sent.lower(k)) && k < b + 4 {
        k += 1;
    }
    if !is!("messages", sent.lower(k)) || sent.lower(k + 1) != "to" {
        return None;
    }
    let comma = (k + 2..t.t0).find(|&j| sent.lower(j) == ",")?;
    scope
        .ents
        .iter()
        .position(|e| e.np0 == k + 2 && e.np1 <= comma && free(e) && !e.is_place())
}

/// "Bush invited Triet to visit the United States", "urged Israel to
/// halt": the object of an object-control verb is the subject of the verb
/// after "to".
fn controlling_object(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.t0 < 3 || sent.lower(t.t0 - 1) != "to" {
        return None;
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
    let verb = if first >= 2 && sent.lower(first - 1) == "on" {
        first - 2
    } else {
        first.saturating_sub(1)
    };
    if first == 0 || !is!("object_control", sent.lower(verb)) {
        return None;
    }
    Some(coordinated(scope, obj, first, t.t0))
}

/// "Pence voiced concern over the arrests of journalists and members of
/// civil society and urged transparency": a verb coordinated with an
/// earlier one shares its subject, not the object just before "and".
fn coordinated_verb_subject(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let sent = scope.sent;
    let mut k = t.t0;
    while k > 0 && matches!(sent.lower(k - 1), "also" | "then" | "later") {
        k -= 1;
    }
    if k == 0 || !matches!(sent.lower(k - 1), "and" | "but") {
        return None;
    }
    // The enclosing clause: the speech frame's words or the sentence up to
    // its last semicolon. A participle's frame ("attacked the ODIHR,
    // saying it had ..., and urged the organisation") is an aside that
    // the "and" steps over.
    let floor = scope
        .frames
        .iter()
        .filter(|f| f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0)
        .filter(|f| !(sent.lower(f.verb).ends_with("ing") && k >= 2 && sent.lower(k - 2) == ","))
        .map(|f| f.comp.0)
        .chain((0..t.t0).filter(|&j| sent.lower(j) == ";").map(|j| j + 1))
        .max()
        .unwrap_or(0);
    // Only when an earlier verb of the clause is what "and" joins: some
    // verb-like word (past tense or a finite auxiliary) before the "and".
    let earlier_verb = (floor..k - 1).any(|j| {
        let w = sent.lower(j);
        (w.ends_with("ed") && !sent.toks[j].cap)
            || matches!(
                w,
                "said" | "met" | "made" | "held" | "gave" | "took" | "sent"
            )
    });
    if !earlier_verb {
        return None;
    }
    subject(scope, floor, t.t0)
}

/// "In a White House meeting with Binali Yildirim, Pence voiced ...",
/// "After talks with his counterpart, Lavrov said ...": a meeting named in
/// a fronted adjunct has the main clause's subject as a party.
fn fronted_adjunct_subject(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    let mut first = sent.body;
    // "Speaking after talks with Lavrov, the Georgian minister said": a
    // participle may open the adjunct.
    if sent.lower(first).ends_with("ing") {
        first += 1;
    }
    if !matches!(
        sent.lower(first),
        "in" | "at" | "during" | "after" | "following" | "before" | "ahead" | "on"
    ) || t.t0 > first + 8
    {
        return None;
    }
    let comma = (t.t1..(t.t1 + 12).min(sent.toks.len())).find(|&k| sent.lower(k) == ",")?;
    if (first..comma).any(|k| scope.breaks[k] && k > first) {
        return None;
    }
    let subj = ents
        .iter()
        .position(|e| e.np0 == comma + 1 && free(e) && !e.is_place() && e.kind != EntKind::Group)?;
    let after = sent.toks.get(ents[subj].np1)?;
    // A verb must follow, or it is a list, not a clause.
    (after.kind == TokKind::Word && !after.cap && !PREPOSITIONS.contains(&after.lower.as_str()))
        .then(|| coordinated(scope, subj, comma + 1, sent.toks.len()))
}

/// Whether a verbal trigger is passive ("was killed", "were injured").
fn passive(sent: &Sent, t: &Trigger) -> bool {
    if t.pos() != Pos::Verb {
        return false;
    }
    let first = sent.lower(t.t0);
    if matches!(
        first,
        "was" | "were" | "been" | "be" | "being" | "is" | "are"
    ) {
        return true;
    }
    let prev = if t.t0 > 0 { sent.lower(t.t0 - 1) } else { "" };
    let prev2 = if t.t0 > 1 { sent.lower(t.t0 - 2) } else { "" };
    let be = |w: &str| matches!(w, "was" | "were" | "been" | "be" | "being" | "is" | "are");
    let participle = first.ends_with("ed")
        || matches!(
            first,
            "shot" | "struck" | "hit" | "overthrown" | "slain" | "held" | "met"
        );
    let motion = t.kind() == EventKind::Visit && sent.lower(t.t1) != "by";
    participle && !motion && (be(prev) || (prev.ends_with("ly") && be(prev2)))
}

/// An attack in words: "Lavrov attacked the ODIHR Monday, saying it had
/// an unacceptable autonomy", "the candidates attacked Biden for being
/// soft on Iran", "used that time to attack Trump directly". Read once the
/// arguments are known: in a sentence that names no force or harm and
/// with no state on either side, an active "attack" of persons by a named
/// person or body, or one followed by the grounds of a criticism
/// ("saying", "over what", "for being").
pub(crate) fn in_words(sent: &Sent, ents: &[Ent], t: &Trigger, roles: &[(Role, usize)]) -> bool {
    if t.kind() != EventKind::Attack
        || t.pos != Pos::Verb
        || !sent.lower(t.t0).starts_with("attack")
    {
        return false;
    }
    if passive(sent, t) {
        return false;
    }
    // A state attacks by force, whatever it says ("Russia attacked Ukraine
    // on Thursday, saying", "Israel would not attack the Islamic Republic":
    // an unknown name may pass for a person).
    let role_is = |role: Role, etype: EntityType| {
        roles
            .iter()
            .any(|&(r, i)| r == role && ents[i].ent.etype == etype)
    };
    if role_is(Role::Initiator, EntityType::Country) {
        return false;
    }
    // Persons attacked by a named person or body ("the GOP candidates
    // attacked Biden"); "a man attacked the prime minister" is an assault.
    let named_attacker = roles.iter().any(|&(r, i)| {
        r == Role::Initiator
            && matches!(
                ents[i].ent.etype,
                EntityType::Person | EntityType::Organisation
            )
    });
    let mut targets = roles.iter().filter(|(r, _)| *r == Role::Target).peekable();
    let persons = named_attacker
        && targets.peek().is_some()
        && targets.all(|&(_, i)| ents[i].ent.etype == EntityType::Person);
    let n = sent.toks.len();
    // "attacked Houthi positions in Yemen, saying": the first party hit
    // is a country's, and so by force.
    let first_target = roles
        .iter()
        .filter(|(r, _)| *r == Role::Target)
        .min_by_key(|&&(_, i)| ents[i].np0);
    let grounds = || {
        first_target.is_none_or(|&(_, i)| ents[i].ent.etype != EntityType::Country)
            && (t.t1..n.min(t.t1 + 15))
                .take_while(|&k| sent.lower(k) != ";")
                .any(|k| match sent.lower(k) {
                    "saying" => true,
                    "over" => sent.lower(k + 1) == "what",
                    "for" => matches!(
                        sent.lower(k + 1),
                        "being" | "failing" | "his" | "her" | "its" | "their"
                    ),
                    _ => false,
                })
    };
    let force = |w: &str| {
        is!("weapon", w) || is!("military", w) || is!("force_nouns", w) || is!("harm_words", w)
    };
    (persons || grounds()) && !sent.toks.iter().any(|tok| force(&tok.lower))
}

/// Possessors, modifiers and light-verb subjects of a nominal trigger.
fn nominal_left(scope: &Scope, t: &Trigger, lb: usize, subj_role: Role, args: &mut Args) {
    let k = modifier_parties(scope, t, lb, args);
    if !args.roles.is_empty() && t.kind() != EventKind::Summit {
        return;
    }
    let Some(j) = light_verb_parties(scope, t, lb, k, subj_role, args) else {
        return;
    };
    prepositional_parties(scope, t, lb, j, subj_role, args);
}

/// The parties among the noun's modifiers; returns where its phrase starts.
fn modifier_parties(scope: &Scope, t: &Trigger, lb: usize, args: &mut Args) -> usize {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    // Modifiers: "Israeli air strike", "Trump's first meeting", "U.S.-China
    // talks", "his state visit", "a US-led invasion".
    let mut k = t.t0;
    let mut hops = 0;
    while k > lb && hops < 4 {
        let w = sent.lower(k - 1);
        if let Some(i) = ents.iter().position(|e| {
            e.np1 == k
                && (free(e) || matches!(e.kind, EntKind::Demonym | EntKind::Forum))
                && !e.people
        }) {
            let e = &ents[i];
            let role = match kind {
                EventKind::Attack | EventKind::Visit | EventKind::Aid => Role::Initiator,
                _ if kind.symmetric() => Role::Participant,
                _ => Role::Initiator,
            };
            if !e.is_place() || e.ent.etype == EntityType::Country {
                args.add(role, i);
                // "their talks" can stand for both who met (refs::meeting_pair).
                for (j, other) in ents.iter().enumerate().skip(i + 1) {
                    if matches!(other.kind, EntKind::Pronoun | EntKind::Forum)
                        && other.t0 == e.t0
                        && other.t1 == e.t1
                    {
                        args.add(role, j);
                    }
                }
            }
            k = e.np0;
            hops += 1;
            continue;
        }
        let skippable = crate::extract::lexicon::WEEKDAYS.contains(&w)
            || is!("event_noun_modifiers", w)
            || loose_modifier(sent, k - 1);
        if !skippable {
            break;
        }
        k -= 1;
    }
    // "during their meeting": the clause's parties before the trigger.
    if k > 0 && sent.lower(k - 1) == "their" && kind.family() == "consult" {
        for (i, e) in ents.iter().enumerate() {
            if free(e) && !e.is_place() && e.np0 >= lb && e.np1 < k && e.kind != EntKind::Pronoun {
                args.add(Role::Participant, i);
            }
        }
    }
    k
}

/// Light verbs: "held talks", "launched an appeal", "gave a warning",
/// "attended the summit", "kicked off his state visit": their subject is the
/// noun's. `None` when one was found, else where the search stopped.
fn light_verb_parties(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    k: usize,
    subj_role: Role,
    args: &mut Args,
) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    let mut j = k;
    let mut steps = 0;
    let mut indirect: Vec<usize> = Vec::new();
    while j > lb && steps < 6 {
        let w = sent.lower(j - 1);
        let particle =
            matches!(w, "off" | "out" | "up") && j >= 2 && is!("light_verbs", sent.lower(j - 2));
        // "Islamic State has claimed responsibility for a truck attack":
        // who claims the attack made it (the annotation convention too).
        let claim = w == "for" && j >= 3 && sent.claims_responsibility(j - 3);
        if is!("light_verbs", w) || particle || claim {
            let v = if particle {
                j - 2
            } else if claim {
                j - 3
            } else {
                j - 1
            };
            // "to host next week's meeting between Trump and Putin": the
            // host of others' meeting is no party to it.
            let hosts_others = w.starts_with("host") && sent.lower(t.t1) == "between";
            let subj = if hosts_others {
                None
            } else {
                subject(scope, lb, v).or_else(|| controller(scope, t, lb))
            };
            if let Some(s) = subj {
                for e in s {
                    args.add(subj_role, e);
                }
            }
            // "gave Hamas an ultimatum": the one it is given to.
            for i in indirect {
                args.add(
                    if kind.symmetric() {
                        Role::Participant
                    } else {
                        Role::Target
                    },
                    i,
                );
            }
            return None;
        }
        if let Some(i) = ents.iter().position(|e| free(e) && e.np1 == j) {
            indirect.push(i);
            j = ents[i].np0;
            steps += 1;
            continue;
        }
        let det = matches!(
            w,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "new" | "another"
        ) || (sent.toks[j - 1].kind == TokKind::Word
            && !sent.toks[j - 1].cap
            && !is!("stopwords", w)
            && !PREPOSITIONS.contains(&w)
            && !is!("speech_verbs", w)
            && !scope.triggers.iter().any(|o| o.t0 < j && j - 1 < o.t1));
        if !det {
            break;
        }
        j -= 1;
        steps += 1;
    }
    Some(j)
}

/// A meeting or statement in a prepositional phrase ("made the remarks in a
/// meeting with", "said after talks with") is its subject's; `j` is where
/// the noun's phrase starts.
fn prepositional_parties(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    j: usize,
    subj_role: Role,
    args: &mut Args,
) {
    let sent = scope.sent;
    let kind = t.kind();
    let in_pp = governing_prep(sent, j, lb).is_some_and(|p| {
        matches!(
            p,
            "in" | "at" | "during" | "after" | "before" | "on" | "over" | "through" | "within"
        )
    }) || (j > 0
        && matches!(
            sent.lower(j - 1),
            "after" | "following" | "during" | "before"
        ));
    let meets = kind.family() == "consult" || kind.speech_act();
    let between = (t.t1..t.t1 + 3).any(|k| sent.lower(k) == "between");
    if meets && in_pp && !between {
        let s = subject(scope, lb, j).or_else(|| {
            let c = controller(scope, t, lb);
            if c.is_some() {
                args.controlled = true;
            }
            c
        });
        if let Some(s) = s {
            for e in s {
                args.add(subj_role, e);
            }
        }
    }
}

/// Objects and prepositional phrases after the trigger, up to `rb`, the
/// next clause break or another event's trigger.
fn right_side(scope: &Scope, t: &Trigger, rb: usize, passive: bool, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    let nominal = t.pos() == Pos::Noun;
    // Requests reach into their complement ("urged X to extend Y's status");
    // other events stop at the next trigger.
    let reaches = kind.speech_act();
    let stop = scope
        .triggers
        .iter()
        .filter(|o| o.t0 >= t.t1 && !reaches)
        .map(|o| o.t0)
        .min()
        .unwrap_or(rb)
        .min(rb);
    // "spoke with Zelensky by phone": a party inside the trigger's words.
    for (i, e) in ents.iter().enumerate() {
        if free(e) && e.np0 > t.t0 && e.np1 < t.t1 {
            let prep = governing_prep(sent, e.np0, t.t0);
            // "was killed in an Israeli air strike": whose strike it was;
            // "a suicide bomber who killed": who did it.
            let attacker = || {
                e.kind == EntKind::Group
                    && prep.is_none()
                    && matches!(
                        sent.lower(e.np1 - 1),
                        "bomber" | "bombers" | "gunman" | "gunmen"
                    )
            };
            // "were overthrown in a US-led invasion": who led it.
            let leader = e.kind == EntKind::Name
                && sent.lower(e.np1) == "-"
                && matches!(sent.lower(e.np1 + 1), "led" | "backed");
            if kind == EventKind::Attack
                && (passive && prep == Some("in") && (e.kind == EntKind::Demonym || leader)
                    || attacker())
            {
                args.add(Role::Initiator, i);
            } else if let Some(role) = role_of_prep(kind, prep, false) {
                args.add(role, i);
            }
        }
    }
    let mut last_end = t.t1;
    for (i, e) in ents.iter().enumerate() {
        if !free(e) || e.np0 < t.t1 || e.np1 > stop && !with_party_beyond(scope, t, e, rb) {
            continue;
        }
        // Far objects of nominal triggers belong to something else.
        if nominal && e.np0 > last_end + 6 {
            break;
        }
        if e.is_place() && e.ent.etype != EntityType::Country || e.locative {
            if args.place.is_none() {
                args.place = Some(i);
            }
            if !struck_at(sent, kind, e, t.t1) {
                last_end = e.np1;
                continue;
            }
            // "attacks across Ukraine": the country attacked.
            if !args.roles.iter().any(|(r, _)| *r == Role::Target) {
                args.add(Role::Target, i);
            }
            last_end = e.np1;
            continue;
        }
        let prep = governing_prep(sent, e.np0, t.t1);
        // "between Moscow and Washington": a conjunct takes its neighbour's role.
        let list_goes_on = matches!(sent.lower(e.np1), "," | "and" | "or");
        // "between their troops and the military": past a determiner.
        let mut j = e.np0;
        while j > t.t1
            && matches!(
                sent.lower(j - 1),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        {
            j -= 1;
        }
        if prep.is_none()
            && j > 0
            && (matches!(sent.lower(j - 1), "and" | "or")
                || sent.lower(j - 1) == "," && list_goes_on)
        {
            if let Some(&(r, _)) = args
                .roles
                .iter()
                .find(|(_, x)| ents[*x].np1 + 2 >= e.np0 && ents[*x].np1 < e.np0)
            {
                args.add(r, i);
                last_end = e.np1;
                continue;
            }
        }
        let role = if passive && prep == Some("by") || cued_initiator(sent, kind, prep, e) {
            Some(Role::Initiator)
        } else if let Some(role) = content_agent(sent, t, e, prep) {
            role
        } else if prep.is_none() && e.np0 > last_end + 2 && !nominal {
            // Not adjacent: the object of something else.
            if kind == EventKind::Request {
                Some(Role::Target)
            } else {
                None
            }
        } else {
            role_of_prep(kind, prep, nominal)
        };
        // "asked for American forces to remain": who is to act is whom
        // the request is to.
        let role = match role {
            Some(Role::Participant)
                if kind == EventKind::Request
                    && prep == Some("for")
                    && sent.lower(e.np1) == "to" =>
            {
                Some(Role::Target)
            }
            r => r,
        };
        let Some(role) = role else { continue };
        if nominal && prep.is_none() {
            // A bare name after a noun trigger is an apposition or a new
            // clause's subject, not its argument.
            continue;
        }
        args.add(role, i);
        last_end = e.np1;
    }
}
