//! Expanding the command line's paths into the files to read: directories
//! recursively in name order (a corpus is always read the same way), each
//! directory and each file at most once however many links lead to it, so
//! a symlink loop ends at its first turn and a linked file is not stored
//! twice under two names.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Input, ReadError};

/// Expands the command-line paths into inputs; what could not be read or
/// was seen already comes back as errors naming the path.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut w = Walker::default();
    for p in paths {
        if p.as_os_str() == "-" {
            w.inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(p) {
            Err(_) => w.errors.push(ReadError::NotFound { path: p.clone() }),
            Ok(m) if m.is_dir() => {
                let before = w.inputs.len();
                w.dir(p);
                if w.inputs.len() == before {
                    w.errors.push(ReadError::NoArticles { path: p.clone() });
                }
            }
            Ok(_) => w.file(p),
        }
    }
    (w.inputs, w.errors)
}

#[derive(Default)]
struct Walker {
    inputs: Vec<Input>,
    errors: Vec<ReadError>,
    /// Canonical path of every directory and file taken, with the path it
    /// was first reached by.
    seen: HashMap<PathBuf, PathBuf>,
}

impl Walker {
    /// Records `p`; false when its canonical path was reached before.
    fn first_visit(&mut self, p: &Path, is_dir: bool) -> bool {
        // A path that cannot be canonicalised (a dangling link) is its own
        // identity; reading it will say what is wrong.
        let canonical = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if let Some(first) = self.seen.get(&canonical) {
            self.errors.push(if is_dir {
                ReadError::Loop {
                    path: p.to_path_buf(),
                    target: first.clone(),
                }
            } else {
                ReadError::SameFile {
                    path: p.to_path_buf(),
                    first: first.clone(),
                }
            });
            return false;
        }
        self.seen.insert(canonical, p.to_path_buf());
        true
    }

    fn file(&mut self, p: &Path) {
        if self.first_visit(p, false) {
            self.inputs.push(Input::File(p.to_path_buf()));
        }
    }

    fn dir(&mut self, dir: &Path) {
        if !self.first_visit(dir, true) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(source) => {
                self.errors.push(ReadError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                self.dir(&p);
            } else if is_article_file(&p) {
                self.file(&p);
            }
        }
    }
}

fn is_article_file(p: &Path) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => matches!(
            ext.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "jsonl" | "ndjson" | "json" | "story" | "html" | "htm"
        ),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_symlink_loop_is_walked_once_and_reported() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("corpus");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.txt"), "text").unwrap();
        symlink(&root, root.join("sub/loop")).unwrap();
        symlink(root.join("sub/a.txt"), root.join("b.txt")).unwrap();
        let (inputs, errors) = collect_inputs(std::slice::from_ref(&root));
        assert_eq!(inputs, vec![Input::File(root.join("b.txt"))]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(matches!(&errors[0], ReadError::SameFile { .. }));
        assert!(matches!(&errors[1], ReadError::Loop { .. }));
    }
}
