"""Reading a PDF's page layout back with pdfplumber, for the layout tests."""
from __future__ import annotations

from pathlib import Path

MM = 72 / 25.4
FOOT = 18 * MM   # the bottom page margin of print.css: footers live below it
HEAD = 14 * MM


def _lines(words):
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def stranded_lines(path: Path) -> list[tuple[int, str]]:
    """(page number, text) of each page but the last that ends with a heading or label: a
    last line in bold or in a heading size with nothing drawn under it on that page (its
    writing space, table or text went on to the next page)."""
    import pdfplumber

    found = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages[:-1], 1):
            bottom = page.height - FOOT
            words = [w for w in page.extract_words(extra_attrs=["fontname", "size"])
                     if HEAD < w["top"] and w["bottom"] < bottom]
            if not words:
                continue
            last = _lines(words)[-1]
            heading = all("Bold" in w["fontname"] or w["size"] > 11.5 for w in last)
            line_bottom = max(w["bottom"] for w in last)
            drawn_below = any(g["bottom"] > line_bottom + 1 and g["bottom"] < bottom
                              for g in page.rects + page.lines + page.curves)
            if heading and not drawn_below:
                found.append((number, " ".join(w["text"] for w in last)))
    return found


def page_fill(path: Path) -> list[float]:
    """How full each page is: the lowest text, rule, box, curve, picture or form field drawn in
    the body (between the top and bottom page margins of print.css), as a fraction of the
    body's height. The footer and a running head sit in the margins, so they do not count; an
    empty body is 0.0."""
    import pdfplumber

    fills = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            top, bottom = HEAD, page.height - FOOT
            drawn = [*page.chars, *page.rects, *page.lines, *page.curves, *page.images,
                     *page.annots]
            lowest = max((min(o["bottom"], bottom) for o in drawn
                          if o["top"] < bottom - 0.5 and o["bottom"] > top + 0.5), default=top)
            fills.append(round((lowest - top) / (bottom - top), 3))
    return fills
