"""The thin layer between MkDocs and the pipeline: wiring only, no domain logic.

mkdocs-macros calls define_env() first in every build (and every `mkdocs serve` rebuild);
it loads the catalogue once and keeps it here so the MkDocs hooks (mkdocs_hooks.py) can
generate pages and navigation from the same validated data.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from .load import Catalogue, load_catalogue
from .problems import ContentError
from .render_web import WebRenderer

EDITION_ENV = "KRACHTWERK_EDITIE"
PDF_ENV = "KRACHTWERK_PDF"

state: dict = {}


def edition_dir(root: Path) -> Path | None:
    value = os.environ.get(EDITION_ENV)
    return Path(value).resolve() if value else None


def load(root: Path) -> Catalogue:
    try:
        cat = load_catalogue(root, edition_dir(root))
    except ContentError as e:
        # Abort prints the message without a traceback and stops with a non-zero exit.
        raise Abort("\n" + e.report()) from None
    state["catalogue"] = cat
    return cat


def define_env(env) -> None:
    root = Path(env.project_dir)
    cat = load(root)
    training_on = cat.edition.sections.training
    web = WebRenderer(cat, training_on=training_on)
    state["web"] = web

    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def werkblad(ident: str) -> str:
        return web.worksheet(page(), ident)

    @env.macro
    def werkblad_link(ident: str) -> str:
        return web.worksheet_link(page(), ident)

    @env.macro
    def principe(ident: str) -> str:
        return web.principle(page(), ident)

    @env.macro
    def basistaak(ident: str) -> str:
        return web.task(page(), ident)

    @env.macro
    def oefening(ident: str) -> str:
        return web.exercise(page(), ident)

    @env.macro
    def cursus(ident: str) -> str:
        return web.course(page(), ident)

    @env.macro
    def cursus_pakket(ident: str, trainer: bool) -> str:
        return web.training.course_pack(page(), ident, trainer)

    @env.macro
    def oefeningen_overzicht() -> str:
        return web.exercise_overview(page())

    @env.macro
    def cursussen_overzicht() -> str:
        return web.course_overview(page())

    @env.macro
    def waaier_overzicht() -> str:
        return web.waaier_overview(page())

    @env.macro
    def trefwoorden_overzicht() -> str:
        return web.tag_overview()

    env.variables["editie"] = cat.edition


def on_post_build(env) -> None:
    """Render the PDFs into the built site (cached in .cache/pdf) and list them on Downloads.

    The handbook is made from the pages' article HTML that mkdocs_hooks.on_page_content kept.
    """
    if os.environ.get(PDF_ENV, "").lower() in ("0", "uit", "nee", "false"):
        return  # quick site-only builds (benchmarks of page growth, previews)
    from mkdocs.plugins import get_plugin_logger

    from .print.publish import publish

    pages = state.pop("rendered_pages", {})
    publish(state["catalogue"], pages, nav=env.conf["nav"], site_dir=Path(env.conf["site_dir"]),
            report=get_plugin_logger("pdf").info)
