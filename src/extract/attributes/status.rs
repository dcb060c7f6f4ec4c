//! The status of a mention at publication (occurred, planned, claimed,
//! possible, negated) from the cues of its clause, and the weekday a
//! status puts on the right side of the publication date.

use chrono::{Datelike, NaiveDate};

use super::{frame_of, occurrence_verb, opening_phrase_ahead, opening_phrase_in_past, past_form};
use crate::extract::clauses::Frame;
use crate::extract::doc::Sent;
use crate::extract::lexicon::{is, Pos, LISTS};
use crate::extract::triggers::Trigger;
use crate::model::{DateWindow, EventKind, Status};

/// A bare weekday resolved against the wrong side of the publication date:
/// "meeting on Friday" in a planned clause is the coming Friday, "met on
/// Friday" in a past one the last.
pub(crate) fn fix_weekday(d: &mut DateWindow, status: Status, reference: Option<NaiveDate>) {
    let Some(r) = reference else { return };
    let text = d.text.to_lowercase();
    let weekday = crate::extract::lexicon::WEEKDAYS
        .iter()
        .any(|w| text.contains(w))
        && ![
            "next",
            "last",
            "this",
            "coming",
            "previous",
            "following",
            "past",
        ]
        .iter()
        .any(|w| text.contains(w));
    if !weekday {
        return;
    }
    let shift = |d: &mut DateWindow, days: i64| {
        d.earliest += chrono::Duration::days(days);
        d.latest += chrono::Duration::days(days);
        if d.value.len() == 10 {
            d.value = d.earliest.format("%Y-%m-%d").to_string();
        }
    };
    if status == Status::Planned && d.latest < r {
        shift(d, 7);
    } else if matches!(status, Status::Occurred | Status::Claimed | Status::Negated)
        && d.earliest > r
    {
        shift(d, -7);
    }
}

/// An event noun whose verb of occurrence is in the past ("the summit of
/// the AU peace and security council held on January 9").
pub(crate) fn held_after(sent: &Sent, ents: &[crate::extract::entities::Ent], t: &Trigger) -> bool {
    occurrence_verb(sent, ents, t).is_some_and(|p| past_form(sent.lower(p)))
}

/// A date that names a month and no year ("January 9", "in February").
fn yearless_month(d: &DateWindow) -> bool {
    !d.text
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4)
        && d.text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| is!("months", &w.to_lowercase()))
}

/// A month or day named without a year, resolved after publication, in a
/// clause told in the past ("the summit ... held on January 9" in November
/// 2005 was January 2005): the last such date before publication. Returns
/// whether it moved.
pub(crate) fn last_year(d: &mut DateWindow, reference: NaiveDate) -> bool {
    let back = |x: NaiveDate| x.with_year(x.year() - 1);
    match (yearless_month(d), back(d.earliest), back(d.latest)) {
        (true, Some(e), Some(l)) if e <= reference => {
            d.earliest = e;
            d.latest = l;
            if d.value.len() == 10 || d.value.len() == 7 {
                d.value = format!("{}{}", e.year(), &d.value[4..]);
            }
            true
        }
        _ => false,
    }
}

/// How the article tells the event at publication.
#[allow(clippy::too_many_arguments)]
pub(crate) fn status(
    sent: &Sent,
    ents: &[crate::extract::entities::Ent],
    t: &Trigger,
    bounds: (usize, usize),
    frames: &[Frame],
    date: Option<&DateWindow>,
    reference: Option<NaiveDate>,
    own_speaker: &dyn Fn(usize) -> bool,
) -> Status {
    let (lb, rb) = bounds;
    // "The friendship has a great potential ..., said Xu Caihou during a
    // meeting with Mohamed Ismail": what was said before its verb is none
    // of the cues of an event told after it.
    let lb = frames
        .iter()
        .filter(|f| f.comp.1 <= f.verb && f.verb < t.t0 && f.verb >= lb)
        .map(|f| f.verb + 1)
        .max()
        .unwrap_or(lb);
    let lower = |k: usize| sent.lower(k);
    let cues = Cues {
        before: (lb..t.t0).map(lower).collect(),
        after: (t.t1..rb.min(t.t1 + 6)).map(lower).collect(),
    };
    let frame = frame_of(frames, t);
    if negated(
        sent,
        &negation_window(cues.near_before(), t),
        &cues.after,
        frame,
        t,
    ) {
        return Status::Negated;
    }
    if let Some(s) = called_off(sent, t, cues.near_before(), rb) {
        return s;
    }
    // "claimed responsibility for the attack" vouches for the attack.
    let hedged = (lb..t.t0).chain(t.t1..rb.min(t.t1 + 6)).any(|k| {
        is!("hedges", lower(k))
                && !sent.claims_responsibility(k)
                // "shot dead by two suspected militants", "a suspected
                // Moslem rebel lobbed a grenade", "suspected Tiger rebels
                // blew up an army tractor": the doubt is who did it, not
                // whether it happened.
                && !(matches!(lower(k), "suspected" | "alleged")
                    && (k + 1..k + 4).any(|j| suspect_force(lower(j))))
                // "Talabani on Sunday rejected the idea, apparently leaving
                // it dead in the water": the doubt is the participle's.
                && !(k > t.t1 && lower(k - 1) == "," && lower(k + 1).ends_with("ing"))
    }) || frame.is_some_and(|f| f.claim);
    // A speech act told in a frame ("said Washington would impose costs")
    // happened when it was said: what it promises lies in its content.
    // Not an announcement still to come ("Mackowiak says he will announce
    // the candidate sometime Monday morning"): only the saying was made.
    let announcement_ahead = announcement_ahead(t, cues.near_before());
    if announcement_ahead && frame.is_some() && might_be_said(sent, t, rb, cues.near_before()) {
        return Status::Possible;
    }
    if t.kind().speech_act() && frame.is_some() && !announcement_ahead {
        // "Trump said Modi had promised": told by another party, a claim.
        let third_party = frame.is_some_and(|f| f.speaker.is_some_and(|s| !own_speaker(s)));
        return if hedged || third_party {
            Status::Claimed
        } else {
            Status::Occurred
        };
    }
    // "Airbus is to develop its A350 ..., parent company EADS announced on
    // Friday", "talks will begin on Nov. 9, spokesman Kong Quan announced":
    // a speech act its own verb tells in the past was made; the plans
    // before it in the clause are what it said.
    if said_done_at(sent, t, lb) {
        return if hedged {
            Status::Claimed
        } else {
            Status::Occurred
        };
    }
    tense_status(sent, ents, t, &cues, date, reference, hedged)
}

/// "the consultations in Finland were cancelled": a gathering called off
/// did not happen. "the talks were put off due to the Nepalese
/// government's preoccupation", "A summit between U.S. President George W.
/// Bush and Iraqi Prime Minister Nuri al-Maliki was put off until
/// Thursday", "Abbas has indefinitely postponed a visit to Jordan": one put
/// off is still to come, and so is one that "had been
/// scheduled". The verb is passive after the noun's phrase, in its
/// clause, or active right before the noun.
fn called_off(sent: &Sent, t: &Trigger, near_before: &[&str], rb: usize) -> Option<Status> {
    if t.pos() != Pos::Noun {
        return None;
    }
    let undone = |words: &[&str]| {
        if LISTS.phrase_at("calling_off", words).is_some() {
            Some(Status::Negated)
        } else if LISTS.phrase_at("putting_off", words).is_some() {
            Some(Status::Planned)
        } else {
            None
        }
    };
    let end = rb.min(t.t1 + 20).min(sent.toks.len());
    for k in t.t1..end {
        let w = sent.lower(k);
        if is!("clause_breaks", w) || matches!(w, "," | ";" | ":" | "which" | "who" | "that") {
            break;
        }
        if matches!(w, "was" | "were" | "been" | "be" | "is" | "are") {
            let mut j = k + 1;
            while matches!(
                sent.lower(j),
                "now" | "again" | "already" | "indefinitely" | "later" | "also"
            ) {
                j += 1;
            }
            // "talks between Nepal and Bhutan had been scheduled for
            // November this year, but ...": a plan told in the past
            // perfect was overtaken.
            let overtaken = w == "been"
                && sent.lower(k - 1) == "had"
                && matches!(
                    sent.lower(j),
                    "scheduled" | "planned" | "set" | "slated" | "due"
                );
            if overtaken {
                return Some(Status::Planned);
            }
            return undone(&[sent.lower(j), sent.lower(j + 1)]);
        }
    }
    (0..near_before.len())
        .find_map(|i| undone(&near_before[i..]))
        .filter(|s| *s == Status::Planned)
}

/// The words around a trigger in its clause that tell its status.
struct Cues<'a> {
    before: Vec<&'a str>,
    /// The six words after the trigger.
    after: Vec<&'a str>,
}

impl<'a> Cues<'a> {
    /// The four words before the trigger (fewer at the clause's start).
    fn near_before(&self) -> &[&'a str] {
        &self.before[self.before.len().saturating_sub(4)..]
    }
}

/// The status an event's cues of possibility, plans and tense tell, and
/// its date against the day of the story.
fn tense_status(
    sent: &Sent,
    ents: &[crate::extract::entities::Ent],
    t: &Trigger,
    cues: &Cues,
    date: Option<&DateWindow>,
    reference: Option<NaiveDate>,
    hedged: bool,
) -> Status {
    let before = &cues.before;
    let wish = wish_to(before, t);
    let possible = wish || before.iter().any(|w| is!("possible_cues", w)) || hoped_for(sent, t);
    // "agreed on Thursday to another summit".
    // "the two had agreed to meet in Istanbul": a past agreement, a
    // planned meeting.
    // "had offered to host the meeting": what is offered is to come.
    let reach = if t.pos() == Pos::Noun { 3 } else { 1 };
    let agreed_to = before.iter().any(|w| {
        matches!(
            *w,
            "agreed" | "agree" | "agrees" | "agreeing" | "offered" | "offers" | "offer"
        )
    }) && (1..=reach).any(|d| t.t0 >= d && sent.lower(t.t0 - d) == "to");
    let future_cue =
        future_cue(sent, ents, t, before, &cues.after) || opening_phrase_ahead(sent, t);
    // Not a passive participle after "be": "he fears he could be abducted
    // by the United States" is a possibility, told with no past tense.
    let past_tense = t.pos() == Pos::Verb && {
        let w = sent.lower(t.t0);
        w.ends_with("ed")
            && !before.iter().any(|b| matches!(*b, "will" | "would" | "to"))
            && !(t.t0 > 0 && sent.lower(t.t0 - 1) == "be")
    };
    let past_verb = told_in_past(sent, t, cues.near_before(), future_cue);
    // "the summit ... held on January 9", "killed in a February bomb
    // blast": a yearless date told in the past is last year's
    // (`last_year` moves it).
    // Not any verb in the past: "has declared January 2 a day of mourning"
    // names a coming day.
    let told_past = held_after(sent, ents, t) || t.kind() == EventKind::Attack && past_verb;
    let ahead = match (date, reference) {
        (Some(d), Some(r)) => {
            d.earliest > r && !(past_verb && weekday(d)) && !(told_past && yearless_month(d))
        }
        _ => false,
    };
    // "would face a harsh response if it attacked Iranian territory": a
    // past verb right after "if" is the condition's, told backshifted.
    let condition = cues
        .near_before()
        .iter()
        .any(|w| matches!(*w, "if" | "unless"));
    if possible && (!past_tense || condition) {
        return Status::Possible;
    }
    // "Four years later, in April 1998, the second Summit took place": what
    // the text dates before publication is no plan, whatever cue is near.
    // (A bare weekday may sit on the wrong side until the status is known:
    // `fix_weekday` moves it after.)
    // A span of days ("paid an official visit to China November 3-4", told
    // on the 4th) that began before publication is no plan either; a
    // month's or a week's window is uncertainty, not a span.
    let began = |d: &DateWindow| {
        if d.granularity == "Day" {
            d.earliest
        } else {
            d.latest
        }
    };
    let past = matches!((date, reference), (Some(d), Some(r)) if began(d) < r && !weekday(d));
    // "agreed to resume military talks during their summit in Bali": the
    // parties' own meeting the clause is set in happens when its main verb
    // does; the plan cues of the infinitive are not its.
    let future_cue = future_cue && !setting_in_past(sent, t);
    if (future_cue && !past_tense && !past) || ahead || agreed_to && !past {
        return Status::Planned;
    }
    if hedged {
        return Status::Claimed;
    }
    Status::Occurred
}

/// "Hopes of face-to-face talks between Zairean President Mobutu Sese Seko
/// and rebel leader Laurent Kabila rose Sunday", "the possibility of a
/// meeting": a gathering something's prospects are told of has not
/// happened and may not.
fn hoped_for(sent: &Sent, t: &Trigger) -> bool {
    if t.pos() != Pos::Noun {
        return false;
    }
    let mut k = t.t0;
    while k > 0 && t.t0 - k < 6 {
        k -= 1;
        let w = sent.lower(k);
        if matches!(w, "of" | "for") {
            return k > 0 && is!("prospect_nouns", sent.lower(k - 1));
        }
        if sent.toks[k].cap || is!("clause_breaks", w) || matches!(w, "," | "and" | "or") {
            return false;
        }
    }
    false
}

/// Whether a date's words name a weekday.
fn weekday(d: &DateWindow) -> bool {
    d.text
        .split_whitespace()
        .any(|w| crate::extract::lexicon::WEEKDAYS.contains(&w.to_lowercase().as_str()))
}

/// Whether the event is told in the past by its form: a verb in the past,
/// its weapon's verb, an attack noun with no cue of the future, a phrase
/// opening the sentence in the past.
///
/// "During a visit on Friday to the plant, Vieira met ...": a weekday read
/// forward from a phrase without tense is the last one for a verb in the
/// past (`fix_weekday` moves it). Not "was headed to the White House on
/// Friday", a plan told in the past.
fn told_in_past(sent: &Sent, t: &Trigger, near_before: &[&str], future_cue: bool) -> bool {
    let lower = |k: usize| sent.lower(k);
    let past_verb = t.pos() == Pos::Verb
        && past_form(lower(t.t0))
        && !near_before
            .iter()
            .any(|b| matches!(*b, "will" | "would" | "to"))
        && !near_before
            .last()
            .is_some_and(|b| matches!(*b, "was" | "were" | "is" | "are" | "be"));
    // "A roadside bomb near Samarra killed a soldier on Sunday": the tense
    // of an attack noun is its weapon verb's.
    let weapon_past = crate::extract::arguments::weapon_verb(sent, t)
        .is_some_and(|k| past_form(lower(k)) && !matches!(lower(k - 1), "will" | "would" | "to"));
    // "after a suicide bombing in Kirkuk on Friday": an attack noun with no
    // cue of the future was done, the weekday the last one.
    let attack_noun = t.kind() == EventKind::Attack && t.pos() == Pos::Noun && !future_cue;
    past_verb || weapon_past || attack_noun || opening_phrase_in_past(sent, t)
}

/// A statement or request verb right after "will"/"would", "is to" or
/// "planning to": an announcement or an appeal still to come, though a
/// frame reports it ("Italy too will urge Israel to agree ..., Italian
/// diplomatic sources said", "Ahmadinejad is to ask the Iranian parliament
/// for a supplementary budget ..., the ISNA news agency reported Monday",
/// "\"We are planning to request internal and external donors soon to
/// assist for the fund,\" the official said"). A promise or a threat is
/// made in the saying ("a day earlier vowed not to cave in to pressure from
/// the opposition").
fn announcement_ahead(t: &Trigger, near_before: &[&str]) -> bool {
    let mut back = near_before.iter().rev();
    let (last, before) = (back.next().copied(), back.next().copied());
    let modal = |w: Option<&str>| matches!(w, Some("will" | "would" | "shall" | "ll"));
    let to_come = last == Some("to") && before.is_some_and(|w| is!("ahead_before_to", w));
    matches!(t.kind(), EventKind::Statement | EventKind::Request)
        && t.pos() == Pos::Verb
        && (modal(last) || modal(before) || to_come)
}

/// "said it would have condemned Iran if it had known", "would condemn
/// North Korea if it carried out a test", "would strongly condemn any
/// attack", "would announce his resignation ... should he be charged": an
/// announcement ahead that might be made. (A hedged one, "will reportedly
/// announce ... on Monday", stays planned: its day is ahead.)
fn might_be_said(sent: &Sent, t: &Trigger, rb: usize, near_before: &[&str]) -> bool {
    let counterfactual = near_before.last() == Some(&"have");
    let reach = (t.t1 + 12).max(rb).min(sent.toks.len());
    let clause_end = (t.t1..reach)
        .find(|&k| matches!(sent.lower(k), "." | ";"))
        .unwrap_or(reach);
    let conditional = (t.t1..clause_end).any(|k| {
        matches!(sent.lower(k), "if" | "unless")
            || sent.lower(k) == "should"
                && matches!(sent.lower(k + 1), "he" | "she" | "it" | "they" | "we")
    }) || sent.lower(t.t1) == "any";
    counterfactual || conditional
}

/// Whether a speech act is told done by its own verb in the past, with no
/// modal or "to" in the four words before it (from `lb`): "was due to
/// announce", "would have condemned" are not. A verb coordinated with one
/// before it shares that one's modal: "will be signed in Moscow and
/// announced on Friday", "is expected to be signed and formally announced".
pub(crate) fn said_done_at(sent: &Sent, t: &Trigger, lb: usize) -> bool {
    let modal = |k: usize| {
        matches!(
            sent.lower(k),
            "will" | "would" | "to" | "shall" | "ll" | "should" | "could" | "might" | "may"
        )
    };
    let near = t.t0.saturating_sub(4).max(lb)..t.t0;
    let coordinated = near.clone().any(|k| matches!(sent.lower(k), "and" | "or"));
    t.kind().speech_act()
        && t.pos() == Pos::Verb
        && past_form(sent.lower(t.t0))
        && !near.clone().any(modal)
        && !(coordinated && (lb..t.t0).any(modal))
}

/// The words before a trigger that may deny it. "Rejected Kofi Annan's
/// call for", "denied the accusation": what is turned down is what a speech
/// act asked or said, and the act itself was made. "Ordaining a bishop
/// without papal approval and urged Beijing": "without" denies only what
/// follows it closely.
fn negation_window<'a>(near_before: &[&'a str], t: &Trigger) -> Vec<&'a str> {
    let answered = t.pos() == Pos::Noun && t.kind().speech_act();
    near_before
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let turned_down = answered && is!("negating_verbs", w);
            let far_without = *w == "without" && near_before.len() - i > 2;
            // "the US refusal to condemn Israel": a refusal denies only the
            // act its "to" names: the verb (past an adverb: "refusal to even
            // meet"; or coordinated: "refusing to negotiate or meet") or a
            // noun after it ("refusing to hold direct talks"). Not what
            // happened beside it ("Angered by the refusal, Israel launched",
            // "refusal to disarm sparked clashes", "refusing to comply
            // attacked").
            let to_act = || {
                near_before.get(i + 1) == Some(&"to")
                    && near_before[i + 2..].iter().enumerate().all(|(j, x)| {
                        let coordinated = near_before
                            .get(i + 3 + j)
                            .is_some_and(|y| matches!(*y, "or" | "and"));
                        let noun_phrase = t.pos() == Pos::Noun
                            && !x.ends_with("ed")
                            && !is!("verb_auxiliaries", x)
                            && !is!("clause_breaks", x);
                        noun_phrase || plain_adverb(x) || matches!(*x, "or" | "and") || coordinated
                    })
            };
            let other_refusal = matches!(*w, "refusal" | "refusing") && !to_act();
            !(turned_down || far_without || other_refusal)
        })
        .map(|(_, w)| *w)
        .collect()
}

/// An adverb inside an infinitive ("refusal to even meet"); "comply" and
/// its like end in "-ly" and are verbs.
fn plain_adverb(x: &str) -> bool {
    x.ends_with("ly")
        && !matches!(
            x,
            "comply" | "apply" | "supply" | "reply" | "rally" | "rely" | "fly"
        )
        || matches!(x, "even" | "ever")
}

/// Negated: "did not meet", "no talks", "cancelled the summit", "ruled out
/// sending troops", "denied attacking", "which never took place".
fn negated(
    sent: &Sent,
    near_before: &[&str],
    after: &[&str],
    frame: Option<&Frame>,
    t: &Trigger,
) -> bool {
    let t1 = t.t1;
    near_before.iter().any(|w| is!("negations", w))
        || near_before
            .iter()
            .any(|w| is!("negating_verbs", w) && !matches!(*w, "postponed" | "failed"))
        // "EU finance ministers failed to agree Tuesday on", "was unable
        // to agree": what failed to happen (a failed round of talks still
        // took place).
        || near_before.len() >= 2
            && near_before[near_before.len() - 1] == "to"
            && matches!(
                near_before[near_before.len() - 2],
                "failed" | "fail" | "fails" | "unable"
            )
        || after
            .iter()
            .take(4)
            .any(|w| matches!(*w, "cancelled" | "canceled" | "scrapped" | "abandoned"))
        || (near_before.contains(&"ruled") && near_before.contains(&"out"))
        || never_happened(sent, t1)
        // "denied a request for Russian lawyer Natalia Veselnitskaya, who met
        // with Donald Trump Jr., to return": a relative clause inside what
        // is denied tells a fact of its own.
        || frame.is_some_and(|f| f.deny) && !relative_fact(sent, t.t0)
}

/// Whether the words before a trigger open a relative clause that tells a
/// fact of its own ("..., who met with Donald Trump Jr."): not a modal one
/// ("militants who would attack Israel") nor a cleft ("it was its
/// militants who kidnapped the soldier", what a denial is about).
fn relative_fact(sent: &Sent, t0: usize) -> bool {
    let Some(r) = (t0.saturating_sub(2)..t0)
        .rev()
        .find(|&k| matches!(sent.lower(k), "who" | "which"))
    else {
        return false;
    };
    let modal = (r..t0).any(|k| {
        matches!(
            sent.lower(k),
            "would" | "could" | "will" | "might" | "may" | "can" | "should"
        )
    });
    let cleft = (r.saturating_sub(4)..r).any(|k| {
        sent.lower(k) == "it"
            && matches!(sent.lower(k + 1), "was" | "is")
            && !sent.lower(k + 2).ends_with("ing")
    });
    !modal && !cleft
}

/// "a Trump-Putin meeting - which never took place -", "the summit, which
/// did not happen": a relative clause right after the event denies it.
fn never_happened(sent: &Sent, t1: usize) -> bool {
    let mut k = t1;
    while matches!(sent.lower(k), "-" | "—" | "–" | ",") {
        k += 1;
    }
    if !matches!(sent.lower(k), "which" | "that") {
        return false;
    }
    let w: Vec<&str> = (k + 1..(k + 6).min(sent.toks.len()))
        .map(|j| sent.lower(j))
        .collect();
    // "took place", not "did not take long".
    let happen = |at: usize| match w.get(at).copied().unwrap_or("") {
        "took" | "take" => w.get(at + 1) == Some(&"place"),
        x => matches!(
            x,
            "happened" | "happen" | "materialised" | "materialized" | "occurred" | "occur"
        ),
    };
    (0..w.len()).any(|i| {
        w[i] == "never" && happen(i + 1)
            || matches!(w[i], "did" | "has" | "had")
                && matches!(w.get(i + 1).copied(), Some("not" | "n't" | "never"))
                && happen(i + 2)
    })
}

/// Is noun trigger `t` the setting of its clause ("during their summit",
/// "at his two-day meeting with"), in a clause whose main verb is in the
/// past ("agreed to resume talks during their summit")?
fn setting_in_past(sent: &Sent, t: &Trigger) -> bool {
    let mut k = t.t0;
    // Up to two modifiers: "their first bilateral summit".
    while k > sent.body && k + 2 > t.t0 && !matches!(sent.lower(k - 1), "their" | "his" | "her") {
        k -= 1;
    }
    if k < 2 || !matches!(sent.lower(k - 1), "their" | "his" | "her") {
        return false;
    }
    if !matches!(sent.lower(k - 2), "during" | "at" | "on" | "after" | "in") {
        return false;
    }
    // The verb the setting hangs on: the last one in the past before it,
    // with no modal after it ("said they will discuss Taiwan during their
    // summit" is a plan) and not a participle after "be" ("is expected to
    // raise it during his visit") or "have": "have agreed to discuss the
    // issue during their meeting on Saturday" looks ahead as often as back.
    let Some(j) = (sent.body..k - 2)
        .rev()
        .find(|&j| !sent.toks[j].cap && past_form(sent.lower(j)))
    else {
        return false;
    };
    let auxiliary = j > 0
        && matches!(
            sent.lower(j - 1),
            "is" | "are" | "was" | "were" | "be" | "been" | "have" | "has" | "had"
        );
    !auxiliary
        && !(j..k - 2).any(|b| matches!(sent.lower(b), "will" | "would" | "ll" | "shall" | "going"))
}

/// Whether a wish governs the event: the wish verb's "to" right before it.
fn wish_to(before: &[&str], t: &Trigger) -> bool {
    // "Maskhadov wanted to meet Arab leaders", "wants to hold talks with":
    // a wish whose infinitive is the event's ("people want to do a deal at
    // this summit" is not).
    // Within the clause: not "Demonstrators who wanted to march attacked
    // police", not "wants to know why Iran attacked".
    // What may stand between the wish's "to" and a verb: "wants to
    // personally meet", "wants to try to meet", "to be able to meet".
    let filler = |w: &str| w.ends_with("ly") || matches!(w, "try" | "to" | "be" | "able");
    (0..before.len()).any(|k| {
        let between = &before[(k + 2).min(before.len())..];
        is!("wish_verbs", before[k])
            && before.get(k + 1) == Some(&"to")
            // "wants to meet"; a noun after its light verb within six
            // words ("wants to hold a new round of talks with").
            && if t.pos() == Pos::Noun {
                between.len() <= 6
                    && between.first().is_some_and(|w| is!("light_verbs", w) || filler(w))
                    // "wants to hold a rally before talks with Putin".
                    && !between.iter().any(|w| {
                        matches!(*w, "before" | "after" | "at" | "during" | "ahead" | "until")
                    })
            } else {
                between.iter().all(|w| filler(w))
            }
            && !before[k..]
                .iter()
                .any(|w| matches!(*w, "," | "who" | "which" | "that") || is!("clause_breaks", w))
    })
}

/// Whether a cue of the future stands before the event, or after it for an
/// event that is not itself words.
fn future_cue(
    sent: &Sent,
    ents: &[crate::extract::entities::Ent],
    t: &Trigger,
    before: &[&str],
    after: &[&str],
) -> bool {
    let lower = |k: usize| sent.lower(k);
    // Speech acts happen when told: "vowed to", "will pay a price" is the
    // threat itself. Future cues before the trigger make them planned.
    let content_after = !t.kind().speech_act();
    // "The summit will take place on November 4-5".
    // Only the auxiliaries right before the verb: "talks aimed at
    // convincing North Korea to give up ... began" is past.
    let future_predicate = occurrence_verb(sent, ents, t).is_some_and(|p| {
        let mut a = p;
        while a > t.t1 && is!("occurrence_aux", lower(a - 1)) {
            a -= 1;
        }
        (a..p).any(|k| matches!(lower(k), "will" | "to" | "due" | "ll"))
    });
    // "Later Wednesday, a man was shot dead": later that day, no plan.
    let later_that_day = |k: usize| {
        before[k] == "later"
            && before.get(k + 1).is_some_and(|n| {
                crate::extract::lexicon::WEEKDAYS.contains(n) || matches!(*n, "today" | "yesterday")
            })
    };
    // "Secretary Rice's visit to Germany will be an opportunity to meet",
    // "Wen's visit to Czech will also be the first visit by": an
    // event noun that is the subject of "will be" is still to come.
    // Only meetings and visits: "The bombing ... would be the deadliest
    // since March" judges a past attack.
    let coming = t.kind().family() == "consult"
        && t.pos() == Pos::Noun
        && after
            .iter()
            .position(|w| matches!(*w, "will" | "would" | "ll"))
            .is_some_and(|k| {
                let adverb = after
                    .get(k + 1)
                    .is_some_and(|w| *w == "also" || w.ends_with("ly"));
                after.get(k + 1 + usize::from(adverb)) == Some(&"be")
                    && after[..k]
                        .iter()
                        .all(|w| !matches!(*w, "," | "which" | "that" | "who" | "and" | "said"))
            });
    // "is traveling to Somalia on Tuesday for a regional ministerial
    // meeting this week", "flies to Turkey on Wednesday for talks with
    // Putin": what a trip under way or about to start is for is still to
    // come.
    // The trip's own verb, going somewhere ("Before leaving office, Merkel
    // was criticised for her meetings", "Lavrov, heading the Russian
    // delegation, thanked Turkey for hosting the talks" are no trips
    // ahead).
    let trip_ahead = t.kind().family() == "consult"
        && t.pos() == Pos::Noun
        && before.iter().rev().take(4).any(|w| *w == "for")
        && before.iter().enumerate().any(|(k, w)| {
            // "Before leaving for Moscow on Friday, Scholz was criticised
            // for his talks": a trip in an adjunct is not the clause's.
            let adjunct = k >= 1
                && matches!(
                    before[k - 1],
                    "before" | "after" | "since" | "when" | "while"
                );
            !adjunct
                && is!("travel_ahead_verbs", w)
                && before.get(k + 1).is_some_and(|n| {
                    matches!(*n, "to" | "for" | "into" | "home" | "back" | "out" | "off")
                })
        });
    // "Bush departed Washington early Thursday for Mar del Plata to attend
    // the summit": the gathering a journey was made to attend is still to
    // come. (`before` runs from the clause's start to the trigger.)
    let attend_ahead = super::journey_to_attend(sent, t, t.t0 - before.len()).is_some();
    future_predicate
        || coming
        || trip_ahead
        || attend_ahead
        || before.iter().enumerate().any(|(k, w)| {
            // "detonated himself next to a police station".
            let next_to = *w == "next" && before.get(k + 1) == Some(&"to");
            is!("planned_cues", w) && !later_that_day(k) && !next_to
        })
        || (0..before.len()).any(|k| {
            LISTS
                .phrase_at("planned_cues", &before[k..])
                .is_some_and(|n| n > 1)
        })
        || content_after && LISTS.phrase_at("planned_cues", after).is_some()
        || content_after
            && after
                .iter()
                .take(3)
                .any(|w| matches!(*w, "scheduled" | "planned" | "due" | "expected" | "slated"))
}

/// A force noun, or its singular ("rebel", "gunman"), as a suspect.
fn suspect_force(w: &str) -> bool {
    is!("force_nouns", w)
        || is!("force_nouns", &format!("{w}s"))
        || w.strip_suffix("man")
            .is_some_and(|stem| is!("force_nouns", &format!("{stem}men")))
}
