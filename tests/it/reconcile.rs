//! The Reconciliation Service API both ways, over loopback only: `/reconcile`
//! of a second `eventline serve` holding the Wikidata-shaped fixture of
//! `tests/data/link/` (manifest, JSONP, a batch, types, countries, bad
//! payloads), and `eventline link --reconcile` against it, scored on the
//! fixture's gold.

use serde_json::Value;

use super::link::{all_quads, decisions, eventline, gold, link_records, ok, setup};
use super::serve::http;

/// The port of an `http://127.0.0.1:PORT/...` URL.
fn port(url: &str) -> u16 {
    url.trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn get(port: u16, target: &str) -> (String, String) {
    let answer = http(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    )
    .unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

fn post_form(port: u16, form: &str) -> (String, String) {
    let answer = http(
        port,
        &format!(
            "POST /reconcile HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    )
    .unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `(id, score, match)` of each result of query `key`.
fn results(answer: &Value, key: &str) -> Vec<(String, f64, bool)> {
    answer[key]["result"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["score"].as_f64().unwrap(),
                r["match"].as_bool().unwrap(),
            )
        })
        .collect()
}

const WD: &str = "http://www.wikidata.org/entity/";

#[test]
fn reconcile_serves_the_api_over_a_socket() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, endpoint, _) = setup(dir.path());
    let port = port(&endpoint);

    // The manifest, and the same wrapped for a JSONP caller.
    let (head, body) = get(port, "/reconcile");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("application/json"), "{head}");
    let manifest: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(manifest["versions"][0], "0.2");
    assert_eq!(
        manifest["identifierSpace"],
        "https://w3id.org/eventline/id/"
    );
    let types: Vec<&str> = manifest["defaultTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(
        types.starts_with(&["Person", "Country", "Organisation"]),
        "{types:?}"
    );
    assert_eq!(
        manifest["view"]["url"],
        format!("http://127.0.0.1:{port}/actor?iri={{{{id}}}}")
    );
    let (head, jsonp) = get(port, "/reconcile?callback=jQuery_123.cb");
    assert!(head.contains("application/javascript"), "{head}");
    assert!(
        jsonp.starts_with("/**/jQuery_123.cb({") && jsonp.ends_with("});"),
        "{jsonp}"
    );
    for bad in ["alert(1)", "a%3Bb", "1x", "x..y"] {
        let (head, body) = get(port, &format!("/reconcile?callback={bad}"));
        assert!(head.starts_with("HTTP/1.1 400"), "{bad}: {head}");
        assert!(body.contains("\"error\""), "{body}");
    }

    // A batch: types, countries (Wikidata's P27 or plain names), aliases,
    // accents and case.
    let queries = r#"{
      "q0": {"query": "Amara Okonjo", "type": "Q5", "limit": 3},
      "q1": {"query": "Amara Okonjo", "type": "Q5", "properties": [{"pid": "P27", "v": {"id": "Q114"}}]},
      "q2": {"query": "luis herrera", "type": "Person", "properties": [{"pid": "country", "v": "Mexico"}]},
      "q3": {"query": "Sipho Ndlovu", "type": "Q5", "properties": [{"pid": "P27", "v": "Q258"}]},
      "q4": {"query": "HARARE", "type": "Q43229"},
      "q5": {"query": "Kényà", "type": "Country"},
      "q6": {"query": "MJR", "type": "Organisation"},
      "q7": {"query": "Harare", "type": "Q515"}
    }"#;
    let (head, body) = post_form(port, &format!("queries={}", encode(queries)));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    // Two humans of the name, neither a match; the disambiguation page is
    // no human.
    let q0 = results(&answer, "q0");
    assert_eq!(q0.len(), 2, "{answer}");
    assert!(q0.iter().all(|(_, s, m)| *s == 100.0 && !m), "{q0:?}");
    // The country narrows to the Kenyan, now a clear match.
    assert_eq!(
        results(&answer, "q1"),
        vec![(format!("{WD}Q90001"), 100.0, true)]
    );
    let q1 = &answer["q1"]["result"][0];
    assert_eq!(q1["qid"], "Q90001");
    assert_eq!(q1["type"][0]["id"], "Q5");
    assert_eq!(q1["features"][1]["id"], "P27");
    assert!(q1["description"]
        .as_str()
        .unwrap()
        .contains("Kenyan politician"));
    // By alias: the Mexican; the Colombian homonym is narrowed out.
    let q2 = results(&answer, "q2");
    assert_eq!(q2, vec![(format!("{WD}Q90021"), 95.0, true)], "{answer}");
    assert_eq!(answer["q2"]["result"][0]["type"][0]["id"], "Person");
    // A homonym of another country, a city asked for as an organisation
    // or a city: nothing.
    for q in ["q3", "q4", "q7"] {
        assert!(results(&answer, q).is_empty(), "{q}: {answer}");
    }
    assert_eq!(results(&answer, "q5")[0].0, format!("{WD}Q114"));
    assert_eq!(results(&answer, "q6")[0].0, format!("{WD}Q90041"));

    // The same batch by GET, wrapped for JSONP.
    let (_, jsonp) = get(
        port,
        &format!("/reconcile?callback=cb&queries={}", encode(queries)),
    );
    assert_eq!(jsonp, format!("/**/cb({body});"));

    // Bad payloads: 400 with a JSON error naming the problem.
    let too_many: String = (0..51)
        .map(|i| format!("\"q{i}\":{{\"query\":\"x\"}}"))
        .collect::<Vec<_>>()
        .join(",");
    for (payload, says) in [
        ("{not json", "not JSON"),
        ("[1,2]", "JSON object"),
        (r#"{"q0":{"limit":2}}"#, "query 'q0': no 'query' string"),
        (
            r#"{"q0":{"query":"x","type":"Planet"}}"#,
            "unknown type 'Planet'",
        ),
        (
            r#"{"q0":{"query":"x","limit":-1}}"#,
            "'limit' must be a whole number",
        ),
        (
            &format!("{{{too_many}}}"),
            "51 queries in one batch: at most 50",
        ),
    ] {
        let (head, body) = post_form(port, &format!("queries={}", encode(payload)));
        assert!(head.starts_with("HTTP/1.1 400"), "{payload}: {head}");
        assert!(head.contains("application/json"), "{head}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(
            v["error"].as_str().unwrap().contains(says),
            "{payload}: {body}"
        );
    }
    let (head, _) = post_form(port, "query=Putin");
    assert!(head.starts_with("HTTP/1.1 400"), "{head}");

    // The manifest's view of a candidate: the web page's actor filter.
    let (head, _) = get(
        port,
        &format!("/actor?iri={}", encode(&format!("{WD}Q90001"))),
    );
    assert!(head.starts_with("HTTP/1.1 303"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("location: /?actor=amara%20okonjo"),
        "{head}"
    );
}

#[test]
fn link_by_reconciliation_is_precise_on_the_fixture_and_undone_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, endpoint, events) = setup(dir.path());
    let service = endpoint.replace("/query", "/reconcile");
    let before = all_quads(&events);

    let (out, err) = ok(&eventline(&["link", "--reconcile", &service], &events));
    let got = decisions(&out);
    let gold = gold();
    let linked = got.iter().filter(|(_, q)| q != "NIL").count();
    let gold_links = gold.iter().filter(|(_, q)| q != "NIL").count();
    let right = got
        .iter()
        .filter(|(a, q)| q != "NIL" && gold.contains(&(a.clone(), q.clone())))
        .count();
    let nil_right = got
        .iter()
        .filter(|(a, q)| q == "NIL" && gold.contains(&(a.clone(), q.clone())))
        .count();
    eprintln!(
        "link --reconcile fixture: precision {right}/{linked}, recall {right}/{gold_links}, \
         {nil_right}/{} NIL cases kept NIL",
        gold.len() - gold_links
    );
    // Every link made is the gold's: no homonym of another type or country.
    assert_eq!(right, linked, "{out}\n{err}");
    assert_eq!(nil_right, gold.len() - gold_links, "{out}");
    // The two Ghanaian Kofi Boatengs differ only by the dates of their
    // positions, which the API does not carry: NIL, where the SPARQL
    // linker finds the one in office.
    assert_eq!(linked, 2, "{out}");
    let kofi = out.lines().find(|l| l.starts_with("kofi-boateng")).unwrap();
    assert!(kofi.contains("fit about as well"), "{kofi}");
    let sipho = out.lines().find(|l| l.starts_with("sipho-ndlovu")).unwrap();
    assert!(
        sipho.contains("no Q5 of this name and country (Q258)"),
        "{sipho}"
    );

    // Links are written as for --endpoint, with the service as source.
    let csv = link_records(&events);
    let rows: Vec<&str> = csv.lines().skip(1).map(str::trim_end).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(
        rows[0].starts_with("https://w3id.org/eventline/id/actor/amara-okonjo,http://www.wikidata.org/entity/Q90001,0.9,reconciliation+label+country,"),
        "{csv}"
    );
    assert!(rows.iter().all(|r| r.ends_with(&service)), "{csv}");

    let (_, err) = ok(&eventline(&["link", "--undo"], &events));
    assert!(err.contains("withdrew 2 link(s)"), "{err}");
    assert_eq!(all_quads(&events), before);

    // A service that answers no reconciliation JSON: a clear error, no link.
    let out = eventline(
        &[
            "link",
            "--reconcile",
            &endpoint.replace("/query", "/nothing"),
        ],
        &events,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answered 404"), "{err}");
    let out = eventline(&["link", "--reconcile", &endpoint], &events);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answered"), "{err}");
    assert_eq!(all_quads(&events), before);
}
