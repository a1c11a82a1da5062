"""A memo in the PDF cache: a digest of what a job's print HTML is made from -> its cache key.

Making the print HTML of every PDF only to find its cache key took most of a rebuild in which
nothing changed (327 documents, about 2.5 s of 14 s, December 2026). The memo lets that
rebuild skip it: when a job's inputs digest is in the memo and the PDF under the remembered
key is in the cache, the job's print HTML is never made. Anything else (no memo, a digest not
seen before, a PDF not in the cache) makes the print HTML and keys it as before.

The inputs digest must change whenever the print HTML could. It is coarse on purpose:
every file the load step reads (model/load.py SOURCES, the edition's folder and the default
edition), the whole macros package (code, templates, print CSS, ui_text.yml), the project's
assets (fonts, pictograms), pyproject.toml (the version on the covers), the libraries that
turn data into HTML, the renderer's date, fonts and logo, and what a job adds itself (its
output name; a course pack and the handbook their chapters' HTML). One finer cut: a
worksheet's own files (its YAML, its translations) count only for its own PDFs and for the
jobs that show several worksheets (the books, cards, packs). Editing any other data file
misses the memo of every job, which costs what a build cost before the memo, never a wrong
PDF. A book (made by parts, book_parts.py) is remembered with the key of the joined PDF once
its page numbers settled; published from the memo, its parts keep their index records.

Like the index, each entry is sealed (print/seal.py): the cache folder is not trusted, and a
planted entry naming another PDF must not count.
"""
from __future__ import annotations

import hashlib
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import seal
from .render import Chapter, PrintRenderer

PACKAGE = Path(__file__).resolve().parent.parent  # macros/: code, templates, print CSS
# Besides model/load.py SOURCES: the project's files print HTML is made from.
PROJECT_FILES = ("content/assets", "pyproject.toml", "site_config/default")
# The libraries whose output is in the print HTML (templates, Markdown in YAML, the models).
LIBRARIES = ("jinja2", "markupsafe", "markdown", "pymdown-extensions", "pydantic",
             "pydantic-core", "pyyaml", "fonttools")
SKIPPED = ("__pycache__",)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file()
                  and not any(part in SKIPPED for part in p.parts))


def _library(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} -"


@dataclass(frozen=True)
class InputDigests:
    """What the jobs' print HTML depends on, for one renderer (made once per build)."""
    shared: str  # everything but the worksheets' own files
    sheets: dict[str, str]  # worksheet id -> digest of its own files: its YAML, translations

    @property
    def whole(self) -> str:
        """For every job that may show more than one worksheet (books, cards, packs)."""
        return hashlib.sha256(json.dumps([self.shared, sorted(self.sheets.items())])
                              .encode()).hexdigest()

    def of_sheet(self, ident: str) -> str:
        """For a worksheet's own PDFs: a worksheet's print HTML shows no other worksheet
        (print/render.py worksheet_document; tests/test_pdf_memo.py checks it), so editing
        one worksheet makes the print HTML of its own PDFs again, not of all 294."""
        return hashlib.sha256(f"{self.shared}\0{ident}\0{self.sheets.get(ident, '')}"
                              .encode()).hexdigest()


def _own_sheet(cat, relative: PurePosixPath) -> str | None:
    """The worksheet whose own file this is (worksheets/<id>.yml, a translation
    worksheets/vertalingen/<taal>/<id>.yml), or None."""
    from ..model.load import WORKSHEETS
    from ..model.translation_load import TRANSLATIONS

    parent = relative.parent.as_posix()
    if relative.suffix in (".yml", ".yaml") and relative.stem in cat.worksheets and (
            parent == WORKSHEETS or relative.parent.parent.as_posix() == TRANSLATIONS):
        return relative.stem
    return None


def renderer_digest(renderer: PrintRenderer) -> InputDigests:
    """What every job's print HTML depends on, for one renderer (once per build)."""
    from ..model.load import SOURCES  # the load step's own list, so a new source counts

    cat = renderer.cat
    h = hashlib.sha256(f"python {sys.version}\n".encode())
    for name in LIBRARIES:
        h.update(f"{_library(name)}\n".encode())
    sheets: dict = {}  # worksheet id -> the hash of its own files
    places = [(PACKAGE, "code")] + [(cat.root / p, p) for p in (*SOURCES, *PROJECT_FILES)]
    places.append((cat.edition_dir, "edition"))
    for folder, label in places:
        for path in _files(folder):
            name = path.relative_to(folder).as_posix() if path != folder else ""
            entry = f"{label}/{name}\0".encode() + hashlib.sha256(path.read_bytes()).digest()
            own = (_own_sheet(cat, PurePosixPath(path.relative_to(cat.root).as_posix()))
                   if label != "edition" and path.is_relative_to(cat.root) else None)
            (sheets.setdefault(own, hashlib.sha256()) if own else h).update(entry)
    files = [*renderer.fonts, *renderer.script_fonts, *([renderer.logo] if renderer.logo else [])]
    for path in files:  # where the HTML names them, and their bytes (fonts decompressed)
        h.update(f"{renderer._url(path)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    h.update(json.dumps([renderer.date, renderer.version, renderer._url(cat.edition_dir),
                         cat.edition_dir.name]).encode())
    return InputDigests(h.hexdigest(), {k: v.hexdigest() for k, v in sorted(sheets.items())})


def job_digest(common: str, output: str, *chapters: Chapter) -> str:
    """One job's inputs: the renderer's digest, its output (which worksheet, which variant,
    which language) and the chapters made from the site's pages: a course pack's one, the
    handbook's all (in order), each with the bytes of its images."""
    h = hashlib.sha256(f"{common}\0{output}\0".encode())
    for chapter in chapters:
        h.update(json.dumps([chapter.anchor, chapter.title, chapter.level, chapter.html,
                             [str(p) for p in chapter.inputs]]).encode())
        for path in chapter.inputs:
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class Memo:
    """inputs digest -> cache key, sealed per entry, one file per edition beside its index."""

    def __init__(self, path: Path, key_bytes: bytes, salt: str):
        self.path = path
        self.key_bytes = key_bytes
        self.salt = salt  # the cache's: a new WeasyPrint or pdf.py gives other keys
        self._read: dict[str, str] | None = None
        self.seen: dict[str, str] = {}  # this build's entries: what the file will hold

    def _entries(self) -> dict[str, str]:
        if self._read is None:
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = {}
            self._read = {
                digest: entry["key"] for digest, entry in
                (stored.items() if isinstance(stored, dict) else ())
                if isinstance(entry, dict) and isinstance(entry.get("key"), str)
                and seal.verifies(self.key_bytes, entry.get("zegel"), "memo", self.salt,
                                  digest, entry["key"])}
        return self._read

    def key(self, digest: str) -> str | None:
        """The cache key remembered for these inputs, or None (unknown, or its seal fails)."""
        return self._entries().get(digest)

    def remember(self, digest: str, key: str) -> None:
        self.seen[digest] = key

    def entries_to_write(self) -> dict | None:
        """This build's entries, sealed, or None when the file already holds exactly them."""
        if self.seen == self._entries():
            return None
        return {digest: {"key": key, "zegel": seal.seal(self.key_bytes, "memo", self.salt,
                                                        digest, key)}
                for digest, key in sorted(self.seen.items())}
