//! Linking minted actors and places to an external knowledge base
//! (`eventline link`): any SPARQL endpoint holding Wikidata-shaped data.
//!
//! Stages: the store's unlinked actors (`queries/unlinked.rq`) become
//! [`score::Actor`]s; `candidates` asks the endpoint for the items their
//! name may be; `score` decides (type and country compatibility, positions
//! held on the articles' dates, a threshold and a margin); the links are
//! written as `owl:sameAs` in a graph of their own (`…/graph/links`), each
//! recorded as an `rdf:Statement` with its score, method and endpoint
//! (PROV), so they can be reviewed with SPARQL and withdrawn whole by
//! [`undo`]. Nothing else in the store is touched, so linking never loses
//! what ingestion stored.
//!
//! The library makes no network calls: the caller hands over a
//! [`SparqlClient`] (the binary's is a small HTTP/1.1 client).

mod candidates;
pub(crate) mod names;
mod reconcile;
mod score;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};
use thiserror::Error;

pub use reconcile::ReconcileClient;
pub use score::Verdict;
use score::{Actor, Candidate};

use crate::store::{cell_value, EventStore, StoreError};
use crate::vocab::{self, eid, rdf, xsd, WIKIDATA_ENTITY};

const UNLINKED: &str = include_str!("queries/unlinked.rq");

/// Sends a SPARQL SELECT query to the knowledge base and returns its
/// answer as SPARQL JSON results.
pub trait SparqlClient {
    fn select_json(&self, query: &str)
        -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>>;
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LinkError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("asking {endpoint} for the candidates of {name:?} failed")]
    Endpoint {
        endpoint: String,
        name: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("{endpoint} answered the candidates of {name:?} with no SPARQL JSON results")]
    Answer {
        endpoint: String,
        name: String,
        #[source]
        // Boxed: the parser's error is large, and every Result of the
        // module would carry its size.
        source: Box<oxigraph::sparql::results::QueryResultsSyntaxError>,
    },
    #[error(
        "{service} answered the reconciliation of {names:?} with no usable results: {message}"
    )]
    Reconciliation {
        service: String,
        names: Vec<String>,
        message: String,
    },
}

/// How to link.
#[derive(Debug, Clone)]
pub struct LinkOptions {
    /// The endpoint's (or reconciliation service's) URL, recorded as the
    /// links' source.
    pub endpoint: String,
    /// Language tags of the labels and aliases to match, first preferred.
    pub languages: Vec<String>,
    /// Least score linked; under it, the actor stays unlinked (NIL).
    pub threshold: f64,
    /// Decide but write nothing.
    pub dry_run: bool,
    /// When the links were made (`prov:generatedAtTime`), from the caller:
    /// the library never reads the clock.
    pub at: Option<chrono::DateTime<chrono::Utc>>,
}

/// One actor's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub actor: String,
    pub name: String,
    pub class: String,
    pub verdict: Verdict,
}

/// Links every unlinked minted actor it can; returns one decision per
/// actor, in IRI order. Links are written once all are decided, in one
/// transaction: a failure midway writes none.
pub fn link(
    store: &EventStore,
    client: &dyn SparqlClient,
    opts: &LinkOptions,
) -> Result<Vec<Decision>, LinkError> {
    let mut decisions = Vec::new();
    for actor in unlinked(store)? {
        let verdict = match candidates::query(&actor, &opts.languages) {
            None => nil_class(&actor),
            Some(q) => score::decide(&actor, &ask(client, opts, &actor, &q)?, opts.threshold),
        };
        decisions.push(Decision {
            actor: actor.iri,
            name: actor.name,
            class: actor.class,
            verdict,
        });
    }
    if !opts.dry_run {
        write(store, &decisions, opts)?;
    }
    Ok(decisions)
}

/// Links as [`link`] does, the candidates asked of a Reconciliation
/// Service API (in batches, typed by the actor's class, narrowed by its
/// country) instead of a SPARQL endpoint; the links' method says
/// `reconciliation`. `opts.languages` is not used: services match names
/// in their own languages.
pub fn link_by_reconciliation(
    store: &EventStore,
    client: &dyn ReconcileClient,
    opts: &LinkOptions,
) -> Result<Vec<Decision>, LinkError> {
    let actors = unlinked(store)?;
    let (askable, unaskable): (Vec<&Actor>, Vec<&Actor>) = actors
        .iter()
        .partition(|a| reconcile::type_for(a).is_some());
    let mut decisions: Vec<Decision> = unaskable
        .iter()
        .map(|a| decision(a, nil_class(a)))
        .collect();
    for chunk in askable.chunks(reconcile::BATCH) {
        let names = || chunk.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        let json = client
            .reconcile(&reconcile::batch(chunk))
            .map_err(|source| LinkError::Endpoint {
                endpoint: opts.endpoint.clone(),
                name: names().join(", "),
                source,
            })?;
        let candidates =
            reconcile::parse(&json, chunk).map_err(|message| LinkError::Reconciliation {
                service: opts.endpoint.clone(),
                names: names(),
                message,
            })?;
        for (actor, candidates) in chunk.iter().zip(candidates) {
            if candidates.is_empty() {
                decisions.push(decision(actor, nil_unanswered(actor)));
                continue;
            }
            let verdict = match score::decide(actor, &candidates, opts.threshold) {
                Verdict::Linked { qid, score, method } => Verdict::Linked {
                    qid,
                    score,
                    method: format!("reconciliation+{method}"),
                },
                nil => nil,
            };
            decisions.push(decision(actor, verdict));
        }
    }
    decisions.sort_by(|a, b| a.actor.cmp(&b.actor));
    if !opts.dry_run {
        write(store, &decisions, opts)?;
    }
    Ok(decisions)
}

fn decision(actor: &Actor, verdict: Verdict) -> Decision {
    Decision {
        actor: actor.iri.clone(),
        name: actor.name.clone(),
        class: actor.class.clone(),
        verdict,
    }
}

/// NIL for an actor the service had no candidate for: it filters by
/// type and country itself, so say what was asked.
fn nil_unanswered(actor: &Actor) -> Verdict {
    let class = reconcile::type_for(actor).unwrap_or_default();
    let countries = actor.countries.iter().cloned().collect::<Vec<_>>();
    Verdict::Nil {
        reason: if countries.is_empty() {
            format!("the service has no {class} of this name")
        } else {
            format!(
                "the service has no {class} of this name and country ({})",
                countries.join(", ")
            )
        },
        best: None,
    }
}

fn nil_class(actor: &Actor) -> Verdict {
    Verdict::Nil {
        reason: format!("a {} is not linked", actor.class),
        best: None,
    }
}

fn ask(
    client: &dyn SparqlClient,
    opts: &LinkOptions,
    actor: &Actor,
    query: &str,
) -> Result<Vec<Candidate>, LinkError> {
    let json = client
        .select_json(query)
        .map_err(|source| LinkError::Endpoint {
            endpoint: opts.endpoint.clone(),
            name: actor.name.clone(),
            source,
        })?;
    candidates::parse(&json).map_err(|source| LinkError::Answer {
        endpoint: opts.endpoint.clone(),
        name: actor.name.clone(),
        source: Box::new(source),
    })
}

/// The store's minted actors with no `owl:sameAs`, their rows folded.
fn unlinked(store: &EventStore) -> Result<Vec<Actor>, StoreError> {
    let (_, rows) = store.select(UNLINKED)?;
    let mut actors: BTreeMap<String, Actor> = BTreeMap::new();
    for row in &rows {
        let cell = |i: usize| row.get(i).and_then(cell_value);
        let (Some(iri), Some(name), Some(class)) = (cell(0), cell(1), cell(2)) else {
            continue;
        };
        let a = actors.entry(iri.clone()).or_insert_with(|| Actor {
            iri,
            name,
            class: class.rsplit('#').next().unwrap_or_default().to_string(),
            ..Actor::default()
        });
        if let Some(q) = cell(3).and_then(|c| c.strip_prefix(WIKIDATA_ENTITY).map(String::from)) {
            a.countries.insert(q);
        }
        if let Some(d) = cell(4).and_then(|d| d.get(..10)?.parse::<NaiveDate>().ok()) {
            a.dates.insert(d);
        }
    }
    Ok(actors.into_values().collect())
}

/// The links and their records, in the links graph, in one transaction.
fn write(store: &EventStore, decisions: &[Decision], opts: &LinkOptions) -> Result<(), StoreError> {
    let graph = GraphNameRef::NamedNode(vocab::GRAPH_LINKS);
    let endpoint = NamedNode::new(&opts.endpoint).ok();
    let mut quads = Vec::new();
    for d in decisions {
        let Verdict::Linked { qid, score, method } = &d.verdict else {
            continue;
        };
        let actor = NamedNode::new_unchecked(&d.actor);
        let target = NamedNode::new_unchecked(format!("{WIKIDATA_ENTITY}{qid}"));
        let record = NamedNode::new_unchecked(eid(&format!("link/{}", short_hash(&d.actor))));
        let mut add = |s: &NamedNode, p, o: Term| {
            quads.push(Quad::new(s.clone(), p, o, graph.into_owned()));
        };
        add(&actor, vocab::OWL_SAME_AS, target.clone().into());
        add(&record, rdf::TYPE, vocab::ENTITY_LINK.into_owned().into());
        add(&record, rdf::TYPE, rdf::STATEMENT.into_owned().into());
        add(&record, rdf::SUBJECT, actor.clone().into());
        add(
            &record,
            rdf::PREDICATE,
            vocab::OWL_SAME_AS.into_owned().into(),
        );
        add(&record, rdf::OBJECT, target.into());
        add(
            &record,
            vocab::LINK_SCORE,
            Literal::new_typed_literal(format!("{score:.2}"), xsd::DECIMAL).into(),
        );
        add(
            &record,
            vocab::LINK_METHOD,
            Literal::new_simple_literal(method).into(),
        );
        match &endpoint {
            Some(e) => add(&record, vocab::PROV_WAS_DERIVED_FROM, e.clone().into()),
            None => add(
                &record,
                vocab::PROV_WAS_DERIVED_FROM,
                Literal::new_simple_literal(&opts.endpoint).into(),
            ),
        }
        if let Some(at) = opts.at {
            add(
                &record,
                vocab::PROV_GENERATED_AT_TIME,
                Literal::new_typed_literal(
                    at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    xsd::DATE_TIME,
                )
                .into(),
            );
        }
    }
    let mut t = store.oxigraph().start_transaction()?;
    for q in &quads {
        t.insert(q.as_ref());
    }
    t.commit()?;
    Ok(())
}

fn short_hash(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Withdraws every link `link` made (the links graph, whole); returns how
/// many actors were linked.
pub fn undo(store: &EventStore) -> Result<usize, StoreError> {
    let graph = GraphNameRef::NamedNode(vocab::GRAPH_LINKS);
    let links = store
        .oxigraph()
        .quads_for_pattern(None, Some(vocab::OWL_SAME_AS), None, Some(graph))
        .count();
    store.oxigraph().clear_graph(graph)?;
    Ok(links)
}
