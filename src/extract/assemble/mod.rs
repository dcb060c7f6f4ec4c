//! The last layers: mentions built from triggers, arguments and
//! attributes, sentence by sentence; then the article as a whole
//! (counterparts for one-sided meetings, summits of leaders, one mention
//! per event).

use rustc_hash::FxHashMap as HashMap;

use super::arguments::{self, Args, Scope};
use super::attributes;
use super::clauses::{self, Frame, TimexTok};
use super::doc::{Doc, Sent};
use super::entities::{self, refs_update, Context, Discourse, Ent, EntKind};
use super::lexicon::{at, is, Pos};
use super::relations::{self, Pending};
use super::triggers::{self, Trigger};
use crate::gazetteer::NameMatch;
use crate::model::{DateWindow, EntityRef, EntityType, EventKind, Evidence, Mention, Role, Status};
use crate::timex::Timex;

mod article;
mod dateline;
mod mention;
mod parties;
mod speech;
mod story;
mod time;
use mention::mention;
use parties::*;
use story::{deployment, story_country};
use time::{date_heading, narrative_time, remarks_time, tells_of_past};

pub(crate) use article::finish_article;
use article::specific;
pub(crate) use dateline::{dateline_city, place_of_lede};

/// Mentions of every sentence, with the relations the sentences state.
pub(crate) fn sentences(
    doc: &Doc,
    names: &[NameMatch],
    timexes: &[Timex],
    dateline: Option<&(usize, EntityRef)>,
    ctx: &Context,
) -> (Vec<Mention>, Vec<Pending>) {
    let mut r = Reading {
        doc,
        ctx,
        dateline,
        sports: triggers::sports_story(doc),
        disc: Discourse::default(),
        focus: None,
        lede: None,
        series: None,
        said: None,
        lead_read: false,
        since: 0,
    };
    let mut mentions = Vec::new();
    let mut pending = Vec::new();
    let mut countries: HashMap<String, (usize, EntityRef)> = HashMap::default();
    // Every name counted for the country it acts for or lies in ("Manila",
    // "Arroyo" count for the Philippines): what the story is about.
    let mut anchors: HashMap<String, usize> = HashMap::default();
    for sent in &doc.sents {
        let s_names = sentence_names(names, sent);
        let mut ents = entities::find(doc.text, sent, &s_names, ctx, &mut r.disc);
        let tx = sentence_timexes(sent, timexes);
        let mut frames = clauses::frames(sent, &ents, &tx);
        if quote_speakers(sent, &mut ents, &frames) {
            // The layers after this one read entities in text order.
            ents.sort_by_key(|e| (e.np0, e.t0));
            frames = clauses::frames(sent, &ents, &tx);
        }
        count_names(sent, &ents, &mut anchors, &mut countries);
        date_heading(sent, &tx, &mut r.focus);
        let layers = Layers {
            sent,
            ents: &ents,
            tx: &tx,
            frames: &frames,
        };
        if sent.heading {
            // A headline is no evidence, but it tells who "the two" are.
            for m in sentence_mentions(doc.text, sent, &ents, &tx, &frames, ctx) {
                see_pair(&m, &mut r.disc);
            }
        } else {
            r.news_sentence(&layers, &mut mentions, &mut pending);
        }
        r.after(&layers);
    }
    story_country(&mut mentions, countries, &anchors);
    mentions.retain(|m| !deployment(m));
    (mentions, pending)
}

/// One sentence's layers.
struct Layers<'a> {
    sent: &'a Sent,
    ents: &'a [Ent],
    tx: &'a [TimexTok],
    frames: &'a [Frame],
}

/// What reading a story carries from one sentence to the next.
struct Reading<'a> {
    doc: &'a Doc<'a>,
    ctx: &'a Context<'a>,
    dateline: Option<&'a (usize, EntityRef)>,
    sports: bool,
    disc: Discourse,
    focus: Option<DateWindow>,
    /// The story's own day: the first the narrative settled on.
    lede: Option<DateWindow>,
    series: Option<EntityRef>,
    /// The day the last sentence's speaker spoke on, if it named one.
    said: Option<DateWindow>,
    /// Whether the story's lead sentence has been read.
    lead_read: bool,
    /// Where the sentence before the current one starts.
    since: usize,
}

impl Reading<'_> {
    /// The mentions and relations of a sentence of the story's text.
    fn news_sentence(
        &mut self,
        l: &Layers,
        mentions: &mut Vec<Mention>,
        pending: &mut Vec<Pending>,
    ) {
        let (doc, ctx, sent) = (self.doc, self.ctx, l.sent);
        let (ents, tx, frames) = (l.ents, l.tx, l.frames);
        let mut found = sentence_mentions(doc.text, sent, ents, tx, frames, ctx);
        if self.sports {
            found.retain(|m| !triggers::story_play(sent, ents, m.kind));
        }
        // Before the story's day is lent to undated events: a one-party
        // event the sentence does not date is background (see
        // `keep_and_promote`), and the story's day would not make it news.
        // A claim of an attack told before waits for it (`finish_article`).
        let in_lead = is_lead(sent, &mut self.lead_read);
        if in_lead {
            speech::lead_act_day(sent, &mut found, ctx.date);
        }
        found.retain(|m| m.kind.family() == "consult" || specific(m) || article::claimed(m));
        let lead = in_lead
            .then(|| {
                let said = speech::Said {
                    text: doc.text,
                    sent,
                    ents,
                    tx,
                };
                speech::lead_statement(&said, frames, &found, ctx.date)
            })
            .flatten();
        summit_series(sent, &mut found, &mut self.series, ctx);
        remarks_time(sent, tx, &mut found, self.said.as_ref());
        narrative_time(
            sent,
            tx,
            &mut found,
            (&mut self.focus, &mut self.lede),
            ctx.date,
        );
        dateline::place_of_here(sent, self.dateline, &mut found);
        // Only after the story's day is read: the day a report was made
        // is no day for the undated events told after it.
        found.extend(lead);
        // A call named only as the setting of another event takes its
        // parties from that event; what still has none is dropped.
        let mut told = relations::sentence_relations(&sent.toks, &mut found);
        found.retain(|m| !m.actors.is_empty());
        // Only this sentence's relations can lose an end here; earlier
        // sentences' stay (filtering them all against this sentence's
        // mentions dropped every relation but the last sentence's).
        told.retain(|p| {
            found.iter().any(|m| m.evidence[0].start == p.from)
                && found.iter().any(|m| m.evidence[0].start == p.to)
        });
        pending.extend(told);
        for m in &found {
            see_pair(m, &mut self.disc);
        }
        time::document_acts(sent, ents, &self.disc, &mut found);
        separate_meetings(sent, &mut found);
        mentions.extend(found);
        bare_claims(sent, ents, mentions, self.since);
    }

    /// After a sentence: what the next ones can refer back to, and the day
    /// its speaker spoke on.
    fn after(&mut self, l: &Layers) {
        let (sent, ents, tx, frames) = (l.sent, l.ents, l.tx, l.frames);
        self.since = sent.start;
        let speaker = frames.iter().find_map(|f| f.speaker).map(|i| &ents[i]);
        refs_update(sent, ents, speaker, &mut self.disc);
        if let Some(d) = self.disc.last_document.as_mut().filter(|d| d.age == 0) {
            d.day = time::document_day(sent, d.verb, tx);
        }
        self.said = frames
            .iter()
            .filter_map(|f| f.date)
            .filter_map(|i| attributes::window_of(&tx[i].timex))
            .find(|w| w.days() == 1);
    }
}

/// Counts a sentence's names for what the story is about: each name for
/// the country it acts for or lies in, and each country named.
fn count_names(
    sent: &Sent,
    ents: &[Ent],
    anchors: &mut HashMap<String, usize>,
    countries: &mut HashMap<String, (usize, EntityRef)>,
) {
    for e in ents
        .iter()
        .filter(|e| e.t0 >= sent.body && e.kind != EntKind::Pronoun)
    {
        // A story names its few anchors again and again: count without
        // copying the key after its first time.
        match anchors.get_mut(&e.ent.anchor) {
            Some(n) => *n += 1,
            None => {
                anchors.insert(e.ent.anchor.clone(), 1);
            }
        }
    }
    for e in ents
        .iter()
        .filter(|e| e.ent.etype == EntityType::Country && e.t0 >= sent.body)
    {
        countries
            .entry(e.ent.iri.clone())
            .or_insert((0, e.ent.clone()))
            .0 += 1;
    }
}

/// Where a mention is told: its words and its sentence.
pub(super) fn evidence(text: &str, sent: &Sent, start: usize, end: usize) -> Evidence {
    Evidence {
        start,
        end,
        quote: text[start..end].to_string(),
        sentence: text[sent.start..sent.end].to_string(),
        sentence_start: sent.start,
    }
}

/// The gazetteer's name matches inside one sentence.
fn sentence_names(names: &[NameMatch], sent: &Sent) -> Vec<NameMatch> {
    names
        .iter()
        .filter(|m| m.start >= sent.start && m.end <= sent.end)
        .cloned()
        .collect()
}

/// "The fourth Summit of the Organization of American States ... Four years
/// later, the second Summit took place at Santiago": a summit that names no
/// party is one of the series whose convening body the article last named.
fn summit_series(
    sent: &Sent,
    found: &mut [Mention],
    series: &mut Option<EntityRef>,
    ctx: &Context,
) {
    for m in found.iter_mut().filter(|m| m.kind == EventKind::Summit) {
        // "the Summit of the Americas": a series known by its own name.
        if let Some(body) = named_series(sent, m, ctx) {
            if !m.actors.iter().any(|(_, e)| e.iri == body.iri) {
                m.actors.push((Role::Participant, body.clone()));
            }
            *series = Some(body);
            continue;
        }
        // "the Group of Eight summit", "the Summit of the Americas": a name
        // of its own, maybe of another series.
        let named = || {
            let Some(t0) = sent.token_at(m.evidence[0].start) else {
                return true;
            };
            let t1 = sent
                .toks
                .iter()
                .position(|t| t.start >= m.evidence[0].end)
                .unwrap_or(sent.toks.len());
            sent.lower(t1) == "of"
                || (sent.body.max(t0.saturating_sub(4))..t0)
                    .rev()
                    .take_while(|&k| !matches!(sent.lower(k), "the" | "a" | "an" | "this" | "that"))
                    .any(|k| sent.toks[k].cap && k > sent.body)
        };
        // "In January, 2004, Mexico hosted a special summit": a summit
        // told by its host country alone is one of the series too.
        // ... or by who convened it ("The 1994 summit, called by then US
        // President William Clinton").
        let hosted = sent.token_at(m.evidence[0].start).is_some_and(|t0| {
            (sent.body..t0).any(|k| sent.lower(k).starts_with("host"))
                || (t0 + 1..t0 + 4).any(|k| {
                    matches!(
                        sent.lower(k),
                        "called" | "convened" | "organized" | "organised"
                    ) && sent.lower(k + 1) == "by"
                })
        });
        let host_only = hosted
            && m.parties() == 1
            && m.actors
                .iter()
                .all(|(_, e)| e.anchor == m.actors[0].1.anchor)
            && m.actors.iter().any(|(_, e)| e.etype == EntityType::Country);
        if (m.actors.is_empty() || host_only) && !named() {
            if let Some(org) = series {
                m.actors.push((Role::Participant, org.clone()));
            }
        } else if let Some((_, org)) = m
            .actors
            .iter()
            .find(|(_, e)| e.etype == EntityType::Organisation)
        {
            *series = Some(org.clone());
        }
    }
}

/// Summit series named "Summit of the X" and the body that convenes them
/// (`data/summit_series.tsv`).
static SERIES: std::sync::LazyLock<Vec<(Vec<&'static str>, String)>> =
    std::sync::LazyLock::new(|| {
        crate::extract::lexicon::data_rows(include_str!("../data/summit_series.tsv"))
            .filter_map(|(_, l)| {
                let (words, qid) = l.split_once('\t')?;
                Some((
                    words.split_whitespace().collect(),
                    format!("{}{}", crate::vocab::EID, qid.trim()),
                ))
            })
            .collect()
    });

/// The convening body of a summit named by its series ("Summit of the
/// Americas" is the OAS's).
fn named_series(sent: &Sent, m: &Mention, ctx: &Context) -> Option<EntityRef> {
    let t1 = sent
        .toks
        .iter()
        .position(|t| t.start >= m.evidence[0].end)?;
    let (_, iri) = SERIES.iter().find(|(words, _)| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| t1 + k < sent.toks.len() && sent.lower(t1 + k) == *w)
    })?;
    let idx = ctx.gaz.get(iri)?;
    Some(ctx.gaz.entity_ref(idx, ctx.date))
}

fn see_pair(m: &Mention, disc: &mut Discourse) {
    // People, not the states they act for (those are added to every actor).
    let people: Vec<&EntityRef> = m
        .actors
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.etype == EntityType::Person)
        .collect();
    if m.kind.family() == "consult" && people.len() == 2 {
        disc.saw_pair(people[0], people[1]);
    }
}

/// "The United States offered 10 million dollars of aid ... to induce
/// North Korea to come to the table": money or aid with no recipient is
/// for the one other country the rest of the sentence names (not as a
/// place or a modifier), before the article's main country is tried.
fn sentence_recipient(sent: &Sent, ents: &[Ent], t: &Trigger, m: &mut Mention, ctx: &Context) {
    if m.actors.iter().any(|(r, _)| *r == Role::Target)
        || !(t.t1..sent.toks.len()).any(|k| at!("aidobj", sent, k))
    {
        return;
    }
    let mut others = ents
        .iter()
        .filter(|e| e.np0 >= t.t1 && recipient_candidate(sent, t, e, m));
    let Some(first) = others.next() else { return };
    if others.all(|e| e.ent.anchor == first.ent.anchor) {
        m.actors.push((Role::Target, actor_ref(first, ctx)));
    }
}

/// Whether `e` can be the recipient [`sentence_recipient`] looks for: a
/// country named as a party, in the giving's own clause.
fn recipient_candidate(sent: &Sent, t: &Trigger, e: &Ent, m: &Mention) -> bool {
    let mut before = e.np0;
    while before > t.t1 && matches!(sent.lower(before - 1), "the" | "a" | "an") {
        before -= 1;
    }
    let word_before = sent.lower(before - 1);
    e.kind == EntKind::Name
        && e.ent.etype == EntityType::Country
        && !e.locative
        && !e.modifier
        && !m.actors.iter().any(|(_, a)| a.anchor == e.ent.anchor)
        // "1.2 billion US dollars", "(8.6 billion US)", "US lumber
        // groups": a currency or a modifier.
        && sent.toks.get(e.np1).is_none_or(|x| {
            x.kind != super::text::TokKind::Word || x.cap || at!("stopwords", x)
        })
        && !matches!(sent.lower(e.np1), ")" | "-")
        // "while Spain and Portugal are still considering theirs", "..., a
        // move criticised by Russia": another clause or an aside.
        && !(t.t1..e.np0).any(|k| {
            at!("clause_breaks", sent, k)
                || sent.lower(k) == "," && !clauses::list_comma(sent, k)
        })
        // "offered by Germany", "angering Georgia", "to stop Iran from":
        // who gives, who is stirred, who is kept from something.
        && !matches!(word_before, "by" | "from")
        && !word_before.ends_with("ing")
        && !is!("keep_from", word_before)
        // "and Italy would lead the force": the subject of a clause of its
        // own.
        && !matches!(
            sent.lower(e.np1),
            "would" | "will" | "has" | "had" | "have" | "is" | "was" | "were" | "are" | "could"
        )
        && !at!("speech_verbs", sent, e.np1)
}

/// "I" and "we" in a quotation are the speaker the sentence names. Returns whether
/// it added one the pronoun layer had left out (a story's first quotation
/// has no earlier speaker to stand for: "\"I will meet President Putin next
/// week,\" Zelensky said").
fn quote_speakers(sent: &Sent, ents: &mut Vec<Ent>, frames: &[Frame]) -> bool {
    let Some((sp, verb)) = frames.iter().find_map(|f| f.speaker.map(|s| (s, f.verb))) else {
        return false;
    };
    let speaker = ents[sp].ent.clone();
    let first_person = |k: usize| at!("pronouns_first", sent, k);
    for e in ents.iter_mut() {
        if e.kind == entities::EntKind::Pronoun && sent.in_quote(e.t0) && first_person(e.t0) {
            e.ent = speaker.clone();
        }
    }
    // Only a quotation before its reporting verb ("\"...,\" Zelensky said"):
    // after it ("said on Truth Social, \"I believe ...\"") the story has
    // just named its speaker as the clause's subject, which the later
    // layers read.
    let missing: Vec<usize> = (0..verb)
        .filter(|&k| sent.in_quote(k) && first_person(k) && !ents.iter().any(|e| e.covers(k)))
        .collect();
    for &k in &missing {
        ents.push(Ent::new(
            k,
            k + 1,
            speaker.clone(),
            entities::EntKind::Pronoun,
        ));
    }
    !missing.is_empty()
}

fn sentence_timexes(sent: &Sent, timexes: &[Timex]) -> Vec<TimexTok> {
    timexes
        .iter()
        .filter(|t| t.start >= sent.start && t.end <= sent.end)
        .filter_map(|t| {
            let t0 = sent.toks.iter().position(|k| k.end > t.start)?;
            let t1 = sent
                .toks
                .iter()
                .position(|k| k.start >= t.end)
                .unwrap_or(sent.toks.len());
            (t1 > t0).then(|| TimexTok {
                t0,
                t1,
                timex: t.clone(),
            })
        })
        .collect()
}

/// How far after a statement's verb (in bytes, about ten words) the event it
/// reports may start.
const CONTENT_REACH: usize = 60;

fn sentence_mentions(
    text: &str,
    sent: &Sent,
    ents: &[Ent],
    tx: &[TimexTok],
    frames: &[Frame],
    ctx: &Context,
) -> Vec<Mention> {
    let breaks = clauses::breaks(sent);
    let trigs = live_triggers(sent, triggers::find(sent, ents));
    let scope = Scope {
        sent,
        ents,
        breaks: &breaks,
        frames,
        triggers: &trigs,
        dates: tx,
    };
    let read: Vec<Args> = trigs.iter().map(|t| arguments::read(&scope, t)).collect();
    let (adjuncts, relatives) = arguments::attack_pairs(sent, ents, &breaks, &trigs, &read);
    let mut owners = attributes::owners(sent, ents, &breaks, tx, frames, &trigs, ctx.date);
    attributes::hand_over(&mut owners, &adjuncts);
    let mut out: Vec<Mention> = Vec::new();
    for (ti, t) in trigs.iter().enumerate() {
        if adjuncts.iter().any(|p| p.1 == ti) {
            continue;
        }
        let mut args = read[ti].clone();
        let adjunct = adjuncts.iter().find(|p| p.0 == ti).map(|p| p.1);
        if let Some(n) = adjunct {
            let mut other = read[n].clone();
            if relatives.contains(&(ti, n)) {
                other.roles.retain(|&(_, e)| ents[e].np1 > t.t1);
            }
            args.absorb(other, |e| ents[e].np1 <= trigs[n].t0);
        }
        if matches!(t.kind(), EventKind::Request | EventKind::Pledge)
            && t.pos() == crate::extract::lexicon::Pos::Verb
        {
            let talks = talks_before(sent, &trigs, ti);
            args.addressed_at(ents, talks.iter().map(|&mi| &read[mi]));
        }
        if arguments::in_words(sent, ents, t, &args.roles) {
            continue;
        }
        if let Some(mut m) = mention(text, &scope, ti, &args, tx, &owners, ctx) {
            if let Some(n) = adjunct
                .map(|n| &trigs[n])
                .filter(|_| m.attack_mode.is_none())
            {
                m.attack_mode = attributes::attack_mode(sent, n, arguments::bounds(&scope, n).1);
            }
            if matches!(m.kind, EventKind::Pledge | EventKind::Aid) {
                sentence_recipient(sent, ents, t, &mut m, ctx);
                out.extend(gapped(text, sent, ents, t, &m, ctx));
            }
            out.push(m);
        }
    }
    let said = speech::Said {
        text,
        sent,
        ents,
        tx,
    };
    out.extend(speech::intent_pledges(&said, frames, &trigs));
    out.extend(speech::frame_requests(&said, frames, &trigs));
    // Only a sentence that leaves an event undated needs the test.
    if out.iter().any(|m| m.date.is_none()) && tells_of_past(sent, tx, ctx.date) {
        for m in out.iter_mut().filter(|m| m.date.is_none()) {
            m.time_not_taken = true;
        }
    }
    drop_statements_of_content(sent, &trigs, &mut out);
    out
}

/// A statement whose content is itself an event is news for that event; a
/// condemnation of it is news of its own ("Rice condemned a suicide
/// bombing", "the White House condemned missile attacks").
fn drop_statements_of_content(sent: &Sent, trigs: &[Trigger], out: &mut Vec<Mention>) {
    if out.iter().all(|m| m.kind == EventKind::Statement) {
        return;
    }
    // Only content that can stand as news counts against a verb: "Iran's
    // foreign ministry announced on Wednesday that it would halt talks with
    // the EU" keeps the announcement, since talks with one side named are
    // no meeting (a noun such as "interview" still gives way to any).
    let news = |m: &Mention| {
        if m.kind.family() == "consult" {
            m.parties() >= 2
        } else {
            specific(m)
        }
    };
    let starts = |news_only: bool| -> Vec<usize> {
        out.iter()
            .filter(|m| m.kind != EventKind::Statement && (!news_only || news(m)))
            .map(|m| m.evidence[0].start)
            .collect()
    };
    let (firsts, news_firsts) = (starts(false), starts(true));
    let verbs: Vec<usize> = trigs
        .iter()
        .filter(|t| t.pos() == Pos::Verb)
        .map(|t| sent.toks[t.t0].start)
        .collect();
    // The content follows close by; an event told further on ("announced
    // it acknowledges China's market economy status and promised fair
    // treatment") is another of the sentence's news.
    out.retain(|m| {
        let s = m.evidence[0].start;
        let content = if verbs.contains(&s) {
            &news_firsts
        } else {
            &firsts
        };
        m.kind != EventKind::Statement
            || m.evidence[0].quote.contains(' ')
            || is!("condemnations", &m.evidence[0].quote.to_lowercase())
            || !content.iter().any(|&f| f > s && f - s <= CONTENT_REACH)
    });
}

/// The talks a request or pledge at `ti` is made in, whose other parties
/// it is addressed to: those right before it in a chain of its maker's
/// acts ("met X and asked", "met X, asking"), or those an opening phrase
/// sets the sentence in ("In a meeting with X, Pence urged"). Not talks
/// further off: "a summit failed to offer hope", "visited Pinochet and
/// persuaded him to impose a recipe offered by".
fn talks_before(sent: &Sent, trigs: &[triggers::Trigger], ti: usize) -> Vec<usize> {
    let t = &trigs[ti];
    // Its subject left out ("and asked", not "and Chinese officials
    // urged"), nobody else addressed ("asked reporters to leave",
    // "promised voters").
    let left_out = t.t0 > 0
        && (matches!(sent.lower(t.t0 - 1), "and" | ",")
            || t.t0 > 1
                && matches!(sent.lower(t.t0 - 2), "and" | ",")
                && matches!(sent.lower(t.t0 - 1), "also" | "later" | "then"));
    let addressed = {
        let next = sent.lower(t.t1);
        is!("group_nouns", next)
            || is!("person_nouns", next)
            || is!("victim_nouns", next)
            || next.len() > 3 && next.ends_with('s') && !is!("stopwords", next)
    };
    let chained = |m: &triggers::Trigger| {
        m.t1 <= t.t0
            && t.t0 - m.t1 <= 12
            && left_out
            && !addressed
            && !trigs.iter().any(|o| o.t0 >= m.t1 && o.t0 < t.t0)
            && !(m.t1..t.t0).any(|k| at!("clause_breaks", sent, k))
    };
    let opening = |m: &triggers::Trigger| {
        m.pos() == crate::extract::lexicon::Pos::Noun
            && matches!(sent.lower(sent.body), "in" | "during" | "at")
            && m.t0 <= sent.body + 6
            && (m.t1..t.t0).any(|k| sent.lower(k) == ",")
    };
    // Not a visit: its other party is the place visited ("flew to
    // Seoul and urged unity").
    (0..ti)
        .filter(|&mi| {
            trigs[mi].kind().family() == "consult" && trigs[mi].kind() != EventKind::Visit
        })
        .filter(|&mi| chained(&trigs[mi]) || opening(&trigs[mi]))
        .collect()
}

/// The triggers that name events of their own. "agreed to hold a summit":
/// the meeting agreed is the news, not the agreeing. "threatened to impose
/// tariffs", "pledged military aid", "urged X to attack": what is
/// threatened, promised or asked is the speech act's content.
fn live_triggers(sent: &Sent, trigs: Vec<Trigger>) -> Vec<Trigger> {
    let n = trigs.len();
    let mut drop = vec![false; n];
    for i in 0..n {
        if let Some(c) = content_of(&trigs, i, sent) {
            // "invited Triet to visit the United States in 2007": the visit
            // invited to is the news, as the meeting agreed is.
            let invitation = sent.lower(trigs[i].t0).starts_with("invit");
            if (trigs[i].kind() == EventKind::Pledge || invitation)
                && trigs[c].kind().family() == "consult"
            {
                drop[i] = true;
            } else {
                drop[c] = true;
            }
        }
    }
    // "to host next week's meeting between Trump and Putin", "hosted talks
    // between": the hosted event is the event; its host no party to it.
    for i in 0..n {
        let t = &trigs[i];
        if t.kind().family() != "consult" || !sent.lower(t.t0).starts_with("host") {
            continue;
        }
        let hosted = trigs.iter().any(|o| {
            o.t0 > t.t0
                && o.t0 <= t.t1 + 5
                && o.pos() == super::lexicon::Pos::Noun
                && o.kind().family() == "consult"
                && (t.t1..o.t0).all(|k| !matches!(sent.lower(k), "," | "and" | "to" | "that"))
        });
        if hosted {
            drop[i] = true;
        }
    }
    trigs
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(t, _)| t)
        .collect()
}

/// The trigger that is the content of speech act `i`: right after it, or
/// after its "to" ("threatened to impose", "pledged military aid",
/// "urged Russia to halt attacks").
fn content_of(trigs: &[Trigger], i: usize, sent: &Sent) -> Option<usize> {
    let t = &trigs[i];
    if !(t.kind().speech_act() || t.kind() == EventKind::Aid) {
        return None;
    }
    // "offered assistance", "pledged military aid": the object noun.
    // "pledged 2 billion euros in military aid": amounts and modifiers between.
    // "pledged 350 million U.S. dollars in aid": a country's name before
    // its currency is part of the sum.
    let filler = |k: usize| {
        sent.toks[k].kind == super::text::TokKind::Number
            || at!("aidobj", sent, k)
            || at!("aid_fillers", sent, k)
            || at!("currencies", sent, k)
            || at!("currencies", sent, k + 1)
    };
    if let Some(o) = trigs.iter().position(|o| {
        o.t0 >= t.t1
            && o.t0 <= t.t1 + 7
            && (t.t1..o.t0).all(filler)
            && o.pos() == super::lexicon::Pos::Noun
            && matches!(o.kind(), EventKind::Aid | EventKind::Sanction)
    }) {
        return Some(o);
    }
    let to = (t.t1..(t.t1 + 6).min(sent.toks.len()))
        .take_while(|&k| !matches!(sent.lower(k), "," | ";" | "and" | "that"))
        .find(|&k| sent.lower(k) == "to")
        .map(|k| k + 1)
        .or_else(|| (sent.lower(t.t1 - 1) == "to").then_some(t.t1));
    let from = to.unwrap_or(t.t1);
    let reach = if to.is_some() { 2 } else { 3 };
    // "called on the coalition to re-open an aid lifeline into Yemen",
    // "urged Israel to allow more humanitarian aid": aid asked for is no
    // aid given, however far into the asked act it stands.
    let aid_reach = if to.is_some() && t.kind() == EventKind::Request {
        6
    } else {
        reach
    };
    trigs.iter().position(|o| {
        o.t0 >= from
            && (o.t0 <= from + reach || o.kind() == EventKind::Aid && o.t0 <= from + aid_reach)
            && (to.is_some() || o.kind() == EventKind::Aid)
    })
}

/// "Greece has promised up to 700 troops; Turkey, 500; Romania, 400": the
/// same pledge by each actor of the gapped clauses that follow.
fn gapped(
    text: &str,
    sent: &Sent,
    ents: &[Ent],
    t: &Trigger,
    m: &Mention,
    ctx: &Context,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = sent.toks.len();
    let mut k = t.t1;
    while k < n {
        if sent.lower(k) != ";" {
            k += 1;
            continue;
        }
        let Some(e) = ents.iter().find(|e| e.np0 == k + 1 && !e.modifier) else {
            break;
        };
        let number = sent.lower(e.np1) == ","
            && sent
                .toks
                .get(e.np1 + 1)
                .is_some_and(|x| x.kind == super::text::TokKind::Number);
        let seg_end = (e.np1..n).find(|&j| sent.lower(j) == ";").unwrap_or(n);
        if !number || seg_end > e.np1 + 6 {
            break;
        }
        let mut g = m.clone();
        let who = actor_ref(e, ctx);
        g.actors.retain(|(r, _)| *r != Role::Initiator);
        g.actors.insert(0, (Role::Initiator, who));
        let (start, end) = (sent.toks[e.np0].start, sent.toks[e.np1 - 1].end);
        g.evidence[0].start = start;
        g.evidence[0].end = end;
        g.evidence[0].quote = text[start..end].to_string();
        out.push(g);
        k = seg_end;
    }
    out
}

/// Content words of the clause after the trigger ("end", "war"): they tell
/// two pledges apart.
pub(super) fn topic_words(sent: &Sent, ents: &[Ent], from: usize, to: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in from..to.min(sent.toks.len()) {
        let t = &sent.toks[k];
        if t.kind != super::text::TokKind::Word
            || at!("stopwords", t)
            || at!("generic_topics", t)
            // "pledged on Saturday to strengthen bilateral ties": a day
            // tells no act apart from its retelling.
            || crate::extract::lexicon::WEEKDAYS.contains(&t.lower.as_str())
            || at!("months", t)
            || t.lower.len() < 3
        {
            continue;
        }
        if ents.iter().any(|e| e.t0 <= k && k < e.t1) {
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

/// Whether a sentence is a lead: the story's first sentence of prose
/// (eight words or more, ending with a stop: not a headline such as
/// "Islamic State says New York truck attacker is 'caliphate soldier'"), or
/// one that opens with a dateline, as each item of a roundup does ("MADRID
/// -- Spanish Prime Minister Pedro Sánchez says"). Marks the story's lead
/// read.
fn is_lead(sent: &Sent, read: &mut bool) -> bool {
    // Past the story's lead, only a dateline opens one.
    if *read && sent.body == 0 {
        return false;
    }
    let words = sent
        .toks
        .iter()
        .filter(|t| t.kind == super::text::TokKind::Word)
        .count();
    let closed = sent
        .toks
        .iter()
        .rev()
        .find(|t| !matches!(t.lower.as_str(), "\"" | "'" | "”" | "’" | ")"))
        .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?"));
    let prose = words >= 8 && closed;
    let lead = prose && (!*read || sent.body > 0);
    *read |= prose;
    lead
}

#[cfg(test)]
mod dump;

#[cfg(test)]
mod series_tests {
    use super::SERIES;

    #[test]
    fn every_summit_series_row_parses_and_names_a_known_body() {
        let rows =
            crate::extract::lexicon::data_rows(include_str!("../data/summit_series.tsv")).count();
        assert_eq!(SERIES.len(), rows);
        let gaz = crate::gazetteer::Gazetteer::load(&[]).unwrap();
        for (words, iri) in SERIES.iter() {
            assert!(!words.is_empty());
            assert!(gaz.get(iri).is_some(), "{iri} is not in the gazetteer");
        }
    }
}

#[cfg(test)]
mod topic_tests {
    use super::topic_words;
    use crate::extract::doc::Doc;

    fn topic(text: &str) -> Vec<String> {
        let d = Doc::new(text);
        let s = &d.sents[0];
        // After the subject and the trigger.
        topic_words(s, &[], 2, s.toks.len())
    }

    #[test]
    fn boilerplate_and_days_tell_no_pledge_apart() {
        // Two pledges of one meeting keep apart by what they are about ...
        assert_eq!(
            topic("They pledged to increase cooperation to halt the proliferation of weapons."),
            ["halt", "proliferation", "weapons"]
        );
        assert_eq!(
            topic("They agreed to further strengthen cooperation on combating bird flu."),
            ["combating", "bird", "flu"]
        );
        // ... and a pledge of ties "on Saturday" is about nothing that would
        // keep its retelling apart.
        assert!(topic("Both pledged on Saturday to strengthen bilateral ties.").is_empty());
    }
}
