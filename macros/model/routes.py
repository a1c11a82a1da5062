"""Where everything is published, written down once: pages (paths relative to content/), the
PDFs, and the URLs of both in either URL style. Web pages and print both read it."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

PAGES = {
    "werkblad": "waaier/{id}.md",
    "principe": "handleiding/notendop/{id}.md",
    "basistaak": "handleiding/traject/{id}.md",
    "oefening": "training/oefeningen/{id}.md",
    "cursus": "training/cursussen/{id}.md",
    # Guidance on language, reading and understanding, linked from every worksheet's guidance.
    "taalgids": "handleiding/taal-en-begrip/{id}.md",
}
PRIVACY_PAGE = "privacy.md"

PDF_DIR = "pdf"
BOOK_PDF = f"{PDF_DIR}/handboek.pdf"
WAAIER_PDF = f"{PDF_DIR}/hulpmiddelenwaaier.pdf"


def page_of(kind: str, ident: str) -> str:
    return PAGES[kind].format(id=ident)


def pack_page(course_id: str, trainer: bool) -> str:
    """The page with a whole course: the trainer script or the participants' handout."""
    return page_of("cursus", course_id).replace(".md", "-draaiboek.md" if trainer
                                                 else "-deelnemers.md")


def worksheet_pdf(ident: str, fillable: bool = False, language: str | None = None) -> str:
    """language: a folder in worksheets/vertalingen/ for the sheet in Dutch and that language."""
    part = f"-{language}" if language else ""
    return f"{PDF_DIR}/werkbladen/{ident}{part}-{'invulbaar' if fillable else 'leeg'}.pdf"


def worksheet_pdf_script(ident: str) -> str:
    """The fillable PDF as a script (see print/fillable_script.py), beside the PDF itself."""
    return worksheet_pdf(ident, True).removesuffix(".pdf") + ".js"


# pdf-lib and its font engine (vendored from npm), loaded only when a worksheet's
# "Download als ingevulde PDF" is used; fontkit lets pdf-lib write every letter of a name.
PDF_LIB_SCRIPTS = ("assets/vendor/pdf-lib/pdf-lib.min.js",
                   "assets/vendor/pdf-lib-fontkit/fontkit.umd.min.js")


def course_pdf(ident: str, trainer: bool) -> str:
    return f"{PDF_DIR}/training/{ident}-{'draaiboek' if trainer else 'deelnemers'}.pdf"


def cards_pdf(ident: str) -> str:
    """The cut-out cards of an exercise (print/cards.py)."""
    return f"{PDF_DIR}/training/kaarten/{ident}.pdf"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link target from one page (src path) to another; MkDocs makes it a URL."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def href(from_url: str, output: str) -> str:
    """A link from a page URL (as Routes.page_url gives) to a file in the built site."""
    folder = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    link = posixpath.relpath(output or ".", folder or ".")
    return link + "/" if output.endswith("/") and not link.endswith("/") else link


@dataclass(frozen=True)
class Routes:
    """URLs in the built site for one URL style: MkDocs' use_directory_urls, which `make
    offline` turns off (a/b.md is then published as a/b.html, not a/b/)."""
    directory_urls: bool = True

    def page_url(self, src: str) -> str:
        """The URL (relative to the site root) of a page, as the site publishes it."""
        stem = src[:-3] if src.endswith(".md") else src
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def link(self, from_page: str, to: str) -> str:
        """A link for raw HTML (which MkDocs does not rewrite) from a page (src path) to a
        page (src path ending in .md) or a file in the built site."""
        target = self.page_url(to) if to.endswith(".md") else to
        return href(self.page_url(from_page), target) or "./"
