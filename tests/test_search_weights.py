"""The search index weighs a page's tags like its title and knows its address (macros/site/search.py)."""
from __future__ import annotations

import json

from macros.site.search import ADDRESS, INDEX, adjust_index


def test_tags_weigh_like_titles_and_the_documents_stay(tmp_path):
    index = {"config": {"lang": ["nl"], "fields": {"title": {"boost": 1000.0},
                                                   "text": {"boost": 1.0},
                                                   "tags": {"boost": 1000000.0}}},
             "docs": [{"location": "a/", "title": "Sociale kwaliteit", "text": "<p>ë</p>"}]}
    path = tmp_path / INDEX
    path.parent.mkdir()
    path.write_text(json.dumps(index), encoding="utf-8")
    adjust_index(tmp_path)
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["config"]["fields"]["tags"]["boost"] == 1000.0
    assert after["config"]["fields"]["text"]["boost"] == 1.0
    assert after["docs"][0]["text"] == index["docs"][0]["text"]


def test_a_worksheet_is_found_by_its_id_weighed_like_a_title(tmp_path):
    index = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "waaier/hulpbronnenkaart/", "title": "Mijn netwerk", "text": ""},
                      {"location": "waaier/hulpbronnenkaart/#stap", "title": "Stap", "text": ""},
                      {"location": "", "title": "Home", "text": ""}]}
    path = tmp_path / INDEX
    path.parent.mkdir()
    path.write_text(json.dumps(index), encoding="utf-8")
    adjust_index(tmp_path)
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["config"]["fields"][ADDRESS] == {"boost": 1000.0}
    assert [d.get(ADDRESS) for d in after["docs"]] == ["hulpbronnenkaart", None, None]


def test_a_site_without_search_is_left_alone(tmp_path):
    adjust_index(tmp_path)
    assert not (tmp_path / "search").exists()
