"""A seal on what the PDF cache keeps: an HMAC with a key that lives outside the project.

The cache's index records each PDF's size and sha256, and the decompressed fonts sit beside
it. Whoever can write `.cache/` (a CI cache restored from another branch, a project folder
copied from someone else) could write a PDF and an index entry that matches it, or a font
with other glyphs. With the seal they cannot: without the key no record verifies, and an
unverified PDF or font is made again. The key is made once per user, readable only by them.
When it cannot be read or written, a build uses a key of its own: correct, only slower,
because nothing earlier verifies."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = Path.home() / ".local" / "state" / "krachtwerk" / "cache-sleutel"


def user_key(path: Path | None = None) -> tuple[bytes, str | None]:
    """(key, note): the note says why the build makes everything again, or is None."""
    path = path or KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key, None
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key)
        return key, None
    except OSError as e:
        return key, (f"Let op: de sleutel van de PDF-cache ({path}) is niet te bewaren "
                     f"({e.strerror}); deze bouw gebruikt niets uit de cache van eerdere bouwen")


def seal(key: bytes, *parts: str) -> str:
    return hmac.new(key, "\0".join(parts).encode(), hashlib.sha256).hexdigest()


def verifies(key: bytes, expected: object, *parts: str) -> bool:
    return isinstance(expected, str) and hmac.compare_digest(expected, seal(key, *parts))
