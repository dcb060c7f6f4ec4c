//! The relations worth drawing. Relations between events become edges
//! between drawn items (a fold stands for all its members) in a petgraph
//! graph; a feedback arc set is taken out so that the rest is a DAG, whose
//! transitive reduction is drawn ("a before b before c" needs no "a before
//! c"). The cycle-closing edges are drawn too, marked.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::algo::tred::{dag_to_toposorted_adjacency_list, dag_transitive_reduction_closure};
use petgraph::algo::{greedy_feedback_arc_set, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::model::{Item, Link, Relation};

/// At most this many relation edges are drawn.
pub(super) const MAX_LINKS: usize = 200;

/// The links to draw and how many were left out past [`MAX_LINKS`].
pub(super) fn reduce_relations(items: &[Item], relations: &[Relation]) -> (Vec<Link>, usize) {
    let (kinds, weight) = item_edges(items, relations);
    let mut kept = reduced_edges(items.len(), &kinds);
    kept.sort();
    kept.dedup();
    // Past MAX_LINKS, keep the relations that stand for the most underlying
    // relations (folded nodes aggregate them).
    let dropped = kept.len().saturating_sub(MAX_LINKS);
    if dropped > 0 {
        let w = |p: &(usize, usize, bool)| weight.get(&(p.0, p.1)).copied().unwrap_or(0);
        kept.sort_by(|x, y| w(y).cmp(&w(x)).then_with(|| x.cmp(y)));
        kept.truncate(MAX_LINKS);
        kept.sort();
    }
    let links = kept
        .into_iter()
        .map(|(from, to, cyclic)| Link {
            from,
            to,
            kind: kinds
                .get(&(from, to))
                .map(|s| s.iter().cloned().collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
            cyclic,
        })
        .collect();
    (links, dropped)
}

type ItemEdges = (
    BTreeMap<(usize, usize), BTreeSet<String>>,
    HashMap<(usize, usize), usize>,
);

/// Item-to-item edges with the relation names each stands for and how many
/// relations; self-loops (within one fold) and unknown events dropped.
fn item_edges(items: &[Item], relations: &[Relation]) -> ItemEdges {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for id in &it.ids {
            index.insert(id.as_str(), i);
        }
    }
    let mut kinds: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
    let mut weight: HashMap<(usize, usize), usize> = HashMap::new();
    for r in relations {
        if let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) {
            if a != b {
                kinds.entry((a, b)).or_default().insert(r.kind.clone());
                *weight.entry((a, b)).or_default() += 1;
            }
        }
    }
    (kinds, weight)
}

/// The transitive reduction of the acyclic part plus the cycle-closing
/// edges (`true`), as (from, to, cyclic) item pairs.
fn reduced_edges(
    n: usize,
    kinds: &BTreeMap<(usize, usize), BTreeSet<String>>,
) -> Vec<(usize, usize, bool)> {
    let mut g: DiGraph<usize, ()> = DiGraph::with_capacity(n, kinds.len());
    let nodes: Vec<NodeIndex> = (0..n).map(|i| g.add_node(i)).collect();
    for &(a, b) in kinds.keys() {
        g.add_edge(nodes[a], nodes[b], ());
    }
    let fas: BTreeSet<(usize, usize)> = greedy_feedback_arc_set(&g)
        .map(|e| (g[e.source()], g[e.target()]))
        .collect();
    g.retain_edges(|g, e| {
        g.edge_endpoints(e)
            .is_none_or(|(s, t)| !fas.contains(&(g[s], g[t])))
    });
    let dag = g;
    let mut kept: Vec<(usize, usize, bool)> = Vec::new();
    match toposort(&dag, None) {
        Ok(order) => {
            let (adj, _revmap) = dag_to_toposorted_adjacency_list::<_, u32>(&dag, &order);
            let (red, _closure) = dag_transitive_reduction_closure(&adj);
            for e in red.edge_indices() {
                if let Some((s, t)) = red.edge_endpoints(e) {
                    let a = dag[order[s as usize]];
                    let b = dag[order[t as usize]];
                    kept.push((a, b, false));
                }
            }
        }
        Err(_) => {
            // Cannot happen after removing a feedback arc set; draw unreduced.
            kept.extend(
                dag.edge_references()
                    .map(|e| (dag[e.source()], dag[e.target()], false)),
            );
        }
    }
    kept.extend(fas.iter().map(|&(a, b)| (a, b, true)));
    kept
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::seeds;
    use super::super::{Options, Relation, Timeline};

    #[test]
    fn relations_reduced_and_cycles_safe() {
        let evs = seeds();
        let r = |a: &str, b: &str| Relation {
            from: format!("http://example.org/event/{a}"),
            to: format!("http://example.org/event/{b}"),
            kind: "before".into(),
        };
        let rels = vec![
            r("pledge24", "alaska"),
            r("alaska", "call"),
            r("pledge24", "call"),
            r("call", "zel"),
            r("zel", "call"),
            r("call", "nonexistent"),
            r("call", "call"),
        ];
        let t = Timeline::build(evs, rels, &Options::default());
        // pledge24→call is implied; zel→call closes a cycle and is kept, marked.
        assert_eq!(t.edge_count(), 4, "{:?}", t.links);
        assert!(t.links.iter().any(|l| l.cyclic));
        roxmltree::Document::parse(&t.to_svg()).unwrap();
        graphviz_rust::parse(&t.to_dot()).unwrap();
    }
}
