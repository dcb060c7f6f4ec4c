//! Running Graphviz's `dot` on our DOT text, when it is installed, for SVG
//! and PNG. Its absence is an error value the caller can fall back on (the
//! CLI then draws the pure-Rust SVG).

use std::io::Write as _;
use std::process::{Command, Stdio};

/// Errors from rendering with Graphviz.
#[derive(Debug, thiserror::Error)]
pub enum TimelineError {
    /// The `dot` executable is not on `PATH`.
    #[error(
        "Graphviz `dot` was not found on PATH; install graphviz or use the built-in SVG output"
    )]
    DotNotFound,
    /// `dot` ran but failed.
    #[error("`dot` failed with status {status}: {stderr}")]
    DotFailed {
        /// Exit status as text.
        status: String,
        /// What `dot` wrote to stderr.
        stderr: String,
    },
    /// The output format is not a plain format name.
    #[error("invalid Graphviz output format {0:?}")]
    BadFormat(String),
    /// Reading or writing the `dot` process failed.
    #[error("I/O error while running `dot`: {0}")]
    Io(#[from] std::io::Error),
}

/// Runs `dot -T{format}` on DOT text and returns its output.
///
/// Returns [`TimelineError::DotNotFound`] when `dot` is not on `PATH`.
pub fn render_with_dot(dot: &str, format: &str) -> Result<Vec<u8>, TimelineError> {
    run_graphviz("dot", dot, format)
}

fn run_graphviz(program: &str, dot: &str, format: &str) -> Result<Vec<u8>, TimelineError> {
    if format.is_empty()
        || !format
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '_')
    {
        return Err(TimelineError::BadFormat(format.to_string()));
    }
    let mut child = match Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(TimelineError::DotNotFound)
        }
        Err(e) => return Err(e.into()),
    };
    // Write stdin from a thread so a large output cannot dead-lock the pipes.
    let mut stdin = child.stdin.take().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::BrokenPipe, "dot stdin unavailable")
    })?;
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output()?;
    let write_result = writer
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
    if !out.status.success() {
        return Err(TimelineError::DotFailed {
            status: out.status.to_string(),
            stderr: truncate_bytes(&String::from_utf8_lossy(&out.stderr), 2000),
        });
    }
    write_result?;
    Ok(out.stdout)
}

/// At most `max` bytes of `s` (on a character boundary), saying how many
/// were left out: dot can write megabytes of rank dumps.
fn truncate_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes omitted)", &s[..end], s.len() - end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_dot_is_an_error_value() {
        assert!(matches!(
            run_graphviz("eventline-no-such-dot-binary", "digraph{}", "svg"),
            Err(TimelineError::DotNotFound)
        ));
        match render_with_dot("digraph { a -> }", "svg") {
            Err(TimelineError::DotFailed { stderr, .. }) => assert!(!stderr.is_empty()),
            Err(TimelineError::DotNotFound) => {}
            other => panic!("expected DotFailed, got {other:?}"),
        }
        assert!(matches!(
            render_with_dot("digraph{}", "svg;rm"),
            Err(TimelineError::BadFormat(_))
        ));
    }

    #[test]
    fn long_stderr_is_cut_on_a_character_boundary() {
        assert_eq!(truncate_bytes("short", 10), "short");
        assert_eq!(truncate_bytes("ééé", 3), "é… (4 bytes omitted)");
    }
}
