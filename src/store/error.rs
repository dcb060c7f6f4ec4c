//! What can go wrong with the store, each with its cause kept as a
//! `source` (printed by the binary as `message: cause`), never flattened
//! into a string.

use std::path::PathBuf;

use oxigraph::sparql::{QueryEvaluationError, SparqlSyntaxError};
use oxigraph::store::{LoaderError, StorageError};
use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("store {} is in use by another eventline process (only one may open it at a time: wait for it to finish, add --wait SECONDS, or use another --store)", path.display())]
    Locked {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("cannot open store {}", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open store {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("store error")]
    Storage(#[from] StorageError),
    #[error("SPARQL syntax error")]
    Syntax(#[from] SparqlSyntaxError),
    #[error("query failed")]
    Query(#[from] QueryEvaluationError),
    #[error("query failed: expected a SELECT query")]
    NotSelect,
    #[error("cannot load {what}")]
    Load {
        what: String,
        #[source]
        source: LoaderError,
    },
    #[error("cannot write output")]
    Prefix(#[from] oxrdf::IriParseError),
    #[error("cannot write output")]
    Write(#[source] std::io::Error),
    /// `--compact`: a folder of the rewrite could not be made, swapped or
    /// removed.
    #[error("cannot rewrite store {} (--compact)", path.display())]
    Rewrite {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the rewritten copy of store {} held {has} quads for the store's {had}: the store is kept as it was", path.display())]
    Repack {
        path: PathBuf,
        had: usize,
        has: usize,
    },
    /// A thread panicked while holding the index of fingerprints.
    #[error("the index of article fingerprints is unusable after a panic")]
    Poisoned,
}
