//! Federated queries answered offline: `SERVICE
//! <https://query.wikidata.org/sparql>` goes to a small Wikidata-shaped
//! graph built from the store's gazetteer graph (`queries/wikidata.rq`),
//! through oxigraph's service-handler hook. The build has no HTTP client,
//! so without this every SERVICE fails; with it, `queries/federated-
//! wikidata.rq` answers on a fresh machine, from `eventline query` and
//! `eventline serve` alike. The graph is built only for a query that names
//! a service (about 0.1 s: `eventline query` of the shipped query takes
//! 0.18 s on the seed store, a query without SERVICE 0.07 s); the endpoint
//! builds it once and keeps it.

use oxigraph::model::{GraphName, NamedNode};
use oxigraph::sparql::{
    QueryEvaluationError, QueryResults, QuerySolutionIter, ServiceHandler, SparqlEvaluator,
};
use oxigraph::store::Store;
use oxiri::Iri;
use spargebra::algebra::GraphPattern;

use crate::store::StoreError;
use crate::EventStore;

/// The public Wikidata endpoint, as queries name it.
pub(crate) const WIKIDATA_SPARQL: &str = "https://query.wikidata.org/sparql";

const WIKIDATA_SHAPE: &str = include_str!("queries/wikidata.rq");

/// Adds the offline services to `evaluator` when `query` may call one;
/// `wikidata` builds (or hands out a cached) local Wikidata, only then.
pub(crate) fn with_local_services(
    evaluator: SparqlEvaluator,
    query: &str,
    wikidata: impl FnOnce() -> Result<LocalWikidata, StoreError>,
) -> Result<SparqlEvaluator, StoreError> {
    if !query.to_ascii_uppercase().contains("SERVICE") {
        return Ok(evaluator);
    }
    Ok(evaluator.with_service_handler(NamedNode::new_unchecked(WIKIDATA_SPARQL), wikidata()?))
}

/// The gazetteer as Wikidata would state it, in memory.
#[derive(Clone)]
pub(crate) struct LocalWikidata {
    store: Store,
}

impl std::fmt::Debug for LocalWikidata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalWikidata").finish_non_exhaustive()
    }
}

impl LocalWikidata {
    pub(crate) fn build(from: &EventStore) -> Result<Self, StoreError> {
        let store = Store::new()?;
        if let QueryResults::Graph(triples) = SparqlEvaluator::new()
            .parse_query(WIKIDATA_SHAPE)?
            .on_store(from.oxigraph())
            .execute()?
        {
            let quads = triples
                .map(|t| t.map(|t| t.in_graph(GraphName::DefaultGraph)))
                .collect::<Result<Vec<_>, _>>()?;
            store.extend(quads)?;
        }
        Ok(LocalWikidata { store })
    }
}

impl ServiceHandler for LocalWikidata {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        pattern: &GraphPattern,
        base_iri: Option<&Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Self::Error> {
        let query = spargebra::Query::Select {
            dataset: None,
            pattern: pattern.clone(),
            base_iri: base_iri.cloned(),
        };
        match SparqlEvaluator::new()
            .for_query(query)
            .on_store(&self.store)
            .execute()?
        {
            QueryResults::Solutions(solutions) => Ok(solutions),
            // A SELECT answers solutions; nothing else can come back.
            _ => Err(QueryEvaluationError::Service(
                "the local Wikidata answered a SELECT with no solutions".into(),
            )),
        }
    }
}
