"""Trainer material in two views from one source: trainer (everything) and participant."""
from __future__ import annotations

from ..model import models
from ..model.catalogue import Catalogue
from ..model.labels import LABELS
from ..model.routes import Routes, pack_page, relative
from ..model.timetable import session_end, session_slots
from .links import course_pdf_links, markdown_link

T = LABELS.training


def _deeper(markdown: str) -> str:
    """Move every heading one level down, so an exercise nests under its course heading."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def _bullets(items) -> list[str]:
    return [f"- {x}" for x in items] + [""]


class TrainingRenderer:
    def __init__(self, cat: Catalogue, routes: Routes = Routes()):
        self.cat = cat
        self.routes = routes

    def _link(self, page: str, kind: str, ident: str, title: str) -> str:
        return markdown_link(page, kind, ident, title)

    def exercise(self, page: str, ident: str, trainer: bool = True) -> str:
        ex = self.cat.exercises[ident]
        out = [f'<p class="kw-kern">{T["kind"][ex.kind]} · {ex.minutes} {T["minutes"]} · '
               f'{T["group"]} {ex.group.min}–{ex.group.max} {T["people"]}</p>', "",
               f"## {T['aims']}", ""] + _bullets(ex.aims)
        out += [f"## {T['participant_text']}", "", ex.participant_text, ""]
        if trainer:
            out += [f"## {T['preparation']}", "", ex.preparation, ""]
            if ex.materials:
                out += [f"**{T['materials']}**", ""] + _bullets(ex.materials)
        out += [f"## {T['steps']}", ""]
        for n, step in enumerate(ex.steps, 1):
            out += [f"### {n}. {step.title} ({step.minutes} {T['minutes']})", "", step.participant, ""]
            if trainer and step.trainer:
                out += [f'!!! note "{T["trainer_note"]}"', "", f"    {step.trainer}", ""]
        out += [f"## {T['debrief']}", ""] + _bullets(ex.debrief)
        if trainer:
            out += [f"## {T['variants']}", "",
                    f"**{T['small_group']}** {ex.variants.small_group}", "",
                    f"**{T['large_group']}** {ex.variants.large_group}", "",
                    f"**{T['online']}** {ex.variants.online}", "",
                    f"## {T['pitfalls']}", ""] + _bullets(ex.pitfalls)
            if ex.trainer_notes:
                out += [f"## {T['background']}", "", ex.trainer_notes, ""]
        links = [self._link(page, "principe", p, self.cat.principles[p].title)
                 for p in ex.principles if p in self.cat.principles]
        links += [self._link(page, "werkblad", w, self.cat.worksheets[w].title)
                  for w in ex.worksheets if w in self.cat.worksheets]
        if links:
            out += [f"## {T['related']}", ""] + _bullets(links)
        return "\n".join(out)

    def course_exercises(self, ident: str) -> list[models.Exercise]:
        """The course's exercises in programme order, each once."""
        seen: dict[str, models.Exercise] = {}
        for session in self.cat.courses[ident].sessions:
            for item in session.items:
                if item.exercise and item.exercise not in seen:
                    seen[item.exercise] = self.cat.exercises[item.exercise]
        return list(seen.values())

    def course_pack(self, page: str, ident: str, trainer: bool) -> str:
        """The whole course on one page: the trainer script or the participants' handout."""
        course = self.cat.courses[ident]
        intro = T["script_intro"] if trainer else T["handout_intro"]
        out = [intro, "", f"## {T['programme']}", "",
               self.timetable(page, ident, link_exercises=False), ""]
        for ex in self.course_exercises(ident):
            body = self.exercise(page, ex.id, trainer=trainer)
            out += [f"## {ex.title}", "", _deeper(body), ""]
        return "\n".join(out)

    def timetable(self, page: str, ident: str, link_exercises: bool = True) -> str:
        out = []
        for session in self.cat.courses[ident].sessions:
            slots = session_slots(session, self.cat.exercises)
            used = sum(s.minutes for s in slots)
            out += [f"### {session.title}" if not link_exercises else f"## {session.title}", "",
                    f"{session.start}–{session_end(session)} · {used} {T['of']} "
                    f"{session.length} {T['minutes']} {T['planned']}", "",
                    f"| {T['time']} | {T['part']} | {T['minutes']} |", "|---|---|---:|"]
            for s in slots:
                if s.exercise and link_exercises:
                    title = self._link(page, "oefening", s.exercise.id, s.title)
                else:
                    title = f"*{s.title}*" if s.is_pause else s.title
                out.append(f"| {s.start}–{s.end} | {title} | {s.minutes} |")
            out += [f"| | **{T['total']}** | **{used}** |", ""]
        return "\n".join(out)

    def course(self, page: str, ident: str) -> str:
        course = self.cat.courses[ident]
        out = [course.description, "",
               f"**{T['audience']}** {course.audience_group}", "",
               f"## {T['aims']}", ""] + _bullets(course.aims)
        out += [f"**{T['packs']}** [{T['script']}]({relative(page, pack_page(ident, True))}) · "
                f"[{T['handout']}]({relative(page, pack_page(ident, False))})", "",
                course_pdf_links(self.routes, page, ident), "", self.timetable(page, ident)]
        return "\n".join(out)

    def exercise_overview(self, page: str) -> str:
        rows = [f"| {T['exercise']} | {T['kind_col']} | {T['minutes']} | {T['group_col']} |",
                "|---|---|---:|---|"]
        for ex in sorted(self.cat.exercises.values(), key=lambda e: e.title):
            rows.append(f"| {self._link(page, 'oefening', ex.id, ex.title)} | "
                        f"{T['kind'][ex.kind]} | {ex.minutes} | {ex.group.min}–{ex.group.max} |")
        return "\n".join(rows) + "\n"

    def course_overview(self, page: str) -> str:
        out = []
        for c in sorted(self.cat.courses.values(), key=lambda c: c.title):
            total = sum(s.length for s in c.sessions)
            out += [f"## {self._link(page, 'cursus', c.id, c.title)}", "", c.description, "",
                    f"{len(c.sessions)} {T['sessions']} · {total} {T['minutes']} · "
                    f"{T['audience']} {c.audience_group}", ""]
        return "\n".join(out)
