//! Stage 1, input: files, folders, standard input and JSONL records become
//! [`Document`]s with clean text.
//!
//! The text of a document is normalised once, here: a UTF-8 byte-order mark
//! is removed, CRLF and lone CR become LF, and invalid UTF-8 is replaced
//! (U+FFFD) with a warning that names the file and the byte offset. Every
//! offset that kabar writes refers to this normalised text.
//!
//! Inputs may be compressed: `*.gz` (gzip, also several members one after
//! another) and `*.zst` (Zstandard) are decompressed as they are read, and
//! the suffix is looked through for the format and the id (`a.jsonl.gz` is
//! JSONL, `a.txt.gz` is the document `a`). An input with a NUL byte in its
//! first KB is not text and is skipped, and so is a document larger than
//! [`ReaderOptions::max_doc_size`]; each skip is reported as an
//! [`Item::Skipped`] naming the file (and line). Memory holds one document
//! (one text file, or one JSONL line) at a time: a line longer than the
//! limit is read through without being kept.
//!
//! Boilerplate lines (bylines, "Baca Juga", "Advertisement", …) stay in the
//! text so that offsets remain true; [`Boilerplate::lines`] marks them and
//! later stages take no entity or triple from them.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde::Deserialize;

use crate::error::{Error, Location, Result};

/// One news document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file's stem, or the `id` field of a JSONL record.
    pub id: String,
    /// Normalised text (see the module docs).
    pub text: String,
    /// Where the document came from (file, and line for JSONL).
    pub origin: Location,
    /// Problems that did not stop the document from being read
    /// (invalid UTF-8 replaced, …), each naming the place.
    pub warnings: Vec<String>,
    /// The year of the document's date (a JSONL `date` field, or
    /// `--date`), which decides whether a person's dated office is held:
    /// `None` = no date, every office counts (see [`Role::held_in`]).
    ///
    /// [`Role::held_in`]: crate::Role::held_in
    pub year: Option<u16>,
}

impl Document {
    /// A document from text in memory (used by the library API and tests).
    pub fn new(id: impl Into<String>, text: &str) -> Document {
        let id = id.into();
        Document {
            origin: Location::file(format!("<{id}>")),
            text: normalize_newlines(text),
            id,
            warnings: Vec::new(),
            year: None,
        }
    }

    /// The same document with the year of its date set.
    pub fn with_year(mut self, year: Option<u16>) -> Document {
        self.year = year;
        self
    }
}

/// The year of a date written `YYYY-MM-DD` or `YYYY` (a JSONL `date` field,
/// `--date`): the month and day are checked, only the year is kept.
pub fn parse_date_year(s: &str) -> std::result::Result<u16, String> {
    let bad = || format!("bad date `{s}`: expected YYYY-MM-DD or YYYY");
    let s = s.trim();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts[..] {
        [y] if digits(y, 4) => y.parse().map_err(|_| bad()),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let (m, d): (u8, u8) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return Err(bad());
            }
            y.parse().map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole input is one document.
    Text,
    /// One JSON object per line with `id` and `text` fields.
    Jsonl,
}

/// One input to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, decompressed as its name says ([`compression_of`]).
    File {
        /// The file's path.
        path: PathBuf,
        /// How its content is read.
        format: Format,
    },
    /// Standard input (never decompressed).
    Stdin {
        /// How it is read.
        format: Format,
    },
}

impl Source {
    /// Where the source is, for messages: the file, or `<stdin>`.
    pub fn location(&self) -> Location {
        match self {
            Source::File { path, .. } => Location::file(path.clone()),
            Source::Stdin { .. } => Location::file("<stdin>"),
        }
    }
}

/// How a file is compressed, by its name: `*.gz` is gzip, `*.zst` (or
/// `*.zstd`) is Zstandard, anything else is read as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed: read as it is.
    None,
    /// gzip (`*.gz`), also several members one after another.
    Gzip,
    /// Zstandard (`*.zst`, `*.zstd`).
    Zstd,
}

/// The compression a file name implies (see [`Compression`]).
pub fn compression_of(path: &Path) -> Compression {
    let name = file_name(path);
    if name.ends_with(".gz") {
        Compression::Gzip
    } else if name.ends_with(".zst") || name.ends_with(".zstd") {
        Compression::Zstd
    } else {
        Compression::None
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The file name without its compression suffix (`a.jsonl.gz` → `a.jsonl`).
fn inner_name(path: &Path) -> String {
    let name = file_name(path);
    for ext in [".gz", ".zst", ".zstd"] {
        if let Some(s) = name.strip_suffix(ext) {
            return s.to_owned();
        }
    }
    name
}

/// The format a file name implies: `*.jsonl` (and `*.ndjson`) is JSONL,
/// anything else text. A compression suffix is looked through:
/// `a.jsonl.gz` is JSONL.
pub fn format_of(path: &Path) -> Format {
    let name = inner_name(path);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// True for the file names a folder walk picks up: `*.txt`, `*.jsonl`,
/// `*.ndjson`, and each of them with `.gz`, `.zst` or `.zstd` after it.
fn is_document_file(path: &Path) -> bool {
    let name = inner_name(path);
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// What [`expand`] found.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Inputs in the order they are read: arguments in order, each folder's
    /// files in sorted path order.
    pub sources: Vec<Source>,
    /// Inputs that could not be opened or listed.
    pub errors: Vec<Error>,
    /// Files inside folders that were passed over because of their
    /// extension (only `*.txt` and `*.jsonl`, plain or compressed, are read
    /// from folders).
    pub skipped: Vec<PathBuf>,
    /// What the walk passed over and why, each naming the path: a link
    /// that leads back into a folder being walked (a loop), a folder read
    /// already through another link, a document name that is no regular
    /// file (a named pipe, a device).
    pub warnings: Vec<String>,
    /// The sum of the sizes of the source files as stored (compressed
    /// files count their compressed size); `None` when standard input is
    /// one of the sources, whose size is not known up front.
    pub total_bytes: Option<u64>,
}

/// Turns command-line inputs into sources: `-` is standard input (read as
/// `stdin_format`), a folder is walked recursively, a file is read by its
/// extension.
pub fn expand(inputs: &[PathBuf], stdin_format: Format) -> Expanded {
    expand_until(inputs, stdin_format, &AtomicBool::new(false)).expect("the walk is never stopped")
}

/// [`expand`] that gives up (`None`) as soon as `stop` is set, so that a
/// signal ends even the walk of a huge folder.
///
/// Folders are walked with symbolic links followed, each folder once (by
/// its device and inode): a link back into a folder being walked (`ln -s
/// . loop`) or to a folder read already is passed over with a warning
/// naming it.
pub fn expand_until(
    inputs: &[PathBuf],
    stdin_format: Format,
    stop: &AtomicBool,
) -> Option<Expanded> {
    let mut out = Expanded {
        total_bytes: Some(0),
        ..Expanded::default()
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            out.sources.push(Source::Stdin {
                format: stdin_format,
            });
            out.total_bytes = None;
            continue;
        }
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, &mut out, stop)?,
            Ok(meta) => {
                out.total_bytes = out.total_bytes.map(|t| t + meta.len());
                out.sources.push(Source::File {
                    path: input.clone(),
                    format: format_of(input),
                });
            }
            Err(e) => out.errors.push(Error::io(Location::file(input.clone()), e)),
        }
    }
    Some(out)
}

/// Walks `dir` in sorted order (see [`expand_until`]). `None` once stopped.
fn walk(dir: &Path, out: &mut Expanded, stop: &AtomicBool) -> Option<()> {
    // Each folder read so far, with the path it was read as.
    let mut seen = std::collections::HashMap::new();
    let mut it = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(dir).to_owned();
                if let Some(ancestor) = e.loop_ancestor() {
                    out.warnings.push(format!(
                        "{}: skipped: a link back to the folder {} (a loop)",
                        Location::file(at),
                        Location::file(ancestor)
                    ));
                } else {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("walk failed"));
                    out.errors.push(Error::io(Location::file(at), io));
                }
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() {
            match same_file::Handle::from_path(path) {
                Ok(h) => {
                    if let Some(first) = seen.get(&h) {
                        out.warnings.push(format!(
                            "{}: skipped: the folder was read already as {}",
                            Location::file(path),
                            Location::file(first)
                        ));
                        it.skip_current_dir();
                    } else {
                        seen.insert(h, path.to_owned());
                    }
                }
                Err(e) => out.errors.push(Error::io(Location::file(path), e)),
            }
            continue;
        }
        if !is_document_file(path) {
            out.skipped.push(path.to_owned());
            continue;
        }
        if !entry.file_type().is_file() {
            out.warnings.push(format!(
                "{}: skipped: not a regular file (a named pipe or a device is read only when named as an input)",
                Location::file(path)
            ));
            continue;
        }
        match entry.metadata() {
            Ok(m) => {
                out.total_bytes = out.total_bytes.map(|t| t + m.len());
                out.sources.push(Source::File {
                    format: format_of(path),
                    path: path.to_owned(),
                });
            }
            Err(e) => {
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("walk failed"));
                out.errors.push(Error::io(Location::file(path), io));
            }
        }
    }
    Some(())
}

/// Removes a leading byte-order mark and replaces CRLF and lone CR with LF,
/// in place (no copy of the text is made).
fn normalize_owned(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut b = text.into_bytes();
    let (mut r, mut w) = (0, 0);
    while r < b.len() {
        let c = b[r];
        r += 1;
        if c == b'\r' {
            if b.get(r) == Some(&b'\n') {
                r += 1;
            }
            b[w] = b'\n';
        } else {
            b[w] = c;
        }
        w += 1;
    }
    b.truncate(w);
    String::from_utf8(b).expect("replacing ASCII bytes keeps UTF-8 valid")
}

/// Replaces CRLF and lone CR with LF.
fn normalize_newlines(text: &str) -> String {
    normalize_owned(text.to_owned())
}

/// Decodes bytes as UTF-8, lossily, and normalises the text. `what` names
/// the place for the warning ("file.txt", "file.jsonl:12").
pub fn decode(bytes: &[u8], what: &dyn std::fmt::Display, warnings: &mut Vec<String>) -> String {
    decode_owned(bytes.to_vec(), what, warnings)
}

/// [`decode`] for bytes the caller gives away: valid UTF-8 becomes the
/// text without being copied.
pub fn decode_owned(
    mut bytes: Vec<u8>,
    what: &dyn std::fmt::Display,
    warnings: &mut Vec<String>,
) -> String {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    if let Some(big_endian) = utf16_bom(&bytes) {
        return normalize_owned(decode_utf16(&bytes[2..], big_endian, what, warnings));
    }
    match String::from_utf8(bytes) {
        Ok(s) => normalize_owned(s),
        Err(e) => {
            warnings.push(format!(
                "{what}: invalid UTF-8 at byte offset {}; invalid bytes replaced with U+FFFD",
                e.utf8_error().valid_up_to()
            ));
            normalize_owned(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// `Some(big_endian)` when `bytes` begin with a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => Some(false),
        [0xfe, 0xff, ..] => Some(true),
        _ => None,
    }
}

/// Decodes UTF-16 (after its byte-order mark), as ripgrep does for a file
/// with such a mark; unpaired surrogates and an odd last byte become
/// U+FFFD with a warning.
fn decode_utf16(
    bytes: &[u8],
    big_endian: bool,
    what: &dyn std::fmt::Display,
    warnings: &mut Vec<String>,
) -> String {
    let units = bytes.chunks(2).map(|c| match (c, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        _ => 0xfffd, // an odd last byte
    });
    let mut out = String::with_capacity(bytes.len());
    let mut bad = bytes.len() % 2 == 1;
    for c in char::decode_utf16(units) {
        out.push(c.unwrap_or_else(|_| {
            bad = true;
            '\u{fffd}'
        }));
    }
    if bad {
        warnings.push(format!(
            "{what}: invalid UTF-16; invalid units replaced with U+FFFD"
        ));
    }
    out
}

/// The stem of a path (`seeds/000_x.txt` → `000_x`, `a.txt.gz` → `a`).
fn stem(path: &Path) -> String {
    let name = inner_name(path);
    for ext in [".txt", ".jsonl", ".ndjson"] {
        if let Some(s) = name.strip_suffix(ext) {
            return s.to_owned();
        }
    }
    Path::new(&name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(name)
}

/// A JSONL record's fields as written: the text is unescaped once, into
/// its own string (no parser scratch copy: a 60 MB record costs its line
/// and its text, not three copies), and a numeric id keeps its digits
/// (a float would round large ids into one another).
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(default, borrow)]
    id: Option<&'a serde_json::value::RawValue>,
    #[serde(default, borrow)]
    text: Option<&'a serde_json::value::RawValue>,
    #[serde(default, borrow)]
    date: Option<&'a serde_json::value::RawValue>,
}

/// Parses one JSONL line into a document. `line_no` is 1-based.
pub fn parse_jsonl_line(
    line: &[u8],
    path: &Path,
    line_no: u64,
    fallback_id: &str,
) -> Result<Document> {
    let loc = Location::line(path, line_no);
    let mut warnings = Vec::new();
    let line = line.strip_prefix(BOM).unwrap_or(line);
    let lossy;
    let json = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            warnings.push(format!(
                "{loc}: invalid UTF-8 at byte offset {}; invalid bytes replaced with U+FFFD",
                e.valid_up_to()
            ));
            lossy = String::from_utf8_lossy(line);
            &*lossy
        }
    };
    let rec: Record = serde_json::from_str(json)
        .map_err(|e| Error::parse(loc.clone(), format!("not a JSON object: {e}")))?;
    let text = match rec.text.map(|r| r.get()) {
        Some(raw) if raw.starts_with('"') => json_string(raw),
        Some("null") | None => return Err(Error::parse(loc, "record has no `text` field")),
        Some(_) => return Err(Error::parse(loc, "field `text` is not a string")),
    };
    let id = match rec.id.map(|r| r.get()) {
        Some(raw) if raw.starts_with('"') && raw != "\"\"" => json_string(raw),
        Some(raw) if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => raw.to_owned(),
        None | Some("null") => format!("{fallback_id}:{line_no}"),
        Some(_) => return Err(Error::parse(loc, "field `id` is not a string or number")),
    };
    let year = match rec.date.map(|r| r.get()) {
        None | Some("null") => None,
        Some(raw) if raw.starts_with('"') => Some(
            parse_date_year(&json_string(raw))
                .map_err(|m| Error::parse(loc.clone(), format!("field `date`: {m}")))?,
        ),
        Some(_) => {
            return Err(Error::parse(
                loc,
                "field `date` is not a string (YYYY-MM-DD or YYYY)",
            ));
        }
    };
    Ok(Document {
        id,
        text: normalize_owned(text),
        origin: loc,
        warnings,
        year,
    })
}

/// The value of a JSON string literal (quotes included) that the parser
/// has checked: escapes resolved, a lone surrogate as U+FFFD.
fn json_string(raw: &str) -> String {
    let inner = &raw[1..raw.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let esc = rest.as_bytes().get(i + 1).copied().unwrap_or(b'\\');
        rest = rest.get(i + 2..).unwrap_or("");
        let c = match esc {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = |s: &str| s.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok());
                let hi = hex(rest).unwrap_or(0xfffd);
                rest = rest.get(4..).unwrap_or("");
                let lo = rest.strip_prefix("\\u").and_then(hex);
                match (hi, lo) {
                    (0xd800..=0xdbff, Some(lo @ 0xdc00..=0xdfff)) => {
                        rest = &rest[6..];
                        char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))
                            .unwrap_or('\u{fffd}')
                    }
                    _ => char::from_u32(hi).unwrap_or('\u{fffd}'),
                }
            }
            other => char::from(other),
        };
        out.push(c);
    }
    out.push_str(rest);
    out
}

/// The default of [`ReaderOptions::max_doc_size`]: 64 MiB.
pub const DEFAULT_MAX_DOC_SIZE: u64 = 64 << 20;

/// How many leading bytes binary detection looks at.
pub const BINARY_SNIFF_BYTES: usize = 1024;

/// How a [`Reader`] reads.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Documents larger than this many bytes are skipped and reported (see
    /// [`SkipReason::TooLarge`]): a text file's size after decompression,
    /// a JSONL line's length. `None` means no limit. Default:
    /// [`DEFAULT_MAX_DOC_SIZE`].
    pub max_doc_size: Option<u64>,
    /// Skip inputs with a NUL byte in their first [`BINARY_SNIFF_BYTES`]
    /// bytes (after decompression), as ripgrep does. Default: true.
    pub skip_binary: bool,
    /// Read only the items whose index (see [`Reader`]) falls in this
    /// range; others are passed over without being parsed, and reading
    /// stops at the range's end. Default: all items.
    pub items: Option<Range<u64>>,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            max_doc_size: Some(DEFAULT_MAX_DOC_SIZE),
            skip_binary: true,
            items: None,
        }
    }
}

/// Why an input or record was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A NUL byte in the first KB: not text.
    Binary,
    /// Larger than [`ReaderOptions::max_doc_size`]. `size` is exact when
    /// `exact`; otherwise reading stopped at `limit + 1` bytes.
    TooLarge {
        /// The document's size in bytes: a text file's after
        /// decompression, a JSONL line's length.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
        /// True when `size` is the whole size, not only what was read.
        exact: bool,
    },
}

/// An input or record that was passed over on purpose; not a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The file, and the line for a JSONL record.
    pub location: Location,
    /// Why it was passed over.
    pub reason: SkipReason,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: skipped: ", self.location)?;
        match self.reason {
            SkipReason::Binary => write!(
                f,
                "not a text file (a NUL byte in its first {BINARY_SNIFF_BYTES} bytes)"
            ),
            SkipReason::TooLarge {
                size,
                limit,
                exact: true,
            } => write!(
                f,
                "document of {size} bytes is larger than the limit of {limit} bytes"
            ),
            SkipReason::TooLarge { limit, .. } => {
                write!(f, "document is larger than the limit of {limit} bytes")
            }
        }
    }
}

/// One thing a [`Reader`] found: a document, an input or record passed
/// over on purpose, or one that could not be read.
#[derive(Debug)]
pub enum Item {
    /// A document, read (see [`Document::warnings`] for problems that did
    /// not stop it).
    Document(Document),
    /// An input or record passed over on purpose: not text, or too large.
    Skipped(Skip),
    /// An input or record that could not be read: the error names the
    /// file, and the line for a JSONL record.
    Failed(Error),
}

/// Counts bytes read from the underlying file, before decompression.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// An opened source: decompressed bytes, and what is needed to account
/// for its size when it is done.
struct Stream {
    reader: Box<dyn Read + Send>,
    /// Size as stored, for files.
    size: Option<u64>,
    compressed: bool,
    /// The byte counter when the source was opened.
    start: u64,
}

/// Reads documents from sources one at a time, in order, so memory holds one
/// record (or one text file) at a time however large the input.
///
/// Every item has an index, counted over all sources in order: a text
/// input is one item, a JSONL input is one item per non-blank line (a
/// JSONL input that cannot be opened, is not text, or breaks off with a
/// read error counts one item for that). [`ReaderOptions::items`] selects
/// a range of indices; [`count_items`] counts them, so that contiguous
/// ranges split a run into shards whose outputs, concatenated in order,
/// are the output of the whole run.
///
/// As an [`Iterator`], a reader yields documents and failures and passes
/// over skipped inputs silently; [`Reader::next_item`] reports them too.
pub struct Reader {
    sources: std::vec::IntoIter<Source>,
    current: Option<Open>,
    opts: ReaderOptions,
    /// Index of the next item.
    index: u64,
    read: Arc<AtomicU64>,
    pub(crate) stop: Option<Arc<AtomicBool>>,
}

struct Open {
    path: PathBuf,
    stem: String,
    lines: Box<dyn BufRead + Send>,
    line_no: u64,
    buf: Vec<u8>,
    size: Option<u64>,
    start: u64,
}

/// What [`read_line`] found.
enum Line {
    Eof,
    /// Empty or only ASCII white space.
    Blank,
    /// A line, in the buffer when it was asked for (without its newline).
    Content,
    /// Longer than the limit: its length; the buffer holds nothing.
    TooLong(u64),
}

/// Reads one line (without its `\n`) into `buf` when `keep`, holding at most
/// `limit` bytes in memory: a longer line is read to its end and reported
/// with its length.
fn read_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: Option<u64>,
    keep: bool,
) -> io::Result<Line> {
    buf.clear();
    let mut len = 0u64;
    let mut any = false;
    let mut blank = true;
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            if !any {
                return Ok(Line::Eof);
            }
            break;
        }
        any = true;
        let (chunk, used, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        len += chunk.len() as u64;
        if blank && chunk.iter().any(|c| !c.is_ascii_whitespace()) {
            blank = false;
        }
        if keep && limit.is_none_or(|l| len <= l) {
            buf.extend_from_slice(chunk);
        }
        r.consume(used);
        if done {
            break;
        }
    }
    Ok(if blank {
        Line::Blank
    } else if limit.is_some_and(|l| len > l) {
        buf.clear();
        Line::TooLong(len)
    } else {
        Line::Content
    })
}

/// Line buffers larger than this are given back after use, so that one
/// long line does not keep its memory for the rest of the run.
const KEEP_LINE_BUFFER: usize = 1 << 20;

impl Reader {
    /// A reader with the default options (see [`ReaderOptions`]).
    pub fn new(sources: Vec<Source>) -> Reader {
        Reader::with_options(sources, ReaderOptions::default())
    }

    /// A reader of `sources`, in order, with these options.
    pub fn with_options(sources: Vec<Source>, opts: ReaderOptions) -> Reader {
        Reader {
            sources: sources.into_iter(),
            current: None,
            opts,
            index: 0,
            read: Arc::new(AtomicU64::new(0)),
            stop: None,
        }
    }

    /// Bytes of input consumed so far, as stored (compressed bytes for
    /// compressed files). An input that is done counts its whole size,
    /// read or not (skipped, or broken off by an error).
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// The index of the next item (the number of items passed so far).
    pub fn item_index(&self) -> u64 {
        self.index
    }

    /// Stops reading (the reader then ends) once `flag` is set.
    pub fn stop_when(&mut self, flag: Arc<AtomicBool>) {
        self.stop = Some(flag);
    }

    fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    }

    fn wanted(&self, index: u64) -> bool {
        self.opts.items.as_ref().is_none_or(|r| r.contains(&index))
    }

    fn past_end(&self) -> bool {
        self.opts
            .items
            .as_ref()
            .is_some_and(|r| self.index >= r.end)
    }

    fn open(&self, source: &Source) -> io::Result<Stream> {
        let start = self.bytes_read();
        match source {
            Source::File { path, .. } => {
                let f = File::open(path)?;
                let size = f.metadata().ok().map(|m| m.len());
                let counted = Counting {
                    inner: f,
                    count: Arc::clone(&self.read),
                };
                let compression = compression_of(path);
                let reader: Box<dyn Read + Send> = match compression {
                    Compression::None => Box::new(counted),
                    Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(
                        BufReader::with_capacity(1 << 16, counted),
                    )),
                    Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(counted)?),
                };
                Ok(Stream {
                    reader,
                    size,
                    compressed: compression != Compression::None,
                    start,
                })
            }
            Source::Stdin { .. } => Ok(Stream {
                reader: Box::new(Counting {
                    inner: io::stdin(),
                    count: Arc::clone(&self.read),
                }),
                size: None,
                compressed: false,
                start,
            }),
        }
    }

    /// Counts a finished input as read in full.
    fn done(&self, size: Option<u64>, start: u64) {
        if let Some(size) = size {
            let consumed = self.bytes_read() - start;
            if size > consumed {
                self.read.fetch_add(size - consumed, Ordering::Relaxed);
            }
        }
    }

    fn read_text(&self, source: &Source) -> Item {
        let loc = source.location();
        let mut s = match self.open(source) {
            Ok(s) => s,
            Err(e) => return Item::Failed(Error::io(loc, e)),
        };
        let item = self.read_text_from(source, &mut s, loc);
        self.done(s.size, s.start);
        item
    }

    fn read_text_from(&self, source: &Source, s: &mut Stream, loc: Location) -> Item {
        let limit = self.opts.max_doc_size;
        if let (Some(size), Some(limit), false) = (s.size, limit, s.compressed) {
            if size > limit {
                return Item::Skipped(Skip {
                    location: loc,
                    reason: SkipReason::TooLarge {
                        size,
                        limit,
                        exact: true,
                    },
                });
            }
        }
        let expected = match (s.size, s.compressed) {
            (Some(size), false) => size as usize,
            _ => BINARY_SNIFF_BYTES,
        };
        let mut bytes = Vec::with_capacity(expected.max(BINARY_SNIFF_BYTES));
        let result = s
            .reader
            .by_ref()
            .take(BINARY_SNIFF_BYTES as u64)
            .read_to_end(&mut bytes)
            .and_then(|_| {
                if self.opts.skip_binary
                    && utf16_bom(&bytes).is_none()
                    && memchr::memchr(0, &bytes).is_some()
                {
                    return Ok(true);
                }
                let rest = limit.map_or(u64::MAX, |l| (l + 1).saturating_sub(bytes.len() as u64));
                s.reader.by_ref().take(rest).read_to_end(&mut bytes)?;
                Ok(false)
            });
        match result {
            Err(e) => return Item::Failed(Error::io(loc, e)),
            Ok(true) => {
                return Item::Skipped(Skip {
                    location: loc,
                    reason: SkipReason::Binary,
                });
            }
            Ok(false) => {}
        }
        if let Some(limit) = limit.filter(|&l| bytes.len() as u64 > l) {
            return Item::Skipped(Skip {
                location: loc,
                reason: SkipReason::TooLarge {
                    size: bytes.len() as u64,
                    limit,
                    exact: false,
                },
            });
        }
        let mut warnings = Vec::new();
        let text = decode_owned(bytes, &loc, &mut warnings);
        let id = match source {
            Source::File { path, .. } => stem(path),
            Source::Stdin { .. } => "stdin".to_owned(),
        };
        Item::Document(Document {
            id,
            text,
            origin: loc,
            warnings,
            year: None,
        })
    }

    /// Opens a JSONL input. `Err` is the item that stands for the whole
    /// input (it could not be opened, or it is not text).
    fn open_jsonl(&self, source: &Source) -> std::result::Result<Open, Item> {
        let loc = source.location();
        let mut s = self
            .open(source)
            .map_err(|e| Item::Failed(Error::io(loc.clone(), e)))?;
        let mut head = Vec::with_capacity(BINARY_SNIFF_BYTES);
        let sniffed = s
            .reader
            .by_ref()
            .take(BINARY_SNIFF_BYTES as u64)
            .read_to_end(&mut head);
        if let Err(e) = sniffed {
            self.done(s.size, s.start);
            return Err(Item::Failed(Error::io(loc, e)));
        }
        if self.opts.skip_binary && memchr::memchr(0, &head).is_some() {
            self.done(s.size, s.start);
            return Err(Item::Skipped(Skip {
                location: loc,
                reason: SkipReason::Binary,
            }));
        }
        Ok(Open {
            stem: match source {
                Source::File { path, .. } => stem(path),
                Source::Stdin { .. } => "stdin".to_owned(),
            },
            path: loc.path.to_path_buf(),
            lines: Box::new(BufReader::with_capacity(
                1 << 16,
                io::Cursor::new(head).chain(s.reader),
            )),
            line_no: 0,
            buf: Vec::new(),
            size: s.size,
            start: s.start,
        })
    }

    fn close(&mut self) {
        if let Some(open) = self.current.take() {
            self.done(open.size, open.start);
        }
    }

    /// The next item of the open JSONL input, or `None` at its end (the
    /// input is then closed).
    fn next_jsonl(&mut self) -> Option<Item> {
        let limit = self.opts.max_doc_size;
        loop {
            if self.past_end() || self.stopped() {
                return None;
            }
            let keep = self.wanted(self.index);
            let open = self.current.as_mut()?;
            open.line_no += 1;
            let line = read_line(&mut *open.lines, &mut open.buf, limit, keep);
            let item = match line {
                Ok(Line::Eof) => {
                    self.close();
                    return None;
                }
                Ok(Line::Blank) => continue,
                Ok(Line::TooLong(size)) => Item::Skipped(Skip {
                    location: Location::line(&open.path, open.line_no),
                    reason: SkipReason::TooLarge {
                        size,
                        limit: limit.unwrap_or(u64::MAX),
                        exact: true,
                    },
                }),
                Ok(Line::Content) if !keep => {
                    self.index += 1;
                    continue;
                }
                Ok(Line::Content) => {
                    let parsed = parse_jsonl_line(
                        trim_ascii(&open.buf),
                        &open.path,
                        open.line_no,
                        &open.stem,
                    );
                    if open.buf.capacity() > KEEP_LINE_BUFFER {
                        open.buf = Vec::new();
                    }
                    match parsed {
                        Ok(doc) => Item::Document(doc),
                        Err(e) => Item::Failed(e),
                    }
                }
                Err(e) => {
                    let err = Error::io(Location::line(&open.path, open.line_no), e);
                    self.close();
                    Item::Failed(err)
                }
            };
            self.index += 1;
            if keep {
                return Some(item);
            }
        }
    }

    /// The next item: a document, a skip or a failure; `None` at the end
    /// of the input (or of the selected range, or once stopped).
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            if self.past_end() || self.stopped() {
                return None;
            }
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                if self.current.is_some() {
                    // Stopped or past the end inside the input.
                    return None;
                }
                continue;
            }
            let source = self.sources.next()?;
            let format = match &source {
                Source::File { format, .. } | Source::Stdin { format } => *format,
            };
            match format {
                Format::Text => {
                    let index = self.index;
                    self.index += 1;
                    if self.wanted(index) {
                        return Some(self.read_text(&source));
                    }
                }
                Format::Jsonl => match self.open_jsonl(&source) {
                    Ok(open) => self.current = Some(open),
                    Err(item) => {
                        let index = self.index;
                        self.index += 1;
                        if self.wanted(index) {
                            return Some(item);
                        }
                    }
                },
            }
        }
    }
}

/// Counts the items (see [`Reader`]) of `sources` as a reader with `opts`
/// would see them, without parsing a record: text inputs are not opened,
/// JSONL inputs are read line by line. `None` when `stop` was set before
/// the count was done.
pub fn count_items(
    sources: Vec<Source>,
    opts: &ReaderOptions,
    stop: Option<Arc<AtomicBool>>,
) -> Option<u64> {
    let mut r = Reader::with_options(
        sources,
        ReaderOptions {
            items: Some(u64::MAX..u64::MAX),
            ..opts.clone()
        },
    );
    r.stop = stop;
    let none = r.next_item();
    debug_assert!(none.is_none(), "no item is wanted");
    if r.stopped() { None } else { Some(r.index) }
}

/// The range of item indices that shard `k` of `n` (1-based) reads out of
/// `total` items: contiguous, in order, sizes differing by at most one.
pub fn shard_range(k: u64, n: u64, total: u64) -> Range<u64> {
    assert!(1 <= k && k <= n, "shard {k} of {n}");
    let at = |i: u64| (u128::from(total) * u128::from(i) / u128::from(n)) as u64;
    at(k - 1)..at(k)
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

impl Iterator for Reader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            match self.next_item()? {
                Item::Document(d) => return Some(Ok(d)),
                Item::Failed(e) => return Some(Err(e)),
                Item::Skipped(_) => {}
            }
        }
    }
}

/// Recognises boilerplate lines (SPEC §2): bylines, credits, source lines,
/// related-article links, advertisements, share widgets.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    /// Lower-cased patterns by their first character, each with `true`
    /// when it must be the whole line (else a line starting with it is
    /// boilerplate).
    by_first: rustc_hash::FxHashMap<char, Vec<(String, bool)>>,
}

impl Boilerplate {
    /// Adds a pattern; `whole_line` makes it match only the entire line.
    pub fn add(&mut self, pattern: &str, whole_line: bool) {
        let p = pattern.trim().to_lowercase();
        let Some(first) = p.chars().next() else {
            return;
        };
        self.by_first
            .entry(first)
            .or_default()
            .push((p, whole_line));
    }

    /// True when the (untrimmed) line is boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim();
        let Some(first) = line.chars().next() else {
            return false;
        };
        let Some(bucket) = first
            .to_lowercase()
            .next()
            .and_then(|c| self.by_first.get(&c))
        else {
            return false;
        };
        // Compare case-insensitively without allocating: the patterns are
        // lower case already.
        let starts = |p: &str| -> Option<usize> {
            // An ASCII pattern against an ASCII start of the line: bytes.
            if let Some(head) = line.as_bytes().get(..p.len())
                && p.is_ascii()
                && head.is_ascii()
            {
                return head.eq_ignore_ascii_case(p.as_bytes()).then_some(p.len());
            }
            let mut lc = line
                .char_indices()
                .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, c, l)));
            let mut end = 0;
            for pc in p.chars() {
                match lc.next() {
                    Some((i, c, l)) if l == pc => end = i + c.len_utf8(),
                    _ => return None,
                }
            }
            Some(end)
        };
        bucket.iter().any(|(p, whole)| match starts(p) {
            Some(end) => !whole || end == line.len(),
            None => false,
        })
    }

    /// Byte ranges of the boilerplate lines of `text` (without their newline).
    pub fn lines(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            if self.is_boilerplate(line) {
                out.push(start..start + line.len());
            }
            start += line.len() + 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let mut w = Vec::new();
        let t = decode(b"\xef\xbb\xbfa\r\nb\rc", &"x", &mut w);
        assert_eq!(t, "a\nb\nc");
        assert!(w.is_empty());
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let text = "Presiden Rusia Vladimir Putin\r\nbertemu Xi Jinping. 🎉";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let want = text.replace("\r\n", "\n");
        for bytes in [&le, &be] {
            let mut w = Vec::new();
            assert_eq!(decode(bytes, &"x", &mut w), want);
            assert!(w.is_empty());
        }
        // Read as a file: text, not skipped as binary for its NUL bytes.
        let (_dir, sources) = files(&[("le.txt", &le), ("be.txt", &be)]);
        let docs: Vec<String> = Reader::new(sources).map(|d| d.unwrap().text).collect();
        assert_eq!(docs, [want.clone(), want]);
        let mut w = Vec::new();
        assert_eq!(
            decode(&le[..le.len() - 1], &"odd", &mut w).pop(),
            Some('\u{fffd}')
        );
        assert!(w[0].starts_with("odd: invalid UTF-16"), "{w:?}");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let mut w = Vec::new();
        let t = decode(b"abc\xffdef", &"f.txt", &mut w);
        assert_eq!(t, "abc\u{fffd}def");
        assert_eq!(w.len(), 1);
        assert!(
            w[0].contains("f.txt") && w[0].contains("byte offset 3"),
            "{}",
            w[0]
        );
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let p = Path::new("a.jsonl");
        let e = parse_jsonl_line(b"{\"id\": 1}", p, 7, "a").unwrap_err();
        assert_eq!(e.to_string(), "a.jsonl:7: record has no `text` field");
        let e = parse_jsonl_line(b"{not json", p, 2, "a").unwrap_err();
        assert!(e.to_string().starts_with("a.jsonl:2: not a JSON object"));
        let d = parse_jsonl_line(b"{\"id\": 5, \"text\": \"x\", \"extra\": [1]}", p, 1, "a");
        assert_eq!(d.unwrap().id, "5");
        let d = parse_jsonl_line(b"{\"text\": \"x\"}", p, 3, "a").unwrap();
        assert_eq!(d.id, "a:3");
        // Large integer ids keep their digits: as floats they would collide.
        let ids: Vec<String> = ["18446744073709551617", "18446744073709551618", "-1", "1.5"]
            .iter()
            .map(|n| {
                let line = format!("{{\"id\": {n}, \"text\": \"x\"}}");
                parse_jsonl_line(line.as_bytes(), p, 1, "a").unwrap().id
            })
            .collect();
        assert_eq!(
            ids,
            ["18446744073709551617", "18446744073709551618", "-1", "1.5"]
        );
        for bad in ["{\"id\": [1], \"text\": \"x\"}", "{\"text\": 5}", "[1]"] {
            assert!(
                parse_jsonl_line(bad.as_bytes(), p, 1, "a").is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn json_strings_are_unescaped_as_serde_json_does() {
        for v in [
            "plain",
            "a\"b\\c/d",
            "line\nnext\r\ttab\u{8}\u{c}",
            "é ü 中文 🎉 \u{1}",
            "",
        ] {
            let raw = serde_json::to_string(v).unwrap();
            assert_eq!(json_string(&raw), v, "{raw}");
        }
        assert_eq!(json_string(r#""\ud83c\udf89 \u00e9 \/""#), "🎉 é /");
        assert_eq!(json_string(r#""\ud83c x""#), "\u{fffd} x");
    }

    #[test]
    fn compressed_names_are_looked_through() {
        let cases = [
            ("a.txt", Format::Text, Compression::None, "a"),
            ("d/a.txt.gz", Format::Text, Compression::Gzip, "a"),
            ("a.jsonl.gz", Format::Jsonl, Compression::Gzip, "a"),
            ("a.ndjson.zst", Format::Jsonl, Compression::Zstd, "a"),
            ("a.b.jsonl.zstd", Format::Jsonl, Compression::Zstd, "a.b"),
            ("notes.gz", Format::Text, Compression::Gzip, "notes"),
        ];
        for (name, format, compression, id) in cases {
            let p = Path::new(name);
            assert_eq!(format_of(p), format, "{name}");
            assert_eq!(compression_of(p), compression, "{name}");
            assert_eq!(stem(p), id, "{name}");
        }
        assert!(is_document_file(Path::new("a.txt.gz")));
        assert!(!is_document_file(Path::new("a.gz")));
        assert!(!is_document_file(Path::new("a.csv.zst")));
    }

    #[test]
    fn normalising_in_place_matches_the_rules() {
        assert_eq!(normalize_owned("\u{feff}a\r\nb\rc\r".into()), "a\nb\nc\n");
        assert_eq!(normalize_owned("é\r\n\r\nü".into()), "é\n\nü");
        assert_eq!(normalize_owned("plain".into()), "plain");
    }

    #[test]
    fn long_lines_are_read_through_without_being_kept() {
        let data = b"short\n   \n0123456789abcdef\nlast";
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        let mut next = |keep| match read_line(&mut r, &mut buf, Some(8), keep).unwrap() {
            Line::Eof => "eof".to_owned(),
            Line::Blank => "blank".to_owned(),
            Line::Content => format!("content {}", String::from_utf8_lossy(&buf)),
            Line::TooLong(n) => format!("too long {n} {}", buf.len()),
        };
        assert_eq!(next(true), "content short");
        assert_eq!(next(true), "blank");
        assert_eq!(next(true), "too long 16 0");
        assert_eq!(next(false), "content ");
        assert_eq!(next(true), "eof");
    }

    /// Writes files into a fresh folder and returns it with their sources.
    fn files(names: &[(&str, &[u8])]) -> (tempfile::TempDir, Vec<Source>) {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in names {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let sources = expand(&[dir.path().to_owned()], Format::Text).sources;
        (dir, sources)
    }

    fn ids(mut r: Reader) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(item) = r.next_item() {
            out.push(match item {
                Item::Document(d) => d.id,
                Item::Skipped(s) => format!("skip {}", s.location.path.display()),
                Item::Failed(e) => format!("fail {}", e.location.and_then(|l| l.line).unwrap_or(0)),
            });
        }
        out
    }

    #[test]
    fn shard_ranges_split_the_items_in_order() {
        let (_dir, sources) = files(&[
            ("a.txt", b"Putin."),
            (
                "b.jsonl",
                b"{\"id\":\"b1\",\"text\":\"x\"}\n\n{oops\n{\"id\":\"b3\",\"text\":\"y\"}\n",
            ),
            ("c.txt", b"\0binary"),
            ("d.jsonl", b"\0binary"),
            ("e.jsonl", b""),
            ("f.txt", b"Xi."),
        ]);
        let all = ids(Reader::new(sources.clone()));
        assert_eq!(all.len(), 7, "{all:?}");
        assert_eq!(all[..4], ["a", "b1", "fail 3", "b3"]);
        assert!(
            all[4].starts_with("skip") && all[4].ends_with("c.txt"),
            "{all:?}"
        );
        assert!(
            all[5].starts_with("skip") && all[5].ends_with("d.jsonl"),
            "{all:?}"
        );
        assert_eq!(all[6], "f");
        let opts = ReaderOptions::default();
        let total = count_items(sources.clone(), &opts, None).unwrap();
        assert_eq!(total, 7);
        for n in 1..=8 {
            let mut joined = Vec::new();
            for k in 1..=n {
                let o = ReaderOptions {
                    items: Some(shard_range(k, n, total)),
                    ..ReaderOptions::default()
                };
                joined.extend(ids(Reader::with_options(sources.clone(), o)));
            }
            assert_eq!(joined, all, "{n} shards");
        }
        assert_eq!(shard_range(1, 3, 10), 0..3);
        assert_eq!(shard_range(3, 3, 10), 6..10);
        assert_eq!(shard_range(2, 4, 0), 0..0);
    }

    #[test]
    fn bytes_read_reaches_the_stored_size() {
        let (_dir, sources) = files(&[
            ("a.txt", b"Putin."),
            ("b.txt", b"\0bin"),
            ("c.jsonl", b"{oops\n"),
        ]);
        let mut r = Reader::new(sources);
        while r.next_item().is_some() {}
        assert_eq!(r.bytes_read(), 6 + 4 + 6);
    }

    #[test]
    fn boilerplate_prefix_and_line() {
        let mut b = Boilerplate::default();
        b.add("Baca Juga", false);
        b.add("Advertisement", true);
        assert!(b.is_boilerplate("BACA JUGA: something"));
        assert!(b.is_boilerplate("  Advertisement "));
        assert!(!b.is_boilerplate("Advertisement revenue fell"));
        let text = "a\nAdvertisement\nb";
        assert_eq!(b.lines(text), vec![2..15]);
    }
}
