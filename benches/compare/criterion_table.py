#!/usr/bin/env python3
"""Summarise `cargo bench --bench pipeline` as a Markdown table.

    python3 benches/compare/criterion_table.py [--best] [target/criterion]

Reads criterion's `*/new/estimates.json` and `benchmark.json`, and prints,
per benchmark: the clock (the `startup`, `seeds` and `corpus` groups are
timed in process CPU time, the `*_wall` groups by the wall clock; see
benches/pipeline.rs), the median time per iteration, throughput in MB/s (10^6
bytes, the unit of the comparison table; criterion itself prints MiB/s),
and, per text group, the derived figures the issue asks about: the
relation stage (5_process minus boilerplate, sentences and entity
matching, which the API does not let us time on their own inside
`Pipeline::process`), entity matching as a share of `process`, and the
all-cores / 1-thread ratios.

With --best, each benchmark's figure is the faster of two runs, `base/`
and `new/`. On a shared, noisy machine:

    cargo bench --bench pipeline                              # -> base/ and new/
    cargo bench --bench pipeline -- --save-baseline second    # -> new/ (base/ kept)
    python3 benches/compare/criterion_table.py --best
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def fmt_time(ns: float) -> str:
    if ns >= 1e9:
        return f"{ns / 1e9:.3f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def main() -> int:
    args = sys.argv[1:]
    best = "--best" in args
    args = [a for a in args if a != "--best"]
    root = Path(args[0] if args else "target/criterion")
    rows = {}
    for bj in sorted(root.glob("*/*/new/benchmark.json")):
        b = json.loads(bj.read_text())
        e = json.loads((bj.parent / "estimates.json").read_text())
        ns = e["median"]["point_estimate"]
        base = bj.parent.parent / "base" / "estimates.json"
        if best and base.exists():
            ns = min(ns, json.loads(base.read_text())["median"]["point_estimate"])
        tp = (b.get("throughput") or {})
        nbytes = tp.get("Bytes") or tp.get("BytesDecimal")
        rows[(b["group_id"], b["function_id"])] = (ns, nbytes)
    if not rows:
        print(f"no criterion results under {root}", file=sys.stderr)
        return 1

    order = {"startup": 0, "seeds": 1, "corpus": 2, "seeds_wall": 3, "corpus_wall": 4}
    groups = sorted({g for g, _ in rows}, key=lambda g: (order.get(g, 9), g))
    print("| group | clock | benchmark | median time | MB/s |")
    print("|---|---|---|---:|---:|")
    for g in groups:
        for (gg, f), (ns, nbytes) in sorted(rows.items()):
            if gg != g:
                continue
            mbps = f"{nbytes / 1e6 / (ns / 1e9):.1f}" if nbytes else ""
            clock = "wall" if g.endswith("_wall") else "CPU"
            print(f"| {g} | {clock} | {f} | {fmt_time(ns)} | {mbps} |")
    print()
    for g in groups:
        get = lambda f: rows.get((g, f), (None, None))[0]  # noqa: E731
        nbytes = next((nb for (gg, _), (_, nb) in rows.items() if gg == g and nb), None)
        proc, bp, se, m = get("5_process"), get("1_boilerplate"), get("2_sentences"), get("4_entity_match")
        p1, pn = get("7_process_encode_1t"), get("8_process_encode_all_cores")
        b1, bn = get("9_batch_run_1t"), get("9_batch_run_all_cores")
        if g.endswith("_wall") and nbytes:
            print(f"{g} ({nbytes / 1e6:.2f} MB, wall clock):")
            if p1 and pn:
                print(f"- process+encode all cores / 1 thread: {p1 / pn:.2f}x")
            if b1 and bn:
                print(f"- batch::run all cores / 1 thread: {b1 / bn:.2f}x")
            print()
            continue
        if not (proc and nbytes):
            continue
        print(f"{g} ({nbytes / 1e6:.2f} MB, CPU time):")
        if bp and se and m:
            rel = proc - bp - se - m
            print(f"- relation stage (5_process - 1 - 2 - 4): {fmt_time(rel)} = "
                  f"{100 * rel / proc:.0f}% of process"
                  + (f", {nbytes / 1e6 / (rel / 1e9):.1f} MB/s" if rel > 0 else ""))
            print(f"- entity matching alone: {100 * m / proc:.0f}% of process; "
                  f"sentences {100 * se / proc:.0f}%, boilerplate {100 * bp / proc:.0f}%")
        c, p = get("6_csv_encode"), get("7_process_encode_1t")
        if c and p:
            print(f"- CSV encoding: {100 * c / p:.0f}% of process+encode")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
