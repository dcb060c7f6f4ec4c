//! Groups named by a common noun ("Israeli troops", "four militants",
//! "Leaders of the European Union"): which named body a group is the organ
//! of, and which groups are parties of their own.

use super::names::is_word;
use super::refs::covered;
use super::{minted, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is};
use crate::extract::text::TokKind;
use crate::model::EntityType;

/// Whether group noun `w` modifies the trigger word `next` ("militant
/// attack", "military aid") rather than being its subject ("gunmen
/// ambushed", "insurgents set fire", "militants attack"): only a nominal
/// trigger takes a modifier, and a plural armed group before a word that
/// is also a verb is that verb's subject.
fn modifies_trigger(w: &str, next: &str) -> bool {
    use crate::extract::lexicon::{Pos, BY_FIRST, RULES};
    let Some(rules) = BY_FIRST.get(next) else {
        return false;
    };
    // "European leaders debate migration": a plural before a noun trigger
    // that English also uses as a verb ([verb_like_triggers]) is its
    // subject.
    if w.ends_with('s') && is!("verb_like_triggers", next) {
        return false;
    }
    // A singular noun before a trigger is a modifier whatever the trigger
    // ("insurgent attacks"), and so are groups that do not fight.
    if !is!("force_nouns", w) {
        return true;
    }
    let noun = rules.iter().any(|&i| RULES[i].pos == Pos::Noun);
    let verb = rules.iter().any(|&i| RULES[i].pos == Pos::Verb);
    noun && !verb
}

/// The body whose own organ or envoy the group `label_start..e_end` (head
/// noun `w`) is: "Thailand's military", "NATO's heads of state",
/// "Indonesia's head telecommunications official", "Afghan security
/// forces". The body acts, as with a demonym right before the noun. A named
/// group ("Yemen's Houthi militias") is a party of its own, and "Sudan's
/// rebels", "Venezuela's opposition" fight the state.
fn owning_body(
    sent: &Sent,
    ents: &[Ent],
    (label_start, e_end): (usize, usize),
    w: &str,
) -> Option<usize> {
    let possessive = label_start > 1 && sent.lower(label_start - 1) == "'s";
    let own = (label_start..e_end).all(|k| !sent.toks[k].cap)
        && !(possessive && is!("opposition_nouns", w));
    if !own {
        return None;
    }
    ents.iter().position(|e| {
        let body = e.kind == EntKind::Name
            && matches!(e.ent.etype, EntityType::Country | EntityType::Organisation);
        if possessive {
            e.np1 + 1 == label_start && body
        } else {
            e.np1 == label_start && (body || e.kind == EntKind::Demonym)
        }
    })
}

/// "Zairean rebels", "Iraqi insurgents": groups that fight the state
/// their adjective `d` names are a party of their own, named with it
/// ("palestinian militants"); the adjective becomes their modifier. Shaped
/// as the demonym's phrase was, so an apposition still names the group
/// ("Somali militants, the Al-Shabaab").
fn opposing_group(text: &str, sent: &Sent, d: &mut Ent, head: usize) -> Ent {
    d.modifier = true;
    let label = text[sent.toks[d.np0].start..sent.toks[head].end].to_lowercase();
    let mut x = Ent::new(
        d.t0,
        d.t1,
        minted(&label, EntityType::Group, None, false),
        EntKind::Group,
    );
    (x.np0, x.np1) = (d.np0, head + 1);
    x
}

/// Groups named by a common noun: "Israeli troops" (the country acts),
/// "four militants", "Heads of local councils", "a 47-year-old Muslim
/// security volunteer", "Iraqi civilians".
pub(super) fn groups(text: &str, sent: &Sent, ents: &mut Vec<Ent>) {
    let n = sent.toks.len();
    for h in 0..n {
        let w = sent.lower(h);
        if let Some(x) = bloc(text, sent, ents, h) {
            ents.push(x);
            continue;
        }
        let group = at!("group_nouns", sent, h);
        let victim = at!("victim_nouns", sent, h);
        if !(group || victim) || covered(ents, h) || !is_word(sent, h) {
            continue;
        }
        if modifies_next(sent, h) || adjective_here(sent, h) {
            continue;
        }
        // A demonym or country right before the noun: that country acts
        // ("Israeli troops", "US officials"), or its people suffer ("Iraqi civilians").
        if let Some(d) = ents.iter_mut().find(|e| {
            e.np1 == h
                && matches!(e.kind, EntKind::Demonym | EntKind::Name)
                && !e.is_person()
                && !e.modifier
        }) {
            if d.ent.etype == EntityType::Country && is!("opposition_nouns", w) {
                let x = opposing_group(text, sent, d, h);
                ents.push(x);
                continue;
            }
            if d.ent.etype == EntityType::Country
                || d.kind == EntKind::Demonym
                || matches!(
                    d.ent.etype,
                    EntityType::Organisation | EntityType::ArmedGroup
                )
            {
                d.np1 = h + 1;
                d.people = is!("person_nouns", w);
                continue;
            }
        }
        if name_word(sent, h, group) {
            continue;
        }
        let s = group_start(sent, ents, h);
        // "to demand a unity government", "the formation of a national
        // unity government": a government yet to be formed is what is
        // asked for, no party.
        if matches!(w, "government" | "cabinet")
            && sent.lower(h + 1) != "-"
            && s > 0
            && matches!(sent.lower(s - 1), "a" | "an")
        {
            continue;
        }
        // "rebel groups": the adjective's head names the group with it.
        // ("The militant group" is one the story named before: refs/mod.rs.)
        let collective = at!("adjective_groups", sent, h)
            && at!("collective_heads", sent, h + 1)
            && !(h > 0 && matches!(sent.lower(h - 1), "the" | "this" | "that"));
        let mut e_end = h + 1 + usize::from(collective);
        let label_start = s;
        let owner = named_owner(sent, ents, h);
        if let Some(o) = owner.filter(|&o| owner_acts(sent, &ents[o], (s, h))) {
            let d = &mut ents[o];
            d.np0 = label_start;
            d.people = is!("person_nouns", w);
            continue;
        }
        if let Some(end) = of_phrase_end(sent, h) {
            e_end = end;
        } else if let Some(o) = owner {
            // The group is named with its body, which is no party here.
            e_end = ents[o].t1;
            ents[o].modifier = true;
        }
        if let Some(d) = owning_body(sent, ents, (label_start, e_end), w) {
            let d = &mut ents[d];
            d.np1 = e_end;
            d.people = is!("person_nouns", w);
            continue;
        }
        let label = sent
            .span_text(text, label_start, e_end)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if label.is_empty() {
            continue;
        }
        let mut x = Ent::new(
            label_start,
            e_end,
            minted(&label.to_lowercase(), EntityType::Group, None, false),
            EntKind::Group,
        );
        x.people = victim;
        ents.push(x);
    }
}

/// Where the phrase of the group noun at `h` starts. "talks with Darfur
/// rebels", "two Gaza militants": a region right before an armed group
/// says where it fights, and is part of its name, not the event's place.
/// (A capital before "authorities" or "court" stands for its government:
/// "the Kinshasa authorities".)
fn group_start(sent: &Sent, ents: &mut [Ent], h: usize) -> usize {
    let armed = at!("force_nouns", sent, h) || at!("armed_group_modifiers", sent, h);
    let home = ents.iter().position(|e| {
        armed
            && e.np1 == h
            && e.kind == EntKind::Name
            && e.ent.etype == EntityType::Region
            && !e.modifier
            && !e.locative
    });
    match home {
        Some(r) => {
            ents[r].modifier = true;
            ents[r].t0
        }
        None => phrase_start(sent, ents, h),
    }
}

/// "The West, which considers Hamas a terrorist organization, is
/// demanding": a bloc of governments named as one party.
fn bloc(text: &str, sent: &Sent, ents: &[Ent], h: usize) -> Option<Ent> {
    let named = h > 0
        && at!("bloc_names", sent, h)
        && sent.toks[h].cap
        && sent.lower(h - 1) == "the"
        && !covered(ents, h)
        && !sent
            .toks
            .get(h + 1)
            .is_some_and(|t| t.cap && t.kind == TokKind::Word);
    named.then(|| {
        let label = sent.span_text(text, h - 1, h + 1).to_lowercase();
        let mut x = Ent::new(
            h,
            h + 1,
            minted(&label, EntityType::Group, None, false),
            EntKind::Group,
        );
        x.np0 = h - 1;
        x
    })
}

/// Whether a noun phrase ends before token `k`: what follows is no word,
/// or a word that opens something else (a verb, an auxiliary, a
/// preposition or relative pronoun), not a noun the phrase goes on with.
fn ends_phrase(sent: &Sent, k: usize) -> bool {
    let Some(t) = sent.toks.get(k) else {
        return true;
    };
    if t.kind != TokKind::Word {
        return t.lower != "-";
    }
    let w = t.lower.as_str();
    w != "'s"
        && (t.cap
            || w.ends_with("ly")
            || at!("stopwords", t)
            || at!("speech_verbs", t)
            || at!("verb_auxiliaries", t)
            || at!("light_verbs", t)
            || crate::extract::lexicon::BY_FIRST.contains_key(w)
            || w.ends_with("ed"))
}

/// The first content word of the group noun `h`'s phrase: determiners,
/// numbers, verbs and names before it are not its modifiers.
fn phrase_start(sent: &Sent, ents: &[Ent], h: usize) -> usize {
    let mut s = h;
    while s > 0 {
        let p = sent.lower(s - 1);
        // "10 long-term international observers": a hyphenated compound
        // modifies as one word.
        if sent.glued_hyphen(s - 1)
            && sent.toks[s - 2].kind == TokKind::Word
            && sent.lower(s - 2) != "non"
            && !covered(ents, s - 2)
            && h - s < 3
        {
            s -= 2;
            continue;
        }
        let modifier = sent.toks[s - 1].kind == TokKind::Word
            && !is!("stopwords", p)
            && !p.ends_with("ing")
            && (!p.ends_with("ed") || p.ends_with("-year-old"))
            && !crate::extract::lexicon::BY_FIRST.contains_key(p)
            && !is!("light_verbs", p)
            && !matches!(p, "out" | "up" | "off" | "down")
            && !is!("not_names", p)
            && !covered(ents, s - 1)
            && !p.ends_with("ly")
            && !is!("speech_verbs", p)
            && !matches!(p, "suspected" | "alleged" | "unidentified" | "unknown")
            // "attacks against government forces": a preposition.
            && !is!("prepositions", p)
            // "promised to deport foreign student visa holders", "to
            // dislodge gunmen": a verb after "to" (not "to local
            // authorities", "to Tamil rebels", "to flood victims").
            && !(s >= 2 && sent.lower(s - 2) == "to" && is!("verbs_before_groups", p));
        // "Thailand's military" is no "s military", "a 47-year-old
        // Buddhist man" no "old Buddhist man": the possessive's and the
        // age's last pieces are not modifiers.
        let glued = p == "'s" || s >= 2 && p == "old" && sent.lower(s - 2) == "-";
        if !modifier || glued || h - s >= 3 {
            break;
        }
        s -= 1;
    }
    s
}

/// "rebels of the Moro Islamic Liberation Front", "troops of the United
/// States", "Leaders of the European Union met in Brussels", "The heads of
/// state and government of the African Union": the named body whose own
/// the group `h` is; that body acts, as with "NATO's heads of state"
/// (`owning_body`).
fn named_owner(sent: &Sent, ents: &[Ent], h: usize) -> Option<usize> {
    // The body's "of" comes after the title's own.
    let mut hh = h;
    if sent.lower(h) == "heads"
        && sent.lower(h + 1) == "of"
        && matches!(sent.lower(h + 2), "state" | "government")
    {
        hh = h + 2;
        if sent.lower(hh + 1) == "and" && matches!(sent.lower(hh + 2), "state" | "government") {
            hh += 2;
        }
    }
    if sent.lower(hh + 1) != "of" {
        return None;
    }
    let at = if sent.lower(hh + 2) == "the" {
        hh + 3
    } else {
        hh + 2
    };
    // (A name's own "the" may be inside it: "the European Union".)
    ents.iter().position(|e| {
        (e.t0 == at || e.t0 == hh + 2)
            && e.kind == EntKind::Name
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup | EntityType::Country
            )
    })
}

/// Whether the named body `owner` of the group phrase `s..=h` acts through
/// it: the head is one of its organs ("leaders", "troops"; not "victims of
/// Hamas", "workers of Samsung"), not a former or non-member ("Former
/// members of Congress", "Non-members of the Security Council"), not the
/// rebels or opposition of a state or party ("rebels of the Moro Islamic
/// Liberation Front" are that front), and the name ends its phrase
/// ("Family members of World Trade Center victims", "the leader of Iraq's
/// largest party" own nothing).
fn owner_acts(sent: &Sent, owner: &Ent, (s, h): (usize, usize)) -> bool {
    let opposed = owner.ent.etype != EntityType::ArmedGroup && at!("opposition_nouns", sent, h);
    at!("organ_nouns", sent, h)
        && !opposed
        && !(s.saturating_sub(1)..h).any(|k| matches!(sent.lower(k), "former" | "ex" | "-"))
        && ends_phrase(sent, owner.t1)
}

/// "Heads of local councils", "three leaders of the Serbian opposition":
/// the end of the group noun `h` with its "of" phrase, when that phrase
/// names a body by a common noun.
fn of_phrase_end(sent: &Sent, h: usize) -> Option<usize> {
    if sent.lower(h + 1) != "of" {
        return None;
    }
    // "Heads of local councils": the plural of a body.
    let j = (h + 2..sent.toks.len().min(h + 6)).find(|&j| {
        let w = sent.lower(j);
        is!("group_nouns", w)
            || is!("org_heads", w)
            || w.strip_suffix('s').is_some_and(|w| is!("org_heads", w))
    })?;
    (h + 2..j)
        .all(|k| {
            (is_word(sent, k) || sent.lower(k) == "-")
                && !at!("clause_breaks", sent, k)
                && !crate::extract::lexicon::BY_FIRST.contains_key(sent.lower(k))
        })
        .then_some(j + 1)
}

/// "military aid", "security forces", "intelligence reports": the group
/// noun `h` modifies the noun after it.
fn modifies_next(sent: &Sent, h: usize) -> bool {
    let (w, next) = (sent.lower(h), sent.lower(h + 1));
    // "European diplomats met Iranian officials", "Arab foreign ministers
    // called for a peace conference", "Another insurgent hurled a grenade":
    // a word no noun trigger starts with is a verb, and the group before it
    // its subject. Not after a possessive: "Nkunda's men launched attacks",
    // "Blair's government pledged" are the possessor's acts; nor after "two".
    let verb_only = crate::extract::lexicon::BY_FIRST
        .get(next)
        .is_some_and(|rules| {
            rules.iter().all(|&i| {
                crate::extract::lexicon::RULES[i].pos == crate::extract::lexicon::Pos::Verb
            })
        });
    // "European foreign ministers meeting in Luxembourg also called on
    // Kabila", "OPEC ministers meeting in Nigeria on Thursday announced":
    // after a plural group, an "-ing" trigger with a place after it is the
    // group's own participle, not the noun a group names ("a cabinet
    // meeting in Malacanang", "a special foreign ministers meeting in Kuala
    // Lumpur": an article before the group is the meeting's).
    let singular_article = || {
        (h.saturating_sub(4)..h)
            .rev()
            .take_while(|&k| is_word(sent, k))
            .any(|k| matches!(sent.lower(k), "a" | "an"))
    };
    let participle = w.ends_with('s')
        && next.ends_with("ing")
        && matches!(sent.lower(h + 2), "in" | "at")
        && sent.toks.get(h + 3).is_some_and(|t| t.cap)
        && !singular_article();
    if participle {
        return false;
    }
    let owned = h > 0 && sent.lower(h - 1) == "'s";
    // "The two leaders reiterated": the pair named before (refs/mod.rs pairs).
    let pair = h > 0 && matches!(sent.lower(h - 1), "two" | "both");
    if verb_only && !owned && !pair {
        return false;
    }
    is_word(sent, h + 1)
        && !sent.toks[h + 1].cap
        // ("was killed" is a trigger too, but "was" no noun.)
        && (modifies_trigger(w, next) && !at!("stopwords", sent, h + 1)
            // "According to intelligence reports": no group speaks.
            || matches!(next, "report" | "reports")
            || at!("group_nouns", sent, h + 1)
            || at!("victim_nouns", sent, h + 1)
            || at!("facility_nouns", sent, h + 1))
}

/// "an official visit", "an official working visit", "the official IRNA
/// news agency", "military-ruled": a word of `[adjective_groups]` before a
/// noun, a name or a hyphen modifies it. Before a verb ("said", "added",
/// "quoted"), a function word ("with", "has", "in"), a day ("a US official
/// Wednesday"), a participle with its preposition ("speaking on condition")
/// or a predicate ("close to the talks") it is the group.
fn adjective_here(sent: &Sent, h: usize) -> bool {
    if !at!("adjective_groups", sent, h) {
        return false;
    }
    let n = h + 1;
    if sent.lower(n) == "-" {
        return true;
    }
    let Some(t) = sent.toks.get(n) else {
        return false;
    };
    if t.kind != TokKind::Word {
        return false;
    }
    if t.cap {
        return !at!("not_names", sent, n);
    }
    let next = sent.lower(n);
    if at!("collective_heads", sent, n) {
        return false;
    }
    let verb = next.ends_with("ed")
        || at!("speech_verbs", sent, n)
        || at!("irregular_past", sent, n)
        || next.ends_with("ing") && at!("stopwords", sent, n + 1);
    !(verb || at!("stopwords", sent, n) || at!("after_group_adjectives", sent, n))
}

/// "Security" inside "Organization of Security and ...": a capitalised
/// group noun is a name's word. "the Islamists", "the Maoists" (43 and 6
/// times in the wire stories) are capitalised by convention, and no name
/// goes on after them ("the Security Council" does) nor comes before them
/// ("the Great Hall of the People", "of the Community").
fn name_word(sent: &Sent, h: usize, group: bool) -> bool {
    let conventional = group
        && h > 0
        && sent.lower(h - 1) == "the"
        && (h < 2 || sent.lower(h - 2) != "of")
        && !sent
            .toks
            .get(h + 1)
            .is_some_and(|t| t.cap && t.kind == TokKind::Word);
    sent.toks[h].cap && h > 0 && !conventional
}
