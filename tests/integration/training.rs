//! Training the name tagger is deterministic: `scripts/train_tagger.py`
//! twice on one small composed CoNLL file gives the same model bytes, and
//! kabar reads the model. Needs python3 with python-crfsuite (`.ci/run`
//! installs it); without it the test says so and passes.

use std::path::PathBuf;
use std::process::Command;

use crate::util::{p, root, tempdir};

/// Composed sentences (no data set's), NERGrit's format.
const CONLL: &str = "\
Menurut\tO\nHendra\tB-PERSON\nKusuma\tI-PERSON\n,\tO\nwarga\tO\nmenolak\tO\n.\tO\n\n\
Kata\tO\nWulandari\tB-PERSON\ndi\tO\nSurabaya\tB-PLACE\n.\tO\n\n\
Partai\tB-ORGANISATION\nMaju\tI-ORGANISATION\nBersama\tI-ORGANISATION\nmenolak\tO\nusul\tO\nitu\tO\n.\tO\n\n\
Sutrisno\tB-PERSON\ntiba\tO\ndi\tO\nMedan\tB-PLACE\npada\tO\nSelasa\tO\n.\tO\n\n\
Ujar\tO\nDarmawan\tB-PERSON\nkepada\tO\nBank\tB-ORGANISATION\nSentosa\tI-ORGANISATION\n.\tO\n";

/// The built `tagger_features` example beside this test binary.
fn features_exe() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let path = dir
        .join("examples")
        .join(format!("tagger_features{}", std::env::consts::EXE_SUFFIX));
    path.exists().then_some(path)
}

#[test]
fn training_twice_gives_the_same_model() {
    let has_crfsuite = Command::new("python3")
        .args(["-c", "import pycrfsuite"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_crfsuite {
        eprintln!(
            "skipped: python3 with python-crfsuite is not installed (pip install python-crfsuite==0.9.12)"
        );
        return;
    }
    let Some(exe) = features_exe() else {
        eprintln!("skipped: the tagger_features example is not built");
        return;
    };
    let dir = tempdir();
    let data = dir.path().join("tiny.txt");
    std::fs::write(&data, CONLL).unwrap();
    let script = root().join("scripts/train_tagger.py");
    let mut models = Vec::new();
    for name in ["a.crfsuite", "b.crfsuite"] {
        let out = dir.path().join(name);
        let o = Command::new("python3")
            .arg(&script)
            .args(["--data", &format!("nergrit:{}", p(&data))])
            .args(["--features-exe", p(&exe), "--out", p(&out)])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        models.push(std::fs::read(&out).unwrap());
    }
    assert!(models[0].starts_with(b"lCRF"));
    assert_eq!(models[0], models[1], "two trainings differ");
    let model = kabar::NameModel::load(&dir.path().join("a.crfsuite"));
    assert!(model.is_ok(), "{model:?}");
}

/// Fitting the confidence weights is deterministic too, and gives a file
/// kabar reads: `scripts/train_confidence.py` twice (standard library only)
/// writes the same bytes, with every feature kind and a weight for the
/// sources of the two ends.
#[test]
fn fitting_the_confidence_weights_twice_gives_the_same_file() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: no python3");
        return;
    }
    let dir = tempdir();
    let script = root().join("scripts/train_confidence.py");
    let mut files = Vec::new();
    for name in ["a.tsv", "b.tsv"] {
        let out = dir.path().join(name);
        let o = Command::new("python3")
            .arg(&script)
            .args(["--out", p(&out)])
            .env("KABAR", env!("CARGO_BIN_EXE_kabar"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stdout).contains("held-out log loss"));
        files.push(std::fs::read_to_string(&out).unwrap());
    }
    assert_eq!(files[0], files[1]);
    for feature in [
        "bias\t",
        "rule=title\t",
        "relation=",
        "subject=gazetteer\t",
        "object=",
        "gap=near\t",
    ] {
        assert!(
            files[0].contains(feature),
            "{feature} missing:\n{}",
            files[0]
        );
    }
}
