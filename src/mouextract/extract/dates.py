"""Dates: absolute and relative expressions, ISO values (partial where the text gives less), roles.

Absolute dates are parsed by python-dateutil. Relative expressions ("on the 17th", "last month",
"Wednesday", "the second half of next year") are resolved here against a reference date, because no
library resolves press-release conventions such as "the Nth" meaning a day of the publication month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

from ..models import DateFact
from ..resources import regex
from .context import Context
from .spans import SpanIndex

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_REL = r"(?:last|this|next|previous|coming|the past|the previous|the same)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Order matters: longer constructions first; each alternative is a named group so we know its kind.
_PATTERNS: list[tuple[str, str]] = [
    ("ymd", rf"\b{_YEAR}[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:[12]\d|3[01]|0?[1-9])\b"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("md_rel", rf"\b{_MONTH}\s+{_DAY}\s+(?:of\s+)?{_REL}\s+year\b"),
    ("m_rel", rf"\b{_MONTH}\s+(?:of\s+)?{_REL}\s+year\b"),
    ("my", rf"\b{_MONTH},?\s+{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))"),
    ("dm", rf"\b{_DAY}\s+{_MONTH}\b"),
    ("part_year", (rf"\b(?:the\s+)?(?:{_ORD}\s+(?:quarter|half)|end|beginning|start|middle|first half|second half)"
                  rf"\s+of\s+(?:{_YEAR}|{_REL}\s+year|the\s+year)\b")),
    ("q_year", rf"\b(?:Q[1-4]|[12]H|H[12])\s+{_YEAR}\b"),
    ("season_year", rf"\b(?:early|mid|late|mid-|end-|spring|summer|fall|autumn|winter)[\s-]+{_YEAR}\b"),
    ("nth_rel", rf"\b(?:the\s+)?{_DAY}\s+of\s+{_REL}\s+month\b"),
    ("rel_period", (rf"\b(?:{_REL}|earlier this|later this|later next|earlier next|within this|within the)\s+"
                   rf"(?:week|month|year|quarter|fall|spring|summer|autumn|winter)\b")),
    ("the_nth", r"\bthe\s+(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:century|anniversary|annual|edition|time|floor))"),
    ("weekday", rf"\b(?:(?:last|this|next|on|said|on last)\s+)?{_WEEKDAY}\b"),
    ("today", r"\b(?:today|yesterday|tomorrow)\b"),
    ("month", (r"\b(?:in|since|from|until|by|of|last|this|next|early|late|mid-|during|through)\s+"
              r"(?:January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d)")),
    ("year", rf"(?<![\w/.-]){_YEAR}(?![\w/-]|\.\d)"),
]
_COMBINED = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS), re.IGNORECASE)
_YEAR_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|until|by|before|after|through|during|of|early|late|mid|end|year|fiscal|FY|spring|summer|fall|"
    r"autumn|winter|established|founded)\s*[-–]?\s*|^\s*|[(,]\s*)$", re.IGNORECASE)
# How far (characters) a cue word may stand before the date it qualifies: "signed ... (long
# parenthetical) ... on the 19th" is common; "Founded in 2016" is always tight.
_REACH = {"signing": 220, "effective": 80, "founding": 30, "announcement": 40}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SAID_ON = re.compile(rf"\b(?:said|says|announced|told|reported)\s+(?:on\s+)?({_WEEKDAY})\b")
_ROLE_ORDER = ["signing", "effective", "founding", "publication", "announcement", "other"]
_DATELINE_TAIL = re.compile(r"^\s*(?:\d{1,2}:\d\d\s*(?:AM|PM)?[^\n]*)?(?:/\s*PRNewswire|/PRNewswire|\(|--|–|—|-\s|:\s|\s*$)")


@dataclass
class RefDate:
    """A possibly partial reference date."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None  # known without a year: "SEOUL, Jan. 9 -- X said Thursday" (0 = Monday)

    def iso(self) -> str | None:
        return iso(self.year, self.month, self.day)


def iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 with ISO 8601:2000 truncations for unknown parts: 2020-06, --07-24, --06."""
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year and month:
        return f"{year:04d}-{month:02d}"
    if year and not month:
        return f"{year:04d}"
    if month and day:
        return f"--{month:02d}-{day:02d}"
    if month:
        return f"--{month:02d}"
    return None


def parse_iso(value: str | None) -> RefDate | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?|--(\d\d)(?:-(\d\d))?", value)
    if not m:
        return None
    if m.group(1):
        return RefDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    return RefDate(None, int(m.group(4)), int(m.group(5)) if m.group(5) else None)


def _absolute(text: str) -> RefDate | None:
    """Parse an absolute expression; fields absent from the text stay None (two-default trick)."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace("Sept.", "Sep.")).replace(" of ", " ")
    try:
        a = du_parser.parse(cleaned, default=datetime(1604, 1, 1), fuzzy=True)
        b = du_parser.parse(cleaned, default=datetime(1608, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return RefDate(a.year if a.year == b.year else None, a.month if a.month == b.month else None,
                   a.day if a.day == b.day else None)


@dataclass
class Found:
    kind: str
    start: int
    end: int
    text: str


def find_expressions(ctx: Context, exclude: list[tuple[int, int]]) -> list[Found]:
    """Every date-like expression outside noise and outside names (laws, product codes)."""
    out = []
    excluded = SpanIndex(exclude)
    for m in _COMBINED.finditer(ctx.masked):
        kind = m.lastgroup or ""
        start, end = m.span()
        if excluded.overlaps(start, end) or ctx.is_noise(start, end):
            continue
        text = ctx.text[start:end]
        if kind == "year" and not _YEAR_OK_BEFORE.search(ctx.masked[max(0, start - 25):start]):
            continue
        if kind in ("weekday", "month"):  # keep the preposition out of the expression text
            text2 = re.sub(r"^(?:on|said|in|since|from|until|by|of|during|through)\s+", "", text, flags=re.IGNORECASE)
            start += len(text) - len(text2)
            text = text2
        if kind == "md" and text.split()[0] == "May" and not re.match(r"May\s+\d", text):
            continue
        out.append(Found(kind, start, end, text))
    return out


def publication_date(ctx: Context, found: list[Found]) -> Found | None:
    """The article's own date: a 'Published/Date :' header line, a wire dateline, or a lone date line."""
    limit = max(600, len(ctx.text) // 5)
    for f in found:
        if f.start > limit or f.kind not in ("ymd", "mdy", "dmy", "md"):
            continue
        line_start = ctx.text.rfind("\n", 0, f.start) + 1
        line_end = ctx.text.find("\n", f.end)
        line_end = len(ctx.text) if line_end < 0 else line_end
        before = ctx.masked[line_start:f.start]
        after = ctx.masked[f.end:line_end]
        if re.search(r"\b(published|posted|date|updated|released)\b", before, re.IGNORECASE):
            return f
        if re.search(r"[A-Z]{3,}|[A-Z][a-z]+,", before) and _DATELINE_TAIL.match(after) and len(before) < 120:
            return f
        if not before.strip(" \t-–—|") and re.match(r"\s*(?:\d{1,2}:\d\d.*)?$", after):
            return f
    return None


def _shift_month(ref: RefDate, months: int) -> RefDate:
    if ref.month is None:
        return RefDate(ref.year + (months // 12 if months % 12 == 0 else 0) if ref.year else None, None, None)
    y = ref.year or 2000
    d = date(y, ref.month, 1) + relativedelta(months=months)
    return RefDate(d.year if ref.year else None, d.month, None)


def resolve(f: Found, ref: RefDate | None) -> str | None:
    """ISO value of one expression, using ``ref`` for anything relative."""
    t = f.text.lower()
    if f.kind in ("ymd", "mdy", "dmy", "my", "md", "dm"):
        r = _absolute(f.text.replace(".", "-") if f.kind == "ymd" else f.text)
        if r and r.year is None and ref and ref.year and f.kind in ("md", "dm"):
            return iso(ref.year, r.month, r.day)
        return r.iso() if r else None
    if f.kind in ("q_year", "season_year", "year"):
        return re.search(r"(?:19|20)\d\d", f.text).group()  # type: ignore[union-attr]
    if f.kind == "part_year":
        y = re.search(r"(?:19|20)\d\d", f.text)
        if y:
            return y.group()
        return _relative_year(t, ref)
    if ref is None:
        return None
    if f.kind in ("md_rel", "m_rel"):
        r = _absolute(re.sub(rf"\s+(?:of\s+)?{_REL}\s+year", "", f.text, flags=re.IGNORECASE))
        year = _relative_year(t, ref)
        return iso(int(year), r.month, r.day) if r and year else (iso(None, r.month, r.day) if r else None)
    if f.kind == "nth_rel":
        day = int(re.search(r"\d+", t).group())  # type: ignore[union-attr]
        shift = -1 if re.search(r"\b(last|previous|the past)\b", t) else (1 if "next" in t else 0)
        r = _shift_month(ref, shift)
        return iso(r.year, r.month, day)
    if f.kind == "the_nth":
        day = int(re.search(r"\d+", t).group())  # type: ignore[union-attr]
        return iso(ref.year, ref.month, day) if ref.month else None
    if f.kind == "today":
        if ref.day is None:
            return None
        delta = {"today": 0, "yesterday": -1, "tomorrow": 1}[t]
        if ref.year:
            return (date(ref.year, ref.month or 1, ref.day) + timedelta(days=delta)).isoformat()
        return iso(None, ref.month, ref.day + delta) if ref.day + delta > 0 else None
    if f.kind == "weekday":
        return _weekday(t, ref)
    if f.kind == "month":
        month = _absolute(f.text)
        if month and month.month and ref.year:
            month_year = ref.year
            if "last" in t:
                month_year -= 1 if month.month >= (ref.month or 13) else 0
            elif "next" in t:
                month_year += 1 if month.month <= (ref.month or 0) else 0
            return iso(month_year, month.month, None)
        return None
    if f.kind == "rel_period":
        unit = t.split()[-1]
        if unit == "week":
            return _week(t, ref)
        if unit == "month":
            shift = -1 if re.search(r"\b(last|previous|the past)\b", t) else (1 if re.search(r"\bnext\b", t) else 0)
            r = _shift_month(ref, shift)
            return iso(r.year, r.month, None)
        return _relative_year(t, ref)
    return None


def _relative_year(t: str, ref: RefDate | None) -> str | None:
    if ref is None or ref.year is None:
        return None
    if re.search(r"\b(last|previous|the past)\s+year\b", t):
        return str(ref.year - 1)
    if re.search(r"\bnext\s+(year)\b", t):
        return str(ref.year + 1)
    if re.search(r"\bnext\s+quarter\b", t):
        month = ref.month or 1
        return str(ref.year + 1) if month >= 10 else str(ref.year)
    return str(ref.year)


def _weekday(t: str, ref: RefDate) -> str | None:
    """A weekday is the last such day before the reference date (this/next look forward)."""
    if ref.month is None or ref.day is None:
        return None
    target = next(i for i, n in enumerate(_WEEKDAYS) if n in t)
    # The reference's own weekday is that day ("SEOUL, Jan. 9 -- X said Thursday"), unless "last"/"next".
    if ref.year is None:
        if ref.weekday is None or t.startswith("next"):
            return None
        delta = (ref.weekday - target) % 7 or (7 if t.startswith("last") else 0)
        return iso(None, ref.month, ref.day - delta) if ref.day > delta else None
    base = date(ref.year, ref.month, ref.day)
    if t.startswith("next"):
        delta = (target - base.weekday()) % 7 or 7
        return (base + timedelta(days=delta)).isoformat()
    delta = (base.weekday() - target) % 7 or (7 if t.startswith("last") else 0)
    return (base - timedelta(days=delta)).isoformat()


def _week(t: str, ref: RefDate) -> str | None:
    """'last week' / 'this week' gives the month when the whole week lies in one month."""
    if ref.year is None or ref.month is None:
        return None
    if ref.day is None:
        return iso(ref.year, ref.month, None)
    base = date(ref.year, ref.month, ref.day)
    shift = -7 if "last" in t or "previous" in t or "past" in t else (7 if "next" in t else 0)
    monday = base - timedelta(days=base.weekday()) + timedelta(days=shift)
    sunday = monday + timedelta(days=6)
    if monday.month == sunday.month:
        return iso(monday.year, monday.month, None)
    return iso(base.year, base.month, None) if shift == 0 else None


def _governing_verb(ctx: Context, start: int, end: int) -> str | None:
    """The verb the date expression attaches to in the parse ("On July 21, 2021, A and B signed ..." -> signed)."""
    if not ctx.doc.has_annotation("DEP"):
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):  # date -> "on" -> verb, or date -> noun -> "on" -> verb
        if token.tag_.startswith("VB"):
            return token.text
        if token.head is token:
            return None
        token = token.head
    return None


def role_of(ctx: Context, f: Found) -> str:
    """The role of the verb the expression attaches to (signing, founding, effective), else the role whose cue
    word is nearest the expression within its sentence."""
    verb = _governing_verb(ctx, f.start, f.end)
    if verb:
        for role in ("signing", "founding", "effective"):
            if regex(ctx.rules.lexicon["date_roles"][role], ignore_case=True).fullmatch(verb):
                return role
    s_start, s_end = ctx.sentence_of(f.start)
    sentence = ctx.masked[s_start:s_end]
    rel = f.start - s_start
    best: tuple[int, str] | None = None
    for role, pattern in ctx.rules.lexicon["date_roles"].items():
        reach = _REACH[role]
        for m in re.finditer(pattern, sentence, re.IGNORECASE):
            if m.end() <= rel:
                distance = rel - m.end()
            else:  # a cue after the date ("2017, when it was founded") counts, but less
                distance = m.start() - (rel + len(f.text)) + 20
                reach = min(reach, 60)
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, role)
    return best[1] if best else "other"


def extract_dates(ctx: Context, exclude: list[tuple[int, int]], reference: str | None,
                  ) -> tuple[list[DateFact], str | None, str, str | None]:
    """(dates, reference date, where it came from, signing date)."""
    found = find_expressions(ctx, exclude)
    pub = publication_date(ctx, found)
    source = "none"
    ref: RefDate | None = None
    if pub is not None:
        ref = parse_iso(resolve(pub, parse_iso(reference)))
        said = _SAID_ON.search(ctx.masked, 0, 1000)
        if ref is not None and ref.year is None and said:  # wire style: the dateline day is the day it was said
            ref.weekday = _WEEKDAYS.index(said.group(1).lower())
        source = "publication_date"
    if ref is None and reference:
        ref, source = parse_iso(reference), "option"
    if ref is None:
        parsed = [parse_iso(resolve(f, None)) for f in found if f.kind in ("ymd", "mdy", "dmy", "md", "dm", "my")]
        absolute = [a for a in parsed if a and a.month]
        if absolute:
            ref, source = max(absolute, key=lambda a: ((a.year or 0), a.month or 0, a.day or 0)), "article_date"
    facts: dict[str | None, DateFact] = {}
    signing: list[tuple[int, str | None]] = []
    nulls: list[DateFact] = []
    for f in found:
        value = resolve(f, ref)
        role = "publication" if pub is not None and f is pub else role_of(ctx, f)
        fact = DateFact(text=f.text, value=value, role=role, start=f.start, end=f.end,  # type: ignore[arg-type]
                        mentions=[ctx.mention(f.start, f.end)])
        if role == "signing":
            signing.append((f.start, value))
        if value is None:
            nulls.append(fact)
            continue
        existing = facts.get(value)
        if existing is None:
            facts[value] = fact
            continue
        existing.mentions.append(fact.mentions[0])
        if _ROLE_ORDER.index(role) < _ROLE_ORDER.index(existing.role):
            existing.role, existing.text, existing.start, existing.end = role, f.text, f.start, f.end  # type: ignore[assignment]
    signed_on = next((v for _, v in signing), None)
    ordered = sorted([*facts.values(), *nulls], key=lambda d: d.start)
    return ordered, ref.iso() if ref else None, source, signed_on
