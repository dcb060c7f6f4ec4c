//! Escaping for every context text and links reach: XML text and
//! attributes, DOT quoted strings, Graphviz HTML-like labels and URLs.
//! Labels come from news text and gazetteers, so any of them may hold
//! quotes, angle brackets, backslashes or control characters.

use std::fmt::Write as _;

fn bad_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Removes control characters and folds all whitespace runs to one space.
pub(super) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !bad_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// XML text/attribute escaping; control characters removed.
pub(super) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => {}
            c if bad_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Content of a DOT double-quoted string; newlines become `\n` line breaks.
///
/// Graphviz expands `\N`, `\G`, `\E`, `\T`, `\H`, `\L` in some
/// attributes (tooltips) even after a doubled backslash, so a zero-width
/// space is put between an escaped backslash and such a letter.
pub(super) fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push_str("\\\\");
                if chars.peek().is_some_and(|n| "NGETHLlnr".contains(*n)) {
                    out.push('\u{200B}');
                }
            }
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if bad_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A URL safe for both DOT and XML attribute use: whitespace and control
/// characters dropped; only http(s) or relative links are kept.
pub(super) fn clean_url(u: &str) -> Option<String> {
    let u: String = u
        .chars()
        .filter(|c| !c.is_whitespace() && !bad_char(*c))
        .collect();
    let lower = u.to_ascii_lowercase();
    let has_scheme = lower.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if u.is_empty() || (has_scheme && !(lower.starts_with("http:") || lower.starts_with("https:")))
    {
        return None;
    }
    Some(u)
}

/// Text inside a Graphviz HTML-like label.
pub(super) fn html_text(s: &str) -> String {
    html_escape(&one_line(s))
}

/// Escapes text for HTML (and Graphviz HTML-like) content and for double-
/// or single-quoted attributes.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL for a DOT `URL` attribute. Graphviz copies URLs into its SVG
/// output without escaping them, so everything XML-special or unsafe is
/// percent-encoded and `&` is written as `&amp;` (which Graphviz keeps as an
/// entity either way).
pub(super) fn dot_url(u: &str) -> String {
    let mut out = String::new();
    let mut buf = [0u8; 4];
    for c in u.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$()*+,;=%".contains(c) {
            out.push(c);
        } else if c == '&' {
            out.push_str("&amp;");
        } else {
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_context_escapes_its_own_specials() {
        assert_eq!(xml("a<b & \"c\"\u{7}\r"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(dot_escape("say \"\\N\"\n"), "say \\\"\\\\\u{200B}N\\\"\\n");
        assert_eq!(html_text("<S> & 'x'\n y"), "&lt;S&gt; &amp; &#39;x&#39; y");
        assert_eq!(one_line("  a \n\t b\u{1b}c "), "a bc");
        assert_eq!(
            dot_url("https://e.com/?q=\"x\"&a=<b>"),
            "https://e.com/?q=%22x%22&amp;a=%3Cb%3E"
        );
    }

    #[test]
    fn only_web_and_relative_links_survive() {
        assert_eq!(
            clean_url(" https://e.com/a b"),
            Some("https://e.com/ab".into())
        );
        assert_eq!(clean_url("story/1.html"), Some("story/1.html".into()));
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(clean_url("data:text/html,x"), None);
        assert_eq!(clean_url(" \n"), None);
    }
}
