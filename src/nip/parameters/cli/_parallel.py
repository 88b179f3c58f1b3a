"""Running one task per file in worker processes, with the results in input order.

Items are sent in chunks (one pickled message per chunk, not per file) and at most a few chunks
per worker are in flight, so memory stays flat however many items the iterator yields. A worker
that dies (killed, out of memory) does not hang the run: the items it held get ``lost(item,
reason)`` as their result, and the rest go on in a fresh pool.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["CHUNK", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Items per message to a worker: large enough that pickling is a small part of a chunk's time,
#: small enough that results stream out steadily.
CHUNK = 32
#: Chunks in flight per worker: keeps every worker busy while the parent prints.
WINDOW_PER_JOB = 4


def ordered_map(
    task: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    jobs: int,
    lost: Callable[[T, str], R],
) -> Iterator[R]:
    """``task`` over ``items`` a chunk at a time, results in the order of ``items``.

    ``task`` must be picklable (a module-level function or a ``functools.partial`` of one). With
    ``jobs == 1``, or when every item fits in one chunk, it runs in this process: a single file
    pays for no worker start-up.
    """
    chunks = _chunked(iter(items))
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if jobs <= 1 or second is None:
        yield from task(first)
        if second is not None:
            yield from task(second)
            for chunk in chunks:
                yield from task(chunk)
        return
    yield from _in_workers(task, itertools.chain([first, second], chunks), jobs, lost)


def _chunked(items: Iterator[T]) -> Iterator[list[T]]:
    while chunk := list(itertools.islice(items, CHUNK)):
        yield chunk


def _in_workers(
    task: Callable[[list[T]], list[R]],
    chunks: Iterator[list[T]],
    jobs: int,
    lost: Callable[[T, str], R],
) -> Iterator[R]:
    # Imported here: a run of one file (the common case) does not pay for them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork: workers start in milliseconds with the schemas and modules already loaded.
    context = multiprocessing.get_context("fork")
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        while True:
            while len(pending) < jobs * WINDOW_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                try:
                    pending.append((chunk, pool.submit(task, chunk)))
                except BrokenProcessPool:  # broke between two results: start again
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
                    pending.append((chunk, pool.submit(task, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died; every chunk in flight is lost with it. Report those items, and
                # carry on with the rest in a fresh pool.
                pool.shutdown(wait=False, cancel_futures=True)
                reason = "not checked: a worker process died (killed or out of memory)"
                yield from (lost(item, reason) for item in chunk)
                while pending:
                    yield from (lost(item, reason) for item in pending.popleft()[0])
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
