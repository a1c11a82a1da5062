"""Load step: every content file into validated models, collected in one Catalogue.

Nothing here knows MkDocs; the build (build/build.py) calls load_catalogue() once per build.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from . import models
from .problems import ContentError, Problem
from .catalogue import Catalogue
from .check import check_catalogue
from .validate import to_model
from .yaml_lines import LocatedData, read_yaml

# Where each kind of content lives, relative to the project root.
WORKSHEETS = "worksheets"
PRINCIPLES = "data/principes"
EXERCISES = "data/oefeningen"
COURSES = "data/cursussen"
METHOD = "data/methode.yml"
GLOSSARY = "data/begrippen.yml"  # optional: tooltips for words on every page
SEARCH_WORDS = "data/zoekwoorden.yml"  # optional: everyday words for the search
# Every path the load step reads, besides the edition's folder (fingerprint.py hashes them).
SOURCES = (WORKSHEETS, PRINCIPLES, EXERCISES, COURSES, METHOD, GLOSSARY, SEARCH_WORDS)
DEFAULT_EDITION = "site_config/default"
EDITION_FILE = "editie.yml"


def _load_one(path: Path, root: Path, model: type[BaseModel], problems: list[Problem],
              edition_dir: Path | None = None):
    located, found = read_yaml(path, root, *(d for d in (root, edition_dir) if d))
    problems.extend(found)
    if located is None:
        return None, None
    instance, found = to_model(located, model)
    problems.extend(found)
    return instance, located


def _load_folder(cat: Catalogue, folder: str, kind: str, model, target: dict,
                 problems: list[Problem]) -> None:
    for path in sorted((cat.root / folder).glob("*.y*ml")):
        instance, located = _load_one(path, cat.root, model, problems)
        if instance is None:
            cat.failed.add(path.stem)
            if located is not None and isinstance(located.data.get("id"), str):
                cat.failed.add(located.data["id"])
            continue
        line = located.line_of(("id",))
        if instance.id in target:
            first = cat.source(kind, instance.id)
            problems.append(Problem(located.file, line, "id",
                                    f"id '{instance.id}' bestaat al in {first.file}; "
                                    "kies een andere id"))
            continue
        if path.stem != instance.id:
            problems.append(Problem(located.file, line, "id",
                                    f"id '{instance.id}' hoort gelijk te zijn aan de "
                                    f"bestandsnaam '{path.stem}'; hernoem één van beide"))
        target[instance.id] = instance
        cat.sources[(kind, instance.id)] = located


def load_catalogue(root: Path, edition_dir: Path | None = None) -> Catalogue:
    """Load and check all content. Raises ContentError listing every problem found."""
    root = root.resolve()
    cat = Catalogue(root=root, edition_dir=(edition_dir or root / DEFAULT_EDITION).resolve())
    problems: list[Problem] = []

    edition_file = cat.edition_dir / EDITION_FILE
    if not edition_file.is_file():
        problems.append(Problem(str(edition_file), 1, "", "editie-instellingen niet gevonden; "
                                f"maak {EDITION_FILE} in de map van de editie"))
    else:
        cat.edition, located = _load_one(edition_file, root, models.Edition, problems,
                                            cat.edition_dir)
        if located:
            cat.sources[("editie", "editie")] = located

    method_file = root / METHOD
    cat.method, located = _load_one(method_file, root, models.Method, problems)
    if located:
        cat.sources[("methode", "methode")] = located

    glossary_file = root / GLOSSARY
    if glossary_file.is_file():
        glossary, located = _load_one(glossary_file, root, models.Glossary, problems)
        if glossary:
            cat.glossary = glossary
            cat.sources[("begrippen", "begrippen")] = located

    search_words_file = root / SEARCH_WORDS
    if search_words_file.is_file():
        search_words, located = _load_one(search_words_file, root, models.SearchWords, problems)
        if search_words:
            cat.search_words = search_words
            cat.sources[("zoekwoorden", "zoekwoorden")] = located

    _load_folder(cat, WORKSHEETS, "werkblad", models.Worksheet, cat.worksheets, problems)
    _load_folder(cat, PRINCIPLES, "principe", models.Principle, cat.principles, problems)
    _load_folder(cat, EXERCISES, "oefening", models.Exercise, cat.exercises, problems)
    _load_folder(cat, COURSES, "cursus", models.Course, cat.courses, problems)

    problems.extend(check_catalogue(cat))
    if problems:
        raise ContentError(problems)
    return cat
