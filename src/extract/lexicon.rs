//! The extractor's vocabulary as data: word lists (`data/words.txt`, one
//! `[section]` per list) and event triggers (`data/triggers.tsv`), parsed
//! once. A linguist edits the files; no Rust string literal holds a list.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::EventKind;

const WORDS: &str = include_str!("data/words.txt");
const TRIGGERS: &str = include_str!("data/triggers.tsv");

/// The rows of a data file compiled in, with their 1-based line numbers
/// (for a message naming a bad row): its lines that are neither blank nor
/// a `#` comment.
pub(crate) fn data_rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// How many u128s a word's mask has: room for 128 lists in each.
const MASK_WORDS: usize = 2;

/// A list's bit: which u128 of a word's mask, and the bit in it.
pub(crate) type Bit = (usize, u128);

/// The lists a word is in, one bit per list, and the phrase lists whose
/// phrases it starts, one more bit per such list: looked up once per token
/// at tokenization, so the passes that ask of every token ask no table.
pub(crate) type Mask = [u128; MASK_WORDS];

/// Whether `mask` has the bit of a list.
pub(crate) fn mask_has(mask: &Mask, (i, bit): Bit) -> bool {
    mask[i] & bit != 0
}

/// The named word lists of `data/words.txt`.
pub(crate) struct Lists {
    /// Each list's words, as read: what `masks` is built from (kept for the
    /// tests that check the two agree).
    #[cfg(test)]
    sets: HashMap<&'static str, HashSet<&'static str>>,
    /// Each list's bit in `masks`.
    bits: HashMap<&'static str, Bit>,
    /// Every listed word with the bits of the lists it is in, and of the
    /// phrase lists whose phrases it starts (`phrase_first`): `is!` asks
    /// one table once instead of a table of tables.
    masks: HashMap<&'static str, Mask>,
    /// The bits of lists only (no phrase-start bits): what `listed` asks.
    list_bits: Mask,
    /// Multi-word entries per list, as token sequences.
    phrases: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Per list with phrases, the bit its phrases' first words carry: a word
    /// without it or the list's own bit starts none of the list's entries.
    phrase_first: HashMap<&'static str, Bit>,
    /// The most words an entry has.
    pub(crate) longest: usize,
    pairs: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
}

impl Lists {
    fn parse(src: &'static str) -> Lists {
        let mut sets: HashMap<&str, HashSet<&str>> = HashMap::default();
        let mut phrases: HashMap<&str, Vec<Vec<&str>>> = HashMap::default();
        let mut pairs: HashMap<&str, Vec<(&str, &str)>> = HashMap::default();
        let mut section = "";
        for line in src.lines() {
            let line = match line.find('#') {
                // A lone "#" at the start is a comment; words never contain one.
                Some(i) => &line[..i],
                None => line,
            };
            let line = line.trim_end();
            if line.trim().is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                sets.entry(section).or_default();
                continue;
            }
            if let Some((a, b)) = line.split_once('\t') {
                pairs.entry(section).or_default().push((a.trim(), b.trim()));
                sets.entry(section).or_default().insert(a.trim());
                continue;
            }
            let entry = line.trim();
            sets.entry(section).or_default().insert(entry);
            if entry.contains(' ') {
                phrases
                    .entry(section)
                    .or_default()
                    .push(entry.split(' ').collect());
            }
        }
        let mut bits: HashMap<&str, Bit> = HashMap::default();
        let mut masks: HashMap<&str, Mask> = HashMap::default();
        let mut names: Vec<&str> = sets.keys().copied().collect();
        names.sort_unstable();
        let mut phrase_lists: Vec<&str> = phrases.keys().copied().collect();
        phrase_lists.sort_unstable();
        assert!(
            names.len() + phrase_lists.len() <= 128 * MASK_WORDS,
            "data/words.txt: more than {} lists and phrase lists",
            128 * MASK_WORDS
        );
        let bit_of = |i: usize| (i / 128, 1u128 << (i % 128));
        let mut list_bits = Mask::default();
        for (i, name) in names.iter().enumerate() {
            bits.insert(name, bit_of(i));
            list_bits[bit_of(i).0] |= bit_of(i).1;
            for w in &sets[name] {
                masks.entry(w).or_default()[bit_of(i).0] |= bit_of(i).1;
            }
        }
        let mut phrase_first: HashMap<&str, Bit> = HashMap::default();
        for (j, name) in phrase_lists.into_iter().enumerate() {
            let bit = bit_of(names.len() + j);
            phrase_first.insert(name, bit);
            for p in &phrases[name] {
                masks.entry(p[0]).or_default()[bit.0] |= bit.1;
            }
        }
        Lists {
            #[cfg(test)]
            sets,
            bits,
            masks,
            list_bits,
            phrase_first,
            longest: phrases.values().flatten().map(Vec::len).max().unwrap_or(1),
            phrases,
            pairs,
        }
    }

    /// Whether `word` (lower case) is in list `name`. An unknown list name is
    /// a programming error caught by the tests below.
    pub(crate) fn has(&self, name: &str, word: &str) -> bool {
        self.bits.get(name).is_some_and(|&b| self.has_bit(b, word))
    }

    /// The bit of list `name` for [`Lists::has_bit`]; no bit for an
    /// unknown name.
    pub(crate) fn bit(&self, name: &str) -> Bit {
        debug_assert!(self.bits.contains_key(name), "no word list {name}");
        self.bits.get(name).copied().unwrap_or((0, 0))
    }

    /// Whether `word` (lower case) is in any list.
    pub(crate) fn listed(&self, word: &str) -> bool {
        self.masks
            .get(word)
            .is_some_and(|m| m.iter().zip(&self.list_bits).any(|(a, b)| a & b != 0))
    }

    /// Whether `word` (lower case) is in the list of `bit`.
    pub(crate) fn has_bit(&self, bit: Bit, word: &str) -> bool {
        self.masks.get(word).is_some_and(|m| mask_has(m, bit))
    }

    /// The lists `word` (lower case) is in.
    pub(crate) fn mask(&self, word: &str) -> Mask {
        self.masks.get(word).copied().unwrap_or_default()
    }

    /// Whether a word of `mask` may start an entry of list `name`: it is in
    /// the list, or a phrase of the list starts with it.
    pub(crate) fn may_start(&self, name: &str, mask: &Mask) -> bool {
        mask_has(mask, self.bit(name))
            || self
                .phrase_first
                .get(name)
                .is_some_and(|&b| mask_has(mask, b))
    }

    /// The bits `may_start` asks of list `name`, for a caller that asks per
    /// token and would otherwise look the list up by its name each time.
    pub(crate) fn starts(&self, name: &'static str) -> Starts {
        Starts {
            name,
            bit: self.bit(name),
            first: self.phrase_first.get(name).copied(),
        }
    }

    /// The longest phrase of list `name` starting at `words[0]`, in tokens.
    pub(crate) fn phrase_at(&self, name: &str, words: &[&str]) -> Option<usize> {
        let first = self.mask(words.first()?);
        if !self.may_start(name, &first) {
            return None;
        }
        let mut best = None;
        if mask_has(&first, self.bit(name)) {
            best = Some(1);
        }
        for p in self.phrases.get(name).into_iter().flatten() {
            if p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b) {
                best = best.max(Some(p.len()));
            }
        }
        best
    }

    pub(crate) fn pairs(&self, name: &str) -> &[(&'static str, &'static str)] {
        self.pairs.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    #[cfg(test)]
    fn names(&self) -> Vec<&'static str> {
        self.bits.keys().copied().collect()
    }
}

/// A list's own bit and the bit its phrases' first words carry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Starts {
    pub(crate) name: &'static str,
    bit: Bit,
    first: Option<Bit>,
}

impl Starts {
    pub(crate) fn may_start(&self, mask: &Mask) -> bool {
        mask_has(mask, self.bit) || self.first.is_some_and(|b| mask_has(mask, b))
    }
}

pub(crate) static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists::parse(WORDS));

/// Shorthand for `LISTS.has(list, word)`, for a list chosen at run time.
pub(crate) fn in_list(list: &str, word: &str) -> bool {
    LISTS.has(list, word)
}

/// `is!("stopwords", w)`: whether `w` is in a list named by a literal. The
/// list's bit is looked up once per call site, so each question is one
/// probe of one table (the word lists were a tenth of extraction's
/// instructions when every question looked up the list by name first).
macro_rules! is {
    ($list:literal, $word:expr) => {{
        static BIT: std::sync::LazyLock<$crate::extract::lexicon::Bit> =
            std::sync::LazyLock::new(|| $crate::extract::lexicon::LISTS.bit($list));
        $crate::extract::lexicon::LISTS.has_bit(*BIT, $word)
    }};
}
pub(crate) use is;

/// `at!("list", sent, k)`: whether token `k` of `sent` is in a list, from
/// the mask the token carries (false past the sentence's end);
/// `at!("list", token)` asks a token itself.
macro_rules! at {
    ($list:literal, $sent:expr, $k:expr) => {{
        static BIT: std::sync::LazyLock<$crate::extract::lexicon::Bit> =
            std::sync::LazyLock::new(|| $crate::extract::lexicon::LISTS.bit($list));
        $sent.in_list(*BIT, $k)
    }};
    ($list:literal, $tok:expr) => {{
        static BIT: std::sync::LazyLock<$crate::extract::lexicon::Bit> =
            std::sync::LazyLock::new(|| $crate::extract::lexicon::LISTS.bit($list));
        $crate::extract::lexicon::mask_has(&$tok.mask, *BIT)
    }};
}
pub(crate) use at;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Verb,
    Noun,
}

/// One slot of a trigger pattern.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    Words(Vec<&'static str>),
    /// Up to three modifiers.
    Gap,
}

#[derive(Debug, Clone)]
pub(crate) struct TriggerRule {
    pub(crate) kind: EventKind,
    pub(crate) pos: Pos,
    pub(crate) slots: Vec<Slot>,
    pub(crate) mode: Option<&'static str>,
    /// A word list one of whose words must follow the trigger.
    pub(crate) needs: Option<&'static str>,
    /// The clause's subject receives the event ("received a call from").
    pub(crate) subject_is_target: bool,
    /// Fires only with a participant right beside it.
    pub(crate) generic: bool,
    /// Line in `triggers.tsv`, for messages.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "only the developer dump prints it")
    )]
    pub(crate) line: usize,
}

fn parse_triggers(src: &'static str) -> Result<Vec<TriggerRule>, String> {
    let mut rules = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(format!(
                "triggers.tsv:{}: expected kind, pos, pattern",
                n + 1
            ));
        }
        let kind = EventKind::from_name(cols[0])
            .ok_or_else(|| format!("triggers.tsv:{}: unknown kind {}", n + 1, cols[0]))?;
        let pos = match cols[1] {
            "V" => Pos::Verb,
            "N" => Pos::Noun,
            other => return Err(format!("triggers.tsv:{}: unknown pos {other}", n + 1)),
        };
        let slots: Vec<Slot> = cols[2]
            .split_whitespace()
            .map(|w| {
                if w == "*" {
                    Slot::Gap
                } else {
                    Slot::Words(w.split('|').collect())
                }
            })
            .collect();
        if !matches!(slots.first(), Some(Slot::Words(_))) {
            return Err(format!(
                "triggers.tsv:{}: pattern must start with words",
                n + 1
            ));
        }
        let mut rule = TriggerRule {
            kind,
            pos,
            slots,
            mode: None,
            needs: None,
            subject_is_target: false,
            generic: false,
            line: n + 1,
        };
        for opt in cols.get(3).into_iter().flat_map(|o| o.split(',')) {
            match opt.trim().split_once('=') {
                Some(("mode", m)) => rule.mode = Some(m),
                Some(("needs", l)) => rule.needs = Some(l),
                Some(("subj", "target")) => rule.subject_is_target = true,
                None if opt.trim() == "generic" => rule.generic = true,
                None if opt.trim().is_empty() => {}
                _ => return Err(format!("triggers.tsv:{}: unknown option {opt}", n + 1)),
            }
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// A word of force or bodily harm: weapons, armed forces, the dead and
/// wounded. A sentence with one tells deeds, not words ("attacked ... in
/// remarks") nor play ("a curling shot").
pub(crate) fn force_word(w: &str) -> bool {
    is!("weapon", w) || is!("military", w) || is!("force_nouns", w) || is!("harm_words", w)
}

pub(crate) static RULES: LazyLock<Vec<TriggerRule>> = LazyLock::new(|| {
    // The file is compiled in and checked by the tests; an error here is a
    // build defect, so it is reported loudly rather than hidden.
    parse_triggers(TRIGGERS).unwrap_or_else(|e| panic!("built-in {e}"))
});

/// Rules indexed by every alternative of their first word.
pub(crate) static BY_FIRST: LazyLock<HashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Vec<usize>> = HashMap::default();
    for (i, r) in RULES.iter().enumerate() {
        if let Some(Slot::Words(ws)) = r.slots.first() {
            for w in ws {
                m.entry(*w).or_default().push(i);
            }
        }
    }
    m
});

/// Whether `w` alone is a nominal request trigger ("request",
/// "invitation").
pub(crate) fn request_noun(w: &str) -> bool {
    BY_FIRST.get(w).is_some_and(|rules| {
        rules.iter().any(|&i| {
            let r = &RULES[i];
            r.kind == EventKind::Request && r.pos == Pos::Noun && r.slots.len() == 1
        })
    })
}

pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_parse_and_cover_every_kind() {
        let rules = parse_triggers(TRIGGERS).expect("triggers.tsv parses");
        for k in EventKind::ALL {
            assert!(rules.iter().any(|r| r.kind == k), "{k:?} has no trigger");
        }
        let names = LISTS.names();
        for r in &rules {
            if let Some(l) = r.needs {
                assert!(names.contains(&l), "line {}: unknown list {l}", r.line);
            }
        }
        assert!(BY_FIRST.contains_key("met"));
    }

    #[test]
    fn lists_have_phrases_and_pairs() {
        assert!(is!("head_titles", "president"));
        assert_eq!(
            LISTS.phrase_at("head_titles", &["prime", "minister", "x"]),
            Some(2)
        );
        assert!(LISTS
            .pairs("attack_modes")
            .iter()
            .any(|(w, m)| *w == "drone" && *m == "DroneStrike"));
        assert!(!is!("not_names", "putin"));
    }

    #[test]
    fn bits_answer_as_the_lists_do() {
        // Every word against every list: a bit read from the wrong u128
        // would make a word of one list a member of another.
        for (name, words) in &LISTS.sets {
            let bit = LISTS.bit(name);
            for w in LISTS.masks.keys() {
                assert_eq!(LISTS.has_bit(bit, w), words.contains(w), "{name} and {w}");
            }
        }
        assert!(
            LISTS.bits.values().any(|b| b.0 == 1),
            "some list lives in the second u128"
        );
        assert!(is!("stopwords", "the") && !is!("stopwords", "summit"));
    }

    #[test]
    fn phrase_first_words_are_bits_of_their_own() {
        for (name, phrases) in &LISTS.phrases {
            for p in phrases {
                assert!(LISTS.may_start(name, &LISTS.mask(p[0])), "{name}: {p:?}");
            }
        }
        // "prime" starts "prime minister" but is no head title itself.
        assert!(!is!("head_titles", "prime"));
        assert!(LISTS.may_start("head_titles", &LISTS.mask("prime")));
        assert!(!LISTS.may_start("head_titles", &LISTS.mask("summit")));
    }

    #[test]
    fn token_masks_answer_as_the_lists_do() {
        let doc = crate::extract::doc::Doc::new(
            "Prime Minister John Howard said the president met rebels in the capital.",
        );
        let sent = &doc.sents[0];
        for name in LISTS.sets.keys() {
            for k in 0..=sent.toks.len() {
                assert_eq!(
                    sent.in_list(LISTS.bit(name), k),
                    LISTS.has(name, sent.lower(k)),
                    "{name} at {k}"
                );
            }
        }
        assert_eq!(sent.phrase_at(&LISTS.starts("head_titles"), 0), Some(2));
        assert_eq!(sent.phrase_at(&LISTS.starts("head_titles"), 6), Some(1));
        assert_eq!(sent.phrase_at(&LISTS.starts("head_titles"), 1), None);
    }

    #[test]
    #[should_panic(expected = "more than 256 lists")]
    fn too_many_lists_are_refused() {
        let src: String = (0..257).map(|i| format!("[list{i}]\nword{i}\n")).collect();
        Lists::parse(Box::leak(src.into_boxed_str()));
    }

    #[test]
    fn bad_trigger_lines_are_reported_with_their_line() {
        let err = parse_triggers("Meeting\tX\tmet\n").unwrap_err();
        assert!(err.contains(":1:"), "{err}");
        let err = parse_triggers("# c\nNope\tV\tmet\n").unwrap_err();
        assert!(err.contains(":2:") && err.contains("Nope"), "{err}");
    }
}
