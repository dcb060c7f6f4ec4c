//! `/`: the filtered timeline, the list of its events with links to
//! their pages, and the query box with the curated queries.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{esc, event_href, page, results_table, url_encode, CURATED};
use crate::model::{EventKind, Status};
use crate::timeline::{self, Filter, Options, Timeline, TimelineEvent};
use crate::{EventStore, StoreError};

/// What the page's form asks for.
#[derive(Debug, Default)]
pub(crate) struct Params {
    pub(crate) actor: String,
    pub(crate) kind: Option<EventKind>,
    pub(crate) status: Option<Status>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) to: Option<NaiveDate>,
    /// A query to run in the query box.
    pub(crate) query: Option<String>,
}

impl Params {
    /// The form's fields; an unknown kind, status or date is an error
    /// naming the field, not a silently unfiltered page.
    pub(crate) fn parse(pairs: &[(String, String)]) -> Result<Params, String> {
        let mut p = Params::default();
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "actor" => p.actor = v.to_string(),
                "kind" => {
                    p.kind =
                        Some(EventKind::from_name(v).ok_or_else(|| format!("unknown kind '{v}'"))?);
                }
                "status" => {
                    p.status =
                        Some(Status::from_name(v).ok_or_else(|| format!("unknown status '{v}'"))?);
                }
                "from" | "to" => {
                    let d = v
                        .parse::<NaiveDate>()
                        .map_err(|_| format!("'{k}' wants a date YYYY-MM-DD, not '{v}'"))?;
                    if k == "from" {
                        p.from = Some(d);
                    } else {
                        p.to = Some(d);
                    }
                }
                "query" => p.query = Some(v.to_string()),
                _ => {}
            }
        }
        Ok(p)
    }

    fn filter(&self) -> Filter {
        Filter {
            actors: (!self.actor.is_empty())
                .then(|| self.actor.clone())
                .into_iter()
                .collect(),
            kinds: self
                .kind
                .map(|k| k.name().to_string())
                .into_iter()
                .collect(),
            statuses: self
                .status
                .map(|s| s.name().to_string())
                .into_iter()
                .collect(),
            from: self.from,
            to: self.to,
        }
    }
}

/// The whole page. `results` is the query box's answer (SPARQL JSON) or
/// its error, when a query was run.
pub(crate) fn index_page(
    store: &EventStore,
    p: &Params,
    results: Option<Result<serde_json::Value, String>>,
) -> Result<String, StoreError> {
    let (events, relations) = timeline::load(store)?;
    let mut actors: Vec<&str> = events
        .iter()
        .flat_map(|e| e.actors.iter().map(String::as_str))
        .collect();
    actors.sort_unstable();
    actors.dedup();
    let mut body = filters_form(p, &actors);
    let shown = timeline::filter(&events, &p.filter());
    let _ = write!(
        body,
        "<section id=\"timeline\"><h2>Timeline</h2><p class=\"count\">{} of {} event(s)</p>",
        shown.len(),
        events.len()
    );
    if shown.is_empty() {
        body.push_str("<p class=\"empty\">No event matches these filters.</p>");
    } else {
        let list = event_list(&shown);
        let tl = Timeline::build(shown, relations, &Options::default());
        let _ = write!(
            body,
            "<div class=\"timeline-box\">{}</div>{list}",
            tl.to_svg()
        );
    }
    body.push_str("</section>");
    body.push_str(&query_box(p, results));
    Ok(page("eventline timeline", &body))
}

fn filters_form(p: &Params, actors: &[&str]) -> String {
    let mut s = String::from("<form class=\"filters\" method=\"get\" action=\"/\">");
    let _ = write!(
        s,
        "<label>Actor<input name=\"actor\" list=\"actors\" value=\"{}\"></label><datalist id=\"actors\">",
        esc(&p.actor)
    );
    for a in actors {
        let _ = write!(s, "<option value=\"{}\">", esc(a));
    }
    s.push_str("</datalist>");
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.name()).collect();
    let statuses: Vec<&str> = Status::ALL.iter().map(|k| k.name()).collect();
    s.push_str(&select("kind", &kinds, p.kind.map(EventKind::name)));
    s.push_str(&select("status", &statuses, p.status.map(Status::name)));
    for (name, value) in [("from", p.from), ("to", p.to)] {
        let _ = write!(
            s,
            "<label>{}<input type=\"date\" name=\"{name}\" value=\"{}\"></label>",
            capital(name),
            value.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    s.push_str("<button type=\"submit\">Show</button> <a href=\"/\">Reset</a></form>");
    s
}

fn select(name: &str, options: &[&str], chosen: Option<&str>) -> String {
    let mut s = format!(
        "<label>{}<select name=\"{name}\"><option value=\"\">any</option>",
        capital(name)
    );
    for o in options {
        let sel = if chosen == Some(*o) { " selected" } else { "" };
        let _ = write!(s, "<option{sel}>{}</option>", esc(o));
    }
    s.push_str("</select></label>");
    s
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The drawn events as a table, each linking to its page: the timeline's
/// nodes link by script, this list without.
fn event_list(events: &[TimelineEvent]) -> String {
    let mut sorted: Vec<&TimelineEvent> = events.iter().collect();
    sorted.sort_by(|a, b| (a.earliest, &a.id).cmp(&(b.earliest, &b.id)));
    let mut s = String::from(
        "<table class=\"events\"><thead><tr><th>When</th><th>Event</th><th>Actors</th>\
         <th>Status</th><th>Sources</th></tr></thead><tbody>",
    );
    for e in sorted {
        let mut when = window(e.earliest, e.latest);
        if e.dated_by_report {
            when.push_str(" (day reported)");
        }
        let _ = write!(
            s,
            "<tr><td>{}</td><td><a class=\"event-link\" href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&when),
            esc(&event_href(&e.id)),
            esc(e.kind.name()),
            esc(&e.actors.join(", ")),
            esc(e.status.name()),
            e.sources.len()
        );
    }
    s.push_str("</tbody></table>");
    s
}

/// A date window for people: one day, a range, or "undated".
pub(crate) fn window(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> String {
    match (earliest, latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) | (None, Some(a)) => a.to_string(),
        (None, None) => "undated".to_string(),
    }
}

fn query_box(p: &Params, results: Option<Result<serde_json::Value, String>>) -> String {
    let text = p.query.as_deref().unwrap_or(CURATED[0].1);
    let mut s = String::from(
        "<section id=\"query\"><h2>Query</h2><form method=\"get\" action=\"/#query\">\
         <label>Curated queries <select id=\"curated\"><option value=\"\">pick one…</option>",
    );
    for (name, q) in CURATED {
        let about = q
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('#')
            .trim();
        let _ = write!(
            s,
            "<option value=\"{0}\" data-query=\"{1}\" title=\"{2}\">{0}</option>",
            esc(name),
            esc(q),
            esc(about)
        );
    }
    let _ = write!(
        s,
        "</select></label><br><textarea id=\"query\" name=\"query\" rows=\"14\">{}</textarea><br>\
         <button type=\"submit\">Run</button></form>",
        esc(text)
    );
    match results {
        None => {}
        Some(Err(e)) => {
            let _ = write!(s, "<p class=\"error\">{}</p>", esc(&e));
        }
        Some(Ok(json)) => {
            let q = url_encode(text);
            let _ = write!(
                s,
                "<p class=\"downloads\">Download: <a href=\"/download?format=csv&amp;query={q}\">CSV</a> \
                 <a href=\"/download?format=json&amp;query={q}\">JSON</a></p>{}",
                results_table(&json)
            );
        }
    }
    s.push_str("</section>");
    s
}
