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
///
/// A timestamp in UTC names the day in Greenwich, not the day the page's
/// readers saw: "2023-11-09T01:09:55Z" is an evening story of 8 November
/// in Denver. When the page also states a local day one day off (a
/// timestamp with its own offset or none, or the URL's date), that wins.
pub(crate) fn published(doc: &Document, url: Option<&str>) -> Option<(NaiveDate, Method)> {
    let (stamp, method) = json_ld(doc)
        .map(|d| (d, "json-ld"))
        .or_else(|| meta(doc))
        .or_else(|| marked(doc).map(|d| (d, "itemprop")))
        .or_else(|| time_element(doc).map(|d| (d, "time")))
        .or_else(|| url.and_then(from_url).map(|d| (Stamp::day(d), "url")))
        .or_else(|| dateline(doc).map(|d| (Stamp::day(d), "dateline")))?;
    if stamp.utc {
        // The same instant told in local time (same minutes and seconds:
        // zones differ by whole hours), or the URL's day; not any other
        // date of the page (related stories carry theirs).
        let local = local_stamps(doc)
            .into_iter()
            .find(|(l, _)| l.clock.is_some() && l.clock == stamp.clock)
            .map(|(l, m)| (l.date, m))
            .or_else(|| url.and_then(from_url).map(|d| (d, "url")));
        if let Some(local) = local.filter(|(d, _)| (*d - stamp.date).num_days().abs() == 1) {
            return Some(local);
        }
    }
    Some((stamp.date, method))
}

/// Every timestamp the page states with a local time zone (or none).
fn local_stamps(doc: &Document) -> Vec<(Stamp, Method)> {
    let mut out = Vec::new();
    let mut add = |v: &str, m: Method| {
        if let Some(st) = parse_stamp(v).filter(|st| !st.utc) {
            out.push((st, m));
        }
    };
    for script in &doc.select(r#"script[type="application/ld+json"]"#) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(script.text().trim()) {
            let mut found = Vec::new();
            find_all(&v, "datePublished", &mut found);
            for f in found {
                add(f, "json-ld-local");
            }
        }
    }
    let names = meta_names();
    for m in &doc.select("meta") {
        let published = ["property", "name", "itemprop"].iter().any(|a| {
            m.attr(a)
                .is_some_and(|k| names.contains(&k.trim().to_ascii_lowercase()))
        });
        if let Some(v) = m.attr("content").filter(|_| published) {
            add(&v, "meta-local");
        }
    }
    for t in &doc.select("time[datetime]") {
        if let Some(v) = t.attr("datetime") {
            add(&v, "time-local");
        }
    }
    out
}

fn find_all<'a>(v: &'a serde_json::Value, key: &str, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(m) => {
            out.extend(m.get(key).and_then(|x| x.as_str()));
            m.values().for_each(|x| find_all(x, key, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| find_all(x, key, out)),
        _ => {}
    }
}

/// `datePublished` of the first JSON-LD object that has one (objects,
/// arrays and `@graph` searched depth first); `dateCreated` failing that.
fn json_ld(doc: &Document) -> Option<Stamp> {
    let mut created = None;
    for script in &doc.select(r#"script[type="application/ld+json"]"#) {
        let text = script.text();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
            continue;
        };
        if let Some(d) = find_key(&v, "datePublished").and_then(parse_stamp) {
            return Some(d);
        }
        created = created.or_else(|| find_key(&v, "dateCreated").and_then(parse_stamp));
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
fn meta(doc: &Document) -> Option<(Stamp, Method)> {
    let names = meta_names();
    let mut best: Option<(usize, Stamp)> = None;
    for m in &doc.select("meta") {
        let Some(value) = m.attr("content").or_else(|| m.attr("datetime")) else {
            continue;
        };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = m.attr(attr) else { continue };
            let key = key.trim().to_ascii_lowercase();
            let Some(rank) = names.iter().position(|n| *n == key) else {
                continue;
            };
            if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
                continue;
            }
            if let Some(d) = parse_stamp(&value) {
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
fn marked(doc: &Document) -> Option<Stamp> {
    doc.select(r#"[itemprop="datePublished"], [pubdate], [property="article:published_time"]"#)
        .iter()
        .find_map(|e| {
            e.attr("datetime")
                .or_else(|| e.attr("content"))
                .and_then(|v| parse_stamp(&v))
                .or_else(|| parse_stamp(&e.text()))
        })
}

/// The first `<time datetime>` of the article, else of the page.
fn time_element(doc: &Document) -> Option<Stamp> {
    let of = |sel: &str| {
        doc.select(sel)
            .iter()
            .find_map(|e| e.attr("datetime").and_then(|v| parse_stamp(&v)))
    };
    of("article time[datetime], header time[datetime]").or_else(|| of("time[datetime]"))
}

/// Elements whose class or id says they hold the story's date or byline
/// ("Posted on January 13, 2020 by ..."), which Readability leaves out of
/// the main text.
const DATELINE: &str = r#"[class*="date"], [class*="Date"], [id*="date"], [class*="byline"], [class*="posted"], [class*="publish"], [class*="meta"], [class*="time"]"#;

/// The first written date in a short dateline element.
fn dateline(doc: &Document) -> Option<NaiveDate> {
    doc.select(DATELINE).iter().take(50).find_map(|e| {
        let text = e.text();
        (text.len() < 200)
            .then(|| find_written_date(&text))
            .flatten()
    })
}

/// A date anywhere in a short text: each run of up to four words tried.
pub(super) fn find_written_date(text: &str) -> Option<NaiveDate> {
    let cleaned = text.replace([',', '|', '·', '•'], " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        let head = words[i..words.len().min(i + 4)].join(" ");
        // A bare number is not a date ("2019" alone, "13").
        (head.contains(|c: char| c.is_ascii_alphabetic()) || head.contains(['-', '/', '.']))
            .then(|| parse_date(&head))
            .flatten()
    })
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

/// A date a page states, with what tells whether it is the readers' day.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    date: NaiveDate,
    /// A UTC timestamp (`Z`, `+00:00`, `GMT`): its day may not be the
    /// readers' day.
    utc: bool,
    /// Minutes and seconds of its time, when it has one ("09:55").
    clock: Option<String>,
}

impl Stamp {
    fn day(date: NaiveDate) -> Stamp {
        Stamp {
            date,
            utc: false,
            clock: None,
        }
    }
}

fn parse_stamp(s: &str) -> Option<Stamp> {
    let date = parse_date(s)?;
    let t = s.trim();
    // The clock: what follows the first "HH:" after the date.
    let clock = t.get(10..).and_then(|rest| {
        let i = rest.find(':')?;
        let tail: String = rest[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .take(5)
            .collect();
        (tail.len() >= 2).then_some(tail)
    });
    let utc = clock.is_some()
        && (t.ends_with('Z')
            || t.ends_with("+00:00")
            || t.ends_with("+0000")
            || t.ends_with("GMT")
            || t.ends_with("UTC"));
    Some(Stamp { date, utc, clock })
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
    // "November 3rd, 2023": ordinals lose their suffix.
    let cleaned: String = s
        .replace(',', " ")
        .split_whitespace()
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str())
            {
                digits
            } else {
                w
            }
        })
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
        assert_eq!(parse_date("November 3rd, 2023"), date(2023, 11, 3));
        assert_eq!(parse_date("1066-10-14"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn datelines_in_bylines() {
        assert_eq!(
            find_written_date("Posted on January 13, 2020 by Greg"),
            date(2020, 1, 13)
        );
        assert_eq!(
            find_written_date("By Jo | 7 April 2009 | 3 comments"),
            date(2009, 4, 7)
        );
        assert_eq!(find_written_date("13 comments"), None);
        let doc = Document::from(r#"<div class="post-meta">Posted on January 13, 2020</div>"#);
        assert_eq!(
            published(&doc, None),
            Some((date(2020, 1, 13).unwrap(), "dateline"))
        );
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
