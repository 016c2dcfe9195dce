//! Event relations from cues.

use super::{Hit, push};
use crate::analysis::{Analysis, Triple};
use crate::lang::morph::Pos;
use crate::relation::sentence::{Kind, Left, Sent, ends_with_ci};
use crate::schema::{Direction, Relation, WordClass};

/// Event relations from cues.
pub(super) fn events(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for (i, e) in s.els().iter().enumerate() {
        let Kind::Cue(q) = e.kind else { continue };
        let cue = s.cue(q);
        let pos = s.pos(q);
        let rel = cue.relation;
        let mut subject: Option<usize> = None;
        let mut object: Option<usize>;
        let mut denial = false;
        let mut rule = "cue";
        // "was criticized by", and a participle right before its agent
        // ("Ukraine, supported by NATO, …") or a place ("10 Russian
        // soldiers killed in Ukraine": a one-way verb in the active would
        // have its object there; not so "agreed in principle").
        let english_passive = pos == Pos::Verb
            && i > 0
            && (s.has(i - 1, WordClass::PassiveAux)
                || (s.has(i + 1, WordClass::Agent) && s.word(i + 1).eq_ignore_ascii_case("by"))
                || (s.has(i + 1, WordClass::PlacePrep)
                    && !s.has(i + 1, WordClass::PrepObj)
                    && cue.direction == Direction::Forward))
            && ends_with_ci(s.word(i), "ed");
        if pos == Pos::Passive || english_passive {
            // "Rusia dikritik oleh Polandia", "dibantah Moskow", "was criticized by".
            rule = "passive";
            object = match s.left(i) {
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
            subject = s.group_at(i + 1).or_else(|| s.agent_after(i, false));
        } else if pos == Pos::Noun {
            // Genitive subject right after a noun: "dukungan China",
            // "intimidasi militer China terhadap Taiwan", "perang Rusia di Ukraina".
            let genitive = if cue.ends_with_prep {
                None
            } else {
                s.group_at(i + 1).or_else(|| {
                    // "the joint drills of X and Y": the parties of a
                    // symmetric event, not what it is done to.
                    let of_parties = rel.is_symmetric();
                    if s.is_modifier(i + 1) && (!s.has(i + 1, WordClass::PatientPrep) || of_parties)
                    {
                        s.group_at(i + 2)
                    } else {
                        None
                    }
                })
            };
            if let Some(g) = genitive {
                rule = "noun-genitive";
                subject = Some(g);
                // The object must come after a preposition.
                let after = s.group(g).last;
                object = s.object(after, rel).filter(|&o| {
                    let f = s.group(o).first;
                    (after + 1..f).any(|k| {
                        let c = s.classes(k);
                        c.has(WordClass::PrepObj)
                            || (c.has(WordClass::PlacePrep)
                                && (rel == Relation::Attack || rel == Relation::Meet))
                    })
                });
            } else {
                rule = "noun";
                object = s.object(i, rel);
                subject = s
                    .agent_after(i, true)
                    .or_else(|| s.relative_passive_agent(i));
                if let Some(g) = subject
                    && object.is_none_or(|o| o == g)
                {
                    // "the sanctions imposed by the EU on Iran": the object
                    // comes after the agent; "Cuba has been under an embargo
                    // imposed by the US": the one who is under it.
                    object = s.object(s.group(g).last, rel).or_else(|| s.under_noun(i));
                }
                if subject.is_none() && i > 0 && s.is_possessive(i - 1) {
                    // "support to Russia for its war", "criticized the US
                    // for its support": an English possessive is the
                    // nearest actor's, whatever its role.
                    subject = s.nearest_actor_before(i - 1);
                }
                if subject.is_none() && s.possessed(i) {
                    // "kunjungannya ke Tiongkok", "pertemuan mereka": the
                    // noun's owner is the clause's subject.
                    if let Some((g, d)) = s.subject(i) {
                        subject = Some(g);
                        denial = d;
                    }
                }
                if subject.is_none() {
                    // "Russia's invasion", "US-led war", "French mediation":
                    // an actor right before the noun.
                    subject = s.modifier_before(i);
                }
                if subject.is_none()
                    && rel.is_symmetric()
                    && let Some(o) = object
                {
                    // "Dalam pertemuan dengan Jepang, Filipina meminta …",
                    // "In talks with Japan, the Philippines asked …": a
                    // meeting fronted before the clause is its subject's.
                    subject = s.fronted_subject(i, o);
                }
                if subject.is_none() {
                    // "Xi menawarkan dukungan", "held talks": the event noun
                    // is the object of a light verb, whose subject it takes.
                    // A noun in any other place ("fleeing the civil war in
                    // Liberia") has no subject of its own.
                    if let Some(v) = s.light_verb_before(i)
                        && let Some((g, d)) = s.subject(v)
                    {
                        subject = Some(g);
                        denial = d;
                    }
                }
            }
        } else {
            if let Some((g, d)) = s.subject(i) {
                subject = Some(g);
                denial = d;
            }
            object = s.object(i, rel);
        }
        // A subject found by passing over the object of the same cue is no subject.
        let Some(sg) = subject else { continue };
        if object == Some(sg) {
            object = None;
        }
        let mut negated = denial
            || s.negated(
                i,
                (rule == "cue" || rule == "noun").then(|| s.group(sg).last),
            );
        // "menghentikan bantuan", "halted aid": stopping aid is a sanction
        // (CAMEO 162); stopping anything else negates it ("lifted the
        // sanctions", "cancelled a visit").
        let mut rel = rel;
        let mut cameo = cue.cameo.as_deref();
        if let Some(u) = s.undo_word(i) {
            if rel == Relation::Meet && s.has(u, WordClass::Conclude) {
                // "mengakhiri kunjungannya", "concluded talks": the visit
                // or the talks took place.
            } else if rel == Relation::Aid {
                rel = Relation::Sanction;
                cameo = Some("162");
            } else {
                negated = true;
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
                    push(s, a, out, x, y, &hit("reciprocal"));
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
                        push(s, a, out, x, y, &hit("symmetric"));
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
}
