"""What one content file may be, so that a mistake or a trick fails fast with a clear message
instead of a traceback, a hang or a file from elsewhere in the build (issue #17).

Every content file is read through read_source(): size, UTF-8 and where it really is."""
from __future__ import annotations

from pathlib import Path

from .problems import Problem

MAX_FILE_BYTES = 1_000_000   # the largest content file is about 25 kB
MAX_YAML_ALIASES = 20        # our files use none; a chain of them multiplies the data (a bomb)
MAX_YAML_NODES = 100_000     # keys and items in one file, aliases counted where they are used


def outside(path: Path, *homes: Path) -> bool:
    """True when path (followed through every symlink) lies in none of the folders."""
    real = path.resolve()
    return not any(real.is_relative_to(home.resolve()) for home in homes)


def read_source(path: Path, file: str, *homes: Path) -> tuple[str | None, list[Problem]]:
    """A content file's text, or None and the problem: a link out of the project (homes: the
    folders it may point into), too large, not UTF-8."""
    if homes and outside(path, *homes):
        return None, [Problem(file, 1, "", f"verwijst (via een snelkoppeling/symlink) naar "
                              f"{path.resolve()}, buiten het project; zet het bestand zelf "
                              "in de map")]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(file, 1, "", f"het bestand is {size} bytes; de grens is "
                                  f"{MAX_FILE_BYTES} bytes per bestand; splits het op")]
        raw = path.read_bytes()
    except OSError as e:
        return None, [Problem(file, 1, "", f"het bestand is niet te lezen ({e.strerror})")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [Problem(file, line, "", "het bestand is geen UTF-8-tekst (byte "
                              f"{raw[e.start]:#04x}); sla het op als UTF-8")]


def symlinks_out(folder: Path, root: Path, *homes: Path) -> list[Problem]:
    """Every file or folder under folder that links out of the homes (default: root)."""
    problems = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and outside(path, *(homes or (root,))):
            file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            problems.append(Problem(file, 1, "", f"verwijst (via een snelkoppeling/symlink) "
                                    f"naar {path.resolve()}, buiten het project; zet het "
                                    "bestand zelf in de map"))
    return problems
