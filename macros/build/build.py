"""One build of the site: made once per build by the site adapter, handed to every step.

    Build
      settings     what was asked (edition, PDFs, workers, offline, date): settings.py
      catalogue    every content file, loaded and checked (model/)
      web          the macros' HTML and Markdown (web/)
      pages        the pages and files the site gets from the data (web/pages.py, edition.py)
      PDFs         started once every page's HTML is known, finished after the site is written
                   (print/publish.py), in the serve session's worker pool when there is one

Nothing here knows which site generator runs it.
"""
from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Callable, Mapping

from ..model.catalogue import Catalogue
from ..model.load import load_catalogue
from ..model.reads import ReadLog, track_reads
from ..model.routes import Routes
from ..model.translation_report import report_markdown, translation_report
from ..print import publish
from ..print.book import RenderedPage
from ..print.rendering import SessionPool
from ..web import edition, left_out, pages, worksheet_script
from ..web.render import WebRenderer
from ..web.templates import template_environment
from .release import Release
from .settings import Settings

TRANSLATION_REPORT = "reports/vertalingen.md"


class Build:
    def __init__(self, settings: Settings, directory_urls: bool = True,
                 session: SessionPool | None = None, report: Callable[[str], None] = print,
                 templates=None):
        """Loads and checks all content: raises ContentError listing every problem.
        report: where the build says what it did that is no mistake (left-out links).
        templates: a serve session's template environment, kept between rebuilds (it holds
        no content, and Jinja reloads a template whose file changed)."""
        self.settings = settings
        self.catalogue: Catalogue = load_catalogue(settings.root, settings.edition_dir)
        # which items each page's macros read: a serve rebuild after a data edit renders
        # only the pages that read what changed (build/preview.py)
        self.reads = ReadLog()
        track_reads(self.catalogue, self.reads)
        # (page src, what its macros made last time) -> whether they make it again; set by
        # the page-template adapter (site/macros.py), which alone can run a page's macros
        self.macros_unchanged: Callable[[str, dict], bool] = lambda src, outputs: False
        # `make offline` publishes a/b.md as a/b.html: links must know before pages render.
        self.routes = Routes(directory_urls and not settings.offline)
        self.templates = templates or template_environment()
        self.web = WebRenderer(self.catalogue, self.routes, self.templates)
        self.session = session
        self.pdfs: publish.SitePdfs | None = None
        # issue #23: the manifest and "Wat is er veranderd" (release.py), and every place a
        # page names what the edition leaves out (reported after the build)
        self.release = Release(self.catalogue, lambda src: not self.is_switched_off(src),
                               settings.date.isoformat())
        self.left_out_pages = left_out.left_out_pages(self.catalogue)
        self.left_out_links: list[str] = []
        self.report = report
        self._pdf_inputs: tuple | None = None
        self._pdf_lock = threading.Lock()
        self._superseded = threading.Event()

    def again(self) -> "Build":
        """A build of the same content for a serve rebuild that changed no data file: the
        catalogue, templates and renderers are kept (loading them takes about a second)."""
        twin = copy.copy(self)
        twin.pdfs, twin._pdf_inputs, twin._superseded = None, None, threading.Event()
        twin._pdf_lock = threading.Lock()
        twin.reads.reads, twin.reads.outputs = {}, {}
        return twin

    # --- what the site gets from the data ---------------------------------------------------
    def generated_files(self) -> dict[str, str | bytes]:
        """Pages made from the data (one per worksheet, exercise, course) and the edition's own
        files, by their path in the site's source folder."""
        cat = self.catalogue
        return {**pages.generated_pages(cat), **edition.edition_files(cat),
                **self.release.files()}

    def report_translations(self, log: Callable[[str], None]) -> Path:
        """One line per language in the build log, the whole list in reports/vertalingen.md:
        what shows in Dutch because a translation lacks it (not an error)."""
        cat = self.catalogue
        reports = translation_report(cat)
        for rep in reports:
            log("vertaling " + rep.summary(len(cat.worksheets)))
        path = self.settings.root / TRANSLATION_REPORT
        path.parent.mkdir(exist_ok=True)
        path.write_text(report_markdown(cat, reports), encoding="utf-8")
        return path

    def stale_script(self) -> str | None:
        """Why the committed worksheet script does not match its modules, or None. `make js`
        makes it, not the build, so that building needs no node; a module changed without
        `make js` would otherwise ship the old code unnoticed."""
        return worksheet_script.stale(self.settings.root)

    def is_switched_off(self, src_uri: str) -> bool:
        return edition.is_switched_off(self.catalogue, src_uri)

    # --- what the edition leaves out (model/selection.py, web/left_out.py) -------------------
    def note_left_out(self, page: str, kind: str, ident: str, line: int | None = None) -> None:
        at = f"{page}:{line}" if line else page
        note = f"{at}: {kind} '{ident}' zit niet in deze editie; de tekst staat er zonder link"
        if note not in self.left_out_links:  # a serve rebuild renders a page again
            self.left_out_links.append(note)
            self.report(note)

    def replay_notes(self, notes: list[str]) -> None:
        """What a page kept from the last build noted then (site/page_cache.py)."""
        for note in notes:
            if note not in self.left_out_links:
                self.left_out_links.append(note)
                self.report(note)

    def unlink_left_out(self, markdown: str, page: str, file: str, first_line: int = 1) -> str:
        """A page's Markdown with its links to left-out pages made plain text (and noted)."""
        markdown, found = left_out.unlink(markdown, page, self.left_out_pages)
        for line, target in found:
            self.note_left_out(file, *self.left_out_pages[target], line=first_line + line - 1)
        return markdown

    def nav(self, nav):
        """The configured nav with the generated pages added and the edition's choices made."""
        return edition.edition_nav(pages.add_to_nav(nav, self.catalogue), self.catalogue)

    # --- PDFs ---------------------------------------------------------------------------------
    def start_pdfs(self, rendered: Mapping[str, RenderedPage], nav,
                   site_files: Mapping[str, Path], later: bool = False) -> None:
        """Start rendering (rendered: every page's HTML; site_files: where each file the site
        copies comes from, since images are read before they are copied). later: only keep
        what is needed, finish_pdfs starts them (serve: making the 327 jobs takes seconds
        that the reload should not wait for)."""
        if not self.settings.pdfs:
            return
        self._pdf_inputs = (dict(rendered), nav, dict(site_files))
        if not later:
            self._start_pdfs()

    def _start_pdfs(self) -> None:
        rendered, nav, site_files = self._pdf_inputs
        renderer = publish.print_renderer(self.catalogue, self.settings.cache_dir,
                                          date=self.settings.date, env=self.templates)
        self.pdfs = publish.start(self.catalogue, renderer, self.settings.cache_dir,
                                  dict(rendered), nav, site_files,
                                  workers=self.settings.pdf_jobs, session=self.session)

    def finish_pdfs(self, site_dir: Path, report: Callable[[str], None],
                    quiet: float = 0.0) -> None:
        """quiet: first wait this long for a newer build (serve: saves come seconds apart
        while someone edits; PDFs of a state the next save replaces are not worth the CPU
        that the next reload needs). A newer build makes them instead."""
        if quiet and self._pdf_inputs is not None and self._superseded.wait(quiet):
            return
        with self._pdf_lock:
            if self.pdfs is None and self._pdf_inputs is not None \
                    and not self._superseded.is_set():
                self._start_pdfs()
        if self.pdfs is not None:
            self.pdfs.finish(site_dir, report=report)

    def show_pdfs_pending(self, site_dir: Path) -> None:
        if self.pdfs is not None:
            self.pdfs.show_pending(site_dir)
        elif self._pdf_inputs is not None:  # not started yet: they may all be in the cache
            publish.show_pending(site_dir, self._pdf_inputs[0])

    def cancel_pdfs(self) -> None:
        if self.pdfs is not None:
            self.pdfs.cancel()

    def supersede(self) -> None:
        """A newer build owns the site folder: keep rendering PDFs into the cache only (or,
        when they have not started, leave them to the newer build)."""
        with self._pdf_lock:
            self._superseded.set()
            if self.pdfs is not None:
                self.pdfs.supersede()
