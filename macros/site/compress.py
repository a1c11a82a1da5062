"""Precompressed copies of the site's text files, for web servers that serve them as they are
(nginx `gzip_static on`, hosting/nginx.conf): the search index goes from about 1.1 MB to about
200 KB over the wire, without the server compressing anything per request.

gzip only. Brotli would save a little more, but nginx serves it only with a separate module
(Debian's is a release candidate from years ago), and every browser accepts gzip.
"""
from __future__ import annotations

import gzip
from pathlib import Path

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}
SMALLEST = 512  # bytes: below this the gzip header costs as much as it saves


def precompress(site_dir: Path) -> int:
    """Write name.gz beside every text file worth it; return how many were written. The copy
    has no file name or time in its header, so the same site gives the same bytes."""
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < SMALLEST:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    return written
