//! `eventline serve`: the store as a SPARQL endpoint until the process is
//! stopped. Says where it listens, and warns when that is not loopback.

use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use eventline::serve::{Endpoint, IngestConfig, ServeOptions};
use eventline::{Gazetteer, DEFAULT_MAX_ARTICLE_BYTES};

use super::args::ServeArgs;
use super::{exit, open_store, today};

pub(super) fn run(a: ServeArgs) -> Result<u8> {
    let addrs: Vec<SocketAddr> = a
        .bind
        .to_socket_addrs()
        .with_context(|| format!("--bind {}: not an address to listen on", a.bind))?
        .collect();
    if addrs.is_empty() {
        bail!("--bind {}: resolves to no address", a.bind);
    }
    if !(a.timeout.is_finite() && a.timeout >= 0.0) {
        bail!(
            "--timeout {}: give a number of seconds, 0 for none",
            a.timeout
        );
    }
    let store = open_store(&a.store)?;
    // Ingesting needs the gazetteer, which the store holds too: load it
    // before listening, and finish what a killed ingest left.
    let ingest = if a.allow_update {
        Some(ingester(&a, &store)?)
    } else {
        None
    };
    let options = ServeOptions {
        cors: a.cors,
        allow_update: a.allow_update,
        timeout: (a.timeout > 0.0).then(|| Duration::from_secs_f64(a.timeout)),
    };
    for addr in addrs.iter().filter(|s| !s.ip().is_loopback()) {
        eprintln!(
            "warning: listening on {addr}, which other machines can reach{}",
            if a.allow_update {
                ", with updates allowed"
            } else {
                ""
            }
        );
    }
    let mut endpoint = Endpoint::new(Arc::new(store), options);
    if let Some(config) = ingest {
        endpoint = endpoint.with_ingest(config);
    }
    let server = endpoint
        .spawn(&addrs)
        .with_context(|| format!("cannot listen on {}", a.bind))?;
    let mode = if a.allow_update {
        "read-write"
    } else {
        "read-only"
    };
    for addr in &addrs {
        eprintln!("SPARQL endpoint ({mode}) at http://{addr}/query");
    }
    server.join().context("the server stopped")?;
    Ok(exit::OK)
}

fn ingester(a: &ServeArgs, store: &eventline::EventStore) -> Result<IngestConfig> {
    let sources = Gazetteer::sources(&a.gazetteer).context("reading the gazetteer")?;
    let gaz = Gazetteer::from_turtle(&sources).context("loading the gazetteer")?;
    store.ensure_vocabulary(&sources)?;
    store.rebuild_dirty(&gaz)?;
    Ok(IngestConfig::new(gaz, today, DEFAULT_MAX_ARTICLE_BYTES))
}
