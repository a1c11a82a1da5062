"""Loading and checking content: every class of bad input names its file and line, in Dutch."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.model.load import load_catalogue
from macros.model.problems import ContentError
from tiny_project import edit, make_project, problems_of


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p")


def test_valid_tiny_project_loads(project):
    cat = load_catalogue(project)
    ws = cat.worksheets["proef"]
    assert [f.type for f in ws.fields] == ["lange-tekst", "schaal"]
    assert [(f.id, f.label) for f in ws.fields] == [("doel", "Wat wil je?"),
                                                     ("cijfer", "Hoe gaat het?")]


def test_a_table_of_leefgebieden_has_the_editions_own_rows(project):
    settings = project / "site_config/default/editie.yml"
    text = settings.read_text(encoding="utf-8")
    start = text.index("leefgebieden:\n")
    end = text.index("\n", text.index("dagelijks_leven", start)) + 1
    settings.write_text(text[:start] + "leefgebieden:\n  - {id: wonen, naam: Wonen}\n"
                        "  - {id: buurt, naam: De buurt}\n" + text[end:], encoding="utf-8")
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - id: leven\n"
         "    type: tabel\n    label: Mijn leven\n    rijen_uit: leefgebieden\n"
         "    kolommen:\n      - {id: nu, label: Nu}\n")
    cat = load_catalogue(project)
    table = cat.worksheets["proef"].fields[0]
    assert [(r.id, r.label) for r in cat.table_rows(table)] == [("wonen", "Wonen"),
                                                                ("buurt", "De buurt")]


def test_yaml_syntax_error_names_file_and_line(project):
    edit(project / "worksheets/proef.yml", "minuten: 10\n", "minuten: [10\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:10")
    assert "YAML-fout" in problem


def test_unknown_key_lists_allowed_keys(project):
    edit(project / "worksheets/proef.yml", "minuten: 10\n", "minuten: 10\nkleur: rood\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:10 (kleur): onbekende sleutel 'kleur'")
    assert "toegestaan: id, titel" in problem


def test_unknown_key_inside_a_field(project):
    edit(project / "worksheets/proef.yml", "    label: Wat wil je?\n",
         "    label: Wat wil je?\n    breedte: 3\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:20 (velden[0].breedte)")
    assert "regels" in problem  # the keys a lange-tekst field does allow


def test_wrong_value_type(project):
    edit(project / "worksheets/proef.yml", "versie: 1", "versie: een")
    [problem] = problems_of(project)
    assert problem == ("worksheets/proef.yml:3 (versie): verkeerd type: 'een'; "
                       "verwacht een geheel getal")


def test_unknown_field_type_lists_the_types(project):
    edit(project / "worksheets/proef.yml", "type: schaal", "type: schaal5")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:21 (velden[1].type): "
                              "onbekend veldtype 'schaal5'; kies uit: tekst, lange-tekst")


def test_missing_key(project):
    edit(project / "worksheets/proef.yml", "    links: slecht\n", "")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:20 (velden[1].links): verplichte sleutel")


def test_duplicate_id_across_files(project):
    text = (project / "worksheets/proef.yml").read_text(encoding="utf-8")
    (project / "worksheets/proef-kopie.yml").write_text(text, encoding="utf-8")
    problems = problems_of(project)
    assert ("worksheets/proef.yml:1 (id): id 'proef' bestaat al in worksheets/proef-kopie.yml; "
            "kies een andere id") in problems


def test_duplicate_key_in_one_file(project):
    edit(project / "worksheets/proef.yml", "versie: 1\n", "versie: 1\nversie: 2\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:4 (versie): sleutel 'versie' staat er twee")


def test_unknown_reference_in_worksheet(project):
    edit(project / "worksheets/proef.yml", "principes: []", "principes: [bestaat-niet]")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:7 (principes[0]): onbekende principe "
                              "'bestaat-niet'")


def test_unknown_reference_in_a_page(project):
    (project / "content/extra.md").write_text("# X\n\nTekst\n\n{{ werkblad(\"weg\") }}\n",
                                              encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("content/extra.md:5 (werkblad): onbekende werkblad 'weg'")


def test_empty_file(project):
    (project / "worksheets/leeg.yml").write_text("# alleen commentaar\n", encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/leeg.yml:1: het bestand is leeg")


def test_file_that_is_not_utf8(project):
    (project / "worksheets/oud.yml").write_bytes(b"id: oud\ntitel: Caf\xe9\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/oud.yml:2: het bestand is geen UTF-8-tekst")


def test_all_problems_are_reported_together(project):
    edit(project / "worksheets/proef.yml", "versie: 1", "versie: een")
    edit(project / "worksheets/proef.yml", "type: schaal", "type: schaal5")
    (project / "worksheets/leeg.yml").write_text("", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(project)
    assert len(info.value.problems) == 3
    assert info.value.report().startswith("3 problemen in de inhoud:")


def test_id_must_match_file_name(project):
    (project / "worksheets/proef.yml").rename(project / "worksheets/anders.yml")
    [problem] = problems_of(project)
    assert "hoort gelijk te zijn aan de bestandsnaam 'anders'" in problem


def test_course_running_over_its_dagdeel(project):
    (project / "data/cursussen").mkdir()
    (project / "data/cursussen/kort.yml").write_text(
        "id: kort\ntitel: Kort\ndoelgroep: Iedereen\ndoelen: [Leren]\nbeschrijving: Kort.\n"
        "dagdelen:\n  - titel: Ochtend\n    start: '09:00'\n    lengte: 60\n    onderdelen:\n"
        "      - {titel: Welkom, minuten: 45}\n      - pauze: 30\n", encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("data/cursussen/kort.yml:9 (dagdelen[0]): 'Ochtend' duurt 75 "
                              "minuten, maar het dagdeel is 60 minuten lang")


GLOSSARY = """begrippen:
  - woorden: [actieplan, actieplannen]
    uitleg: Werkagenda met kleine stappen
  - woorden: [herstel]
    uitleg: Persoonlijk proces
"""


def test_glossary_gives_every_word_form_with_a_capital_variant(project):
    (project / "data/begrippen.yml").write_text(GLOSSARY, encoding="utf-8")
    tips = load_catalogue(project).glossary.tooltips()
    assert tips == {"actieplan": "Werkagenda met kleine stappen",
                    "Actieplan": "Werkagenda met kleine stappen",
                    "actieplannen": "Werkagenda met kleine stappen",
                    "Actieplannen": "Werkagenda met kleine stappen",
                    "herstel": "Persoonlijk proces", "Herstel": "Persoonlijk proces"}


def test_glossary_unknown_key_names_its_line(project):
    (project / "data/begrippen.yml").write_text(GLOSSARY + "    kleur: rood\n", encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("data/begrippen.yml:6 (begrippen[1].kleur): onbekende sleutel")


def test_glossary_word_may_have_one_explanation(project):
    # 'Actieplan' is the capital form of 'actieplan' on line 2
    (project / "data/begrippen.yml").write_text(GLOSSARY.replace("[herstel]", "[Actieplan]"),
                                                 encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.startswith("data/begrippen.yml:4 (begrippen[1].woorden[0]): 'Actieplan' "
                              "heeft al een uitleg op regel 2")


TOTAL = ("  - id: samen\n    type: totaal\n    label: Samen\n    telt: [cijfer, {second}]\n")


def test_a_total_adds_up_scale_and_number_fields(project):
    edit(project / "worksheets/proef.yml", "    rechts: goed\n",
         "    rechts: goed\n  - id: hoeveel\n    type: getal\n    label: Hoeveel?\n    max: 9\n"
         + TOTAL.format(second="hoeveel"))
    total = load_catalogue(project).worksheets["proef"].fields[-1]
    assert (total.type, total.sums) == ("totaal", ["cijfer", "hoeveel"])


@pytest.mark.parametrize("second, says", [
    ("doel", "telt 'doel', maar dat is geen schaal- of getalveld van dit werkblad; kies uit: "
             "cijfer"),
    ("bestaat_niet", "telt 'bestaat_niet', maar dat is geen schaal- of getalveld"),
    ("cijfer", "telt 'cijfer' twee keer")])
def test_a_total_names_only_scored_fields_of_its_own_worksheet(project, second, says):
    edit(project / "worksheets/proef.yml", "    rechts: goed\n",
         "    rechts: goed\n" + TOTAL.format(second=second))
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:28 (velden[2].telt[1]): totaal 'samen' "), \
        problem
    assert says in problem


def test_a_column_is_text_or_a_tick_box_and_nothing_else(project):
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - id: stappen\n"
         "    type: lijst\n    label: Stappen\n    kolommen:\n"
         "      - {id: klaar, label: Klaar?, soort: kruisje}\n")
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/proef.yml:21 (velden[0].kolommen[0].soort)"), problem
    assert "vinkje" in problem
