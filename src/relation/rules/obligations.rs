//! Obligations: `demand`.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push_groups, role_country};
use crate::analysis::{Analysis, EntityRef, Triple};
use crate::relation::sentence::{Left, Sent};
use crate::schema::{EntityType, Relation, WordClass};

/// `demand` from obligation words.
pub(super) struct Obligations;

impl Rule for Obligations {
    fn name(&self) -> &'static str {
        "obligations"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[RuleId::Obligation]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "AS menegaskan bahwa Rusia harus menarik pasukannya dari Ukraina.",
                triples: &["obligation: United_States demand Russia"],
            },
            Example {
                text: "Lavrov mengatakan NATO harus berhenti memperluas diri.",
                triples: &["obligation: Sergei_Lavrov demand NATO"],
            },
            Example {
                text: "Russia said on Tuesday that Sudan must return the captured helicopter.",
                triples: &["obligation: Russia demand Sudan"],
            },
            Example {
                text: "Washington declared that Beijing must drop its barriers to imports.",
                triples: &["obligation: United_States demand China"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        obligations(s, a, out);
    }
}

/// `demand` (CAMEO 10): what one actor says another must do ("Russia said
/// on Tuesday that Sudan must return the helicopter", "AS menegaskan bahwa
/// Rusia harus menarik pasukannya"): an obligation word right after a
/// group that follows a reporting verb or "that"/"bahwa".
fn obligations(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for k in 1..s.len() {
        if !s.has(k, WordClass::Obligation) {
            continue;
        }
        // "US and British forces must": through a collective noun.
        let before = if s.has(k - 1, WordClass::Collective) && k > 1 {
            k - 2
        } else {
            k - 1
        };
        let Some(g) = s.group_at(before) else {
            continue;
        };
        let first = s.group(g).first;
        if s.group(g).last != before || first == 0 {
            continue;
        }
        // "said that the US must": through an article.
        let c = if first > 1 && s.is_article(first - 1) {
            first - 2
        } else {
            first - 1
        };
        if !(s.has(c, WordClass::Comp) || s.has(c, WordClass::Speech)) {
            continue;
        }
        let Left::Group(sg) = s.left(c) else { continue };
        // "Xi mengatakan China dan Rusia harus …": a call on the speaker's
        // own side is an exhortation, not a demand on another.
        let own: Vec<EntityRef> = s
            .heads(sg)
            .filter_map(|m| match a.mentions[m as usize].etype {
                EntityType::Person => role_country(s, a, m).map(EntityRef::Gazetteer),
                _ => Some(a.mentions[m as usize].entity),
            })
            .collect();
        if s.heads(g)
            .any(|m| own.contains(&a.mentions[m as usize].entity))
        {
            continue;
        }
        let hit = Hit {
            rel: Relation::Demand,
            negated: false,
            trigger: Some(k),
            cameo: None,
            speaker: s.speaker(a, k),
            rule: RuleId::Obligation,
            intended: false,
        };
        push_groups(s, a, out, sg, g, &hit);
    }
}
