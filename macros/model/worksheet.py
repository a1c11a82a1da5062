"""Worksheets and their fields: what a valid worksheet file holds."""
from __future__ import annotations

import typing
from typing import Annotated, ClassVar, Literal, Union

from pydantic import Field, field_validator, model_validator

from .base import AUDIENCES, PHASES, Audience, FieldId, Phase, Slug, Markdown, Strict, Text  # noqa: F401


class FieldBase(Strict):
    # The kind of answer the field's control takes (text, date, number, choice, multi), for
    # model/controls.py, which names the controls. Set by every type that has one control;
    # tabel and lijst have a shape of their own there.
    answer_kind: ClassVar[str]
    id: FieldId
    label: Text
    help: str | None = None


class ShortText(FieldBase):
    answer_kind = "text"
    type: Literal["tekst"]
    placeholder: str | None = None


class LongText(FieldBase):
    answer_kind = "text"
    type: Literal["lange-tekst"]
    lines: int = Field(4, ge=1, le=30, description="Aantal schrijfregels op papier")


class DateField(FieldBase):
    answer_kind = "date"
    type: Literal["datum"]


class NumberField(FieldBase):
    answer_kind = "number"
    type: Literal["getal"]
    min: float | None = None
    max: float | None = None


class Choice(FieldBase):
    answer_kind = "choice"
    type: Literal["keuze"]
    options: list[Text] = Field(min_length=2)


class MultiChoice(FieldBase):
    answer_kind = "multi"
    type: Literal["meerkeuze"]
    options: list[Text] = Field(min_length=2)


class Scale(FieldBase):
    answer_kind = "choice"
    type: Literal["schaal"]
    min: int = Field(1, ge=0, le=10)
    max: int = Field(10, ge=1, le=10)
    min_label: Text
    max_label: Text

    @model_validator(mode="after")
    def _range(self):
        if self.max <= self.min:
            raise ValueError(f"max ({self.max}) moet groter zijn dan min ({self.min})")
        return self


class Column(Strict):
    """A column of a tabel or lijst: text to write, or a box to tick ("Zet een vinkje")."""
    id: FieldId
    label: Text
    kind: Literal["tekst", "vinkje"] = Field(
        "tekst", description="tekst: een schrijfvak; vinkje: een vakje om aan te vinken")


class Row(Strict):
    id: FieldId
    label: Text


class Table(FieldBase):
    """Fixed rows x columns. Rows are listed, or taken from the edition's leefgebieden."""
    type: Literal["tabel"]
    rows: list[Row] | None = None
    rows_from: Literal["leefgebieden"] | None = None
    columns: list[Column] = Field(min_length=1)
    lines: int = Field(2, ge=1, le=10, description="Schrijfregels per cel op papier")

    @model_validator(mode="after")
    def _one_row_source(self):
        if (self.rows is None) == (self.rows_from is None):
            raise ValueError("geef óf 'rijen' óf 'rijen_uit: leefgebieden'")
        return self


class RowList(FieldBase):
    """Rows the user adds and removes, e.g. the steps of an actieplan."""
    type: Literal["lijst"]
    columns: list[Column] = Field(min_length=1)
    print_rows: int = Field(5, ge=1, le=30, description="Lege rijen op papier")


class Total(Strict):
    """The sum and average of scored fields (self-scans), worked out as you fill in the web
    form and written by hand on paper. Not an answer of its own: the web form keeps nothing."""
    type: Literal["totaal"]
    id: FieldId
    label: Text
    sums: list[FieldId] = Field(min_length=1, description="De ids van de schaal- of getalvelden "
                                "van dit werkblad die het totaal optelt")
    help: str | None = None


class Ring(Strict):
    id: FieldId
    label: Text


class Sector(Strict):
    id: FieldId
    label: Text


DEFAULT_RINGS = (Ring(id="dichtbij", label="Dichtbij"), Ring(id="verder", label="Verder weg"))
DEFAULT_SECTORS = (Sector(id="familie", label="Familie"), Sector(id="vrienden", label="Vrienden"),
                   Sector(id="buurt", label="Buurt"),
                   Sector(id="hulpverleners", label="Hulpverleners"))


class NetworkMap(FieldBase):
    """A drawn network map: 'ik' in the middle, rings around it (closest first) and sectors
    (family, friends ...). Each person placed is a row of a list: a first name or a role, a
    ring and a sector (model/controls.py names them). On paper: the drawing, blank, for a
    pen, and a list of print_rows rows."""
    type: Literal["netwerkkaart"]
    rings: list[Ring] = Field(default_factory=lambda: list(DEFAULT_RINGS), min_length=1,
                              max_length=4)
    sectors: list[Sector] = Field(default_factory=lambda: list(DEFAULT_SECTORS), min_length=2,
                                  max_length=6)
    print_rows: int = Field(10, ge=1, le=30, description="Lege rijen op papier")

    @model_validator(mode="after")
    def _unique_ids(self):
        for kind, items in (("kring", self.rings), ("sector", self.sectors)):
            ids = [item.id for item in items]
            if len(set(ids)) != len(ids):
                raise ValueError(f"een {kind}-id komt twee keer voor: {ids}")
        return self


class Explanation(Strict):
    answer_kind: ClassVar[None] = None  # text only, nothing to fill in
    type: Literal["uitleg"]
    text: Markdown
    id: FieldId | None = None
    pictogram: FieldId | None = Field(None, description="Naam uit data/pictogrammen.yml; "
                                      "anders het pictogram voor elke uitleg")


class NameDate(Strict):
    type: Literal["naam-datum"]
    id: FieldId = "naam_datum"


WorksheetField = Annotated[
    Union[ShortText, LongText, DateField, NumberField, Choice, MultiChoice, Scale, Table,
          RowList, Total, NetworkMap, Explanation, NameDate],
    Field(discriminator="type"),
]
# The `type` of every field, read from the union above: a new field class is listed once.
FIELD_CLASSES = typing.get_args(typing.get_args(WorksheetField)[0])
FIELD_TYPES = tuple(typing.get_args(cls.model_fields["type"].annotation)[0]
                    for cls in FIELD_CLASSES)


class Guidance(Strict):
    introduce: Text
    watch_for: Text
    tips: list[Text] = Field(default_factory=list)


class Worksheet(Strict):
    id: Slug
    title: Text
    version: int = Field(ge=1)
    audience: list[Audience] = Field(min_length=1)
    phase: Phase
    task: Slug | None = None
    principles: list[Slug] = Field(default_factory=list)
    purpose: Text
    minutes: int = Field(ge=5, le=240, description="Tijd die het invullen ongeveer kost")
    when: Text
    when_not: Text
    guidance: Guidance
    instruction: Text
    fields: list[WorksheetField] = Field(min_length=1)
    tags: list[Text] = Field(default_factory=list)

    @field_validator("fields")
    @classmethod
    def _unique_field_ids(cls, fields):
        seen = set()
        for f in fields:
            if f.id is None:
                continue
            if f.id in seen:
                raise ValueError(f"veld-id '{f.id}' komt twee keer voor")
            seen.add(f.id)
        return fields
