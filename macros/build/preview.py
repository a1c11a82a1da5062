"""What a `mkdocs serve` rebuild has to render again: the live preview (issue #22).

A full build renders all pages (about 14 s); an edit usually touches one. Before each rebuild
the session compares the project's files with the last good build and makes a Plan:

- a Markdown page edited, its front matter and title unchanged: that page alone;
- a worksheet, exercise, course or principle (or a translation) edited: a new catalogue, and
  the pages that read that item while their macros ran (model/reads.py);
- anything else (mkdocs.yml, the edition, data/, templates, code, a file added or removed, a
  changed title or front matter, a build that failed): everything, from a clean site folder.

Every other page keeps its HTML, its search entries and its part of the books. The rules sit
here, apart from MkDocs; site/incremental.py applies them to MkDocs' files.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.reads import ALL, ReadLog
from .page_inputs import item_files

# Folders a serve session watches (mkdocs.yml `watch` and docs_dir) plus the config file.
WATCHED = ("content", "worksheets", "data", "site_config", "overrides", "macros", "mkdocs.yml")
CONTENT = "content/"
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_TITLE = re.compile(r"^#\s+.*$", re.M)

Snapshot = dict[str, tuple[int, int]]  # path from the root -> (mtime in ns, size)


def snapshot(root: Path, extra: tuple[Path, ...] = ()) -> Snapshot:
    """Every watched file's time and size, by its path from the root (or absolute, outside)."""
    found: Snapshot = {}
    for top in [root / name for name in WATCHED] + list(extra):
        if top.is_file():
            found[_key(root, top)] = _stat(top)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                path = Path(folder) / name
                try:
                    found[_key(root, path)] = _stat(path)
                except OSError:  # removed while we looked: the next rebuild sees it
                    pass
    return found


def _key(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def page_head(text: str) -> str:
    """What other pages show of a page: its front matter (title, tags, search) and its title
    heading. An edit below them changes the page alone."""
    front = _FRONT.match(text)
    title = _TITLE.search(text)
    return (front.group(0) if front else "") + (title.group(0) if title else "")


@dataclass
class Plan:
    """One rebuild: everything (full), or the named pages and items."""
    full: bool
    reason: str = ""
    pages: set[str] = field(default_factory=set)  # src paths in content/, as MkDocs names them
    items: set[tuple[str, str]] = field(default_factory=set)  # (kind, id or ALL) edited
    generated: set[str] = field(default_factory=set)  # generated pages whose text changed

    @property
    def keeps_catalogue(self) -> bool:
        return not self.full and not self.items


def everything(reason: str) -> Plan:
    return Plan(full=True, reason=reason)


def pages_reading(reads: dict[str, set[tuple[str, str]]], items: set[tuple[str, str]]
                  ) -> set[str]:
    """The pages that read any of the edited items, or all items of an edited kind."""
    kinds_all = {kind for kind, ident in items if ident == ALL}
    wanted = items | {(kind, ALL) for kind, _ in items}
    return {page for page, read in reads.items()
            if read & wanted or any(kind in kinds_all for kind, _ in read)}


class Preview:
    """The session's memory of its last good build, and the plan for the next one."""

    def __init__(self, root: Path, extra: tuple[Path, ...] = ()):
        self.root, self.extra = root, extra
        self.files: Snapshot | None = None  # None: the next build renders everything
        self.heads: dict[str, str] = {}  # content/ Markdown path -> page_head
        self.item_files: dict[str, tuple[str, str]] = {}  # data file -> (kind, id)
        self.reads: dict[str, set[tuple[str, str]]] = {}  # page src -> items it read
        self.outputs: dict[str, dict] = {}  # page src -> what its macros made (ReadLog)
        self.generated_heads: dict[str, str] = {}  # generated page src -> page_head
        self.nav = None
        self.pending: Snapshot | None = None

    def plan(self) -> Plan:
        """Compare the files with the last good build. Call once per rebuild, before loading."""
        now = snapshot(self.root, self.extra)
        self.pending = now
        if self.files is None:
            return everything("de eerste bouw of een bouw na een fout")
        before = self.files
        if set(now) != set(before):
            return everything("een bestand is toegevoegd of verwijderd")
        plan = Plan(full=False)
        for path in (p for p in now if now[p] != before[p]):
            if path.startswith(CONTENT) and path.endswith(".md"):
                head = page_head(self._read(path))
                if head != self.heads.get(path):
                    return everything(f"{path}: titel of kop (front matter) veranderd")
                self.heads[path] = head
                plan.pages.add(path[len(CONTENT):])
            elif path.startswith(CONTENT):
                continue  # an image, a style sheet, a script: MkDocs copies what is newer
            elif path in self.item_files:
                plan.items.add(self.item_files[path])
            else:
                return everything(f"{path} veranderd")
        return plan

    def _read(self, path: str) -> str:
        try:
            return (self.root / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def remember_catalogue(self, sources) -> None:
        """Which data file holds which item (Catalogue.sources: (kind, id) -> located data)."""
        self.item_files = item_files(sources)

    def done(self, log: ReadLog, nav, full: bool) -> None:
        """A build went well: remember its files, and what the macros of the pages it
        rendered read and made (full: it rendered all of them)."""
        if full:
            self.heads = {path: page_head(self._read(path)) for path in self.pending or {}
                          if path.startswith(CONTENT) and path.endswith(".md")}
            self.reads, self.outputs = {}, {}
        self.reads.update(log.reads)
        self.outputs.update(log.outputs)
        self.files, self.nav = self.pending, nav

    def forget(self) -> None:
        """A build failed or was planned in full: the next one starts from nothing."""
        self.files = None
