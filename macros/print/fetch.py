"""What WeasyPrint may load while it renders a PDF: the project's own fonts, images and
stylesheets, nothing else (issue #17). Without this, `<img src="https://...">` in a page makes
the build fetch any address, and `<a rel="attachment" href="file:///etc/passwd">` embeds that
file in handboek.pdf. Runs in the PDF worker processes.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

# What a print document loads: fonts, images, CSS. Not YAML, Python, keys, anything else.
KINDS = {".woff2", ".woff", ".ttf", ".otf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
         ".css"}
# the fonts decompressed once and the edition logo under its content hash (print/cache.py)
HIDDEN_ALLOWED = (".cache/pdf/fonts/", ".cache/pdf/bestanden/")


class RefusedURL(ValueError):
    """WeasyPrint catches it, logs it and leaves the resource out."""


class ProjectFetcher(URLFetcher):
    """Serves file:// addresses of the project's own files of the KINDS above, and data: URIs
    (they reach nothing); refuses other hosts and every other file. inputs: files the
    document is known to load (Document.inputs), for an edition folder outside the project."""

    def __init__(self, root: Path, inputs=()):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.root = root.resolve()
        self.inputs = {Path(p).resolve() for p in inputs}

    def allowed(self, path: Path) -> bool:
        real = path.resolve()
        if real in self.inputs:
            return True
        if not real.is_relative_to(self.root) or real.suffix.lower() not in KINDS:
            return False
        inside = real.relative_to(self.root).as_posix()
        hidden = any(part.startswith(".") for part in Path(inside).parts)
        return not hidden or inside.startswith(HIDDEN_ALLOWED)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"niet geladen: {url[:80]} (alleen bestanden van het project)")
        path = Path(url2pathname(unquote(parts.path)))
        if not self.allowed(path) or not path.is_file():
            raise RefusedURL(f"niet geladen: {url[:80]} (alleen bestanden van het project)")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind}, 200)


def root_of(base_url: str) -> Path:
    return Path(url2pathname(unquote(urlsplit(base_url).path)))
