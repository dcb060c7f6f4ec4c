//! The argument layer: who takes part in an event, in which role, read
//! from syntax-like cues around its trigger. Verbal triggers take their
//! clause's subject (through appositions, relative pronouns, coordination
//! and control: "Hu said when meeting with Howard") and their objects by
//! preposition ("with", "to", "on", "by" in the passive). Nominal triggers
//! take possessors ("Trump's meeting"), modifiers ("Israeli air strike",
//! "U.S.-China talks"), prepositional phrases ("talks between X and Y",
//! "a trip by X to Y") and the subject of their light verb ("held talks").

use super::clauses::Frame;
use super::doc::Sent;
use super::entities::{Ent, EntKind};
use super::lexicon::{at, is, Pos};
use super::text::TokKind;
use super::triggers::Trigger;
use crate::model::{EntityType, EventKind, Role};

mod complement;
mod control;
mod nominal;
mod objects;
mod places;
mod subject;

pub(crate) use complement::in_words;
use complement::*;
use control::*;
use nominal::*;
pub(crate) use nominal::{attack_pairs, guest_list};
pub(crate) use objects::weapon_verb;
use objects::*;
use subject::*;

/// The arguments of one trigger: indices into the sentence's entities.
#[derive(Debug, Default, Clone)]
pub(crate) struct Args {
    pub(crate) roles: Vec<(Role, usize)>,
    pub(crate) place: Option<usize>,
    /// The subject came from an enclosing clause or a speech frame.
    pub(crate) controlled: bool,
}

impl Args {
    /// The anchors (countries or bodies) of the parties in `role`.
    fn anchors_in<'e>(&self, ents: &'e [Ent], role: Role) -> Vec<&'e str> {
        self.roles
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|&(_, x)| ents[x].ent.anchor.as_str())
            .collect()
    }

    /// The parties and place of another telling of the same event; `first`
    /// tells the entities before that telling's trigger.
    pub(crate) fn absorb(&mut self, other: Args, first: impl Fn(usize) -> bool) {
        for (role, e) in other.roles {
            // "three people were killed when a bomb exploded": the toll's
            // victims are no subject the bomb's verb reached back to (but
            // "were killed when Russian missiles hit": what the toll's words
            // reach past its trigger is the other clause's).
            if role == Role::Target && first(e) {
                if let Some(r) = self.roles.iter_mut().find(|(_, x)| *x == e) {
                    r.0 = Role::Target;
                }
            }
            self.add(role, e);
        }
        self.place = self.place.or(other.place);
    }

    /// "met with Defense Minister Mofaz and asked for serious measures", "In
    /// a White House meeting with Yildirim, Pence ... urged transparency": a
    /// request or a pledge with no addressee of its own is made to whom its
    /// maker met in the sentence before it. `meetings` are the arguments of
    /// the sentence's earlier talks.
    pub(crate) fn addressed_at<'a>(
        &mut self,
        ents: &[Ent],
        meetings: impl Iterator<Item = &'a Args>,
    ) {
        if self.roles.iter().any(|(r, _)| *r == Role::Target) {
            return;
        }
        let makers = self.anchors_in(ents, Role::Initiator);
        if makers.is_empty() {
            return;
        }
        let anchor = |x: usize| ents[x].ent.anchor.as_str();
        for m in meetings {
            if !m.roles.iter().any(|&(_, x)| makers.contains(&anchor(x))) {
                continue;
            }
            let others: Vec<usize> = m
                .roles
                .iter()
                .map(|&(_, x)| x)
                .filter(|&x| !makers.contains(&anchor(x)) && !ents[x].is_place())
                .collect();
            for x in others {
                self.add(Role::Target, x);
            }
            return;
        }
    }

    fn add(&mut self, role: Role, e: usize) {
        if let Some(r) = self.roles.iter_mut().find(|(_, x)| *x == e) {
            // A stronger role wins: initiator or target over participant.
            if r.0 == Role::Participant {
                r.0 = role;
            }
        } else {
            self.roles.push((role, e));
        }
    }
}

/// What argument reading needs of the sentence.
pub(crate) struct Scope<'a> {
    pub(crate) sent: &'a Sent,
    pub(crate) ents: &'a [Ent],
    pub(crate) breaks: &'a [bool],
    pub(crate) frames: &'a [Frame],
    pub(crate) triggers: &'a [Trigger],
    /// The sentence's dates (a date among a noun's premodifiers: "attend
    /// the Nov. 18-19 APEC leaders' meeting").
    pub(crate) dates: &'a [crate::extract::clauses::TimexTok],
}

const PREPOSITIONS: &[&str] = &[
    "of", "with", "to", "on", "for", "by", "from", "about", "at", "in", "against", "between",
    "into", "over", "among", "toward", "towards", "near", "under", "after", "before", "during",
    "through", "upon", "within", "without", "amid", "across", "behind", "despite",
];

/// What `governing_prep` answers for "at the invitation of X", "at the
/// request of X" (`Sent::bidding_of`): a governor no role is read from, so
/// X is not taken as the owner of the noun before it ("a visit ... of Hu").
const BIDDING: &str = "at the bidding of";
/// The pseudo-preposition of "as (a) guest of": the host.
const GUEST: &str = "as the guest of";

/// What `governing_prep` answers for "at the invitation of X" and what
/// `objects` reads from "at X's invitation": the host of a visit.
const INVITER: &str = "at the invitation of";

pub(crate) fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// A word that may stand between a determiner or possessor and its noun:
/// a number, a part of a split compound ("his 25-minute talks"), or an
/// adverb or adjective after a possessive ("Trump's highly publicised
/// summit").
fn loose_modifier(sent: &Sent, k: usize) -> bool {
    let tok = &sent.toks[k];
    tok.kind == TokKind::Number
        || (k >= 1 && sent.lower(k - 1) == "-" && !tok.cap)
        || (plain_word(sent, k) && (1..=4).any(|d| k + 1 > d && sent.lower(k + 1 - d) == "'s"))
}

/// A lower-case word that is no function word, light or speech verb,
/// preposition or trigger: a noun's or an adjective's, as far as the lists
/// tell.
fn plain_word(sent: &Sent, k: usize) -> bool {
    let w = sent.lower(k);
    let tok = &sent.toks[k];
    tok.kind == TokKind::Word
        && !tok.cap
        && !is!("stopwords", w)
        && !is!("light_verbs", w)
        && !is!("speech_verbs", w)
        && !PREPOSITIONS.contains(&w)
        && !crate::extract::lexicon::BY_FIRST.contains_key(w)
}

/// "met with top hostage mediator Archbishop Juan Luis Cipriani", "talks
/// with EU foreign policy chief Javier Solana": before a phrase that opens
/// with its lower-case title, up to two nouns or adjectives of the title's
/// compound (no verb form, no trigger, no function word).
fn title_compound(sent: &Sent, k: usize, np0: usize, skipped: usize) -> bool {
    let w = sent.lower(k);
    skipped < 2
        && !sent.toks[np0].cap
        && at!("titles", sent, np0)
        && plain_word(sent, k)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
}

/// The preposition governing an entity phrase starting at `np0`, looking
/// back over determiners, possessives and a few modifiers.
fn governing_prep(sent: &Sent, np0: usize, floor: usize) -> Option<&str> {
    let mut k = np0;
    let mut skipped = 0;
    while k > floor && skipped < 7 {
        let w = sent.lower(k - 1);
        if sent.bidding_of(k - 1) {
            return Some(if sent.lower(k - 2) == "invitation" {
                INVITER
            } else {
                BIDDING
            });
        }
        if sent.guest_of(k - 1) {
            return Some(GUEST);
        }
        // "ordering the invasion based on intelligence that \"turned out to
        // be wrong\"": what an act is based on takes no part in it.
        if w == "on" && k >= 2 && matches!(sent.lower(k - 2), "based" | "relying" | "depending") {
            return Some("based on");
        }
        if PREPOSITIONS.contains(&w) {
            return Some(sent.lower(k - 1));
        }
        // "a phone call with Germany's Angela Merkel": past a named
        // possessor, to the preposition that governs the whole phrase.
        if w == "'s" && k >= 2 && sent.toks[k - 2].cap {
            k -= 1;
            let mut run = 0;
            while k > floor
                && run < 4
                && sent.toks[k - 1].cap
                && sent.toks[k - 1].kind == TokKind::Word
            {
                k -= 1;
                run += 1;
            }
            skipped += 1;
            continue;
        }
        // "Friday prayers", "Tuesday's attack" but not "On Friday Iraq held
        // talks", "On Tuesday the Israeli army shelled": a weekday opening
        // the sentence before a name or a determiner ends its own phrase.
        let weekday = crate::extract::lexicon::WEEKDAYS.contains(&w) && {
            let next = &sent.toks[k];
            let opening = k == sent.body + 2;
            !opening || next.lower == "'s" || !next.cap && !is!("stopwords", next.lower.as_str())
        };
        let modifier = is!("np_modifiers", w)
            || weekday
            || loose_modifier(sent, k - 1)
            || title_compound(sent, k - 1, np0, skipped)
            || (sent.toks[k - 1].kind == TokKind::Word && !sent.toks[k - 1].cap && w.contains('-'))
            // "with ex-spy Alexander Litvinenko": the tokens of "ex-".
            || (w == "-" && sent.glued_hyphen(k - 1) && k >= 2 && sent.lower(k - 2) == "ex");
        // "just back from famine-hit North Korea", "in war-torn Baghdad": a
        // hyphened compound of lower-case words, read as its tokens.
        let compound = k >= 3
            && sent.glued_hyphen(k - 2)
            && sent.toks[k - 1].kind == TokKind::Word
            && !sent.toks[k - 1].cap
            && sent.toks[k - 3].kind == TokKind::Word
            && !sent.toks[k - 3].cap;
        if compound {
            k -= 3;
            skipped += 1;
            continue;
        }
        if !modifier {
            return None;
        }
        k -= 1;
        skipped += 1;
    }
    None
}

fn free(e: &Ent) -> bool {
    !e.modifier
}

/// Entities coordinated with `e` ("X and Y", "X, Y and Z").
fn coordinated(scope: &Scope, e: usize, lo: usize, hi: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    // "the two" stands for both parties of the story's meeting: two
    // entities over the same words.
    let mut out: Vec<usize> = (0..ents.len())
        .filter(|&i| {
            i == e || (ents[i].t0 == ents[e].t0 && ents[i].t1 == ents[e].t1 && free(&ents[i]))
        })
        .collect();
    // "the State Development and Reform Commission (SDRC) and the State
    // Post Bureau": a bracketed acronym is its name's, and the list goes on
    // after the bracket.
    let gloss = |a: &Ent, b: &Ent| {
        b.np0 == a.np1 + 1 && sent.lower(a.np1) == "(" && sent.lower(b.np1) == ")"
    };
    let joins = |a: usize, b: usize| {
        if sent.lower(a) == ")" {
            conjoined(scope, a + 1, b)
        } else {
            conjoined(scope, past_bracket(scope, a), b)
        }
    };
    // Rightwards.
    let mut cur = e;
    while let Some(n) = ents
        .iter()
        .enumerate()
        .filter(|(i, x)| free(x) && *i != cur && x.np0 >= ents[cur].np1 && x.np1 <= hi)
        .min_by_key(|(_, x)| x.np0)
        .map(|(i, _)| i)
    {
        if gloss(&ents[cur], &ents[n]) || joins(ents[cur].np1, ents[n].np0) && !ents[n].is_place() {
            out.push(n);
            cur = n;
        } else {
            break;
        }
    }
    // Leftwards.
    let mut cur = e;
    while let Some(p) = ents
        .iter()
        .enumerate()
        .filter(|(i, x)| free(x) && *i != cur && x.np1 <= ents[cur].np0 && x.np0 >= lo)
        .max_by_key(|(_, x)| x.np1)
        .map(|(i, _)| i)
    {
        if gloss(&ents[p], &ents[cur]) || joins(ents[p].np1, ents[cur].np0) && !ents[p].is_place() {
            out.push(p);
            cur = p;
        } else {
            break;
        }
    }
    out
}

/// "Sen. Tim Scott (S.C.), entrepreneur Vivek Ramaswamy": a short bracket
/// after a member (a state, a party) is its, and the list goes on after
/// it. Where the list goes on from `a`.
fn past_bracket(scope: &Scope, a: usize) -> usize {
    let sent = scope.sent;
    (sent.lower(a) == "(")
        .then(|| (a + 1..(a + 5).min(sent.toks.len())).find(|&k| sent.lower(k) == ")"))
        .flatten()
        .filter(|&c| {
            !scope
                .ents
                .iter()
                .any(|e| free(e) && e.np0 > a && e.np1 <= c)
        })
        .map_or(a, |c| c + 1)
}

/// Whether the words `a..b` between two members join them in a list: "X
/// and Y", "X, Y and Z"; a lone comma is no list ("warnings to Russia,
/// Trump said"). "and visiting South Korean Foreign Minister Ban": a word
/// of standing ([conjunct_adjectives]) or a party's ("Pelosi and
/// Republican Minority Leader Kevin McCarthy") may open the next conjunct
/// when it is a titled person's ("Biden and former Trump officials" is no
/// list).
fn conjoined(scope: &Scope, a: usize, b: usize) -> bool {
    let (sent, ents) = (scope.sent, scope.ents);
    let titled_person = |b: usize| {
        ents.iter()
            .any(|x| x.np0 == b && x.kind == EntKind::Name && x.is_person() && x.np0 < x.t0)
    };
    let untitled_person = |b: usize| {
        ents.iter()
            .any(|x| x.np0 == b && x.kind == EntKind::Name && x.is_person() && x.np0 == x.t0)
    };
    let gap: Vec<&str> = (a..b).map(|k| sent.lower(k)).collect();
    // The member starting at `b`, not a modifier inside its phrase
    // ("former UN Ambassador Nikki Haley" starts with the UN).
    let list_goes_on = ents
        .iter()
        .find(|x| x.np0 == b && free(x))
        .is_some_and(|x| matches!(sent.lower(past_bracket(scope, x.np1)), "," | "and" | "or"));
    !gap.is_empty()
        && gap.len() <= 4
        && gap.iter().enumerate().all(|(i, w)| {
            matches!(
                *w,
                "and" | "or" | "," | "the" | "as" | "well" | "its" | "his" | "their"
            ) || (is!("conjunct_adjectives", w) || is!("party_adjectives", w)) && titled_person(b)
                || is!("person_descriptors", w) && i + 1 == gap.len() && untitled_person(b)
                // "Stellantis and the striking United Auto Workers union": a
                // word between "and the" and the name is the name's modifier
                // (", the late Milton Friedman," is an apposition, no list).
                || i + 1 == gap.len()
                    && i >= 2
                    && gap[i - 1] == "the"
                    && matches!(gap[i - 2], "and" | "or")
                    && sent.toks[b - 1].kind == TokKind::Word
                    && !sent.toks[b - 1].cap
        })
        && (gap.iter().any(|w| matches!(*w, "and" | "or")) || list_goes_on)
}

/// "met on Friday with five African presidents, including Denis
/// Sassou-Nguesso of the Republic of Congo, Yoweri Museveni of Uganda ...
/// and John Agyekum Kufuor of Ghana": the named members of the unnamed
/// group a meeting is with take part.
fn including(scope: &Scope, t: &Trigger, rb: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.kind().family() != "consult" {
        return Vec::new();
    }
    let end = rb.min(sent.toks.len());
    let Some(with) = (t.t1..end.min(t.t1 + 6)).find(|&k| sent.lower(k) == "with") else {
        return Vec::new();
    };
    // The group up to ", including" names no one itself ("five African
    // presidents", not "with Bush, including ...").
    let Some(inc) = (with + 2..end.min(with + 8))
        .find(|&k| sent.lower(k) == "including" && sent.lower(k - 1) == ",")
    else {
        return Vec::new();
    };
    let named = ents
        .iter()
        .any(|e| free(e) && e.kind != EntKind::Group && e.np0 > with && e.np1 < inc);
    // A group of people ("presidents", "leaders"), not of topics ("on
    // issues, including Iran and North Korea").
    if named
        || (with + 1..inc - 1).any(|k| matches!(sent.lower(k), "," | ";"))
        || !(at!("met_group_nouns", sent, inc - 2)
            // "heads of state", "heads of government".
            || inc >= 4 && sent.lower(inc - 3) == "of" && at!("met_group_nouns", sent, inc - 4))
    {
        return Vec::new();
    }
    match ents
        .iter()
        .position(|e| free(e) && !e.is_place() && e.np0 == inc + 1)
    {
        Some(first) => coordinated(scope, first, inc + 1, end),
        None => Vec::new(),
    }
}

/// The clause bounds of a trigger, narrowed by speech frames: a speaker is
/// outside the words attributed to them.
pub(crate) fn bounds(scope: &Scope, t: &Trigger) -> (usize, usize) {
    let (mut lb, mut rb) = super::clauses::clause_of(scope.breaks, t.t0, t.t1);
    for f in scope.frames {
        if f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0 {
            lb = lb.max(f.comp.0);
            rb = rb.min(f.comp.1);
        }
        // "China will kick off an inspection, the Ministry of Finance
        // announced on Tuesday": a report verb after what it reports has its
        // subject after it too.
        if f.verb == t.t0 && f.comp.1 < t.t0 {
            lb = lb.max(f.comp.1);
        }
    }
    // Another trigger's own words belong to it.
    (lb, rb)
}

/// A meeting named in a fronted adjunct, whose own words name no initiator
/// ("a visit by Chirac" does), has the main clause's subject as a party;
/// a visit has it as its visitor ("During a whirlwind visit on Friday
/// morning to China's first national corporation ..., Guinea-Bissau
/// President Joao Bernardo Vieira rapped the gavel"), unless the visit was
/// to the subject's own country: the host ("During a visit to Moscow on
/// Monday, Putin received Chirac").
fn fronted_parties(scope: &Scope, kind: EventKind, t: &Trigger, args: &mut Args) {
    if let Some(s) = fronted_adjunct_subject(scope, t) {
        let visited: Vec<&str> = args
            .roles
            .iter()
            .map(|&(_, x)| x)
            .chain(args.place)
            .map(|x| scope.ents[x].ent.anchor.as_str())
            .collect();
        // "During a visit to Brussels, EU foreign policy chief Javier
        // Solana met": a body's people are at home where it sits, and
        // the text does not say where that is; a visitor is a country's.
        let of_body = |e: usize| {
            let x = &scope.ents[e].ent;
            !matches!(x.etype, EntityType::Person | EntityType::Country)
                || scope.ents.iter().any(|o| {
                    o.ent.iri == x.anchor
                        && matches!(
                            o.ent.etype,
                            EntityType::Organisation | EntityType::ArmedGroup
                        )
                })
        };
        let host = s
            .iter()
            .any(|&e| visited.contains(&scope.ents[e].ent.anchor.as_str()) || of_body(e));
        if kind != EventKind::Visit {
            for e in s {
                args.add(Role::Participant, e);
            }
        } else if !host {
            for e in s {
                args.add(Role::Initiator, e);
            }
        }
    }
}

fn role_of_prep(kind: EventKind, prep: Option<&str>, nominal: bool) -> Option<Role> {
    use EventKind::*;
    let symmetric = kind.symmetric();
    Some(match prep {
        None => {
            if symmetric {
                Role::Participant
            } else {
                Role::Target
            }
        }
        Some("with" | "between" | "among") => Role::Participant,
        // "visits as guest of Nong Duc Manh", "held talks in Cairo as a
        // guest of Hosni Mubarak": the host.
        // "arrived for a state visit at the invitation of Cao Gangchuan",
        // "at Musharraf's invitation": the inviter hosts it.
        Some(p) if p == GUEST || p == INVITER => match kind {
            Visit => Role::Target,
            _ if kind.family() == "consult" => Role::Participant,
            _ => return None,
        },
        // "a closed session before the House Intelligence Committee",
        // "hearings before the Senate": who it is held before takes part.
        Some("before") if kind.family() == "consult" && nominal => Role::Participant,
        Some("to" | "into" | "toward" | "towards") => {
            if symmetric && kind != Visit {
                Role::Participant
            } else {
                Role::Target
            }
        }
        Some("on" | "against" | "upon") => match kind {
            Attack | Threat | Sanction | Accusation | Request => Role::Target,
            _ if symmetric => return None,
            _ => Role::Target,
        },
        Some("at") => match kind {
            Attack | Threat => Role::Target,
            _ => return None,
        },
        Some("by") => Role::Initiator,
        Some("from") => match kind {
            PhoneCall | Threat | Request | Accusation | Aid | Pledge | Statement => Role::Initiator,
            _ => return None,
        },
        Some("of") if nominal => match kind {
            Visit => Role::Initiator,
            _ if symmetric => Role::Participant,
            Attack => Role::Target,
            _ => Role::Initiator,
        },
        Some("for") => match kind {
            Pledge | Aid => Role::Target,
            // "asked the court to obtain status for Veselnitskaya", "called
            // for the release of X": whom the request is for takes part.
            Request if !nominal => Role::Participant,
            _ => return None,
        },
        _ => return None,
    })
}

/// Reads the arguments of trigger `t`.
pub(crate) fn read(scope: &Scope, t: &Trigger) -> Args {
    let (lb, rb) = bounds(scope, t);
    let mut args = Args::default();
    let kind = t.kind();
    let sent = scope.sent;
    let ents = scope.ents;
    let subj_role = if t.rule.subject_is_target {
        Role::Target
    } else if kind.symmetric() {
        Role::Participant
    } else {
        Role::Initiator
    };
    let passive = passive(sent, ents, t);
    let reduced = passive && reduced_by(sent, ents, t);
    // The agent of a reduced passive ends at a comma that no further name
    // follows: "the proposal offered by Clinton and Kim, the two Koreas
    // would be joined by the United States and China" ("by France, Spain
    // and Italy" goes on).
    let rb = if reduced {
        (t.t1 + 1..rb)
            .find(|&k| sent.lower(k) == "," && !sent.toks.get(k + 1).is_some_and(|n| n.cap))
            .unwrap_or(rb)
    } else {
        rb
    };
    // Left side.
    match t.pos() {
        Pos::Verb => verb_left(scope, t, lb, subj_role, passive, &mut args),
        Pos::Noun => nominal_left(scope, t, lb, subj_role, &mut args),
    }
    // "with whom Chernomyrdin met": the antecedent of "whom".
    if lb > 0 && sent.lower(lb) == "whom" && lb >= 2 && sent.lower(lb - 1) == "with" {
        if let Some(a) = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| free(e) && e.np1 + 4 >= lb && e.np1 < lb)
            .max_by_key(|(_, e)| e.np1)
            .map(|(i, _)| i)
        {
            args.add(Role::Participant, a);
        }
    }
    right_side_of(scope, t, rb, passive, &mut args);
    for e in attendees(scope, t, rb) {
        args.add(Role::Participant, e);
    }
    for e in including(scope, t, rb) {
        args.add(Role::Participant, e);
    }
    if reduced {
        drop_agents_side(ents, &mut args);
    }
    places::choose_place(scope, t, lb, &mut args);
    // "In a letter to Lighthizer in October, Holcomb urged the
    // administration": the letter's addressee is whom the words are to.
    if kind.speech_act() && t.pos() == Pos::Verb {
        if let Some(i) = letter_addressee(scope, t) {
            args.add(Role::Target, i);
        }
        // "wrote a letter to Pelosi and ... McCarthy on Tuesday insisting",
        // "sent Arafat a letter calling for": whom the letter went to.
        if let Some(letter) = crate::extract::clauses::sent_letter(scope.sent, lb, t.t0) {
            for i in subject::letter_recipients(scope, &letter) {
                args.add(Role::Target, i);
            }
        }
    }
    if let Some(that) = that_complement(scope, t) {
        complement_parties(scope, t, that, &mut args);
    }
    if let Some(i) = conditioned_party(scope, t, &args) {
        args.add(Role::Target, i);
    }
    if t.pos() == Pos::Noun
        && kind.family() == "consult"
        && !args.roles.iter().any(|(r, _)| *r == Role::Initiator)
    {
        fronted_parties(scope, kind, t, &mut args);
    }
    clause_subject_of_noun(scope, t, lb, subj_role, &mut args);
    args
}

/// The objects and phrases after the trigger. "A roadside bomb hit an Iraqi
/// army patrol", "a car bomb ripped through a market": an attack or weapon
/// noun is its verb's subject, and the verb's object is the target.
fn right_side_of(scope: &Scope, t: &Trigger, rb: usize, passive: bool, args: &mut Args) {
    let Some(v) = weapon_verb(scope.sent, t)
        .filter(|_| !passive)
        .map(|v| v + 1)
    else {
        right_side(scope, t, rb, passive, args);
        return;
    };
    let verb = Trigger {
        t1: v,
        pos: Pos::Verb,
        ..t.clone()
    };
    right_side(scope, &verb, rb, false, args);
    // "An airstrike in southern Afghanistan this week killed": the place is
    // the noun's own, before its verb; inside the trigger's words when the
    // verb joined it ("a car bomb in Baghdad killed").
    if let Some(i) = scope
        .ents
        .iter()
        .position(|e| e.np0 > t.t0 && e.np1 < v && (e.locative || e.is_place()))
    {
        args.place = Some(i);
    }
}

/// "Six Japanese left as part of an evacuation called for by the Japanese
/// embassy": in a reduced passive the clause's subject is what the agent's
/// act is about, unless it is the agent's own side.
fn drop_agents_side(ents: &[Ent], args: &mut Args) {
    let agents = args.anchors_in(ents, Role::Initiator);
    let own: Vec<usize> = args
        .roles
        .iter()
        .filter(|&&(r, x)| r == Role::Target && agents.contains(&ents[x].ent.anchor.as_str()))
        .map(|&(_, x)| x)
        .collect();
    args.roles.retain(|(_, x)| !own.contains(x));
}

/// "with today's telephone conversation": a meeting or speech act that
/// names no party of its own is its clause's subject's. Not when the noun
/// is a passive's agent ("restaurants affected by tonight's announcement"
/// is nobody's of the clause), nor when its own words name its maker,
/// found or not ("despite condemnation by radical Arab states" is not the
/// signatories').
fn clause_subject_of_noun(scope: &Scope, t: &Trigger, lb: usize, subj_role: Role, args: &mut Args) {
    let (sent, ents, kind) = (scope.sent, scope.ents, t.kind());
    let agent_noun = (1..=4).any(|d| t.t0 >= d && sent.lower(t.t0 - d) == "by")
        && (1..=4)
            .take_while(|&d| t.t0 >= d && sent.lower(t.t0 - d) != "by")
            .all(|d| !sent.toks[t.t0 - d].cap || sent.lower(t.t0 - d) == "'s");
    let own_agent = sent.lower(t.t1) == "by"
        || sent.lower(t.t1) == "from"
            && ents
                .iter()
                .any(|e| free(e) && !e.is_place() && (t.t1 + 1..=t.t1 + 2).contains(&e.np0));
    if args.roles.is_empty()
        && t.pos() == Pos::Noun
        && (kind.family() == "consult" || kind.speech_act())
        && !agent_noun
        && !own_agent
        && !stayed_away(sent, t)
    {
        if let Some(s) = subject(scope, lb, t.t0).or_else(|| controller(scope, t, lb)) {
            args.controlled = true;
            for e in s {
                args.add(subj_role, e);
            }
        }
    }
}

/// "with nearly all Arabic leaders, including ... Mubarak, ... absent from
/// the meeting", "Trump skipped the debate": the clause's subject stayed
/// away ([absence_words] right before the noun's phrase, or before its
/// "from").
fn stayed_away(sent: &Sent, t: &Trigger) -> bool {
    let mut j = t.t0;
    while j > 0
        && t.t0 - j < 5
        && sent.toks[j - 1].kind == TokKind::Word
        && !at!("absence_words", sent, j - 1)
        && sent.lower(j - 1) != "from"
    {
        j -= 1;
    }
    j > 0
        && (at!("absence_words", sent, j - 1)
            || sent.lower(j - 1) == "from" && j >= 2 && at!("absence_words", sent, j - 2))
}

/// Whom a threat with no target of its own would press: the party of its
/// condition ("threatened to hold a general strike unless Israel rescinded
/// its annexation", "warned that Iran would resort to other means if the
/// European Union ...", "if the Islamists"). A named party right after the
/// "if"/"unless", not the speaker, not a pronoun.
fn conditioned_party(scope: &Scope, t: &Trigger, args: &Args) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.kind() != EventKind::Threat
        || t.pos() != Pos::Verb
        || args.roles.iter().any(|(r, _)| *r == Role::Target)
    {
        return None;
    }
    let n = sent.toks.len();
    let cond = (t.t1..n.min(t.t1 + 20))
        .take_while(|&k| !matches!(sent.lower(k), ";" | "." | "but" | "while"))
        .find(|&k| matches!(sent.lower(k), "if" | "unless"))?;
    // "did not say if Israel was the target" asks whether; "even if" concedes.
    if if_not_condition(sent, cond) {
        return None;
    }
    // Right after it, or after its "the" when the name's phrase leaves
    // the article out.
    let i = ents.iter().position(|e| {
        free(e)
            && (e.np0 == cond + 1 || e.np0 == cond + 2 && sent.lower(cond + 1) == "the")
            && e.kind != EntKind::Pronoun
            && (!e.is_place() || e.ent.etype == EntityType::Country)
    })?;
    let speaker = args
        .roles
        .iter()
        .any(|&(_, x)| ents[x].ent.anchor == ents[i].ent.anchor);
    (!speaker).then_some(i)
}

/// An "if" that means "whether" or concedes ("did not say if", "asked if",
/// "even if").
fn if_not_condition(sent: &Sent, cond: usize) -> bool {
    cond > 0 && at!("whether_if_cues", sent, cond - 1)
}

/// A word of a date or an adverb between a speech verb and its
/// complement or infinitive ("vowed on Saturday that", "threatened again
/// to").
fn date_or_adverb(sent: &Sent, k: usize) -> bool {
    sent.toks[k].cap
        || sent.toks[k].kind == TokKind::Number
        || matches!(
            sent.lower(k),
            "on" | "last"
                | "this"
                | "also"
                | "again"
                | "publicly"
                | "repeatedly"
                | "earlier"
                | "later"
                | ","
        )
}

/// Whether a verbal trigger is passive ("was killed", "were injured").
fn passive(sent: &Sent, ents: &[Ent], t: &Trigger) -> bool {
    if t.pos() != Pos::Verb {
        return false;
    }
    let first = sent.lower(t.t0);
    if matches!(
        first,
        "was" | "were" | "been" | "be" | "being" | "is" | "are"
    ) {
        return true;
    }
    let prev = if t.t0 > 0 { sent.lower(t.t0 - 1) } else { "" };
    let prev2 = if t.t0 > 1 { sent.lower(t.t0 - 2) } else { "" };
    let be = |w: &str| matches!(w, "was" | "were" | "been" | "be" | "being" | "is" | "are");
    let participle = first.ends_with("ed")
        || matches!(
            first,
            "shot" | "struck" | "hit" | "overthrown" | "slain" | "held" | "met" | "given"
        );
    let motion = t.kind() == EventKind::Visit && sent.lower(t.t1) != "by";
    // "were reported killed", "was believed kidnapped": a raising verb
    // between the auxiliary and the participle.
    let raised = matches!(
        prev,
        "reported" | "reportedly" | "believed" | "said" | "feared"
    );
    // "Three soldiers killed in a roadside bomb attack were buried": a
    // reduced relative, its participle straight before the phrase that
    // tells how (an active verb has its object there).
    // So is any attack participle right before its agent: "a 30-year-old
    // farmer attacked by a bear", "villagers attacked by rebels fled".
    let agent_next = sent.lower(t.t1) == "by" && t.kind() == EventKind::Attack;
    // "continue with the sensitive nuclear work if threatened with military
    // attack", "Christmas creches threatened with banishment": the active
    // verb has its object before "with".
    let threatened_with = first == "threatened" && sent.lower(t.t1) == "with";
    let reduced = (matches!(first, "killed" | "wounded" | "injured" | "slain")
        && matches!(sent.lower(t.t0 + 1), "in" | "by" | "during")
        || agent_next
        || threatened_with)
        && !matches!(
            prev,
            "has" | "have" | "had" | "who" | "which" | "that" | "and" | "or"
        );
    // "was caught off guard and killed by the rebels", "were taken out
    // into the desert and murdered by soldiers": a participle joined to a
    // passive before it, with its agent after it.
    let joined_passive = prev == "and"
        && sent.lower(t.t1) == "by"
        && (t.t0.saturating_sub(8)..t.t0 - 1).any(|k| {
            be(sent.lower(k)) && (k + 1..t.t0 - 1).all(|j| sent.toks[j].kind == TokKind::Word) && {
                let w = sent.lower(k + 1);
                w.ends_with("en") || crate::extract::attributes::past_form(w)
            }
        });
    participle
        && !motion
        && (be(prev)
            || joined_passive
            // "was also killed Sunday by enemy fire", "were also abducted".
            || ((prev.ends_with("ly")
                || raised
                || matches!(prev, "also" | "not" | "never" | "still" | "just"))
                && be(prev2))
            || reduced
            || reduced_by(sent, ents, t))
}

/// ", a charge rejected by Tehran", "an accusation denied by Syria", "a
/// move urged by several lawmakers", "as requested by Clinton": a
/// participle with its agent right after "by", hanging on the noun before
/// it (or on "as"); the clause's subject does not share the agent's act
/// (the caller asks that it be a participle). ("the two met by accident",
/// "the ministers met by video link", "the leaders met by the Black Sea"
/// are active: no agent, or a place.)
fn reduced_by(sent: &Sent, ents: &[Ent], t: &Trigger) -> bool {
    if t.pos() != Pos::Verb || sent.lower(t.t1) != "by" || t.t0 < 2 {
        return false;
    }
    let named = |k: usize| {
        sent.toks.get(k).is_some_and(|t| t.cap) && !ents.iter().any(|e| e.t0 == k && e.is_place())
    };
    // The agent: a name, or a party found after at most two lower-case
    // words ("by the troubled Nippon Credit Bank", "by several lawmakers").
    let agent = named(t.t1 + 1)
        || sent.lower(t.t1 + 1) == "the" && named(t.t1 + 2)
        || ents.iter().any(|e| {
            free(e)
                && !e.is_place()
                && (t.t1 + 1..=t.t1 + 3).contains(&e.np0)
                && (t.t1 + 1..e.np0)
                    .all(|k| sent.toks[k].kind == TokKind::Word && !sent.toks[k].cap)
        });
    let noun = |k: usize| {
        let w = sent.lower(k);
        sent.toks[k].kind == TokKind::Word
            && !sent.toks[k].cap
            && !is!("stopwords", w)
            && !is!("verb_auxiliaries", w)
            && !w.ends_with("ly")
    };
    let p = t.t0 - 1;
    // What the participle hangs on: a common noun ("measures announced
    // by", "the 11 requested by", "the \"Nairobi Framework\" announced by",
    // "economic sanctions, announced by"), or "as".
    let hangs = sent.lower(p) == "as"
        || noun(p)
        || sent.toks[p].kind == TokKind::Number
        || matches!(sent.lower(p), "\"" | "”")
        || sent.lower(p) == "," && noun(p - 1);
    agent && hangs
}
