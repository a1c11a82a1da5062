"""The adapter for mkdocs-macros: it stays the engine that finds the Jinja in every page, but
the page is rendered by our sandbox (web/page_templates.py), not by mkdocs-macros' own
environment. So a page reaches only our macros and `editie`: not mkdocs-macros' variables
(config, environment, page, git, extra, navigation, files), not its include folder.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ..build.build import Build
from ..model.problems import ContentError
from ..web.page_templates import PageTemplates


def build_of(env) -> Build:
    """The build the krachtwerk plugin made (it runs first, see mkdocs.yml). A generator
    without our plugin (one that only runs define_env modules) gets a build of its own."""
    plugin = env.conf["plugins"].get("krachtwerk")
    if plugin is not None:
        return plugin.build
    from ..build.settings import Settings
    return Build(Settings.from_environment(Path(env.project_dir)))


def _first_line(page, markdown: str) -> int:
    """The line of the page file where the Markdown starts: MkDocs took the front matter off."""
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError, ValueError):
        return 1  # a generated page: its Markdown is the whole file
    at = source.find(markdown) if markdown else -1
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


def define_env(env) -> None:
    build = build_of(env)
    rendering = {"page": ""}  # the page whose macros run: their links are relative to it
    templates = PageTemplates(build.catalogue, build.web, lambda: rendering["page"],
                              on_left_out=build.note_left_out)

    def page_file(page) -> str:
        """The page as the author knows it: content/a/b.md, not a/b.md."""
        try:
            return Path(page.file.abs_src_path).resolve().relative_to(
                Path(env.project_dir).resolve()).as_posix()
        except (TypeError, ValueError):
            return page.file.src_uri

    def expand(src: str, markdown: str, file: str, first: int) -> str:
        """A page's text with its macros run. Raises ContentError."""
        rendering["page"] = src
        # links to what the edition leaves out keep their text (issue #23)
        markdown = build.unlink_left_out(markdown, src, file, first)
        with build.reads.reading(src):
            return templates.render(markdown, file, first)

    def render(markdown: str, force_rendering: bool = False) -> str:
        """Replaces mkdocs-macros' render (plugin.py: render) for every page and page title.
        A page that goes wrong stops the build: a BuildError prints our message alone."""
        page = env.page
        if (page.meta or {}).get("render_macros") is False:
            return markdown
        try:
            where = (page_file(page), _first_line(page, markdown))
            output = expand(page.file.src_uri, markdown, *where)
        except ContentError as e:
            raise PluginError("\n" + e.report()) from None
        build.reads.wrote(page.file.src_uri, markdown, where, output)
        return output

    def same_again(src: str, outputs: dict) -> bool:
        """Whether the page's macros make the texts they made last time (outputs: from the
        ReadLog of that build). A problem counts as a change: the page's render reports it."""
        try:
            return all(expand(src, text, *where) == output
                       for text, (where, output) in outputs.items())
        except ContentError:
            return False

    env.render = render
    build.macros_unchanged = same_again
