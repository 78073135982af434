#!/usr/bin/env python3
"""Injected-error recall of wirecheck on syndicated copies of real stories.

For each of a seeded sample of real stories, writes the original and COPIES syndicated copies
(trimmed: the sign-off and sometimes the last paragraph dropped; lightly edited: "said" ->
"stated" in one sentence without the injected error), and injects exactly one error into one of
the copies:

  name    a proper name respelled as a machine translation would (a doubled or dropped
          consonant, a changed vowel), in every occurrence in that copy -> name-variant
  figure  one figure changed in one sentence -> number-mismatch
  quote   one word of a quotation substituted -> quote-altered

So every story has several copies and the majority is right. Then runs `wirecheck audit` on
all of them together and reports, per error type, how many injected errors were found (a
finding of the expected rule in the erroneous copy overlapping the injected span), and the
findings of those rules in the clean copies (false alarms on syndicated copies).

  inject.py --corpus dev.jsonl --bin target/release/wirecheck --stories 60 --seed 10
"""

import argparse
import collections
import json
import random
import re
import subprocess
import sys

NAME = re.compile(r"(?<![\w-])([A-Z][a-z]{4,})(?![\w-])")
FIGURE = re.compile(r"(?<![\d.,/-])(\d{2,}(?:,\d{3})*(?:\.\d+)?)(?![\d/-])")
QUOTE = re.compile(r'"([^"\n]{0,400}?(?:\n[^"\n]{0,400}?){0,3})"')
COMMON = {
    "The", "This", "That", "There", "These", "Those", "They", "Their", "Under", "After", "Before",
    "While", "Since", "Although", "However", "Meanwhile", "Analysts", "Reuter", "Reuters",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "August", "September", "October", "November", "December",
    "Company", "Corp", "American", "National", "International", "First", "General",
}
SUBSTITUTES = {
    "important": "significant", "good": "fine", "strong": "solid", "expect": "anticipate",
    "will": "would", "believe": "think", "very": "quite", "major": "big", "large": "big",
    "small": "minor", "increase": "rise", "decline": "fall", "want": "wish", "can": "could",
    "should": "must", "help": "assist", "new": "fresh", "more": "further",
}


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def respell(name, rng):
    """A machine-translation-like respelling: one consonant doubled or undoubled, or a vowel
    changed, never at the first letter."""
    options = []
    for i in range(2, len(name) - 1):
        a, b = name[i - 1], name[i]
        if a == b and a not in "aeiou":
            options.append(name[:i] + name[i + 1 :])
    for i in range(1, len(name) - 1):
        c = name[i]
        if c in "aeiou":
            for v in {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o"}[c]:
                options.append(name[:i] + v + name[i + 1 :])
        elif c in "lnrst" and name[i - 1] in "aeiou" and name[i + 1] in "aeiou":
            options.append(name[:i] + c + name[i:])
    options = [o for o in options if o != name]
    return rng.choice(options) if options else None


def change_figure(figure, rng):
    digits = [i for i, c in enumerate(figure) if c.isdigit()]
    i = digits[0]
    d = int(figure[i])
    new = rng.choice([x for x in range(1, 10) if x != d])
    return figure[:i] + str(new) + figure[i + 1 :]


def body_of(text):
    return re.sub(r"\s*Reuter\s*$", "\n", text)


def light_edit(text, rng, avoid):
    """"said" -> "stated" once, away from the injected span; maybe drop the last paragraph."""
    paras = text.split("\n    ")
    if len(paras) > 4 and rng.random() < 0.5 and avoid[0] < len("\n    ".join(paras[:-1])):
        text = "\n    ".join(paras[:-1]) + "\n"
    spots = [m.start() for m in re.finditer(r"\bsaid\b", text) if not (avoid[0] - 80 <= m.start() <= avoid[1] + 80)]
    if spots:
        i = rng.choice(spots)
        text = text[:i] + "stated" + text[i + 4 :]
    return text


def candidates(text, kind, rng):
    """(start, end, replacement text for the whole copy's transformation) or None."""
    if kind == "name":
        counts = collections.Counter(m.group(1) for m in NAME.finditer(text))
        lower_words = {w for w in re.findall(r"[a-z]+", text)}

        def is_name(n):
            # A proper name: never written in lower case, and at least once in mid-sentence
            # after a lower-case word (not a capitalised sentence opener or a table label).
            return n.lower() not in lower_words and re.search(rf"\b[a-z]+[ \n]+{n}\b", text)

        names = sorted(n for n, c in counts.items() if c >= 2 and n not in COMMON and is_name(n))
        rng.shuffle(names)
        for n in names:
            # Not a sentence-initial common word only: at least one occurrence mid-sentence.
            variant = respell(n, rng)
            if variant:
                return ("name", n, variant)
        return None
    if kind == "figure":
        sentences = [m for m in re.finditer(r"[^.\n]*(?:\n[^.\n]+)*\.", text)]
        spots = []
        for s in sentences:
            st = s.group(0)
            words = re.findall(r"[A-Za-z]{3,}", st)
            if len(words) < 6:
                continue
            for m in FIGURE.finditer(st):
                fig = m.group(1)
                if re.fullmatch(r"19\d\d|20\d\d", fig):
                    continue
                spots.append((s.start() + m.start(1), s.start() + m.end(1), fig))
        if not spots:
            return None
        start, end, fig = rng.choice(spots)
        return ("figure", (start, end), change_figure(fig, rng))
    if kind == "quote":
        spots = []
        for m in QUOTE.finditer(text):
            q = m.group(1)
            for w in re.finditer(r"[a-z]+", q):
                if w.group(0) in SUBSTITUTES and w.start() > 0 and w.end() < len(q.rstrip(" .,")):
                    spots.append((m.start(1) + w.start(), m.start(1) + w.end(), SUBSTITUTES[w.group(0)]))
            if len(q.split()) >= 5 and not any(s[0] >= m.start(1) and s[1] <= m.end(1) for s in spots):
                words = list(re.finditer(r"[a-z]{4,}", q))
                inner = [w for w in words if 0 < w.start() and w.end() < len(q) - 2]
                if inner:
                    w = rng.choice(inner)
                    spots.append((m.start(1) + w.start(), m.start(1) + w.end(), "particular" if w.group(0) != "particular" else "specific"))
        if not spots:
            return None
        start, end, new = rng.choice(spots)
        return ("quote", (start, end), new)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--bin", default="target/release/wirecheck")
    ap.add_argument("--stories", type=int, default=60, help="stories per error type")
    ap.add_argument("--copies", type=int, default=3, help="syndicated copies per story besides the original")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--out", default="/tmp/wirecheck-inject.jsonl")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    rows = [r for r in load_jsonl(args.corpus) if len(r["text"]) >= 600 and r["text"].count(".") >= 5]
    rng = random.Random(args.seed)
    rng.shuffle(rows)
    expected_rule = {"name": "name-variant", "figure": "number-mismatch", "quote": "quote-altered"}
    used = set()
    out_rows = []
    injected = []  # (kind, erroneous doc id, byte spans of the error in the copy, detail)
    for kind in ("name", "figure", "quote"):
        n = 0
        for r in rows:
            if n >= args.stories:
                break
            if r["id"] in used:
                continue
            text = body_of(r["text"])
            cand = candidates(text, kind, rng)
            if not cand:
                continue
            used.add(r["id"])
            n += 1
            bad = rng.randrange(1, args.copies + 1)
            base_id = f"{kind}-{r['id']}"
            out_rows.append({"id": f"{base_id}-0", "title": r["title"], "text": r["text"]})
            for c in range(1, args.copies + 1):
                if c == bad:
                    if kind == "name":
                        _, old, new = cand
                        copy = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
                        spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(new)}(?![\w-])", copy)]
                        copy_e = light_edit(copy, rng, (spans[0][0], spans[-1][1]))
                        spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(new)}(?![\w-])", copy_e)]
                        detail = f"{old} -> {new}"
                    else:
                        _, (s, e), new = cand
                        copy = text[:s] + new + text[e:]
                        copy_e = light_edit(copy, rng, (s, s + len(new)))
                        pos = copy_e.find(copy[max(0, s - 30) : s + len(new) + 30])
                        s2 = pos + (s - max(0, s - 30)) if pos >= 0 else s
                        spans = [(s2, s2 + len(new))]
                        detail = f"{text[s:e]!r} -> {new!r}"
                    doc_id = f"{base_id}-{c}"
                    out_rows.append({"id": doc_id, "title": r["title"], "text": copy_e})
                    b = copy_e.encode("utf-8")
                    byte_spans = [(len(copy_e[:a].encode()), len(copy_e[:z].encode())) for a, z in spans]
                    del b
                    injected.append((kind, doc_id, byte_spans, detail))
                else:
                    out_rows.append({"id": f"{base_id}-{c}", "title": r["title"], "text": light_edit(text, rng, (0, 0))})
    with open(args.out, "w", encoding="utf-8") as f:
        for r in out_rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    proc = subprocess.run(
        [args.bin, "audit", args.out, "--format", "json", "--fail-on", "never", "-q"],
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"wirecheck exited with {proc.returncode}: {proc.stderr[:500]}")
    report = json.loads(proc.stdout)
    findings = collections.defaultdict(list)
    for f in report["findings"]:
        findings[(f["rule"], f["document"].rsplit("#", 1)[-1])].append(f)
    bad_docs = {d for _, d, _, _ in injected}
    print(f"corpus: {args.corpus}; {len(out_rows)} articles ({len(injected)} stories x {args.copies + 1} versions), seed {args.seed}")
    print(f"{'error':8} {'injected':>8} {'found':>6} {'recall':>7}")
    for kind in ("name", "figure", "quote"):
        rule = expected_rule[kind]
        items = [x for x in injected if x[0] == kind]
        hit = 0
        for _, doc, spans, detail in items:
            fs = findings.get((rule, doc), [])
            ok = any(f["start"] < e and s < f["end"] for f in fs for s, e in spans)
            hit += ok
            if args.verbose and not ok:
                print(f"  missed {kind} in {doc}: {detail}")
        print(f"{kind:8} {len(items):8} {hit:6} {hit / max(1, len(items)):7.2f}")
    clean = collections.Counter()
    for (rule, doc), fs in findings.items():
        if rule in expected_rule.values() and doc not in bad_docs:
            clean[rule] += len(fs)
    print("findings of these rules in clean versions:", dict(sorted(clean.items())) or "none")


if __name__ == "__main__":
    main()
