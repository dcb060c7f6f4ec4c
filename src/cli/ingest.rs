//! `eventline ingest`: read, extract in parallel, store in batches on one
//! thread, derive events once at the end.

use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use eventline::{
    collect_inputs, read_input, Article, ArticleExtraction, EventStore, Extractor, Gazetteer,
    Ingested, Input, ReadError, ReadOptions, Rebuilt,
};
use rayon::prelude::*;

use super::args::IngestArgs;
use super::progress::Progress;
use super::{exit, open_store, today};

/// Articles per batch, each batch stored whole or not at all. Large: the
/// bulk loader writes a batch as sorted files, and small ones left RocksDB
/// compacting hundreds of tiny files (64 articles a batch was slower than
/// transactions; 1,024 is ~60,000 quads of wire stories).
const BATCH: usize = 1024;

type Extracted = (Article, ArticleExtraction);

/// What the writer did with the articles it was sent.
#[derive(Default)]
struct Tally {
    added: usize,
    replaced: usize,
    unchanged: usize,
    mentions: usize,
}

pub(super) fn run(a: IngestArgs) -> Result<u8> {
    if let Some(url) = &a.server {
        return super::remote::ingest(&a, url);
    }
    let started = Instant::now();
    // Read once: parsed for extraction and loaded into the store's graph.
    let gaz_sources = Gazetteer::sources(&a.input.gazetteer).context("reading the gazetteer")?;
    let gaz = Gazetteer::from_turtle(&gaz_sources).context("loading the gazetteer")?;
    let (inputs, mut problems) = collect_inputs(&a.input.paths);
    if inputs.is_empty() {
        for p in &problems {
            eprintln!("error: {p}");
        }
        bail!("nothing to ingest");
    }
    let store = open_store(&a.store)?;
    store.ensure_vocabulary(&gaz_sources)?;
    // Finish what a killed run left undone before adding more.
    store.rebuild_dirty(&gaz)?;
    let opts = ReadOptions {
        date: a.input.date,
        max_article_bytes: a.max_article_bytes,
        ..ReadOptions::new(today())
    };
    let extractor = Extractor::new(&gaz);
    let mut progress = Progress::new(total_bytes(&inputs), a.quiet);
    let tally = extract_and_store(
        &store,
        &extractor,
        &inputs,
        &opts,
        a.quiet,
        &mut progress,
        &mut problems,
    )?;
    let compact = a.compact.then_some(a.store.store.as_path());
    let rebuilt = settle(store, &gaz, &mut progress, &problems, compact)?;
    if !a.quiet {
        report(&a, &tally, problems.len(), &rebuilt, started);
    }
    Ok(if a.strict && !problems.is_empty() {
        exit::SKIPPED
    } else {
        exit::OK
    })
}

/// Extraction runs in parallel; the store writes the articles in batches
/// on this thread, as results arrive. Standard input is read first.
fn extract_and_store(
    store: &EventStore,
    extractor: &Extractor<'_>,
    inputs: &[Input],
    opts: &ReadOptions,
    quiet: bool,
    progress: &mut Progress,
    problems: &mut Vec<ReadError>,
) -> Result<Tally> {
    let stdin_inputs: Vec<&Input> = inputs.iter().filter(|i| **i == Input::Stdin).collect();
    let file_inputs: Vec<&Input> = inputs.iter().filter(|i| **i != Input::Stdin).collect();
    let (tx, rx) = mpsc::sync_channel::<(u64, Vec<Result<Extracted, ReadError>>)>(64);
    let mut writer = Writer {
        store,
        pending: Vec::new(),
        tally: Tally::default(),
        error: None,
    };
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let run = |inputs: Vec<&Input>| {
                inputs.par_iter().for_each_with(tx.clone(), |tx, input| {
                    let results: Vec<_> = read_input(input, opts)
                        .into_iter()
                        .map(|r| {
                            r.map(|a| {
                                let ex = extractor.extract(&a);
                                (a, ex)
                            })
                        })
                        .collect();
                    let _ = tx.send((input_bytes(input), results));
                });
            };
            run(stdin_inputs);
            run(file_inputs);
            drop(tx);
        });
        for (bytes, batch) in rx {
            progress.advance(bytes, batch.iter().filter(|r| r.is_ok()).count() as u64);
            for r in batch {
                match r {
                    Err(e) => problems.push(e),
                    Ok((a, ex)) => {
                        if !quiet {
                            for w in &a.warnings {
                                progress.bar().suspend(|| eprintln!("warning: {w}"));
                            }
                        }
                        writer.push(a, ex);
                    }
                }
            }
        }
        writer.flush();
    });
    match writer.error {
        Some(e) => Err(e),
        None => Ok(writer.tally),
    }
}

/// Collects extracted articles and writes them a batch at a time; after
/// the first failed batch it writes nothing more.
struct Writer<'s> {
    store: &'s EventStore,
    pending: Vec<Extracted>,
    tally: Tally,
    error: Option<anyhow::Error>,
}

impl Writer<'_> {
    fn push(&mut self, a: Article, ex: ArticleExtraction) {
        self.tally.mentions += ex.mentions.len();
        // The same article twice in one run: the later wins.
        if self.pending.iter().any(|(p, _)| p.id == a.id) {
            self.flush();
        }
        self.pending.push((a, ex));
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.pending.is_empty() || self.error.is_some() {
            self.pending.clear();
            return;
        }
        let refs: Vec<(&Article, &ArticleExtraction)> =
            self.pending.iter().map(|(a, x)| (a, x)).collect();
        match self.store.ingest_batch(&refs) {
            Ok(outcomes) => {
                for o in outcomes {
                    match o {
                        Ingested::Added => self.tally.added += 1,
                        Ingested::Replaced => self.tally.replaced += 1,
                        Ingested::Unchanged => self.tally.unchanged += 1,
                    }
                }
            }
            Err(e) => {
                let first = self
                    .pending
                    .first()
                    .map(|(a, _)| a.source.clone())
                    .unwrap_or_default();
                self.error = Some(
                    anyhow::Error::new(e)
                        .context(format!("storing the batch starting at {first} failed")),
                );
            }
        }
        self.pending.clear();
    }
}

/// The size of the inputs, for the progress bar; unknown with stdin.
fn total_bytes(inputs: &[Input]) -> Option<u64> {
    if inputs.contains(&Input::Stdin) {
        return None;
    }
    Some(inputs.iter().map(input_bytes).sum())
}

fn input_bytes(input: &Input) -> u64 {
    match input {
        Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        Input::Stdin => 0,
    }
}

fn report(a: &IngestArgs, t: &Tally, skipped: usize, rebuilt: &Rebuilt, started: Instant) {
    eprintln!(
        "ingested {} article(s): {} added, {} replaced, {} unchanged; {} event mention(s); {skipped} input(s) skipped; store {}",
        t.added + t.replaced + t.unchanged,
        t.added,
        t.replaced,
        t.unchanged,
        t.mentions,
        a.store.store.display()
    );
    eprintln!(
        "took {:.2} s: events of {} block(s) derived in {:.2} s, relations{} in {:.2} s",
        started.elapsed().as_secs_f64(),
        rebuilt.blocks,
        rebuilt.events_time.as_secs_f64(),
        rebuilt
            .relations
            .map(|n| format!(" ({n} kept)"))
            .unwrap_or_default(),
        rebuilt.relations_time.as_secs_f64()
    );
}

/// The end of every run that adds articles (`ingest`, `load`): derive the
/// events of what changed, flush, rewrite the store when asked (`compact`:
/// the store's path, for `--compact`), and list what was skipped. Takes
/// the store: the rewrite closes it.
pub(super) fn settle(
    store: EventStore,
    gaz: &Gazetteer,
    progress: &mut Progress,
    problems: &[impl std::fmt::Display],
    compact: Option<&Path>,
) -> Result<Rebuilt> {
    progress.stage("deriving events");
    let rebuilt = store.rebuild_dirty(gaz)?;
    // Committed transactions are safe in the write-ahead log already; the
    // flush spares the next command replaying it.
    store.flush()?;
    // Not by default: a rewrite costs a bulk load of the whole store,
    // whatever the run added, while RocksDB's own background compaction
    // keeps the store within 1.65x of its smallest (BENCHMARKS.md).
    if let Some(path) = compact {
        progress.stage("rewriting the store");
        store
            .repack(path)
            .with_context(|| format!("rewriting store {}", path.display()))?;
    }
    progress.finish();
    for p in problems {
        eprintln!("skipped: {p}");
    }
    Ok(rebuilt)
}
