"""The deal-term cues (data/terms.json) and region groups (data/regions.json), loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..resources import load_json


def alternation(phrases: list[str]) -> str:
    return "|".join(sorted((p for p in phrases if not p.startswith("_")), key=len, reverse=True))


@cache
def term_cues() -> dict[str, Any]:
    return dict(load_json("terms.json"))


@cache
def region_groups() -> dict[str, Any]:
    return dict(load_json("regions.json"))
