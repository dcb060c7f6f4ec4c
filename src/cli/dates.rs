//! `eventline dates`: the temporal expressions of a text and their TIMEX3
//! values.

use std::io::Write;

use anyhow::Result;
use eventline::timex;

use super::args::{DatesArgs, TextFormat};
use super::{exit, outln, today};

pub(super) fn run(a: DatesArgs) -> Result<u8> {
    let bytes = eventline::read_small(&a.file, eventline::DEFAULT_MAX_ARTICLE_BYTES)?;
    let text = String::from_utf8_lossy(&bytes);
    let today = today();
    let dct = a
        .dct
        .or_else(|| timex::publication_date_as_of(&text, today).map(|(d, _)| d))
        .unwrap_or(today);
    let matches = timex::tag(&text, dct);
    match a.format {
        TextFormat::Json => {
            outln!(
                "{}",
                serde_json::to_string(
                    &serde_json::json!({ "dct": dct.to_string(), "matches": matches })
                )?
            );
        }
        TextFormat::Table => {
            outln!("reference date {dct}");
            for m in &matches {
                let window = match (m.earliest, m.latest) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}..{b}"),
                    _ => String::new(),
                };
                outln!(
                    "{:>6}-{:<6} {:<9} {:<14} {:<22} {}",
                    m.start,
                    m.end,
                    format!("{:?}", m.ttype).to_uppercase(),
                    m.value,
                    window,
                    m.text
                );
            }
        }
    }
    Ok(exit::OK)
}
