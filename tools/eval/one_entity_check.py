#!/usr/bin/env python3
"""Checks that one actor is one entity in a store: exports its nodes and lists entities of one
type whose names are equal once folded (case, diacritics, apostrophes, hyphens) -- they should
have been merged -- and people whose name is another's with words in front ("Sir Geoffrey
Howe" / "Geoffrey Howe"), which are worth a look.

Usage: tools/eval/one_entity_check.py GEOKG_BINARY STORE (docs/LEXICON.md shows a run).
"""
import collections
import csv
import os
import re
import subprocess
import sys
import tempfile
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"['\u2019]", "", s).replace("-", " ").split())


def main():
    geokg, store = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([geokg, "export", "--db", store, "--format", "csv", "-o", out], check=True)
        rows = list(csv.DictReader(open(os.path.join(out, "nodes.csv"), encoding="utf-8")))
    by_key = collections.defaultdict(list)
    for r in rows:
        by_key[(r["type"], fold(r["name"]))].append(r["name"])
    same = [sorted(v) for v in by_key.values() if len(v) > 1]
    print("entities: %d; one folded name, several entities: %d" % (len(rows), len(same)))
    for v in same:
        print("   ", " | ".join(v))
    people = {r["name"]: fold(r["name"]).split() for r in rows if r["type"] == "person"}
    longer = [(a, b) for a, fa in people.items() for b, fb in people.items()
              if len(fa) >= 2 and len(fb) > len(fa) and fb[-len(fa):] == fa]
    print("people whose name ends another person's name: %d" % len(longer))
    for a, b in sorted(longer):
        print("   ", a, "|", b)


if __name__ == "__main__":
    main()
