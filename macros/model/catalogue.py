"""The catalogue: every validated content item of one build, and the orders it is shown in.

Made by the load step (load.py), read by the check step and by every renderer; it sits below
all of them so that no step imports back up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from . import models
from .pictograms import Drawing, Pictograms
from .translation import Language, WorksheetTranslation
from .yaml_lines import LocatedData


@dataclass
class Catalogue:
    """Everything a build renders from, validated once."""
    root: Path
    edition_dir: Path
    edition: models.Edition | None = None
    method: models.Method | None = None
    glossary: models.Glossary = field(default_factory=models.Glossary)
    search_words: models.SearchWords = field(default_factory=models.SearchWords)
    worksheets: dict[str, models.Worksheet] = field(default_factory=dict)
    principles: dict[str, models.Principle] = field(default_factory=dict)
    exercises: dict[str, models.Exercise] = field(default_factory=dict)
    courses: dict[str, models.Course] = field(default_factory=dict)
    # worksheets/vertalingen/: language folder -> _taal.yml, and -> worksheet id -> translation
    languages: dict[str, Language] = field(default_factory=dict)
    translations: dict[str, dict[str, WorksheetTranslation]] = field(default_factory=dict)
    sources: dict[tuple[str, str], LocatedData] = field(default_factory=dict)
    pictograms: Pictograms = field(default_factory=Pictograms)
    drawings: dict[str, Drawing] = field(default_factory=dict)
    # ids whose files exist but did not load: references to them are not reported again
    failed: set[str] = field(default_factory=set)
    # the edition's choices (issue #23, model/selection.py): its own items by (kind, id), the
    # shared files they replace, and what it leaves out, by kind, with the model it had
    own: set[tuple[str, str]] = field(default_factory=set)
    replaced: dict[tuple[str, str], str] = field(default_factory=dict)
    left_out: dict[str, dict[str, object]] = field(default_factory=dict)
    # local details: the default edition's neutral values, with the edition's own over them
    details: dict[str, str] = field(default_factory=dict)

    def is_left_out(self, kind: str, ident: str) -> bool:
        return ident in self.left_out.get(kind, {})

    def source(self, kind: str, ident: str) -> LocatedData:
        return self.sources[(kind, ident)]

    @property
    def tasks(self) -> dict[str, models.Task]:
        return {t.id: t for t in self.method.tasks} if self.method else {}

    @property
    def life_domains(self) -> list[models.LifeDomain]:
        return list(self.edition.life_domains) if self.edition else []

    def table_rows(self, table: models.Table) -> list[models.Row]:
        """A table's rows: listed in the worksheet, or the edition's leefgebieden."""
        if table.rows is not None:
            return list(table.rows)
        return [models.Row(id=d.id, label=d.name) for d in self.life_domains]

    def pictogram(self, kind: str, key: str | None = None) -> Markup:
        """The inline SVG beside a text, or nothing: kind 'leefgebied' (key: its id),
        'schaal' (key 'links' or 'rechts'), 'instructie', or 'uitleg' (key: the field's own
        pictogram, if any)."""
        p = self.pictograms
        name = {"leefgebied": lambda: p.life_domains.get(key),
                "schaal": lambda: p.scale.left if key == "links" else p.scale.right,
                "instructie": lambda: p.parts.instruction,
                "uitleg": lambda: key or p.parts.explanation}[kind]()
        drawing = self.drawings.get(name) if name else None
        return drawing.svg(f"kw-picto kw-picto--{kind}") if drawing else Markup("")

    def worksheets_in_order(self) -> list[models.Worksheet]:
        """Worksheets by phase of the method, then by title: the order of the waaier."""
        return sorted(self.worksheets.values(),
                      key=lambda ws: (models.PHASES.index(ws.phase), ws.title.casefold()))
