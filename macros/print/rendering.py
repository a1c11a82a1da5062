"""Rendering many PDF jobs: worker processes, the cache, publishing into the site.

Jobs render in worker processes, one per core (the build's settings may ask for fewer; 1
renders in this process). A `mkdocs build` gets its own pool, started as soon as every page's HTML is
known (see publish.py). Under `mkdocs serve` one pool lives for the whole session: a job whose
PDF is still rendering for an earlier rebuild is not started again, and jobs that no rebuild
needs any more are dropped before they start.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterator

from .cache import Cache
# render gives the layout's facts too (the pages of anchors and bookmarks: book_parts.py)
from .pdf import PdfJob, Result, render_with_facts as render

def worker_count(jobs: int, wanted: int | None = None) -> int:
    """Processes for `jobs` PDFs: `wanted`, or one per core this process may use."""
    cores = wanted or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                       else os.cpu_count())
    return max(1, min(cores or 1, jobs))


def _pool_context():
    """fork when this process runs no other thread (`mkdocs build`): fastest, and workers need
    not import __main__ again. With threads (`mkdocs serve`) forking is unsafe: then a fork
    server, which imports WeasyPrint once for all its workers."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        import weasyprint  # noqa: F401  (imported once here, inherited by every worker)
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", "macros.print.pdf"])
    return context


class SessionPool:
    """One worker pool for a `mkdocs serve` session, with the renders still running in it."""

    def __init__(self, workers: int | None = None):
        self.workers = worker_count(os.cpu_count() or 1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._running: dict[str, Future] = {}  # cache key -> its render
        self._lock = threading.Lock()

    def submit(self, key: str, job: PdfJob) -> Future:
        with self._lock:
            future = self._running.get(key)
            if future is not None and not future.cancelled():
                return future
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=_pool_context())
            future = self._pool.submit(render, job.document.html, job.document.base_url,
                                       job.document.field_labels, job.document.inputs)
            self._running[key] = future
        future.add_done_callback(lambda f, key=key: self._forget(key, f))
        return future

    def _forget(self, key: str, future: Future) -> None:
        with self._lock:
            if self._running.get(key) is future:
                del self._running[key]

    def drop_all_but(self, keys: set[str]) -> None:
        """Cancel renders no build needs any more (those already running finish)."""
        with self._lock:
            unwanted = [f for k, f in self._running.items() if k not in keys]
        for future in unwanted:
            future.cancel()

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _publish(source: Path, site_dir: Path, output: str) -> int:
    """A hard link to the cached PDF where the file system allows one, a copy otherwise:
    copying 327 PDFs (36 MB) took 0.2-0.7 s of a rebuild with nothing to render. The site's
    name is always made anew, never written into, so the build writes nothing into the cache
    through it; a cached PDF someone changes through the site fails its sha256 (cache.py
    valid) and is rendered again."""
    target = site_dir / output
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)
    return target.stat().st_size


def _publish_bytes(data: bytes, site_dir: Path, output: str) -> int:
    target = site_dir / output
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # it may be a link into the cache (a --dirty build)
    target.write_bytes(data)
    return len(data)


class Rendering:
    """PDF jobs rendering in worker processes from the moment this is made; finish() waits
    for them and puts every PDF in the site."""

    def __init__(self, jobs: list[PdfJob], cache: Cache, workers: int | None = None,
                 session: SessionPool | None = None, record_index: bool = True,
                 drop_others: bool = True, keep: tuple[str, ...] = ()):
        """record_index False: the caller writes the cache index itself, with the outputs of
        every rendering it ran (a book's later rounds, book_parts.py). drop_others False: a
        later round leaves the session's other renders alone (a newer rebuild's among them).
        keep: outputs whose index records stay (cache.py forget_replaced)."""
        self.jobs = jobs
        self.cache = cache
        self.record_index = record_index
        self.keep = keep
        self.keys = {job.output: self._key(job) for job in jobs}
        self.unstored: dict[str, tuple[bytes, dict]] = {}  # key -> a part the cache refused
        # Longest first (by HTML size; the book's chapters lead): no long job is left for the
        # end while the other workers wait.
        self.todo = sorted((job for job in jobs if not self._cached(job)),
                           key=lambda job: len(job.document.html), reverse=True)
        self.superseded = threading.Event()
        self._own_pool = None
        self.futures: dict[Future, PdfJob] = {}
        if session is not None:
            if drop_others:
                session.drop_all_but(set(self.keys.values()))
            self.futures = {session.submit(self.keys[job.output], job): job
                            for job in self.todo}
            return
        count = worker_count(len(self.todo), workers)
        if self.todo and count > 1:
            self._own_pool = ProcessPoolExecutor(max_workers=count, mp_context=_pool_context())
            self.futures = {self._own_pool.submit(render, job.document.html,
                                                  job.document.base_url,
                                                  job.document.field_labels, job.document.inputs): job
                            for job in self.todo}

    def _key(self, job: PdfJob) -> str:
        """The job's cache key: the one the memo remembers for its inputs when that PDF is in
        the cache (its print HTML is then never made), otherwise made from its print HTML."""
        digest, memo = job.inputs_digest, self.cache.memo
        if digest is not None:
            key = memo.key(digest)
            if key is not None and self._usable(job, key):
                memo.remember(digest, key)
                return key
        key = self.cache.key(job.document)
        if digest is not None:
            memo.remember(digest, key)
        return key

    def _usable(self, job: PdfJob, key: str) -> bool:
        return self.cache.valid(key) and (job.publish or self.cache.facts(key) is not None)

    def _cached(self, job: PdfJob) -> bool:
        return self._usable(job, self.keys[job.output])

    def _rendered(self) -> Iterator[tuple[PdfJob, tuple]]:
        if not self.futures:
            for job in self.todo:
                yield job, render(job.document.html, job.document.base_url,
                                  job.document.field_labels, job.document.inputs)
            return
        try:
            for future in as_completed(self.futures):
                try:
                    yield self.futures[future], future.result()
                except CancelledError:
                    continue  # dropped by a newer rebuild (serve), which has its own copy
        finally:
            if self._own_pool is not None:
                self._own_pool.shutdown(cancel_futures=True)

    def cancel(self) -> None:
        """The site build failed: drop what has not started (running jobs still finish)."""
        if self._own_pool is not None:
            self._own_pool.shutdown(wait=False, cancel_futures=True)

    def finish(self, site_dir: Path, report: Callable[[str], None] = print) -> list[Result]:
        """Put every job's PDF in site_dir: from the cache, or once its worker is done. Once
        superseded (a newer serve rebuild cleans site_dir), results only go to the cache."""
        to_render = {job.output for job in self.todo}
        results: dict[str, Result] = {}
        total = sum(job.publish for job in self.jobs)
        published = 0

        def done(job: PdfJob, result: Result) -> None:
            nonlocal published
            results[job.output] = result
            name = job.output.removeprefix("pdf/")
            how = ("(cache)" if result.seconds is None
                   else f"{result.pages} p. {result.seconds:.2f} s")
            if not job.publish:  # a book's part: the book has a line of its own
                report(f"PDF-deel {name} {how}")
                return
            published += 1
            report(f"PDF {published}/{total} {name} {how}")

        def publish(job: PdfJob) -> int:
            source = self.cache.path(self.keys[job.output])
            if self.superseded.is_set() or not job.publish:
                return source.stat().st_size
            return _publish(source, site_dir, job.output)

        for job in self.jobs:
            if job.output not in to_render:
                done(job, Result(job.output, publish(job), None, None))
        for job, (data, pages, seconds, facts) in self._rendered():
            key = self.keys[job.output]
            if self.cache.store(key, data, None if job.publish else facts):
                size = publish(job)
            elif not job.publish:  # a read-only cache: the book is joined from memory
                self.unstored[key] = (data, facts)
                size = len(data)
            else:  # a read-only cache: straight from memory into the site
                size = len(data) if self.superseded.is_set() else _publish_bytes(
                    data, site_dir, job.output)
            done(job, Result(job.output, size, pages, seconds))
        if self.record_index and not self.superseded.is_set():
            self.cache.forget_replaced(self.keys, self.keep)
        for note in self.cache.notes:
            report(note)
        return [results[job.output] for job in self.jobs if job.output in results]


def build_pdfs(jobs: list[PdfJob], site_dir: Path, cache_dir: Path,
               report: Callable[[str], None] = print, workers: int | None = None) -> list[Result]:
    """Put every job's PDF in site_dir, rendering only those not in the cache."""
    return Rendering(jobs, Cache(cache_dir), workers).finish(site_dir, report)
