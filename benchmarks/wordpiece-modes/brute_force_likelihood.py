#!/usr/bin/env python3
# Brute-force WordPiece likelihood training, the check behind WordPieceTrainerTest's LIKELIHOOD rows: at each step
# merge every adjacent pair in a copy of the corpus, recompute L = sum c(s) ln(c(s)/N) from scratch, and take the
# largest gain (ties: the smaller (left id, right id)). Merged symbols used up by later merges do not count towards
# the vocabulary size and are left out (then refill it, oldest first, if the merges stop short).
# Run: python3 brute_force_likelihood.py
import math
def L(counts):
    N = sum(counts.values()); return sum(c*math.log(c/N) for c in counts.values() if c > 0)
def train(words, specials, vocab_size, min_freq=0, prefix="##"):
    toks = list(specials)
    def add(t):
        if t not in toks: toks.append(t)
        return toks.index(t)
    chars = sorted({ch for w in words for ch in w})
    for ch in chars: add(ch)
    # ## forms in the order words are visited (code point order), first occurrence
    for w in sorted(words):
        for ch in w[1:]: add(prefix+ch)
    initial = len(toks)
    segs = {w: [toks.index(w[0])] + [toks.index(prefix+ch) for ch in w[1:]] for w in words}
    def symcounts(segs):
        c = {}
        for w, s in segs.items():
            for x in s: c[x] = c.get(x, 0) + words[w]
        return c
    def merged_tok(a, b):
        tb = toks[b]; tb = tb[len(prefix):] if tb.startswith(prefix) else tb
        return toks[a] + tb
    steps = []
    while True:
        sc = symcounts(segs)
        in_use = initial + sum(1 for i in range(initial, len(toks)) if sc.get(i, 0) > 0)
        if in_use >= vocab_size: break
        pairs = {}
        for w, s in segs.items():
            for x, y in zip(s, s[1:]): pairs[(x, y)] = pairs.get((x, y), 0) + words[w]
        base = L(sc)
        best = None
        for (a, b), cnt in sorted(pairs.items()):
            if cnt < min_freq: continue
            t = merged_tok(a, b)
            new = {}
            for w, s in segs.items():
                out = []; i = 0
                while i < len(s):
                    if i + 1 < len(s) and s[i] == a and s[i+1] == b: out.append(t); i += 2
                    else: out.append(s[i]); i += 1
                new[w] = out
            c = {}
            for w, s in new.items():
                for x in s: c[x] = c.get(x, 0) + words[w]
            # string keys for the new token, ids for the others; merge a string key with an existing id
            cc = {}
            for k, v in c.items():
                kk = toks.index(k) if isinstance(k, str) and k in toks else k
                cc[kk] = cc.get(kk, 0) + v
            g = L(cc) - base
            if best is None or g > best[0] + 1e-9: best = (g, a, b)
        if best is None: break
        g, a, b = best
        t = merged_tok(a, b); nid = add(t)
        for w, s in segs.items():
            out = []; i = 0
            while i < len(s):
                if i + 1 < len(s) and s[i] == a and s[i+1] == b: out.append(nid); i += 2
                else: out.append(s[i]); i += 1
            segs[w] = out
        steps.append((toks[a], toks[b], t, round(g, 4)))
    sc = symcounts(segs)
    room = vocab_size - (initial + sum(1 for i in range(initial, len(toks)) if sc.get(i, 0) > 0))
    kept = []
    for i, t in enumerate(toks):
        if i < initial or sc.get(i, 0) > 0: kept.append(t)
        elif room > 0: kept.append(t); room -= 1
    return steps, kept
hugs = {"hug": 10, "pug": 5, "pun": 12, "bun": 4, "hugs": 5}
bert = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
for specials, size, min_freq in [(bert, 1000, 0), (bert, 19, 0), (bert, 21, 0), (bert, 22, 0), (bert, 1000, 6),
                                 (["[UNK]"], 14, 0)]:
    steps, kept = train(hugs, specials, size, min_freq)
    print("hugs size", size, "min", min_freq, "merges:", steps)
    print("   ", " ".join(kept[len(specials):]))
steps, kept = train({"ab": 4, "abc": 2, "bc": 1}, [], 100)
print("ab 4, abc 2, bc 1 merges:", steps)
