"""Which concept mentions name a target of the deal and which are background.

Background: company boilerplate ("About ..." sections, counterparty profiles), negated findings ("no
graft-versus-host disease was observed"), department names and titles ("Department of Neurology") and
organisation names ("Medical Devices Agency"). The cues live in ``data/salience.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..resources import load_json

if TYPE_CHECKING:
    from .context import Context

Span = tuple[int, int]
_LOOK_BEHIND = 80


@dataclass(frozen=True)
class _Cues:
    heading: re.Pattern[str]
    heading_keep: re.Pattern[str]
    profile_line: re.Pattern[str]
    negation: re.Pattern[str]
    comparator: re.Pattern[str]
    unit: re.Pattern[str]
    name_head: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_json("salience.json")
    flags = re.IGNORECASE
    return _Cues(
        heading=re.compile(data["profile_heading"], flags),
        heading_keep=re.compile(data["profile_heading_keep"], flags),
        profile_line=re.compile(data["profile_line"], flags),
        negation=re.compile(data["negation_before"], flags),
        comparator=re.compile(data["comparator_before"], flags),
        unit=re.compile(data["unit_before"], flags),
        name_head=re.compile(data["name_head_after"]),  # case matters: capitalised words only
    )


def boilerplate_spans(masked: str) -> list[Span]:
    """Company profiles: from the first "About <Company>" heading to the end, and profile key-value lines."""
    cues = _cues()
    spans: list[Span] = []
    pos = 0
    for line in masked.splitlines(keepends=True):
        start, body = pos, line.strip()
        pos += len(line)
        if cues.heading.match(body) and not cues.heading_keep.search(body) and len(body.split()) <= 10:
            spans.append((start, len(masked)))
            break
        if cues.profile_line.match(body):
            spans.append((start, start + len(line)))
    return spans


def in_boilerplate(ctx: Context, start: int) -> bool:
    return any(s <= start < e for s, e in ctx.boilerplate)


def is_not_a_target(ctx: Context, start: int, end: int) -> bool:
    """Whether the mention at [start, end) is negated, a comparator, or part of a unit or organisation name."""
    cues = _cues()
    before = ctx.masked[max(0, start - _LOOK_BEHIND):start]
    if cues.negation.search(before) or cues.unit.search(before) or cues.comparator.search(before):
        return True
    mention = ctx.masked[start:end]
    return mention[:1].isupper() and bool(cues.name_head.match(ctx.masked, end, end + _LOOK_BEHIND))
