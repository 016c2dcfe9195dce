"""kabar on Dask: documents in a dask.bag (or a dask.dataframe), each
partition analysed by kabar.extract on a worker; the rows come back in
document order, the same as ``kabar extract`` gives.

    python examples/dask_extract.py FOLDER_OF_TXT_FILES
"""

from __future__ import annotations

import sys
from pathlib import Path

import dask
import dask.bag as db
import pandas as pd

import kabar


def triples_bag(docs, npartitions=4):
    """The triple rows of ``docs`` (dicts with id and text) as a dask.bag."""
    bag = db.from_sequence(docs, npartitions=npartitions)
    return bag.map_partitions(lambda part: kabar.extract(list(part))["triples"])


def triples_frame(frame, npartitions=4):
    """The triple rows of a pandas or dask DataFrame with ``id`` and
    ``text`` columns, as a dask.dataframe (``map_partitions``)."""
    import dask.dataframe as dd

    if isinstance(frame, pd.DataFrame):
        frame = dd.from_pandas(frame, npartitions=npartitions, sort=False)
    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in kabar.TRIPLE_COLUMNS})

    def part(df):
        t, _ = kabar.extract_pandas(df[["id", "text"]].to_dict("records"))
        return t.astype("object") if len(t) else meta

    return frame.map_partitions(part, meta=meta)


def main(folder):
    docs = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted(Path(folder).rglob("*.txt"))
    ]
    with dask.config.set(scheduler="threads"):
        rows = triples_bag(docs).compute()
    for r in rows:
        print(r["doc_id"], r["subject_id"], r["relation"], r["object_id"], sep="\t")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seeds")
