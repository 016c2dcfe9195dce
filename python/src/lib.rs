//! kabar for Python: `kabar.extract` and `kabar.extract_pandas` (in
//! `kabar/__init__.py`) call [`extract_jsonl`], which runs kabar's default
//! pipeline over the documents with the GIL released and gives back the
//! rows `kabar extract --format jsonl` writes for them.

use std::sync::{Arc, Mutex, OnceLock};

use kabar::output::{ENTITY_COLUMNS, Format, OutputOptions, TRIPLE_COLUMNS};
use kabar::{Document, Lang, Pipeline};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

/// The pipeline of a language setting and `cooccurrence`, built on first
/// use and kept (building one takes tens of milliseconds).
fn pipeline(lang: Option<Lang>, cooccurrence: bool) -> Arc<Pipeline> {
    type Built = Vec<((Option<Lang>, bool), Arc<Pipeline>)>;
    static BUILT: OnceLock<Mutex<Built>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = built.iter().find(|(k, _)| *k == (lang, cooccurrence)) {
        return p.clone();
    }
    let p = Arc::new(
        Pipeline::builder()
            .lang(lang)
            .cooccurrence(cooccurrence)
            .build(),
    );
    built.push(((lang, cooccurrence), p.clone()));
    p
}

/// The triple rows and the entity rows of `docs` (pairs of id and text),
/// as JSON lines in document order: those `kabar extract --format jsonl`
/// writes for the same documents. `lang` is `auto`, `id` or `en`.
#[pyfunction]
#[pyo3(signature = (docs, lang = "auto", cooccurrence = false))]
fn extract_jsonl(
    py: Python<'_>,
    docs: Vec<(String, String)>,
    lang: &str,
    cooccurrence: bool,
) -> PyResult<(String, String)> {
    let lang = match lang {
        "auto" => None,
        "id" => Some(Lang::Id),
        "en" => Some(Lang::En),
        other => {
            return Err(PyValueError::new_err(format!(
                "lang must be \"auto\", \"id\" or \"en\", not {other:?}"
            )));
        }
    };
    py.detach(move || {
        let p = pipeline(lang, cooccurrence);
        let options = OutputOptions {
            format: Format::Jsonl,
            formula_escape: false,
        };
        let rows: Vec<std::io::Result<(Vec<u8>, Vec<u8>)>> = docs
            .par_iter()
            .map(|(id, text)| {
                kabar::batch::document_rows(&p, &Document::new(id.as_str(), text), options)
            })
            .collect();
        let (mut triples, mut entities) = (Vec::new(), Vec::new());
        for r in rows {
            let (t, e) = r.map_err(|e| PyOSError::new_err(e.to_string()))?;
            triples.extend_from_slice(&t);
            entities.extend_from_slice(&e);
        }
        let text =
            |b: Vec<u8>| String::from_utf8(b).map_err(|e| PyValueError::new_err(e.to_string()));
        Ok((text(triples)?, text(entities)?))
    })
}

#[pymodule]
fn _kabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_jsonl, m)?)?;
    m.add("TRIPLE_COLUMNS", TRIPLE_COLUMNS.to_vec())?;
    m.add("ENTITY_COLUMNS", ENTITY_COLUMNS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
