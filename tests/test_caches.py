"""The caches that let an unchanged build skip work: the checked catalogue, each page's macro
output and the print plan. Each must be used when nothing changed and never when an input did."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from macros import catalogue_cache
from macros.fingerprint import Inputs
from macros.page_cache import PageCache
from macros.problems import ContentError
from conftest import mkdocs_build
from tiny_project import edit, make_project

EDITION = "site_config/default"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p").resolve()


def _inputs(project: Path) -> Inputs:
    return Inputs(project, project / EDITION)


@pytest.fixture
def loads(monkeypatch) -> list[Path]:
    """The projects loaded from their files (not from the cache), in order."""
    calls = []
    real = catalogue_cache.load_catalogue

    def counted(root, edition_dir):
        calls.append(root)
        return real(root, edition_dir)

    monkeypatch.setattr(catalogue_cache, "load_catalogue", counted)
    return calls


# --- the hash of the inputs ---------------------------------------------------------------
def test_input_hash_follows_bytes_and_names_not_file_times(tmp_path):
    import os

    from macros.fingerprint import tree_digest

    (tmp_path / "d/sub").mkdir(parents=True)
    (tmp_path / "d/sub/a.yml").write_text("a: 1\n", encoding="utf-8")
    before = tree_digest(tmp_path, ("d",))
    os.utime(tmp_path / "d/sub/a.yml", (1, 1))
    assert tree_digest(tmp_path, ("d",)) == before
    (tmp_path / "d/sub/a.yml").write_text("a: 2\n", encoding="utf-8")  # same size
    changed = tree_digest(tmp_path, ("d",))
    assert changed != before
    (tmp_path / "d/sub/a.yml").rename(tmp_path / "d/sub/b.yml")
    assert tree_digest(tmp_path, ("d",)) not in (before, changed)
    (tmp_path / "d/sub/b.yml").rename(tmp_path / "d/sub/a.yml")
    (tmp_path / "d/c.yml").write_text("", encoding="utf-8")
    assert tree_digest(tmp_path, ("d",)) not in (before, changed)


# --- the checked catalogue ----------------------------------------------------------------
def test_unchanged_content_comes_from_the_cache(project, loads):
    first = catalogue_cache.checked_catalogue(_inputs(project))
    second = catalogue_cache.checked_catalogue(_inputs(project))
    assert len(loads) == 1
    assert second is not first
    assert second.worksheets == first.worksheets
    assert second.edition == first.edition
    assert second.source("werkblad", "proef").line_of(("velden", 1, "type")) == 21


@pytest.mark.parametrize("change", ["worksheet", "new worksheet", "page", "edition", "code"])
def test_every_kind_of_input_change_loads_afresh(project, loads, change):
    catalogue_cache.checked_catalogue(_inputs(project))
    if change == "worksheet":
        edit(project / "worksheets/proef.yml", "titel: Proefblad", "titel: Ander blad")
    elif change == "new worksheet":
        text = (project / "worksheets/proef.yml").read_text(encoding="utf-8")
        (project / "worksheets/tweede.yml").write_text(text.replace("id: proef", "id: tweede"),
                                                       encoding="utf-8")
    elif change == "page":
        edit(project / "content/index.md", "# Start", "# Begin")
    elif change == "edition":
        edit(project / EDITION / "editie.yml", "naam:", "naam: Nieuw #")
    else:
        (project / "macros").mkdir()
        (project / "macros/models.py").write_text("# another version\n", encoding="utf-8")
    cat = catalogue_cache.checked_catalogue(_inputs(project))
    assert len(loads) == 2
    if change == "worksheet":
        assert cat.worksheets["proef"].title == "Ander blad"
    if change == "new worksheet":
        assert set(cat.worksheets) == {"proef", "tweede"}


def test_content_with_problems_is_reported_on_every_build(project, loads):
    catalogue_cache.checked_catalogue(_inputs(project))
    edit(project / "worksheets/proef.yml", "versie: 1", "versie: een")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            catalogue_cache.checked_catalogue(_inputs(project))
        assert "worksheets/proef.yml:3 (versie)" in info.value.report()
    assert len(loads) == 3
    edit(project / "worksheets/proef.yml", "versie: een", "versie: 1")
    catalogue_cache.checked_catalogue(_inputs(project))
    assert len(loads) == 3  # the content is as before: the cached catalogue fits it again


def test_a_damaged_cache_file_is_ignored(project, loads):
    catalogue_cache.checked_catalogue(_inputs(project))
    [cached] = (project / catalogue_cache.FOLDER).glob("*.pickle")
    cached.write_bytes(cached.read_bytes()[:200])
    cat = catalogue_cache.checked_catalogue(_inputs(project))
    assert len(loads) == 2 and set(cat.worksheets) == {"proef"}


# --- each page's macro output -------------------------------------------------------------
def _names(*names):
    return lambda markdown: set(names)


def test_page_output_is_reused_for_the_same_page_text_and_inputs(tmp_path):
    file = tmp_path / "pages.pickle"
    cache = PageCache(file, "inputs-1", {"werkblad"})
    assert cache.lookup("a.md", "{{ werkblad('x') }}") is None
    cache.remember("a.md", "<form>x</form>", _names("werkblad"))
    cache.save()

    again = PageCache(file, "inputs-1", {"werkblad"})
    assert again.lookup("a.md", "{{ werkblad('x') }}") == "<form>x</form>"
    assert again.lookup("b.md", "{{ werkblad('x') }}") is None  # another page
    assert again.lookup("a.md", "{{ werkblad('y') }}") is None  # other text
    assert PageCache(file, "inputs-2", {"werkblad"}).lookup("a.md", "{{ werkblad('x') }}") is None


def test_page_naming_anything_but_our_macros_is_rendered_every_time(tmp_path):
    file = tmp_path / "pages.pickle"
    cache = PageCache(file, "inputs", {"werkblad", "editie"})
    cache.lookup("a.md", "{{ page.url }}")
    cache.remember("a.md", "/a/", _names("page"))
    cache.lookup("b.md", "{{ editie.name }} {{ werkblad('x') }}")
    cache.remember("b.md", "Editie <form>", _names("editie", "werkblad"))
    cache.save()
    again = PageCache(file, "inputs", {"werkblad", "editie"})
    assert again.lookup("a.md", "{{ page.url }}") is None
    assert again.lookup("b.md", "{{ editie.name }} {{ werkblad('x') }}") == "Editie <form>"


def test_saved_page_cache_keeps_only_what_the_build_used(tmp_path):
    file = tmp_path / "pages.pickle"
    cache = PageCache(file, "inputs", {"werkblad"})
    for page in ("a.md", "b.md"):
        cache.lookup(page, "{{ werkblad('x') }}")
        cache.remember(page, page, _names("werkblad"))
    cache.save()
    later = PageCache(file, "inputs", {"werkblad"})
    assert later.lookup("a.md", "{{ werkblad('x') }}") == "a.md"
    later.save()
    assert len(pickle.loads(file.read_bytes())) == 1


def test_built_pages_match_with_and_without_the_caches(tmp_path):
    """Two builds of the same project give the same pages; a worksheet edit shows at once;
    a page that reads `page` is not cached."""
    project = make_project(tmp_path / "p", with_site=True)
    (project / "content/over.md").write_text("# Over\n\nAdres: {{ page.url }}\n",
                                             encoding="utf-8")
    off = {"KRACHTWERK_PDF": "uit"}
    pages = ("index.html", "over/index.html")
    first = mkdocs_build(project, tmp_path / "s1", off)
    assert first.returncode == 0, first.stderr
    second = mkdocs_build(project, tmp_path / "s2", off)
    assert second.returncode == 0, second.stderr
    for page in pages:
        assert ((tmp_path / "s2" / page).read_text(encoding="utf-8")
                == (tmp_path / "s1" / page).read_text(encoding="utf-8")), page
    assert "Adres: over/" in (tmp_path / "s2/over/index.html").read_text(encoding="utf-8")
    [cached] = (project / ".cache/pages").glob("*.pickle")
    outputs = pickle.loads(cached.read_bytes()).values()
    assert any("Proefblad" in o for o in outputs) and not any("Adres" in o for o in outputs)

    edit(project / "worksheets/proef.yml", "label: Wat wil je?", "label: Wat wens je?")
    third = mkdocs_build(project, tmp_path / "s3", off)
    assert third.returncode == 0, third.stderr
    html = (tmp_path / "s3/index.html").read_text(encoding="utf-8")
    assert "Wat wens je?" in html and "Wat wil je?" not in html


# --- the print plan ------------------------------------------------------------------------
def test_pdfs_of_unchanged_inputs_are_published_without_making_print_html(tmp_path,
                                                                          monkeypatch):
    from macros.load import load_catalogue
    from macros.print import publish
    from macros.print.book import RenderedPage

    project = make_project(tmp_path / "p", with_site=True)
    cat = load_catalogue(project)
    marker = '<div data-kw-downloads></div>'
    downloads = RenderedPage("downloads.md", "downloads/", "Downloads", marker)

    def build(name: str, inputs_key: str = "inputs", page: RenderedPage = downloads):
        site = tmp_path / name
        (site / "downloads").mkdir(parents=True)
        (site / "downloads/index.html").write_text(marker, encoding="utf-8")
        pdfs = publish.start(cat, inputs_key, {page.src: page}, None, {}, workers=1)
        results = pdfs.finish(site, report=lambda line: None)
        listing = (site / "downloads/index.html").read_text(encoding="utf-8")
        return {r.output: (tmp_path / name / r.output).read_bytes() for r in results}, listing

    first = build("s1")
    assert len(first[0]) == 3 and "proef-invulbaar.pdf" in first[1]
    made = []
    real = publish.site_pdf_jobs
    monkeypatch.setattr(publish, "site_pdf_jobs",
                        lambda *args, **kw: made.append(1) or real(*args, **kw))
    assert build("s2") == first
    assert made == []

    build("s3", inputs_key="other inputs")
    assert len(made) == 1
    build("s4", page=RenderedPage("downloads.md", "downloads/", "Downloads", marker + "<p>"))
    assert len(made) == 2
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")  # another month: new PDFs
    pdfs, _ = build("s5")
    assert len(made) == 3 and pdfs != first[0]
    assert build("s6")[0] == pdfs and len(made) == 3
    [cached] = [p for p in (project / ".cache/pdf").glob("*.pdf")
                if p.read_bytes() == pdfs["pdf/werkbladen/proef-leeg.pdf"]]
    cached.unlink()
    assert build("s7")[0] == pdfs and len(made) == 4


def test_cached_page_follows_the_url_style_of_the_command_line(tmp_path):
    """`--no-directory-urls` changes every link a macro writes, without any file changing."""
    import os
    import subprocess
    import sys

    project = make_project(tmp_path / "p", with_site=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KRACHTWERK_PDF": "uit"}
    for name, options in (("dirs", []), ("files", ["--no-directory-urls"])):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir",
                        str(tmp_path / name), *options], cwd=project, env=env, check=True,
                       capture_output=True)
    assert 'href="privacy/"' in (tmp_path / "dirs/index.html").read_text(encoding="utf-8")
    assert 'href="privacy.html"' in (tmp_path / "files/index.html").read_text(encoding="utf-8")


def test_naming_the_config_file_or_not_shares_the_caches(tmp_path):
    """`mkdocs build` and `mkdocs build -f mkdocs.yml` are the same build: the second one
    rewrites neither the page cache nor the print plan."""
    import os
    import subprocess
    import sys

    project = make_project(tmp_path / "p", with_site=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    written = []
    for options in ([], ["-f", "mkdocs.yml"], []):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=project,
                       env=env, check=True, capture_output=True)
        files = [*(project / ".cache/pages").glob("*.pickle"),
                 *(project / ".cache/pdf").glob("plan-*")]
        written.append([f.stat().st_mtime_ns for f in sorted(files)])
    assert len(written[0]) == 2
    assert written[0] == written[1] == written[2]
