//! The first layer: one article as sentences of tokens, with what later
//! layers ask of every sentence (is it a heading, where are its quotes,
//! which paragraph is it in). Every later layer refers to tokens by
//! (sentence, index) into this structure.

use super::lexicon::{mask_has, Bit, Starts, LISTS};
use super::text::{self, TokKind, Token};

/// One sentence: its byte range in the article and its tokens.
#[derive(Debug)]
pub(crate) struct Sent {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) toks: Vec<Token>,
    /// Token ranges inside quotation marks.
    pub(crate) quotes: Vec<(usize, usize)>,
    /// A headline or subhead: title case, no final punctuation.
    pub(crate) heading: bool,
    /// The first token after a dateline ("WASHINGTON (Reuters) -",
    /// "HAIKOU, Nov. 7 (Xinhua) --"); 0 when there is none.
    pub(crate) body: usize,
}

impl Sent {
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// Whether token `i` is in the list of `bit` (see `at!`).
    pub(crate) fn in_list(&self, bit: Bit, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| mask_has(&t.mask, bit))
    }

    /// The longest entry of a list starting at token `i`, in tokens.
    pub(crate) fn phrase_at(&self, list: &Starts, i: usize) -> Option<usize> {
        let tok = self.toks.get(i)?;
        if !list.may_start(&tok.mask) {
            return None;
        }
        let words: Vec<&str> = (i..self.toks.len())
            .take(LISTS.longest)
            .map(|k| self.lower(k))
            .collect();
        LISTS.phrase_at(list.name, &words)
    }

    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.quotes.iter().any(|&(a, b)| a <= i && i < b)
    }

    /// Whether "claimed responsibility" / "claims credit" starts at `k`:
    /// who claims an attack made it, and the claim vouches for the attack.
    pub(crate) fn claims_responsibility(&self, k: usize) -> bool {
        self.lower(k).starts_with("claim")
            && matches!(self.lower(k + 1), "responsibility" | "credit")
    }

    /// A hyphen inside a word ("Kye-Gwan", "Inter-Governmental"), not a
    /// dash between words ("NEW YORK - Woody Allen's memoir").
    pub(crate) fn glued_hyphen(&self, k: usize) -> bool {
        self.lower(k) == "-"
            && k > 0
            && k + 1 < self.toks.len()
            && self.toks[k - 1].end == self.toks[k].start
            && self.toks[k].end == self.toks[k + 1].start
    }

    /// Whether the "of" at `of` closes "at (the) invitation of", "at the
    /// request of", "on the personal invitation of": what follows is on
    /// whose bidding something else happens (a visit, a deployment); the
    /// noun is no request of its own, nor owned by what follows.
    pub(crate) fn bidding_of(&self, of: usize) -> bool {
        if of < 2 || self.lower(of) != "of" || !super::lexicon::request_noun(self.lower(of - 1)) {
            return false;
        }
        // Past "the" and up to two adjectives to "at", "on" or "upon".
        let mut k = of - 1;
        while k > 0 && of - k <= 3 && !self.toks[k - 1].cap && self.lower(k - 1) != "the" {
            if matches!(self.lower(k - 1), "at" | "on" | "upon") {
                return true;
            }
            k -= 1;
        }
        k > 1 && self.lower(k - 1) == "the" && matches!(self.lower(k - 2), "at" | "on" | "upon")
    }

    /// Whether the "of" at `of` closes "as (a|the) guest(s) of": what
    /// follows is the host ("to pay the state visits as guest of Vietnamese
    /// Communist Party leader Nong Duc Manh").
    pub(crate) fn guest_of(&self, of: usize) -> bool {
        of >= 2
            && self.lower(of) == "of"
            && matches!(self.lower(of - 1), "guest" | "guests")
            && (self.lower(of - 2) == "as"
                || of >= 3
                    && matches!(self.lower(of - 2), "the" | "a")
                    && self.lower(of - 3) == "as")
    }

    /// The token that starts at byte `start` of the text (a mention's
    /// trigger, from its evidence).
    pub(crate) fn token_at(&self, start: usize) -> Option<usize> {
        self.toks.iter().position(|t| t.start == start)
    }

    /// The article text of tokens `t0..t1`.
    pub(crate) fn span_text<'a>(&self, text: &'a str, t0: usize, t1: usize) -> &'a str {
        if t0 >= t1 || t1 > self.toks.len() {
            return "";
        }
        &text[self.toks[t0].start..self.toks[t1 - 1].end]
    }
}

pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) sents: Vec<Sent>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str) -> Doc<'a> {
        let mut sents = Vec::new();
        for span in text::sentences(text) {
            let toks = text::tokenize(text, span.start, span.end);
            if toks.is_empty() {
                continue;
            }
            let heading = is_heading(&toks) || !line_is_prose(text, span.start);
            // A dateline opens a paragraph.
            let before = text[..span.start].trim_end_matches([' ', '\t']);
            let opens = before.is_empty() || before.ends_with('\n');
            let placed = if opens {
                place_dateline_end(text, &toks)
            } else {
                0
            };
            let body = dateline_end(&toks).max(placed);
            // A dateline's dash decoded as a quotation mark opens no quote.
            let quotes = if placed > 0 && toks[placed - 1].lower == "\"" {
                quote_spans(&toks[placed..])
                    .into_iter()
                    .map(|(a, b)| (a + placed, b + placed))
                    .collect()
            } else {
                quote_spans(&toks)
            };
            sents.push(Sent {
                start: span.start,
                end: span.end,
                toks,
                quotes,
                heading,
                body,
            });
        }
        Doc { text, sents }
    }
}

/// Body text ends its paragraph with sentence punctuation; a line that
/// does not is a headline, subhead, caption, byline or menu ("Home / World
/// News / ...", "By Trevor Hunnicutt", "3 min read").
fn line_is_prose(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = text[at..].find('\n').map(|i| at + i).unwrap_or(text.len());
    // A character lost in decoding after the last word ("Democrats.\u{FFFD}")
    // does not make a paragraph a heading.
    let line = text[start..end].trim_end_matches(|c: char| c.is_whitespace() || c == '\u{FFFD}');
    line.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ':' | ';'
        )
    })
}

/// The end of a dateline: a news agency in brackets within the first
/// tokens, and the dashes after it.
fn dateline_end(toks: &[Token]) -> usize {
    let limit = toks.len().min(16);
    for i in 0..limit {
        if toks[i].lower != "(" {
            continue;
        }
        let Some(close) = (i + 1..limit).find(|&k| toks[k].lower == ")") else {
            return 0;
        };
        let inside: Vec<&str> = toks[i + 1..close]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        // "BOSTON (WHDH) -": a station's call letters after a place in
        // capitals, or opening the story ("(KRON) — The mother of the
        // Oakland Zoo's gray wolf pack").
        let call_letters = close == i + 2
            && (i > 0 || toks[i + 1].lower.len() <= 5)
            && toks[i + 1].lower.len() >= 3
            && toks[i + 1].cap
            && toks[..i].iter().all(|t| t.kind != TokKind::Word || t.cap)
            && toks
                .get(close + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "-" | "—" | "–"));
        if call_letters || super::lexicon::is!("news_agencies", &inside.join(" ")) {
            let mut end = close + 1;
            while end < toks.len() && matches!(toks[end].lower.as_str(), "-" | "—" | "–" | ":")
            {
                end += 1;
            }
            return end;
        }
        return 0;
    }
    0
}

/// The end of a dateline of capitals and a dash: "NEW YORK - Woody
/// Allen's memoir", "PARIS — French President", "PARIS, April 8 — The
/// world athletics championships" (web pages of html/ whose agency is not
/// in brackets). Only capitals, commas, periods, month names and numbers
/// stand before the dash.
fn place_dateline_end(text: &str, toks: &[Token]) -> usize {
    let all_caps = |t: &Token| super::text::all_capitals(&text[t.start..t.end]);
    if !toks
        .first()
        .is_some_and(|t| t.kind == TokKind::Word && all_caps(t))
    {
        return 0;
    }
    for (k, t) in toks.iter().enumerate().take(10).skip(1) {
        let dash = |t: &Token| matches!(t.lower.as_str(), "-" | "—" | "–");
        // "LONDON \" AstraZeneca says": a page whose em dashes lost their
        // first two bytes in decoding shows a plain quotation mark, spaced,
        // before the story's first word.
        let decoded_dash = t.lower == "\""
            && toks
                .get(k + 1)
                .is_some_and(|n| n.cap && n.kind == TokKind::Word && n.start > t.end);
        if decoded_dash && t.start > toks[k - 1].end {
            return k + 1;
        }
        if dash(t) && t.start > toks[k - 1].end {
            // "HARARE, June 4 -- Zimbabwean": every dash of the run. A
            // second spaced dash soon after is a parenthesis ("NATO - the
            // Western alliance - condemned"), no dateline.
            let end = k + 1 + toks[k + 1..].iter().take_while(|t| dash(t)).count();
            let paired = toks[end..]
                .iter()
                .take(10)
                .enumerate()
                .any(|(j, x)| dash(x) && j > 0 && x.start > toks[end + j - 1].end);
            return if paired { 0 } else { end };
        }
        let fits = match t.kind {
            TokKind::Word => all_caps(t) || super::lexicon::at!("months", t),
            TokKind::Number => true,
            _ => matches!(t.lower.as_str(), "," | "."),
        };
        if !fits {
            return 0;
        }
    }
    0
}

/// Token ranges inside quotation marks; an unclosed quote runs to the end.
fn quote_spans(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.lower.as_str() {
            "“" => open = Some(i + 1),
            "”" => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            "\"" => match open.take() {
                Some(o) => out.push((o, i)),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, tokens.len()));
    }
    out
}

/// Section headings ("Ukraine Wants To Expand Attack Range") are title
/// case without final punctuation; their words are not clauses.
fn is_heading(toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks.iter().filter(|t| t.kind == TokKind::Word).collect();
    let last = toks.last().map(|t| t.lower.as_str()).unwrap_or("");
    if words.len() < 2 || matches!(last, "." | "!" | "?" | "\"" | "”" | "’" | "'") {
        return false;
    }
    let caps = words.iter().filter(|t| t.cap).count();
    caps * 10 >= words.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_quotes_and_headings() {
        let text = "Ukraine Wants To Expand Attack Range\nTrump said: \"We will meet.\" Then he left.\nNew line.";
        let d = Doc::new(text);
        assert_eq!(d.sents.len(), 4);
        assert!(d.sents[0].heading);
        assert!(!d.sents[1].heading);
        let s = &d.sents[1];
        let we = s.toks.iter().position(|t| t.lower == "we").unwrap();
        assert!(s.in_quote(we));
        assert!(!s.in_quote(0));
        assert_eq!(s.span_text(text, 0, 2), "Trump said");
    }

    #[test]
    fn characters_lost_in_decoding_are_neither_words_nor_headings() {
        // Saved pages whose no-break spaces and quotes were lost in decoding.
        let text = "Rep. Jared Golden\u{FFFD}of Maine wrote a letter.\n\nThe letter was signed by lawmakers, both Republicans and Democrats.\u{FFFD}";
        let d = Doc::new(text);
        assert!(d.sents.iter().all(|s| !s.heading));
        let words: Vec<&str> = d.sents[0].toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(&words[..6], ["rep", ".", "jared", "golden", "of", "maine"]);
    }

    #[test]
    fn datelines_of_capitals_and_a_dash_end_before_the_story() {
        let body = |text: &str| {
            let d = Doc::new(text);
            let s = &d.sents[0];
            s.toks.get(s.body).map(|t| t.lower.clone())
        };
        assert_eq!(
            body("NEW YORK - Woody Allen's memoir has a publisher.").as_deref(),
            Some("woody")
        );
        assert_eq!(
            body("PARIS, April 8 — The championships will move.").as_deref(),
            Some("the")
        );
        assert_eq!(
            body("HARARE, June 4 -- Zimbabwean leaders met.").as_deref(),
            Some("zimbabwean")
        );
        // Call letters alone; a dash decoded as a quotation mark.
        assert_eq!(
            body("(KRON) — The mother of the pack died.").as_deref(),
            Some("the")
        );
        assert_eq!(
            body("LONDON \" AstraZeneca says that trials showed it works.").as_deref(),
            Some("astrazeneca")
        );
        // A glued hyphen, lower-case words or no dash: no dateline.
        assert_eq!(body("NATO-led forces struck.").as_deref(), Some("nato"));
        assert_eq!(body("UN envoys - and others - met.").as_deref(), Some("un"));
        assert_eq!(
            body("NATO - the Western alliance - condemned Russia.").as_deref(),
            Some("nato")
        );
        // A paragraph's second sentence has no dateline.
        let d = Doc::new("It rained. PARIS - The talks began.");
        assert_eq!(d.sents[1].body, 0);
        let d = Doc::new("It rained.\nPARIS - The talks began.");
        assert_eq!(d.sents[1].toks[d.sents[1].body].lower, "the");
        assert_eq!(body("The US said - again - no.").as_deref(), Some("the"));
    }

    #[test]
    fn a_spaced_dash_is_no_hyphen() {
        let d = Doc::new("Kim Kye-Gwan met NEW YORK - Woody Allen.");
        let s = &d.sents[0];
        assert!(s.glued_hyphen(2));
        let spaced = s.toks.iter().rposition(|t| t.lower == "-").unwrap();
        assert!(!s.glued_hyphen(spaced));
    }
}
