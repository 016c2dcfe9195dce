//! Word forms of cue stems: Indonesian affixation (meN-, di-, ber-, ter-,
//! -kan, -i, -an, peN-…-an, per-…-an, ke-…-an, -nya) and English inflection.
//! The rules are those documented in `gazetteers/README.md`.

/// How a cue form is used in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// An active verb (mendukung, supports).
    Verb,
    /// A passive verb whose agent follows (didukung, dibantah).
    Passive,
    /// A noun (dukungan, invasi, sanctions).
    Noun,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn syllables(s: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for c in s.chars() {
        let v = is_vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n
}

/// The nasal prefix (`me` or `pe`) attached to a stem: mendukung, menolak,
/// mengkritik, menyerang, memukul, mengebom.
pub fn nasal(base: &str, stem: &str) -> String {
    let mut chars = stem.chars();
    let Some(first) = chars.next() else {
        return base.to_owned();
    };
    let second = chars.next();
    let cluster = second.is_some_and(|c| !is_vowel(c));
    if syllables(stem) == 1 {
        return format!("{base}nge{stem}");
    }
    let rest = &stem[first.len_utf8()..];
    match first {
        'l' | 'm' | 'n' | 'r' | 'w' | 'y' => format!("{base}{stem}"),
        'b' | 'f' | 'v' => format!("{base}m{stem}"),
        'p' if cluster => format!("{base}m{stem}"),
        'p' => format!("{base}m{rest}"),
        'c' | 'd' | 'j' | 'z' => format!("{base}n{stem}"),
        't' if cluster => format!("{base}n{stem}"),
        't' => format!("{base}n{rest}"),
        's' if cluster => format!("{base}n{stem}"),
        's' => format!("{base}ny{rest}"),
        'k' if cluster => format!("{base}ng{stem}"),
        'k' => format!("{base}ng{rest}"),
        'g' | 'h' => format!("{base}ng{stem}"),
        c if is_vowel(c) => format!("{base}ng{stem}"),
        _ => format!("{base}{stem}"),
    }
}

/// ber- + stem: `be-` before r and before a first syllable ending in -er
/// (runding → berunding, kerja → bekerja).
fn ber(stem: &str) -> String {
    let c: Vec<char> = stem.chars().collect();
    let er_syllable =
        c.len() > 3 && !is_vowel(c[0]) && c[1] == 'e' && c[2] == 'r' && !is_vowel(c[3]);
    if c.first() == Some(&'r') || er_syllable {
        format!("be{stem}")
    } else {
        format!("ber{stem}")
    }
}

/// Indonesian forms of a stem, each with its use. Multi-word cues affix
/// their first word ("kerja sama" → "bekerja sama", "kerja samanya").
pub fn indonesian_forms(stem: &str) -> Vec<(String, Pos)> {
    let stem = stem.to_lowercase();
    let (head, tail) = match stem.split_once(' ') {
        Some((h, t)) => (h.to_owned(), format!(" {t}")),
        None => (stem.clone(), String::new()),
    };
    let mut out: Vec<(String, Pos)> = Vec::new();
    let push = |form: String, pos: Pos, out: &mut Vec<(String, Pos)>| {
        // Suffixes go on the last word of the cue.
        for f in [form.clone(), format!("{form}{POSSESSIVE_SUFFIX}")] {
            if !out.iter().any(|(g, _)| *g == f) {
                out.push((f, pos));
            }
        }
    };
    let full = |h: &str| format!("{h}{tail}");
    let suffix = |s: &str| {
        if tail.is_empty() {
            format!("{head}{s}")
        } else {
            format!("{head}{tail}{s}")
        }
    };
    let me = nasal("me", &head);
    let pe = nasal("pe", &head);
    push(full(&head), Pos::Noun, &mut out);
    push(full(&me), Pos::Verb, &mut out);
    push(format!("{me}{tail}kan"), Pos::Verb, &mut out);
    push(format!("{me}{tail}i"), Pos::Verb, &mut out);
    push(full(&format!("di{head}")), Pos::Passive, &mut out);
    push(format!("di{head}{tail}kan"), Pos::Passive, &mut out);
    push(format!("di{head}{tail}i"), Pos::Passive, &mut out);
    push(full(&format!("ter{head}")), Pos::Passive, &mut out);
    push(full(&ber(&head)), Pos::Verb, &mut out);
    push(suffix("an"), Pos::Noun, &mut out);
    push(format!("{pe}{tail}an"), Pos::Noun, &mut out);
    push(format!("per{head}{tail}an"), Pos::Noun, &mut out);
    push(format!("ke{head}{tail}an"), Pos::Noun, &mut out);
    out
}

/// A form ending in the noun suffix -an (not the verb suffix -kan),
/// possibly with -nya: "pertemuan", "dukungannya".
fn is_an_noun(w: &str) -> bool {
    let w = w.strip_suffix(POSSESSIVE_SUFFIX).unwrap_or(w);
    w.ends_with("an") && !w.ends_with("kan")
}

/// Does a lower-case Indonesian word look like a passive verb: the di-
/// prefix on a stem of three letters or more, and not an -an noun
/// ("dijatuhkan", "diberikan", "dipimpin"; not "dia", "dian")?
pub fn is_passive_form(w: &str) -> bool {
    w.starts_with("di") && w.len() > 4 && !is_an_noun(w)
}

/// The use of an Indonesian form given as written (explicit lists); `cue`
/// is the lexicon's cue, so that a word that itself starts with "di"
/// (dialog, diskusi) is not taken for a passive.
pub fn indonesian_pos(form: &str, cue: &str) -> Pos {
    let f = form.to_lowercase();
    let first = f.split(' ').next().unwrap_or("");
    let cue_first = cue.split(' ').next().unwrap_or("").to_lowercase();
    if first.starts_with("di") && first.len() > 4 && !cue_first.starts_with("di") {
        Pos::Passive
    } else if ["me", "ber", "be", "ter"]
        .iter()
        .any(|p| first.starts_with(p))
        && !is_an_noun(first)
    {
        Pos::Verb
    } else {
        Pos::Noun
    }
}

/// English inflections of a verb: meet → meets, meeted?, meeting (irregular
/// forms are listed explicitly in the lexicon instead).
pub fn english_forms(base: &str) -> Vec<(String, Pos)> {
    let base = base.to_lowercase();
    let (head, tail) = match base.split_once(' ') {
        Some((h, t)) => (h.to_owned(), format!(" {t}")),
        None => (base.clone(), String::new()),
    };
    let chars: Vec<char> = head.chars().collect();
    let n = chars.len();
    let ends = |s: &str| head.ends_with(s);
    let consonant = |c: char| c.is_alphabetic() && !is_vowel(c);
    let cvc = (3..=4).contains(&n)
        && consonant(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && is_vowel(chars[n - 2])
        && consonant(chars[n - 3]);
    let stem_e = if ends("e") {
        &head[..head.len() - 1]
    } else {
        head.as_str()
    };
    let third = if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        format!("{head}es")
    } else if ends("y") && n > 1 && !is_vowel(chars[n - 2]) {
        format!("{}ies", &head[..head.len() - 1])
    } else {
        format!("{head}s")
    };
    let past = if ends("e") {
        format!("{head}d")
    } else if ends("y") && n > 1 && !is_vowel(chars[n - 2]) {
        format!("{}ied", &head[..head.len() - 1])
    } else if cvc {
        format!("{head}{}ed", chars[n - 1])
    } else {
        format!("{head}ed")
    };
    let ing = if ends("ee") {
        format!("{head}ing")
    } else if ends("e") {
        format!("{stem_e}ing")
    } else if cvc {
        format!("{head}{}ing", chars[n - 1])
    } else {
        format!("{head}ing")
    };
    let mut out = Vec::new();
    for (f, pos) in [
        (head.clone(), Pos::Verb),
        (third, Pos::Verb),
        (past, Pos::Verb),
        (ing, Pos::Verb),
    ] {
        let f = format!("{f}{tail}");
        if !out.iter().any(|(g, _): &(String, Pos)| *g == f) {
            out.push((f, pos));
        }
    }
    out
}

/// The use of an English form: nominal suffixes make a noun.
pub fn english_pos(form: &str) -> Pos {
    let last = form.rsplit(' ').next().unwrap_or(form).to_lowercase();
    let nominal = [
        "tion",
        "tions",
        "sion",
        "sions",
        "ment",
        "ments",
        "ance",
        "ence",
        "ship",
        "sanctions",
        "embargo",
        "boycott",
        "war",
        "threat",
        "threats",
        "aid",
        "talks",
        "summit",
        "visit",
        "criticism",
        "praise",
        "support",
    ];
    if nominal.iter().any(|s| last.ends_with(s)) && !last.ends_with("ed") {
        Pos::Noun
    } else {
        Pos::Verb
    }
}

/// Does `w` end with the ASCII `suffix`, in any case?
pub(crate) fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

// The English endings the relation rules read (ASCII, any case), next to
// the inflection above: they tell a verb form's use in a sentence.

/// "-ed": a past tense or participle ("attacked", "invaded").
pub(crate) fn english_past(w: &str) -> bool {
    ends_with_ci(w, "ed")
}

/// "-s": a plural noun or a third-person verb ("attacks", "talks").
pub(crate) fn english_s_form(w: &str) -> bool {
    ends_with_ci(w, "s")
}

/// "-s" but not "-ss": a plural ("attacks", "sanctions"; not "press").
pub(crate) fn english_plural(w: &str) -> bool {
    ends_with_ci(w, "s") && !ends_with_ci(w, "ss")
}

/// "-ing": a gerund or present participle ("attacking").
pub(crate) fn english_gerund(w: &str) -> bool {
    ends_with_ci(w, "ing")
}

/// The Indonesian possessive suffix, the forms of a stem end with it too
/// ("dukungannya").
pub(crate) const POSSESSIVE_SUFFIX: &str = "nya";

/// Does `w` end with the possessive suffix -nya, in any case
/// ("kunjungannya", "virtualnya")? Read in a sentence of any language.
pub(crate) fn has_possessive_suffix(w: &str) -> bool {
    ends_with_ci(w, POSSESSIVE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(stem: &str) -> Vec<String> {
        indonesian_forms(stem).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn nasal_prefixes() {
        let cases = [
            ("dukung", "mendukung"),
            ("tolak", "menolak"),
            ("kritik", "mengkritik"),
            ("serang", "menyerang"),
            ("pukul", "memukul"),
            ("bantu", "membantu"),
            ("kecam", "mengecam"),
            ("ancam", "mengancam"),
            ("invasi", "menginvasi"),
            ("bom", "mengebom"),
            ("larang", "melarang"),
            ("tuduh", "menuduh"),
            ("puji", "memuji"),
            ("caplok", "mencaplok"),
            ("sanksi", "menyanksi"),
        ];
        for (stem, want) in cases {
            assert_eq!(nasal("me", stem), want, "{stem}");
        }
        assert_eq!(nasal("pe", "tolak"), "penolak");
    }

    #[test]
    fn dukung_covers_its_forms() {
        let f = forms("dukung");
        for w in [
            "dukung",
            "mendukung",
            "didukung",
            "dukungan",
            "dukungannya",
            "mendukungnya",
            "didukungnya",
        ] {
            assert!(f.contains(&w.to_owned()), "{w} missing from {f:?}");
        }
        let pos: Vec<_> = indonesian_forms("dukung");
        assert!(pos.contains(&("didukung".into(), Pos::Passive)));
        assert!(pos.contains(&("dukungan".into(), Pos::Noun)));
        assert!(pos.contains(&("mendukung".into(), Pos::Verb)));
    }

    #[test]
    fn multi_word_cues() {
        let f = forms("kerja sama");
        for w in [
            "kerja sama",
            "bekerja sama",
            "kerja samanya",
            "bekerja samanya",
        ] {
            assert!(f.contains(&w.to_owned()), "{w} missing from {f:?}");
        }
        assert!(forms("temu").contains(&"bertemu".to_owned()));
        assert!(forms("runding").contains(&"berunding".to_owned()));
    }

    #[test]
    fn english_inflections() {
        let f = |b: &str| {
            english_forms(b)
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            f("support"),
            ["support", "supports", "supported", "supporting"]
        );
        assert_eq!(
            f("criticize"),
            ["criticize", "criticizes", "criticized", "criticizing"]
        );
        assert_eq!(f("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(f("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(f("agree"), ["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(
            f("sign deal"),
            ["sign deal", "signs deal", "signed deal", "signing deal"]
        );
        assert_eq!(english_pos("invasion"), Pos::Noun);
        assert_eq!(indonesian_pos("dialog", "dialog"), Pos::Noun);
        assert_eq!(indonesian_pos("memperingatkan", "peringat"), Pos::Verb);
        assert_eq!(indonesian_pos("menyerukan", "seru"), Pos::Verb);
        assert_eq!(indonesian_pos("pertemuan", "temu"), Pos::Noun);
        assert_eq!(indonesian_pos("bertemu dengan", "temu"), Pos::Verb);
        assert_eq!(indonesian_pos("dibantah", "bantah"), Pos::Passive);
        assert_eq!(english_pos("invaded"), Pos::Verb);
    }
}
