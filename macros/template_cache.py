"""Compiled Jinja templates kept between builds in .cache/jinja.

Compiling the templates (ours and Material's, about 75) took half a second of every build,
also when nothing had changed. Jinja keys each entry on the template's name and source, so an
edited template is compiled again."""
from __future__ import annotations

from pathlib import Path

import jinja2

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


def bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds without it
    return jinja2.FileSystemBytecodeCache(str(CACHE))
