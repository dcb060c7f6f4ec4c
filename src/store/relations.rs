//! Event relations: the articles' mention relations lifted to the events
//! holding the mentions, then a consistent set of them kept (see
//! [`crate::relations::decide`]) in the relations graph. Derived like
//! events, so the graph follows removals and does not depend on order.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};
use oxigraph::store::Transaction;

use super::ingest::relations_mark;
use super::{any_quad, nn, EventStore, StoreError};
use crate::model::RelationKind;
use crate::rdf::read::date_of;
use crate::relations::{self, EventRelation};
use crate::vocab::{self, rdf, xsd};

impl EventStore {
    /// Recomputes the relations graph when it is marked dirty. Returns how
    /// many relations were kept, `None` when nothing was to be done.
    pub fn rebuild_relations(&self) -> Result<Option<usize>, StoreError> {
        let mark = relations_mark();
        let (decision, articles) = {
            let t = self.store.start_transaction()?;
            if !t.contains(&mark)? && !lacks_support(&t)? {
                return Ok(None);
            }
            decide_relations(&t)?
        };
        // Replaced a bounded number of quads per transaction, as blocks are:
        // in one transaction, 127,000 relations and their support nodes of a
        // 250,000-event store held gigabytes of write batch. The mark goes
        // last, so a run cut short recomputes them; a reader may see the
        // graph half replaced meanwhile, as it may see half the blocks.
        let graph = GraphNameRef::NamedNode(vocab::GRAPH_RELATIONS);
        loop {
            let mut t = self.store.start_transaction()?;
            let old: Vec<Quad> = t
                .quads_for_pattern(None, None, None, Some(graph))
                .take(QUADS_PER_TRANSACTION)
                .collect::<Result<_, _>>()?;
            if old.is_empty() {
                break;
            }
            for q in &old {
                t.remove(q);
            }
            t.commit()?;
            self.store.flush()?;
        }
        for chunk in decision
            .kept
            .chunks(QUADS_PER_TRANSACTION / QUADS_PER_RELATION)
        {
            let mut t = self.store.start_transaction()?;
            for r in chunk {
                t.insert(&relation_quad(r));
                let n = articles
                    .get(&(r.from.clone(), r.kind, r.to.clone()))
                    .map_or(0, BTreeSet::len);
                for q in support_quads(r, n) {
                    t.insert(&q);
                }
            }
            t.commit()?;
            self.store.flush()?;
        }
        let mut t = self.store.start_transaction()?;
        t.remove(&mark);
        t.commit()?;
        Ok(Some(decision.kept.len()))
    }
}

/// Relation quads written (or removed) per transaction.
const QUADS_PER_TRANSACTION: usize = 60_000;

/// A relation and its support node ([`support_quads`]).
const QUADS_PER_RELATION: usize = 6;

/// The articles stating each lifted relation.
type Support = HashMap<(String, RelationKind, String), BTreeSet<String>>;

/// The relations to keep, and the articles stating each.
fn decide_relations(t: &Transaction<'_>) -> Result<(relations::Decision, Support), StoreError> {
    let lifted = lifted_relations(t)?;
    let mut articles: Support = HashMap::new();
    for (a, k, b, g) in &lifted {
        articles
            .entry((a.clone(), *k, b.clone()))
            .or_default()
            .insert(g.clone());
    }
    let candidates = relations::tally(lifted.into_iter().map(|(a, k, b, _)| (a, k, b)));
    let mut dates = HashMap::new();
    for r in &candidates {
        for e in [&r.from, &r.to] {
            if !dates.contains_key(e) {
                if let Some(w) = event_window(t, e)? {
                    dates.insert(e.clone(), w);
                }
            }
        }
    }
    Ok((relations::decide(candidates, &dates), articles))
}

fn relation_quad(r: &EventRelation) -> Quad {
    Quad::new(
        nn(&r.from),
        nn(&vocab::evl(r.kind.name())),
        nn(&r.to),
        vocab::GRAPH_RELATIONS,
    )
}

/// How many articles state a kept relation, on a statement node beside it
/// (`rdf:subject`, `rdf:predicate`, `rdf:object`, `evl:articleSupport`):
/// counted at query time, the join from events to mentions to their
/// relations grew with the store (2 s on the 13x wire corpus).
fn support_quads(r: &EventRelation, articles: usize) -> Vec<Quad> {
    let p = vocab::evl(r.kind.name());
    let node = nn(&vocab::eid(&format!(
        "relation/{}",
        crate::rdf::short_hash(&format!("{}\n{p}\n{}", r.from, r.to))
    )));
    let g = vocab::GRAPH_RELATIONS;
    vec![
        Quad::new(node.clone(), rdf::TYPE, rdf::STATEMENT, g),
        Quad::new(node.clone(), rdf::SUBJECT, nn(&r.from), g),
        Quad::new(node.clone(), rdf::PREDICATE, nn(&p), g),
        Quad::new(node.clone(), rdf::OBJECT, nn(&r.to), g),
        Quad::new(
            node,
            vocab::ARTICLE_SUPPORT,
            Literal::new_typed_literal(articles.to_string(), xsd::INTEGER),
            g,
        ),
    ]
}

/// A relations graph derived before relations carried their support: it
/// is derived again, or event-relations.rq would answer 0 for each.
fn lacks_support(t: &Transaction<'_>) -> Result<bool, StoreError> {
    let g = Some(GraphNameRef::NamedNode(vocab::GRAPH_RELATIONS));
    Ok(any_quad(t, None, None, None, g)?
        && !any_quad(t, None, Some(vocab::ARTICLE_SUPPORT), None, g)?)
}

/// Every mention relation the articles state, as a relation between the
/// events holding the two mentions (one candidate per statement), with the
/// article graph stating it.
fn lifted_relations(
    t: &Transaction<'_>,
) -> Result<Vec<(String, RelationKind, String, String)>, StoreError> {
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
                candidates.push((a, kind, b, q.graph_name.to_string()));
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

/// An event's date window, when the text gives one: the day of its first
/// report (`merge::story_day`) contradicts no order the text states.
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
    let by_report = t
        .quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(e.as_ref())),
            Some(vocab::DATE_METHOD),
            Some(vocab::DATE_PUBLICATION_FALLBACK.into()),
            None,
        )
        .next()
        .transpose()?
        .is_some();
    if by_report {
        return Ok(None);
    }
    Ok(date(vocab::EARLIEST)?.zip(date(vocab::LATEST)?))
}
