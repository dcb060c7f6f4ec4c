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

use super::lexicon::is;
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

/// The cue phrases and what each states (`data/relation_cues.tsv`).
static CUES: std::sync::LazyLock<Vec<(Vec<&'static str>, Cue)>> =
    std::sync::LazyLock::new(|| parse_cues(include_str!("data/relation_cues.tsv")));

/// The rows of `relation_cues.tsv`. The file is compiled in, so a bad row
/// is a defect of the build, caught by the test that reads every row.
fn parse_cues(text: &'static str) -> Vec<(Vec<&'static str>, Cue)> {
    let mut out = Vec::new();
    for (n, line) in crate::extract::lexicon::data_rows(text) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        fn bad<T>(n: usize, line: &str) -> T {
            panic!("relation_cues.tsv line {n}: {line:?}")
        }
        let words: Vec<&'static str> = cols[0].split_whitespace().collect();
        let cue = match (
            cols.get(1).copied(),
            cols.get(2).copied(),
            cols.get(3).copied(),
        ) {
            (Some("within"), Some(reach), Some(kinds @ ("consult" | "any"))) => Cue::Within {
                reach: reach.parse().unwrap_or_else(|_| bad(n, line)),
                consult_only: kinds == "consult",
            },
            (Some(rel), Some(holds @ ("subject" | "object")), None) => {
                let kind = RelationKind::ALL
                    .into_iter()
                    .find(|k| k.name() == rel)
                    .unwrap_or_else(|| bad(n, line));
                if holds == "subject" {
                    Cue::Rel(kind)
                } else {
                    Cue::Inv(kind)
                }
            }
            _ => bad(n, line),
        };
        if words.is_empty() {
            bad::<()>(n, line);
        }
        out.push((words, cue));
    }
    out
}

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
        if let Some(p) = cue_relation(toks, found, &triggers, (i, cue_end), *cue) {
            out.push(p);
        }
        i = cue_end;
    }
    out.extend(agreed_in_call(toks, found, &triggers, &out));
    out
}

/// The relation the cue at tokens `cue.0..cue.1` states, if its object and
/// subject are events of ours; a setting takes the actors and the date of
/// what it holds.
fn cue_relation(
    toks: &[Token],
    found: &mut [Mention],
    triggers: &[(usize, usize)],
    (i, cue_end): (usize, usize),
    cue: Cue,
) -> Option<Pending> {
    let (obj_t, obj) = cue_object(toks, triggers, cue_end, cue)?;
    // The subject: the nearest trigger before the cue, else the first
    // after the object. A subject after the object only for a fronted cue
    // ("After the call, ..."); mid-sentence, the words before the cue head
    // it.
    let fronted = toks[..i].iter().all(|t| t.kind == TokKind::Punct);
    let &(subj_t, subj) = triggers.iter().rev().find(|(t, _)| *t < i).or_else(|| {
        triggers
            .iter()
            .find(|(t, _)| *t > obj_t)
            .filter(|_| fronted)
    })?;
    // "X told reporters after the meeting", "the ministers endorsed a
    // statement after the meeting": a verb between the trigger and the cue
    // heads the cue's clause, not our event.
    let (lo, hi) = if subj_t < i {
        (subj_t + 1, i)
    } else {
        (obj_t + 1, subj_t)
    };
    if (lo..hi).any(|k| is!("relation_reporting", toks[k].lower.as_str())) {
        return None;
    }
    let kind = match cue {
        Cue::Rel(k) | Cue::Inv(k) => k,
        Cue::Within { consult_only, .. } => {
            // "at a weekend summit": a summit not yet named, hosting the
            // talks; "talks with Putin at the summit in Helsinki" may be the
            // summit itself.
            let another = matches!(
                toks.get(cue_end).map(|t| t.lower.as_str()),
                Some("a" | "an")
            ) || found[obj]
                .actors
                .iter()
                .any(|(_, e)| e.etype == crate::model::EntityType::Organisation);
            within_kind(&found[subj], &found[obj], consult_only, another)?
        }
    };
    if one_meeting_told_twice(&found[subj], &found[obj], kind) {
        return None;
    }
    share_setting(found, subj, obj, kind, cue);
    let cue_text = toks[i..cue_end]
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (from, to) = match cue {
        Cue::Inv(_) => (obj, subj),
        _ => (subj, obj),
    };
    Some(Pending {
        from: found[from].evidence[0].start,
        kind,
        to: found[to].evidence[0].start,
        cue: cue_text,
    })
}

/// The cue's object: the first trigger after the cue, within reach and
/// before any clause-ending punctuation.
fn cue_object(
    toks: &[Token],
    triggers: &[(usize, usize)],
    cue_end: usize,
    cue: Cue,
) -> Option<(usize, usize)> {
    let reach = match cue {
        Cue::Rel(_) | Cue::Inv(_) => REACH,
        Cue::Within { reach, .. } => reach,
    };
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
    triggers
        .iter()
        .find(|(t, _)| *t >= cue_end && *t < stop)
        .copied()
}

/// "met ... after the meeting" within one sentence, by the same people, is
/// mostly one meeting told twice, not a sequence.
fn one_meeting_told_twice(sm: &Mention, om: &Mention, kind: RelationKind) -> bool {
    kind == RelationKind::Follows
        && sm.kind.compatible(om.kind)
        && sm.kind.family() == "consult"
        && sm.anchors().iter().any(|a| om.anchors().contains(a))
        && (sm.persons().iter().any(|p| om.persons().contains(p))
            || sm.persons().is_empty() && om.persons().is_empty())
}

/// A call or meeting that is only the setting of another event takes its
/// actors; what happens during an event shares its time.
fn share_setting(found: &mut [Mention], subj: usize, obj: usize, kind: RelationKind, cue: Cue) {
    let within = matches!(kind, RelationKind::AgreedDuring | RelationKind::PartOf);
    // Only a call or meeting that is the setting takes the actors: "after
    // progress in Ukraine talks" names other parties' talks.
    let setting = within
        || kind == RelationKind::Follows
            && matches!(found[obj].kind, EventKind::PhoneCall | EventKind::Meeting)
            && matches!(cue, Cue::Rel(_));
    // "expected to meet with Putin during a planned summit of the CIS": who
    // meet at a summit attend it, however many it names already.
    let at_summit =
        within && found[obj].kind == EventKind::Summit && found[subj].kind.family() == "consult";
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
    if within && found[subj].date.is_none() {
        found[subj].date = found[obj].date.clone();
    }
    // "their talks at a weekend summit": the summit told only as the
    // setting is dated by what it holds.
    if kind == RelationKind::PartOf && found[obj].date.is_none() {
        found[obj].date = found[subj].date.clone();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_row_reads() {
        let rows =
            crate::extract::lexicon::data_rows(include_str!("data/relation_cues.tsv")).count();
        assert_eq!(CUES.len(), rows);
        let cue = |words: &str| {
            let w: Vec<&str> = words.split(' ').collect();
            CUES.iter().find(|(x, _)| *x == w).map(|(_, c)| *c)
        };
        assert!(matches!(
            cue("on the sidelines of"),
            Some(Cue::Rel(RelationKind::PartOf))
        ));
        assert!(matches!(
            cue("followed by"),
            Some(Cue::Inv(RelationKind::Follows))
        ));
        assert!(matches!(
            cue("in"),
            Some(Cue::Within {
                reach: 3,
                consult_only: true
            })
        ));
    }

    #[test]
    #[should_panic(expected = "relation_cues.tsv line 2")]
    fn a_bad_cue_row_names_its_line() {
        parse_cues("# comment\nahead of\tsoonAfter\tsubject\n");
    }
}
