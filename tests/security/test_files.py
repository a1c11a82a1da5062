"""Rule 3: nothing outside the project is read or published: the edition's own pages and logo
stay in its folder, and WeasyPrint loads only the project's fonts, images and CSS."""
from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from helpers import make_project, problems_of

from macros.print.fetch import ProjectFetcher


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "p")


def add_extra_page(project, file: str):
    with (project / "site_config/default/editie.yml").open("a", encoding="utf-8") as f:
        f.write(f"extra_paginas:\n  - titel: Eigen\n    bestand: {file}\n")


@pytest.mark.parametrize("file", ["/etc/passwd", "../../../../etc/passwd", "../default/../../x.md"])
def test_extra_page_outside_the_edition_folder_is_refused(project, file):
    add_extra_page(project, file)
    assert any("(extra_paginas[0].bestand): pagina" in p and "ligt buiten de map default/" in p
               for p in problems_of(project))


def test_extra_page_symlinked_out_of_the_edition_is_refused(project, tmp_path):
    (tmp_path / "buiten.md").write_text("# Buiten\n", encoding="utf-8")
    os.symlink(tmp_path / "buiten.md", project / "site_config/default/eigen.md")
    add_extra_page(project, "eigen.md")
    problems = problems_of(project)
    assert any("ligt buiten de map default/" in p for p in problems)
    assert any(p.startswith("site_config/default/eigen.md:1: verwijst") for p in problems)


def test_logo_outside_the_edition_folder_is_refused(project):
    with (project / "site_config/default/editie.yml").open("a", encoding="utf-8") as f:
        f.write("logo: /etc/hostname\n")
    assert any("(logo): logo '/etc/hostname' ligt buiten de map" in p
               for p in problems_of(project))


def test_fetcher_serves_project_fonts_and_images_only(tmp_path):
    root = tmp_path / "p"
    (root / "content/assets").mkdir(parents=True)
    (root / "content/assets/logo.png").write_bytes(b"\x89PNG")
    (root / "mkdocs.yml").write_text("site_name: x", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git/x.png").write_bytes(b"\x89PNG")
    fetcher = ProjectFetcher(root)
    assert fetcher.fetch((root / "content/assets/logo.png").as_uri()).read() == b"\x89PNG"
    assert fetcher.fetch("data:text/plain,hoi") is not None
    for url in ["file:///etc/passwd", (root / "mkdocs.yml").as_uri(), (root / ".git/x.png").as_uri(),
                "https://example.com/x.png", "http://127.0.0.1:1/x.css", "ftp://x/y.png",
                "file://andere-host/etc/passwd", (root / "content/assets/../../../x.png").as_uri()]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@pytest.mark.build
def test_pdf_neither_embeds_nor_fetches_files_from_outside(tmp_path):
    from macros.print.pdf import render
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-wachtwoord-123", encoding="utf-8")
    project = make_project(tmp_path / "p")
    html = (f'<html><body><p>tekst</p><a rel="attachment" href="{secret.as_uri()}">a</a>'
            f'<link rel="attachment" href="{secret.as_uri()}">'
            '<img src="http://127.0.0.1:9/x.png"><img src="file:///etc/hostname">'
            f'<link rel="stylesheet" href="{secret.as_uri()}"></body></html>')
    data, pages, _ = render(html, project.as_uri() + "/")
    assert pages == 1
    assert b"/EmbeddedFile" not in data and b"/FileAttachment" not in data
    assert b"GEHEIM" not in data and b"GEHEIM" not in _inflated(data)


def _inflated(pdf: bytes) -> bytes:
    out = b""
    for chunk in pdf.split(b"stream")[1:]:
        try:
            out += zlib.decompress(chunk.lstrip(b"\r\n").split(b"endstream")[0])
        except zlib.error:
            pass
    return out


def test_edition_page_gets_the_checks_of_a_content_page(project):
    (project / "site_config/default/eigen.md").write_text(
        '# Eigen\n\n<a href="javascript:alert(1)" onclick="x()">k</a>\n', encoding="utf-8")
    add_extra_page(project, "eigen.md")
    problems = problems_of(project)
    assert "site_config/default/eigen.md:3: link 'javascript:alert(1)' is niet toegestaan; " \
           "gebruik http(s)://, mailto:, tel: of een pad binnen de site" in problems
    assert any(p.startswith("site_config/default/eigen.md:3: HTML met 'onclick='")
               for p in problems)


def test_edition_page_in_latin1_is_a_problem_not_a_traceback(project):
    (project / "site_config/default/eigen.md").write_bytes("# Caf\u00e9\n".encode("latin-1"))
    add_extra_page(project, "eigen.md")
    assert any(p.startswith("site_config/default/eigen.md:1: het bestand is geen UTF-8")
               for p in problems_of(project))
