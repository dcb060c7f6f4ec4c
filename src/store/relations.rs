//! Event relations: the articles' mention relations lifted to the events
//! holding the mentions, then a consistent set of them kept (see
//! [`crate::relations::decide`]) in the relations graph. Derived like
//! events, so the graph follows removals and does not depend on order.

use std::collections::HashMap;

use chrono::NaiveDate;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term,
};
use oxigraph::store::Transaction;

use super::ingest::relations_mark;
use super::{nn, EventStore, StoreError};
use crate::model::RelationKind;
use crate::rdf::read::date_of;
use crate::relations::{self, EventRelation};
use crate::vocab;

impl EventStore {
    /// Recomputes the relations graph when it is marked dirty. Returns how
    /// many relations were kept, `None` when nothing was to be done.
    pub fn rebuild_relations(&self) -> Result<Option<usize>, StoreError> {
        let mark = relations_mark();
        let mut t = self.store.start_transaction()?;
        if !t.contains(&mark)? {
            return Ok(None);
        }
        let candidates = relations::tally(lifted_relations(&t)?);
        let mut dates = HashMap::new();
        for r in &candidates {
            for e in [&r.from, &r.to] {
                if !dates.contains_key(e) {
                    if let Some(w) = event_window(&t, e)? {
                        dates.insert(e.clone(), w);
                    }
                }
            }
        }
        let decision = relations::decide(candidates, &dates);
        t.clear_graph(GraphNameRef::NamedNode(vocab::GRAPH_RELATIONS))?;
        for r in &decision.kept {
            t.insert(&relation_quad(r));
        }
        t.remove(&mark);
        t.commit()?;
        Ok(Some(decision.kept.len()))
    }
}

fn relation_quad(r: &EventRelation) -> Quad {
    Quad::new(
        nn(&r.from),
        nn(&vocab::evl(r.kind.name())),
        nn(&r.to),
        vocab::GRAPH_RELATIONS,
    )
}

/// Every mention relation the articles state, as a relation between the
/// events holding the two mentions (one candidate per statement).
fn lifted_relations(
    t: &Transaction<'_>,
) -> Result<Vec<(String, RelationKind, String)>, StoreError> {
    let mut event_of: HashMap<String, Option<String>> = HashMap::new();
    let mut lift = |m: &NamedOrBlankNode| -> Result<Option<String>, StoreError> {
        let key = m.to_string();
        if let Some(e) = event_of.get(&key) {
            return Ok(e.clone());
        }
        let found = event_of_mention(t, m)?;
        event_of.insert(key, found.clone());
        Ok(found)
    };
    let mut candidates = Vec::new();
    for kind in RelationKind::ALL {
        let p = vocab::evl(kind.name());
        let quads: Vec<Quad> = t
            .quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(&p)), None, None)
            .collect::<Result<_, _>>()?;
        for q in quads {
            let in_article = matches!(&q.graph_name,
                GraphName::NamedNode(g) if g.as_str().starts_with(vocab::GRAPH_ARTICLE_PREFIX));
            let Term::NamedNode(object) = &q.object else {
                continue;
            };
            if !in_article {
                continue;
            }
            let object = NamedOrBlankNode::NamedNode(object.clone());
            if let (Some(a), Some(b)) = (lift(&q.subject)?, lift(&object)?) {
                candidates.push((a, kind, b));
            }
        }
    }
    Ok(candidates)
}

/// The event that has `mention` among its mentions.
fn event_of_mention(
    t: &Transaction<'_>,
    mention: &NamedOrBlankNode,
) -> Result<Option<String>, StoreError> {
    for q in t.quads_for_pattern(
        None,
        Some(vocab::HAS_MENTION),
        Some(mention.as_ref().into()),
        None,
    ) {
        if let NamedOrBlankNode::NamedNode(e) = q?.subject {
            return Ok(Some(e.into_string()));
        }
    }
    Ok(None)
}

/// An event's date window, when it has one.
fn event_window(
    t: &Transaction<'_>,
    event: &str,
) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError> {
    let e = nn(event);
    let date = |p: NamedNodeRef<'_>| -> Result<Option<NaiveDate>, StoreError> {
        for q in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(e.as_ref())),
            Some(p),
            None,
            None,
        ) {
            let object = q?.object;
            if let Term::Literal(_) = object {
                return Ok(date_of(&object));
            }
        }
        Ok(None)
    };
    Ok(date(vocab::EARLIEST)?.zip(date(vocab::LATEST)?))
}
