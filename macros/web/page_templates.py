"""Page templates: the Jinja in content/*.md, rendered in a sandbox (issue #17).

Pages are written by many hands, so a page is untrusted: it may call our macros and read the
edition's public settings (`editie`), and nothing else. No configuration, no environment, no
`_` attributes, no attributes of Python objects at all (strings, functions, Jinja's helpers),
no files through include/import/extends. Every mistake is a ContentError naming the page and
its line, in Dutch; a macro checks its arguments against the catalogue before it renders.

Knows nothing of MkDocs: the adapter (site/macros.py) hands each page's Markdown to render().
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import jinja2
from jinja2 import nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from pydantic import BaseModel

from ..model import details
from ..model.catalogue import Catalogue
from ..model.problems import ContentError, Problem
from . import left_out
from .macro_arguments import KINDS, MacroCallError, check_arguments

TEMPLATE_FILE = "<template>"  # the code filename Jinja gives a template made from a string
MAX_TEXT = 100_000  # longest string or list a page expression may make with * (a memory bomb)
MAX_POWER = 1_000  # largest exponent of ** on a page
# Filters a page may use: text only. Not `attr`, `map`, `selectattr`, `format`, `tojson`...
PAGE_FILTERS = ("e", "escape", "lower", "upper", "capitalize", "title", "trim", "default",
                "d", "length", "count", "join", "first", "last", "string")


class Public:
    """A read-only view of one model: its fields and nothing else (no methods, no class)."""
    __slots__ = ("_fields",)

    def __init__(self, fields: dict):
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError(name)

    def __repr__(self) -> str:
        return "editie"


def public(value):
    """Models as Public views, lists as tuples; plain values as they are."""
    if isinstance(value, BaseModel):
        return Public({name: public(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, (list, tuple)):
        return tuple(public(v) for v in value)
    if isinstance(value, dict):
        return Public({str(k): public(v) for k, v in value.items()})
    return value


class PageEnvironment(ImmutableSandboxedEnvironment):
    """Attributes only of the edition's settings (and of a for loop); `*` and `**` bounded."""
    intercepted_binops = frozenset(["*", "**"])

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, Public):
            return attr in obj._fields
        return isinstance(obj, LoopContext) and super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj, attribute):
        if isinstance(obj, jinja2.Undefined):
            obj._fail_with_undefined_error()  # `cycler.__init__`: name the missing `cycler`
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        if isinstance(obj, jinja2.Undefined):
            obj._fail_with_undefined_error()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value):
        return None  # str.format is an attribute of a string like any other: refused

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise SecurityError(f"exponent groter dan {MAX_POWER}")
            return left ** right
        sizes = [len(x) for x in (left, right) if isinstance(x, (str, list, tuple))]
        counts = [x for x in (left, right) if isinstance(x, int) and not isinstance(x, bool)]
        if sizes and counts and sizes[0] * max(counts[0], 0) > MAX_TEXT:
            raise SecurityError(f"tekst langer dan {MAX_TEXT} tekens")
        return left * right


# --- macros --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Macro:
    name: str
    params: tuple[str, ...]  # Dutch names; a kind from KINDS, or "trainer" (true/false)
    make: Callable  # (web, page, *arguments) -> str

    def signature(self) -> str:
        return f"{self.name}({', '.join(self.params)})"


MACROS = [
    Macro("werkblad", ("werkblad",), lambda web, page, i: web.worksheet(page, i)),
    Macro("werkblad_link", ("werkblad",), lambda web, page, i: web.worksheet_link(page, i)),
    Macro("principe", ("principe",), lambda web, page, i: web.principle(page, i)),
    Macro("basistaak", ("basistaak",), lambda web, page, i: web.task(page, i)),
    Macro("oefening", ("oefening",), lambda web, page, i: web.exercise(page, i)),
    Macro("cursus", ("cursus",), lambda web, page, i: web.course(page, i)),
    Macro("cursus_pakket", ("cursus", "trainer"),
          lambda web, page, i, trainer: web.training.course_pack(page, i, trainer)),
    Macro("oefeningen_overzicht", (), lambda web, page: web.exercise_overview(page)),
    Macro("cursussen_overzicht", (), lambda web, page: web.course_overview(page)),
    Macro("waaier_overzicht", (), lambda web, page: web.waaier_overview(page)),
    Macro("trefwoorden_overzicht", (), lambda web, page: web.tag_overview()),
    Macro("clientmappen", (), lambda web, page: web.ui_block("clientmappen.html")),
    Macro("bewaarstatus", (), lambda web, page: web.ui_block("bewaarstatus.html")),
    Macro("standaardmap", (), lambda web, page: web.default_folder()),
]


class PageTemplates:
    """Renders the Jinja of content pages: only MACROS and `editie` are in reach."""

    def __init__(self, cat: Catalogue, web, page_of: Callable[[], str],
                 on_left_out: Callable[[str, str, str, int], None] = lambda *a: None):
        """page_of: the page now rendering (its src path), for the macros' links.
        on_left_out(file, kind, id, line): a macro names what the edition leaves out."""
        self.cat = cat
        self.on_left_out = on_left_out
        self._at = ("", 1, None)
        self.env = PageEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                   keep_trailing_newline=True)
        self.env.filters = {name: self.env.filters[name] for name in PAGE_FILTERS}
        self.env.globals = {m.name: self._bind(m, web, page_of) for m in MACROS}
        self.env.globals["editie"] = public(cat.edition)

    def _bind(self, macro: Macro, web, page_of) -> Callable:
        def call(*args, **kwargs) -> str:
            values = check_arguments(macro, self.cat, args, kwargs)
            kind = macro.params[0] if macro.params else None
            if kind in KINDS and self.cat.is_left_out(kind, values[0]):
                self.on_left_out(self._at[0], kind, values[0],
                                 self._at[1] + left_out.calling_line(self._at[2]) - 1)
                return left_out.macro_text(self.cat, kind, values[0],
                                           inline=macro.name.endswith("_link"))
            return macro.make(web, page_of(), *values)
        call.__name__ = macro.name
        return call

    @staticmethod
    def has_template(text: str) -> bool:
        return any(mark in text for mark in ("{{", "{%", "{#"))

    def render(self, text: str, page: str, first_line: int = 1) -> str:
        """The page's Markdown with its macros run. first_line: the file's line where text
        starts (after the front matter). Raises ContentError naming page and line."""
        # the edition's local details, [[naam]], before any Jinja (model/details.py)
        text = details.fill_page(text, page, first_line, self.cat.details)
        if not self.has_template(text):
            return text
        try:
            tree = self.env.parse(text)
            for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport,
                                       nodes.Extends)):
                raise _Located(node.lineno, "een pagina kan geen andere bestanden invoegen "
                               "(include, import, extends); gebruik een macro zoals "
                               "werkblad('id')")
            template = self.env.from_string(tree)
            self._at = (page, first_line, template)  # where a macro call is, for on_left_out
            return template.render()
        except _Located as e:
            line, message = e.line, e.message
        except jinja2.TemplateSyntaxError as e:
            line, message = e.lineno, _syntax_dutch(e.message or "")
        except Exception as e:  # the page's fault: undefined names, unsafe attributes, macros
            line, message = _template_line(e), self._runtime_dutch(e)
        raise ContentError([Problem(page, first_line + max(line, 1) - 1, "",
                                    message)]) from None

    def _runtime_dutch(self, error: Exception) -> str:
        allowed = f"alleen de macro's ({', '.join(m.name for m in MACROS)}) en editie"
        if isinstance(error, MacroCallError):
            return str(error)
        if isinstance(error, SecurityError):
            text = str(error)
            if m := re.match(r"access to attribute '(.+?)' of '(.+?)' object is unsafe", text):
                text = f"'{m.group(1)}' van een {m.group(2)}-object"
            return f"dit mag niet op een pagina: {text}; een pagina kan {allowed} gebruiken"
        if isinstance(error, jinja2.UndefinedError):
            text = str(error)
            if m := re.match(r"'(\w+)' is undefined", text):
                return f"'{m.group(1)}' bestaat niet op een pagina; een pagina kan {allowed} " \
                       "gebruiken"
            if m := re.search(r"has no attribute '(\w+)'", text):
                return f"'{m.group(1)}' bestaat hier niet; een pagina kan {allowed} gebruiken"
            return f"onbekende naam ({text}); een pagina kan {allowed} gebruiken"
        return f"de pagina kan niet worden gemaakt ({type(error).__name__}: {error})"


class _Located(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _template_line(error: BaseException) -> int:
    """The page line the error came from: the last traceback frame in the template."""
    line, tb = 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_SYNTAX = [
    (r"No filter named '(.+?)'", "filter '{0}' bestaat niet op een pagina; wel: "
     + ", ".join(PAGE_FILTERS)),
    (r"No test named '(.+?)'", "test '{0}' bestaat niet op een pagina"),
    (r"Encountered unknown tag '(.+?)'", "onbekende opdracht '{0}' op een pagina"),
    (r"unexpected end of template", "de pagina houdt op midden in een {{% ... %}}-blok; "
     "sluit het af (bijvoorbeeld met {{% endif %}})"),
    (r"unexpected '(.+?)'", "onverwacht '{0}' in {{{{ ... }}}}"),
]


def _syntax_dutch(message: str) -> str:
    for pattern, dutch in _SYNTAX:
        if m := re.search(pattern, message, re.IGNORECASE):
            return dutch.format(*m.groups())
    return f"Jinja-fout: {message}; controleer {{{{ ... }}}} en {{% ... %}}"
