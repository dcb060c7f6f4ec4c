//! Extraction and the RDF mapping: arbitrary text read as a `.txt` article
//! (seed header, repair, publication date), through `Extractor::extract`
//! with the built-in gazetteer, then `fingerprint` and
//! `article_quads`.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use eventline::{article_quads, fingerprint, read_bytes, Extractor, Gazetteer, ReadOptions};
use libfuzzer_sys::fuzz_target;

static GAZ: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::load(&[]).expect("the built-in gazetteer loads"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let results = read_bytes(
        Path::new("fuzz.txt"),
        text.as_bytes(),
        &ReadOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap()),
    );
    let Some(Ok(article)) = results.into_iter().next() else {
        return;
    };
    let body = article.text.as_str();
    let ex = Extractor::new(&GAZ).extract(&article);
    for m in &ex.mentions {
        assert!(!m.evidence.is_empty(), "a mention without evidence");
        for e in &m.evidence {
            assert!(
                e.start <= e.end && e.end <= body.len(),
                "evidence {}..{} of {}",
                e.start,
                e.end,
                body.len()
            );
            assert!(body.is_char_boundary(e.start) && body.is_char_boundary(e.end));
            assert_eq!(e.quote, &body[e.start..e.end]);
            assert!(
                e.sentence_start <= e.start,
                "sentence starts after its evidence"
            );
            let s_end = e.sentence_start + e.sentence.len();
            assert!(s_end <= body.len() && body.is_char_boundary(e.sentence_start));
            assert_eq!(e.sentence, &body[e.sentence_start..s_end]);
        }
        if let Some(d) = &m.date {
            assert!(
                d.earliest <= d.latest,
                "date window {} .. {}",
                d.earliest,
                d.latest
            );
        }
    }
    let fp = fingerprint(body);
    let quads = article_quads(&article, &ex, fp);
    assert!(!quads.is_empty());
});
