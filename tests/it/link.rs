//! `eventline link` against a second, local `eventline serve
//! --allow-update` holding a small Wikidata-shaped knowledge graph
//! (`tests/data/link/wikidata.ttl`, loaded over the Graph Store Protocol):
//! the decisions against the gold of `tests/data/link/gold.tsv`, the links'
//! records, re-running, `--undo`, and the errors. Nothing leaves loopback.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use super::serve::serve_binary;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/link");

pub(super) fn eventline(args: &[&str], store: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap()
}

pub(super) fn ok(out: &Output) -> (String, String) {
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert!(out.status.success(), "{stderr}");
    (stdout, stderr)
}

/// A store of the fixture's articles, and a knowledge base serving the
/// fixture; the server stops when the first value is dropped.
pub(super) fn setup(dir: &Path) -> (super::serve::Server, String, std::path::PathBuf) {
    let events = dir.join("events");
    ok(&eventline(
        &["ingest", "-q", &format!("{DATA}/articles")],
        &events,
    ));
    let (server, port) = serve_binary(&dir.join("kb"), &["--allow-update"]);
    let turtle = std::fs::read_to_string(format!("{DATA}/wikidata.ttl")).unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "PUT /store?default HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{turtle}",
        turtle.len()
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 20"), "{answer}");
    (server, format!("http://127.0.0.1:{port}/query"), events)
}

/// Every quad of the store, sorted: what linking must give back on undo.
pub(super) fn all_quads(store: &Path) -> Vec<String> {
    let (out, _) = ok(&eventline(&["export", "-q", "--format", "nquads"], store));
    let mut lines: Vec<String> = out.lines().map(String::from).collect();
    lines.sort();
    lines
}

/// The gold: actor local name -> QID or NIL.
pub(super) fn gold() -> Vec<(String, String)> {
    std::fs::read_to_string(format!("{DATA}/gold.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect()
}

/// `link`'s report as (actor, decision) pairs: its first and fourth columns.
pub(super) fn decisions(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "{l}");
            (f[0].to_string(), f[3].to_string())
        })
        .collect()
}

/// The links graph as CSV: actor, QID, score, method, source of each link
/// with its whole record.
pub(super) fn link_records(events: &Path) -> String {
    ok(&eventline(
        &[
            "query",
            "--format",
            "csv",
            "-e",
            "PREFIX owl: <http://www.w3.org/2002/07/owl#> \
             PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> \
             PREFIX evl: <https://w3id.org/eventline/ontology#> \
             PREFIX prov: <http://www.w3.org/ns/prov#> \
             SELECT ?a ?q ?score ?method ?from WHERE { \
               GRAPH <https://w3id.org/eventline/graph/links> { \
                 ?a owl:sameAs ?q . ?r rdf:subject ?a ; rdf:object ?q ; \
                 evl:linkScore ?score ; evl:linkMethod ?method ; prov:wasDerivedFrom ?from ; \
                 prov:generatedAtTime ?t } } ORDER BY ?a",
        ],
        events,
    ))
    .0
}

#[test]
fn linking_the_fixture_matches_the_gold_and_undo_gives_the_store_back() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, endpoint, events) = setup(dir.path());
    let before = all_quads(&events);

    // A dry run decides and writes nothing.
    let (dry, err) = ok(&eventline(
        &["link", "--dry-run", "--endpoint", &endpoint],
        &events,
    ));
    assert!(err.contains("dry run"), "{err}");
    assert_eq!(all_quads(&events), before);

    let (out, err) = ok(&eventline(&["link", "--endpoint", &endpoint], &events));
    assert_eq!(out, dry, "the dry run decides as the real one");
    let got = decisions(&out);
    let mut gold = gold();
    gold.sort();
    let linked = got.iter().filter(|(_, q)| q != "NIL").count();
    let gold_links = gold.iter().filter(|(_, q)| q != "NIL").count();
    let right = got
        .iter()
        .filter(|(a, q)| q != "NIL" && gold.contains(&(a.clone(), q.clone())))
        .count();
    eprintln!(
        "link fixture: precision {right}/{linked}, recall {right}/{gold_links}, {} NIL decisions",
        got.len() - linked
    );
    assert_eq!(got, gold, "{out}\n{err}");

    // Each link is an owl:sameAs in the links graph with its record.
    let csv = link_records(&events);
    let rows: Vec<&str> = csv.lines().skip(1).map(str::trim_end).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows[0].starts_with("https://w3id.org/eventline/id/actor/amara-okonjo,http://www.wikidata.org/entity/Q90001,1,label+country+position,"),
        "{csv}"
    );
    assert!(rows.iter().all(|r| r.ends_with(&endpoint)), "{csv}");

    // Linked actors are not asked about again.
    let (again, _) = ok(&eventline(&["link", "--endpoint", &endpoint], &events));
    assert_eq!(again.lines().count(), 2, "{again}");
    assert!(again.lines().all(|l| l.contains("\tNIL\t")), "{again}");

    // Undo withdraws the links and nothing else.
    let (_, err) = ok(&eventline(&["link", "--undo"], &events));
    assert!(err.contains("withdrew 3 link(s)"), "{err}");
    assert_eq!(all_quads(&events), before);
}

#[test]
fn a_strict_threshold_leaves_alias_matches_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, endpoint, events) = setup(dir.path());
    let (out, _) = ok(&eventline(
        &[
            "link",
            "--dry-run",
            "--threshold",
            "0.95",
            "--endpoint",
            &endpoint,
        ],
        &events,
    ));
    let herrera = out.lines().find(|l| l.starts_with("luis-herrera")).unwrap();
    assert!(
        herrera.contains("\tNIL\t0.90\tbest score 0.90 is under the threshold 0.95"),
        "{out}"
    );
}

#[test]
fn link_refuses_bad_endpoints_with_the_store_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events");
    ok(&eventline(
        &["ingest", "-q", &format!("{DATA}/articles")],
        &events,
    ));
    let before = all_quads(&events);
    let out = eventline(
        &["link", "--endpoint", "https://query.wikidata.org/sparql"],
        &events,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--endpoint https://query.wikidata.org/sparql: give an http:// URL"),
        "{err}"
    );
    // Nothing listens on this port: a clear error, no link written.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = eventline(
        &[
            "link",
            "--endpoint",
            &format!("http://127.0.0.1:{port}/query"),
        ],
        &events,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot connect to 127.0.0.1:"), "{err}");
    // A server that is not a SPARQL endpoint.
    let (_server, port) = serve_binary(&dir.path().join("kb"), &[]);
    let out = eventline(
        &[
            "link",
            "--endpoint",
            &format!("http://127.0.0.1:{port}/nothing"),
        ],
        &events,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answered 404"), "{err}");
    let out = eventline(&["link"], &events);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(all_quads(&events), before);
}
