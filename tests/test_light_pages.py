"""Precompressed copies (macros/site/compress.py) and the placeholder root for instant
navigation (macros/site/instant.py, content/assets/js/sitemap-base.js)."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from macros.site import instant
from macros.site.compress import precompress

ROOT = Path(__file__).resolve().parents[1]


def test_text_files_get_a_gzip_copy_with_the_same_bytes_inside(tmp_path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>hulpbronnen</p>\n" * 200, encoding="utf-8")
    (tmp_path / "tiny.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"\0" * 4000)
    assert precompress(tmp_path) == 1
    assert gzip.decompress((tmp_path / "a/index.html.gz").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "tiny.css.gz").exists()
    assert not (tmp_path / "font.woff2.gz").exists()
    first = (tmp_path / "a/index.html.gz").read_bytes()
    precompress(tmp_path)
    assert (tmp_path / "a/index.html.gz").read_bytes() == first  # no time in the header


def test_an_unchanged_file_is_not_compressed_again(tmp_path, monkeypatch):
    from macros.site import compress
    site, cache = tmp_path / "site", tmp_path / "cache"
    page = site / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>hulpbronnen</p>\n" * 200, encoding="utf-8")
    assert precompress(site, cache) == 1
    first = (site / "a/index.html.gz").read_bytes()
    (site / "a/index.html.gz").unlink()  # a new build cleans the site folder
    real = compress.gzip.compress
    monkeypatch.setattr(compress.gzip, "compress", lambda *a, **k: pytest.fail("compressed"))
    assert precompress(site, cache) == 1
    assert (site / "a/index.html.gz").read_bytes() == first
    page.write_text("<p>hulpbronnen, nu anders</p>\n" * 200, encoding="utf-8")
    monkeypatch.setattr(compress.gzip, "compress", real)
    assert precompress(site, cache) == 1
    assert gzip.decompress((site / "a/index.html.gz").read_bytes()) == page.read_bytes()
    assert len(list(cache.rglob("*.gz"))) == 1  # the old page's copy is gone


def test_the_script_rewrites_the_placeholder_the_build_writes():
    script = (ROOT / "content" / instant.SCRIPT).read_text(encoding="utf-8")
    assert f'var PLACEHOLDER = "{instant.PLACEHOLDER}";' in script
    assert instant.PLACEHOLDER.startswith("https://") and ".invalid/" in instant.PLACEHOLDER
