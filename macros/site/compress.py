"""Precompressed copies of the site's text files, for web servers that serve them as they are
(nginx `gzip_static on`, hosting/nginx.conf): the search index goes from about 1.1 MB to about
200 KB over the wire, without the server compressing anything per request.

gzip only. Brotli would save a little more, but nginx serves it only with a separate module
(Debian's is a release candidate from years ago), and every browser accepts gzip.

Compressing every file again took 1.2 s of a rebuild in which nothing changed (December 2026),
so the copies are kept in the cache by the digest of what they hold, and only a changed file is
compressed. The cache folder is not trusted: a kept copy is used only when it is one gzip
member with our header that unpacks to exactly the file's bytes (checking costs a tenth of
compressing), otherwise it is made again.
"""
from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path

from ..print.cache import write_atomically

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}
SMALLEST = 512  # bytes: below this the gzip header costs as much as it saves
LEVEL = 9
# What gzip.compress(data, LEVEL, mtime=0) starts with: no file name, no time, no comment.
HEADER = gzip.compress(b"", compresslevel=LEVEL, mtime=0)[:10]
FOLDER = "gzip"


def precompress(site_dir: Path, cache_dir: Path | None = None) -> int:
    """Write name.gz beside every text file worth it; return how many were written. The copy
    has no file name or time in its header, so the same site gives the same bytes. cache_dir:
    where copies are kept between builds (one folder per site folder); None keeps none."""
    kept = _kept_folder(site_dir, cache_dir)
    used: set[str] = set()
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < SMALLEST:
            continue
        data = path.read_bytes()
        packed = _packed(data, kept, used)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    if kept is not None:
        for old in kept.glob("*.gz"):
            if old.name not in used:  # a file of an earlier build that no file holds now
                old.unlink(missing_ok=True)
    return written


def _kept_folder(site_dir: Path, cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    place = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir / FOLDER / place


def _packed(data: bytes, kept: Path | None, used: set[str]) -> bytes:
    if kept is None:
        return gzip.compress(data, compresslevel=LEVEL, mtime=0)
    name = hashlib.sha256(data).hexdigest()[:32] + ".gz"
    used.add(name)
    try:
        packed = (kept / name).read_bytes()
        if holds(packed, data):
            return packed
    except OSError:
        pass
    packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    try:
        write_atomically(kept / name, packed)
    except OSError:  # a read-only cache: compressed again next time
        pass
    return packed


def holds(packed: bytes, data: bytes) -> bool:
    """packed is a single gzip member with our header whose content is data, and nothing more."""
    if not packed.startswith(HEADER):
        return False
    unpacker = zlib.decompressobj(wbits=31)
    try:
        content = unpacker.decompress(packed, len(data) + 1)
    except zlib.error:
        return False
    return content == data and unpacker.eof and not unpacker.unused_data
