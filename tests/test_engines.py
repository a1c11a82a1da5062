"""The site does not depend on one site generator.

- ProperDocs (the maintained continuation of MkDocs 1.6) builds the same sources to the same
  site: every file equal, apart from the generator's name in a meta tag.
- `python -m macros pages MAP` writes the pages and files the site gets from the data into a
  folder, for a generator without a plugin API (see "Een andere sitegenerator" in the README).
"""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from tiny_project import make_project

from macros.__main__ import main as macros_command, write_generated

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
SITEMAP_DATE = re.compile(rb"<lastmod>[^<]*</lastmod>")
CONTROL_NAME = re.compile(r'<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"')
FORM = re.compile(r'<form class="kw-form.*?</form>', re.S)


# --- the pages command ----------------------------------------------------------------------
def _ids(folder: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / folder).glob("*.yml"))


def test_pages_command_writes_every_page_made_from_the_data(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KRACHTWERK_EDITIE", raising=False)  # the default edition: training on
    assert macros_command(["pages", str(tmp_path / "docs")]) == 0
    docs = tmp_path / "docs"
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    assert f"geschreven: {len(written)} bestanden" in capsys.readouterr().out

    expected = {f"waaier/{w}.md": f'{{{{ werkblad("{w}") }}}}' for w in _ids("worksheets")}
    expected |= {f"training/oefeningen/{e}.md": f'{{{{ oefening("{e}") }}}}'
                 for e in _ids("data/oefeningen")}
    for c in _ids("data/cursussen"):
        expected[f"training/cursussen/{c}.md"] = f'{{{{ cursus("{c}") }}}}'
        expected[f"training/cursussen/{c}-draaiboek.md"] = f'{{{{ cursus_pakket("{c}", True) }}}}'
        expected[f"training/cursussen/{c}-deelnemers.md"] = f'{{{{ cursus_pakket("{c}", False) }}}}'
    # and the page "Wat is er veranderd" (issue #23), which calls no macro
    assert {p for p in written if p.endswith(".md")} == set(expected) | {"wijzigingen.md"}
    for path, macro_call in expected.items():
        text = (docs / path).read_text(encoding="utf-8")
        assert text.startswith("---\ntitle: "), path
        assert macro_call in text, path
    assert "assets/editie/editie.css" in written
    assert "--kw-primary: #1d5c63" in (docs / "assets/editie/editie.css").read_text(encoding="utf-8")
    # Written into a copy's docs folder, no generated file may replace an authored one.
    assert [p for p in written if (ROOT / "content" / p).exists()] == []


def test_pages_command_follows_the_edition_and_stops_on_content_errors(tmp_path, monkeypatch):
    monkeypatch.delenv("KRACHTWERK_EDITIE", raising=False)
    project = make_project(tmp_path / "p", with_site=True)
    edition = project / "site_config" / "default" / "editie.yml"
    edition.write_text(edition.read_text(encoding="utf-8").replace("training: true",
                                                                   "training: false"),
                       encoding="utf-8")
    written = write_generated(tmp_path / "out", project)
    assert "waaier/proef.md" in written
    assert not [p for p in written if p.startswith("training/")]

    sheet = project / "worksheets" / "proef.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("versie: 1", "versie: een"),
                     encoding="utf-8")
    from macros.model.problems import ContentError
    with pytest.raises(ContentError, match="versie"):
        write_generated(tmp_path / "out2", project)


# --- ProperDocs -----------------------------------------------------------------------------
def _comparable(path: Path) -> bytes:
    """The file's bytes, less what names the generator or the day of the build."""
    data = path.read_bytes()
    if path.suffix == ".gz":  # the precompressed copy of a file: compare what it holds
        data, path = gzip.decompress(data), path.with_suffix("")
    if path.suffix == ".html":
        return GENERATOR_META.sub(b"", data)
    if path.name == "sitemap.xml":
        return SITEMAP_DATE.sub(b"", data)
    return data


def _pdf_content(path: Path) -> tuple[list[str], list[str]]:
    from pypdf import PdfReader
    reader = PdfReader(path)
    return [p.extract_text() for p in reader.pages], sorted(reader.get_fields() or {})


def _form_controls(html: str) -> list[str]:
    form = FORM.search(html)
    return sorted(set(CONTROL_NAME.findall(form.group()))) if form else []


@pytest.mark.build
def test_properdocs_builds_the_same_site_as_mkdocs(built_site, tmp_path):
    """With PDFs: the mkdocs build (built_site) has just filled the PDF cache, so ProperDocs
    takes them from there in a few seconds, and its PDF events are exercised as well. Equal
    PDF bytes mean ProperDocs handed the print step the same page HTML."""
    site = tmp_path / "properdocs-site"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml",
                             "--site-dir", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output

    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    expected = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
                if p.is_file()}
    assert files - expected == set(), "alleen in de ProperDocs-bouw"
    assert expected - files == set(), "ontbreekt in de ProperDocs-bouw"
    assert {p for p in files if p.endswith(".html")}, "geen pagina's"

    for ws in _ids("worksheets"):
        page = f"waaier/{ws}/index.html"
        ours = _form_controls((site / page).read_text(encoding="utf-8"))
        assert ours, f"{page}: geen formulier"
        assert ours == _form_controls((built_site / page).read_text(encoding="utf-8")), page

    differ = []
    for rel in sorted(files):
        a, b = built_site / rel, site / rel
        if rel.endswith(".pdf"):
            if a.read_bytes() != b.read_bytes() and _pdf_content(a) != _pdf_content(b):
                differ.append(f"{rel}: andere tekst of velden")
        elif _comparable(a) != _comparable(b):
            first = next((i for i, (x, y) in enumerate(zip(_comparable(a).splitlines(),
                                                            _comparable(b).splitlines()))
                          if x != y), None)
            differ.append(f"{rel}: verschilt vanaf regel {first + 1 if first is not None else '?'}")
    assert differ == [], f"{len(differ)} bestanden verschillen:\n" + "\n".join(differ[:20])
