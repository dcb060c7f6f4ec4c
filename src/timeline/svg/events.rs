//! The event layers: dotted connectors from a multi-lane event to its
//! echoes (under the glyphs), then each event (window bar, glyph, label,
//! source links, tooltip), then the relations as curved arrows over them.

use std::fmt::Write as _;

use super::super::escape::{clean_url, one_line, xml};
use super::super::label::{text_width, tooltip, FONT, MARK};
use super::super::model::{Item, Timeline, UNDATED};
use super::super::style::{kind_style, status_style, StatusStyle};
use super::glyph::glyph_svg;
use super::layout::{max_links, Place};
use super::Frame;

impl Timeline {
    pub(super) fn draw_connectors(&self, s: &mut String, f: &Frame) {
        s.push_str(r#"<g class="connectors">"#);
        for (i, it) in self.items.iter().enumerate() {
            let Some(p) = &f.lay.main[i] else { continue };
            for e in &f.lay.echoes[i] {
                let (x0, y0) = f.map(e.t_mark, f.cross_of(p));
                let (x1, y1) = f.map(e.t_mark, f.cross_of(e));
                let _ = write!(
                    s,
                    r#"<line x1="{x0:.1}" y1="{y0:.1}" x2="{x1:.1}" y2="{y1:.1}" stroke="{}" stroke-width="1" stroke-dasharray="2,2" opacity="0.7"/>"#,
                    kind_style(it.kind).color
                );
            }
        }
        s.push_str("</g>");
    }

    pub(super) fn draw_events(&self, s: &mut String, f: &Frame) {
        s.push_str(r#"<g class="events">"#);
        for (i, it) in self.items.iter().enumerate() {
            let Some(p) = &f.lay.main[i] else { continue };
            self.draw_event(s, f, it, p, false);
            for e in &f.lay.echoes[i] {
                self.draw_event(s, f, it, e, true);
            }
        }
        s.push_str("</g>");
    }

    /// One event's group: its data attributes and tooltip, then a small
    /// circle for an echo, or the bar, glyph and label.
    fn draw_event(&self, s: &mut String, f: &Frame, it: &Item, p: &Place, echo: bool) {
        let st = status_style(it.status);
        let (mx, my) = f.map(p.t_mark, f.cross_of(p));
        let lane_name = if Some(p.lane) == self.undated_lane_index() {
            UNDATED.to_string()
        } else {
            self.lanes.get(p.lane).cloned().unwrap_or_default()
        };
        let (date_attr, latest_attr) = match it.dated() {
            Some((e, l)) => (e.to_string(), l.to_string()),
            None => ("undated".to_string(), "undated".to_string()),
        };
        let _ = write!(
            s,
            r#"<g class="event{}{} kind-{} status-{}" id="{}{}" data-date="{}" data-latest="{}" data-lane="{}" data-x="{:.2}" data-y="{:.2}" data-count="{}" data-iri="{}">"#,
            if echo { " echo" } else { "" },
            if it.by_report { " by-report" } else { "" },
            it.kind.name(),
            it.status.name(),
            it.dom,
            if echo {
                format!("-l{}", p.lane)
            } else {
                String::new()
            },
            date_attr,
            latest_attr,
            xml(&lane_name),
            mx,
            my,
            it.count,
            xml(it.ids.first().map_or("", |s| s.as_str())),
        );
        let _ = write!(s, "<title>{}</title>", xml(&tooltip(it)));
        if echo {
            let _ = write!(
                s,
                r#"<circle cx="{mx:.1}" cy="{my:.1}" r="4" fill="white" stroke="{}" stroke-width="1.5"{}/>"#,
                stroke(it, &st),
                dash_attr(&st)
            );
        } else {
            self.draw_mark(s, f, it, p, &st);
            draw_label(s, it, (mx, my), &st);
        }
        s.push_str("</g>");
    }

    /// The window bar, the glyph, a cross for a negated event and a dot for
    /// a fold.
    fn draw_mark(&self, s: &mut String, f: &Frame, it: &Item, p: &Place, st: &StatusStyle) {
        let c = f.cross_of(p);
        let (mx, my) = f.map(p.t_mark, c);
        let (stroke, fill) = (stroke(it, st), fill(it, st));
        if let Some((t0, t1)) = p.t_bar {
            let (x0, y0) = f.map(t0, c);
            let (x1, y1) = f.map(t1, c);
            let (x, y, w, h) = if f.horiz {
                (x0, y0 - 8.0, x1 - x0, 16.0)
            } else {
                (x0 - 8.0, y0, 16.0, y1 - y0)
            };
            let _ = write!(
                s,
                r#"<rect class="window" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="5" fill="{fill}" fill-opacity="0.13" stroke="{stroke}" stroke-opacity="0.8" stroke-width="1"{}/>"#,
                dash_attr(st)
            );
        }
        // Unsure events are hollow.
        let fill_marker = if st.dash.is_some() || st.struck {
            "#FFFFFF"
        } else {
            fill
        };
        let glyph = kind_style(it.kind).glyph;
        s.push_str(&glyph_svg(glyph, mx, my, stroke, fill_marker, st.dash));
        if st.struck {
            let _ = write!(
                s,
                r##"<path d="M{:.1},{:.1} l14,14 M{:.1},{:.1} l14,-14" stroke="#444" stroke-width="1.6"/>"##,
                mx - 7.0,
                my - 7.0,
                mx - 7.0,
                my + 7.0
            );
        }
        if it.count > 1 {
            let _ = write!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#222"/>"##,
                mx + 5.0,
                my - 5.0
            );
        }
    }

    pub(super) fn draw_relations(&self, s: &mut String, f: &Frame) {
        s.push_str(r#"<g class="relations">"#);
        for l in &self.links {
            let (Some(pa), Some(pb)) = (&f.lay.main[l.from], &f.lay.main[l.to]) else {
                continue;
            };
            let (x0, y0) = f.map(pa.t_mark, f.cross_of(pa));
            let (x1, y1) = f.map(pb.t_mark, f.cross_of(pb));
            let bend = 18.0 + ((x1 - x0).abs() + (y1 - y0).abs()) * 0.08;
            let (cx0, cy0, cx1, cy1) = if f.horiz {
                (x0, y0 - bend, x1, y1 - bend)
            } else {
                (x0 - bend, y0, x1 - bend, y1)
            };
            let _ = write!(
                s,
                r##"<g class="relation" data-kind="{k}" data-from="{f}" data-to="{t}"><title>{tt}</title><path d="M{x0:.1},{y0:.1} C{cx0:.1},{cy0:.1} {cx1:.1},{cy1:.1} {x1:.1},{y1:.1}" fill="none" stroke="{c}" stroke-width="1.2" {d}marker-end="url(#arrow)" opacity="0.75"/></g>"##,
                k = xml(&l.kind),
                f = self.items[l.from].dom,
                t = self.items[l.to].dom,
                tt = xml(&format!(
                    "{} —{}→ {}",
                    self.items[l.from].label, l.kind, self.items[l.to].label
                )),
                c = if l.cyclic { "#CC0000" } else { "#666" },
                d = if l.cyclic {
                    r#"stroke-dasharray="4,3" "#
                } else {
                    ""
                },
            );
        }
        s.push_str("</g>");
    }
}

/// The label beside the glyph, struck through for a negated event, and a
/// link arrow per source with a usable URL.
fn draw_label(s: &mut String, it: &Item, (mx, my): (f64, f64), st: &StatusStyle) {
    let (tx, ty) = (mx + MARK / 2.0 + 4.0, my + 4.0);
    let _ = write!(
        s,
        r#"<text x="{tx:.1}" y="{ty:.1}">{}</text>"#,
        xml(&it.label)
    );
    let lw = text_width(&it.label, FONT);
    if st.struck {
        let _ = write!(
            s,
            r##"<line class="strike" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#666" stroke-width="1.2"/>"##,
            tx,
            ty - 3.5,
            tx + lw,
            ty - 3.5
        );
    }
    let mut lx = tx + lw + 3.0;
    for (u, so) in it
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref().and_then(clean_url).map(|u| (u, s)))
        .take(max_links(it))
    {
        let _ = write!(
            s,
            r##"<a class="source" href="{0}" xlink:href="{0}" target="_blank"><title>{1}</title><text x="{2:.1}" y="{3:.1}" font-size="10" fill="#1A5FB4">↗</text></a>"##,
            xml(&u),
            xml(&one_line(&so.title)),
            lx,
            ty
        );
        lx += 12.0;
    }
}

fn stroke(it: &Item, st: &StatusStyle) -> &'static str {
    if st.grey {
        "#9A9A9A"
    } else {
        kind_style(it.kind).color
    }
}

fn fill(it: &Item, st: &StatusStyle) -> &'static str {
    if st.grey {
        "#D0D0D0"
    } else {
        kind_style(it.kind).color
    }
}

fn dash_attr(st: &StatusStyle) -> String {
    st.dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default()
}
