//! The default data files of `gazetteers/`, compiled into the binary so
//! `kabar` works from any folder. Order matters: later files win.

/// (file name, content) of the default entity gazetteers. The knowledge
/// base generated from PETRARCH2's Phoenix dictionaries
/// (`scripts/build_kb.py`) comes first, so that every hand-curated file
/// after it wins where both name the same entity or alias.
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
