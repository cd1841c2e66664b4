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
        label = re.match(r"(title|headline)\s*:\s*", body, flags=re.IGNORECASE)  # "Title : Seoyeon to collaborate ..."
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
# pattern of many look-behind branches is slow there). The pattern's text is read by the small parser below, which
# knows the syntax that decides a match's first character (literals, classes, groups, alternatives, repeats,
# lookarounds, anchors, case flags) and answers "no" to anything else: a "no" only costs speed, never a match.
_ZERO_ESCAPES = frozenset("AbBZ")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
# one parsed item: (kind, minimum width, payload); kinds: "zero" (anchor, lookaround), "char" (payload: the
# characters it accepts as (first, last) code ranges, None when unknown), "group" (payload: (alternatives, case
# flag or None, whether it is a plain "(?:...)")), "repeat" (payload: (minimum count, item)), "unknown" (width 0, opens with nothing known)
_Item = tuple[str, int, Any]


class _Unknown(Exception):
    """Syntax the reader does not follow: the answer is "no"."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def peek(self, k: int = 1) -> str:
        return self.text[self.pos:self.pos + k]

    def take(self, k: int = 1) -> str:
        out = self.text[self.pos:self.pos + k]
        if len(out) < k:
            raise _Unknown
        self.pos += k
        return out

    def alternatives(self) -> list[list[_Item]]:
        alts = [self.sequence()]
        while self.peek() == "|":
            self.take()
            alts.append(self.sequence())
        return alts

    def sequence(self) -> list[_Item]:
        items: list[_Item] = []
        while self.peek() and self.peek() not in "|)":
            item = self.atom()
            items.append(self.quantified(item))
        return items

    def quantified(self, item: _Item) -> _Item:
        m = re.match(r"[*+?]|\{(\d*)(?:,(\d*))?\}", self.text[self.pos:])
        if not m or (m.group(0).startswith("{") and not (m.group(1) or m.group(2) is not None and m.group(2))):
            return item
        self.pos += len(m.group(0))
        low = {"*": 0, "+": 1, "?": 0}.get(m.group(0), int(m.group(1) or 0))
        if self.peek() == "+":  # a possessive repeat
            raise _Unknown
        if self.peek() == "?":  # a lazy one: the same first characters
            self.take()
        if item[0] == "zero":
            raise _Unknown
        return ("repeat", low * item[1], (low, item))

    def atom(self) -> _Item:
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            return ("char", 1, self.char_class())
        if ch == "\\":
            esc = self.take()
            if esc in _ZERO_ESCAPES:
                return ("zero", 0, None)
            return ("char", 1, self.escape(esc))
        if ch in "^$":
            return ("zero", 0, None)
        if ch == ".":
            return ("char", 1, None)
        return ("char", 1, [(ord(ch), ord(ch))])

    def escape(self, esc: str) -> list[tuple[int, int]] | None:
        """The one character of an escape; None for a class (\\w, \\d, ...) or a reference."""
        if esc in _CHAR_ESCAPES:
            code = ord(_CHAR_ESCAPES[esc])
        elif esc in "xuU":
            code = int(self.take({"x": 2, "u": 4, "U": 8}[esc]), 16)
        elif esc in "wWdDsS":
            return None
        elif esc.isalnum():
            raise _Unknown  # references (\1), octal codes, \N{...}
        else:
            code = ord(esc)
        return [(code, code)]

    def char_class(self) -> list[tuple[int, int]] | None:
        ranges: list[tuple[int, int]] | None = []
        if self.peek() == "^":
            self.take()
            ranges = None  # a negated class: unknown
        first = True
        while first or self.peek() != "]":
            first = False
            low = self.class_char()
            if self.peek() == "-" and self.peek(2)[1:] not in ("]", ""):
                self.take()
                high = self.class_char()
                if low is None or high is None:
                    raise _Unknown
                low = (low[0], high[0])
            if ranges is not None:
                ranges = None if low is None else [*ranges, low]
        self.take()
        return ranges

    def class_char(self) -> tuple[int, int] | None:
        ch = self.take()
        if ch != "\\":
            return (ord(ch), ord(ch))
        esc = self.take()
        if esc == "b":
            return (8, 8)
        if esc in "wWdDsS":
            return None
        found = self.escape(esc)
        return found[0] if found else None

    def group(self) -> _Item:
        case: bool | None = None
        plain = False
        if self.peek() == "?":
            self.take()
            m = re.match(r"P<\w+>|[=!]|<[=!]|([aiLmsux]*)(?:-([imsx]+))?([:)])|#", self.text[self.pos:])
            if not m:
                raise _Unknown  # references (?P=...), atomic groups, conditionals
            self.pos += len(m.group(0))
            token = m.group(0)
            if token == "#":
                while self.take() != ")":
                    pass
                return ("zero", 0, None)
            if token in ("=", "!", "<=", "<!"):
                self.alternatives()
                if self.take() != ")":
                    raise _Unknown
                return ("zero", 0, None)
            if not token.startswith("P<"):
                if token.endswith(")"):
                    if m.group(2):
                        raise _Unknown
                    return ("zero", 0, None)  # global flags, already in pattern.flags
                plain = token == ":"
                if "i" in (m.group(2) or ""):
                    case = False
                elif "i" in m.group(1):
                    case = True
        alts = self.alternatives()
        if self.take() != ")":
            raise _Unknown
        return ("group", min(sum(i[1] for i in seq) for seq in alts), (alts, case, plain))


def _seq_opens(items: list[_Item], allowed: Callable[[str], bool], icase: bool) -> bool:
    """Whether every match of ``items`` consumes first a character that ``allowed`` accepts."""
    def ok(code: int) -> bool:
        ch = chr(code)
        return all(allowed(x) for x in ({ch, ch.lower(), ch.upper()} if icase else {ch}))

    for i, (kind, width, payload) in enumerate(items):
        if kind == "zero":
            continue
        if kind == "group":
            alts, case, plain = payload
            if plain:  # "(?:a|b)c": each alternative, followed by the rest
                return all(_seq_opens([*alt, *items[i + 1:]], allowed, icase) for alt in alts)
            inner = icase if case is None else case  # "(?i:...)", "(?-i:...)"
            # a capturing or flagged group that may be empty: no; else its own opening decides
            return width > 0 and all(_seq_opens(alt, allowed, inner) for alt in alts)
        if kind == "repeat":
            low, item = payload
            # "0?[1-9]": the repeated part first, or what follows when it may be absent
            return _seq_opens([item], allowed, icase) and (low > 0 or _seq_opens(items[i + 1:], allowed, icase))
        if kind == "char":
            return payload is not None and all(ok(x) for a, b in payload for x in range(a, b + 1))
        return False
    return False


@lru_cache(maxsize=256)
def opens_with(pattern: re.Pattern[str], allowed: Callable[[str], bool]) -> bool:
    """Whether every match of ``pattern`` opens with a character ``allowed`` accepts (in either case when the
    pattern ignores case); "no" when unsure."""
    if pattern.flags & re.VERBOSE:
        return False
    reader = _Reader(pattern.pattern)
    try:
        alts = reader.alternatives()
    except (_Unknown, ValueError):
        return False
    if reader.pos != len(pattern.pattern):
        return False
    icase = bool(pattern.flags & re.IGNORECASE)
    return all(_seq_opens(alt, allowed, icase) for alt in alts)


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
