//! `eventline stats`: counts by kind, status, month, actor and article.

use std::io::Write;

use anyhow::Result;

use super::args::{StatsArgs, TextFormat};
use super::{exit, open_store, outln};

pub(super) fn run(a: StatsArgs) -> Result<u8> {
    let st = open_store(&a.store)?;
    let s = st.stats()?;
    match a.format {
        TextFormat::Json => outln!("{}", serde_json::to_string_pretty(&s)?),
        TextFormat::Table => {
            outln!(
                "triples   {}\narticles  {}\nmentions  {}\nevents    {}",
                s.triples,
                s.articles,
                s.mentions,
                s.events
            );
            section("by kind", s.by_kind)?;
            section("by status", s.by_status)?;
            section("by month", s.by_month)?;
            section("top actors", s.top_actors)?;
            section("top articles (mentions)", s.top_articles)?;
        }
    }
    Ok(exit::OK)
}

fn section(title: &str, rows: impl IntoIterator<Item = (String, usize)>) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{title}")?;
    for (k, n) in rows {
        writeln!(out, "  {n:>6}  {k}")?;
    }
    Ok(())
}
