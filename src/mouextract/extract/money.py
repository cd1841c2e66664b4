"""Money amounts in the text: value in units, ISO 4217 currency and the "up to" ceiling."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..resources import regex
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
def _parts() -> dict[str, str]:
    cur = term_cues()["currency"]
    mags = alternation([re.escape(m) for m in term_cues()["magnitudes"] if not m.startswith("_")])
    return {"symbols": alternation([re.escape(s) for s in cur["symbols"]]), "words": f"(?i:{alternation(list(cur['words']))})",  # "10 billion Won" as written in Korean releases
            # Indian grouping by lakhs and crores ("Rs 1,50,000", "₹12,50,00,000"); a comma before one or two digits that end the
            # figure is a decimal comma ("4,2 Millionen", "EUR 1,5 Mio."); before three, a thousands one
            "num": r"\d{1,2}(?:,\d\d)+,\d{3}(?!,?\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d,.])\d{1,3},\d{1,2}(?![\d,.]?\d)|\d+(?:\.\d+)?", "code": r"[A-Z]{3}",
            # the currency after a European magnitude: "Mio. EUR", "millones de dólares", "milliards d'euros", "15 M€", "30 mio. kr."
            "joint": r"(?:(?<=[^\W\d_])\.)?(?:[ \t\u00a0]+(?:de|di)(?=[ \t\u00a0])|[ \t\u00a0]+d(?=['’]))?['’]?",
            "postsym": r"€|£|kr\b",
            "mag": rf"(?:[ \t\u00a0-]?(?i:{mags})s?\b)?",  # "$13.3M", "€15m", "KRW 44 Billion", "a $545-million venture"
            "adjectives": r"(?:U\.?S\.?|Hong Kong|Singapore|Canadian|Australian|New Taiwan|Korean|Japanese|Chinese|Swiss|Danish|Swedish|Norwegian)",
            # the characters an amount can start with (a symbol's first, a code's, a digit): tried before the whole
            # pattern, they let the scan skip most positions of a text at once (``re`` finds no such prefix itself)
            "first": "".join(sorted({re.escape(s[0]) for s in cur["symbols"] if s and not s.startswith("_")})) + r"A-Z\d"}


@cache
def _money_re() -> re.Pattern[str]:
    p = _parts()
    symbols, words, num, code, mag, adjectives = p["symbols"], p["words"], p["num"], p["code"], p["mag"], p["adjectives"]
    return re.compile(
        rf"(?=[{p['first']}])(?:(?P<pre>{symbols}|{code}(?=[ \t\u00a0]?\d))[ \t\u00a0]?(?P<n1>{num})(?P<m1>{mag})"
        rf"|(?P<n2>{num})(?P<m2>{mag}){p['joint']}[ \t\u00a0-]?(?:(?P<post>(?:{adjectives}[ \t-])?(?:{words}))\b|(?P<code2>{code})\b"
        rf"|(?P<postsym>{p['postsym']})(?:(?<=r)\.)?))")


@cache
def _range_re() -> re.Pattern[str]:
    """A range of amounts: "$75-$300 million", "$1.5-2 billion", "between €50 million and €100 million", "US$5 to 10 million".
    price-parser reads one figure; the two figures of a range and their shared currency and magnitude are ours."""
    p = _parts()
    symbols, words, num, code, mag, adjectives = p["symbols"], p["words"], p["num"], p["code"], p["mag"], p["adjectives"]
    pre = rf"(?:{symbols}|{code}(?=[ \t\u00a0]?\d))"
    return re.compile(
        rf"(?=[{p['first']}b \t\u00a0])(?P<between>\bbetween[ \t]+)?(?P<pre>{pre})?[ \t\u00a0]?(?P<lo>{num})(?P<lm>{mag})[ \t\u00a0]*(?P<sep>-|–|—|\bto\b|\band\b)[ \t\u00a0]*"
        rf"(?P<pre2>{pre})?[ \t\u00a0]?(?P<hi>{num})(?P<hm>{mag})(?:[ \t\u00a0-]?(?:(?P<post>(?:{adjectives}[ \t])?(?:{words}))\b|(?P<code2>{code})\b))?")


def _by_country(ctx: Context, symbol: str | None, currency: str | None) -> str | None:
    """"Rs" in a Pakistani article is the Pakistani rupee: a shared symbol takes the currency of the country the text names
    most often (the default's on a tie)."""
    table = term_cues()["currency"]["by_country"].get((symbol or "").strip().rstrip("."))
    if not table:
        return currency
    key = ("terms", "by_country", symbol)
    if key not in ctx.memo:
        counts = {code: len(regex(rf"\b(?:{names})\b").findall(ctx.masked)) for code, names in table.items()}
        best = max(counts, key=lambda c: (counts[c], c == "default"))
        ctx.memo[key] = currency if best == "default" or not counts[best] else best
    return ctx.memo[key]  # type: ignore[return-value]


def _ranges(ctx: Context) -> list[Amount]:
    """Ranges of amounts, each one entry valued at its upper bound (a ceiling, so ``up_to``)."""
    out: list[Amount] = []
    for m in _range_re().finditer(ctx.masked):
        if m.group("sep") == "and" and not m.group("between"):
            continue  # "$5 million and 20 employees" is no range
        symbol = m.group("pre2") or m.group("pre") or m.group("code2")
        if symbol and symbol.isalpha() and symbol not in _iso_codes():
            continue
        currency = _by_country(ctx, symbol, _currency(symbol, m.group("post")))
        magnitude = m.group("hm") or m.group("lm")
        if currency is None or not magnitude.strip() or m.group("lm").strip() and not m.group("hm").strip():
            continue  # "$5 million-10" is no range of millions
        hi = Decimal(m.group("hi").replace(",", "")) * Decimal(str(_magnitude(magnitude)))
        lo = Decimal(m.group("lo").replace(",", "")) * Decimal(str(_magnitude(m.group("lm") or magnitude)))
        if not lo < hi or hi < term_cues()["min_amount"]:
            continue
        start = m.start("pre") if m.group("pre") else m.start("lo")
        if ctx.is_noise(start, m.end()):
            continue
        out.append(Amount(start, m.end(), int(hi) if hi == hi.to_integral_value() else float(hi), currency, True))
    return out


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
            if regex(rf"\b(?:{pattern})$").search(low):
                if "dollar" in pattern and low.split()[0] not in ("u.s.", "us", "dollar", "dollars"):
                    adjectives = {"hong": "HKD", "singapore": "SGD", "canadian": "CAD", "australian": "AUD", "new": "TWD"}
                    return adjectives.get(low.split()[0], str(code))
                return str(code)
    return None


def _magnitude(word: str) -> float:
    word = word.strip(" \t\u00a0-").lower()
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

    up_before = regex(rf"(?:{alternation(term_cues()['up_to']['before'])})\s+(?:an?\s+)?(?:additional\s+|aggregate\s+(?:of\s+)?|total\s+(?:of\s+)?)?$",
                      True)
    up_after = regex(rf"^\s*(?:{alternation(term_cues()['up_to']['after'])})\b", True)
    out = _ranges(ctx)
    ranges = [(a.start, a.end) for a in out]
    seen: set[str] = set()  # the currencies the article writes, share prices included
    for m in _money_re().finditer(ctx.masked):
        if any(s < m.end() and m.start() < e for s, e in ranges):
            continue  # one bound of a range read above
        if m.group("code2") and m.group("code2") not in _iso_codes():
            continue
        if m.group("pre") and len(m.group("pre")) == 3 and m.group("pre").isalpha() and m.group("pre") not in _iso_codes():
            continue
        # price-parser reads the figure and the symbol; the pattern only finds where an amount is, and its magnitude word
        figure = m.group("n1") or m.group("n2")
        # English news: "12.000" is not twelve thousand; a decimal comma ("4,2") is read as one
        price = Price.fromstring(m.group(0), decimal_separator="," if re.fullmatch(r"\d{1,3},\d{1,2}", figure) else ".")
        if price.amount is None:
            continue
        value = price.amount * Decimal(str(_magnitude(m.group("m1") or m.group("m2") or "")))
        amount: int | float = int(value) if value == value.to_integral_value() else float(value)
        symbol = m.group("pre") or m.group("code2") or m.group("postsym") or (price.currency if not m.group("post") else None)
        # "kroner" is Danish and Norwegian: the word resolves by country like a shared symbol
        currency = _by_country(ctx, symbol or (m.group("post") or "").lower(), _currency(symbol, m.group("post")))
        start, end = m.start(), m.end()
        # "$47.5M CAD", "$3 million AUD": a bare dollar sign names its currency by the code written after the amount
        code_after = re.match(r"[ \t\u00a0]?([A-Z]{3})\b", ctx.masked[end:end + 5]) if (m.group("pre") or "").strip() == "$" else None
        if code_after and code_after.group(1) in _iso_codes():
            currency, end = code_after.group(1), end + code_after.end()
        named_only = term_cues()["currency"]["named_only"].get((m.group("pre") or "").strip())
        if named_only and (start and ctx.masked[start - 1].isalnum() or not regex(rf"\b(?:{named_only})\b").search(ctx.masked)):
            continue  # "N100 million" is naira only in a Nigerian story (and never the end of a word: "ABN100")
        seen |= {currency} if currency else set()
        if currency is None or amount < term_cues()["min_amount"] or re.match(r"\s*(?:per|a|each)\s+(?:share|unit|dose|vial)\b", ctx.masked[m.end():m.end() + 20]):
            continue
        if ctx.masked[start:end] != ctx.text[start:end] or not ctx.masked[start:end].strip():
            continue
        before = ctx.masked[max(0, start - 60):start]
        up_to = bool(up_before.search(before) or up_after.search(ctx.masked[end:end + 30]))
        out.append(Amount(start, end, amount, currency, up_to))
    out += _spelt_amounts(ctx, out, up_before)
    if len(seen) == 1:
        out += _bare_amounts(ctx, out, seen.pop(), up_before)
    return sorted(out, key=lambda a: a.start)


@cache
def _spelt_re() -> re.Pattern[str]:
    p = _parts()
    numbers = alternation(list(term_cues()["term"]["number_words"]) + ["an?"])
    return re.compile(rf"(?<![\w-])(?P<n>(?i:{numbers}))[ \t\u00a0]+(?P<m>(?i:thousand|million|billion|trillion))[ \t\u00a0]+"
                      rf"(?P<post>(?:{p['adjectives']}[ \t-])?(?:{p['words']}))\b")


def _spelt_amounts(ctx: Context, found: list[Amount], up_before: re.Pattern[str]) -> list[Amount]:
    """Amounts with a spelt-out figure and a currency word ("one billion yen", "more than a billion dollars"), which
    price-parser does not read."""
    numbers = term_cues()["term"]["number_words"]
    out: list[Amount] = []
    for m in _spelt_re().finditer(ctx.masked):
        if any(a.start < m.end() and m.start() < a.end for a in found) or ctx.is_noise(m.start(), m.end()):
            continue
        currency = _by_country(ctx, m.group("post").lower(), _currency(None, m.group("post")))
        n = m.group("n").lower()
        value = (1 if n in ("a", "an") else numbers[n]) * _magnitude(m.group("m"))
        if currency is None or value < term_cues()["min_amount"] or ctx.masked[m.start():m.end()] != ctx.text[m.start():m.end()]:
            continue
        up_to = bool(up_before.search(ctx.masked[max(0, m.start() - 60):m.start()]))
        out.append(Amount(m.start(), m.end(), int(value), currency, up_to))
    return out


@cache
def _bare_re() -> re.Pattern[str]:
    words = alternation(term_cues()["bare_magnitudes"])
    return re.compile(rf"(?<![\w.,])(?P<n>\d+,\d{{1,2}}(?!\d)|\d+(?:\.\d+)?)[ \t\u00a0](?P<m>(?i:{words}))\b")


def _bare_amounts(ctx: Context, found: list[Amount], currency: str, up_before: re.Pattern[str]) -> list[Amount]:
    """Figures with a European magnitude word and no currency ("12 milioni, ...", "bis zu 76 Millionen in Meilensteinen"), in the
    one currency the article writes. Only where no noun follows, since that would be what the figure counts ("12 milioni di abitanti")."""
    followers = regex(term_cues()["bare_followers"], True)
    out: list[Amount] = []
    for m in _bare_re().finditer(ctx.masked):
        if any(a.start < m.end() and m.start() < a.end for a in found) or not followers.match(ctx.masked, m.end()):
            continue
        if ctx.masked[m.start():m.end()] != ctx.text[m.start():m.end()] or ctx.is_noise(m.start(), m.end()):
            continue
        value = Decimal(m.group("n").replace(",", ".")) * Decimal(str(_magnitude(m.group("m"))))
        if value < term_cues()["min_amount"]:
            continue
        up_to = bool(up_before.search(ctx.masked[max(0, m.start() - 60):m.start()]))
        out.append(Amount(m.start(), m.end(), int(value) if value == value.to_integral_value() else float(value), currency, up_to))
    return out
