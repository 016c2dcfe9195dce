#!/usr/bin/env python3
"""Trains kabar's name tagger (models/tagger.crfsuite) from the training data copied into data/train/.

    python3 scripts/train_tagger.py [--out models/tagger.crfsuite] [--data FORMAT:FILE ...]

Needs python-crfsuite (pip install python-crfsuite==0.9.12) and cargo.

1. The features come from kabar itself: `cargo run --release --example tagger_features -- FORMAT FILE
   [SKIP]` tokenises each CoNLL sentence as kabar does, runs the gazetteer and the patterns, and writes
   each token's label and the features the tagger reads at run time (src/entities/tagger/mod.rs).
2. The default data (see data/train/README.md): idner-news-2k train (MIT) without the 592 sentences of
   the project's dev gold (tests/data/news-dev/idner/docs.jsonl, ids idner-train-NNNN, NNNN = the
   0-based index of the sentence in train.txt), NERGrit train (Apache-2.0), WikiGold documents 1-116
   (English Wikipedia, CC BY 4.0) and NERP train (Apache-2.0; lower-cased text: it teaches words and
   contexts, not capitals). The splits reported (idner-news-2k dev, NERGrit valid and test, WikiGold
   documents 117-145) are not here.
3. python-crfsuite trains a linear-chain CRF (L-BFGS, the PARAMS below) on the sequences in file order,
   each file `weight` times (DATA below)
   and writes the model. Same data, same parameters: the same bytes (training is deterministic).

--data FORMAT:FILE (repeatable) trains on these files instead (no sentences skipped); --features-exe
PATH runs that tagger_features binary instead of building it (tests/integration/training.rs).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# (format, file, weight): a file's sentences are given to the trainer `weight` times. The two sets of
# capitalised Indonesian text weigh three times WikiGold (English) and NERP (lower-cased), which are
# there for what they teach of words and contexts; measured on idner-news-2k dev and NERGrit valid
# (see models/README.md).
DATA = [
    ("idner", REPO / "data/train/idner-news-2k/train.txt", 3),
    ("nergrit", REPO / "data/train/indonlu-nergrit/train_preprocess.txt", 3),
    ("wikigold", REPO / "data/train/wikigold/train.txt", 1),
    ("nerp", REPO / "data/train/indonlu-nerp/train_preprocess.txt", 1),
]
DEV_GOLD = REPO / "tests/data/news-dev/idner/docs.jsonl"
PARAMS = {
    "c1": 0.2,  # L1: drops most features, keeps the model small
    "c2": 0.1,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def dev_gold_indices() -> list[int]:
    """The idner train sentences the dev gold holds (idner-train-NNNN)."""
    out = []
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        doc_id = json.loads(line)["id"]
        out.append(int(doc_id.rsplit("-", 1)[1]))
    return sorted(out)


def unescape(f: str) -> str:
    out, i = [], 0
    while i < len(f):
        if f[i] == "\\" and i + 1 < len(f):
            out.append(f[i + 1])
            i += 2
        else:
            out.append(f[i])
            i += 1
    return "".join(out)


def features(fmt: str, path: Path, skip: list[int], tmp: Path, exe: str | None) -> list[tuple[list[list[str]], list[str]]]:
    cmd = [exe] if exe else ["cargo", "run", "--release", "-q", "--example", "tagger_features", "--"]
    cmd += [fmt, str(path)]
    if skip:
        skip_file = tmp / f"skip-{fmt}.txt"
        skip_file.write_text("".join(f"{i}\n" for i in skip))
        cmd.append(str(skip_file))
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr}")
    seqs, xs, ys = [], [], []
    for line in done.stdout.split("\n"):
        if not line:
            if xs:
                seqs.append((xs, ys))
            xs, ys = [], []
            continue
        label, *feats = line.split("\t")
        ys.append(label)
        xs.append([unescape(f) for f in feats])
    if xs:
        seqs.append((xs, ys))
    return seqs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "models/tagger.crfsuite")
    ap.add_argument("--data", action="append", metavar="FORMAT:FILE")
    ap.add_argument("--features-exe", metavar="PATH",
                    help="a built tagger_features example to run instead of `cargo run --release --example`")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help="override a training parameter (experiments; the model in the repo uses PARAMS)")
    args = ap.parse_args(argv)
    try:
        import pycrfsuite
    except ImportError:
        print("train_tagger: needs python-crfsuite (pip install python-crfsuite==0.9.12)", file=sys.stderr)
        return 2
    if args.data:
        data = [(d.split(":", 1)[0], Path(d.split(":", 1)[1]), [], 1) for d in args.data]
    else:
        data = [(fmt, path, dev_gold_indices() if fmt == "idner" else [], weight) for fmt, path, weight in DATA]
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    params = dict(PARAMS)
    for p in args.param:
        name, value = p.split("=", 1)
        params[name] = type(PARAMS.get(name, 0.0))(value) if name in PARAMS else value
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, path, skip, weight in data:
            seqs = features(fmt, path, skip, Path(tmp), args.features_exe)
            print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {len(seqs)} sequences, "
                  f"{sum(len(y) for _, y in seqs)} tokens ({len(skip)} sentences skipped), weight {weight}",
                  file=sys.stderr)
            for _ in range(weight):
                for xs, ys in seqs:
                    trainer.append(xs, ys)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"{args.out}: {args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
