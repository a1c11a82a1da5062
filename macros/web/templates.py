"""The one place where templates are looked up by name: shared by the web and the print view.

Compiled templates are kept in the build's cache folder (jinja/): compiling ours and
Material's (about 75) took half a second of every build, also when nothing had changed. Jinja
keys each entry on the template's name and source, so an edited template is compiled again."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model.labels import LABELS
from .safe_text import markdown_html, yaml_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _deeper(markdown: str) -> Markup:
    """Every heading one level down, also in the authors' text: an exercise nests under its
    heading in a course pack. The input is a rendered view, escaped where it had to be."""
    return Markup("\n".join("#" + line if line.startswith("#") else line
                            for line in str(markdown).split("\n")))


def _described(field, fid: str) -> Markup:
    return Markup(f' aria-describedby="{fid}-hulp"') if getattr(field, "help", None) else Markup("")


def bytecode_cache(cache_dir: Path | None) -> jinja2.BytecodeCache | None:
    if cache_dir is None:
        return None
    try:
        (cache_dir / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds without it
    return jinja2.FileSystemBytecodeCache(str(cache_dir / "jinja"))


def template_environment(cache_dir: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False,
                             bytecode_cache=bytecode_cache(cache_dir))
    # The one place where a text field from the YAML enters a view or a print template: plain
    # text escaped, a field the model types Markdown without raw HTML (web/safe_text.py).
    env.filters["markdown"] = markdown_html
    env.filters["yaml_text"] = yaml_text
    env.filters["deeper"] = _deeper
    env.globals["described"] = _described
    env.globals["labels"] = LABELS
    env.globals["L"] = LABELS.print
    return env
