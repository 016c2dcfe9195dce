//! Stage 4, relations: turns the mentions of each sentence into triples.
//!
//! `RelationStage::run` takes a document's [`Analysis`] with its sentences
//! and mentions and adds triples. Co-occurrence rows are written only when
//! asked for.

mod args;
mod reach;
mod rules;
mod sentence;

use std::collections::HashSet;
use std::sync::Arc;

use crate::analysis::{Analysis, Triple};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::lang::{Determiners, LangLexicon, Lexicons};
use crate::phrase::WordTable;
use crate::schema::{EntityType, Relation, WordClass};

/// Options of the relation stage.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RelationOptions {
    /// Also write a `co_occurs` triple for every pair of entities in a sentence.
    pub cooccurrence: bool,
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
    gaz: Arc<Gazetteer>,
    /// Articles and possessives, for the rules.
    determiners: Determiners,
    lexicons: Arc<Lexicons>,
}

impl RelationStage {
    pub fn new(
        gaz: Arc<Gazetteer>,
        lexicons: Arc<Lexicons>,
        options: RelationOptions,
    ) -> RelationStage {
        RelationStage {
            options,
            determiners: Determiners::new(&gaz),
            lexicons,
            gaz,
        }
    }

    /// The compiled lexicons (cues, titles, words).
    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// Adds the triples of every sentence to `analysis.triples`, reading
    /// (or making) the sentences' tokens in `ctx`.
    pub(crate) fn run(&self, ctx: &mut DocCtx, analysis: &mut Analysis) {
        let (text, words) = (ctx.text, &ctx.words);
        let gaz = &*self.gaz;
        let lex = self.lexicons.get(ctx.lang);
        let buffers = BUFFERS.with(|b| b.take());
        let mut scratch = sentence::Scratch::new(
            &self.determiners,
            self.lexicons.looked_up(),
            gaz,
            std::mem::take(&mut ctx.tokens),
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
}

/// `KABAR_DEBUG=1` prints each sentence's elements and triples (for
/// developing rules).
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("KABAR_DEBUG").is_some_and(|v| v == "1"))
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
