"""An organisation's edition: name, brand, contact, sections and leefgebieden."""
from __future__ import annotations

import re

from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from .base import FieldId, Slug, Strict, Text


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


EMAIL = re.compile(r"^[^@\s<>\"'&]+@[^@\s<>\"'&]+\.[a-zA-Z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,20}$")
WEB = re.compile(r"^https?://[^\s<>\"']+$")


def _web_address(v):
    if v is not None and not WEB.match(v):
        raise ValueError(f"'{v}' is geen webadres; schrijf https://... (zonder spaties)")
    return v


class Contact(Strict):
    email: str | None = None
    phone: str | None = None
    website: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, v):
        if v is not None and not EMAIL.match(v):
            raise ValueError(f"'{v}' is geen e-mailadres; schrijf naam@organisatie.nl")
        return v

    @field_validator("phone")
    @classmethod
    def _phone(cls, v):
        if v is not None and not PHONE.match(v):
            raise ValueError(f"'{v}' is geen telefoonnummer; gebruik cijfers, spaties, "
                             "streepjes, haakjes en een + vooraan")
        return v

    _website = field_validator("website")(classmethod(lambda cls, v: _web_address(v)))


class Sections(Strict):
    training: bool = True


class LifeDomain(Strict):
    id: FieldId
    name: Text


class ExtraPage(Strict):
    title: Text
    file: Text


class Selection(Strict):
    """Ids per kind of content: what an edition leaves out, keeps or replaces."""
    worksheets: list[Slug] = Field(default_factory=list)
    exercises: list[Slug] = Field(default_factory=list)
    courses: list[Slug] = Field(default_factory=list)

    def ids(self) -> dict[str, list[str]]:
        return {"werkbladen": self.worksheets, "oefeningen": self.exercises,
                "cursussen": self.courses}


class Replacements(Selection):
    """The shared items the edition's own content replaces on purpose: principles too."""
    principles: list[Slug] = Field(default_factory=list)

    def ids(self) -> dict[str, list[str]]:
        return {**super().ids(), "principes": self.principles}


# A local detail is plain text put into worksheets and pages as it is: no characters that
# Markdown or HTML would read as markup, so the value is safe in every place it goes.
DETAIL_VALUE = re.compile(r"^[^<>\[\]{}*`|\\#_~]+$")


def _detail_value(v: str) -> str:
    if not DETAIL_VALUE.match(v):
        raise ValueError(f"'{v[:40]}' bevat een teken dat hier niet mag (< > [ ] {{ }} * ` | "
                         "\\ # _ ~); een lokaal gegeven is gewone tekst")
    return v


DetailValue = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_detail_value)]


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
    # issue #23: what the edition leaves out (or keeps only), which shared items its own
    # content replaces, its local details ([[naam]] in worksheets and pages), and the
    # manifest of its own last release to compare with (a file in the edition folder)
    leave_out: Selection = Selection()
    keep_only: Selection | None = None
    replaces: Replacements = Replacements()
    details: dict[FieldId, DetailValue] = Field(default_factory=dict)
    compare_with: str | None = None

    _site_url = field_validator("site_url")(classmethod(lambda cls, v: _web_address(v)))
