//! The web page of `eventline serve` in process: the timeline with its
//! filters, event pages, the query box and downloads, and escaping of
//! hostile labels everywhere (checked by parsing the page as XML-ish
//! HTML with no stray markup).

use std::sync::{Arc, OnceLock};

use eventline::serve::{Endpoint, ServeOptions};
use eventline::{EventStore, Extractor, Gazetteer, ReadOptions};
use oxhttp::model::{Body, Method, Request, StatusCode};

/// The seed articles in an in-memory store, shared by the tests.
fn seeded() -> &'static Endpoint {
    static E: OnceLock<Endpoint> = OnceLock::new();
    E.get_or_init(|| {
        let store = EventStore::in_memory().unwrap();
        let sources = Gazetteer::sources(&[]).unwrap();
        let gaz = Gazetteer::from_turtle(&sources).unwrap();
        store.ensure_vocabulary(&sources).unwrap();
        let opts = ReadOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap());
        let x = Extractor::new(&gaz);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
        let (inputs, _) = eventline::collect_inputs(&[dir.into()]);
        for input in inputs {
            for a in eventline::read_input(&input, &opts) {
                let a = a.unwrap();
                store.ingest(&a, &x.extract(&a), &gaz).unwrap();
            }
        }
        Endpoint::new(Arc::new(store), ServeOptions::default())
    })
}

fn get(e: &Endpoint, uri: &str) -> (StatusCode, String, String) {
    let mut r = Request::builder()
        .method(Method::GET)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = e.handle(&mut r);
    let ct = response
        .headers()
        .get("Content-Type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (
        response.status(),
        ct,
        response.into_body().to_string().unwrap(),
    )
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_page_draws_the_timeline_and_links_every_event() {
    let (status, ct, html) = get(seeded(), "/");
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(ct, "text/html; charset=utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let shown = count(&html, "class=\"event-link\"");
    assert!(shown >= 10, "{shown} events listed");
    assert!(html.contains("<svg"), "the timeline SVG is inline");
    assert!(
        count(&html, "data-iri=") >= shown,
        "every drawn node knows its event"
    );
    // Every curated query is offered, its text escaped into an attribute.
    assert_eq!(count(&html, "data-query=\"# "), 13);
    for control in [
        "name=\"actor\"",
        "name=\"kind\"",
        "name=\"status\"",
        "name=\"from\"",
        "name=\"to\"",
    ] {
        assert!(html.contains(control), "{control}");
    }
}

#[test]
fn filters_narrow_the_timeline() {
    let e = seeded();
    let all = count(&get(e, "/").2, "class=\"event-link\"");
    let (_, _, html) = get(e, "/?kind=Meeting");
    let meetings = count(&html, "class=\"event-link\"");
    assert!(meetings >= 1 && meetings < all, "{meetings} of {all}");
    assert!(html.contains("<option selected>Meeting</option>"));
    let (_, _, html) = get(e, "/?actor=zelensky&status=Planned");
    assert!(html.contains("value=\"zelensky\""));
    for row in html.split("class=\"event-link\"").skip(1) {
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("Zelensky") && row.contains("Planned"), "{row}");
    }
    let (_, _, html) = get(e, "/?from=2030-01-01");
    assert!(html.contains("No event matches"), "{html}");
    for bad in ["/?kind=Picnic", "/?from=yesterday", "/?status=Rumoured"] {
        let (status, _, msg) = get(e, bad);
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {msg}");
    }
}

#[test]
fn an_event_page_has_actors_sources_and_quotes() {
    let e = seeded();
    let (_, _, html) = get(e, "/?actor=zelensky&kind=Visit");
    let start = html.find("class=\"event-link\" href=\"").unwrap() + 25;
    let href = html[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let (status, _, page) = get(e, &href);
    assert_eq!(status, StatusCode::OK, "{href}: {page}");
    assert!(page.contains("<dd class=\"kind\">Visit</dd>"), "{page}");
    assert!(
        page.contains("href=\"http://www.wikidata.org/entity/Q3874799\""),
        "{page}"
    );
    assert!(page.contains("<blockquote class=\"quote\">"), "{page}");
    assert!(page.contains("Related events"));
    let (status, _, _) = get(
        e,
        "/event?iri=https%3A%2F%2Fw3id.org%2Feventline%2Fid%2Fevent%2Fnone",
    );
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(e, "/event?iri=%3Cscript%3E");
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[test]
fn the_query_box_runs_shows_and_downloads() {
    let e = seeded();
    let q = "query=SELECT%20%3Fx%20WHERE%20%7B%20BIND(%22%3Cb%3E%26%22%20AS%20%3Fx)%20%7D";
    let (status, _, html) = get(e, &format!("/?{q}"));
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<td>&lt;b&gt;&amp;</td>"),
        "a result is escaped"
    );
    assert!(!html.contains("<b>&"), "no raw markup from the result");
    assert!(html.contains("1 row(s)"));
    assert!(html.contains("/download?format=csv&amp;query="));
    let (status, ct, csv) = get(e, &format!("/download?format=csv&{q}"));
    assert_eq!(
        (status, ct.as_str()),
        (StatusCode::OK, "text/csv; charset=utf-8")
    );
    assert_eq!(csv, "x\r\n<b>&\r\n");
    let (_, ct, json) = get(e, &format!("/download?format=json&{q}"));
    assert_eq!(ct, "application/sparql-results+json");
    assert!(json.contains("\"<b>&\""), "{json}");
    // A bad query is shown on the page, escaped.
    let (status, _, html) = get(e, "/?query=SELECT%20%3Cx");
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("class=\"error\">bad query"), "{html}");
    assert!(html.contains("SELECT &lt;x</textarea>"), "{html}");
    // The curated federated query answers from the page too, offline.
    let fed = include_str!("../../queries/federated-wikidata.rq");
    let (_, _, html) = get(e, &format!("/?query={}", encode(fed)));
    assert!(html.contains("president of United States"), "{html}");
}

#[test]
fn hostile_input_in_the_form_is_escaped() {
    let (status, _, html) = get(
        seeded(),
        "/?actor=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    );
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    // The only scripts are the page's own.
    assert_eq!(count(&html, "<script>"), 1);
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

/// Chromium's DOM of `url` after its scripts ran, with a bound on time.
fn chromium_dom(url: &str) -> Option<String> {
    let chromium = std::path::Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        // CI installs it (.ci/run); a developer without it is told.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have /usr/bin/chromium"
        );
        eprintln!("skipped: /usr/bin/chromium is not installed");
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", url])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).map(|_| s)
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s on {url}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Some(reader.join().unwrap().unwrap())
}

#[test]
fn the_page_works_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let (_server, port) = super::serve::serve_binary(&store, &[]);
    let Some(dom) = chromium_dom(&format!("http://127.0.0.1:{port}/")) else {
        return;
    };
    assert!(
        dom.contains("class=\"js\""),
        "the script ran to its end: {dom}"
    );
    assert!(count(&dom, "class=\"event-link\"") >= 10, "{dom}");
    assert!(dom.contains("<svg") && dom.contains("data-iri="), "{dom}");
    let start = dom.find("class=\"event-link\" href=\"").unwrap() + 25;
    let href = dom[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let page = chromium_dom(&format!("http://127.0.0.1:{port}{href}")).unwrap();
    assert!(page.contains("<h3>Actors</h3>"), "{page}");
    assert!(page.contains("class=\"quote\""), "{page}");
}
