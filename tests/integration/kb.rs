//! The knowledge base (issue 17): the gazetteers generated from PETRARCH2's
//! Phoenix dictionaries by `scripts/build_kb.py`, their precision guards,
//! derived-id marking, and dated roles read against a document's date.
//! Every sentence here is composed for the test.

use std::sync::LazyLock;

use kabar::{Document, EntityRef, EntityType, Gazetteer, Pipeline};

use crate::util::{
    default_pipeline, default_triples, gazetteer_mentions, kabar, p, read_csv_bytes, script_check,
    stderr, tempdir,
};

static PIPELINE: LazyLock<&Pipeline> = LazyLock::new(default_pipeline);

fn gaz() -> &'static Gazetteer {
    PIPELINE.gazetteer()
}

/// (entity id, derived?) of every gazetteer mention of `text`.
fn mentions(text: &str) -> Vec<(String, bool)> {
    gazetteer_mentions(text)
}

#[test]
fn the_knowledge_base_is_loaded_and_its_ids_are_marked_derived() {
    let g = gaz();
    let count = |t: EntityType, derived: bool| {
        g.entities
            .iter()
            .filter(|e| e.etype == t && e.id_derived == derived)
            .count()
    };
    assert!(count(EntityType::Person, true) > 15_000);
    assert!(count(EntityType::Organization, true) > 5_000);
    // Hand-curated rows are `checked` (no id_source column).
    for id in ["Vladimir_Putin", "Joko_Widodo", "United_Nations", "Russia"] {
        let e = g.entity(g.find(id).unwrap());
        assert!(!e.id_derived, "{id} is hand-curated");
    }
    let e = g.entity(g.find("Bunmei_Ibuki").unwrap());
    assert!(e.id_derived && e.etype == EntityType::Person);
    assert_eq!(
        mentions("Bunmei Ibuki tiba di Tokyo."),
        vec![("Bunmei_Ibuki".to_owned(), true)]
    );
}

#[test]
fn knowledge_base_aliases_pass_the_precision_guards() {
    let g = gaz();
    for a in &g.aliases {
        let e = g.entity(a.entity);
        if !e.id_derived {
            continue;
        }
        let words = a.text.split_whitespace().count();
        match e.etype {
            // No bare surname: a person needs two words or more.
            EntityType::Person => assert!(words >= 2, "one-word person alias {:?}", a.text),
            EntityType::Organization if words == 1 => {
                let letters = a.text.chars().filter(|c| c.is_alphabetic()).count();
                assert!(letters >= 3, "short organisation alias {:?}", a.text);
                for lang in [kabar::Lang::Id, kabar::Lang::En] {
                    let stop = &g.stopwords[&lang];
                    assert!(
                        !stop.contains(&a.text.to_lowercase()),
                        "organisation alias {:?} is a stop word",
                        a.text
                    );
                }
            }
            _ => {}
        }
    }
}

#[test]
fn common_words_and_bare_surnames_are_not_knowledge_base_names() {
    // Bare surnames of people the KB knows by their full names, and
    // ordinary words, in both languages: no KB entity.
    for text in [
        "Rice naik lagi dan harga beras di pasar turun.",
        "Menurut Bush, kebakaran di semak itu cepat padam.",
        "Young people may move to the city in May.",
        "Warga membeli rice cooker di toko Young Kim.",
        "The army said the group had left the town.",
        "Provinsi Hitachi dulu ada di Jepang.",
    ] {
        let derived: Vec<_> = mentions(text).into_iter().filter(|(_, d)| *d).collect();
        assert!(derived.is_empty(), "{text:?}: {derived:?}");
    }
}

/// Runs `kabar extract` on JSONL `lines` with a composed person whose
/// office ended in 2010, and returns the relations of the triples.
fn relations(lines: &str, extra: &[&str]) -> Vec<String> {
    let dir = tempdir();
    let gaz = dir.path().join("people.tsv");
    std::fs::write(
        &gaz,
        "entity_id\ttype\tname\tcase\troles\n\
         Budi_Hartanto_Wiryo\tPERSON\tBudi Hartanto Wiryo\tcap\tofficial_of:Malaysia;2004-2010\n",
    )
    .unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, lines).unwrap();
    let mut args = vec![
        "extract",
        p(&input),
        "--gazetteer",
        p(&gaz),
        "--triples",
        "-",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    let o = kabar(&args, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let (h, rows) = read_csv_bytes(&o.stdout);
    let (s, r, ob) = (
        h.iter().position(|c| c == "subject_id").unwrap(),
        h.iter().position(|c| c == "relation").unwrap(),
        h.iter().position(|c| c == "object_id").unwrap(),
    );
    rows.iter()
        .map(|row| format!("{} {} {}", row[s], row[r], row[ob]))
        .collect()
}

const SENTENCE: &str = "Menteri Budi Hartanto Wiryo mengatakan Malaysia mendukung ASEAN.";
const OFFICE: &str = "Budi_Hartanto_Wiryo official_of Malaysia";

fn line(date: Option<&str>) -> String {
    match date {
        Some(d) => format!("{{\"id\":\"a\",\"text\":\"{SENTENCE}\",\"date\":\"{d}\"}}\n"),
        None => format!("{{\"id\":\"a\",\"text\":\"{SENTENCE}\"}}\n"),
    }
}

#[test]
fn a_dated_role_counts_only_inside_its_years() {
    // Inside the term: the office is held.
    assert!(relations(&line(Some("2008-05-01")), &[]).contains(&OFFICE.to_owned()));
    assert!(relations(&line(Some("2010")), &[]).contains(&OFFICE.to_owned()));
    // After it: not held, no official_of (the event triple stays).
    let after = relations(&line(Some("2020-01-15")), &[]);
    assert!(!after.contains(&OFFICE.to_owned()), "{after:?}");
    assert!(after.contains(&"Malaysia support ASEAN".to_owned()));
    // No date: every role counts, ended or not (gazetteers/README.md).
    assert!(relations(&line(None), &[]).contains(&OFFICE.to_owned()));
    // --date for documents without one; a document's own date wins.
    assert!(!relations(&line(None), &["--date", "2020-01-01"]).contains(&OFFICE.to_owned()));
    assert!(relations(&line(Some("2008")), &["--date", "2020"]).contains(&OFFICE.to_owned()));
}

#[test]
fn a_bad_date_is_reported_with_file_and_line() {
    let dir = tempdir();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!("{}{}", line(Some("2008")), line(Some("2020-13-01"))),
    )
    .unwrap();
    let o = kabar(&["extract", p(&input), "--triples", "-", "--quiet"], None);
    let err = stderr(&o);
    assert!(
        err.contains("in.jsonl:2") && err.contains("bad date `2020-13-01`"),
        "{err}"
    );
    let o = kabar(&["extract", p(&input), "--date", "08/05/2020"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("expected YYYY-MM-DD or YYYY"));
}

#[test]
fn the_knowledge_base_files_are_what_the_script_builds() {
    script_check("build_kb.py", "gazetteers/kb-*.tsv are");
}

fn dated(text: &str, date: &str) -> String {
    format!("{{\"id\":\"a\",\"text\":\"{text}\",\"date\":\"{date}\"}}\n")
}

#[test]
fn a_listed_minister_is_official_of_her_country_only_inside_her_years() {
    // gazetteers/office-holders.tsv: Nila Moeloek, health minister 2014-2019.
    let text = "Menteri Kesehatan Nila Moeloek mengatakan Indonesia mendukung ASEAN.";
    assert!(mentions(text).contains(&("Nila_Moeloek".to_owned(), false)));
    let office = "Nila_Moeloek official_of Indonesia".to_owned();
    assert!(default_triples(&dated(text, "2016-03-01")).contains(&office));
    let after = default_triples(&dated(text, "2021-03-01"));
    assert!(!after.contains(&office), "{after:?}");
    assert!(after.contains(&"Indonesia support ASEAN".to_owned()));
}

#[test]
fn indonesian_short_forms_of_office_holders_are_linked() {
    for (text, id) in [
        ("Setnov membantah tuduhan itu.", "Setya_Novanto"),
        ("Aher meresmikan jembatan di Bandung.", "Ahmad_Heryawan"),
        ("Menurut Gus Halim, dana desa naik.", "Abdul_Halim_Iskandar"),
        ("Wamenkeu Suahasil Nazara hadir di DPR.", "Suahasil_Nazara"),
        // Former presidents by their old spellings and nicknames.
        ("Warisan Soeharto masih diperdebatkan.", "Suharto"),
        ("Ajaran Gus Dur dikenang para santri.", "Abdurrahman_Wahid"),
        ("Pidato Bung Karno diputar ulang.", "Sukarno"),
        ("Ical menghadiri rapat partai.", "Aburizal_Bakrie"),
    ] {
        assert!(
            mentions(text).contains(&(id.to_owned(), false)),
            "{text:?}: {:?}",
            mentions(text)
        );
    }
    // A title that names its body states the office, short form or not.
    let text = "Ketua DPR Setnov mengatakan Indonesia mendukung ASEAN.";
    let office = "Setya_Novanto leader_of House_of_Representatives_(Indonesia)".to_owned();
    assert!(default_triples(&dated(text, "2017-02-01")).contains(&office));
}

#[test]
fn a_title_picks_which_of_the_listed_namesakes_a_bare_surname_is() {
    // people.tsv: Rodrigo Duterte (leader_of, president 2016-2022) and
    // Sara Duterte (official_of, vice president from 2022) share the
    // surname: bare, it names neither; after a title, the one whose office
    // is of the title's kind in the document's year.
    let linked = |text: &str, year: u16| -> Vec<String> {
        let a = PIPELINE.process(&Document::new("t", text).with_year(Some(year)));
        a.mentions
            .iter()
            .filter_map(|m| match m.entity {
                EntityRef::Gazetteer(g) => Some(gaz().entity(g).id.clone()),
                EntityRef::Local(_) => None,
            })
            .collect()
    };
    let said = |who: &str| format!("On Monday, {who} said the talks would continue.");
    assert_eq!(
        linked(&said("President Duterte"), 2019),
        ["Rodrigo_Duterte"]
    );
    assert_eq!(
        linked(&said("Vice President Duterte"), 2023),
        ["Sara_Duterte"]
    );
    assert!(linked(&said("Duterte"), 2019).is_empty());
    // No listed namesake held such an office that year.
    assert!(linked(&said("Vice President Duterte"), 2012).is_empty());
    // Two namesakes held a leader_of office (Susilo Bambang Yudhoyono of
    // Indonesia and of his party, Agus Harimurti Yudhoyono of the party):
    // a head's title with no date is the one who headed a country.
    let text = "Presiden Yudhoyono mengatakan hal itu kepada wartawan di Jakarta.";
    let a = PIPELINE.process(&Document::new("t", text));
    let ids: Vec<String> = a
        .mentions
        .iter()
        .filter_map(|m| match m.entity {
            EntityRef::Gazetteer(g) => Some(gaz().entity(g).id.clone()),
            EntityRef::Local(_) => None,
        })
        .collect();
    assert!(
        ids.contains(&"Susilo_Bambang_Yudhoyono".to_owned()),
        "{ids:?}"
    );
}
