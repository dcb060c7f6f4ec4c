//! The words on the picture: node labels ("Trump – Putin phone call"),
//! dates and windows as people write them, tooltips, and the estimated
//! width of a label, which both the axis sizing and the SVG layout use.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::model::EventKind;

use super::axis::{natural_unit, Unit};
use super::escape::one_line;
use super::model::Item;
use super::style::directed;

/// Label font size of the SVG, px.
pub(super) const FONT: f64 = 11.0;
/// Size of an event glyph in the SVG, px.
pub(super) const MARK: f64 = 12.0;

/// "PhoneCall" to "phone call".
pub(super) fn humanize_kind(kind: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in kind.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.extend(c.to_lowercase());
    }
    if out.is_empty() {
        "event".to_string()
    } else {
        out
    }
}

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One line of at most `max` characters, an ellipsis marking a cut.
pub(super) fn truncate(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t = t.trim_end().to_string();
        t.push('…');
        t
    }
}

fn short_actor(a: &str) -> String {
    truncate(a, 22)
}

/// "Russia → Ukraine attack (Saratov) ×3": who, what, where, how many.
pub(super) fn make_label(
    kind: EventKind,
    actors: &[String],
    place: Option<&str>,
    count: usize,
) -> String {
    let k = humanize_kind(kind.name());
    let who = match actors.len() {
        0 => String::new(),
        1 => short_actor(&actors[0]),
        n => {
            let sep = if directed(kind) { " → " } else { " – " };
            let mut s = format!(
                "{}{}{}",
                short_actor(&actors[0]),
                sep,
                short_actor(&actors[1])
            );
            if n > 2 {
                let _ = write!(s, " +{}", n - 2);
            }
            s
        }
    };
    let mut label = if who.is_empty() {
        match place {
            Some(p) if !p.trim().is_empty() => format!("{} {}", truncate(p, 24), k),
            _ => capitalize(&k),
        }
    } else {
        format!("{who} {k}")
    };
    if !who.is_empty() {
        if let Some(p) = place {
            if !p.trim().is_empty() && label.chars().count() + p.chars().count() < 40 {
                let _ = write!(label, " ({})", one_line(p));
            }
        }
    }
    if count > 1 {
        let _ = write!(label, " ×{count}");
    }
    truncate(&label, 48)
}

pub(super) fn fmt_day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A date window as people write it: "20–26 Oct 2025", "August 2025", "2024".
pub(super) fn fmt_window(e: NaiveDate, l: NaiveDate) -> String {
    if e == l {
        return fmt_day(e);
    }
    match natural_unit(e, l) {
        Unit::Year if e.year() == l.year() => e.format("%Y").to_string(),
        Unit::Year => format!("{}–{}", e.year(), l.year()),
        Unit::Month if e.year() == l.year() && e.month() == l.month() => {
            e.format("%B %Y").to_string()
        }
        _ if e.year() == l.year() && e.month() == l.month() => {
            format!("{}–{}", e.format("%-d"), l.format("%-d %b %Y"))
        }
        _ if e.year() == l.year() => format!("{} – {}", e.format("%-d %b"), fmt_day(l)),
        _ => format!("{} – {}", fmt_day(e), fmt_day(l)),
    }
}

/// Everything known about a node, for hovering: when, status, place,
/// actors, evidence and sources.
pub(super) fn tooltip(it: &Item) -> String {
    let mut t = it.label.clone();
    let when = match it.dated() {
        Some((e, l)) if it.by_report => format!(
            "{} (day reported; the text gives no date)",
            fmt_window(e, l)
        ),
        Some((e, l)) => fmt_window(e, l),
        None => "undated".to_string(),
    };
    let _ = write!(t, "\n{} · {}", when, it.status.name());
    if it.status_counts.len() > 1 {
        let parts: Vec<String> = it
            .status_counts
            .iter()
            .map(|(s, n)| format!("{s} {n}"))
            .collect();
        let _ = write!(t, " ({})", parts.join(", "));
    }
    if it.count > 1 {
        let _ = write!(t, "\n{} events folded", it.count);
    }
    if let Some(p) = &it.place {
        let _ = write!(t, "\nPlace: {}", one_line(p));
    }
    if !it.actors.is_empty() {
        let shown: Vec<String> = it.actors.iter().take(8).map(|a| one_line(a)).collect();
        let _ = write!(t, "\nActors: {}", shown.join(", "));
        if it.actors.len() > 8 {
            let _ = write!(t, " +{}", it.actors.len() - 8);
        }
    }
    for ev in &it.evidence {
        let _ = write!(t, "\n“{}”", truncate(ev, 300));
    }
    for s in it.sources.iter().take(5) {
        let _ = write!(t, "\n— {}", truncate(&s.title, 120));
        if let Some(d) = s.published {
            let _ = write!(t, " ({})", fmt_day(d));
        }
    }
    if it.sources.len() > 5 {
        let _ = write!(t, "\n— and {} more sources", it.sources.len() - 5);
    }
    t
}

/// Estimated width of `s` in Helvetica at `size` px: no font is at hand,
/// and overlapping labels are worse than a little slack.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| {
            let w = if c == ' ' {
                0.28
            } else if c.is_ascii_uppercase() {
                0.67
            } else if c.is_ascii() {
                0.53
            } else if ('\u{1100}'..='\u{FFDC}').contains(&c)
                && !('\u{2000}'..='\u{2BFF}').contains(&c)
            {
                1.0
            } else {
                0.62
            };
            w * size
        })
        .sum()
}

/// Truncates `s` so that it fits `width` px at font `size`.
pub(super) fn fit_width(s: &str, width: f64, size: f64) -> String {
    let s = one_line(s);
    if text_width(&s, size) <= width {
        return s;
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, size) + text_width(&c.to_string(), size) + size * 0.6 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{d, seeds};
    use super::super::{Options, Timeline};
    use super::*;

    #[test]
    fn labels_are_short_and_directional() {
        let t = Timeline::build(seeds(), vec![], &Options::default());
        let labels: Vec<&str> = t.items.iter().map(|i| i.label.as_str()).collect();
        assert!(labels.contains(&"Trump – Putin phone call"), "{labels:?}");
        assert!(labels.contains(&"Russia → Ukraine attack"));
        assert!(labels.contains(&"Ukraine → Russia attack (Saratov)"));
        assert!(labels.contains(&"Modi pledge"));
    }

    #[test]
    fn windows_read_as_people_write_them() {
        assert_eq!(
            fmt_window(d(2025, 10, 20), d(2025, 10, 26)),
            "20–26 Oct 2025"
        );
        assert_eq!(fmt_window(d(2025, 8, 1), d(2025, 8, 31)), "August 2025");
        assert_eq!(fmt_window(d(2024, 1, 1), d(2024, 12, 31)), "2024");
        assert_eq!(fmt_window(d(2025, 10, 16), d(2025, 10, 16)), "16 Oct 2025");
        assert_eq!(humanize_kind("PhoneCall"), "phone call");
    }
}
