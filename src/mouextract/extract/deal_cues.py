"""The deal-term cues (data/terms.json) and region groups (data/regions.json), loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..resources import load_json


def alternation(phrases: list[str]) -> str:
    return "|".join(sorted((p for p in phrases if not p.startswith("_")), key=len, reverse=True))


def literal_trie(words: Iterable[str]) -> str:
    """A regex matching the same as the longest-first alternation of the escaped ``words``, factored by prefix.

    ``re`` tries a flat alternation of hundreds of names at every position of a text; the trie shares their
    prefixes, so the scan costs a tenth. At each node the longer continuations come before the word ending
    there, so the longest word wins, as in the flat alternation. (Hand-written: a dozen lines, no dependency.)"""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@cache
def term_cues() -> dict[str, Any]:
    return dict(load_json("terms.json"))


@cache
def region_groups() -> dict[str, Any]:
    return dict(load_json("regions.json"))
