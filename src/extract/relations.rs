//! Relations between the events of one article: what the text says
//! ("ahead of", "in retaliation for", "agreed during", "on the sidelines
//! of") and what the dates say (one event ended before another began).
//!
//! Text relations are read inside one sentence, between two mentions of
//! it: the cue phrase introduces the object ("ahead of Zelensky's meeting"),
//! and the subject is the nearest other mention, before the cue if there is
//! one ("Trump will meet Putin after the call"), else after the object
//! ("Ahead of the meeting, Trump called Putin"). Mentions are named by the
//! byte offset of their trigger, which survives the article-level merge
//! (merged mentions keep every member's evidence).

use chrono::NaiveDate;

use super::text::{TokKind, Token};
use crate::model::{EventKind, Mention, MentionRelation, RelationKind, Role, Status};

/// A relation found in a sentence, between trigger offsets.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub from: usize,
    pub kind: RelationKind,
    pub to: usize,
    pub cue: String,
}

#[derive(Clone, Copy)]
enum Cue {
    Rel(RelationKind),
    /// The relation holds from the cue's object to the event before it
    /// ("the meeting, to be followed by a summit": the summit follows).
    Inv(RelationKind),
    /// "during", "in", "at": agreed during or part of, by the kinds.
    Within {
        reach: usize,
        consult_only: bool,
    },
}

const CUES: &[(&[&str], Cue)] = &[
    (&["ahead", "of"], Cue::Rel(RelationKind::AheadOf)),
    (
        &["in", "the", "run", "-", "up", "to"],
        Cue::Rel(RelationKind::AheadOf),
    ),
    (
        &["in", "preparation", "for"],
        Cue::Rel(RelationKind::AheadOf),
    ),
    (&["to", "prepare", "for"], Cue::Rel(RelationKind::AheadOf)),
    (&["to", "prepare"], Cue::Rel(RelationKind::AheadOf)),
    (&["before"], Cue::Rel(RelationKind::Before)),
    // "The Trump-Putin meeting will follow lower-level talks".
    (&["will", "follow"], Cue::Rel(RelationKind::Follows)),
    (&["would", "follow"], Cue::Rel(RelationKind::Follows)),
    (&["to", "follow"], Cue::Rel(RelationKind::Follows)),
    (&["follows"], Cue::Rel(RelationKind::Follows)),
    (&["followed"], Cue::Rel(RelationKind::Follows)),
    (&["followed", "by"], Cue::Inv(RelationKind::Follows)),
    (&["preceded"], Cue::Rel(RelationKind::Before)),
    (&["preceded", "by"], Cue::Rel(RelationKind::Follows)),
    (&["after"], Cue::Rel(RelationKind::Follows)),
    (&["following"], Cue::Rel(RelationKind::Follows)),
    (
        &["in", "the", "wake", "of"],
        Cue::Rel(RelationKind::Follows),
    ),
    (
        &["on", "the", "heels", "of"],
        Cue::Rel(RelationKind::Follows),
    ),
    (
        &["in", "response", "to"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (
        &["in", "retaliation", "for"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (
        &["in", "retaliation", "to"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (&["in", "reply", "to"], Cue::Rel(RelationKind::InResponseTo)),
    (
        &["in", "revenge", "for"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (&["responding", "to"], Cue::Rel(RelationKind::InResponseTo)),
    (
        &["retaliating", "for"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (
        &["to", "retaliate", "for"],
        Cue::Rel(RelationKind::InResponseTo),
    ),
    (&["to", "avenge"], Cue::Rel(RelationKind::InResponseTo)),
    (
        &["on", "the", "sidelines", "of"],
        Cue::Rel(RelationKind::PartOf),
    ),
    (
        &["on", "the", "margins", "of"],
        Cue::Rel(RelationKind::PartOf),
    ),
    (
        &["on", "the", "fringes", "of"],
        Cue::Rel(RelationKind::PartOf),
    ),
    (&["as", "part", "of"], Cue::Rel(RelationKind::PartOf)),
    (
        &["during"],
        Cue::Within {
            reach: 6,
            consult_only: false,
        },
    ),
    (
        &["in"],
        Cue::Within {
            reach: 3,
            consult_only: true,
        },
    ),
    (
        &["at"],
        Cue::Within {
            reach: 3,
            consult_only: true,
        },
    ),
];

/// Verbs that head a clause of their own between an event and a cue.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "announced",
    "noted",
    "stressed",
    "endorsed",
    "indicated",
    "described",
];

/// How many tokens may separate a cue from its object's trigger
/// ("after a more than two-hour-long phone call").
const REACH: usize = 10;

fn matches_at(toks: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w))
}

/// The relations one sentence states between its mentions `found`.
///
/// A meeting or call named only as the setting of another event ("during
/// the call, Trump and Putin agreed", "after a two-hour phone call") takes
/// that event's actors: the text names them once, for both.
pub(super) fn sentence_relations(toks: &[Token], found: &mut [Mention]) -> Vec<Pending> {
    // (trigger token, mention index) for mentions triggered in this sentence.
    let mut triggers: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let start = m.evidence.first()?.start;
            let t = toks.iter().position(|t| t.start == start)?;
            Some((t, k))
        })
        .collect();
    triggers.sort();
    if triggers.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((words, cue)) = CUES
            .iter()
            .filter(|(w, _)| matches_at(toks, i, w))
            .max_by_key(|(w, _)| w.len())
        else {
            i += 1;
            continue;
        };
        let cue_end = i + words.len();
        let reach = match cue {
            Cue::Rel(_) | Cue::Inv(_) => REACH,
            Cue::Within { reach, .. } => *reach,
        };
        // The object: the first trigger after the cue, within reach and
        // before any clause-ending punctuation.
        let limit = toks.len().min(cue_end + reach + 1);
        let stop = (cue_end..limit)
            .find(|&k| {
                toks[k].kind == TokKind::Punct
                    && matches!(
                        toks[k].lower.as_str(),
                        "," | ";" | ":" | "." | "\"" | "“" | "”"
                    )
            })
            .unwrap_or(limit);
        let Some(&(obj_t, obj)) = triggers.iter().find(|(t, _)| *t >= cue_end && *t < stop) else {
            i = cue_end;
            continue;
        };
        // The subject: the nearest trigger before the cue, else the first
        // after the object.
        // A subject after the object only for a fronted cue ("After the
        // call, ..."); mid-sentence, the words before the cue head it.
        let fronted = toks[..i].iter().all(|t| t.kind == TokKind::Punct);
        let subject = triggers.iter().rev().find(|(t, _)| *t < i).or_else(|| {
            triggers
                .iter()
                .find(|(t, _)| *t > obj_t)
                .filter(|_| fronted)
        });
        let Some(&(subj_t, subj)) = subject else {
            i = cue_end;
            continue;
        };
        // "X told reporters after the meeting", "the ministers endorsed a
        // statement after the meeting": a verb between the trigger and the
        // cue heads the cue's clause, not our event.
        let (lo, hi) = if subj_t < i {
            (subj_t + 1, i)
        } else {
            (obj_t + 1, subj_t)
        };
        if (lo..hi).any(|k| REPORTING.contains(&toks[k].lower.as_str())) {
            i = cue_end;
            continue;
        }
        let kind = match *cue {
            Cue::Rel(k) | Cue::Inv(k) => Some(k),
            Cue::Within { consult_only, .. } => {
                // "at a weekend summit": a summit not yet named, hosting
                // the talks; "talks with Putin at the summit in Helsinki"
                // may be the summit itself.
                let another = matches!(
                    toks.get(cue_end).map(|t| t.lower.as_str()),
                    Some("a" | "an")
                ) || found[obj]
                    .actors
                    .iter()
                    .any(|(_, e)| e.etype == crate::model::EntityType::Organisation);
                within_kind(&found[subj], &found[obj], consult_only, another)
            }
        };
        let Some(kind) = kind else {
            i = cue_end;
            continue;
        };
        // "met ... after the meeting" within one sentence, by the same people,
        // is mostly one meeting told twice, not a sequence.
        let (sm, om) = (&found[subj], &found[obj]);
        if kind == RelationKind::Follows
            && sm.kind.compatible(om.kind)
            && sm.kind.family() == "consult"
            && sm.anchors().iter().any(|a| om.anchors().contains(a))
            && (sm.persons().iter().any(|p| om.persons().contains(p))
                || sm.persons().is_empty() && om.persons().is_empty())
        {
            i = cue_end;
            continue;
        }
        // Only a call or meeting that is the setting takes the actors:
        // "after progress in Ukraine talks" names other parties' talks.
        let setting = matches!(kind, RelationKind::AgreedDuring | RelationKind::PartOf)
            || kind == RelationKind::Follows
                && matches!(found[obj].kind, EventKind::PhoneCall | EventKind::Meeting)
                && matches!(*cue, Cue::Rel(_));
        // "expected to meet with Putin during a planned summit of the CIS":
        // who meet at a summit attend it, however many it names already.
        let at_summit = matches!(kind, RelationKind::AgreedDuring | RelationKind::PartOf)
            && found[obj].kind == EventKind::Summit
            && found[subj].kind.family() == "consult";
        if setting
            && found[obj].kind.family() == "consult"
            && (found[obj].actors.len() < 2 || at_summit)
        {
            let inherited: Vec<_> = found[subj]
                .actors
                .iter()
                .filter(|(_, e)| !found[obj].actors.iter().any(|(_, x)| x.iri == e.iri))
                .map(|(_, e)| (Role::Participant, e.clone()))
                .collect();
            found[obj].actors.extend(inherited);
        }
        // "expected to meet with Putin during a planned summit ... later this
        // month": what happens during an event shares its time.
        if matches!(kind, RelationKind::AgreedDuring | RelationKind::PartOf)
            && found[subj].date.is_none()
        {
            found[subj].date = found[obj].date.clone();
        }
        // "their talks at a weekend summit": the summit told only as the
        // setting is dated by what it holds.
        if kind == RelationKind::PartOf && found[obj].date.is_none() {
            found[obj].date = found[subj].date.clone();
        }
        let cue_text = toks[i..cue_end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let (from, to) = match cue {
            Cue::Inv(_) => (obj, subj),
            _ => (subj, obj),
        };
        out.push(Pending {
            from: found[from].evidence[0].start,
            kind,
            to: found[to].evidence[0].start,
            cue: cue_text,
        });
        i = cue_end;
    }
    out.extend(agreed_in_call(toks, found, &triggers, &out));
    out
}

/// "Trump said he spoke by phone with Putin on Tuesday and that the two had
/// agreed to meet": a meeting the same parties agreed to hold, told with
/// their call and no cue between, was agreed during the call.
fn agreed_in_call(
    toks: &[Token],
    found: &[Mention],
    triggers: &[(usize, usize)],
    told: &[Pending],
) -> Vec<Pending> {
    let mut out = Vec::new();
    for &(ct, c) in triggers {
        let call = &found[c];
        if !matches!(call.kind, EventKind::PhoneCall | EventKind::Meeting)
            || call.status != Status::Occurred
        {
            continue;
        }
        for &(pt, p) in triggers.iter().filter(|(t, _)| *t > ct) {
            let plan = &found[p];
            let agreed =
                (ct..pt).any(|k| matches!(toks[k].lower.as_str(), "agreed" | "agree" | "agreeing"));
            let known = told.iter().any(|r| {
                [r.from, r.to].contains(&plan.evidence[0].start)
                    && [r.from, r.to].contains(&call.evidence[0].start)
            });
            if plan.kind.family() == "consult"
                && plan.status == Status::Planned
                && plan.anchors() == call.anchors()
                && agreed
                && !known
            {
                out.push(Pending {
                    from: plan.evidence[0].start,
                    kind: RelationKind::AgreedDuring,
                    to: call.evidence[0].start,
                    cue: "agreed".into(),
                });
            }
        }
    }
    out
}

/// "During the call they agreed to meet": a plan or promise made in the
/// object is agreed during it; anything else said or done in it is part
/// of it. "In"/"at" only count before a meeting-like object ("in a phone
/// call", "at the summit").
fn within_kind(
    subj: &Mention,
    obj: &Mention,
    consult_only: bool,
    another: bool,
) -> Option<RelationKind> {
    if obj.kind.family() != "consult" && (consult_only || obj.kind != EventKind::Attack) {
        return None;
    }
    // "During the call they agreed to meet": a meeting planned in a call.
    if subj.kind.family() == "consult"
        && !consult_only
        && subj.status == Status::Planned
        && matches!(
            obj.kind,
            EventKind::PhoneCall | EventKind::Consultation | EventKind::Meeting
        )
    {
        return Some(RelationKind::AgreedDuring);
    }
    if subj.kind.family() == "consult" {
        // A meeting during a summit or talks is part of them. A visit and a
        // meeting contain each other either way round, and the same
        // parties' "talks during the talks" are one event told twice.
        // "their talks at a weekend summit": a summit named as the place
        // of talks holds them ("at" alone is too loose for other meetings).
        let part = (!consult_only || obj.kind == EventKind::Summit && another)
            && !matches!(subj.kind, EventKind::Visit | EventKind::Negotiation)
            && matches!(
                obj.kind,
                EventKind::Summit | EventKind::Negotiation | EventKind::Meeting
            )
            && subj.anchors() != obj.anchors();
        return part.then_some(RelationKind::PartOf);
    }
    let agreed = subj.status == Status::Planned
        || matches!(
            subj.kind,
            EventKind::Agreement | EventKind::Pledge | EventKind::Ceasefire
        );
    // "in"/"at" before a meeting word often only name a topic or a forum
    // ("progress in the WTO negotiations"); only agreements made there count.
    match (agreed, consult_only) {
        (true, _) => Some(RelationKind::AgreedDuring),
        (false, false) => Some(RelationKind::PartOf),
        (false, true) => None,
    }
}

/// Maps sentence relations onto the article's final (merged) mentions.
pub(super) fn resolve(pending: &[Pending], mentions: &[Mention]) -> Vec<MentionRelation> {
    let owner = |start: usize| {
        mentions
            .iter()
            .position(|m| m.evidence.iter().any(|e| e.start == start))
    };
    let mut out: Vec<MentionRelation> = pending
        .iter()
        .filter_map(|p| {
            let (from, to) = (owner(p.from)?, owner(p.to)?);
            (from != to).then(|| MentionRelation {
                from,
                kind: p.kind,
                to,
                cue: p.cue.clone(),
            })
        })
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.from == b.from && a.kind == b.kind && a.to == b.to);
    out
}

/// Date windows that can order events: a day or a few days, not "this year".
fn ordering_window(m: &Mention) -> Option<(NaiveDate, NaiveDate)> {
    if matches!(m.status, Status::Negated | Status::Possible) {
        return None;
    }
    let d = m.date.as_ref()?;
    (d.days() <= 7).then_some((d.earliest, d.latest))
}

/// `before` links from dates: each dated event is linked from the latest
/// earlier event of the article that shares one of its actors (so a
/// chain, not every pair), unless the text already relates the two.
pub(super) fn date_relations(
    mentions: &[Mention],
    existing: &[MentionRelation],
) -> Vec<MentionRelation> {
    let mut out = Vec::new();
    for (j, mj) in mentions.iter().enumerate() {
        let Some((ej, _)) = ordering_window(mj) else {
            continue;
        };
        let anchors = mj.anchors();
        let best = mentions
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != j)
            .filter_map(|(i, mi)| {
                let (_, li) = ordering_window(mi)?;
                (li < ej && mi.anchors().iter().any(|a| anchors.contains(a))).then_some((li, i))
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((_, i)) = best else { continue };
        let related = existing
            .iter()
            .any(|r| (r.from == i && r.to == j) || (r.from == j && r.to == i));
        if !related {
            out.push(MentionRelation {
                from: i,
                kind: RelationKind::Before,
                to: j,
                cue: "dates".into(),
            });
        }
    }
    out
}
