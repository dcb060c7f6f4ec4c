//! `eventline query`: a SPARQL query from a file, stdin or `-e`.

use std::io::{Read, Write};

use anyhow::{bail, Context, Result};
use eventline::ResultFormat;

use super::args::{QueryArgs, QueryFormat};
use super::{exit, open_store};

pub(super) fn run(a: QueryArgs) -> Result<u8> {
    let text = match (a.expression, &a.file) {
        (Some(e), _) => e,
        (None, Some(f)) if f.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading the query from stdin")?;
            s
        }
        (None, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("{}: cannot read query file", f.display()))?,
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
