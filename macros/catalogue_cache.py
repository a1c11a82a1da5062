"""The checked catalogue, kept between builds in .cache/catalogue.

Loading and checking all content took about 0.15 s of every build, also when nothing had
changed. The cache holds the last catalogue that passed every check, with the hash of all its
inputs (fingerprint.Inputs.catalogue: the code, the content files, the pages, the edition).
Any change to those loads and checks everything again; a catalogue with problems is never
cached, so its problems are reported on every build.
"""
from __future__ import annotations

import pickle
from pathlib import Path

from .cache_file import write_atomically
from .fingerprint import Inputs, digest
from .load import Catalogue, load_catalogue

FOLDER = Path(".cache") / "catalogue"


def _cache_file(inputs: Inputs) -> Path:
    return inputs.root / FOLDER / f"{digest(str(inputs.edition_dir))}.pickle"


def _cached(path: Path, key: str) -> Catalogue | None:
    try:
        with path.open("rb") as f:
            if pickle.load(f) != key:  # the key comes first: a stale catalogue is not read
                return None
            cat = pickle.load(f)
    except Exception:  # missing, half written, or made by other code: load afresh
        return None
    return cat if isinstance(cat, Catalogue) else None


def _store(path: Path, key: str, cat: Catalogue) -> None:
    data = (pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL)
            + pickle.dumps(cat, protocol=pickle.HIGHEST_PROTOCOL))
    try:
        write_atomically(path, data)
    except OSError:
        pass  # a read-only checkout builds without the cache


def checked_catalogue(inputs: Inputs) -> Catalogue:
    """The catalogue of these inputs: from the cache when none changed. Raises ContentError
    (from load_catalogue) when the content has problems."""
    path, key = _cache_file(inputs), inputs.catalogue
    cat = _cached(path, key)
    if cat is None:
        cat = load_catalogue(inputs.root, inputs.edition_dir)
        _store(path, key, cat)
    return cat
