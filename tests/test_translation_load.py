"""Translations of worksheets: every mistake is a Dutch file:line problem; what is merely
missing falls back to Dutch and is listed in the report."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.model.load import load_catalogue
from macros.model.translation_load import current_translation
from macros.model.translation_report import report_markdown, translation_report
from tiny_project import edit, make_project, problems_of
from translation_fixture import add_arabic

AR = "worksheets/vertalingen/ar"


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "p")
    add_arabic(project)
    return project


def test_a_valid_translation_loads(project):
    cat = load_catalogue(project)
    assert cat.languages["ar"].direction == "rtl"
    tr = current_translation(cat, "ar", cat.worksheets["proef"])
    assert tr.fields["doel"].label == "ماذا تريد؟"


def test_unknown_language_folder(project):
    (project / "worksheets/vertalingen/xx").mkdir()
    [problem] = problems_of(project)
    assert problem.startswith("worksheets/vertalingen/xx/: onbekende taal 'xx'")


def test_missing_language_file(project):
    (project / AR / "_taal.yml").unlink()
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/_taal.yml: bestand ontbreekt")


def test_missing_fixed_text(project):
    edit(project / AR / "_taal.yml", "  van: من\n", "")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/_taal.yml:7 (teksten.van): verplichte sleutel ontbreekt")


def test_unknown_worksheet(project):
    (project / AR / "bestaat-niet.yml").write_text("versie: 1\nnagekeken: nee\n", "utf-8")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/bestaat-niet.yml:1: onbekend werkblad 'bestaat-niet'")


def test_unknown_field(project):
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  weg:\n    label: x\n")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/proef.yml:6 (velden.weg): het werkblad heeft geen veld 'weg'")


def test_a_key_the_field_type_does_not_have(project):
    edit(project / AR / "proef.yml", "    links: سيئ\n", "    links: سيئ\n    opties: {Ja: نعم}\n")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/proef.yml:11 (velden.cijfer.opties): het veld 'cijfer' "
                              "(schaal) heeft geen 'opties'")
    assert "hier kan: label, links, rechts" in problem


def test_help_only_where_the_worksheet_has_help(project):
    edit(project / AR / "proef.yml", "    label: ماذا تريد؟\n", "    label: ماذا تريد؟\n    hulp: x\n")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/proef.yml:8 (velden.doel.hulp)")


def test_unknown_option_row_and_column(project):
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - id: kies\n    type: keuze\n"
         "    label: Kies\n    opties: [Ja, Nee]\n  - id: tab\n    type: tabel\n    label: T\n"
         "    rijen: [{id: r1, label: R}]\n    kolommen: [{id: k1, label: K}]\n")
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  kies:\n    opties:\n"
         "      Ja: نعم\n      Misschien: ربما\n  tab:\n    rijen: {r2: x}\n    kolommen: {k1: y, k9: z}\n")
    problems = problems_of(project)
    assert [p.split(": ")[0] for p in problems] == [
        f"{AR}/proef.yml:9 (velden.kies.opties.Misschien)",
        f"{AR}/proef.yml:11 (velden.tab.rijen.r2)",
        f"{AR}/proef.yml:12 (velden.tab.kolommen.k9)"]


MAP = ("velden:\n", "velden:\n  - id: kaart\n    type: netwerkkaart\n    label: Wie?\n"
       "    kringen: [{id: dichtbij, label: Dichtbij}]\n"
       "    sectoren: [{id: familie, label: Familie}, {id: buurt, label: Buurt}]\n")


def test_a_netwerkkaart_translates_its_rings_and_sectors_by_id(project):
    edit(project / "worksheets/proef.yml", *MAP)
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  kaart:\n    label: من؟\n"
         "    kringen: {dichtbij: قريب}\n    sectoren: {familie: العائلة}\n")
    cat = load_catalogue(project)
    tr = current_translation(cat, "ar", cat.worksheets["proef"])
    assert tr.fields["kaart"].rings == {"dichtbij": "قريب"}
    [rep] = translation_report(cat)  # the sector not translated is reported, not refused
    assert rep.incomplete["proef"] == ["velden.kaart.sectoren.buurt", "velden.cijfer.rechts"]


def test_unknown_ring_or_sector_and_rings_on_another_field(project):
    edit(project / "worksheets/proef.yml", *MAP)
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  kaart:\n"
         "    kringen: {ver: بعيد}\n    sectoren: {werk: العمل}\n  doel:\n    kringen: {a: b}\n")
    edit(project / AR / "proef.yml", "  doel:\n    label: ماذا تريد؟\n", "")
    problems = problems_of(project)
    assert [p.split(": ")[0] for p in problems] == [
        f"{AR}/proef.yml:7 (velden.kaart.kringen.ver)",
        f"{AR}/proef.yml:8 (velden.kaart.sectoren.werk)",
        f"{AR}/proef.yml:10 (velden.doel.kringen)"]
    assert "'ver' staat niet bij 'kringen' in het werkblad; kies uit: dichtbij" in problems[0]
    assert "kies uit: familie, buurt" in problems[1]
    assert "het veld 'doel' (lange-tekst) heeft geen 'kringen'" in problems[2]


def test_the_netwerkkaart_texts_of_the_language_file_are_required(project):
    edit(project / AR / "_taal.yml", "  kaart_vak: الجزء\n", "")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/_taal.yml:7 (teksten.kaart_vak): verplichte sleutel ontbreekt")


def test_rows_from_life_domains_are_translated_in_the_language_file(project):
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - id: leven\n    type: tabel\n"
         "    label: Leven\n    rijen_uit: leefgebieden\n    kolommen: [{id: nu, label: Nu}]\n")
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  leven:\n    rijen: {wonen: x}\n")
    [problem] = problems_of(project)
    assert "(velden.leven.rijen): de rijen komen uit de leefgebieden" in problem


def test_unknown_life_domain(project):
    edit(project / AR / "_taal.yml", "  wonen: السكن والأمان\n", "  wonen: السكن\n  tuin: x\n")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/_taal.yml:7 (leefgebieden.tuin): onbekend leefgebied 'tuin'")


def test_name_date_has_no_texts_of_its_own(project):
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - type: naam-datum\n")
    edit(project / AR / "proef.yml", "velden:\n", "velden:\n  naam_datum:\n    label: x\n")
    [problem] = problems_of(project)
    assert "een naam-datum-veld heeft geen eigen teksten" in problem


def test_wrong_types(project):
    edit(project / AR / "proef.yml", "nagekeken: nee\n", "nagekeken: misschien\n")
    edit(project / AR / "_taal.yml", "richting: rtl\n", "richting: rechts\n")
    problems = problems_of(project)
    assert problems[0].startswith(f"{AR}/_taal.yml:3 (richting): onbekende waarde 'rechts'")
    assert problems[1].startswith(f"{AR}/proef.yml:2 (nagekeken): onbekende waarde 'misschien'")


def test_a_newer_version_than_the_worksheet_is_an_error(project):
    edit(project / AR / "proef.yml", "versie: 1\n", "versie: 2\n")
    [problem] = problems_of(project)
    assert problem.startswith(f"{AR}/proef.yml:1 (versie): versie 2 is nieuwer dan het werkblad")


def test_the_content_limits_apply(project):
    (project / AR / "proef.yml").write_text("a: &a [x]\n" + "".join(
        f"b{i}: *a\n" for i in range(25)), encoding="utf-8")
    [problem] = problems_of(project)
    assert "YAML-aliassen" in problem


def test_an_older_translation_falls_back_to_dutch_and_is_reported(project):
    edit(project / "worksheets/proef.yml", "versie: 1\n", "versie: 2\n")
    cat = load_catalogue(project)
    assert current_translation(cat, "ar", cat.worksheets["proef"]) is None
    text = report_markdown(cat, translation_report(cat))
    assert "`proef`: vertaald voor versie 1, het werkblad is versie 2" in text


def test_missing_texts_are_reported_not_refused(project):
    cat = load_catalogue(project)
    [rep] = translation_report(cat)
    assert rep.incomplete == {"proef": ["velden.cijfer.rechts"]}
    assert rep.summary(1) == "ar (Arabisch): 1 van 1 werkbladen vertaald; 1 met ontbrekende teksten"


def test_life_domains_without_translation_are_reported(project):
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - id: leven\n    type: tabel\n"
         "    label: Leven\n    rijen_uit: leefgebieden\n    kolommen: [{id: nu, label: Nu}]\n")
    cat = load_catalogue(project)
    text = report_markdown(cat, translation_report(cat))
    assert "leefgebieden van deze editie zonder vertaling in _taal.yml: geld, werk_leren" in text
    assert "velden.leven.label" in text


def test_local_details_are_filled_in_translations_too():
    """A translation's [[crisislijn]] gets the edition's value, as the Dutch worksheet does."""
    cat = load_catalogue(Path(__file__).resolve().parent.parent)
    texts = [f.text for sheets in cat.translations.values() for tr in sheets.values()
             for f in tr.fields.values() if f.text]
    assert any(cat.details["crisislijn"] in t for t in texts)
    assert not [t for t in texts if "[[" in t]
