//! `eventline query`: a SPARQL query from a file, stdin or `-e`.

use std::io::Write;

use anyhow::{bail, Context, Result};
use eventline::ResultFormat;

use super::args::{QueryArgs, QueryFormat};
use super::{exit, open_store};

/// Largest query file read (`query FILE`), in bytes.
const QUERY_MAX_BYTES: usize = 1 << 20;

pub(super) fn run(a: QueryArgs) -> Result<u8> {
    let text = match (a.expression, &a.file) {
        (Some(e), _) => e,
        // Bounded like every input: a query of /dev/zero ends at once.
        (None, Some(f)) => String::from_utf8(eventline::read_small(f, QUERY_MAX_BYTES)?)
            .with_context(|| format!("{}: query is not UTF-8", f.display()))?,
        (None, None) => bail!("give a query file or -e 'QUERY'"),
    };
    let source = match &a.file {
        Some(f) if f.as_os_str() != "-" => f.display().to_string(),
        Some(_) => "stdin".to_string(),
        None => "-e".to_string(),
    };
    let st = open_store(&a.store)?;
    let fmt = match a.format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    st.write_results(&text, fmt, &mut out)
        .with_context(|| format!("{source}: query failed"))?;
    out.flush().ok();
    Ok(exit::OK)
}
