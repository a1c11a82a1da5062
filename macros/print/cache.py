"""PDFs by content hash in .cache/pdf, so that a rebuild renders only what changed.

A job's cache key hashes its print HTML (the CSS is inlined), the bytes of every local file it
loads (fonts, logo, images), the WeasyPrint version, the render options and the code that
turns print HTML into a PDF (pdf.py, form.py, tagging.py): edit that code and every PDF is rendered again. The
code that makes the print HTML needs no place in the key: its output, the HTML, is in it.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from importlib.metadata import version
from pathlib import Path

from . import form, pdf, tagging
from .pdf import RENDER_OPTIONS
from .render import Document

INDEX = "index.json"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name, then rename (atomic), so a build running at the same time
    (two test runs, or a `mkdocs serve` rebuild still finishing) never reads half a file.
    Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


class Cache:
    """PDFs by content hash in one folder, with an index of the key each output last had.
    Each edition keeps its own index, so building one edition does not evict another's PDFs."""

    def __init__(self, folder: Path, index: str = INDEX):
        self.folder = folder
        self.index = index
        self._digests: dict[Path, str] = {}
        code = hashlib.sha256(b"".join(Path(module.__file__).read_bytes()
                                         for module in (pdf, form, tagging))).hexdigest()
        self._salt = (f"{code} weasyprint {version('weasyprint')} pydyf {version('pydyf')} "
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

    def _read_index(self, name: str) -> dict[str, str]:
        try:
            index = json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return index if isinstance(index, dict) else {}

    def forget_replaced(self, keys: dict[str, str]) -> None:
        """Record this build's outputs (output -> key) as the edition's index, and delete the
        cached PDFs its previous index named that no output uses any more: an output whose
        inputs changed, or one that is gone (a deleted worksheet). A PDF another edition's
        index still names stays: building one edition does not evict another's PDFs."""
        old = self._read_index(self.index)
        others = {key for path in self.folder.glob("index*.json") if path.name != self.index
                  for key in self._read_index(path.name).values()}
        for key in set(old.values()) - set(keys.values()) - others:
            self.path(key).unlink(missing_ok=True)
        write_atomically(self.folder / self.index,
                         json.dumps(keys, indent=0, sort_keys=True).encode("utf-8"))


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
