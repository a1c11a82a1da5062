"""All PDFs for one site build: chapters, jobs, rendering with the cache, the Downloads page.

start() runs as soon as MkDocs has every page's HTML (the on_env event); the PDFs then render
in worker processes while MkDocs writes the web pages. finish() (on_post_build) waits for
them, puts them in the site and fills in the Downloads page. Under `mkdocs serve` the adapter
runs finish() in a thread, so the browser reloads without waiting for the PDFs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from ..load import Catalogue
from ..render_training import pack_page
from . import book, downloads
from ..render_print import FONTS_DIR, PrintRenderer
from .build import Cache, PdfJob, Result, decompressed_fonts
from .jobs import site_jobs
from .plan import Plan, plan_key
from .rendering import Rendering, SessionPool

CACHE_DIR = ".cache/pdf"


@dataclass
class SitePdfs:
    pages: dict[str, book.RenderedPage]
    jobs: list[PdfJob]
    rendering: Rendering
    plan: Plan
    plan_key: str

    def finish(self, site_dir: Path, report: Callable[[str], None] = print) -> list[Result]:
        results = self.rendering.finish(site_dir, report)
        if not self.rendering.superseded.is_set():
            downloads.fill_in(site_dir, self.pages, self.jobs, results)
            self.plan.save(self.plan_key, self.jobs, self.rendering.keys)
        return results

    def cancel(self) -> None:
        self.rendering.cancel()

    def supersede(self) -> None:
        """A newer serve rebuild owns the site folder now: keep rendering into the cache only."""
        self.rendering.superseded.set()


def site_pdf_jobs(cat: Catalogue, pages: dict[str, book.RenderedPage], nav,
                  site_files: Mapping[str, Path] | None = None) -> list[PdfJob]:
    """Every PDF of this edition, made from the catalogue and the pages' HTML."""
    fonts = decompressed_fonts(sorted((cat.root / FONTS_DIR).glob("*.woff2")),
                               cat.root / CACHE_DIR)
    chapters = book.make_chapters(pages, nav, cat.worksheets, site_files, cat.edition.site_url)
    packs = {}
    if cat.edition.sections.training:
        for course_id in cat.courses:
            for trainer in (True, False):
                chapter = book.page_chapter(pages, pack_page(course_id, trainer), site_files,
                                            cat.edition.site_url)
                if chapter:
                    packs[(course_id, trainer)] = chapter
    return site_jobs(cat, chapters, PrintRenderer(cat, fonts=fonts), packs)


def start(cat: Catalogue, inputs_key: str, pages: dict[str, book.RenderedPage], nav,
          site_files: Mapping[str, Path] | None = None, workers: int | None = None,
          session: SessionPool | None = None) -> SitePdfs:
    """inputs_key: the hash of the code, content and edition (fingerprint.Inputs.catalogue)."""
    site_files = site_files or {}
    cache = Cache(cat.root / CACHE_DIR, index=f"index-{cat.edition_dir.name}.json")
    plan = Plan(cat.root / CACHE_DIR / f"plan-{cat.edition_dir.name}.json")
    key = plan_key(inputs_key, pages, nav, site_files)
    if reused := plan.reuse(key, cache):
        jobs, keys = reused
        return SitePdfs(pages, jobs, Rendering(jobs, cache, workers, session, keys), plan, key)
    jobs = site_pdf_jobs(cat, pages, nav, site_files)
    return SitePdfs(pages, jobs, Rendering(jobs, cache, workers, session), plan, key)
