"""Access to the data files shipped inside the package."""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from importlib import resources
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
    """A data-file pattern, compiled once per process."""
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
