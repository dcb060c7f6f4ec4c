//! `/reconcile`: the W3C Entity Reconciliation Service API (version 0.2,
//! what OpenRefine speaks) over the store's actors, read-only.
//!
//! A GET without `queries` is the manifest; `queries={"q0":{...}}` by GET
//! or a form POST is a batch, answered `{"q0":{"result":[...]}}`. A
//! `callback` wraps either in JSONP (OpenRefine's GETs). `index` reads the
//! actors from the store, once per version of it; `answer` matches,
//! filters and scores. `/actor?iri=` (the manifest's view) opens the
//! timeline of an actor on the web page.

mod answer;
mod index;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use oxhttp::model::header::{HOST, LOCATION};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use serde_json::{json, Value};

use super::protocol::{self, Failure};
use super::respond;
use crate::EventStore;
use index::Index;

/// The actors' index, rebuilt when the store has changed since it was
/// built: the endpoint counts its own writes (`touch`), and it is the
/// only process that can write the store while it runs.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    writes: AtomicU64,
    index: Mutex<Option<(u64, Arc<Index>)>>,
}

impl Cache {
    /// Marks the store changed; call after a write ends.
    pub(crate) fn touch(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }

    fn index(&self, store: &EventStore) -> Result<Arc<Index>, Failure> {
        let version = self.writes.load(Ordering::SeqCst);
        let mut guard = self
            .index
            .lock()
            .map_err(|_| internal("the actors' index was poisoned"))?;
        if let Some((v, index)) = guard.as_ref() {
            if *v == version {
                return Ok(index.clone());
            }
        }
        let index = Arc::new(Index::load(store).map_err(|e| internal(&e.to_string()))?);
        *guard = Some((version, index.clone()));
        Ok(index)
    }
}

/// Longest JSONP callback name accepted.
const MAX_CALLBACK: usize = 64;

pub(crate) fn handle(
    store: &EventStore,
    cache: &Cache,
    request: &mut Request<Body>,
) -> Result<Response<Body>, Failure> {
    let mut params = protocol::decode_form(request.uri().query().unwrap_or_default())?;
    match *request.method() {
        Method::GET | Method::HEAD => {}
        Method::POST => {
            let essence = protocol::content_type(request);
            if essence != "application/x-www-form-urlencoded" {
                return Err(json_error(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    &format!(
                        "Content-Type '{essence}' is not supported: send a form \
                         (application/x-www-form-urlencoded) with 'queries'"
                    ),
                ));
            }
            let body = protocol::read_body(request.body_mut(), protocol::MAX_BODY_BYTES)?;
            let body = std::str::from_utf8(&body)
                .map_err(|_| json_error(StatusCode::BAD_REQUEST, "the form is not UTF-8"))?;
            params.extend(protocol::decode_form(body)?);
        }
        _ => {
            return Err((
                StatusCode::METHOD_NOT_ALLOWED,
                format!("{} is not allowed on /reconcile", request.method()),
            ))
        }
    }
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let callback = param("callback").map(checked_callback).transpose()?;
    let body = match param("queries") {
        Some(payload) => {
            let queries =
                answer::parse(payload).map_err(|m| json_error(StatusCode::BAD_REQUEST, &m))?;
            let index = cache.index(store)?;
            answer::answer(&index, &queries)
        }
        None if param("query").is_some() => {
            return Err(json_error(
                StatusCode::BAD_REQUEST,
                "send 'queries' (a JSON object of named queries), not 'query'",
            ))
        }
        None => manifest(request),
    };
    Ok(json_response(StatusCode::OK, &body, callback))
}

/// The service manifest (specification 0.2).
fn manifest(request: &Request<Body>) -> Value {
    json!({
        "versions": ["0.2"],
        "name": "eventline actors",
        "identifierSpace": "https://w3id.org/eventline/id/",
        "schemaSpace": "https://w3id.org/eventline/ontology#",
        "defaultTypes": answer::default_types(),
        "view": { "url": format!("http://{}/actor?iri={{{{id}}}}", host(request)) },
        "batchSize": answer::MAX_QUERIES,
    })
}

/// The Host the client used, when it is a plain host and port; else the
/// default address (the value goes into URLs given back).
fn host(request: &Request<Body>) -> String {
    request
        .headers()
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("127.0.0.1:7878")
        .to_string()
}

/// A JSONP callback name: a JavaScript identifier path, nothing a page
/// could be made to run.
fn checked_callback(name: &str) -> Result<String, Failure> {
    let ok = !name.is_empty()
        && name.len() <= MAX_CALLBACK
        && !name.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && !name.ends_with('.')
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.');
    if ok {
        Ok(name.to_string())
    } else {
        Err(json_error(
            StatusCode::BAD_REQUEST,
            "'callback' must be a JavaScript name (letters, digits, _ $ and dots), \
             at most 64 characters",
        ))
    }
}

/// JSON, or JSONP when there is a callback. The two line separators JSON
/// allows in strings and JavaScript does not are escaped either way.
fn json_response(status: StatusCode, body: &Value, callback: Option<String>) -> Response<Body> {
    let text = body
        .to_string()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    match callback {
        Some(cb) => respond(
            status,
            "application/javascript; charset=utf-8",
            format!("/**/{cb}({text});").into_bytes(),
        ),
        None => respond(status, "application/json", text.into_bytes()),
    }
}

/// A failure whose message is JSON (`{"error": …}`), as clients of this
/// API parse answers.
fn json_error(status: StatusCode, message: &str) -> Failure {
    (status, json!({ "error": message }).to_string())
}

fn internal(message: &str) -> Failure {
    (StatusCode::INTERNAL_SERVER_ERROR, message.to_string())
}

/// Turns a failure of this module into its response: JSON when the
/// message is a JSON error, else plain text like the other routes.
pub(crate) fn failure_response((status, message): Failure) -> Response<Body> {
    if message.starts_with("{\"error\"") {
        respond(status, "application/json", message.into_bytes())
    } else {
        super::plain(status, message)
    }
}

/// `/actor?iri=`: the manifest's view of a candidate, the web page's
/// timeline filtered to the actor's name.
pub(crate) fn view(
    store: &EventStore,
    cache: &Cache,
    request: &Request<Body>,
) -> Result<Response<Body>, Failure> {
    let pairs = protocol::decode_form(request.uri().query().unwrap_or_default())?;
    let iri = pairs
        .iter()
        .find(|(k, _)| k == "iri")
        .map(|(_, v)| v.as_str())
        .ok_or_else(|| (StatusCode::BAD_REQUEST, "no 'iri' parameter".to_string()))?;
    let index = cache.index(store)?;
    let label = index
        .get(iri)
        .and_then(|e| e.label.clone())
        .ok_or_else(|| (StatusCode::NOT_FOUND, format!("no actor {iri}")))?;
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    let location = format!("/?actor={}", crate::web::url_encode(&label));
    r.headers_mut().insert(
        LOCATION,
        HeaderValue::from_str(&location).map_err(|e| internal(&e.to_string()))?,
    );
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callbacks_are_javascript_names_only() {
        for ok in ["cb", "jQuery3310_1.x", "$._cb2"] {
            assert!(checked_callback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1cb",
            "a(b)",
            "a;b",
            "a..b",
            ".a",
            "a.",
            "a b",
            &"x".repeat(65),
        ] {
            assert!(checked_callback(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jsonp_escapes_the_separators_javascript_refuses() {
        let r = json_response(
            StatusCode::OK,
            &json!({"n": "a\u{2028}b"}),
            Some("cb".into()),
        );
        let body = r.into_body().to_string().unwrap();
        assert_eq!(body, "/**/cb({\"n\":\"a\\u2028b\"});");
    }
}
