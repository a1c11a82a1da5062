"""Pages kept from the last build (site/page_cache.py): a build that takes most pages from the
cache makes the site a build from nothing makes, byte for byte, also after a worksheet edit
(the pages that read it are rendered again); a tampered entry is not used."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.build.page_inputs import PageInputs
from macros.site.page_cache import PageCache
from tiny_project import edit, real_project_copy


def _build(project: Path, site: Path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return config.plugins["krachtwerk"].pages


def _differences(one: Path, other: Path) -> list[str]:
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()
                   and p.suffix in (".html", ".json", ".xml"))
    assert names == sorted(p.relative_to(other).as_posix() for p in other.rglob("*")
                           if p.is_file() and p.suffix in (".html", ".json", ".xml"))
    return [n for n in names if (one / n).read_bytes() != (other / n).read_bytes()]


@pytest.mark.build
def test_kept_pages_make_the_site_a_full_render_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("KRACHTWERK_PDF", "uit")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = real_project_copy(tmp_path / "p")
    cold = _build(project, tmp_path / "cold")
    assert cold.kept == 0
    warm = _build(project, tmp_path / "warm")
    assert warm.kept >= 120  # every page but the tag list
    assert _differences(tmp_path / "cold", tmp_path / "warm") == []

    # a worksheet's help text: the pages that read that worksheet are rendered again
    edit(project / "worksheets/weekplan.yml", "Kijk in je actieplan ",
         "Kijk eerst in je actieplan ")
    edited = _build(project, tmp_path / "edited")
    # of the pages that read weekplan, only those whose macros now make another text
    assert warm.kept - 3 <= edited.kept < warm.kept, (warm.kept, edited.kept)
    assert "waaier/weekplan.md" not in edited.hits
    shutil.rmtree(project / ".cache")
    fresh = _build(project, tmp_path / "fresh")
    assert fresh.kept == 0
    assert _differences(tmp_path / "edited", tmp_path / "fresh") == []
    assert "Kijk eerst in je actieplan" in (tmp_path / "edited/waaier/weekplan/index.html"
                                            ).read_text(encoding="utf-8")


def _page(src: str = "a.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), url="a/", meta={},
                           toc=[], _title_from_render="A", present_anchor_ids={"kop"},
                           links_to_anchors={})


def _inputs(base: str = "b", items=None) -> PageInputs:
    inputs = PageInputs.__new__(PageInputs)
    inputs.base, inputs.items = base, items or {("werkblad", "weekplan"): "1"}
    inputs.kinds = {"werkblad": "alle"}
    return inputs


def test_an_entry_is_used_only_for_the_same_inputs_and_with_its_seal(tmp_path):
    cache = PageCache(tmp_path, _inputs(), key_bytes=b"k" * 32)
    assert not cache.look_up(_page(), "# A\n")
    cache.store(_page(), "<h1>A</h1>", {("werkblad", "weekplan")}, {}, [])
    assert PageCache(tmp_path, _inputs(), key_bytes=b"k" * 32).look_up(_page(), "# A\n")
    # another text, another read item, other code: rendered again
    assert not PageCache(tmp_path, _inputs(), key_bytes=b"k" * 32).look_up(_page(), "# B\n")
    changed = _inputs(items={("werkblad", "weekplan"): "2"})
    assert not PageCache(tmp_path, changed, key_bytes=b"k" * 32).look_up(_page(), "# A\n")
    assert not PageCache(tmp_path, _inputs("c"), key_bytes=b"k" * 32).look_up(_page(), "# A\n")
    # another key (someone else's cache), or HTML planted in the entry: not used
    assert not PageCache(tmp_path, _inputs(), key_bytes=b"x" * 32).look_up(_page(), "# A\n")
    [path] = tmp_path.glob("*.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    record["entry"]["html"] = "<script>alert(1)</script>"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert not PageCache(tmp_path, _inputs(), key_bytes=b"k" * 32).look_up(_page(), "# A\n")


def test_a_page_with_a_tag_listing_is_not_kept(tmp_path):
    cache = PageCache(tmp_path, _inputs(), key_bytes=b"k" * 32)
    cache.look_up(_page(), "# Trefwoorden\n\n<!-- material/tags -->\n")
    cache.store(_page(), "<h1>T</h1>", set(), {}, [])
    assert list(tmp_path.glob("*.json")) == []


def test_a_cache_folder_that_cannot_be_written_only_costs_the_render(tmp_path):
    (tmp_path / "c").write_text("geen map", encoding="utf-8")
    cache = PageCache(tmp_path / "c" / "paginas", _inputs(), key_bytes=b"k" * 32)
    assert not cache.look_up(_page(), "# A\n")
    cache.store(_page(), "<h1>A</h1>", set(), {}, [])  # no exception: the build goes on
    assert not PageCache(tmp_path / "c" / "paginas", _inputs(),
                         key_bytes=b"k" * 32).look_up(_page(), "# A\n")
