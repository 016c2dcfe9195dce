//! Stage 4, relations: turns the mentions of each sentence into triples.
//!
//! [`RelationStage::run`] takes a document's [`Analysis`] with its sentences
//! and mentions and adds triples (and decides whether a seat of government
//! is acting for its country or is a place). Co-occurrence rows are written
//! only when asked for.

mod args;
mod rules;
mod sentence;

use std::collections::HashSet;

use crate::analysis::{Analysis, EntityRef, Triple};
use crate::gazetteer::Gazetteer;
use crate::lang::{Determiners, LangLexicon, Lexicons};
use crate::phrase::WordTable;
use crate::schema::{AliasKind, EntityType, Lang, Relation, WordClass};
use crate::tokenize::{SentenceTokens, offset, previous_word};

/// Options of the relation stage.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RelationOptions {
    /// Also write a `co_occurs` triple for every pair of entities in a sentence.
    pub cooccurrence: bool,
    /// The language of every document; `None` detects it per document.
    pub lang: Option<Lang>,
    /// Build the elements of every sentence with two mentions, also those
    /// no rule can use (as `KABAR_DEBUG` does); the triples are the same,
    /// which a test checks.
    pub(crate) every_sentence: bool,
}

thread_local! {
    /// Each thread's relation buffers, reused from one document to the next.
    static BUFFERS: std::cell::RefCell<sentence::Buffers> = std::cell::RefCell::default();
}

/// The relation stage, built once from the gazetteer and shared by threads.
#[derive(Debug, Clone)]
pub struct RelationStage {
    pub(crate) options: RelationOptions,
    place_preps: HashSet<String>,
    /// Articles (passed over when looking for a place preposition before
    /// a seat) and possessives, for the rules.
    determiners: Determiners,
    lexicons: std::sync::Arc<Lexicons>,
}

impl RelationStage {
    pub fn new(
        gaz: &Gazetteer,
        lexicons: std::sync::Arc<Lexicons>,
        options: RelationOptions,
    ) -> RelationStage {
        let words_of = |class: WordClass| -> HashSet<String> {
            gaz.words
                .iter()
                .filter(|w| w.class == class)
                .map(|w| w.word.to_lowercase())
                .collect()
        };
        RelationStage {
            options,
            place_preps: words_of(WordClass::PlacePrep),
            determiners: Determiners::new(gaz),
            lexicons,
        }
    }

    /// The compiled lexicons (language detection, cues, titles).
    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// The language of a text: the fixed one, or detected by stop words.
    pub fn language(&self, text: &str) -> Lang {
        self.language_in(text, &WordTable::default())
    }

    /// [`language`](Self::language) through the text's word table.
    pub fn language_in(&self, text: &str, words: &WordTable) -> Lang {
        self.options
            .lang
            .unwrap_or_else(|| self.lexicons.detect_in(text, words))
    }

    /// Adds the triples of every sentence to `analysis.triples`. `words`
    /// is the text's word table (an empty one will do, slower).
    pub fn run(&self, gaz: &Gazetteer, text: &str, words: &WordTable, analysis: &mut Analysis) {
        self.run_with(gaz, text, words, analysis, SentenceTokens::default());
    }

    /// [`run`](Self::run), with the tokens of the sentences an earlier stage
    /// made (see [`crate::names::Names::find_with`]); the others are made
    /// here.
    pub fn run_with(
        &self,
        gaz: &Gazetteer,
        text: &str,
        words: &WordTable,
        analysis: &mut Analysis,
        tokens: SentenceTokens,
    ) {
        self.resolve_seats(text, analysis);
        let lang = analysis
            .lang
            .unwrap_or_else(|| self.language_in(text, words));
        analysis.lang = Some(lang);
        let lex = self.lexicons.get(lang);
        let buffers = BUFFERS.with(|b| b.take());
        let mut scratch = sentence::Scratch::new(
            &self.determiners,
            self.lexicons.looked_up(),
            gaz,
            tokens,
            debug() || self.options.every_sentence,
            buffers,
        );
        let mut triples = Vec::new();
        let mut s = 0;
        while (s as usize) < analysis.sentences.len() {
            let r = analysis.sentence_mentions(s);
            if r.len() >= 2
                && let Some(sent) =
                    sentence::Sent::new(text, words, lex, gaz, analysis, s, &mut scratch)
            {
                let before = triples.len();
                rules::extract(&sent, analysis, &mut triples);
                if debug() {
                    eprintln!("S{s}: {}", sent.describe());
                    for t in &triples[before..] {
                        eprintln!(
                            "   => {} {} {} neg={} ({})",
                            analysis
                                .entity(gaz, analysis.mentions[t.subject as usize].entity)
                                .id,
                            t.relation,
                            analysis
                                .entity(gaz, analysis.mentions[t.object as usize].entity)
                                .id,
                            t.negated,
                            t.rule
                        );
                    }
                }
                sent.recycle(&mut scratch);
            }
            // Skip sentences without mentions quickly.
            s = match analysis.mentions.get(r.end) {
                Some(m) if r.is_empty() => m.sentence,
                _ => s + 1,
            };
        }
        BUFFERS.with(|b| *b.borrow_mut() = scratch.into_buffers());
        analysis.triples = triples;
        carry_speakers(text, words, lex, analysis);
        if self.options.cooccurrence {
            cooccurrence(gaz, analysis);
        }
    }

    /// A seat of government (Moskow, Kremlin) is its country when it acts
    /// and a place after a place preposition ("di Beijing"), in a dateline
    /// ("MOSKOW –") or inside a longer name ("Olimpiade Musim Dingin Beijing").
    /// [`run`](Self::run) does this first; an entities-only run calls it alone.
    pub fn resolve_seats(&self, text: &str, analysis: &mut Analysis) {
        for i in 0..analysis.mentions.len() {
            let m = &analysis.mentions[i];
            if m.kind != AliasKind::Seat {
                continue;
            }
            let place = self.after_place_prep(text, m.start)
                || is_dateline(text, m.start, m.end)
                || after_capitalised_word(text, m.start);
            if place {
                // A place is itself, not its country: "di Beijing" is the
                // city Beijing (id as written), a LOCATION.
                let name = place_name(&text[m.start..m.end]);
                let id = name.replace(' ', "_");
                let local = analysis.local_entity(id, name, EntityType::Location);
                let m = &mut analysis.mentions[i];
                m.entity = local;
                m.etype = EntityType::Location;
            } else {
                analysis.mentions[i].etype = EntityType::Country;
            }
        }
    }

    /// Is the word before `start` a place preposition, or an article with
    /// one before it ("di Beijing", "at the Kremlin")?
    fn after_place_prep(&self, text: &str, start: usize) -> bool {
        let Some(w) = previous_word(text, start) else {
            return false;
        };
        let w_lower = w.to_lowercase();
        if self.place_preps.contains(&w_lower) {
            return true;
        }
        if self.determiners.is_article(w) {
            // The word before it.
            return previous_word(text, offset(text, w))
                .is_some_and(|p| self.place_preps.contains(&p.to_lowercase()));
        }
        false
    }
}

/// `KABAR_DEBUG=1` prints each sentence's elements and triples (for
/// developing rules).
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("KABAR_DEBUG").is_some_and(|v| v == "1"))
}

/// A place name as written, in title case when written in capitals
/// ("MOSKOW" → "Moskow").
fn place_name(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                w.to_owned()
            } else {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| {
                        c.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            }
        })
        .collect();
    words.join(" ")
}

/// "MOSKOW –", "Beijing | EGINDO.co –", "REPUBLIKA.CO.ID, BEIJING --": a
/// place near the start of a line followed by a dash or bar.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    // Look back at most 256 bytes: a dateline sits near the start of its
    // line (and a long text without line breaks must not be rescanned).
    let mut from = start.saturating_sub(256);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line_start = match text[from..start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    if text[line_start..start].chars().count() > 40 {
        return false;
    }
    let after = text[end..].trim_start_matches([' ', ',']);
    after.starts_with(['–', '—', '|']) || after.starts_with("- ") || after.starts_with("--")
}

/// True when the word before is capitalised and not the first of a
/// sentence: the seat is part of a longer name.
fn after_capitalised_word(text: &str, start: usize) -> bool {
    let Some(w) = previous_word(text, start) else {
        return false;
    };
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Is `w` the first word of its sentence or line?
    let w_start = start - (text[..start].len() - text[..start].trim_end().len()) - w.len();
    let before = text[..w_start].trim_end_matches([' ', '\t']);
    !(before.is_empty() || before.ends_with(['\n', '.', '!', '?', '"', '“', '(', ':']))
}

/// One `co_occurs` triple per pair of distinct PERSON/COUNTRY/ORGANIZATION
/// entities in a sentence, first mention as subject.
fn cooccurrence(gaz: &Gazetteer, analysis: &mut Analysis) {
    let n_sent = analysis.sentences.len() as u32;
    let mut out = Vec::new();
    for s in 0..n_sent {
        let range = analysis.sentence_mentions(s);
        let mut firsts: Vec<u32> = Vec::new();
        let mut seen = HashSet::new();
        for i in range {
            let m = &analysis.mentions[i];
            if m.etype == EntityType::Location {
                continue;
            }
            let id = &analysis.entity(gaz, m.entity).id;
            if seen.insert(id.as_str()) {
                firsts.push(i as u32);
            }
        }
        for (a, &i) in firsts.iter().enumerate() {
            for &j in &firsts[a + 1..] {
                out.push(Triple {
                    sentence: s,
                    subject: i,
                    relation: Relation::CoOccurs,
                    object: j,
                    negated: false,
                    trigger: None,
                    cameo: None,
                    speaker: None,
                    rule: rules::RuleId::Cooccurrence.as_str(),
                    intended: false,
                });
            }
        }
    }
    analysis.triples.extend(out);
    analysis
        .triples
        .sort_by_key(|t| (t.sentence, analysis.mentions[t.subject as usize].start));
}

/// The country each acting entity of a document stands for: a country
/// itself; a person by a title in the document ("Menlu Rusia Sergei
/// Lavrov"), else by the gazetteer's roles (the current or latest office
/// in a country); an organisation by a country named in its name.
pub fn actor_countries<'g>(
    gaz: &'g Gazetteer,
    a: &'g Analysis,
) -> rustc_hash::FxHashMap<EntityRef, &'g str> {
    let mut out = rustc_hash::FxHashMap::default();
    // The first title a person holds in the document (one pass: a long
    // document has many people and many triples).
    let mut titled: rustc_hash::FxHashMap<EntityRef, &'g str> = rustc_hash::FxHashMap::default();
    for t in &a.triples {
        if matches!(t.relation, Relation::LeaderOf | Relation::OfficialOf)
            && a.mentions[t.object as usize].etype == EntityType::Country
        {
            titled
                .entry(a.mentions[t.subject as usize].entity)
                .or_insert_with(|| {
                    a.entity(gaz, a.mentions[t.object as usize].entity)
                        .id
                        .as_str()
                });
        }
    }
    for (i, m) in a.mentions.iter().enumerate() {
        if out.contains_key(&m.entity) {
            continue;
        }
        let e = a.entity(gaz, m.entity);
        let country: Option<&str> = match m.etype {
            EntityType::Country => Some(e.id.as_str()),
            EntityType::Person => titled.get(&m.entity).copied().or_else(|| {
                e.roles
                    .iter()
                    .filter_map(|r| {
                        let x = gaz.entity(gaz.find(&r.of)?);
                        (x.etype == EntityType::Country).then_some((r, x.id.as_str()))
                    })
                    .max_by_key(|(r, _)| {
                        r.years
                            .iter()
                            .map(|y| y.1.unwrap_or(u16::MAX))
                            .max()
                            .unwrap_or(0)
                    })
                    .map(|(_, id)| id)
            }),
            EntityType::Organization => a.mentions[i + 1..]
                .iter()
                .take_while(|n| n.nested && n.start < m.end)
                .map(|n| a.entity(gaz, n.entity).id.as_str())
                .next(),
            EntityType::Location => None,
        };
        if let Some(c) = country {
            out.insert(m.entity, c);
        }
    }
    out
}

/// A quote opened in one sentence and closed in a later one of the same
/// line is the speaker's named right after its close ("“China mendukung
/// Rusia. Kami juga …,” kata Wang Yi"; "“…. …,” Xi said"): triples with no
/// speaker whose trigger is inside such a quote, in the sentence that
/// opens it or in the one that closes it, get that one.
fn carry_speakers(text: &str, words: &WordTable, lex: &LangLexicon, a: &mut Analysis) {
    // The sentence at hand, its quote marks and, once looked for, the
    // speaker of a quote it leaves open.
    let mut at_hand: Option<(u32, QuoteMarks, Option<Option<u32>>)> = None;
    for t in 0..a.triples.len() {
        let x = &a.triples[t];
        let (sentence, trigger) = match (&x.trigger, x.speaker) {
            (Some(tr), None) => (x.sentence, tr.start),
            _ => continue,
        };
        let range = a.sentences[sentence as usize].clone();
        if at_hand.is_none_or(|(s, _, _)| s != sentence) {
            at_hand = Some((sentence, QuoteMarks::of(&text[range.clone()]), None));
        }
        let (_, q, carried) = at_hand.as_mut().expect("set above");
        let at = trigger - range.start;
        let speaker = match (q.open_at_end, q.first) {
            // Opened here before the trigger, closed later.
            (Some((open_at, open)), _) if open_at < at => *carried
                .get_or_insert_with(|| speaker_after_close(text, words, lex, a, range.end, open)),
            // Opened in an earlier sentence, closed here after the trigger.
            (_, Some((close_at, '”' | '»'))) if close_at > at => {
                speaker_after_close(text, words, lex, a, trigger, '“')
            }
            _ => continue,
        };
        a.triples[t].speaker = speaker;
    }
}

/// Where a sentence's quote marks are: the first one, and the one still
/// open at its end (`“`, `«`, or a `"` after an even number of them),
/// with byte offsets into the sentence.
#[derive(Debug, Clone, Copy, Default)]
struct QuoteMarks {
    first: Option<(usize, char)>,
    open_at_end: Option<(usize, char)>,
}

impl QuoteMarks {
    fn of(sentence: &str) -> QuoteMarks {
        let mut q = QuoteMarks::default();
        let b = sentence.as_bytes();
        // `"`, and the lead bytes of `“”` (E2) and `«»` (C2).
        for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, b) {
            let Some(c) = sentence[i..].chars().next() else {
                continue;
            };
            if !matches!(c, '“' | '«' | '”' | '»' | '"') {
                continue;
            }
            q.first.get_or_insert((i, c));
            match c {
                '“' | '«' => q.open_at_end = Some((i, c)),
                '"' if matches!(q.open_at_end, Some((_, '"'))) => q.open_at_end = None,
                '"' if q.open_at_end.is_none() => q.open_at_end = Some((i, c)),
                '”' | '»' => q.open_at_end = None,
                _ => {}
            }
        }
        q
    }
}

/// The actor named right after the mark that closes an `open` quote after
/// byte `from`, in the same line and within three sentences: a speech
/// word, then the actor ("kata Wang Yi"), or the actor, then a speech word
/// ("Xi said").
fn speaker_after_close(
    text: &str,
    words: &WordTable,
    lex: &LangLexicon,
    a: &Analysis,
    from: usize,
    open: char,
) -> Option<u32> {
    let line_end = text[from..].find('\n').map_or(text.len(), |n| from + n);
    let closer: &[char] = if open == '"' { &['"'] } else { &['”', '»'] };
    let last = a.sentences.partition_point(|r| r.start < from) + 3;
    let limit = a
        .sentences
        .get(last)
        .map_or(line_end, |r| r.start.min(line_end));
    let close = from + text[from..limit].find(closer)?;
    let mut p = close + text[close..].chars().next()?.len_utf8();
    p += text[p..].len() - text[p..].trim_start_matches([',', ' ']).len();
    let speech_at = |at: usize| {
        let mut end = None;
        lex.words
            .find_each_in(text, words, at..(at + 40).min(text.len()), |f| {
                if f.start == at && f.value.has(WordClass::Speech) {
                    end = Some(f.end);
                }
            });
        end
    };
    let actor_at = |at: usize| {
        let k = a.mentions.partition_point(|m| m.start < at);
        a.mentions
            .get(k)
            .filter(|m| m.start == at && !m.nested && sentence::is_actor(m))
            .map(|_| k as u32)
    };
    let skip_space = |at: usize| at + text[at..].len() - text[at..].trim_start_matches(' ').len();
    if let Some(e) = speech_at(p) {
        return actor_at(skip_space(e));
    }
    let m = actor_at(p)?;
    speech_at(skip_space(a.mentions[m as usize].end)).map(|_| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_previous_words() {
        let t = "REPUBLIKA.CO.ID, MOSKOW – Presiden";
        let s = t.find("MOSKOW").unwrap();
        assert!(is_dateline(t, s, s + 6));
        let t = "Beijing | EGINDO.co – Diplomat";
        assert!(is_dateline(t, 0, 7));
        let t = "Kremlin mengatakan Beijing – itu";
        assert!(!is_dateline(t, 0, 7));
        let t = "tiba di  Beijing";
        assert_eq!(previous_word(t, t.find("Beijing").unwrap()), Some("di"));
        let t = "Olimpiade Musim Dingin Beijing pada";
        assert!(after_capitalised_word(t, t.find("Beijing").unwrap()));
        let t = "kata dia. Beijing akan";
        assert!(!after_capitalised_word(t, t.find("Beijing").unwrap()));
    }
}
