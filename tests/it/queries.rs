//! The curated queries read the compact events graph (`…/graph/index`)
//! that derivation maintains; their union-graph versions in
//! `tests/data/union-queries/` define what they answer. Same rows, compared
//! as multisets (row order among ties and the order inside concatenated
//! lists are the engine's choice).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ok(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// A concatenated list with its items sorted, so "a, b" equals "b, a".
fn normalise(cell: &str) -> String {
    for sep in [" | ", "; ", ", "] {
        if cell.contains(sep) {
            let mut items: Vec<&str> = cell.split(sep).collect();
            items.sort_unstable();
            return items.join(sep);
        }
    }
    cell.to_string()
}

fn rows(store: &Path, query: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let out = ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "json",
        query.to_str().unwrap(),
    ]);
    result_rows(&out)
}

/// SPARQL JSON results as sorted rows of whole terms (kind, value,
/// datatype, language), lists normalised: what two engines or two layouts
/// must agree on (also `push.rs`).
pub(crate) fn result_rows(json: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let v: serde_json::Value = serde_json::from_str(json).expect("SPARQL JSON results");
    let vars: Vec<String> = v["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    let mut rows: Vec<Vec<String>> = v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|var| {
                    let c = &b[var.as_str()];
                    format!(
                        "{}|{}|{}|{}",
                        c["type"].as_str().unwrap_or("unbound"),
                        normalise(c["value"].as_str().unwrap_or("")),
                        c["datatype"].as_str().unwrap_or(""),
                        c["xml:lang"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .collect();
    rows.sort();
    (vars, rows)
}

const REWRITTEN: [&str; 10] = [
    "timeline",
    "planned-ahead",
    "multi-source-events",
    "unconfirmed-claims",
    "who-met-whom",
    "actor-timeline",
    "actors-wikidata",
    "events-per-article",
    "attacks-by-place-month",
    "event-relations",
];

fn assert_same_rows(store: &Path) {
    for name in REWRITTEN {
        let new = rows(store, &root().join(format!("queries/{name}.rq")));
        let old = rows(
            store,
            &root().join(format!("tests/data/union-queries/{name}.rq")),
        );
        assert_eq!(new.0, old.0, "{name}: columns");
        assert!(!new.1.is_empty(), "{name}: no rows to compare");
        assert_eq!(new.1, old.1, "{name}: rows");
    }
}

/// A store in `dir` with `inputs` ingested.
fn ingested(dir: &Path, inputs: &[&Path]) -> PathBuf {
    let store = dir.join("store");
    let mut args = vec!["ingest", "--quiet", "--store", store.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    ok(&args);
    store
}

#[test]
fn indexed_queries_give_the_rows_of_the_union_graph_queries() {
    let tmp = tempfile::tempdir().unwrap();
    let examples = root().join("examples/articles");
    let merge = root().join("tests/data/merge/articles");
    let store = ingested(tmp.path(), &[&examples, &merge]);
    let s = store.to_str().unwrap();
    assert_same_rows(&store);
    // Removal re-derives the blocks it touches: their index entries follow.
    ok(&["remove", "--store", s, "000_2422c1bc8e90a2b2.txt"]);
    assert_same_rows(&store);
}

#[test]
fn who_met_whom_pairs_no_one_with_the_country_they_act_for() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ingested(tmp.path(), &[&root().join("examples/articles")]);
    let s = store.to_str().unwrap();
    let out = ok(&[
        "query",
        "--store",
        s,
        "--format",
        "csv",
        root().join("queries/who-met-whom.rq").to_str().unwrap(),
    ]);
    let pairs: Vec<(&str, &str)> = out
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',');
            Some((f.next()?, f.next()?))
        })
        .collect();
    // The call and the summit: the two presidents, and each with the
    // other's country.
    for pair in [
        ("Donald Trump", "Vladimir Putin"),
        ("Donald Trump", "Russia"),
        ("United States", "Vladimir Putin"),
    ] {
        assert!(pairs.contains(&pair), "{pair:?} missing from {pairs:?}");
    }
    // Not a president with his own country (a gazetteer role), nor a
    // minister with the country the article affiliates him with.
    for pair in [
        ("Donald Trump", "United States"),
        ("Russia", "Vladimir Putin"),
        ("Marco Rubio", "United States"),
        ("Ukraine", "Volodymyr Zelensky"),
    ] {
        assert!(!pairs.contains(&pair), "{pair:?} paired in {pairs:?}");
    }
}

#[test]
fn pledges_list_agreements_with_their_parties_and_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let article = tmp.path().join("agreement.txt");
    std::fs::write(
        &article,
        " date 2006-12-14 Israel and Jordan signed a peace agreement in Amman on Monday, officials said.\n",
    )
    .unwrap();
    let store = ingested(tmp.path(), &[&article]);
    let (vars, rows) = rows(&store, &root().join("queries/pledges-and-promises.rq"));
    let col = |name: &str| vars.iter().position(|v| v == name).unwrap();
    // An agreement is typed evl:Agreement only, a subclass of evl:Pledge:
    // its parties and sentence are the row's, not blanks.
    let row = rows
        .iter()
        .find(|r| r[col("pledgedBy")].contains("Israel"))
        .unwrap_or_else(|| panic!("no agreement of Israel in {rows:?}"));
    assert!(row[col("pledgedBy")].contains("Jordan"), "{row:?}");
    assert!(row[col("evidence")].contains("peace agreement"), "{row:?}");
}
