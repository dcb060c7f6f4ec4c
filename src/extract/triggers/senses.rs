//! A trigger word's other senses, told by the words around it: a labour
//! strike or a ruling struck down, a place won at the polls, a phone line a
//! quotation came over, a shot or a meeting of a match report.

use super::super::doc::{Doc, Sent};
use super::super::entities::Ent;
use super::super::lexicon::{at, is, Pos, TriggerRule};
use super::super::text::TokKind;
use super::{cue_before, day_adverb, prev_of};
use crate::model::EventKind;

/// "Sectarian tensions are threatening to rip Iraq apart", "a row ... that
/// threatened to disrupt energy supplies", "common security threats": a
/// danger, not a warning of harm that someone makes. Motivated by the wire
/// stories: a precision audit judged about 20 of the 42 Threats of
/// "threaten" or "threat" dangers.
pub(super) fn danger_sense(sent: &Sent, ents: &[Ent], t0: usize, rule: &TriggerRule) -> bool {
    if rule.kind != EventKind::Threat || !sent.lower(t0).starts_with("threat") {
        return false;
    }
    if rule.pos == Pos::Noun {
        // "a serious threat to the health of", "the growing threat of an
        // energy war" are dangers; "North Korea issued a new threat" is a
        // party's.
        let made = (1..=4).any(|k| is!("light_verbs", prev_of(sent, t0, k)));
        return (1..=2).any(|k| {
            let w = prev_of(sent, t0, k);
            is!("danger_modifiers", w) || is!("danger_evaluations", w) && !made
        });
    }
    // The verb's subject: the word before it past auxiliaries and adverbs.
    let mut k = t0;
    while k > sent.body
        && (at!("verb_auxiliaries", sent, k - 1) || sent.lower(k - 1).ends_with("ly"))
    {
        k -= 1;
    }
    let named = |i: usize| ents.iter().any(|e| e.t0 <= i && i < e.t1);
    if k == sent.body || named(k - 1) {
        return false;
    }
    let thing = |i: usize| at!("danger_subjects", sent, i) && !named(i);
    if !matches!(sent.lower(k - 1), "that" | "which") {
        // "The gunmen who took part in the standoff threatened": the word
        // before the verb ends a relative clause, not its subject ("that"
        // may open what was said: "said that tensions were threatening").
        let relative = (k.saturating_sub(9).max(sent.body)..k - 1)
            .any(|i| matches!(sent.lower(i), "who" | "which"));
        return !relative && thing(k - 1);
    }
    // "a row over Russian natural gas imports that threatened": the
    // antecedent's head, within its noun phrase and clause ("The move
    // overcame a standoff when the EU's Dutch presidency threatened" is the
    // presidency's threat).
    let start = k.saturating_sub(10).max(sent.body);
    (start..k - 1)
        .rev()
        .take_while(|&i| sent.lower(i) != "," && !at!("clause_breaks", sent, i))
        .any(|i| thing(i) && sent.lower(i + 1) != "-")
}

/// For a verb that publishes a document, whether it is in another sense;
/// `None` for any other trigger.
fn publishing_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> Option<bool> {
    let w = sent.lower(t0);
    if rule.kind != EventKind::Statement || rule.pos != Pos::Verb {
        return None;
    }
    // "discussed the issue of the report": a noun after a determiner.
    if matches!(w, "issue" | "issues") && is!("determiners", prev_of(sent, t0, 1)) {
        return Some(true);
    }
    if !is!("publishing_verbs", w) || t1 - t0 <= 1 {
        return None;
    }
    // "The UN issued a report on Monday accusing Syria of abuses": a
    // document whose words are told by a participle is that act's vehicle;
    // the accusation is the news (and takes the day). Only when the day
    // stands between them, which the document would take ("has issued a
    // directive calling on all levels of government" keeps the directive).
    let end = (t1 + 6).min(sent.toks.len());
    Some((t1..end).any(|k| {
        at!("content_participles", sent, k) && (t1..k).any(|j| day_adverb(sent, j).is_some())
    }))
}

/// A trigger word in another of its senses, told by the words around it.
/// Each rule is motivated by wire stories of afp-xin and web pages of
/// html/ where the word named no event of its kind.
pub(super) fn other_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    if let Some(other) = publishing_sense(sent, t0, t1, rule) {
        return other;
    }
    match rule.kind {
        EventKind::Attack => attack_sense(sent, t0, t1, rule),
        EventKind::Request => request_sense(sent, t0, t1, rule),
        EventKind::Meeting
        | EventKind::Summit
        | EventKind::Consultation
        | EventKind::Negotiation => meeting_sense(sent, t0, t1, rule.kind),
        EventKind::Aid | EventKind::Pledge => giving_sense(sent, t0, t1, rule),
        EventKind::Statement => statement_sense(sent, t0, t1, rule),
        EventKind::PhoneCall => phone_sense(sent, t0, t1),
        _ => false,
    }
}

/// The word `k` places after the trigger's last word (`k` = 1 is the next).
fn next_of(sent: &Sent, t1: usize, k: usize) -> &str {
    sent.lower(t1 + k - 1)
}

fn attack_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let prev = |k: usize| prev_of(sent, t0, k);
    let next = |k: usize| next_of(sent, t1, k);
    // "Democrats seized control of the Senate in Tuesday's election": a
    // place won at the polls, not taken by force.
    if rule.needs == Some("conquest") && (0..sent.toks.len()).any(|k| at!("vote_words", sent, k)) {
        return true;
    }
    if (t0..t1).any(|k| sent.lower(k).starts_with("strik") || sent.lower(k) == "struck") {
        return strike_sense(sent, t0, t1, rule);
    }
    // "a veiled shot at", its manner right before it (not "a teenager shot
    // newspaper editor Hrant Dink"): words.
    if matches!(w, "shot" | "shots" | "swipe" | "swipes")
        && t0 > 0
        && at!("verbal_attack_cues", sent, t0 - 1)
    {
        return true;
    }
    if (t0..t1).any(|k| sent.lower(k).starts_with("attack")) {
        return attack_in_words(sent, t0, t1, rule);
    }
    // "killed off a 708-million-dollar plan", "appeared to have killed off
    // their hopes": a thing ended, no one attacked.
    if w.starts_with("kill")
        && (next(1) == "off" || rule.pos == Pos::Verb && killed_thing(sent, t1))
    {
        return true;
    }
    // "two days after taking up the post", "took office": a post taken, not
    // a place seized.
    if matches!(w, "take" | "takes" | "taking" | "took" | "taken") {
        return matches!(next(1), "up" | "office");
    }
    // "a colliery gas blast", "a coal mine explosion": an accident (not "a
    // chemical attack": only a blast or an explosion).
    if rule.pos == Pos::Noun
        && at!("blast_nouns", sent, t1 - 1)
        && (1..=3).any(|k| is!("accident_words", prev(k)))
    {
        return true;
    }
    if matches!(w, "fight" | "fights" | "fought" | "fighting")
        && (struggle(sent, t1) || war_fought(sent, t1))
    {
        return true;
    }
    // "lost his battle with cancer", "the fight against the epidemic".
    if rule.pos == Pos::Noun && matches!(next(1), "with" | "against") {
        return (t1 + 1..(t1 + 4).min(sent.toks.len())).any(|k| at!("non_agents", sent, k));
    }
    false
}

/// "Etienne Tshisekedi fought to save his job", "a Sikh militant group
/// fighting for a separate state", "when Allen and Farrow were fighting
/// over custody of their children": a struggle for an end or over a thing,
/// no armed clash (afp-xin, html/). Not "charged with fighting for the
/// Taliban in Afghanistan" (a side in a war): only a verb after "to" (not
/// "to the ..."), and after "for" or "over" only what [struggle_ends]
/// lists.
fn struggle(sent: &Sent, t1: usize) -> bool {
    let next = |k: usize| next_of(sent, t1, k);
    match next(1) {
        "to" => {
            let v = next(2);
            !v.is_empty()
                && !matches!(v, "the" | "a" | "an" | "death" | "last")
                && !sent.toks.get(t1 + 1).is_some_and(|t| t.cap)
        }
        "for" | "over" => is!("struggle_ends", next(2)),
        _ => false,
    }
}

/// "India and Pakistan have fought three wars since independence", "Iran and
/// Iraq fought a lengthy war from 1980 to 1988", "accused ... of fighting a
/// proxy war in Somalia", "the LRA, which have fought a brutal civil war for
/// 20 years" (afp-xin): a war fought is years of fighting, not one attack.
/// Only a war that is the verb's object, within five words and with no
/// preposition or punctuation between: a war named after a preposition may
/// be the setting of a clash the verb's object tells.
fn war_fought(sent: &Sent, t1: usize) -> bool {
    for k in t1..(t1 + 5).min(sent.toks.len()) {
        let t = &sent.toks[k];
        if matches!(t.lower.as_str(), "war" | "wars") {
            return true;
        }
        // A preposition, or any function word but a determiner.
        let w = t.lower.as_str();
        let breaks = is!("prepositions", w) || is!("stopwords", w) && !is!("determiners", w);
        if !matches!(t.kind, TokKind::Word | TokKind::Number) || breaks {
            return false;
        }
    }
    false
}

/// "launched a strongly worded attack in The Times newspaper": words, when
/// a cue of words stands right beside the attack word (its manner or
/// medium) and no word of force is in the sentence. Not a newspaper that
/// reports an air raid ("Israeli aircraft attacked a Hezbollah target ...,
/// local newspaper Ha'aretz reported") nor an editorial that speaks of one
/// ("The editorial said the attack on the Indian parliament"). "trading
/// attacks" is words by its verb when the debate is named ten words
/// before. "a speech by European Commission President Jacques Santer
/// attacking Euro-scepticism", "attacked the government's policy": words
/// too when a speech is the subject or an idea the object.
/// "effectively kills a Danish motion criticizing", "1992 killed socialism
/// in Britain", "vowed to kill the bill": the object, before any
/// preposition, is a text or an idea ([document_nouns], [idea_nouns]).
fn killed_thing(sent: &Sent, t1: usize) -> bool {
    (t1..(t1 + 4).min(sent.toks.len()))
        .take_while(|&k| {
            sent.toks[k].kind == TokKind::Word
                && (!at!("stopwords", sent, k) || is!("determiners", sent.lower(k)))
        })
        .any(|k| at!("idea_nouns", sent, k) || at!("document_nouns", sent, k))
}

fn attack_in_words(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let cue = (t0.saturating_sub(2)..(t1 + 4).min(sent.toks.len()))
        .any(|k| at!("verbal_attack_cues", sent, k));
    // Only the participle ("a statement from the group said the attack" is
    // a report of one). The speech noun is the participle's own subject:
    // only its "by/of X" between them ("A report by Amnesty accused Israel
    // of attacking journalists" is the report's claim of an attack).
    let by_speech = w == "attacking"
        && (t0.saturating_sub(8)..t0).rev().any(|k| {
            at!("speech_nouns", sent, k)
                && (k + 1..t0).all(|x| {
                    sent.toks[x].cap
                        || matches!(
                            sent.lower(x),
                            "by" | "of"
                                | "from"
                                | "the"
                                | "'s"
                                | "-"
                                | "on"
                                | "in"
                                | "late"
                                | "early"
                        )
                })
        });
    // Only a verb's object ("Attacks inspired by extremism hit three
    // churches" is an attack).
    let on_idea = rule.pos == Pos::Verb
        && (t1..(t1 + 4).min(sent.toks.len()))
            .take_while(|&k| !matches!(sent.lower(k), "," | ";" | "." | "and" | "by"))
            .any(|k| at!("idea_nouns", sent, k));
    (cue || by_speech || on_idea)
        && !(0..sent.toks.len()).any(|k| {
            let w = sent.lower(k);
            super::super::lexicon::force_word(w) || is!("armed_group_modifiers", w)
        })
}

fn request_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let prev = |k: usize| prev_of(sent, t0, k);
    let next = |k: usize| next_of(sent, t1, k);
    // "world oil demand", "a decrease in demand", "if demand falls".
    if w.starts_with("demand") && w != "demanding" {
        return is!("market_words", prev(1))
            || is!("market_after", next(1))
            || w == "demand" && is!("market_after_singular", next(1))
            || demand_met(sent, t0);
    }
    // "physically demanding jobs", "a demanding schedule", "hard pressed":
    // adjectives; "repeatedly pressed Netanyahu" is a verb.
    if w == "demanding" || w == "pressed" {
        return is!("adjective_adverbs", prev(1))
            || matches!(
                prev(1),
                "a" | "an" | "the" | "more" | "most" | "very" | "less" | "hard"
            );
    }
    // "vowed it would defy the UN Security Council's decision ... by pressing
    // ahead with its nuclear programme", "vowed to press ahead with his
    // controversial plans for early elections": going on, no one pressed.
    if w.starts_with("press") && matches!(next(1), "ahead" | "forward") {
        return true;
    }
    // "did not respond to requests for comment": a reporter's, no event of
    // the story (Reuters stories of the dev set).
    if w.starts_with("request") {
        return matches!(
            (next(1), next(2)),
            ("for" | "to" | "seeking", "comment" | "comments")
        );
    }
    // "paying a courtesy call on Vice President Joseph Msika", "a
    // conference call on its earnings restatement": the noun "call" of a
    // visit or a meeting. Not "the conference called on Israel to withdraw"
    // nor "the conference calls on Israel": verbs.
    w == "call" && rule.pos == Pos::Verb && is!("call_noun_modifiers", prev(1))
}

/// "which can meet the demand in major areas for epidemic prevention", "to
/// meet a urgent demand cropping up in infrastructure", "to meet the
/// demands of anxious buyers" (afp-xin): demand supplied is the market's,
/// no one's request. A verb of [supply_verbs] up to three lower-case words
/// before the noun.
fn demand_met(sent: &Sent, t0: usize) -> bool {
    cue_before(sent, t0, 3, |v| at!("supply_verbs", sent, v))
}

fn meeting_sense(sent: &Sent, t0: usize, t1: usize, kind: EventKind) -> bool {
    let w = sent.lower(t0);
    let next = |k: usize| next_of(sent, t1, k);
    // "the debate over abortion", "a heated debate in parliament": a
    // forum's or the public's; a candidates' debate names the election in
    // its phrase ([debate_cues]: "the third GOP presidential primary
    // debate", "an NBC News debate here Wednesday night").
    if kind == EventKind::Meeting && w.starts_with("debate") {
        return !election_debate(sent, t0);
    }
    if kind == EventKind::Meeting && w.starts_with("host") {
        return is!("hosting_not_meeting", next(1));
    }
    // "the 15th anniversary of China-ASEAN dialogue relations", "its
    // dialogue partners": a standing relation, no talks held.
    if kind != EventKind::Summit && w == "dialogue" && t1 == t0 + 1 {
        return is!("relationship_after", next(1));
    }
    // "met the tough Maastricht criteria", "meet its EU obligations", "on
    // course to meeting the income poverty Millennium Development Goal" (a
    // gerund with its object; the noun "meeting" takes none).
    if kind != EventKind::Negotiation
        && t1 == t0 + 1
        && (matches!(w, "meet" | "meets" | "met")
            || w == "meeting" && matches!(next(1), "the" | "its" | "their" | "all"))
    {
        // The object's head: past determiners and modifiers, before any
        // preposition ("meet Kabila at the request of" is a meeting).
        return (t1..(t1 + 7).min(sent.toks.len()))
            .take_while(|&k| {
                sent.toks[k].kind == TokKind::Word && !at!("stopwords", sent, k)
                    // "to meet the 3-percent rule".
                    || sent.toks[k].kind == TokKind::Number
                    || matches!(
                        sent.lower(k),
                        "the" | "a" | "an" | "its" | "their" | "all" | "-"
                    )
            })
            .any(|k| at!("meet_objects", sent, k));
    }
    false
}

fn giving_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let prev = |k: usize| prev_of(sent, t0, k);
    let next = |k: usize| next_of(sent, t1, k);
    // "before it would give up its nuclear weapons", "gave in to the
    // demands": what is given up or in to is no gift ("give up to 10
    // million dollars" is an amount).
    if matches!(w, "give" | "gives" | "gave" | "giving" | "given") {
        return next(1) == "up" && next(2) != "to"
            || next(1) == "in" && next(2) == "to"
            || next(1) == "way";
    }
    // "have imposed a crippling aid freeze on the Palestinian Authority":
    // aid withheld, none given.
    if matches!(w, "aid" | "assistance") {
        return is!("aid_withheld", next(1));
    }
    if rule.kind != EventKind::Pledge {
        return false;
    }
    // "offering Democrats a chance to question him", "offer their
    // condolences", "offered a vital opportunity", "offer loans of 4.4
    // billion dollars", "its initial public offering", "job offers": an
    // offer of no help or promise. Its object's head comes before any
    // preposition.
    if w.starts_with("offer") {
        return matches!(prev(1), "public" | "share" | "stock" | "job" | "rights")
            || (t1..(t1 + 5).min(sent.toks.len()))
                .take_while(|&k| !super::super::arguments::is_preposition(sent.lower(k)))
                .any(|k| at!("offer_non_pledge", sent, k));
    }
    // "was sworn in as India's 12th prime minister": an oath of office.
    matches!(w, "sworn" | "swore" | "swear" | "swears") && matches!(next(1), "in" | "into")
}

fn statement_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let prev = |k: usize| prev_of(sent, t0, k);
    let next = |k: usize| next_of(sent, t1, k);
    // "was admitted to hospital" whoever admitted them.
    if w == "admitted"
        && next(1) == "to"
        && (next(2) == "hospital" || next(3).starts_with("hospital"))
    {
        return true;
    }
    // "Her appointment was announced in December", "the Bogor Goals ...
    // were declared in 1994": a passive with no "by" names no speaker.
    let be = |x: &str| matches!(x, "was" | "were" | "been" | "being" | "is" | "are" | "be");
    let passive = be(prev(1)) || prev(1).ends_with("ly") && be(prev(2));
    if rule.pos == Pos::Verb && w.ends_with("ed") && passive {
        return !(t1..(t1 + 10).min(sent.toks.len())).any(|k| sent.lower(k) == "by");
    }
    false
}

/// Whether the debate at `t0` has a word of an election in its phrase:
/// before it past premodifiers, ordinals and possessives, not past a
/// punctuation mark or a preposition ("a debate in the Democratic-led
/// House" is the House's).
fn election_debate(sent: &Sent, t0: usize) -> bool {
    // "the party's third debate of the primary season".
    let season = sent.lower(t0 + 1) == "of"
        && sent.lower(t0 + 2) == "the"
        && at!("debate_cues", sent, t0 + 3);
    season
        || (t0.saturating_sub(6)..t0)
            .rev()
            .take_while(|&k| {
                let w = sent.lower(k);
                sent.toks[k].kind == TokKind::Word
                    && !super::super::arguments::is_preposition(w)
                    && !matches!(w, "and" | "or")
                    || matches!(w, "'s" | "'" | "-")
            })
            .any(|k| {
                let w = sent.lower(k);
                at!("debate_cues", sent, k)
                    && (sent.toks[k].cap || !is!("party_adjectives", w))
                    // "the leaders debate on ITV", not "European leaders
                    // debate migration".
                    && (w != "leaders"
                        || k > 0 && sent.lower(k - 1) == "the"
                        || sent.lower(k + 1) == "'")
            })
}

/// "strike" and "struck" in their other senses: a walkout ("The Wednesday
/// strike by the General Confederation of Workers", "teachers called off
/// their strike", "the union launched the strike"), a deal ("an agreement
/// struck with"), a ruling ("struck down by a judge"). A weapon named in
/// the pattern ("air strike", "missiles struck") keeps the attack.
pub(super) fn strike_sense(sent: &Sent, t0: usize, t1: usize, rule: &TriggerRule) -> bool {
    let w = sent.lower(t0);
    let launch = w.starts_with("launch");
    if rule.mode.is_some() && !launch {
        return false;
    }
    let Some(s) =
        (t0..t1).find(|&k| sent.lower(k).starts_with("strik") || sent.lower(k) == "struck")
    else {
        return false;
    };
    let before = |k: usize| prev_of(sent, s, k);
    let after = |k: usize| sent.lower(s + k);
    if matches!(
        before(1),
        "air" | "drone" | "missile" | "rocket" | "aerial" | "naval" | "military"
    ) {
        return false;
    }
    // The walkers-out own the strike: its modifiers or possessor ("Greek
    // teachers' strike", "their strike" after "teachers"), "on strike", a
    // "general"/"hunger" strike, "strike by the union", "strike leader".
    let labour = before(1) == "on"
        || matches!(
            before(1),
            "general" | "hunger" | "wildcat" | "labour" | "labor"
        )
        || (1..=4).any(|k| {
            is!("labour_strike", before(k)) || launch && is!("labour_strike", prev_of(sent, t0, k))
        })
        || after(1) == "by" && (2..=5).any(|k| is!("labour_strike", after(k)))
        // "The studios and writers reached a deal that brought their strike
        // to an end": whose strike "their" is, earlier in the sentence.
        || before(1) == "their" && (sent.body..s).any(|k| at!("labour_strike", sent, k))
        || matches!(
            after(1),
            "leader" | "leaders" | "fund" | "relief" | "action" | "ballot" | "pay"
        );
    let deal = w == "struck"
        && ((t1..(t1 + 3).min(sent.toks.len())).any(|k| at!("struck_objects", sent, k))
            || matches!(before(1), "deal" | "agreement" | "accord" | "pact"));
    // "his order struck down by a judge"; not "struck down by a roadside
    // bomb".
    let ruling = after(1) == "down"
        && (s.saturating_sub(6)..(s + 8).min(sent.toks.len()))
            .any(|k| at!("ruling_words", sent, k));
    labour || deal || ruling
}

/// A phone word in its other senses: the line a quotation came over
/// ("added by telephone from Kigali", "Speaking by phone from Tashkent, she
/// told Reuters"), the trade ("British telephone operator Vodafone"), an
/// appeal ("his call last weekend for early elections"). A call with its
/// partner in the pattern ("talked to McLaren by telephone") stays a call.
pub(super) fn phone_sense(sent: &Sent, t0: usize, t1: usize) -> bool {
    let last = sent.lower(t1 - 1);
    let phone = matches!(last, "phone" | "telephone");
    let partner = (t0..t1).any(|k| matches!(sent.lower(k), "with" | "to"));
    let next = |k: usize| sent.lower(t1 + k - 1);
    // A lone phone word after "by" is how a speech verb's words came ("said
    // by telephone from", "told AFP by telephone from"; "Bush called Putin
    // by telephone from Air Force One", "told Putin by telephone from Camp
    // David" are calls); a fronted "Speaking by phone from X," is the
    // reporter's line when the clause reports to the press or to nobody
    // ("Khatami told Annan" is a call); "Trump and Putin spoke by telephone
    // from" is a call.
    let spoken = (2..=4).any(|k| {
        let w = prev_of(sent, t0, k);
        is!("medium_speech_verbs", w)
            && (w != "told" || (1..k).any(|j| is!("press_addressees", prev_of(sent, t0, j))))
    });
    let medium = phone
        && !partner
        && next(1) == "from"
        && (t1 - t0 == 1 && matches!(prev_of(sent, t0, 1), "by" | "over") && spoken
            || t0 == 0 && sent.lower(t0) == "speaking" && to_press(sent, t1));
    let trade = phone && is!("phone_trade", next(1));
    // "his call last weekend for early elections"; not "a call to Putin for
    // the second time", "a call from Putin for the first time".
    let appeal = t1 - t0 == 1
        && matches!(last, "call" | "calls")
        && (1..=3)
            .take_while(|&k| !matches!(next(k), "to" | "from" | "with"))
            .any(|k| next(k) == "for" && next(k + 1) != "the");
    medium || trade || appeal
}

/// Whether the clause after a fronted phrase (its words up to `from`)
/// reports to the press ("she told Reuters", "told the BBC") or to nobody
/// ("Tin Oo said").
pub(super) fn to_press(sent: &Sent, from: usize) -> bool {
    let Some(comma) = (from..sent.toks.len()).find(|&k| sent.lower(k) == ",") else {
        return false;
    };
    let Some(v) = (comma + 1..(comma + 12).min(sent.toks.len()))
        .find(|&k| at!("medium_speech_verbs", sent, k))
    else {
        return false;
    };
    sent.lower(v) != "told"
        || (v + 1..(v + 4).min(sent.toks.len())).any(|k| at!("press_addressees", sent, k))
}

/// A sentence of a match report: "hit a curling shot that Blazek tipped
/// past the post", "a well-taken shot from inside the area by Christian
/// Vieri", "grabbing the rights to clash with Dong Tam Long in the final
/// game", "will meet Australia in Montevideo on Saturday, hoping to win the
/// first of two World Cup play-off games": its shots, clashes and meetings
/// are play. Only the words play shares with war count as attacks there
/// ("The Tamil Tigers bombed a bus carrying the Pakistani cricket team" is
/// an attack), and a word of force keeps them ("Gunmen opened fire on fans
/// after a football match"); statecraft keeps a meeting ("Indian and
/// Pakistani foreign secretaries met ... to discuss cricket diplomacy",
/// "Putin and Erdogan met on the sidelines of the World Cup football
/// tournament"); a threat stays one ("FIFA also threatened to suspend its
/// funding to Cambodia's national football program").
pub(super) fn sports_sense(sent: &Sent, ents: &[Ent], t0: usize, kind: EventKind) -> bool {
    (0..sent.toks.len()).any(|k| at!("sport_words", sent, k))
        && (kind != EventKind::Attack || at!("sport_attack_words", sent, t0))
        && play(sent, ents, kind)
}

/// Whether an event of `kind` told in a sentence of sport is play: no word
/// of force beside an attack, no statecraft nor leader beside the rest.
fn play(sent: &Sent, ents: &[Ent], kind: EventKind) -> bool {
    let mut words = (0..sent.toks.len()).map(|k| sent.lower(k));
    if kind == EventKind::Attack {
        !words.any(super::super::lexicon::force_word)
    } else {
        !words.any(|w| is!("statecraft_words", w)) && !ents.iter().any(|e| e.ent.leader)
    }
}

/// Whether an event of `kind` in a sports story's sentence is play or the
/// talk around it: never with force, statecraft or a leader beside it.
/// The kinds whose words play shares (clashes and battles, meetings and
/// hosts, tours, threats) are play; so are the rest, whose verbs tell a
/// match report's talk, not news ("striker Benni McCarthy has admitted he
/// has found life in the Premiership tougher", "coach Dick Advocaat ...
/// acknowledged France were favourites", "Stuart Clark has urged his
/// retiring mentor Glenn McGrath to help the Australian team", "the
/// National Basketball Association club announced Wednesday"), unless a
/// word of force or harm is beside them: a story of an attack on a cricket
/// team keeps its condemnations, calls and blame ("condemned the attack and
/// called on Pakistan to bring the attackers to justice").
pub(crate) fn story_play(sent: &Sent, ents: &[Ent], kind: EventKind) -> bool {
    let shared = matches!(
        kind,
        EventKind::Attack
            | EventKind::Meeting
            | EventKind::Summit
            | EventKind::Visit
            | EventKind::Threat
    );
    play(sent, ents, kind)
        && (shared
            || !(0..sent.toks.len()).any(|k| super::super::lexicon::force_word(sent.lower(k))))
}

/// A sports story: three different words of match reports, five in all
/// ("penalty", "half-time", "goalkeeper" ...). Its sentences without one
/// tell play too: "the Netherlands clash with Pakistan in the remaining
/// matches", "Kevin Pietersen won his battle with Shane Warne".
pub(crate) fn sports_story(doc: &Doc) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut hits = 0;
    for sent in &doc.sents {
        for k in 0..sent.toks.len() {
            if at!("sport_words", sent, k) {
                let w = sent.lower(k);
                hits += 1;
                if !seen.contains(&w) {
                    seen.push(w);
                }
                if seen.len() >= 3 && hits >= 5 {
                    return true;
                }
            }
        }
    }
    false
}
