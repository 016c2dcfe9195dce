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

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use unicode_normalization::UnicodeNormalization;

use crate::tokenize::is_boundary;

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
    ac: AhoCorasick,
    /// Per automaton pattern: the candidates, highest priority first.
    groups: Vec<Vec<Candidate<T>>>,
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

    pub fn build(self) -> PhraseSet<T> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(&self.patterns)
            .expect("phrase automaton fits in memory");
        PhraseSet {
            ac,
            groups: self.groups,
        }
    }
}

impl<T> PhraseSet<T> {
    /// Number of patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.groups.len()
    }

    /// Bytes of heap the automaton uses.
    pub fn memory_usage(&self) -> usize {
        self.ac.memory_usage()
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
        mut f: impl FnMut(Found<'s, T>),
    ) {
        let mut pos = range.start;
        let end = range.end;
        while pos < end {
            let Some(m) = self.ac.find(Input::new(text).span(pos..end)) else {
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
                cur = self.ac.find(
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
