"""The views pages show: Markdown that MkDocs renders, made by the templates in
templates/views/ from the catalogue. The renderers choose what a view shows; the templates
decide how it reads, with every fixed word from ui_text.yml.

Links in a view are made relative to its page: to pages as Markdown links to the .md source
(MkDocs rewrites those into URLs), to PDFs as raw HTML with the URL the site publishes.

The templates share the web and print environment, with autoescape on. In Markdown that is
harmless for our own words and ids (an entity shows as its character); a text field from the
YAML goes in through the `yaml_text` filter (web/templates.py), the one place that decides
what a field may contain.
"""
from __future__ import annotations

import jinja2

from ..model.routes import Routes, course_pdf, page_of, relative, worksheet_pdf
from .translations import shown_languages


class Views:
    def __init__(self, env: jinja2.Environment, routes: Routes):
        self.env = env
        self.routes = routes

    def _render(self, name: str, page: str | None, context: dict) -> str:
        """page: the page the view is on (src path), for its links; None for a view without."""
        return self.env.get_template(f"views/{name}.md").render(
            page=page, target=lambda kind, ident: relative(page, page_of(kind, ident)),
            pdf_href=lambda output: self.routes.link(page, output), **context)

    def block(self, name: str, page: str | None, **context) -> str:
        """A view that stands on its own lines: it ends with one newline, however the
        template ends, so that what the page has after the macro starts a new block."""
        return self._render(name, page, context).rstrip("\n") + "\n"

    def inline(self, name: str, page: str, **context) -> str:
        """A view inside a sentence (a link): no line break around it."""
        return self._render(name, page, context).strip()


def worksheet_pdfs(ident: str) -> list[tuple[str, str]]:
    """The PDFs a worksheet page offers: (file in the site, its label in the print labels)."""
    return [(worksheet_pdf(ident, False), "blank"), (worksheet_pdf(ident, True), "fillable")]


def bilingual_pdfs(cat, ws) -> list[dict]:
    """The worksheet's PDFs in Dutch and another language, per language with a current
    translation: its own name (with lang and dir for the link text) and the two PDFs."""
    return [{"name": lang.name, "lang": lang.tag, "dir": lang.direction, "easy": lang.easy,
             "pdfs": [(worksheet_pdf(ws.id, False, lang.code), "variant_blank"),
                      (worksheet_pdf(ws.id, True, lang.code), "variant_fillable")]}
            for lang in shown_languages(cat, ws)]


def course_pdfs(ident: str) -> list[tuple[str, str]]:
    return [(course_pdf(ident, True), "script_pdf"), (course_pdf(ident, False), "handout_pdf")]
