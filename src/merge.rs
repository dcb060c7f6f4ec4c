//! One node per real event: deciding which mentions tell the same event and
//! what the merged event says.
//!
//! The same clustering serves inside an article (its repeated mentions of
//! one call) and across the store (two articles telling the call). It is a
//! function of the set of mentions: items are put in a canonical order
//! (dated before undated, specific before vague, then by id) before the
//! greedy assignment, so ingesting A then B gives the same clusters as B
//! then A.

use chrono::NaiveDate;

use crate::model::{DateWindow, EntityRef, EntityType, EventKind, Mention, Role, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Mentions of one article: partial actor lists ("Trump" vs "Trump and
    /// Putin") may be one event.
    Article,
    /// Mentions of different articles within one block (same kind family and
    /// same country-level actors).
    Store,
}

/// A mention with what merging needs to know about its article.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub mention: &'a Mention,
    /// The article's reference date (for "planned" events still ahead).
    pub reference: Option<NaiveDate>,
    /// A stable id (the mention IRI): the last tie-breaker of the order.
    pub id: String,
    /// Ids of the items its article related it to ("their talks at a
    /// weekend summit": part of it): the text told two events, so they stay
    /// two, inside the article and across the store.
    pub related: &'a [String],
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

pub(crate) fn places_compatible(a: &Option<EntityRef>, b: &Option<EntityRef>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x.iri == y.iri
                || x.etype == EntityType::Country
                || y.etype == EntityType::Country
                || x.anchor == y.iri
                || y.anchor == x.iri
                || x.located_in.as_deref() == Some(y.iri.as_str())
                || y.located_in.as_deref() == Some(x.iri.as_str())
        }
        _ => true,
    }
}

/// Two tellings of a summit of the same body dated to the same few days,
/// from different leaders' sides: one summit. Undated ones, or ones dated
/// only to a week, a month or a decade, stay apart (the body holds other
/// summits: "the EU-Russia summit this week", "the EU-China summit in
/// 1998"), and so does a leader's absence from a summit that was held.
fn one_summit(a: &Mention, b: &Mention) -> bool {
    use EventKind::Summit;
    let hypothetical = |s: Status| matches!(s, Status::Possible | Status::Negated);
    let days_meet = match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.days() <= 4 && y.days() <= 4 && x.overlaps(y),
        _ => false,
    };
    // The cheap tests first: this runs for every pair of a store block.
    a.kind == Summit
        && b.kind == Summit
        && days_meet
        && hypothetical(a.status) == hypothetical(b.status)
        && {
            let bodies = a.bodies();
            !bodies.is_empty() && bodies == b.bodies()
        }
}

/// "India has offered to host the next summit", "the next round of
/// talks": every telling says the gathering is the one after.
fn told_as_next(m: &Mention) -> bool {
    !m.evidence.is_empty()
        && m.evidence.iter().all(|e| {
            e.before_trigger()
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case("next"))
        })
}

/// Could `a` and `b` describe one event? Undated mentions are handled by
/// the caller (they join only a unique candidate).
fn compatible(a: &Item, b: &Item, mode: Mode) -> bool {
    let (ma, mb) = (a.mention, b.mention);
    ma.kind.compatible(mb.kind)
        && !a.related.contains(&b.id)
        && !b.related.contains(&a.id)
        && same_parties(ma, mb, mode)
        && (mode == Mode::Store || same_footing(ma, mb))
        && places_compatible(&ma.place, &mb.place)
        && dates_compatible(a, b, mode)
        && topics_shared(ma, mb)
}

/// Whether two mentions tell of the same parties, in the same roles.
fn same_parties(ma: &Mention, mb: &Mention, mode: Mode) -> bool {
    let (aa, ab) = (ma.anchors(), mb.anchors());
    let summit = one_summit(ma, mb);
    let actors_ok = match mode {
        Mode::Article => {
            (subset(&aa, &ab) || subset(&ab, &aa)) && aa.iter().any(|x| ab.contains(x))
        }
        Mode::Store => aa == ab || summit,
    };
    if !actors_ok {
        return false;
    }
    // Two leaders at one summit are two people at one event.
    let (pa, pb) = (ma.persons(), mb.persons());
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) && !summit {
        return false;
    }
    // A summit is of leaders; a meeting of others is another event.
    let summit_vs_other = |x: &Mention, y: &Mention| {
        x.kind == EventKind::Summit
            && y.actors
                .iter()
                .any(|(_, e)| e.etype == EntityType::Person && !e.leader)
    };
    if !summit && (summit_vs_other(ma, mb) || summit_vs_other(mb, ma)) {
        return false;
    }
    // Talks between countries with no leader named are not the leaders' summit.
    let summit_vs_faceless = |x: &Mention, y: &Mention| {
        x.kind == EventKind::Summit
            && y.kind != EventKind::Summit
            && !y.actors.iter().any(|(_, e)| e.etype == EntityType::Person)
    };
    if summit_vs_faceless(ma, mb) || summit_vs_faceless(mb, ma) {
        return false;
    }
    // Who acts and who is acted upon must not be swapped.
    if !ma.kind.symmetric() {
        let side = |m: &Mention, r: Role| -> Vec<String> {
            m.actors
                .iter()
                .filter(|(x, _)| *x == r)
                .map(|(_, e)| e.anchor.clone())
                .collect()
        };
        let crossed = |x: &Mention, y: &Mention| {
            side(x, Role::Initiator)
                .iter()
                .any(|a| side(y, Role::Target).contains(a))
        };
        if crossed(ma, mb) || crossed(mb, ma) {
            return false;
        }
    }
    true
}

/// Within one article, what happened and what might happen are told
/// apart, and so are the gathering just held and the next one.
fn same_footing(ma: &Mention, mb: &Mention) -> bool {
    let hypothetical = |s: Status| matches!(s, Status::Possible | Status::Negated);
    let next_vs_held = |x: &Mention, y: &Mention| y.status == Status::Occurred && told_as_next(x);
    hypothetical(ma.status) == hypothetical(mb.status)
        && !next_vs_held(ma, mb)
        && !next_vs_held(mb, ma)
}

fn dates_compatible(a: &Item, b: &Item, mode: Mode) -> bool {
    let (ma, mb) = (a.mention, b.mention);
    match (&ma.date, &mb.date) {
        (Some(x), Some(y)) => x.overlaps(y),
        (None, Some(d)) | (Some(d), None) => {
            // A planned event cannot be one that lay wholly in the past of
            // the article announcing it, nor an occurred one in its future.
            let (undated, dated) = if ma.date.is_none() { (a, b) } else { (b, a) };
            // A plan dated in the past that its own sentence tells again
            // undated is a plan overtaken ("talks ... had been scheduled for
            // November this year, but the talks were put off").
            let overtaken = || {
                mode == Mode::Article
                    && dated.mention.status == Status::Planned
                    && dated.mention.evidence.iter().any(|x| {
                        undated
                            .mention
                            .evidence
                            .iter()
                            .any(|y| x.sentence_start == y.sentence_start)
                    })
            };
            match (undated.reference, undated.mention.status) {
                (Some(r), Status::Planned) => d.latest >= r || overtaken(),
                (Some(r), Status::Occurred) => d.earliest <= r,
                _ => true,
            }
        }
        (None, None) => true,
    }
}

/// Speech acts with topics must share a word of them.
fn topics_shared(ma: &Mention, mb: &Mention) -> bool {
    !ma.kind.speech_act()
        || ma.topic.is_empty()
        || mb.topic.is_empty()
        || ma.topic.iter().any(|w| mb.topic.contains(w))
}

/// Groups items into events; returns clusters of item indices. Items their
/// article related (`Item::related`) stay in different events.
pub(crate) fn cluster(items: &[Item], mode: Mode) -> Vec<Vec<usize>> {
    let order = merge_order(items);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // The common part of each cluster's date windows. Windows that overlap
    // pairwise share a common part (Helly's theorem in one dimension), so a
    // dated mention fits a cluster only if it overlaps that part: one
    // comparison rules out most clusters of a large block before the
    // member-by-member check.
    let mut common: Vec<Option<(NaiveDate, NaiveDate)>> = Vec::new();
    for &i in &order {
        let own = items[i]
            .mention
            .date
            .as_ref()
            .map(|d| (d.earliest, d.latest));
        let fits = |c: usize| {
            let may = match (own, common[c]) {
                (Some((e, l)), Some((ce, cl))) => e <= cl && ce <= l,
                _ => true,
            };
            may && clusters[c]
                .iter()
                .all(|&j| compatible(&items[i], &items[j], mode))
        };
        let join = |clusters: &mut Vec<Vec<usize>>,
                    common: &mut Vec<Option<(NaiveDate, NaiveDate)>>,
                    chosen: Option<usize>| match chosen {
            Some(c) => {
                clusters[c].push(i);
                common[c] = match (common[c], own) {
                    (Some((ce, cl)), Some((e, l))) => Some((ce.max(e), cl.min(l))),
                    (None, w) | (w, None) => w,
                };
            }
            None => {
                clusters.push(vec![i]);
                common.push(own);
            }
        };
        // Across articles a dated mention joins the first event it fits:
        // stop at the first.
        if mode == Mode::Store && own.is_some() {
            let chosen = (0..clusters.len()).find(|&c| fits(c));
            join(&mut clusters, &mut common, chosen);
            continue;
        }
        let candidates: Vec<usize> = (0..clusters.len()).filter(|&c| fits(c)).collect();
        // Within an article, a compatible mention of the same sentence is
        // the strongest evidence of identity.
        let same_sentence: Vec<usize> = if mode == Mode::Article {
            same_sentence(items, i, &candidates, &clusters)
        } else {
            Vec::new()
        };
        let chosen = if same_sentence.len() == 1 {
            Some(same_sentence[0])
        } else if items[i].mention.date.is_some() {
            candidates.first().copied()
        } else if candidates.len() == 1 {
            Some(candidates[0])
        } else {
            undated_choice(&items[i], &candidates, &clusters, items)
        };
        // A vague "talks" that fits several events of the article names
        // none of them for sure: it adds nothing but doubt.
        // So does an undated mention that fits several dated events of the
        // article ("the summit", after the first, second and third summits
        // were told with their years) and names the people of none of them
        // alone: a retelling of one of them.
        let dated = |c: usize| is_dated(&clusters[c], items);
        let retelling =
            candidates.iter().filter(|&&c| dated(c)).count() > 1 && !chosen.is_some_and(dated);
        if same_sentence.len() != 1
            && items[i].mention.date.is_none()
            && mode == Mode::Article
            && candidates.len() > 1
            && (items[i].mention.kind == EventKind::Consultation || retelling)
        {
            continue;
        }
        join(&mut clusters, &mut common, chosen);
    }
    for c in &mut clusters {
        c.sort_by(|&x, &y| items[x].id.cmp(&items[y].id));
    }
    clusters.sort_by(|a, b| items[a[0]].id.cmp(&items[b[0]].id));
    clusters
}

/// The order mentions are clustered in: dated first, then the more
/// specific kind, the narrower window, the more actors, and the id.
fn merge_order(items: &[Item]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (items[x].mention, items[y].mention);
        let width = |m: &Mention| m.date.as_ref().map(DateWindow::days).unwrap_or(i64::MAX);
        (a.date.is_none())
            .cmp(&b.date.is_none())
            .then(b.kind.specificity().cmp(&a.kind.specificity()))
            .then(width(a).cmp(&width(b)))
            .then(b.actors.len().cmp(&a.actors.len()))
            .then(items[x].id.cmp(&items[y].id))
    });
    order
}

/// The candidate clusters holding a mention of item `i`'s sentences.
fn same_sentence(
    items: &[Item],
    i: usize,
    candidates: &[usize],
    clusters: &[Vec<usize>],
) -> Vec<usize> {
    let sents = |m: &Mention| {
        m.evidence
            .iter()
            .map(|e| e.sentence_start)
            .collect::<Vec<_>>()
    };
    let mine = sents(items[i].mention);
    candidates
        .iter()
        .copied()
        .filter(|&c| {
            clusters[c]
                .iter()
                .any(|&j| sents(items[j].mention).iter().any(|s| mine.contains(s)))
        })
        .collect()
}

/// Whether a cluster holds a dated mention.
fn is_dated(cluster: &[usize], items: &[Item]) -> bool {
    cluster.iter().any(|&j| items[j].mention.date.is_some())
}

/// Several events fit an undated mention: the one dated event among them if
/// there is exactly one (an undated group is only a remainder), else the
/// one with the same people, else the first undated group, else none
/// (keep it apart rather than guess).
fn undated_choice(
    item: &Item,
    candidates: &[usize],
    clusters: &[Vec<usize>],
    items: &[Item],
) -> Option<usize> {
    let (dated, undated): (Vec<usize>, Vec<usize>) = candidates
        .iter()
        .partition(|&&c| is_dated(&clusters[c], items));
    // Among several dated events, the one with the same people named.
    let mine = item.mention.persons();
    let same_people: Vec<usize> = dated
        .iter()
        .copied()
        .filter(|&c| {
            !mine.is_empty()
                && clusters[c]
                    .iter()
                    .any(|&j| items[j].mention.persons().iter().any(|p| mine.contains(p)))
        })
        .collect();
    // "NAFTA negotiators from the United States, Canada and Mexico met",
    // after a dated meeting of the United States and dated negotiations of
    // Canada and Mexico: of several dated meetings, the one sharing two or
    // more of its sides, when one shares the most (else it is a retelling
    // of one of them, and dropped by the caller). Not for other kinds:
    // "Israeli forces have also assassinated Hamas commander Mohammed Deif"
    // after Monday's strike on a Hamas camp is no part of it.
    if item.mention.kind.family() == "consult" && dated.len() > 1 {
        if let Some(c) = sharing_most(item, candidates, clusters, items) {
            return Some(c);
        }
    }
    match (dated.len(), undated.len()) {
        (1, _) => Some(dated[0]),
        _ if same_people.len() == 1 => Some(same_people[0]),
        // Undated retellings of an undated event (the same story from many
        // outlets) gather in the first such group.
        (_, n) if n >= 1 => Some(undated[0]),
        _ => None,
    }
}

/// The candidate event sharing two or more of `item`'s sides, when one
/// shares more than any other.
fn sharing_most(
    item: &Item,
    candidates: &[usize],
    clusters: &[Vec<usize>],
    items: &[Item],
) -> Option<usize> {
    let anchors = item.mention.anchors();
    let shared = |c: usize| {
        let mut theirs: Vec<String> = clusters[c]
            .iter()
            .flat_map(|&j| items[j].mention.anchors())
            .collect();
        theirs.sort();
        theirs.dedup();
        theirs.iter().filter(|a| anchors.contains(a)).count()
    };
    let mut ranked: Vec<(usize, usize)> = candidates.iter().map(|&c| (shared(c), c)).collect();
    ranked.sort_by_key(|x| std::cmp::Reverse(x.0));
    (ranked.len() > 1 && ranked[0].0 >= 2 && ranked[0].0 > ranked[1].0).then(|| ranked[0].1)
}

/// The most days between the reports of an undated event that still give
/// it their first day (a story and its follow-up the next morning).
const STORY_DAY_SPAN: i64 = 2;

/// A done event no telling dates is dated by its first report: the day
/// the earliest article was written, as the event data sets date every
/// event by its story (Phoenix, ICEWS, GDELT), and as a reader takes "The
/// embassy of the United States in Skopje welcomed the decision in a
/// statement" in a Saturday story. Marked
/// `PublicationFallback`, so a query can tell it from a date the text
/// gives; the mentions keep the text's (none). Planned, possible and
/// negated events have no day to fall back on; nor have tellings of a
/// preview, reports days apart, or a telling of the past
/// (`Mention::time_not_taken`).
pub(crate) fn story_day(members: &[&Item], event: &mut Mention) {
    let done = |s: Status| matches!(s, Status::Occurred | Status::Claimed);
    if event.date.is_some() || !done(event.status) {
        return;
    }
    // The tellings of it done: a preview of the event ("will visit India")
    // is no day it happened on.
    let told_done: Vec<&&Item> = members.iter().filter(|m| done(m.mention.status)).collect();
    // A telling whose sentence states a time the extractor did not attach
    // ("slain in the August 15, 1975 putsch") has a day of its own.
    if told_done.iter().any(|m| m.mention.time_not_taken) {
        return;
    }
    let days: Vec<NaiveDate> = told_done.iter().filter_map(|m| m.reference).collect();
    let (Some(&day), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    // Undated tellings reported weeks apart may be two events merged for
    // lack of dates; one day for them would only hide that.
    if (last - day).num_days() > STORY_DAY_SPAN {
        return;
    }
    event.date = Some(DateWindow::story_day(day));
}

/// What the merged event says: the most specific kind, every actor (a
/// named role beats plain participation), the narrowest consistent date,
/// the most specific place and, across articles, the status of the latest
/// report (within one article, the most definite).
pub(crate) fn combine(members: &[&Item], mode: Mode) -> Mention {
    let first = members[0].mention;
    let mut kind = first.kind;
    for m in members {
        if m.mention.kind.specificity() > kind.specificity() {
            kind = m.mention.kind;
        }
    }
    let actors = combined_actors(members, kind);
    let date = combined_date(members);
    let mut place: Option<EntityRef> = None;
    for m in members {
        if let Some(p) = &m.mention.place {
            if place.as_ref().is_none_or(|cur| {
                cur.etype == EntityType::Country && p.etype != EntityType::Country
            }) {
                place = Some(p.clone());
            }
        }
    }
    let status_member = status_member(members, mode);
    let mut topic: Vec<String> = Vec::new();
    let mut evidence = Vec::new();
    for m in members {
        for w in &m.mention.topic {
            if !topic.contains(w) {
                topic.push(w.clone());
            }
        }
        evidence.extend(m.mention.evidence.iter().cloned());
    }
    evidence.sort_by_key(|e| e.start);
    evidence.dedup_by_key(|e| e.start);
    let time_not_taken = date.is_none() && members.iter().any(|m| m.mention.time_not_taken);
    Mention {
        kind,
        actors,
        date,
        place,
        status: status_member.mention.status,
        claimed_by: members.iter().find_map(|m| m.mention.claimed_by.clone()),
        attack_mode: members.iter().find_map(|m| m.mention.attack_mode.clone()),
        topic,
        time_not_taken,
        evidence,
    }
}

/// Every member's actors once; a role other than participant wins, and a
/// symmetric kind makes all participants.
fn combined_actors(members: &[&Item], kind: EventKind) -> Vec<(Role, EntityRef)> {
    let mut actors: Vec<(Role, EntityRef)> = Vec::new();
    for m in members {
        for (r, e) in &m.mention.actors {
            match actors.iter_mut().find(|(_, x)| x.iri == e.iri) {
                Some(slot) => {
                    if slot.0 == Role::Participant && *r != Role::Participant {
                        slot.0 = *r;
                    }
                }
                None => actors.push((*r, e.clone())),
            }
        }
    }
    if kind.symmetric() {
        for a in &mut actors {
            a.0 = Role::Participant;
        }
    }
    actors
}

/// The common part of the members' date windows, described as the
/// narrower one; a window that does not overlap is left out.
fn combined_date(members: &[&Item]) -> Option<DateWindow> {
    let mut date: Option<DateWindow> = None;
    for m in members {
        if let Some(d) = &m.mention.date {
            date = Some(match date {
                None => d.clone(),
                Some(cur) => {
                    let (e, l) = (cur.earliest.max(d.earliest), cur.latest.min(d.latest));
                    if e <= l {
                        if d.days() < cur.days() {
                            DateWindow {
                                earliest: e,
                                latest: l,
                                ..d.clone()
                            }
                        } else {
                            DateWindow {
                                earliest: e,
                                latest: l,
                                ..cur
                            }
                        }
                    } else {
                        cur
                    }
                }
            });
        }
    }
    date
}

/// The member whose status the event takes.
fn status_member<'a>(members: &[&'a Item<'a>], mode: Mode) -> &'a Item<'a> {
    let chosen = match mode {
        // One article, one time of writing: the status most of its
        // mentions give, the more definite on a tie.
        Mode::Article => members
            .iter()
            .max_by_key(|m| {
                let votes = members
                    .iter()
                    .filter(|x| x.mention.status == m.mention.status)
                    .count();
                (votes, m.mention.status.definiteness())
            })
            .copied(),
        Mode::Store => members
            .iter()
            .max_by(|a, b| {
                a.reference.cmp(&b.reference).then(
                    a.mention
                        .status
                        .definiteness()
                        .cmp(&b.mention.status.definiteness()),
                )
            })
            .copied(),
    };
    chosen.unwrap_or(members[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateMethod, EventKind};

    fn actor(q: &str, person: bool, anchor: &str) -> EntityRef {
        EntityRef {
            iri: format!("e:{q}"),
            label: q.into(),
            etype: if person {
                EntityType::Person
            } else {
                EntityType::Country
            },
            qid: None,
            anchor: format!("e:{anchor}"),
            leader: person,
            located_in: None,
        }
    }
    fn day(s: &str) -> DateWindow {
        let d: NaiveDate = s.parse().unwrap();
        DateWindow {
            earliest: d,
            latest: d,
            value: s.into(),
            granularity: "Day".into(),
            method: DateMethod::Explicit,
            text: s.into(),
        }
    }
    fn m(kind: EventKind, actors: Vec<EntityRef>, date: Option<&str>, status: Status) -> Mention {
        Mention {
            kind,
            actors: actors.into_iter().map(|a| (Role::Participant, a)).collect(),
            date: date.map(day),
            place: None,
            status,
            claimed_by: None,
            attack_mode: None,
            topic: vec![],
            time_not_taken: false,
            evidence: vec![],
        }
    }

    #[test]
    fn partial_mentions_in_one_article_merge_and_order_does_not_matter() {
        let trump = actor("trump", true, "us");
        let putin = actor("putin", true, "ru");
        let ms = [
            m(
                EventKind::PhoneCall,
                vec![trump.clone(), putin.clone()],
                None,
                Status::Occurred,
            ),
            m(
                EventKind::PhoneCall,
                vec![trump.clone()],
                Some("2025-10-16"),
                Status::Occurred,
            ),
            m(
                EventKind::Consultation,
                vec![trump.clone(), putin.clone()],
                None,
                Status::Occurred,
            ),
            m(
                EventKind::Summit,
                vec![trump.clone(), putin.clone()],
                None,
                Status::Planned,
            ),
        ];
        let r: NaiveDate = "2025-10-16".parse().unwrap();
        let items: Vec<Item> = ms
            .iter()
            .enumerate()
            .map(|(i, x)| Item {
                mention: x,
                reference: Some(r),
                id: format!("{i}"),
                related: &[],
            })
            .collect();
        let c = cluster(&items, Mode::Article);
        // The call (two mentions) and the summit; the undated summit does
        // not join the dated call, and the vague "talks" that fits both
        // is dropped rather than guessed.
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c.iter().map(Vec::len).sum::<usize>(), 3);
        let mut reversed = items.clone();
        reversed.reverse();
        let c2 = cluster(&reversed, Mode::Article);
        assert_eq!(c2.len(), 2);
        let call: Vec<&Item> = c
            .iter()
            .find(|c| c.len() == 2)
            .unwrap()
            .iter()
            .map(|&i| &items[i])
            .collect();
        let merged = combine(&call, Mode::Article);
        assert_eq!(merged.kind, EventKind::PhoneCall);
        assert_eq!(merged.actors.len(), 2);
        assert_eq!(merged.date.unwrap().earliest, r);
    }

    #[test]
    fn an_undated_retelling_of_one_of_several_dated_events_is_dropped() {
        let oas = actor("oas", false, "oas");
        let ms = [
            m(
                EventKind::Summit,
                vec![oas.clone()],
                Some("1998-04-15"),
                Status::Occurred,
            ),
            m(
                EventKind::Summit,
                vec![oas.clone()],
                Some("2001-04-20"),
                Status::Occurred,
            ),
            m(EventKind::Summit, vec![oas.clone()], None, Status::Occurred),
        ];
        let items: Vec<Item> = ms
            .iter()
            .enumerate()
            .map(|(i, x)| Item {
                mention: x,
                reference: "2005-11-04".parse().ok(),
                id: format!("{i}"),
                related: &[],
            })
            .collect();
        let c = cluster(&items, Mode::Article);
        assert_eq!(c, vec![vec![0], vec![1]]);
        // Across articles nothing is dropped.
        assert_eq!(cluster(&items, Mode::Store).len(), 3);
    }

    #[test]
    fn different_days_and_places_stay_apart() {
        let a = actor("ru", false, "ru");
        let b = actor("ua", false, "ua");
        let x = m(
            EventKind::Attack,
            vec![a.clone(), b.clone()],
            Some("2025-10-16"),
            Status::Occurred,
        );
        let y = m(
            EventKind::Attack,
            vec![a, b],
            Some("2025-10-17"),
            Status::Occurred,
        );
        let items = [
            Item {
                mention: &x,
                reference: None,
                id: "1".into(),
                related: &[],
            },
            Item {
                mention: &y,
                reference: None,
                id: "2".into(),
                related: &[],
            },
        ];
        assert_eq!(cluster(&items, Mode::Store).len(), 2);
    }

    #[test]
    fn one_summit_of_a_body_told_from_two_leaders_sides_is_one_event() {
        let apec = EntityRef {
            etype: EntityType::Organisation,
            ..actor("apec", false, "apec")
        };
        let hu = actor("hu", true, "cn");
        let bush = actor("bush", true, "us");
        let summit = |who: &EntityRef, date: Option<&str>| {
            m(
                EventKind::Summit,
                vec![apec.clone(), who.clone()],
                date,
                Status::Planned,
            )
        };
        let (a, b) = (
            summit(&hu, Some("2006-11-18")),
            summit(&bush, Some("2006-11-18")),
        );
        assert_eq!(a.block_key(), b.block_key());
        fn items<'a>(x: &'a Mention, y: &'a Mention) -> Vec<Item<'a>> {
            [x, y]
                .into_iter()
                .enumerate()
                .map(|(i, mention)| Item {
                    mention,
                    reference: "2006-11-17".parse().ok(),
                    id: format!("{i}"),
                    related: &[],
                })
                .collect()
        }
        assert_eq!(cluster(&items(&a, &b), Mode::Store).len(), 1);
        // Another year's summit of the body, or an undated telling, is not
        // the same summit by the body alone.
        let later = summit(&bush, Some("2007-09-08"));
        assert_eq!(cluster(&items(&a, &later), Mode::Store).len(), 2);
        let undated = summit(&bush, None);
        assert_eq!(cluster(&items(&a, &undated), Mode::Store).len(), 2);
        // Nor one dated only to its week (the body's other summit that week),
        // nor a leader's absence from it.
        let mut week = summit(&bush, Some("2006-11-18"));
        if let Some(d) = week.date.as_mut() {
            d.earliest = "2006-11-13".parse().unwrap();
            d.latest = "2006-11-19".parse().unwrap();
        }
        assert_eq!(cluster(&items(&a, &week), Mode::Store).len(), 2);
        let mut absent = summit(&bush, Some("2006-11-18"));
        absent.status = Status::Negated;
        assert_eq!(cluster(&items(&a, &absent), Mode::Store).len(), 2);
        // A meeting of the two leaders is no summit of the body.
        let talks = m(
            EventKind::Meeting,
            vec![hu.clone(), bush.clone()],
            Some("2006-11-18"),
            Status::Planned,
        );
        assert_ne!(a.block_key(), talks.block_key());
    }

    #[test]
    fn latest_report_decides_status_across_articles() {
        let a = actor("trump", true, "us");
        let b = actor("putin", true, "ru");
        let planned = m(
            EventKind::Summit,
            vec![a.clone(), b.clone()],
            Some("2025-10-20"),
            Status::Planned,
        );
        let held = m(
            EventKind::Summit,
            vec![a, b],
            Some("2025-10-20"),
            Status::Occurred,
        );
        let items = [
            Item {
                mention: &held,
                reference: "2025-10-21".parse().ok(),
                id: "b".into(),
                related: &[],
            },
            Item {
                mention: &planned,
                reference: "2025-10-10".parse().ok(),
                id: "a".into(),
                related: &[],
            },
        ];
        let c = cluster(&items, Mode::Store);
        assert_eq!(c.len(), 1);
        let members: Vec<&Item> = c[0].iter().map(|&i| &items[i]).collect();
        assert_eq!(combine(&members, Mode::Store).status, Status::Occurred);
    }

    #[test]
    fn a_done_event_no_telling_dates_takes_its_first_report_s_day() {
        fn item<'a>(m: &'a Mention, day: &str, id: &str) -> Item<'a> {
            Item {
                mention: m,
                reference: day.parse().ok(),
                id: id.into(),
                related: &[],
            }
        }
        fn derived(items: &[Item]) -> Option<DateWindow> {
            let members: Vec<&Item> = items.iter().collect();
            let mut event = combine(&members, Mode::Store);
            story_day(&members, &mut event);
            event.date
        }
        let (a, b) = (actor("abul gheit", true, "eg"), actor("un", false, "un"));
        let parties = vec![a, b];
        let welcomed = m(
            EventKind::Statement,
            parties.clone(),
            None,
            Status::Occurred,
        );
        let d = derived(&[
            item(&welcomed, "2006-11-19", "b"),
            item(&welcomed, "2006-11-18", "a"),
        ])
        .expect("dated by its first report");
        assert_eq!(
            (d.earliest, d.latest),
            (day("2006-11-18").earliest, day("2006-11-18").latest)
        );
        assert_eq!(d.method, DateMethod::PublicationFallback);
        // A date a telling gives stays; a planned event has no day to take.
        let dated = m(
            EventKind::Statement,
            parties.clone(),
            Some("2006-11-17"),
            Status::Occurred,
        );
        let d = derived(&[item(&dated, "2006-11-18", "c")]).expect("its own date");
        assert_eq!(d.method, DateMethod::Explicit);
        let planned = m(EventKind::Summit, parties.clone(), None, Status::Planned);
        assert!(derived(&[item(&planned, "2006-11-18", "d")]).is_none());
        // A preview ("will visit") is no day the event happened on.
        let d = derived(&[
            item(&planned, "2006-11-01", "e"),
            item(&welcomed, "2006-11-22", "f"),
        ])
        .expect("dated by its first report of it done");
        assert_eq!(d.earliest, day("2006-11-22").earliest);
        // Reports weeks apart, or a telling with a time of its own: no day.
        assert!(derived(&[
            item(&welcomed, "2006-11-01", "g"),
            item(&welcomed, "2006-11-22", "h")
        ])
        .is_none());
        let mut past = m(EventKind::Statement, parties, None, Status::Occurred);
        past.time_not_taken = true;
        assert!(derived(&[
            item(&past, "2006-11-18", "i"),
            item(&welcomed, "2006-11-18", "j")
        ])
        .is_none());
    }
}
