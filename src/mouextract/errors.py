"""Error types and process exit codes (part of the tested CLI contract)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURES = 1  # batch: some inputs failed; check: mismatches; eval: below --min-f1
    USAGE = 2  # bad options (Typer/Click's own code)
    INPUT = 3  # the input cannot be read: missing, directory, empty, binary, too large
    MODEL = 4  # the spaCy pipeline is not installed


class MouextractError(Exception):
    """Base class: always carries a one-line, user-facing message."""

    exit_code: ExitCode = ExitCode.INPUT


class InputError(MouextractError):
    """The input cannot be turned into article text."""

    exit_code = ExitCode.INPUT


class ModelNotFoundError(MouextractError):
    """The requested spaCy pipeline is not installed."""

    exit_code = ExitCode.MODEL
