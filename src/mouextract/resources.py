"""Access to the data files shipped inside the package."""

from __future__ import annotations

import atexit
import csv
import json
import marshal
import os
import re
import sys
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Parse ``mouextract/data/<name>`` (cached)."""
    return json.loads(resources.files("mouextract.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line; lines starting with # are comments."""
    text = resources.files("mouextract.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def regex(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """A data-file pattern, compiled once per process (from the compiled-code cache when it holds it)."""
    return _regex_codes().compile(pattern, int(re.IGNORECASE) if ignore_case else 0)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` through the compiled-code cache, for the long patterns code builds from data files once."""
    return _regex_codes().compile(pattern, int(flags))


# The interpreter whose re internals (_parser.parse, _compiler._code, _sre.compile's arguments) RegexCodes replays.
_REPLAYED = (3, 11)
# Past this many entries a save keeps only the patterns this process used: edited data leaves old patterns behind.
_MAX_ENTRIES = 4000


class RegexCodes:
    """Compiled regular-expression code kept between runs, so a process does not parse the data patterns again.

    Parsing and compiling the data files' patterns (a few of them thousands of characters of alternatives) is
    about a third of the cold start. ``re`` cannot pickle a compiled pattern, but a pattern is its code: this
    keeps, per (pattern, flags), the arguments ``re`` passes to ``_sre.compile`` and replays them, which gives a
    pattern equal (``==`` compares the code) to ``re.compile``'s. The file is named by the interpreter's version
    and the engine's magic number; under another interpreter, or should anything fail, it is plain ``re.compile``.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[tuple[str, int], tuple[Any, ...]] = {}
        self.used: set[tuple[str, int]] = set()
        self.added = False
        self._at_exit = False
        if path is not None:
            try:
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                pass

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, by replaying its code when the cache holds it."""
        if self.path is None:
            return re.compile(pattern, flags)
        import _sre

        self.used.add((pattern, flags))
        entry = self.entries.get((pattern, flags))
        if entry is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
                return compiled
            except (TypeError, ValueError, RuntimeError):  # a damaged entry: compile afresh
                pass
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(pattern, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            entry = (int(flags | parsed.state.flags), [int(c) for c in _compiler._code(parsed, flags)], parsed.state.groups - 1,
                     groupindex, tuple(indexgroup))
            compiled = _sre.compile(pattern, *entry)
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - internals not as expected: the cache is only an optimisation
            self.path = None
            return re.compile(pattern, flags)
        self.entries[(pattern, flags)] = entry
        self.added = True
        if not self._at_exit:
            self._at_exit = True
            atexit.register(self.save)
        return compiled

    def save(self) -> None:
        """Write the entries atomically (a process that cannot is only slower next time)."""
        if self.path is None or not self.added:
            return
        if len(self.entries) > _MAX_ENTRIES:
            self.entries = {key: entry for key, entry in self.entries.items() if key in self.used}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False, suffix=".tmp") as fh:
                tmp = fh.name
                marshal.dump(self.entries, fh)
            os.replace(tmp, self.path)
            self.added = False
            for old in self.path.parent.glob("regex-code-*.marshal"):  # other interpreters' files
                if old != self.path:
                    old.unlink(missing_ok=True)
        except (OSError, ValueError, RuntimeError):
            if tmp:
                Path(tmp).unlink(missing_ok=True)


def save_regex_codes() -> None:
    """Write what this process added to the compiled-code cache now (pool workers end without atexit)."""
    _regex_codes().save()


@cache
def _regex_codes() -> RegexCodes:
    """This process's compiled-code cache (disabled under an interpreter whose re internals it does not replay)."""
    import _sre

    from .pipeline import cache_dir

    if sys.implementation.name != "cpython" or sys.version_info[:2] != _REPLAYED:
        return RegexCodes(None)
    try:
        folder = cache_dir()
    except RuntimeError:  # no home directory
        return RegexCodes(None)
    version = "-".join(map(str, sys.version_info[:3]))
    return RegexCodes(folder / f"regex-code-{version}-{_sre.MAGIC}.marshal")
