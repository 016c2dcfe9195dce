//! The name tagger's model: a CRFsuite file read into kabar's tables
//! (the weights of each attribute for each label, and the transition
//! weights), and the Viterbi walk over them.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::error::{Error, Location};
use crate::schema::EntityType;

/// At most this many labels (`O` and B/I of three types).
pub(super) const MAX_LABELS: usize = 7;

/// The width of a row of weights: [`MAX_LABELS`] rounded up to eight, so
/// that a row is added with whole vector instructions.
pub(super) const LANES: usize = 8;

/// A weight (or a summed score) for each label; those past the model's
/// labels are 0.
pub(super) type Weights = [f32; LANES];

/// The model compiled into the binary (see `models/README.md`).
pub(super) static BUILTIN: &[u8] = include_bytes!("../../../models/tagger.crfsuite");

/// A CRFsuite model of the name tagger, read into tables: the weights of
/// each attribute (a feature string, by a 64-bit hash) for each
/// label, and the transition weights. Tagging is a Viterbi walk over them
/// (the same labels as CRFsuite's tagger; a test compares the two).
pub struct NameModel {
    /// The label of each label id.
    pub(super) labels: Vec<Label>,
    /// Attribute (a feature string, by [`attr_key`]) → its weight for
    /// each label (those past `labels.len()` are 0).
    pub(super) attrs: FxHashMap<u64, Weights>,
    /// The transition weights: a row for each label `from`, a lane for
    /// each label `to` (those past the labels 0).
    pub(super) trans_from: Vec<Weights>,
}

impl std::fmt::Debug for NameModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameModel")
            .field("labels", &self.labels)
            .field("attributes", &self.attrs.len())
            .finish()
    }
}

/// A tag of the model, read from its label string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Outside,
    Begin(EntityType),
    Inside(EntityType),
}

impl Label {
    pub(super) fn parse(s: &str) -> Option<Label> {
        if s == "O" {
            return Some(Label::Outside);
        }
        let (bio, t) = s.split_once('-')?;
        let t = match t {
            "PER" => EntityType::Person,
            "ORG" => EntityType::Organization,
            "LOC" => EntityType::Location,
            _ => return None,
        };
        match bio {
            "B" => Some(Label::Begin(t)),
            "I" => Some(Label::Inside(t)),
            _ => None,
        }
    }
}

impl NameModel {
    /// The model compiled into the binary (read on first use).
    pub fn builtin() -> Arc<NameModel> {
        static MODEL: OnceLock<Arc<NameModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Arc::new(
                    NameModel::from_bytes(BUILTIN, Path::new("models/tagger.crfsuite"))
                        .expect("the compiled-in tagger model loads"),
                )
            })
            .clone()
    }

    /// Reads a CRFsuite model file (as written by CRFsuite or
    /// python-crfsuite, with the labels `O`, `B-PER`, `I-PER`, `B-ORG`,
    /// `I-ORG`, `B-LOC`, `I-LOC` or some of them). The error names the file.
    pub fn load(path: &Path) -> crate::Result<NameModel> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(Location::file(path), e))?;
        NameModel::from_bytes(&bytes, path)
    }

    /// A model from the bytes of a CRFsuite file; `path` names it in errors.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> crate::Result<NameModel> {
        let bad = |m: String| Error::parse(Location::file(path), m);
        check_header(bytes).map_err(bad)?;
        let model =
            crfs::Model::new(bytes).map_err(|e| bad(format!("not a CRFsuite model: {e}")))?;
        let mut labels = Vec::new();
        for id in 0..model.num_labels() {
            let name = model.to_label(id).unwrap_or("");
            labels.push(Label::parse(name).ok_or_else(|| {
                bad(format!(
                    "the model's label {name:?} is none of O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC"
                ))
            })?);
        }
        if labels.is_empty() {
            return Err(bad("the model has no labels".into()));
        }
        let l = labels.len();
        if l > MAX_LABELS {
            return Err(bad(format!(
                "the model has {l} labels, at most {MAX_LABELS}"
            )));
        }
        let num_attrs = model.num_attrs() as usize;
        let mut state = vec![[0f32; LANES]; num_attrs];
        let mut trans = vec![0f32; l * l];
        // The feature table: a 12-byte chunk header, then 20 bytes a
        // feature (type, source, target: u32; weight: f64).
        let u32_at = |i: usize| -> Option<usize> {
            Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize)
        };
        // (The count is the chunk's: CRFsuite leaves the header's at 0.)
        let off = u32_at(28).unwrap_or(0);
        let n = u32_at(off + 8).unwrap_or(0);
        for fid in 0..n {
            let at = off + 12 + 20 * fid;
            let row = bytes
                .get(at..at + 20)
                .ok_or_else(|| bad("the model's feature table lies outside the file".into()))?;
            let num = |k: usize| u32::from_le_bytes(row[k..k + 4].try_into().unwrap()) as usize;
            let weight = f64::from_le_bytes(row[12..20].try_into().unwrap()) as f32;
            let (kind, src, dst) = (num(0), num(4), num(8));
            match kind {
                0 if src < num_attrs && dst < l => state[src][dst] = weight,
                1 if src < l && dst < l => trans[src * l + dst] = weight,
                _ => return Err(bad(format!("the model's feature {fid} is not well formed"))),
            }
        }
        let mut attrs = FxHashMap::default();
        attrs.reserve(num_attrs);
        // The attribute names, read as `crfs::Model::to_attr` reads them
        // (its attribute database checked by `crfs::Model::new`), a few
        // times faster.
        let db = u32_at(36).and_then(|off| bytes.get(off..));
        for (aid, w) in state.into_iter().enumerate() {
            let name = db
                .and_then(|db| attr_name(db, aid))
                .ok_or_else(|| bad(format!("the model's attribute {aid} has no name")))?;
            attrs.insert(attr_key(name), w);
        }
        let trans_from = (0..l)
            .map(|from| {
                let mut row = [0f32; LANES];
                row[..l].copy_from_slice(&trans[from * l..(from + 1) * l]);
                row
            })
            .collect();
        Ok(NameModel {
            labels,
            attrs,
            trans_from,
        })
    }

    /// The best labels of items whose summed state scores are `scores`
    /// (a row an item): Viterbi. `back` is scratch space.
    pub(super) fn viterbi(&self, scores: &[Weights], back: &mut Vec<u8>, out: &mut Vec<Label>) {
        let l = self.labels.len();
        let n = scores.len();
        out.clear();
        if n == 0 {
            return;
        }
        let mut best = scores[0];
        back.clear();
        back.resize(n * LANES, 0);
        for t in 1..n {
            // For every label at once (lanes), the best label before it:
            // the first of the highest (as CRFsuite takes it).
            // (Written without branches, lane by lane, so that each
            // label `from` is one vector step.)
            let mut max = [f32::NEG_INFINITY; LANES];
            // (`arg` as wide as a lane of `max`: one mask selects both.)
            let mut arg = [0u32; LANES];
            for (from, row) in self.trans_from[..l].iter().enumerate() {
                let b = best[from];
                for to in 0..LANES {
                    let v = b + row[to];
                    let higher = v > max[to];
                    max[to] = if higher { v } else { max[to] };
                    arg[to] = if higher { from as u32 } else { arg[to] };
                }
            }
            for to in 0..LANES {
                best[to] = max[to] + scores[t][to];
            }
            for (b, a) in back[t * LANES..(t + 1) * LANES].iter_mut().zip(arg) {
                *b = a as u8;
            }
        }
        let mut k = (0..l)
            .max_by(|&a, &b| best[a].total_cmp(&best[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        out.resize(n, Label::Outside);
        for t in (0..n).rev() {
            out[t] = self.labels[k];
            k = back[t * LANES + k] as usize;
        }
    }

    /// Adds the weights of attribute `key` (if the model has it) to `v`.
    #[inline]
    pub(super) fn add_weights(&self, key: u64, v: &mut Weights) {
        if let Some(w) = self.attrs.get(&key) {
            add(v, w);
        }
    }
}

/// `v += w`, lane by lane.
#[inline]
pub(super) fn add(v: &mut Weights, w: &Weights) {
    for (s, w) in v.iter_mut().zip(w) {
        *s += w;
    }
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continuing from the state `h` (`FNV_OFFSET` to
/// start): a string's hash can be carried on with what follows it.
pub(super) const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// The key of a feature from the hashes of its name (up to and with the
/// first `=`) and its value (the rest).
pub(super) fn key(name: u64, value: u64) -> u64 {
    (name ^ value.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The key of a feature string, as the model's attributes are looked up.
pub(super) fn attr_key(s: &str) -> u64 {
    let (name, value) = memchr::memchr(b'=', s.as_bytes()).map_or((s, ""), |i| s.split_at(i + 1));
    key(
        fnv(FNV_OFFSET, name.as_bytes()),
        fnv(FNV_OFFSET, value.as_bytes()),
    )
}

/// Name `id` of a CQDB string database (`db`, from its header on): the
/// record the backward array points to, without its NUL, if it is UTF-8;
/// `None` where `cqdb::CQDB::to_str` finds none.
fn attr_name(db: &[u8], id: usize) -> Option<&str> {
    let u32_at = |i: usize| -> Option<usize> {
        Some(u32::from_le_bytes(db.get(i..i + 4)?.try_into().ok()?) as usize)
    };
    let (bwd_size, bwd_offset) = (u32_at(16)?, u32_at(20)?);
    if bwd_offset == 0 || id >= bwd_size {
        return None;
    }
    let offset = u32_at(bwd_offset.checked_add(id.checked_mul(4)?)?)?;
    if offset == 0 {
        return None;
    }
    // A record: its id, its size with the NUL, the bytes.
    let size = u32_at(offset.checked_add(4)?)?.checked_sub(1)?;
    let start = offset.checked_add(8)?;
    std::str::from_utf8(db.get(start..start.checked_add(size)?)?).ok()
}

/// Checks what `crfs` reads without checking: the magic, the header's size
/// and that every offset of the header lies inside the file.
fn check_header(b: &[u8]) -> Result<(), String> {
    const HEADER: usize = 48;
    if b.len() < HEADER || &b[..4] != b"lCRF" {
        return Err("not a CRFsuite model (no lCRF header)".into());
    }
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
    if u32_at(4) != b.len() {
        return Err(format!(
            "a CRFsuite model of {} bytes, but the file has {} (truncated?)",
            u32_at(4),
            b.len()
        ));
    }
    for at in [28, 32, 36, 40, 44] {
        if u32_at(at) >= b.len() {
            return Err("a CRFsuite model whose tables lie outside the file".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attribute names are those `crfs` reads.
    #[test]
    fn attribute_names_are_those_of_crfs() {
        let model = crfs::Model::new(BUILTIN).unwrap();
        let off = u32::from_le_bytes(BUILTIN[36..40].try_into().unwrap()) as usize;
        let db = &BUILTIN[off..];
        for aid in 0..model.num_attrs() as usize + 2 {
            assert_eq!(attr_name(db, aid), model.to_attr(aid as u32), "{aid}");
        }
    }
}
