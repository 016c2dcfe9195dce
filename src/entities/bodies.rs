//! Step 1b: state bodies named by their kind and their country. A head
//! phrase of a kind (`state-body-kinds.tsv`: "Kementerian Luar Negeri",
//! "Kemlu", "Kedubes", "foreign ministry", "supreme court") with a
//! country's mention of step 1 beside it is one ORGANIZATION mention:
//! after the head in Indonesian ("Kemlu Jepang", "kementerian pertahanan
//! Rusia"), before it in English, as a name, a demonym or a possessive
//! ("Japan's foreign ministry", "the Japanese foreign ministry"), or after
//! "of" ("the Supreme Court of Canada"). Its id is the title of the
//! country's body of that kind (`state-bodies.tsv`); with none, an
//! Indonesian body whose head is capitalised keeps the name as written
//! (SPEC §1: "Kedutaan_Besar_AS"), and one in lower case ("parlemen
//! Austria") is a description and no mention; an English one is left to
//! the organisations by head word (step 9). The country stays a COUNTRY mention,
//! nested. A bare head is nothing here: Indonesia's own "Kementerian Luar
//! Negeri" stays the gazetteer's.

use rustc_hash::FxHashMap;

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::lang::profile;
use crate::phrase::{PhraseSet, PhraseSetBuilder, VocabularyBuilder};
use crate::schema::{AliasKind, EntityType, Lang};

use super::EntityStage;
use super::spans::{in_boilerplate, local_entity, name_as_written, sentence_at};

/// The kinds' head phrases and the titled bodies, built once.
#[derive(Debug, Clone)]
pub(super) struct StateBodies {
    /// The head phrases of each language (by `Lang as usize`), valued by
    /// their kind's number.
    heads: Vec<PhraseSet<u16>>,
    /// (country entity, kind number) → the body's entity.
    titled: FxHashMap<(u32, u16), u32>,
}

impl StateBodies {
    pub(super) fn new(gaz: &Gazetteer, vocabulary: &mut VocabularyBuilder) -> StateBodies {
        let mut kinds: Vec<&str> = Vec::new();
        for k in &gaz.body_kinds {
            if !kinds.contains(&k.kind.as_str()) {
                kinds.push(&k.kind);
            }
        }
        let number = |kind: &str| kinds.iter().position(|&k| k == kind).map(|i| i as u16);
        let heads = Lang::ALL
            .iter()
            .map(|&lang| {
                let mut b = PhraseSetBuilder::new();
                for k in gaz.body_kinds.iter().filter(|k| k.lang == lang) {
                    if let Some(n) = number(&k.kind) {
                        b.add(&k.form, k.case, n);
                    }
                }
                b.build_in(vocabulary)
            })
            .collect();
        let mut titled = FxHashMap::default();
        for b in &gaz.state_bodies {
            if let (Some(country), Some(kind)) = (gaz.find(&b.country), number(&b.kind)) {
                titled.insert((country, kind), b.entity);
            }
        }
        StateBodies { heads, titled }
    }
}

/// A body found: its span, the index of its country's mention, its head's
/// span and its kind.
struct Found {
    start: usize,
    end: usize,
    country: usize,
    head: (usize, usize),
    kind: u16,
}

impl EntityStage {
    /// Step 1b (see the module doc): the bodies named by kind and country,
    /// in place of the organisations of step 1 inside their heads (a head
    /// alone is Indonesia's body: "Kemlu"), with their countries nested.
    pub(super) fn find_state_bodies(&self, ctx: &DocCtx, a: &mut Analysis) {
        let (text, lang) = (ctx.text, ctx.lang);
        let Some(heads) = self.bodies.heads.get(lang as usize) else {
            return;
        };
        let head_last = profile(lang).org_head_last;
        let mut found: Vec<Found> = Vec::new();
        heads.find_each_in(text, &ctx.words, 0..text.len(), |f| {
            let country = if head_last {
                country_before(text, a, f.start).or_else(|| country_after(text, a, f.end, true))
            } else {
                country_after(text, a, f.end, false)
            };
            let Some(ci) = country else {
                return;
            };
            let c = &a.mentions[ci];
            let (start, end) = (c.start.min(f.start), c.end.max(f.end));
            let free = near(a, start, end).all(|(i, m)| {
                i == ci
                    || m.end <= start
                    || m.etype == EntityType::Organization && m.start >= f.start && m.end <= f.end
            });
            if free
                && sentence_at(a, start) == sentence_at(a, end - 1)
                && !in_boilerplate(&a.boilerplate, start, end)
                && found.last().is_none_or(|p| p.end <= start)
            {
                found.push(Found {
                    start,
                    end,
                    country: ci,
                    head: (f.start, f.end),
                    kind: *f.value,
                });
            }
        });
        if !found.is_empty() {
            self.add_state_bodies(text, a, found, !head_last);
        }
    }

    /// Adds the bodies found, linked where the country's body of the kind
    /// has a title; drops the organisations inside their heads.
    fn add_state_bodies(&self, text: &str, a: &mut Analysis, found: Vec<Found>, head_first: bool) {
        let mut new = Vec::with_capacity(found.len());
        let mut drop = vec![false; a.mentions.len()];
        for f in found {
            let c = &a.mentions[f.country];
            let country = match c.entity {
                EntityRef::Gazetteer(e) => e,
                EntityRef::Local(_) => continue,
            };
            let (entity, source) = match self.bodies.titled.get(&(country, f.kind)) {
                Some(&e) => (EntityRef::Gazetteer(e), MentionSource::Gazetteer),
                // A description in lower case ("parlemen Austria") is no
                // name; nor is an English one with its country's
                // possessive or demonym ("Ivory Coast's Supreme Court"):
                // step 9 reads capitalised English heads.
                None if !head_first || !text[f.head.0..].starts_with(char::is_uppercase) => {
                    continue;
                }
                None => {
                    let name = name_as_written(&text[f.start..f.end]);
                    let e = local_entity(a, name, EntityType::Organization);
                    (e, MentionSource::Pattern)
                }
            };
            a.mentions[f.country].nested = true;
            for (i, m) in near(a, f.start, f.end) {
                if i != f.country && f.start < m.end {
                    drop[i] = true;
                }
            }
            new.push(Mention {
                start: f.start,
                end: f.end,
                sentence: sentence_at(a, f.start) as u32,
                entity,
                kind: AliasKind::Name,
                etype: EntityType::Organization,
                source,
                nested: false,
            });
        }
        let mut k = 0;
        a.mentions.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        super::spans::merge_mentions(a, new);
    }
}

/// The mention that starts at byte `at`, if it is a country's name (or,
/// before an English head, its demonym) and no longer name starts there.
fn country_at(a: &Analysis, at: usize, demonym: bool) -> Option<usize> {
    let lo = a.mentions.partition_point(|m| m.start < at);
    let mut country = None;
    for (i, m) in a.mentions[lo..].iter().enumerate() {
        if m.start != at {
            break;
        }
        if m.nested {
            continue;
        }
        let kind_ok = m.kind == AliasKind::Name || demonym && m.kind == AliasKind::Demonym;
        if m.etype != EntityType::Country || !kind_ok {
            return None;
        }
        country = Some(lo + i);
    }
    country
}

/// Head first: the country right after the head that ends at byte `end`
/// ("Kemlu Jepang"), or after "of" and an optional "the" (English: "the
/// Supreme Court of Canada").
fn country_after(text: &str, a: &Analysis, end: usize, of: bool) -> Option<usize> {
    let rest = &text[end..];
    let skip = if of {
        let after = rest.strip_prefix(" of ")?;
        rest.len() - after.strip_prefix("the ").unwrap_or(after).len()
    } else if rest.starts_with(' ') {
        1
    } else {
        return None;
    };
    country_at(a, end + skip, false)
}

/// Head last (English): the country, its demonym or its possessive right
/// before the head that starts at byte `start` ("Japan's foreign
/// ministry", "the Japanese foreign ministry", "US supreme court").
fn country_before(text: &str, a: &Analysis, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let (end, possessive) = match before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))
    {
        Some(b) => (b.len(), true),
        None => (before.len(), false),
    };
    let (i, m) = near(a, end, end).find(|(_, m)| m.end == end && !m.nested)?;
    // ("Japanese's" is no possessive.)
    let kind_ok = m.kind == AliasKind::Name || !possessive && m.kind == AliasKind::Demonym;
    (m.etype == EntityType::Country && kind_ok).then_some(i)
}

/// The mentions that start before byte `end` and may reach past `start`
/// (mentions are in text order and short), last first, with their indices.
fn near(a: &Analysis, start: usize, end: usize) -> impl Iterator<Item = (usize, &Mention)> {
    let hi = a.mentions.partition_point(|m| m.start < end);
    a.mentions[..hi]
        .iter()
        .enumerate()
        .rev()
        .take_while(move |(_, m)| m.start + 1024 > start)
}
