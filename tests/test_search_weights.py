"""The search index weighs a page's tags like its title (macros/site/search.py)."""
from __future__ import annotations

import json

from macros.site.search import INDEX, weigh_tags_like_titles


def test_tags_weigh_like_titles_and_the_documents_stay(tmp_path):
    index = {"config": {"lang": ["nl"], "fields": {"title": {"boost": 1000.0},
                                                   "text": {"boost": 1.0},
                                                   "tags": {"boost": 1000000.0}}},
             "docs": [{"location": "a/", "title": "Sociale kwaliteit", "text": "<p>ë</p>"}]}
    path = tmp_path / INDEX
    path.parent.mkdir()
    path.write_text(json.dumps(index), encoding="utf-8")
    weigh_tags_like_titles(tmp_path)
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["config"]["fields"]["tags"]["boost"] == 1000.0
    assert after["config"]["fields"]["text"]["boost"] == 1.0
    assert after["docs"] == index["docs"]


def test_a_site_without_search_is_left_alone(tmp_path):
    weigh_tags_like_titles(tmp_path)
    assert not (tmp_path / "search").exists()
