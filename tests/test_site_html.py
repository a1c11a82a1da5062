"""Gate: every built page is valid HTML according to the Nu Html Checker (vnu.jar)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from quality import vnu
from quality.summary import record

pytestmark = pytest.mark.build  # the built site, or the Nu Html Checker (Java) on its own

REPORTS = ROOT / "reports"


@pytest.fixture(scope="session")
def vnu_ready():
    if not vnu.java() or not vnu.VNU_JAR.is_file():
        pytest.fail("Java or vnu.jar is missing: run `make test`, which installs both "
                    f"(looked for {vnu.VNU_JAR})")


def _is_error(msg: dict) -> bool:
    return msg.get("type") in ("error", "non-document-error")


def test_every_page_is_valid_html(built_site, vnu_ready):
    messages = vnu.check(built_site)
    pages = len(list(built_site.rglob("*.html")))
    errors = [m for m in messages if _is_error(m) and not vnu.known_material_issue(m)]
    ignored = [m for m in messages if _is_error(m) and vnu.known_material_issue(m)]
    warnings = [m for m in messages if not _is_error(m)]

    REPORTS.mkdir(exist_ok=True)
    lines = [f"Nu Html Checker: {pages} pagina's, {len(errors)} fouten, {len(warnings)} "
             f"waarschuwingen, {len(ignored)} bekende fouten van Material genegeerd", ""]
    lines += [vnu.describe(m, built_site) for m in warnings]
    lines += ["", "Genegeerd (zie tests/quality/vnu.py, MATERIAL_KNOWN):"]
    lines += [f"  {sum(k.matches(m) for m in ignored)}× {k.why}" for k in vnu.MATERIAL_KNOWN]
    (REPORTS / "vnu-warnings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    record("html", lines[0])
    assert pages > 0
    assert errors == [], (f"{len(errors)} HTML-fouten:\n"
                          + "\n".join(vnu.describe(m, built_site) for m in errors))


def test_known_material_issues_are_ignored_only_in_materials_markup(tmp_path, vnu_ready):
    """The exceptions are narrow: the same mistakes in our own markup are still errors."""
    head = '<!doctype html><html lang="nl"><head><title>t</title></head><body>'
    material = (head + '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
                'id="__drawer" autocomplete="off">'
                '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">x</label>'
                '<input type="checkbox" id="__nav_2"><label class="md-nav__title" for="__toc">'
                'y</label></body></html>')
    ours = (head + '<input type="checkbox" id="kw-1" autocomplete="off">'
            '<label for="kw-1" tabindex="">x</label><label for="kw-toc">y</label></body></html>')
    (tmp_path / "material.html").write_text(material, encoding="utf-8")
    (tmp_path / "ours.html").write_text(ours, encoding="utf-8")
    errors = [m for m in vnu.check(tmp_path) if _is_error(m)]
    by_file = {name: [m for m in errors if m["url"].endswith(name)]
               for name in ("material.html", "ours.html")}
    assert len(by_file["material.html"]) == 3
    assert all(vnu.known_material_issue(m) for m in by_file["material.html"])
    assert len(by_file["ours.html"]) == 3
    assert not any(vnu.known_material_issue(m) for m in by_file["ours.html"])
