//! How far the relation stage's searches walk: every limit on a walk over
//! the elements of a sentence, by name, read by the sentence model
//! ([`super::sentence`]) and the argument search ([`super::args`]).

/// How far the searches walk: every limit on a walk over the elements of
/// a sentence, by name (counts of elements unless said otherwise). Each is
/// used as it always was, with the same comparison; a change of one moves
/// triples.
pub(crate) struct Reach;

impl Reach {
    // The sentence model.

    /// A bracketed date: its closing bracket comes before element
    /// `(` + this ("(12/5)").
    pub(crate) const BRACKETED_DATE: usize = 7;
    /// A title phrase: its person is at most this many elements after the
    /// title ("Presiden Rusia Vladimir Putin").
    pub(crate) const TITLE_TO_PERSON: usize = 12;
    /// Two chunks join into a group across at most this many elements
    /// (", kiri, dan"; the patterns of joins are at most four long).
    pub(crate) const JOIN: usize = 4;
    /// People a demonym describes ("U.S. border patrol agents") come
    /// before its last element + this.
    pub(crate) const PEOPLE_AFTER_DEMONYM: usize = 4;
    /// An aside between commas has at most this many plain words
    /// ("sementara itu", "however").
    /// Plain words passed over between the comma of an attributing
    /// opening ("Menurut X,") and a pronoun ("selama ini dia").
    pub(crate) const ATTRIBUTED_WORDS: usize = 3;
    pub(crate) const ASIDE: usize = 3;
    /// An apposition between commas has at most this many elements ("the
    /// foreign minister of Russia").
    pub(crate) const APPOSITION: usize = 8;
    /// A group is governed by a preposition at most this many elements
    /// before it, through modifiers and articles ("oleh pasukan Rusia").
    pub(crate) const PREP_BEFORE_GROUP: usize = 3;

    // Subjects.

    /// The subject search to the left walks at most this many elements
    /// (`Sent::left`).
    pub(crate) const LEFT: usize = 24;
    /// The opening quote mark before a quoted cue is at most this many
    /// elements before it ("Putin “sangat mendukung …").
    pub(crate) const QUOTE_OPEN_BEFORE: usize = 4;
    /// The comma that closes an apposition, relative clause or aside is
    /// at most this many elements before the cue.
    pub(crate) const COMMA_BEFORE: usize = 4;
    /// The comma that opens an apposition or relative clause is at most
    /// this many elements before the one that closes it.
    pub(crate) const APPOSITION_COMMA: usize = 13;
    /// The comma that opens an aside is at most this many elements before
    /// the one that closes it.
    pub(crate) const ASIDE_COMMA: usize = 4;
    /// The subject search to the left passes at most this many commas.
    pub(crate) const COMMAS: usize = 2;
    /// The modal word that permits or asks for an act is at most this many
    /// elements before the preposition of who would act ("gave permission
    /// to Russia to help").
    pub(crate) const PERMITTING_MODAL: usize = 4;
    /// The reporting or denying verb before "bahwa"/"that" is fewer than
    /// this many elements before it.
    pub(crate) const REPORTING_VERB: usize = 7;
    /// At most this many plain words between "bahwa"/"that" and a cue with
    /// no subject of its own (more: a subject we do not know).
    pub(crate) const COMP_NOUNS: usize = 1;
    /// The subject search of a clause walks fewer than this many elements
    /// back (`Sent::clause_subject`).
    pub(crate) const CLAUSE: usize = 30;
    /// The nearest actor before a possessive is at most this many elements
    /// back ("Russia … its war").
    pub(crate) const NEAREST_ACTOR: usize = 16;
    /// The head noun before "of" is at most this many elements back ("The
    /// Turkish and Greek sides of the island of Cyprus").
    pub(crate) const HEAD_BEFORE_OF: usize = 10;
    /// An actor before a noun cue, through modifiers and a possessive, is
    /// at most this many elements back ("Russia's invasion").
    pub(crate) const MODIFIER_BEFORE: usize = 3;
    /// A light verb before its event noun is at most this many elements
    /// back ("memberikan dukungan").
    pub(crate) const LIGHT_VERB: usize = 5;
    /// A verb of judgement reaches the party it judges within this many
    /// elements ("menilai kinerja Jokowi").
    pub(crate) const JUDGED: usize = 4;
    /// The negative word of a judgement is found within this many elements
    /// after the party judged.
    pub(crate) const NEGATIVE: usize = 10;
    /// At most this many plain words between a light verb and its noun.
    pub(crate) const LIGHT_VERB_WORDS: usize = 2;
    /// A noun that opens a sentence ("Dalam pertemuan dengan Jepang, …")
    /// has at most this many opening words before it.
    pub(crate) const FRONTED_OPENER: usize = 3;
    /// A verb clause that opens a sentence ("Usai bertemu Jokowi di
    /// Istana, Prabowo …") ends at a comma fewer than this many elements
    /// after its verb.
    pub(crate) const FRONTED_CLAUSE: usize = 14;

    // Objects and agents.

    /// The object search to the right walks fewer than this many elements
    /// (`Sent::object`).
    pub(crate) const OBJECT: usize = 16;
    /// "bahwa"/"that" right after a cue: within this many elements.
    pub(crate) const COMP_AFTER_CUE: usize = 2;
    /// A place preposition before a descriptor group is at most this many
    /// elements back ("in the Thai border area").
    pub(crate) const PLACE_PREP_BEFORE: usize = 3;
    /// The agent search to the right walks fewer than this many elements
    /// (`Sent::agent_after`).
    pub(crate) const AGENT: usize = 14;

    // What else a rule asks about a cue.

    /// A negation is at most this many elements before the cue when its
    /// subject is after it or unknown.
    pub(crate) const NEGATION_NO_SUBJECT: usize = 4;
    /// A negation is at most this many elements before the cue.
    pub(crate) const NEGATION: usize = 6;
    /// A refusing verb is at most this many elements before the act it
    /// refuses ("menolak mengecam").
    pub(crate) const REFUSAL: usize = 3;
    /// A modal word before the subject is at most this many elements
    /// before it ("urged the European Community to support").
    pub(crate) const WANT_BEFORE_SUBJECT: usize = 3;
    /// A modal word is at most this many elements before the cue when its
    /// subject is after it.
    pub(crate) const WANT_NO_SUBJECT: usize = 4;
    /// A modal word is at most this many elements before the cue.
    pub(crate) const WANT: usize = 6;
    /// An undo verb is at most this many elements before the cue
    /// ("menghentikan bantuan").
    pub(crate) const UNDO: usize = 6;
    /// A reciprocal word after the cue comes before element cue + this
    /// ("mendukung satu sama lain").
    pub(crate) const RECIPROCAL_AFTER: usize = 6;
    /// The speaker before an opening quote is at most this many elements
    /// before it ("Wang berjanji: “…”").
    pub(crate) const SPEAKER_BEFORE_QUOTE: usize = 4;

    // Titles and membership.

    /// A "former" word is at most this many elements before the title
    /// ("Mantan Presiden AS").
    pub(crate) const FORMER: usize = 2;
    /// A title noun and its lone person are at most this many elements
    /// apart, through brackets ("kepemimpinan (Vladimir) Putin").
    pub(crate) const TITLE_NOUN_TO_PERSON: usize = 3;
    /// An apposition after a person's comma is read before element
    /// comma + 1 + this ("Vladimir Putin, Presiden Rusia").
    pub(crate) const APPOSITION_AFTER: usize = 6;
    /// A membership or joining word's organisation starts before element
    /// word + this ("anggota SCO", "bergabung dengan BRICS").
    pub(crate) const MEMBER_ORG: usize = 3;
    /// The list of members after the organisation starts before element
    /// its end + 1 + this ("SCO mencakup India, Pakistan").
    pub(crate) const MEMBER_LIST: usize = 3;
    /// The member country before a membership word is at most this many
    /// elements back ("India, anggota SCO").
    pub(crate) const MEMBER_BEFORE: usize = 3;
    /// The member country before "a NATO member" is at most this many
    /// elements before the organisation ("Finland, a NATO member").
    pub(crate) const MEMBER_BEFORE_APPOSED: usize = 3;
}
