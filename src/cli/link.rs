//! `eventline link`: links the store's minted actors and places to a
//! Wikidata-shaped SPARQL endpoint (or withdraws the links), and prints
//! one line per actor decided.

use std::io::Write;

use anyhow::{bail, Context, Result};
use eventline::link::{Decision, LinkOptions, Verdict};

use super::args::LinkArgs;
use super::remote::{parse_url, ReconcileService, SparqlEndpoint};
use super::{exit, open_store, outln};

pub(super) fn run(a: LinkArgs) -> Result<u8> {
    let store = open_store(&a.store)?;
    if a.undo {
        let n = eventline::link::undo(&store).context("withdrawing the links")?;
        store.flush()?;
        eprintln!("withdrew {n} link(s)");
        return Ok(exit::OK);
    }
    if !(0.0..=1.0).contains(&a.threshold) {
        bail!("--threshold {}: give a score from 0 to 1", a.threshold);
    }
    let (url, flag) = match (a.endpoint, a.reconcile) {
        (Some(url), _) => (url, "--endpoint"),
        (None, Some(url)) => (url, "--reconcile"),
        (None, None) => bail!("give --endpoint URL, --reconcile URL (or --undo)"),
    };
    let server = parse_url(flag, &url)?;
    let opts = LinkOptions {
        endpoint: url.clone(),
        languages: a.lang.iter().map(|l| l.trim().to_string()).collect(),
        threshold: a.threshold,
        dry_run: a.dry_run,
        at: Some(chrono::Utc::now()),
    };
    let decisions = if flag == "--reconcile" {
        eventline::link::link_by_reconciliation(&store, &ReconcileService { server }, &opts)
    } else {
        eventline::link::link(&store, &SparqlEndpoint { server }, &opts)
    }
    .with_context(|| format!("linking against {url}"))?;
    store.flush()?;
    print(&decisions)?;
    let linked = decisions
        .iter()
        .filter(|d| matches!(d.verdict, Verdict::Linked { .. }))
        .count();
    eprintln!(
        "{} actor(s) unlinked before: {linked} linked, {} left unlinked (NIL){}",
        decisions.len(),
        decisions.len() - linked,
        if a.dry_run {
            "; dry run, nothing written"
        } else {
            ""
        }
    );
    Ok(exit::OK)
}

/// One tab-separated line per actor: actor, name, class, link or NIL,
/// score, then the method or the reason.
fn print(decisions: &[Decision]) -> Result<()> {
    for d in decisions {
        let (target, score, why) = match &d.verdict {
            Verdict::Linked { qid, score, method } => (qid.clone(), *score, method.clone()),
            Verdict::Nil { reason, best } => (
                "NIL".to_string(),
                best.as_ref().map_or(0.0, |b| b.1),
                reason.clone(),
            ),
        };
        let actor = d.actor.rsplit('/').next().unwrap_or(&d.actor);
        outln!(
            "{actor}\t{}\t{}\t{target}\t{score:.2}\t{why}",
            d.name,
            d.class
        );
    }
    Ok(())
}
