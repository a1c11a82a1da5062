"""The thin layer between MkDocs and the pipeline: wiring only, no domain logic.

mkdocs-macros calls define_env() first in every build (and every `mkdocs serve` rebuild);
it loads the catalogue once and keeps it here so the MkDocs hooks (mkdocs_hooks.py) can
generate pages and navigation from the same validated data.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from mkdocs.exceptions import Abort

from .catalogue_cache import checked_catalogue
from .fingerprint import Inputs, digest
from .load import DEFAULT_EDITION, Catalogue
from .page_cache import FOLDER as PAGE_CACHE, PageCache
from .problems import ContentError
from .render_web import WebRenderer

EDITION_ENV = "KRACHTWERK_EDITIE"
PDF_ENV = "KRACHTWERK_PDF"

state: dict = {}


def edition_dir(root: Path) -> Path:
    value = os.environ.get(EDITION_ENV)
    return (Path(value) if value else root / DEFAULT_EDITION).resolve()


def load(root: Path) -> Catalogue:
    root = root.resolve()
    inputs = Inputs(root, edition_dir(root))
    try:
        cat = checked_catalogue(inputs)
    except ContentError as e:
        # Abort prints the message without a traceback and stops with a non-zero exit.
        raise Abort("\n" + e.report()) from None
    state["catalogue"], state["inputs"] = cat, inputs
    return cat


def define_env(env) -> None:
    root = Path(env.project_dir)
    cat = load(root)
    training_on = cat.edition.sections.training
    web = WebRenderer(cat, training_on=training_on)

    def page() -> str:
        return env.page.file.src_uri

    ours: set[str] = set()  # the macros below: pure functions of the catalogue and the page

    def macro(function):
        ours.add(function.__name__)
        return env.macro(function)

    @macro
    def werkblad(ident: str) -> str:
        return web.worksheet(page(), ident)

    @macro
    def werkblad_link(ident: str) -> str:
        return web.worksheet_link(page(), ident)

    @macro
    def principe(ident: str) -> str:
        return web.principle(page(), ident)

    @macro
    def basistaak(ident: str) -> str:
        return web.task(page(), ident)

    @macro
    def oefening(ident: str) -> str:
        return web.exercise(page(), ident)

    @macro
    def cursus(ident: str) -> str:
        return web.course(page(), ident)

    @macro
    def cursus_pakket(ident: str, trainer: bool) -> str:
        return web.training.course_pack(page(), ident, trainer)

    @macro
    def oefeningen_overzicht() -> str:
        return web.exercise_overview(page())

    @macro
    def cursussen_overzicht() -> str:
        return web.course_overview(page())

    @macro
    def waaier_overzicht() -> str:
        return web.waaier_overview(page())

    @macro
    def trefwoorden_overzicht() -> str:
        return web.tag_overview()

    env.variables["editie"] = cat.edition
    state["macros_plugin"], state["macro_names"] = env, ours | {"editie"}
    state.pop("page_cache", None)


def cached_page(src_uri: str, markdown: str, config) -> str | None:
    """This page's macro output from an earlier build, when nothing it depends on changed."""
    if "macro_names" not in state:
        return None
    if "page_cache" not in state:
        inputs = state["inputs"]
        # The links macros write depend on the URL style, which a command-line option or the
        # offline plugin sets without a file changing; by now it is final. (`-f mkdocs.yml`
        # gives a relative config path, a plain `mkdocs build` an absolute one.)
        config_file = os.path.abspath(config.config_file_path or "")
        key = digest(inputs.data, config_file, str(config.use_directory_urls))
        state["page_cache"] = PageCache(
            inputs.root / PAGE_CACHE / f"{digest(str(inputs.edition_dir))}.pickle", key,
            reusable_names=state["macro_names"])
    return state["page_cache"].lookup(src_uri, markdown)


def _names_used(markdown: str) -> set[str]:
    """The variables a page's Jinja reads; a page that includes a template reads more than
    that, so it gets a name no cache allows."""
    from jinja2 import meta

    ast = state["macros_plugin"].env.parse(markdown)
    names = set(meta.find_undeclared_variables(ast))
    if any(True for _ in meta.find_referenced_templates(ast)):
        names.add("(template)")
    return names


def remember_page(src_uri: str, output: str) -> None:
    if cache := state.get("page_cache"):
        cache.remember(src_uri, output, _names_used)


def save_page_cache() -> None:
    if cache := state.pop("page_cache", None):
        cache.save()


def pdfs_wanted() -> bool:
    """KRACHTWERK_PDF=uit skips the PDFs: quick site-only builds (previews, growth benchmark)."""
    return os.environ.get(PDF_ENV, "").lower() not in ("0", "uit", "nee", "false")


def begin_session(command: str) -> None:
    """`mkdocs serve` keeps one PDF worker pool for all its rebuilds (see print/rendering.py)."""
    state["session"] = None
    if command == "serve":  # `mkdocs build` need not import the pool machinery this early
        from .print.rendering import SessionPool

        state["session"] = SessionPool()


def end_session() -> None:
    cancel_pdfs()
    if session := state.pop("session", None):
        session.shutdown()


def take_over_site_dir() -> None:
    """A serve rebuild is about to clean the site folder (mkdocs_hooks.on_pre_build): an
    earlier build still finishing its PDFs in the background only fills the cache now."""
    if earlier := state.pop("finishing", None):
        earlier.supersede()


def start_pdfs(pages: dict, nav, site_files: dict[str, Path], documentation: set[str]) -> None:
    """Start rendering the PDFs (mkdocs_hooks.on_env, once every page's HTML is known).
    A `--dirty` build that did not render every page (documentation) makes no PDFs: a book
    of the changed pages alone would replace the whole one."""
    from mkdocs.plugins import get_plugin_logger

    from .print.publish import start

    if missing := documentation - set(pages):
        get_plugin_logger("pdf").info(
            f"PDF's niet bijgewerkt: deze --dirty-bouw las {len(missing)} pagina's niet "
            "opnieuw. Bouw zonder --dirty om de PDF's bij te werken.")
        return
    state["pdfs"] = start(state["catalogue"], state["inputs"].catalogue, pages, nav,
                          site_files, session=state.get("session"))


def cancel_pdfs() -> None:
    if pdfs := state.pop("pdfs", None):
        pdfs.cancel()


def on_post_build(env) -> None:
    """Wait for the PDFs, put them in the built site (cached in .cache/pdf) and list them on
    Downloads. Under `mkdocs serve` that happens in a thread: the browser reloads at once and
    the PDFs follow when they are done."""
    from mkdocs.plugins import get_plugin_logger

    pdfs = state.pop("pdfs", None)
    if pdfs is None:
        return
    log = get_plugin_logger("pdf")
    site_dir = Path(env.conf["site_dir"])
    if state.get("session") is None:
        pdfs.finish(site_dir, report=log.info)
        return

    def finish() -> None:
        try:
            pdfs.finish(site_dir, report=log.info)
        except Exception as error:  # a thread's exception would otherwise only print a trace
            log.error(f"De PDF's zijn niet gemaakt: {error}")

    state["finishing"] = pdfs
    threading.Thread(target=finish, name="krachtwerk-pdf", daemon=True).start()
