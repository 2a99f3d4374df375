#!/usr/bin/env python3
"""Derives extract/data/cameo_verbs.tsv from PETRARCH2's CAMEO verb dictionary.

usage: derive_cameo_verbs.py [CAMEO.2.0.txt] > extract/data/cameo_verbs.tsv

Each line of the output is a verb lemma (lower case) and the CAMEO root code (two digits) its
verb block or its own entry gives it. The relation model (docs/EXTRACTION.md) reads the root as a
feature, so that a verb our annotations never show still looks like the verbs of its CAMEO class.
Only single-word verbs are kept; blocks and verbs without a code ([---]) are skipped.
The source is MIT-licensed (Copyright (c) 2014 Open Event Data; see NOTICE).
"""
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch-dictionaries/CAMEO.2.0.txt"
block_code = None
codes = {}
for line in open(path, encoding="utf-8", errors="replace"):
    line = line.split("#", 1)[0].rstrip()
    header = re.match(r"^---\s+\S+\s+\[([^\]]*)\]\s+---", line)
    if header:
        code = header.group(1).split(":")[0]
        block_code = code if re.fullmatch(r"\d{3,4}", code) else None
        continue
    if not line or line[0] in "-+&" or not line[0].isalpha():
        continue
    m = re.match(r"^([A-Z][A-Z'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line)
    if not m:
        continue
    own = (m.group(4) or "").split(":")[0]
    code = own if re.fullmatch(r"\d{3,4}", own) else block_code
    if code is None:
        continue
    lemma = m.group(1).lower()
    codes.setdefault(lemma, code[:2])
print("# verb lemma<TAB>CAMEO root code. Derived by tools/lexicon/derive_cameo_verbs.py from")
print("# PETRARCH2's CAMEO.2.0.txt (MIT, Copyright (c) 2014 Open Event Data; see NOTICE).")
for lemma in sorted(codes):
    print(f"{lemma}\t{codes[lemma]}")
