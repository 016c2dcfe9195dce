//! Titles and appositions: `leader_of` / `official_of`.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push, role_country};
use crate::analysis::{Analysis, EntityRef, Triple};
use crate::relation::reach::Reach;
use crate::relation::sentence::{Chunk, Kind, Sent, is_actor};
use crate::schema::{EntityType, Relation, WordClass};

/// Titles and appositions: `leader_of` / `official_of`.
pub(super) struct Titles;

impl Rule for Titles {
    fn name(&self) -> &'static str {
        "titles"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[
            RuleId::Title,
            RuleId::TitleNested,
            RuleId::TitlePossessor,
            RuleId::TitleRole,
            RuleId::Apposition,
        ]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing.",
                triples: &[
                    "title: Vladimir_Putin leader_of Russia",
                    "title: Xi_Jinping leader_of China",
                ],
            },
            Example {
                text: "Arab League Secretary-General Ahmed Aboul Gheit said the talks would resume.",
                triples: &["title: Ahmed_Aboul_Gheit leader_of Arab_League"],
            },
            Example {
                text: "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday.",
                triples: &[
                    "title: Xi_Jinping leader_of China",
                    "title: Vladimir_Putin leader_of Russia",
                ],
            },
            Example {
                text: "Direktur Keuangan dan Investasi Pertamina Rudi Hartanto mengatakan laba naik.",
                triples: &["title: Rudi_Hartanto official_of Pertamina"],
            },
            Example {
                text: "Wasekjen Partai Golkar Dewi Lestari membantah kabar itu.",
                triples: &["title: Dewi_Lestari official_of Golkar"],
            },
            Example {
                text: "Sekjen PPP Rudi Hartanto mengatakan partainya solid, kata Sekjen PBB Antonio Guterres.",
                triples: &[
                    "title: Rudi_Hartanto official_of United_Development_Party",
                    "title: António_Guterres leader_of United_Nations",
                ],
            },
            Example {
                text: "Juru bicara Kementerian Pertahanan Rusia Igor Konashenkov membantah laporan itu.",
                triples: &[
                    "title: Igor_Konashenkov official_of Ministry_of_Defence_(Russia)",
                    "title-nested: Igor_Konashenkov official_of Russia",
                ],
            },
            Example {
                text: "A spokesman for the Ministry of Defence of Russia, Igor Konashenkov, denied the report.",
                triples: &[
                    "title: Igor_Konashenkov official_of Ministry_of_Defence_(Russia)",
                    "title-nested: Igor_Konashenkov official_of Russia",
                ],
            },
            // An organ at the head of the body's own name: the title heads
            // the organ.
            Example {
                text: "Ketua Pengurus Besar Nahdlatul Ulama Yahya Cholil Staquf membuka muktamar.",
                triples: &["title: Yahya_Cholil_Staquf official_of Nahdlatul_Ulama"],
            },
            Example {
                text: "Ketua Mahkamah Konstitusi Prof Anwar Usman membacakan putusan itu.",
                triples: &["title: Anwar_Usman leader_of Constitutional_Court_of_Indonesia"],
            },
            Example {
                text: "Panglima militer Mesir, Jenderal Mohamed Zaki, tiba di Jakarta.",
                triples: &["title: Mohamed_Zaki official_of Egypt"],
            },
            Example {
                text: "Pejabat tinggi Partai Komunis China, Guo Shengkun, mengunjungi Vietnam.",
                triples: &[
                    "title: Guo_Shengkun official_of Chinese_Communist_Party",
                    "title-nested: Guo_Shengkun official_of China",
                ],
            },
            Example {
                text: "Penasihat kebijakan luar negeri Putin, Yuri Ushakov, mengatakan Rusia siap berunding.",
                triples: &["title-possessor: Yuri_Ushakov official_of Russia"],
            },
            Example {
                text: "An adviser to Putin, Yuri Ushakov, said Russia was ready for talks.",
                triples: &["title-possessor: Yuri_Ushakov official_of Russia"],
            },
            Example {
                text: "Menteri Luar Negeri Wang Yi mengatakan China mendukung Pakistan.",
                triples: &["title-role: Wang_Yi official_of China"],
            },
            Example {
                text: "Foreign Minister Sergei Lavrov said Russia would not retreat from its position.",
                triples: &["title-role: Sergei_Lavrov official_of Russia"],
            },
            // The knowledge base knows only an office of his in Egypt; the
            // title says he leads it.
            Example {
                text: "Egyptian students called for the removal of President Hosni Mubarak.",
                triples: &["title-role: Hosni_Mubarak leader_of Egypt"],
            },
            Example {
                text: "Vladimir Putin, Presiden Rusia, tiba di Beijing pada Selasa.",
                triples: &["apposition: Vladimir_Putin leader_of Russia"],
            },
            Example {
                text: "Xi Jinping, China's president, arrived in Moscow on Monday.",
                triples: &["apposition: Xi_Jinping leader_of China"],
            },
            Example {
                text: "Sergei Lavrov, Russia's foreign minister, arrived in Jakarta on Friday.",
                triples: &["apposition: Sergei_Lavrov official_of Russia"],
            },
            // A place after the body names a branch of it.
            Example {
                text: "Zulkifli Hasan, Ketua PAN Jawa Barat, hadir di acara itu.",
                triples: &["apposition: Zulkifli_Hasan official_of National_Mandate_Party"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        structural(s, a, out);
    }
}

/// Titles and appositions: `leader_of` / `official_of`.
fn structural(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for c in s.chunks() {
        let head = c.head;
        if a.mentions[head as usize].etype != EntityType::Person {
            continue;
        }
        // The title inside the chunk, and the country/organisation with it.
        let mut title: Option<(Relation, usize)> = None;
        let mut of: Option<u32> = None;
        let mut of_k = 0;
        let mut possessor: Option<u32> = None;
        let mut counterpart = None;
        for k in c.first..=c.last {
            match s.kind(k) {
                Kind::Title(r) if title.is_none() => title = Some((r, k)),
                Kind::Other if s.is_word_of(k, WordClass::Counterpart) => counterpart = Some(k),
                // "pejabat tinggi Partai Komunis China, Guo Shengkun"
                Kind::Word(w) if title.is_none() && w.has(WordClass::Collective) => {
                    title = Some((Relation::OfficialOf, k))
                }
                Kind::Ent(m) if m != head => {
                    let mm = &a.mentions[m as usize];
                    match mm.etype {
                        EntityType::Country | EntityType::Organization if of.is_none() => {
                            of = Some(m);
                            of_k = k;
                        }
                        EntityType::Person if possessor.is_none() => possessor = Some(m),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        // "Mantan Presiden AS Barack Obama", "pemimpin oposisi Venezuela":
        // an office not held.
        if let Some((_, tk)) = title
            && (tk.saturating_sub(Reach::FORMER)..tk).any(|k| s.has(k, WordClass::Former))
        {
            continue;
        }
        // "his Chinese counterpart Wang Yi": no office stated; the
        // person's known one, when its country is in the sentence.
        if let (None, Some(k)) = (title, counterpart) {
            if let Some((rel, m)) = role_in_sentence(s, a, head, None) {
                push(
                    s,
                    a,
                    out,
                    head,
                    m,
                    &Hit::structural(rel, k, RuleId::TitleRole),
                );
            }
            continue;
        }
        let Some((rel, tk)) = title else {
            // Apposition after the person: "Vladimir Putin, Presiden Rusia"
            // / "Xi Jinping, China's president".
            apposition(s, a, c, out);
            continue;
        };
        if let Some(o) = of {
            let rel = office_in(s, a, rel, tk, o, of_k, of_k + 1 < c.last);
            push(s, a, out, head, o, &Hit::structural(rel, tk, RuleId::Title));
            // "Wakil Ketua Komisi II DPR": a body written right after
            // the unit is the body the unit belongs to.
            let mut k = of_k + 1;
            while k < c.last
                && let Kind::Ent(m) = s.kind(k)
                && m != head
                && a.mentions[m as usize].etype == EntityType::Organization
            {
                push(
                    s,
                    a,
                    out,
                    head,
                    m,
                    &Hit::structural(Relation::OfficialOf, tk, RuleId::TitleNested),
                );
                k += 1;
            }
            // "Sekretaris Dewan Keamanan Nasional Rusia": an office in a
            // national body is an office of its country too; not one in a
            // school or an academy that bears the country's name
            // ("Pengamat Universitas Indonesia", "Ketua Akademi Ilmu
            // Pengetahuan Indonesia").
            if !is_school(s, a, of_k) && !is_company(s, a, of_k) {
                for n in nested_in(a, o) {
                    push(
                        s,
                        a,
                        out,
                        head,
                        n,
                        &Hit::structural(Relation::OfficialOf, tk, RuleId::TitleNested),
                    );
                }
            }
        } else if let Some(p) = possessor {
            // "penasihat … Putin, Yuri Ushakov": official of Putin's country.
            if let Some(country) = role_country(s, a, p) {
                // (When the country is not named in the sentence: no triple.)
                for e in s.els() {
                    if let Kind::Ent(m) = e.kind
                        && a.mentions[m as usize].entity == EntityRef::Gazetteer(country)
                    {
                        push(
                            s,
                            a,
                            out,
                            head,
                            m,
                            &Hit::structural(Relation::OfficialOf, tk, RuleId::TitlePossessor),
                        );
                        break;
                    }
                }
            }
        } else if let Some((_, m)) =
            role_in_sentence(s, a, head, Some(rel)).or_else(|| role_in_sentence(s, a, head, None))
        {
            // A title with no country ("Menteri Luar Negeri Wang Yi"): the
            // country or body of the person's known office, when it is in
            // the sentence; the relation is the title's ("President Hosni
            // Mubarak" leads Egypt though the list knows only an office).
            push(
                s,
                a,
                out,
                head,
                m,
                &Hit::structural(rel, tk, RuleId::TitleRole),
            );
        }
    }
    title_nouns(s, a, out);
}

/// Is a title, as written, a secretary-general ("Sekjen", "Sekretaris
/// Jenderal", "Secretary-General", "general secretary")?
fn is_secretary_general(title: &str) -> bool {
    let t = title.to_lowercase();
    t == "sekjen"
        || t.starts_with("sekretaris jenderal")
        || t.starts_with("secretary-general")
        || t.starts_with("secretary general")
        || t.starts_with("general secretary")
}

/// A title noun before a lone person: "kepemimpinan (Vladimir) Putin".
fn title_nouns(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    for (k, e) in s.els().iter().enumerate() {
        if let Kind::Title(rel) = e.kind
            && s.chunk_of(k).is_none()
        {
            let mut j = k + 1;
            while j < s.len()
                && j <= k + Reach::TITLE_NOUN_TO_PERSON
                && matches!(s.kind(j), Kind::Punct('(') | Kind::Punct(')'))
            {
                j += 1;
            }
            if let Some(Kind::Ent(m)) = s.kind_at(j)
                && a.mentions[m as usize].etype == EntityType::Person
                && let Some((r, o)) = role_in_sentence(s, a, m, Some(rel))
            {
                push(s, a, out, m, o, &Hit::structural(r, k, RuleId::TitleRole));
            }
        }
    }
}

/// "Vladimir Putin, Presiden Rusia" / "Xi Jinping, China's president".
fn apposition(s: &Sent<'_>, a: &Analysis, c: &Chunk, out: &mut Vec<Triple>) {
    let mut k = c.last + 1;
    // "X, Ketua Umum Partai Y" or "X yang juga Ketua Umum Partai Y".
    let mut relative = k < s.len() && s.is_relative_pronoun(k);
    if !s.is_punct(k, ',') && !relative {
        return;
    }
    k += 1;
    // "X, who heads the IAEA", "X, yang memimpin …": a relative clause
    // after the comma.
    if !relative && k < s.len() && s.is_relative_pronoun(k) {
        relative = true;
        k += 1;
    }
    let mut title = None;
    let mut of = None;
    let end = (k + Reach::APPOSITION_AFTER).min(s.len());
    while k < end {
        match s.kind(k) {
            Kind::Title(r) if title.is_none() => title = Some((r, k)),
            // "Rafael Grossi, who heads the IAEA", "X yang memimpin
            // Partai Y": a verb of leading in place of the title.
            Kind::Other if relative && title.is_none() && s.is_word_of(k, WordClass::HeadVerb) => {
                title = Some((Relation::LeaderOf, k))
            }
            // In a relative clause the title comes first ("yang juga Ketua
            // Umum Partai X"; not "yang berasal dari Partai X").
            Kind::Ent(_) if relative && title.is_none() => return,
            Kind::Ent(m) if of.is_none() => {
                let mm = &a.mentions[m as usize];
                if matches!(mm.etype, EntityType::Country | EntityType::Organization) {
                    of = Some((m, k));
                } else {
                    return;
                }
            }
            Kind::Punct('\'') | Kind::Other => {}
            // A unit of the body between the title and the body ("X, Ketua
            // Fraksi Partai Y").
            Kind::Word(_) if title.is_some() && of.is_none() && s.is_unit_word(k) => {}
            // "Xi Jinping, the president of China".
            Kind::Word(w) if w.has(WordClass::PatientPrep) => {}
            // "yang kini menjabat sebagai": words of a relative clause
            // before the title.
            Kind::Word(w)
                if relative
                    && title.is_none()
                    && !w.has(WordClass::Clause)
                    && !w.has(WordClass::Neg)
                    && !w.has(WordClass::Speech)
                    && !w.has(WordClass::Former) => {}
            _ => break,
        }
        if title.is_some() && of.is_some() {
            break;
        }
        k += 1;
    }
    if let (Some((r, tk)), Some((o, ok))) = (title, of) {
        // ("X, Ketua DPP Partai Y", "X, Ketua PAN Sulawesi Selatan".)
        let r = office_in(s, a, r, tk, o, ok, ok + 1 < s.len());
        push(
            s,
            a,
            out,
            c.head,
            o,
            &Hit::structural(r, tk, RuleId::Apposition),
        );
        // "X, Ketua Fraksi Partai Y DPR": a body written right after the
        // unit's is the body the unit belongs to.
        if r == Relation::OfficialOf
            && let Kind::Ent(m) = s.kind(ok + 1)
            && a.mentions[m as usize].etype == EntityType::Organization
        {
            push(
                s,
                a,
                out,
                c.head,
                m,
                &Hit::structural(Relation::OfficialOf, tk, RuleId::Apposition),
            );
        }
    }
}

/// The relation of the office of the title at `tk` (`rel`) in the body of
/// mention `o` at element `ok`: an official's, not a head's, when a unit of
/// the body stands between them ("Direktur Pemasaran dan Niaga Pertamina",
/// "Kepala Bidang Peternakan Dinas Pertanian", "Ketua DPP Partai X": the
/// title heads the unit) or begins the body's name as written ("Ketua
/// Pengurus Besar Nahdlatul Ulama", not a state body named by kind and
/// country), when it is a party's secretary-general (one of
/// its officers; an international body's, "Sekjen PBB", is its head), or
/// when a place names a branch of the body, right after it ("Kepala BEI
/// Medan", "Ketua PAN Sulawesi Selatan"; read when `after` allows the
/// element after the body) or a part of it between the title and the body
/// ("Gubernur New Mexico AS").
fn office_in(
    s: &Sent<'_>,
    a: &Analysis,
    rel: Relation,
    tk: usize,
    o: u32,
    ok: usize,
    after: bool,
) -> Relation {
    let place = |k: usize| {
        matches!(s.kind(k), Kind::Ent(m)
            if a.mentions[m as usize].etype == EntityType::Location)
    };
    // (Also an organ named inside the body's own name: "Ketua Pengurus
    // Besar Nahdlatul Ulama" heads the central board of NU; but a state
    // body named by kind and country, "Bank Sentral Malaysia", is no
    // organ of another.)
    let unit = s.unit_between(tk, ok)
        || (s.begins_with_class(s.word(ok), WordClass::GenericBody)
            && nested_in(a, o).next().is_none());
    let party_secretary = s.is_party(a, o) && is_secretary_general(s.word(tk));
    let branch = (after && place(ok + 1)) || (tk.min(ok) + 1..tk.max(ok)).any(place);
    if unit || party_secretary || branch {
        Relation::OfficialOf
    } else {
        rel
    }
}

/// The country or organisation a person's role ties them to, when that
/// entity is mentioned in the sentence.
fn role_in_sentence(
    s: &Sent<'_>,
    a: &Analysis,
    person: u32,
    want: Option<Relation>,
) -> Option<(Relation, u32)> {
    let EntityRef::Gazetteer(pi) = a.mentions[person as usize].entity else {
        return None;
    };
    let roles = &s.gaz().entity(pi).roles;
    for r in roles {
        if want.is_some_and(|w| w != r.relation) || !r.held_in(a.year) {
            continue;
        }
        let Some(target) = s.gaz().find(&r.of) else {
            continue;
        };
        for e in s.els() {
            if let Kind::Ent(m) = e.kind
                && a.mentions[m as usize].entity == EntityRef::Gazetteer(target)
                && is_actor(&a.mentions[m as usize])
            {
                return Some((r.relation, m));
            }
        }
    }
    None
}

/// Is the organisation of the mention at element `k` a company or a
/// newspaper: written with "PT", or one the gazetteer knows as such
/// ([`Gazetteer::is_company`](crate::Gazetteer::is_company))? Its staff are no officials
/// of a country its name holds ("VP Garuda Indonesia").
fn is_company(s: &Sent, a: &Analysis, k: usize) -> bool {
    s.word(k).starts_with("PT ")
        || matches!(a.mentions[s.ent(k) as usize].entity,
            EntityRef::Gazetteer(g) if s.gaz().is_company(g))
}

/// Is the organisation of the mention at element `k` a school, a
/// university, an academy or a foundation: a [`WordClass::SchoolHead`]
/// word among the first two of its name as written or of its entity's name
/// ("Universitas Indonesia", "Indonesian Academy of Sciences")?
fn is_school(s: &Sent, a: &Analysis, k: usize) -> bool {
    let written = s.word(k);
    let named = a
        .entity(s.gaz(), a.mentions[s.ent(k) as usize].entity)
        .name
        .as_str();
    [written, named].iter().any(|name| {
        name.split_whitespace()
            .take(2)
            .any(|w| s.is_class_word(w, WordClass::SchoolHead))
    })
}

/// Countries named inside the name of mention `m` ("Partai Komunis China").
fn nested_in(a: &Analysis, m: u32) -> impl Iterator<Item = u32> + '_ {
    let end = a.mentions[m as usize].end;
    (m + 1..a.mentions.len() as u32).take_while(move |&n| {
        let x = &a.mentions[n as usize];
        x.nested && x.start < end
    })
}
