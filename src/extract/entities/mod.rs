//! The entity layer: every actor and place a sentence names, resolved
//! across the article. Stages, in order, each in its own file:
//!
//! 1. [`names`]: gazetteer names, titled people ("Italian Foreign Minister
//!    Lamberto Dini"), organisations ("Federation of Indian Chambers of
//!    Commerce and Industry (FICCI)", acronyms), people introduced by an
//!    apposition ("Li Xiangmin, director of ...") and unknown places after a
//!    locative preposition;
//! 2. [`refs`]: what refers back: surnames of people named earlier, role
//!    phrases ("the president", "the U.S. president"), pronouns, "the two
//!    leaders"; [`groups`]: generic groups ("four militants", "Israeli
//!    troops") and the named body their organs act for ("leaders of the
//!    European Union").
//!
//! [`memory`] keeps what is remembered of each person once named (surnames,
//! given names, titles) for both stages.
//!
//! The [`Discourse`] carries what the article has said so far from one
//! sentence to the next.

mod callings;
mod forums;
mod groups;
mod kin;
mod local;
mod memory;
mod names;
mod orgs;
mod refs;

pub(crate) use refs::opening_document;
pub(crate) use refs::update as refs_update;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::doc::Sent;
use crate::gazetteer::{Gazetteer, NameMatch};
use crate::model::{EntityRef, EntityType};
use crate::vocab;

/// How an entity is named in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntKind {
    /// A proper name (from the gazetteer or minted).
    Name,
    /// A country adjective ("Russian officials").
    Demonym,
    /// A role phrase resolved to its holder ("the U.S. president").
    Role,
    /// A pronoun or "the two leaders".
    Pronoun,
    /// A generic group ("four militants", "Heads of local councils").
    Group,
    /// A party of talks named by their number ("six-party talks"): read
    /// only by the meeting noun it modifies, so it is also a modifier.
    Forum,
}

/// An actor or place found at tokens `t0..t1` of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    /// The whole noun phrase, titles and affiliations included
    /// ("Italian Foreign Minister Lamberto Dini").
    pub(crate) np0: usize,
    pub(crate) np1: usize,
    pub(crate) ent: EntityRef,
    pub(crate) kind: EntKind,
    /// Part of another entity's phrase ("US" in "US President Trump",
    /// "Hainan" in "Hainan's marine fishery" stays free).
    pub(crate) modifier: bool,
    /// After a locative preposition ("in Rome", "at the White House").
    pub(crate) locative: bool,
    /// A country adjective naming its people, not its state ("Iraqi civilians").
    pub(crate) people: bool,
    /// For a building standing for an office holder: the title and the
    /// gazetteer index of what it stands for.
    pub(crate) seat: Option<(String, usize)>,
}

impl Ent {
    pub(crate) fn new(t0: usize, t1: usize, ent: EntityRef, kind: EntKind) -> Ent {
        Ent {
            t0,
            t1,
            np0: t0,
            np1: t1,
            ent,
            kind,
            modifier: false,
            locative: false,
            people: false,
            seat: None,
        }
    }

    pub(crate) fn is_person(&self) -> bool {
        self.ent.etype == EntityType::Person
    }

    /// A place rather than a party: cities, regions and buildings that
    /// stand for nobody, or any place named after "in"/"at".
    pub(crate) fn is_place(&self) -> bool {
        self.locative
            || matches!(
                self.ent.etype,
                EntityType::City | EntityType::Region | EntityType::Building
            ) && self.ent.anchor == self.ent.iri
    }

    pub(crate) fn covers(&self, i: usize) -> bool {
        self.np0 <= i && i < self.np1
    }
}

/// What the article has said so far that later sentences refer back to.
#[derive(Debug, Default)]
pub(crate) struct Discourse {
    /// Surname (lower case) -> person named earlier in the article.
    pub(crate) surnames: HashMap<String, EntityRef>,
    /// Title word (lower case) -> the people introduced with it, the last
    /// last ("the president" after "Seychellois President James Alix
    /// Michel"). All of them: "the South Korean minister" is the South
    /// Korean one even after Japan's minister was named.
    pub(crate) titled: HashMap<String, Vec<EntityRef>>,
    /// How often each person (by IRI) was named in the sentences before:
    /// who keeps a bare surname a namesake shares.
    pub(crate) person_mentions: HashMap<String, usize>,
    /// Organisations by acronym and full name.
    pub(crate) orgs: HashMap<String, EntityRef>,
    /// Names the story gave another body than the gazetteer's: acronyms it
    /// spelled out (`orgs::defined_acronyms`) and bare short names after a
    /// longer one ("Congress" after "Congress (I)", `orgs::short_names`).
    pub(crate) redefined: HashMap<String, EntityRef>,
    /// The person last in subject position: the referent of "he"/"she".
    pub(crate) last_person: Option<EntityRef>,
    /// The last woman and the last man in subject position whose given
    /// names tell their sex: "he" after "Feinstein said" is the man before.
    pub(crate) last_woman: Option<EntityRef>,
    pub(crate) last_man: Option<EntityRef>,
    /// The last plural subject (a group, a country): "they".
    pub(crate) last_plural: Option<EntityRef>,
    /// The parties the last sentence opened with when they were two or
    /// more ("Turkey and Israel boosted ...", "The two presidents
    /// discussed ..."): a "they" that opens the next sentence is all of
    /// them, not the first.
    pub(crate) last_group: Vec<EntityRef>,
    /// The body (a country, an organisation) that opened the last
    /// sentence as its subject: what a sentence-opening "It called on"
    /// goes on with.
    pub(crate) last_opener: Option<EntityRef>,
    /// The last speaker: "I" in a quote without attribution.
    pub(crate) last_speaker: Option<EntityRef>,
    /// The organisation or armed group last named: "the organisation".
    pub(crate) last_org: Option<EntityRef>,
    /// The country last named: "the country", "the Himalayan kingdom".
    pub(crate) last_country: Option<EntityRef>,
    /// Who issued the last resolution or statement the article told of
    /// ("The General Assembly adopted the resolution"): what a sentence
    /// opening "The resolution asked ..." speaks for.
    pub(crate) last_document: Option<refs::Document>,
    /// The two parties of the article's most told meeting so far ("the
    /// two leaders", "both sides").
    pub(crate) last_pair: Option<(EntityRef, EntityRef)>,
    pub(crate) pair_counts: Vec<((String, String), usize)>,
    /// People known to be women or men (a relative named by kinship,
    /// "Saipov's sister"): "she" and "he" pass over the other.
    pub(crate) female: HashSet<String>,
    pub(crate) male: HashSet<String>,
}

impl Discourse {
    /// A person named earlier whose name this label shortens or repeats
    /// ("Lee" after "Martin Lee", "Trump Jr" after "Donald Trump Jr.").
    pub(crate) fn known_person(&self, label: &str) -> Option<EntityRef> {
        let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
        let last = words
            .iter()
            .rev()
            .find(|w| !matches!(w.as_str(), "jr" | "jr." | "sr" | "sr."))?;
        let p = self.surnames.get(last)?;
        let full = p.label.to_lowercase();
        (words.len() == 1 || words.iter().all(|w| full.contains(w.trim_end_matches('.'))))
            .then(|| p.clone())
    }

    /// Counts a meeting of two parties; the most told pair becomes "the two".
    pub(crate) fn saw_pair(&mut self, a: &EntityRef, b: &EntityRef) {
        let (a, b) = if a.iri <= b.iri { (a, b) } else { (b, a) };
        let key = (a.iri.clone(), b.iri.clone());
        let n = match self.pair_counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.pair_counts.push((key, 1));
                1
            }
        };
        let best = self.pair_counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if n == best {
            self.last_pair = Some((a.clone(), b.clone()));
        }
    }
}

/// What the entity layer needs from the rest of the extractor.
pub(crate) struct Context<'g> {
    pub(crate) gaz: &'g Gazetteer,
    pub(crate) date: Option<NaiveDate>,
    /// First names of the gazetteer's people: evidence that an unknown
    /// capitalised pair is a person.
    pub(crate) first_names: &'g HashSet<String>,
    /// Every gazetteer name of the article: what it names anywhere, for the
    /// rare reading that needs it before the sentence that names it.
    pub(crate) article_names: &'g [NameMatch],
}

/// First names (lower case) of every person the gazetteer knows, and the
/// given names of `data/first_names.txt` (the people of 2020s news are
/// mostly not in a dictionary of office holders that ends in 2014).
pub(crate) fn first_names(gaz: &Gazetteer) -> HashSet<String> {
    // A given name that names something else, or that a word list claims,
    // would make "Denver Nuggets", "Asia Pacific" or "Sunni Arabs" a person
    // (the list of family names is a list of names).
    let census = census_names()
        .filter(|w| {
            !super::lexicon::LISTS.listed(w) || super::lexicon::is!("family_names_first", w)
        })
        .filter(|w| {
            let mut name = w.to_string();
            name[..1].make_ascii_uppercase();
            gaz.find_names(&name).is_empty()
        })
        .map(str::to_string);
    gaz.entities
        .iter()
        .filter(|e| e.etype == EntityType::Person)
        // The Phoenix dictionaries file a few bodies under people ("Islamic
        // Revolutionary Council", "Provincial Reconstruction Team"): their
        // first words are no given names.
        .filter(|e| {
            e.label
                .split_whitespace()
                .last()
                .is_some_and(|w| !super::lexicon::is!("org_heads", &w.to_lowercase()))
        })
        .filter_map(|e| e.label.split_whitespace().next())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| {
            !super::lexicon::is!("not_names", w)
                && !super::lexicon::is!("titles", w)
                && !super::lexicon::is!("place_name_heads", w)
        })
        .chain(census)
        .collect()
}

/// The given names of `data/first_names.txt`.
fn census_names() -> impl Iterator<Item = &'static str> {
    include_str!("../data/first_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// The entities of one sentence. `names` are the gazetteer matches inside
/// it. Updates `disc` with the people and organisations it introduces.
pub(crate) fn find(
    text: &str,
    sent: &Sent,
    names: &[NameMatch],
    ctx: &Context,
    disc: &mut Discourse,
) -> Vec<Ent> {
    let mut ents = names::gazetteer_names(sent, names, ctx, disc);
    for e in ents.iter().filter(|e| e.is_person()) {
        memory::remember_named_person(disc, &e.ent, ctx.first_names);
    }
    orgs::organisations(text, sent, ctx.first_names, disc, &mut ents);
    local::county_governments(text, sent, disc, &mut ents);
    names::titled_people(text, sent, ctx, disc, &mut ents);
    names::apposition_people(text, sent, ctx, disc, &mut ents);
    names::offices_of_parties(sent, &mut ents);
    refs::known_again(sent, disc, &mut ents);
    refs::role_phrases(sent, ctx, disc, &mut ents);
    kin::kin(text, sent, disc, &mut ents);
    names::unknown_places(text, sent, &mut ents);
    stances(sent, &mut ents);
    countries_of_people(sent, &mut ents);
    callings::callings(sent, &mut ents);
    groups::groups(text, sent, &mut ents);
    backed_heads(sent, &mut ents);
    orgs::demonym_bodies(sent, &mut ents);
    refs::pairs(sent, disc, &mut ents);
    refs::org_anaphors(sent, disc, &mut ents);
    refs::country_anaphors(sent, disc, &mut ents);
    refs::document_anaphors(sent, disc, &mut ents);
    refs::pronouns(sent, disc, &mut ents);
    forums::forums(sent, ctx, &mut ents);
    ents.sort_by_key(|e| (e.np0, e.t0));
    // "Senate Democrats", "Pentagon officials' union": an organisation
    // right before another names which one; the last is the party.
    for k in 1..ents.len() {
        let (a, b) = (&ents[k - 1], &ents[k]);
        if a.t1 == b.t0
            && a.kind == EntKind::Name
            && b.kind == EntKind::Name
            && a.ent.etype == EntityType::Organisation
            && b.ent.etype == EntityType::Organisation
        {
            let np0 = a.np0;
            ents[k - 1].modifier = true;
            ents[k].np0 = np0;
        }
    }
    orgs::described_organisations(text, sent, disc, &mut ents);
    mark_positions(sent, &mut ents);
    demonym_appositions(sent, &mut ents);
    // The dateline's place and agency are no parties; an agency is a
    // source wherever it stands.
    // "5 million US dollars", "Hong Kong dollars": a currency's country
    // is no party to what the money is for.
    for e in &mut *ents {
        if e.t0 < sent.body
            || former_affiliation(sent, e)
            || super::lexicon::is!("news_agencies", &e.ent.label.to_lowercase())
            || super::lexicon::at!("currencies", sent, e.t1)
        {
            e.modifier = true;
        }
    }
    ents
}

/// "the ex-Soviet republic", "ex-Soviet states": the state a country was
/// part of once is no party now.
fn former_affiliation(sent: &Sent, e: &Ent) -> bool {
    e.t0 >= 2
        && sent.lower(e.t0 - 2) == "ex"
        && sent.glued_hyphen(e.t0 - 1)
        && super::lexicon::at!("polity_nouns", sent, e.t1)
}

/// "Ugandan rebel forces, the Lord Resistance Army (LRA), from the soil",
/// "the main opposition party, the United Ethiopian Democratic Force
/// (UEDF),": a country adjective's or a common noun's group named by the
/// apposition after it is that group, not the country. The
/// phrase takes the name's identity and the name becomes part of it.
fn demonym_appositions(sent: &Sent, ents: &mut [Ent]) {
    for x in 1..ents.len() {
        let (a, b) = (&ents[x - 1], &ents[x]);
        let start = if sent.lower(a.np1 + 1) == "the" {
            a.np1 + 2
        } else {
            a.np1 + 1
        };
        let named_group = b.kind == EntKind::Name
            && matches!(
                b.ent.etype,
                EntityType::ArmedGroup | EntityType::Organisation
            );
        if matches!(a.kind, EntKind::Demonym | EntKind::Group)
            && !a.people
            && !a.modifier
            && a.np1 > a.t1
            && sent.lower(a.np1) == ","
            && b.np0 == start
            && named_group
            && matches!(sent.lower(b.np1), "," | "." | "")
        {
            let name = b.ent.clone();
            ents[x - 1].ent = name;
            ents[x - 1].kind = EntKind::Name;
            ents[x].modifier = true;
        }
    }
}

/// The phrase a backer modifies starts at the backer ("loyal to
/// Fatah-backed president Mahmud Abbas", "struck Iran-backed militias"):
/// the name, adjective or group right after the participle, not a place
/// after the head ("Iran-backed militias near Damascus"). After the groups
/// are found, so that "militias" is one.
fn backed_heads(sent: &Sent, ents: &mut [Ent]) {
    for k in 0..ents.len() {
        let e = &ents[k];
        if !(e.modifier && (backer(sent, e) || seat(sent, e))) {
            continue;
        }
        let (np0, end) = (e.np0, e.t1 + 2);
        // A group noun only as the head itself ("Iran-backed militias near
        // Damascus"), not before the name it introduces ("the Iran-backed
        // group Hezbollah", "the US-backed government of Nuri al-Maliki").
        let head_group = |h: &Ent| {
            h.kind != EntKind::Group
                || !sent.toks.get(h.np1).is_some_and(|t| t.cap) && sent.lower(h.np1) != "of"
        };
        // A name may stand a word or two on ("the Iran-backed group
        // Hezbollah", "the US-backed government of Nuri al-Maliki").
        if let Some(head) = ents
            .iter_mut()
            .filter(|h| {
                !h.is_place()
                    && (h.np0 == end && head_group(h)
                        || h.kind != EntKind::Group && h.np0 > end && h.np0 <= end + 2)
            })
            .min_by_key(|h| h.np0)
        {
            head.np0 = np0;
        }
    }
}

/// "with Yoweri Museveni of Uganda, Paul Kagame of Rwanda and John Kufuor
/// of Ghana": a country after "of" right behind a named person is whose he
/// is, part of his phrase, so a list of such people stays one list.
fn countries_of_people(sent: &Sent, ents: &mut [Ent]) {
    for k in 0..ents.len() {
        let e = &ents[k];
        if !(e.kind == EntKind::Name && e.is_person() && sent.lower(e.t1) == "of") {
            continue;
        }
        let at = e.t1 + 1;
        if let Some(c) = ents.iter().position(|c| {
            c.ent.etype == EntityType::Country
                && (c.t0 == at || c.t0 == at + 1 && sent.lower(at) == "the")
        }) {
            let end = ents[c].np1;
            ents[c].modifier = true;
            ents[k].np1 = end;
        }
    }
}

/// "anti-Syrian MP Walid Jumblatt", "pro-Moscow separatists", "anti-Israeli
/// bomb attacks": a country after "anti-" or "pro-" (or "ethnic") is what
/// its phrase stands for or against, never a party (a precision audit of the wire
/// stories found it made the attackers' or speakers' country). Nor is a
/// city that names a round or a document ("the Doha round").
fn stances(sent: &Sent, ents: &mut [Ent]) {
    for e in ents.iter_mut() {
        let against_or_for = e.t0 >= 2
            && sent.lower(e.t0 - 1) == "-"
            && matches!(sent.lower(e.t0 - 2), "anti" | "pro")
            && !e.is_person();
        // "Spanish-language TV ads", "Russian-speaking villagers": a
        // language's country is no party to what its speakers or media do,
        // and the phrase's head is a group of its own.
        let language =
            sent.lower(e.t1) == "-" && super::lexicon::at!("language_compounds", sent, e.t1 + 1);
        if language {
            e.np1 = e.t1;
        }
        // "Fatah-backed Palestinian president Mahmud Abbas called", "the
        // Iranian-backed United Iraqi Alliance": the backer modifies the
        // phrase it precedes, whose head acts (`backed_heads` starts that
        // phrase at the backer).
        // "the ethnic Albanian uprising in 2001" (in Macedonia), "a crackdown
        // by Belgrade on separatist ethnic Albanian rebels in the province":
        // an ethnic group's name is no state's.
        let ethnic = e.kind == EntKind::Demonym && e.t0 >= 1 && sent.lower(e.t0 - 1) == "ethnic";
        // "issued a statement on the Doha round of WTO negotiations", "the
        // WTO Doha Development Agenda negotiations": a city that names a
        // round or a document is no party to it.
        let names_text = e.kind == EntKind::Name
            && matches!(e.ent.etype, EntityType::City | EntityType::Region)
            && (super::lexicon::at!("place_named_texts", sent, e.t1)
                || sent.lower(e.t1) == "development"
                    && matches!(sent.lower(e.t1 + 1), "agenda" | "round"));
        if against_or_for
            || language
            || ethnic
            || names_text
            || backer(sent, e)
            || seat(sent, e)
            || press_of(sent, e)
        {
            e.modifier = true;
        }
    }
}

/// A name before "-backed", "-funded" ... and the phrase it modifies.
fn backer(sent: &Sent, e: &Ent) -> bool {
    sent.lower(e.t1) == "-"
        && super::lexicon::at!("backing_participles", sent, e.t1 + 1)
        && sent
            .toks
            .get(e.t1 + 2)
            .is_some_and(|t| t.kind == super::text::TokKind::Word)
}

/// A place before "-based" or "-headquartered" ([seat_participles]): where
/// the phrase it modifies sits.
fn seat(sent: &Sent, e: &Ent) -> bool {
    matches!(
        e.ent.etype,
        EntityType::City | EntityType::Region | EntityType::Country
    ) && sent.lower(e.t1) == "-"
        && super::lexicon::at!("seat_participles", sent, e.t1 + 1)
}

/// A country or its adjective before its press ([press_nouns], maybe after a
/// [press_owners] word), as a subject ("The Turkish press accused the
/// authorities"), unless the outlet is the state's voice ([state_press]:
/// "one official Chinese newspaper accused"). Only as a subject: the press a
/// speaker talks to ("said in an interview with German public television
/// broadcaster ARD") is left to the rules that read interviews.
fn press_of(sent: &Sent, e: &Ent) -> bool {
    let k = if super::lexicon::at!("press_owners", sent, e.t1)
        || super::lexicon::at!("state_press", sent, e.t1)
    {
        e.t1 + 1
    } else {
        e.t1
    };
    let mut p = e.t0;
    let mut state = super::lexicon::at!("state_press", sent, e.t1);
    while p > sent.body
        && (matches!(sent.lower(p - 1), "the" | "a" | "an" | "one")
            || super::lexicon::at!("press_owners", sent, p - 1)
            || super::lexicon::at!("state_press", sent, p - 1))
    {
        state |= super::lexicon::at!("state_press", sent, p - 1);
        p -= 1;
    }
    let opens = p <= sent.body
        || matches!(
            sent.lower(p - 1),
            "," | "and" | "but" | "while" | "as" | "when" | "that" | "\"" | "“"
        );
    opens
        && !state
        && e.ent.etype == EntityType::Country
        && matches!(e.kind, EntKind::Name | EntKind::Demonym)
        && super::lexicon::at!("press_nouns", sent, k)
}

/// Locative places and modifiers that are part of another entity's phrase.
fn mark_positions(sent: &Sent, ents: &mut [Ent]) {
    for e in ents.iter_mut() {
        let mut p = e.np0;
        // "in central Baghdad", "in the southern Lebanese port of Tyre".
        while p > 0
            && (matches!(sent.lower(p - 1), "the" | "a" | "an")
                || super::lexicon::at!("place_adjectives", sent, p - 1))
        {
            p -= 1;
        }
        let prev = if p > 0 { sent.lower(p - 1) } else { "" };
        // "in a US-led invasion", "at a NATO summit": a name right after
        // "a" that leads a compound or names a gathering modifies an event,
        // not a place ("near a US military base", "at a Beijing summit" stay
        // places).
        // A body's name there leads any compound: "at an NBC News debate
        // here", "landed at an Israeli army base near the Erez Crossing" are
        // no places.
        let indefinite = p + 1 == e.np0
            && !matches!(e.ent.etype, EntityType::City | EntityType::Region)
            && matches!(sent.lower(p), "a" | "an")
            && (matches!(
                sent.lower(e.np1),
                "-" | "summit" | "meeting" | "conference" | "session"
            ) || e.ent.etype == EntityType::Organisation
                && sent
                    .toks
                    .get(e.np1)
                    .is_some_and(|t| t.kind == super::text::TokKind::Word && !t.cap));
        let loc = !indefinite
            && matches!(
                prev,
                "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
            );
        if loc && e.kind == EntKind::Name && e.ent.etype != EntityType::Person {
            e.locative = true;
        }
        // "the South Korean city of Busan", "Russian airspace"; "Indian
        // border guards" are people, whose phrase goes on past the place.
        if e.kind == EntKind::Demonym
            && e.np1 == e.t1
            && super::lexicon::at!("place_nouns", sent, e.t1)
        {
            e.locative = true;
        }
    }
    // "in the Nigerian capital Abuja", "the Pakistani port city Karachi":
    // the city named right after the country's place noun is the place,
    // and the country only says where it is.
    for x in 0..ents.len() {
        let d = &ents[x];
        if d.kind != EntKind::Demonym || !d.locative || d.np1 != d.t1 {
            continue;
        }
        let mut k = d.t1;
        while super::lexicon::at!("place_nouns", sent, k) && k < d.t1 + 2 {
            k += 1;
        }
        let city = ents.iter().position(|e| {
            e.t0 == k
                && k > d.t1
                && e.kind == EntKind::Name
                && matches!(e.ent.etype, EntityType::City | EntityType::Region)
        });
        if let Some(c) = city {
            ents[c].locative = true;
            ents[x].modifier = true;
        }
    }
    // "in Minsk, capital of Belarus": the country places the city.
    for e in ents.iter_mut() {
        if e.ent.etype == EntityType::Country
            && e.np0 >= 3
            && sent.lower(e.np0 - 1) == "of"
            && sent.lower(e.np0 - 2) == "capital"
            && sent.lower(e.np0 - 3) == ","
        {
            e.locative = true;
            e.modifier = true;
        }
    }
    // "Budapest, Hungary" is one place.
    for x in 1..ents.len() {
        let (a, b) = (&ents[x - 1], &ents[x]);
        if b.t0 == a.t1 + 1
            && sent.lower(a.t1) == ","
            && b.ent.etype == EntityType::Country
            && matches!(a.ent.etype, EntityType::City | EntityType::Region)
            && a.locative
        {
            ents[x].locative = true;
            ents[x].modifier = true;
        }
    }
}

/// A label as a slug for minted IRIs ("Dmitry Peskov" -> "dmitry-peskov").
pub(crate) fn slug(s: &str) -> String {
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

/// "KELLY Osbourne" (a tabloid's capitals on a story's first word) is
/// Kelly Osbourne: a person's first word in capitals before words that are
/// not.
fn unshouted(label: &str) -> String {
    let mut words = label.split(' ');
    let Some(first) = words.next() else {
        return label.to_string();
    };
    let rest: Vec<&str> = words.collect();
    // Not initials ("C.M. Ibrahim").
    let shouted = first.chars().count() >= 3
        && first.chars().all(char::is_alphabetic)
        && super::text::all_capitals(first)
        && !rest.is_empty()
        && rest.iter().all(|w| w.chars().any(char::is_lowercase));
    if !shouted {
        return label.to_string();
    }
    format!("{} {}", super::text::title_case(first), rest.join(" "))
}

/// Mints an actor the gazetteer does not know. The IRI depends only on the
/// label, so the same name in two articles is one actor.
pub(crate) fn minted(
    label: &str,
    etype: EntityType,
    anchor: Option<&EntityRef>,
    leader: bool,
) -> EntityRef {
    let prefix = if matches!(
        etype,
        EntityType::City | EntityType::Region | EntityType::Building
    ) {
        "place"
    } else {
        "actor"
    };
    let iri = vocab::eid(&format!("{prefix}/{}", slug(label)));
    EntityRef {
        anchor: anchor
            .map(|a| a.anchor.clone())
            .unwrap_or_else(|| iri.clone()),
        iri,
        label: if etype == EntityType::Person {
            unshouted(label)
        } else {
            label.to_string()
        },
        etype,
        qid: None,
        leader,
        located_in: None,
    }
}

#[cfg(test)]
mod tests;
