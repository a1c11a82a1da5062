"""Trainer material in two views from one source: trainer (everything) and participant. What
each view leaves out is decided in one template (templates/views/oefening.md)."""
from __future__ import annotations

from ..model import models
from ..model.catalogue import Catalogue
from ..model.cards import exercise_cards
from ..model.routes import Routes, cards_pdf, pack_page, relative
from ..model.timetable import session_end, session_slots
from .templates import template_environment
from .views import Views, course_pdfs


class TrainingRenderer:
    def __init__(self, cat: Catalogue, views: Views | None = None):
        self.cat = cat
        self.views = views or Views(template_environment(), Routes())

    def exercise(self, page: str, ident: str, trainer: bool) -> str:
        ex = self.cat.exercises[ident]
        cards = [(cards_pdf(ident), "cards_pdf")] if exercise_cards(ex) else []
        return self.views.block("oefening", page, ex=ex, trainer=trainer,
                                related=self._related, cards=cards)

    def _related(self, ex: models.Exercise) -> list[tuple[str, object]]:
        """The principles and worksheets an exercise works on, as (page kind, item)."""
        return [("principe", self.cat.principles[p]) for p in ex.principles
                if p in self.cat.principles] + \
               [("werkblad", self.cat.worksheets[w]) for w in ex.worksheets
                if w in self.cat.worksheets]

    def course_exercises(self, ident: str) -> list[models.Exercise]:
        """The course's exercises in programme order, each once."""
        seen: dict[str, models.Exercise] = {}
        for session in self.cat.courses[ident].sessions:
            for item in session.items:
                if item.exercise and item.exercise not in seen:
                    seen[item.exercise] = self.cat.exercises[item.exercise]
        return list(seen.values())

    def _sessions(self, ident: str) -> list[tuple[models.Session, list, str]]:
        """Each dagdeel with its slots and clock times, for the timetable (views/_rooster.md)."""
        return [(s, session_slots(s, self.cat.exercises), session_end(s))
                for s in self.cat.courses[ident].sessions]

    def course_pack(self, page: str, ident: str, trainer: bool) -> str:
        """The whole course on one page: the trainer script or the participants' handout."""
        return self.views.block("cursus-pakket", page, trainer=trainer,
                                sessions=self._sessions(ident),
                                exercises=self.course_exercises(ident), related=self._related)

    def course(self, page: str, ident: str) -> str:
        return self.views.block("cursus", page, course=self.cat.courses[ident],
                                sessions=self._sessions(ident), pdfs=course_pdfs(ident),
                                script=relative(page, pack_page(ident, True)),
                                handout=relative(page, pack_page(ident, False)))

    def exercise_overview(self, page: str) -> str:
        return self.views.block("oefeningen-overzicht", page,
                                exercises=sorted(self.cat.exercises.values(),
                                                 key=lambda e: e.title))

    def course_overview(self, page: str) -> str:
        return self.views.block("cursussen-overzicht", page,
                                courses=sorted(self.cat.courses.values(), key=lambda c: c.title))
