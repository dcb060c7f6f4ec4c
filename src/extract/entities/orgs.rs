//! Organisations: capitalised runs ending in an organisation word, their
//! acronyms, a titled officer right after a one-word body, and the bodies a
//! country adjective and a descriptor introduce ("Russian gas giant
//! Gazprom").

use super::names::{cap_word, covered, is_word, title_before};
use super::{minted, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is};
use crate::extract::text::TokKind;
use crate::model::{EntityRef, EntityType};
use std::collections::HashSet;

/// Organisations: capitalised runs ending in an organisation word
/// ("Senate Judiciary Committee", "Federation of Indian Chambers of
/// Commerce and Industry"), their acronyms in brackets, and acronyms alone.
pub(super) fn organisations(
    text: &str,
    sent: &Sent,
    first_names: &HashSet<String>,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    defined_acronyms(text, sent, disc, ents);
    short_names(sent, disc, ents);
    let n = sent.toks.len();
    let mut i = 0;
    while i < n {
        if !org_capital(sent, i) || org_blocked(ents, i) {
            i += 1;
            continue;
        }
        let (k, last_head) = org_run(sent, ents, first_names, i);
        let Some(mut end) = last_head else {
            i = k.max(i + 1);
            continue;
        };
        // "the Supreme Islamic Council of Somalia (SICS)", "the African Party
        // for the Independence of Guinea and Cape Verde (PAIGC)": an acronym
        // whose letters are the run's initials closes the name past its
        // head, over the countries inside it.
        if k > end
            && spelled_by_acronym(text, sent, i, k)
            && !ents.iter().any(|e| e.t0 <= i && e.t1 >= k)
        {
            end = k;
        }
        // A lone head word ("Council", "Party") is no name; nor is a
        // region or city the gazetteer knows by the whole run ("the West
        // Bank"). (A country's alias keeps the body's own name: "the
        // Palestinian National Authority (PNA)" acts as itself.)
        let place = || {
            ents.iter().any(|e| {
                e.t0 <= i
                    && e.t1 >= end
                    && e.ent.etype.is_place()
                    && e.ent.etype != EntityType::Country
            })
        };
        if end - i >= 2 && !place() {
            add_organisation(text, sent, disc, ents, i, end);
        }
        i = end;
    }
    lone_acronyms(text, sent, first_names, disc, ents);
}

/// "Paris-based Reporters Without Borders (RSF) said", then "RSF calls on
/// Turkmen transitional authorities": an acronym a story spells out in
/// brackets after a body's name is that body's for the whole story, though
/// the gazetteer knows it as another's (the Rapid Support Forces).
fn defined_acronyms(text: &str, sent: &Sent, disc: &mut Discourse, ents: &mut [Ent]) {
    for x in 0..ents.len() {
        let (t0, t1) = (ents[x].t0, ents[x].t1);
        if t1 != t0 + 1 || ents[x].kind != EntKind::Name || !acronym(text, sent, t0) {
            continue;
        }
        let acr = sent.toks[t0].lower.clone();
        let named = glossing_body(sent, ents, t0).filter(|&n| ents[n].ent.iri != ents[x].ent.iri);
        if let Some(n) = named {
            let ent = ents[n].ent.clone();
            disc.redefined.insert(acr, ent.clone());
            ents[n].np1 = t1 + 1;
            ents[x].ent = ent;
            ents[x].modifier = true;
        } else if let Some(ent) = disc.redefined.get(&acr) {
            ents[x].ent = ent.clone();
        }
    }
}

/// "India's Congress (I) party said Thursday", then "The Congress last
/// month withdrew its parliamentary backing", "The Congress made the
/// promise to the president": a body the story named by a longer name of
/// the gazetteer is the one a word of [story_short_names] ("Congress")
/// names alone in the rest of the story, though the gazetteer knows the
/// word alone as another body (the U.S. Congress). Only such words: a
/// longer name's first word is often a body of its own ("UN Security
/// Council").
fn short_names(sent: &Sent, disc: &mut Discourse, ents: &mut [Ent]) {
    let body = |e: &Ent| e.kind == EntKind::Name && e.ent.etype == EntityType::Organisation;
    for e in ents.iter().filter(|e| body(e) && e.t1 >= e.t0 + 2) {
        let first = &sent.toks[e.t0];
        if first.cap && at!("story_short_names", first) {
            disc.redefined.insert(first.lower.clone(), e.ent.clone());
        }
    }
    for e in ents.iter_mut().filter(|e| body(e) && e.t1 == e.t0 + 1) {
        if let Some(ent) = disc
            .redefined
            .get(&sent.toks[e.t0].lower)
            .filter(|r| r.iri != e.ent.iri && at!("story_short_names", &sent.toks[e.t0]))
        {
            e.ent = ent.clone();
        }
    }
}

/// Whether token `i` is inside a person or a body already found.
fn org_blocked(ents: &[Ent], i: usize) -> bool {
    ents.iter().any(|e| {
        e.t0 <= i
            && i < e.t1
            && matches!(
                e.ent.etype,
                EntityType::Person | EntityType::Organisation | EntityType::ArmedGroup
            )
    })
}

fn org_capital(sent: &Sent, k: usize) -> bool {
    sent.toks
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && t.cap && !at!("not_names", t))
}

/// The run from `i`: capitalised words, with "of", "for", "and", "on",
/// "the" or "-" between capitalised words. Its end, and the end of its last
/// organisation word if it has one.
fn org_run(
    sent: &Sent,
    ents: &[Ent],
    first_names: &HashSet<String>,
    i: usize,
) -> (usize, Option<usize>) {
    let n = sent.toks.len();
    let mut k = i;
    let mut last_head = None;
    // "Organization of ... in Europe", "Ministry of Foreign Affairs": the
    // head comes first and the name runs on.
    let head_first = at!("org_heads", sent, i);
    while k < n && k - i < 12 && !org_blocked(ents, k) {
        // "Foundation President Javier Betancourt", "Trust Executive
        // Director ...": a title and a name right after a one-word body are
        // its officer, not more of its name.
        if head_first && k == i + 1 && officer_at(sent, ents, k) {
            break;
        }
        if org_capital(sent, k) {
            if at!("org_heads", sent, k) || (head_first && k > i + 1) {
                last_head = Some(k + 1);
            }
            k += 1;
        } else if (matches!(
            sent.lower(k),
            "of" | "for" | "and" | "on" | "the" | "-" | "&"
        ) || (head_first && sent.lower(k) == "in"))
            && org_capital(sent, k + 1)
            && k > i
            // "the Beijing Summit of Forum on China-Africa Cooperation": the
            // summit is of the forum, no part of its name.
            && !(sent.lower(k) == "of" && at!("meeting_nouns", sent, k - 1))
        {
            k += 1;
        } else {
            break;
        }
    }
    if !head_first && !(i..k).any(|j| at!("strong_titles", sent, j)) {
        last_head = last_head.map(|h| name_tail(sent, ents, first_names, h, k).unwrap_or(h));
    }
    (k, last_head)
}

/// "the South Asian Association for Regional Cooperation", "the Muslim
/// Council of Britain", "the Chinese Ministry of Health": the name runs on
/// past its head word over "of"/"for" and capitalised words, up to the end
/// of the run `k`. Not over a title, which names the body's leader ("the
/// Welfare Party of Prime Minister Necmettin Erbakan"), nor over "and"
/// before a name already found, nor over a given name and the name after
/// it ("Chairman of the Common Fund for Commodity Ali Mchumo").
fn name_tail(
    sent: &Sent,
    ents: &[Ent],
    first_names: &HashSet<String>,
    h: usize,
    k: usize,
) -> Option<usize> {
    if h >= k || !matches!(sent.lower(h), "of" | "for") {
        return None;
    }
    let mut end = h + 1;
    for j in h + 1..k {
        if at!("strong_titles", sent, j) || at!("org_heads", sent, j) {
            return None;
        }
        if (sent.lower(j) == "and" && ents.iter().any(|e| e.t0 == j + 1))
            || (first_names.contains(sent.lower(j)) && org_capital(sent, j + 1))
        {
            break;
        }
        if org_capital(sent, j) {
            end = j + 1;
        }
    }
    (end > h + 1).then_some(end)
}

/// The organisation named by tokens `i..end`, with its acronym in brackets
/// after it.
fn add_organisation(
    text: &str,
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
    i: usize,
    end: usize,
) {
    let label = sent.span_text(text, i, end).to_string();
    // "(FICCI)" after the name is its acronym, and part of the label a
    // reader searches by: "Office for Democratic Institutions and Human
    // Rights (ODIHR)".
    let glossed =
        sent.lower(end) == "(" && sent.lower(end + 2) == ")" && acronym(text, sent, end + 1);
    // "at the newly built Hanoi National Convention Center": a venue where
    // something is held, not a body that acts.
    let venue = at!("building_words", sent, end - 1)
        && (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| is_word(sent, k) && !sent.toks[k].cap)
            .any(|k| matches!(sent.lower(k), "at" | "in"));
    let etype = if venue {
        EntityType::Building
    } else {
        EntityType::Organisation
    };
    let ent = disc
        .orgs
        .get(&label.to_lowercase())
        .cloned()
        .unwrap_or_else(|| {
            // The IRI is the name's alone, so a story that names the body
            // without its acronym names the same body ("Forum on
            // China-Africa Cooperation (FOCAC)", "Forum on China-Africa
            // Cooperation"): the same summit of it merges across them.
            let mut ent = minted(&label, etype, None, false);
            if glossed {
                ent.label = format!("{label} ({})", sent.span_text(text, end + 1, end + 2));
            }
            ent
        });
    // Names inside it ("Indian" in the Federation's name) are part of it.
    for e in ents.iter_mut().filter(|e| e.t0 >= i && e.t1 <= end) {
        e.modifier = true;
    }
    let mut x = Ent::new(i, end, ent.clone(), EntKind::Name);
    x.locative = venue;
    disc.orgs.insert(label.to_lowercase(), ent.clone());
    // "Prevezon Holdings Ltd" is later "Prevezon".
    if at!("company_heads", sent, end - 1) && cap_word(sent, i) {
        disc.orgs
            .entry(sent.lower(i).to_string())
            .or_insert_with(|| ent.clone());
    }
    if glossed {
        let acr = sent.toks[end + 1].lower.clone();
        disc.orgs.insert(acr, ent.clone());
        x.np1 = end + 3;
        let mut a = Ent::new(end + 1, end + 2, ent, EntKind::Name);
        a.modifier = true;
        ents.push(a);
    }
    ents.push(x);
}

/// Acronyms alone: known from a bracket earlier, else an organisation.
fn lone_acronyms(
    text: &str,
    sent: &Sent,
    first_names: &HashSet<String>,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    for i in 0..sent.toks.len() {
        if covered(ents, i) || !acronym(text, sent, i) || shouted_given_name(sent, first_names, i) {
            continue;
        }
        let acr = sent.toks[i].lower.clone();
        // "The USS Juneau (LPD 10) on Wednesday arrived in Zhanjiang": a
        // ship's prefix names the ship with the word after it, not a body
        // called "USS".
        if is!("ship_prefixes", &acr) && cap_word(sent, i + 1) {
            let label = sent.span_text(text, i, i + 2);
            let ent = minted(label, EntityType::Organisation, None, false);
            ents.push(Ent::new(i, i + 2, ent, EntKind::Name));
            continue;
        }
        // "the European Commission (EC)": a known body's acronym in brackets.
        let glossed = glossing_body(sent, ents, i).map(|n| ents[n].ent.clone());
        let ent = glossed
            .or_else(|| disc.orgs.get(&acr).cloned())
            .unwrap_or_else(|| {
                let label = sent.span_text(text, i, i + 1);
                minted(label, EntityType::Organisation, None, false)
            });
        disc.orgs.insert(acr, ent.clone());
        ents.push(Ent::new(i, i + 1, ent, EntKind::Name));
    }
}

/// The body named right before the acronym at `i` in brackets ("the
/// European Commission (EC)", "Reporters Without Borders (RSF)").
fn glossing_body(sent: &Sent, ents: &[Ent], i: usize) -> Option<usize> {
    if !(i > 0 && sent.lower(i - 1) == "(" && sent.lower(i + 1) == ")") {
        return None;
    }
    ents.iter().position(|e| {
        e.kind == EntKind::Name
            && e.t1 + 1 == i
            && !e.modifier
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            )
    })
}

/// "KELLY Osbourne has blasted", "LINDA Nolan has vowed": British tabloids
/// set a story's first word in capitals, and a given name so set opens a
/// person's name, no acronym.
fn shouted_given_name(sent: &Sent, first_names: &HashSet<String>, i: usize) -> bool {
    i == sent.body
        && first_names.contains(sent.lower(i))
        && sent
            .toks
            .get(i + 1)
            .is_some_and(|t| t.cap && t.kind == TokKind::Word)
}

/// Does "(ACRONYM)" right after `i..k` spell the run's capitalised words:
/// every letter an initial of one, the first letter the first or second
/// word's (PAIGC is the Portuguese order of the African Party's words)?
fn spelled_by_acronym(text: &str, sent: &Sent, i: usize, k: usize) -> bool {
    if !(sent.lower(k) == "(" && sent.lower(k + 2) == ")" && acronym(text, sent, k + 1)) {
        return false;
    }
    let initials: Vec<char> = (i..k)
        .filter(|&j| cap_word(sent, j))
        .filter_map(|j| sent.lower(j).chars().next())
        .collect();
    let acr: Vec<char> = sent.lower(k + 1).chars().collect();
    acr.len() >= 3
        && acr.len() <= initials.len()
        && initials.iter().take(2).any(|&c| c == acr[0])
        && acr.iter().all(|c| initials.contains(c))
}

/// An all-capitals word of two to six letters that is no common
/// abbreviation ("FICCI", "ISAF"; not "TV", "AM"), in running text (not
/// an all-capitals heading).
fn acronym(text: &str, sent: &Sent, i: usize) -> bool {
    let upper = |k: usize| {
        sent.toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && crate::extract::text::all_capitals(&text[t.start..t.end])
        })
    };
    let Some(t) = sent.toks.get(i) else {
        return false;
    };
    let len = t.lower.chars().count();
    upper(i)
        && (2..=6).contains(&len)
        && !t.lower.contains('.')
        && !at!("not_acronyms", t)
        && (i == 0 || !upper(i - 1))
        && !upper(i + 1)
        && !regnal(sent, i)
}

/// "Benedict XVI", "Louis XIV": a Roman numeral after a capitalised name
/// is part of the name, not an organisation's acronym.
fn regnal(sent: &Sent, i: usize) -> bool {
    i > 0
        && sent.toks[i - 1].cap
        && sent.toks[i]
            .lower
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// Whether a title phrase that starts at `k` is followed by a name: the
/// first capitalised word past the title words reads its title back to `k`.
fn officer_at(sent: &Sent, ents: &[Ent], k: usize) -> bool {
    at!("titles", sent, k)
        && sent.toks[k].cap
        && (k + 1..(k + 4).min(sent.toks.len()))
            .find(|&m| !at!("titles", sent, m))
            .is_some_and(|m| {
                cap_word(sent, m) && title_before(sent, m, ents).is_some_and(|(j, _)| j <= k)
            })
}

/// "The militant Lebanese Hezbollah on Sunday renewed their threats",
/// "to stop flow of weapons into the Lebanese Hezbollah guerrillas": a body
/// named right after its country's adjective is the party, the adjective
/// its description (not before a title or a name: "Israeli Labour leader
/// Amir Peretz" goes on to the person). Before the pronouns are read, so
/// that "their" is the body's.
pub(super) fn demonym_bodies(sent: &Sent, ents: &mut [Ent]) {
    for x in 0..ents.len() {
        let d = &ents[x];
        if d.kind != EntKind::Demonym || d.modifier || d.people {
            continue;
        }
        let described = named_body_at(ents, d.t1).filter(|&b| {
            let e = &ents[b];
            of_country(&e.ent, &d.ent.anchor) && !cap_word(sent, e.t1) && !at!("titles", sent, e.t1)
        });
        if let Some(b) = described {
            ents[b].np0 = ents[x].np0;
            ents[x].modifier = true;
        }
    }
}

/// The known organisation or armed group named at token `at`.
fn named_body_at(ents: &[Ent], at: usize) -> Option<usize> {
    ents.iter().position(|e| {
        e.t0 == at
            && e.kind == EntKind::Name
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            )
    })
}

/// Whether a body belongs to `country` or to none: "the Indian opposition
/// party Congress" is not the "U.S. Congress" the gazetteer knows.
fn of_country(body: &EntityRef, country: &str) -> bool {
    body.anchor == body.iri || body.anchor == country
}

/// "the Lebanese militant group Hezbollah", "Russian gas giant Gazprom",
/// "Chinese tech giant Huawei": a country adjective and a common noun that
/// says what kind of body follows ([body_descriptors]) describe the name
/// after them, which is the party; the country is only its modifier. A
/// capitalised run there that nothing named becomes an organisation.
/// Called on entities in text order.
pub(super) fn described_organisations(
    text: &str,
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    let n = sent.toks.len();
    for x in 0..ents.len() {
        let d = &ents[x];
        if d.kind != EntKind::Demonym || d.modifier || d.people {
            continue;
        }
        // The descriptor: one to four lower-case words, the last a body noun.
        let mut k = d.t1;
        while k < n && k < d.t1 + 4 && is_word(sent, k) && !sent.toks[k].cap {
            k += 1;
        }
        if k == d.t1 || !at!("body_descriptors", sent, k - 1) || !cap_word(sent, k) {
            continue;
        }
        let (np0, name_at) = (d.np0, k);
        if let Some(b) = named_body_at(ents, name_at) {
            if of_country(&ents[b].ent, &d.ent.anchor) {
                ents[x].modifier = true;
                ents[b].np0 = np0;
            }
            continue;
        }
        if covered(ents, name_at)
            || at!("not_names", sent, name_at)
            || crate::extract::lexicon::WEEKDAYS.contains(&sent.lower(name_at))
        {
            continue;
        }
        // "Standard & Poor's", "The Nation": a short capitalised run; one
        // that runs into a known name ("United Russia", "Alternative for
        // Germany") is a name of its own this reading would cut short.
        let mut end = name_at + 1;
        while end < n
            && end < name_at + 4
            && (cap_word(sent, end) || sent.lower(end) == "&" && cap_word(sent, end + 1))
            && !covered(ents, end)
        {
            end += 1;
        }
        let runs_on = covered(ents, end)
            || matches!(sent.lower(end), "for" | "of") && cap_word(sent, end + 1);
        if runs_on {
            continue;
        }
        let label = sent.span_text(text, name_at, end).to_string();
        let ent = disc
            .orgs
            .get(&label.to_lowercase())
            .cloned()
            .unwrap_or_else(|| minted(&label, EntityType::Organisation, None, false));
        disc.orgs.insert(label.to_lowercase(), ent.clone());
        ents[x].modifier = true;
        let mut e = Ent::new(name_at, end, ent, EntKind::Name);
        e.np0 = np0;
        ents.push(e);
    }
    ents.sort_by_key(|e| (e.np0, e.t0));
}
