//! What a sentence leaves for the next ones to refer back to.

use super::super::kin::{named_sex, Kin};
use super::super::{Discourse, Ent, EntKind};
use super::documents::{another_document, issued_document, opening_document};
use super::pronouns::opening_group;
use crate::extract::doc::Sent;
use crate::model::EntityType;

/// After a sentence: who "he" and "they" will refer to next.
pub(crate) fn update(sent: &Sent, ents: &[Ent], speaker: Option<&Ent>, disc: &mut Discourse) {
    remember_subjects(sent, ents, speaker, disc);
    disc.last_group = opening_group(sent, ents);
    remember_document(sent, ents, disc);
    remember_names(sent, ents, disc);
}

/// The person and the plural last in subject position, and the speaker.
fn remember_subjects(sent: &Sent, ents: &[Ent], speaker: Option<&Ent>, disc: &mut Discourse) {
    for e in ents
        .iter()
        .filter(|e| e.is_person() && matches!(e.kind, EntKind::Name | EntKind::Role))
    {
        *disc.person_mentions.entry(e.ent.iri.clone()).or_default() += 1;
    }
    let after_prep = |e: &Ent| {
        e.np0 > 0
            && matches!(
                sent.lower(e.np0 - 1),
                "of" | "with"
                    | "to"
                    | "on"
                    | "for"
                    | "by"
                    | "from"
                    | "about"
                    | "at"
                    | "in"
                    | "against"
                    | "between"
            )
    };
    let free = || {
        ents.iter()
            .filter(|e| !e.modifier && !e.is_place() && !e.people)
    };
    let subject = speaker
        .filter(|s| s.is_person())
        .or_else(|| free().find(|e| e.is_person() && !after_prep(e)))
        .or_else(|| free().find(|e| e.is_person()));
    if let Some(s) = subject {
        disc.last_person = Some(s.ent.clone());
        match named_sex(&s.ent) {
            Some(Kin::Female) => disc.last_woman = Some(s.ent.clone()),
            Some(Kin::Male) => disc.last_man = Some(s.ent.clone()),
            _ => {}
        }
    }
    if let Some(s) = speaker
        .filter(|s| !s.is_person())
        .or_else(|| free().find(|e| !e.is_person() && !after_prep(e) && e.kind != EntKind::Pronoun))
    {
        disc.last_plural = Some(s.ent.clone());
    }
    if let Some(s) = speaker {
        disc.last_speaker = Some(s.ent.clone());
    }
}

/// The document the sentence issues, forgotten when another of its kind is
/// told of, else one sentence older.
fn remember_document(sent: &Sent, ents: &[Ent], disc: &mut Discourse) {
    match issued_document(sent, ents) {
        Some(doc) => disc.last_document = Some(doc),
        None if disc
            .last_document
            .as_ref()
            .is_some_and(|d| another_document(sent, &d.noun)) =>
        {
            disc.last_document = None;
        }
        None => {
            if let Some(d) = disc.last_document.as_mut() {
                d.age += 1;
            }
        }
    }
}

/// The body opening the sentence, and the organisation and country named last.
fn remember_names(sent: &Sent, ents: &[Ent], disc: &mut Discourse) {
    disc.last_opener = ents
        .iter()
        .find(|e| {
            (e.np0 == sent.body || e.np0 == sent.body + 1 && sent.lower(sent.body) == "the")
                && e.kind == EntKind::Name
                && !e.modifier
                && matches!(
                    e.ent.etype,
                    EntityType::Country | EntityType::Organisation | EntityType::ArmedGroup
                )
        })
        .map(|e| e.ent.clone());
    // "The resolution asked ... It called on the international community":
    // the document's issuer goes on as the next sentence's "it".
    if disc.last_opener.is_none() {
        disc.last_opener = opening_document(sent, ents, disc).cloned();
    }
    if let Some(o) = ents.iter().rev().find(|e| {
        e.kind == EntKind::Name
            && !e.modifier
            && matches!(
                e.ent.etype,
                EntityType::Organisation | EntityType::ArmedGroup
            )
    }) {
        disc.last_org = Some(o.ent.clone());
    }
    if let Some(c) = ents.iter().rev().find(|e| {
        e.ent.etype == EntityType::Country && matches!(e.kind, EntKind::Name | EntKind::Demonym)
    }) {
        disc.last_country = Some(c.ent.clone());
    }
}
