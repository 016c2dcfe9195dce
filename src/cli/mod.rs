//! Command-line arguments (clap derive) and the subcommands.

/// Writes a line to standard error. A closed or full standard error is
/// ignored: a message must never end the run (`eprintln!` panics then).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod compare;
mod extract;
mod gazetteer;
mod progress;
mod signals;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// kabar: who did what to whom, from Indonesian and English news, as CSV.
#[derive(Debug, Parser)]
#[command(name = "kabar", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find entities and relation triples in news files and write them as CSV.
    Extract(ExtractArgs),
    /// Check or export gazetteer files.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Score triples and entities against a gold folder (SPEC §4).
    Eval(EvalArgs),
    /// Show what one run found that another did not, per document.
    Diff(DiffArgs),
    /// Draw the network of actors of a triples file: GEXF (Gephi), GraphML
    /// or a self-contained HTML page, by the output's extension.
    Graph(GraphArgs),
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// A triples CSV (kabar's, or any with subject_id, relation, object_id).
    #[arg(value_name = "TRIPLES")]
    pub triples: PathBuf,
    /// The file to write: `.gexf`, `.graphml` or `.html`.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Keep the N actors of the most rows (default: all; 60 for `.html`).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Leave out `co_occurs` rows.
    #[arg(long)]
    pub no_cooccurrence: bool,
    /// The page's title (`.html`).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold folder with `entities.csv` and `triples.csv`.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Predicted triples (SPEC §3 columns; from kabar or any other tool).
    #[arg(long, value_name = "FILE")]
    pub triples: Option<PathBuf>,
    /// Predicted entities.
    #[arg(long, value_name = "FILE")]
    pub entities: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every false and missed item with its document and evidence.
    #[arg(long)]
    pub errors: bool,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// First run (triples or entities CSV).
    pub a: PathBuf,
    /// Second run, of the same kind.
    pub b: PathBuf,
    /// Print the difference as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    /// Detect Indonesian or English by stop words.
    Auto,
    /// Indonesian.
    Id,
    /// English.
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StdinFormat {
    Text,
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files or folders to read (folders recursively: *.txt is one document,
    /// *.jsonl one document per line with `id` and `text`), or `-` for
    /// standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write triples here (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub triples: Option<PathBuf>,
    /// Write entity mentions here.
    #[arg(long, value_name = "FILE")]
    pub entities: Option<PathBuf>,
    /// Write events here: one row per document and distinct subject,
    /// relation, object and negation, with the number of triple rows that
    /// state it, the first sentence and evidence, and the CAMEO code.
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    /// Write an Excel workbook here: sheets `triples`, `entities`, `events`
    /// and `summary`, every cell a value, ids linked to Wikipedia.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Find entity mentions only: skip the relation stage and write no
    /// triples (the entities go to --entities, or to standard output).
    #[arg(long, conflicts_with_all = ["triples", "cooccurrence", "events"])]
    pub no_triples: bool,
    /// Add gazetteer or lexicon files (or folders of them); they win over the
    /// defaults. May be repeated.
    #[arg(long, value_name = "PATH")]
    pub gazetteer: Vec<PathBuf>,
    /// Do not load the compiled-in entity gazetteers (the cue lexicons and
    /// word lists stay; add your own with --gazetteer).
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: OutFormat,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Also write `co_occurs` rows for every pair of entities in a sentence.
    #[arg(long)]
    pub cooccurrence: bool,
    /// Write only the triples whose `confidence` is at least X (0 to 1;
    /// the column is the estimated chance that a row is right, see the
    /// README).
    #[arg(long, value_name = "X", value_parser = parse_confidence, conflicts_with = "no_triples")]
    pub min_confidence: Option<f32>,
    /// Find names with this CRFsuite model instead of the compiled-in one
    /// (labels O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC; its features
    /// are kabar's, see `scripts/train_tagger.py`).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Do not run the name tagger: names come from the gazetteers and the
    /// patterns only.
    #[arg(long, conflicts_with = "model")]
    pub no_model: bool,
    /// Do not prefix formula-like cells (=, +, -, @) with `'`.
    #[arg(long)]
    pub no_formula_escape: bool,
    /// Language of the documents: detected per document by default.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// The date of every document without one of its own (a JSONL `date`
    /// field wins), as YYYY-MM-DD or YYYY: a person's dated office gives
    /// leader_of/official_of only if held in that year. Without a date,
    /// every office counts.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<u16>,
    /// How to read `-` (standard input).
    #[arg(long, value_enum, default_value = "text")]
    pub stdin_format: StdinFormat,
    /// No progress and no summary on standard error (warnings and errors
    /// are still shown).
    #[arg(long, short)]
    pub quiet: bool,
    /// Skip, and report, every document larger than SIZE: a text file's
    /// size after decompression, a JSONL line's length. Bytes, or a number
    /// with K, M or G (KB, MB, GB; powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "64MB", value_parser = extract::parse_size)]
    pub max_doc_size: u64,
    /// Analyse a document longer than SIZE in sections of about SIZE,
    /// split at line breaks (else sentence ends): memory is bounded by a
    /// section, not by the document. Names found in one section are not
    /// linked to repetitions in the next. Same units as --max-doc-size; at
    /// least 4KB.
    #[arg(long, value_name = "SIZE", default_value = "4MB", value_parser = extract::parse_section_size)]
    pub section_size: u64,
    /// Write the run's summary as JSON to FILE: counts per entity type and
    /// relation, failed and skipped inputs, time, throughput.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
    /// Process only shard K of N (1 <= K <= N): the documents of the inputs
    /// are numbered in reading order and cut into N contiguous ranges, so
    /// the N outputs concatenated in shard order (headers dropped) are the
    /// output of one unsharded run.
    #[arg(long, value_name = "K/N", value_parser = extract::parse_shard)]
    pub shard: Option<extract::Shard>,
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer and lexicon files; report every problem as file:line.
    Check {
        /// Files or folders; none = the compiled-in defaults.
        files: Vec<PathBuf>,
        /// Check the given files on top of the defaults (reports conflicts with them).
        #[arg(long)]
        with_defaults: bool,
    },
    /// Write the gazetteer's aliases for other tools (benchmarks, comparisons).
    Export {
        /// `tsv`: `alias<TAB>entity_id<TAB>type` per line, no header;
        /// `spacy`: EntityRuler JSONL phrase patterns with `id`.
        #[arg(long, value_enum, default_value = "tsv")]
        format: ExportFormat,
        /// Add gazetteer files or folders on top of the defaults.
        #[arg(long, value_name = "PATH")]
        gazetteer: Vec<PathBuf>,
        /// Leave out the compiled-in entity gazetteers.
        #[arg(long)]
        no_default_gazetteers: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Tsv,
    Spacy,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Gazetteer(cmd) => gazetteer::run(cmd),
        Command::Eval(args) => compare::eval(args),
        Command::Diff(args) => compare::diff(args),
        Command::Graph(args) => compare::graph(args),
    }
}

/// `--min-confidence`: a number from 0 to 1.
fn parse_confidence(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number from 0 to 1")),
    }
}

/// `--date`: the year of `YYYY-MM-DD` or `YYYY`.
fn parse_date(s: &str) -> Result<u16, String> {
    kabar::input::parse_date_year(s)
}
