//! One test per class of bad input or bad use: each asserts the documented
//! exit code, that the message names the file (or store, or query) and says
//! what to do, that nothing panicked, and that the store still holds what
//! it held before.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles/003_1feb900e03eedd38.txt")
}

fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A store holding one seed article, and its directory.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let f = Fixture { dir };
        let out = run(&[
            "ingest",
            "--quiet",
            "--store",
            &f.store(),
            seed().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        f
    }
    fn store(&self) -> String {
        self.dir.path().join("store").display().to_string()
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
    fn count(&self, query: &str) -> u64 {
        let out = run(&[
            "query",
            "--store",
            &self.store(),
            "--format",
            "csv",
            "-e",
            query,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .expect("a count")
    }
    fn triples(&self) -> u64 {
        self.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    }
    fn articles(&self) -> u64 {
        self.count(
            "PREFIX schema: <https://schema.org/> SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:NewsArticle }",
        )
    }
    fn ingest(&self, extra: &[&str], files: &[&str]) -> Output {
        let store = self.store();
        let mut args = vec!["ingest", "--store", store.as_str()];
        args.extend_from_slice(extra);
        args.extend_from_slice(files);
        run(&args)
    }
}

/// A skipped input: reported by name at the end, exit 0, or 1 with --strict;
/// the good input beside it is stored either way.
fn assert_skipped(f: &Fixture, bad: &str, why: &str) {
    let good = f.file(
        "good.txt",
        b" date 2025-10-17\nTrump spoke with Putin by phone on Thursday.",
    );
    let before = f.articles();
    let out = f.ingest(&[], &[bad, &good]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("skipped: {bad}")), "{err}");
    assert!(err.contains(why), "{err}");
    assert_eq!(f.articles(), before + 1);
    let out = f.ingest(&["--strict"], &[bad, &good]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(bad));
}

#[test]
fn missing_path() {
    let f = Fixture::new();
    let before = f.triples();
    let out = f.ingest(&[], &["/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("/no/such/file.txt: no such file or directory"),
        "{err}"
    );
    assert_eq!(f.triples(), before);
}

#[test]
fn directory_without_articles() {
    let f = Fixture::new();
    let empty = f.dir.path().join("pictures");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("photo.png"), b"\x89PNG").unwrap();
    let before = f.triples();
    let out = f.ingest(&[], &[empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: directory holds no article files",
            empty.display()
        )),
        "{err}"
    );
    assert_eq!(f.triples(), before);
}

#[test]
fn empty_file() {
    let f = Fixture::new();
    let bad = f.file("empty.txt", b"");
    assert_skipped(&f, &bad, "file is empty");
}

#[test]
fn binary_file() {
    let f = Fixture::new();
    let bad = f.file("blob.txt", b"GIF89a\x00\x01\x02\x00\xff\xfe binary");
    assert_skipped(&f, &bad, "looks like a binary file (NUL byte at offset 6)");
}

#[test]
fn article_over_the_size_limit() {
    let f = Fixture::new();
    let bad = f.file("dump.txt", "Trump met Putin. ".repeat(100).as_bytes());
    let good = f.file("good.txt", b" date 2025-10-17\nTrump spoke with Putin.");
    let out = f.ingest(&["--max-article-bytes", "1000"], &[&bad, &good]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{bad}: article is 1700 bytes, over the limit of 1000 (raise it with --max-article-bytes)"
        )),
        "{err}"
    );
    let out = f.ingest(&["--strict", "--max-article-bytes", "1000"], &[&bad, &good]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let f = Fixture::new();
    let bad = f.file(
        "latin.txt",
        b" date 2025-10-17\nTrump spoke with Putin by phone on Thursday \xff\xfe from Washington.",
    );
    let before = f.articles();
    let out = f.ingest(&[], &[&bad]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains(&format!("warning: {bad}")), "{err}");
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert_eq!(f.articles(), before + 1, "the article is kept");
}

#[test]
fn mojibake_is_repaired() {
    let f = Fixture::new();
    let bad = f.file(
        "scraped.txt",
        " date 2025-10-17\nTrump said todayâ€™s phone call with Putin on Thursday was productive."
            .as_bytes(),
    );
    let out = f.ingest(&[], &[&bad]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("warning: {bad}: repaired mojibake")),
        "{err}"
    );
    let out = run(&["export", "--store", &f.store(), "--format", "nquads"]);
    let nq = String::from_utf8(out.stdout).unwrap();
    assert!(nq.contains("today’s phone call"), "repaired text stored");
    assert!(!nq.contains("â€"), "no mojibake left in the store");
}

#[test]
fn malformed_json_lines_are_skipped_and_the_rest_kept() {
    let f = Fixture::new();
    let bad = f.file(
        "feed.jsonl",
        concat!(
            r#"{"id": "a", "published": "2025-10-17", "text": "Trump spoke with Putin by phone on Thursday."}"#,
            "\n",
            r#"{"id": "b", "text": "unterminated"#,
            "\n",
            r#"{"id": "c", "published": "2025-10-18", "title": "no text here"}"#,
            "\n",
            r#"{"id": "d", "published": "2025-10-18", "text": "Zelensky met Trump at the White House on Friday."}"#,
            "\n"
        )
        .as_bytes(),
    );
    let before = f.articles();
    let out = f.ingest(&[], &[&bad]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{bad}:2: malformed JSON line skipped")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{bad}:3: JSON line has no \"text\" field")),
        "{err}"
    );
    assert_eq!(f.articles(), before + 2);
    let out = f.ingest(&["--strict"], &[&bad]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unparsable_sparql_names_the_query_and_the_position() {
    let f = Fixture::new();
    let q = f.file("broken.rq", b"SELECT ?x WHERE {\n  ?x ?y\n");
    let out = run(&["query", "--store", &f.store(), &q]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{q}: query failed")), "{err}");
    assert!(err.to_lowercase().contains("sparql"), "{err}");
    // A line and column, as "2:7" or "line 2".
    assert!(
        err.contains("2:") || err.contains("line 2") || err.contains("at 3:"),
        "position missing: {err}"
    );
}

#[test]
fn a_store_in_use_is_reported_and_waited_for() {
    let f = Fixture::new();
    let before = f.triples();
    let store = f.store();
    let held = eventline::EventStore::open(Path::new(&store)).unwrap();
    let out = f.ingest(&[], &[seed().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("store {store} is in use")), "{err}");
    assert!(err.contains("--wait"), "{err}");
    // A query that may wait gets its answer once the writer is done.
    let child = bin()
        .args([
            "query", "--wait", "30", "--store", &store, "--format", "csv", "-e",
        ])
        .arg("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    drop(held);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let n: u64 = String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(n, before);
}

#[test]
fn unwritable_output_path() {
    let f = Fixture::new();
    // A regular file where a directory should be: fails even for root.
    let blocker = f.file("not-a-dir", b"x");
    let target = format!("{blocker}/graph.ttl");
    let out = run(&[
        "export",
        "--store",
        &f.store(),
        "--format",
        "turtle",
        "-o",
        &target,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&blocker), "{}", stderr(&out));
    let target = format!("{blocker}/timeline.svg");
    let out = run(&["timeline", "--store", &f.store(), "-o", &target]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&blocker), "{}", stderr(&out));
}

#[test]
fn unknown_format_name() {
    let f = Fixture::new();
    let out = run(&["export", "--store", &f.store(), "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("'yaml'") && err.contains("turtle"), "{err}");
    let out = run(&[
        "query",
        "--store",
        &f.store(),
        "--format",
        "xml",
        "-e",
        "ASK {}",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'xml'"));
    let gif = f.dir.path().join("timeline.gif").display().to_string();
    let out = run(&["timeline", "--store", &f.store(), "-o", &gif]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&gif) && err.contains("unknown image format"),
        "{err}"
    );
    assert!(!Path::new(&gif).exists(), "nothing written");
}
