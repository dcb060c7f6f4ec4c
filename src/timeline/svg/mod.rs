//! The pure-Rust SVG renderer, used when Graphviz is absent: time *is* the
//! layout. x comes from the compressed time axis, y from the lane and a
//! greedy row packing (`layout`); the picture is drawn in layers, each a
//! `<g>` over the previous ones: header, lanes, axis, connectors, events,
//! relations, legend.

mod axis;
mod events;
mod glyph;
mod lanes;
mod layout;
mod legend;

use std::fmt::Write as _;

use super::escape::{one_line, xml};
use super::label::MARK;
use super::model::{Orientation, Timeline};

use layout::{Place, SvgLayout, COL_W, LANE_PAD, ROW};
use legend::draw_legend;

/// The picture's geometry: the layout placed on the page, between the
/// title and the legend.
struct Frame {
    horiz: bool,
    /// Width of the lane labels' margin.
    left: f64,
    /// Origin of the lane area.
    ox: f64,
    oy: f64,
    /// Length of the drawn time axis.
    time_len: f64,
    area_w: f64,
    area_h: f64,
    width: f64,
    height: f64,
    title_h: f64,
    legend_cols: usize,
    lay: SvgLayout,
}

impl Frame {
    /// (time, cross) to (x, y).
    fn map(&self, t: f64, c: f64) -> (f64, f64) {
        if self.horiz {
            (self.ox + t, self.oy + c)
        } else {
            (self.ox + c, self.oy + t)
        }
    }

    /// The cross position of a glyph's centre.
    fn cross_of(&self, p: &Place) -> f64 {
        let (c0, _) = self.lay.lane_c[p.lane];
        let track_size = if self.horiz { ROW } else { COL_W };
        c0 + LANE_PAD
            + p.track as f64 * track_size
            + if self.horiz {
                ROW / 2.0
            } else {
                MARK / 2.0 + 2.0
            }
    }

    /// Where the dated lanes end (grid lines and gaps stop there).
    fn dated_cross(&self) -> f64 {
        let total = self.lay.lane_c.last().map_or(0.0, |(c, s)| c + s);
        self.lay
            .undated_lane
            .map_or(total, |ul| self.lay.lane_c[ul].0)
    }
}

impl Timeline {
    /// Self-contained SVG drawn without Graphviz.
    pub fn to_svg(&self) -> String {
        let legend = self.legend_entries();
        let f = self.frame(legend.len());
        let mut s = String::with_capacity(4096 + self.items.len() * 600);
        self.draw_header(&mut s, &f);
        self.draw_lanes(&mut s, &f);
        self.draw_axis(&mut s, &f);
        self.draw_connectors(&mut s, &f);
        self.draw_events(&mut s, &f);
        self.draw_relations(&mut s, &f);
        draw_legend(&mut s, &f, &legend);
        s.push_str("</svg>\n");
        s
    }

    fn frame(&self, legend_len: usize) -> Frame {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let lay = self.layout();
        let left = if horiz { 150.0 } else { 110.0 };
        let title_h = if self.opts.title.is_some() { 28.0 } else { 0.0 };
        let notes_h = self.notes.len() as f64 * 16.0;
        let top = 16.0 + title_h + notes_h;
        let axis_h = if horiz { 52.0 } else { 40.0 };
        let cross_total: f64 = lay.lane_c.last().map_or(0.0, |(c, s)| c + s);
        let (ox, oy) = (left, top + axis_h);
        let time_len = lay.time_len + 20.0;
        let (area_w, area_h) = if horiz {
            (time_len + 260.0, cross_total)
        } else {
            (cross_total, time_len)
        };
        let width = (ox + area_w + 20.0).max(720.0);
        let legend_cols = ((width - 40.0) / 190.0).floor().max(1.0) as usize;
        let legend_h = 30.0 + (legend_len.div_ceil(legend_cols)) as f64 * 20.0;
        let height = oy + area_h + 20.0 + legend_h;
        Frame {
            horiz,
            left,
            ox,
            oy,
            time_len,
            area_w,
            area_h,
            width,
            height,
            title_h,
            legend_cols,
            lay,
        }
    }

    /// The root element, shared definitions, the background, the title and
    /// the notes.
    fn draw_header(&self, s: &mut String, f: &Frame) {
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif" class="timeline" data-orientation="{o}">"#,
            w = f.width,
            h = f.height,
            o = if f.horiz { "horizontal" } else { "vertical" }
        );
        s.push_str(concat!(
            "<defs>",
            r##"<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker>"##,
            r##"<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#FAFAFA"/><line x1="0" y1="0" x2="0" y2="6" stroke="#E4E4E4" stroke-width="2"/></pattern>"##,
            "<style>",
            ".event text{font-size:11px;fill:#222}",
            ".event.status-Possible text,.event.status-Negated text{fill:#888}",
            // Placed by the day of its first report, not a date a text gives.
            ".event.by-report text{font-style:italic}",
            ".tick{font-size:10px;fill:#444}.tick2{font-size:10px;fill:#000;font-weight:bold}",
            ".lane-label{font-size:12px;font-weight:bold;fill:#333}",
            ".legend text{font-size:11px;fill:#333}",
            "a:hover text{text-decoration:underline}",
            "</style></defs>"
        ));
        let _ = write!(
            s,
            r##"<rect x="0" y="0" width="{:.0}" height="{:.0}" fill="#FFFFFF"/>"##,
            f.width, f.height
        );
        let mut y = 16.0;
        if let Some(t) = &self.opts.title {
            let _ = write!(
                s,
                r##"<text x="20" y="{:.1}" font-size="18" font-weight="bold" fill="#111" class="title">{}</text>"##,
                y + 14.0,
                xml(&one_line(t))
            );
            y += f.title_h;
        }
        for n in &self.notes {
            let _ = write!(
                s,
                r##"<text x="20" y="{:.1}" font-size="11" fill="#A05A00" class="note">ⓘ {}</text>"##,
                y + 11.0,
                xml(n)
            );
            y += 16.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::NaiveDate;

    use super::super::fixtures::{ev, hostile, seeds, svg_events, synthetic};
    use super::super::{Lanes, Options, Relation};
    use super::*;

    #[test]
    fn svg_events_in_date_order_and_undated_lane() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let opts = Options {
                lanes,
                title: Some("Seeds".into()),
                ..Default::default()
            };
            let t = Timeline::build(seeds(), vec![], &opts);
            let svg = t.to_svg();
            let evs = svg_events(&svg);
            assert_eq!(evs.len(), 10);
            let mut dated: Vec<(NaiveDate, f64)> = evs
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| (e.1.parse().unwrap(), e.2))
                .collect();
            assert_eq!(dated.len(), 8);
            dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in dated.windows(2) {
                if w[0].0 < w[1].0 {
                    assert!(w[0].1 < w[1].1, "x not increasing: {w:?}");
                } else {
                    assert!((w[0].1 - w[1].1).abs() < 1e-6, "same day, same x: {w:?}");
                }
            }
            // Undated events sit in the Undated lane, below every dated event.
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let lane = doc
                .descendants()
                .find(|n| n.attribute("id") == Some("lane-undated"))
                .unwrap();
            let rect = lane.children().find(|n| n.has_tag_name("rect")).unwrap();
            let y0: f64 = rect.attribute("y").unwrap().parse().unwrap();
            let y1 = y0 + rect.attribute("height").unwrap().parse::<f64>().unwrap();
            let undated: Vec<_> = evs.iter().filter(|e| e.1 == "undated").collect();
            assert_eq!(undated.len(), 2);
            for u in &undated {
                assert_eq!(u.4, "Undated");
                assert!(u.3 > y0 && u.3 < y1, "undated event outside its lane");
            }
            let max_dated_y = evs
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| e.3)
                .fold(0.0, f64::max);
            assert!(max_dated_y < y0);
        }
    }

    #[test]
    fn synthetic_x_grows_with_date_and_ids_are_unique() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let t = Timeline::build(
                synthetic(300, 3),
                vec![],
                &Options {
                    lanes,
                    ..Default::default()
                },
            );
            let svg = t.to_svg();
            let mut dated: Vec<(NaiveDate, f64)> = svg_events(&svg)
                .iter()
                .filter(|e| e.1 != "undated")
                .map(|e| (e.1.parse().unwrap(), e.2))
                .collect();
            dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in dated.windows(2) {
                if w[0].0 < w[1].0 {
                    assert!(w[0].1 < w[1].1, "{lanes:?}: {w:?}");
                } else {
                    assert!((w[0].1 - w[1].1).abs() < 1e-6, "{lanes:?}: {w:?}");
                }
            }
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let mut ids = BTreeSet::new();
            for n in doc.descendants().filter_map(|n| n.attribute("id")) {
                assert!(ids.insert(n.to_string()), "duplicate id {n}");
            }
        }
    }

    #[test]
    fn vertical_orientation_orders_by_y() {
        let opts = Options {
            orientation: Orientation::TopToBottom,
            lanes: Lanes::Actor,
            ..Default::default()
        };
        let t = Timeline::build(seeds(), vec![], &opts);
        let evs = svg_events(&t.to_svg());
        let mut dated: Vec<(NaiveDate, f64)> = evs
            .iter()
            .filter(|e| e.1 != "undated")
            .map(|e| (e.1.parse().unwrap(), e.3))
            .collect();
        dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for w in dated.windows(2) {
            if w[0].0 < w[1].0 {
                assert!(w[0].1 < w[1].1);
            }
        }
    }

    #[test]
    fn hostile_labels_are_escaped_in_svg() {
        for lanes in [Lanes::None, Lanes::Actor, Lanes::Kind] {
            let opts = Options {
                lanes,
                title: Some("T <&> \"".into()),
                ..Default::default()
            };
            let t = Timeline::build(
                hostile(),
                vec![Relation {
                    from: "http://example.org/event/x\"<&>".into(),
                    to: "http://example.org/event/y\\".into(),
                    kind: "a<b".into(),
                }],
                &opts,
            );
            let svg = t.to_svg();
            let doc = roxmltree::Document::parse(&svg).expect("hostile SVG parses");
            assert!(!svg.contains("javascript:"));
            assert!(!svg.contains('\u{7}'));
            let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
            assert!(texts.contains("Bad \"quote\""), "text round-trips");
            assert!(texts.contains("<script>") || texts.contains("<b>&amp;"));
            assert!(doc
                .descendants()
                .all(|n| n.tag_name().name() != "script" && n.tag_name().name() != "b"));
            let hrefs: Vec<&str> = doc
                .descendants()
                .filter_map(|n| n.attribute("href"))
                .collect();
            assert!(hrefs.contains(&"https://e.com/?q=\"x\"&a=<b>\\"));
        }
    }

    #[test]
    fn consultation_has_its_own_colour() {
        let day = Some(NaiveDate::from_ymd_opt(2006, 5, 1).unwrap());
        let t = Timeline::build(
            vec![ev("c", "Consultation", &["A", "B"], day, day, "Occurred")],
            vec![],
            &Options::default(),
        );
        let svg = t.to_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let glyph = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("glyph"))
            .unwrap();
        assert_eq!(glyph.attribute("stroke"), Some("#A0CBE8"));
        assert!(svg.contains(">A – B consultation<"));
    }

    #[test]
    fn empty_and_all_undated() {
        let t = Timeline::build(vec![], vec![], &Options::default());
        roxmltree::Document::parse(&t.to_svg()).unwrap();
        graphviz_rust::parse(&t.to_dot()).unwrap();
        let t = Timeline::build(
            vec![ev("u", "Meeting", &["A"], None, None, "Possible")],
            vec![],
            &Options::default(),
        );
        let evs = svg_events(&t.to_svg());
        assert_eq!(evs[0].4, "Undated");
        graphviz_rust::parse(&t.to_dot()).unwrap();
    }
}
