"""The worksheet form with a translation: the picker, translated elements with lang and dir,
unchanged control names and option values, and a Dutch page unchanged without translations."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import mkdocs_build
from macros.model.load import load_catalogue
from macros.print.render import PrintRenderer
from macros.web.render import WebRenderer
from tiny_project import edit, make_project
from translation_fixture import SHEET, add_arabic


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "p")
    edit(project / "worksheets/proef.yml", "velden:\n", "velden:\n  - type: naam-datum\n"
         "  - id: kies\n    type: keuze\n    label: Kies\n    opties: [Ja, Nee]\n")
    add_arabic(project, SHEET + "  kies:\n    label: اختر\n    opties:\n      Ja: نعم\n")
    return project


def form(project) -> str:
    cat = load_catalogue(project)
    return WebRenderer(cat).worksheet_form(cat.worksheets["proef"])


def test_the_form_has_the_picker_and_translated_elements(project):
    html = form(project)
    assert '<select id="proef-taal" data-kw-language>' in html
    assert '<option value="ar" lang="ar">العربية</option>' in html
    assert ('<span class="kw-tr" data-kw-tr="ar" lang="ar" dir="rtl" hidden data-search-exclude>ماذا تريد؟</span>'
            in html)
    # the review status in Dutch and Arabic, near the picker
    assert re.search(r'<p class="kw-review" data-kw-when="ar" hidden><span>Deze vertaling is nog '
                     r'niet nagekeken[^<]*</span> <span lang="ar" dir="rtl">لم يراجع', html)
    # the fixed texts of _taal.yml: naam-datum labels and the instruction heading
    assert 'data-kw-tr="ar" lang="ar" dir="rtl" hidden data-search-exclude>الاسم</span>' in html
    assert 'hidden data-search-exclude>هكذا تملأ الورقة</span>' in html


def test_answers_keep_their_names_and_dutch_option_values(project):
    html = form(project)
    assert 'name="kies" value="Ja"' in html and 'name="kies" value="Nee"' in html
    assert 'hidden data-search-exclude>نعم</span>' in html
    names = sorted(re.findall(r'name="([^"]+)"', html))
    (project / "worksheets/vertalingen/ar/proef.yml").unlink()
    assert sorted(re.findall(r'name="([^"]+)"', form(project))) == names


def test_without_translations_the_page_has_no_picker_and_plain_dutch(project):
    for f in (project / "worksheets/vertalingen/ar").iterdir():
        f.unlink()
    (project / "worksheets/vertalingen/ar").rmdir()
    html = form(project)
    assert "data-kw-language" not in html and "data-kw-tr" not in html
    assert '<label for="proef-doel" id="proef-doel-vraag">Wat wil je?</label>' in html
    # read aloud stays: it reads the Dutch
    assert 'class="kw-speak" data-kw-speak="proef-instructie" hidden>Lees voor</button>' in html


def test_an_outdated_translation_is_not_shown(project):
    edit(project / "worksheets/proef.yml", "versie: 1\n", "versie: 2\n")
    assert "data-kw-tr" not in form(project)


def test_print_gets_no_hidden_translations_and_no_speak_buttons(project):
    cat = load_catalogue(project)
    ws = cat.worksheets["proef"]
    html = "".join(PrintRenderer(cat).field_html(ws, f) for f in ws.fields)
    assert "data-kw-tr" not in html and "kw-speak" not in html


@pytest.mark.build
def test_the_build_logs_and_writes_the_translation_report(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    add_arabic(project)
    result = mkdocs_build(project, tmp_path / "site", env={"KRACHTWERK_PDF": "uit"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("vertaling ar (Arabisch): 1 van 1 werkbladen vertaald; 1 met ontbrekende teksten"
            in result.stdout + result.stderr)
    report = (project / "reports/vertalingen.md").read_text(encoding="utf-8")
    assert "`proef` mist: velden.cijfer.rechts" in report
    page = (tmp_path / "site/waaier/proef/index.html").read_text(encoding="utf-8")
    assert 'lang="ar" dir="rtl" hidden data-search-exclude>ماذا تريد؟</span>' in page

