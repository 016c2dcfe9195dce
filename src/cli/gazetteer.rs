//! `kabar gazetteer check` and `kabar gazetteer export`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use kabar::GazetteerBuilder;
use kabar::Severity;

use super::{ExportFormat, GazetteerCommand};

pub fn run(cmd: GazetteerCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        GazetteerCommand::Export {
            format,
            gazetteer,
            no_default_gazetteers,
        } => export(format, &gazetteer, no_default_gazetteers),
        GazetteerCommand::Check {
            files,
            with_defaults,
        } => {
            let mut b = GazetteerBuilder::new();
            if files.is_empty() || with_defaults {
                b.add_defaults();
            }
            let mut failed = false;
            for f in &files {
                if let Err(e) = b.add_path(f) {
                    say!("{e}");
                    failed = true;
                }
            }
            let (g, diags) = b.build();
            let errors = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            for d in &diags {
                say!("{d}");
            }
            let count = |t: kabar::EntityType| g.entities.iter().filter(|e| e.etype == t).count();
            say!(
                "kabar: {} people, {} organisations, {} countries, {} locations; {} ids derived from the name (id_source = derived)",
                count(kabar::EntityType::Person),
                count(kabar::EntityType::Organization),
                count(kabar::EntityType::Country),
                count(kabar::EntityType::Location),
                g.entities.iter().filter(|e| e.id_derived).count()
            );
            say!(
                "kabar: {} entities, {} aliases, {} cues, {} titles, {} function words; {} errors, {} warnings",
                g.entities.len(),
                g.aliases.len(),
                g.cues.len(),
                g.titles.len(),
                g.words.len(),
                errors,
                diags.len() - errors
            );
            Ok(if failed || errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn export(
    format: ExportFormat,
    paths: &[std::path::PathBuf],
    no_defaults: bool,
) -> anyhow::Result<ExitCode> {
    let mut b = GazetteerBuilder::new();
    if !no_defaults {
        b.add_default_entities();
    }
    for p in paths {
        b.add_path(p)?;
    }
    let (g, diags) = b.build();
    let mut failed = false;
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        say!("kabar: {d}");
        failed = true;
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut seen = std::collections::HashSet::new();
    // Later aliases win in kabar, so export from the last one back and keep
    // the first of each surface form.
    let mut rows = Vec::new();
    for a in g.aliases.iter().rev() {
        if seen.insert(a.text.as_str()) {
            rows.push(a);
        }
    }
    rows.reverse();
    for a in rows {
        let e = g.entity(a.entity);
        let ty = match a.kind {
            kabar::AliasKind::Name => e.etype,
            _ => kabar::EntityType::Country,
        };
        match format {
            ExportFormat::Tsv => writeln!(out, "{}\t{}\t{}", a.text, e.id, ty.as_str()),
            ExportFormat::Spacy => writeln!(
                out,
                "{}",
                serde_json::json!({"label": ty.as_str(), "pattern": a.text, "id": e.id})
            ),
        }
        .context("cannot write the export")?;
    }
    out.flush().context("cannot write the export")?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
