#!/usr/bin/env python3
"""Recall and false alarms of `name-variant` on sets made by names_inject.py.

    cargo build --release --example names_quality
    python3 benches/quality/names_run.py target/release SET_DIR [SET_DIR...]

The first argument is the directory holding the `wirecheck` binary and the `names_quality`
example (`target/release/examples/names_quality`).

For each set:
  * per event (the event's articles taken as one cluster by the names_quality example, whatever
    the clustering says: measures the name logic alone): an injection is caught when a `name-variant`
    finding in the respelled article has `found` equal to the respelling; "suggested" when its
    suggestion is the original spelling. A split notice on the original spelling that names the
    respelling (the two used equally: the event cannot say which is right) is the other side
    of the same detection, counted apart; when it is the only notice of the pair (a split
    nothing settles is reported once, on the spelling used later) it is the detection, and
    counted as caught (column "by one pair notice"). Every other `name-variant` finding in the injected set
    is an "other" finding; `name-variant` findings on the untouched set are false alarms (both
    per 100 articles).
  * end to end (all 300 injected articles in one audit, clustering decides): recall, and how
    many respelled articles ended up in no cluster with another outlet of their event, and
    of those how many are apart in the untouched set too (all its articles in one audit):
    the rest are parted from their event by the respelling.
Figures are summed over all sets given.
"""

import json
import os
import subprocess
import sys
from collections import Counter, defaultdict


def audit(binary, paths):
    out = subprocess.run([binary, "audit", *paths, "--format", "json", "--fail-on", "never", "-q"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"wirecheck failed on {paths[0]}: {out.stderr[:500]}")
    return json.loads(out.stdout)


def name_findings(report, rule="name-variant"):
    return [f for f in report["findings"] if f["rule"] == rule]


def per_event(example, dirs):
    """name-variant findings of each directory taken as one cluster, by directory."""
    out = subprocess.run([example, *dirs], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"names_quality failed: {out.stderr[:500]}")
    found = defaultdict(list)
    for line in out.stdout.splitlines():
        f = json.loads(line)
        if f["rule"] == "name-variant":
            found[f["cluster"]].append(f)
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = os.path.join(sys.argv[1], "wirecheck")
    example = os.path.join(sys.argv[1], "examples", "names_quality")
    total = Counter()
    caught = Counter()
    suggested = Counter()
    by_pair_notice = Counter()
    e2e = Counter()
    e2e_caught = Counter()
    not_clustered = 0
    apart_untouched = 0
    articles = 0
    clean_alarms = []
    others = []
    partners = []
    missed = []
    for set_dir in sys.argv[2:]:
        manifest = [json.loads(l) for l in open(os.path.join(set_dir, "manifest.jsonl"))]
        by_event = {m["event"]: m for m in manifest}
        events = sorted(os.listdir(os.path.join(set_dir, "injected")))
        clean_found = per_event(example, [os.path.join(set_dir, "clean", e) for e in events])
        inj_found = per_event(example, [os.path.join(set_dir, "injected", e) for e in events])
        for event in events:
            articles += len(os.listdir(os.path.join(set_dir, "injected", event)))
            for f in clean_found[os.path.join(set_dir, "clean", event)]:
                clean_alarms.append((event, f["document"], f["found"], f["suggestion"]))
            inj = inj_found[os.path.join(set_dir, "injected", event)]
            m = by_event.get(event)
            hit = False
            paired = False
            for f in inj:
                if m and f["document"].endswith("/" + m["file"]) and f["found"] == m["variant"]:
                    hit = True
                    if f["suggestion"] == m["original"]:
                        suggested[m["pattern"]] += 0  # counted once below
                elif (m and f["suggestion"] is None and f["found"] == m["original"]
                      and "\u201c" + m["variant"] + "\u201d" in f["message"]):
                    # The other side of the injected respelling's own split notice ("Obama"
                    # and "Obaam" used once each): the same detection, not another alarm.
                    partners.append((event, f["document"], f["found"], f["suggestion"]))
                    paired = True
                else:
                    others.append((event, f["document"], f["found"], f["suggestion"]))
            if m:
                total[m["pattern"]] += 1
                if not hit and paired:
                    # A split nothing settles is reported once, on the spelling used later:
                    # one notice naming both spellings is the detection.
                    by_pair_notice[m["pattern"]] += 1
                    caught[m["pattern"]] += 1
                if hit:
                    caught[m["pattern"]] += 1
                    ok = any(f["found"] == m["variant"] and f["suggestion"] == m["original"]
                             for f in inj if f["document"].endswith("/" + m["file"]))
                    suggested[m["pattern"]] += int(ok)
                else:
                    missed.append((m["pattern"], m["original"], m["variant"], event, os.path.basename(set_dir), m["file"]))
        # End to end: every injected article of the set in one audit; the untouched set too,
        # to tell the articles the respelling parts from its event from those apart anyway.
        reports = {kind: audit(binary, [os.path.join(set_dir, kind, e) for e in events])
                   for kind in ("injected", "clean")}
        cluster_of = {kind: {d: c["id"] for c in r["clusters"] for d in c["documents"]}
                      for kind, r in reports.items()}

        def apart(kind, m):
            path = os.path.join(set_dir, kind, m["event"], m["file"])
            mates = [os.path.join(set_dir, kind, m["event"], f)
                     for f in os.listdir(os.path.join(set_dir, kind, m["event"])) if f != m["file"]]
            of = cluster_of[kind]
            return not any(of.get(p) is not None and of.get(p) == of.get(path) for p in mates)

        for m in manifest:
            path = os.path.join(set_dir, "injected", m["event"], m["file"])
            e2e[m["pattern"]] += 1
            if apart("injected", m):
                not_clustered += 1
                apart_untouched += int(apart("clean", m))
            if any(f["document"] == path and f["found"] == m["variant"]
                   for f in name_findings(reports["injected"])):
                e2e_caught[m["pattern"]] += 1

    print(f"sets: {len(sys.argv) - 2}, articles per set: {articles // (len(sys.argv) - 2)}")
    print("per event (each event one cluster):")
    print(f"  {'pattern':10} {'n':>4} {'caught':>7} {'recall':>7} {'right suggestion':>17} "
          f"{'by one pair notice on the original':>35}")
    for p in ["vowel", "double", "drop", "transpose", "translit", "realword"]:
        if total[p]:
            print(f"  {p:10} {total[p]:4} {caught[p]:7} {caught[p] / total[p]:7.2f} {suggested[p]:17} "
                  f"{by_pair_notice[p]:35}")
    n = sum(total.values())
    print(f"  {'all':10} {n:4} {sum(caught.values()):7} {sum(caught.values()) / max(n, 1):7.2f} "
          f"{sum(suggested.values()):17}")
    def rate(xs):
        distinct = len(set(xs))
        return (f"{len(xs)} findings ({100 * len(xs) / max(articles, 1):.2f} per 100 articles), "
                f"{distinct} distinct article+spelling ({100 * distinct / max(articles, 1):.2f} per 100)")
    print(f"  other name-variant findings in the injected sets: {rate(others)}")
    splits = [o for o in others if o[3] is None]
    print(f"    of which split notices (no suggestion): {rate(splits)}")
    print(f"  split notices on the original spelling naming the injected respelling (the other "
          f"side of a detection, not counted above): {rate(partners)}")
    print(f"  name-variant findings on the untouched sets: {rate(clean_alarms)}")
    print("end to end (all articles of a set in one audit):")
    n2 = sum(e2e.values())
    print(f"  recall {sum(e2e_caught.values())}/{n2} = {sum(e2e_caught.values()) / max(n2, 1):.2f}; "
          f"respelled articles in no cluster with their event's other outlets: {not_clustered} "
          f"(apart without the respelling too: {apart_untouched})")
    for p in ["vowel", "double", "drop", "transpose", "translit", "realword"]:
        if e2e[p]:
            print(f"    {p:10} {e2e_caught[p]}/{e2e[p]}")
    if os.environ.get("VERBOSE"):
        for x in sorted(set(missed)):
            print("missed", *x)
        for x in sorted(set(clean_alarms)):
            print("clean alarm", *x)
        for x in sorted(set(others)):
            print("other", *x)
        for x in sorted(set(partners)):
            print("partner", *x)


if __name__ == "__main__":
    main()
