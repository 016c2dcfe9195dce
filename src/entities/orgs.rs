//! Organisations beyond the lists: names built on a head word, acronyms
//! defined beside a name, and companies named in a product.

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::lang::profile;
use crate::schema::{AliasKind, EntityType, WordClass};
use crate::tokenize::{Token, TokenKind, is_boundary};

use super::gazetteer::roman_numeral_after_lower_case;
use super::spans::{
    in_boilerplate, insert_mentions, local_entity, merge_mentions, name_as_written, overlaps,
    sentence_at,
};
use super::{EntityStage, Sentence, is_cap};

impl EntityStage {
    /// Organisations by pattern: a capitalised head word and the
    /// capitalised words after it ("Kementerian Perdagangan Malaysia",
    /// "Ministry of Foreign Affairs"), or before it ("National Security
    /// Council", "Russian Defence Ministry"). A country inside the name
    /// stays a nested mention.
    pub(super) fn find_organisations(&self, ctx: &mut DocCtx, a: &mut Analysis) {
        let lang = ctx.lang;
        // Head words are looked for once in the whole text; only sentences
        // with one are tokenised.
        let Some(heads) = self.org_heads.get(&lang) else {
            return;
        };
        let mut heads_at: Vec<usize> = Vec::new();
        // (Capitalised head words, which a roman numeral is not.)
        let refuse = roman_numeral_after_lower_case;
        let all = 0..ctx.text.len();
        heads.find_each_in_refusing(ctx.text, &ctx.words, all, &refuse, |f| {
            heads_at.push(f.start)
        });
        if heads_at.is_empty() {
            return;
        }
        let lex = self.lexicons.get(lang);
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (si, range) in a.sentences.iter().enumerate() {
            let first = heads_at.partition_point(|&t| t < range.start);
            if heads_at.get(first).is_none_or(|&t| t >= range.end)
                || in_boilerplate(&a.boilerplate, range.start, range.end)
            {
                continue;
            }
            let s = Sentence::read(ctx, lex, a, si, range.clone());
            let mut k = 0;
            while k < s.tokens.len() {
                match self.organisation_at(&s, k) {
                    Some((span, next)) => {
                        spans.push(span);
                        k = next;
                    }
                    None => k += 1,
                }
            }
        }
        self.add_organisations(ctx.text, a, spans);
    }

    /// The organisation whose head word starts at token `k`: its span and
    /// the token to go on from.
    fn organisation_at(&self, s: &Sentence, k: usize) -> Option<((usize, usize), usize)> {
        let tokens = s.tokens;
        let last = self
            .head_end(s, k)
            .filter(|_| s.mention_at(&tokens[k]).is_none())?;
        let tail = self.tail(s, last);
        // A capitalised stop word right after the run continues a name we
        // cannot read ("Badan Usaha Milik Negara"): rather no name than a
        // cut one.
        let cut = tokens.get(tail.next).is_some_and(|t| {
            let w = s.word(t);
            t.kind == TokenKind::Word
                && is_cap(w)
                && self.stop.contains(w)
                && s.mention_at(t).is_none()
        });
        let tail = if cut {
            Tail {
                words: 0,
                end: None,
                next: k + 1,
            }
        } else {
            tail
        };
        let (b, back) = self.before_head(s, k, tail.words);
        // A head of two words needs no name word, only something after it
        // ("Angkatan Laut Peru").
        if tail.words + back >= 1 || last > k && tail.end.is_some() {
            let start = s
                .mention_at(&tokens[b])
                .map_or(tokens[b].start, |m| m.start.min(tokens[b].start));
            let next = if tail.words >= 1 { tail.next } else { k + 1 };
            return Some(((start, tail.end.unwrap_or(tokens[k].end)), next));
        }
        None
    }

    /// The last token of a head word starting at token `k` ("Angkatan Laut"
    /// is two).
    fn head_end(&self, s: &Sentence, k: usize) -> Option<usize> {
        let tokens = s.tokens;
        let t = &tokens[k];
        let w = s.word(t);
        let mut end = None;
        // (A head in capitals is an abbreviation: "Bintang Timur FC".)
        if is_cap(w) || w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            // (Head words are at most three words long.)
            let to = tokens.get(k + 2).map_or(s.range.end, |n| n.end);
            s.lex.words.find_each_in(s.text, s.words, t.start..to, |f| {
                if f.start == t.start && f.value.has(WordClass::OrgHead) {
                    end = end.max(Some(f.end));
                }
            });
        }
        let end = end?;
        (k..tokens.len())
            .take_while(|&j| tokens[j].end <= end)
            .last()
    }

    /// A word that can be part of a name: capitalised, not a stop word, a
    /// title, a day or "Nomor", not inside a known mention.
    fn name_word(&self, s: &Sentence, t: &Token) -> bool {
        let w = s.word(t);
        t.kind == TokenKind::Word
            && is_cap(w)
            && !self.stop.contains(w)
            && !self.title_heads.contains(w)
            && s.mention_at(t).is_none()
            && !s.classes(t).has(WordClass::Time)
    }

    /// Head first: the name words after the head word that ends at token
    /// `last` ("Kementerian Perdagangan Malaysia", "Ministry of Foreign
    /// Affairs"), at most seven tokens.
    fn tail(&self, s: &Sentence, last: usize) -> Tail {
        let tokens = s.tokens;
        let mut end = None;
        let mut n_words = 0;
        let mut j = last + 1;
        // An acronym right after "dan" ends the name ("Kementerian Hukum
        // dan HAM").
        let mut after_and = false;
        while j < tokens.len() && j <= last + 7 {
            let t = &tokens[j];
            if after_and && acronym(s, t) {
                n_words += 1;
                end = Some(t.end);
                j += 1;
                break;
            } else if self.name_word(s, t) {
                n_words += 1;
                end = Some(t.end);
            } else if let Some(m) = place(s, t).filter(|m| {
                // A capital after a name that is whole already is its
                // city, not its name ("Universitas Jayabaya | Jakarta");
                // after a bare head, or with its district's compass word,
                // it names the body ("Polda Jakarta", "Pengadilan Negeri
                // Jakarta Pusat").
                m.kind != AliasKind::Seat || n_words == 0 || self.compass_after(s, m.end).is_some()
            }) {
                end = Some(m.end);
                // A body named by its province or city ("Polda Jawa
                // Barat", "Pengadilan Negeri Jakarta Pusat": a seat of
                // government is a city here); a country alone makes no
                // name ("Kementerian Rusia").
                if m.etype == EntityType::Location || m.kind == AliasKind::Seat {
                    n_words += 1;
                }
                while j + 1 < tokens.len() && tokens[j + 1].start < m.end {
                    j += 1;
                }
                // A compass word after the place is part of it ("Jakarta
                // Selatan", "Lampung Utara").
                if let Some(n) = self
                    .compass_after(s, m.end)
                    .filter(|&n| s.mention_at(&tokens[n]).is_none())
                {
                    j = n;
                    end = Some(tokens[n].end);
                }
                // An Indonesian name ends with its country: "Partai Komunis
                // Jerman | Karl Liebknecht".
                if profile(s.lex.lang).country_ends_org_name && m.etype == EntityType::Country {
                    j += 1;
                    break;
                }
            } else {
                let Some(and) = self.joiner(s, j, n_words) else {
                    break;
                };
                after_and = and;
                j += 1;
                continue;
            }
            after_and = false;
            j += 1;
        }
        Tail {
            words: n_words,
            end,
            next: j,
        }
    }

    /// The token of a capitalised compass word that is the next word after
    /// byte `at` ("Jakarta | Selatan"), if it is one.
    fn compass_after(&self, s: &Sentence, at: usize) -> Option<usize> {
        let n = s.tokens.partition_point(|t| t.start < at);
        let w = s.word(s.tokens.get(n)?);
        (is_cap(w) && self.compass.contains(w)).then_some(n)
    }

    /// Does the word at token `j` join the name words of a head-first name
    /// (`n_words` so far) to the next one ("Ministry of Foreign Affairs")?
    /// Then whether an acronym may follow it.
    fn joiner(&self, s: &Sentence, j: usize, n_words: usize) -> Option<bool> {
        let w = s.word_at(j);
        // A joiner only after a name word ("Susunan Organisasi dan Tata
        // Kerja" is no name), unless a name preposition ("Ministry of …");
        // and not before another head ("Partai A dan Partai B" are two).
        let after_name = n_words > 0 && self.joiners.contains(w);
        let coord = after_name && self.name_coords.contains(w);
        let joins = (self.name_preps.contains(w) || after_name)
            && s.tokens.get(j + 1).is_some_and(|n| {
                self.name_word(s, n) && self.head_end(s, j + 1).is_none() || coord && acronym(s, n)
            });
        joins.then_some(coord)
    }

    /// Head last (or in the middle): "National Security Council", "Russian
    /// Defence Ministry", "National Security Council of X". Where the name
    /// before the head at token `k` starts, and how many name words it has.
    /// `words_after`: the name words after the head.
    fn before_head(&self, s: &Sentence, k: usize, words_after: usize) -> (usize, usize) {
        let tokens = s.tokens;
        let mut b = k;
        let mut back = 0;
        // Indonesian names put the head first: only English looks back, and
        // an English company name in Indonesian text ("presiden Apple
        // Records", "Lockheed Corporation").
        let look_back = profile(s.lex.lang).org_head_last
            || (words_after == 0 && self.english_heads.contains(s.word_at(k)));
        // "The Fishers of Men Club", "Bank of America Corporation": a
        // joining word between capitalised words.
        let joins = |b: usize, back: usize| {
            back > 0
                && b > 1
                && self.english_joiners.contains(s.word_at(b - 1))
                && self.name_word(s, &tokens[b - 2])
        };
        while look_back && b > 0 {
            if self.name_word(s, &tokens[b - 1]) {
                back += 1;
            } else if place(s, &tokens[b - 1]).is_none() && !joins(b, back) {
                break;
            }
            b -= 1;
        }
        // A lone capitalised word opening the sentence is no name part.
        if back == 1 && b + 1 == k && tokens[b].start == s.range.start {
            b = k;
            back = 0;
        }
        (b, back)
    }

    /// Adds the organisations found by pattern. A known organisation is
    /// left alone; a country or place inside one becomes nested; a name
    /// that shortens an earlier one is that organisation.
    fn add_organisations(&self, text: &str, a: &mut Analysis, spans: Vec<(usize, usize)>) {
        let mut orgs: Vec<Mention> = Vec::new();
        for (s, e) in spans {
            let hi = a.mentions.partition_point(|m| m.start < e);
            if a.mentions[..hi]
                .iter()
                .rev()
                .take_while(|m| m.start + 1024 > s)
                .any(|m| {
                    s < m.end && !matches!(m.etype, EntityType::Country | EntityType::Location)
                })
            {
                continue;
            }
            let name = name_as_written(&text[s..e]);
            // A generic organ ("Dewan Pakar", "Dewan Pimpinan Pusat (DPP)"):
            // whose, the name does not say.
            let bare = match name.rsplit_once(" (") {
                Some((before, acronym)) if acronym.ends_with(')') => before,
                _ => name.as_str(),
            };
            if self.generic_bodies.contains(bare) {
                continue;
            }
            // "Partai Komunis" after "Partai Komunis China": the same
            // organisation, shortened.
            let shortened = a.mentions.iter().find(|m| {
                m.etype == EntityType::Organization
                    && m.end <= s
                    && text[m.start..m.end].len() > name.len()
                    && text[m.start..m.end].starts_with(&name)
                    && is_boundary(text, m.start + name.len())
            });
            let entity = match shortened {
                Some(m) => m.entity,
                None => local_entity(a, name, EntityType::Organization),
            };
            let lo = a.mentions.partition_point(|m| m.start < s);
            let hi = a.mentions.partition_point(|m| m.start < e);
            for m in a.mentions[lo..hi].iter_mut().filter(|m| m.end <= e) {
                m.nested = true;
            }
            orgs.push(Mention {
                start: s,
                end: e,
                sentence: sentence_at(a, s) as u32,
                entity,
                kind: AliasKind::Name,
                etype: EntityType::Organization,
                source: MentionSource::Pattern,
                nested: false,
            });
        }
        merge_mentions(a, orgs);
    }
}

/// The name words after a head word: how many, where the last ends, and
/// the token after them.
struct Tail {
    words: usize,
    end: Option<usize>,
    next: usize,
}

/// A country, a province or a city inside a name ("Polda Jawa Barat"):
/// the mention at token `t` if it is a place, a country's name or its
/// capital (taken only after a bare head: see `tail`).
fn place<'t>(s: &Sentence<'t>, t: &Token) -> Option<&'t Mention> {
    s.mention_at(t).filter(|m| {
        m.etype == EntityType::Location
            || m.etype == EntityType::Country && matches!(m.kind, AliasKind::Name | AliasKind::Seat)
    })
}

/// Two to six ASCII capitals that are no mention ("HAM").
fn acronym(s: &Sentence, t: &Token) -> bool {
    let w = s.word(t);
    (2..=6).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && s.mention_at(t).is_none()
}

/// An organisation written with its abbreviation in brackets right
/// after it, "Bursa Efek Indonesia (BEI)", or with its legal form,
/// "PT Pertamina (Persero)", is one mention: the bracketed abbreviation
/// (a mention of the same organisation) joins it, brackets and all. The
/// abbreviation still names the organisation in the rest of the text
/// (step 10).
pub(super) fn join_bracketed_abbreviations(text: &str, a: &mut Analysis) {
    let mut i = 0;
    while i < a.mentions.len() {
        let m = &a.mentions[i];
        if m.etype != EntityType::Organization || m.nested {
            i += 1;
            continue;
        }
        // Brackets on the same line and in the same sentence: a mention
        // never crosses its sentence.
        let after = &text[m.end..];
        let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
        let open = m.end + gap;
        let sentence_end = a.sentences[m.sentence as usize].end;
        if !text[open..].starts_with('(') {
            i += 1;
            continue;
        }
        // The next mention that is not nested in this one.
        let next = (i + 1..a.mentions.len()).find(|&k| !a.mentions[k].nested);
        let joined_end = match next {
            Some(k)
                if a.mentions[k].start == open + 1
                    && a.mentions[k].entity == m.entity
                    && text[a.mentions[k].end..].starts_with(')')
                    && a.mentions[k].end < sentence_end =>
            {
                let end = a.mentions[k].end + 1;
                a.mentions.remove(k);
                Some(end)
            }
            _ if text[open..].starts_with("(Persero)")
                && open + "(Persero)".len() <= sentence_end =>
            {
                Some(open + "(Persero)".len())
            }
            _ => None,
        };
        if let Some(end) = joined_end {
            a.mentions[i].end = end;
        }
        i += 1;
    }
}

impl EntityStage {
    /// "Partai Rakyat Maju Bersama (PRMB)", "… atau PRMB", "… or NDRA": an
    /// acronym right after an organisation's name that spells the initials of
    /// its capitalised words is that organisation, and so is every later use
    /// of the acronym in the document (as written, upper case). So is one right
    /// before the name in brackets ("HKTI (Himpunan Kerukunan Tani
    /// Indonesia)"). An acronym that
    /// is already a mention (a gazetteer alias) is left alone; one that two
    /// organisations of the document define is linked at neither's later uses.
    pub(super) fn link_acronyms(&self, text: &str, a: &mut Analysis) {
        let mut defined: Vec<(usize, usize, EntityRef)> = Vec::new();
        for m in &a.mentions {
            if m.etype != EntityType::Organization || m.nested {
                continue;
            }
            let Some((s, e)) = self
                .acronym_after(text, m.end)
                .or_else(|| acronym_before(text, m))
            else {
                continue;
            };
            if initials(&text[m.start..m.end]) == text[s..e]
                && !overlaps(a, s, e)
                && !in_boilerplate(&a.boilerplate, m.start, e)
            {
                defined.push((s, e, m.entity));
            }
        }
        if defined.is_empty() {
            return;
        }
        let mut spans = defined.clone();
        for (i, &(s, e, entity)) in defined.iter().enumerate() {
            let acronym = &text[s..e];
            let ambiguous = defined
                .iter()
                .enumerate()
                .any(|(j, &(s2, e2, other))| j != i && &text[s2..e2] == acronym && other != entity);
            if ambiguous {
                continue;
            }
            for at in memchr::memmem::find_iter(&text.as_bytes()[e..], acronym.as_bytes()) {
                let (s2, e2) = (e + at, e + at + acronym.len());
                if is_boundary(text, s2)
                    && is_boundary(text, e2)
                    && !overlaps(a, s2, e2)
                    && !in_boilerplate(&a.boilerplate, s2, e2)
                {
                    spans.push((s2, e2, entity));
                }
            }
        }
        insert_mentions(a, spans, EntityType::Organization, MentionSource::Pattern);
    }

    /// The acronym right after byte `end`: `(ACR)`, or an `alternative`
    /// word and `ACR` (`atau ACR`, `or ACR`), two to eight ASCII capitals;
    /// its byte span.
    fn acronym_after(&self, text: &str, end: usize) -> Option<(usize, usize)> {
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        if gap > 1 {
            return None;
        }
        let after = &rest[gap..];
        let (skip, closing) = if let Some(r) = after.strip_prefix('(') {
            (1 + (r.len() - r.trim_start_matches(' ').len()), true)
        } else if gap == 1
            && let Some(sp) = after.find(' ')
            && self.alternatives.contains(&after[..sp])
        {
            (sp + 1, false)
        } else {
            return None;
        };
        let s = end + gap + skip;
        let len = text[s..].bytes().take_while(u8::is_ascii_uppercase).count();
        let e = s + len;
        if !(2..=8).contains(&len) {
            return None;
        }
        let tail = text[e..].trim_start_matches(' ');
        let closed = if closing {
            tail.starts_with(')')
        } else {
            is_boundary(text, e)
        };
        closed.then_some((s, e))
    }
}

/// The acronym right before an organisation's name in brackets, `ACR (Name)`:
/// two to eight ASCII capitals, the brackets holding the name alone; its
/// byte span.
fn acronym_before(text: &str, m: &Mention) -> Option<(usize, usize)> {
    let before = text[..m.start].trim_end_matches(' ').strip_suffix('(')?;
    if !text[m.end..].trim_start_matches(' ').starts_with(')') {
        return None;
    }
    let before = before.trim_end_matches(' ');
    let e = before.len();
    let len = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_uppercase)
        .count();
    let s = e - len;
    ((2..=8).contains(&len) && e < m.start && is_boundary(text, s)).then_some((s, e))
}

/// The capital initials of a name's words ("Partai Rakyat Maju Bersama" →
/// "PRMB"; "Ministry of Foreign Affairs" → "MFA"); lower-case words give none.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// An organisation's one-word name found in the gazetteer ("Demokrat")
/// that is a word of one other listed organisation's longer name in the
/// same document ("Partai Demokrat AS", "Democratic Party of Korea") names
/// that one: the document has said which it means. With two or more such
/// names, or none, the mention keeps its entity.
pub(super) fn short_names_of_longer(text: &str, a: &mut Analysis) {
    let is_listed_org = |m: &Mention| {
        m.etype == EntityType::Organization
            && m.source == MentionSource::Gazetteer
            && !m.nested
            && matches!(m.entity, EntityRef::Gazetteer(_))
    };
    // The longer names, once (most documents have none).
    let longer_names: Vec<&Mention> = a
        .mentions
        .iter()
        .filter(|n| is_listed_org(n) && text[n.start..n.end].contains(' '))
        .collect();
    if longer_names.is_empty() {
        return;
    }
    let mut relink: Vec<(usize, EntityRef)> = Vec::new();
    for (i, m) in a.mentions.iter().enumerate() {
        let word = &text[m.start..m.end];
        if !is_listed_org(m) || word.contains(' ') || !word.starts_with(char::is_uppercase) {
            continue;
        }
        let mut longer = longer_names.iter().filter(|n| {
            n.entity != m.entity
                && text[n.start..n.end]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
        });
        if let Some(n) = longer.next()
            && longer.all(|o| o.entity == n.entity)
        {
            relink.push((i, n.entity));
        }
    }
    for (i, e) in relink {
        a.mentions[i].entity = e;
    }
}

/// "Boeing 737", "Airbus A320", "Sukhoi Su-35": a company's name right
/// before a model number names the product, not the company, so it is no
/// mention (no actor, no organisation).
pub(super) fn drop_products(text: &str, a: &mut Analysis) {
    a.mentions.retain(|m| {
        m.etype != EntityType::Organization
            || m.source != MentionSource::Gazetteer
            || !text[m.end..].strip_prefix(' ').is_some_and(is_model_number)
    });
}

/// Does `rest` begin with a model number: up to three capitals, an optional
/// hyphen, two to four digits, up to three capitals, then the word's end
/// ("737", "A320", "Su-35", "F-16", "A400M"); not a year ("ASEAN 2023").
fn is_model_number(rest: &str) -> bool {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() && i < 3 && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let letters = i;
    if letters > 0 && b.get(i) == Some(&b'-') {
        i += 1;
    }
    let digits_from = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let digits = &rest[digits_from..i];
    while i < b.len() && i < digits_from + digits.len() + 3 && b[i].is_ascii_uppercase() {
        i += 1;
    }
    let ends = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    let year =
        letters == 0 && digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    ends && (2..=4).contains(&digits.len()) && !year
}
