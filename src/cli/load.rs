//! `eventline load`: article graphs extracted elsewhere (`extract --format
//! nquads`, on as many machines as the corpus needs) merged into one
//! store, in batches, with the semantics of `ingest`; events derived once
//! at the end.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use eventline::{ArticleGraph, EventStore, Gazetteer, Ingested, NQuadsGraphs};

use super::args::LoadArgs;
use super::progress::{CountingReader, Progress};
use super::{exit, open_store};

/// Article graphs per batch, as for `ingest`.
const BATCH: usize = 1024;

#[derive(Default)]
struct Tally {
    added: usize,
    replaced: usize,
    unchanged: usize,
}

pub(super) fn run(a: LoadArgs) -> Result<u8> {
    let started = Instant::now();
    let gaz_sources = Gazetteer::sources(&a.gazetteer).context("reading the gazetteer")?;
    let gaz = Gazetteer::from_turtle(&gaz_sources).context("loading the gazetteer")?;
    // Every file is opened before the store, so a mistyped name costs
    // nothing.
    let mut readers: Vec<(String, Box<dyn Read>)> = Vec::new();
    let mut total = Some(0);
    for f in &a.files {
        readers.push((f.display().to_string(), open(f)?));
        total = match std::fs::metadata(f) {
            Ok(m) if f.as_os_str() != "-" => total.map(|t| t + m.len()),
            _ => None,
        };
    }
    let store = open_store(&a.store)?;
    store.ensure_vocabulary(&gaz_sources)?;
    // Finish what a killed run left undone before adding more.
    store.rebuild_dirty(&gaz)?;
    let mut writer = Writer {
        store: &store,
        pending: Vec::new(),
        tally: Tally::default(),
    };
    let mut problems = Vec::new();
    let mut progress = Progress::new(total, a.quiet);
    for (name, reader) in readers {
        let reader = CountingReader {
            inner: reader,
            bar: progress.bar().clone(),
        };
        for g in NQuadsGraphs::new(BufReader::with_capacity(1 << 20, reader)) {
            match g {
                Ok(g) => {
                    progress.advance(0, 1);
                    writer.push(g)?;
                }
                Err(e) => {
                    problems.push(format!(
                        "{name}: {e} (the article graphs before it are loaded)"
                    ));
                }
            }
        }
    }
    writer.flush()?;
    let Writer { tally: t, .. } = writer;
    let compact = a.compact.then_some(a.store.store.as_path());
    let rebuilt = super::ingest::settle(store, &gaz, &mut progress, &problems, compact)?;
    if !a.quiet {
        eprintln!(
            "loaded {} article graph(s): {} added, {} replaced, {} unchanged; {} file(s) with problems; events of {} block(s) derived; took {:.2} s",
            t.added + t.replaced + t.unchanged,
            t.added,
            t.replaced,
            t.unchanged,
            problems.len(),
            rebuilt.blocks,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if a.strict && !problems.is_empty() {
        exit::SKIPPED
    } else {
        exit::OK
    })
}

fn open(path: &Path) -> Result<Box<dyn Read>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    if path.is_dir() {
        bail!(
            "{}: is a directory; load takes N-Quads files",
            path.display()
        );
    }
    let f = File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(Box::new(f))
}

/// Collects article graphs and stores them a batch at a time.
struct Writer<'s> {
    store: &'s EventStore,
    pending: Vec<ArticleGraph>,
    tally: Tally,
}

impl Writer<'_> {
    fn push(&mut self, g: ArticleGraph) -> Result<()> {
        // The same article twice in one run: the later wins.
        if self.pending.iter().any(|p| p.iri() == g.iri()) {
            self.flush()?;
        }
        self.pending.push(g);
        if self.pending.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let outcomes = self.store.store_graphs(&self.pending).with_context(|| {
            format!(
                "storing the batch starting at graph <{}> failed",
                self.pending[0].iri()
            )
        })?;
        for o in outcomes {
            match o {
                Ingested::Added => self.tally.added += 1,
                Ingested::Replaced => self.tally.replaced += 1,
                Ingested::Unchanged => self.tally.unchanged += 1,
            }
        }
        self.pending.clear();
        Ok(())
    }
}
