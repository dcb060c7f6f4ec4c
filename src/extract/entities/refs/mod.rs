//! What refers back to entities named earlier: surnames of people already
//! introduced, role phrases ("the president", "the U.S. president", "his
//! counterpart"), pronouns, "the two leaders". Groups named by a common
//! noun ("four militants", "Israeli troops") are `groups`'.
//!
//! The stages: names known again, role phrases, pairs and the anaphors of
//! countries and organisations here; `documents` (a text that speaks for
//! who issued it), `pronouns`, and `update` (what a sentence leaves for
//! the next ones).

use super::names::{cap_word, is_word};
use super::{Context, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, Starts, LISTS};
use crate::extract::text::TokKind;
use crate::model::{EntityRef, EntityType};
use std::sync::LazyLock;

mod documents;
mod pronouns;
mod update;

pub(super) use documents::document_anaphors;
pub(crate) use documents::{opening_document, Document};
pub(super) use pronouns::pronouns;
pub(crate) use update::update;

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
