//! Building the model from events and relations, in stages: sort and drop
//! duplicate ids, fold (see `fold`), make one drawn item per group, put the
//! items in canonical order, assign lanes, collect publication dates, fit
//! the axis and reduce the relations.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::axis::{bucket, fit_axis, Unit};
use super::fold::{self, ActorKey, Level};
use super::label::make_label;
use super::model::{
    window, FoldNote, Item, ItemStatus, Lanes, Options, Relation, Source, Timeline, TimelineEvent,
    OTHER,
};
use super::relations::{reduce_relations, MAX_LINKS};

impl Timeline {
    /// Builds the model: sorts, folds (past `fold_threshold`), assigns lanes,
    /// computes the compressed axis and the reduced relation graph.
    pub fn build(
        mut events: Vec<TimelineEvent>,
        relations: Vec<Relation>,
        opts: &Options,
    ) -> Timeline {
        events.sort_by_key(sort_key);
        // Drop exact duplicate ids (keep the first in sort order).
        let mut seen = BTreeSet::new();
        events.retain(|e| seen.insert(e.id.clone()));

        let mut notes = Vec::new();
        let (groups, group_level) = fold::group(&events, opts, &mut notes);
        let mut items = Vec::with_capacity(groups.len());
        let mut folded = Vec::new();
        for (g, level) in groups.iter().zip(group_level) {
            let dom = format!("ev-{}", items.len());
            let (item, note) = make_item(&events, g, level, dom);
            items.push(item);
            folded.extend(note);
        }
        order_items(&mut items, &mut folded);
        let lanes = assign_lanes(&mut items, opts);
        let pubs = publications(&items);
        let axis = fit_axis(&items, &pubs);
        let (links, dropped) = reduce_relations(&items, &relations);
        if dropped > 0 {
            notes.push(format!(
                "{dropped} relation{} not drawn: only the {MAX_LINKS} strongest are shown",
                if dropped == 1 { "" } else { "s" }
            ));
        }
        if links.iter().any(|l| l.cyclic) {
            notes.push("relations contain a cycle; cycle-closing edges drawn in red".into());
        }
        Timeline {
            items,
            links,
            axis,
            lanes,
            folded,
            notes,
            pubs,
            opts: opts.clone(),
        }
    }
}

/// Dated before undated, then by window, kind name and id.
fn sort_key(e: &TimelineEvent) -> (bool, Option<(NaiveDate, NaiveDate)>, &'static str, String) {
    let w = window(e.earliest, e.latest);
    (w.is_none(), w, e.kind.name(), e.id.clone())
}

/// The drawn item of one group of events (indices into `events`, the first
/// standing for the group), and what was folded if it is more than one.
fn make_item(
    events: &[TimelineEvent],
    g: &[usize],
    level: Option<Level>,
    dom: String,
) -> (Item, Option<FoldNote>) {
    let first = &events[g[0]];
    let members = || g.iter().map(|&i| &events[i]);
    let mut status_counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut lo: Option<NaiveDate> = None;
    let mut hi: Option<NaiveDate> = None;
    let mut evidence = Vec::new();
    let mut sources: BTreeSet<Source> = BTreeSet::new();
    let mut places: BTreeSet<String> = BTreeSet::new();
    for e in members() {
        *status_counts.entry(e.status.name()).or_default() += 1;
        if let Some((a, b)) = window(e.earliest, e.latest) {
            lo = Some(lo.map_or(a, |x| x.min(a)));
            hi = Some(hi.map_or(b, |x| x.max(b)));
        }
        if let Some(ev) = &e.evidence {
            if evidence.len() < 3 && !ev.trim().is_empty() {
                evidence.push(ev.clone());
            }
        }
        sources.extend(e.sources.iter().cloned());
        places.insert(e.place.clone().unwrap_or_default());
    }
    let status = if status_counts.len() == 1 {
        ItemStatus::One(first.status)
    } else {
        ItemStatus::Mixed
    };
    let place = if places.len() == 1 {
        places.into_iter().next().filter(|p| !p.is_empty())
    } else {
        None
    };
    // Actors were not in the key: most frequent first.
    let by_frequency = g.len() > 1 && !level.is_some_and(|l| l.1 == ActorKey::All);
    let actors = union_of_actors(members(), by_frequency);
    // A fold across different actors must not claim a direction between
    // them: keep only what all members share.
    let shared: Vec<String> = if members().all(|e| e.actors == first.actors) {
        first.actors.clone()
    } else if members().all(|e| e.actors.first() == first.actors.first()) {
        first.actors.iter().take(1).cloned().collect()
    } else {
        Vec::new()
    };
    let label = make_label(first.kind, &shared, place.as_deref(), g.len());
    let note = (g.len() > 1).then(|| FoldNote {
        kind: first.kind,
        day: lo.map(|d| match level {
            Some((u, _)) => bucket(d, u),
            None => d,
        }),
        unit: level.map_or(Unit::Day, |l| l.0),
        actors: actors.clone(),
        count: g.len(),
        node: dom.clone(),
    });
    let item = Item {
        dom,
        ids: members().map(|e| e.id.clone()).collect(),
        kind: first.kind,
        actors,
        shared,
        earliest: lo,
        latest: hi,
        by_report: lo.is_some() && members().all(|e| e.dated_by_report),
        status,
        status_counts,
        place,
        evidence,
        sources: sources.into_iter().collect(),
        count: g.len(),
        label,
        lanes: Vec::new(),
    };
    (item, note)
}

/// Every member's actors once, in order of appearance or, with
/// `by_frequency`, most frequent first (ties by name).
fn union_of_actors<'a>(
    members: impl Iterator<Item = &'a TimelineEvent>,
    by_frequency: bool,
) -> Vec<String> {
    let mut actors: Vec<String> = Vec::new();
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for e in members {
        for a in &e.actors {
            *freq.entry(a.as_str()).or_default() += 1;
            if !actors.contains(a) {
                actors.push(a.clone());
            }
        }
    }
    if by_frequency {
        actors.sort_by(|a, b| {
            freq[b.as_str()]
                .cmp(&freq[a.as_str()])
                .then_with(|| a.cmp(b))
        });
    }
    actors
}

/// Groups come out of the fold keyed by date first; items are re-sorted to
/// the canonical order and their DOM ids renumbered (fold notes follow).
fn order_items(items: &mut [Item], folded: &mut [FoldNote]) {
    items.sort_by(|a, b| {
        (a.dated().is_none(), a.dated(), a.kind.name(), &a.ids[0]).cmp(&(
            b.dated().is_none(),
            b.dated(),
            b.kind.name(),
            &b.ids[0],
        ))
    });
    let mut renum: HashMap<String, String> = HashMap::new();
    for (i, it) in items.iter_mut().enumerate() {
        let new = format!("ev-{i}");
        renum.insert(it.dom.clone(), new.clone());
        it.dom = new;
    }
    for f in folded.iter_mut() {
        if let Some(n) = renum.get(&f.node) {
            f.node = n.clone();
        }
    }
    folded.sort_by(|a, b| (a.day, a.kind.name(), &a.node).cmp(&(b.day, b.kind.name(), &b.node)));
}

/// Lane names in drawing order; each dated item gets its lane indices,
/// primary first. Past `max_lanes`, the least busy lanes share "Other".
fn assign_lanes(items: &mut [Item], opts: &Options) -> Vec<String> {
    if opts.lanes == Lanes::None {
        for it in items.iter_mut() {
            if it.dated().is_some() {
                it.lanes = vec![0];
            }
        }
        return vec![String::new()];
    }
    let key_of = |it: &Item| -> Vec<String> {
        match opts.lanes {
            Lanes::None => vec![String::new()],
            // Folds across actors go to their most frequent actor only.
            Lanes::Actor if it.shared.is_empty() => it.actors.iter().take(1).cloned().collect(),
            Lanes::Actor => it.shared.clone(),
            Lanes::Kind => vec![it.kind.name().to_string()],
        }
    };
    let mut freq: BTreeMap<String, usize> = BTreeMap::new();
    for it in items.iter().filter(|i| i.dated().is_some()) {
        for k in key_of(it) {
            *freq.entry(k).or_default() += it.count;
        }
    }
    let mut ranked: Vec<(String, usize)> = freq.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = opts.max_lanes.max(1);
    let mut names: Vec<String> = ranked.iter().take(max).map(|r| r.0.clone()).collect();
    let mut need_other = ranked.len() > max;
    let index: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i))
        .collect();
    let other = names.len();
    for it in items.iter_mut().filter(|i| i.dated().is_some()) {
        let mut l: Vec<usize> = Vec::new();
        for k in key_of(it) {
            let i = index.get(&k).copied().unwrap_or(other);
            need_other |= i == other;
            if !l.contains(&i) {
                l.push(i);
            }
        }
        if l.is_empty() {
            need_other = true;
            l.push(other);
        }
        it.lanes = l;
    }
    if need_other {
        names.push(OTHER.to_string());
    }
    names
}

/// Each source article's publication date once, in date order.
fn publications(items: &[Item]) -> Vec<(NaiveDate, Source)> {
    let mut pubs: Vec<(NaiveDate, Source)> = Vec::new();
    let mut seen = BTreeSet::new();
    for s in items.iter().flat_map(|it| &it.sources) {
        if let Some(d) = s.published {
            if seen.insert((d, s.title.clone(), s.url.clone())) {
                pubs.push((d, s.clone()));
            }
        }
    }
    pubs.sort();
    pubs
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{d, ev, seeds};
    use super::*;

    #[test]
    fn deterministic() {
        let mut a = seeds();
        let b = seeds();
        a.reverse();
        let o = Options {
            lanes: Lanes::Actor,
            ..Default::default()
        };
        assert_eq!(
            Timeline::build(a.clone(), vec![], &o).to_svg(),
            Timeline::build(b.clone(), vec![], &o).to_svg()
        );
        assert_eq!(
            Timeline::build(a, vec![], &o).to_dot(),
            Timeline::build(b, vec![], &o).to_dot()
        );
    }

    #[test]
    fn many_lanes_go_to_other() {
        let evs: Vec<TimelineEvent> = (0..30)
            .map(|i| {
                ev(
                    &format!("e{i}"),
                    "Statement",
                    &[&format!("Actor {i:02}")],
                    Some(d(2025, 1, 1 + i as u32 % 28)),
                    None,
                    "Occurred",
                )
            })
            .collect();
        let t = Timeline::build(
            evs,
            vec![],
            &Options {
                lanes: Lanes::Actor,
                max_lanes: 5,
                ..Default::default()
            },
        );
        assert_eq!(t.lane_names().len(), 6);
        assert_eq!(t.lane_names()[5], "Other");
    }

    #[test]
    fn a_fold_of_mixed_statuses_says_so() {
        let mut evs: Vec<TimelineEvent> = (0..3)
            .map(|i| {
                let day = Some(d(2025, 3, 3));
                ev(
                    &format!("m{i}"),
                    "Meeting",
                    &["A", "B"],
                    day,
                    day,
                    "Occurred",
                )
            })
            .collect();
        evs[2].status = crate::model::Status::Planned;
        let t = Timeline::build(
            evs,
            vec![],
            &Options {
                fold_threshold: 1,
                ..Default::default()
            },
        );
        assert_eq!(t.node_count(), 1);
        assert_eq!(t.items[0].status, ItemStatus::Mixed);
        assert_eq!(
            t.items[0].status_counts.iter().collect::<Vec<_>>(),
            [(&"Occurred", &2), (&"Planned", &1)]
        );
        assert!(super::super::label::tooltip(&t.items[0]).contains("Mixed (Occurred 2, Planned 1)"));
    }
}
