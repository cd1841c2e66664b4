"""Which concept mentions name a target of the deal and which are background.

Background: company boilerplate ("About ..." sections, counterparty profiles), negated findings ("no
graft-versus-host disease was observed"), department names and titles ("Department of Neurology") and
organisation names ("Medical Devices Agency"). The cues live in ``data/salience.json``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..resources import load_json, regex

if TYPE_CHECKING:
    from .context import Context

Span = tuple[int, int]
_LOOK_BEHIND = 80


def _cue(name: str) -> re.Pattern[str]:
    """A pattern of data/salience.json; all but the organisation-name cue ignore case."""
    return regex(load_json("salience.json")[name], ignore_case=name != "name_head_after")


def boilerplate_spans(masked: str) -> list[Span]:
    """Company profiles: from the first "About <Company>" heading to the end, and profile key-value lines."""
    heading, keep, profile_line = _cue("profile_heading"), _cue("profile_heading_keep"), _cue("profile_line")
    spans: list[Span] = []
    pos = 0
    for line in masked.splitlines(keepends=True):
        start, body = pos, line.strip()
        pos += len(line)
        if heading.match(body) and not keep.search(body) and len(body.split()) <= 10:
            spans.append((start, len(masked)))
            break
        if profile_line.match(body):
            spans.append((start, start + len(line)))
    return spans


def in_boilerplate(ctx: Context, start: int) -> bool:
    return any(s <= start < e for s, e in ctx.boilerplate)


def is_not_a_target(ctx: Context, start: int, end: int) -> bool:
    """Whether the mention at [start, end) is negated, a comparator, or part of a unit or organisation name."""
    before = ctx.masked[max(0, start - _LOOK_BEHIND):start]
    if any(_cue(name).search(before) for name in ("negation_before", "unit_before", "comparator_before")):
        return True
    mention = ctx.masked[start:end]
    return mention[:1].isupper() and bool(_cue("name_head_after").match(ctx.masked, end, end + _LOOK_BEHIND))
