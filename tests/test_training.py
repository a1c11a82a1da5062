"""Trainer material: coverage of the method, course timetables, and two views from one source."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from macros.model import models
from macros.model.load import load_catalogue
from macros.model.problems import ContentError
from macros.web.safe_text import yaml_text
from macros.web.training import TrainingRenderer
from macros.model.labels import LABELS
from macros.model.routes import page_of
from macros.model.timetable import session_slots
from macros.web.edition import is_switched_off
from macros.web.pages import generated_pages
from tiny_project import make_project


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT)


def test_at_least_sixteen_exercises_and_the_required_courses(cat):
    assert len(cat.exercises) >= 16
    basis = cat.courses["basistraining"]
    assert len(basis.sessions) == 4
    tkb = cat.courses["teamkrachtbespreking-training"]
    assert len(tkb.sessions) == 1 and tkb.sessions[0].length <= 240


def test_every_principle_and_instrument_has_an_exercise(cat):
    covered = {p for ex in cat.exercises.values() for p in ex.principles}
    assert set(cat.principles) - covered == set()
    instruments = {i for ex in cat.exercises.values() for i in ex.instruments}
    assert set(models.INSTRUMENTS) - instruments == set()


def test_role_plays_and_a_practice_teamkrachtbespreking(cat):
    role_plays = [ex for ex in cat.exercises.values() if ex.kind == "rollenspel"]
    assert any("krachteninventarisatie" in ex.instruments for ex in role_plays)
    assert any("actieplan" in ex.instruments for ex in role_plays)
    assert any("teamkrachtbespreking" in ex.instruments and ex.kind in ("oefening", "rollenspel")
               and ex.minutes >= 45 for ex in cat.exercises.values())


def test_every_dagdeel_fits_and_clock_times_add_up(cat):
    for course in cat.courses.values():
        for session in course.sessions:
            slots = session_slots(session, cat.exercises)
            assert slots[0].start == session.start
            for before, after in zip(slots, slots[1:]):
                assert before.end == after.start
            assert sum(s.minutes for s in slots) <= session.length, (course.id, session.title)


def test_timetable_shows_computed_times(cat):
    text = TrainingRenderer(cat).course("training/cursussen/basistraining.md", "basistraining")
    first = cat.courses["basistraining"].sessions[0]
    slots = session_slots(first, cat.exercises)
    assert f"| {slots[0].start}–{slots[0].end} |" in text
    assert f"| {slots[-1].start}–{slots[-1].end} |" in text
    assert f"**{sum(s.minutes for s in slots)}**" in text


def test_participant_view_leaves_out_every_trainer_note(cat):
    renderer = TrainingRenderer(cat)
    for ex in cat.exercises.values():
        participant = renderer.exercise("training/oefeningen/x.md", ex.id, trainer=False)
        trainer = renderer.exercise("training/oefeningen/x.md", ex.id, trainer=True)
        shown = lambda text: str(yaml_text(text))  # noqa: E731  as the view writes a field
        assert shown(ex.participant_text) in participant
        for step in ex.steps:
            assert shown(step.participant) in participant
            if step.trainer:
                assert shown(step.trainer) in trainer and shown(step.trainer) not in participant
        for hidden in [ex.preparation, *ex.pitfalls, ex.variants.online, ex.trainer_notes or ""]:
            if hidden:
                assert shown(hidden) not in participant


def test_handout_and_script_contain_each_exercise_once(cat):
    renderer = TrainingRenderer(cat)
    for course in cat.courses.values():
        handout = renderer.course_pack("training/cursussen/x.md", course.id, trainer=False)
        script = renderer.course_pack("training/cursussen/x.md", course.id, trainer=True)
        for ex in renderer.course_exercises(course.id):
            assert len(re.findall(rf"^## {re.escape(ex.title)}$", handout, re.M)) == 1
            assert ex.preparation in script and ex.preparation not in handout


EXERCISE = """\
id: kort
titel: Korte oefening
soort: oefening
doelen: [Iets leren]
minuten: 20
groep: {min: 2, max: 10}
voorbereiding: Niets.
stappen:
  - {titel: Uitleg, minuten: 5, deelnemers: Luister.}
  - {titel: Doen, minuten: 10, deelnemers: Doe het.}
nabespreking: ["Hoe ging het?"]
varianten: {kleine_groep: Zo., grote_groep: Zo., online: Zo.}
valkuilen: [Te snel.]
deelnemerstekst: Je oefent.
"""


def test_steps_that_do_not_add_up_are_an_error(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "data/oefeningen").mkdir(parents=True)
    (project / "data/oefeningen/kort.yml").write_text(EXERCISE, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(project)
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith("data/oefeningen/kort.yml:1")
    assert "de stappen duren samen 15 minuten, maar 'minuten' is 20" in problem


def test_course_naming_an_unknown_exercise_is_an_error(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "data/cursussen").mkdir(parents=True)
    (project / "data/cursussen/cc.yml").write_text(
        "id: cc\ntitel: C\ndoelgroep: Iedereen\ndoelen: [Leren]\nbeschrijving: C.\n"
        "dagdelen:\n  - titel: Ochtend\n    start: '09:00'\n    lengte: 60\n    onderdelen:\n"
        "      - oefening: bestaat-niet\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(project)
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith("data/cursussen/cc.yml:11 (dagdelen[0].onderdelen[0]): "
                              "onbekende oefening 'bestaat-niet'")


def test_each_course_and_exercise_gets_its_pages_and_the_course_page_links_its_packs(cat):
    """Unit level: the pages the site gets from the data (the built site copies them)."""
    generated = generated_pages(cat)
    assert (ROOT / "content/training/index.md").is_file()
    assert {page_of("oefening", ex) for ex in cat.exercises} <= set(generated)
    renderer = TrainingRenderer(cat)
    for course in cat.courses:
        page = page_of("cursus", course)
        assert f'{{{{ cursus("{course}") }}}}' in generated[page]
        text = renderer.course(page, course)
        assert LABELS.training["total"] in text  # the timetable
        for suffix in ("draaiboek", "deelnemers"):
            assert f"training/cursussen/{course}-{suffix}.md" in generated
            assert re.search(rf"\b{course}-{suffix}(\.md|/)", text), f"{course}: no link to {suffix}"


def test_an_edition_without_training_gets_no_training_page():
    cat = load_catalogue(ROOT, ROOT / "site_config" / "voorbeeld")
    assert not cat.edition.sections.training
    assert [p for p in generated_pages(cat) if p.startswith("training/")] == []
    assert all(is_switched_off(cat, p.relative_to(ROOT / "content").as_posix())
               for p in (ROOT / "content/training").rglob("*.md"))
    assert not is_switched_off(cat, "waaier/index.md")
