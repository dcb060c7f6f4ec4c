//! Who takes part, beyond what the arguments name: the public (and, from a
//! meeting, the press) dropped from an event's parties, the country an
//! attack struck, the countries of people and places, a visit's host, the
//! reference an entity becomes, meetings told "separately" split by side,
//! and the groups that claim an attack told before.

use super::*;

/// "We're asking people to stay home", "asked 1,700 students to
/// self-isolate", "offered customers a discount": the public a request,
/// pledge or statement addresses is no party (the gold conventions make
/// such events optional at best); "the international community" stays. A
/// threat to students is still one ("militants threatened students"), and
/// so is an accusation ("accused protesters of plotting").
pub(super) fn drop_public(kind: EventKind, actors: &mut Vec<(Role, EntityRef)>) {
    // "Speaking to journalists after talks with UN Secretary General Kofi
    // Annan, Denktash said", "told reporters here after holding talks with
    // officials in Ashgabat": the press a party talks to is its audience,
    // no side of a meeting.
    if kind.family() == "consult" {
        actors.retain(|(_, a)| !group_head(a).is_some_and(|w| is!("press_groups", &w)));
        return;
    }
    if !matches!(
        kind,
        EventKind::Request | EventKind::Pledge | EventKind::Statement
    ) {
        return;
    }
    actors.retain(|(r, a)| {
        !(*r == Role::Target && group_head(a).is_some_and(|w| is!("general_public", &w)))
    });
}

/// The head word of a group's label, lower-cased ("people" of "nineteen
/// people"): what the word lists tell groups apart by.
pub(super) fn group_head(a: &EntityRef) -> Option<String> {
    (a.etype == EntityType::Group)
        .then(|| a.label.rsplit(' ').next().map(str::to_lowercase))
        .flatten()
}

/// "A car bomb exploded in a fish market in Kufa, killing 31 people": an
/// attack on no named party hit the country it happened in (the gold
/// conventions list the place among the targets). Not for a generic
/// trigger ("blast", "explosion" alone), which an accident may be.
pub(super) fn place_target(
    place: Option<&EntityRef>,
    dated: bool,
    actors: &mut Vec<(Role, EntityRef)>,
    ctx: &Context,
) {
    // "killing 140 people": victims the text leaves unnamed do not say
    // whom the attack struck; the country does (dated only, as below).
    // Only victims ("people", "worshippers"), not fighters of a side
    // ("12 Chechen fighters" struck in Georgia are no Georgian target).
    let generic =
        |a: &EntityRef| a.anchor == a.iri && group_head(a).is_some_and(|w| is!("victim_nouns", &w));
    let targets: Vec<&EntityRef> = actors
        .iter()
        .filter(|(r, _)| *r == Role::Target)
        .map(|(_, a)| a)
        .collect();
    let unnamed = dated && targets.iter().all(|a| generic(a));
    if !targets.is_empty() && !unnamed {
        return;
    }
    // A city that stands for no government ("rockets at Tel Aviv on
    // Saturday") is still in its country; only for a dated attack, as a
    // second party would make an undated one news (`specific`), and on the
    // wire those are mostly background ("Israel's shelling of Gaza").
    let country = |i: usize| {
        let e = &ctx.gaz.entities[i];
        match e.etype {
            EntityType::Country => Some(i),
            EntityType::City | EntityType::Region if dated => e.located_in,
            _ => None,
        }
    };
    let Some(c) = place
        .and_then(|p| ctx.gaz.get(&p.anchor))
        .and_then(country)
        .map(|c| ctx.gaz.entity_ref(c, ctx.date))
        .filter(|c| c.etype == EntityType::Country)
    else {
        return;
    };
    if !actors.iter().any(|(_, a)| a.anchor == c.anchor) {
        actors.push((Role::Target, c));
    }
}

/// Event data codes actors at the level of the state they act for
/// (CAMEO's USAGOV, PLOVER's country codes): a person acting for a country
/// brings the country in, in the same role.
pub(super) fn with_countries(actors: &mut Vec<(Role, EntityRef)>, ctx: &Context) {
    if !COUNTRY_LEVEL {
        return;
    }
    let mut add = Vec::new();
    for (role, a) in actors.iter() {
        if a.etype != EntityType::Person || a.anchor == a.iri {
            continue;
        }
        let Some(idx) = ctx.gaz.get(&a.anchor) else {
            continue;
        };
        if ctx.gaz.entities[idx].etype != EntityType::Country {
            continue;
        }
        if !actors
            .iter()
            .chain(add.iter())
            .any(|(_, x): &(Role, EntityRef)| x.iri == a.anchor)
        {
            add.push((*role, ctx.gaz.entity_ref(idx, ctx.date)));
        }
    }
    actors.extend(add);
}

const COUNTRY_LEVEL: bool = true;

/// "President Hu is in Hanoi for a state visit": the place the visitor is
/// in, right before "for a ... visit", is where the visit goes.
pub(super) fn visit_place_before(sent: &Sent, ents: &[Ent], t: &Trigger) -> Option<usize> {
    let f = (t.t0.saturating_sub(5)..t.t0).find(|&k| sent.lower(k) == "for")?;
    if (f + 1..t.t0).any(|k| sent.toks[k].cap || at!("clause_breaks", sent, k)) {
        return None;
    }
    ents.iter().position(|e| {
        e.np1 == f && e.is_place() && e.np0 > 0 && matches!(sent.lower(e.np0 - 1), "in" | "to")
    })
}

/// The entity as an actor: a capital or building that stands for a
/// government acts as its country ("Moscow said").
pub(super) fn actor_ref(e: &Ent, ctx: &Context) -> EntityRef {
    if matches!(e.ent.etype, EntityType::City | EntityType::Building) && e.ent.anchor != e.ent.iri {
        if let Some(i) = ctx.gaz.get(&e.ent.anchor) {
            return ctx.gaz.entity_ref(i, ctx.date);
        }
    }
    e.ent.clone()
}

/// "13,000 Albanians have arrived in Italy by boat", "The Chinese team
/// arrived at Doha International Airport", "Russian aircraft have arrived
/// in Indonesia": a journey by people, a team or craft that stand for
/// nobody meets no one, so a verb of travel makes a visit only when the
/// traveller is a person, a body by its name, or its envoys ("officials",
/// "a delegation"). Motivated by a precision audit of the wire stories:
/// 11 of 20 sampled travel-verb visits were such journeys.
pub(super) fn journey_of_nobody(sent: &Sent, ents: &[Ent], t: &Trigger, args: &Args) -> bool {
    if t.kind() != EventKind::Visit || t.pos() != Pos::Verb || sent.lower(t.t0).starts_with("visit")
    {
        return false;
    }
    // Envoys or an office holder named in the phrase or its head noun
    // ("Chinese officials", "a Chinese delegation", "the exiled leader of
    // Hamas").
    let envoys = |from: usize, to: usize| {
        (from..to.min(sent.toks.len()))
            .any(|k| at!("sender_nouns", sent, k) || at!("titles", sent, k))
    };
    let party = |e: &Ent| match e.kind {
        _ if e.people => false,
        EntKind::Group => envoys(e.np0, e.np1),
        // "Albanians", "Russian aircraft", "the Chinese team"; "a Chinese
        // government delegation" is envoys.
        EntKind::Demonym => envoys(e.t1, e.np1.max((e.t1 + 3).min(t.t0))),
        // "US boxing legend Muhammed Ali", "a PLA contingent": a country
        // or body before a noun that is none of its envoys.
        EntKind::Name if !e.is_person() && e.np1 > e.t1 => envoys(e.t1, e.np1),
        _ => true,
    };
    !args
        .roles
        .iter()
        .any(|&(r, i)| r == Role::Initiator && party(&ents[i]))
}

/// "Hu met, on separate occasions, with five African presidents, including
/// Denis Sassou-Nguesso of the Republic of Congo, Yoweri Museveni of Uganda
/// ...", "met here Tuesday separately with Belgian Defence Minister Andre
/// Flahaut and ...": meetings told as separate are one for each side met,
/// each with the side that met them all (the first named, before the
/// trigger; a person's side is their country's). Not "Abbas and Olmert met
/// separately with Rice" (two sides before the trigger: who met whom is
/// not told), nor an opening "Separately," (another piece of news).
pub(super) fn separate_meetings(sent: &Sent, found: &mut Vec<Mention>) {
    // Most sentences tell no meeting: no scan of their words for them.
    if !found.iter().any(|m| m.kind == EventKind::Meeting) {
        return;
    }
    let separate = (0..sent.toks.len()).any(|k| {
        sent.lower(k) == "separately" && !(k == sent.body && sent.lower(k + 1) == ",")
            || sent.lower(k) == "separate"
                && matches!(
                    sent.lower(k + 1),
                    "occasions" | "meetings" | "talks" | "sessions"
                )
    });
    if !separate {
        return;
    }
    let mut out = Vec::with_capacity(found.len());
    for m in found.drain(..) {
        match split_by_side(&m) {
            Some(parts) => out.extend(parts),
            None => out.push(m),
        }
    }
    *found = out;
}

/// The meetings of the first side with each other side, in the order they
/// are named; none when fewer than two other sides, or when one of them is
/// named before the trigger too.
fn split_by_side(m: &Mention) -> Option<Vec<Mention>> {
    if m.kind != EventKind::Meeting {
        return None;
    }
    let own = m.actors.first()?.1.anchor.clone();
    let (before, _) = super::article::around_trigger(m.evidence.first()?);
    let mut sides: Vec<&str> = Vec::new();
    for (_, e) in &m.actors {
        if e.anchor != own && !sides.contains(&e.anchor.as_str()) {
            sides.push(e.anchor.as_str());
        }
    }
    let named_before = m.actors.iter().any(|(_, e)| {
        e.anchor != own
            && e.etype != EntityType::Country
            && e.label.rsplit(' ').next().is_some_and(|w| {
                // Whole words: "Abe" is not in "In Abeokuta".
                before
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|x| x == w)
            })
    });
    if sides.len() < 2 || named_before {
        return None;
    }
    Some(
        sides
            .iter()
            .map(|side| {
                let mut one = m.clone();
                one.actors
                    .retain(|(_, e)| e.anchor == own || e.anchor == *side);
                one
            })
            .collect(),
    )
}

/// "A suicide bombing killed Paktika governor Abdul Hakim Taniwal on Sept.
/// 10, and the Taliban claimed responsibility", "Hamas and the Islamic
/// Jihad (Holy War) claimed responsibility.": a claim that names no attack
/// owns up to the attack told first in its sentence, else in the one before,
/// when that attack names no attacker of its own; the claimers are its
/// attackers (as the gold conventions count them). `since` is where the
/// sentence before this one starts.
pub(super) fn bare_claims(sent: &Sent, ents: &[Ent], mentions: &mut [Mention], since: usize) {
    for k in 0..sent.toks.len() {
        if !sent.claims_responsibility(k) {
            continue;
        }
        // "claimed responsibility on Thursday for the three suicide
        // bombings": the claimed attack is a telling of its own
        // (`article::claimed`). "Neither the Taliban nor al-Qaeda has
        // claimed", "denied that it had claimed", "whether ... had
        // claimed", a question: no claim made.
        if (k + 2..sent.toks.len())
            .take_while(|&j| !matches!(sent.lower(j), "." | ";"))
            .any(|j| sent.lower(j) == "for")
            || (claim_clause(sent, k)..k).any(|j| at!("claim_doubts", sent, j))
            || sent.toks.iter().any(|t| t.lower == "?")
        {
            continue;
        }
        let claimers = claim_subject(sent, ents, k);
        if claimers.is_empty() {
            continue;
        }
        let at = sent.toks[k].start;
        // The attack the claim's sentence tells first, else the one the
        // sentence before tells first, not one it compares it with ("the
        // deadliest attack since June, when a car bomb killed 20").
        let first_in = |from: usize, to: usize, mentions: &[Mention]| {
            mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.kind == EventKind::Attack && (from..to).contains(&m.evidence[0].start)
                })
                .min_by_key(|(_, m)| m.evidence[0].start)
                .map(|(i, _)| i)
        };
        let Some(i) =
            first_in(sent.start, at, mentions).or_else(|| first_in(since, sent.start, mentions))
        else {
            continue;
        };
        let m = &mut mentions[i];
        if super::article::named_attacker(m) || super::article::hypothetical(m) {
            continue;
        }
        for c in claimers {
            if !m.actors.iter().any(|(_, a)| a.iri == c.iri) {
                m.actors.push((Role::Initiator, c));
            }
        }
    }
}

/// Where the clause of the claim at `k` starts: after the last comma,
/// semicolon or "but" before it ("It was not immediately clear who was
/// behind the blast, but the Taliban later claimed").
fn claim_clause(sent: &Sent, k: usize) -> usize {
    (sent.body..k)
        .rev()
        .find(|&j| matches!(sent.lower(j), "," | ";" | "but"))
        .map_or(sent.body, |j| j + 1)
}

/// The groups that make the claim whose "claimed" is token `k`: the
/// organisations or armed groups named right before it ("has" between),
/// joined by "and" or commas, a gloss in brackets after a name passed
/// over; a spokesman's or commander's group for him ("Taliban spokesman
/// Qari Mohammad Yousuf"). None when the word before is a place or a
/// country ("Al-Qaeda in Iraq", "Palestinians"): whose claim it is is not
/// read then.
fn claim_subject(sent: &Sent, ents: &[Ent], k: usize) -> Vec<EntityRef> {
    let mut end = k;
    while end > 0
        && matches!(
            sent.lower(end - 1),
            "has" | "have" | "had" | "also" | "later"
        )
    {
        end -= 1;
    }
    let body = |e: &EntityRef| matches!(e.etype, EntityType::Organisation | EntityType::ArmedGroup);
    // "The Taliban, which has waged an insurgency since 2001, claimed": an
    // aside between commas after the name is passed over.
    if end > 0 && sent.lower(end - 1) == "," {
        if let Some(open) = (end.saturating_sub(14)..end - 1)
            .rev()
            .find(|&j| sent.lower(j) == ",")
        {
            end = open;
        }
    }
    let mut out = Vec::new();
    loop {
        if end > 0 && sent.lower(end - 1) == ")" {
            match (end.saturating_sub(8)..end - 1)
                .rev()
                .find(|&j| sent.lower(j) == "(")
            {
                Some(open) => end = open,
                None => return Vec::new(),
            }
        }
        let Some(e) = ents.iter().find(|e| !e.modifier && e.np1 == end) else {
            break;
        };
        let group = if body(&e.ent) && !e.locative {
            Some(e.ent.clone())
        } else if e.is_person() {
            ents.iter()
                .find(|m| m.modifier && m.t0 >= e.np0 && m.t1 <= e.t0 && body(&m.ent))
                .map(|m| m.ent.clone())
        } else {
            None
        };
        let mut before = e.np0;
        if before > 0 && sent.lower(before - 1) == "the" {
            before -= 1;
        }
        // "A group linked to al-Qaeda claimed": the name is no subject.
        let Some(group) = group.filter(|_| {
            !matches!(
                sent.lower(before.wrapping_sub(1)),
                "to" | "by" | "with" | "of" | "from" | "on" | "in" | "at" | "like"
            )
        }) else {
            return Vec::new();
        };
        out.push(group);
        if before > 0 && matches!(sent.lower(before - 1), "and" | ",") {
            end = before - 1;
        } else {
            break;
        }
    }
    out
}
