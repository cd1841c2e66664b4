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
        # a heading starts upper case: "about faster access ..." is a hard-wrapped sentence going on
        if body[:1].isupper() and heading.match(body) and not keep.search(body) and len(body.split()) <= 10:
            spans.append((start, len(masked)))
            break
        if profile_line.match(body):
            spans.append((start, start + len(line)))
    return spans


_HEADLINE_END = re.compile(r"[.!?:;,\"”’)]\s*$")
_BULLET = re.compile(r"\s*[-•·*▶►]")


def headline_list_spans(masked: str, run: int = 3, lower_case_lines: bool = True) -> list[Span]:
    """Lists of other stories' headlines ("related news", "most read"), tag, menu and caption lines: page noise.

    A run of at least ``run`` lines of three to twenty words that each end without sentence punctuation, with only
    blank or one- or two-word lines ("-", "2") between them, after the body has begun (the lines above the first
    sentence are the article's title block). Bullet lines are the article's own lists, not headlines.
    ``lower_case_lines=False``: a line starting lower case ends a run, as a headline starts upper case; a hard-wrapped
    wire story is then no list. (Concepts keep the looser reading, which scored better on their mentions.)
    """
    label, caption = _cue("page_label_line"), _cue("caption_line")
    spans: list[Span] = []
    current: list[Span] = []
    pos, body_started = 0, False
    previous: Span | None = None  # the last non-blank line when it could be a caption (short, no final stop)
    for line in masked.splitlines(keepends=True):
        start, body = pos, line.strip()
        pos += len(line)
        words = len(body.split())
        segments = body.split(" | ")
        dashed = body.split(" - ")
        if (label.match(body) or len(segments) >= 3 and all(len(x.split()) <= 6 for x in segments)
                or len(dashed) >= 4 and all(len(x.split()) <= 5 for x in dashed) or words <= 20 and caption.search(body)):
            # a tag line, a menu / profile tagline "A | B | C" or "A - B - C - D", or a photo caption with its credit;
            # a credit line alone ("Image source: Getty Images.") credits the caption line above it
            spans.append((start, start + len(line)))
            if previous is not None and caption.search(body):
                spans.append(previous)
            previous = None
            continue
        if body:
            previous = (start, start + len(line)) if words <= 20 and not _HEADLINE_END.search(body) else None
        if not body_started:
            body_started = words >= 8 and bool(_HEADLINE_END.search(body))
            continue
        if words <= 2:
            continue
        if (words <= 20 and not _HEADLINE_END.search(body) and not _BULLET.match(line)
                and (lower_case_lines or not body[:1].islower())):
            current.append((start, start + len(line)))
            continue
        if len(current) >= run:
            spans.append((current[0][0], current[-1][1]))
        current = []
    if len(current) >= run:
        spans.append((current[0][0], current[-1][1]))
    return spans


def qualifies_a_disease(ctx: Context, start: int, end: int, ends: set[int]) -> bool:
    """Whether a mention only qualifies the disease mentioned right before it ("the COVID-19 pandemic").

    ``ends``: end offsets of the article's other therapy-area mentions.
    """
    before = ctx.masked[max(0, start - 3):start]
    return start - (len(before) - len(before.rstrip(" -"))) in ends and bool(_cue("after_disease").match(ctx.masked[start:end]))


def is_quality_modifier(word: str) -> bool:
    """Whether a coordinated modifier says how rare or common diseases are ("rare and prevalent diseases"), not which."""
    return bool(_cue("quality_modifier").match(word))


def in_boilerplate(ctx: Context, start: int) -> bool:
    return any(s <= start < e for s, e in ctx.boilerplate)


def is_not_a_target(ctx: Context, start: int, end: int) -> bool:
    """Whether the mention at [start, end) is negated, a comparator, a market, an effect, a circumstance, or part of a
    unit or name."""
    before = ctx.masked[max(0, start - _LOOK_BEHIND):start]
    if any(_cue(name).search(before) for name in ("negation_before", "unit_before", "comparator_before",
                                                          "market_before", "effect_before")):
        return True
    if _cue("status_after").match(ctx.masked, end, end + _LOOK_BEHIND):
        return True
    mention = ctx.masked[start:end]
    if _cue("circumstance_before").search(before) and _cue("circumstance_mention").search(mention):
        return True  # "amid the COVID-19 pandemic": when things happened, not what the deal targets
    return mention[:1].isupper() and bool(_cue("name_head_after").match(ctx.masked, end, end + _LOOK_BEHIND))
