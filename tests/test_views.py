"""The views (templates/views/): every text field from the YAML goes in through one filter,
every fixed word comes from ui_text.yml."""
from __future__ import annotations

import dataclasses
import re

import pytest
from pydantic import BaseModel

from conftest import ROOT
from macros.model.labels import LABELS
from macros.model.load import load_catalogue
from macros.web.render import WebRenderer
from macros.web.safe_text import plain
from macros.web.templates import TEMPLATES

MARK = "<b>&'</b>"
# Ids and choices from a fixed list: they name pages and labels, they are not text.
NOT_TEXT = {"id", "phase", "task", "kind", "audience", "principles", "worksheets", "instruments",
            "exercise", "start", "type", "tags", "version", "columns", "rows"}


def marked(value, name=""):
    """A copy of a model with MARK added to every text in it."""
    if name in NOT_TEXT:
        return value
    if isinstance(value, BaseModel):
        return value.model_copy(update={n: marked(getattr(value, n), n)
                                        for n in type(value).model_fields})
    if isinstance(value, list):
        return [marked(v, name) for v in value]
    return value + MARK if isinstance(value, str) else value


@pytest.fixture(scope="module")
def views():
    cat = load_catalogue(ROOT)
    cat = dataclasses.replace(
        cat, method=marked(cat.method),
        **{kind: {k: marked(v) for k, v in getattr(cat, kind).items()}
           for kind in ("worksheets", "principles", "exercises", "courses")})
    web, page = WebRenderer(cat), "training/x.md"
    out = {"tags": web.tag_overview(), "exercises": web.exercise_overview(page),
           "courses": web.course_overview(page)}
    for ident in cat.worksheets:
        # the guidance only: the form is HTML made from the same fields, escaped
        out[ident] = web.worksheet(page, ident).split("</section>")[0]
        out[f"link {ident}"] = web.worksheet_link(page, ident)
    for ident in cat.principles:
        out[ident] = web.principle(page, ident)
    for ident in cat.tasks:
        out[ident] = web.task(page, ident)
    for ident in cat.exercises:
        out[ident] = web.training.exercise(page, ident, trainer=True)
    for ident in cat.courses:
        out[ident] = web.course(page, ident)
        out[f"pack {ident}"] = web.training.course_pack(page, ident, trainer=True)
    return out


def test_every_text_field_goes_in_as_text(views):
    """Through `| yaml_text` a field is text (#17): its HTML shows as typed, never as a tag.
    Autoescape alone would give the same `&lt;b&gt;`, but not `&#39;`-free Markdown
    characters: `plain` writes `'` as `&#39;` too, so both ways meet in one spelling."""
    escaped = str(plain(MARK))
    for name, text in views.items():
        assert escaped in text, f"{name}: no text from the YAML, or not through | yaml_text"
        assert MARK not in text, f"{name}: HTML from the YAML went in as HTML"


def test_views_have_no_fixed_words_of_their_own():
    """Text between the template tags is Markdown and HTML, never a word a reader sees."""
    for path in (TEMPLATES / "views").glob("*.md"):
        source = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|<[^>]*>", " ", path.read_text(
            encoding="utf-8"), flags=re.S)
        source = re.sub(r"\]\([^)]*\)|<!-- material/tags|include:|!!! note", " ", source)
        words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", source)
        assert words == [], f"{path.name}: {words} belong in ui_text.yml"


def test_a_break_is_named_by_ui_text():
    cat = load_catalogue(ROOT)
    text = WebRenderer(cat).course("training/cursussen/basistraining.md", "basistraining")
    assert f"| *{LABELS.training['pause']}* |" in text
