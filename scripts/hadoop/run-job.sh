#!/usr/bin/env bash
# Submits the gapscore job to Hadoop Streaming.
#   scripts/hadoop/run-job.sh EXPORT_LIST_ON_HDFS OUTPUT_DIR_ON_HDFS QUESTIONNAIRE [BY...]
# EXPORT_LIST_ON_HDFS is a text file of export paths, one per line; each
# mapper takes one line (NLineInputFormat), a single reducer merges.
set -euo pipefail
list=$1 output=$2 questionnaire=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
streaming_jar=${HADOOP_STREAMING_JAR:-$(ls "$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar | head -1)}
hadoop jar "$streaming_jar" \
  -D mapreduce.job.reduces=1 \
  -D mapreduce.input.lineinputformat.linespermap=1 \
  -inputformat org.apache.hadoop.mapred.lib.NLineInputFormat \
  -files "$here/mapper.sh,$here/reducer.sh,$questionnaire,$(command -v gapscore)" \
  -cmdenv GAPSCORE=./gapscore \
  -cmdenv GAPSCORE_QUESTIONNAIRE="$(basename "$questionnaire")" \
  -cmdenv GAPSCORE_BY="$*" \
  -input "$list" -output "$output" \
  -mapper mapper.sh -reducer reducer.sh
