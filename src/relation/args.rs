//! The argument search: who is the subject and who the object of a cue,
//! without a parser (the nearest group to the left within the clause,
//! through prepositions, and so on), and what else a rule asks about a
//! cue (negation, intention, reciprocity, who speaks).

use crate::analysis::Analysis;
use crate::lang::morph::{self, Pos};
use crate::lang::profile;
use crate::relation::reach::Reach;
use crate::relation::sentence::{Kind, Left, Sent, is_actor};
use crate::schema::{Lang, PlaceObject, Relation, WordClass};

impl<'a> Sent<'a> {
    /// The nearest group before element `i` that can act (not a place or a
    /// descriptor), within the clause and the quote.
    pub(crate) fn nearest_actor_before(&self, i: usize) -> Option<usize> {
        (i.saturating_sub(Reach::NEAREST_ACTOR)..i)
            .rev()
            .take_while(|&k| self.quote(k) == self.quote(i) && !self.is_boundary(k))
            .find_map(|k| {
                self.group_at(k)
                    .filter(|&g| !self.is_descriptor(g) && !self.is_place(g))
            })
    }

    /// For a group after "of" ("sides of … Cyprus"), the actor group of
    /// the head noun before "of", with only plain words, modifiers,
    /// collectives and places with their own "of" between.
    pub(crate) fn head_before_of(&self, g: usize) -> Option<usize> {
        let mut k = self.group(g).first;
        let mut of_seen = false;
        for _ in 0..Reach::HEAD_BEFORE_OF {
            k = k.checked_sub(1)?;
            if let Some(h) = self.group_at(k) {
                if !of_seen {
                    return None;
                }
                if self.is_place(h) && self.has(self.group(h).last + 1, WordClass::PatientPrep) {
                    // "the island of Cyprus": look on.
                    k = self.group(h).first;
                    continue;
                }
                return (!self.is_descriptor(h)
                    || self.has(self.group(h).last + 1, WordClass::Collective)
                    || self.has(self.group(h).last + 1, WordClass::Coord))
                .then_some(h);
            }
            if self.has(k, WordClass::PatientPrep) && self.is_word_of(k, WordClass::HeadOf) {
                of_seen = true;
                continue;
            }
            let plain = matches!(self.kind(k), Kind::Other);
            if !(plain || self.is_modifier(k) || self.has(k, WordClass::Collective)) {
                return None;
            }
        }
        None
    }

    /// The subject candidate before element `i`, in the same clause.
    pub(crate) fn left(&self, i: usize) -> Left {
        let mut commas = 0;
        let mut j = i;
        while j > 0 && i - j < Reach::LEFT {
            j -= 1;
            if self.quote(j) != self.quote(i) {
                return Left::None;
            }
            if self.quote(i) != 0 && j > 0 && self.quote(j - 1) != self.quote(i) {
                // The cue's quote opens at `j`, a few words before it, with
                // no entity between: the group right before the quote is
                // whose words they are and the subject ("Putin “sangat
                // mendukung …", "Biden \"strongly supports …").
                return match self.group_at(j - 1) {
                    Some(g)
                        if i - j <= Reach::QUOTE_OPEN_BEFORE
                            && (j + 1..i).all(|k| !matches!(self.kind(k), Kind::Ent(_))) =>
                    {
                        Left::Group(g)
                    }
                    _ => Left::None,
                };
            }
            if let Some(g) = self.group_at(j) {
                if self.after_prep(g) || self.is_descriptor(g) {
                    j = self.group(g).first;
                    continue;
                }
                // "The Turkish and Greek sides of the island of Cyprus
                // agreed": after "of", the actor is the head before it when
                // the head has one ("The leaders of China and Russia" has
                // none).
                if let Some(head) = self.head_before_of(g) {
                    return Left::Group(head);
                }
                // "Badan Kehormatan Dewan Perwakilan Rakyat meminta …": the
                // organ acts, not the body it belongs to.
                return Left::Group(self.organ_before(g).unwrap_or(g));
            }
            if self.judged_from_afar(i, j) {
                return Left::None;
            }
            let c = self.classes(j);
            if c.has(WordClass::Pronoun) {
                return Left::Pronoun(j);
            }
            if c.has(WordClass::Comp) {
                return Left::Comp(j);
            }
            if c.has(WordClass::Then) {
                return Left::Then(j);
            }
            if c.has(WordClass::Clause) {
                // "Karen Donfried, yang mengunjungi Moskow": the head
                // before a relative pronoun is its subject (also through
                // an adverb: "yang kemudian bertemu").
                let j = if self.relative_adverb(j) { j - 1 } else { j };
                let mut k = j;
                if k > 0 && self.is_punct(k - 1, ',') {
                    k -= 1;
                }
                if self.is_relative_pronoun(j) {
                    return match k.checked_sub(1).and_then(|x| self.group_at(x)) {
                        Some(g) => Left::Group(g),
                        None => Left::None,
                    };
                }
                return Left::None;
            }
            if self.is_boundary(j) {
                return Left::None;
            }
            if self.is_punct(j, ',') {
                if let Some(g) = self.subject_before_comma(i, j) {
                    return Left::Group(g);
                }
                commas += 1;
                if commas > Reach::COMMAS {
                    return Left::None;
                }
            }
        }
        Left::None
    }

    /// Is element `j` a lower-case Indonesian word with the prefix of an
    /// active verb, me- ("memberikan", "menyerahkan"), plain or a light or
    /// undo verb?
    fn is_active_verb(&self, j: usize) -> bool {
        let w = self.word(j);
        self.lang() == Lang::Id && self.is_infinitive_verb(j) && w.len() > 5 && w.starts_with("me")
    }

    /// For [`left`](Self::left) from the cue at `i`: is element `j` a
    /// judging verb whose object or prepositional phrase stands between
    /// them? "memperingatkan para pejabat tentang konsekuensi mendukung
    /// …": an act after the object (people) or in a prepositional phrase
    /// of a judging verb, with no group between, has no subject we know
    /// (but "menolak mengecam", "threatened to cut off", "threatened on
    /// Monday to resume": its direct complement, or an act after "to", is
    /// its subject's act).
    fn judged_from_afar(&self, i: usize, j: usize) -> bool {
        matches!(self.kind(j), Kind::Cue(q)
            if self.pos(q) == Pos::Verb && self.cue(q).relation.judges())
            && (j + 1..i).all(|k| {
                !matches!(self.kind(k), Kind::Ent(_)) && !self.has(k, WordClass::Infinitive)
            })
            && (j + 1..i).any(|k| {
                let c = self.classes(k);
                ((c.has(WordClass::PrepObj)
                    || c.has(WordClass::PlacePrep)
                    || c.has(WordClass::Agent))
                    && !c.has(WordClass::Infinitive))
                    || c.has(WordClass::Collective)
            })
    }

    /// For [`left`](Self::left) from the cue at `i`, at a comma at `j`: the
    /// group before an apposition, relative clause or aside that ends with
    /// that comma, which is the subject.
    fn subject_before_comma(&self, i: usize, j: usize) -> Option<usize> {
        // A person's apposition or a relative clause right before
        // the predicate: "Sergei Lavrov, the foreign minister of
        // Russia, met …", "Putin, who met Xi, criticized …": the
        // group before it is the subject.
        if i - j <= Reach::COMMA_BEFORE
            && (j + 1..i).all(|k| self.group_at(k).is_none() && !self.is_boundary(k))
            && let Some(p) = (j.saturating_sub(Reach::APPOSITION_COMMA)..j)
                .rev()
                .find(|&p| self.is_punct(p, ','))
            && p > 0
            && let Some(g) = self.group_at(p - 1)
            && !self.after_prep(g)
            && !self.is_descriptor(g)
            && ((self.is_person(g) && self.is_apposition(p + 1..j)) || self.is_relative(p + 1..j))
        {
            return Some(g);
        }
        // An aside between two commas right before the predicate:
        // "Putin, sementara itu, menuntut …", "China, however,
        // rejected …", "Rusia, kata Lavrov, mendukung …"; the group
        // before it is the subject.
        if i - j <= Reach::COMMA_BEFORE
            && (j + 1..i).all(|k| self.group_at(k).is_none() && !self.is_boundary(k))
            && let Some(p) = (j.saturating_sub(Reach::ASIDE_COMMA)..j.saturating_sub(1))
                .rev()
                .find(|&p| self.is_punct(p, ','))
            && p > 0
            && self.is_aside(p + 1..j)
            && let Some(g) = self.group_at(p - 1)
            && !self.after_prep(g)
            && !self.is_descriptor(g)
        {
            return Some(g);
        }
        None
    }

    /// The subject of a cue at `i`: the nearest group before it; through a
    /// pronoun or "bahwa" to the subject of the reporting or denying verb.
    /// Returns the group and whether a denial negates the cue.
    pub(crate) fn subject(&self, i: usize) -> Option<(usize, bool)> {
        if let Some(g) = self.permitted(i).or_else(|| self.manner_clause_subject(i)) {
            return Some((g, false));
        }
        self.subject_nearby(i).or_else(|| {
            // "menyelaraskan kebijakan mereka untuk melawan dominasi AS",
            // "sent troops to attack Iraq": a verb after an infinitive
            // marker with no subject of its own completes its clause, and
            // takes that clause's subject.
            (i > 0 && self.has(i - 1, WordClass::Infinitive))
                .then(|| self.clause_subject(i - 1))
                .flatten()
                .map(|g| (g, false))
                .or_else(|| self.fronted_clause_subject(i).map(|g| (g, false)))
                .or_else(|| self.trailing_clause_subject(i).map(|g| (g, false)))
        })
    }

    /// The party a sentence is attributed to by its opening ("Menurut X,",
    /// "According to X,"), when the pronoun at `p` follows that opening's
    /// comma (through a few plain words: "Menurut X, selama ini dia …").
    fn attributed_to(&self, p: usize) -> Option<usize> {
        let mut k = p;
        while k > 0 && p - k < Reach::ATTRIBUTED_WORDS && matches!(self.kind(k - 1), Kind::Other) {
            k -= 1;
        }
        if k < 3 || !self.is_punct(k - 1, ',') {
            return None;
        }
        let g = self.group_at(k - 2)?;
        let f = self.group(g).first;
        (f == 1 && self.group(g).last == k - 2 && self.has(0, WordClass::Speech)).then_some(g)
    }

    /// "AS dan Inggris mencoba menumbangkan Mugabe dengan membiayai MDC":
    /// an Indonesian active verb cue at `i` right after "dengan" (by
    /// doing) is the manner of the clause before it, and takes that
    /// clause's subject.
    fn manner_clause_subject(&self, i: usize) -> Option<usize> {
        if i < 2
            || !matches!(self.kind(i), Kind::Cue(q) if self.pos(q) == Pos::Verb)
            || !self.has(i - 1, WordClass::PrepObj)
            || !self.word(i - 1).eq_ignore_ascii_case("dengan")
            || self.lang() != Lang::Id
            || !self.word(i).starts_with("me")
        {
            return None;
        }
        self.clause_subject(i - 1)
    }

    /// Is element `k` a subordinator of time (a `clause` word of
    /// [`WordClass::TimeClause`]; conditions, "jika", "if", and causes are
    /// none)?
    fn is_time_subordinator(&self, k: usize) -> bool {
        self.has(k, WordClass::Clause) && self.is_word_of(k, WordClass::TimeClause)
    }

    /// "Prabowo kembali ke Jakarta setelah bertemu Jokowi", "Xi returned
    /// to Beijing after meeting Putin": a verb cue at `i` right after a
    /// subordinator of time, with no subject of its own, takes the subject
    /// of the clause the subordinator ends.
    fn trailing_clause_subject(&self, i: usize) -> Option<usize> {
        if i < 2
            || !(matches!(self.kind(i), Kind::Cue(q) if self.pos(q) == Pos::Verb)
                || self.has(i, WordClass::LightVerb))
            || !self.is_time_subordinator(i - 1)
        {
            return None;
        }
        self.clause_subject(i - 1)
    }

    /// "Usai bertemu Jokowi di Istana, Prabowo mengatakan …", "After
    /// meeting Putin, Xi said …", "Dengan mengusung X sebagai calon, Partai
    /// Y …": a verb cue at `i` right after a subordinator of time that
    /// opens the sentence (or "dengan") has no subject of its own; it is
    /// the subject of the main clause, the group right after the comma that
    /// closes the opening clause (through an article).
    fn fronted_clause_subject(&self, i: usize) -> Option<usize> {
        if i == 0
            || !matches!(self.kind(i), Kind::Cue(q) if self.pos(q) == Pos::Verb)
            || !(self.is_time_subordinator(i - 1)
                || (i == 1 && self.has(0, WordClass::PrepObj) && self.lang() == Lang::Id))
            || !(0..i - 1).all(|k| matches!(self.kind(k), Kind::Other | Kind::Punct(_)))
            || (0..i - 1).any(|k| self.is_boundary(k))
        {
            return None;
        }
        let n = self.len();
        let mut j = i + 1;
        while j < n && j - i < Reach::FRONTED_CLAUSE {
            if self.quote(j) != self.quote(i) || self.is_boundary(j) {
                return None;
            }
            match self.kind(j) {
                Kind::Punct(',') => {
                    let at = if self.is_article(j + 1) { j + 2 } else { j + 1 };
                    return self.group_at(at).filter(|&g| self.group(g).first == at);
                }
                // Another verb: the opening clause goes on past the cue's
                // own ("Setelah bertemu X dan mengecam Y, …" is left out).
                Kind::Cue(q) if self.pos(q) == Pos::Verb => return None,
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// "gave permission to Russia to help", "appealed to the UN to
    /// send": the group after a preposition that a wanting, asking or
    /// permitting word introduces, right before "to"/"untuk" and the cue
    /// at `i`, is who would act.
    pub(crate) fn permitted(&self, i: usize) -> Option<usize> {
        if i < 3 || !self.has(i - 1, WordClass::Infinitive) {
            return None;
        }
        let g = self.group_at(i - 2)?;
        let first = self.group(g).first;
        if self.group(g).last != i - 2 || first < 2 || !self.has(first - 1, WordClass::PrepObj) {
            return None;
        }
        (first.saturating_sub(Reach::PERMITTING_MODAL)..first - 1)
            .any(|k| self.has(k, WordClass::Modal))
            .then_some(g)
    }

    /// [`subject`](Self::subject) before the fallback to the clause's.
    pub(crate) fn subject_nearby(&self, i: usize) -> Option<(usize, bool)> {
        // "… menyambut baik X serta mendukung Y": a predicate joined by a
        // conjunction shares the subject of its clause.
        // "… tidak mengakui Israel dan tidak menjalin …": through negation.
        let mut c = i;
        while c > 0 && (self.has(c - 1, WordClass::Neg) || self.has(c - 1, WordClass::Irrealis)) {
            c -= 1;
        }
        if c > 0 && self.has(c - 1, WordClass::Coord) && self.group_at(c - 1).is_none() {
            if let Some(g) = self.clause_subject(c - 1) {
                return Some((g, false));
            }
        }
        let at = match self.left(i) {
            Left::Group(g) => return Some((g, false)),
            Left::None => return None,
            Left::Then(t) => return self.clause_subject(t).map(|g| (g, false)),
            Left::Pronoun(p) => {
                // Only a pronoun that a reporting clause explains:
                // "X mengatakan mereka …", "X membantah bahwa pihaknya …".
                if p > 0 && self.has(p - 1, WordClass::Speech) {
                    return match self.left(p - 1) {
                        Left::Group(g) => Some((g, false)),
                        _ => None,
                    };
                }
                // "Menurut X, pihaknya …", "According to X, he …": the
                // one the opening attributes the sentence to.
                if let Some(g) = self.attributed_to(p) {
                    return Some((g, false));
                }
                match self.left(p) {
                    Left::Comp(c) => c,
                    _ => return None,
                }
            }
            // "membantah bahwa akan menyerang": no subject of its own, so
            // the reporting verb's; but "that the European Community
            // partners refuse": a subject we do not know, so none.
            Left::Comp(c) => {
                let nouns = (c + 1..i)
                    .filter(|&k| matches!(self.kind(k), Kind::Other))
                    .count();
                if nouns > Reach::COMP_NOUNS {
                    return None;
                }
                c
            }
        };
        // `at` is a "bahwa"/"that": the predicate before it reports or
        // denies. Without such a verb it is a relative "that" ("a
        // resolution that …"), whose subject we do not know.
        let mut k = at;
        let mut verb = None;
        while k > 0 && at - k < Reach::REPORTING_VERB {
            k -= 1;
            if let Kind::Cue(q) = self.kind(k) {
                verb = Some(self.cue(q).relation.info().denies);
                break;
            }
            if self.has(k, WordClass::Speech) || self.has(k, WordClass::LightVerb) {
                verb = Some(false);
                break;
            }
            if self.group_at(k).is_some() || self.is_boundary(k) {
                break;
            }
        }
        let denial = verb?;
        match self.left(k) {
            Left::Group(g) => Some((g, denial)),
            _ => None,
        }
    }

    /// The subject of the clause that ends before element `i`: its first
    /// group that is not governed by a preposition; for a relative clause
    /// ("X, yang …"), the group before "yang".
    pub(crate) fn clause_subject(&self, i: usize) -> Option<usize> {
        let mut best = None;
        let mut j = i;
        while j > 0 && i - j < Reach::CLAUSE {
            j -= 1;
            if self.quote(j) != self.quote(i) || self.is_boundary(j) || self.has(j, WordClass::Comp)
            {
                // (The relative pronouns of the languages whose profile
                // reads them: Indonesian "yang", not English "who".)
                if self.has(j, WordClass::Clause)
                    && Lang::ALL.into_iter().any(|l| {
                        profile(l).relative_subject && self.is_word_of_in(j, WordClass::Relative, l)
                    })
                {
                    let k = if j > 0 && self.is_punct(j - 1, ',') {
                        j - 1
                    } else {
                        j
                    };
                    return k.checked_sub(1).and_then(|x| self.group_at(x)).or(best);
                }
                break;
            }
            if let Some(g) = self.group_at(j) {
                if !self.after_prep(g) && !self.is_descriptor(g) {
                    best = Some(g);
                }
                j = self.group(g).first;
            }
        }
        best
    }

    /// The object of a cue at `i`: the nearest group after it in the clause,
    /// through prepositions; a place after "di"/"in" only for attacks, and
    /// after "ke"/"to" only for attacks and visits.
    pub(crate) fn object(&self, i: usize, rel: Relation) -> Option<usize> {
        let noun = matches!(self.kind(i), Kind::Cue(q) if self.pos(q) == Pos::Noun)
            || matches!(self.kind(i), Kind::Ent(_));
        let mut j = i + 1;
        let mut place: Option<usize> = None;
        let n = self.len();
        // "agreed to lift the sanctions on Iran", "setuju untuk mencabut
        // sanksi": a verb cue before an infinitive names an act, and what
        // follows belongs to that act. But a threat is made to the one the
        // threatened act would hit ("threatened to break relations with
        // Russia", CAMEO 13).
        let info = rel.info();
        let threat = info.threatens;
        // Has "to"/"untuk"/"akan" opened the threatened act?
        let mut act = false;
        if self.has(j, WordClass::Infinitive) && self.is_infinitive_verb(j + 1) && !threat {
            return None;
        }
        // "menolak memberikan penjelasan kepada Ukraina": a refusal right
        // before an Indonesian active verb refuses that act; what follows
        // belongs to the act, not to the refusal.
        if rel == Relation::Reject && !noun && self.is_active_verb(j) {
            return None;
        }
        // "menghargai bahwa Putin …", "menuntut jaminan bahwa NATO …": the
        // subject of a clause right after the cue is its object (not for
        // denials: "membantah bahwa …" denies an act, not an entity).
        if !info.denies {
            let k = (j..(j + Reach::COMP_AFTER_CUE).min(n)).find(|&k| self.has(k, WordClass::Comp));
            if let Some(k) = k
                && (j..k).all(|x| self.is_plain_lower(x) || self.has(x, WordClass::Time))
            {
                j = k + 1;
            }
        }
        // "menerima Menlu Jepang", not "menerima keputusan MK": the
        // party right after the cue, through titles and honorifics.
        if !noun && self.is_word_of(i, WordClass::DirectVerb) {
            let mut k = j;
            while k < n
                && (matches!(self.kind(k), Kind::Title(_)) || self.has(k, WordClass::Honorific))
            {
                k += 1;
            }
            if k >= n || self.chunk_of(k).is_none() {
                return None;
            }
        }
        // "menggugat KPU ke Mahkamah Konstitusi", "melaporkan Budi ke
        // KPK": the party after "ke" is where the case is brought; the
        // target is the party right before it, and no other.
        let forum = if self.is_word_of(i, WordClass::ForumVerb) {
            self.forum_prep(i)
        } else {
            None
        };
        while j < n && j - i < Reach::OBJECT {
            if self.quote(j) != self.quote(i) && !matches!(self.kind(j), Kind::Punct(_)) {
                return None;
            }
            if let Some(g) = self.group_at(j) {
                // "mendesak agar Budi Gunawan tetap dilantik": who is to
                // undergo the act asked for is not asked.
                if rel == Relation::Demand && self.passive_after(self.group(g).last) {
                    return None;
                }
                if let Some(k) = forum
                    && self.group(g).last + 1 != k
                {
                    return None;
                }
                if self.stance(g) {
                    // "senilai 10 juta dolar AS kepada Myanmar": look on.
                    j = self.group(g).last + 1;
                    continue;
                }
                if let Some(p) = place {
                    // (A threatened act in a place threatens it: "threatened
                    // to resume attacks in Israel".)
                    let ok = match info.place_object {
                        PlaceObject::AfterAnyPlacePrep => true,
                        PlaceObject::AfterGoalPrep => self.is_word_of(p, WordClass::GoalPrep),
                        PlaceObject::None => false,
                    } || (threat && act && !noun);
                    if !ok {
                        j = self.group(g).last + 1;
                        place = None;
                        continue;
                    }
                }
                return self.object_group(g, rel);
            }
            // "menyangkal laporan pesawatnya memasuki wilayah Finlandia",
            // "membantah pihaknya mengalah kepada PPP": past an Indonesian
            // active verb a denial denies a clause, not a party in it.
            if info.denies && self.is_active_verb(j) {
                return None;
            }
            match self.kind(j) {
                Kind::Word(c) => {
                    if c.has(WordClass::Clause)
                        || c.has(WordClass::Comp)
                        || (c.has(WordClass::Relationship) && !threat)
                    {
                        return None;
                    }
                    act |= c.has(WordClass::Infinitive) || c.has(WordClass::Modal);
                    // "ancaman … dari AS": for a noun, "dari"/"from" brings
                    // its subject; after a verb it is the object's source
                    // ("rejected an offer from Kabul").
                    if noun && c.has(WordClass::Agent) && !c.has(WordClass::PrepObj) {
                        return None;
                    }
                    if c.has(WordClass::PlacePrep) && !c.has(WordClass::PrepObj) {
                        place = Some(j);
                    } else if c.has(WordClass::PrepObj) {
                        place = None;
                    }
                }
                // ("mengancam untuk memutuskan hubungan dengan Israel": once
                // "to"/"untuk"/"akan" opened the threatened act, its own
                // verbs do not end a threat's reach.)
                Kind::Cue(q) if self.pos(q) != Pos::Noun && !(threat && act) => return None,
                // "condemned the attack on Ukraine by Russia": who judges an
                // act judges its doer, named after the noun, not its target.
                Kind::Cue(q) if !noun && info.judges_doer => return self.doer_of(j, q),
                Kind::Punct(',') => return None,
                _ if self.is_boundary(j) => return None,
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// Does an Indonesian passive verb ("dilantik", "diperiksa") follow
    /// element `last`, through at most two plain words ("tetap",
    /// "segera")?
    fn passive_after(&self, last: usize) -> bool {
        if self.lang() != Lang::Id {
            return false;
        }
        (last + 1..(last + 4).min(self.len()))
            .take_while(|&k| matches!(self.kind(k), Kind::Other))
            .any(|k| {
                let w = self.word(k);
                w.len() > 5
                    && w.starts_with("di")
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !w.starts_with("diri")
            })
    }

    /// The "ke" after the forum verb at `i` that names where a case is
    /// brought: the first `goal_prep` word in the cue's clause with a group
    /// right after it.
    fn forum_prep(&self, i: usize) -> Option<usize> {
        (i + 1..(i + Reach::OBJECT).min(self.len()))
            .take_while(|&k| !self.is_boundary(k) && !self.is_punct(k, ','))
            .find(|&k| {
                self.is_word_of(k, WordClass::GoalPrep)
                    && self
                        .group_at(k + 1)
                        .is_some_and(|g| self.group(g).first == k + 1)
            })
    }

    /// The object that the group `g`, the first one [`object`](Self::object)
    /// reaches, gives a cue of relation `rel`: none for a described
    /// country or a descriptor of a place; the country after a place that
    /// stands for it; else `g`.
    fn object_group(&self, g: usize, rel: Relation) -> Option<usize> {
        // A described country ("Pemimpin Rusia") is no object; a
        // demonym modifier is the possessor ("rejected an Australian
        // ultimatum") unless it describes a place ("in the Thai
        // border area").
        let first = self.group(g).first;
        if self.is_described(g)
            || (self.is_descriptor(g)
                && ((first.saturating_sub(Reach::PLACE_PREP_BEFORE)..first).any(|k| {
                    self.has(k, WordClass::PlacePrep) && !self.has(k, WordClass::PrepObj)
                }) || self.has(self.group(g).last + 1, WordClass::PlaceNoun)))
        {
            return None;
        }
        // "mencaplok Krimea dari Ukraina", "attacked Kharkiv in
        // Ukraine", "mencaplok Krimea Ukraina": an attack on a place
        // is on the country named right after it.
        if rel.info().place_for_country && self.is_place(g) {
            let p = self.group(g).last + 1;
            let after = if self.has(p, WordClass::PlacePrep) || self.has(p, WordClass::Agent) {
                self.group_at(p + 1)
            } else {
                self.group_at(p)
            };
            if let Some(c) = after
                && !self.is_place(c)
            {
                return Some(c);
            }
        }
        Some(g)
    }

    /// "condemned the attack on Ukraine by Russia": who judges an act
    /// judges its doer, named after the noun cue `q` at `j` (its genitive
    /// or its agent), not its target.
    fn doer_of(&self, j: usize, q: u32) -> Option<usize> {
        let cue = self.cue(q);
        let genitive = if cue.ends_with_prep {
            None
        } else {
            self.group_at(j + 1).or_else(|| {
                // "the joint drills of Seoul and Washington".
                (cue.relation.is_symmetric() && self.has(j + 1, WordClass::PatientPrep))
                    .then(|| self.group_at(j + 2))
                    .flatten()
            })
        };
        genitive.or_else(|| self.agent_after(j, true))
    }

    /// "Cuba has been under an embargo", "Iran berada di bawah sanksi": the
    /// group before an `under` word right before the noun at `i` (through
    /// an article) is what the noun is imposed on.
    pub(crate) fn under_noun(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if self.is_article(k) {
            k = k.checked_sub(1)?;
        }
        if !self.has(k, WordClass::Under) {
            return None;
        }
        match self.left(k) {
            Left::Group(g) => Some(g),
            _ => None,
        }
    }

    /// The subject of a clause that a phrase with the noun at `i` and its
    /// object group `o` opens: at most three plain words, prepositions or
    /// articles before the noun, a comma right after the object, then the
    /// group (through an article).
    pub(crate) fn fronted_subject(&self, i: usize, o: usize) -> Option<usize> {
        let opener = |k: usize| match self.kind(k) {
            Kind::Other => true,
            Kind::Word(_) => self.is_article(k) || self.has(k, WordClass::PlacePrep),
            _ => false,
        };
        if i > Reach::FRONTED_OPENER || !(0..i).all(opener) {
            return None;
        }
        let comma = self.group(o).last + 1;
        if !self.is_punct(comma, ',') {
            return None;
        }
        let at = if self.is_article(comma + 1) {
            comma + 2
        } else {
            comma + 1
        };
        self.group_at(at)
    }

    /// "sanksi yang dijatuhkan Uni Eropa", "bantuan yang diberikan oleh
    /// Jepang": the agent of an Indonesian passive relative clause right
    /// after the noun at `i` (a di- verb, then the group, "oleh" allowed).
    pub(crate) fn relative_passive_agent(&self, i: usize) -> Option<usize> {
        if !profile(self.lang()).passive_relative
            || i + 3 >= self.len()
            || !self.is_relative_pronoun(i + 1)
            || !self.is_plain_lower(i + 2)
            || !morph::is_passive_form(self.word(i + 2))
        {
            return None;
        }
        let at = if self.has(i + 3, WordClass::Agent) {
            i + 4
        } else {
            i + 3
        };
        self.group_at(at)
    }

    /// The group after an agent word ("oleh", "by", "dari" for nouns)
    /// following element `i`, within the clause.
    pub(crate) fn agent_after(&self, i: usize, nouns: bool) -> Option<usize> {
        let n = self.len();
        let mut j = i + 1;
        while j < n && j - i < Reach::AGENT {
            if self.is_boundary(j) || self.is_punct(j, ',') {
                return None;
            }
            if let Kind::Cue(q) = self.kind(j)
                && self.pos(q) != Pos::Noun
            {
                return None;
            }
            if self.has(j, WordClass::Agent) {
                let strict = self.is_word_of(j, WordClass::PassiveAgent);
                // "by the European Union", "oleh pasukan Rusia": through one
                // modifier word.
                let g = self.group_at(j + 1).or_else(|| {
                    self.is_modifier(j + 1)
                        .then(|| self.group_at(j + 2))
                        .flatten()
                });
                if (strict || nouns)
                    && let Some(g) = g
                {
                    return Some(g);
                }
            }
            j += 1;
        }
        None
    }

    /// Is the cue at `i` negated (tidak, tak, agar tidak, not, never…)
    /// by a word between the subject and the cue?
    pub(crate) fn negated(&self, i: usize, subject_last: Option<usize>) -> bool {
        let mut from = subject_last.map_or(i.saturating_sub(Reach::NEGATION_NO_SUBJECT), |l| {
            (l + 1).max(i.saturating_sub(Reach::NEGATION))
        });
        // "tidak pulang sebelum bertemu X": a negation of the clause a
        // subordinator of time ends is not the cue's.
        if let Some(c) = (from..i).rev().find(|&k| self.is_time_subordinator(k)) {
            from = c + 1;
        }
        // "tidak mengakui Israel dan menjalin …": a negation before an
        // earlier predicate with its own object stays with that predicate.
        if let Some(c) = (from..i).rev().find(|&k| self.has(k, WordClass::Coord))
            && (from..c).any(|k| self.group_at(k).is_some())
        {
            from = c + 1;
        }
        (from..i).any(|k| {
            let c = self.classes(k);
            c.has(WordClass::Neg) || c.has(WordClass::Irrealis)
        }) || self.refused(i)
    }

    /// Is the cue at `i` the act a refusing or denying verb right before it
    /// is about ("menolak mengecam", "denied attacking", "membantah telah
    /// menyerang")? Only lower-case words may stand between.
    pub(crate) fn refused(&self, i: usize) -> bool {
        if !matches!(self.kind(i), Kind::Cue(q) if self.pos(q) == Pos::Verb) {
            return false;
        }
        for k in (i.saturating_sub(Reach::REFUSAL)..i).rev() {
            match self.kind(k) {
                Kind::Cue(q) => {
                    return self.cue(q).relation.info().denies && self.pos(q) == Pos::Verb;
                }
                _ if self.is_modifier(k) => {}
                _ => return false,
            }
        }
        false
    }

    /// An actor right before a noun cue, through at most two modifiers and
    /// a possessive: "Russia's invasion", "Israeli air raids", "US-led war".
    pub(crate) fn modifier_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        for _ in 0..Reach::MODIFIER_BEFORE {
            if k == 0 {
                return None;
            }
            k -= 1;
            if let Some(g) = self.group_at(k) {
                // (Inside a prepositional phrase too: "assistance to the
                // US-led war" is the US's war.)
                return (!self.is_described(g)).then_some(g);
            }
            let w = self.word(k);
            let glue = self.is_word_of(k, WordClass::PossessiveMark)
                || matches!(w, "-" | "'" | "’")
                || self.is_word_of(k, WordClass::ActorParticiple);
            if !(glue || self.is_modifier(k)) {
                return None;
            }
        }
        None
    }

    /// A light verb ("memberikan", "held") within a few words before a noun
    /// cue, with nothing but modifiers, determiners or negation between.
    pub(crate) fn light_verb_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let mut others = 0;
        let amount = |x: usize| {
            self.word(x)
                .starts_with(|c: char| c.is_ascii_digit() || c == '$')
        };
        for _ in 0..Reach::LIGHT_VERB {
            if k == 0 {
                return None;
            }
            k -= 1;
            if self.has(k, WordClass::LightVerb) {
                return Some(k);
            }
            // "kerja sama ekonomi dan kontak diplomatik": a noun joined to an
            // earlier event noun shares its verb.
            if self.has(k, WordClass::Coord) {
                continue;
            }
            // "pledged $500 million in aid", "5 million dollars of aid": an
            // amount and its "in"/"of" right before the noun.
            if k + 1 == i
                && k >= 2
                && matches!(self.word(k), "in" | "of")
                && (amount(k - 1) || amount(k - 2))
            {
                continue;
            }
            if amount(k) {
                continue;
            }
            if let Kind::Cue(q) = self.kind(k) {
                if self.pos(q) == Pos::Noun {
                    continue;
                }
                // "sepakat memperpanjang kemitraan", "agreed to expand ties";
                // but what one condemns, rejects, threatens or demands is
                // not one's own act ("condemned the attack on", "rejected
                // the sanctions against", "threatened an attack on").
                return (!self.cue(q).relation.judges()).then_some(k);
            }
            if matches!(self.kind(k), Kind::Other) {
                others += 1;
            }
            let neutral = self.is_modifier(k)
                || self.glued_hyphen(k)
                || self.has(k, WordClass::Neg)
                || self.has(k, WordClass::Irrealis)
                || matches!(self.kind(k), Kind::Other);
            if !neutral
                || others > Reach::LIGHT_VERB_WORDS
                || self.group_at(k).is_some()
                || self.is_boundary(k)
                || self.is_punct(k, ',')
            {
                return None;
            }
        }
        None
    }

    /// Does a possessive mark the noun cue at `i` ("kunjungannya",
    /// "pertemuan virtualnya", "pertemuan mereka", "their meeting")?
    pub(crate) fn possessed(&self, i: usize) -> bool {
        // Any word of the element: "kunjungannya ke" is one cue.
        let nya = |k: usize| {
            k < self.len()
                && self
                    .word(k)
                    .split_whitespace()
                    .any(morph::has_possessive_suffix)
        };
        nya(i)
            || (self.is_modifier(i + 1) && nya(i + 1))
            || self.has(i + 1, WordClass::Pronoun)
            || (i > 0 && (self.has(i - 1, WordClass::Pronoun) || self.is_possessive(i - 1)))
    }

    /// Is the cue at `i` only intended, wanted or asked for: a modal word
    /// between the subject (elements `subject_first..=subject_last`) and the
    /// cue, or a subject that is itself the one asked, urged or wanted to
    /// act ("urged the European Community to support", "demanded that the
    /// US cancel", "wants Putin to attack", "mendesak AS agar")?
    pub(crate) fn intended(&self, i: usize, subject_first: usize, subject_last: usize) -> bool {
        let wants = |k: usize| {
            self.has(k, WordClass::Modal)
                || matches!(self.kind(k), Kind::Cue(q)
                    if self.cue(q).relation.info().wants)
        };
        if subject_last < i {
            // Up to three elements before the subject, through plain
            // lower-case words ("the", "its"); a capitalised word is no
            // modal ("In May Russia …").
            for k in (subject_first.saturating_sub(Reach::WANT_BEFORE_SUBJECT)..subject_first).rev()
            {
                let lower = self.word(k).chars().next().is_some_and(char::is_lowercase);
                if lower && wants(k) {
                    return true;
                }
                // "permission to Russia to help": through the preposition.
                let prep = k + 1 == subject_first && self.has(k, WordClass::PrepObj);
                if !self.is_plain_lower(k) && !prep {
                    break;
                }
            }
        }
        let from = if subject_last < i {
            subject_last + 1
        } else {
            i.saturating_sub(Reach::WANT_NO_SUBJECT)
        };
        // A modal word, or a threat or demand whose content this is
        // ("threatened to launch an offensive", "mendesak … agar menarik").
        // (Not the second half of a hyphenated modifier: "its
        // long-threatened invasion" happens.)
        (from.max(i.saturating_sub(Reach::WANT))..i)
            .any(|k| wants(k) && !(k > 0 && self.glued_hyphen(k - 1)))
    }

    /// The nearest "undo" verb in the six elements before the cue at `i`
    /// ("menghentikan bantuan", "lifted the sanctions"), in its clause: it
    /// stops the cue ("menarik pasukannya sebelum menyerang" does not).
    pub(crate) fn undo_word(&self, i: usize) -> Option<usize> {
        (i.saturating_sub(Reach::UNDO)..i)
            .rev()
            .take_while(|&k| !self.is_time_subordinator(k))
            .find(|&k| self.has(k, WordClass::Undo))
    }

    /// "saling mendukung", "membela kepentingan satu sama lain": a
    /// reciprocal word right before the cue or after it in the same phrase.
    pub(crate) fn reciprocal(&self, i: usize) -> bool {
        if i > 0 && self.has(i - 1, WordClass::Reciprocal) {
            return true;
        }
        // Through a light verb: "saling memberikan dukungan", "each other
        // gave support" is rare, but "saling" + light verb is common.
        if i > 1 && self.has(i - 1, WordClass::LightVerb) && self.has(i - 2, WordClass::Reciprocal)
        {
            return true;
        }
        for k in i + 1..(i + Reach::RECIPROCAL_AFTER).min(self.len()) {
            if self.has(k, WordClass::Reciprocal) {
                return true;
            }
            if self.is_boundary(k)
                || self.is_punct(k, ',')
                || self.has(k, WordClass::Coord)
                || matches!(self.kind(k), Kind::Cue(_) | Kind::Ent(_))
            {
                return false;
            }
        }
        false
    }

    /// Who is quoted when element `i` lies inside quotes: "…,” kata Xi" or
    /// "Wang berjanji: “…”".
    pub(crate) fn speaker(&self, a: &Analysis, i: usize) -> Option<u32> {
        let region = self.quote(i);
        if region == 0 {
            return None;
        }
        let n = self.len();
        let close = (i..n).find(|&k| self.quote(k) != region)?;
        // After the closing quote: [,] speech-word group.
        let mut k = close + 1;
        while k < n && (self.is_punct(k, ',') || self.is_punct(k, '”') || self.is_punct(k, '"')) {
            k += 1;
        }
        if k < n
            && self.has(k, WordClass::Speech)
            && let Some(g) = self.group_at(k + 1)
        {
            return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
        }
        // English order: "…," Xi said / Putin told reporters.
        if let Some(g) = self.group_at(k)
            && self.has(self.group(g).last + 1, WordClass::Speech)
        {
            return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
        }
        // Before the opening quote: group [speech word | verb] [:] “
        let open = (0..i).rev().find(|&k| self.quote(k) != region)?;
        let mut k = open;
        for _ in 0..Reach::SPEAKER_BEFORE_QUOTE {
            if k == 0 {
                break;
            }
            k -= 1;
            if let Some(g) = self.group_at(k) {
                return self.heads(g).find(|&m| is_actor(&a.mentions[m as usize]));
            }
            if self.is_boundary(k) && !self.is_punct(k, ':') {
                break;
            }
        }
        None
    }
}
