//! Event relations across the store: articles relate their own mentions
//! ("ahead of", "in retaliation for", dates); once mentions are merged into
//! events, those relations are lifted to the events and checked together.
//!
//! Different articles, or a wrong merge, can make the lifted relations
//! contradict each other (A before B here, B before A there) or the events'
//! own dates. Relations are therefore admitted strongest first (relations
//! read in the text before relations from dates, then by how many mentions
//! support them) into a petgraph of "comes first" edges, and one that would
//! close a cycle or that the dates contradict is left out. The outcome
//! depends only on the set of candidates, never on the order articles
//! arrived in.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use petgraph::algo::has_path_connecting;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::RelationKind;

/// A relation between two events, with the number of mentions behind it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EventRelation {
    pub from: String,
    pub kind: RelationKind,
    pub to: String,
    pub support: usize,
}

/// What [`decide`] kept and why it left the others out.
#[derive(Debug, Default)]
pub(crate) struct Decision {
    pub kept: Vec<EventRelation>,
    /// Left out: would have closed a cycle of "comes first" edges.
    pub cyclic: Vec<EventRelation>,
    /// Left out: the events' dates say the opposite order.
    pub contradicted: Vec<EventRelation>,
}

/// Sums the support of candidates that name the same relation.
pub(crate) fn tally(
    candidates: impl IntoIterator<Item = (String, RelationKind, String)>,
) -> Vec<EventRelation> {
    let mut n: BTreeMap<(String, RelationKind, String), usize> = BTreeMap::new();
    for (a, k, b) in candidates {
        if a != b {
            *n.entry((a, k, b)).or_default() += 1;
        }
    }
    n.into_iter()
        .map(|((from, kind, to), support)| EventRelation {
            from,
            kind,
            to,
            support,
        })
        .collect()
}

/// Keeps a consistent set of relations; `dates` holds the events' windows.
pub(crate) fn decide(
    mut candidates: Vec<EventRelation>,
    dates: &HashMap<String, (NaiveDate, NaiveDate)>,
) -> Decision {
    candidates.sort_by(|a, b| {
        b.kind
            .from_text()
            .cmp(&a.kind.from_text())
            .then(b.support.cmp(&a.support))
            .then_with(|| a.cmp(b))
    });
    let mut graph: DiGraph<(), ()> = DiGraph::new();
    let mut nodes: HashMap<String, NodeIndex> = HashMap::new();
    let mut node = |g: &mut DiGraph<(), ()>, iri: &str| {
        *nodes
            .entry(iri.to_string())
            .or_insert_with(|| g.add_node(()))
    };
    let mut out = Decision::default();
    for r in candidates {
        let Some(subject_first) = r.kind.subject_first() else {
            out.kept.push(r);
            continue;
        };
        let (first, then) = if subject_first {
            (&r.from, &r.to)
        } else {
            (&r.to, &r.from)
        };
        // Dates contradict only when the windows cannot overlap the
        // right way round: the first event starts after the second ends.
        if let (Some(a), Some(b)) = (dates.get(first), dates.get(then)) {
            if a.0 > b.1 {
                out.contradicted.push(r);
                continue;
            }
        }
        let (a, b) = (node(&mut graph, first), node(&mut graph, then));
        if has_path_connecting(&graph, b, a, None) {
            out.cyclic.push(r);
            continue;
        }
        graph.update_edge(a, b, ());
        out.kept.push(r);
    }
    out.kept.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rel(a: &str, k: RelationKind, b: &str, n: usize) -> EventRelation {
        EventRelation {
            from: a.into(),
            kind: k,
            to: b.into(),
            support: n,
        }
    }

    #[test]
    fn tally_counts_mentions_and_drops_self_relations() {
        let t = tally([
            ("a".into(), RelationKind::AheadOf, "b".into()),
            ("a".into(), RelationKind::AheadOf, "b".into()),
            ("a".into(), RelationKind::PartOf, "a".into()),
        ]);
        assert_eq!(t, vec![rel("a", RelationKind::AheadOf, "b", 2)]);
    }

    #[test]
    fn the_weaker_side_of_a_contradiction_is_left_out() {
        // Two articles say the call came before the meeting, one says after.
        let cands = vec![
            rel("call", RelationKind::AheadOf, "meeting", 2),
            rel("call", RelationKind::Follows, "meeting", 1),
        ];
        let dec = decide(cands.clone(), &HashMap::new());
        assert_eq!(dec.kept, vec![cands[0].clone()]);
        assert_eq!(dec.cyclic, vec![cands[1].clone()]);
        // The same in the other order of arrival.
        let mut rev = cands.clone();
        rev.reverse();
        assert_eq!(decide(rev, &HashMap::new()).kept, dec.kept);
    }

    #[test]
    fn longer_cycles_are_broken_and_text_outranks_dates() {
        let cands = vec![
            rel("a", RelationKind::Before, "b", 3),
            rel("b", RelationKind::Before, "c", 3),
            // Text says c is ahead of a: closes a cycle but outranks dates.
            rel("c", RelationKind::AheadOf, "a", 1),
        ];
        let dec = decide(cands, &HashMap::new());
        assert!(dec.kept.iter().any(|r| r.kind == RelationKind::AheadOf));
        assert_eq!(dec.kept.len(), 2);
        assert_eq!(dec.cyclic.len(), 1);
    }

    #[test]
    fn dates_veto_the_wrong_order_but_not_overlaps() {
        let dates: HashMap<String, (NaiveDate, NaiveDate)> = [
            ("summit".to_string(), (d("2026-02-19"), d("2026-02-19"))),
            ("call".to_string(), (d("2026-02-10"), d("2026-02-10"))),
            ("week".to_string(), (d("2026-02-16"), d("2026-02-22"))),
        ]
        .into_iter()
        .collect();
        let dec = decide(
            vec![
                rel("summit", RelationKind::AheadOf, "call", 1),
                rel("summit", RelationKind::AgreedDuring, "call", 1),
                rel("week", RelationKind::Before, "summit", 1),
                rel("summit", RelationKind::PartOf, "call", 1),
            ],
            &dates,
        );
        assert_eq!(dec.contradicted.len(), 1);
        assert_eq!(dec.kept.len(), 3);
    }
}
