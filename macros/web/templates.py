"""The one place where templates are looked up by name: shared by the web and the print view.

Templates are compiled in every build, not loaded from a bytecode cache: Jinja's cache
unmarshals code from disk, so a crafted file in .cache/jinja would run on the build machine
(#17). Measured on a no-change rebuild of the real site without PDFs (2 shared cores, three
runs each): 5.35 s median with the cache, 5.78 s without; 0.4 s is not worth that risk."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model.labels import LABELS
from .netmap import network_drawing
from .safe_text import markdown_html, yaml_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _deeper(markdown: str) -> Markup:
    """Every heading one level down, also in the authors' text: an exercise nests under its
    heading in a course pack. The input is a rendered view, escaped where it had to be."""
    return Markup("\n".join("#" + line if line.startswith("#") else line
                            for line in str(markdown).split("\n")))


def _described(field, fid: str) -> Markup:
    return Markup(f' aria-describedby="{fid}-hulp"') if getattr(field, "help", None) else Markup("")


def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False)
    # The one place where a text field from the YAML enters a view or a print template: plain
    # text escaped, a field the model types Markdown without raw HTML (web/safe_text.py).
    env.filters["markdown"] = markdown_html
    env.filters["yaml_text"] = yaml_text
    env.filters["deeper"] = _deeper
    env.globals["described"] = _described
    env.globals["netmap"] = network_drawing
    env.globals["labels"] = LABELS
    env.globals["L"] = LABELS.print
    return env
