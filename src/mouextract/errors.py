"""Error types and process exit codes (part of the tested CLI contract)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # also when a reader of stdout closes it early (`mouextract batch ... | head`)
    FAILURES = 1  # batch: some inputs failed; check: mismatches; eval: below --min-f1
    USAGE = 2  # bad options (Typer/Click's own code), malformed --dask address, unreadable --files-from
    INPUT = 3  # the input cannot be read: missing, directory, symlink loop, empty, binary, too large, FIFO timeout
    MODEL = 4  # the spaCy pipeline is not installed
    OUTPUT = 5  # --out cannot be written: missing folder, a directory, not writable, locked by another batch
    CLUSTER = 6  # --dask: no scheduler answers, no worker joins in time, or the cluster is lost mid-run
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + SIGTERM)


class MouextractError(Exception):
    """Base class: always carries a one-line, user-facing message."""

    exit_code: ExitCode = ExitCode.INPUT


class InputError(MouextractError):
    """The input cannot be turned into article text."""

    exit_code = ExitCode.INPUT


class UsageError(MouextractError):
    """An option value that cannot work (found after parsing, e.g. a malformed --dask address)."""

    exit_code = ExitCode.USAGE


class ModelNotFoundError(MouextractError):
    """The requested spaCy pipeline is not installed."""

    exit_code = ExitCode.MODEL


class OutputError(MouextractError):
    """The batch output cannot be opened, locked or written."""

    exit_code = ExitCode.OUTPUT


class ClusterError(MouextractError):
    """The Dask cluster cannot be reached, has no workers, or was lost."""

    exit_code = ExitCode.CLUSTER
