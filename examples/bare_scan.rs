//! The matching floor: how fast can the gazetteer be scanned at all?
//!
//! Reads the alias list that `kabar gazetteer export --format tsv` writes
//! (`alias<TAB>entity_id<TAB>type`, no header), builds one aho-corasick
//! automaton (leftmost-longest, ASCII case-insensitive, as kabar's own
//! matcher), scans every document of the corpus, keeps a match only when no
//! alphanumeric character touches it on either side, and prints a JSON
//! summary on standard output:
//!
//! ```text
//! cargo run --release --example bare_scan -- aliases.tsv corpus.jsonl [more inputs] [--matches FILE]
//! ```
//!
//! Inputs ending in `.jsonl` are read one `{"id", "text"}` object per line;
//! anything else is one document (id = file stem). The corpus is read into
//! memory first; `scan_seconds` and `mb_per_sec` time the scan alone (the
//! same basis as the Python tools in `benches/compare/`), `read_seconds`
//! and `build_seconds` are reported beside them. `scan_cpu_seconds` is the
//! CPU time of the scanning thread (Linux `/proc/thread-self/schedstat`;
//! `null` elsewhere), which a busy shared machine disturbs less than the
//! wall clock.
//!
//! Unlike kabar, there is no case rule (an acronym `AS` also matches `as`),
//! no diacritic folding, no retry of a shorter alias when the longest one
//! fails its boundary check, no boilerplate and no sentences: this is the
//! floor under kabar's matcher, not a replacement for it.
//!
//! With `--matches FILE`, every accepted match is written after the timing
//! as `doc_id<TAB>start_char<TAB>end_char<TAB>entity_id` (char offsets, as
//! kabar's entities CSV) for the agreement check.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

struct Doc {
    id: String,
    text: String,
}

fn usage() -> ExitCode {
    eprintln!("usage: bare_scan ALIASES.tsv INPUT... [--matches FILE]");
    ExitCode::from(2)
}

fn read_docs(path: &Path, docs: &mut Vec<Doc>) -> Result<(), String> {
    let content =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson");
    if !is_jsonl {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(Doc {
            id,
            text: content.replace("\r\n", "\n"),
        });
        return Ok(());
    }
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let text = v["text"].as_str().unwrap_or("").to_owned();
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => format!("{}:{}", path.display(), n + 1),
            other => other.to_string(),
        };
        docs.push(Doc { id, text });
    }
    Ok(())
}

/// Reads the exported aliases; a later row wins over an earlier one with
/// the same (ASCII case-folded) alias, as in kabar.
fn read_aliases(path: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    let content =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut index = std::collections::HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for line in content.lines() {
        let mut cols = line.split('\t');
        let (Some(alias), Some(id)) = (cols.next(), cols.next()) else {
            continue;
        };
        let alias = alias.trim();
        if alias.is_empty() {
            continue;
        }
        match index.entry(alias.to_ascii_lowercase()) {
            std::collections::hash_map::Entry::Occupied(e) => ids[*e.get()] = id.to_owned(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(patterns.len());
                patterns.push(alias.to_owned());
                ids.push(id.to_owned());
            }
        }
    }
    Ok((patterns, ids))
}

#[inline]
fn alnum_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Accepted matches of one document: (byte start, byte end, pattern).
fn scan(ac: &AhoCorasick, text: &str, mut f: impl FnMut(usize, usize, usize)) {
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        // Matches of ASCII-case-insensitive UTF-8 patterns start and end on
        // char boundaries; the check is cheap insurance.
        if text.is_char_boundary(s)
            && text.is_char_boundary(e)
            && !alnum_before(text, s)
            && !alnum_at(text, e)
        {
            f(s, e, m.pattern().as_usize());
        }
    }
}

/// CPU time of the calling thread in seconds (Linux only).
fn thread_cpu_seconds() -> Option<f64> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let mut positional = Vec::new();
    let mut matches_out = None;
    while let Some(a) = args.next() {
        if a == "--matches" {
            match args.next() {
                Some(p) => matches_out = Some(p),
                None => return usage(),
            }
        } else if a == "-h" || a == "--help" {
            usage();
            return ExitCode::SUCCESS;
        } else {
            positional.push(a);
        }
    }
    if positional.len() < 2 {
        return usage();
    }

    let t0 = Instant::now();
    let (patterns, ids) = match read_aliases(Path::new(&positional[0])) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("bare_scan: {e}");
            return ExitCode::from(2);
        }
    };
    let mut docs = Vec::new();
    for p in &positional[1..] {
        if let Err(e) = read_docs(Path::new(p), &mut docs) {
            eprintln!("bare_scan: {e}");
            return ExitCode::from(2);
        }
    }
    let read_seconds = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let ac = match AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&patterns)
    {
        Ok(ac) => ac,
        Err(e) => {
            eprintln!("bare_scan: cannot build the automaton: {e}");
            return ExitCode::from(2);
        }
    };
    let build_seconds = t1.elapsed().as_secs_f64();

    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cpu0 = thread_cpu_seconds();
    let t2 = Instant::now();
    let mut count = 0u64;
    for d in &docs {
        scan(&ac, &d.text, |_, _, _| count += 1);
    }
    let scan_seconds = t2.elapsed().as_secs_f64();
    let scan_cpu_seconds = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    let mb = bytes as f64 / 1e6;

    if let Some(path) = matches_out {
        let write = || -> std::io::Result<()> {
            let mut w = BufWriter::new(fs::File::create(&path)?);
            for d in &docs {
                let text = d.text.as_str();
                let (mut byte, mut chars) = (0usize, 0usize);
                let mut res = Ok(());
                scan(&ac, text, |s, e, p| {
                    chars += text[byte..s].chars().count();
                    byte = s;
                    let end_char = chars + text[s..e].chars().count();
                    if res.is_ok() {
                        res = writeln!(w, "{}\t{}\t{}\t{}", d.id, chars, end_char, ids[p]);
                    }
                });
                res?;
            }
            w.flush()
        };
        if let Err(e) = write() {
            eprintln!("bare_scan: cannot write matches: {e}");
            return ExitCode::from(2);
        }
    }

    let report = serde_json::json!({
        "tool": "bare_scan",
        "patterns": patterns.len(),
        "documents": docs.len(),
        "mb": mb,
        "matches": count,
        "read_seconds": read_seconds,
        "build_seconds": build_seconds,
        "scan_seconds": scan_seconds,
        "scan_cpu_seconds": scan_cpu_seconds,
        "mb_per_sec": if scan_seconds > 0.0 { mb / scan_seconds } else { 0.0 },
        "docs_per_sec": if scan_seconds > 0.0 { docs.len() as f64 / scan_seconds } else { 0.0 },
        "automaton_bytes": ac.memory_usage(),
    });
    println!("{report}");
    ExitCode::SUCCESS
}
