"""Literal look-ups of a word in a text with regex-style boundaries, without compiling a pattern per word.

Hand-written because ``re.search(rf"\\b{re.escape(word)}...")`` compiles one pattern per candidate name and
article, more than ``re``'s cache holds: those compiles cost about a tenth of the extraction time.
"""

from __future__ import annotations

import re

_WORD_CHAR = re.compile(r"\w")


def _is_word(text: str, i: int, joiners: str) -> bool:
    """Whether text[i] exists and is a word character (or one of ``joiners``, such as "-")."""
    return 0 <= i < len(text) and (bool(_WORD_CHAR.match(text[i])) or text[i] in joiners)


def boundary(text: str, i: int) -> bool:
    """The regex ``\\b`` at position ``i``."""
    return _is_word(text, i - 1, "") != _is_word(text, i, "")


def occurrences(text: str, word: str, *, joiners: str | None = None) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``text``.

    With ``joiners=None``, those that start at a word boundary (``\\b{word}``); with a string of joiners,
    those with neither a word character nor a joiner on either side (``(?<![\\w-]){word}(?![\\w-])`` for "-").
    """
    out = []
    i = text.find(word)
    while i != -1 and word:
        end = i + len(word)
        if joiners is None:
            ok = boundary(text, i)
        else:
            ok = not _is_word(text, i - 1, joiners) and not _is_word(text, end, joiners)
        if ok:
            out.append((i, end))
        i = text.find(word, i + 1)
    return out


def whole_words(text: str, word: str) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``text`` with a word boundary at both ends (``\\b{word}\\b``)."""
    return [(i, end) for i, end in occurrences(text, word) if boundary(text, end)]
