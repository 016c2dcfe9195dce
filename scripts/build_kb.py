#!/usr/bin/env python3
"""Builds kabar's knowledge-base gazetteers from PETRARCH2's Phoenix actor
dictionaries (data/kb/phoenix/, MIT licence; see its README.md).

    python3 scripts/build_kb.py           # writes gazetteers/kb-people.tsv, kb-organizations.tsv
    python3 scripts/build_kb.py --check   # exits 1 if the files differ from a fresh build

Python 3.11 standard library only; the output is deterministic (sorted, no
dates or paths written), so a rerun gives the same bytes.

What it does (gazetteers/README.md, "Knowledge base", says why):
- people: the records of Phoenix.Countries.actors.txt marked `CountryInfo`,
  and the dated people of Phoenix.International.actors.txt; organisations:
  the other records of Phoenix.International.actors.txt and
  Phoenix.MilNonState.actors.txt (countries, cities and generic agents are
  not taken).
- ids are derived from the name as English Wikipedia titles are written
  (VLADIMIR_PUTIN -> Vladimir_Putin) and marked `id_source` = `derived`.
- roles: a dated GOV/MIL/JUD/LEG/COP/SPY code of a country is
  `official_of:<country id>;years`; a code of an international body we can
  name is `official_of:<its id>`. Phoenix says nothing about who led what,
  so no `leader_of` is written.
- precision guards: no one-word alias of a person; a person's other names
  must share a word with the main name and start with no title; an
  organisation's one-word names and acronyms must not be ordinary words of
  either language; nothing that a hand-curated file already names.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from kbshared import (
    GAZ,
    PARTICLES,
    ROOT,
    TITLE_ANYWHERE,
    TITLE_WORDS,
    claimed,
    key,
    lexicon_words,
    merge_years,
    name_keys,
    read_lines,
    tsv_rows,
)

SRC = ROOT / "data" / "kb" / "phoenix"
OUT_PEOPLE = GAZ / "kb-people.tsv"
OUT_ORGS = GAZ / "kb-organizations.tsv"

# The hand-curated entity files: they win over the KB.
CURATED = [
    "countries.tsv",
    "organizations.tsv",
    "organizations-id.tsv",
    "people.tsv",
    "locations.tsv",
]

# Phoenix sector codes that are an office of the state (official_of).
STATE_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}
# Every sector code seen after a country code (CAMEO), so that a 3-letter
# chunk is not read as a territory.
SECTORS = STATE_SECTORS | {
    "ELI", "OPP", "REB", "PTY", "IGO", "NGO", "MED", "EDU", "BUS", "CRM",
    "CVL", "HLH", "HRI", "LAB", "MOD", "RAD", "REF", "AGR", "DEV", "ENV",
    "REL", "UAF", "INS", "SEP", "IMG", "MUS", "PRI", "UNR", "OCC", "JEW",
    "CHR", "BUD", "HIN", "ITR",
}
# International bodies' codes (CAMEO IGO codes) whose entity a
# hand-curated file names: their officials get `official_of` them.
# (A code not listed, or whose id no hand-curated file has, gives no role.)
IGO_CODES = {
    "IGOUNO": "United_Nations",
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "European_Union",
    "IGOAFROAU": "African_Union",
    "IGOSEAASN": "ASEAN",
    "IGOBUSWTO": "World_Trade_Organization",
    "IGOBUSIMF": "International_Monetary_Fund",
    "IGOUNODEVWBK": "World_Bank",
    "IGOBUSOPC": "OPEC",
    "IGOARL": "Arab_League",
    "IGOMEAARL": "Arab_League",
    "IGOUNOHLHWHO": "World_Health_Organization",
    "IGOUNOLABILO": "International_Labour_Organization",
    "IGOUNOIAE": "International_Atomic_Energy_Agency",
    "IGOUNOKID": "UNICEF",
    "IGOJUDICC": "International_Criminal_Court",
    "IGOUNOJUDICJ": "International_Court_of_Justice",
    "IGOASADEVADB": "Asian_Development_Bank",
    "IGOEURDEVEBR": "European_Bank_for_Reconstruction_and_Development",
    "IGOOAS": "Organization_of_American_States",
    "IGOEAFEAC": "East_African_Community",
    "IGOWAFWAS": "Economic_Community_of_West_African_States",
    "IGOSAFDEVSAD": "Southern_African_Development_Community",
    "IGOCWN": "Commonwealth_of_Nations",
}

# Particles written with a hyphen before the next word ("al-Assad").
HYPHEN_PARTICLES = {"al", "el", "ul", "ad", "as", "ash", "at", "az", "ar"}
# Words of an organisation's name written in lower case.
ORG_LOWER = {
    "of", "the", "and", "for", "in", "on", "at", "to", "by", "with", "de",
    "la", "le", "les", "des", "du", "del", "el", "al", "y", "et", "und", "fur",
    "dan", "untuk",
}
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3})$")
DATE = re.compile(r"^(\d{6}|\d{8})$")


# ---------------------------------------------------------------- parsing


class Record:
    __slots__ = ("file", "line", "primary", "synonyms", "codes", "countryinfo")

    def __init__(self, file: str, line: int, primary: str, countryinfo: bool):
        self.file = file
        self.line = line
        self.primary = primary
        self.synonyms: list[str] = []
        # (code, start, end, kind): kind '' undated, '-' range, '>' after, '<' before
        self.codes: list[tuple[str, str, str, str]] = []
        self.countryinfo = countryinfo


CODE = re.compile(r"\[([^\]]*)\]")


def parse_codes(text: str) -> list[tuple[str, str, str, str]]:
    out = []
    for m in CODE.finditer(text):
        parts = m.group(1).split()
        if not parts:
            continue
        code = parts[0]
        start = end = kind = ""
        if len(parts) > 1:
            r = parts[1]
            if r.startswith(">"):
                kind, start = ">", r[1:]
            elif r.startswith("<"):
                kind, end = "<", r[1:]
            elif "-" in r:
                kind = "-"
                start, end = r.split("-", 1)
            if (kind in "->" and not DATE.match(start)) or (kind in "-<" and not DATE.match(end)):
                continue
        out.append((code, start, end, kind))
    return out


def parse_actor_file(path: Path) -> list[Record]:
    recs: list[Record] = []
    cur: Record | None = None
    for no, raw in enumerate(read_lines(path), 1):
        countryinfo = "CountryInfo" in raw
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            if cur is not None:
                cur.codes.extend(parse_codes(line))
            continue
        if line.startswith("+"):
            if cur is not None:
                name = CODE.sub("", line[1:]).strip()
                cur.synonyms.append(name)
                cur.codes.extend(parse_codes(line))
            continue
        if line.startswith(("!", "&", "<", "-")):
            cur = None
            continue
        name = CODE.sub("", line).split(";", 1)[0].strip()
        cur = Record(path.name, no, name, countryinfo)
        cur.codes.extend(parse_codes(line))
        recs.append(cur)
    return recs


def phrase_words(p: str) -> list[str]:
    """The words of a Phoenix phrase (`HAMID_KARZAI_` -> [HAMID, KARZAI])."""
    return [w for w in re.split(r"[_\s]+", p.strip()) if w]


def year(d: str) -> int:
    if len(d) == 8:
        return int(d[:4])
    yy = int(d[:2])
    # The files were written 2012-2019: a two-digit year up to 19 is 20yy.
    return 2000 + yy if yy <= 19 else 1900 + yy


# ---------------------------------------------------------------- names


def cap_word(w: str) -> str:
    """HAMID -> Hamid, O'KENNEDY -> O'Kennedy, MCCAIN -> McCain, GIL-ROBLES -> Gil-Robles."""
    if ROMAN.match(w) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", w):
        return w  # II, A.F.M.
    parts = w.split("-")
    out = []
    for i, p in enumerate(parts):
        lo = p.lower()
        if i == 0 and lo in HYPHEN_PARTICLES and len(parts) > 1:
            out.append(lo)
            continue
        q = lo[:1].upper() + lo[1:]
        if q.startswith("Mc") and len(q) > 2:
            q = "Mc" + q[2].upper() + q[3:]
        q = re.sub(r"'(\w)", lambda m: "'" + m.group(1).upper(), q) if re.match(r"^[A-Za-z]'\w", q) else q
        out.append(q)
    return "-".join(out)


def person_name(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        lo = w.lower()
        if i > 0 and i < len(words) - 1 and lo in PARTICLES:
            out.append(lo)
        else:
            out.append(cap_word(w))
    return " ".join(out)


def org_word(w: str, first: bool) -> str:
    lo = w.lower()
    if not first and lo in ORG_LOWER:
        return lo
    letters = re.sub(r"[^A-Za-z]", "", w)
    if letters and not re.search(r"[AEIOUYaeiouy]", letters):
        return w.upper()  # an acronym: BBC, KKK
    return cap_word(w)


def org_name(words: list[str]) -> str:
    return " ".join(org_word(w, i == 0) for i, w in enumerate(words))


def clean_phrase(p: str) -> str | None:
    """A Phoenix phrase, or None when it is no name (a list, a date, a note)."""
    p = p.strip().strip("_").strip()
    if not p or any(c in p for c in ",/&!$%^*=\"{}<>?") or re.search(r"\d", p):
        return None
    if re.search(r"(^|_| )(THEN|AKA|A\.K\.A\.?)(_| |$)", p):
        return None
    return p


# ---------------------------------------------------------------- word lists


def ordinary_words() -> set[str]:
    """Lower-case words of English and Indonesian (`kbshared.lexicon_words`:
    the word lists of gazetteers/ and the lower-case words of the training
    corpora) and the generic agents of Phoenix.agents.txt."""
    words = lexicon_words()
    for line in read_lines(SRC / "Phoenix.agents.txt"):
        line = line.split("#", 1)[0]
        if line.strip() and not line.startswith("!"):
            for w in re.findall(r"[^\W\d_]+", CODE.sub("", line).replace("!PERSON!", " ").lower()):
                words.add(w)
    return words


# ---------------------------------------------------------------- curated


def curated_index() -> tuple[set[str], set[str], dict[str, str]]:
    """(id keys, alias keys, ISO alpha-3 -> country id) of the hand-curated files."""
    ids: set[str] = set()
    aliases: set[str] = set()
    iso3: dict[str, str] = {}
    for f in CURATED:
        for row in tsv_rows(GAZ / f):
            ids.add(key(row["entity_id"]))
            aliases |= name_keys(row)
            if f == "countries.tsv":
                for d in row.get("demonyms", "").split("|"):
                    if d:
                        TITLE_ANYWHERE.add(d.lower())
                m = re.search(r"ISO 3166-1 [A-Z]{2}/([A-Z]{3})", row.get("notes", ""))
                if m:
                    iso3[m.group(1)] = row["entity_id"]
    return ids, aliases, iso3


CURATED_IDS: set[str] = set()

# Non-ISO codes of CAMEO with a country of kabar's countries.tsv.
CAMEO_COUNTRY = {
    "TMP": "East_Timor",
    "KSV": "Kosovo",
    "SUN": "Soviet_Union",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
    "DDR": "East_Germany",
    "GDR": "East_Germany",
    "PSE": "State_of_Palestine",
}


# ---------------------------------------------------------------- build


class Entity:
    def __init__(self, eid: str, etype: str, name: str):
        self.id = eid
        self.type = etype
        self.name = name
        self.aliases: list[str] = []
        self.aliases_en: list[str] = []
        self.roles: dict[str, list[tuple[int, int | None]]] = {}
        self.sources: set[str] = set()


def role_target(code: str, iso3: dict[str, str], stats: Counter[str]) -> str | None:
    """The entity a state-office code is of, or None (no office, or a code
    we cannot map: counted in `stats`)."""
    if code in IGO_CODES:
        return IGO_CODES[code] if key(IGO_CODES[code]) in CURATED_IDS else None
    if code.startswith("IGO"):
        stats["unmapped IGO codes"] += 1
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not any(c in STATE_SECTORS for c in chunks[1:]):
        return None
    country = None
    for c in chunks:
        if c in SECTORS:
            continue
        cid = iso3.get(c) or CAMEO_COUNTRY.get(c)
        if cid:
            country = cid
        else:
            country = None if country is None else country
    if country is None:
        stats["unmapped country codes"] += 1
    return country


def person_roles(rec: Record, iso3: dict[str, str], stats: Counter[str]) -> dict[str, list]:
    roles: dict[str, list] = {}
    for code, start, end, kind in rec.codes:
        target = role_target(code, iso3, stats)
        if target is None:
            continue
        if kind == "-":
            span = (year(start), year(end))
        elif kind == ">":
            span = (year(start), None)
        elif kind == "<":
            stats["roles with only an end date (left out)"] += 1
            continue
        else:
            span = None
        roles.setdefault(target, [])
        if span is not None and span not in roles[target]:
            roles[target].append(span)
    return roles


def is_dated(rec: Record) -> bool:
    return any(k for _, _, _, k in rec.codes)


ORG_WORDS = {
    "union", "commission", "council", "parliament", "bank", "fund", "organization",
    "organisation", "agency", "association", "committee", "court", "party",
    "front", "army", "movement", "group", "brigade", "brigades", "forces",
    "league", "office", "program", "programme", "institute", "foundation",
    "company", "corporation", "federation", "network", "center", "centre",
    "society", "alliance", "assembly", "conference", "news", "times", "post",
    "journal", "press", "television", "radio", "service", "mission", "world",
    "international", "national", "united", "nations", "red", "cross",
}


def build() -> tuple[str, str, dict]:
    cur_ids, cur_aliases, iso3 = curated_index()
    CURATED_IDS.update(cur_ids)
    words = ordinary_words()
    stats: Counter[str] = Counter()
    recs_c = parse_actor_file(SRC / "Phoenix.Countries.actors.txt")
    recs_i = parse_actor_file(SRC / "Phoenix.International.actors.txt")
    recs_m = parse_actor_file(SRC / "Phoenix.MilNonState.actors.txt")
    first_names: dict[str, int] = {}
    for r in recs_c:
        if r.countryinfo:
            w = phrase_words(r.primary)
            if len(w) >= 2:
                first_names[w[0]] = first_names.get(w[0], 0) + 1
    common_first = {w for w, n in first_names.items() if n >= 3 and w.lower() not in ORG_WORDS}

    people: dict[str, Entity] = {}
    orgs: dict[str, Entity] = {}

    def person_like(r: Record) -> bool:
        w = phrase_words(r.primary)
        if not (2 <= len(w) <= 5) or any(x.lower() in ORG_WORDS for x in w):
            return False
        return r.countryinfo or is_dated(r) or w[0] in common_first

    def add_person(r: Record) -> None:
        p = clean_phrase(r.primary)
        if p is None:
            stats["people: names that are no name"] += 1
            return
        w = phrase_words(p)
        if len(w) < 2 or w[0].lower() in TITLE_WORDS or any(x.lower() in TITLE_ANYWHERE for x in w):
            stats["people: one-word or titled names"] += 1
            return
        name = person_name(w)
        eid = name.replace(" ", "_")
        e = people.get(eid)
        if e is None:
            e = people[eid] = Entity(eid, "PERSON", name)
        e.sources.add(r.file)
        main = {x.lower() for x in w if len(x) >= 3 and x.lower() not in PARTICLES}
        for s in r.synonyms:
            s = clean_phrase(s)
            if s is None:
                continue
            sw = phrase_words(s)
            if len(sw) < 2:
                stats["people: one-word aliases dropped"] += 1
                continue
            if sw[0].lower() in TITLE_WORDS or any(x.lower() in TITLE_ANYWHERE for x in sw):
                stats["people: titled aliases dropped"] += 1
                continue
            if not main & {x.lower() for x in sw}:
                stats["people: aliases sharing no word with the name dropped"] += 1
                continue
            a = person_name(sw)
            if a not in e.aliases and a != name:
                e.aliases.append(a)
        for target, spans in person_roles(r, iso3, stats).items():
            e.roles.setdefault(target, []).extend(spans)

    def add_org(r: Record) -> None:
        p = clean_phrase(re.sub(r"\([^)]*\)", " ", r.primary))
        acronyms = re.findall(r"\(([A-Z][A-Z\-]{1,9})\)", r.primary)
        for s in r.synonyms:
            acronyms += re.findall(r"\(([A-Z][A-Z\-]{1,9})\)", s)
        if p is None:
            return
        w = phrase_words(p)
        if w and w[0] == "THE":
            w = w[1:]
        if not w:
            return
        name = org_name(w)
        eid = name.replace(" ", "_")
        e = orgs.get(eid)
        if e is None:
            e = orgs[eid] = Entity(eid, "ORGANIZATION", name)
        e.sources.add(r.file)
        for s in r.synonyms:
            s = clean_phrase(re.sub(r"\([^)]*\)", " ", s))
            if s is None:
                continue
            sw = phrase_words(s)
            if sw and sw[0] == "THE":
                sw = sw[1:]
            if not sw or sw[0].lower() in TITLE_WORDS:
                continue
            a = org_name(sw)
            if a != name and a not in e.aliases:
                e.aliases.append(a)
        for a in acronyms:
            a = a.replace("-", "")
            if a not in e.aliases:
                e.aliases.append(a)

    for r in recs_c:
        if r.countryinfo:
            add_person(r)
    for r in recs_i:
        if person_like(r):
            add_person(r)
        elif not any(len(c) == 3 for c, *_ in r.codes):
            add_org(r)
    for r in recs_m:
        # Militants named as people (by a nom de guerre, often a common
        # Muslim given name: "Abu Bakar") are neither organisations nor
        # safe people to link: left out.
        if not person_like(r):
            add_org(r)

    # ---- guards
    def org_alias_ok(a: str, e: Entity) -> str | None:
        """'' (any text), 'en' (English text only) or None (dropped)."""
        ws = a.split()
        if len(ws) >= 2:
            return ""
        letters = re.sub(r"[^A-Za-z]", "", a)
        if a.isupper() and len(letters) <= 6:  # an acronym
            if len(letters) < 3 or letters.lower() in words:
                return None
            return "en" if len(letters) == 3 else ""
        if len(letters) < 5 or a.lower() in words:
            return None
        return ""

    # Aliases claimed by two KB entities are ambiguous: nobody gets them.
    claims: dict[str, set[str]] = {}
    for table in (people, orgs):
        for e in table.values():
            for a in [e.name] + e.aliases:
                claims.setdefault(key(a), set()).add(e.id)

    def finish(table: dict[str, Entity], etype: str) -> list[Entity]:
        out = []
        for eid in sorted(table):
            e = table[eid]
            forms = [e.name] + e.aliases
            why = claimed(eid, forms, cur_ids, cur_aliases)
            if why == "id":
                stats[f"{etype}: rows whose id a hand-curated file has"] += 1
                continue
            if why == "name":
                # Another spelling of someone a hand-curated row knows, or a
                # name of a country, place or curated body: left to that row.
                stats[f"{etype}: rows naming what a hand-curated row names"] += 1
                continue
            kept, kept_en = [], []
            for a in forms:
                if len(claims[key(a)]) > 1:
                    stats[f"{etype}: aliases claimed by two KB rows, dropped"] += 1
                    continue
                if etype == "PERSON":
                    if len(a.split()) < 2:
                        continue
                    kept.append(a)
                else:
                    ok = org_alias_ok(a, e)
                    if ok is None:
                        stats[f"{etype}: common-word or short aliases dropped"] += 1
                    elif ok == "en":
                        kept_en.append(a)
                    else:
                        kept.append(a)
            if not kept and not kept_en:
                stats[f"{etype}: rows left with no alias"] += 1
                continue
            e.aliases, e.aliases_en = kept, kept_en
            out.append(e)
        return out

    people_rows = finish(people, "PERSON")
    org_rows = finish(orgs, "ORGANIZATION")

    def fmt_roles(e: Entity) -> str:
        parts = []
        for target in sorted(e.roles):
            ys = merge_years(e.roles[target])
            if ys:
                yt = ",".join(f"{s}-{'' if t is None else t}" for s, t in ys)
                parts.append(f"official_of:{target};{yt}")
            else:
                parts.append(f"official_of:{target}")
        return "|".join(parts)

    head = (
        "# {file}: generated by scripts/build_kb.py from PETRARCH2's Phoenix actor\n"
        "# dictionaries (openeventdata/petrarch2 at 676801c, MIT licence: data/kb/phoenix/).\n"
        "# Do not edit by hand: edit the script and rerun it. Ids are derived from the\n"
        "# names (id_source = derived); hand-curated files, loaded after this one, win.\n"
    )
    lines_p = [head.format(file=OUT_PEOPLE.name), "entity_id\ttype\tname\taliases\tcase\troles\tid_source\tnotes\n"]
    stats["PERSON: rows written"] = len(people_rows)
    n_alias = 0
    for e in people_rows:
        name_first = e.aliases[0] if e.name not in e.aliases else e.name
        aliases = [a for a in e.aliases if a != e.name]
        if e.name not in e.aliases:
            # The name itself was dropped (claimed twice): the first alias names the row.
            e.name = name_first
            aliases = [a for a in e.aliases if a != e.name]
        case = "cap" if any(w in PARTICLES or w[:3] in {"al-", "el-"} for a in [e.name] + aliases for w in a.split()) else "title"
        n_alias += 1 + len(aliases)
        lines_p.append(
            f"{e.id}\tPERSON\t{e.name}\t{'|'.join(aliases)}\t{case}\t{fmt_roles(e)}\tderived\t{'; '.join(sorted(e.sources))}\n"
        )
    stats["PERSON: names and aliases written"] = n_alias
    lines_o = [head.format(file=OUT_ORGS.name), "entity_id\ttype\tname\taliases\taliases_en\tcase\tid_source\tnotes\n"]
    stats["ORGANIZATION: rows written"] = len(org_rows)
    n_alias = 0
    for e in org_rows:
        allf = e.aliases + e.aliases_en
        if e.name not in allf:
            e.name = (e.aliases or e.aliases_en)[0]
        aliases = [a for a in e.aliases if a != e.name]
        aliases_en = [a for a in e.aliases_en if a != e.name]
        n_alias += 1 + len(aliases) + len(aliases_en)
        # Multi-word names: every word capitalised in the text (`title`);
        # one word: the `auto` rule (acronyms exact, words `cap`).
        case = "title" if all(len(a.split()) > 1 for a in [e.name] + aliases + aliases_en) else ""
        lines_o.append(
            f"{e.id}\tORGANIZATION\t{e.name}\t{'|'.join(aliases)}\t{'|'.join(aliases_en)}\t{case}\tderived\t{'; '.join(sorted(e.sources))}\n"
        )
    stats["ORGANIZATION: names and aliases written"] = n_alias
    return "".join(lines_p), "".join(lines_o), stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files in gazetteers/; write nothing")
    ap.add_argument("--stats", action="store_true", help="print what was kept and dropped")
    args = ap.parse_args()
    people, orgs, stats = build()
    if args.stats or not args.check:
        for k in sorted(stats):
            print(f"{k}: {stats[k]}", file=sys.stderr)
    if args.check:
        bad = [p.name for p, t in ((OUT_PEOPLE, people), (OUT_ORGS, orgs)) if not p.exists() or p.read_text(encoding="utf-8") != t]
        if bad:
            print(f"out of date: {', '.join(bad)} (run python3 scripts/build_kb.py)", file=sys.stderr)
            return 1
        return 0
    OUT_PEOPLE.write_text(people, encoding="utf-8")
    OUT_ORGS.write_text(orgs, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
