#!/usr/bin/env bash
# kabar vs other entity matchers, side by side, in one command:
#
#     bash benches/compare/run.sh [SIZE_MB]        (default 100)
#
# Environment: CORPUS (`real`, the default: real Indonesian news sentences,
# scripts/make_real_corpus.py -> benches/data/real-<SIZE>mb.jsonl; `seeds`:
# the five seed articles reshuffled, scripts/make_corpus.py ->
# benches/data/corpus-<SIZE>mb.jsonl, the corpus of the runs before
# 2026-12-07), SPACY_MB (default 5: spaCy runs on the first 5 MB only),
# QUIET_LOAD (e.g. 0.5: before the runs, wait up to 15 minutes for the
# 1-minute load average to fall below it; the machine may be shared),
# REPEAT (runs per tool, fastest kept; default 1), SKIP (comma-separated
# tools to leave out: kabar-1t, kabar-nt, startup, bare_scan, csv_floor,
# flashtext, pyahocorasick, ahocorasick_rs, spacy, cat).
#
# Steps: build kabar, examples/bare_scan and examples/csv_floor in release; make the corpus
# (into benches/data/, git-ignored); export the
# gazetteer as TSV and as spaCy patterns; create benches/compare/.venv
# (git-ignored) with flashtext, pyahocorasick, ahocorasick-rs and spacy (the
# library only: spacy.blank("id"), no model download); run every tool under
# /usr/bin/time -v (benches/compare/compare.py); print the table and write
# it to benches/compare/results-<date>-<CORPUS>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SIZE_MB=${1:-100}
SPACY_MB=${SPACY_MB:-5}
REPEAT=${REPEAT:-1}
SKIP=${SKIP:-}
CORPUS_KIND=${CORPUS:-real}
HERE=$ROOT/benches/compare
DATA=$ROOT/benches/data
case "$CORPUS_KIND" in
real)
    CORPUS=$DATA/real-${SIZE_MB}mb.jsonl
    MAKE=(scripts/make_real_corpus.py)
    WORK=$DATA/compare-real-${SIZE_MB}mb
    ;;
seeds)
    CORPUS=$DATA/corpus-${SIZE_MB}mb.jsonl
    MAKE=(scripts/make_corpus.py)
    WORK=$DATA/compare-${SIZE_MB}mb
    ;;
*)
    echo "run.sh: CORPUS must be 'real' or 'seeds', not '$CORPUS_KIND'" >&2
    exit 2
    ;;
esac
VENV=$HERE/.venv
PY=${PYTHON:-python3}

if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is missing (Debian: apt-get install time)" >&2
    exit 2
fi

echo "== build (release)" >&2
cargo build --release --quiet --bin kabar --example bare_scan --example csv_floor
KABAR=$ROOT/target/release/kabar
BARE=$ROOT/target/release/examples/bare_scan
CSV_FLOOR=$ROOT/target/release/examples/csv_floor

echo "== corpus ($CORPUS_KIND, ${SIZE_MB} MB)" >&2
mkdir -p "$DATA" "$WORK"
if [ ! -s "$CORPUS" ]; then
    "$PY" "${MAKE[@]}" "$SIZE_MB" --out "$CORPUS" >&2
else
    echo "   $CORPUS exists (delete it to rebuild)" >&2
fi

echo "== gazetteer export" >&2
"$KABAR" gazetteer export --format tsv >"$WORK/aliases.tsv"
"$KABAR" gazetteer export --format spacy >"$WORK/patterns.jsonl"
echo "   $(wc -l <"$WORK/aliases.tsv") aliases" >&2

echo "== virtualenv ($VENV)" >&2
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import flashtext, ahocorasick, ahocorasick_rs, spacy" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        flashtext pyahocorasick ahocorasick-rs spacy
fi
"$VENV/bin/pip" freeze --disable-pip-version-check 2>/dev/null |
    grep -i -E '^(flashtext|pyahocorasick|ahocorasick[-_]rs|spacy)==' | tr '\n' ' ' >&2
echo >&2

if [ -n "${QUIET_LOAD:-}" ]; then
    echo "== waiting for load average < $QUIET_LOAD (up to 15 min)" >&2
    for _ in $(seq 180); do
        awk -v q="$QUIET_LOAD" '{ exit !($1 < q) }' /proc/loadavg && break
        sleep 5
    done
    echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
fi

echo "== warm the page cache" >&2
cat "$CORPUS" >/dev/null

echo "== run" >&2
RESULTS=$HERE/results-$(date +%Y-%m-%d)-$CORPUS_KIND.md
"$VENV/bin/python" "$HERE/compare.py" \
    --corpus "$CORPUS" \
    --aliases "$WORK/aliases.tsv" \
    --spacy-patterns "$WORK/patterns.jsonl" \
    --kabar "$KABAR" \
    --bare-scan "$BARE" \
    --csv-floor "$CSV_FLOOR" \
    --python "$VENV/bin/python" \
    --work "$WORK" \
    --spacy-mb "$SPACY_MB" \
    --repeat "$REPEAT" \
    --skip "$SKIP" \
    --results "$RESULTS"
