//! Syndicated copies: the same wire story republished with small edits
//! (another headline, a sentence added) must not count as independent
//! confirmation of its events.
//!
//! Each article gets a 64-bit SimHash of its word trigrams (Charikar 2002;
//! the near-duplicate test of Manku et al. 2007): texts that share most of
//! their trigrams differ in few bits, unrelated texts in about half. Pure:
//! text in, fingerprint out; the store keeps the fingerprints and the links.

/// Fingerprints at most this many bits apart are copies of one story. On
/// the 2,323 wire stories long enough to judge, the closest unrelated pairs
/// (daily market reports from one template) are 9 bits apart and true
/// copies 3 to 5.
pub(crate) const MAX_DISTANCE: u32 = 8;

/// Texts shorter than this many words are too short to call copies.
pub(crate) const MIN_WORDS: usize = 40;

fn fnv1a(bytes: &[u8]) -> u64 {
    // FNV-1a: stable across Rust versions, unlike the std hasher, which
    // matters because fingerprints are stored.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Combines two word hashes into the hash of the pair (order matters).
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(21) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // splitmix64 finaliser: every input bit reaches every output bit.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The SimHash of a text, or `None` when it is too short to judge.
pub fn fingerprint(text: &str) -> Option<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a(w.to_lowercase().as_bytes()))
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut weights = [0i32; 64];
    for tri in words.windows(3) {
        let h = mix(mix(tri[0], tri[1]), tri[2]);
        for (bit, w) in weights.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *w += 1;
            } else {
                *w -= 1;
            }
        }
    }
    let mut fp = 0u64;
    for (bit, w) in weights.iter().enumerate() {
        if *w > 0 {
            fp |= 1 << bit;
        }
    }
    Some(fp)
}

pub(crate) fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

pub(crate) fn is_copy(a: u64, b: u64) -> bool {
    distance(a, b) <= MAX_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "US President Donald Trump said he and Russian President Vladimir Putin \
        agreed on Thursday to another summit to discuss ending the war in Ukraine, one day before \
        the U.S. president was due to speak with Ukrainian leader Volodymyr Zelenskiy. Trump said \
        he and Putin would soon meet in Budapest after a more than two-hour-long phone call he \
        described as productive. The Kremlin did not immediately comment. The surprise development \
        came as Zelenskiy was headed to the White House on Friday to push for more military support.";

    #[test]
    fn a_lightly_edited_copy_is_a_copy_and_another_story_is_not() {
        let a = fingerprint(STORY).unwrap();
        let edited = STORY.replace("The Kremlin did not immediately comment. ", "")
            + " Reporting by Trevor Hunnicutt.";
        let b = fingerprint(&edited).unwrap();
        assert!(is_copy(a, b), "distance {}", distance(a, b));
        let other = "Malaysian share prices dipped 1.1 percent by midday Tuesday, with the market \
            barometer falling below the 1,200 support level for the first time in three months \
            following credit curbs and the fall on Wall Street, which was a double whammy for the \
            market already reeling from the central bank's curbs on bank lending, analysts said, \
            adding that investors were selling banking and property stocks.";
        let c = fingerprint(other).unwrap();
        assert!(!is_copy(a, c), "distance {}", distance(a, c));
        assert_eq!(fingerprint("too short"), None);
    }
}
