//! The command line as the user typed it: clap's derive structs, the low
//! stage. Each subcommand's module turns its arguments into library calls.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use eventline::DEFAULT_MAX_ARTICLE_BYTES;

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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct StoreArg {
    /// The store directory (created if missing).
    #[arg(long, env = "EVENTLINE_STORE", default_value = "output/store")]
    pub(crate) store: PathBuf,
    /// When another eventline process holds the store (one writer at a
    /// time), retry for up to this many seconds instead of failing.
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub(crate) wait: u64,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Read articles, extract events, store them.
    #[command(
        after_help = "Examples:\n  eventline ingest examples/articles\n  eventline ingest --date 2025-10-17 story.txt\n  \
cat corpus.jsonl | eventline ingest -\n\nInputs: seed-format files (first line ' date YYYY-MM-DD ...'), plain text, \
JSON Lines ({\"id\",\"url\",\"title\",\"published\",\"text\"} per line), directories (recursively) and - for stdin."
    )]
    Ingest(IngestArgs),
    /// Run a SPARQL query (default graph = union of all graphs).
    #[command(
        after_help = "Examples:\n  eventline query queries/who-met-whom.rq\n  eventline query --format json queries/timeline.rq\n  \
eventline query -e 'PREFIX evl: <https://w3id.org/eventline/ontology#> SELECT ?e WHERE { ?e a evl:PhoneCall }'"
    )]
    Query(QueryArgs),
    /// Export the store as RDF, or its events as PLOVER, QuickStatements or CSV.
    #[command(
        after_help = "Examples:\n  eventline export --format trig -o output/graph.trig\n  eventline export --format turtle > graph.ttl\n  \
eventline export --format plover -o events.jsonl\n  eventline export --format quickstatements -o events.qs\n  \
eventline export --format csv -o events.csv\n\nplover: one JSON object per event (PLOVER's record shape); quickstatements: \
Wikidata items for occurred or planned events with linked actors and a source URL; csv: one row per event."
    )]
    Export(ExportArgs),
    /// Draw the events as a timeline (DOT, SVG, PNG).
    #[command(
        after_help = "Examples:\n  eventline timeline -o output/timeline.svg\n  eventline timeline --lanes actor -o output/actors.png\n  \
eventline timeline --actor Trump --kind PhoneCall --from 2025-10-01 -o calls.svg\n\nSVG and PNG go through Graphviz's \
`dot` when it is installed; without it SVG is drawn by eventline itself (PNG then needs dot)."
    )]
    Timeline(TimelineArgs),
    /// Counts by kind, status, month, actor and article.
    Stats(StatsArgs),
    /// List the temporal expressions of a text with their TIMEX3 values.
    #[command(
        after_help = "Example:\n  eventline dates --dct 2025-10-17 --format json article.txt"
    )]
    Dates(DatesArgs),
    /// Show the event mentions of articles without storing them (a dry run),
    /// or write their graphs as N-Quads for `load`.
    #[command(
        after_help = "Examples:\n  eventline extract --format json examples/articles\n  \
eventline extract --format nquads corpus/ > corpus.nq    # on any machine, no store\n  \
eventline load corpus.nq                                 # then merge into a store"
    )]
    Extract(ExtractArgs),
    /// Merge article graphs written by `extract --format nquads` into the store.
    #[command(
        after_help = "Example:\n  eventline load shard-1.nq shard-2.nq\n\nEach article graph replaces the stored one \
unless its content hash is unchanged; events are derived once at the end."
    )]
    Load(LoadArgs),
    /// Withdraw articles (by id: the file name or JSON id) and their events.
    Remove(RemoveArgs),
    /// Serve the store as a SPARQL 1.1 endpoint (/query, /update).
    #[command(
        after_help = "Examples:\n  eventline serve\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' \\\n    http://127.0.0.1:7878/query\n  \
eventline serve --allow-update --timeout 10\n\nThe server holds the store: stop it before `ingest`. Read-only unless --allow-update."
    )]
    Serve(ServeArgs),
    /// Link minted actors and places to a Wikidata-shaped SPARQL endpoint
    /// or a Reconciliation Service API.
    #[command(
        after_help = "Examples:\n  eventline link --endpoint http://127.0.0.1:7879/query\n  \
eventline link --endpoint http://127.0.0.1:7879/query --dry-run --threshold 0.9\n  \
eventline link --reconcile http://127.0.0.1:7879/reconcile\n  \
eventline link --undo\n\nLinks are owl:sameAs statements in the graph https://w3id.org/eventline/graph/links, \
each with its score, method and endpoint; --undo withdraws them all. Prints one line per actor: \
actor, name, class, link (or NIL), score, method (or why not)."
    )]
    Link(LinkArgs),
    /// Send the store's named graphs to a SPARQL 1.1 Graph Store Protocol
    /// endpoint (Virtuoso, Fuseki, another `eventline serve --allow-update`).
    #[command(
        after_help = "Examples:\n  eventline push --gsp http://127.0.0.1:7879/store --replace\n  \
eventline push --gsp http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password dba --replace\n  \
eventline push --gsp http://127.0.0.1:8890/sparql-graph-crud --graph https://w3id.org/eventline/graph/index\n\n\
Each graph goes as ?graph=IRI documents of at most --batch triples: with --replace the first is a PUT (the graph \
becomes the store's) and the rest POSTs, else all are POSTs (merged). Basic or Digest authentication, as the \
server's challenge asks. Nothing is retried: the first failure stops the push and names the graph."
    )]
    Push(PushArgs),
}

#[derive(Args, Debug)]
pub(crate) struct PushArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// The Graph Store Protocol endpoint (http://…), e.g.
    /// http://127.0.0.1:8890/sparql-graph-crud-auth for Virtuoso.
    #[arg(long, value_name = "URL")]
    pub(crate) gsp: String,
    /// Push only this graph (repeatable); default: every named graph.
    #[arg(long, value_name = "IRI")]
    pub(crate) graph: Vec<String>,
    /// User for HTTP Basic or Digest authentication.
    #[arg(long)]
    pub(crate) user: Option<String>,
    /// Password of --user (or the EVENTLINE_GSP_PASSWORD variable, which
    /// keeps it out of the process list).
    #[arg(long, env = "EVENTLINE_GSP_PASSWORD", hide_env_values = true)]
    pub(crate) password: Option<String>,
    /// Most triples per request; a bigger graph goes in several.
    #[arg(long, default_value_t = 50_000)]
    pub(crate) batch: usize,
    /// Replace each graph at the endpoint (PUT) instead of merging into it
    /// (POST).
    #[arg(long)]
    pub(crate) replace: bool,
    /// The syntax of the documents sent.
    #[arg(long, value_enum, default_value_t = PushFormat::Ntriples)]
    pub(crate) format: PushFormat,
    /// No progress bar, no summary.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub(crate) enum PushFormat {
    Ntriples,
    Turtle,
}

#[derive(Args, Debug)]
pub(crate) struct IngestArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
    pub(crate) max_article_bytes: usize,
    /// Exit with status 1 when any input was skipped.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Rewrite the store when done, as one bulk load of all its quads into
    /// a fresh store that takes its place: the smallest store, for
    /// archiving or shipping it; costs a rewrite of the whole store.
    #[arg(long, conflicts_with = "server")]
    pub(crate) compact: bool,
    /// Send the inputs to a running `eventline serve --allow-update` at
    /// this URL (e.g. http://127.0.0.1:7878) instead of opening the store.
    #[arg(long, value_name = "URL")]
    pub(crate) server: Option<String>,
}

#[derive(Args, Debug)]
pub(crate) struct QueryArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// A .rq file (or - for stdin).
    #[arg(required_unless_present = "expression", conflicts_with = "expression")]
    pub(crate) file: Option<PathBuf>,
    /// The query text itself.
    #[arg(short = 'e', long = "expression")]
    pub(crate) expression: Option<String>,
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub(crate) format: QueryFormat,
}

#[derive(Args, Debug)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// Address to listen on; anything but loopback is reachable by others.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub(crate) bind: String,
    /// Allow cross-origin requests from any web page.
    #[arg(long)]
    pub(crate) cors: bool,
    /// Accept SPARQL updates on /update (read-only otherwise).
    #[arg(long)]
    pub(crate) allow_update: bool,
    /// Cancel a query still running after this many seconds (0: never).
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub(crate) timeout: f64,
    /// Extra gazetteer files for articles sent to POST /ingest.
    #[arg(long)]
    pub(crate) gazetteer: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct LinkArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// The SPARQL endpoint (http://…) of the knowledge base to link to.
    #[arg(long, required_unless_present_any = ["undo", "reconcile"], conflicts_with = "reconcile")]
    pub(crate) endpoint: Option<String>,
    /// A Reconciliation Service API (http://…, such as another `eventline
    /// serve`'s /reconcile) to ask for the candidates instead.
    #[arg(long)]
    pub(crate) reconcile: Option<String>,
    /// Least score linked (0 to 1); actors under it stay unlinked.
    #[arg(long, default_value_t = 0.75)]
    pub(crate) threshold: f64,
    /// Languages of the labels and aliases matched, comma-separated.
    #[arg(long, default_value = "en,mul", value_delimiter = ',')]
    pub(crate) lang: Vec<String>,
    /// Decide and print, but write no link.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Withdraw every link made by `link`.
    #[arg(long, conflicts_with_all = ["endpoint", "reconcile", "dry_run"])]
    pub(crate) undo: bool,
}

#[derive(Args, Debug)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    #[arg(long, value_enum, default_value_t = ExportFormat::Trig)]
    pub(crate) format: ExportFormat,
    /// Output file (default: stdout).
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

#[derive(Args, Debug)]
pub(crate) struct StatsArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    #[arg(long, value_enum, default_value_t = TextFormat::Table)]
    pub(crate) format: TextFormat,
}

#[derive(Args, Debug)]
pub(crate) struct DatesArgs {
    /// Reference date (default: found in the text, else today).
    #[arg(long)]
    pub(crate) dct: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = TextFormat::Table)]
    pub(crate) format: TextFormat,
    pub(crate) file: PathBuf,
}

#[derive(Args, Debug)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub(crate) format: ExtractFormat,
}

#[derive(Args, Debug)]
pub(crate) struct LoadArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// N-Quads files from `extract --format nquads` (or - for stdin).
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// Extra gazetteer files, as given to `extract`.
    #[arg(long)]
    pub(crate) gazetteer: Vec<PathBuf>,
    /// Exit with status 1 when any file was skipped.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Rewrite the store's files when done, as `ingest --compact`.
    #[arg(long)]
    pub(crate) compact: bool,
}

#[derive(Args, Debug)]
pub(crate) struct RemoveArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    #[arg(required = true)]
    pub(crate) ids: Vec<String>,
}

/// What to read and how, shared by `ingest` and `extract`.
#[derive(Args, Debug, Clone)]
pub(crate) struct InputArgs {
    /// Files, directories or - (stdin).
    #[arg(required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub(crate) date: Option<NaiveDate>,
    /// Extra gazetteer files (Turtle, same vocabulary as ontology/gazetteer.ttl).
    #[arg(long)]
    pub(crate) gazetteer: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct TimelineArgs {
    #[command(flatten)]
    pub(crate) store: StoreArg,
    /// Output file; the extension picks the format unless --format says.
    #[arg(long, short, default_value = "output/timeline.svg")]
    pub(crate) output: PathBuf,
    #[arg(long, value_enum)]
    pub(crate) format: Option<ImageFormat>,
    #[arg(long, value_enum, default_value_t = LaneArg::None)]
    pub(crate) lanes: LaneArg,
    /// Time runs top to bottom instead of left to right.
    #[arg(long)]
    pub(crate) vertical: bool,
    /// Only events with this actor (label substring or QID); repeatable.
    #[arg(long)]
    pub(crate) actor: Vec<String>,
    /// Only events of this kind (e.g. PhoneCall); repeatable.
    #[arg(long)]
    pub(crate) kind: Vec<String>,
    /// Only events with this status; repeatable.
    #[arg(long)]
    pub(crate) status: Vec<String>,
    #[arg(long)]
    pub(crate) from: Option<NaiveDate>,
    #[arg(long)]
    pub(crate) to: Option<NaiveDate>,
    /// A SPARQL query selecting ?event: only those events are drawn.
    #[arg(long)]
    pub(crate) query: Option<PathBuf>,
    /// Fold same-kind, same-day, same-actor events past this many events.
    #[arg(long, default_value_t = 150)]
    pub(crate) fold_threshold: usize,
    #[arg(long)]
    pub(crate) title: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum TextFormat {
    Table,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExtractFormat {
    Table,
    Json,
    /// Each article's graph, as `ingest` would store it (input to `load`).
    Nquads,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum ExportFormat {
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
pub(crate) enum ImageFormat {
    Svg,
    Png,
    Dot,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum LaneArg {
    None,
    Actor,
    Kind,
}
