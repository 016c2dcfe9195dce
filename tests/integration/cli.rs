//! The `kabar extract` command end to end.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::*;

const SPEC_TRIPLE_COLUMNS: &[&str] = &[
    "doc_id",
    "sentence_id",
    "subject_id",
    "subject",
    "subject_type",
    "relation",
    "object_id",
    "object",
    "object_type",
    "negated",
    "trigger",
    "evidence",
];
const SPEC_ENTITY_COLUMNS: &[&str] = &[
    "doc_id",
    "sentence_id",
    "start_char",
    "end_char",
    "text",
    "entity_id",
    "name",
    "type",
    "source",
];

fn seed_texts() -> HashMap<String, String> {
    std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let id = p.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&p).unwrap().replace("\r\n", "\n");
            (id, text)
        })
        .collect()
}

/// `kabar extract seeds --triples DIR/t.csv --entities DIR/e.csv` with
/// `extra` arguments: the run and the two files.
fn extract_seeds(dir: &Path, extra: &[&str]) -> (Output, PathBuf, PathBuf) {
    let (t, e) = (dir.join("t.csv"), dir.join("e.csv"));
    let seeds = seeds();
    let mut args = vec![
        "extract",
        p(&seeds),
        "--triples",
        p(&t),
        "--entities",
        p(&e),
    ];
    args.extend_from_slice(extra);
    let out = kabar(&args, None);
    (out, t, e)
}

#[test]
fn seeds_give_spec_columns_and_true_offsets() {
    let dir = tempdir();
    let (out, t, e) = extract_seeds(dir.path(), &["--cooccurrence"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("5 documents"), "{}", stderr(&out));

    let (th, trows) = read_csv(&t);
    assert_eq!(&th[..12], SPEC_TRIPLE_COLUMNS);
    assert!(!trows.is_empty());
    let (eh, erows) = read_csv(&e);
    assert_eq!(eh, SPEC_ENTITY_COLUMNS);
    assert!(
        erows.len() > 100,
        "only {} mentions on the seeds",
        erows.len()
    );

    let texts = seed_texts();
    for r in &erows {
        let text = &texts[&r[0]];
        let (s, en): (usize, usize) = (r[2].parse().unwrap(), r[3].parse().unwrap());
        let slice: String = text.chars().skip(s).take(en - s).collect();
        assert_eq!(slice, r[4], "entity row {r:?}");
        assert!(["PERSON", "COUNTRY", "ORGANIZATION", "LOCATION"].contains(&r[7].as_str()));
        assert!(["gazetteer", "pattern", "model"].contains(&r[8].as_str()));
    }
    // Every triple's evidence is a piece of its document.
    for r in &trows {
        assert!(texts[&r[0]].contains(r[11].as_str()), "evidence of {r:?}");
        assert!(["true", "false"].contains(&r[9].as_str()));
    }
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let run = |threads: &str| {
        let dir = tempdir();
        let (out, t, e) = extract_seeds(dir.path(), &["--threads", threads, "--cooccurrence"]);
        assert!(out.status.success());
        (std::fs::read(t).unwrap(), std::fs::read(e).unwrap())
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn folder_jsonl_and_stdin_give_the_same_rows() {
    let texts = seed_texts();
    let mut ids: Vec<&String> = texts.keys().collect();
    ids.sort();
    let dir = tempdir();
    let jsonl = dir.path().join("docs.jsonl");
    let mut lines = String::new();
    for id in &ids {
        lines.push_str(&serde_json::json!({"id": id, "text": texts[*id], "url": "x"}).to_string());
        lines.push('\n');
    }
    std::fs::write(&jsonl, &lines).unwrap();

    let folder = kabar(&["extract", p(&seeds()), "--cooccurrence"], None);
    let file = kabar(&["extract", p(&jsonl), "--cooccurrence"], None);
    let stdin = kabar(
        &["extract", "-", "--stdin-format", "jsonl", "--cooccurrence"],
        Some(lines.as_bytes()),
    );
    assert!(folder.status.success() && file.status.success() && stdin.status.success());
    assert!(!folder.stdout.is_empty());
    assert_eq!(folder.stdout, file.stdout);
    assert_eq!(folder.stdout, stdin.stdout);

    // Plain text on stdin is one document called "stdin".
    let one = kabar(
        &["extract", "-", "--cooccurrence"],
        Some(texts[ids[0]].as_bytes()),
    );
    let (_, rows) = read_csv_bytes(&one.stdout);
    assert!(!rows.is_empty() && rows.iter().all(|r| r[0] == "stdin"));
}

#[test]
fn jsonl_format_writes_the_same_records() {
    let csv_out = kabar(&["extract", p(&seeds()), "--cooccurrence"], None);
    let json_out = kabar(
        &[
            "extract",
            p(&seeds()),
            "--cooccurrence",
            "--format",
            "jsonl",
        ],
        None,
    );
    let (_, rows) = read_csv_bytes(&csv_out.stdout);
    let recs: Vec<serde_json::Value> = String::from_utf8(json_out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), recs.len());
    for (r, j) in rows.iter().zip(&recs) {
        assert_eq!(j["subject_id"], r[2].as_str());
        assert_eq!(j["relation"], r[5].as_str());
        assert_eq!(j["negated"], r[9] == "true");
    }
}

#[test]
fn no_input_is_a_usage_error_not_a_hang() {
    let out = kabar(&["extract"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no input"), "{}", stderr(&out));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_processed() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::write(
        d.join("bad.txt"),
        b"Presiden Rusia \xff\xfe Vladimir Putin bertemu Xi Jinping.",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("docs.jsonl"),
        "{\"id\": \"j1\", \"text\": \"China dan Rusia.\"}\n{broken\n{\"id\": \"j3\"}\n{\"id\": \"j4\", \"text\": \"Amerika Serikat dan China.\"}\n",
    )
    .unwrap();
    let gaz = d.join("user.tsv");
    std::fs::write(
        &gaz,
        "entity_id\ttype\tname\nBad\tNOPE\tBad\nGood_Org\tORGANIZATION\tGood Org\n",
    )
    .unwrap();
    let missing = d.join("missing.txt");
    let t = d.join("t.csv");
    let e = d.join("e.csv");
    let out = kabar(
        &[
            "extract",
            p(d),
            p(&missing),
            "--gazetteer",
            p(&gaz),
            "--cooccurrence",
            "--triples",
            p(&t),
            "--entities",
            p(&e),
        ],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad.txt: invalid UTF-8 at byte offset 15"),
        "{err}"
    );
    assert!(err.contains("docs.jsonl:2: not a JSON object"), "{err}");
    assert!(
        err.contains("docs.jsonl:3: record has no `text` field"),
        "{err}"
    );
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("user.tsv:2: error: bad type `NOPE`"), "{err}");
    assert!(err.contains("3 input(s) failed"), "{err}");
    // The good documents are all there; the empty file gives no rows.
    let (_, rows) = read_csv(&e);
    let docs: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["bad", "j1", "j4"]);
    // The user's valid entry was loaded next to the defaults.
    let g = d.join("g.txt");
    std::fs::write(&g, "Good Org bertemu China.").unwrap();
    let out = kabar(
        &["extract", p(&g), "--gazetteer", p(&gaz), "--cooccurrence"],
        None,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good_Org"));
}

#[test]
fn output_files_appear_only_when_complete() {
    let dir = tempdir();
    let t = dir.path().join("t.csv");
    // An output error (the entities path is a folder) stops the run: no
    // triples file under its final name, no temporary files left.
    let out = kabar(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            p(&t),
            "--entities",
            p(dir.path()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn formula_cells_are_escaped_unless_turned_off() {
    let dir = tempdir();
    let f = dir.path().join("-x.txt");
    std::fs::write(&f, "=China bertemu Rusia.").unwrap();
    let on = kabar(&["extract", p(&f), "--cooccurrence"], None);
    let (_, rows) = read_csv_bytes(&on.stdout);
    assert_eq!(rows[0][0], "'-x");
    assert!(rows[0][11].starts_with("'=China"));
    let off = kabar(
        &["extract", p(&f), "--cooccurrence", "--no-formula-escape"],
        None,
    );
    let (_, rows) = read_csv_bytes(&off.stdout);
    assert_eq!(rows[0][0], "-x");
    assert!(rows[0][11].starts_with("=China"));
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let dir = tempdir();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "China dan Rusia bertemu. ".repeat(20000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["extract", p(&big), "--cooccurrence", "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn special_files_are_written_in_place_not_replaced() {
    // `--triples /dev/null` must write to the device, never rename a
    // temporary file over it.
    let out = kabar(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            "/dev/null",
            "--entities",
            "/dev/null",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(!meta.is_file(), "/dev/null was replaced by a regular file");
}

#[test]
fn no_triples_writes_the_same_entities_and_no_triples() {
    let dir = tempdir();
    let (full, _, e) = extract_seeds(dir.path(), &[]);
    assert!(full.status.success());
    let entities = std::fs::read_to_string(&e).unwrap();
    // Seats read as places ("di Beijing") are LOCATION rows in both runs.
    assert!(entities.contains(",LOCATION,"));

    // Entities to standard output when no --entities is given.
    let only = kabar(&["extract", p(&seeds()), "--no-triples", "--quiet"], None);
    assert!(only.status.success(), "{}", stderr(&only));
    assert_eq!(String::from_utf8(only.stdout).unwrap(), entities);

    // And to a file, with no triples file made.
    let (t2, e2) = (dir.path().join("t2.csv"), dir.path().join("e2.csv"));
    let only = kabar(
        &["extract", p(&seeds()), "--no-triples", "--entities", p(&e2)],
        None,
    );
    assert!(only.status.success());
    assert!(only.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&e2).unwrap(), entities);
    assert!(!t2.exists());
    assert!(stderr(&only).contains(" 0 triples"));

    // It cannot be asked for together with triples.
    let both = kabar(
        &["extract", p(&seeds()), "--no-triples", "--triples", p(&t2)],
        None,
    );
    assert!(!both.status.success());
    assert!(stderr(&both).contains("--no-triples"));
}

/// The `confidence` cells of a triples CSV, with each whole line.
fn confidences(csv_text: &str) -> Vec<(f64, String)> {
    let mut lines = csv_text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header.iter().position(|c| *c == "confidence").unwrap();
    // The evidence before it may hold commas: read the records properly.
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let c: f64 = rec[col].parse().unwrap();
            (c, rec.iter().collect::<Vec<_>>().join("\u{1}"))
        })
        .collect()
}

#[test]
fn confidence_is_a_number_after_the_spec_columns_and_min_confidence_filters() {
    let dir = tempdir();
    let (full, t, _) = extract_seeds(dir.path(), &[]);
    assert!(full.status.success(), "{}", stderr(&full));
    let all = std::fs::read_to_string(&t).unwrap();
    let header: Vec<&str> = all.lines().next().unwrap().split(',').collect();
    assert_eq!(header[SPEC_TRIPLE_COLUMNS.len()], "confidence");
    let rows = confidences(&all);
    assert!(rows.len() > 50);
    assert!(rows.iter().all(|(c, _)| (0.0..=1.0).contains(c)));
    // The rows differ in confidence (the evidence counts), and the cells
    // are hundredths.
    let (lo, hi) = rows.iter().fold((1.0f64, 0.0f64), |(lo, hi), (c, _)| {
        (lo.min(*c), hi.max(*c))
    });
    assert!(hi - lo > 0.1, "{lo}..{hi}");
    assert!(
        rows.iter()
            .all(|(c, _)| ((c * 100.0).round() - c * 100.0).abs() < 1e-6)
    );

    // --min-confidence keeps exactly the rows at or above it, in order.
    let mid = ((lo + hi) / 2.0 * 100.0).round() / 100.0;
    let t2 = dir.path().join("t2.csv");
    let some = kabar(
        &[
            "extract",
            p(&seeds()),
            "--triples",
            p(&t2),
            "--min-confidence",
            &mid.to_string(),
        ],
        None,
    );
    assert!(some.status.success(), "{}", stderr(&some));
    let kept = confidences(&std::fs::read_to_string(&t2).unwrap());
    let expected: Vec<_> = rows.iter().filter(|(c, _)| *c >= mid).cloned().collect();
    assert!(!expected.is_empty() && expected.len() < rows.len());
    assert_eq!(kept, expected);

    // A value outside 0..1 is a usage error naming the option.
    for bad in ["1.5", "-0.1", "high"] {
        let arg = format!("--min-confidence={bad}");
        let out = kabar(&["extract", p(&seeds()), &arg], None);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains("--min-confidence") && err.contains(bad),
            "{err}"
        );
    }
}

/// `--events`: one row per document and distinct (subject, relation,
/// object, negated), counting the triple rows that state it, with the
/// first sentence and evidence; the same rows from a document read in
/// sections; in JSONL too; and no second output on standard output.
#[test]
fn events_count_the_triple_rows_of_each_document() {
    let dir = tempdir();
    let input = dir.path().join("in.jsonl");
    // (Sentences with no entity between, so that sections of 4 KB split
    // the document.)
    let filler = "Cuaca di kota itu cerah sepanjang pagi dan sore. ".repeat(60);
    let a = format!(
        "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Moskow. {filler}\n\
         Putin kembali bertemu Xi Jinping pada hari Selasa. {filler}\n\
         China mendukung Rusia dalam sengketa itu. \
         China tidak mendukung sanksi terhadap Iran."
    );
    let b = "Putin met Xi Jinping in Beijing on Monday.";
    let lines = [("a", a.as_str()), ("b", b)]
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect::<String>();
    std::fs::write(&input, lines).unwrap();
    let run = |extra: &[&str], t: &Path, ev: &Path| {
        let mut args = vec!["extract", p(&input), "--triples", p(t), "--events", p(ev)];
        args.extend_from_slice(extra);
        let out = kabar(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let (t, ev) = (dir.path().join("t.csv"), dir.path().join("ev.csv"));
    run(&[], &t, &ev);
    let (th, trows) = read_csv(&t);
    let (eh, erows) = read_csv(&ev);
    assert_eq!(eh, kabar::output::EVENT_COLUMNS);
    let col = |h: &[String], name: &str| h.iter().position(|c| c == name).unwrap();
    let key = |h: &[String], r: &[String]| {
        ["doc_id", "subject_id", "relation", "object_id", "negated"].map(|c| r[col(h, c)].clone())
    };
    // Every event is the triple rows of its key, counted; in order of
    // their first rows.
    let mut counts: Vec<([String; 5], usize, String, String)> = Vec::new();
    for r in &trows {
        let k = key(&th, r);
        match counts.iter_mut().find(|(c, ..)| *c == k) {
            Some(e) => e.1 += 1,
            None => counts.push((
                k,
                1,
                r[col(&th, "sentence_id")].clone(),
                r[col(&th, "evidence")].clone(),
            )),
        }
    }
    assert_eq!(erows.len(), counts.len());
    for (r, (k, n, sid, evidence)) in erows.iter().zip(&counts) {
        assert_eq!(&key(&eh, r), k);
        assert_eq!(r[col(&eh, "mentions")], n.to_string());
        assert_eq!(&r[col(&eh, "first_sentence_id")], sid);
        assert_eq!(&r[col(&eh, "evidence")], evidence);
    }
    // The meeting of document a is stated twice: one event of two rows.
    let meet = erows
        .iter()
        .find(|r| {
            r[0] == "a"
                && r[col(&eh, "subject_id")] == "Vladimir_Putin"
                && r[col(&eh, "relation")] == "meet"
        })
        .expect("Putin meets Xi in document a");
    assert_eq!(meet[col(&eh, "mentions")], "2");
    assert_eq!(meet[col(&eh, "first_sentence_id")], "0");
    // A denied relation is its own event.
    assert!(
        erows
            .iter()
            .any(|r| r[0] == "a" && r[col(&eh, "negated")] == "true")
    );
    // Document b's meeting is b's own event.
    assert!(
        erows
            .iter()
            .any(|r| r[0] == "b" && r[col(&eh, "relation")] == "meet")
    );

    // Read in sections of 4 KB, each event is still one row per
    // document, its sentence counted from the document's start.
    let (t2, ev2) = (dir.path().join("t2.csv"), dir.path().join("ev2.csv"));
    run(&["--section-size", "4KB"], &t2, &ev2);
    let (_, erows2) = read_csv(&ev2);
    let (_, trows2) = read_csv(&t2);
    let keys2: std::collections::HashSet<_> = erows2.iter().map(|r| key(&eh, r)).collect();
    assert_eq!(keys2.len(), erows2.len());
    let total: usize = erows2
        .iter()
        .map(|r| r[col(&eh, "mentions")].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, trows2.len());
    // The two meetings lie in different sections: still one event.
    let meet2 = erows2
        .iter()
        .find(|r| r[0] == "a" && r[col(&eh, "relation")] == "meet")
        .expect("the meeting, read in sections");
    assert_eq!(meet2[col(&eh, "mentions")], "2");
    assert_eq!(meet2[col(&eh, "first_sentence_id")], "0");

    // JSONL: the same events, numbers as numbers.
    let (t3, ev3) = (dir.path().join("t3.jsonl"), dir.path().join("ev3.jsonl"));
    run(&["--format", "jsonl"], &t3, &ev3);
    let events: Vec<serde_json::Value> = std::fs::read_to_string(&ev3)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), erows.len());
    assert!(events.iter().all(|e| e["mentions"].is_u64()));

    // Events and triples cannot both take standard output.
    let out = kabar(&["extract", p(&input), "--events", "-"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--events"), "{}", stderr(&out));
    // --no-triples writes no events.
    let out = kabar(
        &["extract", p(&input), "--no-triples", "--events", p(&ev)],
        None,
    );
    assert!(!out.status.success());
}
