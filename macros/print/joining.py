"""The books rendered by parts (book_parts.py), finished: parts whose page numbers moved are
rendered again, then each book is joined (join.py), cached and put in the site.

Runs in SitePdfs.finish, after the first rendering (every other PDF and every part with the
page numbers remembered from the last build) is done.
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable

from . import book_parts
from .pdf import Result
from .rendering import Rendering, _publish, _publish_bytes


def _facts(sitepdfs, key: str, unstored: dict) -> dict | None:
    return sitepdfs.rendering.cache.facts(key) or unstored.get(key, (None, None))[1]


def join_books(sitepdfs, site_dir: Path, results: list[Result],
               report: Callable[[str], None]) -> list[Result]:
    """results of the first rendering in, the site's results out: the parts replaced by their
    books. Writes the cache index for every output of this build."""
    from . import join  # pikepdf, imported by a build that joins a book, not by every build

    first = sitepdfs.rendering
    cache, superseded = first.cache, first.superseded
    books = sitepdfs.books
    rendered = dict(first.keys)  # output -> key of the PDF rendered or cached for it
    unstored = dict(first.unstored)
    replaced: set[str] = set()
    again_rendered: set[str] = set()
    whole: dict[str, bytes] = {}  # book output -> its one-go render, when its parts are that
    for parted in books:
        key = rendered.pop(parted.one_go_job().output, None)
        if key is not None and (key in unstored or cache.valid(key)):
            start = time.perf_counter()
            data = cache.path(key).read_bytes() if key not in unstored else unstored[key][0]
            adopted = parted.adopt(data, _facts(sitepdfs, key, unstored) or {})
            report(f"PDF {parted.job.output.removeprefix('pdf/')} in één keer gemaakt, "
                   f"in {len(adopted or ())} delen gesneden voor de cache "
                   f"{time.perf_counter() - start:.2f} s")
            for job, piece, facts in adopted or ():
                rendered[job.output] = part_key = cache.key(job.document)
                if not cache.store(part_key, piece, facts):
                    unstored[part_key] = (piece, facts)
            if adopted:
                whole[parted.job.output] = data
            replaced.add(key)
    settled = False
    for _ in range(book_parts.MAX_ROUNDS):
        for parted in books:
            parted.learn({out: facts for out, key in rendered.items()
                          if (facts := _facts(sitepdfs, key, unstored)) is not None})
        stale = [job for parted in books for job in parted.jobs()
                 if cache.key(job.document) != rendered.get(job.output)]
        settled = not stale
        if not stale or superseded.is_set():  # superseded: the newer rebuild renders them
            break
        report(f"PDF-delen met verschoven paginanummers opnieuw: {len(stale)}")
        again = Rendering(stale, cache, sitepdfs.workers, sitepdfs.session, record_index=False,
                          drop_others=False)
        again.superseded = superseded
        results += again.finish(site_dir, report)
        replaced |= {rendered[o] for o in again.keys if o in rendered} - set(again.keys.values())
        rendered.update(again.keys)
        again_rendered |= set(again.keys)
        unstored.update(again.unstored)
    parts = {o for parted in books for o in (parted.output(i) for i in range(len(parted.parts)))}
    parts |= {parted.one_go_job().output for parted in books}
    results = [r for r in results if r.output not in parts]
    if superseded.is_set():  # a newer rebuild joins its own book
        return results
    keys = dict(rendered)
    code = hashlib.sha256(Path(join.__file__).read_bytes()).hexdigest()
    for parted in books:
        outputs = [parted.output(i) for i in range(len(parted.parts))]
        book_key = hashlib.sha256(" ".join([code, *(rendered[o] for o in outputs)])
                                  .encode()).hexdigest()[:32]
        keys[parted.job.output] = book_key
        start = time.perf_counter()
        if cache.valid(book_key):
            data, how = None, "(cache)"
        elif parted.job.output in whole and all(o not in again_rendered for o in outputs):
            data, how = whole[parted.job.output], "in één keer"
        else:
            data = join.join([(cache.path(rendered[o]).read_bytes() if rendered[o] not in unstored
                               else unstored[rendered[o]][0], _facts(sitepdfs, rendered[o], unstored))
                              for o in outputs])
            how = f"uit {len(outputs)} delen {time.perf_counter() - start:.2f} s"
        if data is not None and cache.store(book_key, data):
            data = None
        if data is not None:
            size = _publish_bytes(data, site_dir, parted.job.output)
        else:
            size = _publish(cache.path(book_key), site_dir, parted.job.output)
        report(f"PDF 1/1 {parted.job.output.removeprefix('pdf/')} {how}")
        results.append(Result(parted.job.output, size, None, None))
        if settled and parted.job.inputs_digest and data is None:  # in the cache
            # its page numbers settled: the same inputs give this book (memo.py)
            cache.memo.remember(parted.job.inputs_digest, book_key)
    keys = cache.forget_replaced(keys, first.keep)
    book_parts.write_memory(cache, books, keep_old=bool(first.keep))
    for key in replaced - set(keys.values()):
        cache.drop(key)
    return results
