#!/usr/bin/env python3
"""Main-text extraction quality and speed: wirecheck against trafilatura and readability-lxml.

Two data layouts are understood (see benches/quality/README.md for where they come from):

* scrapinghub's article-extraction-benchmark (a directory with ``html/*.html.gz`` and
  ``ground-truth.json``): every system is scored with that benchmark's own metric, word 4-gram
  shingle overlap per page (tp/fp/fn normalised per page), precision and recall averaged over
  pages, F1 from the two averages; the code below is a copy of its ``evaluate.py`` scoring.
* trafilatura's evaluation set (a checkout with ``tests/eval/*.html`` and
  ``tests/evaldata.json``): per page, the ``with`` snippets that must be in the text and the
  ``without`` snippets that must not; precision, recall and F1 over all snippets, as in
  trafilatura's own ``tests/comparison.py``.

All systems read the same pages in the same run. Times are the extraction alone for the Python
systems (in process, pages already in memory, one thread). wirecheck is timed two ways, both
printed and named:

* ``wirecheck`` (and ``wc-all-kinds``): the whole ``wirecheck inspect --format json --stats``
  process, from the parent's resource usage: reading the files, decoding, extraction, cleaning,
  sentence segmentation and language identification of every page, and the JSON output of every
  sentence. An upper bound, and more work than the Python systems are timed on.
* ``wc-extract``: wirecheck's extraction stage as its own ``--stats`` reports it: the CPU time of
  ``extract`` (decoding the bytes, HTML main text, metadata, removed regions) plus ``clean``
  (boilerplate lines, credits, tables, datelines), summed over pages. This is the like-for-like
  figure against ``trafilatura.extract``; it has no wall time of its own (pages are read in
  parallel).

Both wall time and CPU time (user + system) are printed: on a shared machine wall time mostly
measures the wait for a core; CPU time is the work done.

Usage:
    python3 benches/quality/html_extraction.py DATA_DIR [--only wirecheck,trafilatura,readability]
        [--binary target/release/wirecheck] [--show-worst N] [--subset even|odd]
"""

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- the benchmark's scoring

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _ngrams(text, n=4):
    tokens = _TOKEN_RE.findall(text or "")
    return [tuple(tokens[i:i + n]) for i in range(0, max(1, len(tokens) - n + 1)) if tokens[i:i + n]]


def shingle_tp_fp_fn(true, pred):
    ts, ps = Counter(_ngrams(true)), Counter(_ngrams(pred))
    tp = fp = fn = 0.0
    for key in set(ts) | set(ps):
        t, p = ts.get(key, 0), ps.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aeb_metrics(rows):
    p = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    r = [_recall(*x) for x in rows if x[0] + x[2] > 0]
    precision = sum(p) / len(p) if p else 0.0
    recall = sum(r) / len(r) if r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


# ---------------------------------------------------------------- data sets


def load_pages(data):
    """Returns (kind, [(id, html_bytes, truth)])."""
    if (data / "ground-truth.json").exists():
        truth = json.loads((data / "ground-truth.json").read_text(encoding="utf8"))
        pages = []
        for path in sorted((data / "html").glob("*.html.gz")):
            key = path.name.split(".")[0]
            pages.append((key, gzip.open(path, "rb").read(), truth[key].get("articleBody", "")))
        return "aeb", pages
    evaldata = data / "tests" / "evaldata.json"
    if evaldata.exists():
        truth = json.loads(evaldata.read_text(encoding="utf8"))
        pages = []
        for url, item in sorted(truth.items()):
            path = data / "tests" / "eval" / item["file"]
            if path.exists():
                pages.append((path.stem, path.read_bytes(), item))
        return "trafilatura", pages
    sys.exit(f"{data}: neither ground-truth.json nor tests/evaldata.json found")


def as_text(raw):
    # The Python systems get text the way the benchmark's own runners give it to them.
    return raw.decode("utf8", errors="replace")


# ---------------------------------------------------------------- systems


# Stages of `--stats` that together do what trafilatura.extract does.
EXTRACTION_STAGES = ("extract", "clean")


def parse_stats(stderr):
    """{stage: (cpu, wall)} from the table `--stats` prints on standard error."""
    stages = {}
    for line in stderr.splitlines():
        m = re.match(r"^(\w+)\s+([\d.]+|-)\s+([\d.]+|-)$", line.strip())
        if m and m.group(1) != "stage":
            num = lambda v: float(v) if v != "-" else float("nan")
            stages[m.group(1)] = (num(m.group(2)), num(m.group(3)))
    return stages


def run_wirecheck(pages, binary):
    with tempfile.TemporaryDirectory() as tmp:
        for key, raw, _ in pages:
            Path(tmp, key + ".html").write_bytes(raw)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [binary, "inspect", "--format", "json", "--fail-on", "never", "--stats", tmp],
            capture_output=True,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1, 2) or not proc.stdout:
        sys.exit(f"wirecheck failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    stats = parse_stats(proc.stderr.decode(errors="replace"))
    missing = [s for s in EXTRACTION_STAGES if s not in stats]
    if missing:
        sys.exit(f"wirecheck --stats printed no {', '.join(missing)} stage: {proc.stderr.decode()[-2000:]}")
    stage_cpu = sum(stats[s][0] for s in EXTRACTION_STAGES)
    report = json.loads(proc.stdout)
    out, body = {}, {}
    for doc in report["documents"]:
        key = Path(doc["path"]).name[: -len(".html")]
        # One line per sentence.
        out[key] = "\n".join(s["text"] for s in doc["sentences"])
        # The article body as wirecheck labels it: without the sentences it marks as photo
        # captions and credits (which the benchmarks' ground truth leaves out, as trafilatura
        # and readability mostly do).
        body[key] = "\n".join(s["text"] for s in doc["sentences"] if s.get("kind") not in NOT_BODY)
    return out, body, (elapsed, cpu), stage_cpu


NOT_BODY = {"caption", "credit"}

# The Rust ports of readability and trafilatura, run through a small program of their own
# (see benches/quality/README.md): `PORTS_BINARY NAME DIR` prints {"id": {"articleBody": text}}.
PORTS = {"dom_smoothie", "rs_trafilatura", "trafilatura_rs"}


def run_port(pages, name, binary):
    with tempfile.TemporaryDirectory() as tmp:
        for key, raw, _ in pages:
            Path(tmp, key + ".html").write_bytes(raw)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([binary, name, tmp], capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"{name} failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    out = {k: v.get("articleBody") or "" for k, v in json.loads(proc.stdout).items()}
    return out, (elapsed, cpu)


def run_trafilatura(pages):
    import trafilatura

    texts = [(k, as_text(raw)) for k, raw, _ in pages]
    out = {}
    start, cpu = time.perf_counter(), time.process_time()
    for key, html in texts:
        out[key] = trafilatura.extract(html, include_comments=False) or ""
    return out, (time.perf_counter() - start, time.process_time() - cpu)


def run_readability(pages):
    import html_text
    from readability import Document

    texts = [(k, as_text(raw)) for k, raw, _ in pages]
    out = {}
    start, cpu = time.perf_counter(), time.process_time()
    for key, html in texts:
        try:
            summary = Document(html).summary(html_partial=True)
            out[key] = html_text.extract_text(summary)
        except Exception:  # readability raises on some pages; the benchmark counts them empty
            out[key] = ""
    return out, (time.perf_counter() - start, time.process_time() - cpu)


# ---------------------------------------------------------------- scoring


def score(kind, pages, out):
    if kind == "aeb":
        rows = {key: shingle_tp_fp_fn(truth, out.get(key, "")) for key, _, truth in pages}
        f1, p, r = aeb_metrics(list(rows.values()))
        per_page = {}
        for key, row in rows.items():
            pp, rr = _precision(*row), _recall(*row)
            per_page[key] = 2 * pp * rr / (pp + rr) if pp + rr else 0.0
        return f1, p, r, per_page
    tp = fp = fn = 0
    per_page = {}
    for key, _, item in pages:
        text = " ".join((out.get(key) or "").split())
        good = bad = 0
        for s in item.get("with", []):
            if " ".join(s.split()) in text:
                tp += 1
                good += 1
            else:
                fn += 1
                bad += 1
        for s in item.get("without", []):
            if " ".join(s.split()) in text:
                fp += 1
                bad += 1
        per_page[key] = good / (good + bad) if good + bad else 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r, per_page


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--only", default="wirecheck,trafilatura,readability")
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "wirecheck"))
    ap.add_argument("--no-build", action="store_true", help="use --binary as it is")
    ap.add_argument("--ports-binary", type=Path,
                    help="the ports program (benches/quality/README.md); adds dom_smoothie, "
                         "rs_trafilatura and trafilatura_rs to the systems")
    ap.add_argument("--show-worst", type=int, default=0)
    ap.add_argument("--subset", choices=["even", "odd"], help="every other page (a development half)")
    ap.add_argument("--dump", type=Path, help="write each system's texts as JSON into this directory")
    ap.add_argument("--cached", type=Path,
                    help="read the peers' texts from an earlier --dump directory instead of running them "
                         "(development only: their times are then not measured)")
    args = ap.parse_args()

    kind, pages = load_pages(args.data)
    if args.subset:
        pages = pages[0 if args.subset == "even" else 1::2]
    systems = args.only.split(",")
    if args.ports_binary:
        systems += [p for p in sorted(PORTS) if p not in systems]
    if "wirecheck" in systems and not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"{kind} set: {len(pages)} pages, {sum(len(r) for _, r, _ in pages) / 1e6:.1f} MB of HTML")
    print(f"{'system':<14} {'F1':>6} {'prec':>6} {'recall':>6} {'empty':>6} {'wall s':>8} {'CPU s':>8} {'pages/CPU s':>11}")
    results = {}
    timings = {}
    rows = []
    for name in systems:
        if name == "wirecheck":
            out, body, secs, stage_cpu = run_wirecheck(pages, args.binary)
            rows.append(("wirecheck", body, secs))
            rows.append(("wc-all-kinds", out, secs))
            rows.append(("wc-extract", body, (float("nan"), stage_cpu)))
            continue
        if name in PORTS:
            if not args.ports_binary:
                sys.exit(f"{name} needs --ports-binary")
            out, secs = run_port(pages, name, args.ports_binary)
        elif args.cached and (args.cached / f"{name}.json").exists():
            out, secs = json.loads((args.cached / f"{name}.json").read_text()), (float("nan"),) * 2
        elif name == "trafilatura":
            out, secs = run_trafilatura(pages)
        elif name == "readability":
            out, secs = run_readability(pages)
        else:
            sys.exit(f"unknown system {name}")
        rows.append((name, out, secs))
    for name, out, secs in rows:
        f1, p, r, per_page = score(kind, pages, out)
        # Empty: fewer than 10 words where the truth has more.
        empty = sum(1 for key, _, _ in pages if len(_TOKEN_RE.findall(out.get(key) or "")) < 10)
        results[name] = (out, per_page)
        wall, cpu = secs
        secs_or_dash = lambda v: f"{v:8.2f}" if v == v else f"{'-':>8}"
        print(f"{name:<14} {f1:6.3f} {p:6.3f} {r:6.3f} {empty:6d} {secs_or_dash(wall)} {secs_or_dash(cpu)} "
              f"{len(pages) / cpu:11.1f}")
        timings[name] = secs
        if args.dump and not (args.cached and not name.startswith("w")):
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=0))
    if "wirecheck" in timings:
        print("speed (times: the Python systems' extraction; wirecheck's whole process, and its "
              f"extraction stage = {' + '.join(EXTRACTION_STAGES)} of --stats, CPU summed over pages):")
        for name, (wall, cpu) in timings.items():
            if not name.startswith("w") and cpu == cpu:
                w, c = timings["wirecheck"]
                _, stage = timings["wc-extract"]
                print(f"  wirecheck extraction stage is {cpu / stage:.1f}x faster than {name} in CPU time")
                print(f"  wirecheck whole process is {cpu / c:.1f}x faster than {name} in CPU time, "
                      f"{wall / w:.1f}x in wall time")
    if args.show_worst and "wirecheck" in results:
        per_page = results["wirecheck"][1]
        others = {n: pp for n, (_, pp) in results.items() if not n.startswith("w")}
        worst = sorted(per_page, key=lambda k: per_page[k] - max([o[k] for o in others.values()] or [0]))
        print("\npages where wirecheck trails the best peer most:")
        for key in worst[: args.show_worst]:
            peers = " ".join(f"{n}={o[key]:.2f}" for n, o in others.items())
            print(f"  {key}  wirecheck={per_page[key]:.2f} {peers}")


if __name__ == "__main__":
    main()
