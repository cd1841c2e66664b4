"""Web-page noise (menus, share bars, footers, related-article lists) as spans to ignore.

The text is never edited: the caller masks these spans with spaces of the same length, so every
offset still refers to the original input. Line patterns live in ``data/noise.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import compiled, load_json

Span = tuple[int, int]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_json("noise.json")
    flags = re.IGNORECASE
    line = compiled("|".join(f"(?:{p})" for p in data["line"]), flags)
    section = compiled("|".join(f"(?:{p})" for p in data["section_start"]), flags)
    item = compiled("|".join(f"(?:{p})" for p in data["list_item"]), flags)
    return line, section, item, compiled(data["social_author"])


def _is_menu(line: str) -> bool:
    """A navigation bar: several short items separated by | or >, without sentence punctuation."""
    parts = [p.strip() for p in re.split(r"\s[|>•·]\s|\s*\|\s*", line) if p.strip()]
    return bool(len(parts) >= 3 and all(len(p) <= 40 for p in parts) and not re.search(r"[.!?][\"”']?$", line))


def _mostly_non_latin(line: str) -> bool:
    """Lines of Korean/Japanese/Chinese menu text in an English article."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) / len(letters) > 0.5 and len(line) < 200


def noise_spans(text: str) -> list[Span]:
    """Spans of ``text`` that are page furniture rather than article body."""
    line_re, section_re, item_re, author_re = _patterns()
    spans: list[Span] = []
    in_section = False
    authors = 0
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        line = raw.strip()
        if not line:
            continue
        if section_re.fullmatch(line) or section_re.match(line) and len(line) < 40:
            in_section = True
            spans.append((start, end))
            continue
        if in_section:
            # A related-articles block runs over its list items and short headline lines.
            if item_re.match(line) or len(line) < 120 and not re.search(r"[.!?][\"”']?$", line):
                spans.append((start, end))
                continue
            in_section = False
        if author_re.search(line):
            authors += 1
            if authors > 1:  # commenters under a post; the first author line is the post's own author
                spans.append((start, end))
            continue
        if line_re.search(line) or _is_menu(line) or _mostly_non_latin(line):
            spans.append((start, end))
    return spans


def mask(text: str, spans: list[Span]) -> str:
    """Replace each span by spaces (newlines kept), preserving every offset."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
