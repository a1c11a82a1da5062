"""Web view: HTML and Markdown for the macros that pages call. Knows nothing of MkDocs."""
from __future__ import annotations

from markupsafe import Markup

from ..model import models
from ..model.catalogue import Catalogue
from ..model.controls import ROW_SLOT, WEB, Medium, field_controls, worksheet_controls
from ..model.labels import LABELS
from ..model.routes import PRIVACY_PAGE, Routes, page_of, worksheet_pdf
from .links import markdown_link, worksheet_pdf_links
from .templates import template_environment
from .training import TrainingRenderer


def field_context(cat: Catalogue, ws: models.Worksheet, field, medium: Medium) -> dict:
    """What every field partial needs, for the web form and for print alike. The partials take
    control names from `controls` (model/controls.py) and never put one together."""
    rows = cat.table_rows(field) if isinstance(field, models.Table) else None
    return {"field": field, "fid": f"{ws.id}-{field.id or 'uitleg'}", "rows": rows,
            "controls": field_controls(cat, field, medium)}


class WebRenderer:
    """Renders catalogue items for one page; links are made relative to that page."""

    def __init__(self, cat: Catalogue, routes: Routes = Routes(), env=None):
        self.cat = cat
        self.routes = routes
        self.training_on = cat.edition.sections.training
        self.env = env or template_environment()
        self.training = TrainingRenderer(cat, routes)

    # --- links ------------------------------------------------------------------------
    def link(self, page: str, kind: str, ident: str, title: str) -> str:
        return markdown_link(page, kind, ident, title)

    def worksheet_link(self, page: str, ident: str) -> str:
        return self.link(page, "werkblad", ident, self.cat.worksheets[ident].title)

    # --- worksheet --------------------------------------------------------------------
    def field_html(self, ws: models.Worksheet, field) -> Markup:
        template = self.env.get_template(f"fields/{field.type}.html")
        return Markup(template.render(**field_context(self.cat, ws, field, WEB)))

    def answer_outline(self, ws: models.Worksheet) -> dict:
        """Every answer name the form has, with its kind and label, for the browser script
        (autosave, import checks, answers of older versions). A list is described by its row
        template: name and label patterns with `slot` where the row number goes."""
        fields, lists = {}, {}
        for field, controls in worksheet_controls(self.cat, ws, WEB):
            if ROW_SLOT in controls.rows():
                lists[field.id] = {c.name: [c.kind, c.label] for c in controls
                                   if c.row == ROW_SLOT}
            else:
                fields.update({c.name: [c.kind, c.label] for c in controls})
        return {"fields": fields, "lists": lists, "slot": ROW_SLOT}

    def worksheet_form(self, ws: models.Worksheet, page: str | None = None) -> str:
        template = self.env.get_template("werkblad.html")
        html = template.render(ws=ws, render_field=lambda f: self.field_html(ws, f),
                               outline=self.answer_outline(ws), ui=LABELS.worksheet_ui,
                               privacy_href=self.routes.link(page or "index.md", PRIVACY_PAGE))
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
        parts += ["</section>", "", f"## {L.fill_in}", "", worksheet_pdf_links(self.routes, page, ws.id), "",
                  self.worksheet_form(ws, page), ""]
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
        out = [f'<p class="kw-kern">{_task_summary(t)}</p>', ""]
        if sheets:
            out += [f"**{LABELS.worksheets_for_task}**", ""] + [
                f"- {self.link(page, 'werkblad', w.id, w.title)}: {w.purpose}" for w in sheets]
        return "\n".join(out) + "\n"


    def waaier_overview(self, page: str) -> str:
        """Cards for every worksheet, with filters by fase, basistaak and doelgroep."""
        T = LABELS.waaier
        link = self.routes.link
        sheets = self.cat.worksheets_in_order()
        cards = [{"ws": ws, "page": link(page, page_of("werkblad", ws.id)),
                  "blank": link(page, worksheet_pdf(ws.id)),
                  "fillable": link(page, worksheet_pdf(ws.id, True)),
                  "phase": LABELS.phase_names[ws.phase],
                  "task": self.cat.tasks[ws.task].title if ws.task else "",
                  "audience": ", ".join(LABELS.audience_names[a].lower() for a in ws.audience)}
                 for ws in sheets]
        used_phases = [p for p in LABELS.phase_names if any(w.phase == p for w in sheets)]
        used_tasks = [t for t in self.cat.tasks.values() if any(w.task == t.id for w in sheets)]
        used_audiences = [a for a in LABELS.audience_names if any(a in w.audience for w in sheets)]
        filters = [("fase", T["phase"], [(p, LABELS.phase_names[p]) for p in used_phases]),
                   ("basistaak", T["task"], [(t.id, t.title) for t in used_tasks]),
                   ("doelgroep", T["audience"],
                    [(a, LABELS.audience_names[a]) for a in used_audiences])]
        html = self.env.get_template("waaier.html").render(cards=cards, filters=filters, T=T)
        return "\n".join(line for line in html.splitlines() if line.strip())

    def tag_overview(self) -> str:
        """One Material tags listing per category (fase, basistaak, werkveld, doelgroep)."""
        out = []
        for category, tags in self.cat.method.tag_vocabulary().items():
            if category == "doelgroep" and not self.training_on:
                tags = [t for t in tags if t != "trainer"]
            listed = ", ".join(f'"{t}"' for t in tags)
            out += [f"## {LABELS.tag_categories[category]}", "",
                    f"<!-- material/tags {{ include: [{listed}] }} -->", ""]
        return "\n".join(out)

    def exercise(self, page: str, ident: str) -> str:
        return self.training.exercise(page, ident, trainer=True)

    def course(self, page: str, ident: str) -> str:
        return self.training.course(page, ident)

    def exercise_overview(self, page: str) -> str:
        return self.training.exercise_overview(page)

    def course_overview(self, page: str) -> str:
        return self.training.course_overview(page)


def _task_summary(t: models.Task) -> str:
    return f"Basistaak {t.number} · {LABELS.phase_names[t.phase]}. {t.description}"
