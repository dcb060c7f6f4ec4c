//! Sentences and tokens with byte offsets into the article text.
//!
//! News text is one paragraph per line; sentences end at `.`, `!`, `?`
//! (optionally followed by closing quotes) before a capital, a digit or an
//! opening quote, except after known abbreviations ("Oct.", "U.S.", "Mr.").

use super::lexicon::{Mask, LISTS};

/// A sentence as a byte range of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov",
    "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "adm", "cmdr", "rev", "fr", "pres",
    "approx", "est", "mt", "ft", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "d.c",
];

/// Each character of `s` with its byte offset. Reserved at the byte length:
/// `char_indices` promises only a quarter of it, and each sentence's table
/// regrew twice.
fn char_table(s: &str) -> Vec<(usize, char)> {
    let mut chars = Vec::with_capacity(s.len());
    chars.extend(s.char_indices());
    chars
}

pub(crate) fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let lstart = line_start;
        line_start += line.len();
        split_line(text, lstart, lstart + line.len(), &mut out);
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let mut sent_start = 0;
    let chars = char_table(line);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Closing quotes and brackets stay with the sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
                j += 1;
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '"' | '“' | '‘' | '\'' | '('));
            if followed_by_space
                && next_starts
                && !(c == '.' && is_abbreviation(line, pos))
                && !(c != '.'
                    && j > i + 1
                    && speaker_follows(&line[chars.get(k).map_or(line.len(), |x| x.0)..]))
            {
                let end_pos = if j < chars.len() {
                    chars[j].0
                } else {
                    line.len()
                };
                push(text, start + sent_start, start + end_pos, out);
                sent_start = if k < chars.len() {
                    chars[k].0
                } else {
                    line.len()
                };
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push(text, start + sent_start, end, out);
}

/// "“They will pay a big price for every attack on us!” Trump tweeted": a
/// quote closed by "!" or "?" and followed by its speaker's name and a
/// speech verb goes on in the same sentence.
fn speaker_follows(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    let names = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (1..=3).contains(&names)
        && words.get(names).is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            crate::extract::lexicon::is!("speech_verbs", &w)
        })
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let trimmed_start = start + (s.len() - s.trim_start().len());
    let trimmed_end = end - (s.len() - s.trim_end().len());
    if trimmed_end > trimmed_start {
        out.push(Span {
            start: trimmed_start,
            end: trimmed_end,
        });
    }
}

/// Whether the period at `pos` closes an abbreviation or an initial ("J.").
fn is_abbreviation(line: &str, pos: usize) -> bool {
    let before = &line[..pos];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = before[word_start..].to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    // Joined initials of a name ("President S.R. Nathan", "his predecessor
    // H.D. Deve Gowda": 27 wire stories write names so); not an initialism
    // after a function word, which may end a sentence ("arrested by the
    // F.B.I. Donald Trump", "in N.Y. The").
    let after_function_word = before[..word_start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| crate::extract::lexicon::is!("stopwords", &w.to_lowercase()));
    (!after_function_word && initials(&word)) || ABBREVIATIONS.contains(&word.as_str())
}

/// A name written in capitals, in the title case labels are written in
/// ("NEW YORK" as "New York"): datelines shout their city.
pub(crate) fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a word is written in capitals: two letters or more and none
/// lower-case ("NAFTA", "NEW", not "A" nor "McCain").
pub(crate) fn all_capitals(word: &str) -> bool {
    // The lower-case test first: it fails on the first letter of most words.
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Whether a lower-cased word is a name's joined initials: two single
/// letters joined by stops ("s.r", "h.d."), not an abbreviation such as
/// "u.s." nor a longer initialism ("f.b.i.").
pub(crate) fn initials(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() == 2
        && !ABBREVIATIONS.contains(&w)
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Lower-cased, with typographic apostrophes made plain.
    pub(crate) lower: String,
    pub(crate) kind: TokKind,
    pub(crate) cap: bool,
    /// The word lists `lower` is in.
    pub(crate) mask: Mask,
}

/// Tokens of `text[start..end]`: words (with "U.S."-style dotted
/// abbreviations kept whole), numbers, "'s" and "n't" as tokens of their
/// own, and every other symbol as punctuation; hyphens split words so that
/// "Trump-Putin" yields two names.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let s = &text[start..end];
    // News text runs about five bytes a token.
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let chars = char_table(s);
    let n = chars.len();
    let at = |i: usize| if i < n { chars[i].0 } else { s.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        // U+FFFD stands for a character lost in decoding, in saved pages
        // mostly a no-break space ("Golden\u{FFFD}of Maine"): no token.
        if c.is_whitespace() || c == '\u{FFFD}' {
            i += 1;
            continue;
        }
        let is_apos = |c: char| c == '\'' || c == '’';
        if c.is_alphanumeric() {
            let mut j = i;
            let mut has_alpha = false;
            while j < n {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    has_alpha |= cj.is_alphabetic();
                    j += 1;
                } else if cj == '.'
                    && j + 1 < n
                    && chars[j + 1].1.is_alphabetic()
                    && j >= 1
                    && (j - i == 1 || chars[j - 2].1 == '.')
                {
                    // U.S., U.N.: single letters joined by dots.
                    j += 1;
                } else if (cj == '.' || cj == ',')
                    && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit()
                    && !has_alpha
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // Keep the final dot of "U.S." with the word.
            if j < n && chars[j].1 == '.' && j >= 2 && chars[j - 2].1 == '.' {
                j += 1;
            }
            // n't: "didn't" -> "did" "n't"
            if j + 1 < n
                && is_apos(chars[j].1)
                && chars[j + 1].1 == 't'
                && j > i
                && chars[j - 1].1 == 'n'
                && (j + 2 >= n || !chars[j + 2].1.is_alphanumeric())
            {
                let word_end = j - 1;
                if word_end > i {
                    push_tok(s, start, at(i), at(word_end), &mut out);
                }
                push_tok(s, start, at(word_end), at(j + 2), &mut out);
                i = j + 2;
                continue;
            }
            push_tok(s, start, at(i), at(j), &mut out);
            i = j;
            // 's / ’s
            if i + 1 < n
                && is_apos(chars[i].1)
                && matches!(chars[i + 1].1, 's' | 'S')
                && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric())
            {
                push_tok(s, start, at(i), at(i + 2), &mut out);
                i += 2;
            }
            continue;
        }
        push_tok(s, start, at(i), at(i + 1), &mut out);
        i += 1;
    }
    out
}

fn push_tok(s: &str, base: usize, a: usize, b: usize, out: &mut Vec<Token>) {
    let raw = &s[a..b];
    let first = raw.chars().next().unwrap_or(' ');
    let kind = if first.is_ascii_digit() {
        TokKind::Number
    } else if first.is_alphanumeric() || first == '\'' || first == '’' {
        TokKind::Word
    } else {
        TokKind::Punct
    };
    // Nearly every token is ASCII: one allocation, no Unicode tables.
    let lower = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.to_lowercase().replace('’', "'")
    };
    out.push(Token {
        start: base + a,
        end: base + b,
        mask: LISTS.mask(&lower),
        lower,
        kind,
        cap: first.is_uppercase(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn a_shouted_name_reads_in_title_case() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("GENEVA"), "Geneva");
        assert_eq!(title_case("ÜRÜMQI"), "Ürümqi");
    }

    #[test]
    fn a_quote_ending_in_an_exclamation_keeps_its_speaker() {
        assert_eq!(
            sents("\u{201c}They will pay a big price!\u{201d} Trump tweeted. \u{201c}Why?\u{201d} Russia said. \u{201c}No!\u{201d} New talks began."),
            vec![
                "\u{201c}They will pay a big price!\u{201d} Trump tweeted.",
                "\u{201c}Why?\u{201d} Russia said.",
                "\u{201c}No!\u{201d}",
                "New talks began."
            ]
        );
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sents("The U.S. president met Mr. Putin on Oct. 16. They talked. \"Good,\" he said.\nNext line"),
            vec![
                "The U.S. president met Mr. Putin on Oct. 16.",
                "They talked.",
                "\"Good,\" he said.",
                "Next line"
            ]
        );
    }

    #[test]
    fn joined_initials_end_no_sentence() {
        assert_eq!(
            sents("Pohamba met President S.R. Nathan on Wednesday. They talked."),
            vec![
                "Pohamba met President S.R. Nathan on Wednesday.",
                "They talked."
            ]
        );
        // An initialism can end a sentence.
        assert_eq!(
            sents("He was arrested by the F.B.I. Trump attacked the agency."),
            vec![
                "He was arrested by the F.B.I.",
                "Trump attacked the agency."
            ]
        );
        assert_eq!(sents("He lives in N.Y. The talks ended.").len(), 2);
    }

    #[test]
    fn tokens_keep_offsets_and_split_names() {
        let t = "Trump-Putin call, U.S. officials didn’t meet Russia’s 1,200.5 men.";
        let toks = tokenize(t, 0, t.len());
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            words,
            vec![
                "Trump",
                "-",
                "Putin",
                "call",
                ",",
                "U.S.",
                "officials",
                "did",
                "n’t",
                "meet",
                "Russia",
                "’s",
                "1,200.5",
                "men",
                "."
            ]
        );
        assert_eq!(toks[8].lower, "n't");
        assert_eq!(toks[11].lower, "'s");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["", ".", "é.", "’", "a.’", "U.", "😀 . 😀", "n’", "x’s"] {
            let _ = sentences(t);
            let _ = tokenize(t, 0, t.len());
        }
    }
}
