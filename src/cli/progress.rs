//! Progress of `kabar extract` on standard error.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What the progress display counts towards.
pub enum Total {
    /// Bytes of input as stored (the sum of the file sizes).
    Bytes(u64),
    /// Documents of this shard.
    Items(u64),
    Unknown,
}

/// Progress on standard error: a bar on a terminal, a line every
/// [`LOG_EVERY`] otherwise, nothing with `--quiet`.
pub enum Progress {
    Off,
    Bar(ProgressBar, bool),
    Log(Mutex<LogState>),
}

pub struct LogState {
    total: Total,
    started: Instant,
    last: Instant,
}

const LOG_EVERY: Duration = Duration::from_secs(10);

impl Progress {
    pub fn new(quiet: bool, total: Total) -> Progress {
        if quiet {
            return Progress::Off;
        }
        if !std::io::stderr().is_terminal() {
            let now = Instant::now();
            return Progress::Log(Mutex::new(LogState {
                total,
                started: now,
                last: now,
            }));
        }
        let (bar, template, by_items) = match total {
            Total::Bytes(n) => (
                ProgressBar::new(n),
                "{spinner} [{elapsed_precise}] [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
                false,
            ),
            Total::Items(n) => (
                ProgressBar::new(n),
                "{spinner} [{elapsed_precise}] [{wide_bar}] {human_pos}/{human_len} documents, {msg}, ETA {eta}",
                true,
            ),
            Total::Unknown => (
                ProgressBar::no_length(),
                "{spinner} [{elapsed_precise}] {decimal_bytes} read, {decimal_bytes_per_sec} {msg}",
                false,
            ),
        };
        bar.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress::Bar(bar, by_items)
    }

    /// Prints a line without breaking the bar.
    pub fn say(&self, line: &str) {
        match self {
            Progress::Bar(bar, _) => bar.suspend(|| say!("{line}")),
            _ => say!("{line}"),
        }
    }

    pub fn update(&self, documents: u64, read: u64, items: u64) {
        match self {
            Progress::Off => {}
            Progress::Bar(bar, by_items) => {
                if *by_items {
                    bar.set_position(items);
                    bar.set_message(format!("{:.1} MB read", read as f64 / 1e6));
                } else {
                    bar.set_position(read);
                    bar.set_message(format!("{documents} documents"));
                }
            }
            Progress::Log(state) => {
                let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
                if st.last.elapsed() < LOG_EVERY {
                    return;
                }
                st.last = Instant::now();
                let secs = st.started.elapsed().as_secs_f64().max(1e-9);
                let mb = read as f64 / 1e6;
                let (done, total) = match st.total {
                    Total::Bytes(t) => (read as f64, t as f64),
                    Total::Items(t) => (items as f64, t as f64),
                    Total::Unknown => (0.0, 0.0),
                };
                let mut line = format!(
                    "kabar: {documents} documents, {mb:.1} MB read, {:.1} MB/s",
                    mb / secs
                );
                if total > 0.0 && done > 0.0 {
                    let eta = secs * (total - done).max(0.0) / done;
                    line += &format!(
                        ", {:.0}% done, ETA {}",
                        100.0 * done / total,
                        indicatif::HumanDuration(Duration::from_secs_f64(eta))
                    );
                }
                say!("{line}");
            }
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar, _) = self {
            bar.finish_and_clear();
        }
    }
}
