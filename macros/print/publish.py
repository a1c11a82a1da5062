"""All PDFs for one site build: chapters, jobs, rendering with the cache, the Downloads page."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..load import Catalogue
from ..render_training import pack_page
from . import book, downloads
from ..render_print import FONTS_DIR, PrintRenderer
from .build import Result, build_pdfs, decompressed_fonts
from .jobs import site_jobs

CACHE_DIR = ".cache/pdf"


def publish(cat: Catalogue, pages: dict[str, book.RenderedPage], nav, site_dir: Path,
            report: Callable[[str], None] = print, workers: int | None = None) -> list[Result]:
    cache_dir = cat.root / CACHE_DIR
    fonts = decompressed_fonts(sorted((cat.root / FONTS_DIR).glob("*.woff2")), cache_dir)
    chapters = book.make_chapters(pages, nav, cat.worksheets, site_dir, cat.edition.site_url)
    packs = {}
    if cat.edition.sections.training:
        for course_id in cat.courses:
            for trainer in (True, False):
                chapter = book.page_chapter(pages, pack_page(course_id, trainer), site_dir,
                                            cat.edition.site_url)
                if chapter:
                    packs[(course_id, trainer)] = chapter
    jobs = site_jobs(cat, chapters, PrintRenderer(cat, fonts=fonts), packs)
    results = build_pdfs(jobs, site_dir, cache_dir, report=report, workers=workers)
    downloads.fill_in(site_dir, pages, jobs, results)
    return results
