"""The manifest of a build (issue #23): every worksheet with its version and its controls
(model/controls.py), every exercise, course and page with a fingerprint of its content, and
the PDFs each of them makes. A release keeps its manifest in the repository
(data/uitgaven/); the next build compares itself with it (web/changes.py makes the page "Wat
is er veranderd") and refuses a worksheet whose controls changed under the same version:
saved answers are stored per version, so they would be read into other questions.

Controls in a table whose rows are the edition's leefgebieden are recorded twice: as they are
(`invulvakken`, for what carries over in this edition) and with the row as `*` (`opbouw`, the
worksheet's own shape), so that the version rule holds across editions."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Mapping

from . import models
from .catalogue import Catalogue
from .controls import WEB, worksheet_controls
from .limits import read_source
from .problems import Problem
from .routes import BOOK_PDF, WAAIER_PDF, course_pdf, worksheet_pdf

FORMAT = 1
RELEASES = "data/uitgaven"  # one manifest per release, named so that the newest sorts last


def fingerprint(*parts) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _worksheet(cat: Catalogue, ws: models.Worksheet) -> dict:
    controls, shape, fields = [], [], []
    for field, found in worksheet_controls(cat, ws, WEB):
        edition_rows = isinstance(field, models.Table) and field.rows is None
        for c in found:
            controls.append(c.name)
            shape.append(f"{field.id}-*-{c.column}" if edition_rows else c.name)
        if field.id and found:  # a field that takes answers (not an explanation)
            fields.append({"id": field.id, "type": field.type,
                           "label": getattr(field, "label", "") or ""})
    return {"titel": ws.title, "versie": ws.version, "velden": fields,
            "invulvakken": controls, "opbouw": list(dict.fromkeys(shape)),
            "inhoud": fingerprint(ws.model_dump(mode="json"), controls,
                                  [r.label for f in ws.fields if isinstance(f, models.Table)
                                   for r in cat.table_rows(f)])}


def build_manifest(cat: Catalogue, edition: str, pages: Mapping[str, str],
                   training: bool) -> dict:
    """pages: the published content pages (src path -> Markdown source)."""
    sheets = {ws.id: _worksheet(cat, ws) for ws in cat.worksheets_in_order()}
    exercises = {e.id: {"titel": e.title, "inhoud": fingerprint(e.model_dump(mode="json"))}
                 for e in sorted(cat.exercises.values(), key=lambda e: e.id)} if training else {}
    courses = {}
    if training:
        for c in sorted(cat.courses.values(), key=lambda c: c.id):
            used = sorted({i.exercise for s in c.sessions for i in s.items if i.exercise})
            courses[c.id] = {"titel": c.title, "inhoud": fingerprint(
                c.model_dump(mode="json"), [exercises[e]["inhoud"] for e in used
                                            if e in exercises])}
    page_prints = {src: fingerprint(text) for src, text in sorted(pages.items())}
    pdfs = {}
    for ident, sheet in sheets.items():
        for fillable in (False, True):
            pdfs[worksheet_pdf(ident, fillable)] = sheet["inhoud"]
    for ident, course in courses.items():
        for trainer in (True, False):
            pdfs[course_pdf(ident, trainer)] = course["inhoud"]
    if sheets:
        pdfs[WAAIER_PDF] = fingerprint([s["inhoud"] for s in sheets.values()])
    pdfs[BOOK_PDF] = fingerprint(page_prints, pdfs.get(WAAIER_PDF))
    return {"formaat": FORMAT, "editie": edition, "training": training,
            "weggelaten": {kind: sorted(ids) for kind, ids in sorted(cat.left_out.items())},
            "werkbladen": sheets,
            "oefeningen": exercises, "cursussen": courses, "paginas": page_prints,
            "pdfs": dict(sorted(pdfs.items()))}


def baseline_file(cat: Catalogue) -> Path | None:
    """The manifest to compare with: the edition's own last release (vergelijk_met), or else
    the newest release in the repository."""
    if cat.edition and cat.edition.compare_with:
        return cat.edition_dir / cat.edition.compare_with
    releases = sorted((cat.root / RELEASES).glob("*.json"))
    return releases[-1] if releases else None


def read_manifest(path: Path, file: str, *homes: Path) -> tuple[dict | None, list[Problem]]:
    text, problems = read_source(path, file, *homes)
    if text is None:
        return None, problems
    try:
        data = json.loads(text)
    except ValueError as e:
        return None, [Problem(file, getattr(e, "lineno", 1), "", f"geen geldige manifest-JSON "
                              f"({e}); maak hem opnieuw met `make uitgave`")]
    if not (isinstance(data, dict) and data.get("formaat") == FORMAT
            and isinstance(data.get("werkbladen"), dict)):
        return None, [Problem(file, 1, "", f"dit is geen manifest van formaat {FORMAT}; maak "
                              "hem opnieuw met `make uitgave`")]
    return data, []


def version_problems(cat: Catalogue, old: dict, new: dict, release: str) -> list[Problem]:
    """A worksheet whose shape changed since the release, under the same version."""
    problems = []
    for ident, sheet in new["werkbladen"].items():
        before = old["werkbladen"].get(ident)
        if not isinstance(before, dict) or before.get("versie") != sheet["versie"]:
            continue
        was, now = before.get("opbouw", []), sheet["opbouw"]
        if set(was) == set(now):  # answers are kept by name: a new order changes nothing
            continue
        added = [c for c in now if c not in was]
        removed = [c for c in was if c not in now]
        src = cat.source("werkblad", ident)
        what = "; ".join(x for x in (
            f"erbij: {', '.join(added[:5])}" if added else "",
            f"weg: {', '.join(removed[:5])}" if removed else "") if x)
        problems.append(Problem(src.file, src.line_of(("versie",)), "versie",
                                f"de invulvakken zijn veranderd sinds uitgave {release} "
                                f"({what}), maar de versie is nog {sheet['versie']}; maak er "
                                f"versie: {sheet['versie'] + 1} van, anders komen bewaarde "
                                "antwoorden bij de verkeerde vragen"))
    return problems
