#!/usr/bin/env python3
"""Precision of kabar's Indonesian PERSON and ORGANIZATION mentions against NERGrit gold spans.

    python3 scripts/nergrit_precision.py [--kabar target/release/kabar] [--json] [--min-precision 0.85]
                                         [--data FILE] [--show-errors N] [--audit]

Data: tests/data/peer/indonlu-nergrit/test_preprocess.txt, the NERGrit test split as
redistributed by IndoNLU (IndoNLP/indonlu, Apache-2.0; corpus by Grit-ID; Wilie et al., AACL 2020),
copied unchanged, see tests/data/peer/README.md. CoNLL-like: token<TAB>BIO-label, a blank line
between sentences; labels PERSON, ORGANISATION, PLACE. 209 sentences.

Steps:
  1. each sentence becomes a document `nergrit-NNN` (1-based): its tokens joined by single spaces,
     with every token's character offsets kept, so gold entities become character spans;
  2. the documents go to <workdir>/docs.jsonl and kabar runs on them:
     `kabar extract docs.jsonl --lang id --entities <workdir>/entities.csv --triples /dev/null`
     (or --entities-csv reads an existing kabar entities CSV instead of running kabar);
  3. kabar's entities CSV (SPEC.md §3: doc_id, sentence_id, start_char, end_char, text,
     entity_id, name, type, source; offsets are Unicode characters into the document text) is
     compared with the gold spans:
       PERSON mentions       against gold PERSON
       ORGANIZATION mentions against gold ORGANISATION
     strict: the span equals a gold span of that label; lenient: it overlaps one.
     Precision is the aim (kabar finds actors, it is not a general NER tagger); recall is shown
     for information, as are counts per `source` (gazetteer/pattern) and how kabar's COUNTRY and
     LOCATION mentions line up with gold PLACE.

--audit adds how the gold labels what kabar's ORGANIZATION type covers: kabar's gazetteer
ORGANIZATION mentions (hand-listed names such as ASEAN, DPR, TNI) by name, with the gold label at
each span; and every gold span that begins with an institution word (Universitas, SMA, Sekolah,
University, ...) by label. Both show where the corpus's ORGANISATION label and kabar's
ORGANIZATION type differ whatever kabar finds.

--data takes any NERGrit-format file, e.g. IndoNLU's train_preprocess.txt or valid_preprocess.txt
(same repository folder, not copied into this repo) as a development set.

Prints a table (or --json). Exit status: 0 fine, 1 a strict precision is below --min-precision
(a type with no mentions has no precision and does not fail), 2 kabar or the input failed.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "tests" / "data" / "peer" / "indonlu-nergrit" / "test_preprocess.txt"
ENTITY_COLUMNS = ["doc_id", "sentence_id", "start_char", "end_char", "text", "entity_id", "name", "type", "source"]
# kabar type -> NERGrit label it is scored against
SCORED = {"PERSON": "PERSON", "ORGANIZATION": "ORGANISATION"}
PLACE_LIKE = ("COUNTRY", "LOCATION")


@dataclass(frozen=True)
class Span:
    doc: str
    start: int
    end: int
    label: str

    def overlaps(self, other: "Span") -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


@dataclass
class Doc:
    id: str
    text: str
    tokens: list[tuple[int, int]]  # character offsets of each token
    gold: list[Span]


# ---------------------------------------------------------------------------- gold


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (token, label)."""
    sentences, current = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected token<TAB>label, got {line!r}")
        current.append((parts[0], parts[1].strip()))
    if current:
        sentences.append(current)
    return sentences


def build_docs(sentences: list[list[tuple[str, str]]], id_prefix: str = "nergrit", width: int = 3) -> list[Doc]:
    """Join tokens with single spaces and turn BIO labels into character spans.
    An I- tag that does not continue an entity of the same label starts a new one.
    Document ids are `ID_PREFIX-NNN` (1-based, `width` digits)."""
    docs = []
    for i, sentence in enumerate(sentences, 1):
        doc_id = f"{id_prefix}-{i:0{width}d}"
        offsets, pos = [], 0
        for token, _ in sentence:
            offsets.append((pos, pos + len(token)))
            pos += len(token) + 1
        text = " ".join(token for token, _ in sentence)
        gold, open_span = [], None  # open_span: [label, start, end]
        for (_, tag), (start, end) in zip(sentence, offsets):
            prefix, _, label = tag.partition("-")
            if prefix == "I" and open_span and open_span[0] == label:
                open_span[2] = end
                continue
            if open_span:
                gold.append(Span(doc_id, open_span[1], open_span[2], open_span[0]))
                open_span = None
            if prefix in ("B", "I"):
                open_span = [label, start, end]
        if open_span:
            gold.append(Span(doc_id, open_span[1], open_span[2], open_span[0]))
        docs.append(Doc(doc_id, text, offsets, gold))
    return docs


def write_docs(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------- kabar output


def run_kabar(kabar: str, docs_path: Path, entities_path: Path, lang: str) -> None:
    cmd = [kabar, "extract", str(docs_path)]
    if lang:
        cmd += ["--lang", lang]
    cmd += ["--entities", str(entities_path), "--triples", "/dev/null"]
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise RuntimeError(f"cannot run {kabar}: {e}") from e
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {done.returncode}:\n{done.stderr.strip()}")


@dataclass
class Mention:
    span: Span  # label = kabar type
    text: str
    entity_id: str
    source: str


def read_mentions(path: Path, docs: dict[str, Doc]) -> tuple[list[Mention], list[str]]:
    """kabar's entities CSV -> mentions, plus problems found (unknown doc, bad offsets, text that
    is not the document's text at those offsets)."""
    mentions, problems = [], []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ENTITY_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {missing}")
        for n, row in enumerate(reader, 2):
            doc = docs.get(row["doc_id"])
            try:
                start, end = int(row["start_char"]), int(row["end_char"])
            except ValueError:
                problems.append(f"{path}:{n}: offsets are not integers: {row['start_char']!r}, {row['end_char']!r}")
                continue
            if doc is None:
                problems.append(f"{path}:{n}: unknown doc_id {row['doc_id']!r}")
                continue
            if not 0 <= start < end <= len(doc.text):
                problems.append(f"{path}:{n}: span {start}..{end} outside {doc.id} (length {len(doc.text)})")
                continue
            written = row["text"]
            if doc.text[start:end] != written and not (written.startswith("'") and doc.text[start:end] == written[1:]):
                problems.append(f"{path}:{n}: text {written!r} but {doc.id}[{start}:{end}] is {doc.text[start:end]!r}")
            mentions.append(Mention(Span(doc.id, start, end, row["type"]), doc.text[start:end], row["entity_id"], row["source"]))
    return mentions, problems


# ---------------------------------------------------------------------------- scoring


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# Words that begin an institution's name: schools, universities, hospitals.
INSTITUTION_WORDS = ("Universitas", "Institut", "Akademi", "Politeknik", "Sekolah", "SD", "SDN", "SMP",
                     "SMPN", "SMA", "SMAN", "SMK", "SMKN", "SMU", "MTs", "Rumah", "University", "School",
                     "College")


def audit(docs: list[Doc], mentions: list[Mention]) -> dict:
    """How the gold labels (1) kabar's gazetteer ORGANIZATION mentions, by name, and (2) spans that
    begin with an institution word."""
    gold_by_doc: dict[str, list[Span]] = collections.defaultdict(list)
    for d in docs:
        gold_by_doc[d.id].extend(d.gold)
    text_of = {d.id: d.text for d in docs}
    by_name: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    seen = set()
    for m in mentions:
        key = (m.span.doc, m.span.start, m.span.end)
        if m.span.label == "ORGANIZATION" and m.source == "gazetteer" and key not in seen:
            seen.add(key)
            by_name[m.text][gold_at(m.span, gold_by_doc)] += 1
    institutions: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for d in docs:
        for g in d.gold:
            first = text_of[d.id][g.start:g.end].split(" ")[0]
            if first in INSTITUTION_WORDS:
                institutions[first][g.label] += 1
    total = collections.Counter()
    for c in by_name.values():
        total.update(c)
    inst_total = collections.Counter()
    for c in institutions.values():
        inst_total.update(c)
    return {
        "gazetteer_organizations": {"total": dict(total.most_common()),
                                    "by_name": {n: dict(c.most_common()) for n, c in
                                                sorted(by_name.items(), key=lambda x: -sum(x[1].values()))}},
        "institution_spans": {"total": dict(inst_total.most_common()),
                              "by_first_word": {w: dict(c.most_common()) for w, c in
                                                sorted(institutions.items(), key=lambda x: -sum(x[1].values()))}},
    }


def print_audit(a: dict) -> None:
    g = a["gazetteer_organizations"]
    print()
    print("kabar's gazetteer ORGANIZATION mentions by what the gold has at the span: "
          + ", ".join(f"{k} {v}" for k, v in g["total"].items()))
    for name, c in g["by_name"].items():
        if any(k != "ORGANISATION" for k in c):
            print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    i = a["institution_spans"]
    print("gold spans that begin with an institution word, by label: "
          + ", ".join(f"{k} {v}" for k, v in i["total"].items()))
    for word, c in i["by_first_word"].items():
        print(f"  {word}: " + ", ".join(f"{k} {v}" for k, v in c.items()))


def gold_at(span: Span, gold_by_doc: dict[str, list[Span]]) -> str:
    """What the gold says at a predicted span: 'LABEL' (same span), '~LABEL' (overlap) or 'O'."""
    golds = gold_by_doc.get(span.doc, [])
    for g in golds:
        if (g.start, g.end) == (span.start, span.end):
            return g.label
    overlapping = sorted({g.label for g in golds if g.overlaps(span)})
    return "~" + "/".join(overlapping) if overlapping else "O"


def score(docs: list[Doc], mentions: list[Mention]) -> dict:
    gold_by_doc: dict[str, list[Span]] = collections.defaultdict(list)
    for d in docs:
        gold_by_doc[d.id].extend(d.gold)
    text_of = {d.id: d.text for d in docs}
    report: dict = {"documents": len(docs),
                    "gold": dict(collections.Counter(g.label for d in docs for g in d.gold)),
                    "mentions": dict(collections.Counter(m.span.label for m in mentions)),
                    "scored": {}, "place": {}}

    for ktype, glabel in SCORED.items():
        # one mention per distinct span (kabar may write the same span twice)
        preds: dict[tuple, Mention] = {}
        for m in mentions:
            if m.span.label == ktype:
                preds.setdefault((m.span.doc, m.span.start, m.span.end), m)
        gold = [g for d in docs for g in d.gold if g.label == glabel]
        gold_keys = {(g.doc, g.start, g.end) for g in gold}
        by_source = collections.defaultdict(collections.Counter)
        strict = lenient = 0
        errors = []
        for key, m in preds.items():
            exact = key in gold_keys
            near = exact or any(g.overlaps(m.span) for g in gold_by_doc[m.span.doc] if g.label == glabel)
            strict += exact
            lenient += near
            c = by_source[m.source or "(empty)"]
            c["mentions"] += 1
            c["strict"] += exact
            c["lenient"] += near
            if not exact:
                errors.append({"doc_id": m.span.doc, "start": m.span.start, "end": m.span.end, "text": m.text,
                               "entity_id": m.entity_id, "source": m.source, "gold": gold_at(m.span, gold_by_doc)})
        found_strict = sum(1 for g in gold if (g.doc, g.start, g.end) in preds)
        found_lenient = sum(1 for g in gold if any(g.overlaps(m.span) for m in preds.values()))
        report["scored"][ktype] = {
            "gold_label": glabel,
            "mentions": len(preds),
            "gold_spans": len(gold),
            "strict_correct": strict,
            "lenient_correct": lenient,
            "precision_strict": ratio(strict, len(preds)),
            "precision_lenient": ratio(lenient, len(preds)),
            "recall_strict": ratio(found_strict, len(gold)),
            "recall_lenient": ratio(found_lenient, len(gold)),
            "by_source": {s: {**c, "precision_strict": ratio(c["strict"], c["mentions"]),
                              "precision_lenient": ratio(c["lenient"], c["mentions"])}
                          for s, c in sorted(by_source.items())},
            "errors_by_gold": dict(collections.Counter(e["gold"] for e in errors).most_common()),
            "errors": errors,
        }
        missed = [{"doc_id": g.doc, "start": g.start, "end": g.end, "text": text_of[g.doc][g.start:g.end]}
                  for g in gold if (g.doc, g.start, g.end) not in preds]
        report["scored"][ktype]["missed"] = missed

    for ktype in PLACE_LIKE:
        spans = {(m.span.doc, m.span.start, m.span.end): m for m in mentions if m.span.label == ktype}
        at = collections.Counter(gold_at(m.span, gold_by_doc) for m in spans.values())
        report["place"][ktype] = {"mentions": len(spans), "gold_at_span": dict(at.most_common())}
    return report


# ---------------------------------------------------------------------------- output


def pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def print_table(report: dict, show_errors: int) -> None:
    print(f"NERGrit {report['data']}: {report['documents']} sentences; gold "
          + ", ".join(f"{k} {v}" for k, v in sorted(report["gold"].items())))
    print("kabar mentions: " + (", ".join(f"{k} {v}" for k, v in sorted(report["mentions"].items())) or "none"))
    print()
    print(f"{'kabar type':<13} {'vs gold':<13} {'mentions':>8} {'P strict':>9} {'P lenient':>9} {'R strict':>9} {'R lenient':>9}")
    for ktype, r in report["scored"].items():
        print(f"{ktype:<13} {r['gold_label']:<13} {r['mentions']:>8} {pct(r['precision_strict']):>9} "
              f"{pct(r['precision_lenient']):>9} {pct(r['recall_strict']):>9} {pct(r['recall_lenient']):>9}")
        for source, c in r["by_source"].items():
            print(f"  source {source:<21} {c['mentions']:>8} {pct(c['precision_strict']):>9} {pct(c['precision_lenient']):>9}")
    print()
    for ktype, r in report["scored"].items():
        if r["errors_by_gold"]:
            print(f"{ktype} mentions that are not a gold {r['gold_label']} span, by what gold has there "
                  "(LABEL = same span, ~LABEL = overlap, O = nothing): "
                  + ", ".join(f"{k} {v}" for k, v in r["errors_by_gold"].items()))
    for ktype, p in report["place"].items():
        if p["mentions"]:
            print(f"{ktype} mentions ({p['mentions']}) by gold at span: "
                  + ", ".join(f"{k} {v}" for k, v in p["gold_at_span"].items()))
    if show_errors:
        for ktype, r in report["scored"].items():
            for e in r["errors"][:show_errors]:
                print(f"  wrong {ktype}: {e['doc_id']} [{e['start']}:{e['end']}] {e['text']!r} -> {e['entity_id']} "
                      f"({e['source']}); gold: {e['gold']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kabar", default=str(REPO / "target" / "release" / "kabar"), help="kabar binary")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NERGrit CoNLL file")
    ap.add_argument("--workdir", type=Path, default=REPO / "target" / "peer" / "nergrit",
                    help="where docs.jsonl and entities.csv go")
    ap.add_argument("--entities-csv", type=Path, help="score this kabar entities CSV instead of running kabar")
    ap.add_argument("--lang", default="id", help="--lang passed to kabar extract ('' = none)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--min-precision", type=float, help="exit 1 if PERSON or ORGANIZATION strict precision is below")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="list the first N wrong mentions per type")
    ap.add_argument("--audit", action="store_true",
                    help="also show how the gold labels kabar's gazetteer organisations and institutions")
    args = ap.parse_args(argv)

    try:
        docs = build_docs(read_conll(args.data))
        docs_path = args.workdir / "docs.jsonl"
        write_docs(docs, docs_path)
        entities = args.entities_csv
        if entities is None:
            entities = args.workdir / "entities.csv"
            run_kabar(args.kabar, docs_path, entities, args.lang)
        mentions, problems = read_mentions(entities, {d.id: d for d in docs})
    except (OSError, ValueError, RuntimeError) as e:
        print(f"nergrit_precision: {e}", file=sys.stderr)
        return 2

    report = score(docs, mentions)
    report["data"] = args.data.name
    report["problems"] = problems
    if args.audit:
        report["audit"] = audit(docs, mentions)
    failed = []
    if args.min_precision is not None:
        report["min_precision"] = args.min_precision
        failed = [t for t, r in report["scored"].items()
                  if r["precision_strict"] is not None and r["precision_strict"] < args.min_precision]
        report["below_min_precision"] = failed

    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_table(report, args.show_errors)
        if args.audit:
            print_audit(report["audit"])
        for p in problems[:10]:
            print(f"problem: {p}")
        if len(problems) > 10:
            print(f"... {len(problems) - 10} more problems")
        if args.min_precision is not None:
            empty = [t for t, r in report["scored"].items() if r["precision_strict"] is None]
            print(f"strict precision below {args.min_precision}: {', '.join(failed)}" if failed
                  else f"strict precision >= {args.min_precision} for every type with mentions"
                  + (f" (no mentions: {', '.join(empty)})" if empty else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
