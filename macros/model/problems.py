"""Content problems, collected across a whole build and reported together.

    Exception tree
    ContentError            the content has mistakes; carries every Problem found (user error)
    (anything else)         a bug in this code; let it surface with its traceback

A Problem is one mistake at one place: `file:line (where): what is wrong; what is allowed`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        line = f":{self.line}" if self.line else ""  # 0: a setting, not a line in a file
        return f"{self.file}{line}{where}: {self.message}"


class ContentError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = "1 probleem in de inhoud:" if n == 1 else f"{n} problemen in de inhoud:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
