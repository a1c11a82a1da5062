"""Render worksheet PDFs alone, without a site build, and print each one's pages and how full
its last page is (the lowest text or field on it, as a share of the page's writing area).

    .venv/bin/python bench/sheet.py [--out DIR] [--fillable] [ID ...]   (no ID: every worksheet)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.model.load import load_catalogue  # noqa: E402
from macros.print.pdf import render  # noqa: E402
from macros.print.publish import print_renderer  # noqa: E402

MM = 72 / 25.4
PAGE_H, TOP, BOTTOM = 297 * MM, 14 * MM, 18 * MM  # A4 and the @page margins of print.css


def last_page_fill(path: Path) -> float:
    """How far down the writing area the last page's content reaches (0–1)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[-1]
        body_bottom = PAGE_H - BOTTOM
        bottoms = [w["bottom"] for w in page.extract_words() if w["bottom"] < body_bottom]
        bottoms += [r["bottom"] for r in page.rects + page.lines if r["bottom"] < body_bottom]
        lowest = max(bottoms, default=TOP)
    return max(0.0, (lowest - TOP) / (body_bottom - TOP))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kw-sheets"))
    parser.add_argument("--fillable", action="store_true")
    args = parser.parse_args()
    cat = load_catalogue(ROOT)
    renderer = print_renderer(cat, ROOT / ".cache")
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{'werkblad':42} {'pagina':>6} {'laatste':>8}")
    for ws in cat.worksheets_in_order():
        if args.ids and ws.id not in args.ids:
            continue
        doc = renderer.worksheet_document(ws, args.fillable)
        data, pages, _ = render(doc.html, doc.base_url, doc.field_labels)
        suffix = "invulbaar" if args.fillable else "leeg"
        path = args.out / f"{ws.id}-{suffix}.pdf"
        path.write_bytes(data)
        (args.out / f"{ws.id}-{suffix}.html").write_text(doc.html, encoding="utf-8")
        print(f"{ws.id:42} {pages:6} {last_page_fill(path):7.0%}")


if __name__ == "__main__":
    main()
