//! Actors and places of one sentence: gazetteer names, titled people
//! ("Kremlin spokesperson Dmitry Peskov"), later short mentions ("Peskov"),
//! role phrases resolved at the article's date ("the U.S. president"),
//! capitals and buildings standing for governments, demonyms, and simple
//! pronouns.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::lexicon::{not_a_name, TITLE_WORDS};
use super::text::{TokKind, Token};
use crate::gazetteer::{Gazetteer, NameMatch, SurfaceKind};
use crate::model::{EntityRef, EntityType};
use crate::vocab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Name,
    Demonym,
    Pronoun,
    Role,
}

/// An actor or place found at tokens `t0..t1` of a sentence.
#[derive(Debug, Clone)]
pub struct ActorTok {
    pub t0: usize,
    pub t1: usize,
    pub ent: EntityRef,
    pub kind: ActorKind,
    /// A modifier of a titled person ("US" in "US President Donald Trump").
    pub absorbed: bool,
    /// In a locative position ("in Budapest", "across Ukraine").
    pub locative: bool,
    /// After a preposition of motion ("to the White House", "from Russia"):
    /// a destination for visits, a recipient or source otherwise.
    pub motion: bool,
    /// A topic modifier ("on the Russia talks"), not a participant.
    pub topic: bool,
    /// The gazetteer's role title whose holder a building stands for.
    pub seat_of: Option<String>,
    /// For a seat building: its index, so the holder can be found.
    pub gaz_idx: Option<usize>,
}

impl ActorTok {
    /// A plain actor at tokens `t0..t1`; the flags start false.
    pub fn new(t0: usize, t1: usize, ent: EntityRef, kind: ActorKind) -> Self {
        ActorTok {
            t0,
            t1,
            ent,
            kind,
            absorbed: false,
            locative: false,
            motion: false,
            topic: false,
            seat_of: None,
            gaz_idx: None,
        }
    }
}

/// What the article has said so far that later sentences refer back to.
#[derive(Debug, Default)]
pub struct Discourse {
    /// Surname -> person minted earlier in the article.
    pub surnames: HashMap<String, EntityRef>,
    /// The person last in subject position: the referent of "he"/"she".
    pub last_subject: Option<EntityRef>,
    /// The last speaker: the referent of "I" in a quote without attribution.
    pub last_speaker: Option<EntityRef>,
    /// The two people of the article's most told meeting or call so far:
    /// "the two leaders". Counted per pair; the latest wins a tie.
    pub last_pair: Option<(EntityRef, EntityRef)>,
    pub pair_counts: Vec<((EntityRef, EntityRef), usize)>,
}

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "location",
];
const MOTION: &[&str] = &[
    "to", "from", "toward", "towards", "into", "visit", "visited", "visiting", "visits",
];

const STRONG_TITLES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "king",
    "queen",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "commander",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "chairman",
    "chairwoman",
    "director",
    "official",
    "adviser",
    "advisor",
    "secretary-general",
    "chief",
    "emir",
    "pope",
    "representative",
    "commissioner",
    "speaker",
    "ayatollah",
    "sheikh",
    "prince",
    "colonel",
    "admiral",
    "spokesmen",
];

/// Role phrases resolvable through the gazetteer's role spells.
const ROLE_TITLES: &[(&[&str], &str)] = &[
    (&["president"], "president"),
    (&["prime", "minister"], "prime minister"),
    (&["premier"], "prime minister"),
    (&["chancellor"], "chancellor"),
    (&["foreign", "minister"], "foreign minister"),
    (&["secretary", "of", "state"], "secretary of state"),
    (&["defense", "secretary"], "defense secretary"),
    (&["defence", "secretary"], "defense secretary"),
    (&["defence", "minister"], "defence minister"),
    (&["defense", "minister"], "defence minister"),
    (&["king"], "king"),
    (&["leader"], "president"),
];

fn token_range(tokens: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let t0 = tokens.iter().position(|t| t.start >= start)?;
    let t1 = tokens
        .iter()
        .position(|t| t.start >= end)
        .unwrap_or(tokens.len());
    (t1 > t0 && tokens[t0].start == start).then_some((t0, t1))
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Mints an actor that the gazetteer does not know.
pub fn minted(
    label: &str,
    etype: EntityType,
    anchor: Option<&EntityRef>,
    leader: bool,
) -> EntityRef {
    let iri = vocab::eid(&format!("actor/{}", slug(label)));
    EntityRef {
        anchor: anchor
            .map(|a| a.anchor.clone())
            .unwrap_or_else(|| iri.clone()),
        iri,
        label: label.to_string(),
        etype,
        qid: None,
        leader,
        located_in: None,
    }
}

/// Finds the actors of one sentence. `names` are the gazetteer matches
/// inside it; `quotes` the token ranges inside quotation marks.
#[allow(clippy::too_many_arguments)]
pub fn find_actors(
    text: &str,
    tokens: &[Token],
    names: &[NameMatch],
    gaz: &Gazetteer,
    date: Option<NaiveDate>,
    discourse: &mut Discourse,
    in_quote: &dyn Fn(usize) -> bool,
    quote_speaker: Option<&EntityRef>,
) -> Vec<ActorTok> {
    let mut actors: Vec<ActorTok> = Vec::new();
    for m in names {
        let Some((t0, t1)) = token_range(tokens, m.start, m.end) else {
            continue;
        };
        // A one-word person alias inside a longer name ("Ellen Johnson
        // Sirleaf", "Trump Tower") is someone or something else.
        if t1 == t0 + 1
            && m.candidates
                .iter()
                .all(|&c| gaz.entities[c].etype == EntityType::Person)
        {
            let cap_word = |i: usize| {
                tokens.get(i).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && t.cap
                        && !TITLE_WORDS.contains(&t.lower.as_str())
                        && !not_a_name(&t.lower)
                })
            };
            if (t0 > 0 && cap_word(t0 - 1)) || cap_word(t1) {
                continue;
            }
        }
        let idx = gaz.disambiguate(&m.candidates, date);
        let e = &gaz.entities[idx];
        // A lone "Georgia" or "Jordan" next to a capitalised word is more
        // likely part of a person's name; leave such cases to the title rule.
        let ent = gaz.entity_ref(idx, date);
        let kind = match m.kind {
            SurfaceKind::Demonym => ActorKind::Demonym,
            SurfaceKind::Name => ActorKind::Name,
        };
        let mut a = ActorTok::new(t0, t1, ent, kind);
        a.seat_of = e.seat_of.clone();
        a.gaz_idx = Some(idx);
        actors.push(a);
    }
    let covered = |actors: &[ActorTok], i: usize| actors.iter().any(|a| a.t0 <= i && i < a.t1);

    // Titled people the gazetteer does not know: TITLE+ Capitalised{2,3}.
    let mut i = 0;
    while i < tokens.len() {
        let is_title = |t: &Token| TITLE_WORDS.contains(&t.lower.as_str()) || t.lower == "of";
        if is_title(&tokens[i]) && tokens[i].lower != "of" && !covered(&actors, i) {
            let mut j = i;
            let mut strong = false;
            while j < tokens.len() && is_title(&tokens[j]) && !covered(&actors, j) {
                strong |= STRONG_TITLES.contains(&tokens[j].lower.as_str());
                j += 1;
            }
            let mut k = j;
            while k < tokens.len()
                && k - j < 3
                && tokens[k].kind == TokKind::Word
                && tokens[k].cap
                && !covered(&actors, k)
                && !not_a_name(&tokens[k].lower)
                && !tokens[k].lower.starts_with('\'')
            {
                k += 1;
            }
            let last = tokens[k.saturating_sub(1)].lower.as_str();
            let institution = matches!(
                last,
                "province"
                    | "region"
                    | "state"
                    | "city"
                    | "county"
                    | "island"
                    | "islands"
                    | "district"
                    | "republic"
                    | "party"
                    | "council"
                    | "group"
                    | "bank"
                    | "company"
                    | "corp"
                    | "inc"
                    | "ltd"
                    | "ministry"
                    | "agency"
                    | "committee"
                    | "commission"
                    | "university"
                    | "union"
                    | "front"
                    | "army"
                    | "court"
                    | "office"
                    | "department"
                    | "fund"
                    | "organization"
                    | "organisation"
                    | "association"
                    | "institute"
                    | "corporation"
                    | "motors"
                    | "airlines"
            );
            if strong && k - j >= 2 && !institution {
                let label = &text[tokens[j].start..tokens[k - 1].end];
                let title: Vec<&str> = tokens[i..j].iter().map(|t| t.lower.as_str()).collect();
                let leader = matches!(
                    title.last().copied(),
                    Some("president" | "premier" | "chancellor" | "king")
                ) || title.ends_with(&["prime", "minister"]);
                // Affiliation: the name right before the title.
                let aff = actors
                    .iter()
                    .filter(|a| a.t1 == i || (a.t1 + 1 == i && tokens[a.t1].lower == "'s"))
                    .map(|a| a.ent.clone())
                    .next_back();
                let ent = minted(
                    label,
                    EntityType::Person,
                    aff.as_ref(),
                    leader && aff.is_some(),
                );
                let surname = tokens[k - 1].lower.clone();
                discourse.surnames.insert(surname, ent.clone());
                actors.push(ActorTok::new(j, k, ent, ActorKind::Name));
                i = k;
                continue;
            }
        }
        i += 1;
    }
    // Later short mentions of minted people ("Peskov").
    for (i, t) in tokens.iter().enumerate() {
        if t.cap && t.kind == TokKind::Word && !covered(&actors, i) {
            if let Some(ent) = discourse.surnames.get(&t.lower) {
                actors.push(ActorTok::new(i, i + 1, ent.clone(), ActorKind::Name));
            }
        }
    }
    actors.sort_by_key(|a| a.t0);

    // Role phrases without a name: "the U.S. president", "Russia's president".
    if let Some(d) = date {
        let mut add = Vec::new();
        for a in &actors {
            if a.ent.etype != EntityType::Country {
                continue;
            }
            let mut j = a.t1;
            if j < tokens.len() && tokens[j].lower == "'s" {
                j += 1;
            }
            for (words, title) in ROLE_TITLES {
                let end = j + words.len();
                if end <= tokens.len()
                    && tokens[j..end]
                        .iter()
                        .zip(words.iter())
                        .all(|(t, w)| t.lower == *w)
                    && !(end < tokens.len() && tokens[end].cap && tokens[end].kind == TokKind::Word)
                {
                    let country = gaz.get(&a.ent.iri);
                    if let Some(h) = country.and_then(|c| gaz.holder(title, c, d)) {
                        add.push(ActorTok {
                            t0: a.t0,
                            t1: end,
                            ent: gaz.entity_ref(h, date),
                            kind: ActorKind::Role,
                            absorbed: false,
                            locative: false,
                            motion: false,
                            topic: false,
                            seat_of: None,
                            gaz_idx: Some(h),
                        });
                    }
                    break;
                }
            }
        }
        for r in add {
            actors.retain(|a| !(a.t0 >= r.t0 && a.t1 <= r.t1));
            actors.push(r);
        }
        actors.sort_by_key(|a| a.t0);
    }

    // A country, organisation or building right before a title and a
    // person is the person's affiliation, not a second actor.
    let n = actors.len();
    for x in 0..n {
        if actors[x].ent.etype == EntityType::Person {
            continue;
        }
        let Some(next_person) = (x + 1..n).find(|&y| actors[y].ent.etype == EntityType::Person)
        else {
            continue;
        };
        let gap = &tokens[actors[x].t1..actors[next_person].t0];
        let all_titles = gap.iter().all(|t| {
            TITLE_WORDS.contains(&t.lower.as_str())
                || t.lower == "'s"
                || t.lower == "of"
                || t.lower == "-"
                || t.lower == "state"
        });
        if all_titles && gap.len() <= 4 && gap.iter().any(|t| t.lower != "'s") {
            actors[x].absorbed = true;
        }
    }

    // Locative positions: capitals and buildings there are places, not
    // governments; "Budapest, Hungary" is one place.
    for actor in actors.iter_mut() {
        let t0 = actor.t0;
        let mut p = t0;
        while p > 0 && matches!(tokens[p - 1].lower.as_str(), "the" | "an" | "a") {
            p -= 1;
        }
        let prev = if p > 0 {
            tokens[p - 1].lower.as_str()
        } else {
            ""
        };
        let prev2 = if p > 1 {
            tokens[p - 2].lower.as_str()
        } else {
            ""
        };
        let loc = LOCATIVE.contains(&prev) || (prev == "," && LOCATIVE.contains(&prev2));
        actor.locative = loc && actor.kind == ActorKind::Name;
        actor.motion = MOTION.contains(&prev) && actor.kind == ActorKind::Name;
        let next = tokens.get(actor.t1).map(|t| t.lower.as_str()).unwrap_or("");
        let next_is_noun = tokens.get(actor.t1).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !matches!(
                    next,
                    "and"
                        | "or"
                        | "to"
                        | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "of"
                        | "'s"
                        | "by"
                        | "said"
                        | "says"
                        | "was"
                        | "is"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                )
        });
        let raw = |k: usize| {
            if t0 >= k {
                tokens[t0 - k].lower.as_str()
            } else {
                ""
            }
        };
        let event_noun = matches!(
            next,
            "summit" | "meeting" | "talks" | "conference" | "forum" | "session" | "meetings"
        );
        let topic_prep = raw(1) == "the"
            && (matches!(raw(2), "on" | "about" | "over" | "regarding")
                || (raw(2) == "of" && event_noun));
        actor.topic = topic_prep && next_is_noun && actor.ent.etype != EntityType::Person;
    }
    for x in 1..actors.len() {
        let (a, b) = (&actors[x - 1], &actors[x]);
        if b.t0 == a.t1 + 1
            && tokens[a.t1].lower == ","
            && b.ent.etype == EntityType::Country
            && matches!(a.ent.etype, EntityType::City | EntityType::Region)
        {
            actors[x - 1].locative = true;
            actors[x].locative = true;
            actors[x].absorbed = true;
        }
    }

    // "the South Korean city of Busan", "Russian airspace": a place, not a party.
    for a in actors.iter_mut() {
        if a.kind == ActorKind::Demonym
            && tokens.get(a.t1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "city"
                        | "town"
                        | "capital"
                        | "port"
                        | "village"
                        | "region"
                        | "province"
                        | "border"
                        | "territory"
                        | "waters"
                        | "soil"
                        | "airspace"
                        | "coast"
                        | "island"
                        | "side"
                )
            })
        {
            a.locative = true;
        }
    }
    // "the two leaders": the pair of the last meeting or call.
    if let Some((p1, p2)) = discourse.last_pair.clone() {
        for i in 0..tokens.len().saturating_sub(1) {
            let two = matches!(tokens[i].lower.as_str(), "two" | "both")
                && matches!(
                    tokens[i + 1].lower.as_str(),
                    "leaders" | "presidents" | "men" | "sides" | "heads" | "ministers"
                );
            if two && !covered(&actors, i) {
                for ent in [p1.clone(), p2.clone()] {
                    actors.push(ActorTok::new(i, i + 2, ent, ActorKind::Pronoun));
                }
            }
        }
    }

    // Pronouns.
    for (i, t) in tokens.iter().enumerate() {
        if covered(&actors, i) || t.kind != TokKind::Word {
            continue;
        }
        let first_person = matches!(t.lower.as_str(), "i" | "me" | "my" | "we" | "our")
            || (t.lower == "us" && !t.cap);
        let ent = if first_person && in_quote(i) {
            quote_speaker.or(discourse.last_speaker.as_ref()).cloned()
        } else if matches!(t.lower.as_str(), "he" | "she" | "his" | "him" | "her") {
            actors
                .iter()
                .filter(|a| {
                    a.ent.etype == EntityType::Person
                        && !a.absorbed
                        && a.t1 <= i
                        && in_quote(a.t0) == in_quote(i)
                })
                .min_by_key(|a| a.t0)
                .map(|a| a.ent.clone())
                .or_else(|| discourse.last_subject.clone())
        } else {
            None
        };
        if let Some(ent) = ent {
            actors.push(ActorTok::new(i, i + 1, ent, ActorKind::Pronoun));
        }
    }
    actors.sort_by_key(|a| a.t0);
    actors
}

/// After a sentence: its first person in subject position becomes the
/// referent of later pronouns.
pub fn update_discourse(
    discourse: &mut Discourse,
    actors: &[ActorTok],
    tokens: &[Token],
    speaker: Option<&EntityRef>,
) {
    if let Some(sp) = speaker.filter(|s| s.etype == EntityType::Person) {
        discourse.last_subject = Some(sp.clone());
        return;
    }
    // The subject is the first person not inside a prepositional phrase
    // ("Ahead of Zelensky's meeting, Trump talked ..." -> Trump).
    let start_of = |a: &ActorTok| {
        actors
            .iter()
            .filter(|m| m.absorbed && m.t1 <= a.t0 && m.t1 + 3 >= a.t0)
            .map(|m| m.t0)
            .min()
            .unwrap_or(a.t0)
    };
    let after_prep = |a: &ActorTok| {
        let s = start_of(a);
        s > 0
            && matches!(
                tokens[s - 1].lower.as_str(),
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
            )
    };
    let persons = || {
        actors
            .iter()
            .filter(|a| a.ent.etype == EntityType::Person && !a.absorbed)
    };
    if let Some(a) = persons()
        .find(|a| !after_prep(a))
        .or_else(|| persons().next())
    {
        discourse.last_subject = Some(a.ent.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slug("Dmitry Peskov"), "dmitry-peskov");
        assert_eq!(slug("  Jean-Luc  O'Neil "), "jean-luc-o-neil");
    }
}
