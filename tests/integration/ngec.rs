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

use kabar::{AliasKind, Document, EntityRef, EntityType, Lang, Pipeline, id_key};

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

/// A mention of the sentence: its id, from the gazetteer?, a person or
/// an organisation?, a capital standing for its country?
struct Got {
    id: String,
    listed: bool,
    actor: bool,
    seat: bool,
}

/// The mentions of the sentence made of the case.
fn resolve(case: &Case) -> (String, Vec<Got>) {
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
            Got {
                id: e.id.clone(),
                listed: matches!(m.entity, EntityRef::Gazetteer(_)),
                actor: matches!(e.etype, EntityType::Person | EntityType::Organization),
                seat: e.etype == EntityType::Country && m.kind == AliasKind::Seat,
            }
        })
        .collect();
    (text, ids)
}

/// What the table gives.
struct Run {
    /// Asserts that pass, and of them those whose id differs from the
    /// title only in case or diacritics (SPEC §4 compares ids so), and
    /// those found by pattern (the id is the name as written).
    passed: usize,
    by_spec_key: usize,
    by_pattern: usize,
    /// Asserts whose actor is a capital acting for its state: SPEC's
    /// convention (ANNOTATION.md, "Seats of government acting for their
    /// state are the COUNTRY") is not NGEC's (the city's article); kabar
    /// writes the country, and they are left out of the rate.
    spec_differs: usize,
    total: usize,
    failures: Vec<String>,
}

impl Run {
    /// The share of the asserts that SPEC and NGEC agree on that pass.
    fn rate(&self) -> f64 {
        self.passed as f64 / (self.total - self.spec_differs) as f64
    }
}

/// Runs every assert; the failures written out.
fn run() -> Run {
    let cases = cases();
    assert_eq!(cases.len(), 162, "NGEC's live title asserts");
    let mut r = Run {
        passed: 0,
        by_spec_key: 0,
        by_pattern: 0,
        spec_differs: 0,
        total: cases.len(),
        failures: Vec::new(),
    };
    for case in &cases {
        let (text, got) = resolve(case);
        let want = case.title.replace(' ', "_");
        if !want.is_empty() && got.iter().any(|g| g.seat) && !got.iter().any(|g| g.id == want) {
            r.spec_differs += 1;
            continue;
        }
        let pass = if want.is_empty() {
            !got.iter().any(|g| g.listed && g.actor)
        } else {
            let key = id_key(&want);
            let hit = got.iter().find(|g| id_key(&g.id) == key);
            if let Some(g) = hit {
                r.by_spec_key += usize::from(g.id != want);
                r.by_pattern += usize::from(!g.listed);
            }
            hit.is_some()
        };
        if pass {
            r.passed += 1;
        } else {
            let ids: Vec<&str> = got.iter().map(|g| g.id.as_str()).collect();
            r.failures.push(format!(
                "  {} (line {}): {:?} want {:?}, got {:?}",
                case.test, case.line, text, case.title, ids
            ));
        }
    }
    eprintln!(
        "NGEC actor resolution: {}/{} pass ({:.1}%), {} asserts left out where NGEC's \
         convention is not SPEC's (a capital acting for its state); of those that pass, \
         {} differ from the title only in case or diacritics (SPEC §4), {} are names found \
         by pattern; failures:\n{}",
        r.passed,
        r.total - r.spec_differs,
        100.0 * r.rate(),
        r.spec_differs,
        r.by_spec_key,
        r.by_pattern,
        r.failures.join("\n")
    );
    r
}

/// The asserts reached (of those SPEC and NGEC agree on).
const FLOOR: usize = 134;

#[test]
fn ngec_actor_resolution_does_not_fall() {
    let r = run();
    assert_eq!(r.spec_differs, 7, "capitals acting for their states");
    assert!(
        r.passed >= FLOOR,
        "{} of {} pass, fewer than the {FLOOR} reached",
        r.passed,
        r.total - r.spec_differs
    );
}

#[test]
#[ignore = "the issue's bar, not reached yet: run it to see the failures"]
fn ngec_actor_resolution_asserts_pass_at_ninety_percent() {
    let r = run();
    assert!(
        r.rate() >= 0.9,
        "{} of {} pass, below 90%",
        r.passed,
        r.total - r.spec_differs
    );
}
