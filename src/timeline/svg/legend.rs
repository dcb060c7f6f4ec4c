//! The legend layer: a sample of every kind and status drawn, and of the
//! marks that need explaining (windows, publications, relations, gaps), in
//! as many columns as the picture is wide.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::EventKind;

use super::super::escape::xml;
use super::super::label::{capitalize, humanize_kind};
use super::super::model::{ItemStatus, Timeline};
use super::super::style::{kind_style, status_style};
use super::glyph::glyph_svg;
use super::Frame;

pub(super) enum LegendKey {
    Kind(EventKind),
    Status(ItemStatus),
    Pub,
    Window,
    Relation,
    Gap,
}

impl Timeline {
    /// What the legend explains, in order: kinds and statuses by name,
    /// then the other marks that appear.
    pub(super) fn legend_entries(&self) -> Vec<(LegendKey, String)> {
        let mut out = Vec::new();
        let kinds: BTreeMap<&str, EventKind> =
            self.items.iter().map(|i| (i.kind.name(), i.kind)).collect();
        for (name, k) in kinds {
            out.push((LegendKey::Kind(k), capitalize(&humanize_kind(name))));
        }
        let statuses: BTreeMap<&str, ItemStatus> = self
            .items
            .iter()
            .map(|i| (i.status.name(), i.status))
            .collect();
        for s in statuses.into_values() {
            out.push((LegendKey::Status(s), status_style(s).legend.to_string()));
        }
        if self
            .items
            .iter()
            .any(|i| i.dated().is_some_and(|(a, b)| a != b))
        {
            out.push((LegendKey::Window, "Date window (bar)".into()));
        }
        if !self.pubs.is_empty() {
            out.push((LegendKey::Pub, "Source published".into()));
        }
        if !self.links.is_empty() {
            out.push((LegendKey::Relation, "Relation (hover for kind)".into()));
        }
        if !self.axis.breaks.is_empty() {
            out.push((LegendKey::Gap, "Gap not to scale".into()));
        }
        out
    }
}

pub(super) fn draw_legend(s: &mut String, f: &Frame, legend: &[(LegendKey, String)]) {
    let ly0 = f.oy + f.area_h + 20.0;
    let _ = write!(
        s,
        r#"<g class="legend"><text x="20" y="{:.1}" font-weight="bold">Legend</text>"#,
        ly0 + 12.0
    );
    for (k, (key, text)) in legend.iter().enumerate() {
        let col = k % f.legend_cols;
        let row = k / f.legend_cols;
        let x = 26.0 + col as f64 * 190.0;
        let y = ly0 + 32.0 + row as f64 * 20.0;
        draw_sample(s, key, x, y);
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            x + 12.0,
            y + 4.0,
            xml(text)
        );
    }
    s.push_str("</g>");
}

/// The sample mark of one legend entry, centred on (`x`, `y`).
fn draw_sample(s: &mut String, key: &LegendKey, x: f64, y: f64) {
    match key {
        LegendKey::Kind(kd) => {
            let st = kind_style(*kd);
            s.push_str(&glyph_svg(
                st.glyph,
                x,
                y,
                st.color,
                &format!("{}33", st.color),
                None,
            ));
            s.push_str(&glyph_svg(st.glyph, x, y, st.color, st.color, None));
        }
        LegendKey::Status(stt) => {
            let st = status_style(*stt);
            let dash = st
                .dash
                .map(|d| format!(r#" stroke-dasharray="{d}""#))
                .unwrap_or_default();
            let col = if st.grey { "#AAAAAA" } else { "#444444" };
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="white" stroke="{col}" stroke-width="1.6"{dash}/>"#,
                x - 6.0,
                y - 6.0
            );
            if st.struck {
                let _ = write!(
                    s,
                    r##"<path d="M{:.1},{:.1} l12,12 M{:.1},{:.1} l12,-12" stroke="#555" stroke-width="1.2"/>"##,
                    x - 6.0,
                    y - 6.0,
                    x - 6.0,
                    y + 6.0
                );
            }
        }
        LegendKey::Pub => {
            let _ = write!(
                s,
                r##"<path d="M{:.1},{:.1} l-4,-7 l8,0 z" fill="#333"/>"##,
                x,
                y + 3.0
            );
        }
        LegendKey::Window => {
            let _ = write!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="14" height="8" rx="3" fill="#88888855" stroke="#888"/>"##,
                x - 7.0,
                y - 4.0
            );
        }
        LegendKey::Relation => {
            let _ = write!(
                s,
                r##"<path d="M{:.1},{:.1} l14,0" stroke="#666" marker-end="url(#arrow)"/>"##,
                x - 7.0,
                y
            );
        }
        LegendKey::Gap => {
            let _ = write!(
                s,
                r##"<path d="M{x:.1},{y:.1} l-4,-4 l4,-4 M{x:.1},{y:.1} l-4,4 l4,4" stroke="#555" fill="none"/>"##
            );
        }
    }
}
