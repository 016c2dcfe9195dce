//! Stage 3, the gazetteer: the data files of `gazetteers/` (entities, cue
//! lexicons, titles, function words, boilerplate, abbreviations, stop
//! words), loaded with `file:line` diagnostics, and the matcher that finds
//! entity mentions in text.
//!
//! The default files are compiled into the binary ([`defaults`]); user files
//! are added after them and win on conflicts.

mod bodies;
pub mod defaults;
mod keys;

pub use bodies::{BodyKind, StateBody};

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Location};
use crate::input::Boilerplate;
use crate::schema::{
    AliasKind, Direction, EntityType, Forms, GAP, Lang, NO_CAMEO, Relation, WordClass,
};
use crate::tokenize::Abbreviations;
use crate::tsv::{Diagnostic, Severity, Table, split_list, word_lines};

use crate::keymap::KeyMap;
use crate::phrase::{Case, fold_diacritics};
use keys::is_id_key_of;

/// A person's office: `leader_of:Russia;2000-2008,2012-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// `leader_of` or `official_of`.
    pub relation: Relation,
    /// The entity_id of the country or organisation.
    pub of: String,
    /// Terms in office; `None` as end = still in office. Empty = unknown.
    pub years: Vec<(u16, Option<u16>)>,
}

impl Role {
    /// Whether the office is held in `year`, the year of a document's
    /// date: a year inside one of its terms (an open end runs on), or a
    /// role with no years. With no date (`None`) every role counts, ended
    /// or not: an undated text may be from any year, and that is how kabar
    /// read roles before documents had dates.
    pub fn held_in(&self, year: Option<u16>) -> bool {
        let Some(y) = year else {
            return true;
        };
        self.years.is_empty()
            || self
                .years
                .iter()
                .any(|&(start, end)| start <= y && end.is_none_or(|e| y <= e))
    }
}

/// An entity of the gazetteer (or one found by pattern).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The `entity_id`: the English Wikipedia title, spaces as `_`
    /// (`Vladimir_Putin`); for an entity found by pattern, the name as
    /// written, spaces as `_`.
    pub id: String,
    /// The canonical name: the `name` column of the data file, or the
    /// name as written for an entity found by pattern.
    pub name: String,
    /// The entity's type. A mention of it may have another: a country's
    /// seat named as a place is a `LOCATION` mention.
    pub etype: EntityType,
    /// PERSON: the offices held, now or before (the `roles` column).
    pub roles: Vec<Role>,
    /// ORGANIZATION: member countries' ids.
    pub members: Vec<String>,
    /// The id was derived from the name, not checked against English
    /// Wikipedia (the `id_source` column: `derived`); an entity found by
    /// pattern has no gazetteer row and is `false`.
    pub id_derived: bool,
}

/// One surface form to match.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The surface form, as listed.
    pub text: String,
    /// Index into [`Gazetteer::entities`] of the entity it names.
    pub entity: u32,
    /// A name, a seat or a demonym.
    pub kind: AliasKind,
    /// How its letter case must match in the text.
    pub case: Case,
    /// The only language whose text it is matched in (`aliases_id`,
    /// `aliases_en`), or any.
    pub lang: Option<Lang>,
    /// The file and line that list it.
    pub location: Location,
}

/// A row of a cue lexicon.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The only language whose text it is looked for in (the `lang`
    /// column, else the file name: `cues-id.tsv`), or any.
    pub lang: Option<Lang>,
    /// The `cue` column: the word or phrase (`kecam`, `held talks with`);
    /// with `forms` = `stem`, the stem its forms are made from.
    pub cue: String,
    /// The event relation it signals.
    pub relation: Relation,
    /// The `cameo` column: a CAMEO code of 2 to 4 digits, [`NO_CAMEO`]
    /// when the act has no code, or empty (the relation's root code is
    /// then written).
    pub cameo: String,
    /// Which written forms of the cue are matched.
    pub forms: Forms,
    /// Which entity around the cue is its subject.
    pub direction: Direction,
    /// The file and line that list it.
    pub location: Location,
}

/// A role word before a name (`Presiden` → `leader_of`).
#[derive(Debug, Clone)]
pub struct Title {
    /// The only language whose text it is looked for in, or any.
    pub lang: Option<Lang>,
    /// The title as listed (`Presiden`, `Menlu`, `Foreign Minister`).
    pub title: String,
    /// `leader_of` or `official_of`: what a person with the title is of
    /// the country or organisation named with it.
    pub relation: Relation,
}

/// A function word: a row of `words-id.tsv` or `words-en.tsv`.
#[derive(Debug, Clone)]
pub struct Word {
    /// The only language whose text it is looked for in, or any.
    pub lang: Option<Lang>,
    /// The word or phrase, as listed (`tidak`, `bergabung dengan`).
    pub word: String,
    /// Its class (the `class` column).
    pub class: WordClass,
}

/// Everything loaded from the data files.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Every entity, in load order; an entity's index here is the `u32`
    /// of [`Alias::entity`] and [`EntityRef::Gazetteer`](crate::EntityRef::Gazetteer).
    pub entities: Vec<Entity>,
    /// Lower-cased, diacritic-free id → index into `entities`.
    index: KeyMap<u32>,
    /// In load order: later aliases win over earlier ones.
    pub aliases: Vec<Alias>,
    /// The rows of the cue lexicons, in load order.
    pub cues: Vec<Cue>,
    /// The titles, in load order.
    pub titles: Vec<Title>,
    /// The function words, in load order.
    pub words: Vec<Word>,
    /// The patterns of boilerplate lines (bylines, "Baca Juga", …).
    pub boilerplate: Boilerplate,
    /// Words after which a full stop does not end a sentence.
    pub abbreviations: Abbreviations,
    /// Stop words per language, lower case: they tell the language of a
    /// text and are never part of a name.
    pub stopwords: HashMap<Lang, Vec<String>>,
    /// The head phrases of the kinds of state bodies
    /// (`state-body-kinds.tsv`), in load order.
    pub body_kinds: Vec<BodyKind>,
    /// The state bodies of the entity files' `country` and `kind`
    /// columns, in load order (a later row of the same country and kind
    /// wins).
    pub state_bodies: Vec<StateBody>,
    /// The political parties among the organisations: a name or alias
    /// "Partai …", or a title with the word "Party" (a party's secretary-
    /// general is an officer, an international body's its head).
    pub parties: rustc_hash::FxHashSet<u32>,
    /// The companies and newspapers among the organisations (see
    /// [`is_company`](Self::is_company)), made on first use: few
    /// documents ask.
    companies: std::sync::OnceLock<rustc_hash::FxHashSet<u32>>,
}

/// The key under which ids compare (SPEC §4: case-insensitive, diacritics removed).
pub fn id_key(id: &str) -> String {
    let mut key = String::new();
    id_key_into(id, &mut key);
    key
}

/// [`id_key`] written into `out` (cleared first); an ASCII id is only
/// lower-cased (it has no diacritics to remove).
fn id_key_into(id: &str, out: &mut String) {
    out.clear();
    if id.is_ascii() {
        out.push_str(id);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&fold_diacritics(id).to_lowercase());
    }
}

impl Gazetteer {
    /// The default data files, compiled in.
    pub fn default_files() -> Gazetteer {
        let mut b = GazetteerBuilder::new();
        b.add_defaults();
        let (g, diags) = b.build();
        debug_assert!(
            diags.iter().all(|d| d.severity != Severity::Error),
            "default gazetteers have errors: {diags:?}"
        );
        g
    }

    /// The entity at index `idx` of [`entities`](Self::entities). Panics
    /// when there is none.
    pub fn entity(&self, idx: u32) -> &Entity {
        &self.entities[idx as usize]
    }

    /// Is the entity at index `idx` a company or a newspaper: an
    /// organisation with a name or alias with a legal form ("PT …", "…
    /// Tbk", "(Persero)", "… Corporation", "… Inc") or a newspaper's
    /// ("Harian …")? A country in one's name ("Garuda Indonesia") makes
    /// none of its staff an official of the country. (The set is made on
    /// the first call.)
    pub fn is_company(&self, idx: u32) -> bool {
        self.companies
            .get_or_init(|| companies(self))
            .contains(&idx)
    }

    /// Looks up an entity by id (case-insensitive, diacritics ignored).
    pub fn find(&self, id: &str) -> Option<u32> {
        crate::tokenize::with_ascii_lower(id, |key| self.index_get(key))
            .unwrap_or_else(|| self.index_get(&id_key(id)))
    }

    /// The entity whose id has the key `key` (see [`id_key`]).
    fn index_get(&self, key: &str) -> Option<u32> {
        self.index
            .get(key.as_bytes(), |&i| {
                is_id_key_of(key, &self.entities[i as usize].id)
            })
            .copied()
    }
}

/// Collects data files and builds a [`Gazetteer`].
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    /// (name, content); the compiled-in files are not copied.
    files: Vec<(String, Cow<'static, str>)>,
    diags: Vec<Diagnostic>,
}

const ENTITY_COLUMNS: &[&str] = &[
    "entity_id",
    "type",
    "name",
    "aliases",
    "aliases_id",
    "aliases_en",
    "case",
    "roles",
    "seats",
    "demonyms",
    "members",
    "id_source",
    "country",
    "kind",
    "notes",
];
const CUE_COLUMNS: &[&str] = &[
    "cue",
    "relation",
    "cameo",
    "forms",
    "direction",
    "notes",
    "lang",
];
const TITLE_COLUMNS: &[&str] = &["title", "relation", "notes", "lang"];
const WORD_COLUMNS: &[&str] = &["word", "class", "notes", "lang"];
const BOILERPLATE_COLUMNS: &[&str] = &["pattern", "kind", "notes"];

impl GazetteerBuilder {
    /// A builder with no files, not even the compiled-in ones (see
    /// [`add_defaults`](Self::add_defaults)).
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds every file compiled into the binary.
    pub fn add_defaults(&mut self) -> &mut Self {
        self.add_default_entities().add_default_lexicons()
    }

    /// Adds the compiled-in entity gazetteers (countries, organisations,
    /// people, locations).
    pub fn add_default_entities(&mut self) -> &mut Self {
        for (name, content) in defaults::ENTITY_FILES {
            self.files
                .push((format!("gazetteers/{name}"), Cow::Borrowed(*content)));
        }
        self
    }

    /// Adds the compiled-in cue lexicons and word lists (titles, function
    /// words, boilerplate, abbreviations, stop words).
    pub fn add_default_lexicons(&mut self) -> &mut Self {
        for (name, content) in defaults::LEXICON_FILES {
            self.files
                .push((format!("gazetteers/{name}"), Cow::Borrowed(*content)));
        }
        self
    }

    /// Adds a data file from memory; `name` is used in messages and decides
    /// the kind of `.txt` files and the language (`-id`, `-en`).
    pub fn add_str(&mut self, name: &str, content: &str) -> &mut Self {
        self.files
            .push((name.to_owned(), Cow::Owned(content.to_owned())));
        self
    }

    /// Adds a file, or every `*.tsv`/`*.txt` file of a folder (sorted).
    pub fn add_path(&mut self, path: &Path) -> Result<&mut Self, Error> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(Location::file(path), e))?;
        if meta.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| Error::io(Location::file(path), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && matches!(p.extension().and_then(|e| e.to_str()), Some("tsv" | "txt"))
                })
                .collect();
            files.sort();
            for f in files {
                self.add_path(&f)?;
            }
        } else {
            let bytes = std::fs::read(path).map_err(|e| Error::io(Location::file(path), e))?;
            let content = String::from_utf8(bytes).map_err(|e| {
                Error::parse(
                    Location::file(path),
                    format!(
                        "not UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            self.files
                .push((path.display().to_string(), Cow::Owned(content)));
        }
        Ok(self)
    }

    /// Builds the gazetteer; returns every problem found, as `file:line`.
    pub fn build(mut self) -> (Gazetteer, Vec<Diagnostic>) {
        let mut g = Gazetteer::default();
        let files = std::mem::take(&mut self.files);
        let mut loader = Loader {
            paths: files
                .iter()
                .map(|(name, _)| std::sync::Arc::from(Path::new(name)))
                .collect(),
            ..Loader::default()
        };
        let mut diags = std::mem::take(&mut self.diags);
        for (file_no, (name, content)) in files.iter().enumerate() {
            load_file(&mut g, &mut loader, file_no, name, content, &mut diags);
        }
        loader.finish(&g, &mut diags);
        g.parties = parties(&g);
        (g, diags)
    }
}

/// The organisations that are political parties (see
/// [`Gazetteer::parties`]).
fn parties(g: &Gazetteer) -> rustc_hash::FxHashSet<u32> {
    let is_party_name = |name: &str| {
        name.starts_with("Partai ")
            || (name.contains("Party") && name.split(['_', ' ']).any(|w| w == "Party"))
    };
    let mut out: rustc_hash::FxHashSet<u32> = g
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.etype == EntityType::Organization && (is_party_name(&e.id) || is_party_name(&e.name))
        })
        .map(|(i, _)| i as u32)
        .collect();
    for a in &g.aliases {
        if a.text.starts_with("Partai ")
            && g.entities[a.entity as usize].etype == EntityType::Organization
        {
            out.insert(a.entity);
        }
    }
    out
}

/// The organisations that are companies or newspapers (see
/// [`Gazetteer::companies`]).
fn companies(g: &Gazetteer) -> rustc_hash::FxHashSet<u32> {
    const FORMS: [&str; 9] = [
        " Tbk",
        " Corporation",
        " Company",
        " Inc",
        " Inc.",
        " Ltd",
        " Ltd.",
        " plc",
        "(Persero)",
    ];
    let is_company_name = |name: &str| {
        name.starts_with("PT ")
            || name.starts_with("Harian ")
            // (The last byte first: most names end otherwise.)
            || matches!(name.as_bytes().last(), Some(b'k' | b'n' | b'y' | b'c' | b'.' | b'd' | b')'))
                && FORMS.iter().any(|f| name.ends_with(f))
    };
    let org = |i: u32| g.entities[i as usize].etype == EntityType::Organization;
    let mut out: rustc_hash::FxHashSet<u32> = (0..g.entities.len() as u32)
        .filter(|&i| org(i) && is_company_name(&g.entities[i as usize].name))
        .collect();
    for a in &g.aliases {
        if is_company_name(&a.text) && org(a.entity) {
            out.insert(a.entity);
        }
    }
    out
}

/// The language of a data file named `…-xx` or `…_xx` (`cues-id.tsv`,
/// `words_en.tsv`), for every code of [`Lang::ALL`].
fn file_lang(name: &str) -> Option<Lang> {
    let base = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    Lang::ALL.into_iter().find(|l| {
        base.strip_suffix(l.as_str())
            .is_some_and(|b| b.ends_with('-') || b.ends_with('_'))
    })
}

/// Where a row is: (file number, line).
type At = (usize, u64);

#[derive(Default)]
struct Loader<'a> {
    /// The name of each file, by number (shared by the locations of its
    /// rows).
    paths: Vec<std::sync::Arc<Path>>,
    /// Alias key → (entity id, where) of the alias's current owner.
    /// (The alias of the last claim, by its index in the gazetteer's
    /// aliases, tells the key.)
    alias_owner: KeyMap<(u32, At, u32)>,
    /// Entity index → (file number, line) of its defining row.
    defined_at: Vec<At>,
    /// (role target or member, where it is referred to)
    references: Vec<(&'a str, At)>,
    /// Scratch space for keys.
    key: String,
    /// Scratch space for a row's aliases.
    aliases: Vec<(Cow<'a, str>, AliasKind, Option<Lang>)>,
    /// Where each of the gazetteer's state bodies is listed, by index.
    body_at: Vec<At>,
}

impl Loader<'_> {
    /// The location of a row (its file's name shared).
    fn location(&self, (file, line): At) -> Location {
        Location {
            path: self.paths[file].clone(),
            line: Some(line),
        }
    }

    fn finish(&self, g: &Gazetteer, diags: &mut Vec<Diagnostic>) {
        for &(id, at) in &self.references {
            if g.find(id).is_none() {
                diags.push(Diagnostic {
                    location: self.location(at),
                    severity: Severity::Warning,
                    message: crate::tsv::short_quotes(format!(
                        "refers to `{id}`, which no gazetteer defines"
                    )),
                });
            }
        }
        // (Without the kinds, as when only the entity files are loaded,
        // no body is read anyway.)
        if g.body_kinds.is_empty() {
            return;
        }
        for (b, &at) in g.state_bodies.iter().zip(&self.body_at) {
            if !g.body_kinds.iter().any(|k| k.kind == b.kind) {
                diags.push(Diagnostic {
                    location: self.location(at),
                    severity: Severity::Warning,
                    message: crate::tsv::short_quotes(format!(
                        "kind `{}`, which no kinds file (`state-body-kinds.tsv`) lists",
                        b.kind
                    )),
                });
            }
        }
    }
}

fn load_file<'a>(
    g: &mut Gazetteer,
    loader: &mut Loader<'a>,
    file_no: usize,
    name: &str,
    content: &'a str,
    diags: &mut Vec<Diagnostic>,
) {
    let base = Path::new(name)
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    if base.ends_with(".txt") {
        if base.starts_with("abbreviations") {
            for w in word_lines(content) {
                g.abbreviations.insert(w);
            }
        } else if base.starts_with("stopwords") {
            match file_lang(name) {
                Some(lang) => g
                    .stopwords
                    .entry(lang)
                    .or_default()
                    .extend(word_lines(content).map(str::to_lowercase)),
                None => diags.push(Diagnostic {
                    location: Location::file(name),
                    severity: Severity::Error,
                    message:
                        "a stop-word file must be named `stopwords-id.txt` or `stopwords-en.txt`"
                            .into(),
                }),
            }
        } else {
            diags.push(Diagnostic {
                location: Location::file(name),
                severity: Severity::Error,
                message: "unknown kind of `.txt` data file (expected `abbreviations*.txt` or `stopwords-<lang>.txt`)".into(),
            });
        }
        return;
    }
    let Some(table) = Table::parse(name, content, diags) else {
        return;
    };
    let lang = file_lang(name);
    if table.column("entity_id").is_some() {
        load_entities(g, loader, file_no, &table, diags);
    } else if table.column("cue").is_some() {
        load_cues(g, &table, lang, diags);
    } else if table.column("title").is_some() {
        load_titles(g, &table, lang, diags);
    } else if table.column("word").is_some() {
        load_words(g, &table, lang, diags);
    } else if table.column("form").is_some() && table.column("kind").is_some() {
        bodies::load_kinds(g, &table, lang, diags);
    } else if table.column("pattern").is_some() {
        load_boilerplate(g, &table, diags);
    } else {
        diags.push(table.error(
            table.header_line,
            "unknown kind of data file: the header must have `entity_id`, `cue`, `title`, `word`, `kind` and `form`, or `pattern`",
        ));
    }
}

fn row_lang(
    table: &Table,
    row: &crate::tsv::Row,
    file: Option<Lang>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<Lang>> {
    let v = row.get(table.column("lang"));
    if v.is_empty() {
        return Some(file);
    }
    match Lang::parse(v) {
        Some(l) => Some(Some(l)),
        None => {
            diags.push(table.error(row.line, format!("unknown lang `{v}` (id or en)")));
            None
        }
    }
}

fn parse_relation(
    table: &Table,
    line: u64,
    v: &str,
    ok: impl Fn(Relation) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Relation> {
    match Relation::parse(v).filter(|r| ok(*r)) {
        Some(r) => Some(r),
        None => {
            diags.push(table.error(line, format!("bad relation `{v}`")));
            None
        }
    }
}

/// The column of the aliases matched only in text of `lang`: `aliases_id`.
fn alias_column(lang: Lang) -> String {
    format!("aliases_{}", lang.as_str())
}

/// The columns of an entities file, by index.
struct EntityColumns {
    id: Option<usize>,
    etype: Option<usize>,
    name: Option<usize>,
    aliases: Option<usize>,
    /// `aliases_xx` of each language of [`Lang::ALL`], by its index.
    aliases_of: [Option<usize>; Lang::ALL.len()],
    /// The names of those columns, for messages.
    aliases_of_names: [String; Lang::ALL.len()],
    case: Option<usize>,
    roles: Option<usize>,
    seats: Option<usize>,
    demonyms: Option<usize>,
    members: Option<usize>,
    id_source: Option<usize>,
    /// A state body's country and kind (`Japan`, `foreign_ministry`).
    country: Option<usize>,
    kind: Option<usize>,
}

impl EntityColumns {
    fn of(t: &Table) -> EntityColumns {
        let c = |n| t.column(n);
        EntityColumns {
            id: c("entity_id"),
            etype: c("type"),
            name: c("name"),
            aliases: c("aliases"),
            aliases_of: Lang::ALL.map(|l| t.column(&alias_column(l))),
            aliases_of_names: Lang::ALL.map(alias_column),
            case: c("case"),
            roles: c("roles"),
            seats: c("seats"),
            demonyms: c("demonyms"),
            members: c("members"),
            id_source: c("id_source"),
            country: c("country"),
            kind: c("kind"),
        }
    }
}

/// One row of an entities file, checked: the entity, its case rule and
/// the row's seats and demonyms (aliases of their own kinds).
struct EntityRow<'a> {
    entity: Entity,
    case: Option<Case>,
    seats: Vec<&'a str>,
    demonyms: Vec<&'a str>,
}

fn load_entities<'a>(
    g: &mut Gazetteer,
    loader: &mut Loader<'a>,
    file_no: usize,
    t: &Table<'a>,
    diags: &mut Vec<Diagnostic>,
) {
    t.check_columns(ENTITY_COLUMNS, diags);
    if !t.require(&["entity_id", "type", "name"], diags) {
        return;
    }
    let cols = EntityColumns::of(t);
    let rows = t.rows().len();
    g.entities.reserve(rows);
    g.index.reserve(rows);
    g.aliases.reserve(rows);
    loader.alias_owner.reserve(rows);
    loader.defined_at.reserve(rows);
    for row in t.rows() {
        let row = &row;
        let at = (file_no, row.line);
        let Some(parsed) = entity_row(t, row, &cols, loader, at, diags) else {
            continue;
        };
        let EntityRow {
            entity,
            case,
            seats,
            demonyms,
        } = parsed;
        let (name, etype) = (row.get(cols.name), entity.etype);
        let Some(idx) = add_entity(g, loader, t, at, entity, diags) else {
            continue;
        };
        let body = (row.get(cols.country), row.get(cols.kind));
        if let Some(b) = bodies::body_of(t, row.line, body, etype, idx, diags) {
            loader.references.push((body.0, at));
            loader.body_at.push(at);
            g.state_bodies.push(b);
        }
        let mut aliases = std::mem::take(&mut loader.aliases);
        row_aliases(t, row, &cols, (name, seats, &demonyms), &mut aliases, diags);
        add_aliases(g, loader, t, at, idx, (name, etype, case), &aliases, diags);
        loader.aliases = aliases;
    }
}

/// Checks one row: `None` (with the error reported) when its id, type,
/// name or case rule is bad; roles and members are noted as references.
fn entity_row<'a>(
    t: &Table,
    row: &crate::tsv::Row<'_, 'a>,
    cols: &EntityColumns,
    loader: &mut Loader<'a>,
    at: At,
    diags: &mut Vec<Diagnostic>,
) -> Option<EntityRow<'a>> {
    let id = row.get(cols.id);
    if id.is_empty() || id.contains(char::is_whitespace) {
        diags.push(t.error(
            row.line,
            format!("bad entity_id `{id}`: not empty, no spaces (SPEC §1: spaces become `_`)"),
        ));
        return None;
    }
    let ty = row.get(cols.etype);
    let Some(etype) = EntityType::parse(ty) else {
        diags.push(t.error(
            row.line,
            format!("bad type `{ty}` (PERSON, COUNTRY, ORGANIZATION or LOCATION)"),
        ));
        return None;
    };
    let name = row.get(cols.name);
    if name.is_empty() {
        diags.push(t.error(row.line, "empty name"));
        return None;
    }
    let case = match row.get(cols.case) {
        "" | "auto" => None,
        "any" => Some(Case::Any),
        "exact" => Some(Case::Exact),
        "cap" => Some(Case::Cap),
        "title" => Some(Case::Title),
        other => {
            diags.push(t.error(
                row.line,
                format!("bad case `{other}` (any, exact, cap, title or empty)"),
            ));
            return None;
        }
    };
    let id_derived = match row.get(cols.id_source) {
        "" | "checked" => false,
        "derived" => true,
        other => {
            diags.push(t.error(
                row.line,
                format!("bad id_source `{other}` (checked, derived or empty)"),
            ));
            return None;
        }
    };
    let items = split_list(row.get(cols.roles), t, row.line, "roles", diags);
    // (As many as listed: a vector grown one by one would hold room for
    // four roles on the thousands of rows that list one.)
    let mut roles = Vec::with_capacity(items.len());
    for item in items {
        match parse_role_of(item) {
            Ok((r, of)) => {
                loader.references.push((of, at));
                roles.push(r);
            }
            Err(m) => diags.push(t.error(row.line, m)),
        }
    }
    let members_of = split_list(row.get(cols.members), t, row.line, "members", diags);
    loader
        .references
        .extend(members_of.iter().map(|&m| (m, at)));
    let members: Vec<String> = members_of.into_iter().map(str::to_owned).collect();
    let seats = split_list(row.get(cols.seats), t, row.line, "seats", diags);
    let demonyms = split_list(row.get(cols.demonyms), t, row.line, "demonyms", diags);
    if !roles.is_empty() && etype != EntityType::Person {
        diags.push(t.warning(row.line, "`roles` is for PERSON rows"));
    }
    if (!seats.is_empty() || !demonyms.is_empty()) && etype != EntityType::Country {
        diags.push(t.warning(row.line, "`seats` and `demonyms` are for COUNTRY rows"));
    }
    if !members.is_empty() && etype != EntityType::Organization {
        diags.push(t.warning(row.line, "`members` is for ORGANIZATION rows"));
    }
    let entity = Entity {
        id: id.to_owned(),
        name: name.to_owned(),
        etype,
        roles,
        members,
        id_derived,
    };
    Some(EntityRow {
        entity,
        case,
        seats,
        demonyms,
    })
}

/// Adds an entity, or merges it into an earlier file's entry of the same
/// id (a later file overrides); the same id twice in one file is an error
/// and the row is not loaded (`None`).
fn add_entity(
    g: &mut Gazetteer,
    loader: &mut Loader,
    t: &Table,
    at: At,
    entity: Entity,
    diags: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let (file_no, line) = at;
    id_key_into(&entity.id, &mut loader.key);
    let idx = match g.index_get(&loader.key) {
        Some(idx) => {
            if let Some(&(f, first)) = loader.defined_at.get(idx as usize)
                && f == file_no
            {
                // Reported and not applied: the first row stands.
                diags.push(t.error(
                    line,
                    format!(
                        "duplicate entity_id `{}` (first at line {}); this row is not loaded",
                        entity.id, first
                    ),
                ));
                return None;
            }
            let e = &mut g.entities[idx as usize];
            e.name = entity.name;
            e.etype = entity.etype;
            e.id_derived = entity.id_derived;
            if !entity.roles.is_empty() {
                e.roles = entity.roles;
            }
            if !entity.members.is_empty() {
                e.members = entity.members;
            }
            idx
        }
        None => {
            let idx = g.entities.len() as u32;
            g.index.insert_new(loader.key.as_bytes(), idx);
            g.entities.push(entity);
            idx
        }
    };
    // Every entity is defined by a row of some file: `defined_at` has an
    // entry for each, by index.
    if let Some(d) = loader.defined_at.get_mut(idx as usize) {
        *d = at;
    } else {
        loader.defined_at.push(at);
    }
    Some(idx)
}

/// Every surface form of a row, in order: its name, `aliases`,
/// `aliases_id`, `aliases_en` (those two matched only in text of their
/// language), seats, demonyms and the demonyms' plurals ("Palestinians",
/// "Iraqis", "Americans": the people as a noun).
/// `out` is cleared first.
fn row_aliases<'a>(
    t: &Table,
    row: &crate::tsv::Row<'_, 'a>,
    cols: &EntityColumns,
    (name, seats, demonyms): (&'a str, Vec<&'a str>, &[&'a str]),
    out: &mut Vec<(Cow<'a, str>, AliasKind, Option<Lang>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let list = |c, what: &str, diags: &mut Vec<Diagnostic>| {
        split_list(row.get(c), t, row.line, what, diags)
    };
    // (The lists are read in the order their problems have always been
    // reported.)
    let only: [Vec<&str>; Lang::ALL.len()] = Lang::ALL.map(|l| {
        list(
            cols.aliases_of[l as usize],
            &cols.aliases_of_names[l as usize],
            diags,
        )
    });
    let aliases = list(cols.aliases, "aliases", diags);
    out.clear();
    let mut add = |forms: &[&'a str], kind, lang| {
        out.extend(forms.iter().map(|&a| (Cow::Borrowed(a), kind, lang)));
    };
    add(&[name], AliasKind::Name, None);
    add(&aliases, AliasKind::Name, None);
    for (lang, forms) in Lang::ALL.into_iter().zip(&only) {
        add(forms, AliasKind::Name, Some(lang));
    }
    add(&seats, AliasKind::Seat, None);
    add(demonyms, AliasKind::Demonym, None);
    out.extend(
        demonyms
            .iter()
            .filter(|d| d.ends_with("an") || d.ends_with('i'))
            .map(|d| (Cow::Owned(format!("{d}s")), AliasKind::Demonym, None)),
    );
}

/// Adds the aliases of entity `idx` (`(name, type, case rule)` of its
/// row), with warnings for repeated, useless and contested ones.
#[allow(clippy::too_many_arguments)]
fn add_aliases(
    g: &mut Gazetteer,
    loader: &mut Loader,
    t: &Table,
    at: At,
    idx: u32,
    (name, etype, case): (&str, EntityType, Option<Case>),
    aliases: &[(Cow<'_, str>, AliasKind, Option<Lang>)],
    diags: &mut Vec<Diagnostic>,
) {
    let line = at.1;
    for (i, (alias, kind, lang)) in aliases.iter().enumerate() {
        let (alias, kind, lang) = (&**alias, *kind, *lang);
        if aliases[..i].iter().any(|(a, _, _)| a == alias) {
            if kind == AliasKind::Name && alias != name {
                diags.push(t.warning(line, format!("alias `{alias}` repeated")));
            }
            continue;
        }
        // A one-character or punctuation-only alias would match all
        // over the text ("a", "-", "...").
        if alias.chars().nth(1).is_none() || !alias.chars().any(char::is_alphanumeric) {
            diags.push(t.warning(
                line,
                format!(
                    "alias `{alias}` is {}: it would match all over the text; not loaded",
                    if alias.chars().any(char::is_alphanumeric) {
                        "a single character"
                    } else {
                        "punctuation only"
                    }
                ),
            ));
            continue;
        }
        let case = case.unwrap_or_else(|| Case::auto_for(alias, etype));
        match case {
            Case::Exact => {
                loader.key.clear();
                loader.key.push_str(alias);
            }
            _ => id_key_into(alias, &mut loader.key),
        }
        let key = loader.key.as_str();
        // The alias of the last claim has this key.
        let claimed = |&(_, _, ai): &(u32, At, u32)| {
            let a = &g.aliases[ai as usize];
            match a.case {
                Case::Exact => a.text == key,
                _ => is_id_key_of(key, &a.text),
            }
        };
        let this = g.aliases.len() as u32;
        match loader.alias_owner.get_mut(key.as_bytes(), claimed) {
            Some(owner) => {
                let (before, where_, _) = std::mem::replace(owner, (idx, at, this));
                if before != idx {
                    let other = &g.entities[before as usize].id;
                    let id = &g.entities[idx as usize].id;
                    let where_ = loader.location(where_);
                    diags.push(t.warning(
                        line,
                        format!("alias `{alias}` is also claimed by `{other}` ({where_}); `{id}` wins here (the later entry)"),
                    ));
                }
            }
            None => {
                loader
                    .alias_owner
                    .insert_new(key.as_bytes(), (idx, at, this));
            }
        }
        let location = loader.location(at);
        g.aliases.push(Alias {
            text: alias.to_owned(),
            entity: idx,
            kind,
            case,
            lang,
            location,
        });
    }
}

/// Parses `leader_of:Russia;2000-2008,2012-`.
#[cfg(test)]
fn parse_role(item: &str) -> Result<Role, String> {
    parse_role_of(item).map(|(role, _)| role)
}

/// [`parse_role`], with the id of the role's entity as a part of `item`.
fn parse_role_of(item: &str) -> Result<(Role, &str), String> {
    let (rel, rest) = item
        .split_once(':')
        .ok_or_else(|| format!("bad role `{item}`: expected `relation:entity_id[;years]`"))?;
    let relation = match Relation::parse(rel.trim()) {
        Some(r @ (Relation::LeaderOf | Relation::OfficialOf)) => r,
        _ => {
            return Err(format!(
                "bad role `{item}`: relation must be leader_of or official_of"
            ));
        }
    };
    let (of, years_s) = match rest.split_once(';') {
        Some((o, y)) => (o.trim(), Some(y.trim())),
        None => (rest.trim(), None),
    };
    if of.is_empty() || of.contains(char::is_whitespace) {
        return Err(format!("bad role `{item}`: entity_id `{of}`"));
    }
    let mut years = Vec::new();
    if let Some(ys) = years_s {
        for term in ys.split(',') {
            let term = term.trim();
            let bad = || format!("bad role `{item}`: years `{term}` (expected 2000-2008 or 2012-)");
            let (a, b) = term.split_once('-').ok_or_else(bad)?;
            let start: u16 = a.trim().parse().map_err(|_| bad())?;
            let end = match b.trim() {
                "" => None,
                e => Some(e.parse::<u16>().map_err(|_| bad())?),
            };
            if end.is_some_and(|e| e < start) {
                return Err(bad());
            }
            years.push((start, end));
        }
    }
    Ok((
        Role {
            relation,
            of: of.to_owned(),
            years,
        },
        of,
    ))
}

fn load_cues(g: &mut Gazetteer, t: &Table, lang: Option<Lang>, diags: &mut Vec<Diagnostic>) {
    t.check_columns(CUE_COLUMNS, diags);
    if !t.require(&["cue", "relation"], diags) {
        return;
    }
    let c = |n| t.column(n);
    for row in t.rows() {
        let row = &row;
        let Some(lang) = row_lang(t, row, lang, diags) else {
            continue;
        };
        let cue = row.get(c("cue"));
        if cue.is_empty() {
            diags.push(t.error(row.line, "empty cue"));
            continue;
        }
        let Some(relation) = parse_relation(
            t,
            row.line,
            row.get(c("relation")),
            Relation::is_event,
            diags,
        ) else {
            continue;
        };
        let cameo = row.get(c("cameo"));
        let cameo_ok = (2..=4).contains(&cameo.len()) && cameo.bytes().all(|b| b.is_ascii_digit());
        if !cameo.is_empty() && cameo != NO_CAMEO && !cameo_ok {
            diags.push(t.error(
                row.line,
                format!("bad cameo `{cameo}` (2 to 4 digits, `-` or empty)"),
            ));
            continue;
        }
        let forms = match row.get(c("forms")) {
            "" | "stem" => Forms::Stem,
            "exact" => Forms::Exact,
            list => {
                let forms = split_list(list, t, row.line, "forms", diags);
                // "fired … at": one gap, with words on both sides.
                let bad_gap = forms.iter().find(|f| {
                    f.contains(GAP)
                        && (f.matches(GAP).count() > 1
                            || f.split(GAP).any(|part| part.trim().is_empty()))
                });
                if let Some(f) = bad_gap {
                    diags.push(t.error(
                        row.line,
                        format!("bad gapped form `{f}` (one `…` with words before and after it)"),
                    ));
                    continue;
                }
                Forms::List(forms.into_iter().map(str::to_owned).collect())
            }
        };
        let direction = match row.get(c("direction")) {
            "" => {
                if relation.is_symmetric() {
                    Direction::Symmetric
                } else {
                    Direction::Forward
                }
            }
            "fwd" => Direction::Forward,
            "sym" => Direction::Symmetric,
            "rev" => Direction::Reverse,
            other => {
                diags.push(t.error(
                    row.line,
                    format!("bad direction `{other}` (fwd, sym or rev)"),
                ));
                continue;
            }
        };
        g.cues.push(Cue {
            lang,
            cue: cue.to_owned(),
            relation,
            cameo: cameo.to_owned(),
            forms,
            direction,
            location: Location::line(&t.name, row.line),
        });
    }
}

fn load_titles(g: &mut Gazetteer, t: &Table, lang: Option<Lang>, diags: &mut Vec<Diagnostic>) {
    t.check_columns(TITLE_COLUMNS, diags);
    if !t.require(&["title", "relation"], diags) {
        return;
    }
    for row in t.rows() {
        let row = &row;
        let Some(lang) = row_lang(t, row, lang, diags) else {
            continue;
        };
        let title = row.get(t.column("title"));
        if title.is_empty() {
            diags.push(t.error(row.line, "empty title"));
            continue;
        }
        let Some(relation) = parse_relation(
            t,
            row.line,
            row.get(t.column("relation")),
            |r| matches!(r, Relation::LeaderOf | Relation::OfficialOf),
            diags,
        ) else {
            continue;
        };
        g.titles.push(Title {
            lang,
            title: title.to_owned(),
            relation,
        });
    }
}

fn load_words(g: &mut Gazetteer, t: &Table, lang: Option<Lang>, diags: &mut Vec<Diagnostic>) {
    t.check_columns(WORD_COLUMNS, diags);
    if !t.require(&["word", "class"], diags) {
        return;
    }
    for row in t.rows() {
        let row = &row;
        let Some(lang) = row_lang(t, row, lang, diags) else {
            continue;
        };
        let word = row.get(t.column("word"));
        let class_v = row.get(t.column("class"));
        let Some(class) = WordClass::parse(class_v) else {
            diags.push(t.error(row.line, format!("bad class `{class_v}`")));
            continue;
        };
        if word.is_empty() {
            diags.push(t.error(row.line, "empty word"));
            continue;
        }
        g.words.push(Word {
            lang,
            word: word.to_owned(),
            class,
        });
    }
}

fn load_boilerplate(g: &mut Gazetteer, t: &Table, diags: &mut Vec<Diagnostic>) {
    t.check_columns(BOILERPLATE_COLUMNS, diags);
    for row in t.rows() {
        let row = &row;
        let pattern = row.get(t.column("pattern"));
        if pattern.is_empty() {
            diags.push(t.error(row.line, "empty pattern"));
            continue;
        }
        match row.get(t.column("kind")) {
            "" | "prefix" => g.boilerplate.add(pattern, false),
            "line" => g.boilerplate.add(pattern, true),
            other => diags.push(t.error(row.line, format!("bad kind `{other}` (prefix or line)"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(files: &[(&str, &str)]) -> (Gazetteer, Vec<String>) {
        let mut b = GazetteerBuilder::new();
        for (n, c) in files {
            b.add_str(n, c);
        }
        let (g, d) = b.build();
        (g, d.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn every_problem_is_reported_with_file_and_line() {
        let (_, d) = build(&[(
            "u.tsv",
            "entity_id\ttype\tname\taliases\tcolour\n\
             A\tPERSON\tA a\tx||y\n\
             B\tPLANET\tB\n\
             A\tPERSON\tA again\n\
             has space\tPERSON\tC\n",
        )]);
        let want = [
            "u.tsv:1: error: unknown column `colour`",
            "u.tsv:2: error: empty item in `aliases`",
            "u.tsv:3: error: bad type `PLANET`",
            "u.tsv:4: error: duplicate entity_id `A` (first at line 2); this row is not loaded",
            "u.tsv:5: error: bad entity_id `has space`",
        ];
        for w in want {
            assert!(
                d.iter().any(|x| x.starts_with(w)),
                "missing {w:?} in {d:#?}"
            );
        }
    }

    #[test]
    fn alias_conflicts_warn_and_the_later_entry_wins() {
        let (g, d) = build(&[
            (
                "a.tsv",
                "entity_id\ttype\tname\taliases\nGeorgia_(country)\tCOUNTRY\tGeorgia\tGeorgia\n",
            ),
            (
                "b.tsv",
                "entity_id\ttype\tname\taliases\nGeorgia_(U.S._state)\tLOCATION\tGeorgia state\tGeorgia\n",
            ),
        ]);
        assert!(
            d.iter()
                .any(|x| x.contains("alias `Georgia` is also claimed by `Georgia_(country)`")),
            "{d:?}"
        );
        let last = g
            .aliases
            .iter()
            .rev()
            .find(|a| a.text == "Georgia")
            .unwrap();
        assert_eq!(g.entity(last.entity).id, "Georgia_(U.S._state)");
    }

    #[test]
    fn roles_parse_and_reject_bad_years() {
        let r = parse_role("leader_of:Russia;2000-2008,2012-").unwrap();
        assert_eq!(r.years, vec![(2000, Some(2008)), (2012, None)]);
        assert!(parse_role("leader_of:Russia;2008-2000").is_err());
        assert!(parse_role("member_of:Russia").is_err());
        assert!(parse_role("leader_of").is_err());
    }

    #[test]
    fn auto_case_makes_acronyms_exact() {
        assert_eq!(Case::auto("AS"), Case::Exact);
        assert_eq!(Case::auto("WHO"), Case::Exact);
        assert_eq!(Case::auto("Amerika Serikat"), Case::Any);
        assert_eq!(Case::auto("U.S."), Case::Exact);
        assert_eq!(Case::auto("INTERNATIONAL"), Case::Any);
    }

    /// Every language has its `aliases_xx` column and its file suffix.
    #[test]
    fn every_language_has_its_alias_column_and_file_suffix() {
        for lang in Lang::ALL {
            assert!(ENTITY_COLUMNS.contains(&alias_column(lang).as_str()));
            assert_eq!(
                file_lang(&format!("cues-{}.tsv", lang.as_str())),
                Some(lang)
            );
            assert_eq!(
                file_lang(&format!("x/words_{}.tsv", lang.as_str())),
                Some(lang)
            );
        }
        assert_eq!(file_lang("people.tsv"), None);
        assert_eq!(
            file_lang("hidden.tsv"),
            None,
            "a name merely ending in a code"
        );
    }
}
