//! Deterministic synthetic events for the benchmark (`examples/bench.rs`),
//! demos and the scale tests: no article needed to fill a timeline.

use chrono::{NaiveDate, TimeDelta};

use crate::model::{EventKind, Status};

use super::axis::{bucket, last_of_month, Unit};
use super::model::{Source, TimelineEvent};

/// Every kind but the first, `Consultation` (a form the text leaves open,
/// which a synthetic event never needs), in `EventKind::ALL`'s order.
const KINDS: &[EventKind] = EventKind::ALL.split_at(1).1;
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
const STATUS: [Status; 8] = [
    Status::Occurred,
    Status::Occurred,
    Status::Occurred,
    Status::Occurred,
    Status::Planned,
    Status::Claimed,
    Status::Possible,
    Status::Negated,
];

/// Deterministic synthetic events between `from` and `to` with long empty
/// stretches (for benchmarks, demos and tests): a few actors, all statuses,
/// every kind but `Consultation` (adding it would reshuffle the data the
/// BENCHMARKS.md figures were measured on), some windows, some undated, a
/// source per event.
#[doc(hidden)]
pub fn synthetic_events(n: usize, seed: u64, from: NaiveDate, to: NaiveDate) -> Vec<TimelineEvent> {
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
            kind,
            actors,
            earliest,
            latest,
            dated_by_report: false,
            status: STATUS[next(STATUS.len())],
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
