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
//! A caller may also refuse a capitalised phrase written otherwise than
//! listed, with the same fallback ([`PhraseSet::find_each_refusing`]: the
//! entity stage refuses a roman numeral after a lower-case word, "Pius XI"
//! holds no "Xi").
//!
//! Sets whose phrases occur in almost every sentence (function words, cues,
//! titles) are searched another way with the same result: a phrase can only
//! start where a word starts, so each word of the text is looked up once in a
//! hash table keyed by the first word of the phrases ([`PhraseSetBuilder::build_by_words`]).
//! The automaton pays for each match it reports and rejects; the table pays
//! one lookup per word, which wins when matches are dense.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use unicode_normalization::UnicodeNormalization;

use crate::keymap::{Interner, KeyMap};
use crate::tokenize::{is_ascii_word_byte, is_boundary, is_word_char};

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
    pub fn auto_for(alias: &str, etype: crate::schema::EntityType) -> Case {
        use crate::schema::EntityType;
        match Case::auto(alias) {
            Case::Any if matches!(etype, EntityType::Person | EntityType::Organization) => {
                let mut words = alias.split_whitespace();
                if words.next().is_some() && words.next().is_none() {
                    Case::Cap
                } else if alias
                    .split_whitespace()
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
    /// The phrase form as written, for `Case::Exact`: its byte range in
    /// the set's `forms`.
    form: (u32, u32),
    case: Case,
    value: T,
}

/// A set of phrases with values, matched on token boundaries.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    search: Search,
    /// The forms of the candidates, one after the other.
    forms: Box<str>,
    /// The candidates of every pattern, highest priority first; those of
    /// pattern `p` are `candidates[group_bounds[p]..group_bounds[p + 1]]`.
    candidates: Vec<Candidate<T>>,
    group_bounds: Vec<u32>,
}

/// Strings one after the other, each a range of one buffer (no allocation
/// per string).
#[derive(Debug, Clone)]
struct Strings {
    text: String,
    /// Where each string starts, and after the last one where it ends.
    bounds: Vec<u32>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings {
            text: String::new(),
            bounds: vec![0],
        }
    }
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.bounds.push(self.text.len() as u32);
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// String `i`, as bytes.
    #[inline]
    fn bytes(&self, i: usize) -> &[u8] {
        let b = &self.bounds[i..i + 2];
        &self.text.as_bytes()[b[0] as usize..b[1] as usize]
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

#[derive(Debug, Clone)]
enum Search {
    Automaton(AhoCorasick),
    Words(Box<WordIndex>),
}

/// Patterns by their first word (ASCII lower case), longest first; a pattern
/// that starts with a non-word character is filed under that character.
#[derive(Debug, Clone)]
struct WordIndex {
    patterns: Strings,
    /// First word -> slot (the word is that of the slot's patterns).
    keys: KeyMap<u32>,
    /// The length of the first word of each slot.
    key_lens: Vec<u32>,
    /// Candidate patterns of each slot, longest first: those of slot `s`
    /// are `slots[slot_bounds[s]..slot_bounds[s + 1]]`.
    slots: Vec<u32>,
    slot_bounds: Vec<u32>,
    /// Beside each entry of `slots`: the pattern's next four bytes after
    /// its first word, ASCII lower case, and the mask of those it has
    /// (see [`probe`]): most candidates are refused by one comparison.
    probes: Vec<(u32, u32)>,
    /// The vocabulary the set was built in, and its word ids -> slot + 1
    /// (0: no pattern starts with that word).
    vocabulary: u64,
    by_word: Vec<u32>,
    longest_key: usize,
}

/// Up to four bytes of `s` from `at`, ASCII lower case, little-endian in a
/// `u32`, and the mask of the bytes there are (fewer at the end of `s`).
#[inline]
fn probe(s: &[u8], at: usize) -> (u32, u32) {
    let mut value = 0u32;
    let mut mask = 0u32;
    for (k, &b) in s.get(at..).unwrap_or(&[]).iter().take(4).enumerate() {
        value |= (b.to_ascii_lowercase() as u32) << (8 * k);
        mask |= 0xff << (8 * k);
    }
    (value, mask)
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
            if is_ascii_word_byte(b) {
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
    fn new(patterns: Strings, vocabulary: &mut VocabularyBuilder) -> WordIndex {
        let mut keys: KeyMap<u32> = KeyMap::default();
        // (Most patterns start with a word of their own: names.)
        keys.reserve(patterns.len() / 2);
        vocabulary.keys.reserve(patterns.len() / 2);
        let mut slot_of: Vec<u32> = Vec::with_capacity(patterns.len());
        let mut counts: Vec<u32> = Vec::new();
        // The first pattern of each slot, and its first word's length.
        let mut first: Vec<u32> = Vec::new();
        let mut key_lens: Vec<u32> = Vec::new();
        let mut by_word = Vec::new();
        let mut key: Vec<u8> = Vec::new();
        for (i, text) in patterns.iter().enumerate() {
            key.clear();
            key.extend_from_slice(&text.as_bytes()[..key_end(text, 0)]);
            key.make_ascii_lowercase();
            let is_key = |&slot: &u32| {
                let s = slot as usize;
                key_lens[s] as usize == key.len()
                    && patterns.bytes(first[s] as usize)[..key.len()].eq_ignore_ascii_case(&key)
            };
            let slot = match keys.get(&key, is_key) {
                Some(&slot) => slot,
                None => {
                    let slot = counts.len() as u32;
                    counts.push(0);
                    first.push(i as u32);
                    key_lens.push(key.len() as u32);
                    let word = vocabulary.id(&key) as usize;
                    if by_word.len() <= word {
                        by_word.resize(word + 1, 0);
                    }
                    by_word[word] = slot + 1;
                    keys.insert_new(&key, slot);
                    slot
                }
            };
            counts[slot as usize] += 1;
            slot_of.push(slot);
        }
        let longest_key = key_lens.iter().max().map_or(0, |&n| n as usize);
        // The patterns of each slot in the order added, then longest first
        // (a stable sort: of two as long, the one added first).
        let mut slot_bounds = Vec::with_capacity(counts.len() + 1);
        slot_bounds.push(0);
        let mut next = Vec::with_capacity(counts.len());
        let mut total = 0u32;
        for &c in &counts {
            next.push(total);
            total += c;
            slot_bounds.push(total);
        }
        let mut slots = vec![0u32; total as usize];
        for (i, &slot) in slot_of.iter().enumerate() {
            let at = &mut next[slot as usize];
            slots[*at as usize] = i as u32;
            *at += 1;
        }
        for b in slot_bounds.windows(2) {
            slots[b[0] as usize..b[1] as usize]
                .sort_by_key(|&i| std::cmp::Reverse(patterns.bytes(i as usize).len()));
        }
        let probes = slots
            .iter()
            .map(|&i| {
                let pat = patterns.bytes(i as usize);
                probe(pat, key_end(patterns.get(i as usize), 0))
            })
            .collect();
        WordIndex {
            patterns,
            keys,
            key_lens,
            slots,
            slot_bounds,
            probes,
            vocabulary: vocabulary.serial,
            by_word,
            longest_key,
        }
    }

    /// The patterns of slot `slot`, longest first.
    #[inline]
    fn slot(&self, slot: u32) -> &[u32] {
        &self.slots[self.slot_range(slot)]
    }

    /// The entries of `slots` of the patterns of slot `slot`.
    #[inline]
    fn slot_range(&self, slot: u32) -> std::ops::Range<usize> {
        let s = slot as usize;
        self.slot_bounds[s] as usize..self.slot_bounds[s + 1] as usize
    }

    /// The patterns that can start at `at` (entries of `slots`, longest
    /// first), and the length of their first word.
    fn candidates(&self, text: &str, at: usize, key_end: usize) -> (std::ops::Range<usize>, usize) {
        let key = &text.as_bytes()[at..key_end];
        if key.len() > self.longest_key {
            return (0..0, 0);
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
        let is_key = |&slot: &u32| self.key_is(slot, &lookup);
        self.keys
            .get(&lookup, is_key)
            .map_or((0..0, 0), |&slot| (self.slot_range(slot), key.len()))
    }

    /// The first word of slot `slot`'s patterns, as written in its first.
    fn key(&self, slot: u32) -> &[u8] {
        let first = self.slot(slot)[0] as usize;
        &self.patterns.bytes(first)[..self.key_lens[slot as usize] as usize]
    }

    /// Is `key` (ASCII lower case) the first word of slot `slot`?
    fn key_is(&self, slot: u32, key: &[u8]) -> bool {
        self.key(slot).eq_ignore_ascii_case(key)
    }

    /// The patterns that start with vocabulary word `id` (entries of
    /// `slots`, longest first), and the length of that word.
    fn candidates_of(&self, id: u32) -> (std::ops::Range<usize>, usize) {
        match self.by_word.get(id as usize) {
            Some(&slot) if slot > 0 => (
                self.slot_range(slot - 1),
                self.key_lens[slot as usize - 1] as usize,
            ),
            _ => (0..0, 0),
        }
    }
}

static VOCABULARY_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Collects the first words of several phrase sets (built with
/// [`PhraseSetBuilder::build_in`]) so that a text's words are looked up once
/// for all of them: see [`Vocabulary::table`].
#[derive(Debug)]
pub struct VocabularyBuilder {
    keys: Interner,
    serial: u64,
}

impl Default for VocabularyBuilder {
    fn default() -> Self {
        VocabularyBuilder {
            keys: Interner::default(),
            serial: VOCABULARY_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

impl VocabularyBuilder {
    /// An empty vocabulary with a number of its own: a [`WordTable`]
    /// serves only the sets built in the vocabulary that made it.
    pub fn new() -> Self {
        Self::default()
    }

    fn id(&mut self, key: &[u8]) -> u32 {
        self.keys.intern(key)
    }

    /// The vocabulary, to make each text's [`WordTable`] with
    /// ([`Vocabulary::table`]).
    pub fn build(self) -> Vocabulary {
        let longest_key = self.keys.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut ascii_keys = [false; 128];
        for k in self.keys.keys() {
            if let [b] = *k {
                if b < 0x80 {
                    ascii_keys[b as usize] = true;
                }
            }
        }
        Vocabulary {
            keys: self.keys,
            serial: self.serial,
            longest_key,
            ascii_keys,
        }
    }
}

/// The first words of a group of phrase sets, numbered.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    keys: Interner,
    serial: u64,
    longest_key: usize,
    /// ASCII non-word characters that are keys ("&", "-").
    ascii_keys: [bool; 128],
}

/// The words of one text that start a phrase of some set of a
/// [`Vocabulary`]: where, and which word. Sets built in that vocabulary
/// search the text through it ([`PhraseSet::find_each_in`]) with no further
/// hashing.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    vocabulary: u64,
    /// (byte offset, word id), in text order.
    words: Vec<(u32, u32)>,
}

impl WordTable {
    /// The words of the table that start in `range`: (byte offset, word id),
    /// in text order.
    pub fn words_in(&self, range: std::ops::Range<usize>) -> &[(u32, u32)] {
        let i = self
            .words
            .partition_point(|&(s, _)| (s as usize) < range.start);
        let n = self.words[i..].partition_point(|&(s, _)| (s as usize) < range.end);
        &self.words[i..i + n]
    }
}

impl Vocabulary {
    /// Looks up every word of `text` once.
    pub fn table(&self, text: &str) -> WordTable {
        // (About one word in two of news text starts a phrase of some set:
        // a word in twelve bytes.)
        let mut words = Vec::with_capacity(text.len() / 12);
        // Offsets are u32: a longer text gets a table of no vocabulary,
        // and the sets search it directly.
        let fits = text.len() < u32::MAX as usize;
        if fits {
            let bytes = text.as_bytes();
            let n = bytes.len();
            let mut pos = 0;
            let mut buf = [0u8; 64];
            let ascii_word = is_ascii_word_byte;
            while pos < n {
                let b = bytes[pos];
                let (ke, boundary) = if ascii_word(b) {
                    // A word starts here (whatever came before is not a
                    // word character): the ASCII fast path.
                    let mut i = pos + 1;
                    while i < n && ascii_word(bytes[i]) {
                        i += 1;
                    }
                    let ke = if i < n && bytes[i] >= 0x80 {
                        key_end(text, pos)
                    } else {
                        i
                    };
                    let boundary = pos == 0 || bytes[pos - 1] != b'.' || is_boundary(text, pos);
                    (ke, boundary)
                } else if b < 0x80 && !self.ascii_keys[b as usize] {
                    pos += 1;
                    continue;
                } else {
                    (key_end(text, pos), is_boundary(text, pos))
                };
                let len = ke - pos;
                if boundary && len <= self.longest_key && len <= buf.len() {
                    let key = &mut buf[..len];
                    key.copy_from_slice(&bytes[pos..ke]);
                    key.make_ascii_lowercase();
                    if let Some(id) = self.keys.get(key) {
                        words.push((pos as u32, id));
                    }
                }
                pos = ke;
            }
        }
        WordTable {
            vocabulary: if fits { self.serial } else { 0 },
            words,
        }
    }
}

/// A phrase found in text: byte offsets and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a, T> {
    /// Byte offset where the phrase starts in the text.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// The value the phrase was added with (see [`PhraseSetBuilder::add`]
    /// for which one when several phrases match the same text).
    pub value: &'a T,
}

/// Collects phrases for a [`PhraseSet`].
#[derive(Debug)]
pub struct PhraseSetBuilder<T> {
    /// Pattern, ASCII lower case -> its number.
    keys: KeyMap<u32>,
    /// Each pattern as first added.
    patterns: Strings,
    /// The forms of the candidates, one after the other.
    forms: String,
    /// Every candidate with its pattern, in the order added.
    added: Vec<(u32, Candidate<T>)>,
    /// Scratch space for a key.
    key: Vec<u8>,
}

impl<T> Default for PhraseSetBuilder<T> {
    fn default() -> Self {
        PhraseSetBuilder {
            keys: KeyMap::default(),
            patterns: Strings::default(),
            forms: String::new(),
            added: Vec::new(),
            key: Vec::new(),
        }
    }
}

impl<T: Clone> PhraseSetBuilder<T> {
    /// An empty builder.
    ///
    /// ```
    /// use kabar::phrase::{Case, PhraseSetBuilder};
    ///
    /// let mut b = PhraseSetBuilder::new();
    /// b.add("Xi", Case::Cap, "Xi_Jinping");
    /// let set = b.build();
    /// let text = "Kantor berita Xinhua: Xi tiba.";
    /// let found: Vec<(usize, usize, &str)> = set
    ///     .find_all(text)
    ///     .iter()
    ///     .map(|f| (f.start, f.end, *f.value))
    ///     .collect();
    /// assert_eq!(found, [(22, 24, "Xi_Jinping")]); // "Xinhua" holds no "Xi"
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for `phrases` ASCII phrases.
    pub fn with_capacity(phrases: usize) -> Self {
        let mut b = Self::default();
        b.keys.reserve(phrases);
        b.patterns.bounds.reserve(phrases);
        b.added.reserve(phrases);
        b
    }

    /// Adds a phrase. A phrase added later wins over an earlier one that
    /// matches the same text.
    pub fn add(&mut self, phrase: &str, case: Case, value: T) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        if phrase.is_ascii() {
            self.add_form(phrase, case, value);
            return;
        }
        let mut forms: Vec<String> = vec![phrase.to_owned()];
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
        for form in forms {
            self.add_form(&form, case, value.clone());
        }
    }

    /// Adds one form of a phrase: a candidate of the pattern of its ASCII
    /// lower case (a new one when there is none yet).
    fn add_form(&mut self, form: &str, case: Case, value: T) {
        self.key.clear();
        self.key.extend_from_slice(form.as_bytes());
        self.key.make_ascii_lowercase();
        let patterns = &self.patterns;
        let is_key = |&gi: &u32| {
            patterns
                .bytes(gi as usize)
                .eq_ignore_ascii_case(form.as_bytes())
        };
        let gi = match self.keys.get(&self.key, is_key) {
            Some(&gi) => gi,
            None => {
                let gi = self.patterns.len() as u32;
                self.keys.insert_new(&self.key, gi);
                self.patterns.push(form);
                gi
            }
        };
        let start = self.forms.len() as u32;
        self.forms.push_str(form);
        let end = self.forms.len() as u32;
        self.added.push((
            gi,
            Candidate {
                form: (start, end),
                case,
                value,
            },
        ));
    }

    /// The candidates of every pattern, the one added last first, and
    /// where each pattern's start (and after the last, where it ends).
    fn groups(added: Vec<(u32, Candidate<T>)>, patterns: usize) -> (Vec<Candidate<T>>, Vec<u32>) {
        let mut bounds = vec![0u32; patterns + 1];
        for (g, _) in &added {
            bounds[*g as usize + 1] += 1;
        }
        for i in 1..bounds.len() {
            bounds[i] += bounds[i - 1];
        }
        // Filled from each group's end, the last added first.
        let mut next = bounds[1..].to_vec();
        let mut slots: Vec<Option<Candidate<T>>> = Vec::with_capacity(added.len());
        slots.resize_with(added.len(), || None);
        for (g, c) in added {
            let at = &mut next[g as usize];
            *at -= 1;
            slots[*at as usize] = Some(c);
        }
        let candidates = slots
            .into_iter()
            .map(|c| c.expect("every slot is filled"))
            .collect();
        (candidates, bounds)
    }

    /// The number of search patterns so far: the distinct forms of the
    /// phrases, compared ASCII case-insensitively (a non-ASCII phrase adds
    /// its case and diacritic-free forms too).
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when no phrase was added (blank ones are not).
    pub fn is_empty(&self) -> bool {
        self.patterns.len() == 0
    }

    /// Builds the set with an aho-corasick automaton: best when matches are
    /// sparse (entity names).
    pub fn build(self) -> PhraseSet<T> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(self.patterns.iter())
            .expect("phrase automaton fits in memory");
        let (candidates, group_bounds) = Self::groups(self.added, self.patterns.len());
        PhraseSet {
            search: Search::Automaton(ac),
            forms: self.forms.into_boxed_str(),
            candidates,
            group_bounds,
        }
    }

    /// Builds the set with a table of first words: the same matches as
    /// [`build`](Self::build), faster when they are dense (function words,
    /// cues) and quicker to build.
    pub fn build_by_words(self) -> PhraseSet<T> {
        self.build_in(&mut VocabularyBuilder::new())
    }

    /// Like [`build_by_words`](Self::build_by_words), with the first words
    /// added to a vocabulary shared with other sets: a [`WordTable`] of that
    /// vocabulary then serves them all.
    pub fn build_in(self, vocabulary: &mut VocabularyBuilder) -> PhraseSet<T> {
        let (candidates, group_bounds) = Self::groups(self.added, self.patterns.len());
        PhraseSet {
            search: Search::Words(Box::new(WordIndex::new(self.patterns, vocabulary))),
            forms: self.forms.into_boxed_str(),
            candidates,
            group_bounds,
        }
    }
}

impl<T> PhraseSet<T> {
    /// Number of patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.group_bounds.len() - 1
    }

    /// Moves a set built with [`PhraseSetBuilder::build_in`] in a
    /// vocabulary of its own (`from`, where no other set was built) into
    /// `to`: its first words are added to `to`, and the set then reads the
    /// word tables of `to`'s vocabulary (and no longer those of `from`'s).
    /// Lets a large set be built on another thread.
    pub fn move_into(&mut self, from: VocabularyBuilder, to: &mut VocabularyBuilder) {
        let Search::Words(w) = &mut self.search else {
            return;
        };
        debug_assert_eq!(w.vocabulary, from.serial, "a set of that vocabulary");
        drop(from);
        // The first words in the order the set met them (each slot has one).
        let slots = w.slot_bounds.len() - 1;
        to.keys.reserve(slots);
        let mut by_word = vec![0; to.keys.len() + slots];
        let mut key = Vec::new();
        for slot in 0..slots {
            key.clear();
            key.extend_from_slice(w.key(slot as u32));
            key.make_ascii_lowercase();
            let id = to.id(&key) as usize;
            if by_word.len() <= id {
                by_word.resize(id + 1, 0);
            }
            by_word[id] = slot as u32 + 1;
        }
        w.by_word = by_word;
        w.vocabulary = to.serial;
    }

    /// The candidates of pattern `p`, highest priority first.
    #[inline]
    fn group(&self, p: usize) -> &[Candidate<T>] {
        &self.candidates[self.group_bounds[p] as usize..self.group_bounds[p + 1] as usize]
    }

    /// Bytes of heap the search structure uses (the automaton's own
    /// figure; for a word table, its patterns and keys).
    pub fn memory_usage(&self) -> usize {
        match &self.search {
            Search::Automaton(ac) => ac.memory_usage(),
            Search::Words(w) => {
                w.patterns.text.len()
                    + 4 * w.patterns.bounds.len()
                    + 12 * w.keys.len()
                    + 4 * w.key_lens.len()
                    + 4 * (w.slots.len() + w.slot_bounds.len())
                    + 4 * w.by_word.len()
            }
        }
    }

    fn accept<R: Fn(&str, usize, usize) -> bool>(
        &self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
        refuse: &R,
    ) -> Option<&T> {
        if !text.is_char_boundary(start) || !is_boundary(text, start) {
            return None;
        }
        self.accept_from_word(text, start, end, pattern, refuse)
    }

    /// [`accept`](Self::accept) for a match known to start on a token
    /// boundary (a word of a [`WordTable`]).
    fn accept_from_word<R: Fn(&str, usize, usize) -> bool>(
        &self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
        refuse: &R,
    ) -> Option<&T> {
        if !text.is_char_boundary(end) || !is_boundary(text, end) {
            return None;
        }
        let matched = &text[start..end];
        let form = |c: &Candidate<T>| &self.forms.as_bytes()[c.form.0 as usize..c.form.1 as usize];
        let matched_bytes = matched.as_bytes();
        self.group(pattern)
            .iter()
            .find(|c| match c.case {
                Case::Any => true,
                Case::Exact => form(c) == matched_bytes,
                // (Written otherwise than listed, the caller may refuse it.)
                Case::Cap => {
                    matched.chars().next().is_some_and(char::is_uppercase)
                        && (form(c) == matched_bytes || !refuse(text, start, end))
                }
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
        self.find_each_refusing(text, range, &refuse_none, f);
    }

    /// [`find_each`](Self::find_each), with the caller's say on a phrase
    /// of case [`Case::Cap`] written otherwise than listed ("XI" for "Xi"):
    /// where `refuse(text, start, end)` is true the match fails, and the
    /// search goes on as after any failed match (the phrase's next
    /// candidate, then shorter phrases).
    pub fn find_each_refusing<'s>(
        &'s self,
        text: &str,
        range: std::ops::Range<usize>,
        refuse: &impl Fn(&str, usize, usize) -> bool,
        f: impl FnMut(Found<'s, T>),
    ) {
        match &self.search {
            Search::Automaton(ac) => self.find_each_ac(ac, text, range, refuse, f),
            Search::Words(w) => self.find_each_words(w, text, range, refuse, f),
        }
    }

    /// Like [`find_each`](Self::find_each), through the word table of
    /// `text` (made by the vocabulary this set was built in; any other table
    /// is ignored and the text searched directly).
    pub fn find_each_in<'s>(
        &'s self,
        text: &str,
        table: &WordTable,
        range: std::ops::Range<usize>,
        f: impl FnMut(Found<'s, T>),
    ) {
        self.find_each_in_refusing(text, table, range, &refuse_none, f);
    }

    /// [`find_each_in`](Self::find_each_in), with the caller's say on a
    /// phrase of case [`Case::Cap`] written otherwise than listed (see
    /// [`find_each_refusing`](Self::find_each_refusing)).
    pub fn find_each_in_refusing<'s>(
        &'s self,
        text: &str,
        table: &WordTable,
        range: std::ops::Range<usize>,
        refuse: &impl Fn(&str, usize, usize) -> bool,
        mut f: impl FnMut(Found<'s, T>),
    ) {
        let Search::Words(w) = &self.search else {
            return self.find_each_refusing(text, range, refuse, f);
        };
        if w.vocabulary != table.vocabulary {
            return self.find_each_refusing(text, range, refuse, f);
        }
        let mut next = range.start;
        for &(start, id) in table.words_in(range.clone()) {
            let pos = start as usize;
            if pos < next {
                continue;
            }
            if let Some(found) =
                self.longest_at(w, w.candidates_of(id), text, pos, range.end, refuse)
            {
                next = found.end;
                f(found);
            }
        }
    }

    /// Does [`find_each_in`](Self::find_each_in) search `table` through its
    /// words (the set was built in the table's vocabulary)?
    pub fn reads(&self, table: &WordTable) -> bool {
        matches!(&self.search, Search::Words(w) if w.vocabulary == table.vocabulary)
    }

    /// The phrase that starts at word `id` of a table this set
    /// [`reads`](Self::reads), at byte `pos`, and ends by `end`: what
    /// [`find_each_in`](Self::find_each_in) finds there. Lets a caller walk
    /// a table's words once for several sets.
    pub fn phrase_at(&self, text: &str, id: u32, pos: usize, end: usize) -> Option<Found<'_, T>> {
        let Search::Words(w) = &self.search else {
            return None;
        };
        self.longest_at(w, w.candidates_of(id), text, pos, end, &refuse_none)
    }

    /// The longest of `candidates` (entries of the index's `slots`,
    /// longest first) that matches at `pos`, a token boundary, and ends by
    /// `end`. The candidates share their first `key` bytes with the text
    /// at `pos` (ASCII case aside); the four after them are compared first.
    ///
    /// (Most words start no phrase of a set: that test is made where the
    /// caller is, and only a word with candidates pays for the call.)
    #[inline(always)]
    fn longest_at<'s, R: Fn(&str, usize, usize) -> bool>(
        &'s self,
        w: &WordIndex,
        (candidates, key): (std::ops::Range<usize>, usize),
        text: &str,
        pos: usize,
        end: usize,
        refuse: &R,
    ) -> Option<Found<'s, T>> {
        if candidates.is_empty() {
            return None;
        }
        self.longest_of(w, (candidates, key), text, pos, end, refuse)
    }

    /// [`longest_at`](Self::longest_at) of a word with candidates.
    #[inline(never)]
    fn longest_of<'s, R: Fn(&str, usize, usize) -> bool>(
        &'s self,
        w: &WordIndex,
        (candidates, key): (std::ops::Range<usize>, usize),
        text: &str,
        pos: usize,
        end: usize,
        refuse: &R,
    ) -> Option<Found<'s, T>> {
        let bytes = text.as_bytes();
        let (next, _) = probe(&bytes[..end], pos + key);
        candidates.into_iter().find_map(|k| {
            let (value, mask) = w.probes[k];
            if next & mask != value {
                return None;
            }
            let p = w.slots[k];
            let pat = w.patterns.bytes(p as usize);
            let e = pos + pat.len();
            if e <= end && bytes[pos + key..e].eq_ignore_ascii_case(&pat[key..]) {
                self.accept_from_word(text, pos, e, p as usize, refuse)
                    .map(|value| Found {
                        start: pos,
                        end: e,
                        value,
                    })
            } else {
                None
            }
        })
    }

    fn find_each_words<'s, R: Fn(&str, usize, usize) -> bool>(
        &'s self,
        w: &WordIndex,
        text: &str,
        range: std::ops::Range<usize>,
        refuse: &R,
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
            if text.is_char_boundary(pos)
                && is_boundary(text, pos)
                && let Some(found) =
                    self.longest_at(w, w.candidates(text, pos, ke), text, pos, end, refuse)
            {
                next = found.end;
                f(found);
            }
            pos = next;
        }
    }

    fn find_each_ac<'s, R: Fn(&str, usize, usize) -> bool>(
        &'s self,
        ac: &AhoCorasick,
        text: &str,
        range: std::ops::Range<usize>,
        refuse: &R,
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
                if let Some(v) =
                    self.accept(text, c.start(), c.end(), c.pattern().as_usize(), refuse)
                {
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

/// Refuses nothing.
fn refuse_none(_: &str, _: usize, _: usize) -> bool {
    false
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
    fn a_refused_match_gives_way() {
        // Asked only of a capitalised phrase written otherwise than listed;
        // then the phrase's next candidate, or a shorter phrase, is tried,
        // by the automaton and through a word table alike.
        fn refusing(
            phrases: &[(&str, Case, &'static str)],
            text: &str,
            refuse: impl Fn(&str, usize, usize) -> bool,
        ) -> Vec<(String, &'static str)> {
            let mut v = Vec::new();
            set(phrases).find_each_refusing(text, 0..text.len(), &refuse, |f| {
                v.push((text[f.start..f.end].to_owned(), *f.value))
            });
            let mut vocabulary = VocabularyBuilder::new();
            let mut b = PhraseSetBuilder::new();
            for (p, c, x) in phrases {
                b.add(p, *c, *x);
            }
            let by_words = b.build_in(&mut vocabulary);
            let table = vocabulary.build().table(text);
            let mut w = Vec::new();
            by_words.find_each_in_refusing(text, &table, 0..text.len(), &refuse, |f| {
                w.push((text[f.start..f.end].to_owned(), *f.value))
            });
            assert_eq!(v, w);
            v
        }
        let two = |t: &str, s: usize, e: usize| t[s..e].len() == 2;
        let xi = [("Xi", Case::Cap, "X")];
        assert_eq!(refusing(&xi, "XI, Xi, XI", two), [("Xi".into(), "X")]);
        assert_eq!(
            refusing(&xi, "XI, Xi", |_, _, _| false),
            [("XI".into(), "X"), ("Xi".into(), "X")]
        );
        let both = [("xi", Case::Any, "any"), ("Xi", Case::Cap, "cap")];
        assert_eq!(
            refusing(&both, "XI, Xi", two),
            [("XI".into(), "any"), ("Xi".into(), "cap")]
        );
        let aq = [("Al", Case::Cap, "al"), ("Al-Qaeda", Case::Cap, "aq")];
        let long = |t: &str, s: usize, e: usize| t[s..e].len() > 2;
        assert_eq!(refusing(&aq, "AL-QAEDA", long), [("AL".into(), "al")]);
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

    /// What the automaton finds, and what the word table finds (directly
    /// and through a document table of a vocabulary shared with another
    /// set), over the whole text and over a range inside it.
    fn both(text: &str) -> (Spans, Spans) {
        let builder = || {
            let mut b = PhraseSetBuilder::new();
            for (i, (p, c)) in PHRASES.iter().enumerate() {
                b.add(p, *c, i);
            }
            b
        };
        let mut vocabulary = VocabularyBuilder::new();
        let mut other = PhraseSetBuilder::new();
        other.add("sama", Case::Any, 0usize);
        other.add(",", Case::Any, 0usize);
        let _other = other.build_in(&mut vocabulary);
        let shared = builder().build_in(&mut vocabulary);
        let table = vocabulary.build().table(text);
        let (a, w) = (builder().build(), builder().build_by_words());
        let run = |s: &PhraseSet<usize>, from: usize, to: usize| {
            let mut v = Vec::new();
            s.find_each(text, from..to, |f| v.push((f.start, f.end, *f.value)));
            v
        };
        let run_in = |from: usize, to: usize| {
            let mut v = Vec::new();
            shared.find_each_in(text, &table, from..to, |f| {
                v.push((f.start, f.end, *f.value))
            });
            v
        };
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
            let expected = run(&a, f, t);
            left.extend(expected.clone());
            left.extend(expected);
            right.extend(run(&w, f, t));
            right.extend(run_in(f, t));
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
