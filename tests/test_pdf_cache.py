"""The PDF cache (macros/print/cache.py): what its key depends on, that a cached job is not
rendered again, and which cached PDFs a build evicts. Small HTML documents, no site build;
only the tests that really render a PDF are marked `build`."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.print import cache as cache_module
from macros.print import pdf, rendering
from macros.print.cache import Cache
from macros.print.pdf import PdfJob
from macros.print.render import FONTS_DIR, Document, PrintRenderer
from macros.print.rendering import Rendering
from tiny_project import make_project

CACHED = b"%PDF-1.7\n% from the cache, never rendered\n"


def document(base: Path, name: str = "a", text: str | None = None,
             inputs: tuple[Path, ...] = (), labels: tuple = ()) -> Document:
    html = (f'<html lang="nl"><head><title>{name}</title></head>'
            f'<body><p>{text or f"Blad {name}"}</p></body></html>')
    return Document(name, html, base.as_uri() + "/", inputs, labels)


def job(base: Path, name: str, **kw) -> PdfJob:
    return PdfJob(f"pdf/{name}.pdf", document(base, name, **kw), "test", name, "leeg")


def quiet(line: str) -> None:
    pass


@pytest.fixture
def no_rendering(monkeypatch):
    """Fail the test if any job is rendered (in this process: one worker)."""
    def render(*args):
        raise AssertionError("rendered a job that was in the cache")
    monkeypatch.setattr(rendering, "render", render)


# --- the key --------------------------------------------------------------------------
def test_the_same_job_has_the_same_key_in_a_later_build(tmp_path):
    font, logo = tmp_path / "font.ttf", tmp_path / "logo.png"
    font.write_bytes(b"font")
    logo.write_bytes(b"logo")
    first = Cache(tmp_path / "c").key(document(tmp_path, inputs=(font, logo)))
    later = Cache(tmp_path / "c").key(document(tmp_path, inputs=(logo, font, logo)))
    assert first == later  # a new Cache per build; order and repeats of inputs do not matter


def test_key_changes_with_the_html_and_the_field_labels(tmp_path):
    cache = Cache(tmp_path / "c")
    plain = cache.key(document(tmp_path))
    assert cache.key(document(tmp_path, text="Blad a, nu anders")) != plain
    assert cache.key(document(tmp_path, labels=(("doel", "Wat wil je?"),))) != plain


def test_key_changes_when_a_loaded_file_changes(tmp_path):
    font = tmp_path / "font.ttf"
    font.write_bytes(b"font, version 1")
    doc = document(tmp_path, inputs=(font,))
    before = Cache(tmp_path / "c").key(doc)
    font.write_bytes(b"font, version 2")
    assert Cache(tmp_path / "c").key(doc) != before
    font.write_bytes(b"font, version 1")
    assert Cache(tmp_path / "c").key(doc) == before  # the bytes count, not the file's date


def test_key_changes_when_the_code_that_renders_changes(tmp_path, monkeypatch):
    doc = document(tmp_path)
    before = Cache(tmp_path / "c").key(doc)
    edited = tmp_path / "pdf.py"
    shutil.copy(pdf.__file__, edited)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a changed finisher\n",
                      encoding="utf-8")
    monkeypatch.setattr(pdf, "__file__", str(edited))
    assert Cache(tmp_path / "c").key(doc) != before


def test_key_changes_with_the_weasyprint_version(tmp_path, monkeypatch):
    doc = document(tmp_path)
    before = Cache(tmp_path / "c").key(doc)
    monkeypatch.setattr(cache_module, "version", lambda name: "999.0")
    assert Cache(tmp_path / "c").key(doc) != before


# --- hits -----------------------------------------------------------------------------
def test_a_cached_job_is_published_from_the_cache_without_rendering(tmp_path, no_rendering):
    cache = Cache(tmp_path / "c")
    key = cache.key(job(tmp_path, "a").document)
    cache.store(key, CACHED)
    cache.forget_replaced({"pdf/a.pdf": key})  # the index records its size and sha256
    lines = []
    build = Rendering([job(tmp_path, "a")], Cache(tmp_path / "c"), workers=1)
    assert build.todo == []
    [result] = build.finish(tmp_path / "site", report=lines.append)
    assert (tmp_path / "site/pdf/a.pdf").read_bytes() == CACHED
    assert result.seconds is None and lines == ["PDF 1/1 a.pdf (cache)"]


@pytest.mark.build
def test_an_unchanged_job_is_rendered_once(tmp_path, monkeypatch):
    [first] = Rendering([job(tmp_path, "a")], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "site-1", report=quiet)
    assert first.pages == 1 and first.seconds is not None
    monkeypatch.setattr(rendering, "render", lambda *a: pytest.fail("rendered again"))
    [again] = Rendering([job(tmp_path, "a")], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "site-2", report=quiet)
    assert again.seconds is None
    assert "Blad a" in PdfReader(tmp_path / "site-2/pdf/a.pdf").pages[0].extract_text()


# --- eviction -------------------------------------------------------------------------
def cached(cache: Cache) -> set[str]:
    return {p.stem for p in cache.folder.glob("*.pdf")}


def test_a_changed_output_evicts_its_old_pdf(tmp_path):
    cache = Cache(tmp_path / "c", index="index-default.json")
    for key in ("k1", "k2", "k3"):
        cache.store(key, CACHED)
    cache.forget_replaced({"pdf/x.pdf": "k1", "pdf/y.pdf": "k2"})
    cache.forget_replaced({"pdf/x.pdf": "k3", "pdf/y.pdf": "k2"})
    assert cached(cache) == {"k2", "k3"}


def test_a_deleted_worksheet_has_its_cached_pdfs_evicted(tmp_path, no_rendering):
    cache = Cache(tmp_path / "c", index="index-default.json")
    jobs = [job(tmp_path, name) for name in ("blijft", "weg")]
    keys = {j.output: cache.key(j.document) for j in jobs}
    for key in keys.values():
        cache.store(key, CACHED)
    Rendering(jobs, cache, workers=1).finish(tmp_path / "site-1", report=quiet)
    assert cached(cache) == set(keys.values())
    Rendering(jobs[:1], Cache(tmp_path / "c", index="index-default.json"),
              workers=1).finish(tmp_path / "site-2", report=quiet)
    assert cached(cache) == {keys["pdf/blijft.pdf"]}
    index = json.loads((tmp_path / "c/index-default.json").read_text(encoding="utf-8"))
    assert {out: rec["key"] for out, rec in index.items()} == {
        "pdf/blijft.pdf": keys["pdf/blijft.pdf"]}
    assert index["pdf/blijft.pdf"]["size"] == len(CACHED)


def test_a_pdf_two_outputs_share_stays_while_one_still_uses_it(tmp_path):
    cache = Cache(tmp_path / "c", index="index-default.json")
    cache.store("same", CACHED)
    cache.forget_replaced({"pdf/a.pdf": "same", "pdf/b.pdf": "same"})
    cache.forget_replaced({"pdf/b.pdf": "same"})
    assert cached(cache) == {"same"}


def test_a_pdf_another_editions_index_uses_is_never_evicted(tmp_path):
    default = Cache(tmp_path / "c", index="index-default.json")
    voorbeeld = Cache(tmp_path / "c", index="index-voorbeeld.json")
    for key in ("shared", "own"):
        default.store(key, CACHED)
    default.forget_replaced({"pdf/actieplan.pdf": "shared", "pdf/training.pdf": "own"})
    voorbeeld.forget_replaced({"pdf/actieplan.pdf": "shared"})
    default.forget_replaced({})  # every output of the default edition gone
    assert cached(default) == {"shared"}  # voorbeeld still uses it; "own" nobody does
    voorbeeld.forget_replaced({})
    assert cached(default) == set()


def test_a_superseded_build_leaves_the_cache_and_its_index_alone(tmp_path, no_rendering):
    cache = Cache(tmp_path / "c", index="index-default.json")
    old = job(tmp_path, "oud")
    cache.store(cache.key(old.document), CACHED)
    cache.forget_replaced({old.output: cache.key(old.document)})
    new = job(tmp_path, "nieuw")
    cache.store(cache.key(new.document), CACHED)
    build = Rendering([new], cache, workers=1)
    build.superseded.set()  # a newer serve rebuild owns the site: it decides what to keep
    build.finish(tmp_path / "site", report=quiet)
    assert cache.key(old.document) in cached(cache)
    assert not (tmp_path / "site").exists()


def test_an_unreadable_index_is_replaced_without_evicting_anything(tmp_path):
    cache = Cache(tmp_path / "c", index="index-default.json")
    cache.store("k1", CACHED)
    (tmp_path / "c/index-default.json").write_text("{half", encoding="utf-8")
    (tmp_path / "c/index-voorbeeld.json").write_text("[]", encoding="utf-8")
    cache.forget_replaced({"pdf/x.pdf": "k1"})
    assert cached(cache) == {"k1"}
    index = json.loads((tmp_path / "c/index-default.json").read_text(encoding="utf-8"))
    assert index["pdf/x.pdf"]["key"] == "k1"


# --- what the print HTML puts in the key ----------------------------------------------------
def test_a_moved_project_keeps_its_keys(tmp_path):
    """The print HTML names project files relative to the project: a checkout in another
    folder (a colleague's, CI's) hits the same cache."""
    keys = []
    for place in ("hier", "daar/dieper"):
        project = make_project(tmp_path / place)
        shutil.copytree(ROOT / FONTS_DIR, project / FONTS_DIR)
        cat = load_catalogue(project)
        renderer = PrintRenderer(cat, date=dt.date(2026, 3, 1))
        docs = [renderer.worksheet_document(cat.worksheets["proef"], fillable)
                for fillable in (False, True)] + [renderer.waaier_document()]
        assert all(doc.inputs for doc in docs)  # the fonts
        keys.append([Cache(tmp_path / "c").key(doc) for doc in docs])
    assert keys[0] == keys[1]


def test_a_new_day_in_the_same_month_keeps_the_keys(tmp_path):
    """Covers show month and year only, so a daily build does not render the books again."""
    cat = load_catalogue(ROOT)
    cache = Cache(tmp_path / "c")

    def key(day: dt.date) -> str:
        return cache.key(PrintRenderer(cat, date=day).waaier_document())

    assert key(dt.date(2026, 3, 1)) == key(dt.date(2026, 3, 31)) != key(dt.date(2026, 4, 1))
