//! What refers back to entities named earlier: surnames of people already
//! introduced, role phrases ("the president", "the U.S. president", "his
//! counterpart"), pronouns, "the two leaders". Groups named by a common
//! noun ("four militants", "Israeli troops") are `groups`'.

use super::kin::{kin_noun, named_sex, opens_kin_clause, speaker_owns, Kin};
use super::names::{cap_word, is_word};
use super::{Context, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is, Starts, LISTS};
use crate::extract::text::TokKind;
use crate::model::{DateWindow, EntityRef, EntityType};
use std::sync::LazyLock;

pub(super) fn covered(ents: &[Ent], i: usize) -> bool {
    ents.iter().any(|e| e.covers(i) || (e.t0 <= i && i < e.t1))
}

/// Later short mentions of people and organisations named earlier
/// ("Peskov", "Michel", "Prevezon").
pub(super) fn known_again(sent: &Sent, disc: &Discourse, ents: &mut Vec<Ent>) {
    for i in 0..sent.toks.len() {
        if covered(ents, i) || !cap_word(sent, i) {
            continue;
        }
        let w = sent.lower(i);
        // "Trump, Jr." / "Trump Jr" after the son was named.
        let jr = matches!(sent.lower(i + 1), "jr" | "jr.")
            || (sent.lower(i + 1) == "," && matches!(sent.lower(i + 2), "jr" | "jr."));
        // "Still, who has led the department since 2016, urged" is the man.
        let adverb = i == sent.body
            && sent.lower(i + 1) == ","
            && !matches!(sent.lower(i + 2), "who" | "whose" | "a" | "an" | "the")
            && at!("sentence_adverbs", sent, i);
        if adverb {
            continue;
        }
        if let Some(p) = disc.surnames.get(w) {
            let mut ent = p.clone();
            let mut end = i + 1;
            if jr {
                if let Some(son) = disc
                    .surnames
                    .values()
                    .find(|e| e.label.ends_with("Jr.") && e.label.to_lowercase().contains(w))
                {
                    ent = son.clone();
                    end = if sent.lower(i + 1) == "," {
                        i + 3
                    } else {
                        i + 2
                    };
                }
            } else if cap_word(sent, i + 1) {
                // Part of a longer unknown name ("Lee Jae-myung" after "Lee").
                continue;
            }
            ents.push(Ent::new(i, end, ent, EntKind::Name));
        } else if let Some(o) = disc.orgs.get(w) {
            let mut org = Ent::new(i, i + 1, o.clone(), EntKind::Name);
            // "Indiana Governor Eric Holcomb" after "governor of Indiana":
            // the affiliation before a titled person, as in
            // `names::titled_people`.
            if let Some(p) = ents.iter_mut().find(|e| e.is_person() && e.np0 == i + 1) {
                p.np0 = i;
                org.modifier = true;
            }
            ents.push(org);
        }
    }
}

/// Role phrases without a name: "the U.S. president", "Russia's
/// president", "the president", "the king".
pub(super) fn role_phrases(sent: &Sent, ctx: &Context, disc: &Discourse, ents: &mut Vec<Ent>) {
    static HEAD_TITLES: LazyLock<Starts> = LazyLock::new(|| LISTS.starts("head_titles"));
    let n = sent.toks.len();
    let mut add: Vec<Ent> = Vec::new();
    for i in 0..n {
        let Some(len) = sent.phrase_at(&HEAD_TITLES, i).or_else(|| {
            matches!(
                sent.lower(i),
                "minister" | "secretary" | "spokesman" | "envoy"
            )
            .then_some(1)
        }) else {
            continue;
        };
        let words: Vec<&str> = (i..i + len).map(|k| sent.lower(k)).collect();
        let end = i + len;
        // A name follows: the title rule has it.
        if cap_word(sent, end) || covered(ents, i) {
            continue;
        }
        // "German chancellor-designate Angela Merkel", "the US
        // president-elect": not the holder the date gives, who is still in
        // office.
        let after = if sent.lower(end) == "-" { end + 1 } else { end };
        if at!("office_to_come", sent, after) {
            continue;
        }
        let title = words.join(" ");
        // The country before it: "the U.S. president", "Russia's president".
        let country = ents.iter().find(|e| {
            (e.t1 == i || (e.t1 + 1 == i && sent.lower(e.t1) == "'s"))
                && matches!(e.ent.etype, EntityType::Country)
        });
        let start = country.map(|c| c.t0).unwrap_or(i);
        let determiner = start > 0 && matches!(sent.lower(start - 1), "the" | "his" | "her");
        let holder = match (country, ctx.date) {
            (Some(c), Some(d)) => ctx
                .gaz
                .get(&c.ent.iri)
                .and_then(|idx| ctx.gaz.holder(&title, idx, d))
                .map(|h| ctx.gaz.entity_ref(h, ctx.date))
                .or_else(|| {
                    disc.titled
                        .get(&title)?
                        .iter()
                        .rev()
                        .find(|p| p.anchor == c.ent.anchor)
                        .cloned()
                }),
            (None, _) if determiner && sent.lower(start - 1) == "the" => {
                disc.titled.get(&title).and_then(|p| p.last()).cloned()
            }
            _ => None,
        };
        if let Some(h) = holder {
            let mut x = Ent::new(start, end, h, EntKind::Role);
            x.np0 = if determiner { start - 1 } else { start };
            add.push(x);
        }
    }
    for r in add {
        ents.retain(|e| !(e.t0 >= r.np0 && e.t1 <= r.np1));
        ents.push(r);
    }
}

/// "the two leaders", "both sides": the parties of the article's most told
/// meeting so far.
pub(super) fn pairs(sent: &Sent, disc: &Discourse, ents: &mut Vec<Ent>) {
    let Some((a, b)) = disc.last_pair.clone() else {
        return;
    };
    for i in 0..sent.toks.len().saturating_sub(1) {
        let two = matches!(sent.lower(i), "two" | "both")
            && matches!(
                sent.lower(i + 1),
                "leaders" | "presidents" | "men" | "sides" | "heads" | "ministers" | "countries"
            );
        // "the two had agreed", "the two met": a verb, not a noun, follows.
        let verb_next = {
            let w = sent.lower(i + 2);
            w.ends_with("ed")
                || matches!(
                    w,
                    "had"
                        | "have"
                        | "has"
                        | "were"
                        | "are"
                        | "will"
                        | "would"
                        | "met"
                        | "said"
                        | "also"
                        | "did"
                        | "could"
                        | "should"
                        | "spoke"
                        | "held"
                        | "agree"
                )
        };
        let the_two = sent.lower(i) == "the"
            && sent.lower(i + 1) == "two"
            && (!is_word(sent, i + 2) || verb_next);
        if (two || the_two) && !covered(ents, i + 1) {
            for ent in [a.clone(), b.clone()] {
                ents.push(Ent::new(i, i + 2, ent, EntKind::Pronoun));
            }
        }
    }
}

/// "the African country announced it acknowledges China's full market
/// economy status", "the Himalayan kingdom", "the oil-rich nation": a
/// country named before: the nearest in the sentence, else the last
/// sentence's opening country, else the article's last. Only "the", then
/// capitalised words, hyphens or [country_adjectives] (at most three),
/// then a country noun; not "the country of origin", nor "the host
/// country" (a role, no reference back).
pub(super) fn country_anaphors(sent: &Sent, disc: &Discourse, ents: &mut Vec<Ent>) {
    let mut add = Vec::new();
    for i in 1..sent.toks.len() {
        if !at!("country_anaphor_nouns", sent, i) || covered(ents, i) {
            continue;
        }
        // "the country's football team", "in charge of the country's
        // appointments": a possessive mostly names no party of its own.
        if matches!(sent.lower(i + 1), "of" | "'s") || sent.toks.get(i + 1).is_some_and(|t| t.cap) {
            continue;
        }
        let Some(det) = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| sent.lower(k) == "the")
        else {
            continue;
        };
        let between_ok = (det + 1..i).all(|k| {
            sent.lower(k) == "-"
                || sent.toks[k].cap && sent.toks[k].kind == TokKind::Word
                || at!("country_adjectives", sent, k)
        });
        if !between_ok {
            continue;
        }
        let ent = nearest_named(ents, |e| {
            e.t1 <= det
                && e.ent.etype == EntityType::Country
                && matches!(e.kind, EntKind::Name | EntKind::Demonym)
        })
        // The last sentence's subject before its other countries ("Egypt
        // signed a deal with China. The African country promised").
        .or_else(|| {
            disc.last_opener
                .clone()
                .filter(|o| o.etype == EntityType::Country)
        })
        .or_else(|| disc.last_country.clone());
        if let Some(ent) = ent {
            add.push(Ent::new(det, i + 1, ent, EntKind::Pronoun));
        }
    }
    ents.extend(add);
}

/// The entity of the last of `ents` that `keep` accepts: the nearest
/// before a definite description, which `keep` bounds.
fn nearest_named(ents: &[Ent], keep: impl Fn(&Ent) -> bool) -> Option<EntityRef> {
    ents.iter()
        .filter(|e| keep(e))
        .max_by_key(|e| e.t1)
        .map(|e| e.ent.clone())
}

/// Definite descriptions of a body named before: "urged the organisation
/// to set clear guidelines" after "the ODIHR", "the group claimed" after
/// "Islamic Jihad". The nearest organisation or armed group earlier in the
/// sentence, else the last one the article named.
pub(super) fn org_anaphors(sent: &Sent, disc: &Discourse, ents: &mut Vec<Ent>) {
    let body = |e: &Ent| {
        !e.modifier
            && !e.people
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            )
    };
    let mut add = Vec::new();
    for i in 1..sent.toks.len() {
        if !at!("org_anaphors", sent, i) || covered(ents, i) {
            continue;
        }
        // "the militant group", "the rebel movement": an armed group named
        // before, not a group of militants.
        if i >= 2 && sent.lower(i - 2) == "the" && at!("armed_group_modifiers", sent, i - 1) {
            let armed = |e: &Ent| !e.modifier && e.ent.etype == EntityType::ArmedGroup;
            let ent = nearest_named(ents, |e| {
                e.kind == EntKind::Name && e.t1 < i - 1 && armed(e)
            })
            .or_else(|| {
                disc.last_org
                    .clone()
                    .filter(|o| o.etype == EntityType::ArmedGroup)
            });
            if let Some(ent) = ent {
                ents.retain(|e| !(e.kind == EntKind::Group && e.t0 < i + 1 && i - 1 < e.t1));
                add.push(Ent::new(i - 2, i + 1, ent, EntKind::Pronoun));
            }
            continue;
        }
        // "the 15-nation council", "the 25-nation bloc": its size between.
        let sized = i >= 4
            && matches!(sent.lower(i - 1), "nation" | "member" | "country")
            && sent.lower(i - 2) == "-"
            && sent.toks[i - 3].kind == TokKind::Number
            && sent.lower(i - 4) == "the";
        let det = if sized { i - 4 } else { i - 1 };
        if sent.lower(det) != "the" {
            continue;
        }
        // "the group of eight", "the group Hamas": not a reference back.
        if sent.lower(i + 1) == "of" || sent.toks.get(i + 1).is_some_and(|t| t.cap) {
            continue;
        }
        // "the council" is a council named before ("the Security Council"),
        // not the Lord's Resistance Army the story named last.
        let named_so = |e: &EntityRef| {
            sent.lower(i) != "council" || e.label.to_lowercase().contains("council")
        };
        let ent = nearest_named(ents, |e| {
            e.kind == EntKind::Name && e.t1 < i && body(e) && named_so(&e.ent)
        })
        .or_else(|| disc.last_org.clone().filter(named_so));
        if let Some(ent) = ent {
            add.push(Ent::new(det, i + 1, ent, EntKind::Pronoun));
        }
    }
    ents.extend(add);
}

/// "The UN General Assembly on Friday adopted the resolution ... The
/// resolution asked the UN secretary-general to set up a probe", "ASEAN
/// leaders issued a joint statement ... The statement called on North
/// Korea": a document that opens its sentence as the subject speaks for
/// whoever issued it (`update` remembers them), when it is the same kind
/// of document and was issued at most four sentences before.
pub(super) fn document_anaphors(sent: &Sent, disc: &Discourse, ents: &mut Vec<Ent>) {
    let Some(doc) = disc.last_document.as_ref().filter(|d| d.age < 4) else {
        return;
    };
    let b = sent.body;
    if sent.lower(b) != "the" || covered(ents, b + 1) {
        return;
    }
    let noun = if at!("document_modifiers", sent, b + 1) {
        b + 2
    } else {
        b + 1
    };
    if sent.lower(noun) != doc.noun {
        return;
    }
    // "The resolution of the conflict", "The statement's wording", "The
    // statement issued by Iran's foreign ministry", "The statement from
    // Tehran": not the remembered document speaking.
    if matches!(
        sent.lower(noun + 1),
        "of" | "'s"
            | ","
            | "by"
            | "that"
            | "which"
            | "from"
            | "issued"
            | "adopted"
            | "released"
            | "passed"
            | "approved"
            | "drafted"
            | "signed"
    ) {
        return;
    }
    ents.push(Ent::new(b, noun + 1, doc.issuer.clone(), EntKind::Pronoun));
}

/// The issuer a document opening the sentence speaks for ("The
/// resolution asked"), as `document_anaphors` found it.
pub(crate) fn opening_document<'a>(
    sent: &Sent,
    ents: &'a [Ent],
    disc: &Discourse,
) -> Option<&'a EntityRef> {
    let doc = disc.last_document.as_ref()?;
    ents.iter()
        .find(|e| e.kind == EntKind::Pronoun && e.np0 == sent.body && e.ent.iri == doc.issuer.iri)
        .filter(|e| sent.lower(e.t1 - 1) == doc.noun)
        .map(|e| &e.ent)
}

/// A document the article told someone adopted or issued.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) issuer: EntityRef,
    /// "resolution", "statement": what a later "The ..." must name.
    pub(crate) noun: String,
    /// The issuing verb's token in its sentence.
    pub(crate) verb: usize,
    /// Sentences told since (0: the current one issued it).
    pub(crate) age: usize,
    /// The day it was adopted or issued, set by `assemble` (which reads the
    /// dates) in its issuing sentence.
    pub(crate) day: Option<DateWindow>,
}

/// The document the sentence tells someone adopted or issued ("adopted
/// the resolution", "issued a joint statement"), its issuer the body or
/// person named last before the verb, at most five words before it.
fn issued_document(sent: &Sent, ents: &[Ent]) -> Option<Document> {
    let object = |k: usize| {
        let mut j = k + 1;
        if matches!(sent.lower(j), "a" | "an" | "the" | "its" | "their") {
            j += 1;
        }
        if at!("document_modifiers", sent, j) {
            j += 1;
        }
        at!("document_nouns", sent, j).then_some(j)
    };
    let (k, noun) = (0..sent.toks.len()).find_map(|k| {
        at!("issuing_verbs", sent, k)
            .then(|| object(k))
            .flatten()
            .map(|j| (k, j))
    })?;
    let issuer = ents
        .iter()
        .filter(|e| {
            e.np1 <= k
                && k - e.np1 <= 5
                && !e.locative
                && !e.people
                && matches!(
                    e.ent.etype,
                    EntityType::Country
                        | EntityType::Organisation
                        | EntityType::ArmedGroup
                        | EntityType::Person
                )
                && (e.np1..k)
                    .all(|j| !matches!(sent.lower(j), "," | ";" | "and" | "which" | "that" | "who"))
        })
        .max_by_key(|e| e.np1)
        .map(|e| e.ent.clone())?;
    Some(Document {
        issuer,
        noun: sent.lower(noun).to_string(),
        verb: k,
        age: 0,
        day: None,
    })
}

/// Whether the sentence tells of another document of the remembered kind
/// than one it issues ("Israel said in a statement" after "issued a
/// statement"), so a later "The statement" is not the one remembered; a
/// statement welcoming a resolution leaves "The resolution" as it was.
fn another_document(sent: &Sent, noun: &str) -> bool {
    (1..sent.toks.len()).any(|j| {
        sent.lower(j) == noun
            // "a declaration of holy war": no document.
            && sent.lower(j + 1) != "of"
            && (matches!(sent.lower(j - 1), "a" | "an")
                || at!("document_modifiers", sent, j - 1)
                    && j >= 2
                    && matches!(sent.lower(j - 2), "a" | "an"))
    })
}

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
pub(super) fn pronouns(sent: &Sent, disc: &mut Discourse, ents: &mut Vec<Ent>) {
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
            let relative = super::minted(&label, EntityType::Person, None, false);
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
fn opening_group(sent: &Sent, ents: &[Ent]) -> Vec<crate::model::EntityRef> {
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

/// After a sentence: who "he" and "they" will refer to next.
pub(crate) fn update(sent: &Sent, ents: &[Ent], speaker: Option<&Ent>, disc: &mut Discourse) {
    for e in ents
        .iter()
        .filter(|e| e.is_person() && matches!(e.kind, EntKind::Name | EntKind::Role))
    {
        *disc.person_mentions.entry(e.ent.iri.clone()).or_default() += 1;
    }
    let after_prep = |e: &Ent| {
        e.np0 > 0
            && matches!(
                sent.lower(e.np0 - 1),
                "of" | "with"
                    | "to"
                    | "on"
                    | "for"
                    | "by"
                    | "from"
                    | "about"
                    | "at"
                    | "in"
                    | "against"
                    | "between"
            )
    };
    let free = || {
        ents.iter()
            .filter(|e| !e.modifier && !e.is_place() && !e.people)
    };
    let subject = speaker
        .filter(|s| s.is_person())
        .or_else(|| free().find(|e| e.is_person() && !after_prep(e)))
        .or_else(|| free().find(|e| e.is_person()));
    if let Some(s) = subject {
        disc.last_person = Some(s.ent.clone());
        match named_sex(&s.ent) {
            Some(Kin::Female) => disc.last_woman = Some(s.ent.clone()),
            Some(Kin::Male) => disc.last_man = Some(s.ent.clone()),
            _ => {}
        }
    }
    if let Some(s) = speaker
        .filter(|s| !s.is_person())
        .or_else(|| free().find(|e| !e.is_person() && !after_prep(e) && e.kind != EntKind::Pronoun))
    {
        disc.last_plural = Some(s.ent.clone());
    }
    if let Some(s) = speaker {
        disc.last_speaker = Some(s.ent.clone());
    }
    disc.last_group = opening_group(sent, ents);
    match issued_document(sent, ents) {
        Some(doc) => disc.last_document = Some(doc),
        None if disc
            .last_document
            .as_ref()
            .is_some_and(|d| another_document(sent, &d.noun)) =>
        {
            disc.last_document = None;
        }
        None => {
            if let Some(d) = disc.last_document.as_mut() {
                d.age += 1;
            }
        }
    }
    disc.last_opener = ents
        .iter()
        .find(|e| {
            (e.np0 == sent.body || e.np0 == sent.body + 1 && sent.lower(sent.body) == "the")
                && e.kind == EntKind::Name
                && !e.modifier
                && matches!(
                    e.ent.etype,
                    EntityType::Country | EntityType::Organisation | EntityType::ArmedGroup
                )
        })
        .map(|e| e.ent.clone());
    // "The resolution asked ... It called on the international community":
    // the document's issuer goes on as the next sentence's "it".
    if disc.last_opener.is_none() {
        disc.last_opener = opening_document(sent, ents, disc).cloned();
    }
    if let Some(o) = ents.iter().rev().find(|e| {
        e.kind == EntKind::Name
            && !e.modifier
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            )
    }) {
        disc.last_org = Some(o.ent.clone());
    }
    if let Some(c) = ents.iter().rev().find(|e| {
        e.ent.etype == EntityType::Country && matches!(e.kind, EntKind::Name | EntKind::Demonym)
    }) {
        disc.last_country = Some(c.ent.clone());
    }
}
