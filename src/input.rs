//! Stage 1, input: files, folders, standard input and JSONL records become
//! [`Document`]s with clean text.
//!
//! The text of a document is normalised once, here: a UTF-8 byte-order mark
//! is removed, CRLF and lone CR become LF, and invalid UTF-8 is replaced
//! (U+FFFD) with a warning that names the file and the byte offset. Every
//! offset that kabar writes refers to this normalised text.
//!
//! Boilerplate lines (bylines, "Baca Juga", "Advertisement", …) stay in the
//! text so that offsets remain true; [`Boilerplate::lines`] marks them and
//! later stages take no entity or triple from them.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

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
}

impl Document {
    /// A document from text in memory (used by the library API and tests).
    pub fn new(id: impl Into<String>, text: &str) -> Document {
        let id = id.into();
        Document {
            origin: Location::file(format!("<{id}>")),
            text: normalize_newlines(text.strip_prefix('\u{feff}').unwrap_or(text)),
            id,
            warnings: Vec::new(),
        }
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
    File { path: PathBuf, format: Format },
    Stdin { format: Format },
}

impl Source {
    pub fn location(&self) -> Location {
        match self {
            Source::File { path, .. } => Location::file(path.clone()),
            Source::Stdin { .. } => Location::file("<stdin>"),
        }
    }
}

/// The format a file name implies: `*.jsonl` is JSONL, anything else text.
pub fn format_of(path: &Path) -> Format {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// True for the file names a folder walk picks up.
fn is_document_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
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
    /// extension (only `*.txt` and `*.jsonl` are read from folders).
    pub skipped: Vec<PathBuf>,
}

/// Turns command-line inputs into sources: `-` is standard input (read as
/// `stdin_format`), a folder is walked recursively, a file is read by its
/// extension.
pub fn expand(inputs: &[PathBuf], stdin_format: Format) -> Expanded {
    let mut out = Expanded::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.sources.push(Source::Stdin {
                format: stdin_format,
            });
            continue;
        }
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, &mut out),
            Ok(_) => out.sources.push(Source::File {
                path: input.clone(),
                format: format_of(input),
            }),
            Err(e) => out.errors.push(Error::io(Location::file(input.clone()), e)),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Expanded) {
    let mut entries = match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut v = Vec::new();
            for entry in rd {
                match entry {
                    Ok(e) => v.push(e.path()),
                    Err(e) => out.errors.push(Error::io(Location::file(dir), e)),
                }
            }
            v
        }
        Err(e) => {
            out.errors.push(Error::io(Location::file(dir), e));
            return;
        }
    };
    entries.sort();
    for path in entries {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out),
            Ok(_) if is_document_file(&path) => out.sources.push(Source::File {
                format: format_of(&path),
                path,
            }),
            Ok(_) => out.skipped.push(path),
            Err(e) => out.errors.push(Error::io(Location::file(path), e)),
        }
    }
}

/// Replaces CRLF and lone CR with LF.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes bytes as UTF-8, lossily, and normalises the text. `what` names
/// the place for the warning ("file.txt", "file.jsonl:12").
pub fn decode(bytes: &[u8], what: &dyn std::fmt::Display, warnings: &mut Vec<String>) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => normalize_newlines(s),
        Err(e) => {
            warnings.push(format!(
                "{what}: invalid UTF-8 at byte offset {}; invalid bytes replaced with U+FFFD",
                e.valid_up_to()
            ));
            normalize_newlines(&String::from_utf8_lossy(bytes))
        }
    }
}

/// The stem of a path (`seeds/000_x.txt` → `000_x`).
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".txt", ".jsonl", ".ndjson"] {
        if let Some(s) = name.strip_suffix(ext) {
            return s.to_owned();
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(name)
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<serde_json::Value>,
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
    let line = decode(line, &loc, &mut warnings);
    let rec: Record = serde_json::from_str(&line)
        .map_err(|e| Error::parse(loc.clone(), format!("not a JSON object: {e}")))?;
    let text = match rec.text {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err(Error::parse(loc, "field `text` is not a string")),
        None => return Err(Error::parse(loc, "record has no `text` field")),
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => format!("{fallback_id}:{line_no}"),
        Some(_) => return Err(Error::parse(loc, "field `id` is not a string or number")),
    };
    Ok(Document {
        id,
        text: normalize_newlines(text.strip_prefix('\u{feff}').unwrap_or(&text)),
        origin: loc,
        warnings,
    })
}

/// Reads documents from sources one at a time, in order, so memory holds one
/// record (or one text file) at a time however large the input.
pub struct Reader {
    sources: std::vec::IntoIter<Source>,
    current: Option<Open>,
}

struct Open {
    path: PathBuf,
    stem: String,
    lines: Box<dyn BufRead + Send>,
    line_no: u64,
    buf: Vec<u8>,
}

impl Reader {
    pub fn new(sources: Vec<Source>) -> Reader {
        Reader {
            sources: sources.into_iter(),
            current: None,
        }
    }

    fn open(source: &Source) -> Result<Box<dyn BufRead + Send>> {
        match source {
            Source::File { path, .. } => {
                let f = File::open(path).map_err(|e| Error::io(Location::file(path), e))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
            }
            Source::Stdin { .. } => Ok(Box::new(BufReader::new(std::io::stdin()))),
        }
    }

    fn read_text(source: &Source) -> Result<Document> {
        let loc = source.location();
        let mut reader = Self::open(source)?;
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(loc.clone(), e))?;
        let mut warnings = Vec::new();
        let text = decode(&bytes, &loc, &mut warnings);
        let id = match source {
            Source::File { path, .. } => stem(path),
            Source::Stdin { .. } => "stdin".to_owned(),
        };
        Ok(Document {
            id,
            text,
            origin: loc,
            warnings,
        })
    }

    fn next_jsonl(&mut self) -> Option<Result<Document>> {
        let open = self.current.as_mut()?;
        loop {
            open.buf.clear();
            open.line_no += 1;
            match open.lines.read_until(b'\n', &mut open.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {
                    let line = trim_ascii(&open.buf);
                    if line.is_empty() {
                        continue;
                    }
                    return Some(parse_jsonl_line(line, &open.path, open.line_no, &open.stem));
                }
                Err(e) => {
                    let err = Error::io(Location::line(&open.path, open.line_no), e);
                    self.current = None;
                    return Some(Err(err));
                }
            }
        }
    }
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
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let source = self.sources.next()?;
            let format = match &source {
                Source::File { format, .. } | Source::Stdin { format } => *format,
            };
            match format {
                Format::Text => return Some(Self::read_text(&source)),
                Format::Jsonl => match Self::open(&source) {
                    Ok(lines) => {
                        let path = source.location().path;
                        self.current = Some(Open {
                            stem: match &source {
                                Source::File { path, .. } => stem(path),
                                Source::Stdin { .. } => "stdin".to_owned(),
                            },
                            path,
                            lines,
                            line_no: 0,
                            buf: Vec::new(),
                        });
                    }
                    Err(e) => return Some(Err(e)),
                },
            }
        }
    }
}

/// Recognises boilerplate lines (SPEC §2): bylines, credits, source lines,
/// related-article links, advertisements, share widgets.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    /// Lower-cased prefixes: a line starting with one is boilerplate.
    prefixes: Vec<String>,
    /// Lower-cased whole lines.
    lines: Vec<String>,
}

impl Boilerplate {
    /// Adds a pattern; `whole_line` makes it match only the entire line.
    pub fn add(&mut self, pattern: &str, whole_line: bool) {
        let p = pattern.trim().to_lowercase();
        if p.is_empty() {
            return;
        }
        if whole_line {
            self.lines.push(p);
        } else {
            self.prefixes.push(p);
        }
    }

    /// True when the (untrimmed) line is boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() {
            return false;
        }
        // Compare case-insensitively without allocating for the common case.
        let starts = |p: &str| {
            line.len() >= p.len()
                && line.is_char_boundary(p.len())
                && line[..p.len()].to_lowercase() == p
        };
        self.prefixes.iter().any(|p| starts(p))
            || self
                .lines
                .iter()
                .any(|p| line.len() == p.len() && line.to_lowercase() == *p)
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
