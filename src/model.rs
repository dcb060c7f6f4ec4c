//! The plain data that flows between the pipeline's stages: articles are read
//! into [`crate::article::Article`], extraction turns each into an
//! [`ArticleExtraction`] of [`Mention`]s, the RDF mapping writes those, and the
//! merge stage folds mentions of one real event into one event node.

use chrono::NaiveDate;
use serde::Serialize;

/// Event kinds. The names are the local names of the ontology classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EventKind {
    /// "talked with", "discussed": some consultation whose form the text leaves open.
    Consultation,
    PhoneCall,
    Meeting,
    Summit,
    Visit,
    Negotiation,
    Attack,
    Pledge,
    Threat,
    Statement,
    Request,
    Aid,
    Sanction,
    Agreement,
    Ceasefire,
    Accusation,
}

impl EventKind {
    pub const ALL: [EventKind; 16] = [
        EventKind::Consultation,
        EventKind::PhoneCall,
        EventKind::Meeting,
        EventKind::Summit,
        EventKind::Visit,
        EventKind::Negotiation,
        EventKind::Attack,
        EventKind::Pledge,
        EventKind::Threat,
        EventKind::Statement,
        EventKind::Request,
        EventKind::Aid,
        EventKind::Sanction,
        EventKind::Agreement,
        EventKind::Ceasefire,
        EventKind::Accusation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Consultation => "Consultation",
            EventKind::PhoneCall => "PhoneCall",
            EventKind::Meeting => "Meeting",
            EventKind::Summit => "Summit",
            EventKind::Visit => "Visit",
            EventKind::Negotiation => "Negotiation",
            EventKind::Attack => "Attack",
            EventKind::Pledge => "Pledge",
            EventKind::Threat => "Threat",
            EventKind::Statement => "Statement",
            EventKind::Request => "Request",
            EventKind::Aid => "Aid",
            EventKind::Sanction => "Sanction",
            EventKind::Agreement => "Agreement",
            EventKind::Ceasefire => "Ceasefire",
            EventKind::Accusation => "Accusation",
        }
    }

    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// Human words for labels ("phone call").
    pub fn noun(self) -> &'static str {
        match self {
            EventKind::Consultation => "talks",
            EventKind::PhoneCall => "phone call",
            EventKind::Meeting => "meeting",
            EventKind::Summit => "summit",
            EventKind::Visit => "visit",
            EventKind::Negotiation => "negotiations",
            EventKind::Attack => "attack",
            EventKind::Pledge => "pledge",
            EventKind::Threat => "threat",
            EventKind::Statement => "statement",
            EventKind::Request => "request",
            EventKind::Aid => "aid",
            EventKind::Sanction => "sanctions",
            EventKind::Agreement => "agreement",
            EventKind::Ceasefire => "ceasefire",
            EventKind::Accusation => "accusation",
        }
    }

    /// Kinds in one family may describe the same real event in other words;
    /// kinds of different families never do. Used to block merging.
    pub fn family(self) -> &'static str {
        match self {
            EventKind::Consultation
            | EventKind::PhoneCall
            | EventKind::Meeting
            | EventKind::Summit
            | EventKind::Visit
            | EventKind::Negotiation => "consult",
            EventKind::Agreement | EventKind::Ceasefire => "agree",
            other => other.name(),
        }
    }

    /// Symmetric kinds have participants but no natural initiator/target.
    pub fn symmetric(self) -> bool {
        self.family() == "consult" && self != EventKind::Visit || self == EventKind::Agreement
    }

    /// Speech acts: the event is the utterance, so "X said Y pledged" is
    /// Y's pledge claimed by X, while "X said X would" is X's pledge.
    pub fn speech_act(self) -> bool {
        matches!(
            self,
            EventKind::Pledge
                | EventKind::Threat
                | EventKind::Statement
                | EventKind::Request
                | EventKind::Accusation
        )
    }

    /// How specific a kind is, for choosing the kind of a merged event.
    pub fn specificity(self) -> u8 {
        match self {
            EventKind::Consultation => 0,
            EventKind::Negotiation | EventKind::Meeting | EventKind::Agreement => 1,
            _ => 2,
        }
    }

    /// Whether mentions of kinds `self` and `other` may describe one event.
    pub fn compatible(self, other: EventKind) -> bool {
        use EventKind::*;
        if self == other {
            return true;
        }
        let pair = |a, b| (self == a && other == b) || (self == b && other == a);
        pair(Consultation, PhoneCall)
            || pair(Consultation, Meeting)
            || pair(Consultation, Summit)
            || pair(Consultation, Visit)
            || pair(Consultation, Negotiation)
            || pair(Meeting, Summit)
            || pair(Meeting, Visit)
            || pair(Meeting, Negotiation)
            || pair(Summit, Visit)
            || pair(Agreement, Ceasefire)
    }
}

/// What the article says of the event's reality, as of its publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Status {
    Occurred,
    Planned,
    Claimed,
    Possible,
    Negated,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Occurred,
        Status::Planned,
        Status::Claimed,
        Status::Possible,
        Status::Negated,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Status::Occurred => "Occurred",
            Status::Planned => "Planned",
            Status::Claimed => "Claimed",
            Status::Possible => "Possible",
            Status::Negated => "Negated",
        }
    }
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
    /// Among reports of the same day, the more definite one wins.
    pub fn definiteness(self) -> u8 {
        match self {
            Status::Occurred => 4,
            Status::Negated => 3,
            Status::Planned => 2,
            Status::Claimed => 1,
            Status::Possible => 0,
        }
    }
}

/// How a date window was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DateMethod {
    Explicit,
    RelativeToPublication,
    RelativeToDate,
    /// No telling dates the event: the day of its first report
    /// (`merge::story_day` for merged events; at extraction, a one-party
    /// speech act whose only day was its content's, a lead's report told in
    /// the present and a lead's one-party act, `assemble::speech`).
    PublicationFallback,
}

/// An inclusive calendar window with the TIMEX3 value it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DateWindow {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub value: String,
    pub granularity: String,
    pub method: DateMethod,
    /// The expression as written ("on Thursday").
    pub text: String,
}

impl DateWindow {
    /// The day a story was published, standing for a date its text does not
    /// give (`DateMethod::PublicationFallback`).
    pub fn story_day(day: NaiveDate) -> DateWindow {
        DateWindow {
            earliest: day,
            latest: day,
            value: day.format("%Y-%m-%d").to_string(),
            granularity: "Day".into(),
            method: DateMethod::PublicationFallback,
            text: String::new(),
        }
    }
    pub fn overlaps(&self, other: &DateWindow) -> bool {
        self.earliest <= other.latest && other.earliest <= self.latest
    }
    pub fn days(&self) -> i64 {
        (self.latest - self.earliest).num_days() + 1
    }
}

/// What kind of thing an actor or place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    Person,
    Country,
    Organisation,
    ArmedGroup,
    City,
    Region,
    Building,
    Group,
}

impl EntityType {
    pub fn class_name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::Organisation => "Organisation",
            EntityType::ArmedGroup => "ArmedGroup",
            EntityType::City => "City",
            EntityType::Region => "Region",
            EntityType::Building => "Building",
            EntityType::Group => "Actor",
        }
    }
    /// The type whose [`class_name`](Self::class_name) this is (every
    /// variant, in the enum's order).
    pub fn from_class_name(name: &str) -> Option<EntityType> {
        use EntityType::*;
        [
            Person,
            Country,
            Organisation,
            ArmedGroup,
            City,
            Region,
            Building,
            Group,
        ]
        .into_iter()
        .find(|t| t.class_name() == name)
    }
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityType::Country | EntityType::City | EntityType::Region | EntityType::Building
        )
    }
}

/// A resolved actor or place: a gazetteer entity or one minted from the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    pub iri: String,
    pub label: String,
    pub etype: EntityType,
    pub qid: Option<String>,
    /// The country or organisation the entity acts for at the article's date
    /// (a leader's country, a capital's country); used to block merging.
    pub anchor: String,
    /// True for heads of state or government at the article's date.
    pub leader: bool,
    /// The place this one lies in, when the gazetteer says
    /// (the Oval Office is in the White House).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located_in: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Role {
    Initiator,
    Target,
    Participant,
}

/// Where in the article a mention was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// UTF-8 byte offsets of the trigger in the article text.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub sentence: String,
    pub sentence_start: usize,
}

impl Evidence {
    /// The sentence before the trigger ("" when the offsets do not fall
    /// inside it).
    pub fn before_trigger(&self) -> &str {
        self.start
            .checked_sub(self.sentence_start)
            .and_then(|n| self.sentence.get(..n))
            .unwrap_or("")
    }

    /// The sentence after the trigger ("" when the offsets do not fall
    /// inside it).
    pub fn after_trigger(&self) -> &str {
        self.end
            .checked_sub(self.sentence_start)
            .and_then(|n| self.sentence.get(n..))
            .unwrap_or("")
    }
}

/// One event as told by one article (after merging the article's own
/// repeated mentions of it).
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub kind: EventKind,
    pub actors: Vec<(Role, EntityRef)>,
    pub date: Option<DateWindow>,
    pub place: Option<EntityRef>,
    pub status: Status,
    pub claimed_by: Option<EntityRef>,
    pub attack_mode: Option<String>,
    /// Content words of the clause ("end", "war"): tells two pledges apart.
    pub topic: Vec<String>,
    /// Undated, though its sentence states a time ("in the August 15, 1975
    /// putsch", "four days after the raid"): the event has a time of its
    /// own the extractor did not attach, so its report's day is no
    /// fallback for it (`merge::story_day`).
    pub time_not_taken: bool,
    pub evidence: Vec<Evidence>,
}

impl Mention {
    /// Country- or organisation-level actors, sorted: the merge block. A
    /// generic group ("a team of advisers", "militants") says little of
    /// who acts and counts only when nothing else does.
    pub fn anchors(&self) -> Vec<String> {
        let named: Vec<&EntityRef> = self
            .actors
            .iter()
            .map(|(_, e)| e)
            .filter(|e| e.etype != EntityType::Group || e.anchor != e.iri)
            .collect();
        let pick: Vec<&EntityRef> = if named.is_empty() {
            self.actors.iter().map(|(_, e)| e).collect()
        } else {
            named
        };
        let mut a: Vec<String> = pick.iter().map(|e| e.anchor.clone()).collect();
        a.sort();
        a.dedup();
        a
    }

    /// The parties of the event: see [`parties_of`].
    pub fn parties(&self) -> usize {
        parties_of(&self.actors)
    }
    pub fn persons(&self) -> Vec<&str> {
        self.actors_of(EntityType::Person, |e| e.iri.as_str())
    }
    /// The organisations among the actors: the body a summit is of ("the
    /// APEC leaders' meeting"), which each article tells from its own
    /// leader's side.
    pub fn bodies(&self) -> Vec<&str> {
        self.actors_of(EntityType::Organisation, |e| e.anchor.as_str())
    }
    /// What `field` gives of the actors of one type, sorted and distinct.
    fn actors_of(&self, etype: EntityType, field: fn(&EntityRef) -> &str) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .actors
            .iter()
            .filter(|(_, e)| e.etype == etype)
            .map(|(_, e)| field(e))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The store merges mentions within one block: those of one kind family
    /// and the same country-level actors, or the summits of one body (the
    /// Hanoi APEC summit as Hu Jintao's and as Bush's).
    pub fn block_key(&self) -> String {
        let bodies = self.bodies();
        if self.kind == EventKind::Summit && !bodies.is_empty() {
            return format!("{}|summit of|{}", self.kind.family(), bodies.join("|"));
        }
        format!("{}|{}", self.kind.family(), self.anchors().join("|"))
    }
}

/// Where the reference date of an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleDates {
    /// The publication date (header, JSON field, --date or the text).
    pub published: Option<NaiveDate>,
    /// The date deictic expressions ("today", "on Thursday") refer to.
    pub reference: Option<NaiveDate>,
    pub method: String,
}

/// How one event relates to another. The names are the local names of the
/// ontology properties; the subject comes first ("the call is `AheadOf`
/// the meeting").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RelationKind {
    /// The subject ends before the object begins (from dates).
    Before,
    /// The subject comes next after the object ("after", "following").
    Follows,
    /// The subject happens shortly before, in view of, the object.
    AheadOf,
    /// The subject reacts to the object ("in retaliation for").
    InResponseTo,
    /// The subject (a plan, a pledge, an agreement) was agreed during the object.
    AgreedDuring,
    /// The subject is an episode of the object ("on the sidelines of").
    PartOf,
}

impl RelationKind {
    pub const ALL: [RelationKind; 6] = [
        RelationKind::Before,
        RelationKind::Follows,
        RelationKind::AheadOf,
        RelationKind::InResponseTo,
        RelationKind::AgreedDuring,
        RelationKind::PartOf,
    ];
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Before => "before",
            RelationKind::Follows => "follows",
            RelationKind::AheadOf => "aheadOf",
            RelationKind::InResponseTo => "inResponseTo",
            RelationKind::AgreedDuring => "agreedDuring",
            RelationKind::PartOf => "partOf",
        }
    }
    /// Whether the relation orders its events in time, and which way:
    /// `Some(true)` when the subject comes first, `Some(false)` when the
    /// object does, `None` for containment.
    pub fn subject_first(self) -> Option<bool> {
        match self {
            RelationKind::Before | RelationKind::AheadOf => Some(true),
            RelationKind::Follows | RelationKind::InResponseTo | RelationKind::AgreedDuring => {
                Some(false)
            }
            RelationKind::PartOf => None,
        }
    }
    /// Relations read from the text outrank those inferred from dates.
    pub fn from_text(self) -> bool {
        self != RelationKind::Before
    }
}

/// A relation between two mentions of one article (indices into
/// [`ArticleExtraction::mentions`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MentionRelation {
    pub from: usize,
    pub kind: RelationKind,
    pub to: usize,
    /// The words that say so ("ahead of"), or "dates".
    pub cue: String,
}

/// Everything extraction learned from one article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleExtraction {
    pub dates: ArticleDates,
    pub mentions: Vec<Mention>,
    pub relations: Vec<MentionRelation>,
}

/// How many parties `actors` name: the actors, less a country named only
/// as the state one of its people acts for.
pub(crate) fn parties_of(actors: &[(Role, EntityRef)]) -> usize {
    actors
        .iter()
        .filter(|(_, e)| {
            !actors
                .iter()
                .any(|(_, p)| p.iri != e.iri && p.anchor == e.iri)
        })
        .count()
}
