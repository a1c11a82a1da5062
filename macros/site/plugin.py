"""The MkDocs plugin `krachtwerk` (registered in pyproject.toml, listed first in mkdocs.yml).

It makes one Build per build (on_config) and wires it to MkDocs' events: the pages, nav and
files generated from the data, each page's HTML for the book, and the PDFs, which start as
soon as every page's HTML is known (on_env) and are finished after the site is written. State
that outlives one build lives on this instance: MkDocs keeps a plugin with on_startup for a
whole `mkdocs serve` session, with one PDF worker pool for all its rebuilds, and under
`--dirty` the live preview (incremental.py). Pages whose inputs did not change keep their HTML
from the last build (page_cache.py).
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from ..build.build import Build
from ..build.lock import BuildBusy, BuildLock
from . import csp, incremental, instant
from .page_cache import PageCache, page_cache_for
from ..build.settings import Settings
from ..model.page_source import rendered_problems
from ..model.problems import ContentError, Problem
from ..print.book import RenderedPage
from ..print.rendering import SessionPool
from ..web import edition
from .compress import precompress
from .search import adjust_index
from ..web.safe_text import SafeLinksExtension

log = get_plugin_logger("pdf")
script_log = get_plugin_logger("werkbladscript")
edition_log = get_plugin_logger("editie")
translation_log = get_plugin_logger("vertalingen")

SEARCH_WORKER = Path(__file__).parent / "assets" / "krachtwerk-search.js"
SEARCH_WORKER_URI = "assets/javascripts/workers/krachtwerk-search.js"
FRAME_WORKER = "assets/js/iframe-worker/stand-in.js"  # the name keeps the CDN copy out
# serve: the PDFs of a rebuild start when no newer one came for this long (build.py)
QUIET_BEFORE_PDFS = 4.0


def _material_worker() -> str:
    import material
    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    [worker] = workers.glob("search.*.min.js")
    return worker.name


class KrachtwerkPlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        self.build: Build | None = None
        self.session: SessionPool | None = None
        self.dirty = False
        self.rendered: dict[str, RenderedPage] = {}
        self.markup_problems: list[Problem] = []  # found in the HTML of this build's pages
        self.finishing: Build | None = None  # a serve build whose PDFs still render
        self.lock: BuildLock | None = None  # one build at a time in the folder (build/lock.py)
        self.offline = False
        # the live preview of `mkdocs serve --dirty` (site/incremental.py)
        self.live: incremental.LiveSession | None = None
        self.pages: PageCache | None = None  # pages kept from the last build (page_cache.py)
        self.notes_before = 0

    def _unlock(self) -> None:
        if self.lock is not None and self.session is None:  # serve keeps it for the session
            self.lock.release()

    # --- a serve session ------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        # MkDocs keeps this instance for the whole process (its plugin cache): a session
        # starts from nothing
        self.dirty, self.session, self.live = dirty, None, None
        if command == "serve":
            self.session = SessionPool()
            if dirty:
                incremental.quiet_dirty_warning()
                self.live = incremental.LiveSession()

    def on_shutdown(self):
        if self.lock is not None:
            self.lock.release()
        if self.build is not None:
            self.build.cancel_pdfs()
        if self.session is not None:
            self.session.shutdown()
        self.session, self.live = None, None

    # --- one build --------------------------------------------------------------------------
    def on_config(self, config):
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            settings = Settings.from_environment(root)
            if self.lock is None:
                self.lock = BuildLock(root)
            self.lock.acquire(settings.lock_wait, report=log.info)
            plan = self.live.plan_rebuild(settings, self.build) if self.live else None
            if plan is not None and plan.keeps_catalogue:
                self.build = self.build.again()
            else:
                kept = self.build.templates if self.session and self.build else None
                self.build = Build(settings, directory_urls=config.use_directory_urls,
                                   session=self.session, report=edition_log.info,
                                   templates=kept)
                self.build.report_translations(translation_log.info)
        except ContentError as e:
            # Abort prints the message without a traceback and stops with a non-zero exit.
            self._unlock()
            raise Abort("\n" + e.report()) from None
        except BuildBusy as e:
            raise Abort(str(e)) from None
        self.offline = settings.offline
        cat = self.build.catalogue
        ed = cat.edition
        config.site_name = edition.text(ed.name)
        if ed.site_url:
            config.site_url = ed.site_url
        elif not settings.offline and not config.site_url:
            instant.use_placeholder(config)  # instant navigation needs a sitemap (instant.py)
        config.copyright = edition.footer(cat) or None
        config.extra_css.append(f"{edition.BRAND_DIR}/editie.css")
        if ed.logo:
            config.theme["logo"] = config.theme["favicon"] = edition.logo_uri(cat)
        config.nav = self.build.nav(config.nav)
        if self.live is not None:
            self.live.check_nav(config)
        # Links in every page only to http(s), mailto, tel or within the site (web/safe_text).
        config.markdown_extensions.append(SafeLinksExtension())
        # Tooltips from data/begrippen.yml, handed to Markdown's abbr extension once. Appending
        # 80 abbreviation lines to every page instead cost 0.06 s per page: half of a build.
        config.mdx_configs.setdefault("abbr", {})["glossary"] = cat.glossary.tooltips()
        config.extra["content_security_policy"] = csp.POLICY
        if settings.offline:
            # file:// has no web workers, and the search runs in one: our stand-in runs it in
            # a frame, without inline scripts, so the CSP above holds offline too.
            config.extra["polyfills"] = [FRAME_WORKER]
        return config

    def on_pre_build(self, *, config):
        # A serve rebuild is about to clean the site folder: an earlier build still finishing
        # its PDFs in the background only fills the cache from now on.
        if self.finishing is not None:
            self.finishing.supersede()
            self.finishing = None
        if self.live is not None:
            self.live.own_search_merge(config)
        if self.live is not None and self.live.plan.full:
            self.live.start_over(config)
            self.rendered = {}
        elif not self.dirty:  # --dirty renders changed pages only: keep the others' HTML
            self.rendered = {}
        self.markup_problems = []

    def on_files(self, files, *, config):
        if problem := self.build.stale_script():
            script_log.warning(problem)  # fails `mkdocs build` (strict); serve carries on
        generated = self.build.generated_files()
        for src_uri, content in generated.items():
            files.append(File.generated(config, src_uri, content=content))
        for file in list(files):
            if self.build.is_switched_off(file.src_uri):
                files.remove(file)
        search_words = json.dumps(self.build.catalogue.search_words.for_worker(),
                                  ensure_ascii=False)
        worker = (SEARCH_WORKER.read_text(encoding="utf-8")
                  .replace("{{MATERIAL_WORKER}}", _material_worker())
                  .replace("{{SEARCH_WORDS}}", search_words))
        files.append(File.generated(config, SEARCH_WORKER_URI, content=worker))
        if self.live is not None and self.live.mark(files, generated, self.build,
                                                    self.rendered, config):
            self.rendered = {}
        self.pages = page_cache_for(self.build, files, config)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        """Before the macros (our plugin comes first): a page kept from the last build gets
        no Markdown to render; on_page_content puts its HTML back."""
        if self.pages is not None and self.pages.look_up(page, markdown):
            return ""
        self.notes_before = len(self.build.left_out_links)
        return markdown

    def on_nav(self, nav, *, config, files):
        if self.live is not None:
            self.live.name_pages(nav, self.rendered)
        return nav

    def on_page_context(self, context, *, page, config, nav):
        if instant.is_placeholder(config):
            page.canonical_url = None  # the placeholder is no address to send anyone to
        return context

    def on_page_content(self, html, *, page, config, files):
        """Check each page's article HTML (model/page_source.py) and keep it: the handbook PDF
        is made from it."""
        src = page.file.src_uri
        if self.pages is not None and src in self.pages.hits:
            entry = self.pages.restore(page, files)
            html, reads = entry["html"], self.build.reads
            reads.reads[src] = {tuple(r) for r in entry["reads"]}
            reads.outputs[src] = {text: (tuple(where), out)
                                  for text, (where, out) in entry["outputs"].items()}
            self.build.replay_notes(entry["notes"])
        else:
            source = page.file.content_string if page.file.abs_src_path else ""
            name = (str(Path(page.file.abs_src_path).relative_to(self.build.settings.root))
                    if page.file.abs_src_path else page.file.src_uri)
            problems = rendered_problems(name, html, source)
            self.markup_problems += problems
            if self.pages is not None and not problems:
                reads = self.build.reads
                self.pages.store(page, html, reads.reads.get(src, ()), reads.outputs.get(src, {}),
                                 self.build.left_out_links[self.notes_before:])
        self.rendered[src] = RenderedPage(src=src, url=page.url, title=page.title or "",
                                          html=html)
        return html

    def on_post_page(self, output, *, page, config):
        if self.live is not None:
            output = self.live.keep_tag_links(page, output)
        return output

    def on_env(self, env, *, config, files):
        """Every page's HTML is known now: start the PDFs, so they render while MkDocs writes
        the web pages. Images for the book are read from the files MkDocs will copy, because
        the copying comes after this event."""
        if self.markup_problems:
            raise Abort("\n" + ContentError(self.markup_problems).report())
        if self.live is not None:
            env = self.live.keep_theme(env)
        documentation = {f.src_uri for f in files.documentation_pages()}
        if missing := documentation - set(self.rendered):
            # A --dirty build that did not render every page makes no PDFs: a book of the
            # changed pages alone would replace the whole one.
            log.info(f"PDF's niet bijgewerkt: deze --dirty-bouw las {len(missing)} pagina's "
                     "niet opnieuw. Bouw zonder --dirty om de PDF's bij te werken.")
            return env
        site_files = {f.dest_uri: Path(f.abs_src_path) for f in files
                      if f.abs_src_path and not f.is_documentation_page()}
        pages = {src: page for src, page in self.rendered.items() if src in documentation}
        # serve: the jobs are made in the PDF thread, after the reload (build.py)
        self.build.start_pdfs(pages, config.nav, site_files, later=self.session is not None)
        return env

    # After the search plugin wrote its index (0), before the offline plugin copies it (-100).
    @event_priority(-90)
    def on_post_build(self, *, config):
        """Wait for the PDFs and put them in the site. Under `mkdocs serve` that happens in a
        thread: the browser reloads at once and the PDFs follow when they are done."""
        build, site_dir = self.build, Path(config.site_dir)
        if self.live is not None:
            self.live.remember(site_dir, build, self.rendered)  # adjusts the index too
        else:
            adjust_index(site_dir)
        if self.session is None:
            try:
                build.finish_pdfs(site_dir, report=log.info)
                if not self.offline:  # nothing serves .gz files from file://
                    precompress(site_dir, build.settings.cache_dir)
            finally:
                self._unlock()
            return

        def finish() -> None:
            try:
                build.finish_pdfs(site_dir, report=log.info, quiet=QUIET_BEFORE_PDFS)
            except Exception as error:  # a thread's exception would otherwise only print a trace
                log.error(f"De PDF's zijn niet gemaakt: {error}")

        build.show_pdfs_pending(site_dir)  # the reload shows it; the list replaces it
        self.finishing = build
        threading.Thread(target=finish, name="krachtwerk-pdf", daemon=True).start()

    def on_build_error(self, *, error):
        if self.live is not None:
            self.live.forget()
        if self.build is not None:
            self.build.cancel_pdfs()
        self._unlock()
