#!/usr/bin/env python3
"""Sorts the required gold triples of a split by what the system did with them: found; missed with
the pair in the output under another relation; both names in the output but never as a pair; one
name in the output; neither. Names are compared as ../shared/tools/score_triples.py compares them
(a system entity's aliases count). Counts a category per relation, so that a session can see
whether recall is lost to parties never found or to pairs not related.
Usage: tools/eval/miss_categories.py GOLD.jsonl SYSTEM.jsonl
  GOLD: tools/eval/gold/SPLIT.jsonl (or several concatenated); SYSTEM: `geokg extract` output on
  the same articles (tools/eval/score_split.sh writes it to $KEEP_OUTPUT when that is set)."""
import collections
import json
import os
import sys

scorer = os.path.join(os.path.dirname(__file__), "../../../shared/tools")
if not os.path.exists(os.path.join(scorer, "score_triples.py")):
    sys.exit("miss_categories: skipped: ../shared/tools/score_triples.py is absent")
sys.path.insert(0, scorer)
from score_triples import SYMMETRIC, norm  # noqa: E402

if len(sys.argv) != 3:
    sys.exit(__doc__)
gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
system = [t for t in (json.loads(l) for l in open(sys.argv[2]) if l.strip()) if "subject" in t]

names = collections.defaultdict(set)   # doc -> every name and alias the output gives an entity
pairs = collections.defaultdict(set)   # doc -> (name, name) of every triple, both ways
triples = collections.defaultdict(set)  # doc -> (subject, relation, object) as scored
for t in system:
    s = {norm(t["subject"]["name"])} | {norm(a) for a in t["subject"].get("aliases") or []}
    o = {norm(t["object"]["name"])} | {norm(a) for a in t["object"].get("aliases") or []}
    names[t["doc"]] |= s | o
    pairs[t["doc"]] |= {(a, b) for a in s for b in o} | {(b, a) for a in s for b in o}
    triples[t["doc"]].add((norm(t["subject"]["name"]), t["relation"], norm(t["object"]["name"])))

counts = collections.Counter()
by_relation = collections.defaultdict(collections.Counter)
for g in gold:
    if g.get("docs_only") or g["optional"]:
        continue
    doc, r = g["doc"], g["r"]
    gs, go = {norm(x) for x in g["s"]}, {norm(x) for x in g["o"]}
    found = any((s, r, o) in triples[doc] or (r in SYMMETRIC and (o, r, s) in triples[doc]) for s in gs for o in go)
    if found:
        category = "found"
    elif any((s, o) in pairs[doc] for s in gs for o in go):
        category = "the pair in the output under another relation"
    elif gs & names[doc] and go & names[doc]:
        category = "both names in the output, never as a pair"
    elif gs & names[doc] or go & names[doc]:
        category = "one name in the output"
    else:
        category = "neither name in the output"
    counts[category] += 1
    by_relation[category][r] += 1
for category, n in counts.most_common():
    top = ", ".join(f"{r} {k}" for r, k in by_relation[category].most_common(8))
    print(f"{n:6d}  {category}: {top}")
