//! Event relations from cues: each cue finds its subject and object by one
//! of three readings, [`passive`] (the agent after the verb acts on the
//! group before it), [`noun`] (an event noun, with its genitive, its agent
//! or one of the [`NOUN_SUBJECT`] fallbacks) or [`verb`] (the nearest group
//! before it acts on the nearest group after it); [`emit`] then writes the
//! triples, with negation, undo verbs, reciprocity and symmetric relations.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push};
use crate::analysis::{Analysis, Triple};
use crate::lang::CueInfo;
use crate::lang::morph::{self, Pos};
use crate::lang::profile;
use crate::relation::sentence::{Kind, Left, Sent};
use crate::schema::{Direction, Lang, PlaceObject, Relation, Undone, WordClass};

/// Event relations from cues.
pub(super) struct Events;

impl Rule for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[
            RuleId::Cue,
            RuleId::Passive,
            RuleId::NounGenitive,
            RuleId::Noun,
            RuleId::Reciprocal,
            RuleId::Symmetric,
        ]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "Rusia menyerang Ukraina pada Februari 2022.",
                triples: &["cue: Russia attack Ukraine"],
            },
            // A verb clause that opens the sentence takes the main
            // clause's subject.
            Example {
                text: "Usai bertemu Presiden Joko Widodo di Istana, Prabowo Subianto mengatakan hubungan keduanya baik.",
                triples: &["cue: Prabowo_Subianto meet Joko_Widodo"],
            },
            Example {
                text: "After meeting Vladimir Putin in Moscow, Xi Jinping said relations were strong.",
                triples: &["cue: Xi_Jinping meet Vladimir_Putin"],
            },
            // One that ends the sentence, that of the clause before; what
            // undoes or negates that clause is not the cue's.
            Example {
                text: "Prabowo Subianto kembali ke Jakarta setelah bertemu Presiden Joko Widodo di Bogor.",
                triples: &["cue: Prabowo_Subianto meet Joko_Widodo"],
            },
            Example {
                text: "Rusia menarik pasukannya sebelum menyerang Ukraina.",
                triples: &["cue: Russia attack Ukraine"],
            },
            Example {
                text: "Xi Jinping returned to Beijing after meeting Vladimir Putin in Moscow.",
                triples: &["cue: Xi_Jinping meet Vladimir_Putin"],
            },
            // A case brought somewhere: the party after "ke" is the forum,
            // the target the party right before it.
            Example {
                text: "Partai Gerindra menggugat KPU ke Mahkamah Konstitusi.",
                triples: &["cue: Gerindra_Party criticize General_Elections_Commission"],
            },
            Example {
                text: "ICW melaporkan Budi Gunawan ke KPK pekan lalu.",
                triples: &["cue: Indonesia_Corruption_Watch criticize Budi_Gunawan"],
            },
            // An organ written before its body acts, not the body.
            Example {
                text: "Badan Kehormatan Dewan Perwakilan Rakyat meminta Presiden Joko Widodo menegur menteri itu.",
                triples: &["cue: Badan_Kehormatan_DPR demand Joko_Widodo"],
            },
            Example {
                text: "Russia invaded Ukraine in February 2022.",
                triples: &["cue: Russia attack Ukraine"],
            },
            Example {
                text: "India tidak mengecam Rusia atas invasi itu.",
                triples: &["cue: India !criticize Russia"],
            },
            Example {
                text: "India did not condemn Russia over the invasion.",
                triples: &["cue: India !criticize Russia"],
            },
            Example {
                text: "Rusia dikritik oleh Polandia karena menunda pemulangan tahanan.",
                triples: &["passive: Poland criticize Russia"],
            },
            Example {
                text: "Ukraina diserang Rusia pada Februari 2022.",
                triples: &["passive: Russia attack Ukraine"],
            },
            Example {
                text: "Russia was criticized by Poland for delaying the prisoner exchange.",
                triples: &["passive: Poland criticize Russia"],
            },
            Example {
                text: "Ukraine was invaded by Russia in February 2022.",
                triples: &["passive: Russia attack Ukraine"],
            },
            Example {
                text: "Dukungan Turki terhadap Azerbaijan tidak pernah goyah.",
                triples: &["noun-genitive: Turkey support Azerbaijan"],
            },
            Example {
                text: "Kunjungan Macron ke Vietnam berlangsung tiga hari.",
                triples: &["noun-genitive: Emmanuel_Macron meet Vietnam"],
            },
            Example {
                text: "The meeting of Xi Jinping with Vladimir Putin lasted three hours.",
                triples: &["noun-genitive: Xi_Jinping meet Vladimir_Putin"],
            },
            Example {
                text: "The joint drills of South Korea with the United States ended on Friday.",
                triples: &["noun-genitive: South_Korea cooperate United_States"],
            },
            Example {
                text: "Sanksi yang dijatuhkan Uni Eropa terhadap Iran mulai berlaku.",
                triples: &["noun: European_Union sanction Iran"],
            },
            Example {
                text: "Amerika Serikat mencabut sanksi terhadap Venezuela.",
                triples: &["noun: United_States !sanction Venezuela"],
            },
            Example {
                text: "Russia's invasion of Ukraine began in February 2022.",
                triples: &["noun: Russia attack Ukraine"],
            },
            Example {
                // Halting aid is a sanction (CAMEO 162).
                text: "The United States suspended military aid to Ukraine last month.",
                triples: &["noun: United_States sanction Ukraine"],
            },
            Example {
                text: "Rusia dan China saling mendukung di Dewan Keamanan PBB.",
                triples: &[
                    "reciprocal: Russia support China",
                    "reciprocal: China support Russia",
                ],
            },
            Example {
                text: "India and Pakistan accused each other of the attack.",
                triples: &[
                    "reciprocal: India criticize Pakistan",
                    "reciprocal: Pakistan criticize India",
                ],
            },
            Example {
                text: "Xi Jinping dan Vladimir Putin bertemu di Moskow.",
                triples: &["symmetric: Xi_Jinping meet Vladimir_Putin"],
            },
            Example {
                text: "Japan and Australia cooperated on a new port in the region.",
                triples: &["symmetric: Japan cooperate Australia"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        for (i, e) in s.els().iter().enumerate() {
            let Kind::Cue(q) = e.kind else { continue };
            let cue = s.cue(q);
            let pos = s.pos(q);
            let found = if pos == Pos::Passive || english_passive(s, i, cue, pos) {
                passive(s, i, cue)
            } else if pos == Pos::Noun {
                if between_parties(s, a, i, cue, out) {
                    continue;
                }
                noun_genitive(s, i, cue).unwrap_or_else(|| noun(s, i, cue.relation))
            } else {
                verb(s, i, cue.relation)
            };
            emit(s, a, i, cue, found, out);
        }
    }
}

/// What the argument search found for one cue: its subject and object
/// groups, whether a denying verb negates it ("membantah bahwa …"), and
/// the rule id of the reading.
struct Found {
    subject: Option<usize>,
    object: Option<usize>,
    denial: bool,
    rule: RuleId,
}

/// Is the verb cue `cue` at `i` an English passive: "was criticized by",
/// and a participle right before its agent ("Ukraine, supported by NATO,
/// …") or a place ("10 Russian soldiers killed in Ukraine": a one-way verb
/// in the active would have its object there; not so "agreed in
/// principle")?
fn english_passive(s: &Sent<'_>, i: usize, cue: &CueInfo, pos: Pos) -> bool {
    pos == Pos::Verb
        && i > 0
        && (s.has(i - 1, WordClass::PassiveAux)
            || (s.has(i + 1, WordClass::Agent)
                && Lang::ALL.into_iter().any(|l| {
                    profile(l).participle_passive
                        && s.is_word_of_in(i + 1, WordClass::PassiveAgent, l)
                }))
            || (s.has(i + 1, WordClass::PlacePrep)
                && !s.has(i + 1, WordClass::PrepObj)
                && cue.direction == Direction::Forward))
        && morph::english_past(s.word(i))
}

/// A passive: "Rusia dikritik oleh Polandia", "dibantah Moskow", "was
/// criticized by": the group before is the object, the agent after the
/// subject.
fn passive(s: &Sent<'_>, i: usize, cue: &CueInfo) -> Found {
    let object = match s.left(i) {
        // A participle with no auxiliary modifies the words right
        // before it ("Ukraine, supported by NATO", "Russian soldiers
        // killed in"): "victims killed by …" is no act on a name
        // further back.
        Left::Group(g)
            if cue.pos == Pos::Passive
                || s.has(i - 1, WordClass::PassiveAux)
                || s.group(g).last + 1 == i
                || (s.group(g).last + 2 == i
                    && (s.has(i - 1, WordClass::Collective) || s.is_punct(i - 1, ','))) =>
        {
            Some(g)
        }
        _ => None,
    };
    let subject = s.group_at(i + 1).or_else(|| s.agent_after(i, false));
    // "Calon yang diusung PDIP adalah Ganjar Pranowo": what a relative
    // passive clause describes, named after a copula.
    let object = object.or_else(|| {
        let g = subject?;
        let c = s.group(g).last + 1;
        (i > 0 && s.is_relative_pronoun(i - 1) && s.is_word_of(c, WordClass::Copula))
            .then(|| s.group_at(c + 1))
            .flatten()
    });
    Found {
        subject,
        object,
        denial: false,
        rule: RuleId::Passive,
    }
}

/// A noun with its genitive subject right after it: "dukungan China",
/// "intimidasi militer China terhadap Taiwan", "perang Rusia di Ukraina";
/// its object must come after a preposition.
fn noun_genitive(s: &Sent<'_>, i: usize, cue: &CueInfo) -> Option<Found> {
    let rel = cue.relation;
    let genitive = if cue.ends_with_prep {
        None
    } else {
        s.group_at(i + 1).or_else(|| {
            // "the joint drills of X and Y": the parties of a
            // symmetric event, not what it is done to.
            let of_parties = rel.is_symmetric();
            if s.is_modifier(i + 1) && (!s.has(i + 1, WordClass::PatientPrep) || of_parties) {
                s.group_at(i + 2)
            } else {
                None
            }
        })
    };
    let g = genitive?;
    // The object must come after a preposition.
    let after = s.group(g).last;
    let object = s.object(after, rel).filter(|&o| {
        let f = s.group(o).first;
        (after + 1..f).any(|k| {
            let c = s.classes(k);
            c.has(WordClass::PrepObj)
                || (c.has(WordClass::PlacePrep) && rel.info().place_object != PlaceObject::None)
        })
    });
    Some(Found {
        subject: Some(g),
        object,
        denial: false,
        rule: RuleId::NounGenitive,
    })
}

/// An event noun between two parties: "perang antara Israel dan Hamas",
/// "perang antara Israel dengan gerakan Islam Hamas", "talks between X
/// and Y". Each party acts on the other; once, for a symmetric relation.
/// Whether the noun was read so.
fn between_parties(
    s: &Sent<'_>,
    a: &Analysis,
    i: usize,
    cue: &CueInfo,
    out: &mut Vec<Triple>,
) -> bool {
    let is = |k: usize, words: &[&str]| {
        k < s.len() && words.iter().any(|w| s.word(k).eq_ignore_ascii_case(w))
    };
    if !is(i + 1, &["antara", "between"]) {
        return false;
    }
    let Some(g1) = s.group_at(i + 2) else {
        return false;
    };
    let mut parties: Vec<u32> = s.heads(g1).collect();
    let after = s.group(g1).last + 1;
    if parties.len() == 1 && is(after, &["dengan", "dan", "and"]) {
        // Words that describe the second party may come first ("gerakan
        // Islam Hamas").
        let mut k = after + 1;
        while k < s.len() && k <= after + 3 && matches!(s.kind(k), Kind::Other | Kind::Word(_)) {
            k += 1;
        }
        if let Some(g2) = s.group_at(k) {
            parties.extend(s.heads(g2));
        }
    }
    if parties.len() < 2 {
        return false;
    }
    let rel = cue.relation;
    let hit = Hit {
        rel,
        negated: s.negated(i, None),
        trigger: Some(i),
        cameo: cue.cameo.as_deref(),
        speaker: s.speaker(a, i),
        rule: RuleId::Noun,
        intended: s.intended(i, i, i),
    };
    for (k, &x) in parties.iter().enumerate() {
        for &y in &parties[k + 1..] {
            push(s, a, out, x, y, &hit);
            if !rel.is_symmetric() {
                push(s, a, out, y, x, &hit);
            }
        }
    }
    true
}

/// Where the subject of an event noun with no genitive comes from, in the
/// order they are tried ([`NOUN_SUBJECT`]); the first that finds one wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SubjectFrom {
    /// The group after an agent word ("the sanctions imposed by the EU").
    Agent,
    /// The agent of an Indonesian passive relative clause right after the
    /// noun ("sanksi yang dijatuhkan Uni Eropa").
    RelativePassiveAgent,
    /// "support to Russia for its war", "criticized the US for its
    /// support": an English possessive is the nearest actor's, whatever
    /// its role.
    Possessive,
    /// "kunjungannya ke Tiongkok", "pertemuan mereka": the noun's owner is
    /// the clause's subject.
    Possessed,
    /// "Russia's invasion", "US-led war", "French mediation": an actor
    /// right before the noun.
    Modifier,
    /// "Dalam pertemuan dengan Jepang, Filipina meminta …", "In talks with
    /// Japan, the Philippines asked …": a meeting fronted before the
    /// clause is its subject's (symmetric relations with an object only).
    FrontedMeeting,
    /// "Xi menawarkan dukungan", "held talks": the event noun is the
    /// object of a light verb, whose subject it takes. A noun in any other
    /// place ("fleeing the civil war in Liberia") has no subject of its
    /// own.
    LightVerb,
}

/// The subject of an event noun with no genitive: each source in turn.
const NOUN_SUBJECT: [SubjectFrom; 7] = [
    SubjectFrom::Agent,
    SubjectFrom::RelativePassiveAgent,
    SubjectFrom::Possessive,
    SubjectFrom::Possessed,
    SubjectFrom::Modifier,
    SubjectFrom::FrontedMeeting,
    SubjectFrom::LightVerb,
];

impl SubjectFrom {
    /// The subject group of the noun at `i` from this source, and whether
    /// a denial negates the noun; `object` is the noun's object so far.
    fn find(
        self,
        s: &Sent<'_>,
        i: usize,
        rel: Relation,
        object: Option<usize>,
    ) -> Option<(usize, bool)> {
        let plain = |g: Option<usize>| g.map(|g| (g, false));
        match self {
            SubjectFrom::Agent => plain(s.agent_after(i, true)),
            SubjectFrom::RelativePassiveAgent => plain(s.relative_passive_agent(i)),
            SubjectFrom::Possessive if i > 0 && s.is_possessive(i - 1) => {
                plain(s.nearest_actor_before(i - 1))
            }
            SubjectFrom::Possessed if s.possessed(i) => s.subject(i),
            SubjectFrom::Modifier => plain(s.modifier_before(i)),
            SubjectFrom::FrontedMeeting if rel.is_symmetric() => {
                plain(object.and_then(|o| s.fronted_subject(i, o)))
            }
            SubjectFrom::LightVerb => s.light_verb_before(i).and_then(|v| s.subject(v)),
            _ => None,
        }
    }
}

/// An event noun with no genitive: its object after it, its subject from
/// the first of [`NOUN_SUBJECT`] that has one.
fn noun(s: &Sent<'_>, i: usize, rel: Relation) -> Found {
    let mut object = s.object(i, rel);
    let mut subject = None;
    let mut denial = false;
    for from in NOUN_SUBJECT {
        let Some((g, d)) = from.find(s, i, rel, object) else {
            continue;
        };
        if matches!(from, SubjectFrom::Agent | SubjectFrom::RelativePassiveAgent)
            && object.is_none_or(|o| o == g)
        {
            // "the sanctions imposed by the EU on Iran": the object
            // comes after the agent; "Cuba has been under an embargo
            // imposed by the US": the one who is under it.
            object = s.object(s.group(g).last, rel).or_else(|| s.under_noun(i));
        }
        subject = Some(g);
        denial = d;
        break;
    }
    Found {
        subject,
        object,
        denial,
        rule: RuleId::Noun,
    }
}

/// A verb: its subject before it (through a pronoun or "bahwa" to the
/// reporting verb's), its object after it.
fn verb(s: &Sent<'_>, i: usize, rel: Relation) -> Found {
    let (subject, denial) = match s.subject(i) {
        Some((g, d)) => (Some(g), d),
        None => (None, false),
    };
    let object = s.object(i, rel);
    // A direct verb with no party right after it is in another sense
    // ("Prabowo dan Hatta menerima keputusan MK"): no act at all, not
    // one within its subject.
    let subject = subject.filter(|_| object.is_some() || !s.is_word_of(i, WordClass::DirectVerb));
    Found {
        subject,
        object,
        denial,
        rule: RuleId::Cue,
    }
}

/// The triples of the cue at `i` from what its reading found: none
/// without a subject; negated by a denial, a negation or an undo verb;
/// each subject with each object, or, with no object, each with each in a
/// reciprocal or symmetric group.
fn emit(s: &Sent<'_>, a: &Analysis, i: usize, cue: &CueInfo, found: Found, out: &mut Vec<Triple>) {
    let Found {
        subject,
        mut object,
        denial,
        rule,
    } = found;
    // A subject found by passing over the object of the same cue is no subject.
    let Some(sg) = subject else { return };
    if object == Some(sg) {
        object = None;
    }
    let mut negated = denial
        || s.negated(
            i,
            matches!(rule, RuleId::Cue | RuleId::Noun).then(|| s.group(sg).last),
        );
    // An undo verb before the cue: "menghentikan bantuan", "halted aid":
    // stopping aid is a sanction (CAMEO 162); "mengakhiri kunjungannya",
    // "concluded talks": the visit or the talks took place; stopping
    // anything else negates it ("lifted the sanctions", "cancelled a
    // visit"). Each relation's row of RELATIONS says which.
    let mut rel = cue.relation;
    let mut cameo = cue.cameo.as_deref();
    if let Some(u) = s.undo_word(i) {
        match rel.info().undone {
            Undone::ConcludedTookPlace if s.has(u, WordClass::Conclude) => {}
            Undone::Becomes(r, code) => {
                rel = r;
                cameo = Some(code);
            }
            _ => negated = true,
        }
    }
    let speaker = s.speaker(a, i);
    let subs: Vec<u32> = s.heads(sg).collect();
    let objs: Vec<u32> = object.map(|og| s.heads(og).collect()).unwrap_or_default();
    let (subs, objs) = if cue.direction == Direction::Reverse {
        (objs, subs)
    } else {
        (subs, objs)
    };
    let intended = s.intended(i, s.group(sg).first, s.group(sg).last);
    let hit = |rule| Hit {
        rel,
        negated,
        trigger: Some(i),
        cameo,
        speaker,
        rule,
        intended,
    };
    if s.reciprocal(i) && object.is_none() && subs.len() >= 2 {
        // "saling mendukung": each supports each.
        for &x in &subs {
            for &y in &subs {
                push(s, a, out, x, y, &hit(RuleId::Reciprocal));
            }
        }
    } else if objs.is_empty() {
        // "Xi dan Putin bertemu": a symmetric relation within the group,
        // unless the group is the object of a verb right before it
        // ("will visit Mauritania and Senegal to mediate": the visitor
        // mediates).
        let f = s.group(sg).first;
        let object_of_verb =
            f > 0 && matches!(s.kind(f - 1), Kind::Cue(q) if s.pos(q) == Pos::Verb);
        if rel.is_symmetric() && subs.len() >= 2 && !object_of_verb {
            for (k, &x) in subs.iter().enumerate() {
                for &y in &subs[k + 1..] {
                    push(s, a, out, x, y, &hit(RuleId::Symmetric));
                }
            }
        }
    } else {
        for &x in &subs {
            for &y in &objs {
                push(s, a, out, x, y, &hit(rule));
            }
        }
    }
}
