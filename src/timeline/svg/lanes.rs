//! The lanes layer: one band per lane (hatched for undated events) with
//! its name in the margin (horizontal) or above it (vertical).

use std::fmt::Write as _;

use super::super::escape::xml;
use super::super::label::{fit_width, truncate};
use super::super::model::{Lanes, Timeline, UNDATED};
use super::layout::{COL_W, LANE_PAD, ROW};
use super::Frame;

impl Timeline {
    pub(super) fn draw_lanes(&self, s: &mut String, f: &Frame) {
        s.push_str(r#"<g class="lanes">"#);
        for (li, &(c0, size)) in f.lay.lane_c.iter().enumerate() {
            let undated = Some(li) == f.lay.undated_lane;
            let name = if undated {
                "Undated".to_string()
            } else {
                self.lane_title(li)
            };
            let (x, yb) = f.map(0.0, c0);
            let (w, h) = if f.horiz {
                (f.area_w - 20.0, size)
            } else {
                (size, f.time_len)
            };
            let fill = if undated {
                "url(#hatch)"
            } else if li % 2 == 0 {
                "#F6F7F9"
            } else {
                "#FFFFFF"
            };
            let _ = write!(
                s,
                r##"<g class="lane{}" id="lane-{}" data-lane="{}"><rect class="lane-band" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#E2E4E8"/>"##,
                if undated { " undated" } else { "" },
                if undated {
                    "undated".to_string()
                } else {
                    li.to_string()
                },
                xml(&name),
                x,
                yb,
                w,
                h,
                fill
            );
            let shown = if undated {
                UNDATED.to_string()
            } else if self.opts.lanes == Lanes::None {
                String::new()
            } else {
                fit_width(
                    &name,
                    if f.horiz { f.left - 16.0 } else { COL_W - 12.0 },
                    12.0,
                )
            };
            draw_lane_label(s, f, (x, yb), &shown, undated);
            s.push_str("</g>");
        }
        s.push_str("</g>");
    }
}

/// The lane's name: right-aligned in the margin, or above a vertical lane.
fn draw_lane_label(s: &mut String, f: &Frame, (x, yb): (f64, f64), shown: &str, undated: bool) {
    if f.horiz {
        let _ = write!(
            s,
            r#"<text class="lane-label" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            f.ox - 10.0,
            yb + ROW / 2.0 + LANE_PAD + 4.0,
            xml(shown)
        );
        if undated {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="9" fill="#777">no date known</text>"##,
                f.ox - 10.0,
                yb + ROW / 2.0 + LANE_PAD + 16.0
            );
        }
    } else {
        let _ = write!(
            s,
            r#"<text class="lane-label" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 6.0,
            f.oy - 8.0,
            xml(&truncate(shown, 30))
        );
    }
}
