#!/usr/bin/env python3
"""Sentence-boundary F1 of wirecheck and pySBD on Universal Dependencies English (GUM, EWT).

Usage: benches/quality/sentences.py DATA_DIR [--split test] [--wirecheck target/release/wirecheck]

DATA_DIR holds the CoNLL-U files (en_gum-ud-test.conllu, en_ewt-ud-test.conllu, ...). Each
document's running text is rebuilt from the `# newdoc`, `# newpar` and `# text` comments:
sentences of a paragraph are joined with one space (none when the sentence's last token has
SpaceAfter=No), paragraphs with a blank line. The gold boundaries are the byte offsets where
sentences end, without the end of each document. wirecheck reads every document as a plain
text file (`wirecheck inspect DIR --format json`, the whole reading pipeline: cleaning, kinds,
segmentation); pySBD (`pysbd.Segmenter(language="en", clean=False, char_span=True)`) gets each
paragraph separately, so both know where paragraphs end. Both are scored in the same run on the
same text with the same metric: precision, recall and F1 of boundary offsets, over all
boundaries and over boundaries inside paragraphs only (the hard part).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def read_conllu(path):
    """Documents as lists of paragraphs, each a list of (sentence text, space_after)."""
    docs = []
    doc = None
    par = None
    text = None
    last_misc = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                doc = []
                docs.append(doc)
                par = None
            elif line.startswith("# newpar"):
                if doc is None:
                    doc = []
                    docs.append(doc)
                par = []
                doc.append(par)
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    if "-" in cols[0]:
                        last_misc = cols[9]
                    continue
                last_misc = cols[9]
            elif not line and text is not None:
                if doc is None:
                    doc = []
                    docs.append(doc)
                if par is None:
                    par = []
                    doc.append(par)
                par.append((text, "SpaceAfter=No" not in last_misc))
                text = None
                last_misc = ""
    return [d for d in docs if any(d)]


def build(doc):
    """Text of a document, its gold boundaries (byte offsets) and paragraph ends."""
    out = bytearray()
    gold = set()
    par_ends = set()
    for p, par in enumerate(doc):
        if not par:
            continue
        if out:
            out += b"\n\n"
        for s, (sent, space_after) in enumerate(par):
            if s > 0 and par[s - 1][1]:
                out += b" "
            out += sent.encode("utf-8")
            gold.add(len(out))
        par_ends.add(len(out))
    end = len(out)
    gold.discard(end)
    par_ends.discard(end)
    return out.decode("utf-8"), gold, par_ends


def score(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def wirecheck_boundaries(binary, texts):
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, t in enumerate(texts):
            name = os.path.join(tmp, f"doc{i:05}.txt")
            with open(name, "w", encoding="utf-8") as f:
                f.write(t)
            names.append(name)
        start = time.perf_counter()
        run = subprocess.run(
            [binary, "inspect", tmp, "--format", "json"],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        report = json.loads(run.stdout)
    by_name = {os.path.basename(d["path"]): d for d in report["documents"]}
    out = []
    for i, t in enumerate(texts):
        d = by_name.get(f"doc{i:05}.txt")
        data = t.encode("utf-8")
        ends = set()
        if d:
            for s in d["sentences"]:
                end = s["end"]
                while end > 0 and data[end - 1 : end].isspace():
                    end -= 1
                ends.add(end)
        ends.discard(len(data.rstrip()))
        out.append(ends)
    return out, elapsed


def pysbd_boundaries(texts):
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    out = []
    start = time.perf_counter()
    for t in texts:
        ends = set()
        offset = 0  # byte offset of the paragraph
        for k, par in enumerate(t.split("\n\n")):
            if k > 0:
                offset += 2
            for span in seg.segment(par) if par.strip() else []:
                piece = par[: span.end].rstrip()
                ends.add(offset + len(piece.encode("utf-8")))
            offset += len(par.encode("utf-8"))
        ends.discard(len(t.encode("utf-8").rstrip()))
        out.append(ends)
    return out, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--split", default="test")
    ap.add_argument("--wirecheck", default="target/release/wirecheck")
    args = ap.parse_args()
    for corpus in ["gum", "ewt"]:
        path = os.path.join(args.data, f"en_{corpus}-ud-{args.split}.conllu")
        if not os.path.exists(path):
            print(f"{path}: missing, skipped", file=sys.stderr)
            continue
        docs = [build(d) for d in read_conllu(path)]
        texts = [d[0] for d in docs]
        golds = [d[1] for d in docs]
        inner = [d[1] - d[2] for d in docs]
        n_sent = sum(len(g) for g in golds) + len(docs)
        print(f"UD English {corpus.upper()} {args.split}: {len(docs)} documents, {n_sent} sentences")
        for label, (preds, secs) in [
            ("wirecheck", wirecheck_boundaries(args.wirecheck, texts)),
            ("pySBD", pysbd_boundaries(texts)),
        ]:
            all_pred = {(i, b) for i, p in enumerate(preds) for b in p}
            all_gold = {(i, b) for i, g in enumerate(golds) for b in g}
            pars = {(i, b) for i, d in enumerate(docs) for b in d[2]}
            in_pred = all_pred - pars
            in_gold = {(i, b) for i, g in enumerate(inner) for b in g}
            p, r, f = score(all_pred, all_gold)
            ip, ir, iff = score(in_pred, in_gold)
            print(
                f"  {label:<10} all boundaries P {p:.3f} R {r:.3f} F1 {f:.3f} | "
                f"inside paragraphs P {ip:.3f} R {ir:.3f} F1 {iff:.3f} | {secs:.2f} s"
            )


if __name__ == "__main__":
    main()
