"""Compare two built sites: every file byte for byte, and each PDF by what a reader gets
(page count, text per page, form fields with their names and tooltips, bookmarks), because
a PDF's bytes carry its creation time.

    python bench/compare_sites.py BEFORE_SITE AFTER_SITE   # exit 1 when they differ
"""
from __future__ import annotations

import sys
from pathlib import Path

from pypdf import PdfReader


def pdf_summary(path: Path) -> dict:
    reader = PdfReader(path)
    fields = {name: (f.get("/FT"), f.get("/TU")) for name, f in (reader.get_fields() or {}).items()}
    outline = []

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                outline.append((depth, item.title))

    walk(reader.outline)
    return {"pages": len(reader.pages), "text": [p.extract_text() for p in reader.pages],
            "fields": fields, "outline": outline, "lang": reader.trailer["/Root"].get("/Lang")}


def compare(before: Path, after: Path) -> list[str]:
    differences = []
    names = {p.relative_to(before).as_posix() for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()}
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            differences.append(f"{name}: only in {'after' if b.is_file() else 'before'}")
        elif name.endswith(".pdf"):
            sa, sb = pdf_summary(a), pdf_summary(b)
            for key in sa:
                if sa[key] != sb[key]:
                    differences.append(f"{name}: {key} differs")
        elif a.read_bytes() != b.read_bytes():
            differences.append(f"{name}: bytes differ")
    return differences


if __name__ == "__main__":
    found = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(found) or "no differences")
    sys.exit(1 if found else 0)
