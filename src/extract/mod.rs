//! Extraction: article text in, event mentions out. Pure: no store, no
//! printing, no global state; the same article and gazetteer always give
//! the same mentions.
//!
//! Per sentence: tokens, actors ([`actors`]), dates (the [`crate::timex`]
//! tagger over the whole article, so anaphoric dates see earlier ones),
//! speech frames ("X said ..."), then triggers from the [`lexicon`] with
//! their arguments read from the clause around them. Per article: mentions
//! of one event are merged ([`crate::merge`]), one-sided meetings get their
//! counterpart from the article, and meetings of leaders become summits.

pub mod actors;
pub mod lexicon;
mod relations;
pub mod text;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::merge;
use crate::model::{
    ArticleDates, ArticleExtraction, DateMethod, DateWindow, EntityRef, EntityType, EventKind,
    Evidence, Mention, Role, Status,
};
use crate::timex::{self, Anchoring, Timex, TimexType};
use actors::{ActorKind, ActorTok, Discourse};
use lexicon::{
    Needs, Pos, TriggerRule, BY_FIRST, CLAIM_VERBS, CLAUSE_BOUNDARIES, DENY_VERBS, RULES,
    SPEECH_VERBS,
};
use text::{TokKind, Token};

/// Recorded with every mention so a graph says which extractor made it, and
/// part of each article's content hash, so a new version re-reads stored
/// articles. Bump the suffix when extraction output changes between releases.
pub const EXTRACTOR_VERSION: &str = concat!("eventline-extract/", env!("CARGO_PKG_VERSION"), "+3");

pub struct Extractor<'g> {
    gaz: &'g Gazetteer,
}

/// "X said ...": who speaks, where their words are, when they spoke.
#[derive(Debug, Clone)]
struct Frame {
    verb: usize,
    speaker: Option<EntityRef>,
    speaker_tok: Option<(usize, usize)>,
    comp: (usize, usize),
    date: Option<usize>,
}

/// A date expression mapped onto the sentence's tokens.
#[derive(Debug, Clone)]
struct TimexTok {
    t0: usize,
    t1: usize,
    timex: Timex,
}

struct Sentence<'a> {
    text: &'a str,
    start: usize,
    tokens: Vec<Token>,
    actors: Vec<ActorTok>,
    timexes: Vec<TimexTok>,
    frames: Vec<Frame>,
    quotes: Vec<(usize, usize)>,
}

const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];
const NEGATING_VERBS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "cancelled",
    "canceled",
    "cancels",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "ruled",
    "postponed",
    "scrapped",
    "abandoned",
];
const POSSIBLE_CUES: &[&str] = &[
    "could",
    "might",
    "may",
    "if",
    "unless",
    "considering",
    "consider",
    "considers",
    "considered",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "mulling",
    "weighing",
    "whether",
    "ready",
    "open",
    "perhaps",
    "likely",
    "proposed",
    "propose",
    "proposes",
    "suggested",
    "offered",
];
const PLANNED_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "plans",
    "planned",
    "planning",
    "plan",
    "scheduled",
    "due",
    "expected",
    "upcoming",
    "next",
    "soon",
    "agreed",
    "agree",
    "agrees",
    "intends",
    "intend",
    "prepares",
    "preparing",
    "set",
    "another",
    "future",
    "would",
    "headed",
    "heading",
    "going",
    "aims",
    "seeks",
    "wants",
];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "rumoured",
    "rumored",
    "unconfirmed",
    "alleged",
];
const PEOPLE_NOUNS: &[&str] = &[
    "civilians",
    "people",
    "citizens",
    "nationals",
    "tourists",
    "workers",
    "students",
    "children",
    "women",
    "men",
    "residents",
    "villagers",
    "pilgrims",
    "fishermen",
    "passengers",
    "journalists",
    "hostages",
    "refugees",
    "migrants",
    "families",
    "victims",
    "fans",
    "players",
    "athletes",
    "team",
    "investors",
    "companies",
    "firms",
    "banks",
    "shares",
    "stocks",
    "market",
    "markets",
];
const NEWS_AGENCIES: &[&str] = &[
    "afp",
    "agence france-presse",
    "xinhua",
    "reuters",
    "associated press",
    "ap",
    "ians",
    "pti",
    "bbc",
    "cnn",
    "tass",
    "itar-tass",
    "interfax",
    "kyodo",
    "yonhap",
    "dpa",
    "ansa",
    "efe",
    "anadolu",
    "irna",
    "bernama",
    "antara",
    "upi",
];

fn is_news_agency(label: &str) -> bool {
    let l = label.to_lowercase();
    NEWS_AGENCIES.contains(&l.as_str()) || l.ends_with("news agency")
}

const OBLIQUE_PREPS: &[&str] = &[
    "with", "to", "on", "against", "from", "for", "of", "over", "at", "toward", "towards", "into",
    "upon", "between", "and",
];
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "with", "by", "at", "from",
    "that", "this", "its", "his", "her", "their", "it", "he", "she", "they", "was", "were", "is",
    "are", "be", "been", "has", "have", "had", "will", "would", "could", "more", "than", "as",
    "said", "not", "any", "such", "also", "which", "who", "said,", "\"", "“", "”", "’", "'s", ",",
    ".", "-", "(", ")",
];
const COMPLETION_VERBS: &[&str] = &[
    "signed",
    "sign",
    "signs",
    "signing",
    "reached",
    "reach",
    "reaches",
    "struck",
    "concluded",
    "clinched",
    "sealed",
    "inked",
    "agreed",
    "finalised",
    "finalized",
    "ratified",
    "endorsed",
    "approved",
    "brokered",
    "announced",
];

impl<'g> Extractor<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Extractor { gaz }
    }

    /// Extracts the event mentions of one article.
    pub fn extract(&self, article: &Article) -> ArticleExtraction {
        let dates = reference_dates(article);
        let text = article.text.as_str();
        let dct = dates.reference;
        let timexes = match dct {
            Some(d) => timex::tag(text, d),
            // Without an anchor, only explicit dates mean anything.
            None => timex::tag(
                text,
                NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            )
            .into_iter()
            .filter(|t| t.anchoring == Anchoring::Explicit)
            .collect(),
        };
        let names = self.gaz.find_names(text);
        let mut discourse = Discourse::default();
        let mut mentions = Vec::new();
        let mut pending = Vec::new();
        for span in text::sentences(text) {
            let tokens = text::tokenize(text, span.start, span.end);
            if tokens.is_empty() {
                continue;
            }
            let quotes = quote_spans(&tokens);
            let in_quote = |i: usize| quotes.iter().any(|&(a, b)| a <= i && i < b);
            let s_names: Vec<_> = names
                .iter()
                .filter(|m| m.start >= span.start && m.end <= span.end)
                .cloned()
                .collect();
            // A first pass finds who speaks, so that "I" inside a quote can
            // be resolved; sentences without quotes need none.
            let quote_speaker = if quotes.is_empty() {
                None
            } else {
                let pre = actors::find_actors(
                    text,
                    &tokens,
                    &s_names,
                    self.gaz,
                    dct,
                    &mut discourse,
                    &in_quote,
                    None,
                );
                speech_frames(&tokens, &pre, &[])
                    .iter()
                    .find_map(|f| f.speaker.clone())
            };
            let actors = actors::find_actors(
                text,
                &tokens,
                &s_names,
                self.gaz,
                dct,
                &mut discourse,
                &in_quote,
                quote_speaker.as_ref(),
            );
            let tx: Vec<TimexTok> = timexes
                .iter()
                .filter(|t| t.start >= span.start && t.end <= span.end)
                .filter_map(|t| {
                    let t0 = tokens.iter().position(|k| k.end > t.start)?;
                    let t1 = tokens
                        .iter()
                        .position(|k| k.start >= t.end)
                        .unwrap_or(tokens.len());
                    (t1 > t0).then(|| TimexTok {
                        t0,
                        t1,
                        timex: t.clone(),
                    })
                })
                .collect();
            let frames = speech_frames(&tokens, &actors, &tx);
            let sentence = Sentence {
                text,
                start: span.start,
                tokens,
                actors,
                timexes: tx,
                frames,
                quotes,
            };
            if !is_heading(&sentence) {
                let mut found = self.sentence_mentions(&sentence, dct);
                pending.extend(relations::sentence_relations(&sentence.tokens, &mut found));
                for m in &found {
                    let persons: Vec<&EntityRef> = m
                        .actors
                        .iter()
                        .map(|(_, e)| e)
                        .filter(|e| e.etype == EntityType::Person)
                        .collect();
                    if m.kind.family() == "consult" && persons.len() == 2 {
                        let mut pair = (persons[0].clone(), persons[1].clone());
                        if pair.0.iri > pair.1.iri {
                            pair = (pair.1, pair.0);
                        }
                        match discourse
                            .pair_counts
                            .iter_mut()
                            .find(|(p, _)| p.0.iri == pair.0.iri && p.1.iri == pair.1.iri)
                        {
                            Some((_, n)) => *n += 1,
                            None => discourse.pair_counts.push((pair.clone(), 1)),
                        }
                        let best = discourse
                            .pair_counts
                            .iter()
                            .map(|(_, n)| *n)
                            .max()
                            .unwrap_or(0);
                        let n_this = discourse
                            .pair_counts
                            .iter()
                            .find(|(p, _)| p.0.iri == pair.0.iri && p.1.iri == pair.1.iri)
                            .map(|(_, n)| *n)
                            .unwrap_or(0);
                        if n_this == best {
                            discourse.last_pair = Some(pair);
                        }
                    }
                }
                mentions.extend(found);
            }
            if let Some(s) = sentence.frames.iter().find_map(|f| f.speaker.clone()) {
                discourse.last_speaker = Some(s);
            }
            let speaker = sentence.frames.iter().find_map(|f| f.speaker.as_ref());
            actors::update_discourse(&mut discourse, &sentence.actors, &sentence.tokens, speaker);
        }
        let mentions = self.finish_article(mentions, &pending, dct);
        let mut relations = relations::resolve(&pending, &mentions);
        let dated = relations::date_relations(&mentions, &relations);
        relations.extend(dated);
        relations.sort();
        ArticleExtraction {
            dates,
            mentions,
            relations,
        }
    }

    fn sentence_mentions(&self, s: &Sentence, dct: Option<NaiveDate>) -> Vec<Mention> {
        let toks = &s.tokens;
        let mut out: Vec<Mention> = Vec::new();
        let mut used = vec![false; toks.len()];
        let mut found: Vec<(usize, usize, &TriggerRule)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if used[i] || toks[i].kind != TokKind::Word {
                i += 1;
                continue;
            }
            let Some(rules) = BY_FIRST.get(toks[i].lower.as_str()) else {
                i += 1;
                continue;
            };
            // Longest matching rule wins.
            let best = rules
                .iter()
                .map(|&r| &RULES[r])
                .filter_map(|r| match_rule(toks, i, r).map(|end| (end, r)))
                .max_by_key(|(end, _)| *end);
            let Some((end, rule)) = best else {
                i += 1;
                continue;
            };
            for u in used.iter_mut().take(end).skip(i) {
                *u = true;
            }
            found.push((i, end, rule));
            i = end;
        }
        // "launched an attack on", "carried out air strikes": one trigger.
        let mut k = 0;
        while k + 1 < found.len() {
            let (a0, a1, ra) = found[k];
            let (b0, b1, rb) = found[k + 1];
            if ra.kind == EventKind::Attack
                && rb.kind == EventKind::Attack
                && b0 >= a1
                && b0 - a1 <= 4
            {
                found[k] = (a0, b1, if rb.mode.is_some() { rb } else { ra });
                found.remove(k + 1);
            } else {
                k += 1;
            }
        }
        let spans: Vec<(usize, usize, EventKind)> =
            found.iter().map(|&(a, b, r)| (a, b, r.kind)).collect();
        for &(t0, t1, rule) in &found {
            if let Some(m) = self.mention(s, t0, t1, rule, dct, &spans) {
                out.push(m);
            }
        }
        out.extend(self.intent_pledges(s, &out));
        // A statement whose content is itself an event is news for that event.
        if out.iter().any(|m| m.kind != EventKind::Statement) {
            let firsts: Vec<usize> = out
                .iter()
                .filter(|m| m.kind != EventKind::Statement)
                .map(|m| m.evidence[0].start)
                .collect();
            out.retain(|m| {
                m.kind != EventKind::Statement || !firsts.iter().any(|&f| f > m.evidence[0].start)
            });
        }
        out
    }

    /// Builds the mention of the trigger at tokens `t0..t1`, or `None` when
    /// the context says it is no event (generic, metaphoric, a topic).
    fn mention(
        &self,
        s: &Sentence,
        t0: usize,
        t1: usize,
        rule: &TriggerRule,
        dct: Option<NaiveDate>,
        triggers: &[(usize, usize, EventKind)],
    ) -> Option<Mention> {
        let toks = &s.tokens;
        let lower = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        let prev = |k: usize| if t0 >= k { lower(t0 - k) } else { "" };
        let kind = rule.kind;

        if !context_allows(s, t0, t1, rule) {
            return None;
        }
        // Generic series and background.
        if matches!(prev(1), "of")
            && matches!(
                prev(2),
                "string" | "spate" | "series" | "wave" | "number" | "rash" | "flurry"
            )
            || matches!(prev(2), "of")
                && matches!(
                    prev(3),
                    "string" | "spate" | "series" | "wave" | "number" | "rash" | "flurry"
                )
        {
            return None;
        }
        if matches!(prev(1), "such" | "without") || (prev(2) == "without") {
            return None;
        }
        {
            let mut k = 1;
            while matches!(
                prev(k),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "any"
                    | "-"
                    | "russia"
                    | "ukraine"
                    | "us"
                    | "u.s."
            ) && k < 4
            {
                k += 1;
            }
            let topical = |k: usize| {
                matches!(
                    prev(k),
                    "on" | "about" | "over" | "regarding" | "of" | "for"
                ) && !(prev(k) == "of"
                    && matches!(
                        prev(k + 1),
                        "ahead" | "sidelines" | "margins" | "fringes" | "part" | "wake" | "heels"
                    ))
            };
            // One adjective may stand between: "over ongoing attacks".
            let adjective = t0 > k && toks[t0 - k].kind == TokKind::Word && !toks[t0 - k].cap;
            if topical(k) || (k == 1 && adjective && topical(2)) {
                return None;
            }
        }
        let (mut lb, mut rb) = clause_window(s, t0, t1, kind, rule.pos);
        let clause_start = lb;
        // Another trigger's words are that event's arguments.
        for &(a, b, _) in triggers {
            if b <= t0 && b > lb {
                lb = b;
            }
            if a >= t1 && a < rb {
                rb = a;
            }
        }
        // Ongoing or habitual ("have been escalating", "has been hitting"): background.
        let been = (lb..t0).any(|k| {
            lower(k) == "been" && toks.get(k + 1).is_some_and(|t| t.lower.ends_with("ing"))
        });
        if been || toks[t0].lower.ends_with("ing") && prev(1) == "been" {
            return None;
        }

        let frame = s
            .frames
            .iter()
            .find(|f| f.comp.0 <= t0 && t1 <= f.comp.1 && f.verb != t0);
        let mut roles: Vec<(Role, EntityRef)> = Vec::new();
        let mut place: Option<EntityRef> = None;
        let mut place_country: Option<EntityRef> = None;
        let passive = matches!(
            prev(1),
            "was" | "were" | "been" | "being" | "be" | "is" | "are"
        ) && toks[t0].lower.ends_with("ed");
        let mut hosts: Vec<EntityRef> = Vec::new();

        // Relative clause: "Trump, a Republican who has vowed ..." -> Trump.
        let mut antecedent = None;
        if lb > 0 && matches!(lower(lb - 1), "who" | "which") {
            antecedent = s
                .actors
                .iter()
                .rfind(|a| a.t1 < lb && a.t1 + 8 >= lb && !a.absorbed && !a.locative)
                .map(|a| a.ent.clone());
        }
        for a in s.actors.iter().filter(|a| a.t0 >= lb && a.t1 <= rb) {
            if a.absorbed || a.topic || (a.t0 < t1 && a.t1 > t0) {
                continue;
            }
            // "Iraqi civilians" are people of Iraq, not the state.
            if a.kind == ActorKind::Demonym
                && toks
                    .get(a.t1)
                    .is_some_and(|t| PEOPLE_NOUNS.contains(&t.lower.as_str()))
            {
                continue;
            }
            if let Some(f) = frame {
                if f.speaker_tok == Some((a.t0, a.t1)) {
                    continue;
                }
            }
            let locative = a.locative || (a.motion && kind.family() == "consult");
            if locative
                || matches!(
                    a.ent.etype,
                    EntityType::City | EntityType::Region | EntityType::Building
                ) && a.ent.anchor == a.ent.iri
            {
                let specific = a.ent.etype != EntityType::Country;
                if specific
                    && place
                        .as_ref()
                        .is_none_or(|p| p.etype == EntityType::Country)
                {
                    place = Some(a.ent.clone());
                } else if !specific && place_country.is_none() {
                    place_country = Some(a.ent.clone());
                }
                if let (Some(title), Some(idx), Some(d)) = (&a.seat_of, a.gaz_idx, dct) {
                    if let Some(of) = self.gaz.entities[idx].stands_for {
                        if let Some(h) = self.gaz.holder(title, of, d) {
                            hosts.push(self.gaz.entity_ref(h, dct));
                        }
                    }
                }
                if !(locative && a.ent.etype == EntityType::Country && kind == EventKind::Attack) {
                    continue;
                }
            }
            let before = a.t1 <= t0;
            let p = if a.t0 > 0 { lower(a.t0 - 1) } else { "" };
            let p2 = if a.t0 > 1 { lower(a.t0 - 2) } else { "" };
            let oblique = OBLIQUE_PREPS.contains(&p) && p != "and"
                || (matches!(p, "the") && OBLIQUE_PREPS.contains(&p2) && p2 != "and");
            let role = if kind.symmetric() {
                Role::Participant
            } else if before
                && matches!(
                    p,
                    "gave"
                        | "give"
                        | "gives"
                        | "giving"
                        | "issued"
                        | "handed"
                        | "sent"
                        | "offered"
                        | "granted"
                        | "served"
                )
            {
                Role::Target
            } else if p == "by" && rule.pos == Pos::Noun && !before {
                // "sanctions imposed by the US on Myanmar"
                Role::Initiator
            } else if p == "from"
                && matches!(
                    kind,
                    EventKind::Threat | EventKind::Request | EventKind::Accusation
                )
                && !before
            {
                // "threats from Beijing", "demands from the rebels"
                Role::Initiator
            } else if passive {
                if p == "by" {
                    Role::Initiator
                } else if before {
                    Role::Target
                } else {
                    Role::Participant
                }
            } else if before && !oblique {
                Role::Initiator
            } else {
                Role::Target
            };
            if locative && a.ent.etype == EntityType::Country {
                // A country where an attack happened: its target when none is named.
                roles.push((Role::Participant, a.ent.clone()));
                continue;
            }
            roles.push((role, self.metonymy(&a.ent, dct)));
        }
        if let Some(ante) = antecedent {
            if !roles.iter().any(|(r, _)| *r == Role::Initiator) {
                roles.insert(0, (role_for_subject(kind), ante));
            }
        }
        // "Zelensky visited Germany and met Merz": a coordinated verb shares
        // the clause's subject across the other trigger.
        let coordinated = rule.pos == Pos::Verb && (lb..t0).any(|k| lower(k) == "and");
        if coordinated
            && lb > clause_start
            && !roles.iter().any(|(r, e)| {
                *r == Role::Initiator
                    || (kind.symmetric()
                        && s.actors.iter().any(|a| a.ent.iri == e.iri && a.t1 <= t0))
            })
        {
            if let Some(a) = s.actors.iter().find(|a| {
                a.t0 >= clause_start
                    && a.t1 <= lb
                    && !a.absorbed
                    && !is_news_agency(&a.ent.label)
                    && a.kind != ActorKind::Demonym
                    && !a.locative
                    && !a.motion
                    && !a.topic
                    && (a.t0 == 0 || !OBLIQUE_PREPS.contains(&lower(a.t0 - 1)))
            }) {
                roles.insert(0, (role_for_subject(kind), self.metonymy(&a.ent, dct)));
            }
        }
        // A visit's host is the country visited.
        if kind == EventKind::Visit {
            if let Some(p) = place.as_ref().or(place_country.as_ref()) {
                let host = if p.etype == EntityType::Country {
                    Some(p.clone())
                } else {
                    self.gaz
                        .get(&p.anchor)
                        .filter(|_| p.anchor != p.iri)
                        .map(|i| self.gaz.entity_ref(i, dct))
                };
                if let Some(h) = host {
                    let visitor_anchor = roles.first().map(|(_, e)| e.anchor.clone());
                    if visitor_anchor.as_deref() != Some(h.anchor.as_str())
                        && !roles.iter().any(|(_, e)| e.iri == h.iri)
                    {
                        roles.push((Role::Target, h));
                    }
                }
            }
        }
        // News agencies report events; they do not take part in them.
        roles.retain(|(_, e)| !is_news_agency(&e.label));
        // "Opposition groups in Zimbabwe are demanding ...": an unnamed
        // collective is still the actor.
        if !kind.symmetric() && !roles.iter().any(|(r, _)| *r == Role::Initiator) {
            if let Some(group) = self.collective_subject(s, t0, lb) {
                roles.insert(0, (Role::Initiator, group));
            }
        }
        // "air strikes in Gaza": the place's country is attacked.
        // "air strikes in Gaza", "a car bombing in central Baghdad": the
        // country of the place is the one attacked.
        if kind == EventKind::Attack && !roles.iter().any(|(r, _)| *r == Role::Target) {
            let country = place
                .as_ref()
                .or(place_country.as_ref())
                .and_then(|p| self.country_of_place(p, dct));
            if let Some(c) = country {
                let attacker_side = roles.iter().any(|(_, e)| e.anchor == c.anchor);
                if !attacker_side && (!roles.is_empty() || c.etype == EntityType::Country) {
                    roles.push((Role::Target, c));
                }
            }
        }
        // Speech acts without a subject of their own belong to the speaker.
        let mut speaker_is_actor = false;
        if let Some(f) = frame {
            if let Some(sp) = &f.speaker {
                let own = kind.speech_act()
                    && (!roles.iter().any(|(r, _)| *r == Role::Initiator)
                        || roles
                            .iter()
                            .any(|(r, e)| *r == Role::Initiator && e.anchor == sp.anchor));
                if own {
                    speaker_is_actor = true;
                    if !roles.iter().any(|(_, e)| e.iri == sp.iri) {
                        roles.insert(0, (role_for_subject(kind), sp.clone()));
                    }
                }
            }
        }
        if kind == EventKind::Attack {
            // "in overnight attacks across Ukraine": the country attacked.
            if !roles.iter().any(|(r, _)| *r == Role::Target) {
                if let Some(pos) = roles.iter().position(|(r, _)| *r == Role::Participant) {
                    roles[pos].0 = Role::Target;
                }
            }
            roles.retain(|(r, _)| *r != Role::Participant);
        }
        for h in hosts {
            if matches!(kind.family(), "consult") && !roles.iter().any(|(_, e)| e.iri == h.iri) {
                roles.push((Role::Target, h));
            }
        }
        dedupe_roles(&mut roles);
        // "During the call, Trump and Putin agreed": the call names no one
        // itself but is the setting of an event that does; it is kept for
        // the relation step to give it that event's actors (and dropped
        // at the end of the article if none come).
        let setting = kind.family() == "consult"
            && ((1..=4).any(|k| matches!(prev(k), "during" | "in" | "at"))
                || (1..=10)
                    .take_while(|&k| !matches!(prev(k), "," | ";" | "." | ""))
                    .any(|k| matches!(prev(k), "after" | "following")));
        if roles.is_empty() && !setting {
            return None;
        }
        // Who pledged, threatened, asked, accused, gave, sanctioned? Without
        // an actor on that side the sentence reports no such event of its own
        // ("two activists accused of subversion", "demand for oil").
        let needs_initiator = matches!(
            kind,
            EventKind::Pledge
                | EventKind::Threat
                | EventKind::Request
                | EventKind::Accusation
                | EventKind::Aid
                | EventKind::Sanction
                | EventKind::Statement
        );
        if needs_initiator && !roles.iter().any(|(r, _)| *r == Role::Initiator) {
            return None;
        }
        // Aid goes to someone; an attack hits someone or somewhere.
        if kind == EventKind::Aid
            && !roles.iter().any(|(r, _)| *r == Role::Target)
            && place.is_none()
            && place_country.is_none()
        {
            return None;
        }
        if kind == EventKind::Attack
            && !roles.iter().any(|(r, _)| *r == Role::Target)
            && place.is_none()
            && place_country.is_none()
        {
            return None;
        }
        // A visit goes somewhere: "headed to reelection" is no trip.
        if kind == EventKind::Visit
            && place.is_none()
            && place_country.is_none()
            && !roles.iter().any(|(r, _)| *r == Role::Target)
        {
            return None;
        }
        if place.is_none() {
            place = place_country;
        }

        // Date.
        let date_idx = self.pick_date(s, t0, t1, lb, rb, frame, speaker_is_actor, kind);
        let mut date = date_idx.and_then(|i| window_of(&s.timexes[i].timex));
        // "launched 470 drones overnight": the night before the story.
        if date.is_none() {
            if let Some(r) = dct {
                if (lb..rb).any(|k| lower(k) == "overnight") {
                    date = Some(DateWindow {
                        earliest: r - Duration::days(1),
                        latest: r,
                        value: r.format("%Y-%m-%d").to_string(),
                        granularity: "Day".into(),
                        method: DateMethod::RelativeToPublication,
                        text: "overnight".into(),
                    });
                }
            }
        }
        // "our negotiation", "his talk with Putin": an undated noun under a
        // possessive pronoun refers back to an event, it does not report one.
        if date.is_none()
            && !toks[t0].lower.ends_with("ed")
            && matches!(
                prev(1),
                "our" | "my" | "your" | "their" | "his" | "her" | "its"
            )
        {
            return None;
        }

        // Status.
        let window: Vec<&str> = (lb.max(t0.saturating_sub(8))..t0).map(lower).collect();
        let near: Vec<&str> = (t0.saturating_sub(3)..t0).map(lower).collect();
        let trig: Vec<&str> = (t0..t1).map(lower).collect();
        let mut status = Status::Occurred;
        let mut claimed_by = None;
        let in_frame_future = frame.is_some()
            && (lb..t0).any(|k| matches!(lower(k), "would" | "will" | "'ll" | "'d"));
        if near.iter().any(|w| NEGATIONS.contains(w))
            || window.iter().any(|w| NEGATING_VERBS.contains(w))
            || trig.iter().any(|w| NEGATING_VERBS.contains(w))
        {
            status = Status::Negated;
        } else if window.iter().any(|w| POSSIBLE_CUES.contains(w)) && !kind.speech_act()
            || (lb..t0).any(|k| matches!(lower(k), "if" | "unless"))
        {
            status = Status::Possible;
        } else if !speaker_is_actor
            && (window.iter().enumerate().any(|(i, w)| {
                // "reaffirmed their plans": a noun after a determiner is no modal.
                let det = i > 0
                    && matches!(
                        window[i - 1],
                        "their" | "his" | "her" | "its" | "our" | "the" | "a" | "those" | "these"
                    );
                PLANNED_CUES.contains(w)
                    && !(det && matches!(*w, "plans" | "plan" | "future" | "set" | "agreement"))
            }) || in_frame_future
                || window.windows(2).any(|w| w == ["ahead", "of"])
                || trig.iter().any(|w| matches!(*w, "headed" | "heading"))
                || (prev(1) == "to" && t0 >= 2 && s.actors.iter().any(|a| a.t1 == t0 - 1))
                || window
                    .windows(2)
                    .any(|w| matches!(w, ["is" | "are" | "was" | "were", "to"])))
        {
            status = Status::Planned;
        }
        if status == Status::Occurred
            && (window.iter().any(|w| HEDGES.contains(w))
                || window.windows(3).any(|w| {
                    matches!(w, [_, "said", "to"]) && matches!(w[0], "was" | "were" | "is" | "are")
                }))
        {
            status = Status::Claimed;
        }
        if let Some(f) = frame {
            let verb = lower(f.verb);
            if DENY_VERBS.contains(&verb) {
                status = Status::Negated;
            } else if CLAIM_VERBS.contains(&verb) && !speaker_is_actor && status == Status::Occurred
            {
                status = Status::Claimed;
                claimed_by = f.speaker.clone();
            }
        }
        // "had been cancelled", "was called off" after the trigger.
        let after: Vec<&str> = (t1..rb.min(t1 + 5)).map(lower).collect();
        // A noun trigger as subject takes its verb's tense: "the meeting
        // will follow", "talks are scheduled".
        if status == Status::Occurred
            && after.iter().take(3).any(|w| {
                matches!(
                    *w,
                    "will"
                        | "'ll"
                        | "scheduled"
                        | "due"
                        | "expected"
                        | "planned"
                        | "set"
                        | "slated"
                )
            })
        {
            status = Status::Planned;
        }
        if after.iter().any(|w| {
            matches!(
                *w,
                "cancelled" | "canceled" | "postponed" | "scrapped" | "aborted"
            )
        }) {
            status = Status::Negated;
        }
        // An event inside a request or threat is wanted or feared, not
        // done ("urged them to observe a truce"); inside an accusation it
        // is claimed ("accused Ukraine of attacking").
        if let Some(&(_, _, outer)) = triggers
            .iter()
            .rfind(|&&(_, b, _)| b <= t0 && b >= clause_start)
        {
            match outer {
                EventKind::Request | EventKind::Threat if status == Status::Occurred => {
                    status = Status::Possible
                }
                EventKind::Accusation if status == Status::Occurred => status = Status::Claimed,
                _ => {}
            }
        }
        if let Some(f) = frame {
            if kind.speech_act() && !speaker_is_actor && status != Status::Negated {
                if let Some(sp) = &f.speaker {
                    status = Status::Claimed;
                    claimed_by = Some(sp.clone());
                }
            }
        }
        if status == Status::Claimed && claimed_by.is_none() {
            claimed_by = frame.and_then(|f| f.speaker.clone());
        }
        // Tense and date must agree; a weekday read the wrong way round moves a week.
        if let (Some(d), Some(r)) = (date.as_mut(), dct) {
            // Only a bare weekday is ambiguous; "next Thursday" is not.
            let bare = !d.text.to_lowercase().split_whitespace().any(|w| {
                matches!(
                    w,
                    "next" | "last" | "this" | "coming" | "previous" | "following" | "past"
                )
            });
            let weekday = is_weekday_expression(&d.text) && bare;
            if status == Status::Planned && d.latest < r && weekday {
                shift(d, 7);
            } else if matches!(status, Status::Occurred | Status::Claimed | Status::Negated)
                && d.earliest > r
                && weekday
            {
                shift(d, -7);
            }
            if status == Status::Occurred && d.earliest > r {
                status = Status::Planned;
            }
        }
        let topic = topic_words(s, t1, rb);
        // "spoke with Putin by phone": the medium, told later in the
        // clause, makes the talk a call.
        let kind = if kind == EventKind::Consultation
            && (t1..rb.min(toks.len())).any(|k| {
                matches!(lower(k), "by" | "over" | "on")
                    && (matches!(lower(k + 1), "phone" | "telephone")
                        || lower(k + 1) == "the" && matches!(lower(k + 2), "phone" | "telephone"))
            }) {
            EventKind::PhoneCall
        } else {
            kind
        };
        let ev_start = toks[t0].start;
        let ev_end = toks[t1 - 1].end;
        let sent_end = toks.last().map(|t| t.end).unwrap_or(s.start);
        let mode = rule
            .mode
            .map(str::to_string)
            .or_else(|| attack_mode(s, t0, rb));
        Some(Mention {
            kind,
            actors: roles,
            date,
            place,
            status,
            claimed_by,
            attack_mode: if kind == EventKind::Attack {
                mode
            } else {
                None
            },
            topic,
            evidence: vec![Evidence {
                start: ev_start,
                end: ev_end,
                quote: s.text[ev_start..ev_end].to_string(),
                sentence: s.text[s.start..sent_end].to_string(),
                sentence_start: s.start,
            }],
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn pick_date(
        &self,
        s: &Sentence,
        t0: usize,
        t1: usize,
        lb: usize,
        rb: usize,
        frame: Option<&Frame>,
        speaker_is_actor: bool,
        kind: EventKind,
    ) -> Option<usize> {
        if let Some(f) = frame {
            if speaker_is_actor {
                if let Some(d) = f.date {
                    return Some(d);
                }
            }
        }
        let toks = &s.tokens;
        let frame_date = frame.and_then(|f| f.date);
        let mut best: Option<(usize, usize)> = None;
        for (i, t) in s.timexes.iter().enumerate() {
            if !matches!(t.timex.ttype, TimexType::Date | TimexType::Time)
                || t.timex.earliest.is_none()
            {
                continue;
            }
            if Some(i) == frame_date && !speaker_is_actor {
                continue;
            }
            let inside = t.t0 >= lb && t.t1 <= rb;
            // "said on Thursday" belongs to the speech, not to the event told.
            let owned_by_other_verb = t.t1 <= t0 && t.t0 >= 1 && {
                let mut p = t.t0 - 1;
                if matches!(toks[p].lower.as_str(), "on" | "in" | "at" | "during") && p >= 1 {
                    p -= 1;
                }
                let w = toks[p].lower.as_str();
                p != t0
                    && p + 1 < t0
                    && (w.ends_with("ed") || SPEECH_VERBS.contains(&w))
                    && !kind.speech_act()
            };
            if !inside || owned_by_other_verb {
                continue;
            }
            let dist = if t.t0 >= t1 {
                t.t0 - t1
            } else {
                t0.saturating_sub(t.t1)
            };
            if best.is_none_or(|(_, d)| dist < d) {
                best = Some((i, dist));
            }
        }
        if best.is_none() {
            // "On Thursday, ..." opens the sentence and dates its main clause.
            if let Some((i, t)) = s
                .timexes
                .iter()
                .enumerate()
                .find(|(_, t)| t.t0 <= 1 && t.t1 <= t0)
            {
                if matches!(t.timex.ttype, TimexType::Date | TimexType::Time)
                    && t.timex.earliest.is_some()
                    && Some(i) != frame_date
                    && toks.get(t.t1).is_some_and(|x| x.lower == ",")
                {
                    return Some(i);
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// The collective noun phrase right before a trigger ("Opposition
    /// groups in Zimbabwe are demanding"), minted as a group actor anchored
    /// in the country the phrase names.
    fn collective_subject(&self, s: &Sentence, t0: usize, lb: usize) -> Option<EntityRef> {
        let toks = &s.tokens;
        let mut k = t0;
        // Auxiliaries and adverbs between the subject and the verb.
        while k > lb
            && (matches!(
                toks[k - 1].lower.as_str(),
                "are"
                    | "is"
                    | "was"
                    | "were"
                    | "have"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "also"
                    | "again"
                    | "been"
                    | "be"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "reportedly"
                    | "allegedly"
                    | "then"
                    | "later"
                    | "yesterday"
                    | "today"
            ) || s.timexes.iter().any(|t| t.t0 < k && k <= t.t1))
        {
            k -= 1;
        }
        // "in Zimbabwe" after the group noun.
        let mut country: Option<EntityRef> = None;
        while k > lb + 1 {
            let a = s
                .actors
                .iter()
                .find(|a| a.t1 == k && a.ent.etype == EntityType::Country);
            match a {
                Some(a) if matches!(toks[a.t0 - 1].lower.as_str(), "in" | "of" | "from") => {
                    country = Some(a.ent.clone());
                    k = a.t0 - 1;
                }
                _ => break,
            }
        }
        if k == 0 || k <= lb {
            return None;
        }
        let head = &toks[k - 1];
        if !lexicon::GROUP_NOUNS.contains(&head.lower.as_str()) {
            return None;
        }
        let mut start = k - 1;
        while start > lb
            && start + 4 > k
            && toks[start - 1].kind == TokKind::Word
            && !matches!(
                toks[start - 1].lower.as_str(),
                "the" | "a" | "an" | "and" | "of" | "some" | "many" | "its" | "their"
            )
            && !s
                .actors
                .iter()
                .any(|a| a.t0 < start && start <= a.t1 && !a.absorbed)
        {
            start -= 1;
        }
        let label = s.text[toks[start].start..head.end].to_string();
        let label = match &country {
            Some(c) => format!("{label} ({})", c.label),
            None => label,
        };
        Some(actors::minted(
            &label,
            EntityType::Group,
            country.as_ref(),
            false,
        ))
    }

    /// The country a place lies in (or stands for).
    fn country_of_place(&self, p: &EntityRef, dct: Option<NaiveDate>) -> Option<EntityRef> {
        let country = if p.etype == EntityType::Country || p.anchor != p.iri {
            Some(p.anchor.clone())
        } else {
            p.located_in.clone()
        };
        country
            .as_deref()
            .and_then(|c| self.gaz.get(c))
            .map(|i| self.gaz.entity_ref(i, dct))
    }

    /// "Moscow said", "the Kremlin said": the government the capital or
    /// building stands for acts, so the actor is the country.
    fn metonymy(&self, e: &EntityRef, dct: Option<NaiveDate>) -> EntityRef {
        if matches!(e.etype, EntityType::City | EntityType::Building) && e.anchor != e.iri {
            if let Some(i) = self.gaz.get(&e.anchor) {
                return self.gaz.entity_ref(i, dct);
            }
        }
        e.clone()
    }

    /// "X said he would end the war": X's pledge to end the war, when
    /// what is promised is no event of its own.
    fn intent_pledges(&self, s: &Sentence, found: &[Mention]) -> Vec<Mention> {
        let toks = &s.tokens;
        let mut out = Vec::new();
        for f in &s.frames {
            let Some(sp) = &f.speaker else { continue };
            let mut k = f.comp.0;
            // Skip dates and "that" between the verb and its clause.
            while k < f.comp.1 {
                if s.timexes.iter().any(|t| t.t0 <= k && k < t.t1)
                    || matches!(
                        toks[k].lower.as_str(),
                        "that"
                            | "during"
                            | "his"
                            | "her"
                            | "election"
                            | "campaign"
                            | "on"
                            | "in"
                            | ","
                    )
                {
                    k += 1;
                } else {
                    break;
                }
            }
            if k + 2 >= f.comp.1 {
                continue;
            }
            let subj_is_speaker = s
                .actors
                .iter()
                .any(|a| a.t0 == k && a.ent.iri == sp.iri && a.kind == ActorKind::Pronoun);
            if !subj_is_speaker
                || !matches!(toks[k + 1].lower.as_str(), "would" | "will" | "'d" | "'ll")
            {
                continue;
            }
            let mut v = k + 2;
            while v < f.comp.1
                && matches!(toks[v].lower.as_str(), "soon" | "also" | "then" | "quickly")
            {
                v += 1;
            }
            if v >= f.comp.1 {
                continue;
            }
            let verb = toks[v].lower.as_str();
            if matches!(
                verb,
                "be" | "have"
                    | "not"
                    | "n't"
                    | "like"
                    | "love"
                    | "prefer"
                    | "need"
                    | "want"
                    | "never"
                    | "continue"
                    | "comment"
            ) || BY_FIRST.contains_key(verb)
                || found
                    .iter()
                    .any(|m| m.evidence[0].start >= toks[f.comp.0].start)
            {
                continue;
            }
            let date = f.date.and_then(|i| window_of(&s.timexes[i].timex));
            let end = toks.last().map(|t| t.end).unwrap_or(s.start);
            out.push(Mention {
                kind: EventKind::Pledge,
                actors: vec![(Role::Initiator, sp.clone())],
                date,
                place: None,
                status: Status::Occurred,
                claimed_by: None,
                attack_mode: None,
                topic: topic_words(s, v, f.comp.1.min(v + 8)),
                evidence: vec![Evidence {
                    start: toks[v].start,
                    end: toks[v].end,
                    quote: s.text[toks[v].start..toks[v].end].to_string(),
                    sentence: s.text[s.start..end].to_string(),
                    sentence_start: s.start,
                }],
            });
        }
        out
    }

    /// Article-level clean-up: counterparts for one-sided meetings, summits
    /// for meetings of leaders, then one mention per event.
    fn finish_article(
        &self,
        mut mentions: Vec<Mention>,
        pending: &[relations::Pending],
        dct: Option<NaiveDate>,
    ) -> Vec<Mention> {
        // Who meets whom in this article, to complete "Trump's summit in Alaska".
        let mut partners: HashMap<String, HashMap<String, (usize, EntityRef)>> = HashMap::new();
        for m in mentions.iter().filter(|m| m.kind.family() == "consult") {
            for (_, a) in &m.actors {
                for (_, b) in &m.actors {
                    if a.iri != b.iri && a.anchor != b.anchor {
                        let e = partners
                            .entry(a.iri.clone())
                            .or_default()
                            .entry(b.iri.clone())
                            .or_insert((0, b.clone()));
                        e.0 += 1;
                    }
                }
            }
        }
        for m in mentions.iter_mut() {
            if matches!(
                m.kind,
                EventKind::Summit | EventKind::Meeting | EventKind::PhoneCall
            ) && m.actors.len() == 1
            {
                let a = &m.actors[0].1;
                if let Some(p) = partners.get(&a.iri) {
                    let mut ranked: Vec<&(usize, EntityRef)> = p.values().collect();
                    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.iri.cmp(&y.1.iri)));
                    let unique_best =
                        ranked.len() == 1 || (ranked.len() > 1 && ranked[0].0 > ranked[1].0);
                    if unique_best && ranked[0].0 >= 2 {
                        m.actors.push((Role::Participant, ranked[0].1.clone()));
                    }
                }
            }
        }
        mentions.retain(|m| {
            let distinct = m.anchors().len();
            if m.kind.family() == "consult" {
                // A summit of one organisation (NATO's, the EU's) is still
                // a gathering of many.
                distinct >= 2
                    || m.actors.len() >= 2
                    || m.kind == EventKind::Summit
                        && m.actors
                            .iter()
                            .any(|(_, e)| e.etype == EntityType::Organisation)
            } else {
                !m.actors.is_empty()
            }
        });
        for m in mentions.iter_mut() {
            if matches!(m.kind, EventKind::Meeting | EventKind::Visit) {
                let leaders: Vec<&str> = m
                    .actors
                    .iter()
                    .filter(|(_, e)| e.leader && e.etype == EntityType::Person)
                    .map(|(_, e)| e.anchor.as_str())
                    .collect();
                let mut distinct = leaders.clone();
                distinct.sort();
                distinct.dedup();
                if distinct.len() >= 2 {
                    m.kind = EventKind::Summit;
                }
            }
        }
        let keyed: Vec<merge::Item> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| merge::Item {
                mention: m,
                reference: dct,
                id: format!("{i:06}"),
            })
            .collect();
        let at = |start: usize| mentions.iter().position(|m| m.evidence[0].start == start);
        let apart: Vec<(usize, usize)> = pending
            .iter()
            .filter_map(|p| {
                let (a, b) = (at(p.from)?, at(p.to)?);
                Some((a.min(b), a.max(b)))
            })
            .collect();
        let clusters = merge::cluster_apart(&keyed, merge::Mode::Article, &apart);
        clusters
            .iter()
            .map(|c| {
                let members: Vec<&merge::Item> = c.iter().map(|&i| &keyed[i]).collect();
                merge::combine(&members, merge::Mode::Article)
            })
            .collect()
    }
}

fn role_for_subject(kind: EventKind) -> Role {
    if kind.symmetric() {
        Role::Participant
    } else {
        Role::Initiator
    }
}

fn dedupe_roles(roles: &mut Vec<(Role, EntityRef)>) {
    let mut seen: Vec<String> = Vec::new();
    roles.retain(|(_, e)| {
        if seen.contains(&e.iri) {
            false
        } else {
            seen.push(e.iri.clone());
            true
        }
    });
}

/// Does the rule match at token `i`? Returns the end of the trigger.
fn match_rule(toks: &[Token], i: usize, rule: &TriggerRule) -> Option<usize> {
    for (k, slot) in rule.words.iter().enumerate() {
        let t = toks.get(i + k)?;
        if !slot.split('|').any(|w| w == t.lower) {
            return None;
        }
    }
    let end = i + rule.words.len();
    match rule.needs {
        Needs::Nothing => {}
        Needs::After(words) => {
            let window = &toks[end..toks.len().min(end + 7)];
            if !window.iter().any(|t| words.contains(&t.lower.as_str())) {
                return None;
            }
        }
        Needs::NoTriggerAfter => {
            let window = &toks[end..toks.len().min(end + 4)];
            if window
                .iter()
                .any(|t| BY_FIRST.contains_key(t.lower.as_str()))
            {
                return None;
            }
        }
        Needs::Completion => {
            let lo = i.saturating_sub(6);
            let hi = toks.len().min(end + 3);
            if !toks[lo..hi]
                .iter()
                .any(|t| COMPLETION_VERBS.contains(&t.lower.as_str()))
            {
                return None;
            }
        }
    }
    Some(end)
}

/// Word-sense checks that the lexicon alone cannot make.
fn context_allows(s: &Sentence, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let toks = &s.tokens;
    let lower = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let first = lower(t0);
    let prev = if t0 > 0 { lower(t0 - 1) } else { "" };
    let next = lower(t1);
    let is_actor_at = |i: usize| s.actors.iter().any(|a| a.t0 <= i && i < a.t1);
    match (rule.kind, first) {
        (EventKind::PhoneCall, "call" | "calls") => {
            let det_before = matches!(
                prev,
                "the"
                    | "a"
                    | "their"
                    | "his"
                    | "her"
                    | "'s"
                    | "phone"
                    | "telephone"
                    | "-"
                    | "this"
                    | "that"
            ) || (t0 > 0 && is_actor_at(t0 - 1))
                || s.timexes.iter().any(|t| t.t1 == t0 || t.t1 + 1 == t0);
            let not_request = !matches!(next, "for" | "on" | "to" | "upon" | "from" | "off");
            // "a call for", "roll call", "close call" are not phone calls.
            det_before
                && not_request
                && !matches!(prev, "roll" | "close" | "wake-up" | "margin")
                && lower(t0.wrapping_sub(2)) != "roll"
        }
        (EventKind::Attack, _) => {
            let metaphor = [prev, lower(t0.wrapping_sub(2))].iter().any(|w| {
                matches!(
                    *w,
                    "verbal"
                        | "rhetorical"
                        | "personal"
                        | "political"
                        | "scathing"
                        | "stinging"
                        | "heart"
                        | "panic"
                        | "asthma"
                        | "price"
                        | "hunger"
                        | "general"
                        | "labour"
                        | "labor"
                        | "workers"
                        | "media"
                        | "legal"
                )
            });
            if metaphor {
                return false;
            }
            if matches!(first, "strike" | "strikes") {
                let military = matches!(
                    prev,
                    "military"
                        | "missile"
                        | "retaliatory"
                        | "deadly"
                        | "pre-emptive"
                        | "preemptive"
                        | "nuclear"
                        | "rocket"
                        | "air"
                        | "drone"
                        | "artillery"
                        | "israeli"
                        | "us"
                        | "u.s."
                ) || matches!(
                    next,
                    "on" | "against" | "in" | "targeting" | "that" | "killed" | "hit"
                );
                let labour = matches!(next, "action" | "by" | "over" | "called" | "began")
                    || matches!(prev, "on" | "go" | "went" | "nationwide");
                return military && !labour;
            }
            if first == "struck" {
                return !matches!(
                    next,
                    "a" | "an" | "deal" | "agreement" | "accord" | "down" | "out" | "by"
                ) && t1 < toks.len()
                    && (is_actor_at(t1) || is_actor_at(t1 + 1));
            }
            if first == "offensive" {
                return !matches!(
                    next,
                    "missiles"
                        | "weapons"
                        | "capabilities"
                        | "weapon"
                        | "arms"
                        | "remarks"
                        | "comments"
                        | "language"
                );
            }
            if matches!(first, "shell" | "shells") {
                return !toks[t0].cap
                    && prev != "oil"
                    && !matches!(
                        next,
                        "company"
                            | "companies"
                            | "firm"
                            | "firms"
                            | "corporation"
                            | "corporations"
                            | "game"
                            | "games"
                            | "suit"
                            | "shock"
                    );
            }
            if matches!(first, "bomb" | "bombs" | "bombing" | "bombings") {
                return !matches!(
                    next,
                    "threat"
                        | "threats"
                        | "scare"
                        | "hoax"
                        | "alert"
                        | "alerts"
                        | "maker"
                        | "makers"
                        | "squad"
                        | "disposal"
                        | "-"
                        | "test"
                        | "tests"
                        | "program"
                        | "programme"
                ) && !matches!(
                    prev,
                    "nuclear" | "atomic" | "atom" | "hydrogen" | "dirty" | "smart"
                );
            }
            // "a pause in strikes", "halt the attacks": the attacks that stop.
            let lo = t0.saturating_sub(4);
            if (lo..t0).any(|k| {
                matches!(
                    lower(k),
                    "pause"
                        | "halt"
                        | "stop"
                        | "suspend"
                        | "suspension"
                        | "moratorium"
                        | "end"
                        | "ending"
                        | "ban"
                        | "cessation"
                        | "freeze"
                        | "prevent"
                        | "avoid"
                )
            }) {
                return false;
            }
            if matches!(first, "attack" | "attacks" | "attacked" | "attacking") {
                // "attacking Euro-scepticism", "attacked the plan".
                let obj = lower(
                    t1 + usize::from(matches!(next, "the" | "a" | "an" | "his" | "her" | "their")),
                );
                if obj.ends_with("ism")
                    || matches!(
                        obj,
                        "plan"
                            | "plans"
                            | "policy"
                            | "policies"
                            | "proposal"
                            | "decision"
                            | "remarks"
                            | "comments"
                            | "report"
                            | "idea"
                            | "budget"
                            | "bill"
                            | "law"
                    )
                {
                    return false;
                }
            }
            true
        }
        (EventKind::Negotiation, "negotiating") => next != "table",
        (EventKind::Meeting, "meet" | "met" | "meets" | "meeting") => !matches!(
            next,
            "demand"
                | "demands"
                | "needs"
                | "target"
                | "targets"
                | "expectations"
                | "requirements"
                | "criteria"
                | "deadline"
                | "standards"
                | "obligations"
        ),
        (EventKind::Aid, "arming" | "arm") => toks[t1..toks.len().min(t1 + 5)]
            .iter()
            .any(|t| t.lower == "with"),
        (EventKind::Request, "demand" | "demands") => {
            (t0 > 0 && is_actor_at(t0 - 1))
                || matches!(prev, "he" | "she" | "they" | "we" | "it" | "also" | "'s")
        }
        (
            EventKind::Pledge,
            "vow" | "vows" | "vowed" | "vowing" | "pledge" | "pledges" | "pledged" | "pledging"
            | "promise" | "promises" | "promised" | "promising" | "swore" | "swear" | "swears"
            | "sworn",
        ) => {
            // A pledge has content: "vowed to ...", "pledged that ...",
            // "promised Kyiv more aid"; "'...,' Saddam vowed" is a quote tag.
            let n2 = lower(t1 + 1);
            matches!(
                next,
                "to" | "that"
                    | "not"
                    | "never"
                    | "support"
                    | "aid"
                    | "more"
                    | "help"
                    | "assistance"
                    | "$"
                    | "a"
                    | "an"
            ) || toks.get(t1).is_some_and(|t| {
                t.kind == TokKind::Number || matches!(t.lower.as_str(), "€" | "£" | "us$")
            }) || (t1 < toks.len() && is_actor_at(t1) && matches!(n2, "to" | "that"))
                || (next == "on"
                    && matches!(
                        n2,
                        "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    ))
        }
        (EventKind::Pledge, "commitment" | "commitments") => (t0.saturating_sub(4)..t0).any(|k| {
            matches!(
                lower(k),
                "made"
                    | "gave"
                    | "give"
                    | "reaffirmed"
                    | "renewed"
                    | "pledged"
                    | "announced"
                    | "make"
            )
        }),
        (EventKind::Threat, "warn" | "warns" | "warned" | "warning") => {
            // A warning threatens when it names what the speaker will do,
            // or tells someone not to act.
            let window: Vec<&str> = (t1..toks.len().min(t1 + 14)).map(lower).collect();
            window.iter().any(|w| {
                matches!(
                    *w,
                    "against"
                        | "unless"
                        | "retaliate"
                        | "retaliation"
                        | "consequences"
                        | "response"
                        | "punish"
                        | "sanctions"
                        | "force"
                        | "strike"
                        | "attack"
                )
            }) || window
                .windows(2)
                .any(|w| matches!(w, ["not", "to"] | ["if", _]))
        }
        (EventKind::Threat, "threat" | "threats") => {
            matches!(next, "from" | "by" | "of" | "to")
                && !matches!(
                    prev,
                    "greatest"
                        | "biggest"
                        | "main"
                        | "major"
                        | "potential"
                        | "security"
                        | "terror"
                        | "terrorist"
                        | "flood"
                        | "health"
                        | "no"
                )
                && (matches!(next, "from" | "by")
                    || (t0.saturating_sub(4)..t0).any(|k| {
                        matches!(
                            lower(k),
                            "issued" | "made" | "renewed" | "repeated" | "carried" | "followed"
                        )
                    }))
        }
        (EventKind::Threat, "threaten" | "threatens" | "threatened" | "threatening") => {
            // "a typhoon threatening to bring rain" has no one behind it.
            next != "to"
                || !matches!(
                    lower(t1 + 1),
                    "bring"
                        | "become"
                        | "derail"
                        | "undermine"
                        | "overshadow"
                        | "spill"
                        | "spread"
                        | "engulf"
                )
        }
        (
            EventKind::Accusation,
            "accused" | "accuses" | "accuse" | "accusing" | "blamed" | "blame" | "blames"
            | "blaming",
        ) => {
            // "activists accused of subversion" describe defendants.
            (next != "of"
                || matches!(prev, "he" | "she" | "they" | "it" | "also")
                || (t0 > 0 && is_actor_at(t0 - 1)))
                && !matches!(
                    prev,
                    "was" | "were" | "been" | "being" | "is" | "are" | "be"
                )
        }
        (EventKind::Visit, "head" | "heads") => !matches!(prev, "the" | "a" | "of"),
        (EventKind::Statement, "announcement" | "declaration") => true,
        (EventKind::Sanction, _) => !matches!(prev, "without" | "-") && !matches!(next, "-"),
        _ => true,
    }
}

/// The clause around a trigger: between the nearest clause boundaries
/// (subordinators, relative pronouns, speech verbs, semicolons; commas
/// around noun triggers, and a comma before a verb's own subject).
fn clause_window(s: &Sentence, t0: usize, t1: usize, kind: EventKind, pos: Pos) -> (usize, usize) {
    let toks = &s.tokens;
    let actor_at = |i: usize| s.actors.iter().any(|a| a.t0 == i && !a.absorbed);
    let is_boundary = |i: usize| {
        let w = toks[i].lower.as_str();
        let prev = if i > 0 {
            toks[i - 1].lower.as_str()
        } else {
            ""
        };
        let next = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
        if w == "as" {
            // "as well as", "such as" are no boundaries.
            return !matches!(prev, "well" | "such" | "so")
                && !matches!(next, "well" | "part" | "a" | "an" | "the" | "much" | "many");
        }
        if w == "that" {
            // The complementiser and relative "that" open a clause; the
            // determiner ("that week") does not.
            return SPEECH_VERBS.contains(&prev)
                || matches!(
                    prev,
                    "and" | "," | "warned" | "vowed" | "pledged" | "promised"
                )
                || s.timexes.iter().any(|t| t.t1 == i)
                || actor_at(i + 1)
                || matches!(
                    next,
                    "could"
                        | "would"
                        | "will"
                        | "can"
                        | "may"
                        | "might"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                );
        }
        if matches!(w, "after" | "before" | "since" | "until") {
            // "two days after", "the day before" are dates, not boundaries.
            return !s.timexes.iter().any(|t| t.t0 <= i && i < t.t1);
        }
        CLAUSE_BOUNDARIES.contains(&w)
            || SPEECH_VERBS.contains(&w) && s.frames.iter().any(|f| f.verb == i)
    };
    let mut lb = 0;
    for i in (0..t0).rev() {
        if is_boundary(i) {
            lb = i + 1;
            break;
        }
        // "Ahead of X's meeting on Friday, Trump talked with Putin": the
        // comma before a verb's subject closes the preceding phrase.
        if toks[i].lower == "," {
            let subject_between = s
                .actors
                .iter()
                .any(|a| a.t0 > i && a.t1 <= t0 && !a.absorbed && !a.locative);
            if pos == Pos::Noun || subject_between {
                lb = i + 1;
                break;
            }
        }
    }
    let mut rb = toks.len();
    let speechy = kind.speech_act() || kind == EventKind::Threat;
    let mut skipped_that = false;
    for (i, t) in toks.iter().enumerate().skip(t1) {
        if t.lower == "," && pos == Pos::Noun {
            // Appositions of places ("in Budapest, Hungary") stay.
            let place_next = s.actors.iter().any(|a| {
                a.t0 == i + 1 && (a.locative || a.ent.etype == EntityType::Country) && a.absorbed
            });
            if !place_next {
                rb = i;
                break;
            }
        }
        if is_boundary(i) {
            if speechy && !skipped_that && t.lower == "that" && i == t1 {
                skipped_that = true;
                continue;
            }
            rb = i;
            break;
        }
    }
    // Quoted words stay within their quote.
    for &(a, b) in &s.quotes {
        if a <= t0 && t1 <= b {
            lb = lb.max(a);
            rb = rb.min(b);
        }
    }
    (lb, rb)
}

/// Finds "X said", "said X", "according to X" and the words they report.
fn speech_frames(tokens: &[Token], actors: &[ActorTok], timexes: &[TimexTok]) -> Vec<Frame> {
    let mut frames = Vec::new();
    let n = tokens.len();
    for v in 0..n {
        let w = tokens[v].lower.as_str();
        if !SPEECH_VERBS.contains(&w) {
            continue;
        }
        // "was said to be" is a hedge, not a report.
        if v > 0
            && matches!(
                tokens[v - 1].lower.as_str(),
                "was" | "were" | "is" | "are" | "be"
            )
        {
            continue;
        }
        // "claimed responsibility" reports no words of anyone.
        if CLAIM_VERBS.contains(&w)
            && tokens.get(v + 1).is_some_and(|t| {
                matches!(t.lower.as_str(), "responsibility" | "credit" | "victory")
            })
        {
            continue;
        }
        let speaker = actors
            .iter()
            .filter(|a| !a.absorbed && a.t1 <= v && a.t1 + 4 >= v)
            .rfind(|a| {
                tokens[a.t1..v].iter().all(|t| {
                    matches!(
                        t.lower.as_str(),
                        "has"
                            | "have"
                            | "had"
                            | "also"
                            | "later"
                            | "then"
                            | "again"
                            | "repeatedly"
                            | ","
                            | "on"
                            | "in"
                            | "earlier"
                            | "previously"
                    ) || timexes.iter().any(|x| x.t0 <= a.t1 && a.t1 < x.t1)
                })
            })
            .or_else(|| {
                // "Trump, who had claimed": the relative pronoun's antecedent.
                let who = (v.saturating_sub(4)..v).find(|&k| tokens[k].lower == "who")?;
                actors
                    .iter()
                    .rfind(|a| !a.absorbed && a.t1 <= who && a.t1 + 8 >= who)
            })
            .or_else(|| {
                // "said Trump", "said Kremlin spokesman Peskov": inverted.
                actors.iter().find(|a| {
                    !a.absorbed
                        && a.kind != ActorKind::Pronoun
                        && a.t0 > v
                        && a.t0 <= v + 4
                        && tokens[v + 1..a.t0]
                            .iter()
                            .all(|t| t.cap || lexicon::TITLE_WORDS.contains(&t.lower.as_str()))
                })
            })
            .or_else(|| {
                // "Trump talked with Putin and said": the clause's subject.
                let clause_start = (0..v)
                    .rev()
                    .find(|&k| {
                        matches!(
                            tokens[k].lower.as_str(),
                            "," | ";" | "that" | "while" | "but"
                        )
                    })
                    .map(|k| k + 1)
                    .unwrap_or(0);
                actors.iter().find(|a| {
                    !a.absorbed
                        && !a.locative
                        && a.t0 >= clause_start
                        && a.t1 <= v
                        && a.ent.etype == crate::model::EntityType::Person
                })
            });
        // By index: looking each token up again made a sentence of many
        // "said" cubic (a 20 KB one took 23 s; found by fuzzing).
        let rest_is_tail = (v + 1..n).all(|k| {
            tokens[k].kind == TokKind::Punct || actors.iter().any(|a| a.t0 <= k && k < a.t1)
        });
        let comp = if rest_is_tail || (speaker.is_some_and(|a| a.t0 > v) && v + 1 >= n) {
            (0, speaker.map(|a| a.t0.min(v)).unwrap_or(v))
        } else {
            (v + 1, n)
        };
        let that = (v + 1..n.min(v + 10)).find(|&k| tokens[k].lower == "that");
        let date = timexes.iter().position(|t| {
            (t.t0 > v && t.t0 <= v + 2)
                || that.is_some_and(|th| t.t0 > v && t.t1 <= th)
                || (speaker.is_some_and(|a| t.t1 <= a.t0 && t.t1 + 3 >= a.t0 && t.t0 <= 1))
                || (speaker.is_some_and(|a| t.t0 >= a.t1 && t.t1 <= v))
        });
        frames.push(Frame {
            verb: v,
            speaker: speaker.map(|a| a.ent.clone()),
            speaker_tok: speaker.map(|a| (a.t0, a.t1)),
            comp,
            date,
        });
    }
    // A later frame ends the complement of an earlier one.
    for i in 0..frames.len() {
        if let Some(next) = frames.get(i + 1).map(|f| f.verb) {
            if frames[i].comp.0 > frames[i].verb && frames[i].comp.1 > next {
                frames[i].comp.1 = next;
            }
        }
    }
    frames
}

/// Token ranges inside quotation marks.
fn quote_spans(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.lower.as_str() {
            "“" => open = Some(i + 1),
            "”" => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            "\"" => match open.take() {
                Some(o) => out.push((o, i)),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, tokens.len()));
    }
    out
}

fn topic_words(s: &Sentence, from: usize, to: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in from..to.min(s.tokens.len()) {
        let t = &s.tokens[k];
        if t.kind != TokKind::Word || STOPWORDS.contains(&t.lower.as_str()) || t.lower.len() < 3 {
            continue;
        }
        if s.actors.iter().any(|a| a.t0 <= k && k < a.t1) {
            continue;
        }
        if !out.contains(&t.lower) {
            out.push(t.lower.clone());
        }
        if out.len() >= 5 {
            break;
        }
    }
    out
}

fn attack_mode(s: &Sentence, t0: usize, rb: usize) -> Option<String> {
    let words: Vec<&str> = s.tokens[t0.saturating_sub(6)..rb.min(s.tokens.len())]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if words.iter().any(|w| matches!(*w, "drone" | "drones")) {
        Some("DroneStrike".into())
    } else if words
        .iter()
        .any(|w| matches!(*w, "missile" | "missiles" | "rocket" | "rockets"))
    {
        Some("MissileStrike".into())
    } else if words
        .iter()
        .any(|w| matches!(*w, "shelling" | "artillery" | "mortar" | "mortars"))
    {
        Some("Shelling".into())
    } else if words
        .iter()
        .any(|w| matches!(*w, "bomb" | "bombing" | "bomber" | "explosives"))
    {
        Some("Bombing".into())
    } else {
        None
    }
}

fn is_weekday_expression(text: &str) -> bool {
    let t = text.to_lowercase();
    lexicon::WEEKDAYS.iter().any(|d| t.contains(d))
}

fn shift(d: &mut DateWindow, days: i64) {
    d.earliest += Duration::days(days);
    d.latest += Duration::days(days);
    if d.value.len() == 10 {
        d.value = d.earliest.format("%Y-%m-%d").to_string();
    }
}

/// Section headings ("Ukraine Wants To Expand Attack Range") are title
/// case without final punctuation; their words are not clauses.
fn is_heading(s: &Sentence) -> bool {
    let words: Vec<&Token> = s
        .tokens
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .collect();
    let last = s.tokens.last().map(|t| t.lower.as_str()).unwrap_or("");
    if words.len() < 2 || matches!(last, "." | "!" | "?" | "\"" | "”" | "’" | "'") {
        return false;
    }
    let caps = words.iter().filter(|t| t.cap).count();
    caps * 10 >= words.len() * 7
}

/// The calendar window of a date expression, if it has one.
fn window_of(t: &Timex) -> Option<DateWindow> {
    let (earliest, latest) = (t.earliest?, t.latest?);
    let method = match t.anchoring {
        Anchoring::Explicit => DateMethod::Explicit,
        Anchoring::RelativeToDct | Anchoring::Undetermined => DateMethod::RelativeToPublication,
        Anchoring::RelativeToDate => DateMethod::RelativeToDate,
    };
    Some(DateWindow {
        earliest,
        latest,
        value: t.value.clone(),
        granularity: format!("{:?}", t.granularity),
        method,
        text: t.text.clone(),
    })
}

/// The publication date and the date deictic words refer to. A story
/// stamped 00:14 IST on the 17th, or datelined "Oct 16" with a header of
/// the 17th, was written on the 16th, and its "today" is the 16th.
pub fn reference_dates(article: &Article) -> ArticleDates {
    let published = article.published;
    let from_text = timex::publication_date(&article.text).or_else(|| {
        published.and_then(|p| dateline_without_year(&article.text, p).map(|d| (d, "dateline")))
    });
    match (published, from_text) {
        (Some(p), Some((t, method))) if t <= p && (p - t).num_days() <= 2 => ArticleDates {
            published: Some(p),
            reference: Some(t),
            method: if t == p {
                article.date_source.describe()
            } else {
                method.to_string()
            },
        },
        (Some(p), _) => ArticleDates {
            published: Some(p),
            reference: Some(p),
            method: article.date_source.describe(),
        },
        (None, Some((t, method))) => ArticleDates {
            published: Some(t),
            reference: Some(t),
            method: method.to_string(),
        },
        (None, None) => ArticleDates {
            published: None,
            reference: None,
            method: "unknown".into(),
        },
    }
}

/// "New York, Oct 16 (IANS) ...": a dateline's month and day, in the year
/// that puts it on or just before the publication date.
fn dateline_without_year(text: &str, published: NaiveDate) -> Option<NaiveDate> {
    let first_line = text.lines().find(|l| !l.trim().is_empty())?;
    let mut cut = first_line.len().min(80);
    while !first_line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &first_line[..cut];
    // A dateline sits before the agency in brackets or a dash.
    let end = head.find(['(', '—', '–']).or_else(|| head.find(" - "))?;
    timex::tag(&head[..end], published)
        .into_iter()
        .filter(|t| t.ttype == TimexType::Date && t.earliest.is_some() && t.earliest == t.latest)
        .filter_map(|t| t.earliest)
        .find(|d| *d <= published && (published - *d).num_days() <= 2)
}
