//! The keys of the gazetteer's [`KeyMap`](crate::keymap::KeyMap)s (its
//! id index and its alias owners): telling whether a key is that of an id.

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
    fn id_keys() {
        assert!(is_id_key_of("vladimir_putin", "Vladimir_Putin"));
        assert!(!is_id_key_of("vladimir_puti", "Vladimir_Putin"));
        assert!(is_id_key_of("recep_erdogan", "Recep_Erdoğan"));
    }
}
