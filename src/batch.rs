//! Batch runs: documents streamed from a [`Reader`] in bounded batches,
//! analysed in parallel, and written in input order.
//!
//! Memory is bounded by bytes in flight, whatever the order of the input:
//! a batch holds small documents only, at most [`BatchOptions::max_docs`]
//! of them and [`BatchOptions::max_bytes`] of text, with their encoded
//! rows; a document of [`BatchOptions::stream_bytes`] or more is analysed
//! after the batch before it is written, beside the batch after it, and
//! its rows go to the outputs as they are encoded instead of being held. Output is
//! byte-identical for any number of threads: workers format each
//! document's rows into their own buffer and one writer emits the buffers
//! in order.
//!
//! A run can be stopped from outside (a signal handler, another thread)
//! through [`BatchOptions::stop`]: the flag is looked at between documents,
//! and a stopped run returns an error for which [`is_interrupted`] holds,
//! so that the caller discards its outputs instead of finishing them.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::Error;
use crate::input::{Document, Item, Reader, Skip};
use crate::output::{OutputOptions, RowEncoder, RowWriter, Rows};
use crate::pipeline::Pipeline;
use crate::schema::EntityType;
use crate::schema::Relation;

/// Batch sizes, and how to stop a run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// At most this many documents in memory (default 2048).
    pub max_docs: usize,
    /// A batch holds at most this many bytes of text (default 8 MiB),
    /// besides the rows they give.
    pub max_bytes: usize,
    /// A document of at least this many bytes (default 1 MiB) is analysed
    /// alone and its rows are written as they are encoded: the rows of a
    /// long text (several times its size) are never held.
    pub stream_bytes: usize,
    /// A document longer than this is analysed in sections of about this
    /// size (default 4 MiB; see [`Pipeline::process_in_sections`]), so
    /// that memory stays bounded by a section, not by the document.
    pub section_bytes: usize,
    /// When set, the run stops at the next document and [`run`] returns an
    /// error for which [`is_interrupted`] holds (default: none).
    pub stop: Option<Arc<AtomicBool>>,
    /// The year of every document without a date of its own (`--date`;
    /// a JSONL `date` field wins). Default: none.
    pub default_year: Option<u16>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            max_docs: 2048,
            max_bytes: 8 << 20,
            stream_bytes: 1 << 20,
            section_bytes: 4 << 20,
            stop: None,
            default_year: None,
        }
    }
}

/// The error of a run stopped through [`BatchOptions::stop`].
pub fn interrupted() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "interrupted")
}

/// True for the error of a stopped run.
pub fn is_interrupted(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Interrupted
}

/// How many failed and skipped inputs [`RunStats`] lists by name; the
/// counts go on past it.
pub const MAX_LISTED: usize = 1000;

/// Counts of one run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RunStats {
    /// Documents analysed and written.
    pub documents: u64,
    /// Sentences in those documents.
    pub sentences: u64,
    /// Entity mentions found.
    pub mentions: u64,
    /// Triples found (`co_occurs` ones included when they are asked for).
    pub triples: u64,
    /// Bytes of document text analysed: UTF-8 after decompression and
    /// normalisation.
    pub input_bytes: u64,
    /// Bytes of input read as stored (compressed files count their
    /// compressed size).
    pub read_bytes: u64,
    /// Inputs (files or records) that could not be read.
    pub failed_inputs: u64,
    /// Inputs or records passed over on purpose (not text, too large).
    pub skipped_inputs: u64,
    /// Problems that did not stop a document from being read (see
    /// [`Event::Warning`]).
    pub warnings: u64,
    /// Wall-clock time of the run (`elapsed_seconds` in the stats file).
    #[serde(rename = "elapsed_seconds", serialize_with = "secs")]
    pub elapsed: Duration,
    /// Mentions per entity type.
    pub mentions_by_type: std::collections::BTreeMap<&'static str, u64>,
    /// Triples per relation.
    pub triples_by_relation: std::collections::BTreeMap<&'static str, u64>,
    /// The failed inputs, each with its file (and line) and the problem
    /// (the first [`MAX_LISTED`]).
    pub failed: Vec<String>,
    /// The skipped inputs, likewise.
    pub skipped: Vec<String>,
    /// The most bytes held at once by a batch: its documents' text and
    /// their encoded rows (a document analysed alone counts its text;
    /// its rows are not held). Not written to the stats file.
    #[serde(skip)]
    pub peak_held_bytes: u64,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl RunStats {
    /// Counts a failed input and lists it.
    pub fn add_failed(&mut self, what: impl std::fmt::Display) {
        self.failed_inputs += 1;
        if self.failed.len() < MAX_LISTED {
            self.failed.push(what.to_string());
        }
    }

    /// Counts a skipped input and lists it.
    pub fn add_skipped(&mut self, what: impl std::fmt::Display) {
        self.skipped_inputs += 1;
        if self.skipped.len() < MAX_LISTED {
            self.skipped.push(what.to_string());
        }
    }

    /// [`input_bytes`](Self::input_bytes) in megabytes (millions of
    /// bytes).
    pub fn megabytes(&self) -> f64 {
        self.input_bytes as f64 / 1e6
    }

    /// Megabytes of text analysed per second of
    /// [`elapsed`](Self::elapsed); 0 when no time was measured.
    pub fn mb_per_sec(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s > 0.0 { self.megabytes() / s } else { 0.0 }
    }
}

/// Something to tell the user while the run goes on.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document was read with a problem that did not stop it.
    Warning(&'a str),
    /// An input or record failed; the run goes on.
    Failed(&'a Error),
    /// An input or record was passed over on purpose; the run goes on.
    Skipped(&'a Skip),
    /// A batch was written. So far: `documents` written, `bytes` of their
    /// text, `read` bytes of input as stored ([`Reader::bytes_read`]), and
    /// `items` passed (documents, failures and skips).
    Progress {
        /// Documents written so far.
        documents: u64,
        /// Bytes of their text.
        bytes: u64,
        /// Bytes of input read as stored.
        read: u64,
        /// Items passed so far: documents, failures and skips.
        items: u64,
    },
}

/// Where rows go.
pub struct Outputs {
    /// The writer of triple rows; `None` when no triples are written.
    pub triples: Option<RowWriter>,
    /// The writer of entity rows; `None` when no entity rows are written.
    pub entities: Option<RowWriter>,
    /// The writer of event rows (one per document and distinct subject,
    /// relation, object and negation: see [`crate::output::Events`]);
    /// `None` when no events are written.
    pub events: Option<RowWriter>,
    /// The workbook (`--xlsx`): every row of the three kinds, whatever
    /// the other outputs are; `None` when none is written.
    pub workbook: Option<crate::xlsx::Workbook>,
    /// Format and formula escaping of the rows of both.
    pub options: OutputOptions,
}

impl Outputs {
    /// The row writers there are, with what each writes (`triples`,
    /// `entities`, `events`).
    pub fn writers(&self) -> impl Iterator<Item = (&'static str, &RowWriter)> {
        [
            ("triples", &self.triples),
            ("entities", &self.entities),
            ("events", &self.events),
        ]
        .into_iter()
        .filter_map(|(what, w)| Some((what, w.as_ref()?)))
    }

    /// [`writers`](Self::writers), to change them.
    pub fn writers_mut(&mut self) -> impl Iterator<Item = &mut RowWriter> {
        [
            self.triples.as_mut(),
            self.entities.as_mut(),
            self.events.as_mut(),
        ]
        .into_iter()
        .flatten()
    }

    /// The row writers, taken out (to finish them).
    pub fn take_writers(&mut self) -> impl Iterator<Item = RowWriter> + use<> {
        [
            self.triples.take(),
            self.entities.take(),
            self.events.take(),
        ]
        .into_iter()
        .flatten()
    }
}

/// Runs the pipeline over every document of `reader`. Returns the counts;
/// an `Err` is an output failure (a closed pipe included: see
/// [`Error::is_broken_pipe`]), or the run was stopped (see
/// [`is_interrupted`]).
pub fn run(
    pipeline: &Pipeline,
    mut reader: Reader,
    outputs: &mut Outputs,
    batch: BatchOptions,
    mut on_event: impl FnMut(Event<'_>),
) -> io::Result<RunStats> {
    let started = Instant::now();
    let stop = batch.stop.clone();
    let stopped = || stop.as_ref().is_some_and(|f| f.load(Ordering::Relaxed));
    if let Some(flag) = &stop {
        reader.stop_when(Arc::clone(flag));
    }
    let mut stats = RunStats::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut bytes = 0usize;
    // Items passed before the batch in `docs` was written.
    let mut items = 0u64;
    // A large document waiting to be analysed while the batch after it is.
    let mut pending: Option<Document> = None;
    let mut write = |pending: &mut Option<Document>,
                     docs: &mut Vec<Document>,
                     stats: &mut RunStats,
                     items: &mut u64,
                     reader: &Reader,
                     on_event: &mut dyn FnMut(Event<'_>)|
     -> io::Result<()> {
        let large = pending.take();
        process_batch(
            pipeline,
            large.as_ref(),
            docs,
            outputs,
            batch.section_bytes,
            stats,
            &stopped,
        )?;
        *items += docs.len() as u64 + u64::from(large.is_some());
        on_event(Event::Progress {
            documents: stats.documents,
            bytes: stats.input_bytes,
            read: reader.bytes_read(),
            items: *items,
        });
        docs.clear();
        Ok(())
    };
    loop {
        if stopped() {
            return Err(interrupted());
        }
        let next = reader.next_item();
        let end = next.is_none();
        match next {
            Some(Item::Document(mut doc)) => {
                if doc.year.is_none() {
                    doc.year = batch.default_year;
                }
                for w in &doc.warnings {
                    stats.warnings += 1;
                    on_event(Event::Warning(w));
                }
                let large = doc.text.len() >= batch.stream_bytes;
                // Before a large document, what came before it is written
                // first; before a small one, the batch when it is full.
                let flush = if large {
                    !docs.is_empty() || pending.is_some()
                } else {
                    bytes + doc.text.len() > batch.max_bytes && !docs.is_empty()
                };
                if flush {
                    write(
                        &mut pending,
                        &mut docs,
                        &mut stats,
                        &mut items,
                        &reader,
                        &mut on_event,
                    )?;
                    bytes = 0;
                }
                if large {
                    pending = Some(doc);
                } else {
                    bytes += doc.text.len();
                    docs.push(doc);
                }
            }
            Some(Item::Failed(e)) => {
                stats.add_failed(&e);
                on_event(Event::Failed(&e));
                items += 1;
            }
            Some(Item::Skipped(skip)) => {
                stats.add_skipped(&skip);
                on_event(Event::Skipped(&skip));
                items += 1;
            }
            None => {}
        }
        if end && stopped() {
            return Err(interrupted());
        }
        // The batch (and the large document before it) is written when
        // full, at the end, and before a large document.
        if (end && (!docs.is_empty() || pending.is_some()))
            || docs.len() >= batch.max_docs
            || bytes >= batch.max_bytes
        {
            write(
                &mut pending,
                &mut docs,
                &mut stats,
                &mut items,
                &reader,
                &mut on_event,
            )?;
            bytes = 0;
        }
        if end {
            break;
        }
    }
    stats.read_bytes = reader.bytes_read();
    stats.elapsed = started.elapsed();
    Ok(stats)
}

struct Encoded {
    triples: Vec<u8>,
    entities: Vec<u8>,
    events: Vec<u8>,
    /// The rows for the workbook (JSONL, unescaped), by [`crate::xlsx::Kind`].
    book: [Vec<u8>; 3],
    sentences: usize,
    /// Mentions per [`EntityType`] and triples per [`Relation`], by
    /// discriminant: counted by the worker, not the writing thread.
    mention_types: [u64; EntityType::ALL.len()],
    relations: [u64; Relation::ALL.len()],
}

impl Encoded {
    fn count(self, doc: &Document, stats: &mut RunStats) {
        stats.documents += 1;
        stats.input_bytes += doc.text.len() as u64;
        stats.sentences += self.sentences as u64;
        stats.mentions += self.mention_types.iter().sum::<u64>();
        stats.triples += self.relations.iter().sum::<u64>();
        for t in EntityType::ALL {
            let n = self.mention_types[t as usize];
            if n > 0 {
                *stats.mentions_by_type.entry(t.as_str()).or_default() += n;
            }
        }
        for r in Relation::ALL {
            let n = self.relations[r as usize];
            if n > 0 {
                *stats.triples_by_relation.entry(r.as_str()).or_default() += n;
            }
        }
    }
}

/// Analyses one document (in sections if it is longer than
/// `section_bytes`) and encodes its rows into `triples` and `entities`
/// (either of which may be `None`: not wanted), through CSV buffers of
/// `buffer` bytes (none for a document's rows in memory).
#[allow(clippy::too_many_arguments)]
fn encode_doc<W: io::Write>(
    pipeline: &Pipeline,
    doc: &Document,
    options: OutputOptions,
    section_bytes: usize,
    buffer: usize,
    triples: Option<W>,
    entities: Option<W>,
    events: Option<W>,
    book: bool,
) -> io::Result<Encoded> {
    let encoder = |w| RowEncoder::with_capacity(options.format, w, buffer);
    let mut triples = triples.map(encoder);
    let mut entities = entities.map(encoder);
    // The events of the whole document (all its sections), written at its end.
    let mut found_events = events.as_ref().map(|_| crate::output::Events::default());
    // The workbook's rows: JSONL, unescaped (its cells are typed values).
    let mut book_events = book.then(crate::output::Events::default);
    let mut book_rows: [Vec<u8>; 3] = Default::default();
    let mut out = Encoded {
        triples: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        book: Default::default(),
        sentences: 0,
        mention_types: [0; EntityType::ALL.len()],
        relations: [0; Relation::ALL.len()],
    };
    pipeline.process_in_sections(doc, section_bytes, |section, a, offset| {
        let rows = Rows {
            doc: section,
            analysis: a,
            gaz: pipeline.gazetteer(),
            escape: options.escapes(),
            offset,
        };
        if triples.is_some() || found_events.is_some() {
            rows.try_each_triple(|r| {
                if let Some(ev) = &mut found_events {
                    ev.add(&r);
                }
                match &mut triples {
                    Some(enc) => enc.write(&r),
                    None => Ok(()),
                }
            })?;
        }
        if let Some(enc) = &mut entities {
            rows.try_each_entity(|r| enc.write(&r))?;
        }
        if let Some(found) = &mut book_events {
            let rows = Rows {
                escape: false,
                ..rows
            };
            let [bt, be, _] = &mut book_rows;
            let mut t = RowEncoder::new(crate::output::Format::Jsonl, bt);
            rows.try_each_triple(|r| {
                found.add(&r);
                t.write(&r)
            })?;
            t.finish()?;
            let mut e = RowEncoder::new(crate::output::Format::Jsonl, be);
            rows.try_each_entity(|r| e.write(&r))?;
            e.finish()?;
        }
        out.sentences += a.sentences.len();
        // As the entity rows count them.
        for m in a.row_mentions() {
            out.mention_types[m.etype as usize] += 1;
        }
        for t in &a.triples {
            out.relations[t.relation as usize] += 1;
        }
        Ok::<(), io::Error>(())
    })?;
    if let Some(enc) = triples {
        enc.finish()?;
    }
    if let Some(enc) = entities {
        enc.finish()?;
    }
    if let (Some(w), Some(found)) = (events, found_events) {
        let mut enc = encoder(w);
        for r in found.rows() {
            enc.write(r)?;
        }
        enc.finish()?;
    }
    if let Some(found) = book_events {
        crate::output::encode(
            found.rows(),
            crate::output::Format::Jsonl,
            &mut book_rows[2],
        )?;
    }
    out.book = book_rows;
    Ok(out)
}

/// The triple rows and the entity rows of one document, encoded as
/// `options` says, exactly as `kabar extract` writes them for it (a long
/// document in sections of [`BatchOptions::section_bytes`]' default):
/// what the language bindings hand back.
pub fn document_rows(
    pipeline: &Pipeline,
    doc: &Document,
    options: OutputOptions,
) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let (mut t, mut e) = (Vec::new(), Vec::new());
    encode_doc(
        pipeline,
        doc,
        options,
        BatchOptions::default().section_bytes,
        0,
        Some(&mut t),
        Some(&mut e),
        None,
        false,
    )?;
    Ok((t, e))
}

/// Adds a document's workbook rows (see [`Encoded::book`]).
fn add_to_book(book: &mut crate::xlsx::Workbook, rows: &[Vec<u8>; 3]) -> io::Result<()> {
    for (kind, bytes) in crate::xlsx::Kind::ALL.into_iter().zip(rows) {
        book.add_jsonl(kind, bytes)?;
    }
    Ok(())
}

/// Hands what a [`RowEncoder`] writes to a [`RowWriter`] in chunks.
struct Chunks<'a>(&'a mut RowWriter);

impl io::Write for Chunks<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write_chunk(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Analyses and writes, in this order, `large` (a large document, whose
/// rows are written as they are encoded) and the batch `docs` (whose rows
/// are encoded in parallel, into a buffer each, while `large` is analysed,
/// then written in order).
fn process_batch(
    pipeline: &Pipeline,
    large: Option<&Document>,
    docs: &[Document],
    outputs: &mut Outputs,
    section_bytes: usize,
    stats: &mut RunStats,
    stopped: &(dyn Fn() -> bool + Sync),
) -> io::Result<()> {
    if stopped() {
        return Err(interrupted());
    }
    let opts = outputs.options;
    let want_triples = outputs.triples.is_some();
    let want_entities = outputs.entities.is_some();
    let want_events = outputs.events.is_some();
    let want_book = outputs.workbook.is_some();
    let encode_batch = || -> Vec<io::Result<Encoded>> {
        docs.par_iter()
            .map(|doc| {
                if stopped() {
                    return Err(interrupted());
                }
                // (Entity rows take about as many bytes as the text: room
                // made once rather than by doubling.)
                let entity_room = if want_entities { doc.text.len() } else { 0 };
                let (mut t, mut en) = (Vec::new(), Vec::with_capacity(entity_room));
                let mut ev = Vec::new();
                let mut e = encode_doc(
                    pipeline,
                    doc,
                    opts,
                    section_bytes,
                    0,
                    want_triples.then_some(&mut t),
                    want_entities.then_some(&mut en),
                    want_events.then_some(&mut ev),
                    want_book,
                )?;
                (e.triples, e.entities, e.events) = (t, en, ev);
                Ok(e)
            })
            .collect()
    };
    let encoded = match large {
        Some(doc) => {
            let (streamed, encoded) = rayon::join(
                || {
                    encode_doc(
                        pipeline,
                        doc,
                        opts,
                        section_bytes,
                        8 * 1024,
                        outputs.triples.as_mut().map(Chunks),
                        outputs.entities.as_mut().map(Chunks),
                        outputs.events.as_mut().map(Chunks),
                        outputs.workbook.is_some(),
                    )
                },
                encode_batch,
            );
            let streamed = streamed?;
            if let Some(book) = outputs.workbook.as_mut() {
                add_to_book(book, &streamed.book)?;
            }
            streamed.count(doc, stats);
            encoded
        }
        None => encode_batch(),
    };
    if stopped() {
        return Err(interrupted());
    }
    let held = large.map_or(0, |d| d.text.len())
        + docs.iter().map(|d| d.text.len()).sum::<usize>()
        + encoded
            .iter()
            .flatten()
            .map(|e| {
                e.triples.len()
                    + e.entities.len()
                    + e.events.len()
                    + e.book.iter().map(Vec::len).sum::<usize>()
            })
            .sum::<usize>();
    stats.peak_held_bytes = stats.peak_held_bytes.max(held as u64);
    for (doc, e) in docs.iter().zip(encoded) {
        let e = e?;
        if let Some(w) = outputs.triples.as_mut() {
            w.write_chunk(&e.triples)?;
        }
        if let Some(w) = outputs.entities.as_mut() {
            w.write_chunk(&e.entities)?;
        }
        if let Some(w) = outputs.events.as_mut() {
            w.write_chunk(&e.events)?;
        }
        if let Some(book) = outputs.workbook.as_mut() {
            add_to_book(book, &e.book)?;
        }
        e.count(doc, stats);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;
    use crate::output::{ENTITY_COLUMNS, Sink, TRIPLE_COLUMNS};

    /// Runs the default pipeline over `records` (id, text) read as JSONL,
    /// the rows written to files; returns the stats and the rows' bytes.
    fn run_jsonl(records: &[(&str, String)]) -> (RunStats, u64) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.jsonl");
        let mut lines = String::new();
        for (id, text) in records {
            lines += &serde_json::json!({"id": id, "text": text}).to_string();
            lines.push('\n');
        }
        std::fs::write(&input, lines).unwrap();
        let (t, e) = (dir.path().join("t.csv"), dir.path().join("e.csv"));
        let csv = crate::output::Format::Csv;
        let mut outputs = Outputs {
            triples: Some(RowWriter::new(Sink::file(&t).unwrap(), TRIPLE_COLUMNS, csv).unwrap()),
            entities: Some(RowWriter::new(Sink::file(&e).unwrap(), ENTITY_COLUMNS, csv).unwrap()),
            events: None,
            workbook: None,
            options: OutputOptions::default(),
        };
        let reader = Reader::new(vec![Source::File {
            path: input,
            format: crate::input::Format::Jsonl,
        }]);
        let stats = run(
            &Pipeline::default(),
            reader,
            &mut outputs,
            BatchOptions::default(),
            |_| {},
        )
        .unwrap();
        outputs.triples.take().unwrap().finish().unwrap();
        outputs.entities.take().unwrap().finish().unwrap();
        let size = |p: &std::path::Path| std::fs::metadata(p).unwrap().len();
        (stats, size(&t) + size(&e))
    }

    /// A large document after a small one (in one batch before the fix)
    /// has its rows streamed: the most held at once is its text, not its
    /// rows (several times larger), whatever came before it.
    #[test]
    fn a_large_document_is_streamed_whatever_precedes_it() {
        let para = "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Moskow. \
                    Menlu Rusia Sergei Lavrov mengecam NATO.\n\n";
        let big = para.repeat((BatchOptions::default().stream_bytes / para.len()) * 2);
        let small = para.repeat(2);
        let (alone, rows) = run_jsonl(&[("big", big.clone())]);
        assert!(
            rows > 2 * big.len() as u64,
            "rows {rows} for {} bytes",
            big.len()
        );
        assert_eq!(alone.peak_held_bytes, big.len() as u64);
        // The small documents' batch may be encoded while the large one
        // is analysed: its text and rows are held beside the large text.
        let (small_alone, _) = run_jsonl(&[("s", small.clone()), ("t", small.clone())]);
        let bound = big.len() as u64 + small_alone.peak_held_bytes;
        assert!(
            bound < rows / 2,
            "the bound {bound} is not below the rows {rows}"
        );
        for order in [
            vec![("s", small.clone()), ("big", big.clone())],
            vec![("big", big.clone()), ("s", small.clone())],
            vec![
                ("s", small.clone()),
                ("big", big.clone()),
                ("t", small.clone()),
            ],
        ] {
            let (stats, _) = run_jsonl(&order);
            assert!(
                stats.peak_held_bytes <= bound,
                "{:?}: {} bytes held, the large text and a small batch are {bound}",
                order.iter().map(|o| o.0).collect::<Vec<_>>(),
                stats.peak_held_bytes,
            );
        }
    }
}
