//! Where the story was filed: the city of its dateline ("GENEVA (Reuters)
//! -", "HANOI, Nov. 17 (Xinhua) --"), the place of what happens "here" and
//! of the gatherings and statements its lede tells of the story's days.

use chrono::Duration;

use super::*;

/// The dateline's city, when the gazetteer knows it as a place (read once
/// per article, for `place_of_here` and `place_of_lede`): the
/// capitals before the first comma, bracket or dash of the first sentence
/// that opens with a dateline, read in title case ("NEW YORK" as "New
/// York").
pub(crate) fn dateline_city(doc: &Doc, ctx: &Context) -> Option<(usize, EntityRef)> {
    let sent = doc.sents.iter().take(4).find(|s| s.body > 0)?;
    let end = (0..sent.body)
        .find(|&k| matches!(sent.lower(k), "," | "(" | "-" | "--" | "—" | "–"))
        .unwrap_or(sent.body);
    if end == 0 || end > 3 {
        return None;
    }
    let raw = sent.span_text(doc.text, 0, end);
    if raw.chars().any(char::is_lowercase) {
        return None;
    }
    let titled = crate::extract::text::title_case(raw);
    let found = ctx.gaz.find_names(&titled);
    let m = found
        .iter()
        .find(|m| m.start == 0 && m.end == titled.len())?;
    let city = m
        .candidates
        .iter()
        .copied()
        .find(|&i| ctx.gaz.entities[i].etype == EntityType::City)?;
    Some((sent.start, ctx.gaz.entity_ref(city, ctx.date)))
}

/// "Hu Jintao and Shinzo Abe met here on Saturday", "Indian border guards
/// shot dead two Moslem militants here Monday": what is told done "here",
/// within a few words of its trigger, happens in the dateline's city. Not
/// a visit ("a briefing on Wen's visit here Wednesday": the visit goes
/// elsewhere).
pub(super) fn place_of_here(
    sent: &Sent,
    dateline: Option<&(usize, EntityRef)>,
    found: &mut [Mention],
) {
    let Some((_, city)) = dateline else { return };
    let here: Vec<usize> = (sent.body..sent.toks.len())
        .filter(|&k| sent.lower(k) == "here")
        .collect();
    if here.is_empty() {
        return;
    }
    for m in found
        .iter_mut()
        .filter(|m| m.place.is_none() && m.kind != EventKind::Visit)
    {
        let Some(t) = sent
            .toks
            .iter()
            .position(|tok| tok.start >= m.evidence[0].start)
        else {
            continue;
        };
        if here.iter().any(|&k| k + 4 >= t && k <= t + 6) {
            m.place = Some(city.clone());
        }
    }
}

/// Gives the dateline's city to the events the lede tells of the story's
/// days, meetings or statements that no telling placed ("GENEVA (Reuters)
/// -- North Korea called on Friday for a halt"). Not an attack, a visit or
/// a call: an attack happens where the text says ("WASHINGTON -- The
/// United States condemned a chemical attack in Syria"), a visit goes
/// elsewhere, a call is between places; nor a lede that names a place of
/// its own, attached or not ("MOSCOW -- Trump asked Putin during their
/// talks at a weekend summit in Vietnam", "ALMATY -- The sister of the
/// Uzbek immigrant accused of killing eight people in New York ...
/// appealed"). After the article's merge, so that a place another telling
/// names ("The meeting at the White House") comes first.
pub(crate) fn place_of_lede(
    dateline: Option<&(usize, EntityRef)>,
    ctx: &Context,
    mentions: &mut [Mention],
) {
    let Some((lede, city)) = dateline else {
        return;
    };
    let of_the_days = |m: &Mention| {
        matches!(
            (&m.date, ctx.date),
            (Some(d), Some(r)) if d.latest <= r && d.earliest >= r - Duration::days(2)
        )
    };
    for m in mentions.iter_mut().filter(|m| m.place.is_none()) {
        let kind = matches!(
            m.kind,
            EventKind::Meeting | EventKind::Summit | EventKind::Negotiation
        ) || m.kind.speech_act();
        let in_lede = m
            .evidence
            .iter()
            .any(|e| e.sentence_start == *lede && !names_a_place(&e.sentence));
        if kind && of_the_days(m) && in_lede {
            m.place = Some(city.clone());
        }
    }
}

/// Whether a sentence says "in" or "at" before a capitalised word that is
/// no month or weekday ("in Vietnam", "at Trump Tower"; not "in
/// September").
fn names_a_place(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.windows(2).any(|w| {
        let next = w[1].trim_matches(|c: char| !c.is_alphanumeric());
        let next = next
            .strip_suffix("'s")
            .or_else(|| next.strip_suffix("’s"))
            .unwrap_or(next);
        matches!(w[0], "in" | "at")
            && next.starts_with(char::is_uppercase)
            && !is!("months", &next.to_lowercase())
            && crate::timex::lexicon::weekday_name(&next.to_lowercase()).is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::names_a_place;

    #[test]
    fn a_place_is_named_after_in_or_at_but_not_a_month_or_weekday() {
        assert!(names_a_place(
            "talks at a weekend summit in Vietnam whether"
        ));
        assert!(names_a_place("killing eight people in New York said"));
        assert!(!names_a_place(
            "Kim described Trump in September as a dotard"
        ));
        assert!(!names_a_place("the talks resumed in earnest on Monday"));
        assert!(!names_a_place("met again in Friday's session"));
    }
}
