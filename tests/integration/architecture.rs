//! The shape of the crate, checked: no import cycle between modules, the
//! leaf module imports nothing, no source file over 1,000 lines of code, and
//! no function over 150 lines but the ones `DESIGN.md` names and explains.
//!
//! The checks read `src/` as text (a `use crate::…` or `crate::…` path, or a
//! `super::…` one, outside comments, is an import of that module); code
//! under `#[cfg(test)]` is left out, since a test may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::root;

/// Every `.rs` file under `src/`, with its module path (`relation::rules`,
/// `lib` for `src/lib.rs`).
fn sources() -> Vec<(PathBuf, Vec<String>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_str().unwrap().to_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            (p, module)
        })
        .collect()
}

/// The file's code before its first `#[cfg(test)]`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Lines of code: neither blank nor a comment.
fn lines_of_code(code: &str) -> usize {
    code.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count()
}

/// The modules a file's code names: `crate::a::b` and `super::c` paths,
/// resolved to the longest module that exists.
fn imports(
    code: &str,
    module: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    // A `super::` path is relative to the parent of the file's module.
    let parent: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    let mut paths = Vec::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let tail: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut path = base.clone();
            path.extend(
                tail.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            paths.push(path);
        }
    }
    // `use crate::{a, b::c}`: the names inside braces after `crate::`.
    for line in code.lines() {
        let Some(i) = line.find("crate::{") else {
            continue;
        };
        for name in line[i + 8..].split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
            let first: Vec<String> = name
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if !first.is_empty() {
                paths.push(first);
            }
        }
    }
    for path in paths {
        let found = (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| modules.contains(p));
        if let Some(m) = found
            && m != module
        {
            out.insert(m);
        }
    }
    out
}

/// The modules the crate's files import, as edges between the modules at
/// one depth under `parent` (the top level for an empty parent).
fn edges(parent: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(_, m)| m.clone()).collect();
    let depth = parent.len();
    let under = |m: &[String]| m.len() > depth && m[..depth] == *parent;
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, module) in &files {
        if !under(module) || module[0] == "lib" || module[0] == "main" || module[0] == "cli" {
            continue;
        }
        let from = module[depth].clone();
        graph.entry(from.clone()).or_default();
        // Comments name modules without importing them.
        let code: String = code(path)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for to in imports(&code, module, &modules) {
            if under(&to) && to[depth] != from {
                graph.get_mut(&from).unwrap().insert(to[depth].clone());
            }
        }
    }
    graph
}

/// A cycle of the graph, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        g: &BTreeMap<String, BTreeSet<String>>,
        n: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_owned());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_owned());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(g, m, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(graph, n, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_between_modules() {
    // The top level, and the children of every folder module.
    let mut parents: BTreeSet<Vec<String>> = BTreeSet::from([Vec::new()]);
    for (_, m) in sources() {
        for n in 1..m.len() {
            parents.insert(m[..n].to_vec());
        }
    }
    for parent in parents {
        let graph = edges(&parent);
        assert!(
            cycle(&graph).is_none(),
            "import cycle under `{}`: {}",
            parent.join("::"),
            cycle(&graph).unwrap().join(" -> ")
        );
    }
}

#[test]
fn the_schema_module_is_a_leaf() {
    let graph = edges(&[]);
    assert_eq!(
        graph.get("schema").map(BTreeSet::len),
        Some(0),
        "schema imports {:?}",
        graph.get("schema")
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"][..]),
        ("c", &["a"][..]),
        ("d", &[][..]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(cycle(&g).unwrap(), ["a", "b", "c", "a"]);
    let modules = BTreeSet::from([vec!["x".to_owned()], vec!["y".to_owned(), "z".to_owned()]]);
    let found = imports(
        "use crate::{x::Thing, y::z::f};\nfn g() { crate::x::h() }",
        &["w".to_owned()],
        &modules,
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn no_source_file_over_1000_lines_of_code() {
    let big: Vec<String> = sources()
        .iter()
        .map(|(p, _)| (p, lines_of_code(&code(p))))
        .filter(|&(_, n)| n > 1000)
        .map(|(p, n)| format!("{}: {n}", p.display()))
        .collect();
    assert!(big.is_empty(), "files over 1,000 lines of code: {big:?}");
}

/// Functions of more than `limit` lines, as `file:line name (lines)`: a
/// `fn` line and the first later line with its indentation that closes it.
fn long_functions(limit: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (path, _) in sources() {
        let code = code(&path);
        let lines: Vec<&str> = code.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim_start();
            let indent = l.len() - t.len();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "pub(super) fn ",
                "const fn ",
            ]
            .iter()
            .any(|p| t.starts_with(p));
            if !is_fn || t.ends_with(';') {
                continue;
            }
            let close = " ".repeat(indent) + "}";
            let Some(end) = (i + 1..lines.len()).find(|&k| lines[k] == close) else {
                continue;
            };
            let n = end - i + 1;
            if n > limit {
                let after_fn = &t[t.find("fn ").unwrap() + 3..];
                let name = after_fn.split(['(', '<']).next().unwrap_or(after_fn);
                let file = path.strip_prefix(root()).unwrap().display().to_string();
                out.push((format!("{file}:{} {name}", i + 1), n));
            }
        }
    }
    out
}

#[test]
fn long_functions_are_few_and_explained() {
    let long = long_functions(150);
    assert!(
        long.len() <= 2,
        "at most two functions may be over 150 lines: {long:?}"
    );
    let design = std::fs::read_to_string(root().join("DESIGN.md")).unwrap();
    for (place, n) in &long {
        let name = place.rsplit(' ').next().unwrap();
        assert!(
            design.contains(&format!("`{name}`")),
            "{place} has {n} lines; DESIGN.md must say why (name it as `{name}`)"
        );
    }
}
