//! Hostile and unlucky inputs, outputs and signals: each test reproduces
//! a defect found by trying kabar as an attacker would (issue 15).

use std::path::Path;
use std::time::Duration;

use crate::util::*;

/// Far above any run of these tests: only a hang reaches it.
const HANG: Duration = Duration::from_secs(120);

fn seed_text(n: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    std::fs::read_to_string(&names[n]).unwrap()
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_folder_are_walked_once_with_a_warning() {
    use std::os::unix::fs::symlink;
    let dir = tempdir();
    let clean = dir.path().join("clean");
    std::fs::create_dir_all(clean.join("sub")).unwrap();
    std::fs::write(clean.join("a.txt"), seed_text(0)).unwrap();
    std::fs::write(clean.join("sub/b.txt"), seed_text(1)).unwrap();
    let want = kabar_or_kill(&["extract", p(&clean), "--cooccurrence", "-q"], HANG);
    assert!(want.status.success(), "{}", stderr(&want));

    // The same folder with two loops and a second way into `sub`.
    let looped = dir.path().join("looped");
    std::fs::create_dir_all(looped.join("sub")).unwrap();
    std::fs::write(looped.join("a.txt"), seed_text(0)).unwrap();
    std::fs::write(looped.join("sub/b.txt"), seed_text(1)).unwrap();
    symlink(".", looped.join("loop")).unwrap();
    symlink("..", looped.join("sub/up")).unwrap();
    symlink("sub", looped.join("alias")).unwrap();
    let got = kabar_or_kill(&["extract", p(&looped), "--cooccurrence", "-q"], HANG);
    let err = stderr(&got);
    assert!(got.status.success(), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&want.stdout),
        "every document once"
    );
    for link in ["loop", "up"] {
        assert!(
            err.lines().any(|l| l.contains("warning")
                && l.contains(&format!("/{link}:"))
                && l.contains("loop")),
            "no warning naming the link {link}: {err}"
        );
    }
    assert!(err.contains("read already"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_skipped_not_waited_on() {
    let dir = tempdir();
    std::fs::write(dir.path().join("a.txt"), seed_text(0)).unwrap();
    let fifo = dir.path().join("b.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = kabar_or_kill(&["extract", p(dir.path()), "-q"], HANG);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("b.txt: skipped: not a regular file"), "{err}");
    assert!(!out.stdout.is_empty());
}

/// Runs `kabar extract seeds EXTRA..` and asserts it is refused with exit 2
/// and a message holding each of `words`, before anything is written.
fn refused(dir: &Path, extra: &[&str], words: &[&str]) {
    let seeds = seeds();
    let mut args = vec!["extract", p(&seeds)];
    args.extend_from_slice(extra);
    args.push("-q");
    let before = listing(dir);
    let out = kabar_or_kill(&args, HANG);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for w in words {
        assert!(err.contains(w), "{args:?}: no `{w}` in: {err}");
    }
    assert_eq!(listing(dir), before, "{args:?} changed the folder");
}

/// Each file under `dir` with its bytes.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walk_files(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap_or_default();
            (f.display().to_string(), bytes)
        })
        .collect();
    v.sort();
    v
}

fn walk_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if std::fs::symlink_metadata(&path).unwrap().is_dir() {
            out.extend(walk_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn colliding_output_paths_are_refused_up_front() {
    let dir = tempdir();
    let d = dir.path();
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    let x = out.join("x.csv");
    let x_again = d.join("out/../out/x.csv");
    refused(
        d,
        &["--triples", p(&x), "--entities", p(&x)],
        &["--triples", "--entities", "same file"],
    );
    refused(
        d,
        &["--triples", p(&x), "--stats", p(&x_again)],
        &["--triples", "--stats", "same file"],
    );
    // An existing file, and a link to it.
    std::fs::write(&x, "keep me\n").unwrap();
    #[cfg(unix)]
    {
        let link = d.join("link.csv");
        std::os::unix::fs::symlink(&x, &link).unwrap();
        refused(
            d,
            &["--entities", p(&x), "--stats", p(&link)],
            &["--entities", "--stats", "same file"],
        );
    }
    // Sharing /dev/null is fine.
    let ok = kabar_or_kill(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            "/dev/null",
            "--entities",
            "/dev/null",
            "-q",
        ],
        HANG,
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempdir();
    let d = dir.path();
    let docs = d.join("docs.jsonl");
    let text = seed_text(0);
    let rec = serde_json::json!({"id": "d1", "text": text}).to_string() + "\n";
    std::fs::write(&docs, &rec).unwrap();
    let before = listing(d);
    for (args, option) in [
        (
            vec![
                "extract",
                p(&docs),
                "--format",
                "jsonl",
                "--entities",
                p(&docs),
            ],
            "--entities",
        ),
        (vec!["extract", p(d), "--stats", p(&docs)], "--stats"),
    ] {
        let out = kabar_or_kill(&args, HANG);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(option) && err.contains("also an input"),
            "{err}"
        );
        assert_eq!(listing(d), before, "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_to_its_target() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    let target = d.join("real/t.csv");
    std::fs::write(&target, "old\n").unwrap();
    let link = d.join("t.csv");
    std::os::unix::fs::symlink("real/t.csv", &link).unwrap();
    // And a link to a file that does not exist yet.
    let dangling = d.join("e.csv");
    std::os::unix::fs::symlink("real/e.csv", &dangling).unwrap();
    let out = kabar_or_kill(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            p(&link),
            "--entities",
            p(&dangling),
            "-q",
        ],
        HANG,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for (l, t) in [(&link, target), (&dangling, d.join("real/e.csv"))] {
        assert!(
            std::fs::symlink_metadata(l)
                .unwrap()
                .file_type()
                .is_symlink(),
            "{} was replaced by a plain file",
            l.display()
        );
        let rows = std::fs::read_to_string(&t).unwrap();
        assert!(rows.starts_with("doc_id,"), "{}: {rows:.40}", t.display());
    }
}

/// A text long enough that its rows fill any pipe buffer.
fn long_text() -> String {
    (0..5)
        .map(seed_text)
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(8)
}

#[test]
fn a_closed_stdout_still_finishes_the_named_files() {
    use std::process::{Command, Stdio};
    let dir = tempdir();
    let d = dir.path();
    let input = d.join("in.txt");
    std::fs::write(&input, long_text()).unwrap();
    let (e_want, e_got, stats) = (d.join("want.csv"), d.join("e.csv"), d.join("stats.json"));
    let want = kabar_or_kill(
        &["extract", p(&input), "--entities", p(&e_want), "-q"],
        HANG,
    );
    assert!(want.status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args([
            "extract",
            p(&input),
            "--entities",
            p(&e_got),
            "--stats",
            p(&stats),
            "-q",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `| head -0`: the reader is gone at once
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    let finished = e_got.exists() && stats.exists();
    assert!(
        finished || out.status.code() != Some(0),
        "exit 0 with the named files missing: {err}"
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        std::fs::read(&e_got).unwrap(),
        std::fs::read(&e_want).unwrap()
    );
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap();
    assert!(s["mentions"].as_u64().unwrap() > 0);
    assert!(err.contains("standard output was closed"), "{err}");
}

#[test]
fn a_closed_stderr_is_no_panic() {
    use std::process::{Command, Stdio};
    let dir = tempdir();
    let d = dir.path();
    // Invalid UTF-8: a warning; and no --quiet: progress and a summary.
    std::fs::write(
        d.join("a.txt"),
        b"Presiden Rusia \xff Vladimir Putin bertemu Xi Jinping.",
    )
    .unwrap();
    let (t, e) = (d.join("t.csv"), d.join("e.csv"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args([
            "extract",
            p(&d.join("a.txt")),
            "--triples",
            p(&t),
            "--entities",
            p(&e),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(t.exists() && e.exists());
}

#[test]
fn every_text_cell_is_escaped_in_csv_never_in_jsonl_and_read_back_by_eval() {
    let dir = tempdir();
    let d = dir.path();
    let gaz = d.join("g.tsv");
    std::fs::write(
        &gaz,
        "entity_id\ttype\tname\n=2+3\tCOUNTRY\tNegeri Formula\n-Kelompok\tORGANIZATION\tKelompok Minus\n@Dewan\tORGANIZATION\tDewan Ata\n",
    )
    .unwrap();
    let doc = d.join("d.txt");
    std::fs::write(
        &doc,
        "Negeri Formula menyerang Rusia. Kelompok Minus mengecam Dewan Ata.\n",
    )
    .unwrap();
    let (t, e) = (d.join("t.csv"), d.join("e.csv"));
    let run = kabar(
        &[
            "extract",
            p(&doc),
            "--gazetteer",
            p(&gaz),
            "--triples",
            p(&t),
            "--entities",
            p(&e),
            "-q",
        ],
        None,
    );
    assert!(run.status.success(), "{}", stderr(&run));
    // No cell of either CSV begins with a formula character.
    for f in [&t, &e] {
        let (header, rows) = read_csv(f);
        assert!(!rows.is_empty());
        for r in &rows {
            for (name, cell) in header.iter().zip(r) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{}: `{name}` is `{cell}`",
                    f.display()
                );
            }
        }
    }
    let (th, trows) = read_csv(&t);
    let col = |n: &str| th.iter().position(|h| h == n).unwrap();
    assert_eq!(trows[0][col("subject_country")], "'=2+3");

    // JSON lines carry the values as they are.
    let jsonl = kabar(
        &[
            "extract",
            p(&doc),
            "--gazetteer",
            p(&gaz),
            "--format",
            "jsonl",
            "-q",
        ],
        None,
    );
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&jsonl.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["subject_id"], "=2+3");
    assert_eq!(first["subject_country"], "=2+3");

    // eval reads the escaped ids back: a gold with the plain ids scores 1.
    let gold = d.join("gold");
    std::fs::create_dir(&gold).unwrap();
    std::fs::write(
        gold.join("entities.csv"),
        "doc_id,entity_id,type\nd,=2+3,COUNTRY\nd,Russia,COUNTRY\nd,-Kelompok,ORGANIZATION\nd,@Dewan,ORGANIZATION\n",
    )
    .unwrap();
    std::fs::write(
        gold.join("triples.csv"),
        "doc_id,subject_id,relation,object_id,negated\nd,=2+3,attack,Russia,false\nd,-Kelompok,criticize,@Dewan,false\n",
    )
    .unwrap();
    let ev = kabar(
        &[
            "eval",
            "--gold",
            p(&gold),
            "--triples",
            p(&t),
            "--entities",
            p(&e),
            "--json",
        ],
        None,
    );
    assert!(ev.status.success(), "{}", stderr(&ev));
    let report: serde_json::Value = serde_json::from_slice(&ev.stdout).unwrap();
    assert_eq!(report["entities"]["overall"]["f1"], 1.0, "{report}");
    assert_eq!(report["triples"]["overall"]["f1"], 1.0, "{report}");

    // diff sees the escaped and the plain run as the same.
    let plain = d.join("plain.csv");
    let run = kabar(
        &[
            "extract",
            p(&doc),
            "--gazetteer",
            p(&gaz),
            "--no-formula-escape",
            "--triples",
            p(&plain),
            "-q",
        ],
        None,
    );
    assert!(run.status.success());
    let diff = kabar(&["diff", p(&t), p(&plain), "--json"], None);
    let diff: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    assert_eq!(diff["both"], 2, "{diff}");
    assert_eq!(diff["only_a"], serde_json::json!({}), "{diff}");
}

/// A role or member that refers to an id no gazetteer defines is warned
/// about with the id cut, however long it is (found by the gazetteer fuzz
/// target: a 600-byte id was printed whole).
#[test]
fn an_undefined_reference_is_named_short() {
    let long = "Kementerian_".repeat(100);
    let mut b = kabar::GazetteerBuilder::new();
    b.add_str(
        "user.tsv",
        &format!("entity_id\ttype\tname\troles\nA_B\tPERSON\tA B\tofficial_of:{long}\n"),
    );
    let (_g, diags) = b.build();
    let d = diags
        .iter()
        .find(|d| d.message.starts_with("refers to"))
        .expect("a warning for the undefined id");
    assert!(
        d.message.len() < 200,
        "{} bytes: {:.300}",
        d.message.len(),
        d.message
    );
    assert_eq!(d.location.line, Some(2), "{d}");
}

#[test]
fn gazetteer_check_warns_on_useless_aliases_skips_duplicates_and_cuts_long_values() {
    let dir = tempdir();
    let gaz = dir.path().join("u.tsv");
    let long = "x".repeat(1 << 20);
    std::fs::write(
        &gaz,
        format!(
            "entity_id\ttype\tname\taliases\n\
             Good_Org\tORGANIZATION\tGood Org\tA|...|GO\n\
             Good_Org\tPERSON\tImpostor Name\t\n\
             Long\tORGANIZATION\tLong Org\t{long}\n\
             Bad\tNOPE\t{long}\t\n"
        ),
    )
    .unwrap();
    let out = kabar(&["gazetteer", "check", p(&gaz)], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err:.2000}");
    assert!(
        err.contains("u.tsv:2: warning: alias `A` is a single character"),
        "{err:.2000}"
    );
    assert!(
        err.contains("u.tsv:2: warning: alias `...` is punctuation only"),
        "{err:.2000}"
    );
    assert!(
        err.contains("u.tsv:3: error: duplicate entity_id `Good_Org`"),
        "{err:.2000}"
    );
    assert!(
        err.len() < 10_000,
        "{} bytes of messages: a long value printed whole",
        err.len()
    );
    // The duplicate row was not applied: Good_Org is still an
    // ORGANIZATION named Good Org, and the impostor's name finds nothing.
    let doc = dir.path().join("d.txt");
    std::fs::write(&doc, "Good Org bertemu Impostor Name.").unwrap();
    let run = kabar(
        &[
            "extract",
            p(&doc),
            "--gazetteer",
            p(&gaz),
            "--entities",
            p(&dir.path().join("e.csv")),
            "--no-triples",
        ],
        None,
    );
    let (_, rows) = read_csv(&dir.path().join("e.csv"));
    let found: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[4].as_str(), r[7].as_str()))
        .collect();
    assert!(
        found.contains(&("Good Org", "ORGANIZATION")),
        "{found:?} {}",
        stderr(&run)
    );
    assert!(
        !found.iter().any(|(t, _)| t.contains("Impostor")),
        "{found:?}"
    );
}
