"""Where each PDF is published in the built site, and the links to them from web pages."""
from __future__ import annotations

import posixpath

from markupsafe import escape

from ..ui_text import LABELS

PDF_DIR = "pdf"
BOOK_PDF = f"{PDF_DIR}/handboek.pdf"
WAAIER_PDF = f"{PDF_DIR}/hulpmiddelenwaaier.pdf"


def worksheet_pdf(ident: str, fillable: bool = False) -> str:
    return f"{PDF_DIR}/werkbladen/{ident}-{'invulbaar' if fillable else 'leeg'}.pdf"


def course_pdf(ident: str, trainer: bool) -> str:
    return f"{PDF_DIR}/training/{ident}-{'draaiboek' if trainer else 'deelnemers'}.pdf"


def course_pdf_links(page_src: str, ident: str) -> str:
    """Links from a course page to its trainer script and handout PDFs (raw HTML, one block)."""
    return _pdf_links(page_src, [(course_pdf(ident, True), "script_pdf"),
                                 (course_pdf(ident, False), "handout_pdf")])


# MkDocs' use_directory_urls (off in `make offline`); the adapter sets it for each build.
directory_urls = True


def page_url(src: str) -> str:
    """The URL (relative to the site root) of a page, as MkDocs will publish it."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_url: str, output: str) -> str:
    """A link from a page URL (as page_url gives) to a file in the built site."""
    folder = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    link = posixpath.relpath(output or ".", folder or ".")
    return link + "/" if output.endswith("/") and not link.endswith("/") else link


def worksheet_pdf_links(page_src: str, ident: str) -> str:
    """The two PDF links shown on a worksheet's web page (raw HTML, one block)."""
    return _pdf_links(page_src, [(worksheet_pdf(ident, False), "blank"),
                                 (worksheet_pdf(ident, True), "fillable")])


def _pdf_links(page_src: str, outputs: list[tuple[str, str]]) -> str:
    url = page_url(page_src)
    links = [f'<a href="{escape(href(url, output))}" type="application/pdf">'
             f'{escape(LABELS.print[key])}</a>' for output, key in outputs]
    return f'<p class="kw-pdf-links">{" · ".join(links)}</p>'
