//! `kabar eval` and `kabar diff`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;

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
