//! The rules that turn one sentence's mentions into triples, without a
//! parser: the sentence becomes a row of elements (entity mentions, cues,
//! titles, function words, punctuation, other words); mentions are grouped
//! into chunks (a title with its person: "Presiden Rusia Vladimir Putin")
//! and coordinated groups ("China, Rusia, dan Iran"); then
//!
//! - titles and appositions give `leader_of` / `official_of`;
//! - membership words give `member_of`;
//! - each cue finds its subject (nearest group before it in the clause, or
//!   the genitive after a noun cue, or the agent of a passive) and its
//!   object (nearest group after it, through prepositions), with negation,
//!   reciprocity and symmetric relations handled; clause words, quotes and
//!   semicolons limit the reach.

use crate::analysis::{Analysis, EntityRef, Mention, Triple};
use crate::gazetteer::Gazetteer;
use crate::lang::morph::{self, Pos};
use crate::lang::{CueInfo, Determiners, Gapped, LangLexicon};
use crate::phrase::{Found, WordTable};
use crate::schema::Relation;
use crate::schema::{AliasKind, Classes, Direction, EntityType, Lang, WordClass};
use crate::tokenize::{SentenceTokens, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Index into `Analysis::mentions`.
    Ent(u32),
    /// Index into `Sent::cues`.
    Cue(u32),
    Title(Relation),
    Word(Classes),
    Punct(char),
    Other,
}

#[derive(Debug, Clone)]
struct El {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, Clone)]
struct Chunk {
    /// The mention that acts (the person of a title phrase).
    head: u32,
    first: usize,
    last: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// "dan", "and", "&", "-": closes a list.
    Conj,
    /// A lone comma: a list only if a conjunction follows.
    Comma,
}

#[derive(Debug, Clone)]
struct Group {
    /// Its chunks, which are consecutive.
    chunks: std::ops::Range<usize>,
    first: usize,
    last: usize,
}

/// What a search to the left found.
enum Left {
    Group(usize),
    /// A complementiser ("bahwa") at this element stopped the search.
    Comp(usize),
    /// A pronoun ("pihaknya") at this element stands for the subject.
    Pronoun(usize),
    /// A result connector ("sehingga") at this element: the subject is that
    /// of the clause before.
    Then(usize),
    None,
}

/// A phrase of one of the three sets a sentence is read with.
enum Phrase<'a> {
    Word(Found<'a, Classes>),
    Title(Found<'a, Relation>),
    Cue(Found<'a, CueInfo>),
}

/// Buffers reused from one sentence to the next: [`Sent::new`] takes them,
/// [`Sent::recycle`] gives them back.
pub(crate) struct Scratch<'a> {
    /// The determiners of the word lists, for every sentence.
    determiners: &'a Determiners,
    tokens: SentenceTokens,
    /// Bytes of the sentence already covered by a placed span.
    taken: Vec<bool>,
    placed: Vec<(usize, usize, Kind)>,
    cand: Vec<(usize, usize, u8, Kind)>,
    gaps: Vec<std::ops::Range<usize>>,
    /// The last sentence built, whose vectors the next one reuses.
    spare: Option<Sent<'a>>,
    /// Build every sentence, even one no rule can use (for `KABAR_DEBUG`).
    always: bool,
}

/// The vectors of a [`Scratch`], empty, kept from one document to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    taken: Vec<bool>,
    placed: Vec<(usize, usize, Kind)>,
    cand: Vec<(usize, usize, u8, Kind)>,
    gaps: Vec<std::ops::Range<usize>>,
    cues: Vec<&'static CueInfo>,
    v: Vecs,
}

impl Buffers {
    /// Buffers larger than this many sentence bytes are not kept: one huge
    /// sentence should not hold its memory for the rest of a run.
    const KEEP_BYTES: usize = 1 << 20;
}

/// An empty vector of references, reusing its allocation for another
/// lifetime (the same layout: collected in place).
fn relabel<'x, 'y, T>(mut v: Vec<&'x T>) -> Vec<&'y T> {
    v.clear();
    v.into_iter().map(|_| -> &'y T { unreachable!() }).collect()
}

impl<'a> Scratch<'a> {
    /// Buffers for a document whose sentences have the `tokens` made so
    /// far, in the vectors `b`; `always`: build every sentence.
    pub(crate) fn new(
        determiners: &'a Determiners,
        gaz: &'a Gazetteer,
        tokens: SentenceTokens,
        always: bool,
        b: Buffers,
    ) -> Self {
        Scratch {
            determiners,
            tokens,
            taken: b.taken,
            placed: b.placed,
            cand: b.cand,
            gaps: b.gaps,
            spare: Some(Sent {
                cues: relabel(b.cues),
                v: b.v,
                ..Sent::empty("", gaz, determiners)
            }),
            always,
        }
    }

    /// The vectors, emptied, for the next document (none if they grew
    /// past [`Buffers::KEEP_BYTES`]).
    pub(crate) fn into_buffers(self) -> Buffers {
        if self.taken.capacity() > Buffers::KEEP_BYTES {
            return Buffers::default();
        }
        let mut b = Buffers {
            taken: self.taken,
            placed: self.placed,
            cand: self.cand,
            gaps: self.gaps,
            ..Buffers::default()
        };
        if let Some(s) = self.spare {
            b.cues = relabel(s.cues);
            b.v = s.v;
        }
        b.taken.clear();
        b.placed.clear();
        b.cand.clear();
        b.gaps.clear();
        b
    }
}

pub(crate) struct Sent<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    determiners: &'a Determiners,
    /// The language of the lexicon the sentence was read with.
    lang: Lang,
    sentence: u32,
    cues: Vec<&'a CueInfo>,
    v: Vecs,
}

/// The per-sentence vectors of a [`Sent`] that hold no reference, kept
/// from one sentence and one document to the next.
#[derive(Default)]
struct Vecs {
    els: Vec<El>,
    /// Each cue's part of speech in this sentence: the lexicon's, except a
    /// verb form after a determiner, which is a noun ("the attack on").
    cue_pos: Vec<Pos>,
    /// Quote region of each element (0 = outside quotes).
    quote: Vec<u16>,
    chunk_of: Vec<Option<usize>>,
    chunks: Vec<Chunk>,
    group_of_chunk: Vec<usize>,
    groups: Vec<Group>,
    /// Groups that only describe ("Pemimpin Rusia": a title before a
    /// country with no name; "the Thai border": a demonym as a modifier)
    /// and do not act.
    descriptor: Vec<bool>,
    /// Of those, the ones that are a title's country ("Pemimpin Rusia").
    described: Vec<bool>,
    /// Groups of places only (LOCATION mentions: "Krimea", "Kharkiv").
    place: Vec<bool>,
    /// Groups of one person ("Sergei Lavrov").
    person: Vec<bool>,
}

const BOUNDARY_PUNCT: &[char] = &[
    ';', ':', '(', ')', '[', ']', '“', '”', '"', '«', '»', '—', '–', '|', '?', '!',
];

impl<'a> Sent<'a> {
    /// Builds the elements of sentence `s` of `a` (buffers from `scratch`); `None` when the sentence
    /// has no cue, no title and no structural word (collective, member,
    /// join, obligation), so that no rule can find a triple in it, unless `always`.
    pub(crate) fn new(
        text: &'a str,
        words: &WordTable,
        lex: &'a LangLexicon,
        gaz: &'a Gazetteer,
        a: &Analysis,
        s: u32,
        scratch: &mut Scratch<'a>,
    ) -> Option<Sent<'a>> {
        let range = a.sentences[s as usize].clone();

        // Spans to place: mentions first, then the longest phrases.
        let mut placed = std::mem::take(&mut scratch.placed);
        placed.clear();
        placed.extend(
            a.mentions[a.sentence_mentions(s)]
                .iter()
                .zip(a.sentence_mentions(s))
                .filter(|(m, _)| !m.nested)
                .map(|(m, i)| (m.start, m.end, Kind::Ent(i as u32))),
        );
        let mut sent = scratch
            .spare
            .take()
            .unwrap_or_else(|| Sent::empty(text, gaz, scratch.determiners));
        let mut cues = std::mem::take(&mut sent.cues);
        cues.clear();
        let cand = &mut scratch.cand;
        cand.clear();
        // Phrases are looked for in the gaps between mentions, so a title
        // never swallows part of a name ("Sekretaris | Dewan Keamanan …").
        let gaps = &mut scratch.gaps;
        gaps.clear();
        let mut at = range.start;
        for &(ms, me, _) in &placed {
            if ms > at {
                gaps.push(at..ms);
            }
            at = at.max(me);
        }
        if at < range.end {
            gaps.push(at..range.end);
        }
        // One phrase of the three sets, placed as a candidate.
        let mut add = |phrase: Phrase<'a>| match phrase {
            Phrase::Word(f) => {
                // A word with a structural role (negation, clause, preposition…)
                // wins over a cue or title of the same words; a soft one
                // (modal, light verb, collective…) gives way to them.
                let p = if f.value.is_soft() { 3 } else { 0 };
                cand.push((f.start, f.end, p, Kind::Word(*f.value)));
            }
            Phrase::Title(f) => cand.push((f.start, f.end, 1, Kind::Title(*f.value))),
            Phrase::Cue(f) => {
                // The second half of a hyphenated modifier is no event
                // ("its long-threatened invasion", "anti-war protests").
                let mut before = text[..f.start].chars().rev();
                if before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric) {
                    return;
                }
                cand.push((f.start, f.end, 2, Kind::Cue(cues.len() as u32)));
                cues.push(f.value);
            }
        };
        // The sets share the text's word table: its words are walked once
        // for all three (each set keeps its own leftmost-longest position).
        let one_walk = lex.words.reads(words) && lex.titles.reads(words) && lex.cues.reads(words);
        for gap in gaps.drain(..) {
            if !one_walk {
                lex.words
                    .find_each_in(text, words, gap.clone(), |f| add(Phrase::Word(f)));
                lex.titles
                    .find_each_in(text, words, gap.clone(), |f| add(Phrase::Title(f)));
                lex.cues
                    .find_each_in(text, words, gap, |f| add(Phrase::Cue(f)));
                continue;
            }
            let (mut next_word, mut next_title, mut next_cue) = (gap.start, gap.start, gap.start);
            for &(at, id) in words.words_in(gap.clone()) {
                let at = at as usize;
                if at >= next_word
                    && let Some(f) = lex.words.phrase_at(text, id, at, gap.end)
                {
                    next_word = f.end;
                    add(Phrase::Word(f));
                }
                if at >= next_title
                    && let Some(f) = lex.titles.phrase_at(text, id, at, gap.end)
                {
                    next_title = f.end;
                    add(Phrase::Title(f));
                }
                if at >= next_cue
                    && let Some(f) = lex.cues.phrase_at(text, id, at, gap.end)
                {
                    next_cue = f.end;
                    add(Phrase::Cue(f));
                }
            }
        }
        let triggers = cand.iter().any(|&(_, _, _, k)| match k {
            Kind::Cue(_) | Kind::Title(_) => true,
            Kind::Word(w) => w.is_trigger(),
            _ => false,
        });
        if !triggers && !scratch.always {
            scratch.placed = placed;
            sent.cues = cues;
            scratch.spare = Some(sent);
            return None;
        }
        let tokens = scratch.tokens.get(text, s as usize, range.clone());
        cand.sort_by_key(|&(s, e, p, _)| (std::cmp::Reverse(e - s), p, s));
        // Longest first; a span is placed when none of its bytes is taken.
        let taken = &mut scratch.taken;
        taken.clear();
        taken.resize(range.len(), false);
        for &(s, e, _) in &placed {
            taken[s - range.start..e - range.start].fill(true);
        }
        for &(s, e, _, k) in cand.iter() {
            let span = &mut taken[s - range.start..e - range.start];
            if !span.contains(&true) {
                span.fill(true);
                placed.push((s, e, k));
            }
        }
        placed.sort_by_key(|&(s, _, _)| s);

        let mut els = std::mem::take(&mut sent.v.els);
        els.clear();
        let mut p = 0;
        for t in tokens.iter() {
            while p < placed.len() && placed[p].1 <= t.start {
                p += 1;
            }
            if p < placed.len() && placed[p].0 <= t.start && t.start < placed[p].1 {
                let (ps, pe, k) = placed[p];
                if els.last().is_none_or(|e: &El| e.start != ps) {
                    els.push(El {
                        start: ps,
                        end: pe,
                        kind: k,
                    });
                }
                continue;
            }
            let tx = &text[t.start..t.end];
            let kind = if t.kind == TokenKind::Punct {
                let mut cs = tx.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Kind::Punct(c),
                    _ => Kind::Other,
                }
            } else {
                Kind::Other
            };
            els.push(El {
                start: t.start,
                end: t.end,
                kind,
            });
        }

        // A date in brackets ("pada Senin (12/5) secara resmi mendukung")
        // is no clause break: its elements are dropped.
        let mut k = 0;
        while k < els.len() {
            if els[k].kind == Kind::Punct('(')
                && let Some(close) =
                    (k + 1..(k + 7).min(els.len())).find(|&j| els[j].kind == Kind::Punct(')'))
                && close > k + 1
                && els[k + 1..close].iter().all(|e| {
                    text[e.start..e.end]
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
                })
            {
                els.drain(k..=close);
                continue;
            }
            k += 1;
        }

        // "fired anti-aircraft batteries at Russia", "engaged Filipino
        // peacekeepers in a firefight": a gapped head is a cue only when one
        // of its tails follows within reach, in the same clause; else it is
        // its plain form, or the function word it may also be ("launched",
        // a light verb), or a plain word.
        for i in 0..els.len() {
            let Kind::Cue(q) = els[i].kind else { continue };
            let Some(gi) = cues[q as usize].gapped else {
                continue;
            };
            let g = &lex.gapped[gi as usize];
            let tail_at = |k: usize, tail: &[String]| {
                let mut words = els[k..]
                    .iter()
                    .flat_map(|e| text[e.start..e.end].split_whitespace());
                tail.iter()
                    .all(|t| words.next().is_some_and(|w| w.to_lowercase() == *t))
            };
            let found = (i + 1..(i + 2 + Gapped::REACH).min(els.len()))
                .take_while(|&k| match els[k].kind {
                    Kind::Punct(c) => c != ',' && !BOUNDARY_PUNCT.contains(&c),
                    Kind::Word(c) => !c.has(WordClass::Clause),
                    _ => true,
                })
                .find_map(|k| g.tails.iter().find(|(tail, _)| tail_at(k, tail)));
            match found.map(|(_, info)| info).or(g.plain.as_ref()) {
                Some(info) => cues[q as usize] = info,
                None => {
                    let (start, end) = (els[i].start, els[i].end);
                    let mut kind = Kind::Other;
                    lex.words.find_each_in(text, words, start..end, |f| {
                        if f.start == start && f.end == end {
                            kind = Kind::Word(*f.value);
                        }
                    });
                    els[i].kind = kind;
                }
            }
        }

        // Quote regions.
        let mut quote = std::mem::take(&mut sent.v.quote);
        quote.clear();
        quote.resize(els.len(), 0);
        let mut region = 0u16;
        let mut open = false;
        for (i, e) in els.iter().enumerate() {
            match e.kind {
                Kind::Punct('“') | Kind::Punct('«') => {
                    region += 1;
                    open = true;
                }
                Kind::Punct('"') => {
                    if open {
                        open = false;
                    } else {
                        region += 1;
                        open = true;
                    }
                }
                Kind::Punct('”') | Kind::Punct('»') => open = false,
                _ => {}
            }
            quote[i] = if open { region } else { 0 };
        }

        scratch.placed = placed;
        sent.v.els = els;
        sent.v.quote = quote;
        let mut s = Sent {
            text,
            gaz,
            lang: lex.lang,
            sentence: s,
            cues,
            ..sent
        };
        let mut cue_pos = std::mem::take(&mut s.v.cue_pos);
        cue_pos.clear();
        cue_pos.extend(s.cues.iter().map(|c| c.pos));
        for i in 1..s.v.els.len() {
            // "the attack on", "its support for", "the bombing of",
            // "Albania's help": an English verb form after a determiner or
            // a possessive 's is the noun; so is a plural right after a verb
            // cue ("condemned attacks on", "criticized sanctions"), but not
            // a bare infinitive ("help support") or a gerund ("denied
            // attacking"). A participle is no event noun ("the invaded
            // country").
            if lex.lang != Lang::En {
                break;
            }
            let Kind::Cue(q) = s.v.els[i].kind else {
                continue;
            };
            // (The first word decides: "supplying weapons" is a gerund.)
            let w = s.word(i).split_whitespace().next().unwrap_or_default();
            let after_verb =
                matches!(s.v.els[i - 1].kind, Kind::Cue(p) if cue_pos[p as usize] == Pos::Verb);
            // "a surprise visit", "the deadly attack", "an Australian
            // ultimatum": one word or demonym between (not a plural, which
            // could be the subject: "the troops attack").
            let demonym = |k: usize| matches!(s.v.els[k].kind, Kind::Ent(m) if a.mentions[m as usize].kind == AliasKind::Demonym);
            let modified = i > 1
                && s.is_article(i - 2)
                && (s.is_plain_lower(i - 1) || demonym(i - 1))
                && !ends_with_ci(s.word(i - 1), "s")
                && !ends_with_ci(w, "s")
                && !ends_with_ci(w, "ing");
            if cue_pos[q as usize] == Pos::Verb
                && !ends_with_ci(w, "ed")
                && (s.is_article(i - 1)
                    || modified
                    || matches!(s.word(i - 1), "'s" | "’s")
                    || (after_verb && ends_with_ci(w, "s") && !ends_with_ci(w, "ss")))
            {
                cue_pos[q as usize] = Pos::Noun;
            }
        }
        s.v.cue_pos = cue_pos;
        s.v.chunks.clear();
        s.v.groups.clear();
        s.build_chunks(a);
        s.build_groups();
        let mut place = std::mem::take(&mut s.v.place);
        place.clear();
        place.extend((0..s.v.groups.len()).map(|g| {
            s.heads(g)
                .all(|m| a.mentions[m as usize].etype == EntityType::Location)
        }));
        s.v.place = place;
        let mut person = std::mem::take(&mut s.v.person);
        person.clear();
        person.extend((0..s.v.groups.len()).map(|g| {
            s.v.groups[g].chunks.len() == 1
                && s.heads(g)
                    .all(|m| a.mentions[m as usize].etype == EntityType::Person)
        }));
        s.v.person = person;
        // "Pemimpin Rusia": a title before a country, no name.
        let mut described = std::mem::take(&mut s.v.described);
        described.clear();
        described.extend((0..s.v.groups.len()).map(|g| {
            let grp = &s.v.groups[g];
            grp.chunks.len() == 1
                && matches!(s.v.els[grp.first].kind, Kind::Ent(_))
                && grp.first > 0
                && matches!(s.v.els[grp.first - 1].kind, Kind::Title(_))
        }));
        s.v.described = described;
        let mut descriptor = std::mem::take(&mut s.v.descriptor);
        descriptor.clear();
        descriptor.extend((0..s.v.groups.len()).map(|g| {
            let grp = &s.v.groups[g];
            // "the Thai border": a demonym before a noun that is not
            // people acting ("Afghan rebels", "Chinese officials") nor a
            // title ("Russian president"); the people may come a few
            // words later ("U.S. border patrol agents").
            let people = |k: usize| {
                s.has(k, WordClass::Collective)
                    || matches!(s.v.els.get(k).map(|e| e.kind), Some(Kind::Title(_)))
            };
            let people_follow = (grp.last + 1..grp.last + 4)
                .find(|&k| people(k))
                .is_some_and(|p| (grp.last + 1..p).all(|k| s.is_modifier(k)));
            let modifier = grp.chunks.len() == 1
                && grp.first == grp.last
                && matches!(s.v.els[grp.first].kind, Kind::Ent(_))
                && a.mentions[s.v.chunks[grp.chunks.start].head as usize].kind
                    == AliasKind::Demonym
                && s.is_modifier(grp.last + 1)
                && !people(grp.last + 1)
                && !people_follow;
            s.v.described[g] || modifier || s.stance(g)
        }));
        s.v.descriptor = descriptor;
        Some(s)
    }

    /// Gives the sentence's buffers back for the next one.
    pub(crate) fn recycle(self, scratch: &mut Scratch<'a>) {
        scratch.spare = Some(self);
    }

    /// A sentence with no elements (its vectors to be filled).
    fn empty(text: &'a str, gaz: &'a Gazetteer, determiners: &'a Determiners) -> Sent<'a> {
        Sent {
            text,
            gaz,
            determiners,
            lang: Lang::Id,
            sentence: 0,
            cues: Vec::new(),
            v: Vecs::default(),
        }
    }

    /// The elements as text, for debugging rules (`KABAR_DEBUG=1`).
    pub(crate) fn describe(&self) -> String {
        let mut out = String::new();
        for (i, e) in self.v.els.iter().enumerate() {
            let w = self.word(i);
            let tag = match e.kind {
                Kind::Ent(_) => format!("[{w}]g{}", self.group_at(i).map_or(-1, |g| g as i64)),
                Kind::Cue(q) => {
                    format!("<{w}:{}:{:?}>", self.cues[q as usize].relation, self.pos(q))
                }
                Kind::Title(r) => format!("{{{w}:{r}}}"),
                Kind::Word(_) => format!("'{w}'"),
                Kind::Punct(c) => c.to_string(),
                Kind::Other => w.to_owned(),
            };
            if self.v.quote[i] > 0 {
                out.push('q');
            }
            out.push_str(&tag);
            out.push(' ');
        }
        out
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.v.els[i].start..self.v.els[i].end]
    }

    /// The part of speech of cue `q` in this sentence.
    fn pos(&self, q: u32) -> Pos {
        self.v.cue_pos[q as usize]
    }

    fn classes(&self, i: usize) -> Classes {
        match self.v.els.get(i).map(|e| e.kind) {
            Some(Kind::Word(c)) => c,
            _ => Classes::default(),
        }
    }

    fn has(&self, i: usize, c: WordClass) -> bool {
        self.classes(i).has(c)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.v.els.get(i).map(|e| e.kind), Some(Kind::Punct(p)) if p == c)
    }

    fn mention<'m>(&self, a: &'m Analysis, i: usize) -> Option<&'m Mention> {
        match self.v.els.get(i)?.kind {
            Kind::Ent(m) => Some(&a.mentions[m as usize]),
            _ => None,
        }
    }

    /// A lower-case word with no role (a modifier like "militer", "blok").
    fn is_plain_lower(&self, i: usize) -> bool {
        matches!(self.v.els.get(i).map(|e| e.kind), Some(Kind::Other))
            && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Are the elements `r` (between two commas) an aside: one to three
    /// words with no entity, quote or bracket ("sementara itu",
    /// "however"), or a speech word and who speaks ("kata Lavrov")?
    fn is_aside(&self, r: std::ops::Range<usize>) -> bool {
        let plain = |k: usize| match self.v.els[k].kind {
            Kind::Punct(c) => c != ',' && !BOUNDARY_PUNCT.contains(&c),
            Kind::Ent(_) | Kind::Cue(_) | Kind::Title(_) => false,
            _ => true,
        };
        let speaker = r.len() >= 2
            && self.has(r.start, WordClass::Speech)
            && self.group_at(r.start + 1).is_some_and(|g| {
                self.v.groups[g].first == r.start + 1 && self.v.groups[g].last + 1 == r.end
            });
        speaker || (!r.is_empty() && r.len() <= 3 && r.clone().all(plain))
    }

    /// Are the elements `r` (between two commas, after a person) an
    /// apposition: a title, with at most the country or organisation it
    /// belongs to and a few function words ("the foreign minister of
    /// Russia", "Russia's foreign minister", "Menlu Rusia")?
    fn is_apposition(&self, r: std::ops::Range<usize>) -> bool {
        r.len() <= 8
            && r.clone()
                .any(|k| matches!(self.v.els[k].kind, Kind::Title(_)))
            && r.clone().all(|k| match self.v.els[k].kind {
                Kind::Cue(_) | Kind::Punct(_) => false,
                Kind::Ent(_) => self.group_at(k).is_some_and(|g| !self.v.person[g]),
                Kind::Word(c) => !c.has(WordClass::Clause) && !c.has(WordClass::Speech),
                _ => true,
            })
    }

    /// The nearest group before element `i` that can act (not a place or a
    /// descriptor), within the clause and the quote.
    fn nearest_actor_before(&self, i: usize) -> Option<usize> {
        (i.saturating_sub(16)..i)
            .rev()
            .take_while(|&k| self.v.quote[k] == self.v.quote[i] && !self.is_boundary(k))
            .find_map(|k| {
                self.group_at(k)
                    .filter(|&g| !self.v.descriptor[g] && !self.v.place[g])
            })
    }

    /// For a group after "of" ("sides of … Cyprus"), the actor group of
    /// the head noun before "of", with only plain words, modifiers,
    /// collectives and places with their own "of" between.
    fn head_before_of(&self, g: usize) -> Option<usize> {
        let mut k = self.v.groups[g].first;
        let mut of_seen = false;
        for _ in 0..10 {
            k = k.checked_sub(1)?;
            if let Some(h) = self.group_at(k) {
                if !of_seen {
                    return None;
                }
                if self.v.place[h] && self.has(self.v.groups[h].last + 1, WordClass::PatientPrep) {
                    // "the island of Cyprus": look on.
                    k = self.v.groups[h].first;
                    continue;
                }
                return (!self.v.descriptor[h]
                    || self.has(self.v.groups[h].last + 1, WordClass::Collective)
                    || self.has(self.v.groups[h].last + 1, WordClass::Coord))
                .then_some(h);
            }
            if self.has(k, WordClass::PatientPrep) && self.word(k).eq_ignore_ascii_case("of") {
                of_seen = true;
                continue;
            }
            let plain = matches!(self.v.els[k].kind, Kind::Other);
            if !(plain || self.is_modifier(k) || self.has(k, WordClass::Collective)) {
                return None;
            }
        }
        None
    }

    /// Is element `k` a relative pronoun ("yang", "who", "which")?
    fn is_relative_pronoun(&self, k: usize) -> bool {
        self.has(k, WordClass::Clause)
            && ["yang", "who", "which"]
                .iter()
                .any(|x| self.word(k).eq_ignore_ascii_case(x))
    }

    /// Are the elements `r` (between two commas) a relative clause: a
    /// relative pronoun first, and no quote or clause break?
    fn is_relative(&self, r: std::ops::Range<usize>) -> bool {
        !r.is_empty()
            && self.is_relative_pronoun(r.start)
            && r.clone().all(|k| {
                !self.is_boundary(k)
                    || k == r.start
                    || (k == r.start + 1 && self.relative_adverb(k))
            })
    }

    /// A clause word right after a relative pronoun is an adverb of the
    /// relative clause ("yang kemudian bertemu", "which then attacked"),
    /// not a clause break.
    fn relative_adverb(&self, k: usize) -> bool {
        k > 0
            && self.is_relative_pronoun(k - 1)
            && self.has(k, WordClass::Clause)
            && !self.is_relative_pronoun(k)
    }

    /// Can element `i`, right after "to"/"untuk", be the verb of an
    /// infinitive: a lower-case word that is no article, or an undo or
    /// light verb ("to lift", "untuk mencabut", "to hold")?
    fn is_infinitive_verb(&self, i: usize) -> bool {
        (self.is_plain_lower(i) && !self.is_article(i))
            || self.has(i, WordClass::Undo)
            || self.has(i, WordClass::LightVerb)
    }

    /// A lower-case word that can modify a noun ("militer", "diplomatik"):
    /// a plain word or a function word with no structural role.
    fn is_modifier(&self, i: usize) -> bool {
        if self.is_plain_lower(i) {
            return true;
        }
        let Some(Kind::Word(c)) = self.v.els.get(i).map(|e| e.kind) else {
            return false;
        };
        !c.is_structural() && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    fn is_boundary(&self, i: usize) -> bool {
        match self.v.els[i].kind {
            Kind::Punct(c) => BOUNDARY_PUNCT.contains(&c),
            Kind::Word(c) => c.has(WordClass::Clause),
            _ => false,
        }
    }

    /// Chunks: a title with the person it introduces ("Presiden Rusia
    /// Vladimir Putin", "Chinese President Xi Jinping"); an entity with its
    /// bracketed acronym ("Organisasi Kesehatan Dunia (WHO)"); any other
    /// mention alone.
    fn build_chunks(&mut self, a: &Analysis) {
        let n = self.v.els.len();
        self.v.chunk_of.clear();
        self.v.chunk_of.resize(n, None);
        let mut i = 0;
        while i < n {
            // A title and its person; in English order, a country or
            // demonym first ("Russian President Boris Yeltsin", "U.S.
            // Secretary of State Warren Christopher").
            let english_order = || {
                (i + 1 < n
                    && self.mention(a, i).is_some_and(|m| {
                        m.etype == EntityType::Country || m.kind == AliasKind::Demonym
                    }))
                .then(|| self.title_phrase(a, i + 1))
                .flatten()
                .filter(|&(_, first)| first == i)
            };
            if let Some((person, first)) = self.title_phrase(a, i).or_else(english_order) {
                let c = self.v.chunks.len();
                let last = self.with_acronym(person);
                self.v.chunks.push(Chunk {
                    head: self.ent(person),
                    first,
                    last,
                });
                for k in first..=last {
                    self.v.chunk_of[k] = Some(c);
                }
                i = last + 1;
                continue;
            }
            if let Kind::Ent(m) = self.v.els[i].kind {
                let c = self.v.chunks.len();
                let last = self.with_acronym(i);
                self.v.chunks.push(Chunk {
                    head: m,
                    first: i,
                    last,
                });
                for k in i..=last {
                    self.v.chunk_of[k] = Some(c);
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
    }

    fn ent(&self, i: usize) -> u32 {
        match self.v.els[i].kind {
            Kind::Ent(m) => m,
            _ => unreachable!("not an entity element"),
        }
    }

    /// `i` followed by "(ACRONYM)" ends at the closing bracket.
    fn with_acronym(&self, i: usize) -> usize {
        if self.is_punct(i + 1, '(')
            && matches!(self.v.els.get(i + 2).map(|e| e.kind), Some(Kind::Ent(_)))
            && self.is_punct(i + 3, ')')
        {
            i + 3
        } else {
            i
        }
    }

    /// A title at `i` (optionally preceded by a country or demonym)
    /// followed by a person within a few words: returns (person element,
    /// first element of the phrase).
    fn title_phrase(&self, a: &Analysis, i: usize) -> Option<(usize, usize)> {
        if !matches!(self.v.els[i].kind, Kind::Title(_)) && !self.has(i, WordClass::Collective) {
            return None;
        }
        let first = if i > 0
            && self
                .mention(a, i - 1)
                .is_some_and(|m| m.etype == EntityType::Country || m.kind == AliasKind::Demonym)
            && self.v.chunk_of[i - 1].is_none()
        {
            i - 1
        } else {
            i
        };
        let mut j = i + 1;
        let mut seen_comma = false;
        while j < self.v.els.len() && j <= i + 12 {
            match self.v.els[j].kind {
                Kind::Ent(m) => {
                    if a.mentions[m as usize].etype == EntityType::Person {
                        // "penasihat … Putin, Yuri Ushakov": the holder is the
                        // second person; the first is whose adviser.
                        if self.is_punct(j + 1, ',')
                            && self
                                .mention(a, j + 2)
                                .is_some_and(|m| m.etype == EntityType::Person)
                        {
                            return Some((j + 2, first));
                        }
                        return Some((j, first));
                    }
                    j = self.with_acronym(j) + 1;
                    continue;
                }
                Kind::Punct(',') if !seen_comma => seen_comma = true,
                Kind::Punct('(') | Kind::Punct(')') | Kind::Title(_) => {}
                Kind::Word(c) if c.has(WordClass::PrepObj) || c.has(WordClass::Coord) => {}
                Kind::Other if !seen_comma => {}
                _ => return None,
            }
            j += 1;
        }
        None
    }

    /// Groups: chunks joined by commas and "dan"/"and" ("China, Rusia, dan
    /// Iran"), allowing one plain word after the conjunction ("AS dan blok
    /// NATO") and a short aside between commas ("Putin, kiri, dan Xi").
    fn build_groups(&mut self) {
        self.v.group_of_chunk.clear();
        self.v.group_of_chunk.resize(self.v.chunks.len(), 0);
        let mut c = 0;
        while c < self.v.chunks.len() {
            let g = self.v.groups.len();
            // Chunks `c..end` are joined so far; the join after the k-th
            // of them is the k-th join.
            let mut end = c + 1;
            let mut last = self.v.chunks[c].last;
            // Joins by a lone comma count only when a conjunction closes
            // the list ("A, B, dan C"); "Dewan …, Nikolai Patrushev," is an
            // apposition, not a list.
            let (mut last_conj, mut first_comma) = (None, None);
            while let Some(next) = self.v.chunks.get(end) {
                let Some(j) = self.joins(last + 1, next.first) else {
                    break;
                };
                let k = end - c - 1;
                match j {
                    Join::Conj => last_conj = Some(k),
                    Join::Comma => {
                        first_comma.get_or_insert(k);
                    }
                }
                end += 1;
                last = next.last;
            }
            // "India, Pakistan, dan empat negara …": a conjunction right
            // after the last entity also closes the list.
            let after = self.v.chunks[end - 1].last + 1;
            let conj_after = self.has(after, WordClass::Coord)
                || (self.is_punct(after, ',') && self.has(after + 1, WordClass::Coord));
            if !conj_after {
                if let Some(close) = last_conj {
                    end = c + close + 2;
                } else if let Some(comma) = first_comma {
                    end = c + comma + 1;
                }
            }
            // Two entities joined by ", dan" / ", and" are two clauses,
            // not a list ("mengecam China, dan Jepang mendukung …").
            if end == c + 2 {
                let (gap_from, gap_to) = (self.v.chunks[c].last + 1, self.v.chunks[c + 1].first);
                if gap_to == gap_from + 2
                    && self.is_punct(gap_from, ',')
                    && self.has(gap_from + 1, WordClass::Coord)
                {
                    end = c + 1;
                }
            }
            last = self.v.chunks[end - 1].last;
            self.v.group_of_chunk[c..end].fill(g);
            self.v.groups.push(Group {
                first: self.v.chunks[c].first,
                last,
                chunks: c..end,
            });
            c = end;
        }
    }

    /// How the elements `from..to` join two chunks into a group, if they do.
    fn joins(&self, from: usize, to: usize) -> Option<Join> {
        if to < from || to - from > 4 {
            return None;
        }
        let all = [from, from + 1, from + 2, from + 3];
        let conj = |i: usize| self.has(i, WordClass::Coord) || self.is_punct(i, '&');
        let ok = match &all[..to - from] {
            [a] if conj(*a) => Join::Conj,
            [a] if self.is_punct(*a, ',') => Join::Comma,
            // "Rusia-China", "China-WHO"
            [a] if (self.is_punct(*a, '-') || self.is_punct(*a, '/'))
                && self.v.els[*a].start == self.v.els[*a - 1].end
                && self.v.els[*a].end == self.v.els[*a + 1].start =>
            {
                Join::Conj
            }
            [a, b] if self.is_punct(*a, ',') && conj(*b) => Join::Conj,
            [a, b] if conj(*a) && self.is_plain_lower(*b) => Join::Conj,
            [a, b, c, d]
                if self.is_punct(*a, ',')
                    && self.is_plain_lower(*b)
                    && self.is_punct(*c, ',')
                    && conj(*d) =>
            {
                Join::Conj
            }
            _ => return None,
        };
        Some(ok)
    }

    fn group_at(&self, i: usize) -> Option<usize> {
        self.v
            .chunk_of
            .get(i)
            .copied()
            .flatten()
            .map(|c| self.v.group_of_chunk[c])
    }

    fn heads(&self, g: usize) -> impl Iterator<Item = u32> + '_ {
        self.v.groups[g]
            .chunks
            .clone()
            .map(|c| self.v.chunks[c].head)
    }

    /// Is the group governed by a preposition (so not a subject)?
    fn after_prep(&self, g: usize) -> bool {
        // "dengan Beijing", "by the European Union", "oleh pasukan Rusia":
        // a preposition, with at most two modifiers or articles between.
        let f = self.v.groups[g].first;
        let mut k = f;
        for _ in 0..3 {
            if k == 0 {
                return false;
            }
            k -= 1;
            let c = self.classes(k);
            if c.has(WordClass::PrepObj) || c.has(WordClass::PlacePrep) || c.has(WordClass::Agent) {
                return true;
            }
            if !self.is_modifier(k) && !self.is_article(k) {
                return false;
            }
        }
        false
    }

    /// A determiner: an article ("the", "a", "this") or a possessive ("its").
    fn is_article(&self, k: usize) -> bool {
        self.determiners.is_determiner(self.word(k))
    }

    /// A possessive determiner ("its", "their", "his").
    fn is_possessive(&self, k: usize) -> bool {
        self.determiners.is_possessive(self.word(k))
    }

    /// The subject candidate before element `i`, in the same clause.
    fn left(&self, i: usize) -> Left {
        let mut commas = 0;
        let mut j = i;
        while j > 0 && i - j < 24 {
            j -= 1;
            if self.v.quote[j] != self.v.quote[i] {
                return Left::None;
            }
            if self.v.quote[i] != 0 && j > 0 && self.v.quote[j - 1] != self.v.quote[i] {
                // The cue's quote opens at `j`, a few words before it, with
                // no entity between: the group right before the quote is
                // whose words they are and the subject ("Putin “sangat
                // mendukung …", "Biden \"strongly supports …").
                return match self.group_at(j - 1) {
                    Some(g)
                        if i - j <= 4
                            && (j + 1..i).all(|k| !matches!(self.v.els[k].kind, Kind::Ent(_))) =>
                    {
                        Left::Group(g)
                    }
                    _ => Left::None,
                };
            }
            if let Some(g) = self.group_at(j) {
                if self.after_prep(g) || self.v.descriptor[g] {
                    j = self.v.groups[g].first;
                    continue;
                }
                // "The Turkish and Greek sides of the island of Cyprus
                // agreed": after "of", the actor is the head before it when
                // the head has one ("The leaders of China and Russia" has
                // none).
                if let Some(head) = self.head_before_of(g) {
                    return Left::Group(head);
                }
                return Left::Group(g);
            }
            // "memperingatkan para pejabat tentang konsekuensi mendukung
            // …": an act after the object (people) or in a prepositional
            // phrase of a judging verb, with no group between, has no
            // subject we know (but "menolak mengecam", "threatened to cut
            // off", "threatened on Monday to resume": its direct complement,
            // or an act after "to", is its subject's act).
            if let Kind::Cue(q) = self.v.els[j].kind
                && self.pos(q) == Pos::Verb
                && judges(self.cues[q as usize].relation)
                && (j + 1..i).all(|k| {
                    !matches!(self.v.els[k].kind, Kind::Ent(_))
                        && !self.has(k, WordClass::Infinitive)
                })
                && (j + 1..i).any(|k| {
                    let c = self.classes(k);
                    ((c.has(WordClass::PrepObj)
                        || c.has(WordClass::PlacePrep)
                        || c.has(WordClass::Agent))
                        && !c.has(WordClass::Infinitive))
                        || c.has(WordClass::Collective)
                })
            {
                return Left::None;
            }
            let c = self.classes(j);
            if c.has(WordClass::Pronoun) {
                return Left::Pronoun(j);
            }
            if c.has(WordClass::Comp) {
                return Left::Comp(j);
            }
            if c.has(WordClass::Then) {
                return Left::Then(j);
            }
            if c.has(WordClass::Clause) {
                // "Karen Donfried, yang mengunjungi Moskow": the head
                // before a relative pronoun is its subject (also through
                // an adverb: "yang kemudian bertemu").
                let j = if self.relative_adverb(j) { j - 1 } else { j };
                let mut k = j;
                if k > 0 && self.is_punct(k - 1, ',') {
                    k -= 1;
                }
                if self.is_relative_pronoun(j) {
                    return match k.checked_sub(1).and_then(|x| self.group_at(x)) {
                        Some(g) => Left::Group(g),
                        None => Left::None,
                    };
                }
                return Left::None;
            }
            if self.is_boundary(j) {
                return Left::None;
            }
            if self.is_punct(j, ',') {
                // A person's apposition or a relative clause right before
                // the predicate: "Sergei Lavrov, the foreign minister of
                // Russia, met …", "Putin, who met Xi, criticized …": the
                // group before it is the subject.
                if i - j <= 4
                    && (j + 1..i).all(|k| self.group_at(k).is_none() && !self.is_boundary(k))
                    && let Some(p) = (j.saturating_sub(13)..j)
                        .rev()
                        .find(|&p| self.is_punct(p, ','))
                    && p > 0
                    && let Some(g) = self.group_at(p - 1)
                    && !self.after_prep(g)
                    && !self.v.descriptor[g]
                    && ((self.v.person[g] && self.is_apposition(p + 1..j))
                        || self.is_relative(p + 1..j))
                {
                    return Left::Group(g);
                }
                // An aside between two commas right before the predicate:
                // "Putin, sementara itu, menuntut …", "China, however,
                // rejected …", "Rusia, kata Lavrov, mendukung …"; the group
                // before it is the subject.
                if i - j <= 4
                    && (j + 1..i).all(|k| self.group_at(k).is_none() && !self.is_boundary(k))
                    && let Some(p) = (j.saturating_sub(4)..j.saturating_sub(1))
                        .rev()
                        .find(|&p| self.is_punct(p, ','))
                    && p > 0
                    && self.is_aside(p + 1..j)
                    && let Some(g) = self.group_at(p - 1)
                    && !self.after_prep(g)
                    && !self.v.descriptor[g]
                {
                    return Left::Group(g);
                }
                commas += 1;
                if commas > 2 {
                    return Left::None;
                }
            }
        }
        Left::None
    }

    /// The subject of a cue at `i`: the nearest group before it; through a
    /// pronoun or "bahwa" to the subject of the reporting or denying verb.
    /// Returns the group and whether a denial negates the cue.
    fn subject(&self, i: usize) -> Option<(usize, bool)> {
        if let Some(g) = self.permitted(i) {
            return Some((g, false));
        }
        self.subject_nearby(i).or_else(|| {
            // "menyelaraskan kebijakan mereka untuk melawan dominasi AS",
            // "sent troops to attack Iraq": a verb after an infinitive
            // marker with no subject of its own completes its clause, and
            // takes that clause's subject.
            (i > 0 && self.has(i - 1, WordClass::Infinitive))
                .then(|| self.clause_subject(i - 1))
                .flatten()
                .map(|g| (g, false))
        })
    }

    /// "gave permission to Russia to help", "appealed to the UN to
    /// send": the group after a preposition that a wanting, asking or
    /// permitting word introduces, right before "to"/"untuk" and the cue
    /// at `i`, is who would act.
    fn permitted(&self, i: usize) -> Option<usize> {
        if i < 3 || !self.has(i - 1, WordClass::Infinitive) {
            return None;
        }
        let g = self.group_at(i - 2)?;
        let first = self.v.groups[g].first;
        if self.v.groups[g].last != i - 2 || first < 2 || !self.has(first - 1, WordClass::PrepObj) {
            return None;
        }
        (first.saturating_sub(4)..first - 1)
            .any(|k| self.has(k, WordClass::Modal))
            .then_some(g)
    }

    /// [`subject`](Self::subject) before the fallback to the clause's.
    fn subject_nearby(&self, i: usize) -> Option<(usize, bool)> {
        // "… menyambut baik X serta mendukung Y": a predicate joined by a
        // conjunction shares the subject of its clause.
        // "… tidak mengakui Israel dan tidak menjalin …": through negation.
        let mut c = i;
        while c > 0 && (self.has(c - 1, WordClass::Neg) || self.has(c - 1, WordClass::Irrealis)) {
            c -= 1;
        }
        if c > 0 && self.has(c - 1, WordClass::Coord) && self.group_at(c - 1).is_none() {
            if let Some(g) = self.clause_subject(c - 1) {
                return Some((g, false));
            }
        }
        let at = match self.left(i) {
            Left::Group(g) => return Some((g, false)),
            Left::None => return None,
            Left::Then(t) => return self.clause_subject(t).map(|g| (g, false)),
            Left::Pronoun(p) => {
                // Only a pronoun that a reporting clause explains:
                // "X mengatakan mereka …", "X membantah bahwa pihaknya …".
                if p > 0 && self.has(p - 1, WordClass::Speech) {
                    return match self.left(p - 1) {
                        Left::Group(g) => Some((g, false)),
                        _ => None,
                    };
                }
                match self.left(p) {
                    Left::Comp(c) => c,
                    _ => return None,
                }
            }
            // "membantah bahwa akan menyerang": no subject of its own, so
            // the reporting verb's; but "that the European Community
            // partners refuse": a subject we do not know, so none.
            Left::Comp(c) => {
                let nouns = (c + 1..i)
                    .filter(|&k| matches!(self.v.els[k].kind, Kind::Other))
                    .count();
                if nouns > 1 {
                    return None;
                }
                c
            }
        };
        // `at` is a "bahwa"/"that": the predicate before it reports or
        // denies. Without such a verb it is a relative "that" ("a
        // resolution that …"), whose subject we do not know.
        let mut k = at;
        let mut verb = None;
        while k > 0 && at - k < 7 {
            k -= 1;
            if let Kind::Cue(q) = self.v.els[k].kind {
                verb = Some(self.cues[q as usize].relation == Relation::Reject);
                break;
            }
            if self.has(k, WordClass::Speech) || self.has(k, WordClass::LightVerb) {
                verb = Some(false);
                break;
            }
            if self.group_at(k).is_some() || self.is_boundary(k) {
                break;
            }
        }
        let denial = verb?;
        match self.left(k) {
            Left::Group(g) => Some((g, denial)),
            _ => None,
        }
    }

    /// The subject of the clause that ends before element `i`: its first
    /// group that is not governed by a preposition; for a relative clause
    /// ("X, yang …"), the group before "yang".
    fn clause_subject(&self, i: usize) -> Option<usize> {
        let mut best = None;
        let mut j = i;
        while j > 0 && i - j < 30 {
            j -= 1;
            if self.v.quote[j] != self.v.quote[i]
                || self.is_boundary(j)
                || self.has(j, WordClass::Comp)
            {
                if self.has(j, WordClass::Clause) && self.word(j).eq_ignore_ascii_case("yang") {
                    let k = if j > 0 && self.is_punct(j - 1, ',') {
                        j - 1
                    } else {
                        j
                    };
                    return k.checked_sub(1).and_then(|x| self.group_at(x)).or(best);
                }
                break;
            }
            if let Some(g) = self.group_at(j) {
                if !self.after_prep(g) && !self.v.descriptor[g] {
                    best = Some(g);
                }
                j = self.v.groups[g].first;
            }
        }
        best
    }

    /// The object of a cue at `i`: the nearest group after it in the clause,
    /// through prepositions; a place after "di"/"in" only for attacks, and
    /// after "ke"/"to" only for attacks and visits.
    fn object(&self, i: usize, rel: Relation) -> Option<usize> {
        let noun = matches!(self.v.els[i].kind, Kind::Cue(q) if self.pos(q) == Pos::Noun)
            || matches!(self.v.els[i].kind, Kind::Ent(_));
        let mut j = i + 1;
        let mut place: Option<usize> = None;
        let n = self.v.els.len();
        // "agreed to lift the sanctions on Iran", "setuju untuk mencabut
        // sanksi": a verb cue before an infinitive names an act, and what
        // follows belongs to that act. But a threat is made to the one the
        // threatened act would hit ("threatened to break relations with
        // Russia", CAMEO 13).
        let threat = rel == Relation::Warn;
        // Has "to"/"untuk"/"akan" opened the threatened act?
        let mut act = false;
        if self.has(j, WordClass::Infinitive) && self.is_infinitive_verb(j + 1) && !threat {
            return None;
        }
        // "menghargai bahwa Putin …", "menuntut jaminan bahwa NATO …": the
        // subject of a clause right after the cue is its object (not for
        // denials: "membantah bahwa …" denies an act, not an entity).
        if rel != Relation::Reject {
            let k = (j..(j + 2).min(n)).find(|&k| self.has(k, WordClass::Comp));
            if let Some(k) = k
                && (j..k).all(|x| self.is_plain_lower(x) || self.has(x, WordClass::Time))
            {
                j = k + 1;
            }
        }
        while j < n && j - i < 16 {
            if self.v.quote[j] != self.v.quote[i] && !matches!(self.v.els[j].kind, Kind::Punct(_)) {
                return None;
            }
            if let Some(g) = self.group_at(j) {
                if self.stance(g) {
                    // "senilai 10 juta dolar AS kepada Myanmar": look on.
                    j = self.v.groups[g].last + 1;
                    continue;
                }
                if let Some(p) = place {
                    let w = self.word(p);
                    // (A threatened act in a place threatens it: "threatened
                    // to resume attacks in Israel".)
                    let ok = rel == Relation::Attack
                        || (threat && act && !noun)
                        || (rel == Relation::Meet
                            && (w.eq_ignore_ascii_case("ke") || w.eq_ignore_ascii_case("to")));
                    if !ok {
                        j = self.v.groups[g].last + 1;
                        place = None;
                        continue;
                    }
                }
                // A described country ("Pemimpin Rusia") is no object; a
                // demonym modifier is the possessor ("rejected an Australian
                // ultimatum") unless it describes a place ("in the Thai
                // border area").
                let first = self.v.groups[g].first;
                if self.v.described[g]
                    || (self.v.descriptor[g]
                        && ((first.saturating_sub(3)..first).any(|k| {
                            self.has(k, WordClass::PlacePrep) && !self.has(k, WordClass::PrepObj)
                        }) || self.has(self.v.groups[g].last + 1, WordClass::PlaceNoun)))
                {
                    return None;
                }
                // "mencaplok Krimea dari Ukraina", "attacked Kharkiv in
                // Ukraine", "mencaplok Krimea Ukraina": an attack on a place
                // is on the country named right after it.
                if rel == Relation::Attack && self.v.place[g] {
                    let p = self.v.groups[g].last + 1;
                    let after =
                        if self.has(p, WordClass::PlacePrep) || self.has(p, WordClass::Agent) {
                            self.group_at(p + 1)
                        } else {
                            self.group_at(p)
                        };
                    if let Some(c) = after
                        && !self.v.place[c]
                    {
                        return Some(c);
                    }
                }
                return Some(g);
            }
            match self.v.els[j].kind {
                Kind::Word(c) => {
                    if c.has(WordClass::Clause)
                        || c.has(WordClass::Comp)
                        || (c.has(WordClass::Relationship) && !threat)
                    {
                        return None;
                    }
                    act |= c.has(WordClass::Infinitive) || c.has(WordClass::Modal);
                    // "ancaman … dari AS": for a noun, "dari"/"from" brings
                    // its subject; after a verb it is the object's source
                    // ("rejected an offer from Kabul").
                    if noun && c.has(WordClass::Agent) && !c.has(WordClass::PrepObj) {
                        return None;
                    }
                    if c.has(WordClass::PlacePrep) && !c.has(WordClass::PrepObj) {
                        place = Some(j);
                    } else if c.has(WordClass::PrepObj) {
                        place = None;
                    }
                }
                // ("mengancam untuk memutuskan hubungan dengan Israel": once
                // "to"/"untuk"/"akan" opened the threatened act, its own
                // verbs do not end a threat's reach.)
                Kind::Cue(q) if self.pos(q) != Pos::Noun && !(threat && act) => return None,
                // "condemned the attack on Ukraine by Russia": who judges an
                // act judges its doer, named after the noun, not its target.
                Kind::Cue(q)
                    if !noun
                        && matches!(
                            rel,
                            Relation::Criticize | Relation::Praise | Relation::Reject
                        ) =>
                {
                    let cue = self.cues[q as usize];
                    let genitive = if cue.ends_with_prep {
                        None
                    } else {
                        self.group_at(j + 1).or_else(|| {
                            // "the joint drills of Seoul and Washington".
                            (cue.relation.is_symmetric() && self.has(j + 1, WordClass::PatientPrep))
                                .then(|| self.group_at(j + 2))
                                .flatten()
                        })
                    };
                    return genitive.or_else(|| self.agent_after(j, true));
                }
                Kind::Punct(',') => return None,
                _ if self.is_boundary(j) => return None,
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// "Cuba has been under an embargo", "Iran berada di bawah sanksi": the
    /// group before an `under` word right before the noun at `i` (through
    /// an article) is what the noun is imposed on.
    fn under_noun(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if self.is_article(k) {
            k = k.checked_sub(1)?;
        }
        if !self.has(k, WordClass::Under) {
            return None;
        }
        match self.left(k) {
            Left::Group(g) => Some(g),
            _ => None,
        }
    }

    /// The subject of a clause that a phrase with the noun at `i` and its
    /// object group `o` opens: at most three plain words, prepositions or
    /// articles before the noun, a comma right after the object, then the
    /// group (through an article).
    fn fronted_subject(&self, i: usize, o: usize) -> Option<usize> {
        let opener = |k: usize| match self.v.els[k].kind {
            Kind::Other => true,
            Kind::Word(_) => self.is_article(k) || self.has(k, WordClass::PlacePrep),
            _ => false,
        };
        if i > 3 || !(0..i).all(opener) {
            return None;
        }
        let comma = self.v.groups[o].last + 1;
        if !self.is_punct(comma, ',') {
            return None;
        }
        let at = if self.is_article(comma + 1) {
            comma + 2
        } else {
            comma + 1
        };
        self.group_at(at)
    }

    /// "sanksi yang dijatuhkan Uni Eropa", "bantuan yang diberikan oleh
    /// Jepang": the agent of an Indonesian passive relative clause right
    /// after the noun at `i` (a di- verb, then the group, "oleh" allowed).
    fn relative_passive_agent(&self, i: usize) -> Option<usize> {
        if self.lang != Lang::Id
            || i + 3 >= self.v.els.len()
            || !self.is_relative_pronoun(i + 1)
            || !self.is_plain_lower(i + 2)
            || !morph::is_passive_form(self.word(i + 2))
        {
            return None;
        }
        let at = if self.has(i + 3, WordClass::Agent) {
            i + 4
        } else {
            i + 3
        };
        self.group_at(at)
    }

    /// The group after an agent word ("oleh", "by", "dari" for nouns)
    /// following element `i`, within the clause.
    fn agent_after(&self, i: usize, nouns: bool) -> Option<usize> {
        let n = self.v.els.len();
        let mut j = i + 1;
        while j < n && j - i < 14 {
            if self.is_boundary(j) || self.is_punct(j, ',') {
                return None;
            }
            if let Kind::Cue(q) = self.v.els[j].kind
                && self.pos(q) != Pos::Noun
            {
                return None;
            }
            if self.has(j, WordClass::Agent) {
                let w = self.word(j);
                let strict = w.eq_ignore_ascii_case("oleh") || w.eq_ignore_ascii_case("by");
                // "by the European Union", "oleh pasukan Rusia": through one
                // modifier word.
                let g = self.group_at(j + 1).or_else(|| {
                    self.is_modifier(j + 1)
                        .then(|| self.group_at(j + 2))
                        .flatten()
                });
                if (strict || nouns)
                    && let Some(g) = g
                {
                    return Some(g);
                }
            }
            j += 1;
        }
        None
    }

    /// Is the cue at `i` negated (tidak, tak, agar tidak, not, never…)
    /// by a word between the subject and the cue?
    fn negated(&self, i: usize, subject_last: Option<usize>) -> bool {
        let mut from =
            subject_last.map_or(i.saturating_sub(4), |l| (l + 1).max(i.saturating_sub(6)));
        // "tidak mengakui Israel dan menjalin …": a negation before an
        // earlier predicate with its own object stays with that predicate.
        if let Some(c) = (from..i).rev().find(|&k| self.has(k, WordClass::Coord))
            && (from..c).any(|k| self.group_at(k).is_some())
        {
            from = c + 1;
        }
        (from..i).any(|k| {
            let c = self.classes(k);
            c.has(WordClass::Neg) || c.has(WordClass::Irrealis)
        }) || self.refused(i)
    }

    /// Is the cue at `i` the act a refusing or denying verb right before it
    /// is about ("menolak mengecam", "denied attacking", "membantah telah
    /// menyerang")? Only lower-case words may stand between.
    fn refused(&self, i: usize) -> bool {
        if !matches!(self.v.els[i].kind, Kind::Cue(q) if self.pos(q) == Pos::Verb) {
            return false;
        }
        for k in (i.saturating_sub(3)..i).rev() {
            match self.v.els[k].kind {
                Kind::Cue(q) => {
                    return self.cues[q as usize].relation == Relation::Reject
                        && self.pos(q) == Pos::Verb;
                }
                _ if self.is_modifier(k) => {}
                _ => return false,
            }
        }
        false
    }

    /// An actor right before a noun cue, through at most two modifiers and
    /// a possessive: "Russia's invasion", "Israeli air raids", "US-led war".
    fn modifier_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        for _ in 0..3 {
            if k == 0 {
                return None;
            }
            k -= 1;
            if let Some(g) = self.group_at(k) {
                // (Inside a prepositional phrase too: "assistance to the
                // US-led war" is the US's war.)
                return (!self.v.described[g]).then_some(g);
            }
            let w = self.word(k);
            let glue = matches!(w, "'s" | "’s" | "-" | "'" | "’") || w.eq_ignore_ascii_case("led");
            if !(glue || self.is_modifier(k)) {
                return None;
            }
        }
        None
    }

    /// A light verb ("memberikan", "held") within a few words before a noun
    /// cue, with nothing but modifiers, determiners or negation between.
    fn light_verb_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let mut others = 0;
        for _ in 0..5 {
            if k == 0 {
                return None;
            }
            k -= 1;
            if self.has(k, WordClass::LightVerb) {
                return Some(k);
            }
            // "kerja sama ekonomi dan kontak diplomatik": a noun joined to an
            // earlier event noun shares its verb.
            if self.has(k, WordClass::Coord) {
                continue;
            }
            if let Kind::Cue(q) = self.v.els[k].kind {
                if self.pos(q) == Pos::Noun {
                    continue;
                }
                // "sepakat memperpanjang kemitraan", "agreed to expand ties";
                // but what one condemns, rejects, threatens or demands is
                // not one's own act ("condemned the attack on", "rejected
                // the sanctions against", "threatened an attack on").
                return (!judges(self.cues[q as usize].relation)).then_some(k);
            }
            if matches!(self.v.els[k].kind, Kind::Other) {
                others += 1;
            }
            let neutral = self.is_modifier(k)
                || self.glued_hyphen(k)
                || self.has(k, WordClass::Neg)
                || self.has(k, WordClass::Irrealis)
                || matches!(self.v.els[k].kind, Kind::Other);
            if !neutral
                || others > 2
                || self.group_at(k).is_some()
                || self.is_boundary(k)
                || self.is_punct(k, ',')
            {
                return None;
            }
        }
        None
    }

    /// "anti-Syria journalist", "pro-Russian rebels", "ethnic Albanians",
    /// "dolar AS", "US dollars": a word before (or a currency after) group
    /// `g` makes its country describe something else; it neither acts nor
    /// is acted on.
    fn stance(&self, g: usize) -> bool {
        let (f, l) = (self.v.groups[g].first, self.v.groups[g].last);
        let before = |c: WordClass| {
            f > 0
                && (self.has(f - 1, c)
                    || (f > 1 && self.is_punct(f - 1, '-') && self.has(f - 2, c)))
        };
        before(WordClass::Stance)
            || before(WordClass::Currency)
            || self.has(l + 1, WordClass::Currency)
    }

    /// Is element `k` a hyphen inside a word ("long-threatened")?
    fn glued_hyphen(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.v.els.len()
            && self.is_punct(k, '-')
            && self.v.els[k - 1].end == self.v.els[k].start
            && self.v.els[k].end == self.v.els[k + 1].start
    }

    /// Does a possessive mark the noun cue at `i` ("kunjungannya",
    /// "pertemuan virtualnya", "pertemuan mereka", "their meeting")?
    fn possessed(&self, i: usize) -> bool {
        // Any word of the element: "kunjungannya ke" is one cue.
        let nya = |k: usize| {
            k < self.v.els.len()
                && self
                    .word(k)
                    .split_whitespace()
                    .any(|w| ends_with_ci(w, "nya"))
        };
        nya(i)
            || (self.is_modifier(i + 1) && nya(i + 1))
            || self.has(i + 1, WordClass::Pronoun)
            || (i > 0 && (self.has(i - 1, WordClass::Pronoun) || self.is_possessive(i - 1)))
    }

    /// Is the cue at `i` only intended, wanted or asked for: a modal word
    /// between the subject (elements `subject_first..=subject_last`) and the
    /// cue, or a subject that is itself the one asked, urged or wanted to
    /// act ("urged the European Community to support", "demanded that the
    /// US cancel", "wants Putin to attack", "mendesak AS agar")?
    fn intended(&self, i: usize, subject_first: usize, subject_last: usize) -> bool {
        let wants = |k: usize| {
            self.has(k, WordClass::Modal)
                || matches!(self.v.els[k].kind, Kind::Cue(q)
                    if matches!(self.cues[q as usize].relation, Relation::Warn | Relation::Demand))
        };
        if subject_last < i {
            // Up to three elements before the subject, through plain
            // lower-case words ("the", "its"); a capitalised word is no
            // modal ("In May Russia …").
            for k in (subject_first.saturating_sub(3)..subject_first).rev() {
                let lower = self.word(k).chars().next().is_some_and(char::is_lowercase);
                if lower && wants(k) {
                    return true;
                }
                // "permission to Russia to help": through the preposition.
                let prep = k + 1 == subject_first && self.has(k, WordClass::PrepObj);
                if !self.is_plain_lower(k) && !prep {
                    break;
                }
            }
        }
        let from = if subject_last < i {
            subject_last + 1
        } else {
            i.saturating_sub(4)
        };
        // A modal word, or a threat or demand whose content this is
        // ("threatened to launch an offensive", "mendesak … agar menarik").
        // (Not the second half of a hyphenated modifier: "its
        // long-threatened invasion" happens.)
        (from.max(i.saturating_sub(6))..i).any(|k| wants(k) && !(k > 0 && self.glued_hyphen(k - 1)))
    }

    /// The nearest "undo" verb in the six elements before the cue at `i`
    /// ("menghentikan bantuan", "lifted the sanctions"): it stops the cue.
    fn undo_word(&self, i: usize) -> Option<usize> {
        (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| self.has(k, WordClass::Undo))
    }

    /// "saling mendukung", "membela kepentingan satu sama lain": a
    /// reciprocal word right before the cue or after it in the same phrase.
    fn reciprocal(&self, i: usize) -> bool {
        if i > 0 && self.has(i - 1, WordClass::Reciprocal) {
            return true;
        }
        // Through a light verb: "saling memberikan dukungan", "each other
        // gave support" is rare, but "saling" + light verb is common.
        if i > 1 && self.has(i - 1, WordClass::LightVerb) && self.has(i - 2, WordClass::Reciprocal)
        {
            return true;
        }
        for k in i + 1..(i + 6).min(self.v.els.len()) {
            if self.has(k, WordClass::Reciprocal) {
                return true;
            }
            if self.is_boundary(k)
                || self.is_punct(k, ',')
                || self.has(k, WordClass::Coord)
                || matches!(self.v.els[k].kind, Kind::Cue(_) | Kind::Ent(_))
            {
                return false;
            }
        }
        false
    }

    /// Who is quoted when element `i` lies inside quotes: "…,” kata Xi" or
    /// "Wang berjanji: “…”".
    fn speaker(&self, a: &Analysis, i: usize) -> Option<u32> {
        let region = self.v.quote[i];
        if region == 0 {
            return None;
        }
        let n = self.v.els.len();
        let close = (i..n).find(|&k| self.v.quote[k] != region)?;
        // After the closing quote: [,] speech-word group.
        let mut k = close + 1;
        while k < n && (self.is_punct(k, ',') || self.is_punct(k, '”') || self.is_punct(k, '"')) {
            k += 1;
        }
        if k < n
            && self.has(k, WordClass::Speech)
            && let Some(g) = self.group_at(k + 1)
        {
            return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
        }
        // English order: "…," Xi said / Putin told reporters.
        if let Some(g) = self.group_at(k)
            && self.has(self.v.groups[g].last + 1, WordClass::Speech)
        {
            return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
        }
        // Before the opening quote: group [speech word | verb] [:] “
        let open = (0..i).rev().find(|&k| self.v.quote[k] != region)?;
        let mut k = open;
        for _ in 0..4 {
            if k == 0 {
                break;
            }
            k -= 1;
            if let Some(g) = self.group_at(k) {
                return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
            }
            if self.is_boundary(k) && !self.is_punct(k, ':') {
                break;
            }
        }
        None
    }
}

/// Does `w` end with the ASCII `suffix`, in any case?
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Does a verb of relation `rel` judge, refuse or call for an act (its
/// object noun being another's act, or one not done)?
fn judges(rel: Relation) -> bool {
    matches!(
        rel,
        Relation::Criticize
            | Relation::Praise
            | Relation::Reject
            | Relation::Warn
            | Relation::Demand
    )
}

pub(crate) fn is_actor(m: &Mention) -> bool {
    matches!(
        m.etype,
        EntityType::Person | EntityType::Country | EntityType::Organization
    )
}

/// Pushes triples for one sentence into `out`.
pub(crate) fn extract(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    structural(s, a, out);
    membership(s, a, out);
    events(s, a, out);
    obligations(s, a, out);
}

/// `demand` (CAMEO 10): what one actor says another must do ("Russia said
/// on Tuesday that Sudan must return the helicopter", "AS menegaskan bahwa
/// Rusia harus menarik pasukannya"): an obligation word right after a
/// group that follows a reporting verb or "that"/"bahwa".
fn obligations(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for k in 1..s.v.els.len() {
        if !s.has(k, WordClass::Obligation) {
            continue;
        }
        // "US and British forces must": through a collective noun.
        let before = if s.has(k - 1, WordClass::Collective) && k > 1 {
            k - 2
        } else {
            k - 1
        };
        let Some(g) = s.group_at(before) else {
            continue;
        };
        let first = s.v.groups[g].first;
        if s.v.groups[g].last != before || first == 0 {
            continue;
        }
        // "said that the US must": through an article.
        let c = if first > 1 && s.is_article(first - 1) {
            first - 2
        } else {
            first - 1
        };
        if !(s.has(c, WordClass::Comp) || s.has(c, WordClass::Speech)) {
            continue;
        }
        let Left::Group(sg) = s.left(c) else { continue };
        // "Xi mengatakan China dan Rusia harus …": a call on the speaker's
        // own side is an exhortation, not a demand on another.
        let own: Vec<EntityRef> = s
            .heads(sg)
            .filter_map(|m| match a.mentions[m as usize].etype {
                EntityType::Person => role_country(s, a, m).map(EntityRef::Gazetteer),
                _ => Some(a.mentions[m as usize].entity),
            })
            .collect();
        if s.heads(g)
            .any(|m| own.contains(&a.mentions[m as usize].entity))
        {
            continue;
        }
        let hit = Hit {
            rel: Relation::Demand,
            negated: false,
            trigger: Some(k),
            cameo: None,
            speaker: s.speaker(a, k),
            rule: "obligation",
            intended: false,
        };
        for subj in s.heads(sg) {
            for obj in s.heads(g) {
                push(s, a, out, subj, obj, &hit);
            }
        }
    }
}

fn entity_id<'a>(s: &Sent<'a>, a: &'a Analysis, m: u32) -> &'a str {
    &a.entity(s.gaz, a.mentions[m as usize].entity).id
}

/// What a rule found, besides its two mentions.
struct Hit<'c> {
    rel: Relation,
    negated: bool,
    /// Element of the cue or title.
    trigger: Option<usize>,
    cameo: Option<&'c str>,
    speaker: Option<u32>,
    rule: &'static str,
    intended: bool,
}

impl Hit<'_> {
    /// A structural triple from a title or membership word.
    fn structural(rel: Relation, trigger: usize, rule: &'static str) -> Hit<'static> {
        Hit {
            rel,
            negated: false,
            trigger: Some(trigger),
            cameo: None,
            speaker: None,
            rule,
            intended: false,
        }
    }
}

/// Adds a triple unless it is not between two actors, links an entity to
/// itself, or repeats one already found in the sentence.
fn push(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>, subj: u32, obj: u32, hit: &Hit<'_>) {
    let Hit {
        rel,
        negated,
        trigger,
        cameo,
        speaker,
        rule,
        intended,
    } = *hit;
    let (sm, om) = (&a.mentions[subj as usize], &a.mentions[obj as usize]);
    if !is_actor(sm) || !is_actor(om) || sm.entity == om.entity {
        return;
    }
    if entity_id(s, a, subj) == entity_id(s, a, obj) {
        return;
    }
    let t = Triple {
        sentence: s.sentence,
        subject: subj,
        relation: rel,
        object: obj,
        negated,
        trigger: trigger.map(|i| s.v.els[i].start..s.v.els[i].end),
        cameo: cameo
            .map(Relation::cameo3)
            .or_else(|| rel.cameo_root().map(str::to_owned)),
        speaker,
        rule,
        intended,
    };
    // Triples come sentence by sentence: only this sentence's can repeat it.
    if !out
        .iter()
        .rev()
        .take_while(|o| o.sentence == t.sentence)
        .any(|o| {
            o.relation == t.relation
                && o.negated == t.negated
                && a.mentions[o.subject as usize].entity == sm.entity
                && a.mentions[o.object as usize].entity == om.entity
        })
    {
        out.push(t);
    }
}

/// The country or organisation a person's role ties them to, when that
/// entity is mentioned in the sentence.
fn role_in_sentence(
    s: &Sent<'_>,
    a: &Analysis,
    person: u32,
    want: Option<Relation>,
) -> Option<(Relation, u32)> {
    let EntityRef::Gazetteer(pi) = a.mentions[person as usize].entity else {
        return None;
    };
    let roles = &s.gaz.entity(pi).roles;
    for r in roles {
        if want.is_some_and(|w| w != r.relation) {
            continue;
        }
        let Some(target) = s.gaz.find(&r.of) else {
            continue;
        };
        for e in &s.v.els {
            if let Kind::Ent(m) = e.kind
                && a.mentions[m as usize].entity == EntityRef::Gazetteer(target)
                && is_actor(&a.mentions[m as usize])
            {
                return Some((r.relation, m));
            }
        }
    }
    None
}

/// Countries named inside the name of mention `m` ("Partai Komunis China").
fn nested_in(a: &Analysis, m: u32) -> impl Iterator<Item = u32> + '_ {
    let end = a.mentions[m as usize].end;
    (m + 1..a.mentions.len() as u32).take_while(move |&n| {
        let x = &a.mentions[n as usize];
        x.nested && x.start < end
    })
}

/// The country a person leads or serves (first role), as an entity index.
fn role_country(s: &Sent<'_>, a: &Analysis, person: u32) -> Option<u32> {
    let EntityRef::Gazetteer(pi) = a.mentions[person as usize].entity else {
        return None;
    };
    let role = s.gaz.entity(pi).roles.first()?;
    s.gaz.find(&role.of)
}

/// Titles and appositions: `leader_of` / `official_of`.
fn structural(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for c in &s.v.chunks {
        let head = c.head;
        if a.mentions[head as usize].etype != EntityType::Person {
            continue;
        }
        // The title inside the chunk, and the country/organisation with it.
        let mut title: Option<(Relation, usize)> = None;
        let mut of: Option<u32> = None;
        let mut possessor: Option<u32> = None;
        for k in c.first..=c.last {
            match s.v.els[k].kind {
                Kind::Title(r) if title.is_none() => title = Some((r, k)),
                // "pejabat tinggi Partai Komunis China, Guo Shengkun"
                Kind::Word(w) if title.is_none() && w.has(WordClass::Collective) => {
                    title = Some((Relation::OfficialOf, k))
                }
                Kind::Ent(m) if m != head => {
                    let mm = &a.mentions[m as usize];
                    match mm.etype {
                        EntityType::Country | EntityType::Organization if of.is_none() => {
                            of = Some(m)
                        }
                        EntityType::Person if possessor.is_none() => possessor = Some(m),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        // "Mantan Presiden AS Barack Obama", "pemimpin oposisi Venezuela":
        // an office not held.
        if let Some((_, tk)) = title
            && (tk.saturating_sub(2)..tk).any(|k| s.has(k, WordClass::Former))
        {
            continue;
        }
        let Some((rel, tk)) = title else {
            // Apposition after the person: "Vladimir Putin, Presiden Rusia"
            // / "Xi Jinping, China's president".
            apposition(s, a, c, out);
            continue;
        };
        if let Some(o) = of {
            push(s, a, out, head, o, &Hit::structural(rel, tk, "title"));
            // "Sekretaris Dewan Keamanan Nasional Rusia": an office in a
            // national body is an office of its country too.
            for n in nested_in(a, o) {
                push(
                    s,
                    a,
                    out,
                    head,
                    n,
                    &Hit::structural(Relation::OfficialOf, tk, "title-nested"),
                );
            }
        } else if let Some(p) = possessor {
            // "penasihat … Putin, Yuri Ushakov": official of Putin's country.
            if let Some(country) = role_country(s, a, p) {
                // (When the country is not named in the sentence: no triple.)
                for e in &s.v.els {
                    if let Kind::Ent(m) = e.kind
                        && a.mentions[m as usize].entity == EntityRef::Gazetteer(country)
                    {
                        push(
                            s,
                            a,
                            out,
                            head,
                            m,
                            &Hit::structural(Relation::OfficialOf, tk, "title-possessor"),
                        );
                        break;
                    }
                }
            }
        } else if let Some((r, m)) =
            role_in_sentence(s, a, head, Some(rel)).or_else(|| role_in_sentence(s, a, head, None))
        {
            // A title with no country ("Menteri Luar Negeri Wang Yi"): the
            // person's known office, when its country is in the sentence.
            push(s, a, out, head, m, &Hit::structural(r, tk, "title-role"));
        }
    }
    // A title noun before a lone person: "kepemimpinan (Vladimir) Putin".
    for (k, e) in s.v.els.iter().enumerate() {
        if let Kind::Title(rel) = e.kind
            && s.v.chunk_of[k].is_none()
        {
            let mut j = k + 1;
            while j < s.v.els.len()
                && j <= k + 3
                && matches!(s.v.els[j].kind, Kind::Punct('(') | Kind::Punct(')'))
            {
                j += 1;
            }
            if let Some(Kind::Ent(m)) = s.v.els.get(j).map(|e| e.kind)
                && a.mentions[m as usize].etype == EntityType::Person
                && let Some((r, o)) = role_in_sentence(s, a, m, Some(rel))
            {
                push(s, a, out, m, o, &Hit::structural(r, k, "title-role"));
            }
        }
    }
}

/// "Vladimir Putin, Presiden Rusia" / "Xi Jinping, China's president".
fn apposition(s: &Sent<'_>, a: &Analysis, c: &Chunk, out: &mut Vec<Triple>) {
    let mut k = c.last + 1;
    if !s.is_punct(k, ',') {
        return;
    }
    k += 1;
    let mut title = None;
    let mut of = None;
    let end = (k + 6).min(s.v.els.len());
    while k < end {
        match s.v.els[k].kind {
            Kind::Title(r) if title.is_none() => title = Some((r, k)),
            Kind::Ent(m) if of.is_none() => {
                let mm = &a.mentions[m as usize];
                if matches!(mm.etype, EntityType::Country | EntityType::Organization) {
                    of = Some(m);
                } else {
                    return;
                }
            }
            Kind::Punct('\'') | Kind::Other => {}
            // "Xi Jinping, the president of China".
            Kind::Word(w) if w.has(WordClass::PatientPrep) => {}
            _ => break,
        }
        if title.is_some() && of.is_some() {
            break;
        }
        k += 1;
    }
    if let (Some((r, tk)), Some(o)) = (title, of) {
        push(s, a, out, c.head, o, &Hit::structural(r, tk, "apposition"));
    }
}

/// `member_of`: "negara anggota SCO mencakup India, Pakistan", "Arab Saudi
/// bergabung dengan BRICS", "India, anggota SCO", "NATO member Poland".
fn membership(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    let n = s.v.els.len();
    let org_at = |i: usize| -> Option<u32> {
        let g = s.group_at(i)?;
        s.heads(g)
            .find(|&m| a.mentions[m as usize].etype == EntityType::Organization)
    };
    let countries = |g: usize| -> Vec<u32> {
        s.heads(g)
            .filter(|&m| a.mentions[m as usize].etype == EntityType::Country)
            .collect()
    };
    let members = |g: usize, org: u32, i: usize, rule: &'static str, out: &mut Vec<Triple>| {
        for c in countries(g) {
            push(
                s,
                a,
                out,
                c,
                org,
                &Hit::structural(Relation::MemberOf, i, rule),
            );
        }
    };
    for i in 0..n {
        if s.has(i, WordClass::Member) {
            // member word, then an organisation within two elements
            let Some((oi, org)) = (i + 1..(i + 3).min(n)).find_map(|k| org_at(k).map(|o| (k, o)))
            else {
                // The organisation right before, or before "'s": "NATO
                // member Poland", "ASEAN's members include Indonesia, …",
                // "Finland, a NATO member since 2023".
                let possessive = |k: usize| matches!(s.word(k), "'s" | "’s" | "'" | "’");
                let org_before = if i > 0 && org_at(i - 1).is_some() {
                    Some(i - 1)
                } else if i > 1 && possessive(i - 1) && org_at(i - 2).is_some() {
                    Some(i - 2)
                } else {
                    None
                };
                if let Some(ob) = org_before
                    && let Some(org) = org_at(ob)
                {
                    let after = if s.has(i + 1, WordClass::Include) {
                        i + 2
                    } else {
                        i + 1
                    };
                    if let Some(g) = s.group_at(after) {
                        members(g, org, i, "member", out);
                    } else {
                        // "Finland, a NATO member": the country before,
                        // through an article and one comma.
                        let first = s.v.groups[s.group_at(ob).unwrap()].first;
                        let mut b = first;
                        let mut comma = false;
                        while b > 0 && first - b < 3 {
                            b -= 1;
                            if let Some(g) = s.group_at(b) {
                                if comma {
                                    members(g, org, i, "member", out);
                                }
                                break;
                            }
                            if s.is_punct(b, ',') && !comma {
                                comma = true;
                            } else if !s.is_plain_lower(b) {
                                break;
                            }
                        }
                    }
                }
                continue;
            };
            let og = s.group_at(oi).unwrap();
            // … then a list: "mencakup India, Pakistan" / ": India, Pakistan"
            let mut k = s.v.groups[og].last + 1;
            let stop = (k + 3).min(n);
            while k < stop {
                if s.has(k, WordClass::Include) || s.is_punct(k, ':') {
                    if let Some(g) = s.group_at(k + 1) {
                        members(g, org, i, "member-list", out);
                    }
                    break;
                }
                k += 1;
            }
            // … or a country right before: "India, anggota SCO" / "India adalah anggota SCO"
            let mut b = i;
            let mut steps = 0;
            while b > 0 && steps < 3 {
                b -= 1;
                steps += 1;
                if let Some(g) = s.group_at(b) {
                    if !s.after_prep(g) {
                        members(g, org, i, "member", out);
                    }
                    break;
                }
                if s.is_boundary(b) {
                    break;
                }
            }
        }
        if s.has(i, WordClass::Join)
            && let Some(org) = (i + 1..(i + 3).min(n)).find_map(org_at)
            && let Left::Group(g) = s.left(i)
        {
            members(g, org, i, "join", out);
        }
    }
}

/// Event relations from cues.
fn events(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for (i, e) in s.v.els.iter().enumerate() {
        let Kind::Cue(q) = e.kind else { continue };
        let cue = s.cues[q as usize];
        let pos = s.pos(q);
        let rel = cue.relation;
        let mut subject: Option<usize> = None;
        let mut object: Option<usize>;
        let mut denial = false;
        let mut rule = "cue";
        // "was criticized by", and a participle right before its agent
        // ("Ukraine, supported by NATO, …") or a place ("10 Russian
        // soldiers killed in Ukraine": a one-way verb in the active would
        // have its object there; not so "agreed in principle").
        let english_passive = pos == Pos::Verb
            && i > 0
            && (s.has(i - 1, WordClass::PassiveAux)
                || (s.has(i + 1, WordClass::Agent) && s.word(i + 1).eq_ignore_ascii_case("by"))
                || (s.has(i + 1, WordClass::PlacePrep)
                    && !s.has(i + 1, WordClass::PrepObj)
                    && cue.direction == Direction::Forward))
            && ends_with_ci(s.word(i), "ed");
        if pos == Pos::Passive || english_passive {
            // "Rusia dikritik oleh Polandia", "dibantah Moskow", "was criticized by".
            rule = "passive";
            object = match s.left(i) {
                // A participle with no auxiliary modifies the words right
                // before it ("Ukraine, supported by NATO", "Russian soldiers
                // killed in"): "victims killed by …" is no act on a name
                // further back.
                Left::Group(g)
                    if cue.pos == Pos::Passive
                        || s.has(i - 1, WordClass::PassiveAux)
                        || s.v.groups[g].last + 1 == i
                        || (s.v.groups[g].last + 2 == i
                            && (s.has(i - 1, WordClass::Collective) || s.is_punct(i - 1, ','))) =>
                {
                    Some(g)
                }
                _ => None,
            };
            subject = s.group_at(i + 1).or_else(|| s.agent_after(i, false));
        } else if pos == Pos::Noun {
            // Genitive subject right after a noun: "dukungan China",
            // "intimidasi militer China terhadap Taiwan", "perang Rusia di Ukraina".
            let genitive = if cue.ends_with_prep {
                None
            } else {
                s.group_at(i + 1).or_else(|| {
                    // "the joint drills of X and Y": the parties of a
                    // symmetric event, not what it is done to.
                    let of_parties = rel.is_symmetric();
                    if s.is_modifier(i + 1) && (!s.has(i + 1, WordClass::PatientPrep) || of_parties)
                    {
                        s.group_at(i + 2)
                    } else {
                        None
                    }
                })
            };
            if let Some(g) = genitive {
                rule = "noun-genitive";
                subject = Some(g);
                // The object must come after a preposition.
                let after = s.v.groups[g].last;
                object = s.object(after, rel).filter(|&o| {
                    let f = s.v.groups[o].first;
                    (after + 1..f).any(|k| {
                        let c = s.classes(k);
                        c.has(WordClass::PrepObj)
                            || (c.has(WordClass::PlacePrep)
                                && (rel == Relation::Attack || rel == Relation::Meet))
                    })
                });
            } else {
                rule = "noun";
                object = s.object(i, rel);
                subject = s
                    .agent_after(i, true)
                    .or_else(|| s.relative_passive_agent(i));
                if let Some(g) = subject
                    && object.is_none_or(|o| o == g)
                {
                    // "the sanctions imposed by the EU on Iran": the object
                    // comes after the agent; "Cuba has been under an embargo
                    // imposed by the US": the one who is under it.
                    object = s
                        .object(s.v.groups[g].last, rel)
                        .or_else(|| s.under_noun(i));
                }
                if subject.is_none() && i > 0 && s.is_possessive(i - 1) {
                    // "support to Russia for its war", "criticized the US
                    // for its support": an English possessive is the
                    // nearest actor's, whatever its role.
                    subject = s.nearest_actor_before(i - 1);
                }
                if subject.is_none() && s.possessed(i) {
                    // "kunjungannya ke Tiongkok", "pertemuan mereka": the
                    // noun's owner is the clause's subject.
                    if let Some((g, d)) = s.subject(i) {
                        subject = Some(g);
                        denial = d;
                    }
                }
                if subject.is_none() {
                    // "Russia's invasion", "US-led war", "French mediation":
                    // an actor right before the noun.
                    subject = s.modifier_before(i);
                }
                if subject.is_none()
                    && rel.is_symmetric()
                    && let Some(o) = object
                {
                    // "Dalam pertemuan dengan Jepang, Filipina meminta …",
                    // "In talks with Japan, the Philippines asked …": a
                    // meeting fronted before the clause is its subject's.
                    subject = s.fronted_subject(i, o);
                }
                if subject.is_none() {
                    // "Xi menawarkan dukungan", "held talks": the event noun
                    // is the object of a light verb, whose subject it takes.
                    // A noun in any other place ("fleeing the civil war in
                    // Liberia") has no subject of its own.
                    if let Some(v) = s.light_verb_before(i)
                        && let Some((g, d)) = s.subject(v)
                    {
                        subject = Some(g);
                        denial = d;
                    }
                }
            }
        } else {
            if let Some((g, d)) = s.subject(i) {
                subject = Some(g);
                denial = d;
            }
            object = s.object(i, rel);
        }
        // A subject found by passing over the object of the same cue is no subject.
        let Some(sg) = subject else { continue };
        if object == Some(sg) {
            object = None;
        }
        let mut negated = denial
            || s.negated(
                i,
                (rule == "cue" || rule == "noun").then(|| s.v.groups[sg].last),
            );
        // "menghentikan bantuan", "halted aid": stopping aid is a sanction
        // (CAMEO 162); stopping anything else negates it ("lifted the
        // sanctions", "cancelled a visit").
        let mut rel = rel;
        let mut cameo = cue.cameo.as_deref();
        if let Some(u) = s.undo_word(i) {
            if rel == Relation::Meet && s.has(u, WordClass::Conclude) {
                // "mengakhiri kunjungannya", "concluded talks": the visit
                // or the talks took place.
            } else if rel == Relation::Aid {
                rel = Relation::Sanction;
                cameo = Some("162");
            } else {
                negated = true;
            }
        }
        let speaker = s.speaker(a, i);
        let subs: Vec<u32> = s.heads(sg).collect();
        let objs: Vec<u32> = object.map(|og| s.heads(og).collect()).unwrap_or_default();
        let (subs, objs) = if cue.direction == Direction::Reverse {
            (objs, subs)
        } else {
            (subs, objs)
        };
        let intended = s.intended(i, s.v.groups[sg].first, s.v.groups[sg].last);
        let hit = |rule| Hit {
            rel,
            negated,
            trigger: Some(i),
            cameo,
            speaker,
            rule,
            intended,
        };
        if s.reciprocal(i) && object.is_none() && subs.len() >= 2 {
            // "saling mendukung": each supports each.
            for &x in &subs {
                for &y in &subs {
                    push(s, a, out, x, y, &hit("reciprocal"));
                }
            }
        } else if objs.is_empty() {
            // "Xi dan Putin bertemu": a symmetric relation within the group,
            // unless the group is the object of a verb right before it
            // ("will visit Mauritania and Senegal to mediate": the visitor
            // mediates).
            let f = s.v.groups[sg].first;
            let object_of_verb =
                f > 0 && matches!(s.v.els[f - 1].kind, Kind::Cue(q) if s.pos(q) == Pos::Verb);
            if rel.is_symmetric() && subs.len() >= 2 && !object_of_verb {
                for (k, &x) in subs.iter().enumerate() {
                    for &y in &subs[k + 1..] {
                        push(s, a, out, x, y, &hit("symmetric"));
                    }
                }
            }
        } else {
            for &x in &subs {
                for &y in &objs {
                    push(s, a, out, x, y, &hit(rule));
                }
            }
        }
    }
}
