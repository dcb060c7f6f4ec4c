//! The main text of a page: Readability (the `dom_smoothie` port of
//! Mozilla's algorithm) chooses the story's container; what it keeps that
//! a reader skips (captions, bylines, related links, ads, comments: the
//! selectors of `data/junk.txt`) is removed; then headings, paragraphs,
//! list items and quotes become one paragraph each, blank-line separated,
//! as the plain-text readers give them to extraction.

use std::sync::OnceLock;

use dom_query::{Document, NodeRef};

fn lines(data: &'static str) -> Vec<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn junk_selector() -> &'static str {
    static SEL: OnceLock<String> = OnceLock::new();
    SEL.get_or_init(|| lines(include_str!("data/junk.txt")).join(", "))
}

fn boilerplate() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| lines(include_str!("data/boilerplate.txt")))
}

/// Elements that are one paragraph of text each.
const BLOCKS: [&str; 13] = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "td",
];

/// Containers whose loose text is a paragraph of its own.
fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// The story's title (Readability's, without the site's name) and its text.
pub(crate) fn main_text(html: &str, url: Option<&str>) -> (Option<String>, String) {
    let cfg = dom_smoothie::Config {
        // Readability gives up on pages with more elements than this;
        // saved pages of 2 MB stay well below.
        max_elements_to_parse: 0,
        ..Default::default()
    };
    // Readability wants an absolute URL or none.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let parsed = dom_smoothie::Readability::new(html, url, Some(cfg))
        .or_else(|_| dom_smoothie::Readability::new(html, None, None))
        .and_then(|mut r| r.parse());
    match parsed {
        Ok(article) => {
            let title = Some(clean(&article.title)).filter(|t| !t.is_empty());
            (
                title,
                paragraphs(&Document::from(article.content.to_string())),
            )
        }
        // Nothing Readability calls an article: the page's own blocks.
        Err(_) => (None, paragraphs(&Document::from(html))),
    }
}

/// The blocks of a document's text, one paragraph each, without junk.
pub(crate) fn paragraphs(doc: &Document) -> String {
    doc.select(junk_selector()).remove();
    let mut out: Vec<String> = Vec::new();
    let mut loose = String::new();
    if let Some(body) = doc.select("body").nodes().first() {
        walk(body, &mut out, &mut loose);
    } else {
        walk(&doc.root(), &mut out, &mut loose);
    }
    push(&mut out, &loose);
    out.join("\n\n")
}

fn walk(node: &NodeRef, out: &mut Vec<String>, loose: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            loose.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if name == "br" {
            loose.push('\n');
        } else if is_block(&name) {
            push(out, loose);
            loose.clear();
            if !is_link_list_item(&child) {
                push(out, &child.text());
            }
        } else if matches!(
            name.as_str(),
            "div"
                | "section"
                | "article"
                | "header"
                | "main"
                | "ul"
                | "ol"
                | "table"
                | "tr"
                | "tbody"
                | "dl"
        ) {
            push(out, loose);
            loose.clear();
            walk(&child, out, loose);
            push(out, loose);
            loose.clear();
        } else {
            // Inline markup (a, em, span, ...) is part of the running text.
            walk(&child, out, loose);
        }
    }
}

/// A block that is nothing but a link ("Related: <a>Other story</a>" or a
/// list of further stories) is navigation, not text.
fn is_link_list_item(node: &NodeRef) -> bool {
    let all = normalize(&node.text());
    if all.is_empty() {
        return true;
    }
    let linked: usize = node
        .descendants_it()
        .filter(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("a")))
        .map(|a| normalize(&a.text()).len())
        .sum();
    linked * 10 >= all.len() * 9 && all.split(' ').count() < 25
}

fn push(out: &mut Vec<String>, text: &str) {
    let t = normalize(text);
    if t.is_empty() || is_furniture(&t) {
        return;
    }
    // A drop capital set apart ("T" + "urkey, Poland and ...") rejoins
    // its word.
    if let Some(last) = out.last_mut() {
        let mut chars = last.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() && t.starts_with(char::is_lowercase) {
                last.push_str(&t);
                return;
            }
        }
    }
    out.push(t);
}

/// Blocks that are page furniture rather than the story: the lines of
/// `data/boilerplate.txt`, bylines ("By Jo Smith"), breadcrumb trails
/// ("Home / India News / ..."), datelines ("Updated November 3rd, 2023").
fn is_furniture(t: &str) -> bool {
    let bare = t
        .trim_end_matches([':', '.', '!', '»', '›', '>'])
        .trim()
        .to_lowercase();
    if boilerplate().contains(&bare.as_str()) {
        return true;
    }
    let words = t.split(' ').count();
    let starts = |p: &str| bare.starts_with(p);
    (words <= 8 && starts("by "))
        || (words < 30 && t.matches(" / ").count() >= 2)
        || (words <= 12
            && [
                "updated",
                "published",
                "posted",
                "last updated",
                "first published",
            ]
            .iter()
            .any(|p| starts(p))
            && super::date::find_written_date(t).is_some())
        || (words <= 6 && super::date::find_written_date(t).is_some())
}

/// Runs of whitespace become one space; line breaks inside a block become
/// spaces too (a paragraph is one line of text).
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean(s: &str) -> String {
    normalize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        paragraphs(&Document::from(html))
    }

    #[test]
    fn blocks_become_paragraphs_and_junk_goes() {
        let got = text(
            r#"<body><nav><a href="/">Home</a></nav><article>
<h2>A subhead</h2><p>First <em>para</em>
graph.</p><figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
<div class="byline">By Someone</div><ul><li>An item</li><li><a href="/x">Related story</a></li></ul>
<div>Loose text<br>after a break</div><p>Advertisement</p></article>
<div class="comments"><p>Nice!</p></div><footer>(c) 2019</footer></body>"#,
        );
        assert_eq!(
            got,
            "A subhead\n\nFirst para graph.\n\nAn item\n\nLoose text after a break"
        );
    }

    #[test]
    fn bylines_breadcrumbs_datelines_go_and_drop_capitals_rejoin() {
        let got = text(
            "<body><p>Home / World / Story</p><p>by Jo Smith</p><p>Updated November 3rd, 2023</p>\
<p>March 16, 2020 7:22 AM EDT</p><p><span>T</span></p><p>urkey was added.</p>\
<p>By the end of the talks on March 16, 2020, both sides had agreed.</p></body>",
        );
        assert_eq!(
            got,
            "Turkey was added.\n\nBy the end of the talks on March 16, 2020, both sides had agreed."
        );
    }

    #[test]
    fn readability_finds_the_story_among_the_chrome() {
        let story: String = (0..6)
            .map(|i| format!("<p>Paragraph {i} of the story, long enough to look like prose, with commas, clauses, and a full stop.</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Talks resume - The Daily</title></head><body><div class=\"menu\"><a href=\"/a\">World</a> <a href=\"/b\">Sport</a></div><div class=\"content\"><h1>Talks resume</h1>{story}</div><div class=\"sidebar\"><a href=\"/c\">Most read</a></div></body></html>"
        );
        let (title, text) = main_text(&html, None);
        assert!(title.unwrap().starts_with("Talks resume"));
        assert!(text.contains("Paragraph 0 of the story"), "{text}");
        assert!(text.contains("Paragraph 5"), "{text}");
        assert!(
            !text.contains("Most read") && !text.contains("Sport"),
            "{text}"
        );
    }
}
