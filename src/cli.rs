//! The command line: clap's derive structs mirror what the user typed; each
//! subcommand turns them into library calls. Only this module and `main`
//! print.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use oxigraph::io::RdfFormat;
use rayon::prelude::*;

use crate::article::{self, Input, ReadOptions};
use crate::extract::Extractor;
use crate::gazetteer::Gazetteer;
use crate::store::{EventStore, Ingested, ResultFormat};
use crate::timeline;

/// `println!` that reports a closed pipe as an error instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

/// Exit codes (documented in the README).
pub mod exit {
    pub const OK: u8 = 0;
    /// `ingest --strict` skipped some inputs.
    pub const SKIPPED: u8 = 1;
    /// Bad input, bad query, unwritable output, unknown format.
    pub const ERROR: u8 = 2;
    /// The store is in use by another process.
    pub const LOCKED: u8 = 3;
}

#[derive(Parser, Debug)]
#[command(
    name = "eventline",
    version,
    about = "Turn news articles into an event timeline knowledge graph",
    long_about = "Turn news articles into an event timeline knowledge graph: typed events \
(calls, meetings, attacks, pledges, threats, ...) with actors linked to Wikidata, dates, \
places, status and evidence, in an embedded Oxigraph store that answers SPARQL.",
    after_help = "Examples:\n  eventline ingest examples/articles\n  eventline query queries/timeline.rq\n  \
eventline query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n  eventline timeline -o output/timeline.svg\n  \
eventline export --format turtle -o output/graph.ttl\n  eventline dates --dct 2025-10-17 article.txt"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct StoreArg {
    /// The store directory (created if missing).
    #[arg(long, env = "EVENTLINE_STORE", default_value = "output/store")]
    pub store: PathBuf,
    /// When another eventline process holds the store (one writer at a
    /// time), retry for up to this many seconds instead of failing.
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub wait: u64,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles, extract events, store them.
    #[command(
        after_help = "Examples:\n  eventline ingest examples/articles\n  eventline ingest --date 2025-10-17 story.txt\n  \
cat corpus.jsonl | eventline ingest -\n\nInputs: seed-format files (first line ' date YYYY-MM-DD ...'), plain text, \
JSON Lines ({\"id\",\"url\",\"title\",\"published\",\"text\"} per line), directories (recursively) and - for stdin."
    )]
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        input: InputArgs,
        /// Largest article accepted, in bytes.
        #[arg(long, default_value_t = article::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: usize,
        /// Exit with status 1 when any input was skipped.
        #[arg(long)]
        strict: bool,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Run a SPARQL query (default graph = union of all graphs).
    #[command(
        after_help = "Examples:\n  eventline query queries/who-met-whom.rq\n  eventline query --format json queries/timeline.rq\n  \
eventline query -e 'PREFIX evl: <https://w3id.org/eventline/ontology#> SELECT ?e WHERE { ?e a evl:PhoneCall }'"
    )]
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// A .rq file (or - for stdin).
        #[arg(required_unless_present = "expression", conflicts_with = "expression")]
        file: Option<PathBuf>,
        /// The query text itself.
        #[arg(short = 'e', long = "expression")]
        expression: Option<String>,
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
    },
    /// Export the store as RDF, or its events as PLOVER, QuickStatements or CSV.
    #[command(
        after_help = "Examples:\n  eventline export --format trig -o output/graph.trig\n  eventline export --format turtle > graph.ttl\n  \
eventline export --format plover -o events.jsonl\n  eventline export --format quickstatements -o events.qs\n  \
eventline export --format csv -o events.csv\n\nplover: one JSON object per event (PLOVER's record shape); quickstatements: \
Wikidata items for occurred or planned events with linked actors and a source URL; csv: one row per event."
    )]
    Export {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum, default_value_t = ExportFormat::Trig)]
        format: ExportFormat,
        /// Output file (default: stdout).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Draw the events as a timeline (DOT, SVG, PNG).
    #[command(
        after_help = "Examples:\n  eventline timeline -o output/timeline.svg\n  eventline timeline --lanes actor -o output/actors.png\n  \
eventline timeline --actor Trump --kind PhoneCall --from 2025-10-01 -o calls.svg\n\nSVG and PNG go through Graphviz's \
`dot` when it is installed; without it SVG is drawn by eventline itself (PNG then needs dot)."
    )]
    Timeline(TimelineArgs),
    /// Counts by kind, status, month, actor and article.
    Stats {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum, default_value_t = TextFormat::Table)]
        format: TextFormat,
    },
    /// List the temporal expressions of a text with their TIMEX3 values.
    #[command(
        after_help = "Example:\n  eventline dates --dct 2025-10-17 --format json article.txt"
    )]
    Dates {
        /// Reference date (default: found in the text, else today).
        #[arg(long)]
        dct: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = TextFormat::Table)]
        format: TextFormat,
        file: PathBuf,
    },
    /// Show the event mentions of articles without storing them (a dry run).
    #[command(after_help = "Example:\n  eventline extract --format json examples/articles")]
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = TextFormat::Table)]
        format: TextFormat,
    },
    /// Withdraw articles (by id: the file name or JSON id) and their events.
    Remove {
        #[command(flatten)]
        store: StoreArg,
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

/// What to read and how, shared by `ingest` and `extract`.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, directories or - (stdin).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// Extra gazetteer files (Turtle, same vocabulary as ontology/gazetteer.ttl).
    #[arg(long)]
    pub gazetteer: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub store: StoreArg,
    /// Output file; the extension picks the format unless --format says.
    #[arg(long, short, default_value = "output/timeline.svg")]
    pub output: PathBuf,
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    #[arg(long, value_enum, default_value_t = LaneArg::None)]
    pub lanes: LaneArg,
    /// Time runs top to bottom instead of left to right.
    #[arg(long)]
    pub vertical: bool,
    /// Only events with this actor (label substring or QID); repeatable.
    #[arg(long)]
    pub actor: Vec<String>,
    /// Only events of this kind (e.g. PhoneCall); repeatable.
    #[arg(long)]
    pub kind: Vec<String>,
    /// Only events with this status; repeatable.
    #[arg(long)]
    pub status: Vec<String>,
    #[arg(long)]
    pub from: Option<NaiveDate>,
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// A SPARQL query selecting ?event: only those events are drawn.
    #[arg(long)]
    pub query: Option<PathBuf>,
    /// Fold same-kind, same-day, same-actor events past this many events.
    #[arg(long, default_value_t = 150)]
    pub fold_threshold: usize,
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum TextFormat {
    Table,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    Turtle,
    Trig,
    Nquads,
    Ntriples,
    Jsonld,
    /// PLOVER JSON Lines, one event per line.
    Plover,
    /// QuickStatements V1 commands creating Wikidata items.
    Quickstatements,
    /// One row per event.
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
    Dot,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LaneArg {
    None,
    Actor,
    Kind,
}

/// Largest query file read (`query FILE`), in bytes.
const QUERY_MAX_BYTES: usize = 1 << 20;

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Ingest {
            store,
            input,
            max_article_bytes,
            strict,
            quiet,
        } => ingest(
            &store,
            &input.paths,
            input.date,
            &input.gazetteer,
            max_article_bytes,
            strict,
            quiet,
        ),
        Command::Query {
            store,
            file,
            expression,
            format,
        } => {
            let text = match (expression, &file) {
                (Some(e), _) => e,
                // Bounded like every input: a query of /dev/zero ends at once.
                (None, Some(f)) => String::from_utf8(article::read_small(f, QUERY_MAX_BYTES)?)
                    .with_context(|| format!("{}: query is not UTF-8", f.display()))?,
                (None, None) => bail!("give a query file or -e 'QUERY'"),
            };
            let source = match &file {
                Some(f) if f.as_os_str() != "-" => f.display().to_string(),
                Some(_) => "stdin".to_string(),
                None => "-e".to_string(),
            };
            let st = open_store(&store)?;
            let fmt = match format {
                QueryFormat::Table => ResultFormat::Table,
                QueryFormat::Json => ResultFormat::Json,
                QueryFormat::Csv => ResultFormat::Csv,
                QueryFormat::Tsv => ResultFormat::Tsv,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            st.write_results(&text, fmt, &mut out)
                .with_context(|| format!("{source}: query failed"))?;
            out.flush().ok();
            Ok(exit::OK)
        }
        Command::Export {
            store,
            format,
            output,
        } => {
            let st = open_store(&store)?;
            if matches!(
                format,
                ExportFormat::Plover | ExportFormat::Quickstatements | ExportFormat::Csv
            ) {
                return export_events(&st, format, output.as_deref());
            }
            let f = match format {
                ExportFormat::Turtle => RdfFormat::Turtle,
                ExportFormat::Trig => RdfFormat::TriG,
                ExportFormat::Nquads => RdfFormat::NQuads,
                ExportFormat::Ntriples => RdfFormat::NTriples,
                ExportFormat::Jsonld => RdfFormat::JsonLd {
                    profile: Default::default(),
                },
                ExportFormat::Plover | ExportFormat::Quickstatements | ExportFormat::Csv => {
                    unreachable!("event formats are exported above")
                }
            };
            match output {
                Some(p) => {
                    let file = create_output(&p)?;
                    let mut w = std::io::BufWriter::new(file);
                    let n = st.export(f, &mut w)?;
                    w.flush()
                        .with_context(|| format!("{}: cannot write", p.display()))?;
                    eprintln!("wrote {n} statements to {}", p.display());
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    st.export(f, &mut w)?;
                    w.flush().ok();
                }
            }
            Ok(exit::OK)
        }
        Command::Timeline(args) => timeline_cmd(args),
        Command::Stats { store, format } => {
            let st = open_store(&store)?;
            let s = st.stats()?;
            match format {
                TextFormat::Json => outln!("{}", serde_json::to_string_pretty(&s)?),
                TextFormat::Table => {
                    outln!(
                        "triples   {}\narticles  {}\nmentions  {}\nevents    {}",
                        s.triples,
                        s.articles,
                        s.mentions,
                        s.events
                    );
                    let section =
                        |title: &str, rows: Vec<(String, usize)>| -> std::io::Result<()> {
                            let mut out = std::io::stdout().lock();
                            writeln!(out, "\n{title}")?;
                            for (k, n) in rows {
                                writeln!(out, "  {n:>6}  {k}")?;
                            }
                            Ok(())
                        };
                    section("by kind", s.by_kind.into_iter().collect())?;
                    section("by status", s.by_status.into_iter().collect())?;
                    section("by month", s.by_month.into_iter().collect())?;
                    section("top actors", s.top_actors)?;
                    section("top articles (mentions)", s.top_articles)?;
                }
            }
            Ok(exit::OK)
        }
        Command::Dates { dct, format, file } => {
            let bytes = article::read_small(&file, article::DEFAULT_MAX_ARTICLE_BYTES)?;
            let text = String::from_utf8_lossy(&bytes);
            let dct = dct
                .or_else(|| crate::timex::publication_date(&text).map(|(d, _)| d))
                .unwrap_or_else(|| chrono::Utc::now().date_naive());
            let matches = crate::timex::tag(&text, dct);
            match format {
                TextFormat::Json => {
                    outln!(
                        "{}",
                        serde_json::to_string(
                            &serde_json::json!({ "dct": dct.to_string(), "matches": matches })
                        )?
                    );
                }
                TextFormat::Table => {
                    outln!("reference date {dct}");
                    for m in &matches {
                        let window = match (m.earliest, m.latest) {
                            (Some(a), Some(b)) if a == b => a.to_string(),
                            (Some(a), Some(b)) => format!("{a}..{b}"),
                            _ => String::new(),
                        };
                        outln!(
                            "{:>6}-{:<6} {:<9} {:<14} {:<22} {}",
                            m.start,
                            m.end,
                            format!("{:?}", m.ttype).to_uppercase(),
                            m.value,
                            window,
                            m.text
                        );
                    }
                }
            }
            Ok(exit::OK)
        }
        Command::Extract { input, format } => {
            let gaz = Gazetteer::load(&input.gazetteer).context("loading the gazetteer")?;
            let (inputs, problems) = article::collect_inputs(&input.paths);
            let ex = Extractor::new(&gaz);
            let opts = ReadOptions {
                date: input.date,
                ..Default::default()
            };
            for input in &inputs {
                for a in article::read_input(input, &opts) {
                    let a = match a {
                        Ok(a) => a,
                        Err(e) => {
                            eprintln!("skipped: {e}");
                            continue;
                        }
                    };
                    let x = ex.extract(&a);
                    match format {
                        TextFormat::Json => outln!(
                            "{}",
                            serde_json::to_string(
                                &serde_json::json!({"article": a.id, "title": a.title, "url": a.url, "text": a.text, "extraction": x})
                            )?
                        ),
                        TextFormat::Table => {
                            outln!(
                                "== {} (published {:?}, reference {:?} by {})",
                                a.id,
                                x.dates.published,
                                x.dates.reference,
                                x.dates.method
                            );
                            for m in &x.mentions {
                                let actors: Vec<String> = m
                                    .actors
                                    .iter()
                                    .map(|(r, e)| {
                                        format!("{}:{}", format!("{r:?}").to_lowercase(), e.label)
                                    })
                                    .collect();
                                let date = m
                                    .date
                                    .as_ref()
                                    .map(|d| format!("{}..{} ({})", d.earliest, d.latest, d.text))
                                    .unwrap_or_else(|| "undated".into());
                                outln!(
                                    "  {:<12} {:<9} {:<40} {} {}{}",
                                    m.kind.name(),
                                    m.status.name(),
                                    actors.join(", "),
                                    date,
                                    m.place
                                        .as_ref()
                                        .map(|p| format!("@{} ", p.label))
                                        .unwrap_or_default(),
                                    m.evidence
                                        .iter()
                                        .map(|e| format!("[{}]", e.quote))
                                        .collect::<Vec<_>>()
                                        .join("")
                                );
                            }
                        }
                    }
                }
            }
            for p in problems {
                eprintln!("skipped: {p}");
            }
            Ok(exit::OK)
        }
        Command::Remove { store, ids } => {
            let st = open_store(&store)?;
            let gaz = Gazetteer::load(&[]).context("loading the gazetteer")?;
            let mut missing = 0;
            for id in ids {
                if st.remove(&id, &gaz)? {
                    eprintln!("removed {id}");
                } else {
                    eprintln!("{id}: no such article in the store");
                    missing += 1;
                }
            }
            st.flush()?;
            Ok(if missing > 0 { exit::SKIPPED } else { exit::OK })
        }
    }
}

/// Opens the store, retrying while another process holds it if asked to.
fn open_store(arg: &StoreArg) -> Result<EventStore> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(arg.wait);
    loop {
        match EventStore::open(&arg.store) {
            Err(crate::store::StoreError::Locked { .. })
                if std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            other => return Ok(other?),
        }
    }
}

/// The event exports (issue 15): PLOVER, QuickStatements, CSV.
fn export_events(st: &EventStore, format: ExportFormat, output: Option<&Path>) -> Result<u8> {
    let events = crate::export::load(st)?;
    let cx = crate::export::ExportContext {
        today: chrono::Local::now().date_naive(),
    };
    let mut w: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(create_output(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let name = output.map_or("stdout".to_string(), |p| p.display().to_string());
    let written = match format {
        ExportFormat::Plover => crate::export::write_plover(&events, &cx, &mut w),
        ExportFormat::Quickstatements => crate::export::write_quickstatements(&events, &cx, &mut w),
        _ => crate::export::write_csv(&events, &mut w),
    }
    .and_then(|n| w.flush().map(|_| n))
    .with_context(|| format!("{name}: cannot write"))?;
    for (why, n) in &written.skipped {
        eprintln!("left out {n} event(s): {why}");
    }
    eprintln!(
        "wrote {} of {} event(s) to {name}",
        written.events,
        events.len()
    );
    Ok(exit::OK)
}

fn create_output(p: &Path) -> Result<std::fs::File> {
    if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    }
    std::fs::File::create(p)
        .with_context(|| format!("{}: cannot write the output file", p.display()))
}

#[allow(clippy::too_many_arguments)]
fn ingest(
    store_arg: &StoreArg,
    paths: &[PathBuf],
    date: Option<NaiveDate>,
    extra_gaz: &[PathBuf],
    max_article_bytes: usize,
    strict: bool,
    quiet: bool,
) -> Result<u8> {
    let started = std::time::Instant::now();
    // Read once: parsed for extraction and loaded into the store's graph.
    let gaz_sources = Gazetteer::sources(extra_gaz).context("reading the gazetteer")?;
    let gaz = Gazetteer::from_turtle(&gaz_sources).context("loading the gazetteer")?;
    let (inputs, mut problems) = article::collect_inputs(paths);
    if inputs.is_empty() {
        for p in &problems {
            eprintln!("error: {p}");
        }
        bail!("nothing to ingest");
    }
    let store = open_store(store_arg)?;
    let store_path = store_arg.store.as_path();
    store.ensure_vocabulary(&gaz_sources)?;
    // Finish what a killed run left undone before adding more.
    store.rebuild_dirty(&gaz)?;
    let opts = ReadOptions {
        date,
        max_article_bytes,
    };
    let extractor = Extractor::new(&gaz);
    let (mut added, mut replaced, mut unchanged, mut mentions) = (0usize, 0usize, 0usize, 0usize);
    let stdin_inputs: Vec<&Input> = inputs.iter().filter(|i| **i == Input::Stdin).collect();
    let file_inputs: Vec<&Input> = inputs.iter().filter(|i| **i != Input::Stdin).collect();
    // Extraction runs in parallel; the store writes one article per
    // transaction, in input order, as results arrive.
    let (tx, rx) = mpsc::sync_channel(64);
    let mut write_error: Option<anyhow::Error> = None;
    std::thread::scope(|scope| {
        let extractor = &extractor;
        let opts = &opts;
        scope.spawn(move || {
            let run = |inputs: Vec<&Input>| {
                inputs.par_iter().for_each_with(tx.clone(), |tx, input| {
                    let results: Vec<_> = article::read_input(input, opts)
                        .into_iter()
                        .map(|r| {
                            r.map(|a| {
                                let ex = extractor.extract(&a);
                                (a, ex)
                            })
                        })
                        .collect();
                    let _ = tx.send(results);
                });
            };
            run(stdin_inputs);
            run(file_inputs);
            drop(tx);
        });
        // Write in batches: one transaction per batch keeps every article
        // whole after a crash and re-derives each touched block once.
        const BATCH: usize = 64;
        let mut pending: Vec<(article::Article, crate::model::ArticleExtraction)> = Vec::new();
        let mut flush = |pending: &mut Vec<(article::Article, crate::model::ArticleExtraction)>,
                         write_error: &mut Option<anyhow::Error>| {
            if pending.is_empty() || write_error.is_some() {
                pending.clear();
                return;
            }
            let refs: Vec<(&article::Article, &crate::model::ArticleExtraction)> =
                pending.iter().map(|(a, x)| (a, x)).collect();
            match store.ingest_batch(&refs) {
                Ok(outcomes) => {
                    for o in outcomes {
                        match o {
                            Ingested::Added => added += 1,
                            Ingested::Replaced => replaced += 1,
                            Ingested::Unchanged => unchanged += 1,
                        }
                    }
                }
                Err(e) => {
                    let first = pending
                        .first()
                        .map(|(a, _)| a.source.clone())
                        .unwrap_or_default();
                    *write_error = Some(
                        anyhow::Error::new(e)
                            .context(format!("storing the batch starting at {first} failed")),
                    );
                }
            }
            pending.clear();
        };
        for batch in rx {
            for r in batch {
                match r {
                    Err(e) => problems.push(e),
                    Ok((a, ex)) => {
                        if !quiet {
                            for w in &a.warnings {
                                eprintln!("warning: {w}");
                            }
                        }
                        mentions += ex.mentions.len();
                        // The same article twice in one run: the later wins.
                        if pending.iter().any(|(p, _)| p.id == a.id) {
                            flush(&mut pending, &mut write_error);
                        }
                        pending.push((a, ex));
                        if pending.len() >= BATCH {
                            flush(&mut pending, &mut write_error);
                        }
                    }
                }
            }
        }
        flush(&mut pending, &mut write_error);
    });
    if let Some(e) = write_error {
        return Err(e);
    }
    let rebuilt = store.rebuild_dirty(&gaz)?;
    // Committed transactions are safe in the write-ahead log already; the
    // flush spares the next command replaying it.
    store.flush()?;
    for p in &problems {
        eprintln!("skipped: {p}");
    }
    if !quiet {
        eprintln!(
            "ingested {} article(s): {added} added, {replaced} replaced, {unchanged} unchanged; {mentions} event mention(s); {} input(s) skipped; store {}",
            added + replaced + unchanged,
            problems.len(),
            store_path.display()
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
    Ok(if strict && !problems.is_empty() {
        exit::SKIPPED
    } else {
        exit::OK
    })
}

fn timeline_cmd(a: TimelineArgs) -> Result<u8> {
    // Decided before any work: a typo in the extension should not cost a
    // store read, nor silently write SVG into "timeline.gif".
    let format = match a.format {
        Some(f) => f,
        None => match a
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("png") => ImageFormat::Png,
            Some("dot" | "gv") => ImageFormat::Dot,
            Some("svg") | None => ImageFormat::Svg,
            Some(other) => bail!(
                "{}: unknown image format '.{other}' (use .svg, .png, .dot, or --format svg|png|dot)",
                a.output.display()
            ),
        },
    };
    let st = open_store(&a.store)?;
    let only: Option<std::collections::HashSet<String>> = match &a.query {
        Some(q) => {
            let text = std::fs::read_to_string(q)
                .with_context(|| format!("{}: cannot read query file", q.display()))?;
            let (vars, rows) = st.select(&text)?;
            let col = vars
                .iter()
                .position(|v| v == "event")
                .or(if vars.is_empty() { None } else { Some(0) })
                .context("the --query must select ?event")?;
            Some(
                rows.into_iter()
                    .filter_map(|r| r.get(col).cloned().flatten())
                    .map(|t| match t {
                        oxigraph::model::Term::NamedNode(n) => n.into_string(),
                        other => other.to_string(),
                    })
                    .collect(),
            )
        }
        None => None,
    };
    let (mut events, relations) = timeline::load(&st)?;
    if let Some(only) = &only {
        events.retain(|e| only.contains(&e.id));
    }
    // A QID names the gazetteer entity; the timeline matches labels. The
    // gazetteer is parsed only when a QID is given.
    let is_qid =
        |x: &str| x.len() > 1 && x.starts_with('Q') && x[1..].chars().all(|c| c.is_ascii_digit());
    let gaz = if a.actor.iter().any(|x| is_qid(x)) {
        Some(Gazetteer::load(&[]).context("loading the gazetteer")?)
    } else {
        None
    };
    let actors: Vec<String> = a
        .actor
        .iter()
        .map(|x| {
            let entity = gaz.as_ref().and_then(|g| {
                g.entities
                    .iter()
                    .find(|e| is_qid(x) && e.qid.as_deref() == Some(x.as_str()))
            });
            match entity {
                Some(e) => e.label.clone(),
                None => x.clone(),
            }
        })
        .collect();
    let filter = timeline::Filter {
        actors,
        kinds: a.kind.clone(),
        statuses: a.status.clone(),
        from: a.from,
        to: a.to,
    };
    let events = timeline::filter(&events, &filter);
    let opts = timeline::Options {
        lanes: match a.lanes {
            LaneArg::None => timeline::Lanes::None,
            LaneArg::Actor => timeline::Lanes::Actor,
            LaneArg::Kind => timeline::Lanes::Kind,
        },
        orientation: if a.vertical {
            timeline::Orientation::TopToBottom
        } else {
            timeline::Orientation::LeftToRight
        },
        fold_threshold: a.fold_threshold,
        title: a.title.clone(),
        ..Default::default()
    };
    let n = events.len();
    let tl = timeline::Timeline::build(events, relations, &opts);
    let bytes: Vec<u8> = match format {
        ImageFormat::Dot => tl.to_dot().into_bytes(),
        ImageFormat::Svg => match timeline::render_with_dot(&tl.to_dot(), "svg") {
            Ok(b) => b,
            Err(timeline::TimelineError::DotNotFound) => {
                eprintln!("note: Graphviz `dot` not found; drawing the SVG without it");
                tl.to_svg().into_bytes()
            }
            Err(e) => return Err(e).context("rendering with dot"),
        },
        ImageFormat::Png => timeline::render_with_dot(&tl.to_dot(), "png").context(
            "PNG output needs Graphviz's `dot` (apt-get install graphviz); SVG works without it",
        )?,
    };
    let mut f = create_output(&a.output)?;
    f.write_all(&bytes)
        .with_context(|| format!("{}: cannot write", a.output.display()))?;
    for note in tl.folded() {
        eprintln!(
            "folded: {} {} event(s) of {} into one node{}",
            note.count,
            note.kind.name(),
            note.actors.join(", "),
            note.day.map(|d| format!(" on {d}")).unwrap_or_default()
        );
    }
    eprintln!("drew {n} event(s) to {}", a.output.display());
    Ok(exit::OK)
}
