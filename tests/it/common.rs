//! Helpers shared by integration tests.

/// xorshift64: reproducible random choices without a dependency, so a
/// failing seed reproduces.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}
