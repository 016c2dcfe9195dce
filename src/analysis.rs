//! The plain data that stages hand to each other: sentences, entity
//! mentions and triples of one document, as byte spans into its text.

use std::ops::Range;

use crate::gazetteer::{Entity, Gazetteer};
use crate::schema::Relation;
use crate::schema::{AliasKind, EntityType, Lang};

/// How a mention was found (SPEC §3 `source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionSource {
    /// An alias, seat or demonym of a gazetteer entity.
    Gazetteer,
    /// A name no gazetteer lists, found by a pattern (a person next to a
    /// title, an organisation by its head word, an acronym defined in the
    /// text, …).
    Pattern,
    /// A name no gazetteer lists, found by the learned name tagger
    /// (`entities/tagger/`).
    Model,
}

impl MentionSource {
    /// The value written in the `source` column.
    ///
    /// ```
    /// assert_eq!(kabar::MentionSource::Pattern.as_str(), "pattern");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MentionSource::Gazetteer => "gazetteer",
            MentionSource::Pattern => "pattern",
            MentionSource::Model => "model",
        }
    }
}

/// The entity a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// Index into [`Gazetteer::entities`].
    Gazetteer(u32),
    /// Index into [`Analysis::local_entities`] (found by pattern in this document).
    Local(u32),
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offsets into the document text.
    pub start: usize,
    /// The byte offset where the mention ends (exclusive).
    pub end: usize,
    /// Index into [`Analysis::sentences`].
    pub sentence: u32,
    /// The entity mentioned; [`Analysis::entity`] gives it.
    pub entity: EntityRef,
    /// Name, seat or demonym.
    pub kind: AliasKind,
    /// The type as written: a seat acting is `COUNTRY`, a seat as a place
    /// `LOCATION` (decided by the entity stage).
    pub etype: EntityType,
    /// How the mention was found (the `source` column).
    pub source: MentionSource,
    /// A country named inside an organisation's name ("Partai Komunis
    /// China"): it follows that mention and lies within it.
    pub nested: bool,
}

/// A relation between two mentions of one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Triple {
    /// Index into [`Analysis::sentences`] of the sentence that holds both
    /// mentions.
    pub sentence: u32,
    /// Index into [`Analysis::mentions`].
    pub subject: u32,
    /// What the subject does to the object.
    pub relation: Relation,
    /// Index into [`Analysis::mentions`] of the object.
    pub object: u32,
    /// True when the relation is denied, or only hoped or feared not to
    /// happen (the `negated` column).
    pub negated: bool,
    /// Byte span of the cue or title word, when there is one.
    pub trigger: Option<Range<usize>>,
    /// CAMEO code, when known.
    pub cameo: Option<String>,
    /// The mention of who is quoted, for triples inside a quote.
    pub speaker: Option<u32>,
    /// Which rule produced the triple.
    pub rule: &'static str,
    /// Intended, wanted or asked for rather than done ("akan", "will",
    /// "wants to", "threatened to").
    pub intended: bool,
    /// The estimated chance that the triple is right, 0 to 1 in steps of
    /// 0.01: a logistic model of the rule, the relation, how each end was
    /// found and how far apart they are (`models/confidence.tsv`).
    pub confidence: f32,
}

/// Everything the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Sentence byte ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Boilerplate lines (no mentions are taken from them).
    pub boilerplate: Vec<Range<usize>>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Triples in sentence order, then position.
    pub triples: Vec<Triple>,
    /// Entities found by pattern in this document.
    pub local_entities: Vec<Entity>,
    /// The document's language.
    pub lang: Option<Lang>,
    /// The year of the document's date, if it has one: a person's dated
    /// office counts only when held in that year ([`crate::Role::held_in`]).
    pub year: Option<u16>,
}

impl Analysis {
    /// The mentions that are entity rows: all but the countries nested in
    /// an organisation's name ("Bank Indonesia"), since nested names are
    /// not split (ANNOTATION.md).
    pub fn row_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(|m| !m.nested)
    }

    /// The entity behind a reference.
    pub fn entity<'a>(&'a self, gaz: &'a Gazetteer, r: EntityRef) -> &'a Entity {
        match r {
            EntityRef::Gazetteer(i) => gaz.entity(i),
            EntityRef::Local(i) => &self.local_entities[i as usize],
        }
    }

    /// The document-local entity with this id, added if new (people and
    /// organisations found by pattern, places named as written).
    pub fn local_entity(&mut self, id: String, name: String, etype: EntityType) -> EntityRef {
        let idx = match self.local_entities.iter().position(|e| e.id == id) {
            Some(i) => i,
            None => {
                self.local_entities.push(Entity {
                    id,
                    name,
                    etype,
                    roles: Vec::new(),
                    members: Vec::new(),
                    id_derived: false,
                });
                self.local_entities.len() - 1
            }
        };
        EntityRef::Local(idx as u32)
    }

    /// Mentions of sentence `s` (a slice, since mentions are in text order).
    pub fn sentence_mentions(&self, s: u32) -> Range<usize> {
        let lo = self.mentions.partition_point(|m| m.sentence < s);
        let hi = self.mentions.partition_point(|m| m.sentence <= s);
        lo..hi
    }
}

/// The country each entity of a document's triples stands for: a country
/// itself; a person by a title in the document ("Menlu Rusia Sergei
/// Lavrov"), else by the gazetteer's roles (the current or latest office
/// in a country); an organisation by a country named in its name.
pub fn actor_countries<'g>(
    gaz: &'g Gazetteer,
    a: &'g Analysis,
) -> rustc_hash::FxHashMap<EntityRef, &'g str> {
    let mut out = rustc_hash::FxHashMap::default();
    // Only the entities of the triples are asked for.
    let mut wanted: rustc_hash::FxHashSet<EntityRef> = rustc_hash::FxHashSet::default();
    for t in &a.triples {
        wanted.insert(a.mentions[t.subject as usize].entity);
        wanted.insert(a.mentions[t.object as usize].entity);
    }
    if wanted.is_empty() {
        return out;
    }
    // The first title a person holds in the document (one pass: a long
    // document has many people and many triples).
    let mut titled: rustc_hash::FxHashMap<EntityRef, &'g str> = rustc_hash::FxHashMap::default();
    for t in &a.triples {
        if matches!(t.relation, Relation::LeaderOf | Relation::OfficialOf)
            && a.mentions[t.object as usize].etype == EntityType::Country
        {
            titled
                .entry(a.mentions[t.subject as usize].entity)
                .or_insert_with(|| {
                    a.entity(gaz, a.mentions[t.object as usize].entity)
                        .id
                        .as_str()
                });
        }
    }
    for (i, m) in a.mentions.iter().enumerate() {
        if !wanted.contains(&m.entity) || out.contains_key(&m.entity) {
            continue;
        }
        let e = a.entity(gaz, m.entity);
        let country: Option<&str> = match m.etype {
            EntityType::Country => Some(e.id.as_str()),
            EntityType::Person => titled.get(&m.entity).copied().or_else(|| {
                e.roles
                    .iter()
                    .filter(|r| r.held_in(a.year))
                    .filter_map(|r| {
                        let x = gaz.entity(gaz.find(&r.of)?);
                        (x.etype == EntityType::Country).then_some((r, x.id.as_str()))
                    })
                    .max_by_key(|(r, _)| {
                        r.years
                            .iter()
                            .map(|y| y.1.unwrap_or(u16::MAX))
                            .max()
                            .unwrap_or(0)
                    })
                    .map(|(_, id)| id)
            }),
            EntityType::Organization => a.mentions[i + 1..]
                .iter()
                .take_while(|n| n.nested && n.start < m.end)
                .map(|n| a.entity(gaz, n.entity).id.as_str())
                .next(),
            EntityType::Location => None,
        };
        if let Some(c) = country {
            out.insert(m.entity, c);
        }
    }
    out
}

/// Where a section of a long document starts in it: the characters and
/// sentences before it (see [`crate::Pipeline::process_in_sections`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionOffset {
    /// Unicode characters of the document before the section.
    pub chars: usize,
    /// Sentences of the document before the section.
    pub sentences: u32,
}
