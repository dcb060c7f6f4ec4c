//! `--compact`: the store rewritten as one bulk load of its own quads.
//!
//! RocksDB's full compaction (oxigraph's `optimize`) leaves the store 1.65x
//! the size of the same quads bulk-loaded into a fresh one: oxigraph opens
//! RocksDB with no compression on the first levels, and while a column
//! family is smaller than the level base its data lives there, uncompressed
//! (BENCHMARKS.md: "the 1.5-1.7x against pyoxigraph's bulk load is
//! compression, not data"); the option that would change it is not
//! exposed. The bulk loader writes each column family as sorted,
//! compressed files instead, so the smallest store is a fresh one loaded
//! with every quad of the old (5x wire corpus: 278.1 MB after ingest,
//! 167.8 MB rewritten, the size of pyoxigraph's bulk load of its quads).
//!
//! The swap never leaves the path without a whole store: the new store is
//! built beside the old one, and the next [`EventStore::open`] undoes
//! ([`restore`]) or finishes ([`clear`]) the two renames if the process
//! dies between them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use oxigraph::store::Store;

use super::{EventStore, StoreError};

/// Where the new store is built, and where the old one waits while the new
/// one takes its place: siblings of the store's folder, named after it.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn building(path: &Path) -> PathBuf {
    sibling(path, ".eventline-repack")
}

fn retired(path: &Path) -> PathBuf {
    sibling(path, ".eventline-old")
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Rewrite {
        path: path.to_path_buf(),
        source,
    }
}

/// Before the store is opened: a store retired with no successor in
/// place (a process died between the two renames) comes back.
pub(super) fn restore(path: &Path) -> Result<(), StoreError> {
    let old = retired(path);
    if !path.exists() && old.exists() {
        std::fs::rename(&old, path).map_err(|e| io(path, e))?;
    }
    Ok(())
}

/// Once the store is open, and so locked against other processes: what a
/// dead rewrite left beside it goes, a store half built or one retired
/// whose successor is in place.
pub(super) fn clear(path: &Path) -> Result<(), StoreError> {
    for dir in [building(path), retired(path)] {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| io(&dir, e))?;
        }
    }
    Ok(())
}

impl EventStore {
    /// Rewrites the store at `path` (the one `self` was opened from) as a
    /// bulk load of all its quads into a fresh store that then takes its
    /// place; returns the number of quads. Consumes the store: RocksDB's
    /// files must be closed before the folders are swapped.
    pub fn repack(self, path: &Path) -> Result<usize, StoreError> {
        clear(path)?;
        let new_path = building(path);
        let quads = {
            let new = Store::open(&new_path).map_err(|source| StoreError::Open {
                path: new_path.clone(),
                source,
            })?;
            let mut loader = new.bulk_loader();
            loader.load_ok_quads::<_, StoreError>(self.store.iter())?;
            loader.commit()?;
            new.flush()?;
            let (had, has) = (self.store.len()?, new.len()?);
            if had != has {
                drop(new);
                std::fs::remove_dir_all(&new_path).map_err(|e| io(&new_path, e))?;
                return Err(StoreError::Repack {
                    path: path.to_path_buf(),
                    had,
                    has,
                });
            }
            has
        };
        drop(self);
        let old = retired(path);
        std::fs::rename(path, &old).map_err(|e| io(path, e))?;
        std::fs::rename(&new_path, path).map_err(|e| io(path, e))?;
        std::fs::remove_dir_all(&old).map_err(|e| io(&old, e))?;
        Ok(quads)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef};

    fn quad(n: usize) -> oxigraph::model::Quad {
        let s = format!("https://example.org/s{n}");
        QuadRef::new(
            NamedNodeRef::new_unchecked(&s),
            NamedNodeRef::new_unchecked("https://example.org/p"),
            NamedNodeRef::new_unchecked("https://example.org/o"),
            GraphNameRef::NamedNode(NamedNodeRef::new_unchecked("https://example.org/g")),
        )
        .into_owned()
    }

    /// A store at `dir/store` holding `n` quads, flushed.
    fn store_of(dir: &Path, n: usize) -> (PathBuf, EventStore) {
        let path = dir.join("store");
        let store = EventStore::open(&path).unwrap();
        for k in 0..n {
            store.store.insert(&quad(k)).unwrap();
        }
        store.flush().unwrap();
        (path, store)
    }

    #[test]
    fn repack_keeps_every_quad_and_leaves_no_sibling() {
        let dir = tempfile::tempdir().unwrap();
        let (path, store) = store_of(dir.path(), 100);
        assert_eq!(store.repack(&path).unwrap(), 100);
        let store = EventStore::open(&path).unwrap();
        assert_eq!(store.len().unwrap(), 100);
        assert!(store.store.contains(&quad(42)).unwrap());
        assert!(!building(&path).exists() && !retired(&path).exists());
    }

    #[test]
    fn open_brings_back_a_store_retired_with_no_successor() {
        let dir = tempfile::tempdir().unwrap();
        let (path, store) = store_of(dir.path(), 1);
        drop(store);
        // Killed between the two renames, with a half-built store beside.
        std::fs::rename(&path, retired(&path)).unwrap();
        std::fs::create_dir_all(building(&path)).unwrap();
        let store = EventStore::open(&path).unwrap();
        assert_eq!(store.len().unwrap(), 1);
        assert!(!building(&path).exists() && !retired(&path).exists());
    }

    #[test]
    fn open_drops_a_retired_store_whose_successor_is_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let (path, store) = store_of(dir.path(), 1);
        drop(store);
        std::fs::create_dir_all(retired(&path)).unwrap();
        let store = EventStore::open(&path).unwrap();
        assert_eq!(store.len().unwrap(), 1);
        assert!(!retired(&path).exists());
    }
}
