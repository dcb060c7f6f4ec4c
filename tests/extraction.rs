//! Extraction regression suite in the spirit of PETRARCH's validation
//! cases: short sentences with their publication date and the events a
//! careful reader expects, as data under `tests/data/extraction/*.json`.
//! Adding a case never needs code. See `tests/data/extraction/README.md`.

use std::path::Path;

use chrono::NaiveDate;
use eventline::{read_bytes, EventKind, Extractor, Gazetteer, Mention, ReadOptions, Role};
use serde::Deserialize;

#[derive(Deserialize, Debug)]
struct Case {
    name: String,
    date: String,
    text: String,
    #[serde(default)]
    expect: Vec<Pattern>,
    #[serde(default)]
    forbid: Vec<Pattern>,
    #[serde(default)]
    known_gap: Option<String>,
    /// `[from, "aheadOf", to]`: indices into `expect`; the extracted
    /// mentions those entries matched must be so related.
    #[serde(default)]
    relations: Vec<(usize, String, usize)>,
}

#[derive(Deserialize, Debug)]
struct Pattern {
    kind: Option<String>,
    #[serde(default)]
    actors: Vec<String>,
    /// Absent: not checked; null: must be undated; [a, b]: exact window.
    #[serde(default, deserialize_with = "some")]
    date: Option<Option<[String; 2]>>,
    status: Option<String>,
    place: Option<String>,
    initiator: Option<String>,
    target: Option<String>,
}

fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<[String; 2]>>, D::Error> {
    Ok(Some(Option::deserialize(d)?))
}

/// Summit is a Meeting, and every consultation kind is a Consultation.
fn kind_matches(want: &str, got: EventKind) -> bool {
    use EventKind::*;
    let want = want.to_ascii_lowercase();
    if got.name().eq_ignore_ascii_case(&want) {
        return true;
    }
    match want.as_str() {
        "meeting" => matches!(got, Summit | Visit | Negotiation),
        "pledge" => matches!(got, Agreement | Ceasefire),
        "statement" => got == Accusation,
        "consultation" => got.family() == "consult",
        "agreement" => got == Ceasefire,
        _ => false,
    }
}

fn actor_hit(key: &str, m: &Mention, role: Option<Role>) -> bool {
    let key = key.to_lowercase();
    // "=hamas": the whole label, where a group's label may hold the name
    // ("victims of hamas").
    let label_hit = |label: &str| match key.strip_prefix('=') {
        Some(exact) => label == exact,
        None => label.contains(&key),
    };
    m.actors.iter().any(|(r, e)| {
        role.is_none_or(|want| *r == want)
            && (label_hit(&e.label.to_lowercase())
                || e.qid
                    .as_deref()
                    .is_some_and(|q| q.eq_ignore_ascii_case(&key)))
    })
}

fn matches(p: &Pattern, m: &Mention) -> bool {
    if let Some(k) = &p.kind {
        if !kind_matches(k, m.kind) {
            return false;
        }
    }
    if !p.actors.iter().all(|a| actor_hit(a, m, None)) {
        return false;
    }
    if let Some(want) = &p.date {
        let got = m
            .date
            .as_ref()
            .map(|d| [d.earliest.to_string(), d.latest.to_string()]);
        if want.as_ref() != got.as_ref() {
            return false;
        }
    }
    if let Some(s) = &p.status {
        if !m.status.name().eq_ignore_ascii_case(s) {
            return false;
        }
    }
    if let Some(pl) = &p.place {
        if !m
            .place
            .as_ref()
            .is_some_and(|x| x.label.to_lowercase().contains(&pl.to_lowercase()))
        {
            return false;
        }
    }
    if let Some(i) = &p.initiator {
        if !actor_hit(i, m, Some(Role::Initiator)) {
            return false;
        }
    }
    if let Some(t) = &p.target {
        if !actor_hit(t, m, Some(Role::Target)) {
            return false;
        }
    }
    true
}

/// Reading as of a fixed day: the cases carry their dates, and a year-less
/// dateline must not read differently next year.
fn read_options() -> ReadOptions {
    ReadOptions::new(NaiveDate::from_ymd_opt(2025, 10, 20).expect("a date"))
}

/// Why a case fails, or None when it passes.
fn check(case: &Case, ex: &Extractor) -> Option<String> {
    let text = format!(" date {} {}", case.date, case.text);
    let article = read_bytes(Path::new("case.txt"), text.as_bytes(), &read_options())
        .remove(0)
        .expect("case text reads");
    let extraction = ex.extract(&article);
    let got = extraction.mentions;
    let describe = |m: &Mention| {
        let who: Vec<String> = m
            .actors
            .iter()
            .map(|(r, e)| format!("{r:?}:{}", e.label))
            .collect();
        format!(
            "{} {} [{}] {:?}",
            m.kind.name(),
            m.status.name(),
            who.join(", "),
            m.date
                .as_ref()
                .map(|d| (d.earliest.to_string(), d.latest.to_string()))
        )
    };
    // Greedy one-to-one matching of expectations.
    let mut used = vec![false; got.len()];
    let mut matched = Vec::new();
    for p in &case.expect {
        match (0..got.len()).find(|&i| !used[i] && matches(p, &got[i])) {
            Some(i) => {
                used[i] = true;
                matched.push(i);
            }
            None => {
                return Some(format!(
                    "expected {p:?}\n    got: {}",
                    got.iter()
                        .map(describe)
                        .collect::<Vec<_>>()
                        .join("\n         ")
                ))
            }
        }
    }
    for (a, kind, b) in &case.relations {
        let (Some(&from), Some(&to)) = (matched.get(*a), matched.get(*b)) else {
            return Some(format!("relation {a} {kind} {b}: no such expect entries"));
        };
        if !extraction
            .relations
            .iter()
            .any(|r| r.from == from && r.to == to && r.kind.name() == kind)
        {
            return Some(format!(
                "expected relation {} {kind} {}\n    got: {:?}",
                describe(&got[from]),
                describe(&got[to]),
                extraction
                    .relations
                    .iter()
                    .map(|r| format!("{} {} {}", r.from, r.kind.name(), r.to))
                    .collect::<Vec<_>>()
            ));
        }
    }
    for p in &case.forbid {
        if let Some(m) = got.iter().find(|m| matches(p, m)) {
            return Some(format!("forbidden {p:?} matched {}", describe(m)));
        }
    }
    None
}

#[test]
fn extraction_cases() {
    let gaz = Gazetteer::load(&[]).expect("gazetteer");
    let ex = Extractor::new(&gaz);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("case directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    files.sort();
    let (mut total, mut gaps, mut fixed) = (0, 0, Vec::new());
    let mut failures = Vec::new();
    for f in &files {
        let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for c in cases {
            total += 1;
            let result = check(&c, &ex);
            let file = f.file_name().unwrap().to_string_lossy();
            match (&c.known_gap, result) {
                (Some(_), Some(_)) => gaps += 1,
                (Some(_), None) => fixed.push(format!("{file}: {}", c.name)),
                (None, Some(why)) => failures.push(format!("{file}: {}\n    {why}", c.name)),
                (None, None) => {}
            }
        }
    }
    eprintln!(
        "extraction cases: {total} total, {} passed, {} failed, {gaps} known gaps",
        total - gaps - failures.len(),
        failures.len()
    );
    for f in &fixed {
        eprintln!("known gap now passes (remove its known_gap): {f}");
    }
    assert!(total >= 1, "no cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Inputs the fuzzers found (`fuzz/regressions/*`): each must extract, with
/// evidence inside the text. The slow ones took seconds to minutes before
/// the fix; a regression shows as a test run that suddenly takes that long.
#[test]
fn fuzz_regressions_extract() {
    let gaz = Gazetteer::load(&[]).expect("gazetteer");
    let ex = Extractor::new(&gaz);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut n = 0;
    for target in std::fs::read_dir(&dir).expect("regressions directory") {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&target).unwrap() {
            let f = f.unwrap().path();
            let bytes = std::fs::read(&f).unwrap();
            for a in read_bytes(Path::new("fuzz.txt"), &bytes, &read_options())
                .into_iter()
                .flatten()
            {
                for m in ex.extract(&a).mentions {
                    for e in &m.evidence {
                        assert!(a.text.get(e.start..e.end).is_some(), "{}", f.display());
                    }
                }
            }
            n += 1;
        }
    }
    assert!(n >= 2, "no regression inputs found");
}
