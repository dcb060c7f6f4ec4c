//! Relatives: "Chirac's wife", "His wife travelled to Lima". A relative
//! who opens a clause is minted as a person of its own ("X's wife"), so the
//! relative acts, not the person the possessive stands for.

use super::names::cap_word;
use super::{Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is};
use crate::model::{EntityRef, EntityType};

/// A person's relative: "Saipov's sister", "Kabila's son". The relative
/// is a person of their own, with the gender the noun gives, and the
/// possessor only names whose relative: "she appealed" in the same
/// sentence is the sister's appeal, not Saipov's.
pub(super) fn kin(text: &str, sent: &Sent, disc: &mut Discourse, ents: &mut Vec<Ent>) {
    relatives_by_given_name(text, sent, disc, ents);
    let mut add = Vec::new();
    let appositive: Vec<(usize, String)> = ents
        .iter()
        .filter(|e| e.is_person())
        .map(|e| (e.np0, e.ent.iri.clone()))
        .collect();
    let mut named_again = Vec::new();
    for e in ents.iter_mut() {
        let (apos, noun) = (e.t1, e.t1 + 1);
        if !e.is_person() || e.modifier || sent.lower(apos) != "'s" {
            continue;
        }
        let Some((kin, end)) = kin_noun(sent, noun) else {
            continue;
        };
        let female = kin == Kin::Female;
        // "Diana's brother Earl Charles Spencer": the name that follows is
        // the relative, and Diana only says whose.
        if kin == Kin::Named {
            e.modifier = true;
            continue;
        }
        // "Saipov's sister, Umida Saipova, said she": the apposition names
        // the relative; the relative keeps one label through the article.
        if sent.lower(noun + 1) == "," {
            if let Some(a) = appositive.iter().find(|a| a.0 == noun + 2) {
                named_again.push(a.1.clone());
            }
        }
        let label = format!("{}'s {}", e.ent.label, sent.span_text(text, noun, end));
        let ent = super::minted(&label, EntityType::Person, None, false);
        if female {
            disc.female.insert(ent.iri.clone());
        } else {
            disc.male.insert(ent.iri.clone());
        }
        e.modifier = true;
        let mut k = Ent::new(e.t0, end, ent, EntKind::Name);
        k.np0 = e.np0;
        add.push(k);
    }
    for e in ents.iter_mut().filter(|e| named_again.contains(&e.ent.iri)) {
        e.modifier = true;
    }
    ents.extend(add);
}

/// "Their mother Sharon admitted", "his wife Laura": a lone word after a
/// possessive's kin noun is the relative's given name, even where a known
/// person bears it as a surname (Ariel Sharon). The relative is a person of
/// their own, of the noun's sex.
fn relatives_by_given_name(text: &str, sent: &Sent, disc: &mut Discourse, ents: &mut [Ent]) {
    for e in ents.iter_mut() {
        if !e.is_person() || e.kind != EntKind::Name || e.t1 != e.t0 + 1 || e.t0 < 2 {
            continue;
        }
        let noun = sent.lower(e.t0 - 1);
        let female = is!("kin_female", noun);
        let owner = sent.lower(e.t0 - 2);
        if !(female || is!("kin_male", noun))
            || !matches!(owner, "his" | "her" | "their" | "'s")
            || cap_word(sent, e.t1)
        {
            continue;
        }
        let word = sent.span_text(text, e.t0, e.t1);
        let surname_only = e.ent.label != word && e.ent.label.rsplit(' ').next() == Some(word);
        if !surname_only {
            continue;
        }
        e.ent = super::minted(word, EntityType::Person, None, false);
        if female {
            disc.female.insert(e.ent.iri.clone());
        } else {
            disc.male.insert(e.ent.iri.clone());
        }
    }
}

/// What a kin noun at `noun` introduces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kin {
    Female,
    Male,
    /// "brother Earl Charles Spencer", "his wife Queen Noor": the relative
    /// is named ("brother-in-arms": another noun), and needs no label of
    /// its own.
    Named,
}

/// "wife", "son" (the `kin_female` and `kin_male` lists): a relative of
/// whoever the possessive before it names, and the index after the noun
/// ("son-in-law" is one).
pub(super) fn kin_noun(sent: &Sent, noun: usize) -> Option<(Kin, usize)> {
    let w = sent.lower(noun);
    let kin = if is!("kin_female", w) {
        Kin::Female
    } else if is!("kin_male", w) {
        Kin::Male
    } else {
        return None;
    };
    let in_law = ["-", "in", "-", "law"]
        .iter()
        .enumerate()
        .all(|(d, w)| sent.lower(noun + 1 + d) == *w);
    let end = if in_law { noun + 5 } else { noun + 1 };
    // "his wife Queen Noor", "son-in-law Jared Kushner": a name or a title
    // opening one follows. "brother-in-arms": another noun.
    let titled = sent.toks.get(end).is_some_and(|t| t.cap) && at!("titles", sent, end);
    if cap_word(sent, end) || titled || !in_law && sent.glued_hyphen(end) {
        return Some((Kin::Named, end));
    }
    Some((kin, end))
}

/// Whether a possessive at `i` opens its sentence or a clause ("His wife
/// travelled", "as his father praised", "said his father did not want").
/// Not after a bare comma: "received Kohl, his wife and his son" is a
/// list.
pub(super) fn opens_kin_clause(sent: &Sent, i: usize) -> bool {
    i == sent.body
        || i > 0
            && (matches!(
                sent.lower(i - 1),
                "as" | "when"
                    | "while"
                    | "where"
                    | "whereas"
                    | "though"
                    | "although"
                    | "after"
                    | "before"
                    | "because"
                    | "that"
                    | "but"
            ) || speech_verb_before(sent, i).is_some()
                // "Putin met Bush, and his wife visited a school".
                || i >= 2 && sent.lower(i - 1) == "and" && sent.lower(i - 2) == ",")
}

/// The speech verb right before a possessive at `i`, past the day it was
/// said: "said his father", "said on Friday his brother".
fn speech_verb_before(sent: &Sent, i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    while k > sent.body
        && (crate::extract::lexicon::WEEKDAYS.contains(&sent.lower(k))
            || matches!(
                sent.lower(k),
                "on" | "late" | "early" | "today" | "yesterday"
            ))
    {
        k -= 1;
    }
    at!("speech_verbs", sent, k).then_some(k)
}

/// "said his father did not want": after a speech verb, the possessive is
/// the speaker's own, so the person it resolved to must be who speaks,
/// named before the verb in this sentence or a pronoun there ("He said his
/// wife"). Not "The sister of the Uzbek immigrant ... said her brother",
/// where "her" reached back to someone else.
pub(super) fn speaker_owns(sent: &Sent, ents: &[Ent], owner: &EntityRef, i: usize) -> bool {
    let Some(v) = speech_verb_before(sent, i) else {
        return true;
    };
    // Not a name inside "The sister of Alexander Litvinenko said her
    // brother": the speaker is the sister.
    v > 0 && matches!(sent.lower(v - 1), "he" | "she")
        || ents.iter().any(|e| {
            e.ent.iri == owner.iri
                && e.kind != EntKind::Pronoun
                && e.t1 <= v
                && !(e.np0 >= 1 && sent.lower(e.np0 - 1) == "of")
        })
}

/// Given names of one sex, from the census files (`data/given_gender.txt`,
/// written by `scripts/first_names.py`): true for a woman's name.
static GIVEN_GENDER: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, bool>> =
    std::sync::LazyLock::new(|| {
        include_str!("../data/given_gender.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .map(|(name, sex)| (name, sex == "F"))
            .collect()
    });

/// The sex a person's given name tells, when the census gives it one
/// ("Dianne Feinstein" a woman, "Cory Wilson" a man; not "Jean", "Kim").
/// Minted and gazetteer people alike: "he" is not Dianne Feinstein.
pub(super) fn named_sex(person: &EntityRef) -> Option<Kin> {
    let first = person.label.split_whitespace().next()?.to_lowercase();
    GIVEN_GENDER
        .get(first.as_str())
        .map(|&female| if female { Kin::Female } else { Kin::Male })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::minted;

    #[test]
    fn a_given_name_tells_the_sex_only_when_the_census_is_clear() {
        let sex = |label: &str| named_sex(&minted(label, EntityType::Person, None, false));
        assert_eq!(sex("Dianne Feinstein"), Some(Kin::Female));
        assert_eq!(sex("Cory Wilson"), Some(Kin::Male));
        assert_eq!(sex("Madeleine Albright"), Some(Kin::Female));
        // Both sexes ("Jean", "Kim"), or a rare census name that in news is
        // a surname or another language's name ("Wei", "Alpha").
        for label in [
            "Jean Ping",
            "Kim Jong Il",
            "Wei Guoqiang",
            "Alpha Oumar Konare",
        ] {
            assert_eq!(sex(label), None, "{label}");
        }
    }
}
