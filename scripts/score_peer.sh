#!/usr/bin/env bash
# Score kabar's English relation extraction against third-party event gold, at the country level.
#
#   scripts/score_peer.sh [--no-build] [--state-actors-only]
#
# Data (copied unchanged into tests/data/peer/, see the README.md there):
#   petr2  - PETRARCH-2 validation records (openeventdata/UniversalPetrarch), MIT licence
#   plover - PLOVER gold-standard records (openeventdata/PLOVER), CC BY-SA 4.0,
#            Copyright 2016 by the Open Event Data Alliance
#
# For each set, in target/peer/<set>/:
#   1. scripts/peer_gold.py       -> docs.jsonl, entities.csv (header only), triples.csv, dropped.csv
#   2. kabar extract              -> pred_triples.csv, pred_entities.csv
#   3. scripts/country_level.py   -> pred_country.csv (people -> their country, only countries/organisations,
#                                    asserted rows, negation as CAMEO codes it: see its docstring)
#   4. kabar eval (SPEC.md §4)    -> printed and saved in score.txt
# The gold has no entities, so only the triple scores mean something.
#
# --no-build            use the existing binary ($KABAR, default target/release/kabar)
# --state-actors-only   passed to peer_gold.py: drop gold actors coded as rebels, opposition, civilians...
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
gold_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --state-actors-only) gold_args+=("$arg") ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "score_peer.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

KABAR=${KABAR:-target/release/kabar}
PYTHON=${PYTHON:-python3}
if [ "$build" = 1 ]; then
  cargo build --release
fi
[ -x "$KABAR" ] || { echo "score_peer.sh: no kabar binary at $KABAR" >&2; exit 2; }

for set in petr2 plover; do
  out=target/peer/$set
  echo "== $set"
  "$PYTHON" scripts/peer_gold.py "$set" "$out" ${gold_args[@]+"${gold_args[@]}"}
  "$KABAR" extract "$out/docs.jsonl" --lang en \
    --triples "$out/pred_triples.csv" --entities "$out/pred_entities.csv"
  "$PYTHON" scripts/country_level.py "$out/pred_triples.csv" "$out/pred_country.csv" \
    --asserted-only --cameo-negation --gold "$out"
  "$KABAR" eval --gold "$out" --triples "$out/pred_country.csv" | tee "$out/score.txt"
done
