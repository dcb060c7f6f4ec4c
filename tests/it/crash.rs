//! Crash safety: `kill -9` at random points of an ingest, then an integrity
//! check and a re-run, which must converge to the graph of an uninterrupted
//! ingest.
//!
//! The CI version kills 4 ingests of a small corpus built from the test
//! data. The full version (RELIABILITY.md) is
//! `scripts/crash-test.sh [KILLS] [CORPUS_DIR]`, which sets
//! `EVENTLINE_CRASH_KILLS` and `EVENTLINE_CRASH_CORPUS`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use eventline::EventStore;

use crate::common::Rng;
use eventline::GRAPH_ARTICLE_PREFIX;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A few hundred small dated articles from the repository's test data.
fn small_corpus(dir: &Path) -> PathBuf {
    let out = dir.join("corpus");
    std::fs::create_dir_all(&out).unwrap();
    let mut n = 0;
    let cases = root().join("tests/data/extraction");
    let mut files: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for f in files {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for c in cases {
            let (Some(date), Some(text)) = (c["date"].as_str(), c["text"].as_str()) else {
                continue;
            };
            std::fs::write(
                out.join(format!("case-{n:04}.txt")),
                format!(" date {date}\n{text}"),
            )
            .unwrap();
            n += 1;
        }
    }
    for d in ["examples/articles", "tests/data/merge/articles"] {
        for e in std::fs::read_dir(root().join(d)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, out.join(p.file_name().unwrap())).unwrap();
        }
    }
    out
}

fn ingest(store: &Path, corpus: &Path) -> Command {
    let mut c = bin();
    c.args(["ingest", "--quiet", "--store"])
        .arg(store)
        .arg(corpus)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c
}

/// Quads per article graph: a committed article has exactly as many as in
/// the uninterrupted store, or it is half written.
fn article_graphs(store: &EventStore) -> BTreeMap<String, u64> {
    let q = format!(
        "SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{GRAPH_ARTICLE_PREFIX}\")) }} GROUP BY ?g"
    );
    let (_, rows) = store.select(&q).expect("article graphs");
    rows.into_iter()
        .map(|r| {
            let g = r[0].as_ref().unwrap().to_string();
            let n = match r[1].as_ref().unwrap() {
                oxigraph::model::Term::Literal(l) => l.value().parse().unwrap(),
                other => panic!("{other}"),
            };
            (g, n)
        })
        .collect()
}

fn sorted_nquads(store: &EventStore) -> Vec<String> {
    let mut buf = Vec::new();
    store
        .export(oxigraph::io::RdfFormat::NQuads, &mut buf)
        .unwrap();
    let mut lines: Vec<String> = String::from_utf8(buf)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn kill_9_at_random_points_loses_nothing_and_reruns_converge() {
    let kills: usize = std::env::var("EVENTLINE_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    // Two kills per store: the second lands on a store a kill left behind,
    // which the next run must finish first.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = match std::env::var("EVENTLINE_CRASH_CORPUS") {
        Ok(dir) => PathBuf::from(dir),
        Err(_) => small_corpus(tmp.path()),
    };

    // The uninterrupted ingest, and how long it takes.
    let reference = tmp.path().join("reference");
    let t0 = Instant::now();
    assert!(ingest(&reference, &corpus).status().unwrap().success());
    let full = t0.elapsed();
    let (ref_graphs, ref_quads) = {
        let st = EventStore::open(&reference).unwrap();
        (article_graphs(&st), sorted_nquads(&st))
    };
    assert!(ref_graphs.len() >= 10, "corpus too small");

    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut report = Vec::new();
    // Only a kill that lands on a running ingest counts; a late one is
    // retried on the same store, which has by then less left to do.
    let (mut effective, mut attempts, mut round) = (0, 0, 0);
    while effective < kills && attempts < kills * 10 {
        let store = tmp.path().join(format!("killed-{round}"));
        let mut seen = Vec::new();
        let mut landed = 0;
        while landed < 2 && effective < kills && attempts < kills * 10 {
            attempts += 1;
            let span = (full.as_micros() as u64 / (1 + landed as u64)).max(1);
            let at = Duration::from_micros(rng.below(span));
            let mut child = ingest(&store, &corpus).spawn().unwrap();
            std::thread::sleep(at);
            let finished = child.try_wait().unwrap().is_some();
            child.kill().ok(); // SIGKILL
            child.wait().unwrap();
            // The store opens and holds only whole articles.
            let st = EventStore::open(&store).expect("a killed store opens");
            let graphs = article_graphs(&st);
            for (g, n) in &graphs {
                assert_eq!(ref_graphs.get(g), Some(n), "half-written article graph {g}");
            }
            if finished {
                // Too late: start this store afresh, or, after a first
                // kill that landed, go on to the re-run check.
                if landed == 0 {
                    drop(st);
                    std::fs::remove_dir_all(&store).ok();
                    continue;
                }
                break;
            }
            landed += 1;
            effective += 1;
            seen.push(format!(
                "{:>5} ms: {} of {} articles stored",
                at.as_millis(),
                graphs.len(),
                ref_graphs.len()
            ));
        }
        // The re-run converges to the uninterrupted graph, quad for quad.
        assert!(ingest(&store, &corpus).status().unwrap().success());
        let st = EventStore::open(&store).unwrap();
        let quads = sorted_nquads(&st);
        assert_eq!(
            quads.len(),
            ref_quads.len(),
            "store {round}: quad count differs"
        );
        assert!(
            quads == ref_quads,
            "store {round}: the re-run differs from the reference"
        );
        report.push(format!("store {round}: {}", seen.join("; ")));
        drop(st);
        std::fs::remove_dir_all(&store).ok();
        round += 1;
    }
    assert_eq!(effective, kills, "too many kills came too late");
    eprintln!(
        "crash test: {effective} kills of running ingests ({attempts} tries) on {} articles ({} quads, full ingest {} ms); every killed store opened, held no half article, and re-ran to the identical graph\n{}",
        ref_graphs.len(),
        ref_quads.len(),
        full.as_millis(),
        report.join("\n")
    );
}
