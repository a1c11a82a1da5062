"""The arguments of a page's macro call, checked against the catalogue before it renders
(web/page_templates.py): every mistake a Dutch message naming the allowed values."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.catalogue import Catalogue


@dataclass(frozen=True)
class _Ids:
    """What one kind of argument accepts: its Dutch name and the ids in the catalogue. A
    left-out item (issue #23) may still be named: the macro shows its text, or nothing."""
    attr: str
    noun: str

    def accepts(self, cat: Catalogue, value: str) -> bool:
        # one lookup, not the whole list: a page reads that one item (model/reads.py)
        return value in getattr(cat, self.attr) or value in cat.left_out.get(self.noun, {})

    def choices(self, cat: Catalogue) -> list[str]:
        return sorted(set(getattr(cat, self.attr)) | set(cat.left_out.get(self.noun, {})))


KINDS = {noun: _Ids(attr, noun) for noun, attr in (
    ("werkblad", "worksheets"), ("principe", "principles"), ("basistaak", "tasks"),
    ("oefening", "exercises"), ("cursus", "courses"))}


class MacroCallError(Exception):
    """A page called a macro wrongly; the message is Dutch and names the allowed values."""


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    return f"{value!r} ({type(value).__name__})"


def check_arguments(macro, cat: Catalogue, args: tuple, kwargs: dict) -> list:
    """The arguments in order, each checked; raises MacroCallError."""
    call = macro.signature()
    unknown = [k for k in kwargs if k not in macro.params]
    if unknown:
        raise MacroCallError(f"{macro.name} kent geen argument '{unknown[0]}'; schrijf {call}")
    if len(args) > len(macro.params):
        raise MacroCallError(f"{macro.name} krijgt {len(args)} argumenten, maar neemt er "
                             f"{len(macro.params)}; schrijf {call}")
    values = list(args)
    for name in macro.params[len(args):]:
        if name not in kwargs:
            raise MacroCallError(f"{macro.name} mist het argument '{name}'; schrijf {call}")
        values.append(kwargs[name])
    for name, value in zip(macro.params, values):
        if name == "trainer" and not isinstance(value, bool):
            raise MacroCallError(f"{macro.name}: {name} is {_shown(value)}, maar moet "
                                 "true of false zijn (zonder aanhalingstekens)")
    for name, value in zip(macro.params, values):
        if name == "trainer":
            continue
        ids = KINDS[name]
        if not isinstance(value, str) or not ids.accepts(cat, value):
            what = "geen tekst" if not isinstance(value, str) else "onbekend"
            raise MacroCallError(f"{macro.name}: {ids.noun} {_shown(value)} is {what}; kies "
                                 f"uit: {', '.join(ids.choices(cat))}")
    return values
