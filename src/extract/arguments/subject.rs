//! Whose clause it is: the subject of a verbal trigger, found through
//! appositions, relative clauses, coordination and control.

use super::*;
use crate::extract::clauses::{sent_letter, SentLetter};

/// The subject of a verb at `v` within `lb..v`: the leftmost free entity
/// not in a prepositional phrase, with what is coordinated with it.
pub(super) fn subject(scope: &Scope, lb: usize, v: usize) -> Option<Vec<usize>> {
    let sent = scope.sent;
    if let Some(s) = after_closed_relative(scope, lb, v) {
        return Some(s);
    }
    // "Kenya, which helped form the Somali government in 2004, asked
    // Ethiopia": the relative clause closed by the comma before the verb;
    // the verb's subject is what the clause hangs on.
    let closed = v >= 2
        && (sent.lower(v - 1) == ","
            || sent.lower(v - 2) == ","
                && matches!(sent.lower(v - 1), "also" | "has" | "had" | "then" | "on"));
    // "Veselnitskaya, who met ...": the relative pronoun's antecedent.
    if lb > 0
        && matches!(sent.lower(lb), "who" | "which")
        && (lb + 4 >= v || closed)
        // "The attack, which officials wanted to prevent, killed": a main
        // verb after the clause's closing comma hangs on the antecedent.
        && (closed || !object_relative(scope, lb, v))
    {
        return antecedent_subject(scope, lb, closed);
    }
    if let Some(letter) = sent_letter(sent, lb, v) {
        return subject(scope, sent.body, letter.verb);
    }
    // "Zelensky meeting at the White House": an -ing form's subject is
    // the name right before it, whatever governs that name.
    if sent.lower(v).ends_with("ing") {
        if let Some(i) = scope
            .ents
            .iter()
            .position(|e| free(e) && e.np1 == v && !e.is_place() && e.kind != EntKind::Group)
        {
            return Some(coordinated(scope, i, lb, v));
        }
    }
    // The word that opens the clause ("when", "that", a subordinating
    // "before") is not part of its subject.
    let start = if scope.breaks.get(lb).copied().unwrap_or(false) {
        lb + 1
    } else {
        lb
    };
    let start = main_subject_after_fronted(scope, start, v).unwrap_or(start);
    let cands = subject_candidates(scope, start, v);
    let mut first = first_subject(scope, &cands, start, v)?;
    if let Some(k) = subordinate_agent_between(sent, scope.ents[first].np1, v) {
        // "after US-led forces invaded": a name in the clause is its subject.
        first = cands.iter().copied().find(|&c| scope.ents[c].np0 > k)?;
    }
    let mut out = coordinated(scope, first, start, v);
    out.extend(senders(scope, first, v));
    let leads = leaders(scope, &out);
    out.extend(leads);
    Some(out)
}

/// "The four children ... suffered shrapnel wounds ... after an unidentified
/// man aboard a motorcycle threw the grenade", "a day after a suicide bomber
/// from ... Islamic Jihad killed five Israelis": a subordinator between a
/// name and the verb, with no comma after it, opens the verb's own clause,
/// and an agent noun in that clause is the subject, or the name there is
/// ("Bush after the meeting told reporters" names no agent there). The
/// subordinator's index.
fn subordinate_agent_between(sent: &Sent, from: usize, v: usize) -> Option<usize> {
    (from..v).find(|&k| {
        // Not "as": "two men dressed as university students followed".
        (at!("subordinators", sent, k) || at!("clause_conjunctions", sent, k))
            && sent.lower(k) != "as"
            && !(k + 1..v).any(|j| sent.lower(j) == ",")
            && (k + 1..v).any(|j| at!("group_nouns", sent, j) || at!("agent_nouns", sent, j))
    })
}

/// "Siniora, who met Bush, Blair and Chirac in Paris last week, vowed": the
/// main clause opened by the relative clause's closing comma hangs on the
/// name before "who".
fn after_closed_relative(scope: &Scope, lb: usize, v: usize) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    if lb < 1 || sent.lower(lb) != "," || ents.iter().any(|e| free(e) && e.np0 > lb && e.np1 <= v) {
        return None;
    }
    let r = (sent.body..lb)
        .rev()
        .find(|&k| scope.breaks[k])
        .filter(|&r| {
            r >= 2 && matches!(sent.lower(r), "who" | "which") && sent.lower(r - 1) == ","
        })?;
    let ante = ents.iter().position(|e| free(e) && e.np1 == r - 1)?;
    Some(coordinated(scope, ante, 0, ents[ante].np1))
}

/// "the decades-old accord, which Trump has blamed for job losses": a name
/// between the pronoun and the verb is the clause's own subject (the
/// pronoun is the object), found like any other.
fn object_relative(scope: &Scope, lb: usize, v: usize) -> bool {
    let sent = scope.sent;
    scope.ents.iter().any(|e| {
        free(e)
            && !e.is_place()
            && e.np0 > lb
            && e.np0 <= lb + 2
            && e.np1 <= v
            // "who rolled his shot", "which views Lee's visit": a possessor
            // is the object's, not the clause's subject.
            && sent.lower(e.np1) != "'s"
            && !matches!(sent.lower(e.np0), "his" | "her" | "its" | "their")
    })
}

/// The subject a relative pronoun at `lb` stands for: its antecedent.
fn antecedent_subject(scope: &Scope, lb: usize, closed: bool) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    // "Prevezon Holdings Ltd, a Russian-controlled company, which in May
    // agreed to pay": past an apposition of no name.
    let apposition = |e: &Ent| {
        sent.lower(e.np1) == ","
            && matches!(sent.lower(e.np1 + 1), "a" | "an" | "the")
            && sent.lower(lb - 1) == ","
            && e.np1 + 10 >= lb
            // "a Russian-controlled company": an adjective's country is no
            // other antecedent.
            && !ents
                .iter()
                .any(|x| x.np0 > e.np1 && x.np1 < lb && !x.modifier && x.kind != EntKind::Demonym)
            && (e.np1 + 1..lb - 1).all(|k| sent.lower(k) != ",")
    };
    let ante = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| free(e) && e.np1 <= lb && (e.np1 + 2 >= lb || apposition(e)))
        // "two Colorado teenagers who killed": a place before a noun is
        // that noun's modifier, no antecedent.
        .filter(|(_, e)| !(e.is_place() && (e.np1..lb).any(|k| sent.toks[k].kind == TokKind::Word)))
        .max_by_key(|(_, e)| e.np1)
        .map(|(i, _)| i)?;
    // "one big donor in Wisconsin who had pledged", "the bombing in
    // Pyatigorsk, which killed two people": the clause hangs on the noun
    // before the place's preposition, nobody named (not a body named after
    // "in": "a vote in the United Nations General Assembly, which called on
    // the United States").
    if ents[ante].is_place() && ents[ante].ent.etype.is_place() {
        return Some(Vec::new());
    }
    // "Macron, standing beside Zelensky, who had flown in, condemned": a
    // name inside a phrase set off by commas after the sentence's first
    // name is not what the verb hangs on; that first name is.
    if closed && (sent.body..ents[ante].np0).any(|k| sent.lower(k) == ",") {
        if let Some(first) = ents.iter().position(|e| {
            free(e) && e.np0 <= sent.body + 1 && sent.lower(e.np1) == "," && e.np1 < ents[ante].np0
        }) {
            return Some(coordinated(scope, first, 0, lb));
        }
    }
    Some(coordinated(scope, ante, 0, lb))
}

/// "A spokesman for Hamas": the named body a spokesman or lawyer acts for.
fn acted_for(scope: &Scope, e: &Ent, start: usize) -> bool {
    e.kind == EntKind::Name && !e.is_person() && agent_for(scope.sent, scope.ents, e.np0, start)
}

/// The free entities of `start..v` that may be its subject, in order.
fn subject_candidates(scope: &Scope, start: usize, v: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    ents.iter()
        .enumerate()
        .filter(|(_, e)| free(e) && e.np0 >= start && e.np1 <= v && !e.is_place())
        // "Trump's top two rivals criticized him gingerly at an NBC News
        // debate": an object pronoun is no one's subject.
        .filter(|(_, e)| {
            !(e.kind == EntKind::Pronoun
                && e.t1 == e.t0 + 1
                && matches!(sent.lower(e.t0), "him" | "them" | "us" | "me"))
        })
        .filter(|(_, e)| {
            governing_prep(sent, e.np0, start).is_none()
                || supporters_of(sent, e.np0, start) && !e.is_person()
                || acted_for(scope, e, start)
                || !e.people
                    && e.kind != EntKind::Demonym
                    && at!("force_nouns", sent, e.np1 - 1)
                    && counted(sent, e.np0, start)
        })
        // "Hainan's fishery showed": a possessor is no subject, unless
        // nothing else is ("Ukraine's grid was attacked").
        .filter(|(_, e)| {
            sent.lower(e.np1) != "'s"
                || e.np1 + 1 >= v
                || !ents
                    .iter()
                    .any(|x| free(x) && x.np0 > e.np1 && x.np1 <= v && !x.is_place())
                    && !adversaries_of(sent, e.np1 + 1, v)
        })
        // "Hezbollah leader ..." handled by titles; a pronoun in a quote is another voice.
        .filter(|(_, e)| {
            sent.in_quote(e.t0) == sent.in_quote(v) || !sent.quotes.iter().any(|&(a, _)| a <= start)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Which candidate heads the subject.
fn first_subject(scope: &Scope, cands: &[usize], start: usize, v: usize) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let first = *cands.first()?;
    // "a U.S. lawyer for Prevezon": the body acted for, not the lawyer's
    // country.
    let first = cands
        .iter()
        .copied()
        .find(|&c| acted_for(scope, &ents[c], start))
        .unwrap_or(first);
    // "After North Korea's Foreign Minister Ri Yong Ho addressed the U.N.
    // General Assembly in September Trump tweeted": an opening clause with
    // no comma; its verb's object is no subject of the main verb, the name
    // right before that verb is.
    let object_of_verb = |e: &Ent| {
        let mut k = e.np0;
        while k > start && matches!(sent.lower(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k > start && {
            let w = sent.lower(k - 1);
            !sent.toks[k - 1].cap && w.len() > 4 && w.ends_with("ed")
        }
    };
    Some(match cands.iter().copied().find(|&c| ents[c].np1 == v) {
        Some(last) if last != first && object_of_verb(&ents[first]) => last,
        _ => first,
    })
}

/// "a team of advisers led by Secretary of State Marco Rubio", "ISAF troops
/// backed by Afghan security forces": the leader or ally takes part.
fn leaders(scope: &Scope, subjects: &[usize]) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    subjects
        .iter()
        .filter_map(|&g| {
            let e = &ents[g];
            (at!("joined_by", sent, e.np1) && sent.lower(e.np1 + 1) == "by")
                .then(|| ents.iter().position(|x| !x.modifier && x.np0 == e.np1 + 2))
                .flatten()
                // "rebels backed by Iran" are armed by it, not joined: a
                // backer takes part only as a force ("backed by Afghan
                // security forces").
                .filter(|&x| {
                    !matches!(sent.lower(e.np1), "backed" | "supported")
                        || at!("force_nouns", sent, ents[x].np1 - 1)
                })
        })
        .collect()
}

/// Whether the sentence opens with a phrase set off by a comma: a
/// preposition, a participle or a subordinator first ("After meeting
/// Chirac in Paris, ...", "Turning to ...", "When ...").
fn fronted_opening(sent: &Sent, ents: &[Ent]) -> bool {
    let body = sent.body;
    let first = sent.lower(body);
    // "Beijing, Pyongyang ally and main aid donor, urged", "King Abdullah,
    // Jordan ruler since 1999, met": a name or a title, no participle.
    let participle = first.ends_with("ing")
        && !at!("titles", sent, body)
        && !ents.iter().any(|e| e.t0 <= body && body < e.t1);
    PREPOSITIONS.contains(&first) || participle || at!("subordinators", sent, body)
}

/// "After meeting Chirac in Paris, Helmut Kohl called on Israel": past the
/// comma that closes a fronted phrase, the name a verb follows is the
/// subject, not a name inside the phrase. The comma is the first one a
/// name and a verb come after ("After meeting Chirac, Blair and Prodi in
/// Paris, Kohl called": not the list's).
fn main_subject_after_fronted(scope: &Scope, start: usize, v: usize) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    if !fronted_opening(sent, ents) {
        return None;
    }
    (start.max(sent.body + 1)..v)
        .filter(|&c| sent.lower(c) == ",")
        .find(|&c| {
            ents.iter().any(|e| {
                free(e)
                    && !e.is_place()
                    && e.np0 == c + 1
                    && e.np1 <= v
                    && sent.toks.get(e.np1).is_some_and(|n| {
                        n.kind == TokKind::Word
                            && !n.cap
                            && !PREPOSITIONS.contains(&n.lower.as_str())
                            && !matches!(n.lower.as_str(), "and" | "or" | "'s")
                    })
            })
        })
        .map(|c| c + 1)
}

/// "Supporters of the Palestinian ruling party Hamas clashed", "Members of
/// Hamas attacked": the side's own people opening the clause make the side
/// the subject.
fn supporters_of(sent: &Sent, np0: usize, start: usize) -> bool {
    opens_with_of(
        sent,
        np0,
        start,
        |w| is!("side_members", w),
        &["hundreds", "thousands"],
    )
}

/// "A spokesman for Hamas on Tuesday condemned", "a U.S. lawyer for
/// Prevezon filed a letter asking": who speaks or acts for a body at the
/// clause's start ([agent_for_nouns]) is that body's voice, so the body is
/// the subject.
fn agent_for(sent: &Sent, ents: &[Ent], np0: usize, start: usize) -> bool {
    let mut k = np0;
    if k > start && sent.lower(k - 1) == "the" {
        k -= 1;
    }
    // "Following Pauley's order on Monday, a U.S. lawyer for Prevezon
    // filed": past a fronted adjunct's comma ("Sami Mushasha, a
    // spokesperson for the UNRWA, said" is an apposition of a name).
    let start = (start..k.saturating_sub(2))
        .rev()
        .find(|&j| sent.lower(j) == ",")
        .filter(|&j| j > 0 && !ents.iter().any(|e| e.np1 == j && e.kind == EntKind::Name))
        .map_or(start, |j| j + 1);
    k >= start + 2
        && sent.lower(k - 1) == "for"
        && at!("agent_for_nouns", sent, k - 2)
        && (start..k - 2).all(|j| {
            let w = sent.lower(j);
            matches!(
                w,
                "a" | "an" | "the" | "one" | "two" | "several" | "." | "-"
            ) || sent.toks[j].cap
                || at!("agent_for_modifiers", sent, j)
        })
}

/// "Hundreds of ISAF troops launched", "some of the rebels attacked": a
/// count of the phrase at the clause's start, so the phrase is the subject.
pub(super) fn counted(sent: &Sent, np0: usize, start: usize) -> bool {
    opens_with_of(sent, np0, start, |w| is!("quantity_heads", w), &["about"])
}

/// Does the clause from `start` open with "[number|the|some|several|extra]
/// HEAD of (the)" right before the phrase at `np0`, HEAD a word `head`
/// accepts?
fn opens_with_of(
    sent: &Sent,
    np0: usize,
    start: usize,
    head: impl Fn(&str) -> bool,
    extra: &[&str],
) -> bool {
    let mut k = np0;
    if k > start && sent.lower(k - 1) == "the" {
        k -= 1;
    }
    k >= start + 2
        && sent.lower(k - 1) == "of"
        && head(sent.lower(k - 2))
        && (start..k - 2).all(|j| {
            let w = sent.lower(j);
            sent.toks[j].kind == TokKind::Number
                || matches!(w, "the" | "some" | "several")
                || extra.contains(&w)
        })
}

/// "Foreign ministers from China, Japan and South Korea met", "NAFTA
/// negotiators from the United States, Canada and Mexico": the countries
/// and bodies that sent the subject take part in what it does.
pub(super) fn senders(scope: &Scope, subj: usize, v: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let at = ents[subj].np1;
    if sent.lower(at) != "from" {
        return Vec::new();
    }
    // People sent by a country act for it ("leaders from Bhutan"), people
    // and arms from a body act for that body ("warplanes from the NATO-led
    // force"); "gunmen from Pakistan" are no act of Pakistan's.
    let sent_by_state = at!("sender_nouns", sent, at - 1);
    let first = ents.iter().position(|e| {
        free(e)
            && !e.people
            && e.np1 <= v
            && (e.np0 == at + 1 || e.np0 == at + 2 && sent.lower(at + 1) == "the")
            && match e.ent.etype {
                EntityType::Country => sent_by_state,
                EntityType::Organisation | EntityType::ArmedGroup => true,
                _ => false,
            }
    });
    first.map_or_else(Vec::new, |f| coordinated(scope, f, at + 1, v))
}

/// The subject side of a verbal trigger: a controlling object ("urged X to
/// meet"), a coordinated verb's subject, its own subject, the controller of
/// its clause, or the subject after a fronted adjunct.
pub(super) fn verb_left(
    scope: &Scope,
    t: &Trigger,
    lb: usize,
    subj_role: Role,
    passive: bool,
    args: &mut Args,
) {
    // "A bomb hit an Iraqi army patrol, killing two soldiers": the
    // participle tells the attack of the nearest trigger before it, whose
    // subject is the weapon; a party inside that weapon's object is none
    // of the participle's ("Russian missiles hit a building, killing 40
    // civilians" keeps Russia).
    let sent = scope.sent;
    let weapon_before = (t.kind() == EventKind::Attack
        && t.t0 > 0
        && sent.lower(t.t0 - 1) == ","
        && sent.lower(t.t0).ends_with("ing"))
    .then(|| {
        scope
            .triggers
            .iter()
            .filter(|o| o.t1 < t.t0)
            .max_by_key(|o| o.t1)
    })
    .flatten()
    .filter(|o| weapon_verb(sent, o).is_some())
    .map(|o| (o.t0, o.t1));
    // The first source that answers; `true` when the subject is borrowed
    // from another clause (controlled).
    let found = controlling_object(scope, t)
        .map(|s| (s, true))
        .or_else(|| document_issuer(scope, t).map(|s| (s, false)))
        .or_else(|| coordinated_verb_subject(scope, t).map(|s| (s, false)))
        .or_else(|| subject(scope, lb, t.t0).map(|s| (s, false)))
        .or_else(|| controller(scope, t, lb).map(|s| (s, true)))
        // "After meeting with the committee on Sept. 7, Trump Jr. said":
        // the participle's subject is the main clause's.
        .or_else(|| fronted_adjunct_subject(scope, t).map(|s| (s, true)));
    let Some((subjects, controlled)) = found else {
        return;
    };
    // "Police said a car bomb exploded near a market, killing 12 people":
    // who told of the weapon did not wield it.
    let speaker_of = |w0: usize, e: usize| {
        scope
            .frames
            .iter()
            .any(|f| f.speaker == Some(e) && f.comp.0 <= w0 && t.t1 <= f.comp.1)
    };
    if weapon_before.is_some_and(|(w0, w1)| {
        subjects
            .iter()
            .all(|&e| scope.ents[e].np0 >= w1 || speaker_of(w0, e))
    }) {
        return;
    }
    args.controlled |= controlled;
    let role = if passive { Role::Target } else { subj_role };
    let along = if t.kind().family() == "consult" && !passive {
        companions(scope, &subjects, t.t0)
    } else {
        Vec::new()
    };
    for e in subjects.into_iter().chain(along) {
        args.add(role, e);
    }
}

/// "Indiana Governor Eric Holcomb, accompanied by representatives from
/// Subaru, Fiat Chrysler, Honda, General Motors and Toyota also met with
/// Pence": who came along to a meeting or a visit takes part in it.
fn companions(scope: &Scope, subjects: &[usize], v: usize) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let Some(&s) = subjects.last() else {
        return Vec::new();
    };
    let mut at = ents[s].np1;
    if sent.lower(at) == "," {
        at += 1;
    }
    if !(sent.lower(at) == "accompanied" && sent.lower(at + 1) == "by") {
        return Vec::new();
    }
    // Up to the aside's closing comma; a comma inside a list of names
    // ("Subaru, Fiat Chrysler, Honda") goes on to the next name.
    let listed = |k: usize| {
        ents.iter()
            .any(|e| e.np0 == k + 1 || e.np0 == k + 2 && sent.lower(k + 1) == "and")
    };
    let end = (at + 2..v)
        .find(|&k| sent.lower(k) == "," && !listed(k))
        .unwrap_or(v);
    (0..ents.len())
        .filter(|&i| {
            let e = &ents[i];
            free(e) && !e.is_place() && e.np0 >= at + 2 && e.np1 <= end && !subjects.contains(&i)
        })
        .collect()
}

/// "The UN resolution calls for", "the resolution, adopted by the UN
/// General Assembly on Friday, calls on Israel", "NATO's Riga declaration
/// calls on Russia": a text that asks, vows or condemns speaks for who
/// issued it, named by its agent or its modifier, not by a place it is
/// named after ("Riga"). ("adopted a resolution which calls for" is the
/// relative clause's antecedent, found by `subject`.)
fn document_issuer(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    if !t.kind().speech_act() || t.pos() != Pos::Verb {
        return None;
    }
    let issuer = |e: &Ent| !e.is_place() && e.kind != EntKind::Pronoun && e.kind != EntKind::Group;
    let mut h = t.t0;
    while h > sent.body && matches!(sent.lower(h - 1), "also" | "further" | "again" | "then") {
        h -= 1;
    }
    // The text's apposition: ", adopted by the UN General Assembly on
    // Friday,".
    let mut agent = None;
    if h >= 2 && sent.lower(h - 1) == "," {
        let open = (h.saturating_sub(16)..h - 1)
            .rev()
            .find(|&k| sent.lower(k) == ",")?;
        // Only the agent of its making ("adopted by", "issued by"), not of
        // its reading or fate ("seen by AFP", "vetoed by the United States").
        if let Some(by) = (open + 1..h - 1)
            .find(|&k| sent.lower(k) == "by" && k >= 1 && at!("issuing_verbs", sent, k - 1))
        {
            // Right after "by", or past its article ("by the UN General
            // Assembly").
            agent = ents
                .iter()
                .position(|e| issuer(e) && e.t0 > by && e.np0 <= by + 2);
        }
        h = open;
    }
    // "a resolution which calls for": the text the pronoun stands for.
    let relative = h >= 2 && matches!(sent.lower(h - 1), "which" | "that");
    let head = if relative { h - 2 } else { h - 1 };
    if !at!("document_nouns", sent, head) {
        return None;
    }
    if let Some(a) = agent {
        return Some(vec![a]);
    }
    // The text's own phrase: "The UN resolution", "NATO's Riga declaration",
    // "the PS-PC text".
    let mut k = head;
    while k > sent.body
        && (sent.toks[k - 1].cap
            || matches!(
                sent.lower(k - 1),
                "'s" | "-" | "joint" | "new" | "final" | "draft"
            ))
    {
        k -= 1;
    }
    ents.iter()
        .position(|e| issuer(e) && e.t0 >= k && e.t1 <= head)
        .map(|i| vec![i])
}

/// The recipients of a sent letter: "to X (and Y)" after the noun, or the
/// first object of the verb ("sent Arafat a letter").
pub(super) fn letter_recipients(scope: &Scope, letter: &SentLetter) -> Vec<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    // "sent a letter Thursday to": past the day the letter was sent.
    let to = scope
        .dates
        .iter()
        .find(|d| d.t0 == letter.noun + 1)
        .map_or(letter.noun + 1, |d| d.t1);
    let start = if sent.lower(to) == "to" {
        // "to the Office of Management and Budget": the article is no
        // part of the name's phrase.
        to + 1 + usize::from(sent.lower(to + 1) == "the")
    } else {
        letter.verb + 1
    };
    // "to House Speaker Nancy Pelosi": a capitalised word of the title may
    // stand before the name's phrase.
    let Some(first) = ents.iter().position(|e| {
        e.np0 >= start
            && e.np0 <= start + 2
            && (start..e.np0).all(|k| sent.toks[k].cap)
            && free(e)
            && !e.is_place()
    }) else {
        return Vec::new();
    };
    let end = if start > letter.noun {
        sent.toks.len()
    } else {
        letter.noun
    };
    coordinated(scope, first, start, end)
}

/// The addressee of a fronted "In a letter to X," before speech act `t`.
pub(super) fn letter_addressee(scope: &Scope, t: &Trigger) -> Option<usize> {
    let sent = scope.sent;
    let b = sent.body;
    if sent.lower(b) != "in" {
        return None;
    }
    let mut k = b + 1;
    if matches!(
        sent.lower(k),
        "a" | "an" | "his" | "her" | "its" | "their" | "the"
    ) {
        k += 1;
    }
    while k < t.t0 && !at!("messages", sent, k) && k < b + 4 {
        k += 1;
    }
    if !at!("messages", sent, k) || sent.lower(k + 1) != "to" {
        return None;
    }
    let comma = (k + 2..t.t0).find(|&j| sent.lower(j) == ",")?;
    scope
        .ents
        .iter()
        .position(|e| e.np0 == k + 2 && e.np1 <= comma && free(e) && !e.is_place())
}

/// "Pence voiced concern over the arrests of journalists and members of
/// civil society and urged transparency": a verb coordinated with an
/// earlier one shares its subject, not the object just before "and".
pub(super) fn coordinated_verb_subject(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let sent = scope.sent;
    let mut k = t.t0;
    while k > 0 && matches!(sent.lower(k - 1), "also" | "then" | "later") {
        k -= 1;
    }
    if k == 0 || !matches!(sent.lower(k - 1), "and" | "but") {
        return None;
    }
    // The enclosing clause: the speech frame's words or the sentence up to
    // its last semicolon. A participle's frame ("attacked the ODIHR,
    // saying it had ..., and urged the organisation") is an aside that
    // the "and" steps over.
    let floor = scope
        .frames
        .iter()
        .filter(|f| f.comp.0 <= t.t0 && t.t1 <= f.comp.1 && f.verb != t.t0)
        .filter(|f| !(sent.lower(f.verb).ends_with("ing") && k >= 2 && sent.lower(k - 2) == ","))
        .map(|f| f.comp.0)
        .chain((0..t.t0).filter(|&j| sent.lower(j) == ";").map(|j| j + 1))
        .max()
        .unwrap_or(0);
    // Only when an earlier verb of the clause is what "and" joins: some
    // verb-like word (past tense or a finite auxiliary) before the "and".
    let verb_like = |j: usize| {
        let w = sent.lower(j);
        (w.ends_with("ed") && !sent.toks[j].cap)
            || matches!(
                w,
                "said" | "met" | "made" | "held" | "gave" | "took" | "sent"
            )
    };
    if !(floor..k - 1).any(verb_like) {
        return None;
    }
    // "a week after the US imposed an investment ban on Burma and appealed
    // to the regional grouping": joined inside a subordinate clause, the
    // verb shares that clause's subject, not the main clause's.
    let floor = (floor..k - 1)
        .rev()
        .find(|&j| {
            scope.breaks[j] && at!("subordinators", sent, j) && (j + 1..k - 1).any(verb_like)
        })
        .unwrap_or(floor);
    subject(scope, floor, t.t0)
}

/// "In a White House meeting with Binali Yildirim, Pence voiced ...",
/// "After talks with his counterpart, Lavrov said ...": a meeting named in
/// a fronted adjunct has the main clause's subject as a party.
pub(super) fn fronted_adjunct_subject(scope: &Scope, t: &Trigger) -> Option<Vec<usize>> {
    let (sent, ents) = (scope.sent, scope.ents);
    let opens = |w: &str| {
        matches!(
            w,
            "in" | "at" | "during" | "after" | "following" | "before" | "ahead" | "on"
        )
    };
    let mut first = sent.body;
    // "Speaking after talks with Lavrov, the Georgian minister said": a
    // participle may open the adjunct ("during" and "following" are no
    // participles).
    if sent.lower(first).ends_with("ing") && !opens(sent.lower(first)) {
        first += 1;
    }
    if !opens(sent.lower(first)) || t.t0 > first + 8 {
        return None;
    }
    let comma = (t.t1..(t.t1 + 12).min(sent.toks.len())).find(|&k| sent.lower(k) == ",")?;
    if (first..comma).any(|k| scope.breaks[k] && k > first) {
        return None;
    }
    // "During the meeting, Albright also reiterated ...": the meeting the
    // story has told already, whose parties are its own.
    if sent.lower(first) == "during" && comma == t.t1 && sent.lower(t.t0 - 1) == "the" {
        return None;
    }
    let subj = ents
        .iter()
        .position(|e| e.np0 == comma + 1 && free(e) && !e.is_place() && e.kind != EntKind::Group)?;
    let after = sent.toks.get(ents[subj].np1)?;
    // "Abbas's foreign minister said": the possessor is not the subject.
    if after.lower == "'s" {
        return None;
    }
    // A verb must follow, or it is a list, not a clause.
    (after.kind == TokKind::Word && !after.cap && !PREPOSITIONS.contains(&after.lower.as_str()))
        .then(|| coordinated(scope, subj, comma + 1, sent.toks.len()))
}

/// "Trump's top two rivals criticized him": the possessed phrase from
/// `from` (up to the verb `v`) is headed by people set against the
/// possessor, who is then no subject even when nothing else is. Only as
/// the head: "Sudan's rival factions agreed", "China's rival proposal was
/// rejected" are the possessor's own.
fn adversaries_of(sent: &Sent, from: usize, v: usize) -> bool {
    let heads = |k: usize| {
        k + 1 == v
            || sent
                .toks
                .get(k + 1)
                .is_none_or(|t| t.kind != TokKind::Word && t.lower != "-")
            || PREPOSITIONS.contains(&sent.lower(k + 1))
            || at!("verb_auxiliaries", sent, k + 1)
            || matches!(sent.lower(k + 1), "who" | "which" | "that")
    };
    (from..v.min(from + 4))
        .take_while(|&k| {
            sent.toks[k].kind == TokKind::Word && !PREPOSITIONS.contains(&sent.lower(k))
        })
        .any(|k| at!("adversary_nouns", sent, k) && heads(k))
}
