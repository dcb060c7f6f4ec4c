//! Past one machine: `extract --format nquads` writes article graphs with
//! no store, `load` merges them into one, and the store is the one
//! `ingest` makes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], threads: &str) -> Output {
    let out = bin()
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("the binary runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "panic: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ok(args: &[&str]) -> Vec<u8> {
    let out = run(args, "2");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The store's quads, sorted (exports follow the store's key order, which
/// is the same for the same quads, but sorting states the claim plainly).
fn sorted_export(store: &Path) -> Vec<String> {
    let out = ok(&["export", "--format", "nquads", "--store", s(store)]);
    let mut lines: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn extract_nquads_then_load_gives_the_store_ingest_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = root().join("examples/articles");
    let merge = root().join("tests/data/merge/articles");
    let ingested = tmp.path().join("ingested");
    ok(&[
        "ingest",
        "--quiet",
        "--store",
        s(&ingested),
        s(&seeds),
        s(&merge),
    ]);

    // Two shards, extracted apart, loaded in one run.
    let shards = [(&seeds, "a.nq"), (&merge, "b.nq")].map(|(dir, name)| {
        let nq = ok(&["extract", "--format", "nquads", s(dir)]);
        let one_thread = run(&["extract", "--format", "nquads", s(dir)], "1");
        assert_eq!(nq, one_thread.stdout, "output depends on the thread count");
        let path = tmp.path().join(name);
        std::fs::write(&path, nq).unwrap();
        path
    });
    let loaded = tmp.path().join("loaded");
    ok(&[
        "load",
        "--quiet",
        "--store",
        s(&loaded),
        s(&shards[0]),
        s(&shards[1]),
    ]);
    let (a, b) = (sorted_export(&ingested), sorted_export(&loaded));
    assert!(a.len() > 1000, "too few quads: {}", a.len());
    assert!(a == b, "load and ingest differ");

    // Loading again changes nothing, nor does rewriting the store; the
    // rewrite leaves no folder beside it, and the store takes more.
    let out = run(
        &["load", "--compact", "--store", s(&loaded), s(&shards[0])],
        "2",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 unchanged"));
    assert!(sorted_export(&loaded) == a);
    let beside: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("loaded."))
        .collect();
    assert!(beside.is_empty(), "left beside the store: {beside:?}");
    ok(&["load", "--quiet", "--store", s(&loaded), s(&shards[1])]);
    assert!(sorted_export(&loaded) == a);
}

#[test]
fn a_bad_file_is_named_and_the_graphs_before_it_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = root().join("examples/articles");
    let mut nq = ok(&["extract", "--format", "nquads", s(&seeds)]);
    nq.extend_from_slice(b"<http://a> <http://b> .\n");
    let bad = tmp.path().join("bad.nq");
    std::fs::write(&bad, &nq).unwrap();
    let store = tmp.path().join("store");
    let out = run(&["load", "--strict", "--store", s(&store), s(&bad)], "2");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.nq") && err.contains("line"), "{err}");
    // The last graph may go on past the bad line: it is not stored half.
    assert!(err.contains("loaded 1 article graph"), "{err}");

    // A file cut short at a line's end: the cut graph has no content hash
    // (written last) and is refused.
    let whole = ok(&["extract", "--format", "nquads", s(&seeds)]);
    let cut = &whole[..whole.len() - 200];
    let cut_end = cut.iter().rposition(|&b| b == b'\n').unwrap() + 1;
    let cut_file = tmp.path().join("cut.nq");
    std::fs::write(&cut_file, &cut[..cut_end]).unwrap();
    let store2 = tmp.path().join("store2");
    let out = run(&["load", "--store", s(&store2), s(&cut_file)], "2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cut.nq") && err.contains("no content hash"),
        "{err}"
    );

    // A graph that is not an article's is refused, by name.
    let other = tmp.path().join("other.nq");
    std::fs::write(&other, "<http://a> <http://b> <http://c> <http://g> .\n").unwrap();
    let out = run(&["load", "--store", s(&store), s(&other)], "2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("other.nq") && err.contains("<http://g>"),
        "{err}"
    );

    // A missing file is an error before the store is touched.
    let out = run(&["load", "--store", s(&store), "/nonexistent.nq"], "2");
    assert_eq!(out.status.code(), Some(2));
}
