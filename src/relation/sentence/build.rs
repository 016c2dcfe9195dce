//! Building a [`Sent`]: the elements of one sentence, its chunks and
//! groups, and the flags of each group.

use super::{BOUNDARY_PUNCT, Chunk, El, Group, Join, Kind, Scratch, Sent};
use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;
use crate::lang::morph::{self, Pos};
use crate::lang::{CueInfo, Gapped, LangLexicon};
use crate::phrase::{Found, WordTable};
use crate::relation::reach::Reach;
use crate::schema::{AliasKind, Classes, EntityType, Relation, WordClass};
use crate::tokenize::{Token, TokenKind};

/// A phrase of one of the three sets a sentence is read with.
enum Phrase<'a> {
    Word(Found<'a, Classes>),
    Title(Found<'a, Relation>),
    Cue(Found<'a, CueInfo>),
}

/// Which of two candidate phrases over the same number of bytes is placed
/// (the longest is placed first, whatever its priority): the earlier
/// variant wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Priority {
    /// A function word with a structural or firm role (negation, clause,
    /// preposition, "saling", …): wins over a cue or title of the same
    /// words.
    Word,
    /// A title ("Presiden", "foreign minister").
    Title,
    /// A cue ("bertemu", "attacked").
    Cue,
    /// A soft function word (modal, light verb, collective, …): gives way
    /// to a cue or title of the same words.
    SoftWord,
}

/// A phrase that may become an element: its start and end bytes, its
/// priority and what it is.
pub(super) type Candidate = (usize, usize, Priority, Kind);

impl<'a> Sent<'a> {
    /// Builds the elements of sentence `s` of `a` (buffers from `scratch`); `None` when the sentence
    /// has no cue, no title and no structural word (collective, member,
    /// join, obligation), so that no rule can find a triple in it, unless `always`.
    ///
    /// The steps, in order: the sentence's mentions are placed; phrases
    /// are looked for in the gaps between them; without a phrase that
    /// could trigger a rule, stop; the longest phrases are placed first;
    /// the elements are made from the placed spans and the other tokens;
    /// dates in brackets are dropped; gapped cues are resolved; quote
    /// regions are marked; English verb forms are re-read as nouns where a
    /// determiner says so; then chunks, groups and the four flags of each
    /// group (place, person, described, descriptor).
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
        let mut placed = std::mem::take(&mut scratch.placed);
        place_mentions(a, s, &mut placed);
        let mut sent = scratch
            .spare
            .take()
            .unwrap_or_else(|| Sent::empty(text, gaz, scratch.determiners, scratch.looked_up));
        let mut cues = std::mem::take(&mut sent.cues);
        cues.clear();
        gaps_between(range.clone(), &placed, &mut scratch.gaps);
        find_candidates(
            text,
            words,
            lex,
            &mut scratch.gaps,
            &mut scratch.cand,
            &mut cues,
        );
        if !any_trigger(&scratch.cand) && !scratch.always {
            scratch.placed = placed;
            sent.cues = cues;
            scratch.spare = Some(sent);
            return None;
        }
        let tokens = scratch.tokens.get(text, s as usize, range.clone());
        place_longest_first(range, &mut placed, &mut scratch.cand, &mut scratch.taken);
        let mut els = std::mem::take(&mut sent.v.els);
        elements_from_tokens(text, tokens, &placed, &mut els);
        drop_bracketed_dates(text, &mut els);
        resolve_gapped_cues(text, words, lex, &mut els, &mut cues);
        let mut quote = std::mem::take(&mut sent.v.quote);
        quote_regions(&els, &mut quote);
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
        s.reread_verbs_as_nouns(a);
        s.v.chunks.clear();
        s.v.groups.clear();
        s.build_chunks(a);
        s.build_groups(a);
        s.flag_places(a);
        s.flag_persons(a);
        s.flag_organs(a);
        s.flag_described();
        s.flag_descriptors(a);
        Some(s)
    }

    /// English verb forms re-read as nouns: "the attack on", "its support
    /// for", "the bombing of", "Albania's help" (the cue's part of speech
    /// in this sentence becomes [`Pos::Noun`]).
    fn reread_verbs_as_nouns(&mut self, a: &Analysis) {
        let mut cue_pos = std::mem::take(&mut self.v.cue_pos);
        cue_pos.clear();
        cue_pos.extend(self.cues.iter().map(|c| c.pos));
        for i in 1..self.v.els.len() {
            // "the attack on", "its support for", "the bombing of",
            // "Albania's help": an English verb form after a determiner or
            // a possessive 's is the noun; so is a plural right after a verb
            // cue ("condemned attacks on", "criticized sanctions"), but not
            // a bare infinitive ("help support") or a gerund ("denied
            // attacking"). A participle is no event noun ("the invaded
            // country").
            if !crate::lang::profile(self.lang).verbs_as_nouns {
                break;
            }
            let Kind::Cue(q) = self.v.els[i].kind else {
                continue;
            };
            // (The first word decides: "supplying weapons" is a gerund.)
            let w = self.word(i).split_whitespace().next().unwrap_or_default();
            let after_verb =
                matches!(self.v.els[i - 1].kind, Kind::Cue(p) if cue_pos[p as usize] == Pos::Verb);
            // "a surprise visit", "the deadly attack", "an Australian
            // ultimatum": one word or demonym between (not a plural, which
            // could be the subject: "the troops attack").
            let demonym = |k: usize| matches!(self.v.els[k].kind, Kind::Ent(m) if a.mentions[m as usize].kind == AliasKind::Demonym);
            let modified = i > 1
                && self.is_article(i - 2)
                && (self.is_plain_lower(i - 1) || demonym(i - 1))
                && !morph::english_s_form(self.word(i - 1))
                && !morph::english_s_form(w)
                && !morph::english_gerund(w);
            if cue_pos[q as usize] == Pos::Verb
                && !morph::english_past(w)
                && (self.is_article(i - 1)
                    || modified
                    || self.is_word_of(i - 1, WordClass::PossessiveMark)
                    || (after_verb && morph::english_plural(w)))
            {
                cue_pos[q as usize] = Pos::Noun;
            }
        }
        self.v.cue_pos = cue_pos;
    }

    /// The place flag of each group: of places only (LOCATION mentions:
    /// "Krimea", "Kharkiv").
    fn flag_places(&mut self, a: &Analysis) {
        let mut place = std::mem::take(&mut self.v.place);
        place.clear();
        place.extend((0..self.v.groups.len()).map(|g| {
            self.heads(g)
                .all(|m| a.mentions[m as usize].etype == EntityType::Location)
        }));
        self.v.place = place;
    }

    /// The organ before each group, if any: in Indonesian, a lone
    /// organisation right after another one named in words (two or more,
    /// no acronym) is the body the first belongs to ("Badan Kehormatan
    /// Dewan Perwakilan Rakyat"); the organ heads the phrase.
    fn flag_organs(&mut self, a: &Analysis) {
        let mut organ = std::mem::take(&mut self.v.organ_before);
        organ.clear();
        let lone_org = |s: &Self, g: usize| {
            let grp = &s.v.groups[g];
            grp.chunks.len() == 1
                && grp.first == grp.last
                && matches!(s.v.els[grp.first].kind, Kind::Ent(m)
                    if a.mentions[m as usize].etype == EntityType::Organization)
        };
        organ.extend((0..self.v.groups.len()).map(|g| {
            let first = self.v.groups[g].first;
            (self.lang == crate::schema::Lang::Id
                && g > 0
                && lone_org(self, g)
                && lone_org(self, g - 1))
            .then(|| g - 1)
            .filter(|&o| {
                let organ = self.v.groups[o].last;
                organ + 1 == first
                    && self.v.els[first].start == self.v.els[organ].end + 1
                    && self.word(organ).split_whitespace().nth(1).is_some()
            })
        }));
        self.v.organ_before = organ;
    }

    /// The person flag of each group: one person ("Sergei Lavrov").
    fn flag_persons(&mut self, a: &Analysis) {
        let mut person = std::mem::take(&mut self.v.person);
        person.clear();
        person.extend((0..self.v.groups.len()).map(|g| {
            self.v.groups[g].chunks.len() == 1
                && self
                    .heads(g)
                    .all(|m| a.mentions[m as usize].etype == EntityType::Person)
        }));
        self.v.person = person;
    }

    /// The described flag of each group: "Pemimpin Rusia", a title before
    /// a country, no name.
    fn flag_described(&mut self) {
        let mut described = std::mem::take(&mut self.v.described);
        described.clear();
        described.extend((0..self.v.groups.len()).map(|g| {
            let grp = &self.v.groups[g];
            grp.chunks.len() == 1
                && matches!(self.v.els[grp.first].kind, Kind::Ent(_))
                && grp.first > 0
                && matches!(self.v.els[grp.first - 1].kind, Kind::Title(_))
        }));
        self.v.described = described;
    }

    /// The descriptor flag of each group: described, a demonym as a
    /// modifier ("the Thai border"), or with a stance or currency word
    /// ("anti-Syria", "dolar AS").
    fn flag_descriptors(&mut self, a: &Analysis) {
        let mut descriptor = std::mem::take(&mut self.v.descriptor);
        descriptor.clear();
        let s = &*self;
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
            let people_follow = (grp.last + 1..grp.last + Reach::PEOPLE_AFTER_DEMONYM)
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
        self.v.descriptor = descriptor;
    }
}

/// The sentence's mentions (not nested ones), the first spans placed.
fn place_mentions(a: &Analysis, s: u32, placed: &mut Vec<(usize, usize, Kind)>) {
    placed.clear();
    placed.extend(
        a.mentions[a.sentence_mentions(s)]
            .iter()
            .zip(a.sentence_mentions(s))
            .filter(|(m, _)| !m.nested)
            .map(|(m, i)| (m.start, m.end, Kind::Ent(i as u32))),
    );
}

/// The gaps between the placed mentions of the sentence `range`: phrases
/// are looked for there, so a title never swallows part of a name
/// ("Sekretaris | Dewan Keamanan …").
fn gaps_between(
    range: std::ops::Range<usize>,
    placed: &[(usize, usize, Kind)],
    gaps: &mut Vec<std::ops::Range<usize>>,
) {
    gaps.clear();
    let mut at = range.start;
    for &(ms, me, _) in placed {
        if ms > at {
            gaps.push(at..ms);
        }
        at = at.max(me);
    }
    if at < range.end {
        gaps.push(at..range.end);
    }
}

/// The candidates of the three phrase sets (words, titles, cues) in the
/// `gaps` (drained), each with its [`Priority`]; a cue's info goes to
/// `cues`, at the index its [`Kind::Cue`] holds.
fn find_candidates<'a>(
    text: &'a str,
    words: &WordTable,
    lex: &'a LangLexicon,
    gaps: &mut Vec<std::ops::Range<usize>>,
    cand: &mut Vec<Candidate>,
    cues: &mut Vec<&'a CueInfo>,
) {
    cand.clear();
    // One phrase of the three sets, placed as a candidate.
    let mut add = |phrase: Phrase<'a>| match phrase {
        Phrase::Word(f) => {
            // A word with a structural role (negation, clause, preposition…)
            // wins over a cue or title of the same words; a soft one
            // (modal, light verb, collective…) gives way to them.
            let p = if f.value.is_soft() {
                Priority::SoftWord
            } else {
                Priority::Word
            };
            cand.push((f.start, f.end, p, Kind::Word(*f.value)));
        }
        Phrase::Title(f) => cand.push((f.start, f.end, Priority::Title, Kind::Title(*f.value))),
        Phrase::Cue(f) => {
            // The second half of a hyphenated modifier is no event
            // ("its long-threatened invasion", "anti-war protests").
            let mut before = text[..f.start].chars().rev();
            if before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric) {
                return;
            }
            cand.push((f.start, f.end, Priority::Cue, Kind::Cue(cues.len() as u32)));
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
}

/// Could a rule use a sentence with these candidates: a cue, a title or a
/// trigger word (collective, member, join, obligation)?
fn any_trigger(cand: &[Candidate]) -> bool {
    cand.iter().any(|&(_, _, _, k)| match k {
        Kind::Cue(_) | Kind::Title(_) => true,
        Kind::Word(w) => w.is_trigger(),
        _ => false,
    })
}

/// Places the candidates longest first (then by [`Priority`], then
/// leftmost): a span is placed when none of its bytes is taken. `placed`
/// ends sorted by start.
fn place_longest_first(
    range: std::ops::Range<usize>,
    placed: &mut Vec<(usize, usize, Kind)>,
    cand: &mut [Candidate],
    taken: &mut Vec<bool>,
) {
    cand.sort_by_key(|&(s, e, p, _)| (std::cmp::Reverse(e - s), p, s));
    taken.clear();
    taken.resize(range.len(), false);
    for &(s, e, _) in placed.iter() {
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
}

/// The elements: each placed span once, and every token outside them
/// (a one-character punctuation token as [`Kind::Punct`]).
fn elements_from_tokens(
    text: &str,
    tokens: &[Token],
    placed: &[(usize, usize, Kind)],
    els: &mut Vec<El>,
) {
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
}

/// A date in brackets ("pada Senin (12/5) secara resmi mendukung") is no
/// clause break: its elements are dropped.
fn drop_bracketed_dates(text: &str, els: &mut Vec<El>) {
    let mut k = 0;
    while k < els.len() {
        if els[k].kind == Kind::Punct('(')
            && let Some(close) = (k + 1..(k + Reach::BRACKETED_DATE).min(els.len()))
                .find(|&j| els[j].kind == Kind::Punct(')'))
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
}

/// Gapped cues resolved: "fired anti-aircraft batteries at Russia",
/// "engaged Filipino peacekeepers in a firefight": a gapped head is a cue
/// only when one of its tails follows within reach, in the same clause
/// (then `cues` holds what that tail makes of it); else it is its plain
/// form, or the function word it may also be ("launched", a light verb),
/// or a plain word.
fn resolve_gapped_cues<'a>(
    text: &str,
    words: &WordTable,
    lex: &'a LangLexicon,
    els: &mut [El],
    cues: &mut [&'a CueInfo],
) {
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
}

/// The quote region of each element: 0 outside quotes; each opening
/// (“, «, or a " that opens) starts the next region.
fn quote_regions(els: &[El], quote: &mut Vec<u16>) {
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
}

impl<'a> Sent<'a> {
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
                (i + 1 < n && self.names_a_title(a, i))
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
                let last = self.with_branch(a, i, self.with_acronym(i));
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

    /// May the mention at element `i` name the country or body of a title
    /// right after it: a country or demonym ("Russian President"), and in
    /// English an organisation ("CIA Director", "Google CEO")?
    fn names_a_title(&self, a: &Analysis, i: usize) -> bool {
        self.mention(a, i).is_some_and(|m| {
            m.etype == EntityType::Country
                || m.kind == AliasKind::Demonym
                || (m.etype == EntityType::Organization && self.lang == crate::schema::Lang::En)
        })
    }

    /// An organisation's mention at `i` (ending at element `last`)
    /// followed right away by a place is a branch of it, named by the
    /// place: "PDIP Jawa Tengah", "PAN se-Sulawesi Selatan", "Kadin DKI
    /// Jakarta". The chunk ends at the place, so the organisation acts for
    /// its branch ("PDIP Jawa Tengah mendukung …": PDIP supports).
    fn with_branch(&self, a: &Analysis, i: usize, last: usize) -> usize {
        let is_org = |k: usize| {
            self.mention(a, k)
                .is_some_and(|m| m.etype == EntityType::Organization)
        };
        let is_place = |k: usize| {
            self.mention(a, k)
                .is_some_and(|m| m.etype == EntityType::Location && !m.nested)
        };
        if !is_org(i) {
            return last;
        }
        let next = last + 1;
        if is_place(next) {
            return next;
        }
        // "se-" (all of the region's branches) before the place.
        if next + 2 < self.v.els.len()
            && self.word(next).eq_ignore_ascii_case("se")
            && self.glued_hyphen(next + 1)
            && is_place(next + 2)
        {
            return next + 2;
        }
        last
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
        let counterpart =
            !matches!(self.v.els[i].kind, Kind::Title(_)) && !self.has(i, WordClass::Collective);
        if counterpart
            && !(matches!(self.v.els[i].kind, Kind::Other)
                && self.is_word_of(i, WordClass::Counterpart))
        {
            return None;
        }
        let first = if i > 0 && self.names_a_title(a, i - 1) && self.v.chunk_of[i - 1].is_none() {
            i - 1
        } else {
            i
        };
        let mut j = i + 1;
        let mut seen_comma = false;
        while j < self.v.els.len() && j <= i + Reach::TITLE_TO_PERSON {
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
                // "pemerintah Irak pimpinan Perdana Menteri Nuri
                // al-Maliki": the person holds the title, which starts a
                // phrase of its own; the collective is the country's.
                Kind::Title(_) if !matches!(self.v.els[i].kind, Kind::Title(_)) => return None,
                Kind::Punct('(') | Kind::Punct(')') | Kind::Title(_) => {}
                Kind::Word(c) if c.has(WordClass::PrepObj) || c.has(WordClass::Coord) => {}
                // "the head of the IAEA, Rafael Grossi".
                Kind::Word(c) if c.has(WordClass::PatientPrep) => {}
                // "mitranya dari China, Wang Yi".
                Kind::Word(c) if counterpart && c.has(WordClass::PlacePrep) => {}
                // A rank or a degree right before the holder ("Ketua
                // Mahkamah Konstitusi Prof Anwar Usman", "juru bicara
                // militer Rusia, Mayor Igor Konashenkov"); an
                // abbreviation's full stop goes with it ("Dr. Faisal").
                Kind::Word(c)
                    if c.has(WordClass::Honorific) && self.honorifics_then_person(a, j) => {}
                Kind::Punct('.') if self.abbreviation_stop(j) => {}
                // A unit of the body right after the title ("Ketua Fraksi
                // PDIP", "Ketua Dewan Pakar Partai Golkar").
                Kind::Word(_) if (i + 1..=j).all(|k| self.is_unit_word(k)) => {}
                Kind::Other if !seen_comma => {}
                _ => return None,
            }
            j += 1;
        }
        None
    }

    /// Is element `j` the full stop of an abbreviated honorific written
    /// close to it ("Dr.")?
    fn abbreviation_stop(&self, j: usize) -> bool {
        j > 0
            && self.is_punct(j, '.')
            && self.v.els[j].start == self.v.els[j - 1].end
            && matches!(self.v.els[j - 1].kind, Kind::Word(c) if c.has(WordClass::Honorific))
    }

    /// Are the elements from `j` on honorifics (each perhaps with the full
    /// stop of its abbreviation) up to a person's mention?
    fn honorifics_then_person(&self, a: &Analysis, mut j: usize) -> bool {
        while j < self.v.els.len() {
            match self.v.els[j].kind {
                Kind::Ent(m) => return a.mentions[m as usize].etype == EntityType::Person,
                Kind::Word(c) if c.has(WordClass::Honorific) => {}
                Kind::Punct('.') if self.abbreviation_stop(j) => {}
                _ => return false,
            }
            j += 1;
        }
        false
    }

    /// Groups: chunks joined by commas and "dan"/"and" ("China, Rusia, dan
    /// Iran"), allowing one plain word after the conjunction ("AS dan blok
    /// NATO") and a short aside between commas ("Putin, kiri, dan Xi").
    fn build_groups(&mut self, a: &Analysis) {
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
                let Some(j) = self.joins(a, last + 1, next.first) else {
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
    fn joins(&self, an: &Analysis, from: usize, to: usize) -> Option<Join> {
        if to < from || to - from > Reach::JOIN {
            return None;
        }
        let all = [from, from + 1, from + 2, from + 3];
        let conj = |i: usize| self.has(i, WordClass::Coord) || self.is_punct(i, '&');
        let person = |i: usize| {
            self.mention(an, i)
                .is_some_and(|m| m.etype == EntityType::Person)
        };
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
            // "Prabowo - Hatta", "Jokowi – JK": a ticket of two people.
            [a] if (self.is_punct(*a, '-') || self.is_punct(*a, '–'))
                && person(*a - 1)
                && person(*a + 1) =>
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
}
