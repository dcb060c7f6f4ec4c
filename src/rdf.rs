//! The RDF mapping: an article and its mentions become quads in the
//! article's own named graph; merged events become quads in their block's
//! graph. Pure: quads out, no store.
//!
//! Mentions follow the GAF pattern (NewsReader): every article statement
//! is about an `evl:EventMention`; `evl:Event` nodes are derived from the
//! mentions and point to them with `evl:hasMention`. Evidence is a W3C Web
//! Annotation with text quote and position selectors.

use chrono::NaiveDate;
use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::article::{hex, Article};
use crate::extract::EXTRACTOR_VERSION;
use crate::model::{ArticleExtraction, DateMethod, EntityRef, EntityType, Mention, Role};
use crate::vocab::{self, eid, evl};

/// A short stable hash for IRIs.
pub fn short_hash(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes())[..10])
}

pub fn article_key(id: &str) -> String {
    short_hash(id)
}
pub fn article_iri(id: &str) -> String {
    eid(&format!("article/{}", article_key(id)))
}
pub fn article_graph(id: &str) -> String {
    format!("{}{}", vocab::GRAPH_ARTICLE_PREFIX, article_key(id))
}
pub fn block_graph(block: &str) -> String {
    format!("{}{}", vocab::GRAPH_EVENTS_PREFIX, short_hash(block))
}

pub fn nn(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn date_lit(d: NaiveDate) -> Literal {
    Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), nn(vocab::XSD_DATE))
}

fn int_lit(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), nn(vocab::XSD_NON_NEGATIVE_INTEGER))
}

/// Collects quads for one graph.
pub struct GraphWriter {
    graph: GraphName,
    pub quads: Vec<Quad>,
}

impl GraphWriter {
    pub fn new(graph: &str) -> Self {
        GraphWriter {
            graph: GraphName::NamedNode(nn(graph)),
            quads: Vec::new(),
        }
    }
    pub fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(nn(s)),
            nn(p),
            o.into(),
            self.graph.clone(),
        ));
    }
    pub fn iri(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, nn(o));
    }
    pub fn text(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, Literal::new_simple_literal(o));
    }
}

pub fn method_iri(m: DateMethod) -> &'static str {
    match m {
        DateMethod::Explicit => vocab::DATE_EXPLICIT,
        DateMethod::RelativeToPublication => vocab::DATE_RELATIVE_TO_PUBLICATION,
        DateMethod::RelativeToDate => vocab::DATE_RELATIVE_TO_DATE,
    }
}

pub fn role_iri(r: Role) -> &'static str {
    match r {
        Role::Initiator => vocab::INITIATOR,
        Role::Target => vocab::TARGET,
        Role::Participant => vocab::PARTICIPANT,
    }
}

/// What an article says of an actor eventline minted (the gazetteer
/// describes its own), in article-level terms. The standard description
/// (`rdfs:label`, `rdf:type`) is stated by the derived event graphs
/// ([`describe_minted`]): stated in every article that names the actor,
/// it multiplied the rows of queries over the union graph.
fn note_minted(w: &mut GraphWriter, e: &EntityRef) {
    minted(w, e, vocab::MINTED_AS, vocab::NAME_IN_ARTICLE);
}

/// The standard description of a minted actor or place.
pub fn describe_minted(w: &mut GraphWriter, e: &EntityRef) {
    minted(w, e, vocab::RDF_TYPE, vocab::RDFS_LABEL);
}

fn minted(w: &mut GraphWriter, e: &EntityRef, class_p: &str, label_p: &str) {
    if e.qid.is_some() || !e.iri.starts_with(&eid("actor/")) {
        return;
    }
    w.iri(&e.iri, class_p, &evl(e.etype.class_name()));
    w.text(&e.iri, label_p, &e.label);
    if e.anchor != e.iri {
        w.iri(&e.iri, vocab::AFFILIATION, &e.anchor);
    }
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map(|s| s.chars().count()).unwrap_or(0)
}

/// The mention IRIs of an article, in order.
pub fn mention_iri(article_id: &str, n: usize) -> String {
    eid(&format!("mention/{}/{n}", article_key(article_id)))
}

/// All quads of one article's graph; `fingerprint` is its SimHash
/// ([`crate::syndication::fingerprint`]), computed once by the caller.
pub fn article_quads(
    article: &Article,
    ex: &ArticleExtraction,
    fingerprint: Option<u64>,
) -> Vec<Quad> {
    let graph = article_graph(&article.id);
    let doc = article_iri(&article.id);
    let mut w = GraphWriter::new(&graph);
    w.iri(&doc, vocab::RDF_TYPE, vocab::SCHEMA_NEWS_ARTICLE);
    w.text(&doc, "https://schema.org/identifier", &article.id);
    if let Some(t) = &article.title {
        w.text(&doc, vocab::SCHEMA_HEADLINE, t);
    }
    if let Some(u) = &article.url {
        w.text(&doc, vocab::SCHEMA_URL, u);
    }
    if let Some(d) = ex.dates.published {
        w.add(&doc, vocab::SCHEMA_DATE_PUBLISHED, date_lit(d));
    }
    if let Some(d) = ex.dates.reference {
        w.add(&doc, vocab::REFERENCE_DATE, date_lit(d));
    }
    w.text(&doc, vocab::REFERENCE_DATE_METHOD, &ex.dates.method);
    w.text(&doc, vocab::CONTENT_HASH, &article.content_hash());
    w.text(&doc, vocab::SOURCE_FILE, &article.source);
    if let Some(fp) = fingerprint {
        w.text(&doc, vocab::FINGERPRINT, &format!("{fp:016x}"));
    }
    let run = eid(&format!("run/{}", EXTRACTOR_VERSION.replace('/', "-")));
    w.iri(&run, vocab::RDF_TYPE, vocab::EXTRACTION_RUN);
    w.text(&run, vocab::EXTRACTOR_VERSION, EXTRACTOR_VERSION);
    for (n, m) in ex.mentions.iter().enumerate() {
        let iri = mention_iri(&article.id, n);
        write_mention(&mut w, &iri, &doc, m, &article.text);
        w.iri(&iri, vocab::PROV_WAS_GENERATED_BY, &run);
    }
    // Relations stay between mentions here, as the article told them; the
    // store lifts them to events (graph/relations).
    for r in &ex.relations {
        w.iri(
            &mention_iri(&article.id, r.from),
            &evl(r.kind.name()),
            &mention_iri(&article.id, r.to),
        );
    }
    w.quads
}

fn write_mention(w: &mut GraphWriter, iri: &str, doc: &str, m: &Mention, text: &str) {
    w.iri(iri, vocab::RDF_TYPE, vocab::EVENT_MENTION);
    w.iri(iri, vocab::MENTION_KIND, &evl(m.kind.name()));
    w.iri(iri, vocab::MENTIONED_IN, doc);
    w.iri(iri, vocab::STATUS, &evl(m.status.name()));
    w.text(iri, vocab::BLOCK_KEY, &m.block_key());
    w.text(iri, vocab::RDFS_LABEL, &label(m));
    for (r, e) in &m.actors {
        w.iri(iri, role_iri(*r), &e.iri);
        note_minted(w, e);
    }
    if let Some(d) = &m.date {
        w.add(iri, vocab::EARLIEST, date_lit(d.earliest));
        w.add(iri, vocab::LATEST, date_lit(d.latest));
        w.text(iri, vocab::DATE_VALUE, &d.value);
        w.text(iri, vocab::DATE_GRANULARITY, &d.granularity);
        w.iri(iri, vocab::DATE_METHOD, method_iri(d.method));
    }
    if let Some(p) = &m.place {
        w.iri(iri, vocab::PLACE, &p.iri);
        note_minted(w, p);
    }
    if let Some(c) = &m.claimed_by {
        w.iri(iri, vocab::CLAIMED_BY, &c.iri);
        note_minted(w, c);
    }
    if let Some(mode) = &m.attack_mode {
        w.iri(iri, vocab::ATTACK_MODE, &evl(mode));
    }
    if !m.topic.is_empty() {
        w.text(iri, vocab::TOPIC, &m.topic.join(" "));
    }
    for (k, ev) in m.evidence.iter().enumerate() {
        let ann = format!("{iri}/evidence/{k}");
        let target = format!("{ann}/target");
        let quote = format!("{ann}/quote");
        let pos = format!("{ann}/position");
        w.iri(iri, vocab::EVIDENCE, &ann);
        w.iri(&ann, vocab::RDF_TYPE, vocab::OA_ANNOTATION);
        w.iri(&ann, vocab::OA_HAS_TARGET, &target);
        w.text(&ann, vocab::SENTENCE, &ev.sentence);
        w.iri(&target, vocab::RDF_TYPE, vocab::OA_SPECIFIC_RESOURCE);
        w.iri(&target, vocab::OA_HAS_SOURCE, doc);
        w.iri(&target, vocab::OA_HAS_SELECTOR, &quote);
        w.iri(&target, vocab::OA_HAS_SELECTOR, &pos);
        w.iri(&quote, vocab::RDF_TYPE, vocab::OA_TEXT_QUOTE_SELECTOR);
        w.text(&quote, vocab::OA_EXACT, &ev.quote);
        w.iri(&pos, vocab::RDF_TYPE, vocab::OA_TEXT_POSITION_SELECTOR);
        // Web Annotation positions count characters, not bytes.
        w.add(&pos, vocab::OA_START, int_lit(char_offset(text, ev.start)));
        w.add(&pos, vocab::OA_END, int_lit(char_offset(text, ev.end)));
    }
}

/// A short label: "Donald Trump – Vladimir Putin phone call".
pub fn label(m: &Mention) -> String {
    let names: Vec<&str> = m
        .actors
        .iter()
        .filter(|(_, e)| e.etype != EntityType::City || m.actors.len() == 1)
        .map(|(_, e)| e.label.as_str())
        .take(3)
        .collect();
    let sep = if m.kind.symmetric() { " – " } else { " → " };
    let who = if names.is_empty() {
        String::new()
    } else {
        format!("{} ", names.join(sep))
    };
    format!("{who}{}", m.kind.noun())
}

/// One merged event, with links to the mentions and articles behind it.
pub struct MergedEvent {
    pub iri: String,
    pub event: Mention,
    pub mentions: Vec<String>,
    pub documents: Vec<String>,
    /// Documents that are not syndicated copies of another one here.
    pub independent: usize,
}

/// The block's event quads, and the description of every minted entity
/// its mentions name (`minted`, each once per block).
pub fn event_quads(block: &str, events: &[MergedEvent], minted: &[&EntityRef]) -> Vec<Quad> {
    let mut w = GraphWriter::new(&block_graph(block));
    for e in minted {
        describe_minted(&mut w, e);
    }
    for e in events {
        let iri = e.iri.as_str();
        let m = &e.event;
        w.iri(iri, vocab::RDF_TYPE, &evl(m.kind.name()));
        // Entailed by the ontology, but stated: queries can start from the
        // few thousand events instead of every typed node in the store.
        w.iri(iri, vocab::RDF_TYPE, vocab::EVENT);
        w.text(iri, vocab::RDFS_LABEL, &label(m));
        w.iri(iri, vocab::STATUS, &evl(m.status.name()));
        w.text(iri, vocab::BLOCK_KEY, block);
        for (r, a) in &m.actors {
            w.iri(iri, role_iri(*r), &a.iri);
        }
        if let Some(d) = &m.date {
            w.add(iri, vocab::EARLIEST, date_lit(d.earliest));
            w.add(iri, vocab::LATEST, date_lit(d.latest));
            w.text(iri, vocab::DATE_VALUE, &d.value);
            w.iri(iri, vocab::DATE_METHOD, method_iri(d.method));
        }
        if let Some(p) = &m.place {
            w.iri(iri, vocab::PLACE, &p.iri);
        }
        if let Some(mode) = &m.attack_mode {
            w.iri(iri, vocab::ATTACK_MODE, &evl(mode));
        }
        for doc in &e.documents {
            w.iri(iri, vocab::MENTIONED_IN, doc);
        }
        w.add(iri, vocab::INDEPENDENT_SOURCES, int_lit(e.independent));
        for mention in &e.mentions {
            w.iri(iri, vocab::HAS_MENTION, mention);
        }
    }
    w.quads
}

pub fn event_iri(block: &str, first_mention: &str) -> String {
    eid(&format!(
        "event/{}",
        short_hash(&format!("{block}\n{first_mention}"))
    ))
}
