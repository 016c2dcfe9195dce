#!/usr/bin/env python3
"""Build a benchmark corpus from the seed articles.

The seeds (seeds/*.txt, five Republika/Sindonews-style articles) are far too
small to benchmark on, so this script repeats them with light variation
until the corpus holds SIZE_MB megabytes (10^6 bytes) of UTF-8 text:

* every generated document takes one seed as its template and keeps the
  template's short lines (date line, headline, byline, "Baca Juga",
  "Advertisement", ...) where they are, so the document still looks like a
  scraped news page and boilerplate handling is exercised;
* the template's body paragraphs (lines of 100+ characters) are replaced by
  paragraphs drawn at random from ALL seeds, in random order, with the
  paragraph count varied by +-2; so no two documents are byte-identical
  repetitions and entities from different seeds meet in one document.

The output is deterministic for a given --seed (Python's random.Random).

Output (under benches/data/, which is git-ignored; never commit it):

* a JSONL file, one {"id": ..., "text": ...} object per line
  (default: benches/data/corpus-<SIZE>mb.jsonl);
* with --txt-dir DIR, also one DIR/<id>.txt per document.

Usage:
    python3 scripts/make_corpus.py [SIZE_MB] [--out FILE] [--txt-dir DIR]
                                   [--seed N] [--seeds DIR]

Size counts the text of the documents (what kabar reports as input MB), not
the JSON escaping around it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY_MIN_CHARS = 100


def load_seeds(seed_dir: Path) -> list[tuple[str, list[str]]]:
    seeds = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").lstrip("\ufeff")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        seeds.append((path.stem, text.split("\n")))
    if not seeds:
        sys.exit(f"make_corpus: no *.txt files in {seed_dir}")
    return seeds


def is_body(line: str) -> bool:
    return len(line.strip()) >= BODY_MIN_CHARS


def make_doc(rng: random.Random, seeds, pool: list[str]) -> tuple[str, str]:
    stem, lines = rng.choice(seeds)
    body_slots = [i for i, line in enumerate(lines) if is_body(line)]
    n = max(1, len(body_slots) + rng.randint(-2, 2))
    paragraphs = [rng.choice(pool) for _ in range(n)]
    out: list[str] = []
    placed = 0
    for i, line in enumerate(lines):
        if is_body(line):
            if placed < len(paragraphs):
                out.append(paragraphs[placed])
                placed += 1
            # A removed slot leaves its blank separator line, as scrapes do.
            continue
        out.append(line)
        # Extra paragraphs go after the last body slot of the template.
        if body_slots and i == body_slots[-1] + 1:
            while placed < len(paragraphs):
                out.append("")
                out.append(paragraphs[placed])
                placed += 1
    while placed < len(paragraphs):
        out.append(paragraphs[placed])
        placed += 1
    return stem, "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_mb", nargs="?", type=float, default=100.0,
                    help="target size in MB (10^6 bytes of text), default 100")
    ap.add_argument("--out", type=Path, default=None,
                    help="JSONL output (default benches/data/corpus-<SIZE>mb.jsonl)")
    ap.add_argument("--txt-dir", type=Path, default=None,
                    help="also write one .txt file per document into this folder")
    ap.add_argument("--seed", type=int, default=20240101, help="RNG seed")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds",
                    help="folder of seed *.txt articles")
    args = ap.parse_args()

    seeds = load_seeds(args.seeds)
    pool = [line.strip() for _, lines in seeds for line in lines if is_body(line)]
    if not pool:
        sys.exit("make_corpus: the seeds have no body paragraphs")

    size_label = f"{args.size_mb:g}"
    out = args.out or ROOT / "benches" / "data" / f"corpus-{size_label}mb.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.txt_dir:
        args.txt_dir.mkdir(parents=True, exist_ok=True)

    target = int(args.size_mb * 1e6)
    rng = random.Random(args.seed)
    total = 0
    n = 0
    tmp = out.with_name(out.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        while total < target:
            stem, text = make_doc(rng, seeds, pool)
            doc_id = f"c{n:07d}_{stem[:3]}"
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
            f.write("\n")
            if args.txt_dir:
                (args.txt_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
            n += 1
    tmp.replace(out)
    print(json.dumps({"path": str(out), "documents": n, "text_bytes": total,
                      "text_mb": round(total / 1e6, 3), "seed": args.seed}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
