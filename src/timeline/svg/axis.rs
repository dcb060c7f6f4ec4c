//! The axis layer: a line per segment, ticks with grid lines through the
//! dated lanes, breaks (a zig-zag and a hatched band labelled with the gap's
//! length) and a triangle on each day sources were published.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::super::axis::BREAK_W;
use super::super::escape::{clean_url, one_line, xml};
use super::super::label::fmt_day;
use super::super::model::{Source, Timeline};
use super::Frame;

/// Cross position of the axis line, just before the first lane.
const AXIS_C: f64 = -6.0;

impl Timeline {
    pub(super) fn draw_axis(&self, s: &mut String, f: &Frame) {
        s.push_str(r#"<g class="axis">"#);
        for seg in &self.axis.segments {
            let (x0, y0) = f.map(seg.t0, AXIS_C);
            let (x1, y1) = f.map(seg.t0 + seg.ticks.len() as f64 * self.axis.tick, AXIS_C);
            let _ = write!(
                s,
                r##"<line x1="{x0:.1}" y1="{y0:.1}" x2="{x1:.1}" y2="{y1:.1}" stroke="#555" stroke-width="2"/>"##
            );
        }
        self.draw_ticks(s, f);
        for (t, label) in &self.axis.breaks {
            draw_break(s, f, *t, label);
        }
        self.draw_publications(s, f);
        s.push_str("</g>");
    }

    fn draw_ticks(&self, s: &mut String, f: &Frame) {
        let dated_cross = f.dated_cross();
        for tick in self.axis.tick_labels() {
            let (x, y) = f.map(tick.t, AXIS_C);
            let (gx, gy) = f.map(tick.t, dated_cross);
            let _ = write!(
                s,
                r##"<line class="grid" x1="{x:.1}" y1="{y:.1}" x2="{gx:.1}" y2="{gy:.1}" stroke="#DDDDDD" stroke-width="1"/>"##
            );
            let (lx, ly, anchor) = if f.horiz {
                (x + 3.0, y - 8.0, "start")
            } else {
                (x - 8.0, y + 12.0, "end")
            };
            let _ = write!(
                s,
                r#"<text class="tick" x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}" data-date="{}">{}</text>"#,
                tick.date,
                xml(&tick.label)
            );
            if let Some(above) = &tick.above {
                let (sx, sy) = if f.horiz {
                    (x + 3.0, y - 22.0)
                } else {
                    (x - 8.0, y + 24.0)
                };
                let _ = write!(
                    s,
                    r#"<text class="tick2" x="{sx:.1}" y="{sy:.1}" text-anchor="{anchor}">{}</text>"#,
                    xml(above)
                );
            }
        }
    }

    /// One triangle per publication day, linking to a source.
    fn draw_publications(&self, s: &mut String, f: &Frame) {
        let mut pub_groups: BTreeMap<NaiveDate, Vec<&Source>> = BTreeMap::new();
        for (d, src) in &self.pubs {
            pub_groups.entry(*d).or_default().push(src);
        }
        for (d, srcs) in &pub_groups {
            let t = (self.axis.pos(*d, false) + self.axis.pos(*d, true)) / 2.0;
            let (x, y) = f.map(t, AXIS_C);
            let tri = if f.horiz {
                format!("M{:.1},{:.1} l-4,-7 l8,0 z", x, y - 1.0)
            } else {
                format!("M{:.1},{:.1} l-7,-4 l0,8 z", x - 1.0, y)
            };
            let tip: Vec<String> = srcs.iter().map(|s| one_line(&s.title)).collect();
            let _ = write!(
                s,
                r##"<g class="pub" data-date="{d}"><title>{}</title>"##,
                xml(&format!("Published {}\n{}", fmt_day(*d), tip.join("\n")))
            );
            let href = srcs
                .iter()
                .find_map(|s| s.url.as_deref().and_then(clean_url));
            if let Some(h) = &href {
                let _ = write!(
                    s,
                    r#"<a href="{0}" xlink:href="{0}" target="_blank">"#,
                    xml(h)
                );
            }
            let _ = write!(s, r##"<path d="{tri}" fill="#333"/>"##);
            if href.is_some() {
                s.push_str("</a>");
            }
            s.push_str("</g>");
        }
    }
}

/// Zig-zag across the axis and a hatched band through the dated lanes.
fn draw_break(s: &mut String, f: &Frame, t: f64, label: &str) {
    let (x, y) = f.map(t, AXIS_C);
    let zig = if f.horiz {
        format!(
            "M{:.1},{:.1} l-5,-5 l5,-5 M{:.1},{:.1} l-5,5 l5,5",
            x - 4.0,
            y,
            x - 4.0,
            y
        )
    } else {
        format!(
            "M{:.1},{:.1} l-6,-6 l6,-6 l-6,-6 M{:.1},{:.1} l6,-6 l-6,-6",
            x,
            y - 4.0,
            x,
            y - 4.0
        )
    };
    let dated_cross = f.dated_cross();
    let (bx, by) = f.map(t - BREAK_W / 2.0 + 8.0, 0.0);
    let (bw, bh) = if f.horiz {
        (BREAK_W - 16.0, dated_cross)
    } else {
        (dated_cross, BREAK_W - 16.0)
    };
    let (tx, ty, anchor) = if f.horiz {
        (x - 2.0, y - 24.0, "middle")
    } else {
        (x - 12.0, y + 4.0, "end")
    };
    let _ = write!(
        s,
        r##"<g class="gap"><rect x="{bx:.1}" y="{by:.1}" width="{bw:.1}" height="{bh:.1}" fill="url(#hatch)" opacity="0.8"/><path d="{zig}" stroke="#555" stroke-width="1.5" fill="none"/><text x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}" font-size="10" fill="#A05A00" font-style="italic">// {}</text></g>"##,
        xml(label)
    );
}
