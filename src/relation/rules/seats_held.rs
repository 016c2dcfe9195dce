//! Seats held: a person who is a member of a body holds an office of it
//! (`official_of`): legislators, commissioners, board members.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push};
use crate::analysis::{Analysis, Triple};
use crate::relation::reach::Reach;
use crate::relation::sentence::Sent;
use crate::schema::{EntityType, Relation, WordClass};

/// `official_of` from a membership word between a person and an
/// organisation: "anggota DPR Fadli Zon", "Fadli Zon, anggota DPR",
/// "Roberta Metsola, a member of the European Parliament". SPEC §2 and the
/// annotation guide count a seat in a body as an office ("legislators are
/// `official_of` their legislature"); countries that are members are the
/// membership rule's (`member_of`).
pub(super) struct SeatsHeld;

impl Rule for SeatsHeld {
    fn name(&self) -> &'static str {
        "seats held"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[RuleId::SeatHeld]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "Anggota DPR Fadli Zon meminta pemerintah menunda rencana itu.",
                triples: &["seat-held: Fadli_Zon official_of House_of_Representatives_(Indonesia)"],
            },
            Example {
                text: "Puan Maharani, anggota DPR dari Jawa Tengah, hadir dalam rapat itu.",
                triples: &[
                    "seat-held: Puan_Maharani official_of House_of_Representatives_(Indonesia)",
                ],
            },
            Example {
                text: "Anggota Komisi III DPR dari Partai Demokrat, Rina Wulandari, menolak usul itu.",
                triples: &[
                    "seat-held: Rina_Wulandari official_of Komisi_III_DPR",
                    "seat-held: Rina_Wulandari official_of House_of_Representatives_(Indonesia)",
                ],
            },
            Example {
                text: "Usul itu ditolak anggota Fraksi PAN DPR, Rina Wulandari dan Dedi Irawan.",
                triples: &[
                    "seat-held: Rina_Wulandari official_of House_of_Representatives_(Indonesia)",
                    "seat-held: Dedi_Irawan official_of House_of_Representatives_(Indonesia)",
                ],
            },
            Example {
                text: "Roberta Metsola, a member of the European Parliament, opened the debate.",
                triples: &["seat-held: Roberta_Metsola official_of European_Parliament"],
            },
            Example {
                text: "Nancy Pelosi, a member of the US Congress since 1987, spoke first.",
                triples: &["seat-held: Nancy_Pelosi official_of United_States_Congress"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        seats_held(s, a, out);
    }
}

/// For each membership word with an organisation right after it (as the
/// membership rule finds it), the people right after the organisation
/// ("anggota DPR Fadli Zon") or right before the word, through a comma or
/// a copula ("Fadli Zon, anggota DPR", "Puan Maharani adalah anggota
/// DPR").
fn seats_held(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    let n = s.len();
    for i in 0..n {
        if !s.has(i, WordClass::Member) {
            continue;
        }
        let Some((og, org)) = org_after(s, a, i) else {
            continue;
        };
        let hit = Hit::structural(Relation::OfficialOf, i, RuleId::SeatHeld);
        let (seats, members) = seats_from(s, a, og, org);
        let mut people = |g: usize| {
            for p in s.heads(g) {
                if a.mentions[p as usize].etype == EntityType::Person {
                    for &seat in &seats {
                        push(s, a, out, p, seat, &hit);
                    }
                }
            }
        };
        if let Some(g) = members {
            people(g);
        }
        if let Some(g) = super::membership::group_before(s, i) {
            people(g);
        }
    }
}

/// The bodies a member word's organisation `org` (of group `og`) names a
/// seat in, and the group of the members written after them: the
/// organisation and the bodies written right after it ("anggota Komisi X
/// DPR": the commission and the House; "anggota Fraksi PAN DPR": the
/// House, the party only names the faction), passing over the member's
/// party ("dari Partai Demokrat") and one comma before the members (who
/// may share a group with the last body: "DPR, A, B, dan C").
fn seats_from(s: &Sent<'_>, a: &Analysis, og: usize, org: u32) -> (Vec<u32>, Option<usize>) {
    let org_of = |g: usize| {
        s.heads(g)
            .find(|&m| a.mentions[m as usize].etype == EntityType::Organization)
    };
    let has_person = |g: usize| {
        s.heads(g)
            .any(|m| a.mentions[m as usize].etype == EntityType::Person)
    };
    let mut seats = vec![org];
    let mut members = has_person(og).then_some(og);
    let mut k = s.group(og).last + 1;
    let mut comma = false;
    while k < s.len() && members.is_none() {
        if let Some(g) = s.group_at(k) {
            match org_of(g) {
                Some(m) if !comma => {
                    seats.push(m);
                    members = has_person(g).then_some(g);
                    k = s.group(g).last + 1;
                    continue;
                }
                _ => {
                    members = Some(g);
                    break;
                }
            }
        }
        if !comma && s.is_punct(k, ',') {
            comma = true;
            k += 1;
            continue;
        }
        if !comma
            && matches!(s.word(k), "dari" | "from")
            && let Some(g) = s.group_at(k + 1)
            && org_of(g).is_some()
        {
            k = s.group(g).last + 1;
            continue;
        }
        break;
    }
    // A party followed by the body it sits in names a faction.
    let last = seats.len() - 1;
    let kept = (seats.iter().enumerate())
        .filter(|&(j, &m)| j == last || !s.is_party(a, m))
        .map(|(_, &m)| m)
        .collect();
    (kept, members)
}

/// The group and organisation that start within [`Reach::MEMBER_ORG`]
/// elements after the membership word at `i`, articles not counted ("a
/// member of the European Parliament").
fn org_after(s: &Sent<'_>, a: &Analysis, i: usize) -> Option<(usize, u32)> {
    let mut counted = 1;
    for k in i + 1..s.len() {
        if counted >= Reach::MEMBER_ORG {
            break;
        }
        if let Some(g) = s.group_at(k) {
            return s
                .heads(g)
                .find(|&m| a.mentions[m as usize].etype == EntityType::Organization)
                .map(|m| (g, m));
        }
        if !s.is_article(k) {
            counted += 1;
        }
    }
    None
}
