"""`make editions`: every edition folder in site_config/ built into a site folder of its own
(issue #23), one after the other, each with one PDF worker per core and the one PDF cache of
the project (.cache/pdf, keyed on content): a PDF that is the same in two editions is
rendered for the first and taken from the cache for the next.

One after the other, not side by side: builds in one project folder take turns (lock.py),
because they share .cache/; the PDFs, most of the time of a build, already use every core."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from ..model.load import EDITION_FILE

EDITIONS = "site_config"
SITES = "site-edities"


def edition_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in (root / EDITIONS).glob(f"*/{EDITION_FILE}"))


def build_editions(root: Path, folders: list[Path] | None = None, sites: Path | None = None,
                   report: Callable[[str], None] | None = None,
                   environ: dict | None = None) -> list[tuple[str, int, float]]:
    """Build each edition into sites/<folder name>/; returns (name, exit code, seconds)."""
    sites = sites or root / SITES
    # flushed: each build writes its own lines to the same output in between
    report = report or (lambda line: print(line, flush=True))
    results = []
    for folder in folders or edition_folders(root):
        name = folder.name
        env = {**(os.environ if environ is None else environ),
               "KRACHTWERK_EDITIE": str(folder.resolve())}
        report(f"Editie {name}: bouwen naar {sites / name}")
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                               "--site-dir", str(sites / name)], cwd=root, env=env)
        results.append((name, done.returncode, time.monotonic() - start))
    for name, code, seconds in results:
        report(f"  {name}: {'klaar' if code == 0 else 'MISLUKT'} in {seconds:.1f} s")
    return results
