//! The sentence model the relation rules read, without a parser: a
//! sentence becomes a row of elements ([`El`]: entity mentions, cues,
//! titles, function words, punctuation, other words); mentions are grouped
//! into chunks ([`Chunk`]: a title with its person, "Presiden Rusia
//! Vladimir Putin") and coordinated groups ([`Group`]: "China, Rusia, dan
//! Iran"), and each group carries four flags (place, person, described,
//! descriptor).
//!
//! [`Sent::new`] builds it ([`build`]), reusing the buffers of a
//! [`Scratch`] ([`scratch`]); the rules read it through the queries of
//! [`Sent`] here and the argument search of [`crate::relation::args`].

mod build;
mod scratch;

pub(crate) use scratch::{Buffers, Scratch};

use crate::analysis::{Analysis, Mention};
use crate::gazetteer::Gazetteer;
use crate::lang::morph::Pos;
use crate::lang::{CueInfo, Determiners, LookedUpWords};
use crate::relation::reach::Reach;
use crate::schema::{Classes, EntityType, Lang, Relation, WordClass};

/// What an element of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// An entity mention (not a nested one): its index into
    /// `Analysis::mentions`.
    Ent(u32),
    /// A cue: its index for [`Sent::cue`].
    Cue(u32),
    /// A title ("Presiden", "foreign minister") and the relation it gives.
    Title(Relation),
    /// A function word or phrase of the word lists, with its classes.
    Word(Classes),
    /// A one-character punctuation token.
    Punct(char),
    /// Any other token.
    Other,
}

/// One element of a sentence: a placed phrase or mention, or a token.
#[derive(Debug, Clone)]
pub(crate) struct El {
    /// Byte offsets into the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
}

/// A mention with what belongs to it: a title phrase with its person
/// ("Presiden Rusia Vladimir Putin"), an entity with its bracketed acronym
/// ("Organisasi Kesehatan Dunia (WHO)"), or a mention alone.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// The mention that acts (the person of a title phrase).
    pub(crate) head: u32,
    /// Its first and last elements.
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// How two chunks are joined into a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// "dan", "and", "&", "-": closes a list.
    Conj,
    /// A lone comma: a list only if a conjunction follows.
    Comma,
}

/// Coordinated chunks ("China, Rusia, dan Iran"), which act together; a
/// lone chunk is a group of one.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Its chunks, which are consecutive.
    pub(crate) chunks: std::ops::Range<usize>,
    /// Its first and last elements.
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// What a search to the left found ([`Sent::left`]).
pub(crate) enum Left {
    /// The subject candidate: this group.
    Group(usize),
    /// A complementiser ("bahwa") at this element stopped the search.
    Comp(usize),
    /// A pronoun ("pihaknya") at this element stands for the subject.
    Pronoun(usize),
    /// A result connector ("sehingga") at this element: the subject is that
    /// of the clause before.
    Then(usize),
    /// Nothing within the clause and the quote.
    None,
}

/// One sentence as the rules read it: its elements, chunks and groups.
/// Built by [`Sent::new`], read-only for the rules.
pub(crate) struct Sent<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    determiners: &'a Determiners,
    /// The looked-up words ("yang", "'s", "led", …).
    looked_up: &'a LookedUpWords,
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
    /// The chunk of each element, if any.
    chunk_of: Vec<Option<usize>>,
    chunks: Vec<Chunk>,
    /// The group of each chunk.
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
    /// The group of the organ right before each group that is the body
    /// the organ belongs to (`flag_organs`).
    organ_before: Vec<Option<usize>>,
}

/// Punctuation that ends a clause (a comma does not: it may join a list).
pub(crate) const BOUNDARY_PUNCT: &[char] = &[
    ';', ':', '(', ')', '[', ']', '“', '”', '"', '«', '»', '—', '–', '|', '?', '!',
];

impl<'a> Sent<'a> {
    /// The number of elements.
    pub(crate) fn len(&self) -> usize {
        self.v.els.len()
    }

    /// The elements, in text order.
    pub(crate) fn els(&self) -> &[El] {
        &self.v.els
    }

    /// Element `i` (panics past the end).
    pub(crate) fn el(&self, i: usize) -> &El {
        &self.v.els[i]
    }

    /// What element `i` is (panics past the end).
    pub(crate) fn kind(&self, i: usize) -> Kind {
        self.v.els[i].kind
    }

    /// What element `i` is, `None` past the end.
    pub(crate) fn kind_at(&self, i: usize) -> Option<Kind> {
        self.v.els.get(i).map(|e| e.kind)
    }

    /// Cue `q` ([`Kind::Cue`]) as this sentence reads it: a gapped head
    /// is resolved to the form its tail gives ("fired … at").
    pub(crate) fn cue(&self, q: u32) -> &'a CueInfo {
        self.cues[q as usize]
    }

    /// The quote region of element `i`: 0 outside quotes, else the
    /// number of the quote (the elements of one quote share it).
    pub(crate) fn quote(&self, i: usize) -> u16 {
        self.v.quote[i]
    }

    /// The chunks, in text order.
    pub(crate) fn chunks(&self) -> &[Chunk] {
        &self.v.chunks
    }

    /// The chunk element `i` belongs to (panics past the end).
    pub(crate) fn chunk_of(&self, i: usize) -> Option<usize> {
        self.v.chunk_of[i]
    }

    /// Group `g`.
    pub(crate) fn group(&self, g: usize) -> &Group {
        &self.v.groups[g]
    }

    /// Is group `g` of places only (LOCATION mentions: "Krimea",
    /// "Kharkiv")?
    pub(crate) fn is_place(&self, g: usize) -> bool {
        self.v.place[g]
    }

    /// The organ written right before group `g`, a body it belongs to
    /// ("Badan Kehormatan" of "Badan Kehormatan Dewan Perwakilan Rakyat").
    pub(crate) fn organ_before(&self, g: usize) -> Option<usize> {
        self.v.organ_before[g]
    }

    /// Is group `g` one person ("Sergei Lavrov")?
    pub(crate) fn is_person(&self, g: usize) -> bool {
        self.v.person[g]
    }

    /// Is group `g` a title's country with no name ("Pemimpin Rusia")?
    pub(crate) fn is_described(&self, g: usize) -> bool {
        self.v.described[g]
    }

    /// Does group `g` only describe, not act: a described country
    /// ("Pemimpin Rusia"), a demonym as a modifier ("the Thai border") or
    /// a country with a stance or currency word ("anti-Syria", "dolar
    /// AS")?
    pub(crate) fn is_descriptor(&self, g: usize) -> bool {
        self.v.descriptor[g]
    }

    /// The index of the sentence in its [`Analysis`].
    pub(crate) fn sentence(&self) -> u32 {
        self.sentence
    }

    /// The gazetteer the mentions' entities are in.
    pub(crate) fn gaz(&self) -> &'a Gazetteer {
        self.gaz
    }

    /// The language of the lexicon the sentence was read with.
    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }
}

impl<'a> Sent<'a> {
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

    /// The text of element `i` ("Presiden Rusia", "kata", ",").
    pub(crate) fn word(&self, i: usize) -> &'a str {
        &self.text[self.v.els[i].start..self.v.els[i].end]
    }

    /// The part of speech of cue `q` in this sentence.
    pub(crate) fn pos(&self, q: u32) -> Pos {
        self.v.cue_pos[q as usize]
    }

    /// The word classes of element `i`: none unless it is a function
    /// word ([`Kind::Word`]); none past the end.
    pub(crate) fn classes(&self, i: usize) -> Classes {
        match self.v.els.get(i).map(|e| e.kind) {
            Some(Kind::Word(c)) => c,
            _ => Classes::default(),
        }
    }

    /// Is element `i` a function word of class `c` ("dan" of
    /// [`WordClass::Coord`])? False past the end.
    pub(crate) fn has(&self, i: usize, c: WordClass) -> bool {
        self.classes(i).has(c)
    }

    /// Is the text of element `i` a word of the looked-up class `c`, in
    /// the list of any language ("who" of [`WordClass::Relative`], "'s" of
    /// [`WordClass::PossessiveMark`])?
    pub(crate) fn is_word_of(&self, i: usize, c: WordClass) -> bool {
        self.looked_up.contains(c, self.word(i))
    }

    /// Does `text` (a name) begin with a phrase of the looked-up class
    /// `c`?
    pub(crate) fn begins_with_class(&self, text: &str, c: WordClass) -> bool {
        self.looked_up.begins(c, text)
    }

    /// Is `w` (any text: a word of a name) a word of the looked-up class
    /// `c`?
    pub(crate) fn is_class_word(&self, w: &str, c: WordClass) -> bool {
        self.looked_up.contains(c, w)
    }

    /// Is the text of element `i` a word of the looked-up class `c` in the
    /// list of `lang` ("yang" of [`WordClass::Relative`] in Indonesian)?
    pub(crate) fn is_word_of_in(&self, i: usize, c: WordClass, lang: Lang) -> bool {
        self.looked_up.contains_in(c, lang, self.word(i))
    }

    /// Is element `i` the punctuation `c`? False past the end.
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.v.els.get(i).map(|e| e.kind), Some(Kind::Punct(p)) if p == c)
    }

    /// The mention of element `i`, if it is one.
    pub(crate) fn mention<'m>(&self, a: &'m Analysis, i: usize) -> Option<&'m Mention> {
        match self.v.els.get(i)?.kind {
            Kind::Ent(m) => Some(&a.mentions[m as usize]),
            _ => None,
        }
    }

    /// A lower-case word with no role (a modifier like "militer", "blok").
    pub(crate) fn is_plain_lower(&self, i: usize) -> bool {
        matches!(self.v.els.get(i).map(|e| e.kind), Some(Kind::Other))
            && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Are the elements `r` (between two commas) an aside: one to three
    /// words with no entity, quote or bracket ("sementara itu",
    /// "however"), or a speech word and who speaks ("kata Lavrov")?
    pub(crate) fn is_aside(&self, r: std::ops::Range<usize>) -> bool {
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
        speaker || (!r.is_empty() && r.len() <= Reach::ASIDE && r.clone().all(plain))
    }

    /// Are the elements `r` (between two commas, after a person) an
    /// apposition: a title, with at most the country or organisation it
    /// belongs to and a few function words ("the foreign minister of
    /// Russia", "Russia's foreign minister", "Menlu Rusia")?
    pub(crate) fn is_apposition(&self, r: std::ops::Range<usize>) -> bool {
        r.len() <= Reach::APPOSITION
            && r.clone()
                .any(|k| matches!(self.v.els[k].kind, Kind::Title(_)))
            && r.clone().all(|k| match self.v.els[k].kind {
                Kind::Cue(_) | Kind::Punct(_) => false,
                Kind::Ent(_) => self.group_at(k).is_some_and(|g| !self.v.person[g]),
                Kind::Word(c) => !c.has(WordClass::Clause) && !c.has(WordClass::Speech),
                _ => true,
            })
    }

    /// Is element `k` a word that begins the name of a body or one of its
    /// units ("Fraksi", "Dewan Pakar")?
    pub(crate) fn is_unit_word(&self, k: usize) -> bool {
        matches!(self.v.els[k].kind, Kind::Word(c)
            if c.has(WordClass::OrgHead) || c.has(WordClass::GenericBody))
    }

    /// Does an element between `a` and `b` (either order, both left out)
    /// name a unit of a body: a capitalised word no list holds, a unit
    /// word or a unit noun ("Direktur *Pemasaran* Pertamina", "Ketua *DPP*
    /// Partai X", "kepala *divisi* vaksin WHO")?
    pub(crate) fn unit_between(&self, a: usize, b: usize) -> bool {
        (a.min(b) + 1..a.max(b)).any(|k| match self.v.els[k].kind {
            Kind::Other => {
                self.word(k).starts_with(char::is_uppercase)
                    || self.is_word_of(k, WordClass::UnitNoun)
            }
            Kind::Word(_) => self.is_unit_word(k),
            _ => false,
        })
    }

    /// Is mention `m` a listed party?
    pub(crate) fn is_party(&self, a: &Analysis, m: u32) -> bool {
        matches!(a.mentions[m as usize].entity,
            crate::analysis::EntityRef::Gazetteer(g) if self.gaz().parties.contains(&g))
    }

    /// Is element `k` a relative pronoun ("yang", "who", "which")?
    pub(crate) fn is_relative_pronoun(&self, k: usize) -> bool {
        self.has(k, WordClass::Clause) && self.is_word_of(k, WordClass::Relative)
    }

    /// Are the elements `r` (between two commas) a relative clause: a
    /// relative pronoun first, and no quote or clause break?
    pub(crate) fn is_relative(&self, r: std::ops::Range<usize>) -> bool {
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
    pub(crate) fn relative_adverb(&self, k: usize) -> bool {
        k > 0
            && self.is_relative_pronoun(k - 1)
            && self.has(k, WordClass::Clause)
            && !self.is_relative_pronoun(k)
    }

    /// Can element `i`, right after "to"/"untuk", be the verb of an
    /// infinitive: a lower-case word that is no article, or an undo or
    /// light verb ("to lift", "untuk mencabut", "to hold")?
    pub(crate) fn is_infinitive_verb(&self, i: usize) -> bool {
        (self.is_plain_lower(i) && !self.is_article(i))
            || self.has(i, WordClass::Undo)
            || self.has(i, WordClass::LightVerb)
    }

    /// A lower-case word that can modify a noun ("militer", "diplomatik"):
    /// a plain word or a function word with no structural role.
    pub(crate) fn is_modifier(&self, i: usize) -> bool {
        if self.is_plain_lower(i) {
            return true;
        }
        let Some(Kind::Word(c)) = self.v.els.get(i).map(|e| e.kind) else {
            return false;
        };
        !c.is_structural() && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Does element `i` end a clause: a clause word ("yang", "karena",
    /// "while") or a [`BOUNDARY_PUNCT`] (";", a quote mark, a bracket)?
    pub(crate) fn is_boundary(&self, i: usize) -> bool {
        match self.v.els[i].kind {
            Kind::Punct(c) => BOUNDARY_PUNCT.contains(&c),
            Kind::Word(c) => c.has(WordClass::Clause),
            _ => false,
        }
    }

    /// The mention of element `i`, which must be an entity.
    pub(crate) fn ent(&self, i: usize) -> u32 {
        match self.v.els[i].kind {
            Kind::Ent(m) => m,
            _ => unreachable!("not an entity element"),
        }
    }

    /// The group element `i` belongs to: "Presiden" of "Presiden Rusia
    /// Vladimir Putin" is in Putin's group; none for an element outside
    /// every chunk or past the end.
    pub(crate) fn group_at(&self, i: usize) -> Option<usize> {
        self.v
            .chunk_of
            .get(i)
            .copied()
            .flatten()
            .map(|c| self.v.group_of_chunk[c])
    }

    /// The acting mention of each chunk of group `g` ("China, Rusia, dan
    /// Iran": three).
    pub(crate) fn heads(&self, g: usize) -> impl Iterator<Item = u32> + '_ {
        self.v.groups[g]
            .chunks
            .clone()
            .map(|c| self.v.chunks[c].head)
    }

    /// Is the group governed by a preposition (so not a subject)?
    pub(crate) fn after_prep(&self, g: usize) -> bool {
        // "dengan Beijing", "by the European Union", "oleh pasukan Rusia":
        // a preposition, with at most two modifiers or articles between.
        let f = self.v.groups[g].first;
        let mut k = f;
        for _ in 0..Reach::PREP_BEFORE_GROUP {
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
    pub(crate) fn is_article(&self, k: usize) -> bool {
        self.determiners.is_determiner(self.word(k))
    }

    /// A possessive determiner ("its", "their", "his").
    pub(crate) fn is_possessive(&self, k: usize) -> bool {
        self.determiners.is_possessive(self.word(k))
    }

    /// "anti-Syria journalist", "pro-Russian rebels", "ethnic Albanians",
    /// "dolar AS", "US dollars": a word before (or a currency after) group
    /// `g` makes its country describe something else; it neither acts nor
    /// is acted on.
    pub(crate) fn stance(&self, g: usize) -> bool {
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
    pub(crate) fn glued_hyphen(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.v.els.len()
            && self.is_punct(k, '-')
            && self.v.els[k - 1].end == self.v.els[k].start
            && self.v.els[k].end == self.v.els[k + 1].start
    }
}

/// Can the mention act: a person, country or organisation (not a
/// place)?
pub(crate) fn is_actor(m: &Mention) -> bool {
    matches!(
        m.etype,
        EntityType::Person | EntityType::Country | EntityType::Organization
    )
}
