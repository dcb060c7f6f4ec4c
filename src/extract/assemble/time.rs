//! The time of the story: chronology headings that date the paragraphs
//! under them, the day a narrative settled on lent to its undated events,
//! the day of remarks a "made the remarks in talks with" sentence
//! places, and the day a resolution or statement acts on: its adoption's.

use chrono::NaiveDate;

use super::super::clauses::TimexTok;
use super::super::doc::Sent;
use super::super::entities::{opening_document, Discourse, Ent};
use super::super::lexicon::at;
use super::attributes;
use crate::model::{DateWindow, Mention, Role, Status};

/// "-- November 1986" over a paragraph of a chronology: a line that is
/// only a date dates what follows it, until the next such line.
pub(super) fn date_heading(sent: &Sent, tx: &[TimexTok], focus: &mut Option<DateWindow>) {
    let only_a_date = !tx.is_empty()
        && (sent.body..sent.toks.len()).all(|k| {
            sent.toks[k].kind == crate::extract::text::TokKind::Punct
                || tx.iter().any(|t| t.t0 <= k && k < t.t1)
        });
    if only_a_date {
        if let Some(w) = tx.iter().find_map(|t| attributes::window_of(&t.timex)) {
            *focus = Some(w);
        }
    }
}

/// News tells a story in order: a past event in a sentence that names no
/// time happened at the time the story last named for such an event ("on
/// Wednesday, militants killed ... A volunteer was killed by four
/// militants"). Only days of the week before publication carry over, and
/// any sentence naming a time, or telling background in the pluperfect,
/// ends the carry.
pub(super) fn narrative_time(
    sent: &Sent,
    tx: &[TimexTok],
    found: &mut [Mention],
    (focus, lede): (&mut Option<DateWindow>, &mut Option<DateWindow>),
    reference: Option<NaiveDate>,
) {
    let dated_here = tx.iter().any(|t| attributes::window_of(&t.timex).is_some());
    let pluperfect = (0..sent.toks.len()).any(|k| {
        sent.lower(k) == "had"
            && sent
                .toks
                .get(k + 1)
                .is_some_and(|t| t.lower.ends_with("ed") || t.lower == "been")
    });
    if !dated_here && !pluperfect {
        // A quotation told in first person ("we call upon the United
        // Nations") is the words of the story's speaker, on the story's
        // day, not on the day of the background told just before it.
        // ("US" lower-cased is no "us".)
        let first_person = (0..sent.toks.len()).any(|k| {
            sent.in_quote(k)
                && (matches!(sent.lower(k), "we" | "i" | "our")
                    || sent.lower(k) == "us" && !sent.toks[k].cap)
        });
        let quoted = |m: &Mention| {
            first_person
                && sent
                    .token_at(m.evidence[0].start)
                    .is_some_and(|k| sent.in_quote(k))
        };
        // "the United States has accused Syria of ...": the present perfect
        // tells a past with no time of its own, never the story's day.
        let perfect = |m: &Mention| {
            sent.token_at(m.evidence[0].start).is_some_and(|k| {
                (1..=2).any(|b| {
                    k >= b
                        && matches!(sent.lower(k - b), "has" | "have")
                        // "appeared to have killed", "must have killed":
                        // a past that may be the story's day.
                        && !(k > b
                            && (sent.lower(k - b - 1) == "to"
                                || at!("verb_auxiliaries", sent, k - b - 1)))
                        && (b == 1
                            || sent.lower(k - 1).ends_with("ly")
                            || at!("verb_auxiliaries", sent, k - 1))
                })
            })
        };
        if let Some(f) = focus.as_ref() {
            for m in found.iter_mut() {
                // A claim of an attack told before takes that attack's
                // day when it joins it, and no other.
                if m.date.is_none()
                    && matches!(m.status, Status::Occurred | Status::Claimed)
                    && !perfect(m)
                    && !super::article::claimed(m)
                {
                    let f = if quoted(m) {
                        lede.as_ref().unwrap_or(f)
                    } else {
                        f
                    };
                    let mut d = f.clone();
                    d.method = crate::model::DateMethod::RelativeToDate;
                    m.date = Some(d);
                }
            }
        }
        return;
    }
    if pluperfect {
        *focus = None;
        return;
    }
    // A sentence that dates only background ("after the July 1 handover")
    // leaves the story's day as it was.
    let day = found
        .iter()
        .filter(|m| matches!(m.status, Status::Occurred | Status::Claimed))
        .filter_map(|m| m.date.clone())
        // The story's day standing in for a date the text does not give
        // ("US envoy Bill Richardson announced here") is no day the story
        // told.
        .filter(|d| d.method != crate::model::DateMethod::PublicationFallback)
        .find(|d| {
            d.days() == 1
                && reference.is_some_and(|r| d.earliest <= r && (r - d.earliest).num_days() <= 7)
        });
    if day.is_some() {
        if lede.is_none() {
            lede.clone_from(&day);
        }
        *focus = day;
    }
}

/// "Chinese Defense Minister Liang Guanglie said on Wednesday ... Liang
/// made the remarks in his talks with Kolev": the sentence that places the
/// remarks names the meeting they were made at, on the day the sentence
/// before said they were made (49 such sentences in the wire stories).
pub(super) fn remarks_time(
    sent: &Sent,
    tx: &[TimexTok],
    found: &mut [Mention],
    said: Option<&DateWindow>,
) {
    // "made the comments Tuesday at a meeting": the sentence's own date
    // rules.
    let Some(day) = said.filter(|_| tx.is_empty()) else {
        return;
    };
    let Some(r) = (1..sent.toks.len()).find(|&k| {
        at!("remark_nouns", sent, k)
            && (sent.lower(k - 1) == "made" || k >= 2 && sent.lower(k - 2) == "made")
    }) else {
        return;
    };
    // "made the comment after attending the APEC summit": an event the
    // remarks are ordered against is not on their day.
    let ordered = |m: &Mention| {
        sent.token_at(m.evidence[0].start)
            .is_some_and(|t| (r..t).any(|k| at!("before_after_words", sent, k)))
    };
    for m in found
        .iter_mut()
        .filter(|m| m.date.is_none() && m.status == Status::Occurred)
        .filter(|m| !ordered(m))
    {
        let mut d = day.clone();
        d.method = crate::model::DateMethod::RelativeToDate;
        m.date = Some(d);
    }
}

/// Whether a sentence tells of the past its undated events are not the
/// report's day of: it names a day before the story's eve ("slain in the
/// August 15, 1975 putsch", "gunned down on November 15"), a past span
/// reaching back past the eve ("earlier this month", "in the past four
/// months") or a word of the past ("recently", "already"). Later times
/// ("again this year", "the Dec. 15 election") say nothing of that, nor a
/// time in a clause of background ("the first visit since Paris and
/// Beijing established relations in 1964", "which won a contract there in
/// the 1990s"). `reference` is the story's day.
pub(super) fn tells_of_past(sent: &Sent, tx: &[TimexTok], reference: Option<NaiveDate>) -> bool {
    let Some(day) = reference else {
        return false;
    };
    let eve = day.pred_opt().unwrap_or(day);
    let before_eve = eve.pred_opt().unwrap_or(eve);
    let background = |x: &TimexTok| {
        (sent.body..x.t0)
            .rev()
            .take_while(|&k| sent.lower(k) != ",")
            .any(|k| matches!(sent.lower(k), "since" | "which" | "who" | "whose"))
    };
    let past = |w: DateWindow| w.latest < eve || w.latest <= day && w.earliest < before_eve;
    tx.iter()
        .filter(|x| !background(x))
        .filter_map(|x| attributes::window_of(&x.timex))
        .any(past)
        || (sent.body..sent.toks.len()).any(|k| at!("past_adverbs", sent, k))
}

/// "The United Nations General Assembly on Friday overwhelmingly adopted
/// the resolution ... The resolution asked the UN secretary-general to set
/// up a probe": what a document asks, urges or condemns it does on the day
/// it was adopted or issued, not on the story's day.
pub(super) fn document_acts(sent: &Sent, ents: &[Ent], disc: &Discourse, found: &mut [Mention]) {
    let Some(day) = disc.last_document.as_ref().and_then(|d| d.day.as_ref()) else {
        return;
    };
    let Some(issuer) = opening_document(sent, ents, disc) else {
        return;
    };
    for m in found.iter_mut().filter(|m| m.date.is_none()) {
        if m.actors
            .iter()
            .any(|(r, a)| *r == Role::Initiator && a.iri == issuer.iri)
        {
            m.date = Some(day.clone());
        }
    }
}

/// The day of the document whose issuing verb is token `k`: the one day
/// named nearest the verb in its clause ("on Friday overwhelmingly adopted
/// the resolution"; not "said on Monday that the council adopted ... last
/// month").
pub(super) fn document_day(sent: &Sent, k: usize, tx: &[TimexTok]) -> Option<DateWindow> {
    let gap = |a: usize, b: usize| {
        (a..b).all(|j| {
            !matches!(
                sent.lower(j),
                "," | ";" | "that" | "said" | "when" | "after"
            )
        })
    };
    // "On Friday, the UN Security Council adopted": a date that opens the
    // sentence dates its main clause past the comma.
    let fronted =
        |t: &TimexTok| t.t0 <= sent.body + 1 && sent.lower(t.t1) == "," && gap(t.t1 + 1, k);
    tx.iter()
        .filter(|t| {
            if t.t1 <= k {
                k - t.t1 <= 4 && gap(t.t1, k) || fronted(t)
            } else {
                t.t0 - k <= 6 && gap(k, t.t0)
            }
        })
        .min_by_key(|t| if t.t1 <= k { k - t.t1 } else { t.t0 - k })
        .and_then(|t| attributes::window_of(&t.timex))
        .filter(|w| w.days() == 1)
}
