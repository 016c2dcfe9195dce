//! Speakers of quotes that span sentences: a post-pass over the triples.

use super::sentence;
use crate::analysis::Analysis;
use crate::lang::LangLexicon;
use crate::phrase::WordTable;
use crate::schema::WordClass;

/// A quote opened in one sentence and closed in a later one of the same
/// line is the speaker's named right after its close ("“China mendukung
/// Rusia. Kami juga …,” kata Wang Yi"; "“…. …,” Xi said"): triples with no
/// speaker whose trigger is inside such a quote, in the sentence that
/// opens it or in the one that closes it, get that one.
pub(super) fn carry_speakers(text: &str, words: &WordTable, lex: &LangLexicon, a: &mut Analysis) {
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
