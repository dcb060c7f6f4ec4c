//! Deaths with no attacker: a killing whose cause is a disaster or an
//! accident ("were killed in a car accident", "An earthquake ... shook
//! Iran, killing 10", "a quake ... hit Bam, killing nearly 262,000 people")
//! is no attack, and a storm "threatening to bring rains" no threat.

use super::super::doc::Sent;
use super::super::lexicon::{at, is, TriggerRule};
use crate::model::EventKind;

/// A death verb whose cause is a disaster or an accident, not an attacker:
/// before it in its clause, after it ("were killed in a car accident"), or
/// the subject a participle after a comma tells of ("An earthquake ...
/// shook Iran, killing 10").
pub(super) fn death_by_disaster(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    cause_before(sent, t0, rule)
        || cause_after(sent, t1, rule)
        || participle_of_cause(sent, t0)
        || when_cause(sent, t0, t1, rule)
        || told_with_disaster(sent, t0, t1, rule)
}

/// "a gas explosion", "a coal mine blast".
fn accident_blast(sent: &Sent, k: usize) -> bool {
    at!("accident_words", sent, k)
        && (at!("blast_nouns", sent, k + 1) || at!("blast_nouns", sent, k + 2))
}

/// A cause before the death verb in its clause.
fn cause_before(sent: &Sent, t0: usize, rule: &TriggerRule) -> bool {
    let clause_start = (0..t0)
        .rev()
        .find(|&k| at!("clause_breaks", sent, k))
        .map_or(0, |k| k + 1);
    // "the October 8 earthquake which killed": a relative clause's
    // subject is the noun before it.
    let relative = clause_start >= 2
        && matches!(sent.lower(clause_start - 1), "which" | "that")
        && at!("non_agents", sent, clause_start - 2);
    // "Despite the storm, insurgents attacked": a cause in an opening
    // phrase set off by a comma is the scene, not the subject.
    let opening = |k: usize| {
        (clause_start..k).any(|j| at!("scene_openers", sent, j))
            && (k..t0).any(|j| sent.lower(j) == ",")
    };
    relative
        || (clause_start.max(t0.saturating_sub(10))..t0)
            .any(|k| at!("non_agents", sent, k) && !opening(k))
        // "a gas explosion in the colliery ... killed 47 miners".
        || rule.kind == EventKind::Attack
            && (clause_start.max(t0.saturating_sub(18))..t0).any(|k| accident_blast(sent, k))
}

/// A cause after the death verb: "were killed in a car accident" (a
/// warning "that transmission of the virus could occur" still warns);
/// "were killed and four others injured in a road accident", the cause
/// after the injured in the same clause. Only after "and N others (were)
/// injured", and not past an agent ("by a roadside bomb") or into a
/// compound ("the quake-hit district").
fn cause_after(sent: &Sent, t1: usize, rule: &TriggerRule) -> bool {
    let end = sent.toks.len();
    // "killed by a fire Sunday in a clinic", "died in the fire": a fire
    // with an article is a blaze ("opened fire", "fire from tanks" are
    // not).
    let cause = |k: usize| {
        at!("non_agents", sent, k) && sent.lower(k + 1) != "-"
            || at!("fire_nouns", sent, k)
                && k >= 1
                && matches!(sent.lower(k - 1), "a" | "the")
                && !matches!(
                    sent.lower(k + 1),
                    "fight" | "from" | "by" | "at" | "on" | "of"
                )
    };
    // "were killed in a methane gas explosion"; not "in a gas cylinder blast
    // planted by militants".
    let planted = |k: usize| (k..(k + 8).min(end)).any(|j| sent.lower(j) == "by");
    rule.kind == EventKind::Attack
        && ((t1..(t1 + 5).min(end)).any(|k| cause(k) || accident_blast(sent, k) && !planted(k))
            || sent.lower(t1) == "and"
                && (t1..(t1 + 14).min(end))
                    .take_while(|&k| !matches!(sent.lower(k), "," | ";" | "after" | "when" | "by"))
                    .any(|k| {
                        // "in a bus-truck collision": past the cause's
                        // modifiers to its preposition.
                        cause(k) && (k.saturating_sub(6)..k).any(|j| sent.lower(j) == "in")
                    }))
}

/// "An earthquake with a magnitude of 5.9 shook southern Iran on Sunday,
/// killing 10 people": a participle after a comma tells what the
/// sentence's subject did. The cause must be that subject: not in an
/// opening phrase ("Despite the storm, insurgents attacked ..., killing"),
/// and no other clause joined on before the participle ("..., and gunmen
/// attacked a police post, killing").
fn participle_of_cause(sent: &Sent, t0: usize) -> bool {
    sent.lower(t0).ends_with("ing")
        && t0 >= 1
        && sent.lower(t0 - 1) == ","
        && (sent.body..(sent.body + 4).min(t0)).any(|k| {
            at!("non_agents", sent, k)
                && sent.lower(k + 1) != "-"
                && (sent.body..k).all(|j| !at!("scene_openers", sent, j))
                && (k..t0).all(|j| sent.lower(j) != "and")
        })
}

/// "was killed ... on Monday when a powerful earthquake hit eastern and
/// central Africa": a cause that is the subject of the "when" clause. Only
/// a passive death ("was killed", "were killed") and a cause that is the
/// clause's own subject, before any verb of the clause ("when militants set
/// a fire", "when gunmen attacked the crash site" stay attacks, and so does
/// "Rebels attacked ... as a storm raged").
fn when_cause(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let end = sent.toks.len();
    let passive_death = matches!(sent.lower(t0), "was" | "were" | "been");
    rule.kind == EventKind::Attack
        && passive_death
        && (t1..(t1 + 16).min(end))
            .take_while(|&k| !matches!(sent.lower(k), ";" | "by"))
            .find(|&k| matches!(sent.lower(k), "when" | "as"))
            .is_some_and(|w| {
                // The cause: within its subject's first words, no verb before
                // it ("a 7.0 magnitude earthquake struck", "a strong storm
                // and floods hit"); then its verb within a few words.
                let Some(head) = (w + 1..(w + 6).min(end))
                    .take_while(|&k| !sent.lower(k).ends_with("ed") && sent.lower(k) != "set")
                    .find(|&k| at!("non_agents", sent, k))
                else {
                    return false;
                };
                (head + 1..(head + 5).min(end)).any(|k| {
                    sent.lower(k).ends_with("ed")
                        || matches!(sent.lower(k), "hit" | "struck" | "shook" | "swept" | "tore")
                })
            })
}

/// "On Dec. 26, 2003, a quake measuring 6.8 on the Richter scale hit
/// southeastern city Bam, killing nearly 262,000 people", "its B737-200
/// aircraft crashed in Abuja one day earlier, killing 98 people", "the
/// Asian tsunami ..., which killed": a killing in a sentence that names a
/// disaster or an accident anywhere, and no weapon, armed force or act of
/// violence (`violence_words`; "a suicide bomber killed 20 people at a
/// funeral for flood victims" stays an attack). Not "storm": troops storm
/// buildings.
fn told_with_disaster(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let n = sent.toks.len();
    rule.kind == EventKind::Attack
        && (t0..t1).any(|k| sent.lower(k).starts_with("kill"))
        && (0..n).any(|k| {
            at!("non_agents", sent, k) && !matches!(sent.lower(k), "storm" | "storms")
                || at!("accident_verbs", sent, k)
        })
        && !(0..n).any(|k| {
            let w = sent.lower(k);
            is!("violence_words", w)
                || is!("weapon", w)
                || is!("military", w)
                || is!("force_nouns", w)
        })
}
