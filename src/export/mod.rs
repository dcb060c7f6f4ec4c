//! Exports of the merged events for the field's tools, beside the RDF
//! serialisations the store writes itself: PLOVER JSON Lines (event-data
//! users), QuickStatements V1 (Wikidata editors) and CSV (spreadsheets).
//!
//! `load` reads the events out of the store into [`ExportEvent`]s (plain
//! data, with the PLOVER type each kind is matched to in the ontology);
//! each format is a pure writer of those, tested without a store.

#[cfg(feature = "store")]
mod load;
mod plover;
mod quickstatements;
mod table;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{EventKind, Status};

#[cfg(feature = "store")]
pub use load::load;
pub use plover::write_plover;
pub use quickstatements::write_quickstatements;
pub use table::write_csv;

/// How an actor takes part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Initiator,
    Participant,
    Target,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Initiator => "initiator",
            Role::Participant => "participant",
            Role::Target => "target",
        }
    }
}

/// An actor of an event, with what the gazetteer knows of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub label: String,
    /// Wikidata QID (`Q22686`), when the actor is linked.
    pub qid: Option<String>,
    /// The country it is or acts for, when known.
    pub country: Option<Entity>,
}

/// Something named and perhaps linked: a place, a country.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entity {
    pub label: String,
    pub qid: Option<String>,
}

/// An article that reports the event.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Story {
    /// The article's id (file name or JSON id).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// The PLOVER coding of an event kind, from the ontology's alignment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PloverType {
    /// PLOVER event type (`CONSULT`, `ASSAULT`, ...).
    pub event: String,
    /// PLOVER mode (`phone`, `visit`, ...), empty when none.
    pub mode: String,
    /// PLOVER context (`diplomatic`, ...), empty when none.
    pub context: String,
}

/// One merged event, as the exports see it.
#[derive(Debug, Clone)]
pub struct ExportEvent {
    /// The event's IRI.
    pub id: String,
    pub kind: EventKind,
    pub status: Status,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// The dates are the day of the event's first report, not a date a
    /// text gives (`evl:PublicationDateFallback`).
    pub dated_by_report: bool,
    /// Actors with their roles, initiators first.
    pub actors: Vec<(Role, Actor)>,
    pub place: Option<Entity>,
    /// The place's country, when the gazetteer knows it.
    pub place_country: Option<Entity>,
    pub stories: Vec<Story>,
    /// Evidence sentences, one per mention, distinct.
    pub sentences: Vec<String>,
    /// `None` for kinds PLOVER has no type for (statements).
    pub plover: Option<PloverType>,
}

/// What every export states about itself.
#[derive(Debug, Clone)]
pub struct ExportContext {
    /// The day of the export: PLOVER's `dateCoded`, QuickStatements'
    /// "retrieved" (S813); eventline keeps no clock time in its graph.
    pub today: NaiveDate,
}

/// What an export wrote and what it left out, for the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    /// Events left out, with the reason, counted.
    pub skipped: Vec<(String, usize)>,
}

impl Written {
    fn skip(&mut self, why: &str) {
        match self.skipped.iter_mut().find(|(w, _)| w == why) {
            Some((_, n)) => *n += 1,
            None => self.skipped.push((why.to_string(), 1)),
        }
    }
}

/// One line of free text: no control characters, runs of spaces joined.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// Two events: a dated phone call between linked leaders, and an
    /// undated claimed attack by an unlinked actor with a hostile label.
    pub(crate) fn events() -> Vec<ExportEvent> {
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        let us = Entity {
            label: "United States".into(),
            qid: Some("Q30".into()),
        };
        vec![
            ExportEvent {
                id: "https://w3id.org/eventline/id/event/abc".into(),
                kind: EventKind::PhoneCall,
                status: Status::Occurred,
                earliest: d("2025-10-16"),
                latest: d("2025-10-16"),
                dated_by_report: false,
                actors: vec![
                    (
                        Role::Initiator,
                        Actor {
                            label: "Donald Trump".into(),
                            qid: Some("Q22686".into()),
                            country: Some(us.clone()),
                        },
                    ),
                    (
                        Role::Target,
                        Actor {
                            label: "Vladimir Putin".into(),
                            qid: Some("Q7747".into()),
                            country: Some(Entity {
                                label: "Russia".into(),
                                qid: Some("Q159".into()),
                            }),
                        },
                    ),
                ],
                place: None,
                place_country: None,
                stories: vec![Story {
                    id: "a.txt".into(),
                    url: Some("https://news.example/2025/10/17/call".into()),
                    title: Some("Trump, Putin speak".into()),
                    published: d("2025-10-17"),
                }],
                sentences: vec!["Trump spoke by phone with Putin on Thursday.".into()],
                plover: Some(PloverType {
                    event: "CONSULT".into(),
                    mode: "phone".into(),
                    context: String::new(),
                }),
            },
            ExportEvent {
                id: "https://w3id.org/eventline/id/event/def".into(),
                kind: EventKind::Attack,
                status: Status::Claimed,
                earliest: d("2025-10-01"),
                latest: d("2025-10-31"),
                dated_by_report: false,
                actors: vec![(
                    Role::Initiator,
                    Actor {
                        label: "Evil \"Group\",\t<b>\n; DROP".into(),
                        qid: None,
                        country: None,
                    },
                )],
                place: Some(Entity {
                    label: "Kyiv".into(),
                    qid: Some("Q1899".into()),
                }),
                place_country: Some(Entity {
                    label: "Ukraine".into(),
                    qid: Some("Q212".into()),
                }),
                stories: vec![Story {
                    id: "b\"\n.txt".into(),
                    url: None,
                    title: Some("Line\nbreak, \"quoted\"".into()),
                    published: None,
                }],
                sentences: vec!["A \"quote\",\nwith a break.".into()],
                plover: Some(PloverType {
                    event: "ASSAULT".into(),
                    mode: String::new(),
                    context: String::new(),
                }),
            },
        ]
    }
}
