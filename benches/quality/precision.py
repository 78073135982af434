#!/usr/bin/env python3
"""Precision of wirecheck's rules on real, professionally edited copy.

Subcommands (all deterministic for a given seed):

  subset  --data reuters.jsonl --size 2500 --seed 10 --out dev.jsonl
      A fixed development corpus: the stories sorted by date, a seeded start, the next SIZE
      stories (several days of a wire, so many stories per topic and day).

  run     --corpus dev.jsonl --bin target/release/wirecheck --out audit.json
      `wirecheck audit --format json --fail-on never` on the corpus.

  sample  --audit audit.json --corpus dev.jsonl --labels labels.tsv --per-rule 20 --seed 10
      A seeded random sample of up to N findings per rule; prints the unlabelled ones with the
      sentence around the finding and the related article's sentence, for labelling. A label is
      a line `rule<TAB>document<TAB>start<TAB>end<TAB>tp|fp<TAB>note` in the labels file.

  score   --audit audit.json --corpus dev.jsonl --labels labels.tsv --per-rule 20 --seed 10
      Precision per rule over the labelled sample, with a 95% Wilson interval, and warnings per
      100 stories.

The labels file carries document ids, spans and short notes only: no corpus text.
"""

import argparse
import collections
import datetime
import json
import math
import random
import subprocess
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_date(raw):
    try:
        return datetime.datetime.strptime(raw.strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
    except (ValueError, AttributeError):
        return datetime.datetime(1900, 1, 1)


def cmd_subset(args):
    rows = load_jsonl(args.data)
    rows.sort(key=lambda r: (parse_date(r.get("date", "")), int(r["id"]) if str(r["id"]).isdigit() else 0))
    rng = random.Random(args.seed)
    start = rng.randrange(0, max(1, len(rows) - args.size))
    sub = rows[start : start + args.size]
    with open(args.out, "w", encoding="utf-8") as f:
        for r in sub:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(sub)} stories from {sub[0]['date']} to {sub[-1]['date']} (start {start}) -> {args.out}")


def cmd_run(args):
    with open(args.out, "w", encoding="utf-8") as out:
        proc = subprocess.run(
            [args.bin, "audit", args.corpus, "--format", "json", "--fail-on", "never", "-q"],
            stdout=out,
        )
    if proc.returncode not in (0, 1):
        sys.exit(f"wirecheck exited with {proc.returncode}")
    print(f"audit -> {args.out}")


def texts_by_name(corpus_path):
    """JSON Lines documents are named FILE#ID; offsets refer to the decoded `text`."""
    out = {}
    for r in load_jsonl(corpus_path):
        out[f"{corpus_path}#{r['id']}"] = r["text"]
        out[str(r["id"])] = r["text"]
    return out


def doc_text(texts, name):
    if name in texts:
        return texts[name]
    return texts.get(name.rsplit("#", 1)[-1], "")


def byte_context(text, start, end, width=220):
    b = text.encode("utf-8")
    lo, hi = max(0, start - width), min(len(b), end + width)
    before = b[lo:start].decode("utf-8", "replace")
    found = b[start:end].decode("utf-8", "replace")
    after = b[end:hi].decode("utf-8", "replace")
    return f"{before}[[{found}]]{after}"


def key_of(f):
    return (f["rule"], f["document"].rsplit("#", 1)[-1], int(f["start"]), int(f["end"]))


def load_labels(path):
    labels = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 5:
                    continue
                rule, doc, start, end, verdict = parts[:5]
                labels[(rule, doc, int(start), int(end))] = (verdict, parts[5] if len(parts) > 5 else "")
    except FileNotFoundError:
        pass
    return labels


def draw(findings, per_rule, seed):
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[f["rule"]].append(f)
    sample = {}
    for rule in sorted(by_rule):
        items = sorted(by_rule[rule], key=key_of)
        rng = random.Random(f"{seed}:{rule}")
        sample[rule] = rng.sample(items, min(per_rule, len(items)))
    return by_rule, sample


def cmd_sample(args):
    report = json.load(open(args.audit, encoding="utf-8"))
    texts = texts_by_name(args.corpus)
    labels = load_labels(args.labels)
    _, sample = draw(report["findings"], args.per_rule, args.seed)
    todo = 0
    for rule, items in sample.items():
        if args.rule and rule != args.rule:
            continue
        for f in items:
            k = key_of(f)
            if k in labels and not args.all:
                continue
            todo += 1
            text = doc_text(texts, f["document"])
            print("=" * 100)
            print("\t".join(str(x) for x in k), f"[{f['severity']}]")
            print("MSG:", f["message"])
            print("CTX:", byte_context(text, k[2], k[3]).replace("\n", "⏎"))
            for rel in f.get("related", [])[:2]:
                print(f"REL {rel['document'].rsplit('#', 1)[-1]}:{rel.get('line')}:", rel.get("text", "")[:400].replace("\n", "⏎"))
            if k in labels:
                print("LABEL:", labels[k])
    print(f"{todo} findings to label", file=sys.stderr)


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (p, max(0.0, centre - half), min(1.0, centre + half))


def cmd_score(args):
    report = json.load(open(args.audit, encoding="utf-8"))
    labels = load_labels(args.labels)
    stories = len(report["documents"])
    by_rule, sample = draw(report["findings"], args.per_rule, args.seed)
    print(f"corpus: {args.corpus}, {stories} stories; sample up to {args.per_rule} per rule, seed {args.seed}")
    print(f"{'rule':22} {'findings':>8} {'warn':>6} {'labelled':>8} {'tp':>4} {'precision':>9}  95% Wilson CI    all labelled: precision, of warnings")
    total_warn = 0
    for rule in sorted(by_rule):
        items = by_rule[rule]
        warn = sum(1 for f in items if f["severity"] in ("warning", "error"))
        total_warn += warn
        got = [labels[key_of(f)][0] for f in sample[rule] if key_of(f) in labels]
        tp = sum(1 for v in got if v == "tp")
        p, lo, hi = wilson(tp, len(got))
        missing = len(sample[rule]) - len(got)
        note = f"  ({missing} unlabelled)" if missing else ""
        # Every labelled finding of the rule (not only the sample), and its warnings alone.
        every = [(labels[key_of(f)][0], f["severity"]) for f in items if key_of(f) in labels]
        warned = [v for v, sev in every if sev in ("warning", "error")]
        extra = ""
        if every:
            extra = f"    {sum(v == 'tp' for v, _ in every)}/{len(every)}"
            if warned:
                extra += f", {sum(v == 'tp' for v in warned)}/{len(warned)}"
        print(f"{rule:22} {len(items):8} {warn:6} {len(got):8} {tp:4} {p:9.2f}  [{lo:.2f}, {hi:.2f}]{extra}{note}")
    print(f"findings: {len(report['findings'])}, {100 * len(report['findings']) / max(1, stories):.1f} per 100 stories")
    print(f"warnings: {total_warn}, {100 * total_warn / max(1, stories):.2f} per 100 stories")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("subset")
    s.add_argument("--data", required=True)
    s.add_argument("--size", type=int, default=2500)
    s.add_argument("--seed", type=int, default=10)
    s.add_argument("--out", required=True)
    s.set_defaults(func=cmd_subset)
    r = sub.add_parser("run")
    r.add_argument("--corpus", required=True)
    r.add_argument("--bin", default="target/release/wirecheck")
    r.add_argument("--out", required=True)
    r.set_defaults(func=cmd_run)
    for name, func in (("sample", cmd_sample), ("score", cmd_score)):
        p = sub.add_parser(name)
        p.add_argument("--audit", required=True)
        p.add_argument("--corpus", required=True)
        p.add_argument("--labels", default="benches/quality/precision_labels.tsv")
        p.add_argument("--per-rule", type=int, default=20)
        p.add_argument("--seed", type=int, default=10)
        if name == "sample":
            p.add_argument("--rule")
            p.add_argument("--all", action="store_true", help="print labelled ones too")
        p.set_defaults(func=func)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
