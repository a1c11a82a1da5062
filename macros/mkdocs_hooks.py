"""MkDocs hooks (registered in mkdocs.yml): pages and navigation generated from the catalogue.

Loaded by MkDocs as a loose file, so it puts the project root on sys.path itself.
"""
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import adapter  # noqa: E402
from macros.adapter import state  # noqa: E402
from macros.pages import generated_pages, add_to_nav  # noqa: E402
from macros import edition  # noqa: E402
from macros.print import outputs  # noqa: E402
from macros.js_bundle import bundle  # noqa: E402
from macros.template_cache import bytecode_cache  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402


OFFLINE_ENV = "KRACHTWERK_OFFLINE"
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"


def on_config(config):
    cat = state["catalogue"]
    ed = cat.edition
    config.site_name = ed.name
    if ed.site_url:
        config.site_url = ed.site_url
    config.copyright = edition.footer(cat) or None
    config.extra_css.append(f"{edition.BRAND_DIR}/editie.css")
    if ed.logo:
        config.theme["logo"] = config.theme["favicon"] = edition.logo_uri(cat)
    config.nav = edition.edition_nav(add_to_nav(config.nav, cat), cat)
    # Tooltips from data/begrippen.yml, handed to Markdown's abbr extension once. Appending
    # 80 abbreviation lines to every page instead cost 0.06 s per page: half of a site build.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = cat.glossary.tooltips()
    outputs.directory_urls = config.use_directory_urls
    if os.environ.get(OFFLINE_ENV):
        # file:// has no web workers: Material's offline plugin needs the iframe-worker shim,
        # which we ship ourselves instead of letting the plugin point at a CDN.
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
    return config


SEARCH_WORKER = Path(__file__).parent / "assets" / "krachtwerk-search.js"
# The worksheet code is written as ES modules but shipped as one classic script, because
# browsers refuse modules from file:// (make offline). The modules are not published.
WORKSHEET_MODULES = "assets/js/worksheet"
WORKSHEET_SCRIPT = "assets/js/worksheet.js"


def _material_worker() -> str:
    import material
    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    [worker] = workers.glob("search.*.min.js")
    return worker.name


def on_files(files, config):
    for src_uri, text in generated_pages(state["catalogue"]).items():
        files.append(File.generated(config, src_uri, content=text))
    for src_uri, content in edition.edition_files(state["catalogue"]).items():
        files.append(File.generated(config, src_uri, content=content))
    for file in list(files):
        if edition.is_switched_off(state["catalogue"], file.src_uri):
            files.remove(file)
    files.append(File.generated(config, WORKSHEET_SCRIPT,
                                content=bundle(Path(config.docs_dir) / WORKSHEET_MODULES)))
    worker = SEARCH_WORKER.read_text(encoding="utf-8").replace("{{MATERIAL_WORKER}}",
                                                               _material_worker())
    files.append(File.generated(config, "assets/javascripts/workers/krachtwerk-search.js",
                                content=worker))
    return files


JINJA_MARKUP = re.compile(r"\{\{|\{%|\{#")


# Pages for which we told mkdocs-macros to leave the Markdown alone. The flag goes again after
# mkdocs-macros: a page with meta data renders with a few more blank lines in Material's theme.
_skipped: set[str] = set()


def _skip_macros(page) -> None:
    if "render_macros" not in page.meta:
        page.meta["render_macros"] = False
        _skipped.add(page.file.src_uri)


@event_priority(50)  # before mkdocs-macros
def _before_macros(markdown, page, config, files):
    """mkdocs-macros need not compile a page without Jinja, nor one whose output is cached."""
    if not JINJA_MARKUP.search(markdown):
        _skip_macros(page)
        return markdown
    if "render_macros" in page.meta or JINJA_MARKUP.search(page.title or ""):
        return markdown  # the author's choice, or a title that mkdocs-macros renders too
    cached = adapter.cached_page(page.file.src_uri, markdown, config)
    if cached is None:
        return markdown
    _skip_macros(page)
    return cached


# After mkdocs-macros (priority 0) and before Material's tags plugin (-50), which swaps its
# listings for placeholders: the cache must hold what mkdocs-macros wrote.
@event_priority(-10)
def _after_macros(markdown, page, config, files):
    if page.file.src_uri in _skipped:
        _skipped.discard(page.file.src_uri)
        page.meta.pop("render_macros", None)
    else:
        adapter.remember_page(page.file.src_uri, markdown)
    return markdown


on_page_markdown = CombinedEvent(_before_macros, _after_macros)


def on_pre_build(config):
    adapter.take_over_site_dir()
    _skipped.clear()  # left over when a `mkdocs serve` rebuild failed halfway
    if not state.get("dirty"):  # --dirty renders changed pages only: keep the others' HTML
        state["rendered_pages"] = {}


def on_page_content(html, page, config, files):
    """Keep each page's article HTML: the handbook PDF is made from it (on_env)."""
    from macros.print.book import RenderedPage
    state.setdefault("rendered_pages", {})[page.file.src_uri] = RenderedPage(
        src=page.file.src_uri, url=page.url, title=page.title or "", html=html)
    return html


def on_env(env, config, files):
    """Every page's HTML is known now: start the PDFs, so they render while MkDocs writes the
    web pages (adapter.on_post_build waits for them). Images for the book are read from the
    files MkDocs will copy, because the copying comes after this event. The theme's templates
    are compiled after this event too: from now on they come from the cache when unchanged."""
    env.bytecode_cache = bytecode_cache()
    adapter.save_page_cache()
    if adapter.pdfs_wanted():
        site_files = {f.dest_uri: Path(f.abs_src_path) for f in files
                      if f.abs_src_path and not f.is_documentation_page()}
        documentation = {f.src_uri for f in files.documentation_pages()}
        pages = {src: page for src, page in state.get("rendered_pages", {}).items()
                 if src in documentation}
        adapter.start_pdfs(pages, config.nav, site_files, documentation)
    return env


def on_build_error(error):
    adapter.cancel_pdfs()


def on_startup(command, dirty):
    state["dirty"] = dirty
    adapter.begin_session(command)


def on_shutdown():
    adapter.end_session()
