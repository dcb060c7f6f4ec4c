//! QuickStatements V1 for Wikidata editors: one new item per event that
//! Wikidata could take, with P31 (the kind's class from
//! `data/wikidata_classes.tsv`), P585 (point in time) or P580/P582 (start
//! and end) for its date window, P710 (participant) for each linked actor,
//! P276 (location) and P17 (country), every statement referenced with S854
//! (the source article's URL) and S813 (retrieved).
//!
//! Wikidata wants sourced facts about known entities, so an event is left
//! out (and counted) when no actor is linked to Wikidata, when no source
//! article has a URL, or when its status is not Occurred or Planned (a
//! claim, a possibility or a denial is not an event to record). Unlinked
//! actors never appear.

use std::io::{self, Write};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::{one_line, ExportContext, ExportEvent, Written};
use crate::model::{EventKind, Status};

/// Wikidata's "event", for kinds without a confirmed class of their own.
const EVENT_CLASS: &str = "Q1656682";

fn class_of(kind: EventKind) -> &'static str {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("data/wikidata_classes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, q)| (k.trim().to_string(), q.trim().to_string()))
            .collect()
    });
    table
        .iter()
        .find(|(k, _)| k == kind.name())
        .map_or(EVENT_CLASS, |(_, q)| q.as_str())
}

/// A QID as QuickStatements takes it, or nothing for anything else.
fn qid(q: &str) -> Option<&str> {
    (q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())).then_some(q)
}

/// A string value: QuickStatements V1 has no escapes, so the characters
/// that would end the value or the line are replaced.
fn string(s: &str) -> String {
    let s: String = one_line(s)
        .chars()
        .map(|c| if c == '"' { '\u{201D}' } else { c })
        .take(250)
        .collect();
    format!("\"{s}\"")
}

/// A Wikidata time value: day (11), month (10) or year (9) precision.
fn time(d: NaiveDate, precision: u8) -> String {
    match precision {
        9 => format!("+{:04}-00-00T00:00:00Z/9", d.year()),
        10 => format!("+{:04}-{:02}-00T00:00:00Z/10", d.year(), d.month()),
        _ => format!("+{}T00:00:00Z/11", d.format("%Y-%m-%d")),
    }
}

/// The date statements of a window: one point in time when it is a day, a
/// whole month or a whole year; start and end otherwise.
fn date_statements(earliest: NaiveDate, latest: NaiveDate) -> Vec<(&'static str, String)> {
    let month_end = |d: NaiveDate| {
        let next = if d.month() == 12 {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
        };
        next.and_then(|n| n.pred_opt())
    };
    if earliest == latest {
        vec![("P585", time(earliest, 11))]
    } else if earliest.day() == 1 && Some(latest) == month_end(earliest) {
        vec![("P585", time(earliest, 10))]
    } else if earliest.ordinal() == 1
        && latest.year() == earliest.year()
        && latest.month() == 12
        && latest.day() == 31
    {
        vec![("P585", time(earliest, 9))]
    } else {
        vec![("P580", time(earliest, 11)), ("P582", time(latest, 11))]
    }
}

/// Writes the commands; returns how many items they create and why the
/// other events were left out.
pub fn write_quickstatements(
    events: &[ExportEvent],
    cx: &ExportContext,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let mut written = Written::default();
    for e in events {
        if !matches!(e.status, Status::Occurred | Status::Planned) {
            written.skip("status is not Occurred or Planned");
            continue;
        }
        let participants: Vec<&str> = e
            .actors
            .iter()
            .filter_map(|(_, a)| a.qid.as_deref().and_then(qid))
            .collect();
        if participants.is_empty() {
            written.skip("no actor linked to Wikidata");
            continue;
        }
        let Some(url) = e.stories.iter().find_map(|s| s.url.as_deref()) else {
            written.skip("no source article with a URL");
            continue;
        };
        let reference = format!("\tS854\t{}\tS813\t{}", string(url), time(cx.today, 11));
        let mut lines = vec!["CREATE".to_string()];
        let labels: Vec<&str> = e.actors.iter().map(|(_, a)| a.label.as_str()).collect();
        let label = format!("{} – {}", labels.join(", "), humanize(e.kind));
        lines.push(format!("LAST\tLen\t{}", string(&label)));
        let when = e.earliest.map(|d| d.to_string()).unwrap_or_default();
        lines.push(format!(
            "LAST\tDen\t{}",
            string(format!("{} reported in the news {when}", humanize(e.kind)).trim_end())
        ));
        lines.push(format!("LAST\tP31\t{}{reference}", class_of(e.kind)));
        // The day of the first report is no "point in time" to state in
        // Wikidata: only dates a text gives.
        let stated = e.earliest.zip(e.latest).filter(|_| !e.dated_by_report);
        if let Some((a, b)) = stated {
            for (p, v) in date_statements(a, b) {
                lines.push(format!("LAST\t{p}\t{v}{reference}"));
            }
        }
        let mut seen = Vec::new();
        for q in participants {
            if !seen.contains(&q) {
                seen.push(q);
                lines.push(format!("LAST\tP710\t{q}{reference}"));
            }
        }
        if let Some(q) = e
            .place
            .as_ref()
            .and_then(|p| p.qid.as_deref())
            .and_then(qid)
        {
            lines.push(format!("LAST\tP276\t{q}{reference}"));
        }
        if let Some(q) = e
            .place_country
            .as_ref()
            .and_then(|p| p.qid.as_deref())
            .and_then(qid)
        {
            lines.push(format!("LAST\tP17\t{q}{reference}"));
        }
        for l in lines {
            writeln!(out, "{l}")?;
        }
        written.events += 1;
    }
    Ok(written)
}

fn humanize(kind: EventKind) -> String {
    let mut out = String::new();
    for (i, c) in kind.name().chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    /// A QuickStatements V1 parser for what we write: every line a command
    /// of tab-separated fields, values of the forms the format knows.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut items = Vec::new();
        for line in text.lines() {
            if line == "CREATE" {
                items.push(Vec::new());
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields[0], "LAST", "{line}");
            assert!(fields.len() % 2 == 1, "property/value pairs: {line}");
            for pair in fields[1..].chunks(2) {
                let (p, v) = (pair[0], pair[1]);
                assert!(
                    ["Len", "Den"].contains(&p) || p[1..].bytes().all(|b| b.is_ascii_digit()),
                    "{p}"
                );
                let ok = qid(v).is_some()
                    || (v.starts_with('"') && v.ends_with('"') && !v[1..v.len() - 1].contains('"'))
                    || (v.starts_with('+') && v.contains("T00:00:00Z/"));
                assert!(ok, "value {v:?} in {line:?}");
            }
            items
                .last_mut()
                .expect("CREATE first")
                .push(line.to_string());
        }
        items
    }

    fn export(events: &[ExportEvent]) -> (String, Written) {
        let mut buf = Vec::new();
        let cx = ExportContext {
            today: "2025-10-20".parse().unwrap(),
        };
        let w = write_quickstatements(events, &cx, &mut buf).unwrap();
        (String::from_utf8(buf).unwrap(), w)
    }

    #[test]
    fn one_item_per_linked_sourced_event() {
        let (text, w) = export(&fixtures::events());
        assert_eq!(w.events, 1);
        assert_eq!(
            w.skipped,
            vec![("status is not Occurred or Planned".to_string(), 1)]
        );
        let items = parse(&text);
        assert_eq!(items.len(), 1);
        let item = items[0].join("\n");
        assert!(item.contains("LAST\tP31\tQ1656682\tS854\t\"https://news.example/2025/10/17/call\"\tS813\t+2025-10-20T00:00:00Z/11"));
        assert!(item.contains("LAST\tP585\t+2025-10-16T00:00:00Z/11"));
        assert!(item.contains("LAST\tP710\tQ22686"));
        assert!(item.contains("LAST\tP710\tQ7747"));
    }

    #[test]
    fn the_day_of_a_report_is_no_point_in_time() {
        let mut events = fixtures::events();
        events[0].dated_by_report = true;
        let (text, w) = export(&events);
        assert_eq!(w.events, 1);
        assert!(!text.contains("P585") && !text.contains("P580"), "{text}");
    }

    #[test]
    fn unlinked_actors_never_appear_and_hostile_labels_stay_one_value() {
        let mut events = fixtures::events();
        events[1].status = Status::Occurred;
        events[1].stories[0].url = Some("https://x.example/\"a\"\tb".into());
        let (_, w) = export(&events[1..]);
        assert_eq!(w.events, 0, "the attack has no linked actor");
        events[1].actors.push((
            crate::export::Role::Target,
            crate::export::Actor {
                label: "Ukraine".into(),
                qid: Some("Q212".into()),
                country: None,
            },
        ));
        let (text, w) = export(&events[1..]);
        assert_eq!(w.events, 1);
        let items = parse(&text);
        let item = items[0].join("\n");
        assert!(!item.contains("DROP\t") && item.contains("LAST\tP710\tQ212"));
        assert_eq!(item.matches("P710").count(), 1);
        assert!(
            item.contains("LAST\tP585\t+2025-10-00T00:00:00Z/10"),
            "{item}"
        );
        assert!(item.contains("LAST\tP276\tQ1899") && item.contains("LAST\tP17\tQ212"));
    }

    #[test]
    fn windows_become_points_or_ranges() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            date_statements(d("2025-01-01"), d("2025-12-31"))[0].1,
            "+2025-00-00T00:00:00Z/9"
        );
        let range = date_statements(d("2025-10-20"), d("2025-10-26"));
        assert_eq!(range[0].0, "P580");
        assert_eq!(range[1], ("P582", "+2025-10-26T00:00:00Z/11".to_string()));
    }
}
