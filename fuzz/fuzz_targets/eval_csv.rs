//! The eval CSV reader on any bytes, and on CSV files built from any
//! cells. Properties: no panic on any file; a triples and an entities file
//! written with formula escaping read back to the same items as written
//! without it (escaped cells are read back to their values); `diff` of the
//! two finds nothing on either side. A file written without escaping whose
//! cell looks escaped ("'=x", "'\r…": a quote before a formula character)
//! is ambiguous: the reader takes the quote off, as it must for escaped
//! files, so such cells are left out of the comparison.
#![no_main]

use std::sync::LazyLock;

use kabar::eval;
use kabar::output::escape_formula;
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().unwrap());

const RELATIONS: &[&str] = &[
    "meet",
    "support",
    "attack",
    "co_occurs",
    "member_of",
    "nope",
];
const TYPES: &[&str] = &["PERSON", "COUNTRY", "ORGANIZATION", "LOCATION"];

/// Writes `rows` under `header` to `name`, escaped or not.
fn write(name: &str, header: &[&str], rows: &[Vec<String>], escape: bool) -> std::path::PathBuf {
    let path = DIR.path().join(name);
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(header).unwrap();
    for r in rows {
        if escape {
            w.write_record(r.iter().map(|c| escape_formula(c).into_owned()))
                .unwrap();
        } else {
            w.write_record(r).unwrap();
        }
    }
    w.flush().unwrap();
    path
}

fuzz_target!(|data: &[u8]| {
    // Any bytes as a file.
    let raw = DIR.path().join("raw.csv");
    std::fs::write(&raw, data).unwrap();
    let _ = eval::read_triples(&raw, false);
    let _ = eval::read_triples(&raw, true);
    let _ = eval::read_entities(&raw);

    // Cells from the bytes: fields split at 0xff, rows at 0xfe.
    let text = String::from_utf8_lossy(data);
    let mut triples = Vec::new();
    let mut entities = Vec::new();
    for (i, row) in text.split('\u{fffd}').enumerate() {
        let f: Vec<&str> = row.split('|').collect();
        let cell = |k: usize| f.get(k).copied().unwrap_or("").to_owned();
        triples.push(vec![
            cell(0),
            cell(1),
            RELATIONS[i % RELATIONS.len()].to_owned(),
            cell(2),
            ["true", "false"][i % 2].to_owned(),
            cell(3),
        ]);
        entities.push(vec![
            cell(0),
            cell(1),
            TYPES[i % TYPES.len()].to_owned(),
            cell(2),
        ]);
    }
    // A plain cell that reads as an escaped one (see the module header).
    let ambiguous = triples
        .iter()
        .chain(&entities)
        .flatten()
        .any(|c| kabar::output::unescape_formula(c) != c.as_str());
    let th = [
        "doc_id",
        "subject_id",
        "relation",
        "object_id",
        "negated",
        "evidence",
    ];
    let eh = ["doc_id", "entity_id", "type", "text"];
    let (tp, te) = (
        write("t_plain.csv", &th, &triples, false),
        write("t_escaped.csv", &th, &triples, true),
    );
    let (ep, ee) = (
        write("e_plain.csv", &eh, &entities, false),
        write("e_escaped.csv", &eh, &entities, true),
    );
    let (a, b) = (
        eval::read_triples(&tp, false),
        eval::read_triples(&te, false),
    );
    let (c, d) = (
        eval::read_entities(&ep).unwrap(),
        eval::read_entities(&ee).unwrap(),
    );
    let diff = eval::diff(&ep, &ee).unwrap();
    if ambiguous {
        return;
    }
    match (a, b) {
        (Ok(a), Ok(b)) => assert_eq!(a.docs, b.docs),
        (a, b) => assert_eq!(a.is_ok(), b.is_ok()),
    }
    assert_eq!(c.docs, d.docs);
    assert!(diff.only_a.is_empty() && diff.only_b.is_empty(), "{diff:?}");
});
