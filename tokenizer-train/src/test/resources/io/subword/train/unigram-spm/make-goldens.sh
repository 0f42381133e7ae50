#!/usr/bin/env bash
# Makes spm-goldens.csv: for each row of ROWS, the pieces spm_train (Debian's sentencepiece 0.1.97) learns from a
# corpus: NAME.tsv of WORD<TAB>COUNT lines is written out as COUNT lines of WORD (every word ends a line); NAME.txt
# is given as it is (running text). UnigramTrainerTest trains on the same lines and expects the same pieces.
# europarl-words.tsv: the 120 most frequent alphabetic words of the first 40 held-out Europarl lines of
# benchmarks/unigram-vs-spm. cut-lines.txt: the first 60 of those held-out lines that hold " der " and " die ",
# without ";", "|" or a double quote (the table's delimiters), each cut to its first 120 characters (trailing spaces dropped), so that most lines end mid-word, as Europarl's
# do: spm_train then seeds the suffixes of each line's last word (without that, 16 of the 180 pieces differ). Its
# vocabulary size is one at which spm_train learns the same pieces with 1, 2 and 16 threads: at 190 to 250 pieces
# of equal score straddle the cut, and which of them spm_train keeps changes with its thread count (float sums).
# Needs spm_train, spm_export_vocab.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# corpus | vocab size | spm_train flags | our options (TrainingOptions builder calls, as the test reads them)
ROWS='tiny|30||
tiny|30|--split_digits=true|splitDigits
tiny|25|--max_sentencepiece_length=2|maxLength=2
tiny|30|--shrinking_factor=0.5|shrinking=0.5
tiny|30|--num_sub_iterations=1|subIterations=1
tiny|30|--control_symbols=<mask>|special=<unk>,<s>,</s>,<mask>
tiny-sep|30|--user_defined_symbols=<sep>|user=<sep>
europarl-words|110||
europarl-words|80||
europarl-words|100|--normalization_rule_name=nmt_nfkc_cf|normalization=nmt_nfkc_cf
europarl-words|100|--max_sentencepiece_length=4|maxLength=4
cut-lines|180||'
out="$here/spm-goldens.csv"
echo "# corpus;vocab size;options;pieces spm_train learns (by falling score; equal scores in any order)" > "$out.tmp"
while IFS='|' read -r corpus vocab flags options; do
  if [ -f "$here/$corpus.txt" ]; then
    cp "$here/$corpus.txt" "$work/c.txt"
  else
    awk -F'\t' '{ for (i = 0; i < $2; i++) print $1 }' "$here/$corpus.tsv" > "$work/c.txt"
  fi
  spm_train --input="$work/c.txt" --model_prefix="$work/m" --model_type=unigram --vocab_size="$vocab" \
    --minloglevel=2 $flags >/dev/null 2>&1
  pieces=$(spm_export_vocab --model="$work/m.model" | cut -f1 | tr '\n' ' ' | sed 's/ $//')
  echo "$corpus;$vocab;$options;$pieces" >> "$out.tmp"
done <<< "$ROWS"
mv "$out.tmp" "$out"
