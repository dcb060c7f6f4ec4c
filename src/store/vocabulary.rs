//! The ontology and gazetteer graphs: loaded once, reloaded only when
//! their content hash changes, so every ingest can ask for them cheaply.

use std::path::PathBuf;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, QuadRef};

use super::{EventStore, StoreError};
use crate::rdf::short_hash;
use crate::vocab;

/// The ontology shipped with eventline.
const ONTOLOGY: &str = include_str!("../../ontology/eventline.ttl");

impl EventStore {
    /// Loads the ontology and gazetteer graphs unless they are already
    /// there with the same content.
    pub fn ensure_vocabulary(
        &self,
        gazetteer_sources: &[(PathBuf, String)],
    ) -> Result<(), StoreError> {
        self.ensure_graph(
            vocab::GRAPH_ONTOLOGY,
            &[("ontology/eventline.ttl".into(), ONTOLOGY.to_string())],
        )?;
        self.ensure_graph(vocab::GRAPH_GAZETTEER, gazetteer_sources)
    }

    fn ensure_graph(
        &self,
        g: NamedNodeRef<'_>,
        sources: &[(PathBuf, String)],
    ) -> Result<(), StoreError> {
        let mut all = String::new();
        for (_, t) in sources {
            all.push_str(t);
            all.push('\n');
        }
        let hash = Literal::new_simple_literal(short_hash(&all));
        let marker = QuadRef::new(g, vocab::CONTENT_HASH, &hash, g);
        if self.store.contains(marker)? {
            return Ok(());
        }
        let mut t = self.store.start_transaction()?;
        t.clear_graph(GraphNameRef::NamedNode(g))?;
        for (path, text) in sources {
            if crate::gazetteer::is_table(path) {
                continue; // the Phoenix actors: see gazetteer::phoenix
            }
            t.load_from_slice(
                RdfParser::from_format(RdfFormat::Turtle).with_default_graph(g.into_owned()),
                text.as_bytes(),
            )
            .map_err(|source| StoreError::Load {
                what: path.display().to_string(),
                source,
            })?;
        }
        t.insert(marker);
        t.commit()?;
        Ok(())
    }
}
