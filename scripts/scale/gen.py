#!/usr/bin/env python3
"""Generate large inputs for kabar's scale measurements (scripts/scale/measure.sh).

The texts are the seed articles (seeds/*.txt) cut into paragraphs and put
together again at random (deterministic for a given --seed), so documents
differ from each other but read like the seeds. Write the output under /tmp
or target/, never into the repository.

Usage:
    gen.py jsonl  OUT.jsonl  SIZE_MB        one {"id","text"} object per line
    gen.py files  OUT_DIR    COUNT          COUNT small *.txt files in 100 sub-folders
    gen.py onedoc OUT.txt    SIZE_MB        one document without a line break
    gen.py onedoc OUT.txt    SIZE_MB --lines  one document, paragraphs on lines
    gen.py bigafter OUT.jsonl SIZE_MB       a small record, then one of SIZE_MB (paragraphs on lines)
    gen.py mixed  OUT_DIR    SIZE_MB        small *.txt files with large ones among them
                                            (30, 20, 10, 5, 2, 1 and 0.5 MB), in reading order

SIZE_MB counts 10^6 bytes of output.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def paragraphs() -> list[str]:
    out = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 40:
                out.append(line)
    return out


def document(rng: random.Random, paras: list[str], n: int, sep: str) -> str:
    return sep.join(rng.choice(paras) for _ in range(n))


def gen_jsonl(out: Path, size_mb: float, rng: random.Random) -> None:
    paras = paragraphs()
    limit = int(size_mb * 1e6)
    written = 0
    i = 0
    with out.open("w", encoding="utf-8") as f:
        while written < limit:
            text = document(rng, paras, rng.randint(4, 14), "\n\n")
            line = json.dumps({"id": f"doc{i:08d}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    print(f"{out}: {i} documents, {written / 1e6:.1f} MB")


def gen_files(out: Path, count: int, rng: random.Random) -> None:
    paras = paragraphs()
    written = 0
    for i in range(count):
        sub = out / f"{i % 100:02d}"
        if i < 100:
            sub.mkdir(parents=True, exist_ok=True)
        text = document(rng, paras, rng.randint(1, 4), "\n\n") + "\n"
        data = text.encode("utf-8")
        (sub / f"doc{i:07d}.txt").write_bytes(data)
        written += len(data)
    print(f"{out}: {count} files, {written / 1e6:.1f} MB")


def gen_onedoc(out: Path, size_mb: float, rng: random.Random, lines: bool) -> None:
    paras = paragraphs()
    sep = "\n\n" if lines else " "
    limit = int(size_mb * 1e6)
    written = 0
    with out.open("w", encoding="utf-8") as f:
        while written < limit:
            chunk = document(rng, paras, 64, sep) + sep
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
    print(f"{out}: 1 document, {written / 1e6:.1f} MB, {'paragraphs' if lines else 'no line break'}")


def big_text(rng: random.Random, paras: list[str], size_mb: float) -> str:
    """About SIZE_MB of paragraphs, one per line."""
    parts, n = [], 0
    while n < size_mb * 1e6:
        chunk = document(rng, paras, 64, "\n\n") + "\n\n"
        parts.append(chunk)
        n += len(chunk.encode("utf-8"))
    return "".join(parts)


def gen_bigafter(out: Path, size_mb: float, rng: random.Random) -> None:
    paras = paragraphs()
    with out.open("w", encoding="utf-8") as f:
        for i, text in enumerate([document(rng, paras, 3, "\n\n"), big_text(rng, paras, size_mb)]):
            f.write(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False) + "\n")
    print(f"{out}: a small record, then one of {size_mb} MB")


def gen_mixed(out: Path, size_mb: float, rng: random.Random) -> None:
    paras = paragraphs()
    large = [30, 20, 10, 5, 2, 1, 0.5]
    out.mkdir(parents=True, exist_ok=True)
    written, i = 0, 0
    while written < size_mb * 1e6:
        if i % 1000 == 500 and large:
            text = big_text(rng, paras, large.pop(0))
        else:
            text = document(rng, paras, rng.randint(1, 4), "\n\n") + "\n"
        data = text.encode("utf-8")
        (out / f"doc{i:07d}.txt").write_bytes(data)
        written += len(data)
        i += 1
    print(f"{out}: {i} files, {written / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["jsonl", "files", "onedoc", "bigafter", "mixed"])
    ap.add_argument("out", type=Path)
    ap.add_argument("size", type=float, help="MB for jsonl/onedoc, a file count for files")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--lines", action="store_true", help="onedoc: paragraphs on their own lines")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if a.kind == "jsonl":
        gen_jsonl(a.out, a.size, rng)
    elif a.kind == "files":
        gen_files(a.out, int(a.size), rng)
    elif a.kind == "bigafter":
        gen_bigafter(a.out, a.size, rng)
    elif a.kind == "mixed":
        gen_mixed(a.out, a.size, rng)
    else:
        gen_onedoc(a.out, a.size, rng, a.lines)


if __name__ == "__main__":
    main()
