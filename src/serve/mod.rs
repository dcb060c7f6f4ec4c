//! `eventline serve`: the store over the SPARQL 1.1 Protocol, on
//! oxigraph's own pieces (its parsers, evaluator, result and RDF
//! serializers, media types) and `oxhttp`'s thread-per-connection server.
//!
//! Routes: `/query` (GET `?query=`, POST direct or form; a bare GET is the
//! service description), `/update` (POST, refused with 403 unless the
//! endpoint allows updates) and `/store` (the Graph Store Protocol,
//! `graphs`; writes likewise refused unless allowed) and `/ingest` (POST an
//! article file, `ingest`; only when allowed and given an
//! [`IngestConfig`]). The default graph is the union of all graphs,
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

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub use ingest::IngestConfig;
use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    CONTENT_TYPE,
};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
pub use oxhttp::ListeningServer;

use crate::federate::LocalWikidata;
use crate::EventStore;
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
}

impl Endpoint {
    #[must_use]
    pub fn new(store: Arc<EventStore>, options: ServeOptions) -> Self {
        Endpoint {
            store,
            options,
            ingest: None,
            wikidata: Arc::default(),
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
        match request.uri().path() {
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
            other => Err((StatusCode::NOT_FOUND, format!("no such route: {other}"))),
        }
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
