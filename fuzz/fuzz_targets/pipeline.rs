//! The pipeline on any text. Properties: every entity row's text is the
//! document's text at the row's char offsets; every triple's offsets hold
//! its subject and object; the rows written as CSV and as JSON lines parse
//! back to the same values; a run in small sections gives entity rows whose
//! text is the document's at their offsets too.
#![no_main]

use std::sync::LazyLock;

use kabar::output::{self, Format, Rows};
use kabar::{Document, Pipeline, SectionOffset};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::builder().cooccurrence(true).build());

/// The characters `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The rows written as CSV (no header), read back.
fn csv_records<R: serde::Serialize + output::CsvRow>(rows: &[R]) -> Vec<csv::StringRecord> {
    let mut buf = Vec::new();
    output::encode(rows, Format::Csv, &mut buf).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&buf[..])
        .records()
        .map(Result::unwrap)
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new("fuzz", &text);
    let a = PIPELINE.process(&doc);
    let rows = Rows {
        doc: &doc,
        analysis: &a,
        gaz: PIPELINE.gazetteer(),
        escape: false,
        offset: SectionOffset::default(),
    };
    let entities = rows.entities();
    for r in &entities {
        assert_eq!(chars(&doc.text, r.start_char, r.end_char), r.text, "{r:?}");
    }
    let triples = rows.triples();
    for t in &triples {
        assert!(
            t.subject_start < t.subject_end && t.object_start < t.object_end,
            "{t:?}"
        );
        if let (Some(s), Some(e)) = (t.trigger_start, t.trigger_end) {
            assert_eq!(chars(&doc.text, s, e), t.trigger, "{t:?}");
        }
    }

    // CSV: each record's fields are the row's values.
    let records = csv_records(&entities);
    assert_eq!(records.len(), entities.len());
    for (rec, row) in records.iter().zip(&entities) {
        assert_eq!(&rec[4], row.text.as_ref());
        assert_eq!(&rec[5], row.entity_id.as_ref());
        assert_eq!(rec[2].parse::<usize>().unwrap(), row.start_char);
    }
    let records = csv_records(&triples);
    assert_eq!(records.len(), triples.len());
    for (rec, row) in records.iter().zip(&triples) {
        assert_eq!(&rec[11], row.evidence.as_ref());
        assert_eq!(&rec[10], row.trigger.as_ref());
    }

    // JSON lines: one object per row, the same text.
    let mut buf = Vec::new();
    output::encode(&entities, Format::Jsonl, &mut buf).unwrap();
    let lines: Vec<&[u8]> = buf
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), entities.len());
    for (line, row) in lines.iter().zip(&entities) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        assert_eq!(v["text"], row.text.as_ref());
    }

    // In sections of 4 KB (the smallest allowed): offsets stay the document's.
    let sections = PIPELINE.process_in_sections(&doc, 4096, |section, a, offset| {
        let rows = Rows {
            doc: section,
            analysis: a,
            gaz: PIPELINE.gazetteer(),
            escape: false,
            offset,
        };
        for r in rows.entities() {
            assert_eq!(chars(&doc.text, r.start_char, r.end_char), r.text, "{r:?}");
        }
        Ok::<(), ()>(())
    });
    assert!(sections.is_ok());
});
