//! A map from string keys that keeps no copy of them: the key's hash
//! points to a value, and the caller, who can tell the key of a value (an
//! entity's id, an alias's text), says whether a value found is the key's.
//! The rare key whose hash an earlier key already has is kept, as a
//! string, in a map of its own. Loading the gazetteer then makes no string
//! per entity and alias for its id index and its alias owners.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

#[derive(Debug, Clone)]
pub(super) struct KeyMap<V> {
    /// The hash of a key -> the value of the first key with that hash.
    by_hash: FxHashMap<u64, V>,
    /// The keys whose hash an earlier key has.
    others: FxHashMap<String, V>,
}

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap {
            by_hash: FxHashMap::default(),
            others: FxHashMap::default(),
        }
    }
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl<V> KeyMap<V> {
    pub(super) fn reserve(&mut self, n: usize) {
        self.by_hash.reserve(n);
    }

    /// The value of `key`; `is_key(v)` tells whether a value `v` found by
    /// the key's hash is the key's own.
    pub(super) fn get(&self, key: &str, is_key: impl Fn(&V) -> bool) -> Option<&V> {
        match self.by_hash.get(&hash(key)) {
            None => None,
            Some(v) if is_key(v) => Some(v),
            Some(_) => self.others.get(key),
        }
    }

    /// [`get`](Self::get), to change the value.
    pub(super) fn get_mut(&mut self, key: &str, is_key: impl Fn(&V) -> bool) -> Option<&mut V> {
        match self.by_hash.get_mut(&hash(key)) {
            None => None,
            Some(v) if is_key(v) => Some(v),
            Some(_) => self.others.get_mut(key),
        }
    }

    /// Adds `key`, which the map does not hold (see [`get`](Self::get)).
    pub(super) fn insert_new(&mut self, key: &str, value: V) {
        match self.by_hash.entry(hash(key)) {
            Entry::Vacant(e) => {
                e.insert(value);
            }
            Entry::Occupied(_) => {
                self.others.insert(key.to_owned(), value);
            }
        }
    }
}

/// Is `key` the [`id_key`](super::id_key) of `s` (its lower case without
/// diacritics)? With no allocation when `s` is ASCII.
pub(super) fn is_id_key_of(key: &str, s: &str) -> bool {
    if s.is_ascii() {
        s.len() == key.len()
            && s.bytes()
                .zip(key.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        super::id_key(s) == key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_with_one_hash_are_told_apart() {
        let keys = ["a", "b", "c"];
        let mut m: KeyMap<usize> = KeyMap::default();
        for (i, k) in keys.iter().enumerate() {
            m.insert_new(k, i);
        }
        let is = |k: &'static str| move |&i: &usize| keys[i] == k;
        assert_eq!(m.get("b", is("b")), Some(&1));
        assert_eq!(m.get("d", is("d")), None);
        // Two keys forced under one hash: the second one is kept aside.
        let mut m: KeyMap<usize> = KeyMap::default();
        m.by_hash.insert(hash("y"), 0);
        m.insert_new("y", 1);
        let keys = ["x", "y"];
        let is = |k: &'static str| move |&i: &usize| keys[i] == k;
        assert_eq!(m.get("y", is("y")), Some(&1));
        assert_eq!(m.get("x", is("x")), None);
        *m.get_mut("y", is("y")).unwrap() = 0;
        assert_eq!(m.others.get("y"), Some(&0));
    }

    #[test]
    fn id_keys() {
        assert!(is_id_key_of("vladimir_putin", "Vladimir_Putin"));
        assert!(!is_id_key_of("vladimir_puti", "Vladimir_Putin"));
        assert!(is_id_key_of("recep_erdogan", "Recep_Erdoğan"));
    }
}
