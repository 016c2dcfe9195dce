//! Scoring against a gold folder, exactly as SPEC §4 defines it, and
//! comparing two runs.
//!
//! Scores are document-level: per document, the set of distinct
//! (`entity_id`, `type`) and the set of distinct (`subject_id`, `relation`,
//! `object_id`, `negated`) are compared with the gold sets; true positives,
//! false positives and false negatives are summed over documents
//! (micro-average), overall, per relation and per entity type. Only
//! PERSON, COUNTRY and ORGANIZATION count; symmetric relations compare
//! unordered; ids compare case-insensitively without diacritics;
//! `co_occurs` rows are ignored.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::gazetteer::id_key;
use crate::output::unescape_formula;
use crate::schema::Relation;

const SCORED_TYPES: &[&str] = &["PERSON", "COUNTRY", "ORGANIZATION"];

/// A scored triple: (subject key, relation, object key, negated).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TripleKey {
    /// The `subject_id` as compared: lower case, diacritics removed; for a
    /// symmetric relation, the smaller of the two ids.
    pub subject: String,
    /// The `relation` column (one of SPEC §2's 14).
    pub relation: String,
    /// The `object_id` as compared (for a symmetric relation, the larger
    /// of the two ids).
    pub object: String,
    /// The `negated` column; an empty cell or no column reads as false.
    pub negated: bool,
}

/// A scored entity: (id key, type).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntityKey {
    /// The `entity_id` as compared: lower case, diacritics removed.
    pub id: String,
    /// The `type` column: `PERSON`, `COUNTRY` or `ORGANIZATION`.
    pub etype: String,
}

/// What a file holds, per document: keys with the first evidence seen.
#[derive(Debug, Clone)]
pub struct Items<K: Ord> {
    /// Per `doc_id`, each distinct key with the evidence of its first row:
    /// a triple's `evidence` sentence, a mention's `text` (empty when the
    /// file has no such column).
    pub docs: BTreeMap<String, BTreeMap<K, String>>,
    /// Rows whose relation is not one of SPEC §2's 14 (each counted as a false positive).
    pub unknown_relations: usize,
    /// Rows left out because a type is not scored (LOCATION, …) or the relation is `co_occurs`.
    pub ignored: usize,
}

impl<K: Ord> Default for Items<K> {
    fn default() -> Self {
        Items {
            docs: BTreeMap::new(),
            unknown_relations: 0,
            ignored: 0,
        }
    }
}

/// Precision, recall, F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// True positives: predicted items that the gold has.
    pub tp: usize,
    /// False positives: predicted items that the gold does not have.
    pub fp: usize,
    /// False negatives: gold items that were not predicted (`fn` when
    /// serialised).
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`; 0 when nothing was predicted.
    pub precision: f64,
    /// `tp / (tp + fn)`; 0 when the gold has nothing.
    pub recall: f64,
    /// The harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
}

impl Score {
    /// The score of these counts.
    ///
    /// ```
    /// use kabar::eval::Score;
    ///
    /// let s = Score::from_counts(3, 1, 2);
    /// assert_eq!(s.precision, 0.75);
    /// assert_eq!(s.recall, 0.6);
    /// assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    /// assert_eq!(Score::from_counts(0, 0, 0).f1, 0.0);
    /// ```
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Score {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Score {
            tp,
            fp,
            fn_,
            precision: p,
            recall: r,
            f1,
        }
    }

    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        *self = Score::from_counts(self.tp + tp, self.fp + fp, self.fn_ + fn_);
    }
}

/// One false or missed item.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorItem<K> {
    /// The document.
    pub doc_id: String,
    /// `false` (predicted, not in the gold) or `missed` (in the gold, not
    /// predicted).
    pub kind: &'static str,
    /// The item.
    pub item: K,
    /// The evidence of its first row (see [`Items::docs`]).
    pub evidence: String,
}

/// The result of comparing one kind of item.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison<K> {
    /// Counts summed over all documents (micro-average), and their scores.
    pub overall: Score,
    /// Per relation (triples) or per type (entities).
    pub by_class: BTreeMap<String, Score>,
    /// Every false and missed item, document by document.
    pub errors: Vec<ErrorItem<K>>,
}

/// Compares predicted with gold items; `class` names an item's row in the
/// per-class table.
///
/// ```
/// use kabar::eval::{EntityKey, Items, compare};
///
/// let key = |id: &str| EntityKey { id: id.into(), etype: "COUNTRY".into() };
/// let doc = |ids: &[&str]| {
///     let mut items = Items::default();
///     let keys = ids.iter().map(|id| (key(id), String::new())).collect();
///     items.docs.insert("d1".to_owned(), keys);
///     items
/// };
/// let (gold, pred) = (doc(&["china", "russia"]), doc(&["india", "russia"]));
/// let c = compare(&gold, &pred, |k| k.etype.clone());
/// assert_eq!((c.overall.tp, c.overall.fp, c.overall.fn_), (1, 1, 1));
/// let kinds: Vec<&str> = c.errors.iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, ["false", "missed"]);
/// ```
pub fn compare<K: Ord + Clone>(
    gold: &Items<K>,
    pred: &Items<K>,
    class: impl Fn(&K) -> String,
) -> Comparison<K> {
    let mut overall = Score::default();
    let mut by_class: BTreeMap<String, Score> = BTreeMap::new();
    let mut errors = Vec::new();
    let empty = BTreeMap::new();
    let docs: BTreeSet<&String> = gold.docs.keys().chain(pred.docs.keys()).collect();
    for doc in docs {
        let g = gold.docs.get(doc).unwrap_or(&empty);
        let p = pred.docs.get(doc).unwrap_or(&empty);
        for (k, ev) in p {
            let hit = g.contains_key(k);
            let c = by_class.entry(class(k)).or_default();
            if hit {
                c.add(1, 0, 0);
                overall.add(1, 0, 0);
            } else {
                c.add(0, 1, 0);
                overall.add(0, 1, 0);
                errors.push(ErrorItem {
                    doc_id: doc.clone(),
                    kind: "false",
                    item: k.clone(),
                    evidence: ev.clone(),
                });
            }
        }
        for (k, ev) in g {
            if !p.contains_key(k) {
                by_class.entry(class(k)).or_default().add(0, 0, 1);
                overall.add(0, 0, 1);
                errors.push(ErrorItem {
                    doc_id: doc.clone(),
                    kind: "missed",
                    item: k.clone(),
                    evidence: ev.clone(),
                });
            }
        }
    }
    // Rows with relations outside SPEC §2 are false positives.
    if pred.unknown_relations > 0 {
        overall.add(0, pred.unknown_relations, 0);
        by_class
            .entry("(unknown relation)".into())
            .or_default()
            .add(0, pred.unknown_relations, 0);
    }
    Comparison {
        overall,
        by_class,
        errors,
    }
}

/// A CSV file read by header names.
struct CsvFile {
    path: String,
    header: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl CsvFile {
    fn read(path: &Path) -> Result<CsvFile> {
        let loc = Location::file(path);
        let mut r = csv::ReaderBuilder::new()
            .flexible(false)
            .from_path(path)
            .map_err(|e| csv_error(&loc, e))?;
        let header = r
            .headers()
            .map_err(|e| csv_error(&loc, e))?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim_start_matches('\u{feff}').to_owned(), i))
            .collect();
        let mut rows = Vec::new();
        for rec in r.records() {
            let rec = rec.map_err(|e| csv_error(&loc, e))?;
            let line = rec.position().map_or(0, |p| p.line());
            // Cells escaped for spreadsheets are read back to their values.
            let rec = if rec.iter().any(|c| c.starts_with('\'')) {
                rec.iter().map(unescape_formula).collect()
            } else {
                rec
            };
            rows.push((line, rec));
        }
        Ok(CsvFile {
            path: path.display().to_string(),
            header,
            rows,
        })
    }

    fn col(&self, name: &str) -> Result<usize> {
        self.header
            .get(name)
            .copied()
            .ok_or_else(|| Error::parse(Location::file(&self.path), format!("no `{name}` column")))
    }

    fn opt(&self, name: &str) -> Option<usize> {
        self.header.get(name).copied()
    }
}

fn csv_error(loc: &Location, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let loc = match line {
        Some(l) => Location {
            path: loc.path.clone(),
            line: Some(l),
        },
        None => loc.clone(),
    };
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(loc, io),
        other => Error::parse(loc, format!("{other:?}")),
    }
}

fn parse_bool(v: &str, path: &str, line: u64) -> Result<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" | "" => Ok(false),
        other => Err(Error::parse(
            Location::line(path, line),
            format!("`negated` is `{other}`, not true or false"),
        )),
    }
}

/// Reads a triples CSV (gold or predicted). Gold (`strict`) rows with an
/// unknown relation are errors; predicted ones are counted.
pub fn read_triples(path: &Path, strict: bool) -> Result<Items<TripleKey>> {
    let f = CsvFile::read(path)?;
    let (c_doc, c_s, c_r, c_o) = (
        f.col("doc_id")?,
        f.col("subject_id")?,
        f.col("relation")?,
        f.col("object_id")?,
    );
    let c_neg = f.opt("negated");
    let c_ev = f.opt("evidence");
    let c_st = f.opt("subject_type");
    let c_ot = f.opt("object_type");
    let mut items = Items::default();
    for (line, rec) in &f.rows {
        let get = |c: usize| rec.get(c).unwrap_or("").trim();
        let rel_s = get(c_r);
        let Some(rel) = Relation::parse(rel_s) else {
            if strict {
                return Err(Error::parse(
                    Location::line(&f.path, *line),
                    format!("unknown relation `{rel_s}`"),
                ));
            }
            items.unknown_relations += 1;
            continue;
        };
        if rel == Relation::CoOccurs {
            items.ignored += 1;
            continue;
        }
        let scored = |c: Option<usize>| c.is_none_or(|c| SCORED_TYPES.contains(&get(c)));
        if !scored(c_st) || !scored(c_ot) {
            items.ignored += 1;
            continue;
        }
        let negated = parse_bool(c_neg.map_or("", get), &f.path, *line)?;
        let (mut s, mut o) = (id_key(get(c_s)), id_key(get(c_o)));
        if rel.is_symmetric() && o < s {
            std::mem::swap(&mut s, &mut o);
        }
        let key = TripleKey {
            subject: s,
            relation: rel.as_str().to_owned(),
            object: o,
            negated,
        };
        items
            .docs
            .entry(get(c_doc).to_owned())
            .or_default()
            .entry(key)
            .or_insert_with(|| c_ev.map_or("", get).to_owned());
    }
    Ok(items)
}

/// Reads an entities CSV (gold `doc_id,entity_id,type` or kabar's mentions).
pub fn read_entities(path: &Path) -> Result<Items<EntityKey>> {
    let f = CsvFile::read(path)?;
    let (c_doc, c_id, c_ty) = (f.col("doc_id")?, f.col("entity_id")?, f.col("type")?);
    let c_text = f.opt("text");
    let mut items = Items::default();
    for (_, rec) in &f.rows {
        let get = |c: usize| rec.get(c).unwrap_or("").trim();
        let ty = get(c_ty);
        if !SCORED_TYPES.contains(&ty) {
            items.ignored += 1;
            continue;
        }
        let key = EntityKey {
            id: id_key(get(c_id)),
            etype: ty.to_owned(),
        };
        items
            .docs
            .entry(get(c_doc).to_owned())
            .or_default()
            .entry(key)
            .or_insert_with(|| c_text.map_or("", get).to_owned());
    }
    Ok(items)
}

/// A full evaluation report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The triples compared; `None` when no triples file was given.
    pub triples: Option<Comparison<TripleKey>>,
    /// The entities compared; `None` when no entities file was given.
    pub entities: Option<Comparison<EntityKey>>,
}

/// Scores predicted files against a gold folder (`entities.csv`, `triples.csv`).
pub fn evaluate(gold: &Path, triples: Option<&Path>, entities: Option<&Path>) -> Result<Report> {
    let triples = match triples {
        Some(p) => {
            let g = read_triples(&gold.join("triples.csv"), true)?;
            let pr = read_triples(p, false)?;
            Some(compare(&g, &pr, |k| k.relation.clone()))
        }
        None => None,
    };
    let entities = match entities {
        Some(p) => {
            let g = read_entities(&gold.join("entities.csv"))?;
            let pr = read_entities(p)?;
            Some(compare(&g, &pr, |k| k.etype.clone()))
        }
        None => None,
    };
    Ok(Report { triples, entities })
}

fn table<K>(title: &str, c: &Comparison<K>, out: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "{title:<22} {:>5} {:>5} {:>5}  {:>9} {:>6} {:>6}",
        "tp", "fp", "fn", "precision", "recall", "f1"
    );
    for (k, s) in &c.by_class {
        let _ = writeln!(
            out,
            "  {k:<20} {:>5} {:>5} {:>5}  {:>9.3} {:>6.3} {:>6.3}",
            s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
        );
    }
    let s = c.overall;
    let _ = writeln!(
        out,
        "  {:<20} {:>5} {:>5} {:>5}  {:>9.3} {:>6.3} {:>6.3}",
        "ALL", s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
    );
}

impl Report {
    /// The readable table.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.triples {
            table("triples", t, &mut out);
        }
        if let Some(e) = &self.entities {
            if !out.is_empty() {
                out.push('\n');
            }
            table("entities", e, &mut out);
        }
        out
    }

    /// Every false and missed item, one per line.
    pub fn errors_text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        if let Some(t) = &self.triples {
            for e in &t.errors {
                let k = &e.item;
                let neg = if k.negated { " (negated)" } else { "" };
                let _ = writeln!(
                    out,
                    "{:<6} {}  {} {} {}{}  | {}",
                    e.kind, e.doc_id, k.subject, k.relation, k.object, neg, e.evidence
                );
            }
        }
        if let Some(en) = &self.entities {
            for e in &en.errors {
                let _ = writeln!(
                    out,
                    "{:<6} {}  {} {}  | {}",
                    e.kind, e.doc_id, e.item.id, e.item.etype, e.evidence
                );
            }
        }
        out
    }
}

/// What one run found that another did not, per document.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// "triples" or "entities".
    pub kind: &'static str,
    /// doc → items only in A.
    pub only_a: BTreeMap<String, Vec<String>>,
    /// doc → items only in B.
    pub only_b: BTreeMap<String, Vec<String>>,
    /// How many items both have, over all documents.
    pub both: usize,
}

/// Items per document that only one side has.
type OneSided = BTreeMap<String, Vec<String>>;

/// Compares two kabar (or SPEC-shaped) CSV files of the same kind.
pub fn diff(a: &Path, b: &Path) -> Result<Diff> {
    let is_triples = |p: &Path| -> Result<bool> { Ok(CsvFile::read(p)?.opt("relation").is_some()) };
    let (ta, tb) = (is_triples(a)?, is_triples(b)?);
    if ta != tb {
        return Err(Error::config(format!(
            "{} and {} are not the same kind of file (one has triples, the other entities)",
            a.display(),
            b.display()
        )));
    }
    fn sides<K: Ord + Clone>(
        x: &Items<K>,
        y: &Items<K>,
        show: impl Fn(&K) -> String,
    ) -> (OneSided, OneSided, usize) {
        let mut oa = BTreeMap::new();
        let mut ob = BTreeMap::new();
        let mut both = 0;
        let empty = BTreeMap::new();
        let docs: BTreeSet<&String> = x.docs.keys().chain(y.docs.keys()).collect();
        for d in docs {
            let (dx, dy) = (
                x.docs.get(d).unwrap_or(&empty),
                y.docs.get(d).unwrap_or(&empty),
            );
            let a: Vec<String> = dx
                .keys()
                .filter(|k| !dy.contains_key(*k))
                .map(&show)
                .collect();
            let b: Vec<String> = dy
                .keys()
                .filter(|k| !dx.contains_key(*k))
                .map(&show)
                .collect();
            both += dx.keys().filter(|k| dy.contains_key(*k)).count();
            if !a.is_empty() {
                oa.insert(d.clone(), a);
            }
            if !b.is_empty() {
                ob.insert(d.clone(), b);
            }
        }
        (oa, ob, both)
    }
    if ta {
        let (x, y) = (read_triples(a, false)?, read_triples(b, false)?);
        let (only_a, only_b, both) = sides(&x, &y, |k| {
            format!(
                "{} {} {}{}",
                k.subject,
                k.relation,
                k.object,
                if k.negated { " (negated)" } else { "" }
            )
        });
        Ok(Diff {
            kind: "triples",
            only_a,
            only_b,
            both,
        })
    } else {
        let (x, y) = (read_entities(a)?, read_entities(b)?);
        let (only_a, only_b, both) = sides(&x, &y, |k| format!("{} {}", k.id, k.etype));
        Ok(Diff {
            kind: "entities",
            only_a,
            only_b,
            both,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    const GOLD_T: &str = "doc_id,subject_id,relation,object_id,negated,evidence\n\
        d1,China,support,Russia,false,e1\n\
        d1,Vladimir_Putin,meet,Xi_Jinping,false,e2\n\
        d1,Recep_Tayyip_Erdoğan,criticize,Israel,false,e3\n\
        d2,Russia,attack,Ukraine,true,e4\n";

    #[test]
    fn hand_computed_triples() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "triples.csv", GOLD_T);
        // d1: support hit (duplicate row counts once), meet hit (reversed:
        // symmetric), criticize hit (case and diacritics), one false aid;
        // d2: negation differs → one false, one missed; d3 (no gold): one
        // false; one unknown relation; co_occurs and LOCATION rows ignored.
        let pred = write(
            d,
            "p.csv",
            "doc_id,sentence_id,subject_id,subject_type,relation,object_id,object_type,negated,evidence\n\
            d1,0,china,COUNTRY,support,Russia,COUNTRY,false,x\n\
            d1,1,China,COUNTRY,support,Russia,COUNTRY,false,x\n\
            d1,2,Xi_Jinping,PERSON,meet,Vladimir_Putin,PERSON,false,x\n\
            d1,3,recep_tayyip_erdogan,PERSON,criticize,ISRAEL,COUNTRY,false,x\n\
            d1,4,China,COUNTRY,aid,Russia,COUNTRY,false,x\n\
            d1,5,China,COUNTRY,co_occurs,Russia,COUNTRY,false,x\n\
            d1,6,China,COUNTRY,support,Beijing,LOCATION,false,x\n\
            d2,0,Russia,COUNTRY,attack,Ukraine,COUNTRY,false,x\n\
            d3,0,Iran,COUNTRY,warn,Israel,COUNTRY,false,x\n\
            d3,1,Iran,COUNTRY,meets,Israel,COUNTRY,false,x\n",
        );
        let r = evaluate(d, Some(&pred), None).unwrap();
        let t = r.triples.unwrap();
        assert_eq!((t.overall.tp, t.overall.fp, t.overall.fn_), (3, 4, 1));
        assert!((t.overall.precision - 3.0 / 7.0).abs() < 1e-9);
        assert!((t.overall.recall - 0.75).abs() < 1e-9);
        let s = t.by_class["support"];
        assert_eq!((s.tp, s.fp, s.fn_), (1, 0, 0));
        let a = t.by_class["attack"];
        assert_eq!((a.tp, a.fp, a.fn_), (0, 1, 1));
        assert_eq!(t.by_class["(unknown relation)"].fp, 1);
        assert_eq!(t.errors.iter().filter(|e| e.kind == "missed").count(), 1);
    }

    #[test]
    fn empty_gold_and_empty_prediction() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(
            d,
            "triples.csv",
            "doc_id,subject_id,relation,object_id,negated,evidence\n",
        );
        let pred = write(
            d,
            "p.csv",
            "doc_id,subject_id,relation,object_id,negated\nd1,A,meet,B,false\n",
        );
        let t = evaluate(d, Some(&pred), None).unwrap().triples.unwrap();
        assert_eq!((t.overall.tp, t.overall.fp, t.overall.fn_), (0, 1, 0));
        assert_eq!(
            (t.overall.precision, t.overall.recall, t.overall.f1),
            (0.0, 0.0, 0.0)
        );
        write(d, "triples.csv", GOLD_T);
        let empty = write(d, "e.csv", "doc_id,subject_id,relation,object_id,negated\n");
        let t = evaluate(d, Some(&empty), None).unwrap().triples.unwrap();
        assert_eq!((t.overall.tp, t.overall.fp, t.overall.fn_), (0, 0, 4));
    }

    #[test]
    fn entities_by_type_and_unknown_gold_relation() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(
            d,
            "entities.csv",
            "doc_id,entity_id,type\nd1,China,COUNTRY\nd1,Xi_Jinping,PERSON\nd1,NATO,ORGANIZATION\n",
        );
        let pred = write(
            d,
            "p.csv",
            "doc_id,sentence_id,start_char,end_char,text,entity_id,name,type,source\n\
            d1,0,0,5,China,China,China,COUNTRY,gazetteer\n\
            d1,0,9,14,China,China,China,COUNTRY,gazetteer\n\
            d1,0,20,22,Xi,Xi_Jinping,Xi Jinping,ORGANIZATION,gazetteer\n\
            d1,0,30,37,Beijing,China,China,LOCATION,gazetteer\n",
        );
        let e = evaluate(d, None, Some(&pred)).unwrap().entities.unwrap();
        assert_eq!((e.overall.tp, e.overall.fp, e.overall.fn_), (1, 1, 2));
        assert_eq!(e.by_class["PERSON"].fn_, 1);
        assert_eq!(e.by_class["ORGANIZATION"].fp, 1);
        write(
            d,
            "triples.csv",
            "doc_id,subject_id,relation,object_id,negated,evidence\nd1,A,likes,B,false,x\n",
        );
        let err = evaluate(d, Some(&pred), None).unwrap_err().to_string();
        assert!(
            err.contains("triples.csv:2: unknown relation `likes`"),
            "{err}"
        );
    }

    #[test]
    fn diff_lists_each_side() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = write(
            d,
            "a.csv",
            "doc_id,subject_id,relation,object_id,negated\nd1,A,meet,B,false\nd1,A,warn,B,false\n",
        );
        let b = write(
            d,
            "b.csv",
            "doc_id,subject_id,relation,object_id,negated\nd1,B,meet,A,false\nd2,C,aid,D,true\n",
        );
        let x = diff(&a, &b).unwrap();
        assert_eq!(x.both, 1);
        assert_eq!(x.only_a["d1"], ["a warn b"]);
        assert_eq!(x.only_b["d2"], ["c aid d (negated)"]);
    }
}
