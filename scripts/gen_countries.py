#!/usr/bin/env python3
"""Generate kabar's country gazetteer and the ISO 3166-1 name table for tests.

Writes
  gazetteers/countries.tsv        one COUNTRY row per ISO 3166-1 entry, plus extra rows
  tests/data/iso3166_names.tsv    alpha2, entity_id, english, indonesian for the 249 ISO entries

from two sources:
  * pycountry (LGPL-2.1): the ISO 3166-1 names (name, common_name, official_name) and
    their Indonesian translations (gettext domain `iso3166-1`, locale `id`), both from
    Debian's iso-codes;
  * scripts/countries_input.tsv: written by hand -- the English Wikipedia title of each
    entry, the common English short name, news variants in Indonesian and English,
    capitals and seats of government, English demonyms, the `case` rule, notes.

The script checks what gazetteers/README.md asks of an entity file (no TAB or `|` inside a
form, no empty form, no form repeated within a row, no form claimed by two rows, also after
folding case and diacritics) and that every name written to iso3166_names.tsv is found, as
the right entity, by a small re-implementation of the matching rules. Any failure stops
the script with a message and exit code 1, before anything is written.

Usage (Python 3.11, with pycountry installed, e.g. in a venv outside the repository):
    python3 -m venv /tmp/venv-countries && /tmp/venv-countries/bin/pip install pycountry
    /tmp/venv-countries/bin/python scripts/gen_countries.py
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
INPUT = ROOT / "scripts" / "countries_input.tsv"
OUT_GAZETTEER = ROOT / "gazetteers" / "countries.tsv"
OUT_NAMES = ROOT / "tests" / "data" / "iso3166_names.tsv"

INPUT_COLUMNS = ["code", "entity_id", "name", "case", "aliases", "seats", "demonyms", "notes"]
OUTPUT_COLUMNS = ["entity_id", "type", "name", "aliases", "case", "seats", "demonyms", "notes",
                  "aliases_id", "aliases_en"]
# An alias written `FORM@id` or `FORM@en` in the input is matched only in text of that language
# (output columns aliases_id / aliases_en): "AS@id" is the United States in Indonesian only.
LANG_SUFFIXES = ("@id", "@en")
CASES = {"", "any", "exact", "cap"}
ISO_COUNT = 249

# pycountry strings that are not worth matching: wrong or odd Indonesian renderings of
# official names. They are never required by iso3166_names.tsv (checked below).
PYCOUNTRY_SKIP = {
    "Repulik Finlandia",  # typo
    "Kepemimpinan Andorra",  # "Principality" rendered as "leadership"
    "Kepemimpinan Liechtenstein",
    "Kepemimpinan Monako",
    "Negara-negara Bersatu Meksiko",
    "Republik Portugis",
}


def die(msg: str) -> None:
    print(f"gen_countries.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def fold(s: str) -> str:
    """Key used to compare forms: case, diacritics and apostrophe style ignored."""
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.casefold()


def loose(s: str) -> str:
    """A looser key for the cross-row check: also ignores dots, hyphens and spacing."""
    return re.sub(r"[\s.\-]+", " ", fold(s)).strip()


def has_diacritics(s: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s))


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|")] if cell.strip() else []


@dataclass
class Row:
    code: str
    entity_id: str
    name: str
    case: str
    aliases: list[str]  # every alias, language suffixes removed
    seats: list[str]
    demonyms: list[str]
    notes: str
    alias_lang: dict[str, str] = field(default_factory=dict)  # alias -> "id"/"en" if only in that language
    iso: object | None = None  # the pycountry record, None for extra rows
    required: list[str] = field(default_factory=list)  # names the test file will use
    lineno: int = 0


def read_input() -> list[Row]:
    rows: list[Row] = []
    header: list[str] | None = None
    for lineno, line in enumerate(INPUT.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != INPUT_COLUMNS:
                die(f"{INPUT}:{lineno}: header must be {INPUT_COLUMNS}, got {header}")
            continue
        if len(cells) != len(header):
            die(f"{INPUT}:{lineno}: {len(cells)} fields, expected {len(header)}")
        d = dict(zip(header, cells))
        aliases, alias_lang = [], {}
        for a in split_list(d["aliases"]):
            for suffix in LANG_SUFFIXES:
                if a.endswith(suffix):
                    a = a[: -len(suffix)]
                    alias_lang[a] = suffix[1:]
            aliases.append(a)
        rows.append(
            Row(
                code=d["code"].strip(),
                entity_id=d["entity_id"].strip(),
                name=d["name"].strip(),
                case=d["case"].strip(),
                aliases=aliases,
                alias_lang=alias_lang,
                seats=split_list(d["seats"]),
                demonyms=split_list(d["demonyms"]),
                notes=d["notes"].strip(),
                lineno=lineno,
            )
        )
    return rows


def indonesian_catalog() -> dict[str, str]:
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    return {k: v for k, v in tr._catalog.items() if isinstance(k, str) and k and v}


def strip_the(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


def pycountry_forms(c, cat: dict[str, str]) -> tuple[list[str], str, str]:
    """(all usable forms, required English name, required Indonesian name) of one entry."""
    english = getattr(c, "common_name", None) or c.name
    indonesian = cat.get(english) or cat.get(c.name) or english
    en_forms = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
    en_forms = [strip_the(x) for x in en_forms if x]
    forms: list[str] = []
    for en in en_forms:
        forms.append(en)
        if en in cat:
            forms.append(strip_the(cat[en]))
    usable = []
    for f in forms:
        required = f in (english, indonesian)
        # Inverted catalogue forms ("Korea, Republic of") never occur in running text;
        # keep them only where the test file needs them.
        if not required and (", " in f or f in PYCOUNTRY_SKIP):
            continue
        usable.append(f)
    return usable, english, indonesian


def dedupe_aliases(row: Row, hand: list[str], pyc: list[str], dropped: list[str]) -> list[str]:
    """Hand-written aliases first, then pycountry's forms. Drop forms equal to the name or
    to an earlier alias (ignoring case); where two forms differ only in diacritics keep the
    one with them (it also matches text without them), unless the plain one is required by
    the test file. Hand-written forms dropped this way are reported, to keep the input tidy."""
    out: list[str] = []
    seen = {row.name.casefold()}
    for a in hand + pyc:
        if a.casefold() in seen:
            if a in hand and a not in pyc:
                dropped.append(f"{row.code}: alias {a!r} repeats the name or an alias")
            continue
        seen.add(a.casefold())
        out.append(a)
    result = []
    for a in out:
        if a in row.required or has_diacritics(a):
            result.append(a)
            continue
        twin = [b for b in out if b != a and fold(b) == fold(a) and has_diacritics(b)]
        if twin or (fold(a) == fold(row.name) and has_diacritics(row.name)):
            if a in hand:
                dropped.append(f"{row.code}: alias {a!r} is covered by a form with diacritics")
            continue
        result.append(a)
    return result


def drop_plain_twins(forms: list[str], code: str, dropped: list[str]) -> list[str]:
    """Drop a form that differs from another one only by lacking its diacritics."""
    out = []
    for a in forms:
        if not has_diacritics(a) and any(b != a and fold(b) == fold(a) and has_diacritics(b) for b in forms):
            dropped.append(f"{code}: {a!r} is covered by a form with diacritics")
            continue
        out.append(a)
    return out


def with_curly(forms: list[str]) -> list[str]:
    """Each form with a straight apostrophe also in the typographic one news sites print."""
    out = []
    for f in forms:
        out.append(f)
        if "'" in f:
            out.append(f.replace("'", "\u2019"))
    return out


# ---------------------------------------------------------------------------
# A small re-implementation of the matching rules of gazetteers/README.md, used only to
# check that every required name is found as the right entity.


def auto_exact(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return not any(ch.islower() for ch in form) and len(letters) <= 6


def case_ok(case: str, form: str, text: str) -> bool:
    mode = case or ("exact" if auto_exact(form) else "any")
    if mode == "exact":
        return strip_marks(text) == strip_marks(form)
    if mode == "cap":
        first = next((ch for ch in text if ch.isalpha()), "")
        return first.isupper()
    return True


def strip_marks(s: str) -> str:
    """Diacritics removed and ’ read as ', one character for one (offsets stay valid)."""
    out = []
    for ch in s.replace("\u2019", "'"):
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def lower1(s: str) -> str:
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in s)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_entities(text: str, table: list[tuple[str, str, str]]) -> list[tuple[int, int, str]]:
    """Leftmost-longest matches on token boundaries; returns (start, end, entity_id)."""
    ftext = lower1(strip_marks(text))
    hits = []
    for form, eid, case in table:
        ff = lower1(strip_marks(form))
        start = 0
        while (i := ftext.find(ff, start)) >= 0:
            j = i + len(ff)
            start = i + 1
            if i > 0 and is_word_char(ftext[i - 1]) and is_word_char(ftext[i]):
                continue
            if j < len(ftext) and is_word_char(ftext[j - 1]) and is_word_char(ftext[j]):
                continue
            if case_ok(case, form, text[i:j]):
                hits.append((i, j, eid))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, end = [], -1
    for h in hits:
        if h[0] >= end:
            out.append(h)
            end = h[1]
    return out


# ---------------------------------------------------------------------------


def build(verbose: bool) -> tuple[list[Row], list[tuple[str, str, str, str]]]:
    cat = indonesian_catalog()
    rows = read_input()
    iso = {c.alpha_2: c for c in pycountry.countries}
    if len(iso) != ISO_COUNT:
        die(f"pycountry has {len(iso)} ISO 3166-1 entries, expected {ISO_COUNT}")

    codes = [r.code for r in rows]
    dup_codes = sorted({c for c in codes if codes.count(c) > 1})
    if dup_codes:
        die(f"{INPUT}: codes listed twice: {dup_codes}")
    missing = sorted(set(iso) - set(codes))
    if missing:
        die(f"{INPUT}: no row for ISO codes {missing}")

    names_table: list[tuple[str, str, str, str]] = []
    dropped: list[str] = []
    for r in rows:
        where = f"{INPUT}:{r.lineno}"
        if r.case not in CASES:
            die(f"{where}: case must be one of {sorted(CASES)}, got {r.case!r}")
        if not r.entity_id or " " in r.entity_id or not r.name:
            die(f"{where}: entity_id must be non-empty without spaces, name non-empty")
        pyc_forms: list[str] = []
        c = iso.get(r.code)
        if c is not None:
            r.iso = c
            pyc_forms, english, indonesian = pycountry_forms(c, cat)
            r.required = [english, indonesian]
            names_table.append((r.code, r.entity_id, english, indonesian))
        r.aliases = dedupe_aliases(r, r.aliases, pyc_forms, dropped)
        r.aliases = with_curly(r.aliases)
        r.seats = with_curly(drop_plain_twins(r.seats, r.code, dropped))

    if verbose and dropped:
        print("dropped hand-written aliases (tidy scripts/countries_input.tsv):")
        for d in dropped:
            print("  " + d)
    return rows, names_table


def check(rows: list[Row], names_table: list[tuple[str, str, str, str]]) -> None:
    errors: list[str] = []
    ids = [r.entity_id for r in rows]
    for eid in sorted({e for e in ids if ids.count(e) > 1}):
        errors.append(f"entity_id {eid} used by two rows")

    iso_rows = [r for r in rows if r.iso is not None]
    if len(iso_rows) != ISO_COUNT or len(names_table) != ISO_COUNT:
        errors.append(f"{len(iso_rows)} ISO rows, expected {ISO_COUNT}")

    owner: dict[str, tuple[str, str, str]] = {}  # fold key -> (entity_id, field, form)
    owner_loose: dict[str, tuple[str, str]] = {}
    for r in rows:
        fields = [("name", [r.name]), ("aliases", r.aliases), ("seats", r.seats),
                  ("demonyms", r.demonyms)]
        seen_in_row: dict[str, str] = {}
        for fname, forms in fields:
            for f in forms:
                if not f:
                    errors.append(f"{r.entity_id}: empty form in {fname}")
                    continue
                if "\t" in f or "|" in f or "\n" in f or f != f.strip():
                    errors.append(f"{r.entity_id}: bad characters in {fname} form {f!r}")
                if f.casefold() in seen_in_row:
                    errors.append(f"{r.entity_id}: {f!r} repeated ({seen_in_row[f.casefold()]} and {fname})")
                seen_in_row[f.casefold()] = fname
                if r.case == "cap":
                    first = next((ch for ch in f if ch.isalpha()), "")
                    if not first.isupper():
                        errors.append(f"{r.entity_id}: case=cap but {f!r} starts lower-case")
                k = fold(f)
                if k in owner and owner[k][0] != r.entity_id:
                    errors.append(f"{f!r} ({r.entity_id} {fname}) is also {owner[k][2]!r} of {owner[k][0]} ({owner[k][1]})")
                owner.setdefault(k, (r.entity_id, fname, f))
                lk = loose(f)
                if lk in owner_loose and owner_loose[lk][0] != r.entity_id:
                    errors.append(f"{f!r} ({r.entity_id}) nearly equals {owner_loose[lk][1]!r} of {owner_loose[lk][0]}")
                owner_loose.setdefault(lk, (r.entity_id, f))
        if r.iso is None and not r.notes:
            errors.append(f"{r.entity_id}: extra row without a note saying what it is")

    # Every name of the test table must be a form of its own row ...
    by_id = {r.entity_id: r for r in rows}
    for code, eid, english, indonesian in names_table:
        r = by_id[eid]
        forms = {r.name, *r.aliases}
        for label, n in (("english", english), ("indonesian", indonesian)):
            if n not in forms:
                errors.append(f"{code} {label} name {n!r} is not the name or an alias of {eid}")

    # ... and be found as that entity in a plain sentence, by the README's matching rules.
    table = []
    for r in rows:
        for f in [r.name, *r.aliases, *r.seats, *r.demonyms]:
            table.append((f, r.entity_id, r.case))
    templates = ["Kami membahas {} kemarin.", "We discussed {} yesterday.", "{} menolak usulan itu."]
    for code, eid, english, indonesian in names_table:
        for n in (english, indonesian):
            for t in templates:
                s = t.format(n)
                found = find_entities(s, table)
                start = s.index(n)
                ok = any(h[0] == start and h[1] == start + len(n) and h[2] == eid for h in found)
                if not ok:
                    errors.append(f"{code}: {s!r} gives {[(s[a:b], e) for a, b, e in found]}, expected {eid}")

    if errors:
        for e in errors:
            print("gen_countries.py: check failed: " + e, file=sys.stderr)
        die(f"{len(errors)} check(s) failed; nothing written")


def write(rows: list[Row], names_table: list[tuple[str, str, str, str]]) -> None:
    version = metadata.version("pycountry")
    lines = [
        "# Generated by scripts/gen_countries.py -- do not edit by hand: edit",
        "# scripts/countries_input.tsv (or the script) and run `python3 scripts/gen_countries.py`.",
        f"# Sources: pycountry {version} (ISO 3166-1 names and their Indonesian translations,",
        "# from Debian iso-codes; LGPL-2.1) and hand-written aliases, capitals/seats, demonyms",
        "# and case rules (scripts/countries_input.tsv; see gazetteers/README.md).",
        "\t".join(OUTPUT_COLUMNS),
    ]
    for r in rows:
        if r.iso is not None:
            note = f"ISO 3166-1 {r.iso.alpha_2}/{r.iso.alpha_3}"
        else:
            note = f"not ISO 3166-1 (code {r.code} used only in scripts/countries_input.tsv)"
        if r.notes:
            note += "; " + r.notes
        in_lang = lambda lang: "|".join(a for a in r.aliases if r.alias_lang.get(a) == lang)  # noqa: E731
        cells = [r.entity_id, "COUNTRY", r.name, in_lang(None), r.case,
                 "|".join(r.seats), "|".join(r.demonyms), note, in_lang("id"), in_lang("en")]
        while cells and not cells[-1]:
            cells.pop()  # no trailing empty fields (the reader takes them as empty)
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                die(f"{r.entity_id}: TAB or newline in {cell!r}")
        lines.append("\t".join(cells))
    OUT_GAZETTEER.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = ["\t".join(["alpha2", "entity_id", "english", "indonesian"])]
    for code, eid, english, indonesian in sorted(names_table):
        out.append("\t".join([code, eid, english, indonesian]))
    OUT_NAMES.parent.mkdir(parents=True, exist_ok=True)
    OUT_NAMES.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="report tidying and totals")
    ap.add_argument("--check", action="store_true", help="run the checks, write nothing")
    args = ap.parse_args()
    rows, names_table = build(args.verbose)
    check(rows, names_table)
    n_alias = sum(len(r.aliases) for r in rows)
    n_seat = sum(len(r.seats) for r in rows)
    n_dem = sum(len(r.demonyms) for r in rows)
    n_iso = sum(1 for r in rows if r.iso is not None)
    if not args.check:
        write(rows, names_table)
    print(
        f"{'checked' if args.check else 'wrote'} {OUT_GAZETTEER.relative_to(ROOT)}: {len(rows)} rows "
        f"({n_iso} ISO 3166-1 + {len(rows) - n_iso} extra), {n_alias} aliases, {n_seat} seats, "
        f"{n_dem} demonyms; {OUT_NAMES.relative_to(ROOT)}: {len(names_table)} rows"
    )


if __name__ == "__main__":
    main()
