//! The Graphviz renderer: DOT built with `graphviz-rust`'s `dot_structures`
//! and printer, in layers (graph attributes, axis, lanes of events, time
//! ranks, window bars, relations, legend).
//!
//! Time order is enforced with one `rank=same` group per time slot plus an
//! axis chain of tick nodes; lanes are clusters (`newrank=true` lets rank
//! constraints cross clusters). An event with several lanes is repeated in
//! each (edges between clusters in the same rank make dot fail), and for
//! the same reason a relation between two events of the same time slot in
//! different lanes is left to the SVG. Those of one slot in one lane are
//! drawn, unless `dot` cannot route them
//! ([`Timeline::to_dot_without_flat_relations`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use graphviz_rust::dot_generator::{edge, id, node, node_id, subgraph};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::escape::{clean_url, dot_escape, dot_url, html_text};
use super::label::{capitalize, fmt_day, fmt_window, humanize_kind, tooltip, truncate};
use super::model::{Item, ItemStatus, Orientation, Source, Timeline};
use super::style::{kind_style, status_style};

/// A quoted, escaped DOT string.
fn q(s: &str) -> Id {
    id!(esc dot_escape(s))
}

/// An attribute with a quoted value.
fn a(k: &str, v: &str) -> Attribute {
    Attribute(id!(k), q(v))
}

/// The event nodes and what ties them to time, before they become clusters.
struct EventStmts {
    /// Node statements per lane.
    lanes: Vec<Vec<Stmt>>,
    undated: Vec<Stmt>,
    /// Node ids per time slot.
    ranks: BTreeMap<usize, Vec<String>>,
    /// Date-window bars.
    bars: Vec<Stmt>,
}

impl Timeline {
    /// Graphviz DOT text, printed with graphviz-rust's printer.
    pub fn to_dot(&self) -> String {
        self.dot_text(true).0
    }

    /// DOT text without the relations between two events of the same
    /// time slot, and how many were left out: `dot` (2.43 at least) fails
    /// to route some such flat edges in a graph of clusters ranked with
    /// `newrank` ("Pshortestpath failed", "lost … edge", exit 1), which
    /// the wire corpus's actor lanes hit. [`crate::timeline::render_timeline`]
    /// falls back on it when `dot` fails so.
    #[must_use]
    pub fn to_dot_without_flat_relations(&self) -> (String, usize) {
        self.dot_text(false)
    }

    fn dot_text(&self, flat_relations: bool) -> (String, usize) {
        let (g, left_out) = self.dot_graph(flat_relations);
        let mut ctx = PrinterContext::default();
        (g.print(&mut ctx), left_out)
    }

    fn dot_graph(&self, flat_relations: bool) -> (Graph, usize) {
        let mut stmts = self.dot_header();
        stmts.extend(self.dot_axis());
        let events = self.dot_events();
        stmts.extend(self.dot_lanes(events.lanes));
        stmts.extend(self.dot_undated(events.undated));
        stmts.extend(dot_ranks(events.ranks));
        stmts.extend(events.bars);
        let (relations, left_out) = self.dot_relations(flat_relations);
        stmts.extend(relations);
        stmts.push(Stmt::Subgraph(self.dot_legend()));
        (
            Graph::DiGraph {
                id: id!("timeline"),
                strict: false,
                stmts,
            },
            left_out,
        )
    }

    /// Graph, node and edge defaults; the title and notes as the graph label.
    fn dot_header(&self) -> Vec<Stmt> {
        let rankdir = match self.opts.orientation {
            Orientation::LeftToRight => "LR",
            Orientation::TopToBottom => "TB",
        };
        let mut gattrs = vec![
            a("rankdir", rankdir),
            a("newrank", "true"),
            a("fontname", "Helvetica"),
            a("nodesep", "0.15"),
            a("ranksep", "0.25"),
            a("labelloc", "t"),
            a("labeljust", "l"),
            a("bgcolor", "white"),
        ];
        let mut title = self.opts.title.clone().unwrap_or_default();
        for n in &self.notes {
            if !title.is_empty() {
                title.push('\n');
            }
            title.push_str(n);
        }
        if !title.is_empty() {
            gattrs.push(a("label", &title));
            gattrs.push(a("fontsize", "16"));
        }
        vec![
            Stmt::GAttribute(GraphAttributes::Graph(gattrs)),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                a("fontname", "Helvetica"),
                a("fontsize", "10"),
                a("style", "filled"),
                a("margin", "0.05,0.02"),
            ])),
            Stmt::GAttribute(GraphAttributes::Edge(vec![
                a("fontname", "Helvetica"),
                a("fontsize", "8"),
            ])),
        ]
    }

    /// Axis: tick nodes chained by a visible line; breaks in between, the
    /// undated tick last.
    fn dot_axis(&self) -> Vec<Stmt> {
        let mut stmts = Vec::new();
        let mut pub_by_slot: BTreeMap<usize, Vec<&Source>> = BTreeMap::new();
        for (d, s) in &self.pubs {
            pub_by_slot.entry(self.axis.slot(*d)).or_default().push(s);
        }
        let mut chain: Vec<String> = Vec::new();
        let mut break_iter = self.axis.breaks.iter();
        let mut prev_seg = None;
        for tick in self.axis.tick_labels() {
            let seg = self.axis.segment_index(tick.slot);
            if prev_seg.is_some() && seg != prev_seg {
                if let Some((_, label)) = break_iter.next() {
                    let bid = format!("gap{}", tick.slot);
                    stmts.push(Stmt::Node(node!(
                        bid.clone(),
                        vec![
                            a("shape", "plaintext"),
                            a("style", ""),
                            a("label", &format!("⋯ {label} ⋯")),
                            a("fontcolor", "#888888"),
                            a("fontsize", "9"),
                        ]
                    )));
                    chain.push(bid);
                }
            }
            prev_seg = seg;
            let mut label = match &tick.above {
                Some(s) => format!("{}\n{s}", tick.label),
                None => tick.label.clone(),
            };
            let mut attrs = vec![a("shape", "plaintext"), a("style", ""), a("fontsize", "9")];
            if let Some(srcs) = pub_by_slot.get(&tick.slot) {
                let _ = write!(label, "\n▼ {} published", srcs.len());
                attrs.extend(published_attrs(tick.date, srcs));
            }
            attrs.push(a("label", &label));
            let tid = format!("t{}", tick.slot);
            stmts.push(Stmt::Node(node!(tid.clone(), attrs)));
            chain.push(tid);
        }
        if self.has_undated() {
            stmts.push(Stmt::Node(node!(
                "tundated",
                vec![
                    a("shape", "plaintext"),
                    a("style", ""),
                    a("label", "Undated"),
                    a("fontsize", "9"),
                    a("fontcolor", "#555555"),
                ]
            )));
            chain.push("tundated".into());
        }
        for w in chain.windows(2) {
            let mut attrs = vec![
                a("arrowhead", "none"),
                a("penwidth", "2"),
                a("color", "#999999"),
            ];
            if w[0].starts_with("gap") || w[1].starts_with("gap") || w[1] == "tundated" {
                attrs.push(a("style", "dashed"));
            }
            stmts.push(Stmt::Edge(edge!(node_id!(w[0]) => node_id!(w[1]), attrs)));
        }
        stmts
    }

    /// Every item's node in its lane (repeated in its other lanes), its time
    /// slot, and a bar for a short date window.
    fn dot_events(&self) -> EventStmts {
        let mut out = EventStmts {
            lanes: vec![Vec::new(); self.lanes.len()],
            undated: Vec::new(),
            ranks: BTreeMap::new(),
            bars: Vec::new(),
        };
        for it in &self.items {
            let nid = it.dom.replace('-', "_");
            let n = node!(nid.clone(), self.dot_node_attrs(it));
            let Some((e, l)) = it.dated() else {
                out.undated.push(Stmt::Node(n));
                continue;
            };
            let lane = it.lanes.first().copied().unwrap_or(0);
            out.lanes[lane].push(Stmt::Node(n));
            let s0 = self.axis.slot(e);
            out.ranks.entry(s0).or_default().push(nid.clone());
            let s1 = self.axis.slot(l);
            // Long or folded windows keep their dates in the label only:
            // dot would route a long bar around other nodes.
            if s1 > s0 && s1 - s0 <= 12 && it.count == 1 {
                self.dot_window_bar(it, &nid, (e, l), s1, lane, &mut out);
            }
            // Other actors' lanes: flat edges between clusters upset dot's
            // router, so the event is repeated in each lane instead of
            // connected.
            for &other in it.lanes.iter().skip(1) {
                let echo = format!("{nid}_l{other}");
                let mut attrs = self.dot_node_attrs(it);
                for at in &mut attrs {
                    if at.0 == id!("id") {
                        at.1 = q(&format!("{}-l{other}", it.dom));
                    }
                }
                out.lanes[other].push(Stmt::Node(node!(echo.clone(), attrs)));
                out.ranks.entry(s0).or_default().push(echo);
            }
        }
        out
    }

    /// A window: a bar from the event to a point in the end slot.
    fn dot_window_bar(
        &self,
        it: &Item,
        nid: &str,
        (e, l): (NaiveDate, NaiveDate),
        end_slot: usize,
        lane: usize,
        out: &mut EventStmts,
    ) {
        let style = kind_style(it.kind);
        let end = format!("{nid}_end");
        out.lanes[lane].push(Stmt::Node(node!(
            end.clone(),
            vec![
                a("shape", "point"),
                a("width", "0.08"),
                a("color", style.color),
                a("tooltip", &format!("end of {}", it.label)),
            ]
        )));
        out.ranks.entry(end_slot).or_default().push(end.clone());
        let mut ea = vec![
            a("arrowhead", "tee"),
            a("penwidth", "4"),
            a("color", &format!("{}88", style.color)),
            a("tooltip", &fmt_window(e, l)),
        ];
        if let Some(st) = status_style(it.status).dot_line {
            ea.push(a("style", st));
        }
        out.bars
            .push(Stmt::Edge(edge!(node_id!(nid) => node_id!(end), ea)));
    }

    /// One cluster per lane that has nodes.
    fn dot_lanes(&self, lanes: Vec<Vec<Stmt>>) -> Vec<Stmt> {
        let mut stmts = Vec::new();
        for (i, nodes) in lanes.into_iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            let mut body = vec![
                Stmt::Attribute(a("label", &self.lane_title(i))),
                Stmt::Attribute(a("style", "rounded,filled")),
                Stmt::Attribute(a(
                    "fillcolor",
                    if i % 2 == 0 { "#F7F7F7" } else { "#EEF2F7" },
                )),
                Stmt::Attribute(a("color", "#DDDDDD")),
                Stmt::Attribute(a("fontsize", "11")),
            ];
            body.extend(nodes);
            stmts.push(Stmt::Subgraph(subgraph!(format!("cluster_lane{i}"), body)));
        }
        stmts
    }

    /// The undated cluster, ranked with the axis's undated tick.
    fn dot_undated(&self, nodes: Vec<Stmt>) -> Vec<Stmt> {
        if nodes.is_empty() {
            return Vec::new();
        }
        let mut body = vec![
            Stmt::Attribute(a("label", "Undated (no date known)")),
            Stmt::Attribute(a("style", "dashed,rounded")),
            Stmt::Attribute(a("color", "#999999")),
            Stmt::Attribute(a("fontsize", "11")),
        ];
        body.extend(nodes);
        let mut rank = vec![
            Stmt::Attribute(a("rank", "same")),
            Stmt::Node(node!("tundated", vec![])),
        ];
        rank.extend(
            self.items
                .iter()
                .filter(|i| i.dated().is_none())
                .map(|i| Stmt::Node(node!(i.dom.replace('-', "_"), vec![]))),
        );
        vec![
            Stmt::Subgraph(subgraph!("cluster_undated", body)),
            Stmt::Subgraph(subgraph!("rank_undated", rank)),
        ]
    }

    /// Relations as non-constraining edges. One between two events of the
    /// same time slot in different lanes would be a flat edge between
    /// clusters, which makes dot fail ("trouble in init_rank"); those are
    /// left to the tooltip and the SVG.
    /// With `flat` false, those of one time slot in the same lane are
    /// left out too (counted).
    fn dot_relations(&self, flat: bool) -> (Vec<Stmt>, usize) {
        let place_of = |i: usize| -> (Option<usize>, usize) {
            let it = &self.items[i];
            match it.dated() {
                Some((e, _)) => (
                    Some(self.axis.slot(e)),
                    it.lanes.first().copied().unwrap_or(0),
                ),
                None => (None, usize::MAX),
            }
        };
        let mut stmts = Vec::new();
        let mut left_out = 0;
        for l in &self.links {
            let (sa, la) = place_of(l.from);
            let (sb, lb) = place_of(l.to);
            if sa == sb && la != lb {
                continue;
            }
            if sa == sb && !flat {
                left_out += 1;
                continue;
            }
            let from = self.items[l.from].dom.replace('-', "_");
            let to = self.items[l.to].dom.replace('-', "_");
            let mut attrs = vec![
                a("label", &l.kind),
                a("color", if l.cyclic { "#CC0000" } else { "#555555" }),
                a("fontcolor", "#555555"),
                a("constraint", "false"),
                a(
                    "tooltip",
                    &format!(
                        "{} {} {}",
                        self.items[l.from].label, l.kind, self.items[l.to].label
                    ),
                ),
            ];
            if l.cyclic {
                attrs.push(a("style", "dashed"));
            }
            stmts.push(Stmt::Edge(edge!(node_id!(from) => node_id!(to), attrs)));
        }
        (stmts, left_out)
    }

    fn dot_node_attrs(&self, it: &Item) -> Vec<Attribute> {
        let style = kind_style(it.kind);
        let st = status_style(it.status);
        let grey = st.grey;
        let mut styles = vec!["filled"];
        if let Some(s) = st.dot_line {
            styles.push(s);
        }
        if style.rounded {
            styles.push("rounded");
        }
        let label_text = match it.dated() {
            Some((e, l)) if e != l => format!("{}\n{}", it.label, fmt_window(e, l)),
            // Placed by the day of its first report: said on the node, as
            // the axis cannot.
            Some(_) if it.by_report => format!("{}\nday reported", it.label),
            _ => it.label.clone(),
        };
        let mut attrs = vec![
            Attribute(id!("shape"), id!(style.dot_shape)),
            a("style", &styles.join(",")),
            a("color", if grey { "#999999" } else { style.color }),
            a(
                "fillcolor",
                &format!("{}{}", if grey { "#CCCCCC" } else { style.color }, "33"),
            ),
            a("fontcolor", if grey { "#777777" } else { "#222222" }),
            a("tooltip", &tooltip(it)),
        ];
        if st.struck {
            // Strike through with an HTML label (escaped for HTML).
            let lines: Vec<String> = label_text.split('\n').map(html_text).collect();
            attrs.push(Attribute(
                id!("label"),
                id!(html format!("<<S>{}</S>>", lines.join("</S><BR/><S>"))),
            ));
        } else {
            attrs.push(a("label", &label_text));
        }
        if let Some(u) = it
            .sources
            .iter()
            .find_map(|s| s.url.as_deref().and_then(clean_url))
        {
            attrs.push(a("URL", &dot_url(&u)));
            attrs.push(a("target", "_blank"));
        }
        attrs.push(a("id", &it.dom));
        attrs
    }

    /// Legend as a cluster of sample nodes drawn with the real shapes,
    /// colours and line styles.
    fn dot_legend(&self) -> Subgraph {
        let mut body = vec![
            Stmt::Attribute(a("label", "Legend")),
            Stmt::Attribute(a("fontsize", "11")),
            Stmt::Attribute(a("color", "#CCCCCC")),
        ];
        // Sorted by name, as people read a legend.
        let kinds: BTreeMap<&str, _> = self.items.iter().map(|i| (i.kind.name(), i.kind)).collect();
        for (i, kind) in kinds.into_values().enumerate() {
            let st = kind_style(kind);
            let mut attrs = vec![
                Attribute(id!("shape"), id!(st.dot_shape)),
                a("label", &capitalize(&humanize_kind(kind.name()))),
                a("color", st.color),
                a("fillcolor", &format!("{}33", st.color)),
                a("fontsize", "9"),
            ];
            if st.dot_shape == "box" {
                attrs.push(a("style", "filled,rounded"));
            }
            let nid = format!("lgk{i}");
            body.push(Stmt::Node(node!(nid, attrs)));
        }
        let statuses: BTreeMap<&str, ItemStatus> = self
            .items
            .iter()
            .map(|i| (i.status.name(), i.status))
            .collect();
        for (i, status) in statuses.into_values().enumerate() {
            let nid = format!("lgs{i}");
            body.push(Stmt::Node(node!(nid, legend_status_attrs(status))));
        }
        if !self.pubs.is_empty() {
            body.push(Stmt::Node(node!(
                "lgpub",
                vec![
                    a("shape", "plaintext"),
                    a("style", ""),
                    a("label", "▼ n published: sources\npublished in that slot"),
                    a("fontsize", "9"),
                ]
            )));
        }
        subgraph!("cluster_legend", body)
    }
}

/// Tooltip and link of a tick where sources were published.
fn published_attrs(day: NaiveDate, srcs: &[&Source]) -> Vec<Attribute> {
    let tip: Vec<String> = srcs
        .iter()
        .take(10)
        .map(|s| truncate(&s.title, 100))
        .collect();
    let mut attrs = vec![a(
        "tooltip",
        &format!("Published {}:\n{}", fmt_day(day), tip.join("\n")),
    )];
    if let Some(u) = srcs
        .iter()
        .find_map(|s| s.url.as_deref().and_then(clean_url))
    {
        attrs.push(a("URL", &dot_url(&u)));
    }
    attrs
}

/// One `rank=same` group per time slot: the tick plus its events.
fn dot_ranks(ranks: BTreeMap<usize, Vec<String>>) -> Vec<Stmt> {
    ranks
        .into_iter()
        .map(|(slot, ids)| {
            let tick = format!("t{slot}");
            let mut r = vec![
                Stmt::Attribute(a("rank", "same")),
                Stmt::Node(node!(tick, vec![])),
            ];
            r.extend(ids.into_iter().map(|i| Stmt::Node(node!(i, vec![]))));
            Stmt::Subgraph(subgraph!(format!("rank{slot}"), r))
        })
        .collect()
}

/// A status's legend sample: a box with the status's line style.
fn legend_status_attrs(status: ItemStatus) -> Vec<Attribute> {
    let st = status_style(status);
    let mut style = vec!["filled"];
    if let Some(ls) = st.dot_line {
        style.push(ls);
    }
    let grey = st.grey;
    let mut attrs = vec![
        a("shape", "box"),
        a("style", &style.join(",")),
        a("color", if grey { "#999999" } else { "#444444" }),
        a("fillcolor", if grey { "#CCCCCC33" } else { "#FFFFFF" }),
        a("fontcolor", if grey { "#777777" } else { "#222222" }),
        a("fontsize", "9"),
    ];
    match status {
        _ if st.struck => attrs.push(Attribute(
            id!("label"),
            id!(html format!("<<S>{}</S>>", status.name())),
        )),
        ItemStatus::Mixed => attrs.push(a("label", "Folded, mixed statuses")),
        ItemStatus::One(s) => attrs.push(a("label", s.name())),
    }
    attrs
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{d, ev, hostile, seeds, synthetic};
    use super::super::graphviz::{render_with_dot, TimelineError};
    use super::super::{Lanes, Options, Relation};
    use super::*;

    #[test]
    fn hostile_labels_are_escaped_in_dot() {
        let t = Timeline::build(
            hostile(),
            vec![],
            &Options {
                lanes: Lanes::Actor,
                title: Some("a\"b\\".into()),
                ..Default::default()
            },
        );
        let dot = t.to_dot();
        let _ = std::fs::write(std::env::temp_dir().join("hostile.dot"), &dot);
        graphviz_rust::parse(&dot).expect("graphviz-rust parses hostile DOT");
        match render_with_dot(&dot, "svg") {
            Ok(svg) => {
                let svg = String::from_utf8(svg).unwrap();
                let opt = roxmltree::ParsingOptions {
                    allow_dtd: true,
                    ..Default::default()
                };
                let doc =
                    roxmltree::Document::parse_with_options(&svg, opt).expect("dot's SVG parses");
                let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
                assert!(
                    texts.contains("Bad \"quote\""),
                    "label survives dot: {texts}"
                );
                // `\N` in user text stays literal (no node-name substitution)
                // and URLs reach dot's SVG percent-encoded.
                let attrs: String = doc
                    .descendants()
                    .flat_map(|n| {
                        n.attributes()
                            .map(|a| a.value().to_string())
                            .collect::<Vec<_>>()
                    })
                    .collect();
                assert!(attrs.contains("--> \\\u{200B}N"), "{attrs}");
                assert!(
                    attrs.contains("https://e.com/?q=%22x%22&a=%3Cb%3E%5C"),
                    "{attrs}"
                );
            }
            Err(TimelineError::DotNotFound) => eprintln!("dot not installed; skipped"),
            Err(e) => panic!("dot rejected our DOT: {e}\n{dot}"),
        }
    }

    #[test]
    fn dot_parses_back_and_keeps_time_order() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let t = Timeline::build(
                seeds(),
                vec![Relation {
                    from: "http://example.org/event/call".into(),
                    to: "http://example.org/event/zel".into(),
                    kind: "follows".into(),
                }],
                &Options {
                    lanes,
                    ..Default::default()
                },
            );
            let dot = t.to_dot();
            let g = graphviz_rust::parse(&dot).expect("parses");
            let Graph::DiGraph { stmts, .. } = g else {
                panic!("digraph")
            };
            let ranks = stmts.iter().filter(|s| matches!(s, Stmt::Subgraph(sg) if matches!(&sg.id, Id::Plain(p) if p.starts_with("rank")))).count();
            assert!(ranks >= 5);
            assert!(dot.contains("newrank"));
            assert!(dot.contains("cluster_undated"));
            if let Err(e) = render_with_dot(&dot, "svg") {
                assert!(matches!(e, TimelineError::DotNotFound), "{e}");
            }
        }
    }

    #[test]
    fn a_day_of_report_is_said_on_its_node() {
        let mut events = seeds();
        let call = events
            .iter_mut()
            .find(|e| e.id.ends_with("/call"))
            .expect("the seeds' call");
        call.dated_by_report = true;
        let dot = Timeline::build(events, vec![], &Options::default()).to_dot();
        assert_eq!(
            dot.matches("day reported").count(),
            2,
            "label and tooltip: {dot}"
        );
        let plain = Timeline::build(seeds(), vec![], &Options::default()).to_dot();
        assert!(!plain.contains("day reported"));
    }

    #[test]
    fn vertical_dot_runs_top_to_bottom() {
        let opts = Options {
            orientation: Orientation::TopToBottom,
            ..Default::default()
        };
        let t = Timeline::build(seeds(), vec![], &opts);
        assert!(t.to_dot().contains("rankdir=\"TB\""));
    }

    #[test]
    fn legend_lists_kinds_and_statuses_by_name() {
        let dot = Timeline::build(seeds(), vec![], &Options::default()).to_dot();
        let pos = |s: &str| dot.find(s).unwrap_or_else(|| panic!("{s} missing"));
        // Attack < Meeting < Negotiation < Phone call < Pledge < Summit < Threat.
        assert!(pos("label=\"Attack\"") < pos("label=\"Phone call\""));
        assert!(pos("label=\"Phone call\"") < pos("label=\"Threat\""));
        // Claimed < Occurred < Planned.
        assert!(pos("label=\"Claimed\"") < pos("label=\"Occurred\""));
        assert!(pos("label=\"Occurred\"") < pos("label=\"Planned\""));
    }

    #[test]
    fn dot_accepts_large_graphs_with_relations() {
        let evs = synthetic(400, 11);
        let rels: Vec<Relation> = (1..evs.len())
            .step_by(2)
            .map(|i| Relation {
                from: evs[i].id.clone(),
                to: evs[i - 1].id.clone(),
                kind: "follows".into(),
            })
            .collect();
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let t = Timeline::build(
                evs.clone(),
                rels.clone(),
                &Options {
                    lanes,
                    fold_threshold: 60,
                    ..Default::default()
                },
            );
            let dot = t.to_dot();
            graphviz_rust::parse(&dot).expect("parses");
            match render_with_dot(&dot, "svg") {
                Ok(_) | Err(TimelineError::DotNotFound) => {}
                Err(e) => panic!("{lanes:?}: {e}"),
            }
        }
    }

    #[test]
    fn flat_relations_can_be_left_out_and_only_they() {
        let day = Some(d(2024, 3, 12));
        let later = Some(d(2024, 5, 2));
        let evs = vec![
            ev("a", "Meeting", &["Kenya"], day, day, "Occurred"),
            ev("b", "Statement", &["Kenya"], day, day, "Occurred"),
            ev("c", "Agreement", &["Kenya"], later, later, "Planned"),
        ];
        let rel = |from: &str, to: &str| Relation {
            from: format!("http://example.org/event/{from}"),
            to: format!("http://example.org/event/{to}"),
            kind: "before".into(),
        };
        let t = Timeline::build(
            evs,
            vec![rel("a", "b"), rel("b", "c")],
            &Options {
                lanes: Lanes::Actor,
                ..Default::default()
            },
        );
        let edges = |dot: &str| {
            dot.lines()
                .filter(|l| l.contains("label=\"before\""))
                .count()
        };
        assert_eq!(edges(&t.to_dot()), 2);
        let (dot, left_out) = t.to_dot_without_flat_relations();
        assert_eq!((edges(&dot), left_out), (1, 1), "{dot}");
        graphviz_rust::parse(&dot).expect("parses");
    }
}
