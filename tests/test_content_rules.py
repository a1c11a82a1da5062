"""Rules for the text, checked without a build (fast): one spelling per term, each casus name
used for one person only, no runs of eight words from the source brochure, and every worksheet
that content names exists. The lists live in tests/quality/taalregels.yml and casusnamen.yml."""
from __future__ import annotations

import warnings

import pytest

from conftest import ROOT
from quality import content_rules as rules

SEED = ROOT.parent / "shared" / "seed"  # beside the repository; may be read-only or absent


def test_one_spelling_per_term():
    problems = rules.spelling_problems(ROOT)
    assert problems == [], (f"{len(problems)} keer een vorm die niet mag (lijst: "
                            "tests/quality/taalregels.yml):\n" + "\n".join(problems))


def test_spelling_rules_find_wrapped_phrases_and_skip_allowed_lines(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text(
        "Een bezoek aan het repair\ncafé.\nsoort: energizer\nEen energizer vooraf.\n"
        "Een repaircafé mag.\n", encoding="utf-8")
    found = rules.spelling_problems(tmp_path, [
        {"fout": "repair café", "goed": "repaircafé"},
        {"fout": "energizer", "goed": "opwarmer", "behalve": ["soort: energizer"]}])
    assert [p.split(":")[1] for p in found] == ["1", "4"]


def test_casus_names_are_unique_and_registered():
    problems, known_elsewhere = rules.casus_name_problems(ROOT)
    for w in known_elsewhere:
        warnings.warn(f"casusnaam dubbel buiten content/: {w}")
    assert problems == [], (f"{len(problems)} problemen met namen in casussen "
                            "(lijst: tests/quality/casusnamen.yml):\n" + "\n".join(problems))


def test_name_registry_rejects_a_name_listed_twice(tmp_path):
    twice = tmp_path / "namen.yml"
    twice.write_text("namen:\n  Ferry: a.md\n  Ferry: b.md\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Ferry"):
        rules.load_casus_names(twice)


def test_casus_name_check_finds_a_name_used_twice(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("Een voorbeeld: Ferry (49) slaapt buiten.\n",
                                               encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text("Begeleider Ferry belt aan.\n", encoding="utf-8")
    problems, _ = rules.casus_name_problems(
        tmp_path, {"namen": {"Ferry": ["content/a.md"]}, "dubbel_elders": {}})
    assert problems == ["Ferry: ook gebruikt in content/b.md; kies daar een andere naam "
                        "(de naam hoort bij content/a.md)"]


@pytest.mark.parametrize("short, long", [("Mo", "Mohamed"), ("Wout", "Wouter"),
                                         ("Mieke", "Marieke"), ("Ineke", "Tineke")])
def test_casus_name_check_refuses_a_name_inside_another(tmp_path, short, long):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"Een voorbeeld: {short} (30) en {long} (40).\n",
                                               encoding="utf-8")
    registry = {"namen": {short: ["content/a.md"], long: ["content/a.md"]}, "dubbel_elders": {}}
    problems, _ = rules.casus_name_problems(tmp_path, registry)
    assert problems == [f"{short} en {long}: lijken te veel op elkaar (de een is het begin of "
                        "het eind van de ander); kies voor één van beide een andere naam"]


def test_no_sentences_from_the_source_brochure():
    if not SEED.is_dir():
        pytest.skip(f"brontekst niet gevonden in {SEED}")
    problems = rules.overlap_problems(ROOT, SEED)
    assert problems == [], (f"{len(problems)} reeksen van 8 of meer woorden uit de brontekst; "
                            "schrijf ze in eigen woorden:\n" + "\n".join(problems))


def test_every_worksheet_named_in_content_exists():
    problems, checked = rules.worksheet_reference_problems(ROOT)
    assert checked > 0
    assert problems == [], "\n".join(problems)
