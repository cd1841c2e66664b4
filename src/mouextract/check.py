"""Regression check of a folder of articles against their X.expected.json files."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# Fields that change with the release or the machine, not with the extraction.
VOLATILE_META = ("tool_version", "model_version")


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """An extraction dict without volatile fields."""
    out = dict(record)
    meta = dict(out.get("meta") or {})
    for key in VOLATILE_META:
        meta.pop(key, None)
    out["meta"] = meta
    return out


def pretty(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@dataclass
class CheckResult:
    article: Path
    expected: Path
    diff: list[str]
    missing: bool = False

    @property
    def ok(self) -> bool:
        return not self.diff and not self.missing


def expected_path(article: Path) -> Path:
    return article.with_name(article.stem + ".expected.json")


def articles_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file())


def compare(article: Path, actual: dict[str, Any]) -> CheckResult:
    expected = expected_path(article)
    if not expected.exists():
        return CheckResult(article, expected, [], missing=True)
    want = pretty(comparable(json.loads(expected.read_text(encoding="utf-8"))))
    got = pretty(comparable(actual))
    diff = list(difflib.unified_diff(want.splitlines(keepends=True), got.splitlines(keepends=True),
                                     fromfile=str(expected), tofile=f"{article} (now)", n=2))
    return CheckResult(article, expected, diff)


def write_expected(article: Path, actual: dict[str, Any]) -> None:
    expected_path(article).write_text(pretty(comparable(actual)), encoding="utf-8")
