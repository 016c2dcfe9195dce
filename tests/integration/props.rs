//! Properties: any text goes through without panic, and every span is on
//! char boundaries inside the text and inside its sentence.

use std::sync::LazyLock;

use kabar::output::Rows;
use kabar::{Document, Pipeline};
use proptest::prelude::*;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::builder().cooccurrence(true).build());

fn check(text: &str) {
    let p = &*PIPELINE;
    let doc = Document::new("p", text);
    let a = p.process(&doc);
    let t = doc.text.as_str();
    for s in &a.sentences {
        assert!(s.start < s.end && s.end <= t.len());
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
    }
    for m in &a.mentions {
        assert!(m.start < m.end && m.end <= t.len());
        assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        let s = &a.sentences[m.sentence as usize];
        assert!(
            s.start <= m.start && m.end <= s.end,
            "mention outside its sentence"
        );
    }
    for tr in &a.triples {
        assert!(
            (tr.subject as usize) < a.mentions.len() && (tr.object as usize) < a.mentions.len()
        );
    }
    let rows = Rows {
        doc: &doc,
        analysis: &a,
        gaz: p.gazetteer(),
        escape: true,
        offset: Default::default(),
    };
    let chars: Vec<char> = t.chars().collect();
    for r in rows.entities() {
        let slice: String = chars[r.start_char..r.end_char].iter().collect();
        assert_eq!(slice, r.text.trim_start_matches('\''));
    }
    rows.triples();
}

fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "China", "Rusia", "AS", "Xi", "Putin", "ASEAN", "WHO", "Beijing", "Moskow", "di", "dan",
        "bertemu", "Erdoğan", "Türkiye", ".", ",", "“", "”", "…", "-", "\n", "Dr.", "A.S.",
        "3.000", "é", "\u{301}", "Laut", "Selatan", "Sudan", "kasus", "Xinhua", "'s", "\r\n",
        "\u{feff}",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_goes_through(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn news_like_strings_go_through(s in newsish()) {
        check(&s);
    }
}
