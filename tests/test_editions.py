"""Editions that fit an organisation (issue #23): own content, leaving out, local details, the
change manifest. Fast: the load step, the renderers and the print HTML, without mkdocs."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from macros.build.build import Build
from macros.build.settings import Settings
from macros.model.changes import compare
from macros.model.load import load_catalogue
from macros.model.manifest import build_manifest, version_problems
from macros.model.problems import ContentError
from macros.print.jobs import site_jobs
from macros.print.render import PrintRenderer
from macros.web import left_out, pages
from macros.web.page_templates import PageTemplates
from macros.web.render import WebRenderer

from tiny_project import WORKSHEET, make_project

OWN = WORKSHEET.replace("id: proef", "id: eigen").replace("Proefblad", "Huisregels Noord") \
    .replace("Een doel.", "Bel bij nood [[crisislijn]].") \
    .replace("Vul het in.", "Vul het in, en bel zo nodig [[crisislijn]].")
SECOND = WORKSHEET.replace("id: proef", "id: tweede").replace("Proefblad", "Tweede blad")


def edition(project: Path, extra: str = "", name: str = "noord") -> Path:
    """An edition folder next to the default one: its editie.yml plus extra settings."""
    folder = project / "site_config" / name
    folder.mkdir(parents=True, exist_ok=True)
    base = (project / "site_config" / "default" / "editie.yml").read_text(encoding="utf-8")
    base = base[:base.index("\ngegevens:") + 1]  # the default's local details are its own
    (folder / "editie.yml").write_text(base + extra, encoding="utf-8")
    return folder


def own_sheet(folder: Path, text: str = OWN, ident: str = "eigen") -> Path:
    (folder / "werkbladen").mkdir(exist_ok=True)
    path = folder / "werkbladen" / f"{ident}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(project: Path, folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_catalogue(project, folder)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def project(tmp_path) -> Path:
    root = make_project(tmp_path / "p")
    (root / "worksheets" / "tweede.yml").write_text(SECOND, encoding="utf-8")
    return root


# --- own content ------------------------------------------------------------------------
def test_own_worksheet_gets_a_page_a_form_pdfs_and_a_place_in_the_waaier(project):
    folder = edition(project, "gegevens:\n  crisislijn: 0800-1234\n")
    own_sheet(folder)
    cat = load_catalogue(project, folder)
    assert ("werkblad", "eigen") in cat.own
    assert "waaier/eigen.md" in pages.generated_pages(cat)
    web = WebRenderer(cat)
    assert 'name="doel"' in web.worksheet_form(cat.worksheets["eigen"], "waaier/eigen.md")
    assert "Huisregels Noord" in web.waaier_overview("waaier/index.md")
    outputs = [job.output for job in site_jobs(cat, [])]
    assert {"pdf/werkbladen/eigen-leeg.pdf", "pdf/werkbladen/eigen-invulbaar.pdf"} <= set(outputs)
    # and the default edition does not have it
    assert "eigen" not in load_catalogue(project).worksheets


def test_own_worksheet_errors_are_file_line_in_the_edition_folder(project):
    folder = edition(project)
    own_sheet(folder, OWN.replace("minuten: 10", "minuten: tien"))
    found = problems(project, folder)
    assert any(p.startswith("site_config/noord/werkbladen/eigen.yml:9 (minuten)") for p in found)


def test_own_id_that_clashes_with_shared_content_is_an_error_unless_replaced(project):
    folder = edition(project)
    own_sheet(folder, WORKSHEET.replace("Proefblad", "Ons proefblad"), "proef")
    [found] = problems(project, folder)
    assert found.startswith("site_config/noord/werkbladen/proef.yml:1 (id)")
    assert "worksheets/proef.yml" in found and "vervangt.werkbladen" in found

    edition(project, "vervangt:\n  werkbladen: [proef]\n")
    cat = load_catalogue(project, folder)
    assert cat.worksheets["proef"].title == "Ons proefblad"
    assert cat.replaced[("werkblad", "proef")] == "worksheets/proef.yml"


def test_replacing_what_is_not_there_is_an_error(project):
    folder = edition(project, "vervangt:\n  werkbladen: [proef, eigen]\n")
    own_sheet(folder, OWN.replace("[[crisislijn]]", "112"))
    found = problems(project, folder)
    line = next(n for n, l in enumerate((folder / "editie.yml").read_text().splitlines(), 1)
                if "werkbladen: [proef" in l)
    assert any(p.startswith(f"site_config/noord/editie.yml:{line} (vervangt.werkbladen[0])")
               and "geen eigen werkblad 'proef'" in p for p in found)
    assert any("vervangt.werkbladen[1]" in p and "geen gedeeld werkblad 'eigen'" in p
               for p in found)


# --- leaving out --------------------------------------------------------------------------
def test_left_out_worksheet_is_gone_from_pages_nav_waaier_and_pdfs(project):
    folder = edition(project, "weglaten:\n  werkbladen: [tweede]\n")
    cat = load_catalogue(project, folder)
    assert "tweede" not in cat.worksheets and cat.is_left_out("werkblad", "tweede")
    assert "waaier/tweede.md" not in pages.generated_pages(cat)
    nav = pages.add_to_nav([{"Waaier": ["waaier/index.md"]}], cat)
    assert "tweede" not in str(nav) and "proef" in str(nav)
    assert "Tweede blad" not in WebRenderer(cat).waaier_overview("waaier/index.md")
    assert not [j for j in site_jobs(cat, []) if "tweede" in j.output]
    assert "Tweede blad" not in PrintRenderer(cat).waaier_document().html


def test_pages_that_name_a_left_out_worksheet_keep_the_text_and_are_reported(project):
    folder = edition(project, "weglaten:\n  werkbladen: [tweede]\n")
    cat = load_catalogue(project, folder)
    noted = []
    templates = PageTemplates(cat, WebRenderer(cat), lambda: "a.md",
                              on_left_out=lambda *a: noted.append(a))
    out = templates.render('# A\n\nZie {{ werkblad_link("tweede") }} of '
                           '{{ werkblad_link("proef") }}.\n{{ werkblad("tweede") }}\n',
                           "content/a.md", first_line=3)
    assert "Zie Tweede blad of [Proefblad]" in out
    assert noted == [("content/a.md", "werkblad", "tweede", 5),
                     ("content/a.md", "werkblad", "tweede", 6)]
    markdown, found = left_out.unlink("Kijk [hier](../waaier/tweede.md#a) en "
                                      "[daar](../waaier/proef.md).\n",
                                      "handleiding/a.md", left_out.left_out_pages(cat))
    assert markdown == "Kijk hier en [daar](../waaier/proef.md).\n"
    assert found == [(1, "waaier/tweede.md")]


def test_leaving_out_an_unknown_id_or_both_lists_is_an_error(project):
    folder = edition(project, "weglaten:\n  werkbladen: [tweede, bestaat-niet]\n")
    [found] = problems(project, folder)
    assert "editie.yml:" in found and "(weglaten.werkbladen[1])" in found
    assert "onbekend werkblad 'bestaat-niet'; kies uit: proef, tweede" in found
    edition(project, "weglaten:\n  werkbladen: [tweede]\nalleen:\n  werkbladen: [proef]\n")
    [found] = problems(project, folder)
    assert "(alleen)" in found and "niet allebei" in found


def test_keep_only_keeps_only_those_and_the_editions_own(project):
    folder = edition(project, "alleen:\n  werkbladen: [proef]\n"
                              "gegevens:\n  crisislijn: 0800-1234\n")
    own_sheet(folder)
    cat = load_catalogue(project, folder)
    assert set(cat.worksheets) == {"proef", "eigen"} and cat.is_left_out("werkblad", "tweede")


# --- local details -----------------------------------------------------------------------
def test_local_details_fill_worksheets_web_and_print(project):
    folder = edition(project, "gegevens:\n  crisislijn: Crisisdienst Noord 0800-1234 & co\n")
    own_sheet(folder)
    cat = load_catalogue(project, folder)
    assert cat.worksheets["eigen"].purpose == "Bel bij nood Crisisdienst Noord 0800-1234 & co."
    web = WebRenderer(cat).worksheet("waaier/eigen.md", "eigen")
    assert "Crisisdienst Noord 0800-1234 &amp; co" in web and "[[" not in web
    html = PrintRenderer(cat).worksheet_document(cat.worksheets["eigen"]).html
    assert "Crisisdienst Noord 0800-1234 &amp; co" in html


def test_missing_detail_is_an_error_where_it_is_used_unless_there_is_a_fallback(project):
    folder = edition(project)
    path = own_sheet(folder, OWN.replace("crisislijn", "noodnummer"))
    doel, instructie = problems(project, folder)
    assert doel.startswith("site_config/noord/werkbladen/eigen.yml:8 (doel)")
    assert instructie.startswith("site_config/noord/werkbladen/eigen.yml:15 (instructie)")
    assert "'noodnummer'" in doel and "[[noodnummer|tekst]]" in doel
    path.write_text(OWN.replace("[[crisislijn]]", "[[noodnummer|de huisarts]]"), "utf-8")
    assert load_catalogue(project, folder).worksheets["eigen"].purpose == \
        "Bel bij nood de huisarts."


def test_an_edition_without_a_value_gets_the_default_editions_neutral_one(project):
    folder = edition(project)  # no gegevens of its own
    own_sheet(folder)
    cat = load_catalogue(project, folder)
    assert cat.worksheets["eigen"].purpose.startswith("Bel bij nood je huisarts, en")


def test_missing_detail_in_a_page_is_an_error_at_its_line(project):
    folder = edition(project)
    (project / "content" / "hulp.md").write_text("# Hulp\n\nBel [[spreekuur]].\n", "utf-8")
    [found] = problems(project, folder)
    assert found.startswith("content/hulp.md:3: lokaal gegeven 'spreekuur'")
    edition(project, "gegevens:\n  wijkteam: Wijkteam <b>Noord</b>\n")
    [found] = problems(project, folder)
    assert "editie.yml:" in found and "(gegevens.wijkteam)" in found and "gewone tekst" in found


def test_details_in_a_page_are_filled_and_escaped(project):
    folder = edition(project, "gegevens:\n  wijkteam: Wijkteam Noord & Zuid\n")
    cat = load_catalogue(project, folder)
    out = PageTemplates(cat, WebRenderer(cat), lambda: "a.md").render(
        "Bel [[wijkteam]] of [[inloop|de inloop]].", "content/a.md")
    assert out == "Bel Wijkteam Noord &amp; Zuid of de inloop."


def test_default_edition_gives_every_detail_the_shared_worksheets_use():
    root = Path(__file__).resolve().parent.parent
    cat = load_catalogue(root)
    for ident in ("signaleringsplan", "veiligheidsplan"):
        [local] = [f for f in cat.worksheets[ident].fields if f.id == "hulp_in_de_buurt"]
        assert "[[" not in local.text and "je huisarts" in local.text


# --- what changed -------------------------------------------------------------------------
def _manifest(project: Path, folder: Path | None = None) -> tuple[object, dict]:
    cat = load_catalogue(project, folder)
    return cat, build_manifest(cat, "noord", {"index.md": "# Start"}, training=True)


def test_change_report_lists_added_removed_renamed_fields_and_carried_answers(project):
    _, old = _manifest(project)
    sheet = project / "worksheets" / "proef.yml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("versie: 1", "versie: 2")
                     .replace("id: doel\n", "id: mijn_doel\n")
                     .replace("label: Hoe gaat het?", "label: Hoe gaat het nu?")
                     + "  - id: nieuw\n    type: tekst\n    label: Nog iets?\n", encoding="utf-8")
    (project / "worksheets" / "tweede.yml").unlink()
    _, new = _manifest(project)
    changes = compare(old, new, "2026-11")
    assert changes.removed_sheets == [("tweede", "Tweede blad")]
    [change] = changes.changed_sheets
    assert (change.old_version, change.new_version) == (1, 2)
    assert change.renamed == [("doel", "mijn_doel")]
    assert change.added == ["Nog iets?"] and change.removed == []
    assert change.relabelled == [("Hoe gaat het?", "Hoe gaat het nu?")]
    assert change.lost == ["doel"] and change.answers == "deels"
    assert "pdf/werkbladen/proef-leeg.pdf" in changes.pdfs["veranderd"]
    assert "pdf/werkbladen/tweede-leeg.pdf" in changes.pdfs["weg"]


def test_controls_changed_without_a_version_bump_is_an_error(project):
    _, old = _manifest(project)
    sheet = project / "worksheets" / "proef.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("id: doel\n", "id: mijn_doel\n"),
                     encoding="utf-8")
    cat, new = _manifest(project)
    [problem] = version_problems(cat, old, new, "2026-11")
    assert str(problem).startswith("worksheets/proef.yml:3 (versie)")
    assert "erbij: mijn_doel" in problem.message and "weg: doel" in problem.message
    assert "versie: 2" in problem.message
    # a new text or another order is no reason for a new version
    reordered = copy.deepcopy(new)
    reordered["werkbladen"]["proef"]["opbouw"].reverse()
    assert version_problems(cat, new, reordered, "x") == []


def test_edition_rows_do_not_count_as_a_change_of_the_worksheet(project):
    """A table over the leefgebieden has other controls in every edition: not a new version."""
    sheet = project / "worksheets" / "proef.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8") + (
        "  - id: gebieden\n    type: tabel\n    label: Per gebied\n    rijen_uit: leefgebieden\n"
        "    kolommen:\n      - {id: nu, label: Nu}\n"), encoding="utf-8")
    _, old = _manifest(project)
    folder = edition(project)
    config = folder / "editie.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("id: geld", "id: centen"),
                      encoding="utf-8")
    cat, new = _manifest(project, folder)
    assert old["werkbladen"]["proef"]["invulvakken"] != new["werkbladen"]["proef"]["invulvakken"]
    assert version_problems(cat, old, new, "x") == []


def test_build_stops_on_the_version_rule_and_writes_the_page(project):
    settings = Settings(root=project, edition_dir=project / "site_config" / "default", pdfs=False)
    files = Build(settings).generated_files()
    assert "Er is nog geen vorige uitgave" in files["wijzigingen.md"]
    (project / "data" / "uitgaven").mkdir()
    (project / "data" / "uitgaven" / "2026-11.json").write_text(files["uitgave.json"], "utf-8")
    sheet = project / "worksheets" / "proef.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("label: Hoe gaat het?",
                                                               "label: En nu?"), "utf-8")
    page = Build(settings).generated_files()["wijzigingen.md"]
    assert "uitgave **2026-11**" in page and "Vraag anders gesteld" in page
    assert "ja, alle bewaarde antwoorden passen nog" in page
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("id: cijfer", "id: score"), "utf-8")
    with pytest.raises(ContentError) as info:
        Build(settings)
    assert "worksheets/proef.yml:3 (versie)" in info.value.report()


def test_edition_compares_with_its_own_last_release_inside_its_folder(project):
    folder = edition(project, "vergelijk_met: ../../worksheets/proef.yml\n")
    settings = Settings(root=project, edition_dir=folder, pdfs=False)
    with pytest.raises(ContentError) as info:
        Build(settings)
    assert "(vergelijk_met)" in info.value.report() and "buiten de map" in info.value.report()
    edition(project, "vergelijk_met: vorige.json\n")
    with pytest.raises(ContentError) as info:
        Build(settings)
    assert "'vorige.json' niet gevonden" in info.value.report()


# --- the real content in an edition folder outside the project ------------------------------
REAL = Path(__file__).resolve().parent.parent


def real_edition(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "ed"
    folder.mkdir(parents=True)
    base = (REAL / "site_config" / "default" / "editie.yml").read_text(encoding="utf-8")
    (folder / "editie.yml").write_text(base + extra, encoding="utf-8")
    return folder


def test_left_out_exercise_used_by_a_course_is_an_error_and_a_left_out_sheet_is_dropped(
        tmp_path):
    folder = real_edition(tmp_path, "weglaten:\n  oefeningen: [afronden-casus]\n")
    with pytest.raises(ContentError) as info:
        load_catalogue(REAL, folder)
    [problem] = info.value.problems
    assert problem.file == "data/cursussen/terugkomdag.yml" and problem.line > 1
    assert "laat ook cursus 'terugkomdag' weg" in problem.message
    folder = real_edition(tmp_path / "b", "weglaten:\n  werkbladen: [afronding]\n"
                                          "  oefeningen: [afronden-casus]\n"
                                          "  cursussen: [terugkomdag]\n")
    cat = load_catalogue(REAL, folder)
    assert all("afronding" not in ex.worksheets for ex in cat.exercises.values())
    assert "terugkomdag" not in cat.courses


def test_own_principle_gets_a_page_in_the_nav(tmp_path):
    folder = real_edition(tmp_path, "")
    (folder / "principes").mkdir()
    text = (REAL / "data" / "principes" / "werkrelatie.yml").read_text(encoding="utf-8")
    (folder / "principes" / "samen-wonen.yml").write_text(
        text.replace("id: werkrelatie", "id: samen-wonen"), encoding="utf-8")
    cat = load_catalogue(REAL, folder)
    generated = pages.generated_pages(cat)
    assert generated["handleiding/notendop/samen-wonen.md"].endswith('{{ principe("samen-wonen") }}\n')
    nav = pages.add_to_nav([{"Notendop": ["handleiding/notendop/index.md"]}], cat)
    assert nav[0]["Notendop"][1] == {cat.principles["samen-wonen"].title:
                                     "handleiding/notendop/samen-wonen.md"}


def test_edition_compares_with_its_own_saved_manifest(project):
    folder = edition(project)
    settings = Settings(root=project, edition_dir=folder, pdfs=False)
    saved = Build(settings).generated_files()["uitgave.json"]
    (folder / "vorige-uitgave.json").write_text(saved, "utf-8")
    edition(project, "vergelijk_met: vorige-uitgave.json\n")
    assert "Er is niets veranderd" in Build(settings).generated_files()["wijzigingen.md"]
    sheet = project / "worksheets" / "tweede.yml"
    sheet.write_text(sheet.read_text("utf-8").replace("Wat wil je?", "Wat wil je nu?"), "utf-8")
    page = Build(settings).generated_files()["wijzigingen.md"]
    assert "uitgave **vorige-uitgave**" in page and "### Tweede blad" in page
    assert "Wat wil je? → Wat wil je nu?" in page


def test_what_the_edition_leaves_out_is_not_reported_as_removed(project):
    _, old = _manifest(project)
    folder = edition(project, "weglaten:\n  werkbladen: [tweede]\n")
    cat = load_catalogue(project, folder)
    new = build_manifest(cat, "noord", {"index.md": "# Start"}, training=False)
    changes = compare(old, new, "x")
    assert changes.removed_sheets == [] and changes.pdfs["weg"] == []
    assert "pdf/hulpmiddelenwaaier.pdf" in changes.pdfs["veranderd"]  # one sheet fewer
    old["werkbladen"]["weg"] = dict(old["werkbladen"]["proef"], titel="Weg")
    assert compare(old, new, "x").removed_sheets == [("weg", "Weg")]
