"""Rule 4: a bomb or a huge file fails fast (< 5 s) with the limit in the message; every bad
input is a Dutch file:line, never a traceback."""
from __future__ import annotations

import time

import pytest

from helpers import edit, make_project, problems_of

from macros.model.limits import MAX_FILE_BYTES, MAX_YAML_ALIASES, MAX_YAML_NODES


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "p")


def timed_problems(project):
    start = time.perf_counter()
    problems = problems_of(project)
    assert time.perf_counter() - start < 5
    return problems


def test_yaml_alias_bomb_fails_fast_naming_the_limit(project):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    (project / "worksheets/bom.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = timed_problems(project)
    assert any(p.startswith("worksheets/bom.yml:4: ") and f"meer dan {MAX_YAML_ALIASES} "
               "YAML-aliassen" in p for p in problems), problems


def test_few_aliases_that_multiply_hit_the_node_limit(project):
    lines = ["a0: &a0 [" + ", ".join(['"x"'] * 200) + "]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    (project / "worksheets/bom.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = timed_problems(project)
    assert any(p.startswith("worksheets/bom.yml:") and f"meer dan {MAX_YAML_NODES} sleutels"
               in p for p in problems), problems


def test_huge_file_fails_fast_naming_the_limit(project):
    big = project / "worksheets/groot.yml"
    big.write_text("id: groot\ntitel: " + "x" * (MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    (project / "content/groot.md").write_text("# G\n" + "y" * (MAX_FILE_BYTES + 10),
                                              encoding="utf-8")
    problems = timed_problems(project)
    for file in ("worksheets/groot.yml", "content/groot.md"):
        assert any(p.startswith(f"{file}:1: het bestand is ") and f"de grens is "
                   f"{MAX_FILE_BYTES} bytes" in p for p in problems), problems


def test_complex_yaml_key_is_a_dutch_problem(project):
    edit(project / "worksheets/proef.yml", "versie: 1\n", "versie: 1\n? [a, b]\n: waarde\n")
    problems = problems_of(project)
    assert any(p.startswith("worksheets/proef.yml:4: een sleutel moet een woord zijn")
               for p in problems), problems


def test_front_matter_alias_bomb_is_refused(project):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    (project / "content/index.md").write_text("---\n" + "\n".join(lines) + "\n---\n# S\n",
                                              encoding="utf-8")
    problems = timed_problems(project)
    assert any(p.startswith("content/index.md:5 (front matter): meer dan") for p in problems)


COURSE = """\
id: laat
titel: Laat
doelgroep: Iedereen
doelen: [Leren]
beschrijving: Een avond.
dagdelen:
  - titel: Avond
    start: "{start}"
    lengte: 120
    onderdelen:
      - titel: Praten
        minuten: 110
"""


def test_course_session_past_midnight_is_refused(project):
    (project / "data/cursussen").mkdir(parents=True)
    (project / "data/cursussen/laat.yml").write_text(COURSE.format(start="22:30"),
                                                     encoding="utf-8")
    problems = problems_of(project)
    assert ("data/cursussen/laat.yml:8 (dagdelen[0].start): 'Avond' begint om 22:30 en duurt "
            "120 minuten: dat loopt over middernacht; begin uiterlijk om 22:00") in problems


def test_course_ending_at_midnight_is_fine(project):
    from macros.model.load import load_catalogue
    (project / "data/cursussen").mkdir(parents=True)
    (project / "data/cursussen/laat.yml").write_text(COURSE.format(start="22:00"),
                                                     encoding="utf-8")
    load_catalogue(project)
