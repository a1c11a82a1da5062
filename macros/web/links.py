"""Links from web pages: to other pages (Markdown, which MkDocs rewrites) and to PDFs (raw HTML)."""
from __future__ import annotations

from markupsafe import escape

from ..model.labels import LABELS
from ..model.routes import Routes, course_pdf, page_of, relative, worksheet_pdf


def markdown_link(page: str, kind: str, ident: str, title: str) -> str:
    return f"[{title}]({relative(page, page_of(kind, ident))})"


def pdf_links(routes: Routes, page: str, outputs: list[tuple[str, str]]) -> str:
    """A paragraph of PDF links (raw HTML, one block): (output, label key in print labels)."""
    links = [f'<a href="{escape(routes.link(page, output))}" type="application/pdf">'
             f'{escape(LABELS.print[key])}</a>' for output, key in outputs]
    return f'<p class="kw-pdf-links">{" · ".join(links)}</p>'


def worksheet_pdf_links(routes: Routes, page: str, ident: str) -> str:
    return pdf_links(routes, page, [(worksheet_pdf(ident, False), "blank"),
                                    (worksheet_pdf(ident, True), "fillable")])


def course_pdf_links(routes: Routes, page: str, ident: str) -> str:
    return pdf_links(routes, page, [(course_pdf(ident, True), "script_pdf"),
                                    (course_pdf(ident, False), "handout_pdf")])
