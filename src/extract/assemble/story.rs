//! What the story as a whole gives its mentions: the country it is about
//! (the recipient of aid with none named, the state of a bare "the
//! government"), and forces sent with no recipient told as a deployment.

use rustc_hash::FxHashMap as HashMap;

use super::super::lexicon::is;
use crate::model::{EntityRef, EntityType, EventKind, Mention, Role};

/// "Baghdad sent nine helicopters to the south", "to send paramilitary
/// troops to Bihar state": forces a verb sends, with no one to receive
/// them (even after the story's country was tried, `give_recipients`) and
/// no foreign country as the place, are a deployment, not aid. Not what
/// forces carry ("sent 20 helicopters loaded with food and tents", "sent
/// relief supplies aboard military jets"), nor troops sent abroad
/// ("Australia sent troops to restore order in East Timor"); troops
/// pledged to another's force stay pledges.
pub(super) fn deployment(m: &Mention) -> bool {
    let abroad = m.place.as_ref().is_some_and(|p| {
        p.etype == EntityType::Country && !m.actors.iter().any(|(_, a)| a.anchor == p.iri)
    });
    m.kind == EventKind::Aid
        && !abroad
        && !m.actors.iter().any(|(r, _)| *r == Role::Target)
        && m.evidence.iter().all(|e| {
            let sends = e
                .quote
                .split_whitespace()
                .next()
                .is_some_and(|w| is!("sending_verbs", &w.to_lowercase()));
            let after: Vec<String> = e
                .after_trigger()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            // The object: the words up to a preposition, a stopword or a
            // punctuation mark ("nine helicopters", "1,500 troops,").
            let mut object: Vec<&str> = Vec::new();
            for w in after.iter().take(4) {
                let core = w.trim_end_matches([',', ';', '.', ':']);
                let number = !core.is_empty()
                    && core
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
                let word =
                    !core.is_empty() && core.chars().all(|c| c.is_alphanumeric() || c == '-');
                if !(number || word)
                    || is!("stopwords", core)
                    || crate::extract::arguments::is_preposition(core)
                {
                    break;
                }
                object.push(core);
                if core.len() < w.len() {
                    break;
                }
            }
            // What they carry, told before the destination: "20 helicopters
            // loaded with food and tents to Kashmir" (not "to protect aid
            // convoys", "where rebels had blocked food supplies").
            let gifts = after
                .iter()
                .take_while(|w| w.as_str() != "to" && !w.ends_with([',', ';', '.']))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .any(|w| is!("aidobj", w) && !is!("deployed_forces", w));
            sends && !gifts && object.iter().any(|w| is!("deployed_forces", w))
        })
}

/// What the country a story is about gives its mentions: aid with no
/// recipient (the country named most), a bare "the government" (the
/// country whose names, people and places counted in, are most).
pub(super) fn story_country(
    mentions: &mut [Mention],
    countries: HashMap<String, (usize, EntityRef)>,
    anchors: &HashMap<String, usize>,
) {
    if let Some(top) = dominant_country(&countries, (2, 3)) {
        give_recipients(mentions, top);
    }
    let by_anchor: HashMap<String, (usize, EntityRef)> = countries
        .into_iter()
        .map(|(iri, (_, e))| {
            let n = anchors.get(&iri).copied().unwrap_or(0);
            (iri, (n, e))
        })
        .collect();
    if let Some(top) = dominant_country(&by_anchor, GOVERNMENT_SHARE) {
        government_of_story(mentions, top, &by_anchor);
    }
}

/// The country an article is about, when one clearly dominates it: named
/// at least three times, and the next at most `num/den` as often.
fn dominant_country(
    countries: &HashMap<String, (usize, EntityRef)>,
    (num, den): (usize, usize),
) -> Option<&EntityRef> {
    let mut ranked: Vec<&(usize, EntityRef)> = countries.values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.iri.cmp(&b.1.iri)));
    let top = ranked.first()?;
    if top.0 < 3
        || ranked
            .get(1)
            .is_some_and(|second| second.0 * den > top.0 * num)
    {
        return None;
    }
    Some(&top.1)
}

/// "Both the government and CPN pledged to issue the new constitution", "a
/// peace treaty with the government": in a story about one country, a bare
/// "the government" of an event that names no country is that country's
/// (a recall audit, seed 1919: 41 wire mentions had it as the state's only
/// party).
fn government_of_story(
    mentions: &mut [Mention],
    top: &EntityRef,
    countries: &HashMap<String, (usize, EntityRef)>,
) {
    // "The Burmese opposition called on the government in Rangoon" in a
    // story about Thailand: a party or place of another country names
    // whose government it is.
    let elsewhere = |a: &EntityRef| a.anchor != top.iri && countries.contains_key(&a.anchor);
    for m in mentions.iter_mut() {
        if m.actors
            .iter()
            .any(|(_, a)| a.etype == EntityType::Country || elsewhere(a))
            || m.place.as_ref().is_some_and(elsewhere)
        {
            continue;
        }
        for (_, a) in &mut m.actors {
            if a.etype == EntityType::Group && matches!(a.label.as_str(), "government" | "cabinet")
            {
                *a = top.clone();
            }
        }
    }
}

/// How much less than the story's country the next may be named for "the
/// government" to be the story's: a third (a half took the cabinet of a
/// story on US bases in Okinawa, and "Arroyo's government" in a story of
/// her ally, for the United States).
const GOVERNMENT_SHARE: (usize, usize) = (1, 3);

/// "Greece has promised up to 700 troops" in a story about Albania: a
/// pledge or aid with no recipient named is for the country the article is
/// about.
fn give_recipients(mentions: &mut [Mention], top: &EntityRef) {
    for m in mentions.iter_mut() {
        // What is given may be an entity ("700 troops") and so no topic
        // word, or elided ("France said it was sending 1,000"): the
        // sentence tells.
        let sentence_gives = m.evidence[0]
            .sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| is!("aidobj", &w.to_lowercase()));
        let gives = matches!(m.kind, EventKind::Pledge | EventKind::Aid)
            && (m.topic.iter().any(|w| is!("aidobj", w)) || sentence_gives);
        let has_target = m.actors.iter().any(|(r, _)| *r == Role::Target);
        let own = m.actors.iter().any(|(_, a)| a.anchor == top.iri);
        if gives && !has_target && !own {
            m.actors.push((Role::Target, top.clone()));
        }
    }
}
