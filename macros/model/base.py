"""The base of every content model: Dutch keys in YAML, English names in Python, unknown keys
refused. The translation lives in one table (DUTCH_KEYS) that pydantic uses as alias generator,
so the JSON Schema, the error locations and the YAML files all speak Dutch.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# English attribute name -> Dutch YAML key. Names not listed are the same in both.
DUTCH_KEYS = {
    "title": "titel", "version": "versie", "audience": "voor", "phase": "fase",
    "task": "basistaak", "principles": "principes", "purpose": "doel",
    "minutes": "minuten", "when": "wanneer", "when_not": "wanneer_niet",
    "guidance": "begeleiding", "introduce": "introduceren", "watch_for": "letten_op",
    "tips": "tips", "instruction": "instructie", "fields": "velden", "label": "label",
    "help": "hulp", "lines": "regels", "options": "opties", "rows": "rijen",
    "rows_from": "rijen_uit", "columns": "kolommen", "text": "tekst", "name": "naam",
    "left": "links", "right": "rechts", "min_rows": "min_rijen", "print_rows": "afdrukrijen",
    "summary": "kern", "meaning": "betekenis", "why": "belang", "practice": "praktijk",
    "field_of_work": "werkveld", "case": "casus", "pitfalls": "valkuilen",
    "questions": "reflectievragen", "number": "nummer", "aims": "doelen",
    "group": "groep", "materials": "materialen", "preparation": "voorbereiding",
    "steps": "stappen", "participant": "deelnemers", "trainer": "trainer",
    "debrief": "nabespreking", "variants": "varianten", "small_group": "kleine_groep",
    "large_group": "grote_groep", "online": "online", "worksheets": "werkbladen",
    "instruments": "instrumenten", "kind": "soort", "participant_text": "deelnemerstekst",
    "trainer_notes": "trainernotities", "sessions": "dagdelen", "start": "start",
    "length": "lengte", "items": "onderdelen", "exercise": "oefening", "pause": "pauze",
    "short_name": "korte_naam", "logo": "logo", "colours": "kleuren", "primary": "primair",
    "accent": "accent", "contact": "contact", "footer": "voettekst", "site_url": "site_url",
    "sections": "onderdelen", "life_domains": "leefgebieden", "extra_pages": "extra_paginas",
    "file": "bestand", "email": "email", "phone": "telefoon", "website": "website",
    "training": "training", "min": "min", "max": "max", "step": "stap",
    "tasks": "basistaken", "phases": "fases", "description": "beschrijving",
    "audience_group": "doelgroep", "nav_after": "na", "placeholder": "voorbeeld",
    "required": "verplicht", "min_label": "links", "max_label": "rechts", "tags": "tags",
    "fields_of_work": "werkvelden", "extra_audiences": "extra_doelgroepen",
    "terms": "begrippen", "words": "woorden", "explanation": "uitleg",
    "sums": "telt",
    # editions (issue #23): own content, choosing what appears, local details, comparing
    "exercises": "oefeningen", "courses": "cursussen", "leave_out": "weglaten",
    "keep_only": "alleen", "replaces": "vervangt", "details": "gegevens",
    "compare_with": "vergelijk_met",
    "pictograms": "pictogrammen", "scale": "schaal", "parts": "onderdelen",
    # translations (worksheets/vertalingen/, model/translation.py)
    "reviewed": "nagekeken", "name_nl": "naam_nl", "direction": "richting", "texts": "teksten",
    "instruction_heading": "instructie", "date": "datum", "date_hint": "datum_hint",
    "row_number": "nr", "row": "rij", "add_row": "rij_toevoegen", "remove_row": "verwijderen",
    "read_aloud": "voorlezen", "stop_reading": "stop_voorlezen", "no_voice": "geen_stem",
    "not_reviewed_note": "niet_nagekeken", "reviewed_note": "nagekeken", "page": "pagina",
    "of": "van",
    "rings": "kringen", "sectors": "sectoren",
    "map_me": "kaart_ik", "map_name": "kaart_naam", "map_ring": "kaart_kring",
    "map_sector": "kaart_vak", "map_list": "kaart_lijst", "map_add": "kaart_toevoegen",
    "map_unplaced": "kaart_kies", "map_privacy": "kaart_privacy",
    "entries": "zoekwoorden", "searched": "zoekt", "finds": "vindt",
}


def dutch(name: str) -> str:
    return DUTCH_KEYS.get(name, name)


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, Dutch keys in YAML."""
    model_config = ConfigDict(extra="forbid", strict=True, alias_generator=dutch,
                              populate_by_name=True, frozen=True, str_strip_whitespace=True,
                              defer_build=True)


Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=60)]
FieldId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Text = Annotated[str, Field(min_length=1)]


class MarkdownText(str):
    """A text field the model marks as Markdown: lists, bold, links. Every other text field is
    plain text. The views render this one as Markdown without raw HTML (web/safe_text.py)."""
    __slots__ = ()


Markdown = Annotated[str, Field(min_length=1), AfterValidator(MarkdownText)]
OptionalMarkdown = Annotated[str, AfterValidator(MarkdownText)]

AUDIENCES = ("cliënt", "begeleider", "team", "organisatie")
Audience = Literal["cliënt", "begeleider", "team", "organisatie"]
PHASES = ("focusbepaling", "herstelondersteuning", "evaluatie", "implementatie")
Phase = Literal["focusbepaling", "herstelondersteuning", "evaluatie", "implementatie"]
INSTRUMENTS = ("krachteninventarisatie", "actieplan", "teamkrachtbespreking")
Instrument = Literal["krachteninventarisatie", "actieplan", "teamkrachtbespreking"]
