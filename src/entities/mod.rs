//! Stage 3, entity mentions: every way a mention is found.
//!
//! [`EntityStage::run`] takes a document's [`Analysis`] with its sentences
//! and boilerplate lines and writes `mentions` and `local_entities`, in
//! this order (each step reads what the ones before it left):
//!
//! 1. gazetteer matches ([`gazetteer`]): aliases, seats and demonyms
//!    outside boilerplate lines (no roman numeral after a lower-case word,
//!    "Pius XI"), countries nested in organisations' names;
//!    a one-word organisation before an unknown capitalised word is part of
//!    a longer name and dropped;
//!    1b. state bodies by kind and country ([`bodies`]): "Kemlu Jepang",
//!    "kementerian pertahanan Rusia", "Japan's foreign ministry" (the
//!    country nested);
//! 2. drop products: a company before a model number ("Boeing 737");
//! 3. drop named places: a known person after a place head ("Jalan
//!    Kolonel Sugiono");
//! 4. split families: given names before a known surname ("Michelle
//!    Obama");
//! 5. titled people and 6. appositions, sentence by sentence, then 7. add
//!    those people (after the known mentions are settled, so a name
//!    the gazetteer knows is never found again);
//! 8. repeated surnames, once every person of the document is known;
//! 9. organisations by head word (their nested countries and places are
//!    those of steps 1–8);
//! 10. acronyms of the organisations of steps 1 and 9;
//! 11. names from the learned tagger ([`tagger`]): bare people ("kata
//!     Anis"), organisations and places no step before found, with
//!     `source` = `model`; the repeated surnames of its people are linked
//!     to them (step 8 for them);
//! 12. seats: a seat of government is its country or a place, which the
//!     relation stage reads (an entities-only run skips that stage);
//! 13. an organisation and its own abbreviation in brackets, or its legal
//!     form, become one mention ("Bursa Efek Indonesia (BEI)", "PT
//!     Pertamina (Persero)"; [`orgs::join_bracketed_abbreviations`]).
//!
//! Names beyond the lists:
//!
//! - A title or role word, then (optionally) its country or organisation,
//!   then two to four capitalised words: "Menlu Rusia Sergei Lavrov",
//!   "penasihat presiden Rusia untuk urusan luar negeri, Yuri Ushakov",
//!   "kata juru bicara Kremlin Dmitry Peskov", "President Cyril Ramaphosa".
//! - An apposition: capitalised words, a comma, a title, with an article,
//!   the title's country or organisation and a possessive allowed before
//!   it ("Yuri Ushakov, penasihat Kremlin", "Kofi Annan, the UN
//!   secretary-general", "Michel Suleiman, Lebanon's president").
//! - Once a person is mentioned in a document (found by gazetteer or by
//!   pattern), a later bare surname is the same person ("Ushakov"), unless
//!   two people of the document share it.
//! - A title's place comes before the name and is no person ("Bupati
//!   Lampung Utara Mukhlis Basri", "Kepala Dusun Kleben"; word classes
//!   `place_head` and `compass`); after a regional title and its region
//!   a rank starts the name ("Kapolda Metro Jaya Irjen Fadil Imran").
//! - Given names before a known person's surname that are none of that
//!   person's names are another person ("Michelle Obama"); a known name
//!   after a place head names the place ("Jalan Kolonel Sugiono"); a
//!   company before a model number is the product ("Boeing 737").
//!
//! - Organisations: a head word (`org_head`: Kementerian, Partai,
//!   Ministry, Council) with the capitalised words after it or, in
//!   English, before it ("Kementerian Perdagangan Malaysia", "National
//!   Security Council").
//!   A day, "Nomor" or, in Indonesian, the country ends the name.
//! - An acronym right after an organisation, in brackets or after
//!   "atau"/"or", that spells the initials of its capitalised words
//!   ("Partai Rakyat Maju Bersama (PRMB)"), or right before it in brackets
//!   ("HKTI (Himpunan Kerukunan Tani Indonesia)"), is that organisation,
//!   and so are its later uses in the document.
//!
//! Pattern-found people and organisations get an id built from the name as
//! written (SPEC §1: `Yuri_Ushakov`) and `source` = `pattern`; the
//! tagger's the same kind of id and `source` = `model`.

mod bodies;
mod gazetteer;
mod orgs;
mod people;
mod seats;
mod spans;
mod tagger;

use people::LowerCaseWords;
pub(crate) use tagger::{SpelledPeople, TaggerWords};

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::analysis::{Analysis, Mention};
use crate::context::DocCtx;
use crate::gazetteer::{Gazetteer, Word};
use crate::lang::profile;
use crate::lang::{Determiners, LangLexicon, Lexicons};
use crate::phrase::{Case, PhraseSet};
use crate::phrase::{PhraseSetBuilder, VocabularyBuilder, WordTable};
use crate::schema::{Classes, EntityType, Lang, WordClass};
use crate::tokenize::{LowerSet, Token};

pub use gazetteer::EntityPhrase;
#[cfg(test)]
pub(crate) use tagger::Label;
pub use tagger::NameModel;

/// The entity stage, built once from the gazetteer and shared by threads.
#[derive(Debug, Clone)]
pub(crate) struct EntityStage {
    gaz: Arc<Gazetteer>,
    lexicons: Arc<Lexicons>,
    /// The gazetteer's aliases, seats and demonyms.
    phrases: PhraseSet<EntityPhrase>,
    /// Lower-case stop words of both languages: never part of a name.
    stop: LowerSet,
    /// Lower-case words of titles ("menteri", "ketua", "direktur"): never
    /// part of a person's or an organisation's name.
    title_words: LowerSet,
    /// Lower-case function words of the word lists: never part of a
    /// person's name.
    function_words: LowerSet,
    /// Lower-case one-word titles ("ketua", "menteri"): never part of an
    /// organisation's name ("Ketua Pengadilan Negeri" is a person's office).
    title_heads: LowerSet,
    /// Organisation head words of each language, capitalised.
    org_heads: HashMap<Lang, PhraseSet<()>>,
    /// The generic names of organs ("Dewan Pimpinan Pusat", "Bank
    /// Sentral"), lower-case: found alone by pattern, no organisation.
    generic_bodies: LowerSet,
    /// Words that begin a place's or a unit's name ("Dusun", "Kabupaten",
    /// "Resimen"), lower-case.
    place_heads: LowerSet,
    /// Nouns of a unit of a body ("Bidang", "Divisi"), lower-case: a name
    /// after a title that begins with one is the unit's, no person's.
    unit_nouns: LowerSet,
    /// Words that end a place's name after a capitalised word ("Utara",
    /// "Barat"), lower-case.
    compass: LowerSet,
    /// Honorifics and ranks ("Bapak", "Kolonel"), lower-case.
    honorifics: LowerSet,
    /// One-word English organisation heads ("Records", "Council"),
    /// lower-case.
    english_heads: LowerSet,
    /// (entity, alias) index pairs of known people, by entity.
    person_aliases: Vec<(u32, u32)>,
    /// Articles and possessives ("the", "its"): passed over between an
    /// apposition's comma and its title, and between a place preposition
    /// and a seat ("at the Kremlin").
    determiners: Determiners,
    /// Place prepositions ("di", "in"): a seat after one is a place.
    place_preps: LowerSet,
    /// Particles inside people's names ("bin", "van"), lower-case.
    particles: LowerSet,
    /// Words that join the capitalised words of an organisation's name
    /// after a name word ("of", "dan"), as written; the English ones
    /// also looking back from a head that ends the name.
    joiners: WordList,
    english_joiners: WordList,
    /// Joiners that may stand right after the head word ("of", "for").
    name_preps: WordList,
    /// Joiners that may stand before an acronym ("and", "dan").
    name_coords: WordList,
    /// Words between an organisation's name and its acronym ("atau",
    /// "or"), as written.
    alternatives: WordList,
    /// The name tagger's model (if on) and the word lists its features
    /// read.
    tagger: TaggerWords,
    /// State bodies named by kind and country (step 1b).
    bodies: bodies::StateBodies,
}

/// A few words, matched exactly as written (a scan: the lists are short).
#[derive(Debug, Clone, Default)]
struct WordList(Vec<String>);

impl WordList {
    fn contains(&self, w: &str) -> bool {
        self.0.iter().any(|x| x == w)
    }
}

impl FromIterator<String> for WordList {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        WordList(iter.into_iter().collect())
    }
}

/// The words of the gazetteer's word lists that `keep` keeps, as written.
fn words_where<T: FromIterator<String>>(gaz: &Gazetteer, keep: impl Fn(&Word) -> bool) -> T {
    gaz.words
        .iter()
        .filter(|w| keep(w))
        .map(|w| w.word.clone())
        .collect()
}

impl EntityStage {
    /// Builds the stage from the gazetteer's entity phrases (see
    /// [`EntityPhrase::set`]) and word lists, with its head words in the
    /// shared vocabulary.
    pub(crate) fn new(
        gaz: Arc<Gazetteer>,
        lexicons: Arc<Lexicons>,
        phrases: PhraseSet<EntityPhrase>,
        vocabulary: &mut VocabularyBuilder,
        tagger: TaggerWords,
    ) -> EntityStage {
        let stop = gaz.stopwords.values().flatten().cloned().collect();
        let words_of = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        let title_words = gaz.titles.iter().flat_map(|t| words_of(&t.title)).collect();
        // One-word titles ("Ketua", "Menteri", "Direktur"), not first words
        // of longer ones ("National" of "National Security Adviser").
        let title_heads = gaz
            .titles
            .iter()
            .filter(|t| !t.title.contains(char::is_whitespace))
            .map(|t| t.title.to_lowercase())
            .collect();
        let function_words = gaz
            .words
            .iter()
            .filter(|w| !w.class.is_looked_up())
            .flat_map(|w| words_of(&w.word))
            .collect();
        let mut org_heads = HashMap::new();
        for lang in Lang::ALL {
            let mut b = PhraseSetBuilder::new();
            for w in gaz
                .words
                .iter()
                .filter(|w| w.class == WordClass::OrgHead && w.lang.is_none_or(|l| l == lang))
            {
                b.add(&w.word, Case::Cap, ());
            }
            org_heads.insert(lang, b.build_in(vocabulary));
        }

        let class = |class: WordClass| move |w: &Word| w.class == class;
        // The words of a class in the lists of the languages whose
        // organisation names may end with their head (English).
        let head_last = |class: WordClass| {
            move |w: &Word| w.class == class && w.lang.is_some_and(|l| profile(l).org_head_last)
        };
        // One-word English organisation heads ("Records").
        let english_heads = words_where(&gaz, |w| {
            head_last(WordClass::OrgHead)(w) && !w.word.contains(char::is_whitespace)
        });
        let mut person_aliases: Vec<(u32, u32)> = (0..gaz.aliases.len() as u32)
            .map(|i| (gaz.aliases[i as usize].entity, i))
            .filter(|&(e, _)| gaz.entity(e).etype == EntityType::Person)
            .collect();
        person_aliases.sort_unstable();
        let determiners = Determiners::new(&gaz);
        let bodies = bodies::StateBodies::new(&gaz, vocabulary);
        EntityStage {
            lexicons,
            phrases,
            stop,
            title_words,
            title_heads,
            function_words,
            org_heads,
            generic_bodies: words_where(&gaz, class(WordClass::GenericBody)),
            place_heads: words_where(&gaz, class(WordClass::PlaceHead)),
            unit_nouns: words_where(&gaz, class(WordClass::UnitNoun)),
            compass: words_where(&gaz, class(WordClass::Compass)),
            honorifics: words_where(&gaz, class(WordClass::Honorific)),
            english_heads,
            person_aliases,
            determiners,
            place_preps: words_where(&gaz, class(WordClass::PlacePrep)),
            particles: words_where(&gaz, class(WordClass::NameParticle)),
            joiners: words_where(&gaz, class(WordClass::NameJoiner)),
            english_joiners: words_where(&gaz, head_last(WordClass::NameJoiner)),
            name_preps: words_where(&gaz, class(WordClass::NamePrep)),
            name_coords: words_where(&gaz, class(WordClass::NameCoord)),
            alternatives: words_where(&gaz, class(WordClass::Alternative)),
            tagger,
            bodies,
            gaz,
        }
    }

    /// The gazetteer's entity phrases.
    pub(crate) fn phrases(&self) -> &PhraseSet<EntityPhrase> {
        &self.phrases
    }

    /// Finds the document's mentions (see the module doc for the order).
    pub(crate) fn run(&self, ctx: &mut DocCtx, a: &mut Analysis) {
        self.find_before_model(ctx, a);
        self.tag_names(ctx, a);
        self.resolve_seats(ctx.text, a);
        orgs::join_bracketed_abbreviations(ctx.text, a);
    }

    /// The features the name tagger reads of every token of every sentence
    /// (after steps 1–10, as [`run`](Self::run) computes them).
    pub(crate) fn tagger_features(
        &self,
        ctx: &mut DocCtx,
        a: &mut Analysis,
    ) -> Vec<Vec<(Range<usize>, Vec<String>)>> {
        self.find_before_model(ctx, a);
        tagger::sentence_features(self, ctx, a)
    }

    /// For tests: steps 1–10, then the tagger's labels and feature strings
    /// of every sentence.
    #[cfg(test)]
    pub(crate) fn tagger_check(
        &self,
        ctx: &mut DocCtx,
        a: &mut Analysis,
    ) -> Vec<(Vec<tagger::Label>, Vec<Vec<String>>)> {
        self.find_before_model(ctx, a);
        tagger::labels_and_features(self, ctx, a)
    }

    /// Steps 1–10: the gazetteer and the patterns.
    fn find_before_model(&self, ctx: &mut DocCtx, a: &mut Analysis) {
        let text = ctx.text;
        self.find_listed(ctx, a);
        self.find_state_bodies(ctx, a);
        orgs::drop_products(text, a);
        orgs::short_names_of_longer(text, a);
        self.drop_named_places(text, a);
        let mut lowercase = LowerCaseWords::new(text);
        self.split_families(text, a, &mut lowercase);
        let found = self.find_people(ctx, a, &mut lowercase);
        self.add_people(text, a, found);
        self.link_repetitions(text, a);
        self.find_organisations(ctx, a);
        self.link_acronyms(text, a);
    }
}

/// One sentence as the pattern rules read it: its tokens, the mentions
/// found in it so far, and the lexicon of the document's language.
struct Sentence<'t> {
    text: &'t str,
    words: &'t WordTable,
    lex: &'t LangLexicon,
    range: Range<usize>,
    tokens: &'t [Token],
    mentions: &'t [Mention],
}

impl<'t> Sentence<'t> {
    /// Sentence `si` of `a` (with the byte range `range`), tokenised
    /// through the context's cache.
    fn read(
        ctx: &'t mut DocCtx,
        lex: &'t LangLexicon,
        a: &'t Analysis,
        si: usize,
        range: Range<usize>,
    ) -> Sentence<'t> {
        Sentence {
            text: ctx.text,
            words: &ctx.words,
            lex,
            tokens: ctx.tokens.get(ctx.text, si, range.clone()),
            mentions: &a.mentions[a.sentence_mentions(si as u32)],
            range,
        }
    }

    /// The text of token `t`.
    fn word(&self, t: &Token) -> &'t str {
        &self.text[t.start..t.end]
    }

    /// The text of the `k`th token.
    fn word_at(&self, k: usize) -> &'t str {
        self.word(&self.tokens[k])
    }

    /// The mention that token `t` overlaps.
    fn mention_at(&self, t: &Token) -> Option<&'t Mention> {
        self.mentions
            .iter()
            .find(|m| t.start < m.end && m.start < t.end)
    }

    /// The word classes of token `t` (of a phrase of the word lists that is
    /// exactly the token).
    fn classes(&self, t: &Token) -> Classes {
        let mut c = Classes::default();
        self.lex
            .words
            .find_each_in(self.text, self.words, t.start..t.end, |f| {
                if f.start == t.start && f.end == t.end {
                    c = *f.value;
                }
            });
        c
    }
}

/// A capitalised word: an upper-case letter first, a lower-case one later.
fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use crate::analysis::MentionSource;
    use crate::{Document, GazetteerBuilder, Pipeline};

    /// The mentions found by pattern in `text`, as written.
    fn found(p: &Pipeline, text: &str) -> Vec<String> {
        let a = p.process(&Document::new("d", text));
        a.mentions
            .iter()
            .filter(|m| m.source == MentionSource::Pattern)
            .map(|m| text[m.start..m.end].to_owned())
            .collect()
    }

    /// A capitalised run after a title is no person when the document
    /// also writes one of its words in lower case ("Bunga Mawar" … "bunga
    /// mawar"); a name whose words the document never writes in lower case
    /// stays. (The check compared the capitalised word itself with the
    /// lower-case words, so it never fired.)
    #[test]
    fn capitalised_common_words_after_a_title_are_no_person() {
        let p = Pipeline::builder().entities_only(true).build();
        assert_eq!(
            found(
                &p,
                "Menlu Rusia Bunga Mawar hadir di sana. Ia membawa bunga mawar untuk tuan rumah."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            found(
                &p,
                "Menlu Rusia Sergei Razumov hadir di sana. Ia membawa bunga untuk tuan rumah."
            ),
            ["Sergei Razumov"]
        );
    }

    #[test]
    fn the_words_inside_names_are_the_word_lists() {
        let p = Pipeline::builder().entities_only(true).build();
        let cases: &[(&str, &[&str])] = &[
            // name_particle, in any letter case.
            (
                "Menteri Luar Negeri Ahmad bin Yusuf tiba. Duta Besar Hans VON Stein hadir.",
                &["Ahmad bin Yusuf", "Hans VON Stein"],
            ),
            // name_joiner after a name word, name_coord before an acronym;
            // "untuk" is no name_coord, and joins no head to its name.
            (
                "Kementerian Urusan Adat dan HAM menolak. Badan Nasional untuk HAM menolak. \
                 Badan untuk Pembangunan Kota hadir. Dewan Kota dan Dewan Desa hadir.",
                &[
                    "Kementerian Urusan Adat dan HAM",
                    "Badan Nasional",
                    "Dewan Kota",
                    "Dewan Desa",
                ],
            ),
            // name_prep right after the head, as written only.
            (
                "The Ministry of Foreign Affairs said the Ministry Of Foreign Affairs had not.",
                &["Ministry of Foreign Affairs"],
            ),
            // Looking back from an English head, only English joiners.
            (
                "Kata presiden Sinar dan Bulan Records, itu baik. Kata presiden Sinar and Bulan Records, itu baik.",
                &["Bulan Records", "Sinar and Bulan Records"],
            ),
            // alternative, as written.
            (
                "The National Disaster Relief Agency or NDRA said. The National Water Agency Or NWA said.",
                &[
                    "National Disaster Relief Agency",
                    "NDRA",
                    "National Water Agency",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(found(&p, text), *want, "{text}");
        }
    }

    #[test]
    fn roman_numerals_after_lower_case_are_no_names() {
        let p = Pipeline::builder().entities_only(true).build();
        let xi = |text: &str| -> Vec<String> {
            let a = p.process(&Document::new("d", text));
            a.mentions
                .iter()
                .filter(|m| a.entity(p.gazetteer(), m.entity).id == "Xi_Jinping")
                .map(|m| text[m.start..m.end].to_owned())
                .collect()
        };
        assert!(xi("Paus Pius XI wafat pada abad XI.").is_empty());
        assert_eq!(
            xi("PUTIN BERTEMU XI. XI tiba. Xi tiba."),
            ["XI", "XI", "Xi"]
        );
    }

    #[test]
    fn a_class_added_to_the_lists_is_read() {
        let text = "The Ministry per Foreign Affairs said. Envoy Jan ter Horst came.";
        let default = Pipeline::builder().entities_only(true).build();
        assert!(found(&default, text).is_empty());
        let mut b = GazetteerBuilder::new();
        b.add_defaults().add_str(
            "words-en.tsv",
            "word\tclass\nper\tname_joiner\nper\tname_prep\nter\tname_particle\n",
        );
        let (gaz, diags) = b.build();
        assert!(diags.is_empty(), "{diags:?}");
        let p = Pipeline::builder()
            .gazetteer(gaz)
            .entities_only(true)
            .build();
        assert_eq!(
            found(&p, text),
            ["Ministry per Foreign Affairs", "Jan ter Horst"]
        );
    }
}
