//! `eventline serve`: every route of the SPARQL endpoint in process
//! (through `Endpoint::handle`, no socket), and once over a real loopback
//! socket with the binary, which the test stops itself.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use eventline::serve::{Endpoint, ServeOptions};
use eventline::EventStore;
use oxhttp::model::{Body, Method, Request, Response, StatusCode};

const DATA: &str = "INSERT DATA { <http://e/a> <http://e/name> \"Alpha\" . \
    GRAPH <http://e/g> { <http://e/b> <http://e/name> \"Beta\" } }";
const SELECT: &str = "SELECT ?n WHERE { ?s <http://e/name> ?n } ORDER BY ?n";

/// An endpoint over an in-memory store holding `DATA`.
fn endpoint(allow_update: bool, cors: bool) -> Endpoint {
    let store = Arc::new(EventStore::in_memory().unwrap());
    let loader = Endpoint::new(
        Arc::clone(&store),
        ServeOptions {
            allow_update: true,
            ..ServeOptions::default()
        },
    );
    let r = send(&loader, post("/update", "application/sparql-update", DATA));
    assert_eq!(r.0, StatusCode::NO_CONTENT, "{}", r.2);
    Endpoint::new(
        store,
        ServeOptions {
            allow_update,
            cors,
            timeout: Some(Duration::from_secs(10)),
        },
    )
}

fn get(uri: &str, accept: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().method(Method::GET).uri(uri);
    if let Some(a) = accept {
        b = b.header("Accept", a);
    }
    b.body(Body::empty()).unwrap()
}

fn post(uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header("Content-Type", content_type)
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn with_accept(mut r: Request<Body>, accept: &str) -> Request<Body> {
    r.headers_mut().insert("Accept", accept.parse().unwrap());
    r
}

/// Status, Content-Type and body of the answer to `request`.
fn send(endpoint: &Endpoint, mut request: Request<Body>) -> (StatusCode, String, String) {
    let response: Response<Body> = endpoint.handle(&mut request);
    let status = response.status();
    let ct = response
        .headers()
        .get("Content-Type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, ct, response.into_body().to_string().unwrap())
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn get_query_answers_json_over_the_union_of_graphs() {
    let e = endpoint(false, false);
    let (status, ct, body) = send(&e, get(&format!("/query?query={}", encode(SELECT)), None));
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ct, "application/sparql-results+json");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let names: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alpha", "Beta"]);
}

#[test]
fn post_direct_and_form_with_each_results_format() {
    let e = endpoint(false, false);
    let form = format!("query={}", encode(SELECT));
    let cases = [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<literal>Alpha</literal>",
        ),
        (
            "text/csv",
            "text/csv; charset=utf-8",
            "n\r\nAlpha\r\nBeta\r\n",
        ),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            "?n\n\"Alpha\"\n\"Beta\"\n",
        ),
        (
            "application/json;q=0.1, text/csv;q=0.2, */*;q=0.05",
            "text/csv; charset=utf-8",
            "Alpha",
        ),
    ];
    for (accept, want_ct, want_body) in cases {
        for request in [
            post("/query", "application/sparql-query", SELECT),
            post("/query", "application/x-www-form-urlencoded", &form),
        ] {
            let (status, ct, body) = send(&e, with_accept(request, accept));
            assert_eq!(status, StatusCode::OK, "{accept}: {body}");
            assert_eq!(ct, want_ct, "{accept}");
            assert!(body.contains(want_body), "{accept}: {body}");
        }
    }
    let ask = post(
        "/query",
        "application/sparql-query; charset=utf-8",
        "ASK { ?s ?p ?o }",
    );
    let (status, _, body) = send(&e, ask);
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("true"), "{body}");
}

#[test]
fn graphs_come_in_every_rdf_format_and_parse() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let e = endpoint(false, false);
    let q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let r = with_accept(post("/query", "application/sparql-query", q), accept);
        let (status, ct, body) = send(&e, r);
        assert_eq!(status, StatusCode::OK, "{accept}: {body}");
        assert!(ct.starts_with(accept), "{accept}: {ct}");
        let quads = RdfParser::from_format(format)
            .for_slice(body.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|err| panic!("{accept}: {err}: {body}"));
        assert_eq!(quads.len(), 2, "{accept}: {body}");
    }
}

#[test]
fn protocol_errors_have_their_codes() {
    let e = endpoint(false, false);
    let cases = [
        (
            post("/query", "application/sparql-query", "SELEC ?x"),
            StatusCode::BAD_REQUEST,
        ),
        (get("/query?query=%zz", None), StatusCode::BAD_REQUEST),
        (
            with_accept(
                post("/query", "application/sparql-query", SELECT),
                "image/png",
            ),
            StatusCode::NOT_ACCEPTABLE,
        ),
        (
            with_accept(
                post("/query", "application/sparql-query", SELECT),
                "text/csv;q=0",
            ),
            StatusCode::NOT_ACCEPTABLE,
        ),
        (
            with_accept(
                post("/query", "application/sparql-query", SELECT),
                "nonsense",
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            // Solutions cannot be Turtle.
            with_accept(
                post("/query", "application/sparql-query", SELECT),
                "text/turtle",
            ),
            StatusCode::NOT_ACCEPTABLE,
        ),
        (
            post("/query", "text/plain", SELECT),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            post("/query", "", SELECT),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            Request::builder()
                .method(Method::PUT)
                .uri("/query")
                .body(Body::empty())
                .unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (get("/elsewhere", None), StatusCode::NOT_FOUND),
    ];
    for (request, want) in cases {
        let what = format!("{} {:?}", request.method(), request.headers());
        let (status, ct, body) = send(&e, request);
        assert_eq!(status, want, "{what}: {body}");
        assert!(ct.starts_with("text/plain"), "{what}");
        assert!(!body.trim().is_empty(), "{what}: an error says why");
    }
}

#[test]
fn a_bare_get_describes_the_service() {
    let e = endpoint(false, false);
    let (status, ct, body) = send(&e, get("/query", None));
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/turtle"));
    assert!(
        body.contains("sd:Service") && body.contains("SPARQL11Query"),
        "{body}"
    );
    assert!(!body.contains("SPARQL11Update"), "read-only: {body}");
    let (status, ct, _) = send(&e, get("/query", Some("application/n-triples")));
    assert_eq!(
        (status, ct.as_str()),
        (StatusCode::OK, "application/n-triples")
    );
    let (_, _, body) = send(&endpoint(true, false), get("/query", None));
    assert!(body.contains("SPARQL11Update"), "{body}");
}

#[test]
fn updates_are_refused_unless_allowed() {
    let read_only = endpoint(false, false);
    let clear = post("/update", "application/sparql-update", "CLEAR ALL");
    assert_eq!(send(&read_only, clear).0, StatusCode::FORBIDDEN);
    let q = || post("/query", "application/sparql-query", SELECT);
    assert!(
        send(&read_only, with_accept(q(), "text/csv"))
            .2
            .contains("Alpha"),
        "nothing lost"
    );

    let writable = endpoint(true, false);
    let form = format!(
        "update={}",
        encode("DELETE WHERE { ?s <http://e/name> \"Alpha\" }")
    );
    let r = send(
        &writable,
        post("/update", "application/x-www-form-urlencoded", &form),
    );
    assert_eq!(r.0, StatusCode::NO_CONTENT, "{}", r.2);
    let (_, _, body) = send(&writable, with_accept(q(), "text/csv"));
    assert_eq!(body, "n\r\nBeta\r\n");
    let bad = post("/update", "application/sparql-update", "DELETE nothing");
    assert_eq!(send(&writable, bad).0, StatusCode::BAD_REQUEST);
    let by_get = get(&format!("/update?update={}", encode("CLEAR ALL")), None);
    assert_eq!(send(&writable, by_get).0, StatusCode::METHOD_NOT_ALLOWED);
}

#[test]
fn named_datasets_replace_the_union() {
    let e = endpoint(false, false);
    let uri = format!(
        "/query?query={}&default-graph-uri={}",
        encode(SELECT),
        encode("http://e/g")
    );
    let (status, _, body) = send(&e, get(&uri, Some("text/csv")));
    assert_eq!((status, body.as_str()), (StatusCode::OK, "n\r\nBeta\r\n"));
    let bad = format!(
        "/query?query={}&default-graph-uri=not%20an%20iri",
        encode(SELECT)
    );
    assert_eq!(send(&e, get(&bad, None)).0, StatusCode::BAD_REQUEST);
}

#[test]
fn cors_when_asked() {
    let without = endpoint(false, false);
    let with = endpoint(false, true);
    let mut pre = Request::builder()
        .method(Method::OPTIONS)
        .uri("/query")
        .header("Origin", "http://example.org")
        .body(Body::empty())
        .unwrap();
    let response = with.handle(&mut pre);
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.headers()["Access-Control-Allow-Origin"], "*");
    let response = with.handle(&mut get("/query", None));
    assert_eq!(response.headers()["Access-Control-Allow-Origin"], "*");
    let response = without.handle(&mut get("/query", None));
    assert!(response
        .headers()
        .get("Access-Control-Allow-Origin")
        .is_none());
}

#[test]
fn concurrent_readers_share_one_store() {
    let e = endpoint(false, false);
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..20 {
                    let r = with_accept(
                        post("/query", "application/sparql-query", SELECT),
                        "text/csv",
                    );
                    assert_eq!(send(&e, r).2, "n\r\nAlpha\r\nBeta\r\n");
                }
            });
        }
    });
}

/// The binary's server, killed when the test ends however it ends.
pub(crate) struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 exchange over a fresh connection: status line and body.
pub(super) fn http(port: u16, request: &str) -> std::io::Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    s.write_all(request.as_bytes())?;
    let mut answer = String::new();
    s.read_to_string(&mut answer)?;
    Ok(answer)
}

#[test]
fn the_binary_serves_over_a_loopback_socket() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let ingest = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles"))
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    // A port the system just handed out and took back: free unless a
    // race takes it, which the retries below would show as a failure.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_eventline"))
            .args(["serve", "--timeout", "20", "--bind"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--store")
            .arg(&store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let query = "query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fe%20a%20%3Chttps%3A%2F%2Fw3id.org%2Feventline%2Fontology%23Event%3E%20%7D";
    let request = format!(
        "POST /query HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/csv\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{query}",
        query.len()
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let answer = loop {
        match http(port, &request) {
            Ok(a) => break a,
            // Not listening yet.
            Err(_) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => panic!("no answer on port {port}: {e}"),
        }
    };
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("text/csv"), "{answer}");
    let update = "POST /update HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n\
         Content-Length: 9\r\nConnection: close\r\n\r\nCLEAR ALL";
    let answer = http(port, update).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 403"),
        "read-only by default: {answer}"
    );
}

#[test]
fn a_query_past_the_timeout_is_cancelled_with_503() {
    let store = Arc::new(EventStore::in_memory().unwrap());
    let writer = Endpoint::new(
        Arc::clone(&store),
        ServeOptions {
            allow_update: true,
            ..ServeOptions::default()
        },
    );
    let triples: String = (0..300)
        .map(|i| format!("<http://e/{i}> <http://e/p> {i} . "))
        .collect();
    let insert = post(
        "/update",
        "application/sparql-update",
        &format!("INSERT DATA {{ {triples} }}"),
    );
    assert_eq!(send(&writer, insert).0, StatusCode::NO_CONTENT);
    let e = Endpoint::new(
        store,
        ServeOptions {
            timeout: Some(Duration::from_millis(300)),
            ..ServeOptions::default()
        },
    );
    // 2.7 * 10^7 rows to filter, none kept: seconds of work, no memory.
    // (An aggregate over a join notices the cancellation only late.)
    let slow = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i \
                FILTER(STR(?a) = CONCAT(STR(?f), STR(?i), \"!\")) }";
    let started = Instant::now();
    let (status, _, body) = send(&e, post("/query", "application/sparql-query", slow));
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("timeout"), "{body}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_bad_bind_or_timeout_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for (flag, value, says) in [
        ("--bind", "not-an-address", "--bind not-an-address"),
        ("--timeout", "inf", "--timeout inf"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
            .args(["serve", flag, value, "--store"])
            .arg(dir.path().join("store"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
    }
}

fn request(method: Method, uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("Content-Type", content_type)
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[test]
fn the_graph_store_protocol_reads_a_graph_that_parses() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let e = endpoint(false, false);
    let g = format!("/store?graph={}", encode("http://e/g"));
    let (status, ct, body) = send(&e, get(&g, Some("application/n-triples")));
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(ct.starts_with("application/n-triples"), "{ct}");
    assert_eq!(body, "<http://e/b> <http://e/name> \"Beta\" .\n");
    // The default graph is the store's own, not the union /query reads.
    let (status, _, body) = send(&e, get("/store?default", None));
    assert_eq!(status, StatusCode::OK);
    let triples = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert_eq!(triples.len(), 1, "{body}");
    let head = Request::builder()
        .method(Method::HEAD)
        .uri(&g)
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(&e, head);
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    for (uri, want) in [
        ("/store?graph=http%3A%2F%2Fe%2Fnone", StatusCode::NOT_FOUND),
        ("/store", StatusCode::BAD_REQUEST),
        (
            "/store?default&graph=http%3A%2F%2Fe%2Fg",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        assert_eq!(send(&e, get(uri, None)).0, want, "{uri}");
    }
}

#[test]
fn graph_store_writes_are_refused_unless_allowed() {
    let e = endpoint(false, false);
    let g = format!("/store?graph={}", encode("http://e/g"));
    for method in [Method::PUT, Method::POST, Method::DELETE] {
        let r = request(
            method.clone(),
            &g,
            "text/turtle",
            "<http://e/x> <http://e/p> 1 .",
        );
        assert_eq!(send(&e, r).0, StatusCode::FORBIDDEN, "{method}");
    }
    // Nothing changed.
    let (_, _, body) = send(&e, get(&g, Some("application/n-triples")));
    assert_eq!(body, "<http://e/b> <http://e/name> \"Beta\" .\n");
}

#[test]
fn graph_store_put_post_delete_when_allowed() {
    let e = endpoint(true, false);
    let g = format!("/store?graph={}", encode("http://e/new"));
    let nt = |e: &Endpoint| send(e, get(&g, Some("application/n-triples")));
    let put = request(Method::PUT, &g, "text/turtle", "<x> <http://e/p> 1 .");
    assert_eq!(send(&e, put).0, StatusCode::CREATED);
    // Relative IRIs resolve against the graph's name.
    assert_eq!(
        nt(&e).2,
        "<http://e/x> <http://e/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    );
    let post_body = "<http://e/y> <http://e/p> \"two\" .";
    let post = request(Method::POST, &g, "application/n-triples", post_body);
    assert_eq!(send(&e, post).0, StatusCode::NO_CONTENT);
    assert_eq!(nt(&e).2.lines().count(), 2);
    let put = request(
        Method::PUT,
        &g,
        "text/turtle",
        "<http://e/z> <http://e/p> 3 .",
    );
    assert_eq!(send(&e, put).0, StatusCode::NO_CONTENT);
    assert!(nt(&e).2.starts_with("<http://e/z>"), "PUT replaces");
    // A bad body or syntax changes nothing.
    let bad = request(
        Method::PUT,
        &g,
        "text/turtle",
        "<http://e/z> <http://e/p> .",
    );
    let (status, _, msg) = send(&e, bad);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(msg.contains("line"), "{msg}");
    let quads = "<http://e/a> <http://e/p> 1 <http://e/other> .";
    let named = request(Method::POST, &g, "application/n-quads", quads);
    assert_eq!(send(&e, named).0, StatusCode::BAD_REQUEST);
    let csv = request(Method::PUT, &g, "text/csv", "a,b");
    assert_eq!(send(&e, csv).0, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(nt(&e).2.lines().count(), 1);
    let delete = request(Method::DELETE, &g, "", "");
    assert_eq!(send(&e, delete).0, StatusCode::NO_CONTENT);
    assert_eq!(nt(&e).0, StatusCode::NOT_FOUND);
    let delete = request(Method::DELETE, &g, "", "");
    assert_eq!(send(&e, delete).0, StatusCode::NOT_FOUND);
    // The default graph is emptied, not removed.
    let delete = request(Method::DELETE, "/store?default", "", "");
    assert_eq!(send(&e, delete).0, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&e, get("/store?default", Some("application/n-triples"))).2,
        ""
    );
}

/// `eventline serve ARGS` on a free loopback port, once it answers.
pub(crate) fn serve_binary(store: &std::path::Path, args: &[&str]) -> (Server, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_eventline"))
            .arg("serve")
            .args(args)
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--store")
            .arg(store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while http(
        port,
        "GET /query HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .is_err()
    {
        assert!(Instant::now() < deadline, "no answer on port {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, port)
}

/// Mentions per article (the article graphs' own statements, not the
/// derived events' links, which follow a moment later), as CSV rows.
fn mentions_per_article(port: u16) -> String {
    let q = "PREFIX evl: <https://w3id.org/eventline/ontology#> \
             SELECT ?doc (COUNT(?m) AS ?n) WHERE { ?m a evl:EventMention ; evl:mentionedIn ?doc } \
             GROUP BY ?doc ORDER BY ?doc";
    let answer = http(
        port,
        &format!(
            "POST /query HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\
             Content-Type: application/sparql-query\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{q}",
            q.len()
        ),
    )
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    answer.split_once("\r\n\r\n").unwrap().1.to_string()
}

#[test]
fn ingest_to_a_running_server_matches_a_local_ingest() {
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("local");
    let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(["ingest", "-q", "--store"])
        .arg(&local)
        .arg(articles)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = {
        let (_server, port) = serve_binary(&local, &[]);
        mentions_per_article(port)
    };
    assert!(want.lines().count() == 3, "two articles: {want}");

    let remote = dir.path().join("remote");
    let (_server, port) = serve_binary(&remote, &["--allow-update"]);
    assert_eq!(mentions_per_article(port), "doc,n\r\n");
    // A reader polling all along sees each article whole or not at all.
    let done = std::sync::atomic::AtomicBool::new(false);
    let seen = std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut seen = Vec::new();
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                seen.push(mentions_per_article(port));
            }
            seen
        });
        let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
            .args(["ingest", "--server"])
            .arg(format!("http://127.0.0.1:{port}"))
            .arg(articles)
            .output()
            .unwrap();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("2 added"), "{err}");
        reader.join().unwrap()
    });
    let got = mentions_per_article(port);
    assert_eq!(got, want, "the next query sees the articles");
    for rows in seen {
        for row in rows.lines().skip(1) {
            assert!(want.contains(row), "half an article: {row} not in {want}");
        }
    }
    // The events are derived too, not only the mentions stored.
    let q = "query=ASK%20%7B%20%3Fe%20a%20%3Chttps%3A%2F%2Fw3id.org%2Feventline%2Fontology%23Event%3E%20%7D";
    let answer = http(
        port,
        &format!(
            "GET /query?{q} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: close\r\n\r\n"
        ),
    )
    .unwrap();
    assert!(answer.contains("true"), "{answer}");
    // Sending again changes nothing.
    let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(["ingest", "--server"])
        .arg(format!("http://127.0.0.1:{port}"))
        .arg(articles)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 unchanged"));
}

#[test]
fn ingest_to_a_server_refuses_what_it_should() {
    let e = endpoint(false, false);
    let r = post(
        "/ingest?name=a.txt",
        "text/plain",
        " date 2025-10-17 \nText.",
    );
    assert_eq!(send(&e, r).0, StatusCode::FORBIDDEN);
    // Allowed, but started without an ingester (no gazetteer).
    let e = endpoint(true, false);
    let r = post(
        "/ingest?name=a.txt",
        "text/plain",
        " date 2025-10-17 \nText.",
    );
    assert_eq!(send(&e, r).0, StatusCode::NOT_IMPLEMENTED);
    let e = e.with_ingest(eventline::serve::IngestConfig::new(
        eventline::Gazetteer::load(&[]).unwrap(),
        || chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap(),
        1000,
    ));
    for (uri, body, says) in [
        ("/ingest", "text", "name"),
        ("/ingest?name=a.txt&date=17/10", "text", "a.txt: bad date"),
        ("/ingest?name=a.txt", "  \n", "a.txt: file is empty"),
        (
            "/ingest?name=b.txt",
            &"x".repeat(2000),
            "b.txt: article is 2000 bytes",
        ),
    ] {
        let (status, _, msg) = send(&e, post(uri, "text/plain", body));
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {msg}");
        assert!(msg.contains(says), "{uri}: {msg}");
    }
    let story = "Putin and Xi met in Beijing on Thursday.";
    let (status, _, msg) = send(
        &e,
        post("/ingest?name=s.txt&date=2025-10-17", "text/plain", story),
    );
    assert_eq!(status, StatusCode::OK, "{msg}");
    let v: serde_json::Value = serde_json::from_str(&msg).unwrap();
    assert_eq!(v["added"], 1, "{msg}");
}
