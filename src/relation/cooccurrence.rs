//! `co_occurs` rows, written only on request (`--cooccurrence`): every pair
//! of entities of a sentence.

use std::collections::HashSet;

use super::rules::RuleId;
use crate::analysis::{Analysis, Triple};
use crate::gazetteer::Gazetteer;
use crate::schema::{EntityType, Relation};

/// One `co_occurs` triple per pair of distinct PERSON/COUNTRY/ORGANIZATION
/// entities in a sentence, first mention as subject.
pub(super) fn cooccurrence(gaz: &Gazetteer, analysis: &mut Analysis) {
    let n_sent = analysis.sentences.len() as u32;
    let mut out = Vec::new();
    for s in 0..n_sent {
        let range = analysis.sentence_mentions(s);
        let mut firsts: Vec<u32> = Vec::new();
        let mut seen = HashSet::new();
        for i in range {
            let m = &analysis.mentions[i];
            if m.etype == EntityType::Location {
                continue;
            }
            let id = &analysis.entity(gaz, m.entity).id;
            if seen.insert(id.as_str()) {
                firsts.push(i as u32);
            }
        }
        for (a, &i) in firsts.iter().enumerate() {
            for &j in &firsts[a + 1..] {
                out.push(Triple {
                    sentence: s,
                    subject: i,
                    relation: Relation::CoOccurs,
                    object: j,
                    negated: false,
                    trigger: None,
                    cameo: None,
                    speaker: None,
                    rule: RuleId::Cooccurrence.as_str(),
                    intended: false,
                    confidence: 0.0,
                });
            }
        }
    }
    analysis.triples.extend(out);
    analysis
        .triples
        .sort_by_key(|t| (t.sentence, analysis.mentions[t.subject as usize].start));
}
