//! Buffer recycling: the vectors of a [`Sent`] and of its construction,
//! kept from one sentence and one document to the next.

use super::build::Candidate;
use super::{Kind, Sent, Vecs};
use crate::gazetteer::Gazetteer;
use crate::lang::{CueInfo, Determiners, LookedUpWords};
use crate::schema::Lang;
use crate::tokenize::SentenceTokens;

/// Buffers reused from one sentence to the next: [`Sent::new`] takes them,
/// [`Sent::recycle`] gives them back.
pub(crate) struct Scratch<'a> {
    /// The determiners of the word lists, for every sentence.
    pub(super) determiners: &'a Determiners,
    /// The looked-up words of the word lists, for every sentence.
    pub(super) looked_up: &'a LookedUpWords,
    pub(super) tokens: SentenceTokens,
    /// Bytes of the sentence already covered by a placed span.
    pub(super) taken: Vec<bool>,
    pub(super) placed: Vec<(usize, usize, Kind)>,
    pub(super) cand: Vec<Candidate>,
    pub(super) gaps: Vec<std::ops::Range<usize>>,
    /// The last sentence built, whose vectors the next one reuses.
    pub(super) spare: Option<Sent<'a>>,
    /// Build every sentence, even one no rule can use (for `KABAR_DEBUG`).
    pub(super) always: bool,
}

/// The vectors of a [`Scratch`], empty, kept from one document to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    taken: Vec<bool>,
    placed: Vec<(usize, usize, Kind)>,
    cand: Vec<Candidate>,
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
        looked_up: &'a LookedUpWords,
        gaz: &'a Gazetteer,
        tokens: SentenceTokens,
        always: bool,
        b: Buffers,
    ) -> Self {
        Scratch {
            determiners,
            looked_up,
            tokens,
            taken: b.taken,
            placed: b.placed,
            cand: b.cand,
            gaps: b.gaps,
            spare: Some(Sent {
                cues: relabel(b.cues),
                v: b.v,
                ..Sent::empty("", gaz, determiners, looked_up)
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

impl<'a> Sent<'a> {
    /// Gives the sentence's buffers back for the next one.
    pub(crate) fn recycle(self, scratch: &mut Scratch<'a>) {
        scratch.spare = Some(self);
    }

    /// A sentence with no elements (its vectors to be filled).
    pub(super) fn empty(
        text: &'a str,
        gaz: &'a Gazetteer,
        determiners: &'a Determiners,
        looked_up: &'a LookedUpWords,
    ) -> Sent<'a> {
        Sent {
            text,
            gaz,
            determiners,
            looked_up,
            lang: Lang::Id,
            sentence: 0,
            cues: Vec::new(),
            v: Vecs::default(),
        }
    }
}
