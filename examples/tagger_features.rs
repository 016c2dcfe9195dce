//! Training data for the name tagger, in CRFsuite's item format, from
//! kabar's own tokens and features (the code that tags at run time):
//!
//! ```text
//! cargo run --release --example tagger_features -- FORMAT FILE [SKIP] > features.txt
//! ```
//!
//! FORMAT is `idner` (`token POS NER`, labels PER/ORG/LOC), `wikigold`
//! (`token NER`, PER/ORG/LOC, MISC becomes O), `nergrit`
//! (`token<TAB>label`, PERSON/ORGANISATION/PLACE) or `nerp`
//! (`token<TAB>label`, PPL/IND/PLC; EVT and FNB become O). SKIP, if given,
//! is a file of 0-based sentence indices (one a line) left out.
//!
//! Each sentence's tokens are joined by single spaces into a document;
//! kabar splits and tokenises it, runs the gazetteer and the patterns, and
//! writes one line a token: its label (`B-PER`, `I-ORG`, `O`, …, from the
//! gold span its first character falls in) and its features, tab-separated
//! (`\` and `:` escaped as CRFsuite wants); a blank line ends a sentence.
//! Entities only, no name tagger (the features do not depend on a model),
//! language Indonesian except for `wikigold` (English).

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use kabar::{Document, Lang, Pipeline};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: tagger_features idner|wikigold|nergrit|nerp FILE [SKIP]");
        return ExitCode::from(2);
    }
    let (format, path) = (&args[0], &args[1]);
    let map: &[(&str, &str)] = match format.as_str() {
        "idner" | "wikigold" => &[("PER", "PER"), ("ORG", "ORG"), ("LOC", "LOC")],
        "nergrit" => &[("PERSON", "PER"), ("ORGANISATION", "ORG"), ("PLACE", "LOC")],
        "nerp" => &[("PPL", "PER"), ("IND", "ORG"), ("PLC", "LOC")],
        _ => {
            eprintln!("tagger_features: unknown format {format}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tagger_features: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let skip: HashSet<usize> = match args.get(2) {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => t.lines().filter_map(|l| l.trim().parse().ok()).collect(),
            Err(e) => {
                eprintln!("tagger_features: {p}: {e}");
                return ExitCode::from(2);
            }
        },
        None => HashSet::new(),
    };
    let lang = if format == "wikigold" {
        Lang::En
    } else {
        Lang::Id
    };
    let pipeline = Pipeline::builder()
        .entities_only(true)
        .lang(Some(lang))
        .tagger(false)
        .build();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (i, sentence) in sentences(&text, map).iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        if write_sentence(&pipeline, sentence, &mut out).is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The sentences of a CoNLL file: (token, label) with labels mapped to
/// `PER`/`ORG`/`LOC` (with `B-`/`I-`) or `O`.
fn sentences(text: &str, map: &[(&str, &str)]) -> Vec<Vec<(String, String)>> {
    let mut all = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                all.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let parts: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        let (token, tag) = (parts[0], parts[parts.len() - 1].trim());
        let label = match tag.split_once('-') {
            Some((bio @ ("B" | "I"), l)) => map
                .iter()
                .find(|(from, _)| *from == l)
                .map_or("O".to_owned(), |(_, to)| format!("{bio}-{to}")),
            _ => "O".to_owned(),
        };
        cur.push((token.to_owned(), label));
    }
    if !cur.is_empty() {
        all.push(cur);
    }
    all
}

/// Escapes a feature name for CRFsuite's item format.
fn escape(f: &str) -> String {
    f.replace('\\', "\\\\").replace(':', "\\:")
}

fn write_sentence(
    pipeline: &Pipeline,
    sentence: &[(String, String)],
    out: &mut impl Write,
) -> std::io::Result<()> {
    // The text, and the gold spans as byte ranges with their types.
    let mut text = String::new();
    let mut gold: Vec<(usize, usize, String)> = Vec::new();
    for (token, label) in sentence {
        if !text.is_empty() {
            text.push(' ');
        }
        let (s, e) = (text.len(), text.len() + token.len());
        text.push_str(token);
        match label.split_once('-') {
            Some(("I", t)) if gold.last().is_some_and(|g| g.2 == t && g.1 + 1 == s) => {
                gold.last_mut().unwrap().1 = e;
            }
            Some((_, t)) => gold.push((s, e, t.to_owned())),
            None => {}
        }
    }
    let doc = Document::new("train", &text);
    for tokens in pipeline.tagger_features(&doc) {
        let mut prev: Option<usize> = None;
        for (range, features) in tokens {
            let g = gold
                .iter()
                .position(|g| g.0 <= range.start && range.start < g.1);
            let label = match g {
                Some(k) if prev == Some(k) => format!("I-{}", gold[k].2),
                Some(k) => format!("B-{}", gold[k].2),
                None => "O".to_owned(),
            };
            prev = g;
            write!(out, "{label}")?;
            for f in &features {
                write!(out, "\t{}", escape(f))?;
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
