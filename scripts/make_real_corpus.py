#!/usr/bin/env python3
"""Build a benchmark corpus from real Indonesian news sentences.

The seeds corpus (scripts/make_corpus.py) repeats five articles about
Russia, China and their leaders: kabar finds about 20 mentions per KB in it,
a name every 50-60 bytes. Real news is much sparser. This corpus is made of
the 1,831 sentences of idner-news-2k train + dev
(tests/data/peer/idner-news-2k/, MIT; sentences of Indonesian online news,
most of them from 2013-2014, on politics, the economy, health and world
news), so that kabar and the other matchers are timed on text with a
realistic density of names. On the 100 MB corpus kabar (build cd83e5f)
finds 7.3 entity mentions and 0.45 triples per KB of text, against 19.8
mentions and 6.2 triples per KB on the 100 MB seeds corpus: a mention every
136 bytes instead of every 50. The annotators of idner-news-2k marked 11.2
names (PER, ORG, LOC) per KB of these sentences; see BENCHMARKS.md.

How it is made (deterministic for a given --seed):

* the CoNLL files (``token POS NER`` per line, a blank line between
  sentences, CRLF line ends) are read in order, train first, then dev;
* each sentence's tokens are joined back into text: one space between
  tokens, none before ``, . ; : ) ! ? %`` and none after ``(``; a
  free-standing ``"`` or ``'`` opens a quotation (space before, none after)
  and the next one closes it (none before); everything else of the
  original tokenisation (e.g. ``(24/8)``, ``-``) is kept as it is;
* the sentences are shuffled once (random.Random(--seed)), and that fixed
  order is cycled until the corpus holds SIZE_MB megabytes of text;
* every 15 consecutive sentences of the cycle make one document, written
  as paragraphs of 3 sentences (one space between sentences, a blank line
  between paragraphs). 1,831 is not a multiple of 15, so document
  boundaries shift from one pass over the sentences to the next and no two
  documents of neighbouring passes are byte-identical;
* ids are ``r<pass>_<n>``: the pass over the sentences the document starts
  in and the document number over the whole corpus, unique.

Output (under benches/data/, which is git-ignored; never commit it): a
JSONL file, one {"id": ..., "text": ...} object per line (default:
benches/data/real-<SIZE>mb.jsonl).

Usage:
    python3 scripts/make_real_corpus.py [SIZE_MB] [--out FILE] [--seed N]
                                        [--per-doc N] [--conll FILE ...]

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
PEER = ROOT / "tests" / "data" / "peer" / "idner-news-2k"
DEFAULT_CONLL = [PEER / "train.txt", PEER / "dev.txt"]
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "!", "?", "%"}
NO_SPACE_AFTER = {"("}
QUOTES = {'"', "'"}
PARAGRAPH = 3


def read_conll(path: Path) -> list[list[str]]:
    """The sentences of one CoNLL file, each a list of tokens."""
    sentences: list[list[str]] = []
    tokens: list[str] = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append(tokens)
                    tokens = []
                continue
            fields = line.split(" ")
            if len(fields) != 3:
                sys.exit(f"make_real_corpus: {path}:{n}: expected 'token POS NER', got {line!r}")
            tokens.append(fields[0])
    if tokens:
        sentences.append(tokens)
    return sentences


def detokenize(tokens: list[str]) -> str:
    """Tokens back into text (see the module docstring for the rules)."""
    out: list[str] = []
    open_quote: dict[str, bool] = {q: False for q in QUOTES}
    glue_next = False
    for tok in tokens:
        if tok in QUOTES:
            closing = open_quote[tok]
            open_quote[tok] = not closing
            if out and not closing and not glue_next:
                out.append(" ")
            out.append(tok)
            glue_next = not closing
            continue
        if out and not glue_next and tok not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue_next = tok in NO_SPACE_AFTER
    return "".join(out)


def make_doc(sentences: list[str]) -> str:
    paragraphs = [" ".join(sentences[i:i + PARAGRAPH])
                  for i in range(0, len(sentences), PARAGRAPH)]
    return "\n\n".join(paragraphs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_mb", nargs="?", type=float, default=100.0,
                    help="target size in MB (10^6 bytes of text), default 100")
    ap.add_argument("--out", type=Path, default=None,
                    help="JSONL output (default benches/data/real-<SIZE>mb.jsonl)")
    ap.add_argument("--seed", type=int, default=20240101, help="RNG seed of the shuffle")
    ap.add_argument("--per-doc", type=int, default=15, help="sentences a document (15)")
    ap.add_argument("--conll", type=Path, nargs="+", default=DEFAULT_CONLL,
                    help="CoNLL files (default idner-news-2k train.txt and dev.txt)")
    args = ap.parse_args()

    sentences = [detokenize(toks) for path in args.conll for toks in read_conll(path)]
    if not sentences:
        sys.exit("make_real_corpus: no sentences")
    order = list(range(len(sentences)))
    random.Random(args.seed).shuffle(order)
    cycle = [sentences[i] for i in order]

    size_label = f"{args.size_mb:g}"
    out = args.out or ROOT / "benches" / "data" / f"real-{size_label}mb.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)

    target = int(args.size_mb * 1e6)
    total = 0
    n = 0
    pos = 0  # position in the endless cycle of sentences
    tmp = out.with_name(out.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        while total < target:
            start = pos
            doc = [cycle[(pos + k) % len(cycle)] for k in range(args.per_doc)]
            pos += args.per_doc
            text = make_doc(doc)
            doc_id = f"r{start // len(cycle):04d}_{n:07d}"
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
            f.write("\n")
            total += len(text.encode("utf-8"))
            n += 1
    tmp.replace(out)
    print(json.dumps({"path": str(out), "documents": n, "sentences": len(sentences),
                      "passes": round(pos / len(cycle), 2), "text_bytes": total,
                      "text_mb": round(total / 1e6, 3), "seed": args.seed,
                      "per_doc": args.per_doc}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
