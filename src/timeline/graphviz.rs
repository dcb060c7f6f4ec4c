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

/// A timeline drawn by `dot`.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Relations between events of one time slot left out because `dot`
    /// could not route them (0 when it drew them all).
    pub flat_relations_left_out: usize,
}

/// Draws a timeline with `dot`. When `dot` fails to route the relations
/// between events of the same time slot (a Graphviz bug with flat edges
/// in clusters under `newrank`), draws it again without them rather than
/// fail: the events and every other relation are still worth a picture.
pub fn render_timeline(tl: &super::Timeline, format: &str) -> Result<Rendered, TimelineError> {
    match render_with_dot(&tl.to_dot(), format) {
        Ok(bytes) => Ok(Rendered {
            bytes,
            flat_relations_left_out: 0,
        }),
        Err(TimelineError::DotFailed { stderr, status }) if is_routing_failure(&stderr) => {
            let (dot, left_out) = tl.to_dot_without_flat_relations();
            if left_out == 0 {
                return Err(TimelineError::DotFailed { status, stderr });
            }
            Ok(Rendered {
                bytes: render_with_dot(&dot, format)?,
                flat_relations_left_out: left_out,
            })
        }
        Err(e) => Err(e),
    }
}

/// Whether `dot`'s complaint is the edge-routing failure (the layout was
/// found; an edge could not be drawn), not a bad graph.
pub(crate) fn is_routing_failure(stderr: &str) -> bool {
    stderr.contains("Pshortestpath failed")
        || stderr.contains("in routesplines")
        || (stderr.contains("Error: lost ") && stderr.contains(" edge"))
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

    #[test]
    fn a_flat_edge_dot_cannot_route_is_told_apart_and_the_rest_renders() {
        let dot = include_str!("../../tests/data/timeline/flat-edge-lost.dot");
        match render_with_dot(dot, "svg") {
            Err(TimelineError::DotFailed { stderr, .. }) => {
                assert!(is_routing_failure(&stderr), "{stderr}");
            }
            // Another Graphviz may route it: the bug is geometric.
            Ok(_) | Err(TimelineError::DotNotFound) => {}
            Err(e) => panic!("{e}"),
        }
        // The same graph without its relations (the flat edge among them)
        // is drawn: what `render_timeline` falls back on.
        let without: Vec<&str> = dot
            .lines()
            .filter(|l| !l.contains("constraint=\"false\""))
            .collect();
        match render_with_dot(&without.join("\n"), "svg") {
            Ok(_) | Err(TimelineError::DotNotFound) => {}
            Err(e) => panic!("{e}"),
        }
        assert!(!is_routing_failure(
            "Error: <stdin>: syntax error in line 1 near '}'"
        ));
    }
}
