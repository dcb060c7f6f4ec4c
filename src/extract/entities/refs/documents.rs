//! Documents that speak for who issued them: "The statement called on North
//! Korea" after "ASEAN leaders issued a joint statement".

use super::super::{Discourse, Ent, EntKind};
use super::covered;
use crate::extract::doc::Sent;
use crate::extract::lexicon::at;
use crate::model::{DateWindow, EntityRef, EntityType};

/// "The UN General Assembly on Friday adopted the resolution ... The
/// resolution asked the UN secretary-general to set up a probe", "ASEAN
/// leaders issued a joint statement ... The statement called on North
/// Korea": a document that opens its sentence as the subject speaks for
/// whoever issued it (`update` remembers them), when it is the same kind
/// of document and was issued at most four sentences before.
pub(in crate::extract::entities) fn document_anaphors(
    sent: &Sent,
    disc: &Discourse,
    ents: &mut Vec<Ent>,
) {
    let Some(doc) = disc.last_document.as_ref().filter(|d| d.age < 4) else {
        return;
    };
    let b = sent.body;
    if sent.lower(b) != "the" || covered(ents, b + 1) {
        return;
    }
    let noun = if at!("document_modifiers", sent, b + 1) {
        b + 2
    } else {
        b + 1
    };
    if sent.lower(noun) != doc.noun {
        return;
    }
    // "The resolution of the conflict", "The statement's wording", "The
    // statement issued by Iran's foreign ministry", "The statement from
    // Tehran": not the remembered document speaking.
    if matches!(
        sent.lower(noun + 1),
        "of" | "'s"
            | ","
            | "by"
            | "that"
            | "which"
            | "from"
            | "issued"
            | "adopted"
            | "released"
            | "passed"
            | "approved"
            | "drafted"
            | "signed"
    ) {
        return;
    }
    ents.push(Ent::new(b, noun + 1, doc.issuer.clone(), EntKind::Pronoun));
}

/// The issuer a document opening the sentence speaks for ("The
/// resolution asked"), as `document_anaphors` found it.
pub(crate) fn opening_document<'a>(
    sent: &Sent,
    ents: &'a [Ent],
    disc: &Discourse,
) -> Option<&'a EntityRef> {
    let doc = disc.last_document.as_ref()?;
    ents.iter()
        .find(|e| e.kind == EntKind::Pronoun && e.np0 == sent.body && e.ent.iri == doc.issuer.iri)
        .filter(|e| sent.lower(e.t1 - 1) == doc.noun)
        .map(|e| &e.ent)
}

/// A document the article told someone adopted or issued.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) issuer: EntityRef,
    /// "resolution", "statement": what a later "The ..." must name.
    pub(crate) noun: String,
    /// The issuing verb's token in its sentence.
    pub(crate) verb: usize,
    /// Sentences told since (0: the current one issued it).
    pub(crate) age: usize,
    /// The day it was adopted or issued, set by `assemble` (which reads the
    /// dates) in its issuing sentence.
    pub(crate) day: Option<DateWindow>,
}

/// The document the sentence tells someone adopted or issued ("adopted
/// the resolution", "issued a joint statement"), its issuer the body or
/// person named last before the verb, at most five words before it.
pub(super) fn issued_document(sent: &Sent, ents: &[Ent]) -> Option<Document> {
    let object = |k: usize| {
        let mut j = k + 1;
        if matches!(sent.lower(j), "a" | "an" | "the" | "its" | "their") {
            j += 1;
        }
        if at!("document_modifiers", sent, j) {
            j += 1;
        }
        at!("document_nouns", sent, j).then_some(j)
    };
    let (k, noun) = (0..sent.toks.len()).find_map(|k| {
        at!("issuing_verbs", sent, k)
            .then(|| object(k))
            .flatten()
            .map(|j| (k, j))
    })?;
    let issuer = ents
        .iter()
        .filter(|e| {
            e.np1 <= k
                && k - e.np1 <= 5
                && !e.locative
                && !e.people
                && matches!(
                    e.ent.etype,
                    EntityType::Country
                        | EntityType::Organisation
                        | EntityType::ArmedGroup
                        | EntityType::Person
                )
                && (e.np1..k)
                    .all(|j| !matches!(sent.lower(j), "," | ";" | "and" | "which" | "that" | "who"))
        })
        .max_by_key(|e| e.np1)
        .map(|e| e.ent.clone())?;
    Some(Document {
        issuer,
        noun: sent.lower(noun).to_string(),
        verb: k,
        age: 0,
        day: None,
    })
}

/// Whether the sentence tells of another document of the remembered kind
/// than one it issues ("Israel said in a statement" after "issued a
/// statement"), so a later "The statement" is not the one remembered; a
/// statement welcoming a resolution leaves "The resolution" as it was.
pub(super) fn another_document(sent: &Sent, noun: &str) -> bool {
    (1..sent.toks.len()).any(|j| {
        sent.lower(j) == noun
            // "a declaration of holy war": no document.
            && sent.lower(j + 1) != "of"
            && (matches!(sent.lower(j - 1), "a" | "an")
                || at!("document_modifiers", sent, j - 1)
                    && j >= 2
                    && matches!(sent.lower(j - 2), "a" | "an"))
    })
}
