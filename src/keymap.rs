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

    /// Forgets every key.
    pub(crate) fn clear(&mut self) {
        self.by_hash.clear();
        self.others.clear();
    }
}

/// Byte strings numbered in the order first added (an interner): the
/// strings are kept one after the other in one buffer, each followed by a
/// byte no UTF-8 text holds, and found through a [`KeyMap`] of their hashes.
/// A lookup compares the key with the buffer, which is small and dense, not
/// with a string allocated on its own somewhere in the heap: tables read for
/// every word of a text (the phrase vocabulary, the tagger's word types)
/// stay in the processor's caches.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    /// The hash of a string -> (its number, its offset in `bytes`).
    map: KeyMap<[u32; 2]>,
    bytes: Vec<u8>,
    len: usize,
}

/// Ends each string in [`Interner::bytes`] (no UTF-8 byte).
const END: u8 = 0xff;

impl Interner {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
    }

    /// The number of `key`, if added.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<u32> {
        let bytes = &self.bytes;
        self.map
            .get(key, |&[_, off]| {
                let off = off as usize;
                bytes.get(off..off + key.len()) == Some(key)
                    && bytes.get(off + key.len()) == Some(&END)
            })
            .map(|&[id, _]| id)
    }

    /// The number of `key`, added if new (the next number).
    pub(crate) fn intern(&mut self, key: &[u8]) -> u32 {
        if let Some(id) = self.get(key) {
            return id;
        }
        let id = self.len as u32;
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(key);
        self.bytes.push(END);
        self.map.insert_new(key, [id, off]);
        self.len += 1;
        id
    }

    /// The number of strings added.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Every string added, with no order promised.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &[u8]> {
        self.bytes.split(|&b| b == END).take(self.len)
    }

    /// Forgets every string (the buffers kept for reuse).
    pub(crate) fn clear(&mut self) {
        self.map.clear();
        self.bytes.clear();
        self.len = 0;
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

    #[test]
    fn an_interner_numbers_strings_in_order() {
        let mut t = Interner::default();
        assert_eq!(t.intern(b"kata"), 0);
        assert_eq!(t.intern(b"ujar"), 1);
        assert_eq!(t.intern(b"kata"), 0);
        // A prefix or an extension of a key is another key.
        assert_eq!(t.get(b"kat"), None);
        assert_eq!(t.get(b"katanya"), None);
        assert_eq!(t.intern(b""), 2);
        assert_eq!(t.get(b""), Some(2));
        assert_eq!(t.len(), 3);
        let mut keys: Vec<&[u8]> = t.keys().collect();
        keys.sort();
        assert_eq!(keys, [&b""[..], b"kata", b"ujar"]);
        t.clear();
        assert_eq!((t.get(b"kata"), t.len()), (None, 0));
        assert_eq!(t.intern(b"ujar"), 0);
    }
}
