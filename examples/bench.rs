//! Speed of the two pure stages that have no end-to-end benchmark of their
//! own. Run with `cargo run --release --example bench -- timeline 100 1000
//! 10000` (synthetic events over 1997-2006, actor lanes) or `cargo run
//! --release --example bench -- timex ../shared/corpus/afp-xin` (every
//! file's ` date YYYY-MM-DD ` header is its reference date). Best of 5 runs.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eventline::timeline::{self, Lanes, Options, Timeline};

fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = None;
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.expect("ran at least once"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("timeline") => {
            let from = NaiveDate::from_ymd_opt(1997, 1, 1).expect("date");
            let to = NaiveDate::from_ymd_opt(2006, 12, 31).expect("date");
            let opts = Options {
                lanes: Lanes::Actor,
                ..Default::default()
            };
            for n in args[1..].iter().filter_map(|a| a.parse::<usize>().ok()) {
                let events = timeline::synthetic_events(n, 42, from, to);
                let (build, tl) = best(|| Timeline::build(events.clone(), Vec::new(), &opts));
                let (svg, _) = best(|| Timeline::build(events.clone(), Vec::new(), &opts).to_svg());
                let (dot, _) = best(|| Timeline::build(events.clone(), Vec::new(), &opts).to_dot());
                println!(
                    "{n:>6} events, {:>4} nodes: build {:>8.2?}  build+svg {:>8.2?}  build+dot {:>8.2?}",
                    tl.node_count(),
                    build,
                    svg,
                    dot
                );
            }
        }
        Some("timex") => {
            let dir = args.get(1).expect("a directory of seed-format articles");
            let mut docs = Vec::new();
            for entry in std::fs::read_dir(dir).expect("readable directory") {
                let text =
                    std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
                let t = text.trim_start();
                let Some(rest) = t.strip_prefix("date ") else {
                    continue;
                };
                let Some(date) = rest.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) else {
                    continue;
                };
                docs.push((date, rest[10..].to_string()));
            }
            let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
            let (took, found) = best(|| {
                docs.iter()
                    .map(|(d, t)| eventline::timex::tag(t, *d).len())
                    .sum::<usize>()
            });
            let secs = took.as_secs_f64();
            println!(
                "{} articles, {:.2} MB, {found} expressions in {took:.2?}: {:.1} MB/s, {:.0} expressions/s",
                docs.len(),
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs,
                found as f64 / secs
            );
        }
        _ => eprintln!("usage: bench timeline N... | bench timex DIR"),
    }
}
