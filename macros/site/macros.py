"""The macros that pages call, for mkdocs-macros: `{{ werkblad('actieplan') }}` and the rest.

Each macro is a function of the catalogue and the page it is on; the Build does the work.
"""
from __future__ import annotations

from pathlib import Path

from ..build.build import Build


def build_of(env) -> Build:
    """The build the krachtwerk plugin made (it runs first, see mkdocs.yml). A generator
    without our plugin (one that only runs define_env modules) gets a build of its own."""
    plugin = env.conf["plugins"].get("krachtwerk")
    if plugin is not None:
        return plugin.build
    from ..build.settings import Settings
    return Build(Settings.from_environment(Path(env.project_dir)))


def define_env(env) -> None:
    build = build_of(env)
    web = build.web

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

    env.variables["editie"] = build.catalogue.edition
