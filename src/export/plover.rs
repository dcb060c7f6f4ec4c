//! PLOVER JSON Lines: one object per event in the shape of the Open Event
//! Data Alliance's gold-standard records (`id`, `date`, `source`, `target`,
//! `event`, `mode`, `context`, `eventText`, `text`, `eventLoc`, `language`,
//! `publication`, `coder`, `version`, `dateCoded`), plus what eventline
//! knows beyond them: `dateLatest`, `dateBasis` (`report` where the dates
//! are the day of the first report), `status`, `stories`, `sentences`, and
//! each actor's `role`, `country` and `wikidata` link. Initiators and
//! participants are PLOVER sources, targets its targets. Kinds PLOVER has
//! no type for (statements) are left out and counted.

use std::io::{self, Write};

use serde::Serialize;

use super::{one_line, Entity, ExportContext, ExportEvent, Role, Written};

/// The record keys the writer may emit beyond PLOVER's own.
#[cfg(test)]
const EXTENSION_KEYS: [&str; 5] = ["dateLatest", "dateBasis", "status", "stories", "sentences"];
/// The actor keys the writer may emit beyond PLOVER's `actorText`.
#[cfg(test)]
const ACTOR_EXTENSION_KEYS: [&str; 3] = ["role", "country", "wikidata"];

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<String>,
    #[serde(rename = "dateLatest")]
    date_latest: Option<String>,
    /// "report" where the dates are the day of the first report (PLOVER's
    /// own records date events by their story), else "text".
    #[serde(rename = "dateBasis", skip_serializing_if = "Option::is_none")]
    date_basis: Option<&'static str>,
    event: &'a str,
    mode: &'a str,
    context: &'a str,
    #[serde(rename = "eventText")]
    event_text: &'static str,
    source: Vec<PloverActor>,
    target: Vec<PloverActor>,
    #[serde(rename = "eventLoc", skip_serializing_if = "Option::is_none")]
    event_loc: Option<Loc>,
    status: &'static str,
    text: String,
    sentences: Vec<String>,
    stories: Vec<StoryOut>,
    language: &'static str,
    publication: String,
    coder: &'static str,
    version: String,
    #[serde(rename = "dateCoded")]
    date_coded: String,
}

#[derive(Serialize)]
struct PloverActor {
    #[serde(rename = "actorText")]
    actor_text: String,
    role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<String>,
}

#[derive(Serialize)]
struct Loc {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<String>,
}

#[derive(Serialize)]
struct StoryOut {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

/// Writes one JSON object per line; serde does the escaping.
pub fn write_plover(
    events: &[ExportEvent],
    cx: &ExportContext,
    out: &mut dyn Write,
) -> io::Result<Written> {
    let mut written = Written::default();
    for e in events {
        let Some(p) = &e.plover else {
            written.skip("no PLOVER type for the kind (statements)");
            continue;
        };
        let actor = |role: Role, a: &super::Actor| PloverActor {
            actor_text: a.label.clone(),
            role: role.name(),
            country: a.country.as_ref().map(|c| c.label.clone()),
            wikidata: a.qid.clone(),
        };
        let (mut source, mut target) = (Vec::new(), Vec::new());
        for (role, a) in &e.actors {
            match role {
                Role::Target => target.push(actor(*role, a)),
                _ => source.push(actor(*role, a)),
            }
        }
        let rec = Record {
            id: &e.id,
            date: e.earliest.map(|d| d.to_string()),
            date_latest: e.latest.map(|d| d.to_string()),
            date_basis: e
                .earliest
                .map(|_| if e.dated_by_report { "report" } else { "text" }),
            event: &p.event,
            mode: &p.mode,
            context: &p.context,
            event_text: e.kind.name(),
            source,
            target,
            event_loc: e.place.as_ref().map(|pl: &Entity| Loc {
                name: pl.label.clone(),
                country: e.place_country.as_ref().map(|c| c.label.clone()),
                wikidata: pl.qid.clone(),
            }),
            status: e.status.name(),
            text: e.sentences.first().map(|s| one_line(s)).unwrap_or_default(),
            sentences: e.sentences.clone(),
            stories: e
                .stories
                .iter()
                .map(|s| StoryOut {
                    id: s.id.clone(),
                    url: s.url.clone(),
                    title: s.title.clone(),
                    published: s.published.map(|d| d.to_string()),
                })
                .collect(),
            language: "en",
            publication: e
                .stories
                .iter()
                .filter_map(|s| s.title.as_deref().map(one_line))
                .collect::<Vec<_>>()
                .join(" | "),
            coder: "eventline",
            version: format!("eventline {}", env!("CARGO_PKG_VERSION")),
            date_coded: cx.today.to_string(),
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
        written.events += 1;
    }
    Ok(written)
}

/// The keys of PLOVER's gold-standard records (openeventdata/PLOVER,
/// PLOVER_GSR_CAMEO.json): record level, actor level and `eventLoc`.
#[cfg(test)]
pub(crate) const GSR_KEYS: [&str; 22] = [
    "id",
    "event",
    "eventText",
    "publication",
    "coder",
    "version",
    "dateCoded",
    "date",
    "text",
    "textInfo",
    "language",
    "source",
    "context",
    "target",
    "mode",
    "eventLoc",
    "comment",
    "size",
    "dead",
    "injured",
    "license",
    "copyright",
];
#[cfg(test)]
pub(crate) const GSR_ACTOR_KEYS: [&str; 3] = ["actorText", "code", "sector"];
#[cfg(test)]
pub(crate) const GSR_LOC_KEYS: [&str; 2] = ["name", "country code"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;
    use serde_json::Value;

    fn export() -> (Vec<Value>, Written) {
        let mut buf = Vec::new();
        let cx = ExportContext {
            today: "2025-10-20".parse().unwrap(),
        };
        let w = write_plover(&fixtures::events(), &cx, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let records = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (records, w)
    }

    #[test]
    fn records_parse_back_with_plovers_keys() {
        let (records, w) = export();
        assert_eq!(w.events, 2);
        for r in &records {
            for k in r.as_object().unwrap().keys() {
                assert!(
                    GSR_KEYS.contains(&k.as_str()) || EXTENSION_KEYS.contains(&k.as_str()),
                    "unknown key {k}"
                );
            }
            for a in r["source"]
                .as_array()
                .unwrap()
                .iter()
                .chain(r["target"].as_array().unwrap())
            {
                for k in a.as_object().unwrap().keys() {
                    assert!(
                        GSR_ACTOR_KEYS.contains(&k.as_str())
                            || ACTOR_EXTENSION_KEYS.contains(&k.as_str()),
                        "unknown actor key {k}"
                    );
                }
            }
        }
        let call = &records[0];
        assert_eq!(call["event"], "CONSULT");
        assert_eq!(call["mode"], "phone");
        assert_eq!(call["date"], "2025-10-16");
        assert_eq!(call["source"][0]["actorText"], "Donald Trump");
        assert_eq!(call["source"][0]["country"], "United States");
        assert_eq!(call["target"][0]["wikidata"], "Q7747");
        assert_eq!(call["stories"][0]["id"], "a.txt");
        // Hostile labels come back byte for byte.
        let attack = &records[1];
        assert_eq!(
            attack["source"][0]["actorText"],
            "Evil \"Group\",\t<b>\n; DROP"
        );
        assert_eq!(attack["eventLoc"]["name"], "Kyiv");
        assert_eq!(attack["stories"][0]["id"], "b\"\n.txt");
    }

    #[test]
    fn statements_have_no_plover_type_and_are_counted() {
        let mut events = fixtures::events();
        events[0].plover = None;
        let mut buf = Vec::new();
        let cx = ExportContext {
            today: "2025-10-20".parse().unwrap(),
        };
        let w = write_plover(&events, &cx, &mut buf).unwrap();
        assert_eq!(w.events, 1);
        assert_eq!(w.skipped[0].1, 1);
    }

    /// The key lists above are PLOVER's: checked against the gold records
    /// when the shared evaluation data is present (it is not committed).
    #[test]
    fn key_lists_match_the_gold_records_when_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/eval/plover/PLOVER_GSR_CAMEO.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let gold: Vec<Value> = serde_json::from_str(&text).unwrap();
        for r in &gold {
            for (k, v) in r.as_object().unwrap() {
                assert!(GSR_KEYS.contains(&k.as_str()), "gold key {k}");
                if let Some(actors) = v.as_array().filter(|_| k == "source" || k == "target") {
                    for a in actors {
                        for k in a.as_object().unwrap().keys() {
                            assert!(GSR_ACTOR_KEYS.contains(&k.as_str()), "gold actor key {k}");
                        }
                    }
                }
                if k == "eventLoc" {
                    for k in v.as_object().unwrap().keys() {
                        assert!(GSR_LOC_KEYS.contains(&k.as_str()), "gold loc key {k}");
                    }
                }
            }
        }
    }
}
