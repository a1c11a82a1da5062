"""One PDF job and how it is rendered with WeasyPrint (in a worker process).

Its cache is in cache.py; scheduling the jobs over worker processes in rendering.py.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache, cached_property, partial
from typing import Callable

from .form import finish_form
from .tagging import margins_as_artifacts, one_link_per_line, tag_languages
from .render import Document

RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1"}
BOOK_PAGES = 8  # longer documents open with the bookmarks pane
# A worksheet whose last page is less full than this is laid out again with a page break
# before one of its fields (balanced_sheet): a near-empty last page is paper for one field.
BALANCE_BELOW = 1 / 3
# What may move to the last page: at most this part of its height, for what the estimate of
# the heights (margins that collapse differently at a page's top) does not see.
BALANCE_ROOM = 0.95
SHEET_BODIES = ("kw-blank", "kw-fillable")  # print/render.py worksheet_document
# Not the bilingual sheets (yet): 54 of their 114 blank PDFs would be laid out twice, which
# made a build from scratch a third slower (CPU 337 s instead of 253 s, December 2026).
NOT_BALANCED = "kw-bilingual"


@dataclass(frozen=True, eq=False)
class PdfJob:
    """One PDF: where it goes in the site, its print document, and how Downloads lists it.

    source is the document, or what makes it: then it is made when first asked for, which a
    job whose inputs digest the cache's memo knows (print/memo.py) may never be."""
    output: str
    source: Document | Callable[[], Document]
    group: str
    title: str
    variant: str
    publish: bool = True  # False: a part of a book (book_parts.py), joined, never published
    inputs_digest: str | None = None  # print/memo.py; None: keyed by its print HTML only

    @cached_property
    def document(self) -> Document:
        return self.source if isinstance(self.source, Document) else self.source()

    def __reduce__(self):  # a pickled job (bench/pdf_phase.py) carries its document, made
        return (PdfJob, (self.output, self.document, self.group, self.title, self.variant,
                         self.publish, self.inputs_digest))


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

    def lay_out(html: str):
        return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=_font_config(), **RENDER_OPTIONS)

    document = balanced_sheet(html, lay_out(html), lay_out)
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


# --- a worksheet without a near-empty last page -----------------------------------------
def _classes(box) -> list[str]:
    return (box.element.get("class") or "").split() if box.element is not None else []


def _sheet_form(page):
    """The box of the worksheet's form on this page (print/werkblad.html), or None."""
    boxes = [page._page_box]
    while boxes:
        box = boxes.pop()
        if "kw-form" in _classes(box):
            return box
        boxes.extend(getattr(box, "children", ()))
    return None


def _parts(page) -> list[tuple[object, float, float]]:
    """(element, top, bottom) of each field of the form on this page, in order."""
    form = _sheet_form(page)
    return [(box.element, box.position_y, box.position_y + box.margin_height())
            for box in (form.children if form else ()) if box.element is not None]


def _fill(page) -> float:
    """How much of the page body the worksheet uses, 0 to 1."""
    box = page._page_box
    parts = _parts(page)
    return (parts[-1][2] - box.content_box_y()) / box.height if parts else 0.0


def balanced_sheet(html: str, document, lay_out):
    """A worksheet of two or more pages whose last page is almost empty, laid out again with
    a page break before the field (on the page before it) that shares what those two pages
    hold most evenly: whole parts move on, every writing line stays. Kept only when the
    second layout has no more pages and a fuller last page. Other documents as they are:
    the waaier and the book lay out many sheets in one flow."""
    pages = document.pages
    body = pages[0]._page_box.children[0].children[0] if pages else None
    classes = set(_classes(body)) if body is not None else set()
    if (len(pages) < 2 or not classes & set(SHEET_BODIES) or NOT_BALANCED in classes
            or _fill(pages[-1]) >= BALANCE_BELOW):
        return document
    box = pages[-2]._page_box
    top, height = box.content_box_y(), box.height
    parts, last = _parts(pages[-2]), _fill(pages[-1]) * height
    if not parts:
        return document
    end = parts[-1][2]
    best, best_score = None, _fill(pages[-1])
    for index, (element, start, _) in enumerate(parts):
        if index == 0 or "kw-uitleg" in (parts[index - 1][0].get("class") or "").split():
            continue  # no change (or a heading alone), or an explanation without its part
        moved = end - start + last
        score = min(start - top, moved) / height
        if moved <= BALANCE_ROOM * height and score > best_score:
            best, best_score = element, score
    if best is None:
        return document
    form = _sheet_form(pages[-2]).element
    rule = f".kw-form > :nth-child({list(form).index(best) + 1}) {{ break-before: page; }}"
    again = lay_out(html.replace("</head>", f"<style>{rule}</style></head>", 1))
    if len(again.pages) == len(pages) and _fill(again.pages[-1]) > _fill(pages[-1]):
        return again
    return document
