"""kabar: who did what to whom in Indonesian and English news.

``extract(docs)`` finds the people, countries and organisations of each
document, links them to English Wikipedia titles, and extracts relation
triples, giving the rows ``kabar extract --format jsonl`` writes: one dict
a row, the CSV's columns as keys. The gazetteers and the name tagger are
inside the package; the work runs in Rust with the GIL released.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Tuple, Union

from . import _kabar

__version__ = _kabar.__version__
#: The columns of a triple row, in the CSV's order.
TRIPLE_COLUMNS: List[str] = list(_kabar.TRIPLE_COLUMNS)
#: The columns of an entity row, in the CSV's order.
ENTITY_COLUMNS: List[str] = list(_kabar.ENTITY_COLUMNS)

Doc = Union[str, Mapping[str, Any]]

__all__ = ["extract", "extract_pandas", "TRIPLE_COLUMNS", "ENTITY_COLUMNS"]


def _pairs(docs: Iterable[Doc]) -> List[Tuple[str, str]]:
    pairs = []
    for i, d in enumerate(docs):
        if isinstance(d, str):
            pairs.append((str(i), d))
        elif isinstance(d, Mapping):
            if "text" not in d:
                raise ValueError(f"document {i} has no 'text'")
            pairs.append((str(d.get("id", i)), str(d["text"])))
        else:
            raise TypeError(
                f"document {i} is a {type(d).__name__}: give a string or a dict with 'id' and 'text'"
            )
    return pairs


def extract(
    docs: Iterable[Doc], lang: str = "auto", cooccurrence: bool = False
) -> Dict[str, List[Dict[str, Any]]]:
    """The entity and triple rows of ``docs``.

    ``docs``: dicts with ``id`` and ``text`` (other keys ignored), or
    strings (their ids are their positions, "0", "1", ...). ``lang``:
    ``"auto"`` (per document), ``"id"`` or ``"en"``. ``cooccurrence``:
    also a ``co_occurs`` row for every pair of entities in a sentence.
    Returns ``{"entities": [...], "triples": [...]}``, the same rows, in
    the same order, as ``kabar extract --format jsonl``.
    """
    triples, entities = _kabar.extract_jsonl(_pairs(docs), lang, cooccurrence)
    return {
        "entities": [json.loads(line) for line in entities.splitlines()],
        "triples": [json.loads(line) for line in triples.splitlines()],
    }


def extract_pandas(docs: Iterable[Doc], lang: str = "auto", cooccurrence: bool = False):
    """``extract`` as two pandas DataFrames: ``(triples, entities)``, with
    the CSV's columns (empty frames keep them)."""
    import pandas as pd

    rows = extract(docs, lang, cooccurrence)
    return (
        pd.DataFrame(rows["triples"], columns=TRIPLE_COLUMNS),
        pd.DataFrame(rows["entities"], columns=ENTITY_COLUMNS),
    )
