//! Tokens: the cheap tokenisation the matchers walk, and the accessors they
//! read it through.
//!
//! Runs of ASCII letters, runs of ASCII digits and single other characters
//! (of any width) are tokens, so every token boundary is a UTF-8 character
//! boundary and every slice of the text taken at one is safe.

use super::calendar::digits;
use super::scanner::Tagger;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    W,
    N,
    P,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) k: K,
    /// Whitespace precedes the token.
    pub(crate) sp: bool,
    /// A blank line or line break precedes the token.
    pub(crate) nl: bool,
    /// First letter is upper case.
    pub(crate) cap: bool,
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut sp = true;
    let mut nl = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            sp = true;
            if c == b'\n' {
                nl = true;
            }
            i += 1;
            continue;
        }
        let s = i;
        let k = if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            K::W
        } else if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            K::N
        } else {
            // One character, whatever its width: keeps every offset on a char boundary.
            let w = match c {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            i = (i + w).min(b.len());
            while i < b.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            K::P
        };
        toks.push(Tok {
            s,
            e: i,
            k,
            sp,
            nl,
            cap: c.is_ascii_uppercase(),
        });
        sp = false;
        nl = false;
    }
    toks
}

impl Tagger<'_> {
    pub(crate) fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.low[t.s..t.e],
            None => "",
        }
    }

    pub(crate) fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.s..t.e],
            None => "",
        }
    }

    pub(crate) fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }

    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` directly follows token `i - 1` with no space.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp) && i > 0
    }

    pub(crate) fn num(&self, i: usize) -> Option<i64> {
        if self.kind(i) == Some(K::N) {
            digits(self.w(i))
        } else {
            None
        }
    }

    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// Skip an optional "." glued to an abbreviation.
    pub(crate) fn dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    pub(crate) fn sentence_break(&self, i: usize) -> bool {
        let w = self.w(i);
        if matches!(w, "?" | "!" | ";") {
            return true;
        }
        if i >= self.toks.len() {
            return true;
        }
        if w == "." {
            // An abbreviation dot ("Oct. 16") is followed by a lower-case word or a number.
            return self.toks.get(i + 1).is_none_or(|t| t.cap || t.nl);
        }
        self.toks.get(i).is_some_and(|t| t.nl)
    }
}
