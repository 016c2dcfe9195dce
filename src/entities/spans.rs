//! Spans and mentions: whether a span is free, in a boilerplate line, and
//! adding new mentions in text order.

use std::ops::Range;

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::schema::{AliasKind, EntityType};

/// Does `s..e` touch a boilerplate line? (The ranges are in text order.)
pub(crate) fn in_boilerplate(lines: &[Range<usize>], s: usize, e: usize) -> bool {
    let k = lines.partition_point(|b| b.end <= s);
    lines.get(k).is_some_and(|b| b.start < e)
}

/// Does any mention overlap `s..e`? Mentions are in text order and short,
/// so only those starting a little before `e` are looked at.
pub(crate) fn overlaps(a: &Analysis, s: usize, e: usize) -> bool {
    let hi = a.mentions.partition_point(|m| m.start < e);
    a.mentions[..hi]
        .iter()
        .rev()
        .take_while(|m| m.start + 1024 > s)
        .any(|m| s < m.end && m.start < e)
}

/// Adds people's mentions, keeping text order: new spans that overlap a
/// mention or each other, or cross a sentence end, are left out. One merge,
/// not an insertion each.
pub(crate) fn insert_mentions(
    a: &mut Analysis,
    mut spans: Vec<(usize, usize, EntityRef)>,
    etype: EntityType,
    source: MentionSource,
) {
    if spans.is_empty() {
        return;
    }
    spans.sort_by_key(|&(s, e, _)| (s, e));
    let mut new: Vec<Mention> = Vec::new();
    for (s, e, entity) in spans {
        if overlaps(a, s, e) || new.last().is_some_and(|m| s < m.end) {
            continue;
        }
        let sentence = a.sentences.partition_point(|r| r.end <= s);
        if sentence >= a.sentences.len() || a.sentences[sentence].end < e {
            continue;
        }
        new.push(Mention {
            start: s,
            end: e,
            sentence: sentence as u32,
            entity,
            kind: AliasKind::Name,
            etype,
            source,
            nested: false,
        });
    }
    merge_mentions(a, new);
}

/// Merges mentions sorted by start into `a.mentions` (a new one goes before
/// an old one with the same start: an organisation before its nested country).
pub(crate) fn merge_mentions(a: &mut Analysis, new: Vec<Mention>) {
    if new.is_empty() {
        return;
    }
    let old = std::mem::take(&mut a.mentions);
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let mut new = new.into_iter().peekable();
    for m in old {
        while new.peek().is_some_and(|n| n.start <= m.start) {
            merged.push(new.next().unwrap());
        }
        merged.push(m);
    }
    merged.extend(new);
    a.mentions = merged;
}

/// Which sentence holds byte `at`: the first that ends after it (the number
/// of sentences if none does).
pub(crate) fn sentence_at(a: &Analysis, at: usize) -> usize {
    a.sentences.partition_point(|r| r.end <= at)
}

/// A name as written in `span`, its white space made single spaces
/// ("Yuri\nUshakov" → "Yuri Ushakov") and a full stop that tokenised text
/// writes apart joined to its initial ("Stephen R . Covey" → "Stephen R.
/// Covey").
pub(crate) fn name_as_written(span: &str) -> String {
    let mut out = String::with_capacity(span.len());
    for w in span.split_whitespace() {
        if !out.is_empty() && w != "." {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The id of a name found in the text (SPEC §1: "Yuri Ushakov" →
/// `Yuri_Ushakov`).
pub(crate) fn id_of(name: &str) -> String {
    name.replace(' ', "_")
}

/// The document-local entity of a name found in the text, with the id made
/// from it (added if new; a listed company's without its legal form, see
/// [`company_title`]).
pub(crate) fn local_entity(a: &mut Analysis, name: String, etype: EntityType) -> EntityRef {
    let id = match etype {
        EntityType::Organization => id_of(company_title(&name)),
        _ => id_of(&name),
    };
    a.local_entity(id, name, etype)
}

/// The title English Wikipedia gives an Indonesian company that is listed
/// on the exchange ("Tbk") or owned by the state ("(Persero)"): the name
/// without "PT" and the legal form ("PT Global Mediacom Tbk" → "Global
/// Mediacom"); such companies are the ones with articles. Any other name
/// is its own title (SPEC §1: a name with no article is written in full,
/// "PT Sinar Jaya Abadi").
pub(crate) fn company_title(name: &str) -> &str {
    let mut rest = name;
    let mut listed = false;
    while let Some(r) = [" Tbk", " Tbk.", " (Persero)"]
        .iter()
        .find_map(|form| rest.strip_suffix(form))
    {
        rest = r.trim_end_matches([' ', ',']);
        listed = true;
    }
    let rest = rest.strip_prefix("PT ").unwrap_or(rest).trim();
    if !listed || rest.is_empty() || rest == "PT" {
        name
    } else {
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::name_as_written;

    #[test]
    fn names_as_written() {
        assert_eq!(name_as_written("Yuri\n Ushakov"), "Yuri Ushakov");
        assert_eq!(name_as_written("Budi S . Wiryo"), "Budi S. Wiryo");
        assert_eq!(name_as_written("Budi S. Wiryo"), "Budi S. Wiryo");
        assert_eq!(name_as_written("PT Maju , Tbk"), "PT Maju , Tbk");
    }

    #[test]
    fn listed_companies_are_titled_without_their_legal_form() {
        use super::company_title;
        assert_eq!(company_title("PT Sumber Makmur Tbk"), "Sumber Makmur");
        assert_eq!(company_title("PT Sumber Makmur, Tbk"), "Sumber Makmur");
        assert_eq!(company_title("PT Kereta Api (Persero)"), "Kereta Api");
        assert_eq!(company_title("PT Kereta Api (Persero) Tbk"), "Kereta Api");
        // Neither listed nor state-owned: its name in full.
        assert_eq!(company_title("PT Sinar Jaya Abadi"), "PT Sinar Jaya Abadi");
        assert_eq!(company_title("Tbk"), "Tbk");
        assert_eq!(company_title("PT Tbk"), "PT Tbk");
    }
}
