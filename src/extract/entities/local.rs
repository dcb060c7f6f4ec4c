//! Local governments named by their place: "Los Angeles County on Sunday
//! announced that bars and restaurants would be restricted to takeout",
//! "Harris County officials said". American news tells what a county's
//! government does by the county's name; the place alone ("Los Angeles")
//! can be no party, so the county would drop out of its own announcement.

use super::names::cap_word;
use super::{minted, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::is;
use crate::extract::text::TokKind;
use crate::model::EntityType;

/// Mints "X County" as an organisation where it names an actor, opening its
/// clause (`opens_clause`): "in Harris County", "visited Lee County" stay
/// places, read by `unknown_places` or the gazetteer. The place or person
/// named inside ("Los Angeles", "Harris") is part of the name.
pub(super) fn county_governments(
    text: &str,
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    for k in sent.body + 1..sent.toks.len() {
        if sent.lower(k) != "county" || !sent.toks[k].cap {
            continue;
        }
        if ents.iter().any(|e| e.t0 <= k && k < e.t1) {
            continue;
        }
        // "St. Louis County Executive Sam Page", "Santa Clara County Public
        // Health Officer Sara Cody", "Harris County Sheriff's Office": the
        // county names someone's office, who acts.
        if sent.toks.get(k + 1).is_some_and(|t| t.cap) || sent.lower(k + 1) == "'s" {
            continue;
        }
        let Some(start) = name_before(sent, ents, k) else {
            continue;
        };
        if !opens_clause(sent, start) {
            continue;
        }
        let label = sent.span_text(text, start, k + 1).to_string();
        let ent = disc
            .orgs
            .entry(label.to_lowercase())
            .or_insert_with(|| minted(&label, EntityType::Organisation, None, false))
            .clone();
        ents.retain(|e| !(e.t0 >= start && e.t1 <= k));
        ents.push(Ent::new(start, k + 1, ent, EntKind::Name));
    }
}

/// Where the county's name starts: a name found before it ("Los Angeles"),
/// else up to three capitalised words, joined by a hyphen too
/// ("Miami-Dade"), never a preposition ("Across Harris County").
fn name_before(sent: &Sent, ents: &[Ent], k: usize) -> Option<usize> {
    if let Some(e) = ents.iter().find(|e| e.t1 == k && e.kind == EntKind::Name) {
        return Some(e.t0);
    }
    let mut start = k;
    while start > sent.body && k - start < 4 {
        let j = start - 1;
        let word = cap_word(sent, j) && !place_preposition(sent.lower(j));
        let hyphen = sent.lower(j) == "-" && j > sent.body && cap_word(sent, j - 1);
        if word {
            start = j;
        } else if hyphen {
            start = j - 1;
        } else {
            break;
        }
    }
    (start < k).then_some(start)
}

/// A county that acts opens its clause: at the sentence's start, after a
/// comma, a quote or a conjunction. Not an object ("attacked Lamu County",
/// "Biden visited Lee County"), nor a place after a preposition, alone or
/// in a list ("in Hohhot, Togtoh County, Tumd Zuoqi Banner").
fn opens_clause(sent: &Sent, start: usize) -> bool {
    if start == sent.body {
        return true;
    }
    let list_before = (sent.body..start)
        .rev()
        .find(|&j| !(cap_word(sent, j) || matches!(sent.lower(j), "," | "and")))
        .is_some_and(|j| place_preposition(sent.lower(j)));
    let w = sent.lower(start - 1);
    !list_before
        && (is!("county_clause_openers", w)
            || sent.toks[start - 1].kind != TokKind::Word && !matches!(w, "-" | "."))
}

/// "in", "at", ... and the prepositions of where that open a sentence
/// ("Beyond Miami-Dade County, ...", "Outside Harris County, ...").
fn place_preposition(w: &str) -> bool {
    crate::extract::arguments::is_preposition(w) || is!("place_openers", w)
}
