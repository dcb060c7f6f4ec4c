//! IRIs of the eventline vocabulary and of the vocabularies it reuses, as
//! typed constants.
//!
//! Every IRI the code writes or queries is named here (or in
//! `oxrdf::vocab` for rdf, rdfs and xsd, re-exported below), so the
//! vocabulary in `ontology/eventline.ttl` and the code cannot drift apart
//! silently. Namespaces and graph prefixes stay `&str`: IRIs are built
//! from them.

pub(crate) use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::NamedNodeRef;

/// The eventline ontology namespace (`evl:`).
pub(crate) const EVL: &str = "https://w3id.org/eventline/ontology#";
/// Resources minted by eventline and the gazetteer (`eid:`).
pub(crate) const EID: &str = "https://w3id.org/eventline/id/";
pub(crate) const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";
pub(crate) const SCHEMA: &str = "https://schema.org/";
pub(crate) const OA: &str = "http://www.w3.org/ns/oa#";
pub(crate) const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub(crate) const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub(crate) const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// Prefix of the per-article graphs (`…/article/<hash of the id>`).
pub const GRAPH_ARTICLE_PREFIX: &str = "https://w3id.org/eventline/graph/article/";
/// Prefix of the derived event graphs (`…/events/<hash of the block>`).
pub(crate) const GRAPH_EVENTS_PREFIX: &str = "https://w3id.org/eventline/graph/events/";

const fn iri(s: &'static str) -> NamedNodeRef<'static> {
    NamedNodeRef::new_unchecked(s)
}

/// Named graphs.
pub(crate) const GRAPH_ONTOLOGY: NamedNodeRef<'static> =
    iri("https://w3id.org/eventline/graph/ontology");
pub(crate) const GRAPH_GAZETTEER: NamedNodeRef<'static> =
    iri("https://w3id.org/eventline/graph/gazetteer");
/// Links between syndicated copies of one story.
pub(crate) const GRAPH_SYNDICATION: NamedNodeRef<'static> =
    iri("https://w3id.org/eventline/graph/syndication");
/// Event-to-event relations lifted from the articles' mention relations.
pub(crate) const GRAPH_RELATIONS: NamedNodeRef<'static> =
    iri("https://w3id.org/eventline/graph/relations");
/// Links of minted actors to an external knowledge base (`eventline
/// link`), apart so they can be reviewed and withdrawn whole.
pub(crate) const GRAPH_LINKS: NamedNodeRef<'static> = iri("https://w3id.org/eventline/graph/links");
/// The compact events graph the curated queries read: one entry per
/// merged event with its facets precomputed at derivation.
pub(crate) const GRAPH_INDEX: NamedNodeRef<'static> = iri("https://w3id.org/eventline/graph/index");
/// Bookkeeping: blocks whose events must be re-derived.
pub(crate) const GRAPH_META: NamedNodeRef<'static> = iri("https://w3id.org/eventline/graph/meta");

pub(crate) const OWL_SAME_AS: NamedNodeRef<'static> = iri("http://www.w3.org/2002/07/owl#sameAs");
pub(crate) const SKOS_ALT_LABEL: NamedNodeRef<'static> =
    iri("http://www.w3.org/2004/02/skos/core#altLabel");

pub(crate) const SCHEMA_NEWS_ARTICLE: NamedNodeRef<'static> = iri("https://schema.org/NewsArticle");
pub(crate) const SCHEMA_IDENTIFIER: NamedNodeRef<'static> = iri("https://schema.org/identifier");
pub(crate) const SCHEMA_DATE_PUBLISHED: NamedNodeRef<'static> =
    iri("https://schema.org/datePublished");
pub(crate) const SCHEMA_HEADLINE: NamedNodeRef<'static> = iri("https://schema.org/headline");
pub(crate) const SCHEMA_URL: NamedNodeRef<'static> = iri("https://schema.org/url");

pub(crate) const PROV_WAS_DERIVED_FROM: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/prov#wasDerivedFrom");
pub(crate) const PROV_GENERATED_AT_TIME: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/prov#generatedAtTime");
pub(crate) const PROV_WAS_GENERATED_BY: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/prov#wasGeneratedBy");

pub(crate) const OA_ANNOTATION: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#Annotation");
pub(crate) const OA_SPECIFIC_RESOURCE: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/oa#SpecificResource");
pub(crate) const OA_HAS_TARGET: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#hasTarget");
pub(crate) const OA_HAS_SOURCE: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#hasSource");
pub(crate) const OA_HAS_SELECTOR: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/oa#hasSelector");
pub(crate) const OA_TEXT_QUOTE_SELECTOR: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/oa#TextQuoteSelector");
pub(crate) const OA_TEXT_POSITION_SELECTOR: NamedNodeRef<'static> =
    iri("http://www.w3.org/ns/oa#TextPositionSelector");
pub(crate) const OA_EXACT: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#exact");
pub(crate) const OA_START: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#start");
pub(crate) const OA_END: NamedNodeRef<'static> = iri("http://www.w3.org/ns/oa#end");

/// `evl:` terms, each a typed constant built at compile time.
macro_rules! evl_terms {
    ($($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) const $name: NamedNodeRef<'static> =
                iri(concat!("https://w3id.org/eventline/ontology#", $local));
        )*
    };
}

evl_terms! {
    EVENT = "Event";
    EVENT_MENTION = "EventMention";
    EXTRACTION_RUN = "ExtractionRun";
    PARTICIPANT = "participant";
    INITIATOR = "initiator";
    TARGET = "target";
    EARLIEST = "earliest";
    LATEST = "latest";
    PLACE = "place";
    STATUS = "status";
    MENTIONED_IN = "mentionedIn";
    MENTION_KIND = "mentionKind";
    HAS_MENTION = "hasMention";
    EVIDENCE = "evidence";
    SENTENCE = "sentence";
    CLAIMED_BY = "claimedBy";
    DATE_VALUE = "dateValue";
    DATE_GRANULARITY = "dateGranularity";
    DATE_METHOD = "dateMethod";
    TOPIC = "topic";
    BLOCK_KEY = "blockKey";
    DIRTY_BLOCK = "dirtyBlock";
    DIRTY_RELATIONS = "dirtyRelations";
    NAME_IN_ARTICLE = "nameInArticle";
    MINTED_AS = "mintedAs";
    FINGERPRINT = "fingerprint";
    SYNDICATED_COPY_OF = "syndicatedCopyOf";
    INDEPENDENT_SOURCES = "independentSources";
    ATTACK_MODE = "attackMode";
    EXTRACTOR_VERSION = "extractorVersion";
    REFERENCE_DATE = "referenceDate";
    REFERENCE_DATE_METHOD = "referenceDateMethod";
    CONTENT_HASH = "contentHash";
    SOURCE_FILE = "sourceFile";
    AFFILIATION = "affiliation";
    /// The date methods (individuals of `evl:DateMethod`).
    DATE_EXPLICIT = "ExplicitDate";
    DATE_RELATIVE_TO_PUBLICATION = "RelativeToPublication";
    DATE_RELATIVE_TO_DATE = "RelativeToDate";
    DATE_PUBLICATION_FALLBACK = "PublicationDateFallback";
    TIME_NOT_TAKEN = "timeNotTaken";
    /// Gazetteer terms (`ontology/gazetteer.ttl`).
    DEMONYM = "demonym";
    STANDS_FOR = "standsFor";
    LOCATED_IN = "locatedIn";
    SEAT_OF = "seatOf";
    HOLDS = "holds";
    ROLE_TITLE = "roleTitle";
    ROLE_OF = "roleOf";
    ROLE_START = "roleStart";
    ROLE_END = "roleEnd";
    /// `eventline link`: a link's record (an `rdf:Statement` of the
    /// `owl:sameAs` it made) with its score and evidence.
    ENTITY_LINK = "EntityLink";
    LINK_SCORE = "linkScore";
    LINK_METHOD = "linkMethod";
    /// Facets of the events graph (`GRAPH_INDEX`). Their own predicates, not
    /// copies of `evl:status` etc.: over the union default graph a copied
    /// statement would be seen twice by every other query.
    INDEX_BLOCK = "indexBlock";
    INDEX_KIND = "indexKind";
    INDEX_STATUS = "indexStatus";
    INDEX_EARLIEST = "indexEarliest";
    INDEX_LATEST = "indexLatest";
    INDEX_DATE_METHOD = "indexDateMethod";
    INITIATOR_NAME = "initiatorName";
    TARGET_NAME = "targetName";
    PARTICIPANT_NAME = "participantName";
    PLACE_NAME = "placeName";
    ARTICLE_COUNT = "articleCount";
    SOURCE_TITLE = "sourceTitle";
    CLAIM_SOURCE = "claimSource";
    CLAIMED_BY_NAME = "claimedByName";
    CLAIM_SENTENCE = "claimSentence";
    SOURCE_HEADLINE = "sourceHeadline";
    SOURCE_PUBLISHED = "sourcePublished";
    /// The event's actors and articles as IRIs, and each actor's labels and
    /// classes (the actor's card), so queries grouping by actor or article
    /// need not scan the labels every article graph repeats.
    INDEX_INITIATOR = "indexInitiator";
    INDEX_TARGET = "indexTarget";
    INDEX_PARTICIPANT = "indexParticipant";
    INDEX_DOCUMENT = "indexDocument";
    INDEX_LABEL = "indexLabel";
    INDEX_CLASS = "indexClass";
    /// On an event relation's statement node (relations graph): how many
    /// articles state the relation.
    ARTICLE_SUPPORT = "articleSupport";
}

/// `evl:` + a local name, for kinds and statuses whose names come from enums.
pub(crate) fn evl(local: &str) -> String {
    format!("{EVL}{local}")
}

/// `eid:` + a path.
pub(crate) fn eid(path: &str) -> String {
    format!("{EID}{path}")
}

/// SPARQL 1.1 Service Description (`sd:`), for `eventline serve`.
pub(crate) mod sd {
    use super::{iri, NamedNodeRef};

    pub(crate) const SERVICE: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#Service");
    pub(crate) const ENDPOINT: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#endpoint");
    pub(crate) const SUPPORTED_LANGUAGE: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#supportedLanguage");
    pub(crate) const SPARQL11_QUERY: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#SPARQL11Query");
    pub(crate) const SPARQL11_UPDATE: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#SPARQL11Update");
    pub(crate) const RESULT_FORMAT: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#resultFormat");
    pub(crate) const FEATURE: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#feature");
    pub(crate) const UNION_DEFAULT_GRAPH: NamedNodeRef<'static> =
        iri("http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph");
}
