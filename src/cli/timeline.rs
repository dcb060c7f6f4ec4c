//! `eventline timeline`: load the events, filter, build, render.

use std::collections::HashSet;
use std::io::Write;

use anyhow::{bail, Context, Result};
use eventline::timeline::{self, Timeline, TimelineError};
use eventline::{EventStore, Gazetteer};
use oxigraph::model::Term;

use super::args::{ImageFormat, LaneArg, TimelineArgs};
use super::{create_output, exit, open_store};

pub(super) fn run(a: TimelineArgs) -> Result<u8> {
    // Decided before any work: a typo in the extension should not cost a
    // store read, nor silently write SVG into "timeline.gif".
    let format = image_format(&a)?;
    let st = open_store(&a.store)?;
    let only = match &a.query {
        Some(q) => Some(selected_events(&st, q)?),
        None => None,
    };
    let (mut events, relations) = timeline::load(&st)?;
    if let Some(only) = &only {
        events.retain(|e| only.contains(&e.id));
    }
    let filter = timeline::Filter {
        actors: actor_labels(&a.actor)?,
        kinds: a.kind.clone(),
        statuses: a.status.clone(),
        from: a.from,
        to: a.to,
    };
    let events = timeline::filter(&events, &filter);
    let opts = timeline::Options {
        lanes: match a.lanes {
            LaneArg::None => timeline::Lanes::None,
            LaneArg::Actor => timeline::Lanes::Actor,
            LaneArg::Kind => timeline::Lanes::Kind,
        },
        orientation: if a.vertical {
            timeline::Orientation::TopToBottom
        } else {
            timeline::Orientation::LeftToRight
        },
        fold_threshold: a.fold_threshold,
        title: a.title.clone(),
        ..Default::default()
    };
    let n = events.len();
    let tl = Timeline::build(events, relations, &opts);
    let bytes = render(&tl, format)?;
    let mut f = create_output(&a.output)?;
    f.write_all(&bytes)
        .with_context(|| format!("{}: cannot write", a.output.display()))?;
    for note in tl.folded() {
        eprintln!(
            "folded: {} {} event(s) of {} into one node{}",
            note.count,
            note.kind.name(),
            note.actors.join(", "),
            note.day.map(|d| format!(" on {d}")).unwrap_or_default()
        );
    }
    eprintln!("drew {n} event(s) to {}", a.output.display());
    Ok(exit::OK)
}

/// `--format`, else the output's extension.
fn image_format(a: &TimelineArgs) -> Result<ImageFormat> {
    if let Some(f) = a.format {
        return Ok(f);
    }
    let ext = a
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("png") => ImageFormat::Png,
        Some("dot" | "gv") => ImageFormat::Dot,
        Some("svg") | None => ImageFormat::Svg,
        Some(other) => bail!(
            "{}: unknown image format '.{other}' (use .svg, .png, .dot, or --format svg|png|dot)",
            a.output.display()
        ),
    })
}

/// The events a `--query` file selects (as `?event`, else its first column).
fn selected_events(st: &EventStore, q: &std::path::Path) -> Result<HashSet<String>> {
    let text = std::fs::read_to_string(q)
        .with_context(|| format!("{}: cannot read query file", q.display()))?;
    let (vars, rows) = st.select(&text)?;
    let col = vars
        .iter()
        .position(|v| v == "event")
        .or(if vars.is_empty() { None } else { Some(0) })
        .context("the --query must select ?event")?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r.get(col).cloned().flatten())
        .map(|t| match t {
            Term::NamedNode(n) => n.into_string(),
            other => other.to_string(),
        })
        .collect())
}

fn is_qid(x: &str) -> bool {
    x.len() > 1 && x.starts_with('Q') && x[1..].chars().all(|c| c.is_ascii_digit())
}

/// `--actor` values as the labels the timeline matches: a QID names the
/// gazetteer entity, parsed only when a QID is given.
fn actor_labels(actors: &[String]) -> Result<Vec<String>> {
    let gaz = if actors.iter().any(|x| is_qid(x)) {
        Some(Gazetteer::load(&[]).context("loading the gazetteer")?)
    } else {
        None
    };
    Ok(actors
        .iter()
        .map(|x| {
            let entity = gaz.as_ref().and_then(|g| {
                g.entities
                    .iter()
                    .find(|e| is_qid(x) && e.qid.as_deref() == Some(x.as_str()))
            });
            match entity {
                Some(e) => e.label.clone(),
                None => x.clone(),
            }
        })
        .collect())
}

fn render(tl: &Timeline, format: ImageFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ImageFormat::Dot => tl.to_dot().into_bytes(),
        ImageFormat::Svg => match timeline::render_timeline(tl, "svg") {
            Ok(r) => noted(r),
            Err(TimelineError::DotNotFound) => {
                eprintln!("note: Graphviz `dot` not found; drawing the SVG without it");
                tl.to_svg().into_bytes()
            }
            Err(e) => return Err(e).context("rendering with dot"),
        },
        ImageFormat::Png => noted(timeline::render_timeline(tl, "png").context(
            "PNG output needs Graphviz's `dot` (apt-get install graphviz); SVG works without it",
        )?),
    })
}

fn noted(r: timeline::Rendered) -> Vec<u8> {
    if r.flat_relations_left_out > 0 {
        eprintln!(
            "note: Graphviz could not route {} relation(s) between events of the same time \
             slot; drawn without them (a .dot output keeps them)",
            r.flat_relations_left_out
        );
    }
    r.bytes
}
