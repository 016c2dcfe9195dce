//! The default data files of `gazetteers/`, compiled into the binary so
//! `kabar` works from any folder. Order matters: later files win.

/// (file name, content) of the default entity gazetteers. The knowledge
/// base generated from PETRARCH2's Phoenix dictionaries
/// (`scripts/build_kb.py`) comes first, then the legislators of
/// EveryPolitician (`scripts/build_ep.py`, which leaves out anyone the
/// files around it name), so that every hand-curated file after them wins
/// where both name the same entity or alias.
pub const ENTITY_FILES: &[(&str, &str)] = &[
    (
        "kb-people.tsv",
        include_str!("../../gazetteers/kb-people.tsv"),
    ),
    (
        "kb-organizations.tsv",
        include_str!("../../gazetteers/kb-organizations.tsv"),
    ),
    (
        "ep-people.tsv",
        include_str!("../../gazetteers/ep-people.tsv"),
    ),
    (
        "countries.tsv",
        include_str!("../../gazetteers/countries.tsv"),
    ),
    (
        "state-bodies.tsv",
        include_str!("../../gazetteers/state-bodies.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    (
        "organizations-id.tsv",
        include_str!("../../gazetteers/organizations-id.tsv"),
    ),
    ("people.tsv", include_str!("../../gazetteers/people.tsv")),
    (
        "office-holders.tsv",
        include_str!("../../gazetteers/office-holders.tsv"),
    ),
    (
        "locations.tsv",
        include_str!("../../gazetteers/locations.tsv"),
    ),
];

/// Default entity files whose people's names are not words of "a known
/// person's name" for the name tagger (a feature of its model, and the
/// words a bare one-word name may stand for: `TaggerWords` in
/// `src/entities/tagger/`). The model (`models/tagger.crfsuite`) was
/// trained before `ep-people.tsv` existed: its 5,000 legislators' names
/// made the model tag more single words as people ("von Neumann" in
/// "arsitektur von Neumann"). Their names are still matched as listed; a
/// file leaves this list when the model is retrained with its names
/// (`scripts/train_tagger.py`, whose features come from the same code).
pub const NOT_TAGGER_NAME_WORDS: &[&str] = &["ep-people.tsv"];

/// The knowledge bases' files of people, built by scripts from open data
/// (thousands of people, most rarely in the news), as against the
/// hand-curated lists.
pub const KB_PEOPLE: &[&str] = &["kb-people.tsv", "ep-people.tsv"];

/// The paths under which the loader names the files of [`KB_PEOPLE`].
pub fn kb_person_paths() -> Vec<std::path::PathBuf> {
    default_paths(KB_PEOPLE)
}

/// The paths under which the loader names the files of
/// [`NOT_TAGGER_NAME_WORDS`] (`gazetteers/NAME`, as it names every default
/// file): the names listed in a file at one of them are no words of known
/// people's names for the name tagger.
pub fn not_tagger_name_word_paths() -> Vec<std::path::PathBuf> {
    default_paths(NOT_TAGGER_NAME_WORDS)
}

/// The paths under which the loader names default files (`gazetteers/NAME`).
fn default_paths(names: &[&str]) -> Vec<std::path::PathBuf> {
    names
        .iter()
        .map(|name| std::path::Path::new("gazetteers").join(name))
        .collect()
}

/// (file name, content) of the default lexicons and word lists.
pub const LEXICON_FILES: &[(&str, &str)] = &[
    ("cues-id.tsv", include_str!("../../gazetteers/cues-id.tsv")),
    ("cues-en.tsv", include_str!("../../gazetteers/cues-en.tsv")),
    (
        "titles-id.tsv",
        include_str!("../../gazetteers/titles-id.tsv"),
    ),
    (
        "titles-en.tsv",
        include_str!("../../gazetteers/titles-en.tsv"),
    ),
    (
        "words-id.tsv",
        include_str!("../../gazetteers/words-id.tsv"),
    ),
    (
        "words-en.tsv",
        include_str!("../../gazetteers/words-en.tsv"),
    ),
    (
        "state-body-kinds.tsv",
        include_str!("../../gazetteers/state-body-kinds.tsv"),
    ),
    (
        "boilerplate.tsv",
        include_str!("../../gazetteers/boilerplate.tsv"),
    ),
    (
        "abbreviations.txt",
        include_str!("../../gazetteers/abbreviations.txt"),
    ),
    (
        "stopwords-id.txt",
        include_str!("../../gazetteers/stopwords-id.txt"),
    ),
    (
        "stopwords-en.txt",
        include_str!("../../gazetteers/stopwords-en.txt"),
    ),
];
