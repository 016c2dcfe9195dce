//! `kabar eval`, `kabar diff` and `kabar graph`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{DiffArgs, EvalArgs};

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if args.triples.is_none() && args.entities.is_none() {
        bail!("nothing to score: give --triples FILE and/or --entities FILE");
    }
    let report = kabar::eval::evaluate(
        &args.gold,
        args.triples.as_deref(),
        args.entities.as_deref(),
    )?;
    // Written with errors checked: a closed pipe (`| head`) ends the
    // command quietly instead of a panic.
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", report.to_table())?;
        if args.errors {
            writeln!(out)?;
            write!(out, "{}", report.errors_text())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn diff(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let d = kabar::eval::diff(&args.a, &args.b)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (na, nb): (usize, usize) = (
        d.only_a.values().map(Vec::len).sum(),
        d.only_b.values().map(Vec::len).sum(),
    );
    writeln!(
        out,
        "{}: {} in both, {} only in {}, {} only in {}",
        d.kind,
        d.both,
        na,
        args.a.display(),
        nb,
        args.b.display()
    )?;
    let docs: std::collections::BTreeSet<&String> =
        d.only_a.keys().chain(d.only_b.keys()).collect();
    for doc in docs {
        writeln!(out, "\n{doc}")?;
        for x in d.only_a.get(doc).into_iter().flatten() {
            writeln!(out, "  - {x}")?;
        }
        for x in d.only_b.get(doc).into_iter().flatten() {
            writeln!(out, "  + {x}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `kabar graph`: the network of a triples file, in the format of the
/// output's extension, written atomically.
pub fn graph(args: super::GraphArgs) -> anyhow::Result<ExitCode> {
    let ext = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let ext = match ext.as_deref() {
        Some(e @ ("gexf" | "graphml" | "html" | "htm")) => e.to_owned(),
        _ => anyhow::bail!(
            "-o {}: the output must end in .gexf, .graphml or .html",
            args.output.display()
        ),
    };
    let html = ext.starts_with("htm");
    let options = kabar::graph::GraphOptions {
        top: args.top.or(html.then_some(60)),
        no_cooccurrence: args.no_cooccurrence,
    };
    let g = kabar::graph::Graph::from_triples_csv(&args.triples, options)?;
    let text = match ext.as_str() {
        "gexf" => g.to_gexf(),
        "graphml" => g.to_graphml(),
        _ => {
            let title = args.title.unwrap_or_else(|| {
                format!(
                    "Who did what to whom: {}",
                    args.triples
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                )
            });
            g.to_html(&title)
        }
    };
    let mut sink = kabar::output::Sink::file(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    sink.write_all(text.as_bytes())
        .and_then(|()| sink.finish())
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    Ok(ExitCode::SUCCESS)
}
