//! What the discourse remembers of a person once named: the surname and
//! given names a later mention may use ("Litvinenko", "Hu"), and the titles
//! a role phrase may stand for ("the president", "the South Korean
//! minister").

use super::Discourse;
use crate::extract::lexicon::is;
use crate::model::EntityRef;
use std::collections::HashSet;

pub(super) fn remember_person(
    disc: &mut Discourse,
    ent: &EntityRef,
    title: &[String],
    given: &HashSet<String>,
) {
    let words: Vec<&str> = ent.label.split_whitespace().collect();
    if let Some(last) = words
        .iter()
        .rev()
        .find(|w| !is!("name_particles", &w.to_lowercase()))
    {
        // "President Bush ... his wife Laura Bush ... Bush described": a
        // leader keeps the bare surname from a namesake who is none; so does
        // a person named in an earlier sentence at least as often as the
        // namesake counting this time ("Alexander Litvinenko ... his widow
        // Marina Litvinenko ... Litvinenko met": wire and web copy name the
        // later relative in full). Two named in one sentence: the later
        // ("Sonia Gandhi's son Rahul Gandhi ... Gandhi met").
        let key = last.to_lowercase();
        let named = |p: &EntityRef| disc.person_mentions.get(&p.iri).copied().unwrap_or(0);
        let keeps = disc.surnames.get(&key).is_some_and(|p| {
            p.iri != ent.iri && !ent.leader && (p.leader || named(p) > named(ent))
        });
        if !keeps {
            // "Khalid al-Obeidi ... Obeidi said": the surname is read with
            // its article and without.
            if let Some((article, bare)) = key.split_once('-') {
                if is!("name_particles", article) && !bare.is_empty() {
                    disc.surnames
                        .entry(bare.to_string())
                        .or_insert_with(|| ent.clone());
                }
            }
            disc.surnames.insert(key, ent.clone());
        }
    }
    // Chinese and Korean names put the surname first ("Hu Jintao" is Hu);
    // Indonesian and Thai news names people by their first name ("Susilo
    // Bambang Yudhoyono" is Susilo, "Thaksin Shinawatra" Thaksin).
    if words.len() >= 2 && !is!("name_particles", &words[0].to_lowercase()) {
        disc.surnames
            .entry(words[0].to_lowercase())
            .or_insert_with(|| ent.clone());
    }
    remember_middle_names(disc, ent, given);
    for t in title {
        if is!("strong_titles", t) || is!("head_titles", t) {
            let people = disc.titled.entry(t.clone()).or_default();
            people.retain(|p| p.iri != ent.iri);
            people.push(ent.clone());
        }
    }
    remember_label_title(disc, ent);
}

/// A person the gazetteer named is called by one word afterwards: "Hu
/// Jintao ... Hu held talks", "Tran Duc Luong ... Luong said". The
/// gazetteer lists no such short forms (most are ambiguous across the
/// world), but within one article they are the person already named. Never
/// over a name already known; a given name first is no surname ("John").
pub(super) fn remember_named_person(
    disc: &mut Discourse,
    ent: &EntityRef,
    given: &HashSet<String>,
) {
    // "Donald Trump Jr.": the surname before a suffix has its own rule
    // (`refs/mod.rs` known_again).
    if suffixed(ent) {
        return;
    }
    let words: Vec<String> = ent
        .label
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !is!("name_particles", w))
        .collect();
    // "King Abdullah II", "King Abdullah of Saudi Arabia": the name after a
    // ruler's title, when nothing but a numeral or "of" follows it.
    let raw: Vec<&str> = ent.label.split_whitespace().collect();
    if words.len() >= 2
        && is!("regnal_titles", &words[0])
        && raw
            .get(2)
            .is_none_or(|w| is!("name_particles", &w.to_lowercase()))
    {
        // The latest named ("Jordan's King Abdullah II ... Saudi King
        // Abdullah ... Abdullah urged").
        disc.surnames.insert(words[1].clone(), ent.clone());
    }
    if words.len() >= 2 {
        for key in [&words[words.len() - 1], &words[0]] {
            let family_first = key == &words[0] && is!("family_names_first", key);
            // "Wang Yi ... Wang Guangya ... Wang urged": a family name two
            // people of the article share names neither.
            if family_first && disc.surnames.get(key).is_some_and(|p| p.iri != ent.iri) {
                disc.surnames.remove(key);
                continue;
            }
            if key.len() >= 2 && !key.ends_with('.') && (family_first || !given.contains(key)) {
                disc.surnames
                    .entry(key.clone())
                    .or_insert_with(|| ent.clone());
            }
        }
    }
    remember_middle_names(disc, ent, given);
}

/// "Salva Kiir Mayardit" is Kiir afterwards: a middle name may be the one
/// the news uses (not an initial, nor "bin" or "al", nor a given name:
/// "Abdul Hakim Taniwal" is no "Mullah Abdul Samad"). Never over a name
/// already known.
fn remember_middle_names(disc: &mut Discourse, ent: &EntityRef, given: &HashSet<String>) {
    // Most names have no middle word: no work for them, on every mention.
    if ent.label.split_whitespace().nth(2).is_none() {
        return;
    }
    // "Donald Trump Jr.": the surname before a suffix has its own rule.
    if suffixed(ent) {
        return;
    }
    let words: Vec<&str> = ent.label.split_whitespace().collect();
    for w in words.iter().skip(1).take(words.len().saturating_sub(2)) {
        let key = w.to_lowercase();
        if key.len() >= 3
            && !key.ends_with('.')
            && !is!("name_particles", &key)
            && !given.contains(&key)
        {
            disc.surnames.entry(key).or_insert_with(|| ent.clone());
        }
    }
}

/// "Donald Trump Jr.", "Cal Ripken Sr.".
fn suffixed(ent: &EntityRef) -> bool {
    ent.label
        .split_whitespace()
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().trim_end_matches('.'), "jr" | "sr"))
}

/// "King Abdullah II", "Pope Francis": a title inside the name itself is
/// how the article calls the person afterwards ("the king urged Bush").
pub(super) fn remember_label_title(disc: &mut Discourse, ent: &EntityRef) {
    let mut words = ent.label.split_whitespace();
    if let (Some(first), Some(_)) = (words.next(), words.next()) {
        let first = first.to_lowercase();
        if is!("head_titles", &first) {
            let people = disc.titled.entry(first).or_default();
            if people.is_empty() {
                people.push(ent.clone());
            }
        }
    }
}
