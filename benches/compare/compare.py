#!/usr/bin/env python3
"""Side-by-side run of kabar and other entity matchers on one corpus.

Called by ``benches/compare/run.sh`` (which builds kabar, makes the corpus,
exports the gazetteer and sets up the virtualenv); it can be run by hand
with the same arguments. Every tool runs as its own process under
``/usr/bin/time -v`` (peak RSS = "Maximum resident set size"), one after
the other, on the same corpus and the same exported gazetteer.

Seconds are measured on different bases, and the table says which:

* kabar: the whole process (start-up with the compiled-in gazetteers,
  reading the JSONL, every stage, writing both CSVs, fsync);
* bare_scan and the Python tools: the matching loop only, over documents
  already in memory (load and build times are listed under the table);
* cat: the whole process, reading the (page-cached) JSONL file.

"time/MB vs kabar-1t" is (tool seconds per MB) / (kabar 1-thread seconds per
MB): above 1 the tool is slower than the full kabar job, below 1 faster.
"CPU s" is the CPU time of the same span (kabar and cat: user + system time
of the process from /usr/bin/time; Python tools: time.process_time() over
the scan loop; bare_scan: the scanning thread's CPU time), and "CPU/MB vs
kabar-1t" the same ratio on CPU time: on a shared machine where other
processes compete for the cores, CPU time is disturbed less than wall time
for the single-threaded rows. For the all-cores row it is the total work of
both threads, not a speed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from scan_py import records  # same directory: one reader of the corpus for both

csv.field_size_limit(1 << 30)


def sh(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def machine_info() -> dict:
    model = ""
    for line in sh(["lscpu"]).splitlines():
        if line.lower().startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_gib = ""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_gib = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    return {
        "nproc": (sh(["nproc"]).strip() or str(os.cpu_count())),
        "cpu": model or platform.processor(),
        "memory": mem_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "rustc": sh(["rustc", "--version"]).strip(),
    }


def timed(cmd: list[str], stdout=None, label: str = "") -> dict:
    """Runs cmd under /usr/bin/time -v; returns wall seconds, peak RSS MB,
    stdout and stderr."""
    tfile = Path(os.environ.get("TMPDIR", "/tmp")) / f"kabar-compare-time-{os.getpid()}.txt"
    full = ["/usr/bin/time", "-v", "-o", str(tfile)] + cmd
    print(f"  $ {' '.join(cmd)}" + (f" > {stdout}" if stdout else ""), file=sys.stderr, flush=True)
    out_f = open(stdout, "wb") if stdout else subprocess.PIPE
    load = os.getloadavg()[0]
    t = time.perf_counter()
    p = subprocess.run(full, stdout=out_f, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    if stdout:
        out_f.close()
    tv = tfile.read_text(errors="replace") if tfile.exists() else ""
    tfile.unlink(missing_ok=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    cpu = 0.0
    for field in ("User time", "System time"):
        mc = re.search(field + r" \(seconds\): ([\d.]+)", tv)
        cpu += float(mc.group(1)) if mc else float("nan")
    res = {
        "wall": wall,
        "rss_mb": rss,
        "stdout": "" if stdout else p.stdout.decode("utf-8", "replace"),
        "stderr": p.stderr.decode("utf-8", "replace"),
        "rc": p.returncode,
        "load": load,
        "cpu": cpu,
    }
    if p.returncode not in (0,):
        print(f"  ! {label or cmd[0]} exited {p.returncode}:\n{res['stderr'][-2000:]}", file=sys.stderr)
    return res


FAILED: list[str] = []


def best_of(n: int, run, name: str) -> dict | None:
    """The fastest of n runs; None (and a note) when the tool fails."""
    best = None
    for _ in range(max(1, n)):
        try:
            r = run()
        except Exception as e:  # a tool that fails is reported, not fatal
            FAILED.append(f"{name} failed: {type(e).__name__}: {e}")
            print(f"  ! {name} failed: {e}", file=sys.stderr)
            return None
        if best is None or r["seconds"] < best["seconds"]:
            best = r
    return best


# ---------------------------------------------------------------- mentions

def read_kabar_entities(path: Path) -> dict[str, set]:
    docs: dict[str, set] = defaultdict(set)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            doc = row["doc_id"]
            if doc.startswith("'"):
                doc = doc[1:]
            docs[doc].add((int(row["start_char"]), int(row["end_char"]), row["entity_id"]))
    return docs


def read_tsv_matches(path: Path) -> dict[str, set]:
    docs: dict[str, set] = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4:
                docs[cols[0]].add((int(cols[1]), int(cols[2]), cols[3]))
    return docs


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def agreement(kabar: dict[str, set], tool: dict[str, set], doc_ids: list[str]) -> dict:
    km = tm = both = 0
    ke = te = eboth = 0
    only_tool: dict[str, int] = defaultdict(int)
    only_kabar: dict[str, int] = defaultdict(int)
    for d in doc_ids:
        k, t = kabar.get(d, set()), tool.get(d, set())
        for x in t - k:
            only_tool[x[2]] += 1
        for x in k - t:
            only_kabar[x[2]] += 1
        km += len(k)
        tm += len(t)
        both += len(k & t)
        kids, tids = {x[2] for x in k}, {x[2] for x in t}
        ke += len(kids)
        te += len(tids)
        eboth += len(kids & tids)
    return {
        "docs": len(doc_ids),
        "kabar_mentions": km,
        "tool_mentions": tm,
        "same_mentions": both,
        "mention_kabar_found": pct(both, km),
        "mention_tool_in_kabar": pct(both, tm),
        "kabar_doc_entities": ke,
        "tool_doc_entities": te,
        "entity_kabar_found": pct(eboth, ke),
        "entity_tool_in_kabar": pct(eboth, te),
        "top_only_tool": sorted(only_tool.items(), key=lambda kv: -kv[1])[:8],
        "top_only_kabar": sorted(only_kabar.items(), key=lambda kv: -kv[1])[:8],
    }


def corpus_ids(path: Path, max_mb: float | None) -> tuple[list[str], float]:
    ids = []
    total = 0
    for doc_id, text in records(path, max_mb):
        ids.append(doc_id)
        total += len(text.encode("utf-8"))
    return ids, total / 1e6


# ---------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description="kabar vs other matchers, side by side")
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--aliases", required=True, type=Path, help="kabar gazetteer export --format tsv")
    ap.add_argument("--spacy-patterns", required=True, type=Path, help="... --format spacy")
    ap.add_argument("--kabar", required=True, type=Path)
    ap.add_argument("--bare-scan", required=True, type=Path)
    ap.add_argument("--csv-floor", type=Path, help="examples/csv_floor: kabar's CSVs rewritten by the csv crate alone")
    ap.add_argument("--python", default=sys.executable, help="the virtualenv's python")
    ap.add_argument("--work", required=True, type=Path, help="folder for outputs")
    ap.add_argument("--results", type=Path, help="write the Markdown report here too")
    ap.add_argument("--spacy-mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool; the fastest is kept")
    ap.add_argument("--skip", default="", help="comma-separated tools to leave out")
    args = ap.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    scan_py = Path(__file__).resolve().parent / "scan_py.py"
    nproc = os.cpu_count() or 1

    print("reading the corpus ids ...", file=sys.stderr)
    all_ids, corpus_mb = corpus_ids(args.corpus, None)
    n_docs = len(all_ids)
    file_mb = args.corpus.stat().st_size / 1e6
    with open(args.aliases, encoding="utf-8") as f:
        alias_count = sum(1 for line in f if line.strip())

    rows = []  # dicts: tool, timed, mb, docs, seconds, rss, wall, mentions, matches_file
    notes = []

    # --- kabar, full job
    for threads, label in [(1, "kabar extract --threads 1"), (None, f"kabar extract (all cores = {nproc})")]:
        tag = "1t" if threads == 1 else "nt"
        key = "kabar-1t" if threads == 1 else "kabar-nt"
        if key in skip:
            continue
        ents = args.work / f"kabar-{tag}-entities.csv"
        trips = args.work / f"kabar-{tag}-triples.csv"

        def run_kabar(threads=threads, ents=ents, trips=trips):
            cmd = [str(args.kabar), "extract", str(args.corpus), "--triples", str(trips), "--entities", str(ents)]
            if threads:
                cmd += ["--threads", str(threads)]
            r = timed(cmd, label="kabar")
            summary = r["stderr"].strip().splitlines()[-1] if r["stderr"].strip() else ""
            return {"seconds": r["wall"], "rss": r["rss_mb"], "wall": r["wall"], "summary": summary, "rc": r["rc"],
                    "load": r["load"], "cpu": r["cpu"]}

        r = best_of(args.repeat, run_kabar, label)
        if r is None:
            continue
        m = re.search(r"(\d+) entity mentions, (\d+) triples; ([\d.]+) MB in ([\d.]+) s", r["summary"])
        mentions = int(m.group(1)) if m else None
        if m:
            notes.append(
                f"{label}: kabar's own summary (excludes process start-up and gazetteer build): "
                f"{m.group(3)} MB in {m.group(4)} s; {m.group(1)} entity mentions, {m.group(2)} triples "
                f"({int(m.group(1)) / (corpus_mb * 1e3):.2f} mentions and {int(m.group(2)) / (corpus_mb * 1e3):.2f} "
                f"triples per KB of text)."
            )
        rows.append({
            "key": key, "tool": label,
            "timed": "whole process: start-up, read JSONL, all stages, write 2 CSVs",
            "mb": corpus_mb, "docs": n_docs, "seconds": r["seconds"], "rss": r["rss"],
            "wall": r["wall"], "mentions": mentions, "matches": ents if threads == 1 else None, "load": r["load"], "cpu": r["cpu"],
        })

    # --- kabar start-up: a whole `kabar extract` on one short document
    if "startup" not in skip:
        tiny = args.work / "startup-doc.txt"
        tiny.write_text("Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing.\n", encoding="utf-8")
        walls, rss = [], 0.0
        for _ in range(5):
            r = timed([str(args.kabar), "extract", str(tiny), "--quiet",
                       "--triples", str(args.work / "startup-triples.csv"),
                       "--entities", str(args.work / "startup-entities.csv")], label="kabar startup")
            walls.append(r["wall"])
            rss = max(rss, r["rss_mb"])
        notes.append(
            f"kabar start-up: `kabar extract` on one 60-byte document takes {min(walls) * 1000:.0f} ms "
            f"(best of 5; median {sorted(walls)[2] * 1000:.0f} ms), peak RSS {rss:.0f} MB: loading the "
            f"compiled-in gazetteers and building the automaton, which every run pays once."
        )

    # --- bare scan (Rust), the matching floor
    if "bare_scan" not in skip:
        bm = args.work / "bare_scan-matches.tsv"

        def run_bare():
            r = timed([str(args.bare_scan), str(args.aliases), str(args.corpus), "--matches", str(bm)], label="bare_scan")
            j = json.loads(r["stdout"].strip().splitlines()[-1])
            return {"seconds": j["scan_seconds"], "rss": r["rss_mb"], "wall": r["wall"], "j": j, "load": r["load"],
                    "cpu": j.get("scan_cpu_seconds") or float("nan")}

        r = best_of(args.repeat, run_bare, "bare_scan")
    if "bare_scan" not in skip and r is not None:
        j = r["j"]
        notes.append(
            f"bare_scan: read {j['read_seconds']:.2f} s, automaton build {j['build_seconds'] * 1000:.1f} ms "
            f"({j['patterns']} patterns, {j['automaton_bytes'] / 1e6:.2f} MB), scan {j['scan_seconds']:.3f} s; "
            f"the process wall time includes writing the matches file for the agreement check."
        )
        rows.append({
            "key": "bare_scan", "tool": "bare scan (Rust aho-corasick, examples/bare_scan.rs)",
            "timed": "scan only, corpus in memory", "mb": j["mb"], "docs": j["documents"],
            "seconds": r["seconds"], "rss": r["rss"], "wall": r["wall"], "mentions": j["matches"], "matches": bm,
            "load": r["load"], "cpu": r["cpu"], "read": j["read_seconds"],
        })

    # --- the output floor: kabar's own rows (1 thread run) written again by the csv crate alone
    k1_row = next((r for r in rows if r["key"] == "kabar-1t"), None)
    if "csv_floor" not in skip and args.csv_floor and k1_row:
        trips1, ents1 = args.work / "kabar-1t-triples.csv", args.work / "kabar-1t-entities.csv"

        def run_csv_floor():
            r = timed([str(args.csv_floor), str(args.corpus), str(trips1), str(ents1)], label="csv_floor")
            j = json.loads(r["stdout"])
            return {"seconds": j["write_seconds_min"], "rss": r["rss_mb"], "wall": r["wall"], "j": j,
                    "load": r["load"], "cpu": j.get("write_cpu_seconds_min") or float("nan")}

        r = best_of(args.repeat, run_csv_floor, "csv_floor")
        if r is not None:
            j = r["j"]
            notes.append(
                f"csv_floor: {j['rows']:,} rows, {j['output_mb']:.1f} MB of CSV written in {j['write_seconds_min']:.3f} s "
                f"(fastest of 5 in the process; median {j['write_seconds_median']:.3f} s), rows read from kabar's "
                f"1-thread output beforehand, not timed."
            )
            rows.append({
                "key": "csv_floor", "tool": "CSV write floor (csv crate alone, kabar's rows, examples/csv_floor.rs)",
                "timed": "writing the rows only, rows in memory", "mb": j["input_mb"], "docs": n_docs,
                "seconds": r["seconds"], "rss": r["rss"], "wall": r["wall"], "mentions": None, "matches": None,
                "load": r["load"], "cpu": r["cpu"],
            })

    # --- Python tools
    py_tools = [
        ("flashtext", "flashtext KeywordProcessor (case-insensitive)", None),
        ("pyahocorasick", "pyahocorasick iter_long (+lower, +boundary check)", None),
        ("ahocorasick_rs", "ahocorasick-rs leftmost-longest (+lower, +boundary check)", None),
        ("spacy", "spaCy blank('id') + EntityRuler LOWER (first {mb:.0f} MB only)", args.spacy_mb),
    ]
    for tool, label, max_mb in py_tools:
        if tool in skip:
            continue
        mf = args.work / f"{tool}-matches.tsv"

        def run_py(tool=tool, max_mb=max_mb, mf=mf):
            cmd = [args.python, str(scan_py), tool, "--aliases", str(args.aliases),
                   "--spacy-patterns", str(args.spacy_patterns), "--corpus", str(args.corpus),
                   "--matches", str(mf)]
            if max_mb is not None:
                cmd += ["--max-mb", str(max_mb)]
            r = timed(cmd, label=tool)
            j = json.loads(r["stdout"].strip().splitlines()[-1])
            return {"seconds": j["scan_seconds"], "rss": r["rss_mb"], "wall": r["wall"], "j": j, "load": r["load"],
                    "cpu": j.get("scan_cpu_seconds") or float("nan")}

        r = best_of(args.repeat, run_py, tool)
        if r is None:
            continue
        j = r["j"]
        note = (f"{tool}: load JSONL {j['load_seconds']:.2f} s, build {j['build_seconds']:.2f} s, "
                f"scan {j['scan_seconds']:.2f} s, getrusage peak RSS {j['peak_rss_mb']:.0f} MB")
        if j.get("raw_scan_seconds"):
            note += (f"; library call alone (no lower-casing, no boundary check): "
                     f"{j['raw_scan_seconds']:.2f} s = {j['mb'] / j['raw_scan_seconds']:.1f} MB/s")
        notes.append(note + ".")
        rows.append({
            "key": tool, "tool": label.format(mb=j["mb"]), "timed": "scan only, corpus in memory",
            "mb": j["mb"], "docs": j["documents"], "seconds": r["seconds"], "rss": r["rss"],
            "wall": r["wall"], "mentions": j["matches"], "matches": mf, "max_mb": max_mb, "load": r["load"], "cpu": r["cpu"],
        })

    # --- I/O floor
    if "cat" not in skip:
        def run_cat():
            r = timed(["cat", str(args.corpus)], stdout="/dev/null", label="cat")
            return {"seconds": r["wall"], "rss": r["rss_mb"], "wall": r["wall"], "load": r["load"], "cpu": r["cpu"]}

        r = best_of(args.repeat, run_cat, "cat")
    if "cat" not in skip and r is not None:
        rows.append({
            "key": "cat", "tool": "cat corpus.jsonl > /dev/null (I/O floor)",
            "timed": "whole process; MB = JSONL file size, page cache warm",
            "mb": file_mb, "docs": n_docs, "seconds": r["seconds"], "rss": r["rss"],
            "wall": r["wall"], "mentions": None, "matches": None, "load": r["load"], "cpu": r["cpu"],
        })

    # --- agreement with kabar (1 thread; the output is identical for any thread count)
    agree = []
    k1 = next((r for r in rows if r["key"] == "kabar-1t"), None)
    if k1 and k1["matches"] and Path(k1["matches"]).exists():
        kabar_ents = read_kabar_entities(k1["matches"])
        slice_ids = {}
        for r in rows:
            if r["key"].startswith("kabar") or not r.get("matches"):
                continue
            max_mb = r.get("max_mb")
            if max_mb not in slice_ids:
                slice_ids[max_mb] = corpus_ids(args.corpus, max_mb)[0] if max_mb else all_ids
            a = agreement(kabar_ents, read_tsv_matches(r["matches"]), slice_ids[max_mb])
            a["tool"] = r["key"]
            agree.append(a)

    # --- report
    kabar_rate = None
    if k1:
        kabar_rate = k1["seconds"] / k1["mb"]
    info = machine_info()
    now = dt.datetime.now()
    lines = []
    lines.append(f"## Comparison run {now:%Y-%m-%d %H:%M}")
    lines.append("")
    lines.append(f"- machine: {info['nproc']} cores ({info['cpu']}), {info['memory']} RAM, "
                 f"Linux {info['kernel']}; {info['rustc']}; Python {info['python']}")
    lines.append(f"- corpus: `{args.corpus.name}`, {n_docs} documents, {corpus_mb:.1f} MB of text "
                 f"({file_mb:.1f} MB as JSONL); spaCy on the first {args.spacy_mb:g} MB only")
    lines.append(f"- gazetteer: {alias_count} aliases (`kabar gazetteer export --format tsv`)")
    lines.append(f"- runs per tool: {args.repeat} (fastest kept); tools run one after another on a shared machine")
    lines.append("")
    kabar_cpu_rate = k1["cpu"] / k1["mb"] if k1 and k1["cpu"] == k1["cpu"] else None
    lines.append("| tool | timed | MB | seconds | MB/s | docs/s | peak RSS MB | time/MB vs kabar-1t "
                 "| CPU s | CPU/MB vs kabar-1t | process wall s | mentions | load avg before |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        s = r["seconds"]
        rate = s / r["mb"] if r["mb"] else float("nan")
        ratio = f"{rate / kabar_rate:.3g}" if kabar_rate else "n/a"
        cpu = r.get("cpu", float("nan"))
        cpu_ratio = f"{cpu / r['mb'] / kabar_cpu_rate:.3g}" if kabar_cpu_rate and cpu == cpu else "n/a"
        lines.append(
            f"| {r['tool']} | {r['timed']} | {r['mb']:.1f} | {s:.3f} | {r['mb'] / s:.1f} | "
            f"{r['docs'] / s:,.0f} | {r['rss']:.0f} | {ratio} | {cpu:.3f} | {cpu_ratio} | {r['wall']:.2f} | "
            f"{'' if r['mentions'] is None else format(r['mentions'], ',')} | {r['load']:.2f} |"
        )
    lines.append("")
    lines.append("Notes:")
    lines.append("")
    for n in notes + FAILED:
        lines.append(f"- {n}")
    lines.append("- Python tools and bare_scan: only the matching loop is timed (corpus already in memory); "
                 "kabar and cat are timed as whole processes. The peak RSS of every row is the whole "
                 "process (`/usr/bin/time -v`), so the Python rows include the interpreter and the corpus "
                 "held in memory.")
    if agree:
        lines.append("")
        lines.append("Agreement with kabar's entities CSV (kabar 1 thread), per document: mentions are "
                     "(start_char, end_char, entity_id); entities are the set of entity_ids in a document. "
                     "kabar applies case rules (acronyms exact), diacritic folding, retries a shorter alias "
                     "when the longest fails its boundary, and skips boilerplate lines; the others do not, "
                     "so they are expected to differ.")
        lines.append("")
        lines.append("| tool | docs | kabar mentions | tool mentions | identical | % of kabar's found | % of tool's in kabar | % of kabar's doc entities found | % of tool's doc entities in kabar |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for a in agree:
            lines.append(
                f"| {a['tool']} | {a['docs']:,} | {a['kabar_mentions']:,} | {a['tool_mentions']:,} | "
                f"{a['same_mentions']:,} | {a['mention_kabar_found']} | {a['mention_tool_in_kabar']} | "
                f"{a['entity_kabar_found']} | {a['entity_tool_in_kabar']} |"
            )
        lines.append("")
        lines.append("Where they differ (mentions not identical, by entity_id, most frequent first):")
        lines.append("")
        shown = set()
        for a in agree:
            key = (tuple(a["top_only_tool"]), tuple(a["top_only_kabar"]))
            if key in shown:
                lines.append(f"- {a['tool']}: as above")
                continue
            shown.add(key)
            ft = ", ".join(f"{e} {n:,}" for e, n in a["top_only_tool"]) or "none"
            fk = ", ".join(f"{e} {n:,}" for e, n in a["top_only_kabar"]) or "none"
            lines.append(f"- {a['tool']}: only the tool: {ft}; only kabar: {fk}")
    # Ratios the project's targets care about.
    by = {r["key"]: r for r in rows}

    def rate(key):
        r = by.get(key)
        return r["mb"] / r["seconds"] if r else None

    lines.append("")
    lines.append("Ratios (throughput in MB/s, kabar = full job with 1 thread):")
    lines.append("")
    def cpu_rate(key):
        r = by.get(key)
        c = r.get("cpu") if r else None
        return r["mb"] / c if r and c and c == c else None

    k = rate("kabar-1t")
    kc = cpu_rate("kabar-1t")
    for key, what in [("flashtext", "flashtext"), ("ahocorasick_rs", "ahocorasick-rs"),
                      ("pyahocorasick", "pyahocorasick"), ("spacy", "spaCy (on its slice)"),
                      ("bare_scan", "bare scan (matching floor)"), ("cat", "cat (I/O floor)")]:
        o = rate(key)
        if k and o:
            line = f"- kabar-1t / {what}: {k / o:.3g}x the throughput ({k:.1f} vs {o:.1f} MB/s)"
            oc = cpu_rate(key)
            if kc and oc:
                line += f"; on CPU time {kc / oc:.3g}x ({kc:.1f} vs {oc:.1f} MB per CPU second)"
            lines.append(line)
    # The floor of the full job on one core: reading the JSONL (bare_scan's read time), the bare scan
    # and writing the rows with the csv crate, added up; nothing else of the job is in it.
    bs, cf = by.get("bare_scan"), by.get("csv_floor")
    if bs and cf:
        read_s = bs.get("read", 0.0)
        csv_s = cf["seconds"] * bs["mb"] / cf["mb"]  # for the bare scan's MB
        floor = bs["mb"] / (read_s + bs["seconds"] + csv_s)
        lines.append(
            f"- floor of the full job on one core (read JSONL {read_s:.2f} s + bare scan {bs['seconds']:.2f} s "
            f"+ csv write {csv_s:.2f} s, per {bs['mb']:.1f} MB): {floor:.1f} MB/s"
        )
        for key, what in [("flashtext", "flashtext"), ("ahocorasick_rs", "ahocorasick-rs"),
                          ("spacy", "spaCy"), ("bare_scan", "the bare scan")]:
            o = rate(key)
            if o:
                lines.append(f"  - the floor is {floor / o:.3g}x {what}")
        for key, what in [("kabar-1t", "kabar's full job, 1 thread"), ("kabar-nt", "kabar's full job, all cores")]:
            o = rate(key)
            if o:
                lines.append(f"  - {what} runs at {o / floor:.3g}x the floor ({o:.1f} vs {floor:.1f} MB/s; "
                             f"the floor is {floor / o:.3g}x faster)")
    kn = rate("kabar-nt")
    if k and kn:
        lines.append(f"- kabar all cores / kabar 1 thread: {kn / k:.2f}x ({kn:.1f} vs {k:.1f} MB/s)")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.results:
        args.results.write_text(text, encoding="utf-8")
        print(f"(written to {args.results})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
