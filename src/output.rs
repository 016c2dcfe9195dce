//! Stage 5, output: flat rows in SPEC §3's column order, written as CSV
//! (RFC 4180) or JSON lines, with spreadsheet formula escaping, and files
//! that appear under their final name only when complete.

use std::borrow::Cow;
use std::convert::Infallible;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::analysis::{Analysis, SectionOffset};
use crate::gazetteer::Gazetteer;
use crate::input::Document;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// CSV (RFC 4180), with a header line.
    #[default]
    Csv,
    /// One JSON object per line, no header.
    Jsonl,
}

/// How rows are written.
#[derive(Debug, Clone, Copy)]
pub struct OutputOptions {
    /// CSV or JSON lines.
    pub format: Format,
    /// Prefix cells that a spreadsheet would run as a formula with `'`.
    pub formula_escape: bool,
}

impl OutputOptions {
    /// True when text cells are escaped: CSV with `formula_escape` (a
    /// JSON line is read by no spreadsheet, so its values are left as
    /// they are).
    pub fn escapes(&self) -> bool {
        self.formula_escape && self.format == Format::Csv
    }
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions {
            format: Format::Csv,
            formula_escape: true,
        }
    }
}

/// Columns of the triples file: SPEC §3's twelve, then kabar's own.
pub const TRIPLE_COLUMNS: &[&str] = &[
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
    "confidence",
    "cameo_code",
    "quad_class",
    "speaker",
    "lang",
    "rule",
    "subject_start",
    "subject_end",
    "object_start",
    "object_end",
    "trigger_start",
    "trigger_end",
    "subject_country",
    "object_country",
    "mode",
];

/// Columns of the events file (`--events`): one row per document and
/// distinct (subject, relation, object, negated), the deduplicated view of
/// the triples file.
pub const EVENT_COLUMNS: &[&str] = &[
    "doc_id",
    "subject_id",
    "subject",
    "subject_type",
    "relation",
    "object_id",
    "object",
    "object_type",
    "negated",
    "mentions",
    "first_sentence_id",
    "evidence",
    "confidence",
    "cameo_code",
    "quad_class",
];

/// Columns of the entities file (SPEC §3).
pub const ENTITY_COLUMNS: &[&str] = &[
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

/// One triple, flat (field order = [`TRIPLE_COLUMNS`]). Character offsets
/// count Unicode characters of the document's normalised text (see
/// [`crate::input`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TripleRow<'a> {
    /// SPEC §3 `doc_id`: the file stem, or the JSONL `id`.
    pub doc_id: Cow<'a, str>,
    /// SPEC §3 `sentence_id`: the 0-based index of the sentence in the
    /// document.
    pub sentence_id: u32,
    /// SPEC §3 `subject_id`: the subject's entity id (see
    /// [`Entity::id`](crate::Entity::id)).
    pub subject_id: Cow<'a, str>,
    /// SPEC §3 `subject`: the subject's canonical name.
    pub subject: Cow<'a, str>,
    /// SPEC §3 `subject_type`: `PERSON`, `COUNTRY`, `ORGANIZATION` or
    /// `LOCATION`, the type of the subject's mention.
    pub subject_type: &'static str,
    /// SPEC §3 `relation`: `meet`, `support`, `leader_of`, … (see
    /// [`Relation`](crate::Relation)).
    pub relation: &'static str,
    /// SPEC §3 `object_id`: the object's entity id.
    pub object_id: Cow<'a, str>,
    /// SPEC §3 `object`: the object's canonical name.
    pub object: Cow<'a, str>,
    /// SPEC §3 `object_type`: the type of the object's mention.
    pub object_type: &'static str,
    /// SPEC §3 `negated`: true when the relation is denied, or only hoped
    /// or feared not to happen.
    pub negated: bool,
    /// SPEC §3 `trigger`: the cue or title word as written in the text;
    /// empty when no word triggered the triple.
    pub trigger: Cow<'a, str>,
    /// SPEC §3 `evidence`: the sentence, as written.
    pub evidence: Cow<'a, str>,
    /// kabar's `confidence`: the estimated chance that the row is right, 0
    /// to 1 in steps of 0.01 (see [`Triple::confidence`](crate::Triple)).
    pub confidence: f32,
    /// kabar's `cameo_code`: the CAMEO code of the cue, or of the
    /// relation's root; empty when there is none.
    pub cameo_code: Cow<'a, str>,
    /// kabar's `quad_class`: GDELT's quad class (1 to 4) of `cameo_code`;
    /// `None` (an empty cell) without a code.
    pub quad_class: Option<u8>,
    /// kabar's `speaker`: the entity id of who is quoted, for a triple
    /// inside a quote; else empty.
    pub speaker: Cow<'a, str>,
    /// kabar's `lang`: the document's language, `id` or `en`.
    pub lang: &'static str,
    /// kabar's `rule`: which rule produced the triple (`cue`, `title`,
    /// `member-list`, …).
    pub rule: &'static str,
    /// kabar's `subject_start`: where the subject's mention starts, in
    /// Unicode characters from the start of the document (0-based).
    pub subject_start: usize,
    /// kabar's `subject_end`: where the subject's mention ends, in
    /// characters (exclusive).
    pub subject_end: usize,
    /// kabar's `object_start`: where the object's mention starts, in
    /// characters (0-based).
    pub object_start: usize,
    /// kabar's `object_end`: where the object's mention ends, in
    /// characters (exclusive).
    pub object_end: usize,
    /// kabar's `trigger_start`: where the trigger starts, in characters
    /// (0-based); `None` (an empty cell) without a trigger.
    pub trigger_start: Option<usize>,
    /// kabar's `trigger_end`: where the trigger ends, in characters
    /// (exclusive); `None` without a trigger.
    pub trigger_end: Option<usize>,
    /// The country the subject acts for: itself for a country, a person's
    /// country from a title in the document or the gazetteer's roles.
    pub subject_country: Cow<'a, str>,
    /// The country the object acts for, found as for the subject; empty
    /// when none is known.
    pub object_country: Cow<'a, str>,
    /// `asserted`, or `intended` when the relation is only intended,
    /// wanted or asked for ("akan", "will", "wants to").
    pub mode: &'static str,
}

/// One entity mention, flat (field order = [`ENTITY_COLUMNS`]). Character
/// offsets count Unicode characters of the document's normalised text (see
/// [`crate::input`]).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityRow<'a> {
    /// SPEC §3 `doc_id`: the file stem, or the JSONL `id`.
    pub doc_id: Cow<'a, str>,
    /// SPEC §3 `sentence_id`: the 0-based index of the mention's sentence
    /// in the document.
    pub sentence_id: u32,
    /// SPEC §3 `start_char`: where the mention starts, in Unicode
    /// characters from the start of the document (0-based).
    pub start_char: usize,
    /// SPEC §3 `end_char`: where the mention ends, in characters
    /// (exclusive).
    pub end_char: usize,
    /// SPEC §3 `text`: the mention as written.
    pub text: Cow<'a, str>,
    /// SPEC §3 `entity_id`: the English Wikipedia title, or for a name
    /// found by pattern the name as written; spaces as `_`.
    pub entity_id: Cow<'a, str>,
    /// SPEC §3 `name`: the entity's canonical name.
    pub name: Cow<'a, str>,
    /// SPEC §3 `type`: `PERSON`, `COUNTRY`, `ORGANIZATION` or `LOCATION`,
    /// as the mention is read (a capital that acts is its `COUNTRY`).
    #[serde(rename = "type")]
    pub etype: &'static str,
    /// SPEC §3 `source`: `gazetteer`, or `pattern` for a name no list
    /// holds.
    pub source: &'static str,
}

/// Makes a cell safe for spreadsheets: a value that begins with `=`, `+`,
/// `-`, `@`, tab or carriage return gets a `'` in front (SPEC §3), and so
/// does one that begins with such a character after `'`s, so that
/// [`unescape_formula`] gives every value back exactly.
///
/// ```
/// use kabar::output::{escape_formula, unescape_formula};
///
/// assert_eq!(escape_formula("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(escape_formula("-5"), "'-5");
/// assert_eq!(escape_formula("Putin"), "Putin");
/// assert_eq!(escape_formula("'=x"), "''=x");
/// assert_eq!(unescape_formula("''=x"), "'=x");
/// assert_eq!(unescape_formula("'x"), "'x");
/// ```
pub fn escape_formula(s: &str) -> Cow<'_, str> {
    if is_formula(s.trim_start_matches('\'')) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The value of a cell written by [`escape_formula`]: the `'` it put in
/// front is taken off; any other cell is returned as it is. A cell written
/// without escaping that begins with `'` before a formula character
/// (`'=x`) cannot be told from an escaped one and loses its quote too.
pub fn unescape_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula(rest.trim_start_matches('\'')) => rest,
        _ => s,
    }
}

fn is_formula(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Maps byte offsets to char offsets, for offsets visited in increasing order.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    /// Characters before `text` (a section of a longer document).
    base: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: base,
            base,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = self.base;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The rows of one document.
pub struct Rows<'a> {
    /// The document (or the section of one) that was analysed.
    pub doc: &'a Document,
    /// What the pipeline found in `doc`.
    pub analysis: &'a Analysis,
    /// The gazetteer of the pipeline that made `analysis` (it resolves
    /// the mentions' entities).
    pub gaz: &'a Gazetteer,
    /// Text cells go through [`escape_formula`] (use
    /// [`OutputOptions::escapes`]).
    pub escape: bool,
    /// Where `doc` starts in the document it is a section of (zero for a
    /// whole document): added to char offsets and sentence ids.
    pub offset: SectionOffset,
}

impl<'a> Rows<'a> {
    fn cell(&self, s: &'a str) -> Cow<'a, str> {
        if self.escape {
            escape_formula(s)
        } else {
            Cow::Borrowed(s)
        }
    }

    /// The entity rows, collected (see [`Rows::try_each_entity`]).
    pub fn entities(&self) -> Vec<EntityRow<'a>> {
        let mut rows = Vec::with_capacity(self.analysis.mentions.len());
        self.try_each_entity(|r| {
            rows.push(r);
            Ok::<(), Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        rows
    }

    /// Calls `f` with each entity row in turn, without collecting them (a
    /// large document's rows need not all be in memory); stops at the
    /// first error.
    pub fn try_each_entity<E>(
        &self,
        mut f: impl FnMut(EntityRow<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = self.doc.text.as_str();
        let mut cc = CharCounter::new(text, self.offset.chars);
        let a = self.analysis;
        // A nested country still gives its organisation its country and
        // may be the country of an official (rule `title-nested`).
        for m in a.row_mentions() {
            let e = a.entity(self.gaz, m.entity);
            let start_char = cc.at(m.start);
            let end_char = start_char + text[m.start..m.end].chars().count();
            f(EntityRow {
                doc_id: self.cell(&self.doc.id),
                sentence_id: m.sentence + self.offset.sentences,
                start_char,
                end_char,
                text: self.cell(&text[m.start..m.end]),
                entity_id: self.cell(&e.id),
                name: self.cell(&e.name),
                etype: m.etype.as_str(),
                source: m.source.as_str(),
            })?;
        }
        Ok(())
    }

    /// The triple rows, collected (see [`Rows::try_each_triple`]).
    pub fn triples(&self) -> Vec<TripleRow<'a>> {
        let mut rows = Vec::with_capacity(self.analysis.triples.len());
        self.try_each_triple(|r| {
            rows.push(r);
            Ok::<(), Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        rows
    }

    /// Calls `f` with each triple row in turn, without collecting them;
    /// stops at the first error.
    pub fn try_each_triple<E>(
        &self,
        mut f: impl FnMut(TripleRow<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = self.doc.text.as_str();
        let a = self.analysis;
        let lang = a.lang.map_or("", |l| l.as_str());
        // Char offsets of every mention and trigger, computed in one pass.
        let mut offsets: Vec<usize> = Vec::new();
        for t in &a.triples {
            offsets.push(a.mentions[t.subject as usize].start);
            offsets.push(a.mentions[t.subject as usize].end);
            offsets.push(a.mentions[t.object as usize].start);
            offsets.push(a.mentions[t.object as usize].end);
            if let Some(tr) = &t.trigger {
                offsets.push(tr.start);
                offsets.push(tr.end);
            }
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut cc = CharCounter::new(text, self.offset.chars);
        let chars: Vec<usize> = offsets.iter().map(|&b| cc.at(b)).collect();
        let ch = |b: usize| chars[offsets.binary_search(&b).expect("offset recorded")];
        let countries = crate::analysis::actor_countries(self.gaz, a);
        let country_of = |m: &crate::analysis::Mention| -> &'a str {
            countries.get(&m.entity).copied().unwrap_or("")
        };
        for t in &a.triples {
            let sm = &a.mentions[t.subject as usize];
            let om = &a.mentions[t.object as usize];
            let se = a.entity(self.gaz, sm.entity);
            let oe = a.entity(self.gaz, om.entity);
            let sentence = a.sentences[t.sentence as usize].clone();
            let speaker = t
                .speaker
                .map(|s| {
                    a.entity(self.gaz, a.mentions[s as usize].entity)
                        .id
                        .as_str()
                })
                .unwrap_or("");
            let cameo = t.cameo.as_deref().unwrap_or("");
            f(TripleRow {
                doc_id: self.cell(&self.doc.id),
                sentence_id: t.sentence + self.offset.sentences,
                subject_id: self.cell(&se.id),
                subject: self.cell(&se.name),
                subject_type: sm.etype.as_str(),
                relation: t.relation.as_str(),
                object_id: self.cell(&oe.id),
                object: self.cell(&oe.name),
                object_type: om.etype.as_str(),
                negated: t.negated,
                trigger: self.cell(t.trigger.clone().map_or("", |r| &text[r])),
                evidence: self.cell(&text[sentence]),
                confidence: t.confidence,
                cameo_code: self.cell(cameo),
                quad_class: crate::schema::Relation::quad_class(cameo),
                speaker: self.cell(speaker),
                lang,
                rule: t.rule,
                subject_start: ch(sm.start),
                subject_end: ch(sm.end),
                object_start: ch(om.start),
                object_end: ch(om.end),
                trigger_start: t.trigger.as_ref().map(|r| ch(r.start)),
                trigger_end: t.trigger.as_ref().map(|r| ch(r.end)),
                subject_country: self.cell(country_of(sm)),
                object_country: self.cell(country_of(om)),
                mode: if t.intended { "intended" } else { "asserted" },
            })?;
        }
        Ok(())
    }
}

/// A row that writes itself as one CSV record, numbers formatted by
/// `itoa`: the same bytes as serialising it with serde through the csv
/// crate, at a fraction of the cost per row.
pub trait CsvRow {
    /// Appends the row to `out` as one CSV record and its `\n`.
    fn write_csv(&self, out: &mut Vec<u8>);
}

/// The bytes that put a CSV field in quotes.
static QUOTED: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

/// Appends `fields` to `out` as one CSV record and its `\n`, as the csv
/// crate writes them by default (`QuoteStyle::Necessary`): a field with a
/// comma, a double quote, `\r` or `\n` in quotes, its quotes doubled; any
/// other field as it is.
pub fn write_record<const N: usize>(out: &mut Vec<u8>, fields: [&[u8]; N]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if f.iter().any(|&b| QUOTED[b as usize]) {
            out.push(b'"');
            for part in f.split_inclusive(|&b| b == b'"') {
                out.extend_from_slice(part);
                if part.last() == Some(&b'"') {
                    out.push(b'"');
                }
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(f);
        }
    }
    // (A record of one empty field, which the csv crate writes as `""`,
    // is no row of kabar's.)
    out.push(b'\n');
}

/// An optional number as a CSV field: empty when absent (as serde writes
/// `None`).
fn opt_num(n: Option<usize>, buf: &mut itoa::Buffer) -> &[u8] {
    n.map_or(b"", |n| buf.format(n).as_bytes())
}

impl CsvRow for EntityRow<'_> {
    fn write_csv(&self, out: &mut Vec<u8>) {
        let mut b: [itoa::Buffer; 3] = std::array::from_fn(|_| itoa::Buffer::new());
        let [b0, b1, b2] = &mut b;
        write_record(
            out,
            [
                self.doc_id.as_bytes(),
                b0.format(self.sentence_id).as_bytes(),
                b1.format(self.start_char).as_bytes(),
                b2.format(self.end_char).as_bytes(),
                self.text.as_bytes(),
                self.entity_id.as_bytes(),
                self.name.as_bytes(),
                self.etype.as_bytes(),
                self.source.as_bytes(),
            ],
        )
    }
}

impl CsvRow for TripleRow<'_> {
    fn write_csv(&self, out: &mut Vec<u8>) {
        let mut b: [itoa::Buffer; 8] = std::array::from_fn(|_| itoa::Buffer::new());
        let [b0, b1, b2, b3, b4, b5, b6, b7] = &mut b;
        let mut conf = ryu::Buffer::new();
        write_record(
            out,
            [
                self.doc_id.as_bytes(),
                b0.format(self.sentence_id).as_bytes(),
                self.subject_id.as_bytes(),
                self.subject.as_bytes(),
                self.subject_type.as_bytes(),
                self.relation.as_bytes(),
                self.object_id.as_bytes(),
                self.object.as_bytes(),
                self.object_type.as_bytes(),
                if self.negated { b"true" } else { b"false" },
                self.trigger.as_bytes(),
                self.evidence.as_bytes(),
                conf.format(self.confidence).as_bytes(),
                self.cameo_code.as_bytes(),
                opt_num(self.quad_class.map(usize::from), b1),
                self.speaker.as_bytes(),
                self.lang.as_bytes(),
                self.rule.as_bytes(),
                b2.format(self.subject_start).as_bytes(),
                b3.format(self.subject_end).as_bytes(),
                b4.format(self.object_start).as_bytes(),
                b5.format(self.object_end).as_bytes(),
                opt_num(self.trigger_start, b6),
                opt_num(self.trigger_end, b7),
                self.subject_country.as_bytes(),
                self.object_country.as_bytes(),
                self.mode.as_bytes(),
            ],
        )
    }
}

/// One event: the triple rows of a document that share subject, relation,
/// object and negation, as one row (field order = [`EVENT_COLUMNS`]).
/// The text cells are those of the first of its triple rows (escaped as
/// they were); `confidence` is the highest of the rows'.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    /// The document's id (as in the triples file).
    pub doc_id: String,
    /// The subject's entity id.
    pub subject_id: String,
    /// The subject's canonical name.
    pub subject: String,
    /// The type of the subject's first mention in the event.
    pub subject_type: &'static str,
    /// The relation (`meet`, `support`, …).
    pub relation: &'static str,
    /// The object's entity id.
    pub object_id: String,
    /// The object's canonical name.
    pub object: String,
    /// The type of the object's first mention in the event.
    pub object_type: &'static str,
    /// Denied, or only hoped or feared (as in the triples file).
    pub negated: bool,
    /// How many triple rows of the document state it.
    pub mentions: u32,
    /// The sentence of its first triple row.
    pub first_sentence_id: u32,
    /// The evidence of its first triple row.
    pub evidence: String,
    /// The highest `confidence` of its triple rows.
    pub confidence: f32,
    /// The CAMEO code of its first triple row.
    pub cameo_code: String,
    /// GDELT's quad class of `cameo_code` (see the triples file).
    pub quad_class: Option<u8>,
}

impl CsvRow for EventRow {
    fn write_csv(&self, out: &mut Vec<u8>) {
        let mut b: [itoa::Buffer; 3] = std::array::from_fn(|_| itoa::Buffer::new());
        let [b0, b1, b2] = &mut b;
        let mut conf = ryu::Buffer::new();
        write_record(
            out,
            [
                self.doc_id.as_bytes(),
                self.subject_id.as_bytes(),
                self.subject.as_bytes(),
                self.subject_type.as_bytes(),
                self.relation.as_bytes(),
                self.object_id.as_bytes(),
                self.object.as_bytes(),
                self.object_type.as_bytes(),
                if self.negated { b"true" } else { b"false" },
                b0.format(self.mentions).as_bytes(),
                b1.format(self.first_sentence_id).as_bytes(),
                self.evidence.as_bytes(),
                conf.format(self.confidence).as_bytes(),
                self.cameo_code.as_bytes(),
                opt_num(self.quad_class.map(usize::from), b2),
            ],
        )
    }
}

/// The events of one document, made from its triple rows in order
/// ([`add`](Self::add) each, from every section of the document).
#[derive(Debug, Default)]
pub struct Events {
    rows: Vec<EventRow>,
    /// (subject id, relation, object id, negated) → its row.
    index: std::collections::HashMap<(String, &'static str, String, bool), usize>,
}

impl Events {
    /// Counts the triple row `t` into its event (a new one when it is the
    /// first of its kind).
    pub fn add(&mut self, t: &TripleRow<'_>) {
        let key = (
            t.subject_id.to_string(),
            t.relation,
            t.object_id.to_string(),
            t.negated,
        );
        match self.index.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let row = &mut self.rows[*e.get()];
                row.mentions += 1;
                row.confidence = row.confidence.max(t.confidence);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(self.rows.len());
                self.rows.push(EventRow {
                    doc_id: t.doc_id.to_string(),
                    subject_id: t.subject_id.to_string(),
                    subject: t.subject.to_string(),
                    subject_type: t.subject_type,
                    relation: t.relation,
                    object_id: t.object_id.to_string(),
                    object: t.object.to_string(),
                    object_type: t.object_type,
                    negated: t.negated,
                    mentions: 1,
                    first_sentence_id: t.sentence_id,
                    evidence: t.evidence.to_string(),
                    confidence: t.confidence,
                    cameo_code: t.cameo_code.to_string(),
                    quad_class: t.quad_class,
                });
            }
        }
    }

    /// The events, in the order of their first triple rows.
    pub fn rows(&self) -> &[EventRow] {
        &self.rows
    }
}

/// Serialises rows without a header into `buf` (one document's worth, so
/// workers can format in parallel and a single writer emits in order).
pub fn encode<R: Serialize + CsvRow>(
    rows: &[R],
    format: Format,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    let mut enc = RowEncoder::new(format, buf);
    for r in rows {
        enc.write(r)?;
    }
    enc.finish()
}

/// Serialises rows one at a time, without a header, into any writer: a
/// document's buffer, or an output directly (nothing is held but the
/// encoder's small buffer).
pub struct RowEncoder<W: Write> {
    inner: Encoding<W>,
}

enum Encoding<W: Write> {
    /// Records collect in `buf` and go to `w` when it holds `capacity`
    /// bytes.
    Csv {
        w: W,
        buf: Vec<u8>,
        capacity: usize,
    },
    Jsonl(W),
}

impl<W: Write> RowEncoder<W> {
    /// An encoder of rows in `format` into `w` (CSV through an 8 KB
    /// buffer).
    pub fn new(format: Format, w: W) -> RowEncoder<W> {
        Self::with_capacity(format, w, 8 * 1024)
    }

    /// [`new`](Self::new) with a CSV buffer of `capacity` bytes (for a
    /// writer in memory, a small one: the buffer is allocated per encoder).
    pub fn with_capacity(format: Format, w: W, capacity: usize) -> RowEncoder<W> {
        RowEncoder {
            inner: match format {
                Format::Csv => Encoding::Csv {
                    w,
                    buf: Vec::new(),
                    capacity,
                },
                Format::Jsonl => Encoding::Jsonl(w),
            },
        }
    }

    /// Writes one row: a CSV record, or a JSON object and a newline.
    pub fn write<R: Serialize + CsvRow>(&mut self, row: &R) -> io::Result<()> {
        match &mut self.inner {
            Encoding::Csv { w, buf, capacity } => {
                row.write_csv(buf);
                if buf.len() >= *capacity {
                    w.write_all(buf)?;
                    buf.clear();
                }
                Ok(())
            }
            Encoding::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row).map_err(io::Error::from)?;
                w.write_all(b"\n")
            }
        }
    }

    /// Writes out what is buffered (errors checked).
    pub fn finish(self) -> io::Result<()> {
        match self.inner {
            Encoding::Csv { mut w, buf, .. } => {
                w.write_all(&buf)?;
                w.flush()
            }
            Encoding::Jsonl(mut w) => w.flush(),
        }
    }
}

/// The header line for a format (none for JSONL).
///
/// ```
/// use kabar::output::{Format, header};
///
/// assert_eq!(header(&["doc_id", "text"], Format::Csv), b"doc_id,text\n");
/// assert!(header(&["doc_id", "text"], Format::Jsonl).is_empty());
/// ```
pub fn header(columns: &[&str], format: Format) -> Vec<u8> {
    match format {
        Format::Csv => {
            let mut line = columns.join(",").into_bytes();
            line.push(b'\n');
            line
        }
        Format::Jsonl => Vec::new(),
    }
}

/// Where rows go: standard output, or a file that gets its final name only
/// when [`Sink::finish`] succeeds (an interrupted run leaves no partial file
/// under that name; the temporary file is removed on drop).
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the output, renamed to `path` by
    /// [`Sink::finish`].
    File {
        /// The temporary file, buffered.
        tmp: BufWriter<tempfile::NamedTempFile>,
        /// The output's path, symbolic links resolved (see
        /// [`resolve_path`]).
        path: PathBuf,
    },
    /// An existing target that is not a regular file (`/dev/null`,
    /// `/dev/stdout`, a named pipe): written in place, never replaced.
    Direct(BufWriter<std::fs::File>),
    /// Rows are formatted and dropped (benchmarks).
    Discard,
}

/// Where writing to `path` really goes: symbolic links at its end are
/// followed (a link may name a file that does not exist yet), and the
/// folder is made absolute with `.`, `..` and links resolved, so that two
/// spellings of one file (`out/../out/x.csv`, a link to it) give the same
/// path. The folder must exist.
pub fn resolve_path(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    // As many links as the system follows before it gives up (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => {
                let name = path.file_name().ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!("{} does not name a file", path.display()),
                    )
                })?;
                let dir = match path.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                return Ok(std::fs::canonicalize(dir)?.join(name));
            }
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

impl Sink {
    /// A file sink: a temporary file beside `path` (beside the file a
    /// symbolic link names, which then gets the rows: the link stays).
    pub fn file(path: &Path) -> io::Result<Sink> {
        if path.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a folder, not a file", path.display()),
            ));
        }
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            let f = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(Sink::Direct(BufWriter::with_capacity(1 << 16, f)));
        }
        let path = &resolve_path(path)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        let prefix = partial_prefix(path);
        builder.prefix(&prefix).suffix(".partial");
        // Temporary files are private (0600) by default; the output should
        // get the permissions of any new file (0666 less the umask).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder.tempfile_in(dir)?;
        Ok(Sink::File {
            tmp: BufWriter::with_capacity(1 << 20, tmp),
            path: path.to_owned(),
        })
    }

    /// Standard output, with a 64 KiB buffer.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))
    }

    /// Writes all of `bytes` (buffered; nothing for [`Sink::Discard`]).
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::File { tmp, .. } => tmp.write_all(bytes),
            Sink::Direct(w) => w.write_all(bytes),
            Sink::Discard => Ok(()),
        }
    }

    /// Flushes buffered rows, errors checked (a full disk shows here).
    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { tmp, .. } => {
                tmp.flush()?;
                tmp.get_ref().as_file().sync_all()
            }
            Sink::Direct(w) => w.flush(),
            Sink::Discard => Ok(()),
        }
    }

    /// Flushes and moves a file into place. With several outputs, flush
    /// them all first, then finish them, so that a failure leaves none.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        if let Sink::File { tmp, path } = self {
            let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
            tmp.persist(&path).map_err(|e| e.error)?;
        }
        Ok(())
    }

    /// The temporary path of a file sink (for signal handlers).
    pub fn temp_path(&self) -> Option<&Path> {
        match self {
            Sink::File { tmp, .. } => Some(tmp.get_ref().path()),
            _ => None,
        }
    }
}

/// The start of the names of `path`'s temporary files:
/// `NAME.kabar-PID-`, then random letters and `.partial`
/// (`triples.csv.kabar-4242-a1B2c3.partial`): beside the output, visible,
/// and with the process that writes it, so that one left by a killed run
/// (SIGKILL, a power cut) can be found and removed
/// ([`remove_stale_partials`]).
fn partial_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    format!("{name}.kabar-{}-", std::process::id())
}

/// Removes the temporary files of `path` left by runs that no longer
/// exist (killed before they could clean up), and returns them. A file
/// whose process still runs is left alone, and nothing is removed where
/// running processes cannot be looked up (no `/proc`).
pub fn remove_stale_partials(path: &Path) -> Vec<PathBuf> {
    let Ok(path) = resolve_path(path) else {
        return Vec::new();
    };
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return Vec::new();
    }
    let start = format!("{}.kabar-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(pid) = file
            .strip_prefix(&start)
            .filter(|_| file.ends_with(".partial"))
            .and_then(|rest| rest.split('-').next())
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if !proc.join(pid).exists() && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// Writes a header, then pre-encoded chunks, for one output file.
pub struct RowWriter {
    sink: Sink,
    /// See [`RowWriter::outlive_closed_stdout`].
    outlive_closed: bool,
    closed: bool,
}

impl RowWriter {
    /// Writes the header line of `columns` (none for JSONL) to `sink`,
    /// and gives the writer of the rows after it.
    pub fn new(mut sink: Sink, columns: &[&str], format: Format) -> io::Result<RowWriter> {
        sink.write_all(&header(columns, format))?;
        Ok(RowWriter {
            sink,
            outlive_closed: false,
            closed: false,
        })
    }

    /// When standard output is closed (`| head`), drop the rest of this
    /// writer's rows instead of failing (see [`RowWriter::is_closed`]), so
    /// that a run with other outputs can still finish them. By default a
    /// closed pipe is an error ([`io::ErrorKind::BrokenPipe`]), which ends
    /// a run that has nothing else to write.
    pub fn outlive_closed_stdout(&mut self) {
        self.outlive_closed = true;
    }

    /// True once rows were dropped because standard output was closed.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// An error of the sink, unless it is a closed standard output that
    /// this writer outlives (then it is closed from now on).
    fn check(&mut self, r: io::Result<()>) -> io::Result<()> {
        match r {
            Err(e)
                if e.kind() == io::ErrorKind::BrokenPipe
                    && self.outlive_closed
                    && matches!(self.sink, Sink::Stdout(_)) =>
            {
                self.closed = true;
                Ok(())
            }
            r => r,
        }
    }

    /// Writes rows encoded already (by [`encode`] or a [`RowEncoder`]);
    /// nothing once the writer is closed ([`RowWriter::is_closed`]).
    pub fn write_chunk(&mut self, chunk: &[u8]) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.sink.write_all(chunk);
        self.check(r)
    }

    /// Flushes the sink, errors checked ([`Sink::flush`]).
    pub fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.sink.flush();
        self.check(r)
    }

    /// Flushes, then moves a file into place ([`Sink::finish`]). With
    /// several writers, flush them all first, then finish them.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        if self.closed {
            return Ok(());
        }
        self.sink.finish()
    }

    /// The temporary path of a file sink ([`Sink::temp_path`]); `None`
    /// for other sinks.
    pub fn temp_path(&self) -> Option<&Path> {
        self.sink.temp_path()
    }
}

/// Opens a sink for an optional path: `None` or `-` is standard output.
pub fn open_sink(path: Option<&Path>) -> io::Result<Sink> {
    match path {
        None => Ok(Sink::stdout()),
        Some(p) if p.as_os_str() == "-" => Ok(Sink::stdout()),
        Some(p) => Sink::file(p),
    }
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Sink::Stdout(_) => f.write_str("Sink::Stdout"),
            Sink::File { path, .. } => write!(f, "Sink::File({})", path.display()),
            Sink::Direct(_) => f.write_str("Sink::Direct"),
            Sink::Discard => f.write_str("Sink::Discard"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes serde writes for `row`, and the bytes [`CsvRow`] writes.
    fn both_ways<R: Serialize + CsvRow>(row: &R) -> (String, String) {
        let mut a = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        a.serialize(row).unwrap();
        let mut b = Vec::new();
        row.write_csv(&mut b);
        (
            String::from_utf8(a.into_inner().unwrap()).unwrap(),
            String::from_utf8(b).unwrap(),
        )
    }

    proptest::proptest! {
        /// Any fields (commas, quotes, line ends, spaces, non-ASCII
        /// letters): the bytes the csv crate writes for the record.
        #[test]
        fn records_are_written_as_the_csv_crate_writes_them(
            fields in proptest::collection::vec("[a,\"\r\n é'=;]{0,6}", 3..4)
        ) {
            let fields: [&[u8]; 3] = std::array::from_fn(|i| fields[i].as_bytes());
            let mut ours = Vec::new();
            write_record(&mut ours, fields);
            let mut theirs = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            theirs.write_record(fields).unwrap();
            proptest::prop_assert_eq!(ours, theirs.into_inner().unwrap());
        }
    }

    #[test]
    fn csv_rows_write_what_serde_writes() {
        let triple = |negated, quad, trigger: Option<usize>, confidence| TripleRow {
            doc_id: "doc \"1\"".into(),
            sentence_id: 7,
            subject_id: "Xi_Jinping".into(),
            subject: "Xi Jinping".into(),
            subject_type: "PERSON",
            relation: "meet",
            object_id: "Vladimir_Putin".into(),
            object: "Vladimir Putin".into(),
            object_type: "PERSON",
            negated,
            trigger: "bertemu".into(),
            evidence: "Xi, di Moskow, bertemu Putin;\n\"hangat\".".into(),
            confidence,
            cameo_code: "040".into(),
            quad_class: quad,
            speaker: "".into(),
            lang: "id",
            rule: "svo",
            subject_start: 0,
            subject_end: 2,
            object_start: 1_234_567,
            object_end: usize::MAX,
            trigger_start: trigger,
            trigger_end: trigger.map(|t| t + 7),
            subject_country: "China".into(),
            object_country: "Russia".into(),
            mode: "asserted",
        };
        for row in [
            triple(false, Some(1), Some(17), 0.87),
            triple(true, None, None, 1.0),
            triple(true, Some(4), Some(0), 0.0),
            triple(true, Some(4), Some(0), 0.05),
        ] {
            let (serde, direct) = both_ways(&row);
            assert_eq!(direct, serde);
        }
        let (_, direct) = both_ways(&triple(true, None, None, 0.5));
        assert!(direct.contains(",true,"), "{direct}");
        assert!(direct.contains("\",0.5,040,"), "{direct}");
        assert!(direct.contains("\"Xi, di Moskow, bertemu Putin;\n\"\"hangat\"\".\""));
        let entity = EntityRow {
            doc_id: "a,b".into(),
            sentence_id: 0,
            start_char: 10,
            end_char: 15,
            text: "'=Putin".into(),
            entity_id: "Vladimir_Putin".into(),
            name: "Vladimir Putin".into(),
            etype: "PERSON",
            source: "gazetteer",
        };
        let (serde_e, direct_e) = both_ways(&entity);
        assert_eq!(direct_e, serde_e);
        assert_eq!(
            direct_e,
            "\"a,b\",0,10,15,'=Putin,Vladimir_Putin,Vladimir Putin,PERSON,gazetteer\n"
        );
    }

    #[test]
    fn formula_cells_are_escaped() {
        assert_eq!(escape_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_formula("-1"), "'-1");
        assert_eq!(escape_formula("@x"), "'@x");
        assert_eq!(escape_formula("\tx"), "'\tx");
        assert_eq!(escape_formula("Putin"), "Putin");
        assert_eq!(escape_formula(""), "");
        assert_eq!(escape_formula("'=x"), "''=x");
        assert_eq!(escape_formula("'x"), "'x");
        for v in [
            "=1", "-x", "@a", "'-x", "''@y", "'", "''", "'x", "x", "", "\r=", "a=b",
        ] {
            assert_eq!(unescape_formula(&escape_formula(v)), v, "{v:?}");
        }
    }

    #[test]
    fn char_counter_counts_chars_not_bytes() {
        let mut c = CharCounter::new("“ab” é x", 0);
        assert_eq!(c.at(3), 1);
        assert_eq!(c.at(5), 3);
        assert_eq!(c.at(8), 4);
        assert_eq!(c.at(0), 0);
    }
}
