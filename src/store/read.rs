//! Fetching what the article graphs state about a block's mentions, for
//! [`crate::rdf`]'s reading half to decode into the model.

use std::collections::HashMap;

use chrono::NaiveDate;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};

use super::{lit, nn, Source, StoreError};
use crate::gazetteer::Gazetteer;
use crate::model::{EntityRef, Mention};
use crate::rdf::read;
use crate::vocab;

/// A mention read back from the store, with its article's facts.
pub(super) struct StoredMention {
    pub(super) iri: String,
    pub(super) doc: String,
    pub(super) reference: Option<NaiveDate>,
    pub(super) mention: Mention,
    /// The mentions its article related it to (evl:partOf and the others).
    pub(super) related: Vec<String>,
}

/// Every mention of a block, from every article graph.
pub(super) fn read_block(
    t: &dyn Source,
    block: &str,
    gaz: &Gazetteer,
) -> Result<Vec<StoredMention>, StoreError> {
    let key = lit(block);
    let mut found: Vec<(String, GraphName)> = Vec::new();
    for q in t.quads(
        None,
        Some(vocab::BLOCK_KEY),
        Some(TermRef::Literal(key.as_ref())),
        None,
    ) {
        let q = q?;
        let GraphName::NamedNode(g) = &q.graph_name else {
            continue;
        };
        if !g.as_str().starts_with(vocab::GRAPH_ARTICLE_PREFIX) {
            continue;
        }
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            found.push((s.as_str().to_string(), q.graph_name.clone()));
        }
    }
    let mut doc_dates: HashMap<String, Option<NaiveDate>> = HashMap::new();
    let mut out = Vec::new();
    for (iri, graph) in found {
        let props = statements(t, &iri, &graph)?;
        let doc = read::mentioned_in(&props);
        let reference = match doc_dates.get(&doc) {
            Some(d) => *d,
            None => {
                let d = reference_date(t, &doc, &graph)?;
                doc_dates.insert(doc.clone(), d);
                d
            }
        };
        let entity = |a: &str| actor_ref(t, a, &graph, gaz, reference);
        let Some(mention) = read::mention(&props, entity)? else {
            continue;
        };
        out.push(StoredMention {
            iri,
            doc,
            reference,
            mention,
            related: read::related(&props),
        });
    }
    Ok(out)
}

/// What `graph` states about `subject`.
fn statements(
    t: &dyn Source,
    subject: &str,
    graph: &GraphName,
) -> Result<Vec<(NamedNode, Term)>, StoreError> {
    let node = nn(subject);
    let mut props = Vec::new();
    for q in t.quads(
        Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
        None,
        None,
        Some(graph.as_ref()),
    ) {
        let q = q?;
        props.push((q.predicate, q.object));
    }
    Ok(props)
}

/// The date an article's relative dates were resolved against.
fn reference_date(
    t: &dyn Source,
    doc: &str,
    graph: &GraphName,
) -> Result<Option<NaiveDate>, StoreError> {
    let dn = nn(doc);
    let mut r = None;
    for q in t.quads(
        Some(NamedOrBlankNodeRef::NamedNode(dn.as_ref())),
        Some(vocab::REFERENCE_DATE),
        None,
        Some(graph.as_ref()),
    ) {
        if let Some(d) = read::date_of(&q?.object) {
            r = Some(d);
        }
    }
    Ok(r)
}

/// Rebuilds an actor reference: from the gazetteer, else from the minted
/// actor's statements in the article graph.
fn actor_ref(
    t: &dyn Source,
    iri: &str,
    graph: &GraphName,
    gaz: &Gazetteer,
    date: Option<NaiveDate>,
) -> Result<EntityRef, StoreError> {
    if let Some(i) = gaz.get(iri) {
        return Ok(gaz.entity_ref(i, date));
    }
    let props = statements(t, iri, graph)?;
    Ok(read::minted_actor(iri, &props, gaz, date))
}
