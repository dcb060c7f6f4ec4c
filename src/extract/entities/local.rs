//! Local governments named by their place: "Los Angeles County on Sunday
//! announced that bars and restaurants would be restricted to takeout",
//! "Harris County officials said". American news tells what a county's
//! government does by the county's name; the place alone ("Los Angeles")
//! can be no party, so the county would drop out of its own announcement.

use super::names::cap_word;
use super::{minted, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::model::EntityType;

/// Mints "X County" as an organisation where it names an actor: not after a
/// preposition ("in Harris County", "of Broward County" stay places, read
/// by `unknown_places` or the gazetteer). The place or person named inside
/// ("Los Angeles", "Harris") is part of the name.
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
        let start = match ents.iter().find(|e| e.t1 == k && e.kind == EntKind::Name) {
            Some(e) => e.t0,
            // An unknown name of up to three capitalised words.
            None => (k.saturating_sub(3).max(sent.body)..k)
                .rev()
                .take_while(|&j| cap_word(sent, j))
                .last()
                .unwrap_or(k),
        };
        if start == k {
            continue;
        }
        // "crimes in Hohhot, Togtoh County, Tumd Zuoqi Banner": a list of
        // places after the preposition is places too.
        let before = (sent.body..start)
            .rev()
            .find(|&j| !(cap_word(sent, j) || matches!(sent.lower(j), "," | "and")));
        let locative = before.is_some_and(|j| {
            crate::extract::arguments::is_preposition(sent.lower(j))
                || j + 1 == start && matches!(sent.lower(j), "the" | "a")
        });
        if locative {
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
