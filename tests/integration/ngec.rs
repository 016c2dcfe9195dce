//! NGEC's actor-resolution tests (issue 17) as a table test: the name →
//! English Wikipedia title asserts of ahalterman/NGEC-2025
//! (`NGEC/tests/test_actor_resolution.py`, MIT), kept as facts in
//! `tests/data/ngec/actor_resolution.tsv`.
//!
//! NGEC resolves an actor phrase as it stands in an event ("President
//! Kassym-Jomart Tokayev", "the PRI"), sometimes with a known country and
//! the story's date. The nearest kabar input is the phrase as the subject of
//! a short English sentence, the country as a place in it, the year as the
//! document's date: "On Monday in Mexico, the PRI said the talks would
//! continue." An assert passes when kabar writes the title (spaces as `_`,
//! SPEC §1) as the id of a mention in that sentence; an assert of no title
//! passes when kabar links no listed person or organisation there (a
//! country is no Wikipedia lookup in NGEC, and a name found by pattern is
//! no link). The bar is 90% of the asserts; kabar is not there yet
//! (109 of 162 when the table was added; 108 since "Norway's central bank"
//! links to Norges_Bank, where NGEC wants no title for a description but
//! SPEC §1 wants the body's article), so the test that runs with the
//! suite guards the rate reached from falling, and the bar is an
//! ignored test: `cargo test --release --test integration ngec -- --ignored
//! --nocapture` prints every failure.

use std::sync::LazyLock;

use kabar::{Document, EntityRef, EntityType, Lang, Pipeline};

use crate::util::data;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::builder().lang(Some(Lang::En)).build());

struct Case {
    test: String,
    line: String,
    actor: String,
    context: String,
    date: String,
    title: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(data("ngec/actor_resolution.tsv")).unwrap();
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (t, l, a, c, d, ti) = (
        col("test"),
        col("line"),
        col("actor"),
        col("context"),
        col("date"),
        col("title"),
    );
    lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), header.len(), "{line:?}");
            Case {
                test: f[t].to_owned(),
                line: f[l].to_owned(),
                actor: f[a].to_owned(),
                context: f[c].to_owned(),
                date: f[d].to_owned(),
                title: f[ti].to_owned(),
            }
        })
        .collect()
}

/// The year of NGEC's date argument ("2022-03-01", "10 May 2015",
/// "October 1, 2021"); none for "today" or no date.
fn year(date: &str) -> Option<u16> {
    date.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
}

/// (id, from the gazetteer?, a person or an organisation?) of every
/// mention of the sentence.
fn resolve(case: &Case) -> (String, Vec<(String, bool, bool)>) {
    let place = if case.context.is_empty() {
        String::new()
    } else {
        format!(" in {}", case.context)
    };
    let text = format!(
        "On Monday{place}, {} said the talks would continue.",
        case.actor
    );
    let doc = Document::new("ngec", &text).with_year(year(&case.date));
    let a = PIPELINE.process(&doc);
    let ids = a
        .mentions
        .iter()
        .map(|m| {
            let e = a.entity(PIPELINE.gazetteer(), m.entity);
            let listed = matches!(m.entity, EntityRef::Gazetteer(_));
            let actor = matches!(e.etype, EntityType::Person | EntityType::Organization);
            (e.id.clone(), listed, actor)
        })
        .collect();
    (text, ids)
}

/// The asserts that pass, and the failures written out.
fn run() -> (usize, usize, usize, Vec<String>) {
    let cases = cases();
    assert_eq!(cases.len(), 162, "NGEC's live title asserts");
    let mut failures = Vec::new();
    let mut by_pattern = 0;
    for case in &cases {
        let (text, ids) = resolve(case);
        let pass = if case.title.is_empty() {
            !ids.iter().any(|(_, listed, actor)| *listed && *actor)
        } else {
            let want = case.title.replace(' ', "_");
            let listed = ids.iter().any(|(id, l, _)| *id == want && *l);
            let any = ids.iter().any(|(id, _, _)| *id == want);
            by_pattern += usize::from(any && !listed);
            any
        };
        if !pass {
            let got: Vec<&str> = ids.iter().map(|(id, _, _)| id.as_str()).collect();
            failures.push(format!(
                "  {} (line {}): {:?} want {:?}, got {:?}",
                case.test, case.line, text, case.title, got
            ));
        }
    }
    let passed = cases.len() - failures.len();
    eprintln!(
        "NGEC actor resolution: {passed}/{} pass ({:.1}%; {by_pattern} of them by a name \
         found by pattern, whose id is the name as written); failures:\n{}",
        cases.len(),
        100.0 * passed as f64 / cases.len() as f64,
        failures.join("\n")
    );
    (passed, cases.len(), by_pattern, failures)
}

#[test]
fn ngec_actor_resolution_does_not_fall() {
    let (passed, _, _, _) = run();
    assert!(
        passed >= 108,
        "{passed} of 162 pass, fewer than the 108 reached"
    );
}

#[test]
#[ignore = "the issue's bar, not reached yet: run it to see the failures"]
fn ngec_actor_resolution_asserts_pass_at_ninety_percent() {
    let (passed, total, _, _) = run();
    assert!(
        passed as f64 >= 0.9 * total as f64,
        "{passed} of {total} pass, below 90%"
    );
}
