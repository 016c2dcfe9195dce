//! The safety net: the default pipeline's two CSVs, every column, byte for
//! byte, on three corpora — the five seeds, the peer texts
//! (`tests/data/snapshots/peer.jsonl`: PETR2, PLOVER and NERGrit, made by
//! `scripts/snapshot_docs.py`) and the 592 development sentences
//! (`tests/data/news-dev/idner/docs.jsonl`).
//!
//! A change of any snapshot is a change of kabar's output. A restructuring
//! must leave them alone; a change meant to move the output re-blesses them
//! on purpose and says so in its commit message:
//!
//! ```sh
//! KABAR_BLESS=1 cargo test snapshot
//! ```

use std::path::{Path, PathBuf};

use crate::util::*;

/// The runs: a name (the snapshot files' prefix), the input and extra
/// options. The last one covers the `co_occurs` rows, which only
/// `--cooccurrence` writes.
fn corpora() -> [(&'static str, PathBuf, &'static [&'static str]); 4] {
    [
        ("seeds", seeds(), &[]),
        ("peer", data("snapshots/peer.jsonl"), &[]),
        ("dev", data("news-dev/idner/docs.jsonl"), &[]),
        ("seeds-cooccurrence", seeds(), &["--cooccurrence"]),
    ]
}

fn blessing() -> bool {
    std::env::var_os("KABAR_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Where two texts first differ, as a short report: the line number and both
/// lines, and how many lines differ in all.
fn first_difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let differing = (0..e.len().max(g.len()))
        .filter(|&i| e.get(i) != g.get(i))
        .count();
    let i = (0..).find(|&i| e.get(i) != g.get(i)).unwrap_or(0);
    format!(
        "{differing} of {} lines differ (now {}); first at line {}:\n  expected: {}\n  got:      {}",
        e.len(),
        g.len(),
        i + 1,
        e.get(i).unwrap_or(&"<end of file>"),
        g.get(i).unwrap_or(&"<end of file>"),
    )
}

fn check(name: &str, kind: &str, got: &Path, failures: &mut Vec<String>) {
    let file = data(&format!("snapshots/{name}.{kind}.csv"));
    let got = std::fs::read_to_string(got).unwrap();
    if blessing() {
        std::fs::write(&file, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with KABAR_BLESS=1)", file.display()));
    if expected != got {
        failures.push(format!(
            "{}: {}",
            file.display(),
            first_difference(&expected, &got)
        ));
    }
}

#[test]
fn snapshot_of_the_default_pipeline() {
    let dir = tempdir();
    let mut failures = Vec::new();
    for (name, input, extra) in corpora() {
        let (t, e) = (dir.path().join("t.csv"), dir.path().join("e.csv"));
        let mut args = vec![
            "extract",
            p(&input),
            "--triples",
            p(&t),
            "--entities",
            p(&e),
            "--quiet",
        ];
        args.extend_from_slice(extra);
        let out = kabar(&args, None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        check(name, "triples", &t, &mut failures);
        check(name, "entities", &e, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "the output changed (a restructuring must not change it; a change meant \
         to move it re-blesses with KABAR_BLESS=1 and says so in its commit):\n{}",
        failures.join("\n")
    );
}
