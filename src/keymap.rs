//! A map from byte-string keys that keeps no copy of them: the key's hash
//! points to a value, and the caller, who can tell the key of a value (an
//! entity's id, an alias, a phrase), says whether a value found is the
//! key's. The rare key whose hash an earlier key already has is kept, as
//! bytes, in a map of its own. Tables of tens of thousands of keys (the
//! gazetteer's ids and aliases, the entity phrases) are then built with no
//! allocation per key.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

#[derive(Debug, Clone)]
pub(crate) struct KeyMap<V> {
    /// The hash of a key -> the value of the first key with that hash.
    by_hash: FxHashMap<u64, V>,
    /// The keys whose hash an earlier key has.
    others: FxHashMap<Box<[u8]>, V>,
}

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap {
            by_hash: FxHashMap::default(),
            others: FxHashMap::default(),
        }
    }
}

fn hash(key: &[u8]) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl<V> KeyMap<V> {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.by_hash.reserve(n);
    }

    /// The value of `key`; `is_key(v)` tells whether a value `v` found by
    /// the key's hash is the key's own.
    pub(crate) fn get(&self, key: &[u8], is_key: impl Fn(&V) -> bool) -> Option<&V> {
        match self.by_hash.get(&hash(key)) {
            None => None,
            Some(v) if is_key(v) => Some(v),
            Some(_) => self.others.get(key),
        }
    }

    /// [`get`](Self::get), to change the value.
    pub(crate) fn get_mut(&mut self, key: &[u8], is_key: impl Fn(&V) -> bool) -> Option<&mut V> {
        match self.by_hash.get_mut(&hash(key)) {
            None => None,
            Some(v) if is_key(v) => Some(v),
            Some(_) => self.others.get_mut(key),
        }
    }

    /// Adds `key`, which the map does not hold (see [`get`](Self::get)).
    pub(crate) fn insert_new(&mut self, key: &[u8], value: V) {
        match self.by_hash.entry(hash(key)) {
            Entry::Vacant(e) => {
                e.insert(value);
            }
            Entry::Occupied(_) => {
                self.others.insert(key.into(), value);
            }
        }
    }

    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.by_hash.len() + self.others.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_with_one_hash_are_told_apart() {
        let keys: [&[u8]; 3] = [b"a", b"b", b"c"];
        let mut m: KeyMap<usize> = KeyMap::default();
        for (i, k) in keys.iter().enumerate() {
            m.insert_new(k, i);
        }
        let is = |k: &'static [u8]| move |&i: &usize| keys[i] == k;
        assert_eq!(m.get(b"b", is(b"b")), Some(&1));
        assert_eq!(m.get(b"d", is(b"d")), None);
        assert_eq!(m.len(), 3);
        // Two keys forced under one hash: the second one is kept aside.
        let mut m: KeyMap<usize> = KeyMap::default();
        m.by_hash.insert(hash(b"y"), 0);
        m.insert_new(b"y", 1);
        let keys: [&[u8]; 2] = [b"x", b"y"];
        let is = |k: &'static [u8]| move |&i: &usize| keys[i] == k;
        assert_eq!(m.get(b"y", is(b"y")), Some(&1));
        assert_eq!(m.get(b"x", is(b"x")), None);
        *m.get_mut(b"y", is(b"y")).unwrap() = 0;
        assert_eq!(m.others.get(&b"y"[..]), Some(&0));
    }
}
