#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET from the repository's test data (not committed:
# the corpus grows as the fuzzer runs). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/pipeline corpus/jsonl corpus/gazetteer corpus/eval_csv
# Pipeline: the seed articles, cut to 4 KB each (the fuzzer's default
# input limit), and the development sentences.
for f in "$root"/seeds/*.txt; do
    head -c 4000 "$f" > "corpus/pipeline/$(basename "$f")"
done
head -n 40 "$root/tests/data/news-dev/idner/docs.jsonl" | split -l 1 -a 3 - corpus/pipeline/dev-
# JSONL: the development sentences and the peer texts, a few records a file.
split -l 5 -a 3 "$root/tests/data/news-dev/idner/docs.jsonl" corpus/jsonl/dev-
split -l 5 -a 3 "$root/tests/data/snapshots/peer.jsonl" corpus/jsonl/peer-
for f in corpus/jsonl/peer-*; do
    head -c 4000 "$f" > "$f.cut" && mv "$f.cut" "$f"
done
# Gazetteers: the shipped data files, cut.
for f in "$root"/gazetteers/*.tsv "$root"/gazetteers/*.txt; do
    [ -f "$f" ] || continue
    head -c 4000 "$f" > "corpus/gazetteer/$(basename "$f")"
done
# Eval: the development gold.
for f in "$root"/tests/data/gold/seeds/*.csv; do
    head -c 4000 "$f" > "corpus/eval_csv/$(basename "$f")"
done
echo "seeded: $(ls corpus/pipeline | wc -l) pipeline, $(ls corpus/jsonl | wc -l) jsonl, $(ls corpus/gazetteer | wc -l) gazetteer, $(ls corpus/eval_csv | wc -l) eval_csv"
