//! `eventline ingest --server URL`: each input sent whole to a running
//! `eventline serve --allow-update` (`POST /ingest`), which extracts and
//! stores it; the SPARQL client of `eventline link --endpoint URL` and
//! the Reconciliation API client of `eventline link --reconcile URL`.
//! A plain HTTP/1.1 exchange over one loopback-or-LAN socket: the servers
//! are eventline's own or a local mirror, so a few dozen lines of protocol
//! spare the build an HTTP client stack (and TLS) it would use for nothing
//! else.

use std::io::{BufRead, BufReader, Read, Write};
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
    pub(super) authority: String,
    pub(super) prefix: String,
}

impl Server {
    /// The request target of the URL's own path ("/" when it has none).
    pub(super) fn target(&self) -> &str {
        if self.prefix.is_empty() {
            "/"
        } else {
            &self.prefix
        }
    }
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
    let answer = request(
        server,
        "POST",
        target,
        &[("Content-Type", content_type), ("Accept", accept)],
        body,
        limit,
    )?;
    Ok((answer.status, answer.body))
}

/// An HTTP answer: status, header lines, body (de-chunked, at most the
/// limit asked for).
pub(super) struct Answer {
    pub(super) status: u16,
    head: String,
    pub(super) body: Vec<u8>,
}

impl Answer {
    /// The first value of a header, by case-insensitive name.
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    /// The body as text for a message, trimmed and cut short.
    pub(super) fn body_text(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let text = text.trim();
        match text.char_indices().nth(500) {
            Some((i, _)) => format!("{}…", &text[..i]),
            None => text.to_string(),
        }
    }
}

/// One request over a fresh connection (`Connection: close`); the answer
/// read by its `Content-Length` or chunks (servers such as Virtuoso keep
/// the connection open whatever the client says), at most `limit` bytes.
pub(super) fn request(
    server: &Server,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    limit: u64,
) -> Result<Answer> {
    let mut s = TcpStream::connect(&server.authority)
        .with_context(|| format!("cannot connect to {}", server.authority))?;
    // Extraction and derivation of a big JSON Lines file take a while, as
    // does a big graph loaded by another engine.
    s.set_read_timeout(Some(Duration::from_secs(600)))?;
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}\r\n",
        server.authority
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    s.flush()?;
    let mut r = BufReader::new(s);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if r.by_ref().take(64 << 10).read_line(&mut line)? == 0 || line.trim_end().is_empty() {
            if head.is_empty() && line.is_empty() {
                bail!("the server closed the connection without an answer");
            }
            break;
        }
        head.push_str(&line);
    }
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .with_context(|| format!("not an HTTP answer: {}", head.trim()))?;
    let mut answer = Answer {
        status,
        head,
        body: Vec::new(),
    };
    if method == "HEAD" || status == 204 || status == 304 || status < 200 {
        return Ok(answer);
    }
    let chunked = answer
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        answer.body = read_chunks(&mut r, limit)?;
    } else if let Some(n) = answer
        .header("content-length")
        .and_then(|v| v.parse::<u64>().ok())
    {
        r.take(n.min(limit)).read_to_end(&mut answer.body)?;
    } else {
        r.take(limit).read_to_end(&mut answer.body)?;
    }
    Ok(answer)
}

/// The body of a chunked answer (other servers than ours send one), read
/// chunk by chunk up to `limit` bytes.
fn read_chunks(r: &mut impl BufRead, limit: u64) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut line = String::new();
        r.by_ref().take(1024).read_line(&mut line)?;
        if line.is_empty() {
            bail!("a chunked answer cut short");
        }
        let size = u64::from_str_radix(line.split(';').next().unwrap_or("").trim(), 16)
            .context("a chunked answer with a bad chunk size")?;
        if size == 0 || body.len() as u64 >= limit {
            return Ok(body);
        }
        let room = limit - body.len() as u64;
        let got = r.by_ref().take(size.min(room)).read_to_end(&mut body)?;
        if (got as u64) < size.min(room) {
            bail!("a chunked answer cut short");
        }
        let mut crlf = String::new();
        r.by_ref().take(2).read_line(&mut crlf)?;
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
        post_for_answer(
            &self.server,
            "application/sparql-query",
            "application/sparql-results+json",
            query.as_bytes(),
        )
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
        let form = format!("queries={}", encode(queries));
        post_for_answer(
            &self.server,
            "application/x-www-form-urlencoded",
            "application/json",
            form.as_bytes(),
        )
    }
}

/// POSTs to the URL's own path and returns the body of a 200; any other
/// status is an error carrying the server's words.
fn post_for_answer(
    server: &Server,
    content_type: &str,
    accept: &str,
    body: &[u8],
) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
    let (status, answer) = post(
        server,
        server.target(),
        content_type,
        accept,
        body,
        MAX_SPARQL_ANSWER_BYTES,
    )?;
    if status != 200 {
        let text = String::from_utf8_lossy(&answer);
        return Err(format!("answered {status}: {}", text.trim()).into());
    }
    Ok(answer)
}

/// Percent-encodes a query-string value.
pub(super) fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
