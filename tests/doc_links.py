#!/usr/bin/env python3
"""Every relative link of README.md, docs/*.md and data/*.md leads somewhere: the file
exists and, for a Markdown file, so does the heading the #anchor names (GitHub's
anchors: lower case, punctuation dropped, spaces as hyphens).

usage: doc_links.py SOURCE_DIR       exit status 1 on a broken link
"""
import glob
import os
import re
import sys

LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading):
    heading = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return heading.replace(" ", "-")


def anchors(path):
    found, fence = set(), False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            fence = not fence
        m = re.match(r"^#{1,6} (.*)$", line)
        if m and not fence:
            found.add(slug(m.group(1)))
    return found


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    pages = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md"))) \
        + sorted(glob.glob(os.path.join(root, "data", "*.md")))
    bad = links = 0
    for page in pages:
        for m in LINK.finditer(open(page, encoding="utf-8").read()):
            target = m.group(1)
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            links += 1
            path, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
            rel = os.path.relpath(page, root)
            if not os.path.exists(dest):
                print("%s: %s: no such file" % (rel, target))
                bad += 1
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                print("%s: %s: no such heading" % (rel, target))
                bad += 1
    print("%d links, %d broken" % (links, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
