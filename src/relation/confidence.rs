//! The `confidence` of a triple: the estimated chance that the row is in a
//! gold set, from what the row says of its evidence. A logistic model over
//! a few features of the row (the rule that wrote it, the relation, how
//! each end was found, how far apart the two ends are) with the weights of
//! `models/confidence.tsv`, fitted by `scripts/train_confidence.py` on the
//! gold sets in the repository (see `models/README.md`). That script
//! computes the same features from the CSV columns.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::analysis::{Analysis, Triple};

/// The weights compiled into the binary.
static BUILTIN: &str = include_str!("../../models/confidence.tsv");

/// What a feature describes (the part of its name before `=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Rule,
    Relation,
    Subject,
    Object,
    Gap,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "rule" => Kind::Rule,
            "relation" => Kind::Relation,
            "subject" => Kind::Subject,
            "object" => Kind::Object,
            "gap" => Kind::Gap,
            _ => return None,
        })
    }
}

/// The weights of a confidence model: the bias, and each feature's weight
/// (a feature not listed weighs 0).
#[derive(Debug, Default)]
pub(crate) struct ConfidenceModel {
    bias: f32,
    weights: FxHashMap<(Kind, &'static str), f32>,
}

impl ConfidenceModel {
    /// The model compiled into the binary (read on first use).
    pub(crate) fn builtin() -> &'static ConfidenceModel {
        static MODEL: OnceLock<ConfidenceModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            ConfidenceModel::parse(BUILTIN)
                .unwrap_or_else(|e| panic!("models/confidence.tsv: {e} (a test reads it)"))
        })
    }

    /// Reads `feature<TAB>weight` lines after a `feature<TAB>weight`
    /// header; `#` lines are comments. The error names the line.
    fn parse(text: &'static str) -> Result<ConfidenceModel, String> {
        let mut m = ConfidenceModel::default();
        let mut header = false;
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header {
                if line != "feature\tweight" {
                    return Err(format!(
                        "line {line_no}: expected the header `feature<TAB>weight`"
                    ));
                }
                header = true;
                continue;
            }
            let (name, w) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {line_no}: expected `feature<TAB>weight`"))?;
            let w: f32 = w
                .parse()
                .ok()
                .filter(|w: &f32| w.is_finite())
                .ok_or_else(|| format!("line {line_no}: `{w}` is not a number"))?;
            if name == "bias" {
                m.bias = w;
                continue;
            }
            let kind = name
                .split_once('=')
                .and_then(|(k, v)| Some((Kind::parse(k)?, v)))
                .ok_or_else(|| format!("line {line_no}: unknown feature `{name}`"))?;
            m.weights.insert(kind, w);
        }
        if !header {
            return Err("no `feature<TAB>weight` header".to_owned());
        }
        Ok(m)
    }

    fn weight(&self, kind: Kind, value: &str) -> f32 {
        self.weights.get(&(kind, value)).copied().unwrap_or(0.0)
    }

    /// The confidence of triple `t` of `a` (whose text is `text`), rounded
    /// to two decimals.
    pub(crate) fn of(&self, text: &str, a: &Analysis, t: &Triple) -> f32 {
        let (sm, om) = (
            &a.mentions[t.subject as usize],
            &a.mentions[t.object as usize],
        );
        let (from, to) = (sm.end.min(om.end), sm.start.max(om.start));
        let gap = if to > from {
            text[from..to].chars().count()
        } else {
            0
        };
        let z = self.bias
            + self.weight(Kind::Rule, t.rule)
            + self.weight(Kind::Relation, t.relation.as_str())
            + self.weight(Kind::Subject, sm.source.as_str())
            + self.weight(Kind::Object, om.source.as_str())
            + self.weight(Kind::Gap, gap_bucket(gap));
        let p = 1.0 / (1.0 + (-z).exp());
        (p * 100.0).round() / 100.0
    }
}

/// How far apart a triple's two ends are: `near` (at most 30 characters
/// between them), `mid` (at most 80) or `far`.
fn gap_bucket(chars: usize) -> &'static str {
    match chars {
        0..=30 => "near",
        31..=80 => "mid",
        _ => "far",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_weights_read_and_name_known_features() {
        let m = ConfidenceModel::parse(BUILTIN).expect("models/confidence.tsv reads");
        assert!(!m.weights.is_empty());
        // Every rule and relation named is one kabar writes.
        for (kind, value) in m.weights.keys() {
            match kind {
                Kind::Rule => assert!(
                    super::super::rules::RuleId::ALL
                        .iter()
                        .any(|r| r.as_str() == *value),
                    "unknown rule {value}"
                ),
                Kind::Relation => assert!(
                    crate::schema::Relation::parse(value).is_some(),
                    "unknown relation {value}"
                ),
                Kind::Subject | Kind::Object => assert!(
                    ["gazetteer", "pattern", "model"].contains(value),
                    "unknown source {value}"
                ),
                Kind::Gap => assert!(["near", "mid", "far"].contains(value)),
            }
        }
    }

    #[test]
    fn bad_weights_name_the_line() {
        let e = ConfidenceModel::parse("# x\nfeature\tweight\nbias\t0.1\nrule=cue\tlots\n")
            .unwrap_err();
        assert!(e.contains("line 4") && e.contains("lots"), "{e}");
        let e = ConfidenceModel::parse("feature\tweight\ncolour=red\t1\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("colour=red"), "{e}");
        assert!(ConfidenceModel::parse("bias\t1\n").is_err());
    }

    #[test]
    fn gaps_bucket_at_their_bounds() {
        assert_eq!(gap_bucket(0), "near");
        assert_eq!(gap_bucket(30), "near");
        assert_eq!(gap_bucket(31), "mid");
        assert_eq!(gap_bucket(80), "mid");
        assert_eq!(gap_bucket(81), "far");
    }
}
