#!/usr/bin/env python3
"""Builds gazetteers/ep-people.tsv, the legislators of EveryPolitician
(data/kb/everypolitician/, Popolo JSON; see its README.md).

    python3 scripts/build_ep.py           # writes gazetteers/ep-people.tsv
    python3 scripts/build_ep.py --check   # exits 1 if the file differs from a fresh build
    python3 scripts/build_ep.py --stats   # also prints what was kept and dropped, per legislature

Python 3.11 standard library only; the output is deterministic (sorted, no
dates or paths of this machine written), so a rerun gives the same bytes.

What it does (gazetteers/README.md, "EveryPolitician", says why):
- people: the `persons` of each legislature listed in LEGISLATURES below.
- ids: a person's English Wikipedia link (a `links` entry noted
  "Wikipedia (en)") gives the id, its title with spaces as `_`
  (`id_source` = `checked`); a person without one gets an id derived from
  the name as English Wikipedia writes titles (`id_source` = `derived`).
- names: the title without its disambiguator, or the legislature's name of
  the person cleaned of honorifics, titles and degrees ("Dr. H. SUIR SYAM,
  M.Kes" -> "Suir Syam"), with the family name last ("ABE Shinzo" ->
  "Shinzo Abe", "Abad, Henedina R." -> "Henedina R. Abad").
- roles: each membership of the legislature with its dates (the
  membership's own, else its legislative period's) becomes
  `official_of:<country id>;<first year>-<last year>`; a term still open in
  the snapshot ends at most its legislature's longest term after it began.
- left out: a person with no English Wikipedia link whose last term ended
  before 2000 (OLD below).
- precision guards: no one-word name or alias; aliases only from the
  person's other names that share a word with the main name, start with no
  title and are written in Latin letters; no name whose every word is an
  ordinary word of Indonesian or English; a name claimed by two people is
  given to neither; nobody whose id or any name a hand-curated file or the
  Phoenix knowledge base (kb-people.tsv, kb-organizations.tsv) already has.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

from kbshared import (
    GAZ,
    PARTICLES,
    ROOT,
    TITLE_WORDS,
    claimed,
    key,
    lexicon_words,
    merge_years,
    name_keys,
    tsv_rows,
)

SRC = ROOT / "data" / "kb" / "everypolitician"
OUT = GAZ / "ep-people.tsv"

# The files whose rows win over this one: the hand-curated entity files and
# the Phoenix knowledge base. A person any of them names is left out.
OTHERS = [
    "kb-people.tsv",
    "kb-organizations.tsv",
    "countries.tsv",
    "state-bodies.tsv",
    "organizations.tsv",
    "organizations-id.tsv",
    "people.tsv",
    "office-holders.tsv",
    "locations.tsv",
]

# The legislatures, in the order of priority (Thailand, Russia and
# South Korea are not taken: data/kb/everypolitician/README.md says why).
# (folder under data/kb/everypolitician/data, country id of countries.tsv,
#  longest term in years, how the legislature writes names)
# Name styles: "plain" (given names first), "upper-family" (the family name
# in capitals first: "ABE Shinzo"), "comma" (family name, comma, given
# names: "Abad, Henedina R."), "caps" (all in capitals, honorifics and
# degrees around: "Drs. I MADE URIP, M.Si").
LEGISLATURES = [
    ("Indonesia/Council", "Indonesia", 5, "caps"),
    ("Malaysia/Dewan_Rakyat", "Malaysia", 5, "plain"),
    ("Singapore/Parliament", "Singapore", 5, "plain"),
    ("Philippines/House", "Philippines", 3, "comma"),
    ("Australia/Representatives", "Australia", 3, "plain"),
    ("Australia/Senate", "Australia", 6, "plain"),
    ("Timor_Leste/Parlamento", "East_Timor", 5, "plain"),
    ("Japan/House_of_Representatives", "Japan", 4, "upper-family"),
    ("India/Lok_Sabha", "India", 5, "comma"),
    ("United_States_of_America/Senate", "United_States", 6, "plain"),
    ("UK/Commons", "United_Kingdom", 5, "plain"),
]

# A person with no English Wikipedia link whose last term in the snapshot
# ended before this year is left out: a back-bencher of the 1960s-1990s is
# seldom in today's news, and every row costs start-up time.
OLD = 2000

# Honorifics, ranks and titles written before a name in the legislatures'
# own lists (compared lower-case, dots dropped).
PREFIXES = {
    # Indonesian
    "h", "hj", "hm", "krh", "krt", "drs", "dra", "dr", "ir", "prof", "kh", "k h", "drg", "ny",
    "hc", "habib", "tgh", "gkr", "kgpaa", "brigjen", "mayjen", "letjen",
    "irjen", "kombes", "laksda", "marsda", "komjen", "jenderal", "kolonel",
    # Malaysian
    "datuk", "dato", "dato'", "datin", "tan", "sri", "seri", "tun", "toh",
    "puan", "haji", "hajah", "tuan", "dr.", "ustaz", "yb", "ybhg",
    # Indian
    "shri", "smt", "kumari", "km", "adv", "sh", "kunwar", "thiru", "thirumathi",
    "sushri", "capt", "captain", "col", "maj", "gen", "lt", "choudhary", "ch",
    "sardar", "mohd",
    # English
    "senator", "the", "hon", "honourable", "rt", "right", "sir", "dame", "mr",
    "mrs", "ms", "miss", "lord", "lady", "rep", "representative", "rev",
    "reverend", "baroness", "baron",
}
# Except "choudhary", "sardar", "mohd": names, not titles, in India and
# Malaysia; "tan" and "toh" are Chinese family names: they are titles only
# before "Sri" ("Tan Sri", "Toh Puan").
PREFIX_NAMES = {"choudhary", "sardar", "mohd", "tan", "toh", "sri", "seri", "puan", "tuan", "gen"}
# ("gen" is a Japanese given name, "Gen Nakatani", but a rank after another
# one, "Maj Gen": a word of PREFIX_NAMES is dropped only after a title.)

# Degrees written after a name in Indonesia's list ("caps" style), compared
# lower-case with dots dropped.
SUFFIXES = {
    "sh", "se", "mm", "ma", "msi", "mhs", "mh", "mba", "mt", "st", "sp", "ssos", "sag",
    "mag", "mhum", "mkes", "mmr", "phd", "sip", "spd", "sip", "ak", "mpd", "mkn",
    "ssi", "ssi", "sked", "skm", "sthi", "ssn", "mmpd", "mpp", "map", "msc",
    "mcom", "mpa", "lc", "ba", "bsc", "dea", "dess", "mec", "msc", "se", "ir",
    "sh", "mh", "mi", "mkom", "mt", "sfarm", "apt", "sptk", "mep", "sei", "shi",
    "spsi", "psi", "ssy", "spdi", "mphil", "llm", "jd", "md", "cpa", "sikom",
    "mip", "mmsi", "msie", "mba", "mca", "mse", "mdiv", "mpd", "amd",
}
# Orders, honours and generational suffixes after a name (every style).
ORDERS = {
    "ao", "am", "ac", "qc", "sc", "csc", "rfd", "obe", "mbe", "cbe", "kbe",
    "dbe", "kcmg", "cmg", "mp", "jr", "sr", "ii", "iii", "iv", "psm", "oam",
    "ps", "pc", "frs", "kc", "td", "vc", "dsc", "dfc", "gcmg", "vsm", "avsm",
    "pvsm", "retd", "dr", "prof", "assoc",
}
# Peerages after a British name ("Tom King Baron King of Bridgwater"): an
# alias with one of these words is a title, not a name.
PEERAGE = {"baron", "baroness", "viscount", "earl", "marquess", "duke", "lord", "lady"}
# Words of kbshared.TITLE_WORDS that begin people's names in the
# legislatures' lists: Malay royal and Arab names, Japanese and Indian given
# names ("Raja Nasron Raja Ishak", "Sheikh Fadzir", "Gen Nakatani",
# "Sultan Ahmed", "Imam Suroso").
NAME_TITLES = {"raja", "sheikh", "syekh", "gen", "sultan", "imam", "amir", "emir", "king", "prince"}

# Kept as words of a name where they come last: "Jr", roman numerals.
KEEP_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

# The languages whose labels name a person as English and Indonesian news
# do, in order of preference.
LANG_ORDER = {"en": 0, "id": 1, "ms": 2}

ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3})$")
# An Indonesian degree written with inner dots after a name: "S.Pi", "M.Si.",
# "S.Sos", "H.M." (not an initial: "A.", "A.T.").
DEGREE = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}\.){1,3}[A-Za-z]{1,5}\.?,?$")


# ---------------------------------------------------------------- reading


def latin(s: str) -> bool:
    """Every letter of `s` is a Latin letter."""
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def en_title(person: dict) -> str | None:
    """The title of the person's English Wikipedia article, as an id."""
    for link in person.get("links", []):
        url = link.get("url", "")
        m = re.match(r"^https?://en\.wikipedia\.org/wiki/(.+)$", url)
        if m and link.get("note", "Wikipedia (en)") == "Wikipedia (en)":
            t = unquote(m.group(1)).replace(" ", "_").split("#", 1)[0]
            t = t[:1].upper() + t[1:]
            return t or None
    return None


def year(d: str | None) -> int | None:
    m = re.match(r"^(\d{4})", d or "")
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- names


def cap_word(w: str) -> str:
    """SYAM -> Syam, O'BRIEN -> O'Brien, MCDONALD -> McDonald; a word with a
    lower-case letter is kept as written."""
    if any(c.islower() for c in w):
        return w
    if ROMAN.match(w) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", w):
        return w
    parts = []
    for p in w.split("-"):
        q = p[:1] + p[1:].lower()
        if q.startswith("Mc") and len(q) > 2:
            q = "Mc" + q[2].upper() + q[3:]
        q = re.sub(r"^([A-Z]')(\w)", lambda m: m.group(1) + m.group(2).upper(), q)
        parts.append(q)
    return "-".join(parts)


def plain(w: str) -> str:
    return w.lower().replace(".", "")


def strip_name(s: str, style: str) -> str:
    """A name without the honorifics before it and the degrees and orders
    after it ("Dr. H. SUIR SYAM, M.Kes, MMR" -> "SUIR SYAM")."""
    s = s.replace("\u00a0", " ").strip()
    s = re.sub(r"\s*\([^)]*\)", " ", s)  # "(Dev)", "(Hà Sơn Nhin)"
    # Degrees after the first comma: "SUIR SYAM, M.Kes, MMR" (in the "caps"
    # style everything after it); the Lok Sabha's "Family, Shri Given" is
    # read by the "comma" style before this.
    if "," in s:
        head, tail = s.split(",", 1)
        if style == "caps" or all(plain(t) in SUFFIXES | ORDERS or not t.strip() for t in re.split(r"[,\s]+", tail)):
            s = head
    # A title glued to the name: "Drs.HENKY", "Drs. H.tamanuri".
    s = re.sub(r"\b(Drs|Dra|Dr|Ir|Hj|Hm|H|Prof|KH)\.(?=[A-Za-z]{3})", r"\1. ", s)
    words = s.split()
    after_title = False
    # (Down to one word: a name that is one word after its titles is left
    # out by the one-word guard.)
    while len(words) > 1:
        w = plain(words[0]).rstrip("'")
        nxt = plain(words[1])
        if w in {"tan", "toh"} and nxt in {"sri", "puan"} and len(words) > 2:
            del words[:2]  # "Tan Sri", "Toh Puan"
        elif w in {"sri", "seri"} and after_title:
            words.pop(0)  # "Datuk Seri", "Dato' Sri"
        elif w in PREFIXES and (w not in PREFIX_NAMES or after_title):
            words.pop(0)
        else:
            break
        after_title = True
    while style == "caps" and len(words) > 1 and DEGREE.match(words[-1]):
        words.pop()
    suffixes = SUFFIXES | ORDERS if style == "caps" else ORDERS
    while len(words) > 1 and plain(words[-1]).strip(",") in suffixes and plain(words[-1]).strip(",") not in KEEP_SUFFIXES:
        words.pop()
    return " ".join(w.strip(",") for w in words if w.strip(","))


def name_forms(raw: str, style: str) -> str:
    """The name as English Wikipedia would write it, given names first,
    before honorifics are dropped."""
    s = raw.strip()
    if style == "comma" and "," in s:
        family, given = s.split(",", 1)
        given = re.sub(r"^\s*(Shri|Smt\.?|Kumari|Dr\.?|Adv\.?|Prof\.?|Capt\.?|Col\.?|Maj\.?|Gen\.?|Sushri|Km\.?)\s+", "", given.strip())
        s = f"{given.strip()} {family.strip()}"
    if style == "upper-family":
        ws = s.split()
        fam = [w for w in ws if w.isupper() and len(w) > 1]
        if fam and ws[: len(fam)] == fam and len(ws) > len(fam):
            s = " ".join(ws[len(fam) :] + fam)
    return s


def tidy(s: str) -> str:
    """Words capitalised as a name is written; quotes and stray
    punctuation dropped."""
    s = re.sub(r"[\"“”]", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;")
    words = s.split()
    out = []
    for i, w in enumerate(words):
        lo = w.lower()
        if 0 < i < len(words) - 1 and lo in PARTICLES and (w.isupper() or lo in {"bin", "binti", "bte", "bt", "ibn", "bint"}):
            out.append(lo)
        else:
            out.append(cap_word(w))
    return " ".join(out)


def clean(raw: str, style: str) -> list[str]:
    """The forms of a name as the legislature writes it: the name cleaned,
    and for a name with a nickname in quotes ('Frederick "Erick" F. Abueg')
    also the nickname with the family name ("Erick Abueg"); with the
    "comma" style, the name without its middle initials first ("Henedina
    Abad" before "Henedina R. Abad", as English Wikipedia titles them)."""
    s = name_forms(raw, style)
    out = []
    m = re.search(r"[\"“]([^\"”]+)[\"”]", s)
    if m:
        s = (s[: m.start()] + " " + s[m.end() :]).strip()
    full = tidy(strip_name(s, style))
    if style == "comma":
        ws = full.split()
        short = [w for i, w in enumerate(ws) if i == 0 or i == len(ws) - 1 or not re.fullmatch(r"[A-Z]\.?", w)]
        if len(short) >= 2:
            out.append(" ".join(short))
    out.append(full)
    if m and full.split():
        out.append(tidy(f"{m.group(1)} {full.split()[-1]}"))
    return [f for f in out if f]


def title_name(title: str) -> str:
    """An article title as a name: underscores as spaces, the disambiguator
    ("(politician)", "(Australian politician)"), a peerage or baronetcy
    after a comma (", Baron King of Bridgwater", ", 6th Baronet") and a
    leading "Sir" dropped."""
    n = re.sub(r"\s*\([^)]*\)$", "", title.replace("_", " ")).strip()
    n = n.split(",", 1)[0].strip() if re.search(r", (?:\d+\w* )?(?:Baron|Baroness|Baronet|Viscount|Earl|Lord|Lady|Marquess|Duke)", n) else n
    return re.sub(r"^(?:Sir|Dame|Lord|Lady) ", "", n)


def derived_id(name: str) -> str:
    return name.replace(" ", "_")


def name_words(a: str) -> set[str]:
    """The words of a name that may be shared (three letters or more, no
    particle), folded."""
    return {key(w) for w in re.split(r"[\s\-]+", a) if len(w) >= 3 and w.lower() not in PARTICLES}


# ---------------------------------------------------------------- build


class Person:
    def __init__(self, eid: str, name: str, checked: bool):
        self.id = eid
        self.name = name
        self.checked = checked
        self.aliases: list[str] = []
        self.roles: dict[str, list[tuple[int, int | None]]] = {}
        self.sources: set[str] = set()
        self.uuids: set[str] = set()
        self.wikidata: set[str] = set()


def index_others() -> tuple[set[str], set[str], set[str]]:
    """(id keys, name and alias keys, demonyms) of the files that win."""
    ids: set[str] = set()
    names: set[str] = set()
    demonyms: set[str] = set()
    for f in OTHERS:
        for row in tsv_rows(GAZ / f):
            ids.add(key(row["entity_id"]))
            names |= name_keys(row)
            for d in row.get("demonyms", "").split("|"):
                if d:
                    demonyms.add(d.lower())
    return ids, names, demonyms


def term_spans(data: dict, max_term: int, stats: Counter[str], leg: str) -> dict[str, list]:
    """person id -> the (first year, last year) of each membership of the
    legislature."""
    periods = {
        e["id"]: e for e in data.get("events", []) if e.get("classification") == "legislative period"
    }
    legislature_ids = {
        o["id"] for o in data.get("organizations", []) if o.get("classification") == "legislature"
    }
    out: dict[str, list] = {}
    for m in data.get("memberships", []):
        if legislature_ids and m.get("organization_id") not in legislature_ids:
            continue
        if m.get("role", "member") != "member":
            continue
        period = periods.get(m.get("legislative_period_id", ""), {})
        start = year(m.get("start_date")) or year(period.get("start_date"))
        end = year(m.get("end_date")) or year(period.get("end_date"))
        if start is None:
            stats[f"{leg}: memberships without a start date (no role)"] += 1
            continue
        if end is None:
            term_start = year(period.get("start_date")) or start
            end = term_start + max_term
            stats[f"{leg}: open terms ended at the longest term"] += 1
        if end < start:
            end = start
        out.setdefault(m["person_id"], []).append((start, end))
    return out


def build() -> tuple[str, Counter[str]]:
    other_ids, other_names, demonyms = index_others()
    words = lexicon_words()
    stats: Counter[str] = Counter()
    people: dict[str, Person] = {}
    # derived id -> EveryPolitician person ids that make it (two people
    # with one derived id are two namesakes: neither is taken)
    derived_owners: dict[str, set[str]] = {}

    def ordinary(a: str) -> bool:
        return all(key(w) in words or w.lower() in words for w in re.split(r"[\s\-]+", a) if w)

    def titled(a: str) -> bool:
        """Does the name start with a title ("Dr. Hermanto")? Words that
        are titles elsewhere are names here when the legislature's list
        writes them so ("Raja Nasron Raja Ishak", "Abdul Aziz Sheikh
        Fadzir", "Catherine King", "Gen Nakatani"): only a title that
        no name starts with counts."""
        w = a.split()[0].lower().strip(".,")
        return w in TITLE_WORDS and w not in NAME_TITLES

    for folder, country, max_term, style in LEGISLATURES:
        path = SRC / "data" / folder / "ep-popolo-v1.0.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        spans = term_spans(data, max_term, stats, folder)
        for p in data.get("persons", []):
            stats[f"{folder}: persons"] += 1
            title = en_title(p)
            # The legislature's own name first, then the other names
            # (Wikidata's labels, by language: English, Indonesian and Malay
            # first), each cleaned.
            others = sorted(
                p.get("other_names", []),
                key=lambda o: (LANG_ORDER.get(o.get("lang", ""), len(LANG_ORDER)), o.get("lang", "")),
            )
            forms: list[str] = []
            labels: list[str] = []
            for r, label in [(p.get("name", ""), False)] + [(o.get("name", ""), o.get("lang") in LANG_ORDER) for o in others]:
                if r and latin(r):
                    for c in clean(r, style):
                        if c not in forms:
                            forms.append(c)
                        if label and c not in labels:
                            labels.append(c)
            if title:
                eid, name, checked = title, title_name(title), True
            else:
                # A label in English, Indonesian or Malay that shares a word
                # with the legislature's name (Wikidata writes the name as
                # Wikipedia does: "Suir Syam" for "dr. H. SUIR SYAM, M.Kes"),
                # else the legislature's name, cleaned.
                if not forms:
                    stats[f"{folder}: no name in Latin letters (left out)"] += 1
                    continue
                name = forms[0]
                for lab in labels:
                    if len(lab.split()) >= 2 and name_words(lab) & name_words(forms[0]):
                        name = lab
                        break
                eid, checked = derived_id(name), False
            if not latin(name) or len(name.split()) < 2:
                stats[f"{folder}: one-word or non-Latin names (left out)"] += 1
                continue
            e = people.get(eid)
            if e is None:
                e = people[eid] = Person(eid, name, checked)
            elif not checked and p["id"] not in e.uuids:
                pass  # a namesake: counted below
            e.sources.add(folder)
            e.uuids.add(p["id"])
            if not checked:
                derived_owners.setdefault(eid, set()).add(p["id"])
            for i in p.get("identifiers", []):
                if i.get("scheme") == "wikidata":
                    e.wikidata.add(i.get("identifier", ""))
            main = name_words(name)
            for a in forms:
                if a == e.name or a in e.aliases:
                    continue
                if len(a.split()) < 2:
                    stats["aliases: one word (dropped)"] += 1
                    continue
                if not main & name_words(a):
                    stats["aliases: sharing no word with the name (dropped)"] += 1
                    continue
                e.aliases.append(a)
            for s in spans.get(p["id"], []):
                e.roles.setdefault(country, []).append(s)

    # ---- guards
    claims: dict[str, set[str]] = {}
    for e in people.values():
        for a in [e.name] + e.aliases:
            claims.setdefault(key(a), set()).add(e.id)

    rows: list[Person] = []
    written: set[str] = set()
    for eid in sorted(people):
        e = people[eid]
        leg = sorted(e.sources)[0]
        if not e.checked and len(derived_owners.get(eid, ())) > 1:
            stats[f"{leg}: namesakes with one derived id (left out)"] += 1
            continue
        if not e.checked and all(end is not None and end < OLD for spans in e.roles.values() for _, end in spans):
            stats[f"{leg}: derived ids of people out of office before {OLD} (left out)"] += 1
            continue
        forms = [e.name] + e.aliases
        why = claimed(eid, forms, other_ids, other_names)
        if why == "id":
            stats[f"{leg}: id already in a curated or kb file (left out)"] += 1
            continue
        if why == "name":
            stats[f"{leg}: a name already in a curated or kb file (left out)"] += 1
            continue
        kept = []
        for a in forms:
            if not (e.checked and a == e.name) and any(
                len(w) >= 2 and ((w in PREFIXES and w not in PREFIX_NAMES) or w in PEERAGE)
                for w in (plain(x).rstrip("'") for x in a.split())
            ):
                stats["names with a title or peerage inside (dropped)"] += 1
                continue
            if len(claims[key(a)]) > 1:
                stats["names claimed by two people (dropped)"] += 1
                continue
            if titled(a):
                stats["names with a title word (dropped)"] += 1
                continue
            if ordinary(a):
                stats["names of ordinary words only (dropped)"] += 1
                continue
            if len(a.split()) < 2 or not latin(a):
                continue
            kept.append(a)
        if not kept:
            stats[f"{leg}: no name left (left out)"] += 1
            continue
        if e.name not in kept:
            e.name = kept[0]
            if not e.checked:
                e.id = derived_id(e.name)
        if key(e.id) in written or key(e.id) in other_ids:
            stats[f"{leg}: an id written already (left out)"] += 1
            continue
        written.add(key(e.id))
        e.aliases = [a for a in kept if a != e.name]
        stats[f"{leg}: rows written"] += 1
        stats["rows written: id from English Wikipedia (checked)" if e.checked else "rows written: id derived from the name"] += 1
        rows.append(e)

    def fmt_roles(e: Person) -> str:
        parts = []
        for target in sorted(e.roles):
            ys = merge_years(e.roles[target])
            yt = ",".join(f"{s}-{'' if t is None else t}" for s, t in ys)
            parts.append(f"official_of:{target};{yt}")
        return "|".join(parts)

    out = [
        "# ep-people.tsv: generated by scripts/build_ep.py from EveryPolitician's Popolo\n",
        "# files (everypolitician/everypolitician-data at 0642e77: data/kb/everypolitician/).\n",
        "# Do not edit by hand: edit the script and rerun it. Ids from an English Wikipedia\n",
        "# link are `checked`, the others `derived`; the files loaded after this one win.\n",
        "entity_id\ttype\tname\taliases\tcase\troles\tid_source\tnotes\n",
    ]
    n_alias = 0
    for e in rows:
        forms = [e.name] + e.aliases
        case = "cap" if any(w in PARTICLES or w[:3] in {"al-", "el-"} for a in forms for w in a.split()) else "title"
        n_alias += len(forms)
        note = "EveryPolitician " + ", ".join(sorted(e.sources))
        if e.wikidata:
            note += " " + ",".join(sorted(e.wikidata))
        out.append(
            f"{e.id}\tPERSON\t{e.name}\t{'|'.join(e.aliases)}\t{case}\t{fmt_roles(e)}\t"
            f"{'checked' if e.checked else 'derived'}\t{note}\n"
        )
    stats["rows written"] = len(rows)
    stats["names and aliases written"] = n_alias
    return "".join(out), stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with gazetteers/ep-people.tsv; write nothing")
    ap.add_argument("--stats", action="store_true", help="print what was kept and dropped")
    args = ap.parse_args()
    text, stats = build()
    if args.stats or not args.check:
        for k in sorted(stats):
            print(f"{k}: {stats[k]}", file=sys.stderr)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"out of date: {OUT.name} (run python3 scripts/build_ep.py)", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
