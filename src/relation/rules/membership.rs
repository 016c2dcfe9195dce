//! Membership: `member_of`.

#[cfg(test)]
use super::Example;
use super::{Hit, Rule, RuleId, push};
use crate::analysis::{Analysis, Triple};
use crate::relation::reach::Reach;
use crate::relation::sentence::{Left, Sent};
use crate::schema::{EntityType, Relation, WordClass};

/// `member_of`: membership and joining words.
pub(super) struct Membership;

impl Rule for Membership {
    fn name(&self) -> &'static str {
        "membership"
    }

    fn ids(&self) -> &'static [RuleId] {
        &[RuleId::Member, RuleId::MemberList, RuleId::Join]
    }

    #[cfg(test)]
    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                text: "NATO member Poland has raised its defence spending to four percent.",
                triples: &["member: Poland member_of NATO"],
            },
            Example {
                text: "Finlandia, anggota NATO sejak 2023, berbatasan langsung dengan Rusia.",
                triples: &["member: Finland member_of NATO"],
            },
            Example {
                text: "India, anggota SCO, menolak rencana itu.",
                triples: &["member: India member_of Shanghai_Cooperation_Organisation"],
            },
            Example {
                text: "Finland, a NATO member since 2023, shares a long border with Russia.",
                triples: &["member: Finland member_of NATO"],
            },
            Example {
                text: "Negara anggota ASEAN mencakup Indonesia, Malaysia, dan Thailand.",
                triples: &[
                    "member-list: Indonesia member_of ASEAN",
                    "member-list: Malaysia member_of ASEAN",
                    "member-list: Thailand member_of ASEAN",
                ],
            },
            Example {
                text: "The members of ASEAN include Indonesia, Malaysia and Thailand.",
                triples: &[
                    "member-list: Indonesia member_of ASEAN",
                    "member-list: Malaysia member_of ASEAN",
                    "member-list: Thailand member_of ASEAN",
                ],
            },
            Example {
                text: "Indonesia resmi bergabung dengan BRICS pada Januari 2025.",
                triples: &["join: Indonesia member_of BRICS"],
            },
            Example {
                text: "Finland joined NATO in April 2023.",
                triples: &["join: Finland member_of NATO"],
            },
        ]
    }

    fn apply(&self, s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
        membership(s, a, out);
    }
}

/// `member_of`: "negara anggota SCO mencakup India, Pakistan", "Arab Saudi
/// bergabung dengan BRICS", "India, anggota SCO", "NATO member Poland".
fn membership(s: &Sent<'_>, a: &Analysis, out: &mut Vec<Triple>) {
    let n = s.len();
    for i in 0..n {
        if s.has(i, WordClass::Member) {
            // member word, then an organisation within two elements
            match (i + 1..(i + Reach::MEMBER_ORG).min(n))
                .find_map(|k| org_at(s, a, k).map(|o| (k, o)))
            {
                Some((oi, org)) => org_after(s, a, i, oi, org, out),
                None => {
                    org_before(s, a, i, out);
                    // (No joining word is read at this element then.)
                    continue;
                }
            }
        }
        if s.has(i, WordClass::Join)
            && let Some(org) = (i + 1..(i + Reach::MEMBER_ORG).min(n)).find_map(|k| org_at(s, a, k))
            && let Left::Group(g) = s.left(i)
        {
            members(s, a, g, org, i, RuleId::Join, out);
        }
    }
}

/// The organisation of the group at element `i`, if any.
fn org_at(s: &Sent<'_>, a: &Analysis, i: usize) -> Option<u32> {
    let g = s.group_at(i)?;
    s.heads(g)
        .find(|&m| a.mentions[m as usize].etype == EntityType::Organization)
}

/// The countries of group `g` are members of `org` (the membership word
/// at element `i`).
fn members(
    s: &Sent<'_>,
    a: &Analysis,
    g: usize,
    org: u32,
    i: usize,
    rule: RuleId,
    out: &mut Vec<Triple>,
) {
    let countries: Vec<u32> = s
        .heads(g)
        .filter(|&m| a.mentions[m as usize].etype == EntityType::Country)
        .collect();
    for c in countries {
        push(
            s,
            a,
            out,
            c,
            org,
            &Hit::structural(Relation::MemberOf, i, rule),
        );
    }
}

/// The membership word at `i` with its organisation `org` after it, at
/// element `oi`: the members are a list after the organisation or a
/// country right before the word.
fn org_after(s: &Sent<'_>, a: &Analysis, i: usize, oi: usize, org: u32, out: &mut Vec<Triple>) {
    let n = s.len();
    let og = s.group_at(oi).unwrap();
    // … then a list: "mencakup India, Pakistan" / ": India, Pakistan"
    let mut k = s.group(og).last + 1;
    let stop = (k + Reach::MEMBER_LIST).min(n);
    while k < stop {
        if s.has(k, WordClass::Include) || s.is_punct(k, ':') {
            if let Some(g) = s.group_at(k + 1) {
                members(s, a, g, org, i, RuleId::MemberList, out);
            }
            break;
        }
        k += 1;
    }
    // … or a country right before: "India, anggota SCO" / "India adalah anggota SCO"
    if let Some(g) = group_before(s, i) {
        members(s, a, g, org, i, RuleId::Member, out);
    }
}

/// The group right before the membership word at `i` (through a comma or a
/// copula, within [`Reach::MEMBER_BEFORE`] elements and the clause), unless
/// a preposition governs it: "India, anggota SCO", "India adalah anggota
/// SCO".
pub(super) fn group_before(s: &Sent<'_>, i: usize) -> Option<usize> {
    let mut b = i;
    while b > 0 && i - b < Reach::MEMBER_BEFORE {
        b -= 1;
        if let Some(g) = s.group_at(b) {
            return (!s.after_prep(g)).then_some(g);
        }
        if s.is_boundary(b) {
            return None;
        }
    }
    None
}

/// The membership word at `i` with no organisation after it: the
/// organisation right before, or before "'s": "NATO member Poland",
/// "ASEAN's members include Indonesia, …", "Finland, a NATO member since
/// 2023".
fn org_before(s: &Sent<'_>, a: &Analysis, i: usize, out: &mut Vec<Triple>) {
    let possessive =
        |k: usize| s.is_word_of(k, WordClass::PossessiveMark) || matches!(s.word(k), "'" | "’");
    let org_before = if i > 0 && org_at(s, a, i - 1).is_some() {
        Some(i - 1)
    } else if i > 1 && possessive(i - 1) && org_at(s, a, i - 2).is_some() {
        Some(i - 2)
    } else {
        None
    };
    let Some(ob) = org_before else { return };
    let Some(org) = org_at(s, a, ob) else { return };
    let after = if s.has(i + 1, WordClass::Include) {
        i + 2
    } else {
        i + 1
    };
    if let Some(g) = s.group_at(after) {
        members(s, a, g, org, i, RuleId::Member, out);
        return;
    }
    // "Finland, a NATO member": the country before, through an article
    // and one comma.
    let first = s.group(s.group_at(ob).unwrap()).first;
    let mut b = first;
    let mut comma = false;
    while b > 0 && first - b < Reach::MEMBER_BEFORE_APPOSED {
        b -= 1;
        if let Some(g) = s.group_at(b) {
            if comma {
                members(s, a, g, org, i, RuleId::Member, out);
            }
            break;
        }
        if s.is_punct(b, ',') && !comma {
            comma = true;
        } else if !s.is_plain_lower(b) {
            break;
        }
    }
}
