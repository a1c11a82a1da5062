"""One PDF job and how it is rendered with WeasyPrint (in a worker process).

Its cache is in cache.py; scheduling the jobs over worker processes in rendering.py.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache, partial

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
    """HTML to PDF bytes, page count and seconds taken. Runs in a worker process. Only the
    project's own files are loaded (fetch.py); nothing is attached to the PDF."""
    from weasyprint import HTML

    from .fetch import ProjectFetcher, root_of

    start = time.perf_counter()
    fetcher = ProjectFetcher(root_of(base_url), inputs)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=_font_config(), **RENDER_OPTIONS)
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    pdf = document.write_pdf(finisher=partial(_finish, dict(field_labels)), **RENDER_OPTIONS)
    return pdf, len(document.pages), time.perf_counter() - start


def _finish(labels: dict[str, str], document, pdf) -> None:
    """Last touches to the PDF WeasyPrint 70 made, before it is written.

    A book opens with its bookmarks shown. In a form, WeasyPrint names every radio button like
    its group and lists it in /Fields beside the group; PDF readers expect the buttons only as
    the group's unnamed /Kids. And it takes a field's tooltip (its accessible name) from a
    <label>, which table cells and groups do not have."""
    if "Outlines" in pdf.catalog and len(document.pages) > BOOK_PAGES:
        pdf.catalog["PageMode"] = "/UseOutlines"
    form = pdf.catalog.get("AcroForm")
    if not form:
        return
    from pydyf import String

    kids = set()
    for obj in pdf.objects:
        if isinstance(obj, dict) and "Kids" in obj and obj.get("FT") == "/Btn":
            kids.update(obj["Kids"])
    for obj in pdf.objects:
        if not isinstance(obj, dict):
            continue
        if obj.reference in kids:
            for key in ("T", "TU", "FT"):
                obj.pop(key, None)
        elif "T" in obj and obj["T"].string in labels:
            obj["TU"] = String(labels[obj["T"].string])
    form["Fields"] = type(form["Fields"])(ref for ref in form["Fields"] if ref not in kids)
