//! Timelines people want to look at.
//!
//! A list of [`TimelineEvent`]s (read from the store by [`load`], or made
//! by the caller) plus event-to-event [`Relation`]s become a [`Timeline`]
//! model, which is drawn two ways. The stages, one module each:
//!
//! * `model`: the types, and [`filter`];
//! * `build`: [`Timeline::build`] sorts, folds (`fold`), makes the drawn
//!   items, assigns lanes, sizes the compressed time axis (`axis`) and keeps
//!   the relations worth drawing (`relations`, a petgraph transitive
//!   reduction);
//! * `label`, `style` and `escape`: the words, the colours and shapes (an
//!   exhaustive match on [`EventKind`](crate::model::EventKind) and
//!   [`Status`](crate::model::Status)), and escaping for every output
//!   syntax;
//! * `dot`: [`Timeline::to_dot`], Graphviz DOT through `graphviz-rust`;
//!   `graphviz`: [`render_with_dot`] runs the `dot` executable when it is
//!   installed;
//! * `svg`: [`Timeline::to_svg`] draws the same picture in pure Rust, layer
//!   by layer.
//!
//! The time axis is split into segments wherever a long stretch has no
//! events; each segment gets its own tick unit (day, week, month or year)
//! and the gaps are drawn as a zig-zag break with their length ("7 months").
//! Undated events get a lane of their own, labelled "Undated"; they are
//! never placed on a made-up date.
//!
//! Past [`Options::fold_threshold`] events, events of the same kind, date
//! window and actors are folded into one node ("Russia → Ukraine attack ×7"),
//! then coarser clusters as needed. [`Timeline::folded`] lists every folded
//! node and [`Timeline::notes`] (also drawn under the title) says how far
//! folding went.
//!
//! An event with several actors, with [`Lanes::Actor`], is drawn in its
//! initiator's lane with a dotted connector to a small marker in each other
//! actor's lane (SVG), or repeated in each lane (DOT: edges between clusters
//! in the same rank make dot fail). For the same reason a relation between
//! two events of the same time slot in different lanes is drawn only in the
//! SVG.
//!
//! Output is deterministic: events are sorted by date, then kind, then id.

mod axis;
mod build;
mod dot;
mod escape;

pub(crate) use escape::html_escape;
mod fold;
mod graphviz;
mod label;
#[cfg(feature = "store")]
mod load;
mod model;
mod relations;
mod style;
mod svg;
mod synthetic;

#[cfg(test)]
mod fixtures;

pub use axis::Unit;
pub use graphviz::{render_timeline, render_with_dot, Rendered, TimelineError};
#[cfg(feature = "store")]
pub use load::load;
pub use model::{
    filter, Filter, FoldNote, Lanes, Options, Orientation, Relation, Source, Timeline,
    TimelineEvent,
};
#[doc(hidden)]
pub use synthetic::synthetic_events;
