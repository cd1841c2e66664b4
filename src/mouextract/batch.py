"""Batch extraction: many inputs to JSON Lines, in local processes or on a Dask cluster.

Each record carries ``source`` and ``sha256``; a failed input gives an ``error`` record instead of facts.
Records are written (and flushed) in input order as soon as they and all before them are done.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import MouextractError
from .pipeline import single_threaded_blas
from .reader import DEFAULT_MAX_BYTES, read_bytes, read_path

DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
Record = dict[str, Any]

_worker_extractors: dict[str | None, Any] = {}


@dataclass
class Job:
    """One input: its path as given, and the options every worker needs."""

    source: str
    model: str | None = None
    reference_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


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
    """Files as given, and files under directories matching ``globs`` (recursive, sorted)."""
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


def sha256_of(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _extractor(model: str | None) -> Any:
    """This process's Extractor, loaded once (local worker processes and Dask workers alike)."""
    if model not in _worker_extractors:
        from .extractor import Extractor

        _worker_extractors[model] = Extractor(model)
    return _worker_extractors[model]


def _record(source: str, digest: str | None, extract: Callable[[], Any]) -> Record:
    record: Record = {"source": source, "sha256": digest}
    try:
        extraction = extract()
    except MouextractError as exc:
        record["error"] = {"type": type(exc).__name__, "message": str(exc)}
        return record
    except Exception as exc:  # noqa: BLE001 - one bad article must never lose the others' results
        record["error"] = {"type": type(exc).__name__, "message": str(exc) or repr(exc)}
        return record
    record.update(extraction.model_dump(mode="json"))
    return record


def process_path(job: Job) -> Record:
    """Read and extract one file (runs in a worker process)."""
    def work() -> Any:
        article = read_path(job.source, max_bytes=job.max_bytes)
        return _extractor(job.model).extract(article.text, reference_date=job.reference_date,
                                             encoding=article.encoding, warnings=article.warnings)
    return _record(job.source, sha256_of(job.source), work)


def process_bytes(source: str, data: bytes, model: str | None, reference_date: str | None,
                  max_bytes: int) -> Record:
    """Extract from bytes read on the client (runs on a Dask worker)."""
    def work() -> Any:
        html = Path(source).suffix.lower() in {".html", ".htm"} or None
        article = read_bytes(data, source=source, max_bytes=max_bytes, html=html)
        return _extractor(model).extract(article.text, reference_date=reference_date,
                                         encoding=article.encoding, warnings=article.warnings)
    return _record(source, hashlib.sha256(data).hexdigest(), work)


def done_records(out: Path) -> set[tuple[str, str]]:
    """(source, sha256) of the good records already in ``out`` (for --resume)."""
    done: set[tuple[str, str]] = set()
    if not out.exists():
        return done
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by an interrupted run is simply redone
            if isinstance(obj, dict) and "error" not in obj and obj.get("sha256"):
                done.add((str(obj.get("source")), str(obj["sha256"])))
    return done


def run_local(jobs: list[Job], workers: int) -> Iterator[Record]:
    """Records in input order, from ``workers`` processes (or this one when workers == 1)."""
    single_threaded_blas()
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield process_path(job)
        return
    import multiprocessing as mp

    # spawn: each worker imports and loads the model once; nothing inherited from this process's threads.
    with mp.get_context("spawn").Pool(processes=workers) as pool:
        yield from pool.imap(process_path, jobs, chunksize=max(1, min(8, len(jobs) // (workers * 8) or 1)))


def run_dask(jobs: list[Job], address: str) -> Iterator[Record]:
    """Records in input order from a Dask distributed cluster; inputs are read here and shipped as bytes."""
    from dask.distributed import Client

    with Client(address) as client:
        futures: list[Any] = []
        for job in jobs:
            try:
                data = Path(job.source).read_bytes()
            except OSError:
                data = b""
            if not data and not Path(job.source).is_file():
                futures.append(None)
                continue
            futures.append(client.submit(process_bytes, job.source, data, job.model, job.reference_date,
                                         job.max_bytes, pure=False))
        for job, future in zip(jobs, futures):
            yield future.result() if future is not None else process_path(job)


def write_records(records: Iterator[Record], fh: TextIO, summary: Summary,
                  on_record: Callable[[Record], None] | None = None) -> None:
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        if "error" in record:
            summary.failed += 1
        else:
            summary.ok += 1
        if on_record:
            on_record(record)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
