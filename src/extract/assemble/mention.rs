//! One mention from a trigger and its arguments, in phases: its parties,
//! a visit's place and host, its date, its status (and an aid told as
//! announced becoming a pledge), then the date and status settled against
//! each other and the story's day.

use super::*;

pub(super) fn mention(
    text: &str,
    scope: &Scope,
    ti: usize,
    args: &Args,
    tx: &[TimexTok],
    owners: &[Option<attributes::Owner>],
    ctx: &Context,
) -> Option<Mention> {
    let t = &scope.triggers[ti];
    let sent = scope.sent;
    let ents = scope.ents;
    if journey_of_nobody(sent, ents, t, args) {
        return None;
    }
    let bounds = arguments::bounds(scope, t);
    let mut actors = parties(scope, t, args, ctx);
    let mut place = args.place.map(|i| ents[i].ent.clone());
    if t.kind() == EventKind::Visit {
        visit_host(scope, t, args, ctx, &mut place, &mut actors);
    }
    let mut kind = t.kind();
    // "promised 700 troops", "sent soldiers": what is given is no
    // recipient (a recipient is named by "to" or left to the article).
    if matches!(kind, EventKind::Pledge | EventKind::Aid) {
        actors.retain(|(r, a)| {
            !(*r == Role::Target
                && a.anchor == a.iri
                && group_head(a).is_some_and(|w| is!("aidobj", &w)))
        });
    }
    drop_public(kind, &mut actors);
    let mut date = attributes::date(ti, scope.triggers, bounds, tx, owners, scope.frames, sent);
    if kind == EventKind::Attack && !t.rule.generic {
        place_target(place.as_ref(), date.is_some(), &mut actors, ctx);
    }
    with_countries(&mut actors, ctx);
    if date.is_none() {
        date = undated_after_talks(text, scope, t, ctx);
    }
    let mut status = status_of(scope, t, bounds, date.as_ref(), &actors, ctx);
    let frame = attributes::frame_of(scope.frames, t);
    aid_as_pledge(scope.sent, t, frame, tx, &mut kind, &mut status, &mut date);
    if let Some(d) = date.as_mut() {
        attributes::fix_weekday(d, status, ctx.date);
        if status == Status::Occurred && ctx.date.is_some_and(|r| d.earliest > r) {
            // "The decision was made at the summit ... held on January 9",
            // "killed in a February bomb blast": a meeting told as held, or
            // an attack told in the past, was on the last such date.
            let past = kind == EventKind::Attack || attributes::held_after(sent, scope.ents, t);
            let moved = past && ctx.date.is_some_and(|r| attributes::last_year(d, r));
            if !moved {
                status = Status::Planned;
            }
        }
    }
    clamp_to_story_day(sent, t, kind, status, date.as_mut(), ctx);
    // "India and the United States had agreed to double bilateral trade
    // ... by 2008", "Russia agreed to totally phase out the charges by the
    // end of 2013": a date still ahead of a speech act told done is what
    // was said, not when. Two parties make it news undated; one party and
    // no date would be dropped as background (`specific`), so the act
    // takes its story's day, marked as that fallback, as the store gives
    // any undated act told done (`merge::story_day`): "Kelly Holmes has
    // announced her retirement from athletics and will not now bow out at
    // next year's Commonwealth Games", "Bush has declared January 2 as a
    // national day of mourning" were told as announcements planned for the
    // year or the day they name.
    if status == Status::Planned && date.is_some() && attributes::said_done_at(sent, t, bounds.0) {
        status = Status::Occurred;
        date = if crate::model::parties_of(&actors) >= 2 {
            None
        } else {
            ctx.date.map(DateWindow::story_day)
        };
    }
    let claimed_by = frame
        .filter(|_| status == Status::Claimed)
        .and_then(|f| f.speaker)
        .map(|i| actor_ref(&ents[i], ctx))
        .filter(|s| !actors.iter().any(|(_, a)| a.iri == s.iri));
    let attack_mode = (kind == EventKind::Attack)
        .then(|| attributes::attack_mode(sent, t, bounds.1))
        .flatten();
    let topic = topic_words(sent, ents, t.t1, bounds.1);
    let start = sent.toks[t.t0].start;
    let end = sent.toks[t.t1 - 1].end;
    Some(Mention {
        kind,
        actors,
        date,
        place,
        status,
        claimed_by,
        attack_mode,
        topic,
        time_not_taken: false,
        evidence: vec![evidence(text, sent, start, end)],
    })
}

/// The parties the arguments name, each once; a meeting at the White House
/// is also with its holder.
fn parties(scope: &Scope, t: &Trigger, args: &Args, ctx: &Context) -> Vec<(Role, EntityRef)> {
    let ents = scope.ents;
    let mut actors: Vec<(Role, EntityRef)> = Vec::new();
    for &(role, i) in &args.roles {
        let r = actor_ref(&ents[i], ctx);
        if !actors.iter().any(|(_, a)| a.iri == r.iri) {
            actors.push((role, r));
        }
    }
    // Not for a building that names the meeting ("In a White House meeting
    // with Prime Minister Binali Yildirim, Pence voiced"): the
    // institution's meeting, not its holder's. ("At the White House, Bush
    // met": a place the clause is at, the holder's.)
    let names_it = |i: usize| !ents[i].locative && ents[i].t1 <= t.t0 && t.t0 - ents[i].t1 <= 3;
    if let (Some(i), Some(d)) = (args.place, ctx.date) {
        if t.kind().family() == "consult" && !names_it(i) {
            if let Some((title, of)) = &ents[i].seat {
                if let Some(h) = ctx.gaz.holder(title, *of, d) {
                    let r = ctx.gaz.entity_ref(h, ctx.date);
                    if !actors.iter().any(|(_, a)| a.iri == r.iri) {
                        actors.push((Role::Participant, r));
                    }
                }
            }
        }
    }
    actors
}

/// A visit's destination is its place and its host ("arrived in
/// Washington", "visit Moscow").
fn visit_host(
    scope: &Scope,
    t: &Trigger,
    args: &Args,
    ctx: &Context,
    place: &mut Option<EntityRef>,
    actors: &mut Vec<(Role, EntityRef)>,
) {
    let ents = scope.ents;
    let dest = args
        .place
        .or_else(|| {
            args.roles
                .iter()
                .find(|(r, i)| *r == Role::Target && ents[*i].ent.etype != EntityType::Person)
                .map(|&(_, i)| i)
        })
        .or_else(|| visit_place_before(scope.sent, ents, t));
    let Some(i) = dest else { return };
    // "a state visit to Britain, Germany and Spain": a tour has no one
    // place.
    let countries = args
        .roles
        .iter()
        .filter(|(r, i)| *r == Role::Target && ents[*i].ent.etype == EntityType::Country)
        .count();
    let e = &ents[i];
    if place.is_none() && (e.ent.etype != EntityType::Country || countries == 1) {
        *place = Some(e.ent.clone());
    }
    let host = actor_ref(e, ctx);
    let host = if host.etype == EntityType::City || host.etype == EntityType::Region {
        ctx.gaz
            .get(&host.anchor)
            .map(|c| ctx.gaz.entity_ref(c, ctx.date))
            .unwrap_or(host)
    } else {
        host
    };
    if host.etype == EntityType::Country && !actors.iter().any(|(_, a)| a.iri == host.iri) {
        actors.push((Role::Target, host));
    }
}

/// "after talks with" a day the sentence does not name: the story's day.
fn undated_after_talks(
    text: &str,
    scope: &Scope,
    t: &Trigger,
    ctx: &Context,
) -> Option<DateWindow> {
    let day = ctx.date?;
    let sent = scope.sent;
    matches!(
        attributes::after_talks(sent, scope.frames, t),
        Some(attributes::AfterTalks::Undated)
    )
    .then(|| DateWindow {
        earliest: day,
        latest: day,
        value: day.to_string(),
        granularity: "Day".into(),
        method: crate::model::DateMethod::RelativeToPublication,
        text: sent.span_text(text, t.t0, t.t1).to_string(),
    })
}

/// The status the clause tells, the speaker counted as a party when it is
/// one of the event's own ("X said it would").
fn status_of(
    scope: &Scope,
    t: &Trigger,
    bounds: (usize, usize),
    date: Option<&DateWindow>,
    actors: &[(Role, EntityRef)],
    ctx: &Context,
) -> Status {
    let ents = scope.ents;
    // The speaker is one of the event's own parties ("X said it would").
    let own = |s: usize| {
        let sp = &ents[s];
        actors.iter().any(|(r, a)| {
            *r != Role::Target
                && (a.iri == sp.ent.iri || a.iri == sp.ent.anchor || a.anchor == sp.ent.iri)
        })
    };
    attributes::status(
        scope.sent,
        ents,
        t,
        bounds,
        scope.frames,
        date,
        ctx.date,
        &own,
    )
}

/// "said it was sending troops", "will send aid": aid announced is a
/// pledge; aid only considered stays aid, possible; aid a report says was
/// given stays aid ("has given Nepal 30 million dollars since 1990, the
/// embassy said").
fn aid_as_pledge(
    sent: &Sent,
    t: &Trigger,
    frame: Option<&Frame>,
    tx: &[TimexTok],
    kind: &mut EventKind,
    status: &mut Status,
    date: &mut Option<DateWindow>,
) {
    if *kind != EventKind::Aid || t.pos() != Pos::Verb || *status == Status::Possible {
        return;
    }
    let announced = *status == Status::Planned
        || frame.is_some() && !attributes::past_form(sent.lower(t.t0))
        || sent.lower(t.t0).ends_with("ing");
    if !announced {
        return;
    }
    *kind = EventKind::Pledge;
    if *status == Status::Planned {
        *status = Status::Occurred;
    }
    // "France said Tuesday it was sending 1,000": the pledge is the
    // saying, and dated by it.
    if date.is_none() {
        *date = frame
            .and_then(|f| f.date)
            .and_then(|i| attributes::window_of(&tx[i].timex));
    }
}

/// What happened happened by the day of the story, and what is planned is
/// still ahead of it: "signed a letter this week" in a Saturday story is
/// Monday to Saturday (the gold conventions' reading), "have intensified
/// attacks this year" the year so far, "will meet later this week" from the
/// story's day on.
///
/// Only for what a verb tells done, an attack, or a week's window: a
/// meeting noun's status is a guess, and a month or year ahead is room for
/// it ("this month's G20 summit" may be still to come). "held talks with
/// Putin this month" is told done by its light verb (list
/// `done_light_verbs`; not `light_verbs`, which holds "planning" and
/// "proposed", which tell nothing done).
fn clamp_to_story_day(
    sent: &Sent,
    t: &Trigger,
    kind: EventKind,
    status: Status,
    date: Option<&mut DateWindow>,
    ctx: &Context,
) {
    let (Some(d), Some(r)) = (date, ctx.date) else {
        return;
    };
    let told_done = t.pos() == Pos::Verb
        || kind == EventKind::Attack
        || (t.t0.saturating_sub(3)..t.t0).any(|k| at!("done_light_verbs", sent, k));
    if (told_done || d.granularity == "Week")
        && matches!(status, Status::Occurred | Status::Claimed)
        && d.earliest <= r
        && r < d.latest
    {
        d.latest = r;
    }
    if status == Status::Planned && d.earliest < r && r <= d.latest {
        d.earliest = r;
    }
}
