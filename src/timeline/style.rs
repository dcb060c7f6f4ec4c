//! How each kind and status is drawn: colour, SVG glyph and Graphviz shape
//! per [`EventKind`], line style and greying per [`Status`].
//!
//! The tables are exhaustive `match`es rather than data files or arrays: a
//! kind added to the model does not compile until it has a style here, while
//! a table keyed by name would draw it in a silent grey (as `Consultation`
//! once was) and an array indexed by kind would have to follow the enum's
//! order by hand.

use crate::model::{EventKind, Status};

use super::model::ItemStatus;

/// SVG marker shapes (drawn by `svg::glyph`).
#[derive(Clone, Copy, Debug)]
pub(super) enum Glyph {
    Circle,
    Square,
    Diamond,
    TriUp,
    TriDown,
    Hexagon,
    Octagon,
    Pentagon,
    Star,
    House,
    Parallelogram,
    Trapezium,
    DoubleCircle,
    Cross,
    Note,
    Ellipse,
}

pub(super) struct KindStyle {
    pub(super) color: &'static str,
    pub(super) glyph: Glyph,
    /// Graphviz node shape.
    pub(super) dot_shape: &'static str,
    /// Graphviz corners rounded (the node, not the legend sample).
    pub(super) rounded: bool,
}

pub(super) fn kind_style(kind: EventKind) -> KindStyle {
    let (color, glyph, dot_shape) = match kind {
        // The generic "talks": a paler blue beside the phone call's.
        EventKind::Consultation => ("#A0CBE8", Glyph::Ellipse, "ellipse"),
        EventKind::PhoneCall => ("#4E79A7", Glyph::Circle, "ellipse"),
        EventKind::Meeting => ("#59A14F", Glyph::Square, "box"),
        EventKind::Summit => ("#2F7F3A", Glyph::Star, "doubleoctagon"),
        EventKind::Visit => ("#76B7B2", Glyph::House, "house"),
        EventKind::Negotiation => ("#3A8FB7", Glyph::Hexagon, "hexagon"),
        EventKind::Attack => ("#D62728", Glyph::TriUp, "rarrow"),
        EventKind::Pledge => ("#F28E2B", Glyph::Diamond, "tab"),
        EventKind::Threat => ("#B07AA1", Glyph::TriDown, "invhouse"),
        EventKind::Statement => ("#9C755F", Glyph::Note, "note"),
        EventKind::Request => ("#C9A800", Glyph::Parallelogram, "parallelogram"),
        EventKind::Aid => ("#6BBF59", Glyph::Cross, "cds"),
        EventKind::Sanction => ("#8C564B", Glyph::Octagon, "octagon"),
        EventKind::Agreement => ("#17BECF", Glyph::DoubleCircle, "folder"),
        EventKind::Ceasefire => ("#86BCB6", Glyph::Pentagon, "septagon"),
        EventKind::Accusation => ("#E377C2", Glyph::Trapezium, "trapezium"),
    };
    KindStyle {
        color,
        glyph,
        dot_shape,
        rounded: matches!(kind, EventKind::Meeting | EventKind::Statement),
    }
}

/// Whether a label joins the first two actors with an arrow ("Russia →
/// Ukraine attack") rather than a dash ("Trump – Putin phone call").
pub(super) fn directed(kind: EventKind) -> bool {
    match kind {
        EventKind::Attack
        | EventKind::Threat
        | EventKind::Accusation
        | EventKind::Request
        | EventKind::Aid
        | EventKind::Sanction
        | EventKind::Visit
        | EventKind::Pledge
        | EventKind::Statement => true,
        // A ceasefire is drawn as mutual although the model calls it
        // asymmetric (`EventKind::symmetric`).
        EventKind::Consultation
        | EventKind::PhoneCall
        | EventKind::Meeting
        | EventKind::Summit
        | EventKind::Negotiation
        | EventKind::Agreement
        | EventKind::Ceasefire => false,
    }
}

/// How a node's outline says how sure the sources are.
pub(super) struct StatusStyle {
    /// SVG `stroke-dasharray`.
    pub(super) dash: Option<&'static str>,
    /// Graphviz line style.
    pub(super) dot_line: Option<&'static str>,
    /// Drawn grey: not known to have happened.
    pub(super) grey: bool,
    /// Crossed out.
    pub(super) struck: bool,
    /// The SVG legend's words.
    pub(super) legend: &'static str,
}

pub(super) fn status_style(status: ItemStatus) -> StatusStyle {
    let plain = StatusStyle {
        dash: None,
        dot_line: None,
        grey: false,
        struck: false,
        legend: "",
    };
    match status {
        ItemStatus::One(Status::Occurred) => StatusStyle {
            legend: "Occurred (solid)",
            ..plain
        },
        ItemStatus::One(Status::Planned) => StatusStyle {
            dash: Some("5,3"),
            dot_line: Some("dashed"),
            legend: "Planned (dashed)",
            ..plain
        },
        ItemStatus::One(Status::Claimed) => StatusStyle {
            dash: Some("1.5,2.5"),
            dot_line: Some("dotted"),
            legend: "Claimed (dotted)",
            ..plain
        },
        ItemStatus::One(Status::Possible) => StatusStyle {
            grey: true,
            legend: "Possible (grey)",
            ..plain
        },
        ItemStatus::One(Status::Negated) => StatusStyle {
            grey: true,
            struck: true,
            legend: "Negated (crossed out)",
            ..plain
        },
        ItemStatus::Mixed => StatusStyle {
            legend: "Folded, mixed statuses",
            ..plain
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_colour() {
        let colours: std::collections::BTreeSet<&str> = EventKind::ALL
            .into_iter()
            .map(|k| kind_style(k).color)
            .collect();
        assert_eq!(colours.len(), EventKind::ALL.len());
        assert!(!colours.contains("#7F7F7F"), "no kind in the old grey");
    }

    #[test]
    fn only_unsure_statuses_are_dashed_or_grey() {
        for s in Status::ALL {
            let st = status_style(ItemStatus::One(s));
            assert_eq!(st.dash.is_some(), st.dot_line.is_some(), "{s:?}");
            assert!(!(st.grey && st.dash.is_some()), "{s:?}");
            assert!(st.legend.starts_with(s.name()));
        }
        let occurred = status_style(ItemStatus::One(Status::Occurred));
        assert!(occurred.dash.is_none() && !occurred.grey && !occurred.struck);
    }
}
