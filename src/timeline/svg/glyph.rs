//! The SVG glyph of each [`Glyph`]: regular polygons, stars and a few
//! pictograms, drawn around a centre at the size of [`MARK`].

use std::fmt::Write as _;

use super::super::label::MARK;
use super::super::style::Glyph;

fn polygon(pts: &[(f64, f64)], x: f64, y: f64, r: f64) -> String {
    let mut d = String::new();
    for (i, (px, py)) in pts.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1},{:.1} ",
            if i == 0 { "M" } else { "L" },
            x + px * r,
            y + py * r
        );
    }
    d.push('Z');
    d
}

fn regular(n: usize, rot: f64) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let a = rot + i as f64 * std::f64::consts::TAU / n as f64;
            (a.cos(), a.sin())
        })
        .collect()
}

/// The glyph centred on (`x`, `y`).
pub(super) fn glyph_svg(
    g: Glyph,
    x: f64,
    y: f64,
    stroke: &str,
    fill: &str,
    dash: Option<&str>,
) -> String {
    let r = MARK / 2.0;
    let dash = dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default();
    let common = format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}"#);
    let half_pi = std::f64::consts::FRAC_PI_2;
    let path = |pts: Vec<(f64, f64)>, scale: f64| -> String {
        format!(
            r#"<path class="glyph" d="{}" {common}/>"#,
            polygon(&pts, x, y, r * scale)
        )
    };
    match g {
        Glyph::Circle => {
            format!(r#"<circle class="glyph" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {common}/>"#)
        }
        Glyph::Ellipse => format!(
            r#"<ellipse class="glyph" cx="{x:.1}" cy="{y:.1}" rx="{:.1}" ry="{:.1}" {common}/>"#,
            r,
            r * 0.7
        ),
        Glyph::DoubleCircle => format!(
            r#"<circle class="glyph" cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {common}/><circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="white" stroke-width="1.2"/>"#,
            r * 0.55
        ),
        Glyph::Square => path(
            vec![(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
            1.0,
        ),
        Glyph::Note => path(
            vec![
                (-0.8, -0.95),
                (0.4, -0.95),
                (0.8, -0.55),
                (0.8, 0.95),
                (-0.8, 0.95),
            ],
            1.0,
        ),
        Glyph::Diamond => path(vec![(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)], 1.1),
        Glyph::TriUp => path(vec![(0.0, -1.0), (1.0, 0.8), (-1.0, 0.8)], 1.1),
        Glyph::TriDown => path(vec![(-1.0, -0.8), (1.0, -0.8), (0.0, 1.0)], 1.1),
        Glyph::Hexagon => path(regular(6, 0.0), 1.0),
        Glyph::Octagon => path(regular(8, std::f64::consts::PI / 8.0), 1.0),
        Glyph::Pentagon => path(regular(5, -half_pi), 1.05),
        Glyph::House => path(
            vec![
                (0.0, -1.0),
                (0.9, -0.2),
                (0.9, 0.9),
                (-0.9, 0.9),
                (-0.9, -0.2),
            ],
            1.0,
        ),
        Glyph::Parallelogram => path(
            vec![(-0.5, -0.8), (1.0, -0.8), (0.5, 0.8), (-1.0, 0.8)],
            1.0,
        ),
        Glyph::Trapezium => path(
            vec![(-0.5, -0.8), (0.5, -0.8), (1.0, 0.8), (-1.0, 0.8)],
            1.0,
        ),
        Glyph::Cross => path(
            vec![
                (-0.35, -1.0),
                (0.35, -1.0),
                (0.35, -0.35),
                (1.0, -0.35),
                (1.0, 0.35),
                (0.35, 0.35),
                (0.35, 1.0),
                (-0.35, 1.0),
                (-0.35, 0.35),
                (-1.0, 0.35),
                (-1.0, -0.35),
                (-0.35, -0.35),
            ],
            1.0,
        ),
        Glyph::Star => {
            let pts: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = -half_pi + i as f64 * std::f64::consts::PI / 5.0;
                    let rr = if i % 2 == 0 { 1.0 } else { 0.45 };
                    (rr * a.cos(), rr * a.sin())
                })
                .collect();
            path(pts, 1.25)
        }
    }
}
