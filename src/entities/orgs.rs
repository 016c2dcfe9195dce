//! Organisations beyond the lists: names built on a head word, acronyms
//! defined beside a name, and companies named in a product.

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::schema::{AliasKind, EntityType, Lang, WordClass};
use crate::tokenize::{Token, TokenKind, is_boundary};

use super::spans::{in_boilerplate, insert_mentions, merge_mentions, overlaps};
use super::{EntityStage, is_cap};

impl EntityStage {
    /// Organisations by pattern: a capitalised head word and the
    /// capitalised words after it ("Kementerian Perdagangan Malaysia",
    /// "Ministry of Foreign Affairs"), or before it ("National Security
    /// Council", "Russian Defence Ministry"). A country inside the name
    /// stays a nested mention.
    pub(super) fn find_organisations(&self, ctx: &mut DocCtx, a: &mut Analysis) {
        let (text, words, lang) = (ctx.text, &ctx.words, ctx.lang);
        let tokens = &mut ctx.tokens;
        let lex = self.lexicons.get(lang);
        let mut spans: Vec<(usize, usize)> = Vec::new();
        // Head words are looked for once in the whole text; only sentences
        // with one are tokenised.
        let Some(heads) = self.org_heads.get(&lang) else {
            return;
        };
        let mut heads_at: Vec<usize> = Vec::new();
        heads.find_each_in(text, words, 0..text.len(), |f| heads_at.push(f.start));
        if heads_at.is_empty() {
            return;
        }
        for (si, range) in a.sentences.iter().enumerate() {
            let first = heads_at.partition_point(|&t| t < range.start);
            if heads_at.get(first).is_none_or(|&t| t >= range.end) {
                continue;
            }
            if in_boilerplate(&a.boilerplate, range.start, range.end) {
                continue;
            }
            let mentions = &a.mentions[a.sentence_mentions(si as u32)];
            let tokens = tokens.get(text, si, range.clone());
            let mention_at =
                |t: &Token| mentions.iter().find(|m| t.start < m.end && m.start < t.end);
            // Is the capitalised word `t` one of the word class `c`?
            let is_a = |t: &Token, c: WordClass| {
                let mut hit = false;
                if is_cap(&text[t.start..t.end]) {
                    lex.words.find_each_in(text, words, t.start..t.end, |f| {
                        hit |= f.start == t.start && f.end == t.end && f.value.has(c);
                    });
                }
                hit
            };
            // The last token of a head word starting at token `k` ("Angkatan
            // Laut" is two).
            let head = |k: usize| {
                let t = &tokens[k];
                let w = &text[t.start..t.end];
                let mut end = None;
                // (A head in capitals is an abbreviation: "Bintang Timur FC".)
                if is_cap(w) || w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                    // (Head words are at most three words long.)
                    let to = tokens.get(k + 2).map_or(range.end, |n| n.end);
                    lex.words.find_each_in(text, words, t.start..to, |f| {
                        if f.start == t.start && f.value.has(WordClass::OrgHead) {
                            end = end.max(Some(f.end));
                        }
                    });
                }
                let end = end?;
                (k..tokens.len())
                    .take_while(|&j| tokens[j].end <= end)
                    .last()
            };
            // A word that can be part of a name: capitalised, not a stop
            // word, a day or "Nomor", not inside a known mention.
            let name_word = |t: &Token| {
                let w = &text[t.start..t.end];
                t.kind == TokenKind::Word
                    && is_cap(w)
                    && !self.stop.contains(w)
                    && !self.title_heads.contains(w)
                    && mention_at(t).is_none()
                    && !is_a(t, WordClass::Time)
            };
            // A country, a demonym or a province inside the name ("Polda Jawa
            // Barat"); a country's name, not its capital ("Universitas
            // Jayabaya | Jakarta").
            let place = |t: &Token| {
                mention_at(t).is_some_and(|m| {
                    m.etype == EntityType::Location
                        || m.etype == EntityType::Country && m.kind == AliasKind::Name
                })
            };
            let mut k = 0;
            while k < tokens.len() {
                let Some(last) = head(k).filter(|_| mention_at(&tokens[k]).is_none()) else {
                    k += 1;
                    continue;
                };
                // Head first: "Kementerian Perdagangan Malaysia", "Ministry of Foreign Affairs".
                let mut end = None;
                let mut n_words = 0;
                let mut j = last + 1;
                // An acronym right after "dan" ends the name ("Kementerian
                // Hukum dan HAM").
                let acronym = |t: &Token| {
                    let w = &text[t.start..t.end];
                    (2..=6).contains(&w.len())
                        && w.bytes().all(|b| b.is_ascii_uppercase())
                        && mention_at(t).is_none()
                };
                let mut after_and = false;
                while j < tokens.len() && j <= last + 7 {
                    let t = &tokens[j];
                    let w = &text[t.start..t.end];
                    if after_and && acronym(t) {
                        n_words += 1;
                        end = Some(t.end);
                        j += 1;
                        break;
                    } else if name_word(t) {
                        n_words += 1;
                        end = Some(t.end);
                    } else if place(t) {
                        let m = mention_at(t).unwrap();
                        end = Some(m.end);
                        // A body named by its province ("Polda Jawa Barat");
                        // a country alone makes no name ("Kementerian Rusia").
                        if m.etype == EntityType::Location {
                            n_words += 1;
                        }
                        while j + 1 < tokens.len() && tokens[j + 1].start < m.end {
                            j += 1;
                        }
                        // An Indonesian name ends with its country: "Partai
                        // Komunis Jerman | Karl Liebknecht".
                        if lang == Lang::Id && m.etype == EntityType::Country {
                            j += 1;
                            break;
                        }
                    } else {
                        // "Ministry of Foreign Affairs": a joining word
                        // between capitalised words.
                        // ("and", "dan", "untuk" only after a name word:
                        // "Susunan Organisasi dan Tata Kerja" is no name;
                        // and not before another head: "Partai A dan Partai
                        // B" are two.)
                        let and = n_words > 0 && matches!(w, "and" | "dan" | "untuk");
                        let joiner = (matches!(w, "of" | "for") || and)
                            && tokens.get(j + 1).is_some_and(|n| {
                                name_word(n) && head(j + 1).is_none()
                                    || and && w != "untuk" && acronym(n)
                            });
                        if !joiner {
                            break;
                        }
                        after_and = and;
                        j += 1;
                        continue;
                    }
                    after_and = false;
                    j += 1;
                }
                // A capitalised stop word right after the run continues a
                // name we cannot read ("Badan Usaha Milik Negara"): rather
                // no name than a cut one.
                let cut = tokens.get(j).is_some_and(|t| {
                    let w = &text[t.start..t.end];
                    t.kind == TokenKind::Word
                        && is_cap(w)
                        && self.stop.contains(w)
                        && mention_at(t).is_none()
                });
                let (fw, fend, fj) = if cut {
                    (0, None, k + 1)
                } else {
                    (n_words, end, j)
                };
                // Head last (or in the middle): "National Security Council",
                // "Russian Defence Ministry", "National Security Council of X".
                let mut b = k;
                let mut back = 0;
                // Indonesian names put the head first: only English looks
                // back, and an English company name in Indonesian text
                // ("presiden Apple Records", "Lockheed Corporation").
                let look_back = lang == Lang::En
                    || (fw == 0
                        && self
                            .english_heads
                            .contains(&text[tokens[k].start..tokens[k].end]));
                // "The Fishers of Men Club", "Bank of America Corporation":
                // a joining word between capitalised words.
                let joins = |b: usize, back: usize| {
                    let t = &tokens[b - 1];
                    back > 0
                        && b > 1
                        && matches!(&text[t.start..t.end], "of" | "for" | "and")
                        && name_word(&tokens[b - 2])
                };
                while look_back && b > 0 {
                    if name_word(&tokens[b - 1]) {
                        back += 1;
                    } else if !place(&tokens[b - 1]) && !joins(b, back) {
                        break;
                    }
                    b -= 1;
                }
                // A lone capitalised word opening the sentence is no name part.
                if back == 1 && b + 1 == k && tokens[b].start == range.start {
                    b = k;
                    back = 0;
                }
                // A head of two words needs no name word, only something
                // after it ("Angkatan Laut Peru").
                if fw + back >= 1 || last > k && fend.is_some() {
                    let start = mention_at(&tokens[b])
                        .map_or(tokens[b].start, |m| m.start.min(tokens[b].start));
                    spans.push((start, fend.unwrap_or(tokens[k].end)));
                    k = if fw >= 1 { fj } else { k + 1 };
                    continue;
                }
                k += 1;
            }
        }
        let mut orgs: Vec<Mention> = Vec::new();
        for (s, e) in spans {
            // Known organisations are left alone; a country or place inside
            // becomes nested.
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
            let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
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
                None => a.local_entity(name.replace(' ', "_"), name, EntityType::Organization),
            };
            let lo = a.mentions.partition_point(|m| m.start < s);
            let hi = a.mentions.partition_point(|m| m.start < e);
            for m in a.mentions[lo..hi].iter_mut().filter(|m| m.end <= e) {
                m.nested = true;
            }
            let sentence = a.sentences.partition_point(|r| r.end <= s) as u32;
            orgs.push(Mention {
                start: s,
                end: e,
                sentence,
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

/// "Partai Rakyat Maju Bersama (PRMB)", "… atau PRMB", "… or NDRA": an
/// acronym right after an organisation's name that spells the initials of
/// its capitalised words is that organisation, and so is every later use
/// of the acronym in the document (as written, upper case). So is one right
/// before the name in brackets ("HKTI (Himpunan Kerukunan Tani
/// Indonesia)"). An acronym that
/// is already a mention (a gazetteer alias) is left alone; one that two
/// organisations of the document define is linked at neither's later uses.
pub(super) fn link_acronyms(text: &str, a: &mut Analysis) {
    let mut defined: Vec<(usize, usize, EntityRef)> = Vec::new();
    for m in &a.mentions {
        if m.etype != EntityType::Organization || m.nested {
            continue;
        }
        let Some((s, e)) = acronym_after(text, m.end).or_else(|| acronym_before(text, m)) else {
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

/// The acronym right after byte `end`: `(ACR)` or `atau ACR` / `or ACR`,
/// two to eight ASCII capitals; its byte span.
fn acronym_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    if gap > 1 {
        return None;
    }
    let after = &rest[gap..];
    let (skip, closing) = if let Some(r) = after.strip_prefix('(') {
        (1 + (r.len() - r.trim_start_matches(' ').len()), true)
    } else if gap == 1 && (after.starts_with("atau ") || after.starts_with("or ")) {
        (after.find(' ')? + 1, false)
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
