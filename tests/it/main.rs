//! The end-to-end tests that need the store, as one test binary: each
//! test binary links RocksDB, and linking it once instead of five times is
//! most of the test suite's build time after a change (see the commit
//! that made this file). `tests/extraction.rs` needs no store and stays
//! apart.

mod cli;
mod common;
mod crash;
mod errors;
mod federate;
mod hostile;
mod io;
mod link;
mod load;
mod push;
mod queries;
mod reconcile;
mod serve;
mod web;
