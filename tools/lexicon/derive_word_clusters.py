#!/usr/bin/python3
"""Derives extract/data/word_clusters.tsv: the 30,000 most frequent lower-case words of the news
corpora, each with the number of its cluster among 1,000 clusters of words that keep the same
company. The relation model (docs/EXTRACTION.md) reads a word's cluster as a feature, so that a
verb or noun our annotations never show still shares a feature with the words used in the same
places. The clusters are as much syntactic as topical ("criticised", "condemned", "praised" and
"met" share one), and those of rare words are noisy; the model weighs them by what they predict.

usage: tools/lexicon/derive_word_clusters.py [NEWS_DIR] > extract/data/word_clusters.tsv
(NEWS_DIR defaults to ../shared/data/news). Needs numpy (Debian python3-numpy).

How: counts of each word with the 2,000 most frequent words two places either side of it, over
every article that tools/eval/gold/split.tsv does not put in dev or a test split (those are for
scoring only, their text included); positive pointwise mutual information with smoothed context
counts; the 100 leading dimensions of its singular value decomposition; k-means (k-means++ start,
fixed seed, 30 rounds) on the unit-length rows. Deterministic for one numpy and BLAS; the file
is committed, so a build never runs this.
"""
import collections
import glob
import json
import os
import re
import sys

import numpy as np

NEWS = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news"
SPLIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../eval/gold/split.tsv")
WORDS, CONTEXTS, WINDOW, DIMENSIONS, CLUSTERS, ROUNDS = 30000, 2000, 2, 100, 1000, 30
TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")

held_out = set()
for line in open(SPLIT, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        doc, split = line.rstrip("\n").split("\t")
        if split == "dev" or split.startswith("test"):
            held_out.add(doc)

sentences = []
for path in sorted(glob.glob(NEWS + "/*/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        article = json.loads(line)
        if article["id"] in held_out:
            continue
        for paragraph in re.split(r"\n\s*\n", article.get("text") or ""):
            sentences.append(TOKEN.findall(paragraph.lower()))

counts = collections.Counter(w for s in sentences for w in s)
vocabulary = [w for w, _ in counts.most_common(WORDS)]
index = {w: i for i, w in enumerate(vocabulary)}
rows, cols = [], []
for s in sentences:
    ids = [index.get(w, -1) for w in s]
    for k, w in enumerate(ids):
        if w < 0:
            continue
        for j in range(max(0, k - WINDOW), min(len(ids), k + WINDOW + 1)):
            if j != k and 0 <= ids[j] < CONTEXTS:
                rows.append(w)
                cols.append(ids[j])
pairs = np.bincount(np.asarray(rows, dtype=np.int64) * CONTEXTS + np.asarray(cols, dtype=np.int64),
                    minlength=len(vocabulary) * CONTEXTS).reshape(len(vocabulary), CONTEXTS).astype(np.float64)

total = pairs.sum()
word_p = pairs.sum(axis=1, keepdims=True) / total
context = pairs.sum(axis=0, keepdims=True) ** 0.75
context_p = context / context.sum()
seen = pairs > 0
ppmi = np.zeros(pairs.shape, dtype=np.float32)
ppmi[seen] = np.maximum(np.log((pairs / total / np.maximum(word_p, 1e-30) / context_p)[seen]), 0)

u, singular, _ = np.linalg.svd(ppmi, full_matrices=False)
vectors = u[:, :DIMENSIONS] * np.sqrt(singular[:DIMENSIONS])
vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

rng = np.random.RandomState(16)
centres = [vectors[rng.randint(len(vectors))]]
nearest = np.full(len(vectors), np.inf)
for _ in range(1, CLUSTERS):
    nearest = np.minimum(nearest, ((vectors - centres[-1]) ** 2).sum(axis=1))
    centres.append(vectors[rng.choice(len(vectors), p=nearest / nearest.sum())])
centres = np.asarray(centres)
for _ in range(ROUNDS):
    assignment = np.argmax(vectors @ centres.T, axis=1)
    for c in range(CLUSTERS):
        members = vectors[assignment == c]
        if len(members):
            centres[c] = members.mean(axis=0)
            centres[c] /= max(np.linalg.norm(centres[c]), 1e-9)
assignment = np.argmax(vectors @ centres.T, axis=1)

print("# geokg word clusters, derived by tools/lexicon/derive_word_clusters.py from the news corpora of")
print("# ../shared/data/news (dev and test articles left out). WORD<TAB>CLUSTER; words are lower case.")
for word in sorted(vocabulary):
    print("%s\t%d" % (word, assignment[index[word]]))
