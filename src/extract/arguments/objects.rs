//! Objects and prepositional phrases after a trigger, and the attack nouns
//! whose own verb follows them ("a roadside bomb hit an army patrol").

use super::*;

/// "had discussed U.S. sanctions on Russia with Sergey Kislyak": a verb of
/// talks keeps its "with" party past the event nouns of its topic.
pub(super) fn with_party_beyond(scope: &Scope, t: &Trigger, e: &Ent, rb: usize) -> bool {
    t.kind().family() == "consult"
        && t.pos() == Pos::Verb
        && e.np1 <= rb
        && governing_prep(scope.sent, e.np0, t.t1) == Some("with")
        && scope
            .triggers
            .iter()
            .filter(|o| o.t0 >= t.t1 && o.t0 < e.np0)
            .all(|o| o.pos() == Pos::Noun && o.kind().family() != "consult")
}

/// Whether a place after an attack is what it strikes: a country ("attacks
/// across Ukraine"), a town attacked "on" ("the deadliest assault on New
/// York City"), a body struck "at" ("two rockets landed at an Israeli army
/// base").
pub(super) fn struck_at(sent: &Sent, kind: EventKind, e: &Ent, t1: usize) -> bool {
    kind == EventKind::Attack
        && (e.ent.etype == EntityType::Country
            || matches!(governing_prep(sent, e.np0, t1), Some("on" | "against"))
            || matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            ))
}

/// Phrases after the trigger that name who acts: "claimed responsibility
/// for the attack on behalf of the Taliban" (who it is done for does it),
/// "a ballistic missile fired from warring Yemen" (the country it is fired
/// from fires it; a town or a region stays a place).
pub(super) fn cued_initiator(sent: &Sent, kind: EventKind, prep: Option<&str>, e: &Ent) -> bool {
    let before = |word: &str, prev: &dyn Fn(&str) -> bool| {
        (e.np0.saturating_sub(3)..e.np0)
            .any(|k| sent.lower(k) == word && k > 0 && prev(sent.lower(k - 1)))
    };
    let behalf = prep == Some("of") && before("of", &|w| w == "behalf");
    let fired_from = kind == EventKind::Attack
        && matches!(prep, Some("from") | None)
        && e.ent.etype == EntityType::Country
        && before("from", &|w| matches!(w, "fired" | "launched"));
    behalf || fired_from
}

/// "UN condemnation of Iraq": the first "of" after a condemnation or an
/// accusation names whom it is aimed at. Not a later "of" ("condemnation
/// of the Israeli occupation of southern Lebanon"), nor after a verb that
/// draws the condemnation from its maker ("drew the condemnation of the
/// Security Council").
fn aimed_of(sent: &Sent, t: &Trigger, e: &Ent) -> bool {
    at!("objective_of_nouns", sent, t.t1 - 1)
        && (t.t1..e.np0).filter(|&k| sent.lower(k) == "of").count() == 1
        && !(t.t0.saturating_sub(4)..t.t0).any(|k| at!("drawing_verbs", sent, k))
}

/// The role of a by-phrase after a speech verb's object, if there is one:
/// "called for restraint by Japan", "condemned missile attacks by Yemen's
/// Houthi militias": the agent of the content noun, asked to act or
/// condemned, not the speaker ("a charge rejected by Tehran" is a passive,
/// read elsewhere); "a ceasefire brokered by Qatar", "a statement carried
/// by MENA": the agent of a participle, no party (`Some(None)`).
pub(super) fn content_agent(
    sent: &Sent,
    t: &Trigger,
    e: &Ent,
    prep: Option<&str>,
) -> Option<Option<Role>> {
    if prep != Some("by") || t.pos() == Pos::Noun || !t.kind().speech_act() {
        return None;
    }
    let by = by_after_trigger(sent, t, e)?;
    if sent.lower(by - 1).ends_with("ed") {
        return Some(None);
    }
    Some(matches!(t.kind(), EventKind::Request | EventKind::Statement).then_some(Role::Target))
}

/// "missile attacks against Saudi Arabia, enabled by Iran's Islamic
/// Revolutionary Guard Corps": the by-phrase of a participle after a noun
/// trigger is the participle's ([enabling_participles]), not the trigger's.
fn enabler(sent: &Sent, t: &Trigger, e: &Ent) -> bool {
    by_after_trigger(sent, t, e).is_some_and(|by| at!("enabling_participles", sent, by - 1))
}

/// Whether a modal ([modals]) stands between a noun trigger and the "by"
/// before `e`: the noun is a subject, and the by-phrase is past its verb.
fn verb_before_by(sent: &Sent, t: &Trigger, e: &Ent) -> bool {
    by_after_trigger(sent, t, e).is_some_and(|by| (t.t1..by).any(|k| at!("modals", sent, k)))
}

/// The "by" nearest before `e` that is not right after the trigger `t`
/// (whose own agent that would be): a participle's between them.
fn by_after_trigger(sent: &Sent, t: &Trigger, e: &Ent) -> Option<usize> {
    (t.t1..e.np0)
        .rev()
        .find(|&k| sent.lower(k) == "by")
        .filter(|&by| by > t.t1)
}

/// An attack or weapon noun as the subject of a verb of harm ("a roadside
/// bomb hit", "a car bomb exploded", "a suicide bombing killed"): where the
/// verb stands, right after it or after a phrase of place and time ("A
/// NATO-led airstrike in southern Afghanistan this week killed up to 30
/// Taliban fighters").
pub(crate) fn weapon_verb(sent: &Sent, t: &Trigger) -> Option<usize> {
    if t.kind() != EventKind::Attack || t.pos() != Pos::Noun {
        return None;
    }
    if at!("weapon_verbs", sent, t.t1 - 1) {
        return Some(t.t1 - 1);
    }
    if at!("weapon_verbs", sent, t.t1) {
        return Some(t.t1);
    }
    // Only a phrase that opens with a preposition of place or time.
    // "A rocket attack from Lebanon wounded two Israelis": where it came
    // from is such a phrase too.
    if !matches!(
        sent.lower(t.t1),
        "in" | "on" | "near" | "at" | "outside" | "from"
    ) {
        return None;
    }
    (t.t1 + 1..(t.t1 + 9).min(sent.toks.len()))
        .take_while(|&k| {
            let w = sent.lower(k);
            sent.toks[k].cap
                || is!("weapon_verbs", w)
                || is!("place_adjectives", w)
                || is!("place_nouns", w)
                // "A drone attack on a base in Jordan on Sunday killed".
                || is!("facility_nouns", w)
                || matches!(w, "a" | "an" | "from")
                || crate::extract::lexicon::WEEKDAYS.contains(&w)
                || matches!(
                    w,
                    "in" | "on"
                        | "near"
                        | "at"
                        | "of"
                        | "the"
                        | "this"
                        | "last"
                        | "week"
                        | "weekend"
                        | "late"
                        | "early"
                        | "morning"
                        | "night"
                        | "'s"
                )
        })
        .find(|&k| at!("weapon_verbs", sent, k))
}

/// Objects and prepositional phrases after the trigger, up to `rb`, the
/// next clause break or another event's trigger.
pub(super) fn right_side(scope: &Scope, t: &Trigger, rb: usize, passive: bool, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    let nominal = t.pos() == Pos::Noun;
    let stop = objects_stop(scope, t, rb);
    inner_parties(scope, t, passive, args);
    let mut last_end = t.t1;
    for (i, e) in ents.iter().enumerate() {
        if !free(e) || e.np0 < t.t1 || e.np1 > stop && !with_party_beyond(scope, t, e, rb) {
            continue;
        }
        // "'... killing Adel Muhammed Abbas,' police officer Col. Ali
        // Muhmoud told Xinhua": a quoted clause ends at its closing mark (not
        // a quoted word: 'gunmen "ambushed" a police convoy near Kirkuk').
        if sent.in_quote(t.t0) && !sent.in_quote(e.np0) && quoted_clause_ends(sent, t.t1, e.np0) {
            break;
        }
        if past_the_charge(sent, t, e, last_end, args) {
            break;
        }
        // Far objects of nominal triggers belong to something else.
        if nominal && e.np0 > last_end + 6 {
            break;
        }
        if e.is_place() && e.ent.etype != EntityType::Country || e.locative {
            place_object(scope, t, i, args);
            last_end = e.np1;
            continue;
        }
        // "urged the UN to send election observers": who is sent is no
        // one asked.
        if kind.speech_act()
            && e.np0 >= 1
            && at!("sending_verbs", sent, e.np0 - 1)
            && e.np0 > t.t1 + 1
        {
            continue;
        }
        let prep = if invites(sent, e) {
            Some(INVITER)
        } else {
            governing_prep(sent, e.np0, t.t1)
        };
        if topic_object(sent, t, prep) && e.np0 <= last_end + 2 {
            last_end = e.np1;
            continue;
        }
        // "at the invitation of Wu Bangguo, chairman of the Standing
        // Committee of the National People's Congress": the body of the
        // person just read takes that person's part.
        if let Some(role) = office_of_last(sent, ents, args, last_end, e) {
            args.add(role, i);
            last_end = e.np1;
            continue;
        }
        // The topic's own words ("reviewing the administration's Iraq
        // strategy") are not next to the trigger's arguments either.
        if discussed(sent, e, prep) {
            continue;
        }
        if let Some(r) = conjunct_role(scope, t, e, prep, args) {
            args.add(r, i);
            last_end = e.np1;
            continue;
        }
        // "Olmert's statement could undermine efforts by Israel and the
        // West": past a verb of the noun's own clause, a by-phrase is that
        // verb's object's. Who backed an attack is no party to it; who
        // sponsored talks is (their host or mediator).
        if prep == Some("by")
            && nominal
            && (verb_before_by(sent, t, e) || kind == EventKind::Attack && enabler(sent, t, e))
        {
            last_end = e.np1;
            continue;
        }
        let Some(role) = object_role(sent, t, e, prep, passive, last_end) else {
            continue;
        };
        if nominal && prep.is_none() {
            // A bare name after a noun trigger is an apposition or a new
            // clause's subject, not its argument.
            continue;
        }
        args.add(role, i);
        last_end = e.np1;
    }
}

/// Where a trigger's objects end: requests reach into their complement
/// ("urged X to extend Y's status"); other events stop at the next trigger.
/// Words quoted end at their closing mark: "I will ask President Mubarak
/// for more efforts," Arafat told reporters' is not addressed to Arafat.
fn objects_stop(scope: &Scope, t: &Trigger, rb: usize) -> usize {
    let reaches = t.kind().speech_act();
    let quote_end = scope
        .sent
        .quotes
        .iter()
        .find(|&&(a, b)| reaches && a <= t.t0 && t.t0 < b)
        .map_or(rb, |&(_, b)| b);
    scope
        .triggers
        .iter()
        .filter(|o| o.t0 >= t.t1 && !reaches)
        .map(|o| o.t0)
        .min()
        .unwrap_or(rb)
        .min(rb)
        .min(quote_end)
}

/// "Putin and Erdogan discussed Syria by phone", "met to discuss NAFTA":
/// what is discussed is the topic, not a party.
fn topic_object(sent: &Sent, t: &Trigger, prep: Option<&str>) -> bool {
    prep.is_none() && at!("discussion_verbs", sent, t.t0)
}

/// "spoke with Zelensky by phone": a party inside the trigger's words.
fn inner_parties(scope: &Scope, t: &Trigger, passive: bool, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    for (i, e) in ents.iter().enumerate() {
        if !(free(e) && e.np0 > t.t0 && e.np1 < t.t1) {
            continue;
        }
        let prep = governing_prep(sent, e.np0, t.t0);
        if topic_object(sent, t, prep) {
            continue;
        }
        // "was killed in an Israeli air strike": whose strike it was;
        // "a suicide bomber who killed": who did it.
        let attacker = || {
            e.kind == EntKind::Group
                && prep.is_none()
                && matches!(
                    sent.lower(e.np1 - 1),
                    "bomber" | "bombers" | "gunman" | "gunmen"
                )
        };
        // "were overthrown in a US-led invasion": who led it.
        let leader = e.kind == EntKind::Name
            && sent.lower(e.np1) == "-"
            && matches!(sent.lower(e.np1 + 1), "led" | "backed");
        if kind == EventKind::Attack
            && (passive && prep == Some("in") && (e.kind == EntKind::Demonym || leader)
                || attacker())
        {
            args.add(Role::Initiator, i);
        } else if let Some(role) = role_of_prep(kind, prep, false) {
            args.add(role, i);
        }
    }
}

/// "accused Britain of backing militants in Iraq": past the charge's "of",
/// what the accused is said to have done, not more accused. So past
/// "accused each other of".
fn past_the_charge(sent: &Sent, t: &Trigger, e: &Ent, last_end: usize, args: &Args) -> bool {
    let reciprocal = || {
        matches!(
            (sent.lower(t.t1), sent.lower(t.t1 + 1)),
            ("each", "other") | ("one", "another")
        )
    };
    t.kind() == EventKind::Accusation
        && t.pos() != Pos::Noun
        && (reciprocal() || args.roles.iter().any(|(r, _)| *r == Role::Target))
        && (last_end..e.np0).any(|k| sent.lower(k) == "of")
}

/// A place after the trigger: where the event was, and for an attack
/// sometimes what it struck.
fn place_object(scope: &Scope, t: &Trigger, i: usize, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    let e = &ents[i];
    // "killed in Sderot by a rocket attack from the Gaza Strip": where
    // an attack came from is not where it struck.
    let origin = kind == EventKind::Attack && governing_prep(sent, e.np0, t.t1) == Some("from");
    // "in the rebel-held southern Albanian town of Gjirokaster": the
    // town named after the demonym's "town of" is the place.
    let names_the_town = args.place.is_some_and(|p| {
        let d = &ents[p];
        d.kind == EntKind::Demonym && d.t1 + 2 == e.t0 && sent.lower(d.t1 + 1) == "of"
    });
    if (args.place.is_none() || names_the_town) && !origin {
        // "a surprise visit to the southern Iraqi city of Basra": the
        // country is still the visit's host.
        if let Some(d) = args
            .place
            .filter(|_| names_the_town && kind == EventKind::Visit)
        {
            args.add(Role::Target, d);
        }
        args.place = Some(i);
    }
    // "attacks across Ukraine": the country attacked.
    if struck_at(sent, kind, e, t.t1) && !args.roles.iter().any(|(r, _)| *r == Role::Target) {
        args.add(Role::Target, i);
    }
}

/// "between Moscow and Washington": a conjunct takes its neighbour's role.
fn conjunct_role(
    scope: &Scope,
    t: &Trigger,
    e: &Ent,
    prep: Option<&str>,
    args: &Args,
) -> Option<Role> {
    let (sent, ents) = (scope.sent, scope.ents);
    if prep.is_some() {
        return None;
    }
    let list_goes_on = matches!(sent.lower(e.np1), "," | "and" | "or");
    // "between their troops and the military": past a determiner.
    let mut j = e.np0;
    while j > t.t1
        && matches!(
            sent.lower(j - 1),
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        )
    {
        j -= 1;
    }
    // "on the anniversary of China-ASEAN dialogue relations": the second
    // name of a hyphened pair as well (a pair inside a body's name, "the
    // Russia-NATO Council", is the body's; one before "border" names a
    // place).
    let paired = j > 0
        && sent.lower(j - 1) == "-"
        && j == e.np0
        && !sent.toks.get(e.np1).is_some_and(|t| t.cap)
        && !at!("shared_ground", sent, e.np1);
    let conjunct = j > 0
        && (matches!(sent.lower(j - 1), "and" | "or")
            || sent.lower(j - 1) == "," && list_goes_on
            || paired);
    if !conjunct {
        return None;
    }
    args.roles
        .iter()
        .find(|(_, x)| ents[*x].np1 + 2 >= e.np0 && ents[*x].np1 < e.np0)
        .map(|&(r, _)| r)
}

/// The role of an object or prepositional phrase after the trigger.
fn object_role(
    sent: &Sent,
    t: &Trigger,
    e: &Ent,
    prep: Option<&str>,
    passive: bool,
    last_end: usize,
) -> Option<Role> {
    let kind = t.kind();
    let nominal = t.pos() == Pos::Noun;
    let role = if passive && prep == Some("by") || cued_initiator(sent, kind, prep, e) {
        Some(Role::Initiator)
    } else if prep == Some("of") && nominal && aimed_of(sent, t, e) {
        Some(Role::Target)
    } else if let Some(role) = content_agent(sent, t, e, prep) {
        role
    } else if prep.is_none()
        && e.np0 > last_end + 2 + glued_hyphens(sent, last_end, e.np0)
        && !nominal
        && !counted(sent, last_end, e)
    {
        // Not adjacent: the object of something else, unless the object of
        // a threat's or a pledge's own infinitive.
        if kind == EventKind::Request || infinitive_object(sent, t, e) {
            Some(Role::Target)
        } else {
            None
        }
    } else {
        role_of_prep(kind, prep, nominal)
    };
    match role {
        // "commitments to withdraw its military forces from Georgia",
        // "called on Sunni politicians to withdraw from the government": a
        // "from" inside an asked or promised act of leaving names what is
        // left, not who speaks ("an offer to mediate from Egypt" is
        // Egypt's).
        Some(Role::Initiator) if prep == Some("from") && infinitive_before(sent, t.t1, e.np0) => {
            Some(Role::Target)
        }
        // "His father called for help from the Soviet Union", "have
        // requested assistance from forces around Britain", "we can ask for
        // help from Malaysia or Singapore": whom a request verb asks help
        // of gives it (after a request noun, "from" still names its maker).
        Some(Role::Initiator) if kind == EventKind::Request && !nominal && help_from(sent, e) => {
            Some(Role::Target)
        }
        // "asked for American forces to remain": who is to act is whom the
        // request is to.
        Some(Role::Participant)
            if kind == EventKind::Request && prep == Some("for") && sent.lower(e.np1) == "to" =>
        {
            Some(Role::Target)
        }
        r => r,
    }
}

/// Whether `e` follows "from" after a word of help sought ("help from
/// the Soviet Union").
fn help_from(sent: &Sent, e: &Ent) -> bool {
    (e.np0.saturating_sub(3)..e.np0)
        .rev()
        .find(|&k| sent.lower(k) == "from")
        .is_some_and(|k| k >= 1 && at!("help_nouns", sent, k - 1))
}

/// "killed more than 40 people", "killed at least 57 people": only a
/// count stands between the verb's last word and its object.
fn counted(sent: &Sent, last_end: usize, e: &Ent) -> bool {
    (last_end..e.np0).all(|k| sent.toks[k].kind == TokKind::Number || at!("count_words", sent, k))
}

/// The role of the person read last when `e` follows ", TITLE ... of
/// (the)" right after that person: the body the person holds office in.
fn office_of_last(
    sent: &Sent,
    ents: &[Ent],
    args: &Args,
    last_end: usize,
    e: &Ent,
) -> Option<Role> {
    let of = if sent.lower(e.np0.saturating_sub(1)) == "the" {
        e.np0.saturating_sub(2)
    } else {
        e.np0.saturating_sub(1)
    };
    let office = sent.lower(last_end) == ","
        && sent.lower(of) == "of"
        && of > last_end + 1
        && of <= last_end + 6
        && (last_end + 1..of).any(|k| at!("titles", sent, k))
        && (last_end + 1..of).all(|k| sent.toks[k].kind == TokKind::Word);
    if !office {
        return None;
    }
    args.roles
        .iter()
        .find(|&&(_, p)| ents[p].np1 == last_end && ents[p].is_person())
        .map(|&(r, _)| r)
}

/// "arrived here on Thursday for a state visit at Musharraf's invitation":
/// the possessor invited.
fn invites(sent: &Sent, e: &Ent) -> bool {
    e.np0 >= 1
        && matches!(sent.lower(e.np0 - 1), "at" | "on" | "upon")
        && sent.lower(e.np1) == "'s"
        && sent.lower(e.np1 + 1) == "invitation"
}

/// "met ex-dictator Augusto Pinochet": the hyphen after a lower-case
/// prefix is no word between the verb and its object (that of "F-16
/// warplanes" or "Western-backed" is no prefix's).
fn glued_hyphens(sent: &Sent, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&k| sent.glued_hyphen(k) && k > 0 && !sent.toks[k - 1].cap)
        .count()
}

/// Whether the quotation holding a trigger that ends at `from` closes
/// before `to` on a clause's punctuation ('... wounding Hadi,"').
fn quoted_clause_ends(sent: &Sent, from: usize, to: usize) -> bool {
    (from..to)
        .find(|&k| !sent.in_quote(k))
        .is_some_and(|c| c > 0 && matches!(sent.lower(c - 1), "," | "." | "!" | "?"))
}

/// "met with Putin to discuss Iran", "talks with Li discussing Taiwan":
/// the bare object of a verb of discussion after the trigger is a topic.
fn discussed(sent: &Sent, e: &Ent, prep: Option<&str>) -> bool {
    let mut k = e.np0;
    while k > 0 && at!("determiners", sent, k - 1) {
        k -= 1;
    }
    prep.is_none() && k > 0 && at!("discussion_verbs", sent, k - 1)
}

/// Whether an infinitive of leaving opens between tokens `a` and `b` ("to
/// withdraw its troops", not "an offer to mediate" nor "to the UN").
fn infinitive_before(sent: &Sent, a: usize, b: usize) -> bool {
    (a..b.saturating_sub(1)).any(|k| sent.lower(k) == "to" && at!("leaving_verbs", sent, k + 1))
}

/// "threatened on Monday to destroy North Korea", "vowed to totally
/// destroy Iran": the object of a threat's or a pledge's infinitive, past
/// the date and adverbs between (an adjacent one is read as any object).
fn infinitive_object(sent: &Sent, t: &Trigger, e: &Ent) -> bool {
    if t.pos() != Pos::Verb || !matches!(t.kind(), EventKind::Threat | EventKind::Pledge) {
        return false;
    }
    let Some(to) = (t.t1..e.np0).find(|&k| sent.lower(k) == "to") else {
        return false;
    };
    let dated = (t.t1..to).all(|k| date_or_adverb(sent, k));
    // One verb, with adverbs and a determiner (and quotation marks) about it.
    let quote = |w: &str| matches!(w, "\"" | "“" | "”" | "'");
    let words: Vec<&str> = (to + 1..e.np0)
        .map(|k| sent.lower(k))
        .filter(|w| !quote(w))
        .collect();
    let verbs = words
        .iter()
        .filter(|w| !w.ends_with("ly") && !matches!(**w, "the" | "a" | "an"))
        .count();
    // The whole object: not a possessor ("to further the NC's
    // cooperation") nor a modifier ("to wage a guerrilla war").
    let next = sent.toks.get(e.np1);
    let whole = next.is_none_or(|n| {
        n.kind != TokKind::Word || n.cap || PREPOSITIONS.contains(&n.lower.as_str())
    }) && sent.lower(e.np1) != "'s"
        && sent.lower(e.t1) != "'s";
    dated
        && whole
        && verbs == 1
        && words.len() <= 4
        && (to + 1..e.np0).all(|k| {
            let tok = &sent.toks[k];
            quote(sent.lower(k)) || tok.kind == TokKind::Word && !tok.cap
        })
}
