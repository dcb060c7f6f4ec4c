//! Progress of long runs on a terminal: a bar of input bytes with
//! articles/s, MB/s and the time left. Nothing at all when stderr is not a
//! terminal (logs, pipes, tests) or with `--quiet`, so outputs and logs
//! stay byte-identical.

use std::io::{IsTerminal, Read, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over bytes, counting articles beside them.
pub(crate) struct Progress {
    bar: ProgressBar,
    started: Instant,
    articles: u64,
}

impl Progress {
    /// `total` bytes to go through, if known; `noun` names the items.
    pub(crate) fn new(total: Option<u64>, quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            let template = if total.is_some() {
                "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{elapsed_precise} {spinner} {bytes} {binary_bytes_per_sec} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Progress {
            bar,
            started: Instant::now(),
            articles: 0,
        }
    }

    /// A bar over a count of things (`noun`) rather than bytes.
    pub(crate) fn counting(total: u64, noun: &str, quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let template = format!(
                "{{elapsed_precise}} [{{wide_bar}}] {{human_pos}}/{{human_len}} {noun} {{per_sec}} ETA {{eta}} {{msg}}"
            );
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Progress {
            bar,
            started: Instant::now(),
            articles: 0,
        }
    }

    /// `bytes` more of the input are done, holding `articles` articles.
    pub(crate) fn advance(&mut self, bytes: u64, articles: u64) {
        self.articles += articles;
        self.bar.inc(bytes);
        if articles > 0 && !self.bar.is_hidden() {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{} articles, {:.0}/s",
                self.articles,
                self.articles as f64 / secs
            ));
        }
    }

    /// A phase after the input (deriving events, compacting) says so.
    pub(crate) fn stage(&self, what: &'static str) {
        self.bar.set_message(what);
    }

    /// Clears the bar, before the run's report is printed.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }

    pub(crate) fn bar(&self) -> &ProgressBar {
        &self.bar
    }
}

/// A reader that advances a bar by the bytes read through it.
pub(crate) struct CountingReader<R> {
    pub(crate) inner: R,
    pub(crate) bar: ProgressBar,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

/// A writer that advances a bar by the bytes written through it.
pub(crate) struct CountingWriter<W> {
    pub(crate) inner: W,
    pub(crate) bar: ProgressBar,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
