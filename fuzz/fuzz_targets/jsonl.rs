//! The JSON Lines reader: arbitrary bytes as a `.jsonl` file.
#![no_main]

use std::path::Path;

use eventline::{content_hash, read_bytes, ReadError, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.jsonl");
    let results = read_bytes(path, data, &ReadOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap()));
    assert!(
        !results.is_empty(),
        "a reader must say something about every input"
    );
    // Line numbers in errors count the lines of the decoded text.
    let lines = String::from_utf8_lossy(data).lines().count().max(1);
    for r in &results {
        match r {
            Ok(a) => {
                assert!(!a.text.trim().is_empty(), "an article without text");
                assert!(a.source.starts_with("fuzz.jsonl:"));
                assert_eq!(content_hash(&a).len(), 32);
            }
            Err(ReadError::BadJsonLine { line, .. }) | Err(ReadError::MissingText { line, .. }) => {
                assert!(*line >= 1 && *line <= lines, "line {line} of {lines}");
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
