//! Stage 4, relations: turns the mentions of each sentence into triples.
//!
//! `RelationStage::run` takes a document's [`Analysis`] with its sentences
//! and mentions and adds triples. Co-occurrence rows are written only when
//! asked for.

mod args;
mod confidence;
mod cooccurrence;
mod reach;
mod rules;
mod sentence;
mod speakers;

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::lang::{Determiners, Lexicons};

/// Options of the relation stage.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RelationOptions {
    /// Also write a `co_occurs` triple for every pair of entities in a sentence.
    pub cooccurrence: bool,
    /// Build the elements of every sentence with two mentions, also those
    /// no rule can use (as `KABAR_DEBUG` does); the triples are the same,
    /// which a test checks.
    pub(crate) every_sentence: bool,
    /// Drop the triples whose confidence is below this (0: keep all).
    pub min_confidence: f32,
}

thread_local! {
    /// Each thread's relation buffers, reused from one document to the next.
    static BUFFERS: std::cell::RefCell<sentence::Buffers> = std::cell::RefCell::default();
}

/// The relation stage, built once from the gazetteer and shared by threads.
#[derive(Debug, Clone)]
pub struct RelationStage {
    pub(crate) options: RelationOptions,
    gaz: Arc<Gazetteer>,
    /// Articles and possessives, for the rules.
    determiners: Determiners,
    lexicons: Arc<Lexicons>,
}

impl RelationStage {
    pub fn new(
        gaz: Arc<Gazetteer>,
        lexicons: Arc<Lexicons>,
        options: RelationOptions,
    ) -> RelationStage {
        RelationStage {
            options,
            determiners: Determiners::new(&gaz),
            lexicons,
            gaz,
        }
    }

    /// Adds the triples of every sentence to `analysis.triples`, reading
    /// (or making) the sentences' tokens in `ctx`.
    pub(crate) fn run(&self, ctx: &mut DocCtx, analysis: &mut Analysis) {
        let (text, words) = (ctx.text, &ctx.words);
        let gaz = &*self.gaz;
        let lex = self.lexicons.get(ctx.lang);
        let buffers = BUFFERS.with(|b| b.take());
        let mut scratch = sentence::Scratch::new(
            &self.determiners,
            self.lexicons.looked_up(),
            gaz,
            std::mem::take(&mut ctx.tokens),
            debug() || self.options.every_sentence,
            buffers,
        );
        let mut triples = Vec::new();
        let mut s = 0;
        while (s as usize) < analysis.sentences.len() {
            let r = analysis.sentence_mentions(s);
            if r.len() >= 2
                && let Some(sent) =
                    sentence::Sent::new(text, words, lex, gaz, analysis, s, &mut scratch)
            {
                let before = triples.len();
                rules::extract(&sent, analysis, &mut triples);
                if debug() {
                    eprintln!("S{s}: {}", sent.describe());
                    for t in &triples[before..] {
                        eprintln!(
                            "   => {} {} {} neg={} ({})",
                            analysis
                                .entity(gaz, analysis.mentions[t.subject as usize].entity)
                                .id,
                            t.relation,
                            analysis
                                .entity(gaz, analysis.mentions[t.object as usize].entity)
                                .id,
                            t.negated,
                            t.rule
                        );
                    }
                }
                sent.recycle(&mut scratch);
            }
            // Skip sentences without mentions quickly.
            s = match analysis.mentions.get(r.end) {
                Some(m) if r.is_empty() => m.sentence,
                _ => s + 1,
            };
        }
        BUFFERS.with(|b| *b.borrow_mut() = scratch.into_buffers());
        analysis.triples = triples;
        speakers::carry_speakers(text, words, lex, analysis);
        if self.options.cooccurrence {
            cooccurrence::cooccurrence(gaz, analysis);
        }
        let model = confidence::ConfidenceModel::builtin();
        for i in 0..analysis.triples.len() {
            let c = model.of(text, analysis, &analysis.triples[i]);
            analysis.triples[i].confidence = c;
        }
        let min = self.options.min_confidence;
        if min > 0.0 {
            analysis.triples.retain(|t| t.confidence >= min);
        }
    }
}

/// `KABAR_DEBUG=1` prints each sentence's elements and triples (for
/// developing rules).
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("KABAR_DEBUG").is_some_and(|v| v == "1"))
}
