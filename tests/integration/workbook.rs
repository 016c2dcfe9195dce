//! `kabar extract --xlsx`: the workbook opened with openpyxl (python3 with
//! openpyxl; `.ci/run` installs it, the test says it skips without).

use std::path::Path;

use crate::util::*;

/// Runs `check` with openpyxl (see [`python_check`]).
fn openpyxl(check: &str, args: &[&str]) -> bool {
    python_check("openpyxl", "openpyxl==3.1.5", check, args)
}

/// What every sheet must be: the sheets in order, a frozen header, an
/// autofilter over the rows, no formula anywhere; the triples sheet the
/// CSV's rows as typed values (numbers, booleans, ids linked), a cell
/// that starts with `=` kept as text.
const CHECK: &str = r#"
import csv
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["triples", "entities", "events", "summary"], wb.sheetnames
for ws in wb.worksheets:
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
ws = wb["triples"]
sheet = [[c for c in r] for r in ws.iter_rows()]
assert [c.value for c in sheet[0]] == rows[0], ([c.value for c in sheet[0]], rows[0])
assert len(sheet) == len(rows), (len(sheet), len(rows))
h = rows[0]
formula_like = 0
for cells, row in zip(sheet[1:], rows[1:]):
    for c, v, name in zip(cells, row, h):
        if v == "":
            assert c.value in (None, ""), (name, c.value)
        elif name in ("sentence_id", "confidence", "quad_class") or name.endswith(("_start", "_end")):
            assert c.data_type == "n" and float(c.value) == float(v), (name, c.value, v)
        elif name == "negated":
            assert c.value is (v == "true"), (c.value, v)
        elif name in ("subject_id", "object_id"):
            assert c.value == v and c.hyperlink is not None, (name, c.value)
            assert c.hyperlink.target.startswith("https://en.wikipedia.org/wiki/"), c.hyperlink.target
        else:
            assert c.data_type == "s" and c.value == v, (name, c.value, v)
        if name == "evidence" and v.startswith("="):
            formula_like += 1
assert formula_like > 0, "no evidence cell starting with ="
summary = {r[0].value: r[1].value for r in wb["summary"].iter_rows(min_row=2)}
assert summary["triples rows"] == len(rows) - 1, summary
assert summary["documents"] == int(sys.argv[3]), summary
"#;

#[test]
fn the_workbook_holds_the_rows_as_values() {
    let dir = tempdir();
    let input = dir.path().join("in.jsonl");
    let docs = [
        (
            "a",
            "=SUM(A1) Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Moskow. \
             China tidak mendukung sanksi terhadap Iran.",
        ),
        ("b", "Putin met Xi Jinping in Beijing on Monday."),
    ];
    let lines: String = docs
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    std::fs::write(&input, lines).unwrap();
    let (t, book) = (dir.path().join("t.csv"), dir.path().join("out.xlsx"));
    let out = kabar(
        &[
            "extract",
            p(&input),
            "--triples",
            p(&t),
            "--xlsx",
            p(&book),
            "--no-formula-escape",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Written under a temporary name and renamed: nothing else is left.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("partial")), "{names:?}");
    openpyxl(CHECK, &[p(&book), p(&t), "2"]);

    // The seeds: the same checks (no formula-like evidence there, so the
    // composed document is added).
    let seeds_book = dir.path().join("seeds.xlsx");
    let seeds_t = dir.path().join("seeds.csv");
    let out = kabar(
        &[
            "extract",
            p(&seeds()),
            p(&input),
            "--triples",
            p(&seeds_t),
            "--xlsx",
            p(&seeds_book),
            "--no-formula-escape",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    openpyxl(CHECK, &[p(&seeds_book), p(&seeds_t), "7"]);

    // A workbook is a file: standard output is refused, naming the option.
    let out = kabar(&["extract", p(&input), "--xlsx", "-"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--xlsx"), "{}", stderr(&out));
}

/// Rows past a sheet's limit go on in numbered sheets (after the first
/// three), none dropped.
#[test]
fn rows_past_a_sheets_limit_go_on_in_the_next_sheet() {
    use kabar::xlsx::{Kind, Workbook};
    let dir = tempdir();
    let path = dir.path().join("split.xlsx");
    let sink = kabar::output::Sink::file(&path).unwrap();
    let mut book = Workbook::with_sheet_rows(sink, 3).unwrap();
    let mut lines = String::new();
    for i in 0..7 {
        lines +=
            &serde_json::json!({"doc_id": format!("d{i}"), "sentence_id": i, "relation": "meet"})
                .to_string();
        lines.push('\n');
    }
    // Lines split across calls are joined.
    let (a, b) = lines.as_bytes().split_at(25);
    book.add_jsonl(Kind::Triples, a).unwrap();
    book.add_jsonl(Kind::Triples, b).unwrap();
    assert_eq!(book.rows(Kind::Triples), 7);
    book.write(&[("documents".to_owned(), 7.0)])
        .unwrap()
        .finish()
        .unwrap();
    assert!(Path::new(&path).exists());
    openpyxl(
        r#"
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["triples", "entities", "events", "triples 2", "triples 3", "summary"], wb.sheetnames
ids = []
for name in ["triples", "triples 2", "triples 3"]:
    ws = wb[name]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]][:2] == ["doc_id", "sentence_id"]
    ids += [r[0].value for r in ws.iter_rows(min_row=2)]
assert ids == ["d%d" % i for i in range(7)], ids
"#,
        &[p(&path)],
    );
}

/// A bad row is an error, not a dropped row.
#[test]
fn a_row_that_is_not_json_is_an_error() {
    use kabar::xlsx::{Kind, Workbook};
    let dir = tempdir();
    let sink = kabar::output::Sink::file(&dir.path().join("bad.xlsx")).unwrap();
    let mut book = Workbook::new(sink).unwrap();
    let err = book.add_jsonl(Kind::Entities, b"{not json}\n").unwrap_err();
    assert!(err.to_string().contains("not JSON"), "{err}");
}
