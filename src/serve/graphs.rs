//! The SPARQL 1.1 Graph Store HTTP Protocol on `/store`: one graph as a
//! document. `?default` is the store's own default graph (where an update
//! without `GRAPH` writes), `?graph=IRI` a named graph. GET (and HEAD)
//! always; PUT (replace), POST (merge) and DELETE only when the endpoint
//! allows updates. A body is parsed whole before the store is touched, and
//! written in one transaction, so a bad upload changes nothing.

use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNodeRef, Quad};
use oxigraph::store::Store;

use super::negotiate::formats;
use super::protocol::{content_type, decode_form, read_body, Failure};
use super::respond;

/// Largest graph accepted by PUT or POST, in bytes: uploads are data, so
/// far above the query limit, but still bounded.
pub(crate) const MAX_GRAPH_BYTES: u64 = 64 << 20;

/// Answers one Graph Store Protocol request.
pub(crate) fn handle(
    store: &Store,
    request: &mut Request<Body>,
    allow_update: bool,
) -> Result<Response<Body>, Failure> {
    let target = target(request.uri().query().unwrap_or_default())?;
    let method = request.method().clone();
    if matches!(method, Method::PUT | Method::POST | Method::DELETE) && !allow_update {
        return Err((
            StatusCode::FORBIDDEN,
            "this endpoint is read-only (start it with --allow-update)".into(),
        ));
    }
    match method {
        Method::GET | Method::HEAD => {
            let mut r = get(store, &target, request)?;
            if method == Method::HEAD {
                *r.body_mut() = Body::empty();
            }
            Ok(r)
        }
        Method::PUT | Method::POST => {
            let quads = parse_body(request, &target)?;
            write(store, &target, &quads, method == Method::PUT)
        }
        Method::DELETE => delete(store, &target),
        other => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{other} is not allowed on /store"),
        )),
    }
}

/// `?default` or `?graph=IRI`, exactly one of them.
fn target(query: &str) -> Result<GraphName, Failure> {
    let params = decode_form(query)?;
    let default = params.iter().any(|(k, _)| k == "default");
    let graphs: Vec<&str> = params
        .iter()
        .filter(|(k, _)| k == "graph")
        .map(|(_, v)| v.as_str())
        .collect();
    match (default, graphs.as_slice()) {
        (true, []) => Ok(GraphName::DefaultGraph),
        (false, [iri]) => NamedNode::new(*iri).map(GraphName::NamedNode).map_err(|e| {
            (
                StatusCode::BAD_REQUEST,
                format!("bad graph IRI '{iri}': {e}"),
            )
        }),
        _ => Err((
            StatusCode::BAD_REQUEST,
            "say which graph: ?default or ?graph=IRI (one of them, once)".into(),
        )),
    }
}

fn exists(store: &Store, target: &GraphName) -> Result<bool, Failure> {
    match target {
        GraphName::DefaultGraph => Ok(true),
        GraphName::NamedNode(n) => store
            .contains_named_graph(NamedOrBlankNodeRef::NamedNode(n.as_ref()))
            .map_err(internal),
        GraphName::BlankNode(_) => Ok(false),
    }
}

fn get(
    store: &Store,
    target: &GraphName,
    request: &Request<Body>,
) -> Result<Response<Body>, Failure> {
    let format = formats::rdf(request)?;
    if !exists(store, target)? {
        return Err((StatusCode::NOT_FOUND, format!("no graph {target}")));
    }
    let mut body = Vec::new();
    let mut ser = RdfSerializer::from_format(format).for_writer(&mut body);
    for q in store.quads_for_pattern(None, None, None, Some(target.as_ref())) {
        ser.serialize_triple(q.map_err(internal)?.as_ref())
            .map_err(internal)?;
    }
    ser.finish().map_err(internal)?;
    Ok(respond(StatusCode::OK, format.media_type(), body))
}

/// The body's triples, placed in `target`; 415 for a syntax we do not
/// read, 400 (naming line and column) for a body that does not parse.
fn parse_body(request: &mut Request<Body>, target: &GraphName) -> Result<Vec<Quad>, Failure> {
    let essence = content_type(request);
    // Dataset syntaxes are fine as long as they name no graph: the
    // parser refuses one below, as the target graph is the URL's.
    let format = RdfFormat::from_media_type(&essence).ok_or_else(|| {
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "Content-Type '{essence}' is not a graph syntax: send text/turtle, \
                     application/n-triples, application/rdf+xml or application/ld+json"
            ),
        )
    })?;
    let body = read_body(request.body_mut(), MAX_GRAPH_BYTES)?;
    let mut parser = RdfParser::from_format(format).without_named_graphs();
    if let GraphName::NamedNode(n) = target {
        // Relative IRIs in the upload resolve against the graph's name.
        parser = parser
            .with_base_iri(n.as_str())
            .map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    }
    parser
        .for_slice(&body)
        .map(|q| {
            q.map(|q| Quad::new(q.subject, q.predicate, q.object, target.clone()))
                .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad {format} body: {e}")))
        })
        .collect()
}

/// PUT (`replace`) or POST: one transaction; 201 when the graph is new.
fn write(
    store: &Store,
    target: &GraphName,
    quads: &[Quad],
    replace: bool,
) -> Result<Response<Body>, Failure> {
    let existed = match target {
        GraphName::DefaultGraph => true,
        _ => exists(store, target)?,
    };
    let mut t = store.start_transaction().map_err(internal)?;
    if let GraphName::NamedNode(n) = target {
        t.insert_named_graph(NamedOrBlankNodeRef::NamedNode(n.as_ref()));
    }
    if replace {
        t.clear_graph(target.as_ref()).map_err(internal)?;
    }
    for q in quads {
        t.insert(q);
    }
    t.commit().map_err(internal)?;
    Ok(empty(if existed {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::CREATED
    }))
}

fn delete(store: &Store, target: &GraphName) -> Result<Response<Body>, Failure> {
    if !exists(store, target)? {
        return Err((StatusCode::NOT_FOUND, format!("no graph {target}")));
    }
    match target {
        GraphName::NamedNode(n) => store
            .remove_named_graph(NamedOrBlankNodeRef::NamedNode(n.as_ref()))
            .map_err(internal)?,
        _ => store
            .clear_graph(GraphNameRef::DefaultGraph)
            .map_err(internal)?,
    }
    Ok(empty(StatusCode::NO_CONTENT))
}

fn empty(status: StatusCode) -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status;
    r
}

fn internal(e: impl std::fmt::Display) -> Failure {
    (StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_is_one_graph() {
        assert_eq!(target("default").unwrap(), GraphName::DefaultGraph);
        assert_eq!(
            target("graph=http%3A%2F%2Fe%2Fg").unwrap(),
            GraphName::NamedNode(NamedNode::new_unchecked("http://e/g"))
        );
        for bad in [
            "",
            "default&graph=http://e/g",
            "graph=a&graph=b",
            "graph=no iri",
        ] {
            assert_eq!(target(bad).unwrap_err().0, StatusCode::BAD_REQUEST, "{bad}");
        }
    }
}
