#!/usr/bin/env python3
"""Strict-span precision, recall and F1 of kabar's PERSON, ORGANIZATION and place mentions against a
CoNLL NER file.

    python3 scripts/conll_eval.py --data FILE --format idner|nergrit|nerp
                                  [--kabar target/release/kabar] [--json] [--show-errors N]

Formats (labels mapped to PERSON / ORGANIZATION / PLACE):
  idner    idner-news-2k: `token POS NER` (space-separated), B-/I- PER, ORG, LOC
  wikigold WikiGold (English Wikipedia): `token NER` (space-separated, IOB1), PER, ORG, LOC (MISC ignored)
  nergrit  IndoNLU NERGrit: `token<TAB>label`, B-/I- PERSON, ORGANISATION, PLACE
  nerp     IndoNLU NERP: `token<TAB>label`, B-/I- PPL, IND, PLC (EVT, FNB ignored); lower-cased text

As scripts/nergrit_precision.py does: each sentence becomes a document (its tokens joined by single
spaces, gold labels turned into character spans), kabar runs on them
(`kabar extract docs.jsonl --lang id --entities ... --triples /dev/null`), and each kabar mention is
scored strictly: its span must equal a gold span of the matching label. PERSON is scored against
PERSON, ORGANIZATION against ORGANIZATION, and kabar's COUNTRY and LOCATION together against PLACE.
Counts per `source` (gazetteer, pattern, model) are shown. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nergrit_precision import ENTITY_COLUMNS, Doc, Span, read_mentions  # noqa: E402
from nergrit_precision import build_docs as nergrit_build_docs  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

LABELS = {
    "idner": {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "PLACE"},
    "wikigold": {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "PLACE"},
    "nergrit": {"PERSON": "PERSON", "ORGANISATION": "ORGANIZATION", "PLACE": "PLACE"},
    "nerp": {"PPL": "PERSON", "IND": "ORGANIZATION", "PLC": "PLACE"},
}
# kabar type -> the label it is scored against
SCORED = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "COUNTRY": "PLACE", "LOCATION": "PLACE"}
__all__ = ["ENTITY_COLUMNS", "read_conll", "build_docs", "LABELS"]


def read_conll(path: Path, fmt: str) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (token, label), labels mapped to PERSON/ORGANIZATION/PLACE or O."""
    mapping = LABELS[fmt]
    sentences, current = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split(" ") if fmt in ("idner", "wikigold") else line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{path}:{n}: expected a token and a label, got {line!r}")
        token, tag = parts[0], parts[-1].strip()
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "I") and label in mapping:
            tag = f"{prefix}-{mapping[label]}"
        else:
            tag = "O"
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def build_docs(sentences: list[list[tuple[str, str]]], prefix: str) -> list[Doc]:
    """Documents of one sentence each, `PREFIX-NNNN` (see nergrit_precision.build_docs)."""
    return nergrit_build_docs(sentences, prefix, 4)


def prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pred": pred, "gold": gold, "correct": tp, "P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


def on_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The span `start..end` widened to the corpus tokens it touches: kabar's mention "Jokowi" inside
    the corpus token "(Jokowi)" is that token, as a token-level CoNLL scorer would read a tagger whose
    tokens are the corpus's."""
    s = next((ts for ts, te in doc.tokens if ts <= start < te), start)
    e = next((te for ts, te in doc.tokens if ts < end <= te), end)
    return s, e


def score(docs: list[Doc], mentions, tokens: bool = True) -> dict:
    """P/R/F1 per label of strict spans; with `tokens`, kabar's spans are first widened to the corpus
    tokens they touch (see `on_tokens`)."""
    gold = {(g.doc, g.start, g.end, g.label) for d in docs for g in d.gold}
    by_id = {d.id: d for d in docs}

    def span(m) -> tuple[int, int]:
        return on_tokens(by_id[m.span.doc], m.span.start, m.span.end) if tokens else (m.span.start, m.span.end)

    report = {}
    for label in ("PERSON", "ORGANIZATION", "PLACE"):
        preds = {(m.span.doc, *span(m), label) for m in mentions if SCORED.get(m.span.label) == label}
        g = {x for x in gold if x[3] == label}
        report[label] = prf(len(preds & g), len(preds), len(g))
        by_source = collections.defaultdict(lambda: [0, 0])
        seen = set()
        for m in mentions:
            key = (m.span.doc, *span(m), label)
            if SCORED.get(m.span.label) == label and key not in seen:
                seen.add(key)
                by_source[m.source][0] += 1
                by_source[m.source][1] += key in g
        report[label]["by_source"] = {s: {"mentions": n, "correct": c} for s, (n, c) in sorted(by_source.items())}
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--format", choices=sorted(LABELS), required=True)
    ap.add_argument("--kabar", default=str(REPO / "target" / "release" / "kabar"))
    ap.add_argument("--workdir", type=Path, default=REPO / "target" / "conll_eval")
    ap.add_argument("--lang", help="--lang passed to kabar extract (default: id, en for wikigold; '' = none)")
    ap.add_argument("--model", help="--model passed to kabar extract (a CRFsuite model file)")
    ap.add_argument("--spans", choices=["tokens", "chars"], default="tokens",
                    help="tokens (default): kabar's spans widened to the corpus tokens they touch before the "
                         "strict comparison (the corpus glues brackets to words: '(Jokowi)', 'PPP)'); "
                         "chars: character offsets compared as they are")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list N wrong and N missed spans of --show-label")
    ap.add_argument("--show-label", default="PERSON", choices=["PERSON", "ORGANIZATION", "PLACE"],
                    help="the label --show-errors lists (default PERSON)")
    args = ap.parse_args(argv)
    docs = build_docs(read_conll(args.data, args.format), args.format)
    args.workdir.mkdir(parents=True, exist_ok=True)
    docs_path, ents = args.workdir / "docs.jsonl", args.workdir / "entities.csv"
    with open(docs_path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
    lang = args.lang if args.lang is not None else ("en" if args.format == "wikigold" else "id")
    cmd = [args.kabar, "extract", str(docs_path)] + (["--lang", lang] if lang else [])
    cmd += ["--model", args.model] if args.model else []
    cmd += ["--entities", str(ents), "--triples", "/dev/null"]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        print(f"conll_eval: {' '.join(cmd)} failed:\n{done.stderr}", file=sys.stderr)
        return 2
    by_id = {d.id: d for d in docs}
    mentions, problems = read_mentions(ents, by_id)
    report = score(docs, mentions, tokens=args.spans == "tokens")
    if args.json:
        print(json.dumps({"data": str(args.data), "documents": len(docs), "scores": report,
                          "problems": problems}, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.data} ({args.format}): {len(docs)} sentences, strict spans "
          f"({'on the corpus tokens' if args.spans == 'tokens' else 'character offsets'})")
    print(f"{'type':<13} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}   by source (mentions/correct)")
    for label, r in report.items():
        src = ", ".join(f"{s} {v['mentions']}/{v['correct']}" for s, v in r["by_source"].items())
        print(f"{label:<13} {r['gold']:>6} {r['pred']:>6} {r['P']:>7.3f} {r['R']:>7.3f} {r['F1']:>7.3f}   {src}")
    if args.show_errors:
        want = args.show_label
        gold = {(g.doc, g.start, g.end) for d in docs for g in d.gold if g.label == want}
        preds = {(m.span.doc, *(on_tokens(by_id[m.span.doc], m.span.start, m.span.end)
                                if args.spans == "tokens" else (m.span.start, m.span.end))): m
                 for m in mentions if SCORED.get(m.span.label) == want}
        wrong = [k for k in preds if k not in gold][: args.show_errors]
        missed = [k for k in sorted(gold) if k not in preds][: args.show_errors]
        for d, s, e in wrong:
            print(f"  wrong {want} {d}: {by_id[d].text[s:e]!r} ({preds[(d, s, e)].source})")
        for d, s, e in missed:
            print(f"  missed {want} {d}: {by_id[d].text[s:e]!r}")
    for p in problems[:5]:
        print(f"problem: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
