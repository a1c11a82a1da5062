"""The print plan: which PDFs the last build made, and each one's cache key, kept with the
hash of everything their print HTML was made from.

Making the print HTML of all PDFs (only to find their cache keys unchanged) took 0.1–0.2 s of
every build. When the hash below matches the plan of the last build and every PDF it names is
still in the cache, the build publishes them without making any print HTML. The hash covers
the code, the content and the edition (fingerprint.Inputs.catalogue), every page's rendered
HTML, the nav, which file the site publishes at which path, the build month and the URL style.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from ..cache_file import write_atomically
from ..fingerprint import digest
from ..render_print import build_date, dutch_date
from . import outputs
from .book import RenderedPage
from .build import Cache, PdfJob


def plan_key(inputs_key: str, pages: Mapping[str, RenderedPage], nav,
             site_files: Mapping[str, Path]) -> str:
    return digest(
        inputs_key, dutch_date(build_date()), str(outputs.directory_urls),
        json.dumps(nav, sort_keys=True, default=str),
        *(f"{p.src}\0{p.url}\0{p.title}\0{p.html}" for _, p in sorted(pages.items())),
        *(f"{dest}\0{src}" for dest, src in sorted(site_files.items())))


class Plan:
    """The plan file of one edition (next to its cache index in .cache/pdf)."""

    def __init__(self, file: Path):
        self.file = file
        self._read: str | None = None  # the file as reuse() found it

    def reuse(self, key: str, cache: Cache) -> tuple[list[PdfJob], dict[str, str]] | None:
        """The last build's jobs (without print HTML) and cache keys, if made from the same
        inputs and all still cached; otherwise None."""
        try:
            self._read = self.file.read_text(encoding="utf-8")
            saved = json.loads(self._read)
            if saved["key"] != key:
                return None
            jobs = [PdfJob(p["output"], None, p["group"], p["title"], p["variant"])
                    for p in saved["pdfs"]]
            keys = {p["output"]: p["cache_key"] for p in saved["pdfs"]}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not all(cache.path(k).is_file() for k in keys.values()):
            return None
        return jobs, keys

    def save(self, key: str, jobs: list[PdfJob], keys: dict[str, str]) -> None:
        pdfs = [{"output": j.output, "cache_key": keys[j.output], "group": j.group,
                 "title": j.title, "variant": j.variant} for j in jobs]
        text = json.dumps({"key": key, "pdfs": pdfs}, ensure_ascii=False, indent=1)
        if text == self._read:
            return  # a build that reused the plan: nothing to write
        try:
            write_atomically(self.file, text.encode("utf-8"))
        except OSError:
            pass  # a read-only checkout builds without the plan
