#!/usr/bin/env bash
# Peak memory (RSS) and throughput of `kabar extract` on large inputs.
#
# Generates the inputs with scripts/scale/gen.py under $OUT (default
# /tmp/kabar-scale; never inside the repository), runs
#   /usr/bin/time -v target/release/kabar extract INPUT --triples .. --entities .. --stats .. -q
# on each, and prints one table row per case: input size as stored, text size
# (what kabar reports as input MB), documents, peak RSS, wall time and MB/s
# (text MB / wall time, gazetteer loading included). The generated inputs are kept for the next run; outputs are
# removed after each case (the --stats JSON is kept).
#
# Usage: scripts/scale/measure.sh [CASE]...
#   jsonl      a JSONL file of $JSONL_MB MB (default 2000)
#   jsonlgz    the same file gzipped
#   files      a folder of $FILES small *.txt files (default 200000)
#   onedoc200  one 200 MB document without a line break (over the default
#              64 MB --max-doc-size: skipped and reported)
#   onedoc60   one 60 MB document, paragraphs on their own lines
#   onedoc8    one 8 MB document without a line break
# Default: jsonl files onedoc200 onedoc60 onedoc8.
# Environment: OUT, JSONL_MB, FILES, THREADS (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${OUT:-/tmp/kabar-scale}
JSONL_MB=${JSONL_MB:-2000}
FILES=${FILES:-200000}
KABAR=target/release/kabar
GEN="python3 scripts/scale/gen.py"
mkdir -p "$OUT"

cargo build --release --quiet

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    cases=(jsonl jsonlgz files onedoc200 onedoc60 onedoc60flat onedoc8)
fi

# Generates the input of a case (once) and prints its path.
input_of() {
    case "$1" in
        jsonl)
            [ -f "$OUT/corpus.jsonl" ] || $GEN jsonl "$OUT/corpus.jsonl" "$JSONL_MB" >&2
            echo "$OUT/corpus.jsonl" ;;
        jsonlgz)
            input_of jsonl >/dev/null
            [ -f "$OUT/corpus.jsonl.gz" ] || gzip -1 -k -c "$OUT/corpus.jsonl" >"$OUT/corpus.jsonl.gz"
            echo "$OUT/corpus.jsonl.gz" ;;
        files)
            [ -d "$OUT/files" ] || $GEN files "$OUT/files" "$FILES" >&2
            echo "$OUT/files" ;;
        onedoc200)
            [ -f "$OUT/onedoc200.txt" ] || $GEN onedoc "$OUT/onedoc200.txt" 200 >&2
            echo "$OUT/onedoc200.txt" ;;
        onedoc60)
            [ -f "$OUT/onedoc60.txt" ] || $GEN onedoc "$OUT/onedoc60.txt" 60 --lines >&2
            echo "$OUT/onedoc60.txt" ;;
        onedoc8)
            [ -f "$OUT/onedoc8.txt" ] || $GEN onedoc "$OUT/onedoc8.txt" 8 >&2
            echo "$OUT/onedoc8.txt" ;;
        onedoc60flat)
            [ -f "$OUT/onedoc60flat.txt" ] || $GEN onedoc "$OUT/onedoc60flat.txt" 60 >&2
            echo "$OUT/onedoc60flat.txt" ;;
        *)
            echo "unknown case: $1" >&2
            exit 2 ;;
    esac
}

threads=()
if [ -n "${THREADS:-}" ]; then
    threads=(--threads "$THREADS")
fi

printf '%-10s %10s %9s %10s %12s %9s %8s %5s  %s\n' case "stored MB" "text MB" documents "peak RSS MB" "wall s" "MB/s" exit command
for c in "${cases[@]}"; do
    input=$(input_of "$c")
    bytes=$(find "$input" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
    cmd=("$KABAR" extract "$input" --triples "$OUT/$c.triples.csv" --entities "$OUT/$c.entities.csv"
        --stats "$OUT/$c.stats.json" -q "${threads[@]}")
    set +e
    /usr/bin/time -v "${cmd[@]}" 2>"$OUT/$c.time"
    code=$?
    set -e
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/$c.time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/$c.time" |
        awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}')
    read -r docs text < <(python3 -c 'import json,sys; s = json.load(open(sys.argv[1])); print(s["documents"], s["input_bytes"])' \
        "$OUT/$c.stats.json" 2>/dev/null || echo "? 0")
    printf '%-10s %10.1f %9.1f %10s %12.1f %9.1f %8.2f %5s  %s\n' "$c" "$(echo "$bytes / 1000000" | bc -l)" \
        "$(echo "$text / 1000000" | bc -l)" "$docs" "$(echo "$rss_kb / 1024" | bc -l)" "$wall" \
        "$(echo "$text / 1000000 / $wall" | bc -l)" "$code" "/usr/bin/time -v ${cmd[*]}"
    grep -h "kabar:" "$OUT/$c.time" | head -3 | sed 's/^/           /' || true
    rm -f "$OUT/$c.triples.csv" "$OUT/$c.entities.csv"
done
