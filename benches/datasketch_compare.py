#!/usr/bin/env python3
"""Side-by-side timing: the whole `wirecheck audit` vs a Python MinHash LSH alone
(datasketch, 128 permutations, 5-word shingles, threshold 0.5) on the same corpus.

Usage: python3 benches/datasketch_compare.py [ARTICLES]   (default 20000)

Builds the release binary and the synthetic corpus (examples/gen_corpus), installs datasketch
with pip if it is missing, runs both, prints both times and their ratio.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_datasketch():
    try:
        import datasketch  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "datasketch"], check=True)


def minhash_lsh(paths):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    signatures = {}
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            words = re.findall(r"\w+", f.read().lower())
        m = MinHash(num_perm=128)
        for i in range(max(len(words) - 4, 1)):
            m.update(" ".join(words[i : i + 5]).encode("utf-8"))
        signatures[path] = m
        lsh.insert(path, m)
    candidate_pairs = 0
    for path, m in signatures.items():
        candidate_pairs += len(lsh.query(m)) - 1
    return candidate_pairs // 2


def main():
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    ensure_datasketch()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--examples", "--bins"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "wirecheck")
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

        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([binary, "audit", corpus, "--format", "json", "--fail-on", "never", "-q"],
                           check=True, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - start)
        wirecheck_s = sorted(runs)[1]

        start = time.perf_counter()
        pairs = minhash_lsh(paths)
        datasketch_s = time.perf_counter() - start

    print(f"articles:                          {articles}")
    print(f"wirecheck audit (everything):      {wirecheck_s:8.2f} s  (median of 3 runs)")
    print(f"datasketch MinHash LSH alone:      {datasketch_s:8.2f} s  ({pairs} candidate pairs)")
    print(f"ratio (datasketch / wirecheck):    {datasketch_s / wirecheck_s:8.1f}x")


if __name__ == "__main__":
    main()
