"""Rules 2-4 for content/ pages: raw HTML stays allowed, but no script links, no inline event
handlers, no PDF attachments; broken front matter, non-UTF-8 text and links out of the project
stop the build with file:line."""
from __future__ import annotations

import os

import pytest

from helpers import build, make_project, page, problems_of


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "p")


@pytest.mark.parametrize("line, expected", [
    ('<a href="javascript:alert(1)">x</a>', "link 'javascript:alert(1)' is niet toegestaan"),
    ("<a href='JaVa&#x53;cript:alert(1)'>x</a>", "is niet toegestaan"),
    ('<a href="java\tscript:alert(1)">x</a>', "is niet toegestaan"),
    ('<img src="data:text/html,<script>alert(1)</script>">', "is niet toegestaan"),
    ("[klik](javascript:alert(1))", "link 'javascript:alert(1)' is niet toegestaan"),
    ("[klik]( <javascript:alert(1)> )", "is niet toegestaan"),
    ("[ref]: javascript:alert(1)", "is niet toegestaan"),
    ('<iframe src="file:///etc/passwd"></iframe>', "is niet toegestaan"),
    ('<a href="//andere-site.example/">x</a>', "is niet toegestaan"),
    ('<img src="x.png" onerror="alert(1)">', "HTML met 'onerror=': scripts in een pagina"),
    ('<div ONCLICK="alert(1)">x</div>', "HTML met 'ONCLICK='"),
    ('<svg/onload=alert(1)>', "HTML met 'onload='"),
    ('<a rel="attachment" href="file:///etc/passwd">p</a>', 'rel="attachment" zou een bestand'),
    ('<link rel="attachment" href="../mkdocs.yml">', 'rel="attachment"'),
    ("<script>alert(1)</script>", "HTML-element <script> is niet toegestaan"),
    ('<SCRIPT src="assets/x.js"></SCRIPT>', "HTML-element <script>"),
    ('<iframe srcdoc="x"></iframe>', "HTML-element <iframe>"),
    ('<base href="https://andere-site.example/">', "HTML-element <base>"),
    ('<meta http-equiv="refresh" content="0;url=https://x">', "HTML-element <meta>"),
])
def test_unsafe_html_and_links_in_a_page_are_refused(project, line, expected):
    page(project, f"# Start\n\nTekst.\n{line}\n")
    problems = problems_of(project)
    assert any(p.startswith("content/index.md:4: ") and expected in p for p in problems), problems


def test_safe_raw_html_and_links_stay_allowed(project):
    page(project, '# Start\n\n<div class="kader" markdown="1">\n[a](https://a.nl) '
         '[b](mailto:x@y.nl) [c](tel:+3112) [d](waaier/index.md) [e](#kop)\n</div>\n'
         '<img src="assets/x.png" alt="">\n')
    from macros.model.load import load_catalogue
    load_catalogue(project)


def test_front_matter_syntax_error_stops_with_file_line(project):
    page(project, "---\ntitel: x\ntags: [a, b\n---\n# Start\n")
    problems = problems_of(project)
    assert any(p.startswith("content/index.md:") and "(front matter): YAML-fout" in p
               for p in problems), problems


def test_front_matter_that_is_no_mapping_or_never_closes_is_refused(project):
    page(project, "---\ntitel: x\n# Start\n")
    assert any("content/index.md:1: de front matter" in p for p in problems_of(project))
    page(project, "---\n- a\n- b\n---\n# Start\n")
    assert any("content/index.md:1 (front matter): verwacht een YAML-mapping" in p
               for p in problems_of(project))


def test_latin1_page_is_refused_with_its_line(project):
    (project / "content" / "oud.md").write_bytes("# Oud\n\nCaf\u00e9 en cr\u00e8me\n".encode("latin-1"))
    assert "content/oud.md:3: het bestand is geen UTF-8-tekst (byte 0xe9); sla het op als " \
           "UTF-8" in problems_of(project)


def test_symlink_in_content_to_outside_is_refused(project, tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord", encoding="utf-8")
    os.symlink(secret, project / "content" / "geheim.txt")
    os.symlink("/etc", project / "content" / "etc")
    problems = problems_of(project)
    assert any(p.startswith("content/geheim.txt:1: verwijst (via een snelkoppeling/symlink) "
                            f"naar {secret}") for p in problems), problems
    assert any(p.startswith("content/etc:1: verwijst") for p in problems)


def test_symlink_inside_the_project_is_fine(project):
    os.symlink(project / "content" / "index.md", project / "content" / "kopie.md")
    from macros.model.load import load_catalogue
    load_catalogue(project)


@pytest.mark.parametrize("folder", ["worksheets", "data", "site_config"])
def test_symlink_out_of_a_data_folder_is_refused(project, tmp_path, folder):
    target = tmp_path / "buiten.yml"
    target.write_text("id: buiten\n", encoding="utf-8")
    os.symlink(target, project / folder / "buiten.yml")
    assert any(p.startswith(f"{folder}/buiten.yml:1: verwijst") for p in problems_of(project))


@pytest.mark.build
def test_page_with_script_link_stops_the_build(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    page(project, '# Start\n\n<a href="javascript:alert(1)">klik</a>\n')
    code, output = build(project, tmp_path / "site")
    assert code != 0 and "content/index.md:3: link 'javascript:alert(1)'" in output
    assert "Traceback" not in output


@pytest.mark.build
def test_front_matter_error_fails_the_build(tmp_path):
    """MkDocs itself ignores front matter it cannot read and builds with exit 0."""
    project = make_project(tmp_path / "p", with_site=True)
    page(project, "---\ntitel: [x\n---\n# Start\n")
    code, output = build(project, tmp_path / "site")
    assert code != 0 and "content/index.md:" in output and "YAML-fout" in output


@pytest.mark.parametrize("text, line, expected", [
    ('<img src="x.png"\n     onerror="alert(1)">', 4, "HTML met 'onerror='"),
    ('<a class="knop"\n   href="javascript:alert(1)">x</a>', 5, "link 'javascript:alert(1)'"),
    ("[klik](\njavascript:alert(1))", 4, "link 'javascript:alert(1)'"),
    ('<svg><a><animate attributeName="href"\n values="javascript:alert(1)"/></a></svg>', 5,
     "link 'javascript:alert(1)'"),
])
def test_a_tag_split_over_lines_is_still_one_tag(project, text, line, expected):
    """The check reads the whole page, as a browser does, not line by line."""
    page(project, f"# Start\n\nTekst.\n{text}\n")
    found = problems_of(project)
    assert any(p.startswith(f"content/index.md:{line}: ") and expected in p
               for p in found), found


def test_safe_html_over_several_lines_stays_allowed(project):
    page(project, '# Start\n\n<div class="kader"\n     markdown="1">\nTekst met [een link](\n'
         'https://a.nl) en <a\n  href="waaier/">de waaier</a>.\n</div>\n')
    from macros.model.load import load_catalogue
    load_catalogue(project)


@pytest.mark.parametrize("text, line, expected", [
    ('[klik](#){onclick="alert(1)"}', 3, "HTML met 'onclick='"),
    ('Een alinea.\n{: onmouseover="alert(1)" }', 4, "HTML met 'onmouseover='"),
    ('![foto](x.png){ onerror="alert(1)" }', 3, "HTML met 'onerror='"),
])
def test_what_markdown_builds_from_attribute_lists_is_checked_too(text, line, expected):
    import markdown
    from macros.model.page_source import page_problems, rendered_problems
    source = f"# Start\n\n{text}\n"
    assert not page_problems("content/index.md", source)  # no tag in the source itself
    html = markdown.markdown(source, extensions=["attr_list"])
    problems = [str(p) for p in rendered_problems("content/index.md", html, source)]
    assert any(p.startswith(f"content/index.md:{line} (na Markdown): ") and expected in p
               for p in problems), problems


@pytest.mark.build
def test_build_stops_on_a_handler_made_by_an_attribute_list(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    page(project, '# Start\n\nTekst.\n[klik](#){onclick="alert(1)"}\n')
    code, output = build(project, tmp_path / "site")
    assert code != 0
    assert "content/index.md:4 (na Markdown): HTML met 'onclick='" in output
    assert "Traceback" not in output
