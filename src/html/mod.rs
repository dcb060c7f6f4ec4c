//! Saved web pages as articles: the bytes decoded as a browser would
//! (`encoding`), the story's text chosen among the page's chrome (`text`),
//! its publication date from the markup or URL (`date`), its canonical URL
//! and title. `article` turns a [`Page`] into an [`crate::article::Article`];
//! nothing here knows about extraction or the store.

mod date;
mod encoding;
mod text;

use chrono::NaiveDate;
use dom_query::Document;

/// What a page says of itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// The story's title, without the site's name.
    pub(crate) title: Option<String>,
    /// The main text: headline, subheads, paragraphs and list items, one
    /// paragraph each, blank-line separated.
    pub(crate) text: String,
    /// The canonical URL (`<link rel=canonical>`, `og:url`), else the one
    /// the page was saved from.
    pub(crate) url: Option<String>,
    /// The publication date found in the markup or URL, and how.
    pub(crate) published: Option<(NaiveDate, &'static str)>,
    /// Problems met on the way, for the user.
    pub(crate) warnings: Vec<String>,
}

/// Whether bytes of unknown kind (standard input) look like a web page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF))
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<!--")
}

/// Reads a saved page; `url` is where it came from, when known.
pub(crate) fn read_page(bytes: &[u8], url: Option<&str>) -> Page {
    let (html, _, warning) = encoding::decode(bytes);
    let doc = Document::from(html.as_str());
    let canonical = canonical_url(&doc);
    let page_url = canonical.as_deref().or(url);
    let published = date::published(&doc, page_url)
        .or_else(|| url.and_then(date::from_url).map(|d| (d, "url")));
    let (title, body) = text::main_text(&html, page_url);
    let title = headline(&doc, title.as_deref()).or(title);
    // The headline opens the text, as in the plain-text readers, unless
    // the story's container began with it already.
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body,
    };
    Page {
        title,
        text,
        url: canonical.or_else(|| url.map(str::to_string)),
        published,
        warnings: warning.into_iter().collect(),
    }
}

/// The headline a reader sees: the social title the site chose, which
/// unlike `<title>` carries no site name, else the page's `<h1>` when the
/// document title contains it ("Talks resume" of "Talks resume - The Daily").
fn headline(doc: &Document, title: Option<&str>) -> Option<String> {
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        "meta[property=\"og:title\"]",
        "meta[name=\"twitter:title\"]",
    ]
    .iter()
    .find_map(|sel| {
        doc.select(sel)
            .attr("content")
            .map(|t| norm(&t))
            .filter(|t| !t.is_empty())
    })
    .or_else(|| {
        let h1 = norm(&doc.select("h1").first().text());
        (!h1.is_empty() && title.is_some_and(|t| t.contains(h1.as_str()))).then_some(h1)
    })
}

fn canonical_url(doc: &Document) -> Option<String> {
    let absolute = |u: &str| u.starts_with("http://") || u.starts_with("https://");
    doc.select("link[rel=\"canonical\"]")
        .attr("href")
        .or_else(|| doc.select("meta[property=\"og:url\"]").attr("content"))
        .map(|u| u.trim().to_string())
        .filter(|u| absolute(u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_title_text_url_date_and_encoding() {
        let page = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\">\
<title>Talks - Site</title><meta property=\"og:title\" content=\"Leaders meet in Paris\">\
<link rel=\"canonical\" href=\"https://news.example/2019/10/19/talks\"></head><body>\
<nav><a href=\"/\">Home</a></nav><p>The leaders met on Friday in Paris, the ministry said \x93today\x94.</p></body></html>";
        let p = read_page(page, None);
        assert_eq!(p.title.as_deref(), Some("Leaders meet in Paris"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://news.example/2019/10/19/talks")
        );
        assert_eq!(
            p.published,
            Some((NaiveDate::from_ymd_opt(2019, 10, 19).unwrap(), "url"))
        );
        assert_eq!(encoding::decode(page).1, "windows-1252");
        assert_eq!(
            p.text,
            "Leaders meet in Paris\n\nThe leaders met on Friday in Paris, the ministry said “today”."
        );
    }

    #[test]
    fn the_headline_is_the_h1_the_title_contains() {
        let p = read_page(
            b"<html><head><title>Talks resume - The Daily</title></head><body><h1>Talks resume</h1>\
<p>Negotiators met again on Monday in Geneva, the mediators said.</p></body></html>",
            None,
        );
        assert_eq!(p.title.as_deref(), Some("Talks resume"));
        assert!(
            p.text.starts_with("Talks resume\n\nNegotiators met"),
            "{}",
            p.text
        );
    }

    #[test]
    fn html_is_recognised_on_stdin() {
        assert!(looks_like_html(b"\n<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html(b"Plain text <b>with</b> tags"));
    }
}
