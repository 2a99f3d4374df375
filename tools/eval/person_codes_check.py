#!/usr/bin/env python3
"""Compares the CAMEO codes extraction gives each person, article by article (the role of the
article's day), with the one code the store keeps for them (the first stored: docs/STORE.md).
Prints how many people have a code, how many get more than one across their articles, and for
how many the stored code is not the code of their latest article (those people listed, with
their codes counted) or not their most frequent one.

Usage: tools/eval/person_codes_check.py EXTRACT_JSONL GEOKG_BINARY STORE, where EXTRACT_JSONL is
`geokg extract` of the articles ingested into STORE, in the same order.
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile


def main():
    extracted, geokg, store = sys.argv[1:4]
    mentions = collections.defaultdict(list)  # person -> [(article date, code)], input order
    for line in open(extracted, encoding="utf-8"):
        t = json.loads(line)
        if "document" in t:
            continue
        for end in (t["subject"], t["object"]):
            if end.get("type") == "person":
                mentions[end["name"]].append((t.get("date") or "", end.get("code") or ""))
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([geokg, "export", "--db", store, "--format", "csv", "-o", out], check=True)
        stored = {r["name"]: r.get("code", "") for r in csv.DictReader(open(os.path.join(out, "nodes.csv"), encoding="utf-8"))
                  if r["type"] == "person"}
    coded = first = several = not_most = 0
    not_latest = []
    for name, ms in mentions.items():
        codes = [c for _, c in ms if c]
        if not codes or name not in stored:
            continue
        coded += 1
        first += stored[name] == codes[0]
        if len(set(codes)) > 1:
            several += 1
            latest = max((d, c) for d, c in ms if c)[1]
            counts = collections.Counter(codes)
            not_most += counts[stored[name]] < max(counts.values())
            if stored[name] != latest:
                not_latest.append((name, stored[name], latest, sorted(collections.Counter(codes).items())))
    print("people with a code: %d; stored code = their first in input order: %d; more than one code across "
          "their articles: %d; stored code not their latest article's: %d, not their most frequent: %d"
          % (coded, first, several, len(not_latest), not_most))
    for name, kept, latest, counted in sorted(not_latest):
        print("    %s: stored %s, latest %s, %s" % (name, kept, latest, ", ".join("%s x%d" % c for c in counted)))


if __name__ == "__main__":
    main()
