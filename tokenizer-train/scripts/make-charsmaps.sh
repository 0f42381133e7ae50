#!/usr/bin/env bash
# Makes the SentencePiece normalization maps the Unigram trainer writes into .model files and normalizes with:
# nfkc, nmt_nfkc, nfkc_cf and nmt_nfkc_cf .charsmap.gz, the precompiled_charsmap of a model that spm_train (Debian's
# sentencepiece 0.1.97) makes with --normalization_rule_name=RULE. Needs spm_train, python3, gzip.
set -euo pipefail
here="$(cd "$(dirname "$0")/../src/main/resources/io/subword/train" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
printf 'a b c d e f g h i j k l m n o p q r s t u v w x y z\n' > "$work/t.txt"
for rule in nfkc nmt_nfkc nfkc_cf nmt_nfkc_cf; do
  spm_train --input="$work/t.txt" --model_prefix="$work/$rule" --vocab_size=30 --model_type=char \
    --normalization_rule_name="$rule" >/dev/null 2>&1
  python3 - "$work/$rule.model" "$work/$rule.charsmap" <<'PY'
import sys
def varint(b, i):
    v = s = 0
    while True:
        x = b[i]; i += 1; v |= (x & 0x7f) << s; s += 7
        if x < 0x80: return v, i
def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i); num, wt = key >> 3, key & 7
        if wt == 0: v, i = varint(b, i)
        elif wt == 1: v = b[i:i + 8]; i += 8
        elif wt == 5: v = b[i:i + 4]; i += 4
        elif wt == 2: n, i = varint(b, i); v = b[i:i + n]; i += n
        else: raise SystemExit("wire type %d" % wt)
        yield num, v
model = open(sys.argv[1], 'rb').read()
spec = [v for n, v in fields(model) if n == 3][0]          # ModelProto.normalizer_spec
charsmap = [v for n, v in fields(spec) if n == 2][0]       # NormalizerSpec.precompiled_charsmap
open(sys.argv[2], 'wb').write(charsmap)
PY
  gzip -9n < "$work/$rule.charsmap" > "$here/$rule.charsmap.gz"
done
