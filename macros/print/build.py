"""One PDF job: rendering it with WeasyPrint (in a worker process) and its content-hash cache.

A job's cache key hashes its print HTML (the CSS is inlined), the bytes of every local file it
loads (fonts, logo, images), the WeasyPrint version and the render options. An unchanged job is
copied from `.cache/pdf/`, so a second build (and every `mkdocs serve` rebuild) renders only
what changed. Scheduling the jobs over worker processes is in rendering.py.
"""
from __future__ import annotations

import hashlib
import io
import json
import time
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path

from ..cache_file import write_atomically
from ..render_print import Document

RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1"}
CACHE_VERSION = 2  # raise when render() or _finish() change what a PDF looks like
INDEX = "index.json"
BOOK_PAGES = 8  # longer documents open with the bookmarks pane


@dataclass(frozen=True)
class PdfJob:
    """One PDF: where it goes in the site, its print document, and how Downloads lists it.
    A job taken from the print plan (plan.py) has no document: its PDF is in the cache."""
    output: str
    document: Document | None
    group: str
    title: str
    variant: str


@dataclass(frozen=True)
class Result:
    output: str
    size: int
    pages: int | None       # None when copied from the cache
    seconds: float | None   # None when copied from the cache


_font_config = None


def render(html: str, base_url: str, field_labels=()) -> tuple[bytes, int, float]:
    """HTML to PDF bytes, page count and seconds taken. Runs in a worker process."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    global _font_config
    start = time.perf_counter()
    # One font configuration per process: loading the system's font list and the @font-face
    # fonts again for every document took half the time of a one-page worksheet.
    _font_config = _font_config or FontConfiguration()
    document = HTML(string=html, base_url=base_url).render(font_config=_font_config,
                                                           **RENDER_OPTIONS)
    pdf = document.write_pdf(finisher=partial(_finish, dict(field_labels)), **RENDER_OPTIONS)
    return pdf, len(document.pages), time.perf_counter() - start


def _finish(labels: dict[str, str], document, pdf) -> None:
    """Last touches to the PDF WeasyPrint 70 made, before it is written.

    A book opens with its bookmarks shown. In a form, WeasyPrint names every radio button like
    its group and lists it in /Fields beside the group; PDF readers expect the buttons only as
    the group's unnamed /Kids. And it takes a field's tooltip (its accessible name) from a
    <label>, which table cells and groups do not have."""
    if "Outlines" in pdf.catalog and len(document.pages) > BOOK_PAGES:
        pdf.catalog["PageMode"] = "/UseOutlines"
    form = pdf.catalog.get("AcroForm")
    if not form:
        return
    from pydyf import String

    kids = set()
    for obj in pdf.objects:
        if isinstance(obj, dict) and "Kids" in obj and obj.get("FT") == "/Btn":
            kids.update(obj["Kids"])
    for obj in pdf.objects:
        if not isinstance(obj, dict):
            continue
        if obj.reference in kids:
            for key in ("T", "TU", "FT"):
                obj.pop(key, None)
        elif "T" in obj and obj["T"].string in labels:
            obj["TU"] = String(labels[obj["T"].string])
    form["Fields"] = type(form["Fields"])(ref for ref in form["Fields"] if ref not in kids)


class Cache:
    """PDFs by content hash in one folder, with an index of the key each output last had.
    Each edition keeps its own index, so building one edition does not evict another's PDFs."""

    def __init__(self, folder: Path, index: str = INDEX):
        self.folder = folder
        self.index = index
        self._digests: dict[Path, str] = {}
        self._salt = (f"{CACHE_VERSION} weasyprint {version('weasyprint')} "
                      f"{sorted(RENDER_OPTIONS.items())}")

    def _digest(self, path: Path) -> str:
        if path not in self._digests:
            self._digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._digests[path]

    def key(self, document: Document) -> str:
        h = hashlib.sha256(self._salt.encode())
        h.update(document.html.encode())
        h.update(json.dumps(document.field_labels).encode())
        for path in sorted(set(document.inputs)):
            h.update(f"\n{path.name} {self._digest(path)}".encode())
        return h.hexdigest()[:32]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def store(self, key: str, data: bytes) -> None:
        write_atomically(self.path(key), data)

    def forget_replaced(self, keys: dict[str, str]) -> None:
        """Delete cached PDFs of outputs whose inputs changed since the last build."""
        index_file = self.folder / self.index
        try:
            old = json.loads(index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        current = set(keys.values())
        for output, key in old.items():
            if keys.get(output, key) != key and key not in current:
                self.path(key).unlink(missing_ok=True)
        write_atomically(index_file,
                         json.dumps({**old, **keys}, indent=0, sort_keys=True).encode("utf-8"))


def decompressed_fonts(fonts: list[Path], cache_dir: Path) -> list[Path]:
    """The project's WOFF2 fonts as TrueType, converted once into the cache.

    WeasyPrint would otherwise decompress every WOFF2 font again for every document, which
    took about half the time of a one-page worksheet."""
    out = []
    for path in fonts:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        target = cache_dir / "fonts" / digest / f"{path.stem}.ttf"
        if not target.is_file():
            from fontTools.ttLib import TTFont

            font = TTFont(path)
            font.flavor = None
            truetype = io.BytesIO()
            font.save(truetype)
            write_atomically(target, truetype.getvalue())
        out.append(target)
    return out
