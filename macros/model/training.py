"""Trainer material: exercises and courses built from them."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Instrument, Slug, Markdown, OptionalMarkdown, Strict, Text


class Step(Strict):
    title: Text
    minutes: int = Field(ge=1, le=240)
    participant: Markdown
    trainer: OptionalMarkdown | None = None


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
    preparation: Markdown
    steps: list[Step] = Field(min_length=1)
    debrief: list[Text] = Field(min_length=1)
    variants: Variants
    pitfalls: list[Text] = Field(min_length=1)
    principles: list[Slug] = Field(default_factory=list)
    worksheets: list[Slug] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)
    participant_text: Markdown
    trainer_notes: OptionalMarkdown | None = None

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
