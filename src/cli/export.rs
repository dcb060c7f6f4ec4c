//! `eventline export`: the whole store as standard RDF.

use std::io::Write;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;

use super::args::{ExportArgs, ExportFormat};
use super::{create_output, exit, open_store};

pub(super) fn run(a: ExportArgs) -> Result<u8> {
    let st = open_store(&a.store)?;
    let f = match a.format {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Jsonld => RdfFormat::JsonLd {
            profile: Default::default(),
        },
    };
    match a.output {
        Some(p) => {
            let file = create_output(&p)?;
            let mut w = std::io::BufWriter::new(file);
            let n = st.export(f, &mut w)?;
            w.flush()
                .with_context(|| format!("{}: cannot write", p.display()))?;
            eprintln!("wrote {n} statements to {}", p.display());
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            st.export(f, &mut w)?;
            w.flush().ok();
        }
    }
    Ok(exit::OK)
}
