//! `kabar extract`.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};

use kabar::batch::{self, BatchOptions, Event, Outputs};
use kabar::input::{self, Format, Reader};
use kabar::output::{self, ENTITY_COLUMNS, OutputOptions, RowWriter, TRIPLE_COLUMNS};
use kabar::tsv::Severity;
use kabar::{GazetteerBuilder, Pipeline};

use super::{ExtractArgs, LangArg, OutFormat, StdinFormat};

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.inputs.is_empty() {
        bail!(
            "no input: give files or folders to read (e.g. `kabar extract seeds`), or `-` to read standard input"
        );
    }
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
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
        .lang(match args.lang {
            LangArg::Auto => None,
            LangArg::Id => Some(kabar::gazetteer::Lang::Id),
            LangArg::En => Some(kabar::gazetteer::Lang::En),
        })
        .build();

    // Inputs.
    let stdin_format = match args.stdin_format {
        StdinFormat::Text => Format::Text,
        StdinFormat::Jsonl => Format::Jsonl,
    };
    let expanded = input::expand(&args.inputs, stdin_format);
    let mut failed_inputs = expanded.errors.len() as u64;
    for e in &expanded.errors {
        eprintln!("kabar: {e}");
    }
    if !expanded.skipped.is_empty() {
        eprintln!(
            "kabar: skipped {} file(s) in folders that are not *.txt or *.jsonl (first: {})",
            expanded.skipped.len(),
            expanded.skipped[0].display()
        );
    }

    // Outputs.
    let format = match args.format {
        OutFormat::Csv => output::Format::Csv,
        OutFormat::Jsonl => output::Format::Jsonl,
    };
    let triples_sink = output::open_sink(args.triples.as_deref()).with_context(|| {
        format!(
            "cannot create the triples file {}",
            args.triples.as_deref().unwrap_or("-".as_ref()).display()
        )
    })?;
    let mut outputs = Outputs {
        triples: Some(RowWriter::new(triples_sink, TRIPLE_COLUMNS, format)?),
        entities: match &args.entities {
            Some(p) => Some(RowWriter::new(
                output::open_sink(Some(p))
                    .with_context(|| format!("cannot create the entities file {}", p.display()))?,
                ENTITY_COLUMNS,
                format,
            )?),
            None => None,
        },
        options: OutputOptions {
            format,
            formula_escape: !args.no_formula_escape,
        },
    };

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let reader = Reader::new(expanded.sources);
    let stats = pool.install(|| {
        batch::run(
            &pipeline,
            reader,
            &mut outputs,
            BatchOptions::default(),
            |ev| match ev {
                Event::Warning(w) => eprintln!("kabar: warning: {w}"),
                Event::Failed(e) => eprintln!("kabar: {e}"),
                Event::Progress { .. } => {}
            },
        )
    })?;
    // Flush every output before any file takes its final name.
    for w in [outputs.triples.as_mut(), outputs.entities.as_mut()]
        .into_iter()
        .flatten()
    {
        w.flush().context("cannot write the output")?;
    }
    for w in [outputs.triples.take(), outputs.entities.take()]
        .into_iter()
        .flatten()
    {
        w.finish().context("cannot finish the output")?;
    }
    failed_inputs += stats.failed_inputs;
    if !args.quiet {
        eprintln!(
            "kabar: {} documents, {} sentences, {} entity mentions, {} triples; {:.2} MB in {:.2} s ({:.1} MB/s); {} input(s) failed",
            stats.documents,
            stats.sentences,
            stats.mentions,
            stats.triples,
            stats.megabytes(),
            stats.elapsed.as_secs_f64(),
            stats.mb_per_sec(),
            failed_inputs
        );
    }
    Ok(if failed || failed_inputs > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
