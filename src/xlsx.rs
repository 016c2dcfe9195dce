//! The Excel workbook of a run (`kabar extract --xlsx FILE`): sheets
//! `triples`, `entities`, `events` and `summary`.
//!
//! Rows come in as the JSONL lines the other outputs write (unescaped: a
//! cell is written as a typed value, so text that starts with `=` stays
//! text and no cell is ever a formula), document by document in input
//! order. Every cell is a value: numbers as numbers, `negated` as a
//! boolean, text as text, and entity ids as hyperlinks to their English
//! Wikipedia article. Each sheet has a frozen header row, an autofilter
//! over its rows and set column widths.
//!
//! The sheets are written in constant-memory mode (`rust_xlsxwriter`'s
//! `constant_memory`: each sheet's rows go to a temporary file as they
//! come), so a run's memory does not grow with its rows. A sheet holds at
//! most [`MAX_ROWS`] rows under its header (Excel's limit of 1,048,576
//! rows); the rows past it go on in a sheet of the same name and a number
//! (`triples 2`, `triples 3`, …, after the first three sheets), never
//! dropped. Excel takes at most
//! [`MAX_LINKS`] hyperlinks on a sheet; ids past them are written as plain
//! text. The file is written under a temporary name and renamed when
//! complete, like the CSVs.

use std::io;

use rust_xlsxwriter::{Format, FormatAlign, Url, Workbook as Book, Worksheet, XlsxError};
use serde_json::Value;

use crate::output::{ENTITY_COLUMNS, EVENT_COLUMNS, Sink, TRIPLE_COLUMNS};

/// Data rows a sheet holds under its header (Excel: 1,048,576 rows).
pub const MAX_ROWS: u32 = 1_048_575;
/// Hyperlinks a sheet holds (Excel's limit); later ids are plain text.
pub const MAX_LINKS: u32 = 65_530;

/// The three sheets of rows, in workbook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The triples file's rows.
    Triples,
    /// The entities file's rows.
    Entities,
    /// The events file's rows (see [`crate::output::Events`]).
    Events,
}

impl Kind {
    /// All three, in workbook order.
    pub const ALL: [Kind; 3] = [Kind::Triples, Kind::Entities, Kind::Events];

    /// Its sheet's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Triples => "triples",
            Kind::Entities => "entities",
            Kind::Events => "events",
        }
    }

    fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Triples => TRIPLE_COLUMNS,
            Kind::Entities => ENTITY_COLUMNS,
            Kind::Events => EVENT_COLUMNS,
        }
    }
}

/// Columns whose cells are entity ids (hyperlinked).
fn is_id_column(c: &str) -> bool {
    matches!(c, "subject_id" | "object_id" | "entity_id")
}

/// The width of a column, in characters.
fn width(c: &str) -> f64 {
    match c {
        "evidence" => 80.0,
        "subject" | "object" | "name" | "text" | "subject_id" | "object_id" | "entity_id" => 24.0,
        "doc_id" => 18.0,
        _ => (c.len() as f64 + 2.0).max(9.0),
    }
}

/// One sheet of rows (and its continuation sheets).
struct Sheet {
    kind: Kind,
    /// Worksheet indices in the workbook: the sheet and its continuations.
    parts: Vec<usize>,
    /// Data rows on the last part.
    rows: u32,
    /// Hyperlinks on the last part.
    links: u32,
    /// Rows in all parts.
    total: u64,
    /// Bytes of a line not yet ended.
    pending: Vec<u8>,
}

/// A [`Sink`] as an [`io::Write`] (the zip writer's).
struct SinkWriter<'a>(&'a mut Sink);

impl io::Write for SinkWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The workbook being written.
pub struct Workbook {
    book: Book,
    /// Data rows a sheet holds ([`MAX_ROWS`] but in tests).
    max_rows: u32,
    sheets: Vec<Sheet>,
    sink: Sink,
    header: Format,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook").finish_non_exhaustive()
    }
}

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("cannot write the workbook: {e}"))
}

/// The address of the English Wikipedia article titled `id` (bytes other
/// than letters, digits and `_-.()',!~:` percent-encoded).
pub fn wikipedia_url(id: &str) -> String {
    let mut url = String::from("https://en.wikipedia.org/wiki/");
    for &b in id.as_bytes() {
        if b.is_ascii_alphanumeric() || b"_-.()',!~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

impl Workbook {
    /// A workbook to be written to `sink` (its file takes its final name
    /// at [`Sink::finish`] after [`write`](Self::write)).
    pub fn new(sink: Sink) -> io::Result<Workbook> {
        Workbook::with_sheet_rows(sink, MAX_ROWS)
    }

    /// [`new`](Self::new), with at most `rows` data rows a sheet (1 to
    /// [`MAX_ROWS`]; for tests of the continuation sheets).
    pub fn with_sheet_rows(sink: Sink, rows: u32) -> io::Result<Workbook> {
        let mut w = Workbook {
            max_rows: rows.clamp(1, MAX_ROWS),
            book: Book::new(),
            sheets: Vec::new(),
            sink,
            header: Format::new().set_bold().set_align(FormatAlign::Top),
        };
        for kind in Kind::ALL {
            let index = w.add_part(kind, 1)?;
            w.sheets.push(Sheet {
                kind,
                parts: vec![index],
                rows: 0,
                links: 0,
                total: 0,
                pending: Vec::new(),
            });
        }
        Ok(w)
    }

    /// Adds sheet `part` (1: the first) of `kind`, its header written.
    fn add_part(&mut self, kind: Kind, part: u32) -> io::Result<usize> {
        let ws = self
            .book
            .add_worksheet_with_constant_memory()
            .map_err(xlsx_error)?;
        let name = if part == 1 {
            kind.name().to_owned()
        } else {
            format!("{} {part}", kind.name())
        };
        ws.set_name(&name).map_err(xlsx_error)?;
        for (c, col) in kind.columns().iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, width(col)).map_err(xlsx_error)?;
            ws.write_string_with_format(0, c, *col, &self.header)
                .map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        Ok(self.book.worksheets().len() - 1)
    }

    /// Adds the rows of `bytes` (JSONL lines of `kind`'s columns; a line
    /// may be split across calls) to `kind`'s sheet.
    pub fn add_jsonl(&mut self, kind: Kind, bytes: &[u8]) -> io::Result<()> {
        let k = kind as usize;
        let mut rest = bytes;
        while let Some(nl) = memchr::memchr(b'\n', rest) {
            let (line, tail) = rest.split_at(nl);
            rest = &tail[1..];
            if self.sheets[k].pending.is_empty() {
                self.add_line(k, line)?;
            } else {
                let mut whole = std::mem::take(&mut self.sheets[k].pending);
                whole.extend_from_slice(line);
                self.add_line(k, &whole)?;
            }
        }
        self.sheets[k].pending.extend_from_slice(rest);
        Ok(())
    }

    fn add_line(&mut self, k: usize, line: &[u8]) -> io::Result<()> {
        if line.is_empty() {
            return Ok(());
        }
        let row: serde_json::Map<String, Value> = serde_json::from_slice(line)
            .map_err(|e| io::Error::other(format!("a workbook row is not JSON: {e}")))?;
        let kind = self.sheets[k].kind;
        if self.sheets[k].rows == self.max_rows {
            let part = self.sheets[k].parts.len() as u32 + 1;
            let index = self.add_part(kind, part)?;
            let sheet = &mut self.sheets[k];
            sheet.parts.push(index);
            sheet.rows = 0;
            sheet.links = 0;
        }
        let sheet = &mut self.sheets[k];
        sheet.rows += 1;
        sheet.total += 1;
        let r = sheet.rows;
        let index = *sheet.parts.last().expect("a part");
        let mut links = sheet.links;
        let ws: &mut Worksheet = self.book.worksheet_from_index(index).map_err(xlsx_error)?;
        for (c, col) in kind.columns().iter().enumerate() {
            let c = c as u16;
            match row.get(*col) {
                None | Some(Value::Null) => {}
                Some(Value::Bool(b)) => {
                    ws.write_boolean(r, c, *b).map_err(xlsx_error)?;
                }
                Some(Value::Number(n)) => {
                    let x = n.as_f64().unwrap_or(f64::NAN);
                    ws.write_number(r, c, x).map_err(xlsx_error)?;
                }
                Some(Value::String(s))
                    if is_id_column(col) && !s.is_empty() && links < MAX_LINKS =>
                {
                    let url = Url::new(wikipedia_url(s)).set_text(s);
                    ws.write_url(r, c, url).map_err(xlsx_error)?;
                    links += 1;
                }
                Some(Value::String(s)) => {
                    ws.write_string(r, c, s).map_err(xlsx_error)?;
                }
                Some(other) => {
                    ws.write_string(r, c, other.to_string())
                        .map_err(xlsx_error)?;
                }
            }
        }
        self.sheets[k].links = links;
        Ok(())
    }

    /// Rows written to `kind`'s sheets so far.
    pub fn rows(&self, kind: Kind) -> u64 {
        self.sheets[kind as usize].total
    }

    /// Ends the sheets (autofilters over their rows), adds the `summary`
    /// sheet (`facts`: a name and a number each, in order), and writes the
    /// file under its temporary name: [`Sink::finish`] gives it its final
    /// name (after the other outputs are written, so that a failure leaves
    /// none).
    pub fn write(mut self, facts: &[(String, f64)]) -> io::Result<Sink> {
        for k in 0..self.sheets.len() {
            if !self.sheets[k].pending.is_empty() {
                let line = std::mem::take(&mut self.sheets[k].pending);
                self.add_line(k, &line)?;
            }
        }
        for sheet in &self.sheets {
            let last_col = sheet.kind.columns().len() as u16 - 1;
            for (i, &index) in sheet.parts.iter().enumerate() {
                let rows = if i + 1 == sheet.parts.len() {
                    sheet.rows
                } else {
                    self.max_rows
                };
                let ws = self.book.worksheet_from_index(index).map_err(xlsx_error)?;
                ws.autofilter(0, 0, rows, last_col).map_err(xlsx_error)?;
            }
        }
        let header = self.header.clone();
        let ws = self.book.add_worksheet();
        ws.set_name("summary").map_err(xlsx_error)?;
        ws.set_column_width(0, 28).map_err(xlsx_error)?;
        ws.set_column_width(1, 14).map_err(xlsx_error)?;
        ws.write_string_with_format(0, 0, "what", &header)
            .map_err(xlsx_error)?;
        ws.write_string_with_format(0, 1, "count", &header)
            .map_err(xlsx_error)?;
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        let mut r = 1;
        for (name, n) in facts {
            ws.write_string(r, 0, name).map_err(xlsx_error)?;
            ws.write_number(r, 1, *n).map_err(xlsx_error)?;
            r += 1;
        }
        ws.autofilter(0, 0, r - 1, 1).map_err(xlsx_error)?;
        self.book
            .save_to_writer(SinkWriter(&mut self.sink))
            .map_err(xlsx_error)?;
        self.sink.flush()?;
        Ok(self.sink)
    }

    /// The temporary name the file is written under.
    pub fn temp_path(&self) -> Option<&std::path::Path> {
        self.sink.temp_path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikipedia_addresses_are_percent_encoded() {
        assert_eq!(
            wikipedia_url("Recep_Tayyip_Erdoğan"),
            "https://en.wikipedia.org/wiki/Recep_Tayyip_Erdo%C4%9Fan"
        );
        assert_eq!(
            wikipedia_url("House_of_Representatives_(Indonesia)"),
            "https://en.wikipedia.org/wiki/House_of_Representatives_(Indonesia)"
        );
        assert_eq!(
            wikipedia_url("A&B ?#"),
            "https://en.wikipedia.org/wiki/A%26B%20%3F%23"
        );
    }
}
