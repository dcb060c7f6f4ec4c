//! `eventline push --gsp URL`: the store's named graphs sent to a SPARQL
//! 1.1 Graph Store Protocol endpoint (Virtuoso, Fuseki, another `eventline
//! serve --allow-update`), one graph at a time as `?graph=IRI` documents,
//! with a progress bar of triples. The HTTP side: `remote::request`, and
//! `eventline::push::auth` for servers that want a user.

use std::time::Instant;

use anyhow::{Context, Result};
use eventline::push::auth::{authorization, parse_challenge, Credentials, Scheme};
use eventline::push::{GraphStore, PushOptions, Request, Syntax};

use super::args::{PushArgs, PushFormat};
use super::progress::Progress;
use super::remote::{encode, parse_url, request, Answer, Server};
use super::{exit, open_store};

/// Largest answer read back: a status page, never a graph.
const MAX_ANSWER_BYTES: u64 = 1 << 20;

pub(super) fn run(a: PushArgs) -> Result<u8> {
    let server = parse_url("--gsp", &a.gsp)?;
    let credentials = match (a.user, a.password) {
        (Some(user), Some(password)) => Some(Credentials { user, password }),
        (None, None) => None,
        _ => anyhow::bail!("give both --user and --password, or neither"),
    };
    let store = open_store(&a.store)?;
    let chosen = (!a.graph.is_empty()).then_some(a.graph.as_slice());
    let plan = eventline::push::plan(&store, chosen)
        .with_context(|| format!("{}: choosing the graphs to push", a.store.store.display()))?;
    let total: u64 = plan.iter().map(|(_, n)| n).sum();
    let progress = Progress::counting(total, "triples", a.quiet);
    let mut client = GspClient {
        server,
        url: a.gsp.clone(),
        credentials,
        scheme: None,
        nc: 0,
    };
    let opts = PushOptions {
        graphs: None,
        batch: a.batch,
        replace: a.replace,
        syntax: match a.format {
            PushFormat::Ntriples => Syntax::NTriples,
            PushFormat::Turtle => Syntax::Turtle,
        },
    };
    let started = Instant::now();
    let bar = progress.bar().clone();
    let done = eventline::push::push(&store, &plan, &mut client, &opts, &mut |r| {
        bar.inc(r.triples as u64);
    })
    .with_context(|| format!("pushing {} to {}", a.store.store.display(), a.gsp))?;
    progress.finish();
    if !a.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "pushed {} graph(s), {} triples in {} request(s) ({:.1} MB) to {} in {secs:.2} s: {:.0} triples/s",
            done.graphs,
            done.triples,
            done.requests,
            done.bytes as f64 / 1e6,
            a.gsp,
            done.triples as f64 / secs.max(1e-3)
        );
    }
    Ok(exit::OK)
}

/// A Graph Store Protocol endpoint over plain HTTP/1.1.
struct GspClient {
    server: Server,
    url: String,
    credentials: Option<Credentials>,
    /// What the server's challenge asked for, once it has challenged.
    scheme: Option<Scheme>,
    /// Requests made with the current Digest nonce.
    nc: u32,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl GspClient {
    fn attempt(&mut self, r: &Request<'_>, target: &str) -> Result<Answer, BoxError> {
        let mut headers = vec![("Content-Type", r.content_type), ("Accept", "*/*")];
        let auth;
        if let (Some(scheme), Some(creds)) = (&self.scheme, &self.credentials) {
            self.nc += 1;
            auth = authorization(scheme, creds, r.method.as_str(), target, self.nc);
            headers.push(("Authorization", auth.as_str()));
        }
        let answer = request(
            &self.server,
            r.method.as_str(),
            target,
            &headers,
            r.body,
            MAX_ANSWER_BYTES,
        )
        .map_err(|e| format!("{e:#}"))?;
        Ok(answer)
    }
}

impl GraphStore for GspClient {
    fn send(&mut self, r: &Request<'_>) -> Result<(), BoxError> {
        let prefix = if self.server.prefix.is_empty() {
            "/"
        } else {
            self.server.prefix.as_str()
        };
        let target = format!("{prefix}?graph={}", encode(r.graph));
        let mut answer = self.attempt(r, &target)?;
        // The authentication handshake, not a retry: a server that wants a
        // user answers 401 with its challenge (the first request, or when
        // a Digest nonce has gone stale), and the request is made once
        // more with the answer to it. A second 401 is final.
        if answer.status == 401 && self.credentials.is_some() {
            let challenge = answer.header("www-authenticate").map(str::to_string);
            let scheme = match challenge.as_deref().map(parse_challenge) {
                Some(Some(s)) => s,
                Some(None) => {
                    return Err(format!(
                        "{} answered 401 asking for authentication this client does not speak: {}",
                        self.url,
                        challenge.unwrap_or_default()
                    )
                    .into())
                }
                None => Scheme::Basic,
            };
            let stale = matches!(&scheme, Scheme::Digest(c) if c.stale);
            if self.scheme.is_none() || stale || self.scheme.as_ref() != Some(&scheme) {
                self.scheme = Some(scheme);
                self.nc = 0;
                answer = self.attempt(r, &target)?;
            }
        }
        match answer.status {
            200..=299 => Ok(()),
            401 => {
                let why = match &self.credentials {
                    Some(c) => format!("the server refused user {:?} and its password", c.user),
                    None => format!(
                        "it asks for a user ({}): give --user and --password",
                        answer.header("www-authenticate").unwrap_or("no challenge")
                    ),
                };
                Err(format!("{} answered 401 Unauthorized: {why}", self.url).into())
            }
            status => Err(format!(
                "http://{}{target} answered {status}: {}",
                self.server.authority,
                answer.body_text()
            )
            .into()),
        }
    }
}
