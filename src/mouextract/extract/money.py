"""Money amounts in the text: value in units, ISO 4217 currency and the "up to" ceiling."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .context import Context
from .deal_cues import alternation, term_cues


@dataclass
class Amount:
    start: int
    end: int
    amount: int | float | None
    currency: str | None
    up_to: bool


@cache
def _money_re() -> re.Pattern[str]:
    cur = term_cues()["currency"]
    symbols = alternation([re.escape(s) for s in cur["symbols"]])
    words = alternation(list(cur["words"]))
    mags = alternation([re.escape(m) for m in term_cues()["magnitudes"] if not m.startswith("_")])
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    code = r"[A-Z]{3}"
    mag = rf"(?:[ \t\u00a0]?(?i:{mags})s?\b)?"  # "$13.3M", "€15m", "KRW 44 Billion"
    adjectives = r"(?:U\.?S\.?|Hong Kong|Singapore|Canadian|Australian|New Taiwan|Korean|Japanese|Chinese|Swiss|Danish|Swedish|Norwegian)"
    return re.compile(
        rf"(?:(?P<pre>{symbols}|{code}(?=[ \t\u00a0]?\d))[ \t\u00a0]?(?P<n1>{num})(?P<m1>{mag})"
        rf"|(?P<n2>{num})(?P<m2>{mag})[ \t\u00a0-]?(?:(?P<post>(?:{adjectives}[ \t])?(?:{words}))\b|(?P<code2>{code})\b))")


@cache
def _iso_codes() -> frozenset[str]:
    from price_parser._currencies import CURRENCIES  # price-parser's ISO 4217 table

    return frozenset(CURRENCIES)


def _currency(symbol: str | None, word: str | None) -> str | None:
    """ISO 4217 code for a symbol ('US$', '€'), a code ('KRW', 'RMB') or a currency word ('won')."""
    cur = term_cues()["currency"]
    if symbol:
        symbol = symbol.strip()
        if symbol in cur["symbols"]:
            return str(cur["symbols"][symbol])
        if symbol.upper() in _iso_codes():
            return symbol.upper()
    if word:
        low = word.lower()
        for pattern, code in cur["words"].items():
            if re.search(rf"\b(?:{pattern})$", low):
                if "dollar" in pattern and low.split()[0] not in ("u.s.", "us", "dollar", "dollars"):
                    adjectives = {"hong": "HKD", "singapore": "SGD", "canadian": "CAD", "australian": "AUD", "new": "TWD"}
                    return adjectives.get(low.split()[0], str(code))
                return str(code)
    return None


def _magnitude(word: str) -> float:
    word = word.strip().lower()
    table = term_cues()["magnitudes"]
    return float(table.get(word, table.get(word.rstrip("s"), 1.0)))


def money_amounts(ctx: Context) -> list[Amount]:
    """Every money amount in the text, with its value in units and ISO currency (once per article)."""
    key = ("terms", "amounts")
    if key not in ctx.memo:
        ctx.memo[key] = _find_amounts(ctx)
    return ctx.memo[key]  # type: ignore[return-value]


def _find_amounts(ctx: Context) -> list[Amount]:
    from price_parser import Price

    out: list[Amount] = []
    up_before = re.compile(rf"(?:{alternation(term_cues()['up_to']['before'])})\s+(?:an?\s+)?(?:additional\s+|aggregate\s+(?:of\s+)?|total\s+(?:of\s+)?)?$",
                           re.IGNORECASE)
    up_after = re.compile(rf"^\s*(?:{alternation(term_cues()['up_to']['after'])})\b", re.IGNORECASE)
    for m in _money_re().finditer(ctx.masked):
        if m.group("code2") and m.group("code2") not in _iso_codes():
            continue
        if m.group("pre") and len(m.group("pre")) == 3 and m.group("pre").isalpha() and m.group("pre") not in _iso_codes():
            continue
        # price-parser reads the figure and the symbol; the pattern only finds where an amount is, and its magnitude word
        price = Price.fromstring(m.group(0), decimal_separator=".")  # English news: "12.000" is not twelve thousand
        if price.amount is None:
            continue
        value = price.amount * Decimal(str(_magnitude(m.group("m1") or m.group("m2") or "")))
        amount: int | float = int(value) if value == value.to_integral_value() else float(value)
        currency = _currency(m.group("pre") or m.group("code2") or (price.currency if not m.group("post") else None), m.group("post"))
        if currency is None or amount < term_cues()["min_amount"] or re.match(r"\s*(?:per|a|each)\s+(?:share|unit|dose|vial)\b", ctx.masked[m.end():m.end() + 20]):
            continue
        start, end = m.start(), m.end()
        if ctx.masked[start:end] != ctx.text[start:end] or not ctx.masked[start:end].strip():
            continue
        before = ctx.masked[max(0, start - 60):start]
        up_to = bool(up_before.search(before) or up_after.search(ctx.masked[end:end + 30]))
        out.append(Amount(start, end, amount, currency, up_to))
    return out
