//! Batch runs: documents streamed from a [`Reader`] in bounded batches,
//! analysed in parallel, and written in input order.
//!
//! Memory holds one batch at a time (at most [`BatchOptions::max_docs`]
//! documents or [`BatchOptions::max_bytes`] of text), however large the
//! input. Output is byte-identical for any number of threads: workers
//! format each document's rows into their own buffer and one writer emits
//! the buffers in order.

use std::io;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::Error;
use crate::gazetteer::EntityType;
use crate::input::{Document, Reader};
use crate::output::{self, OutputOptions, RowWriter, Rows};
use crate::pipeline::Pipeline;
use crate::relation::Relation;

/// Batch sizes.
#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    pub max_docs: usize,
    pub max_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            max_docs: 2048,
            max_bytes: 16 << 20,
        }
    }
}

/// Counts of one run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RunStats {
    pub documents: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub triples: u64,
    pub input_bytes: u64,
    /// Inputs (files or records) that could not be read.
    pub failed_inputs: u64,
    pub warnings: u64,
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
    /// Mentions per entity type.
    pub mentions_by_type: std::collections::BTreeMap<&'static str, u64>,
    /// Triples per relation.
    pub triples_by_relation: std::collections::BTreeMap<&'static str, u64>,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl RunStats {
    pub fn megabytes(&self) -> f64 {
        self.input_bytes as f64 / 1e6
    }

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
    /// A batch was written: documents and bytes so far.
    Progress { documents: u64, bytes: u64 },
}

/// Where rows go.
pub struct Outputs {
    pub triples: Option<RowWriter>,
    pub entities: Option<RowWriter>,
    pub options: OutputOptions,
}

/// Runs the pipeline over every document of `reader`. Returns the counts;
/// an `Err` is an output failure (a closed pipe included: see
/// [`Error::is_broken_pipe`]).
pub fn run(
    pipeline: &Pipeline,
    reader: Reader,
    outputs: &mut Outputs,
    batch: BatchOptions,
    mut on_event: impl FnMut(Event<'_>),
) -> io::Result<RunStats> {
    let started = Instant::now();
    let mut stats = RunStats::default();
    let mut docs: Vec<Document> = Vec::new();
    let mut bytes = 0usize;
    let mut reader = reader.peekable();
    loop {
        let next = reader.next();
        let end = next.is_none();
        match next {
            Some(Ok(doc)) => {
                for w in &doc.warnings {
                    stats.warnings += 1;
                    on_event(Event::Warning(w));
                }
                bytes += doc.text.len();
                docs.push(doc);
            }
            Some(Err(e)) => {
                stats.failed_inputs += 1;
                on_event(Event::Failed(&e));
            }
            None => {}
        }
        if (end && !docs.is_empty()) || docs.len() >= batch.max_docs || bytes >= batch.max_bytes {
            process_batch(pipeline, &docs, outputs, &mut stats)?;
            on_event(Event::Progress {
                documents: stats.documents,
                bytes: stats.input_bytes,
            });
            docs.clear();
            bytes = 0;
        }
        if end {
            break;
        }
    }
    stats.elapsed = started.elapsed();
    Ok(stats)
}

struct Encoded {
    triples: Vec<u8>,
    entities: Vec<u8>,
    sentences: usize,
    mention_types: Vec<EntityType>,
    relations: Vec<Relation>,
}

fn process_batch(
    pipeline: &Pipeline,
    docs: &[Document],
    outputs: &mut Outputs,
    stats: &mut RunStats,
) -> io::Result<()> {
    let opts = outputs.options;
    let want_triples = outputs.triples.is_some();
    let want_entities = outputs.entities.is_some();
    let gaz = pipeline.gazetteer();
    let encoded: Vec<io::Result<Encoded>> = docs
        .par_iter()
        .map(|doc| {
            let a = pipeline.process(doc);
            let rows = Rows {
                doc,
                analysis: &a,
                gaz,
                escape: opts.formula_escape,
            };
            let mut e = Encoded {
                triples: Vec::new(),
                entities: Vec::new(),
                sentences: a.sentences.len(),
                mention_types: a.mentions.iter().map(|m| m.etype).collect(),
                relations: a.triples.iter().map(|t| t.relation).collect(),
            };
            if want_triples {
                output::encode(&rows.triples(), opts.format, &mut e.triples)?;
            }
            if want_entities {
                output::encode(&rows.entities(), opts.format, &mut e.entities)?;
            }
            Ok(e)
        })
        .collect();
    for (doc, e) in docs.iter().zip(encoded) {
        let e = e?;
        if let Some(w) = outputs.triples.as_mut() {
            w.write_chunk(&e.triples)?;
        }
        if let Some(w) = outputs.entities.as_mut() {
            w.write_chunk(&e.entities)?;
        }
        stats.documents += 1;
        stats.input_bytes += doc.text.len() as u64;
        stats.sentences += e.sentences as u64;
        stats.mentions += e.mention_types.len() as u64;
        stats.triples += e.relations.len() as u64;
        for t in e.mention_types {
            *stats.mentions_by_type.entry(t.as_str()).or_default() += 1;
        }
        for r in e.relations {
            *stats.triples_by_relation.entry(r.as_str()).or_default() += 1;
        }
    }
    Ok(())
}
