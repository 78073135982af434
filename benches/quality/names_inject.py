#!/usr/bin/env python3
"""Name-respelling injection set for the `name-variant` rule.

Reads a BASIL checkout's `articles/` directory (100 events, each covered by Fox, NYT and
HuffPost) and writes

    OUT/clean/<event>/<outlet>.txt     every article as title + paragraphs, untouched
    OUT/injected/<event>/<outlet>.txt  the same, with one name respelled in one outlet
    OUT/manifest.jsonl                 one line per injection: event, file, original, variant,
                                       pattern, role (given name or surname)

In each event one person named in the event's `main-entities` and spelt the same way by at
least two outlets is chosen; one outlet's spelling of their surname (or, one event in four,
given name) is replaced everywhere in that article with a respelling made by the event's
pattern, taken in turn from:

    vowel       one inner vowel changed (Huckabee -> Huckebee)
    double      one inner consonant doubled (Pence -> Pennce)
    drop        one inner letter dropped (Sessions -> Sesions)
    transpose   two inner letters swapped (Wildstein -> Wildstien)
    translit    a transliteration swap: c/k, ph/f, w/v, i/y, ks/x, sh/sch (Gaddafi -> Qaddafi)
    realword    an English word one or two letters away (Reid -> Raid), from the corpus's own
                lowercase vocabulary

Deterministic for a given --seed. Corpora are never committed: run it on your own copy.

    python3 benches/quality/names_inject.py /work/data/basil/articles /tmp/names-set
"""

import argparse
import ast
import glob
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

PATTERNS = ["vowel", "double", "drop", "transpose", "translit", "realword"]
VOWELS = "aeiou"
# Words of organisation names that BASIL's entity lists carry next to people's names.
INSTITUTIONS = {"Senate", "House", "Democrats", "Republicans", "Democratic", "Republican",
                "Court", "Supreme", "Party", "Committee", "Department", "Congress", "Justice",
                "Administration", "National", "White", "State", "States", "United", "News"}
OUTLET = {"fox": "fox", "nyt": "nyt", "hpo": "huffpost"}


def paragraphs(article):
    body = article["body-paragraphs"]
    if isinstance(body, str):
        body = ast.literal_eval(body)
    return [" ".join(p) for p in body]


def entities(article):
    ents = article.get("main-entities") or []
    if isinstance(ents, str):
        try:
            ents = ast.literal_eval(ents)
        except (ValueError, SyntaxError):
            ents = []
    return ents


def as_text(article, replace=None):
    text = article["title"].strip() + "\n\n" + "\n\n".join(paragraphs(article)) + "\n"
    if replace:
        old, new = replace
        text = re.sub(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])", new, text)
    return text


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def respell(word, pattern, rng, vocab):
    """A respelling of `word` by `pattern`, or None when the pattern does not apply."""
    w = word
    inner = range(1, len(w))
    if pattern == "vowel":
        spots = [i for i in inner if w[i] in VOWELS]
        if not spots:
            return None
        i = rng.choice(spots)
        other = rng.choice([v for v in VOWELS if v != w[i]])
        return w[:i] + other + w[i + 1:]
    if pattern == "double":
        spots = [i for i in inner if w[i].isalpha() and w[i] not in VOWELS and w[i] != w[i - 1]
                 and (i + 1 >= len(w) or w[i + 1] != w[i])]
        if not spots:
            return None
        i = rng.choice(spots)
        return w[:i] + w[i] + w[i:]
    if pattern == "drop":
        if len(w) < 5:
            return None
        spots = [i for i in inner if i < len(w)]
        i = rng.choice(spots)
        out = w[:i] + w[i + 1:]
        return out if out != w else None
    if pattern == "transpose":
        spots = [i for i in range(1, len(w) - 1) if w[i] != w[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if pattern == "translit":
        swaps = [("ph", "f"), ("ck", "k"), ("c", "k"), ("k", "c"), ("w", "v"), ("v", "w"),
                 ("ks", "x"), ("x", "ks"), ("sh", "sch"), ("y", "i"), ("i", "y"), ("j", "y"),
                 ("ou", "u"), ("ie", "i"), ("C", "K"), ("K", "C"), ("G", "Q")]
        options = []
        for old, new in swaps:
            for m in re.finditer(re.escape(old), w):
                if m.start() == 0 and old[0].islower():
                    continue
                options.append(w[:m.start()] + new + w[m.end():])
        options = [o for o in options if o != w]
        return rng.choice(options) if options else None
    if pattern == "realword":
        lw = w.lower()
        cands = [v for v in vocab if v != lw and abs(len(v) - len(lw)) <= 1 and v[0] == lw[0]
                 and len(v) >= 3 and edit_distance(v, lw) <= (1 if len(lw) <= 3 else 2)]
        if not cands:
            return None
        best = min(edit_distance(v, lw) for v in cands)
        return rng.choice(sorted(v for v in cands if edit_distance(v, lw) == best)).capitalize()
    raise ValueError(pattern)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", help="BASIL articles/ directory")
    ap.add_argument("out", help="output directory (created)")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    events = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(args.articles, "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            a = json.load(f)
        events[a["triplet-uuid"]].append(a)

    vocab = Counter()
    for arts in events.values():
        for a in arts:
            vocab.update(w for w in re.findall(r"\b[a-z]+\b", as_text(a)))
    vocab = Counter({w: n for w, n in vocab.items() if n >= 3})

    manifest = []
    turn = 0
    for event in sorted(events):
        arts = sorted(events[event], key=lambda a: a["source"])
        texts = {a["source"]: as_text(a) for a in arts}
        for a in arts:
            name = OUTLET.get(a["source"].lower(), a["source"].lower())
            os.makedirs(os.path.join(args.out, "clean", event), exist_ok=True)
            with open(os.path.join(args.out, "clean", event, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(texts[a["source"]])
        # Candidate (word, role): parts of the event's people spelt the same in >= 2 outlets.
        people = sorted({e for a in arts for e in entities(a)})
        cands = []
        for person in people:
            parts = person.split()
            if len(parts) < 2 or not all(re.fullmatch(r"[A-Z][a-z]{2,}", p) for p in parts[::len(parts) - 1]):
                continue
            # A person: neither part is a common word, and some outlet writes the full name.
            if (any(p.lower() in vocab or p in INSTITUTIONS for p in parts)
                    or not any(person in t for t in texts.values())):
                continue
            for word, role in ((parts[-1], "surname"), (parts[0], "given")):
                where = [s for s, t in texts.items()
                         if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", t)]
                if len(where) >= 2:
                    cands.append((word, role, where))
        if not cands:
            continue
        want_role = "given" if turn % 4 == 3 else "surname"
        pool = [c for c in cands if c[1] == want_role] or cands
        done = None
        for k in range(len(PATTERNS)):
            pattern = PATTERNS[(turn + k) % len(PATTERNS)]
            for word, role, where in rng.sample(pool, len(pool)):
                variant = respell(word, pattern, rng, vocab)
                if variant and variant != word and variant.lower() != word.lower():
                    done = (word, role, rng.choice(where), variant, pattern)
                    break
            if done:
                break
        turn += 1
        for a in arts:
            name = OUTLET.get(a["source"].lower(), a["source"].lower())
            text = texts[a["source"]]
            if done and a["source"] == done[2]:
                text = as_text(a, (done[0], done[3]))
            os.makedirs(os.path.join(args.out, "injected", event), exist_ok=True)
            with open(os.path.join(args.out, "injected", event, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        if done:
            word, role, source, variant, pattern = done
            manifest.append({"event": event, "file": OUTLET.get(source.lower(), source.lower()) + ".txt",
                             "original": word, "variant": variant, "pattern": pattern, "role": role})
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m) + "\n")
    by = Counter(m["pattern"] for m in manifest)
    print(f"{len(events)} events, {len(manifest)} injections: " +
          ", ".join(f"{p} {by[p]}" for p in PATTERNS), file=sys.stderr)


if __name__ == "__main__":
    main()
