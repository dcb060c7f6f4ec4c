//! A page's publication date from its markup, most trusted first: JSON-LD
//! `datePublished`, the meta tags of `data/date_meta.txt`, an element
//! marked as the publication date (`itemprop`, `pubdate`), `<time>`, then
//! the URL's `/2019/10/19/`. The text is the caller's last resort (the
//! temporal tagger of `timex`). Each finding names its method so that a
//! user can see how far to trust it.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use dom_query::Document;

/// Where in the page the date was found.
pub(crate) type Method = &'static str;

fn meta_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("data/date_meta.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_ascii_lowercase)
            .collect()
    })
}

/// The publication date of a parsed page and how it was found.
pub(crate) fn published(doc: &Document, url: Option<&str>) -> Option<(NaiveDate, Method)> {
    json_ld(doc)
        .map(|d| (d, "json-ld"))
        .or_else(|| meta(doc))
        .or_else(|| marked(doc).map(|d| (d, "itemprop")))
        .or_else(|| time_element(doc).map(|d| (d, "time")))
        .or_else(|| url.and_then(from_url).map(|d| (d, "url")))
}

/// `datePublished` of the first JSON-LD object that has one (objects,
/// arrays and `@graph` searched depth first); `dateCreated` failing that.
fn json_ld(doc: &Document) -> Option<NaiveDate> {
    let mut created = None;
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
            continue;
        };
        if let Some(d) = find_key(&v, "datePublished").and_then(parse_date) {
            return Some(d);
        }
        created = created.or_else(|| find_key(&v, "dateCreated").and_then(parse_date));
    }
    created
}

fn find_key<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    match v {
        serde_json::Value::Object(m) => m
            .get(key)
            .and_then(|x| x.as_str())
            .or_else(|| m.values().find_map(|x| find_key(x, key))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

/// The best-ranked meta tag holding a date.
fn meta(doc: &Document) -> Option<(NaiveDate, Method)> {
    let names = meta_names();
    let mut best: Option<(usize, NaiveDate)> = None;
    for m in doc.select("meta").iter() {
        let Some(value) = m.attr("content").or_else(|| m.attr("datetime")) else {
            continue;
        };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = m.attr(attr) else { continue };
            let key = key.trim().to_ascii_lowercase();
            let Some(rank) = names.iter().position(|n| *n == key) else {
                continue;
            };
            if best.is_some_and(|(r, _)| r <= rank) {
                continue;
            }
            if let Some(d) = parse_date(&value) {
                best = Some((rank, d));
            }
        }
    }
    // The method names the tag, leaked once per distinct name (a short list).
    best.map(|(rank, d)| (d, meta_method(rank)))
}

fn meta_method(rank: usize) -> Method {
    static METHODS: OnceLock<Vec<String>> = OnceLock::new();
    let methods =
        METHODS.get_or_init(|| meta_names().iter().map(|n| format!("meta:{n}")).collect());
    methods[rank].as_str()
}

/// An element other than `<meta>` marked as the publication date.
fn marked(doc: &Document) -> Option<NaiveDate> {
    doc.select(r#"[itemprop="datePublished"], [pubdate], [property="article:published_time"]"#)
        .iter()
        .find_map(|e| {
            e.attr("datetime")
                .or_else(|| e.attr("content"))
                .and_then(|v| parse_date(&v))
                .or_else(|| parse_date(&e.text()))
        })
}

/// The first `<time datetime>` of the article, else of the page.
fn time_element(doc: &Document) -> Option<NaiveDate> {
    let of = |sel: &str| {
        doc.select(sel)
            .iter()
            .find_map(|e| e.attr("datetime").and_then(|v| parse_date(&v)))
    };
    of("article time[datetime], header time[datetime]").or_else(|| of("time[datetime]"))
}

/// `/2019/10/19/`, `/2019-10-19`, `/20191019/` in a URL's path.
pub(crate) fn from_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Some(d)) =
            (w[0].parse::<i32>(), w[1].parse::<u32>(), leading_day(w[2]))
        {
            if w[0].len() == 4 && w[1].len() <= 2 {
                if let Some(date) = plausible(NaiveDate::from_ymd_opt(y, m, d)) {
                    return Some(date);
                }
            }
        }
    }
    parts.iter().find_map(|p| {
        let digits: String = p.chars().take(10).collect();
        iso_prefix(&digits).or_else(|| {
            (p.len() >= 8 && p.as_bytes()[..8].iter().all(u8::is_ascii_digit))
                .then(|| plausible(NaiveDate::parse_from_str(&p[..8], "%Y%m%d").ok()))
                .flatten()
        })
    })
}

/// A day number at the start of a path segment ("19", "19-some-title").
fn leading_day(s: &str) -> Option<u32> {
    let n: String = s.chars().take_while(char::is_ascii_digit).collect();
    if n.is_empty() || n.len() > 2 {
        return None;
    }
    let rest = &s[n.len()..];
    (rest.is_empty() || rest.starts_with(['-', '_', '.']))
        .then(|| n.parse().ok())
        .flatten()
}

/// Dates of the web: before 1995 or years ahead they are not a publication
/// date (product numbers, birth dates, typos).
fn plausible(d: Option<NaiveDate>) -> Option<NaiveDate> {
    let d = d?;
    let next_year = chrono::Local::now().date_naive().year() + 1;
    (1995..=next_year).contains(&d.year()).then_some(d)
}

fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let head: String = s
        .chars()
        .take(10)
        .map(|c| if c == '/' || c == '.' { '-' } else { c })
        .collect();
    plausible(NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok())
}

/// The date a metadata value states, in the page's own time zone (the day
/// its readers saw): ISO 8601 and RFC 3339 prefixes, RFC 2822, compact
/// `YYYYMMDD`, and the common written forms.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(d) = iso_prefix(s) {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return plausible(Some(dt.date_naive()));
    }
    if s.len() >= 8 && s.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        return plausible(NaiveDate::parse_from_str(&s[..8], "%Y%m%d").ok());
    }
    let cleaned: String = s
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    const FORMATS: [&str; 8] = [
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%a %b %d %Y",
        "%d.%m.%Y",
        "%m/%d/%Y",
    ];
    // Written dates often trail a time ("October 19, 2019 10:04 AM"): try
    // the leading words, longest first.
    let words: Vec<&str> = cleaned.split(' ').collect();
    for n in (1..=words.len().min(4)).rev() {
        let head = words[..n].join(" ");
        for f in FORMATS {
            if let Ok(d) = NaiveDate::parse_from_str(&head, f) {
                return plausible(Some(d));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn metadata_values_parse_in_the_pages_time_zone() {
        assert_eq!(parse_date("2019-10-19T23:30:00-04:00"), date(2019, 10, 19));
        assert_eq!(parse_date("2019/10/19"), date(2019, 10, 19));
        assert_eq!(
            parse_date("Sat, 19 Oct 2019 08:00:00 GMT"),
            date(2019, 10, 19)
        );
        assert_eq!(parse_date("October 19, 2019 10:04 AM"), date(2019, 10, 19));
        assert_eq!(parse_date("20191019"), date(2019, 10, 19));
        assert_eq!(parse_date("19.10.2019"), date(2019, 10, 19));
        assert_eq!(parse_date("1066-10-14"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn urls_with_dates() {
        assert_eq!(
            from_url("https://x.com/2019/10/19/story/"),
            date(2019, 10, 19)
        );
        assert_eq!(
            from_url("https://x.com/news/2019-10-19-story"),
            date(2019, 10, 19)
        );
        assert_eq!(
            from_url("https://x.com/a/20191019/b.html"),
            date(2019, 10, 19)
        );
        assert_eq!(from_url("https://x.com/speedreads/887020/story"), None);
    }

    #[test]
    fn json_ld_comes_before_meta_and_meta_before_time() {
        let page = r#"<html><head>
<meta name="date" content="2019-01-01">
<meta property="article:published_time" content="2019-02-02T10:00:00Z">
<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2019-03-03"}]}</script>
</head><body><time datetime="2019-04-04">April</time></body></html>"#;
        let doc = Document::from(page);
        assert_eq!(
            published(&doc, None),
            Some((date(2019, 3, 3).unwrap(), "json-ld"))
        );
        let doc = Document::from(page.replace("datePublished", "x"));
        assert_eq!(
            published(&doc, None),
            Some((date(2019, 2, 2).unwrap(), "meta:article:published_time"))
        );
        let doc = Document::from("<p><time datetime=\"2019-04-04\">4 April</time></p>");
        assert_eq!(
            published(&doc, None),
            Some((date(2019, 4, 4).unwrap(), "time"))
        );
    }
}
