//! People beyond the lists: after a title, in an apposition, a family
//! member before a known surname, and the later bare surname of a person
//! already mentioned; and known names that name a place.

use std::collections::{HashMap, HashSet};

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::schema::{Classes, EntityType, WordClass};
use crate::tokenize::{Token, TokenKind, is_boundary, offset, previous_word};

use super::spans::{in_boilerplate, insert_mentions, overlaps};
use super::{EntityStage, PARTICLES, is_cap};

impl EntityStage {
    /// People after a title ("Menlu Rusia Sergei Lavrov") and in an
    /// apposition ("Yuri Ushakov, penasihat Kremlin"), sentence by sentence
    /// (only those with a title): their spans, in the order found.
    pub(super) fn find_people(
        &self,
        ctx: &mut DocCtx,
        a: &Analysis,
        lowercase: &mut Option<HashSet<String>>,
    ) -> Vec<(usize, usize)> {
        let (text, words, lang) = (ctx.text, &ctx.words, ctx.lang);
        let tokens = &mut ctx.tokens;
        let lex = self.lexicons.get(lang);
        let mut found: Vec<(usize, usize)> = Vec::new();
        // Titles are looked for once in the whole text; only sentences with
        // one are tokenised.
        let mut titles_at: Vec<usize> = Vec::new();
        lex.titles
            .find_each_in(text, words, 0..text.len(), |f| titles_at.push(f.start));
        for (si, range) in a.sentences.iter().enumerate() {
            let first = titles_at.partition_point(|&t| t < range.start);
            if titles_at.get(first).is_none_or(|&t| t >= range.end) {
                continue;
            }
            if in_boilerplate(&a.boilerplate, range.start, range.end) {
                continue;
            }
            let ms = a.sentence_mentions(si as u32);
            let mentions = &a.mentions[ms];
            let tokens = tokens.get(text, si, range.clone());
            let in_mention =
                |t: &Token| mentions.iter().any(|m| t.start < m.end && m.start < t.end);
            let classes = |t: &Token| -> Classes {
                let mut c = Classes::default();
                lex.words.find_each_in(text, words, t.start..t.end, |f| {
                    if f.start == t.start && f.end == t.end {
                        c = *f.value;
                    }
                });
                c
            };
            // Titles in the sentence, outside mentions.
            let mut title_ends: Vec<usize> = Vec::new();
            lex.titles.find_each_in(text, words, range.clone(), |f| {
                if !mentions.iter().any(|m| f.start < m.end && m.start < f.end) {
                    title_ends.push(f.end);
                }
            });
            for end in title_ends {
                let Some(mut k) = tokens.iter().position(|t| t.start >= end) else {
                    continue;
                };
                // Skip the title's country/organisation, lower-case words,
                // brackets and one comma.
                let mut steps = 0;
                let mut comma = false;
                // Lower-case words between the title and the name only
                // with a comma before the name ("penasihat … luar negeri,
                // Yuri Ushakov"), never "mengirim pejabat ke Olimpiade …".
                let mut lower_seen = false;
                // A place or country passed over: a regional title's region.
                let mut place_seen = false;
                while k < tokens.len() && steps < 10 {
                    let t = &tokens[k];
                    let w = &text[t.start..t.end];
                    if let Some(m) = mentions
                        .iter()
                        .find(|m| m.start <= t.start && t.start < m.end)
                    {
                        if m.etype == EntityType::Person {
                            k = tokens.len(); // already a known person
                            break;
                        }
                        while k < tokens.len() && tokens[k].start < m.end {
                            k += 1;
                        }
                        place_seen |= matches!(m.etype, EntityType::Location | EntityType::Country);
                        // "Bupati Lampung Utara": a compass word after a
                        // place is part of it.
                        while m.etype == EntityType::Location
                            && tokens.get(k).is_some_and(|t| {
                                let w = &text[t.start..t.end];
                                is_cap(w) && self.compass.contains(w)
                            })
                        {
                            k += 1;
                        }
                        steps += 1;
                        continue;
                    }
                    let c = classes(t);
                    let lower = w.chars().next().is_some_and(char::is_lowercase);
                    let skippable = w == "("
                        || w == ")"
                        || (lower
                            && !comma
                            && !c.has(WordClass::Clause)
                            && !c.has(WordClass::Comp));
                    if w == "," && !comma {
                        comma = true;
                    } else if !skippable {
                        break;
                    }
                    // "Ambassador to Indonesia Wang Lutong", "Duta Besar
                    // China untuk Indonesia Wang Lutong": a preposition
                    // right before a country or organisation is part of the
                    // title.
                    let before_body = tokens.get(k + 1).is_some_and(|n| {
                        mentions.iter().any(|m| {
                            m.start == n.start
                                && matches!(m.etype, EntityType::Country | EntityType::Organization)
                        })
                    });
                    if lower && !before_body {
                        lower_seen = true;
                    }
                    k += 1;
                    steps += 1;
                }
                if lower_seen && !comma {
                    continue;
                }
                // "Bupati Lampung Utara Mukhlis Basri": the title's place
                // comes before the name. "Kapolda Metro Jaya Irjen Fadil
                // Imran": a rank within three capitalised words ends the
                // place, and the name follows it.
                let regional = !place_seen
                    && text[..end]
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| self.place_heads.contains(w));
                let k = self.after_place(text, tokens, k, regional);
                let k = (k..tokens.len().min(k + 4))
                    .take_while(|&j| {
                        let w = &text[tokens[j].start..tokens[j].end];
                        w.chars().next().is_some_and(char::is_uppercase)
                    })
                    .find(|&j| classes(&tokens[j]).has(WordClass::Honorific))
                    .map_or(k, |j| j + 1);
                if let Some((s, e)) = self.name_run(text, tokens, k, &in_mention, &classes)
                    && !self.common_words(text, s, e, lowercase)
                {
                    found.push((s, e));
                }
            }
            // Apposition: "Yuri Ushakov, penasihat …".
            let cap_word = |t: &Token| t.kind == TokenKind::Word && is_cap(&text[t.start..t.end]);
            for k in 0..tokens.len() {
                if !cap_word(&tokens[k]) || (k > 0 && cap_word(&tokens[k - 1])) {
                    // A run starts with a capitalised word, and only once.
                    continue;
                }
                let Some((s, e)) = self.name_run(text, tokens, k, &in_mention, &classes) else {
                    continue;
                };
                let after = tokens.iter().position(|t| t.start >= e);
                let Some(c) = after.filter(|&c| text[tokens[c].start..tokens[c].end] == *",")
                else {
                    continue;
                };
                // "Kofi Annan, the UN secretary-general", "Michel Suleiman,
                // Lebanon's president": a determiner, the title's country or
                // organisation and a possessive 's may come first.
                let mut t = c + 1;
                for _ in 0..4 {
                    let Some(tok) = tokens.get(t) else { break };
                    let w = &text[tok.start..tok.end];
                    if self.determiners.is_determiner(w) || matches!(w, "'s" | "’s" | "'" | "’")
                    {
                        t += 1;
                    } else if let Some(m) = mentions.iter().find(|m| {
                        m.start == tok.start
                            && matches!(m.etype, EntityType::Country | EntityType::Organization)
                    }) {
                        while tokens.get(t).is_some_and(|x| x.start < m.end) {
                            t += 1;
                        }
                    } else {
                        break;
                    }
                }
                let title_next = tokens.get(t).is_some_and(|t| {
                    let mut hit = false;
                    lex.titles
                        .find_each_in(text, words, t.start..range.end, |f| {
                            hit |= f.start == t.start
                        });
                    hit
                });
                if title_next
                    && !found.contains(&(s, e))
                    && !self.common_words(text, s, e, lowercase)
                {
                    found.push((s, e));
                }
            }
        }
        found
    }

    /// Does the span hold a word that the document also writes in lower
    /// case ("Luar Negeri" / "luar negeri")? Then it is no name. The set
    /// of lower-case words is built on first use.
    fn common_words(
        &self,
        text: &str,
        s: usize,
        e: usize,
        lowercase: &mut Option<HashSet<String>>,
    ) -> bool {
        let set = lowercase.get_or_insert_with(|| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .map(str::to_owned)
                .collect()
        });
        text[s..e]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| is_cap(w) && set.contains(w))
    }

    /// "Jalan Kolonel Sugiono", "Bandara Soekarno": a person's name after a
    /// place head (and a rank) names the place, so it is no mention.
    pub(super) fn drop_named_places(&self, text: &str, a: &mut Analysis) {
        let named = |m: &Mention| {
            let Some(w) = previous_word(text, m.start) else {
                return false;
            };
            // "Jalan Kolonel Sugiono": the rank stands between.
            let w = if is_cap(w) && self.honorifics.contains(w) {
                match previous_word(text, offset(text, w)) {
                    Some(w) => w,
                    None => return false,
                }
            } else {
                w
            };
            // (A regional title is no place: "Camat Ahmad Yani".)
            is_cap(w) && self.place_heads.contains(w) && !self.title_heads.contains(w)
        };
        a.mentions
            .retain(|m| m.etype != EntityType::Person || !named(m));
    }

    /// "Michelle Obama", "Malia Ann Obama": one or two capitalised given
    /// names right before a known person's surname that are none of that
    /// person's names make another person of the family (`source` =
    /// `pattern`), not the known one. A middle name between known names
    /// stays the known person ("Cyril Matamela Ramaphosa"); one word that
    /// opens the sentence may be a noun and is left alone, and so is a
    /// headline.
    pub(super) fn split_families(
        &self,
        gaz: &Gazetteer,
        text: &str,
        a: &mut Analysis,
        lowercase: &mut Option<HashSet<String>>,
    ) {
        let mut families: Vec<(usize, usize)> = Vec::new();
        for (i, m) in a.mentions.iter().enumerate() {
            let EntityRef::Gazetteer(g) = m.entity else {
                continue;
            };
            let surname = &text[m.start..m.end];
            let name = &gaz.entity(g).name;
            if m.etype != EntityType::Person
                || surname.contains(char::is_whitespace)
                || name.split_whitespace().count() < 2
                || name.split_whitespace().last() != Some(surname)
            {
                continue;
            }
            // A word of the person's name or aliases.
            let own = |w: &str| {
                let from = self.person_aliases.partition_point(|&(e, _)| e < g);
                name.split_whitespace().any(|x| x == w)
                    || self.person_aliases[from..]
                        .iter()
                        .take_while(|&&(e, _)| e == g)
                        .any(|&(_, al)| {
                            gaz.aliases[al as usize]
                                .text
                                .split_whitespace()
                                .any(|x| x == w)
                        })
            };
            let mut start = m.start;
            for _ in 0..2 {
                let Some(w) = previous_word(text, start) else {
                    break;
                };
                let at = offset(text, w);
                let given = is_cap(w)
                    && !self.stop.contains(w)
                    && !self.title_words.contains(w)
                    && !self.function_words.contains(w)
                    && !self.honorifics.contains(w)
                    && !self.place_heads.contains(w)
                    && !own(w)
                    && !overlaps(a, at, at + w.len());
                if !given {
                    break;
                }
                start = at;
            }
            if start == m.start {
                continue;
            }
            // "Cyril Matamela Ramaphosa": a name of the person's own before
            // the given names makes them middle names.
            let first_own = previous_word(text, start).is_some_and(own);
            // A lone capitalised word that opens the sentence may be a noun
            // ("Kunjungan Lavrov", "Kantor Patrushev"): only two given
            // names there make a person ("Malia Ann Obama").
            let sentence = a.sentences.partition_point(|r| r.end <= start);
            let opens = a
                .sentences
                .get(sentence)
                .is_some_and(|r| !text[r.start..start].contains(|c: char| c.is_alphanumeric()));
            // Nor in a headline, where every word is capitalised.
            let headline = a.sentences.get(sentence).is_some_and(|r| {
                let words: Vec<&str> = text[r.clone()]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                    .collect();
                words.len() >= 4
                    && words.iter().filter(|w| is_cap(w)).count() * 4 >= words.len() * 3
            });
            let given = text[start..m.start].split_whitespace().count();
            if !first_own
                && !headline
                && (given >= 2 || !opens)
                && !self.common_words(text, start, m.start, lowercase)
            {
                families.push((i, start));
            }
        }
        for (i, start) in families {
            let end = a.mentions[i].end;
            let name = text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let entity = a.local_entity(name.replace(' ', "_"), name, EntityType::Person);
            let m = &mut a.mentions[i];
            m.start = start;
            m.entity = entity;
            m.source = MentionSource::Pattern;
        }
    }

    /// The token after a place's name at token `k`, or `k`: a place head
    /// (or, with `headed`, a regional title just before `k`: "Kapolda",
    /// "Camat") and a capitalised word ("Dusun Kleben"; one word, as the name after
    /// it cannot be told from the place's), or one to three capitalised
    /// words and the compass words after them ("Lampung Utara", "Nusa
    /// Tenggara Timur", "Kabupaten Lampung Utara").
    fn after_place(&self, text: &str, tokens: &[Token], k: usize, headed: bool) -> usize {
        let cap = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                let w = &text[t.start..t.end];
                t.kind == TokenKind::Word && is_cap(w) && !self.stop.contains(w)
            })
        };
        let word = |j: usize| &text[tokens[j].start..tokens[j].end];
        let compass = |j: usize| cap(j) && self.compass.contains(word(j));
        let head = headed || cap(k) && self.place_heads.contains(word(k));
        let mut j = k + usize::from(head && !headed);
        let mut n = 0;
        let most = if head { 1 } else { 3 };
        while n < most && cap(j) && !compass(j) && !self.place_heads.contains(word(j)) {
            j += 1;
            n += 1;
        }
        let mut ends = false;
        while n > 0 && compass(j) {
            j += 1;
            ends = true;
        }
        if n > 0 && (head || ends) { j } else { k }
    }

    /// Two to four capitalised words from token `k` that are no known
    /// mention, stop word, title or day: a name's span.
    fn name_run(
        &self,
        text: &str,
        tokens: &[Token],
        k: usize,
        in_mention: &dyn Fn(&Token) -> bool,
        classes: &dyn Fn(&Token) -> Classes,
    ) -> Option<(usize, usize)> {
        let mut words = 0;
        let mut end = None;
        let mut j = k;
        while j < tokens.len() && words < 4 {
            let t = &tokens[j];
            let w = &text[t.start..t.end];
            if t.kind != TokenKind::Word || in_mention(t) {
                // "Jean-Pierre": a hyphen glued between two words.
                if w == "-"
                    && end == Some(t.start)
                    && tokens.get(j + 1).is_some_and(|n| n.start == t.end)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if is_cap(w) {
                // "Dusun Kleben", "Lampung Utara": a place, no person.
                if self.place_heads.contains(w) || words > 0 && self.compass.contains(w) {
                    return None;
                }
                let c = classes(t);
                if words == 0 && c.has(WordClass::Honorific) {
                    // "Bapak Agum Gumelar": the name starts after it.
                    return self.name_run(text, tokens, j + 1, in_mention, classes);
                }
                if self.stop.contains(w)
                    || self.title_words.contains(w)
                    || self.function_words.contains(w)
                    || !c.is_empty()
                    || w.chars().any(|ch| ch.is_numeric())
                {
                    break;
                }
                words += 1;
                end = Some(t.end);
            } else if words > 0 && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                // a particle inside a name
            } else {
                break;
            }
            j += 1;
        }
        // "Cyril Matamela Ramaphosa": given names right before a known
        // person are part of that person, not another one.
        if tokens.get(j).is_some_and(in_mention) && end.is_some_and(|e| tokens[j].start <= e + 1) {
            return None;
        }
        // "Nusa Cahaya Pictures": words before an English head that ends a
        // body's name are that body's.
        if words >= 2
            && let Some(t) = tokens.get(j)
            && is_cap(&text[t.start..t.end])
            && self.english_heads.contains(&text[t.start..t.end])
        {
            return None;
        }
        let start = tokens.get(k)?.start;
        (words >= 2).then_some((start, end?))
    }

    pub(super) fn add_people(
        &self,
        gaz: &Gazetteer,
        text: &str,
        a: &mut Analysis,
        found: Vec<(usize, usize)>,
    ) {
        let mut pending: Vec<(usize, usize, EntityRef)> = Vec::new();
        for (s, e) in found {
            let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
            let id = name.replace(' ', "_");
            // A name the gazetteer knows (under another alias) is that entity.
            let entity = match gaz.find(&id) {
                Some(g) => EntityRef::Gazetteer(g),
                None => a.local_entity(id, name, EntityType::Person),
            };
            pending.push((s, e, entity));
        }
        insert_mentions(a, pending, EntityType::Person, MentionSource::Pattern);
    }

    /// A later bare surname of a person already mentioned is that person.
    pub(super) fn link_repetitions(&self, gaz: &Gazetteer, text: &str, a: &mut Analysis) {
        let mut pending: Vec<(usize, usize, EntityRef)> = Vec::new();
        let mut owners: HashMap<String, Option<EntityRef>> = HashMap::new();
        for m in &a.mentions {
            if m.etype != EntityType::Person {
                continue;
            }
            let name = &a.entity(gaz, m.entity).name;
            let Some(last) = name.split_whitespace().last() else {
                continue;
            };
            if name.split_whitespace().count() < 2
                || last.chars().count() < 3
                || !is_cap(last)
                || self.stop.contains(last)
            {
                continue;
            }
            owners
                .entry(last.to_owned())
                .and_modify(|o| {
                    if o.is_some_and(|e| e != m.entity) {
                        *o = None; // two people share it
                    }
                })
                .or_insert(Some(m.entity));
        }
        for (last, owner) in owners {
            let Some(entity) = owner else { continue };
            let first_mention = a
                .mentions
                .iter()
                .filter(|m| m.entity == entity)
                .map(|m| m.start)
                .min()
                .unwrap_or(0);
            let mut from = first_mention;
            while let Some(off) = text[from..].find(last.as_str()) {
                let s = from + off;
                let e = s + last.len();
                from = e;
                if !is_boundary(text, s) || !is_boundary(text, e) {
                    continue;
                }
                if overlaps(a, s, e) || in_boilerplate(&a.boilerplate, s, e) {
                    continue;
                }
                pending.push((s, e, entity));
            }
        }
        insert_mentions(a, pending, EntityType::Person, MentionSource::Pattern);
    }
}
