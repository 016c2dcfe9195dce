//! Sentence splitting on the kinds of lines the seeds have, and tokens.

use kabar::Gazetteer;
use kabar::tokenize::{Abbreviations, split_sentences, tokenize};

fn split(text: &str) -> Vec<String> {
    let g = Gazetteer::default_files();
    let mut v = Vec::new();
    split_sentences(text, &g.abbreviations, &mut v);
    v.into_iter().map(|r| text[r].to_owned()).collect()
}

#[test]
fn seed_style_lines_split_where_a_reader_would() {
    let cases: &[(&str, &[&str])] = &[
        // dateline with an outlet domain and a dash
        (
            "REPUBLIKA.CO.ID, MOSKOW – Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping sepakat menolak intervensi Barat terhadap negara mereka. Putin dan Xi setuju.",
            &[
                "REPUBLIKA.CO.ID, MOSKOW – Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping sepakat menolak intervensi Barat terhadap negara mereka.",
                "Putin dan Xi setuju.",
            ],
        ),
        // a quote closed after its full stop, then the speaker
        (
            "“Kami selalu saling mendukung,” kata Putin. “Ini baik.” Lalu selesai.",
            &[
                "“Kami selalu saling mendukung,” kata Putin.",
                "“Ini baik.”",
                "Lalu selesai.",
            ],
        ),
        // dates and numbers in brackets
        (
            "kata Xi, Rabu (15/12), dilaporkan Xinhua. Naik 31 persen menjadi 123 miliar dolar AS.",
            &[
                "kata Xi, Rabu (15/12), dilaporkan Xinhua.",
                "Naik 31 persen menjadi 123 miliar dolar AS.",
            ],
        ),
        (
            "Jumat (4/2/2022), dikutip laman Sputnik. Selesai.",
            &["Jumat (4/2/2022), dikutip laman Sputnik.", "Selesai."],
        ),
        // abbreviations and initials
        (
            "Dr. Budi dan Prof. Ani hadir. Pasukan A.S. tiba pukul 5. Jl. Sudirman ditutup.",
            &[
                "Dr. Budi dan Prof. Ani hadir.",
                "Pasukan A.S. tiba pukul 5.",
                "Jl. Sudirman ditutup.",
            ],
        ),
        // a lower-case word after a full stop is not a new sentence
        (
            "mengubah situasi. perbatasan bersama menjadi sabuk perdamaian.",
            &["mengubah situasi. perbatasan bersama menjadi sabuk perdamaian."],
        ),
        // English
        (
            "The U.S. and China met on Dec. 15. Mr. Wang said no. \"We agree.\" Then it ended.",
            &[
                "The U.S. and China met on Dec. 15.",
                "Mr. Wang said no.",
                "\"We agree.\"",
                "Then it ended.",
            ],
        ),
        // headline lines without a full stop
        (
            "China-Rusia Kompak Tolak Intervensi Barat\n\nRep: Kamran Dikarma",
            &[
                "China-Rusia Kompak Tolak Intervensi Barat",
                "Rep: Kamran Dikarma",
            ],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&split(text), want, "splitting {text:?}");
    }
}

#[test]
fn every_seed_sentence_lies_inside_one_line_and_covers_all_text() {
    let g = Gazetteer::default_files();
    for e in std::fs::read_dir(crate::util::seeds()).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let mut v = Vec::new();
        split_sentences(&text, &g.abbreviations, &mut v);
        let mut covered = 0;
        for r in &v {
            assert!(!text[r.clone()].contains('\n'));
            assert!(r.start >= covered);
            assert!(
                text[covered..r.start].trim().is_empty(),
                "text dropped before {r:?}"
            );
            covered = r.end;
        }
        assert!(text[covered..].trim().is_empty());
    }
}

#[test]
fn tokens_give_compound_parts() {
    let t = "Rusia-China dan China-WHO, laporan 2,5 persen.";
    let mut v = Vec::new();
    tokenize(t, 0..t.len(), &mut v);
    let words: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
    assert_eq!(
        words,
        [
            "Rusia", "-", "China", "dan", "China", "-", "WHO", ",", "laporan", "2,5", "persen", "."
        ]
    );
    let _ = Abbreviations::default();
}
