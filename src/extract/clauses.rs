//! The clause layer: where a sentence's clauses begin and end, and its
//! speech frames ("X said (that) ...", "..., X said"). A trigger takes its
//! arguments and its date from its own clause; a frame's speaker is a
//! source, not a participant, unless the complement says so.

use super::doc::Sent;
use super::entities::{Ent, EntKind};
use super::lexicon::{at, is, Pos, BY_FIRST, RULES};
use super::text::TokKind;

/// A date expression mapped onto a sentence's tokens.
#[derive(Debug, Clone)]
pub(crate) struct TimexTok {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    pub(crate) timex: crate::timex::Timex,
}

/// "X said ...": who speaks, where their words are, when they spoke.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) verb: usize,
    /// Index into the sentence's entities.
    pub(crate) speaker: Option<usize>,
    /// Tokens of what was said.
    pub(crate) comp: (usize, usize),
    /// Index into the sentence's date expressions: when it was said.
    pub(crate) date: Option<usize>,
    /// The verb does not vouch for its complement ("claimed", "alleged").
    pub(crate) claim: bool,
    /// The verb denies its complement.
    pub(crate) deny: bool,
}

/// Whether token `i` starts a new clause.
pub(crate) fn breaks(sent: &Sent) -> Vec<bool> {
    let n = sent.toks.len();
    let mut b = vec![false; n];
    let glosses = short_glosses(sent);
    for (i, slot) in b.iter_mut().enumerate() {
        if glosses[i] {
            continue;
        }
        let w = sent.lower(i);
        *slot = at!("clause_breaks", sent, i)
            || matches!(w, ":" | "(" | ")" | "—" | "–")
            // "..., and Russia said": a new subject after a comma and "and".
            || (w == "and" && i > 0 && sent.lower(i - 1) == ",")
            // "said that ...", "the war that Russia started": a new clause.
            || w == "that"
            // "before the U.S. president was due to speak": a subordinate
            // clause, not a prepositional phrase.
            || (at!("subordinators", sent, i) && subordinate_clause(sent, i));
    }
    // "Hours after the Security Council failed to agree, Islamist fighters
    // opened fire": a fronted subordinate clause ends at its comma, which
    // opens the main clause; so does a relative clause set off by commas
    // after the subject's name ("Lebanese Prime Minister Fuad Siniora, who
    // heads a government ..., vowed").
    if let Some(i) = (sent.body..n.min(sent.body + 9)).find(|&i| {
        let w = sent.lower(i);
        b[i] && match w {
            "who" | "which" | "whom" | "whose" => {
                i > sent.body + 1
                    && sent.lower(i - 1) == ","
                    && (sent.body..i - 1).all(|k| sent.toks[k].cap)
            }
            _ if i > sent.body + 3 => false,
            // "If the motion passes, Martin is expected to ask": the main
            // clause stays in the condition's scope.
            // "But Russia, Iran and Turkey met": "but" subordinates nothing.
            "so" | "yet" | "that" | ";" | "if" | "unless" | "but" => false,
            _ => at!("subordinators", sent, i) || at!("clause_breaks", sent, i),
        }
    }) {
        if let Some(c) = (i + 1..n)
            .take_while(|&k| !b[k])
            .find(|&k| sent.lower(k) == "," && !list_comma(sent, k))
        {
            b[c] = true;
        }
    }
    b
}

/// A comma inside a list of names: "When Bush, Blair and Chirac met",
/// "Although Japan, South Korea and China condemned".
pub(crate) fn list_comma(sent: &Sent, c: usize) -> bool {
    let cap = |k: usize| sent.toks.get(k).is_some_and(|t| t.cap);
    if c == 0 || !cap(c - 1) || !cap(c + 1) {
        return false;
    }
    let mut k = c + 1;
    while cap(k) {
        k += 1;
    }
    matches!(sent.lower(k), "," | "and" | "or")
}

/// The brackets of short glosses inside a noun phrase: "the Asia-Pacific
/// Economic Cooperation (APEC) summit", "The USS Juneau (LPD 10) arrived",
/// "the Inter-governmental Authority on Development (IGAD) Tuesday had a
/// meeting". An acronym or a designation in brackets opens no clause, so
/// the phrase keeps its verb and its modifiers.
fn short_glosses(sent: &Sent) -> Vec<bool> {
    let n = sent.toks.len();
    let mut g = vec![false; n];
    for i in 0..n {
        if sent.lower(i) != "(" {
            continue;
        }
        let Some(j) = (i + 2..(i + 10).min(n)).find(|&k| sent.lower(k) == ")") else {
            continue;
        };
        // A name spelled out is a gloss too: "the 14th APEC (Asia-Pacific
        // Economic Cooperation) Economic Leaders' Meeting".
        let gloss = (sent.toks[i + 1].cap || sent.toks[i + 1].kind == TokKind::Number)
            && (sent.toks[j - 1].cap || sent.toks[j - 1].kind == TokKind::Number)
            && (i + 1..j).all(|k| {
                let t = &sent.toks[k];
                t.cap
                    || t.kind == TokKind::Number
                    || j - i > 4
                        && matches!(
                            sent.lower(k),
                            "-" | "&" | "of" | "and" | "for" | "on" | "in"
                        )
            });
        if gloss {
            g[i] = true;
            g[j] = true;
        }
    }
    g
}

/// Whether the subordinator at `i` opens a clause: a finite verb follows
/// within a few words, before any comma.
fn subordinate_clause(sent: &Sent, i: usize) -> bool {
    // "just before President Donald Trump visits Beijing", "after Putin
    // met Erdogan": a verb right after a name, not only an auxiliary.
    // "after British authorities announced", "after Israeli troops
    // opened fire": a body named by its country's adjective is a name too.
    // Not the subordinator itself: "As negotiators prepared".
    let named_group =
        |k: usize| k >= i + 3 && at!("group_nouns", sent, k - 1) && sent.toks[k - 2].cap;
    let verb_after_name = |k: usize| {
        let w = sent.lower(k);
        (sent.toks[k - 1].cap || named_group(k))
            && !sent.toks[k].cap
            && sent.toks[k].kind == TokKind::Word
            && (w.ends_with("ed")
                || is!("irregular_past", w)
                // A present tense needs its object ("visits Beijing"):
                // "after progress in Ukraine talks" is a noun.
                || (sent.toks.get(k + 1).is_some_and(|x| x.cap)
                    || matches!(sent.lower(k + 1), "the" | "a" | "an"))
                    && BY_FIRST
                        .get(w)
                        .is_some_and(|rs| rs.iter().any(|&r| RULES[r].pos == Pos::Verb)))
    };
    // A dot inside the sentence is an abbreviation's ("After George W.
    // Bush met Putin", "after U.S. troops killed").
    (i + 2..(i + 8).min(sent.toks.len()))
        .take_while(|&k| !matches!(sent.lower(k), "," | ";"))
        .any(|k| {
            verb_after_name(k)
                || matches!(
                    sent.lower(k),
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "will"
                        | "would"
                        | "had"
                        | "has"
                        | "have"
                        | "did"
                        | "does"
                        | "could"
                        | "can"
                        | "should"
                )
        })
}

/// The clause around tokens `t0..t1`: from the last break before it to the
/// next break after it.
pub(crate) fn clause_of(breaks: &[bool], t0: usize, t1: usize) -> (usize, usize) {
    let lb = (1..=t0).rev().find(|&k| breaks[k]).unwrap_or(0);
    let rb = (t1..breaks.len())
        .find(|&k| breaks[k])
        .unwrap_or(breaks.len());
    (lb, rb)
}

/// Speech frames of a sentence.
pub(crate) fn frames(sent: &Sent, ents: &[Ent], timexes: &[TimexTok]) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    for v in 0..sent.toks.len() {
        let w = sent.lower(v);
        let according = w == "according" && sent.lower(v + 1) == "to";
        if !at!("speech_verbs", sent, v) && !according || no_speech_verb(sent, ents, v) {
            continue;
        }
        let speaker = if according {
            ents.iter()
                .position(|e| !e.modifier && e.np0 >= v + 2 && e.np0 <= v + 4)
        } else {
            speaker_of(sent, ents, v)
        };
        out.push(Frame {
            verb: v,
            speaker,
            comp: complement_of(sent, ents, timexes, v, speaker, according),
            date: frame_date(sent, ents, timexes, v, speaker),
            claim: is!("claim_verbs", w),
            deny: is!("deny_verbs", w),
        });
    }
    // A later frame ends the complement of an earlier one.
    for i in 0..out.len() {
        if let Some(next) = out.get(i + 1).map(|f| f.verb) {
            if out[i].comp.0 > out[i].verb && out[i].comp.1 > next {
                out[i].comp.1 = next;
            }
        }
    }
    out
}

/// Whether a word of the speech verbs' list at `v` is no verb of saying
/// here: a name's word or a noun, a hedge ("was said to be"), a claim of
/// responsibility.
fn no_speech_verb(sent: &Sent, ents: &[Ent], v: usize) -> bool {
    let w = sent.lower(v);
    // "the Organization of American states": a name's word, no verb; "the
    // former Soviet states", "member states": a noun ("the claims that"
    // still reports one). A plural demonym is a subject ("Palestinians
    // said") and takes no verb in -s.
    let noun = ents
        .iter()
        .any(|e| e.covers(v) || e.kind == EntKind::Demonym && e.t1 == v && w.ends_with('s'))
        || v > 0
            && sent.lower(v + 1) != "that"
            && matches!(
                sent.lower(v - 1),
                "the" | "a" | "an" | "member" | "these" | "those" | "its" | "their" | "his" | "her"
            );
    // "Republican governors from four U.S. states on Thursday met":
    // "states" after a name or a number is the noun.
    let states = w == "states"
        && v > 0
        && sent.lower(v + 1) != "that"
        && (ents.iter().any(|e| e.t1 == v)
            || sent.toks[v - 1].kind == TokKind::Number
            // ("He states ..." opens a sentence: a pronoun, a verb.)
            || sent.toks[v - 1].cap && v - 1 > sent.body);
    // "was said to be" is a hedge, not a report.
    let hedge = v > 0 && matches!(sent.lower(v - 1), "was" | "were" | "is" | "are" | "be");
    // "claimed responsibility" reports no words of anyone.
    let claim = matches!(sent.lower(v + 1), "responsibility" | "credit" | "victory");
    noun || states || hedge || claim
}

/// The tokens of what was said: after the verb, or before it when the verb
/// and its speaker close the sentence.
fn complement_of(
    sent: &Sent,
    ents: &[Ent],
    timexes: &[TimexTok],
    v: usize,
    speaker: Option<usize>,
    according: bool,
) -> (usize, usize) {
    let n = sent.toks.len();
    let inverted = speaker.is_some_and(|s| ents[s].t0 > v);
    // "..., Turkish diplomats said Thursday.": nothing said follows.
    let rest_is_tail = (v + 1..n).all(|k| {
        sent.toks[k].kind == TokKind::Punct
            || ents.iter().any(|e| e.covers(k))
            || timexes.iter().any(|t| t.t0 <= k && k < t.t1)
            || matches!(
                sent.lower(k),
                "on" | "in" | "at" | "late" | "early" | "here" | "there"
            )
    });
    // "accused Iran of arming the rebels, which Washington denied", "..., a
    // charge the Kremlin has hotly denied": a denial in a relative clause or
    // an apposition answers what the accusation said; the accusation before
    // it is no words of the denier.
    let answers_before = is!("deny_verbs", sent.lower(v))
        && (v.saturating_sub(8)..v).any(|k| {
            sent.lower(k) == "which"
                || sent.lower(k) == "," && matches!(sent.lower(k + 1), "a" | "an")
        });
    if answers_before {
        return (v + 1, v + 1);
    }
    if !(according || rest_is_tail || inverted && is_tail(sent, ents, speaker, v)) {
        return (v + 1, n);
    }
    // "..., the bourse announced Tuesday.": with no name for the speaker,
    // what was said still ends at the comma before them.
    let end = match speaker {
        Some(s) => ents[s].np0.min(v),
        None if according => v,
        None => (v.saturating_sub(8)..v)
            .rev()
            .find(|&k| sent.lower(k) == ",")
            .unwrap_or(v),
    };
    (0, end)
}

/// The date of the saying: right after the verb, past whom or where it was
/// told to ("told reporters on Monday", "told a news conference Thursday"),
/// before its "that", or between the speaker and the verb.
fn frame_date(
    sent: &Sent,
    ents: &[Ent],
    timexes: &[TimexTok],
    v: usize,
    speaker: Option<usize>,
) -> Option<usize> {
    let n = sent.toks.len();
    let that = (v + 1..n.min(v + 10)).find(|&k| sent.lower(k) == "that");
    let told_to = (v + 1..n.min(v + 7))
        .find(|&k| !at!("press_settings", sent, k) && !sent.toks[k].cap)
        .unwrap_or(v + 1);
    timexes.iter().position(|t| {
        (t.t0 > v && t.t0 <= v.max(told_to - 1) + 2)
            || that.is_some_and(|th| t.t0 > v && t.t1 <= th)
            // "Lee on Friday said"; not "Anwar, who returned ... earlier this
            // month, said": that date is the relative clause's.
            || speaker.is_some_and(|s| {
                t.t0 >= ents[s].t1
                    && t.t1 <= v
                    && !(ents[s].t1..t.t0).any(|k| at!("clause_breaks", sent, k))
            })
    })
}

/// "..., Russian officials said." / "said Kremlin spokesman Peskov".
fn is_tail(sent: &Sent, ents: &[Ent], speaker: Option<usize>, v: usize) -> bool {
    let Some(s) = speaker else { return false };
    let end = ents[s].np1;
    (end..sent.toks.len()).all(|k| {
        sent.toks[k].kind == TokKind::Punct
            || matches!(sent.lower(k), "on" | "in" | "at")
            || ents.iter().any(|e| e.covers(k))
    }) || v + 1 == ents[s].np0
}

/// The speaker of the speech verb at `v`: the subject before it, the
/// antecedent of "who", or the name right after it ("said Trump").
fn speaker_of(sent: &Sent, ents: &[Ent], v: usize) -> Option<usize> {
    let free = |e: &Ent| !e.modifier && !e.is_place() && !e.people;
    let of_place = |k: usize| {
        ents.iter().any(|p| {
            p.is_place()
                && p.t0 >= 1
                && sent.lower(p.t0 - 1) == "of"
                && (p.t0 - 1..p.t1).contains(&k)
                && p.t1 == v
        })
    };
    // Before: "Trump (has also) said", "Trump on Friday said".
    let before = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| free(e) && e.np1 <= v && e.np1 + 6 >= v)
        .rfind(|(_, e)| {
            (e.np1..v).all(|k| {
                matches!(
                    sent.lower(k),
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "later"
                        | "then"
                        | "again"
                        | "repeatedly"
                        | ","
                        | "on"
                        | "in"
                        | "earlier"
                        | "previously"
                        | "further"
                        | "was"
                        | "is"
                        | "once"
                        | "reportedly"
                        | "publicly"
                        | "recently"
                        | "last"
                        | "this"
                        | "week"
                        | "month"
                        | "year"
                        | "told"
                        | "it"
                ) || crate::extract::lexicon::WEEKDAYS.contains(&sent.lower(k))
                    || sent.toks[k].kind == TokKind::Number
                    || at!("months", sent, k)
                    // "Senator Chuck Grassley of Iowa said".
                    || of_place(k)
            })
        })
        .map(|(i, _)| i);
    // "Anwar Ibrahim, who returned to Malaysia earlier this month, said":
    // a name inside a closed relative clause is not who speaks; the
    // clause's antecedent is.
    if let Some(b) = before {
        let e = &ents[b];
        let rel = (0..e.np0)
            .rev()
            .take_while(|&k| sent.lower(k) != ",")
            .find(|&k| matches!(sent.lower(k), "who" | "which"));
        if let Some(r) = rel.filter(|&r| r >= 1 && sent.lower(r - 1) == ",") {
            if (e.np1..v).any(|k| sent.lower(k) == ",") {
                if let Some(a) = ents.iter().position(|x| free(x) && x.np1 == r - 1) {
                    return Some(a);
                }
            }
        }
    }
    if before.is_some() {
        return before;
    }
    // "Trump, who had claimed": the relative pronoun's antecedent.
    if let Some(who) = (v.saturating_sub(4)..v).find(|&k| sent.lower(k) == "who") {
        if let Some(i) = ents
            .iter()
            .rposition(|e| free(e) && e.np1 <= who && e.np1 + 2 >= who)
        {
            return Some(i);
        }
    }
    // "said Trump", "said Kremlin spokesman Peskov": inverted, after what
    // was said. Not after a subject of the verb that names no one
    // ("Palestinian sources said Israeli troops stormed the camp": the
    // troops are what was said).
    let after_words = v == sent.body || v > 0 && sent.toks[v - 1].kind == TokKind::Punct;
    if !after_words {
        return None;
    }
    ents.iter()
        .position(|e| free(e) && e.kind != EntKind::Pronoun && e.np0 > v && e.np0 <= v + 2)
}

/// A letter sent or written before a participle that tells what it asks:
/// "Golden wrote a letter to Pelosi and Republican Minority Leader Kevin
/// McCarthy on Tuesday insisting", "The group sent Arafat a letter
/// Wednesday calling for", "forwarded a letter to foreign ministers ...,
/// calling for". The participle is the letter's, so its speaker is the
/// sending verb's subject, not the name right before it.
pub(crate) struct SentLetter {
    /// The sending verb.
    pub(crate) verb: usize,
    /// The message noun.
    pub(crate) noun: usize,
}

pub(crate) fn sent_letter(sent: &Sent, lb: usize, v: usize) -> Option<SentLetter> {
    if !sent.lower(v).ends_with("ing") {
        return None;
    }
    let noun = (v.saturating_sub(20).max(lb)..v)
        .rev()
        .find(|&k| at!("messages", sent, k) && sent.lower(k) != "statement")?;
    // Between the letter and the participle: its addressees and a date, no
    // other verb's clause.
    // "sent a letter to Garland as protesters gathered outside justices'
    // homes demanding", "signed a letter to Biden, with progressive groups
    // also urging": another clause's participle.
    // A finite verb in an aside set off by a comma is the aside's ("to
    // Biden, the third they have written this year, pleading").
    let aside = |k: usize| (noun + 1..k).any(|j| sent.lower(j) == ",");
    let other_clause = |k: usize| {
        let w = sent.lower(k);
        is!("letter_clause_breaks", w) && !(is!("verb_auxiliaries", w) && aside(k))
            || w.ends_with("ed") && !sent.toks[k].cap
    };
    if (noun + 1..v).any(other_clause) {
        return None;
    }
    // "wrote" also opens a frame of what was written: the verb may stand
    // before the clause bound.
    let verb = (noun.saturating_sub(5).max(sent.body)..noun)
        .rev()
        .find(|&k| at!("letter_verbs", sent, k))?;
    Some(SentLetter { verb, noun })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::doc::Doc;

    #[test]
    fn clauses_break_at_subordinators_and_after_said_that() {
        let d = Doc::new("Trump said that he met Putin, who was in Alaska; they talked.");
        let s = &d.sents[0];
        let b = breaks(s);
        let that = s.toks.iter().position(|t| t.lower == "that").unwrap();
        let who = s.toks.iter().position(|t| t.lower == "who").unwrap();
        assert!(b[that] && b[who]);
        let met = s.toks.iter().position(|t| t.lower == "met").unwrap();
        let (lb, rb) = clause_of(&b, met, met + 1);
        assert_eq!(lb, that);
        assert!(rb <= who);
    }
}
