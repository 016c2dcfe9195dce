//! The library's error type. Every error names where it happened: the file,
//! and the line when there is one.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where in the input an error or warning happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file (or `<stdin>`). (Shared: the thousands of rows a
    /// gazetteer file holds keep one copy of its name.)
    pub path: Arc<Path>,
    /// 1-based line number, when the problem is on one line.
    pub line: Option<u64>,
}

impl Location {
    /// A whole file (or `<stdin>`), with no line.
    ///
    /// ```
    /// use kabar::error::Location;
    /// assert_eq!(Location::file("a.txt").to_string(), "a.txt");
    /// ```
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            path: Arc::from(path.into()),
            line: None,
        }
    }

    /// Line `line` (1-based) of a file.
    ///
    /// ```
    /// use kabar::error::Location;
    /// assert_eq!(Location::line("a.jsonl", 3).to_string(), "a.jsonl:3");
    /// ```
    pub fn line(path: impl Into<PathBuf>, line: u64) -> Location {
        Location {
            path: Arc::from(path.into()),
            line: Some(line),
        }
    }
}

/// A path as one line of a message: a control character (a newline in a
/// file name would break `file:line` apart) is written as an escape
/// (`\n`, `\u{1b}`), and so is a backslash before one.
pub struct DisplayPath<'a>(pub &'a std::path::Path);

impl fmt::Display for DisplayPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.to_string_lossy();
        if !s.contains(char::is_control) {
            return f.write_str(&s);
        }
        for c in s.chars() {
            if c.is_control() || c == '\\' {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = DisplayPath(&self.path);
        match self.line {
            Some(line) => write!(f, "{path}:{line}"),
            None => write!(f, "{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newline_in_a_file_name_stays_on_one_line() {
        let l = Location::line("a\nb:3\\c.jsonl", 7);
        assert_eq!(l.to_string(), "a\\nb:3\\\\c.jsonl:7");
        assert_eq!(Location::file("plain\\x.txt").to_string(), "plain\\x.txt");
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing failed.
    Io(std::io::Error),
    /// A line of a data file or a JSONL record does not have the expected shape.
    Parse(String),
    /// An option or a combination of options is not usable.
    Config(String),
}

/// An error with the place it happened.
#[derive(Debug)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where it happened; `None` for a configuration error, which belongs
    /// to no file.
    pub location: Option<Location>,
}

impl Error {
    /// Reading or writing at `location` failed with `err`.
    pub fn io(location: Location, err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io(err),
            location: Some(location),
        }
    }

    /// The data at `location` does not have the expected shape; `message`
    /// says what is wrong.
    pub fn parse(location: Location, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Parse(message.into()),
            location: Some(location),
        }
    }

    /// An option or a combination of options is not usable; the error
    /// has no location.
    pub fn config(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Config(message.into()),
            location: None,
        }
    }

    /// True when this error is a closed pipe on output (`kabar ... | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Parse(m) | ErrorKind::Config(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// A result whose error is kabar's [`Error`] unless another is named.
pub type Result<T, E = Error> = std::result::Result<T, E>;
