//! Timelines people want to look at.
//!
//! This module turns a list of [`TimelineEvent`]s (filled by the caller from
//! SPARQL) plus event-to-event [`Relation`]s into a [`Timeline`] model and
//! draws it two ways:
//!
//! * [`Timeline::to_dot`] writes Graphviz DOT through `graphviz-rust`'s
//!   `dot_structures` types and printer. Time order is enforced with one
//!   `rank=same` group per time slot plus an axis chain of tick nodes, lanes
//!   are clusters (`newrank=true` lets rank constraints cross clusters).
//!   [`render_with_dot`] runs the `dot` executable when it is installed.
//! * [`Timeline::to_svg`] draws the same picture in pure Rust: time *is* the
//!   layout. x comes from a compressed time axis, y from the lane and a
//!   greedy row packing so that labels never overlap.
//!
//! The time axis is split into segments wherever a long stretch has no
//! events; each segment gets its own tick unit (day, week, month or year)
//! and the gaps are drawn as a zig-zag break with their length ("7 months").
//! Undated events get a lane of their own, labelled "Undated"; they are
//! never placed on a made-up date.
//!
//! Past [`Options::fold_threshold`] events, events of the same kind, date
//! window and actors are folded into one node ("Russia → Ukraine attack ×7").
//! If that still leaves more than the threshold, the biggest clusters are
//! merged further, level by level: same week, same month (with the same
//! actors, then the same initiator, then any actors), up to the same year.
//! Sparse events stay unfolded. [`Timeline::folded`] lists every folded node
//! and [`Timeline::notes`] (also drawn under the title) says how far folding
//! went.
//!
//! An event with several actors, with [`Lanes::Actor`], is drawn in its
//! initiator's lane with a dotted connector to a small marker in each other
//! actor's lane (SVG), or repeated in each lane (DOT: edges between clusters
//! in the same rank make dot fail). For the same reason a relation between
//! two events of the same time slot in different lanes is drawn only in the
//! SVG.
//!
//! Output is deterministic: events are sorted by date, then kind, then id.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use graphviz_rust::dot_generator::{edge, id, node, node_id, subgraph};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::algo::tred::{dag_to_toposorted_adjacency_list, dag_transitive_reduction_closure};
use petgraph::algo::{greedy_feedback_arc_set, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Input API
// ---------------------------------------------------------------------------

/// One event as read from the knowledge graph.
#[derive(Debug, Clone, Default)]
pub struct TimelineEvent {
    /// Event IRI, unique.
    pub id: String,
    /// Local name of the event class ("PhoneCall", "Attack", ...).
    pub kind: String,
    /// Actor labels, initiator first.
    pub actors: Vec<String>,
    /// Start of the inclusive date window.
    pub earliest: Option<NaiveDate>,
    /// End of the inclusive date window; `None`/`None` means undated.
    pub latest: Option<NaiveDate>,
    /// "Occurred" | "Planned" | "Claimed" | "Possible" | "Negated".
    pub status: String,
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
    /// Event kinds, case-insensitive.
    pub kinds: Vec<String>,
    /// Statuses, case-insensitive.
    pub statuses: Vec<String>,
    /// Keep events whose window ends on or after this date.
    pub from: Option<NaiveDate>,
    /// Keep events whose window starts on or before this date.
    pub to: Option<NaiveDate>,
}

/// Errors from rendering with Graphviz.
#[derive(Debug, thiserror::Error)]
pub enum TimelineError {
    /// The `dot` executable is not on `PATH`.
    #[error(
        "Graphviz `dot` was not found on PATH; install graphviz or use the built-in SVG output"
    )]
    DotNotFound,
    /// `dot` ran but failed.
    #[error("`dot` failed with status {status}: {stderr}")]
    DotFailed {
        /// Exit status as text.
        status: String,
        /// What `dot` wrote to stderr.
        stderr: String,
    },
    /// The output format is not a plain format name.
    #[error("invalid Graphviz output format {0:?}")]
    BadFormat(String),
    /// Reading or writing the `dot` process failed.
    #[error("I/O error while running `dot`: {0}")]
    Io(#[from] std::io::Error),
}

/// Keeps the events that match every non-empty criterion of `f`.
///
/// A date bound (`from`/`to`) keeps events whose window overlaps it; undated
/// events are dropped when a date bound is given, since they cannot be shown
/// to lie in the range.
pub fn filter(events: &[TimelineEvent], f: &Filter) -> Vec<TimelineEvent> {
    let actors: Vec<String> = f.actors.iter().map(|a| a.to_lowercase()).collect();
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
            if !f.kinds.is_empty() && !f.kinds.iter().any(|k| k.eq_ignore_ascii_case(&e.kind)) {
                return false;
            }
            if !f.statuses.is_empty()
                && !f.statuses.iter().any(|s| s.eq_ignore_ascii_case(&e.status))
            {
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

/// Runs `dot -T{format}` on DOT text and returns its output.
///
/// Returns [`TimelineError::DotNotFound`] when `dot` is not on `PATH`.
pub fn render_with_dot(dot: &str, format: &str) -> Result<Vec<u8>, TimelineError> {
    run_graphviz("dot", dot, format)
}

fn run_graphviz(program: &str, dot: &str, format: &str) -> Result<Vec<u8>, TimelineError> {
    if format.is_empty()
        || !format
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '_')
    {
        return Err(TimelineError::BadFormat(format.to_string()));
    }
    let mut child = match Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(TimelineError::DotNotFound)
        }
        Err(e) => return Err(e.into()),
    };
    // Write stdin from a thread so a large output cannot dead-lock the pipes.
    let mut stdin = child.stdin.take().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::BrokenPipe, "dot stdin unavailable")
    })?;
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output()?;
    let write_result = writer
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
    if !out.status.success() {
        return Err(TimelineError::DotFailed {
            status: out.status.to_string(),
            stderr: truncate_bytes(&String::from_utf8_lossy(&out.stderr), 2000),
        });
    }
    write_result?;
    Ok(out.stdout)
}

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

/// The time bucket used as the fold key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Same date window.
    Day,
    /// Same ISO week (Monday start).
    Week,
    /// Same calendar month.
    Month,
    /// Same calendar year.
    Year,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// One folded node: what was merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldNote {
    /// Event kind.
    pub kind: String,
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

#[derive(Debug, Clone)]
struct Item {
    dom: String,
    ids: Vec<String>,
    kind: String,
    /// All actors (for folds: the union, most frequent first when the
    /// actors were not part of the fold key).
    actors: Vec<String>,
    /// Actors every member shares (used for the label and the lanes).
    shared: Vec<String>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    status: String,
    status_counts: BTreeMap<String, usize>,
    place: Option<String>,
    evidence: Vec<String>,
    sources: Vec<Source>,
    count: usize,
    label: String,
    /// Lane indices, primary first. Undated items: empty.
    lanes: Vec<usize>,
}

impl Item {
    fn dated(&self) -> Option<(NaiveDate, NaiveDate)> {
        window(self.earliest, self.latest)
    }
}

#[derive(Debug, Clone)]
struct Segment {
    unit: Unit,
    /// Tick starts; the segment ends at `end` (exclusive).
    ticks: Vec<NaiveDate>,
    end: NaiveDate,
    /// Offset of the segment along the axis, px.
    t0: f64,
    /// Index of the first tick in the global slot numbering.
    slot0: usize,
}

#[derive(Debug, Clone)]
struct Axis {
    segments: Vec<Segment>,
    /// Width of one tick, px (adapted to how crowded the slots are).
    tick: f64,
    /// (axis position, label) of the compressed gaps.
    breaks: Vec<(f64, String)>,
    len: f64,
}

/// A drawn relation (after transitive reduction).
#[derive(Debug, Clone)]
struct Link {
    from: usize,
    to: usize,
    kind: String,
    cyclic: bool,
}

/// The timeline model: ordered and folded events, reduced relations, the
/// compressed time axis and the lanes.
#[derive(Debug, Clone)]
pub struct Timeline {
    items: Vec<Item>,
    /// Relation graph over `items` (node weight = item index), transitively
    /// reduced; edges closing a cycle are kept but marked.
    graph: DiGraph<usize, (String, bool)>,
    links: Vec<Link>,
    axis: Axis,
    lanes: Vec<String>,
    folded: Vec<FoldNote>,
    notes: Vec<String>,
    pubs: Vec<(NaiveDate, Source)>,
    opts: Options,
    input_count: usize,
}

const UNDATED: &str = "Undated";
const OTHER: &str = "Other";

fn window(e: Option<NaiveDate>, l: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    match (e, l) {
        (None, None) => None,
        (Some(a), None) | (None, Some(a)) => Some((a, a)),
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
    }
}

fn sort_key(e: &TimelineEvent) -> (bool, Option<(NaiveDate, NaiveDate)>, String, String) {
    let w = window(e.earliest, e.latest);
    (w.is_none(), w, e.kind.clone(), e.id.clone())
}

fn bucket(d: NaiveDate, unit: Unit) -> NaiveDate {
    match unit {
        Unit::Day => d,
        Unit::Week => d - TimeDelta::days(i64::from(d.weekday().num_days_from_monday())),
        Unit::Month => d.with_day(1).unwrap_or(d),
        Unit::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
    }
}

fn next_tick(d: NaiveDate, unit: Unit) -> NaiveDate {
    let next = match unit {
        Unit::Day => d.succ_opt(),
        Unit::Week => d.checked_add_signed(TimeDelta::days(7)),
        Unit::Month => {
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
        }
        Unit::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1),
    };
    next.unwrap_or(NaiveDate::MAX)
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    next_tick(bucket(d, Unit::Month), Unit::Month)
        .pred_opt()
        .unwrap_or(d)
}

/// The coarsest unit that still describes the window exactly.
fn natural_unit(e: NaiveDate, l: NaiveDate) -> Unit {
    if e.month() == 1 && e.day() == 1 && l.month() == 12 && l.day() == 31 {
        Unit::Year
    } else if e.day() == 1 && l == last_of_month(l) {
        Unit::Month
    } else if e.weekday() == Weekday::Mon && l.weekday() == Weekday::Sun && l > e {
        Unit::Week
    } else {
        Unit::Day
    }
}

fn truncate_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes omitted)", &s[..end], s.len() - end)
}

fn humanize_kind(kind: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in kind.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.extend(c.to_lowercase());
    }
    if out.is_empty() {
        "event".to_string()
    } else {
        out
    }
}

fn directed_kind(kind: &str) -> bool {
    matches!(
        kind,
        "Attack"
            | "Threat"
            | "Accusation"
            | "Request"
            | "Aid"
            | "Sanction"
            | "Visit"
            | "Pledge"
            | "Statement"
    )
}

fn truncate(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t = t.trim_end().to_string();
        t.push('…');
        t
    }
}

fn short_actor(a: &str) -> String {
    truncate(a, 22)
}

fn make_label(kind: &str, actors: &[String], place: Option<&str>, count: usize) -> String {
    let k = humanize_kind(kind);
    let who = match actors.len() {
        0 => String::new(),
        1 => short_actor(&actors[0]),
        n => {
            let sep = if directed_kind(kind) {
                " → "
            } else {
                " – "
            };
            let mut s = format!(
                "{}{}{}",
                short_actor(&actors[0]),
                sep,
                short_actor(&actors[1])
            );
            if n > 2 {
                let _ = write!(s, " +{}", n - 2);
            }
            s
        }
    };
    let mut label = if who.is_empty() {
        match place {
            Some(p) if !p.trim().is_empty() => format!("{} {}", truncate(p, 24), k),
            _ => {
                let mut c = k.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect(),
                    None => k,
                }
            }
        }
    } else {
        format!("{who} {k}")
    };
    if !who.is_empty() {
        if let Some(p) = place {
            if !p.trim().is_empty() && label.chars().count() + p.chars().count() < 40 {
                let _ = write!(label, " ({})", one_line(p));
            }
        }
    }
    if count > 1 {
        let _ = write!(label, " ×{count}");
    }
    truncate(&label, 48)
}

fn fmt_day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn fmt_window(e: NaiveDate, l: NaiveDate) -> String {
    if e == l {
        return fmt_day(e);
    }
    match natural_unit(e, l) {
        Unit::Year if e.year() == l.year() => e.format("%Y").to_string(),
        Unit::Year => format!("{}–{}", e.year(), l.year()),
        Unit::Month if e.year() == l.year() && e.month() == l.month() => {
            e.format("%B %Y").to_string()
        }
        _ if e.year() == l.year() && e.month() == l.month() => {
            format!("{}–{}", e.format("%-d"), l.format("%-d %b %Y"))
        }
        _ if e.year() == l.year() => format!("{} – {}", e.format("%-d %b"), fmt_day(l)),
        _ => format!("{} – {}", fmt_day(e), fmt_day(l)),
    }
}

fn gap_label(days: i64) -> String {
    if days >= 700 {
        format!("{} years", (days as f64 / 365.25).round())
    } else if days >= 60 {
        format!("{} months", (days as f64 / 30.44).round())
    } else if days >= 14 {
        format!("{} weeks", (days as f64 / 7.0).round())
    } else if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

type FoldKey = (
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
    Vec<String>,
);

/// How much of the actor list is part of the fold key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActorKey {
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
    (w.is_none(), a, b, e.kind.clone(), actors)
}

type Level = (Unit, ActorKey);

/// Folds as little as needed: the exact (kind, date window, actors) fold
/// first; then, level by level, the biggest clusters at the next coarser
/// level are merged first, until at most `threshold` nodes remain.
fn fold_progressively(
    events: &[TimelineEvent],
    levels: &[Level],
    threshold: usize,
    notes: &mut Vec<String>,
) -> (Vec<Vec<usize>>, Vec<Option<Level>>) {
    let mut groups: Vec<(Vec<usize>, Option<Level>)> = Vec::new();
    let first = levels[0];
    let mut exact: BTreeMap<FoldKey, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        exact
            .entry(fold_key(e, first.0, first.1))
            .or_default()
            .push(i);
    }
    for g in exact.into_values() {
        let lvl = (g.len() > 1).then_some(first);
        groups.push((g, lvl));
    }
    let mut used: Vec<Level> = vec![first];
    for &level in &levels[1..] {
        if groups.len() <= threshold {
            break;
        }
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
        if merged_into.is_empty() {
            continue;
        }
        used.push(level);
        let mut next: Vec<(Vec<usize>, Option<Level>)> = Vec::with_capacity(n);
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
        groups = next;
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

impl Timeline {
    /// Builds the model: sorts, folds (past `fold_threshold`), assigns lanes,
    /// computes the compressed axis and the reduced relation graph.
    pub fn build(
        mut events: Vec<TimelineEvent>,
        relations: Vec<Relation>,
        opts: &Options,
    ) -> Timeline {
        let input_count = events.len();
        events.sort_by_key(sort_key);
        // Drop exact duplicate ids (keep the first in sort order).
        let mut seen = BTreeSet::new();
        events.retain(|e| seen.insert(e.id.clone()));

        let mut notes = Vec::new();
        let threshold = opts.fold_threshold.max(1);
        // From least to most lossy; the first level that fits is used.
        // With actor lanes, folds keep their initiator (and so their lane)
        // as long as possible.
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
        if opts.lanes == Lanes::Actor {
            levels.swap(5, 6);
        }
        // Groups of event indices and the level each group was folded at.
        let (groups, group_level): (Vec<Vec<usize>>, Vec<Option<Level>>) =
            if events.len() > threshold {
                fold_progressively(&events, &levels, threshold, &mut notes)
            } else {
                (
                    (0..events.len()).map(|i| vec![i]).collect(),
                    vec![None; events.len()],
                )
            };

        // Build items.
        let mut items: Vec<Item> = Vec::with_capacity(groups.len());
        let mut folded = Vec::new();
        for (g, level) in groups.iter().zip(group_level) {
            let first = &events[g[0]];
            let mut actors: Vec<String> = Vec::new();
            let mut status_counts: BTreeMap<String, usize> = BTreeMap::new();
            let mut lo: Option<NaiveDate> = None;
            let mut hi: Option<NaiveDate> = None;
            let mut evidence = Vec::new();
            let mut sources: BTreeSet<Source> = BTreeSet::new();
            let mut places: BTreeSet<String> = BTreeSet::new();
            let mut actor_freq: HashMap<&str, usize> = HashMap::new();
            for &i in g {
                let e = &events[i];
                for a in &e.actors {
                    *actor_freq.entry(a.as_str()).or_default() += 1;
                    if !actors.contains(a) {
                        actors.push(a.clone());
                    }
                }
                *status_counts.entry(e.status.clone()).or_default() += 1;
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
                match &e.place {
                    Some(p) => places.insert(p.clone()),
                    None => places.insert(String::new()),
                };
            }
            if g.len() > 1 && !level.is_some_and(|l| l.1 == ActorKey::All) {
                // Actors were not in the key: most frequent first.
                actors.sort_by(|a, b| {
                    actor_freq[b.as_str()]
                        .cmp(&actor_freq[a.as_str()])
                        .then_with(|| a.cmp(b))
                });
            }
            let status = if status_counts.len() == 1 {
                first.status.clone()
            } else {
                "Mixed".to_string()
            };
            let place = if places.len() == 1 {
                places.into_iter().next().filter(|p| !p.is_empty())
            } else {
                None
            };
            let dom = format!("ev-{}", items.len());
            // A fold across different actors must not claim a direction
            // between them: keep only what all members share.
            let shared: Vec<String> = if g.iter().all(|&i| events[i].actors == first.actors) {
                first.actors.clone()
            } else if g
                .iter()
                .all(|&i| events[i].actors.first() == first.actors.first())
            {
                first.actors.iter().take(1).cloned().collect()
            } else {
                Vec::new()
            };
            let label = make_label(&first.kind, &shared, place.as_deref(), g.len());
            if g.len() > 1 {
                folded.push(FoldNote {
                    kind: first.kind.clone(),
                    day: lo.map(|d| match level {
                        Some((u, _)) => bucket(d, u),
                        None => d,
                    }),
                    unit: level.map_or(Unit::Day, |l| l.0),
                    actors: actors.clone(),
                    count: g.len(),
                    node: dom.clone(),
                });
            }
            items.push(Item {
                dom,
                ids: g.iter().map(|&i| events[i].id.clone()).collect(),
                kind: first.kind.clone(),
                actors,
                earliest: lo,
                latest: hi,
                status,
                status_counts,
                place,
                evidence,
                sources: sources.into_iter().collect(),
                count: g.len(),
                label,
                shared,
                lanes: Vec::new(),
            });
        }
        // Groups come out of a BTreeMap keyed by date first; re-sort to the
        // canonical order and renumber the DOM ids.
        items.sort_by(|a, b| {
            (a.dated().is_none(), a.dated(), &a.kind, &a.ids[0]).cmp(&(
                b.dated().is_none(),
                b.dated(),
                &b.kind,
                &b.ids[0],
            ))
        });
        let mut renum: HashMap<String, String> = HashMap::new();
        for (i, it) in items.iter_mut().enumerate() {
            let new = format!("ev-{i}");
            renum.insert(it.dom.clone(), new.clone());
            it.dom = new;
        }
        for f in &mut folded {
            if let Some(n) = renum.get(&f.node) {
                f.node = n.clone();
            }
        }
        folded.sort_by(|a, b| (a.day, &a.kind, &a.node).cmp(&(b.day, &b.kind, &b.node)));

        // Lanes.
        let lanes = assign_lanes(&mut items, opts);

        // Publication dates.
        let mut pubs: Vec<(NaiveDate, Source)> = Vec::new();
        let mut pub_seen = BTreeSet::new();
        for it in &items {
            for s in &it.sources {
                if let Some(d) = s.published {
                    if pub_seen.insert((d, s.title.clone(), s.url.clone())) {
                        pubs.push((d, s.clone()));
                    }
                }
            }
        }
        pubs.sort();

        let axis = {
            // Widen the ticks when slots are crowded, so that a few hundred
            // labels spread along the axis instead of stacking into dozens
            // of rows.
            let first = build_axis(&items, &pubs, TICK);
            let mut load: HashMap<(usize, usize), f64> = HashMap::new();
            for it in &items {
                if let Some((e, _)) = it.dated() {
                    let w = text_width(&it.label, FONT) + MARK + 24.0;
                    *load
                        .entry((it.lanes.first().copied().unwrap_or(0), first.slot(e)))
                        .or_default() += w;
                }
            }
            let mut loads: Vec<f64> = load.into_values().collect();
            loads.sort_by(f64::total_cmp);
            let p90 = loads.get(loads.len() * 9 / 10).copied().unwrap_or(0.0);
            let slots = first
                .segments
                .iter()
                .map(|s| s.ticks.len())
                .sum::<usize>()
                .max(1);
            let cap = (MAX_AXIS / slots as f64).clamp(TICK, MAX_TICK);
            let tick = (p90 / TARGET_ROWS).clamp(TICK, cap).round();
            if tick > TICK {
                build_axis(&items, &pubs, tick)
            } else {
                first
            }
        };
        let (graph, links, dropped) = reduce_relations(&items, &relations);
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
            graph,
            links,
            axis,
            lanes,
            folded,
            notes,
            pubs,
            opts: opts.clone(),
            input_count,
        }
    }

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
        self.graph.edge_count()
    }

    /// Lane names in drawing order (without the "Undated" lane).
    pub fn lane_names(&self) -> &[String] {
        &self.lanes
    }

    fn has_undated(&self) -> bool {
        self.items.iter().any(|i| i.dated().is_none())
    }
}

fn assign_lanes(items: &mut [Item], opts: &Options) -> Vec<String> {
    let key_of = |it: &Item| -> Vec<String> {
        match opts.lanes {
            Lanes::None => vec![String::new()],
            // Folds across actors go to their most frequent actor only.
            Lanes::Actor if it.shared.is_empty() => it.actors.iter().take(1).cloned().collect(),
            Lanes::Actor => it.shared.clone(),
            Lanes::Kind => vec![it.kind.clone()],
        }
    };
    if opts.lanes == Lanes::None {
        for it in items.iter_mut() {
            if it.dated().is_some() {
                it.lanes = vec![0];
            }
        }
        return vec![String::new()];
    }
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
    let overflow = ranked.len() > max;
    let mut need_other = overflow;
    let index: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i))
        .collect();
    let other = names.len();
    for it in items.iter_mut() {
        if it.dated().is_none() {
            continue;
        }
        let mut l: Vec<usize> = Vec::new();
        for k in key_of(it) {
            let i = index.get(&k).copied().unwrap_or(other);
            if i == other {
                need_other = true;
            }
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

fn build_axis(items: &[Item], pubs: &[(NaiveDate, Source)], tick: f64) -> Axis {
    // Occupied windows with their natural unit (pub dates do not refine).
    let mut occ: Vec<(NaiveDate, NaiveDate, Option<Unit>)> = items
        .iter()
        .filter_map(|i| i.dated().map(|(a, b)| (a, b, Some(natural_unit(a, b)))))
        .collect();
    occ.extend(pubs.iter().map(|(d, _)| (*d, *d, None)));
    occ.sort();
    if occ.is_empty() {
        return Axis {
            segments: Vec::new(),
            tick,
            breaks: Vec::new(),
            len: 0.0,
        };
    }
    // Merge into disjoint runs.
    let mut runs: Vec<(NaiveDate, NaiveDate, Option<Unit>)> = Vec::new();
    for (a, b, u) in occ {
        match runs.last_mut() {
            Some(r) if a <= r.1.succ_opt().unwrap_or(r.1) => {
                r.1 = r.1.max(b);
                r.2 = match (r.2, u) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
            }
            _ => runs.push((a, b, u)),
        }
    }
    let mut parts = Vec::new();
    split_runs(&runs, &mut parts, 0);

    // Unit per part: the finest its windows need, coarsened to the budget.
    let mut segs: Vec<(NaiveDate, NaiveDate, Unit)> = parts
        .iter()
        .map(|part| {
            let lo = part[0].0;
            let hi = part.iter().map(|r| r.1).max().unwrap_or(lo);
            let mut unit = part.iter().filter_map(|r| r.2).min().unwrap_or(Unit::Day);
            while count_ticks(lo, hi, unit) > MAX_TICKS && unit != Unit::Year {
                unit = coarser(unit);
            }
            (lo, hi, unit)
        })
        .collect();
    // Global budget: coarsen the segment with the most ticks first.
    loop {
        let total: usize = segs.iter().map(|s| count_ticks(s.0, s.1, s.2)).sum();
        if total <= MAX_TOTAL_TICKS {
            break;
        }
        let Some(i) = (0..segs.len())
            .filter(|&i| segs[i].2 != Unit::Year)
            .max_by_key(|&i| {
                (
                    count_ticks(segs[i].0, segs[i].1, segs[i].2),
                    std::cmp::Reverse(i),
                )
            })
        else {
            break;
        };
        segs[i].2 = coarser(segs[i].2);
    }
    // Coarser ticks can make neighbours overlap: merge those.
    let mut merged: Vec<(NaiveDate, NaiveDate, Unit)> = Vec::with_capacity(segs.len());
    for seg in segs {
        if let Some(last) = merged.last_mut() {
            let last_end = next_tick(bucket(last.1, last.2), last.2);
            if bucket(seg.0, seg.2) < last_end || bucket(seg.0, last.2) < last_end {
                last.1 = last.1.max(seg.1);
                last.2 = last.2.max(seg.2);
                continue;
            }
        }
        merged.push(seg);
    }

    let mut segments = Vec::new();
    let mut breaks = Vec::new();
    let mut t = 0.0;
    let mut slot = 0;
    let mut prev_end: Option<NaiveDate> = None;
    for (lo, hi, unit) in merged {
        let start = bucket(lo, unit);
        // If the gap to the previous segment is short, do not draw a break.
        if let Some(pe) = prev_end {
            let gap = (start - pe).num_days();
            if gap > 0 {
                breaks.push((t + BREAK_W / 2.0, gap_label(gap)));
                t += BREAK_W;
            }
        }
        let mut ticks = Vec::new();
        let mut d = start;
        while d <= hi {
            ticks.push(d);
            d = next_tick(d, unit);
        }
        let n = ticks.len();
        segments.push(Segment {
            unit,
            ticks,
            end: d,
            t0: t,
            slot0: slot,
        });
        slot += n;
        t += n as f64 * tick;
        prev_end = Some(d);
    }
    Axis {
        segments,
        tick,
        breaks,
        len: t,
    }
}

const MAX_TICKS: usize = 40;
const MAX_TOTAL_TICKS: usize = 60;

fn coarser(u: Unit) -> Unit {
    match u {
        Unit::Day => Unit::Week,
        Unit::Week => Unit::Month,
        _ => Unit::Year,
    }
}
const TICK: f64 = 64.0;
const MAX_TICK: f64 = 360.0;
/// Widening ticks stops once the axis would be longer than this, px.
const MAX_AXIS: f64 = 3600.0;
/// Rows per lane the tick width aims for in crowded slots.
const TARGET_ROWS: f64 = 6.0;
const BREAK_W: f64 = 56.0;

fn count_ticks(lo: NaiveDate, hi: NaiveDate, unit: Unit) -> usize {
    let days = (hi - lo).num_days().max(0) as usize + 1;
    match unit {
        Unit::Day => days,
        Unit::Week => days / 7 + 2,
        Unit::Month => {
            ((hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32 + 1) as usize
        }
        Unit::Year => (hi.year() - lo.year() + 1) as usize,
    }
}

type Run = (NaiveDate, NaiveDate, Option<Unit>);

/// Splits runs at gaps that are long relative to the span (recursively).
fn split_runs(runs: &[Run], out: &mut Vec<Vec<Run>>, depth: usize) {
    if runs.len() <= 1 || depth > 8 {
        out.push(runs.to_vec());
        return;
    }
    let lo = runs[0].0;
    let hi = runs.iter().map(|r| r.1).max().unwrap_or(lo);
    let span = (hi - lo).num_days() as f64 + 1.0;
    let mut cuts = Vec::new();
    for i in 1..runs.len() {
        let gap = (runs[i].0 - runs[i - 1].1).num_days() - 1;
        if gap >= 14 && gap as f64 >= 0.2 * span {
            cuts.push(i);
        }
    }
    if cuts.is_empty() {
        out.push(runs.to_vec());
        return;
    }
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(runs.len())) {
        split_runs(&runs[start..c], out, depth + 1);
        start = c;
    }
}

impl Axis {
    fn segment_of(&self, d: NaiveDate) -> Option<&Segment> {
        let s = self
            .segments
            .iter()
            .rev()
            .find(|s| s.ticks.first().is_some_and(|f| *f <= d))
            .or(self.segments.first())?;
        Some(s)
    }

    /// Axis position (px) of the start of day `d`; `end=true` gives the end of the day.
    fn pos(&self, d: NaiveDate, end: bool) -> f64 {
        let Some(s) = self.segment_of(d) else {
            return 0.0;
        };
        let first = s.ticks[0];
        if d < first {
            return s.t0;
        }
        if d >= s.end {
            return s.t0 + s.ticks.len() as f64 * self.tick;
        }
        let idx = s.ticks.partition_point(|t| *t <= d).saturating_sub(1);
        let ts = s.ticks[idx];
        let te = s.ticks.get(idx + 1).copied().unwrap_or(s.end);
        let len = (te - ts).num_days().max(1) as f64;
        let off = (d - ts).num_days() as f64 + if end { 1.0 } else { 0.0 };
        s.t0 + (idx as f64 + off / len) * self.tick
    }

    /// Global slot index (tick) containing `d`.
    fn slot(&self, d: NaiveDate) -> usize {
        let Some(s) = self.segment_of(d) else {
            return 0;
        };
        let idx = s.ticks.partition_point(|t| *t <= d).saturating_sub(1);
        s.slot0 + idx.min(s.ticks.len().saturating_sub(1))
    }

    /// (global slot, date, primary label, secondary label, segment start?)
    fn tick_labels(&self) -> Vec<(usize, f64, NaiveDate, String, Option<String>)> {
        let mut out = Vec::new();
        for s in &self.segments {
            let mut prev: Option<NaiveDate> = None;
            for (i, &d) in s.ticks.iter().enumerate() {
                let (p, sec) = match s.unit {
                    Unit::Day => (
                        d.format("%-d").to_string(),
                        (prev.is_none_or(|p| p.month() != d.month()))
                            .then(|| d.format("%b %Y").to_string()),
                    ),
                    Unit::Week => (
                        d.format("%-d %b").to_string(),
                        (prev.is_none_or(|p| p.year() != d.year()))
                            .then(|| format!("weeks {}", d.year())),
                    ),
                    Unit::Month => (
                        d.format("%b").to_string(),
                        (prev.is_none_or(|p| p.year() != d.year())).then(|| d.year().to_string()),
                    ),
                    Unit::Year => (d.year().to_string(), None),
                };
                out.push((s.slot0 + i, s.t0 + i as f64 * self.tick, d, p, sec));
                prev = Some(d);
            }
        }
        out
    }
}

fn reduce_relations(
    items: &[Item],
    relations: &[Relation],
) -> (DiGraph<usize, (String, bool)>, Vec<Link>, usize) {
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
    let mut g: DiGraph<usize, ()> = DiGraph::with_capacity(items.len(), kinds.len());
    let nodes: Vec<NodeIndex> = (0..items.len()).map(|i| g.add_node(i)).collect();
    for &(a, b) in kinds.keys() {
        g.add_edge(nodes[a], nodes[b], ());
    }
    let fas: BTreeSet<(usize, usize)> = greedy_feedback_arc_set(&g)
        .map(|e| (g[e.source()], g[e.target()]))
        .collect();
    let mut dag: DiGraph<usize, ()> = DiGraph::with_capacity(items.len(), kinds.len());
    let dnodes: Vec<NodeIndex> = (0..items.len()).map(|i| dag.add_node(i)).collect();
    for &(a, b) in kinds.keys() {
        if !fas.contains(&(a, b)) {
            dag.add_edge(dnodes[a], dnodes[b], ());
        }
    }
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
    let mut out: DiGraph<usize, (String, bool)> = DiGraph::with_capacity(items.len(), kept.len());
    let onodes: Vec<NodeIndex> = (0..items.len()).map(|i| out.add_node(i)).collect();
    let mut links = Vec::new();
    for (a, b, cyclic) in kept {
        let kind = kinds
            .get(&(a, b))
            .map(|s| s.iter().cloned().collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        out.add_edge(onodes[a], onodes[b], (kind.clone(), cyclic));
        links.push(Link {
            from: a,
            to: b,
            kind,
            cyclic,
        });
    }
    (out, links, dropped)
}

/// At most this many relation edges are drawn.
const MAX_LINKS: usize = 200;

// ---------------------------------------------------------------------------
// Styling
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Glyph {
    Circle,
    Square,
    Diamond,
    TriUp,
    TriDown,
    Hexagon,
    Octagon,
    Pentagon,
    Star,
    House,
    Parallelogram,
    Trapezium,
    DoubleCircle,
    Cross,
    Note,
    Ellipse,
}

struct KindStyle {
    color: &'static str,
    glyph: Glyph,
    dot_shape: &'static str,
}

fn kind_style(kind: &str) -> KindStyle {
    let (color, glyph, dot_shape) = match kind {
        "PhoneCall" => ("#4E79A7", Glyph::Circle, "ellipse"),
        "Meeting" => ("#59A14F", Glyph::Square, "box"),
        "Summit" => ("#2F7F3A", Glyph::Star, "doubleoctagon"),
        "Visit" => ("#76B7B2", Glyph::House, "house"),
        "Negotiation" => ("#3A8FB7", Glyph::Hexagon, "hexagon"),
        "Attack" => ("#D62728", Glyph::TriUp, "rarrow"),
        "Pledge" => ("#F28E2B", Glyph::Diamond, "tab"),
        "Threat" => ("#B07AA1", Glyph::TriDown, "invhouse"),
        "Statement" => ("#9C755F", Glyph::Note, "note"),
        "Request" => ("#C9A800", Glyph::Parallelogram, "parallelogram"),
        "Aid" => ("#6BBF59", Glyph::Cross, "cds"),
        "Sanction" => ("#8C564B", Glyph::Octagon, "octagon"),
        "Agreement" => ("#17BECF", Glyph::DoubleCircle, "folder"),
        "Ceasefire" => ("#86BCB6", Glyph::Pentagon, "septagon"),
        "Accusation" => ("#E377C2", Glyph::Trapezium, "trapezium"),
        _ => ("#7F7F7F", Glyph::Ellipse, "ellipse"),
    };
    KindStyle {
        color,
        glyph,
        dot_shape,
    }
}

fn status_dash(status: &str) -> Option<&'static str> {
    match status {
        "Planned" => Some("5,3"),
        "Claimed" => Some("1.5,2.5"),
        _ => None,
    }
}

fn status_grey(status: &str) -> bool {
    matches!(status, "Possible" | "Negated")
}

// ---------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------

fn bad_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Removes control characters and folds all whitespace runs to one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !bad_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// XML text/attribute escaping; control characters removed.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => {}
            c if bad_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Content of a DOT double-quoted string; newlines become `\n` line breaks.
///
/// Graphviz expands `\N`, `\G`, `\E`, `\T`, `\H`, `\L` in some
/// attributes (tooltips) even after a doubled backslash, so a zero-width
/// space is put between an escaped backslash and such a letter.
fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push_str("\\\\");
                if chars.peek().is_some_and(|n| "NGETHLlnr".contains(*n)) {
                    out.push('\u{200B}');
                }
            }
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if bad_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A URL safe for both DOT and XML attribute use: whitespace and control
/// characters dropped; only http(s)/mailto or relative links are kept.
fn clean_url(u: &str) -> Option<String> {
    let u: String = u
        .chars()
        .filter(|c| !c.is_whitespace() && !bad_char(*c))
        .collect();
    let lower = u.to_ascii_lowercase();
    let has_scheme = lower.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if u.is_empty() || (has_scheme && !(lower.starts_with("http:") || lower.starts_with("https:")))
    {
        return None;
    }
    Some(u)
}

fn q(s: &str) -> Id {
    id!(esc dot_escape(s))
}

fn a(k: &str, v: &str) -> Attribute {
    Attribute(id!(k), q(v))
}

/// Text inside a Graphviz HTML-like label.
fn html_text(s: &str) -> String {
    let mut out = String::new();
    for c in one_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL for a DOT `URL` attribute. Graphviz copies URLs into its SVG
/// output without escaping them, so everything XML-special or unsafe is
/// percent-encoded and `&` is written as `&amp;` (which Graphviz keeps as an
/// entity either way).
fn dot_url(u: &str) -> String {
    let mut out = String::new();
    let mut buf = [0u8; 4];
    for c in u.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$()*+,;=%".contains(c) {
            out.push(c);
        } else if c == '&' {
            out.push_str("&amp;");
        } else {
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn tooltip(it: &Item) -> String {
    let mut t = it.label.clone();
    let when = match it.dated() {
        Some((e, l)) => fmt_window(e, l),
        None => "undated".to_string(),
    };
    let _ = write!(t, "\n{} · {}", when, it.status);
    if it.status_counts.len() > 1 {
        let parts: Vec<String> = it
            .status_counts
            .iter()
            .map(|(s, n)| format!("{s} {n}"))
            .collect();
        let _ = write!(t, " ({})", parts.join(", "));
    }
    if it.count > 1 {
        let _ = write!(t, "\n{} events folded", it.count);
    }
    if let Some(p) = &it.place {
        let _ = write!(t, "\nPlace: {}", one_line(p));
    }
    if !it.actors.is_empty() {
        let shown: Vec<String> = it.actors.iter().take(8).map(|a| one_line(a)).collect();
        let _ = write!(t, "\nActors: {}", shown.join(", "));
        if it.actors.len() > 8 {
            let _ = write!(t, " +{}", it.actors.len() - 8);
        }
    }
    for ev in &it.evidence {
        let _ = write!(t, "\n“{}”", truncate(ev, 300));
    }
    for s in it.sources.iter().take(5) {
        let _ = write!(t, "\n— {}", truncate(&s.title, 120));
        if let Some(d) = s.published {
            let _ = write!(t, " ({})", fmt_day(d));
        }
    }
    if it.sources.len() > 5 {
        let _ = write!(t, "\n— and {} more sources", it.sources.len() - 5);
    }
    t
}

// ---------------------------------------------------------------------------
// DOT
// ---------------------------------------------------------------------------

impl Timeline {
    /// Graphviz DOT text, printed with graphviz-rust's printer.
    pub fn to_dot(&self) -> String {
        let g = self.dot_graph();
        let mut ctx = PrinterContext::default();
        g.print(&mut ctx)
    }

    fn dot_graph(&self) -> Graph {
        let mut stmts: Vec<Stmt> = Vec::new();
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
        stmts.push(Stmt::GAttribute(GraphAttributes::Graph(gattrs)));
        stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
            a("fontname", "Helvetica"),
            a("fontsize", "10"),
            a("style", "filled"),
            a("margin", "0.05,0.02"),
        ])));
        stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
            a("fontname", "Helvetica"),
            a("fontsize", "8"),
        ])));

        // Axis: tick nodes chained by a visible line; breaks in between.
        let ticks = self.axis.tick_labels();
        let mut pub_by_slot: BTreeMap<usize, Vec<&Source>> = BTreeMap::new();
        for (d, s) in &self.pubs {
            pub_by_slot.entry(self.axis.slot(*d)).or_default().push(s);
        }
        let mut axis_chain: Vec<String> = Vec::new();
        let mut break_iter = self.axis.breaks.iter();
        let mut prev_seg = None;
        for (slot, _t, d, p, sec) in &ticks {
            let seg = self
                .axis
                .segments
                .iter()
                .position(|s| *slot >= s.slot0 && *slot < s.slot0 + s.ticks.len());
            if prev_seg.is_some() && seg != prev_seg {
                if let Some((_, label)) = break_iter.next() {
                    let bid = format!("gap{slot}");
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
                    axis_chain.push(bid);
                }
            }
            prev_seg = seg;
            let tid = format!("t{slot}");
            let mut label = match sec {
                Some(s) => format!("{p}\n{s}"),
                None => p.clone(),
            };
            let mut attrs = vec![a("shape", "plaintext"), a("style", ""), a("fontsize", "9")];
            if let Some(srcs) = pub_by_slot.get(slot) {
                let _ = write!(label, "\n▼ {} published", srcs.len());
                let tip: Vec<String> = srcs
                    .iter()
                    .take(10)
                    .map(|s| truncate(&s.title, 100))
                    .collect();
                attrs.push(a(
                    "tooltip",
                    &format!("Published {}:\n{}", fmt_day(*d), tip.join("\n")),
                ));
                if let Some(u) = srcs
                    .iter()
                    .find_map(|s| s.url.as_deref().and_then(clean_url))
                {
                    attrs.push(a("URL", &dot_url(&u)));
                }
            }
            attrs.push(a("label", &label));
            stmts.push(Stmt::Node(node!(tid.clone(), attrs)));
            axis_chain.push(tid);
        }
        let has_undated = self.has_undated();
        if has_undated {
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
            axis_chain.push("tundated".into());
        }
        for w in axis_chain.windows(2) {
            let undated_link = w[1] == "tundated";
            let mut attrs = vec![
                a("arrowhead", "none"),
                a("penwidth", "2"),
                a("color", "#999999"),
            ];
            if w[0].starts_with("gap") || w[1].starts_with("gap") || undated_link {
                attrs.push(a("style", "dashed"));
            }
            stmts.push(Stmt::Edge(edge!(node_id!(w[0]) => node_id!(w[1]), attrs)));
        }

        // Event nodes, grouped into lane clusters.
        let mut lane_nodes: Vec<Vec<Stmt>> = vec![Vec::new(); self.lanes.len()];
        let mut undated_nodes: Vec<Stmt> = Vec::new();
        let mut rank_groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut extra_edges: Vec<Stmt> = Vec::new();
        for it in &self.items {
            let nid = it.dom.replace('-', "_");
            let n = node!(nid.clone(), self.dot_node_attrs(it));
            match it.dated() {
                None => undated_nodes.push(Stmt::Node(n)),
                Some((e, l)) => {
                    let lane = it.lanes.first().copied().unwrap_or(0);
                    lane_nodes[lane].push(Stmt::Node(n));
                    let s0 = self.axis.slot(e);
                    rank_groups.entry(s0).or_default().push(nid.clone());
                    let s1 = self.axis.slot(l);
                    let style = kind_style(&it.kind);
                    // Long or folded windows keep their dates in the label
                    // only: dot would route a long bar around other nodes.
                    if s1 > s0 && s1 - s0 <= 12 && it.count == 1 {
                        // A window: a bar to a point in the end slot.
                        let end = format!("{nid}_end");
                        lane_nodes[lane].push(Stmt::Node(node!(
                            end.clone(),
                            vec![
                                a("shape", "point"),
                                a("width", "0.08"),
                                a("color", style.color),
                                a("tooltip", &format!("end of {}", it.label)),
                            ]
                        )));
                        rank_groups.entry(s1).or_default().push(end.clone());
                        let mut ea = vec![
                            a("arrowhead", "tee"),
                            a("penwidth", "4"),
                            a("color", &format!("{}88", style.color)),
                            a("tooltip", &fmt_window(e, l)),
                        ];
                        if let Some(st) = dot_line_style(&it.status) {
                            ea.push(a("style", st));
                        }
                        extra_edges.push(Stmt::Edge(
                            edge!(node_id!(nid.clone()) => node_id!(end), ea),
                        ));
                    }
                    // Other actors' lanes: a small marker joined by a connector.
                    // (Flat edges between clusters upset dot's router, so the
                    // event is repeated in each lane instead of connected.)
                    for &other in it.lanes.iter().skip(1) {
                        let echo = format!("{nid}_l{other}");
                        let mut attrs = self.dot_node_attrs(it);
                        for at in &mut attrs {
                            if at.0 == id!("id") {
                                at.1 = q(&format!("{}-l{other}", it.dom));
                            }
                        }
                        lane_nodes[other].push(Stmt::Node(node!(echo.clone(), attrs)));
                        rank_groups.entry(s0).or_default().push(echo);
                    }
                }
            }
        }
        for (i, nodes) in lane_nodes.into_iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            let mut body = vec![Stmt::Attribute(a("label", &self.lane_title(i)))];
            body.push(Stmt::Attribute(a("style", "rounded,filled")));
            body.push(Stmt::Attribute(a(
                "fillcolor",
                if i % 2 == 0 { "#F7F7F7" } else { "#EEF2F7" },
            )));
            body.push(Stmt::Attribute(a("color", "#DDDDDD")));
            body.push(Stmt::Attribute(a("fontsize", "11")));
            body.extend(nodes);
            stmts.push(Stmt::Subgraph(subgraph!(format!("cluster_lane{i}"), body)));
        }
        if !undated_nodes.is_empty() {
            let mut body = vec![
                Stmt::Attribute(a("label", "Undated (no date known)")),
                Stmt::Attribute(a("style", "dashed,rounded")),
                Stmt::Attribute(a("color", "#999999")),
                Stmt::Attribute(a("fontsize", "11")),
            ];
            let ids: Vec<String> = self
                .items
                .iter()
                .filter(|i| i.dated().is_none())
                .map(|i| i.dom.replace('-', "_"))
                .collect();
            body.extend(undated_nodes);
            stmts.push(Stmt::Subgraph(subgraph!("cluster_undated", body)));
            let mut r = vec![
                Stmt::Attribute(a("rank", "same")),
                Stmt::Node(node!("tundated", vec![])),
            ];
            r.extend(ids.into_iter().map(|i| Stmt::Node(node!(i, vec![]))));
            stmts.push(Stmt::Subgraph(subgraph!("rank_undated", r)));
        }
        // One rank=same group per time slot: the tick plus its events.
        for (slot, ids) in rank_groups {
            let tick = format!("t{slot}");
            let mut r = vec![
                Stmt::Attribute(a("rank", "same")),
                Stmt::Node(node!(tick, vec![])),
            ];
            r.extend(ids.into_iter().map(|i| Stmt::Node(node!(i, vec![]))));
            stmts.push(Stmt::Subgraph(subgraph!(format!("rank{slot}"), r)));
        }
        stmts.extend(extra_edges);
        // Relations.
        // A relation between two events of the same time slot in different
        // lanes would be a flat edge between clusters, which makes dot fail
        // ("trouble in init_rank"); those are left to the tooltip/SVG.
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
        for l in &self.links {
            let (sa, la) = place_of(l.from);
            let (sb, lb) = place_of(l.to);
            if sa == sb && la != lb {
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
        // Legend.
        stmts.push(Stmt::Subgraph(self.dot_legend()));
        Graph::DiGraph {
            id: id!("timeline"),
            strict: false,
            stmts,
        }
    }

    fn lane_title(&self, i: usize) -> String {
        match self.opts.lanes {
            Lanes::None => "Events".to_string(),
            Lanes::Kind => capitalize(&humanize_kind(&self.lanes[i])),
            Lanes::Actor => self.lanes[i].clone(),
        }
    }

    fn dot_node_attrs(&self, it: &Item) -> Vec<Attribute> {
        let style = kind_style(&it.kind);
        let grey = status_grey(&it.status);
        let mut styles = vec!["filled"];
        if let Some(s) = dot_line_style(&it.status) {
            styles.push(s);
        }
        if it.kind == "Statement" || it.kind == "Meeting" || matches!(style.dot_shape, "box") {
            styles.push("rounded");
        }
        let label_text = match it.dated() {
            Some((e, l)) if e != l => format!("{}\n{}", it.label, fmt_window(e, l)),
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
        if it.status == "Negated" {
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
        let kinds: BTreeSet<&str> = self.items.iter().map(|i| i.kind.as_str()).collect();
        let statuses: BTreeSet<&str> = self.items.iter().map(|i| i.status.as_str()).collect();
        let mut body = vec![
            Stmt::Attribute(a("label", "Legend")),
            Stmt::Attribute(a("fontsize", "11")),
            Stmt::Attribute(a("color", "#CCCCCC")),
        ];
        for (i, k) in kinds.iter().enumerate() {
            let st = kind_style(k);
            let mut attrs = vec![
                Attribute(id!("shape"), id!(st.dot_shape)),
                a("label", &capitalize(&humanize_kind(k))),
                a("color", st.color),
                a("fillcolor", &format!("{}33", st.color)),
                a("fontsize", "9"),
            ];
            if st.dot_shape == "box" {
                attrs.push(a("style", "filled,rounded"));
            }
            let nid = format_id("lgk", i);
            body.push(Stmt::Node(node!(nid, attrs)));
        }
        for (i, stt) in statuses.iter().enumerate() {
            let grey = status_grey(stt);
            let mut style = vec!["filled"];
            if let Some(ls) = dot_line_style(stt) {
                style.push(ls);
            }
            let text = match *stt {
                "Mixed" => "Folded, mixed statuses".to_string(),
                other => other.to_string(),
            };
            let mut attrs = vec![
                a("shape", "box"),
                a("style", &style.join(",")),
                a("color", if grey { "#999999" } else { "#444444" }),
                a("fillcolor", if grey { "#CCCCCC33" } else { "#FFFFFF" }),
                a("fontcolor", if grey { "#777777" } else { "#222222" }),
                a("fontsize", "9"),
            ];
            if *stt == "Negated" {
                attrs.push(Attribute(id!("label"), id!(html "<<S>Negated</S>>")));
            } else {
                attrs.push(a("label", &text));
            }
            let nid = format_id("lgs", i);
            body.push(Stmt::Node(node!(nid, attrs)));
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

fn format_id(prefix: &str, i: usize) -> String {
    format!("{prefix}{i}")
}

fn dot_line_style(status: &str) -> Option<&'static str> {
    match status {
        "Planned" => Some("dashed"),
        "Claimed" => Some("dotted"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Pure-Rust SVG
// ---------------------------------------------------------------------------

const ROW: f64 = 24.0;
const LANE_PAD: f64 = 8.0;
const MARK: f64 = 12.0;
const FONT: f64 = 11.0;
const COL_W: f64 = 250.0;

fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| {
            let w = if c == ' ' {
                0.28
            } else if c.is_ascii_uppercase() {
                0.67
            } else if c.is_ascii() {
                0.53
            } else if ('\u{1100}'..='\u{FFDC}').contains(&c)
                && !('\u{2000}'..='\u{2BFF}').contains(&c)
            {
                1.0
            } else {
                0.62
            };
            w * size
        })
        .sum()
}

/// Placement of one drawn glyph in abstract coordinates: `t` along the time
/// axis (px), `track` within its lane.
#[derive(Clone, Copy, Debug)]
struct Place {
    lane: usize,
    track: usize,
    t_mark: f64,
    t_bar: Option<(f64, f64)>,
}

struct Packer {
    ends: Vec<f64>,
}

impl Packer {
    fn place(&mut self, start: f64, end: f64) -> usize {
        for (i, e) in self.ends.iter_mut().enumerate() {
            if *e <= start {
                *e = end;
                return i;
            }
        }
        self.ends.push(end);
        self.ends.len() - 1
    }
}

struct SvgLayout {
    /// Per item: primary placement.
    main: Vec<Option<Place>>,
    /// Per item: echo placements in other lanes.
    echoes: Vec<Vec<Place>>,
    /// Cross offset of each lane's start and its size.
    lane_c: Vec<(f64, f64)>,
    undated_lane: Option<usize>,
    time_len: f64,
}

impl Timeline {
    fn layout(&self) -> SvgLayout {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let nl = self.lanes.len();
        let undated_lane = self.has_undated().then_some(nl);
        let total_lanes = nl + usize::from(undated_lane.is_some());
        let mut packers: Vec<Packer> = (0..total_lanes)
            .map(|_| Packer { ends: Vec::new() })
            .collect();
        let mut main = vec![None; self.items.len()];
        let mut echoes = vec![Vec::new(); self.items.len()];
        let time_len = self.axis.len.max(if horiz { 480.0 } else { 360.0 });
        let gap = 10.0;
        // Dated items.
        for (i, it) in self.items.iter().enumerate() {
            let Some((e, l)) = it.dated() else { continue };
            let t0 = self.axis.pos(e, false);
            let t1 = self.axis.pos(l, true);
            let bar = (e != l && t1 - t0 >= MARK).then_some((t0, t1));
            // The glyph sits on the middle of the first day, so glyph
            // positions grow strictly with the date at every tick unit.
            let t_mark = (t0 + self.axis.pos(e, true)) / 2.0;
            let extent_end = if horiz {
                (t_mark + MARK / 2.0 + 4.0 + self.label_width(it)).max(t1)
            } else {
                (t_mark + ROW / 2.0).max(t1)
            };
            let start = (t_mark - MARK / 2.0).min(t0);
            let lane = it.lanes.first().copied().unwrap_or(0);
            let track = packers[lane].place(start, extent_end + gap);
            main[i] = Some(Place {
                lane,
                track,
                t_mark,
                t_bar: bar,
            });
            for &other in it.lanes.iter().skip(1) {
                // Vertical: the connector runs across the lanes, so it is
                // moved just below the label line.
                let t_echo = if horiz { t_mark } else { t_mark + MARK * 0.75 };
                let track = packers[other].place(t_echo - MARK, t_echo + MARK);
                echoes[i].push(Place {
                    lane: other,
                    track,
                    t_mark: t_echo,
                    t_bar: None,
                });
            }
        }
        // Undated items: packed in reading order, not on the time axis.
        if let Some(ul) = undated_lane {
            let mut cursor = 0.0;
            let mut track = 0;
            for (i, it) in self.items.iter().enumerate() {
                if it.dated().is_some() {
                    continue;
                }
                let w = if horiz {
                    MARK + 4.0 + self.label_width(it) + 2.0 * gap
                } else {
                    ROW
                };
                let limit = if horiz { time_len } else { f64::MAX };
                if cursor > 0.0 && cursor + w > limit {
                    track += 1;
                    cursor = 0.0;
                }
                if !horiz {
                    // Vertical: one column per undated lane, stacked down.
                    track = 0;
                }
                main[i] = Some(Place {
                    lane: ul,
                    track,
                    t_mark: cursor + MARK / 2.0 + gap,
                    t_bar: None,
                });
                cursor += w;
                packers[ul].ends.resize(track + 1, 0.0);
            }
        }
        let tracks: Vec<usize> = packers.iter().map(|p| p.ends.len().max(1)).collect();
        let track_size = if horiz { ROW } else { COL_W };
        let mut lane_c = Vec::new();
        let mut c = 0.0;
        for (li, &n) in tracks.iter().enumerate() {
            let mut size = n as f64 * track_size + 2.0 * LANE_PAD;
            if Some(li) == undated_lane {
                size += if horiz { 8.0 } else { 0.0 };
            }
            lane_c.push((c, size));
            c += size;
        }
        let mut time_len = time_len;
        if !horiz {
            if let Some(ul) = undated_lane {
                let n = self.items.iter().filter(|i| i.dated().is_none()).count();
                let _ = ul;
                time_len = time_len.max(n as f64 * ROW + 20.0);
            }
        }
        SvgLayout {
            main,
            echoes,
            lane_c,
            undated_lane,
            time_len,
        }
    }

    fn label_width(&self, it: &Item) -> f64 {
        let links = it
            .sources
            .iter()
            .filter(|s| s.url.as_deref().and_then(clean_url).is_some())
            .count()
            .min(max_links(it));
        text_width(&it.label, FONT) + links as f64 * 12.0
    }

    /// Self-contained SVG drawn without Graphviz.
    pub fn to_svg(&self) -> String {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let lay = self.layout();
        // Frame.
        let left = if horiz { 150.0 } else { 110.0 };
        let mut top = 16.0;
        let title_h = if self.opts.title.is_some() { 28.0 } else { 0.0 };
        let notes_h = self.notes.len() as f64 * 16.0;
        top += title_h + notes_h;
        let axis_h = if horiz { 52.0 } else { 40.0 };
        let cross_total: f64 = lay.lane_c.last().map_or(0.0, |(c, s)| c + s);
        // Origin of the lane area.
        let (ox, oy) = (left, top + axis_h);
        let time_len = lay.time_len + 20.0;
        let (area_w, area_h) = if horiz {
            (time_len + 260.0, cross_total)
        } else {
            (cross_total, time_len)
        };
        let legend = self.legend_entries();
        let width = (ox + area_w + 20.0).max(720.0);
        let legend_cols = ((width - 40.0) / 190.0).floor().max(1.0) as usize;
        let legend_h = 30.0 + (legend.len().div_ceil(legend_cols)) as f64 * 20.0;
        let height = oy + area_h + 20.0 + legend_h;

        // (t, c) → (x, y)
        let map = |t: f64, c: f64| -> (f64, f64) {
            if horiz {
                (ox + t, oy + c)
            } else {
                (ox + c, oy + t)
            }
        };
        let track_size = if horiz { ROW } else { COL_W };
        let cross_of = |p: &Place| -> f64 {
            let (c0, _) = lay.lane_c[p.lane];
            c0 + LANE_PAD
                + p.track as f64 * track_size
                + if horiz { ROW / 2.0 } else { MARK / 2.0 + 2.0 }
        };

        let mut s = String::with_capacity(4096 + self.items.len() * 600);
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif" class="timeline" data-orientation="{o}">"#,
            w = width,
            h = height,
            o = if horiz { "horizontal" } else { "vertical" }
        );
        s.push_str(concat!(
            "<defs>",
            r##"<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker>"##,
            r##"<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#FAFAFA"/><line x1="0" y1="0" x2="0" y2="6" stroke="#E4E4E4" stroke-width="2"/></pattern>"##,
            "<style>",
            ".event text{font-size:11px;fill:#222}",
            ".event.status-Possible text,.event.status-Negated text{fill:#888}",
            ".tick{font-size:10px;fill:#444}.tick2{font-size:10px;fill:#000;font-weight:bold}",
            ".lane-label{font-size:12px;font-weight:bold;fill:#333}",
            ".legend text{font-size:11px;fill:#333}",
            "a:hover text{text-decoration:underline}",
            "</style></defs>"
        ));
        let _ = write!(
            s,
            r##"<rect x="0" y="0" width="{width:.0}" height="{height:.0}" fill="#FFFFFF"/>"##
        );
        let mut y = 16.0;
        if let Some(t) = &self.opts.title {
            let _ = write!(
                s,
                r##"<text x="20" y="{:.1}" font-size="18" font-weight="bold" fill="#111" class="title">{}</text>"##,
                y + 14.0,
                xml(&one_line(t))
            );
            y += title_h;
        }
        for n in &self.notes {
            let _ = write!(
                s,
                r##"<text x="20" y="{:.1}" font-size="11" fill="#A05A00" class="note">ⓘ {}</text>"##,
                y + 11.0,
                xml(n)
            );
            y += 16.0;
        }

        // Lanes (bands).
        s.push_str(r#"<g class="lanes">"#);
        for (li, &(c0, size)) in lay.lane_c.iter().enumerate() {
            let undated = Some(li) == lay.undated_lane;
            let name = if undated {
                "Undated".to_string()
            } else {
                self.lane_title(li)
            };
            let (x, yb) = map(0.0, c0);
            let (w, h) = if horiz {
                (area_w - 20.0, size)
            } else {
                (size, time_len)
            };
            let fill = if undated {
                "url(#hatch)"
            } else if li % 2 == 0 {
                "#F6F7F9"
            } else {
                "#FFFFFF"
            };
            let _ = write!(
                s,
                r##"<g class="lane{}" id="lane-{}" data-lane="{}"><rect class="lane-band" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#E2E4E8"/>"##,
                if undated { " undated" } else { "" },
                if undated {
                    "undated".to_string()
                } else {
                    li.to_string()
                },
                xml(&name),
                x,
                yb,
                w,
                h,
                fill
            );
            let shown = if undated {
                UNDATED.to_string()
            } else if self.opts.lanes == Lanes::None {
                String::new()
            } else {
                fit_width(&name, if horiz { left - 16.0 } else { COL_W - 12.0 }, 12.0)
            };
            if horiz {
                let _ = write!(
                    s,
                    r#"<text class="lane-label" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
                    ox - 10.0,
                    yb + ROW / 2.0 + LANE_PAD + 4.0,
                    xml(&shown)
                );
                if undated {
                    let _ = write!(
                        s,
                        r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="9" fill="#777">no date known</text>"##,
                        ox - 10.0,
                        yb + ROW / 2.0 + LANE_PAD + 16.0
                    );
                }
            } else {
                let _ = write!(
                    s,
                    r#"<text class="lane-label" x="{:.1}" y="{:.1}">{}</text>"#,
                    x + 6.0,
                    oy - 8.0,
                    xml(&truncate(&shown, 30))
                );
            }
            s.push_str("</g>");
        }
        s.push_str("</g>");

        // Axis.
        let dated_cross = lay.undated_lane.map_or(cross_total, |ul| lay.lane_c[ul].0);
        s.push_str(r#"<g class="axis">"#);
        let axis_c = -6.0;
        for seg in &self.axis.segments {
            let (x0, y0) = map(seg.t0, axis_c);
            let (x1, y1) = map(seg.t0 + seg.ticks.len() as f64 * self.axis.tick, axis_c);
            let _ = write!(
                s,
                r##"<line x1="{x0:.1}" y1="{y0:.1}" x2="{x1:.1}" y2="{y1:.1}" stroke="#555" stroke-width="2"/>"##
            );
        }
        for (_slot, t, d, p, sec) in self.axis.tick_labels() {
            let (x, y) = map(t, axis_c);
            let (gx, gy) = map(t, dated_cross);
            let _ = write!(
                s,
                r##"<line class="grid" x1="{x:.1}" y1="{y:.1}" x2="{gx:.1}" y2="{gy:.1}" stroke="#DDDDDD" stroke-width="1"/>"##
            );
            let (lx, ly, anchor) = if horiz {
                (x + 3.0, y - 8.0, "start")
            } else {
                (x - 8.0, y + 12.0, "end")
            };
            let _ = write!(
                s,
                r#"<text class="tick" x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}" data-date="{d}">{}</text>"#,
                xml(&p)
            );
            if let Some(sec) = sec {
                let (sx, sy) = if horiz {
                    (x + 3.0, y - 22.0)
                } else {
                    (x - 8.0, y + 24.0)
                };
                let _ = write!(
                    s,
                    r#"<text class="tick2" x="{sx:.1}" y="{sy:.1}" text-anchor="{anchor}">{}</text>"#,
                    xml(&sec)
                );
            }
        }
        for (t, label) in &self.axis.breaks {
            // Zig-zag across the axis and a hatched band through the lanes.
            let (x, y) = map(*t, axis_c);
            let zig = if horiz {
                format!(
                    "M{:.1},{:.1} l-5,-5 l5,-5 M{:.1},{:.1} l-5,5 l5,5",
                    x - 4.0,
                    y,
                    x - 4.0,
                    y
                )
            } else {
                format!(
                    "M{:.1},{:.1} l-6,-6 l6,-6 l-6,-6 M{:.1},{:.1} l6,-6 l-6,-6",
                    x,
                    y - 4.0,
                    x,
                    y - 4.0
                )
            };
            let (bx, by) = map(*t - BREAK_W / 2.0 + 8.0, 0.0);
            let (bw, bh) = if horiz {
                (BREAK_W - 16.0, dated_cross)
            } else {
                (dated_cross, BREAK_W - 16.0)
            };
            let (tx, ty, anchor) = if horiz {
                (x - 2.0, y - 24.0, "middle")
            } else {
                (x - 12.0, y + 4.0, "end")
            };
            let _ = write!(
                s,
                r##"<g class="gap"><rect x="{bx:.1}" y="{by:.1}" width="{bw:.1}" height="{bh:.1}" fill="url(#hatch)" opacity="0.8"/><path d="{zig}" stroke="#555" stroke-width="1.5" fill="none"/><text x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}" font-size="10" fill="#A05A00" font-style="italic">// {}</text></g>"##,
                xml(label)
            );
        }
        // Publication markers.
        let mut pub_groups: BTreeMap<NaiveDate, Vec<&Source>> = BTreeMap::new();
        for (d, src) in &self.pubs {
            pub_groups.entry(*d).or_default().push(src);
        }
        for (d, srcs) in &pub_groups {
            let t = (self.axis.pos(*d, false) + self.axis.pos(*d, true)) / 2.0;
            let (x, y) = map(t, axis_c);
            let tri = if horiz {
                format!("M{:.1},{:.1} l-4,-7 l8,0 z", x, y - 1.0)
            } else {
                format!("M{:.1},{:.1} l-7,-4 l0,8 z", x - 1.0, y)
            };
            let tip: Vec<String> = srcs.iter().map(|s| one_line(&s.title)).collect();
            let _ = write!(
                s,
                r##"<g class="pub" data-date="{d}"><title>{}</title>"##,
                xml(&format!("Published {}\n{}", fmt_day(*d), tip.join("\n")))
            );
            let href = srcs
                .iter()
                .find_map(|s| s.url.as_deref().and_then(clean_url));
            if let Some(h) = &href {
                let _ = write!(
                    s,
                    r#"<a href="{0}" xlink:href="{0}" target="_blank">"#,
                    xml(h)
                );
            }
            let _ = write!(s, r##"<path d="{tri}" fill="#333"/>"##);
            if href.is_some() {
                s.push_str("</a>");
            }
            s.push_str("</g>");
        }
        s.push_str("</g>");

        // Connectors for multi-lane events (under the glyphs).
        s.push_str(r#"<g class="connectors">"#);
        for (i, it) in self.items.iter().enumerate() {
            let Some(p) = &lay.main[i] else { continue };
            for e in &lay.echoes[i] {
                let (x0, y0) = map(e.t_mark, cross_of(p));
                let (x1, y1) = map(e.t_mark, cross_of(e));
                let _ = write!(
                    s,
                    r#"<line x1="{x0:.1}" y1="{y0:.1}" x2="{x1:.1}" y2="{y1:.1}" stroke="{}" stroke-width="1" stroke-dasharray="2,2" opacity="0.7"/>"#,
                    kind_style(&it.kind).color
                );
            }
        }
        s.push_str("</g>");

        // Events.
        s.push_str(r#"<g class="events">"#);
        for (i, it) in self.items.iter().enumerate() {
            let Some(p) = &lay.main[i] else { continue };
            self.svg_event(&mut s, it, p, &map, cross_of(p), false);
            for e in &lay.echoes[i] {
                self.svg_event(&mut s, it, e, &map, cross_of(e), true);
            }
        }
        s.push_str("</g>");

        // Relations.
        s.push_str(r#"<g class="relations">"#);
        for l in &self.links {
            let (Some(pa), Some(pb)) = (&lay.main[l.from], &lay.main[l.to]) else {
                continue;
            };
            let (x0, y0) = map(pa.t_mark, cross_of(pa));
            let (x1, y1) = map(pb.t_mark, cross_of(pb));
            let bend = 18.0 + ((x1 - x0).abs() + (y1 - y0).abs()) * 0.08;
            let (cx0, cy0, cx1, cy1) = if horiz {
                (x0, y0 - bend, x1, y1 - bend)
            } else {
                (x0 - bend, y0, x1 - bend, y1)
            };
            let _ = write!(
                s,
                r##"<g class="relation" data-kind="{k}" data-from="{f}" data-to="{t}"><title>{tt}</title><path d="M{x0:.1},{y0:.1} C{cx0:.1},{cy0:.1} {cx1:.1},{cy1:.1} {x1:.1},{y1:.1}" fill="none" stroke="{c}" stroke-width="1.2" {d}marker-end="url(#arrow)" opacity="0.75"/></g>"##,
                k = xml(&l.kind),
                f = self.items[l.from].dom,
                t = self.items[l.to].dom,
                tt = xml(&format!(
                    "{} —{}→ {}",
                    self.items[l.from].label, l.kind, self.items[l.to].label
                )),
                c = if l.cyclic { "#CC0000" } else { "#666" },
                d = if l.cyclic {
                    r#"stroke-dasharray="4,3" "#
                } else {
                    ""
                },
            );
        }
        s.push_str("</g>");

        // Legend.
        let ly0 = oy + area_h + 20.0;
        let _ = write!(
            s,
            r#"<g class="legend"><text x="20" y="{:.1}" font-weight="bold">Legend</text>"#,
            ly0 + 12.0
        );
        for (k, (kind, text)) in legend.iter().enumerate() {
            let col = k % legend_cols;
            let row = k / legend_cols;
            let x = 26.0 + col as f64 * 190.0;
            let y = ly0 + 32.0 + row as f64 * 20.0;
            match kind {
                LegendKey::Kind(kd) => {
                    let st = kind_style(kd);
                    s.push_str(&glyph_svg(
                        st.glyph,
                        x,
                        y,
                        st.color,
                        &format!("{}33", st.color),
                        None,
                    ));
                    s.push_str(&glyph_svg(st.glyph, x, y, st.color, st.color, None));
                }
                LegendKey::Status(stt) => {
                    let dash = status_dash(stt)
                        .map(|d| format!(r#" stroke-dasharray="{d}""#))
                        .unwrap_or_default();
                    let col = if status_grey(stt) {
                        "#AAAAAA"
                    } else {
                        "#444444"
                    };
                    let _ = write!(
                        s,
                        r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="white" stroke="{col}" stroke-width="1.6"{dash}/>"#,
                        x - 6.0,
                        y - 6.0
                    );
                    if *stt == "Negated" {
                        let _ = write!(
                            s,
                            r##"<path d="M{:.1},{:.1} l12,12 M{:.1},{:.1} l12,-12" stroke="#555" stroke-width="1.2"/>"##,
                            x - 6.0,
                            y - 6.0,
                            x - 6.0,
                            y + 6.0
                        );
                    }
                }
                LegendKey::Pub => {
                    let _ = write!(
                        s,
                        r##"<path d="M{:.1},{:.1} l-4,-7 l8,0 z" fill="#333"/>"##,
                        x,
                        y + 3.0
                    );
                }
                LegendKey::Window => {
                    let _ = write!(
                        s,
                        r##"<rect x="{:.1}" y="{:.1}" width="14" height="8" rx="3" fill="#88888855" stroke="#888"/>"##,
                        x - 7.0,
                        y - 4.0
                    );
                }
                LegendKey::Relation => {
                    let _ = write!(
                        s,
                        r##"<path d="M{:.1},{:.1} l14,0" stroke="#666" marker-end="url(#arrow)"/>"##,
                        x - 7.0,
                        y
                    );
                }
                LegendKey::Gap => {
                    let _ = write!(
                        s,
                        r##"<path d="M{:.1},{:.1} l-4,-4 l4,-4 M{:.1},{:.1} l-4,4 l4,4" stroke="#555" fill="none"/>"##,
                        x, y, x, y
                    );
                }
            }
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
                x + 12.0,
                y + 4.0,
                xml(text)
            );
        }
        s.push_str("</g></svg>\n");
        s
    }

    fn svg_event(
        &self,
        s: &mut String,
        it: &Item,
        p: &Place,
        map: &dyn Fn(f64, f64) -> (f64, f64),
        c: f64,
        echo: bool,
    ) {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let st = kind_style(&it.kind);
        let grey = status_grey(&it.status);
        let stroke = if grey { "#9A9A9A" } else { st.color };
        let fill = if grey { "#D0D0D0" } else { st.color };
        let dash = status_dash(&it.status);
        let dash_attr = dash
            .map(|d| format!(r#" stroke-dasharray="{d}""#))
            .unwrap_or_default();
        let (mx, my) = map(p.t_mark, c);
        let lane_name = if Some(p.lane) == self.undated_lane_index() {
            UNDATED.to_string()
        } else {
            self.lanes.get(p.lane).cloned().unwrap_or_default()
        };
        let (date_attr, latest_attr) = match it.dated() {
            Some((e, l)) => (e.to_string(), l.to_string()),
            None => ("undated".to_string(), "undated".to_string()),
        };
        let _ = write!(
            s,
            r#"<g class="event{} kind-{} status-{}" id="{}{}" data-date="{}" data-latest="{}" data-lane="{}" data-x="{:.2}" data-y="{:.2}" data-count="{}" data-iri="{}">"#,
            if echo { " echo" } else { "" },
            xml(&css_token(&it.kind)),
            xml(&css_token(&it.status)),
            it.dom,
            if echo {
                format!("-l{}", p.lane)
            } else {
                String::new()
            },
            date_attr,
            latest_attr,
            xml(&lane_name),
            mx,
            my,
            it.count,
            xml(it.ids.first().map_or("", |s| s.as_str())),
        );
        let _ = write!(s, "<title>{}</title>", xml(&tooltip(it)));
        if echo {
            let _ = write!(
                s,
                r#"<circle cx="{mx:.1}" cy="{my:.1}" r="4" fill="white" stroke="{stroke}" stroke-width="1.5"{dash_attr}/>"#
            );
            s.push_str("</g>");
            return;
        }
        if let Some((t0, t1)) = p.t_bar {
            let (x0, y0) = map(t0, c);
            let (x1, y1) = map(t1, c);
            let (x, y, w, h) = if horiz {
                (x0, y0 - 8.0, x1 - x0, 16.0)
            } else {
                (x0 - 8.0, y0, 16.0, y1 - y0)
            };
            let _ = write!(
                s,
                r#"<rect class="window" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="5" fill="{fill}" fill-opacity="0.13" stroke="{stroke}" stroke-opacity="0.8" stroke-width="1"{dash_attr}/>"#
            );
        }
        let fill_marker = if dash.is_some() || it.status == "Negated" {
            "#FFFFFF".to_string()
        } else {
            fill.to_string()
        };
        s.push_str(&glyph_svg(st.glyph, mx, my, stroke, &fill_marker, dash));
        if it.status == "Negated" {
            let _ = write!(
                s,
                r##"<path d="M{:.1},{:.1} l14,14 M{:.1},{:.1} l14,-14" stroke="#444" stroke-width="1.6"/>"##,
                mx - 7.0,
                my - 7.0,
                mx - 7.0,
                my + 7.0
            );
        }
        if it.count > 1 {
            let _ = write!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#222"/>"##,
                mx + 5.0,
                my - 5.0
            );
        }
        let (tx, ty) = (mx + MARK / 2.0 + 4.0, my + 4.0);
        let _ = write!(
            s,
            r#"<text x="{tx:.1}" y="{ty:.1}">{}</text>"#,
            xml(&it.label)
        );
        let lw = text_width(&it.label, FONT);
        if it.status == "Negated" {
            let _ = write!(
                s,
                r##"<line class="strike" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#666" stroke-width="1.2"/>"##,
                tx,
                ty - 3.5,
                tx + lw,
                ty - 3.5
            );
        }
        let mut lx = tx + lw + 3.0;
        for src in it
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref().and_then(clean_url).map(|u| (u, s)))
            .take(max_links(it))
        {
            let (u, so) = src;
            let _ = write!(
                s,
                r##"<a class="source" href="{0}" xlink:href="{0}" target="_blank"><title>{1}</title><text x="{2:.1}" y="{3:.1}" font-size="10" fill="#1A5FB4">↗</text></a>"##,
                xml(&u),
                xml(&one_line(&so.title)),
                lx,
                ty
            );
            lx += 12.0;
        }
        s.push_str("</g>");
    }

    fn undated_lane_index(&self) -> Option<usize> {
        self.has_undated().then_some(self.lanes.len())
    }

    fn legend_entries(&self) -> Vec<(LegendKey, String)> {
        let mut out = Vec::new();
        let kinds: BTreeSet<&str> = self.items.iter().map(|i| i.kind.as_str()).collect();
        for k in kinds {
            out.push((
                LegendKey::Kind(k.to_string()),
                capitalize(&humanize_kind(k)),
            ));
        }
        let statuses: BTreeSet<&str> = self.items.iter().map(|i| i.status.as_str()).collect();
        for s in statuses {
            let desc = match s {
                "Planned" => "Planned (dashed)",
                "Claimed" => "Claimed (dotted)",
                "Possible" => "Possible (grey)",
                "Negated" => "Negated (crossed out)",
                "Occurred" => "Occurred (solid)",
                "Mixed" => "Folded, mixed statuses",
                other => other,
            };
            out.push((LegendKey::Status(s_static(s)), desc.to_string()));
        }
        if self
            .items
            .iter()
            .any(|i| i.dated().is_some_and(|(a, b)| a != b))
        {
            out.push((LegendKey::Window, "Date window (bar)".into()));
        }
        if !self.pubs.is_empty() {
            out.push((LegendKey::Pub, "Source published".into()));
        }
        if !self.links.is_empty() {
            out.push((LegendKey::Relation, "Relation (hover for kind)".into()));
        }
        if !self.axis.breaks.is_empty() {
            out.push((LegendKey::Gap, "Gap not to scale".into()));
        }
        let _ = self.input_count;
        out
    }
}

enum LegendKey {
    Kind(String),
    Status(&'static str),
    Pub,
    Window,
    Relation,
    Gap,
}

fn s_static(s: &str) -> &'static str {
    match s {
        "Planned" => "Planned",
        "Claimed" => "Claimed",
        "Possible" => "Possible",
        "Negated" => "Negated",
        "Mixed" => "Mixed",
        _ => "Occurred",
    }
}

fn max_links(it: &Item) -> usize {
    if it.count > 1 {
        1
    } else {
        3
    }
}

/// Truncates `s` so that it fits `width` px at font `size`.
fn fit_width(s: &str, width: f64, size: f64) -> String {
    let s = one_line(s);
    if text_width(&s, size) <= width {
        return s;
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, size) + text_width(&c.to_string(), size) + size * 0.6 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn css_token(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        "none".into()
    } else {
        t
    }
}

fn polygon(pts: &[(f64, f64)], x: f64, y: f64, r: f64) -> String {
    let mut d = String::new();
    for (i, (px, py)) in pts.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1},{:.1} ",
            if i == 0 { "M" } else { "L" },
            x + px * r,
            y + py * r
        );
    }
    d.push('Z');
    d
}

fn regular(n: usize, rot: f64) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let a = rot + i as f64 * std::f64::consts::TAU / n as f64;
            (a.cos(), a.sin())
        })
        .collect()
}

fn glyph_svg(g: Glyph, x: f64, y: f64, stroke: &str, fill: &str, dash: Option<&str>) -> String {
    let r = MARK / 2.0;
    let dash = dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default();
    let common = format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}"#);
    let half_pi = std::f64::consts::FRAC_PI_2;
    let path = |pts: Vec<(f64, f64)>, scale: f64| -> String {
        format!(
            r#"<path class="glyph" d="{}" {common}/>"#,
            polygon(&pts, x, y, r * scale)
        )
    };
    match g {
        Glyph::Circle => {
            format!(r#"<circle class="glyph" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {common}/>"#)
        }
        Glyph::Ellipse => format!(
            r#"<ellipse class="glyph" cx="{x:.1}" cy="{y:.1}" rx="{:.1}" ry="{:.1}" {common}/>"#,
            r,
            r * 0.7
        ),
        Glyph::DoubleCircle => format!(
            r#"<circle class="glyph" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {common}/><circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="white" stroke-width="1.2"/>"#,
            r * 0.55
        ),
        Glyph::Square => path(
            vec![(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
            1.0,
        ),
        Glyph::Note => path(
            vec![
                (-0.8, -0.95),
                (0.4, -0.95),
                (0.8, -0.55),
                (0.8, 0.95),
                (-0.8, 0.95),
            ],
            1.0,
        ),
        Glyph::Diamond => path(vec![(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)], 1.1),
        Glyph::TriUp => path(vec![(0.0, -1.0), (1.0, 0.8), (-1.0, 0.8)], 1.1),
        Glyph::TriDown => path(vec![(-1.0, -0.8), (1.0, -0.8), (0.0, 1.0)], 1.1),
        Glyph::Hexagon => path(regular(6, 0.0), 1.0),
        Glyph::Octagon => path(regular(8, std::f64::consts::PI / 8.0), 1.0),
        Glyph::Pentagon => path(regular(5, -half_pi), 1.05),
        Glyph::House => path(
            vec![
                (0.0, -1.0),
                (0.9, -0.2),
                (0.9, 0.9),
                (-0.9, 0.9),
                (-0.9, -0.2),
            ],
            1.0,
        ),
        Glyph::Parallelogram => path(
            vec![(-0.5, -0.8), (1.0, -0.8), (0.5, 0.8), (-1.0, 0.8)],
            1.0,
        ),
        Glyph::Trapezium => path(
            vec![(-0.5, -0.8), (0.5, -0.8), (1.0, 0.8), (-1.0, 0.8)],
            1.0,
        ),
        Glyph::Cross => path(
            vec![
                (-0.35, -1.0),
                (0.35, -1.0),
                (0.35, -0.35),
                (1.0, -0.35),
                (1.0, 0.35),
                (0.35, 0.35),
                (0.35, 1.0),
                (-0.35, 1.0),
                (-0.35, 0.35),
                (-1.0, 0.35),
                (-1.0, -0.35),
                (-0.35, -0.35),
            ],
            1.0,
        ),
        Glyph::Star => {
            let pts: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = -half_pi + i as f64 * std::f64::consts::PI / 5.0;
                    let rr = if i % 2 == 0 { 1.0 } else { 0.45 };
                    (rr * a.cos(), rr * a.sin())
                })
                .collect();
            path(pts, 1.25)
        }
    }
}

/// Deterministic synthetic events between `from` and `to` with long empty
/// stretches (for benchmarks, demos and tests): a few actors, all kinds and
/// statuses, some windows, some undated, a source per event.
#[doc(hidden)]
pub fn synthetic_events(n: usize, seed: u64, from: NaiveDate, to: NaiveDate) -> Vec<TimelineEvent> {
    const KINDS: [&str; 15] = [
        "PhoneCall",
        "Meeting",
        "Summit",
        "Visit",
        "Negotiation",
        "Attack",
        "Pledge",
        "Threat",
        "Statement",
        "Request",
        "Aid",
        "Sanction",
        "Agreement",
        "Ceasefire",
        "Accusation",
    ];
    const ACTORS: [&str; 16] = [
        "United States",
        "Russia",
        "Ukraine",
        "China",
        "India",
        "European Union",
        "NATO",
        "Turkey",
        "Iran",
        "Israel",
        "Hamas",
        "Germany",
        "France",
        "United Kingdom",
        "Japan",
        "North Korea",
    ];
    const STATUS: [&str; 8] = [
        "Occurred", "Occurred", "Occurred", "Occurred", "Planned", "Claimed", "Possible", "Negated",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: usize| -> usize {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m.max(1)
    };
    let span = (to - from).num_days().max(1) as usize;
    // Activity comes in three bursts (15%, 10% and 8% of the span) with
    // long empty stretches between them.
    let bursts = [
        (0, span * 15 / 100),
        (span * 55 / 100, span * 65 / 100),
        (span * 92 / 100, span),
    ];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (k1, k2) = (next(KINDS.len()), next(KINDS.len()));
        let kind = KINDS[(k1 * k2) % KINDS.len()];
        let pool = ACTORS.len().min(4 + next(12));
        let a = next(pool);
        let mut actors = vec![ACTORS[a].to_string()];
        if next(3) > 0 {
            let b = (a + 1 + next(5)) % ACTORS.len();
            actors.push(ACTORS[b].to_string());
        }
        let (b0, b1) = bursts[[0, 0, 0, 1, 1, 2][next(6)]];
        let day = b0 + next(b1 - b0);
        let e = from + TimeDelta::days(day as i64);
        let (earliest, latest) = match next(20) {
            0 => (None, None),
            1 => (Some(e), Some(e + TimeDelta::days(6))),
            2 => (Some(bucket(e, Unit::Month)), Some(last_of_month(e))),
            _ => (Some(e), Some(e)),
        };
        out.push(TimelineEvent {
            id: format!("http://example.org/event/syn{i:06}"),
            kind: kind.to_string(),
            actors,
            earliest,
            latest,
            status: STATUS[next(STATUS.len())].to_string(),
            place: (next(4) == 0).then(|| format!("City {}", next(30))),
            evidence: Some(format!("Synthetic evidence sentence number {i}.")),
            sources: vec![Source {
                title: format!("Article {}", i / 3),
                url: Some(format!("https://news.example.org/{}", i / 3)),
                published: earliest.map(|d| d + TimeDelta::days(next(3) as i64)),
            }],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(
        id: &str,
        kind: &str,
        actors: &[&str],
        e: Option<NaiveDate>,
        l: Option<NaiveDate>,
        status: &str,
    ) -> TimelineEvent {
        TimelineEvent {
            id: format!("http://example.org/event/{id}"),
            kind: kind.into(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            earliest: e,
            latest: l,
            status: status.into(),
            ..Default::default()
        }
    }

    /// The ten seed events.
    pub(super) fn seeds() -> Vec<TimelineEvent> {
        let src = |t: &str, u: &str, p: NaiveDate| Source {
            title: t.into(),
            url: Some(u.into()),
            published: Some(p),
        };
        let reuters = src(
            "Trump, Putin agree to meet in Budapest",
            "https://example.com/reuters/1?a=1&b=2",
            d(2025, 10, 16),
        );
        let ap = src(
            "Zelenskiy heads to Washington",
            "https://example.com/ap/2",
            d(2025, 10, 17),
        );
        let mut v = vec![
            ev(
                "call",
                "PhoneCall",
                &["Trump", "Putin"],
                Some(d(2025, 10, 16)),
                Some(d(2025, 10, 16)),
                "Occurred",
            ),
            ev(
                "budapest",
                "Summit",
                &["Trump", "Putin"],
                None,
                None,
                "Planned",
            ),
            ev(
                "zel",
                "Meeting",
                &["Trump", "Zelenskiy"],
                Some(d(2025, 10, 17)),
                Some(d(2025, 10, 17)),
                "Planned",
            ),
            ev(
                "talks",
                "Negotiation",
                &["United States", "Russia"],
                Some(d(2025, 10, 20)),
                Some(d(2025, 10, 26)),
                "Planned",
            ),
            ev(
                "strike1",
                "Attack",
                &["Russia", "Ukraine"],
                Some(d(2025, 10, 16)),
                Some(d(2025, 10, 16)),
                "Occurred",
            ),
            ev(
                "strike2",
                "Attack",
                &["Ukraine", "Russia"],
                Some(d(2025, 10, 16)),
                Some(d(2025, 10, 16)),
                "Occurred",
            ),
            ev("modi", "Pledge", &["Modi"], None, None, "Claimed"),
            ev(
                "hegseth",
                "Threat",
                &["Hegseth"],
                Some(d(2025, 10, 15)),
                Some(d(2025, 10, 15)),
                "Occurred",
            ),
            ev(
                "alaska",
                "Summit",
                &["Trump", "Putin"],
                Some(d(2025, 8, 1)),
                Some(d(2025, 8, 31)),
                "Occurred",
            ),
            ev(
                "pledge24",
                "Pledge",
                &["Trump"],
                Some(d(2024, 1, 1)),
                Some(d(2024, 12, 31)),
                "Occurred",
            ),
        ];
        v[0].sources = vec![reuters.clone()];
        v[0].evidence = Some("Trump and Putin spoke by phone on Thursday.".into());
        v[1].place = Some("Budapest".into());
        v[1].sources = vec![reuters];
        v[2].sources = vec![ap];
        v[5].place = Some("Saratov".into());
        v
    }

    fn svg_events(svg: &str) -> Vec<(String, String, f64, f64, String)> {
        let doc = roxmltree::Document::parse(svg).expect("SVG parses");
        doc.descendants()
            .filter(|n| {
                n.has_tag_name("g")
                    && n.attribute("class")
                        .is_some_and(|c| c.split(' ').any(|t| t == "event") && !c.contains("echo"))
            })
            .map(|n| {
                (
                    n.attribute("id").unwrap().to_string(),
                    n.attribute("data-date").unwrap().to_string(),
                    n.attribute("data-x").unwrap().parse().unwrap(),
                    n.attribute("data-y").unwrap().parse().unwrap(),
                    n.attribute("data-lane").unwrap().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn svg_events_in_date_order_and_undated_lane() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let opts = Options {
                lanes,
                title: Some("Seeds".into()),
                ..Default::default()
            };
            let t = Timeline::build(seeds(), vec![], &opts);
            let svg = t.to_svg();
            let evs = svg_events(&svg);
            assert_eq!(evs.len(), 10);
            let mut dated: Vec<(NaiveDate, f64)> = evs
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| (e.1.parse().unwrap(), e.2))
                .collect();
            assert_eq!(dated.len(), 8);
            dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in dated.windows(2) {
                if w[0].0 < w[1].0 {
                    assert!(w[0].1 < w[1].1, "x not increasing: {w:?}");
                } else {
                    assert!((w[0].1 - w[1].1).abs() < 1e-6, "same day, same x: {w:?}");
                }
            }
            // Undated events sit in the Undated lane, below every dated event.
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let lane = doc
                .descendants()
                .find(|n| n.attribute("id") == Some("lane-undated"))
                .unwrap();
            let rect = lane.children().find(|n| n.has_tag_name("rect")).unwrap();
            let y0: f64 = rect.attribute("y").unwrap().parse().unwrap();
            let y1 = y0 + rect.attribute("height").unwrap().parse::<f64>().unwrap();
            let undated: Vec<_> = evs.iter().filter(|e| e.1 == "undated").collect();
            assert_eq!(undated.len(), 2);
            for u in &undated {
                assert_eq!(u.4, "Undated");
                assert!(u.3 > y0 && u.3 < y1, "undated event outside its lane");
            }
            let max_dated_y = evs
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| e.3)
                .fold(0.0, f64::max);
            assert!(max_dated_y < y0);
        }
    }

    #[test]
    fn synthetic_x_grows_with_date_and_ids_are_unique() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let t = Timeline::build(
                synthetic(300, 3),
                vec![],
                &Options {
                    lanes,
                    ..Default::default()
                },
            );
            let svg = t.to_svg();
            let mut dated: Vec<(NaiveDate, f64)> = svg_events(&svg)
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| (e.1.parse().unwrap(), e.2))
                .collect();
            dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in dated.windows(2) {
                if w[0].0 < w[1].0 {
                    assert!(w[0].1 < w[1].1, "{lanes:?}: {w:?}");
                } else {
                    assert!((w[0].1 - w[1].1).abs() < 1e-6, "{lanes:?}: {w:?}");
                }
            }
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let mut ids = BTreeSet::new();
            for n in doc.descendants().filter_map(|n| n.attribute("id")) {
                assert!(ids.insert(n.to_string()), "duplicate id {n}");
            }
        }
    }

    #[test]
    fn vertical_orientation_orders_by_y() {
        let opts = Options {
            orientation: Orientation::TopToBottom,
            lanes: Lanes::Actor,
            ..Default::default()
        };
        let t = Timeline::build(seeds(), vec![], &opts);
        let evs = svg_events(&t.to_svg());
        let mut dated: Vec<(NaiveDate, f64)> = evs
            .iter()
            .filter(|e| e.1 != "undated")
            .map(|e| (e.1.parse().unwrap(), e.3))
            .collect();
        dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for w in dated.windows(2) {
            if w[0].0 < w[1].0 {
                assert!(w[0].1 < w[1].1);
            }
        }
        assert!(t.to_dot().contains("rankdir=\"TB\""));
    }

    #[test]
    fn axis_compresses_gaps_and_marks_them() {
        let t = Timeline::build(seeds(), vec![], &Options::default());
        let svg = t.to_svg();
        let units: Vec<Unit> = t.axis.segments.iter().map(|s| s.unit).collect();
        assert_eq!(units, vec![Unit::Year, Unit::Month, Unit::Day]);
        assert_eq!(t.axis.breaks.len(), 2);
        assert!(svg.contains("// 7 months"), "{:?}", t.axis.breaks);
        // The Oct window is a bar spanning 20..26 Oct: wider than one day tick.
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let talks = doc
            .descendants()
            .find(|n| n.attribute("data-iri") == Some("http://example.org/event/talks"))
            .unwrap();
        let bar = talks
            .children()
            .find(|n| n.attribute("class") == Some("window"))
            .unwrap();
        let w: f64 = bar.attribute("width").unwrap().parse().unwrap();
        assert!((w - 7.0 * t.axis.tick).abs() < 1.0, "{w}");
        // Publication markers.
        assert_eq!(
            doc.descendants()
                .filter(|n| n.attribute("class") == Some("pub"))
                .count(),
            2
        );
    }

    fn hostile() -> Vec<TimelineEvent> {
        let nasty = "Bad \"quote\" <b>&amp; \\ back\\\nslash\u{0007}\u{1b}[31m ]]> --> \\N";
        let mut e = ev(
            "x\"<&>",
            "Attack",
            &[nasty, "O'Brien & <Co>"],
            Some(d(2025, 1, 2)),
            Some(d(2025, 1, 2)),
            "Negated",
        );
        e.evidence = Some(format!("He said \"{nasty}\"\nthen left"));
        e.place = Some("<script>alert(1)</script>".into());
        e.sources = vec![
            Source {
                title: nasty.into(),
                url: Some("https://e.com/?q=\"x\"&a=<b>\\".into()),
                published: Some(d(2025, 1, 3)),
            },
            Source {
                title: "js".into(),
                url: Some("javascript:alert(1)".into()),
                published: None,
            },
        ];
        let mut f = ev("y\\", "Weird\"Kind<", &[nasty], None, None, "Planned\"");
        f.evidence = Some(nasty.into());
        vec![e, f]
    }

    #[test]
    fn hostile_labels_are_escaped_in_svg() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let opts = Options {
                lanes,
                title: Some("T <&> \"".into()),
                ..Default::default()
            };
            let t = Timeline::build(
                hostile(),
                vec![Relation {
                    from: "http://example.org/event/x\"<&>".into(),
                    to: "http://example.org/event/y\\".into(),
                    kind: "a<b".into(),
                }],
                &opts,
            );
            let svg = t.to_svg();
            let doc = roxmltree::Document::parse(&svg).expect("hostile SVG parses");
            assert!(!svg.contains("javascript:"));
            assert!(!svg.contains('\u{7}'));
            let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
            assert!(texts.contains("Bad \"quote\""), "text round-trips");
            assert!(texts.contains("<script>") || texts.contains("<b>&amp;"));
            assert!(doc
                .descendants()
                .all(|n| n.tag_name().name() != "script" && n.tag_name().name() != "b"));
            let hrefs: Vec<&str> = doc
                .descendants()
                .filter_map(|n| n.attribute("href"))
                .collect();
            assert!(hrefs.contains(&"https://e.com/?q=\"x\"&a=<b>\\"));
        }
    }

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
    fn labels_are_short_and_directional() {
        let t = Timeline::build(seeds(), vec![], &Options::default());
        let labels: Vec<&str> = t.items.iter().map(|i| i.label.as_str()).collect();
        assert!(labels.contains(&"Trump – Putin phone call"), "{labels:?}");
        assert!(labels.contains(&"Russia → Ukraine attack"));
        assert!(labels.contains(&"Ukraine → Russia attack (Saratov)"));
        assert!(labels.contains(&"Modi pledge"));
    }

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
    fn empty_and_all_undated() {
        let t = Timeline::build(vec![], vec![], &Options::default());
        roxmltree::Document::parse(&t.to_svg()).unwrap();
        graphviz_rust::parse(&t.to_dot()).unwrap();
        let t = Timeline::build(
            vec![ev("u", "Meeting", &["A"], None, None, "Possible")],
            vec![],
            &Options::default(),
        );
        let evs = svg_events(&t.to_svg());
        assert_eq!(evs[0].4, "Undated");
        graphviz_rust::parse(&t.to_dot()).unwrap();
    }

    #[test]
    fn missing_dot_is_an_error_value() {
        assert!(matches!(
            run_graphviz("eventline-no-such-dot-binary", "digraph{}", "svg"),
            Err(TimelineError::DotNotFound)
        ));
        match render_with_dot("digraph { a -> }", "svg") {
            Err(TimelineError::DotFailed { stderr, .. }) => assert!(!stderr.is_empty()),
            Err(TimelineError::DotNotFound) => {}
            other => panic!("expected DotFailed, got {other:?}"),
        }
        assert!(matches!(
            render_with_dot("digraph{}", "svg;rm"),
            Err(TimelineError::BadFormat(_))
        ));
    }

    /// Synthetic events for scale tests and the bench.
    pub(super) fn synthetic(n: usize, seed: u64) -> Vec<TimelineEvent> {
        super::synthetic_events(n, seed, d(1997, 1, 1), d(2006, 12, 31))
    }
}
