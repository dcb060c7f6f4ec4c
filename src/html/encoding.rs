//! The character encoding of a saved page, as a browser decides it: a byte
//! order mark, else the `<meta charset>` (or `http-equiv` content type) in
//! the first 1,024 bytes, else UTF-8 when the bytes are valid UTF-8, else
//! Windows-1252 (what browsers assume of legacy Western pages).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page the charset declaration is looked for (the HTML
/// standard's prescan reads 1,024 bytes; saved pages often put a long
/// comment or script first, so look further).
const PRESCAN: usize = 4096;

/// The page as text, the encoding's name, and a warning when bytes were
/// not valid in it.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str, Option<String>) {
    let (enc, declared) = match Encoding::for_bom(bytes) {
        Some((enc, _)) => (enc, true),
        None => match declared_charset(&bytes[..bytes.len().min(PRESCAN)]) {
            Some(enc) => (enc, true),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, false),
            None => (WINDOWS_1252, false),
        },
    };
    // A page declaring UTF-16 in ASCII markup is not UTF-16 (the standard
    // says to read it as UTF-8).
    let enc = if declared
        && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
        && Encoding::for_bom(bytes).is_none()
    {
        UTF_8
    } else {
        enc
    };
    let (text, used, had_errors) = enc.decode(bytes);
    let warning = had_errors.then(|| {
        format!(
            "bytes not valid in the page's encoding {}, replaced",
            used.name()
        )
    });
    (text.into_owned(), used.name(), warning)
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` names, if it is one encoding_rs knows.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'') {
            j += 1;
        }
        let end = lower[j..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |k| j + k);
        if let Some(enc) = Encoding::for_label(&lower[j..end]) {
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_windows_1252_and_undeclared_legacy_bytes_decode() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>caf\xe9 \x93quoted\x94</body></html>";
        let (text, name, warn) = decode(page);
        assert!(text.contains("café “quoted”"), "{text}");
        assert_eq!(name, "windows-1252");
        assert!(warn.is_none());
        let (text, name, _) = decode(b"<p>na\xefve</p>");
        assert_eq!((text.as_str(), name), ("<p>naïve</p>", "windows-1252"));
    }

    #[test]
    fn meta_charset_utf8_and_bom() {
        let (text, name, _) = decode("<meta charset=\"utf-8\"><p>été</p>".as_bytes());
        assert_eq!(name, "UTF-8");
        assert!(text.contains("été"));
        let (text, name, _) = decode(b"\xef\xbb\xbf<p>x</p>");
        assert_eq!((text.as_str(), name), ("<p>x</p>", "UTF-8"));
        // ISO-8859-1 is read as Windows-1252, as browsers do.
        let (_, name, _) = decode(b"<meta charset=iso-8859-1><p>\xe9</p>");
        assert_eq!(name, "windows-1252");
    }
}
