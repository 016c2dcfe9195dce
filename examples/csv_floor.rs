//! The output floor: how long does writing kabar's CSV rows take with the
//! `csv` crate alone, with no analysis and no row building?
//!
//! Reads the triples and entities CSVs of a finished `kabar extract` run
//! into memory (as byte records, headers dropped), then writes every record
//! again with `csv::Writer` configured as kabar's encoder is (no header,
//! RFC 4180 quoting where needed) into an in-memory buffer, and prints a
//! JSON summary:
//!
//! ```text
//! cargo run --release --example csv_floor -- corpus.jsonl triples.csv entities.csv
//! ```
//!
//! `corpus.jsonl` is the run's input (`{"id", "text"}` per line): its text
//! bytes give the throughput in input MB per second, the unit of the
//! side-by-side table of BENCHMARKS.md. The write is timed five times; the
//! fastest run and the median are printed, in wall and thread-CPU seconds
//! (Linux `/proc/thread-self/schedstat`; `null` elsewhere).
//!
//! This is a floor under any tool that writes the same rows through the
//! `csv` crate: kabar also builds each row (char offsets, ids, countries)
//! before writing it.

use std::fs;
use std::io::BufRead;
use std::process::ExitCode;
use std::time::Instant;

fn thread_cpu_ns() -> Option<u64> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn read_records(path: &str) -> Result<Vec<csv::ByteRecord>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .map_err(|e| format!("{path}: {e}"))?;
    r.byte_records()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{path}: {e}"))
}

fn text_bytes(path: &str) -> Result<u64, String> {
    #[derive(serde::Deserialize)]
    struct Doc {
        text: String,
    }
    let f = fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut total = 0u64;
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let d: Doc = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        total += d.text.len() as u64;
    }
    Ok(total)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, triples, entities] = args.as_slice() else {
        return Err("usage: csv_floor CORPUS.jsonl TRIPLES.csv ENTITIES.csv".into());
    };
    let input = text_bytes(corpus)?;
    let tables = [read_records(triples)?, read_records(entities)?];
    let rows: usize = tables.iter().map(Vec::len).sum();
    let mut buf: Vec<u8> = Vec::new();
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..5 {
        buf.clear();
        let c0 = thread_cpu_ns();
        let t0 = Instant::now();
        for table in &tables {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut buf);
            for rec in table {
                w.write_byte_record(rec).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
        }
        wall.push(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e9);
        }
    }
    let stats = |v: &mut Vec<f64>| -> Option<(f64, f64)> {
        v.sort_by(f64::total_cmp);
        Some((*v.first()?, v[v.len() / 2]))
    };
    let (wall_min, wall_median) = stats(&mut wall).expect("five runs");
    let cpu = stats(&mut cpu);
    let mb = input as f64 / 1e6;
    let summary = serde_json::json!({
        "input_mb": mb,
        "rows": rows,
        "output_mb": buf.len() as f64 / 1e6,
        "write_seconds_min": wall_min,
        "write_seconds_median": wall_median,
        "write_cpu_seconds_min": cpu.map(|c| c.0),
        "write_cpu_seconds_median": cpu.map(|c| c.1),
        "input_mb_per_sec": mb / wall_min,
        "input_mb_per_cpu_sec": cpu.map(|c| mb / c.0),
    });
    println!("{summary:#}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("csv_floor: {e}");
            ExitCode::FAILURE
        }
    }
}
