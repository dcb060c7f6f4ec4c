//! Event triggers: verbs, nominalisations and light-verb phrases per event
//! kind, as data. Each word slot lists its inflections (`|`), so matching is
//! a lookup on the lower-cased token with no stemmer to get wrong.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::EventKind;
use EventKind::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

/// What must be near a trigger for it to count ("launched" only with
/// weapons, "provided" only with aid).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// One of these words within the next few tokens.
    After(&'static [&'static str]),
    /// A light verb of completion nearby ("signed a deal", "reached an agreement").
    Completion,
    /// No other trigger right after: "agreed to meet" is the meeting, not a pledge.
    NoTriggerAfter,
}

#[derive(Debug, Clone, Copy)]
pub struct TriggerRule {
    pub words: &'static [&'static str],
    pub kind: EventKind,
    pub pos: Pos,
    pub mode: Option<&'static str>,
    pub needs: Needs,
}

const WEAPONS: &[&str] = &[
    "drone",
    "drones",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "shells",
    "artillery",
    "mortar",
    "mortars",
    "grenades",
    "bombs",
    "airstrikes",
    "strikes",
    "attack",
    "attacks",
    "offensive",
    "raid",
    "raids",
    "assault",
];
const AID_OBJECTS: &[&str] = &[
    "batteries",
    "systems",
    "defence",
    "defense",
    "artillery",
    "shells",
    "drones",
    "aircraft",
    "vehicles",
    "rifles",
    "grants",
    "aid",
    "assistance",
    "weapons",
    "arms",
    "missiles",
    "tanks",
    "ammunition",
    "troops",
    "help",
    "relief",
    "supplies",
    "food",
    "funds",
    "funding",
    "loans",
    "loan",
    "equipment",
    "munitions",
    "long-range",
    "long",
    "military",
    "humanitarian",
    "financial",
    "economic",
    "jets",
    "vaccines",
    "grant",
    "donation",
    "medicine",
    "medicines",
    "peacekeepers",
];

macro_rules! rule {
    ($words:expr, $kind:expr, $pos:expr) => {
        TriggerRule {
            words: $words,
            kind: $kind,
            pos: $pos,
            mode: None,
            needs: Needs::Nothing,
        }
    };
    ($words:expr, $kind:expr, $pos:expr, mode $mode:expr) => {
        TriggerRule {
            words: $words,
            kind: $kind,
            pos: $pos,
            mode: Some($mode),
            needs: Needs::Nothing,
        }
    };
    ($words:expr, $kind:expr, $pos:expr, needs $needs:expr) => {
        TriggerRule {
            words: $words,
            kind: $kind,
            pos: $pos,
            mode: None,
            needs: $needs,
        }
    };
}

use Pos::{Noun, Verb};

pub static RULES: &[TriggerRule] = &[
    // Phone calls.
    rule!(&["phone|telephone", "call|calls|conversation|conversations|talks|conference"], PhoneCall, Noun),
    rule!(&["phone|telephone", "-", "call|calls"], PhoneCall, Noun),
    rule!(&["phoned|telephoned"], PhoneCall, Verb),
    rule!(&["spoke|talked|speaks|talks|spoken|talking|speaking|speak|talk", "by|over|on", "phone|telephone"], PhoneCall, Verb),
    rule!(&["spoke|talked|speaks|talks|spoken|talking|speaking|speak|talk", "on|over", "the", "phone|telephone"], PhoneCall, Verb),
    rule!(&["call|calls"], PhoneCall, Noun),
    // Unspecific consultation.
    rule!(&["talked|talk|talking|spoke|speak|speaks|speaking", "with|to"], Consultation, Verb),
    rule!(&["talk|conversation|conversations|discussions", "with|between"], Consultation, Noun),
    rule!(&["discuss|discussed|discusses|discussing", "with"], Consultation, Verb),
    rule!(&["discuss|discussed|discusses|discussing"], Consultation, Verb, needs Needs::After(&["with"])),
    rule!(&["consulted|consult|consults|consulting|conferred", "with"], Consultation, Verb),
    // Meetings.
    rule!(&["meet|met|meets|meeting|meetings"], Meeting, Verb),
    rule!(&["talks"], Meeting, Noun),
    rule!(&["brief|briefed|briefs|briefing"], Meeting, Verb),
    rule!(&["host|hosted|hosts|hosting"], Meeting, Verb),
    rule!(&["summit|summits"], Summit, Noun),
    // Visits.
    rule!(&["visit|visited|visits|visiting"], Visit, Verb),
    rule!(&["trip|tour|journey", "to|of"], Visit, Noun),
    rule!(&["arrived|arrives|arrive|arriving", "in|at"], Visit, Verb),
    rule!(&["headed|heading|heads|head|travelled|traveled|travels|travel|travelling|traveling|flew|flies|fly", "to|for"], Visit, Verb),
    // Negotiations.
    rule!(&["negotiations|negotiation|negotiate|negotiated|negotiating|negotiates"], Negotiation, Noun),
    rule!(&["peace", "talks|process"], Negotiation, Noun),
    // Attacks.
    rule!(&["attack|attacks|attacked|attacking|assault|assaults|assaulted|offensive"], Attack, Verb),
    rule!(&["air|drone|missile|rocket", "strike|strikes|attack|attacks|raid|raids"], Attack, Noun, mode "AirStrike"),
    rule!(&["airstrike|airstrikes|air-strike|air-strikes|bombardment|bombardments"], Attack, Noun, mode "AirStrike"),
    rule!(&["strike|strikes|struck"], Attack, Noun),
    rule!(&["bombing|bombings|bombed|bomb|bombs"], Attack, Noun, mode "Bombing"),
    rule!(&["shelling|shelled|shells|shell"], Attack, Verb, mode "Shelling"),
    rule!(&["raid|raids|raided"], Attack, Noun, mode "Raid"),
    rule!(&["invasion|invaded|invade|invades|invading"], Attack, Noun, mode "Invasion"),
    rule!(&["launched|launch|launches|launching|fired|fire|fires|firing"], Attack, Verb, needs Needs::After(WEAPONS)),
    rule!(&["clashes|clashed|clash"], Attack, Noun),
    rule!(&["ambush|ambushed|ambushes"], Attack, Noun),
    rule!(&["opened", "fire"], Attack, Verb, mode "Shooting"),
    rule!(&["shot", "dead"], Attack, Verb, mode "Shooting"),
    // Pledges.
    rule!(&["vow|vows|vowed|vowing"], Pledge, Verb),
    rule!(&["pledge|pledges|pledged|pledging"], Pledge, Verb),
    rule!(&["promise|promises|promised|promising"], Pledge, Verb),
    rule!(&["committed|commits|commit", "to|itself|themselves|himself|herself"], Pledge, Verb),
    rule!(&["commitment|commitments"], Pledge, Noun),
    rule!(&["swore|swear|swears|sworn"], Pledge, Verb),
    // "agreed to cooperate": an expressed intent (PLOVER AGREE).
    rule!(&["agreed|agree|agrees|agreeing", "to"], Pledge, Verb, needs Needs::NoTriggerAfter),
    rule!(&["offered|offers|offer", "to"], Pledge, Verb, needs Needs::NoTriggerAfter),
    // Threats.
    rule!(&["threaten|threatens|threatened|threatening"], Threat, Verb),
    rule!(&["threat|threats|ultimatum"], Threat, Noun),
    rule!(&["warn|warns|warned|warning"], Threat, Verb),
    rule!(&["impose|imposing", "costs|consequences"], Threat, Verb),
    rule!(&["retaliate|retaliation|retaliatory|retaliated"], Threat, Verb),
    // Statements.
    rule!(&["announce|announced|announces|announcing|announcement"], Statement, Verb),
    rule!(&["declare|declared|declares|declaring|declaration"], Statement, Verb),
    rule!(&["in", "a", "statement"], Statement, Noun),
    rule!(&["issued|released", "a", "statement"], Statement, Verb),
    rule!(&["congratulate|congratulated|congratulates|congratulating"], Statement, Verb),
    // Requests.
    rule!(&["urge|urged|urges|urging"], Request, Verb),
    rule!(&["appeal|appealed|appeals|appealing", "to|for"], Request, Verb),
    rule!(&["called|calls|call|calling", "on|for|upon"], Request, Verb),
    rule!(&["demand|demanded|demands|demanding"], Request, Verb),
    rule!(&["request|requested|requests|requesting"], Request, Verb),
    rule!(&["asked|asks|ask|asking"], Request, Verb, needs Needs::After(&["for", "to"])),
    // Aid.
    rule!(&["supply|supplied|supplies|supplying"], Aid, Verb, needs Needs::After(AID_OBJECTS)),
    rule!(&["provide|provided|provides|providing"], Aid, Verb, needs Needs::After(AID_OBJECTS)),
    rule!(&["send|sent|sends|sending"], Aid, Verb, needs Needs::After(AID_OBJECTS)),
    rule!(&["deliver|delivered|delivers|delivering"], Aid, Verb, needs Needs::After(AID_OBJECTS)),
    rule!(&["donate|donated|donates|donating"], Aid, Verb),
    rule!(&["offered|offer|offers|offering"], Aid, Verb, needs Needs::After(AID_OBJECTS)),
    rule!(&["arming|arm"], Aid, Verb),
    // Sanctions.
    rule!(&["sanction|sanctions|sanctioned|sanctioning|embargo|embargoes"], Sanction, Noun),
    rule!(&["boycott|boycotts|boycotted|boycotting"], Sanction, Verb),
    // Agreements.
    rule!(&["agreement|agreements|deal|deals|accord|accords|treaty|treaties|pact|memorandum"], Agreement, Noun, needs Needs::Completion),
    rule!(&["ceasefire|ceasefires|truce|armistice"], Ceasefire, Noun),
    rule!(&["cease", "-", "fire"], Ceasefire, Noun),
    // Accusations.
    rule!(&["accuse|accused|accuses|accusing"], Accusation, Verb),
    rule!(&["blame|blamed|blames|blaming"], Accusation, Verb),
];

/// Rules indexed by every inflection of their first word.
pub static BY_FIRST: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (i, r) in RULES.iter().enumerate() {
        for w in r.words[0].split('|') {
            m.entry(w).or_default().push(i);
        }
    }
    m
});

/// Verbs that report speech: their subject is a source, not a participant.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "stated",
    "states",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "remarked",
    "explained",
    "explains",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "argued",
    "argues",
    "acknowledged",
    "announced",
    "announces",
    "declared",
    "posted",
    "tweeted",
    "denied",
    "denies",
    "deny",
    "alleged",
    "alleges",
    "charged",
    "charges",
];

/// Reporting verbs that do not vouch for what they report.
pub const CLAIM_VERBS: &[&str] = &[
    "claimed", "claims", "alleged", "alleges", "charged", "charges", "insisted", "insists",
];
/// Reporting verbs that deny what they report.
pub const DENY_VERBS: &[&str] = &["denied", "denies", "deny"];

/// Words that put a clause boundary between a trigger and other words.
pub const CLAUSE_BOUNDARIES: &[&str] = &[
    ";",
    "while",
    "but",
    "although",
    "though",
    "whereas",
    "because",
    "after",
    "before",
    "when",
    "as",
    "which",
    "who",
    "whom",
    "if",
    "unless",
    "since",
    "until",
    "where",
    "whether",
    "that",
    "following",
];

pub const TITLE_WORDS: &[&str] = &[
    "president",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "defense",
    "defence",
    "foreign",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "king",
    "queen",
    "prince",
    "crown",
    "general",
    "gen.",
    "chief",
    "envoy",
    "ambassador",
    "commander",
    "vice",
    "deputy",
    "senator",
    "sen.",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "head",
    "secretary-general",
    "official",
    "adviser",
    "advisor",
    "national",
    "security",
    "interior",
    "finance",
    "trade",
    "state",
    "special",
    "representative",
    "lieutenant",
    "colonel",
    "col.",
    "maj.",
    "major",
    "admiral",
    "commissioner",
    "speaker",
    "emir",
    "sheikh",
    "sultan",
    "pope",
    "ayatollah",
    "supreme",
    "opposition",
    "army",
    "military",
    "rebel",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "first",
    "lady",
    "economy",
    "energy",
    "home",
    "justice",
    "director",
    "executive",
    "spokesmen",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "cleric",
    "judge",
    "prosecutor",
    "negotiator",
    "mediator",
    "delegate",
    "activist",
    "dissident",
    "warlord",
];

/// Collective nouns that name actors ("rebels", "opposition groups").
pub const GROUP_NOUNS: &[&str] = &[
    "groups",
    "group",
    "rebels",
    "militants",
    "protesters",
    "demonstrators",
    "farmers",
    "officials",
    "authorities",
    "government",
    "police",
    "troops",
    "forces",
    "army",
    "soldiers",
    "opposition",
    "students",
    "workers",
    "unions",
    "union",
    "parties",
    "party",
    "leaders",
    "ministers",
    "diplomats",
    "negotiators",
    "activists",
    "insurgents",
    "guerrillas",
    "separatists",
    "fighters",
    "gunmen",
    "lawmakers",
    "parliament",
    "court",
    "prosecutors",
    "villagers",
    "residents",
    "militia",
    "militias",
    "movement",
    "coalition",
    "junta",
    "regime",
    "administration",
];

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that never start a person's name though capitalised (besides the
/// weekdays; see [`not_a_name`]).
pub const NOT_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "a",
    "an",
    "on",
    "in",
    "said",
    "says",
    "and",
    "of",
    "for",
    "to",
    "at",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "but",
    "his",
    "her",
];

/// Whether a capitalised word cannot start or continue a person's name.
pub fn not_a_name(lower: &str) -> bool {
    WEEKDAYS.contains(&lower) || NOT_NAMES.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_trigger_and_no_rule_is_empty() {
        for k in EventKind::ALL {
            assert!(RULES.iter().any(|r| r.kind == k), "{k:?} has no trigger");
        }
        assert!(RULES.iter().all(|r| !r.words.is_empty()));
        assert!(BY_FIRST.contains_key("met"));
    }
}
