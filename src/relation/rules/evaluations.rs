//! Judgements: `criticize` from a verb of judgement and a negative word.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push_groups};
use crate::analysis::{Analysis, Triple};
use crate::relation::reach::Reach;
use crate::relation::sentence::{Kind, Left, Sent};
use crate::schema::{Relation, WordClass};

/// `criticize` from a judgement: "Badan Kehormatan menilai Dahlan Iskan
/// sudah menimbulkan kegaduhan politik".
pub(super) struct Evaluations;

impl Rule for Evaluations {
    fn name(&self) -> &'static str {
        "evaluations"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[RuleId::Evaluation]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "Partai Golkar menilai kebijakan Jokowi itu gagal dan merugikan rakyat.",
                triples: &["evaluation: Golkar criticize Joko_Widodo"],
            },
            Example {
                text: "Prabowo Subianto menganggap keputusan Komisi Pemilihan Umum itu keliru.",
                triples: &["evaluation: Prabowo_Subianto criticize General_Elections_Commission"],
            },
            Example {
                text: "Condoleezza Rice described Zimbabwe as an outpost of tyranny.",
                triples: &["evaluation: Condoleezza_Rice criticize Zimbabwe"],
            },
            Example {
                text: "Germany considered the Russian decision a dangerous mistake.",
                triples: &["evaluation: Germany criticize Russia"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        evaluations(s, a, out);
    }
}

/// `criticize` (CAMEO 111): a subject, a verb of judgement
/// ([`WordClass::Evaluation`]), the party judged right after it (through
/// a few lower-case words: "kinerja Jokowi", "keputusan KPU", "apa yang
/// dilakukan Dahlan"), and a word of negative judgement
/// ([`WordClass::Negative`]) after the party in the same clause, with no
/// negation right before it ("tidak salah" is no criticism). A negated
/// judgement ("tidak menilai …") gives nothing.
fn evaluations(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for k in 1..s.len() {
        if !s.has(k, WordClass::Evaluation) {
            continue;
        }
        let Left::Group(subject) = s.left(k) else {
            continue;
        };
        if s.negated(k, Some(s.group(subject).last)) {
            continue;
        }
        let Some(judged) = judged_after(s, k) else {
            continue;
        };
        if judged == subject || !negative_after(s, s.group(judged).last) {
            continue;
        }
        let hit = Hit {
            rel: Relation::Criticize,
            negated: false,
            trigger: Some(k),
            // (CAMEO 111, the relation's root code.)
            cameo: None,
            speaker: s.speaker(a, k),
            rule: RuleId::Evaluation,
            intended: false,
        };
        push_groups(s, a, out, subject, judged, &hit);
    }
}

/// The group a verb of judgement at `k` judges: the first one after it,
/// through lower-case words, "bahwa"/"that", a relative "yang" and an
/// article, within [`Reach::JUDGED`] elements.
fn judged_after(s: &Sent<'_>, k: usize) -> Option<usize> {
    let mut j = k + 1;
    while j < s.len() && j - k <= Reach::JUDGED {
        if let Some(g) = s.group_at(j) {
            return (!s.is_place(g)).then_some(g);
        }
        let passes = s.is_plain_lower(j)
            || s.is_article(j)
            || s.has(j, WordClass::Comp)
            || s.is_relative_pronoun(j);
        if !passes {
            return None;
        }
        j += 1;
    }
    None
}

/// Is there a word of negative judgement after element `from`, in its
/// clause, within [`Reach::NEGATIVE`] elements, with no negation right
/// before it?
fn negative_after(s: &Sent<'_>, from: usize) -> bool {
    let mut j = from + 1;
    while j < s.len() && j - from <= Reach::NEGATIVE {
        if s.is_boundary(j) || s.is_punct(j, ',') || matches!(s.kind(j), Kind::Cue(_)) {
            return false;
        }
        if s.is_word_of(j, WordClass::Negative) {
            return !(j.saturating_sub(2)..j).any(|n| s.has(n, WordClass::Neg));
        }
        j += 1;
    }
    false
}
