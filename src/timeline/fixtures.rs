//! Test fixtures shared by the timeline's unit tests: the seed events, a
//! hostile pair, synthetic scale data and a reader of our SVG's events.

use chrono::NaiveDate;

use crate::model::{EventKind, Status};

use super::model::{Source, TimelineEvent};

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An event of kind and status named as in the ontology.
pub(super) fn ev(
    id: &str,
    kind: &str,
    actors: &[&str],
    e: Option<NaiveDate>,
    l: Option<NaiveDate>,
    status: &str,
) -> TimelineEvent {
    TimelineEvent {
        id: format!("http://example.org/event/{id}"),
        kind: EventKind::from_name(kind).expect("a kind"),
        actors: actors
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        earliest: e,
        latest: l,
        dated_by_report: false,
        status: Status::from_name(status).expect("a status"),
        place: None,
        evidence: None,
        sources: Vec::new(),
    }
}

/// The ten seed events.
pub(super) fn seeds() -> Vec<TimelineEvent> {
    let src = |t: &str, u: &str, p: NaiveDate| Source {
        title: t.into(),
        url: Some(u.into()),
        published: Some(p),
    };
    let reuters = src(
        "Trump, Putin agree to meet in Budapest",
        "https://example.com/reuters/1?a=1&b=2",
        d(2025, 10, 16),
    );
    let ap = src(
        "Zelenskiy heads to Washington",
        "https://example.com/ap/2",
        d(2025, 10, 17),
    );
    let mut v = vec![
        ev(
            "call",
            "PhoneCall",
            &["Trump", "Putin"],
            Some(d(2025, 10, 16)),
            Some(d(2025, 10, 16)),
            "Occurred",
        ),
        ev(
            "budapest",
            "Summit",
            &["Trump", "Putin"],
            None,
            None,
            "Planned",
        ),
        ev(
            "zel",
            "Meeting",
            &["Trump", "Zelenskiy"],
            Some(d(2025, 10, 17)),
            Some(d(2025, 10, 17)),
            "Planned",
        ),
        ev(
            "talks",
            "Negotiation",
            &["United States", "Russia"],
            Some(d(2025, 10, 20)),
            Some(d(2025, 10, 26)),
            "Planned",
        ),
        ev(
            "strike1",
            "Attack",
            &["Russia", "Ukraine"],
            Some(d(2025, 10, 16)),
            Some(d(2025, 10, 16)),
            "Occurred",
        ),
        ev(
            "strike2",
            "Attack",
            &["Ukraine", "Russia"],
            Some(d(2025, 10, 16)),
            Some(d(2025, 10, 16)),
            "Occurred",
        ),
        ev("modi", "Pledge", &["Modi"], None, None, "Claimed"),
        ev(
            "hegseth",
            "Threat",
            &["Hegseth"],
            Some(d(2025, 10, 15)),
            Some(d(2025, 10, 15)),
            "Occurred",
        ),
        ev(
            "alaska",
            "Summit",
            &["Trump", "Putin"],
            Some(d(2025, 8, 1)),
            Some(d(2025, 8, 31)),
            "Occurred",
        ),
        ev(
            "pledge24",
            "Pledge",
            &["Trump"],
            Some(d(2024, 1, 1)),
            Some(d(2024, 12, 31)),
            "Occurred",
        ),
    ];
    v[0].sources = vec![reuters.clone()];
    v[0].evidence = Some("Trump and Putin spoke by phone on Thursday.".into());
    v[1].place = Some("Budapest".into());
    v[1].sources = vec![reuters];
    v[2].sources = vec![ap];
    v[5].place = Some("Saratov".into());
    v
}

pub(super) fn svg_events(svg: &str) -> Vec<(String, String, f64, f64, String)> {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses");
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("g")
                && n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|t| t == "event") && !c.contains("echo"))
        })
        .map(|n| {
            (
                n.attribute("id").unwrap().to_string(),
                n.attribute("data-date").unwrap().to_string(),
                n.attribute("data-x").unwrap().parse().unwrap(),
                n.attribute("data-y").unwrap().parse().unwrap(),
                n.attribute("data-lane").unwrap().to_string(),
            )
        })
        .collect()
}

pub(super) fn hostile() -> Vec<TimelineEvent> {
    let nasty = "Bad \"quote\" <b>&amp; \\ back\\\nslash\u{0007}\u{1b}[31m ]]> --> \\N";
    let mut e = ev(
        "x\"<&>",
        "Attack",
        &[nasty, "O'Brien & <Co>"],
        Some(d(2025, 1, 2)),
        Some(d(2025, 1, 2)),
        "Negated",
    );
    e.evidence = Some(format!("He said \"{nasty}\"\nthen left"));
    e.place = Some("<script>alert(1)</script>".into());
    e.sources = vec![
        Source {
            title: nasty.into(),
            url: Some("https://e.com/?q=\"x\"&a=<b>\\".into()),
            published: Some(d(2025, 1, 3)),
        },
        Source {
            title: "js".into(),
            url: Some("javascript:alert(1)".into()),
            published: None,
        },
    ];
    let mut f = ev("y\\", "Statement", &[nasty], None, None, "Planned");
    f.evidence = Some(nasty.into());
    vec![e, f]
}

/// Synthetic events for scale tests.
pub(super) fn synthetic(n: usize, seed: u64) -> Vec<TimelineEvent> {
    super::synthetic_events(n, seed, d(1997, 1, 1), d(2006, 12, 31))
}
