#!/usr/bin/env python3
"""Draws the articles of our gold set (tools/eval/gold/) from ../shared/data/news and splits them
by article into train/dev/test: international news naming two or more countries, with several
diplomatic or military words, no sport, market or company-results pages. Prints the counts and
writes split.json (id -> split) to the current directory. Deterministic (fixed seed).
With --extend N SPLIT: draws N more articles by the same criteria, none already in
tools/eval/gold/split.tsv, in the same corpus proportions, and prints "id<TAB>SPLIT" lines.
--relaxed (after SPLIT) widens the criteria once the strict candidates of a corpus are used up:
two diplomatic or military words suffice, pages may be longer, and WCEP's law-and-crime and
business pages count, so a new split still mixes the four corpora. --widest (training only)
also takes WCEP's other sections but sport and culture. --loosest (after the relaxed pools ran
dry) is --relaxed with one named country enough when the page has three diplomatic or military
words: domestic politics (a party criticising a minister) is still the field's news. --short
(after the loosest pools of WCEP and Wikinews ran dry) is --loosest with two diplomatic or military
words enough beside one country, and WCEP pages down to 40 words: a short day of a section is
still a day's news.
usage: tools/eval/select_articles.py [NEWS_DIR] | --extend N SPLIT [--relaxed|--widest|--loosest|--short] [NEWS_DIR]"""
import json, glob, random, re, collections, sys
args = sys.argv[1:]
extend = None
if args[:1] == ['--extend']:
    extend = (int(args[1]), args[2])
    args = args[3:]
widest = args[:1] == ['--widest']
short = args[:1] == ['--short']
loosest = short or args[:1] == ['--loosest']
relaxed = widest or loosest or args[:1] == ['--relaxed']
if relaxed:
    args = args[1:]
news = args[0] if args else "../shared/data/news"
random.seed(20261206)
countries = """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma Cambodia Cameroon Canada Chad Chile China Colombia Congo Croatia Cuba Cyprus Czech Denmark Ecuador Egypt Eritrea Estonia Ethiopia Finland France Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos Latvia Lebanon Liberia Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Mozambique Myanmar Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestinian Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Saudi Senegal Serbia Singapore Slovakia Somalia Soviet Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Uganda Ukraine Emirates Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Moscow Washington Beijing Tokyo Tehran Baghdad Kremlin NATO OPEC Gaza Israeli Iranian Iraqi Soviet Chinese Japanese Russian American French German British Indian Pakistani Turkish Syrian Ukrainian""".split()
verbs = r"\b(met|meet|meets|meeting|visit|visited|visits|talks|summit|sanction\w*|accus\w*|condemn\w*|attack\w*|invad\w*|agree\w*|signed|minister|president|prime minister|urged|demand\w*|criticis\w*|criticiz\w*|support\w*|supplied|supplies|allies|ally|alliance|treaty|embargo|tariff\w*|threat\w*|envoy|ambassador|diplomat\w*)\b"
cre = re.compile(r"\b(" + "|".join(countries) + r")\b")
vre = re.compile(verbs, re.I)
taken = set()
for g in glob.glob('tools/eval/*_gold.jsonl'):
    for l in open(g):
        if l.strip(): taken.add(json.loads(l)['doc'])
cands = collections.defaultdict(list)
for path in glob.glob(news + '/*/*.jsonl'):
    for line in open(path, encoding='utf-8'):
        a = json.loads(line)
        if a['id'] in taken: continue
        t = a['text']; words = len(t.split())
        corpus = a['id'].split(':')[0]
        if corpus == 'bbc-news' and not (a['id'].startswith('bbc-news:politics') or a['id'].startswith('bbc-news:business')): continue
        if corpus == 'reuters-21578' and a.get('meta', {}).get('type') != 'NORM': continue
        if corpus == 'wcep':
            sections = ('international-relations', 'armed-conflicts', 'politics-and-elections')
            if relaxed: sections += ('law-and-crime', 'business-and-economy')
            if widest: sections += ('disasters-and-accidents', 'health-and-environment', 'science-and-technology')
            if not any(k in a['id'] for k in sections): continue
            if words > (1300 if relaxed else 900): continue
        if words < (40 if short and corpus == 'wcep' else 80) or words > (1300 if corpus == 'wikinews' or relaxed else 800): continue
        cs = set(cre.findall(t)); vs = len(vre.findall(t))
        if loosest and len(cs) == 1 and vs >= (2 if short else 3): pass
        elif len(cs) < 2 or vs < (2 if corpus == 'wikinews' or relaxed else 3): continue
        if corpus == 'reuters-21578':
            topics = a.get('meta', {}).get('topics') or []
            if set(topics) & {'earn', 'acq', 'money-fx', 'interest'} and len(cs) < 4: continue
        score = len(cs) + vs / 2
        cands[corpus].append((score, a['id'], words))
quota = {'reuters-21578': 95, 'bbc-news': 70, 'wikinews': 75, 'wcep': 80}
if extend:
    n, name = extend
    split_file = 'tools/eval/gold/split.tsv'
    done = {l.split('\t')[0] for l in open(split_file) if l.strip() and not l.startswith('#')}
    random.seed('%s:%d:%d' % (name, n, len(done)))
    pools = {c: sorted(x for x in cands[c] if x[1] not in done) for c in quota}
    total = sum(q for c, q in quota.items() if pools[c])
    for c, q in quota.items():
        pool = pools[c]
        random.shuffle(pool)
        for s_, i, w in pool[:round(n * q / total)]:
            print('%s\t%s' % (i, name))
    sys.exit(0)
chosen = []
for c, q in quota.items():
    pool = sorted(cands[c], reverse=True)[:q * 3]
    random.shuffle(pool)
    for s, i, w in pool[:q]: chosen.append((i, w))
    print(c, len(cands[c]), 'pool', len(pool))
random.shuffle(chosen)
# split by article: test 70, dev 50, train rest
split = {}
for n, (i, w) in enumerate(chosen):
    split[i] = 'test' if n < 70 else ('dev' if n < 120 else 'train')
json.dump({'split': split, 'words': dict(chosen)}, open('split.json', 'w'), indent=0)
print(len(chosen), collections.Counter(split.values()), sum(w for i, w in chosen))
