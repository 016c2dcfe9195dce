//! The shared vocabulary of every stage: entity types, alias kinds,
//! languages, relations, cue directions and forms, word classes, and the
//! tables of facts about relations and word classes.
//!
//! A leaf: this module imports nothing of the crate, so every other module
//! may use it and no import cycle can run through it.

use std::fmt;

use serde::Serialize;

/// The entity types of SPEC §1 (plus `LOCATION`, which evaluation ignores).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person (`PERSON`).
    Person,
    /// A country (`COUNTRY`); also a demonym, and a capital or seat of
    /// government that acts for its country.
    Country,
    /// An organisation: an international body, a party, a ministry, a
    /// company (`ORGANIZATION`).
    Organization,
    /// A place (`LOCATION`): a sea, a region, a city, or a capital named as
    /// a place.
    Location,
}

impl EntityType {
    /// Every type, in declaration order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Country,
        EntityType::Organization,
        EntityType::Location,
    ];

    /// The name written in the `type` column: `PERSON`, `COUNTRY`, ….
    ///
    /// ```
    /// assert_eq!(kabar::EntityType::Organization.as_str(), "ORGANIZATION");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Country => "COUNTRY",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
        }
    }

    /// The type of a `type` column value, `None` for anything else.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" => EntityType::Person,
            "COUNTRY" => EntityType::Country,
            "ORGANIZATION" => EntityType::Organization,
            "LOCATION" => EntityType::Location,
            _ => return None,
        })
    }
}

/// What a matched alias stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasKind {
    /// The entity's name or an alias.
    Name,
    /// A capital or seat of government of a country (Moskow, Kremlin).
    Seat,
    /// A demonym of a country (Chinese, Russian).
    Demonym,
}

/// Languages kabar reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian.
    Id,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order of their lexicons.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The ISO 639-1 code: `id`, `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language of an ISO 639-1 code.
    ///
    /// ```
    /// assert_eq!(kabar::Lang::parse("id"), Some(kabar::Lang::Id));
    /// assert_eq!(kabar::Lang::parse("fr"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

// Each language sits at its index (per-language arrays are indexed by it).
const _: () = {
    let mut i = 0;
    while i < Lang::ALL.len() {
        assert!(Lang::ALL[i] as usize == i);
        i += 1;
    }
};

/// The gap mark of a listed cue form: "fired … at" (see `README.md`).
pub const GAP: char = '…';

/// The `cameo` of a cue whose act has no code under its relation's root
/// ("protest": 114 or 14x; "invite": 036 or 04x): no code is written,
/// rather than the root's generic one.
pub const NO_CAMEO: &str = "-";

/// How a cue's forms are produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forms {
    /// Generate affixed (Indonesian) or inflected (English) forms.
    Stem,
    /// Only as written.
    Exact,
    /// These forms.
    List(Vec<String>),
}

/// Which entity around a cue is the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The entity before the cue acts on the one after it.
    Forward,
    /// Both act on each other (meet, cooperate).
    Symmetric,
    /// The entity after the cue acts on the one before it.
    Reverse,
}

/// One of SPEC §2's 14 relations, plus `co_occurs`. What each one is
/// (symmetric, an event, a judgement, its CAMEO root) is its row of
/// [`RELATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Relation {
    /// `meet` (symmetric), a meeting, visit or talks: "bertemu", "met",
    /// "held talks with".
    Meet,
    /// `cooperate` (symmetric), agreeing or working together: "sepakat",
    /// "kerja sama", "agreed", "cooperation".
    Cooperate,
    /// `support`, backing or defending: "mendukung", "membela", "support",
    /// "defend".
    Support,
    /// `praise`, praising or thanking: "memuji", "berterima kasih",
    /// "praised", "hailed".
    Praise,
    /// `criticize`, criticising or condemning: "mengecam", "kritik",
    /// "criticized", "condemn".
    Criticize,
    /// `reject`, rejecting, opposing or denying: "menolak", "bantah",
    /// "rejected", "oppose".
    Reject,
    /// `warn`, warning or threatening: "mengancam", "peringat", "warned",
    /// "threaten".
    Warn,
    /// `demand`, demanding or urging: "menuntut", "mendesak", "demanded",
    /// "urge".
    Demand,
    /// `sanction`, sanctions or a boycott: "sanksi", "boikot",
    /// "sanctioned", "boycott".
    Sanction,
    /// `attack`, an attack, invasion or annexation: "menyerang", "invasi",
    /// "attack", "invaded".
    Attack,
    /// `aid`, help given: "membantu", "bantuan kemanusiaan", "aid",
    /// "humanitarian aid".
    Aid,
    /// `leader_of`, a person heads a country or organisation; from a title
    /// (`titles-*.tsv`): "Presiden", "Prime Minister".
    LeaderOf,
    /// `official_of`, a person holds another office of it; from a title:
    /// "Menlu", "Foreign Minister".
    OfficialOf,
    /// `member_of`, a member of an organisation; from the function words
    /// of classes `member` and `join` (`words-*.tsv`): "anggota",
    /// "bergabung dengan", "member", "joined".
    MemberOf,
    /// Two entities in one sentence; written only on request, never scored.
    CoOccurs,
}

/// The facts about one relation, a row of [`RELATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationInfo {
    /// The relation the row is about.
    pub relation: Relation,
    /// The name in the `relation` column.
    pub name: &'static str,
    /// Compared unordered (SPEC §2, ↔): meet, cooperate, co_occurs.
    pub symmetric: bool,
    /// Signalled by an action cue (the 11 that are not structural).
    pub event: bool,
    /// A judgement of its object (criticize, praise, reject, warn, demand):
    /// a judging verb reaches its object through a preposition or a
    /// collective ("menilai … terhadap pemerintah Rusia").
    pub judges: bool,
    /// The generic CAMEO code of the relation's root (SPEC §2), written as
    /// the `cameo_code` when the cue gives nothing finer. `None` where SPEC
    /// names more than one root (cooperate: 03/05/06; attack: 18/19) and
    /// for structural relations: a code is never guessed.
    pub cameo_root: Option<&'static str>,
    /// Which places its cue takes as its object (see [`PlaceObject`]).
    pub(crate) place_object: PlaceObject,
    /// Its object may be a place, which stands for the country named
    /// right after it: "mencaplok Krimea dari Ukraina", "attacked Kharkiv
    /// in Ukraine", "mencaplok Krimea Ukraina" are attacks on Ukraine
    /// (attack).
    pub(crate) place_for_country: bool,
    /// A threat (warn): its object is the one the threatened act would
    /// hit, reached through "to"/"untuk"/"akan" and the act's own verbs
    /// ("threatened to break relations with Russia", CAMEO 13), past a
    /// relationship word, and in a place after any place preposition
    /// ("threatened to resume attacks in Israel").
    pub(crate) threatens: bool,
    /// A threat or demand (warn, demand): the act it is about is only
    /// intended ("threatened to launch an offensive", "mendesak … agar
    /// menarik").
    pub(crate) wants: bool,
    /// A denial (reject): what its verb says "bahwa"/"that" about is an act
    /// it denies, not its object ("membantah bahwa …"); through "bahwa" it
    /// negates the act reported; right before another verb cue it refuses
    /// that act ("menolak mengecam", "denied attacking").
    pub(crate) denies: bool,
    /// Judges an act (criticize, praise, reject): its verb judges the doer
    /// of an event noun after it, not its target ("condemned the attack on
    /// Ukraine by Russia").
    pub(crate) judges_doer: bool,
    /// What an undo verb before its cue does to it ([`Undone`]).
    pub(crate) undone: Undone,
}

/// Which places after a place preposition a relation's cue takes as its
/// object; other places are passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceObject {
    /// None.
    None,
    /// A place after any place preposition ("menyerang … di Kharkiv",
    /// attack).
    AfterAnyPlacePrep,
    /// A place after a preposition of direction ([`WordClass::GoalPrep`]:
    /// "ke", "to"; meet). A genitive event noun's object may follow any
    /// place preposition ("kunjungan Macron di Hanoi") when the relation
    /// takes places at all.
    AfterGoalPrep,
}

/// What an undo verb ("menghentikan", "lifted", "mengakhiri") right before
/// a relation's cue does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undone {
    /// It is negated ("lifted the sanctions", "cancelled a visit").
    Negated,
    /// It becomes this relation with this CAMEO code: halting aid is a
    /// sanction ("menghentikan bantuan", "halted aid": 162).
    Becomes(Relation, &'static str),
    /// A [`WordClass::Conclude`] verb ends one that took place, which is
    /// not negated ("mengakhiri kunjungannya", "concluded talks"); any
    /// other undo verb negates it.
    ConcludedTookPlace,
}

/// Every relation's facts, in SPEC order (the order of [`Relation`]).
pub const RELATIONS: [RelationInfo; 15] = {
    const fn row(
        relation: Relation,
        name: &'static str,
        symmetric: bool,
        event: bool,
        judges: bool,
        cameo_root: Option<&'static str>,
    ) -> RelationInfo {
        RelationInfo {
            relation,
            name,
            symmetric,
            event,
            judges,
            cameo_root,
            place_object: PlaceObject::None,
            place_for_country: false,
            threatens: false,
            wants: false,
            denies: false,
            judges_doer: false,
            undone: Undone::Negated,
        }
    }
    use Relation::*;
    [
        //  relation      name          symm   event  judges cameo root
        row(Meet, "meet", true, true, false, Some("040"))
            .place_object(PlaceObject::AfterGoalPrep)
            .undone(Undone::ConcludedTookPlace),
        row(Cooperate, "cooperate", true, true, false, None),
        row(Support, "support", false, true, false, Some("050")),
        row(Praise, "praise", false, true, true, Some("051")).judges_doer(),
        row(Criticize, "criticize", false, true, true, Some("111")).judges_doer(),
        row(Reject, "reject", false, true, true, Some("120"))
            .judges_doer()
            .denies(),
        row(Warn, "warn", false, true, true, Some("130"))
            .threatens()
            .wants(),
        row(Demand, "demand", false, true, true, Some("100")).wants(),
        row(Sanction, "sanction", false, true, false, Some("160")),
        row(Attack, "attack", false, true, false, None)
            .place_object(PlaceObject::AfterAnyPlacePrep)
            .place_for_country(),
        row(Aid, "aid", false, true, false, Some("070")).undone(Undone::Becomes(Sanction, "162")),
        row(LeaderOf, "leader_of", false, false, false, None),
        row(OfficialOf, "official_of", false, false, false, None),
        row(MemberOf, "member_of", false, false, false, None),
        row(CoOccurs, "co_occurs", true, false, false, None),
    ]
};

/// The columns of a [`RELATIONS`] row beyond the first six, set by name.
impl RelationInfo {
    const fn place_object(mut self, p: PlaceObject) -> Self {
        self.place_object = p;
        self
    }

    const fn place_for_country(mut self) -> Self {
        self.place_for_country = true;
        self
    }

    const fn threatens(mut self) -> Self {
        self.threatens = true;
        self
    }

    const fn wants(mut self) -> Self {
        self.wants = true;
        self
    }

    const fn denies(mut self) -> Self {
        self.denies = true;
        self
    }

    const fn judges_doer(mut self) -> Self {
        self.judges_doer = true;
        self
    }

    const fn undone(mut self, u: Undone) -> Self {
        self.undone = u;
        self
    }
}

// Each row sits at its relation's index.
const _: () = {
    let mut i = 0;
    while i < RELATIONS.len() {
        assert!(RELATIONS[i].relation as usize == i);
        i += 1;
    }
};

impl Relation {
    /// Every relation, in SPEC order.
    pub const ALL: [Relation; 15] = {
        let mut all = [Relation::Meet; 15];
        let mut i = 0;
        while i < RELATIONS.len() {
            all[i] = RELATIONS[i].relation;
            i += 1;
        }
        all
    };

    /// Its row of [`RELATIONS`].
    pub fn info(self) -> &'static RelationInfo {
        &RELATIONS[self as usize]
    }

    /// The name in the `relation` column.
    ///
    /// ```
    /// assert_eq!(kabar::Relation::LeaderOf.as_str(), "leader_of");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// The relation of a `relation` column value.
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Symmetric relations compare unordered (SPEC §2, ↔).
    pub fn is_symmetric(self) -> bool {
        self.info().symmetric
    }

    /// The 11 relations that an action cue signals.
    pub fn is_event(self) -> bool {
        self.info().event
    }

    /// A judgement of its object (see [`RelationInfo::judges`]).
    pub fn judges(self) -> bool {
        self.info().judges
    }

    /// The generic CAMEO code of the relation's root (see
    /// [`RelationInfo::cameo_root`]).
    pub fn cameo_root(self) -> Option<&'static str> {
        self.info().cameo_root
    }

    /// A CAMEO code as three digits: a root ("13") becomes its generic code
    /// ("130", "not specified below"); finer codes stay.
    ///
    /// ```
    /// use kabar::Relation;
    /// assert_eq!(Relation::cameo3("13"), "130");
    /// assert_eq!(Relation::cameo3("112"), "112");
    /// ```
    pub fn cameo3(code: &str) -> String {
        if code.len() == 2 {
            format!("{code}0")
        } else {
            code.to_owned()
        }
    }

    /// GDELT's QuadClass for a CAMEO code: 1 verbal cooperation (01–05),
    /// 2 material cooperation (06–09), 3 verbal conflict (10–14),
    /// 4 material conflict (15–20).
    ///
    /// ```
    /// assert_eq!(kabar::Relation::quad_class("112"), Some(3));
    /// ```
    pub fn quad_class(cameo: &str) -> Option<u8> {
        let root: u8 = cameo.get(..2)?.parse().ok()?;
        Some(match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            15..=20 => 4,
            _ => return None,
        })
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Classes of function words, the `class` column of `words-*.tsv`. What
/// each one means and the part it plays is its row of [`WORD_CLASSES`]
/// (and `gazetteers/README.md`, which a test keeps in step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// "tidak", "not": negates the relation that follows.
    Neg,
    /// "jika", "if": the clause is not asserted.
    Irrealis,
    /// "karena", "while": a clause boundary.
    Clause,
    /// "dengan", "with": its object is the relation's object.
    PrepObj,
    /// "oleh", "by": the agent of a passive.
    Agent,
    /// "di", "in": a place follows.
    PlacePrep,
    /// "kata", "said": a speech verb; its actor is the speaker.
    Speech,
    /// "dan", "and": joins two parties.
    Coord,
    /// "saling", "each other": both parties act on each other.
    Reciprocal,
    /// "pemerintah", "officials": people acting for the country or body before or after it.
    Collective,
    /// "bahwa", "that": a clause that reports or denies.
    Comp,
    /// "was", "were", "been": an English passive before a participle.
    PassiveAux,
    /// "anggota", "member": membership in an organisation.
    Member,
    /// "bergabung dengan", "joined": joining an organisation.
    Join,
    /// "mencakup", "termasuk", "including": a list follows.
    Include,
    /// "dia", "pihaknya", "he": a pronoun that takes the matrix subject.
    Pronoun,
    /// "hubungan", "relations": a relationship noun; praising or improving a relationship is not an act towards the entities in it.
    Relationship,
    /// "sehingga", "thereby": a result clause whose subject is the subject of the clause before.
    Then,
    /// Days, months and document numbers ("Nomor", "No."): they end a name found by pattern ("… Retno Marsudi Senin", "Departemen Sosial RI No. 25").
    Time,
    /// Head words of organisation names ("Kementerian …", "… Council").
    OrgHead,
    /// "Bapak", "Ibu", "Mr": before a name, not part of it.
    Honorific,
    /// "melakukan", "memberikan", "held", "launched": a verb whose object noun is the event ("held talks", "memberikan dukungan"); its subject is the event's subject.
    LightVerb,
    /// "menghentikan", "mencabut", "halted", "lifted": stops the relation that follows (halting aid is a sanction, CAMEO 162; lifting sanctions is no sanction).
    Undo,
    /// "akan", "ingin", "will", "wants", "threatened": the relation is intended, wanted or asked for, not (yet) done (`mode` = `intended`).
    Modal,
    /// "mantan", "former", "oposisi": the title that follows is not held (no leader_of / official_of).
    Former,
    /// "anti", "pro", "ethnic", "etnis": the country or demonym after it describes someone ("anti-Syria journalist", "ethnic Albanians") and does not act.
    Stance,
    /// "of": right after an event noun, what follows is what the event is done to ("invasion of X"), not its doer (no genitive subject).
    PatientPrep,
    /// "border", "waters", "territory": after a demonym, the pair is a place ("on the Thai border"), not the country acted on.
    PlaceNoun,
    /// "the", "a": an article between a place preposition and a seat of government ("at the Kremlin") keeps the seat a place. Used for that only: determiners are not sentence elements.
    Determiner,
    /// "dolar", "dollars": a currency named by a country ("dolar AS", "US dollars"); that country neither acts nor is acted on.
    Currency,
    /// "to", "untuk": before a plain lower-case word, an infinitive; a verb cue right before it names an act, not a party ("agreed to lift the sanctions on Iran": Iran is no party to the agreement).
    Infinitive,
    /// "mengakhiri", "concluded": an undo verb that ends an event which took place; a visit or talks that are ended were held (not negated).
    Conclude,
    /// "must", "harus": after a reported party ("Rusia mengatakan Sudan harus …", "said that China must …"), the reporter's demand on it.
    Obligation,
    /// "its", "their", "his": a possessive determiner. A verb-form cue after it is a noun ("its attack on"), owned by the nearest actor before it ("Russia … its war", "Trump called off his visit"). Not a sentence element, like articles.
    Possessive,
    /// "under", "di bawah": before an event noun, the group before it is what the event is imposed on ("Cuba has been under an embargo imposed by the United States").
    Under,
    /// "Desa", "Kabupaten", "Gunung", "Resimen": a capitalised name after it is a place or a unit ("Dusun Kleben", "Resimen Infanteri"), never a person, also right after a title ("Kepala Dusun Kleben").
    PlaceHead,
    /// "Utara", "Barat", "Pusat": after a capitalised word, the pair is a place ("Lampung Utara", "Jawa Barat"), never a person; after a title it is passed over ("Bupati Lampung Utara Mukhlis Basri").
    Compass,
    /// "bin", "al", "van", "de": a particle inside a person's name, between capitalised words ("Mohammed bin Salman"); read in any letter case and in texts of either language.
    NameParticle,
    /// "of", "for", "and", "dan", "untuk": joins the capitalised words of an organisation's name after a name word ("Kementerian Hukum dan HAM"), not before another head word; looking back from a head that ends the name, only the English ones ("Bank of America Corporation"). Matched as written, in texts of either language.
    NameJoiner,
    /// "of", "for": a `name_joiner` that may also stand right after the head word ("Ministry of Foreign Affairs").
    NamePrep,
    /// "and", "dan": a `name_joiner` that may also stand before an acronym, which then ends the name ("Kementerian Hukum dan HAM").
    NameCoord,
    /// "atau", "or": between an organisation's name and its acronym ("Partai Rakyat Maju Bersama atau PRMB"). One word, matched as written, in texts of either language.
    Alternative,
    /// "yang", "who", "which": a relative pronoun (also a `clause` word); the group before it is the subject of the clause it opens ("Karen Donfried, yang mengunjungi Moskow"). Looked up.
    Relative,
    /// "ke", "to": a place preposition of direction; a visit (`meet`) takes a place after it as its object. Looked up.
    GoalPrep,
    /// "oleh", "by": an `agent` word that marks the agent of a passive, not only a noun's subject ("dikritik oleh Polandia", "was criticized by Poland"). Looked up.
    PassiveAgent,
    /// "of": a `patient_prep` word between a head noun and the group it belongs to; the actor is the head before it ("the Turkish and Greek sides of Cyprus"). Looked up.
    HeadOf,
    /// "'s", "’s": a possessive clitic, matched as written ("'S" in capitals is not one): the actor before it owns the noun cue after it ("Russia's invasion"), and an English verb-form cue after it is a noun ("Albania's help"). Looked up.
    PossessiveMark,
    /// "led": passed over between an actor and a noun cue after it ("US-led war"), so the actor is the doer of the event. Looked up.
    ActorParticiple,
    /// "Dewan Pimpinan Pusat", "Dewan Pakar", "Bank Sentral", "Board of Directors": the generic name of an organ any organisation may have; found alone by pattern it is no organisation.
    GenericBody,
    /// "setelah", "sebelum", "after", "before": a `clause` word of time; a verb cue right after it with no subject of its own takes the subject of the main clause ("Usai bertemu Jokowi, Prabowo …", "Xi returned home after meeting Putin"). Looked up.
    TimeClause,
    /// "Universitas", "Akademi", "University", "Foundation": the first word of the name of a school, a university, an academy or a foundation, no part of a state even when its name holds a country's ("Universitas Indonesia"). Looked up.
    SchoolHead,
    /// "menilai", "menganggap", "considered", "described": a verb of judgement; a party after it judged with a `negative` word is criticised ("BK menilai Dahlan sudah menimbulkan kegaduhan").
    Evaluation,
    /// "kegaduhan", "gagal", "mistake", "tyranny": a word of negative judgement, read after a party an `evaluation` verb judges. Looked up.
    Negative,
    /// "menggugat", "melaporkan", "mengadukan": a verb of bringing a case; the party after "ke" is where it is brought (a court, the police, the KPK), not its target ("menggugat KPU ke MK"). Looked up.
    ForumVerb,
    /// "divisi", "bagian", "bidang", "division", "department": a lower-case noun of a unit of a body; between a title and the body the title heads the unit, and its holder is an official of the body ("kepala divisi vaksin WHO"). Looked up.
    UnitNoun,
    /// "adalah", "ialah": a copula; after a relative passive clause it names what the clause describes ("Calon yang diusung PDIP adalah Ganjar Pranowo"). Looked up.
    Copula,
    /// "menerima": a verb cue whose object is the party right after it (through titles); a noun between is another sense of the verb ("menerima keputusan MK" accepts a decision, hosts no one). Looked up.
    DirectVerb,
    /// "counterpart", "mitranya": before a person, with a country or demonym before it ("his Chinese counterpart Wang Yi"), it makes one phrase of them like a title, which states no office: the person's known office in that country gives the relation. Looked up.
    Counterpart,
    /// "memimpin", "heads", "leads": in a relative clause right after a person ("X, who heads the IAEA", "X yang memimpin Partai Y"), the person leads the body after it. Looked up.
    HeadVerb,
}

/// The part a word class plays in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassRole {
    /// Structures the clause (a preposition, negation, a clause word, a
    /// speech verb, …): wins over a cue or title of the same words, and is
    /// never a noun's modifier.
    Structural,
    /// Wins over a cue or title of the same words, but may modify a noun
    /// ("saling", "was", "mencabut").
    Firm,
    /// Describes rather than structures (modal, light verb, collective, …):
    /// gives way to a cue or title of the same words.
    Soft,
    /// Looked up by the rules that use it, never a sentence element
    /// (articles, possessives, the words of places' names).
    LookedUp,
}

/// A row of [`WORD_CLASSES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClassInfo {
    /// The class the row is about.
    pub class: WordClass,
    /// The name in the `class` column.
    pub name: &'static str,
    /// The part its words play in a sentence.
    pub role: ClassRole,
    /// A word of the class lets the relation rules read a sentence that has
    /// no cue and no title (collective, member, join, obligation).
    pub trigger: bool,
    /// What it holds and does, as `gazetteers/README.md` says.
    pub doc: &'static str,
}

/// Every word class, in the order of [`WordClass`].
pub const WORD_CLASSES: [WordClassInfo; 59] = [
    WordClassInfo {
        class: WordClass::Neg,
        name: "neg",
        role: ClassRole::Structural,
        trigger: false,
        doc: "tidak, not",
    },
    WordClassInfo {
        class: WordClass::Irrealis,
        name: "irrealis",
        role: ClassRole::Structural,
        trigger: false,
        doc: "agar tidak, jangan",
    },
    WordClassInfo {
        class: WordClass::Clause,
        name: "clause",
        role: ClassRole::Structural,
        trigger: false,
        doc: "yang, bahwa, which: a clause break",
    },
    WordClassInfo {
        class: WordClass::PrepObj,
        name: "prep_obj",
        role: ClassRole::Structural,
        trigger: false,
        doc: "dengan, terhadap, with, against: marks the object",
    },
    WordClassInfo {
        class: WordClass::Agent,
        name: "agent",
        role: ClassRole::Structural,
        trigger: false,
        doc: "oleh, by: marks a passive agent",
    },
    WordClassInfo {
        class: WordClass::PlacePrep,
        name: "place_prep",
        role: ClassRole::Structural,
        trigger: false,
        doc: "di, ke, dari, in, at: a seat after it is a place",
    },
    WordClassInfo {
        class: WordClass::Speech,
        name: "speech",
        role: ClassRole::Structural,
        trigger: false,
        doc: "kata, ujar, said: the speaker follows or precedes a quote",
    },
    WordClassInfo {
        class: WordClass::Coord,
        name: "coord",
        role: ClassRole::Structural,
        trigger: false,
        doc: "dan, serta, and",
    },
    WordClassInfo {
        class: WordClass::Reciprocal,
        name: "reciprocal",
        role: ClassRole::Firm,
        trigger: false,
        doc: "satu sama lain, saling, each other",
    },
    WordClassInfo {
        class: WordClass::Collective,
        name: "collective",
        role: ClassRole::Soft,
        trigger: true,
        doc: "para pejabat, officials: plural officials read as their country",
    },
    WordClassInfo {
        class: WordClass::Comp,
        name: "comp",
        role: ClassRole::Structural,
        trigger: false,
        doc: "bahwa, that: a reported or denied clause follows",
    },
    WordClassInfo {
        class: WordClass::PassiveAux,
        name: "passive_aux",
        role: ClassRole::Firm,
        trigger: false,
        doc: "was, were, been",
    },
    WordClassInfo {
        class: WordClass::Member,
        name: "member",
        role: ClassRole::Soft,
        trigger: true,
        doc: "anggota, member",
    },
    WordClassInfo {
        class: WordClass::Join,
        name: "join",
        role: ClassRole::Soft,
        trigger: true,
        doc: "bergabung dengan, joined",
    },
    WordClassInfo {
        class: WordClass::Include,
        name: "include",
        role: ClassRole::Soft,
        trigger: false,
        doc: "mencakup, termasuk, including",
    },
    WordClassInfo {
        class: WordClass::Pronoun,
        name: "pronoun",
        role: ClassRole::Structural,
        trigger: false,
        doc: "dia, ia, pihaknya, he, she: takes the subject of the clause that reports it",
    },
    WordClassInfo {
        class: WordClass::Relationship,
        name: "relationship",
        role: ClassRole::Soft,
        trigger: false,
        doc: "hubungan, relasi, relations, ties: praising or improving a relationship is not an act towards the entities in it",
    },
    WordClassInfo {
        class: WordClass::Then,
        name: "then",
        role: ClassRole::Structural,
        trigger: false,
        doc: "sehingga, thereby: a result clause whose subject is the subject of the clause before",
    },
    WordClassInfo {
        class: WordClass::Time,
        name: "time",
        role: ClassRole::Soft,
        trigger: false,
        doc: "days, months and document numbers, Nomor/No.: they end a name found by pattern, of a person or an organisation",
    },
    WordClassInfo {
        class: WordClass::OrgHead,
        name: "org_head",
        role: ClassRole::Soft,
        trigger: false,
        doc: "Kementerian, Dewan, Partai, Fraksi, Angkatan Laut, Ministry, Council, FC: head words of organisation names found by pattern; a head in capitals is an abbreviation, \"Bintang Timur FC\"",
    },
    WordClassInfo {
        class: WordClass::Honorific,
        name: "honorific",
        role: ClassRole::Soft,
        trigger: false,
        doc: "Bapak, Ibu, Mr, and military and police ranks, Jenderal, Irjen, AKBP: before a name, not part of it; after a title and its region the name starts after the rank, \"Kapolda Metro Jaya Irjen Fadil Imran\"",
    },
    WordClassInfo {
        class: WordClass::LightVerb,
        name: "light_verb",
        role: ClassRole::Soft,
        trigger: false,
        doc: "melakukan, memberikan, held, launched: a verb whose object noun is the event, so its subject is the event's subject",
    },
    WordClassInfo {
        class: WordClass::Undo,
        name: "undo",
        role: ClassRole::Firm,
        trigger: false,
        doc: "menghentikan, mencabut, halted, lifted: stops the relation that follows; halting aid is a sanction, CAMEO 162",
    },
    WordClassInfo {
        class: WordClass::Modal,
        name: "modal",
        role: ClassRole::Soft,
        trigger: false,
        doc: "akan, ingin, will, wants, threatened, allowed, mengizinkan: the relation is intended, asked for or permitted, not done; the triple is kept with `mode` = `intended`",
    },
    WordClassInfo {
        class: WordClass::Former,
        name: "former",
        role: ClassRole::Soft,
        trigger: false,
        doc: "mantan, former, oposisi: the title after it is not held, so no leader_of/official_of",
    },
    WordClassInfo {
        class: WordClass::Stance,
        name: "stance",
        role: ClassRole::Soft,
        trigger: false,
        doc: "anti, pro, ethnic, etnis: the country or demonym after it, with or without a hyphen, describes something else, neither acting nor acted on: \"anti-Syria journalist\", \"ethnic Albanians\"",
    },
    WordClassInfo {
        class: WordClass::PatientPrep,
        name: "patient_prep",
        role: ClassRole::Firm,
        trigger: false,
        doc: "of: after an event noun, what follows is what the event is done to, \"invasion of X\", not its doer",
    },
    WordClassInfo {
        class: WordClass::PlaceNoun,
        name: "place_noun",
        role: ClassRole::Soft,
        trigger: false,
        doc: "border, waters, territory: after a demonym the pair is a place, \"on the Thai border\", not the country acted on",
    },
    WordClassInfo {
        class: WordClass::Determiner,
        name: "determiner",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "the, a, an, this: passed over between a place preposition and a seat, \"at the Kremlin\" is a place; an English verb-form cue after it is a noun, \"the attack on\"",
    },
    WordClassInfo {
        class: WordClass::Currency,
        name: "currency",
        role: ClassRole::Soft,
        trigger: false,
        doc: "dolar, dollar(s): a country right before or after it names a currency, \"dolar AS\", \"US dollars\", and neither acts nor is acted on",
    },
    WordClassInfo {
        class: WordClass::Infinitive,
        name: "infinitive",
        role: ClassRole::Firm,
        trigger: false,
        doc: "to, untuk: before a plain lower-case word; a verb cue right before it names an act, not a party, so it takes no object: \"agreed to lift the sanctions on Iran\" is no agreement with Iran",
    },
    WordClassInfo {
        class: WordClass::Conclude,
        name: "conclude",
        role: ClassRole::Firm,
        trigger: false,
        doc: "mengakhiri, ended: an `undo` verb that ends an event which took place, so a visit or talks it ends were held and are not negated: \"mengakhiri kunjungannya ke Tiongkok\"",
    },
    WordClassInfo {
        class: WordClass::Obligation,
        name: "obligation",
        role: ClassRole::Soft,
        trigger: true,
        doc: "must, harus, wajib: right after a party that follows a reporting verb or \"that\"/\"bahwa\", the reporter's demand on that party, CAMEO 10: \"Russia said that Sudan must return …\"",
    },
    WordClassInfo {
        class: WordClass::Possessive,
        name: "possessive",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "its, their, his: like a determiner, and the noun cue after it is owned by the nearest actor before it, \"support to Russia for its war in Ukraine\" is Russia's war; also passed over in an apposition, \"X, its ambassador\"",
    },
    WordClassInfo {
        class: WordClass::Under,
        name: "under",
        role: ClassRole::Soft,
        trigger: false,
        doc: "under, di bawah: before an event noun, the group before it is what the event is imposed on, \"Cuba has been under an embargo imposed by the US\"",
    },
    WordClassInfo {
        class: WordClass::PlaceHead,
        name: "place_head",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "Desa, Dusun, Kabupaten, Gunung, Resimen: a capitalised name after it is a place or a unit, never a person, also right after a title: \"Kepala Dusun Kleben\" holds no person; a regional title in this class, Kapolda, Pangdam, Camat, takes the capitalised word after it as its region: \"Pangdam Bukit Barisan\" holds no person; a known person's name right after a place head that is no title, with a rank between or not, names the place: \"Jalan Kolonel Sugiono\", \"Bandara Soekarno\"",
    },
    WordClassInfo {
        class: WordClass::Compass,
        name: "compass",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "Utara, Barat, Timur, Pusat: after a capitalised word the pair is a place, \"Lampung Utara\", never a person; after a title the place is passed over, \"Bupati Lampung Utara Mukhlis Basri\"; first in a name it is a given name, \"Timur\"",
    },
    WordClassInfo {
        class: WordClass::NameParticle,
        name: "name_particle",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "bin, binti, al, ibn, van, von, de, da: a particle inside a person's name found by pattern, between its capitalised words, \"Mohammed bin Salman\"; in any letter case and in texts of either language",
    },
    WordClassInfo {
        class: WordClass::NameJoiner,
        name: "name_joiner",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "of, for, and, dan, untuk: joins the capitalised words of an organisation's name found by pattern after a name word, not before another head word, \"Partai A dan Partai B\" are two; looking back from a head that ends the name only the English ones join, \"Bank of America Corporation\"; matched as written, in texts of either language",
    },
    WordClassInfo {
        class: WordClass::NamePrep,
        name: "name_prep",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "of, for: a `name_joiner` that may also stand right after the head word, \"Ministry of Foreign Affairs\"",
    },
    WordClassInfo {
        class: WordClass::NameCoord,
        name: "name_coord",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "and, dan: a `name_joiner` that may also stand before an acronym, which then ends the name, \"Kementerian Hukum dan HAM\"",
    },
    WordClassInfo {
        class: WordClass::Alternative,
        name: "alternative",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "atau, or: between an organisation's name and its acronym, \"Partai Rakyat Maju Bersama atau PRMB\"; one word, matched as written, in texts of either language",
    },
    WordClassInfo {
        class: WordClass::Relative,
        name: "relative",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "yang, who, which: a relative pronoun, also a `clause` word; the group before it is the subject of the clause it opens, \"Karen Donfried, yang mengunjungi Moskow\"",
    },
    WordClassInfo {
        class: WordClass::GoalPrep,
        name: "goal_prep",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "ke, to: a preposition of direction; a visit, `meet`, takes a place after it as its object",
    },
    WordClassInfo {
        class: WordClass::PassiveAgent,
        name: "passive_agent",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "oleh, by: an `agent` word that marks the agent of a passive, not only the subject of an event noun, \"dikritik oleh Polandia\", \"was criticized by Poland\"",
    },
    WordClassInfo {
        class: WordClass::HeadOf,
        name: "head_of",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "of: a `patient_prep` word between a head noun and the group after it; the actor is the head before it, \"the Turkish and Greek sides of the island of Cyprus\"",
    },
    WordClassInfo {
        class: WordClass::PossessiveMark,
        name: "possessive_mark",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "'s, ’s, matched as written: a possessive clitic; the actor before it owns the noun cue after it, \"Russia's invasion\", and an English verb-form cue after it is a noun, \"Albania's help\"",
    },
    WordClassInfo {
        class: WordClass::ActorParticiple,
        name: "actor_participle",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "led: passed over between an actor and a noun cue after it, \"US-led war\", so the actor is the doer of the event",
    },
    WordClassInfo {
        class: WordClass::GenericBody,
        name: "generic_body",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "Dewan Pimpinan Pusat, Dewan Pakar, Bank Sentral, Board of Directors: the generic name of an organ any organisation may have (a party's central board, a company's directors); an organisation found by pattern with that name alone, or with its abbreviation in brackets, is dropped; a title before a body whose name as written begins with one heads that organ and is an official of the body, \"Ketua Pengurus Besar Nahdlatul Ulama\"",
    },
    WordClassInfo {
        class: WordClass::TimeClause,
        name: "time_clause",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "setelah, sebelum, after, before: a `clause` word of time; a verb cue right after it with no subject of its own takes the subject of the main clause, the group after the comma that ends a clause opening the sentence, \"Usai bertemu Jokowi, Prabowo …\", or that of the clause it ends, \"Xi returned home after meeting Putin\"; an undo word or negation before it is not the cue's",
    },
    WordClassInfo {
        class: WordClass::SchoolHead,
        name: "school_head",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "Universitas, Institut, Akademi, Yayasan, University, Academy, Foundation: a word among the first two of the name of a school, a university, an academy or a foundation, as written or as the gazetteer names it; an office in one is no office of the country its name holds, \"Pengamat Universitas Indonesia\" is no official of Indonesia",
    },
    WordClassInfo {
        class: WordClass::Evaluation,
        name: "evaluation",
        role: ClassRole::Soft,
        trigger: true,
        doc: "menilai, menganggap, memandang, considered, described: a verb of judgement; a party right after it (through a few lower-case words: \"kinerja Jokowi\") judged in the same clause with a `negative` word not negated is criticised by the subject, \"Badan Kehormatan menilai Dahlan Iskan sudah menimbulkan kegaduhan\", \"Rice described Zimbabwe as an outpost of tyranny\"",
    },
    WordClassInfo {
        class: WordClass::Negative,
        name: "negative",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "kegaduhan, kisruh, gagal, buruk, mistake, failure, tyranny: a word of negative judgement, read after a party that an `evaluation` verb judges",
    },
    WordClassInfo {
        class: WordClass::ForumVerb,
        name: "forum_verb",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "menggugat, melaporkan, mengadukan: a verb of bringing a case; the party after `ke` is where the case is brought (a court, the police, the KPK), not its target, and the target is the party right before `ke`: \"menggugat KPU ke Mahkamah Konstitusi\" criticises the KPU, \"melaporkan Budi ke KPK\" accuses Budi",
    },
    WordClassInfo {
        class: WordClass::UnitNoun,
        name: "unit_noun",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "divisi, bagian, bidang, seksi, division, department, unit: a noun, in any letter case, of a unit of a body; between a title and the body the title heads the unit, and its holder is an official of the body, \"kepala divisi vaksin WHO\", \"kepala bagian humas Pertamina\"; a name after a title that begins with one is the unit's, no person's, \"Deputi Komisioner OJK Bidang Edukasi\"",
    },
    WordClassInfo {
        class: WordClass::Copula,
        name: "copula",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "adalah, ialah: a copula; after a relative passive clause with its agent, the party after it is what the clause describes, the object of the passive cue: \"Calon yang diusung PDIP adalah Ganjar Pranowo\" is PDIP's support of Ganjar Pranowo",
    },
    WordClassInfo {
        class: WordClass::DirectVerb,
        name: "direct_verb",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "menerima: a verb cue whose object is the party right after it, through titles and honorifics (\"Presiden menerima Menlu Jepang\" hosts the minister); a noun between is another sense of the verb, \"menerima keputusan MK\" accepts a decision and hosts no one",
    },
    WordClassInfo {
        class: WordClass::Counterpart,
        name: "counterpart",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "counterpart, counterparts, mitranya, sejawatnya: before a person, with a country or demonym before it, it makes one phrase of them as a title does, \"his Chinese counterpart Wang Yi\", so the person is the party acted on; it states no office: the person's known office in that country gives `leader_of` or `official_of` (rule `title-role`)",
    },
    WordClassInfo {
        class: WordClass::HeadVerb,
        name: "head_verb",
        role: ClassRole::LookedUp,
        trigger: false,
        doc: "memimpin, mengetuai, heads, leads, chairs: in a relative clause right after a person, in place of a title, the person leads the country or body after it, \"Rafael Grossi, who heads the IAEA\", \"X yang memimpin Partai Y\" (`leader_of`, rule `apposition`)",
    },
];

// Each row sits at its class's index, and every class fits the bit set.
const _: () = {
    let mut i = 0;
    while i < WORD_CLASSES.len() {
        assert!(WORD_CLASSES[i].class as usize == i);
        i += 1;
    }
    assert!(WORD_CLASSES.len() <= 64);
};

impl WordClass {
    /// Its row of [`WORD_CLASSES`].
    pub fn info(self) -> &'static WordClassInfo {
        &WORD_CLASSES[self as usize]
    }

    /// An article, a possessive, or a word of a place's name: looked up by
    /// the rules that use it, never a sentence element or a function word.
    pub fn is_looked_up(self) -> bool {
        self.info().role == ClassRole::LookedUp
    }

    /// The class of a `class` column value.
    ///
    /// ```
    /// use kabar::schema::WordClass;
    /// assert_eq!(WordClass::parse("light_verb"), Some(WordClass::LightVerb));
    /// ```
    pub fn parse(s: &str) -> Option<WordClass> {
        WORD_CLASSES.iter().find(|c| c.name == s).map(|c| c.class)
    }
}

/// A set of [`WordClass`]es as bits: the classes of one word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Classes(u64);

/// The bits of the classes of one role, or (`role` = `None`) of the
/// trigger classes.
const fn mask(role: Option<ClassRole>) -> u64 {
    let mut m = 0;
    let mut i = 0;
    while i < WORD_CLASSES.len() {
        let c = &WORD_CLASSES[i];
        let picked = match role {
            Some(r) => c.role as u8 == r as u8,
            None => c.trigger,
        };
        if picked {
            m |= 1 << i;
        }
        i += 1;
    }
    m
}

const SOFT: u64 = mask(Some(ClassRole::Soft));
const STRUCTURAL: u64 = mask(Some(ClassRole::Structural));
const TRIGGER: u64 = mask(None);

impl Classes {
    fn bit(c: WordClass) -> u64 {
        1 << (c as u32)
    }

    /// Is `c` among them?
    pub fn has(self, c: WordClass) -> bool {
        self.0 & Self::bit(c) != 0
    }

    /// Adds `c`.
    pub fn insert(&mut self, c: WordClass) {
        self.0 |= Self::bit(c);
    }

    /// No class at all.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Only [`ClassRole::Soft`] classes: such a word gives way to a cue or
    /// title of the same words.
    pub fn is_soft(self) -> bool {
        self.0 != 0 && self.0 & !SOFT == 0
    }

    /// Some [`ClassRole::Structural`] class: no modifier of a noun.
    pub fn is_structural(self) -> bool {
        self.0 & STRUCTURAL != 0
    }

    /// Some class that lets the relation rules read a sentence without a
    /// cue or title ([`WordClassInfo::trigger`]).
    pub fn is_trigger(self) -> bool {
        self.0 & TRIGGER != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_quad_classes() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
        assert_eq!(Relation::quad_class("042"), Some(1));
        assert_eq!(Relation::quad_class("073"), Some(2));
        assert_eq!(Relation::quad_class("112"), Some(3));
        assert_eq!(Relation::quad_class("192"), Some(4));
        assert_eq!(Relation::quad_class(""), None);
        assert_eq!(Relation::cameo3("13"), "130");
        assert_eq!(Relation::cameo3("042"), "042");
        assert_eq!(Relation::Cooperate.cameo_root(), None);
        assert_eq!(Relation::Attack.cameo_root(), None);
        let symmetric: Vec<_> = Relation::ALL
            .into_iter()
            .filter(|r| r.is_symmetric())
            .collect();
        assert_eq!(
            symmetric,
            [Relation::Meet, Relation::Cooperate, Relation::CoOccurs]
        );
        assert_eq!(
            Relation::ALL.into_iter().filter(|r| r.is_event()).count(),
            11
        );
    }

    /// The relation facts the argument search reads, by relation.
    #[test]
    fn relation_facts() {
        let with = |f: fn(&RelationInfo) -> bool| -> Vec<Relation> {
            Relation::ALL.into_iter().filter(|r| f(r.info())).collect()
        };
        use Relation::*;
        assert_eq!(
            with(|r| r.place_object == PlaceObject::AfterAnyPlacePrep),
            [Attack]
        );
        assert_eq!(
            with(|r| r.place_object == PlaceObject::AfterGoalPrep),
            [Meet]
        );
        assert_eq!(with(|r| r.place_for_country), [Attack]);
        assert_eq!(with(|r| r.threatens), [Warn]);
        assert_eq!(with(|r| r.wants), [Warn, Demand]);
        assert_eq!(with(|r| r.denies), [Reject]);
        assert_eq!(with(|r| r.judges_doer), [Praise, Criticize, Reject]);
        assert_eq!(Aid.info().undone, Undone::Becomes(Sanction, "162"));
        assert_eq!(Meet.info().undone, Undone::ConcludedTookPlace);
        assert_eq!(with(|r| r.undone == Undone::Negated).len(), 13);
    }

    #[test]
    fn word_classes_round_trip_and_roles() {
        for c in WORD_CLASSES {
            assert_eq!(WordClass::parse(c.name), Some(c.class));
        }
        let mut c = Classes::default();
        assert!(!c.is_soft() && !c.is_structural() && !c.is_trigger());
        c.insert(WordClass::Modal);
        assert!(c.is_soft() && !c.is_structural());
        c.insert(WordClass::Undo);
        assert!(
            !c.is_soft() && !c.is_structural(),
            "a firm class is no soft one"
        );
        c.insert(WordClass::Then);
        assert!(c.is_structural());
        let mut t = Classes::default();
        t.insert(WordClass::Obligation);
        assert!(t.is_trigger() && t.is_soft());
    }

    /// `gazetteers/README.md` names every class, and its list of soft
    /// classes is the table's.
    #[test]
    fn the_readme_agrees_with_the_table() {
        let readme = include_str!("../gazetteers/README.md");
        for c in WORD_CLASSES {
            assert!(
                readme.contains(&format!("`{}` (", c.name)),
                "README lacks `{}`",
                c.name
            );
        }
        let soft_line = readme
            .split("A word of the soft classes (")
            .nth(1)
            .and_then(|s| s.split(')').next())
            .expect("README lists the soft classes");
        let mut listed: Vec<&str> = soft_line.split(", ").collect();
        let mut soft: Vec<&str> = WORD_CLASSES
            .iter()
            .filter(|c| c.role == ClassRole::Soft)
            .map(|c| c.name)
            .collect();
        listed.sort();
        soft.sort();
        assert_eq!(
            listed, soft,
            "README's soft classes differ from WORD_CLASSES"
        );
    }
}
