"""Which catalogue items each page read while its macros ran.

A `mkdocs serve` rebuild after a worksheet edit renders again only the pages that read that
worksheet (build/preview.py). Recording the reads where the items are looked up catches every
way a page reaches one: its own macro's argument, a list of all worksheets on a principle's
page, the worksheets an exercise names. A read outside a page's render (the nav, the PDFs)
is not a page's and is not noted.
"""
from __future__ import annotations

from typing import Iterator

ALL = "*"  # a page that went through every item of a kind: any change of that kind is its

# the catalogue's item dicts, by the kind name their files have in Catalogue.sources
TRACKED = {"worksheets": "werkblad", "principles": "principe", "exercises": "oefening",
           "courses": "cursus"}


class ReadLog:
    """The items read per page, by (kind, id) or (kind, ALL), and what its macros made of
    which text: a page that read all worksheets is rendered again only when running its
    macros again gives another text (site/plugin.py)."""

    def __init__(self):
        self.page: str | None = None  # the page whose macros run now
        self.reads: dict[str, set[tuple[str, str]]] = {}
        # page -> its text before the macros (the page, its title) -> (where, the text after)
        self.outputs: dict[str, dict[str, tuple[tuple, str]]] = {}

    def wrote(self, page: str, text: str, where: tuple, output: str) -> None:
        self.outputs.setdefault(page, {})[text] = (where, output)

    def note(self, kind: str, ident) -> None:
        if self.page is not None:
            self.reads.setdefault(self.page, set()).add((kind, str(ident)))

    def reading(self, page: str) -> "_Reading":
        """`with log.reading(src):` around a page's macros (its text, its title)."""
        self.reads.setdefault(page, set())
        return _Reading(self, page)


class _Reading:
    def __init__(self, log: ReadLog, page: str):
        self.log, self.page = log, page

    def __enter__(self):
        self.log.page = self.page

    def __exit__(self, *exc):
        self.log.page = None


class TrackedItems(dict):
    """A dict of catalogue items that notes, in its ReadLog, which keys a page looks up."""
    __slots__ = ("kind", "log")

    def __init__(self, items: dict, kind: str, log: ReadLog):
        super().__init__(items)
        self.kind, self.log = kind, log

    def __reduce__(self):  # a copy sent to a worker process is a plain dict: no log there
        return dict, (dict(self),)

    def __getitem__(self, key):
        self.log.note(self.kind, key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.log.note(self.kind, key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.log.note(self.kind, key)
        return super().__contains__(key)

    def _all(self) -> None:
        self.log.note(self.kind, ALL)

    def __iter__(self) -> Iterator:
        self._all()
        return super().__iter__()

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def keys(self):
        self._all()
        return super().keys()

    def values(self):
        self._all()
        return super().values()

    def items(self):
        self._all()
        return super().items()


def track_reads(cat, log: ReadLog) -> None:
    """Make the catalogue's item dicts note their reads in log."""
    for attribute, kind in TRACKED.items():
        setattr(cat, attribute, TrackedItems(getattr(cat, attribute), kind, log))
