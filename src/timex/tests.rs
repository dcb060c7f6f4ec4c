//! Whole-tagger tests. The cases a line can state (a text, its reference
//! date, the expression expected) are data in `tests/data/timex/cases.tsv`,
//! run by [`cases_file`]; the rest (windows of a range, mods, types, no
//! panics on hostile input) are here.

use chrono::{Datelike, NaiveDate};

use super::{publication_date_as_of, publication_date_given, tag, TimexType};

const CASES: &str = include_str!("../../tests/data/timex/cases.tsv");

const FRI: &str = "2025-10-17";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// What one line of the case file expects of the tagger's output.
#[derive(Debug)]
enum Expect<'a> {
    /// Some expression has this value (and this text, when given).
    Found {
        span: Option<&'a str>,
        value: &'a str,
    },
    /// No expression at all.
    Nothing,
    /// No expression has this text.
    NotSpan(&'a str),
}

fn parse_case(line: &str) -> Result<(&str, NaiveDate, Expect<'_>), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    let [text, dct, expected] = cols[..] else {
        return Err(format!(
            "expected 3 tab-separated columns, found {}",
            cols.len()
        ));
    };
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d")
        .map_err(|e| format!("bad reference date {dct:?}: {e}"))?;
    let expect = match expected {
        "" => return Err("empty expectation".into()),
        "-" => Expect::Nothing,
        _ => match (expected.strip_prefix('!'), expected.split_once('=')) {
            (Some(span), _) => Expect::NotSpan(span),
            (None, Some((span, value))) => Expect::Found {
                span: Some(span),
                value,
            },
            (None, None) => Expect::Found {
                span: None,
                value: expected,
            },
        },
    };
    Ok((text, dct, expect))
}

/// Why the tagger's output on `text` misses the expectation, if it does.
fn judge(text: &str, dct: NaiveDate, expect: &Expect) -> Option<String> {
    let got = tag(text, dct);
    let ok = match expect {
        Expect::Found { span, value } => got
            .iter()
            .any(|t| t.value == *value && span.is_none_or(|s| t.text == s)),
        Expect::Nothing => got.is_empty(),
        Expect::NotSpan(span) => got.iter().all(|t| t.text != *span),
    };
    (!ok).then(|| {
        let got: Vec<_> = got.iter().map(|t| (&t.text, &t.value)).collect();
        format!("{text:?} @ {dct}: expected {expect:?}, got {got:?}")
    })
}

#[test]
fn cases_file() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        n += 1;
        let why = match parse_case(line) {
            Ok((text, dct, expect)) => judge(text, dct, &expect),
            Err(e) => Some(e),
        };
        if let Some(why) = why {
            failures.push(format!("tests/data/timex/cases.tsv:{}: {why}", i + 1));
        }
    }
    assert!(n > 0, "no case read from tests/data/timex/cases.tsv");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The harness itself: a wrong expectation of each kind is reported, a bad
/// line is an error.
#[test]
fn the_case_harness_can_fail() {
    let fri = date(FRI);
    for wrong in [
        "Thursday=2025-10-15",
        "Friday=2025-10-16",
        "2025-10-15",
        "-",
        "!Thursday",
    ] {
        let line = format!("They met on Thursday.\t{FRI}\t{wrong}");
        let (text, dct, expect) = parse_case(&line).unwrap();
        assert!(judge(text, dct, &expect).is_some(), "{wrong} passed");
    }
    let (text, dct, expect) =
        parse_case("They met on Thursday.\t2025-10-17\tThursday=2025-10-16").unwrap();
    assert_eq!((text, dct), ("They met on Thursday.", fri));
    assert!(judge(text, dct, &expect).is_none());
    assert!(parse_case("They met on Thursday.\t2025-10-17").is_err());
    assert!(parse_case("They met.\tFriday\t-").is_err());
    assert!(parse_case("They met.\t2025-10-17\t").is_err());
}

#[test]
fn a_year_range_is_valued_as_its_first_year_and_spans_to_the_last() {
    for (text, first, last) in [
        (
            "fought side by side in the 1950-53 Korean war",
            "1950",
            "1953-12-31",
        ),
        ("during his 1973-1990 regime", "1973", "1990-12-31"),
        ("the 1999-00 season", "1999", "2000-12-31"),
    ] {
        let got = tag(text, date("2017-11-12"));
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].value, first, "{text}");
        assert_eq!(
            got[0].earliest,
            Some(date(&format!("{first}-01-01"))),
            "{text}"
        );
        assert_eq!(got[0].latest, Some(date(last)), "{text}");
    }
    // Not a range: a score, or a second year before the first.
    let got = tag("in 1995-3 and in 1990-1989", date("2017-11-12"));
    assert!(got.iter().all(|t| t
        .latest
        .is_some_and(|l| l.year() == t.earliest.unwrap().year())));
}

#[test]
fn a_day_range_is_valued_as_its_first_day_and_spans_to_the_last() {
    let got = tag("The talks run May 8-10 in Paris.", date("1998-04-20"));
    assert_eq!(got[0].value, "1998-05-08");
    assert_eq!(got[0].earliest, Some(date("1998-05-08")));
    assert_eq!(got[0].latest, Some(date("1998-05-10")));
    // At the end of a sentence, after "between", and with "to".
    for text in [
        "Tayan would visit Israel April 7-9.",
        "Tayan would visit Israel between April 7 and 9.",
        "Tayan would visit Israel from April 7 to 9.",
    ] {
        let got = tag(text, date("1997-04-03"));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].earliest, got[0].latest),
            (Some(date("1997-04-07")), Some(date("1997-04-09"))),
            "{text}"
        );
    }
    // Into another month, and into the next year; "to" between two full
    // dates may tell a date moved, so it joins none.
    let span = |text: &str| {
        let t = tag(text, date("2006-11-15"));
        (t.len(), t[0].earliest, t[0].latest)
    };
    assert_eq!(
        span("The summit runs Nov. 30-Dec. 2 in Hanoi."),
        (1, Some(date("2006-11-30")), Some(date("2006-12-02")))
    );
    assert_eq!(
        span("The break runs December 30-January 3."),
        (1, Some(date("2006-12-30")), Some(date("2007-01-03")))
    );
    assert_eq!(span("It was postponed from Nov. 3 to Dec. 1.").0, 2);
    // "and" alone lists days and numbers; a decimal is no range.
    let got = tag("On April 8 and 9 people were hurt.", date("1997-04-03"));
    assert_eq!(got[0].latest, Some(date("1997-04-08")));
    let got = tag(
        "Growth was forecast on April 3-4.5 percent.",
        date("1997-04-03"),
    );
    assert_eq!(got[0].latest, Some(date("1997-04-03")));
}

#[test]
fn modifiers_narrow_the_window_by_the_annotation_conventions() {
    let window = |text: &str| {
        let t = tag(text, date("2006-11-01"));
        (
            t[0].value.clone(),
            t[0].earliest.unwrap(),
            t[0].latest.unwrap(),
        )
    };
    // The value stays the month (TimeML); the window is the part meant.
    assert_eq!(
        window("late June"),
        ("2006-06".into(), date("2006-06-15"), date("2006-06-30"))
    );
    assert_eq!(window("early June").2, date("2006-06-10"));
    assert_eq!(window("mid-June").1, date("2006-06-11"));
    assert_eq!(window("later this month").1, date("2006-11-02"));
    // 2006-11-01 is a Wednesday.
    assert_eq!(window("earlier this week").2, date("2006-10-31"));
    assert_eq!(window("later this week").1, date("2006-11-02"));
    assert_eq!(
        window("earlier this year"),
        ("2006".into(), date("2006-01-01"), date("2006-10-31"))
    );
    assert_eq!(window("later this year").1, date("2006-11-02"));
    // A year the reference date is not in keeps its whole window.
    assert_eq!(window("later in 2005").2, date("2005-12-31"));
}

#[test]
fn mods() {
    let t = tag("late June", date(FRI));
    assert_eq!(t[0].mod_.as_deref(), Some("END"));
    let t = tag("earlier this month", date(FRI));
    assert_eq!(t[0].mod_.as_deref(), Some("START"));
    let t = tag("mid-October", date(FRI));
    assert_eq!(t[0].mod_.as_deref(), Some("MID"));
}

#[test]
fn sets_are_typed_set() {
    let t = tag("daily", date(FRI));
    assert_eq!(t[0].ttype, TimexType::Set);
}

#[test]
fn edge_positions_do_not_panic() {
    for t in [
        "5 and 6",
        "and 6",
        "May 8-",
        "May 8-99",
        "On Sunday,",
        "would not",
        "Until then",
        "Noon",
    ] {
        let _ = tag(t, date(FRI));
    }
}

#[test]
fn never_panics() {
    let inputs = [
        "todayâ€™s market",
        "😀 Friday 😀 2025-10-16 😀",
        "北京 10月16日 today 月",
        "Oct. ",
        "Oct. 1",
        "the",
        "'",
        "1/",
        "99999999999999999999 years ago",
        "4000000 years ago",
        "in 9999999 days",
        "\u{2019}90s",
        "mid-",
        "a",
        "",
        "the day before",
        "12:",
        "Q9",
    ];
    for s in inputs {
        let _ = tag(s, date(FRI));
        let _ = publication_date_as_of(s, date(FRI));
    }
    // Long runs of words that start expressions: no deep recursion, linear time.
    let long =
        "the year ".repeat(50_000) + &"the ".repeat(50_000) + &"the end of the ".repeat(20_000);
    let _ = tag(&long, date(FRI));
    for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
        let _ = tag(
            "next Friday, last week, in 999999 days, the weekend, tomorrow",
            extreme,
        );
    }
    let t = tag("todayâ€™s", date(FRI));
    assert_eq!(t[0].text, "today");
    // Random sentences from a pool of tricky pieces (deterministic LCG).
    let pool: Vec<&str> =
        "the a last next year - ago earlier Oct . 16 , 2025 1990 s ' ’ Friday Sun May \
        may mid early late of quarter third fiscal every week 12 : 14 a.m. PM IST GMT \
        1430 / 😀 北京 â€™ \n ago 99999999999 day following that same half century 20th Q \
        3 around nearly two thousand hours ( AFP ) Published Updated T Z + 05 30 \
        Christmas Thanksgiving"
            .split(' ')
            .collect();
    assert_eq!(pool.len(), 71, "pieces glued by a line continuation");
    let mut x: u64 = 42;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(x % 17) {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pool[(x >> 33) as usize % pool.len()]);
            if (x >> 20) % 3 != 0 {
                s.push(' ');
            }
        }
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        for t in tag(&s, date(FRI)) {
            assert!(
                t.start < t.end
                    && t.end <= s.len()
                    && s.get(t.start..t.end) == Some(t.text.as_str())
            );
        }
        let _ = publication_date_as_of(&s, date(FRI));
    }
    // Every byte prefix of a mixed string.
    let s = "Sept. 30, 1989 – 北京 on Friday 😀 12:14 AM IST a year earlier";
    for (i, _) in s.char_indices() {
        let _ = tag(&s[..i], date(FRI));
        let _ = tag(&s[i..], date(FRI));
    }
}

#[test]
fn a_yearless_dateline_takes_the_known_publication_year() {
    let text = "BEIJING, Dec 31 (AFP) - China said on Wednesday it would talk.\n";
    assert_eq!(
        publication_date_given(text, date("2026-12-01"), date("1998-01-01")),
        Some((date("1997-12-31"), "dateline-year-from-publication"))
    );
    let text = "BEIJING, April 1 (AFP) - China said on Tuesday it would talk.\n";
    assert_eq!(
        publication_date_given(text, date("2026-12-01"), date("1997-04-02")),
        Some((date("1997-04-01"), "dateline-year-from-publication"))
    );
    // A year in the dateline is the dateline's own.
    let text = "BEIJING, April 1, 1996 (AFP) - China said it would talk.\n";
    assert_eq!(
        publication_date_given(text, date("2026-12-01"), date("1997-04-02")),
        Some((date("1996-04-01"), "dateline"))
    );
}
