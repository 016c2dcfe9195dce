//! The plain TSV format of every data file in `gazetteers/`: UTF-8, one
//! record per line, TAB between fields, `#` comments and blank lines
//! ignored, the first other line a header naming the columns.

use crate::error::Location;

/// A problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, and the line when the problem is on one.
    pub location: Location,
    /// How serious the problem is.
    pub severity: Severity,
    /// What is wrong, in words.
    pub message: String,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something is odd, but loading goes on: the data is loaded, or a
    /// useless part of it is passed over (a repeated alias, a
    /// one-character alias, a reference to an id no gazetteer defines).
    Warning,
    /// The data is wrong: the row or file it names is not loaded (an
    /// unknown column is ignored). The `kabar` commands exit with status 1
    /// after such a problem.
    Error,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {sev}: {}", self.location, self.message)
    }
}

/// The most characters of a quoted value (between backquotes) a message
/// shows: a 1 MB alias is cut, with its length, not printed whole.
const MAX_QUOTED: usize = 80;

/// `message` with each backquoted value longer than [`MAX_QUOTED`]
/// characters cut to that, `…` and its length in bytes.
pub(crate) fn short_quotes(message: String) -> String {
    if message.len() <= MAX_QUOTED {
        return message;
    }
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        match part.char_indices().nth(MAX_QUOTED) {
            Some((cut, _)) if i % 2 == 1 => {
                out.push_str(&part[..cut]);
                out.push_str(&format!("… ({} bytes)", part.len()));
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// A parsed TSV file: the header and the records with their line numbers.
#[derive(Debug)]
pub struct Table<'a> {
    /// The file's name, for messages.
    pub name: String,
    pub columns: Vec<&'a str>,
    /// Line of the header (1-based).
    pub header_line: u64,
    /// The fields of every record, one after the other (no allocation per
    /// record: a large file has tens of thousands).
    fields: Vec<&'a str>,
    /// Each record: its line and its fields' range in `fields`.
    records: Vec<(u64, u32, u32)>,
}

/// One record of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'t, 'a> {
    pub line: u64,
    pub fields: &'t [&'a str],
}

/// The lines of `content` as [`str::lines`] gives them (without their
/// `\n` or `\r\n`), found with memchr.
fn lines(content: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', content.as_bytes())
        .map(Some)
        .chain([None])
        .filter_map(move |nl| match nl {
            Some(nl) => {
                let line = &content[from..nl];
                from = nl + 1;
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => (from < content.len()).then(|| &content[from..]),
        })
}

/// `s` without leading and trailing white space ([`str::trim`]), with no
/// character decoding when both ends are ASCII and not white space.
fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [] => s,
        [a, .., b] | [a @ b]
            if *a < 0x80 && *b < 0x80 && !a.is_ascii_whitespace() && !b.is_ascii_whitespace() =>
        {
            s
        }
        _ => s.trim(),
    }
}

impl<'a> Table<'a> {
    /// Parses `content`; a row whose field count differs from the header's is
    /// reported and left out.
    pub fn parse(name: &str, content: &'a str, diags: &mut Vec<Diagnostic>) -> Option<Table<'a>> {
        let mut columns = None;
        let mut header_line = 0;
        let mut fields: Vec<&'a str> = Vec::new();
        let mut records = Vec::new();
        for (i, raw) in lines(content).enumerate() {
            let line_no = i as u64 + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let line = if line_no == 1 {
                line.strip_prefix('\u{feff}').unwrap_or(line)
            } else {
                line
            };
            // (Most lines start with a letter: no trimming to tell.)
            let plain = line
                .as_bytes()
                .first()
                .is_some_and(|&b| b < 0x80 && b != b'#' && !b.is_ascii_whitespace());
            if !plain && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
                continue;
            }
            match &columns {
                None => {
                    columns = Some(line.split('\t').map(str::trim).collect::<Vec<_>>());
                    header_line = line_no;
                }
                Some(cols) => {
                    let start = fields.len();
                    let mut from = 0;
                    for tab in memchr::memchr_iter(b'\t', line.as_bytes()) {
                        fields.push(trim(&line[from..tab]));
                        from = tab + 1;
                    }
                    fields.push(trim(&line[from..]));
                    let n = fields.len() - start;
                    if n > cols.len() {
                        fields.truncate(start);
                        diags.push(Diagnostic {
                            location: Location::line(name, line_no),
                            severity: Severity::Error,
                            message: format!(
                                "{} fields, but the header (line {header_line}) names {} columns",
                                n,
                                cols.len()
                            ),
                        });
                        continue;
                    }
                    // Missing trailing fields are empty (editors drop trailing tabs).
                    records.push((line_no, start as u32, fields.len() as u32));
                }
            }
        }
        let Some(columns) = columns else {
            diags.push(Diagnostic {
                location: Location::file(name),
                severity: Severity::Error,
                message: "no header line (the first line that is not a comment names the columns)"
                    .into(),
            });
            return None;
        };
        Some(Table {
            name: name.to_owned(),
            columns,
            header_line,
            fields,
            records,
        })
    }

    /// The records, in file order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_, 'a>> + '_ {
        self.records.iter().map(|&(line, start, end)| Row {
            line,
            fields: &self.fields[start as usize..end as usize],
        })
    }

    /// Index of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }

    /// Reports every column not in `known`; true when all are known.
    pub fn check_columns(&self, known: &[&str], diags: &mut Vec<Diagnostic>) -> bool {
        let mut ok = true;
        for c in &self.columns {
            if !known.contains(c) {
                ok = false;
                diags.push(Diagnostic {
                    location: Location::line(&self.name, self.header_line),
                    severity: Severity::Error,
                    message: short_quotes(format!(
                        "unknown column `{c}` (known: {})",
                        known.join(", ")
                    )),
                });
            }
        }
        ok
    }

    /// Reports a missing required column; true when all are there.
    pub fn require(&self, required: &[&str], diags: &mut Vec<Diagnostic>) -> bool {
        let mut ok = true;
        for r in required {
            if self.column(r).is_none() {
                ok = false;
                diags.push(Diagnostic {
                    location: Location::line(&self.name, self.header_line),
                    severity: Severity::Error,
                    message: format!("missing required column `{r}`"),
                });
            }
        }
        ok
    }

    pub fn error(&self, line: u64, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: Location::line(&self.name, line),
            severity: Severity::Error,
            message: short_quotes(message.into()),
        }
    }

    pub fn warning(&self, line: u64, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: Location::line(&self.name, line),
            severity: Severity::Warning,
            message: short_quotes(message.into()),
        }
    }
}

impl<'a> Row<'_, 'a> {
    /// The field in column `idx`, empty when the column is absent or the row short.
    pub fn get(&self, idx: Option<usize>) -> &'a str {
        idx.and_then(|i| self.fields.get(i).copied()).unwrap_or("")
    }
}

/// Splits a `|`-separated list; reports empty items.
pub fn split_list<'a>(
    value: &'a str,
    table: &Table,
    line: u64,
    column: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<&'a str> {
    if value.is_empty() {
        return Vec::new();
    }
    // One item (fields are trimmed already: no white space at the ends).
    if memchr::memchr(b'|', value.as_bytes()).is_none() && trim(value).len() == value.len() {
        return vec![value];
    }
    if value.trim().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in value.split('|') {
        let item = item.trim();
        if item.is_empty() {
            diags.push(table.error(
                line,
                format!("empty item in `{column}` (check for `||` or a trailing `|`)"),
            ));
        } else {
            out.push(item);
        }
    }
    out
}

/// Plain word-list files (`abbreviations.txt`, `stopwords-id.txt`): one
/// entry per line, `#` comments.
pub fn word_lines(content: &str) -> impl Iterator<Item = &str> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for s in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\r\n",
            "a\r\r\nb\r",
            "\n",
            "\r\n\r\n",
            "x\ry",
        ] {
            assert_eq!(
                lines(s).collect::<Vec<_>>(),
                s.lines().collect::<Vec<_>>(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn parses_header_rows_and_reports_extra_fields() {
        let mut d = Vec::new();
        let t = Table::parse("f.tsv", "# c\na\tb\n1\t2\n\n3\n4\t5\t6\n", &mut d).unwrap();
        assert_eq!(t.columns, ["a", "b"]);
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.rows().nth(1).unwrap().get(t.column("b")), "");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].to_string(),
            "f.tsv:6: error: 3 fields, but the header (line 2) names 2 columns"
        );
    }
}
