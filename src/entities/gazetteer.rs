//! Mentions of the gazetteer's entities: its aliases, seats and demonyms,
//! matched on token boundaries outside boilerplate lines.

use std::ops::Range;

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::phrase::{PhraseSet, PhraseSetBuilder, VocabularyBuilder};
use crate::schema::{AliasKind, EntityType, Lang};
use crate::tokenize::previous_word;

use super::EntityStage;

/// What an entity phrase of the gazetteers stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityPhrase {
    /// The entity's index in the gazetteer.
    pub entity: u32,
    /// A name, a seat or a demonym.
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
        let mut b = PhraseSetBuilder::with_capacity(gaz.aliases.len());
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
    /// The gazetteer's mentions outside boilerplate lines, each in its
    /// sentence, in text order: an alias of another language is none, and
    /// a country inside an organisation's name is nested in it.
    pub(super) fn find_listed(&self, ctx: &DocCtx, a: &mut Analysis) {
        let (text, words, lang) = (ctx.text, &ctx.words, ctx.lang);
        let mut sent = 0usize;
        let mut boiler = 0usize;
        let sentences = &a.sentences;
        let boilerplate = &a.boilerplate;
        let mentions = &mut a.mentions;
        // One-word organisations followed by a capitalised word (see
        // `drop_cut_names`).
        let mut pending_drop: Vec<usize> = Vec::new();
        // Organisations of more than one word that start with a head word
        // ("Kementerian", "Mahkamah"; see `foreign_bodies`).
        let mut pending_foreign: Vec<usize> = Vec::new();
        let refuse = roman_numeral_after_lower_case;
        let mut heads_at: Vec<usize> = Vec::new();
        if let Some(heads) = self.org_heads.get(&lang) {
            heads.find_each_in_refusing(text, words, 0..text.len(), &refuse, |f| {
                heads_at.push(f.start)
            });
            heads_at.sort_unstable();
        }
        self.phrases
            .find_each_in_refusing(text, words, 0..text.len(), &refuse, |f| {
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
                // Not after a title, where a person's name follows the
                // body ("Direktur Niaga Pertamina Hanung Budya").
                // An organisation's legal form written after its name
                // ("Qualcomm Inc") belongs to the mention.
                let org_name = self.gaz.entity(entity).etype == EntityType::Organization
                    && kind == AliasKind::Name;
                let legal_form = org_name.then(|| legal_form_after(text, f.end)).flatten();
                let end = legal_form.unwrap_or(f.end);
                if org_name
                    && legal_form.is_none()
                    && !text[f.start..f.end].contains(char::is_whitespace)
                    && text[f.start..f.end].chars().any(char::is_lowercase)
                    && next_word_capitalised(text, f.end)
                    && !self.title_head_before(text, f.start, 4)
                {
                    pending_drop.push(mentions.len());
                }
                if org_name
                    && text[f.start..f.end].contains(char::is_whitespace)
                    && heads_at.binary_search(&f.start).is_ok()
                {
                    pending_foreign.push(mentions.len());
                }
                let etype = match kind {
                    AliasKind::Name => self.gaz.entity(entity).etype,
                    AliasKind::Seat | AliasKind::Demonym => EntityType::Country,
                };
                // A person's name after a place's head word names the place
                // ("Jalan Sudirman", "Tugu Suharto", "Stadion Gelora Bung
                // Karno"); a regional title ("Camat") is no such head.
                if etype == EntityType::Person
                    && previous_word(text, f.start).is_some_and(|w| {
                        w.starts_with(char::is_uppercase)
                            && self.place_heads.contains(w)
                            && !self.title_heads.contains(w)
                    })
                {
                    return;
                }
                mentions.push(Mention {
                    start: f.start,
                    end,
                    sentence: sent as u32,
                    entity: EntityRef::Gazetteer(entity),
                    kind,
                    etype,
                    source: MentionSource::Gazetteer,
                    nested: false,
                });
                if etype == EntityType::Organization {
                    self.nested_countries(ctx, f.start..end, sent as u32, mentions);
                }
            });
        let drop = foreign_bodies(text, mentions, pending_foreign);
        drop_cut_names(text, mentions, pending_drop, drop);
    }

    /// The countries named inside the name of an organisation mentioned at
    /// `span` ("Partai Komunis China"): nested mentions after it.
    fn nested_countries(
        &self,
        ctx: &DocCtx,
        span: Range<usize>,
        sentence: u32,
        mentions: &mut Vec<Mention>,
    ) {
        let range = span.start + 1..span.end;
        let refuse = roman_numeral_after_lower_case;
        self.phrases
            .find_each_in_refusing(ctx.text, &ctx.words, range, &refuse, |inner| {
                let EntityPhrase { entity, kind, lang } = *inner.value;
                if kind == AliasKind::Name
                    && lang.is_none_or(|l| l == ctx.lang)
                    && self.gaz.entity(entity).etype == EntityType::Country
                {
                    mentions.push(Mention {
                        start: inner.start,
                        end: inner.end,
                        sentence,
                        entity: EntityRef::Gazetteer(entity),
                        kind,
                        etype: EntityType::Country,
                        source: MentionSource::Gazetteer,
                        nested: true,
                    });
                }
            });
    }
}

/// Marks (true = to drop, one flag a mention) the organisations of more
/// than one word, named from a head word, at `pending` (indices into
/// `mentions`) that a country's name follows: "Kementerian Perdagangan
/// Malaysia" is Malaysia's ministry, which no row lists, not the
/// "Kementerian Perdagangan" of Indonesia's row; the organisations by head
/// word find the whole name, and the country stays. A body of that country
/// with a row of its own is a longer alias and wins before this
/// ("Kementerian Keuangan AS").
fn foreign_bodies(text: &str, mentions: &[Mention], pending: Vec<usize>) -> Vec<bool> {
    let mut drop = vec![false; mentions.len()];
    for i in pending {
        let (start, after) = (mentions[i].start, mentions[i].end);
        let rest = &text[after..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        if gap != 1 {
            continue;
        }
        let next = after + gap;
        let k = mentions.partition_point(|m| m.start < next);
        let country = mentions.get(k).is_some_and(|m| {
            m.start == next
                && !m.nested
                && m.kind == AliasKind::Name
                && m.etype == EntityType::Country
        });
        if country {
            // The organisation and any country nested in its name.
            for (j, m) in mentions.iter().enumerate().skip(i) {
                if j == i || (m.nested && m.start >= start && m.end <= after) {
                    drop[j] = true;
                } else if m.start >= after {
                    break;
                }
            }
        }
    }
    drop
}

impl EntityStage {
    /// Is one of the `n` words before byte `at` (in its line) the head
    /// word of a title ("Direktur", "Juru bicara", "CEO")? Reads back no
    /// further than those words.
    fn title_head_before(&self, text: &str, at: usize, n: usize) -> bool {
        let mut end = at;
        let mut words = 0;
        for (i, c) in text[..at].char_indices().rev() {
            if c.is_alphanumeric() {
                continue;
            }
            let w = &text[i + c.len_utf8()..end];
            if !w.is_empty() {
                if self.title_heads.contains(w) {
                    return true;
                }
                words += 1;
                if words == n {
                    return false;
                }
            }
            if c == '\n' {
                return false;
            }
            end = i;
        }
        words < n && self.title_heads.contains(&text[..end])
    }
}

/// Drops the one-word organisations at `pending` (indices into `mentions`,
/// followed by a capitalised word) unless that word starts another known
/// mention: they are part of a longer name no list has ("Apple Records").
/// `drop` holds the flags of mentions already to be dropped.
fn drop_cut_names(
    text: &str,
    mentions: &mut Vec<Mention>,
    pending: Vec<usize>,
    mut drop: Vec<bool>,
) {
    if pending.is_empty() && !drop.contains(&true) {
        return;
    }
    // Mentions are in text order: look the next one up by binary search.
    for i in pending {
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

/// "Paus Pius XI", "abad XI": a roman numeral in capitals after a word in
/// lower case is no name, though it spells one ("Xi" of `Case::Cap`);
/// "PUTIN BERTEMU XI" names Xi. Asked of a capitalised alias written
/// otherwise than listed (see [`PhraseSet::find_each_refusing`]).
pub(super) fn roman_numeral_after_lower_case(text: &str, start: usize, end: usize) -> bool {
    is_roman_numeral(&text[start..end]) && after_lower_case(text, start)
}

/// Does the word before byte `start` hold a lower-case letter?
fn after_lower_case(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().any(char::is_lowercase))
}

/// A roman numeral in capitals ("XI", "IV", "XVII").
fn is_roman_numeral(w: &str) -> bool {
    (1..=7).contains(&w.len())
        && w.bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

/// The legal forms of companies written after their names.
const LEGAL_FORMS: [&str; 14] = [
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "plc",
    "Plc",
    "PLC",
    "LLC",
    "Tbk",
    "AG",
    "GmbH",
    "NV",
];

/// The end of a company's legal form written right after `end`, one space
/// between ("Qualcomm | Inc"); its abbreviation's full stop stays out.
fn legal_form_after(text: &str, end: usize) -> Option<usize> {
    let after = text[end..].strip_prefix(' ')?;
    LEGAL_FORMS.iter().find_map(|form| {
        let rest = after.strip_prefix(form)?;
        (!rest.starts_with(char::is_alphanumeric)).then_some(end + 1 + form.len())
    })
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
