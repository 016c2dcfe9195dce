//! The default gazetteers: they pass the checker, cover every country in
//! both languages, and match variants, acronyms, seats and names beyond the
//! lists as a reader would.

use std::sync::LazyLock;

use kabar::{Document, MentionSource, Pipeline};

use crate::util::*;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::default);

/// (text, entity_id, type) of every mention in `text` of the gazetteer and
/// the patterns (the name tagger's are tested in `entities/tagger/`).
fn mentions(text: &str) -> Vec<(String, String, &'static str)> {
    let p = &*PIPELINE;
    let a = p.process(&Document::new("t", text));
    a.mentions
        .iter()
        .filter(|m| !m.nested && m.source != MentionSource::Model)
        .map(|m| {
            (
                text[m.start..m.end].to_owned(),
                a.entity(p.gazetteer(), m.entity).id.clone(),
                m.etype.as_str(),
            )
        })
        .collect()
}

/// The entity ids of [`mentions`] of `text`, in order.
fn mention_ids(text: &str) -> Vec<String> {
    mentions(text).into_iter().map(|(_, i, _)| i).collect()
}

#[test]
fn default_files_pass_the_checker() {
    let out = kabar(&["gazetteer", "check"], None);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("0 errors"), "{err}");
    // Measured coverage, not claimed.
    let g = kabar::Gazetteer::default_files();
    let count = |t: kabar::EntityType| g.entities.iter().filter(|e| e.etype == t).count();
    assert!(
        count(kabar::EntityType::Country) >= 249,
        "{}",
        count(kabar::EntityType::Country)
    );
    assert!(count(kabar::EntityType::Organization) >= 200);
    assert!(count(kabar::EntityType::Person) >= 400);
}

#[test]
fn check_reports_every_problem_with_file_and_line() {
    let dir = tempdir();
    let f = dir.path().join("bad.tsv");
    std::fs::write(
        &f,
        "entity_id\ttype\tname\taliases\tcolour\n\
         A_Person\tPERSON\tA Person\tAP|\n\
         China\tPLANET\tChina\n\
         My_China\tCOUNTRY\tMy China\tTiongkok\n\
         A_Person\tPERSON\tAgain\n",
    )
    .unwrap();
    let out = kabar(&["gazetteer", "check", "--with-defaults", p(&f)], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let name = p(&f);
    for want in [
        format!("{name}:1: error: unknown column `colour`"),
        format!("{name}:2: error: empty item in `aliases`"),
        format!("{name}:3: error: bad type `PLANET`"),
        format!("{name}:4: warning: alias `Tiongkok` is also claimed by `China`"),
        format!("{name}:5: error: duplicate entity_id `A_Person` (first at line 2)"),
    ] {
        assert!(err.contains(&want), "missing {want:?} in:\n{err}");
    }
}

#[test]
fn check_reports_bad_cue_forms_and_codes() {
    let dir = tempdir();
    let f = dir.path().join("cues-en.tsv");
    std::fs::write(
        &f,
        "cue\trelation\tcameo\tforms\tdirection\tnotes\n\
         fire at\tattack\t19\tfire … at|fired … into\tfwd\t\n\
         at\tattack\t19\t… at\tfwd\t\n\
         fire\tattack\t19\tfired … at … on\tfwd\t\n\
         protest\tcriticize\t-\tstem\tfwd\t\n\
         scold\tcriticize\tx1\tstem\tfwd\t\n",
    )
    .unwrap();
    let out = kabar(&["gazetteer", "check", p(&f)], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let name = p(&f);
    // A `-` cameo (no code at all) is fine.
    for fine in [2, 5] {
        assert!(!err.contains(&format!("{name}:{fine}:")), "{err}");
    }
    for want in [
        format!("{name}:3: error: bad gapped form `… at`"),
        format!("{name}:4: error: bad gapped form `fired … at … on`"),
        format!("{name}:6: error: bad cameo `x1`"),
    ] {
        assert!(err.contains(&want), "missing {want:?} in:\n{err}");
    }
}

/// The coverage report: every ISO 3166-1 country's English and Indonesian
/// name (from pycountry, `tests/data/iso3166_names.tsv`) in a plain
/// sentence is found with the right id. The failures, if any, are listed.
#[test]
fn every_country_is_found_in_both_languages() {
    let table = std::fs::read_to_string(data("iso3166_names.tsv")).unwrap();
    let mut rows = 0;
    let mut missed = Vec::new();
    for line in table.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, en, idn) = (f[1], f[2], f[3]);
        rows += 1;
        for sentence in [
            format!("Pemerintah {idn} mengumumkan kebijakan baru pada hari Senin."),
            format!("The government of {en} announced a new policy on Monday."),
        ] {
            let got = mentions(&sentence);
            if !got.iter().any(|(_, gid, ty)| gid == id && *ty == "COUNTRY") {
                missed.push(format!("{id}: {sentence:?} -> {got:?}"));
            }
        }
    }
    assert_eq!(
        rows, 249,
        "iso3166_names.tsv should list all 249 ISO 3166-1 entries"
    );
    eprintln!(
        "country coverage: {} of {} names found",
        2 * rows - missed.len(),
        2 * rows
    );
    assert!(
        missed.is_empty(),
        "{} names not found:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn country_variants_in_both_languages() {
    let cases: &[(&str, &str)] = &[
        ("Tiongkok", "China"),
        ("RRT", "China"),
        ("Republik Rakyat Tiongkok", "China"),
        ("Cina", "China"),
        ("Amerika Serikat", "United_States"),
        ("U.S.", "United_States"),
        ("United States", "United_States"),
        ("Inggris", "United_Kingdom"),
        ("Britania Raya", "United_Kingdom"),
        ("Britain", "United_Kingdom"),
        ("Korsel", "South_Korea"),
        ("Korea Selatan", "South_Korea"),
        ("South Korea", "South_Korea"),
        ("Korut", "North_Korea"),
        ("North Korea", "North_Korea"),
        ("Turki", "Turkey"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Rusia", "Russia"),
        ("Russian Federation", "Russia"),
        ("Arab Saudi", "Saudi_Arabia"),
        ("Yordania", "Jordan"),
        ("Jordania", "Jordan"),
        ("Uni Emirat Arab", "United_Arab_Emirates"),
        ("Filipina", "Philippines"),
        ("Selandia Baru", "New_Zealand"),
        ("Jepang", "Japan"),
        ("Jerman", "Germany"),
        ("Prancis", "France"),
        ("Belanda", "Netherlands"),
        ("Timor Leste", "East_Timor"),
    ];
    for (name, id) in cases {
        for text in [
            format!("Delegasi {name} tiba kemarin."),
            format!("A delegation from {name} arrived."),
        ] {
            let got = mentions(&text);
            assert!(
                got.iter().any(|(t, gid, _)| t == name && gid == id),
                "{name} -> {id} in {text:?}: {got:?}"
            );
        }
    }
    // An acronym in capitals is no stop word of language detection: "AS"
    // is not the English "as".
    let a = PIPELINE.process(&Document::new("t", "AS, AS dan AS tiba. AS menolak as."));
    assert_eq!(a.lang, Some(kabar::Lang::Id));
    // Indonesian only: in English text "AS" is AS Roma, "RI" Rhode Island.
    for (name, id) in [("AS", "United_States"), ("RI", "Indonesia")] {
        let got = mentions(&format!("Delegasi {name} tiba kemarin."));
        assert!(
            got.iter().any(|(t, gid, _)| t == name && gid == id),
            "{name}: {got:?}"
        );
        let got = mentions(&format!(
            "The striker moved to {name} Roma, where he was born."
        ));
        assert!(!got.iter().any(|(t, _, _)| t == name), "{name}: {got:?}");
    }
}

#[test]
fn acronyms_match_only_in_their_case() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Sikap AS terhadap WHO dan SCO berubah.",
            &[
                ("AS", "United_States"),
                ("WHO", "World_Health_Organization"),
                ("SCO", "Shanghai_Cooperation_Organisation"),
            ],
        ),
        ("kasus itu, as usual, who knows, sco", &[]),
        (
            "PBB dan NATO bertemu.",
            &[("PBB", "United_Nations"), ("NATO", "NATO")],
        ),
        (
            "ASEAN, bukan AS.",
            &[("ASEAN", "ASEAN"), ("AS", "United_States")],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(String, String)> =
            mentions(text).into_iter().map(|(t, i, _)| (t, i)).collect();
        assert_eq!(got, owned_pairs(want), "in {text:?}");
    }
}

#[test]
fn seats_act_for_their_country_or_are_places() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "Kremlin membantah laporan itu.",
            "Kremlin",
            "Russia",
            "COUNTRY",
        ),
        (
            "Gedung Putih mengecam serangan itu.",
            "Gedung Putih",
            "United_States",
            "COUNTRY",
        ),
        (
            "The White House condemned the attack.",
            "White House",
            "United_States",
            "COUNTRY",
        ),
        (
            "Beijing akan memperkuat kerja sama dengan Moskow.",
            "Moskow",
            "Russia",
            "COUNTRY",
        ),
        (
            "Washington menjatuhkan sanksi baru.",
            "Washington",
            "United_States",
            "COUNTRY",
        ),
        (
            "Downing Street said talks would go on.",
            "Downing Street",
            "United_Kingdom",
            "COUNTRY",
        ),
        (
            "Para menteri bertemu di Beijing pada Jumat.",
            "Beijing",
            "Beijing",
            "LOCATION",
        ),
        (
            "Delegasi itu terbang ke Moskow.",
            "Moskow",
            "Moskow",
            "LOCATION",
        ),
        (
            "MOSKOW – Presiden berbicara.",
            "MOSKOW",
            "Moskow",
            "LOCATION",
        ),
        (
            "Ia kembali dari Washington kemarin.",
            "Washington",
            "Washington",
            "LOCATION",
        ),
        // The city of an address; a list of capitals still acts.
        (
            "Kantornya di Jalan Merpati Nomor 12, Jakarta sejak 1990.",
            "Jakarta",
            "Jakarta",
            "LOCATION",
        ),
        (
            "Ia berbicara di Gedung Nusantara, Jakarta kemarin.",
            "Jakarta",
            "Jakarta",
            "LOCATION",
        ),
        (
            "Beijing, Moskow dan Washington menolak usul itu.",
            "Moskow",
            "Russia",
            "COUNTRY",
        ),
    ];
    for (text, surface, id, ty) in cases {
        let got = mentions(text);
        assert!(
            got.iter()
                .any(|(t, gid, gt)| t == surface && gid == id && gt == ty),
            "{surface} in {text:?} should be {id} {ty}: {got:?}"
        );
    }
}

/// Is (surface, id, type) among the mentions found?
/// The `source` of the first mention of `surface` in `text`.
fn source_of(text: &str, surface: &str) -> &'static str {
    let a = PIPELINE.process(&Document::new("t", text));
    a.mentions
        .iter()
        .find(|m| &text[m.start..m.end] == surface)
        .unwrap_or_else(|| panic!("no mention {surface:?}"))
        .source
        .as_str()
}

/// The surfaces of the mentions of one type, in text order.
fn of_type<'a>(got: &'a [(String, String, &str)], ty: &str) -> Vec<&'a str> {
    got.iter()
        .filter(|(_, _, y)| *y == ty)
        .map(|(t, _, _)| t.as_str())
        .collect()
}

fn has(got: &[(String, String, &str)], surface: &str, id: &str, ty: &str) -> bool {
    got.iter()
        .any(|(t, i, y)| t == surface && i == id && *y == ty)
}

/// A name and its bracketed abbreviation on two lines stay two mentions:
/// a mention never crosses its sentence (the pipeline fuzz target found a
/// panic in the relation stage when one did).
#[test]
fn a_bracketed_abbreviation_on_the_next_line_stays_apart() {
    let text = "Para pemimpin hadir di KTT Organisasi Kerjasama Shanghai\n (SCO) di Samarkand.\n\nRusia dan China sepakat bekerja sama.";
    let p = &*PIPELINE;
    let a = p.process(&Document::new("t", text));
    for m in &a.mentions {
        let s = &a.sentences[m.sentence as usize];
        assert!(
            s.start <= m.start && m.end <= s.end,
            "{:?} crosses its sentence",
            &text[m.start..m.end]
        );
    }
    let got = mentions(text);
    assert!(
        has(
            &got,
            "Organisasi Kerjasama Shanghai",
            "Shanghai_Cooperation_Organisation",
            "ORGANIZATION"
        ),
        "{got:?}"
    );
}

#[test]
fn acronyms_defined_after_an_organisation() {
    // Organisations composed for this test; none is in the default gazetteers.
    let count = |got: &[(String, String, &str)], surface: &str, id: &str| {
        got.iter()
            .filter(|(t, i, y)| t == surface && i == id && *y == "ORGANIZATION")
            .count()
    };
    // "(ACR)" and "atau ACR" after an organisation found by pattern; the
    // later uses of the acronym are the same organisation. The name with
    // its bracketed acronym is one mention.
    let id = "Partai Rakyat Maju Bersama (PRMB) menolak rencana itu pada Senin. \
        Juru bicara PRMB mengatakan partainya akan bertemu Presiden. \
        Badan Pengawas Pelabuhan Nusantara atau BPPN memeriksa kapal itu, kata pejabat BPPN.";
    let got = mentions(id);
    assert_eq!(
        count(
            &got,
            "Partai Rakyat Maju Bersama (PRMB)",
            "Partai_Rakyat_Maju_Bersama"
        ),
        1,
        "{got:?}"
    );
    assert_eq!(
        count(&got, "PRMB", "Partai_Rakyat_Maju_Bersama"),
        1,
        "{got:?}"
    );
    assert_eq!(
        count(&got, "BPPN", "Badan_Pengawas_Pelabuhan_Nusantara"),
        2,
        "{got:?}"
    );
    let en = "The National Disaster Response Agency (NDRA) said on Monday that the crash \
        was under review. NDRA investigators will travel to the site on Tuesday, officials said.";
    let got = mentions(en);
    assert_eq!(
        count(&got, "NDRA", "National_Disaster_Response_Agency"),
        1,
        "{got:?}"
    );
    // Not the initials: no acronym. Two organisations with one acronym:
    // its later use is neither. An acronym the gazetteer knows keeps its
    // own entity.
    let text = "Partai Rakyat Maju Bersama (PRX) menolak rencana itu pada Senin. \
        Badan Riset Kelautan (BRK) dan Badan Regulasi Kelistrikan (BRK) berselisih. \
        Kepala BRK mengatakan pertemuan itu gagal. \
        Badan Nasional Penanggulangan Bencana (BNPB) mengirim tenda ke lokasi.";
    let got = mentions(text);
    assert!(!got.iter().any(|(t, _, _)| t == "PRX"), "{got:?}");
    // Each name with its bracketed acronym is one mention; the later "BRK"
    // is neither organisation.
    assert_eq!(
        count(&got, "Badan Riset Kelautan (BRK)", "Badan_Riset_Kelautan"),
        1,
        "{got:?}"
    );
    assert_eq!(
        count(
            &got,
            "Badan Regulasi Kelistrikan (BRK)",
            "Badan_Regulasi_Kelistrikan"
        ),
        1,
        "{got:?}"
    );
    assert!(!got.iter().any(|(t, _, _)| t == "BRK"), "{got:?}");
    assert!(
        got.iter().any(
            |(t, i, _)| t == "Badan Nasional Penanggulangan Bencana (BNPB)"
                && i == "National_Agency_for_Disaster_Countermeasure"
        ),
        "{got:?}"
    );
    // Their source is `pattern`.
    assert_eq!(source_of(en, "NDRA"), "pattern");
}

#[test]
fn acronyms_defined_before_an_organisation() {
    // "ACR (Name)": the acronym before the bracketed name is that
    // organisation, and so are its later uses. Names composed for this
    // test; none is in the default gazetteers.
    let text = "Ia menjabat ketua umum HNPN (Himpunan Nelayan Pesisir Nusantara) sejak 2010. \
        Tahun lalu HNPN menolak rencana reklamasi itu. \
        Sebelumnya KRP (Himpunan Nelayan Pesisir Nusantara) tidak pernah ada.";
    let got = mentions(text);
    let hnpn = |surface: &str| {
        got.iter()
            .filter(|(t, i, y)| {
                t == surface && i == "Himpunan_Nelayan_Pesisir_Nusantara" && *y == "ORGANIZATION"
            })
            .count()
    };
    assert_eq!(
        hnpn("HNPN (Himpunan Nelayan Pesisir Nusantara)"),
        1,
        "{got:?}"
    );
    assert_eq!(hnpn("HNPN"), 1, "{got:?}");
    // Not the initials: no acronym.
    assert!(!got.iter().any(|(t, _, _)| t == "KRP"), "{got:?}");
    // Brackets that hold more than the name define nothing.
    let got = mentions("Kepala HNPN (dan Himpunan Nelayan Pesisir Nusantara) datang.");
    assert!(!got.iter().any(|(t, _, _)| t == "HNPN"), "{got:?}");
    let en = "Leaders of the NFPA (National Fishers Protection Association) met on Monday.";
    let got = mentions(en);
    assert!(
        has(
            &got,
            "NFPA (National Fishers Protection Association)",
            "National_Fishers_Protection_Association",
            "ORGANIZATION"
        ),
        "{got:?}"
    );
}

#[test]
fn organisation_names_end_before_days_and_numbers() {
    // A day or a document number after an organisation's name is not part
    // of it; nor does a lone head word with "dan" after it start a name.
    for (text, org) in [
        (
            "Kementerian Perdagangan Malaysia Senin menolak tuduhan itu.",
            "Kementerian Perdagangan Malaysia",
        ),
        (
            "Kementerian Perdagangan Kamis lalu mengatakan hal yang sama.",
            "Kementerian Perdagangan",
        ),
        (
            "Izin itu diakui Departemen Sosial RI No. 25/HUK/1991 tanggal 6 Juli 1991.",
            "Departemen Sosial RI",
        ),
        (
            "Izin itu diakui Departemen Sosial RI Nomor 25 tahun 1991.",
            "Departemen Sosial RI",
        ),
    ] {
        let got = mentions(text);
        let orgs = of_type(&got, "ORGANIZATION");
        assert_eq!(orgs, [org], "{text}");
    }
    // "dan" joins an acronym that ends the name, but not a second
    // organisation; an Indonesian name ends with its country.
    let got = mentions(
        "Kementerian Sumber Daya dan ESDM menolak. \
         Partai Rakyat Miskin dan Partai Kepentingan Rakyat bergabung. \
         Ia anggota Partai Komunis Jerman Karl Liebknecht.",
    );
    let orgs = of_type(&got, "ORGANIZATION");
    assert_eq!(
        orgs,
        [
            "Kementerian Sumber Daya dan ESDM",
            "Partai Rakyat Miskin",
            "Partai Kepentingan Rakyat",
            "Partai Komunis Jerman"
        ],
        "{got:?}"
    );
    let got = mentions("Aturan itu mengatur Susunan Organisasi dan Tata Kerja lembaga tersebut.");
    assert!(!got.iter().any(|(_, _, y)| *y == "ORGANIZATION"), "{got:?}");
}

#[test]
fn organisations_by_their_head_words() {
    // Parliamentary factions, associations, militias, service branches,
    // regional police and army commands, football clubs. Names composed
    // for this test; none is in the default gazetteers.
    let text = "Usul itu ditolak Fraksi Partai Maju di DPR. \
        Himpunan Petani Garam Madura mendukung rencana itu. \
        Barisan Pemuda Merdeka menggelar aksi di depan gedung. \
        Angkatan Laut Peru mengirim dua kapal ke perairan itu. \
        Polda Sulawesi Tenggara memeriksa tiga saksi. \
        Pemain itu pindah ke Bintang Timur FC musim lalu.";
    let got = mentions(text);
    for surface in [
        "Fraksi Partai Maju",
        "Himpunan Petani Garam Madura",
        "Barisan Pemuda Merdeka",
        "Angkatan Laut Peru",
        "Polda Sulawesi Tenggara",
        "Bintang Timur FC",
    ] {
        assert!(
            got.iter()
                .any(|(t, _, y)| t == surface && *y == "ORGANIZATION"),
            "{surface}: {got:?}"
        );
    }
    // The country inside the name is still found, nested.
    let a = PIPELINE.process(&Document::new("t", text));
    assert!(
        a.mentions
            .iter()
            .any(|m| m.nested && &text[m.start..m.end] == "Peru"),
        "{:?}",
        a.mentions
    );
}

#[test]
fn places_after_titles_are_no_people() {
    // A regional title is followed by its place, then maybe the name:
    // provinces, "X Utara" and "Dusun X" are places, a regiment is a unit.
    // Names composed for this test; none is in the default gazetteers.
    let text = "Bupati Lampung Utara Mukhlis Basri mengatakan jalan itu rusak. \
        Gubernur Papua Barnabas Suebu meninjau lokasi. \
        Kepala Dusun Kleben mengatakan warga mengungsi. \
        Wakil Bupati Tapanuli Tengah tiba kemarin. \
        Komandan Resimen Infanteri itu datang bersama Wali Kota Madya Surakarta.";
    let got = mentions(text);
    let people = of_type(&got, "PERSON");
    assert_eq!(people, ["Mukhlis Basri", "Barnabas Suebu"], "{got:?}");
    assert!(
        has(&got, "Papua", "Papua_(province)", "LOCATION"),
        "{got:?}"
    );
    // A compass word first is still a name ("Timur" is a given name), and
    // a body is named by its province.
    let got = mentions(
        "Menteri Pertahanan Timur Hadiprawiro bertemu Kapolda Jawa Barat. Polda Jawa Barat menolak.",
    );
    assert!(
        got.iter()
            .any(|(t, _, y)| t == "Timur Hadiprawiro" && *y == "PERSON"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, _, y)| t == "Polda Jawa Barat" && *y == "ORGANIZATION"),
        "{got:?}"
    );
    // A unit of the body after a title is no person ("Bidang …").
    let got = mentions("Deputi Komisioner OJK Bidang Pengawasan Pasar mengatakan hal itu.");
    assert!(of_type(&got, "PERSON").is_empty(), "{got:?}");
}

#[test]
fn bodies_named_by_their_city() {
    // A capital after a bare head, or with its district's compass word,
    // names the body; after a name that is whole already it is the body's
    // city. Names composed for this test.
    let got = mentions(
        "Berkas itu dilimpahkan ke Pengadilan Negeri Jakarta Timur pekan lalu. \
         Mahasiswa Universitas Cendana Raya Jakarta berunjuk rasa.",
    );
    let orgs = of_type(&got, "ORGANIZATION");
    assert_eq!(
        orgs,
        [
            "Pengadilan Negeri Jakarta Timur",
            "Universitas Cendana Raya"
        ],
        "{got:?}"
    );
    // The city inside the court's name is a place, no country.
    assert!(of_type(&got, "COUNTRY").is_empty(), "{got:?}");
}

#[test]
fn ranks_and_regions_after_titles() {
    // A rank after a title's region starts the name; a regional title's
    // region is no person even when no name follows; an apposition ending
    // in a regional title holds none either. Names composed for this test.
    let text = "Kapolda Metro Jaya Irjen Danu Wirasena mengatakan hal itu. \
        Kapolres Bogor AKBP Hendra Saputra tiba. \
        Pangdam Bukit Barisan tiba kemarin. \
        Rapat dihadiri Camat Parigi, Kapolsek Parigi, Kepala Desa Kampal dan warga.";
    let got = mentions(text);
    let people = of_type(&got, "PERSON");
    assert_eq!(people, ["Danu Wirasena", "Hendra Saputra"], "{got:?}");
}

#[test]
fn streets_named_after_people_are_no_people() {
    // A known person's name after a place head (and a rank) names the
    // place; after a title it is the person.
    let text = "Kantor itu di Jalan Kolonel Sugiono 19. Menlu Sugiono bertemu Wang Yi.";
    let a = PIPELINE.process(&Document::new("t", text));
    let people: Vec<(&str, usize)> = a
        .mentions
        .iter()
        .filter(|m| m.etype == kabar::EntityType::Person)
        .map(|m| (&text[m.start..m.end], m.start))
        .collect();
    assert_eq!(
        people,
        [
            ("Sugiono", text.find("Menlu").unwrap() + 6),
            ("Wang Yi", text.find("Wang").unwrap())
        ]
    );
}

#[test]
fn relatives_of_known_people_are_other_people() {
    // Given names before a known person's surname that are none of that
    // person's names: another person of the family. A middle name, a noun
    // that opens the sentence, a headline: the known person.
    let text = "Ia datang bersama Michelle Obama ke Kenya. Presiden Obama tiba kemarin. \
        Kunjungan Lavrov berakhir. Cyril Matamela Ramaphosa menyambut mereka.";
    let got = mentions(text);
    for (surface, id) in [
        ("Michelle Obama", "Michelle_Obama"),
        ("Obama", "Barack_Obama"),
        ("Lavrov", "Sergei_Lavrov"),
        ("Ramaphosa", "Cyril_Ramaphosa"),
    ] {
        assert!(has(&got, surface, id, "PERSON"), "{surface}: {got:?}");
    }
    assert_eq!(source_of(text, "Michelle Obama"), "pattern");
    let got = mentions("Rusia Perkuat Kerja Sama Seiring Kunjungan Lavrov ke Beijing");
    assert!(has(&got, "Lavrov", "Sergei_Lavrov", "PERSON"), "{got:?}");
}

#[test]
fn products_are_no_organisations() {
    // A company's name before a model number names the product; a year
    // after an organisation does not.
    let got = mentions(
        "Maskapai itu membeli Airbus A320 dan Boeing 737 MAX. Boeing menolak. KTT ASEAN 2023 digelar.",
    );
    let orgs = of_type(&got, "ORGANIZATION");
    assert_eq!(orgs, ["Boeing", "ASEAN"], "{got:?}");
}

#[test]
fn people_and_organisations_beyond_the_lists() {
    // Names composed for this test; none is in the default gazetteers.
    let text = "Menteri Luar Negeri Peru Arturo Mendívil Salas bertemu Presiden China Xi Jinping. \
        Menurut penasihat presiden Rusia untuk urusan luar negeri, Boris Kalinovsky, pertemuan itu baik. \
        Kalinovsky mengatakan Moskow mendukung Beijing. \
        Dagny Holmqvist, juru bicara Kementerian Luar Negeri Swedia, mengecam Rusia. \
        Kementerian Perdagangan Malaysia menolak tuduhan itu. \
        Pemerintah akan mengirim pejabat ke Piala Dunia Qatar.";
    let got = mentions(text);
    assert!(
        has(
            &got,
            "Arturo Mendívil Salas",
            "Arturo_Mendívil_Salas",
            "PERSON"
        ),
        "{got:?}"
    );
    assert!(
        has(&got, "Boris Kalinovsky", "Boris_Kalinovsky", "PERSON"),
        "{got:?}"
    );
    assert!(
        has(&got, "Kalinovsky", "Boris_Kalinovsky", "PERSON"),
        "a repeated surname is the same person: {got:?}"
    );
    assert!(
        has(&got, "Dagny Holmqvist", "Dagny_Holmqvist", "PERSON"),
        "{got:?}"
    );
    assert!(
        has(
            &got,
            "Kementerian Perdagangan Malaysia",
            "Kementerian_Perdagangan_Malaysia",
            "ORGANIZATION"
        ),
        "{got:?}"
    );
    // No person made of an event name after a lower-case title.
    assert!(!got.iter().any(|(t, _, _)| t.contains("Piala")), "{got:?}");
    // Their source is `pattern`.
    assert_eq!(source_of(text, "Boris Kalinovsky"), "pattern");

    let en = "President Cyril Matamela Ramaphosa met Foreign Minister Ingrid Valbuena of Chile. \
        The National Security Council of Ruritania said Valbuena would return.";
    let got = mentions(en);
    assert!(
        has(&got, "Ingrid Valbuena", "Ingrid_Valbuena", "PERSON"),
        "{got:?}"
    );
    assert!(
        has(&got, "Valbuena", "Ingrid_Valbuena", "PERSON"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, _, y)| t.starts_with("National Security Council") && *y == "ORGANIZATION"),
        "{got:?}"
    );

    // English appositions: an article, the title's country or organisation
    // and a possessive may come before the title.
    let en = "Calls by Aurelio Montebianco, the UN special envoy, were rejected. \
        Tomas Ekdahl, Sweden's ambassador, met Lukas Brenner, German consul, in Jakarta.";
    let got = mentions(en);
    for (surface, id) in [
        ("Aurelio Montebianco", "Aurelio_Montebianco"),
        ("Tomas Ekdahl", "Tomas_Ekdahl"),
        ("Lukas Brenner", "Lukas_Brenner"),
    ] {
        assert!(has(&got, surface, id, "PERSON"), "{surface}: {got:?}");
    }

    // An English company name in Indonesian text has its head last, and is
    // no person after a title; a ministry's portfolio is part of the title,
    // not a name ("Menteri Kehutanan Nomor 5" holds no person).
    let id = "Tomasz Wierzba, presiden Baltic Records, tiba di Jakarta kemarin. \
        Surat Keputusan Menteri Kehutanan Nomor 5 terbit tahun lalu. \
        Ia juga CEO Nusa Cahaya Pictures sejak 2015.";
    let got = mentions(id);
    assert!(
        has(&got, "Baltic Records", "Baltic_Records", "ORGANIZATION"),
        "{got:?}"
    );
    assert!(
        has(
            &got,
            "Nusa Cahaya Pictures",
            "Nusa_Cahaya_Pictures",
            "ORGANIZATION"
        ),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, _, y)| t == "Tomasz Wierzba" && *y == "PERSON"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(t, _, y)| *y == "PERSON"
            && (t.contains("Records") || t.contains("Kehutanan") || t.contains("Nomor"))),
        "{got:?}"
    );

    // No organisation cut short: a name that runs on into a capitalised
    // stop word is not guessed at, and an English name before its head
    // keeps its "of".
    let got = mentions(
        "Kemarin Menteri Badan Usaha Milik Negara Budi Santoso meninjau pelabuhan di Surabaya.",
    );
    assert!(!got.iter().any(|(_, _, y)| *y == "ORGANIZATION"), "{got:?}");
    let got = mentions("He joined The Fishers of Men Club in Manila in 1990.");
    assert!(
        has(
            &got,
            "Fishers of Men Club",
            "Fishers_of_Men_Club",
            "ORGANIZATION"
        ),
        "{got:?}"
    );
}

/// `organizations-id.tsv`: Indonesian short forms take the English
/// Wikipedia title, acronyms that are other words in English match only in
/// Indonesian text, and generic nouns stay unlinked.
#[test]
fn indonesian_bodies_take_their_english_titles() {
    let id_of = |text: &str, surface: &str| -> Option<String> {
        mentions(text)
            .into_iter()
            .find(|(t, _, _)| t == surface)
            .map(|(_, i, _)| i)
    };
    let cases: &[(&str, &str, &str)] = &[
        (
            "Kemenkeu akan menambah anggaran untuk sekolah di daerah yang terpencil itu.",
            "Kemenkeu",
            "Ministry_of_Finance_(Indonesia)",
        ),
        (
            "Petugas dari Kementerian Kesehatan dan Kemensos mendatangi desa itu pada pagi hari.",
            "Kemensos",
            "Ministry_of_Social_Affairs_(Indonesia)",
        ),
        (
            "Para pejabat Kemendagri dan KemenPUPR meninjau jalan yang rusak di desa itu.",
            "KemenPUPR",
            "Ministry_of_Public_Works_and_Housing_(Indonesia)",
        ),
        (
            "Ketua umum PPP mengatakan bahwa partainya akan tetap berada di dalam koalisi.",
            "PPP",
            "United_Development_Party",
        ),
        (
            "Para hakim MK akan membacakan putusan atas gugatan itu pada hari Kamis.",
            "MK",
            "Constitutional_Court_of_Indonesia",
        ),
        (
            "Kementerian Kesehatan Gaza mengatakan jumlah korban terus bertambah.",
            "Kementerian Kesehatan Gaza",
            "Gaza_Health_Ministry",
        ),
        (
            "Dia bekerja di DPR sejak pemilihan yang lalu dan tidak akan mundur.",
            "DPR",
            "House_of_Representatives_(Indonesia)",
        ),
    ];
    for (text, surface, id) in cases {
        assert_eq!(id_of(text, surface).as_deref(), Some(*id), "in {text:?}");
    }
    // Not linked: "PPP" in English text, "BUMN" (state-owned enterprises
    // in general), "ESDM" (the field, not the ministry), a lower-case
    // ministry name.
    let none: &[(&str, &str)] = &[
        (
            "The economy grew when measured at PPP, and the government said it would keep spending.",
            "PPP",
        ),
        (
            "Pemerintah akan menggabungkan beberapa BUMN yang merugi menjadi satu perusahaan.",
            "BUMN",
        ),
        (
            "Investasi di sektor ESDM naik pada tahun ini, kata para pejabat itu.",
            "ESDM",
        ),
    ];
    for (text, surface) in none {
        assert_eq!(id_of(text, surface), None, "in {text:?}");
    }
    let lower = mentions("dia bilang kementerian keuangan di negara itu sudah tutup.");
    assert!(
        !lower
            .iter()
            .any(|(_, i, _)| i == "Ministry_of_Finance_(Indonesia)"),
        "{lower:?}"
    );
}

#[test]
fn a_body_after_a_title_is_kept_before_its_officials_name() {
    // A one-word organisation followed by a capitalised word is cut from a
    // longer name ("Apple Records"), but not after a title, where the
    // words after it are the official's name. Names composed for this test.
    let text = "Direktur Keuangan Pertamina Budi Santosa mengatakan hal itu.";
    let got = mentions(text);
    assert!(
        has(&got, "Pertamina", "Pertamina", "ORGANIZATION"),
        "{got:?}"
    );
    // And the name tagger's person is the name alone.
    let a = PIPELINE.process(&Document::new("t", text));
    let people: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.etype.as_str() == "PERSON")
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(people, ["Budi Santosa"]);
}

#[test]
fn a_listed_persons_name_after_a_place_head_names_the_place() {
    // "Jalan Sudirman", "Tugu Suharto": a place named after a person; a
    // regional title before the name is no place head.
    let got = mentions("Pasar itu dipindah ke Tugu Suharto, dekat Jalan Ahmad Heryawan.");
    assert!(of_type(&got, "PERSON").is_empty(), "{got:?}");
    let got = mentions("Soeharto meresmikan tugu itu.");
    assert_eq!(of_type(&got, "PERSON"), ["Soeharto"], "{got:?}");
}

/// The DPR's commissions and bodies, and the cabinets: a body named with
/// its parliament ("Komisi III DPR") is the body and the DPR, as the gold
/// sets annotate it; a commission's number is read whole ("Komisi II" is
/// not inside "Komisi III"); the short forms count only in Indonesian text.
#[test]
fn parliament_bodies_and_cabinets() {
    let ids = mention_ids;
    assert_eq!(
        ids("Anggota Komisi III DPR itu meminta kepolisian menuntaskan kasus tersebut."),
        ["Komisi_III_DPR", "House_of_Representatives_(Indonesia)"]
    );
    assert_eq!(
        ids("Rapat Komisi II membahas anggaran pemilihan daerah pekan depan."),
        ["Komisi_II_DPR"]
    );
    assert_eq!(
        ids("Banggar DPR RI menyetujui tambahan anggaran untuk Kemenkeu."),
        [
            "Badan_Anggaran_DPR",
            "House_of_Representatives_(Indonesia)",
            "Ministry_of_Finance_(Indonesia)"
        ]
    );
    assert_eq!(
        ids("Badan Kehormatan memanggil dua anggota dewan pada Senin."),
        ["Badan_Kehormatan_DPR"]
    );
    // A cabinet holds no country: "Indonesia" inside its name is no mention.
    assert_eq!(
        ids("Menteri dalam Kabinet Indonesia Bersatu Jilid II itu mundur."),
        ["Second_United_Indonesia_Cabinet"]
    );
    assert_eq!(
        ids("Kabinet Kerja dilantik pada Oktober."),
        ["Working_Cabinet_(Indonesia)"]
    );
    // In English text the Indonesian short form is no name.
    assert!(ids("The Banggar met on Monday.").is_empty());
}

/// A generic organ found alone by pattern ("Dewan Pakar", "Dewan Pimpinan
/// Pusat (DPP)", "Board of Directors") names no organisation; with a name
/// of its own it is one.
#[test]
fn generic_organs_are_no_organisations() {
    let orgs = |text: &str| -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|(_, _, t)| *t == "ORGANIZATION")
            .map(|(s, _, _)| s)
            .collect()
    };
    assert!(orgs("Dewan Pakar partai itu akan bersidang pekan depan.").is_empty());
    assert!(orgs("Dewan Pimpinan Pusat (DPP) partai itu menolak usulan tersebut.").is_empty());
    assert!(orgs("The Board of Directors met on Monday to discuss the offer.").is_empty());
    assert_eq!(
        orgs("Dewan Pengawas Sukamaju Sejahtera menolak usulan tersebut."),
        ["Dewan Pengawas Sukamaju Sejahtera"]
    );
}

/// Universities, pollsters, watchdogs and newspapers that Indonesian
/// political news cites: their English titles, no country inside their
/// names, acronyms that are other words elsewhere only in Indonesian text.
#[test]
fn universities_pollsters_and_watchdogs() {
    let ids = mention_ids;
    assert_eq!(
        ids("Pengamat politik dari Universitas Airlangga menilai langkah itu keliru."),
        ["Airlangga_University"]
    );
    assert_eq!(
        ids("Survei Indikator Politik Indonesia menunjukkan elektabilitasnya naik."),
        ["Indikator_Politik_Indonesia"]
    );
    assert_eq!(
        ids("Peneliti ICW meminta jaksa menuntut hukuman yang lebih berat."),
        ["Indonesia_Corruption_Watch"]
    );
    assert_eq!(
        ids("Menurut harian Media Indonesia, rapat itu ditunda."),
        ["Media_Indonesia"]
    );
    // In English text the Indonesian acronyms are no names.
    assert!(ids("The UI was redesigned and ITS code was rewritten.").is_empty());
}

/// A party's one-word name: Indonesia's Demokrat in Indonesian text, but
/// the party a document names in full when that name holds the word
/// ("Partai Demokrat AS" … "Demokrat").
#[test]
fn a_short_name_is_the_longer_name_the_document_gives() {
    let ids = mention_ids;
    assert_eq!(
        ids("Demokrat menolak usulan itu dalam rapat di Jakarta."),
        ["Democratic_Party_(Indonesia)", "Jakarta"]
    );
    assert_eq!(
        ids("Kandidat Partai Demokrat AS itu menang; Demokrat kini menguasai Senat."),
        [
            "Democratic_Party_(United_States)",
            "Democratic_Party_(United_States)"
        ]
    );
    assert!(ids("The Demokrat party was founded in 2001.").is_empty());
}

/// Indonesian news outlets cited as sources are organisations; their
/// names that are also ordinary words or street names are not.
#[test]
fn indonesian_outlets_cited_as_sources() {
    assert_eq!(
        mention_ids("Menteri itu mengatakan kepada Tribunnews.com bahwa anggaran naik."),
        ["Tribunnews.com"]
    );
    assert_eq!(
        mention_ids("Seperti dilansir Kompas.com dan CNBC Indonesia, harga minyak turun."),
        ["Kompas.com", "CNBC_Indonesia"]
    );
    assert_eq!(
        mention_ids("Wawancara itu dimuat Harian Merdeka dan disiarkan RCTI."),
        ["Merdeka_(newspaper)", "RCTI"]
    );
    // 'Merdeka' of a street, 'kontan' (cash) and 'gatra' (aspect).
    assert!(mention_ids("Massa berkumpul di Jalan Merdeka Barat sejak pagi.").is_empty());
    assert!(mention_ids("Mereka membayar kontan, kata dia, dari gatra ekonomi.").is_empty());
}

/// An acronym the news uses for one party in most stories is that party.
#[test]
fn zimbabwe_opposition_by_its_acronym() {
    assert_eq!(
        mention_ids("Para pendukung MDC berkumpul di Harare."),
        ["Movement_for_Democratic_Change", "Harare"]
    );
}

/// The states few others recognise are countries as the gold sets have
/// them; their leaders act for them.
#[test]
fn partially_recognised_states_are_countries() {
    let got = mentions("Presiden Abkhazia Raul Khajimba bertemu pejabat Ossetia Selatan.");
    assert!(has(&got, "Abkhazia", "Abkhazia", "COUNTRY"), "{got:?}");
    assert!(
        has(&got, "Ossetia Selatan", "South_Ossetia", "COUNTRY"),
        "{got:?}"
    );
    assert!(
        has(&got, "Raul Khajimba", "Raul_Khajimba", "PERSON"),
        "{got:?}"
    );
    let got = mentions("Somaliland and Transnistria held elections.");
    assert!(has(&got, "Somaliland", "Somaliland", "COUNTRY"), "{got:?}");
    assert!(
        has(&got, "Transnistria", "Transnistria", "COUNTRY"),
        "{got:?}"
    );
}

/// A name written in its many transliterations is one person, under the
/// English Wikipedia title.
#[test]
fn transliterations_of_one_name() {
    for text in [
        "Pasukan Moammar Khadafi mundur dari kota itu.",
        "Pasukan Muammar Gaddafi mundur dari kota itu.",
        "Forces loyal to Moammar Gadhafi withdrew.",
    ] {
        assert_eq!(mention_ids(text), ["Muammar_Gaddafi"], "{text}");
    }
    assert_eq!(
        mention_ids("Perdana Menteri Nuri al-Maliki tiba di Baghdad."),
        ["Nouri_al-Maliki", "Baghdad"]
    );
}

/// A company's legal form after its listed name is part of the mention;
/// a renamed company is found under its current title by its old names.
#[test]
fn companies_with_legal_forms_and_old_names() {
    let got = mentions("Saham Qualcomm Inc naik, sementara Telkom turun.");
    assert!(
        has(&got, "Qualcomm Inc", "Qualcomm", "ORGANIZATION"),
        "{got:?}"
    );
    // A one-word name followed by another capitalised word is still cut
    // off ("Qualcomm Stadium" is no mention of the company).
    assert!(mention_ids("Laga itu digelar di Qualcomm Stadium.").is_empty());
    assert_eq!(
        mention_ids("GlaxoSmithKline dan Qtel menandatangani kontrak dengan Indosat."),
        ["GSK_plc", "Ooredoo", "Indosat_Ooredoo_Hutchison"]
    );
}

/// Bodies named after an Indonesian head word the lists do not hold are
/// organisations found by pattern.
#[test]
fn indonesian_head_words_of_bodies() {
    for (text, body) in [
        (
            "Dinas Kesehatan Kabupaten Bogor mencatat 12 kasus baru.",
            "Dinas Kesehatan Kabupaten Bogor",
        ),
        (
            "Mahasiswa Institut Teknologi Sumatera menggelar aksi.",
            "Institut Teknologi Sumatera",
        ),
        (
            "Laporan itu disiarkan Radio Suara Maluku pagi tadi.",
            "Radio Suara Maluku",
        ),
        (
            "Rapat Sekretariat Bersama Koalisi digelar malam ini.",
            "Sekretariat Bersama Koalisi",
        ),
    ] {
        let got = mentions(text);
        assert!(
            got.iter()
                .any(|(t, _, ty)| t == body && *ty == "ORGANIZATION"),
            "{text}: {got:?}"
        );
    }
}

/// A person named after a title in another spelling of a listed name is
/// the listed person.
#[test]
fn titled_people_in_another_spelling() {
    let got = mentions("Ketua Umum Partai Demokrat Soesilo Bambang Yudoyono hadir di Bogor.");
    assert!(
        has(
            &got,
            "Soesilo Bambang Yudoyono",
            "Susilo_Bambang_Yudhoyono",
            "PERSON"
        ),
        "{got:?}"
    );
}

/// Religious honorifics before a name are not part of it.
#[test]
fn religious_honorifics_are_left_out_of_names() {
    let p = &*PIPELINE;
    for (text, name) in [
        (
            "Syekh Abdul Karim Baharuddin menyerukan perdamaian di Maluku.",
            "Abdul Karim Baharuddin",
        ),
        (
            "Sheikh Omar Abdel Rahim called for calm in Mogadishu.",
            "Omar Abdel Rahim",
        ),
    ] {
        let a = p.process(&Document::new("t", text));
        let people: Vec<&str> = a
            .mentions
            .iter()
            .filter(|m| m.etype == kabar::EntityType::Person)
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(people, [name], "{text}");
    }
}
