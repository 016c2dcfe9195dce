//! `kabar gazetteer check`.

use std::process::ExitCode;

use kabar::GazetteerBuilder;
use kabar::tsv::Severity;

use super::GazetteerCommand;

pub fn run(cmd: GazetteerCommand) -> anyhow::Result<ExitCode> {
    match cmd {
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
                    eprintln!("{e}");
                    failed = true;
                }
            }
            let (g, diags) = b.build();
            let errors = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
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
