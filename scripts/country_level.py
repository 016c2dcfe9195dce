#!/usr/bin/env python3
"""Lift a kabar triples CSV to the country level, to score it against peer event gold.

    python3 scripts/country_level.py target/peer/petr2/pred_triples.csv target/peer/petr2/pred_country.csv

The peer gold sets written by scripts/peer_gold.py (PETRARCH-2 validation records, MIT; PLOVER
gold-standard records, CC BY-SA 4.0, Open Event Data Alliance) name countries and a few
international organisations, never people. This script reads kabar's triples CSV (SPEC.md §3
columns, more may follow) and writes the same columns with:

  - subject_id / object_id replaced by subject_country / object_country where those columns exist
    and are non-empty (a PERSON with a known country role counts as that country; the type column
    then becomes COUNTRY). Without those columns the ids stay as they are.
  - only rows whose subject and object are then a COUNTRY or ORGANIZATION;
  - only the event relations of SPEC §2 (structural leader_of/official_of/member_of and co_occurs
    are not in the peer gold; --keep-structural keeps the first three);
  - no row whose subject and object became the same id (Obama leader_of United_States ->
    United_States ... United_States), as the gold has none;
  - with --asserted-only, only rows whose `mode` is `asserted`: PETRARCH and PLOVER code
    intentions, appeals and threats ("wants to attack", "will visit", "threatened to launch") as
    their own CAMEO classes, which kabar keeps as triples marked `mode=intended`;
  - with --cameo-negation, negated rows as CAMEO codes them, since neither peer gold marks
    negation: refusing to meet, cooperate, support, praise or help is a rejection (CAMEO 12:
    120-129, e.g. 121 "reject material cooperation", 125 "reject proposal to meet"), so those
    rows become `reject` with negated=false; an act that is denied or did not happen (not
    attacked, did not criticise) has no CAMEO event, so those rows are dropped;
  - with --gold DIR, an ORGANIZATION end only when that gold folder's triples use its id: the peer
    gold codes countries and a handful of international organisations, so any other organisation
    (ISIL, Hamas, a party) is outside what it can score.

Prints what it did to stderr. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
import unicodedata

EVENT_RELATIONS = {"meet", "cooperate", "support", "praise", "criticize", "reject", "warn",
                   "demand", "sanction", "attack", "aid"}
# Relations whose refusal CAMEO codes as a rejection (root 12).
COOPERATIVE = {"meet", "cooperate", "support", "praise", "aid"}
STRUCTURAL = {"leader_of", "official_of", "member_of"}
KEEP_TYPES = {"COUNTRY", "ORGANIZATION"}


def norm(entity_id: str) -> str:
    """SPEC §4 id comparison: case-insensitive, diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", entity_id)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def lift(rows, fieldnames, keep_structural=False):
    """Yield the rows that survive, rewritten in place; count what happened in `stats`."""
    stats = collections.Counter()
    relations = EVENT_RELATIONS | (STRUCTURAL if keep_structural else set())
    has_types = "subject_type" in fieldnames and "object_type" in fieldnames
    out = []
    for row in rows:
        stats["rows read"] += 1
        if row.get("relation", "") not in relations:
            stats[f"dropped: relation {row.get('relation', '')!r} not in the peer gold"] += 1
            continue
        for side in ("subject", "object"):
            country = (row.get(f"{side}_country") or "").strip()
            if country and country != row[f"{side}_id"]:
                stats[f"{side} replaced by {side}_country"] += 1
                row[f"{side}_id"] = country
                if has_types:
                    row[f"{side}_type"] = "COUNTRY"
        if has_types and not (row["subject_type"] in KEEP_TYPES and row["object_type"] in KEEP_TYPES):
            stats["dropped: subject or object not a country/organisation"] += 1
            continue
        if norm(row["subject_id"]) == norm(row["object_id"]):
            stats["dropped: subject and object the same"] += 1
            continue
        out.append(row)
    stats["rows written"] = len(out)
    return out, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="kabar triples CSV")
    ap.add_argument("output", help="country-level triples CSV to write ('-' = stdout)")
    ap.add_argument("--keep-structural", action="store_true", help="keep leader_of, official_of, member_of rows")
    ap.add_argument("--asserted-only", action="store_true", help="drop rows whose mode is not 'asserted'")
    ap.add_argument("--cameo-negation", action="store_true",
                    help="negated cooperation becomes 'reject' (CAMEO 12); other negated rows are dropped")
    ap.add_argument("--gold", help="gold folder: keep ORGANIZATION ends only if its triples use the id")
    args = ap.parse_args(argv)
    gold_orgs: set[str] | None = None
    if args.gold:
        with open(f"{args.gold}/triples.csv", encoding="utf-8", newline="") as g:
            gold_orgs = {r[k].lower() for r in csv.DictReader(g) for k in ("subject_id", "object_id")}

    with open(args.input, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fieldnames = reader.fieldnames or []
        missing = {"doc_id", "subject_id", "relation", "object_id"} - set(fieldnames)
        if missing:
            print(f"country_level: {args.input}: missing columns {sorted(missing)}", file=sys.stderr)
            return 2
        rows, stats = lift(reader, fieldnames, args.keep_structural)
    if args.asserted_only and "mode" in fieldnames:
        kept = [r for r in rows if r.get("mode", "asserted") == "asserted"]
        stats["dropped: mode not asserted (--asserted-only)"] = len(rows) - len(kept)
        rows = kept
    if args.cameo_negation and "negated" in fieldnames:
        kept = []
        for r in rows:
            if r.get("negated", "false") != "true":
                kept.append(r)
            elif r["relation"] in COOPERATIVE:
                r["relation"], r["negated"] = "reject", "false"
                stats["negated cooperation read as reject (--cameo-negation)"] += 1
                kept.append(r)
            else:
                stats["dropped: negated act, no CAMEO event (--cameo-negation)"] += 1
        rows = kept
    if gold_orgs is not None:
        def scorable(r: dict, end: str) -> bool:
            return r.get(f"{end}_type") != "ORGANIZATION" or r[f"{end}_id"].lower() in gold_orgs
        kept = [r for r in rows if scorable(r, "subject") and scorable(r, "object")]
        stats["dropped: organisation the gold cannot code (--gold)"] = len(rows) - len(kept)
        rows = kept

    f = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        w = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    finally:
        if f is not sys.stdout:
            f.close()
    if not {"subject_country", "object_country"} & set(fieldnames):
        print("country_level: no subject_country/object_country columns: ids kept as they are", file=sys.stderr)
    for k, n in stats.items():
        print(f"country_level: {k}: {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
