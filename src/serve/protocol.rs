//! What a SPARQL 1.1 Protocol request asks for: the operation text and
//! its dataset, from a URL's query string, a direct POST body or an HTML
//! form (§2.1 query, §2.2 update).

use std::io::Read;

use oxhttp::model::header::CONTENT_TYPE;
use oxhttp::model::{Body, Method, Request, StatusCode};

/// Largest request body read, in bytes: queries are text, not uploads.
pub(crate) const MAX_BODY_BYTES: u64 = 1 << 20;

/// A protocol failure: the status and a message for the client.
pub(crate) type Failure = (StatusCode, String);

/// The operation and its dataset, as the client sent them.
#[derive(Debug, Default)]
pub(crate) struct Operation {
    /// The query or update text; `None` on a bare GET (service description).
    pub(crate) text: Option<String>,
    pub(crate) default_graphs: Vec<String>,
    pub(crate) named_graphs: Vec<String>,
}

/// Reads an operation whose text parameter is `field` (`query` or
/// `update`) and whose direct POST media type is `direct`.
pub(crate) fn read(
    request: &mut Request<Body>,
    field: &str,
    direct: &str,
) -> Result<Operation, Failure> {
    let url_params = decode_form(request.uri().query().unwrap_or_default())?;
    match *request.method() {
        // Updates are never GET: §2.2 allows only POST.
        Method::GET | Method::HEAD if field == "query" => Ok(collect(url_params, field)),
        Method::POST => {
            let essence = content_type(request);
            let body = read_body(request.body_mut(), MAX_BODY_BYTES)?;
            if essence == direct {
                let text = String::from_utf8(body)
                    .map_err(|_| (StatusCode::BAD_REQUEST, "the body is not UTF-8".to_string()))?;
                let mut op = collect(url_params, field);
                op.text = Some(text);
                Ok(op)
            } else if essence == "application/x-www-form-urlencoded" {
                let body = std::str::from_utf8(&body)
                    .map_err(|_| (StatusCode::BAD_REQUEST, "the form is not UTF-8".to_string()))?;
                let mut params = decode_form(body)?;
                // Dataset parameters may come in the URL of a form POST too.
                params.extend(url_params.into_iter().filter(|(k, _)| k != field));
                Ok(collect(params, field))
            } else {
                Err((
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "Content-Type '{essence}' is not supported: send {direct} or \
                         application/x-www-form-urlencoded"
                    ),
                ))
            }
        }
        _ => Err((
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{} is not allowed here", request.method()),
        )),
    }
}

/// The Content-Type without parameters, lowercased ("" when absent).
pub(crate) fn content_type(request: &Request<Body>) -> String {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The body, refused with 413 past `limit` bytes (read at most one more).
pub(crate) fn read_body(body: &mut Body, limit: u64) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    body.take(limit + 1).read_to_end(&mut buf).map_err(|e| {
        (
            StatusCode::BAD_REQUEST,
            format!("cannot read the body: {e}"),
        )
    })?;
    if buf.len() as u64 > limit {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over {limit} bytes"),
        ));
    }
    Ok(buf)
}

fn collect(params: Vec<(String, String)>, field: &str) -> Operation {
    let mut op = Operation::default();
    for (k, v) in params {
        match k.as_str() {
            k if k == field => op.text = Some(v),
            "default-graph-uri" | "using-graph-uri" => op.default_graphs.push(v),
            "named-graph-uri" | "using-named-graph-uri" => op.named_graphs.push(v),
            _ => {}
        }
    }
    op
}

/// `application/x-www-form-urlencoded` pairs (also a URL's query string).
pub(crate) fn decode_form(s: &str) -> Result<Vec<(String, String)>, Failure> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn percent_decode(s: &str) -> Result<String, Failure> {
    let bad = || {
        (
            StatusCode::BAD_REQUEST,
            format!("bad percent-encoding in '{s}'"),
        )
    };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
                let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent() {
        let p = decode_form("query=SELECT+*+%7B%3Fs+%3Fp+%3Fo%7D&x").unwrap();
        assert_eq!(p[0], ("query".into(), "SELECT * {?s ?p ?o}".into()));
        assert_eq!(p[1], ("x".into(), String::new()));
        assert!(decode_form("query=%zz").is_err());
        assert!(decode_form("query=%4").is_err());
        assert!(decode_form("query=%FF").is_err());
    }
}
