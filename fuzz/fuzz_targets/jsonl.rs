//! The JSONL/streaming reader on any bytes (as a `.jsonl` file, then as a
//! `.txt` file). Properties: every item is a document, a failure or a
//! skip, each naming the file; a record that serde_json reads as an object
//! with a string `text` gives that text (normalised); `count_items` counts
//! what the reader yields, and the shards of 1 to 4 add up to the whole
//! run, in order.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use kabar::Document;
use kabar::input::{self, Format, Item, Reader, ReaderOptions, Source};
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().unwrap());

fn describe(item: &Item, path: &PathBuf) -> String {
    match item {
        Item::Document(d) => {
            assert_eq!(&*d.origin.path, path.as_path());
            format!("doc {} {}", d.id, d.text)
        }
        Item::Failed(e) => {
            assert!(e.to_string().contains("in."), "{e}");
            format!("failed {e}")
        }
        Item::Skipped(s) => format!("skipped {s}"),
    }
}

fn items(sources: &[Source], opts: ReaderOptions, path: &PathBuf) -> Vec<String> {
    let mut r = Reader::with_options(sources.to_vec(), opts);
    let mut out = Vec::new();
    while let Some(item) = r.next_item() {
        out.push(describe(&item, path));
    }
    out
}

fuzz_target!(|data: &[u8]| {
    for (name, format) in [("in.jsonl", Format::Jsonl), ("in.txt", Format::Text)] {
        let path = DIR.path().join(name);
        std::fs::write(&path, data).unwrap();
        let sources = vec![Source::File {
            path: path.clone(),
            format,
        }];
        let opts = ReaderOptions {
            max_doc_size: Some(1 << 16),
            ..ReaderOptions::default()
        };
        let all = items(&sources, opts.clone(), &path);
        let total = input::count_items(sources.clone(), &opts, None).unwrap();
        assert_eq!(total as usize, all.len());
        for n in 1..=4 {
            let mut joined = Vec::new();
            for k in 1..=n {
                let o = ReaderOptions {
                    items: Some(input::shard_range(k, n, total)),
                    ..opts.clone()
                };
                joined.extend(items(&sources, o, &path));
            }
            assert_eq!(joined, all, "{n} shards");
        }
    }
    // One line: kabar's reading of `text` is serde_json's.
    if let Some(line) = data.split(|&b| b == b'\n').next()
        && let Ok(v) = serde_json::from_slice::<serde_json::Value>(line)
        && let Some(text) = v.get("text").and_then(|t| t.as_str())
        && v.is_object()
        && matches!(
            v.get("id"),
            None | Some(serde_json::Value::Null | serde_json::Value::Number(_))
        )
    {
        // A field given twice is refused (serde_json's object keeps the last).
        match input::parse_jsonl_line(line, "x.jsonl".as_ref(), 1, "x") {
            Ok(doc) => assert_eq!(doc.text, Document::new("x", text).text),
            Err(e) => assert!(e.to_string().contains("duplicate field"), "{e}"),
        }
    }
});
