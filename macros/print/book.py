"""The handbook as one book: chapters from the site's rendered pages, with in-book links.

MkDocs renders each page's Markdown to article HTML (the adapter collects it per page); that
HTML is the model for prose. Every page under handleiding/ becomes a chapter, in nav order, and
the colofon closes the book. Ids get the chapter's prefix so they stay unique in one document;
links to other chapters (and to worksheets, which are in the appendix) become in-book links.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

from markupsafe import escape

from ..model.labels import LABELS
from .render import SMALL_TABLE_ROWS, Chapter

BOOK_SECTION = "handleiding/"
CLOSING_PAGES = ("colofon.md",)
WORKSHEET_URL = re.compile(r"^waaier/([a-z0-9-]+)$")

HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
ID_ATTRS = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
HREF = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')
IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)"')
TABLE = re.compile(r"(<p>(?:(?!<p>).)*?</p>\s*)?<table>(.*?)</table>", re.S)
FIRST_TH = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)


def _keep_tables(html: str) -> str:
    """Mark the tables that must not split over pages: short ones, and a dagdeel's timetable
    (views/_rooster.md, first column "Tijd"), together with the line just before it."""
    def mark(m: re.Match) -> str:
        body = m[2]
        first = FIRST_TH.search(body)
        timetable = first is not None and first[1].strip() == LABELS.training["time"]
        if not timetable and body.count("<tr") - body.count("<thead") > SMALL_TABLE_ROWS:
            return m[0]
        intro = m[1] or ""
        if intro and timetable:
            intro = intro.replace("<p>", '<p class="kw-with-next">', 1)
        return f'{intro}<table class="kw-keep">{body}</table>'
    return TABLE.sub(mark, html)


@dataclass(frozen=True)
class RenderedPage:
    """One site page as MkDocs rendered it: source path, URL, title and article HTML."""
    src: str
    url: str
    title: str
    html: str


def nav_sources(nav) -> list[str]:
    """The Markdown files named in an mkdocs.yml nav, in order."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            found += nav_sources(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += nav_sources(value)
    return found


def _folder_order(src: str):
    parts = src.split("/")
    return (parts[:-1], parts[-1] != "index.md", parts[-1])


def book_sources(pages: dict[str, RenderedPage], nav) -> list[str]:
    """The pages that make up the book: handleiding in nav order (pages missing from the nav
    follow in folder order), then the closing pages."""
    ordered = [src for src in nav_sources(nav) if src in pages]
    ordered += sorted((src for src in pages if src not in ordered), key=_folder_order)
    chapters = [src for src in dict.fromkeys(ordered) if src.startswith(BOOK_SECTION)]
    return chapters + [src for src in CLOSING_PAGES if src in pages]


def anchor_of(src: str) -> str:
    return "h-" + src.removesuffix(".md").replace("/", "-")


def level_of(src: str) -> int:
    """Section overviews and loose pages are chapters; pages inside a section are sections."""
    inner = src.removeprefix(BOOK_SECTION).split("/")
    return 1 if len(inner) == 1 or inner[-1] == "index.md" else 2


class _Linker:
    """Rewrites one page's HTML so it works inside the book."""

    def __init__(self, chapter_urls: dict[str, str], worksheet_ids,
                 site_files: Mapping[str, Path] | None, site_url: str | None):
        self.chapter_urls = chapter_urls
        self.worksheet_ids = set(worksheet_ids)
        self.site_files = site_files or {}
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def chapter(self, page: RenderedPage, level: int) -> Chapter:
        anchor = anchor_of(page.src)
        html = HEADERLINK.sub("", page.html)
        html = ID_ATTRS.sub(lambda m: f'{m[1]}="{self._prefixed(anchor, m[2])}"', html)
        html = HREF.sub(lambda m: self._link(m, page, anchor), html)
        images: list[Path] = []
        html = IMG_SRC.sub(lambda m: self._image(m, page, images), html)
        html = _keep_tables(html)
        if not html.lstrip().startswith("<h1"):
            html = f"<h1>{escape(page.title)}</h1>\n{html}"
        return Chapter(anchor=anchor, title=page.title, level=level, html=html,
                       inputs=tuple(images))

    @staticmethod
    def _prefixed(anchor: str, value: str) -> str:
        return " ".join(f"{anchor}--{token}" for token in value.split())

    def _target(self, page: RenderedPage, path: str) -> str:
        target = posixpath.normpath(posixpath.join(page.url, path))
        return "" if target == "." else target.removesuffix("/index.html").strip("/")

    def _link(self, m: re.Match, page: RenderedPage, anchor: str) -> str:
        tag, href = m[1], m[2]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return m[0]
        fragment = f"--{parts.fragment}" if parts.fragment else ""
        if not parts.path:
            return f'{tag} href="#{anchor}{fragment}"'
        target = self._target(page, parts.path)
        if target in self.chapter_urls:
            return f'{tag} href="#{self.chapter_urls[target]}{fragment}"'
        sheet = WORKSHEET_URL.match(target)
        if sheet and sheet[1] in self.worksheet_ids:
            return f'{tag} href="#werkblad-{sheet[1]}"'
        if self.site_url:
            path = posixpath.normpath(posixpath.join(page.url, parts.path))
            path += "/" if parts.path.endswith("/") else ""
            path += f"#{parts.fragment}" if parts.fragment else ""
            return f'{tag} href="{escape(self.site_url + path)}"'
        return tag  # a page that is not in the book and no site address known: plain text

    def _image(self, m: re.Match, page: RenderedPage, images: list[Path]) -> str:
        src = m[2]
        if urlsplit(src).scheme:
            return m[0]
        path = self.site_files.get(posixpath.normpath(posixpath.join(page.url, unquote(src))))
        if path is None or not path.is_file():
            return m[0]
        images.append(path)
        return f'{m[1]}{path.as_uri()}"'


def make_chapters(pages: dict[str, RenderedPage], nav, worksheet_ids,
                  site_files: Mapping[str, Path] | None = None,
                  site_url: str | None = None) -> list[Chapter]:
    """The book's chapters. site_files maps a path in the built site to the file it is copied
    from (images are read from there: rendering starts before MkDocs copies them)."""
    sources = book_sources(pages, nav)
    chapter_urls = {pages[src].url.strip("/"): anchor_of(src) for src in sources}
    linker = _Linker(chapter_urls, worksheet_ids, site_files, site_url)
    return [linker.chapter(pages[src], 1 if src in CLOSING_PAGES else level_of(src))
            for src in sources]


def page_chapter(pages: dict[str, RenderedPage], src: str,
                 site_files: Mapping[str, Path] | None = None,
                 site_url: str | None = None) -> Chapter | None:
    """One page as the only chapter of its own PDF (a course's trainer script or handout).
    Links to other pages become full links with a site address, otherwise plain text."""
    if src not in pages:
        return None
    return _Linker({}, (), site_files, site_url).chapter(pages[src], level=1)


H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
TAGS = re.compile(r"<[^>]+>")


def sections_of(chapter: Chapter) -> list[tuple[str, str]]:
    """(anchor, title) of each second-level heading: the contents of a one-chapter PDF."""
    return [(anchor, TAGS.sub("", title).strip()) for anchor, title in H2.findall(chapter.html)]
