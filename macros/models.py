"""Strict content models: what a valid worksheet, principle, exercise, course and edition is.

Authors write Dutch keys; Python code uses English attribute names. The translation lives in
one table (DUTCH_KEYS) that pydantic uses as alias generator, so the JSON Schema, the error
locations and the YAML files all speak Dutch. Unknown keys are errors everywhere.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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

AUDIENCES = ("cliënt", "begeleider", "team", "organisatie")
Audience = Literal["cliënt", "begeleider", "team", "organisatie"]
PHASES = ("focusbepaling", "herstelondersteuning", "evaluatie", "implementatie")
Phase = Literal["focusbepaling", "herstelondersteuning", "evaluatie", "implementatie"]
INSTRUMENTS = ("krachteninventarisatie", "actieplan", "teamkrachtbespreking")
Instrument = Literal["krachteninventarisatie", "actieplan", "teamkrachtbespreking"]


# --- Worksheet fields ------------------------------------------------------------------
class FieldBase(Strict):
    id: FieldId
    label: Text
    help: str | None = None


class ShortText(FieldBase):
    type: Literal["tekst"]
    placeholder: str | None = None


class LongText(FieldBase):
    type: Literal["lange-tekst"]
    lines: int = Field(4, ge=1, le=30, description="Aantal schrijfregels op papier")


class DateField(FieldBase):
    type: Literal["datum"]


class NumberField(FieldBase):
    type: Literal["getal"]
    min: float | None = None
    max: float | None = None


class Choice(FieldBase):
    type: Literal["keuze"]
    options: list[Text] = Field(min_length=2)


class MultiChoice(FieldBase):
    type: Literal["meerkeuze"]
    options: list[Text] = Field(min_length=2)


class Scale(FieldBase):
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
    id: FieldId
    label: Text


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


class Explanation(Strict):
    type: Literal["uitleg"]
    text: Text
    id: FieldId | None = None


class NameDate(Strict):
    type: Literal["naam-datum"]
    id: FieldId = "naam_datum"


WorksheetField = Annotated[
    Union[ShortText, LongText, DateField, NumberField, Choice, MultiChoice, Scale, Table,
          RowList, Explanation, NameDate],
    Field(discriminator="type"),
]
FIELD_TYPES = ("tekst", "lange-tekst", "datum", "getal", "keuze", "meerkeuze", "schaal",
               "tabel", "lijst", "uitleg", "naam-datum")


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


# --- Method: phases, tasks, principles ------------------------------------------------
class Task(Strict):
    id: Slug
    number: int = Field(ge=1, le=7)
    title: Text
    phase: Phase
    description: Text


class Method(Strict):
    tasks: list[Task] = Field(min_length=1)
    fields_of_work: list[Text] = Field(min_length=1, description="Werkvelden, ook als trefwoord")
    extra_audiences: list[Text] = Field(default_factory=list,
                                        description="Doelgroepen naast cliënt, begeleider, ...")

    def tag_vocabulary(self) -> dict[str, list[str]]:
        """Allowed page tags per category; tags are lowercase so one spelling wins."""
        return {
            "fase": list(PHASES),
            "basistaak": [t.title.lower() for t in self.tasks],
            "werkveld": [w.lower() for w in self.fields_of_work],
            "doelgroep": list(AUDIENCES) + [a.lower() for a in self.extra_audiences],
        }


class Term(Strict):
    words: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        min_length=1, description="De woordvormen die de uitleg krijgen, zoals 'actieplan' "
                                  "en 'actieplannen'; een hoofdletter aan het begin hoeft niet")
    explanation: Annotated[str, Field(min_length=1, max_length=160)]


class Glossary(Strict):
    """Short explanations shown as a tooltip wherever a word appears on the site."""
    terms: list[Term] = Field(default_factory=list)

    def tooltips(self) -> dict[str, str]:
        """Every word form with its explanation, also with a capital at the start of a
        sentence."""
        found: dict[str, str] = {}
        for term in self.terms:
            for word in term.words:
                for form in word_forms(word):
                    found.setdefault(form, term.explanation)
        return found


def word_forms(word: str) -> list[str]:
    capital = word[:1].upper() + word[1:]
    return [word] if capital == word else [word, capital]


class Practice(Strict):
    field_of_work: Text
    case: Text


class Principle(Strict):
    id: Slug
    number: int = Field(ge=1, le=9)
    title: Text
    summary: Text
    meaning: Text
    why: Text
    practice: Practice
    pitfalls: list[Text] = Field(min_length=1)
    questions: list[Text] = Field(min_length=3, max_length=5)


# --- Training ---------------------------------------------------------------------------
class Step(Strict):
    title: Text
    minutes: int = Field(ge=1, le=240)
    participant: Text
    trainer: str | None = None


class GroupSize(Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)


class Variants(Strict):
    small_group: Text
    large_group: Text
    online: Text


class Exercise(Strict):
    id: Slug
    title: Text
    kind: Literal["rollenspel", "oefening", "discussie", "reflectie", "casus", "energizer",
                  "presentatie"]
    aims: list[Text] = Field(min_length=1)
    minutes: int = Field(ge=5, le=240)
    group: GroupSize
    materials: list[Text] = Field(default_factory=list)
    preparation: Text
    steps: list[Step] = Field(min_length=1)
    debrief: list[Text] = Field(min_length=1)
    variants: Variants
    pitfalls: list[Text] = Field(min_length=1)
    principles: list[Slug] = Field(default_factory=list)
    worksheets: list[Slug] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)
    participant_text: Text
    trainer_notes: str | None = None

    @model_validator(mode="after")
    def _steps_add_up(self):
        total = sum(s.minutes for s in self.steps)
        if total != self.minutes:
            raise ValueError(f"de stappen duren samen {total} minuten, maar 'minuten' is "
                             f"{self.minutes}")
        return self


CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class CourseItem(Strict):
    """One slot in a dagdeel: an exercise, a break, or another part (welcome, closing)."""
    exercise: Slug | None = None
    pause: int | None = Field(None, ge=5, le=90)
    title: str | None = None
    minutes: int | None = Field(None, ge=5, le=240)

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [self.exercise is not None, self.pause is not None, self.title is not None]
        if sum(kinds) != 1:
            raise ValueError("een onderdeel is óf 'oefening: <id>', óf 'pauze: <minuten>', "
                             "óf 'titel' met 'minuten'")
        if self.title is not None and self.minutes is None:
            raise ValueError("een onderdeel met 'titel' heeft ook 'minuten' nodig")
        return self


class Session(Strict):
    title: Text
    start: str
    length: int = Field(ge=30, le=480, description="Lengte van het dagdeel in minuten")
    items: list[CourseItem] = Field(min_length=1)

    @field_validator("start")
    @classmethod
    def _clock(cls, v):
        if not CLOCK.match(v):
            raise ValueError(f"'{v}' is geen tijd; schrijf uu:mm, bijvoorbeeld 09:30")
        return v


class Course(Strict):
    id: Slug
    title: Text
    audience_group: Text
    aims: list[Text] = Field(min_length=1)
    description: Text
    sessions: list[Session] = Field(min_length=1)


# --- Organisation edition ---------------------------------------------------------------
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class Colours(Strict):
    primary: str = "#1d5c63"
    accent: str = "#b0413e"

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, v):
        if not HEX.match(v):
            raise ValueError(f"'{v}' is geen kleur; schrijf #rrggbb, bijvoorbeeld #1d5c63")
        return v


class Contact(Strict):
    email: str | None = None
    phone: str | None = None
    website: str | None = None


class Sections(Strict):
    training: bool = True


class LifeDomain(Strict):
    id: FieldId
    name: Text


class ExtraPage(Strict):
    title: Text
    file: Text


class Edition(Strict):
    name: Text
    short_name: Text
    logo: str | None = None
    colours: Colours = Colours()
    contact: Contact = Contact()
    footer: str = ""
    site_url: str | None = None
    sections: Sections = Sections()
    life_domains: list[LifeDomain] = Field(min_length=1)
    extra_pages: list[ExtraPage] = Field(default_factory=list)
