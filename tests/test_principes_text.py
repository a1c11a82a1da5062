"""The house rule for pronouns (README, 'Hij of zij') in the principles: outside a casus the
client or counsellor in general is never 'hij'/'hem'; in a casus each person has their own."""
from __future__ import annotations

import re

import yaml

from conftest import ROOT

GENERIC = re.compile(r"\b(hij|hem)\b", re.I)


def texts(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, f"{path}[{i}]")


def test_no_generic_hij_or_hem_outside_the_casus():
    found = []
    for file in sorted((ROOT / "data" / "principes").glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for where, text in texts(data):
            if where.endswith(".casus") or where == "casus":
                continue
            found += [f"{file.name} {where}: '{m[0]}'" for m in GENERIC.finditer(text)]
    assert found == [], "\n".join(found)
