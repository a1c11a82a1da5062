"""What a page's HTML is made from, as digests: the key of the page cache (site/page_cache.py).

A page's HTML comes from its Markdown, the macros it calls and what they read, the code and
templates, the Markdown settings and the site's files (relative links). Everything but the
catalogue items goes into one digest per build (`base`); the items a page read last time
(model/reads.py) are digested per item, so a worksheet edit misses only the pages that read
that worksheet. The digests are coarse on purpose: a change anywhere in the code, the
templates, the edition or the shared data misses every page, which costs one full render.
"""
from __future__ import annotations

import hashlib
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..model.load import DEFAULT_EDITION, SOURCES
from ..model.reads import ALL

PACKAGE = Path(__file__).resolve().parent.parent  # macros/: code and templates
PROJECT = ("overrides", "mkdocs.yml", "pyproject.toml")
# the libraries between a page's Markdown and its HTML
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions",
             "mkdocs-macros-plugin", "jinja2", "markupsafe", "pydantic", "pyyaml")
ITEM_KINDS = ("werkblad", "principe", "oefening", "cursus")
GONE = "weg"  # an item a page read that is no longer there


def item_files(sources) -> dict[str, tuple[str, str]]:
    """Which data file holds which item (Catalogue.sources: (kind, id) -> located data). A
    translation is its worksheet's; a language's own texts show on every worksheet."""
    files = {}
    for (kind, ident), located in sources.items():
        if kind in ITEM_KINDS:
            files[located.file] = (kind, ident)
        elif kind == "vertaling":  # "en/weekplan"
            files[located.file] = ("werkblad", ident.split("/", 1)[1])
        elif kind == "taal":
            files[located.file] = ("werkblad", ALL)
    return files


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _bytes_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _library(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} -"


class PageInputs:
    """The digests of one build's inputs. generator: what the site generator adds (its
    Markdown settings, the site's files), as text."""

    def __init__(self, cat, settings, generator: str):
        items = item_files(cat.sources)
        per_item: dict[tuple[str, str], hashlib._Hash] = {}
        h = hashlib.sha256(f"python {sys.version}\n{generator}\n".encode())
        h.update(json.dumps([settings.date.isoformat(), settings.offline,
                             settings.edition_dir.name]).encode())
        for name in LIBRARIES:
            h.update(f"{_library(name)}\n".encode())
        places = [(PACKAGE, "code")] + [(cat.root / p, p) for p in
                                        (*PROJECT, *SOURCES, DEFAULT_EDITION)]
        places.append((cat.edition_dir, "editie"))
        for folder, label in places:
            for path in _files(folder):
                name = path.relative_to(cat.root).as_posix() if path.is_relative_to(cat.root) \
                    else f"{label}/{path.relative_to(folder).as_posix()}"
                item = items.get(name)
                if item is not None and item[1] != ALL:  # digested per item, below
                    per_item.setdefault(item, hashlib.sha256()).update(
                        name.encode() + b"\0" + _bytes_digest(path))
                else:
                    h.update(name.encode() + b"\0" + _bytes_digest(path))
        self.base = h.hexdigest()
        self.items = {item: d.hexdigest() for item, d in per_item.items()}
        self.kinds = {kind: hashlib.sha256(json.dumps(sorted(
            [list(i), d] for i, d in self.items.items() if i[0] == kind)).encode()).hexdigest()
            for kind in ITEM_KINDS}

    def reads_digest(self, reads) -> str:
        """The digest of the items a page read: (kind, id or ALL) pairs."""
        parts = [[kind, ident, self.kinds.get(kind, GONE) if ident == ALL
                  else self.items.get((kind, ident), GONE)] for kind, ident in sorted(reads)]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def page_key(self, src: str, url: str, markdown: str, meta: dict) -> str:
        """The page's own inputs and the build's: all but the items it read."""
        text = json.dumps([self.base, src, url, markdown, meta],
                          ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def key(self, page_key: str, reads) -> str:
        return hashlib.sha256(f"{page_key}\0{self.reads_digest(reads)}".encode()).hexdigest()
