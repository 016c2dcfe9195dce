//! The context of one document that the stages share: its text, the table
//! of its words, its language and the tokens of its sentences. The pipeline
//! builds it once per document, after boilerplate, sentences and language;
//! every stage then runs as `run(&self, ctx, analysis)`.

use crate::phrase::WordTable;
use crate::schema::Lang;
use crate::tokenize::SentenceTokens;

/// What every stage reads of one document besides its [`Analysis`].
///
/// [`Analysis`]: crate::analysis::Analysis
#[derive(Debug)]
pub(crate) struct DocCtx<'a> {
    /// The document's (or section's) text.
    pub(crate) text: &'a str,
    /// The text's words, looked up once for every phrase set of the
    /// pipeline's vocabulary (an empty table will do, slower).
    pub(crate) words: WordTable,
    /// The document's language (fixed or detected).
    pub(crate) lang: Lang,
    /// The tokens of the sentences, made by the first stage that reads a
    /// sentence and kept for the next one.
    pub(crate) tokens: SentenceTokens,
}

impl<'a> DocCtx<'a> {
    /// The context of `text`, with no sentence tokenised yet.
    pub(crate) fn new(text: &'a str, words: WordTable, lang: Lang) -> DocCtx<'a> {
        DocCtx {
            text,
            words,
            lang,
            tokens: SentenceTokens::default(),
        }
    }
}
