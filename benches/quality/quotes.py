#!/usr/bin/env python3
"""Direct-quotation extraction and speaker attribution, scored on PolNeAR.

Usage:
    python3 benches/quality/quotes.py DATA_DIR [--split dev] [--bin target/release/wirecheck]
                                      [--show-errors N]

DATA_DIR is PolNeAR's `data` folder (train/dev/test, each with text/, attributions/, corenlp/).
Both wirecheck and a simple regex baseline are scored in the same run, on the same gold data.

Gold data:
- A direct quotation is an attribution's content span that starts with a quotation mark
  (“ " ‘ ' or the NYT's two apostrophes ''). Its extent is from its first to its last piece.
- Articles annotated by several annotators: the first annotation file by name is used.
- The gold speaker is the attribution's source. When the source contains a person's name
  (CoreNLP NER PERSON) that name is used; otherwise (a pronoun, a role: "the senator") the
  CoreNLP coreference chain that has a mention headed inside the source gives the names.
  "Contains a name" means the head of the source span (the token whose CoreNLP basic
  dependency governor lies outside the span) is a PERSON token: "Austan D. Goolsbee, an
  adviser to President Obama" is Goolsbee, "Clinton campaign manager Robby Mook" is Mook.
  The first version of this runner took the last PERSON run anywhere in the span (Obama,
  which is wrong for every appositive naming another person); that "legacy" figure is
  printed alongside.
  Speaker accuracy is measured over found gold quotations whose speaker resolves to a named
  person; a predicted speaker is right when its last word (the surname) is the last word of
  one of those names. Both sides are compared as name keys: lowercase, ’ read as ' (CoreNLP
  writes O’Donnell as O'Donnell), full stops dropped and a generational suffix skipped (Jr.,
  Sr., II-IV: "Fred Trump Sr." is Trump). The first versions compared the raw last words, so
  "O’Donnell" never matched; `--legacy-keys` gives that comparison for figures taken before.

Matching: a predicted quotation matches a gold one when their character spans overlap.
Precision counts predictions that overlap a gold direct quotation as correct and predictions
that overlap no content span at all as wrong; predictions inside a content span that does
not start with a quotation mark (a partial quote inside a paraphrase: `he called the plan
“a disaster”`) are real quotations the gold definition leaves out, and are not counted
either way (the strict figure counts them as wrong). wirecheck's predictions are its quotes
of kind `speech` and `partial`.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MARKS = ("“", '"', "‘", "'", "«", "„")

# --legacy-keys: compare names as the first versions of this runner did (lowercase last word
# only), to show figures before the name-key fix.
LEGACY_KEYS = False


def read_ann(path):
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not parts or not parts[0]:
                continue
            if parts[0].startswith("T") and len(parts) >= 2:
                label, _, locs = parts[1].partition(" ")
                pieces = []
                for piece in locs.split(";"):
                    a, b = piece.split()
                    pieces.append((int(a), int(b)))
                spans[parts[0]] = (label, pieces)
            elif parts[0].startswith("E") and len(parts) >= 2:
                roles = {}
                for r in parts[1].split():
                    k, _, v = r.partition(":")
                    roles[k] = v
                events.append(roles)
    return spans, events


def read_corenlp(path):
    """Tokens [(start, end, word, pos, ner)] per sentence, and coreference chains as lists of
    (sentence, start, end, head) with 1-based token numbers, end exclusive."""
    if not os.path.exists(path):
        return [], []
    root = ET.parse(path).getroot()
    sentences = []
    for s in root.iter("sentence"):
        toks = s.find("tokens")
        if toks is None:
            continue
        governors = {}
        for deps in s.findall("dependencies"):
            if deps.get("type") == "basic-dependencies":
                for d in deps.findall("dep"):
                    governors[int(d.find("dependent").get("idx"))] = int(d.find("governor").get("idx"))
        out = []
        for i, t in enumerate(toks.findall("token")):
            out.append(
                (
                    int(t.findtext("CharacterOffsetBegin")),
                    int(t.findtext("CharacterOffsetEnd")),
                    t.findtext("word"),
                    t.findtext("POS"),
                    t.findtext("NER"),
                    governors.get(i + 1, 0) - 1,
                )
            )
        sentences.append(out)
    chains = []
    outer = root.find("document/coreference")
    if outer is not None:
        for c in outer.findall("coreference"):
            ms = []
            for m in c.findall("mention"):
                ms.append(
                    (
                        int(m.findtext("sentence")),
                        int(m.findtext("start")),
                        int(m.findtext("end")),
                        int(m.findtext("head")),
                    )
                )
            chains.append(ms)
    return sentences, chains


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_key(words):
    """The surname of a name given as words, as it is compared: lowercase, ’ as ', no full
    stops, a generational suffix skipped ("Fred Trump Sr." -> trump). CoreNLP writes ’ as '
    and keeps the full stop of "Sr.", so without this "O’Donnell" never matched "O'Donnell"."""
    keys = [w.lower().replace("’", "'").strip(".") for w in words]
    keys = [k for k in keys if k]
    while len(keys) > 1 and keys[-1] in SUFFIXES:
        keys.pop()
    return keys[-1] if keys else None


def person_runs(tokens):
    """Runs of consecutive PERSON tokens, as lists of words."""
    runs, cur = [], []
    for t in tokens:
        if t[4] == "PERSON":
            cur.append(t[2])
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def head_person(pieces, sentences):
    """The person named by the head of the source span (CoreNLP basic dependencies: the
    span's token whose governor lies outside the span): "Goolsbee" for "Austan D. Goolsbee,
    an adviser to President Obama", "Mook" for "Clinton campaign manager Robby Mook". None
    when the head is no PERSON token ("a spokesman for Senator Doe", "he")."""
    inside = lambda t: any(a <= t[0] and t[1] <= b for a, b in pieces)
    for s in sentences:
        idx = [i for i, t in enumerate(s) if inside(t)]
        if not idx:
            continue
        span = set(idx)
        heads = [i for i in idx if s[i][5] not in span]
        if not heads:
            continue
        h = heads[0]
        if s[h][4] != "PERSON":
            return None
        b = e = h
        while e + 1 < len(s) and s[e + 1][4] == "PERSON":
            e += 1
        while b > 0 and s[b - 1][4] == "PERSON":
            b -= 1
        if LEGACY_KEYS:
            return s[e][2].lower()
        return name_key([t[2] for t in s[b : e + 1]])
    return None


def gold_names(pieces, sentences, chains, legacy=False):
    """Surnames (lowercase) the source can be resolved to, or an empty set. The source's
    head person when its head is a name; otherwise (a pronoun, a role: "the senator") the
    names of the coreference chain headed inside the source. `legacy`: the last person
    named anywhere in the source span, as the runner first did (wrong for appositives:
    "Jane Doe, an adviser to President Smith" gave Smith)."""
    inside = lambda t: any(a <= t[0] and t[1] <= b for a, b in pieces)
    src_tokens = [t for s in sentences for t in s if inside(t)]
    if legacy:
        runs = person_runs(src_tokens)
        if runs:
            return {runs[-1][-1].lower() if LEGACY_KEYS else name_key(runs[-1])}
    else:
        head = head_person(pieces, sentences)
        if head:
            return {head}
    names = set()
    for chain in chains:
        hit = False
        for (si, st, en, hd) in chain:
            if si - 1 < len(sentences) and hd - 1 < len(sentences[si - 1]):
                if inside(sentences[si - 1][hd - 1]):
                    hit = True
        if not hit:
            continue
        for (si, st, en, hd) in chain:
            if si - 1 < len(sentences):
                for r in person_runs(sentences[si - 1][st - 1 : en - 1]):
                    names.add(r[-1].lower() if LEGACY_KEYS else name_key(r))
    return names


def byte_to_char(text):
    """Map from byte offset to character offset for `text` encoded as UTF-8."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def surname(name):
    if not name:
        return None
    w = re.findall(r"[\w'’.-]+", name)
    if not w:
        return None
    if LEGACY_KEYS:
        s = w[-1].lower()
        for suf in ("'s", "’s"):
            if s.endswith(suf):
                s = s[: -len(suf)]
        return s.strip(".")
    w[-1] = re.sub(r"['’]s$", "", w[-1])
    return name_key(w)


NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*"
VERB = r"(?:said|says|told|added|wrote|asked|explained)"
AFTER = re.compile(r"^\W{0,3}\s*(?:(" + NAME + r")\s+" + VERB + r"|" + VERB + r"\s+(" + NAME + r"))")
BEFORE = re.compile(r"(" + NAME + r")\s+" + VERB + r"[,:]?\s*$")
QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"|''([^\n]+?)''")


def baseline(text):
    """The regex baseline: paired marks on one line; a capitalised name with 'said' (and a few
    verbs) right after or right before the quotation."""
    out = []
    for m in QUOTE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        start, end = m.start(g), m.end(g)
        speaker = None
        a = AFTER.match(text[m.end() : m.end() + 80])
        if a:
            speaker = a.group(1) or a.group(2)
        else:
            b = BEFORE.search(text[max(0, m.start() - 80) : m.start()])
            if b:
                speaker = b.group(1)
        out.append((start, end, speaker))
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(name, docs, predict):
    tp = fp = ignored = 0
    found = 0
    gold_total = 0
    sp_total = sp_right = 0
    lg_total = lg_right = 0
    errors = []
    for d in docs:
        preds = predict(d)
        gold = d["gold"]
        gold_total += len(gold)
        for p in preds:
            if any(overlaps(p, g["span"]) for g in gold):
                tp += 1
            elif any(overlaps(p, c) for c in d["other_content"]):
                ignored += 1
            else:
                fp += 1
                errors.append(("fp", d["name"], d["text"][p[0] : p[1]][:80], p[2], None))
        for g in gold:
            hit = [p for p in preds if overlaps(p, g["span"])]
            if not hit:
                errors.append(("fn", d["name"], d["text"][g["span"][0] : g["span"][1]][:80], None, None))
                continue
            found += 1
            # The prediction covering most of the gold quotation speaks for it.
            best = max(hit, key=lambda p: min(p[1], g["span"][1]) - max(p[0], g["span"][0]))
            if g["legacy_names"]:
                lg_total += 1
                lg_right += surname(best[2]) in g["legacy_names"]
            if g["names"]:
                sp_total += 1
                if surname(best[2]) in g["names"]:
                    sp_right += 1
                else:
                    errors.append(("speaker", d["name"], d["text"][g["span"][0] : g["span"][1]][:60], best[2], sorted(g["names"])))
    precision = tp / (tp + fp) if tp + fp else 0.0
    strict_p = tp / (tp + fp + ignored) if tp + fp + ignored else 0.0
    recall = found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    strict_f1 = 2 * strict_p * recall / (strict_p + recall) if strict_p + recall else 0.0
    acc = sp_right / sp_total if sp_total else 0.0
    print(
        f"{name:10} quotations: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
        f"(strict P {strict_p:.3f} F1 {strict_f1:.3f}; {gold_total} gold, {tp} right, {fp} wrong, "
        f"{ignored} partial in paraphrase)  speakers: {sp_right}/{sp_total} = {acc:.3f} "
        f"(legacy gold, last person in the source span: {lg_right}/{lg_total} = "
        f"{lg_right / lg_total if lg_total else 0.0:.3f})"
    )
    return errors


def load(data, split):
    docs = []
    for path in sorted(glob.glob(os.path.join(data, split, "text", "*.txt"))):
        stem = os.path.basename(path)[: -len(".txt")]
        anns = sorted(glob.glob(os.path.join(data, split, "attributions", stem + "_*.ann")))
        if not anns:
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        spans, events = read_ann(anns[0])
        sentences, chains = read_corenlp(os.path.join(data, split, "corenlp", stem + ".txt.xml"))
        gold, other = [], []
        for e in events:
            c = spans.get(e.get("Content", ""))
            if not c:
                continue
            pieces = c[1]
            extent = (min(a for a, _ in pieces), max(b for _, b in pieces))
            if text[extent[0] :].startswith(MARKS):
                src = spans.get(e.get("Source", ""))
                names = gold_names(src[1], sentences, chains) if src else set()
                legacy = gold_names(src[1], sentences, chains, legacy=True) if src else set()
                gold.append({"span": extent, "names": names, "legacy_names": legacy})
            else:
                other.append(extent)
        docs.append({"name": stem, "path": path, "text": text, "gold": gold, "other_content": other})
    return docs


def run_wirecheck(binary, docs):
    paths = [d["path"] for d in docs]
    out = subprocess.run(
        [binary, "audit", "--format", "json", "--fail-on", "never", "-q", *paths],
        capture_output=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"wirecheck failed ({out.returncode}): {out.stderr.decode()[:2000]}")
    report = json.loads(out.stdout)
    by_path = {}
    for q in report["quotes"]:
        if q.get("kind") not in (None, "speech", "partial"):
            continue
        by_path.setdefault(q["document"], []).append(q)
    for d in docs:
        b2c = byte_to_char(d["text"])
        d["wirecheck"] = [
            (b2c[q["start"]], b2c[q["end"]], q["speaker"]) for q in by_path.get(d["path"], [])
        ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--bin", default="target/release/wirecheck")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--legacy-keys", action="store_true")
    args = ap.parse_args()
    global LEGACY_KEYS
    LEGACY_KEYS = args.legacy_keys
    docs = load(args.data, args.split)
    run_wirecheck(args.bin, docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles")
    errors = score("wirecheck", docs, lambda d: d["wirecheck"])
    score("baseline", docs, lambda d: baseline(d["text"]))
    for e in errors[: args.show_errors]:
        print(*e, sep=" | ")


if __name__ == "__main__":
    main()
