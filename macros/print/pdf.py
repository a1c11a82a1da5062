"""One PDF job and how it is rendered with WeasyPrint (in a worker process).

Its cache is in cache.py; scheduling the jobs over worker processes in rendering.py.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache, partial

from .form import finish_form
from .tagging import margins_as_artifacts, one_link_per_line, tag_languages
from .render import Document

RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1"}
BOOK_PAGES = 8  # longer documents open with the bookmarks pane


@dataclass(frozen=True)
class PdfJob:
    """One PDF: where it goes in the site, its print document, and how Downloads lists it."""
    output: str
    document: Document
    group: str
    title: str
    variant: str
    publish: bool = True  # False: a part of a book (book_parts.py), joined, never published


@dataclass(frozen=True)
class Result:
    output: str
    size: int
    pages: int | None       # None when copied from the cache
    seconds: float | None   # None when copied from the cache


@cache
def _font_config():
    """One font configuration per worker process: loading the system's font list and the
    @font-face fonts again for every document took half the time of a one-page worksheet."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render(html: str, base_url: str, field_labels=(), inputs=()) -> tuple[bytes, int, float]:
    """HTML to PDF bytes, page count and seconds taken."""
    return render_with_facts(html, base_url, field_labels, inputs)[:3]


def render_with_facts(html: str, base_url: str, field_labels=(),
                      inputs=()) -> tuple[bytes, int, float, dict]:
    """HTML to PDF bytes, page count, seconds taken and the layout's facts: the page (from 0)
    of every anchor and every bookmark with its level, which a book joined from parts needs
    (book_parts.py). Runs in a worker process. Only the project's own files are loaded
    (fetch.py); nothing is attached to the PDF."""
    from weasyprint import HTML

    from .fetch import ProjectFetcher, root_of

    start = time.perf_counter()
    fetcher = ProjectFetcher(root_of(base_url), inputs)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=_font_config(), **RENDER_OPTIONS)
    tag_languages()
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    pdf = document.write_pdf(finisher=partial(_finish, dict(field_labels)), **RENDER_OPTIONS)
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for name in page.anchors:  # a box over several pages is an anchor on each: the first
            anchors.setdefault(name, number)
    facts = {"pages": len(document.pages), "anchors": anchors,
             "bookmarks": [[number, level, label] for number, page in enumerate(document.pages)
                           for level, label, _, _ in page.bookmarks]}
    return pdf, len(document.pages), time.perf_counter() - start, facts


def _finish(labels: dict[str, str], document, pdf) -> None:
    """Last touches to the PDF WeasyPrint 70 made, before it is written: a book opens with its
    bookmarks shown, running heads and footers are artifacts and a contents line is one link
    (tagging.py), and a form is made to work in every viewer (form.py)."""
    if "Outlines" in pdf.catalog and len(document.pages) > BOOK_PAGES:
        pdf.catalog["PageMode"] = "/UseOutlines"
    margins_as_artifacts(pdf)
    one_link_per_line(pdf)
    finish_form(pdf, document, labels)
