"""Checks the 'spark' dialect of compileRatesSQL on a local Spark session (pyspark on Java 17).

Usage (anyone with pyspark installed):
    npx tsx -e "import {compileRatesSQL} from './src/index'; process.stdout.write(JSON.stringify(compileRatesSQL('jiangsu-2022', {dialect: 'spark'})))" > /tmp/spark-sql.json
    python3 scripts/check-spark.py /tmp/spark-sql.json

It creates the two tables with a handful of lines whose figures are worked out by hand below, runs the
compiled measures and ledger queries and compares the results. Not run in CI (no Spark there).
"""
import json
import sys
from decimal import Decimal

from pyspark.sql import SparkSession
from pyspark.sql.types import BooleanType, DateType, DecimalType, StringType, StructField, StructType
import datetime as dt

sql = json.load(open(sys.argv[1]))
spark = SparkSession.builder.master("local[1]").appName("sunshine-procurement-check").getOrCreate()
inst_schema = StructType([StructField(n, StringType()) for n in ["id", "level", "ownership", "province", "city", "county"]])
spark.createDataFrame([("A", "tertiary", "public", "江苏省", "南通市", None), ("P", "tertiary", "private", "江苏省", "南通市", None)], inst_schema).createOrReplaceTempView("institutions")
line_schema = StructType([
    StructField("institution_id", StringType()), StructField("received_on", DateType()), StructField("category", StringType()),
    StructField("kind", StringType()), StructField("high_value", BooleanType()), StructField("insurance_code", StringType()),
    StructField("channel", StringType()), StructField("amount", DecimalType(38, 6)),
])
d = dt.date(2024, 1, 15)
rows = [
    ("A", d, "drug", None, None, "X", "platform", Decimal("850")),
    ("A", d, "drug", None, None, "X", "emergency", Decimal("30")),
    ("A", d, "drug", None, None, "X", "offline", Decimal("120")),
    ("A", d, "drug", "narcotic", None, "X", "offline", Decimal("5000")),  # excluded kind
    ("P", d, "drug", None, None, "X", "platform", Decimal("7")),  # private: out of scope
    ("Z", d, "drug", None, None, "X", "platform", Decimal("1")),  # unknown institution
]
spark.createDataFrame(rows, line_schema).createOrReplaceTempView("purchase_lines")
measures = {(r["institution_id"], r["measure"]): r for r in spark.sql(sql["measures"]).collect()}
drug = measures[("A", "drug")]
# 850 + 30 + 120 = 1000 included; 850 on the platform; 30 emergency
assert drug["platform_amount"] == Decimal("850") and drug["total_amount"] == Decimal("1000") and drug["emergency_amount"] == Decimal("30"), drug
ledger = {(r["outcome"], r["reason"]): (r["lines"], r["amount"]) for r in spark.sql(sql["ledger"]).collect()}
assert ledger[("input", None)] == (6, Decimal("6008")), ledger
assert ledger[("excluded", "excluded-kind")] == (1, Decimal("5000")), ledger
assert ledger[("excluded", "institution-out-of-scope")] == (1, Decimal("7")), ledger
assert ledger[("rejected", "unknown-institution")] == (1, Decimal("1")), ledger
print("spark dialect: measures and ledger as expected")
