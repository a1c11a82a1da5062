"""Material's search index, adjusted after the search plugin wrote it.

- Tags weigh like titles. Material boosts a match in a page's tags a thousand times above a
  match in its title, so "sociale kwaliteit" listed every page tagged "sociale wijkteams"
  before the page titled "Sociale kwaliteit". Tags name a werkveld or doelgroep a page is for:
  a good hint, not a better answer than the page about the words typed.
- A page's address counts as its name: a worksheet is found by its id ("hulpbronnenkaart")
  as well as by its title ("Mijn hulpbronnen en netwerk"). Field `adres`, weighed like a title.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

INDEX = "search/search_index.json"
ADDRESS = "adres"


def adjust_index(site_dir: Path, mend: Callable[[list[dict]], list[dict]] | None = None
                 ) -> None:
    """mend: what a serve rebuild of some pages does to the entries first (site/incremental.py:
    the other pages' entries back in), so that the index is read and written once."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if mend is not None:
        index["docs"] = mend(index.get("docs", []))
    fields = index.get("config", {}).get("fields", {})
    if "title" not in fields:
        return
    if "tags" in fields:
        fields["tags"]["boost"] = fields["title"]["boost"]
    fields[ADDRESS] = {"boost": fields["title"]["boost"]}
    for doc in index.get("docs", []):
        if "#" not in doc["location"] and doc["location"].strip("/"):
            doc[ADDRESS] = doc["location"].strip("/").rsplit("/", 1)[-1].replace("-", " ")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")

