//! Stage 2, sentences and tokens.
//!
//! Sentences end at a line break, or at `.` `!` `?` `…` (with any closing
//! quotes or brackets after it) when white space and then a capital letter,
//! digit, quote or bracket follow. A full stop does not end a sentence after
//! an abbreviation from `gazetteers/abbreviations.txt` ("Dr.", "No.") or a
//! single capital letter (initials: "A.S.", "J. Biden"); numbers ("2,5",
//! "3.000"), dates ("15/12") and domains ("REPUBLIKA.CO.ID") never hold a
//! full stop followed by white space, so they stay whole.
//!
//! Tokens are Unicode word boundaries (UAX #29, `unicode-segmentation`),
//! with the English possessive split off ("China's" → "China", "'s").
//! Hyphenated compounds give their parts ("Rusia-China" → "Rusia", "-",
//! "China").
//!
//! A *token boundary* for gazetteer matching ([`is_boundary`]) is any
//! position where a word character (letter, digit, mark, `_`) does not meet
//! another word character, except a full stop between
//! two word characters (domains, numbers), which stays inside the token.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f` with `word` lower-cased on the stack when it is ASCII and at
/// most 64 bytes long (no allocation); `None` otherwise.
pub(crate) fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    // ASCII in, ASCII out.
    with_ascii_lower_bytes(word, |lower| f(std::str::from_utf8(lower).expect("ASCII")))
}

/// [`with_ascii_lower`], the lower-cased word given as bytes (no UTF-8
/// check).
pub(crate) fn with_ascii_lower_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    const MAX: usize = 64;
    if word.len() > MAX || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(f(lower))
}

/// A set of lower-case words, looked up in any case. An ASCII word is
/// lower-cased on the stack: no allocation per look-up.
#[derive(Debug, Clone, Default)]
pub struct LowerSet {
    /// The words' UTF-8 bytes (looked up as bytes: an ASCII word
    /// lower-cased on the stack needs no check that it is UTF-8).
    words: crate::keymap::Interner,
}

impl LowerSet {
    /// Adds `word`, lower-cased.
    pub fn insert(&mut self, word: &str) {
        self.words.intern(word.to_lowercase().as_bytes());
    }

    /// Is `word`, lower-cased, in the set?
    pub fn contains(&self, word: &str) -> bool {
        with_ascii_lower_bytes(word, |lower| self.words.get(lower).is_some())
            .unwrap_or_else(|| self.words.get(word.to_lowercase().as_bytes()).is_some())
    }

    /// The number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the set holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.len() == 0
    }
}

impl<S: AsRef<str>> FromIterator<S> for LowerSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut set = LowerSet::default();
        for w in iter {
            set.insert(w.as_ref());
        }
        set
    }
}

/// Words after which a full stop does not end a sentence (lower case, no dot).
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    words: LowerSet,
}

impl Abbreviations {
    /// Adds `word`, trimmed, without its trailing full stops and lower
    /// case (`Dr.` is `dr`); a blank word is not added.
    pub fn insert(&mut self, word: &str) {
        let w = word.trim().trim_end_matches('.');
        if !w.is_empty() {
            self.words.insert(w);
        }
    }

    /// Is `word`, in any case and without its full stop, an abbreviation?
    /// A word longer than 12 bytes never is.
    ///
    /// ```
    /// use kabar::tokenize::Abbreviations;
    ///
    /// let mut abbrevs = Abbreviations::default();
    /// abbrevs.insert("Dr.");
    /// assert!(abbrevs.contains("dr") && abbrevs.contains("DR"));
    /// assert!(!abbrevs.contains("Dr."));
    /// ```
    pub fn contains(&self, word: &str) -> bool {
        // Fast path: abbreviations are short.
        word.len() <= 12 && self.words.contains(word)
    }

    /// The number of abbreviations.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// True for characters that make up words.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

/// The byte offset of `w`, a slice of `text`, in `text`.
pub(crate) fn offset(text: &str, w: &str) -> usize {
    w.as_ptr() as usize - text.as_ptr() as usize
}

/// The word right before `pos` (skipping spaces only), if any: a slice of
/// `text`.
pub(crate) fn previous_word(text: &str, pos: usize) -> Option<&str> {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    if before.len() == pos && pos > 0 {
        return None; // glued to something
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// [`is_word_char`] for an ASCII byte (a letter, a digit or `_`).
#[inline]
pub fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD[b as usize]
}

/// [`is_ascii_word_byte`] of every byte: one load instead of three
/// comparisons, in the loops that read every byte of a text.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    t
};

#[inline]
fn is_mark(c: char) -> bool {
    // Combining diacritical marks (the common blocks).
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// True when byte offset `i` of `text` is a token boundary (see the module
/// docs). `i` must be a char boundary.
pub fn is_boundary(text: &str, i: usize) -> bool {
    // Two ASCII bytes around `i` mostly decide alone.
    let b = text.as_bytes();
    if i > 0 && i < b.len() && b[i - 1].is_ascii() && b[i].is_ascii() {
        let (x, y) = (b[i - 1], b[i]);
        let (xw, yw) = (is_ascii_word_byte(x), is_ascii_word_byte(y));
        if xw && yw {
            return false;
        }
        // A full stop next to a word character needs the characters beyond.
        if !((xw && y == b'.') || (yw && x == b'.')) {
            return true;
        }
    }
    is_boundary_by_chars(text, i)
}

/// [`is_boundary`] by the characters around `i`.
fn is_boundary_by_chars(text: &str, i: usize) -> bool {
    let (Some(before), Some(after)) = (char_before(text, i), char_at(text, i)) else {
        return true;
    };
    let bw = is_word_char(before);
    let aw = is_word_char(after);
    if bw && aw {
        return false;
    }
    // "REPUBLIKA|.CO.ID", "3|.000": a full stop with word characters on both
    // sides belongs to the token.
    if bw && after == '.' {
        return !char_at(text, i + 1).is_some_and(is_word_char);
    }
    if before == '.' && aw {
        return !char_before(text, i - 1).is_some_and(is_word_char);
    }
    true
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}'];

/// Splits `text[range]`, which holds no line break, into sentences like
/// [`split_sentences`].
pub fn split_sentences_within_line(
    text: &str,
    range: Range<usize>,
    abbrevs: &Abbreviations,
    out: &mut Vec<Range<usize>>,
) {
    debug_assert!(!text[range.clone()].contains('\n'));
    split_line(text, range.start, range.end, abbrevs, out);
}

/// Splits `text` into sentences; pushes trimmed byte ranges, in order, none
/// empty.
///
/// ```
/// use kabar::tokenize::{Abbreviations, split_sentences};
///
/// let mut abbrevs = Abbreviations::default();
/// abbrevs.insert("Dr.");
/// let text = "Dr. Budi tiba pukul 10.30. Ia bertemu J. Biden.\nSelesai";
/// let mut ranges = Vec::new();
/// split_sentences(text, &abbrevs, &mut ranges);
/// let sentences: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
/// assert_eq!(
///     sentences,
///     ["Dr. Budi tiba pukul 10.30.", "Ia bertemu J. Biden.", "Selesai"]
/// );
/// ```
pub fn split_sentences(text: &str, abbrevs: &Abbreviations, out: &mut Vec<Range<usize>>) {
    let mut line_start = 0;
    for line in text.split('\n') {
        split_line(text, line_start, line_start + line.len(), abbrevs, out);
        line_start += line.len() + 1;
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let trimmed_start = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let a = start + trimmed_start;
        out.push(a..a + t.len());
    }
}

fn split_line(
    text: &str,
    start: usize,
    end: usize,
    abbrevs: &Abbreviations,
    out: &mut Vec<Range<usize>>,
) {
    let bytes = text.as_bytes();
    let mut sent_start = start;
    let mut i = start;
    // The next "…" at or after `i` (`end`: none), found again once passed.
    let find_ellipsis = |from: usize| {
        memchr::memmem::find(&bytes[from..end], "…".as_bytes()).map_or(end, |k| from + k)
    };
    let mut ellipsis = find_ellipsis(i);
    while i < end {
        // Skip to the next terminator.
        if ellipsis < i {
            ellipsis = find_ellipsis(i);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]).map_or(end, |k| i + k);
        i = stop.min(ellipsis);
        if i >= end {
            break;
        }
        let b = bytes[i];
        let term_len = if b == 0xe2 { '…'.len_utf8() } else { 1 };
        let term_at = i;
        // Take the run of terminators and closing quotes/brackets.
        let mut j = i + term_len;
        while j < end {
            let c = char_at(text, j).unwrap();
            if matches!(c, '.' | '!' | '?' | '…') || CLOSERS.contains(&c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        if j >= end {
            break; // the line ends the sentence
        }
        let next = char_at(text, j).unwrap();
        if !next.is_whitespace() {
            i = j;
            continue;
        }
        // What starts the next sentence?
        let rest = &text[j..end];
        let k = j + (rest.len() - rest.trim_start().len());
        let Some(first) = char_at(text, k).filter(|_| k < end) else {
            break;
        };
        let starts_sentence = first.is_uppercase()
            || first.is_numeric()
            || matches!(
                first,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '–' | '—'
            );
        // After an abbreviation a sentence goes on, unless a quote opens.
        let opens_quote = matches!(first, '"' | '“' | '‘' | '«');
        if !starts_sentence
            || (b == b'.'
                && term_len == 1
                && !opens_quote
                && !ends_sentence_at(text, term_at, abbrevs))
        {
            i = j;
            continue;
        }
        push_trimmed(text, sent_start, j, out);
        sent_start = k;
        i = k;
    }
    push_trimmed(text, sent_start, end, out);
}

/// A full stop at `dot` ends a sentence unless the word before it is an
/// abbreviation or a single capital letter (an initial).
fn ends_sentence_at(text: &str, dot: usize, abbrevs: &Abbreviations) -> bool {
    // Tokenised text writes an initial apart from its stop ("Stephen R .
    // Covey"): a capital letter standing alone before " ." is an initial.
    let bytes = text.as_bytes();
    if dot >= 3
        && bytes[dot - 1] == b' '
        && bytes[dot - 2].is_ascii_uppercase()
        && bytes[dot - 3] == b' '
    {
        return false;
    }
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(dot, |(i, _)| i);
    let word = &text[word_start..dot];
    if word.is_empty() {
        return true;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    if chars.next().is_none() && first.is_uppercase() {
        return false; // initial
    }
    !abbrevs.contains(word)
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains a letter.
    Word,
    /// Digits (with inner `.`/`,`).
    Number,
    /// Anything else that is not white space.
    Punct,
}

/// A token: byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset where the token starts in the text.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// A word, a number or punctuation.
    pub kind: TokenKind,
}

/// The tokens of a document's sentences, made on first request and kept,
/// so that the stages that read tokens (names, relations) tokenise each
/// sentence once between them. Kept in 8 bytes a token (a u32 offset and a
/// u16 length; a sentence with a token of 64 KB or more, or in a text of
/// 4 GB or more, is tokenised again on every request).
#[derive(Debug, Clone, Default)]
pub struct SentenceTokens {
    kept: Vec<(u32, u16, TokenKind)>,
    /// Per sentence: its tokens in `kept`, once made.
    spans: Vec<Option<(u32, u32)>>,
    /// The tokens of the last request.
    out: Vec<Token>,
}

impl SentenceTokens {
    /// The tokens of sentence `s`, whose byte range in `text` is `range`
    /// (the same text and range every time `s` is asked for).
    pub fn get(&mut self, text: &str, s: usize, range: Range<usize>) -> &[Token] {
        self.out.clear();
        if u32::try_from(text.len()).is_err() {
            tokenize(text, range, &mut self.out);
            return &self.out;
        }
        if self.spans.len() <= s {
            self.spans.resize(s + 1, None);
        }
        if let Some((from, to)) = self.spans[s] {
            self.out
                .extend(
                    self.kept[from as usize..to as usize]
                        .iter()
                        .map(|&(start, len, kind)| Token {
                            start: start as usize,
                            end: start as usize + len as usize,
                            kind,
                        }),
                );
        } else {
            tokenize(text, range, &mut self.out);
            if self
                .out
                .iter()
                .all(|t| t.end - t.start <= u16::MAX as usize)
            {
                if self.kept.capacity() == 0 {
                    // About a token per six bytes of a document.
                    self.kept.reserve(text.len() / 6);
                }
                let from = self.kept.len() as u32;
                self.kept.extend(
                    self.out
                        .iter()
                        .map(|t| (t.start as u32, (t.end - t.start) as u16, t.kind)),
                );
                self.spans[s] = Some((from, self.kept.len() as u32));
            }
        }
        &self.out
    }
}

/// Tokens of `text[range]`, offsets into `text`; white space is dropped.
///
/// ```
/// use kabar::tokenize::{TokenKind, tokenize};
///
/// let text = "China's 2,5 persen";
/// let mut tokens = Vec::new();
/// tokenize(text, 0..text.len(), &mut tokens);
/// let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(words, ["China", "'s", "2,5", "persen"]);
/// assert_eq!(tokens[2].kind, TokenKind::Number);
/// ```
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    // White space always separates words (UAX #29), so each run between
    // spaces is segmented alone: ASCII runs by a fast scanner that gives the
    // same boundaries and kinds in one pass, others by `unicode-segmentation`.
    let bytes = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    out.reserve((end - i) / 4);
    while i < end {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // The ASCII scanner takes the run in one pass; at a byte that is
        // not ASCII its tokens are dropped and the run segmented anew.
        let mark = out.len();
        let at = match ascii_run(bytes, i, end, out) {
            Ok(run_end) => {
                i = run_end;
                continue;
            }
            Err(at) => at,
        };
        out.truncate(mark);
        let mut j = at;
        while j < end && !bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        for (off, word) in text[i..j].split_word_bound_indices() {
            if !word.starts_with(char::is_whitespace) {
                push_token(text, i + off, i + off + word.len(), out);
            }
        }
        i = j;
    }
}

/// Does the character at `i`, between two word bytes, join them into one
/// word (UAX #29: `.` and `'` between two letters or two digits, `:`
/// between letters, `,` and `;` between digits)? `Some(between letters)`.
#[inline]
fn joins_at(b: &[u8], i: usize) -> Option<bool> {
    let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
    let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
    let digits = prev.is_ascii_digit() && next.is_ascii_digit();
    let joins = match mid {
        b'.' | b'\'' => letters || digits,
        b':' => letters,
        b',' | b';' => digits,
        _ => false,
    };
    joins.then_some(letters)
}

/// Byte classes for [`ascii_run`]: 0 no word byte, 1 a digit or `_`, 2 a
/// letter; 3 white space; 4 not ASCII.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [4u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            2
        } else if c.is_ascii_digit() || c == b'_' {
            1
        } else if c.is_ascii_whitespace() {
            3
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`ascii_tokens`] of the run of non-space bytes at `start` in one pass:
/// `Ok` with where it ends when it is all ASCII (its tokens pushed), else
/// `Err` with where the first byte that is not ASCII is (some tokens
/// pushed).
fn ascii_run(b: &[u8], start: usize, end: usize, out: &mut Vec<Token>) -> Result<usize, usize> {
    let class = |i: usize| ASCII_CLASS[b[i] as usize];
    // (The run's bytes up to `end`: a look-up past them is `None`.)
    let word = &b[..end];
    let mut i = start;
    while i < end {
        let c = class(i);
        match c {
            3 => return Ok(i),
            4 => return Err(i),
            0 => {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: TokenKind::Punct,
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        let s = i;
        // The classes met (1 and 2 are bits): a letter makes a word.
        let mut seen = c;
        i += 1;
        loop {
            // The run of word bytes, in a tight loop.
            while let Some(&x) = word.get(i) {
                let c = ASCII_CLASS[x as usize];
                if c.wrapping_sub(1) >= 2 {
                    break;
                }
                seen |= c;
                i += 1;
            }
            if i + 1 < end
                && matches!(class(i + 1), 1 | 2)
                && let Some(letters) = joins_at(b, i)
            {
                seen |= u8::from(letters) << 1;
                i += 2;
                continue;
            }
            break;
        }
        let alpha = seen & 2 != 0;
        if i - s > 2 && b[i - 2] == b'\'' && b[i - 1] | 0x20 == b's' {
            out.push(Token {
                start: s,
                end: i - 2,
                kind: TokenKind::Word,
            });
            out.push(Token {
                start: i - 2,
                end: i,
                kind: TokenKind::Punct,
            });
        } else {
            let kind = if alpha {
                TokenKind::Word
            } else if b[s].is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                start: s,
                end: i,
                kind,
            });
        }
    }
    Ok(end)
}

/// Adds the ASCII token `b[start..end]`, splitting an English possessive
/// off ("China's" → "China", "'s"); its kind by bytes, as [`push_token`]
/// gives it by characters.
fn push_ascii_token(b: &[u8], start: usize, end: usize, out: &mut Vec<Token>) {
    let w = &b[start..end];
    if w.len() > 2 && w[w.len() - 2] == b'\'' && w[w.len() - 1] | 0x20 == b's' {
        out.push(Token {
            start,
            end: end - 2,
            kind: TokenKind::Word,
        });
        out.push(Token {
            start: end - 2,
            end,
            kind: TokenKind::Punct,
        });
        return;
    }
    let kind = if w.iter().any(u8::is_ascii_alphabetic) {
        TokenKind::Word
    } else if w.first().is_some_and(u8::is_ascii_digit) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    out.push(Token { start, end, kind });
}

/// UAX #29 word boundaries for ASCII text without white space: letters and
/// digits join; `.` and `'` join two letters or two digits, `:` two letters,
/// `,` and `;` two digits; `_` joins anything; other characters stand alone.
#[cfg(test)]
fn ascii_words(b: &[u8], start: usize, end: usize, mut emit: impl FnMut(usize, usize)) {
    let word = is_ascii_word_byte;
    let mut i = start;
    while i < end {
        if !word(b[i]) {
            emit(i, i + 1);
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        loop {
            if i < end && word(b[i]) {
                i += 1;
                continue;
            }
            if i + 1 < end && word(b[i + 1]) && joins_at(b, i).is_some() {
                i += 2;
                continue;
            }
            break;
        }
        emit(s, i);
    }
}

/// Adds one token, splitting an English possessive off ("China's" →
/// "China", "'s").
fn push_token(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    if word.is_ascii() {
        push_ascii_token(text.as_bytes(), start, end, out);
        return;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            let cut = end - suffix.len();
            out.push(Token {
                start,
                end: cut,
                kind: TokenKind::Word,
            });
            out.push(Token {
                start: cut,
                end,
                kind: TokenKind::Punct,
            });
            return;
        }
    }
    let first = word.chars().next().unwrap_or(' ');
    let kind = if word.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if first.is_numeric() {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    out.push(Token { start, end, kind });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrevs() -> Abbreviations {
        let mut a = Abbreviations::default();
        for w in ["Dr", "No", "Prof"] {
            a.insert(w);
        }
        a
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_sentences(text, &abbrevs(), &mut v);
        v.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentence_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("Satu. Dua.", &["Satu.", "Dua."]),
            (
                "Dr. Budi datang. Ia pergi.",
                &["Dr. Budi datang.", "Ia pergi."],
            ),
            (
                "Pasukan A.S. tiba. Lalu pergi.",
                &["Pasukan A.S. tiba.", "Lalu pergi."],
            ),
            (
                "Naik 2,5 persen menjadi 3.000 dolar. Baik.",
                &["Naik 2,5 persen menjadi 3.000 dolar.", "Baik."],
            ),
            (
                "Rabu (15/12). Kamis (4/2/2022) juga.",
                &["Rabu (15/12).", "Kamis (4/2/2022) juga."],
            ),
            (
                "REPUBLIKA.CO.ID, MOSKOW – Putin tiba. Xi pergi.",
                &["REPUBLIKA.CO.ID, MOSKOW – Putin tiba.", "Xi pergi."],
            ),
            (
                "Baca di Republika.co.id, ya. Oke.",
                &["Baca di Republika.co.id, ya.", "Oke."],
            ),
            (
                "“Kami setuju.” Lalu ia pergi.",
                &["“Kami setuju.”", "Lalu ia pergi."],
            ),
            ("“Apa?” tanya dia.", &["“Apa?” tanya dia."]),
            (
                "Judul tanpa titik\nBaris dua.",
                &["Judul tanpa titik", "Baris dua."],
            ),
            (
                "Xi Jinping… termasuk orang pertama.",
                &["Xi Jinping… termasuk orang pertama."],
            ),
            (
                "Sungguh! Benar? Ya…  Tidak.",
                &["Sungguh!", "Benar?", "Ya…", "Tidak."],
            ),
            ("No. 5 menang.", &["No. 5 menang."]),
            // Tokenised text: an initial set apart from its stop.
            (
                "Karya Budi S . Wiryo terbit . Ia senang .",
                &["Karya Budi S . Wiryo terbit .", "Ia senang ."],
            ),
            ("Kelas XI . Ia lulus .", &["Kelas XI .", "Ia lulus ."]),
            ("\n\n  \n", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "splitting {text:?}");
        }
    }

    #[test]
    fn boundaries() {
        let t = "Xinhua China's REPUBLIKA.CO.ID Rusia-China 3.000";
        let b = |s: &str| is_boundary(t, t.find(s).unwrap());
        assert!(!b("inhua"));
        assert!(b("'s"));
        assert!(!b(".CO"));
        assert!(!b("CO."));
        assert!(b("-China"));
        assert!(b("China 3"));
        assert!(!b("000"));
        assert!(is_boundary(t, 0) && is_boundary(t, t.len()));
    }

    /// The tokens as `unicode-segmentation` and [`push_token`] make them,
    /// with no ASCII fast path.
    fn tokenize_reference(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for (off, word) in text.split_word_bound_indices() {
            if !word.starts_with(char::is_whitespace) {
                push_token(text, off, off + word.len(), &mut out);
            }
        }
        out
    }

    /// Tokens (boundaries and kinds) are those of the reference on any text.
    #[test]
    fn tokenize_matches_the_reference() {
        use proptest::prelude::*;
        let strategy = proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "1", "0", ".", ",", ";", ":", "'", "_", "-", "(", "\"", "/", "%", "s",
                "S", " ", "\n", "\t", "é", "’", "“", "\u{a0}", "China", "3.000", "'s", "_1",
            ]),
            0..30,
        );
        proptest!(ProptestConfig::with_cases(3000), |(parts in strategy)| {
            let t: String = parts.concat();
            let mut fast = Vec::new();
            tokenize(&t, 0..t.len(), &mut fast);
            prop_assert_eq!(fast, tokenize_reference(&t), "in {:?}", t);
        });
    }

    /// The ASCII shortcut of `is_boundary` decides as the characters do.
    #[test]
    fn is_boundary_shortcut_matches_the_characters() {
        use proptest::prelude::*;
        let strategy = proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "1", ".", ",", "'", "_", "-", " ", "é", "’", "\u{301}", "..", "3.0",
            ]),
            0..12,
        );
        proptest!(ProptestConfig::with_cases(3000), |(parts in strategy)| {
            let t: String = parts.concat();
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                prop_assert_eq!(is_boundary(&t, i), is_boundary_by_chars(&t, i), "at {} in {:?}", i, t);
            }
        });
    }

    /// The ASCII scanner gives exactly the boundaries of UAX #29.
    #[test]
    fn ascii_scanner_matches_unicode_segmentation() {
        use proptest::prelude::*;
        let strategy = proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'Z', '1', '0', '.', ',', ';', ':', '\'', '_', '-', '(', '"', '/', '%', 'q',
            ]),
            1..24,
        );
        proptest!(ProptestConfig::with_cases(2000), |(chars in strategy)| {
            let t: String = chars.into_iter().collect();
            let mut fast = Vec::new();
            ascii_words(t.as_bytes(), 0, t.len(), &mut |s, e| fast.push((s, e)));
            let slow: Vec<(usize, usize)> = t
                .split_word_bound_indices()
                .map(|(o, w)| (o, o + w.len()))
                .collect();
            prop_assert_eq!(fast, slow, "in {:?}", t);
        });
    }

    #[test]
    fn sentence_tokens_are_made_once_and_given_back_the_same() {
        let long = format!("X{}", "x".repeat(70_000)); // a token too long to keep
        let text = format!("China's envoy met Lavrov. {long} ends here. Rusia-China, 3.000 kali.");
        let mut ranges = Vec::new();
        split_sentences(&text, &abbrevs(), &mut ranges);
        assert_eq!(ranges.len(), 3);
        let fresh = |r: &Range<usize>| {
            let mut v = Vec::new();
            tokenize(&text, r.clone(), &mut v);
            v
        };
        let mut cache = SentenceTokens::default();
        // Out of order, each twice: made the first time, kept (or, for the
        // long token, made again) the second.
        for &s in &[2, 0, 1, 2, 0, 1] {
            assert_eq!(cache.get(&text, s, ranges[s].clone()), fresh(&ranges[s]));
        }
        assert_eq!(cache.spans.iter().filter(|s| s.is_some()).count(), 2);
    }

    #[test]
    fn tokens_split_compounds_and_possessives() {
        let t = "Rusia-China, China's 3.000 REPUBLIKA.CO.ID";
        let mut v = Vec::new();
        tokenize(t, 0..t.len(), &mut v);
        let words: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            words,
            [
                "Rusia",
                "-",
                "China",
                ",",
                "China",
                "'s",
                "3.000",
                "REPUBLIKA.CO.ID"
            ]
        );
        assert_eq!(v[6].kind, TokenKind::Number);
    }
}
