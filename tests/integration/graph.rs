//! `kabar graph`: the network of a triples file as GEXF, GraphML and HTML.
//! GEXF and GraphML are read back with networkx (python3 with networkx;
//! `.ci/run` installs it, the test says it skips without).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::util::*;

/// The seeds' triples, with `co_occurs` rows.
fn seeds_triples(dir: &Path) -> std::path::PathBuf {
    let t = dir.join("t.csv");
    let out = kabar(
        &["extract", p(&seeds()), "--triples", p(&t), "--cooccurrence"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    t
}

/// (nodes, distinct (subject, object, relation)) of a triples CSV.
fn expected(t: &Path, cooccurrence: bool) -> (HashSet<String>, HashSet<(String, String, String)>) {
    let (h, rows) = read_csv(t);
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let (s, r, o) = (col("subject_id"), col("relation"), col("object_id"));
    let mut nodes = HashSet::new();
    let mut edges = HashSet::new();
    for row in rows {
        if !cooccurrence && row[r] == "co_occurs" {
            continue;
        }
        nodes.insert(row[s].clone());
        nodes.insert(row[o].clone());
        edges.insert((row[s].clone(), row[o].clone(), row[r].clone()));
    }
    (nodes, edges)
}

fn networkx(check: &str, args: &[&str]) -> bool {
    python_check("networkx as nx", "networkx==3.6.1", check, args)
}

/// networkx reads the file (`sys.argv[1]`, GEXF or GraphML by
/// `sys.argv[2]`) and finds the nodes and edges of `sys.argv[3]` (JSON).
const READ_BACK: &str = r#"
g = nx.read_gexf(sys.argv[1]) if sys.argv[2] == "gexf" else nx.read_graphml(sys.argv[1])
want = json.loads(sys.argv[3])
assert sorted(g.nodes()) == sorted(want["nodes"]), (sorted(g.nodes()), want["nodes"])
got = sorted((s, o, d["relation"]) for s, o, d in g.edges(data=True))
assert got == sorted(tuple(e) for e in want["edges"]), (got[:5], want["edges"][:5])
for n, d in g.nodes(data=True):
    assert d["type"] in ("PERSON", "COUNTRY", "ORGANIZATION", "LOCATION"), d
    assert int(d["mentions"]) >= 1, d
for s, o, d in g.edges(data=True):
    assert d["class"] in ("cooperation", "conflict", "affiliation", "co-occurrence"), d
    assert int(d["count"]) >= 1, d
    if d["relation"] in ("attack", "criticize"):
        assert d["class"] == "conflict", d
    if d["relation"] == "official_of":
        assert d["class"] == "affiliation", d
"#;

#[test]
fn gexf_and_graphml_hold_the_actors_and_relations() {
    let dir = tempdir();
    let t = seeds_triples(dir.path());
    for (ext, cooccurrence) in [("gexf", false), ("graphml", false), ("gexf", true)] {
        let out_file = dir.path().join(format!("g{cooccurrence}.{ext}"));
        let mut args = vec!["graph", p(&t), "-o", p(&out_file)];
        if !cooccurrence {
            args.push("--no-cooccurrence");
        }
        let out = kabar(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        let (nodes, edges) = expected(&t, cooccurrence);
        assert!(nodes.len() > 10 && edges.len() > 20);
        let want = serde_json::json!({
            "nodes": nodes.iter().collect::<Vec<_>>(),
            "edges": edges.iter().map(|(s, o, r)| [s, o, r]).collect::<Vec<_>>(),
        });
        networkx(READ_BACK, &[p(&out_file), ext, &want.to_string()]);
    }
}

#[test]
fn the_page_is_self_contained_and_keeps_the_top_actors() {
    let dir = tempdir();
    let t = seeds_triples(dir.path());
    let draw = |page: &Path| {
        let out = kabar(
            &[
                "graph",
                p(&t),
                "-o",
                p(page),
                "--top",
                "12",
                "--no-cooccurrence",
                "--title",
                "Seeds <test>",
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(page).unwrap()
    };
    let html = draw(&dir.path().join("g.html"));
    // Nothing from the network: no address, no outside script or style.
    for bad in ["http:", "https:", "//cdn", "<link", "src="] {
        assert!(!html.contains(bad), "{bad} in the page");
    }
    assert!(html.contains("<svg") && html.contains("<script>"));
    assert!(html.contains("Seeds &lt;test&gt;"));
    for legend in [
        "cooperation",
        "conflict",
        "affiliation",
        "PERSON",
        "COUNTRY",
    ] {
        assert!(html.contains(legend), "{legend}");
    }
    // The twelve actors of the most rows, each drawn once with its label.
    assert_eq!(html.matches("<g class=\"node\"").count(), 12);
    let (h, rows) = read_csv(&t);
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let mut count: HashMap<String, usize> = HashMap::new();
    for row in rows.iter().filter(|r| r[col("relation")] != "co_occurs") {
        *count.entry(row[col("subject")].clone()).or_default() += 1;
        *count.entry(row[col("object")].clone()).or_default() += 1;
    }
    let mut names: Vec<_> = count.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = &names[0].0;
    assert!(html.contains(&format!(">{top}</text>")), "{top}");
    // The same rows give the same page.
    assert_eq!(html, draw(&dir.path().join("g2.html")));
}

#[test]
fn bad_graph_inputs_are_named() {
    let dir = tempdir();
    let t = seeds_triples(dir.path());
    // An output format it does not know.
    let out = kabar(&["graph", p(&t), "-o", p(&dir.path().join("g.png"))], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(".gexf"), "{}", stderr(&out));
    // Not a triples file.
    let e = dir.path().join("e.csv");
    std::fs::write(&e, "doc_id,entity_id,type\nd,China,COUNTRY\n").unwrap();
    let out = kabar(&["graph", p(&e), "-o", p(&dir.path().join("g.gexf"))], None);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("e.csv") && err.contains("subject_id"), "{err}");
    // A row that breaks the CSV: the file and its line.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "subject_id,relation,object_id\nChina,meet,Russia\nChina,meet\n",
    )
    .unwrap();
    let out = kabar(
        &["graph", p(&bad), "-o", p(&dir.path().join("g.gexf"))],
        None,
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("bad.csv") && err.contains('3'), "{err}");
    // Nothing was left under the output's name.
    assert!(!dir.path().join("g.gexf").exists());
}
