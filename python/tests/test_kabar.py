"""The Python package against the command: the same rows on the seeds,
from kabar.extract, from Dask and (where pyspark and Java are) from Spark.

The command is ``$KABAR_BIN`` or, without it, ``cargo run --release``.
Run from the repository's root: ``python -m pytest python/tests``.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kabar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "examples"))


def seeds_docs():
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def cli_rows(tmp_path_factory):
    """The command's JSONL rows on the seeds folder."""
    out = tmp_path_factory.mktemp("cli")
    t, e = out / "t.jsonl", out / "e.jsonl"
    binary = os.environ.get("KABAR_BIN")
    cmd = [binary] if binary else ["cargo", "run", "--release", "-q", "--"]
    subprocess.run(
        cmd + ["extract", str(ROOT / "seeds"), "--format", "jsonl",
               "--triples", str(t), "--entities", str(e), "--quiet"],
        check=True, cwd=ROOT,
    )
    read = lambda p: [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines()]
    return {"triples": read(t), "entities": read(e)}


def test_extract_gives_the_commands_rows(cli_rows):
    rows = kabar.extract(seeds_docs())
    assert len(rows["triples"]) > 50
    assert rows["triples"] == cli_rows["triples"]
    assert rows["entities"] == cli_rows["entities"]
    assert list(rows["triples"][0]) == kabar.TRIPLE_COLUMNS


def test_pandas_frames_have_the_columns(cli_rows):
    t, e = kabar.extract_pandas(seeds_docs())
    assert list(t.columns) == kabar.TRIPLE_COLUMNS
    assert list(e.columns) == kabar.ENTITY_COLUMNS
    assert len(t) == len(cli_rows["triples"]) and len(e) == len(cli_rows["entities"])
    # No row: empty frames that keep the columns.
    t0, e0 = kabar.extract_pandas(["tidak ada nama di sini."])
    assert list(t0.columns) == kabar.TRIPLE_COLUMNS and len(t0) == 0


def test_strings_and_bad_input():
    rows = kabar.extract(["Putin met Xi Jinping in Beijing.", "China mendukung Rusia."])
    assert {r["doc_id"] for r in rows["triples"]} <= {"0", "1"}
    assert any(r["relation"] == "meet" for r in rows["triples"])
    with pytest.raises(ValueError, match="lang"):
        kabar.extract(["x"], lang="fr")
    with pytest.raises(TypeError, match="document 0"):
        kabar.extract([42])
    with pytest.raises(ValueError, match="text"):
        kabar.extract([{"id": "a"}])


def test_dask_gives_the_commands_rows(cli_rows):
    dask = pytest.importorskip("dask")
    import pandas as pd
    from dask_extract import triples_bag, triples_frame

    with dask.config.set(scheduler="threads"):
        rows = triples_bag(seeds_docs(), npartitions=3).compute()
        frame = triples_frame(pd.DataFrame(seeds_docs()), npartitions=2).compute()
    assert rows == cli_rows["triples"]
    assert frame["subject_id"].tolist() == [r["subject_id"] for r in cli_rows["triples"]]
    assert frame["relation"].tolist() == [r["relation"] for r in cli_rows["triples"]]


def test_spark_gives_the_commands_rows(cli_rows):
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("no Java: install OpenJDK (Debian: openjdk-17-jre-headless) to run it")
    from pyspark.sql import SparkSession
    from spark_extract import triples

    spark = SparkSession.builder.master("local[2]").appName("kabar-test").getOrCreate()
    try:
        got = [r.asDict() for r in triples(spark, [(d["id"], d["text"]) for d in seeds_docs()]).collect()]
    finally:
        spark.stop()
    key = lambda r: (r["doc_id"], r["sentence_id"], r["subject_start"], r["object_start"], r["relation"])
    want = sorted(cli_rows["triples"], key=key)
    got = sorted(got, key=key)
    assert [key(r) for r in got] == [key(r) for r in want]
    assert [r["evidence"] for r in got] == [r["evidence"] for r in want]
