"""Load and check the translations in worksheets/vertalingen/<taal>/ (after the worksheets).

Errors stop the build as `file:line` problems: an unknown language folder or worksheet, a key
for something the worksheet does not have, a newer `versie` than the worksheet's, a missing
`_taal.yml`. What is merely missing (a worksheet not translated, a text not translated, an
older `versie`) falls back to Dutch and is listed by the report (translation_report.py).
"""
from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue
from .problems import Problem
from .translation import (LANGUAGE_TAGS, FieldTranslation, Language, WorksheetTranslation,
                          field_texts)
from .validate import to_model
from .worksheet import NameDate
from .details import fill_data
from .yaml_lines import LocatedData, read_yaml
from .base import dutch

TRANSLATIONS = "worksheets/vertalingen"
LANGUAGE_FILE = "_taal.yml"


def _load(path: Path, root: Path, model, problems: list[Problem], details=None):
    located, found = read_yaml(path, root, root)
    problems.extend(found)
    if located is None:
        return None, None
    if details is not None:  # the edition's local details, as in the worksheet (details.py)
        problems.extend(fill_data(located, details))
    instance, found = to_model(located, model)
    problems.extend(found)
    return instance, located


def load_translations(cat: Catalogue, problems: list[Problem]) -> None:
    """Fill cat.languages and cat.translations; add every problem found to problems."""
    folder = cat.root / TRANSLATIONS
    if not folder.is_dir():
        return
    for lang_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        code, shown = lang_dir.name, f"{TRANSLATIONS}/{lang_dir.name}/"
        if code not in LANGUAGE_TAGS:
            problems.append(Problem(shown, 0, "", f"onbekende taal '{code}'; gebruik een van: "
                                    f"{', '.join(LANGUAGE_TAGS)}"))
            continue
        language_file = lang_dir / LANGUAGE_FILE
        if not language_file.is_file():
            problems.append(Problem(shown + LANGUAGE_FILE, 0, "", "bestand ontbreekt; elke taal "
                                    "heeft een _taal.yml met naam, richting en teksten"))
            continue
        language, located = _load(language_file, cat.root, Language, problems)
        sheets: dict = {}  # the sheets are checked even when _taal.yml has mistakes
        if language is not None:
            cat.languages[code] = language
            cat.sources[("taal", code)] = located
            problems.extend(_check_life_domains(cat, language, located))
            sheets = cat.translations.setdefault(code, {})
        for path in sorted(lang_dir.glob("*.y*ml")):
            if path.name == LANGUAGE_FILE:
                continue
            problems.extend(_load_sheet(cat, code, path, sheets))
    # the picker's order: as LANGUAGE_TAGS lists them
    cat.languages = {c: cat.languages[c] for c in LANGUAGE_TAGS if c in cat.languages}


def _load_sheet(cat: Catalogue, code: str, path: Path, sheets: dict) -> list[Problem]:
    problems: list[Problem] = []
    ws = cat.worksheets.get(path.stem)
    if ws is None:
        if path.stem not in cat.failed:
            file = path.relative_to(cat.root).as_posix()
            problems.append(Problem(file, 1, "", f"onbekend werkblad '{path.stem}'; de naam van "
                                    "het bestand is de id van een werkblad in worksheets/, "
                                    f"bijvoorbeeld {next(iter(cat.worksheets), 'actieplan')}.yml"))
        return problems
    tr, located = _load(path, cat.root, WorksheetTranslation, problems,
                        cat.details if cat.edition else None)
    if tr is None:
        return problems
    if tr.version > ws.version:
        problems.append(Problem(located.file, located.line_of(("versie",)), "versie",
                                f"versie {tr.version} is nieuwer dan het werkblad (versie "
                                f"{ws.version}); vertaal de versie die er is"))
    problems += _check_fields(ws, tr, located)
    sheets[ws.id] = tr
    cat.sources[("vertaling", f"{code}/{ws.id}")] = located
    return problems


def _check_fields(ws, tr: WorksheetTranslation, located: LocatedData) -> list[Problem]:
    problems = []
    fields = {f.id: f for f in ws.fields if f.id is not None}
    for fid, ft in tr.fields.items():
        loc = ("velden", fid)
        field = fields.get(fid)
        if field is None:
            problems.append(Problem(located.file, located.line_of(loc), f"velden.{fid}",
                                    f"het werkblad heeft geen veld '{fid}'; kies uit: "
                                    f"{', '.join(fields)}"))
            continue
        problems += _check_field(field, ft, located, loc)
    return problems


def _check_field(field, ft: FieldTranslation, located: LocatedData, loc: tuple) -> list[Problem]:
    """Every key of the translation must be a text the worksheet's field has."""
    has = {}  # Dutch key -> the sub-keys it may hold (None: a single text)
    for path, _ in field_texts(field):
        key = path[2]
        if len(path) == 4:
            has.setdefault(key, []).append(path[3])
        else:
            has[key] = None
    problems, where = [], f"velden.{loc[1]}"
    for name in ft.model_fields_set:
        key = dutch(name)
        value = getattr(ft, name)
        if key not in has:
            if isinstance(field, NameDate):
                why = "een naam-datum-veld heeft geen eigen teksten; die staan in _taal.yml"
            elif key == "rijen" and getattr(field, "rows_from", None):
                why = ("de rijen komen uit de leefgebieden; vertaal ze in _taal.yml onder "
                       "'leefgebieden'")
            else:
                allowed = ", ".join(has) or "(niets)"
                why = (f"het veld '{loc[1]}' ({field.type}) heeft geen '{key}' in het werkblad; "
                       f"hier kan: {allowed}")
            problems.append(Problem(located.file, located.line_of(loc + (key,)),
                                    f"{where}.{key}", why))
            continue
        if isinstance(value, dict):
            for sub in value:
                if sub not in has[key]:
                    problems.append(Problem(
                        located.file, located.line_of(loc + (key, sub)), f"{where}.{key}.{sub}",
                        f"'{sub}' staat niet bij '{key}' in het werkblad; kies uit: "
                        f"{', '.join(has[key])}"))
    return problems


def _check_life_domains(cat: Catalogue, language: Language, located: LocatedData):
    """Leefgebieden ids must exist. Only the project's own edition is held to that: another
    edition may have fewer or other leefgebieden, and falls back to Dutch for those."""
    if cat.edition is None or cat.edition_dir != (cat.root / "site_config/default").resolve():
        return []
    known = [d.id for d in cat.edition.life_domains]
    return [Problem(located.file, located.line_of(("leefgebieden", d)), f"leefgebieden.{d}",
                    f"onbekend leefgebied '{d}'; kies uit: {', '.join(known)}")
            for d in language.life_domains if d not in known]


def current_translation(cat: Catalogue, code: str, ws) -> WorksheetTranslation | None:
    """The translation the page shows: None when missing or made for an older version."""
    tr = cat.translations.get(code, {}).get(ws.id)
    return tr if tr is not None and tr.version == ws.version else None
