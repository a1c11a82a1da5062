"""Translations of the client-facing text of worksheets: what a valid `_taal.yml` and a valid
translation file hold (worksheets/vertalingen/README.md describes the format for authors).

A translation names the Dutch parts it translates by the ids of the worksheet (field, row,
column) and by the Dutch option text; the check step (translation_check.py) holds it against
the worksheet. Which texts a worksheet has, and where a translation keeps each one, is written
once here (`translatable_texts`, `translated_texts`): the web page, the print view and the
build's report all read it from here.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import FieldId, Markdown, Strict, Text, dutch
from .worksheet import Choice, Explanation, MultiChoice, NameDate, NetworkMap, RowList, Scale, \
    ShortText, Table, Worksheet

# Language folder -> the language tag pages and speech use. Makkelijk lezen is Dutch (A2): it
# replaces the standard Dutch instead of standing beside it. The order is the picker's order.
LANGUAGE_TAGS = {"en": "en", "ar": "ar", "tr": "tr", "uk": "uk", "pl": "pl", "ti": "ti",
                 "fa": "fa", "prs": "prs", "so": "so", "makkelijk": "nl"}
EASY_READ = "makkelijk"
Reviewed = Literal["ja", "nee"]


class FixedTexts(Strict):
    """The texts every worksheet shows besides its own (taal-teksten.md lists the Dutch)."""
    instruction_heading: Text
    name: Text
    date: Text
    date_hint: Text
    row_number: Text
    row: Text = Field(pattern=r"\{n\}", description="Met {n} waar het nummer van de rij komt")
    add_row: Text
    remove_row: Text
    read_aloud: Text
    stop_reading: Text
    no_voice: Text
    not_reviewed_note: Text
    reviewed_note: Text
    page: Text
    of: Text
    # the netwerkkaart (ui_text.yml map_*): the middle of the drawing, the list's caption and
    # columns, the empty choice, the add button and the note to write first names only
    map_me: Text
    map_list: Text
    map_name: Text
    map_ring: Text
    map_sector: Text
    map_unplaced: Text
    map_add: Text
    map_privacy: Text


class Language(Strict):
    """`_taal.yml`: the language itself, and the texts that are the same on every worksheet."""
    name: Text = Field(description="De naam van de taal in die taal")
    name_nl: Text
    direction: Literal["ltr", "rtl"]
    reviewed: Reviewed
    life_domains: dict[FieldId, Text] = Field(default_factory=dict)
    texts: FixedTexts


class FieldTranslation(Strict):
    """The texts of one field; each key only where the worksheet's field has that text."""
    label: Text | None = None
    help: Text | None = None
    placeholder: Text | None = None
    options: dict[str, Text] | None = None
    min_label: Text | None = None
    max_label: Text | None = None
    rows: dict[FieldId, Text] | None = None
    columns: dict[FieldId, Text] | None = None
    rings: dict[FieldId, Text] | None = None     # a netwerkkaart's kringen, by their id
    sectors: dict[FieldId, Text] | None = None   # and its vakken (sectoren)
    text: Markdown | None = None


class WorksheetTranslation(Strict):
    version: int = Field(ge=1, description="De versie van het werkblad die is vertaald")
    reviewed: Reviewed
    title: Text | None = None
    instruction: Text | None = None
    fields: dict[FieldId, FieldTranslation] = Field(default_factory=dict)


# --- which texts a worksheet has ------------------------------------------------------------
TextPath = tuple  # ("titel",), ("velden", field id, "label"), ("velden", id, "opties", "Ja"), …


def field_texts(field) -> list[tuple[TextPath, str]]:
    """(where a translation keeps it, the Dutch) for each client-facing text of one field.
    Rows from the leefgebieden are left out: `_taal.yml` translates those once."""
    if isinstance(field, NameDate) or field.id is None:
        return []
    base = ("velden", field.id)
    if isinstance(field, Explanation):
        return [(base + ("tekst",), field.text)]
    out = [(base + ("label",), field.label)]
    if field.help:
        out.append((base + ("hulp",), field.help))
    if isinstance(field, ShortText) and field.placeholder:
        out.append((base + ("voorbeeld",), field.placeholder))
    if isinstance(field, (Choice, MultiChoice)):
        out += [(base + ("opties", o), o) for o in field.options]
    if isinstance(field, Scale):
        out += [(base + ("links",), field.min_label), (base + ("rechts",), field.max_label)]
    if isinstance(field, Table) and field.rows is not None:
        out += [(base + ("rijen", r.id), r.label) for r in field.rows]
    if isinstance(field, (Table, RowList)):
        out += [(base + ("kolommen", c.id), c.label) for c in field.columns]
    if isinstance(field, NetworkMap):
        out += [(base + ("kringen", r.id), r.label) for r in field.rings]
        out += [(base + ("sectoren", s.id), s.label) for s in field.sectors]
    return out


def translatable_texts(ws: Worksheet) -> list[tuple[TextPath, str]]:
    """Every client-facing text of a worksheet, in page order, by its place in a translation."""
    out = [(("titel",), ws.title), (("instructie",), ws.instruction)]
    for field in ws.fields:
        out += field_texts(field)
    return out


def uses_life_domains(ws: Worksheet) -> list[Table]:
    return [f for f in ws.fields if isinstance(f, Table) and f.rows_from == "leefgebieden"]


def translated_texts(language: Language, tr: WorksheetTranslation | None,
                     ws: Worksheet) -> dict[TextPath, str]:
    """The texts a translation has for this worksheet, by the same paths as
    translatable_texts, plus ("velden", id, "rijen", leefgebied) from `_taal.yml` and
    ("teksten", key) for the fixed texts. A path that is missing falls back to Dutch."""
    out: dict[TextPath, str] = {("teksten", dutch(name)): value
                                for name, value in language.texts}
    for table in uses_life_domains(ws):
        for domain, text in language.life_domains.items():
            out[("velden", table.id, "rijen", domain)] = text
    if tr is None:
        return out
    if tr.title:
        out[("titel",)] = tr.title
    if tr.instruction:
        out[("instructie",)] = tr.instruction
    for fid, ft in tr.fields.items():
        for name, value in ft:
            if value is None:
                continue
            key = dutch(name)
            if isinstance(value, dict):
                out.update({("velden", fid, key, k): v for k, v in value.items()})
            else:
                out[("velden", fid, key)] = value
    return out
