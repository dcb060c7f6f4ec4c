//! Content negotiation: which of the formats we can write the client's
//! `Accept` header prefers, by its q-values (RFC 9110 §12.5.1).

/// One media range of an `Accept` header and its weight.
#[derive(Debug, PartialEq)]
struct Range {
    /// `type/subtype`, lowercased, without parameters.
    essence: String,
    q: f32,
}

/// Why an `Accept` header cannot be honoured.
#[derive(Debug, PartialEq)]
pub(crate) enum Refusal {
    /// Not an `Accept` header (400).
    Malformed(String),
    /// Nothing we write is acceptable (406).
    Unacceptable,
}

/// Chooses among `supported` (the server's order of preference, first
/// is the default) the format the header weighs highest. `parse` maps a
/// media type, aliases included, to a format; `media_type` gives a
/// format's own.
pub(crate) fn choose<F: Copy + PartialEq>(
    accept: Option<&str>,
    supported: &[F],
    parse: impl Fn(&str) -> Option<F>,
    media_type: impl Fn(F) -> &'static str,
) -> Result<F, Refusal> {
    let ranges = match accept.map(str::trim) {
        None | Some("") => return supported.first().copied().ok_or(Refusal::Unacceptable),
        Some(h) => parse_accept(h)?,
    };
    let mut best: Option<(F, f32)> = None;
    for &format in supported {
        let q = weight(&ranges, format, &parse, media_type(format));
        // Strictly greater: on a tie the server's order decides.
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((format, q));
        }
    }
    best.map(|(f, _)| f).ok_or(Refusal::Unacceptable)
}

/// The weight of `format`: the q of the most specific range matching it
/// (an exact type beats `type/*`, which beats `*/*`), 0 if none does.
fn weight<F: Copy + PartialEq>(
    ranges: &[Range],
    format: F,
    parse: impl Fn(&str) -> Option<F>,
    own: &str,
) -> f32 {
    let main = own.split('/').next().unwrap_or_default();
    let mut found: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = match r.essence.split_once('/') {
            Some(("*", "*")) => 0,
            Some((t, "*")) if t == main => 1,
            Some(_) if r.essence == own || parse(&r.essence) == Some(format) => 2,
            _ => continue,
        };
        if found.is_none_or(|(s, _)| specificity > s) {
            found = Some((specificity, r.q));
        }
    }
    found.map_or(0.0, |(_, q)| q)
}

fn parse_accept(header: &str) -> Result<Vec<Range>, Refusal> {
    let mut ranges = Vec::new();
    for item in header.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let mut parts = item.split(';').map(str::trim);
        let essence = parts.next().unwrap_or_default().to_ascii_lowercase();
        if essence.split('/').count() != 2 || essence.split('/').any(str::is_empty) {
            return Err(Refusal::Malformed(format!("not a media range: '{item}'")));
        }
        let mut q = 1.0;
        for p in parts {
            if let Some((name, value)) = p.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    q = value
                        .trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .ok_or_else(|| Refusal::Malformed(format!("bad q-value in '{item}'")))?;
                }
            }
        }
        ranges.push(Range { essence, q });
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMATS: [&str; 3] = ["application/json", "text/csv", "text/tab-separated-values"];

    fn pick(accept: Option<&str>) -> Result<&'static str, Refusal> {
        choose(
            accept,
            &FORMATS,
            |m| FORMATS.iter().copied().find(|f| *f == m),
            |f| f,
        )
    }

    #[test]
    fn no_header_gives_the_default() {
        assert_eq!(pick(None), Ok("application/json"));
        assert_eq!(pick(Some("  ")), Ok("application/json"));
    }

    #[test]
    fn q_values_decide() {
        assert_eq!(
            pick(Some("application/json;q=0.5, text/csv")),
            Ok("text/csv")
        );
        assert_eq!(
            pick(Some("text/*;q=0.9, text/tab-separated-values")),
            Ok("text/tab-separated-values")
        );
    }

    #[test]
    fn specific_range_overrides_wildcard() {
        // */* accepts all, but JSON is explicitly refused.
        assert_eq!(pick(Some("*/*, application/json;q=0")), Ok("text/csv"));
    }

    #[test]
    fn ties_go_to_the_server_order() {
        assert_eq!(pick(Some("text/*")), Ok("text/csv"));
        assert_eq!(pick(Some("*/*")), Ok("application/json"));
    }

    #[test]
    fn nothing_acceptable_or_malformed() {
        assert_eq!(pick(Some("image/png")), Err(Refusal::Unacceptable));
        assert_eq!(pick(Some("text/csv;q=0")), Err(Refusal::Unacceptable));
        assert!(matches!(pick(Some("json")), Err(Refusal::Malformed(_))));
        assert!(matches!(
            pick(Some("text/csv;q=high")),
            Err(Refusal::Malformed(_))
        ));
    }
}

/// The negotiated formats of the two kinds of answer.
pub(crate) mod formats {
    use oxhttp::model::header::ACCEPT;
    use oxhttp::model::{Body, Request, StatusCode};
    use oxigraph::io::{JsonLdProfileSet, RdfFormat};
    use oxigraph::sparql::results::QueryResultsFormat;

    use super::{choose, Refusal};
    use crate::serve::protocol::Failure;

    /// Solutions and booleans: JSON first, as most clients expect.
    pub(crate) fn results(request: &Request<Body>) -> Result<QueryResultsFormat, Failure> {
        let supported = [
            QueryResultsFormat::Json,
            QueryResultsFormat::Xml,
            QueryResultsFormat::Csv,
            QueryResultsFormat::Tsv,
        ];
        let got = choose(
            accept(request),
            &supported,
            QueryResultsFormat::from_media_type,
            QueryResultsFormat::media_type,
        );
        explain(got, &supported, QueryResultsFormat::media_type)
    }

    /// Graphs (CONSTRUCT, DESCRIBE, the service description): Turtle first.
    pub(crate) fn rdf(request: &Request<Body>) -> Result<RdfFormat, Failure> {
        let supported = [
            RdfFormat::Turtle,
            RdfFormat::NTriples,
            RdfFormat::RdfXml,
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ];
        let got = choose(
            accept(request),
            &supported,
            // Profiles (streaming JSON-LD) are still JSON-LD to a client.
            |m| match RdfFormat::from_media_type(m)? {
                RdfFormat::JsonLd { .. } => Some(supported[3]),
                f => Some(f),
            },
            RdfFormat::media_type,
        );
        explain(got, &supported, RdfFormat::media_type)
    }

    fn accept(request: &Request<Body>) -> Option<&str> {
        // A header that is not ASCII accepts nothing we know: treat it as
        // a malformed range below rather than ignore it.
        request
            .headers()
            .get(ACCEPT)
            .map(|v| v.to_str().unwrap_or("\u{0}"))
    }

    fn explain<F: Copy>(
        got: Result<F, Refusal>,
        supported: &[F],
        media_type: fn(F) -> &'static str,
    ) -> Result<F, Failure> {
        got.map_err(|r| match r {
            Refusal::Malformed(m) => (StatusCode::BAD_REQUEST, format!("bad Accept header: {m}")),
            Refusal::Unacceptable => (
                StatusCode::NOT_ACCEPTABLE,
                format!(
                    "no acceptable format; this answer can be {}",
                    supported
                        .iter()
                        .map(|f| media_type(*f))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        })
    }
}
