#!/usr/bin/env python3
"""Runs gapscore on Spark with RDD.pipe: gapscore is the mapper over each
partition, `gapscore merge` the reducer on the driver.

  spark-submit --files q.json,/usr/local/bin/gapscore scripts/spark/gapscore_spark.py \\
      q.json 'hdfs:///exports/*.csv' report.json [--by region]...

Partitions are lines, so an export whose quoted fields hold line breaks
must be given as whole files: pass --whole-files to read each file as one
record (SparkContext.wholeTextFiles) and pipe it whole.
"""
import argparse
import subprocess
import tempfile

from pyspark import SparkContext, SparkFiles


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("questionnaire")
    parser.add_argument("inputs")
    parser.add_argument("report")
    parser.add_argument("--by", action="append", default=[])
    parser.add_argument("--whole-files", action="store_true")
    args = parser.parse_args()
    sc = SparkContext(appName="gapscore")
    by = " ".join(f"--by '{spec}'" for spec in args.by)
    command = f"./gapscore score -q {args.questionnaire} {by} -j 1 --emit-state - -"
    if args.whole_files:
        # One file, one record: its text, header included, piped whole.
        records = sc.wholeTextFiles(args.inputs).map(lambda pair: pair[1].rstrip("\n"))
        states = records.repartition(records.getNumPartitions()).pipe(command)
    else:
        lines = sc.textFile(args.inputs)
        header = lines.first()
        # Every partition needs the header row; drop its other copies.
        body = lines.filter(lambda line: line != header)
        states = body.mapPartitions(lambda rows: [header, *rows]).pipe(command)
    with tempfile.NamedTemporaryFile("w", suffix=".states", delete=False) as out:
        for state in states.collect():
            out.write(state + "\n")
    subprocess.run([SparkFiles.get("gapscore"), "merge", out.name, "-o", args.report], check=True)


if __name__ == "__main__":
    main()
