"""The weight of page tags in Material's search index.

Material boosts a match in a page's tags a thousand times above a match in its title, so a
query like "sociale kwaliteit" lists every page tagged "sociale wijkteams" before the page
titled "Sociale kwaliteit". Tags here name a werkveld or a doelgroep a page is for: a good
hint, not a better answer than the page about the words typed. They weigh like a title.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"


def weigh_tags_like_titles(site_dir: Path) -> None:
    path = site_dir / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    fields = index.get("config", {}).get("fields", {})
    if "tags" in fields and "title" in fields:
        fields["tags"]["boost"] = fields["title"]["boost"]
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
