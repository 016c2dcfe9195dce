//! Ctrl-C (SIGINT), SIGTERM and SIGHUP for `kabar extract`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP. The first signal sets `flag`, which the run
/// looks at between documents; the run then stops, its temporary files are
/// removed as the outputs are dropped, and kabar exits with 128 + the
/// signal's number (130 for Ctrl-C). A second signal removes the temporary
/// files at once and exits.
pub struct Interrupt {
    pub flag: Arc<AtomicBool>,
    signal: Arc<AtomicI32>,
    temp_files: Arc<Mutex<Vec<PathBuf>>>,
}

impl Interrupt {
    pub fn install() -> Interrupt {
        let it = Interrupt {
            flag: Arc::new(AtomicBool::new(false)),
            signal: Arc::new(AtomicI32::new(0)),
            temp_files: Arc::new(Mutex::new(Vec::new())),
        };
        #[cfg(unix)]
        if let Err(e) = it.listen() {
            say!("kabar: warning: cannot handle Ctrl-C: {e}");
        }
        it
    }

    #[cfg(unix)]
    fn listen(&self) -> std::io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // SIGHUP (the terminal or the ssh session closed) as SIGTERM.
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
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
                        say!(
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
    pub fn remove_on_second_signal(&self, files: Vec<PathBuf>) {
        *self.temp_files.lock().unwrap_or_else(|e| e.into_inner()) = files;
    }

    /// The exit of an interrupted run (outputs are dropped by the caller's
    /// return, which removes their temporary files).
    /// `files` are the outputs that were not written.
    pub fn exit(&self, files: &[String]) -> ExitCode {
        let sig = self.signal.load(Ordering::SeqCst);
        if files.is_empty() {
            say!("kabar: interrupted");
        } else {
            say!("kabar: interrupted; not written: {}", files.join(", "));
        }
        ExitCode::from(
            u8::try_from(128 + sig)
                .ok()
                .filter(|&c| c > 128)
                .unwrap_or(130),
        )
    }
}
