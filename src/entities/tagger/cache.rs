//! The tagger's state scores, word type by word type.
//!
//! Nearly every feature of a token is a feature of one word type: its own
//! (the word, shape, affixes, lists), or that of the word one or two
//! before or after it ("-1w=kata"). So the sum of a type's weights in each
//! of those places is made once, the first time a thread meets the type,
//! and a token's scores are the sum of five such rows, a row for each of
//! the two word pairs it is part of ("-1w|w=", "w|+1w=", with shapes),
//! also kept, and the few features of its place (sentence start,
//! headline, mentions), looked up each time. This is the same sum, in
//! another order, as [`EntityStage::features`](super::EntityStage) gives;
//! a test compares the two on composed sentences.
//!
//! A cache lives on each thread and serves one set of tagger words at a
//! time (a pipeline built anew starts it again); it is emptied when it
//! holds [`MAX_TYPES`] types or [`MAX_PAIRS`] pairs, so memory stays
//! bounded on any corpus.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::keymap::Interner;

use super::super::EntityStage;
use super::model::{LANES, NameModel, Weights, key};
use super::{
    F_BIGRAM, F_FIRST, F_HEADLINE, F_PREV_WORD_SHAPE, F_SHAPE_NEXT_WORD, FeatureSink, Piece,
    TaggerWords, Tok, around_features, list_features, own_features, pair_hash,
};

/// At most this many word types are kept (about 250 bytes each).
pub(super) const MAX_TYPES: usize = 1 << 15;
/// At most this many word pairs are kept (about 80 bytes each).
pub(super) const MAX_PAIRS: usize = 1 << 17;

/// Features summed into one row of scores.
pub(super) struct Sum<'m> {
    pub(super) model: &'m NameModel,
    pub(super) v: Weights,
}

impl FeatureSink for Sum<'_> {
    fn item(&mut self) {}
    fn add(&mut self, name: Piece, value: Piece) {
        self.model.add_weights(key(name.h, value.h), &mut self.v);
    }
    fn add_pair(&mut self, name: Piece, a: Piece, b: Piece) {
        self.model
            .add_weights(key(name.h, pair_hash(a, b)), &mut self.v);
    }
}

/// [`WordType::flags`]: a name particle ("bin", "van").
pub(super) const PARTICLE: u8 = 1;
/// A title's head word ("presiden").
pub(super) const TITLE_HEAD: u8 = 2;
/// A word no person the model finds holds, in text of each language
/// ([`Lang::ALL`](crate::schema::Lang::ALL) order; `TaggerWords::person_stop`).
pub(super) const PERSON_STOP: [u8; 2] = [4, 8];

/// A word type: what the features read of it and its rows of scores.
/// (Laid out so that every row lies in one 64-byte cache line, those a
/// token's score reads first.)
#[repr(C, align(64))]
pub(super) struct WordType {
    /// Its own features and its lists (`0c=`).
    pub(super) own: Weights,
    /// As the word two before, one before, one after and two after
    /// another (words, shapes, lists).
    pub(super) near: [Weights; 4],
    /// As the first word of a sentence.
    pub(super) first: Weights,
    /// As a word of a headline.
    pub(super) headline: Weights,
    /// [`PARTICLE`], [`TITLE_HEAD`], [`PERSON_STOP`].
    pub(super) flags: u8,
    pub(super) tok: Tok,
}

/// The two rows of a word pair, in one cache line.
#[repr(C, align(64))]
#[derive(Clone, Copy)]
struct PairRows([Weights; 2]);

/// The cache of one thread.
#[derive(Default)]
pub(super) struct TypeCache {
    /// The [`TaggerWords::id`] the rows were made with.
    owner: u64,
    /// Each word (as written) read → its type id.
    ids: Interner,
    pub(super) types: Vec<WordType>,
    /// `(a << 32 | b)` of two type ids → the index of the pair's rows for
    /// `a` and `b` in `pair_rows`.
    pairs: FxHashMap<u64, u32>,
    pair_rows: Vec<PairRows>,
    /// No word two before, one before, one after, two after (`-1w=_`).
    pub(super) edge: [Weights; 4],
}

thread_local! {
    static CACHE: RefCell<TypeCache> = RefCell::new(TypeCache::default());
}

/// Runs `f` with this thread's cache, made ready for `words` (whose model
/// is `model`).
pub(super) fn with_cache<R>(
    words: &TaggerWords,
    model: &NameModel,
    f: impl FnOnce(&mut TypeCache) -> R,
) -> R {
    CACHE.with_borrow_mut(|cache| {
        if cache.owner != words.id
            || cache.types.len() >= MAX_TYPES
            || cache.pairs.len() >= MAX_PAIRS
        {
            cache.ids.clear();
            cache.types.clear();
            cache.pairs.clear();
            cache.pair_rows.clear();
            cache.owner = words.id;
            for (j, edge) in cache.edge.iter_mut().enumerate() {
                let mut sum = Sum {
                    model,
                    v: [0.0; LANES],
                };
                around_features(j, None, &mut sum);
                *edge = sum.v;
            }
        }
        f(cache)
    })
}

impl TypeCache {
    /// The id of the type of `word` (as written), its rows made if new.
    pub(super) fn id(&mut self, word: &str, stage: &EntityStage, model: &NameModel) -> u32 {
        if let Some(id) = self.ids.get(word.as_bytes()) {
            return id;
        }
        let tok = Tok::of(word, &stage.tagger.lists);
        // (`str::to_lowercase`, as the sets are asked elsewhere: a final
        // sigma differs from the character-wise `tok.lower`.)
        let other;
        let lower = if word.is_ascii() {
            tok.lower.as_str()
        } else {
            other = word.to_lowercase();
            other.as_str()
        };
        let mut flags = 0;
        for (set, flag) in [
            (&stage.particles, PARTICLE),
            (&stage.title_heads, TITLE_HEAD),
            (&stage.tagger.person_stop[0], PERSON_STOP[0]),
            (&stage.tagger.person_stop[1], PERSON_STOP[1]),
        ] {
            if set.contains(lower) {
                flags |= flag;
            }
        }
        let row = |f: &dyn Fn(&mut Sum)| {
            let mut sum = Sum {
                model,
                v: [0.0; LANES],
            };
            f(&mut sum);
            sum.v
        };
        let t = WordType {
            flags,
            own: row(&|s| {
                own_features(&tok, s);
                list_features(0, &tok, s);
            }),
            first: row(&|s| s.add(F_FIRST, tok.shape())),
            headline: row(&|s| s.add(F_HEADLINE, tok.shape())),
            near: [
                row(&|s| {
                    list_features(3, &tok, s);
                    around_features(0, Some(&tok), s);
                }),
                row(&|s| {
                    list_features(1, &tok, s);
                    around_features(1, Some(&tok), s);
                }),
                row(&|s| {
                    list_features(2, &tok, s);
                    around_features(2, Some(&tok), s);
                }),
                row(&|s| around_features(3, Some(&tok), s)),
            ],
            tok,
        };
        self.types.push(t);
        self.ids.intern(word.as_bytes())
    }

    /// The rows of the word pair `a` `b` (type ids): the features of `a`
    /// that read `b` as the word after ("sh|+1w=", "w|+1w="), and of `b`
    /// that read `a` as the word before ("-1w|sh=", "-1w|w=").
    pub(super) fn pair(&mut self, a: u32, b: u32, model: &NameModel) -> [Weights; 2] {
        let k = u64::from(a) << 32 | u64::from(b);
        if let Some(&i) = self.pairs.get(&k) {
            return self.pair_rows[i as usize].0;
        }
        let (ta, tb) = (&self.types[a as usize].tok, &self.types[b as usize].tok);
        let mut rows = [[0.0; LANES]; 2];
        for (name, x, y, row) in [
            (F_SHAPE_NEXT_WORD, ta.shape(), tb.lower(), 0),
            (F_BIGRAM[1], ta.lower(), tb.lower(), 0),
            (F_PREV_WORD_SHAPE, ta.lower(), tb.shape(), 1),
            (F_BIGRAM[0], ta.lower(), tb.lower(), 1),
        ] {
            model.add_weights(key(name.h, pair_hash(x, y)), &mut rows[row]);
        }
        self.pairs.insert(k, self.pair_rows.len() as u32);
        self.pair_rows.push(PairRows(rows));
        rows
    }
}

/// The word types of a sentence's tokens (`ids` into `cache`, filled where
/// the tagger read).
pub(super) struct SentenceTypes<'a> {
    pub(super) ids: &'a [u32],
    pub(super) cache: &'a TypeCache,
}

impl SentenceTypes<'_> {
    /// The type of token `k` (read).
    pub(super) fn of(&self, k: usize) -> &WordType {
        &self.cache.types[self.ids[k] as usize]
    }
}
