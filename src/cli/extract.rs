//! `kabar extract`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use anyhow::{Context, bail};
use serde::Serialize;

use kabar::Severity;
use kabar::batch::{self, BatchOptions, Event, Outputs, RunStats};
use kabar::input::{self, Expanded, Format, Reader, ReaderOptions};
use kabar::output::{
    self, ENTITY_COLUMNS, EVENT_COLUMNS, OutputOptions, RowWriter, Sink, TRIPLE_COLUMNS,
};
use kabar::{GazetteerBuilder, NameModel, Pipeline};

use super::progress::{Progress, Total};
use super::signals::Interrupt;
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

/// `kabar extract`'s arguments, checked and resolved: what the run reads,
/// how, and where it writes. Built before any work is done.
struct Config {
    inputs: Vec<PathBuf>,
    stdin_format: Format,
    /// `None`: no triples (`--no-triples`); `Some(None)`: standard output.
    triples: Option<Option<PathBuf>>,
    /// `None`: no entities; `Some(None)`: standard output.
    entities: Option<Option<PathBuf>>,
    /// `None`: no events; `Some(None)`: standard output.
    events: Option<Option<PathBuf>>,
    /// `--xlsx`: the workbook (a file).
    xlsx: Option<PathBuf>,
    stats: Option<PathBuf>,
    output: OutputOptions,
    threads: usize,
    shard: Option<Shard>,
    max_doc_size: u64,
    section_bytes: usize,
    quiet: bool,
    /// `--date`: the year of documents without a date of their own.
    year: Option<u16>,
    gazetteer: GazetteerConfig,
}

/// Which gazetteers, and how the pipeline runs.
struct GazetteerConfig {
    defaults: bool,
    paths: Vec<PathBuf>,
    cooccurrence: bool,
    /// `--min-confidence` (0: every triple).
    min_confidence: f32,
    entities_only: bool,
    lang: Option<kabar::Lang>,
    /// The name tagger: `None` the compiled-in model, `Some(None)` none.
    model: Option<Option<Arc<kabar::NameModel>>>,
}

impl Config {
    fn new(args: ExtractArgs) -> anyhow::Result<Config> {
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
        let model = match (&args.model, args.no_model) {
            (_, true) => Some(None),
            (Some(path), false) => Some(Some(Arc::new(
                kabar::NameModel::load(path).map_err(|e| anyhow::anyhow!("--model: {e}"))?,
            ))),
            (None, false) => None,
        };
        let file = |p: Option<PathBuf>| p.filter(|p| p.as_os_str() != "-");
        let triples = (!args.no_triples).then(|| file(args.triples));
        // With --no-triples and no --entities, the entities take standard output.
        let entities = (args.entities.is_some() || args.no_triples).then(|| file(args.entities));
        let events = args.events.is_some().then(|| file(args.events));
        if args.xlsx.as_ref().is_some_and(|p| p.as_os_str() == "-") {
            bail!("--xlsx needs a file: a workbook is not written to standard output");
        }
        let stdout_outputs = [&triples, &entities, &events]
            .iter()
            .filter(|o| matches!(o, Some(None)))
            .count();
        if events.is_some() && stdout_outputs > 1 {
            bail!(
                "--events and the triples (or entities) would both go to standard output: give --triples FILE (or --entities FILE), or --events FILE"
            );
        }
        let config = Config {
            inputs: args.inputs,
            stdin_format: match args.stdin_format {
                StdinFormat::Text => Format::Text,
                StdinFormat::Jsonl => Format::Jsonl,
            },
            triples,
            entities,
            events,
            xlsx: args.xlsx,
            stats: args.stats,
            output: OutputOptions {
                format: match args.format {
                    OutFormat::Csv => output::Format::Csv,
                    OutFormat::Jsonl => output::Format::Jsonl,
                },
                formula_escape: !args.no_formula_escape,
            },
            threads: args.threads.unwrap_or(0),
            shard: args.shard,
            max_doc_size: args.max_doc_size,
            section_bytes: usize::try_from(args.section_size)
                .unwrap_or(usize::MAX)
                .max(1),
            quiet: args.quiet,
            year: args.date,
            gazetteer: GazetteerConfig {
                defaults: !args.no_default_gazetteers,
                paths: args.gazetteer,
                cooccurrence: args.cooccurrence,
                min_confidence: args.min_confidence.unwrap_or(0.0),
                entities_only: args.no_triples,
                model,
                lang: match args.lang {
                    LangArg::Auto => None,
                    LangArg::Id => Some(kabar::Lang::Id),
                    LangArg::En => Some(kabar::Lang::En),
                },
            },
        };
        config.check_outputs_apart()?;
        Ok(config)
    }

    /// The output files by the option that names them.
    fn named_outputs(&self) -> Vec<(&'static str, &Path)> {
        [
            (
                "--triples",
                self.triples.as_ref().and_then(Option::as_deref),
            ),
            (
                "--entities",
                self.entities.as_ref().and_then(Option::as_deref),
            ),
            ("--events", self.events.as_ref().and_then(Option::as_deref)),
            ("--xlsx", self.xlsx.as_deref()),
            ("--stats", self.stats.as_deref()),
        ]
        .into_iter()
        .filter_map(|(name, p)| Some((name, p?)))
        .collect()
    }

    /// Refuses two outputs that are one file, however spelt (a link to
    /// it, `out/../out/x.csv`): the one finished last would replace the
    /// other. Devices and pipes (`/dev/null`) may be shared.
    fn check_outputs_apart(&self) -> anyhow::Result<()> {
        let outs = self.named_outputs();
        let target = |p: &Path| match std::fs::metadata(p) {
            Ok(m) if !m.is_file() => None,
            _ => output::resolve_path(p).ok(),
        };
        let targets: Vec<Option<PathBuf>> = outs.iter().map(|(_, p)| target(p)).collect();
        for (i, (a, pa)) in outs.iter().enumerate() {
            for (j, (b, pb)) in outs.iter().enumerate().skip(i + 1) {
                let same = match (&targets[i], &targets[j]) {
                    (Some(x), Some(y)) => {
                        x == y || same_file::is_same_file(pa, pb).unwrap_or(false)
                    }
                    _ => false,
                };
                if same {
                    bail!(
                        "{a} {} and {b} {} are the same file: one would overwrite the other; give each output its own file",
                        pa.display(),
                        pb.display()
                    );
                }
            }
        }
        Ok(())
    }

    /// Refuses an output that is one of the inputs: it would be replaced
    /// by the rows read from it. Inputs named on the command line are
    /// compared with every output; files found in folders, when their
    /// name is the output's.
    fn check_outputs_not_inputs(&self, sources: &[input::Source]) -> anyhow::Result<()> {
        for (option, out) in self.named_outputs() {
            if !std::fs::metadata(out).is_ok_and(|m| m.is_file()) {
                continue;
            }
            let name = output::resolve_path(out)
                .ok()
                .and_then(|p| p.file_name().map(ToOwned::to_owned));
            let candidates =
                self.inputs
                    .iter()
                    .map(PathBuf::as_path)
                    .chain(sources.iter().filter_map(|s| match s {
                        input::Source::File { path, .. } if path.file_name() == name.as_deref() => {
                            Some(path.as_path())
                        }
                        _ => None,
                    }));
            for input in candidates {
                if same_file::is_same_file(input, out).unwrap_or(false) {
                    bail!(
                        "{option} {} is also an input ({}): it would be overwritten; write the output elsewhere",
                        out.display(),
                        input.display()
                    );
                }
            }
        }
        Ok(())
    }

    /// The output files the user named (not standard output).
    fn files(&self) -> Vec<String> {
        self.named_outputs()
            .into_iter()
            .filter(|(_, p)| p.as_os_str() != "-")
            .map(|(_, p)| p.display().to_string())
            .collect()
    }
}

impl GazetteerConfig {
    /// The pipeline, with the defaults and then the user's files on top;
    /// `true` when a gazetteer file had an error (reported here).
    fn pipeline(&self) -> (Pipeline, bool) {
        // The compiled-in tagger model is read on another thread while the
        // gazetteers load (start-up).
        let reading = self
            .model
            .is_none()
            .then(|| {
                std::thread::Builder::new()
                    .spawn(|| drop(NameModel::builtin()))
                    .ok()
            })
            .flatten();
        let mut failed = false;
        let mut gb = GazetteerBuilder::new();
        if self.defaults {
            gb.add_default_entities();
        }
        gb.add_default_lexicons();
        for p in &self.paths {
            if let Err(e) = gb.add_path(p) {
                say!("kabar: {e}");
                failed = true;
            }
        }
        let (gaz, diags) = gb.build();
        for d in &diags {
            if d.severity == Severity::Error {
                say!("kabar: {d}");
                failed = true;
            }
        }
        let mut builder = Pipeline::builder();
        builder
            .gazetteer(Arc::new(gaz))
            .cooccurrence(self.cooccurrence)
            .min_confidence(self.min_confidence)
            .entities_only(self.entities_only)
            .lang(self.lang);
        match &self.model {
            Some(Some(m)) => builder.model(m.clone()),
            Some(None) => builder.tagger(false),
            None => &mut builder,
        };
        let pipeline = builder.build();
        if let Some(r) = reading {
            // (A panic there has been met again by `build`.)
            let _ = r.join();
        }
        (pipeline, failed)
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let config = Config::new(args)?;
    let (pipeline, gazetteer_failed) = config.gazetteer.pipeline();
    // Signals, before any temporary file exists.
    let interrupt = Interrupt::install();
    let Some(expanded) = expand_inputs(&config, &interrupt) else {
        return Ok(interrupt.exit(&config.files()));
    };
    config.check_outputs_not_inputs(&expanded.sources)?;
    let mut outputs = open_outputs(&config, &interrupt)?;
    let Some((reader, shard_info)) = select(&config, expanded.sources.clone(), &interrupt) else {
        return Ok(interrupt.exit(&config.files()));
    };
    let progress = Progress::new(
        config.quiet,
        match &shard_info {
            Some(s) => Total::Items(s.end_document - s.first_document),
            None => expanded.total_bytes.map_or(Total::Unknown, Total::Bytes),
        },
    );
    let result = process(
        &config,
        &pipeline,
        reader,
        &mut outputs.rows,
        &interrupt,
        &progress,
    );
    progress.finish();
    let result = result?;
    // The pipeline's tables (gazetteer, phrase sets, lexicons: tens of
    // thousands of allocations) are not freed one by one: the process ends
    // soon after and the system takes the memory back at once. Saves a few
    // milliseconds of every run.
    std::mem::forget(pipeline);
    let mut stats = match result {
        Err(e) if batch::is_interrupted(&e) => return Ok(interrupt.exit(&config.files())),
        r => r?,
    };
    if interrupt.flag.load(Ordering::SeqCst) {
        return Ok(interrupt.exit(&config.files()));
    }
    // Inputs that could not even be listed count as failed too.
    for e in &expanded.errors {
        stats.add_failed(e);
    }
    stats.warnings += expanded.warnings.len() as u64;
    let exit = u8::from(gazetteer_failed || stats.failed_inputs > 0);
    let report = StatsReport {
        kabar_version: env!("CARGO_PKG_VERSION"),
        shard: shard_info,
        max_doc_size: config.max_doc_size,
        mb_per_sec: stats.mb_per_sec(),
        exit_code: exit,
        run: &stats,
    };
    outputs.finish(&report)?;
    interrupt.remove_on_second_signal(Vec::new());
    if !config.quiet {
        say!(
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

/// The sources of the inputs; problems listing them are reported here.
/// `None` when a signal stopped the walk.
fn expand_inputs(config: &Config, interrupt: &Interrupt) -> Option<Expanded> {
    let expanded = input::expand_until(&config.inputs, config.stdin_format, &interrupt.flag)?;
    for e in &expanded.errors {
        say!("kabar: {e}");
    }
    for w in &expanded.warnings {
        say!("kabar: warning: {w}");
    }
    if !expanded.skipped.is_empty() {
        say!(
            "kabar: skipped {} file(s) in folders that are not *.txt or *.jsonl (plain, .gz or .zst) (first: {})",
            expanded.skipped.len(),
            expanded.skipped[0].display()
        );
    }
    Some(expanded)
}

/// The run's outputs, open under temporary names.
struct OpenOutputs {
    rows: Outputs,
    stats: Option<Sink>,
}

/// Opens every output (files under a temporary name first) and tells the
/// signal handler which temporary files to remove.
fn open_outputs(config: &Config, interrupt: &Interrupt) -> anyhow::Result<OpenOutputs> {
    for (_, path) in config.named_outputs() {
        for stale in output::remove_stale_partials(path) {
            say!(
                "kabar: warning: removed {}, left by an earlier run that was killed",
                stale.display()
            );
        }
    }
    let format = config.output.format;
    // A writer for `path` (standard output when `None`).
    let writer = |path: &Option<PathBuf>, what: &str, columns| -> anyhow::Result<RowWriter> {
        let sink = output::open_sink(path.as_deref()).with_context(|| {
            format!(
                "cannot create the {what} file {}",
                path.as_deref().unwrap_or("-".as_ref()).display()
            )
        })?;
        Ok(RowWriter::new(sink, columns, format)?)
    };
    let mut rows = Outputs {
        triples: match &config.triples {
            Some(p) => Some(writer(p, "triples", TRIPLE_COLUMNS)?),
            None => None,
        },
        entities: match &config.entities {
            Some(p) => Some(writer(p, "entities", ENTITY_COLUMNS)?),
            None => None,
        },
        events: match &config.events {
            Some(p) => Some(writer(p, "events", EVENT_COLUMNS)?),
            None => None,
        },
        workbook: match &config.xlsx {
            Some(p) => Some(
                Sink::file(p)
                    .and_then(kabar::xlsx::Workbook::new)
                    .with_context(|| format!("cannot create the workbook {}", p.display()))?,
            ),
            None => None,
        },
        options: config.output,
    };
    // With files to finish, a closed standard output (`| head`) ends only
    // the rows written there: the run goes on for the files.
    if !config.files().is_empty() {
        for w in rows.writers_mut() {
            w.outlive_closed_stdout();
        }
    }
    let stats = match &config.stats {
        Some(p) => Some(
            Sink::file(p)
                .with_context(|| format!("cannot create the stats file {}", p.display()))?,
        ),
        None => None,
    };
    interrupt.remove_on_second_signal(
        rows.writers()
            .filter_map(|(_, w)| w.temp_path())
            .chain(rows.workbook.as_ref().and_then(|w| w.temp_path()))
            .chain(stats.as_ref().and_then(|s| s.temp_path()))
            .map(PathBuf::from)
            .collect(),
    );
    Ok(OpenOutputs { rows, stats })
}

impl OpenOutputs {
    /// Flushes every output before any file takes its final name, then
    /// writes the stats and moves each file into place.
    fn finish(mut self, report: &StatsReport<'_>) -> anyhow::Result<()> {
        for (what, w) in self.rows.writers() {
            if w.is_closed() {
                say!(
                    "kabar: warning: standard output was closed: the {what} written there are incomplete; the output files are complete"
                );
            }
        }
        for w in self.rows.writers_mut() {
            w.flush().context("cannot write the output")?;
        }
        let book = match self.rows.workbook.take() {
            Some(book) => {
                let summary = workbook_summary(report.run, &book);
                Some(book.write(&summary).context("cannot write the workbook")?)
            }
            None => None,
        };
        if let Some(sink) = self.stats.as_mut() {
            let mut json = serde_json::to_vec_pretty(report)?;
            json.push(b'\n');
            sink.write_all(&json)
                .context("cannot write the stats file")?;
            sink.flush().context("cannot write the stats file")?;
        }
        for w in self.rows.take_writers() {
            w.finish().context("cannot finish the output")?;
        }
        if let Some(sink) = self.stats.take() {
            sink.finish().context("cannot finish the stats file")?;
        }
        if let Some(sink) = book {
            sink.finish().context("cannot finish the workbook")?;
        }
        Ok(())
    }
}

/// The `summary` sheet of the workbook: the run's counts, the rows of each
/// sheet, then the triples per relation and the mentions per type (the
/// run's own counts, by name).
fn workbook_summary(run: &RunStats, book: &kabar::xlsx::Workbook) -> Vec<(String, f64)> {
    let mut facts: Vec<(String, f64)> = [
        ("documents", run.documents),
        ("sentences", run.sentences),
        ("entity mentions", run.mentions),
        ("triples", run.triples),
    ]
    .into_iter()
    .map(|(name, n)| (name.to_owned(), n as f64))
    .collect();
    for kind in kabar::xlsx::Kind::ALL {
        facts.push((format!("{} rows", kind.name()), book.rows(kind) as f64));
    }
    for (rel, n) in &run.triples_by_relation {
        facts.push((format!("triples: {rel}"), *n as f64));
    }
    for (t, n) in &run.mentions_by_type {
        facts.push((format!("mentions: {t}"), *n as f64));
    }
    facts
}

/// The reader of the documents to process: all of them, or one shard's
/// contiguous range (counted first). `None` when a signal stopped the count.
fn select(
    config: &Config,
    sources: Vec<input::Source>,
    interrupt: &Interrupt,
) -> Option<(Reader, Option<ShardInfo>)> {
    let mut reader_options = ReaderOptions {
        max_doc_size: Some(config.max_doc_size),
        ..ReaderOptions::default()
    };
    let mut shard_info = None;
    if let Some(shard) = config.shard {
        let total = input::count_items(
            sources.clone(),
            &reader_options,
            Some(Arc::clone(&interrupt.flag)),
        )?;
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
    Some((Reader::with_options(sources, reader_options), shard_info))
}

/// Runs the pipeline over the documents on `config.threads` workers.
fn process(
    config: &Config,
    pipeline: &Pipeline,
    reader: Reader,
    outputs: &mut Outputs,
    interrupt: &Interrupt,
    progress: &Progress,
) -> anyhow::Result<std::io::Result<RunStats>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .context("cannot start worker threads")?;
    let batch_options = BatchOptions {
        stop: Some(Arc::clone(&interrupt.flag)),
        section_bytes: config.section_bytes,
        default_year: config.year,
        ..BatchOptions::default()
    };
    Ok(pool.install(|| {
        batch::run(pipeline, reader, outputs, batch_options, |ev| match ev {
            Event::Warning(w) => progress.say(&format!("kabar: warning: {w}")),
            Event::Failed(e) => progress.say(&format!("kabar: {e}")),
            Event::Skipped(s) => progress.say(&format!("kabar: warning: {s}")),
            Event::Progress {
                documents,
                read,
                items,
                ..
            } => progress.update(documents, read, items),
        })
    }))
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
