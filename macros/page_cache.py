"""Each page's macro output, kept between builds in .cache/pages.

mkdocs-macros compiles every page that has Jinja in it (80 of 103) and runs its macros on each
build: about a quarter of a second when nothing had changed. Our macros render from the
catalogue only, so a page's output is fixed by its own Markdown, its path, the URL style
and the hash of the code and the content files (fingerprint.Inputs.data; the adapter makes
the key). The output is reused only for pages whose Jinja names nothing but our macros and
the edition: a page that uses `page`, `config`, `now()` or includes a template is rendered on
every build.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Callable, Iterable

from .cache_file import write_atomically
from .fingerprint import digest

FOLDER = Path(".cache") / "pages"


class PageCache:
    """Macro output by page, for one edition; save() keeps only what this build used."""

    def __init__(self, file: Path, inputs_key: str, reusable_names: Iterable[str]):
        self.file = file
        self.inputs_key = inputs_key
        self.reusable_names = frozenset(reusable_names)
        self._old: dict[str, str] | None = None
        self._used: dict[str, str] = {}
        self._pending: dict[str, tuple[str, str]] = {}  # page -> (key, its Markdown)

    def _entries(self) -> dict[str, str]:
        if self._old is None:
            try:
                with self.file.open("rb") as f:
                    self._old = pickle.load(f)
            except Exception:  # missing or unreadable: render every page
                self._old = {}
            if not isinstance(self._old, dict):
                self._old = {}
        return self._old

    def _key(self, page: str, markdown: str) -> str:
        return digest(self.inputs_key, page, markdown)

    def lookup(self, page: str, markdown: str) -> str | None:
        """The page's macro output from an earlier build, or None (then call remember())."""
        key = self._key(page, markdown)
        output = self._entries().get(key)
        if output is None:
            self._pending[page] = (key, markdown)
        else:
            self._used[key] = output
        return output

    def remember(self, page: str, output: str,
                 names_used: Callable[[str], set[str]]) -> None:
        """Keep a rendered page's output, if all it names (names_used of its Markdown) are
        ours: then the key covers everything the output depends on."""
        pending = self._pending.pop(page, None)
        if pending is None:
            return
        key, markdown = pending
        if names_used(markdown) <= self.reusable_names:
            self._used[key] = output

    def save(self) -> None:
        if self._used == self._old:
            return
        try:
            write_atomically(self.file, pickle.dumps(self._used, pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only checkout builds without the cache
