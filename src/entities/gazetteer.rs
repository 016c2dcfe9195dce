//! Mentions of the gazetteer's entities: its aliases, seats and demonyms,
//! matched on token boundaries outside boilerplate lines.

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::phrase::{PhraseSet, PhraseSetBuilder, VocabularyBuilder};
use crate::schema::{AliasKind, EntityType, Lang};

use super::EntityStage;

/// What an entity phrase of the gazetteers stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityPhrase {
    /// The entity's index in the gazetteer.
    pub entity: u32,
    pub kind: AliasKind,
    /// The only language whose text it is matched in, or any.
    pub lang: Option<Lang>,
}

impl EntityPhrase {
    /// The phrases of every alias of the gazetteer, with their first words
    /// in a shared vocabulary.
    pub(crate) fn set(
        gaz: &Gazetteer,
        vocabulary: &mut VocabularyBuilder,
    ) -> PhraseSet<EntityPhrase> {
        let mut b = PhraseSetBuilder::new();
        for a in &gaz.aliases {
            b.add(
                &a.text,
                a.case,
                EntityPhrase {
                    entity: a.entity,
                    kind: a.kind,
                    lang: a.lang,
                },
            );
        }
        b.build_in(vocabulary)
    }
}

impl EntityStage {
    /// Entity mentions outside boilerplate lines, each in its sentence.
    pub(super) fn find_listed(&self, ctx: &DocCtx, a: &mut Analysis) {
        let (text, words, lang) = (ctx.text, &ctx.words, ctx.lang);
        let mut sent = 0usize;
        let mut boiler = 0usize;
        let sentences = &a.sentences;
        let boilerplate = &a.boilerplate;
        let mentions = &mut a.mentions;
        // One-word organisations followed by a capitalised word; dropped
        // below unless that word starts another known mention.
        let mut pending_drop: Vec<usize> = Vec::new();
        self.phrases.find_each_in(text, words, 0..text.len(), |f| {
            while boiler < boilerplate.len() && boilerplate[boiler].end <= f.start {
                boiler += 1;
            }
            if boiler < boilerplate.len() && boilerplate[boiler].start < f.end {
                return;
            }
            while sent + 1 < sentences.len() && sentences[sent].end <= f.start {
                sent += 1;
            }
            let EntityPhrase {
                entity,
                kind,
                lang: only,
            } = *f.value;
            // An alias of one language only ("UN" is not the United
            // Nations in Indonesian, where it is the national exam).
            if only.is_some_and(|l| l != lang) {
                return;
            }
            // A one-word organisation followed by an unknown capitalised
            // word is part of a longer name no list has ("Apple Records").
            if self.gaz.entity(entity).etype == EntityType::Organization
                && kind == AliasKind::Name
                && !text[f.start..f.end].contains(char::is_whitespace)
                && text[f.start..f.end].chars().any(char::is_lowercase)
                && next_word_capitalised(text, f.end)
            {
                pending_drop.push(mentions.len());
            }
            let etype = match kind {
                AliasKind::Name => self.gaz.entity(entity).etype,
                AliasKind::Seat | AliasKind::Demonym => EntityType::Country,
            };
            mentions.push(Mention {
                start: f.start,
                end: f.end,
                sentence: sent as u32,
                entity: EntityRef::Gazetteer(entity),
                kind,
                etype,
                source: MentionSource::Gazetteer,
                nested: false,
            });
            // A country named inside an organisation's name.
            if etype == EntityType::Organization {
                self.phrases
                    .find_each_in(text, words, f.start + 1..f.end, |inner| {
                        let EntityPhrase {
                            entity: e,
                            kind: k,
                            lang: only,
                        } = *inner.value;
                        if k == AliasKind::Name
                            && only.is_none_or(|l| l == lang)
                            && self.gaz.entity(e).etype == EntityType::Country
                        {
                            mentions.push(Mention {
                                start: inner.start,
                                end: inner.end,
                                sentence: sent as u32,
                                entity: EntityRef::Gazetteer(e),
                                kind: k,
                                etype: EntityType::Country,
                                source: MentionSource::Gazetteer,
                                nested: true,
                            });
                        }
                    });
            }
        });
        if !pending_drop.is_empty() {
            // Mentions are in text order: look the next one up by binary search.
            let mut drop = vec![false; mentions.len()];
            for i in pending_drop {
                let after = mentions[i].end;
                let next = after + (text[after..].len() - text[after..].trim_start().len());
                let k = mentions.partition_point(|m| m.start < next);
                if mentions.get(k).is_none_or(|m| m.start != next) {
                    drop[i] = true;
                }
            }
            let mut k = 0;
            mentions.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
        }
    }
}

/// Is the text at `end` a space and then a capitalised word (one letter
/// followed by a lower-case letter)?
fn next_word_capitalised(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut cs = after.chars();
    matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}
