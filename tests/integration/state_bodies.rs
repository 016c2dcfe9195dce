//! State bodies named by kind and country (`state-body-kinds.tsv`,
//! `state-bodies.tsv`; entity step 1b): "Kemlu Jepang", "kementerian
//! pertahanan Rusia", "Japan's foreign ministry" are one ORGANIZATION with
//! the English Wikipedia title of that country's body, the country nested.

use std::sync::OnceLock;

use kabar::{Document, EntityType, GazetteerBuilder, Lang, MentionSource, Pipeline};

fn pipeline(lang: Lang) -> &'static Pipeline {
    static ID: OnceLock<Pipeline> = OnceLock::new();
    static EN: OnceLock<Pipeline> = OnceLock::new();
    let cell = if lang == Lang::Id { &ID } else { &EN };
    cell.get_or_init(|| {
        Pipeline::builder()
            .entities_only(true)
            .lang(Some(lang))
            .build()
    })
}

/// (text as written, entity id, type) of every mention not from the
/// name tagger.
fn found(lang: Lang, text: &str) -> Vec<(String, String, EntityType)> {
    let p = pipeline(lang);
    let a = p.process(&Document::new("t", text));
    a.mentions
        .iter()
        .filter(|m| m.source != MentionSource::Model)
        .map(|m| {
            let e = a.entity(p.gazetteer(), m.entity);
            (text[m.start..m.end].to_owned(), e.id.clone(), m.etype)
        })
        .collect()
}

/// The organisations of `found`, as (text, id).
fn orgs(lang: Lang, text: &str) -> Vec<(String, String)> {
    found(lang, text)
        .into_iter()
        .filter(|(_, _, t)| *t == EntityType::Organization)
        .map(|(s, id, _)| (s, id))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|&(a, b)| (a.into(), b.into())).collect()
}

#[test]
fn indonesian_bodies_of_foreign_states_are_linked() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // Listed as an alias already, and the same through the kinds.
        (
            "Kementerian Luar Negeri Jepang menyatakan keprihatinan.",
            &[(
                "Kementerian Luar Negeri Jepang",
                "Ministry_of_Foreign_Affairs_(Japan)",
            )],
        ),
        (
            "Kemlu AS membantah laporan itu.",
            &[("Kemlu AS", "United_States_Department_of_State")],
        ),
        (
            "Mahkamah Agung AS memutuskan perkara itu.",
            &[("Mahkamah Agung AS", "Supreme_Court_of_the_United_States")],
        ),
        // Written in lower case, as the news does.
        (
            "Ia mengutip kementerian pertahanan Rusia, Minggu.",
            &[(
                "kementerian pertahanan Rusia",
                "Ministry_of_Defence_(Russia)",
            )],
        ),
        (
            "Kementerian pertahanan Finlandia mengatakan pesawat itu melanggar.",
            &[(
                "Kementerian pertahanan Finlandia",
                "Ministry_of_Defence_(Finland)",
            )],
        ),
        (
            "Usul itu disetujui parlemen Jerman pekan lalu.",
            &[("parlemen Jerman", "Bundestag")],
        ),
        // A short form that alone is Indonesia's ministry.
        (
            "Kemlu Finlandia memanggil duta besar itu.",
            &[("Kemlu Finlandia", "Ministry_for_Foreign_Affairs_(Finland)")],
        ),
        (
            "Gubernur Bank Sentral Malaysia Zeti Akhtar Aziz mengatakan itu.",
            &[("Bank Sentral Malaysia", "Bank_Negara_Malaysia")],
        ),
        // No title (an embassy's is named by its city): the name as
        // written.
        (
            "Kedutaan Besar AS di Jakarta ditutup. Kedubes Rusia menolak berkomentar.",
            &[
                ("Kedutaan Besar AS", "Kedutaan_Besar_AS"),
                ("Kedubes Rusia", "Kedubes_Rusia"),
            ],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(orgs(Lang::Id, text), pairs(want), "{text}");
    }
}

#[test]
fn the_country_inside_stays_a_country() {
    let got = found(
        Lang::Id,
        "Kementerian pertahanan Rusia menyangkal laporan itu.",
    );
    assert!(
        got.iter()
            .any(|(s, id, t)| s == "Rusia" && id == "Russia" && *t == EntityType::Country),
        "{got:?}"
    );
    let got = found(
        Lang::En,
        "Japan's foreign ministry said on Monday it would protest.",
    );
    assert!(
        got.iter()
            .any(|(s, id, t)| s == "Japan" && id == "Japan" && *t == EntityType::Country),
        "{got:?}"
    );
}

#[test]
fn english_bodies_of_foreign_states_are_linked() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Japan's foreign ministry said on Monday it would protest.",
            &[(
                "Japan's foreign ministry",
                "Ministry_of_Foreign_Affairs_(Japan)",
            )],
        ),
        (
            "The Russian Defence Ministry said its jets intercepted the drone.",
            &[("Russian Defence Ministry", "Ministry_of_Defence_(Russia)")],
        ),
        (
            "The US Supreme Court ruled on Friday.",
            &[("US Supreme Court", "Supreme_Court_of_the_United_States")],
        ),
        (
            "China's Ministry of Commerce announced new export rules.",
            &[(
                "China's Ministry of Commerce",
                "Ministry_of_Commerce_(China)",
            )],
        ),
        (
            "The Finnish defence ministry denied it.",
            &[("Finnish defence ministry", "Ministry_of_Defence_(Finland)")],
        ),
        (
            "The Supreme Court of Canada agreed with the lower court.",
            &[("Supreme Court of Canada", "Supreme_Court_of_Canada")],
        ),
        (
            "The German parliament voted on the package.",
            &[("German parliament", "Bundestag")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(orgs(Lang::En, text), pairs(want), "{text}");
    }
}

#[test]
fn indonesias_own_bodies_are_unchanged() {
    // A bare short form is Indonesia's ministry, as before.
    assert_eq!(
        orgs(Lang::Id, "Kemlu memastikan semua WNI di sana aman."),
        pairs(&[("Kemlu", "Ministry_of_Foreign_Affairs_(Indonesia)")])
    );
    assert_eq!(
        orgs(Lang::Id, "Kemlu RI memastikan semua WNI di sana aman."),
        pairs(&[("Kemlu RI", "Ministry_of_Foreign_Affairs_(Indonesia)")])
    );
    assert_eq!(
        orgs(Lang::Id, "Putusan itu dikuatkan Mahkamah Agung pekan lalu."),
        pairs(&[("Mahkamah Agung", "Supreme_Court_of_Indonesia")])
    );
}

#[test]
fn descriptions_and_false_friends_are_no_bodies() {
    // "militer" before a country is a description: the country only.
    let got = found(
        Lang::Id,
        "Militer Israel mengatakan pihaknya membom 20 target.",
    );
    assert_eq!(
        got,
        [(
            "Israel".to_owned(),
            "Israel".to_owned(),
            EntityType::Country
        )]
    );
    // A common word, with no country after it.
    assert!(orgs(Lang::Id, "Anggaran militer naik tahun ini, kata parlemen.").is_empty());
    // A kind with no title, in lower case: a description, no mention.
    assert!(orgs(Lang::Id, "Usul itu ditolak parlemen Austria.").is_empty());
    // A kind's head not beside the country.
    assert!(
        orgs(
            Lang::En,
            "The foreign ministry in Tokyo, Japan, said nothing."
        )
        .is_empty()
    );
    assert!(orgs(Lang::En, "The military said Japan was not involved.").is_empty());
}

#[test]
fn a_user_row_adds_a_countrys_body() {
    let mut b = GazetteerBuilder::new();
    b.add_defaults().add_str(
        "my-bodies.tsv",
        "entity_id\ttype\tname\tcountry\tkind\n\
         Federal_Ministry_for_European_and_International_Affairs\tORGANIZATION\t\
         Austrian Foreign Ministry\tAustria\tforeign_ministry\n",
    );
    let (g, diags) = b.build();
    assert!(diags.is_empty(), "{diags:?}");
    let p = Pipeline::builder()
        .gazetteer(g)
        .entities_only(true)
        .lang(Some(Lang::Id))
        .build();
    let text = "Kemlu Austria memanggil duta besar itu.";
    let a = p.process(&Document::new("t", text));
    let ids: Vec<&str> = a
        .mentions
        .iter()
        .map(|m| a.entity(p.gazetteer(), m.entity).id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "Federal_Ministry_for_European_and_International_Affairs",
            "Austria"
        ]
    );
}

#[test]
fn body_rows_are_checked() {
    let mut b = GazetteerBuilder::new();
    b.add_defaults().add_str(
        "bad-bodies.tsv",
        "entity_id\ttype\tname\tcountry\tkind\n\
         A_Body\tORGANIZATION\tA Body\tAustria\t\n\
         B_Body\tORGANIZATION\tB Body\tAustria\tpalace\n\
         C_Body\tORGANIZATION\tC Body\tAtlantis\tembassy\n\
         D_Body\tPERSON\tD Body\tAustria\tembassy\n",
    );
    let (_, diags) = b.build();
    let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let has = |line: &str, what: &str| {
        msgs.iter()
            .any(|m| m.contains(&format!("bad-bodies.tsv:{line}")) && m.contains(what))
    };
    assert!(has("2", "go together"), "{msgs:?}");
    assert!(has("3", "palace"), "{msgs:?}");
    assert!(has("4", "Atlantis"), "{msgs:?}");
    assert!(has("5", "ORGANIZATION"), "{msgs:?}");
}
