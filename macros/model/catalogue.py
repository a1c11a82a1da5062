"""The catalogue: every validated content item of one build, and the orders it is shown in.

Made by the load step (load.py), read by the check step and by every renderer; it sits below
all of them so that no step imports back up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import models
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
    sources: dict[tuple[str, str], LocatedData] = field(default_factory=dict)
    # ids whose files exist but did not load: references to them are not reported again
    failed: set[str] = field(default_factory=set)

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

    def worksheets_in_order(self) -> list[models.Worksheet]:
        """Worksheets by phase of the method, then by title: the order of the waaier."""
        return sorted(self.worksheets.values(),
                      key=lambda ws: (models.PHASES.index(ws.phase), ws.title.casefold()))
