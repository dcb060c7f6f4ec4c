//! Sending the store's named graphs to a SPARQL 1.1 Graph Store Protocol
//! endpoint (`eventline push`): Virtuoso, Fuseki, GraphDB, another
//! `eventline serve --allow-update`. The store past one machine is then
//! whatever engine people run at scale; eventline keeps extracting and
//! deriving, the other engine answers.
//!
//! Each graph goes as `?graph=IRI` documents of at most `batch` triples,
//! streamed from the store (a batch in memory at a time): with `replace`
//! the first is a PUT (the graph becomes what the store holds) and the rest
//! POSTs (merged into it), else every one is a POST. A graph is never split
//! between blank nodes' statements by accident: eventline mints IRIs for
//! everything it states, so its graphs hold no blank nodes, and a graph
//! that does is sent whole, whatever the batch (blank node labels are
//! scoped to one document).
//!
//! The library makes no network calls: the caller hands over a
//! [`GraphStore`] (the binary's is a small HTTP/1.1 client); [`auth`]
//! computes the Basic and Digest `Authorization` headers it sends. Nothing is retried: the first failure ends the
//! push, naming the graph, and the graphs sent before it stay sent.

pub mod auth;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, Triple};
use thiserror::Error;

use crate::store::{EventStore, StoreError};

/// Prefixes of the Turtle documents: the namespaces most statements use.
/// None whose local names hold a `/` (eventline's own `…/id/` IRIs): the
/// serializer escapes it as `\/`, which Turtle allows and Virtuoso 7.2
/// keeps in the IRI, backslash and all.
const PREFIXES: [(&str, &str); 7] = [
    ("evl", "https://w3id.org/eventline/ontology#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("oa", "http://www.w3.org/ns/oa#"),
];

/// How a document changes its graph at the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Replaces the graph (HTTP PUT).
    Put,
    /// Merges into the graph (HTTP POST).
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

/// The RDF syntax of the documents sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    NTriples,
    Turtle,
}

impl Syntax {
    pub fn media_type(self) -> &'static str {
        match self {
            Syntax::NTriples => "application/n-triples",
            Syntax::Turtle => "text/turtle",
        }
    }
}

/// One document for one graph.
#[derive(Debug)]
pub struct Request<'a> {
    pub method: Method,
    pub graph: &'a str,
    pub content_type: &'static str,
    pub body: &'a [u8],
    /// Triples in the body.
    pub triples: usize,
}

/// Sends Graph Store Protocol requests: `Ok` for a 2xx answer, else an
/// error saying what the server answered.
pub trait GraphStore {
    fn send(
        &mut self,
        request: &Request<'_>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;
}

#[derive(Debug, Clone)]
pub struct PushOptions {
    /// Only these graphs (IRIs), in this order; `None` for every named
    /// graph of the store, in IRI order.
    pub graphs: Option<Vec<String>>,
    /// Most triples per request (at least 1).
    pub batch: usize,
    /// PUT the first document of each graph (replace), instead of POST
    /// (merge).
    pub replace: bool,
    pub syntax: Syntax,
}

/// What a push sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub graphs: usize,
    pub triples: u64,
    pub requests: u64,
    pub bytes: u64,
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PushError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the store has no graph <{0}>")]
    NoGraph(String),
    #[error("<{0}> is not an IRI")]
    BadIri(String),
    #[error("--batch must be at least 1")]
    Batch,
    #[error("cannot write graph <{graph}> as {syntax:?}")]
    Serialize {
        graph: String,
        syntax: Syntax,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{method} of graph <{graph}> ({triples} triples, {sent} of its triples sent before) failed"
    )]
    Send {
        method: &'static str,
        graph: String,
        triples: usize,
        sent: u64,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// The graphs a push sends and their triple counts, for a progress bar
/// before the first request.
pub fn plan(
    store: &EventStore,
    graphs: Option<&[String]>,
) -> Result<Vec<(String, u64)>, PushError> {
    let names = match graphs {
        Some(list) => {
            let mut out = Vec::new();
            for g in list {
                let node = NamedNode::new(g.as_str()).map_err(|_| PushError::BadIri(g.clone()))?;
                if !store
                    .oxigraph()
                    .contains_named_graph(&node)
                    .map_err(StoreError::from)?
                {
                    return Err(PushError::NoGraph(g.clone()));
                }
                out.push(node);
            }
            out
        }
        None => {
            let mut all = Vec::new();
            for g in store.oxigraph().named_graphs() {
                if let oxigraph::model::NamedOrBlankNode::NamedNode(n) =
                    g.map_err(StoreError::from)?
                {
                    all.push(n);
                }
            }
            all.sort();
            all
        }
    };
    names
        .into_iter()
        .map(|n| {
            let count = store
                .oxigraph()
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(n.as_ref())))
                .count() as u64;
            Ok((n.into_string(), count))
        })
        .collect()
}

/// Sends the planned graphs; `sent` is told of each request that
/// succeeded (for a progress bar).
pub fn push(
    store: &EventStore,
    plan: &[(String, u64)],
    target: &mut dyn GraphStore,
    opts: &PushOptions,
    sent: &mut dyn FnMut(&Request<'_>),
) -> Result<Pushed, PushError> {
    if opts.batch == 0 {
        return Err(PushError::Batch);
    }
    let mut total = Pushed::default();
    for (graph, _) in plan {
        push_graph(store, graph, target, opts, &mut total, sent)?;
        total.graphs += 1;
    }
    Ok(total)
}

fn push_graph(
    store: &EventStore,
    graph: &str,
    target: &mut dyn GraphStore,
    opts: &PushOptions,
    total: &mut Pushed,
    sent: &mut dyn FnMut(&Request<'_>),
) -> Result<(), PushError> {
    let node = NamedNodeRef::new(graph).map_err(|_| PushError::BadIri(graph.to_string()))?;
    // Blank nodes are document-scoped: a graph holding any goes whole.
    let has_blank = store
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(node)))
        .any(|q| q.is_ok_and(|q| q.subject.is_blank_node() || q.object.is_blank_node()));
    let batch = if has_blank { usize::MAX } else { opts.batch };
    let mut pending: Vec<Triple> = Vec::new();
    let mut first = true;
    let mut graph_sent = 0u64;
    let mut flush = |pending: &mut Vec<Triple>, first: &mut bool| -> Result<(), PushError> {
        let method = if *first && opts.replace {
            Method::Put
        } else {
            Method::Post
        };
        let body = serialize(graph, pending, opts.syntax)?;
        let request = Request {
            method,
            graph,
            content_type: opts.syntax.media_type(),
            body: &body,
            triples: pending.len(),
        };
        target.send(&request).map_err(|source| PushError::Send {
            method: method.as_str(),
            graph: graph.to_string(),
            triples: pending.len(),
            sent: graph_sent,
            source,
        })?;
        sent(&request);
        graph_sent += pending.len() as u64;
        total.triples += pending.len() as u64;
        total.requests += 1;
        total.bytes += body.len() as u64;
        pending.clear();
        *first = false;
        Ok(())
    };
    for q in
        store
            .oxigraph()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(node)))
    {
        let Quad {
            subject,
            predicate,
            object,
            ..
        } = q.map_err(StoreError::from)?;
        pending.push(Triple::new(subject, predicate, object));
        if pending.len() >= batch {
            flush(&mut pending, &mut first)?;
        }
    }
    // The last part; an empty graph is still replaced by nothing.
    if !pending.is_empty() || (first && opts.replace) {
        flush(&mut pending, &mut first)?;
    }
    Ok(())
}

fn serialize(graph: &str, triples: &[Triple], syntax: Syntax) -> Result<Vec<u8>, PushError> {
    let err = |source| PushError::Serialize {
        graph: graph.to_string(),
        syntax,
        source,
    };
    let mut ser = RdfSerializer::from_format(match syntax {
        Syntax::NTriples => RdfFormat::NTriples,
        Syntax::Turtle => RdfFormat::Turtle,
    });
    if syntax == Syntax::Turtle {
        for (p, ns) in PREFIXES {
            // The prefixes are constants, valid IRIs.
            ser = ser
                .with_prefix(p, ns)
                .map_err(|e| err(std::io::Error::other(e)))?;
        }
    }
    let mut ser = ser.for_writer(Vec::with_capacity(triples.len() * 160));
    for t in triples {
        ser.serialize_triple(t).map_err(err)?;
    }
    ser.finish().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    /// Records what it is sent; fails the request numbered `fail_at`.
    #[derive(Default)]
    struct Recorder {
        got: Vec<(Method, String, usize, String)>,
        fail_at: Option<usize>,
    }

    impl GraphStore for Recorder {
        fn send(
            &mut self,
            r: &Request<'_>,
        ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
            if self.fail_at == Some(self.got.len()) {
                return Err("answered 500: boom".into());
            }
            self.got.push((
                r.method,
                r.graph.to_string(),
                r.triples,
                String::from_utf8(r.body.to_vec()).unwrap(),
            ));
            Ok(())
        }
    }

    fn store() -> EventStore {
        let s = EventStore::in_memory().unwrap();
        for (g, n) in [("http://ex/b", 5), ("http://ex/a", 2)] {
            let g = NamedNode::new(g).unwrap();
            for i in 0..n {
                s.oxigraph()
                    .insert(&Quad::new(
                        NamedNode::new(format!("http://ex/s{i}")).unwrap(),
                        NamedNode::new("http://ex/p").unwrap(),
                        Literal::new_simple_literal(format!("v{i}")),
                        g.clone(),
                    ))
                    .unwrap();
            }
        }
        s
    }

    fn opts(batch: usize, replace: bool) -> PushOptions {
        PushOptions {
            graphs: None,
            batch,
            replace,
            syntax: Syntax::NTriples,
        }
    }

    #[test]
    fn every_graph_goes_in_batches_put_first_when_replacing() {
        let s = store();
        let plan = plan(&s, None).unwrap();
        assert_eq!(
            plan,
            vec![
                ("http://ex/a".to_string(), 2),
                ("http://ex/b".to_string(), 5)
            ]
        );
        let mut r = Recorder::default();
        let mut seen = 0;
        let done = push(&s, &plan, &mut r, &opts(2, true), &mut |_| seen += 1).unwrap();
        let shape: Vec<(Method, &str, usize)> = r
            .got
            .iter()
            .map(|(m, g, n, _)| (*m, g.as_str(), *n))
            .collect();
        assert_eq!(
            shape,
            vec![
                (Method::Put, "http://ex/a", 2),
                (Method::Put, "http://ex/b", 2),
                (Method::Post, "http://ex/b", 2),
                (Method::Post, "http://ex/b", 1),
            ]
        );
        assert_eq!((done.graphs, done.triples, done.requests), (2, 7, 4));
        assert_eq!(seen, 4);
        assert_eq!(r.got[0].3.lines().count(), 2);
    }

    #[test]
    fn merging_posts_everything_and_a_chosen_graph_alone() {
        let s = store();
        let plan = plan(&s, Some(&["http://ex/b".to_string()])).unwrap();
        let mut r = Recorder::default();
        push(&s, &plan, &mut r, &opts(100, false), &mut |_| {}).unwrap();
        assert_eq!(r.got.len(), 1);
        assert_eq!((r.got[0].0, r.got[0].2), (Method::Post, 5));
    }

    #[test]
    fn unknown_graphs_and_failures_are_named() {
        let s = store();
        let e = plan(&s, Some(&["http://ex/none".to_string()])).unwrap_err();
        assert_eq!(e.to_string(), "the store has no graph <http://ex/none>");
        let plan = plan(&s, None).unwrap();
        let mut r = Recorder {
            fail_at: Some(2),
            ..Recorder::default()
        };
        let e = push(&s, &plan, &mut r, &opts(2, true), &mut |_| {}).unwrap_err();
        assert_eq!(
            e.to_string(),
            "POST of graph <http://ex/b> (2 triples, 2 of its triples sent before) failed"
        );
        assert!(matches!(
            push(&s, &plan, &mut r, &opts(0, true), &mut |_| {}),
            Err(PushError::Batch)
        ));
    }

    #[test]
    fn turtle_documents_parse_back() {
        let s = store();
        let plan = plan(&s, None).unwrap();
        let mut r = Recorder::default();
        let mut o = opts(10, false);
        o.syntax = Syntax::Turtle;
        push(&s, &plan, &mut r, &o, &mut |_| {}).unwrap();
        for (_, _, n, body) in &r.got {
            let parsed = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(body.as_bytes())
                .count();
            assert_eq!(parsed, *n);
        }
    }
}
