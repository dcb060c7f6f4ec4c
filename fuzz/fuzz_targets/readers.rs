//! Every article reader: arbitrary bytes through `read_bytes` under
//! the file names that pick each reader, plus `repair_mojibake` on the
//! lossily decoded bytes.
//!
//! Input: one selector byte, then the file's bytes. Selector bits 0-2 pick
//! the name (and so the reader), bit 6 gives a `--date`, bit 7 a small size
//! limit so that the too-large paths are reached too.
#![no_main]

use std::path::Path;

use chrono::NaiveDate;
use eventline::{
    content_hash, looks_like_html, read_bytes, repair_mojibake, ReadError, ReadOptions,
    DEFAULT_MAX_ARTICLE_BYTES,
};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "article.txt",   // seed format / plain text
    "article.json",  // JSON Lines reader
    "article.jsonl", // JSON Lines reader
    "article",       // no extension: plain text
    "-",             // standard input: JSON Lines when it starts with '{'
    "page.html",     // saved web page (html module)
    "corpus.ndjson", // JSON Lines reader
    "ARTICLE.JSONL", // upper case: not JSON Lines (extension match is exact)
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new(NAMES[usize::from(sel & 7)]);
    let opts = ReadOptions {
        date: (sel & 0x40 != 0).then(|| NaiveDate::from_ymd_opt(2025, 10, 17).unwrap()),
        max_article_bytes: if sel & 0x80 != 0 {
            512
        } else {
            DEFAULT_MAX_ARTICLE_BYTES
        },
        today: NaiveDate::from_ymd_opt(2025, 10, 20).unwrap(),
    };
    // The JSON Lines reader keeps a record's own title, of any length, and
    // so does the page reader (the page's own headline).
    let jsonl = matches!(sel & 7, 1 | 2 | 5 | 6)
        || (sel & 7 == 4 && (bytes.first() == Some(&b'{') || looks_like_html(bytes)));
    let results = read_bytes(path, bytes, &opts);
    assert!(
        !results.is_empty(),
        "a reader must say something about every input"
    );
    for r in &results {
        match r {
            Ok(a) => {
                assert_eq!(content_hash(&a).len(), 32);
                if let Some(t) = a.title.as_ref().filter(|_| !jsonl) {
                    // headline(): at most 200 chars plus an ellipsis.
                    assert!(t.chars().count() <= 201, "title too long: {}", t.len());
                }
                if opts.date.is_some() {
                    assert!(a.published.is_some());
                }
            }
            Err(e) => {
                // Every error names its input and renders.
                assert!(!e.path().as_os_str().is_empty());
                let _ = e.to_string();
                if let ReadError::TooLarge { size, limit, .. } = e {
                    assert!(size > limit);
                }
            }
        }
    }

    let text = String::from_utf8_lossy(bytes);
    if let Some(fixed) = repair_mojibake(&text) {
        // A repair replaces runs of several characters by one.
        assert!(
            fixed.chars().count() < text.chars().count(),
            "repair did not shorten the text"
        );
    }
});
