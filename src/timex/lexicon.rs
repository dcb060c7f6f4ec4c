//! The tagger's vocabulary: word lists and cue tables kept as data files
//! under `src/timex/data/`, so a linguist can edit them without reading the
//! rules. One entry per line, fields separated by spaces, `#` starts a
//! comment; each file says what its entries mean and which rule reads them.
//!
//! The files are compiled in (`include_str!`) and parsed once, on first use.
//! A malformed line is a bug in the crate: it panics with the file and line,
//! and the `every_list_parses` test finds it before any user does.
//!
//! The month and weekday tables are the crate's: `month_word`,
//! `weekday_word` and `weekday_name` are `pub(crate)` so that other stages
//! need not keep their own copies.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use chrono::Weekday;

use super::calendar::{Unit, SEASONS};

/// FxHash (rustc's hasher): the lexicon is looked up for nearly every token
/// and its keys are short words; SipHash's defence against chosen keys buys
/// nothing for a compiled-in vocabulary. With SipHash and no shape filter
/// the tagger ran 15% more instructions than with the `match` statements the
/// data files replaced; with both it runs slightly fewer.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;

/// The shapes (first byte, length) of a set of keys: most tokens fail this
/// one bit test and are never hashed.
struct Shapes([u32; 128]);

impl Shapes {
    fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Shapes {
        let mut s = Shapes([0; 128]);
        for k in keys {
            let (b, l) = shape(k);
            s.0[b] |= l;
        }
        s
    }

    fn may_have(&self, w: &str) -> bool {
        let (b, l) = shape(w);
        self.0[b] & l != 0
    }
}

/// A key's first byte (folded to 7 bits) and a bit for its length (all
/// lengths past 30 share one).
fn shape(w: &str) -> (usize, u32) {
    let b = w.as_bytes().first().map_or(0, |b| usize::from(b & 0x7f));
    (b, 1 << w.len().min(31))
}

/// A table of the lexicon: a key's value.
struct Table<V> {
    map: HashMap<&'static str, V, Fx>,
    shapes: Shapes,
}

impl<V> Table<V> {
    fn get(&self, w: &str) -> Option<&V> {
        if self.shapes.may_have(w) {
            self.map.get(w)
        } else {
            None
        }
    }
}

/// The entries of a data file: line number and fields, without comments
/// and blank lines.
fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or_default();
        let fields: Vec<&'static str> = line.split_whitespace().collect();
        (!fields.is_empty()).then_some((i + 1, fields))
    })
}

/// A word list: one lower-case token per line.
pub(crate) struct Words {
    set: HashSet<&'static str, Fx>,
    shapes: Shapes,
}

impl Words {
    fn parse(file: &str, src: &'static str) -> Words {
        let mut set = HashSet::default();
        for (line, fields) in rows(src) {
            let [w] = fields[..] else {
                panic!("timex/data/{file}:{line}: one word per line");
            };
            assert!(
                w == w.to_lowercase(),
                "timex/data/{file}:{line}: {w:?} is not lower case (the text is matched lower-cased)"
            );
            assert!(set.insert(w), "timex/data/{file}:{line}: {w:?} twice");
        }
        let shapes = Shapes::of(set.iter().copied());
        Words { set, shapes }
    }

    pub(crate) fn has(&self, w: &str) -> bool {
        self.shapes.may_have(w) && self.set.contains(w)
    }
}

/// A table keyed by its first field; `value` reads the other fields.
fn table<V>(
    file: &str,
    src: &'static str,
    value: impl Fn(&[&'static str]) -> Option<V>,
) -> Table<V> {
    let mut map = HashMap::default();
    for (line, fields) in rows(src) {
        let v = value(&fields[1..])
            .unwrap_or_else(|| panic!("timex/data/{file}:{line}: bad entry {fields:?}"));
        assert!(
            map.insert(fields[0], v).is_none(),
            "timex/data/{file}:{line}: {:?} twice",
            fields[0]
        );
    }
    let shapes = Shapes::of(map.keys().copied());
    Table { map, shapes }
}

/// A number, then an optional flag: `"5"`, `"9 abbr"`.
fn number_flag<N: std::str::FromStr>(f: &[&str], flag: &str) -> Option<(N, bool)> {
    match f {
        [n] => Some((n.parse().ok()?, false)),
        [n, x] if *x == flag => Some((n.parse().ok()?, true)),
        _ => None,
    }
}

fn one_number<N: std::str::FromStr>(f: &[&str]) -> Option<N> {
    match f {
        [n] => n.parse().ok(),
        _ => None,
    }
}

fn one_code(f: &[&'static str]) -> Option<&'static str> {
    match f {
        [code] => Some(*code),
        _ => None,
    }
}

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "half" => Unit::Half,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    })
}

macro_rules! data {
    ($file:literal) => {
        include_str!(concat!("data/", $file))
    };
}

macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $name: LazyLock<Words> =
                LazyLock::new(|| Words::parse($file, data!($file)));
        )*
        /// Every word list, forced (for the test that parses them all).
        #[cfg(test)]
        fn all_word_lists() -> Vec<(&'static str, &'static Words)> {
            vec![$(($file, &*$name)),*]
        }
    };
}

word_lists! {
    FUZZY_QUANTITIES = "fuzzy-quantities.txt";
    PAST_CUES = "tense-past.txt";
    FUTURE_CUES = "tense-future.txt";
    PRESENT_EVENT_VERBS = "present-event-verbs.txt";
    RETICENT_VERBS = "reticent-verbs.txt";
    CLAUSE_SUBJECTS = "clause-subjects.txt";
    FUTURE_AFTER_TO = "future-after-to.txt";
    FUTURE_AFTER_WAS = "future-after-was.txt";
    YEAR_BEFORE = "year-before.txt";
    YEAR_AFTER = "year-after.txt";
    YEAR_COUNT_MARKERS = "year-count-markers.txt";
    YEAR_NOT_BEFORE = "year-not-before.txt";
    WEEKDAY_NAME_FOLLOWERS = "weekday-name-followers.txt";
    NOT_NOUNS_AFTER_THE_PAST = "not-nouns-after-the-past.txt";
    NOT_NOUNS_AFTER_DEICTIC = "not-nouns-after-deictic.txt";
    CURRENT_TERMS = "current-terms.txt";
    DAY_ORDINALS = "day-ordinals.txt";
    AWARD_NOUNS = "award-nouns.txt";
    OCCASION_NOUNS = "occasion-nouns.txt";
    CLAUSE_OPENERS = "clause-openers.txt";
    SPORTS_WORDS = "sports-words.txt";
    SEASON_CUES = "season-cues.txt";
    DURATION_LEADS = "duration-leads.txt";
    RATES_NOT_DURATIONS = "rates-not-durations.txt";
    RATES_SETS = "rates-sets.txt";
    BARE_UNIT_CUES = "bare-unit-cues.txt";
    CHRISTMAS_THINGS = "christmas-things.txt";
    STARTERS = "starters.txt";
    OVERNIGHT_FOLLOWERS = "overnight-followers.txt";
}

static MONTHS: LazyLock<Table<(u32, bool)>> = LazyLock::new(|| {
    table("months.txt", data!("months.txt"), |f| {
        number_flag(f, "abbr").filter(|(m, _)| (1..=12).contains(m))
    })
});

static WEEKDAYS: LazyLock<Table<(Weekday, bool)>> = LazyLock::new(|| {
    table("weekdays.txt", data!("weekdays.txt"), |f| {
        let (n, abbr) = number_flag::<u8>(f, "abbr")?;
        Some((Weekday::try_from(n.checked_sub(1)?).ok()?, abbr))
    })
});

static UNITS: LazyLock<Table<(Unit, bool)>> = LazyLock::new(|| {
    table("units.txt", data!("units.txt"), |f| match f {
        [u] => Some((unit_named(u)?, false)),
        [u, "plural"] => Some((unit_named(u)?, true)),
        _ => None,
    })
});

static NUMBERS: LazyLock<Table<u32>> =
    LazyLock::new(|| table("numbers.txt", data!("numbers.txt"), one_number));

static ORDINALS: LazyLock<Table<u32>> =
    LazyLock::new(|| table("ordinals.txt", data!("ordinals.txt"), one_number));

static SEASON_WORDS: LazyLock<Table<u8>> = LazyLock::new(|| {
    table("seasons.txt", data!("seasons.txt"), |f| {
        let code = one_code(f)?;
        SEASONS.iter().position(|s| *s == code).map(|s| s as u8)
    })
});

static PARTS_OF_DAY: LazyLock<Table<&str>> =
    LazyLock::new(|| table("parts-of-day.txt", data!("parts-of-day.txt"), one_code));

static DECADES: LazyLock<Table<i32>> = LazyLock::new(|| {
    table("decades.txt", data!("decades.txt"), |f| {
        one_number::<i32>(f).filter(|y| y % 10 == 0)
    })
});

static TIME_ZONES: LazyLock<Table<i64>> =
    LazyLock::new(|| table("time-zones.txt", data!("time-zones.txt"), one_number));

static SET_ADVERBS: LazyLock<Table<&str>> =
    LazyLock::new(|| table("set-adverbs.txt", data!("set-adverbs.txt"), one_code));

static DEICTIC_REFS: LazyLock<Table<&str>> = LazyLock::new(|| {
    table("deictic-refs.txt", data!("deictic-refs.txt"), |f| {
        one_code(f).filter(|v| matches!(*v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF"))
    })
});

/// An approximator or bound before a duration ("about", "at least").
pub(crate) struct QuantityMod {
    pub(crate) words: Vec<&'static str>,
    /// The TIMEX3 mod: "APPROX", "LESS_THAN", ...
    pub(crate) mod_: &'static str,
    /// The phrase stays outside the extent ("about [three hours]").
    pub(crate) outside: bool,
    /// Only before a number or "a"/"an".
    pub(crate) count: bool,
    /// Only before a duration, not a date.
    pub(crate) duration_only: bool,
}

pub(crate) static QUANTITY_MODS: LazyLock<Vec<QuantityMod>> = LazyLock::new(|| {
    let file = "quantity-mods.txt";
    let mods: Vec<QuantityMod> = rows(data!("quantity-mods.txt"))
        .map(|(line, f)| {
            let bad = || panic!("timex/data/{file}:{line}: bad entry {f:?}");
            let is_mod = |w: &&str| w.bytes().all(|c| c.is_ascii_uppercase() || c == b'_');
            let Some(m) = f.iter().position(is_mod).filter(|m| (1..=3).contains(m)) else {
                bad()
            };
            let flags = &f[m + 1..];
            if flags
                .iter()
                .any(|x| !matches!(*x, "outside" | "count" | "duration"))
            {
                bad();
            }
            QuantityMod {
                words: f[..m].to_vec(),
                mod_: f[m],
                outside: flags.contains(&"outside"),
                count: flags.contains(&"count"),
                duration_only: flags.contains(&"duration"),
            }
        })
        .collect();
    // The rule takes the one phrase that matches; a phrase that began another
    // would make that depend on the order of the lines.
    for a in &mods {
        for b in &mods {
            assert!(
                std::ptr::eq(a, b) || !b.words.starts_with(&a.words),
                "timex/data/{file}: {:?} begins {:?}",
                a.words,
                b.words
            );
        }
    }
    mods
});

/// Every word an expression can start with: starters.txt and the words of
/// the tables whose rules fire at their own word.
static CAN_START: LazyLock<Words> = LazyLock::new(|| {
    let keys = [
        MONTHS.map.keys().copied().collect::<Vec<_>>(),
        WEEKDAYS.map.keys().copied().collect(),
        UNITS.map.keys().copied().collect(),
        NUMBERS.map.keys().copied().collect(),
        ORDINALS.map.keys().copied().collect(),
        SEASON_WORDS.map.keys().copied().collect(),
        SET_ADVERBS.map.keys().copied().collect(),
        DECADES.map.keys().copied().collect(),
        DEICTIC_REFS.map.keys().copied().collect(),
        QUANTITY_MODS.iter().map(|m| m.words[0]).collect(),
        FUZZY_QUANTITIES.set.iter().copied().collect(),
        STARTERS.set.iter().copied().collect(),
    ];
    let mut set: HashSet<&'static str, Fx> = keys.into_iter().flatten().collect();
    // "on Mondays": the plural of a weekday's full name (seven strings, made once).
    set.extend(
        WEEKDAYS
            .map
            .iter()
            .filter(|(_, (_, abbr))| !abbr)
            .map(|(w, _)| &*Box::leak(format!("{w}s").into_boxed_str())),
    );
    let shapes = Shapes::of(set.iter().copied());
    Words { set, shapes }
});

/// Cheap filter: can an expression start with this (lower-case) word? Keeps
/// the rules off the vast majority of tokens.
pub(crate) fn can_start(w: &str) -> bool {
    w.len() <= 12 && CAN_START.has(w)
}

/// The month of a month name or abbreviation, and whether it is an abbreviation.
pub(crate) fn month_word(w: &str) -> Option<(u32, bool)> {
    MONTHS.get(w).copied()
}

/// The weekday of a weekday name or abbreviation.
pub(crate) fn weekday_word(w: &str) -> Option<Weekday> {
    WEEKDAYS.get(w).map(|(d, _)| *d)
}

/// The weekday of a full weekday name ("monday"; not "mon").
pub(crate) fn weekday_name(w: &str) -> Option<Weekday> {
    WEEKDAYS.get(w).filter(|(_, abbr)| !abbr).map(|(d, _)| *d)
}

/// The unit of a unit word, and whether the word is plural.
pub(crate) fn unit_word(w: &str) -> Option<(Unit, bool)> {
    UNITS.get(w).copied()
}

pub(crate) fn small_number(w: &str) -> Option<u32> {
    NUMBERS.get(w).copied()
}

pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    ORDINALS.get(w).copied()
}

pub(crate) fn fuzzy_quantity(w: &str) -> bool {
    FUZZY_QUANTITIES.has(w)
}

/// The season's index into [`SEASONS`].
pub(crate) fn season_word(w: &str) -> Option<u8> {
    SEASON_WORDS.get(w).copied()
}

/// The TIMEX3 code of a part of the day ("MO", "NI").
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    PARTS_OF_DAY.get(w).copied()
}

/// The first year of a spelled decade ("nineties": 1990).
pub(crate) fn decade_word(w: &str) -> Option<i32> {
    DECADES.get(w).copied()
}

/// Offset from UTC in minutes of a time-zone abbreviation.
pub(crate) fn tz_offset(w: &str) -> Option<i64> {
    TIME_ZONES.get(w).copied()
}

/// The SET value of a frequency adverb ("daily": "P1D").
pub(crate) fn set_adverb(w: &str) -> Option<&'static str> {
    SET_ADVERBS.get(w).copied()
}

/// The value of a deictic adverb ("now": "PRESENT_REF").
pub(crate) fn deictic_ref(w: &str) -> Option<&'static str> {
    DEICTIC_REFS.get(w).copied()
}

pub(crate) fn is_past_word(w: &str) -> bool {
    PAST_CUES.has(w)
}

/// Present-tense event verbs that, right before a weekday, announce a plan
/// in news style ("meet Monday", "leaves Friday").
pub(crate) fn is_present_event_verb(w: &str) -> bool {
    PRESENT_EVENT_VERBS.has(w)
}

pub(crate) fn is_future_word(w: &str) -> bool {
    FUTURE_CUES.has(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses() {
        for (file, words) in all_word_lists() {
            assert!(!words.set.is_empty(), "{file} is empty");
        }
        assert_eq!(MONTHS.map.values().filter(|(_, abbr)| !abbr).count(), 12);
        assert_eq!(WEEKDAYS.map.values().filter(|(_, abbr)| !abbr).count(), 7);
        for table in [
            UNITS.map.len(),
            NUMBERS.map.len(),
            ORDINALS.map.len(),
            SEASON_WORDS.map.len(),
            PARTS_OF_DAY.map.len(),
            DECADES.map.len(),
            TIME_ZONES.map.len(),
            SET_ADVERBS.map.len(),
            DEICTIC_REFS.map.len(),
            QUANTITY_MODS.len(),
            CAN_START.set.len(),
        ] {
            assert!(table > 0);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(month_word("sept"), Some((9, true)));
        assert_eq!(month_word("may"), Some((5, false)));
        assert_eq!(weekday_word("thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_name("thurs"), None);
        assert_eq!(weekday_name("sunday"), Some(Weekday::Sun));
        assert_eq!(unit_word("yrs"), Some((Unit::Year, true)));
        assert_eq!(season_word("autumn"), Some(2));
        assert_eq!(tz_offset("ist"), Some(330));
        assert_eq!(tz_offset("ast"), None);
        assert!(can_start("mondays") && can_start("about") && can_start("nineties"));
        assert!(!can_start("mons") && !can_start("approximately") && !can_start("morning"));
    }

    #[test]
    fn a_malformed_line_names_its_file_and_line() {
        let err = std::panic::catch_unwind(|| Words::parse("x.txt", "# c\nok\ntwo words\n"))
            .err()
            .and_then(|e| e.downcast::<String>().ok())
            .map(|s| *s);
        assert_eq!(
            err.as_deref(),
            Some("timex/data/x.txt:3: one word per line")
        );
    }
}
