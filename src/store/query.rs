//! SPARQL over the store (the default graph is the union of all graphs),
//! query results in the user's format, and export as standard RDF.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator, Variable};

use super::display::{display_term, write_table};
use super::{EventStore, StoreError};
use crate::vocab;

/// One solution of a SELECT query, in the order of its variables.
pub type Row = Vec<Option<Term>>;

/// A result cell as plain text: an IRI or a literal's lexical form (what
/// the readers of query rows, exports and the timeline, want).
pub(crate) fn cell_value(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(other) => Some(other.to_string()),
        None => None,
    }
}

/// Query output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

impl ResultFormat {
    /// The standard format, `None` for the table meant for people.
    fn standard(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Table => None,
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        }
    }
}

/// Prefixes of exports in formats that have them.
const EXPORT_PREFIXES: [(&str, &str); 7] = [
    ("evl", vocab::EVL),
    ("eid", vocab::EID),
    ("rdfs", vocab::RDFS),
    ("schema", vocab::SCHEMA),
    ("oa", vocab::OA),
    ("owl", vocab::OWL),
    ("xsd", vocab::XSD),
];

impl EventStore {
    /// Runs a SPARQL query with the union of all graphs as default graph;
    /// SERVICE calls to Wikidata are answered offline (`crate::federate`).
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        let evaluator =
            crate::federate::with_local_services(SparqlEvaluator::new(), query, || {
                crate::federate::LocalWikidata::build(self)
            })?;
        let mut prepared = evaluator.parse_query(query)?;
        prepared.dataset_mut().set_default_graph_as_union();
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// SELECT results: the variable names and one row of bindings per solution.
    pub fn select(&self, query: &str) -> Result<(Vec<String>, Vec<Row>), StoreError> {
        let QueryResults::Solutions(sols) = self.query(query)? else {
            return Err(StoreError::NotSelect);
        };
        let vars: Vec<String> = sols
            .variables()
            .iter()
            .map(|v| v.as_str().to_string())
            .collect();
        let mut rows = Vec::new();
        for s in sols {
            let s = s?;
            rows.push(vars.iter().map(|v| s.get(v.as_str()).cloned()).collect());
        }
        Ok((vars, rows))
    }

    /// Writes query results in the given format; returns how many
    /// solutions (or triples) it wrote.
    pub fn write_results(
        &self,
        query: &str,
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<usize, StoreError> {
        let err = StoreError::Write;
        match self.query(query)? {
            QueryResults::Solutions(sols) => {
                let vars = sols.variables().to_vec();
                let rows = sols.collect::<Result<Vec<_>, _>>()?;
                write_solutions(&vars, &rows, format, out)?;
                Ok(rows.len())
            }
            QueryResults::Boolean(b) => {
                match format.standard() {
                    None => writeln!(out, "{b}").map_err(err)?,
                    Some(f) => {
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
                    ser.serialize_triple(&t?).map_err(err)?;
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
        let mut ser = RdfSerializer::from_format(format);
        for (prefix, ns) in EXPORT_PREFIXES {
            ser = ser.with_prefix(prefix, ns)?;
        }
        let mut ser = ser.for_writer(&mut *out);
        let mut n = 0;
        if format.supports_datasets() {
            for q in &self.store {
                ser.serialize_quad(&q?).map_err(err)?;
                n += 1;
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for q in &self.store {
                let q = q?;
                let t = Triple::new(q.subject, q.predicate, q.object);
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

fn write_solutions(
    vars: &[Variable],
    rows: &[QuerySolution],
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let err = StoreError::Write;
    let Some(f) = format.standard() else {
        let headers: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vars.iter()
                    .map(|v| r.get(v).map(display_term).unwrap_or_default())
                    .collect()
            })
            .collect();
        write_table(out, &headers, &cells).map_err(err)?;
        let n = rows.len();
        writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" }).map_err(err)?;
        return Ok(());
    };
    let mut ser = QueryResultsSerializer::from_format(f)
        .serialize_solutions_to_writer(&mut *out, vars.to_vec())
        .map_err(err)?;
    for r in rows {
        ser.serialize(r).map_err(err)?;
    }
    ser.finish().map_err(err)?;
    Ok(())
}
