#!/usr/bin/env python3
"""Convert the Reuters-21578 SGML files (Distribution 1.0) to JSON Lines for wirecheck.

Usage: python3 benches/quality/reuters.py SGM_DIR > reuters.jsonl

One line per story with a <BODY>: `id` (NEWID), `date` as in the archive
(`26-FEB-1987 15:01:01.79`), `title`, `text` (the body with its hard wraps, indented
paragraphs, tables and "Reuter" sign-off; SGML entities decoded). Stories without a body
(title-only flashes) are skipped: the archive has 19,043 with a body.
"""
import glob
import html
import json
import os
import re
import sys

STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def field(story, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
    return html.unescape(m.group(1)) if m else None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.stdout
    count = 0
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            data = f.read()
        for newid, story in STORY.findall(data):
            body = field(story, "BODY")
            if body is None:
                continue
            # The archive ends every body with "&#3;" after "Reuter"; html.unescape drops it.
            body = body.rstrip()
            date = (field(story, "DATE") or "").strip()
            title = (field(story, "TITLE") or "").strip()
            out.write(json.dumps({"id": newid, "date": date, "title": title, "text": body}) + "\n")
            count += 1
    print(f"{count} stories", file=sys.stderr)


if __name__ == "__main__":
    main()
