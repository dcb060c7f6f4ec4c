//! The writing half of the RDF mapping: an article and its mentions become
//! quads in the article's own named graph; merged events become quads in
//! their block's graph. [`super::read`] is its inverse.

use chrono::NaiveDate;
use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use super::iri::{article_graph, article_iri, block_graph, content_hash, mention_iri, run_iri};
use super::EXTRACTOR_VERSION;
use crate::article::Article;
use crate::model::{ArticleExtraction, DateMethod, EntityRef, EntityType, Mention, Role};
use crate::vocab::{self, eid, evl, rdf, rdfs, xsd};

fn date_lit(d: NaiveDate) -> Literal {
    Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE)
}

fn int_lit(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// Collects quads for one graph.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn new(graph: &str) -> Self {
        GraphWriter {
            graph: GraphName::NamedNode(NamedNode::new_unchecked(graph)),
            quads: Vec::new(),
        }
    }
    fn add(&mut self, s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(NamedNode::new_unchecked(s)),
            p,
            o.into(),
            self.graph.clone(),
        ));
    }
    /// An IRI object made at run time.
    fn iri(&mut self, s: &str, p: NamedNodeRef<'_>, o: &str) {
        self.add(s, p, NamedNode::new_unchecked(o));
    }
    /// A vocabulary term as object.
    fn term(&mut self, s: &str, p: NamedNodeRef<'_>, o: NamedNodeRef<'_>) {
        self.add(s, p, o);
    }
    fn text(&mut self, s: &str, p: NamedNodeRef<'_>, o: &str) {
        self.add(s, p, Literal::new_simple_literal(o));
    }
}

fn method_iri(m: DateMethod) -> NamedNodeRef<'static> {
    match m {
        DateMethod::Explicit => vocab::DATE_EXPLICIT,
        DateMethod::RelativeToPublication => vocab::DATE_RELATIVE_TO_PUBLICATION,
        DateMethod::RelativeToDate => vocab::DATE_RELATIVE_TO_DATE,
        DateMethod::PublicationFallback => vocab::DATE_PUBLICATION_FALLBACK,
    }
}

pub(crate) fn role_iri(r: Role) -> NamedNodeRef<'static> {
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
fn describe_minted(w: &mut GraphWriter, e: &EntityRef) {
    minted(w, e, rdf::TYPE, rdfs::LABEL);
}

fn minted(
    w: &mut GraphWriter,
    e: &EntityRef,
    class_p: NamedNodeRef<'_>,
    label_p: NamedNodeRef<'_>,
) {
    // Minted places too: without their label and class, queries showed
    // an IRI where the article named a town.
    if e.qid.is_some() || !(e.iri.starts_with(&eid("actor/")) || e.iri.starts_with(&eid("place/")))
    {
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
    w.term(&doc, rdf::TYPE, vocab::SCHEMA_NEWS_ARTICLE);
    w.text(&doc, vocab::SCHEMA_IDENTIFIER, &article.id);
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
    w.text(&doc, vocab::CONTENT_HASH, &content_hash(article));
    w.text(&doc, vocab::SOURCE_FILE, &article.source);
    if let Some(fp) = fingerprint {
        w.text(&doc, vocab::FINGERPRINT, &format!("{fp:016x}"));
    }
    let run = run_iri();
    w.term(&run, rdf::TYPE, vocab::EXTRACTION_RUN);
    w.text(&run, vocab::EXTRACTOR_VERSION, EXTRACTOR_VERSION);
    for (n, m) in ex.mentions.iter().enumerate() {
        let iri = mention_iri(&article.id, n);
        write_mention(&mut w, &iri, &doc, m, &article.text);
        w.iri(&iri, vocab::PROV_WAS_GENERATED_BY, &run);
    }
    // Relations stay between mentions here, as the article told them; the
    // store lifts them to events (graph/relations).
    for r in &ex.relations {
        let kind = evl(r.kind.name());
        w.iri(
            &mention_iri(&article.id, r.from),
            NamedNodeRef::new_unchecked(&kind),
            &mention_iri(&article.id, r.to),
        );
    }
    w.quads
}

fn write_mention(w: &mut GraphWriter, iri: &str, doc: &str, m: &Mention, text: &str) {
    w.term(iri, rdf::TYPE, vocab::EVENT_MENTION);
    w.iri(iri, vocab::MENTION_KIND, &evl(m.kind.name()));
    w.iri(iri, vocab::MENTIONED_IN, doc);
    w.iri(iri, vocab::STATUS, &evl(m.status.name()));
    w.text(iri, vocab::BLOCK_KEY, &m.block_key());
    w.text(iri, rdfs::LABEL, &label(m));
    for (r, e) in &m.actors {
        w.iri(iri, role_iri(*r), &e.iri);
        note_minted(w, e);
    }
    if let Some(d) = &m.date {
        w.add(iri, vocab::EARLIEST, date_lit(d.earliest));
        w.add(iri, vocab::LATEST, date_lit(d.latest));
        w.text(iri, vocab::DATE_VALUE, &d.value);
        w.text(iri, vocab::DATE_GRANULARITY, &d.granularity);
        w.term(iri, vocab::DATE_METHOD, method_iri(d.method));
    }
    if m.time_not_taken {
        w.add(iri, vocab::TIME_NOT_TAKEN, Literal::from(true));
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
        w.term(&ann, rdf::TYPE, vocab::OA_ANNOTATION);
        w.iri(&ann, vocab::OA_HAS_TARGET, &target);
        w.text(&ann, vocab::SENTENCE, &ev.sentence);
        w.term(&target, rdf::TYPE, vocab::OA_SPECIFIC_RESOURCE);
        w.iri(&target, vocab::OA_HAS_SOURCE, doc);
        w.iri(&target, vocab::OA_HAS_SELECTOR, &quote);
        w.iri(&target, vocab::OA_HAS_SELECTOR, &pos);
        w.term(&quote, rdf::TYPE, vocab::OA_TEXT_QUOTE_SELECTOR);
        w.text(&quote, vocab::OA_EXACT, &ev.quote);
        w.term(&pos, rdf::TYPE, vocab::OA_TEXT_POSITION_SELECTOR);
        // Web Annotation positions count characters, not bytes.
        w.add(&pos, vocab::OA_START, int_lit(char_offset(text, ev.start)));
        w.add(&pos, vocab::OA_END, int_lit(char_offset(text, ev.end)));
    }
}

/// A short label: "Donald Trump – Vladimir Putin phone call".
pub(crate) fn label(m: &Mention) -> String {
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
pub(crate) struct MergedEvent {
    pub(crate) iri: String,
    pub(crate) event: Mention,
    pub(crate) mentions: Vec<String>,
    pub(crate) documents: Vec<String>,
    /// Documents that are not syndicated copies of another one here.
    pub(crate) independent: usize,
}

/// The block's event quads, and the description of every minted entity
/// its mentions name (`minted`, each once per block).
pub(crate) fn event_quads(block: &str, events: &[MergedEvent], minted: &[&EntityRef]) -> Vec<Quad> {
    let mut w = GraphWriter::new(&block_graph(block));
    for e in minted {
        describe_minted(&mut w, e);
    }
    for e in events {
        let iri = e.iri.as_str();
        let m = &e.event;
        w.iri(iri, rdf::TYPE, &evl(m.kind.name()));
        // Entailed by the ontology, but stated: queries can start from the
        // few thousand events instead of every typed node in the store.
        w.term(iri, rdf::TYPE, vocab::EVENT);
        w.text(iri, rdfs::LABEL, &label(m));
        w.iri(iri, vocab::STATUS, &evl(m.status.name()));
        w.text(iri, vocab::BLOCK_KEY, block);
        for (r, a) in &m.actors {
            w.iri(iri, role_iri(*r), &a.iri);
        }
        if let Some(d) = &m.date {
            w.add(iri, vocab::EARLIEST, date_lit(d.earliest));
            w.add(iri, vocab::LATEST, date_lit(d.latest));
            w.text(iri, vocab::DATE_VALUE, &d.value);
            w.term(iri, vocab::DATE_METHOD, method_iri(d.method));
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
