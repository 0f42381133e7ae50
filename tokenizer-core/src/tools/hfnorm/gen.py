#!/usr/bin/env python3
"""Writes the Unicode 9.0 normalization data that Hugging Face tokenizers' normalizers use.

Hugging Face tokenizers (0.21, in DJL 0.38) normalizes with the crate unicode-normalization-alignments 0.1.12,
whose tables are Unicode 9.0.0 (JDK 17's java.text.Normalizer is Unicode 13). This script reads that crate's
src/tables.rs and writes the same facts, one per line, for io.subword.normalize.HfUnicode:

    C <cp> <ccc>            canonical combining class (only non-zero ones)
    D <cp> <cp> ...         full canonical decomposition
    K <cp> <cp> ...         full compatibility decomposition (only where it differs from none)
    P <first> <second> <composite>   canonical composition pair
    M <from> <to>           General_Category=Mark (is_combining_mark), inclusive ranges

Code points are hex. Usage: gen.py path/to/tables.rs > hf-unicode-9.0.0.txt
"""
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"UNICODE_VERSION: \(u64, u64, u64\) = \((\d+), (\d+), (\d+)\)", src)
version = ".".join(m.groups())


def block(name):
    start = src.index("const " + name)
    start = src.index("&[", start) + 2
    end = src.index("\n];", start)
    return src[start:end]


def chars(s):
    return [int(x, 16) for x in re.findall(r"\\u\{([0-9A-Fa-f]+)\}", s)]


out = ["# Unicode " + version + " normalization data of unicode-normalization-alignments 0.1.12 (see gen.py)"]
for kv in re.findall(r"0x([0-9A-Fa-f]+)", block("CANONICAL_COMBINING_CLASS_KV")):
    v = int(kv, 16)
    out.append("C %X %d" % (v >> 8, v & 0xFF))
for tag, name in (("D", "CANONICAL_DECOMPOSED_KV"), ("K", "COMPATIBILITY_DECOMPOSED_KV")):
    for key, val in re.findall(r"\(0x([0-9A-Fa-f]+), &\[([^\]]*)\]\)", block(name)):
        out.append(tag + " %X " % int(key, 16) + " ".join("%X" % c for c in chars(val)))
for key, val in re.findall(r"\(0x([0-9A-Fa-f]+), '([^']*)'\)", block("COMPOSITION_TABLE_KV")):
    k = int(key, 16)
    out.append("P %X %X %X" % (k >> 16, k & 0xFFFF, chars(val)[0]))
astral = src[src.index("fn composition_table_astral"):]
astral = astral[:astral.index("_ => None")]
for a, b, c in re.findall(r"\('([^']*)', '([^']*)'\) => Some\('([^']*)'\)", astral):
    out.append("P %X %X %X" % (chars(a)[0], chars(b)[0], chars(c)[0]))
marks = sorted(int(x, 16) for x in re.findall(r"0x([0-9A-Fa-f]+)", block("COMBINING_MARK_KV")))
i = 0
while i < len(marks):
    j = i
    while j + 1 < len(marks) and marks[j + 1] == marks[j] + 1:
        j += 1
    out.append("M %X %X" % (marks[i], marks[j]))
    i = j + 1
print("\n".join(out))
