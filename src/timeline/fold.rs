//! Folding: past [`Options::fold_threshold`] events, events of the same
//! kind, date window and actors become one node ("Russia → Ukraine attack
//! ×7"). If that still leaves more than the threshold, the biggest clusters
//! are merged further, level by level: same week, same month (with the same
//! actors, then the same initiator, then any actors), up to the same year.
//! Sparse events stay unfolded.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::axis::{bucket, Unit};
use super::model::{window, Lanes, Options, TimelineEvent};

/// How much of the actor list is part of the fold key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ActorKey {
    All,
    Initiator,
    Any,
}

impl ActorKey {
    fn describe(self) -> &'static str {
        match self {
            ActorKey::All => "and actors",
            ActorKey::Initiator => "and initiator",
            ActorKey::Any => "(any actors)",
        }
    }
}

/// A fold level: the time bucket and how much of the actors must agree.
pub(super) type Level = (Unit, ActorKey);

/// Undated last, then the bucket, the kind's name and the actors: the key's
/// order decides which clusters are merged first on ties, so it is kept on
/// names rather than on the enum's declaration order.
type FoldKey = (
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
    &'static str,
    Vec<String>,
);

/// Groups of event indices (sorted `events` in, each group sorted) and the
/// level each group was folded at (`None`: a single event). Notes say how
/// far folding went.
pub(super) fn group(
    events: &[TimelineEvent],
    opts: &Options,
    notes: &mut Vec<String>,
) -> (Vec<Vec<usize>>, Vec<Option<Level>>) {
    let threshold = opts.fold_threshold.max(1);
    if events.len() <= threshold {
        return (
            (0..events.len()).map(|i| vec![i]).collect(),
            vec![None; events.len()],
        );
    }
    fold_progressively(events, &levels(opts.lanes), threshold, notes)
}

/// From least to most lossy; the first level that fits is used. With actor
/// lanes, folds keep their initiator (and so their lane) as long as
/// possible.
fn levels(lanes: Lanes) -> Vec<Level> {
    let mut levels: Vec<Level> = vec![
        (Unit::Day, ActorKey::All),
        (Unit::Week, ActorKey::All),
        (Unit::Month, ActorKey::All),
        (Unit::Week, ActorKey::Initiator),
        (Unit::Month, ActorKey::Initiator),
        (Unit::Month, ActorKey::Any),
        (Unit::Year, ActorKey::Initiator),
        (Unit::Year, ActorKey::Any),
    ];
    if lanes == Lanes::Actor {
        levels.swap(5, 6);
    }
    levels
}

fn fold_key(e: &TimelineEvent, unit: Unit, actor_key: ActorKey) -> FoldKey {
    let w = window(e.earliest, e.latest);
    let (a, b) = match (w, unit) {
        (None, _) => (None, None),
        (Some((lo, hi)), Unit::Day) => (Some(lo), Some(hi)),
        (Some((lo, _)), u) => (Some(bucket(lo, u)), None),
    };
    let actors = match actor_key {
        ActorKey::All => e.actors.clone(),
        ActorKey::Initiator => e.actors.iter().take(1).cloned().collect(),
        ActorKey::Any => Vec::new(),
    };
    (w.is_none(), a, b, e.kind.name(), actors)
}

type Groups = Vec<(Vec<usize>, Option<Level>)>;

/// Folds as little as needed: the exact (kind, date window, actors) fold
/// first; then, level by level, the biggest clusters at the next coarser
/// level are merged first, until at most `threshold` nodes remain.
fn fold_progressively(
    events: &[TimelineEvent],
    levels: &[Level],
    threshold: usize,
    notes: &mut Vec<String>,
) -> (Vec<Vec<usize>>, Vec<Option<Level>>) {
    let first = levels[0];
    let mut groups = exact_groups(events, first);
    let mut used: Vec<Level> = vec![first];
    for &level in &levels[1..] {
        if groups.len() <= threshold {
            break;
        }
        let merged_into = biggest_clusters(events, &groups, level, threshold);
        if !merged_into.is_empty() {
            groups = merge(groups, &merged_into, level);
            used.push(level);
        }
    }
    let coarsest = used.last().copied().unwrap_or(first);
    let unit = if coarsest.0 == Unit::Day {
        "date"
    } else {
        coarsest.0.name()
    };
    notes.push(format!(
        "{} events folded into {} nodes: same kind merged by date and actors first, then the biggest clusters, up to same {unit} {}",
        events.len(),
        groups.len(),
        coarsest.1.describe()
    ));
    if groups.len() > threshold {
        notes.push(format!(
            "still more than {threshold} nodes after the coarsest fold"
        ));
    }
    groups
        .into_iter()
        .map(|(mut g, l)| {
            g.sort_unstable();
            (g, l)
        })
        .unzip()
}

/// The first level's groups: every event with its exact twins.
fn exact_groups(events: &[TimelineEvent], first: Level) -> Groups {
    let mut exact: BTreeMap<FoldKey, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        exact
            .entry(fold_key(e, first.0, first.1))
            .or_default()
            .push(i);
    }
    exact
        .into_values()
        .map(|g| {
            let lvl = (g.len() > 1).then_some(first);
            (g, lvl)
        })
        .collect()
}

/// Which groups merge into which at `level`: the biggest clusters first,
/// until the threshold is met. Empty when nothing at this level merges.
fn biggest_clusters(
    events: &[TimelineEvent],
    groups: &Groups,
    level: Level,
    threshold: usize,
) -> HashMap<usize, usize> {
    // Coarse key of each current group = key of its first member.
    let mut coarse: BTreeMap<FoldKey, Vec<usize>> = BTreeMap::new();
    for (gi, (g, _)) in groups.iter().enumerate() {
        coarse
            .entry(fold_key(&events[g[0]], level.0, level.1))
            .or_default()
            .push(gi);
    }
    let mut clusters: Vec<Vec<usize>> = coarse.into_values().filter(|c| c.len() > 1).collect();
    // Biggest clusters first (stable: BTreeMap order breaks ties).
    clusters.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let mut n = groups.len();
    let mut merged_into: HashMap<usize, usize> = HashMap::new();
    for c in clusters {
        if n <= threshold {
            break;
        }
        n -= c.len() - 1;
        for &gi in &c[1..] {
            merged_into.insert(gi, c[0]);
        }
    }
    merged_into
}

/// Each group of `merged_into` joins its target, which keeps its place.
fn merge(groups: Groups, merged_into: &HashMap<usize, usize>, level: Level) -> Groups {
    let mut next: Groups = Vec::with_capacity(groups.len() - merged_into.len());
    let mut slot_of: HashMap<usize, usize> = HashMap::new();
    for (gi, (g, lvl)) in groups.into_iter().enumerate() {
        match merged_into.get(&gi) {
            Some(target) => {
                let s = slot_of[target];
                next[s].0.extend(g);
                next[s].1 = Some(level);
            }
            None => {
                slot_of.insert(gi, next.len());
                next.push((g, lvl));
            }
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{d, ev, synthetic};
    use super::super::{Options, Timeline};

    #[test]
    fn folding_and_notes() {
        let mut evs = Vec::new();
        for i in 0..40 {
            evs.push(ev(
                &format!("a{i}"),
                "Attack",
                &["Russia", "Ukraine"],
                Some(d(2025, 10, 16)),
                Some(d(2025, 10, 16)),
                "Occurred",
            ));
        }
        for i in 0..5 {
            evs.push(ev(
                &format!("b{i}"),
                "Attack",
                &["Ukraine", "Russia"],
                Some(d(2025, 10, 16)),
                Some(d(2025, 10, 16)),
                "Occurred",
            ));
        }
        let opts = Options {
            fold_threshold: 10,
            ..Default::default()
        };
        let t = Timeline::build(evs.clone(), vec![], &opts);
        assert_eq!(t.node_count(), 2);
        let f = t.folded();
        assert_eq!(f.len(), 2);
        assert_eq!(f.iter().map(|n| n.count).sum::<usize>(), 45);
        assert!(f.iter().any(|n| n.count == 40
            && n.actors == ["Russia", "Ukraine"]
            && n.day == Some(d(2025, 10, 16))));
        assert!(t.to_svg().contains("Russia → Ukraine attack ×40"));
        // Under the threshold nothing is folded.
        let t = Timeline::build(evs, vec![], &Options::default());
        assert!(t.folded().is_empty());
        assert_eq!(t.node_count(), 45);
    }

    #[test]
    fn thousand_events_escalate_folding() {
        let evs = synthetic(1000, 7);
        let t = Timeline::build(evs, vec![], &Options::default());
        assert!(t.node_count() <= 150, "{}", t.node_count());
        assert!(!t.notes().is_empty());
        roxmltree::Document::parse(&t.to_svg()).unwrap();
        graphviz_rust::parse(&t.to_dot()).unwrap();
    }
}
