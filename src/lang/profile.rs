//! What differs between the languages besides their word lists: one row a
//! language, read by the stages instead of `Lang::Id`/`Lang::En` branches.
//! A new language is a row here, its morphology in [`super::morph`] and its
//! data files (see `DESIGN.md` §7).

use super::morph::{self, Pos};
use crate::schema::Lang;

/// The grammar switches and the morphology of one language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LangProfile {
    pub(crate) lang: Lang,
    /// The paradigm of a cue stem: Indonesian affixed forms ("dukung" →
    /// "mendukung", "didukung", "dukungan"), English inflections.
    pub(crate) stem_forms: fn(&str) -> Vec<(String, Pos)>,
    /// The use of a cue form given as written (its cue's stem second).
    pub(crate) pos_of: fn(&str, &str) -> Pos,
    /// A cue form that ends with a preposition takes the part of speech of
    /// its one head word ("war against" a noun, "attacked by" a verb).
    pub(crate) prep_head_decides_pos: bool,
    /// A verb-form cue after a determiner, a possessive 's or a verb cue is
    /// the event noun ("the attack on", "condemned attacks on").
    pub(crate) verbs_as_nouns: bool,
    /// A relative pronoun opens a clause whose subject is the group before
    /// it ("Karen Donfried, yang mengunjungi Moskow").
    pub(crate) relative_subject: bool,
    /// An event noun takes the agent of a passive relative clause after it
    /// ("sanksi yang dijatuhkan Uni Eropa").
    pub(crate) passive_relative: bool,
    /// A past participle cue right before a passive agent word is a passive
    /// ("Ukraine, supported by NATO, …").
    pub(crate) participle_passive: bool,
    /// An organisation's name found by pattern ends at a country ("Partai
    /// Komunis Jerman | Karl Liebknecht").
    pub(crate) country_ends_org_name: bool,
    /// An organisation's head word may close its name, which is then read
    /// backwards from it ("National Security Council").
    pub(crate) org_head_last: bool,
}

/// Every language's profile, in the order of [`Lang::ALL`].
pub(crate) const PROFILES: [LangProfile; 2] = [
    LangProfile {
        lang: Lang::Id,
        stem_forms: morph::indonesian_forms,
        pos_of: morph::indonesian_pos,
        prep_head_decides_pos: false,
        verbs_as_nouns: false,
        relative_subject: true,
        passive_relative: true,
        participle_passive: false,
        country_ends_org_name: true,
        org_head_last: false,
    },
    LangProfile {
        lang: Lang::En,
        stem_forms: morph::english_forms,
        pos_of: english_pos_of,
        prep_head_decides_pos: true,
        verbs_as_nouns: true,
        relative_subject: false,
        passive_relative: false,
        participle_passive: true,
        country_ends_org_name: false,
        org_head_last: true,
    },
];

// Each row sits at its language's index.
const _: () = {
    let mut i = 0;
    while i < PROFILES.len() {
        assert!(PROFILES[i].lang as usize == i);
        i += 1;
    }
    assert!(PROFILES.len() == Lang::ALL.len());
};

/// An English form's use depends on the form alone.
fn english_pos_of(form: &str, _cue: &str) -> Pos {
    morph::english_pos(form)
}

/// The profile of `lang`.
pub(crate) fn profile(lang: Lang) -> &'static LangProfile {
    &PROFILES[lang as usize]
}
