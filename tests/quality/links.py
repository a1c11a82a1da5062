"""Internal link checker for a built site: every link, resource and #anchor must resolve.

Relative URLs are resolved against the page's own URL (directory URLs end in '/', so a page
'a/b/index.html' lives at 'a/b/'); a directory URL means its index.html; '#id' must be an id
(or <a name>) in the target page. Links to other hosts, mailto: and tel: are not followed.
A copy opened from disk (`make offline`, file://) has no web server to turn a folder into its
index.html: there every link must name a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .pages import file_of, html_pages, url_path

BASE = "http://site.invalid/"  # a stand-in origin, so urljoin can resolve relative URLs
# (tag, attribute) pairs that point at another file or page
LINK_ATTRS = {("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"),
              ("img", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
              ("iframe", "src"), ("embed", "src"), ("object", "data"), ("form", "action")}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []  # (line, tag, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name, value in attrs.items():
            if (tag, name) in LINK_ATTRS and value is not None:
                self.links.append((self.getpos()[0], tag, value.strip()))
        if tag in ("img", "source") and attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.links.append((self.getpos()[0], tag, candidate.split()[0]))

    handle_startendtag = handle_starttag


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0            # internal links checked (each occurrence)
    anchors: int = 0          # of which with a #fragment checked against the target
    pdfs: set[str] = field(default_factory=set)  # distinct PDFs linked (site paths)
    broken: list[str] = field(default_factory=list)


@lru_cache(maxsize=None)
def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_site(site: Path, from_disk: bool = False) -> LinkReport:
    _parse.cache_clear()
    report = LinkReport()
    for page in html_pages(site):
        report.pages += 1
        page_url = BASE + (page.as_posix() if from_disk else url_path(page))
        for line, tag, raw in _parse(site / page).links:
            problem = _check_one(site, page_url, raw, report, from_disk)
            if problem:
                report.broken.append(f"{page.as_posix()}:{line} <{tag}> {raw!r}: {problem}")
    return report


def _check_one(site: Path, page_url: str, raw: str, report: LinkReport,
               from_disk: bool = False) -> str | None:
    if raw.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    url = urlsplit(urljoin(page_url, raw))
    if f"{url.scheme}://{url.netloc}/" != BASE:
        return None  # another host: not ours to check (and never fetched by tests)
    report.links += 1
    path = unquote(url.path)[len("/"):]
    target = file_of(site, path)
    if target is None:
        return "bestaat niet in de gebouwde site"
    if from_disk and not (site / path).is_file():
        return "een map: vanaf schijf opent dit een mappenlijst, geen pagina"
    if target.suffix == ".pdf":
        report.pdfs.add(target.relative_to(site).as_posix())
    if url.fragment:
        report.anchors += 1
        if target.suffix != ".html":
            return None
        if unquote(url.fragment) not in _parse(target).ids:
            return f"anker #{url.fragment} bestaat niet in {target.relative_to(site).as_posix()}"
    return None


def internal_targets(site: Path, page: Path) -> set[str]:
    """Site paths ('waaier/actieplan/', 'pdf/x.pdf') that a page links to, without #fragments."""
    page_url = BASE + url_path(page)
    found = set()
    for _, tag, raw in _parse(site / page).links:
        if tag != "a":
            continue
        url = urlsplit(urljoin(page_url, raw))
        if f"{url.scheme}://{url.netloc}/" == BASE:
            found.add(unquote(url.path)[len("/"):])
    return found
