//! Seats of government: a seat (Moskow, Kremlin) acting is its country;
//! after a place preposition, in a dateline, inside a longer name or in an
//! address ("kota Jakarta", "Jakarta Pusat", "…, Jakarta, Selasa") it is a
//! place.

use crate::analysis::Analysis;
use crate::schema::{AliasKind, EntityType};
use crate::tokenize::{offset, previous_word};

use super::EntityStage;
use super::spans::{local_entity, sentence_at};

impl EntityStage {
    /// A seat of government (Moskow, Kremlin) is its country when it acts
    /// and a place after a place preposition ("di Beijing"), in a dateline
    /// ("MOSKOW –") or inside a longer name ("Olimpiade Musim Dingin Beijing").
    pub(super) fn resolve_seats(&self, text: &str, analysis: &mut Analysis) {
        for i in 0..analysis.mentions.len() {
            let m = &analysis.mentions[i];
            if m.kind != AliasKind::Seat {
                continue;
            }
            let place = self.after_place_prep(text, m.start)
                || is_dateline(text, m.start, m.end)
                || after_capitalised_word(text, m.start)
                || self.in_a_place_name(text, m.start, m.end)
                || in_an_address(self, text, analysis, m.start, m.end);
            if place {
                // A place is itself, not its country: "di Beijing" is the
                // city Beijing (id as written), a LOCATION.
                let name = place_name(&text[m.start..m.end]);
                let local = local_entity(analysis, name, EntityType::Location);
                let m = &mut analysis.mentions[i];
                m.entity = local;
                m.etype = EntityType::Location;
            } else {
                analysis.mentions[i].etype = EntityType::Country;
            }
        }
    }

    /// Is the seat at `start..end` part of a place's name or of an
    /// address: after a place head ("kota Jakarta"), before a compass word
    /// ("Jakarta Pusat"), or before a comma and a day or month ("…, Jakarta,
    /// Selasa (29/1)")?
    fn in_a_place_name(&self, text: &str, start: usize, end: usize) -> bool {
        if previous_word(text, start).is_some_and(|w| self.place_heads.contains(w)) {
            return true;
        }
        let after = &text[end..];
        if after.starts_with(' ') && next_word(after).is_some_and(|w| self.compass.contains(w)) {
            return true;
        }
        after
            .strip_prefix(',')
            .and_then(next_word)
            .is_some_and(|w| self.tagger.is_time(w))
    }

    /// Is the word before `start` a place preposition, or an article with
    /// one before it ("di Beijing", "at the Kremlin")?
    fn after_place_prep(&self, text: &str, start: usize) -> bool {
        let Some(w) = previous_word(text, start) else {
            return false;
        };
        if self.place_preps.contains(w) {
            return true;
        }
        if self.determiners.is_article(w) {
            // The word before it.
            return previous_word(text, offset(text, w))
                .is_some_and(|p| self.place_preps.contains(p));
        }
        false
    }
}

/// Is the seat at `start..end` the city of an address: after a comma
/// that closes a place ("Jalan Hayam Wuruk Nomor 30, Jakarta", "di Gedung
/// DPR, Jakarta", "di Halim Perdanakusuma, Jakarta"), or a district that
/// follows one ("Nomor 56, Cikini, Jakarta")? A part closes a place when
/// it ends with a number or holds a place preposition ("di", "at"); a
/// part after a comma that names a time, a source or a list ("On Monday,
/// Beirut said", "Menurut Reuters, Moskow menolak", "Beijing, Moskow dan
/// Washington") closes none, and a capital joined by "dan"/"and" to what
/// follows is a list of capitals acting.
fn in_an_address(stage: &EntityStage, text: &str, a: &Analysis, start: usize, end: usize) -> bool {
    if next_word(&text[end..]).is_some_and(|w| matches!(w, "dan" | "and" | "atau" | "or" | "serta"))
    {
        return false;
    }
    let from = a
        .sentences
        .get(sentence_at(a, start))
        .map_or(0, |r| r.start);
    let mut at = start;
    // At most two parts back: "…, Cikini, Jakarta".
    for part_no in 0..2 {
        let Some(before) = text[from..at].trim_end_matches(' ').strip_suffix(',') else {
            return false;
        };
        let part_start = before.rfind(',').map_or(from, |i| from + i + 1);
        let part = &text[part_start..from + before.len()];
        let words: Vec<&str> = part
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(last) = words.last() else {
            return false;
        };
        // (Mentions are in text order: those that start in the part.)
        let in_part = a.mentions.partition_point(|m| m.start < part_start)
            ..a.mentions
                .partition_point(|m| m.start < from + before.len());
        if stage.tagger.is_time(last)
            || a.mentions[in_part]
                .iter()
                .any(|m| m.etype == EntityType::Country)
        {
            return false;
        }
        if last.starts_with(|c: char| c.is_ascii_digit())
            || words.iter().any(|w| stage.place_preps.contains(w))
        {
            return true;
        }
        // A single capitalised word: a district; its place may come before.
        if part_no > 0 || words.len() != 1 || !last.starts_with(char::is_uppercase) {
            return false;
        }
        at = part_start;
    }
    false
}

/// The first word of `s`, after spaces.
fn next_word(s: &str) -> Option<&str> {
    let s = s.trim_start_matches([' ', '\t']);
    let n = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    (n > 0).then(|| &s[..n])
}

/// A place name as written, in title case when written in capitals
/// ("MOSKOW" → "Moskow").
fn place_name(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                w.to_owned()
            } else {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| {
                        c.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            }
        })
        .collect();
    words.join(" ")
}

/// "MOSKOW –", "Beijing | EGINDO.co –", "REPUBLIKA.CO.ID, BEIJING --": a
/// place near the start of a line followed by a dash or bar.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    // Look back at most 256 bytes: a dateline sits near the start of its
    // line (and a long text without line breaks must not be rescanned).
    let mut from = start.saturating_sub(256);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line_start = match text[from..start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    if text[line_start..start].chars().count() > 40 {
        return false;
    }
    let after = text[end..].trim_start_matches([' ', ',']);
    after.starts_with(['–', '—', '|']) || after.starts_with("- ") || after.starts_with("--")
}

/// True when the word before is capitalised and not the first of a
/// sentence: the seat is part of a longer name.
fn after_capitalised_word(text: &str, start: usize) -> bool {
    let Some(w) = previous_word(text, start) else {
        return false;
    };
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Is `w` the first word of its sentence or line?
    let w_start = start - (text[..start].len() - text[..start].trim_end().len()) - w.len();
    let before = text[..w_start].trim_end_matches([' ', '\t']);
    !(before.is_empty() || before.ends_with(['\n', '.', '!', '?', '"', '“', '(', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_previous_words() {
        let t = "REPUBLIKA.CO.ID, MOSKOW – Presiden";
        let s = t.find("MOSKOW").unwrap();
        assert!(is_dateline(t, s, s + 6));
        let t = "Beijing | EGINDO.co – Diplomat";
        assert!(is_dateline(t, 0, 7));
        let t = "Kremlin mengatakan Beijing – itu";
        assert!(!is_dateline(t, 0, 7));
        let t = "tiba di  Beijing";
        assert_eq!(previous_word(t, t.find("Beijing").unwrap()), Some("di"));
        let t = "Olimpiade Musim Dingin Beijing pada";
        assert!(after_capitalised_word(t, t.find("Beijing").unwrap()));
        let t = "kata dia. Beijing akan";
        assert!(!after_capitalised_word(t, t.find("Beijing").unwrap()));
    }
}
