//! `eventline extract`: a dry run, the event mentions of articles without
//! storing them.

use std::io::Write;

use anyhow::{Context, Result};
use eventline::{
    collect_inputs, read_input, Article, ArticleExtraction, ArticleGraph, DateMethod, Extractor,
    Gazetteer, Input, ReadOptions,
};
use rayon::prelude::*;

use super::args::{ExtractArgs, ExtractFormat};
use super::{exit, today};

/// Inputs extracted in parallel before their output is written, in input
/// order: enough to keep every core busy, few enough to hold in memory.
const CHUNK: usize = 256;

pub(super) fn run(a: ExtractArgs) -> Result<u8> {
    let gaz = Gazetteer::load(&a.input.gazetteer).context("loading the gazetteer")?;
    let (inputs, problems) = collect_inputs(&a.input.paths);
    let ex = Extractor::new(&gaz);
    let opts = ReadOptions {
        date: a.input.date,
        ..ReadOptions::new(today())
    };
    // Standard input first, as `ingest` reads it: its articles cannot be
    // read from worker threads.
    let (stdin, files): (Vec<&Input>, Vec<&Input>) =
        inputs.iter().partition(|i| **i == Input::Stdin);
    let mut out = std::io::stdout().lock();
    for chunk in stdin.chunks(1).chain(files.chunks(CHUNK)) {
        // Each input becomes its bytes of output and its messages; they are
        // written in input order, so the output is the same byte for byte
        // whatever the number of threads.
        let rendered: Vec<(Vec<u8>, Vec<String>)> = chunk
            .par_iter()
            .map(|input| render_input(input, &opts, &ex, a.format))
            .collect::<Result<_>>()?;
        for (bytes, messages) in rendered {
            for m in messages {
                eprintln!("{m}");
            }
            out.write_all(&bytes)?;
        }
    }
    out.flush()?;
    for p in problems {
        eprintln!("skipped: {p}");
    }
    Ok(exit::OK)
}

fn render_input(
    input: &Input,
    opts: &ReadOptions,
    ex: &Extractor<'_>,
    format: ExtractFormat,
) -> Result<(Vec<u8>, Vec<String>)> {
    let mut out = Vec::new();
    let mut messages = Vec::new();
    for article in read_input(input, opts) {
        let article = match article {
            Ok(article) => article,
            Err(e) => {
                messages.push(format!("skipped: {e}"));
                continue;
            }
        };
        let x = ex.extract(&article);
        render(&mut out, &article, &x, format)?;
    }
    Ok((out, messages))
}

/// One line of `extract --format json`.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    article: &'a str,
    extraction: &'a ArticleExtraction,
    text: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
}

fn render(
    out: &mut Vec<u8>,
    article: &Article,
    x: &ArticleExtraction,
    format: ExtractFormat,
) -> Result<()> {
    match format {
        ExtractFormat::Json => {
            // Written straight from the article and its extraction: a
            // `serde_json::Value` of each line first cost 2% of the run.
            serde_json::to_writer(
                &mut *out,
                &JsonLine {
                    article: &article.id,
                    extraction: x,
                    text: &article.text,
                    title: article.title.as_deref(),
                    url: article.url.as_deref(),
                },
            )?;
            out.push(b'\n');
        }
        ExtractFormat::Table => print_table(out, &article.id, x)?,
        ExtractFormat::Nquads => ArticleGraph::of_article(article, x).write_nquads(out),
    }
    Ok(())
}

fn print_table(out: &mut Vec<u8>, id: &str, x: &ArticleExtraction) -> Result<()> {
    writeln!(
        out,
        "== {} (published {:?}, reference {:?} by {})",
        id, x.dates.published, x.dates.reference, x.dates.method
    )?;
    for m in &x.mentions {
        let actors: Vec<String> = m
            .actors
            .iter()
            .map(|(r, e)| format!("{}:{}", format!("{r:?}").to_lowercase(), e.label))
            .collect();
        let date = m
            .date
            .as_ref()
            .map(|d| {
                let said = if d.method == DateMethod::PublicationFallback {
                    "the story's day"
                } else {
                    d.text.as_str()
                };
                format!("{}..{} ({said})", d.earliest, d.latest)
            })
            .unwrap_or_else(|| "undated".into());
        writeln!(
            out,
            "  {:<12} {:<9} {:<40} {} {}{}",
            m.kind.name(),
            m.status.name(),
            actors.join(", "),
            date,
            m.place
                .as_ref()
                .map(|p| format!("@{} ", p.label))
                .unwrap_or_default(),
            m.evidence
                .iter()
                .map(|e| format!("[{}]", e.quote))
                .collect::<Vec<_>>()
                .join("")
        )?;
    }
    Ok(())
}
