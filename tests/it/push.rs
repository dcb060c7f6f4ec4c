//! `eventline push` into a second, local `eventline serve --allow-update`
//! (its `/store` is a Graph Store Protocol endpoint): the seed store pushed
//! in small batches, then every curated query gives the same rows in the
//! store and at the server's `/query`; pushing again with `--replace`
//! changes nothing; the errors name the URL, the graph and the status.
//! Nothing leaves loopback; the server stops when the test ends.
//! `scripts/virtuoso-test.sh` does the same against Virtuoso.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use super::queries::result_rows as rows;
use super::serve::serve_binary;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn eventline(args: &[&str], store: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap()
}

fn ok(out: Output) -> (String, String) {
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert!(out.status.success(), "{stderr}");
    (stdout, stderr)
}

/// A query's SPARQL JSON results from the server's `/query`.
fn remote_json(port: u16, query: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\
         Accept: application/sparql-results+json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{query}",
        query.len()
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    answer.split_once("\r\n\r\n").unwrap().1.to_string()
}

/// The example articles ingested into `dir/events`.
fn example_store(dir: &Path) -> PathBuf {
    let events = dir.join("events");
    ok(eventline(
        &[
            "ingest",
            "-q",
            root().join("examples/articles").to_str().unwrap(),
        ],
        &events,
    ));
    events
}

const COUNT_GRAPHS: &str =
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";

#[test]
fn a_pushed_store_answers_the_curated_queries_with_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let events = example_store(dir.path());
    let (_server, port) = serve_binary(&dir.path().join("copy"), &["--allow-update"]);
    let gsp = format!("http://127.0.0.1:{port}/store");
    // Batches of 1,000: the gazetteer and ontology graphs go in several
    // requests, a PUT and then POSTs.
    let push = ["push", "--gsp", &gsp, "--replace", "--batch", "1000"];
    let (_, err) = ok(eventline(&push, &events));
    // "pushed G graph(s), T triples in R request(s) …": more requests than
    // graphs, as the big graphs were cut.
    let numbers: Vec<u64> = err
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .take(3)
        .collect();
    assert!(err.starts_with("pushed "), "{err}");
    assert!(numbers[2] > numbers[0] && numbers[1] > 5000, "{err}");

    let (mine, _) = ok(eventline(
        &["query", "--format", "json", "-e", COUNT_GRAPHS],
        &events,
    ));
    let theirs = remote_json(port, COUNT_GRAPHS);
    assert_eq!(rows(&mine), rows(&theirs), "graphs and their sizes");

    let mut compared = 0;
    let mut queries: Vec<PathBuf> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    for q in queries {
        let name = q.file_stem().unwrap().to_string_lossy().to_string();
        // The server answers SERVICE <wikidata> from the gazetteer it had
        // when it started (none): not a property of the pushed graphs.
        if name == "federated-wikidata" {
            continue;
        }
        let (mine, _) = ok(eventline(
            &["query", "--format", "json", q.to_str().unwrap()],
            &events,
        ));
        let theirs = remote_json(port, &std::fs::read_to_string(&q).unwrap());
        let (mine, theirs) = (rows(&mine), rows(&theirs));
        assert_eq!(mine.0, theirs.0, "{name}: columns");
        assert_eq!(mine.1, theirs.1, "{name}: rows");
        compared += 1;
    }
    assert!(compared >= 11, "only {compared} queries compared");

    // Pushing again with --replace leaves the copy as it was; merging
    // (POST) the same triples does too, as RDF graphs are sets.
    ok(eventline(&push, &events));
    ok(eventline(&["push", "-q", "--gsp", &gsp], &events));
    assert_eq!(
        rows(&mine_counts(&events)),
        rows(&remote_json(port, COUNT_GRAPHS))
    );
}

fn mine_counts(store: &Path) -> String {
    ok(eventline(
        &["query", "--format", "json", "-e", COUNT_GRAPHS],
        store,
    ))
    .0
}

#[test]
fn push_errors_name_the_url_the_graph_and_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let events = example_store(dir.path());
    // A server that does not allow updates: 403, named with the graph.
    let (_server, port) = serve_binary(&dir.path().join("ro"), &[]);
    let gsp = format!("http://127.0.0.1:{port}/store");
    let out = eventline(&["push", "--gsp", &gsp], &events);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&gsp), "{err}");
    assert!(
        err.contains("POST of graph <https://w3id.org/eventline/graph/"),
        "{err}"
    );
    assert!(err.contains("answered 403"), "{err}");

    // Nobody listening.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{closed}/store");
    let out = eventline(&["push", "--gsp", &url], &events);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot connect to 127.0.0.1"), "{err}");

    // A graph the store lacks, an https URL, a user without a password.
    for (args, want) in [
        (
            vec!["push", "--gsp", &gsp, "--graph", "http://example.org/none"],
            "the store has no graph <http://example.org/none>",
        ),
        (
            vec!["push", "--gsp", "https://example.org/store"],
            "https is not supported",
        ),
        (
            vec!["push", "--gsp", &gsp, "--user", "u"],
            "give both --user and --password",
        ),
    ] {
        let out = eventline(&args, &events);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
    }
}
