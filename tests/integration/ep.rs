//! The legislators of EveryPolitician (issue 17): `gazetteers/ep-people.tsv`,
//! built by `scripts/build_ep.py` from the Popolo files of
//! `data/kb/everypolitician/`. Every sentence here is composed for the test.

use std::sync::LazyLock;

use kabar::{Document, Gazetteer, Pipeline};

use crate::util::{default_pipeline, default_triples, gazetteer_mentions, root, script_check};

static PIPELINE: LazyLock<&Pipeline> = LazyLock::new(default_pipeline);

fn gaz() -> &'static Gazetteer {
    PIPELINE.gazetteer()
}

/// (entity id, derived?) of every gazetteer mention of `text`.
fn mentions(text: &str) -> Vec<(String, bool)> {
    gazetteer_mentions(text)
}

/// `subject relation object` of the triples `kabar extract` writes for one
/// JSONL document with `text` and `date`, with the default gazetteers.
fn dated_triples(text: &str, date: &str) -> Vec<String> {
    default_triples(&format!(
        "{{\"id\":\"a\",\"text\":\"{text}\",\"date\":\"{date}\"}}\n"
    ))
}

#[test]
fn a_legislator_of_everypolitician_is_found_and_linked_to_the_wikipedia_title() {
    // A DPR member of 2014-2019 whose English Wikipedia link EveryPolitician
    // gives: the id is that title, `checked`, not derived from the name.
    let e = gaz().entity(gaz().find("Budiman_Sudjatmiko").unwrap());
    assert!(!e.id_derived);
    assert_eq!(
        mentions("Budiman Sudjatmiko tiba di Surabaya pada Senin."),
        vec![("Budiman_Sudjatmiko".to_owned(), false)]
    );
    // A member of the UK Commons, in English text.
    assert!(
        mentions("Zac Goldsmith arrived in London on Monday.")
            .contains(&("Zac_Goldsmith".to_owned(), false))
    );
    // A member without an English Wikipedia link: the id is derived from
    // the name cleaned of titles and degrees ("Dra. HJ. OKKY ASOKAWATI,
    // M.Si" in the DPR's list).
    assert_eq!(
        mentions("Okky Asokawati tiba di Surabaya pada Senin."),
        vec![("Okky_Asokawati".to_owned(), true)]
    );
}

#[test]
fn an_everypolitician_role_counts_only_inside_its_years() {
    // ep-people.tsv: Budiman Sudjatmiko, official_of:Indonesia;2014-2019
    // (the DPR's term that began in 2014, open in the snapshot, ended at
    // the longest term of five years).
    let text = "Juru bicara Budiman Sudjatmiko mengatakan Indonesia mendukung ASEAN.";
    let office = "Budiman_Sudjatmiko official_of Indonesia".to_owned();
    let inside = dated_triples(text, "2016-03-01");
    assert!(inside.contains(&office), "{inside:?}");
    let after = dated_triples(text, "2022-03-01");
    assert!(!after.contains(&office), "{after:?}");
    assert!(after.contains(&"Indonesia support ASEAN".to_owned()));
    // Zac Goldsmith, MP 2010-2020 (UK Commons).
    let text = "Environment Minister Zac Goldsmith said Britain supports NATO.";
    let office = "Zac_Goldsmith official_of United_Kingdom".to_owned();
    assert!(dated_triples(text, "2016").contains(&office));
    assert!(!dated_triples(text, "2024").contains(&office));
}

#[test]
fn everypolitician_rows_pass_the_precision_guards() {
    let text = std::fs::read_to_string(root().join("gazetteers/ep-people.tsv")).unwrap();
    let mut rows = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = rows.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|c| *c == name).unwrap();
    let (id, name, aliases, src) = (
        col("entity_id"),
        col("name"),
        col("aliases"),
        col("id_source"),
    );
    let mut n = 0;
    for row in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        n += 1;
        assert!(matches!(cells[src], "checked" | "derived"), "{row}");
        for a in
            std::iter::once(cells[name]).chain(cells[aliases].split('|').filter(|a| !a.is_empty()))
        {
            assert!(a.split_whitespace().count() >= 2, "one-word name: {row}");
        }
        // Hand-curated people are not repeated here.
        for curated in ["Joko_Widodo", "Anthony_Albanese", "Prabowo_Subianto"] {
            assert_ne!(cells[id], curated);
        }
    }
    assert!(n > 4000, "{n} rows");
    // The defaults hold well over 20,000 people (issue 17).
    let people = gaz()
        .entities
        .iter()
        .filter(|e| e.etype == kabar::EntityType::Person)
        .count();
    assert!(people > 22_000, "{people} people");
}

#[test]
fn the_everypolitician_file_is_what_the_script_builds() {
    script_check("build_ep.py", "gazetteers/ep-people.tsv is");
}

/// (name as written, entity id) of every person mention of `text`.
fn people(text: &str) -> Vec<(String, String)> {
    let a = PIPELINE.process(&Document::new("t", text));
    a.mentions
        .iter()
        .filter(|m| m.etype == kabar::EntityType::Person)
        .map(|m| {
            let id = a.entity(gaz(), m.entity).id.clone();
            (text[m.start..m.end].to_owned(), id)
        })
        .collect()
}

#[test]
fn a_bare_name_is_a_listed_person_the_curated_lists_first() {
    // A legislator of EveryPolitician named by one word in Indonesian text
    // (Indonesia, the country of his seat, counts as named).
    assert_eq!(
        people("Budiman mengatakan rapat itu ditunda hingga pekan depan."),
        [("Budiman".to_owned(), "Budiman_Sudjatmiko".to_owned())]
    );
    // A word that a person of the hand-curated lists and namesakes in the
    // knowledge bases share (EveryPolitician's Zulkifli Anwar, Zulkifli
    // Nordin) is the curated one's.
    assert!(gaz().find("Zulkifli_Anwar").is_some());
    assert_eq!(
        people("Menurut Zulkifli, rapat itu ditunda hingga pekan depan."),
        [("Zulkifli".to_owned(), "Zulkifli_Hasan".to_owned())]
    );
    // In English text no country is named, and no title: the word stays a
    // name of its own.
    assert_eq!(
        people("Budiman said the meeting was put off until next week."),
        [("Budiman".to_owned(), "Budiman".to_owned())]
    );
}
