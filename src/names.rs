//! Stage 3b, names beyond the lists: people that no gazetteer knows, found
//! by pattern, and later repetitions of part of a person's name.
//!
//! - A title or role word, then (optionally) its country or organisation,
//!   then two to four capitalised words: "Menlu Rusia Sergei Lavrov",
//!   "penasihat presiden Rusia untuk urusan luar negeri, Yuri Ushakov",
//!   "kata juru bicara Kremlin Dmitry Peskov", "President Cyril Ramaphosa".
//! - An apposition: capitalised words, a comma, a title, with an article,
//!   the title's country or organisation and a possessive allowed before
//!   it ("Yuri Ushakov, penasihat Kremlin", "Kofi Annan, the UN
//!   secretary-general", "Michel Suleiman, Lebanon's president").
//! - Once a person is mentioned in a document (found by gazetteer or by
//!   pattern), a later bare surname is the same person ("Ushakov"), unless
//!   two people of the document share it.
//! - A title's place comes before the name and is no person ("Bupati
//!   Lampung Utara Mukhlis Basri", "Kepala Dusun Kleben"; word classes
//!   `place_head` and `compass`); after a regional title and its region
//!   a rank starts the name ("Kapolda Metro Jaya Irjen Fadil Imran").
//! - Given names before a known person's surname that are none of that
//!   person's names are another person ("Michelle Obama"); a known name
//!   after a place head names the place ("Jalan Kolonel Sugiono"); a
//!   company before a model number is the product ("Boeing 737").
//!
//! - Organisations: a head word (`org_head`: Kementerian, Partai,
//!   Ministry, Council) with the capitalised words after it or, in
//!   English, before it ("Kementerian Perdagangan Malaysia", "National
//!   Security Council").
//!   A day, "Nomor" or, in Indonesian, the country ends the name.
//! - An acronym right after an organisation, in brackets or after
//!   "atau"/"or", that spells the initials of its capitalised words
//!   ("Partai Rakyat Maju Bersama (PRMB)"), or right before it in brackets
//!   ("HKTI (Himpunan Kerukunan Tani Indonesia)"), is that organisation,
//!   and so are its later uses in the document.
//!
//! Pattern-found people and organisations get an id built from the name as
//! written (SPEC §1: `Yuri_Ushakov`) and `source` = `pattern`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::gazetteer::Gazetteer;
use crate::lang::{Determiners, Lexicons};
use crate::phrase::{Case, PhraseSet};
use crate::phrase::{PhraseSetBuilder, VocabularyBuilder, WordTable};
use crate::schema::{AliasKind, Classes, EntityType, Lang, WordClass};
use crate::tokenize::{
    LowerSet, SentenceTokens, Token, TokenKind, is_boundary, offset, previous_word,
};

/// Finds people by pattern.
#[derive(Debug, Clone)]
pub struct Names {
    gaz: Arc<Gazetteer>,
    lexicons: Arc<Lexicons>,
    /// Lower-case stop words of both languages: never part of a name.
    stop: LowerSet,
    /// Lower-case words of titles ("menteri", "ketua", "direktur"): never
    /// part of a person's or an organisation's name.
    title_words: LowerSet,
    /// Lower-case function words of the word lists: never part of a
    /// person's name.
    function_words: LowerSet,
    /// Lower-case one-word titles ("ketua", "menteri"): never part of an
    /// organisation's name ("Ketua Pengadilan Negeri" is a person's office).
    title_heads: LowerSet,
    /// Organisation head words of each language, capitalised.
    org_heads: HashMap<Lang, PhraseSet<()>>,
    /// Words that begin a place's or a unit's name ("Dusun", "Kabupaten",
    /// "Resimen"), lower-case.
    place_heads: LowerSet,
    /// Words that end a place's name after a capitalised word ("Utara",
    /// "Barat"), lower-case.
    compass: LowerSet,
    /// Honorifics and ranks ("Bapak", "Kolonel"), lower-case.
    honorifics: LowerSet,
    /// One-word English organisation heads ("Records", "Council"),
    /// lower-case.
    english_heads: LowerSet,
    /// (entity, alias) index pairs of known people, by entity.
    person_aliases: Vec<(u32, u32)>,
    /// Articles and possessives ("the", "its"): passed over between an
    /// apposition's comma and its title.
    determiners: Determiners,
}

/// Lower-case particles inside names ("bin", "al", "van", "de").
const PARTICLES: &[&str] = &[
    "bin", "binti", "al", "el", "van", "von", "de", "der", "da", "dos", "la", "le", "ibn",
];

impl Names {
    /// Builds the finder with its head words in a shared vocabulary.
    pub fn new_in(
        gaz: Arc<Gazetteer>,
        lexicons: Arc<Lexicons>,
        vocabulary: &mut VocabularyBuilder,
    ) -> Names {
        let stop = gaz.stopwords.values().flatten().cloned().collect();
        let words_of = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        let title_words = gaz.titles.iter().flat_map(|t| words_of(&t.title)).collect();
        // One-word titles ("Ketua", "Menteri", "Direktur"), not first words
        // of longer ones ("National" of "National Security Adviser").
        let title_heads = gaz
            .titles
            .iter()
            .filter(|t| !t.title.contains(char::is_whitespace))
            .map(|t| t.title.to_lowercase())
            .collect();
        let function_words = gaz
            .words
            .iter()
            .filter(|w| !w.class.is_looked_up())
            .flat_map(|w| words_of(&w.word))
            .collect();
        let mut org_heads = HashMap::new();
        for lang in Lang::ALL {
            let mut b = PhraseSetBuilder::new();
            for w in gaz
                .words
                .iter()
                .filter(|w| w.class == WordClass::OrgHead && w.lang.is_none_or(|l| l == lang))
            {
                b.add(&w.word, Case::Cap, ());
            }
            org_heads.insert(lang, b.build_in(vocabulary));
        }

        let class_words = |class: WordClass| {
            gaz.words
                .iter()
                .filter(|w| w.class == class)
                .map(|w| w.word.clone())
                .collect()
        };
        let place_heads = class_words(WordClass::PlaceHead);
        let compass = class_words(WordClass::Compass);
        let honorifics = class_words(WordClass::Honorific);
        let english_heads = gaz
            .words
            .iter()
            .filter(|w| w.class == WordClass::OrgHead && w.lang == Some(Lang::En))
            .filter(|w| !w.word.contains(char::is_whitespace))
            .map(|w| w.word.clone())
            .collect();
        let mut person_aliases: Vec<(u32, u32)> = (0..gaz.aliases.len() as u32)
            .map(|i| (gaz.aliases[i as usize].entity, i))
            .filter(|&(e, _)| gaz.entity(e).etype == EntityType::Person)
            .collect();
        person_aliases.sort_unstable();
        let determiners = Determiners::new(&gaz);
        Names {
            gaz,
            lexicons,
            stop,
            title_words,
            title_heads,
            function_words,
            org_heads,
            place_heads,
            compass,
            honorifics,
            english_heads,
            person_aliases,
            determiners,
        }
    }

    /// Adds pattern-found people and repeated name parts to `a.mentions`
    /// (kept in text order), reading (and keeping) the sentences' tokens
    /// in `ctx`, to share them with the relation stage.
    pub(crate) fn find(&self, ctx: &mut DocCtx, a: &mut Analysis) {
        let gaz = &*self.gaz;
        let (text, words, lang) = (ctx.text, &ctx.words, ctx.lang);
        let tokens = &mut ctx.tokens;
        drop_products(text, a);
        self.drop_named_places(text, a);
        let lex = self.lexicons.get(lang);
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut lowercase: Option<HashSet<String>> = None;
        self.split_families(gaz, text, a, &mut lowercase);
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
                    && !self.common_words(text, s, e, &mut lowercase)
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
                    && !self.common_words(text, s, e, &mut lowercase)
                {
                    found.push((s, e));
                }
            }
        }
        self.add_people(gaz, text, a, found);
        self.link_repetitions(gaz, text, a);
        self.find_organisations(text, words, lang, a, tokens);
        link_acronyms(text, a);
    }

    /// Organisations by pattern: a capitalised head word and the
    /// capitalised words after it ("Kementerian Perdagangan Malaysia",
    /// "Ministry of Foreign Affairs"), or before it ("National Security
    /// Council", "Russian Defence Ministry"). A country inside the name
    /// stays a nested mention.
    fn find_organisations(
        &self,
        text: &str,
        words: &WordTable,
        lang: Lang,
        a: &mut Analysis,
        tokens: &mut SentenceTokens,
    ) {
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
    fn drop_named_places(&self, text: &str, a: &mut Analysis) {
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
    fn split_families(
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

    fn add_people(
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
    fn link_repetitions(&self, gaz: &Gazetteer, text: &str, a: &mut Analysis) {
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

fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// "Partai Rakyat Maju Bersama (PRMB)", "… atau PRMB", "… or NDRA": an
/// acronym right after an organisation's name that spells the initials of
/// its capitalised words is that organisation, and so is every later use
/// of the acronym in the document (as written, upper case). So is one right
/// before the name in brackets ("HKTI (Himpunan Kerukunan Tani
/// Indonesia)"). An acronym that
/// is already a mention (a gazetteer alias) is left alone; one that two
/// organisations of the document define is linked at neither's later uses.
fn link_acronyms(text: &str, a: &mut Analysis) {
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
fn drop_products(text: &str, a: &mut Analysis) {
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

/// Does `s..e` touch a boilerplate line? (The ranges are in text order.)
fn in_boilerplate(lines: &[std::ops::Range<usize>], s: usize, e: usize) -> bool {
    let k = lines.partition_point(|b| b.end <= s);
    lines.get(k).is_some_and(|b| b.start < e)
}

/// Does any mention overlap `s..e`? Mentions are in text order and short,
/// so only those starting a little before `e` are looked at.
fn overlaps(a: &Analysis, s: usize, e: usize) -> bool {
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
fn insert_mentions(
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
fn merge_mentions(a: &mut Analysis, new: Vec<Mention>) {
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
