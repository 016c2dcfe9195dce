//! Phrase matching: one aho-corasick automaton (leftmost-longest, ASCII
//! case-insensitive) over the whole text, with each match checked against
//! token boundaries and its phrase's case rule.
//!
//! Non-ASCII phrases are added in their lower-case, upper-case and
//! diacritic-free forms, so `Erdoğan` also matches `ERDOĞAN` and `Erdogan`
//! without building a normalised copy of the text.
//!
//! When the longest match at a position fails its checks, shorter phrases
//! starting at the same position are tried (an anchored search), then the
//! search moves on by one character: "Xinhua" is not "Xi", "kasus" holds no
//! "AS", and "Laut China Selatan" is one phrase, not China.
//!
//! Sets whose phrases occur in almost every sentence (function words, cues,
//! titles) are searched another way with the same result: a phrase can only
//! start where a word starts, so each word of the text is looked up once in a
//! hash table keyed by the first word of the phrases ([`PhraseSetBuilder::build_by_words`]).
//! The automaton pays for each match it reports and rejects; the table pays
//! one lookup per word, which wins when matches are dense.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use crate::tokenize::{is_boundary, is_word_char};

/// How a phrase's letter case must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Any letter case.
    Any,
    /// Exactly as written (acronyms: AS, WHO, SCO).
    Exact,
    /// The first letter upper case, the rest any (names that are also words).
    Cap,
    /// Every word capitalised, or all in capitals: multi-word names ("Russia
    /// Today" the channel, not "visited Russia today").
    Title,
}

impl Case {
    /// The `auto` rule for an entity type: acronyms exact; a person's or
    /// organisation's name capitalised as a name is written ("Bernama" is an
    /// agency, "bernama" the Indonesian for "named"; "Russia Today" a
    /// channel, "Russia today" not); anything else any case.
    pub fn auto_for(alias: &str, etype: crate::gazetteer::EntityType) -> Case {
        use crate::gazetteer::EntityType;
        match Case::auto(alias) {
            Case::Any if matches!(etype, EntityType::Person | EntityType::Organization) => {
                let words: Vec<&str> = alias.split_whitespace().collect();
                if words.len() == 1 {
                    Case::Cap
                } else if words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
                {
                    Case::Title
                } else {
                    Case::Any
                }
            }
            c => c,
        }
    }

    /// The `auto` rule: no lower-case letter and at most 6 letters is an
    /// acronym (exact); anything else any case.
    pub fn auto(alias: &str) -> Case {
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 0 && letters <= 6 && !alias.chars().any(char::is_lowercase) {
            Case::Exact
        } else {
            Case::Any
        }
    }
}

/// Removes diacritics: `Erdoğan` → `Erdogan`, `Türkiye` → `Turkiye`.
pub fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        match c {
            '\u{0300}'..='\u{036f}' => {}
            'ı' => out.push('i'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            _ => out.push(c),
        }
    }
    out
}

#[derive(Debug, Clone)]
struct Candidate<T> {
    /// The phrase form as written, for `Case::Exact`.
    form: Box<str>,
    case: Case,
    value: T,
}

/// A set of phrases with values, matched on token boundaries.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    search: Search,
    /// Per pattern: the candidates, highest priority first.
    groups: Vec<Vec<Candidate<T>>>,
}

#[derive(Debug, Clone)]
enum Search {
    Automaton(AhoCorasick),
    Words(WordIndex),
}

/// Patterns by their first word (ASCII lower case), longest first; a pattern
/// that starts with a non-word character is filed under that character.
#[derive(Debug, Clone)]
struct WordIndex {
    patterns: Vec<Box<[u8]>>,
    by_first: FxHashMap<Box<[u8]>, Box<[u32]>>,
    longest_key: usize,
}

/// The key a pattern or a text position is filed under: the run of word
/// characters starting at `at`, or the one character there if it is not a
/// word character. Returns the key's end.
fn key_end(s: &str, at: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() || b == b'_' {
                i += 1;
                continue;
            }
            break;
        }
        let c = s[i..].chars().next().expect("char boundary");
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    if i == at {
        at + s[at..].chars().next().map_or(0, char::len_utf8)
    } else {
        i
    }
}

impl WordIndex {
    fn new(patterns: Vec<Vec<u8>>) -> WordIndex {
        let mut by_first: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            let text = std::str::from_utf8(p).expect("patterns are UTF-8");
            let key = text.as_bytes()[..key_end(text, 0)].to_ascii_lowercase();
            by_first.entry(key.into()).or_default().push(i as u32);
        }
        let longest_key = by_first.keys().map(|k| k.len()).max().unwrap_or(0);
        let by_first = by_first
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by_key(|&i| std::cmp::Reverse(patterns[i as usize].len()));
                (k, v.into_boxed_slice())
            })
            .collect();
        WordIndex {
            patterns: patterns.into_iter().map(Vec::into_boxed_slice).collect(),
            by_first,
            longest_key,
        }
    }

    /// The patterns that can start at `at`, longest first.
    fn candidates(&self, text: &str, at: usize, key_end: usize) -> &[u32] {
        let key = &text.as_bytes()[at..key_end];
        if key.len() > self.longest_key {
            return &[];
        }
        let mut buf = [0u8; 64];
        let lookup: std::borrow::Cow<[u8]> = if key.len() <= buf.len() {
            let b = &mut buf[..key.len()];
            b.copy_from_slice(key);
            b.make_ascii_lowercase();
            std::borrow::Cow::Borrowed(&buf[..key.len()])
        } else {
            std::borrow::Cow::Owned(key.to_ascii_lowercase())
        };
        self.by_first.get(&*lookup).map_or(&[], |v| v)
    }
}

/// A phrase found in text: byte offsets and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
}

/// Collects phrases for a [`PhraseSet`].
#[derive(Debug)]
pub struct PhraseSetBuilder<T> {
    keys: HashMap<Vec<u8>, usize>,
    patterns: Vec<Vec<u8>>,
    groups: Vec<Vec<Candidate<T>>>,
}

impl<T> Default for PhraseSetBuilder<T> {
    fn default() -> Self {
        PhraseSetBuilder {
            keys: HashMap::new(),
            patterns: Vec::new(),
            groups: Vec::new(),
        }
    }
}

impl<T: Clone> PhraseSetBuilder<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase. A phrase added later wins over an earlier one that
    /// matches the same text.
    pub fn add(&mut self, phrase: &str, case: Case, value: T) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let mut forms: Vec<String> = vec![phrase.to_owned()];
        if !phrase.is_ascii() {
            let folded = fold_diacritics(phrase);
            let mut extra = vec![folded];
            if case != Case::Exact {
                extra.push(phrase.to_lowercase());
                extra.push(phrase.to_uppercase());
                if case == Case::Any {
                    extra.push(fold_diacritics(&phrase.to_lowercase()));
                }
                extra.push(fold_diacritics(&phrase.to_uppercase()));
            }
            for f in extra {
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
        }
        for form in forms {
            let key = form.as_bytes().to_ascii_lowercase();
            let gi = match self.keys.get(&key) {
                Some(&gi) => gi,
                None => {
                    let gi = self.groups.len();
                    self.keys.insert(key, gi);
                    self.patterns.push(form.as_bytes().to_vec());
                    self.groups.push(Vec::new());
                    gi
                }
            };
            self.groups[gi].insert(
                0,
                Candidate {
                    form: form.into_boxed_str(),
                    case,
                    value: value.clone(),
                },
            );
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Builds the set with an aho-corasick automaton: best when matches are
    /// sparse (entity names).
    pub fn build(self) -> PhraseSet<T> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(&self.patterns)
            .expect("phrase automaton fits in memory");
        PhraseSet {
            search: Search::Automaton(ac),
            groups: self.groups,
        }
    }

    /// Builds the set with a table of first words: the same matches as
    /// [`build`](Self::build), faster when they are dense (function words,
    /// cues) and quicker to build.
    pub fn build_by_words(self) -> PhraseSet<T> {
        PhraseSet {
            search: Search::Words(WordIndex::new(self.patterns)),
            groups: self.groups,
        }
    }
}

impl<T> PhraseSet<T> {
    /// Number of patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.groups.len()
    }

    /// Bytes of heap the search structure uses (the automaton's own
    /// figure; for a word table, its patterns and keys).
    pub fn memory_usage(&self) -> usize {
        match &self.search {
            Search::Automaton(ac) => ac.memory_usage(),
            Search::Words(w) => {
                w.patterns.iter().map(|p| p.len()).sum::<usize>()
                    + w.by_first
                        .iter()
                        .map(|(k, v)| k.len() + 4 * v.len())
                        .sum::<usize>()
            }
        }
    }

    fn accept(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<&T> {
        if !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
            || !is_boundary(text, start)
            || !is_boundary(text, end)
        {
            return None;
        }
        let matched = &text[start..end];
        self.groups[pattern]
            .iter()
            .find(|c| match c.case {
                Case::Any => true,
                Case::Exact => *c.form == *matched,
                Case::Cap => matched.chars().next().is_some_and(char::is_uppercase),
                Case::Title => {
                    !matched.chars().any(char::is_lowercase)
                        || matched
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
                }
            })
            .map(|c| &c.value)
    }

    /// Calls `f` for each phrase found in `text[range]`, left to right,
    /// non-overlapping, longest first.
    pub fn find_each<'s>(
        &'s self,
        text: &str,
        range: std::ops::Range<usize>,
        f: impl FnMut(Found<'s, T>),
    ) {
        match &self.search {
            Search::Automaton(ac) => self.find_each_ac(ac, text, range, f),
            Search::Words(w) => self.find_each_words(w, text, range, f),
        }
    }

    fn find_each_words<'s>(
        &'s self,
        w: &WordIndex,
        text: &str,
        range: std::ops::Range<usize>,
        mut f: impl FnMut(Found<'s, T>),
    ) {
        let bytes = text.as_bytes();
        let end = range.end;
        let mut pos = range.start;
        while pos < end && !text.is_char_boundary(pos) {
            pos += 1;
        }
        while pos < end {
            let b = bytes[pos];
            if b == b' ' || b == b'\n' {
                pos += 1;
                continue;
            }
            let ke = key_end(text, pos).min(end);
            let mut next = ke;
            if is_boundary(text, pos) {
                for &p in w.candidates(text, pos, ke) {
                    let pat = &w.patterns[p as usize];
                    let e = pos + pat.len();
                    if e <= end && bytes[pos..e].eq_ignore_ascii_case(pat) {
                        if let Some(value) = self.accept(text, pos, e, p as usize) {
                            f(Found {
                                start: pos,
                                end: e,
                                value,
                            });
                            next = e;
                            break;
                        }
                    }
                }
            }
            pos = next;
        }
    }

    fn find_each_ac<'s>(
        &'s self,
        ac: &AhoCorasick,
        text: &str,
        range: std::ops::Range<usize>,
        mut f: impl FnMut(Found<'s, T>),
    ) {
        let mut pos = range.start;
        let end = range.end;
        while pos < end {
            let Some(m) = ac.find(Input::new(text).span(pos..end)) else {
                break;
            };
            let mut cur = Some(m);
            let mut accepted = None;
            while let Some(c) = cur {
                if let Some(v) = self.accept(text, c.start(), c.end(), c.pattern().as_usize()) {
                    accepted = Some((c.start(), c.end(), v));
                    break;
                }
                if c.end() - c.start() <= 1 {
                    break;
                }
                cur = ac.find(
                    Input::new(text)
                        .span(c.start()..c.end() - 1)
                        .anchored(Anchored::Yes),
                );
            }
            match accepted {
                Some((s, e, value)) => {
                    f(Found {
                        start: s,
                        end: e,
                        value,
                    });
                    pos = e;
                }
                None => {
                    // Move past the first character of the failed match.
                    let s = m.start();
                    pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// All phrases found in `text`.
    pub fn find_all<'s>(&'s self, text: &str) -> Vec<Found<'s, T>> {
        let mut v = Vec::new();
        self.find_each(text, 0..text.len(), |f| v.push(f));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[(&str, Case, &'static str)]) -> PhraseSet<&'static str> {
        let mut b = PhraseSetBuilder::new();
        for (p, c, v) in phrases {
            b.add(p, *c, *v);
        }
        b.build()
    }

    fn found(s: &PhraseSet<&'static str>, text: &str) -> Vec<(String, &'static str)> {
        s.find_all(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), *f.value))
            .collect()
    }

    #[test]
    fn shorter_phrase_is_tried_when_the_longest_fails() {
        // "China Selatanx" fails its end boundary; "China" still matches.
        let s = set(&[
            ("China", Case::Any, "CN"),
            ("China Selatan", Case::Any, "SCS"),
        ]);
        assert_eq!(found(&s, "China Selatanx"), [("China".into(), "CN")]);
        assert_eq!(
            found(&s, "laut china selatan"),
            [("china selatan".into(), "SCS")]
        );
    }

    #[test]
    fn diacritics_and_non_ascii_case() {
        let s = set(&[("Erdoğan", Case::Cap, "E"), ("Türkiye", Case::Any, "T")]);
        assert_eq!(
            found(&s, "Erdogan, ERDOĞAN dan erdoğan di TÜRKIYE"),
            [
                ("Erdogan".into(), "E"),
                ("ERDOĞAN".into(), "E"),
                ("TÜRKIYE".into(), "T")
            ]
        );
    }

    #[test]
    fn later_phrase_wins() {
        let s = set(&[
            ("Georgia", Case::Any, "country"),
            ("Georgia", Case::Any, "state"),
        ]);
        assert_eq!(found(&s, "Georgia"), [("Georgia".into(), "state")]);
        // A later exact candidate that does not fit falls back to the earlier one.
        let s = set(&[("as", Case::Any, "word"), ("AS", Case::Exact, "US")]);
        assert_eq!(
            found(&s, "as AS"),
            [("as".into(), "word"), ("AS".into(), "US")]
        );
    }

    #[test]
    fn fold() {
        assert_eq!(
            fold_diacritics("Erdoğan Łódź Türkiye São"),
            "Erdogan Lodz Turkiye Sao"
        );
    }
}

#[cfg(test)]
mod equivalence {
    //! The word table finds exactly what the automaton finds.
    use super::*;
    use proptest::prelude::*;

    const PHRASES: &[(&str, Case)] = &[
        ("di", Case::Any),
        ("AS", Case::Exact),
        ("as", Case::Any),
        ("kerja sama", Case::Any),
        ("kerja", Case::Any),
        ("Laut China Selatan", Case::Title),
        ("China", Case::Any),
        ("U.S.", Case::Exact),
        ("U.S", Case::Exact),
        ("Erdoğan", Case::Cap),
        ("Türkiye", Case::Any),
        ("al-Assad", Case::Any),
        ("&", Case::Any),
        ("-", Case::Any),
        ("menolak untuk", Case::Any),
        ("Bernama", Case::Cap),
        ("3.000", Case::Any),
    ];

    const PIECES: &[&str] = &[
        "di",
        "dikritik",
        "AS",
        "as",
        "kasus",
        "kerja",
        "sama",
        "kerja sama",
        "Laut",
        "china",
        "China",
        "Selatan",
        "selatan",
        "U.S.",
        "U.S",
        "u.s.",
        "Erdogan",
        "ERDOĞAN",
        "erdoğan",
        "TÜRKIYE",
        "türkiye",
        "al-Assad",
        "&",
        "-",
        "menolak",
        "untuk",
        "bernama",
        "Bernama",
        "3.000",
        "13.000",
        " ",
        " ",
        "  ",
        ", ",
        ".",
        "\n",
        "x",
        "é",
        "_",
        "\u{301}",
    ];

    type Spans = Vec<(usize, usize, usize)>;

    fn both(text: &str) -> (Spans, Spans) {
        let build = |words: bool| {
            let mut b = PhraseSetBuilder::new();
            for (i, (p, c)) in PHRASES.iter().enumerate() {
                b.add(p, *c, i);
            }
            if words { b.build_by_words() } else { b.build() }
        };
        let run = |s: &PhraseSet<usize>, from: usize, to: usize| {
            let mut v = Vec::new();
            s.find_each(text, from..to, |f| v.push((f.start, f.end, *f.value)));
            v
        };
        let (a, w) = (build(false), build(true));
        let mut left = Vec::new();
        let mut right = Vec::new();
        // The whole text and every range between two char boundaries a
        // third of the way in from each end.
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let from = cuts[cuts.len() / 3];
        let to = cuts[cuts.len() - 1 - cuts.len() / 3];
        for (f, t) in [(0, text.len()), (from, to.max(from))] {
            left.extend(run(&a, f, t));
            right.extend(run(&w, f, t));
        }
        (left, right)
    }

    #[test]
    fn examples() {
        for text in [
            "AS dan as di kasus dikritik kerja sama Laut China Selatan",
            "U.S. U.S u.s. ERDOĞAN erdoğan al-Assad & - 3.000 13.000",
            "menolak untuk, Bernama bernama x_di di\u{301}",
        ] {
            let (a, w) = both(text);
            assert_eq!(a, w, "{text}");
            assert!(!a.is_empty());
        }
    }

    proptest! {
        #[test]
        fn same_matches(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
            let text: String = pieces.concat();
            let (a, w) = both(&text);
            prop_assert_eq!(a, w, "{:?}", text);
        }
    }
}
