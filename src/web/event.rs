//! `/event?iri=`: one event for people: kind, actors with their Wikidata
//! links, the date window and how each source's date was found, status
//! and who claims it, every source with its quoted sentence and link, and
//! the related events.

use std::fmt::Write as _;

use oxigraph::model::{NamedNode, Term};

use super::index::window;
use super::{esc, event_href, page};
use crate::store::Row;
use crate::{EventStore, StoreError};

const EVENT: &str = include_str!("queries/event.rq");
const ACTORS: &str = include_str!("queries/event-actors.rq");
const SOURCES: &str = include_str!("queries/event-sources.rq");
const RELATED: &str = include_str!("queries/event-related.rq");

/// The page of the event `iri`; `None` when the store has no such event.
pub(crate) fn event_page(
    store: &EventStore,
    iri: &NamedNode,
) -> Result<Option<String>, StoreError> {
    // A NamedNode cannot hold '>' or spaces, so it cannot break out of <…>.
    let ask = |q: &str| -> Result<Vec<Row>, StoreError> {
        let bound = q.replacen("WHERE {", &format!("WHERE {{ VALUES ?event {{ {iri} }}"), 1);
        Ok(store.select(&bound)?.1)
    };
    let facts = ask(EVENT)?;
    let Some(f) = facts.first() else {
        return Ok(None);
    };
    let kind = local(f.first());
    let label = text(f.get(1)).unwrap_or_else(|| kind.clone());
    let mut body = format!(
        "<h2 class=\"event-title\">{}</h2><dl class=\"facts\">",
        esc(&label)
    );
    let earliest = text(f.get(3)).and_then(|d| d.parse().ok());
    let latest = text(f.get(4)).and_then(|d| d.parse().ok());
    let mut when = window(earliest, latest);
    if text(f.get(6)).as_deref() == Some(crate::vocab::DATE_PUBLICATION_FALLBACK.as_str()) {
        when.push_str(" (day reported; the text gives no date)");
    }
    let _ = write!(
        body,
        "<dt>Kind</dt><dd class=\"kind\">{}</dd><dt>Status</dt><dd class=\"status\">{}</dd>\
         <dt>When</dt><dd class=\"when\">{}</dd>",
        esc(&kind),
        esc(&local(f.get(2))),
        esc(&when)
    );
    if let Some(place) = text(f.get(5)) {
        let _ = write!(body, "<dt>Where</dt><dd>{}</dd>", esc(&place));
    }
    body.push_str("</dl>");
    body.push_str(&actors(&ask(ACTORS)?));
    body.push_str(&sources(&ask(SOURCES)?));
    body.push_str(&related(&ask(RELATED)?));
    let _ = write!(
        body,
        "<p class=\"iri\">IRI: <code>{}</code></p>",
        esc(iri.as_str())
    );
    Ok(Some(page(&label, &body)))
}

fn actors(rows: &[Row]) -> String {
    let mut s = String::from("<h3>Actors</h3><ul class=\"actors\">");
    for r in rows {
        let name = text(r.get(2)).unwrap_or_else(|| local(r.get(1)));
        let _ = write!(
            s,
            "<li>{} <span class=\"role\">({})</span>",
            esc(&name),
            esc(&local(r.first()))
        );
        if let Some(wd) = text(r.get(3)) {
            let qid = wd.rsplit('/').next().unwrap_or_default();
            let _ = write!(
                s,
                " <a class=\"wikidata\" href=\"{}\">Wikidata {}</a>",
                esc(&wd),
                esc(qid)
            );
        }
        s.push_str("</li>");
    }
    s.push_str("</ul>");
    s
}

fn sources(rows: &[Row]) -> String {
    let mut s = format!("<h3>Sources ({})</h3><ol class=\"sources\">", rows.len());
    for r in rows {
        let doc = text(r.first()).unwrap_or_default();
        let title = text(r.get(1)).unwrap_or_else(|| doc.clone());
        s.push_str("<li>");
        match text(r.get(2)).filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
            Some(url) => {
                let _ = write!(
                    s,
                    "<a class=\"source\" href=\"{}\">{}</a>",
                    esc(&url),
                    esc(&title)
                );
            }
            None => {
                let _ = write!(s, "<span class=\"source\">{}</span>", esc(&title));
            }
        }
        if let Some(p) = text(r.get(3)) {
            let _ = write!(s, " <span class=\"published\">{}</span>", esc(&p));
        }
        if let Some(q) = text(r.get(4)) {
            let _ = write!(s, "<blockquote class=\"quote\">{}</blockquote>", esc(&q));
        }
        let mut how = Vec::new();
        if let Some(v) = text(r.get(6)) {
            how.push(format!("date “{v}” ({})", local(r.get(5))));
        }
        if r.get(7).is_some_and(Option::is_some) {
            how.push(format!("status {}", local(r.get(7))));
        }
        if let Some(c) = text(r.get(8)).filter(|c| !c.is_empty()) {
            how.push(format!("claimed by {c}"));
        }
        if !how.is_empty() {
            let _ = write!(s, "<div class=\"how\">{}</div>", esc(&how.join("; ")));
        }
        s.push_str("</li>");
    }
    s.push_str("</ol>");
    s
}

fn related(rows: &[Row]) -> String {
    let mut s = String::from("<h3>Related events</h3>");
    if rows.is_empty() {
        s.push_str("<p>None.</p>");
        return s;
    }
    s.push_str("<ul class=\"related\">");
    for r in rows {
        let other = text(r.get(2)).unwrap_or_default();
        let label = text(r.get(3)).unwrap_or_else(|| other.clone());
        let rel = local(r.get(1));
        let (before, after) = if text(r.first()).as_deref() == Some("out") {
            ("this event ", "")
        } else {
            ("", " this event")
        };
        let _ = write!(
            s,
            "<li>{before}<em>{}</em>{after}: <a href=\"{}\">{}</a></li>",
            esc(&rel),
            esc(&event_href(&other)),
            esc(&label)
        );
    }
    s.push_str("</ul>");
    s
}

/// A cell's lexical value or IRI.
fn text(cell: Option<&Option<Term>>) -> Option<String> {
    match cell?.as_ref()? {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::Literal(l) => Some(l.value().to_string()),
        other => Some(other.to_string()),
    }
}

/// An IRI's local name (after '#' or the last '/').
fn local(cell: Option<&Option<Term>>) -> String {
    let t = text(cell).unwrap_or_default();
    t.rsplit(['#', '/']).next().unwrap_or_default().to_string()
}
