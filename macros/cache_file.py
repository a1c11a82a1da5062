"""Writing a file in .cache/ so that a build running at the same time (two test runs, or a
`mkdocs serve` rebuild still finishing) never reads half of it."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name, then rename: the rename is atomic. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
