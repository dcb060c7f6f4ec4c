//! Where an event happened: its own phrase's place, a "where" clause's,
//! a meeting noun's premodifier, the sidelines of a gathering, and the place
//! of a stay whose purpose the event is.

use super::*;

/// The event's place: its own phrase's, else the clause's "where", and a
/// meeting that is the purpose of a stay takes the stay's place. A place
/// right after the noun ("a summit in Busan") is its own; one further on
/// ("a summit focused on its mission in Afghanistan") yields to where the
/// parties are gathered for it.
pub(super) fn choose_place(scope: &Scope, t: &Trigger, lb: usize, args: &mut Args) {
    if args.place.is_none() {
        args.place = where_place(scope, lb);
    }
    if args.place.is_none() {
        args.place = premodifier_place(scope, t, lb);
    }
    if args.place.is_none() {
        args.place = sidelines_place(scope, t);
    }
    let own_place = args
        .place
        .is_some_and(|p| scope.ents[p].np0 <= t.t1 + 2 && scope.ents[p].np0 > t.t0);
    if !own_place {
        if let Some(p) = purpose_place(scope, t, lb) {
            args.place = Some(p);
        }
    }
}

/// "Hu is in Hanoi for a state visit, where he will also attend the
/// summit", "flew to Tumbuscatio, where soldiers killed ...": an event
/// told in a "where" clause happens at the place that clause hangs on, the
/// last place named in the few words before its comma.
fn where_place(scope: &Scope, lb: usize) -> Option<usize> {
    let sent = scope.sent;
    if lb < 2 || sent.lower(lb) != "where" || sent.lower(lb - 1) != "," {
        return None;
    }
    let place = |e: &Ent| e.is_place() || e.ent.etype.is_place();
    // "in Baquba, 60 kilometers north of Baghdad, where": the town, not the
    // city its distance is measured from.
    let reference = |e: &Ent| {
        e.np0 >= 2 && sent.lower(e.np0 - 1) == "of" && at!("compass_points", sent, e.np0 - 2)
    };
    scope
        .ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.np1 < lb && e.np1 + 7 >= lb && !e.modifier && place(e) && !reference(e))
        .max_by_key(|(_, e)| e.np1)
        .map(|(i, _)| i)
}

/// "In a White House meeting with Prime Minister Binali Yildirim", "in an
/// Oval Office meeting", "the Geneva talks", "Saturday's Hanoi summit": a
/// city or building that opens a meeting noun's phrase is where it meets.
/// Not a country ("the Iran talks", "US-China talks": parties).
fn premodifier_place(scope: &Scope, t: &Trigger, lb: usize) -> Option<usize> {
    let sent = scope.sent;
    // "as a White House call readout said": a call joins two places, and
    // the name before it is a side's.
    if t.pos() != Pos::Noun || t.kind().family() != "consult" || t.kind() == EventKind::PhoneCall {
        return None;
    }
    let between = |from: usize| {
        (from..t.t0).all(|k| {
            at!("meeting_premodifiers", sent, k)
                || sent.toks[k].kind == TokKind::Number
                || sent.lower(k) == "-"
        })
    };
    scope.ents.iter().position(|e| {
        matches!(
            e.ent.etype,
            EntityType::City | EntityType::Building | EntityType::Region
        ) && e.t0 > lb
            && e.t1 <= t.t0
            && t.t0 - e.t1 <= 3
            && between(e.t1)
            && (at!("determiners", sent, e.t0 - 1) || sent.lower(e.t0 - 1) == "'s")
    })
}

/// "Abbas and Shalom met on the sidelines of a world information summit in
/// the Tunisian capital Tunis", "will hold their first talks ... on the
/// sidelines of the Asia-Pacific Economic Cooperation forum in Hanoi": a
/// meeting on the sidelines of a gathering is held where the gathering is.
fn sidelines_place(scope: &Scope, t: &Trigger) -> Option<usize> {
    let sent = scope.sent;
    if t.kind().family() != "consult" {
        return None;
    }
    let n = sent.toks.len();
    let of = (t.t1..n.min(t.t1 + 10)).find(|&k| {
        matches!(
            sent.lower(k),
            "sidelines" | "margins" | "sideline" | "margin"
        ) && sent.lower(k + 1) == "of"
    })? + 1;
    // The gathering's phrase: up to its "in", before any comma.
    let at = (of + 1..n.min(of + 12))
        .take_while(|&k| sent.lower(k) != ",")
        .find(|&k| sent.lower(k) == "in")?;
    scope
        .ents
        .iter()
        .enumerate()
        // "in the Tunisian capital Tunis": the city, not the adjective (a
        // capital, though it stands for its government: not `Ent::is_place`).
        .filter(|(_, e)| {
            (e.locative
                || matches!(
                    e.ent.etype,
                    EntityType::City | EntityType::Building | EntityType::Region
                ))
                && !e.modifier
                && e.np0 > at
                && e.np0 <= at + 5
        })
        .max_by_key(|(_, e)| e.np0)
        .map(|(i, _)| i)
}

/// "leaders were meeting in Riga, Latvia, for a summit", "is in Beijing
/// for a two-day summit of the Forum", "gathering in Spanish city
/// Barcelona on Sunday for a two-day summit": a meeting noun that is the
/// purpose of being somewhere takes place there.
fn purpose_place(scope: &Scope, t: &Trigger, lb: usize) -> Option<usize> {
    let sent = scope.sent;
    if t.pos() != Pos::Noun || t.kind().family() != "consult" {
        return None;
    }
    // "for" and the noun's premodifiers: articles, names, "two-day".
    let f = (lb..t.t0).rev().take(6).find(|&k| sent.lower(k) == "for")?;
    let premodifier = |k: usize| {
        at!("meeting_premodifiers", sent, k)
            || sent.toks[k].cap
            || sent.toks[k].kind == TokKind::Number
            || sent.lower(k) == "-"
            || sent.lower(k - 1) == "-"
    };
    if !(f + 1..t.t0).all(premodifier) {
        return None;
    }
    scope
        .ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.np0 >= lb && e.np1 <= f && e.locative && !e.modifier)
        // Only the day or the country between: "in Riga, Latvia, for",
        // "in Barcelona on Sunday for" ("land in Okinawa would be passed in
        // time for a summit" is not there).
        .filter(|(_, e)| {
            e.np1 + 5 >= f
                && (e.np1..f).all(|k| {
                    sent.toks[k].cap
                        || matches!(sent.lower(k), "," | "on" | "here" | "there")
                        || scope.dates.iter().any(|d| d.t0 <= k && k < d.t1)
                })
        })
        .max_by_key(|(_, e)| e.np1)
        .map(|(i, _)| i)
}
