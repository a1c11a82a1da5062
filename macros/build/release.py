"""This build as a release (issue #23): its manifest (model/manifest.py), the release it is
compared with, and the page "Wat is er veranderd" (web/changes.py). A worksheet whose
controls changed since that release under the same version stops the build."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ..model.catalogue import Catalogue
from ..model.changes import Changes, compare
from ..model.check import CONTENT
from ..model.limits import outside, read_source
from ..model.manifest import baseline_file, build_manifest, read_manifest, version_problems
from ..model.problems import ContentError, Problem
from ..web.changes import CHANGES_PAGE, MANIFEST_FILE, changes_page
from ..web.edition import extra_page_uri


def _published_pages(cat: Catalogue, published: Callable[[str], bool]) -> dict[str, str]:
    pages = {}
    for path in sorted((cat.root / CONTENT).rglob("*.md")):
        src = path.relative_to(cat.root / CONTENT).as_posix()
        if published(src):
            text, _ = read_source(path, src, cat.root)  # the check step reported problems
            pages[src] = text or ""
    for page in cat.edition.extra_pages:
        text, _ = read_source(cat.edition_dir / page.file, page.file, cat.edition_dir)
        pages[extra_page_uri(page.file)] = text or ""
    return pages


class Release:
    def __init__(self, cat: Catalogue, published: Callable[[str], bool], date: str,
                 release: str | None = None):
        """published(src): whether a content page is in this edition. release: the name a
        saved release gets (`python -m macros uitgave`). Raises ContentError."""
        self.cat = cat
        self.manifest = build_manifest(cat, cat.edition_dir.name, _published_pages(cat, published),
                                       cat.edition.sections.training)
        self.manifest["gebouwd"] = date
        if release:
            self.manifest["uitgave"] = release
        self.changes: Changes | None = None
        old, name = self._baseline()
        if old is not None:
            if problems := version_problems(cat, old, self.manifest, name):
                raise ContentError(problems)
            self.changes = compare(old, self.manifest, name)

    def _baseline(self) -> tuple[dict | None, str]:
        cat = self.cat
        path = baseline_file(cat)
        if path is None:
            return None, ""
        file = path.relative_to(cat.root).as_posix() if path.is_relative_to(cat.root) \
            else str(path)
        if cat.edition.compare_with:
            src = cat.source("editie", "editie")
            where = (src.file, src.line_of(("vergelijk_met",)), "vergelijk_met")
            if outside(path, cat.edition_dir):
                raise ContentError([Problem(*where, f"'{cat.edition.compare_with}' ligt buiten "
                                            "de map van de editie; zet het manifest erin")])
            if not path.is_file():
                raise ContentError([Problem(*where, f"'{cat.edition.compare_with}' niet "
                                            f"gevonden in {cat.edition_dir.name}/; zet daar het "
                                            f"{MANIFEST_FILE} van je vorige uitgave")])
        old, problems = read_manifest(path, file, cat.root, cat.edition_dir)
        if problems:
            raise ContentError(problems)
        return old, str(old.get("uitgave") or path.stem)

    def files(self) -> dict[str, str]:
        """The page and the manifest, by their path in the site's source folder."""
        return {CHANGES_PAGE: changes_page(self.changes, self.cat.edition.short_name),
                MANIFEST_FILE: json.dumps(self.manifest, ensure_ascii=False, indent=1) + "\n"}

    def save(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.files()[MANIFEST_FILE], encoding="utf-8")
