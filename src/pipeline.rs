//! The pipeline: one document in, its [`Analysis`] out; and many documents
//! in parallel (rayon), in input order.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::{Analysis, SectionOffset};
use crate::context::DocCtx;
use crate::entities::{EntityStage, SpelledPeople, TaggerWords};
use crate::gazetteer::Gazetteer;
use crate::input::Document;
use crate::lang::Lexicons;
use crate::phrase::{PhraseSet, Vocabulary, VocabularyBuilder, WordTable};
use crate::relation::{RelationOptions, RelationStage};
use crate::schema::Lang;
use crate::tokenize::{split_sentences, split_sentences_within_line};

pub use crate::entities::{EntityPhrase, NameModel};

/// Builds a [`Pipeline`]. Defaults: the compiled-in gazetteers, relations
/// on, no co-occurrence rows.
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    gazetteer: Option<Arc<Gazetteer>>,
    lang: Option<Lang>,
    relation: RelationOptions,
    entities_only: bool,
    /// `Some(None)`: no name tagger; `None`: the default (none).
    model: Option<Option<Arc<NameModel>>>,
}

impl PipelineBuilder {
    /// Tags names with this model instead of the compiled-in one.
    pub fn model(&mut self, model: Arc<NameModel>) -> &mut Self {
        self.model = Some(Some(model));
        self
    }

    /// Turns the name tagger with the compiled-in model on (`true`) or off
    /// (default `false`).
    pub fn tagger(&mut self, on: bool) -> &mut Self {
        self.model = Some(on.then(NameModel::builtin));
        self
    }

    /// Uses this gazetteer instead of the defaults.
    pub fn gazetteer(&mut self, gaz: impl Into<Arc<Gazetteer>>) -> &mut Self {
        self.gazetteer = Some(gaz.into());
        self
    }

    /// Fixes the language of every document (default: detected per document).
    pub fn lang(&mut self, lang: Option<Lang>) -> &mut Self {
        self.lang = lang;
        self
    }

    /// Also writes `co_occurs` triples (default off).
    pub fn cooccurrence(&mut self, yes: bool) -> &mut Self {
        self.relation.cooccurrence = yes;
        self
    }

    /// Drops the triples whose `confidence` is below `min` (0 to 1; default
    /// 0, every triple kept).
    pub fn min_confidence(&mut self, min: f32) -> &mut Self {
        self.relation.min_confidence = min;
        self
    }

    /// Finds entity mentions only: no relation stage, so every analysis has
    /// no triples (default off).
    pub fn entities_only(&mut self, yes: bool) -> &mut Self {
        self.entities_only = yes;
        self
    }

    /// The pipeline: loads the compiled-in gazetteers when none was given,
    /// and builds the phrase sets of every stage from it.
    pub fn build(&self) -> Pipeline {
        let model = || match &self.model {
            Some(m) => m.clone(),
            None => Some(NameModel::builtin()),
        };
        // Start-up is a few tens of milliseconds of independent work, done
        // on two threads (on one if no thread can be started): the
        // compiled-in model is read while the default gazetteer loads, and
        // the entity phrases (and the tagger's index of spelled names) are
        // built in a vocabulary of their own while the lexicons and the
        // tagger's word lists are made; their first words then join the
        // shared vocabulary (numbered otherwise, which changes no match).
        let (gaz, phrases, lexicons, mut vocabulary, tagger) = std::thread::scope(|s| {
            let reading = match &self.gazetteer {
                Some(_) => None,
                None => Some(Background::start(s, model)),
            };
            let gaz = self
                .gazetteer
                .clone()
                .unwrap_or_else(|| Arc::new(Gazetteer::default_files()));
            let g = gaz.clone();
            // (The index of spelled names too: the first unknown name, the
            // model's or a pattern's, would make it otherwise.)
            let entity_phrases = Background::start(s, move || {
                let mut own = VocabularyBuilder::new();
                let phrases = EntityPhrase::set(&g, &mut own);
                (phrases, own, SpelledPeople::of(&g))
            });
            // Every phrase set is searched through one table of the words
            // of each document (one lookup per word for all of them).
            let mut vocabulary = VocabularyBuilder::new();
            let lexicons = Arc::new(Lexicons::new_in(&gaz, &mut vocabulary));
            let model = match reading {
                Some(r) => r.finish(),
                None => model(),
            };
            let tagger = TaggerWords::new(&gaz, model);
            let (mut phrases, own, spelled) = entity_phrases.finish();
            let tagger = tagger.with_spelled_people(spelled);
            phrases.move_into(own, &mut vocabulary);
            (gaz, phrases, lexicons, vocabulary, tagger)
        });
        let relations = RelationStage::new(gaz.clone(), lexicons.clone(), self.relation.clone());
        let entities = EntityStage::new(
            gaz.clone(),
            lexicons.clone(),
            phrases,
            &mut vocabulary,
            tagger,
        );
        Pipeline {
            entities,
            relations,
            lexicons,
            lang: self.lang,
            entities_only: self.entities_only,
            vocabulary: vocabulary.build(),
            gaz,
        }
    }
}

/// Work started on a scoped thread, or done at once when no thread can be
/// started.
enum Background<'s, T> {
    Thread(std::thread::ScopedJoinHandle<'s, T>),
    Done(T),
}

impl<'s, T: Send + 's> Background<'s, T> {
    fn start<'e, F>(s: &'s std::thread::Scope<'s, 'e>, f: F) -> Self
    where
        F: FnOnce() -> T + Send + 's,
    {
        let slot = Arc::new(std::sync::Mutex::new(Some(f)));
        let theirs = Arc::clone(&slot);
        let take = |slot: &std::sync::Mutex<Option<F>>| {
            slot.lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .expect("the work is taken once")
        };
        match std::thread::Builder::new().spawn_scoped(s, move || take(&theirs)()) {
            Ok(handle) => Background::Thread(handle),
            // The closure was dropped with its handle on the work.
            Err(_) => Background::Done(take(&slot)()),
        }
    }

    fn finish(self) -> T {
        match self {
            Background::Thread(handle) => handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Background::Done(t) => t,
        }
    }
}

/// The whole job for one document: boilerplate, sentences, entity mentions,
/// relations. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    gaz: Arc<Gazetteer>,
    entities: EntityStage,
    vocabulary: Vocabulary,
    relations: RelationStage,
    /// Language detection.
    lexicons: Arc<Lexicons>,
    /// The language of every document; `None` detects it per document.
    lang: Option<Lang>,
    entities_only: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::builder().build()
    }
}

impl Pipeline {
    /// A builder with the defaults (see [`PipelineBuilder`]).
    ///
    /// ```
    /// use kabar::{Document, Pipeline};
    ///
    /// let pipeline = Pipeline::builder().entities_only(true).build();
    /// let analysis = pipeline.process(&Document::new("d1", "Putin bertemu Xi Jinping."));
    /// assert!(!analysis.mentions.is_empty());
    /// assert!(analysis.triples.is_empty());
    /// ```
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The gazetteer it matches with; [`Analysis::entity`] needs it to
    /// turn a mention's [`EntityRef`](crate::EntityRef) into its entity.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// The gazetteer's entity phrases (for benchmarks and the matching
    /// floor).
    pub fn entity_phrases(&self) -> &PhraseSet<EntityPhrase> {
        self.entities.phrases()
    }

    /// Analyses one document.
    pub fn process(&self, doc: &Document) -> Analysis {
        self.process_text(&doc.text, None, false, doc.year)
    }

    /// `mid_line`: the text starts inside a line of its document (a section
    /// cut at a sentence end), so its first line is no line of its own.
    fn process_text(
        &self,
        text: &str,
        lang: Option<Lang>,
        mid_line: bool,
        year: Option<u16>,
    ) -> Analysis {
        let (mut a, mut ctx) = self.start(text, lang, mid_line);
        a.year = year;
        // The entity stage hands the sentences' tokens to the relation
        // stage in `ctx`.
        self.entities.run(&mut ctx, &mut a);
        if !self.entities_only {
            self.relations.run(&mut ctx, &mut a);
        }
        a
    }

    /// The name tagger's features of every token of every sentence of a
    /// document: per sentence, each token's byte range and features, as
    /// the tagger reads them after the gazetteer and the patterns (for
    /// `examples/tagger_features.rs`, which writes training data).
    #[doc(hidden)]
    pub fn tagger_features(&self, doc: &Document) -> Vec<Vec<(Range<usize>, Vec<String>)>> {
        let (mut a, mut ctx) = self.start(&doc.text, None, false);
        self.entities.tagger_features(&mut ctx, &mut a)
    }

    /// For tests: the tagger's labels and feature strings of every
    /// sentence of a document.
    #[cfg(test)]
    pub(crate) fn tagger_check(
        &self,
        doc: &Document,
    ) -> Vec<(Vec<crate::entities::Label>, Vec<Vec<String>>)> {
        let (mut a, mut ctx) = self.start(&doc.text, None, false);
        self.entities.tagger_check(&mut ctx, &mut a)
    }

    /// Steps 1–4 of a text: boilerplate, sentences, word table, language.
    fn start<'t>(
        &self,
        text: &'t str,
        lang: Option<Lang>,
        mid_line: bool,
    ) -> (Analysis, DocCtx<'t>) {
        let mut boilerplate = self.gaz.boilerplate.lines(text);
        if mid_line && boilerplate.first().is_some_and(|r| r.start == 0) {
            boilerplate.remove(0);
        }
        let mut a = Analysis {
            boilerplate,
            ..Analysis::default()
        };
        split_sentences(text, &self.gaz.abbreviations, &mut a.sentences);
        let words = self.vocabulary.table(text);
        let lang = lang.unwrap_or_else(|| self.language_in(text, &words));
        a.lang = Some(lang);
        (a, DocCtx::new(text, words, lang))
    }

    /// The language of a text: the fixed one, or detected by its stop
    /// words through its word table (an empty one will do).
    fn language_in(&self, text: &str, words: &WordTable) -> Lang {
        self.lang
            .unwrap_or_else(|| self.lexicons.detect_in(text, words))
    }

    /// Analyses a document in sections of about `section_bytes` (split at
    /// line breaks, else at sentence ends, else at a space), calling `f`
    /// with each section (as a document of its own, with the same id) and
    /// its analysis, in order; the memory a document's analysis needs is
    /// then that of one section. A document no longer than `section_bytes`
    /// is one section, analysed exactly as by [`process`](Self::process).
    ///
    /// The sections share the document's language. What a section cannot
    /// see is the rest of the document: a name found in one section is not
    /// linked to its repetitions in the next, and a person's title in one
    /// section does not give their country in the next.
    pub fn process_in_sections<E>(
        &self,
        doc: &Document,
        section_bytes: usize,
        mut f: impl FnMut(&Document, &Analysis, SectionOffset) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = doc.text.as_str();
        if text.len() <= section_bytes {
            let a = self.process(doc);
            return f(doc, &a, SectionOffset::default());
        }
        let lang = Some(self.language_in(text, &WordTable::default()));
        let mut offset = SectionOffset::default();
        let mut start = 0;
        while start < text.len() {
            let end = self.section_end(text, start, section_bytes);
            let section = Document {
                id: doc.id.clone(),
                text: text[start..end].to_owned(),
                origin: doc.origin.clone(),
                warnings: Vec::new(),
                year: doc.year,
            };
            let mid_line = start > 0 && !text[..start].ends_with('\n');
            let a = self.process_text(&section.text, lang, mid_line, doc.year);
            f(&section, &a, offset)?;
            offset.chars += section.text.chars().count();
            offset.sentences += a.sentences.len() as u32;
            start = end;
        }
        Ok(())
    }

    /// Where the section starting at `start` ends: after the last line break
    /// within `size` bytes; else at the start of the last sentence that
    /// begins in the last quarter of it; else after the last space; else at
    /// `size` (on a char boundary).
    fn section_end(&self, text: &str, start: usize, size: usize) -> usize {
        let size = size.max(1);
        if text.len() - start <= size {
            return text.len();
        }
        let mut limit = start + size;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        if let Some(nl) = window.rfind('\n') {
            return start + nl + 1;
        }
        // Sentences of a window that starts at a space (so that the first
        // one starts where the whole text's would); the last one may run on
        // past the window, so it ends the section.
        let mut from = start + size * 3 / 4;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if let Some(sp) = text[from.min(limit)..limit].find(' ') {
            let mut sentences = Vec::new();
            split_sentences_within_line(
                text,
                from + sp + 1..limit,
                &self.gaz.abbreviations,
                &mut sentences,
            );
            if sentences.len() >= 3 {
                return sentences[sentences.len() - 1].start;
            }
        }
        match window.rfind(' ') {
            Some(sp) if sp > 0 => start + sp + 1,
            _ => limit.max(start + text[start..].chars().next().map_or(1, char::len_utf8)),
        }
    }

    /// Analyses documents in parallel; results in input order.
    pub fn process_all(&self, docs: &[Document]) -> Vec<Analysis> {
        docs.par_iter().map(|d| self.process(d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::EntityType;

    #[test]
    fn sections_cover_the_text_at_any_size() {
        // One line of multi-byte text: cuts fall inside characters, between
        // sentences and inside words; every section size must give sections
        // that are char-aligned and put together give the text back.
        let text = "“Rusia dan China akan terus memperkuat kerja sama,” kata Wang. \
            Putin memuji relasi Rusia–China. Ērdoğan bertemu Xi di Beijing. "
            .repeat(4);
        let doc = Document::new("d", &text);
        let p = Pipeline::default();
        for size in (1..200).chain([333, 1000]) {
            let mut joined = String::new();
            let mut sentences = 0;
            p.process_in_sections(&doc, size, |section, a, offset| {
                assert_eq!(offset.chars, joined.chars().count());
                assert_eq!(offset.sentences, sentences);
                assert!(!section.text.is_empty());
                joined.push_str(&section.text);
                sentences += a.sentences.len() as u32;
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(joined, text, "size {size}");
        }
    }

    #[test]
    fn entities_only_finds_the_same_mentions_and_no_triples() {
        let text = "Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing. \
            Beijing mendukung Moskow. Menlu Sergei Lavrov tiba di Kremlin.";
        let doc = Document::new("d", text);
        let full = Pipeline::default().process(&doc);
        let only = Pipeline::builder()
            .entities_only(true)
            .build()
            .process(&doc);
        assert!(!full.triples.is_empty());
        assert!(only.triples.is_empty());
        let spans = |a: &Analysis| -> Vec<(usize, usize, EntityType)> {
            a.mentions
                .iter()
                .map(|m| (m.start, m.end, m.etype))
                .collect()
        };
        assert_eq!(spans(&only), spans(&full));
        // "di Beijing" is a place and "Beijing mendukung" its country in both.
        let types: Vec<EntityType> = only
            .mentions
            .iter()
            .filter(|m| &text[m.start..m.end] == "Beijing")
            .map(|m| m.etype)
            .collect();
        assert_eq!(types, [EntityType::Location, EntityType::Country]);
    }

    #[test]
    fn relations_are_the_same_without_a_word_table() {
        // The relation stage searches its phrase sets through the text's
        // word table, or (with an empty table) each set on its own.
        let p = Pipeline::default();
        let entities = Pipeline::builder().entities_only(true).build();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut n = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            let doc = Document::new("d", &text);
            let full = p.process(&doc);
            let mut a = entities.process(&doc);
            let mut ctx = DocCtx::new(&text, WordTable::default(), a.lang.unwrap());
            p.relations.run(&mut ctx, &mut a);
            assert_eq!(a.triples, full.triples);
            n += full.triples.len();
        }
        assert!(n > 50);
    }

    #[test]
    fn skipped_sentences_would_give_no_triples() {
        // The relation stage skips a sentence with no cue, title or
        // structural word; building every sentence must change nothing.
        let p = Pipeline::default();
        let mut every = Pipeline::default();
        every.relations.options.every_sentence = true;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        texts.push(
            "Lavrov mengatakan NATO harus berhenti. India, anggota SCO, bergabung dengan BRICS. \
             Russia said that Sudan must return it. Para pejabat China dan Rusia hadir."
                .to_owned(),
        );
        for text in &texts {
            let doc = Document::new("d", text);
            assert_eq!(p.process(&doc).triples, every.process(&doc).triples);
        }
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
        check::<Gazetteer>();
        check::<Analysis>();
        check::<Document>();
    }
}
