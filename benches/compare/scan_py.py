#!/usr/bin/env python3
"""Scan a JSONL corpus for gazetteer aliases with one Python tool.

    scan_py.py TOOL --aliases aliases.tsv [--spacy-patterns patterns.jsonl]
               --corpus corpus.jsonl [--max-mb N] [--matches out.tsv]

TOOL is one of: flashtext, pyahocorasick, ahocorasick_rs, spacy.

What is timed (``scan_seconds``): only the matching loop over documents that
are already in memory, including what each tool needs to give entity
mentions comparable to kabar's:

* flashtext: ``KeywordProcessor(case_sensitive=False)``,
  ``extract_keywords(text, span_info=True)`` (lower-cases internally, and
  checks its own word boundaries: ASCII letters, digits and ``_``);
* pyahocorasick: aliases and text lower-cased (``str.lower()``, in the
  loop), ``Automaton.iter_long`` (leftmost-longest, non-overlapping), then the
  same alphanumeric boundary check as ``examples/bare_scan.rs`` in Python;
* ahocorasick_rs: as pyahocorasick, with
  ``AhoCorasick(..., matchkind=MATCHKIND_LEFTMOST_LONGEST)`` and
  ``find_matches_as_indexes``;
* spacy: ``spacy.blank("id")`` + ``entity_ruler`` with
  ``phrase_matcher_attr="LOWER"`` and the patterns of
  ``kabar gazetteer export --format spacy``; ``nlp.pipe`` over the texts
  (tokenizing is part of what spaCy must do to match, so it is timed).

``scan_cpu_seconds`` is ``time.process_time()`` over the same loop (less
disturbed by other load on a shared machine). ``load_seconds`` (reading and parsing the JSONL) and ``build_seconds``
(building the automaton / pipeline) are reported beside it, and
``raw_scan_seconds`` for the two Aho-Corasick libraries (library call
alone: no lower-casing, no boundary check) in a separate pass.

The summary is one JSON object on standard output; ``peak_rss_mb`` is
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (the whole process: the
interpreter, the corpus in memory and the automaton). With ``--matches``,
accepted matches are written after the timing as
``doc_id<TAB>start_char<TAB>end_char<TAB>entity_id``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def records(path, max_mb: float | None):
    """(id, text) of each JSONL record, in order, until ``max_mb`` MB of text."""
    limit = None if max_mb is None else int(max_mb * 1e6)
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            if limit is not None and total >= limit:
                break
            rec = json.loads(line)
            text = rec.get("text") or ""
            total += len(text.encode("utf-8"))
            yield str(rec.get("id")), text


def load_corpus(path: str, max_mb: float | None):
    ids, texts = [], []
    total = 0
    for doc_id, text in records(path, max_mb):
        ids.append(doc_id)
        texts.append(text)
        total += len(text.encode("utf-8"))
    return ids, texts, total


def load_aliases(path: str):
    """(alias, entity_id) rows; a later row wins for the same lower-cased alias."""
    by_key: dict[str, tuple[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2 or not cols[0].strip():
                continue
            alias = cols[0].strip()
            key = alias.lower()
            by_key.pop(key, None)  # keep the later row, at its later place
            by_key[key] = (alias, cols[1])
    return list(by_key.values())


def boundary_ok(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())


def run_flashtext(aliases, texts):
    from flashtext import KeywordProcessor

    t = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=False)
    for alias, eid in aliases:
        kp.add_keyword(alias, eid)
    build = time.perf_counter() - t

    t, c = time.perf_counter(), time.process_time()
    found = []
    for i, text in enumerate(texts):
        for eid, s, e in kp.extract_keywords(text, span_info=True):
            found.append((i, s, e, eid))
    scan = time.perf_counter() - t
    scan_cpu = time.process_time() - c
    return found, build, (scan, scan_cpu), None


def run_pyahocorasick(aliases, texts):
    import ahocorasick

    t = time.perf_counter()
    a = ahocorasick.Automaton()
    for alias, eid in aliases:
        low = alias.lower()
        a.add_word(low, (len(low), eid))
    a.make_automaton()
    build = time.perf_counter() - t

    t, c = time.perf_counter(), time.process_time()
    found = []
    for i, text in enumerate(texts):
        low = text.lower()
        for end, (n, eid) in a.iter_long(low):
            s, e = end - n + 1, end + 1
            if boundary_ok(low, s, e):
                found.append((i, s, e, eid))
    scan = time.perf_counter() - t
    scan_cpu = time.process_time() - c

    t = time.perf_counter()
    raw = 0
    for text in texts:
        raw += len(list(a.iter_long(text)))
    raw_scan = time.perf_counter() - t
    return found, build, (scan, scan_cpu), raw_scan


def run_ahocorasick_rs(aliases, texts):
    import ahocorasick_rs

    t = time.perf_counter()
    patterns = [alias.lower() for alias, _ in aliases]
    eids = [eid for _, eid in aliases]
    ac = ahocorasick_rs.AhoCorasick(
        patterns, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
    )
    build = time.perf_counter() - t

    t, c = time.perf_counter(), time.process_time()
    found = []
    for i, text in enumerate(texts):
        low = text.lower()
        for p, s, e in ac.find_matches_as_indexes(low):
            if boundary_ok(low, s, e):
                found.append((i, s, e, eids[p]))
    scan = time.perf_counter() - t
    scan_cpu = time.process_time() - c

    t = time.perf_counter()
    raw = 0
    for text in texts:
        raw += len(ac.find_matches_as_indexes(text))
    raw_scan = time.perf_counter() - t
    return found, build, (scan, scan_cpu), raw_scan


def run_spacy(patterns_path, texts):
    import spacy

    t = time.perf_counter()
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    with open(patterns_path, encoding="utf-8") as f:
        patterns = [json.loads(line) for line in f if line.strip()]
    ruler.add_patterns(patterns)
    build = time.perf_counter() - t

    t, c = time.perf_counter(), time.process_time()
    found = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        for ent in doc.ents:
            found.append((i, ent.start_char, ent.end_char, ent.ent_id_))
    scan = time.perf_counter() - t
    scan_cpu = time.process_time() - c
    return found, build, (scan, scan_cpu), None


def main() -> int:
    ap = argparse.ArgumentParser(description="scan a corpus with one Python matcher")
    ap.add_argument("tool", choices=["flashtext", "pyahocorasick", "ahocorasick_rs", "spacy"])
    ap.add_argument("--aliases", required=True)
    ap.add_argument("--spacy-patterns")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--max-mb", type=float, default=None)
    ap.add_argument("--matches")
    args = ap.parse_args()

    t = time.perf_counter()
    ids, texts, nbytes = load_corpus(args.corpus, args.max_mb)
    load = time.perf_counter() - t

    if args.tool == "spacy":
        if not args.spacy_patterns:
            ap.error("spacy needs --spacy-patterns")
        found, build, scan, raw = run_spacy(args.spacy_patterns, texts)
    else:
        aliases = load_aliases(args.aliases)
        fn = {
            "flashtext": run_flashtext,
            "pyahocorasick": run_pyahocorasick,
            "ahocorasick_rs": run_ahocorasick_rs,
        }[args.tool]
        found, build, scan, raw = fn(aliases, texts)
    scan, scan_cpu = scan

    if args.matches:
        with open(args.matches, "w", encoding="utf-8") as f:
            for i, s, e, eid in found:
                f.write(f"{ids[i]}\t{s}\t{e}\t{eid}\n")

    mb = nbytes / 1e6
    out = {
        "tool": args.tool,
        "documents": len(texts),
        "mb": mb,
        "matches": len(found),
        "load_seconds": load,
        "build_seconds": build,
        "scan_seconds": scan,
        "scan_cpu_seconds": scan_cpu,
        "raw_scan_seconds": raw,
        "mb_per_sec": mb / scan if scan > 0 else 0.0,
        "docs_per_sec": len(texts) / scan if scan > 0 else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
