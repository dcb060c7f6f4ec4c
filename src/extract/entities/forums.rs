//! Talks named by their number of parties: "the six-party talks", "the
//! four-party talks". The article takes their parties as known, so the
//! words stand for every party (as "the two" stands for both), from
//! `data/forums.tsv`.

use std::sync::LazyLock;

use super::{Context, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::at;
use crate::vocab::EID;

struct Forum {
    /// Tokens as the tokenizer splits them: "six", "-", "party".
    words: Vec<&'static str>,
    /// The country the article must name for the phrase to mean this forum.
    context: String,
    members: Vec<String>,
}

static FORUMS: LazyLock<Vec<Forum>> = LazyLock::new(|| parse(include_str!("../data/forums.tsv")));

/// The words forum phrases start with ("six", "four").
static FIRST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = FORUMS.iter().map(|f| f.words[0]).collect();
    v.sort_unstable();
    v.dedup();
    v
});

fn parse(src: &'static str) -> Vec<Forum> {
    let mut out = Vec::new();
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [phrase, context, members] = f[..] else {
            continue;
        };
        let mut words = Vec::new();
        for (n, w) in phrase.split('-').enumerate() {
            if n > 0 {
                words.push("-");
            }
            words.push(w);
        }
        out.push(Forum {
            words,
            context: format!("{EID}{context}"),
            members: members
                .split_whitespace()
                .map(|q| format!("{EID}{q}"))
                .collect(),
        });
    }
    out
}

/// Every party of a forum named before a meeting noun ("six-party talks",
/// "the four-party peace talks"), when the article names its context
/// anywhere: a lead may name the forum before the story names its context
/// ("The fifth round of the six-party talks began Wednesday ... The talks
/// involve China, the DPRK, ...").
pub(super) fn forums(sent: &Sent, ctx: &Context, ents: &mut Vec<Ent>) {
    let n = sent.toks.len();
    for i in 0..n {
        let w = sent.lower(i);
        // Most words open no forum's phrase: one look per word.
        if !FIRST_WORDS.contains(&w) {
            continue;
        }
        for f in FORUMS.iter() {
            let end = i + f.words.len();
            if end > n
                || !f
                    .words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| sent.lower(i + k) == *w)
            {
                continue;
            }
            // "six-party talks", "four-party peace talks".
            let noun = at!("meeting_nouns", sent, end) || at!("meeting_nouns", sent, end + 1);
            let context = ctx.article_names.iter().any(|m| {
                m.candidates
                    .iter()
                    .any(|&c| ctx.gaz.entities[ctx.gaz.anchor(c, ctx.date)].iri == f.context)
            });
            if !noun || !context {
                continue;
            }
            for m in &f.members {
                if let Some(idx) = ctx.gaz.get(m) {
                    let mut e = Ent::new(i, end, ctx.gaz.entity_ref(idx, ctx.date), EntKind::Forum);
                    e.modifier = true;
                    ents.push(e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forums_parse_with_hyphens_as_tokens() {
        let six = FORUMS
            .iter()
            .find(|f| f.words == ["six", "-", "party"])
            .expect("six-party talks are listed");
        assert_eq!(six.members.len(), 6);
        assert!(six.context.ends_with("Q423"));
        // A malformed row would be skipped: every row must parse.
        let rows = crate::extract::lexicon::data_rows(include_str!("../data/forums.tsv")).count();
        assert_eq!(FORUMS.len(), rows);
    }

    #[test]
    fn every_member_is_in_the_gazetteer() {
        let gaz = crate::gazetteer::Gazetteer::load(&[]).unwrap();
        for f in FORUMS.iter() {
            for m in f.members.iter().chain([&f.context]) {
                assert!(gaz.get(m).is_some(), "{m} is not in the gazetteer");
            }
        }
    }
}
