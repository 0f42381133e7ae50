#!/usr/bin/python3
"""The Python half of benchmarks/embeddings-vs-gensim.

  gensim PIECES OUT.vec THREADS EPOCHS DIM WINDOW NEGATIVE MIN_COUNT [SEED [words|lines [WC.vec]]]
      trains gensim's skip-gram with negative sampling on the space-separated pieces (subsampling 1e-3,
      learning rate 0.025), writes word2vec text and prints "tokens=N wall=S cpu=S" for build_vocab + train.
      The learning rate falls linearly with the share of words trained ("words", the default: word2vec's and
      ours), or with the share of lines ("lines": what Word2Vec(sentences=...) does when given the corpus).
      WC.vec, if given, gets each word's input plus output vector ("w + c").
  score WORDNET_DIR SEED A.vec [B.vec ...]
      ROC-AUC of cosine similarity for WordNet synonym pairs against random pairs, over words that are single
      pieces of the vocabulary (all letters, no "##") and have a vector in every file, so all models are scored
      on the same pairs; raw, and centered (each model's mean vector subtracted first). Prints
      "words=W pairs=N random=M" and one "auc=<raw> centered=<centered> file=<path>" per file.
"""
import random
import sys
import time

import numpy as np


def gensim_train(pieces, out, threads, epochs, dim, window, negative, min_count, seed=1, decay="words",
                 out_wc=None):
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    sentences = list(LineSentence(pieces, max_sentence_length=1000))
    tokens = sum(len(s) for s in sentences)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    model = Word2Vec(sg=1, hs=0, negative=negative, vector_size=dim, window=window, min_count=min_count,
                     sample=1e-3, alpha=0.025, min_alpha=0.025 * 1e-4, workers=threads, epochs=epochs, seed=seed)
    model.build_vocab(sentences)
    if decay == "lines":
        # What Word2Vec(sentences=...) does: the learning rate falls with the share of lines done
        # (total_examples), which is not the share of words when lines differ in length.
        model.train(sentences, total_examples=model.corpus_count, epochs=epochs)
    else:
        # Words-based decay, as word2vec.c and our trainer: only total_words is given.
        model.train(sentences, total_words=model.corpus_total_words, epochs=epochs)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    model.wv.save_word2vec_format(out)
    if out_wc:
        # "w + c": each word's input vector plus its output vector (rows of syn1neg follow index_to_key)
        with open(out_wc, "w", encoding="utf-8") as f:
            f.write("%d %d\n" % (len(model.wv.index_to_key), dim))
            for i, word in enumerate(model.wv.index_to_key):
                v = model.wv.vectors[i] + model.syn1neg[i]
                f.write(word + " " + " ".join("%.6f" % x for x in v) + "\n")
    print("tokens=%d wall=%.3f cpu=%.3f" % (tokens, wall, cpu))


def read_vec(path):
    """word2vec text; our files escape a space as \\s, which no all-letter word contains."""
    vectors = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().split()
        dim = int(header[1])
        for line in f:
            parts = line.rstrip("\n").rstrip(" ").split(" ")
            if len(parts) != dim + 1:
                continue
            vectors[parts[0]] = np.asarray(parts[1:], dtype=np.float32)
    return vectors


def wordnet_synsets(wordnet_dir):
    """Each synset of data.noun/verb/adj/adv as a list of its one-word, lower-case lemmas."""
    for pos in ("noun", "verb", "adj", "adv"):
        with open("%s/data.%s" % (wordnet_dir, pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                fields = line.split(" ")
                count = int(fields[3], 16)
                words = []
                for i in range(count):
                    lemma = fields[4 + 2 * i].lower()
                    lemma = lemma.split("(")[0]  # adjective markers such as (a), (p)
                    if lemma.isalpha() and lemma.isascii():
                        words.append(lemma)
                yield sorted(set(words))


def auc(positive, negative):
    """P(score of a random positive > score of a random negative), ties half: the Mann-Whitney U over n*m."""
    scores = np.concatenate([positive, negative])
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n, m = len(positive), len(negative)
    return (ranks[:n].sum() - n * (n + 1) / 2) / (n * m)


def score(wordnet_dir, seed, files):
    models = [read_vec(f) for f in files]
    common = set(models[0])
    for m in models[1:]:
        common &= set(m)
    words = sorted(w for w in common if w.isalpha() and w.isascii() and not w.startswith("##"))
    eligible = set(words)
    pairs = set()
    for synset in wordnet_synsets(wordnet_dir):
        kept = [w for w in synset if w in eligible]
        for a in range(len(kept)):
            for b in range(a + 1, len(kept)):
                pairs.add((kept[a], kept[b]))
    pairs = sorted(pairs)
    rng = random.Random(seed)
    randoms = []
    while len(randoms) < 10 * len(pairs):
        a, b = rng.choice(words), rng.choice(words)
        if a != b and (min(a, b), max(a, b)) not in pairs:
            randoms.append((a, b))
    print("words=%d pairs=%d random=%d" % (len(words), len(pairs), len(randoms)))
    for path, m in zip(files, models):
        # Briefly trained skip-gram vectors share one direction (random pairs have cosines around 0.8 on a few
        # MB), which drowns what pairs share beyond it; the centered score subtracts each model's mean vector
        # (over its whole vocabulary) first, the first step of "all-but-the-top".
        mean = np.mean(np.array(list(m.values())), axis=0)
        result = []
        for shift in (np.zeros_like(mean), mean):
            def cos(a, b):
                x, y = m[a] - shift, m[b] - shift
                return float(x @ y / (np.linalg.norm(x) * np.linalg.norm(y) + 1e-12))
            pos = np.array([cos(a, b) for a, b in pairs])
            neg = np.array([cos(a, b) for a, b in randoms])
            result.append(auc(pos, neg))
        print("auc=%.4f centered=%.4f file=%s" % (result[0], result[1], path))


if __name__ == "__main__":
    if 10 <= len(sys.argv) <= 13 and sys.argv[1] == "gensim" and sys.argv[11:12] in ([], ["words"], ["lines"]):
        gensim_train(sys.argv[2], sys.argv[3], *map(int, sys.argv[4:11]), *sys.argv[11:])
    elif len(sys.argv) >= 5 and sys.argv[1] == "score":
        score(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
