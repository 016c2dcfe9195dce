//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    root().join("seeds")
}

pub fn data(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

/// Runs `kabar ARGS` with optional standard input.
pub fn kabar(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kabar"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("kabar runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parses a CSV file into its header and records.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    read_csv_bytes(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

pub fn read_csv_bytes(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `(&str, &str)` pairs as owned strings, to compare with what a test found.
pub fn owned_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Runs `kabar ARGS` (no standard input) and waits for it at most
/// `limit`: a run that hangs is killed and fails the test instead of
/// hanging it. A guard against hangs, not a measure of speed: the limit
/// is far above any normal run.
pub fn kabar_or_kill(args: &[&str], limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kabar runs");
    // Read the pipes on threads so that a full pipe cannot block the child.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut v).ok();
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut v).ok();
        v
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kabar {args:?} did not end within {limit:?}: killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}

/// The default pipeline, made once for the tests of a binary.
pub fn default_pipeline() -> &'static kabar::Pipeline {
    static PIPELINE: std::sync::LazyLock<kabar::Pipeline> =
        std::sync::LazyLock::new(kabar::Pipeline::default);
    &PIPELINE
}

/// (entity id, derived?) of every gazetteer mention the default pipeline
/// finds in `text`.
pub fn gazetteer_mentions(text: &str) -> Vec<(String, bool)> {
    let p = default_pipeline();
    let a = p.process(&kabar::Document::new("t", text));
    a.mentions
        .iter()
        .filter_map(|m| match m.entity {
            kabar::EntityRef::Gazetteer(g) => {
                let e = p.gazetteer().entity(g);
                Some((e.id.clone(), e.id_derived))
            }
            kabar::EntityRef::Local(_) => None,
        })
        .collect()
}

/// Runs `python3 scripts/SCRIPT --check` and fails with `what` and the
/// script's errors when the files it builds are out of date; skipped where
/// python3 is not installed.
pub fn script_check(script: &str, what: &str) {
    let has_python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_python {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let o = Command::new("python3")
        .arg(root().join("scripts").join(script))
        .arg("--check")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{what} out of date: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `subject relation object` of the triples `kabar extract` writes for
/// JSONL `lines` with the default gazetteers.
pub fn default_triples(lines: &str) -> Vec<String> {
    let dir = tempdir();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, lines).unwrap();
    let o = kabar(&["extract", p(&input), "--triples", "-", "--quiet"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let (h, rows) = read_csv_bytes(&o.stdout);
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (s, r, ob) = (col("subject_id"), col("relation"), col("object_id"));
    rows.iter()
        .map(|row| format!("{} {} {}", row[s], row[r], row[ob]))
        .collect()
}

/// Runs the Python code `check` (after `import sys, json, MODULE`) with
/// `args` as `sys.argv[1:]`, and asserts it succeeds; false, saying so,
/// when python3 with `module` is not installed (`pip` names the package to
/// install).
pub fn python_check(module: &str, pip: &str, check: &str, args: &[&str]) -> bool {
    let has = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        eprintln!("skipped: python3 with {module} is not installed (pip install {pip})");
        return false;
    }
    let o = Command::new("python3")
        .arg("-c")
        .arg(format!("import sys, json, {module}\n{check}"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    true
}
