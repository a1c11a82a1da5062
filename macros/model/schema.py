"""JSON Schemas generated from the models, committed so editors autocomplete the YAML files."""
from __future__ import annotations

import json
from pathlib import Path

from . import models
from .translation import Language, WorksheetTranslation

SCHEMAS = {
    "werkblad": models.Worksheet,
    "principe": models.Principle,
    "oefening": models.Exercise,
    "cursus": models.Course,
    "editie": models.Edition,
    "taal": Language,
    "vertaling": WorksheetTranslation,
    "zoekwoorden": models.SearchWords,
}


def schema_text(model) -> str:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = root / "schema" / f"{name}.schema.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
