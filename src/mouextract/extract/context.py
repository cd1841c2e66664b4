"""The per-article state every fact extractor reads: text, masked text, spaCy Doc, sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from ..models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from ..pipeline import Rules

Span = tuple[int, int]


@dataclass
class Context:
    """One article under extraction. ``text`` is the original; ``masked`` has noise blanked out."""

    text: str
    masked: str
    doc: Doc
    rules: Rules
    sentences: list[Span] = field(default_factory=list)
    headline: Span | None = None
    memo: dict[object, object] = field(default_factory=dict)  # per-article caches of whole-text look-ups
    _sent_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sentences = _sentences(self.doc, self.masked)
        self._sent_starts = [s for s, _ in self.sentences]
        self.headline = _headline(self.masked)

    @property
    def headline_text(self) -> str:
        """The headline's (masked) text, empty without one."""
        return self.masked[self.headline[0]:self.headline[1]] if self.headline else ""

    def in_headline(self, offset: int) -> bool:
        """Whether ``offset`` lies in the headline."""
        return self.headline is not None and self.headline[0] <= offset < self.headline[1]

    @cached_property
    def ents(self) -> tuple[SpacySpan, ...]:
        """The Doc's named entities, read once: each ``doc.ents`` read builds new Span objects for every entity."""
        return tuple(self.doc.ents)

    @cached_property
    def boilerplate(self) -> list[Span]:
        """Company-profile text ("About ..." sections), where concepts are background, not deal targets."""
        from .salience import boilerplate_spans

        return boilerplate_spans(self.masked)

    @cached_property
    def english(self) -> bool:
        """Whether the article is written in English: a tenth or more of its opening words are English function
        words (about a quarter are in English prose, next to none in a German, Italian or Danish release)."""
        words = _WORDS.findall(self.masked[:3000].lower())
        return not words or sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= 0.1 * len(words)

    def mention(self, start: int, end: int) -> Mention:
        """A grounded mention of the original text."""
        return Mention(text=self.text[start:end], start=start, end=end)

    def sentence_of(self, offset: int, radius: int = 400) -> Span:
        """The sentence containing ``offset``, clipped to ``radius`` characters either side.

        The clip keeps every per-mention look-up bounded, so text without sentence punctuation
        (one 5 MB "sentence") costs linear time, not quadratic.
        """
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        start, end = (0, len(self.text)) if i < 0 else self.sentences[i]
        return max(start, offset - radius), min(end, offset + radius)

    def sentence_text(self, offset: int) -> str:
        start, end = self.sentence_of(offset)
        return self.masked[start:end]

    def is_noise(self, start: int, end: int) -> bool:
        """Whether a span lies (even partly) in page furniture."""
        return not self.masked[start:end].strip() or self.masked[start:end] != self.text[start:end]


_WORDS = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset({"the", "and", "of", "to", "in", "a", "an", "with", "for", "is", "on", "that", "by", "from",
                                     "as", "its", "their", "will", "has", "have", "are"})


def _sentences(doc: Doc, masked: str) -> list[Span]:
    """spaCy sentences, further split at blank lines and at lines that end without punctuation."""
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start_char
        for m in re.finditer(r"\n\s*\n|\n(?=\s*[-•·*\[])|(?<=[^.,;:!?\"”’)\s])[ \t]*\n", sent.text):
            cut = sent.start_char + m.start()
            if masked[start:cut].strip():
                spans.append((start, cut))
            start = sent.start_char + m.end()
        if masked[start:sent.end_char].strip():
            spans.append((start, sent.end_char))
    return spans


# "Bengaluru, Karnataka, India. November 23, 2022": a dateline on its own line is no title
_DATELINE_ONLY = re.compile(r"(?:[A-Z][\w.-]*,?\s+){0,5}(?:January|February|March|April|May|June|July|August|September|October"
                            r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}\W*")


_DATE_STAMP = re.compile(r"date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


def _headline(masked: str) -> Span | None:
    """The first substantial non-noise line without final punctuation: the article's title."""
    pos = 0
    for line in masked.splitlines(keepends=True):
        body = line.strip()
        start = pos + len(line) - len(line.lstrip())
        pos += len(line)
        label = re.match(r"(title|headline)\s*:\s*", body, flags=re.IGNORECASE)  # "Title : Hallym to collaborate ..."
        stamp = _DATE_STAMP.match(body)  # a crawler's "date 2019-11-27 " before the page's first line is no title
        if stamp:
            body, start = body[stamp.end():], start + stamp.end()
        if label:
            body, start = body[label.end():], start + label.end()
        elif re.match(r"[\w .]{2,30}:\s", body):
            continue  # other labelled header lines ("Company name: ...") are no title
        if len(body) < 25 or len(body.split()) < 4 or _DATELINE_ONLY.fullmatch(body):
            continue
        return (start, start + len(body))
    return None


# Speed only: a pattern whose every match opens with a character of a kind (a capital, a letter or digit) is tried at
# the characters of that kind only, with the very matches of pattern.finditer (a scan tries every character, and a
# pattern of many look-behind branches is slow there).
def _opens_with(items: list[tuple[Any, Any]], allowed: Callable[[str], bool], icase: bool) -> bool:
    """Whether every match of the parsed pattern sequence ``items`` consumes first a character that ``allowed``
    accepts (in either case under ``icase``); lookarounds and anchors before it consume nothing."""
    from re import _constants as c  # type: ignore[attr-defined]

    def ok(ch: int) -> bool:
        return all(allowed(x) for x in ({chr(ch), chr(ch).lower(), chr(ch).upper()} if icase else {chr(ch)}))

    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.BRANCH:
            return all(_opens_with([*alt, *rest], allowed, icase) for alt in av[1])
        if op is c.SUBPATTERN:  # a group, perhaps with its own flags: "(?i:...)", "(?-i:...)"
            inner = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            return av[3].getwidth()[0] > 0 and _opens_with(list(av[3]), allowed, inner)  # (a group that may be empty: no)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):  # "0?[1-9]": the repeated part first, or what follows when it may be absent
            return _opens_with(list(av[2]), allowed, icase) and (av[0] > 0 or _opens_with(rest, allowed, icase))
        if op is c.LITERAL:
            return ok(av)
        return op is c.IN and all(o is c.LITERAL and ok(a) or o is c.RANGE and all(ok(x) for x in range(a[0], a[1] + 1))
                                  for o, a in av)
    return False


@lru_cache(maxsize=256)
def opens_with(pattern: re.Pattern[str], allowed: Callable[[str], bool]) -> bool:
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return _opens_with(list(parsed.data), allowed, bool(parsed.state.flags & re.IGNORECASE))


def matches_at(pattern: re.Pattern[str], starts: re.Pattern[str], text: str, endpos: int | None = None) -> list[re.Match[str]]:
    """pattern.finditer(text, 0, endpos), tried only where ``starts`` (one character long) matches; the caller
    knows (opens_with) that no match of ``pattern`` opens elsewhere, and that no match is empty."""
    end_at = len(text) if endpos is None else endpos
    out, end = [], 0
    for s in starts.finditer(text, 0, end_at):
        if s.start() >= end and (m := pattern.match(text, s.start(), end_at)):
            out.append(m)
            end = m.end()
    return out


def is_capital(ch: str) -> bool:
    return "A" <= ch <= "Z"


CAPITAL = re.compile(r"[A-Z]")


def capital_scan(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """pattern.finditer(text) as a list, tried at capitals only when every match opens with one (opens_with)."""
    return matches_at(pattern, CAPITAL, text) if opens_with(pattern, is_capital) else list(pattern.finditer(text))
