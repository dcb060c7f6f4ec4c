//! Reads that cannot be made to hang or to fill memory: every input is read
//! through `Read::take(limit + 1)`, so `/dev/zero`, an endless FIFO or a
//! JSON Lines "line" without end stops at the limit instead of at the end
//! of a stream that has none.

use std::io::{self, BufRead, Read};

/// What a bounded read found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Bounded {
    /// The whole input, within the limit.
    Whole(Vec<u8>),
    /// The input went past the limit; reading stopped there.
    OverLimit,
}

/// Reads all of `r` if it holds at most `limit` bytes.
pub(crate) fn read_to_limit<R: Read>(r: R, limit: usize) -> io::Result<Bounded> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() > limit {
        Bounded::OverLimit
    } else {
        Bounded::Whole(buf)
    })
}

/// One line of a line-oriented input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line (without its end) of at most the limit.
    Whole(Vec<u8>),
    /// A line past the limit, skipped up to its end.
    TooLong,
    /// A line past the limit whose end did not come within
    /// [`GIVE_UP_FACTOR`] times the limit: the rest of the input is not a
    /// sequence of lines and is not read.
    Endless,
    Eof,
}

/// How far past the limit a skipped line may run before the input is
/// given up: a real corpus line of 6 MiB is skipped and the next lines
/// read; a stream of zeros is not read for ever.
pub(crate) const GIVE_UP_FACTOR: u64 = 16;

/// Reads the next line of `r`, holding at most `limit` bytes in memory.
pub(crate) fn read_line<R: BufRead>(r: &mut R, limit: usize) -> io::Result<Line> {
    let mut buf = Vec::new();
    let n = r
        .by_ref()
        .take(limit as u64 + 1)
        .read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(Line::Whole(buf));
    }
    if buf.len() <= limit {
        // The last line, without a line end.
        return Ok(Line::Whole(buf));
    }
    // Over the limit: skip to the line's end, in bounded steps.
    let budget = (limit as u64).saturating_mul(GIVE_UP_FACTOR).max(1 << 20);
    let mut skipped = 0u64;
    loop {
        let (done, used) = {
            let available = r.fill_buf()?;
            if available.is_empty() {
                return Ok(Line::TooLong);
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, available.len()),
            }
        };
        r.consume(used);
        if done {
            return Ok(Line::TooLong);
        }
        skipped += used as u64;
        if skipped > budget {
            return Ok(Line::Endless);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_within_the_limit_and_stops_past_it() {
        assert_eq!(
            read_to_limit(&b"12345"[..], 5).unwrap(),
            Bounded::Whole(b"12345".to_vec())
        );
        assert_eq!(
            read_to_limit(&b"123456"[..], 5).unwrap(),
            Bounded::OverLimit
        );
        // An endless reader ends at once.
        assert_eq!(
            read_to_limit(io::repeat(0), 1000).unwrap(),
            Bounded::OverLimit
        );
    }

    #[test]
    fn lines_past_the_limit_are_skipped_and_the_next_read() {
        let mut r = &b"short\nmuch too long a line\r\nok\r\nlast"[..];
        assert_eq!(
            read_line(&mut r, 8).unwrap(),
            Line::Whole(b"short".to_vec())
        );
        assert_eq!(read_line(&mut r, 8).unwrap(), Line::TooLong);
        assert_eq!(read_line(&mut r, 8).unwrap(), Line::Whole(b"ok".to_vec()));
        assert_eq!(read_line(&mut r, 8).unwrap(), Line::Whole(b"last".to_vec()));
        assert_eq!(read_line(&mut r, 8).unwrap(), Line::Eof);
    }

    #[test]
    fn a_line_without_end_gives_up_the_input() {
        let mut r = io::BufReader::new(io::repeat(b'x'));
        assert_eq!(read_line(&mut r, 10).unwrap(), Line::Endless);
    }
}
