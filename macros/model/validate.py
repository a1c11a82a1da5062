"""Turn one YAML file into a model, rewriting pydantic's English errors into Dutch problems."""
from __future__ import annotations

import types
import typing

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .worksheet import FIELD_TYPES
from .yaml_lines import LocatedData, where

TYPE_NAMES = {
    "string_type": "tekst", "int_type": "een geheel getal", "float_type": "een getal",
    "bool_type": "ja of nee (true/false)", "list_type": "een lijst (regels met '- ')",
    "dict_type": "een mapping (sleutel: waarde)", "model_type": "een mapping (sleutel: waarde)",
    "model_attributes_type": "een mapping (sleutel: waarde)",
}


def _shown(value) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "…"


def _message(err: dict, allowed: list[str]) -> str:
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "missing":
        return "verplichte sleutel ontbreekt; vul hem in"
    if kind == "extra_forbidden":
        hint = f"; toegestaan: {', '.join(allowed)}" if allowed else ""
        return f"onbekende sleutel '{err['loc'][-1]}'{hint}"
    if kind in TYPE_NAMES:
        return f"verkeerd type: {_shown(value)}; verwacht {TYPE_NAMES[kind]}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        options = ", ".join(FIELD_TYPES)
        if kind == "union_tag_not_found":
            return f"'type' ontbreekt; kies uit: {options}"
        return f"onbekend veldtype '{ctx.get('tag')}'; kies uit: {options}"
    if kind == "literal_error":
        return f"onbekende waarde {_shown(value)}; kies uit: {ctx.get('expected', '')}" \
            .replace(" or ", ", ")
    if kind == "string_pattern_mismatch":
        return (f"ongeldige id {_shown(value)}; gebruik kleine letters, cijfers en "
                "koppeltekens (of _ voor veld-ids), bijvoorbeeld 'mijn-actieplan'")
    if kind in ("too_short", "string_too_short"):
        return f"te kort of leeg; minimaal {ctx.get('min_length', 1)} nodig"
    if kind in ("too_long", "string_too_long"):
        return f"te lang; maximaal {ctx.get('max_length')} toegestaan"
    if kind in ("greater_than_equal", "greater_than"):
        return f"waarde {_shown(value)} is te klein; minimaal {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"waarde {_shown(value)} is te groot; maximaal {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]  # unexpected kinds: pydantic's own words beat a wrong translation


def _unwrap(annotation):
    """Yield the model classes an annotation can hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _allowed_keys(model: type[BaseModel], loc: tuple, data) -> list[str]:
    """The keys allowed in the mapping that holds loc[-1], found by walking model and data."""
    current, node = [model], data
    for step in loc[:-1]:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
            continue
        if isinstance(node, dict) and step in node:
            nxt = []
            for m in current:
                for name, info in m.model_fields.items():
                    if (info.alias or name) == step:
                        nxt.extend(_unwrap(info.annotation))
            current, node = nxt or current, node[step]
        # a step that is not in the data is pydantic's union tag: pick the member by it
        else:
            tagged = [m for m in current if "type" in m.model_fields
                      and step in typing.get_args(m.model_fields["type"].annotation)]
            current = tagged or current
    if isinstance(node, dict) and "type" in node:
        current = [m for m in current if "type" not in m.model_fields
                   or node["type"] in typing.get_args(m.model_fields["type"].annotation)] or current
    keys = []
    for m in current:
        keys += [info.alias or n for n, info in m.model_fields.items() if info.alias or n]
    return sorted(set(keys), key=keys.index)


def to_model(source: LocatedData, model: type[BaseModel]):
    """Return (instance or None, problems) for one file's data."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as e:
        problems = []
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                loc += ("type",)
            shown = tuple(s for s in loc if _in_data(s))
            allowed = _allowed_keys(model, loc, source.data) if err["type"] == "extra_forbidden" \
                else []
            problems.append(Problem(source.file, source.line_of(loc), where(shown),
                                    _message(err, allowed)))
        return None, problems


def _in_data(step) -> bool:
    """Leave pydantic's union tags ('schaal', 'function-after[...]') out of the shown path."""
    return isinstance(step, int) or not (step in FIELD_TYPES or "[" in str(step))
