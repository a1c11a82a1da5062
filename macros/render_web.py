"""Web view: HTML and Markdown for the macros that pages call. Knows nothing of MkDocs."""
from __future__ import annotations

from pathlib import Path

import jinja2
import markdown as md
from markupsafe import Markup

from . import models
from .load import Catalogue
from .render_training import TrainingRenderer
from .routes import page_of, relative
from .ui_text import LABELS

TEMPLATES = Path(__file__).parent / "templates"


def _markdown(text: str) -> Markup:
    return Markup(md.markdown(text, extensions=["sane_lists"], output_format="html"))


def _described(field, fid: str) -> Markup:
    return Markup(f' aria-describedby="{fid}-hulp"') if getattr(field, "help", None) else Markup("")


def template_environment() -> jinja2.Environment:
    """One place where templates are looked up by name: shared by web and print."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False)
    env.filters["markdown"] = _markdown
    env.globals["described"] = _described
    env.globals["labels"] = LABELS
    return env


class WebRenderer:
    """Renders catalogue items for one page; links are made relative to that page."""

    def __init__(self, cat: Catalogue, training_on: bool = True):
        self.cat = cat
        self.training_on = training_on
        self.env = template_environment()
        self.training = TrainingRenderer(cat)

    # --- links ------------------------------------------------------------------------
    def link(self, page: str, kind: str, ident: str, title: str) -> str:
        return f"[{title}]({relative(page, page_of(kind, ident))})"

    def worksheet_link(self, page: str, ident: str) -> str:
        return self.link(page, "werkblad", ident, self.cat.worksheets[ident].title)

    # --- worksheet --------------------------------------------------------------------
    def field_html(self, ws: models.Worksheet, field) -> Markup:
        template = self.env.get_template(f"fields/{field.type}.html")
        rows = None
        if isinstance(field, models.Table):
            rows = field.rows if field.rows is not None else [
                models.Row(id=d.id, label=d.name) for d in self.cat.life_domains]
        fid = f"{ws.id}-{field.id or 'uitleg'}"
        return Markup(template.render(field=field, fid=fid, rows=rows, mode="web"))

    def worksheet_form(self, ws: models.Worksheet) -> str:
        template = self.env.get_template("werkblad.html")
        html = template.render(ws=ws, render_field=lambda f: self.field_html(ws, f))
        # Python-Markdown ends a raw HTML block at a blank line; keep the form in one block.
        return "\n".join(line for line in html.splitlines() if line.strip())

    def worksheet(self, page: str, ident: str) -> str:
        ws = self.cat.worksheets[ident]
        L = LABELS
        parts = [f'<section class="kw-guidance" markdown="1" aria-label="{L.guidance}">',
                 f"## {L.guidance}", "",
                 f"**{L.purpose}** {ws.purpose}", "",
                 f"**{L.when}** {ws.when}", "",
                 f"**{L.when_not}** {ws.when_not}", "",
                 f"**{L.introduce}** {ws.guidance.introduce}", "",
                 f"**{L.watch_for}** {ws.guidance.watch_for}", ""]
        if ws.guidance.tips:
            parts += [f"**{L.tips}**", ""] + [f"- {tip}" for tip in ws.guidance.tips] + [""]
        used_by = self._principle_links(page, ws.principles)
        if used_by:
            parts += [f"**{L.principles}** {used_by}", ""]
        parts += ["</section>", "", f"## {L.fill_in}", "", self.worksheet_form(ws), ""]
        return "\n".join(parts)

    def _principle_links(self, page: str, ids) -> str:
        return ", ".join(self.link(page, "principe", p, self.cat.principles[p].title)
                         for p in ids if p in self.cat.principles)

    # --- method -----------------------------------------------------------------------
    def principle(self, page: str, ident: str) -> str:
        p = self.cat.principles[ident]
        L = LABELS
        out = [f'<p class="kw-kern">{p.summary}</p>', "",
               f"## {L.meaning}", "", p.meaning, "",
               f"## {L.why}", "", p.why, "",
               f"## {L.practice}", "", f"*{L.field_of_work}: {p.practice.field_of_work}.*", "",
               p.practice.case, "",
               f"## {L.pitfalls}", ""] + [f"- {x}" for x in p.pitfalls] + [
               "", f"## {L.questions}", ""] + [f"{i}. {q}" for i, q in enumerate(p.questions, 1)]
        sheets = [w for w in self.cat.worksheets.values() if ident in w.principles]
        exercises = [e for e in self.cat.exercises.values() if ident in e.principles] \
            if self.training_on else []
        if sheets or exercises:
            out += ["", f"## {L.works_with}", ""]
            if sheets:
                out += [f"**{L.worksheets}**", ""] + [
                    f"- {self.link(page, 'werkblad', w.id, w.title)}" for w in sheets] + [""]
            if exercises:
                out += [f"**{L.exercises}**", ""] + [
                    f"- {self.link(page, 'oefening', e.id, e.title)}" for e in exercises] + [""]
        return "\n".join(out) + "\n"

    def task(self, page: str, ident: str) -> str:
        t = self.cat.tasks[ident]
        sheets = [w for w in self.cat.worksheets.values() if w.task == ident]
        out = [f'<p class="kw-kern">{L_task(t)}</p>', ""]
        if sheets:
            out += [f"**{LABELS.worksheets_for_task}**", ""] + [
                f"- {self.link(page, 'werkblad', w.id, w.title)}: {w.purpose}" for w in sheets]
        return "\n".join(out) + "\n"


    def exercise(self, page: str, ident: str) -> str:
        return self.training.exercise(page, ident, trainer=True)

    def course(self, page: str, ident: str) -> str:
        return self.training.course(page, ident)

    def exercise_overview(self, page: str) -> str:
        return self.training.exercise_overview(page)

    def course_overview(self, page: str) -> str:
        return self.training.course_overview(page)


def L_task(t: models.Task) -> str:
    return f"Basistaak {t.number} · {LABELS.phase_names[t.phase]}. {t.description}"
