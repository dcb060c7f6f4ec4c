//! Names compared as people compare them: case, accents and punctuation
//! aside ("JOSÉ MARTÍ" is "José Marti"). Shared by the reconciliation
//! service (`serve`) and its client (`link --reconcile`), so both sides
//! call the same names equal.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

const FOLD: &str = include_str!("data/fold.txt");
const STOPWORDS: &str = include_str!("data/stopwords.txt");

fn fold_table() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for line in FOLD.lines().filter(|l| !l.starts_with('#')) {
            if let Some((base, letters)) = line.split_once('\t') {
                for c in letters.chars() {
                    t.insert(c, base);
                }
            }
        }
        t
    })
}

fn stopwords() -> &'static BTreeSet<&'static str> {
    static WORDS: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The name lowercased, accents folded, every run of other characters
/// than letters and digits one space.
pub(crate) fn fold(name: &str) -> String {
    let table = fold_table();
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars().flat_map(char::to_lowercase) {
        if let Some(base) = table.get(&c) {
            out.push_str(base);
            space = false;
        } else if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The folded name's words that can make two names alike.
pub(crate) fn tokens(folded: &str) -> BTreeSet<&str> {
    let stop = stopwords();
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !stop.contains(w))
        .collect()
}

/// How alike two folded names are, 0 to 100: 100 when equal, else the
/// share of words they have in common (Dice), scaled under 85 so that a
/// partial match never looks like an exact one.
pub(crate) fn similarity(a: &str, b: &str) -> u32 {
    if a == b && !a.is_empty() {
        return 100;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    let common = ta.intersection(&tb).count();
    if common == 0 {
        return 0;
    }
    let dice = 2.0 * common as f64 / (ta.len() + tb.len()) as f64;
    (84.0 * dice).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(fold("  JOSÉ  Martí, Jr."), "jose marti jr");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz Żuk"), "lukasz zuk");
        assert_eq!(fold("Xi Jinping 习近平"), "xi jinping 习近平");
    }

    #[test]
    fn similarity_is_exact_only_for_equal_names() {
        assert_eq!(
            similarity(&fold("Vladimir Putin"), &fold("vladimir putin")),
            100
        );
        let partial = similarity(&fold("Putin"), &fold("Vladimir Putin"));
        assert!((40..85).contains(&partial), "{partial}");
        assert_eq!(
            similarity(&fold("Bank of England"), &fold("Bank of Japan")),
            42
        );
        assert_eq!(similarity(&fold("of the"), &fold("the of")), 0);
        assert_eq!(similarity("", ""), 0);
    }
}
