//! People beyond the lists: after a title, in an apposition, a family
//! member before a known surname, and the later bare surname of a person
//! already mentioned; and known names that name a place.

use rustc_hash::FxHashMap;

use crate::analysis::{Analysis, EntityRef, Mention, MentionSource};
use crate::context::DocCtx;
use crate::schema::{EntityType, WordClass};
use crate::tokenize::{Token, TokenKind, is_boundary, offset, previous_word};

use super::spans::{
    id_of, in_boilerplate, insert_mentions, local_entity, name_as_written, overlaps, sentence_at,
};
use super::{EntityStage, Sentence, is_cap};

/// Which words a document writes in lower case, asked word by word: a
/// capitalised word among them ("Luar Negeri" beside "luar negeri") is no
/// name. Each answer is kept.
pub(super) struct LowerCaseWords<'t> {
    text: &'t str,
    /// A word in lower case → whether the text writes it so, as a whole
    /// word (a run of letters and digits).
    seen: FxHashMap<String, bool>,
}

impl<'t> LowerCaseWords<'t> {
    pub(super) fn new(text: &'t str) -> LowerCaseWords<'t> {
        LowerCaseWords {
            text,
            seen: FxHashMap::default(),
        }
    }

    /// Does `text[s..e]` hold a capitalised word that the document also
    /// writes in lower case?
    fn common(&mut self, s: usize, e: usize) -> bool {
        let text = self.text;
        text[s..e]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| is_cap(w))
            .any(|w| {
                let lower = w.to_lowercase();
                if let Some(&yes) = self.seen.get(&lower) {
                    return yes;
                }
                let alnum_at = |i: usize| text[i..].starts_with(char::is_alphanumeric);
                let alnum_before = |i: usize| text[..i].ends_with(char::is_alphanumeric);
                let yes = lower.starts_with(char::is_lowercase)
                    && memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
                        !alnum_before(at)
                            && (at + lower.len() == text.len() || !alnum_at(at + lower.len()))
                    });
                self.seen.insert(lower, yes);
                yes
            })
    }
}

impl EntityStage {
    /// People after a title ("Menlu Rusia Sergei Lavrov") and in an
    /// apposition ("Yuri Ushakov, penasihat Kremlin"), sentence by sentence
    /// (only those with a title): their spans, in the order found.
    pub(super) fn find_people(
        &self,
        ctx: &mut DocCtx,
        a: &Analysis,
        lowercase: &mut LowerCaseWords,
    ) -> Vec<(usize, usize)> {
        let lex = self.lexicons.get(ctx.lang);
        let mut found: Vec<(usize, usize)> = Vec::new();
        // Titles are looked for once in the whole text; only sentences with
        // one are tokenised.
        let mut titles_at: Vec<usize> = Vec::new();
        lex.titles
            .find_each_in(ctx.text, &ctx.words, 0..ctx.text.len(), |f| {
                titles_at.push(f.start)
            });
        for (si, range) in a.sentences.iter().enumerate() {
            let first = titles_at.partition_point(|&t| t < range.start);
            if titles_at.get(first).is_none_or(|&t| t >= range.end)
                || in_boilerplate(&a.boilerplate, range.start, range.end)
            {
                continue;
            }
            let s = Sentence::read(ctx, lex, a, si, range.clone());
            // In a headline every word is capitalised: capitals do not tell
            // where a name ends ("Tolak Usulan Menteri, Warga Desak Polisi").
            if super::tagger::is_headline(s.text, s.tokens) {
                continue;
            }
            self.titled_people(&s, &mut found, lowercase);
            self.appositions(&s, &mut found, lowercase);
        }
        found
    }

    /// A title outside mentions, then (past its country or organisation,
    /// its place and a rank) a name: "Menlu Rusia Sergei Lavrov", "Bupati
    /// Lampung Utara Mukhlis Basri", "Kapolda Metro Jaya Irjen Fadil Imran".
    fn titled_people(
        &self,
        s: &Sentence,
        found: &mut Vec<(usize, usize)>,
        lowercase: &mut LowerCaseWords,
    ) {
        let mut title_ends: Vec<usize> = Vec::new();
        s.lex
            .titles
            .find_each_in(s.text, s.words, s.range.clone(), |f| {
                if !s
                    .mentions
                    .iter()
                    .any(|m| f.start < m.end && m.start < f.end)
                {
                    title_ends.push(f.end);
                }
            });
        for end in title_ends {
            let Some(k) = s.tokens.iter().position(|t| t.start >= end) else {
                continue;
            };
            let Some((k, place_seen)) = self.past_title(s, k) else {
                continue;
            };
            // "Bupati Lampung Utara Mukhlis Basri": the title's place
            // comes before the name. "Kapolda Metro Jaya Irjen Fadil
            // Imran": a rank within three capitalised words ends the
            // place, and the name follows it.
            let regional = !place_seen
                && s.text[..end]
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| self.place_heads.contains(w));
            let k = self.after_place(s, k, regional);
            let k = after_rank(s, k);
            // "Deputi Komisioner OJK Bidang Edukasi …": the unit of the
            // body, not its holder.
            if let Some((start, e)) = self.name_run(s, k)
                && !lowercase.common(start, e)
                && !s.text[start..e]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| self.unit_nouns.contains(w))
            {
                found.push((start, e));
            }
        }
    }

    /// From token `k` right after a title: past the title's country or
    /// organisation, lower-case words, brackets and one comma, at most ten
    /// steps. Where a name may start, and whether a place or country was
    /// passed (a regional title's region); `None` when a known person
    /// follows, or lower-case words with no comma after them.
    fn past_title(&self, s: &Sentence, mut k: usize) -> Option<(usize, bool)> {
        let tokens = s.tokens;
        let mut steps = 0;
        let mut comma = false;
        // Lower-case words between the title and the name only with a
        // comma before the name ("penasihat … luar negeri, Yuri Ushakov"),
        // never "mengirim pejabat ke Olimpiade …".
        let mut lower_seen = false;
        // A place or country passed over: a regional title's region.
        let mut place_seen = false;
        while k < tokens.len() && steps < 10 {
            let t = &tokens[k];
            let w = s.word(t);
            if let Some(m) = s
                .mentions
                .iter()
                .find(|m| m.start <= t.start && t.start < m.end)
            {
                if m.etype == EntityType::Person {
                    return None; // already a known person
                }
                while k < tokens.len() && tokens[k].start < m.end {
                    k += 1;
                }
                place_seen |= matches!(m.etype, EntityType::Location | EntityType::Country);
                // "Bupati Lampung Utara": a compass word after a place is
                // part of it.
                while m.etype == EntityType::Location
                    && tokens.get(k).is_some_and(|t| {
                        let w = s.word(t);
                        is_cap(w) && self.compass.contains(w)
                    })
                {
                    k += 1;
                }
                steps += 1;
                continue;
            }
            let c = s.classes(t);
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            let skippable = w == "("
                || w == ")"
                || (lower && !comma && !c.has(WordClass::Clause) && !c.has(WordClass::Comp));
            if w == "," && !comma {
                comma = true;
            } else if !skippable {
                break;
            }
            // "Ambassador to Indonesia Wang Lutong", "Duta Besar China
            // untuk Indonesia Wang Lutong": a preposition right before a
            // country or organisation is part of the title.
            let before_body = tokens.get(k + 1).is_some_and(|n| {
                s.mentions.iter().any(|m| {
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
        (!lower_seen || comma).then_some((k, place_seen))
    }

    /// Apposition: a name, a comma and a title ("Yuri Ushakov, penasihat
    /// …"), the title perhaps after an article, its country or
    /// organisation, or a possessive ("Kofi Annan, the UN
    /// secretary-general", "Michel Suleiman, Lebanon's president").
    fn appositions(
        &self,
        s: &Sentence,
        found: &mut Vec<(usize, usize)>,
        lowercase: &mut LowerCaseWords,
    ) {
        let tokens = s.tokens;
        let cap_word = |t: &Token| t.kind == TokenKind::Word && is_cap(s.word(t));
        for k in 0..tokens.len() {
            if !cap_word(&tokens[k]) || (k > 0 && cap_word(&tokens[k - 1])) {
                // A run starts with a capitalised word, and only once.
                continue;
            }
            let Some((start, e)) = self.name_run(s, k) else {
                continue;
            };
            let after = tokens.iter().position(|t| t.start >= e);
            let Some(c) = after.filter(|&c| s.word_at(c) == ",") else {
                continue;
            };
            if self.title_after_comma(s, c)
                && !found.contains(&(start, e))
                && !lowercase.common(start, e)
            {
                found.push((start, e));
            }
        }
    }

    /// Does a title follow the comma at token `c`, perhaps after a
    /// determiner, the title's country or organisation and a possessive
    /// 's (four steps at most)?
    fn title_after_comma(&self, s: &Sentence, c: usize) -> bool {
        let tokens = s.tokens;
        let mut t = c + 1;
        for _ in 0..4 {
            let Some(tok) = tokens.get(t) else { break };
            let w = s.word(tok);
            if self.determiners.is_determiner(w) || matches!(w, "'s" | "’s" | "'" | "’") {
                t += 1;
            } else if let Some(m) = s.mentions.iter().find(|m| {
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
        tokens.get(t).is_some_and(|t| {
            let mut hit = false;
            s.lex
                .titles
                .find_each_in(s.text, s.words, t.start..s.range.end, |f| {
                    hit |= f.start == t.start
                });
            hit
        })
    }

    /// "Jalan Kolonel Sugiono", "Bandara Soekarno": a person's name after a
    /// place head (and a rank) names the place, so it is no mention; so
    /// does the name of an organisation of the knowledge base ("Provinsi
    /// Hitachi").
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
        // The same for an organisation of the knowledge base (an id derived
        // from its name): "Provinsi Hitachi" is a province.
        let derived_org = |m: &Mention| {
            m.etype == EntityType::Organization
                && matches!(m.entity, EntityRef::Gazetteer(g) if self.gaz.entity(g).id_derived)
        };
        a.mentions
            .retain(|m| !(m.etype == EntityType::Person || derived_org(m)) || !named(m));
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
        text: &str,
        a: &mut Analysis,
        lowercase: &mut LowerCaseWords,
    ) {
        let mut families: Vec<(usize, usize)> = Vec::new();
        for (i, m) in a.mentions.iter().enumerate() {
            let EntityRef::Gazetteer(g) = m.entity else {
                continue;
            };
            let surname = &text[m.start..m.end];
            let name = &self.gaz.entity(g).name;
            if m.etype != EntityType::Person
                || surname.contains(char::is_whitespace)
                || name.split_whitespace().count() < 2
                || name.split_whitespace().last() != Some(surname)
            {
                continue;
            }
            let own = |w: &str| self.is_own_word(g, w);
            let start = self.given_names_before(text, a, m.start, own);
            if start == m.start {
                continue;
            }
            // "Cyril Matamela Ramaphosa": a name of the person's own before
            // the given names makes them middle names.
            let first_own = previous_word(text, start).is_some_and(own);
            if !first_own && may_be_family(text, a, start, m.start, lowercase) {
                families.push((i, start));
            }
        }
        for (i, start) in families {
            let end = a.mentions[i].end;
            let entity = local_entity(a, name_as_written(&text[start..end]), EntityType::Person);
            let m = &mut a.mentions[i];
            m.start = start;
            m.entity = entity;
            m.source = MentionSource::Pattern;
        }
    }

    /// Is `w` a word of the name or an alias of the known person `g`?
    fn is_own_word(&self, g: u32, w: &str) -> bool {
        let gaz = &*self.gaz;
        let from = self.person_aliases.partition_point(|&(e, _)| e < g);
        gaz.entity(g).name.split_whitespace().any(|x| x == w)
            || self.person_aliases[from..]
                .iter()
                .take_while(|&&(e, _)| e == g)
                .any(|&(_, al)| {
                    gaz.aliases[al as usize]
                        .text
                        .split_whitespace()
                        .any(|x| x == w)
                })
    }

    /// Where one or two capitalised given names before byte `at` start:
    /// words that are no stop word, title, function word, honorific, place
    /// head, `own` word or mention (`at` if there are none).
    fn given_names_before(
        &self,
        text: &str,
        a: &Analysis,
        at: usize,
        own: impl Fn(&str) -> bool,
    ) -> usize {
        let mut start = at;
        for _ in 0..2 {
            let Some(w) = previous_word(text, start) else {
                break;
            };
            let from = offset(text, w);
            let given = is_cap(w)
                && !self.stop.contains(w)
                && !self.title_words.contains(w)
                && !self.function_words.contains(w)
                && !self.honorifics.contains(w)
                && !self.place_heads.contains(w)
                && !own(w)
                && !overlaps(a, from, from + w.len());
            if !given {
                break;
            }
            start = from;
        }
        start
    }

    /// The token after a place's name at token `k`, or `k`: a place head
    /// (or, with `headed`, a regional title just before `k`: "Kapolda",
    /// "Camat") and a capitalised word ("Dusun Kleben"; one word, as the name after
    /// it cannot be told from the place's), or one to three capitalised
    /// words and the compass words after them ("Lampung Utara", "Nusa
    /// Tenggara Timur", "Kabupaten Lampung Utara").
    fn after_place(&self, s: &Sentence, k: usize, headed: bool) -> usize {
        let tokens = s.tokens;
        let cap = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                let w = s.word(t);
                t.kind == TokenKind::Word && is_cap(w) && !self.stop.contains(w)
            })
        };
        let word = |j: usize| s.word_at(j);
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
    fn name_run(&self, s: &Sentence, k: usize) -> Option<(usize, usize)> {
        let tokens = s.tokens;
        let in_mention = |t: &Token| s.mention_at(t).is_some();
        let mut words = 0;
        let mut end = None;
        let mut j = k;
        while j < tokens.len() && words < 4 {
            let t = &tokens[j];
            let w = s.word(t);
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
                let c = s.classes(t);
                if words == 0 && c.has(WordClass::Honorific) {
                    // "Bapak Agum Gumelar": the name starts after it.
                    return self.name_run(s, j + 1);
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
            } else if words > 0 && self.particles.contains(w) {
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
            && is_cap(s.word(t))
            && self.english_heads.contains(s.word(t))
        {
            return None;
        }
        let start = tokens.get(k)?.start;
        (words >= 2).then_some((start, end?))
    }

    /// Adds the people found by pattern: a name the gazetteer knows (under
    /// another alias, or in another spelling: see
    /// `listed_person_spelled`) is that entity, any other a local one.
    pub(super) fn add_people(&self, text: &str, a: &mut Analysis, found: Vec<(usize, usize)>) {
        let mut pending: Vec<(usize, usize, EntityRef)> = Vec::new();
        for (s, e) in found {
            let name = name_as_written(&text[s..e]);
            let id = id_of(&name);
            let entity = match self.gaz.find(&id) {
                Some(g) => EntityRef::Gazetteer(g),
                // Another spelling of a listed person's name.
                None => match self.listed_person_spelled(&name) {
                    Some(g) => EntityRef::Gazetteer(g),
                    None => a.local_entity(id, name, EntityType::Person),
                },
            };
            pending.push((s, e, entity));
        }
        insert_mentions(a, pending, EntityType::Person, MentionSource::Pattern);
    }

    /// A later bare surname of a person already mentioned is that person.
    pub(super) fn link_repetitions(&self, text: &str, a: &mut Analysis) {
        self.link_repetitions_of(text, a, |_| true);
    }

    /// [`link_repetitions`](Self::link_repetitions) for the surnames of the
    /// people `of` keeps only (the people found since the last time).
    pub(super) fn link_repetitions_of(
        &self,
        text: &str,
        a: &mut Analysis,
        of: impl Fn(EntityRef) -> bool,
    ) {
        let mut pending: Vec<(usize, usize, EntityRef)> = Vec::new();
        for (last, owner) in self.surnames(a) {
            let Some(entity) = owner.filter(|&e| of(e)) else {
                continue;
            };
            let first_mention = a
                .mentions
                .iter()
                .filter(|m| m.entity == entity)
                .map(|m| m.start)
                .min()
                .unwrap_or(0);
            let finder = memchr::memmem::Finder::new(last.as_bytes());
            let mut from = first_mention;
            while let Some(off) = finder.find(&text.as_bytes()[from..]) {
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

    /// The surnames of the people mentioned (the last word of a name of two
    /// words or more, capitalised, three letters or more, no stop word),
    /// each with its person, or `None` when two people share it.
    fn surnames<'s>(&'s self, a: &'s Analysis) -> FxHashMap<&'s str, Option<EntityRef>> {
        let mut owners: FxHashMap<&str, Option<EntityRef>> = FxHashMap::default();
        for m in &a.mentions {
            if m.etype != EntityType::Person {
                continue;
            }
            let name = &a.entity(&self.gaz, m.entity).name;
            // The last word before a generational suffix ("Belafonte Jr.").
            let mut words = name
                .split_whitespace()
                .map(|w| w.trim_end_matches([',', '.']))
                .filter(|w| !matches!(*w, "" | "Jr" | "Sr"));
            let Some(last) = words.clone().next_back() else {
                continue;
            };
            if words.nth(1).is_none()
                || last.chars().count() < 3
                || !is_cap(last)
                || self.stop.contains(last)
            {
                continue;
            }
            owners
                .entry(last)
                .and_modify(|o| {
                    if o.is_some_and(|e| e != m.entity) {
                        *o = None; // two people share it
                    }
                })
                .or_insert(Some(m.entity));
        }
        owners
    }
}

/// After a title and its place, a rank within the next four capitalised
/// words starts the name after it ("Kapolda Metro Jaya Irjen Fadil Imran"):
/// the token after the rank, or `k`.
fn after_rank(s: &Sentence, k: usize) -> usize {
    (k..s.tokens.len().min(k + 4))
        .take_while(|&j| s.word_at(j).chars().next().is_some_and(char::is_uppercase))
        .find(|&j| s.classes(&s.tokens[j]).has(WordClass::Honorific))
        .map_or(k, |j| j + 1)
}

/// May the given names at `start..end` before a known surname be another
/// person of the family? Not in a headline, where every word is
/// capitalised; one word that opens the sentence may be a noun
/// ("Kunjungan Lavrov", "Kantor Patrushev"): only two given names there
/// make a person ("Malia Ann Obama"); and no word the document also
/// writes in lower case.
fn may_be_family(
    text: &str,
    a: &Analysis,
    start: usize,
    end: usize,
    lowercase: &mut LowerCaseWords,
) -> bool {
    let sentence = a.sentences.get(sentence_at(a, start));
    let opens =
        sentence.is_some_and(|r| !text[r.start..start].contains(|c: char| c.is_alphanumeric()));
    let headline = sentence.is_some_and(|r| is_headline(&text[r.clone()]));
    let given = text[start..end].split_whitespace().count();
    !headline && (given >= 2 || !opens) && !lowercase.common(start, end)
}

/// A headline: four words or more, three in four of them capitalised.
pub(super) fn is_headline(sentence: &str) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
    {
        words += 1;
        caps += usize::from(is_cap(w));
    }
    words >= 4 && caps * 4 >= words * 3
}
