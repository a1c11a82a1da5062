"""data/zoekwoorden.yml: validated like all content, folded the way the search worker folds
a query, and the real file loads."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.model.load import load_catalogue
from tiny_project import make_project, problems_of

WORDS = """zoekwoorden:
  - zoekt: [zelfregie, Cliënt wil geen hulp]
    vindt: [eigen regie]
  - zoekt: [daklozen]
    vindt: [dakloos, maatschappelijke opvang]
"""


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p")


def test_search_words_reach_the_worker_folded(project):
    (project / "data/zoekwoorden.yml").write_text(WORDS, encoding="utf-8")
    assert load_catalogue(project).search_words.for_worker() == [
        [["zelfregie", "client wil geen hulp"], ["eigen regie"]],
        [["daklozen"], ["dakloos", "maatschappelijke opvang"]]]


def test_a_typed_phrase_has_one_entry_whatever_its_accents(project):
    (project / "data/zoekwoorden.yml").write_text(
        WORDS.replace("[daklozen]", "[daklozen, client wil geen hulp]"), encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("data/zoekwoorden.yml:4 (zoekwoorden[1].zoekt[1]): 'client wil "
                              "geen hulp' staat al in 'zoekt' op regel 2")


def test_a_phrase_is_words_only_and_an_entry_needs_both_sides(project):
    (project / "data/zoekwoorden.yml").write_text(
        WORDS.replace("[eigen regie]", "[eigen <b>regie</b>]").replace(
            "    vindt: [dakloos, maatschappelijke opvang]\n", ""), encoding="utf-8")
    problems = problems_of(project)
    assert len(problems) == 2
    assert problems[0].startswith("data/zoekwoorden.yml:3 (zoekwoorden[0].vindt[0])")
    assert problems[1].startswith("data/zoekwoorden.yml:4 (zoekwoorden[1]")
    assert "vindt" in problems[1]


def test_the_handbooks_search_words_load():
    root = Path(__file__).resolve().parents[1]
    entries = load_catalogue(root).search_words.entries
    assert sum(len(e.searched) for e in entries) >= 200
