"""kabar on Spark: a DataFrame of documents (id, text) mapped to triple
rows with ``mapInPandas``; each Python worker runs kabar.extract on its
batches. Needs pyspark and Java (OpenJDK 17 works).

    python examples/spark_extract.py FOLDER_OF_TXT_FILES
"""

from __future__ import annotations

import sys
from pathlib import Path

import kabar

# Every column of a triple row as a string, except the numbers and the flag.
_NUMERIC = {
    "sentence_id", "quad_class", "subject_start", "subject_end", "object_start",
    "object_end", "trigger_start", "trigger_end",
}


def triple_schema():
    from pyspark.sql.types import (
        BooleanType, DoubleType, LongType, StringType, StructField, StructType,
    )

    def kind(c):
        if c == "negated":
            return BooleanType()
        if c == "confidence":
            return DoubleType()
        if c in _NUMERIC:
            return LongType()
        return StringType()

    return StructType([StructField(c, kind(c), True) for c in kabar.TRIPLE_COLUMNS])


def extract_triples(batches):
    """``mapInPandas``: each batch of (id, text) rows → its triple rows."""
    import pandas as pd

    for batch in batches:
        t, _ = kabar.extract_pandas(batch[["id", "text"]].to_dict("records"))
        for c in _NUMERIC:
            t[c] = pd.to_numeric(t[c]).astype("Int64")
        yield t


def triples(spark, docs):
    """The triple rows of ``docs`` ((id, text) pairs) as a Spark DataFrame."""
    # The workers import this module for ``extract_triples``: ship it.
    spark.sparkContext.addPyFile(__file__)
    frame = spark.createDataFrame(docs, "id string, text string")
    return frame.mapInPandas(extract_triples, schema=triple_schema())


def main(folder):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("kabar").getOrCreate()
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(folder).rglob("*.txt"))]
    for r in triples(spark, docs).select("doc_id", "subject_id", "relation", "object_id").collect():
        print(*r, sep="\t")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seeds")
