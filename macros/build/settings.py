"""What a build is asked to make, read from the environment in one place.

    KRACHTWERK_EDITIE     folder of the edition (default: site_config/default)
    KRACHTWERK_PDF        uit/nee/0/false: no PDFs (quick site-only builds)
    KRACHTWERK_PDF_JOBS   worker processes for the PDFs (default: one per core)
    KRACHTWERK_OFFLINE    a site that works from disk (file://): see `make offline`
    KRACHTWERK_WACHTTIJD  seconds a build waits for another one in the same folder (120)
    SOURCE_DATE_EPOCH     the build date on covers, for reproducible builds
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..model.problems import ContentError, Problem

from ..model.load import DEFAULT_EDITION
CACHE_DIR = ".cache"
NO = ("0", "uit", "nee", "false", "no", "off")
YES = ("1", "aan", "ja", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    root: Path
    edition_dir: Path
    pdfs: bool = True
    pdf_jobs: int | None = None
    offline: bool = False
    lock_wait: int = 120
    date: dt.date = field(default_factory=dt.date.today)

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR

    @classmethod
    def from_environment(cls, root: Path, environ: Mapping[str, str] | None = None) -> "Settings":
        """Raises ContentError (a Dutch message naming the variable) for a value it cannot use."""
        env = os.environ if environ is None else environ
        root = root.resolve()
        problems: list[Problem] = []

        def value(name: str) -> str:
            return env.get(name, "").strip()

        def flag(name: str, default: bool) -> bool:
            text = value(name).lower()
            if text and text not in NO + YES:
                problems.append(Problem(name, 0, "", f"'{text}' is geen ja of nee; kies uit: "
                                        f"{', '.join(YES)} of {', '.join(NO)}"))
            return default if text not in NO + YES else text in YES

        def number(name: str) -> int | None:
            text = value(name)
            if text and not (text.isdigit() and int(text) >= 1):
                problems.append(Problem(name, 0, "", f"'{text}' is geen aantal; "
                                        "schrijf een geheel getal vanaf 1"))
                return None
            return int(text) if text else None

        def date(name: str) -> dt.date:
            text = value(name)
            if text and not text.isdigit():
                problems.append(Problem(name, 0, "", f"'{text}' is geen tijdstip; schrijf het "
                                        "aantal seconden sinds 1970 (zoals `date +%s` geeft)"))
                return dt.date.today()
            return (dt.datetime.fromtimestamp(int(text), dt.timezone.utc).date() if text
                    else dt.date.today())

        edition = value("KRACHTWERK_EDITIE")
        settings = cls(root=root,
                       edition_dir=(Path(edition) if edition else root / DEFAULT_EDITION).resolve(),
                       pdfs=flag("KRACHTWERK_PDF", True),
                       pdf_jobs=number("KRACHTWERK_PDF_JOBS"),
                       offline=flag("KRACHTWERK_OFFLINE", False),
                       lock_wait=number("KRACHTWERK_WACHTTIJD") or 120,
                       date=date("SOURCE_DATE_EPOCH"))
        if problems:
            raise ContentError(problems)
        return settings
