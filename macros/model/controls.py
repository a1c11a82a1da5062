"""The controls of a worksheet: how each answer is named, what kind of answer it takes and what
it is called, for the web form and for paper. The one place that spells a control's name.

A name is the field's id, then the control's place in the field, joined by "-":

    <field>                  one answer (tekst, lange-tekst, datum, getal, keuze, schaal, and
                             meerkeuze on the web: its check boxes share the name)
    <field>-naam, -datum     naam-datum
    <field>-<row>-<column>   tabel (row id) and lijst (row number 1, 2, ...)
    <field>-<n>-naam, -kring, -sector
                             netwerkkaart: person n (numbered like a lijst's rows)
    <field>-<n>              meerkeuze on paper: PDF check boxes that share a name are one
                             field and would tick together, so each option has its own
    <field>-totaal, -gemiddelde  totaal on paper, written by hand; on the web a total is worked
                             out from the scores and has no control, so nothing is saved

A column of kind vinkje is a check box (kind "tick") whose answer, and PDF export value, is
TICKED.

The two media differ: on paper a list has `afdrukrijen` fixed rows; on the web it has row 1
and a row template whose number is ROW_SLOT, which the browser script fills in as rows are
added. The web and print field partials, the answer outline for the browser script and the
PDF tooltips all read the controls from here; the label words come from ui_text.yml (form).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from . import models
from .catalogue import Catalogue
from .labels import LABELS

Medium = Literal["web", "paper"]
WEB: Medium = "web"
PAPER: Medium = "paper"
KINDS = ("text", "date", "number", "choice", "multi", "tick")
ROW_SLOT = "__N__"
TICKED = "Ja"  # what a ticked box holds: in saved answers, files and the fillable PDF


@dataclass(frozen=True)
class Control:
    """One form control (a group of radio buttons or web check boxes is one control)."""
    name: str
    kind: str  # one of KINDS: what the browser script accepts as its answer
    label: str  # readable name: PDF tooltip, and what saved answers and orphans are called
    row: str | None = None  # tabel: the row id; lijst: the row number or ROW_SLOT
    column: str | None = None
    part: str | None = None  # naam-datum: naam or datum
    option: int | None = None  # meerkeuze on paper: the option's number, from 1
    value: str | None = None  # a tick box: the value it holds when ticked (TICKED)


class Controls(tuple):
    """A field's controls in form order; templates look one up by its place in the field."""

    def get(self, **place) -> Control:
        found = [c for c in self if all(getattr(c, k) == v for k, v in place.items())]
        if len(found) != 1:
            raise LookupError(f"{len(found)} controls at {place} in {[c.name for c in self]}")
        return found[0]

    def name(self, **place) -> str:
        return self.get(**place).name

    def label(self, **place) -> str:
        return self.get(**place).label

    def rows(self) -> list[str]:
        """The rows in form order (tabel and lijst)."""
        return list(dict.fromkeys(c.row for c in self if c.row is not None))


def _text(key: str, **values) -> str:
    return LABELS.form[key].format(**values)


def _with_part(label: str, part: str, medium: Medium) -> str:
    """A question with the part of it a control answers, as in "Mijn leven: Wonen, Nu".
    On paper a question ending in ? : or . takes no extra colon. The web labels never had
    that rule and travel with saved answers; this refactor keeps them as they were."""
    if medium == PAPER and label.endswith(("?", ":", ".")):
        return _text("part_after_mark", vraag=label, deel=part)
    return _text("part", vraag=label, deel=part)


def _name(*parts: str) -> str:
    return "-".join(parts)


def _single(cat: Catalogue, field, medium: Medium) -> Iterator[Control]:
    kind = field.answer_kind
    if kind is None:
        return
    if kind == "multi" and medium == PAPER:
        for n, option in enumerate(field.options, 1):
            yield Control(_name(field.id, str(n)), kind, _with_part(field.label, option, medium),
                          option=n)
    else:
        yield Control(field.id, kind, field.label)


def _name_date(cat: Catalogue, field: models.NameDate, medium: Medium) -> Iterator[Control]:
    yield Control(_name(field.id, "naam"), "text", _text("name"), part="naam")
    yield Control(_name(field.id, "datum"), "date", _text("date"), part="datum")


def _cell(col: models.Column) -> dict:
    """What a table or list cell takes: text, or a tick in a box (soort: vinkje)."""
    if col.kind == "vinkje":
        return {"kind": "tick", "value": TICKED}
    return {"kind": "text"}


def _table(cat: Catalogue, field: models.Table, medium: Medium) -> Iterator[Control]:
    for row in cat.table_rows(field):
        for col in field.columns:
            yield Control(_name(field.id, row.id, col.id),
                          label=_with_part(field.label,
                                           _text("cell", rij=row.label, kolom=col.label), medium),
                          row=row.id, column=col.id, **_cell(col))


def _list(cat: Catalogue, field: models.RowList, medium: Medium) -> Iterator[Control]:
    rows = ("1", ROW_SLOT) if medium == WEB else map(str, range(1, field.print_rows + 1))
    for n in rows:
        row = _text("row", n=n)
        for col in field.columns:
            label = (_text("list_cell_web", vraag=field.label, rij=row, kolom=col.label)
                     if medium == WEB else
                     _with_part(field.label, _text("cell", rij=row, kolom=col.label), medium))
            yield Control(_name(field.id, n, col.id), label=label, row=n, column=col.id,
                          **_cell(col))


def _total(cat: Catalogue, field: models.Total, medium: Medium) -> Iterator[Control]:
    if medium == WEB:
        return
    yield Control(_name(field.id, "totaal"), "number",
                  _with_part(field.label, _text("total"), medium), part="totaal")
    yield Control(_name(field.id, "gemiddelde"), "text",
                  _with_part(field.label, _text("average"), medium), part="gemiddelde")


def _network_map(cat: Catalogue, field: models.NetworkMap, medium: Medium) -> Iterator[Control]:
    """A person on the map is a row: a name, and on the web a ring and a sector to choose
    (on paper the ring and sector are written in, or the name is drawn on the map)."""
    rows = ("1", ROW_SLOT) if medium == WEB else map(str, range(1, field.print_rows + 1))
    place = "choice" if medium == WEB else "text"
    for n in rows:
        row = _text("person", n=n)
        for part, kind in (("naam", "text"), ("kring", place), ("sector", place)):
            column = _text(f"map_{part}")
            label = (_text("list_cell_web", vraag=field.label, rij=row, kolom=column)
                     if medium == WEB else
                     _with_part(field.label, _text("cell", rij=row, kolom=column), medium))
            yield Control(_name(field.id, n, part), kind, label, row=n, column=part)


# Field types whose controls have a shape of their own. Every other type has one control (or
# one per option on paper) taking the kind of answer its model class names in `answer_kind`.
SHAPES = {models.NameDate: _name_date, models.Table: _table, models.RowList: _list,
           models.Total: _total,
           models.NetworkMap: _network_map}


def field_controls(cat: Catalogue, field, medium: Medium) -> Controls:
    """The controls of one field of a worksheet, in form order."""
    return Controls(SHAPES.get(type(field), _single)(cat, field, medium))


def worksheet_controls(cat: Catalogue, ws: models.Worksheet,
                       medium: Medium) -> Iterator[tuple[object, Controls]]:
    """(field, its controls) for every field of a worksheet, explanations included."""
    for field in ws.fields:
        yield field, field_controls(cat, field, medium)
