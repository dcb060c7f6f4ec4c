//! The tagger's vocabulary: month, weekday, unit and number words, tense
//! cues, the words an expression can start with, time zones.

use chrono::Weekday;

use super::calendar::Unit;

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn month_word(w: &str) -> Option<(u32, bool)> {
    // (month, is abbreviation)
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some((i as u32 + 1, false));
    }
    let m = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some((m, true))
}

pub(crate) fn weekday_word(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn unit_word(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

pub(crate) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        "couple" => 2,
        _ => return None,
    })
}

pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

pub(crate) fn fuzzy_quantity(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "some" | "numerous" | "countless"
    )
}

pub(crate) fn is_past_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "been"
            | "ago"
            | "met"
            | "told"
            | "went"
            | "came"
            | "took"
            | "made"
            | "held"
            | "began"
            | "saw"
            | "gave"
            | "left"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "got"
            | "sent"
            | "found"
            | "brought"
            | "paid"
            | "spoke"
            | "wrote"
            | "struck"
            | "hit"
            | "shot"
            | "killed"
            | "became"
            | "ran"
            | "sold"
            | "bought"
            | "fought"
            | "led"
            | "stood"
            | "fled"
            | "broke"
            | "chose"
            | "drew"
            | "grew"
            | "knew"
            | "threw"
            | "flew"
            | "beat"
            | "put"
            | "set"
            | "cut"
            | "quit"
            | "read"
            | "heard"
            | "kept"
            | "felt"
            | "meant"
            | "slid"
            | "sank"
            | "swore"
            | "tore"
            | "wore"
            | "woke"
            | "arose"
            | "forgot"
            | "overtook"
            | "underwent"
            | "withdrew"
            | "last"
            | "earlier"
            | "yesterday"
    )
}

/// Present-tense event verbs that, right before a weekday, announce a plan
/// in news style ("meet Monday", "leaves Friday"). Reporting verbs excluded.
pub(crate) fn is_present_event_verb(w: &str) -> bool {
    matches!(
        w,
        "meet"
            | "meets"
            | "leave"
            | "leaves"
            | "arrive"
            | "arrives"
            | "travel"
            | "travels"
            | "visit"
            | "visits"
            | "begin"
            | "begins"
            | "start"
            | "starts"
            | "open"
            | "opens"
            | "resume"
            | "resumes"
            | "return"
            | "returns"
            | "vote"
            | "votes"
            | "face"
            | "faces"
            | "fly"
            | "flies"
            | "convene"
            | "convenes"
            | "expires"
            | "ends"
    )
}

pub(crate) fn is_future_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "scheduled"
            | "slated"
            | "due"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "expected"
            | "expects"
            | "upcoming"
            | "next"
            | "tomorrow"
            | "expect"
            | "intends"
            | "hopes"
            | "later"
            | "coming"
            | "proposed"
    )
}

pub(crate) fn season_word(w: &str) -> Option<u8> {
    Some(match w {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

/// Cheap filter: can an expression start with this (lower-case) word? Keeps
/// the matchers off the vast majority of tokens.
pub(crate) fn can_start(w: &str) -> bool {
    if w.len() > 12 {
        return false;
    }
    month_word(w).is_some()
        || weekday_word(w).is_some()
        || w.strip_suffix('s')
            .is_some_and(|stem| stem.len() > 5 && weekday_word(stem).is_some())
        || unit_word(w).is_some()
        || small_number(w).is_some()
        || ordinal_word(w).is_some()
        || season_word(w).is_some()
        || fuzzy_quantity(w)
        || matches!(
            w,
            "the"
                | "then"
                | "this"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "preceding"
                | "latest"
                | "prior"
                | "current"
                | "present"
                | "that"
                | "same"
                | "upcoming"
                | "today"
                | "tomorrow"
                | "yesterday"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "presently"
                | "recently"
                | "lately"
                | "soon"
                | "as"
                | "at"
                | "these"
                | "early"
                | "earlier"
                | "late"
                | "later"
                | "mid"
                | "around"
                | "circa"
                | "about"
                | "approximately"
                | "roughly"
                | "nearly"
                | "almost"
                | "under"
                | "less"
                | "fewer"
                | "more"
                | "longer"
                | "up"
                | "no"
                | "every"
                | "each"
                | "per"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "hourly"
                | "nightly"
                | "noon"
                | "midday"
                | "midnight"
                | "fiscal"
                | "recent"
                | "few"
                | "q"
                | "h"
                | "final"
                | "christmas"
                | "new"
                | "halloween"
                | "valentine"
                | "independence"
                | "thanksgiving"
                | "election"
                | "twenties"
                | "thirties"
                | "forties"
                | "fifties"
                | "sixties"
                | "seventies"
                | "eighties"
                | "nineties"
                | "comparable"
                | "corresponding"
                | "year"
                | "just"
        )
}

/// Offset from UTC in minutes of a time-zone abbreviation.
pub(crate) fn tz_offset(w: &str) -> Option<i64> {
    Some(match w {
        "gmt" | "utc" | "z" | "wet" => 0,
        "bst" | "cet" | "wat" | "west" => 60,
        "cest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" | "ast" if w != "ast" => 180,
        "ist" => 330,
        "pkt" => 300,
        "ict" | "wib" => 420,
        "hkt" | "sgt" | "pht" | "awst" | "cst" if w != "cst" => 480,
        "jst" | "kst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "est" => -300,
        "edt" | "et" => -240,
        "cdt" => -300,
        "cst" => -360,
        "mst" => -420,
        "mdt" => -360,
        "pst" => -480,
        "pdt" | "pt" => -420,
        _ => return None,
    })
}

pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}
