"""What a build's output depends on, as hashes: the test for reusing earlier work.

Three caches reuse work of the previous build when these hashes are unchanged: the checked
catalogue (catalogue_cache.py), each page's macro output (page_cache.py) and the print plan of
the PDFs (print/plan.py). File contents are hashed, not modification times, so a file edited
twice within a second, or restored from git with a new time, is never mistaken. Hashing all
sources (about 200 files, 1.3 MB) takes about 10 ms.
"""
from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from .check import CONTENT
from .load import SOURCES

# The code and configuration a build runs: the renderers, templates, CSS, labels and theme
# overrides, the MkDocs configuration and the locked package versions (and, below, the
# installed ones and the Python version).
CODE = ("macros", "overrides", "mkdocs.yml", "pyproject.toml", "requirements.lock")
# Content read by the load step (plus the edition's folder, wherever it is), and the pages
# the check step reads: named where they are read, so a new kind of content is never missed.
DATA = SOURCES
PAGES = (CONTENT,)
# Environment variables that change what a build makes.
ENVIRONMENT = ("KRACHTWERK_OFFLINE", "SOURCE_DATE_EPOCH")
SKIPPED_DIRS = {"__pycache__"}


def _files(path: Path):
    if path.is_file():
        yield path
        return
    for folder, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder, name)


def tree_digest(root: Path, paths: tuple[str | Path, ...]) -> str:
    """One hash over the names and bytes of every file under `paths` (relative to root)."""
    h = hashlib.blake2b(digest_size=16)
    for rel in paths:
        for file in _files(root / rel):
            h.update(f"\0{file.relative_to(root) if file.is_relative_to(root) else file}\0"
                     .encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def installed_packages() -> str:
    """The installed packages and their versions (their dist-info folders' names): a package
    upgraded in the virtualenv, with the lock file unchanged, still counts as a change."""
    names = set()
    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        try:
            names.update(n for n in os.listdir(folder) if n.endswith(".dist-info"))
        except OSError:
            pass
    return " ".join(sorted(names))


def digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


@dataclass
class Inputs:
    """The hashes of one build's inputs, each computed at most once."""
    root: Path
    edition_dir: Path
    _memo: dict[str, str] = field(default_factory=dict)

    def _once(self, name: str, compute) -> str:
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    @property
    def code(self) -> str:
        env = [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
        return self._once("code", lambda: digest(
            sys.version, installed_packages(), str(self.root), *env,
            tree_digest(self.root, CODE)))

    @property
    def data(self) -> str:
        """Everything the macros render from: the code and the catalogue's own files."""
        return self._once("data", lambda: digest(
            self.code, str(self.edition_dir), tree_digest(self.root, DATA),
            tree_digest(self.root, (self.edition_dir,))))

    @property
    def catalogue(self) -> str:
        """The catalogue's check also reads every page (references and tags)."""
        return self._once("catalogue", lambda: digest(self.data,
                                                      tree_digest(self.root, PAGES)))
