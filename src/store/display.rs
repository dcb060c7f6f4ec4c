//! Terms and tables for people: IRIs shortened with the usual prefixes,
//! cells clipped to one line (a label must not forge rows or reorder what
//! the terminal shows).

use std::io::Write;

use oxigraph::model::Term;

use crate::vocab;

/// A term for people: IRIs shortened with the usual prefixes, literals bare.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => shorten(n.as_str()),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

fn shorten(iri: &str) -> String {
    for (p, ns) in [
        ("evl:", vocab::EVL),
        ("eid:", vocab::EID),
        ("wd:", vocab::WIKIDATA_ENTITY),
        ("schema:", vocab::SCHEMA),
        ("rdfs:", vocab::RDFS),
    ] {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}{rest}");
        }
    }
    iri.to_string()
}

pub(super) fn write_table(
    out: &mut dyn Write,
    headers: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 60;
    let clip = |s: &str| -> String {
        let one_line: String = s
            .chars()
            // Line breaks and bidi overrides would let a label forge rows
            // or reorder what the terminal shows.
            .map(|c| {
                if c.is_control()
                    || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        if one_line.chars().count() > MAX {
            let mut t: String = one_line.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            one_line
        }
    };
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - c.chars().count())))
            .collect();
        writeln!(out, "{}", parts.join(" | ").trim_end())
    };
    line(out, headers)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for r in &rows {
        line(out, r)?;
    }
    Ok(())
}
