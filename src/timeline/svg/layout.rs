//! Where every glyph goes, in abstract coordinates: `t` along the time axis
//! (from the compressed axis) and a track within the lane, packed greedily
//! so that labels never overlap. Undated items are packed in reading order
//! in a lane of their own.

use super::super::escape::clean_url;
use super::super::label::{text_width, FONT, MARK};
use super::super::model::{Item, Orientation, Timeline};

/// Height of a track in a horizontal timeline, px.
pub(super) const ROW: f64 = 24.0;
/// Padding inside a lane, px.
pub(super) const LANE_PAD: f64 = 8.0;
/// Width of a track (column) in a vertical timeline, px.
pub(super) const COL_W: f64 = 250.0;
/// Space between neighbours on a track, px.
const GAP: f64 = 10.0;

/// Placement of one drawn glyph.
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    pub(super) lane: usize,
    pub(super) track: usize,
    pub(super) t_mark: f64,
    pub(super) t_bar: Option<(f64, f64)>,
}

/// First-fit tracks: each remembers where its last occupant ends.
struct Packer {
    ends: Vec<f64>,
}

impl Packer {
    fn place(&mut self, start: f64, end: f64) -> usize {
        for (i, e) in self.ends.iter_mut().enumerate() {
            if *e <= start {
                *e = end;
                return i;
            }
        }
        self.ends.push(end);
        self.ends.len() - 1
    }
}

pub(super) struct SvgLayout {
    /// Per item: primary placement.
    pub(super) main: Vec<Option<Place>>,
    /// Per item: echo placements in other lanes.
    pub(super) echoes: Vec<Vec<Place>>,
    /// Cross offset of each lane's start and its size.
    pub(super) lane_c: Vec<(f64, f64)>,
    pub(super) undated_lane: Option<usize>,
    pub(super) time_len: f64,
}

/// At most this many source links follow a label.
pub(super) fn max_links(it: &Item) -> usize {
    if it.count > 1 {
        1
    } else {
        3
    }
}

impl Timeline {
    pub(super) fn layout(&self) -> SvgLayout {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let undated_lane = self.undated_lane_index();
        let total_lanes = self.lanes.len() + usize::from(undated_lane.is_some());
        let mut packers: Vec<Packer> = (0..total_lanes)
            .map(|_| Packer { ends: Vec::new() })
            .collect();
        let mut main = vec![None; self.items.len()];
        let mut echoes = vec![Vec::new(); self.items.len()];
        let mut time_len = self.axis.len.max(if horiz { 480.0 } else { 360.0 });
        self.place_dated(&mut packers, &mut main, &mut echoes);
        if let Some(ul) = undated_lane {
            self.place_undated(&mut packers[ul], ul, &mut main, time_len);
        }
        let tracks: Vec<usize> = packers.iter().map(|p| p.ends.len().max(1)).collect();
        let lane_c = lane_offsets(&tracks, undated_lane, horiz);
        if !horiz && undated_lane.is_some() {
            let n = self.items.iter().filter(|i| i.dated().is_none()).count();
            time_len = time_len.max(n as f64 * ROW + 20.0);
        }
        SvgLayout {
            main,
            echoes,
            lane_c,
            undated_lane,
            time_len,
        }
    }

    /// Dated items at their date, on the first free track of their lane,
    /// with an echo in each of their other lanes.
    fn place_dated(
        &self,
        packers: &mut [Packer],
        main: &mut [Option<Place>],
        echoes: &mut [Vec<Place>],
    ) {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        for (i, it) in self.items.iter().enumerate() {
            let Some((e, l)) = it.dated() else { continue };
            let t0 = self.axis.pos(e, false);
            let t1 = self.axis.pos(l, true);
            let bar = (e != l && t1 - t0 >= MARK).then_some((t0, t1));
            // The glyph sits on the middle of the first day, so glyph
            // positions grow strictly with the date at every tick unit.
            let t_mark = (t0 + self.axis.pos(e, true)) / 2.0;
            let extent_end = if horiz {
                (t_mark + MARK / 2.0 + 4.0 + self.label_width(it)).max(t1)
            } else {
                (t_mark + ROW / 2.0).max(t1)
            };
            let start = (t_mark - MARK / 2.0).min(t0);
            let lane = it.lanes.first().copied().unwrap_or(0);
            let track = packers[lane].place(start, extent_end + GAP);
            main[i] = Some(Place {
                lane,
                track,
                t_mark,
                t_bar: bar,
            });
            for &other in it.lanes.iter().skip(1) {
                // Vertical: the connector runs across the lanes, so it is
                // moved just below the label line.
                let t_echo = if horiz { t_mark } else { t_mark + MARK * 0.75 };
                let track = packers[other].place(t_echo - MARK, t_echo + MARK);
                echoes[i].push(Place {
                    lane: other,
                    track,
                    t_mark: t_echo,
                    t_bar: None,
                });
            }
        }
    }

    /// Undated items packed in reading order, not on the time axis: rows
    /// of the timeline's length (horizontal) or one column (vertical).
    fn place_undated(
        &self,
        packer: &mut Packer,
        lane: usize,
        main: &mut [Option<Place>],
        time_len: f64,
    ) {
        let horiz = self.opts.orientation == Orientation::LeftToRight;
        let mut cursor = 0.0;
        let mut track = 0;
        for (i, it) in self.items.iter().enumerate() {
            if it.dated().is_some() {
                continue;
            }
            let w = if horiz {
                MARK + 4.0 + self.label_width(it) + 2.0 * GAP
            } else {
                ROW
            };
            let limit = if horiz { time_len } else { f64::MAX };
            if cursor > 0.0 && cursor + w > limit {
                track += 1;
                cursor = 0.0;
            }
            if !horiz {
                track = 0;
            }
            main[i] = Some(Place {
                lane,
                track,
                t_mark: cursor + MARK / 2.0 + GAP,
                t_bar: None,
            });
            cursor += w;
            packer.ends.resize(track + 1, 0.0);
        }
    }

    /// The label and its source links.
    pub(super) fn label_width(&self, it: &Item) -> f64 {
        let links = it
            .sources
            .iter()
            .filter(|s| s.url.as_deref().and_then(clean_url).is_some())
            .count()
            .min(max_links(it));
        text_width(&it.label, FONT) + links as f64 * 12.0
    }
}

/// Each lane's cross offset and size from its number of tracks.
fn lane_offsets(tracks: &[usize], undated_lane: Option<usize>, horiz: bool) -> Vec<(f64, f64)> {
    let track_size = if horiz { ROW } else { COL_W };
    let mut lane_c = Vec::new();
    let mut c = 0.0;
    for (li, &n) in tracks.iter().enumerate() {
        let mut size = n as f64 * track_size + 2.0 * LANE_PAD;
        if Some(li) == undated_lane {
            size += if horiz { 8.0 } else { 0.0 };
        }
        lane_c.push((c, size));
        c += size;
    }
    lane_c
}
