//! Reading articles: the seed format (` date YYYY-MM-DD ` header), plain text,
//! saved web pages (HTML, read by [`crate::html`]), JSON Lines corpora,
//! directories (recursively, see `walk`) and standard input.
//!
//! Every read is bounded (see `bounded`): an input past
//! `--max-article-bytes` is skipped with a message after reading at most
//! that many bytes, so no device, FIFO or endless line can hang a run.
//!
//! Reading never aborts a corpus: each input yields articles or a
//! [`ReadError`] naming the file (and line) and what to do, and the caller
//! decides whether that is fatal. Text is repaired here (mojibake, invalid
//! UTF-8) so that extraction sees clean text and evidence offsets point into
//! the text as eventline stored it.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use thiserror::Error;

mod bounded;
mod walk;

use bounded::{Bounded, Line};
pub use walk::collect_inputs;

use crate::model::ArticleDates;
use crate::timex::{self, TimexType};

/// Default size limit of one article, in bytes.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadError {
    #[error("{path}: no such file or directory (check the path)")]
    NotFound { path: PathBuf },
    #[error("{path}: directory holds no article files (.txt, .text, .md, .html, .htm, .jsonl, .json, or files without extension)")]
    NoArticles { path: PathBuf },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), skipped")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: article is {size} bytes, over the limit of {limit} (raise it with --max-article-bytes)")]
    TooLarge {
        path: PathBuf,
        size: usize,
        limit: usize,
    },
    #[error("{path}: input is larger than the limit of {limit} bytes; stopped reading there and skipped it (raise the limit with --max-article-bytes)")]
    OverLimit { path: PathBuf, limit: usize },
    #[error("{path}:{line}: JSON line is larger than the limit of {limit} bytes, skipped (raise it with --max-article-bytes)")]
    LineOverLimit {
        path: PathBuf,
        line: usize,
        limit: usize,
    },
    #[error("{path}:{line}: line runs on past {limit} bytes without a line end; the rest of the input is not read")]
    Endless {
        path: PathBuf,
        line: usize,
        limit: usize,
    },
    #[error("{path}: leads back to {target}, already walked (a directory loop); not followed")]
    Loop { path: PathBuf, target: PathBuf },
    #[error("{path}: same file as {first}, read once")]
    SameFile { path: PathBuf, first: PathBuf },
    #[error("{path}: web page has no main text (no paragraphs found)")]
    NoMainText { path: PathBuf },
    #[error("{path}:{line}: malformed JSON line skipped: {message}")]
    BadJsonLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: JSON line has no \"text\" field (nor \"html\"), skipped")]
    MissingText { path: PathBuf, line: usize },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ReadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::NotFound { path }
            | ReadError::NoArticles { path }
            | ReadError::Empty { path }
            | ReadError::Binary { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::BadJsonLine { path, .. }
            | ReadError::MissingText { path, .. }
            | ReadError::OverLimit { path, .. }
            | ReadError::LineOverLimit { path, .. }
            | ReadError::Endless { path, .. }
            | ReadError::Loop { path, .. }
            | ReadError::SameFile { path, .. }
            | ReadError::NoMainText { path }
            | ReadError::Io { path, .. } => path,
        }
    }
}

/// How the publication date of an article was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSource {
    Header,
    JsonField,
    CommandLine,
    /// Found in the text by the temporal tagger; the string names the method.
    Text(String),
    /// Found in a web page's markup or URL; the string names the method
    /// (`json-ld`, `meta:article:published_time`, `time`, `url`).
    Page(String),
    Unknown,
}

impl DateSource {
    pub fn describe(&self) -> String {
        match self {
            DateSource::Header => "header".into(),
            DateSource::JsonField => "json-published".into(),
            DateSource::CommandLine => "command-line".into(),
            DateSource::Text(m) => m.clone(),
            DateSource::Page(m) => format!("page-{m}"),
            DateSource::Unknown => "unknown".into(),
        }
    }
}

/// One article, ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identity: the JSON `id`, else the file name. Re-ingesting the
    /// same identity replaces the article.
    pub id: String,
    /// Where it was read from (path, `path:line`, or `-`).
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_source: DateSource,
    /// The publication date and the reference date of relative dates, as
    /// decided from all of the above and the text.
    pub dates: ArticleDates,
    /// The body text after repair; evidence offsets point into it.
    pub text: String,
    /// Things repaired on the way in, for the user to know.
    pub warnings: Vec<String>,
}

/// Options of the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Publication date for inputs that carry none (`--date`).
    pub date: Option<NaiveDate>,
    pub max_article_bytes: usize,
    /// The reader's today: a dateline without a year is read as the latest
    /// such date not after it. Passed in, so reading never looks at the
    /// clock and a test reads the same text the same way every day.
    pub today: NaiveDate,
}

impl ReadOptions {
    /// The default options, as of `today`.
    pub fn new(today: NaiveDate) -> Self {
        ReadOptions {
            date: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            today,
        }
    }
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Reads one input into articles; a JSON Lines input gives many, and its
/// bad lines come back as errors beside the good articles. At most
/// `max_article_bytes` (one line's worth for JSON Lines) is held at once.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Vec<Result<Article, ReadError>> {
    let (path, reader): (PathBuf, Box<dyn Read>) = match input {
        Input::Stdin => (PathBuf::from("-"), Box::new(std::io::stdin())),
        Input::File(p) => match fs::File::open(p) {
            Ok(f) => {
                // A regular file says its size: report it exactly and read nothing.
                let size = f
                    .metadata()
                    .ok()
                    .filter(std::fs::Metadata::is_file)
                    .map(|m| m.len());
                if let Some(size) = size.filter(|&s| s > opts.max_article_bytes as u64) {
                    if !is_jsonl_path(p) {
                        return vec![Err(ReadError::TooLarge {
                            path: p.clone(),
                            size: size as usize,
                            limit: opts.max_article_bytes,
                        })];
                    }
                }
                (p.clone(), Box::new(f))
            }
            Err(source) => {
                return vec![Err(ReadError::Io {
                    path: p.clone(),
                    source,
                })]
            }
        },
    };
    let io_error = |source| {
        vec![Err(ReadError::Io {
            path: path.clone(),
            source,
        })]
    };
    let mut r = BufReader::new(reader);
    let jsonl = is_jsonl_path(&path)
        || (path.as_os_str() == "-"
            && match r.fill_buf() {
                Ok(head) => head.first() == Some(&b'{'),
                Err(e) => return io_error(e),
            });
    if jsonl {
        return read_jsonl(&path, &mut r, opts);
    }
    match bounded::read_to_limit(&mut r, opts.max_article_bytes) {
        Ok(Bounded::Whole(bytes)) => read_bytes(&path, &bytes, opts),
        Ok(Bounded::OverLimit) => vec![Err(ReadError::OverLimit {
            path,
            limit: opts.max_article_bytes,
        })],
        Err(e) => io_error(e),
    }
}

/// Reads a whole input that is not an article (a query file, the text of
/// `eventline dates`; `-` is standard input) with the same bound.
pub fn read_small(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(fs::File::open(path).map_err(io)?)
    };
    match bounded::read_to_limit(reader, limit).map_err(io)? {
        Bounded::Whole(bytes) => Ok(bytes),
        Bounded::OverLimit => Err(ReadError::OverLimit {
            path: path.to_path_buf(),
            limit,
        }),
    }
}

fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "json")
    )
}

fn is_html_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Reads articles from bytes already in memory (`path` names them in errors).
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Article, ReadError>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(ReadError::Empty {
            path: path.to_path_buf(),
        })];
    }
    let is_jsonl = is_jsonl_path(path) || (path.as_os_str() == "-" && bytes.first() == Some(&b'{'));
    if is_jsonl {
        let mut r = bytes;
        return read_jsonl(path, &mut r, opts);
    }
    if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
        return vec![Err(ReadError::Binary {
            path: path.to_path_buf(),
            offset,
        })];
    }
    if bytes.len() > opts.max_article_bytes {
        return vec![Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len(),
            limit: opts.max_article_bytes,
        })];
    }
    let id = file_name(path);
    if is_html_path(path) || (path.as_os_str() == "-" && crate::html::looks_like_html(bytes)) {
        return vec![html_article(
            id,
            path,
            path.display().to_string(),
            bytes,
            None,
            opts,
        )];
    }
    let mut warnings = Vec::new();
    let text = decode(bytes, path, &mut warnings);
    vec![Ok(plain_article(
        id,
        path.display().to_string(),
        &text,
        opts,
        warnings,
    ))]
}

fn decode(bytes: &[u8], path: &Path, warnings: &mut Vec<String>) -> String {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "{}: invalid UTF-8 at byte {}, decoded lossily",
                path.display(),
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    match repair_mojibake(&text) {
        Some(fixed) => {
            warnings.push(format!(
                "{}: repaired mojibake (UTF-8 read as Windows-1252)",
                path.display()
            ));
            fixed
        }
        None => text,
    }
}

/// Builds an article from plain or seed-format text.
fn plain_article(
    id: String,
    source: String,
    text: &str,
    opts: &ReadOptions,
    warnings: Vec<String>,
) -> Article {
    let (header_date, body) = split_seed_header(text);
    let (published, date_source) = match header_date {
        Some(d) => (Some(d), DateSource::Header),
        None => match opts.date {
            Some(d) => (Some(d), DateSource::CommandLine),
            None => match timex::publication_date_as_of(body, opts.today) {
                Some((d, method)) => (Some(d), DateSource::Text(method.to_string())),
                None => (None, DateSource::Unknown),
            },
        },
    };
    let mut article = Article {
        id,
        source,
        title: headline(body),
        url: None,
        published,
        date_source,
        dates: ArticleDates::default(),
        text: body.to_string(),
        warnings,
    };
    article.dates = reference_dates(&article, opts.today);
    article
}

/// The publication date and the date deictic words refer to: the one
/// decision about an article's dates, made when it is read. A story
/// stamped 00:14 IST on the 17th, or datelined "Oct 16" with a header of
/// the 17th, was written on the 16th, and its "today" is the 16th.
fn reference_dates(article: &Article, today: NaiveDate) -> ArticleDates {
    let published = article.published;
    let from_text = match published {
        Some(p) => timex::publication_date_given(&article.text, today, p),
        None => timex::publication_date_as_of(&article.text, today),
    }
    .or_else(|| {
        published.and_then(|p| dateline_without_year(&article.text, p).map(|d| (d, "dateline")))
    });
    match (published, from_text) {
        (Some(p), Some((t, method))) if t <= p && (p - t).num_days() <= 2 => ArticleDates {
            published: Some(p),
            reference: Some(t),
            method: if t == p {
                article.date_source.describe()
            } else {
                method.to_string()
            },
        },
        (Some(p), _) => ArticleDates {
            published: Some(p),
            reference: Some(p),
            method: article.date_source.describe(),
        },
        (None, Some((t, method))) => ArticleDates {
            published: Some(t),
            reference: Some(t),
            method: method.to_string(),
        },
        (None, None) => ArticleDates {
            published: None,
            reference: None,
            method: "unknown".into(),
        },
    }
}

/// "New York, Oct 16 (IANS) ...": a dateline's month and day, in the year
/// that puts it on or just before the publication date.
fn dateline_without_year(text: &str, published: NaiveDate) -> Option<NaiveDate> {
    let first_line = text.lines().find(|l| !l.trim().is_empty())?;
    let mut cut = first_line.len().min(80);
    while !first_line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &first_line[..cut];
    // A dateline sits before the agency in brackets or a dash.
    let end = head.find(['(', '—', '–']).or_else(|| head.find(" - "))?;
    timex::tag(&head[..end], published)
        .into_iter()
        .filter(|t| t.ttype == TimexType::Date && t.earliest.is_some() && t.earliest == t.latest)
        .filter_map(|t| t.earliest)
        .find(|d| *d <= published && (published - *d).num_days() <= 2)
}

/// The seed format: the text starts with ` date YYYY-MM-DD ` and the article
/// follows on the same line.
fn split_seed_header(text: &str) -> (Option<NaiveDate>, &str) {
    let t = text.trim_start_matches([' ', '\t']);
    if let Some(rest) = t.strip_prefix("date ") {
        let rest = rest.trim_start();
        if rest.len() >= 10 && rest.is_char_boundary(10) {
            if let Ok(d) = NaiveDate::parse_from_str(&rest[..10], "%Y-%m-%d") {
                return (Some(d), rest[10..].trim_start_matches([' ', '\t']));
            }
        }
    }
    (None, text)
}

/// The first non-empty line, without a site's breadcrumb trail
/// ("Home / World News / Trump, Putin to hold ...").
fn headline(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.rsplit(" / ").next().unwrap_or(line).trim();
    let mut h: String = line.chars().take(200).collect();
    if h.len() < line.len() {
        h.push('…');
    }
    Some(h)
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    text: Option<String>,
    /// A saved web page instead of the text: read like an `.html` file.
    html: Option<String>,
}

/// Reads JSON Lines one bounded line at a time: a corpus of any size
/// streams through, a line past the limit is skipped, a line without end
/// gives up the input.
fn read_jsonl<R: BufRead>(
    path: &Path,
    r: &mut R,
    opts: &ReadOptions,
) -> Vec<Result<Article, ReadError>> {
    let mut out = Vec::new();
    let mut lineno = 0;
    loop {
        lineno += 1;
        let bytes = match bounded::read_line(r, opts.max_article_bytes) {
            Ok(Line::Whole(b)) => b,
            Ok(Line::Eof) => break,
            Ok(Line::TooLong) => {
                out.push(Err(ReadError::LineOverLimit {
                    path: path.to_path_buf(),
                    line: lineno,
                    limit: opts.max_article_bytes,
                }));
                continue;
            }
            Ok(Line::Endless) => {
                out.push(Err(ReadError::Endless {
                    path: path.to_path_buf(),
                    line: lineno,
                    limit: opts.max_article_bytes,
                }));
                break;
            }
            Err(source) => {
                out.push(Err(ReadError::Io {
                    path: path.to_path_buf(),
                    source,
                }));
                break;
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut warnings = Vec::new();
        let line = decode(
            &bytes,
            &PathBuf::from(format!("{}:{lineno}", path.display())),
            &mut warnings,
        );
        out.push(json_article(path, lineno, line.trim(), opts, warnings));
    }
    if out.is_empty() {
        out.push(Err(ReadError::Empty {
            path: path.to_path_buf(),
        }));
    }
    out
}

/// One JSON Lines record as an article.
fn json_article(
    path: &Path,
    lineno: usize,
    line: &str,
    opts: &ReadOptions,
    warnings: Vec<String>,
) -> Result<Article, ReadError> {
    let rec: JsonArticle = serde_json::from_str(line).map_err(|e| ReadError::BadJsonLine {
        path: path.to_path_buf(),
        line: lineno,
        message: e.to_string(),
    })?;
    let id = match &rec.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => rec
            .url
            .clone()
            .unwrap_or_else(|| format!("{}:{lineno}", file_name(path))),
    };
    let source = format!("{}:{lineno}", path.display());
    let text = rec.text.as_deref().filter(|t| !t.trim().is_empty());
    let html = rec.html.as_deref().filter(|t| !t.trim().is_empty());
    let mut a = match (text, html) {
        (Some(body), _) => plain_article(id, source, body, opts, warnings),
        (None, Some(page)) => {
            let mut a = html_article(
                id,
                &PathBuf::from(&source),
                source.clone(),
                page.as_bytes(),
                rec.url.as_deref(),
                opts,
            )?;
            a.warnings.extend(warnings);
            a
        }
        (None, None) => {
            return Err(ReadError::MissingText {
                path: path.to_path_buf(),
                line: lineno,
            })
        }
    };
    if let Some(d) = rec.published.as_deref().and_then(parse_json_date) {
        a.published = Some(d);
        a.date_source = DateSource::JsonField;
        a.dates = reference_dates(&a, opts.today);
    }
    if rec.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        a.title = rec.title.map(|t| t.trim().to_string());
    }
    if rec.url.is_some() {
        a.url = rec.url;
    }
    Ok(a)
}

/// A saved web page as an article: its main text, and its date from the
/// page (markup, URL) before `--date`, before the text.
fn html_article(
    id: String,
    path: &Path,
    source: String,
    bytes: &[u8],
    url: Option<&str>,
    opts: &ReadOptions,
) -> Result<Article, ReadError> {
    let page = crate::html::read_page(bytes, url);
    if page.text.trim().is_empty() {
        return Err(ReadError::NoMainText {
            path: path.to_path_buf(),
        });
    }
    let mut warnings: Vec<String> = page
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", path.display()))
        .collect();
    let text = match repair_mojibake(&page.text) {
        Some(fixed) => {
            warnings.push(format!(
                "{}: repaired mojibake (UTF-8 read as Windows-1252)",
                path.display()
            ));
            fixed
        }
        None => page.text,
    };
    let (published, date_source) = match (page.published, opts.date) {
        (Some((d, method)), _) => (Some(d), DateSource::Page(method.to_string())),
        (None, Some(d)) => (Some(d), DateSource::CommandLine),
        (None, None) => match timex::publication_date_as_of(&text, opts.today) {
            Some((d, method)) => (Some(d), DateSource::Text(method.to_string())),
            None => (None, DateSource::Unknown),
        },
    };
    let mut article = Article {
        id,
        source,
        title: page.title.or_else(|| headline(&text)),
        url: page.url.or(url.map(str::to_string)),
        published,
        date_source,
        dates: ArticleDates::default(),
        text,
        warnings,
    };
    article.dates = reference_dates(&article, opts.today);
    Ok(article)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("stdin")
        .to_string()
}

/// Accepts `YYYY-MM-DD` and RFC 3339 timestamps (their UTC date).
fn parse_json_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&chrono::Utc).date_naive());
    }
    s.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Windows-1252 characters of bytes 0x80..=0x9F (the ones that differ from Latin-1).
const CP1252: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xA0..=0xFF).contains(&u) || (0x80..=0x9F).contains(&u) {
        return Some(u as u8);
    }
    CP1252.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b)
}

/// Repairs text that was UTF-8, decoded as Windows-1252 and encoded again
/// ("todayâ€™s" -> "today’s"). Each run of characters that map back to
/// single bytes is re-decoded; a run is replaced only when its bytes are
/// valid UTF-8 holding a multi-byte character, so real Latin-1 text such as
/// "café" is left alone. Returns `None` when nothing needed repair.
pub fn repair_mojibake(text: &str) -> Option<String> {
    // Mojibake always starts with a lead byte read as Â..ï; cheap pre-check.
    if !text.chars().any(|c| ('\u{C2}'..='\u{EF}').contains(&c)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut run: Vec<(char, u8)> = Vec::new();
    let flush = |run: &mut Vec<(char, u8)>, out: &mut String, changed: &mut bool| {
        if run.is_empty() {
            return;
        }
        let bytes: Vec<u8> = run.iter().map(|(_, b)| *b).collect();
        // Decode greedily: valid multi-byte sequences are replaced, the rest kept as is.
        let mut i = 0;
        while i < bytes.len() {
            let len = match bytes[i] {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => 1,
            };
            if len > 1 && i + len <= bytes.len() {
                if let Ok(s) = std::str::from_utf8(&bytes[i..i + len]) {
                    out.push_str(s);
                    *changed = true;
                    i += len;
                    continue;
                }
            }
            out.push(run[i].0);
            i += 1;
        }
        run.clear();
    };
    for c in text.chars() {
        match cp1252_byte(c) {
            Some(b) => run.push((c, b)),
            None => {
                flush(&mut run, &mut out, &mut changed);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out, &mut changed);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> Vec<Result<Article, ReadError>> {
        read_bytes(
            Path::new(name),
            text.as_bytes(),
            &ReadOptions::new(NaiveDate::from_ymd_opt(2025, 10, 20).unwrap()),
        )
    }

    #[test]
    fn seed_header_gives_date_and_body() {
        let a = read(
            "a.txt",
            " date 2025-10-17 Home / World / Trump talks\n\nBody.",
        )
        .remove(0)
        .unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 10, 17));
        assert_eq!(a.date_source, DateSource::Header);
        assert!(a.text.starts_with("Home / World"));
        assert_eq!(a.title.as_deref(), Some("Trump talks"));
        assert_eq!(a.id, "a.txt");
    }

    #[test]
    fn mojibake_is_repaired_and_latin1_left_alone() {
        assert_eq!(
            repair_mojibake("todayâ€™s call").as_deref(),
            Some("today’s call")
        );
        assert_eq!(repair_mojibake("café in Zürich"), None);
        assert_eq!(repair_mojibake("plain ascii"), None);
        assert_eq!(
            repair_mojibake("Ã©tÃ© â€œquotedâ€\u{9d}").as_deref(),
            Some("été “quoted”")
        );
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let data = "{\"id\":\"a\",\"published\":\"2025-10-17T10:00:00Z\",\"title\":\"T\",\"text\":\"Hello.\"}\n{broken\n\n{\"id\":\"c\"}\n";
        let got = read("c.jsonl", data);
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 10, 17));
        assert!(matches!(
            got[1],
            Err(ReadError::BadJsonLine { line: 2, .. })
        ));
        assert!(matches!(
            got[2],
            Err(ReadError::MissingText { line: 4, .. })
        ));
    }

    #[test]
    fn binary_empty_and_oversized_inputs_are_errors() {
        assert!(matches!(
            read("b.txt", "ab\0cd")[0],
            Err(ReadError::Binary { .. })
        ));
        assert!(matches!(
            read("e.txt", "  \n")[0],
            Err(ReadError::Empty { .. })
        ));
        let opts = ReadOptions {
            max_article_bytes: 4,
            ..ReadOptions::new(NaiveDate::from_ymd_opt(2025, 10, 20).unwrap())
        };
        let got = read_bytes(Path::new("big.txt"), b"0123456789", &opts);
        assert!(matches!(got[0], Err(ReadError::TooLarge { size: 10, .. })));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let got = read_bytes(
            Path::new("x.txt"),
            b"caf\xe9 talks",
            &ReadOptions::new(NaiveDate::from_ymd_opt(2025, 10, 20).unwrap()),
        );
        let a = got[0].as_ref().unwrap();
        assert!(a.text.contains("caf"));
        assert!(a.warnings[0].contains("invalid UTF-8"));
    }
}
