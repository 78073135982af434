#!/usr/bin/env python3
"""Side-by-side timing: the whole `wirecheck audit` vs a Python MinHash LSH stage alone on
the same corpus: datasketch (128 permutations, 5-word shingles, threshold 0.5) and gaoya
(Rust-backed, 25 bands x 5 hashes, 5-word shingles, threshold 0.5, parallel bulk insert and
query).

Usage: python3 benches/datasketch_compare.py [ARTICLES | FILE.jsonl] [--no-datasketch]

With a number (default 20000): builds the synthetic corpus (examples/gen_corpus). With a JSON
Lines file (one article per line, `text` field; e.g. a wire archive): both tools read that
file. Builds the release binary, installs datasketch and gaoya with pip if missing, runs all,
prints the times and the ratios.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure(module):
    try:
        __import__(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", module], check=True)


def read_texts(paths):
    """Article texts: each file, or each line's `text` of a JSON Lines file."""
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            if path.endswith(".jsonl"):
                texts.extend(json.loads(line).get("text", "") for line in f if line.strip())
            else:
                texts.append(f.read())
    return texts


def gaoya_lsh(texts):
    """gaoya's MinHash-LSH stage: index every article, query every article."""
    from gaoya.minhash import MinHashStringIndex

    index = MinHashStringIndex(hash_size=32, jaccard_threshold=0.5, num_bands=25, band_size=5,
                               analyzer="word", lowercase=True, ngram_range=(5, 5))
    ids = list(range(len(texts)))
    index.par_bulk_insert_docs(ids, texts)
    results = index.par_bulk_query(texts)
    return sum(len(r) - 1 for r in results) // 2


def minhash_lsh(paths):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    signatures = {}
    for key, text in enumerate(read_texts(paths)):
        words = re.findall(r"\w+", text.lower())
        m = MinHash(num_perm=128)
        for i in range(max(len(words) - 4, 1)):
            m.update(" ".join(words[i : i + 5]).encode("utf-8"))
        signatures[key] = m
        lsh.insert(key, m)
    candidate_pairs = 0
    for path, m in signatures.items():
        candidate_pairs += len(lsh.query(m)) - 1
    return candidate_pairs // 2


def time_all(binary, target, paths, with_datasketch):
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "audit", target, "--format", "json", "--fail-on", "never", "-q"],
                       check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    wirecheck_s = sorted(runs)[1]
    # gaoya's stage includes reading the texts, as wirecheck's run includes reading the files.
    start = time.perf_counter()
    gaoya_pairs = gaoya_lsh(read_texts(paths))
    gaoya_s = time.perf_counter() - start
    print(f"articles:                          {len(read_texts(paths))}")
    print(f"wirecheck audit (everything):      {wirecheck_s:8.2f} s  (median of 3 runs)")
    print(f"gaoya MinHash LSH stage alone:     {gaoya_s:8.2f} s  ({gaoya_pairs} candidate pairs)")
    print(f"ratio (wirecheck / gaoya):         {wirecheck_s / gaoya_s:8.2f}x")
    if with_datasketch:
        start = time.perf_counter()
        pairs = minhash_lsh(paths)
        datasketch_s = time.perf_counter() - start
        print(f"datasketch MinHash LSH alone:      {datasketch_s:8.2f} s  ({pairs} candidate pairs)")
        print(f"ratio (datasketch / wirecheck):    {datasketch_s / wirecheck_s:8.1f}x")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_datasketch = "--no-datasketch" not in sys.argv
    target = args[0] if args else "20000"
    ensure("datasketch")
    ensure("gaoya")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--examples", "--bins"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "wirecheck")
    if target.endswith(".jsonl"):
        with open(target, "rb") as f:
            f.read()
        time_all(binary, target, [target], with_datasketch)
        return
    articles = int(target)
    with tempfile.TemporaryDirectory() as corpus:
        subprocess.run(
            [os.path.join(ROOT, "target", "release", "examples", "gen_corpus"), "synthetic", corpus, str(articles)],
            check=True,
        )
        paths = sorted(os.path.join(corpus, p) for p in os.listdir(corpus))
        # Both tools read the same files: warm the page cache once so neither pays for it.
        for path in paths:
            with open(path, "rb") as f:
                f.read()
        time_all(binary, corpus, paths, with_datasketch)


if __name__ == "__main__":
    main()
