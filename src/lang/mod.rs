//! The language layer: the cue lexicons, title words and function words of
//! each language, compiled into phrase automata; the morphology of cue
//! forms ([`morph`]); and language detection by stop words.

pub mod morph;
mod profile;

pub(crate) use profile::profile;

use std::collections::{BTreeMap, HashMap};

use crate::gazetteer::{Cue, Gazetteer};
use crate::phrase::{Case, PhraseSet};
use crate::phrase::{PhraseSetBuilder, VocabularyBuilder, WordTable};
use crate::schema::{Classes, Direction, Forms, GAP, Lang, Relation, WordClass};
use morph::Pos;

/// What a cue form means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueInfo {
    pub relation: Relation,
    /// The cue's CAMEO code; `None`: its relation's root code; an empty
    /// code: none at all.
    pub cameo: Option<Box<str>>,
    pub direction: Direction,
    pub pos: Pos,
    /// The form ends with a preposition ("kunjungan ke", "talks with"): what
    /// follows is its object, never a genitive.
    pub ends_with_prep: bool,
    /// The form is the head of gapped forms ("fired … at"): the index of
    /// its [`Gapped`] entry in [`LangLexicon::gapped`].
    pub gapped: Option<u32>,
}

/// The gapped forms of one head word ("fired … at", "fired … into"):
/// the head is a cue only when one of its tails follows within
/// [`Gapped::REACH`] elements of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gapped {
    /// Each tail as lower-case words, with what the head then means.
    pub tails: Vec<(Vec<String>, CueInfo)>,
    /// What the head alone means if it is also a plain form.
    pub plain: Option<CueInfo>,
}

impl Gapped {
    /// At most this many elements between a head and its tail.
    pub const REACH: usize = 6;
}

/// The determiners of the word lists (no sentence elements: as elements
/// they would hide "and the Philippines"), looked up by the name patterns,
/// the seats and the relation rules.
#[derive(Debug, Clone, Default)]
pub struct Determiners {
    /// "the", "a", "an", "this" (word class `determiner`), lower-case.
    articles: Vec<String>,
    /// "its", "their", "his" (word class `possessive`), lower-case.
    possessives: Vec<String>,
}

impl Determiners {
    pub fn new(gaz: &Gazetteer) -> Determiners {
        let of = |class: WordClass| {
            let mut v: Vec<String> = gaz
                .words
                .iter()
                .filter(|w| w.class == class)
                .map(|w| w.word.to_lowercase())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        Determiners {
            articles: of(WordClass::Determiner),
            possessives: of(WordClass::Possessive),
        }
    }

    /// An article ("the", "a", "this").
    pub fn is_article(&self, w: &str) -> bool {
        in_list(&self.articles, w)
    }

    /// A possessive ("its", "their", "his").
    pub fn is_possessive(&self, w: &str) -> bool {
        in_list(&self.possessives, w)
    }

    /// An article or a possessive.
    pub fn is_determiner(&self, w: &str) -> bool {
        self.is_article(w) || self.is_possessive(w)
    }
}

/// The words of the looked-up classes the relation rules read by class
/// ([`WordClass::Relative`], [`WordClass::GoalPrep`],
/// [`WordClass::PassiveAgent`], [`WordClass::HeadOf`],
/// [`WordClass::PossessiveMark`], [`WordClass::ActorParticiple`],
/// [`WordClass::TimeClause`], [`WordClass::SchoolHead`],
/// [`WordClass::GenericBody`], [`WordClass::Negative`],
/// [`WordClass::ForumVerb`], [`WordClass::UnitNoun`], [`WordClass::Copula`],
/// [`WordClass::DirectVerb`], [`WordClass::Counterpart`],
/// [`WordClass::HeadVerb`]): no
/// sentence elements, but a word of an element is looked up here. Built
/// once with the lexicons. A word is compared in any ASCII case, except a
/// [`WordClass::PossessiveMark`], which is compared as written ("'S" in
/// capitals is no clitic).
#[derive(Debug, Clone, Default)]
pub(crate) struct LookedUpWords {
    /// By class (its index in [`WORD_CLASSES`](crate::schema::WORD_CLASSES)):
    /// each word with the language of its list. A look-up scans its own
    /// class's few words only.
    by_class: Vec<Vec<(Option<Lang>, String)>>,
}

impl LookedUpWords {
    /// The classes read here.
    const CLASSES: [WordClass; 16] = [
        WordClass::Negative,
        WordClass::HeadVerb,
        WordClass::Counterpart,
        WordClass::DirectVerb,
        WordClass::Copula,
        WordClass::UnitNoun,
        WordClass::ForumVerb,
        WordClass::TimeClause,
        WordClass::SchoolHead,
        WordClass::GenericBody,
        WordClass::Relative,
        WordClass::GoalPrep,
        WordClass::PassiveAgent,
        WordClass::HeadOf,
        WordClass::PossessiveMark,
        WordClass::ActorParticiple,
    ];

    /// The words of the looked-up classes of the word lists.
    pub(crate) fn new(gaz: &Gazetteer) -> LookedUpWords {
        let mut by_class: Vec<Vec<(Option<Lang>, String)>> =
            vec![Vec::new(); crate::schema::WORD_CLASSES.len()];
        for w in gaz
            .words
            .iter()
            .filter(|w| Self::CLASSES.contains(&w.class))
        {
            let word = if w.class == WordClass::PossessiveMark {
                w.word.clone()
            } else {
                w.word.to_lowercase()
            };
            by_class[w.class as usize].push((w.lang, word));
        }
        LookedUpWords { by_class }
    }

    /// The words of `class`.
    fn of(&self, class: WordClass) -> &[(Option<Lang>, String)] {
        self.by_class
            .get(class as usize)
            .map_or(&[], |v| v.as_slice())
    }

    /// Is `w` a word of `class`, in the list of any language (as the rules
    /// read it whatever the language of the sentence)?
    pub(crate) fn contains(&self, class: WordClass, w: &str) -> bool {
        self.of(class).iter().any(|(_, x)| Self::same(class, x, w))
    }

    /// Is `w` a word of `class` in the list of `lang` (or of every
    /// language)?
    pub(crate) fn contains_in(&self, class: WordClass, lang: Lang, w: &str) -> bool {
        self.of(class)
            .iter()
            .any(|(l, x)| l.is_none_or(|l| l == lang) && Self::same(class, x, w))
    }

    /// Does `text` begin with a word or phrase of `class`, followed by a
    /// space ("Pengurus Besar Nahdlatul Ulama" of
    /// [`WordClass::GenericBody`])?
    pub(crate) fn begins(&self, class: WordClass, text: &str) -> bool {
        self.of(class).iter().any(|(_, x)| {
            text.len() > x.len()
                && text.is_char_boundary(x.len())
                && Self::same(class, x, &text[..x.len()])
                && text[x.len()..].starts_with(' ')
        })
    }

    /// Is `w` the `listed` word of `class`?
    fn same(class: WordClass, listed: &str, w: &str) -> bool {
        if class == WordClass::PossessiveMark {
            listed == w
        } else {
            listed.eq_ignore_ascii_case(w)
        }
    }
}

/// Is `w` one of a few lower-case words (lower-casing only when needed)?
/// A scan of a handful of words: cheaper here than a [`LowerSet`]'s hash,
/// on a look-up the rules make for nearly every element.
///
/// [`LowerSet`]: crate::tokenize::LowerSet
fn in_list(list: &[String], w: &str) -> bool {
    if w.is_ascii() {
        list.iter().any(|d| d.eq_ignore_ascii_case(w))
    } else {
        list.contains(&w.to_lowercase())
    }
}

/// The compiled lexicon of one language.
#[derive(Debug, Clone)]
pub struct LangLexicon {
    pub lang: Lang,
    pub cues: PhraseSet<CueInfo>,
    /// Gapped cue forms by head ([`CueInfo::gapped`]).
    pub gapped: Vec<Gapped>,
    pub titles: PhraseSet<Relation>,
    pub words: PhraseSet<Classes>,
}

/// Lexicons of every language, and the stop-word profile.
#[derive(Debug, Clone)]
pub struct Lexicons {
    by_lang: BTreeMap<Lang, LangLexicon>,
    /// The looked-up words of the relation rules.
    looked_up: LookedUpWords,
    /// Stop words of one language only (words in both lists tell nothing).
    stopwords: PhraseSet<Lang>,
}

fn applies(entry: Option<Lang>, lang: Lang) -> bool {
    entry.is_none_or(|l| l == lang)
}

/// The word classes of every function word of `lang`, by lower-case word.
/// Looked-up classes (determiners, the words of places' names) are left
/// out: they are never sentence elements.
fn word_classes(gaz: &Gazetteer, lang: Lang) -> HashMap<String, Classes> {
    let mut classes: HashMap<String, Classes> = HashMap::new();
    for w in gaz
        .words
        .iter()
        .filter(|w| applies(w.lang, lang) && !w.class.is_looked_up())
    {
        classes
            .entry(w.word.to_lowercase())
            .or_default()
            .insert(w.class);
    }
    classes
}

/// The cue forms of `lang` as phrases, and the gapped forms by head
/// ([`CueInfo::gapped`]), in lexicon order.
fn cue_phrases(
    gaz: &Gazetteer,
    lang: Lang,
    classes: &HashMap<String, Classes>,
) -> (PhraseSetBuilder<CueInfo>, Vec<Gapped>) {
    // A form that ends with a preposition ("kunjungan ke", "talks with").
    let is_prep = |form: &str| {
        form.rsplit(' ').next().is_some_and(|last| {
            classes.get(&last.to_lowercase()).is_some_and(|c| {
                c.has(WordClass::PrepObj) || c.has(WordClass::PlacePrep) || c.has(WordClass::Agent)
            })
        })
    };
    let mut cues = PhraseSetBuilder::new();
    // Plain forms (to fall back on when a gapped head has no tail),
    // and gapped forms by head, in lexicon order.
    let mut plain: HashMap<String, CueInfo> = HashMap::new();
    let mut gapped: Vec<(String, Gapped)> = Vec::new();
    for c in gaz.cues.iter().filter(|c| applies(c.lang, lang)) {
        let cue_info = |pos, ends_with_prep| CueInfo {
            relation: c.relation,
            // `-`: no code at all, an empty one (see NO_CAMEO).
            cameo: match c.cameo.as_str() {
                "" => None,
                crate::schema::NO_CAMEO => Some("".into()),
                code => Some(code.into()),
            },
            direction: c.direction,
            pos,
            ends_with_prep,
            gapped: None,
        };
        for (form, pos) in cue_forms(c, lang) {
            if let Some((head, tail)) = form.split_once(GAP) {
                // "fired … at": the head's use decides the part of speech.
                let head = head.trim().to_lowercase();
                let info = cue_info(pos_of(lang, &head, &c.cue), false);
                let tail = tail.split_whitespace().map(str::to_lowercase).collect();
                match gapped.iter_mut().find(|(h, _)| *h == head) {
                    Some((_, g)) => g.tails.push((tail, info)),
                    None => gapped.push((
                        head,
                        Gapped {
                            tails: vec![(tail, info)],
                            plain: None,
                        },
                    )),
                }
                continue;
            }
            let ends_with_prep = form.contains(' ') && is_prep(&form);
            // "war against", "talks with": the one word before the
            // preposition says noun or verb ("impose sanctions on"
            // is a verb phrase).
            let pos = match form.rsplit_once(' ') {
                Some((head, _))
                    if profile(lang).prep_head_decides_pos
                        && ends_with_prep
                        && !head.contains(' ') =>
                {
                    (profile(lang).pos_of)(head, &c.cue)
                }
                _ => pos,
            };
            let info = cue_info(pos, ends_with_prep);
            plain.insert(form.to_lowercase(), info.clone());
            cues.add(&form, Case::Any, info);
        }
    }
    // A gapped head is added last, so it wins over a plain form of
    // the same word, which it keeps as its fallback.
    let gapped: Vec<Gapped> = gapped
        .into_iter()
        .enumerate()
        .map(|(k, (head, mut g))| {
            g.plain = plain.get(&head).cloned();
            let info = CueInfo {
                gapped: Some(k as u32),
                ..g.tails[0].1.clone()
            };
            cues.add(&head, Case::Any, info);
            g
        })
        .collect();
    (cues, gapped)
}

/// The forms of one cue row in `lang`, each with its use.
fn cue_forms(c: &Cue, lang: Lang) -> Vec<(String, Pos)> {
    match &c.forms {
        Forms::Stem => stem_forms(lang, &c.cue),
        Forms::Exact => vec![(c.cue.clone(), pos_of(lang, &c.cue, &c.cue))],
        Forms::List(list) => {
            // A listed form that the stem's paradigm also makes
            // takes its use from there ("melawan" is meN- +
            // "lawan", a verb, though it ends in -an).
            let paradigm = stem_forms(lang, &c.cue);
            list.iter()
                .map(|f| {
                    let lf = f.to_lowercase();
                    // (The cue itself may be a verb form, "berterima kasih".)
                    let pos = paradigm
                        .iter()
                        .find(|(g, _)| *g == lf && lf != c.cue.to_lowercase())
                        .map_or_else(|| pos_of(lang, f, &c.cue), |(_, p)| *p);
                    (f.clone(), pos)
                })
                .collect()
        }
    }
}

/// The paradigm of a stem ([`LangProfile::stem_forms`]).
fn stem_forms(lang: Lang, stem: &str) -> Vec<(String, Pos)> {
    (profile(lang).stem_forms)(stem)
}

impl Lexicons {
    /// Builds the lexicons with their words in a shared vocabulary.
    pub fn new_in(gaz: &Gazetteer, vocabulary: &mut VocabularyBuilder) -> Lexicons {
        let mut by_lang = BTreeMap::new();
        for lang in Lang::ALL {
            let classes = word_classes(gaz, lang);
            let (cues, gapped) = cue_phrases(gaz, lang, &classes);
            let mut titles = PhraseSetBuilder::new();
            for t in gaz.titles.iter().filter(|t| applies(t.lang, lang)) {
                titles.add(&t.title, Case::Any, t.relation);
            }
            let mut words = PhraseSetBuilder::new();
            let mut sorted: Vec<_> = classes.into_iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            for (w, c) in sorted {
                words.add(&w, Case::Any, c);
            }
            by_lang.insert(
                lang,
                LangLexicon {
                    lang,
                    cues: cues.build_in(vocabulary),
                    gapped,
                    titles: titles.build_in(vocabulary),
                    words: words.build_in(vocabulary),
                },
            );
        }
        // A stop word of one language only: a word in another language's
        // list tells nothing.
        let empty = Vec::new();
        let list = |lang: Lang| gaz.stopwords.get(&lang).unwrap_or(&empty);
        let mut stopwords = PhraseSetBuilder::new();
        for lang in Lang::ALL {
            for w in list(lang).iter().filter(|w| {
                Lang::ALL
                    .iter()
                    .all(|&other| other == lang || !list(other).contains(w))
            }) {
                stopwords.add(w, Case::Any, lang);
            }
        }
        let stopwords = stopwords.build_in(vocabulary);
        Lexicons {
            by_lang,
            looked_up: LookedUpWords::new(gaz),
            stopwords,
        }
    }

    pub fn get(&self, lang: Lang) -> &LangLexicon {
        &self.by_lang[&lang]
    }

    /// The looked-up words of the relation rules.
    pub(crate) fn looked_up(&self) -> &LookedUpWords {
        &self.looked_up
    }

    /// The language of a text by its stop words (Indonesian when undecided):
    /// one pass over the first 1.5 KB (a few dozen stop words), through the
    /// text's word table.
    pub fn detect_in(&self, text: &str, words: &WordTable) -> Lang {
        let mut end = text.len().min(1536);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut counts = [0usize; Lang::ALL.len()];
        self.stopwords.find_each_in(text, words, 0..end, |f| {
            // A word in capitals is an acronym, not a function word: "AS"
            // (Amerika Serikat) is no English "as".
            let w = &text[f.start..f.end];
            if w.len() >= 2 && !w.chars().any(char::is_lowercase) {
                return;
            }
            counts[*f.value as usize] += 1;
        });
        // The most stop words; on a tie the first language (Indonesian).
        let mut best = 0;
        for (k, &n) in counts.iter().enumerate() {
            if n > counts[best] {
                best = k;
            }
        }
        Lang::ALL[best]
    }
}

fn pos_of(lang: Lang, form: &str, cue: &str) -> Pos {
    (profile(lang).pos_of)(form, cue)
}
