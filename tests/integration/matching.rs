//! Gazetteer matching: token boundaries, longest match, case, diacritics.

use kabar::{Document, GazetteerBuilder, MentionSource, Pipeline};

use crate::util::{data, owned_pairs};

fn mini() -> Pipeline {
    let mut b = GazetteerBuilder::new();
    b.add_default_lexicons();
    b.add_path(&data("gazetteer/mini.tsv")).unwrap();
    let (g, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    Pipeline::builder().gazetteer(g).build()
}

/// (text as written, entity id) of every mention of the gazetteer and the
/// patterns (the name tagger's are tested in `entities/tagger/`).
fn found(p: &Pipeline, text: &str) -> Vec<(String, String)> {
    let doc = Document::new("t", text);
    let a = p.process(&doc);
    a.mentions
        .iter()
        .filter(|m| m.source != MentionSource::Model)
        .map(|m| {
            (
                text[m.start..m.end].to_owned(),
                a.entity(p.gazetteer(), m.entity).id.clone(),
            )
        })
        .collect()
}

#[test]
fn boundaries_longest_match_and_case() {
    let p = mini();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Kantor berita Xinhua melaporkan",
            &[("Xinhua", "Xinhua_News_Agency")],
        ),
        ("Xi bertemu", &[("Xi", "Xi_Jinping")]),
        (
            "ASEAN dan AS",
            &[("ASEAN", "ASEAN"), ("AS", "United_States")],
        ),
        ("kasus itu, as usual, Asia", &[]),
        (
            "di Laut China Selatan",
            &[("Laut China Selatan", "South_China_Sea")],
        ),
        (
            "Sudan Selatan dan Sudan",
            &[("Sudan Selatan", "South_Sudan"), ("Sudan", "Sudan")],
        ),
        (
            "relasi Rusia-China",
            &[("Rusia", "Russia"), ("China", "China")],
        ),
        (
            "laporan China-WHO",
            &[("China", "China"), ("WHO", "World_Health_Organization")],
        ),
        (
            "CHINA-RUSIA KOMPAK",
            &[("CHINA", "China"), ("RUSIA", "Russia")],
        ),
        (
            "china dan rusia",
            &[("china", "China"), ("rusia", "Russia")],
        ),
        ("who is there, Who knows", &[]),
        (
            // A name with its abbreviation in brackets is one mention.
            "Organisasi Kesehatan Dunia (WHO)",
            &[(
                "Organisasi Kesehatan Dunia (WHO)",
                "World_Health_Organization",
            )],
        ),
        ("China's role", &[("China", "China")]),
        ("REPUBLIKA.CO.ID", &[]),
        (
            "Erdoğan, Erdogan, ERDOĞAN",
            &[
                ("Erdoğan", "Recep_Tayyip_Erdoğan"),
                ("Erdogan", "Recep_Tayyip_Erdoğan"),
                ("ERDOĞAN", "Recep_Tayyip_Erdoğan"),
            ],
        ),
        (
            "Türkiye, Turkiye dan turki",
            &[("Türkiye", "Turkey"), ("Turkiye", "Turkey")],
        ),
        ("Tiongkokku", &[]),
    ];
    for (text, want) in cases {
        let got = found(&p, text);
        assert_eq!(got, owned_pairs(want), "in {text:?}");
    }
}

#[test]
fn seats_act_or_are_places() {
    let p = mini();
    // The mini gazetteer's seats and countries; the name tagger's finds
    // ("Putin", whom the mini gazetteer does not list) are another test's.
    let doc = |t: &str| {
        let d = Document::new("t", t);
        let a = p.process(&d);
        a.mentions
            .iter()
            .filter(|m| m.source != MentionSource::Model)
            .map(|m| (t[m.start..m.end].to_owned(), m.etype.as_str()))
            .collect::<Vec<_>>()
    };
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Beijing akan memperkuat kerja sama dengan Moskow.",
            &[("Beijing", "COUNTRY"), ("Moskow", "COUNTRY")],
        ),
        (
            "Putin tiba di Beijing pada hari Jumat.",
            &[("Beijing", "LOCATION")],
        ),
        // Part of a place's name or of an address: after a place head,
        // before a compass word, before a comma and a day.
        (
            "Warga kota Beijing memprotes rencana itu.",
            &[("Beijing", "LOCATION")],
        ),
        (
            "Kantor itu pindah ke Chaoyang, Beijing Utara, tahun lalu.",
            &[("Beijing", "LOCATION")],
        ),
        (
            "Hal itu disampaikan Wang di Balai Agung Rakyat, Beijing, Selasa (5/3).",
            &[("Beijing", "LOCATION")],
        ),
        (
            "Beijing, kata Wang, menolak tuduhan itu.",
            &[("Beijing", "COUNTRY")],
        ),
        (
            "MOSKOW – Presiden Rusia berbicara.",
            &[("MOSKOW", "LOCATION"), ("Rusia", "COUNTRY")],
        ),
        ("kata juru bicara Kremlin.", &[("Kremlin", "COUNTRY")]),
        (
            "Rusia menolak memboikot Olimpiade Musim Dingin Beijing.",
            &[("Rusia", "COUNTRY"), ("Beijing", "LOCATION")],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(doc(text), want, "in {text:?}");
    }
}

#[test]
fn boilerplate_lines_give_no_mentions() {
    let p = Pipeline::default();
    let text = "Rep: Kamran Dikarma/ Red: Friska\nFoto: AP/Pool Sputnik Kremlin\nBaca Juga: China Kritik AS\nChina mendukung Rusia.\nsumber : Reuters\n";
    let d = Document::new("t", text);
    let a = p.process(&d);
    let got: Vec<&str> = a.mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(got, ["China", "Rusia"]);
}

#[test]
fn user_entries_win_over_defaults() {
    let mut b = GazetteerBuilder::new();
    b.add_defaults();
    b.add_str(
        "user.tsv",
        "entity_id\ttype\tname\taliases\nMy_China\tORGANIZATION\tMy China\tChina\n",
    );
    let (g, _) = b.build();
    let p = Pipeline::builder().gazetteer(g).build();
    assert_eq!(
        found(&p, "China"),
        [("China".to_owned(), "My_China".to_owned())]
    );
}

#[test]
fn aliases_of_one_language() {
    // `aliases_id` / `aliases_en` match only in text of that language.
    let mut b = GazetteerBuilder::new();
    b.add_default_lexicons();
    b.add_str(
        "user.tsv",
        "entity_id\ttype\tname\taliases\taliases_id\taliases_en\n\
         Nusa_Bank\tORGANIZATION\tNusa Bank\tNBK\tBN\tNB\n",
    );
    let (g, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    let p = Pipeline::builder().gazetteer(g).build();
    let id =
        "Pemerintah dan NBK sepakat. BN menolak, NB tidak hadir, dan kedua pihak bertemu lagi.";
    let en =
        "The government and NBK agreed. BN refused, NB was absent, and the two sides met again.";
    let ids = |text: &str| -> Vec<String> { found(&p, text).into_iter().map(|(t, _)| t).collect() };
    assert_eq!(ids(id), ["NBK", "BN"]);
    assert_eq!(ids(en), ["NBK", "NB"]);
    // The defaults: "UN" is the United Nations in English only (in
    // Indonesian it is the national exam), "BI" Bank Indonesia in
    // Indonesian only.
    let d = Pipeline::default();
    let un = |text: &str| found(&d, text).iter().any(|(t, _)| t == "UN");
    assert!(un("The UN said on Monday that the talks would resume."));
    assert!(!un(
        "Siswa kelas XII mengikuti UN tahun ini dan hasilnya baik sekali."
    ));
}
