#!/usr/bin/env python3
"""Turn third-party event data into kabar gold folders (SPEC.md §4) plus input documents.

    python3 scripts/peer_gold.py petr2  target/peer/petr2
    python3 scripts/peer_gold.py plover target/peer/plover [--state-actors-only]

Sources (copied unchanged into tests/data/peer/, see the README.md there):
  petr2   tests/data/peer/petr2-gsr/PETR2_GSR_validation.xml  -- PETRARCH-2 validation records,
          openeventdata/UniversalPetrarch, MIT licence. 78 English news sentences with CAMEO events.
  plover  tests/data/peer/plover-gsr/PLOVER_GSR_CAMEO.json    -- PLOVER gold-standard records,
          openeventdata/PLOVER, CC BY-SA 4.0, Copyright 2016 by the Open Event Data Alliance.
          The gold written from it is derived data and keeps that licence and attribution.

Writes into OUT_DIR:
  docs.jsonl    one {"id", "text"} per record with text (and "date" when the source dates it: PETR2), so
                kabar reads offices as held on that date; the id is the record id made filename-safe.
                Records without a (mappable) event stay here: whatever kabar extracts from them is a
                false positive.
  entities.csv  header only (doc_id,entity_id,type): these sets are not entity-annotated at our level.
  triples.csv   doc_id,subject_id,relation,object_id,negated,evidence (SPEC §4).
  dropped.csv   every coded event that gave no gold triple, with the reason (for inspection only).

Comparison is at the country level: a CAMEO actor code is cut to its first three letters, an
ISO 3166-1 alpha-3 code, and that becomes the country's English Wikipedia title as kabar uses it
(COUNTRIES below). A few international organisations are kept (ORGS_BY_CODE, ORGS_BY_TEXT); every
other actor (regions, NGOs, militant groups, unknown "---") drops the event. So does an event whose
two actors are the same country (rebels against their own government), and an event code without a
SPEC §2 relation (CAMEO_RELATIONS, PLOVER_RELATIONS). Neither source marks negation, so `negated`
is always false.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEER = REPO / "tests" / "data" / "peer"
DEFAULT_INPUT = {
    "petr2": PEER / "petr2-gsr" / "PETR2_GSR_validation.xml",
    "plover": PEER / "plover-gsr" / "PLOVER_GSR_CAMEO.json",
}

# ISO 3166-1 alpha-3 -> English Wikipedia title (SPEC §1 entity_id). Every country code that occurs
# in the two files is here; check new ones against gazetteers/countries.tsv.
COUNTRIES = {
    "AFG": "Afghanistan", "AGO": "Angola", "ALB": "Albania", "ARE": "United_Arab_Emirates",
    "ARG": "Argentina", "ARM": "Armenia", "AUS": "Australia", "AZE": "Azerbaijan",
    "BDI": "Burundi", "BEN": "Benin", "BGD": "Bangladesh", "BGR": "Bulgaria",
    "BIH": "Bosnia_and_Herzegovina", "BLR": "Belarus", "BRA": "Brazil", "CAN": "Canada",
    "CHE": "Switzerland", "CHL": "Chile", "CHN": "China", "CIV": "Ivory_Coast",
    "COD": "Democratic_Republic_of_the_Congo", "COG": "Republic_of_the_Congo",
    "CRI": "Costa_Rica", "CUB": "Cuba", "CZE": "Czech_Republic", "DEU": "Germany",
    "DNK": "Denmark", "DZA": "Algeria", "ECU": "Ecuador", "EGY": "Egypt", "ETH": "Ethiopia",
    "FIN": "Finland", "FJI": "Fiji", "FRA": "France", "GBR": "United_Kingdom",
    "GEO": "Georgia_(country)", "GHA": "Ghana", "GIN": "Guinea", "GMB": "The_Gambia",
    "GRC": "Greece", "GUY": "Guyana", "HKG": "Hong_Kong", "HRV": "Croatia", "HTI": "Haiti",
    "HUN": "Hungary", "IDN": "Indonesia", "IND": "India", "IRN": "Iran", "IRQ": "Iraq",
    "ISR": "Israel", "ITA": "Italy", "JOR": "Jordan", "JPN": "Japan", "KEN": "Kenya",
    "KGZ": "Kyrgyzstan", "KHM": "Cambodia", "KOR": "South_Korea", "LBN": "Lebanon",
    "LBR": "Liberia", "LBY": "Libya", "LKA": "Sri_Lanka", "LTU": "Lithuania", "LVA": "Latvia",
    "MAR": "Morocco", "MEX": "Mexico", "MKD": "North_Macedonia", "MMR": "Myanmar",
    "MNE": "Montenegro", "MOZ": "Mozambique", "MRT": "Mauritania", "MYS": "Malaysia",
    "NER": "Niger", "NGA": "Nigeria", "NIC": "Nicaragua", "NOR": "Norway", "NPL": "Nepal",
    "PAK": "Pakistan", "PAN": "Panama", "PER": "Peru", "PHL": "Philippines", "POL": "Poland",
    "PRK": "North_Korea", "PRT": "Portugal", "PSE": "State_of_Palestine", "QAT": "Qatar",
    "ROU": "Romania", "RUS": "Russia", "RWA": "Rwanda", "SAU": "Saudi_Arabia", "SDN": "Sudan",
    "SEN": "Senegal", "SLE": "Sierra_Leone", "SOM": "Somalia", "SRB": "Serbia",
    "SVN": "Slovenia", "SWE": "Sweden", "SYR": "Syria", "TCD": "Chad", "TLS": "East_Timor",
    "TTO": "Trinidad_and_Tobago", "TUN": "Tunisia", "TUR": "Turkey", "TWN": "Taiwan",
    "TZA": "Tanzania", "UGA": "Uganda", "UKR": "Ukraine", "USA": "United_States",
    "UZB": "Uzbekistan", "VNM": "Vietnam", "YEM": "Yemen", "ZAF": "South_Africa",
    "ZMB": "Zambia", "ZWE": "Zimbabwe",
}
# Non-ISO spellings found in PLOVER_GSR_CAMEO.json (the actor texts are Tokyo/Japan, Italy, Vietnamese).
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# PETR2 IGO actor codes (IGO + organisation code); the longest matching prefix wins.
ORGS_BY_CODE = {
    "IGOUNO": "United_Nations",  # also IGOUNOMIL (UN troops)
    "IGOEUREEC": "European_Union",
    "IGOCOPITP": "Interpol",
}
# PLOVER codes every organisation as plain "IGO" (or "NGO"), so the actor text decides.
# First match wins; None drops the actor on purpose.
ORGS_BY_TEXT = [
    (r"\bmembers\b", None),  # "new EU members": member states, not the EU
    (r"\bSecurity Council\b", "United_Nations_Security_Council"),
    (r"\bUnited Nations\b|\bU\.N\.|\bUN\b|Kofi Annan", "United_Nations"),
    (r"\bNATO\b", "NATO"),
    (r"\bArab League\b", "Arab_League"),
    (r"\bIAEA\b|International Atomic Energy Agency", "International_Atomic_Energy_Agency"),
    (r"\bOSCE\b", "Organization_for_Security_and_Co-operation_in_Europe"),
    (r"Asia-Pacific Economic Cooperation|\bAPEC\b", "Asia-Pacific_Economic_Cooperation"),
    (r"European Community|European common market", "European_Economic_Community"),
    (r"\bEuropean Union\b|\bEU\b", "European_Union"),
    (r"Amnesty International", "Amnesty_International"),
    (r"International Labou?r Office", "International_Labour_Organization"),
    (r"\bRed Cross\b", "International_Committee_of_the_Red_Cross"),
]

# CAMEO event code -> SPEC §2 relation; the longest matching prefix wins, None = no relation.
# Roots follow tests/data/peer/petr2-gsr/README.md and SPEC §2. Within 05 (diplomatic
# cooperation) 051 "praise or endorse", 052 "defend verbally" and 053 "rally support" are
# `support` (SPEC lists endorse/back/defend there, and PLOVER files CAMEO 051 under SUPPORT);
# the rest of 05 (recognition, apology, forgiveness, signing an agreement) is `cooperate`.
CAMEO_RELATIONS = {
    "01": None,  # make public statement
    "02": None,  # appeal
    "03": "cooperate",  # express intent to cooperate
    "04": "meet",  # consult
    "05": "cooperate",  # engage in diplomatic cooperation
    "051": "support",
    "052": "support",
    "053": "support",
    "06": "cooperate",  # engage in material cooperation
    "07": "aid",  # provide aid
    "08": None,  # yield
    "09": None,  # investigate
    "10": "demand",
    "11": "criticize",  # disapprove
    "12": "reject",
    "13": "warn",  # threaten
    "14": None,  # protest
    "15": None,  # exhibit force posture
    "16": "sanction",  # reduce relations
    "17": None,  # coerce
    "18": "attack",  # assault
    "19": "attack",  # fight
    "20": "attack",  # unconventional mass violence
}
# PLOVER event category -> SPEC §2 relation (tests/data/peer/plover-gsr/README.md); others dropped.
PLOVER_RELATIONS = {
    "CONSULT": "meet",
    "AGREE": "cooperate",
    "COOPERATE": "cooperate",
    "SUPPORT": "support",  # `cooperate` when the actors act together (signing a treaty, upgrading ties)
    "AID": "aid",
    "DEMAND": "demand",
    "DISAPPROVE": "criticize",
    "REJECT": "reject",
    "THREATEN": "warn",
    "SANCTION": "sanction",
    "ASSAULT": "attack",
    "FIGHT": "attack",
}
SYMMETRIC = {"meet", "cooperate"}
# CAMEO sectors that still stand for the state; with --state-actors-only any other sector
# (REB, OPP, CVL, REF, EDU, BUS, ...) drops the actor. "***" is PLOVER's "unspecified".
STATE_SECTORS = {"", "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "***"}


@dataclass
class Actor:
    """One coded actor as the source gives it."""

    code: str
    text: str = ""
    sector: str = ""  # PLOVER only; PETR2 carries the sector in the code (USAGOV)


@dataclass
class Event:
    """One coded event: sources x targets. `mutual` = the actors act together (no separate target)."""

    code: str  # CAMEO code (petr2) or PLOVER category
    sources: list[Actor]
    targets: list[Actor]
    mutual: bool = False


@dataclass
class Record:
    id: str
    text: str
    events: list[Event] = field(default_factory=list)
    noevents: bool = False
    date: str = ""  # ISO YYYY-MM-DD when the source gives one (PETR2's date="20080804")


# ---------------------------------------------------------------------------- reading


def attrs(tag: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in re.findall(r'(\w+)="([^"]*)"', tag)}


def read_petr2(path: Path) -> list[Record]:
    """Parse the validation file with regular expressions: it is not well-formed XML (most
    <Sentence .../> tags are self-closing yet followed by </Sentence>) and has '#' banner lines.
    Comments are removed first; some of them hold retired parses and codings."""
    raw = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    parts = re.split(r"(<Sentence\s[^>]*>)", raw)
    records = []
    for tag, body in zip(parts[1::2], parts[2::2]):
        body = body.split("</Sentence>")[0]
        text = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        rec = Record(id=attrs(tag)["id"], text=" ".join(html.unescape(text.group(1)).split()) if text else "")
        day = attrs(tag).get("date", "")
        if re.fullmatch(r"\d{8}", day):
            rec.date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        for coding in re.findall(r"<EventCoding\s[^>]*>", body):
            a = attrs(coding)
            if a.get("noevents", "").lower() == "true":
                rec.noevents = True
            elif "eventcode" in a:
                rec.events.append(Event(a["eventcode"], [Actor(a.get("sourcecode", ""))], [Actor(a.get("targetcode", ""))]))
        records.append(rec)
    return records


def read_plover(path: Path) -> list[Record]:
    """The JSON array's first record is documentation (event DOCUMENT) and is skipped.
    A record without a target list but with two or more sources codes actors acting together
    ("(SRC/TAR: Jordan) and (SRC/TAR: Britain) have agreed ..."): `mutual`."""

    def actors(value) -> list[Actor]:  # a list of {actorText, code, sector}; None, "" or a stray word otherwise
        return [
            Actor(a.get("code") or "", (a.get("actorText") or "").strip(), a.get("sector") or "")
            for a in (value if isinstance(value, list) else [])
            if isinstance(a, dict)
        ]

    records = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") == "DOCUMENT":
            continue
        sources, targets = actors(r.get("source")), actors(r.get("target"))
        mutual = not targets and len(sources) >= 2
        rec = Record(id=r["id"], text=" ".join((r.get("text") or "").split()))
        rec.events.append(Event(r.get("event", ""), sources, targets, mutual))
        records.append(rec)
    return records


# ---------------------------------------------------------------------------- mapping


def cameo_relation(code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_RELATIONS:
            return CAMEO_RELATIONS[code[:n]]
    return None


def resolve(actor: Actor, state_only: bool) -> tuple[str | None, str]:
    """Actor -> (entity_id, "") or (None, reason)."""
    code = actor.code.strip().upper()
    if code.startswith(("IGO", "NGO")):
        if len(code) > 3:  # PETR2: IGO + organisation code
            for prefix in sorted(ORGS_BY_CODE, key=len, reverse=True):
                if code.startswith(prefix):
                    return ORGS_BY_CODE[prefix], ""
            return None, f"organisation not in table: {code}"
        for pattern, entity in ORGS_BY_TEXT:
            if re.search(pattern, actor.text):
                return (entity, "") if entity else (None, f"organisation dropped: {code} {actor.text!r}")
        return None, f"organisation not in table: {code} {actor.text!r}"
    iso = CODE_FIXES.get(code[:3], code[:3])
    if iso not in COUNTRIES:
        return None, f"not a country: {code[:3] or '(empty)'}"
    if state_only:
        sector = (actor.sector or code[3:6]).upper()[:3]
        if sector not in STATE_SECTORS:
            return None, f"non-state sector: {sector}"
    return COUNTRIES[iso], ""


def safe_id(raw: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", raw).strip("._") or "record"
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base}_{n}"
    taken.add(out)
    return out


def build(dataset: str, records: list[Record], state_only: bool):
    """Records -> (docs, gold triples, dropped rows, stats)."""
    stats = collections.Counter()
    reasons = collections.Counter()
    docs, triples, dropped = [], [], []
    taken: set[str] = set()
    for rec in records:
        stats["records read"] += 1
        if not rec.text:
            stats["records without text (skipped)"] += 1
            continue
        doc_id = safe_id(rec.id, taken)
        if doc_id != rec.id:
            stats["ids changed to be filename-safe/unique"] += 1
        docs.append({"id": doc_id, "text": rec.text} | ({"date": rec.date} if rec.date else {}))
        if rec.noevents and not rec.events:
            stats["records coded 'no events'"] += 1
        seen = set()
        n_before = len(triples)
        for ev in rec.events:
            stats["events read"] += 1
            if dataset == "petr2":
                relation = cameo_relation(ev.code)
            else:
                relation = PLOVER_RELATIONS.get(ev.code)
                if relation == "support" and ev.mutual:
                    relation = "cooperate"

            def drop(reason, detail=""):
                reasons[reason] += 1
                dropped.append([doc_id, ev.code, "|".join(a.code for a in ev.sources),
                                "|".join(a.code for a in ev.targets), reason, detail])

            if relation is None:
                drop(f"event without relation: {ev.code[:2] if dataset == 'petr2' else ev.code}")
                continue
            if ev.mutual:
                pairs = [(a, b) for a in ev.sources for b in ev.sources if a is not b]
            else:
                pairs = [(a, b) for a in ev.sources for b in ev.targets]
            if not pairs:
                drop("no source or no target")
                continue
            for s, o in pairs:
                sid, why_s = resolve(s, state_only)
                oid, why_o = resolve(o, state_only)
                if sid is None or oid is None:
                    why = why_s or why_o
                    drop(why.split(":")[0], why)
                    continue
                if sid == oid:
                    drop("same actor at country level", sid)
                    continue
                key = (frozenset((sid, oid)) if relation in SYMMETRIC else (sid, oid), relation)
                if key in seen:
                    stats["duplicates merged (incl. symmetric reverse pairs)"] += 1
                    continue
                seen.add(key)
                triples.append([doc_id, sid, relation, oid, "false", rec.text])
        if len(triples) == n_before:
            stats["docs without gold triples"] += 1
    stats["docs written"] = len(docs)
    stats["gold triples written"] = len(triples)
    return docs, triples, dropped, stats, reasons


def gazetteer_ids(folder: Path) -> set[str]:
    """entity_id values of the gazetteer .tsv files (empty when there are none yet)."""
    ids = set()
    for tsv in sorted(folder.glob("*.tsv")):
        lines = [l for l in tsv.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
        if not lines or "entity_id" not in lines[0].split("\t"):
            continue
        col = lines[0].split("\t").index("entity_id")
        ids.update(l.split("\t")[col] for l in lines[1:] if len(l.split("\t")) > col)
    return ids


def write(out: Path, docs, triples, dropped) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "docs.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for name, header, rows in (
        ("entities.csv", ["doc_id", "entity_id", "type"], []),
        ("triples.csv", ["doc_id", "subject_id", "relation", "object_id", "negated", "evidence"], triples),
        ("dropped.csv", ["doc_id", "event", "sources", "targets", "reason", "detail"], dropped),
    ):
        with open(out / name, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", choices=sorted(DEFAULT_INPUT))
    ap.add_argument("out", type=Path, help="output folder, e.g. target/peer/petr2")
    ap.add_argument("--input", type=Path, help="source file (default: the copy under tests/data/peer/)")
    ap.add_argument("--state-actors-only", action="store_true",
                    help="drop actors whose CAMEO sector is not the state (rebels, opposition, civilians, ...)")
    ap.add_argument("--gazetteers", type=Path, default=REPO / "gazetteers",
                    help="warn about gold ids missing from these gazetteers' entity_id columns")
    args = ap.parse_args(argv)

    path = args.input or DEFAULT_INPUT[args.dataset]
    records = (read_petr2 if args.dataset == "petr2" else read_plover)(path)
    docs, triples, dropped, stats, reasons = build(args.dataset, records, args.state_actors_only)
    write(args.out, docs, triples, dropped)

    print(f"{args.dataset}: {path.relative_to(REPO) if path.is_relative_to(REPO) else path} -> {args.out}")
    for k in ("records read", "records without text (skipped)", "ids changed to be filename-safe/unique",
              "docs written", "records coded 'no events'", "docs without gold triples", "events read",
              "duplicates merged (incl. symmetric reverse pairs)", "gold triples written"):
        if stats[k] or k in ("records read", "docs written", "gold triples written"):
            print(f"  {k:<50} {stats[k]:>5}")
    by_rel = collections.Counter(t[2] for t in triples)
    print("  gold triples per relation: " + ", ".join(f"{r} {n}" for r, n in sorted(by_rel.items())))
    print(f"  actor pairs / events dropped ({sum(reasons.values())}):")
    for reason, n in reasons.most_common():
        print(f"    {n:>4}  {reason}")
    details = collections.Counter(row[5] for row in dropped if row[4] in ("not a country", "organisation not in table", "organisation dropped", "non-state sector"))
    if details:
        print("  dropped actors: " + ", ".join(f"{d} ({n})" for d, n in details.most_common()))
    known = gazetteer_ids(args.gazetteers) if args.gazetteers.is_dir() else set()
    if known:
        missing = sorted(({t[1] for t in triples} | {t[3] for t in triples}) - known)
        if missing:
            shown = ", ".join(missing[:20]) + (", ..." if len(missing) > 20 else "")
            print(f"  warning: {len(missing)} gold ids are not in {args.gazetteers}/*.tsv: {shown}")
    print("  negated: always false (neither source marks negation)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
