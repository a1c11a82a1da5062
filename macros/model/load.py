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
from .details import fill_data
from .selection import OWN_FOLDERS, select_content
from .pictograms import DRAWINGS, PICTOGRAMS, Pictograms, pictogram_problems
from .translation_load import load_translations
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
SOURCES = (WORKSHEETS, PRINCIPLES, EXERCISES, COURSES, METHOD, GLOSSARY, PICTOGRAMS, DRAWINGS,
           SEARCH_WORDS)
DEFAULT_EDITION = "site_config/default"
EDITION_FILE = "editie.yml"


def _load_one(path: Path, root: Path, model: type[BaseModel], problems: list[Problem],
              edition_dir: Path | None = None, details: dict | None = None):
    located, found = read_yaml(path, root, *(d for d in (root, edition_dir) if d))
    problems.extend(found)
    if located is None:
        return None, None
    if details is not None:  # the edition's local details, [[naam]] (details.py)
        problems.extend(fill_data(located, details))
    instance, found = to_model(located, model)
    problems.extend(found)
    return instance, located


def _load_folder(cat: Catalogue, folder: Path, kind: str, model, target: dict,
                 problems: list[Problem], own: bool = False) -> None:
    """One folder of one kind: the shared one, or (own) the edition's, whose ids may replace
    a shared item only when editie.yml says so under `vervangt:`."""
    details = cat.details if cat.edition else None
    replaces = set(cat.edition.replaces.ids()[OWN_FOLDERS[kind]]) \
        if own and cat.edition and kind in OWN_FOLDERS else set()
    for path in sorted(folder.glob("*.y*ml")):
        instance, located = _load_one(path, cat.root, model, problems,
                                      cat.edition_dir if own else None, details)
        if instance is None:
            cat.failed.add(path.stem)
            if located is not None and isinstance(located.data.get("id"), str):
                cat.failed.add(located.data["id"])
            continue
        line = located.line_of(("id",))
        if instance.id in target and not (own and instance.id in replaces
                                          and (kind, instance.id) not in cat.own):
            first = cat.source(kind, instance.id)
            hint = (f"; of zet '{instance.id}' onder vervangt.{OWN_FOLDERS[kind]} in "
                    "editie.yml als dit blad het gedeelde bewust vervangt") if own else ""
            problems.append(Problem(located.file, line, "id",
                                    f"id '{instance.id}' bestaat al in {first.file}; "
                                    f"kies een andere id{hint}"))
            continue
        if path.stem != instance.id:
            problems.append(Problem(located.file, line, "id",
                                    f"id '{instance.id}' hoort gelijk te zijn aan de "
                                    f"bestandsnaam '{path.stem}'; hernoem één van beide"))
        if own:
            if instance.id in target:
                cat.replaced[(kind, instance.id)] = cat.source(kind, instance.id).file
            cat.own.add((kind, instance.id))
        target[instance.id] = instance
        cat.sources[(kind, instance.id)] = located


def _default_details(root: Path, edition_dir: Path, problems: list[Problem]) -> dict:
    """The neutral local details of the default edition, for what an edition leaves unset."""
    default = root / DEFAULT_EDITION
    if edition_dir == default.resolve() or not (default / EDITION_FILE).is_file():
        return {}
    edition, _ = _load_one(default / EDITION_FILE, root, models.Edition, problems)
    return dict(edition.details) if edition else {}


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
        if cat.edition:
            cat.details = {**_default_details(root, cat.edition_dir, problems),
                           **cat.edition.details}

    method_file = root / METHOD
    cat.method, located = _load_one(method_file, root, models.Method, problems)
    if located:
        cat.sources[("methode", "methode")] = located

    # Optional data files: without one the site has no tooltips, pictograms or search words.
    for path, model, kind, attribute in (
            (GLOSSARY, models.Glossary, "begrippen", "glossary"),
            (PICTOGRAMS, Pictograms, "pictogrammen", "pictograms"),
            (SEARCH_WORDS, models.SearchWords, "zoekwoorden", "search_words")):
        if (root / path).is_file():
            item, located = _load_one(root / path, root, model, problems)
            if item:
                setattr(cat, attribute, item)
                cat.sources[(kind, kind)] = located

    kinds = (("werkblad", WORKSHEETS, models.Worksheet, cat.worksheets),
             ("principe", PRINCIPLES, models.Principle, cat.principles),
             ("oefening", EXERCISES, models.Exercise, cat.exercises),
             ("cursus", COURSES, models.Course, cat.courses))
    for kind, folder, model, target in kinds:
        _load_folder(cat, root / folder, kind, model, target, problems)
    # the edition's own content, in folders of the same names (issue #23)
    for kind, _, model, target in kinds:
        _load_folder(cat, cat.edition_dir / OWN_FOLDERS[kind], kind, model, target, problems,
                     own=True)
    load_translations(cat, problems)  # after the worksheets: it checks against them
    problems.extend(select_content(cat))

    found, cat.drawings = pictogram_problems(cat)
    problems.extend(found)
    problems.extend(check_catalogue(cat))
    if problems:
        raise ContentError(problems)
    return cat
