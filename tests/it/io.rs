//! End-to-end tests of the inputs that used to hang or be misread, and of
//! the event exports: `/dev/zero`, endless standard input and FIFOs end at
//! the size limit with a message; directory loops and linked files are
//! read once; saved web pages are articles with their date, URL and main
//! text; PLOVER, QuickStatements and CSV exports parse back.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
}

fn repo(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn seed() -> PathBuf {
    repo("examples/articles/003_1feb900e03eedd38.txt")
}

/// Runs the binary, failing the test if it takes longer than `limit`
/// (killed then, so that a hang cannot stall the suite).
fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    out
}

fn run(args: &[&str]) -> Output {
    run_within(bin().args(args), Duration::from_secs(120))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

struct Store {
    dir: tempfile::TempDir,
}

impl Store {
    fn new() -> Store {
        Store {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self) -> String {
        self.dir.path().join("store").display().to_string()
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
    fn ingest(&self, extra: &[&str]) -> Output {
        let store = self.path();
        let mut args = vec!["ingest", "--store", &store];
        args.extend_from_slice(extra);
        run(&args)
    }
    /// One value of a SELECT with one variable.
    fn values(&self, query: &str) -> Vec<String> {
        let out = run(&[
            "query",
            "--store",
            &self.path(),
            "--format",
            "json",
            "-e",
            query,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let var = v["head"]["vars"][0].as_str().unwrap().to_string();
        v["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b[&var]["value"].as_str().unwrap_or("").to_string())
            .collect()
    }
    fn articles(&self) -> usize {
        self.values("SELECT ?a WHERE { ?a a <https://schema.org/NewsArticle> }")
            .len()
    }
}

#[test]
#[cfg(unix)]
fn ingest_dev_zero_ends_at_once_with_a_message_and_keeps_the_store() {
    let s = Store::new();
    let out = s.ingest(&[seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let start = Instant::now();
    let out = run_within(
        bin().args(["ingest", "--store", &s.path(), "/dev/zero"]),
        Duration::from_secs(30),
    );
    assert!(start.elapsed() < Duration::from_secs(30));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: input is larger than the limit of 5242880 bytes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(s.articles(), 1, "the store keeps what it held");
}

#[test]
fn endless_standard_input_is_cut_at_the_limit() {
    let s = Store::new();
    let mut child = bin()
        .args([
            "ingest",
            "--store",
            &s.path(),
            "--max-article-bytes",
            "100000",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writes until the reader stops reading (a broken pipe).
    let writer = std::thread::spawn(move || {
        let chunk = [b'x'; 8192];
        let start = Instant::now();
        while stdin.write_all(&chunk).is_ok() && start.elapsed() < Duration::from_secs(60) {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("-: input is larger than the limit of 100000 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
#[cfg(unix)]
fn an_endless_fifo_is_cut_at_the_limit() {
    let s = Store::new();
    let fifo = s.dir.path().join("feed.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|st| st.success()) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) else {
            return;
        };
        let chunk = [b'y'; 8192];
        let start = Instant::now();
        while f.write_all(&chunk).is_ok() && start.elapsed() < Duration::from_secs(60) {}
    });
    let out = run_within(
        bin().args([
            "ingest",
            "--store",
            &s.path(),
            "--max-article-bytes",
            "50000",
            fifo.to_str().unwrap(),
        ]),
        Duration::from_secs(30),
    );
    writer.join().unwrap();
    assert!(
        stderr(&out).contains("feed.txt: input is larger than the limit of 50000 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
#[cfg(unix)]
fn a_looped_directory_is_walked_once_and_nothing_stored_twice() {
    use std::os::unix::fs::symlink;
    let s = Store::new();
    let corpus = s.dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    std::fs::copy(seed(), corpus.join("sub/story.txt")).unwrap();
    symlink(&corpus, corpus.join("sub/loop")).unwrap();
    symlink(corpus.join("sub/story.txt"), corpus.join("again.txt")).unwrap();
    let out = run_within(
        bin().args(["ingest", "--store", &s.path(), corpus.to_str().unwrap()]),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("sub/loop: leads back to"), "{err}");
    assert!(err.contains("a directory loop"), "{err}");
    assert!(err.contains("sub/story.txt: same file as"), "{err}");
    assert_eq!(s.articles(), 1);
}

#[test]
fn a_json_line_past_the_limit_is_skipped_and_the_others_kept() {
    let s = Store::new();
    let big = "z".repeat(5000);
    let data = format!(
        "{{\"id\":\"a\",\"text\":\"Trump met Putin on Friday.\"}}\n{{\"id\":\"b\",\"text\":\"{big}\"}}\n{{\"id\":\"c\",\"text\":\"Macron called Merkel on Monday.\"}}\n"
    );
    let f = s.file("c.jsonl", data.as_bytes());
    let out = s.ingest(&["--max-article-bytes", "1000", &f]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("c.jsonl:2: JSON line is larger than the limit of 1000 bytes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(s.articles(), 2);
}

#[test]
fn a_saved_page_is_an_article_with_its_date_url_title_and_text() {
    let s = Store::new();
    let out = s.ingest(&[repo("tests/data/html").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(s.articles(), 1);
    let q = |p: &str| {
        s.values(&format!(
            "SELECT ?v WHERE {{ ?a a <https://schema.org/NewsArticle> ; <{p}> ?v }}"
        ))
    };
    assert_eq!(q("https://schema.org/datePublished"), ["2025-10-17"]);
    assert_eq!(
        q("https://schema.org/url"),
        ["https://news.example/2025/10/17/trump-putin-call"]
    );
    assert_eq!(
        q("https://schema.org/headline"),
        ["Trump and Putin speak by phone"]
    );
    let out = run(&[
        "extract",
        "--format",
        "json",
        repo("tests/data/html/talks.html").to_str().unwrap(),
    ]);
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = a["text"].as_str().unwrap();
    assert!(
        text.starts_with("Trump and Putin speak by phone\n\nWASHINGTON — US President"),
        "{text}"
    );
    assert!(
        text.contains("The two leaders’ aides"),
        "Windows-1252 decoded: {text}"
    );
    assert!(
        text.contains("A summit ahead") && text.contains("The call lasted"),
        "{text}"
    );
    for junk in [
        "Home",
        "Sport",
        "A. Reporter",
        "Zelensky met Macron",
        "Xi",
        "Related",
        "Advertisement",
        "Biden",
        "Obama",
        "©",
    ] {
        assert!(!text.contains(junk), "{junk:?} kept: {text}");
    }
    assert_eq!(a["extraction"]["dates"]["method"], "page-json-ld");
}

#[test]
fn a_json_line_with_an_html_field_is_read_as_a_page() {
    let s = Store::new();
    let page = std::fs::read(repo("tests/data/html/talks.html")).unwrap();
    let page = encoding_free(&page);
    let line = serde_json::json!({"id": "p1", "url": "https://news.example/x", "html": page});
    let f = s.file("pages.jsonl", format!("{line}\n").as_bytes());
    let out = run(&["extract", "--format", "json", &f]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["article"], "p1");
    assert_eq!(a["url"], "https://news.example/x", "the record's URL wins");
    assert!(a["text"]
        .as_str()
        .unwrap()
        .contains("spoke by phone with Russian President"));
    assert_eq!(a["extraction"]["dates"]["published"], "2025-10-17");
}

/// The page as a JSON string: its Windows-1252 bytes decoded by hand.
fn encoding_free(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x92 => '\u{2019}',
            b => b as char,
        })
        .collect()
}

/// A plain-text article rendered as a simple saved page: the same
/// paragraphs inside an article element, with the site's chrome around.
fn render_page(text: &str) -> String {
    let (date, body) = match text.trim_start().strip_prefix("date ") {
        Some(rest) => (&rest[..10], rest[10..].trim_start()),
        None => ("", text),
    };
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    // One paragraph a line: saved texts break paragraphs with one newline.
    let paras: String = body
        .lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>\n", esc(p)))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta property=\"article:published_time\" content=\"{date}T08:00:00+02:00\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>{paras}</article>\
<aside><p>Most read: Biden met Sunak.</p></aside><footer>(c) Wire</footer></body></html>"
    )
}

/// The events (kind, actors, date) of one file, sorted.
fn events_of(path: &str) -> Vec<String> {
    let out = run(&["extract", "--format", "json", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut got: Vec<String> = a["extraction"]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let actors: Vec<String> = m["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(ToString::to_string)
                .collect();
            format!(
                "{} {} {} {}",
                m["kind"],
                actors.join(","),
                m["date"],
                m["status"]
            )
        })
        .collect();
    got.sort();
    got
}

#[test]
fn a_story_as_a_saved_page_gives_the_events_of_its_text() {
    let s = Store::new();
    for entry in std::fs::read_dir(repo("examples/articles")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap();
        let page = s.file(&format!("{name}.html"), render_page(&text).as_bytes());
        let want = events_of(path.to_str().unwrap());
        assert!(!want.is_empty());
        assert_eq!(events_of(&page), want, "{}", path.display());
    }
}

/// A store with the example articles as JSON Lines records with URLs.
fn store_for_export() -> Store {
    let s = Store::new();
    let mut lines = String::new();
    for (i, entry) in std::fs::read_dir(repo("examples/articles"))
        .unwrap()
        .enumerate()
    {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let rest = text.trim_start().strip_prefix("date ").unwrap();
        lines.push_str(&format!(
            "{}\n",
            serde_json::json!({"id": format!("story-{i}"), "url": format!("https://news.example/{i}"),
                "published": &rest[..10], "title": format!("Story \"{i}\",\t<b>"), "text": rest[10..].trim_start()})
        ));
    }
    let f = s.file("stories.jsonl", lines.as_bytes());
    let out = s.ingest(&[&f]);
    assert!(out.status.success(), "{}", stderr(&out));
    s
}

fn export(s: &Store, format: &str) -> (String, String) {
    let out_path = s.dir.path().join(format!("events.{format}"));
    let out = run(&[
        "export",
        "--store",
        &s.path(),
        "--format",
        format,
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    (std::fs::read_to_string(out_path).unwrap(), stderr(&out))
}

#[test]
fn event_exports_parse_back() {
    let s = store_for_export();
    let events = s
        .values("PREFIX evl: <https://w3id.org/eventline/ontology#> SELECT DISTINCT ?e WHERE { ?e a evl:Event }")
        .len();
    assert!(events > 3);

    let (plover, note) = export(&s, "plover");
    let records: Vec<serde_json::Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!records.is_empty() && records.len() <= events, "{note}");
    assert!(note.contains(&format!("of {events} event(s)")), "{note}");
    for r in &records {
        assert!(r["event"].is_string() && r["id"].is_string() && r["source"].is_array());
        assert!(r["stories"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://news.example/"));
        assert!(r["publication"].as_str().unwrap().contains("Story \"") || r["publication"] == "");
    }
    let call = records
        .iter()
        .find(|r| r["mode"] == "phone")
        .expect("the phone call of the examples");
    assert_eq!(call["event"], "CONSULT");

    let (csv_text, _) = export(&s, "csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events);
    assert!(rows
        .iter()
        .any(|r| &r[1] == "PhoneCall" && r[9].contains("Q22686")));

    let (qs, note) = export(&s, "quickstatements");
    assert!(qs.starts_with("CREATE\n"), "{qs}{note}");
    for line in qs.lines().filter(|l| *l != "CREATE") {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields[0], "LAST");
        assert_eq!(fields.len() % 2, 1, "{line}");
        if fields[1] == "P710" {
            assert!(fields[2].starts_with('Q'), "only linked actors: {line}");
        }
        if fields[1].starts_with('P') {
            assert_eq!(fields[3], "S854", "{line}");
            assert_eq!(fields[5], "S813", "{line}");
        }
    }
    assert!(qs.contains("\tP710\tQ22686\t"), "{qs}");
}

#[test]
fn unknown_export_formats_are_refused() {
    let out = run(&["export", "--format", "gedcom"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("plover"), "{}", stderr(&out));
}

#[test]
#[cfg(unix)]
fn dates_and_query_files_are_bounded_too() {
    let s = Store::new();
    let out = run_within(bin().args(["dates", "/dev/zero"]), Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: input is larger than the limit"),
        "{}",
        stderr(&out)
    );
    let out = run_within(
        bin().args(["query", "--store", &s.path(), "/dev/zero"]),
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: input is larger than the limit of 1048576 bytes"),
        "{}",
        stderr(&out)
    );
}
