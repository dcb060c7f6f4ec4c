//! Property test: 1,000 generated hostile labels (quotes, markup, control
//! characters, DOT and CSV syntax, bidi overrides, script URLs) as actor
//! names, headlines, article ids, evidence and URLs, through every output
//! format; each output is parsed back by a real parser for that format and
//! must give back exactly the labels that went in (or, for pictures, parse
//! and carry no live markup).
//!
//! The generator is seeded, so a failure names a label that reproduces.

use std::collections::BTreeSet;
use std::io::Cursor;

use chrono::NaiveDate;
use eventline::timeline::{Options, Timeline};
use eventline::Gazetteer;
use eventline::{Article, DateSource};
use eventline::{
    ArticleDates, ArticleExtraction, DateMethod, DateWindow, EntityRef, EntityType, EventKind,
    Evidence, Mention, Role, Status,
};
use eventline::{EventStore, ResultFormat};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Term;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};

use crate::common::Rng;

const N: usize = 1000;

/// Pieces that break naive writers of some format or other.
const PIECES: &[&str] = &[
    "\"",
    "'",
    "\\",
    "\\\"",
    "<",
    ">",
    "&",
    "&amp;",
    "]]>",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">",
    "\" onmouseover=\"alert(1)",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{10ffff}",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "👩‍👩‍👧",
    "\u{301}",
    "中文",
    "العربية",
    "}",
    "{",
    "digraph G {",
    "subgraph",
    "->",
    "--",
    ";",
    "\\N",
    "\\G",
    "\\l",
    "\\n",
    "[label=x]",
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(1)",
    ",",
    ",,",
    "\"\"",
    "@en",
    "^^<http://x>",
    "_:b0",
    "<http://evil/>",
    " .",
    "#",
    "%",
    "%00",
    "${x}",
    "$(rm)",
    "`",
    "|",
    "?x",
    "PREFIX",
    "null",
    "true",
    "  ",
    "",
    "A",
    "Zorblax",
];

/// Distinct hostile labels, each non-empty after trimming.
fn labels() -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = BTreeSet::new();
    let mut i = 0;
    while out.len() < N {
        let mut s = String::new();
        for _ in 0..1 + rng.below(6) {
            s.push_str(PIECES[rng.below(PIECES.len() as u64) as usize]);
        }
        // A visible tail keeps labels distinct and never blank.
        s.push_str(&format!(" #{i}"));
        i += 1;
        out.insert(s);
    }
    let mut v: Vec<String> = out.into_iter().collect();
    // Deterministic but not sorted by content.
    v.sort_by_key(|s| s.len() * 7919 % 1000);
    v
}

fn actor(i: usize, label: &str) -> EntityRef {
    let iri = format!("https://w3id.org/eventline/id/actor/hostile-{i}");
    EntityRef {
        iri: iri.clone(),
        label: label.to_string(),
        etype: EntityType::Person,
        qid: None,
        anchor: iri,
        leader: false,
        located_in: None,
    }
}

fn url(i: usize, label: &str) -> String {
    match i % 4 {
        0 => format!("javascript:alert({label:?})"),
        1 => format!("https://example.org/{label}"),
        2 => format!("data:text/html,{label}"),
        _ => format!("http://x/\"><script>{label}"),
    }
}

fn store_with(labels: &[String]) -> EventStore {
    let gaz = Gazetteer::load(&[]).unwrap();
    let store = EventStore::in_memory().unwrap();
    store
        .ensure_vocabulary(&Gazetteer::sources(&[]).unwrap())
        .unwrap();
    let day = |i: usize| NaiveDate::from_ymd_opt(2025, 10, 1 + (i % 28) as u32).unwrap();
    let batch: Vec<(Article, ArticleExtraction)> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let sentence = format!("{label} called {label}.");
            let article = Article {
                id: format!("{label}/{i}"),
                source: format!("{label}.txt"),
                title: Some(label.clone()),
                url: Some(url(i, label)),
                published: Some(day(i)),
                date_source: DateSource::JsonField,
                dates: ArticleDates {
                    published: Some(day(i)),
                    reference: Some(day(i)),
                    method: "json-published".into(),
                },
                text: sentence.clone(),
                warnings: vec![],
            };
            let other = &labels[(i + 1) % labels.len()];
            let mention = Mention {
                kind: EventKind::PhoneCall,
                actors: vec![
                    (Role::Participant, actor(i, label)),
                    (Role::Participant, actor(i + N, other)),
                ],
                date: Some(DateWindow {
                    earliest: day(i),
                    latest: day(i),
                    value: day(i).to_string(),
                    granularity: "day".into(),
                    method: DateMethod::Explicit,
                    text: label.clone(),
                }),
                place: None,
                status: Status::Occurred,
                claimed_by: None,
                attack_mode: None,
                topic: vec![label.clone()],
                time_not_taken: false,
                evidence: vec![Evidence {
                    start: 0,
                    end: label.len(),
                    quote: label.clone(),
                    sentence: sentence.clone(),
                    sentence_start: 0,
                }],
            };
            let ex = ArticleExtraction {
                dates: ArticleDates {
                    published: Some(day(i)),
                    reference: Some(day(i)),
                    method: label.clone(),
                },
                mentions: vec![mention],
                relations: vec![],
            };
            (article, ex)
        })
        .collect();
    let refs: Vec<(&Article, &ArticleExtraction)> = batch.iter().map(|(a, x)| (a, x)).collect();
    store.ingest_batch(&refs).unwrap();
    store.rebuild_dirty(&gaz).unwrap();
    store
}

const LABEL_QUERY: &str = "PREFIX evl: <https://w3id.org/eventline/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { ?a a evl:Person ; rdfs:label ?label . FILTER(STRSTARTS(STR(?a), \"https://w3id.org/eventline/id/actor/hostile-\")) }";

#[test]
fn hostile_labels_survive_every_output_format() {
    let labels = labels();
    assert_eq!(labels.len(), N);
    let store = store_with(&labels);
    let want: BTreeSet<String> = labels.iter().cloned().collect();

    // RDF: every serialisation parses and gives back every label and headline.
    for format in [
        RdfFormat::Turtle,
        RdfFormat::TriG,
        RdfFormat::NQuads,
        RdfFormat::NTriples,
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        RdfFormat::RdfXml,
    ] {
        let mut buf = Vec::new();
        store.export(format, &mut buf).unwrap();
        let mut actor_labels = BTreeSet::new();
        let mut headlines = BTreeSet::new();
        for q in RdfParser::from_format(format).for_reader(Cursor::new(&buf)) {
            let q = q.unwrap_or_else(|e| panic!("{format:?} does not parse back: {e}"));
            if let Term::Literal(l) = &q.object {
                let s = q.subject.to_string();
                if q.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label"
                    && s.contains("/actor/hostile-")
                {
                    actor_labels.insert(l.value().to_string());
                }
                if q.predicate.as_str() == "https://schema.org/headline" {
                    headlines.insert(l.value().to_string());
                }
            }
        }
        assert_eq!(actor_labels, want, "{format:?}: actor labels differ");
        assert_eq!(headlines, want, "{format:?}: headlines differ");
    }

    // SPARQL results: JSON and TSV by oxigraph's own parsers, JSON also by
    // serde_json, CSV by the csv crate.
    let results = |f: ResultFormat| {
        let mut buf = Vec::new();
        store.write_results(LABEL_QUERY, f, &mut buf).unwrap();
        buf
    };
    for (f, rf) in [
        (ResultFormat::Json, QueryResultsFormat::Json),
        (ResultFormat::Tsv, QueryResultsFormat::Tsv),
    ] {
        let buf = results(f);
        let ReaderQueryResultsParserOutput::Solutions(sols) = QueryResultsParser::from_format(rf)
            .for_reader(Cursor::new(&buf))
            .unwrap()
        else {
            panic!("not solutions")
        };
        let got: BTreeSet<String> = sols
            .map(|s| match s.unwrap().get("label") {
                Some(Term::Literal(l)) => l.value().to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(got, want, "{rf:?} results differ");
    }
    let json: serde_json::Value = serde_json::from_slice(&results(ResultFormat::Json)).unwrap();
    let got: BTreeSet<String> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"]["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, want, "JSON (serde_json) differs");
    let csv_buf = results(ResultFormat::Csv);
    let mut reader = csv::ReaderBuilder::new().from_reader(Cursor::new(&csv_buf));
    let got: BTreeSet<String> = reader
        .records()
        .map(|r| r.expect("CSV parses")[0].to_string())
        .collect();
    assert_eq!(got, want, "CSV differs");
    // The human table: one line per row, whatever the labels hold.
    let table = String::from_utf8(results(ResultFormat::Table)).unwrap();
    let n_rows = json["results"]["bindings"].as_array().unwrap().len();
    assert_eq!(
        table.lines().count(),
        n_rows + 3,
        "header, rule, one line per row and the count"
    );
    assert_eq!(
        table.lines().last(),
        Some(format!("({n_rows} rows)").as_str())
    );
    assert!(
        !table.chars().any(|c| (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
        "control characters reach the terminal"
    );

    // Event exports: PLOVER parsed by serde_json, CSV by the csv crate;
    // QuickStatements never names an unlinked actor (these all are).
    let exported = eventline::export_events(&store).unwrap();
    assert_eq!(exported.len(), N);
    let cx = eventline::ExportContext {
        today: NaiveDate::from_ymd_opt(2025, 10, 20).unwrap(),
    };
    let mut buf = Vec::new();
    eventline::write_plover(&exported, &cx, &mut buf).unwrap();
    let (mut actor_labels, mut titles) = (BTreeSet::new(), BTreeSet::new());
    for line in String::from_utf8(buf).unwrap().lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("PLOVER line parses");
        let actors = r["source"].as_array().unwrap().iter();
        for a in actors.chain(r["target"].as_array().unwrap()) {
            actor_labels.insert(a["actorText"].as_str().unwrap().to_string());
        }
        for st in r["stories"].as_array().unwrap() {
            titles.insert(st["title"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(actor_labels, want, "PLOVER actor labels differ");
    assert_eq!(titles, want, "PLOVER story titles differ");
    let mut buf = Vec::new();
    eventline::write_csv(&exported, &mut buf).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(Cursor::new(&buf));
    let sentences: BTreeSet<String> = reader
        .records()
        .map(|r| r.expect("CSV row parses")[15].to_string())
        .collect();
    let want_sentences: BTreeSet<String> =
        labels.iter().map(|l| format!("{l} called {l}.")).collect();
    assert_eq!(sentences, want_sentences, "CSV sentences differ");
    let mut buf = Vec::new();
    let w = eventline::write_quickstatements(&exported, &cx, &mut buf).unwrap();
    assert_eq!(
        (w.events, buf.len()),
        (0, 0),
        "unlinked actors reached QuickStatements"
    );

    // Timelines: DOT parses (graphviz-rust's parser, and dot itself when
    // installed); SVG parses as XML and carries no live markup.
    let (events, relations) = eventline::timeline::load(&store).unwrap();
    assert_eq!(events.len(), N);
    for (k, chunk) in events.chunks(100).enumerate() {
        let opts = Options {
            title: Some(labels[k].clone()),
            fold_threshold: 10_000,
            ..Default::default()
        };
        let tl = Timeline::build(chunk.to_vec(), relations.clone(), &opts);
        let dot = tl.to_dot();
        graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("DOT chunk {k} does not parse: {e}"));
        check_svg(&tl.to_svg(), &format!("pure SVG chunk {k}"));
        if k == 0 && which_dot() {
            let svg = eventline::timeline::render_with_dot(&dot, "svg").expect("dot renders");
            check_svg(&String::from_utf8(svg).unwrap(), "dot SVG");
        }
    }
}

fn which_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check_svg(svg: &str, what: &str) {
    // dot's SVG starts with a DOCTYPE; ours does not.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, opts)
        .unwrap_or_else(|e| panic!("{what}: not XML: {e}"));
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        assert_ne!(n.tag_name().name(), "script", "{what}: a script element");
        assert_ne!(
            n.tag_name().name(),
            "foreignObject",
            "{what}: foreign markup"
        );
        for a in n.attributes() {
            assert!(
                !a.name().starts_with("on"),
                "{what}: event handler {}",
                a.name()
            );
            if a.name() == "href" {
                let v = a.value().trim().to_ascii_lowercase();
                assert!(
                    v.starts_with("http:") || v.starts_with("https:") || v.starts_with('#'),
                    "{what}: live link {v}"
                );
            }
        }
    }
    // The labels are there as text, not markup.
    assert!(
        svg.contains("#0") || svg.contains("#1"),
        "{what}: labels missing"
    );
}
