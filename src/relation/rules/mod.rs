//! The rules that turn one sentence's mentions into triples:
//!
//! - titles and appositions give `leader_of` / `official_of`;
//! - membership words give `member_of`;
//! - each cue finds its subject (nearest group before it in the clause, or
//!   the genitive after a noun cue, or the agent of a passive) and its
//!   object (nearest group after it, through prepositions), with negation,
//!   reciprocity and symmetric relations handled; clause words, quotes and
//!   semicolons limit the reach;
//! - obligation words give `demand`.

mod events;
mod membership;
mod obligations;
mod titles;

use crate::analysis::{Analysis, EntityRef, Triple};
use crate::relation::sentence::{Sent, is_actor};
use crate::schema::Relation;

/// Pushes triples for one sentence into `out`.
pub(crate) fn extract(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    titles::structural(s, a, out);
    membership::membership(s, a, out);
    events::events(s, a, out);
    obligations::obligations(s, a, out);
}

fn entity_id<'a>(s: &Sent<'a>, a: &'a Analysis, m: u32) -> &'a str {
    &a.entity(s.gaz(), a.mentions[m as usize].entity).id
}

/// What a rule found, besides its two mentions.
struct Hit<'c> {
    rel: Relation,
    negated: bool,
    /// Element of the cue or title.
    trigger: Option<usize>,
    cameo: Option<&'c str>,
    speaker: Option<u32>,
    rule: &'static str,
    intended: bool,
}

impl Hit<'_> {
    /// A structural triple from a title or membership word.
    fn structural(rel: Relation, trigger: usize, rule: &'static str) -> Hit<'static> {
        Hit {
            rel,
            negated: false,
            trigger: Some(trigger),
            cameo: None,
            speaker: None,
            rule,
            intended: false,
        }
    }
}

/// Adds a triple unless it is not between two actors, links an entity to
/// itself, or repeats one already found in the sentence.
fn push(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>, subj: u32, obj: u32, hit: &Hit<'_>) {
    let Hit {
        rel,
        negated,
        trigger,
        cameo,
        speaker,
        rule,
        intended,
    } = *hit;
    let (sm, om) = (&a.mentions[subj as usize], &a.mentions[obj as usize]);
    if !is_actor(sm) || !is_actor(om) || sm.entity == om.entity {
        return;
    }
    if entity_id(s, a, subj) == entity_id(s, a, obj) {
        return;
    }
    let t = Triple {
        sentence: s.sentence(),
        subject: subj,
        relation: rel,
        object: obj,
        negated,
        trigger: trigger.map(|i| s.el(i).start..s.el(i).end),
        cameo: cameo
            .map(Relation::cameo3)
            .or_else(|| rel.cameo_root().map(str::to_owned)),
        speaker,
        rule,
        intended,
    };
    // Triples come sentence by sentence: only this sentence's can repeat it.
    if !out
        .iter()
        .rev()
        .take_while(|o| o.sentence == t.sentence)
        .any(|o| {
            o.relation == t.relation
                && o.negated == t.negated
                && a.mentions[o.subject as usize].entity == sm.entity
                && a.mentions[o.object as usize].entity == om.entity
        })
    {
        out.push(t);
    }
}

/// The country a person leads or serves (first role), as an entity index.
fn role_country(s: &Sent<'_>, a: &Analysis, person: u32) -> Option<u32> {
    let EntityRef::Gazetteer(pi) = a.mentions[person as usize].entity else {
        return None;
    };
    let role = s.gaz().entity(pi).roles.first()?;
    s.gaz().find(&role.of)
}
