"""The built site as a list of pages: file on disk and the URL a browser would use."""
from __future__ import annotations

from pathlib import Path


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, sorted, as paths relative to the site folder."""
    return sorted(p.relative_to(site) for p in site.rglob("*.html"))


def url_path(page: Path) -> str:
    """The path a reader visits: 'a/b/index.html' -> 'a/b/', 'index.html' -> ''."""
    text = page.as_posix()
    if text == "index.html":
        return ""
    if text.endswith("/index.html"):
        return text[: -len("index.html")]
    return text


def file_of(site: Path, path: str) -> Path | None:
    """The file a site-relative URL path resolves to (directory URLs -> index.html)."""
    target = site / path.lstrip("/")
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None
