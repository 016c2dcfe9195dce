//! The `kabar` command: arguments → validated configuration → library calls.
//! Exit codes: 0 all well, 1 some input failed, 2 usage or fatal error.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            // Never a panic on a closed standard error.
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "kabar: error: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each after a `: `, leaving out a cause whose
/// text the message before it already ends with (kabar's errors name the
/// file and then say the cause: "x.csv: No such file or directory").
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.ends_with(text.as_str()) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}
