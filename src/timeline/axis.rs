//! The compressed time axis. Occupied dates are merged into runs, runs are
//! split into segments wherever a long stretch is empty, each segment gets
//! its own tick unit (day, week, month or year) within a tick budget, and
//! the gaps between segments become breaks labelled with their length
//! ("7 months"). The tick width grows when slots are crowded.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

use super::label::{text_width, FONT, MARK};
use super::model::{Item, Source};

/// The time bucket used as the fold key and as a tick unit.
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
    pub(super) fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// Start of the bucket of `unit` that holds `d`.
pub(super) fn bucket(d: NaiveDate, unit: Unit) -> NaiveDate {
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

pub(super) fn last_of_month(d: NaiveDate) -> NaiveDate {
    next_tick(bucket(d, Unit::Month), Unit::Month)
        .pred_opt()
        .unwrap_or(d)
}

/// The coarsest unit that still describes the window exactly.
pub(super) fn natural_unit(e: NaiveDate, l: NaiveDate) -> Unit {
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

/// A stretch of the axis with one tick unit.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) unit: Unit,
    /// Tick starts; the segment ends at `end` (exclusive).
    pub(super) ticks: Vec<NaiveDate>,
    pub(super) end: NaiveDate,
    /// Offset of the segment along the axis, px.
    pub(super) t0: f64,
    /// Index of the first tick in the global slot numbering.
    pub(super) slot0: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Axis {
    pub(super) segments: Vec<Segment>,
    /// Width of one tick, px (adapted to how crowded the slots are).
    pub(super) tick: f64,
    /// (axis position, label) of the compressed gaps.
    pub(super) breaks: Vec<(f64, String)>,
    pub(super) len: f64,
}

/// One tick as drawn: its global slot, axis position, date, label and the
/// label of the larger unit it starts ("Oct 2025"), if any.
pub(super) struct TickLabel {
    pub(super) slot: usize,
    pub(super) t: f64,
    pub(super) date: NaiveDate,
    pub(super) label: String,
    pub(super) above: Option<String>,
}

const MAX_TICKS: usize = 40;
const MAX_TOTAL_TICKS: usize = 60;
/// Narrowest tick, px.
const TICK: f64 = 64.0;
const MAX_TICK: f64 = 360.0;
/// Widening ticks stops once the axis would be longer than this, px.
const MAX_AXIS: f64 = 3600.0;
/// Rows per lane the tick width aims for in crowded slots.
const TARGET_ROWS: f64 = 6.0;
/// Length of a drawn break, px.
pub(super) const BREAK_W: f64 = 56.0;

/// The axis for these items and publication dates, with ticks widened when
/// slots are crowded, so that a few hundred labels spread along the axis
/// instead of stacking into dozens of rows.
pub(super) fn fit_axis(items: &[Item], pubs: &[(NaiveDate, Source)]) -> Axis {
    let first = build_axis(items, pubs, TICK);
    let mut load: HashMap<(usize, usize), f64> = HashMap::new();
    for it in items {
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
        build_axis(items, pubs, tick)
    } else {
        first
    }
}

type Run = (NaiveDate, NaiveDate, Option<Unit>);

fn build_axis(items: &[Item], pubs: &[(NaiveDate, Source)], tick: f64) -> Axis {
    let runs = occupied_runs(items, pubs);
    if runs.is_empty() {
        return Axis {
            segments: Vec::new(),
            tick,
            breaks: Vec::new(),
            len: 0.0,
        };
    }
    let mut parts = Vec::new();
    split_runs(&runs, &mut parts, 0);
    let spans = merge_overlapping(within_budget(units_per_part(&parts)));
    lay_out(spans, tick)
}

/// Occupied windows merged into disjoint runs, each with the finest natural
/// unit of its windows (publication dates do not refine).
fn occupied_runs(items: &[Item], pubs: &[(NaiveDate, Source)]) -> Vec<Run> {
    let mut occ: Vec<Run> = items
        .iter()
        .filter_map(|i| i.dated().map(|(a, b)| (a, b, Some(natural_unit(a, b)))))
        .collect();
    occ.extend(pubs.iter().map(|(d, _)| (*d, *d, None)));
    occ.sort();
    let mut runs: Vec<Run> = Vec::new();
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
    runs
}

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

/// Unit per part: the finest its windows need, coarsened to the per-segment
/// budget.
fn units_per_part(parts: &[Vec<Run>]) -> Vec<(NaiveDate, NaiveDate, Unit)> {
    parts
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
        .collect()
}

/// The global budget: the segment with the most ticks is coarsened first.
fn within_budget(mut segs: Vec<(NaiveDate, NaiveDate, Unit)>) -> Vec<(NaiveDate, NaiveDate, Unit)> {
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
    segs
}

/// Coarser ticks can make neighbours overlap: those become one segment.
fn merge_overlapping(segs: Vec<(NaiveDate, NaiveDate, Unit)>) -> Vec<(NaiveDate, NaiveDate, Unit)> {
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
    merged
}

/// Ticks and positions along the axis, with a break before every segment
/// that does not follow on from the previous one.
fn lay_out(spans: Vec<(NaiveDate, NaiveDate, Unit)>, tick: f64) -> Axis {
    let mut segments = Vec::new();
    let mut breaks = Vec::new();
    let mut t = 0.0;
    let mut slot = 0;
    let mut prev_end: Option<NaiveDate> = None;
    for (lo, hi, unit) in spans {
        let start = bucket(lo, unit);
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

fn coarser(u: Unit) -> Unit {
    match u {
        Unit::Day => Unit::Week,
        Unit::Week => Unit::Month,
        _ => Unit::Year,
    }
}

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
    pub(super) fn pos(&self, d: NaiveDate, end: bool) -> f64 {
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
    pub(super) fn slot(&self, d: NaiveDate) -> usize {
        let Some(s) = self.segment_of(d) else {
            return 0;
        };
        let idx = s.ticks.partition_point(|t| *t <= d).saturating_sub(1);
        s.slot0 + idx.min(s.ticks.len().saturating_sub(1))
    }

    /// The index of the segment holding global slot `slot`.
    pub(super) fn segment_index(&self, slot: usize) -> Option<usize> {
        self.segments
            .iter()
            .position(|s| slot >= s.slot0 && slot < s.slot0 + s.ticks.len())
    }

    /// Every tick with its labels, in axis order.
    pub(super) fn tick_labels(&self) -> Vec<TickLabel> {
        let mut out = Vec::new();
        for s in &self.segments {
            let mut prev: Option<NaiveDate> = None;
            for (i, &d) in s.ticks.iter().enumerate() {
                let (label, above) = match s.unit {
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
                out.push(TickLabel {
                    slot: s.slot0 + i,
                    t: s.t0 + i as f64 * self.tick,
                    date: d,
                    label,
                    above,
                });
                prev = Some(d);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::seeds;
    use super::super::{Options, Timeline};
    use super::*;

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

    #[test]
    fn gaps_are_named_in_the_largest_fitting_unit() {
        assert_eq!(gap_label(1), "1 day");
        assert_eq!(gap_label(10), "10 days");
        assert_eq!(gap_label(21), "3 weeks");
        assert_eq!(gap_label(213), "7 months");
        assert_eq!(gap_label(1461), "4 years");
    }
}
