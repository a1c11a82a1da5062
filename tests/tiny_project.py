"""A tiny but complete project (one worksheet, real code) for tests that break content on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.model.load import load_catalogue
from macros.model.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent

WORKSHEET = """\
id: proef
titel: Proefblad
versie: 1
voor: [cliënt]
fase: focusbepaling
basistaak: doelen-stellen
principes: []
doel: Een doel.
minuten: 10
wanneer: Altijd.
wanneer_niet: Nooit.
begeleiding:
  introduceren: Zo.
  letten_op: Dit.
instructie: Vul het in.
velden:
  - id: doel
    type: lange-tekst
    label: Wat wil je?
  - id: cijfer
    type: schaal
    label: Hoe gaat het?
    links: slecht
    rechts: goed
"""


def make_project(target: Path, with_site: bool = False) -> Path:
    (target / "worksheets").mkdir(parents=True)
    (target / "worksheets" / "proef.yml").write_text(WORKSHEET, encoding="utf-8")
    (target / "data").mkdir()
    shutil.copy(ROOT / "data" / "methode.yml", target / "data" / "methode.yml")
    shutil.copytree(ROOT / "site_config" / "default", target / "site_config" / "default")
    (target / "content").mkdir()
    (target / "content" / "index.md").write_text("# Start\n\n{{ werkblad(\"proef\") }}\n",
                                                 encoding="utf-8")
    if with_site:
        shutil.copytree(ROOT / "macros", target / "macros",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", target / "overrides")
        shutil.copytree(ROOT / "content" / "assets", target / "content" / "assets")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        nav_start = config.index("\nnav:")
        (target / "mkdocs.yml").write_text(config[:nav_start] + "\n", encoding="utf-8")
    return target


def real_project_copy(target: Path) -> Path:
    """The real project's content, data, code and configuration (no caches, no site)."""
    for name in ("content", "worksheets", "data", "site_config", "overrides", "macros"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def problems_of(project: Path) -> list[str]:
    """Every problem the loader reports for a project that must fail, as text."""
    with pytest.raises(ContentError) as info:
        load_catalogue(project)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace one piece of a file; fails loudly when the test's assumption is wrong."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
