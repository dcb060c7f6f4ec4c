//! The reading half of the RDF mapping: what an article graph states about
//! a mention (or a minted actor) decoded back into the model, the inverse
//! of [`super::write`]. The store fetches the statements; this module only
//! interprets them, so the mapping's two directions sit side by side.

use chrono::NaiveDate;
use oxrdf::{NamedNode, NamedNodeRef, Term};

use super::write::role_iri;
use crate::gazetteer::Gazetteer;
use crate::model::{
    DateMethod, DateWindow, EntityRef, EntityType, EventKind, Mention, RelationKind, Role, Status,
};
use crate::vocab;

/// What a graph states about one subject, as (predicate, object) pairs.
pub(crate) type Props = [(NamedNode, Term)];

/// The IRI of a term that is one.
pub(crate) fn iri_of(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// The local name of an IRI (after the last `#` or `/`).
pub(crate) fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// A literal's lexical form, as a date.
pub(crate) fn date_of(t: &Term) -> Option<NaiveDate> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

fn values<'a>(props: &'a Props, p: NamedNodeRef<'a>) -> impl Iterator<Item = &'a Term> + 'a {
    props
        .iter()
        .filter(move |(k, _)| k.as_ref() == p)
        .map(|(_, v)| v)
}

fn text_of(props: &Props, p: NamedNodeRef<'_>) -> Option<String> {
    values(props, p).find_map(|v| match v {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    })
}

fn first_iri<'a>(props: &'a Props, p: NamedNodeRef<'a>) -> Option<&'a str> {
    values(props, p).find_map(iri_of)
}

/// The article a mention is mentioned in.
pub(crate) fn mentioned_in(props: &Props) -> String {
    first_iri(props, vocab::MENTIONED_IN)
        .unwrap_or_default()
        .to_string()
}

/// The mentions a mention's article relates it to (`evl:partOf`,
/// `evl:before`, ...).
pub(crate) fn related(props: &Props) -> Vec<String> {
    props
        .iter()
        .filter(|(p, _)| {
            p.as_str()
                .strip_prefix(vocab::EVL)
                .is_some_and(|local| RelationKind::ALL.iter().any(|k| k.name() == local))
        })
        .filter_map(|(_, o)| iri_of(o).map(str::to_string))
        .collect()
}

/// Decodes a mention from its statements; `None` when it has no known
/// kind. `entity` resolves the IRI of an actor, place or claimant.
/// Evidence is not read back: derivation never needs it.
pub(crate) fn mention<E>(
    props: &Props,
    mut entity: impl FnMut(&str) -> Result<EntityRef, E>,
) -> Result<Option<Mention>, E> {
    let Some(kind) =
        first_iri(props, vocab::MENTION_KIND).and_then(|k| EventKind::from_name(local(k)))
    else {
        return Ok(None);
    };
    let status = first_iri(props, vocab::STATUS)
        .and_then(|s| Status::from_name(local(s)))
        .unwrap_or(Status::Occurred);
    let mut actors = Vec::new();
    for role in [Role::Initiator, Role::Target, Role::Participant] {
        let mut iris: Vec<&str> = values(props, role_iri(role)).filter_map(iri_of).collect();
        iris.sort();
        for a in iris {
            actors.push((role, entity(a)?));
        }
    }
    let place = first_iri(props, vocab::PLACE)
        .map(&mut entity)
        .transpose()?;
    let claimed_by = first_iri(props, vocab::CLAIMED_BY)
        .map(&mut entity)
        .transpose()?;
    Ok(Some(Mention {
        kind,
        actors,
        date: date_window(props),
        place,
        status,
        claimed_by,
        attack_mode: first_iri(props, vocab::ATTACK_MODE).map(|m| local(m).to_string()),
        topic: text_of(props, vocab::TOPIC)
            .map(|t| t.split(' ').map(str::to_string).collect())
            .unwrap_or_default(),
        time_not_taken: text_of(props, vocab::TIME_NOT_TAKEN).is_some_and(|v| v == "true"),
        evidence: Vec::new(),
    }))
}

fn date_window(props: &Props) -> Option<DateWindow> {
    let date = |p| values(props, p).find_map(date_of);
    let (earliest, latest) = date(vocab::EARLIEST).zip(date(vocab::LATEST))?;
    let method = match first_iri(props, vocab::DATE_METHOD) {
        Some(m) if m == vocab::DATE_EXPLICIT.as_str() => DateMethod::Explicit,
        Some(m) if m == vocab::DATE_RELATIVE_TO_DATE.as_str() => DateMethod::RelativeToDate,
        Some(m) if m == vocab::DATE_PUBLICATION_FALLBACK.as_str() => {
            DateMethod::PublicationFallback
        }
        _ => DateMethod::RelativeToPublication,
    };
    Some(DateWindow {
        earliest,
        latest,
        value: text_of(props, vocab::DATE_VALUE).unwrap_or_default(),
        granularity: text_of(props, vocab::DATE_GRANULARITY).unwrap_or_default(),
        method,
        text: String::new(),
    })
}

/// An actor eventline minted, from what the article states of it
/// (`evl:nameInArticle`, `evl:mintedAs`, `evl:affiliation`); its
/// affiliation's anchor comes from the gazetteer as of `date`.
pub(crate) fn minted_actor(
    iri: &str,
    props: &Props,
    gaz: &Gazetteer,
    date: Option<NaiveDate>,
) -> EntityRef {
    let mut label = local(iri).to_string();
    let mut etype = EntityType::Group;
    let mut anchor = iri.to_string();
    for (p, o) in props {
        let p = p.as_ref();
        if p == vocab::NAME_IN_ARTICLE {
            if let Term::Literal(l) = o {
                label = l.value().to_string();
            }
        } else if p == vocab::MINTED_AS {
            // What the article minted it as: a person, an organisation (the
            // body a summit is of, `Mention::bodies`), a town.
            if let Some(t) = iri_of(o).map(local).and_then(EntityType::from_class_name) {
                etype = t;
            }
        } else if p == vocab::AFFILIATION {
            if let Some(a) = iri_of(o) {
                anchor = match gaz.get(a) {
                    Some(i) => gaz.entity_ref(i, date).anchor,
                    None => a.to_string(),
                };
            }
        }
    }
    EntityRef {
        iri: iri.to_string(),
        label,
        etype,
        qid: None,
        anchor,
        leader: false,
        located_in: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::Literal;

    #[test]
    fn a_minted_actor_reads_back_as_what_it_was_minted_as() {
        let gaz = Gazetteer::load(&[]).unwrap();
        let props = |class: &str| {
            vec![
                (
                    vocab::MINTED_AS.into_owned(),
                    Term::NamedNode(NamedNode::new_unchecked(format!("{}{class}", vocab::EVL))),
                ),
                (
                    vocab::NAME_IN_ARTICLE.into_owned(),
                    Term::Literal(Literal::new_simple_literal(
                        "Forum on China-Africa Cooperation",
                    )),
                ),
            ]
        };
        let iri = "https://w3id.org/eventline/id/actor/forum-on-china-africa-cooperation";
        let org = minted_actor(iri, &props("Organisation"), &gaz, None);
        assert_eq!(org.etype, EntityType::Organisation);
        assert_eq!(org.label, "Forum on China-Africa Cooperation");
        assert_eq!(
            minted_actor(iri, &props("Person"), &gaz, None).etype,
            EntityType::Person
        );
        // A group named by a common noun is written as evl:Actor.
        assert_eq!(
            minted_actor(iri, &props("Actor"), &gaz, None).etype,
            EntityType::Group
        );
    }
}
