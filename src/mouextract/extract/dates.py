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
from spacy.tokens import Token

from ..models import DateFact
from ..resources import regex
from .context import Context, matches_at, opens_with
from .spans import SpanIndex

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# Month names of the European releases the tool reads (German, French, Spanish, Danish), for day-month-year and
# month-year dates ("31. Juli 2022", "im März 2022", "le 3 juillet 2023"); mapped to English for dateutil.
_FOREIGN_MONTHS = {
    "januar": "January", "janvier": "January", "enero": "January", "februar": "February", "février": "February",
    "fevrier": "February", "febrero": "February", "märz": "March", "maerz": "March", "marts": "March", "marzo": "March",
    "avril": "April", "abril": "April", "mai": "May", "maj": "May", "mayo": "May", "juni": "June", "juin": "June",
    "junio": "June", "juli": "July", "juillet": "July", "julio": "July", "août": "August", "aout": "August",
    "agosto": "August", "septembre": "September", "septiembre": "September", "oktober": "October", "octobre": "October",
    "octubre": "October", "novembre": "November", "noviembre": "November", "dezember": "December",
    "décembre": "December", "decembre": "December", "diciembre": "December",
}
_FOREIGN = "(?:" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_REL = r"(?:last|this|next|previous|coming|the past|the previous|the same)"
# "a year later", "five years later", "two years earlier": counted from the date told before (see _anchored)
_COUNT = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?)"
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Order matters: longer constructions first; each alternative is a named group so we know its kind.
_PATTERNS: list[tuple[str, str]] = [
    # A date may end glued to the next word of a scraped page ("Updated : 2019-08-29Source", "1 August 2017Asia-Pacific")
    # and its comma may lack its space ("23 March,2021")
    ("ymd", rf"\b{_YEAR}[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:[12]\d|3[01]|0?[1-9])(?!\d)"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}(?!\d)"),
    ("dmy", rf"\b{_DAY}\.?\s+(?:of\s+)?{_MONTH}(?:,\s*|\s+){_YEAR}(?!\d)"),  # "2. August 2022" (European day with a dot)
    # "31. Juli 2022", "3 de julio de 2023", "14 de May de 2010"
    ("dmy_foreign", rf"\b{_DAY}\.?\s+(?:de\s+)?(?:{_FOREIGN}|{_MONTH})\s+(?:de\s+)?{_YEAR}\b"),
    ("my_foreign", rf"\b{_FOREIGN}\s+(?:de\s+)?{_YEAR}\b"),
    ("dmy_dash", rf"\b{_DAY}-{_MONTH}-{_YEAR}\b"),  # "Date: 26-Aug-2020"
    # "Published: 26.08.2020": dotted numeric dates are day-first wherever they are written
    ("dmy_num", rf"\b(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])\.{_YEAR}\b"),
    # "Fri, 08/12/2022 - 11:39", "12/28/2016 7:57:31 AM": slashed numeric dates are month-first (US sites' headers)
    ("mdy_num", rf"\b(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9])/{_YEAR}\b"),
    # "April of the same year", "the following year", "a year later": the year of the date told just before
    ("anchored", (rf"\b(?:{_MONTH}\s+(?:of\s+)?)?(?:the\s+)?(?:same|following|subsequent)\s+year\b"
                  rf"|\b{_COUNT}\s+years?\s+(?:later|earlier)\b")),
    ("md_rel", rf"\b{_MONTH}\s+{_DAY}\s+(?:of\s+)?{_REL}\s+year\b"),
    ("m_rel", rf"\b{_MONTH}\s+(?:of\s+)?{_REL}\s+year\b"),
    ("my", rf"\b{_MONTH},?\s+{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))"),
    ("dm", rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?(?-i:(?!MAR\b)){_MONTH}\b"),  # "Art. 17 MAR" names the Market Abuse Regulation
    ("part_year", (rf"\b(?:the\s+)?(?:{_ORD}\s+(?:quarter|half)|end|beginning|start|middle|first half|second half)"
                  rf"\s+of\s+(?:{_YEAR}|{_REL}\s+year|the\s+year)\b")),
    ("q_year", rf"\b(?:Q[1-4]|[12]H|H[12])\s+{_YEAR}\b"),
    # "will start production in the third quarter": a quarter or half without a year is the reference year's
    ("quarter", rf"\b(?:in|by|during|for|until|from|since)\s+(?:the\s+)?{_ORD}\s+(?:quarter|half)\b(?!\s+of\b|-)"),
    ("season_year", rf"\b(?:early|mid|late|mid-|end-|spring|summer|fall|autumn|winter)[\s-]+{_YEAR}\b"),
    ("nth_rel", rf"\b(?:the\s+)?{_DAY}\s+of\s+{_REL}\s+month\b"),
    ("rel_period", (rf"\b(?:{_REL}|earlier this|later this|later next|earlier next|within this|within the)\s+"
                   rf"(?:week|month|year|quarter|fall|spring|summer|autumn|winter)\b")),
    # "the 14th Meeting", "the 3rd Call for proposals": an ordinal before a capitalised noun is an edition, no day
    ("the_nth", (r"\b(?:the|on)\s+(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b"
                 r"(?!\s+(?:century|anniversary|annual|edition|time|floor|of\b)|\s+(?-i:[A-Z]))")),
    # "this (17) morning", "today (17th)", "yesterday (16th)": translated Korean news give the day in parentheses
    ("paren_day", (r"\b(?:this|today|yesterday|on)\s*\(\s*(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)?\s*\)"
                   r"(?:\s+(?:morning|afternoon|evening|night))?")),
    # "on Tuesday last week" names one day of that week
    ("weekday", rf"\b(?:(?:last|this|next|on|said|on last)\s+)?{_WEEKDAY}\b(?:\s+(?:last|this|next)\s+week\b)?"),
    ("today", r"\b(?:today|yesterday|tomorrow)\b"),
    # "scheduled for March"; "in November and December" (the second month checked in find_expressions)
    ("month", (r"\b(?:(?:in|since|from|until|by|of|for|and|or|last|this|next|early|late|mid-|during|through|as early as"
               r"|as soon as)\s+|mid-)"
              r"(?:January|February|March|April|(?-i:May)|June|July|August|September|October|November|December)\b"
              rf"(?!\s+\d|\s+(?:of\s+)?{_REL}\s+year)")),  # "in June this year" is one m_rel expression
    ("year", rf"(?<![\w/.-]){_YEAR}(?![\w/-]|\.\d|\.[A-Z]{{1,2}}\b)"),  # not a ticker such as "(1952.HK)"
]
# Every alternative starts at a word boundary: the \b in front fails once where it would fail twenty times
# (same matches, a third faster)
_COMBINED = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS) + ")", re.IGNORECASE)
# and a letter or digit opens each: the scan tries the word starts only (context.matches_at; same matches again)
_WORD_START = re.compile(r"\b\w")
_AT_WORD_STARTS = opens_with(_COMBINED, str.isalnum)
_YEAR_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|until|by|before|after|through|during|of|early|late|mid|end|year|fiscal|FY|spring|summer|fall|"
    r"autumn|winter|established|founded|as early as|as soon as|as late as|around|circa"
    r"|im|jahr|seit|ab|um|en|depuis|dès|desde|i|omkring|siden|fra)\s*[-–]?\s*|^\s*|[(,]\s*)$",  # (de, fr, es, da releases)
    re.IGNORECASE)
# How far (characters) a cue word may stand before the date it qualifies: "signed ... (long
# parenthetical) ... on the 19th" is common; "Founded in 2016" is always tight.
_REACH = {"signing": 220, "effective": 80, "founding": 30, "announcement": 40}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SAID_ON = re.compile(rf"\b(?:said|says|announced|told|reported)\s+(?:on\s+)?({_WEEKDAY})\b")
# A line that links another story ("Also read: ...", "READ MORE: ...", "Related: ...") or a citation's access date
_OTHER_STORY_LINE = re.compile(r"\s*(?:also read|read also|read more|see also|related(?: news| articles?| stories)?|recommended"
                               r"|more from [^:\n]{1,40}|previous (?:article|story|post)|next (?:article|story|post))\s*[:|»>–-]",
                               re.IGNORECASE)
_ACCESSED_BEFORE = re.compile(r"\b(?:accessed|retrieved|last reviewed|archived)\s*(?:on)?\s*:?\s*$", re.IGNORECASE)
# ("UPDATE : Tuesday, March 19, 2019": a news site's header gives the day of the last edit, often the day of the crawl)
_EDITED_BEFORE = re.compile(rf"\b(?:updated?|modified|edited|revised)\s*(?:on|at)?\s*:?\s*(?:{_WEEKDAY},?\s*)?$", re.IGNORECASE)
_SAYS_BEFORE = re.compile(r"\b(?:said|says|announced|announces|reported|told\s+\w+)\s+(?:on\s+)?$", re.IGNORECASE)
_ROLE_ORDER = ["signing", "effective", "founding", "publication", "announcement", "other"]
_SIGN_OFF = re.compile(r"\((?:Reporting|Writing|Additional reporting) by [^()\n]{2,200}\)")
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s*$")
_GLOSS_AFTER = re.compile(rf"\s*\(\s*(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})\b[^()\n]{{0,12}}\)", re.IGNORECASE)
_DATE_AFTER = re.compile(rf",?\s+(?:the\s+)?(?:\d|{_MONTH}\b)", re.IGNORECASE)
# "four from May & Baker", "three from June & Partners": a month word before an ampersand and a capitalised word is
# the first name of a firm's "X & Y", no date; before another month it lists months ("in May & June")
_FIRM_AMPERSAND_AFTER = re.compile(rf"\s*&\s*(?!{_MONTH}\b)[A-Z]")
# A bare year that is a target ("invest 40 trillion won by 2030") or one end of a range ("from 2020 to 2024",
# "from 2017 to 2021") dates no event.
_TARGET_OR_RANGE_BEFORE = re.compile(rf"(?:\bby(?:\s+the\s+year)?|\bfrom\s+{_YEAR}\s+(?:to|through|until)|\bbetween\s+{_YEAR}\s+and)\s*$",
                                     re.IGNORECASE)
_RANGE_AFTER = re.compile(rf"\s*(?:to|through|until|and|[-–])\s*{_YEAR}\b", re.IGNORECASE)
_AGREEMENT_NOUN = re.compile(r"^(?:MOU|MoU|memorandum|agreement|contract|signing|licen[cs]e|partnership)$", re.IGNORECASE)
# A figure beside a period cue ("sales of CNY2.9 billion", "2,000 clients", "28.2% of all deaths").
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|percent|million|billion|trillion|bn\b)|[$€£¥₩]\s?\d|\d[\d,]{2,}"
                     r"|\b(?:USD|EUR|CNY|RMB|HKD|KRW|JPY|won|yuan|yen|pounds)\b", re.IGNORECASE)
_FULL = ("ymd", "mdy", "dmy", "dmy_num", "mdy_num", "dmy_dash", "dmy_foreign")
# ("its 2011 acquisition of Ostvik Pharma", "following the 2005 merger of A and B": a party's event too)
_DEAL_AFTER = re.compile(r"\s+(?:licen[cs]e|agreement|amendment|collaboration|deal|contract|partnership|MOU|acquisition|merger)\b",
                         re.IGNORECASE)
# A quarter's or half's closing day is a reporting period ("its 10-Q for the quarter ended March 31, 2021"), and so is
# a span's ("the average price over the five-day period ending March 30") or a year's told in a relative clause ("in
# the 2016 fiscal year that ended June 30"); a fiscal year's end is kept, as gold records it where money is booked
# ("expense in the fiscal year ending March 31, 2026").
_PERIOD_BEFORE = re.compile(r"\b(?:quarter|half|period|three months|six months|nine months|year\s+that)\s+(?:end(?:ed|ing|s))\s*$",
                            re.IGNORECASE)

# (a fiscal year's end told where money is booked stays: "recorded as expense in the fiscal year ending March 31, 2026")
_FORECAST = re.compile(r"\b(?:forecasts?|guidance|outlook)\b", re.IGNORECASE)
_FISCAL_END_BEFORE = re.compile(r"\b(?:fiscal|financial)\s+year\s+(?:end(?:ed|ing|s))\s*(?:on\s+)?$", re.IGNORECASE)

# A quarter, half or year that a report covers is a period, not an event ("Form 10-Q for the First Quarter of 2021",
# "financial results for the third quarter of 2024", "Q3 2024 results", "its 2023 annual report").
_REPORT_BEFORE = re.compile(r"\b(?:(?:results|report|10-[QK]|statements?|earnings|revenues?|sales|guidance|update)\s+(?:for|of)"
                            r"|(?:results|earnings|revenues?|sales)\s+in)\s+"  # ("included in results in the fourth quarter of 2024")
                            # ("Results for the Fourth Quarter and Full Year 2019")
                            r"(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter\s+and\s+)?(?:fiscal\s+(?:year\s+)?|full[- ]year\s+)?$",
                            re.IGNORECASE)
_REPORT_AFTER = re.compile(r"\s+(?:(?:financial|operating|annual|interim|quarterly|full[- ]year|half[- ]year)\s+)*"
                           r"(?:results|report|earnings|revenues?|financial statements)\b", re.IGNORECASE)

# "with 154 million doses delivered as of July 25", "capital of JPY101 million as of March": the day a status or a
# tally is taken, no event
_AS_OF_BEFORE = re.compile(r"\bas\s+of\s*$", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)
_LAW_BEFORE = re.compile(r"\b(?:Act|Law|Code|Regulation|Directive|Ordinance|Decree|Amendments?),?\s+(?:of\s+)?$")


def _in_range(text: str, start: int, end: int) -> bool:
    """One end of 'from X to Y' (both ends full expressions), which states a period, no event."""
    # ("Von Jun 2024 bis Jul 2024": a German stock chart's span under an English story)
    if re.search(r"\b(?:from|von)\s+$", text[max(0, start - 8):start], re.IGNORECASE):
        link = re.match(r"\s*(?:to|through|until|bis|[-–])\s*", text[end:end + 12], re.IGNORECASE)
        return bool(link) and _COMBINED.match(text, end + link.end()) is not None  # type: ignore[union-attr]
    before = re.search(r"\b(?:from|von)\s+(.{4,30}?)\s*(?:to|through|until|bis|[-–])\s*$", text[max(0, start - 45):start],
                       re.IGNORECASE)
    return bool(before) and _COMBINED.fullmatch(before.group(1)) is not None  # type: ignore[union-attr]


# The month a season begins (northern hemisphere, as press releases write it), to place "next spring" in a year.
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_COARSE = ("year", "part_year", "quarter", "anchored", "q_year", "season_year", "rel_period")
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


_QUOTED_NAME_BEFORE = re.compile(r"['‘\"“][A-Z][\w&-]*\s+$")


def _event_year(ctx: Context, start: int) -> bool:
    """Whether a bare year closes an event's name ("signed during the BIO International Convention 2025", "at the
    'Biomedica 2008' summit"): it dates a signing held there, and nothing else (kept only with a signing cue)."""
    end = start + 4
    return regex(ctx.rules.lexicon["date_roles"]["event_name"]).search(ctx.masked, max(0, start - 60), start) is not None or (
        _QUOTED_NAME_BEFORE.search(ctx.masked, max(0, start - 40), start) is not None and ctx.masked[end:end + 1] in ("'", "’", '"', "”"))


def _tells_figure(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence around a date (the date itself left out) states a figure or a forecast."""
    s_start, s_end = ctx.sentence_of(start)
    rest = ctx.masked[s_start:start] + " " + ctx.masked[end:s_end]
    return bool(_FIGURE.search(rest) or _FORECAST.search(rest))


def find_expressions(ctx: Context, exclude: list[tuple[int, int]]) -> list[Found]:
    """Every date-like expression outside noise and outside names (laws, product codes)."""
    out = []
    excluded = SpanIndex(exclude)
    # A wire sign-off "(Reporting by X; Editing by Y)" ends the story: what follows is other stories' leads
    sign_off = _SIGN_OFF.search(ctx.masked)
    stop = sign_off.end() if sign_off else len(ctx.masked)
    for m in (matches_at(_COMBINED, _WORD_START, ctx.masked, stop) if _AT_WORD_STARTS
              else _COMBINED.finditer(ctx.masked, 0, stop)):
        kind = m.lastgroup or ""
        start, end = m.span()
        if excluded.overlaps(start, end) or ctx.is_noise(start, end):
            continue
        line_start = ctx.masked.rfind("\n", 0, start) + 1
        if _OTHER_STORY_LINE.match(ctx.masked, line_start) or _ACCESSED_BEFORE.search(ctx.masked, max(0, start - 25), start):
            continue  # "Also read: X signs MOU ... on February 20", "Accessed March 7, 2025": other stories, citations
        line_end = ctx.masked.find("\n", end)
        if regex(ctx.rules.lexicon["date_roles"]["caption"]).search(ctx.masked, line_start, len(ctx.masked) if line_end < 0 else line_end):
            continue  # "... in this illustration taken on Nov. 27, 2021", "..., July 12, 2018. REUTERS/Jane Roe": a photo's day
        text = ctx.text[start:end]
        if kind == "year" and not _YEAR_OK_BEFORE.search(ctx.masked[max(0, start - 25):start]) \
                and not _DEAL_AFTER.match(ctx.masked, end) and not _event_year(ctx, start):  # "their 2013 License Agreement"
            continue
        if kind == "year" and regex(ctx.rules.lexicon["date_roles"]["comparison"], ignore_case=True).search(
                ctx.masked, max(0, start - 25), start):
            continue  # "shares plunged to lows not seen since 2008": a comparison's year, no event
        if kind == "year" and _LAW_BEFORE.search(ctx.masked, max(0, start - 16), start):
            continue  # "the Pandemic Preparedness Act of 2006": a year inside a law's name (when the law finder missed it)
        if _PERIOD_BEFORE.search(ctx.masked, max(0, start - 40), start) or _in_range(ctx.masked, start, end):
            continue  # "the quarter ended March 31, 2021", "from April 1, 2014 to March 31, 2015": periods
        if _FISCAL_END_BEFORE.search(ctx.masked, max(0, start - 40), start) and _tells_figure(ctx, start, end):
            continue  # "net income for the fiscal year ending March 2025 fell 25.1%": the year of a figure or forecast
        opening = start + (len(text) - len(text.split(None, 1)[-1]) if kind == "quarter" else 0)  # (after its "for")
        if kind in ("part_year", "q_year", "year", "quarter") and (_REPORT_BEFORE.search(ctx.masked, max(0, start - 70), opening)
                                                        or _REPORT_AFTER.match(ctx.masked, end)):
            continue  # the period a report covers
        if kind == "year" and (_TARGET_OR_RANGE_BEFORE.search(ctx.masked, max(0, start - 30), start)
                               or (re.search(r"\bfrom\s*$", ctx.masked[max(0, start - 8):start], re.IGNORECASE)
                                   and _RANGE_AFTER.match(ctx.masked, end))):
            continue
        if kind == "month" and _FIRM_AMPERSAND_AFTER.match(ctx.masked, end):
            continue  # a month word opening a firm's "X & Y" name
        if kind == "month" and re.match(r"(?:and|or)\s", text, re.IGNORECASE) and not _MONTH_BEFORE.search(
                ctx.masked, max(0, start - 12), start):
            continue  # "and March" only continues a list of months
        if kind == "anchored" and re.search(r"earlier$", text, re.IGNORECASE) and ctx.masked[
                ctx.sentence_of(start)[0]:start].strip():
            continue  # "up 5% from a year earlier" compares figures; only a sentence-opening "A year earlier, X ..." dates
        if kind == "rel_period" and re.match(r"['’]s\b", ctx.masked[end:end + 2]):
            continue  # "this year's presentation", "this week's roundup" name an edition, no event
        if kind == "weekday" and _DATE_AFTER.match(ctx.masked, end):
            continue  # "Monday, October 26": the weekday only names the date that follows
        if kind in ("weekday", "today") and _GLOSS_AFTER.match(ctx.masked, end):
            continue  # "on Thursday (July 25)", "opened today (October 29)": the date in parentheses names the day
        if kind in ("weekday", "month", "the_nth", "quarter"):  # keep the preposition out of the expression text
            text2 = re.sub(r"^(?:on|said|in|since|from|until|by|of|for|and|or|during|through|as early as|as soon as)\s+", "", text,
                           flags=re.IGNORECASE)
            start += len(text) - len(text2)
            text = text2
        if kind == "md" and text.split()[0] == "May" and not re.match(r"May\s+\d", text):
            continue
        out.append(Found(kind, start, end, text))
    return out


# A news site's bar of the day it was read, at the top of the page: "Sun. Feb 16th, 2025" above "Brussels, 24 January
# 2025", "Sunday 24 November 2024" after a crawler's "date 2021-06-07" stamp
_TODAY_BAR = re.compile(rf"\s*(?:date\s+\d{{4}}-\d\d-\d\d\s+)?(?:{_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?),?\s*",
                        re.IGNORECASE)


# Lines of a list of other stories: "09/10/2025 08:27 PM - Politics" under each headline, "- <headline> - April 30, 2025"
_STAMP_REST = re.compile(r"\s+\d{1,2}:\d\d(?::\d\d)?\s*(?:[AP]M\b)?[^\n]*$", re.IGNORECASE)
_BULLET_HEAD = re.compile(r"\s*[-•*·]\s+\S[^\n]*\s[-–|]\s*$")


def _drop_story_lists(ctx: Context, found: list[Found]) -> list[Found]:
    """Without the dates of a list of other stories: full dates whose lines share one shape (a date and a clock time
    opening the line, or a bulleted headline ending with its date) on two lines or more."""
    shapes: dict[str, list[Found]] = {"stamp": [], "bullet": []}
    for f in found:
        if f.kind not in _FULL:
            continue
        line_start = ctx.masked.rfind("\n", 0, f.start) + 1
        line_end = ctx.masked.find("\n", f.end)
        line_end = len(ctx.masked) if line_end < 0 else line_end
        if not ctx.masked[line_start:f.start].strip() and _STAMP_REST.fullmatch(ctx.masked, f.end, line_end):
            shapes["stamp"].append(f)
        elif _BULLET_HEAD.fullmatch(ctx.masked, line_start, f.start) and not ctx.masked[f.end:line_end].strip():
            shapes["bullet"].append(f)
    drop = {id(f) for group in shapes.values() if len(group) >= 2 for f in group}
    return [f for f in found if id(f) not in drop]


def _drop_today_bars(ctx: Context, found: list[Found]) -> list[Found]:
    """Without the day-of-reading bars: one dated after the page's own date, and one that a crawler's stamp on its
    line repeats (the stamp then gives the day of the crawl too, not the publication)."""
    bars = []
    for f in found:
        if f.kind not in _FULL or f.start > 400:
            continue
        line_start = ctx.masked.rfind("\n", 0, f.start) + 1
        line_end = ctx.masked.find("\n", f.end)
        if _TODAY_BAR.fullmatch(ctx.masked, line_start, f.start) and not ctx.masked[f.end:None if line_end < 0 else line_end].strip():
            bars.append((f, line_start))
    if not bars:
        return found
    drop = {id(f) for f, _ in bars}
    crawled: set[int] = set()
    for bar, line_start in bars:
        stamps = [f for f in found if f.kind == "ymd" and line_start <= f.start < bar.start]
        if stamps and all(resolve(f, None) == resolve(bar, None) for f in stamps):
            drop.update(id(f) for f in stamps)
            crawled.add(id(bar))
    pub = publication_date(ctx, [f for f in found if id(f) not in drop])
    ref = parse_iso(resolve(pub, None)) if pub else None
    keep = {id(bar) for bar, _ in bars if id(bar) not in crawled and (ref is None or not _after(resolve(bar, None), ref))}
    return [f for f in found if id(f) not in drop or id(f) in keep]


def publication_date(ctx: Context, found: list[Found]) -> Found | None:
    """The article's own date: a 'Published/Date :' header line, a wire dateline, or a lone date line."""
    pages = [f for f in found if _dates_the_page(ctx, f)]
    # "UPDATE : Tuesday, March 19, 2019" above "Published 2018.05.21 14:32": an edit dates the page only when nothing else does
    originals = [f for f in pages if not _EDITED_BEFORE.search(ctx.masked, max(0, f.start - 30), f.start)]
    # "date 2021-06-26" (a crawler's stamp opening the text) above "Write: 2021-06-29 14:42": the site's own header wins
    if len(originals) > 1 and _crawl_stamp(ctx, originals[0]) and originals[1].start < 600 and _on_header_line(ctx, originals[1]):
        return originals[1]
    return originals[0] if originals else (pages[0] if pages else None)


# (news sites' header words: "Input 2025-03-05 14:21 | Modified 2025-03-06", "Registered : 2025.03.05", "Write: 2021-06-29")
_HEADER_WORD = re.compile(r"\b(published|posted|date|updated|released|input|registered|modified|edited|write|written)\b",
                          re.IGNORECASE)
_CRAWL_STAMP = re.compile(r"\s*date\s+\d{4}-\d\d-\d\d\s*$")
_CRAWL_STAMP_HEAD = re.compile(r"\s*date\s+\d{4}-\d\d-\d\d\b")


def _crawl_stamp(ctx: Context, f: Found) -> bool:
    """Whether ``f`` is a crawler's "date YYYY-MM-DD" stamp opening the text."""
    return _CRAWL_STAMP.match(ctx.masked, 0, f.end) is not None


def _header_line_start(ctx: Context, offset: int) -> int:
    """The start of the line holding ``offset``, after a crawler's "date YYYY-MM-DD" stamp glued to its front (whose
    "date" is no header word of the site: "date 2024-05-30 Lyon : ... signed by ... on 30th May 2024")."""
    line_start = ctx.masked.rfind("\n", 0, offset) + 1
    stamp = _CRAWL_STAMP_HEAD.match(ctx.masked, line_start, offset)
    return stamp.end() if stamp else line_start


def _on_header_line(ctx: Context, f: Found) -> bool:
    """Whether a site's header word opens the line before ``f`` ("Write: 2021-06-29")."""
    return _HEADER_WORD.search(ctx.masked, _header_line_start(ctx, f.start), f.start) is not None


def _dates_the_page(ctx: Context, f: Found) -> bool:
    """Whether the expression is a header, dateline or lone date line near the top, which dates the page itself."""
    if f.start > max(600, len(ctx.text) // 5) or f.kind not in (*_FULL, "md"):
        return False
    line_start = ctx.text.rfind("\n", 0, f.start) + 1
    line_end = ctx.text.find("\n", f.end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    before = ctx.masked[line_start:f.start]
    after = ctx.masked[f.end:line_end]
    if _HEADER_WORD.search(ctx.masked, _header_line_start(ctx, f.start), f.start):
        return True
    # "SEOUL, Jan. 9 --", "(Yunpai) Sept. 20 --"
    if re.search(r"[A-Z]{3,}|[A-Z][a-z]+,|^\s*\([A-Z][\w ]+\)\s*$", before) and _DATELINE_TAIL.match(after) \
            and len(before) < 120:
        return True
    # "PacificLabNews (Apr. 30, 2015) – On ...": a publisher's name with the date in parentheses opens the story
    if re.fullmatch(r"\s*[A-Z][\w.&'’ -]{1,60}\(\s*", before) and re.match(r"\s*\)\s*(?:--|–|—|-\s)", after):
        return True
    # "March 5, 2025 -- A and B signed ..." (a dateline without its city); "By Jane Roe | March 5, 2025" (a byline)
    if (not before.strip() and re.match(r"\s*(?:--|–|—|-\s|/)", after)) or re.fullmatch(
            r"\s*By\s+[^|\n]{2,60}?\s*[|·•]\s*", before):
        return True
    # ("1 August 2017Asia-Pacific": a scraped date line glued to the section label that followed it)
    return not before.strip(" \t-–—|") and re.match(r"\s*(?:\d{1,2}:\d\d.*)?$|(?=[A-Z])[\w&-]+(?: [\w&-]+){0,2}\s*$", after) is not None


def _shift_month(ref: RefDate, months: int) -> RefDate:
    if ref.month is None:
        return RefDate(ref.year + (months // 12 if months % 12 == 0 else 0) if ref.year else None, None, None)
    y = ref.year or 2000
    d = date(y, ref.month, 1) + relativedelta(months=months)
    return RefDate(d.year if ref.year else None, d.month, None)


def resolve(f: Found, ref: RefDate | None) -> str | None:
    """ISO value of one expression, using ``ref`` for anything relative."""
    t = f.text.lower()
    if f.kind in ("dmy_foreign", "my_foreign"):
        english = re.sub(_FOREIGN, lambda m: _FOREIGN_MONTHS[m.group().lower()], f.text, flags=re.IGNORECASE)
        r = _absolute(re.sub(r"\bde\b|(?<=\d)\.", " ", english))
        return r.iso() if r else None
    if f.kind == "dmy_num":
        dd, mm, yy = (int(x) for x in f.text.split("."))
        return iso(yy, mm, dd)
    if f.kind == "mdy_num":
        mm, dd, yy = (int(x) for x in f.text.split("/"))
        return iso(yy, mm, dd)
    if f.kind in ("ymd", "mdy", "dmy", "dmy_dash", "my", "md", "dm"):
        r = _absolute(f.text.replace(".", "-") if f.kind == "ymd" else f.text.replace("-", " ") if f.kind == "dmy_dash" else f.text)
        if r and r.year is None and ref and ref.year and f.kind in ("md", "dm"):
            return iso(ref.year, r.month, r.day)
        return r.iso() if r else None
    if f.kind in ("q_year", "season_year", "year"):
        return re.search(r"(?:19|20)\d\d", f.text).group()  # type: ignore[union-attr]
    if f.kind == "anchored":
        return _anchored(t, ref.year if ref else None)
    if f.kind == "quarter":
        return str(ref.year) if ref and ref.year else None
    if f.kind == "part_year":
        y = re.search(r"(?:19|20)\d\d", f.text)
        if y:
            return y.group()
        return _relative_year(t, ref)
    if f.kind in ("md_rel", "m_rel", "month") and (ref is None or ref.year is None):
        # "July 27 this year", "in May" with no year anywhere: the month (and day) are still known (GOLD: --07-27)
        r = _absolute(re.sub(rf"\s+(?:of\s+)?{_REL}\s+year", "", f.text, flags=re.IGNORECASE))
        return iso(None, r.month, r.day if f.kind == "md_rel" else None) if r else None
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
    if f.kind in ("the_nth", "paren_day"):
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


def _anchored(t: str, anchor: int | None) -> str | None:
    """'the following year', 'April of the same year' against the year of the date told before (``anchor``)."""
    if anchor is None:
        return None
    count = re.match(rf"{_COUNT}\s+years?\s+(later|earlier)\b", t)
    if count:
        n = _COUNTS.get(t.split()[0]) or int(t.split()[0])
        return str(anchor + (n if count.group(1) == "later" else -n))
    year = anchor + (1 if re.search(r"\b(?:following|subsequent|later)\b", t) else 0)
    month = _absolute(t) if re.match(_MONTH, t, re.IGNORECASE) else None
    return iso(year, month.month if month else None, None)


def _after(value: str | None, ref: RefDate | None) -> bool:
    """Whether a date lies after the reference date, compared at the precision both give."""
    got = parse_iso(value)
    if got is None or ref is None or got.year is None or ref.year is None:
        return False
    a, b = [got.year], [ref.year]
    for x, y in ((got.month, ref.month), (got.day, ref.day)):
        if x is None or y is None:
            break
        a.append(x)
        b.append(y)
    return a > b


def _months_before(value: str | None, ref: RefDate | None) -> int:
    """How many whole months a dated value lies before the reference date (0 when either lacks a year or month)."""
    got = parse_iso(value)
    if got is None or ref is None or not got.year or not ref.year or not ref.month:
        return 0
    return (ref.year - got.year) * 12 + ref.month - (got.month or 12)


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
    season = re.search(r"\b(next|last|previous|coming)\s+(spring|summer|fall|autumn|winter)\b", t)
    if season and ref.month:
        # "start next spring" said in November is next year's spring; "last summer" said in March last year's
        begins = _SEASON_START[season.group(2)]
        if season.group(1) in ("next", "coming"):
            return str(ref.year + 1) if begins <= ref.month else str(ref.year)
        return str(ref.year - 1) if begins >= ref.month else str(ref.year)
    return str(ref.year)


def _weekday(t: str, ref: RefDate) -> str | None:
    """A weekday is the last such day before the reference date (this/next look forward)."""
    if ref.month is None or ref.day is None:
        return None
    target = next(i for i, n in enumerate(_WEEKDAYS) if n in t)
    # The reference's own weekday is that day ("SEOUL, Jan. 9 -- X said Thursday"), unless "last"/"next".
    week = re.search(r"\b(last|this|next)\s+week$", t)
    shift = {"last": -7, "this": 0, "next": 7}[week.group(1)] if week else 0
    if ref.year is None:
        if week and ref.weekday is not None:  # "Tuesday last week": that weekday in the week before the reference's
            day = ref.day - ref.weekday + shift + target
            return iso(None, ref.month, day) if 1 <= day <= 28 else None
        if ref.weekday is None or t.startswith("next"):
            return None
        delta = (ref.weekday - target) % 7 or (7 if t.startswith("last") else 0)
        return iso(None, ref.month, ref.day - delta) if ref.day > delta else None
    base = date(ref.year, ref.month, ref.day)
    if week:
        return (base - timedelta(days=base.weekday()) + timedelta(days=shift + target)).isoformat()
    if t.startswith("next"):
        delta = (target - base.weekday()) % 7 or 7
        return (base + timedelta(days=delta)).isoformat()
    delta = (base.weekday() - target) % 7 or (7 if t.startswith("last") else 0)
    return (base - timedelta(days=delta)).isoformat()


def _week(t: str, ref: RefDate) -> str | None:
    """'last week' / 'this week' gives the month of the week (the one holding most of its days)."""
    if ref.year is None or ref.month is None:
        return None
    if ref.day is None:
        return iso(ref.year, ref.month, None)
    base = date(ref.year, ref.month, ref.day)
    shift = -7 if "last" in t or "previous" in t or "past" in t else (7 if "next" in t else 0)
    monday = base - timedelta(days=base.weekday()) + timedelta(days=shift)
    # A week across two months gives the month holding most of its days (Mon 31 May - Sun 6 June is June).
    middle = monday + timedelta(days=3)
    return iso(middle.year, middle.month, None)


def _governing_verb(ctx: Context, start: int, end: int) -> Token | None:
    """The verb the date expression attaches to in the parse ("On July 21, 2021, A and B signed ..." -> signed)."""
    if "has_dep" not in ctx.memo:  # has_annotation walks every token: once per article
        ctx.memo["has_dep"] = ctx.doc.has_annotation("DEP")
    if not ctx.memo["has_dep"]:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    # date -> "on" -> verb, or date -> "of" -> "afternoon" -> "on" -> verb, or up a list of signatories the date hangs
    # on ("signed by A, director of X; and B, director of Y on April 29")
    for _ in range(9):
        if "\n" in ctx.masked[min(token.idx, start):max(token.idx, start)]:
            return None  # a headline's verb on the line above does not govern a date line
        if token.tag_.startswith("VB"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _signing_ceremony(ceremony: Token) -> bool:
    """Whether a ceremony is the agreement's: named so ("the MoU ceremony"), or "the ceremony" with no other kind
    ("The ceremony, attended by ..., was held at the hospital on November 3" after "X concluded an MOU with Y"; not
    "the opening ceremony", "an award ceremony")."""
    if any(_AGREEMENT_NOUN.search(m.text) for m in ceremony.children):
        return True
    modifiers = [m for m in ceremony.children if m.dep_ in ("amod", "compound", "nmod", "det", "poss")]
    return [m.lower_ for m in modifiers] in (["the"], ["this"])


def _verb_role(ctx: Context, verb: Token) -> str | None:
    """Signing, founding or effective when the verb (with its particle: "entered into") is such a cue; a verb
    coordinated with a signing verb shares its event ("signed ... and held a ceremony on Monday, October 26")."""
    head = verb.head if verb.dep_ == "conj" and "\n" not in ctx.masked[verb.head.idx:verb.idx] else None
    for token in (verb, head):  # a headline verb on the line above is no conjunct of the body's verb
        if token is None:
            continue
        if token.lower_ in ("held", "hold", "holds", "hosted", "host", "hosts") and any(  # (the pipeline has no lemmas)
                c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ == "ceremony" and _signing_ceremony(c)
                for c in token.children):
            return "signing"  # "The MoU ceremony was held on 2nd": the ceremony of an agreement is its signing
        if token.lower_ == "dated" and _AGREEMENT_NOUN.search(token.head.text):
            return "other" if _earlier_deal(ctx, token) else "signing"  # "under an agreement dated March 3, 2025"
        phrase = ctx.masked[token.idx:token.idx + len(token.text) + 6]
        for role in ("signing", "founding", "effective"):
            if regex(ctx.rules.lexicon["date_roles"][role], ignore_case=True).match(phrase):
                return "other" if role == "signing" and _earlier_deal(ctx, token) else role
    return None


# An act on a deal that already exists, then that deal and a relative clause or participle ending at the signing verb:
# "terminated a license agreement with X signed in July", "builds on a memorandum that the companies signed in 2011",
# "amends the agreement the parties signed in 2019" (no comma: "After a review of the agreement, they signed ...").
_EARLIER_ACT = re.compile(
    r"\b(?:build(?:s|ing)?\s+(?:on|upon)|follow(?:s|ing)?|after|replac(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)"
    r"|amend(?:s|ed|ing)?|extend(?:s|ed|ing)?|expand(?:s|ed|ing)?|renew(?:s|ed|ing)?|supersed(?:e|es|ed|ing)"
    r"|exercis(?:e|es|ed|ing)|(?:termination|amendment|extension|expansion|renewal)\s+(?:of|to)"
    r"|pursuant\s+to|in\s+accordance\s+with)\s+"  # "exercised its option pursuant to the agreement entered into in"
    r"(?:a|an|the|its|their|his|her)\s+[^.;,\n]{0,80}?\b(?:agreements?|memorand(?:um|a)|MOUs?|MoUs?|contracts?|licen[cs]es?"
    r"|partnerships?|deals?)\b(?:[^.;,\n]|\.(?!\s+[A-Z])|,\s*(?=which|that)){0,60}?\s*$",  # ("Co. signed", ", which")
    re.IGNORECASE)


# Adverbs that place a signing before the news, and an adjective that makes a deal another than the news ("entered
# into a similar agreement with Y in May"; not "separate", as a separate supply agreement is often part of the news).
_EARLIER_ADVERB = re.compile(r"previously|originally|initially|first|earlier|formerly", re.IGNORECASE)
_OTHER_DEAL = re.compile(r"similar", re.IGNORECASE)


def _earlier_deal(ctx: Context, verb: Token) -> bool:
    """Whether a signing verb describes a deal other than the news: a participle after the object of another
    act ("terminated a license agreement signed in July", "following the agreement signed in January"; not
    "Under the agreement signed on Wednesday", "The contract, signed on the 20th,") or a deal called previous or
    original ("The previous license with X was signed in January 2016")."""
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ in ("on", "upon", "following", "after"):
        return True  # "builds on a memorandum that the companies signed in June 2011"
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):  # (the small model tags "an agreement signed in July" VBD too)
        noun = verb.head
        for _ in range(3):  # "a license agreement with Orvane Bio signed in July": the participle may hang on the partner
            if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "between", "of", "for"):
                noun = noun.head.head
        if noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in ("following", "after")):
            return True
    if _EARLIER_ACT.search(ctx.masked, max(ctx.sentence_of(verb.idx)[0], verb.idx - 200), verb.idx):
        return True  # the same constructions when the parse misses them ("builds on a memorandum that the companies signed")
    if any(c.dep_ == "advmod" and _EARLIER_ADVERB.fullmatch(c.text) for c in verb.children):
        return True  # "originally signed in June 2022", "Corvane previously signed a research pact with X in 2022"
    earlier = regex(ctx.rules.lexicon["date_roles"]["earlier_deal"], ignore_case=True)
    # the deal noun: the verb's subject, or the noun its participle modifies ("Under the original agreement, signed in")
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    nouns += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for o in c.children if o.dep_ == "pobj"]
    if verb.dep_ in ("acl", "relcl"):
        nouns.append(verb.head)
    return any((earlier.fullmatch(m.text) or _OTHER_DEAL.fullmatch(m.text)) for c in nouns for m in c.children
               if m.dep_ == "amod")


def _tense(verb: Token | None) -> str | None:
    """'past', 'future' or None for the verb a date attaches to, to place a month without a year."""
    if verb is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children) or \
            verb.lower_ in ("starting", "beginning"):
        return "future"
    # "signed in November" / "was signed in November", not a participle modifier ("batches made in July")
    if any(c.tag_ == "MD" for c in verb.children):  # "would be held in April", "could sign in May"
        return "future" if any(c.lower_ == "would" for c in verb.children) else None
    # ("are scheduled for March" is present)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "has", "have", "been") for c in verb.children))
    return "past" if past else None


def _planned(verb: Token | None) -> bool:
    """Whether the verb states a plan: future ("will sign"), or an infinitive under a present verb ("expects to sign",
    "is expected to sign", "plans to sign"); not under a past one ("were honored to take part in a signing today")."""
    if verb is None:
        return False
    if _tense(verb) == "future":
        return True
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.head is verb:
        return False
    head = verb.head
    return head.tag_ in ("VBZ", "VBP") or _tense(head) == "future" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am", "'s", "'re") for c in head.children)


def _line_of(ctx: Context, offset: int, radius: int = 400) -> tuple[int, int]:
    """The sentence around ``offset`` clipped to its line: a cue on a headline or dateline line does not
    qualify a date on the next ("Sunday 24 November 2024" above "Ostvik signs ...")."""
    s_start, s_end = ctx.sentence_of(offset, radius)
    line_start = ctx.text.rfind("\n", 0, offset) + 1
    line_end = ctx.text.find("\n", offset)
    return max(s_start, line_start), min(s_end, len(ctx.text) if line_end < 0 else line_end)


def _has_verb(ctx: Context, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return span is not None and any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in span)


# The nouns whose relative clause still dates the signing ("the ceremony, held on May 3", "the MOU, which was inked on")
_SIGNING_NOUN = re.compile(r"^(?:ceremony|ceremonies|event|signing|MOUs?|MoUs?|memorand(?:um|a)|agreements?|contracts?|licen[cs]es?"
                           r"|partnerships?|deals?|pacts?|collaborations?|alliances?|accords?)$", re.IGNORECASE)


def _dates_other_noun(verb: Token) -> bool:
    """Whether the date's verb is a relative clause on a noun other than the deal or its ceremony: "signed on the
    sidelines of the summit, which is being held from May 4 to 6", "the meeting that opened on Monday": the date is that
    noun's event, whatever signing cue the sentence has (a participle, "the forum held in May", is left to the cues: the
    parse hangs many a signing's date on one)."""
    return verb.dep_ == "relcl" and verb.head.tag_.startswith("NN") and not _SIGNING_NOUN.match(verb.head.text)


def role_of(ctx: Context, f: Found, verb: Token | None) -> str:
    """The role of the verb the expression attaches to (``verb``: signing, founding, effective), else the role whose
    cue word is nearest the expression within its sentence; 'period' for a year that only dates a figure."""
    s_start, s_end = _line_of(ctx, f.start)
    # "On 31 August 2020, <name> Inc.* (the "Company") entered into ...", "am 2. August 2022": a sentence split after an
    # abbreviation inside a fronted date's clause or inside the date itself leaves a verbless piece; read on to the line's
    # next sentence
    if s_end < f.end or (re.fullmatch(r"\s*(?:on|in)?\s*(?:the\s+)?", ctx.masked[s_start:f.start], re.IGNORECASE)
                         and not _has_verb(ctx, f.end, s_end)):
        following = s_end + len(ctx.masked[s_end:s_end + 5]) - len(ctx.masked[s_end:s_end + 5].lstrip(" \t"))
        if following < len(ctx.masked) and ctx.masked[following] != "\n":
            s_end = max(s_end, _line_of(ctx, following)[1])
    # "(acquired by X in 2011)", "(The Biotech Ledger May 5, 2008)": a date inside parentheses takes its verb
    # and cues from inside them
    opening = ctx.masked.rfind("(", s_start, f.start)
    if opening >= 0 and ctx.masked.find(")", opening, f.start) < 0:
        closing = ctx.masked.find(")", f.end, s_end)
        # (a date alone in parentheses is a dateline's, "Seoul (Nov. 20, 2026) -- X said", and reads outside)
        if closing >= 0 and (ctx.masked[opening + 1:f.start] + ctx.masked[f.end:closing]).strip(" ,"):
            s_start, s_end = opening + 1, closing
    # "X said on Thursday it has signed": the day of the saying, whatever cue follows (GOLD: no signing date); the
    # words right before decide, as the parse often hangs the date on the signing verb
    says = _SAYS_BEFORE.search(ctx.masked, max(0, f.start - 20), f.start) is not None
    other_event = False
    if verb is not None and s_start <= verb.idx < s_end and not says:
        role = _verb_role(ctx, verb)
        if role:
            return role
        says = regex(ctx.rules.lexicon["date_roles"]["announcement"], ignore_case=True).match(ctx.masked, verb.idx) is not None
        # (its role cues still count: "the Act, which took effect on May 4"; only a signing cue is the main clause's)
        other_event = not says and _dates_other_noun(verb)
    sentence = ctx.masked[s_start:s_end]
    rel = f.start - s_start
    best: tuple[int, str, int] | None = None
    # "On 31 August 2020, <a long name> entered into ...": a fronted date qualifies the main verb after it
    fronted = re.fullmatch(r"\s*(?:on|in)?\s*(?:the\s+)?", sentence[:rel], re.IGNORECASE) is not None
    roles = ctx.rules.lexicon["date_roles"]
    announcement = regex(roles["announcement"], ignore_case=True)
    for role, reach in _REACH.items():
        for m in regex(roles[role], ignore_case=True).finditer(sentence):
            if m.end() <= rel:
                distance = rel - m.end()
            else:  # a cue after the date ("2017, when it was founded") counts, but less
                distance = m.start() - (rel + len(f.text)) + 20
            # ... unless another date stands between ("On March 26, X announced that on March 25 ... signed")
            between = sentence[rel + len(f.text):m.start()]
            far_ok = fronted and _COMBINED.search(between) is None and not announcement.search(between)
            if distance <= (reach if m.end() <= rel or far_ok else min(reach, 60)) and (best is None or distance < best[0]):
                best = (distance, role, s_start + m.start())
    role = "announcement" if says else best[1] if best else "other"
    if role == "signing" and other_event:
        return "other"
    if role == "signing" and best and _EARLIER_ACT.search(ctx.masked, max(s_start, best[2] - 200), best[2]):
        # "The new order follows a contract in June where X signed a supply deal": the cue the date is read by (its
        # parse reaches another verb) signs a deal the sentence already calls earlier, as _earlier_deal reads a verb
        role = "other"
    if role in ("other", "announcement") and f.kind in _COARSE:
        # "sales of CNY2.9 billion last year", "served 2,000 clients in 2019": a year of a figure is a period; a fronted
        # year's figure may come a clause later ("in 2019, infections across the region were responsible for the deaths
        # of 1.2 million people")
        window = ctx.masked[max(s_start, f.start - 100):f.start] + " " + ctx.masked[f.end:min(s_end, f.end + 80)]
        if regex(roles["period"], ignore_case=True).search(window) and _FIGURE.search(window):
            return "period"
    return role


def _place_year(value: str | None, f: Found, ref: RefDate | None, tense: str | None) -> str | None:
    """A month or day without a year takes the reference year; one later than the reference in a past-tense
    clause is last year's ("signed partnerships in November", said in January), one earlier in a future clause
    next year's ("will take the top spot starting March 4", said in December)."""
    if f.kind not in ("month", "md", "dm") or not value or ref is None or not ref.year or not ref.month or tense is None:
        return value
    got = parse_iso(value)
    if got is None or got.year != ref.year or got.month is None:
        return value
    # (a day later in the reference's own month is a dateline a day past a site's header, "Aug 5 (Wire) -" under "Aug 4")
    later = got.month > ref.month
    earlier = got.month < ref.month
    if tense == "past" and later:
        return iso(ref.year - 1, got.month, got.day)
    if tense == "future" and earlier:
        return iso(ref.year + 1, got.month, got.day)
    return value


def _year_of_sentence(ctx: Context, f: Found, found: list[Found], value: str) -> str:
    """A month or day without a year, in an article without a dated reference, takes the year of the sentence's other
    dates when they give one ("join Ostvik by April 2014 and become president at a meeting in June")."""
    s_start, s_end = ctx.sentence_of(f.start)
    years = {r.year for r in (parse_iso(resolve(o, None)) for o in found
                              if o is not f and s_start <= o.start < s_end and o.kind in (*_FULL, "my", "my_foreign"))
             if r and r.year}
    got = parse_iso(value)
    return (iso(years.pop(), got.month, got.day) or value) if len(years) == 1 and got else value


def _restates_reference(f: Found, value: str | None, ref: RefDate | None) -> bool:
    """Whether a bare "this week" / "this month" only restates the publication date it falls in."""
    if f.kind != "rel_period" or not re.fullmatch(r"this\s+(?:week|month)", f.text, re.IGNORECASE):
        return False
    full = ref.iso() if ref and ref.day else None
    return bool(value and full and full.startswith(value))


def _drop_coarser(ctx: Context, facts: list[DateFact]) -> list[DateFact]:
    """A coarser restatement of a date of the same role is no second date: "established in July this year" beside
    "established on July 31", "signed in 2021" beside "signed on 3 May 2021" (GOLD: one entry per event); nor is one
    told only in sentences of the finer date, whatever its role ("Signed in 2008 (The Biotech Ledger May 5, 2008)")."""
    def same_sentence(a: DateFact, b: DateFact) -> bool:
        spans = {_line_of(ctx, m.start, len(ctx.text)) for m in b.mentions}  # (whole sentences: no clip)
        return all(_line_of(ctx, m.start, len(ctx.text)) in spans for m in a.mentions)

    def finer(a: DateFact, b: DateFact) -> bool:
        # ("other" gathers unrelated events: "expects to close by the end of the year" beside a trial start on 3 May)
        return (a.value is not None and b.value is not None and len(b.value) > len(a.value) and b.value.startswith(a.value)
                and ((a.role == b.role and a.role != "other") or same_sentence(a, b)))
    return [a for a in facts if not any(finer(a, b) for b in facts)]


def _original_signing(ctx: Context, f: Found, value: str | None, news_act: str | None) -> bool:
    """Whether a signing dated to a month at most, in news of a termination or an amendment, is the original deal's
    ("These licenses were signed in December 2016", "In March 1995, X entered into a CRADA", under a story that ends or
    extends them; GOLD: the original signing has role other): the news act is dated to its day, or its sentence names
    the act itself ("signed an amendment in May 2020")."""
    if news_act not in ("terminated", "amended") or not value or not re.fullmatch(r"\d{4}(?:-\d\d)?|--\d\d", value):
        return False
    s_start, s_end = ctx.sentence_of(f.start)
    cue = regex(ctx.rules.lexicon["status_cues"][news_act], ignore_case=True)
    return cue.search(ctx.masked, s_start, s_end) is None


def extract_dates(ctx: Context, exclude: list[tuple[int, int]], reference: str | None, news_act: str | None = None,
                  ) -> tuple[list[DateFact], str | None, str, str | None]:
    """(dates, reference date, where it came from, signing date); ``news_act`` is the agreement's status when the
    news terminates or amends a deal."""
    found = _drop_today_bars(ctx, _drop_story_lists(ctx, find_expressions(ctx, exclude)))
    pub = publication_date(ctx, found)
    source = "none"
    ref: RefDate | None = None
    if pub is not None:
        ref = parse_iso(resolve(pub, parse_iso(reference)))
        said = _SAID_ON.search(ctx.masked, 0, 1000)
        if ref is not None and ref.year is None and said:  # wire style: the dateline day is the day it was said
            ref.weekday = _WEEKDAYS.index(said.group(1).lower())
        elif ref is not None and ref.year is None:
            # "Taipei, July 16 (FNS) X signed two agreements Wednesday": a bare weekday in the dateline's own
            # sentence is the dateline's day
            s_end = ctx.sentence_of(pub.start)[1]
            lead = re.search(rf"\b(?<!last )(?<!next )({_WEEKDAY})\b", ctx.masked[pub.end:s_end])
            if lead:
                ref.weekday = _WEEKDAYS.index(lead.group(1).lower())
        if ref is not None and ref.year is None:  # "09:39 January 23, 2019 ... SEOUL, Jan. 23 (Haedong) --"
            head = [Found(m.lastgroup or "", *m.span(), m.group()) for m in _COMBINED.finditer(ctx.text, 0, 2000)]
            same = [a for a in (parse_iso(resolve(f, None)) for f in head if f.kind in _FULL)  # page header too
                    if a and a.year and (a.month, a.day) == (ref.month, ref.day)]
            if same:
                ref.year = same[0].year
        source = "publication_date"
    if ref is None and reference:
        ref, source = parse_iso(reference), "option"
    if ref is None:  # a syndicated translation's "Source: Haedong News (April 30, 2024)" line dates it
        line = re.search(r"^Source\s*:[^\n]*\(([^()\n]{6,30})\)\s*$", ctx.text, re.MULTILINE)
        m = _COMBINED.fullmatch(line.group(1)) if line else None
        if m and m.lastgroup in _FULL:
            ref, source = parse_iso(resolve(Found(m.lastgroup, 0, 0, m.group()), None)), "publication_date"
    if ref is None:
        # "May 2011" is too coarse to date the article. The lead's date dates it ("On July 24, X announced"); only
        # without one does a later date with a year serve ("... today (10th April 2014)"): a day further down is one
        # event of the story ("On Sept. 4, Liao announced"), whose "yesterday" is no other's, or a citation's
        # ("(Tradeletter October 2, 2000)")
        lead_end = max(600, len(ctx.text) // 5)
        parsed = [(parse_iso(resolve(f, None)), f.start <= lead_end) for f in found
                  if f.kind in (*_FULL, "md", "dm", "my", "my_foreign")]
        absolute = [a for a, in_lead in parsed if a and in_lead and a.month and a.day] or [
            a for a, _ in parsed if a and a.year and a.month and a.day]
        if absolute:
            ref, source = max(absolute, key=lambda a: ((a.year or 0), a.month or 0, a.day or 0)), "article_date"
    facts: dict[str | None, DateFact] = {}
    signing: list[tuple[int, str | None]] = []
    held_at: list[str | None] = []
    nulls: list[DateFact] = []
    anchor: int | None = ref.year if ref else None
    for f in found:
        value = resolve(f, RefDate(anchor, None, None) if f.kind == "anchored" else ref)
        if f.kind in (*_FULL, "my", "my_foreign", "year", "q_year", "season_year", "dm", "md", "anchored") and value and value[:4].isdigit():
            anchor = int(value[:4])  # the year a later "the same year" / "the following year" counts from
        # "(ZAN - 20th Jun, 2023) BOSTON, US, June 20, 2023 - A and B have signed": a second dateline dates the page
        # too, not the signing its sentence reports
        dateline = pub is not None and (f is pub or (f.start - ctx.text.rfind("\n", 0, f.start) < 120
                                                     and _dates_the_page(ctx, f) and value == resolve(pub, parse_iso(reference))))
        if not dateline and _crawl_stamp(ctx, f) and pub is not None and pub.start > ctx.masked.find("\n") > 0 \
                and _on_header_line(ctx, pub):
            continue  # a crawler's stamp that the site's own header overrides dates the crawl
        if not dateline and _EDITED_BEFORE.search(ctx.masked, max(0, f.start - 20), f.start) and _dates_the_page(ctx, f):
            continue  # "Updated March 6, 2025" in the page header: an edit of the page, no event
        if not dateline and _AS_OF_BEFORE.search(ctx.masked, max(0, f.start - 8), f.start):
            continue  # (still a reference for the article's other dates when it is the only full one)
        verb = None if dateline else _governing_verb(ctx, f.start, f.end)  # (never "publication" from role_of)
        role = "publication" if dateline else role_of(ctx, f, verb)
        event = f.kind == "year" and _event_year(ctx, f.start)
        if role == "period" or (event and (role != "signing" or (ref is not None and ref.year is not None))):
            continue  # (in a dated article the event's year only restates the date's year)
        if value and value.startswith("--") and f.kind in ("month", "md", "dm"):
            value = _year_of_sentence(ctx, f, found, value)
        if role != "publication":
            # "the validity date was set until September 30": a deadline's month looks forward whatever the verb's tense
            deadline = _DEADLINE_BEFORE.search(ctx.masked, max(0, f.start - 12), f.start) is not None
            value = _place_year(value, f, ref, None if deadline else _tense(verb))
        if role == "signing" and _planned(verb):
            role = "other"  # "expects to sign a contract by the end of the year", "will sign in May": a plan, no signing
        if role == "signing" and _after(value, ref):
            role = "other"  # a press release reports signings; one after its own date is a plan or page noise
        if role == "signing" and _months_before(value, ref) > 12:
            role = "other"  # a release reports a recent signing; one over a year before its date is an earlier deal's history
        if role == "signing" and f.start - ctx.text.rfind("\n", 0, f.start) < 120 and _dates_the_page(ctx, f):
            role = "announcement"  # "SINGAPORE, April 8, 2025 /PRNewswire/ -- X and Y have signed": a second dateline
        if role == "signing" and _original_signing(ctx, f, value, news_act):
            role = "other"
        if role == "announcement" and _restates_reference(f, value, ref):
            continue  # "X said this week": the article's own week, no other event ("presenting it this week" is one)
        fact = DateFact(text=f.text, value=value, role=role, start=f.start, end=f.end,  # type: ignore[arg-type]
                        mentions=[ctx.mention(f.start, f.end)])
        if role == "signing" and not (value and re.fullmatch(r"\d{4}", value)):
            # a bare year ("signed in 2008", "In 2019, A first entered into") dates an earlier deal's history,
            # not the signing a release announces (it gives a day or a month)
            signing.append((f.start, value))
        elif role == "signing" and event:
            held_at.append(value)  # the signing at a named event, when the text gives no finer date
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
    signed_on = next((v for _, v in signing), None) or (held_at[0] if held_at else None)
    ordered = sorted([*_drop_coarser(ctx, list(facts.values())), *nulls], key=lambda d: d.start)
    return ordered, ref.iso() if ref else None, source, signed_on
