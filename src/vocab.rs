//! IRIs of the eventline vocabulary and of the vocabularies it reuses.
//!
//! Every IRI the code writes or queries is named here, so the vocabulary in
//! `ontology/eventline.ttl` and the code cannot drift apart silently.

/// The eventline ontology namespace (`evl:`).
pub const EVL: &str = "https://w3id.org/eventline/ontology#";
/// Resources minted by eventline and the gazetteer (`eid:`).
pub const EID: &str = "https://w3id.org/eventline/id/";
/// Named graphs.
pub const GRAPH_ONTOLOGY: &str = "https://w3id.org/eventline/graph/ontology";
pub const GRAPH_GAZETTEER: &str = "https://w3id.org/eventline/graph/gazetteer";
pub const GRAPH_ARTICLE_PREFIX: &str = "https://w3id.org/eventline/graph/article/";
pub const GRAPH_EVENTS_PREFIX: &str = "https://w3id.org/eventline/graph/events/";
/// Links between syndicated copies of one story.
pub const GRAPH_SYNDICATION: &str = "https://w3id.org/eventline/graph/syndication";
/// Event-to-event relations lifted from the articles' mention relations.
pub const GRAPH_RELATIONS: &str = "https://w3id.org/eventline/graph/relations";
/// Bookkeeping: blocks whose events must be re-derived.
pub const GRAPH_META: &str = "https://w3id.org/eventline/graph/meta";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const RDFS_SUBCLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const XSD_NON_NEGATIVE_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";

pub const SCHEMA_NEWS_ARTICLE: &str = "https://schema.org/NewsArticle";
pub const SCHEMA_DATE_PUBLISHED: &str = "https://schema.org/datePublished";
pub const SCHEMA_HEADLINE: &str = "https://schema.org/headline";
pub const SCHEMA_URL: &str = "https://schema.org/url";

pub const PROV_WAS_GENERATED_BY: &str = "http://www.w3.org/ns/prov#wasGeneratedBy";

pub const OA_ANNOTATION: &str = "http://www.w3.org/ns/oa#Annotation";
pub const OA_SPECIFIC_RESOURCE: &str = "http://www.w3.org/ns/oa#SpecificResource";
pub const OA_HAS_TARGET: &str = "http://www.w3.org/ns/oa#hasTarget";
pub const OA_HAS_SOURCE: &str = "http://www.w3.org/ns/oa#hasSource";
pub const OA_HAS_SELECTOR: &str = "http://www.w3.org/ns/oa#hasSelector";
pub const OA_TEXT_QUOTE_SELECTOR: &str = "http://www.w3.org/ns/oa#TextQuoteSelector";
pub const OA_TEXT_POSITION_SELECTOR: &str = "http://www.w3.org/ns/oa#TextPositionSelector";
pub const OA_EXACT: &str = "http://www.w3.org/ns/oa#exact";
pub const OA_START: &str = "http://www.w3.org/ns/oa#start";
pub const OA_END: &str = "http://www.w3.org/ns/oa#end";

/// Builds an `evl:` term at compile time.
macro_rules! evl {
    ($name:literal) => {
        concat!("https://w3id.org/eventline/ontology#", $name)
    };
}

pub const EVENT: &str = evl!("Event");
pub const EVENT_MENTION: &str = evl!("EventMention");
pub const EXTRACTION_RUN: &str = evl!("ExtractionRun");
pub const PARTICIPANT: &str = evl!("participant");
pub const INITIATOR: &str = evl!("initiator");
pub const TARGET: &str = evl!("target");
pub const EARLIEST: &str = evl!("earliest");
pub const LATEST: &str = evl!("latest");
pub const PLACE: &str = evl!("place");
pub const STATUS: &str = evl!("status");
pub const MENTIONED_IN: &str = evl!("mentionedIn");
pub const MENTION_KIND: &str = evl!("mentionKind");
pub const HAS_MENTION: &str = evl!("hasMention");
pub const EVIDENCE: &str = evl!("evidence");
pub const SENTENCE: &str = evl!("sentence");
pub const CLAIMED_BY: &str = evl!("claimedBy");
pub const DATE_VALUE: &str = evl!("dateValue");
pub const DATE_GRANULARITY: &str = evl!("dateGranularity");
pub const DATE_METHOD: &str = evl!("dateMethod");
pub const TOPIC: &str = evl!("topic");
pub const BLOCK_KEY: &str = evl!("blockKey");
pub const DIRTY_BLOCK: &str = evl!("dirtyBlock");
pub const DIRTY_RELATIONS: &str = evl!("dirtyRelations");
pub const NAME_IN_ARTICLE: &str = evl!("nameInArticle");
pub const MINTED_AS: &str = evl!("mintedAs");
pub const FINGERPRINT: &str = evl!("fingerprint");
pub const SYNDICATED_COPY_OF: &str = evl!("syndicatedCopyOf");
pub const INDEPENDENT_SOURCES: &str = evl!("independentSources");
pub const ATTACK_MODE: &str = evl!("attackMode");
pub const EXTRACTOR_VERSION: &str = evl!("extractorVersion");
pub const REFERENCE_DATE: &str = evl!("referenceDate");
pub const REFERENCE_DATE_METHOD: &str = evl!("referenceDateMethod");
pub const CONTENT_HASH: &str = evl!("contentHash");
pub const SOURCE_FILE: &str = evl!("sourceFile");
pub const PERSON: &str = evl!("Person");
pub const AFFILIATION: &str = evl!("affiliation");

/// Local names of the date methods (individuals of `evl:DateMethod`).
pub const DATE_EXPLICIT: &str = evl!("ExplicitDate");
pub const DATE_RELATIVE_TO_PUBLICATION: &str = evl!("RelativeToPublication");
pub const DATE_RELATIVE_TO_DATE: &str = evl!("RelativeToDate");

/// `evl:` + a local name, for kinds and statuses whose names come from enums.
pub fn evl(local: &str) -> String {
    format!("{EVL}{local}")
}

/// `eid:` + a path.
pub fn eid(path: &str) -> String {
    format!("{EID}{path}")
}
