"""PDFs by content hash in .cache/pdf, so that a rebuild renders only what changed.

A job's cache key hashes its print HTML (the CSS is inlined), the bytes of every local file it
loads (fonts, logo, images), the WeasyPrint version, the render options and the code that
turns print HTML into a PDF (pdf.py, form.py, tagging.py): edit that code and every PDF is rendered again. The
code that makes the print HTML needs no place in the key: its output, the HTML, is in it.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from importlib.metadata import version
from pathlib import Path

from . import form, pdf, seal, tagging
from .memo import Memo
from .pdf import RENDER_OPTIONS
from .render import Document

INDEX = "index.json"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name, then rename (atomic), so a build running at the same time
    (two test runs, or a `mkdocs serve` rebuild still finishing) never reads half a file.
    Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


class Cache:
    """PDFs by content hash in one folder, with an index of the key each output last had.
    Each edition keeps its own index, so building one edition does not evict another's PDFs."""

    def __init__(self, folder: Path, index: str = INDEX, key: bytes | None = None):
        self.folder = folder
        self.index = index
        self.notes: list[str] = []  # what the build should say: a cache it cannot write
        if key is None:
            key, note = seal.user_key()
            self.notes += [note] if note else []
        self.key_bytes = key  # seals the index records (print/seal.py)
        self._digests: dict[Path, str] = {}
        self._records: dict[str, dict] = {}  # key -> size and sha256 of a PDF seen whole
        self._verified: set[str] = set()  # keys whose PDF this build read whole and matched
        self._index_records: dict[str, dict] | None = None
        code = hashlib.sha256(b"".join(path.read_bytes() for path in _render_code())).hexdigest()
        self._salt = (f"{code} weasyprint {version('weasyprint')} pydyf {version('pydyf')} "
                      f"{sorted(RENDER_OPTIONS.items())}")
        # inputs digest -> key (print/memo.py), beside the edition's index
        self.memo = Memo(folder / index.replace("index", "memo", 1), key, self._salt)

    def _digest(self, path: Path) -> str:
        if path not in self._digests:
            self._digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._digests[path]

    def key(self, document: Document) -> str:
        h = hashlib.sha256(self._salt.encode())
        h.update(document.html.encode())
        h.update(json.dumps(document.field_labels).encode())
        for path in sorted(set(document.inputs)):
            h.update(f"\n{path.name} {self._digest(path)}".encode())
        return h.hexdigest()[:32]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def facts_path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def store(self, key: str, data: bytes, facts: dict | None = None) -> bool:
        """False when the cache folder cannot be written (read-only): the PDF is then
        published from memory, and the next build renders it again. facts (pages, anchors,
        bookmarks: what a book joined from parts needs) go beside the PDF."""
        try:
            if facts is not None:
                text = json.dumps(facts, sort_keys=True)
                write_atomically(self.facts_path(key), json.dumps(
                    {"feiten": facts, "zegel": seal.seal(self.key_bytes, key, text)}
                ).encode("utf-8"))
            write_atomically(self.path(key), data)
        except OSError as e:
            self.unwritable(e)
            return False
        self._records[key] = _record(data)
        return True

    def facts(self, key: str) -> dict | None:
        """The layout facts stored with a PDF, or None (none stored, not readable, or not
        sealed with this user's key: the facts' page numbers and bookmark titles go into
        other parts and the joined book, so a planted file must not count)."""
        try:
            stored = json.loads(self.facts_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        facts = stored.get("feiten") if isinstance(stored, dict) else None
        if not isinstance(facts, dict) or not seal.verifies(
                self.key_bytes, stored.get("zegel"), key, json.dumps(facts, sort_keys=True)):
            return None
        return facts if well_formed_facts(facts) else None

    def drop(self, key: str) -> None:
        """Delete a cached PDF no index will name (a book part rendered with page numbers
        that turned out wrong)."""
        self._verified.discard(key)
        for path in (self.path(key), self.facts_path(key)):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass

    def unwritable(self, error: OSError) -> None:
        if not any("niet te schrijven" in note for note in self.notes):
            self.notes.append(f"Let op: de cache {self.folder} is niet te schrijven "
                              f"({error.strerror}); de PDF's worden gemaakt zonder cache, "
                              "dus de volgende bouw is trager")

    def _read_index(self, name: str) -> dict[str, dict]:
        """output -> {key, size, sha256}, for the records whose seal verifies. An index from
        before the records or the seals, one that is not JSON, or one written without this
        user's key counts as empty: its PDFs are rendered again."""
        try:
            index = json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(index, dict):
            return {}
        return {out: rec for out, rec in index.items() if isinstance(rec, dict)
                and isinstance(rec.get("key"), str) and isinstance(rec.get("size"), int)
                and isinstance(rec.get("sha256"), str) and seal.verifies(
                    self.key_bytes, rec.get("seal"), rec["key"], str(rec["size"]),
                    rec["sha256"])}

    def _known(self) -> dict[str, dict]:
        """key -> record, from every edition's index (read once)."""
        if self._index_records is None:
            self._index_records = {rec["key"]: rec for path in sorted(self.folder.glob("index*.json"))
                                   for rec in self._read_index(path.name).values()}
        return self._index_records

    def valid(self, key: str) -> bool:
        """A cached PDF is used only when an index recorded it and its size and sha256 still
        match: a truncated, emptied or replaced file is rendered again."""
        record = self._records.get(key) or self._known().get(key)
        path = self.path(key)
        try:
            if record is None or path.stat().st_size != record["size"]:
                return False
            # read whole once per build: a build asks several times (memo, parts, books)
            ok = key in self._verified or (
                hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"])
        except OSError:
            return False
        if ok:
            self._records[key] = record
            self._verified.add(key)
        return ok

    def forget_replaced(self, keys: dict[str, str], keep: tuple[str, ...] = ()
                        ) -> dict[str, str]:
        """Record this build's outputs (output -> key, with size and sha256) as the edition's
        index, and delete the cached PDFs its previous index named that no output uses any
        more: an output whose inputs changed, or one that is gone (a deleted worksheet). A PDF
        another edition's index still names stays: building one edition does not evict
        another's PDFs. keep: output prefixes this build did not look at (the parts of a book
        published from the memo), whose records in the previous index stay as they are.
        Returns the outputs and keys recorded."""
        previous = self._read_index(self.index)
        if keep:
            keys = {**{out: rec["key"] for out, rec in previous.items() if out.startswith(keep)},
                    **keys}
        old = {rec["key"] for rec in previous.values()}
        others = {rec["key"] for path in self.folder.glob("index*.json")
                  if path.name != self.index for rec in self._read_index(path.name).values()}
        for key in old - set(keys.values()) - others:
            self.drop(key)  # a read-only cache keeps it; the index below fails and says so
        index = {}
        for output, key in keys.items():
            record = self._records.get(key) or self._known().get(key)
            if record is None and self.path(key).is_file():
                record = _record(self.path(key).read_bytes())
            if record is not None:
                size, sha256 = record["size"], record["sha256"]
                index[output] = {"key": key, "size": size, "sha256": sha256,
                                 "seal": seal.seal(self.key_bytes, key, str(size), sha256)}
        try:
            write_atomically(self.folder / self.index,
                             json.dumps(index, indent=0, sort_keys=True).encode("utf-8"))
            if (memo := self.memo.entries_to_write()) is not None:
                write_atomically(self.memo.path, json.dumps(memo, indent=0).encode("utf-8"))
        except OSError as e:
            self.unwritable(e)
        return keys


def _render_code() -> list[Path]:
    """The code that turns print HTML into a PDF: rendering, what it may fetch, the form fields
    and the tags it adds afterwards. fetch.py is read, not imported: importing it imports
    WeasyPrint (1.5 s), which a build that renders nothing does not need."""
    return [Path(pdf.__file__), Path(__file__).with_name("fetch.py"),
            Path(form.__file__), Path(tagging.__file__)]


def well_formed_facts(facts: dict) -> bool:
    """Facts as pdf.render_with_facts makes them: page numbers are whole numbers."""
    anchors, marks = facts.get("anchors"), facts.get("bookmarks")
    return (isinstance(facts.get("pages"), int) and isinstance(anchors, dict)
            and all(isinstance(v, int) for v in anchors.values()) and isinstance(marks, list)
            and all(isinstance(m, list) and len(m) == 3 and isinstance(m[0], int)
                    and isinstance(m[1], int) and isinstance(m[2], str) for m in marks))


def _record(data: bytes) -> dict:
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def decompressed_fonts(fonts: list[Path], cache_dir: Path, key: bytes | None = None) -> list[Path]:
    """The project's WOFF2 fonts as TrueType, converted once into the cache, each with a seal
    (print/seal.py) over its WOFF2 source and its own bytes: a font someone else put there is
    converted again.

    WeasyPrint would otherwise decompress every WOFF2 font again for every document, which
    took about half the time of a one-page worksheet."""
    key = key if key is not None else seal.user_key()[0]
    out = []
    for path in fonts:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        target = cache_dir / "fonts" / digest[:16] / f"{path.stem}.ttf"
        sealed = target.with_name(target.name + ".seal")
        try:
            ok = seal.verifies(key, sealed.read_text(encoding="ascii"), digest,
                               hashlib.sha256(target.read_bytes()).hexdigest())
        except (OSError, ValueError):
            ok = False
        if not ok:
            from fontTools.ttLib import TTFont

            font = TTFont(path, recalcTimestamp=False)  # the same bytes every time
            font.flavor = None
            truetype = io.BytesIO()
            font.save(truetype)
            data = truetype.getvalue()
            try:
                write_atomically(target, data)
                write_atomically(sealed, seal.seal(key, digest, hashlib.sha256(data)
                                                   .hexdigest()).encode("ascii"))
            except OSError:  # a read-only cache: WeasyPrint decompresses the WOFF2 itself
                out.append(path)
                continue
        out.append(target)
    return out


def shared_copy(path: Path, cache_dir: Path) -> Path:
    """A file under a name made from its content, in the cache: an edition's logo, so that
    the print HTML of two editions with the same logo (the locations of one organisation, each
    with its own folder) is the same and their identical PDFs are rendered once (#23). A copy
    whose bytes differ from the original (planted, or half written) is written again."""
    data = path.read_bytes()
    target = cache_dir / "bestanden" / hashlib.sha256(data).hexdigest()[:16] / path.name
    try:
        same = target.read_bytes() == data
    except OSError:
        same = False
    if not same:
        try:
            write_atomically(target, data)
        except OSError:  # a read-only cache: the file where it is
            return path
    return target
