//! The web page people use (`eventline serve`, `/`): the timeline drawn by
//! the pure-Rust SVG renderer with filters as form controls, an event page
//! per event (`/event?iri=`), and a query box over the curated queries
//! whose results come as a table or a download (`/download`). Plain HTML
//! and a little script (`page.js`), no framework; every value from the
//! store or the request goes through [`esc`]. Knows nothing of HTTP
//! beyond building pages: the endpoint routes to it and runs the queries
//! (with its timeout), and the pages are functions of what they are given.

mod event;
mod index;

use std::fmt::Write as _;

pub(crate) use event::event_page;
pub(crate) use index::{index_page, Params};

/// The curated queries of `queries/`, compiled in: name and text.
pub(crate) const CURATED: [(&str, &str); 13] = [
    ("timeline", include_str!("../../queries/timeline.rq")),
    (
        "actor-timeline",
        include_str!("../../queries/actor-timeline.rq"),
    ),
    (
        "who-met-whom",
        include_str!("../../queries/who-met-whom.rq"),
    ),
    (
        "planned-ahead",
        include_str!("../../queries/planned-ahead.rq"),
    ),
    (
        "attacks-by-place-month",
        include_str!("../../queries/attacks-by-place-month.rq"),
    ),
    (
        "unconfirmed-claims",
        include_str!("../../queries/unconfirmed-claims.rq"),
    ),
    (
        "events-per-article",
        include_str!("../../queries/events-per-article.rq"),
    ),
    (
        "pledges-and-promises",
        include_str!("../../queries/pledges-and-promises.rq"),
    ),
    (
        "multi-source-events",
        include_str!("../../queries/multi-source-events.rq"),
    ),
    (
        "event-relations",
        include_str!("../../queries/event-relations.rq"),
    ),
    (
        "actors-wikidata",
        include_str!("../../queries/actors-wikidata.rq"),
    ),
    ("role-holder", include_str!("../../queries/role-holder.rq")),
    (
        "federated-wikidata",
        include_str!("../../queries/federated-wikidata.rq"),
    ),
];

const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// Escapes text for HTML content and double- or single-quoted attributes:
/// the timeline's escaping, so the page and the SVG agree.
pub(crate) fn esc(s: &str) -> String {
    crate::timeline::html_escape(s)
}

/// Percent-encodes a query-string value.
pub(crate) fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The link to an event's page.
pub(crate) fn event_href(iri: &str) -> String {
    format!("/event?iri={}", url_encode(iri))
}

/// A whole page around `body` (already HTML).
pub(crate) fn page(title: &str, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 2048);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{CSS}</style></head><body>\
         <header><h1><a href=\"/\">eventline</a></h1></header>\n{body}\n\
         <script>{JS}</script></body></html>\n",
        esc(title)
    );
    s
}

/// A SPARQL JSON results document as an HTML table; IRIs of events link
/// to their pages, other IRIs to themselves.
pub(crate) fn results_table(json: &serde_json::Value) -> String {
    if let Some(b) = json.get("boolean").and_then(serde_json::Value::as_bool) {
        return format!("<p class=\"boolean\">{b}</p>");
    }
    let vars: Vec<&str> = json["head"]["vars"]
        .as_array()
        .map(|v| v.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    let rows = json["results"]["bindings"].as_array();
    let mut s = String::from("<table class=\"results\"><thead><tr>");
    for v in &vars {
        let _ = write!(s, "<th>{}</th>", esc(v));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows.into_iter().flatten() {
        s.push_str("<tr>");
        for v in &vars {
            s.push_str("<td>");
            let cell = &row[*v];
            if let Some(value) = cell["value"].as_str() {
                s.push_str(&term_html(cell["type"].as_str() == Some("uri"), value));
            }
            s.push_str("</td>");
        }
        s.push_str("</tr>");
    }
    let _ = write!(
        s,
        "</tbody></table><p>{} row(s)</p>",
        rows.map_or(0, Vec::len)
    );
    s
}

fn term_html(is_iri: bool, value: &str) -> String {
    if !is_iri {
        return esc(value);
    }
    let href = if value.starts_with(EVENT_PREFIX) {
        event_href(value)
    } else {
        value.to_string()
    };
    // Only web links are clickable: a javascript: IRI stays text.
    if href.starts_with('/') || href.starts_with("http://") || href.starts_with("https://") {
        format!("<a href=\"{}\">{}</a>", esc(&href), esc(value))
    } else {
        esc(value)
    }
}

/// The IRIs of derived events.
pub(crate) const EVENT_PREFIX: &str = "https://w3id.org/eventline/id/event/";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_both_quotes() {
        assert_eq!(
            esc(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn result_cells_are_escaped_and_only_web_iris_link() {
        let json = serde_json::json!({
            "head": {"vars": ["a", "b"]},
            "results": {"bindings": [
                {"a": {"type": "literal", "value": "<b>bold</b>"},
                 "b": {"type": "uri", "value": "javascript:alert(1)"}},
                {"a": {"type": "uri", "value": "https://w3id.org/eventline/id/event/x\"y"}}
            ]}
        });
        let html = results_table(&json);
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            html.contains(
                "href=\"/event?iri=https%3A%2F%2Fw3id.org%2Feventline%2Fid%2Fevent%2Fx%22y\""
            ),
            "{html}"
        );
        assert!(html.contains("2 row(s)"));
    }

    #[test]
    fn curated_queries_each_say_what_they_answer() {
        for (name, text) in CURATED {
            assert!(text.starts_with('#'), "{name}");
        }
    }
}
