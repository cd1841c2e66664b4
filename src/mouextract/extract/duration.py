"""The agreement's term (an ISO 8601 duration) and its expiry date."""

from __future__ import annotations

import re

from ..models import Mention
from ..resources import regex
from .context import Context
from .deal_cues import term_cues
from .salience import in_boilerplate


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return term_cues()["term"]["number_words"].get(word.lower())


def term(ctx: Context) -> tuple[str | None, list[Mention]]:
    """The agreement's duration as ISO 8601 ('a five-year collaboration' -> P5Y)."""
    tc = term_cues()["term"]
    nums = "|".join(sorted(tc["number_words"], key=len, reverse=True))
    units = "|".join(tc["units"])
    # "5 (five) years", "five (5) years": a contract's figure restated in words or digits
    # (the lookahead of first letters lets the scan skip most positions at once)
    first = "".join(sorted({re.escape(w[0]) for w in tc["number_words"]}))
    duration = regex(rf"(?=[\d{first}])\b(\d{{1,2}}|{nums})(?:\s*\((?:\d+|{nums})\))?[- ]({units})s?(?:[- ]long)?\b", True)
    # "a five-year, $433 million contract": the deal's value may stand between the duration and its noun
    value = r"(?:,\s*(?:[A-Z]{0,3}[$€£¥₩]|[A-Z]{3}\s?)\s?[\d.,]+[ -]?(?:million|billion|trillion|mn|bn|m|b)?\s+)?"
    nouns = regex(rf"^\s*{value}(?:\w+[- ]?){{0,3}}?(?:{tc['nouns']})\b", True)
    lead = regex(r"(?:term|period|duration)\s+of\s+(?:up\s+to\s+)?(?:an?\s+)?(?:initial\s+)?$|\bfor\s+(?:an?\s+|the\s+)?(?:initial\s+|next\s+|following\s+|first\s+)?(?:period\s+of\s+)?(?:up\s+to\s+)?$"
                      r"|\b(?:last|run|remain in (?:force|effect)|valid|span)s?\s+(?:for\s+)?(?:up\s+to\s+)?(?:approximately\s+|about\s+|around\s+|roughly\s+|some\s+)?$|\b(?:over|during)\s+(?:the\s+next\s+)?$"
                      # "the term of the agreement is five years"
                      r"|\b(?:term|duration|period)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:agreement|contract|collaboration|partnership|alliance|mou|licen[cs]e)"
                      r"\s+(?:is|will\s+be|shall\s+be|was)\s+(?:for\s+)?(?:up\s+to\s+)?$", True)
    not_term = regex(rf"\b(?:{tc['not_term']})\b", True)
    agreement = regex(rf"\b(?:{tc['nouns']})", True)
    for m in duration.finditer(ctx.masked):
        s, e = m.start(), m.end()
        if in_boilerplate(ctx, s) or ctx.is_noise(s, e):
            continue
        n = _number(m.group(1))
        if not n:
            continue
        sent = ctx.sentence_of(s)
        before, after = ctx.masked[max(sent[0], s - 45):s], ctx.masked[e:min(sent[1], e + 40)]
        if not_term.search(after[:25]) or re.search(r"\b(?:past|last|previous|first|within|after|ago)\s+$", before):
            continue
        governed = nouns.match(after) and not re.match(r"^\s*(?:old|ago)", after)  # "a five-year collaboration"
        # "pledged $20 million over five years": money committed over a period gives the deal's term
        funded = re.search(r"(?:[$€£¥₩]|\b[A-Z]{3})\s?[\d.,]+(?:\s?(?:million|billion|trillion|mn|bn|m|b))?\s+over\s+(?:the\s+next\s+)?$", before)
        if not (governed or funded or lead.search(before) and agreement.search(ctx.masked[sent[0]:sent[1]])):
            continue  # "a term of five years" in a sentence about the agreement
        return f"P{n}{tc['units'][m.group(2).lower()]}", [ctx.mention(s, e)]
    # "projects split between the two drugmakers over the next decade": a deal's span named by a period noun
    spans = tc["span_nouns"]
    span_alt = "|".join(re.escape(w) for w in sorted(spans, key=len, reverse=True))
    for m in regex(rf"\b(?:over|during|for|across)\s+the\s+(?:next|coming)\s+({span_alt})\b", True).finditer(ctx.masked):
        sent = ctx.sentence_of(m.start())
        if not in_boilerplate(ctx, m.start()) and agreement.search(ctx.masked[sent[0]:sent[1]]):
            return spans[m.group(1).lower()], [ctx.mention(m.start(1), m.end(1))]
    return None, []


# (?=[eivrlc]): the first letters let the scan skip other positions at once
_EXPIRY = re.compile(r"(?=[eivrlc])\b(?:expires?|expiring|valid|in (?:force|effect)|runs?|running|last(?:s|ing)?|continue[sd]?)\s+(?:on|until|till|through|to|in|to the end of)\s+"
                     r"((?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d)\b")


def expiry(ctx: Context) -> tuple[str | None, list[Mention]]:
    """The date an agreement runs to ('valid until December 2030')."""
    from dateutil import parser as dateparser

    for m in _EXPIRY.finditer(ctx.masked):
        if in_boilerplate(ctx, m.start()):
            continue
        text = m.group(1)
        try:
            value = dateparser.parse(text, default=dateparser.parse("2000-01-01"))
        except (ValueError, OverflowError):
            continue
        parts = len(re.findall(r"\d+|[A-Z][a-z]+", text))
        iso = value.strftime("%Y-%m-%d" if parts >= 3 else "%Y-%m" if parts == 2 else "%Y")
        return iso, [ctx.mention(m.start(1), m.end(1))]
    return None, []
