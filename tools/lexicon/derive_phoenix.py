#!/usr/bin/env python3
"""Derives geokg's actor lexicon extract/data/phoenix.tsv from the Phoenix actor dictionaries of
PETRARCH2 (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt): the people with their
names, their multi-word synonyms and their dated CAMEO roles (`role=USAGOV from=... until=...`).

Usage: tools/lexicon/derive_phoenix.py [DICTIONARY_DIR] > extract/data/phoenix.tsv
(DICTIONARY_DIR defaults to ../shared/data/petrarch-dictionaries). Standard library only.

What it fixes and leaves out, and why (docs/LEXICON.md):
- Soviet-era roles are coded RUS in the dictionaries: a role that ends before 1991-12-26 is USR
  (the Soviet Union), one that spans that day is split there.
- Records broken by a line without `+` (Gorbachev's): a line with no code that shares a name word
  with the open record, before that record has any role, is one more synonym of it.
- Only names of two words or more that look like a person's are kept; single surnames and
  descriptions ("PRESIDENT_GORBACHEV", "SOVIET_LEADER_...") are not, so that common words and
  other people's surnames do not match.
- A person our own lexicon (extract/data/gazetteer.tsv) already knows, under its name or an
  alias (compared without case, accents or punctuation), keeps our canonical name.
- Roles whose country code our lexicon does not know are dropped; so are people left without one.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOVIET_END = "1991-12-25"
# CAMEO country codes that are not our lexicon's ISO codes.
CAMEO_COUNTRIES = {"USR": "Soviet Union"}

HONORIFICS = {"SIR", "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "MS", "GEN", "GEN.", "COL", "COL.", "LT",
              "MAJ", "ACTING", "DAME", "LORD", "PROF", "PROF.", "GOV", "GOV.", "SEN", "SEN.", "REP", "REP.", "ADM", "CAPT"}
# Words that make a phrase a description or an office rather than a name.
NOT_NAME = {"MINISTER", "MINISTRY", "PRESIDENT", "LEADER", "FORMER", "EX", "SECRETARY", "CHANCELLOR",
            "KANZLER", "BUNDESKANZLER", "ADMINISTRATION", "GOVERNMENT", "SPOKESMAN", "AMBASSADOR",
            "KING", "QUEEN", "PRINCE", "PRINCESS", "EMIR", "SULTAN", "PREMIER", "CHAIRMAN", "GENERAL",
            "CHIEF", "HEAD", "OFFICIAL", "PARTY", "REGIME", "GOVERNOR", "MAYOR", "SENATOR", "DEPUTY",
            "VICE", "AYATOLLAH", "SHEIKH", "SHEIK", "PRIME", "FOREIGN", "DEFENSE", "DEFENCE", "SOVIET",
            "RUSSIAN", "AMERICAN", "TEAM", "CAMP", "FAMILY", "SUPPORTERS", "FORCES", "ARMY", "THE", "OF"}
PARTICLES = {"BIN", "BEN", "DE", "DA", "VAN", "VON", "DER", "DI", "DU", "LA", "LE", "AL", "DOS", "IBN", "DEL",
             "Y", "E", "EL"}


def fold(name):
    """Lower case, no accents, no punctuation: the key that finds one person under two spellings."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", s.replace("'", "")).split())


def words(phrase):
    return [w for w in phrase.split("_") if w]


def person_name(phrase):
    """'MIKHAIL_S._GORBACHEV_' -> 'Mikhail S. Gorbachev', or None when it is no person's full name."""
    ws = words(phrase)
    while ws and ws[0] in HONORIFICS:
        ws = ws[1:]
    if len(ws) < 2 or any(w.strip(".") in NOT_NAME or "-" in w and w.split("-")[0] == "EX" for w in ws):
        return None
    if not all(re.fullmatch(r"[A-Z][A-Z'.\-]*", w) for w in ws):
        return None
    if sum(1 for w in ws if len(w.strip(".")) > 1) < 2:  # "J._SMITH": one real word
        return None
    out = []
    for i, w in enumerate(ws):
        if i > 0 and w in PARTICLES:
            out.append(w.lower())
            continue
        # Capitals after a hyphen or apostrophe too: "Al-Assad", "O'Neill"; and after "Mc": "McCartney".
        w = re.sub(r"(^|[-'])([A-Z])([A-Z.]*)", lambda m: m.group(1) + m.group(2) + m.group(3).lower(), w)
        out.append(re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), w))
    return " ".join(out)


def parse_day(s, last):
    """'850311' or '19850311' as 'YYYY-MM-DD'; two-digit years 00-30 are 20YY."""
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return "%04d-%02d-%02d" % (y, m, d)


def parse_role(text):
    """'[RUSGOV 850311-910824]' -> ('RUSGOV', from, until); from/until '' when open."""
    m = re.match(r"\[\s*([A-Z]+)\s*([^\]]*)\]", text.strip())
    if not m:
        return None
    code, span = m.group(1), m.group(2).strip()
    if not span:
        return code, "", ""
    if span.startswith("<"):
        return code, "", parse_day(span[1:], True) or ""
    if span.startswith(">"):
        return code, parse_day(span[1:], False) or "", ""
    if "-" in span:
        a, b = span.split("-", 1)
        fa, ub = parse_day(a.strip(), False), parse_day(b.strip(), True)
        if fa and ub and fa <= ub:
            return code, fa, ub
    return None


def read_records(path):
    """Yields [primary, code, synonyms, roles, is_person] per record, mending broken records."""
    records = []
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("\t") or line.startswith("    "):
            role = parse_role(line.split("#")[0])
            if role and records:
                records[-1]["roles"].append(role)
            continue
        body, _, comment = line.partition("#")
        body = body.split(";")[0].strip()
        if body.startswith("+"):
            if records:
                records[-1]["synonyms"].append(body[1:].strip())
            continue
        m = re.match(r"([^\s\[]+)\s*(?:\[([^\]]*)\])?", body)
        if not m:
            continue
        phrase, code = m.group(1), (m.group(2) or "").strip()
        last = records[-1] if records else None
        if last and not code and not last["roles"] and not last["code"]:
            known = {w for p in [last["primary"]] + last["synonyms"] for w in words(p) if len(w) > 3}
            if known & set(words(phrase)):
                last["synonyms"].append(phrase)
                continue
        records.append({"primary": phrase, "code": code, "synonyms": [], "roles": [],
                        "person": "CountryInfo" in comment or "CountryInfo" in line})
    return records


def fix_soviet(roles):
    out = []
    for code, f, u in roles:
        if code.startswith("RUS") and f and f <= SOVIET_END:
            if u and u <= SOVIET_END:
                out.append(("USR" + code[3:], f, u))
                continue
            out.append(("USR" + code[3:], f, SOVIET_END))
            out.append((code, "1991-12-26", u))
            continue
        out.append((code, f, u))
    return out


def our_lexicon():
    """Country codes -> names, and folded person names and aliases -> canonical name."""
    codes, canonical, aliases = dict(CAMEO_COUNTRIES), {}, {}
    for line in open(os.path.join(ROOT, "extract/data/gazetteer.tsv"), encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2 or line.startswith("#"):
            continue
        kv = dict(f.split("=", 1) for f in fields[2:] if "=" in f)
        if fields[0] == "country" and "code" in kv:
            codes.setdefault(kv["code"], fields[1])
        if fields[0] == "person":
            canonical[fold(fields[1])] = fields[1]
            for name in kv.get("alias", "").split("|"):
                if len(name.split()) >= 2:
                    aliases.setdefault(fold(name), set()).add(fields[1])
    # An alias two people share ("George Bush") names neither for certain.
    people = {k: next(iter(v)) for k, v in aliases.items() if len(v) == 1}
    people.update(canonical)
    return codes, canonical, people


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "petrarch-dictionaries")
    codes, canonical, ours = our_lexicon()
    out = sys.stdout
    out.write("# geokg actor lexicon derived from the Phoenix dictionaries of PETRARCH2 by\n"
              "# tools/lexicon/derive_phoenix.py; licences and credits: NOTICE (MIT and CC BY-SA 3.0;\n"
              "# this file is under CC BY-SA 3.0). Format: docs/LEXICON.md.\n")
    seen = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for rec in read_records(os.path.join(src, name)):
            if not rec["person"]:
                continue
            names = []
            for phrase in [rec["primary"]] + rec["synonyms"]:
                n = person_name(phrase)
                if n and n not in names:
                    names.append(n)
            roles = [r for r in fix_soviet(rec["roles"]) if r[0][:3] in codes]
            if not names or not roles:
                continue
            # Our canonical name when one of the names is one, else our alias's person.
            name = next((canonical[fold(n)] for n in names if fold(n) in canonical),
                        next((ours[fold(n)] for n in names if fold(n) in ours), names[0]))
            key = fold(name)
            if key in seen and seen[key] != name:
                continue
            seen[key] = name
            aliases = [n for n in names if n != name]
            first = "person\t" + name
            if aliases:
                first += "\talias=" + "|".join(aliases)
            for i, (code, f, u) in enumerate(sorted(set(roles), key=lambda r: (r[1], r[2], r[0]))):
                line = (first if i == 0 else "person\t" + name) + "\trole=" + code
                if f:
                    line += "\tfrom=" + f
                if u:
                    line += "\tuntil=" + u
                out.write(line + "\n")


if __name__ == "__main__":
    main()
