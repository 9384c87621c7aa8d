"""Background jobs: work that must not keep a request waiting (renditions; later imports
and exports).

    jobs.enqueue_on_commit("media.jobs.make_renditions", image.pk)

A job is a module-level function named by its dotted path, taking plain arguments (ids,
not model instances): it runs later, perhaps on another machine, and reads the committed
state itself. Where it runs is one setting, NEWSROOM_JOBS:

- "rq": on the Redis queue (django-rq), run by `manage.py rqworker default` (`make worker`);
  a failing job is tried again 10 s, 1 min and 5 min later (RETRY). When Redis cannot take
  the job, it runs in this process instead ("thread") and the operator is told in the log.
- "thread": in this process, on one background thread, after the response has gone. The
  embedded default when there is no REDIS_URL, so `make demo` needs nothing else. No retries.
- "sync": at once, in the caller's thread, when the transaction commits: the test suite's
  deterministic mode (tests/settings.py).

Why a thread and not RQ's `is_async=False` for the embedded default: that runs the job inside
the request, which is what this module exists to avoid. Why on_commit plus one long-lived
daemon thread and not `request_finished`: jobs also come from commands (seed_demo, imports)
that have no request, and one thread per process makes pictures one after another, so a
burst of uploads cannot take every core from the readers. The jobs still queued when the
process exits are finished first (atexit), so a command's last upload is not lost.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time

from django.conf import settings
from django.db import connections, transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

MODES = ("rq", "thread", "sync")
QUEUE = "default"
# Three more tries, spaced out: a storage or database hiccup usually passes within minutes.
RETRY = {"max": 3, "interval": [10, 60, 300]}


def enqueue_on_commit(path: str, *args) -> None:
    """Run the job `path(*args)` once the current transaction commits (now, outside one).

    A transaction that rolls back runs nothing: the job would find no row to work on.
    """
    transaction.on_commit(lambda: enqueue(path, *args))


def enqueue(path: str, *args) -> None:
    """Hand the job `path(*args)` to the runner NEWSROOM_JOBS names."""
    mode = settings.NEWSROOM_JOBS
    if mode == "sync":
        run(path, *args)
        return
    if mode == "rq":
        if _enqueue_rq(path, args):
            return
    runner.submit(path, args)


def _enqueue_rq(path: str, args: tuple) -> bool:
    import django_rq
    from redis.exceptions import RedisError
    from rq import Retry

    try:
        django_rq.get_queue(QUEUE).enqueue(path, *args, retry=Retry(**RETRY))
    except RedisError:
        # The upload has committed; its renditions must still be made somewhere.
        logger.exception("Redis did not take the job %s%r; running it in this process.", path, args)
        return False
    return True


def run(path: str, *args) -> None:
    """Run a job here and now; a failure is logged, never raised (the job records its state)."""
    try:
        import_string(path)(*args)
    except Exception:
        logger.exception("Background job %s%r failed.", path, args)


# The in-process runner tries a failing job again after these pauses (seconds): a busy
# SQLite database ("database is locked") or a storage hiccup passes; a broken source does not.
IN_PROCESS_RETRY_PAUSES = (1, 5)
_attempt = threading.local()


def retries_left() -> int:
    """How many more times the running job will be tried after this attempt."""
    try:
        from rq import get_current_job
    except ImportError:  # pragma: no cover - rq is a dependency
        get_current_job = None
    job = get_current_job() if get_current_job is not None else None
    if job is not None:
        return int(job.retries_left or 0)
    return getattr(_attempt, "retries_left", 0)


class InProcessRunner:
    """One daemon thread per process working through a queue of jobs, in order."""

    def __init__(self):
        self._jobs: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._exit_hook = False

    def submit(self, path: str, args: tuple) -> None:
        self._jobs.put((path, args))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="newsroom-jobs", daemon=True
                )
                self._thread.start()
            if not self._exit_hook:
                atexit.register(self.drain)
                self._exit_hook = True

    def _work(self) -> None:
        while True:
            path, args = self._jobs.get()
            try:
                self._run_with_retries(path, args)
            finally:
                # This thread's own connections: a job must not hold one open between jobs.
                connections.close_all()
                self._jobs.task_done()

    @staticmethod
    def _run_with_retries(path: str, args: tuple) -> None:
        pauses = list(IN_PROCESS_RETRY_PAUSES)
        while True:
            _attempt.retries_left = len(pauses)
            try:
                import_string(path)(*args)
                return
            except Exception:
                logger.exception(
                    "Background job %s%r failed (%d more tries).", path, args, len(pauses)
                )
                if not pauses:
                    return
                connections.close_all()
                time.sleep(pauses.pop(0))
            finally:
                _attempt.retries_left = 0

    def drain(self, timeout: float = 600) -> bool:
        """Wait until every submitted job has run (at most `timeout` seconds); True if so."""
        deadline = time.monotonic() + timeout
        while self._jobs.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True


runner = InProcessRunner()
