//! Pronouns: who "he", "she", "they", "it" and "its" stand for.

use super::super::kin::{kin_noun, named_sex, opens_kin_clause, speaker_owns, Kin};
use super::super::names::is_word;
use super::super::{Discourse, Ent, EntKind};
use super::covered;
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is};
use crate::model::{EntityRef, EntityType};

/// The person an object "him" at `i` cannot be: its own verb's subject
/// ("Putin said Trump called him", "Xi received him"), or, when that
/// verb's subject is left out after "and", the subject of the verb before
/// (`chain_subject`: "Trump met Putin and thanked him").
fn local_subject(
    sent: &Sent,
    ents: &[Ent],
    resolved: &[Ent],
    i: usize,
) -> Option<crate::model::EntityRef> {
    // The pronouns resolved so far in the sentence count ("He condemned
    // Singirok, and accused him").
    let all = || ents.iter().chain(resolved);
    let mut k = i.checked_sub(1)?;
    // The verb, and the auxiliaries and adverbs before it.
    if sent.toks[k].cap || !is_word(sent, k) {
        return None;
    }
    while k > 0
        && is_word(sent, k - 1)
        && !sent.toks[k - 1].cap
        && (sent.lower(k - 1).ends_with("ly")
            || matches!(
                sent.lower(k - 1),
                "has" | "had" | "have" | "will" | "would" | "also" | "then" | "later" | "not"
            ))
    {
        k -= 1;
    }
    let person_ending = |end: usize| {
        all()
            .find(|e| e.t1 == end && e.is_person() && !sent.in_quote(e.t0))
            .map(|e| e.ent.clone())
    };
    if k > 0 && matches!(sent.lower(k - 1), "and" | ",") {
        return chain_subject(sent, all().collect(), k - 1);
    }
    person_ending(k)
}

/// The subject of the verb before a left-out subject at `and_at` ("Biden
/// had phoned him and urged him", "Rebels captured Khan and threatened
/// him", "The United States accused Assad of meddling and urged him"): the
/// nearest party before it that a verb follows (past auxiliaries and
/// adverbs), whatever its kind.
fn chain_subject(
    sent: &Sent,
    mut seen: Vec<&Ent>,
    and_at: usize,
) -> Option<crate::model::EntityRef> {
    seen.sort_by_key(|e| std::cmp::Reverse(e.t1));
    let verb_after = |e: &Ent| {
        let mut k = e.t1;
        while k < and_at
            && (sent.lower(k).ends_with("ly")
                || matches!(
                    sent.lower(k),
                    "had" | "has" | "have" | "was" | "were" | "also"
                ))
        {
            k += 1;
        }
        k < and_at && is_word(sent, k) && !sent.toks[k].cap && {
            let w = sent.lower(k);
            !matches!(
                w,
                "and"
                    | "or"
                    | "who"
                    | "which"
                    | "that"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "to"
                    | "from"
                    | "by"
                    | "the"
                    | "a"
                    | "an"
            )
        }
    };
    seen.into_iter()
        .filter(|e| e.t1 <= and_at && !e.modifier && !sent.in_quote(e.t0))
        .find(|e| verb_after(e))
        .map(|e| e.ent.clone())
}

/// Pronouns: "he"/"she" the person last in subject position (or one named
/// earlier in the sentence), "they" the last plural subject, "I"/"we" in a
/// quote its speaker.
pub(in crate::extract::entities) fn pronouns(
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    let mut add = Vec::new();
    for i in 0..sent.toks.len() {
        if covered(ents, i) || !is_word(sent, i) {
            continue;
        }
        let in_quote = sent.in_quote(i);
        if let Some(group) = group_pronoun(sent, ents, disc, i, in_quote) {
            add.extend(
                group
                    .into_iter()
                    .map(|e| Ent::new(i, i + 1, e, EntKind::Pronoun)),
            );
            continue;
        }
        let ent = if in_quote && at!("pronouns_first", sent, i) {
            disc.last_speaker.clone()
        } else if in_quote {
            None
        } else if at!("pronouns_person", sent, i) {
            person_pronoun(sent, ents, disc, &add, i)
        } else if at!("pronouns_it", sent, i) {
            it_pronoun(sent, ents, disc, i)
        } else if at!("pronouns_plural", sent, i) {
            relative_antecedent(sent, ents, i)
                .or_else(|| {
                    ents.iter()
                        .filter(|e| !e.is_person() && !e.modifier && !e.is_place() && e.t1 <= i)
                        .min_by_key(|e| e.t0)
                })
                .map(|e| e.ent.clone())
                .or_else(|| disc.last_plural.clone())
        } else {
            None
        };
        if let Some(ent) = ent {
            possessor_or_relative(sent, disc, ents, &mut add, i, ent);
        }
    }
    ents.extend(add);
}

/// "their" of a pair just met, "they" opening a clause after a group: every
/// member.
fn group_pronoun(
    sent: &Sent,
    ents: &[Ent],
    disc: &Discourse,
    i: usize,
    in_quote: bool,
) -> Option<Vec<EntityRef>> {
    let w = sent.lower(i);
    if in_quote || !matches!(w, "their" | "they") {
        return None;
    }
    if w == "their" {
        let pair = meeting_pair(sent, ents, i);
        if pair.len() >= 2 {
            return Some(pair);
        }
    }
    (w == "they" && disc.last_group.len() >= 2 && opens_clause(sent, ents, i))
        .then(|| disc.last_group.clone())
}

/// "he", "she", "him", "her": the sentence's first person before it, else
/// the last person of the article; "she" passes over a known man, "he"
/// over a known woman.
fn person_pronoun(
    sent: &Sent,
    ents: &[Ent],
    disc: &Discourse,
    add: &[Ent],
    i: usize,
) -> Option<EntityRef> {
    let w = sent.lower(i);
    let (other, other_sex) = if matches!(w, "she" | "her") {
        (&disc.male, Kin::Male)
    } else {
        (&disc.female, Kin::Female)
    };
    let other = |p: &EntityRef| other.contains(&p.iri) || named_sex(p) == Some(other_sex);
    let local = (w == "him")
        .then(|| local_subject(sent, ents, add, i))
        .flatten();
    let not_local = |p: &EntityRef| local.as_ref().is_none_or(|l| l.iri != p.iri);
    ents.iter()
        .filter(|e| {
            e.is_person()
                // "Litvinenko's widow said ... he was killed".
                && (!e.modifier || sent.lower(e.t1) == "'s")
                && e.t1 <= i
                && !sent.in_quote(e.t0)
                && !other(&e.ent)
                && not_local(&e.ent)
        })
        .min_by_key(|e| (e.t0, e.modifier))
        .map(|e| e.ent.clone())
        .or_else(|| {
            disc.last_person
                .clone()
                .filter(|p| !other(p) && not_local(p))
                .or_else(|| {
                    let same = if other_sex == Kin::Male {
                        &disc.last_woman
                    } else {
                        &disc.last_man
                    };
                    same.clone().filter(|p| not_local(p))
                })
        })
}

/// "France said it was sending": the nearest actor before, in this
/// sentence only.
fn it_pronoun(sent: &Sent, ents: &[Ent], disc: &Discourse, i: usize) -> Option<EntityRef> {
    let actors = || {
        ents.iter().filter(|e| {
            !e.is_person()
                && !e.modifier
                && !e.is_place()
                && !e.people
                && e.t1 <= i
                && e.kind != EntKind::Group
        })
    };
    let nearest = actors().max_by_key(|e| e.t1);
    // "The European Union on Friday condemned the shelling. It called on
    // Israel to halt": a sentence that opens with "It" and an act of saying
    // or asking goes on with the body that opened the last sentence ("It
    // is", "It was reported" refer to nothing; nor an object: "A statement
    // by the EU condemned Russia. It called on Moscow" is the statement's).
    let opening_act = i == sent.body && {
        let v = if sent.lower(i + 1) == "also" {
            i + 2
        } else {
            i + 1
        };
        at!("speech_verbs", sent, v) || at!("it_act_verbs", sent, v)
    };
    if nearest.is_none() && opening_act {
        if let Some(b) = disc.last_opener.clone() {
            return Some(b);
        }
    }
    // "The Taliban said US forces attacked its positions", "with Syrian
    // forces seizing its last major city and Iraqi troops taking its last
    // big town": what an attack takes or strikes is not the attacker's own;
    // "its" is the sentence's first party past the attacker (the nearest),
    // or nobody.
    match nearest {
        Some(attacker) if i > 0 && attack_verb(sent.lower(i - 1)) && held_place(sent, i) => {
            actors()
                .filter(|e| e.ent.anchor != attacker.ent.anchor)
                .min_by_key(|e| e.t0)
                .map(|e| e.ent.clone())
        }
        _ => nearest.map(|e| e.ent.clone()),
    }
}

/// The pronoun at `i` standing for `ent`, or the relative its "his" or
/// "her" names.
///
/// "His wife travelled to Lima": the relative acts, not the man "his"
/// stands for (as with "Chirac's wife" in `kin`). Only a relative opening a
/// clause is minted: elsewhere "his" is often someone nearer than the one
/// it resolves to ("Bush met Chirac and his wife"), and the relative is
/// left out rather than guessed.
fn possessor_or_relative(
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
    add: &mut Vec<Ent>,
    i: usize,
    ent: EntityRef,
) {
    let kin = matches!(sent.lower(i), "his" | "her")
        .then(|| kin_noun(sent, i + 1))
        .flatten();
    match kin {
        None => add.push(Ent::new(i, i + 1, ent, EntKind::Pronoun)),
        Some((Kin::Named, _)) => {}
        Some(_) if !opens_kin_clause(sent, i) || !speaker_owns(sent, ents, &ent, i) => {}
        // "His son, Crown Prince Abdullah, met Chirac": the apposition names
        // him, and he acts under his own name.
        Some((_, end))
            if sent.lower(end) == ","
                && ents
                    .iter()
                    .any(|e| e.is_person() && (e.np0 == end + 1 || e.t0 == end + 1)) => {}
        Some((kin, end)) => {
            // The noun's tokens are glued ("son-in-law").
            let noun: String = (i + 1..end).map(|k| sent.lower(k)).collect();
            let label = format!("{}'s {}", ent.label, noun);
            let relative = super::super::minted(&label, EntityType::Person, None, false);
            if kin == Kin::Female {
                disc.female.insert(relative.iri.clone());
            } else {
                disc.male.insert(relative.iri.clone());
            }
            // Seen by a "she" later in the sentence: "His wife said she
            // would meet Kohl".
            ents.push(Ent::new(i, end, relative, EntKind::Name));
        }
    }
}

/// "rebels of the Moro Islamic Liberation Front (MILF) who had suffered
/// heavy casualties in last week's fighting between their troops and the
/// military": a plural possessive inside a relative clause stands for the
/// bodies the clause is about, not for the sentence's first party (there
/// "Intelligence sources", whose words these are).
fn relative_antecedent<'a>(sent: &Sent, ents: &'a [Ent], i: usize) -> Option<&'a Ent> {
    // Only a possessive inside a prepositional phrase: what the clause's
    // verb acts on is someone else ("protesters who attacked them",
    // "militiamen who raided their village").
    let after_prep = i > 0 && crate::extract::arguments::is_preposition(sent.lower(i - 1));
    if sent.lower(i) != "their" || !after_prep {
        return None;
    }
    // The clause is short: the nearest "who"/"which" within fifteen words.
    let rel = (sent.body..i)
        .rev()
        .take(15)
        .take_while(|&k| !matches!(sent.lower(k), ";" | "\"" | "said" | "says"))
        .find(|&k| matches!(sent.lower(k), "who" | "which"))?;
    // "the Front (MILF) who": past the acronym's brackets.
    let mut end = rel;
    if end > sent.body && sent.lower(end - 1) == ")" {
        end = (sent.body..end).rev().find(|&k| sent.lower(k) == "(")?;
    }
    ents.iter()
        .filter(|e| e.t1 == end && !e.is_person() && !e.modifier && !e.is_place())
        .min_by_key(|e| e.t0)
}

/// Whether "they" at `i` is the subject that opens its sentence ("They
/// pledged", "On Friday, they agreed"), with no party named before it
/// that it could stand for.
fn opens_clause(sent: &Sent, ents: &[Ent], i: usize) -> bool {
    let first =
        i == sent.body || (i > sent.body && matches!(sent.lower(i - 1), "," | "and" | "but"));
    // "They were accused of ...", "They had been injured": what was done to
    // them, most often to the people the sentence before acted on.
    let k = match (sent.lower(i + 1), sent.lower(i + 2)) {
        ("had" | "have", "been") => Some(i + 3),
        ("were" | "are", _) => Some(i + 2),
        _ => None,
    };
    let passive = k.is_some_and(|k| sent.lower(k).ends_with("ed") || sent.lower(k).ends_with("en"));
    first
        && !passive
        && !ents
            .iter()
            .any(|e| e.t1 <= i && !e.modifier && !e.is_place())
}

/// The parties a sentence opens with when they are two or more: a pair
/// ("The two presidents", "Both sides") or names joined by "and" ("Turkey
/// and Israel", "Bush, Putin and Chirac"), people with people or bodies
/// with bodies.
pub(super) fn opening_group(sent: &Sent, ents: &[Ent]) -> Vec<crate::model::EntityRef> {
    let free: Vec<&Ent> = ents
        .iter()
        .filter(|e| !e.modifier && !e.is_place() && !e.people && e.kind != EntKind::Group)
        .collect();
    // The sentence's first words ("The two presidents", "Turkey and
    // Israel"), not a fronted clause's ("After Bush and Putin met, ...").
    let opens = |e: &&Ent| {
        e.np0 == sent.body
            || e.np0 == sent.body + 1 && matches!(sent.lower(sent.body), "the" | "both")
    };
    let Some(first) = free.first().copied().filter(opens) else {
        return Vec::new();
    };
    // "Bush and Blair visited wounded soldiers ... They had been injured":
    // people the pair's verb acts on (its object, up to a preposition) may
    // be "they" as well; "met in Jerusalem ... the release of prisoners"
    // names none.
    let acts_on_people = |end: usize| {
        let stop = (end + 1..sent.toks.len().min(end + 9))
            .find(|&k| {
                matches!(sent.lower(k), "," | "." | ";" | "to" | "that")
                    || crate::extract::arguments::is_preposition(sent.lower(k))
            })
            .unwrap_or(sent.toks.len().min(end + 9));
        (end..stop).any(|k| {
            let w = sent.lower(k);
            is!("group_nouns", w) || is!("victim_nouns", w) || is!("people_objects", w)
        }) || ents
            .iter()
            .any(|e| e.np0 > end && e.np0 < stop && (e.kind == EntKind::Group || e.people))
    };
    let mut group = vec![first.ent.clone()];
    if first.kind == EntKind::Pronoun {
        // "The two leaders": every referent shares the phrase.
        for e in free.iter().skip(1).take_while(|e| e.t0 == first.t0) {
            group.push(e.ent.clone());
        }
        return if group.len() >= 2 && !acts_on_people(first.np1) {
            group
        } else {
            Vec::new()
        };
    }
    let mut end = first.np1;
    for e in free.iter().skip(1) {
        let like =
            matches!(e.kind, EntKind::Name | EntKind::Role) && e.is_person() == first.is_person();
        let (sep, next) = (sent.lower(end), sent.lower(end + 1));
        if like && sep == "and" && e.np0 == end + 1
            || like && sep == "," && next == "and" && e.np0 == end + 2
        {
            group.push(e.ent.clone());
            return if acts_on_people(e.np1) {
                Vec::new()
            } else {
                group
            };
        }
        if !(like && sep == "," && e.np0 == end + 1) {
            break;
        }
        group.push(e.ent.clone());
        end = e.np1;
    }
    // A list that never reaches its "and" is no subject ("Bush, who ...").
    Vec::new()
}

/// Whether the phrase after a possessive at `i` is a place or a force it
/// holds ("its positions", "its last major city", "its southwestern
/// province"), not "its own citizens", "its neighbour" or "its first trade
/// deal".
fn held_place(sent: &Sent, i: usize) -> bool {
    sent.lower(i + 1) != "own"
        && (i + 1..(i + 7).min(sent.toks.len())).any(|k| {
            let w = sent.lower(k);
            is!("facility_nouns", w) || is!("place_nouns", w) || is!("force_nouns", w)
        })
}

/// Whether a word is by itself a verbal attack trigger ("attacked",
/// "seizing"; not "opened" of "opened fire").
fn attack_verb(w: &str) -> bool {
    use crate::extract::lexicon::{Pos, BY_FIRST, RULES};
    BY_FIRST.get(w).is_some_and(|rules| {
        rules.iter().any(|&r| {
            let rule = &RULES[r];
            rule.kind == crate::model::EventKind::Attack
                && rule.pos == Pos::Verb
                && rule.slots.len() == 1
        })
    })
}

/// "their" before a meeting noun is the people who meet: "Hashimoto would
/// not ask Clinton ... at their summit", "The president told Lee during
/// their meeting", "During their meeting, Ban Ki-moon and Asao". The
/// people of the sentence (those before "their" when there are two),
/// else its countries.
fn meeting_pair(sent: &Sent, ents: &[Ent], i: usize) -> Vec<crate::model::EntityRef> {
    let mut k = i + 1;
    if !at!("meeting_nouns", sent, k) {
        k += 1;
    }
    if !at!("meeting_nouns", sent, k) {
        return Vec::new();
    }
    let pick = |person: bool, before_only: bool| {
        let mut out: Vec<crate::model::EntityRef> = Vec::new();
        for e in ents.iter().filter(|e| {
            !e.modifier
                && !e.is_place()
                && !e.people
                && e.kind != EntKind::Group
                && !sent.in_quote(e.t0)
                && (!before_only || e.t1 <= i)
                && if person {
                    e.is_person()
                } else {
                    e.ent.etype == EntityType::Country
                }
        }) {
            if !out.iter().any(|o| o.iri == e.ent.iri) {
                out.push(e.ent.clone());
            }
        }
        out
    };
    [(true, true), (true, false), (false, true), (false, false)]
        .into_iter()
        .map(|(person, before)| pick(person, before))
        .find(|v| v.len() >= 2)
        .unwrap_or_default()
}
