"""One build at a time in one project folder (issue #17): two `mkdocs build` runs at once
would clean and fill the same site/ and .cache/ and could leave a site with half its files.

The lock is an flock on the project folder itself, not a file in it: it also works in a
read-only checkout, and it goes away with the process, so a killed build leaves nothing stale.
A second build waits for the first (up to `wait` seconds, saying so), then stops with a
clear message."""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import Callable


class BuildBusy(Exception):
    """Another build holds the folder; the message says what to do."""


class BuildLock:
    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None

    def acquire(self, wait: float, report: Callable[[str], None] = print) -> None:
        if self._fd is not None:
            return  # a serve session: this process already holds it
        fd = os.open(self.folder, os.O_RDONLY)
        deadline, said = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._fd = fd
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise BuildBusy(f"Er draait al een bouw in {self.folder}; deze bouw is "
                                    f"gestopt na {wait:.0f} s wachten. Wacht tot die klaar "
                                    "is, of stop hem, en bouw dan opnieuw.") from None
                if not said:
                    report(f"Er draait al een bouw in {self.folder}: deze wacht tot die klaar "
                           f"is (hoogstens {wait:.0f} s).")
                    said = True
                time.sleep(0.2)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
