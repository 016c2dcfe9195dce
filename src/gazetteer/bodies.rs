//! State bodies named by their kind and their country ("Kementerian Luar
//! Negeri Jepang", "Kedubes Rusia", "Japan's foreign ministry", "the
//! Supreme Court of Canada"): the head phrases of each kind
//! (`state-body-kinds.tsv`: `kind`, `lang`, `form`, `case`) and the
//! English Wikipedia title of a country's body of a kind (the `country`
//! and `kind` columns of an entity file: `state-bodies.tsv`).

use crate::phrase::Case;
use crate::schema::{EntityType, Lang};
use crate::tsv::{Diagnostic, Table};

use super::{Gazetteer, row_lang};

/// One head phrase of a kind of state body, in one language: `Kemlu`,
/// `foreign ministry`.
#[derive(Debug, Clone)]
pub struct BodyKind {
    /// The kind (`foreign_ministry`), as the entity files' `kind` column
    /// names it.
    pub kind: String,
    /// The language whose text it is read in; it tells the order of head
    /// and country (Indonesian: "Kemlu Jepang"; English: "Japanese foreign
    /// ministry", "Japan's foreign ministry", "ministry of foreign affairs
    /// of Japan").
    pub lang: Lang,
    /// The phrase as listed.
    pub form: String,
    /// How its letter case must match (`any` or `cap`; `exact` for
    /// capitals).
    pub case: Case,
}

/// A country's body of a kind, with a title of its own: the entity of a
/// row with `country` and `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateBody {
    /// The `entity_id` of the country.
    pub country: String,
    /// The kind (`foreign_ministry`).
    pub kind: String,
    /// The body's index in [`Gazetteer::entities`].
    pub entity: u32,
}

pub(super) const KIND_COLUMNS: &[&str] = &["kind", "form", "case", "lang", "notes"];

/// Loads a table of kinds (`state-body-kinds.tsv`): one head phrase a row.
pub(super) fn load_kinds(
    g: &mut Gazetteer,
    t: &Table,
    file: Option<Lang>,
    diags: &mut Vec<Diagnostic>,
) {
    t.check_columns(KIND_COLUMNS, diags);
    if !t.require(&["kind", "form"], diags) {
        return;
    }
    for row in t.rows() {
        let row = &row;
        let Some(lang) = row_lang(t, row, file, diags) else {
            continue;
        };
        let Some(lang) = lang else {
            diags.push(t.error(
                row.line,
                "a kind's form needs its language (a `lang` column, or a file named `…-id.tsv`)",
            ));
            continue;
        };
        let (kind, form) = (row.get(t.column("kind")), row.get(t.column("form")));
        if kind.is_empty() || form.is_empty() {
            diags.push(t.error(row.line, "empty kind or form"));
            continue;
        }
        let case = match row.get(t.column("case")) {
            "" | "any" => Case::Any,
            "cap" => Case::Cap,
            "exact" => Case::Exact,
            other => {
                diags.push(t.error(
                    row.line,
                    format!("bad case `{other}` (any, cap, exact or empty)"),
                ));
                continue;
            }
        };
        g.body_kinds.push(BodyKind {
            kind: kind.to_owned(),
            lang,
            form: form.to_owned(),
            case,
        });
    }
}

/// The body named by a row's `country` and `kind` columns (entity `idx`
/// of type `etype`), if the row has them; both or neither, and only on an
/// ORGANIZATION row.
pub(super) fn body_of(
    t: &Table,
    line: u64,
    (country, kind): (&str, &str),
    etype: EntityType,
    idx: u32,
    diags: &mut Vec<Diagnostic>,
) -> Option<StateBody> {
    if country.is_empty() && kind.is_empty() {
        return None;
    }
    if country.is_empty() || kind.is_empty() {
        diags.push(t.error(line, "`country` and `kind` go together"));
        return None;
    }
    if etype != EntityType::Organization {
        diags.push(t.warning(line, "`country` and `kind` are for ORGANIZATION rows"));
        return None;
    }
    Some(StateBody {
        country: country.to_owned(),
        kind: kind.to_owned(),
        entity: idx,
    })
}
