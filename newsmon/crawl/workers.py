"""CPU-bound pipeline stages in worker processes, so extraction overlaps downloading.

Scrapy runs item pipelines on the reactor thread: a page being extracted is a page not being
downloaded. A pipeline awaits `StagePool.run(fn, ...)` instead of calling `fn`; the function
runs in a spawned worker process (a fresh interpreter: no reactor, threads or database
connections inherited) and the reactor keeps fetching meanwhile. With no workers it runs inline.
(Letting the crawl process extract too when the workers are busy was measured slower: it stalls
the reactor that feeds them.)
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
logger = logging.getLogger(__name__)


def default_workers() -> int:
    """One worker per CPU beyond the one running the reactor (at least one, at most four)."""
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: a crawl killed outright (SIGKILL) must not leave workers behind.

    Ctrl-C in a terminal signals the whole process group: the crawl process decides how to stop
    (gracefully, or at once on the second), so a worker ignores SIGINT instead of dying with a
    KeyboardInterrupt traceback in the middle of the user's terminal.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class StagePool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None
        if workers > 0:
            self.executor = ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent, initargs=(os.getpid(),),
            )  # fmt: skip

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.executor is None:
            return fn(*args, **kwargs)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.executor, partial(fn, *args, **kwargs))
        except BrokenProcessPool:
            # A worker died (OOM killer, a crash in a C extension): carry on without workers.
            logger.warning("extraction worker died; extracting in the crawl process from now on")
            self.close()
            return fn(*args, **kwargs)

    def close(self) -> None:
        executor, self.executor = self.executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
