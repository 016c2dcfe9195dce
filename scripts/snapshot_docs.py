#!/usr/bin/env python3
"""Write the peer texts of the snapshot test as one JSONL file.

    python3 scripts/snapshot_docs.py [OUT]      (default: tests/data/snapshots/peer.jsonl)

The snapshot test (tests/integration/snapshot.rs) runs kabar's default pipeline over the seeds,
this file and the development sentences (tests/data/news-dev/idner/docs.jsonl), and compares both
CSVs byte for byte with the files checked in beside it. This script makes the middle input from the
third-party texts copied into tests/data/peer/ (sources and licences in the README.md there), with
the same document ids and texts the scoring scripts use:

  petr2-*    PETRARCH-2 validation records (MIT), as scripts/peer_gold.py petr2 writes them
  plover-*   PLOVER gold-standard records (CC BY-SA 4.0, Open Event Data Alliance), as peer_gold.py
  nergrit-*  NERGrit test split (Apache-2.0), tokens joined by spaces, as scripts/nergrit_precision.py

Deterministic: rerunning gives the same bytes. Python 3.11 standard library only.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nergrit_precision  # noqa: E402
import peer_gold  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else REPO / "tests" / "data" / "snapshots" / "peer.jsonl"
    lines = []
    for dataset, reader in (("petr2", peer_gold.read_petr2), ("plover", peer_gold.read_plover)):
        records = reader(peer_gold.DEFAULT_INPUT[dataset])
        docs, *_ = peer_gold.build(dataset, records, False)
        for d in docs:
            lines.append(json.dumps({"id": f"{dataset}-{d['id']}", "text": d["text"]}, ensure_ascii=False))
    sentences = nergrit_precision.read_conll(nergrit_precision.DEFAULT_DATA)
    for d in nergrit_precision.build_docs(sentences):
        lines.append(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} documents -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
