//! `eventline export`: the whole store as standard RDF, or its events as
//! PLOVER, QuickStatements or CSV (issue 15).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;

use super::args::{ExportArgs, ExportFormat};
use eventline::{EventStore, ExportContext};

use super::progress::{CountingWriter, Progress};
use super::{create_output, exit, open_store, today};

pub(super) fn run(a: ExportArgs) -> Result<u8> {
    let st = open_store(&a.store)?;
    let f = match a.format {
        ExportFormat::Plover | ExportFormat::Quickstatements | ExportFormat::Csv => {
            return export_events(&st, a.format, a.output.as_deref());
        }
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Jsonld => RdfFormat::JsonLd {
            profile: Default::default(),
        },
    };
    // Bytes written so far and their rate; the total is not known ahead.
    let progress = Progress::new(None, a.quiet);
    let bar = progress.bar().clone();
    match a.output {
        Some(p) => {
            let file = create_output(&p)?;
            let mut w = std::io::BufWriter::new(CountingWriter { inner: file, bar });
            let n = st.export(f, &mut w)?;
            w.flush()
                .with_context(|| format!("{}: cannot write", p.display()))?;
            progress.finish();
            eprintln!("wrote {n} statements to {}", p.display());
        }
        None => {
            let out = std::io::stdout().lock();
            let mut w = std::io::BufWriter::new(CountingWriter { inner: out, bar });
            st.export(f, &mut w)?;
            w.flush().ok();
            progress.finish();
        }
    }
    Ok(exit::OK)
}

/// The event exports: PLOVER, QuickStatements, CSV.
fn export_events(st: &EventStore, format: ExportFormat, output: Option<&Path>) -> Result<u8> {
    let events = eventline::export_events(st)?;
    let cx = ExportContext { today: today() };
    let mut w: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(create_output(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let name = output.map_or("stdout".to_string(), |p| p.display().to_string());
    let written = match format {
        ExportFormat::Plover => eventline::write_plover(&events, &cx, &mut w),
        ExportFormat::Quickstatements => eventline::write_quickstatements(&events, &cx, &mut w),
        _ => eventline::write_csv(&events, &mut w),
    }
    .and_then(|n| w.flush().map(|()| n))
    .with_context(|| format!("{name}: cannot write"))?;
    for (why, n) in &written.skipped {
        eprintln!("left out {n} event(s): {why}");
    }
    eprintln!(
        "wrote {} of {} event(s) to {name}",
        written.events,
        events.len()
    );
    Ok(exit::OK)
}
