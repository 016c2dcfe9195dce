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
            let _ = writeln!(std::io::stderr(), "kabar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
