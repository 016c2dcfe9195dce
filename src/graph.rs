//! The network of actors of a triples file (`kabar graph`): nodes are the
//! entities of the rows (with the number of rows each is in, and its type),
//! edges go from subject to object, one per relation, with the number of
//! rows and the relation's class (cooperation, conflict, affiliation or
//! co-occurrence). Written as GEXF 1.2 (Gephi), GraphML, or a
//! self-contained HTML page (inline SVG and script, nothing loaded from the
//! network) by the output file's extension.
//!
//! The page's layout is computed here (a force-directed layout from a fixed
//! start, so the same rows give the same page): node size by rows, edge
//! colour by class, labels, and a legend. Clicking a node shows its edges
//! only; clicking the background shows all again.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Location, Result};

/// The class of a relation, from GDELT's quad class where there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeClass {
    /// Quad classes 1 and 2: verbal and material cooperation.
    Cooperation,
    /// Quad classes 3 and 4: verbal and material conflict.
    Conflict,
    /// `leader_of`, `official_of`, `member_of`.
    Affiliation,
    /// `co_occurs` (and any relation this module does not know).
    CoOccurrence,
}

impl EdgeClass {
    /// The class of `relation`, or of `quad` (1–4) when given.
    pub fn of(relation: &str, quad: Option<u8>) -> EdgeClass {
        match quad {
            Some(1 | 2) => return EdgeClass::Cooperation,
            Some(3 | 4) => return EdgeClass::Conflict,
            _ => {}
        }
        match relation {
            "meet" | "cooperate" | "support" | "praise" | "aid" => EdgeClass::Cooperation,
            "criticize" | "reject" | "warn" | "demand" | "sanction" | "attack" => {
                EdgeClass::Conflict
            }
            "leader_of" | "official_of" | "member_of" => EdgeClass::Affiliation,
            _ => EdgeClass::CoOccurrence,
        }
    }

    /// Its name in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeClass::Cooperation => "cooperation",
            EdgeClass::Conflict => "conflict",
            EdgeClass::Affiliation => "affiliation",
            EdgeClass::CoOccurrence => "co-occurrence",
        }
    }

    fn colour(self) -> &'static str {
        match self {
            EdgeClass::Cooperation => "#2a9d8f",
            EdgeClass::Conflict => "#e63946",
            EdgeClass::Affiliation => "#457b9d",
            EdgeClass::CoOccurrence => "#adb5bd",
        }
    }

    const ALL: [EdgeClass; 4] = [
        EdgeClass::Cooperation,
        EdgeClass::Conflict,
        EdgeClass::Affiliation,
        EdgeClass::CoOccurrence,
    ];
}

/// An actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its entity id.
    pub id: String,
    /// Its name (of its first row).
    pub name: String,
    /// Its type (of its first row).
    pub etype: String,
    /// The rows it is the subject or the object of.
    pub mentions: u64,
}

/// Subject → object by one relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of the subject in [`Graph::nodes`].
    pub source: usize,
    /// Index of the object.
    pub target: usize,
    /// The relation.
    pub relation: String,
    /// Its class.
    pub class: EdgeClass,
    /// The rows that state it.
    pub count: u64,
}

/// The network of a triples file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// The actors, most rows first (then by id).
    pub nodes: Vec<Node>,
    /// The edges, by source, target and relation.
    pub edges: Vec<Edge>,
}

/// What to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphOptions {
    /// Keep the actors of the most rows, this many (`None`: all).
    pub top: Option<usize>,
    /// Drop `co_occurs` rows.
    pub no_cooccurrence: bool,
}

impl Graph {
    /// The network of the triples CSV at `path` (kabar's, or any with the
    /// columns `subject_id`, `relation`, `object_id`; `subject`, `object`,
    /// `subject_type`, `object_type` and `quad_class` are read when there).
    /// A malformed file is an error naming it and the line.
    pub fn from_triples_csv(path: &Path, options: GraphOptions) -> Result<Graph> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(Location::file(path), e))?;
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(file);
        let csv_err = |e: csv::Error| {
            let loc = match e.position() {
                Some(p) => Location::line(path, p.line()),
                None => Location::file(path),
            };
            match e.into_kind() {
                csv::ErrorKind::Io(io) => Error::io(loc, io),
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => Error::parse(
                    loc,
                    format!("a row of {len} fields, but the header has {expected_len}"),
                ),
                csv::ErrorKind::Utf8 { .. } => Error::parse(loc, "not UTF-8"),
                other => Error::parse(loc, format!("not a well-formed CSV: {other:?}")),
            }
        };
        let header = rdr.headers().map_err(csv_err)?.clone();
        let col = |name: &str| header.iter().position(|h| h == name);
        let need = |name: &str| {
            col(name).ok_or_else(|| {
                Error::parse(
                    Location::file(path),
                    format!("no `{name}` column: not a triples file"),
                )
            })
        };
        let (c_s, c_r, c_o) = (need("subject_id")?, need("relation")?, need("object_id")?);
        let (c_sn, c_on, c_st, c_ot, c_q) = (
            col("subject"),
            col("object"),
            col("subject_type"),
            col("object_type"),
            col("quad_class"),
        );
        let mut nodes: Vec<Node> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut edges: HashMap<(usize, usize, String), (EdgeClass, u64)> = HashMap::new();
        let mut node = |id: &str, name: Option<&str>, etype: Option<&str>| -> usize {
            let i = *index.entry(id.to_owned()).or_insert_with(|| {
                nodes.push(Node {
                    id: id.to_owned(),
                    name: name.filter(|n| !n.is_empty()).unwrap_or(id).to_owned(),
                    etype: etype.unwrap_or("").to_owned(),
                    mentions: 0,
                });
                nodes.len() - 1
            });
            nodes[i].mentions += 1;
            i
        };
        for rec in rdr.records() {
            let rec = rec.map_err(csv_err)?;
            let line = rec.position().map_or(0, |p| p.line());
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::trim);
            let relation = get(Some(c_r)).unwrap_or("");
            if options.no_cooccurrence && relation == "co_occurs" {
                continue;
            }
            let (s, o) = (get(Some(c_s)).unwrap_or(""), get(Some(c_o)).unwrap_or(""));
            if s.is_empty() || o.is_empty() || relation.is_empty() {
                return Err(Error::parse(
                    Location::line(path, line),
                    "a row without subject_id, relation or object_id",
                ));
            }
            let quad = match get(c_q) {
                None | Some("") => None,
                Some(q) => Some(q.parse::<u8>().map_err(|_| {
                    Error::parse(
                        Location::line(path, line),
                        format!("`quad_class` is `{q}`, not a number"),
                    )
                })?),
            };
            let si = node(s, get(c_sn), get(c_st));
            let oi = node(o, get(c_on), get(c_ot));
            edges
                .entry((si, oi, relation.to_owned()))
                .or_insert((EdgeClass::of(relation, quad), 0))
                .1 += 1;
        }
        // Most rows first, then by id; the top ones kept.
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| {
            nodes[b]
                .mentions
                .cmp(&nodes[a].mentions)
                .then_with(|| nodes[a].id.cmp(&nodes[b].id))
        });
        if let Some(n) = options.top {
            order.truncate(n);
        }
        let mut new_index = vec![usize::MAX; nodes.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let kept: Vec<Node> = order.iter().map(|&i| nodes[i].clone()).collect();
        let mut kept_edges: Vec<Edge> = edges
            .into_iter()
            .filter_map(|((s, o, relation), (class, count))| {
                let (source, target) = (new_index[s], new_index[o]);
                (source != usize::MAX && target != usize::MAX).then_some(Edge {
                    source,
                    target,
                    relation,
                    class,
                    count,
                })
            })
            .collect();
        kept_edges.sort_by(|a, b| {
            (a.source, a.target, &a.relation).cmp(&(b.source, b.target, &b.relation))
        });
        Ok(Graph {
            nodes: kept,
            edges: kept_edges,
        })
    }

    /// The graph as GEXF 1.2 (Gephi).
    pub fn to_gexf(&self) -> String {
        let mut s = String::new();
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n");
        let _ = writeln!(
            s,
            "  <meta><creator>kabar {}</creator><description>actors and relations of a triples file</description></meta>",
            env!("CARGO_PKG_VERSION")
        );
        s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
        s.push_str("    <attributes class=\"node\">\n      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n    </attributes>\n");
        s.push_str("    <attributes class=\"edge\">\n      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n      <attribute id=\"class\" title=\"class\" type=\"string\"/>\n      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n    </attributes>\n");
        s.push_str("    <nodes>\n");
        for n in &self.nodes {
            let _ = writeln!(
                s,
                "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"type\" value=\"{}\"/><attvalue for=\"mentions\" value=\"{}\"/></attvalues></node>",
                xml(&n.id),
                xml(&n.name),
                xml(&n.etype),
                n.mentions
            );
        }
        s.push_str("    </nodes>\n    <edges>\n");
        for (i, e) in self.edges.iter().enumerate() {
            let _ = writeln!(
                s,
                "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"relation\" value=\"{}\"/><attvalue for=\"class\" value=\"{}\"/><attvalue for=\"count\" value=\"{}\"/></attvalues></edge>",
                xml(&self.nodes[e.source].id),
                xml(&self.nodes[e.target].id),
                xml(&e.relation),
                e.count,
                xml(&e.relation),
                e.class.as_str(),
                e.count
            );
        }
        s.push_str("    </edges>\n  </graph>\n</gexf>\n");
        s
    }

    /// The graph as GraphML.
    pub fn to_graphml(&self) -> String {
        let mut s = String::new();
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
        for (id, what, name, ty) in [
            ("n0", "node", "label", "string"),
            ("n1", "node", "type", "string"),
            ("n2", "node", "mentions", "int"),
            ("e0", "edge", "relation", "string"),
            ("e1", "edge", "class", "string"),
            ("e2", "edge", "count", "int"),
        ] {
            let _ = writeln!(
                s,
                "  <key id=\"{id}\" for=\"{what}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
            );
        }
        s.push_str("  <graph id=\"kabar\" edgedefault=\"directed\">\n");
        for n in &self.nodes {
            let _ = writeln!(
                s,
                "    <node id=\"{}\"><data key=\"n0\">{}</data><data key=\"n1\">{}</data><data key=\"n2\">{}</data></node>",
                xml(&n.id),
                xml(&n.name),
                xml(&n.etype),
                n.mentions
            );
        }
        for (i, e) in self.edges.iter().enumerate() {
            let _ = writeln!(
                s,
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"e0\">{}</data><data key=\"e1\">{}</data><data key=\"e2\">{}</data></edge>",
                xml(&self.nodes[e.source].id),
                xml(&self.nodes[e.target].id),
                xml(&e.relation),
                e.class.as_str(),
                e.count
            );
        }
        s.push_str("  </graph>\n</graphml>\n");
        s
    }

    /// The positions of the nodes in a `w` × `h` box: a force-directed
    /// layout (Fruchterman–Reingold) from the nodes on a circle, most rows
    /// first; deterministic.
    fn layout(&self, w: f64, h: f64) -> Vec<(f64, f64)> {
        let n = self.nodes.len();
        if n == 0 {
            return Vec::new();
        }
        let (cx, cy) = (w / 2.0, h / 2.0);
        let r0 = w.min(h) * 0.4;
        let mut pos: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                // A spiral: the busiest actors near the middle.
                let t = i as f64 * 2.399_963; // the golden angle
                let r = r0 * ((i as f64 + 0.5) / n as f64).sqrt();
                (cx + r * t.cos(), cy + r * t.sin())
            })
            .collect();
        let k = ((w * h) / n as f64).sqrt() * 0.5;
        let mut temp = w.min(h) / 10.0;
        let iterations = 200;
        for _ in 0..iterations {
            let mut disp = vec![(0.0f64, 0.0f64); n];
            for i in 0..n {
                for j in i + 1..n {
                    let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                    let d = (dx * dx + dy * dy).sqrt().max(0.01);
                    let f = k * k / d;
                    let (fx, fy) = (dx / d * f, dy / d * f);
                    disp[i].0 += fx;
                    disp[i].1 += fy;
                    disp[j].0 -= fx;
                    disp[j].1 -= fy;
                }
            }
            for e in &self.edges {
                let (a, b) = (e.source, e.target);
                if a == b {
                    continue;
                }
                let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = d * d / k;
                let (fx, fy) = (dx / d * f, dy / d * f);
                disp[a].0 -= fx;
                disp[a].1 -= fy;
                disp[b].0 += fx;
                disp[b].1 += fy;
            }
            for i in 0..n {
                // A pull to the middle keeps parts that share no edge near.
                disp[i].0 += (cx - pos[i].0) * 0.25;
                disp[i].1 += (cy - pos[i].1) * 0.25;
                let d = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                    .sqrt()
                    .max(0.01);
                let step = d.min(temp);
                pos[i].0 += disp[i].0 / d * step;
                pos[i].1 += disp[i].1 / d * step;
            }
            temp *= 0.97;
        }
        // The drawing scaled into the box (not held at its walls while it
        // forms, where nodes would pile up), with room for a label on the
        // right.
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(x, y) in &pos {
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
        }
        let fit = |v: f64, lo: f64, hi: f64, to_lo: f64, to_hi: f64| {
            if hi - lo < 1e-9 {
                (to_lo + to_hi) / 2.0
            } else {
                to_lo + (v - lo) / (hi - lo) * (to_hi - to_lo)
            }
        };
        pos.iter()
            .map(|&(x, y)| {
                (
                    fit(x, x0, x1, 30.0, w - 150.0),
                    fit(y, y0, y1, 30.0, h - 30.0),
                )
            })
            .collect()
    }

    /// The graph as a self-contained HTML page: an inline SVG drawing and
    /// a small inline script, nothing loaded from the network.
    pub fn to_html(&self, title: &str) -> String {
        // The drawing on the left, the legend on the right.
        let (w, h, lw) = (1100.0, 760.0, 900.0);
        let pos = self.layout(lw, h);
        let max = self.nodes.iter().map(|n| n.mentions).max().unwrap_or(1) as f64;
        let radius = |m: u64| 5.0 + 19.0 * (m as f64 / max).sqrt();
        let max_count = self.edges.iter().map(|e| e.count).max().unwrap_or(1) as f64;
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<style>\n\
             body {{ font-family: sans-serif; margin: 16px; color: #222; }}\n\
             h1 {{ font-size: 18px; margin: 0 0 4px; }}\n\
             p.note {{ font-size: 13px; color: #555; margin: 0 0 8px; }}\n\
             svg {{ border: 1px solid #ddd; background: #fcfcfc; }}\n\
             .node circle {{ stroke: #333; stroke-width: 1; cursor: pointer; }}\n\
             .node text {{ font-size: 11px; pointer-events: none; paint-order: stroke; stroke: #fcfcfc; stroke-width: 3px; }}\n\
             .edge {{ fill: none; stroke-opacity: 0.7; }}\n\
             .dim {{ opacity: 0.08; }}\n\
             </style>\n</head>\n<body>\n<h1>{t}</h1>\n\
             <p class=\"note\">{n} actors, {e} relations. Circle size: rows an actor is in; line colour: the relation's class; width: rows. Click an actor to see only its relations, the background to see all. Hover for details.</p>\n",
            t = xml(title),
            n = self.nodes.len(),
            e = self.edges.len()
        );
        let _ = writeln!(
            s,
            "<svg id=\"g\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\">"
        );
        s.push_str("<defs>");
        for c in EdgeClass::ALL {
            let _ = write!(
                s,
                "<marker id=\"a-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"{}\"/></marker>",
                c.as_str(),
                c.colour()
            );
        }
        s.push_str("</defs>\n");
        for e in &self.edges {
            let (a, b) = (pos[e.source], pos[e.target]);
            let width = 1.0 + 4.0 * (e.count as f64).ln_1p() / max_count.ln_1p();
            let label = format!(
                "{} {} {} ({} rows)",
                self.nodes[e.source].name, e.relation, self.nodes[e.target].name, e.count
            );
            if e.source == e.target {
                let r = radius(self.nodes[e.source].mentions);
                let _ = writeln!(
                    s,
                    "<path class=\"edge\" data-s=\"{}\" data-t=\"{}\" d=\"M{:.1},{:.1} c 30,-40 60,0 {:.1},{:.1}\" stroke=\"{}\" stroke-width=\"{width:.1}\"><title>{}</title></path>",
                    e.source,
                    e.target,
                    a.0,
                    a.1 - r,
                    r,
                    r,
                    e.class.colour(),
                    xml(&label)
                );
                continue;
            }
            // A slight curve, so that the two directions of a pair part.
            let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (qx, qy) = (mx - dy / len * 18.0, my + dx / len * 18.0);
            // End at the target circle's edge.
            let rt = radius(self.nodes[e.target].mentions) + 2.0;
            let el = ((b.0 - qx).powi(2) + (b.1 - qy).powi(2)).sqrt().max(1.0);
            let (tx, ty) = (b.0 - (b.0 - qx) / el * rt, b.1 - (b.1 - qy) / el * rt);
            let _ = writeln!(
                s,
                "<path class=\"edge\" data-s=\"{}\" data-t=\"{}\" d=\"M{:.1},{:.1} Q{qx:.1},{qy:.1} {tx:.1},{ty:.1}\" stroke=\"{}\" stroke-width=\"{width:.1}\" marker-end=\"url(#a-{})\"><title>{}</title></path>",
                e.source,
                e.target,
                a.0,
                a.1,
                e.class.colour(),
                e.class.as_str(),
                xml(&label)
            );
        }
        for (i, n) in self.nodes.iter().enumerate() {
            let (x, y) = pos[i];
            let r = radius(n.mentions);
            let _ = writeln!(
                s,
                "<g class=\"node\" data-i=\"{i}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\"><title>{} ({}, {}): {} rows</title></circle><text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
                type_colour(&n.etype),
                xml(&n.name),
                xml(&n.id),
                xml(&n.etype),
                n.mentions,
                x + r + 3.0,
                y + 4.0,
                xml(&n.name)
            );
        }
        // The legend.
        let mut ly = 24.0;
        s.push_str("<g class=\"legend\" font-size=\"12\">\n");
        let _ = writeln!(
            s,
            "<line x1=\"{lw}\" y1=\"0\" x2=\"{lw}\" y2=\"{h}\" stroke=\"#ddd\"/>"
        );
        for c in EdgeClass::ALL {
            let _ = writeln!(
                s,
                "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{lx2}\" y2=\"{ly}\" stroke=\"{}\" stroke-width=\"3\"/><text x=\"{tx}\" y=\"{ty}\">{}</text>",
                c.colour(),
                c.as_str(),
                lx = lw + 20.0,
                lx2 = lw + 50.0,
                tx = lw + 58.0,
                ty = ly + 4.0
            );
            ly += 18.0;
        }
        for t in ["PERSON", "COUNTRY", "ORGANIZATION", "LOCATION"] {
            let _ = writeln!(
                s,
                "<circle cx=\"{}\" cy=\"{ly}\" r=\"6\" fill=\"{}\" stroke=\"#333\"/><text x=\"{}\" y=\"{}\">{t}</text>",
                lw + 35.0,
                type_colour(t),
                lw + 58.0,
                ly + 4.0
            );
            ly += 18.0;
        }
        s.push_str("</g>\n</svg>\n");
        s.push_str(
            "<script>\n(function () {\n  var svg = document.getElementById('g');\n  function show(i) {\n    var keep = {};\n    svg.querySelectorAll('.edge').forEach(function (e) {\n      var on = i === null || e.dataset.s === i || e.dataset.t === i;\n      e.classList.toggle('dim', !on);\n      if (on) { keep[e.dataset.s] = 1; keep[e.dataset.t] = 1; }\n    });\n    svg.querySelectorAll('.node').forEach(function (n) {\n      n.classList.toggle('dim', i !== null && !keep[n.dataset.i] && n.dataset.i !== i);\n    });\n  }\n  svg.addEventListener('click', function (ev) {\n    var g = ev.target.closest('.node');\n    show(g ? g.dataset.i : null);\n  });\n})();\n</script>\n</body>\n</html>\n",
        );
        s
    }
}

fn type_colour(t: &str) -> &'static str {
    match t {
        "PERSON" => "#e9c46a",
        "COUNTRY" => "#8ecae6",
        "ORGANIZATION" => "#f4a261",
        "LOCATION" => "#cdb4db",
        _ => "#dddddd",
    }
}

/// `s` with XML's special characters escaped (also in attribute values).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_quad_class_then_the_relation() {
        assert_eq!(EdgeClass::of("meet", None), EdgeClass::Cooperation);
        assert_eq!(EdgeClass::of("attack", None), EdgeClass::Conflict);
        assert_eq!(EdgeClass::of("official_of", None), EdgeClass::Affiliation);
        assert_eq!(EdgeClass::of("co_occurs", None), EdgeClass::CoOccurrence);
        assert_eq!(EdgeClass::of("support", Some(4)), EdgeClass::Conflict);
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
