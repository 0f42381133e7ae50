#!/usr/bin/env python3
"""Writes the script table of Hugging Face tokenizers' UnicodeScripts pre-tokenizer (0.21).

Reads tokenizers/src/pre_tokenizers/unicode_scripts/scripts.rs (a `match` from code point ranges to scripts,
generated from SentencePiece's table) and writes one inclusive range per line, `<from> <to> <Script>` in hex,
sorted, adjacent ranges of one script merged. Code points in no range are `Any`.
Usage: gen.py scripts.rs > hf-scripts.txt
"""
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()
body = src[src.index("pub fn get_script"):]
ranges = []
for lo, hi, script in re.findall(r"0x([0-9A-Fa-f]+)(?:\.\.=0x([0-9A-Fa-f]+))? => Script::(\w+)", body):
    lo = int(lo, 16)
    hi = int(hi, 16) if hi else lo
    ranges.append([lo, hi, script])
ranges.sort()
merged = []
for r in ranges:
    if merged and merged[-1][2] == r[2] and merged[-1][1] + 1 == r[0]:
        merged[-1][1] = r[1]
    else:
        merged.append(r)
print("# UnicodeScripts table of Hugging Face tokenizers 0.21 (see gen.py)")
for lo, hi, script in merged:
    print("%X %X %s" % (lo, hi, script))
