//! `eventline extract`: a dry run, the event mentions of articles without
//! storing them.

use std::io::Write;

use anyhow::{Context, Result};
use eventline::{collect_inputs, read_input, ArticleExtraction, Extractor, Gazetteer, ReadOptions};

use super::args::{ExtractArgs, TextFormat};
use super::{exit, outln, today};

pub(super) fn run(a: ExtractArgs) -> Result<u8> {
    let gaz = Gazetteer::load(&a.input.gazetteer).context("loading the gazetteer")?;
    let (inputs, problems) = collect_inputs(&a.input.paths);
    let ex = Extractor::new(&gaz);
    let opts = ReadOptions {
        date: a.input.date,
        ..ReadOptions::new(today())
    };
    for input in &inputs {
        for article in read_input(input, &opts) {
            let article = match article {
                Ok(article) => article,
                Err(e) => {
                    eprintln!("skipped: {e}");
                    continue;
                }
            };
            let x = ex.extract(&article);
            match a.format {
                TextFormat::Json => outln!(
                    "{}",
                    serde_json::to_string(&serde_json::json!({
                        "article": article.id,
                        "title": article.title,
                        "url": article.url,
                        "text": article.text,
                        "extraction": x,
                    }))?
                ),
                TextFormat::Table => print_table(&article.id, &x)?,
            }
        }
    }
    for p in problems {
        eprintln!("skipped: {p}");
    }
    Ok(exit::OK)
}

fn print_table(id: &str, x: &ArticleExtraction) -> Result<()> {
    outln!(
        "== {} (published {:?}, reference {:?} by {})",
        id,
        x.dates.published,
        x.dates.reference,
        x.dates.method
    );
    for m in &x.mentions {
        let actors: Vec<String> = m
            .actors
            .iter()
            .map(|(r, e)| format!("{}:{}", format!("{r:?}").to_lowercase(), e.label))
            .collect();
        let date = m
            .date
            .as_ref()
            .map(|d| format!("{}..{} ({})", d.earliest, d.latest, d.text))
            .unwrap_or_else(|| "undated".into());
        outln!(
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
        );
    }
    Ok(())
}
