"""The shape of macros/, read from the source with `ast` (nothing is imported):

- no import circles, between modules or between packages, and no arrow up the pipeline:
  model ← web ← print ← build ← site (each package imports only those to its left);
- only macros/site knows MkDocs;
- no module over 300 lines;
- macros/__init__.py holds only the define_env entry point;
- no module-level mutable state: no `global`, no module-level object changed at run time.

Each check returns its findings as text; the last tests run the checks on a made-up package
with every kind of mistake, so a check that stops noticing them fails too.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

MACROS = ROOT / "macros"
LAYERS = ("model", "web", "print", "build", "site")  # each may import only those before it
MKDOCS = {"mkdocs", "material", "mkdocs_macros"}  # MkDocs, its theme, the macros plugin
MAX_LINES = 300
MUTATORS = {"append", "extend", "insert", "pop", "popitem", "remove", "clear", "update",
            "setdefault", "add", "discard", "sort", "reverse", "__setitem__", "__delitem__",
            "intersection_update", "difference_update", "symmetric_difference_update"}
MEMOS = {"cache", "lru_cache"}
# Module-level memos that are meant, with the reason. A new one must be added here, argued.
ALLOWED_MEMOS = {
    "macros.print.pdf._font_config": "one WeasyPrint font configuration per worker process: "
                                     "PDFs render in worker processes, which get no Build",
}


def package_of(name: str) -> str:
    """The pipeline step a module belongs to (model, web, …), or '' for the top package."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and not parts[1].startswith("__") else ""


@dataclass(frozen=True)
class Module:
    name: str  # dotted, as Python imports it: macros.print.cache
    where: str  # the file, for messages: macros/print/cache.py
    tree: ast.Module
    is_package: bool
    lines: int

    @property
    def package(self) -> str:
        return package_of(self.name)


def read_modules(root: Path) -> dict[str, Module]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent)
        parts = where.with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        text = path.read_text(encoding="utf-8")
        found[name] = Module(name, where.as_posix(), ast.parse(text, str(path)), is_package,
                             len(text.splitlines()))
    return found


def imports_of(module: Module, known: dict[str, Module]) -> list[tuple[str, int]]:
    """(imported module, line) for every import, also those inside functions: a lazy import
    is still an arrow. Project modules by their full name, other libraries by their top
    name. `from .pkg import mod` imports the module pkg.mod; `from .mod import name`, mod.
    A folder without __init__.py (a namespace package) counts as a module of its step."""
    top = module.name.split(".")[0]

    def named(target: str) -> str:
        return target if target == top or target.startswith(top + ".") else target.split(".")[0]

    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [(named(alias.name), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.name if module.is_package else module.name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = named(node.module)
            if target == "__future__":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in known else target, node.lineno))
    return found


def graph(modules: dict[str, Module]) -> dict[str, dict[str, int]]:
    """module -> {module it imports: line of the first such import}, project modules only."""
    edges: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, module in modules.items():
        for target, line in imports_of(module, modules):
            if target in modules and target != name:
                edges[name].setdefault(target, line)
    return edges


def cycles(edges: dict[str, dict[str, int] | set[str]]) -> list[tuple[list[str], list[str]]]:
    """Every group of nodes that reach each other (Tarjan's strongly connected components):
    a shortest circle through its first node, and the whole group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(edges):
        if node not in index:
            visit(node)

    def path_back(start: str, members: set[str]) -> list[str]:
        """A shortest way from start round to start inside its group (breadth first)."""
        parent: dict[str, str | None] = {start: None}
        queue = [start]
        for node in queue:
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    path = [node]
                    while parent[path[-1]] is not None:
                        path.append(parent[path[-1]])
                    return [*reversed(path), start]
                if nxt in members and nxt not in parent:
                    parent[nxt] = node
                    queue.append(nxt)
        raise AssertionError("a strongly connected group without a way back")

    return [(path_back(min(group), set(group)), sorted(group))
            for group in sorted(groups, key=min)]


def circle_text(path: list[str], group: list[str]) -> str:
    rest = sorted(set(group) - set(path))
    return " → ".join(path) + (f" (also in this circle: {', '.join(rest)})" if rest else "")


# --- the checks -----------------------------------------------------------------------
def module_cycles(modules: dict[str, Module]) -> list[str]:
    edges = graph(modules)
    found = []
    for circle, group in cycles(edges):
        steps = [f"{modules[a].where}:{edges[a][b]} imports {b}"
                 for a, b in zip(circle, circle[1:])]
        found.append(f"import circle {circle_text(circle, group)}: " + "; ".join(steps))
    return found


def package_arrows(modules: dict[str, Module]) -> list[str]:
    """Arrows up the pipeline, circles between packages, and MkDocs outside site/."""
    found = []
    packages: dict[str, set[str]] = {}
    for name, module in modules.items():
        for target, line in imports_of(module, modules):
            here = f"{module.where}:{line} imports {target}"
            if target.split(".")[0] == name.split(".")[0]:
                there = package_of(target)
                if module.package and module.package != there:
                    packages.setdefault(module.package, set()).add(there)
                    if not there:
                        found.append(f"{here}: the steps must not import the entry point")
                    elif (there in LAYERS and module.package in LAYERS
                          and LAYERS.index(there) > LAYERS.index(module.package)):
                        allowed = ", ".join(LAYERS[:LAYERS.index(module.package)]) or "none"
                        found.append(f"{here}: {module.package} must not import {there} "
                                     f"(it may import: {allowed})")
            elif target in MKDOCS and module.package != "site":
                found.append(f"{here}: only macros/site may know MkDocs")
    found += [f"package circle {circle_text(*c)}" for c in cycles(packages)]
    return found


def oversized(modules: dict[str, Module]) -> list[str]:
    found = []
    for module in modules.values():
        if module.lines > MAX_LINES:
            found.append(f"{module.where}: {module.lines} lines (at most {MAX_LINES}): split it by "
                         "what its parts do")
    return found


def entry_point_extras(modules: dict[str, Module], top: str) -> list[str]:
    """Everything in the top package's __init__ besides its docstring and define_env."""
    module = modules[top]
    found = []
    for i, node in enumerate(module.tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.FunctionDef) and node.name == "define_env":
            continue
        found.append(f"{module.where}:{node.lineno}: {ast.unparse(node).splitlines()[0]!r} "
                     "(only define_env belongs here)")
    if not any(isinstance(n, ast.FunctionDef) and n.name == "define_env" for n in module.tree.body):
        found.append(f"{module.where}: no define_env (mkdocs-macros calls it)")
    return found


def _root_name(node: ast.AST) -> str | None:
    """The variable at the start of a.b[c].d, if it is one."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _mutations(node: ast.AST):
    """(name, line, what) for every change made through a name within node."""
    for sub in ast.walk(node):
        targets = []
        if isinstance(sub, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = sub.targets if isinstance(sub, (ast.Assign, ast.Delete)) else [sub.target]
        for target in targets:
            for t in ast.walk(target):
                if isinstance(t, (ast.Attribute, ast.Subscript)) and isinstance(
                        t.ctx, (ast.Store, ast.Del)):
                    if name := _root_name(t):
                        yield name, sub.lineno, ast.unparse(t)
        if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute)
                and sub.func.attr in MUTATORS):
            if name := _root_name(sub.func.value):
                yield name, sub.lineno, ast.unparse(sub.func) + "()"


def _local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = function.args
    names = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a}
    for sub in ast.walk(function):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(sub.name)
        elif isinstance(sub, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in sub.names}
        elif isinstance(sub, ast.arg):
            names.add(sub.arg)
    return names


def _module_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names bound at module level: (assigned here, imported)."""
    assigned, imported = set(), set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imported |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assigned |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            assigned.add(node.name)
    return assigned, imported


def module_state(modules: dict[str, Module]) -> list[str]:
    """`global`, run-time changes to module-level objects (a function changing a module's
    dict, list, namespace, or another module's), and memo caches not allowed above."""
    found = []
    for module in modules.values():
        assigned, imported = _module_names(module.tree)
        functions = [n for n in ast.walk(module.tree)
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Global):
                found.append(f"{module.where}:{node.lineno}: global {', '.join(node.names)}")
        for function in functions:
            local = _local_names(function)
            for name, line, what in _mutations(function):
                if name in (assigned | imported) - local:
                    found.append(f"{module.where}:{line}: {function.name}() changes the "
                                 f"module-level {name} ({what})")
            for decorator in function.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                memo = (target.attr if isinstance(target, ast.Attribute)
                        else getattr(target, "id", ""))
                qualified = f"{module.name}.{function.name}"
                if memo in MEMOS and qualified not in ALLOWED_MEMOS:
                    found.append(f"{module.where}:{decorator.lineno}: @{memo} on "
                                 f"{function.name}() keeps results for the whole process")
        # At import time a module may build its own constants, not change another module's.
        for node in module.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for name, line, what in _mutations(node):
                if name in imported:
                    found.append(f"{module.where}:{line}: changes the imported {name} ({what})")
    return found


# --- the project ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def macros() -> dict[str, Module]:
    return read_modules(MACROS)


def test_no_import_circles_between_modules(macros):
    assert module_cycles(macros) == []


def test_packages_import_only_down_the_pipeline_and_only_site_knows_mkdocs(macros):
    assert package_arrows(macros) == []


def test_no_module_is_over_300_lines(macros):
    assert oversized(macros) == []


def test_the_package_init_holds_only_the_define_env_entry_point(macros):
    assert entry_point_extras(macros, "macros") == []


def test_no_module_level_mutable_state(macros):
    assert module_state(macros) == []


def test_every_allowed_memo_still_exists(macros):
    names = {f"{m.name}.{f.name}" for m in macros.values()
             for f in ast.walk(m.tree) if isinstance(f, ast.FunctionDef)}
    assert set(ALLOWED_MEMOS) <= names, "remove allowances for memos that are gone"


def test_every_step_is_a_package_the_layers_name(macros):
    assert {m.package for m in macros.values()} - {""} == set(LAYERS), \
        "a new package needs its place in LAYERS"


# --- the checks notice what they are for --------------------------------------------------
BAD = {
    "__init__.py": '"""Doc."""\nimport os\nSTATE = {}\n\n\ndef define_env(env):\n    pass\n',
    "__main__.py": "from .model import a\n",
    "model/__init__.py": "",
    "model/a.py": "from ..web import b\n",
    "model/clean.py": ("import re\nTABLE = {'a': 1}\nWORD = re.compile('x')\n\n\n"
                       "def f(table, items):\n    table['b'] = 2\n    mine = {}\n"
                       "    mine['x'] = 1\n    items.append(TABLE['a'])\n"
                       "    TABLE_COPY = dict(TABLE)\n    TABLE_COPY['c'] = 3\n"
                       "    return WORD.sub('', 'y')\n"),
    "model/state.py": ("import os\nSEEN = []\nCOUNT = 0\n\n\ndef see(x):\n    SEEN.append(x)\n\n\n"
                       "def bump():\n    global COUNT\n    COUNT += 1\n\n\n"
                       "def env():\n    os.environ['X'] = '1'\n"),
    "model/memo.py": "from functools import cache\n\n\n@cache\ndef slow():\n    return 1\n",
    "model/big.py": "X = 1\n" * (MAX_LINES + 1),
    "web/__init__.py": "",
    "web/b.py": "from ..model import a\nimport mkdocs.plugins\n",
    "web/c.py": "from ..print import d\n",
    "print/__init__.py": "",
    "print/d.py": "from ..web import c\nfrom .. import __main__\n",
    "site/plugin.py": "from mkdocs.plugins import BasePlugin\nfrom ..web import b\n",
}


def bad_package(tmp_path: Path) -> dict[str, Module]:
    for name, text in BAD.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return read_modules(tmp_path / "pkg")


def test_checks_find_module_circles(tmp_path):
    assert module_cycles(bad_package(tmp_path)) == [
        "import circle pkg.model.a → pkg.web.b → pkg.model.a: pkg/model/a.py:1 imports "
        "pkg.web.b; pkg/web/b.py:1 imports pkg.model.a",
        "import circle pkg.print.d → pkg.web.c → pkg.print.d: pkg/print/d.py:1 imports "
        "pkg.web.c; pkg/web/c.py:1 imports pkg.print.d"]


def test_checks_find_arrows_up_and_mkdocs_outside_site(tmp_path):
    found = package_arrows(bad_package(tmp_path))
    assert found == [
        "pkg/model/a.py:1 imports pkg.web.b: model must not import web (it may import: none)",
        "pkg/print/d.py:2 imports pkg.__main__: the steps must not import the entry point",
        "pkg/web/b.py:2 imports mkdocs: only macros/site may know MkDocs",
        "pkg/web/c.py:1 imports pkg.print.d: web must not import print (it may import: model)",
        "package circle model → web → model (also in this circle: print)"]


def test_checks_find_long_modules_and_extras_in_the_entry_point(tmp_path):
    modules = bad_package(tmp_path)
    assert oversized(modules) == [f"pkg/model/big.py: {MAX_LINES + 1} lines (at most "
                                  f"{MAX_LINES}): split it by what its parts do"]
    assert entry_point_extras(modules, "pkg") == [
        "pkg/__init__.py:2: 'import os' (only define_env belongs here)",
        "pkg/__init__.py:3: 'STATE = {}' (only define_env belongs here)"]


def test_checks_find_module_state_but_not_constants_or_locals(tmp_path):
    assert module_state(bad_package(tmp_path)) == [
        "pkg/model/memo.py:4: @cache on slow() keeps results for the whole process",
        "pkg/model/state.py:11: global COUNT",
        "pkg/model/state.py:7: see() changes the module-level SEEN (SEEN.append())",
        "pkg/model/state.py:16: env() changes the module-level os (os.environ['X'])"]
