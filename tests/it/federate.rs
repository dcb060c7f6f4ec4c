//! Federated queries offline: `SERVICE <https://query.wikidata.org/sparql>`
//! answered by the gazetteer in Wikidata's shape, from `eventline query`
//! (the shipped query on the seed store) and from the endpoint.

use std::process::Command;
use std::sync::Arc;

use eventline::serve::{Endpoint, ServeOptions};
use eventline::{EventStore, Gazetteer};
use oxhttp::model::{Body, Method, Request, StatusCode};

fn eventline(args: &[&str], store: &std::path::Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_shipped_federated_query_answers_offline() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let (ok, _, err) = eventline(&["ingest", "-q", articles], &store);
    assert!(ok, "{err}");
    let query = concat!(env!("CARGO_MANIFEST_DIR"), "/queries/federated-wikidata.rq");
    let (ok, csv, err) = eventline(&["query", "--format", "csv", query], &store);
    assert!(ok, "{err}");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "actor,label,wd,class,position,start,end");
    for want in [
        "Donald Trump,http://www.wikidata.org/entity/Q22686,http://www.wikidata.org/entity/Q5,president of United States,2025-01-20T00:00:00Z,",
        "Vladimir Putin,http://www.wikidata.org/entity/Q7747,http://www.wikidata.org/entity/Q5,prime minister of Russia,1999-08-16T00:00:00Z,2000-05-07T00:00:00Z",
        "United States,http://www.wikidata.org/entity/Q30,http://www.wikidata.org/entity/Q6256,,,",
    ] {
        assert!(csv.contains(want), "{want} not in\n{csv}");
    }
    // Another service is a clear error, not a hang or a panic.
    let (ok, _, err) = eventline(
        &[
            "query",
            "-e",
            "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        ],
        &store,
    );
    assert!(!ok);
    assert!(err.contains("example.org"), "{err}");
}

#[test]
fn the_endpoint_answers_service_calls_offline() {
    let store = EventStore::in_memory().unwrap();
    store
        .ensure_vocabulary(&Gazetteer::sources(&[]).unwrap())
        .unwrap();
    let e = Endpoint::new(Arc::new(store), ServeOptions::default());
    let q = "PREFIX wd: <http://www.wikidata.org/entity/> \
             PREFIX wdt: <http://www.wikidata.org/prop/direct/> \
             PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
             SELECT ?label WHERE { SERVICE <https://query.wikidata.org/sparql> { \
               wd:Q7747 wdt:P31 wd:Q5 ; rdfs:label ?label . FILTER(LANG(?label) = \"en\") } }";
    let mut r = Request::builder()
        .method(Method::POST)
        .uri("/query")
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .body(Body::from(q.to_string()))
        .unwrap();
    let response = e.handle(&mut r);
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.into_body().to_string().unwrap();
    assert_eq!(body, "label\r\nVladimir Putin\r\n");
}
