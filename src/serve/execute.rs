//! Running an operation against the store and writing its answer in the
//! negotiated format. Answers are written whole before they are sent, so
//! an evaluation error (a timeout included) is a clean status code
//! rather than a truncated body.

use std::sync::{mpsc, OnceLock};
use std::time::Duration;

use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};

use super::negotiate::formats;
use super::protocol::{Failure, Operation};
use super::{respond, ServeOptions};
use crate::federate::LocalWikidata;
use crate::EventStore;

pub(crate) fn query(
    store: &EventStore,
    options_wikidata: &OnceLock<LocalWikidata>,
    text: &str,
    op: &Operation,
    request: &Request<Body>,
    options: &ServeOptions,
) -> Result<Response<Body>, Failure> {
    let token = CancellationToken::new();
    let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    let mut prepared = crate::federate::with_local_services(evaluator, text, || {
        if let Some(w) = options_wikidata.get() {
            return Ok(w.clone());
        }
        let w = LocalWikidata::build(store)?;
        // Two first queries at once may both build it; either copy will do.
        let _ = options_wikidata.set(w.clone());
        Ok(w)
    })
    .map_err(|e| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot set up the offline Wikidata: {e}"),
        )
    })?
    .parse_query(text)
    .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad query: {e}")))?;
    if op.default_graphs.is_empty() && op.named_graphs.is_empty() {
        prepared.dataset_mut().set_default_graph_as_union();
    } else {
        prepared.dataset_mut().set_default_graph(
            iris(&op.default_graphs)?
                .into_iter()
                .map(GraphName::from)
                .collect(),
        );
        prepared.dataset_mut().set_available_named_graphs(
            iris(&op.named_graphs)?
                .into_iter()
                .map(NamedOrBlankNode::from)
                .collect(),
        );
    }
    // Lives until the answer is written: dropping it ends the watchdog.
    let _watchdog = options.timeout.map(|t| watchdog(token, t));
    let evaluation = |e: QueryEvaluationError| evaluation_failure(&e, options.timeout);
    let results = prepared
        .on_store(store.oxigraph())
        .execute()
        .map_err(evaluation)?;
    let mut body = Vec::new();
    let write = |e: std::io::Error| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let media_type = match results {
        QueryResults::Solutions(solutions) => {
            let format = formats::results(request)?;
            let mut ser = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(write)?;
            for s in solutions {
                ser.serialize(&s.map_err(evaluation)?).map_err(write)?;
            }
            ser.finish().map_err(write)?;
            format.media_type()
        }
        QueryResults::Boolean(b) => {
            let format = formats::results(request)?;
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, b)
                .map_err(write)?;
            format.media_type()
        }
        QueryResults::Graph(triples) => {
            let format = formats::rdf(request)?;
            let mut ser = RdfSerializer::from_format(format).for_writer(&mut body);
            for t in triples {
                ser.serialize_triple(&t.map_err(evaluation)?)
                    .map_err(write)?;
            }
            ser.finish().map_err(write)?;
            format.media_type()
        }
    };
    Ok(respond(StatusCode::OK, media_type, body))
}

pub(crate) fn update(
    store: &EventStore,
    text: &str,
    op: &Operation,
) -> Result<Response<Body>, Failure> {
    if !op.default_graphs.is_empty() || !op.named_graphs.is_empty() {
        return Err((
            StatusCode::BAD_REQUEST,
            "using-graph-uri and using-named-graph-uri are not supported: \
             say USING in the update itself"
                .into(),
        ));
    }
    SparqlEvaluator::new()
        .parse_update(text)
        .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad update: {e}")))?
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("update failed: {e}"),
            )
        })?;
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    Ok(r)
}

fn iris(list: &[String]) -> Result<Vec<NamedNode>, Failure> {
    list.iter()
        .map(|i| {
            NamedNode::new(i.as_str())
                .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad graph IRI '{i}': {e}")))
        })
        .collect()
}

fn evaluation_failure(e: &QueryEvaluationError, timeout: Option<Duration>) -> Failure {
    match (e, timeout) {
        (QueryEvaluationError::Cancelled, Some(t)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the query ran past the timeout of {} s", t.as_secs_f32()),
        ),
        _ => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("query failed: {e}"),
        ),
    }
}

/// Cancels `token` after `after` unless the returned sender is dropped
/// first; the thread ends either way, so no timer outlives its query.
fn watchdog(token: CancellationToken, after: Duration) -> mpsc::Sender<()> {
    let (tx, rx) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        if rx.recv_timeout(after) == Err(mpsc::RecvTimeoutError::Timeout) {
            token.cancel();
        }
    });
    tx
}
