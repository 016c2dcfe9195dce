"""What scripts/build_kb.py and scripts/build_ep.py share: reading the
gazetteer files, the keys under which two names are the same, the ordinary
words of English and Indonesian, and the lists of titles and particles
that the precision guards of both use.

Python 3.11 standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "gazetteers"

# Words that start a title, not a name ("PRESIDENT_KARZAI").
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "foreign", "defense", "defence",
    "king", "queen", "prince", "princess", "sheikh", "shaikh", "emir", "amir",
    "general", "gen", "col", "colonel", "major", "lieutenant", "lt", "captain",
    "admiral", "marshal", "sultan", "chancellor", "premier", "secretary",
    "chairman", "chair", "speaker", "senator", "sen", "rep", "governor",
    "mayor", "ambassador", "dr", "mr", "mrs", "ms", "sir", "lord", "lady",
    "dame", "pope", "cardinal", "bishop", "archbishop", "ayatollah", "mullah",
    "imam", "rabbi", "reverend", "rev", "judge", "justice", "chief", "deputy",
    "former", "late", "supreme", "leader", "commander", "mp", "his", "her",
    "the", "presiden", "menteri", "raja", "ratu", "pangeran", "syekh",
}

# Words that are never part of a person's name, wherever they stand
# ("Israeli Prime Minister Ehud Barak"); a script adds the country
# demonyms of countries.tsv at run time.
TITLE_ANYWHERE = {
    "president", "prime", "minister", "foreign", "defense", "defence", "king",
    "queen", "prince", "princess", "sheikh", "secretary", "chairman",
    "chancellor", "premier", "ambassador", "senator", "governor", "mayor",
    "spokesman", "spokeswoman", "envoy", "commander", "leader", "former",
    "presiden", "menteri",
}

# Lower-case particles inside a person's name, as English Wikipedia writes them.
PARTICLES = {
    "bin", "binti", "ibn", "bint", "de", "da", "di", "del", "della", "der",
    "den", "van", "von", "la", "le", "du", "dos", "das", "do", "y", "e", "i",
    "al", "el", "ul", "ud", "bte", "ter", "zu", "af",
}


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def key(s: str) -> str:
    """The key under which two aliases or ids are the same: case, diacritics,
    dots, hyphens and spaces folded."""
    return re.sub(r"[\s._\-’']+", " ", fold(s)).strip()


def name_keys(row: dict[str, str]) -> set[str]:
    """The keys of a gazetteer row's name and of all its other names (its
    aliases in every language, seats and demonyms)."""
    out = {key(row["name"])}
    for col in ("aliases", "aliases_id", "aliases_en", "seats", "demonyms"):
        for a in row.get(col, "").split("|"):
            if a:
                out.add(key(a))
    return out


def claimed(eid: str, forms: list[str], ids: set[str], names: set[str]) -> str | None:
    """Why a built row gives way to a file that wins over it: "id" when that
    file has the row's id, "name" when it has one of the row's names
    (`forms`), None when neither (`ids` and `names` are keys)."""
    if key(eid) in ids:
        return "id"
    if any(key(f) in names for f in forms):
        return "name"
    return None


def tsv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a gazetteer TSV file as dicts (comments and blank lines
    skipped, the first other line is the header)."""
    out, header = [], None
    for line in read_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        out.append(dict(zip(header, cells)))
    return out


def tsv_column(path: Path, col: str) -> list[str]:
    return [r[col] for r in tsv_rows(path) if r.get(col) is not None]


def lexicon_words() -> set[str]:
    """Lower-case words of English and Indonesian: the stop-word, function
    word, cue and title lists of gazetteers/, and every word written in
    lower case in the training corpora of data/train/ (Indonesian and
    English news and Wikipedia: a word written in lower case there is an
    ordinary word)."""
    words: set[str] = set()

    def add(text: str) -> None:
        for w in re.findall(r"[^\W\d_]+", text.lower()):
            words.add(w)

    for f in ("stopwords-id.txt", "stopwords-en.txt"):
        for line in read_lines(GAZ / f):
            if line.strip() and not line.startswith("#"):
                add(line)
    for f, col in (
        ("words-id.tsv", "word"), ("words-en.tsv", "word"),
        ("cues-id.tsv", "cue"), ("cues-en.tsv", "cue"),
        ("cues-id.tsv", "forms"), ("cues-en.tsv", "forms"),
        ("titles-id.tsv", "title"), ("titles-en.tsv", "title"),
    ):
        for v in tsv_column(GAZ / f, col):
            add(v)
    for corpus in sorted((ROOT / "data" / "train").glob("*/*.txt")):
        if "nerp" in corpus.parent.name:
            continue  # lower-cased throughout: its names are lower case too
        for line in read_lines(corpus):
            tok = line.split("\t")[0].split(" ")[0]
            if tok and tok.isalpha() and tok.islower():
                words.add(tok)
    return words


def merge_years(spans: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """Sorted, overlapping or touching terms joined."""
    out: list[list] = []
    for s, e in sorted(spans, key=lambda x: (x[0], 9999 if x[1] is None else x[1])):
        if out and (out[-1][1] is None or s <= out[-1][1] + 1):
            if out[-1][1] is not None and (e is None or e > out[-1][1]):
                out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]
