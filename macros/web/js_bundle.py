"""Join the worksheet's ES modules into one classic script.

Browsers refuse ES modules from file:// (a site opened from a network drive), so the site ships
one classic script built from the modules. Each module keeps its own function scope; imports
become reads from the exports of modules that come earlier. Only the forms the modules use are
supported — named imports, namespace imports and `export` before a declaration — and anything
else stops the build with the file and line, instead of producing a script that breaks later.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model.problems import ContentError, Problem

IMPORT = re.compile(r'^import\s+(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+"\./([\w.-]+\.js)";?[ \t]*$',
                    re.M)
EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+(\w+)", re.M)
OTHER_MODULE_SYNTAX = re.compile(r"^\s*(import|export)\b", re.M)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _module(name: str, text: str, folder: Path) -> tuple[list[str], str]:
    """(names of the modules it imports, its body as a function returning its exports)."""
    deps, problems = [], []

    def rewrite_import(m: re.Match) -> str:
        named, namespace, dep = m.groups()
        deps.append(dep)
        if namespace:
            return f'const {namespace} = modules["{dep}"];'
        parts = [p.strip() for p in named.split(",") if p.strip()]
        fields = [re.sub(r"^(\w+)\s+as\s+(\w+)$", r"\1: \2", p) for p in parts]
        return f'const {{ {", ".join(fields)} }} = modules["{dep}"];'

    body = IMPORT.sub(rewrite_import, text)
    exports = EXPORT.findall(body)
    body = re.sub(r"^export\s+", "", body, flags=re.M)
    for m in OTHER_MODULE_SYNTAX.finditer(body):
        problems.append(Problem(f"{folder.name}/{name}", _line(body, m.start()), "",
                                f"'{m.group(1)}' in een vorm die de bundel niet kent; gebruik "
                                "import { a } from \"./x.js\" of export vóór een declaratie"))
    if problems:
        raise ContentError(problems)
    wrapped = (f'modules["{name}"] = (function () {{\n{body}\n'
               f'return {{ {", ".join(exports)} }};\n}})();\n')
    return deps, wrapped


def bundle(folder: Path, entry: str = "main.js") -> str:
    """One classic script holding `entry` and everything it imports, dependencies first."""
    parsed: dict[str, tuple[list[str], str]] = {}
    order: list[str] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in trail:
            raise ContentError([Problem(f"{folder.name}/{name}", 1, "",
                                        f"kringverwijzing: {' → '.join(trail + (name,))}")])
        if name not in parsed:
            parsed[name] = _module(name, (folder / name).read_text(encoding="utf-8"), folder)
        for dep in parsed[name][0]:
            visit(dep, trail + (name,))
        order.append(name)

    visit(entry, ())
    parts = [f"// Built from {folder.name}/*.js by macros/js_bundle.py; edit those files.",
             "(function () {", '"use strict";', "const modules = {};"]
    parts += [f"// --- {name}\n{parsed[name][1]}" for name in order]
    parts.append("})();\n")
    return "\n".join(parts)
