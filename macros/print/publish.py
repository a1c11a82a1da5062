"""All PDFs for one site build: chapters, jobs, rendering with the cache, the Downloads page.

start() runs as soon as the site generator has every page's HTML; the PDFs then render in
worker processes while it writes the web pages. finish() waits for them, puts them in the
site and fills in the Downloads page. Under `mkdocs serve` the build runs finish() in a
thread, so the browser reloads without waiting for the PDFs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from ..model.catalogue import Catalogue
from ..model.routes import BOOK_PDF, WAAIER_PDF, pack_page
from . import book, book_parts, downloads, fillable_script
from .cache import Cache, decompressed_fonts, shared_copy
from .joining import join_books
from .pdf import PdfJob, Result
from .jobs import site_jobs
from .render import FONTS_DIR, PrintRenderer
from .rendering import Rendering, SessionPool

# The PDFs rendered by parts and joined (book_parts.py): the books.
PARTED = (BOOK_PDF, WAAIER_PDF)


@dataclass
class SitePdfs:
    pages: dict[str, book.RenderedPage]
    jobs: list[PdfJob]
    rendering: Rendering
    worksheets: tuple[str, ...] = ()  # whose fillable PDF the web page can fill in
    books: list[book_parts.PartedBook] = field(default_factory=list)
    workers: int | None = None
    session: SessionPool | None = None

    def finish(self, site_dir: Path, report: Callable[[str], None] = print) -> list[Result]:
        results = self.rendering.finish(site_dir, report)
        if self.books:
            results = join_books(self, site_dir, results, report)
        if not self.rendering.superseded.is_set():
            downloads.fill_in(site_dir, self.pages, self.jobs, results)
            fillable_script.write_scripts(site_dir, self.worksheets)
        return results

    def show_pending(self, site_dir: Path) -> None:
        """Say on the Downloads page that PDFs are being made, if any are (serve only)."""
        if self.rendering.todo:
            downloads.show_pending(site_dir, self.pages)

    def cancel(self) -> None:
        self.rendering.cancel()

    def supersede(self) -> None:
        """A newer serve rebuild owns the site folder now: keep rendering into the cache only."""
        self.rendering.superseded.set()


def show_pending(site_dir: Path, pages: dict[str, book.RenderedPage]) -> None:
    """Say on the Downloads page that PDFs are being made, before the jobs are known."""
    downloads.show_pending(site_dir, pages)


def site_pdf_jobs(cat: Catalogue, renderer: PrintRenderer, pages: dict[str, book.RenderedPage],
                  nav, site_files: Mapping[str, Path] | None = None) -> list[PdfJob]:
    """Every PDF of this edition, made from the catalogue and the pages' HTML."""
    chapters = book.make_chapters(pages, nav, cat.worksheets, site_files, cat.edition.site_url)
    packs = {}
    if cat.edition.sections.training:
        for course_id in cat.courses:
            for trainer in (True, False):
                chapter = book.page_chapter(pages, pack_page(course_id, trainer), site_files,
                                            cat.edition.site_url)
                if chapter:
                    packs[(course_id, trainer)] = chapter
    return site_jobs(cat, chapters, renderer, packs)


def print_renderer(cat: Catalogue, cache_dir: Path, **options) -> PrintRenderer:
    """A print renderer that declares the project's fonts as TrueType, decompressed once into
    the cache (WeasyPrint would otherwise decompress every WOFF2 font for every document)."""
    fonts = decompressed_fonts(sorted((cat.root / FONTS_DIR).glob("*.woff2")), cache_dir / "pdf")
    logo = shared_copy(cat.edition_dir / cat.edition.logo, cache_dir / "pdf") \
        if cat.edition.logo else None
    return PrintRenderer(cat, fonts=fonts, logo=logo, **options)


def start(cat: Catalogue, renderer: PrintRenderer, cache_dir: Path,
          pages: dict[str, book.RenderedPage], nav, site_files: Mapping[str, Path] | None = None,
          workers: int | None = None, session: SessionPool | None = None) -> SitePdfs:
    """Start rendering every PDF that is not in the cache (cache_dir/pdf)."""
    cache = Cache(cache_dir / "pdf", index=f"index-{cat.edition_dir.name}.json")
    jobs = site_pdf_jobs(cat, renderer, pages, nav, site_files or {})
    # A book the memo knows, joined and in the cache, is published like any cached PDF: its
    # print HTML is not made, nor its parts looked at (their index records stay).
    known = [job for job in jobs if job.output in PARTED and _joined_in_cache(cache, job)]
    to_render = [job for job in jobs if job.output not in PARTED] + known
    remembered = book_parts.read_memory(cache)
    books = [book_parts.PartedBook(job, remembered) for job in jobs
             if job.output in PARTED and job not in known]
    for parted in books:
        parts = parted.jobs()
        to_render += [parted.one_go_job()] if parted.needs_one_go(cache, parts) else parts
    rendering = Rendering(to_render, cache, workers, session, record_index=not books,
                          keep=tuple(f"{job.output}#" for job in known))
    return SitePdfs(pages, jobs, rendering, tuple(cat.worksheets), books, workers, session)


def _joined_in_cache(cache: Cache, job: PdfJob) -> bool:
    key = cache.memo.key(job.inputs_digest) if job.inputs_digest else None
    return key is not None and cache.valid(key)
