//! The timeline's own types: what a caller hands in (events, relations,
//! options, a filter), the drawn items and links that [`Timeline::build`]
//! makes of them, and the finished [`Timeline`] both renderers read.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{EventKind, Status};

use super::axis::{Axis, Unit};
use super::label::{capitalize, humanize_kind};

/// One event as read from the knowledge graph.
#[derive(Debug, Clone)]
pub struct TimelineEvent {
    /// Event IRI, unique.
    pub id: String,
    /// The event's class.
    pub kind: EventKind,
    /// Actor labels, initiator first.
    pub actors: Vec<String>,
    /// Start of the inclusive date window.
    pub earliest: Option<NaiveDate>,
    /// End of the inclusive date window; `None`/`None` means undated.
    pub latest: Option<NaiveDate>,
    /// The window is the day of the event's first report, since no telling
    /// dates it (`evl:PublicationDateFallback`).
    pub dated_by_report: bool,
    /// What the sources say of its reality.
    pub status: Status,
    /// Where it happened, when known.
    pub place: Option<String>,
    /// One evidence sentence.
    pub evidence: Option<String>,
    /// Articles reporting the event.
    pub sources: Vec<Source>,
}

/// A source article.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// Headline.
    pub title: String,
    /// Link, when known.
    pub url: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
}

/// An event-to-event relation (`follows`, `agreedDuring`, `aheadOf`,
/// `inResponseTo`, `partOf`, `before`, ...).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relation {
    /// IRI of the source event.
    pub from: String,
    /// IRI of the target event.
    pub to: String,
    /// Local name of the relation.
    pub kind: String,
}

/// How events are grouped into horizontal (or vertical) bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lanes {
    /// One lane for all dated events.
    #[default]
    None,
    /// One lane per actor; an event with several actors is drawn in its
    /// initiator's lane with a connector to a small marker in the others.
    Actor,
    /// One lane per event kind.
    Kind,
}

/// Direction of the time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Orientation {
    /// Time runs left to right.
    #[default]
    LeftToRight,
    /// Time runs top to bottom.
    TopToBottom,
}

/// Drawing options.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Options {
    /// Lane grouping.
    pub lanes: Lanes,
    /// Axis direction.
    pub orientation: Orientation,
    /// Fold events once there are more than this many (default 150).
    pub fold_threshold: usize,
    /// Title drawn above the timeline.
    pub title: Option<String>,
    /// At most this many named lanes (default 12); the rest go to "Other".
    pub max_lanes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lanes: Lanes::None,
            orientation: Orientation::LeftToRight,
            fold_threshold: 150,
            title: None,
            max_lanes: 12,
        }
    }
}

/// Which events to keep; empty lists mean "all".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Actor label substrings, case-insensitive (any actor may match).
    pub actors: Vec<String>,
    /// Event kind names, case-insensitive.
    pub kinds: Vec<String>,
    /// Status names, case-insensitive.
    pub statuses: Vec<String>,
    /// Keep events whose window ends on or after this date.
    pub from: Option<NaiveDate>,
    /// Keep events whose window starts on or before this date.
    pub to: Option<NaiveDate>,
}

/// Keeps the events that match every non-empty criterion of `f`.
///
/// A date bound (`from`/`to`) keeps events whose window overlaps it; undated
/// events are dropped when a date bound is given, since they cannot be shown
/// to lie in the range.
pub fn filter(events: &[TimelineEvent], f: &Filter) -> Vec<TimelineEvent> {
    let actors: Vec<String> = f.actors.iter().map(|a| a.to_lowercase()).collect();
    let named = |names: &[String], name: &str| {
        names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(name))
    };
    events
        .iter()
        .filter(|e| {
            if !actors.is_empty()
                && !e.actors.iter().any(|a| {
                    let a = a.to_lowercase();
                    actors.iter().any(|q| a.contains(q.as_str()))
                })
            {
                return false;
            }
            if !named(&f.kinds, e.kind.name()) || !named(&f.statuses, e.status.name()) {
                return false;
            }
            if f.from.is_some() || f.to.is_some() {
                let Some((lo, hi)) = window(e.earliest, e.latest) else {
                    return false;
                };
                if f.from.is_some_and(|from| hi < from) || f.to.is_some_and(|to| lo > to) {
                    return false;
                }
            }
            true
        })
        .cloned()
        .collect()
}

/// An inclusive window from two optional ends; one end stands for both.
pub(super) fn window(e: Option<NaiveDate>, l: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    match (e, l) {
        (None, None) => None,
        (Some(a), None) | (None, Some(a)) => Some((a, a)),
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
    }
}

/// One folded node: what was merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldNote {
    /// Event kind.
    pub kind: EventKind,
    /// Start of the bucket (the shared `earliest` for day folds); `None` for undated.
    pub day: Option<NaiveDate>,
    /// Bucket unit used as the key.
    pub unit: Unit,
    /// Actors (the shared actors, or the union when actors were not part of the key).
    pub actors: Vec<String>,
    /// Number of events merged.
    pub count: usize,
    /// DOM/DOT id of the folded node.
    pub node: String,
}

/// What a drawn node says of its events' reality: their one status, or
/// `Mixed` when the members of a fold disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemStatus {
    One(Status),
    Mixed,
}

impl ItemStatus {
    pub(super) fn name(self) -> &'static str {
        match self {
            ItemStatus::One(s) => s.name(),
            ItemStatus::Mixed => "Mixed",
        }
    }
}

/// One drawn node: an event, or a fold of several.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) dom: String,
    pub(super) ids: Vec<String>,
    pub(super) kind: EventKind,
    /// All actors (for folds: the union, most frequent first when the
    /// actors were not part of the fold key).
    pub(super) actors: Vec<String>,
    /// Actors every member shares (used for the label and the lanes).
    pub(super) shared: Vec<String>,
    pub(super) earliest: Option<NaiveDate>,
    pub(super) latest: Option<NaiveDate>,
    /// Every member is dated only by its first report.
    pub(super) by_report: bool,
    pub(super) status: ItemStatus,
    /// Members per status name (names sort as the tooltip lists them).
    pub(super) status_counts: BTreeMap<&'static str, usize>,
    pub(super) place: Option<String>,
    pub(super) evidence: Vec<String>,
    pub(super) sources: Vec<Source>,
    pub(super) count: usize,
    pub(super) label: String,
    /// Lane indices, primary first. Undated items: empty.
    pub(super) lanes: Vec<usize>,
}

impl Item {
    pub(super) fn dated(&self) -> Option<(NaiveDate, NaiveDate)> {
        window(self.earliest, self.latest)
    }
}

/// A drawn relation (after transitive reduction), between item indices.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub(super) from: usize,
    pub(super) to: usize,
    /// The relation names it stands for, joined.
    pub(super) kind: String,
    /// Closes a cycle: drawn, but marked.
    pub(super) cyclic: bool,
}

/// The timeline model: ordered and folded events, reduced relations, the
/// compressed time axis and the lanes.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub(super) items: Vec<Item>,
    pub(super) links: Vec<Link>,
    pub(super) axis: Axis,
    pub(super) lanes: Vec<String>,
    pub(super) folded: Vec<FoldNote>,
    pub(super) notes: Vec<String>,
    /// Publication dates of the sources, one entry per article.
    pub(super) pubs: Vec<(NaiveDate, Source)>,
    pub(super) opts: Options,
}

/// The name of the lane of undated events.
pub(super) const UNDATED: &str = "Undated";
/// The name of the lane past `max_lanes`.
pub(super) const OTHER: &str = "Other";

impl Timeline {
    /// What was folded: kind, day (bucket start), actors, count.
    pub fn folded(&self) -> &[FoldNote] {
        &self.folded
    }

    /// Human-readable notes about folding and cycles (also drawn under the title).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Number of drawn event nodes (after folding).
    pub fn node_count(&self) -> usize {
        self.items.len()
    }

    /// Number of drawn relation edges (after transitive reduction).
    pub fn edge_count(&self) -> usize {
        self.links.len()
    }

    /// Lane names in drawing order (without the "Undated" lane).
    pub fn lane_names(&self) -> &[String] {
        &self.lanes
    }

    pub(super) fn has_undated(&self) -> bool {
        self.items.iter().any(|i| i.dated().is_none())
    }

    /// The undated lane comes after the named ones.
    pub(super) fn undated_lane_index(&self) -> Option<usize> {
        self.has_undated().then_some(self.lanes.len())
    }

    /// The title shown on lane `i`.
    pub(super) fn lane_title(&self, i: usize) -> String {
        match self.opts.lanes {
            Lanes::None => "Events".to_string(),
            Lanes::Kind => capitalize(&humanize_kind(&self.lanes[i])),
            Lanes::Actor => self.lanes[i].clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{d, seeds};
    use super::*;

    #[test]
    fn filter_works() {
        let evs = seeds();
        let f = Filter {
            actors: vec!["PUT".into()],
            ..Default::default()
        };
        assert_eq!(filter(&evs, &f).len(), 3);
        let f = Filter {
            kinds: vec!["attack".into()],
            from: Some(d(2025, 10, 1)),
            ..Default::default()
        };
        assert_eq!(filter(&evs, &f).len(), 2);
        let f = Filter {
            from: Some(d(2025, 8, 15)),
            to: Some(d(2025, 10, 15)),
            ..Default::default()
        };
        let ids: Vec<String> = filter(&evs, &f).into_iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 2, "{ids:?}"); // Alaska window overlaps, Hegseth on the 15th
        let f = Filter {
            statuses: vec!["claimed".into()],
            ..Default::default()
        };
        assert_eq!(filter(&evs, &f).len(), 1);
    }
}
