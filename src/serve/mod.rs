//! `eventline serve`: the store over the SPARQL 1.1 Protocol, on
//! oxigraph's own pieces (its parsers, evaluator, result and RDF
//! serializers, media types) and `oxhttp`'s thread-per-connection server.
//!
//! Routes: `/query` (GET `?query=`, POST direct or form; a bare GET is the
//! service description), `/update` (POST, refused with 403 unless the
//! endpoint allows updates) and `/store` (the Graph Store Protocol,
//! `graphs`; writes likewise refused unless allowed) and `/ingest` (POST an
//! article file, `ingest`; only when allowed and given an
//! [`IngestConfig`]). `/reconcile` is the Reconciliation Service API over
//! the store's actors and `/actor` its view (`reconcile`). `/`, `/event`
//! and `/download` are the web page for people (`crate::web`). The default graph is the union of all graphs,
//! as for `eventline query`, unless the request names its dataset.
//! [`Endpoint::handle`] is the whole server as a function, so tests need
//! no socket; [`Endpoint::spawn`] puts it on one. This module never prints
//! but for `oxhttp`'s own socket errors; the binary says where it listens.

mod describe;
mod execute;
mod graphs;
mod ingest;
mod negotiate;
mod protocol;
mod reconcile;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub use ingest::IngestConfig;
use oxhttp::model::header::{
    ACCEPT, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_DISPOSITION, CONTENT_TYPE,
};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
pub use oxhttp::ListeningServer;
use oxigraph::model::NamedNode;

use crate::federate::LocalWikidata;
use crate::{web, EventStore};
use protocol::Failure;

/// How the endpoint behaves; the default is read-only, no CORS, no timeout.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// Answer cross-origin requests (`Access-Control-Allow-Origin: *`).
    pub cors: bool,
    /// Accept SPARQL updates on `/update`.
    pub allow_update: bool,
    /// Cancel a query still running after this long (503).
    pub timeout: Option<Duration>,
}

/// The SPARQL endpoint over one store, shared by every connection's
/// thread: oxigraph's store takes any number of concurrent readers.
#[derive(Debug, Clone)]
pub struct Endpoint {
    store: Arc<EventStore>,
    options: ServeOptions,
    ingest: Option<IngestConfig>,
    /// The offline Wikidata, built at the first SERVICE query.
    wikidata: Arc<OnceLock<LocalWikidata>>,
    /// The actors `/reconcile` answers with, rebuilt after writes.
    actors: Arc<reconcile::Cache>,
}

impl Endpoint {
    #[must_use]
    pub fn new(store: Arc<EventStore>, options: ServeOptions) -> Self {
        Endpoint {
            store,
            options,
            ingest: None,
            wikidata: Arc::default(),
            actors: Arc::default(),
        }
    }

    /// Accepts articles on `POST /ingest` (when updates are allowed).
    #[must_use]
    pub fn with_ingest(mut self, config: IngestConfig) -> Self {
        self.ingest = Some(config);
        self
    }

    /// Answers one request.
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        if self.options.cors && request.method() == Method::OPTIONS {
            return self.with_cors(preflight());
        }
        let response = self
            .route(request)
            .unwrap_or_else(|(status, message)| plain(status, message));
        self.with_cors(response)
    }

    fn route(&self, request: &mut Request<Body>) -> Result<Response<Body>, Failure> {
        let path = request.uri().path().to_string();
        let writes = match path.as_str() {
            "/update" | "/ingest" => true,
            "/store" => !matches!(*request.method(), Method::GET | Method::HEAD),
            _ => false,
        };
        let response = self.dispatch(&path, request);
        if writes {
            // After the write, so no index is built from a store about to
            // change and then kept as current.
            self.actors.touch();
        }
        response
    }

    fn dispatch(&self, path: &str, request: &mut Request<Body>) -> Result<Response<Body>, Failure> {
        match path {
            "/query" => {
                let op = protocol::read(request, "query", "application/sparql-query")?;
                match op.text {
                    Some(ref text) => execute::query(
                        &self.store,
                        &self.wikidata,
                        text,
                        &op,
                        request,
                        &self.options,
                    ),
                    None => describe::service(request, self.options.allow_update),
                }
            }
            "/update" => {
                self.writable()?;
                let op = protocol::read(request, "update", "application/sparql-update")?;
                let text = op.text.as_deref().ok_or_else(|| {
                    (StatusCode::BAD_REQUEST, "no 'update' parameter".to_string())
                })?;
                execute::update(&self.store, text, &op)
            }
            "/store" => graphs::handle(self.store.oxigraph(), request, self.options.allow_update),
            "/ingest" => {
                if request.method() != Method::POST {
                    return Err((
                        StatusCode::METHOD_NOT_ALLOWED,
                        "POST an article file to /ingest?name=FILE".into(),
                    ));
                }
                self.writable()?;
                let config = self.ingest.as_ref().ok_or_else(|| {
                    (
                        StatusCode::NOT_IMPLEMENTED,
                        "this endpoint was started without an ingester".to_string(),
                    )
                })?;
                ingest::handle(&self.store, config, request)
            }
            "/reconcile" => Ok(reconcile::handle(&self.store, &self.actors, request)
                .unwrap_or_else(reconcile::failure_response)),
            "/actor" => {
                get_only(request)?;
                reconcile::view(&self.store, &self.actors, request)
            }
            "/" => self.index(request),
            "/event" => self.event(request),
            "/download" => self.download(request),
            other => Err((StatusCode::NOT_FOUND, format!("no such route: {other}"))),
        }
    }

    /// Runs a query of the web page as `/query` would (same timeout, same
    /// offline services), answered in `accept`.
    fn run_query(&self, text: &str, accept: &'static str) -> Result<Response<Body>, Failure> {
        let request = Request::builder()
            .header(ACCEPT, accept)
            .body(Body::empty())
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        execute::query(
            &self.store,
            &self.wikidata,
            text,
            &protocol::Operation::default(),
            &request,
            &self.options,
        )
    }

    fn index(&self, request: &Request<Body>) -> Result<Response<Body>, Failure> {
        get_only(request)?;
        let pairs = protocol::decode_form(request.uri().query().unwrap_or_default())?;
        let params = web::Params::parse(&pairs).map_err(|m| (StatusCode::BAD_REQUEST, m))?;
        let results = params.query.as_deref().map(|q| {
            let (status, body) = match self.run_query(q, "application/sparql-results+json") {
                Ok(r) => (r.status(), r.into_body().to_string().unwrap_or_default()),
                Err((status, message)) => (status, message),
            };
            if status == StatusCode::OK {
                serde_json::from_str(&body).map_err(|e| e.to_string())
            } else if body.is_empty() {
                Err(format!("the query answered {status}"))
            } else {
                // A graph (CONSTRUCT) has no table: say so rather than dump it.
                Err(body)
            }
        });
        let html = web::index_page(&self.store, &params, results).map_err(internal)?;
        Ok(respond(StatusCode::OK, HTML, html.into_bytes()))
    }

    fn event(&self, request: &Request<Body>) -> Result<Response<Body>, Failure> {
        get_only(request)?;
        let pairs = protocol::decode_form(request.uri().query().unwrap_or_default())?;
        let iri = pairs
            .iter()
            .find(|(k, _)| k == "iri")
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| (StatusCode::BAD_REQUEST, "no 'iri' parameter".to_string()))?;
        let iri = NamedNode::new(iri)
            .map_err(|e| (StatusCode::BAD_REQUEST, format!("bad IRI '{iri}': {e}")))?;
        match web::event_page(&self.store, &iri).map_err(internal)? {
            Some(html) => Ok(respond(StatusCode::OK, HTML, html.into_bytes())),
            None => Err((StatusCode::NOT_FOUND, format!("no event {iri}"))),
        }
    }

    fn download(&self, request: &Request<Body>) -> Result<Response<Body>, Failure> {
        get_only(request)?;
        let pairs = protocol::decode_form(request.uri().query().unwrap_or_default())?;
        let param = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let text = param("query")
            .ok_or_else(|| (StatusCode::BAD_REQUEST, "no 'query' parameter".to_string()))?;
        let (accept, file) = match param("format") {
            Some("csv") => ("text/csv", "results.csv"),
            Some("json") | None => ("application/sparql-results+json", "results.json"),
            Some(other) => {
                return Err((
                    StatusCode::BAD_REQUEST,
                    format!("unknown format '{other}': csv or json"),
                ))
            }
        };
        let mut r = self.run_query(text, accept)?;
        r.headers_mut().insert(
            CONTENT_DISPOSITION,
            HeaderValue::from_static(if file == "results.csv" {
                "attachment; filename=\"results.csv\""
            } else {
                "attachment; filename=\"results.json\""
            }),
        );
        Ok(r)
    }

    fn writable(&self) -> Result<(), Failure> {
        if self.options.allow_update {
            Ok(())
        } else {
            Err((
                StatusCode::FORBIDDEN,
                "this endpoint is read-only (start it with --allow-update)".into(),
            ))
        }
    }

    fn with_cors(&self, mut response: Response<Body>) -> Response<Body> {
        if self.options.cors {
            response
                .headers_mut()
                .insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
        response
    }

    /// Listens on `addrs` (one thread per connection, bounded) and returns
    /// at once; `join` the result to serve until the process ends.
    pub fn spawn(self, addrs: &[SocketAddr]) -> std::io::Result<ListeningServer> {
        let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        // The socket timeout only guards against stalled clients; a slow
        // query is the query timeout's business, so leave it room.
        let socket_timeout =
            self.options.timeout.unwrap_or(Duration::from_secs(60)) + Duration::from_secs(30);
        let mut server = oxhttp::Server::new(move |request| self.handle(request))
            .with_global_timeout(socket_timeout)
            .with_max_concurrent_connections(threads * 64);
        for addr in addrs {
            server = server.bind(*addr);
        }
        server.spawn()
    }
}

const HTML: &str = "text/html; charset=utf-8";

fn get_only(request: &Request<Body>) -> Result<(), Failure> {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        Ok(())
    } else {
        Err((
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{} is not allowed on this page", request.method()),
        ))
    }
}

fn internal(e: impl std::fmt::Display) -> Failure {
    (StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

fn preflight() -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    let h = r.headers_mut();
    h.insert(
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, HEAD, POST, PUT, DELETE, OPTIONS"),
    );
    h.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Accept, Content-Type"),
    );
    r
}

/// A response of `content_type` with `body`.
fn respond(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

/// An error for people: plain text, one line.
fn plain(status: StatusCode, message: String) -> Response<Body> {
    respond(
        status,
        "text/plain; charset=utf-8",
        format!("{message}\n").into_bytes(),
    )
}
