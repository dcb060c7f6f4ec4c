//! The store: an embedded, persistent Oxigraph (RocksDB) dataset.
//!
//! Graph layout, the invariants every other module relies on:
//! - the ontology and the gazetteer each live in a named graph of their own,
//!   reloaded only when their content changes;
//! - **every statement an article makes lives in that article's graph**,
//!   written in one transaction with the events it affects, so a crash never
//!   leaves half an article;
//! - **events are derived**: each block (kind family + country-level actors)
//!   has a graph holding the merged events of all mentions in that block,
//!   recomputed from the mentions whenever one of them changes. Events are
//!   therefore a function of the set of articles, whatever the order of
//!   ingestion.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term, TermRef,
};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store, Transaction};
use thiserror::Error;

use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::merge::{self, Item, Mode};
use crate::model::{
    ArticleExtraction, DateMethod, DateWindow, EntityRef, EntityType, EventKind, Mention,
    RelationKind, Role, Status,
};
use crate::rdf::{self, nn, MergedEvent};
use crate::vocab;

/// The ontology shipped with eventline.
pub const ONTOLOGY: &str = include_str!("../ontology/eventline.ttl");

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("store {path} is in use by another eventline process (only one may open it at a time: wait for it to finish, add --wait SECONDS, or use another --store)")]
    Locked { path: String },
    #[error("cannot open store {path}: {message}")]
    Open { path: String, message: String },
    #[error("store error: {0}")]
    Storage(#[from] StorageError),
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("query failed: {0}")]
    Query(String),
    #[error("cannot load {what}: {message}")]
    Load { what: String, message: String },
    #[error("cannot write output: {0}")]
    Output(String),
    #[error("cannot write output: {0}")]
    Write(#[source] std::io::Error),
}

/// What ingesting one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingested {
    Added,
    Replaced,
    Unchanged,
}

pub struct EventStore {
    store: Store,
    /// Fingerprints of the stored articles (article IRI, published, SimHash),
    /// read once per process to find syndicated copies without a scan per
    /// article.
    fingerprints: std::sync::Mutex<Option<Vec<Fingerprint>>>,
}

/// A stored article's IRI, publication date and SimHash.
type Fingerprint = (String, Option<NaiveDate>, u64);

/// One solution of a SELECT query, in the order of its variables.
pub type Row = Vec<Option<Term>>;

/// Query output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

fn lit(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

impl EventStore {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let store = Store::open(path).map_err(|e| {
            let message = e.to_string();
            if message.to_lowercase().contains("lock") {
                StoreError::Locked {
                    path: path.display().to_string(),
                }
            } else {
                StoreError::Open {
                    path: path.display().to_string(),
                    message,
                }
            }
        })?;
        Ok(EventStore {
            store,
            fingerprints: Default::default(),
        })
    }

    /// An in-memory store, for tests and one-off runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(EventStore {
            store: Store::new()?,
            fingerprints: Default::default(),
        })
    }

    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Loads the ontology and gazetteer graphs unless they are already
    /// there with the same content.
    pub fn ensure_vocabulary(
        &self,
        gazetteer_sources: &[(std::path::PathBuf, String)],
    ) -> Result<(), StoreError> {
        self.ensure_graph(
            vocab::GRAPH_ONTOLOGY,
            &[("ontology/eventline.ttl".into(), ONTOLOGY.to_string())],
        )?;
        self.ensure_graph(vocab::GRAPH_GAZETTEER, gazetteer_sources)
    }

    fn ensure_graph(
        &self,
        graph: &str,
        sources: &[(std::path::PathBuf, String)],
    ) -> Result<(), StoreError> {
        let mut all = String::new();
        for (_, t) in sources {
            all.push_str(t);
            all.push('\n');
        }
        let hash = rdf::short_hash(&all);
        let g = nn(graph);
        let marker = Quad::new(g.clone(), nn(vocab::CONTENT_HASH), lit(&hash), g.clone());
        if self.store.contains(&marker)? {
            return Ok(());
        }
        let mut t = self.store.start_transaction()?;
        t.clear_graph(GraphNameRef::NamedNode(g.as_ref()))?;
        for (path, text) in sources {
            t.load_from_slice(
                RdfParser::from_format(RdfFormat::Turtle).with_default_graph(g.clone()),
                text.as_bytes(),
            )
            .map_err(|e| StoreError::Load {
                what: path.display().to_string(),
                message: e.to_string(),
            })?;
        }
        t.insert(&marker);
        t.commit()?;
        Ok(())
    }

    /// Writes one article and re-derives the events it touches, atomically.
    pub fn ingest(
        &self,
        article: &Article,
        extraction: &ArticleExtraction,
        gaz: &Gazetteer,
    ) -> Result<Ingested, StoreError> {
        let out = self.ingest_batch(&[(article, extraction)])?[0];
        self.rebuild_dirty(gaz)?;
        Ok(out)
    }

    /// Writes several articles in one transaction: each is whole or absent
    /// after a crash. The blocks of events they touch are marked dirty in
    /// the same transaction and re-derived by [`EventStore::rebuild_dirty`],
    /// once per run instead of once per article; a run killed in between
    /// leaves the marks, and the next run finishes the work.
    pub fn ingest_batch(
        &self,
        batch: &[(&Article, &ArticleExtraction)],
    ) -> Result<Vec<Ingested>, StoreError> {
        let mut t = self.store.start_transaction()?;
        let mut blocks: BTreeSet<String> = BTreeSet::new();
        let mut outcomes = Vec::with_capacity(batch.len());
        for (article, extraction) in batch {
            let graph = nn(&rdf::article_graph(&article.id));
            let old = stored_hash(&t, &article.id)?;
            if old.as_deref() == Some(article.content_hash().as_str()) {
                outcomes.push(Ingested::Unchanged);
                continue;
            }
            blocks.extend(blocks_of_graph(&t, graph.as_ref())?);
            t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
            let fingerprint = crate::syndication::fingerprint(&article.text);
            for q in rdf::article_quads(article, extraction, fingerprint) {
                t.insert(&q);
            }
            blocks.extend(extraction.mentions.iter().map(Mention::block_key));
            self.link_copies(&mut t, &article.id, extraction, fingerprint, &mut blocks)?;
            outcomes.push(if old.is_some() {
                Ingested::Replaced
            } else {
                Ingested::Added
            });
        }
        mark_dirty(&mut t, &blocks);
        t.commit()?;
        Ok(outcomes)
    }

    /// Finds the stored articles this one is a near-copy of and links each
    /// pair, the later one (by date, then article IRI) as the copy. The links live in
    /// their own graph; the blocks of the original's events are re-derived
    /// so their count of independent sources stays right.
    fn link_copies(
        &self,
        t: &mut Transaction,
        id: &str,
        extraction: &ArticleExtraction,
        fingerprint: Option<u64>,
        blocks: &mut BTreeSet<String>,
    ) -> Result<(), StoreError> {
        let doc = rdf::article_iri(id);
        let mut guard = self
            .fingerprints
            .lock()
            .map_err(|_| StoreError::Query("fingerprint index poisoned".into()))?;
        if guard.is_none() {
            *guard = Some(read_fingerprints(t)?);
        }
        let index = guard.as_mut().expect("just filled");
        index.retain(|(d, _, _)| *d != doc);
        blocks.extend(unlink_copies(t, &doc)?);
        let Some(fp) = fingerprint else {
            return Ok(());
        };
        let published = extraction.dates.published;
        let syn = nn(vocab::GRAPH_SYNDICATION);
        for (other, date, ofp) in index.iter() {
            let close_in_time = match (published, date) {
                (Some(a), Some(b)) => (a - *b).num_days().abs() <= 7,
                _ => true,
            };
            if !close_in_time || !crate::syndication::is_copy(fp, *ofp) {
                continue;
            }
            let (copy, original) = if (published, &doc) > (*date, other) {
                (doc.clone(), other.clone())
            } else {
                (other.clone(), doc.clone())
            };
            t.insert(&Quad::new(
                nn(&copy),
                nn(vocab::SYNDICATED_COPY_OF),
                nn(&original),
                syn.clone(),
            ));
            blocks.extend(blocks_of_doc(t, other)?);
        }
        index.push((doc, published, fp));
        Ok(())
    }

    /// Withdraws one article and everything it contributed.
    pub fn remove(&self, id: &str, gaz: &Gazetteer) -> Result<bool, StoreError> {
        let graph = nn(&rdf::article_graph(id));
        if !self
            .store
            .contains_named_graph(NamedOrBlankNodeRef::NamedNode(graph.as_ref()))?
        {
            return Ok(false);
        }
        let mut t = self.store.start_transaction()?;
        let mut blocks = blocks_of_graph(&t, graph.as_ref())?;
        t.remove_named_graph(NamedOrBlankNodeRef::NamedNode(graph.as_ref()))?;
        let doc = rdf::article_iri(id);
        blocks.extend(unlink_copies(&mut t, &doc)?);
        if let Ok(mut g) = self.fingerprints.lock() {
            if let Some(v) = g.as_mut() {
                v.retain(|(d, _, _)| *d != doc);
            }
        }
        mark_dirty(&mut t, &blocks);
        t.commit()?;
        self.rebuild_dirty(gaz)?;
        Ok(true)
    }

    /// Re-derives every block marked dirty, a few hundred per transaction,
    /// then the event relations if events changed.
    pub fn rebuild_dirty(&self, gaz: &Gazetteer) -> Result<Rebuilt, StoreError> {
        let meta = nn(vocab::GRAPH_META);
        let started = std::time::Instant::now();
        let mut done = 0;
        loop {
            let mut t = self.store.start_transaction()?;
            let mut keys = Vec::new();
            for q in t.quads_for_pattern(
                Some(NamedOrBlankNodeRef::NamedNode(meta.as_ref())),
                Some(NamedNodeRef::new_unchecked(vocab::DIRTY_BLOCK)),
                None,
                Some(GraphNameRef::NamedNode(meta.as_ref())),
            ) {
                if let Term::Literal(l) = q?.object {
                    keys.push(l.value().to_string());
                }
                if keys.len() >= 256 {
                    break;
                }
            }
            if keys.is_empty() {
                drop(t);
                let events_time = started.elapsed();
                let relations = self.rebuild_relations()?;
                return Ok(Rebuilt {
                    blocks: done,
                    events_time,
                    relations,
                    relations_time: started.elapsed() - events_time,
                });
            }
            for k in &keys {
                rebuild_block(&mut t, k, gaz)?;
                t.remove(&Quad::new(
                    meta.clone(),
                    nn(vocab::DIRTY_BLOCK),
                    lit(k),
                    meta.clone(),
                ));
            }
            t.commit()?;
            done += keys.len();
        }
    }

    /// Lifts the articles' mention relations to the events holding the
    /// mentions and keeps a consistent set of them (see
    /// [`crate::relations::decide`]) in the relations graph, when marked
    /// dirty. Returns how many relations were kept.
    pub fn rebuild_relations(&self) -> Result<Option<usize>, StoreError> {
        let mark = relations_mark();
        let mut t = self.store.start_transaction()?;
        if !t.contains(&mark)? {
            return Ok(None);
        }
        let mut event_of: HashMap<String, Option<String>> = HashMap::new();
        let mut lift =
            |t: &Transaction, m: &NamedOrBlankNode| -> Result<Option<String>, StoreError> {
                let key = m.to_string();
                if let Some(e) = event_of.get(&key) {
                    return Ok(e.clone());
                }
                let mut found = None;
                for q in t.quads_for_pattern(
                    None,
                    Some(NamedNodeRef::new_unchecked(vocab::HAS_MENTION)),
                    Some(m.as_ref().into()),
                    None,
                ) {
                    if let NamedOrBlankNode::NamedNode(e) = q?.subject {
                        found = Some(e.into_string());
                        break;
                    }
                }
                event_of.insert(key, found.clone());
                Ok(found)
            };
        let mut candidates = Vec::new();
        for kind in RelationKind::ALL {
            let p = vocab::evl(kind.name());
            let quads: Vec<Quad> = t
                .quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(&p)), None, None)
                .collect::<Result<_, _>>()?;
            for q in quads {
                let in_article = matches!(&q.graph_name,
                    GraphName::NamedNode(g) if g.as_str().starts_with(vocab::GRAPH_ARTICLE_PREFIX));
                let Term::NamedNode(object) = &q.object else {
                    continue;
                };
                if !in_article {
                    continue;
                }
                let object = NamedOrBlankNode::NamedNode(object.clone());
                if let (Some(a), Some(b)) = (lift(&t, &q.subject)?, lift(&t, &object)?) {
                    candidates.push((a, kind, b));
                }
            }
        }
        let candidates = crate::relations::tally(candidates);
        let mut dates = HashMap::new();
        for r in &candidates {
            for e in [&r.from, &r.to] {
                if !dates.contains_key(e) {
                    if let Some(w) = event_window(&t, e)? {
                        dates.insert(e.clone(), w);
                    }
                }
            }
        }
        let decision = crate::relations::decide(candidates, &dates);
        let graph = nn(vocab::GRAPH_RELATIONS);
        t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        for r in &decision.kept {
            t.insert(&Quad::new(
                nn(&r.from),
                nn(&vocab::evl(r.kind.name())),
                nn(&r.to),
                graph.clone(),
            ));
        }
        t.remove(&mark);
        t.commit()?;
        Ok(Some(decision.kept.len()))
    }

    /// Writes the memtables to disk, so that the next process to open the
    /// store does not replay the whole write-ahead log first (1.8 s after
    /// ingesting the 2,422-story corpus, 8 s after 10,000 articles).
    pub fn flush(&self) -> Result<(), StoreError> {
        Ok(self.store.flush()?)
    }

    /// Runs a SPARQL query with the union of all graphs as default graph.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut prepared = SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| StoreError::Syntax(e.to_string()))?;
        prepared.dataset_mut().set_default_graph_as_union();
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::Query(e.to_string()))
    }

    /// SELECT results: the variable names and one row of bindings per solution.
    pub fn select(&self, query: &str) -> Result<(Vec<String>, Vec<Row>), StoreError> {
        match self.query(query)? {
            QueryResults::Solutions(sols) => {
                let vars: Vec<String> = sols
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for s in sols {
                    let s = s.map_err(|e| StoreError::Query(e.to_string()))?;
                    rows.push(vars.iter().map(|v| s.get(v.as_str()).cloned()).collect());
                }
                Ok((vars, rows))
            }
            _ => Err(StoreError::Query("expected a SELECT query".into())),
        }
    }

    /// Writes query results in the given format.
    pub fn write_results(
        &self,
        query: &str,
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<usize, StoreError> {
        let results = self.query(query)?;
        let err = StoreError::Write;
        match results {
            QueryResults::Solutions(sols) => {
                let vars = sols.variables().to_vec();
                let mut rows = Vec::new();
                for s in sols {
                    rows.push(s.map_err(|e| StoreError::Query(e.to_string()))?);
                }
                let n = rows.len();
                match format {
                    ResultFormat::Table => {
                        let headers: Vec<String> =
                            vars.iter().map(|v| v.as_str().to_string()).collect();
                        let cells: Vec<Vec<String>> = rows
                            .iter()
                            .map(|r| {
                                vars.iter()
                                    .map(|v| r.get(v).map(display_term).unwrap_or_default())
                                    .collect()
                            })
                            .collect();
                        write_table(out, &headers, &cells).map_err(err)?;
                        writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" }).map_err(err)?;
                    }
                    other => {
                        let f = match other {
                            ResultFormat::Json => QueryResultsFormat::Json,
                            ResultFormat::Csv => QueryResultsFormat::Csv,
                            _ => QueryResultsFormat::Tsv,
                        };
                        let mut ser = QueryResultsSerializer::from_format(f)
                            .serialize_solutions_to_writer(&mut *out, vars.clone())
                            .map_err(err)?;
                        for r in &rows {
                            ser.serialize(r).map_err(err)?;
                        }
                        ser.finish().map_err(err)?;
                    }
                }
                Ok(n)
            }
            QueryResults::Boolean(b) => {
                match format {
                    ResultFormat::Table => writeln!(out, "{b}").map_err(err)?,
                    other => {
                        let f = match other {
                            ResultFormat::Json => QueryResultsFormat::Json,
                            ResultFormat::Csv => QueryResultsFormat::Csv,
                            _ => QueryResultsFormat::Tsv,
                        };
                        QueryResultsSerializer::from_format(f)
                            .serialize_boolean_to_writer(&mut *out, b)
                            .map_err(err)?;
                    }
                }
                Ok(1)
            }
            QueryResults::Graph(triples) => {
                let mut ser = RdfSerializer::from_format(RdfFormat::Turtle).for_writer(&mut *out);
                let mut n = 0;
                for t in triples {
                    let t = t.map_err(|e| StoreError::Query(e.to_string()))?;
                    ser.serialize_triple(&t).map_err(err)?;
                    n += 1;
                }
                ser.finish().map_err(err)?;
                Ok(n)
            }
        }
    }

    /// Exports the store. Dataset formats keep the named graphs; triple
    /// formats get the union of all graphs, each triple once.
    pub fn export(&self, format: RdfFormat, out: &mut dyn Write) -> Result<usize, StoreError> {
        let err = StoreError::Write;
        let mut ser = RdfSerializer::from_format(format)
            .with_prefix("evl", vocab::EVL)
            .and_then(|s| s.with_prefix("eid", vocab::EID))
            .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
            .and_then(|s| s.with_prefix("schema", "https://schema.org/"))
            .and_then(|s| s.with_prefix("oa", "http://www.w3.org/ns/oa#"))
            .and_then(|s| s.with_prefix("owl", "http://www.w3.org/2002/07/owl#"))
            .and_then(|s| s.with_prefix("xsd", "http://www.w3.org/2001/XMLSchema#"))
            .map_err(|e| StoreError::Output(e.to_string()))?
            .for_writer(&mut *out);
        let mut n = 0;
        if format.supports_datasets() {
            for q in self.store.iter() {
                ser.serialize_quad(&q?).map_err(err)?;
                n += 1;
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for q in self.store.iter() {
                let q = q?;
                let t = oxigraph::model::Triple::new(q.subject, q.predicate, q.object);
                if seen.insert(t.clone()) {
                    ser.serialize_triple(&t).map_err(err)?;
                    n += 1;
                }
            }
        }
        ser.finish().map_err(err)?;
        Ok(n)
    }
}

/// A term for people: IRIs shortened with the usual prefixes, literals bare.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => shorten(n.as_str()),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

pub fn shorten(iri: &str) -> String {
    for (p, ns) in [
        ("evl:", vocab::EVL),
        ("eid:", vocab::EID),
        ("wd:", vocab::WIKIDATA_ENTITY),
        ("schema:", "https://schema.org/"),
        ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
    ] {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}{rest}");
        }
    }
    iri.to_string()
}

fn write_table(
    out: &mut dyn Write,
    headers: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 60;
    let clip = |s: &str| -> String {
        let one_line: String = s
            .chars()
            // Line breaks and bidi overrides would let a label forge rows
            // or reorder what the terminal shows.
            .map(|c| {
                if c.is_control()
                    || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        if one_line.chars().count() > MAX {
            let mut t: String = one_line.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            one_line
        }
    };
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - c.chars().count())))
            .collect();
        writeln!(out, "{}", parts.join(" | ").trim_end())
    };
    line(out, headers)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for r in &rows {
        line(out, r)?;
    }
    Ok(())
}

fn read_fingerprints(t: &Transaction) -> Result<Vec<Fingerprint>, StoreError> {
    let mut out = Vec::new();
    for q in t.quads_for_pattern(
        None,
        Some(NamedNodeRef::new_unchecked(vocab::FINGERPRINT)),
        None,
        None,
    ) {
        let q = q?;
        let (oxigraph::model::NamedOrBlankNode::NamedNode(doc), Term::Literal(l)) =
            (&q.subject, &q.object)
        else {
            continue;
        };
        let Ok(fp) = u64::from_str_radix(l.value(), 16) else {
            continue;
        };
        let mut published = None;
        for p in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(doc.as_ref())),
            Some(NamedNodeRef::new_unchecked(vocab::SCHEMA_DATE_PUBLISHED)),
            None,
            Some(q.graph_name.as_ref()),
        ) {
            if let Term::Literal(d) = p?.object {
                published = d.value().parse().ok();
            }
        }
        out.push((doc.as_str().to_string(), published, fp));
    }
    Ok(out)
}

/// Removes the syndication links of a document; returns the blocks of the
/// documents it was linked to, whose counts of independent sources change.
fn unlink_copies(t: &mut Transaction, doc: &str) -> Result<BTreeSet<String>, StoreError> {
    let syn = nn(vocab::GRAPH_SYNDICATION);
    let node = nn(doc);
    let mut quads = Vec::new();
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
        None,
        None,
        Some(GraphNameRef::NamedNode(syn.as_ref())),
    ) {
        quads.push(q?);
    }
    for q in t.quads_for_pattern(
        None,
        None,
        Some(TermRef::NamedNode(node.as_ref())),
        Some(GraphNameRef::NamedNode(syn.as_ref())),
    ) {
        quads.push(q?);
    }
    let mut blocks = BTreeSet::new();
    for q in &quads {
        for end in [q.subject.to_string(), q.object.to_string()] {
            let iri = end
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string();
            if iri != doc {
                blocks.extend(blocks_of_doc(t, &iri)?);
            }
        }
        t.remove(q);
    }
    Ok(blocks)
}

/// The blocks of the events an article's mentions belong to.
fn blocks_of_doc(t: &Transaction, doc: &str) -> Result<BTreeSet<String>, StoreError> {
    let key = doc.rsplit('/').next().unwrap_or_default();
    let graph = nn(&format!("{}{key}", vocab::GRAPH_ARTICLE_PREFIX));
    blocks_of_graph(t, graph.as_ref())
}

/// The meta-graph mark saying the event relations must be recomputed.
fn relations_mark() -> Quad {
    let meta = nn(vocab::GRAPH_META);
    Quad::new(
        meta.clone(),
        nn(vocab::DIRTY_RELATIONS),
        Literal::from(true),
        meta,
    )
}

fn mark_dirty(t: &mut Transaction, blocks: &BTreeSet<String>) {
    let meta = nn(vocab::GRAPH_META);
    // Changed events may change how events relate; the mark lives in the
    // same transaction, so a killed run still recomputes the relations.
    if !blocks.is_empty() {
        t.insert(&relations_mark());
    }
    for b in blocks {
        t.insert(&Quad::new(
            meta.clone(),
            nn(vocab::DIRTY_BLOCK),
            lit(b),
            meta.clone(),
        ));
    }
}

/// An event's date window, when it has one.
fn event_window(
    t: &Transaction,
    event: &str,
) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError> {
    let e = nn(event);
    let date = |p: &str| -> Result<Option<NaiveDate>, StoreError> {
        for q in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(e.as_ref())),
            Some(NamedNodeRef::new_unchecked(p)),
            None,
            None,
        ) {
            if let Term::Literal(l) = q?.object {
                return Ok(l.value().parse().ok());
            }
        }
        Ok(None)
    };
    Ok(date(vocab::EARLIEST)?.zip(date(vocab::LATEST)?))
}

/// The content hash of an article already in the store.
fn stored_hash(t: &Transaction, id: &str) -> Result<Option<String>, StoreError> {
    let doc = nn(&rdf::article_iri(id));
    let graph = nn(&rdf::article_graph(id));
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(doc.as_ref())),
        Some(NamedNodeRef::new_unchecked(vocab::CONTENT_HASH)),
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        if let Term::Literal(l) = q?.object {
            return Ok(Some(l.value().to_string()));
        }
    }
    Ok(None)
}

fn blocks_of_graph(t: &Transaction, graph: NamedNodeRef) -> Result<BTreeSet<String>, StoreError> {
    let mut out = BTreeSet::new();
    for q in t.quads_for_pattern(
        None,
        Some(NamedNodeRef::new_unchecked(vocab::BLOCK_KEY)),
        None,
        Some(GraphNameRef::NamedNode(graph)),
    ) {
        if let Term::Literal(l) = q?.object {
            out.insert(l.value().to_string());
        }
    }
    Ok(out)
}

/// A mention read back from the store, with its article's facts.
struct StoredMention {
    iri: String,
    doc: String,
    reference: Option<NaiveDate>,
    mention: Mention,
}

fn iri_of(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Rebuilds an actor reference: from the gazetteer, else from the minted
/// actor's triples in the article graph.
fn actor_ref(
    t: &Transaction,
    iri: &str,
    graph: &GraphName,
    gaz: &Gazetteer,
    date: Option<NaiveDate>,
) -> Result<EntityRef, StoreError> {
    if let Some(i) = gaz.get(iri) {
        return Ok(gaz.entity_ref(i, date));
    }
    let mut label = local(iri).to_string();
    let mut etype = EntityType::Group;
    let mut anchor = iri.to_string();
    let node = nn(iri);
    for q in t.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
        None,
        None,
        Some(graph.as_ref()),
    ) {
        let q = q?;
        match q.predicate.as_str() {
            vocab::NAME_IN_ARTICLE => {
                if let Term::Literal(l) = &q.object {
                    label = l.value().to_string();
                }
            }
            vocab::MINTED_AS if iri_of(&q.object).as_deref() == Some(vocab::PERSON) => {
                etype = EntityType::Person;
            }
            vocab::AFFILIATION => {
                if let Some(a) = iri_of(&q.object) {
                    anchor = match gaz.get(&a) {
                        Some(i) => gaz.entity_ref(i, date).anchor,
                        None => a,
                    };
                }
            }
            _ => {}
        }
    }
    Ok(EntityRef {
        iri: iri.to_string(),
        label,
        etype,
        qid: None,
        anchor,
        leader: false,
        located_in: None,
    })
}

fn read_block(
    t: &Transaction,
    block: &str,
    gaz: &Gazetteer,
) -> Result<Vec<StoredMention>, StoreError> {
    let key = lit(block);
    let mut found: Vec<(String, GraphName)> = Vec::new();
    for q in t.quads_for_pattern(
        None,
        Some(NamedNodeRef::new_unchecked(vocab::BLOCK_KEY)),
        Some(TermRef::Literal(key.as_ref())),
        None,
    ) {
        let q = q?;
        let GraphName::NamedNode(g) = &q.graph_name else {
            continue;
        };
        if !g.as_str().starts_with(vocab::GRAPH_ARTICLE_PREFIX) {
            continue;
        }
        if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
            found.push((s.as_str().to_string(), q.graph_name.clone()));
        }
    }
    let mut doc_dates: HashMap<String, Option<NaiveDate>> = HashMap::new();
    let mut out = Vec::new();
    for (iri, graph) in found {
        let node = nn(&iri);
        let mut props: Vec<(String, Term)> = Vec::new();
        for q in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
            None,
            None,
            Some(graph.as_ref()),
        ) {
            let q = q?;
            props.push((q.predicate.as_str().to_string(), q.object));
        }
        fn get<'a>(props: &'a [(String, Term)], p: &'a str) -> impl Iterator<Item = &'a Term> + 'a {
            props.iter().filter(move |(k, _)| k == p).map(|(_, v)| v)
        }
        let get = |p: &'static str| get(&props, p);
        let doc = get(vocab::MENTIONED_IN)
            .find_map(iri_of)
            .unwrap_or_default();
        let reference = match doc_dates.get(&doc) {
            Some(d) => *d,
            None => {
                let d = {
                    let dn = nn(&doc);
                    let mut r = None;
                    for q in t.quads_for_pattern(
                        Some(NamedOrBlankNodeRef::NamedNode(dn.as_ref())),
                        Some(NamedNodeRef::new_unchecked(vocab::REFERENCE_DATE)),
                        None,
                        Some(graph.as_ref()),
                    ) {
                        if let Term::Literal(l) = q?.object {
                            r = l.value().parse().ok();
                        }
                    }
                    r
                };
                doc_dates.insert(doc.clone(), d);
                d
            }
        };
        let Some(kind) = get(vocab::MENTION_KIND)
            .find_map(iri_of)
            .and_then(|k| EventKind::from_name(local(&k)))
        else {
            continue;
        };
        let status = get(vocab::STATUS)
            .find_map(iri_of)
            .and_then(|s| Status::from_name(local(&s)))
            .unwrap_or(Status::Occurred);
        let mut actors = Vec::new();
        for (p, role) in [
            (vocab::INITIATOR, Role::Initiator),
            (vocab::TARGET, Role::Target),
            (vocab::PARTICIPANT, Role::Participant),
        ] {
            let mut iris: Vec<String> = get(p).filter_map(iri_of).collect();
            iris.sort();
            for a in iris {
                actors.push((role, actor_ref(t, &a, &graph, gaz, reference)?));
            }
        }
        let date_of = |p: &'static str| -> Option<NaiveDate> {
            get(p).find_map(|v| match v {
                Term::Literal(l) => l.value().parse().ok(),
                _ => None,
            })
        };
        let text_of = |p: &'static str| -> Option<String> {
            get(p).find_map(|v| match v {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
        };
        let date = match (date_of(vocab::EARLIEST), date_of(vocab::LATEST)) {
            (Some(e), Some(l)) => Some(DateWindow {
                earliest: e,
                latest: l,
                value: text_of(vocab::DATE_VALUE).unwrap_or_default(),
                granularity: text_of(vocab::DATE_GRANULARITY).unwrap_or_default(),
                method: match get(vocab::DATE_METHOD).find_map(iri_of).as_deref() {
                    Some(vocab::DATE_EXPLICIT) => DateMethod::Explicit,
                    Some(vocab::DATE_RELATIVE_TO_DATE) => DateMethod::RelativeToDate,
                    _ => DateMethod::RelativeToPublication,
                },
                text: String::new(),
            }),
            _ => None,
        };
        let place = match get(vocab::PLACE).find_map(iri_of) {
            Some(p) => Some(actor_ref(t, &p, &graph, gaz, reference)?),
            None => None,
        };
        let claimed_by = match get(vocab::CLAIMED_BY).find_map(iri_of) {
            Some(p) => Some(actor_ref(t, &p, &graph, gaz, reference)?),
            None => None,
        };
        let mention = Mention {
            kind,
            actors,
            date,
            place,
            status,
            claimed_by,
            attack_mode: get(vocab::ATTACK_MODE)
                .find_map(iri_of)
                .map(|m| local(&m).to_string()),
            topic: text_of(vocab::TOPIC)
                .map(|t| t.split(' ').map(str::to_string).collect())
                .unwrap_or_default(),
            evidence: Vec::new(),
        };
        out.push(StoredMention {
            iri,
            doc,
            reference,
            mention,
        });
    }
    Ok(out)
}

/// The syndication links among the documents of a block: (copy, original).
fn copy_links(
    t: &Transaction,
    stored: &[StoredMention],
) -> Result<Vec<(String, String)>, StoreError> {
    let syn = nn(vocab::GRAPH_SYNDICATION);
    let mut out = Vec::new();
    let docs: BTreeSet<&str> = stored.iter().map(|s| s.doc.as_str()).collect();
    for d in docs {
        let node = nn(d);
        for q in t.quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())),
            Some(NamedNodeRef::new_unchecked(vocab::SYNDICATED_COPY_OF)),
            None,
            Some(GraphNameRef::NamedNode(syn.as_ref())),
        ) {
            if let Term::NamedNode(o) = q?.object {
                out.push((d.to_string(), o.into_string()));
            }
        }
    }
    Ok(out)
}

/// Re-derives the merged events of one block from all its mentions.
fn rebuild_block(t: &mut Transaction, block: &str, gaz: &Gazetteer) -> Result<(), StoreError> {
    let stored = read_block(t, block, gaz)?;
    let graph = nn(&rdf::block_graph(block));
    t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
    if stored.is_empty() {
        return Ok(());
    }
    let items: Vec<Item> = stored
        .iter()
        .map(|s| Item {
            mention: &s.mention,
            reference: s.reference,
            id: s.iri.clone(),
        })
        .collect();
    let clusters = merge::cluster(&items, Mode::Store);
    let copies = copy_links(t, &stored)?;
    let mut events = Vec::new();
    for c in clusters {
        let members: Vec<&Item> = c.iter().map(|&i| &items[i]).collect();
        let event = merge::combine(&members, Mode::Store);
        let mentions: Vec<String> = c.iter().map(|&i| stored[i].iri.clone()).collect();
        let documents: BTreeSet<String> = c.iter().map(|&i| stored[i].doc.clone()).collect();
        // Copies of a story told by another source of the event confirm nothing new.
        let independent = documents
            .iter()
            .filter(|d| !copies.iter().any(|(c, o)| c == *d && documents.contains(o)))
            .count();
        events.push(MergedEvent {
            iri: rdf::event_iri(block, &mentions[0]),
            event,
            mentions,
            documents: documents.into_iter().collect(),
            independent,
        });
    }
    let mut minted: BTreeMap<&str, &EntityRef> = BTreeMap::new();
    for s in &stored {
        let m = &s.mention;
        for e in m
            .actors
            .iter()
            .map(|(_, e)| e)
            .chain(&m.place)
            .chain(&m.claimed_by)
        {
            minted.entry(e.iri.as_str()).or_insert(e);
        }
    }
    let minted: Vec<&EntityRef> = minted.into_values().collect();
    for q in rdf::event_quads(block, &events, &minted) {
        t.insert(&q);
    }
    Ok(())
}

/// What [`EventStore::rebuild_dirty`] did, and how long it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rebuilt {
    /// Blocks whose events were re-derived.
    pub blocks: usize,
    pub events_time: std::time::Duration,
    /// Relations kept, when they were recomputed.
    pub relations: Option<usize>,
    pub relations_time: std::time::Duration,
}

/// Counts for `stats`.
#[derive(Debug, Default, serde::Serialize)]
pub struct Stats {
    pub triples: usize,
    pub articles: usize,
    pub mentions: usize,
    pub events: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_status: BTreeMap<String, usize>,
    pub by_month: BTreeMap<String, usize>,
    pub top_actors: Vec<(String, usize)>,
    pub top_articles: Vec<(String, usize)>,
}

impl EventStore {
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let count = |q: &str| -> Result<Vec<(String, usize)>, StoreError> {
            let (_, rows) = self.select(q)?;
            Ok(rows
                .into_iter()
                .map(|r| {
                    let k = r
                        .first()
                        .cloned()
                        .flatten()
                        .map(|t| display_term(&t))
                        .unwrap_or_default();
                    let n = r
                        .get(1)
                        .cloned()
                        .flatten()
                        .map(|t| display_term(&t))
                        .unwrap_or_default();
                    (k, n.parse().unwrap_or(0))
                })
                .collect())
        };
        let p = "PREFIX evl: <https://w3id.org/eventline/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/> ";
        let one = |q: &str| -> Result<usize, StoreError> {
            Ok(count(q)?
                .first()
                .map(|(k, _)| k.parse().unwrap_or(0))
                .unwrap_or(0))
        };
        Ok(Stats {
            triples: self.len()?,
            articles: one(&format!("{p} SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a schema:NewsArticle }}"))?,
            mentions: one(&format!("{p} SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a evl:EventMention }}"))?,
            events: one(&format!("{p} SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e evl:hasMention ?m }}"))?,
            by_kind: count(&format!("{p} SELECT ?k (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e evl:hasMention ?m ; a ?k }} GROUP BY ?k ORDER BY DESC(?n)"))?.into_iter().collect(),
            by_status: count(&format!("{p} SELECT ?s (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e evl:hasMention ?m ; evl:status ?s }} GROUP BY ?s"))?.into_iter().collect(),
            by_month: count(&format!("{p} SELECT ?m (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e evl:hasMention ?x ; evl:earliest ?d BIND(SUBSTR(STR(?d),1,7) AS ?m) }} GROUP BY ?m ORDER BY ?m"))?.into_iter().collect(),
            top_actors: count(&format!("{p} SELECT ?l (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e evl:hasMention ?x ; evl:participant|evl:initiator|evl:target ?a . ?a rdfs:label ?l }} GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 20"))?,
            top_articles: count(&format!("{p} SELECT ?t (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m evl:mentionedIn ?d ; a evl:EventMention . ?d schema:identifier ?t }} GROUP BY ?t ORDER BY DESC(?n) ?t LIMIT 20"))?,
        })
    }
}
