//! The temporal tagger: arbitrary text through `timex::tag` against a DCT
//! taken from the first three bytes (a date from 1900-01-01 to 2100-12-31),
//! `publication_date_as_of` on the text, and `window` on every value produced and
//! on the text itself.
#![no_main]

use chrono::{Duration, NaiveDate};
use eventline::timex::{self, TimexType};
use libfuzzer_sys::fuzz_target;

/// Days from 1900-01-01 to 2100-12-31 inclusive.
const SPAN: u32 = 73_415;

fn check_window(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let w = timex::window(value);
    if let Some((a, b)) = w {
        assert!(a <= b, "window({value:?}) = {a}..{b}");
    }
    w
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let days = (u32::from(data[0]) << 16 | u32::from(data[1]) << 8 | u32::from(data[2])) % SPAN;
    let dct = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(i64::from(days));
    let text = String::from_utf8_lossy(&data[3..]);
    let text: &str = &text;

    let timexes = timex::tag(text, dct);
    let mut prev_end = 0;
    for t in &timexes {
        assert!(
            t.start < t.end,
            "empty or reversed span {}..{}",
            t.start,
            t.end
        );
        assert!(
            t.end <= text.len(),
            "span {}..{} past {}",
            t.start,
            t.end,
            text.len()
        );
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(t.text, &text[t.start..t.end]);
        // One left-to-right pass: spans are ordered and do not overlap.
        assert!(t.start >= prev_end, "overlap at {}..{}", t.start, t.end);
        prev_end = t.end;
        assert!(!t.value.is_empty(), "empty value for {:?}", t.text);
        assert_eq!(t.earliest.is_some(), t.latest.is_some());
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            assert!(
                a <= b,
                "{:?} = {}: earliest {a} after latest {b}",
                t.text,
                t.value
            );
            assert!(matches!(t.ttype, TimexType::Date | TimexType::Time));
            // The window is the value's, stretched to the end of a range.
            let (wa, wb) =
                check_window(&t.value).expect("a windowed timex has a value with a window");
            assert_eq!(wa, a, "{:?} = {}", t.text, t.value);
            assert!(wb <= b, "{:?} = {}", t.text, t.value);
        } else {
            check_window(&t.value);
        }
    }

    if let Some((_d, method)) = timex::publication_date_as_of(text, dct) {
        assert!(!method.is_empty());
    }

    // `window` on raw strings: its own parser, on short inputs.
    if text.len() <= 64 {
        check_window(text);
        check_window(text.trim());
    }
});
