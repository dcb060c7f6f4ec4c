//! The SPARQL 1.1 Service Description a bare GET of `/query` returns:
//! where the endpoint is, what it speaks, which formats it writes.

use oxhttp::model::header::HOST;
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::io::RdfSerializer;
use oxigraph::model::{BlankNode, NamedNode, Triple};
use oxigraph::sparql::results::QueryResultsFormat;

use super::negotiate::formats;
use super::protocol::Failure;
use super::respond;
use crate::vocab::{rdf, sd};

pub(crate) fn service(
    request: &Request<Body>,
    allow_update: bool,
) -> Result<Response<Body>, Failure> {
    let format = formats::rdf(request)?;
    let host = request
        .headers()
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let endpoint = NamedNode::new(format!("http://{host}/query"))
        .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad Host header: {e}")))?;
    let me = BlankNode::default();
    let mut triples = vec![
        Triple::new(me.clone(), rdf::TYPE, sd::SERVICE),
        Triple::new(me.clone(), sd::ENDPOINT, endpoint),
        Triple::new(me.clone(), sd::SUPPORTED_LANGUAGE, sd::SPARQL11_QUERY),
        Triple::new(me.clone(), sd::FEATURE, sd::UNION_DEFAULT_GRAPH),
    ];
    if allow_update {
        triples.push(Triple::new(
            me.clone(),
            sd::SUPPORTED_LANGUAGE,
            sd::SPARQL11_UPDATE,
        ));
    }
    for f in [
        QueryResultsFormat::Json,
        QueryResultsFormat::Xml,
        QueryResultsFormat::Csv,
        QueryResultsFormat::Tsv,
    ] {
        triples.push(Triple::new(
            me.clone(),
            sd::RESULT_FORMAT,
            NamedNode::new_unchecked(f.iri()),
        ));
    }
    let mut body = Vec::new();
    let write = |e: std::io::Error| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let mut ser = RdfSerializer::from_format(format)
        .with_prefix("sd", "http://www.w3.org/ns/sparql-service-description#")
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
        .for_writer(&mut body);
    for t in &triples {
        ser.serialize_triple(t).map_err(write)?;
    }
    ser.finish().map_err(write)?;
    Ok(respond(StatusCode::OK, format.media_type(), body))
}
