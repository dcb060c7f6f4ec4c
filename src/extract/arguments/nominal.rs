//! Parties of a nominal trigger before it: possessors, modifiers ("Israeli
//! air strike"), the subject of its light verb, a fronted prepositional
//! phrase.

use super::*;

/// Possessors, modifiers and light-verb subjects of a nominal trigger.
pub(super) fn nominal_left(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    subj_role: Role,
    args: &mut Args,
) {
    let k = modifier_parties(scope, t, lb, args);
    if !args.roles.is_empty() && t.kind() != EventKind::Summit {
        return;
    }
    let Some(j) = light_verb_parties(scope, t, lb, k, subj_role, args) else {
        return;
    };
    prepositional_parties(scope, t, lb, j, subj_role, args);
}

/// The parties among the noun's modifiers; returns where its phrase starts.
pub(super) fn modifier_parties(scope: &Scope, t: &Trigger, lb: usize, args: &mut Args) -> usize {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    // Modifiers: "Israeli air strike", "Trump's first meeting", "U.S.-China
    // talks", "his state visit", "a US-led invasion".
    let mut k = t.t0;
    let mut hops = 0;
    while k > lb && hops < 4 {
        let w = sent.lower(k - 1);
        // A name's phrase may reach into the trigger's words ("APEC
        // economic leaders" before "leaders' informal meeting").
        if let Some(i) = ents.iter().position(|e| {
            (e.np1 == k || e.t1 == k && e.np1 > k)
                && (free(e) || matches!(e.kind, EntKind::Demonym | EntKind::Forum))
                && !e.people
        }) {
            add_modifier(scope, t, i, args);
            k = ents[i].np0;
            hops += 1;
            continue;
        }
        // "the 14th APEC (Asia-Pacific Economic Cooperation) Economic
        // Leaders' Meeting": a bracketed expansion among the modifiers.
        // The name in the brackets is the party, the words before them its
        // long form ("South Asian Association for Regional Cooperation
        // (SAARC) Summit").
        if w == ")" {
            if let Some(start) = bracketed_party(scope, lb, k, args) {
                k = start;
                hops += 1;
                continue;
            }
        }
        // "the APEC economic leaders' informal meeting": a plural's
        // possessive apostrophe, split off by the tokenizer.
        let skippable = crate::extract::lexicon::WEEKDAYS.contains(&w)
            || (w == "'" && k >= 2 && sent.lower(k - 2).ends_with('s'))
            || is!("event_noun_modifiers", w)
            || loose_modifier(sent, k - 1);
        if !skippable {
            break;
        }
        k -= 1;
    }
    // "during their meeting": the clause's parties before the trigger.
    if k > 0 && sent.lower(k - 1) == "their" && kind.family() == "consult" {
        for (i, e) in ents.iter().enumerate() {
            if free(e) && !e.is_place() && e.np0 >= lb && e.np1 < k && e.kind != EntKind::Pronoun {
                args.add(Role::Participant, i);
            }
        }
    }
    k
}

/// Adds the name at `i`, which modifies or owns the noun, as a party.
fn add_modifier(scope: &Scope, t: &Trigger, i: usize, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let e = &ents[i];
    let role = modifier_role(scope, t, e);
    // "the Fox News debate", "an NBC News debate": the broadcaster
    // hosts a candidates' debate and takes no part in it. The test
    // is the debate's own cue list, so "the GOP debate" leaves out
    // the party too: its candidates are the parties.
    let broadcaster = sent.lower(t.t0) == "debate" && at!("debate_cues", sent, e.t0);
    if (!e.is_place() || e.ent.etype == EntityType::Country) && !broadcaster {
        args.add(role, i);
        // "their talks" can stand for both who met (`entities/refs/pronouns.rs` meeting_pair).
        for (j, other) in ents.iter().enumerate().skip(i + 1) {
            if matches!(other.kind, EntKind::Pronoun | EntKind::Forum)
                && other.t0 == e.t0
                && other.t1 == e.t1
            {
                args.add(role, j);
            }
        }
    }
}

/// The role of a name modifying or owning the noun.
fn modifier_role(scope: &Scope, t: &Trigger, e: &Ent) -> Role {
    let sent = scope.sent;
    let kind = t.kind();
    // "Hariri's assassination", "the Litvinenko murder": a person
    // owning a killing is its victim.
    // Not with its own object: "Saddam Hussein's killing of Kurds",
    // "Bush's assassination attempt on Saddam".
    let mut end = t.t1;
    if matches!(sent.lower(end), "attempt" | "attempts" | "plot" | "bid") {
        end += 1;
    }
    // So does whoever "his", "her" or "their" stands for: "shortly
    // after their kidnapping in Gaza", "released shortly after
    // their abduction Monday night". The noun may open a
    // longer trigger ("Hariri's killing in a February bomb blast").
    let owner_pronoun = e.kind == EntKind::Pronoun
        && e.t1 == e.t0 + 1
        && matches!(sent.lower(e.t0), "his" | "her" | "their");
    let victim = kind == EventKind::Attack
        && (e.is_person() || owner_pronoun)
        && (at!("killing_nouns", sent, t.t1 - 1) || at!("killing_nouns", sent, t.t0))
        && !(matches!(sent.lower(end), "of" | "against")
            // "on Tuesday" opens a date, not the killing's object.
            || sent.lower(end) == "on" && !scope.dates.iter().any(|x| x.t0 == end + 1));
    // "paid the China visit", "their China trip": a country's
    // name (not its adjective, not its possessive) before a visit is
    // where it goes.
    let destination = kind == EventKind::Visit
        && e.kind == EntKind::Name
        && e.ent.etype == EntityType::Country
        && sent.lower(e.np1) != "'s";
    match kind {
        _ if victim || destination => Role::Target,
        EventKind::Attack | EventKind::Visit | EventKind::Aid => Role::Initiator,
        _ if kind.symmetric() => Role::Participant,
        _ => Role::Initiator,
    }
}

/// A bracketed name among the modifiers, added as a party; returns where
/// the long form before the brackets starts.
fn bracketed_party(scope: &Scope, lb: usize, k: usize, args: &mut Args) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let open = (k.saturating_sub(10).max(lb)..k - 1)
        .rev()
        .find(|&j| sent.lower(j) == "(");
    let inside = open.and_then(|o| {
        ents.iter()
            .position(|e| free(e) && !e.is_place() && e.np0 > o && e.np1 < k)
    });
    let (o, i) = (open?, inside?);
    args.add(Role::Participant, i);
    Some(ents.iter().find(|e| e.np1 == o).map_or(o, |e| e.np0))
}

/// Light verbs: "held talks", "launched an appeal", "gave a warning",
/// "attended the summit", "kicked off his state visit": their subject is the
/// noun's. `None` when one was found, else where the search stopped.
pub(super) fn light_verb_parties(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    k: usize,
    subj_role: Role,
    args: &mut Args,
) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let kind = t.kind();
    let mut j = k;
    let mut steps = 0;
    let mut indirect: Vec<usize> = Vec::new();
    while j > lb && steps < 6 {
        let w = sent.lower(j - 1);
        let particle =
            matches!(w, "off" | "out" | "up") && j >= 2 && at!("light_verbs", sent, j - 2);
        // "Islamic State has claimed responsibility for a truck attack":
        // who claims the attack made it (the annotation convention too).
        let claim = w == "for" && j >= 3 && sent.claims_responsibility(j - 3);
        // "Iran had received technical assistance from France", "Sudan
        // received 10 million dollars in aid from Japan": who receives aid
        // or a promise is its target, the giver is named by "from". So with
        // a request or a threat ("has received requests for electricity
        // supply from Kosovo", "accepted the invitation of the Nepali
        // government").
        if matches!(
            kind,
            EventKind::Aid | EventKind::Pledge | EventKind::Request | EventKind::Threat
        ) && is!("receiving_verbs", w)
        {
            if let Some(s) = subject(scope, lb, j - 1) {
                for e in s {
                    args.add(Role::Target, e);
                }
            }
            return None;
        }
        if is!("light_verbs", w) || particle || claim {
            let v = if particle {
                j - 2
            } else if claim {
                j - 3
            } else {
                j - 1
            };
            light_verb_subject(scope, t, lb, v, subj_role, &indirect, args);
            return None;
        }
        // "attend the Nov. 18-19 APEC leaders' meeting": a date among the
        // premodifiers, right after the determiner (not an adjunct: "sent
        // monitors in November 2005 following a request from").
        // "this weekend's APEC summit": a date that owns the noun.
        if let Some(x) = scope.dates.iter().find(|x| {
            x.t0 < j
                && j <= x.t1
                && x.t0 > lb
                && (at!("determiners", sent, x.t0 - 1) || sent.lower(x.t1) == "'s")
        }) {
            j = x.t0;
            steps += 1;
            continue;
        }
        if let Some(i) = ents.iter().position(|e| free(e) && e.np1 == j) {
            indirect.push(i);
            j = ents[i].np0;
            steps += 1;
            continue;
        }
        if !still_in_phrase(scope, j) {
            break;
        }
        j -= 1;
        steps += 1;
    }
    Some(j)
}

/// The subject of the light verb at `v` is the noun's party, and whom the
/// noun is given to ("gave Hamas an ultimatum") its target.
fn light_verb_subject(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    v: usize,
    subj_role: Role,
    indirect: &[usize],
    args: &mut Args,
) {
    // "to host next week's meeting between Trump and Putin": the host of
    // others' meeting is no party to it.
    let hosts_others =
        scope.sent.lower(v).starts_with("host") && scope.sent.lower(t.t1) == "between";
    let subj = if hosts_others {
        None
    } else {
        subject(scope, lb, v).or_else(|| controller(scope, t, lb))
    };
    for e in subj.into_iter().flatten() {
        args.add(subj_role, e);
    }
    let role = if t.kind().symmetric() {
        Role::Participant
    } else {
        Role::Target
    };
    for &i in indirect {
        args.add(role, i);
    }
}

/// Whether the word before token `j` is still inside the noun's phrase: a
/// determiner, a number, a plain modifier, a sum ("received 10 million
/// dollars in aid": the sum is the aid).
fn still_in_phrase(scope: &Scope, j: usize) -> bool {
    let sent = scope.sent;
    let w = sent.lower(j - 1);
    let sum_in = w == "in"
        && j >= 2
        && (at!("currencies", sent, j - 2)
            || sent.toks[j - 2].kind == TokKind::Number
            || matches!(sent.lower(j - 2), "million" | "billion"));
    // "made the statements to reporters in Ramallah following a meeting
    // with Abbas": "following" governs the noun as "after" does.
    (w != "following" || determined(sent, j - 1))
        && (sum_in
            || sent.toks[j - 1].kind == TokKind::Number
            || matches!(
                w,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "new" | "another"
            )
            || (sent.toks[j - 1].kind == TokKind::Word
                && !sent.toks[j - 1].cap
                && !is!("stopwords", w)
                && !PREPOSITIONS.contains(&w)
                && !is!("speech_verbs", w)
                && !scope.triggers.iter().any(|o| o.t0 < j && j - 1 < o.t1)))
}

/// A word at `k` that a determiner opens ("the following meeting"): an
/// adjective, not the preposition "following".
fn determined(sent: &Sent, k: usize) -> bool {
    k >= 1 && matches!(sent.lower(k - 1), "the" | "a" | "an" | "this")
}

/// A meeting or statement in a prepositional phrase ("made the remarks in a
/// meeting with", "said after talks with") is its subject's; `j` is where
/// the noun's phrase starts.
pub(super) fn prepositional_parties(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    j: usize,
    subj_role: Role,
    args: &mut Args,
) {
    let sent = scope.sent;
    let kind = t.kind();
    if died_in_attack(scope, t, lb, j, args) {
        return;
    }
    let prep = governing_prep(sent, j, lb);
    let in_pp = prep.is_some_and(|p| {
        matches!(
            p,
            "in" | "at" | "during" | "after" | "before" | "on" | "over" | "through" | "within"
        )
    }) || (j > 0
        && matches!(
            sent.lower(j - 1),
            "after" | "following" | "during" | "before"
        )
        && !determined(sent, j - 1));
    // "Bush arrived here Saturday evening for a three-day visit to China",
    // "Hu is in Hanoi for a state visit": who comes for a visit makes it.
    // Not a visit with a maker of its own ("preparing for a visit by Kim",
    // "the expected visit of Putin"), nor one the clause asks for or
    // prepares ("called for a visit by UN envoy").
    let trip = kind == EventKind::Visit
        && matches!(sent.lower(j), "a" | "an")
        && !matches!(sent.lower(t.t1), "by" | "of")
        && prep == Some("for")
        && (j.saturating_sub(12).max(lb)..j).any(|k| at!("arrival_verbs", sent, k));
    let meets = kind.family() == "consult" || kind.speech_act();
    let came_out_with = came_out_with(sent, t, j);
    let in_pp = in_pp || came_out_with;
    let came_for = (kind.family() == "consult" && prep == Some("for"))
        .then(|| came_for(scope, lb, j))
        .flatten();
    let between = (t.t1..t.t1 + 3).any(|k| sent.lower(k) == "between");
    // "The police began investigations following a request from the
    // Federal Prosecution Office": a request that names its maker is his.
    let own_maker = kind.speech_act()
        && matches!(sent.lower(t.t1), "from" | "by")
        && scope
            .ents
            .iter()
            .any(|e| free(e) && (t.t1 + 1..=t.t1 + 2).contains(&e.np0));
    if !((meets && (in_pp || came_for.is_some()) && !between && !own_maker) || trip) {
        return;
    }
    let s = subject(scope, lb, came_for.unwrap_or(j)).or_else(|| {
        // Not a controller past "with": "The US lawmaker who unleashed
        // weeks of heated debate with his call for a US troop pullout of
        // Iraq" is no call of Iraq's.
        if came_out_with {
            return None;
        }
        let c = controller(scope, t, lb);
        if c.is_some() {
            args.controlled = true;
        }
        c
    });
    for e in s.into_iter().flatten() {
        args.add(subj_role, e);
    }
}

/// "Seven soldiers died in an attack on Sunday", "another seven soldiers
/// perished in an identical attack": who died in an attack is its target
/// ("died" alone tells no attack). Whether the attack was read so.
fn died_in_attack(scope: &Scope, t: &Trigger, lb: usize, j: usize, args: &mut Args) -> bool {
    let sent = scope.sent;
    if !(t.kind() == EventKind::Attack
        && j >= 2
        && matches!(sent.lower(j - 1), "in" | "during")
        && matches!(sent.lower(j - 2), "died" | "perished" | "die" | "dies"))
    {
        return false;
    }
    // "All five militants died in the attack on the air base": the
    // attackers who died are none of its targets.
    for e in subject(scope, lb, j - 2).into_iter().flatten() {
        let head = sent.lower(scope.ents[e].np1 - 1);
        if !is!("attacker_nouns", head) {
            args.add(Role::Target, e);
        }
    }
    true
}

/// "took command Tuesday with a call for talks with Tamil Tiger rebels",
/// "opened the annual summit Saturday with a warning that": a speech act
/// the clause's subject comes out with is his (not "deal with the threat",
/// "come up with a statement").
fn came_out_with(sent: &Sent, t: &Trigger, j: usize) -> bool {
    t.kind().speech_act()
        && j >= 2
        && sent.lower(j - 1) == "with"
        && matches!(sent.lower(j), "a" | "an" | "his" | "her" | "their" | "its")
        && !matches!(
            sent.lower(j - 2),
            "up" | "deal" | "dealing" | "dealt" | "comply" | "comes"
        )
        // "was met in Washington with a call for": a reception, not his.
        && !(j.saturating_sub(5)..j - 1)
            .any(|x| matches!(sent.lower(x), "met" | "greeted" | "received"))
}

/// "arrived here Wednesday for talks with Bush", "paid a surprise visit to
/// Jordan Tuesday for talks with King Abdullah II", "flew into southern
/// Albania for talks with": who comes for talks holds them (not "a call for
/// talks with", "a proposal for talks with"). The coming's own subject
/// takes part ("Bush, who visited Jordan last month for talks with": not
/// Jordan). The token of the coming, if the talks' "for" at `j - 1` follows
/// one.
fn came_for(scope: &Scope, lb: usize, j: usize) -> Option<usize> {
    let sent = scope.sent;
    (j.saturating_sub(12).max(lb)..j).find(|&k| {
        // "is in Rome for talks"; not "is known to have little appetite for
        // lengthy negotiations".
        let being_there = !matches!(sent.lower(k), "is" | "are" | "was" | "were")
            || matches!(sent.lower(k + 1), "in" | "at" | "here" | "there" | "back")
                && sent.lower(k + 2) != "no";
        // Nothing but where and when between the coming and "for" ("visited
        // Cairo on Tuesday and called for talks with" is a call). ("arrived
        // in Cairo and Riyadh" goes on; "arrived in Kyiv on Friday and
        // Zelensky was hopeful for talks" is a new clause.)
        let new_clause =
            |x: usize| {
                sent.lower(x) == "and"
                    && (scope.ents.iter().any(|e| {
                        free(e) && !e.is_place() && !e.ent.etype.is_place() && e.np0 == x + 1
                    }) || sent
                        .toks
                        .get(x + 1)
                        .is_some_and(|n| !n.cap && n.kind == TokKind::Word && n.lower != "the"))
            };
        let straight = (k + 1..j - 1).all(|x| {
            !matches!(sent.lower(x), "but" | "no" | "not")
                && !new_clause(x)
                && !is!("speech_verbs", sent.lower(x))
                && !is!("request_verbs", sent.lower(x))
        });
        straight
            && (at!("arrival_verbs", sent, k) && being_there
                || scope
                    .triggers
                    .iter()
                    .any(|o| o.t0 == k && o.kind() == EventKind::Visit))
    })
}

/// "Insurgents killed three US soldiers in a bomb attack on Thursday",
/// "troops killed 12 rebels during a raid on their camp": an attack noun
/// heading an "in"/"during" phrase of an attack verb's clause, or the
/// verb's subject ("a car bomb near the town of Samarra killed"), tells the
/// verb's event again, so its words (the attacker of "an Israeli air
/// strike", the day after it) belong to the verb's mention rather than to
/// a second event with no parties. Pairs (kept, absorbed) of trigger
/// indices: the verb keeps an "in" phrase's noun, a subject noun keeps its
/// verb.
fn adjunct_attacks(sent: &Sent, breaks: &[bool], trigs: &[Trigger]) -> Pairs {
    let mut pairs: Pairs = Vec::new();
    // A trigger takes part in one pair at most.
    let mut add = |kept: usize, absorbed: usize| {
        if !pairs
            .iter()
            .any(|&(x, y)| [x, y].contains(&kept) || [x, y].contains(&absorbed))
        {
            pairs.push((kept, absorbed));
        }
    };
    let next = |a: usize| {
        trigs
            .iter()
            .enumerate()
            .find(|(_, o)| o.t0 >= trigs[a].t1)
            .map(|(b, _)| b)
    };
    for a in 0..trigs.len() {
        if let Some(b) = next(a).filter(|&b| in_phrase(sent, breaks, &trigs[a], &trigs[b])) {
            add(a, b);
        }
    }
    for a in 0..trigs.len() {
        if let Some(b) = next(a).filter(|&b| killing_after(sent, breaks, &trigs[a], &trigs[b])) {
            add(a, b);
        }
    }
    for a in 0..trigs.len() {
        if let Some(b) = next(a).filter(|&b| toll_when(sent, breaks, &trigs[a], &trigs[b])) {
            add(b, a);
        }
    }
    // "A roadside bomb near the town of Samarra killed one U.S. soldier on
    // Sunday": the attack noun is the subject of the attack verb, and
    // already reads the verb's object as its target; the noun stays.
    for (n, tn) in trigs.iter().enumerate() {
        let Some(k) = weapon_verb(sent, tn) else {
            continue;
        };
        if let Some(v) = trigs.iter().position(|o| o.t0 == k && o.pos() == Pos::Verb) {
            add(n, v);
        }
    }
    pairs
}

/// "the so-called Istanbul commitments to withdraw its military forces from
/// Georgia and Moldova, which Moscow agreed to in 1999": a verb of the same
/// kind in a "which" clause on an event noun tells that event again (its
/// maker and its date). Pairs (kept noun, absorbed verb).
fn relative_retellings(sent: &Sent, trigs: &[Trigger]) -> Pairs {
    let kin = |a: EventKind, b: EventKind| {
        let promise = |k: EventKind| k == EventKind::Pledge || k.family() == "agree";
        a == b || promise(a) && promise(b)
    };
    let mut pairs = Vec::new();
    for (a, tn) in trigs.iter().enumerate() {
        if tn.pos() != Pos::Noun {
            continue;
        }
        // The first "which" of the noun's phrase, a few words on; an attack
        // noun's "that" too ("a recent Israeli offensive in northern Gaza's
        // Beit Hanoun town that killed some 19 Palestinian civilians"),
        // which opens no content clause after an attack.
        let attack = tn.kind() == EventKind::Attack;
        let Some(r) = (tn.t1..(tn.t1 + 12).min(sent.toks.len()))
            .take_while(|&k| !matches!(sent.lower(k), ";" | "." | "said" | "says"))
            .find(|&k| sent.lower(k) == "which" || attack && sent.lower(k) == "that")
        else {
            continue;
        };
        // A "that" past the noun's own phrase of what and where it struck
        // ("of a school in Beslan", "on two houses in Gaza", "in northern
        // Gaza's Beit Hanoun town"): no verb, no "to", and no group or
        // people the clause could be about. Not "the security operation
        // intended to prevent the suicide attacks that killed" (the
        // attacks' clause, however they were read), nor "its air strike on
        // the rocket squad near Beit Lahiya that shelled Ashkelon" (the
        // squad's).
        let phrase_only = || {
            (tn.t1..r).all(|k| {
                let t = &sent.toks[k];
                let w = t.lower.as_str();
                t.cap
                    || t.kind != TokKind::Word
                    || w != "to"
                        && !crate::extract::attributes::past_form(w)
                        && !w.ends_with("ing")
                        && !at!("group_nouns", t)
                        && !at!("victim_nouns", t)
                        && !at!("person_nouns", t)
                        && !at!("unit_nouns", t)
            })
        };
        if sent.lower(r) == "that" && !phrase_only() {
            continue;
        }
        // "which Moscow agreed to": the clause's verb right after its
        // subject, one that makes the promise ([making_verbs]: not "which
        // Cairo pledged on Monday to implement", another pledge). An attack
        // is the clause's subject ("which killed two people") or its setting
        // ("in which 19 people were killed"), not what the clause attacks
        // ("a resort which was attacked in 2004", "which Israel bombed last
        // month": a place struck before).
        let in_which = r > 0 && matches!(sent.lower(r - 1), "in" | "during");
        let retells = |tv: &Trigger| match tn.kind() {
            EventKind::Attack => in_which || tv.t0 == r + 1,
            _ => at!("making_verbs", sent, tv.t0),
        };
        let verb = trigs.iter().enumerate().find(|(b, tv)| {
            *b != a
                && tv.pos() == Pos::Verb
                && tv.t0 > r
                && tv.t0 <= r + 4
                && kin(tn.kind(), tv.kind())
                && retells(tv)
                && !trigs.iter().any(|o| o.t0 > tn.t1 && o.t0 < tv.t0)
        });
        if let Some((b, _)) = verb {
            pairs.push((a, b));
        }
    }
    pairs
}

/// Pairs of trigger indices (kept, absorbed).
type Pairs = Vec<(usize, usize)>;

/// The attack tellings a sentence joins (kept, absorbed): the adjunct
/// pairs whose attackers do not differ, then the relative retellings. A
/// "which"/"that" clause's verb reads its subject from the clause the noun
/// stands in ("Egypt's denunciation of a recent Israeli offensive in Beit
/// Hanoun that killed 19"): no attacker of its own to compare, and those
/// pairs are returned apart, for their absorbed verb's roles before the
/// noun are the outer clause's. "during which Palestinian gunmen killed an
/// Israeli soldier" has a subject of its own and is compared.
pub(crate) fn attack_pairs(
    sent: &Sent,
    ents: &[Ent],
    breaks: &[bool],
    trigs: &[Trigger],
    read: &[Args],
) -> (Pairs, Pairs) {
    let mut pairs = same_attackers(ents, read, adjunct_attacks(sent, breaks, trigs));
    let (relatives, own_subject): (Pairs, Pairs) = relative_retellings(sent, trigs)
        .into_iter()
        .partition(|&(_, b)| {
            trigs[b].t0 > 0 && matches!(sent.lower(trigs[b].t0 - 1), "that" | "which")
        });
    let own_subject = same_attackers(ents, read, own_subject);
    for &(a, b) in relatives.iter().chain(&own_subject) {
        if !pairs
            .iter()
            .any(|&(x, y)| [x, y].contains(&a) || [x, y].contains(&b))
        {
            pairs.push((a, b));
        }
    }
    (pairs, relatives)
}

/// "killed three US soldiers in a bomb attack": the noun heads an
/// "in"/"during" phrase of the verb's clause, past the noun's modifiers
/// ("a daring night raid", "a US-led air strike") and its determiner.
fn in_phrase(sent: &Sent, breaks: &[bool], tv: &Trigger, tn: &Trigger) -> bool {
    // "a truck attack this week that killed eight people in the deadliest
    // assault on New York City": a noun joined with its relative clause's
    // verb ends in that verb.
    let verbal =
        tv.pos() == Pos::Verb || (tv.t0..tv.t1).any(|k| matches!(sent.lower(k), "that" | "which"));
    if tv.kind() != EventKind::Attack
        || !verbal
        || tn.kind() != EventKind::Attack
        || tn.pos() != Pos::Noun
        || tn.t0 - tv.t1 > 12
        || (tv.t1..tn.t0).any(|k| breaks[k] || opens_clause(sent.lower(k)))
    {
        return false;
    }
    let mut p = tn.t0;
    let mut modifiers = 0;
    while p > tv.t1 && modifiers < 3 {
        let w = sent.lower(p - 1);
        if matches!(w, "in" | "during" | "a" | "an" | "the") || PREPOSITIONS.contains(&w) {
            break;
        }
        p -= 1;
        modifiers += 1;
    }
    if p > tv.t1 && matches!(sent.lower(p - 1), "a" | "an" | "the") {
        p -= 1;
    }
    p > tv.t1 && matches!(sent.lower(p - 1), "in" | "during")
}

/// "A car bomb exploded in a fish market in Kufa on Sunday, killing 31
/// people": the participle after the attack's clause tells whom it killed.
fn killing_after(sent: &Sent, breaks: &[bool], ta: &Trigger, tb: &Trigger) -> bool {
    // "attacked a police station on Monday, a week after a raid in Katsina
    // on Friday, killing three officers": the participle is the main
    // clause's, not the earlier attack's; nor is it a foiled attack's
    // ("foiled a suicide attack on a church, killing the bomber").
    let earlier = (ta.t0.saturating_sub(4)..ta.t0).any(|k| {
        let w = sent.lower(k);
        matches!(w, "after" | "before" | "since" | "following") || is!("negating_verbs", w)
    });
    !earlier
        && ta.kind() == EventKind::Attack
        && tb.kind() == EventKind::Attack
        && tb.pos() == Pos::Verb
        && sent.lower(tb.t0).ends_with("ing")
        && tb.t0 > ta.t1
        && tb.t0 - ta.t1 <= 20
        && sent.lower(tb.t0 - 1) == ","
        && !(ta.t1..tb.t0 - 1).any(|k| {
            let w = sent.lower(k);
            breaks[k] && w != "," || opens_clause(w) || w == "and"
        })
}

/// A word that opens another clause between two triggers: a subordinator
/// ("after") or a relative or temporal "who", "which", "that", "when".
fn opens_clause(w: &str) -> bool {
    is!("subordinators", w) || matches!(w, "who" | "which" | "that" | "when")
}

/// "Three soldiers were killed and four wounded on Monday when militants
/// ambushed a convoy": the toll, then the attack that took it.
fn toll_when(sent: &Sent, breaks: &[bool], ta: &Trigger, tb: &Trigger) -> bool {
    let Some(w) = (ta.t1..tb.t0).find(|&k| sent.lower(k) == "when") else {
        return false;
    };
    ta.kind() == EventKind::Attack
        && tb.kind() == EventKind::Attack
        && ta.pos() == Pos::Verb
        && w - ta.t1 <= 10
        && tb.t0 - w <= 8
        && !(ta.t1..tb.t0).any(|k| breaks[k] && k != w && sent.lower(k) != ",")
}

/// The pairs whose two tellings do not name different attackers: "Nigerian
/// troops repelled a Boko Haram attack ..., killing 20 insurgents", "troops
/// killed two gunmen during a Hamas attack" are two sides' acts.
/// `read` holds each trigger's arguments.
fn same_attackers(ents: &[Ent], read: &[Args], pairs: Pairs) -> Pairs {
    let attackers = |i: usize| -> Vec<&str> {
        read[i]
            .roles
            .iter()
            .filter(|(r, _)| *r == Role::Initiator)
            .map(|&(_, e)| ents[e].ent.anchor.as_str())
            .collect()
    };
    pairs
        .into_iter()
        .filter(|&(a, b)| {
            let (x, y) = (attackers(a), attackers(b));
            x.is_empty() || y.is_empty() || x.iter().any(|e| y.contains(e))
        })
        .collect()
}

/// Where the list of a meeting's guests starts when the meeting noun ends
/// before `from` and its own verb lists them ("was attended by",
/// "included", "brought together"); `word` gives lower-cased words up to
/// `end`.
pub(crate) fn guest_list<'a>(
    word: &dyn Fn(usize) -> &'a str,
    from: usize,
    end: usize,
) -> Option<usize> {
    let be = |w: &str| matches!(w, "was" | "were" | "be" | "been" | "is" | "are" | ",");
    (from..(from + 8).min(end))
        .take_while(|&k| !matches!(word(k), "which" | "who" | "that" | "where" | "when"))
        .find_map(|k| match word(k) {
            "attended" if word(k + 1) == "by" && k > 0 && be(word(k - 1)) => Some(k + 2),
            "included" | "includes" | "include" | "featured" | "features" => Some(k + 1),
            "brought" | "brings" | "bring" if word(k + 1) == "together" => Some(k + 2),
            _ => None,
        })
}

/// "The summit will be attended by ten ASEAN members, China, Japan ...",
/// "The meeting at the White House included Governors ... Rick Snyder of
/// Michigan, Bill Haslam of Tennessee and ...", "The conference brought
/// together UN military force commanders from Liberia, Sierra Leone ...": a
/// meeting noun whose own verb lists who took part. The list runs over
/// names, their titles and home places ("of Michigan"), commas and "as well
/// as"; anything else ends it ("included a discussion of Iran's programme"
/// names no party: the first name must open the list).
pub(super) fn attendees(scope: &Scope, t: &Trigger, rb: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.pos() != Pos::Noun || t.kind().family() != "consult" {
        return Vec::new();
    }
    let word = |k: usize| sent.lower(k);
    let Some(start) = guest_list(&word, t.t1, rb) else {
        return Vec::new();
    };
    let party = |e: &Ent| free(e) && !e.is_place() && e.np1 <= rb;
    // Words that may stand between two names of the list: titles, home
    // places, counts ("more than 15 African leaders").
    let glue = |k: usize| {
        let w = sent.lower(k);
        matches!(
            w,
            "," | "and" | "as" | "well" | "the" | "of" | "from" | "other" | "more" | "than"
        ) || sent.toks[k].cap
            || sent.toks[k].kind == TokKind::Number
            || is!("quantity_heads", w)
            || ents.iter().any(|e| e.t0 <= k && k < e.t1 && e.is_place())
    };
    let Some(first) = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| party(e) && e.np0 >= start && e.np0 <= start + 6)
        .min_by_key(|(_, e)| e.np0)
        .map(|(i, _)| i)
        .filter(|&i| (start..ents[i].np0).all(glue))
    else {
        return Vec::new();
    };
    let mut out = vec![first];
    let mut cur = ents[first].np1;
    while let Some(n) = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| party(e) && e.np0 >= cur)
        .min_by_key(|(_, e)| e.np0)
        .map(|(i, _)| i)
    {
        if !(cur..ents[n].np0).all(glue) {
            break;
        }
        // "President Donald Trump's Commerce Secretary Wilbur Ross": the
        // possessor names whose the next one is, not one more guest.
        cur = ents[n].np1;
        if sent.lower(cur) == "'s" {
            cur += 1;
        } else {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{clauses, doc::Doc, triggers};

    /// The words of each (kept, absorbed) pair of the sentence.
    fn pairs(text: &str) -> Vec<(String, String)> {
        let d = Doc::new(text);
        let s = &d.sents[0];
        let trigs = triggers::find(s, &[]);
        let words = |t: &Trigger| s.span_text(text, t.t0, t.t1).to_string();
        adjunct_attacks(s, &clauses::breaks(s), &trigs)
            .into_iter()
            .map(|(a, b)| (words(&trigs[a]), words(&trigs[b])))
            .collect()
    }

    #[test]
    fn an_attack_noun_in_the_verbs_phrase_or_subject_is_the_same_attack() {
        // (Verbs that fire without a named party: no entities here.)
        assert_eq!(
            pairs("Insurgents ambushed a convoy in a daring raid on Thursday."),
            [("ambushed".to_string(), "raid".to_string())]
        );
        assert_eq!(
            pairs("A roadside bomb near the town of Samarra exploded on Sunday."),
            [("roadside bomb".to_string(), "exploded".to_string())]
        );
    }

    #[test]
    fn another_clause_keeps_its_own_attack() {
        assert!(pairs("Troops ambushed two gunmen who had planned a bomb attack.").is_empty());
        assert!(pairs("Troops ambushed two gunmen after a bomb attack on a market.").is_empty());
        // The same "in a ..." phrase, but in a clause of its own.
        assert!(pairs("Troops ambushed two gunmen who died in a bomb attack.").is_empty());
        assert!(pairs("Troops ambushed a convoy after rebels fled in a raid.").is_empty());
    }
}
