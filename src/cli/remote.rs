//! `eventline ingest --server URL`: each input sent whole to a running
//! `eventline serve --allow-update` (`POST /ingest`), which extracts and
//! stores it; the SPARQL client of `eventline link --endpoint URL` and
//! the Reconciliation API client of `eventline link --reconcile URL`.
//! A plain HTTP/1.1 exchange over one loopback-or-LAN socket: the servers
//! are eventline's own or a local mirror, so a few dozen lines of protocol
//! spare the build an HTTP client stack (and TLS) it would use for nothing
//! else.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use eventline::{collect_inputs, read_small, Input};

use super::args::IngestArgs;
use super::exit;

/// Largest input sent: the server's bound on a request body.
const MAX_SEND_BYTES: usize = 64 << 20;
/// Largest answer read back: a summary, never a document.
const MAX_ANSWER_BYTES: u64 = 1 << 20;

/// Where the server listens: `host:port` and the path prefix.
pub(super) struct Server {
    authority: String,
    prefix: String,
}

/// `flag` names the option the URL came from, for the messages.
pub(super) fn parse_url(flag: &str, url: &str) -> Result<Server> {
    let Some(rest) = url.strip_prefix("http://") else {
        bail!("{flag} {url}: give an http:// URL, such as http://127.0.0.1:7878 (https is not supported)");
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.is_empty() {
        bail!("{flag} {url}: no host");
    }
    let authority = if authority.contains(':') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    Ok(Server {
        authority,
        prefix: path.trim_end_matches('/').to_string(),
    })
}

pub(super) fn ingest(a: &IngestArgs, url: &str) -> Result<u8> {
    let server = parse_url("--server", url)?;
    let (inputs, problems) = collect_inputs(&a.input.paths);
    let mut skipped: Vec<String> = problems.iter().map(ToString::to_string).collect();
    if inputs.is_empty() {
        for p in &skipped {
            eprintln!("error: {p}");
        }
        bail!("nothing to ingest");
    }
    let mut totals = [0u64; 4];
    for input in &inputs {
        let path = match input {
            Input::File(p) => p.clone(),
            Input::Stdin => "-".into(),
        };
        let name = path.display().to_string();
        let bytes = match read_small(&path, MAX_SEND_BYTES) {
            Ok(b) => b,
            Err(e) => {
                skipped.push(e.to_string());
                continue;
            }
        };
        let mut target = format!("{}/ingest?name={}", server.prefix, encode(&name));
        if let Some(d) = a.input.date {
            target.push_str(&format!("&date={d}"));
        }
        let (status, body) = post(
            &server,
            &target,
            "application/octet-stream",
            "*/*",
            &bytes,
            MAX_ANSWER_BYTES,
        )
        .with_context(|| format!("{name}: sending it to {url} failed"))?;
        let body = String::from_utf8_lossy(&body);
        match status {
            200 => {
                let v: serde_json::Value = serde_json::from_str(&body)
                    .with_context(|| format!("{name}: the server's answer is not JSON: {body}"))?;
                for (i, k) in ["added", "replaced", "unchanged", "mentions"]
                    .iter()
                    .enumerate()
                {
                    totals[i] += v[k].as_u64().unwrap_or(0);
                }
                for list in ["warnings", "skipped"] {
                    for m in v[list].as_array().into_iter().flatten() {
                        let m = m.as_str().unwrap_or_default();
                        if list == "skipped" {
                            skipped.push(m.to_string());
                        } else if !a.quiet {
                            eprintln!("warning: {m}");
                        }
                    }
                }
            }
            // The server read the input and refused it: a skipped input.
            400 | 413 => skipped.push(body.trim().to_string()),
            _ => bail!("{name}: {url} answered {status}: {}", body.trim()),
        }
    }
    for p in &skipped {
        eprintln!("skipped: {p}");
    }
    if !a.quiet {
        eprintln!(
            "sent {} input(s) to {url}: {} added, {} replaced, {} unchanged; {} event mention(s); {} input(s) skipped",
            inputs.len(),
            totals[0],
            totals[1],
            totals[2],
            totals[3],
            skipped.len()
        );
    }
    Ok(if a.strict && !skipped.is_empty() {
        exit::SKIPPED
    } else {
        exit::OK
    })
}

/// One POST over a fresh connection, the answer read up to `limit`
/// bytes; the status and the body (de-chunked).
fn post(
    server: &Server,
    target: &str,
    content_type: &str,
    accept: &str,
    body: &[u8],
    limit: u64,
) -> Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(&server.authority)
        .with_context(|| format!("cannot connect to {}", server.authority))?;
    // Extraction and derivation of a big JSON Lines file take a while.
    s.set_read_timeout(Some(Duration::from_secs(600)))?;
    write!(
        s,
        "POST {target} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\n\
         Accept: {accept}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.authority,
        body.len()
    )?;
    s.write_all(body)?;
    let mut answer = Vec::new();
    s.take(limit).read_to_end(&mut answer)?;
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(answer.len());
    let head = String::from_utf8_lossy(&answer[..split]).to_string();
    let body = answer.get(split + 4..).unwrap_or_default();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .with_context(|| format!("not an HTTP answer: {head}"))?;
    let chunked = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    Ok((
        status,
        if chunked {
            dechunk(body)?
        } else {
            body.to_vec()
        },
    ))
}

/// The body of a chunked answer (other servers than ours send one).
fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("a chunked answer cut short")?;
        let size = std::str::from_utf8(&raw[..line_end])
            .ok()
            .and_then(|l| usize::from_str_radix(l.split(';').next()?.trim(), 16).ok())
            .context("a chunked answer with a bad chunk size")?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        let chunk = raw
            .get(..size)
            .context("a chunked answer cut short (or past the size read)")?;
        body.extend_from_slice(chunk);
        raw = raw.get(size + 2..).unwrap_or_default();
    }
}

/// Largest SPARQL answer read: candidates for one name, never a dump.
const MAX_SPARQL_ANSWER_BYTES: u64 = 16 << 20;

/// A SPARQL endpoint spoken to with the SPARQL 1.1 Protocol (a direct
/// POST), answers asked for as SPARQL JSON.
pub(super) struct SparqlEndpoint {
    pub(super) server: Server,
}

impl eventline::link::SparqlClient for SparqlEndpoint {
    fn select_json(
        &self,
        query: &str,
    ) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
        let target = if self.server.prefix.is_empty() {
            "/"
        } else {
            &self.server.prefix
        };
        let (status, body) = post(
            &self.server,
            target,
            "application/sparql-query",
            "application/sparql-results+json",
            query.as_bytes(),
            MAX_SPARQL_ANSWER_BYTES,
        )?;
        if status != 200 {
            let text = String::from_utf8_lossy(&body);
            return Err(format!("answered {status}: {}", text.trim()).into());
        }
        Ok(body)
    }
}

/// A Reconciliation Service API: each batch a form POST of `queries`,
/// the answer JSON.
pub(super) struct ReconcileService {
    pub(super) server: Server,
}

impl eventline::link::ReconcileClient for ReconcileService {
    fn reconcile(
        &self,
        queries: &str,
    ) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
        let target = if self.server.prefix.is_empty() {
            "/"
        } else {
            &self.server.prefix
        };
        let form = format!("queries={}", encode(queries));
        let (status, body) = post(
            &self.server,
            target,
            "application/x-www-form-urlencoded",
            "application/json",
            form.as_bytes(),
            MAX_SPARQL_ANSWER_BYTES,
        )?;
        if status != 200 {
            let text = String::from_utf8_lossy(&body);
            return Err(format!("answered {status}: {}", text.trim()).into());
        }
        Ok(body)
    }
}

/// Percent-encodes a query-string value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
