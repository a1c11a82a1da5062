"""Print view: HTML documents for WeasyPrint, built from the catalogue (not from the web page).

Worksheet fields use the web form's partials (templates/fields/<type>.html) unless
templates/print/fields/<type>.html overrides one, so the inputs carry the web form's names.
print.css turns those inputs into writing space for a pen; fillable.css (the fillable variant)
turns the same inputs into PDF form fields. book.css adds cover, contents and running headers.
Knows nothing of MkDocs or of how the PDFs are rendered and cached (print/build.py).
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..model import models
from ..model.catalogue import Catalogue
from ..model.controls import PAPER, worksheet_controls
from ..model.labels import LABELS
from ..web.render import field_context
from ..web.templates import template_environment

L = LABELS.print
FONTS_DIR = "content/assets/fonts"
# The font of the answers in a fillable PDF: embedded whole, so it must be small and cover
# the names people have (Latin-1, Latin Extended-A/B, Vietnamese). A subset of DejaVu Sans,
# see content/assets/fonts/form/README.md.
FORM_FONT = "content/assets/fonts/form/dejavu-sans-form.ttf"
FONT_FILE = re.compile(r"-(\d{3})-(normal|italic)\.(woff2|ttf)$")
FONT_FORMATS = {"woff2": "woff2", "ttf": "truetype"}
# The other scripts (content/assets/fonts/scripts/README.md), as TrueType for WeasyPrint: one
# family per file stem, after the page font in every font-family list (print.css), so a letter
# the page font lacks (Arabic, Cyrillic, ł) comes from the project and never from the system.
SCRIPT_FONTS = "content/assets/fonts/scripts/ttf"
SCRIPT_FONT_FILE = re.compile(r"^(.+)-(\d{3})-(normal|italic)\.ttf$")
# Noto Sans Arabic builds letters from a dotless body plus dots, so a PDF's text layer (copy,
# search, screen readers) gets the wrong letter for ق, ة and others; on paper Arabic comes from
# DejaVu Sans, whose letters are whole (scripts/ttf/dejavu-sans-arabic-*, a subset).
NOT_ON_PAPER = ("noto-sans-arabic-arabic",)
SHEET_CSS = ("print.css",)
SMALL_TABLE_ROWS = 4  # a table or list this short is never split over two pages
BOOK_CSS = ("print.css", "book.css")


@dataclass(frozen=True)
class Document:
    """One print HTML document and the local files it loads (they are part of its cache key)."""
    title: str
    html: str
    base_url: str
    inputs: tuple[Path, ...]
    # form field name -> accessible name (tooltip) for the fields of a fillable PDF
    field_labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Chapter:
    """A page of the handbook, its HTML already made fit for one book (see print/book.py)."""
    anchor: str
    title: str
    level: int
    html: str
    inputs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    level: int


HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def demote(html: str, by: int) -> str:
    """Headings `by` levels deeper (h1 -> h2 ...), so a page inside a book tags its headings
    by the book's structure: a section's title is H2 under its chapter's H1."""
    if by <= 0:
        return html
    return HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + by)}", html)


OL_START = re.compile(r'<ol start="(-?\d+)"')


def numbered_from_start(html: str) -> str:
    """WeasyPrint 70 ignores <ol start>: every list would count from 1 (a worksheet's five
    parts, each its own list, all printed "1."). The list-item counter says it instead."""
    return OL_START.sub(lambda m: f'{m[0]} style="counter-reset: list-item {int(m[1]) - 1}"',
                        html)


def project_version(root: Path) -> str | None:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return None
    return tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("version")


def dutch_date(day: dt.date) -> str:
    """Month and year, as on a book's cover; a daily date would re-render the books daily."""
    return f"{L['months'][day.month - 1]} {day.year}"


def css_string(text: str) -> Markup:
    """A text from content inside a CSS string in the print HTML's <style>: quotes and
    backslashes escaped, and no '<' that could end the style element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '\\"<>&\n\r' or ord(c) < 32 else c for c in text)
    return Markup(escaped)


def form_labels(cat: Catalogue, ws: models.Worksheet) -> dict[str, str]:
    """Every form field name of a worksheet on paper with its readable name (the tooltip)."""
    return {c.name: c.label for _, controls in worksheet_controls(cat, ws, PAPER)
            for c in controls}


class PrintRenderer:
    """Builds the print HTML for worksheets, the hulpmiddelenwaaier and the handbook."""

    def __init__(self, cat: Catalogue, version: str | None = None, date: dt.date | None = None,
                 fonts: list[Path] | None = None, env=None, logo: Path | None = None):
        """fonts: the project's font files to declare; by default content/assets/fonts/*.woff2
        (print/build.py passes them decompressed once, which renders much faster)."""
        self.cat = cat
        self.edition = cat.edition
        self.env = env or template_environment()
        self.fonts = tuple(sorted(fonts if fonts is not None
                                  else (cat.root / FONTS_DIR).glob("*.woff2")))
        self.script_fonts = tuple(sorted(
            p for p in (cat.root / SCRIPT_FONTS).glob("*.ttf")
            if not p.name.startswith(NOT_ON_PAPER)))
        # logo: the edition's logo where the PDFs read it (a copy named by its content)
        self.logo = logo or (cat.edition_dir / self.edition.logo if self.edition.logo else None)
        self.version = version or project_version(cat.root)
        self.date = dutch_date(date or dt.date.today())
        self.base_url = cat.root.as_uri() + "/"
        self._sheets: dict[str, Markup] = {}

    # --- pieces -------------------------------------------------------------------------
    def _css(self, names: tuple[str, ...], **extra) -> Markup:
        fonts = []
        for path in self.fonts:
            match = FONT_FILE.search(path.name)
            if match:
                fonts.append({"url": self._url(path), "weight": match[1], "style": match[2],
                              "format": FONT_FORMATS[match[3]]})
        scripts = [{"family": m[1], "weight": m[2], "style": m[3], "url": self._url(path)}
                   for path in self.script_fonts if (m := SCRIPT_FONT_FILE.match(path.name))
                   and m[1] not in NOT_ON_PAPER]
        context = {"fonts": fonts, "script_fonts": scripts,
                   "fallback": Markup("".join(f', "{f}"' for f in dict.fromkeys(
                       s["family"] for s in scripts))), "primary": self.edition.colours.primary,
                   "accent": self.edition.colours.accent,
                   "line_counts": range(1, 31), "cell_line_counts": range(1, 11), **extra}
        return Markup("\n".join(self.env.get_template(f"print/{name}").render(**context)
                                for name in names))

    def field_html(self, ws: models.Worksheet, field, view=None) -> Markup:
        """view: the texts of a bilingual sheet (print/bilingual.py); the control names stay
        those of the Dutch field."""
        template = self.env.select_template([f"print/fields/{field.type}.html",
                                             f"fields/{field.type}.html"])
        fields = list(ws.fields)
        index = next(i for i, f in enumerate(fields) if f is field)
        context = field_context(self.cat, ws, field, PAPER, view)
        html = template.render(**context, previous=fields[index - 1] if index else None)
        if self._small_table(field):  # the partial's root class, then ours
            root = f"kw-field--{field.type}"
            html = html.replace(root, f"{root} kw-keep", 1)
        return Markup(html)

    def _small_table(self, field) -> bool:
        if isinstance(field, models.Table):
            return len(self.cat.table_rows(field)) <= SMALL_TABLE_ROWS
        return isinstance(field, models.RowList) and field.print_rows <= SMALL_TABLE_ROWS

    def sheet(self, ws: models.Worksheet, view=None) -> Markup:
        """One worksheet as a <section>: header, instruction and writing space per field.
        Made once per worksheet (and language): its blank and fillable PDF, the waaier and
        the book share it. view: the texts of the sheet in two languages (bilingual.py)."""
        key = (ws.id, view.languages[0].code if view else None)
        if key not in self._sheets:
            template = self.env.get_template("print/werkblad.html")
            extra = {} if view is None else {
                "heading": view(ws.title, "titel"),
                "instruction": view(ws.instruction, "instructie"),
                "instruction_heading": view.fixed("instructie", LABELS.instruction)}
            self._sheets[key] = Markup(template.render(
                ws=ws, edition=self.edition, logo=self._logo_url(), date=self.date,
                render_field=lambda f: self.field_html(ws, f, view), picto=self.cat.pictogram,
                **extra))
        return self._sheets[key]

    def _url(self, path: Path) -> str:
        """Relative to the project root where possible, so the HTML (the cache key) does not
        change when the project folder moves."""
        return (path.relative_to(self.cat.root).as_posix() if path.is_relative_to(self.cat.root)
                else path.as_uri())

    def _logo_url(self) -> str | None:
        return self._url(self.logo) if self.logo else None

    def _document(self, template: str, *, title: str, css: Markup, body_class: str,
                  description: str = "", inputs: tuple[Path, ...] = (),
                  field_labels: dict[str, str] | None = None, **context) -> Document:
        html = self.env.get_template(template).render(
            title=title, author=self.edition.name, description=description, css=css,
            body_class=body_class, edition=self.edition, logo=self._logo_url(),
            version=self.version, date=self.date, **context)
        html = numbered_from_start(html)
        files = self.fonts + self.script_fonts + ((self.logo,) if self.logo else ()) + inputs
        return Document(title=title, html=html, base_url=self.base_url, inputs=files,
                        field_labels=tuple(sorted((field_labels or {}).items())))

    # --- documents ------------------------------------------------------------------------
    def worksheet_document(self, ws: models.Worksheet, fillable: bool = False,
                           view=None) -> Document:
        """view: the texts of a bilingual sheet; field names and tooltips stay the Dutch ones."""
        names = (SHEET_CSS + (("fillable.css",) if fillable else ())
                 + (("bilingual.css",) if view is not None else ()))
        form_font = self.cat.root / FORM_FONT
        title = ws.title if view is None else f"{ws.title} ({view.languages[0].name})"
        return self._document("print/werkblad-document.html", title=title,
                              description=ws.instruction,
                              css=self._css(names, form_font=self._url(form_font),
                                            footer=self._footer(view)),
                              inputs=(form_font,) if fillable else (),
                              body_class=("kw-fillable" if fillable else "kw-blank")
                              + ("" if view is None else " kw-bilingual"),
                              sheet=self.sheet(ws, view), field_labels=form_labels(
                                  self.cat, ws) if fillable else None)

    @staticmethod
    def _footer(view) -> dict | None:
        """A bilingual sheet's page numbers in its language too (bilingual.css); easy Dutch
        says it as the standard Dutch does."""
        if view is None or view.languages[0].easy:
            return None
        texts = view.languages[0].texts
        return {"page": css_string(texts[("teksten", "pagina")]),
                "of": css_string(texts[("teksten", "van")])}

    def _phase_groups(self, level: int) -> tuple[list[dict], list[TocEntry]]:
        """The worksheets grouped by phase, with their contents entries: the phase at `level`,
        its worksheets one deeper. Anchors are prefixed when a book holds more than these."""
        groups, toc = [], []
        for phase in models.PHASES:
            sheets = [ws for ws in self.cat.worksheets_in_order() if ws.phase == phase]
            if not sheets:
                continue
            anchor = f"fase-{phase}"
            name = LABELS.phase_names[phase]
            toc.append(TocEntry(anchor, name, level))
            toc += [TocEntry(f"werkblad-{ws.id}", ws.title, level + 1) for ws in sheets]
            groups.append({"anchor": anchor, "title": name, "level": level,
                           "sheets": [Markup(demote(self.sheet(ws), level)) for ws in sheets]})
        return groups, toc

    def waaier_document(self) -> Document:
        title = L["waaier_title"]
        groups, toc = self._phase_groups(1)
        return self._document("print/waaier.html", title=title, subtitle=L["waaier_subtitle"],
                              description=L["waaier_subtitle"], toc=toc, groups=groups,
                              css=self._css(BOOK_CSS, title=title), body_class="kw-book")

    def pack_document(self, title: str, subtitle: str, chapter: Chapter,
                      sections: list[tuple[str, str]]) -> Document:
        """A course's trainer script or participants' handout: cover, contents, one chapter."""
        toc = [TocEntry(anchor, text, 2) for anchor, text in sections]
        return self._document("print/handboek.html", title=title, subtitle=subtitle,
                              description=subtitle, toc=toc,
                              chapters=[{"anchor": chapter.anchor, "level": 1,
                                         "html": Markup(chapter.html)}],
                              groups=[], inputs=chapter.inputs,
                              css=self._css(BOOK_CSS, title=title), body_class="kw-book")

    def book_document(self, chapters: list[Chapter]) -> Document:
        title = L["book_title"]
        groups, sheet_toc = self._phase_groups(2)
        toc = [TocEntry(c.anchor, c.title, c.level) for c in chapters]
        if groups:
            toc += [TocEntry("bijlage-werkbladen", L["appendix"], 1), *sheet_toc]
        images = tuple(p for c in chapters for p in c.inputs)
        return self._document("print/handboek.html", title=title, subtitle=L["book_subtitle"],
                              description=L["book_subtitle"], toc=toc,
                              chapters=[{"anchor": c.anchor, "level": c.level,
                                         "html": Markup(demote(c.html, c.level - 1))}
                                        for c in chapters],
                              groups=groups, inputs=images,
                              css=self._css(BOOK_CSS, title=title), body_class="kw-book")
