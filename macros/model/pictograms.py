"""Pictograms: which drawing stands beside which text (data/pictogrammen.yml), and the drawings
themselves (content/assets/pictogrammen/*.svg), read once per build.

A drawing is content, so it is not trusted: only its viewBox and the `d` of its paths are
kept, and the SVG the site and the PDFs get is written here. Every pictogram stands beside
the words it shows, so it is hidden from screen readers (aria-hidden) and the text stays the
only name; the colofon lists what each one shows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from pydantic import Field

from .base import FieldId, Strict, Text
from .problems import Problem

PICTOGRAMS = "data/pictogrammen.yml"
DRAWINGS = "content/assets/pictogrammen"

PictogramName = FieldId
SVG_FILE = r"^[a-z0-9]+(-[a-z0-9]+)*\.svg$"
VIEWBOX = re.compile(r'\bviewBox="([0-9. -]+)"')
PATH = re.compile(r'<path\b[^>]*?\sd="([MmLlHhVvCcSsQqTtAaZz0-9., eE+-]+)"')


class Pictogram(Strict):
    file: str = Field(pattern=SVG_FILE)
    meaning: Text


class ScaleEnds(Strict):
    left: PictogramName | None = None
    right: PictogramName | None = None


class Parts(Strict):
    instruction: PictogramName | None = None
    explanation: PictogramName | None = None


class Pictograms(Strict):
    pictograms: dict[PictogramName, Pictogram] = Field(default_factory=dict)
    life_domains: dict[FieldId, PictogramName] = Field(default_factory=dict)
    scale: ScaleEnds = ScaleEnds()
    parts: Parts = Parts()


@dataclass(frozen=True)
class Drawing:
    view_box: str
    paths: tuple[str, ...]

    def svg(self, css_class: str = "kw-picto") -> Markup:
        paths = "".join(f'<path d="{escape(d)}"/>' for d in self.paths)
        return Markup(f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" '
                      f'viewBox="{escape(self.view_box)}" aria-hidden="true" focusable="false" '
                      f'fill="currentColor">{paths}</svg>')


def read_drawing(path: Path) -> Drawing | None:
    """The shape of an SVG file, or None when it has no viewBox or no path we can keep."""
    text = path.read_text(encoding="utf-8", errors="replace")
    box, paths = VIEWBOX.search(text), PATH.findall(text)
    return Drawing(box.group(1), tuple(paths)) if box and paths else None


def references(pictos: Pictograms, worksheets) -> list[tuple[str, tuple, str]]:
    """Every use of a pictogram name: (file kind, location in that file, name)."""
    used = [("pictogrammen", ("leefgebieden", ident), name)
            for ident, name in pictos.life_domains.items()]
    used += [("pictogrammen", ("schaal", key), name)
             for key, name in (("links", pictos.scale.left), ("rechts", pictos.scale.right)) if name]
    used += [("pictogrammen", ("onderdelen", key), name)
             for key, name in (("instructie", pictos.parts.instruction),
                               ("uitleg", pictos.parts.explanation)) if name]
    for ws in worksheets:
        for i, field in enumerate(ws.fields):
            if getattr(field, "pictogram", None):
                used.append((ws.id, ("velden", i, "pictogram"), field.pictogram))
    return used


def pictogram_problems(cat) -> tuple[list[Problem], dict[str, Drawing]]:
    """Unknown names and missing or unusable drawings, and the drawings that are fine."""
    pictos, problems, drawings = cat.pictograms, [], {}
    src = cat.sources.get(("pictogrammen", "pictogrammen"))
    folder = cat.root / DRAWINGS
    for name, p in pictos.pictograms.items():
        path = folder / p.file
        drawing = read_drawing(path) if path.is_file() and not path.is_symlink() else None
        if drawing is None:
            what = "is geen bruikbare SVG (een viewBox en paden)" if path.is_file() \
                else "bestaat niet"
            problems.append(Problem(src.file, src.line_of(("pictogrammen", name, "bestand")),
                                    f"pictogrammen.{name}.bestand",
                                    f"{DRAWINGS}/{p.file} {what}"))
        else:
            drawings[name] = drawing
    for kind, where, name in references(pictos, cat.worksheets_in_order()):
        if name in pictos.pictograms:
            continue
        source = src if kind == "pictogrammen" else cat.source("werkblad", kind)
        file, line = (source.file, source.line_of(where)) if source else (PICTOGRAMS, 0)
        problems.append(Problem(file, line, ".".join(map(str, where)),
                                f"onbekend pictogram '{name}'; kies uit: "
                                f"{', '.join(sorted(pictos.pictograms)) or '(nog geen)'}"))
    return problems, drawings
