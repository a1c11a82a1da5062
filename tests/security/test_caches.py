"""Rule 5: nothing in .cache can run code or put a wrong PDF in the site; a read-only cache
makes a slower build that says so; two builds in one folder never run at once."""
from __future__ import annotations

import errno
import json
import threading
import time

import pytest

from helpers import build, make_project

from macros.build.lock import BuildBusy, BuildLock
from macros.print import cache as cache_module
from macros.print import rendering
from macros.print.cache import Cache
from macros.print.pdf import PdfJob
from macros.print.render import Document
from fake_render import GOOD, fake_render  # noqa: F401 (a fixture)


def job(base, name="a") -> PdfJob:
    html = f"<html><body><p>Blad {name}</p></body></html>"
    return PdfJob(f"pdf/{name}.pdf", Document(name, html, base.as_uri() + "/", ()), "t", name,
                  "leeg")


def cached_once(tmp_path):
    cache = Cache(tmp_path / "c")
    rendering.Rendering([job(tmp_path)], cache, workers=1).finish(tmp_path / "s0", report=print)
    return cache.path(cache.key(job(tmp_path).document))


def test_templates_are_not_loaded_from_a_bytecode_cache(tmp_path):
    """Jinja's bytecode cache unmarshals code from .cache/jinja: a crafted file would run."""
    from macros.web.templates import template_environment
    assert template_environment().bytecode_cache is None
    import inspect
    from macros.site import plugin
    assert "bytecode_cache" not in inspect.getsource(plugin)


@pytest.mark.parametrize("damage", ["truncate", "replace", "empty", "garbage-index"])
def test_a_damaged_cached_pdf_is_rendered_again(tmp_path, fake_render, damage):
    path = cached_once(tmp_path)
    assert len(fake_render) == 1
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:20])
    elif damage == "replace":
        path.write_bytes(b"%PDF-1.7\n% evil\n" + b"y" * (len(GOOD) - 16))  # same size
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        (tmp_path / "c/index.json").write_text('{"pdf/a.pdf": "old-style"}', encoding="utf-8")
    [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "s1", report=print)
    assert len(fake_render) == 2 and result.seconds is not None
    assert (tmp_path / "s1/pdf/a.pdf").read_bytes() == GOOD


def test_publishing_into_a_used_site_folder_never_writes_into_the_cache(tmp_path, fake_render):
    """The site's PDF may be a hard link to the cached one (rendering.py _publish): a later
    build writing that name (a --dirty build, a read-only cache) replaces it, the cached PDF
    stays as it was."""
    path = cached_once(tmp_path)
    published = tmp_path / "s0/pdf/a.pdf"
    rendering._publish_bytes(b"%PDF-1.7\n% another build\n", tmp_path / "s0", "pdf/a.pdf")
    assert path.read_bytes() == GOOD and published.read_bytes() != GOOD
    rendering._publish(path, tmp_path / "s0", "pdf/a.pdf")
    rendering._publish(path, tmp_path / "s0", "pdf/a.pdf")  # again over its own link
    assert path.read_bytes() == GOOD == published.read_bytes()


def test_a_cached_pdf_changed_through_the_site_is_rendered_again(tmp_path, fake_render):
    cached_once(tmp_path)
    with open(tmp_path / "s0/pdf/a.pdf", "r+b") as site_copy:  # written in place
        site_copy.write(b"%PDF-1.7\n% edited in the site\n")
    [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "s1", report=print)
    assert result.seconds is not None and (tmp_path / "s1/pdf/a.pdf").read_bytes() == GOOD


def test_an_intact_cached_pdf_is_reused(tmp_path, fake_render):
    cached_once(tmp_path)
    [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "s1", report=print)
    assert len(fake_render) == 1 and result.seconds is None
    index = json.loads((tmp_path / "c/index.json").read_text(encoding="utf-8"))
    assert index["pdf/a.pdf"]["size"] == len(GOOD) and len(index["pdf/a.pdf"]["sha256"]) == 64


def test_a_read_only_cache_publishes_the_pdfs_and_says_so(tmp_path, fake_render, monkeypatch):
    def refuse(path, data):
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(cache_module, "write_atomically", refuse)
    lines = []
    [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "s", report=lines.append)
    assert (tmp_path / "s/pdf/a.pdf").read_bytes() == GOOD and result.size == len(GOOD)
    assert any("is niet te schrijven" in line and "trager" in line for line in lines), lines


def test_fonts_fall_back_to_woff2_when_the_cache_is_read_only(tmp_path, monkeypatch):
    from macros.print.cache import decompressed_fonts
    from helpers import ROOT_DIR
    def refuse(path, data):
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(cache_module, "write_atomically", refuse)
    [font] = sorted((ROOT_DIR / "content/assets/fonts").glob("*.woff2"))[:1]
    assert decompressed_fonts([font], tmp_path / "c") == [font]


def test_a_second_build_lock_waits_then_stops(tmp_path):
    first, second = BuildLock(tmp_path), BuildLock(tmp_path)
    first.acquire(0)
    lines = []
    start = time.monotonic()
    with pytest.raises(BuildBusy, match="Er draait al een bouw in"):
        second.acquire(0.5, report=lines.append)
    assert time.monotonic() - start >= 0.5 and lines
    threading.Timer(0.3, first.release).start()
    second.acquire(5, report=lines.append)  # waits for the first, then builds
    second.release()


@pytest.mark.build
def test_a_build_next_to_a_running_one_stops_without_touching_the_site(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    code, output = build(project, tmp_path / "site")
    assert code == 0, output
    marker = tmp_path / "site/index.html"
    before = marker.read_bytes()
    holder = BuildLock(project)
    holder.acquire(0)
    try:
        from conftest import mkdocs_build
        result = mkdocs_build(project, tmp_path / "site",
                              env={"KRACHTWERK_PDF": "uit", "KRACHTWERK_WACHTTIJD": "1"})
    finally:
        holder.release()
    assert result.returncode != 0
    assert "Er draait al een bouw in" in result.stdout + result.stderr
    assert marker.read_bytes() == before  # the first build's site is whole


@pytest.mark.build
def test_a_read_only_cache_folder_still_builds(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    (project / ".cache").write_text("geen map", encoding="utf-8")  # cannot hold anything
    code, output = build(project, tmp_path / "site", pdfs=True)
    assert code == 0, output
    assert (tmp_path / "site/pdf/werkbladen/proef-leeg.pdf").read_bytes().startswith(b"%PDF")
    assert "is niet te schrijven" in output


def test_a_forged_index_entry_does_not_publish_a_planted_pdf(tmp_path, fake_render):
    """Whoever can write .cache/ can write a PDF and an index record whose size and sha256
    match it; without the user's key (print/seal.py) the record does not verify."""
    import hashlib
    path = cached_once(tmp_path)
    evil = b"%PDF-1.7\n% planted\n" + b"z" * 300
    path.write_bytes(evil)
    index_file = tmp_path / "c/index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    record = index["pdf/a.pdf"]
    record.update(size=len(evil), sha256=hashlib.sha256(evil).hexdigest())
    for forged_seal in (None, "0" * 64, record["seal"]):  # none, made up, the old one
        if forged_seal is None:
            record.pop("seal", None)
        else:
            record["seal"] = forged_seal
        index_file.write_text(json.dumps(index), encoding="utf-8")
        [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
            tmp_path / "s1", report=print)
        assert result.seconds is not None
        assert (tmp_path / "s1/pdf/a.pdf").read_bytes() == GOOD
        path.write_bytes(evil)


@pytest.mark.parametrize("planted", ["other text", "two members", "a file name", "garbage"])
def test_a_planted_gzip_copy_is_made_again(tmp_path, planted):
    """The site's .gz files come from .cache/gzip when they hold exactly the file: a copy
    someone put there with other text (or more than the text) is not served."""
    import gzip
    from macros.site.compress import precompress
    site, cache = tmp_path / "site", tmp_path / "cache"
    page = site / "index.html"
    page.parent.mkdir(parents=True)
    text = "<p>hulpbronnen</p>\n" * 200
    page.write_text(text, encoding="utf-8")
    precompress(site, cache)
    good = (site / "index.html.gz").read_bytes()
    [kept] = cache.rglob("*.gz")
    kept.write_bytes({
        "other text": gzip.compress(b"<script>evil()</script>" * 50, 9, mtime=0),
        "two members": good + gzip.compress(b"<script>evil()</script>", 9, mtime=0),
        "a file name": _named_gzip(text.encode()),
        "garbage": good[:10] + b"\0" * 40}[planted])
    precompress(site, cache)
    assert (site / "index.html.gz").read_bytes() == good
    assert kept.read_bytes() == good


def _named_gzip(data: bytes) -> bytes:
    import gzip
    import io
    out = io.BytesIO()
    with gzip.GzipFile(filename="evil.html", mode="wb", fileobj=out, mtime=0) as packed:
        packed.write(data)
    return out.getvalue()


def test_a_planted_font_in_the_cache_is_converted_again(tmp_path):
    from macros.print.cache import decompressed_fonts
    from macros.print import seal
    from helpers import ROOT_DIR
    [font] = sorted((ROOT_DIR / "content/assets/fonts").glob("*.woff2"))[:1]
    [ttf] = decompressed_fonts([font], tmp_path / "c")
    good = ttf.read_bytes()
    ttf.write_bytes(b"\x00\x01\x00\x00 other glyphs")
    other_key = b"k" * 32  # a seal made with somebody else's key
    import hashlib
    ttf.with_name(ttf.name + ".seal").write_text(seal.seal(
        other_key, hashlib.sha256(font.read_bytes()).hexdigest(),
        hashlib.sha256(ttf.read_bytes()).hexdigest()), encoding="ascii")
    assert decompressed_fonts([font], tmp_path / "c") == [ttf]
    assert ttf.read_bytes() == good


def test_without_a_storable_key_the_build_renders_and_says_why(tmp_path, fake_render,
                                                               monkeypatch):
    from macros.print import seal
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setattr(seal, "KEY_FILE", blocked / "krachtwerk" / "cache-sleutel")
    lines = []
    [result] = rendering.Rendering([job(tmp_path)], Cache(tmp_path / "c"), workers=1).finish(
        tmp_path / "s", report=lines.append)
    assert result.seconds is not None and (tmp_path / "s/pdf/a.pdf").read_bytes() == GOOD
    assert any("sleutel van de PDF-cache" in line for line in lines), lines


def test_layout_facts_count_only_when_sealed_and_well_formed(tmp_path):
    """A book part's facts (pages, anchors, bookmark titles) go into other parts' page
    numbers and the joined book's outline: a planted or altered facts file is ignored, so the
    part is rendered again."""
    cache = Cache(tmp_path / "pdf", key=b"k" * 32)
    facts = {"pages": 2, "anchors": {"h-een": 0}, "bookmarks": [[0, 1, "Een"]]}
    assert cache.store("abc", GOOD, facts)
    assert cache.facts("abc") == facts
    stored = json.loads(cache.facts_path("abc").read_text())
    stored["feiten"]["bookmarks"][0][2] = "Iets anders"  # altered, the seal no longer fits
    cache.facts_path("abc").write_text(json.dumps(stored))
    assert cache.facts("abc") is None
    cache.facts_path("abc").write_text(json.dumps(facts))  # planted without a seal
    assert cache.facts("abc") is None
    other = Cache(tmp_path / "pdf", key=b"j" * 32)  # another user's key
    assert other.store("def", GOOD, facts) and cache.facts("def") is None
    bad = {"pages": "2", "anchors": {}, "bookmarks": []}
    assert cache.store("ghi", GOOD, bad) and cache.facts("ghi") is None


def test_a_remembered_page_number_that_is_no_number_is_ignored(tmp_path):
    from macros.print import book_parts

    cache = Cache(tmp_path / "pdf", key=b"k" * 32)
    book_parts.memory_path(cache).parent.mkdir(parents=True, exist_ok=True)
    book_parts.memory_path(cache).write_text(json.dumps({
        "naam:h-een": {"pages": "veel", "anchors": {}, "bookmarks": []},
        "naam:h-twee": {"pages": 3, "anchors": {"h-twee": 0}, "bookmarks": []}}))
    assert list(book_parts.read_memory(cache)) == ["naam:h-twee"]
