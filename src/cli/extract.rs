//! `kabar extract`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use kabar::batch::{self, BatchOptions, Event, Outputs, RunStats};
use kabar::input::{self, Format, Reader, ReaderOptions};
use kabar::output::{self, ENTITY_COLUMNS, OutputOptions, RowWriter, Sink, TRIPLE_COLUMNS};
use kabar::tsv::Severity;
use kabar::{GazetteerBuilder, Pipeline};

use super::{ExtractArgs, LangArg, OutFormat, StdinFormat};

/// `--shard K/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shard {
    pub k: u64,
    pub n: u64,
}

/// Parses `K/N` with `1 <= K <= N`.
pub fn parse_shard(s: &str) -> Result<Shard, String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("`{s}` is not K/N (e.g. 2/8)"))?;
    let num = |x: &str| {
        x.trim()
            .parse::<u64>()
            .map_err(|_| format!("`{s}` is not K/N (e.g. 2/8): `{x}` is not a number"))
    };
    let (k, n) = (num(k)?, num(n)?);
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: K must be between 1 and N"));
    }
    Ok(Shard { k, n })
}

/// Parses a size: bytes, or a number with K, M, G or T (optionally followed
/// by B or iB; all powers of 1024), case-insensitive: `64MB`, `1.5g`, `4096`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 64MB, 1GB, 500000)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        u => return Err(format!("`{s}`: unknown unit `{u}` (use K, M, G or T)")),
    };
    let bytes = value * (1u64 << shift) as f64;
    if !(1.0..1.8e19).contains(&bytes) {
        return Err(format!("`{s}`: the size must be at least 1 byte"));
    }
    Ok(bytes as u64)
}

/// `--section-size`: a size of at least 4 KB (a section must hold whole
/// sentences; smaller ones would cut most of them).
pub fn parse_section_size(s: &str) -> Result<u64, String> {
    let bytes = parse_size(s)?;
    if bytes < 4096 {
        return Err(format!("`{s}`: a section must be at least 4KB"));
    }
    Ok(bytes)
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.inputs.is_empty() {
        bail!(
            "no input: give files or folders to read (e.g. `kabar extract seeds`), or `-` to read standard input"
        );
    }
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    if args.shard.is_some() && args.inputs.iter().any(|i| i.as_os_str() == "-") {
        bail!(
            "--shard cannot read standard input: every shard must be able to count the same inputs; give files or folders"
        );
    }
    let mut failed = false;

    // Gazetteers: defaults, then the user's files on top.
    let mut gb = GazetteerBuilder::new();
    if !args.no_default_gazetteers {
        gb.add_default_entities();
    }
    gb.add_default_lexicons();
    for p in &args.gazetteer {
        if let Err(e) = gb.add_path(p) {
            eprintln!("kabar: {e}");
            failed = true;
        }
    }
    let (gaz, diags) = gb.build();
    for d in &diags {
        if d.severity == Severity::Error {
            eprintln!("kabar: {d}");
            failed = true;
        }
    }
    let pipeline = Pipeline::builder()
        .gazetteer(Arc::new(gaz))
        .cooccurrence(args.cooccurrence)
        .entities_only(args.no_triples)
        .lang(match args.lang {
            LangArg::Auto => None,
            LangArg::Id => Some(kabar::Lang::Id),
            LangArg::En => Some(kabar::Lang::En),
        })
        .build();

    // Signals, before any temporary file exists.
    let interrupt = Interrupt::install();

    // Inputs.
    let stdin_format = match args.stdin_format {
        StdinFormat::Text => Format::Text,
        StdinFormat::Jsonl => Format::Jsonl,
    };
    let expanded = input::expand(&args.inputs, stdin_format);
    for e in &expanded.errors {
        eprintln!("kabar: {e}");
    }
    if !expanded.skipped.is_empty() {
        eprintln!(
            "kabar: skipped {} file(s) in folders that are not *.txt or *.jsonl (plain, .gz or .zst) (first: {})",
            expanded.skipped.len(),
            expanded.skipped[0].display()
        );
    }

    // Outputs: every file is written under a temporary name first.
    let format = match args.format {
        OutFormat::Csv => output::Format::Csv,
        OutFormat::Jsonl => output::Format::Jsonl,
    };
    // A writer for `path` (standard output when `None`).
    let writer = |path: Option<&Path>, what: &str, columns| -> anyhow::Result<RowWriter> {
        let sink = output::open_sink(path).with_context(|| {
            format!(
                "cannot create the {what} file {}",
                path.unwrap_or("-".as_ref()).display()
            )
        })?;
        Ok(RowWriter::new(sink, columns, format)?)
    };
    let triples = if args.no_triples {
        None
    } else {
        Some(writer(args.triples.as_deref(), "triples", TRIPLE_COLUMNS)?)
    };
    // With --no-triples and no --entities, the entities take standard output.
    let entities = if args.entities.is_some() || args.no_triples {
        Some(writer(
            args.entities.as_deref(),
            "entities",
            ENTITY_COLUMNS,
        )?)
    } else {
        None
    };
    let mut outputs = Outputs {
        triples,
        entities,
        options: OutputOptions {
            format,
            formula_escape: !args.no_formula_escape,
        },
    };
    let mut stats_sink = match &args.stats {
        Some(p) => Some(
            Sink::file(p)
                .with_context(|| format!("cannot create the stats file {}", p.display()))?,
        ),
        None => None,
    };
    interrupt.remove_on_second_signal(
        [outputs.triples.as_ref(), outputs.entities.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|w| w.temp_path())
            .chain(stats_sink.as_ref().and_then(|s| s.temp_path()))
            .map(PathBuf::from)
            .collect(),
    );

    // Which documents: all, or one shard's contiguous range.
    let mut reader_options = ReaderOptions {
        max_doc_size: Some(args.max_doc_size),
        ..ReaderOptions::default()
    };
    let mut shard_info = None;
    if let Some(shard) = args.shard {
        let Some(total) = input::count_items(
            expanded.sources.clone(),
            &reader_options,
            Some(Arc::clone(&interrupt.flag)),
        ) else {
            return Ok(interrupt.exit(&args));
        };
        let range = input::shard_range(shard.k, shard.n, total);
        shard_info = Some(ShardInfo {
            k: shard.k,
            n: shard.n,
            first_document: range.start,
            end_document: range.end,
            total_documents: total,
        });
        reader_options.items = Some(range);
    }

    let progress = Progress::new(
        args.quiet,
        match &shard_info {
            Some(s) => Total::Items(s.end_document - s.first_document),
            None => expanded.total_bytes.map_or(Total::Unknown, Total::Bytes),
        },
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let reader = Reader::with_options(expanded.sources, reader_options);
    let batch_options = BatchOptions {
        stop: Some(Arc::clone(&interrupt.flag)),
        section_bytes: usize::try_from(args.section_size)
            .unwrap_or(usize::MAX)
            .max(1),
        ..BatchOptions::default()
    };
    let result = pool.install(|| {
        batch::run(
            &pipeline,
            reader,
            &mut outputs,
            batch_options,
            |ev| match ev {
                Event::Warning(w) => progress.say(&format!("kabar: warning: {w}")),
                Event::Failed(e) => progress.say(&format!("kabar: {e}")),
                Event::Skipped(s) => progress.say(&format!("kabar: warning: {s}")),
                Event::Progress {
                    documents,
                    read,
                    items,
                    ..
                } => progress.update(documents, read, items),
            },
        )
    });
    progress.finish();
    // The pipeline's tables (gazetteer, phrase sets, lexicons: tens of
    // thousands of allocations) are not freed one by one: the process ends
    // soon after and the system takes the memory back at once. Saves a few
    // milliseconds of every run.
    std::mem::forget(pipeline);
    let mut stats = match result {
        Err(e) if batch::is_interrupted(&e) => return Ok(interrupt.exit(&args)),
        r => r?,
    };
    if interrupt.flag.load(Ordering::SeqCst) {
        return Ok(interrupt.exit(&args));
    }

    // Inputs that could not even be listed count as failed too.
    for e in &expanded.errors {
        stats.add_failed(e);
    }
    let exit = if failed || stats.failed_inputs > 0 {
        1
    } else {
        0
    };

    // Flush every output before any file takes its final name.
    for w in [outputs.triples.as_mut(), outputs.entities.as_mut()]
        .into_iter()
        .flatten()
    {
        w.flush().context("cannot write the output")?;
    }
    if let Some(sink) = stats_sink.as_mut() {
        let report = StatsReport {
            kabar_version: env!("CARGO_PKG_VERSION"),
            shard: shard_info,
            max_doc_size: args.max_doc_size,
            mb_per_sec: stats.mb_per_sec(),
            exit_code: exit,
            run: &stats,
        };
        let mut json = serde_json::to_vec_pretty(&report)?;
        json.push(b'\n');
        sink.write_all(&json)
            .context("cannot write the stats file")?;
        sink.flush().context("cannot write the stats file")?;
    }
    for w in [outputs.triples.take(), outputs.entities.take()]
        .into_iter()
        .flatten()
    {
        w.finish().context("cannot finish the output")?;
    }
    if let Some(sink) = stats_sink.take() {
        sink.finish().context("cannot finish the stats file")?;
    }
    interrupt.remove_on_second_signal(Vec::new());

    if !args.quiet {
        eprintln!(
            "kabar: {} documents, {} sentences, {} entity mentions, {} triples; {:.2} MB in {:.2} s ({:.1} MB/s); {} input(s) failed, {} skipped",
            stats.documents,
            stats.sentences,
            stats.mentions,
            stats.triples,
            stats.megabytes(),
            stats.elapsed.as_secs_f64(),
            stats.mb_per_sec(),
            stats.failed_inputs,
            stats.skipped_inputs,
        );
    }
    Ok(ExitCode::from(exit))
}

/// The `--stats` file: the run's counts and what the run was.
#[derive(Serialize)]
struct StatsReport<'a> {
    kabar_version: &'static str,
    shard: Option<ShardInfo>,
    max_doc_size: u64,
    /// Megabytes (10^6 bytes) of document text per second.
    mb_per_sec: f64,
    exit_code: u8,
    #[serde(flatten)]
    run: &'a RunStats,
}

#[derive(Debug, Clone, Copy, Serialize)]
struct ShardInfo {
    k: u64,
    n: u64,
    /// The shard's documents are those with index `first_document` up to
    /// `end_document` (exclusive), counted from 0 over all inputs.
    first_document: u64,
    end_document: u64,
    total_documents: u64,
}

/// Ctrl-C (SIGINT) and SIGTERM. The first signal sets `flag`, which the run
/// looks at between documents; the run then stops, its temporary files are
/// removed as the outputs are dropped, and kabar exits with 128 + the
/// signal's number (130 for Ctrl-C). A second signal removes the temporary
/// files at once and exits.
struct Interrupt {
    flag: Arc<AtomicBool>,
    signal: Arc<AtomicI32>,
    temp_files: Arc<Mutex<Vec<PathBuf>>>,
}

impl Interrupt {
    fn install() -> Interrupt {
        let it = Interrupt {
            flag: Arc::new(AtomicBool::new(false)),
            signal: Arc::new(AtomicI32::new(0)),
            temp_files: Arc::new(Mutex::new(Vec::new())),
        };
        #[cfg(unix)]
        if let Err(e) = it.listen() {
            eprintln!("kabar: warning: cannot handle Ctrl-C: {e}");
        }
        it
    }

    #[cfg(unix)]
    fn listen(&self) -> std::io::Result<()> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
        let (flag, signal, temp_files) = (
            Arc::clone(&self.flag),
            Arc::clone(&self.signal),
            Arc::clone(&self.temp_files),
        );
        std::thread::Builder::new()
            .name("kabar-signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    if !flag.load(Ordering::SeqCst) {
                        signal.store(sig, Ordering::SeqCst);
                        flag.store(true, Ordering::SeqCst);
                        eprintln!(
                            "kabar: interrupted: stopping after the current documents (again to quit at once)"
                        );
                        continue;
                    }
                    let files = temp_files.lock().unwrap_or_else(|e| e.into_inner());
                    for f in files.iter() {
                        let _ = std::fs::remove_file(f);
                    }
                    std::process::exit(128 + sig);
                }
            })?;
        Ok(())
    }

    /// The temporary files to remove if a second signal comes.
    fn remove_on_second_signal(&self, files: Vec<PathBuf>) {
        *self.temp_files.lock().unwrap_or_else(|e| e.into_inner()) = files;
    }

    /// The exit of an interrupted run (outputs are dropped by the caller's
    /// return, which removes their temporary files).
    fn exit(&self, args: &ExtractArgs) -> ExitCode {
        let sig = self.signal.load(Ordering::SeqCst);
        let files: Vec<String> = [&args.triples, &args.entities, &args.stats]
            .into_iter()
            .flatten()
            .filter(|p| p.as_os_str() != "-")
            .map(|p| p.display().to_string())
            .collect();
        if files.is_empty() {
            eprintln!("kabar: interrupted");
        } else {
            eprintln!("kabar: interrupted; not written: {}", files.join(", "));
        }
        ExitCode::from(
            u8::try_from(128 + sig)
                .ok()
                .filter(|&c| c > 128)
                .unwrap_or(130),
        )
    }
}

/// What the progress display counts towards.
enum Total {
    /// Bytes of input as stored (the sum of the file sizes).
    Bytes(u64),
    /// Documents of this shard.
    Items(u64),
    Unknown,
}

/// Progress on standard error: a bar on a terminal, a line every
/// [`LOG_EVERY`] otherwise, nothing with `--quiet`.
enum Progress {
    Off,
    Bar(ProgressBar, bool),
    Log(Mutex<LogState>),
}

struct LogState {
    total: Total,
    started: Instant,
    last: Instant,
}

const LOG_EVERY: Duration = Duration::from_secs(10);

impl Progress {
    fn new(quiet: bool, total: Total) -> Progress {
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
    fn say(&self, line: &str) {
        match self {
            Progress::Bar(bar, _) => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    fn update(&self, documents: u64, read: u64, items: u64) {
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
                eprintln!("{line}");
            }
        }
    }

    fn finish(&self) {
        if let Progress::Bar(bar, _) = self {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64MB"), Ok(64 << 20));
        assert_eq!(parse_size("64mb"), Ok(64 << 20));
        assert_eq!(parse_size("1GB"), Ok(1 << 30));
        assert_eq!(parse_size("1.5 GiB"), Ok(3 << 29));
        assert_eq!(parse_size("20K"), Ok(20 << 10));
        assert!(parse_size("0").is_err());
        assert!(parse_size("MB").is_err());
        assert!(parse_size("12 parsecs").is_err());
    }

    #[test]
    fn shards_parse_as_k_of_n() {
        assert_eq!(parse_shard("2/8"), Ok(Shard { k: 2, n: 8 }));
        assert_eq!(parse_shard("1/1"), Ok(Shard { k: 1, n: 1 }));
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", "1/2/3"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
    }
}
