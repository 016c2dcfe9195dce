//! Batch runs at scale: compressed input, binary files, size limits, shards, stats, interruption.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::*;

/// The seed articles: (stem, raw bytes), in sorted order.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let stem = p.file_stem().unwrap().to_str().unwrap().to_owned();
            (stem, std::fs::read(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

/// The seeds as JSONL records with ids `<prefix><stem>`, a blank line between.
fn seed_jsonl_with(prefix: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (stem, bytes) in seed_files() {
        let rec = serde_json::json!({"id": format!("{prefix}{stem}"), "text": String::from_utf8(bytes).unwrap()});
        serde_json::to_writer(&mut out, &rec).unwrap();
        out.extend_from_slice(b"\n\n");
    }
    out
}

fn seed_jsonl() -> Vec<u8> {
    seed_jsonl_with("j-")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Runs `kabar extract INPUT.. --triples T --entities E EXTRA..` in `dir`
/// and returns (output, triples bytes, entities bytes).
fn extract(
    dir: &Path,
    name: &str,
    inputs: &[&Path],
    extra: &[&str],
) -> (std::process::Output, Vec<u8>, Vec<u8>) {
    let t = dir.join(format!("{name}.triples.csv"));
    let e = dir.join(format!("{name}.entities.csv"));
    let mut args: Vec<&str> = vec!["extract"];
    args.extend(inputs.iter().map(|i| p(i)));
    args.extend(["--triples", p(&t), "--entities", p(&e)]);
    args.extend(extra);
    let out = kabar(&args, None);
    let read = |f: &Path| std::fs::read(f).unwrap_or_default();
    (out.clone(), read(&t), read(&e))
}

fn doc_ids(csv: &[u8]) -> BTreeSet<String> {
    read_csv_bytes(csv)
        .1
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

#[test]
fn gzip_and_zstd_inputs_give_the_same_rows_as_plain_files() {
    let dir = tempdir();
    let (plain, gz, zst) = (
        dir.path().join("plain"),
        dir.path().join("gz"),
        dir.path().join("zst"),
    );
    for d in [&plain, &gz, &zst] {
        std::fs::create_dir(d).unwrap();
    }
    for (stem, bytes) in seed_files() {
        std::fs::write(plain.join(format!("{stem}.txt")), &bytes).unwrap();
        std::fs::write(gz.join(format!("{stem}.txt.gz")), gzip(&bytes)).unwrap();
        std::fs::write(
            zst.join(format!("{stem}.txt.zst")),
            zstd::encode_all(&bytes[..], 3).unwrap(),
        )
        .unwrap();
    }
    let jsonl = seed_jsonl();
    std::fs::write(plain.join("recs.jsonl"), &jsonl).unwrap();
    // Two gzip members one after the other are one stream (as `cat a.gz b.gz`).
    let (half1, half2) = jsonl.split_at(jsonl.len() / 2);
    let mut two_members = gzip(half1);
    two_members.extend(gzip(half2));
    std::fs::write(gz.join("recs.jsonl.gz"), two_members).unwrap();
    std::fs::write(
        zst.join("recs.jsonl.zst"),
        zstd::encode_all(&jsonl[..], 3).unwrap(),
    )
    .unwrap();

    let (o, t_plain, e_plain) = extract(dir.path(), "plain", &[&plain], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("10 documents"), "{}", stderr(&o));
    let ids = doc_ids(&e_plain);
    assert!(
        ids.contains("000_8b1db099ec59a2e9") && ids.contains("j-000_8b1db099ec59a2e9"),
        "{ids:?}"
    );
    for (name, folder) in [("gz", &gz), ("zst", &zst)] {
        let (o, t, e) = extract(dir.path(), name, &[folder], &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(t == t_plain, "{name}: triples differ from the plain files");
        assert!(e == e_plain, "{name}: entities differ from the plain files");
    }
    // A single compressed file given by name, too.
    let one = gz.join("000_8b1db099ec59a2e9.txt.gz");
    let (o, _, e) = extract(dir.path(), "one", &[&one], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        doc_ids(&e),
        BTreeSet::from(["000_8b1db099ec59a2e9".to_owned()])
    );
}

#[test]
fn binary_files_are_skipped_with_a_warning_naming_them() {
    let dir = tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (stem, bytes) in seed_files() {
        std::fs::write(input.join(format!("{stem}.txt")), bytes).unwrap();
    }
    // News-like text after a binary header: parsed as text it would give rows.
    let mut blob = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    blob.extend_from_slice(
        "Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing.\n"
            .repeat(20)
            .as_bytes(),
    );
    std::fs::write(input.join("blob.txt"), &blob).unwrap();
    std::fs::write(input.join("blob2.jsonl.gz"), gzip(&blob)).unwrap();

    let (o, t, e) = extract(dir.path(), "run", &[&input], &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "a skip is not a failure: {err}");
    for name in ["blob.txt", "blob2.jsonl.gz"] {
        assert!(
            err.lines().any(|l| l.contains("warning")
                && l.contains(name)
                && l.contains("not a text file")),
            "no warning names {name}: {err}"
        );
    }
    assert!(
        err.contains("5 documents") && err.contains("0 input(s) failed, 2 skipped"),
        "{err}"
    );
    let ids = doc_ids(&e);
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(ids.iter().all(|id| !id.starts_with("blob")), "{ids:?}");
    assert!(!doc_ids(&t).iter().any(|id| id.starts_with("blob")));
}

#[test]
fn documents_over_the_size_limit_are_reported_and_skipped() {
    let dir = tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seeds = seed_files();
    for (stem, bytes) in &seeds {
        std::fs::write(input.join(format!("{stem}.txt")), bytes).unwrap();
    }
    let text = String::from_utf8(seeds[0].1.clone()).unwrap();
    let big = text.repeat(12); // about 42 KB
    std::fs::write(input.join("big.txt"), &big).unwrap();
    std::fs::write(input.join("bigz.txt.gz"), gzip(big.as_bytes())).unwrap();
    let mut jsonl = Vec::new();
    for (id, t) in [("small1", &text), ("huge", &big), ("small2", &text)] {
        serde_json::to_writer(&mut jsonl, &serde_json::json!({"id": id, "text": t})).unwrap();
        jsonl.push(b'\n');
    }
    std::fs::write(input.join("recs.jsonl"), &jsonl).unwrap();

    let stats = dir.path().join("stats.json");
    let (o, _, e) = extract(
        dir.path(),
        "limited",
        &[&input],
        &["--max-doc-size", "20KB", "--stats", p(&stats)],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "a skip is not a failure: {err}");
    for place in ["big.txt:", "bigz.txt.gz:", "recs.jsonl:2:"] {
        assert!(
            err.lines()
                .any(|l| l.contains(place) && l.contains("larger than the limit of 20480 bytes")),
            "{place} not reported: {err}"
        );
    }
    let ids = doc_ids(&e);
    for id in [
        "small1",
        "small2",
        "000_8b1db099ec59a2e9",
        "004_056e374c8c3d004b",
    ] {
        assert!(ids.contains(id), "{id} missing: {ids:?}");
    }
    for id in ["big", "bigz", "huge"] {
        assert!(!ids.contains(id), "{id} was not skipped");
    }
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap();
    assert_eq!(s["skipped_inputs"], 3);
    assert_eq!(s["failed_inputs"], 0);
    assert_eq!(s["documents"], 7);

    // The default limit (64 MB) processes them; long lines are not truncated.
    let (o, _, e) = extract(dir.path(), "default", &[&input], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids = doc_ids(&e);
    assert!(
        ids.contains("big") && ids.contains("bigz") && ids.contains("huge"),
        "{ids:?}"
    );
    let rows = read_csv_bytes(&e).1;
    let max_end = rows
        .iter()
        .filter(|r| r[0] == "huge")
        .map(|r| r[3].parse::<usize>().unwrap())
        .max()
        .unwrap();
    assert!(
        max_end > 30_000,
        "mentions end by char {max_end} in a 42 KB document"
    );

    let bad = kabar(
        &["extract", p(&input), "--max-doc-size", "12 parsecs"],
        None,
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn shards_partition_the_run_and_concatenate_to_it() {
    let dir = tempdir();
    let jsonl = dir.path().join("recs.jsonl");
    let mut bytes = seed_jsonl();
    bytes.extend_from_slice(b"{\"id\": \"broken\"\n"); // a failed record counts as one document
    bytes.extend(seed_jsonl_with("k-"));
    std::fs::write(&jsonl, &bytes).unwrap();
    let inputs = [seeds(), jsonl.clone()];
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();

    let (o, t_all, e_all) = extract(dir.path(), "all", &inputs, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let n = 3;
    let mut t_cat = Vec::new();
    let mut e_cat = Vec::new();
    let mut seen_docs: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = 0;
    for k in 1..=n {
        let shard = format!("{k}/{n}");
        let (o, t, e) = extract(
            dir.path(),
            &format!("shard{k}"),
            &inputs,
            &["--shard", &shard, "--threads", "1"],
        );
        let err = stderr(&o);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{shard}: {err}");
        failures += err.matches("recs.jsonl:11:").count();
        for id in doc_ids(&e).into_iter().chain(doc_ids(&t)) {
            if let Some(prev) = seen_docs.insert(id.clone(), k) {
                assert_eq!(prev, k, "document {id} in shards {prev} and {k}");
            }
        }
        let skip_header = |b: &[u8]| b[b.iter().position(|&c| c == b'\n').unwrap() + 1..].to_vec();
        if k == 1 {
            t_cat = t;
            e_cat = e;
        } else {
            t_cat.extend(skip_header(&t));
            e_cat.extend(skip_header(&e));
        }
    }
    assert_eq!(
        failures, 1,
        "the broken record is reported by exactly one shard"
    );
    assert!(seen_docs.len() >= 15, "{seen_docs:?}");
    assert!(
        seen_docs.values().collect::<BTreeSet<_>>().len() == n,
        "every shard has documents: {seen_docs:?}"
    );
    // Same rows as one run: as sorted sets, and even in the same order.
    let sorted = |b: &[u8]| {
        let (h, mut rows) = read_csv_bytes(b);
        rows.sort();
        (h, rows)
    };
    assert_eq!(sorted(&t_cat), sorted(&t_all));
    assert_eq!(sorted(&e_cat), sorted(&e_all));
    assert!(
        t_cat == t_all,
        "triples of the shards, concatenated, differ from the whole run"
    );
    assert!(
        e_cat == e_all,
        "entities of the shards, concatenated, differ from the whole run"
    );

    let o = kabar(&["extract", "-", "--shard", "1/2"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = kabar(&["extract", p(&seeds()), "--shard", "3/2"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn stats_file_counts_match_the_csv_rows() {
    let dir = tempdir();
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(
        &broken,
        "{\"id\": \"a\", \"text\": \"Putin bertemu Xi.\"}\n[1, 2]\n",
    )
    .unwrap();
    let stats = dir.path().join("stats.json");
    let (o, t, e) = extract(
        dir.path(),
        "run",
        &[&seeds(), &broken],
        &["--stats", p(&stats), "--cooccurrence"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let s: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&stats).unwrap()).expect("stats file is JSON");
    let (_, trows) = read_csv_bytes(&t);
    let (_, erows) = read_csv_bytes(&e);
    assert_eq!(s["documents"], 6);
    assert_eq!(s["triples"].as_u64().unwrap() as usize, trows.len());
    assert_eq!(s["mentions"].as_u64().unwrap() as usize, erows.len());
    let count = |rows: &[Vec<String>], col: usize| {
        let mut m: BTreeMap<String, u64> = BTreeMap::new();
        for r in rows {
            *m.entry(r[col].clone()).or_default() += 1;
        }
        serde_json::to_value(m).unwrap()
    };
    assert_eq!(s["triples_by_relation"], count(&trows, 5));
    assert_eq!(s["mentions_by_type"], count(&erows, 7));
    assert_eq!(s["failed_inputs"], 1);
    let failed = s["failed"][0].as_str().unwrap();
    assert!(failed.contains("broken.jsonl:2"), "{failed}");
    assert_eq!(s["exit_code"], 1);
    assert!(s["elapsed_seconds"].as_f64().unwrap() > 0.0);
    assert!(s["mb_per_sec"].is_number());
    assert!(s["input_bytes"].as_u64().unwrap() > 19_000);
    // Nothing but the three files is left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "broken.jsonl",
            "run.entities.csv",
            "run.triples.csv",
            "stats.json"
        ]
    );
}

/// Files in `dir` whose name ends with `.partial` (kabar's temporary outputs).
fn partial_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect()
}

/// Waits (at most a minute) until kabar has opened its temporary outputs,
/// then sends it SIGINT, as Ctrl-C does.
fn interrupt_when_writing(child: &mut std::process::Child, dir: &Path) {
    signal_when_writing(child, dir, "-INT");
}

/// [`interrupt_when_writing`] with any signal (`-HUP`).
fn signal_when_writing(child: &mut std::process::Child, dir: &Path, signal: &str) {
    let started = Instant::now();
    while partial_files(dir).len() < 3 {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("kabar ended before it was interrupted: {status}");
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("no temporary output appeared within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
}

fn assert_interrupted_cleanly(out: &std::process::Output, dir: &Path) {
    assert_stopped_cleanly(out, dir, 130);
}

fn assert_stopped_cleanly(out: &std::process::Output, dir: &Path, code: i32) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    for f in ["t.csv", "e.csv", "stats.json"] {
        assert!(!dir.join(f).exists(), "{f} exists after an interrupted run");
    }
    assert!(
        partial_files(dir).is_empty(),
        "temporary files left: {:?}",
        partial_files(dir)
    );
}

fn spawn_extract(dir: &Path, input: &str, extra: &[&str], stdin: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["extract", input])
        .args([
            "--triples",
            p(&dir.join("t.csv")),
            "--entities",
            p(&dir.join("e.csv")),
        ])
        .args(["--stats", p(&dir.join("stats.json"))])
        .args(extra)
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kabar runs")
}

#[test]
fn an_interrupted_run_leaves_no_output_file() {
    // A large file: the signal lands while it is being processed.
    let dir = tempdir();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let big = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    let records = seed_jsonl();
    while f.get_ref().metadata().unwrap().len() < 30_000_000 {
        f.write_all(&records).unwrap();
    }
    drop(f);
    let mut child = spawn_extract(&out_dir, p(&big), &[], Stdio::null());
    interrupt_when_writing(&mut child, &out_dir);
    let out = child.wait_with_output().unwrap();
    assert_interrupted_cleanly(&out, &out_dir);
}

/// Starts `kabar extract -` on an endless JSONL stream (seeds over and
/// over) writing into `dir`, and sends it `signal` once its temporary
/// outputs are open. Returns its output and process id.
fn signal_a_stream(dir: &Path, signal: &str) -> (std::process::Output, u32) {
    let mut child = spawn_extract(dir, "-", &["--stdin-format", "jsonl"], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let records = seed_jsonl();
    let writer = std::thread::spawn(move || {
        // Ends when kabar closes the pipe (or after 2 GB, which fails the test).
        for _ in 0..2_000_000_000 / records.len() {
            if stdin.write_all(&records).is_err() {
                return;
            }
        }
    });
    let pid = child.id();
    signal_when_writing(&mut child, dir, signal);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out, pid)
}

#[test]
fn a_hangup_stops_the_run_like_sigterm() {
    // The terminal closed: exit 128 + 1, no output file, no partial file.
    let dir = tempdir();
    let (out, _) = signal_a_stream(dir.path(), "-HUP");
    assert_stopped_cleanly(&out, dir.path(), 129);
}

#[test]
fn partial_files_of_a_killed_run_are_named_and_removed_by_the_next() {
    let dir = tempdir();
    let d = dir.path();
    // SIGKILL cannot be handled: the temporary files stay, named after
    // their outputs and the process.
    let (_, pid) = signal_a_stream(d, "-KILL");
    let mut left = partial_files(d);
    left.sort();
    let names: Vec<String> = left
        .iter()
        .map(|f| f[..f.rfind('-').unwrap()].to_owned())
        .collect();
    assert_eq!(
        names,
        ["e.csv", "stats.json", "t.csv"].map(|o| format!("{o}.kabar-{pid}")),
        "{left:?}"
    );
    // An older one (a process id no process has: above the kernel's
    // limit), one of a live process (this one), one of another output.
    let stale = d.join("t.csv.kabar-4294967295-AbCdEf.partial");
    let live = d.join(format!("t.csv.kabar-{}-XyZ.partial", std::process::id()));
    let other = d.join("notes.kabar-1-x.partial");
    for f in [&stale, &live, &other] {
        std::fs::write(f, "half a row").unwrap();
    }
    let out = kabar(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            p(&d.join("t.csv")),
            "--entities",
            p(&d.join("e.csv")),
            "-q",
        ],
        None,
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!stale.exists() && live.exists() && other.exists(), "{err}");
    assert!(
        err.contains("4294967295") && err.contains("killed"),
        "{err}"
    );
    let mut left = partial_files(d);
    left.sort();
    let stats_left = left
        .iter()
        .filter(|f| f.starts_with("stats.json.kabar-"))
        .count();
    assert_eq!(left.len(), 3, "{left:?}");
    assert_eq!(stats_left, 1, "not this run's output: {left:?}");
}

#[test]
fn an_interrupted_stream_leaves_no_output_file() {
    // An endless stream on standard input: only the signal can end the run.
    let dir = tempdir();
    let (out, _) = signal_a_stream(dir.path(), "-INT");
    assert_interrupted_cleanly(&out, dir.path());
}

/// A long document analysed in sections (`--section-size`) gives rows whose
/// offsets and sentence ids are those of the whole document: each entity's
/// characters are its text, each sentence id has the evidence the whole run
/// gives it, and the same mentions are found (with the name tagger, no
/// more: see below). Once with line breaks (split
/// there) and once as one line (split at sentence ends).
#[test]
fn long_documents_are_analysed_in_sections_with_document_offsets() {
    let dir = tempdir();
    let seeds: Vec<String> = seed_files()
        .into_iter()
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect();
    let with_lines = seeds.join("\n\n").repeat(3);
    let one_line = with_lines.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, text) in [("lines", with_lines), ("oneline", one_line)] {
        let input = dir.path().join(format!("{name}.txt"));
        std::fs::write(&input, &text).unwrap();
        let (o1, t_whole, e_whole) = extract(dir.path(), &format!("{name}-whole"), &[&input], &[]);
        let (o2, t_sec, e_sec) = extract(
            dir.path(),
            &format!("{name}-sections"),
            &[&input],
            &["--section-size", "8KB"],
        );
        assert!(
            o1.status.success() && o2.status.success(),
            "{}",
            stderr(&o2)
        );
        let chars: Vec<char> = text.chars().collect();
        let (_, ents) = read_csv_bytes(&e_sec);
        let (_, ents_whole) = read_csv_bytes(&e_whole);
        assert!(ents.len() > 300, "{name}: {} mentions", ents.len());
        for r in &ents {
            let (s, e): (usize, usize) = (r[2].parse().unwrap(), r[3].parse().unwrap());
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                r[4],
                "{name}: {r:?}"
            );
        }
        let spans = |rows: &[Vec<String>]| -> BTreeSet<(String, String, String)> {
            rows.iter()
                .map(|r| (r[1].clone(), r[2].clone(), r[3].clone()))
                .collect()
        };
        let (a, b) = (spans(&ents), spans(&ents_whole));
        let only_sections: Vec<_> = a.difference(&b).take(5).collect();
        assert!(
            only_sections.is_empty(),
            "{name}: mentions only in sections {only_sections:?}"
        );
        // The same mentions, where no name is linked across sections: the
        // name tagger's people link their later surnames in the whole
        // document, which a section cannot see (`process_in_sections`).
        let (_, _, e_whole) = extract(
            dir.path(),
            &format!("{name}-w0"),
            &[&input],
            &["--no-model"],
        );
        let (_, _, e_sec) = extract(
            dir.path(),
            &format!("{name}-s0"),
            &[&input],
            &["--section-size", "8KB", "--no-model"],
        );
        let (a, b) = (
            spans(&read_csv_bytes(&e_sec).1),
            spans(&read_csv_bytes(&e_whole).1),
        );
        let only_sections: Vec<_> = a.difference(&b).take(5).collect();
        let only_whole: Vec<_> = b.difference(&a).take(5).collect();
        assert!(
            only_sections.is_empty() && only_whole.is_empty(),
            "{name}: mentions differ: only in sections {only_sections:?}, only whole {only_whole:?}"
        );
        let (_, tr) = read_csv_bytes(&t_sec);
        let (_, tr_whole) = read_csv_bytes(&t_whole);
        let evidence: BTreeMap<&str, &str> = tr_whole
            .iter()
            .map(|r| (r[1].as_str(), r[11].as_str()))
            .collect();
        assert!(tr.len() > 100, "{name}: {} triples", tr.len());
        for r in &tr {
            assert_eq!(
                evidence.get(r[1].as_str()).copied(),
                Some(r[11].as_str()),
                "{name}: {r:?}"
            );
        }
    }
    // A section too small to hold sentences is refused, with the reason.
    let o = kabar(
        &["extract", p(&crate::util::seeds()), "--section-size", "1KB"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at least 4KB"), "{}", stderr(&o));
}
