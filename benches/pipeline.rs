//! Criterion benchmarks of kabar, per stage and end to end, on real text.
//!
//! ```text
//! python3 scripts/make_real_corpus.py 100 # benches/data/real-100mb.jsonl (git-ignored)
//! cargo bench --bench pipeline            # all groups
//! cargo bench --bench pipeline -- seeds/  # one group
//! python3 benches/compare/criterion_table.py   # the figures as a Markdown table, in MB/s
//! ```
//!
//! Throughput is in bytes of document text (criterion prints MiB/s).
//! Texts:
//!
//! - `seeds`: the five articles of `seeds/` (20 KB; always run).
//! - `corpus`: the first `KABAR_BENCH_MB` MB (default 8) of a benchmark
//!   corpus. The file is `KABAR_BENCH_CORPUS` if set, else the real-news
//!   corpus of `scripts/make_real_corpus.py` (`benches/data/real-100mb.jsonl`,
//!   else the first `benches/data/real-*.jsonl`), else the seeds corpus of
//!   `scripts/make_corpus.py` (`benches/data/corpus-100mb.jsonl`, else the
//!   first `benches/data/corpus-*.jsonl`); skipped (with a note on standard
//!   error) when there is none.
//!
//! Clocks. The single-threaded groups (`startup`, `seeds`, `corpus`) are
//! timed in **process CPU time** (user + system, `CLOCK_PROCESS_CPUTIME_ID`)
//! on 64-bit Linux, wall time elsewhere: the machine this project runs on is
//! small and shared, and CPU time is far less disturbed by other processes
//! than the wall clock. Criterion still prints it as "time". The groups
//! `seeds_wall` and `corpus_wall` time the same work on 1 thread and on all
//! cores by the **wall clock**, which is the only way to see what the
//! second core buys (and which other load on the machine disturbs).
//!
//! | id | what |
//! |---|---|
//! | `startup/gazetteer_default_files` | parse the compiled-in gazetteers |
//! | `startup/pipeline_default` | `Pipeline::default()`: gazetteers + automaton + relation stage |
//! | `1_boilerplate` | `gaz.boilerplate.lines(text)` |
//! | `2_sentences` | `tokenize::split_sentences` |
//! | `3_sentences_tokens` | `split_sentences`, then `tokenize` on each sentence |
//! | `4_entity_match` | `pipeline.entity_phrases().find_each(..)` over the text: entity matching alone |
//! | `5_process` | `Pipeline::process`: boilerplate + sentences + matching + names + relations |
//! | `5a_process_entities_only` | the same with `PipelineBuilder::entities_only` (`kabar extract --no-triples`): everything but the relation stage; 5 / 5a is what relation extraction costs |
//! | `6_csv_encode` | `output::Rows` entities + triples, `output::encode` as CSV (analyses made beforehand) |
//! | `7_process_encode_1t` | 5 + 6 per document, sequentially |
//! | `8_process_encode_all_cores` | 5 + 6 with rayon over documents (all cores; `*_wall` only) |
//! | `9_batch_run_1t` | `batch::run` from the JSONL/txt files (reading, parsing, all stages, CSV into a discarding sink), 1 worker thread |
//! | `9_batch_run_all_cores` | the same, on the global rayon pool (all cores; `*_wall` only) |

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use criterion::measurement::{Measurement, WallTime};
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use rayon::prelude::*;

use kabar::batch::{self, BatchOptions, Outputs};
use kabar::input::{self, Document, Reader, Source};
use kabar::output::{self, ENTITY_COLUMNS, OutputOptions, RowWriter, Rows, Sink, TRIPLE_COLUMNS};
use kabar::tokenize::{Token, split_sentences, tokenize};
use kabar::{Analysis, Gazetteer, Pipeline};

use cpu_time::ProcessCpuTime;

/// Process CPU time as a criterion measurement (nanoseconds, formatted like
/// wall time).
mod cpu_time {
    use criterion::measurement::{Measurement, ValueFormatter, WallTime};

    pub struct ProcessCpuTime {
        wall: WallTime,
    }

    impl Default for ProcessCpuTime {
        fn default() -> Self {
            ProcessCpuTime { wall: WallTime }
        }
    }

    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    fn now_ns() -> u64 {
        #[repr(C)]
        struct Timespec {
            tv_sec: i64,
            tv_nsec: i64,
        }
        unsafe extern "C" {
            fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
        }
        const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
        let mut ts = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec with the C layout of
        // 64-bit Linux; clock_gettime writes it and nothing else.
        let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
        assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
    }

    /// Elsewhere: the wall clock.
    #[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
    fn now_ns() -> u64 {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START
            .get_or_init(std::time::Instant::now)
            .elapsed()
            .as_nanos() as u64
    }

    impl Measurement for ProcessCpuTime {
        type Intermediate = u64;
        type Value = u64;

        fn start(&self) -> u64 {
            now_ns()
        }
        fn end(&self, started: u64) -> u64 {
            now_ns().saturating_sub(started)
        }
        fn add(&self, a: &u64, b: &u64) -> u64 {
            a + b
        }
        fn zero(&self) -> u64 {
            0
        }
        fn to_f64(&self, v: &u64) -> f64 {
            *v as f64
        }
        fn formatter(&self) -> &dyn ValueFormatter {
            self.wall.formatter()
        }
    }
}

const DEFAULT_CORPUS_MB: f64 = 8.0;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Documents of one benchmark group, and the files they came from.
struct Corpus {
    name: &'static str,
    docs: Vec<Document>,
    bytes: u64,
    sources: Vec<Source>,
    /// Keeps a temporary slice file alive while the benches read it.
    _slice: Option<tempfile::NamedTempFile>,
}

fn read_all(sources: Vec<Source>, limit: Option<u64>) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut bytes = 0u64;
    for d in Reader::new(sources) {
        if limit.is_some_and(|l| bytes >= l) {
            break;
        }
        let d = d.expect("benchmark input is readable");
        bytes += d.text.len() as u64;
        docs.push(d);
    }
    docs
}

fn seeds() -> Corpus {
    let dir = root().join("seeds");
    let sources = input::expand(&[dir], input::Format::Text).sources;
    let docs = read_all(sources.clone(), None);
    assert!(!docs.is_empty(), "no documents in seeds/");
    Corpus {
        name: "seeds",
        bytes: docs.iter().map(|d| d.text.len() as u64).sum(),
        docs,
        sources,
        _slice: None,
    }
}

fn corpus_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KABAR_BENCH_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let data = root().join("benches").join("data");
    // The real-news corpus first, the seeds corpus of the older runs after it.
    ["real-", "corpus-"]
        .into_iter()
        .find_map(|prefix| corpus_file(&data, prefix))
}

/// `<data>/<prefix>100mb.jsonl` if it exists, else the first
/// `<data>/<prefix>*.jsonl` in name order.
fn corpus_file(data: &Path, prefix: &str) -> Option<PathBuf> {
    let default = data.join(format!("{prefix}100mb.jsonl"));
    if default.exists() {
        return Some(default);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(data)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".jsonl"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The first `KABAR_BENCH_MB` MB of the generated corpus, also written to a
/// temporary JSONL file so that `batch::run` reads exactly these documents.
fn corpus() -> Option<Corpus> {
    let Some(path) = corpus_path() else {
        eprintln!(
            "kabar bench: no corpus in benches/data/ (run `python3 scripts/make_real_corpus.py`); \
             skipping the corpus/* group"
        );
        return None;
    };
    if !path.exists() {
        eprintln!(
            "kabar bench: {} does not exist; skipping corpus/*",
            path.display()
        );
        return None;
    }
    let mb: f64 = std::env::var("KABAR_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CORPUS_MB);
    let limit = (mb * 1e6) as u64;
    let docs = read_all(
        vec![Source::File {
            format: input::format_of(&path),
            path: path.clone(),
        }],
        Some(limit),
    );
    let mut slice = tempfile::Builder::new()
        .prefix("kabar-bench-")
        .suffix(".jsonl")
        .tempfile()
        .expect("temporary file");
    {
        let mut w = std::io::BufWriter::new(slice.as_file_mut());
        for d in &docs {
            serde_json::to_writer(&mut w, &serde_json::json!({"id": d.id, "text": d.text}))
                .expect("write slice");
            w.write_all(b"\n").expect("write slice");
        }
        w.flush().expect("write slice");
    }
    eprintln!(
        "kabar bench: corpus/* = first {} documents of {}",
        docs.len(),
        path.display()
    );
    Some(Corpus {
        name: "corpus",
        bytes: docs.iter().map(|d| d.text.len() as u64).sum(),
        docs,
        sources: vec![Source::File {
            path: slice.path().to_owned(),
            format: input::Format::Jsonl,
        }],
        _slice: Some(slice),
    })
}

/// Stages 5 + 6 per document, sequentially: bytes of CSV written.
fn process_encode(pipeline: &Pipeline, docs: &[Document], buf: &mut Vec<u8>) -> usize {
    let mut n = 0;
    for d in docs {
        let a = pipeline.process(black_box(d));
        buf.clear();
        encode_rows(d, &a, pipeline.gazetteer(), buf);
        n += buf.len();
    }
    n
}

fn encode_rows(doc: &Document, a: &Analysis, gaz: &Gazetteer, buf: &mut Vec<u8>) {
    let rows = Rows {
        doc,
        analysis: a,
        gaz,
        escape: true,
        offset: Default::default(),
    };
    output::encode(&rows.entities(), output::Format::Csv, buf).expect("encode entities");
    output::encode(&rows.triples(), output::Format::Csv, buf).expect("encode triples");
}

fn discard_outputs() -> Outputs {
    let csv = output::Format::Csv;
    Outputs {
        triples: Some(RowWriter::new(Sink::Discard, TRIPLE_COLUMNS, csv).expect("sink")),
        entities: Some(RowWriter::new(Sink::Discard, ENTITY_COLUMNS, csv).expect("sink")),
        events: None,
        workbook: None,
        options: OutputOptions::default(),
    }
}

fn batch_run(pipeline: &Pipeline, sources: &[Source]) -> u64 {
    let mut outputs = discard_outputs();
    let stats = batch::run(
        pipeline,
        Reader::new(sources.to_vec()),
        &mut outputs,
        BatchOptions::default(),
        |_| {},
    )
    .expect("batch run");
    stats.mentions + stats.triples
}

/// The single-threaded stages, on any clock.
fn stages<M: Measurement>(g: &mut BenchmarkGroup<'_, M>, c: &Corpus, sh: &Shared) {
    let pipeline = &sh.pipeline;
    let gaz = pipeline.gazetteer();
    let docs = &c.docs;

    g.bench_function("1_boilerplate", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| gaz.boilerplate.lines(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });

    let mut sents = Vec::new();
    g.bench_function("2_sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in docs {
                sents.clear();
                split_sentences(black_box(&d.text), &gaz.abbreviations, &mut sents);
                n += sents.len();
            }
            n
        })
    });

    let mut toks: Vec<Token> = Vec::new();
    g.bench_function("3_sentences_tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in docs {
                sents.clear();
                split_sentences(black_box(&d.text), &gaz.abbreviations, &mut sents);
                for s in &sents {
                    toks.clear();
                    tokenize(&d.text, s.clone(), &mut toks);
                    n += toks.len();
                }
            }
            n
        })
    });

    let phrases = pipeline.entity_phrases();
    g.bench_function("4_entity_match", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in docs {
                let text = black_box(d.text.as_str());
                phrases.find_each(text, 0..text.len(), |_| n += 1);
            }
            n
        })
    });

    g.bench_function("5_process", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let a = pipeline.process(black_box(d));
                    a.mentions.len() + a.triples.len()
                })
                .sum::<usize>()
        })
    });

    g.bench_function("5a_process_entities_only", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| sh.entities_only.process(black_box(d)).mentions.len())
                .sum::<usize>()
        })
    });

    let analyses: Vec<Analysis> = docs.iter().map(|d| pipeline.process(d)).collect();
    let mut buf = Vec::with_capacity(1 << 20);
    g.bench_function("6_csv_encode", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, a) in docs.iter().zip(&analyses) {
                buf.clear();
                encode_rows(d, a, gaz, &mut buf);
                n += buf.len();
            }
            n
        })
    });
    drop(analyses);

    g.bench_function("7_process_encode_1t", |b| {
        b.iter(|| process_encode(pipeline, docs, &mut buf))
    });

    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    g.bench_function("9_batch_run_1t", |b| {
        b.iter(|| one.install(|| batch_run(pipeline, &c.sources)))
    });
}

/// The same work on one thread and on all cores, by the wall clock.
fn scaling(g: &mut BenchmarkGroup<'_, WallTime>, c: &Corpus, pipeline: &Pipeline) {
    let gaz = pipeline.gazetteer();
    let docs = &c.docs;
    let mut buf = Vec::with_capacity(1 << 20);
    g.bench_function("7_process_encode_1t", |b| {
        b.iter(|| process_encode(pipeline, docs, &mut buf))
    });
    g.bench_function("8_process_encode_all_cores", |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|d| {
                    let a = pipeline.process(black_box(d));
                    let mut buf = Vec::new();
                    encode_rows(d, &a, gaz, &mut buf);
                    buf.len()
                })
                .sum::<usize>()
        })
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    g.bench_function("9_batch_run_1t", |b| {
        b.iter(|| one.install(|| batch_run(pipeline, &c.sources)))
    });
    g.bench_function("9_batch_run_all_cores", |b| {
        b.iter(|| batch_run(pipeline, &c.sources))
    });
}

fn describe(c: &Corpus, pipeline: &Pipeline) {
    let (mut mentions, mut triples, mut sentences) = (0, 0, 0);
    for d in &c.docs {
        let a = pipeline.process(d);
        mentions += a.mentions.len();
        triples += a.triples.len();
        sentences += a.sentences.len();
    }
    eprintln!(
        "kabar bench: {}: {} documents, {:.2} MB, {} sentences, {} mentions, {} triples",
        c.name,
        c.docs.len(),
        c.bytes as f64 / 1e6,
        sentences,
        mentions,
        triples
    );
}

/// What every group shares, made once.
struct Shared {
    pipeline: Pipeline,
    /// The same without the relation stage.
    entities_only: Pipeline,
    texts: Vec<Corpus>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let pipeline = Pipeline::default();
        let gaz = pipeline.gazetteer();
        eprintln!(
            "kabar bench: gazetteer: {} entities, {} aliases; automaton: {} patterns, {:.2} MB",
            gaz.entities.len(),
            gaz.aliases.len(),
            pipeline.entity_phrases().pattern_count(),
            pipeline.entity_phrases().memory_usage() as f64 / 1e6
        );
        let mut texts = vec![seeds()];
        texts.extend(corpus());
        for c in &texts {
            describe(c, &pipeline);
        }
        let entities_only = Pipeline::builder().entities_only(true).build();
        Shared {
            pipeline,
            entities_only,
            texts,
        }
    })
}

fn configure<M: Measurement>(g: &mut BenchmarkGroup<'_, M>, c: &Corpus) {
    g.throughput(Throughput::Bytes(c.bytes));
    if c.name == "seeds" {
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(3));
    } else {
        g.sampling_mode(SamplingMode::Flat);
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(2));
        g.measurement_time(Duration::from_secs(10));
    }
}

fn bench_stages(cr: &mut Criterion<ProcessCpuTime>) {
    let sh = shared();
    for c in &sh.texts {
        let mut g = cr.benchmark_group(c.name);
        configure(&mut g, c);
        stages(&mut g, c, sh);
        g.finish();
    }
}

fn bench_scaling(cr: &mut Criterion) {
    let sh = shared();
    for c in &sh.texts {
        let mut g = cr.benchmark_group(format!("{}_wall", c.name));
        configure(&mut g, c);
        scaling(&mut g, c, &sh.pipeline);
        g.finish();
    }
}

fn bench_startup(cr: &mut Criterion<ProcessCpuTime>) {
    let mut g = cr.benchmark_group("startup");
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("gazetteer_default_files", |b| {
        b.iter(|| black_box(Gazetteer::default_files()).aliases.len())
    });
    g.bench_function("pipeline_default", |b| {
        b.iter(|| {
            black_box(Pipeline::default())
                .entity_phrases()
                .pattern_count()
        })
    });
    g.finish();
}

fn cpu_criterion() -> Criterion<ProcessCpuTime> {
    Criterion::default().with_measurement(ProcessCpuTime::default())
}

criterion_group! {
    name = cpu_benches;
    config = cpu_criterion();
    targets = bench_startup, bench_stages
}
criterion_group!(wall_benches, bench_scaling);
criterion_main!(cpu_benches, wall_benches);
