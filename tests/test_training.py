"""Trainer material: coverage of the method, course timetables, and two views from one source."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from macros.model import models
from macros.model.load import load_catalogue
from macros.model.problems import ContentError
from macros.web.training import TrainingRenderer
from macros.model.timetable import session_slots
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
        assert ex.participant_text in participant
        for step in ex.steps:
            assert step.participant in participant
            if step.trainer:
                assert step.trainer in trainer and step.trainer not in participant
        for hidden in [ex.preparation, *ex.pitfalls, ex.variants.online, ex.trainer_notes or ""]:
            if hidden:
                assert hidden not in participant


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


def test_training_pages_are_built(built_site):
    section = built_site / "training"
    assert (section / "index.html").is_file()
    for course in ("basistraining", "teamkrachtbespreking-training"):
        page = (section / "cursussen" / course / "index.html").read_text(encoding="utf-8")
        assert "Totaal" in page and "draaiboek" in page
        assert (section / "cursussen" / f"{course}-deelnemers" / "index.html").is_file()
    assert len(list((section / "oefeningen").glob("*/index.html"))) >= 16
