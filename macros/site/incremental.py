"""The live preview's plan (build/preview.py) applied to MkDocs' files.

`make serve` runs `mkdocs serve --dirty`: MkDocs then keeps the site folder between rebuilds
and renders a page only when its file says it was modified. We decide that instead of the
files' times, from the plan, and mend the two things a dirty build gets wrong on its own: the
search index (MkDocs writes only the rebuilt pages' entries) and its warning, which would stop
every rebuild in strict mode.
"""
from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import Path

from mkdocs import utils
from mkdocs.plugins import get_plugin_logger

from ..build.preview import Plan, Preview, everything, page_head, pages_reading
from ..model.reads import ALL
from ..model.routes import page_of
from ..print.downloads import MARKER as DOWNLOADS_LIST
from .search import adjust_index

log = get_plugin_logger("voorbeeld")

DIRTY_WARNING = "A 'dirty' build is being performed"
# A page's tags, linked to the tag list by Material's tags plugin (partials/tags.html)
TAG_LINKS = re.compile(r'<nav class="md-tags"[^>]*>.*?</nav>', re.S)


class _PlannedDirty(logging.Filter):
    """Our dirty builds render what the plan says, so MkDocs' warning does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _PlannedDirty) for f in logger.filters):
        logger.addFilter(_PlannedDirty())


def clean(site_dir: str) -> None:
    """A full rebuild in a dirty session: MkDocs leaves the folder, so we empty it."""
    utils.clean_directory(site_dir)


def generated_plan(plan: Plan, generated: dict[str, str | bytes], before: dict[str, str]
                   ) -> Plan:
    """Generated pages whose text changed are rebuilt (plan.generated); a changed title or
    tag list changes other pages (nav, tag lists), so that makes the rebuild full, as does a
    generated page that came or went. before: the last build's generated pages."""
    pages = {src: text for src, text in generated.items() if src.endswith(".md")}
    if set(pages) != set(before):
        return Plan(full=True, reason="een gemaakte pagina is bijgekomen of weggevallen")
    for src, text in pages.items():
        if text == before[src]:
            continue
        if page_head(text) != page_head(before[src]):
            return Plan(full=True, reason=f"{src}: titel of trefwoorden veranderd")
        plan.generated.add(src)
    return plan


def mark_pages(files, rebuild: set[str]) -> None:
    """Tell MkDocs which pages to render: those in rebuild, none else."""
    for file in files.documentation_pages():
        modified = file.src_uri in rebuild
        file.is_modified = (lambda modified=modified: modified)


def _page_of(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


def merge_search_docs(kept: list[dict], fresh: list[dict], rebuilt: set[str]) -> list[dict]:
    """The index after a dirty build: the rebuilt pages' fresh entries where their old ones
    were, every other page's old entries as they were. rebuilt: the pages' urls."""
    by_page: dict[str, list[dict]] = {}
    for doc in fresh:
        by_page.setdefault(_page_of(doc), []).append(doc)
    merged, placed = [], set()
    for doc in kept:
        page = _page_of(doc)
        if page not in rebuilt:
            merged.append(doc)
        elif page not in placed:
            merged += by_page.get(page, [])
            placed.add(page)
    for page, docs in by_page.items():
        if page not in placed:
            merged += docs
    return merged


class LiveSession:
    """The live preview across the rebuilds of one `mkdocs serve --dirty` session: the plan
    of this rebuild, the pages it renders, and what the last good build left."""

    def __init__(self):
        self.preview: Preview | None = None
        self.plan: Plan | None = None
        self.rebuilt: set[str] | None = None  # None: all pages (a full rebuild)
        self.generated: dict[str, str] = {}  # the last build's generated pages
        self.search_docs: list[dict] | None = None
        self.nav = None
        self.theme_env = None  # the theme's Jinja environment, its templates compiled

    def plan_rebuild(self, settings, build) -> Plan:
        """On config: compare the files with the last good build (build: that build)."""
        if self.preview is None:
            outside = () if settings.edition_dir.is_relative_to(settings.root) \
                else (settings.edition_dir,)
            self.preview = Preview(settings.root, outside)
        self.plan = self.preview.plan()
        if not self.plan.full and build.settings != settings:
            self.plan = everything("andere instellingen")
        self.rebuilt = None
        return self.plan

    def check_nav(self, config) -> None:
        """After the nav is made: another nav (a title, a page) changes every page."""
        if not self.plan.full and config.nav != self.preview.nav:
            self.plan = everything("de navigatie is veranderd")
        if not self.plan.full:
            # the same nav and pages: the 404 page and the sitemap stay as they were
            config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        self.nav = copy.deepcopy(config.nav)

    @staticmethod
    def own_search_merge(config) -> None:
        """On pre-build: Material's search plugin, in a dirty session, merges the last index
        with this build's entries itself, but only for the first rebuilt page (its "hack"
        for one-page rebuilds), so a rebuild of two pages doubled the other's entries. We
        merge (merge_search_docs), from this build's entries alone."""
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "search_index_prev"):
            search.search_index_prev = None

    def start_over(self, config, plan: Plan | None = None) -> None:
        """A full rebuild: MkDocs in a dirty session keeps the folder, so we empty it."""
        self.plan = plan or self.plan
        clean(config.site_dir)
        self.search_docs = None
        log.info(f"alles opnieuw: {self.plan.reason}")

    def mark(self, files, generated: dict, build, rendered: dict, config) -> bool:
        """On files: tell MkDocs which pages to render. True: the rebuild became a full one
        (a generated page's title or tags changed)."""
        started_over = False
        if not self.plan.full:
            plan = generated_plan(self.plan, generated, self.generated)
            if plan.full:
                self.start_over(config, plan)
                started_over = True
        self.generated = {src: text for src, text in generated.items() if src.endswith(".md")}
        if self.plan.full:
            return started_over
        documentation = {f.src_uri for f in files.documentation_pages()}
        # the Downloads page: its list of PDFs is filled in after every build
        lists = {src for src, page in rendered.items() if DOWNLOADS_LIST.search(page.html)}
        # of the pages that read an edited item, those whose macros now make another text
        outputs = self.preview.outputs
        reading = pages_reading(self.preview.reads, self.plan.items) - self.plan.pages
        own = {page_of(kind, ident) for kind, ident in self.plan.items if ident != ALL}
        changed = {src for src in reading if src in own or src not in outputs
                   or not build.macros_unchanged(src, outputs[src])}
        self.rebuilt = (self.plan.pages | changed | self.plan.generated | lists) & documentation
        mark_pages(files, self.rebuilt)
        names = sorted(self.rebuilt)
        log.info(f"alleen opnieuw: {len(names)} pagina's ({', '.join(names[:4])}"
                 f"{' …' if len(names) > 4 else ''})")
        return False

    def name_pages(self, nav, rendered: dict) -> None:
        """On nav: a page MkDocs does not read this time has no title but its file name, and
        the rendered pages' nav and footer show it: give it the title it had."""
        if self.rebuilt is None:
            return
        for page in nav.pages:
            src = page.file.src_uri
            if src not in self.rebuilt and src in rendered and rendered[src].title:
                page.title = rendered[src].title

    def keep_tag_links(self, page, output: str) -> str:
        """On post-page: the tags plugin links a page's tags to the tag list only when it
        read every page, which a live rebuild does not. The tags did not change (a change
        makes the rebuild full), so the links are those the page had."""
        if self.rebuilt is None or not TAG_LINKS.search(output):
            return output
        try:
            before = Path(page.file.abs_dest_path).read_text(encoding="utf-8")
        except OSError:
            return output
        kept = TAG_LINKS.search(before)
        return TAG_LINKS.sub(lambda _: kept.group(0), output, count=1) if kept else output

    def keep_theme(self, env):
        """On env: the theme's templates compiled by the last build, when nothing but pages
        and data changed (a template edit makes a full rebuild, with MkDocs' new env).
        Compiling them again took 0.4 s of a 1 s rebuild."""
        if self.plan.full or self.theme_env is None:
            self.theme_env = env
            return env
        for mine, theirs in ((self.theme_env.filters, env.filters),
                             (self.theme_env.globals, env.globals),
                             (self.theme_env.tests, env.tests)):
            mine.update(theirs)
        return self.theme_env

    def remember(self, site_dir: Path, build, rendered: dict) -> None:
        """On post-build: mend the search index, and remember this good build."""
        urls = None if self.rebuilt is None else {
            rendered[src].url for src in self.rebuilt if src in rendered}

        def mend(fresh: list[dict]) -> list[dict]:
            if urls is not None and self.search_docs is not None:
                fresh = merge_search_docs(self.search_docs, fresh, urls)
            self.search_docs = [dict(doc) for doc in fresh]  # before adjust_index adds to them
            return fresh

        adjust_index(site_dir, mend)
        self.preview.remember_catalogue(build.catalogue.sources)
        self.preview.done(build.reads, self.nav, full=self.rebuilt is None)

    def forget(self) -> None:
        """A build failed: the next one renders everything."""
        if self.preview is not None:
            self.preview.forget()
