#!/usr/bin/env python3
"""Event-cluster quality: pairwise precision, recall and F1 of `wirecheck audit` against gold
events, with a TF-IDF + average-link baseline scored in the same run.

    python3 benches/quality/clusters.py prepare DATA [--ecbplus DIR] [--basil GITDIR] [--reuters FILE]
                                                [--news-cluster GITDIR]
    python3 benches/quality/clusters.py eval DATA [--wirecheck BIN] [--baseline-threshold T]
    python3 benches/quality/clusters.py stress DATA [--wirecheck BIN] [--baseline-threshold T]
    python3 benches/quality/clusters.py dominant DATA [--wirecheck BIN] [--baseline-threshold T]

`prepare` converts the public corpora into DATA/<set>/articles.jsonl + gold.tsv (id, event);
`eval` scores every set found in DATA. `stress` scores the labelled sets again with text real
news carries that is no event of theirs: an outlet's footer under three in ten articles, and
digests that each hold two paragraphs of five articles of five events (scored on the original
articles only), and the undated articles given the date their page prints at its head (see
`header_date`). `dominant` scores small inputs where one story is most of the news: for
each of ECB+'s 12 largest topics, its articles and one and a half times as many articles of
other topics (50 at least), so the topic is two fifths of the input; pairwise figures pooled
over the 12 runs. Corpora are never committed (see README.md).
"""
import argparse
import collections
import html
import itertools
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "n't", ")", "]", "%", "''", "'"}


def detok(tokens):
    out = ""
    for t in tokens:
        if not out or t in NO_SPACE_BEFORE or out.endswith(("(", "[", "$", "``")):
            out += t
        else:
            out += " " + t
    return out.replace("``", "\"").replace("''", "\"")


def write_set(out_dir, rows, quiet=False):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "articles.jsonl"), "w") as f, open(
        os.path.join(out_dir, "gold.tsv"), "w"
    ) as g:
        for r in rows:
            art = {k: r[k] for k in ("id", "title", "date", "text") if r.get(k)}
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
            g.write(f"{r['id']}\t{r['event']}\n")
    if not quiet:
        print(f"{out_dir}: {len(rows)} articles, {len(set(r['event'] for r in rows))} events")


def prepare_ecbplus(src, out):
    rows = []
    for topic in sorted(os.listdir(src), key=lambda t: int(t) if t.isdigit() else 0):
        tdir = os.path.join(src, topic)
        if not os.path.isdir(tdir):
            continue
        for name in sorted(os.listdir(tdir)):
            m = re.match(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$", name)
            if not m:
                continue
            root = ET.parse(os.path.join(tdir, name)).getroot()
            sentences = collections.OrderedDict()
            for tok in root.iter("token"):
                sentences.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
            text = "\n\n".join(detok(s) for s in sentences.values())
            rows.append({"id": name[:-4], "text": text, "event": f"{m.group(1)}{m.group(3)}"})
    write_set(os.path.join(out, "ecbplus"), rows)


def prepare_basil(gitdir, out):
    files = subprocess.run(
        ["git", "-C", gitdir, "ls-tree", "-r", "--name-only", "HEAD", "articles"],
        capture_output=True, text=True, check=True).stdout.split()
    rows = []
    for path in sorted(files):
        art = json.loads(subprocess.run(["git", "-C", gitdir, "show", f"HEAD:{path}"],
                                        capture_output=True, text=True, check=True).stdout)
        paras = [" ".join(p) if isinstance(p, list) else p for p in art.get("body-paragraphs", [])]
        base = os.path.basename(path)[:-5]
        rows.append({"id": base, "title": art.get("title"), "date": art.get("date"),
                     "text": "\n\n".join(paras), "event": art["triplet-uuid"]})
    write_set(os.path.join(out, "basil"), rows)


def prepare_news_cluster(gitdir, out):
    """Giveme5W1H's `news_cluster` set (repository fhamborg/Giveme5W1H): 383 web articles of
    69 events of 2012-2018 from many outlets, as scraped (headline and byline lines included),
    each with its publication date and Google News event id."""
    folder = "Giveme5W1H/examples/datasets/news_cluster/data"
    files = subprocess.run(["git", "-C", gitdir, "ls-tree", "-r", "--name-only", "HEAD", folder],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    rows = []
    for path in sorted(f for f in files if f.endswith(".json")):
        art = json.loads(subprocess.run(["git", "-C", gitdir, "show", f"HEAD:{path}"],
                                        capture_output=True, text=True, check=True).stdout)
        if not (art.get("text") or "").strip():
            continue
        date = (art.get("date_publish") or "")[:10] or None
        rows.append({"id": art["dId"][:12], "title": art.get("title"), "date": date,
                     "text": art["text"], "event": str(art["newsCluster"]["EventId"])})
    write_set(os.path.join(out, "news_cluster"), rows)


REUTERS_MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}


def iso(reuters_date):
    m = re.match(r"\s*(\d+)-([A-Z]{3})-(\d{4}) (\d\d):(\d\d)", reuters_date or "")
    if not m:
        return None
    return f"{m.group(3)}-{REUTERS_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}T{m.group(4)}:{m.group(5)}"


def prepare_reuters(path, out, labels):
    """The whole archive (ISO dates) for the audit figures, and the hand-labelled subset."""
    os.makedirs(os.path.join(out, "reuters-all"), exist_ok=True)
    stories = {}
    with open(path) as f, open(os.path.join(out, "reuters-all", "articles.jsonl"), "w") as w:
        for line in f:
            r = json.loads(line)
            r["date"] = iso(r.get("date"))
            art = {k: r[k] for k in ("id", "title", "date", "text") if r.get(k)}
            w.write(json.dumps(art) + "\n")
            stories[str(r["id"])] = art
    print(f"{out}/reuters-all: {len(stories)} stories")
    if labels and os.path.exists(labels):
        rows = []
        for line in open(labels):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            sid, event = line.split()[:2]
            rows.append(dict(stories[sid], event=event))
        write_set(os.path.join(out, "reuters-labelled"), rows)


def read_gold(d):
    return dict(l.rstrip("\n").split("\t") for l in open(os.path.join(d, "gold.tsv")))


def pair_counts(pred, gold):
    """True positive, false positive and false negative pairs: pred and gold map id ->
    cluster label."""
    def pairs(labels):
        groups = collections.defaultdict(list)
        for k, v in labels.items():
            groups[v].append(k)
        return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}
    p, g = pairs(pred), pairs(gold)
    return len(p & g), len(p - g), len(g - p)


def scores(tp, fp, fn):
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def pairwise(pred, gold):
    """Pairwise P/R/F1 over all articles: pred and gold map id -> cluster label."""
    return scores(*pair_counts(pred, gold))


def run_wirecheck(binary, d, config=None):
    t = time.time()
    extra = ["--config", config] if config else []
    out = subprocess.run([binary, "audit", "--format", "json", "--fail-on", "never", *extra,
                          os.path.join(d, "articles.jsonl")], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    report = json.loads(out.stdout)
    pred = {}
    for c in report["clusters"]:
        for doc in c["documents"]:
            pred[doc.rsplit("#", 1)[1]] = c["id"]
    return pred, time.time() - t, report


def baseline(d, threshold):
    """TF-IDF (scikit-learn defaults, English stop words) + average-link, cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    arts = [json.loads(l) for l in open(os.path.join(d, "articles.jsonl"))]
    docs = [(a.get("title") or "") + "\n" + a["text"] for a in arts]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=1 - threshold).fit_predict(x)
    return {str(a["id"]): int(l) for a, l in zip(arts, labels)}


def evaluate(args):
    print(f"{'set':18} {'system':28} {'P':>6} {'R':>6} {'F1':>6} {'clusters':>8} {'time':>7}")
    for name in sorted(os.listdir(args.data)):
        d = os.path.join(args.data, name)
        if not os.path.exists(os.path.join(d, "gold.tsv")):
            continue
        gold = read_gold(d)
        pred, secs, _ = run_wirecheck(args.wirecheck, d, args.config)
        pred = {k: v for k, v in pred.items() if k in gold}
        p, r, f = pairwise(pred, gold)
        system = "wirecheck (--config)" if args.config else "wirecheck (defaults)"
        print(f"{name:18} {system:28} {p:6.3f} {r:6.3f} {f:6.3f} "
              f"{len(set(pred.values())):8} {secs:6.1f}s")
        if name == "reuters-labelled" and os.path.exists(
                os.path.join(args.data, "reuters-all", "articles.jsonl")):
            in_archive(args, gold)
        if len(gold) <= 5000:
            for thr in args.baseline_threshold:
                t = time.time()
                base = baseline(d, thr)
                p, r, f = pairwise(base, gold)
                print(f"{name:18} {'tfidf+avg-link t=' + str(thr):28} {p:6.3f} {r:6.3f} {f:6.3f} "
                      f"{len(set(base.values())):8} {time.time() - t:6.1f}s")


def in_archive(args, gold):
    """The labelled stories scored inside a run over the whole archive (the IDF, the
    neighbours and the clusters of a real run), with the archive's largest clusters and the
    labelled pairs joined across days."""
    pred, secs, report = run_wirecheck(args.wirecheck, os.path.join(args.data, "reuters-all"),
                                       args.config)
    labelled = {k: v for k, v in pred.items() if k in gold}
    p, r, f = pairwise(labelled, gold)
    print(f"{'reuters-labelled':18} {'wirecheck, whole archive':28} {p:6.3f} {r:6.3f} {f:6.3f} "
          f"{len(set(labelled.values())):8} {secs:6.1f}s")
    dates = {d["path"].rsplit("#", 1)[1]: (d.get("date") or "")[:10] for d in report["documents"]}
    groups = collections.defaultdict(list)
    for k, v in labelled.items():
        groups[v].append(k)
    # Undated stories (none in the labelled set) count on neither side.
    false_days = [(a, b) for g in groups.values() for a, b in itertools.combinations(sorted(g), 2)
                  if gold[a] != gold[b] and dates[a] and dates[b] and dates[a] != dates[b]]
    false_same_day = sum(1 for g in groups.values() for a, b in itertools.combinations(g, 2)
                         if gold[a] != gold[b] and dates[a] and dates[a] == dates[b])
    print(f"{'':18} labelled pairs joined, other events: {len(false_days)} across days, "
          f"{false_same_day} on one day")
    for a, b in false_days[:10]:
        print(f"{'':18}   {a} ({dates[a]}, {gold[a]}) ~ {b} ({dates[b]}, {gold[b]})")
    known_editions(report)
    boilerplate_links(os.path.join(args.data, "reuters-all", "articles.jsonl"), report)
    sizes = sorted(((len(c["documents"]), c) for c in report["clusters"]),
                   key=lambda x: -x[0])[:5]
    for size, c in sizes:
        ds = sorted(dates[d.rsplit("#", 1)[1]] for d in c["documents"])
        print(f"{'':18} archive cluster of {size}: {ds[0]}..{ds[-1]}")


EDITIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reuters_editions.txt")


def known_editions(report):
    """The hand-read pairs of `reuters_editions.txt` (editions of a recurring report dated on
    different days) still in one cluster of the whole-archive run."""
    cluster = {d.rsplit("#", 1)[1]: c["id"] for c in report["clusters"] for d in c["documents"]}
    pairs = []
    with open(EDITIONS, encoding="utf-8") as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            if len(fields) == 2:
                pairs.append((fields[0], fields[1], line.split("#", 1)[1].strip()))
    joined = [p for p in pairs if p[0] in cluster and cluster.get(p[0]) == cluster.get(p[1])]
    print(f"{'':18} hand-read editions of other days (reuters_editions.txt): "
          f"{len(joined)} of {len(pairs)} pairs joined")
    for a, b, why in joined:
        print(f"{'':18}   {a} ~ {b}: {why}")


BOILERPLATE_STORIES = 10
GENERIC_SHARE = 0.05


def boilerplate_links(articles, report):
    """Links (copies and content links) whose articles share nothing but boilerplate.

    Independent of wirecheck's own evidence: a sentence (lower-cased, spacing collapsed)
    found in at least BOILERPLATE_STORIES stories of the archive is boilerplate and removed;
    what is left of the two stories must share an informative token: a word of three letters
    or more, not an English stop word, or a figure, in at most GENERIC_SHARE of the stories.
    A story re-run ten times or more loses its own sentences as boilerplate; such re-runs are
    copies, which wirecheck joins before it compares content.
    Links sharing none are counted and shown; links sharing one are shown to be read."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    stories = {}
    with open(articles, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for a in rows:
        text = ((a.get("title") or "") + "\n" + (a.get("text") or "")).lower()
        sentences = [" ".join(x.split()) for x in re.split(r"(?<=[.!?])\s+|\n+", text)]
        stories[str(a["id"])] = [x for x in sentences if x]
    sentence_df = collections.Counter(x for ss in stories.values() for x in set(ss))
    tokens = {}
    for sid, ss in stories.items():
        kept = " ".join(x for x in ss if sentence_df[x] < BOILERPLATE_STORIES)
        tokens[sid] = set(re.findall(r"[a-z]{3,}|\d[\d.,]*\d|\d", kept)) - ENGLISH_STOP_WORDS
    token_df = collections.Counter(t for ts in tokens.values() for t in ts)
    # Common figures ("1", "1987") are as generic as common words.
    generic = {t for t, n in token_df.items() if n > GENERIC_SHARE * len(tokens)}
    links = [(e["a"].rsplit("#", 1)[1], e["b"].rsplit("#", 1)[1], e["kind"])
             for c in report["clusters"] for e in c.get("evidence", [])]
    shared = [(a, b, kind, sorted((tokens.get(a, set()) & tokens.get(b, set())) - generic))
              for a, b, kind in links]
    none = [x for x in shared if not x[3]]
    one = [x for x in shared if len(x[3]) == 1]
    print(f"{'':18} links sharing nothing but boilerplate: {len(none)} of {len(links)} "
          f"(one informative token: {len(one)})")
    for a, b, kind, common in (none + one)[:12]:
        print(f"{'':18}   {kind} {a} ~ {b}: {' '.join(common) or '-'}")


# Outlet footers for `stress`: invented outlets, worded so that no cleaning pattern knows them.
FOOTERS = [
    "The Eastbury Courier has served the valley since 1921 and is owned by a trust of its "
    "readers. Tips, letters and corrections reach the newsroom at the address printed on page two.",
    "Our correspondents in forty countries file for this service around the clock. Their reports "
    "are checked by two editors before they reach you, whatever the hour.",
    "Harbour Media Group publishes eleven regional titles and reaches two million readers a week. "
    "None of its reporting may be reproduced without the written consent of the group.",
]


MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


def valid_date(y, m, d):
    import datetime
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def header_date(text):
    """The publication date a page prints at its head (the first 500 characters): a date in
    its address ("/ 2013 / 09 / 18 /", "2013 - 09 - 18") or a date line ("September 18th,
    2013", "18 September 2013"), as ISO; None when it prints none. 385 of ECB+'s 502 `ecbplus`
    pages carry one; 5 of its 480 `ecb` articles name a full date in their first lines."""
    head = text[:500]
    for m in re.finditer(r"/ (20\d\d) - (\d\d) - (\d\d) /|/ (20\d\d) / (\d\d) / (\d\d) /", head):
        date = valid_date(*[g for g in m.groups() if g])
        if date:
            return date
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]+),? (20\d\d)\b", head):
        if m.group(2).lower() in MONTHS:
            date = valid_date(m.group(3), MONTHS[m.group(2).lower()], m.group(1))
            if date:
                return date
    for m in re.finditer(r"\b([A-Z][a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (20\d\d)\b", head):
        if m.group(1).lower() in MONTHS:
            date = valid_date(m.group(3), MONTHS[m.group(1).lower()], m.group(2))
            if date:
                return date
    return None


def stressed_sets(d, out, rng):
    """DATA/<set> as four variants under `out`: as is, with footers, with digests, and with
    the dates the pages print at their heads given to the undated articles (general news
    dated as a reader of the page would date it; one event's pages may span days or weeks)."""
    arts = [json.loads(l) for l in open(os.path.join(d, "articles.jsonl"))]
    gold = read_gold(d)
    variants = {"as is": arts}
    footed = []
    for a in arts:
        a = dict(a)
        if rng.random() < 0.3:
            a["text"] = a["text"].rstrip() + "\n\n" + rng.choice(FOOTERS) + "\n"
        footed.append(a)
    variants["footers"] = footed
    by_event = collections.defaultdict(list)
    for a in arts:
        by_event[gold[str(a["id"])]].append(a)
    events = sorted(by_event)
    digests = []
    for k in range(max(5, len(arts) // 33)):
        parts = []
        for e in rng.sample(events, min(5, len(events))):
            a = rng.choice(by_event[e])
            paras = [p for p in a["text"].split("\n\n")
                     if len(p.split()) > 12 and not p.startswith("http")]
            if paras:
                parts.append("\n\n".join(paras[:2]))
        digests.append({"id": f"digest{k}", "text": "Today's briefing\n\n" + "\n\n".join(parts)})
    variants["digests"] = arts + digests
    dated = []
    for a in arts:
        a = dict(a)
        if not a.get("date"):
            date = header_date(a["text"])
            if date:
                a["date"] = date
        dated.append(a)
    variants["dated"] = dated
    dirs = {}
    for name, rows in variants.items():
        vd = os.path.join(out, name.replace(" ", "_"))
        os.makedirs(vd, exist_ok=True)
        with open(os.path.join(vd, "articles.jsonl"), "w") as f:
            for a in rows:
                f.write(json.dumps(a) + "\n")
        with open(os.path.join(vd, "gold.tsv"), "w") as f:
            for k, v in gold.items():
                f.write(f"{k}\t{v}\n")
        dirs[name] = vd
    return dirs


def stress(args):
    import random
    import tempfile
    print(f"{'set':10} {'variant':9} {'system':28} {'P':>6} {'R':>6} {'F1':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("ecbplus", "basil"):
            d = os.path.join(args.data, name)
            if not os.path.exists(os.path.join(d, "gold.tsv")):
                continue
            gold = read_gold(d)
            dirs = stressed_sets(d, os.path.join(tmp, name), random.Random(7))
            for variant, vd in dirs.items():
                pred, _, _ = run_wirecheck(args.wirecheck, vd)
                pred = {k: v for k, v in pred.items() if k in gold}
                p, r, f = pairwise(pred, gold)
                print(f"{name:10} {variant:9} {'wirecheck (defaults)':28} {p:6.3f} {r:6.3f} {f:6.3f}")
                for thr in args.baseline_threshold:
                    base = {k: v for k, v in baseline(vd, thr).items() if k in gold}
                    p, r, f = pairwise(base, gold)
                    print(f"{name:10} {variant:9} {'tfidf+avg-link t=' + str(thr):28} "
                          f"{p:6.3f} {r:6.3f} {f:6.3f}")


def dominant(args):
    import random
    import tempfile
    d = os.path.join(args.data, "ecbplus")
    arts = [json.loads(l) for l in open(os.path.join(d, "articles.jsonl"))]
    gold = read_gold(d)
    by_topic = collections.defaultdict(list)
    for a in arts:
        by_topic[str(a["id"]).split("_")[0]].append(a)
    topics = sorted(by_topic, key=lambda t: (-len(by_topic[t]), int(t)))[:12]
    own = "wirecheck (--config)" if args.config else "wirecheck (defaults)"
    systems = [own] + [f"tfidf+avg-link t={t}" for t in args.baseline_threshold]
    pooled = {s: collections.Counter() for s in systems}
    print(f"{'topic':6} {'input':>5} {'system':28} {'P':>6} {'R':>6} {'F1':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for topic in topics:
            rng = random.Random(int(topic))
            own = by_topic[topic]
            others = [a for a in arts if str(a["id"]).split("_")[0] != topic]
            rows = own + rng.sample(others, max(50 - len(own), len(own) * 3 // 2))
            rng.shuffle(rows)
            vd = os.path.join(tmp, topic)
            write_set(vd, [dict(a, event=gold[str(a["id"])]) for a in rows])
            sub_gold = {str(a["id"]): gold[str(a["id"])] for a in rows}
            results = {systems[0]: run_wirecheck(args.wirecheck, vd, args.config)[0]}
            for thr, name in zip(args.baseline_threshold, systems[1:]):
                results[name] = baseline(vd, thr)
            for name, pred in results.items():
                counts = pair_counts(pred, sub_gold)
                pooled[name].update(dict(zip(("tp", "fp", "fn"), counts)))
                p, r, f = scores(*counts)
                print(f"{topic:6} {len(rows):5} {name:28} {p:6.3f} {r:6.3f} {f:6.3f}")
    for name, c in pooled.items():
        p, r, f = scores(c["tp"], c["fp"], c["fn"])
        print(f"{'pooled':6} {'':5} {name:28} {p:6.3f} {r:6.3f} {f:6.3f}")


def small(args):
    """Inputs that are one story's coverage: each ECB+ and BASIL event alone, and each ECB+
    topic alone (its two events of one kind), wirecheck with defaults and with
    `[cluster] background_articles`, and the baseline; pairwise figures pooled per input kind."""
    import tempfile
    systems = ["wirecheck (defaults)"]
    systems += [f"wirecheck background={b:g}" for b in args.background]
    systems += [f"tfidf+avg-link t={t}" for t in args.baseline_threshold]
    print(f"{'inputs':34} {'n':>4} {'system':28} {'P':>6} {'R':>6} {'F1':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        configs = []
        for b in args.background:
            path = os.path.join(tmp, f"background-{b:g}.toml")
            with open(path, "w") as f:
                f.write(f"[cluster]\nbackground_articles = {b}\n")
            configs.append(path)
        for name, group_of in (("ecbplus", "event"), ("ecbplus", "topic"), ("basil", "event")):
            d = os.path.join(args.data, name)
            if not os.path.exists(os.path.join(d, "gold.tsv")):
                continue
            arts = [json.loads(l) for l in open(os.path.join(d, "articles.jsonl"))]
            gold = read_gold(d)
            groups = collections.defaultdict(list)
            for a in arts:
                key = gold[str(a["id"])] if group_of == "event" else str(a["id"]).split("_")[0]
                groups[key].append(a)
            inputs = [g for _, g in sorted(groups.items()) if len(g) >= 3]
            pooled = {s: collections.Counter() for s in systems}
            for k, rows in enumerate(inputs):
                vd = os.path.join(tmp, f"{name}-{group_of}-{k}")
                write_set(vd, [dict(a, event=gold[str(a["id"])]) for a in rows], quiet=True)
                sub_gold = {str(a["id"]): gold[str(a["id"])] for a in rows}
                results = {systems[0]: run_wirecheck(args.wirecheck, vd)[0]}
                for config, system in zip(configs, systems[1:]):
                    results[system] = run_wirecheck(args.wirecheck, vd, config)[0]
                for thr, system in zip(args.baseline_threshold, systems[1 + len(configs):]):
                    results[system] = baseline(vd, thr)
                for system, pred in results.items():
                    pooled[system].update(dict(zip(("tp", "fp", "fn"), pair_counts(pred, sub_gold))))
            label = f"{name}: each {group_of} alone"
            for system, c in pooled.items():
                p, r, f = scores(c["tp"], c["fp"], c["fn"])
                print(f"{label:34} {len(inputs):4} {system:28} {p:6.3f} {r:6.3f} {f:6.3f}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    pr = sub.add_parser("prepare")
    pr.add_argument("data")
    pr.add_argument("--ecbplus")
    pr.add_argument("--basil")
    pr.add_argument("--reuters")
    pr.add_argument("--news-cluster", help="a git directory of fhamborg/Giveme5W1H")
    pr.add_argument("--reuters-labels",
                    default=os.path.join(os.path.dirname(__file__), "reuters_labels.txt"))
    ev = sub.add_parser("eval")
    ev.add_argument("data")
    ev.add_argument("--wirecheck", default="target/release/wirecheck")
    ev.add_argument("--config", help="a wirecheck.toml for wirecheck's runs")
    ev.add_argument("--baseline-threshold", type=float, nargs="*", default=[0.1, 0.2, 0.3])
    st = sub.add_parser("stress")
    st.add_argument("data")
    st.add_argument("--wirecheck", default="target/release/wirecheck")
    st.add_argument("--baseline-threshold", type=float, nargs="*", default=[0.2])
    dm = sub.add_parser("dominant")
    dm.add_argument("data")
    dm.add_argument("--wirecheck", default="target/release/wirecheck")
    dm.add_argument("--config", help="a wirecheck.toml for wirecheck's runs")
    dm.add_argument("--baseline-threshold", type=float, nargs="*", default=[0.2])
    sm = sub.add_parser("small")
    sm.add_argument("data")
    sm.add_argument("--wirecheck", default="target/release/wirecheck")
    sm.add_argument("--background", type=float, nargs="*", default=[100.0])
    sm.add_argument("--baseline-threshold", type=float, nargs="*", default=[0.2])
    args = ap.parse_args()
    if args.cmd == "prepare":
        if args.ecbplus:
            prepare_ecbplus(args.ecbplus, args.data)
        if args.basil:
            prepare_basil(args.basil, args.data)
        if args.news_cluster:
            prepare_news_cluster(args.news_cluster, args.data)
        if args.reuters:
            prepare_reuters(args.reuters, args.data, args.reuters_labels)
    elif args.cmd == "stress":
        stress(args)
    elif args.cmd == "dominant":
        dominant(args)
    elif args.cmd == "small":
        small(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
