#!/usr/bin/env python3
"""Fits the weights of the triples' `confidence` column (models/confidence.tsv).

    python3 scripts/train_confidence.py [--out models/confidence.tsv] [--check]

Needs a built kabar (`cargo build --release`; $KABAR names another binary) and nothing but Python's
standard library.

1. kabar extracts the triples and entities of the two gold sets in the repository: the 592 sentences
   of real Indonesian news (tests/data/news-dev/idner, MIT text, the project's own gold) and the five
   sample articles (seeds/, tests/data/gold/seeds).
2. Each triple row that `kabar eval` scores (not `co_occurs`, both ends PERSON, COUNTRY or
   ORGANIZATION) is labelled right when its (subject_id, relation, object_id, negated) is in the
   document's gold set, compared as `kabar eval` compares (SPEC.md §4).
3. A logistic regression with an L2 penalty learns the chance that a row is right from what the row
   says of its evidence (FEATURES below: the rule, the relation, how each end was found, how far
   apart the two ends are). The penalty is chosen by the log loss of a five-fold split by document;
   the figures of that split are printed (--check prints them for each penalty).
4. The weights are written, a feature a line, to models/confidence.tsv; kabar reads them at run
   time (src/relation/confidence.rs computes the same features). Same data, same binary: the same
   file.

The confidence is the model's estimate of the chance that a row is in a gold set; it does not change
which rows kabar writes unless `--min-confidence` is given.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = [
    ("dev", REPO / "tests/data/news-dev/idner/docs.jsonl", REPO / "tests/data/news-dev/idner"),
    ("seeds", REPO / "seeds", REPO / "tests/data/gold/seeds"),
]
SYMMETRIC = {"meet", "cooperate", "consult", "negotiate", "co_occurs"}
SCORED = {"PERSON", "COUNTRY", "ORGANIZATION"}
PENALTIES = [0.3, 1.0, 3.0, 10.0]
FOLDS = 5


def gap_bucket(chars: int) -> str:
    """How far apart the two ends are, in characters between them (as confidence.rs)."""
    if chars <= 30:
        return "near"
    if chars <= 80:
        return "mid"
    return "far"


def features(row: dict, sources: dict) -> list[str]:
    """The features of a triple row; `sources` maps (doc, start, end) to the mention's source."""
    doc = row["doc_id"]
    ss, se = int(row["subject_start"]), int(row["subject_end"])
    os_, oe = int(row["object_start"]), int(row["object_end"])
    gap = max(0, max(ss, os_) - min(se, oe))
    return [
        "bias",
        "rule=" + row["rule"],
        "relation=" + row["relation"],
        "subject=" + sources.get((doc, ss, se), "gazetteer"),
        "object=" + sources.get((doc, os_, oe), "gazetteer"),
        "gap=" + gap_bucket(gap),
    ]


def id_key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.strip())
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def triple_key(subject: str, relation: str, obj: str, negated: str):
    s, o = id_key(subject), id_key(obj)
    if relation in SYMMETRIC and o < s:
        s, o = o, s
    return (s, relation, o, negated.strip().lower() == "true")


def labelled_rows(kabar: str, name: str, inputs: Path, gold: Path, tmp: Path):
    """(doc_id, features, right) of each scored row kabar writes for one gold set."""
    t, e = tmp / f"{name}.t.csv", tmp / f"{name}.e.csv"
    subprocess.run(
        [kabar, "extract", str(inputs), "--triples", str(t), "--entities", str(e), "--quiet"],
        check=True,
    )
    gold_sets = collections.defaultdict(set)
    with open(gold / "triples.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            gold_sets[r["doc_id"]].add(
                triple_key(r["subject_id"], r["relation"], r["object_id"], r["negated"])
            )
    sources = {}
    with open(e, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            sources[(r["doc_id"], int(r["start_char"]), int(r["end_char"]))] = r["source"]
    out = []
    with open(t, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["relation"] == "co_occurs":
                continue
            if r["subject_type"] not in SCORED or r["object_type"] not in SCORED:
                continue
            key = triple_key(r["subject_id"], r["relation"], r["object_id"], r["negated"])
            out.append((f"{name}/{r['doc_id']}", features(r, sources), key in gold_sets[r["doc_id"]]))
    return out


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def fit(rows, penalty: float) -> dict[str, float]:
    """L2-penalised logistic regression (the bias unpenalised), by Newton's method on the few
    features: exact and deterministic."""
    names = sorted({f for _, fs, _ in rows for f in fs})
    index = {n: i for i, n in enumerate(names)}
    k = len(names)
    w = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for _, fs, y in rows:
            ids = [index[f] for f in fs]
            p = sigmoid(sum(w[i] for i in ids))
            for i in ids:
                grad[i] += p - float(y)
                for j in ids:
                    hess[i][j] += p * (1 - p)
        for i, n in enumerate(names):
            if n != "bias":
                grad[i] += penalty * w[i]
                hess[i][i] += penalty
            hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return dict(zip(names, w))


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for j in range(c, n + 1):
                    m[r][j] -= f * m[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


def predict(w: dict[str, float], fs: list[str]) -> float:
    return sigmoid(sum(w.get(f, 0.0) for f in fs))


def cross_validate(rows, penalty: float):
    """Held-out predictions of a five-fold split by document (documents in sorted order, dealt
    round-robin)."""
    docs = sorted({d for d, _, _ in rows})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    held = []
    for k in range(FOLDS):
        w = fit([r for r in rows if fold[r[0]] != k], penalty)
        held += [(predict(w, fs), y) for d, fs, y in rows if fold[d] == k]
    return held


def report(held) -> str:
    n = len(held)
    logloss = -sum(math.log(p if y else 1 - p) for p, y in held) / n
    brier = sum((p - y) ** 2 for p, y in held) / n
    base = sum(y for _, y in held) / n
    lines = [f"rows {n}, right {base:.3f}; held-out log loss {logloss:.3f}, Brier {brier:.3f} "
             f"(a constant {base:.3f}: Brier {base * (1 - base):.3f})"]
    for lo, hi in [(0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.01)]:
        b = [(p, y) for p, y in held if lo <= p < hi]
        if b:
            lines.append(f"  confidence {lo:.2f}-{min(hi, 1):.2f}: {len(b):4d} rows, mean "
                         f"{sum(p for p, _ in b) / len(b):.2f}, right {sum(y for _, y in b) / len(b):.2f}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "models/confidence.tsv")
    ap.add_argument("--check", action="store_true", help="print the split's figures of each penalty, write nothing")
    args = ap.parse_args()
    kabar = os.environ.get("KABAR", str(REPO / "target/release/kabar"))
    if not Path(kabar).exists():
        print(f"train_confidence.py: no kabar binary at {kabar} (cargo build --release)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as d:
        rows = []
        for name, inputs, gold in SETS:
            rows += labelled_rows(kabar, name, inputs, gold, Path(d))
    scores = {}
    for penalty in PENALTIES:
        held = cross_validate(rows, penalty)
        scores[penalty] = -sum(math.log(p if y else 1 - p) for p, y in held)
        if args.check:
            print(f"penalty {penalty}: {report(held)}")
    penalty = min(PENALTIES, key=lambda c: (scores[c], c))
    held = cross_validate(rows, penalty)
    print(f"penalty {penalty} (least held-out log loss)\n{report(held)}")
    if args.check:
        return 0
    w = fit(rows, penalty)
    right = sum(y for _, _, y in rows)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# The weights of the triples' confidence column: written by scripts/train_confidence.py\n")
        f.write("# (see models/README.md). confidence = 1 / (1 + exp(-(sum of the weights of the row's\n")
        f.write("# features))); a feature not listed weighs 0.\n")
        f.write(f"# Fitted on {len(rows)} scored rows ({right} right) of tests/data/news-dev/idner and the\n")
        f.write(f"# seeds' gold, L2 penalty {penalty}.\n")
        f.write("feature\tweight\n")
        for name in sorted(w):
            f.write(f"{name}\t{w[name]:.4f}\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
