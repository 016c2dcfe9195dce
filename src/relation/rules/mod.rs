//! The rules that turn one sentence's mentions into triples:
//!
//! - titles and appositions give `leader_of` / `official_of`;
//! - membership words give `member_of`;
//! - each cue finds its subject (nearest group before it in the clause, or
//!   the genitive after a noun cue, or the agent of a passive) and its
//!   object (nearest group after it, through prepositions), with negation,
//!   reciprocity and symmetric relations handled; clause words, quotes and
//!   semicolons limit the reach;
//! - obligation words give `demand`;
//! - a verb of judgement with a negative word gives `criticize`.

mod evaluations;
mod events;
mod membership;
mod obligations;
mod seats_held;
mod titles;

use crate::analysis::{Analysis, EntityRef, Triple};
use crate::relation::sentence::{Sent, is_actor};
use crate::schema::Relation;

/// Declares [`RuleId`]: each line a variant and the string written in the
/// `rule` column, in the order of the rules that write them. Adding an id
/// is adding a line.
macro_rules! rule_ids {
    ($($(#[$doc:meta])* $id:ident = $name:literal,)+) => {
        /// The id of the rule that found a triple, written in its `rule`
        /// column.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum RuleId {
            $($(#[$doc])* $id,)+
        }

        impl RuleId {
            /// Every id, in the order of the rules that write them.
            #[cfg(test)]
            pub(crate) const ALL: &[RuleId] = &[$(RuleId::$id,)+];

            /// The name written in the `rule` column.
            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$id => $name,)+
                }
            }
        }
    };
}

rule_ids! {
    /// `title`: a title with its person and the country or organisation
    /// named with it ("Presiden Rusia Vladimir Putin").
    Title = "title",
    /// `title-nested`: a title's organisation names a country, whose
    /// official the person is too ("Sekretaris Dewan Keamanan Nasional
    /// Rusia").
    TitleNested = "title-nested",
    /// `title-possessor`: a title of another person ("penasihat … Putin,
    /// Yuri Ushakov"): an official of that person's country.
    TitlePossessor = "title-possessor",
    /// `title-role`: a title with no country, and the gazetteer's role of
    /// the person ("Menteri Luar Negeri Wang Yi").
    TitleRole = "title-role",
    /// `apposition`: "Vladimir Putin, Presiden Rusia".
    Apposition = "apposition",
    /// `member`: "NATO member Poland", "India, anggota SCO".
    Member = "member",
    /// `member-list`: "anggota SCO mencakup India, Pakistan".
    MemberList = "member-list",
    /// `join`: "Arab Saudi bergabung dengan BRICS".
    Join = "join",
    /// `seat-held`: a person who is a member of a body holds an office of
    /// it ("anggota DPR Fadli Zon", "a member of the European Parliament").
    SeatHeld = "seat-held",
    /// `cue`: a verb with its subject and object ("Rusia menyerang
    /// Ukraina").
    Cue = "cue",
    /// `passive`: "Rusia dikritik oleh Polandia", "was criticized by".
    Passive = "passive",
    /// `noun-genitive`: an event noun with its doer after it ("dukungan
    /// China terhadap Rusia").
    NounGenitive = "noun-genitive",
    /// `noun`: an event noun with its doer elsewhere ("Russia's invasion
    /// of Ukraine", "sanksi yang dijatuhkan Uni Eropa").
    Noun = "noun",
    /// `reciprocal`: "saling mendukung", each with each.
    Reciprocal = "reciprocal",
    /// `symmetric`: "Xi dan Putin bertemu", a symmetric relation within a
    /// group.
    Symmetric = "symmetric",
    /// `obligation`: "Rusia mengatakan Sudan harus …", a demand.
    Obligation = "obligation",
    /// `evaluation`: "BK menilai Dahlan sudah menimbulkan kegaduhan", a
    /// judgement with a negative word: criticism.
    Evaluation = "evaluation",
    /// `cooccurrence`: two entities in one sentence (only on request; see
    /// `relation/mod.rs`).
    Cooccurrence = "cooccurrence",
}

/// A rule of the relation stage: it reads one [`Sent`] and pushes the
/// triples it finds (through [`push`], which drops repeats within the
/// sentence).
///
/// The rules are trait objects in [`RULES`], not an enum with a `match`:
/// a sentence makes four indirect calls, nothing beside the argument
/// search each rule runs, and a new rule is one file and one line in
/// [`RULES`].
pub(crate) trait Rule: Sync {
    /// The rule's name, for messages ("titles", "events").
    fn name(&self) -> &'static str;
    /// The ids the rule writes in the `rule` column.
    fn ids(&self) -> &'static [RuleId];
    /// Composed sentences and the triples the rule must find in them
    /// (compiled for tests only: `every_rule_finds_its_examples` runs
    /// them through the default pipeline).
    #[cfg(test)]
    fn examples(&self) -> &'static [Example];
    /// Adds the triples the rule finds in sentence `s` to `out`.
    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>);
}

/// A composed sentence and the triples a rule must find in it (other
/// triples may come with them). A triple is written `"rule-id: Subject_id
/// relation Object_id"`, with `!relation` when it is negated: `"cue:
/// India !criticize Russia"`. The rule id is one of the rule's
/// [`ids`](Rule::ids), and the triple's `rule` column must be it;
/// symmetric relations compare unordered.
#[cfg(test)]
pub(crate) struct Example {
    pub(crate) text: &'static str,
    pub(crate) triples: &'static [&'static str],
}

/// Every rule, in the order they run: the order of the triples of a
/// sentence, and which of two equal triples is kept, depend on it.
pub(crate) static RULES: &[&dyn Rule] = &[
    &titles::Titles,
    &membership::Membership,
    &seats_held::SeatsHeld,
    &events::Events,
    &obligations::Obligations,
    &evaluations::Evaluations,
];

/// Pushes triples for one sentence into `out`: every rule of [`RULES`],
/// in order.
pub(crate) fn extract(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for rule in RULES {
        let before = out.len();
        rule.apply(s, a, out);
        debug_assert!(
            out[before..]
                .iter()
                .all(|t| rule.ids().iter().any(|id| id.as_str() == t.rule)),
            "rule {} wrote an id it does not list",
            rule.name()
        );
    }
}

/// The id of the entity of mention `m`.
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
    rule: RuleId,
    intended: bool,
}

impl Hit<'_> {
    /// A structural triple from a title or membership word.
    fn structural(rel: Relation, trigger: usize, rule: RuleId) -> Hit<'static> {
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

/// [`push`] for every acting mention of group `sg` on every one of group
/// `og`.
fn push_groups(
    s: &Sent<'_>,
    a: &Analysis,
    out: &mut Vec<Triple>,
    sg: usize,
    og: usize,
    hit: &Hit<'_>,
) {
    for subj in s.heads(sg) {
        for obj in s.heads(og) {
            push(s, a, out, subj, obj, hit);
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
        rule: rule.as_str(),
        intended,
        confidence: 0.0,
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

/// The country a person leads or serves (the first role held in the
/// document's year), as an entity index.
fn role_country(s: &Sent<'_>, a: &Analysis, person: u32) -> Option<u32> {
    let EntityRef::Gazetteer(pi) = a.mentions[person as usize].entity else {
        return None;
    };
    let role = s
        .gaz()
        .entity(pi)
        .roles
        .iter()
        .find(|r| r.held_in(a.year))?;
    s.gaz().find(&role.of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Lang;
    use crate::{Document, Pipeline};

    /// One expected triple of an [`Example`]: rule id, subject, relation,
    /// object, negated.
    fn parse(spec: &str) -> (RuleId, &str, &str, &str, bool) {
        let (id, triple) = spec.split_once(": ").expect("`rule-id: S rel O`");
        let id = RuleId::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == id)
            .unwrap_or_else(|| panic!("unknown rule id in {spec:?}"));
        let [s, rel, o] = triple.split_whitespace().collect::<Vec<_>>()[..] else {
            panic!("bad triple in {spec:?}");
        };
        let (rel, negated) = match rel.strip_prefix('!') {
            Some(r) => (r, true),
            None => (rel, false),
        };
        assert!(
            Relation::parse(rel).is_some(),
            "unknown relation in {spec:?}"
        );
        (id, s, rel, o, negated)
    }

    /// Every rule finds the triples of its examples, with its own ids;
    /// every id has two examples or more, in Indonesian and in English.
    #[test]
    fn every_rule_finds_its_examples() {
        let pipeline = Pipeline::default();
        let gaz = pipeline.gazetteer();
        let mut failures = String::new();
        let mut shown: Vec<(RuleId, Lang)> = Vec::new();
        for rule in RULES {
            for ex in rule.examples() {
                let a = pipeline.process(&Document::new("example", ex.text));
                let id = |m: u32| a.entity(gaz, a.mentions[m as usize].entity).id.as_str();
                let got: Vec<(&str, &str, &str, &str, bool)> = a
                    .triples
                    .iter()
                    .map(|t| {
                        let (s, o) = (id(t.subject), id(t.object));
                        (t.rule, s, t.relation.as_str(), o, t.negated)
                    })
                    .collect();
                for spec in ex.triples {
                    let (rid, s, rel, o, negated) = parse(spec);
                    assert!(
                        rule.ids().contains(&rid),
                        "rule {}: example {:?} expects {spec:?}, an id of another rule",
                        rule.name(),
                        ex.text
                    );
                    let symmetric = Relation::parse(rel).is_some_and(Relation::is_symmetric);
                    let found = got.iter().any(|&(r, gs, grel, go, gneg)| {
                        r == rid.as_str()
                            && grel == rel
                            && gneg == negated
                            && ((gs, go) == (s, o) || (symmetric && (go, gs) == (s, o)))
                    });
                    if found {
                        shown.push((rid, a.lang.expect("the language is decided")));
                    } else {
                        failures.push_str(&format!(
                            "\n  rule {}: {:?}\n    missing {spec:?}\n    got {got:?}",
                            rule.name(),
                            ex.text
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "examples not found:{failures}");
        for &id in RuleId::ALL {
            if id == RuleId::Cooccurrence {
                continue;
            }
            let of = |lang| shown.iter().filter(|&&x| x == (id, lang)).count();
            let (ind, en) = (of(Lang::Id), of(Lang::En));
            assert!(
                ind + en >= 2 && ind >= 1 && en >= 1,
                "{}: {ind} Indonesian and {en} English examples; two or more in both languages wanted",
                id.as_str()
            );
        }
    }

    /// The triples of the rules for `text` as `rule: S rel O`.
    fn triples_of(pipeline: &Pipeline, text: &str) -> Vec<String> {
        let gaz = pipeline.gazetteer();
        let a = pipeline.process(&Document::new("t", text));
        let id = |m: u32| a.entity(gaz, a.mentions[m as usize].entity).id.clone();
        a.triples
            .iter()
            .map(|t| {
                let (s, o) = (id(t.subject), id(t.object));
                format!("{}: {s} {} {o}", t.rule, t.relation.as_str())
            })
            .collect()
    }

    /// A rank or a degree between a title and its holder keeps the title's
    /// triple ("Ketua … Prof X", "…, Mayor X,", "… Dr. X"); a school that
    /// bears a country's name makes its officials no officials of the
    /// country, as a state body does.
    #[test]
    fn ranks_before_a_holder_and_schools_named_for_a_country() {
        let p = Pipeline::default();
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Juru bicara militer Rusia, Mayor Igor Konashenkov, menyebut serangan itu gagal.",
                &["title: Igor_Konashenkov official_of Russia"],
                &[],
            ),
            (
                "Ekonom Universitas Indonesia Dr. Faisal Basri menilai inflasi masih tinggi.",
                &["title: Faisal_Basri official_of University_of_Indonesia"],
                &["title-nested: Faisal_Basri official_of Indonesia"],
            ),
            (
                "Gubernur Bank Sentral Malaysia Zeti Akhtar Aziz mengatakan ekonomi kuat.",
                &["title-nested: Zeti_Akhtar_Aziz official_of Malaysia"],
                &[],
            ),
            (
                "Wakil Ketua Akademi Ilmu Pengetahuan Indonesia Budi Santoso membuka acara.",
                &[],
                &["title-nested: Budi_Santoso official_of Indonesia"],
            ),
        ];
        for (text, want, not) in cases {
            let got = triples_of(&p, text);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{text}: missing {w}; got {got:?}"
                );
            }
            for n in *not {
                assert!(
                    !got.iter().any(|g| g == n),
                    "{text}: {n} found; got {got:?}"
                );
            }
        }
    }

    /// "menolak memberikan penjelasan kepada Ukraina" refuses an act: no
    /// reject of Ukraine; "menolak usulan Ukraina" rejects Ukraine's
    /// proposal.
    #[test]
    fn a_refusal_before_a_verb_refuses_the_act() {
        let p = Pipeline::default();
        let got = triples_of(&p, "Rusia menolak memberikan penjelasan kepada Ukraina.");
        assert!(
            !got.iter().any(|g| g.contains(" reject ")),
            "a refused act: {got:?}"
        );
        let got = triples_of(&p, "Rusia menolak usulan Ukraina.");
        assert!(
            got.iter().any(|g| g == "cue: Russia reject Ukraine"),
            "a rejected proposal: {got:?}"
        );
    }

    /// A judgement is criticism only with a negative word no negation
    /// precedes, about a party the verb reaches.
    #[test]
    fn judgements_that_are_no_criticism() {
        let p = Pipeline::default();
        for text in [
            "Partai Golkar menilai kebijakan Jokowi itu tidak salah.",
            "Partai Golkar menilai kebijakan Jokowi itu berhasil.",
            "Partai Golkar tidak menilai kebijakan Jokowi gagal.",
            "Germany considered the Russian proposal, which was not a mistake.",
        ] {
            let got = triples_of(&p, text);
            assert!(
                !got.iter().any(|g| g.starts_with("evaluation: ")),
                "{text}: {got:?}"
            );
        }
    }

    /// Every id has its own name, and every id but `cooccurrence` (written
    /// by `relation/mod.rs`) is listed by exactly one rule.
    #[test]
    fn every_id_belongs_to_one_rule() {
        let mut names: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RuleId::ALL.len(), "two ids share a name");
        for &id in RuleId::ALL {
            let owners = RULES.iter().filter(|r| r.ids().contains(&id)).count();
            let want = usize::from(id != RuleId::Cooccurrence);
            assert_eq!(owners, want, "{} is listed by {owners} rules", id.as_str());
        }
    }
}
