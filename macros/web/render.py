"""Web view: HTML and Markdown for the macros that pages call. Knows nothing of MkDocs."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..model import models
from ..model.catalogue import Catalogue
from ..model.controls import (PAPER, ROW_SLOT, TICKED, WEB, Medium, field_controls,
                              worksheet_controls)
from ..model.check import CONTENT
from ..model.labels import LABELS
from ..model.routes import (PDF_LIB_SCRIPTS, PRIVACY_PAGE, Routes, page_of, worksheet_pdf,
                            worksheet_pdf_script)
from .templates import template_environment
from .training import TrainingRenderer
from .translations import PageTexts, page_texts, script_texts
from .views import Views, bilingual_pdfs, worksheet_pdfs

# The page that lists the client folders on this device (content/mappen.md).
FOLDERS_PAGE = "mappen.md"


def field_context(cat: Catalogue, ws: models.Worksheet, field, medium: Medium,
                  texts: PageTexts | None = None) -> dict:
    """What every field partial needs, for the web form and for print alike. The partials take
    control names from `controls` (model/controls.py) and never put one together; `t` gives
    each client-facing text with its translations (web/translations.py; Dutch only unless a
    renderer passes languages)."""
    rows = cat.table_rows(field) if isinstance(field, models.Table) else None
    context = {"field": field, "fid": f"{ws.id}-{field.id or 'uitleg'}", "rows": rows,
               "controls": field_controls(cat, field, medium), "picto": cat.pictogram,
               "t": texts if texts is not None else PageTexts(web=medium == WEB)}
    if isinstance(field, models.Total):
        context["total"] = total_of(cat, ws, field, medium)
    return context


def total_of(cat: Catalogue, ws: models.Worksheet, field: models.Total, medium: Medium) -> dict:
    """What a total adds up: the control names of its fields and the highest total (None when
    a number field has no maximum)."""
    scored = [f for f in ws.fields if f.id in field.sums]
    maxima = [f.max for f in scored]
    names = [c.name for f in scored for c in field_controls(cat, f, medium)]
    return {"names": names, "count": len(scored),
            "max": None if None in maxima else int(sum(maxima))}


class WebRenderer:
    """Renders catalogue items for one page; links are made relative to that page."""

    def __init__(self, cat: Catalogue, routes: Routes = Routes(), env=None):
        self.cat = cat
        self.routes = routes
        self.training_on = cat.edition.sections.training
        self.env = env or template_environment()
        self.views = Views(self.env, routes)
        self.training = TrainingRenderer(cat, self.views)

    # --- links ------------------------------------------------------------------------
    def worksheet_link(self, page: str, ident: str) -> str:
        return self.views.inline("werkblad-link", page, ws=self.cat.worksheets[ident])

    # --- worksheet --------------------------------------------------------------------
    def field_html(self, ws: models.Worksheet, field, texts: PageTexts | None = None) -> Markup:
        template = self.env.get_template(f"fields/{field.type}.html")
        texts = texts if texts is not None else page_texts(self.cat, ws)
        return Markup(template.render(**field_context(self.cat, ws, field, WEB, texts)))

    def answer_outline(self, ws: models.Worksheet) -> dict:
        """Every answer name the form has, with its kind and label, for the browser script
        (autosave, import checks, answers of older versions). A list is described by its row
        template: name and label patterns with `slot` where the row number goes. `paper` says
        which PDF check box each option of a multiple choice is (on paper each has its own
        name, see controls.py); every other answer has the same name on paper."""
        fields, lists, paper = {}, {}, {}
        for field, controls in worksheet_controls(self.cat, ws, WEB):
            if ROW_SLOT in controls.rows():
                lists[field.id] = {c.name: [c.kind, c.label] for c in controls
                                   if c.row == ROW_SLOT}
            else:
                fields.update({c.name: [c.kind, c.label] for c in controls})
            if any(c.kind == "multi" for c in controls):
                boxes = field_controls(self.cat, field, PAPER)
                paper[field.id] = {option: boxes.name(option=n)
                                   for n, option in enumerate(field.options, 1)}
        return {"fields": fields, "lists": lists, "slot": ROW_SLOT, "ticked": TICKED,
                "paper": paper}

    def worksheet_form(self, ws: models.Worksheet, page: str | None = None) -> str:
        template = self.env.get_template("werkblad.html")
        here = page or "index.md"
        texts = page_texts(self.cat, ws)
        html = template.render(ws=ws, render_field=lambda f: self.field_html(ws, f, texts),
                               t=texts, language_texts=script_texts(texts),
                               fill_pdf_href=self.routes.link(here, worksheet_pdf_script(ws.id)),
                               pdf_lib_hrefs=" ".join(self.routes.link(here, script)
                                                      for script in PDF_LIB_SCRIPTS),
                               picto=self.cat.pictogram,
                               outline=self.answer_outline(ws), ui=LABELS.worksheet_ui,
                               privacy_href=self.routes.link(page or "index.md", PRIVACY_PAGE),
                               folders_href=self.routes.link(page or "index.md", FOLDERS_PAGE))
        # Python-Markdown ends a raw HTML block at a blank line; keep the form in one block.
        return "\n".join(line for line in html.splitlines() if line.strip())

    def _language_guides(self) -> list[tuple[str, str]]:
        """The guidance pages on language and reading that this project has (a small test
        site has none): (page id, link text)."""
        pages = LABELS.language_guidance["pages"]
        return [(ident, text) for ident, text in pages.items()
                if (self.cat.root / CONTENT / page_of("taalgids", ident)).is_file()]

    def worksheet(self, page: str, ident: str) -> str:
        ws = self.cat.worksheets[ident]
        return self.views.block(
            "werkblad", page, ws=ws, pdfs=worksheet_pdfs(ws.id),
            bilingual=bilingual_pdfs(self.cat, ws), language_guides=self._language_guides(),
            principles=[self.cat.principles[p] for p in ws.principles if p in self.cat.principles],
            form=Markup(self.worksheet_form(ws, page)))

    # --- method -----------------------------------------------------------------------
    def principle(self, page: str, ident: str) -> str:
        sheets = [w for w in self.cat.worksheets.values() if ident in w.principles]
        exercises = [e for e in self.cat.exercises.values() if ident in e.principles] \
            if self.training_on else []
        return self.views.block("principe", page, p=self.cat.principles[ident],
                                sheets=sheets, exercises=exercises)

    def task(self, page: str, ident: str) -> str:
        sheets = [w for w in self.cat.worksheets.values() if w.task == ident]
        return self.views.block("basistaak", page, t=self.cat.tasks[ident], sheets=sheets)

    def ui_block(self, template: str) -> str:
        """A container the worksheet script fills (the folder overview, the storage status),
        with the UI strings it needs; kept in one raw HTML block for Markdown."""
        html = self.env.get_template(template).render(ui=LABELS.worksheet_ui)
        return "\n".join(line for line in html.splitlines() if line.strip())

    def default_folder(self) -> str:
        return str(escape(LABELS.worksheet_ui["folder_default"]))

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
        categories = self.cat.method.tag_vocabulary()
        if not self.training_on:
            categories["doelgroep"] = [t for t in categories["doelgroep"] if t != "trainer"]
        return self.views.block("trefwoorden", None, categories=categories)

    def exercise(self, page: str, ident: str) -> str:
        return self.training.exercise(page, ident, trainer=True)

    def course(self, page: str, ident: str) -> str:
        return self.training.course(page, ident)

    def exercise_overview(self, page: str) -> str:
        return self.training.exercise_overview(page)

    def course_overview(self, page: str) -> str:
        return self.training.course_overview(page)

