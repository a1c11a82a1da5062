"""Clock times for a course programme, computed from the data (never typed by hand)."""
from __future__ import annotations

from dataclasses import dataclass

from . import models


@dataclass(frozen=True)
class Slot:
    start: str
    end: str
    minutes: int
    title: str | None  # None for a break: the view names it (ui_text.yml)
    exercise: models.Exercise | None
    is_pause: bool


DAY = 24 * 60  # a session ends by midnight (the check step refuses one that does not)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_of(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def session_slots(session: models.Session, exercises: dict[str, models.Exercise]) -> list[Slot]:
    now = minutes_of(session.start)
    slots = []
    for item in session.items:
        if item.exercise is not None:
            ex = exercises[item.exercise]
            length, title, pause = ex.minutes, ex.title, False
        elif item.pause is not None:
            ex, length, title, pause = None, item.pause, None, True
        else:
            ex, length, title, pause = None, item.minutes, item.title, False
        slots.append(Slot(clock(now), clock(now + length), length, title, ex, pause))
        now += length
    return slots


def session_end(session: models.Session) -> str:
    return clock(minutes_of(session.start) + session.length)
