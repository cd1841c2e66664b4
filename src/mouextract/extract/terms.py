"""Deal terms: money, party roles, territory, assets, term and options, each grounded in the text.

Amounts are read with price-parser and tied to the component whose noun governs them in spaCy's
dependency parse ("an upfront payment of $20 million", "$20 million upfront", "milestones of up to
$500 million"); party roles come from the deal sentence's verb and its arguments ("A grants B a
licence", "B in-licenses from A"). Without a parse both fall back to nearest-cue patterns.
Cues live in data/terms.json, region groups in data/regions.json.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from ..models import Asset, DealOption, Financial, Mention, Terms, Territory
from ..resources import load_json
from .agreement import agreement_sentences
from .context import Context, Span
from .salience import in_boilerplate
from .spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .orgs import OrgEntity


def _alt(phrases: list[str]) -> str:
    return "|".join(sorted((p for p in phrases if not p.startswith("_")), key=len, reverse=True))


@cache
def _cues() -> dict[str, Any]:
    return dict(load_json("terms.json"))


@cache
def _regions() -> dict[str, Any]:
    return dict(load_json("regions.json"))


# ----------------------------------------------------------------------------------------------- money

@dataclass
class _Amount:
    start: int
    end: int
    amount: int | float | None
    currency: str | None
    up_to: bool


@cache
def _money_re() -> re.Pattern[str]:
    cur = _cues()["currency"]
    symbols = _alt([re.escape(s) for s in cur["symbols"]])
    words = _alt(list(cur["words"]))
    mags = _alt([re.escape(m) for m in _cues()["magnitudes"] if not m.startswith("_")])
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
    cur = _cues()["currency"]
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
    table = _cues()["magnitudes"]
    return float(table.get(word, table.get(word.rstrip("s"), 1.0)))


def _amounts(ctx: Context) -> list[_Amount]:
    """Every money amount in the text, with its value in units and ISO currency (once per article)."""
    key = ("terms", "amounts")
    if key not in ctx.memo:
        ctx.memo[key] = _find_amounts(ctx)
    return ctx.memo[key]  # type: ignore[return-value]


def _find_amounts(ctx: Context) -> list[_Amount]:
    from price_parser import Price

    out: list[_Amount] = []
    up_before = re.compile(rf"(?:{_alt(_cues()['up_to']['before'])})\s+(?:an?\s+)?(?:additional\s+|aggregate\s+(?:of\s+)?|total\s+(?:of\s+)?)?$",
                           re.IGNORECASE)
    up_after = re.compile(rf"^\s*(?:{_alt(_cues()['up_to']['after'])})\b", re.IGNORECASE)
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
        if currency is None or amount < _cues()["min_amount"] or re.match(r"\s*(?:per|a|each)\s+(?:share|unit|dose|vial)\b", ctx.masked[m.end():m.end() + 20]):
            continue
        start, end = m.start(), m.end()
        if ctx.masked[start:end] != ctx.text[start:end] or not ctx.masked[start:end].strip():
            continue
        before = ctx.masked[max(0, start - 60):start]
        up_to = bool(up_before.search(before) or up_after.search(ctx.masked[end:end + 30]))
        out.append(_Amount(start, end, amount, currency, up_to))
    return out


# ----------------------------------------------------------------------------------------------- parse helpers

def _has_parse(doc: Doc) -> bool:
    return bool(len(doc)) and doc.has_annotation("DEP")


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _root(tokens: list[Token]) -> Token | None:
    """The token of a span whose head lies outside it."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0] if tokens else None)


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 99


def _in_subtree(token: Token, root: Token, blocked: set[int]) -> bool:
    """Whether ``token`` descends from ``root`` without passing another amount's root or a conjunct."""
    for anc in [token, *token.ancestors]:
        if anc.i == root.i:
            return True
        if anc.i in blocked or anc.dep_ == "conj":
            return False
    return False


# ----------------------------------------------------------------------------------------------- kinds

@cache
def _kind_res() -> list[tuple[str, re.Pattern[str]]]:
    kinds = _cues()["kinds"]
    return [(k, re.compile(rf"\b(?:{_alt(kinds[k])})\b", re.IGNORECASE)) for k in _cues()["kind_priority"] if k != "royalty"]


def _kind_cues(ctx: Context, span: Span) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every kind cue in a sentence, longest match first at one place."""
    text = ctx.masked[span[0]:span[1]]
    matches = sorted(((kind, span[0] + m.start(), span[0] + m.end()) for kind, pattern in _kind_res() for m in pattern.finditer(text)),
                     key=lambda c: (c[1] - c[2], c[1]))  # "capital contributions" (equity) over "contributions"
    cues: list[tuple[str, int, int]] = []
    for kind, s, e in matches:
        if not any(s < ce and cs < e for _, cs, ce in cues):
            cues.append((kind, s, e))
    return sorted(cues, key=lambda c: c[1])


def _kind_of(ctx: Context, amount: _Amount, roots: dict[int, Token], cues: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """The component an amount belongs to, and the cue's offset: by the parse, else by nearness."""
    priority = {k: n for n, k in enumerate(_cues()["kind_priority"])}
    # the cue right beside the amount is its head or dependent whatever the parse says: "$20 million upfront",
    # "$300 million in milestones", "an upfront payment of $20 million", "a $700 million licensing deal"
    beside: list[tuple[int, str, int]] = []
    for kind, s, e in cues:
        if s >= amount.end and re.fullmatch(r"\s*(?:(?:in|as|of)\s+)?(?:(?:potential|additional|near-term|future|an?|the)\s+)?"
                                          r"(?:(?!(?:and|or|plus|while|but)\b)[\w-]+\s+){0,2}?",  # "$X and a milestone payment": not its cue
                                          ctx.masked[amount.end:s]) and s - amount.end < 40:
            beside.append((s - amount.end, kind, s))
        if e <= amount.start and re.fullmatch(r"\s*(?:payments?|fees?)?\s*(?:of|totaling|totalling|worth|amounting to|valued at)?\s*"
                                            r"(?:up to|approximately|about|around|roughly|some|nearly|over|more than)?\s*",
                                            ctx.masked[e:amount.start]) and amount.start - e < 40:
            beside.append((amount.start - e, kind, s))
    # "a SAR500 million investment agreement", "a $700 million licensing deal": the deal's value
    if re.match(r"\s*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|pact|contract|transaction)\b", ctx.masked[amount.end:amount.end + 80],
                re.IGNORECASE):
        return "total_value", amount.end
    if beside:
        _, kind, s = min(beside)
        return kind, s
    if not cues:
        return None
    root = roots.get(amount.start)
    if root is not None:
        blocked = {r.i for s, r in roots.items() if s != amount.start}
        mine = {x.i for x in _tokens_in(ctx.doc, amount.start, amount.end)}
        best: tuple[int, float, int, str, int] | None = None
        for kind, s, e in cues:
            toks = _tokens_in(ctx.doc, s, e)
            if not toks or all(t.i in mine for t in toks):
                continue
            own = any(_in_subtree(t, root, blocked) for t in toks)
            owned_elsewhere = any(_in_subtree(t, r, {root.i}) for t in toks for r in roots.values() if r.i != root.i)
            # tree distance decides; the token gap breaks a wrong attachment's tie ("milestone payments of around DKK300m
            # expected ..." parsed as a relative clause of the upfront payment)
            gap = min(abs(t.i - x) for t in toks for x in mine) if mine else 0
            dist = min((_tree_distance(root, t) for t in toks), default=99) + gap / 4
            rank = (0 if own else (2 if owned_elsewhere else 1), dist, priority.get(kind, 9), kind, s)
            if best is None or rank < best:
                best = rank
        if best is not None and best[1] < 10:
            return best[3], best[4]
    # no parse (or no cue near in the tree): the nearest cue of the sentence
    near = sorted((min(abs(s - amount.end), abs(amount.start - e)), k, s) for k, s, e in cues)
    return (near[0][1], near[0][2]) if near and near[0][0] < 120 else None


@cache
def _stage_res() -> list[tuple[str, re.Pattern[str]]]:
    return [(k, re.compile(rf"\b(?:{_alt(v)})\b", re.IGNORECASE)) for k, v in _cues()["stages"].items()]


def _stage(ctx: Context, amount: _Amount, cue: int) -> str | None:
    """A milestone's stage from the words between the amount and its cue ('development milestones')."""
    lo, hi = min(amount.end, cue), max(amount.start, cue)
    window = ctx.masked[max(0, lo - 40 if cue < amount.start else lo):hi + 20]
    found = {k for k, p in _stage_res() if p.search(window)}
    return found.pop() if len(found) == 1 else None


_PERCENT = r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
_RANGE = re.compile(rf"{_PERCENT}(?:\s*(?:to|-|–|and)\s*{_PERCENT})?|(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?{_PERCENT}", re.IGNORECASE)
_RATE_WORDS = re.compile(r"\b(?:(?:high|mid|low|upper|lower)[- ](?:single|double|teens?)(?:[- ]digits?)?|(?:single|double)[- ]digits?|teens)"
                         r"(?:\s+(?:to|through|into|and)\s+(?:the\s+)?(?:(?:high|mid|low|upper|lower)[- ])?(?:single|double|teens?)(?:[- ]digits?)?)?",
                         re.IGNORECASE)


def _royalties(ctx: Context, percent_used: set[int]) -> list[Financial]:
    """One royalty entry per distinct rate (most articles: one), with its rate or rate words."""
    out: dict[tuple[float, ...] | str, Financial] = {}
    for m in re.finditer(r"\broyalt(?:y|ies)\b(?![- ](?:free|bearing))", ctx.masked, re.IGNORECASE):
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        s, e = ctx.sentence_of(m.start())
        clause_end = min([x for x in (ctx.masked.find(";", m.end(), e),) if x > 0] or [e])
        window = (max(s, m.start() - 80), min(clause_end, m.end() + 120))
        rate: list[float] = []
        r = _RANGE.search(ctx.masked, window[0], window[1])
        if r and abs(r.start() - m.start()) < 110:
            nums = [float(g) for g in r.groups() if g]
            rate = sorted(set(nums))
            percent_used.add(r.start())
        words = _RATE_WORDS.search(ctx.masked, window[0], window[1])
        rate_text = words.group(0) if words else None
        key: tuple[float, ...] | str = tuple(rate) if rate else (rate_text or "")
        fin = out.get(key) or next((f for k, f in out.items() if not rate and not rate_text), None)
        if fin is None:
            fin = out.setdefault(key, Financial(kind="royalty", rate=rate, rate_text=rate_text))
        fin.mentions.append(ctx.mention(m.start(), m.end()))
    merged: list[Financial] = []
    for fin in out.values():  # a bare "royalties" elsewhere is the same royalty as the one with a rate
        if merged and not fin.rate and not fin.rate_text:
            merged[0].mentions.extend(fin.mentions)
        elif merged and not merged[0].rate and not merged[0].rate_text:
            fin.mentions = merged[0].mentions + fin.mentions
            merged[0] = fin
        else:
            merged.append(fin)
    for fin in merged:
        fin.mentions.sort(key=lambda x: x.start)
    return merged


_STAKE = re.compile(rf"{_PERCENT}\s+(?:equity\s+)?(?:stake|interest|ownership|equity|of\s+(?:the\s+|its\s+)?(?:outstanding\s+|issued\s+|total\s+)?"
                    rf"(?:shares|equity|stock|share capital|common stock))|(?:stake|interest)\s+of\s+{_PERCENT}", re.IGNORECASE)


def financials(ctx: Context) -> list[Financial]:
    """The deal's amounts by component, royalties and equity stakes, each once with every mention."""
    furniture = re.compile(_cues()["furniture_line"])
    amounts = [a for a in _amounts(ctx) if not in_boilerplate(ctx, a.start)
               and not furniture.match(ctx.masked, ctx.masked.rfind("\n", 0, a.start) + 1)]
    not_deal = re.compile(rf"\b(?:{_alt(_cues()['not_deal'])})", re.IGNORECASE)
    spending = re.compile(_cues()["spending_after"], re.IGNORECASE)
    not_deal_after = re.compile(rf"\s+(?:\([^()]{{0,40}}\)\s+)?(?:{_alt(_cues()['not_deal_after'])})\b", re.IGNORECASE)
    by_sentence: dict[Span, list[_Amount]] = {}
    for a in amounts:
        by_sentence.setdefault(ctx.sentence_of(a.start), []).append(a)
    parse = _has_parse(ctx.doc)
    found: list[Financial] = []
    for sentence, group in by_sentence.items():
        cues = _kind_cues(ctx, sentence)
        if not cues and re.match(r"\W*(?:the|these|such)\s+(?:\w+\s+)?payments?\b", ctx.masked[sentence[0]:sentence[1]], re.IGNORECASE):
            # "Amgen will make milestone payments ... The payments could reach up to 1.6 trillion won."
            previous = ctx.sentence_of(max(0, sentence[0] - 2))
            cues = [(k, sentence[0], sentence[0]) for k, _, _ in _kind_cues(ctx, previous)[-1:] if previous != sentence]
        roots: dict[int, Token] = {}
        if parse:
            for a in group:
                r = _root(_tokens_in(ctx.doc, a.start, a.end))
                if r is not None:
                    roots[a.start] = r
        for n, a in enumerate(group):
            if n and re.search(r"\bof which\b", ctx.masked[group[0].end:a.start]):
                continue  # "$1 billion, of which $350 million is due upon execution": instalments of one amount
            kind_cue = _kind_of(ctx, a, roots, cues)
            before = ctx.masked[max(sentence[0], a.start - 50):a.start]
            if not_deal_after.match(ctx.masked, a.end):
                continue  # "a $1.7 billion market cap"
            if kind_cue is None or not_deal.search(before):
                if not_deal.search(before) or not _deal_sentence(ctx, sentence):
                    continue
                # money given to research without a component word ("give Purdue up to $52 million ... research")
                research = re.search(r"\bresearch|\bR&D\b", ctx.masked[sentence[0]:sentence[1]], re.IGNORECASE)
                kind, cue = ("research_funding" if research else "other"), a.start
            else:
                kind, cue = kind_cue
            if kind == "royalty":
                kind = "other"  # an amount is never the royalty itself ("royalties on sales of $1 billion")
            if kind == "equity" and (spending.match(ctx.masked, a.end) or _region_re().match(ctx.masked, a.end + 4) and ctx.masked[a.end:a.end + 4] == " in "):
                kind = "other"
            fin = Financial(kind=kind, amount=a.amount, currency=a.currency, up_to=a.up_to,  # type: ignore[arg-type]
                            text=ctx.text[a.start:a.end], mentions=[ctx.mention(a.start, a.end)])
            if kind == "milestone":
                fin.stage = _stage(ctx, a, cue)  # type: ignore[assignment]
            found.append(fin)
    percent_used: set[int] = set()
    royalties = _royalties(ctx, percent_used)
    found = _dedupe(found)
    _stakes(ctx, percent_used, found)
    return found + royalties


def _stakes(ctx: Context, used: set[int], found: list[Financial]) -> None:
    """'a 19.9% stake': the percentage joins the equity amount of its sentence. A stake without an amount is
    no financial entry (deal databases record the money; the percentage describes it)."""
    for m in _STAKE.finditer(ctx.masked):
        if m.start() in used or in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        sentence = ctx.sentence_of(m.start())
        before = [(x.start, f) for f in found for x in f.mentions if sentence[0] <= x.start < m.start()]
        host = max(before, key=lambda b: b[0])[1] if before else None  # "$31 million in return for a 40% stake"
        if host is not None and host.percent is None and host.kind in ("equity", "other", "research_funding", "total_value"):
            host.kind = "equity"  # "$30 million ... for a 12.5% stake" buys equity
            host.percent = float(next(g for g in m.groups() if g))
            host.mentions.append(ctx.mention(m.start(), m.end()))


def _dedupe(found: list[Financial]) -> list[Financial]:
    """One entry per amount: a headline's "KRW 1.8 Trillion Deal" and the body's "KRW 1.8001 trillion" are one
    (same currency, within 0.5%, same kind or one of them without a component)."""
    out: list[Financial] = []
    for f in found:
        host = next((h for h in out if h.currency == f.currency and h.amount and f.amount and abs(h.amount - f.amount) <= 0.005 * abs(h.amount)
                     and (h.kind == f.kind or "other" in (h.kind, f.kind))), None)
        if host is None:
            out.append(f)
            continue
        if host.kind == "other":
            host.kind, host.stage = f.kind, f.stage
        host.mentions.extend(f.mentions)
        host.up_to = host.up_to or f.up_to
        host.stage = host.stage or f.stage
    return out


def _deal_sentence(ctx: Context, span: Span) -> bool:
    """Whether a sentence speaks of the deal or of money changing hands (where an amount without a cue is still a term)."""
    text = ctx.masked[span[0]:span[1]]
    return bool(re.search(r"\b(?:agreement|deal|pay(?:s|ing|ment)?|paid|receive[sd]?|eligible|licen[cs]|transaction|collaboration|partnership|contract"
                          r"|give[sn]?|provide[sd]?|commit(?:s|ted)?)",
                          text, re.IGNORECASE))


@cache
def _undisclosed_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(_cues()['undisclosed'])})", re.IGNORECASE)


def disclosure(ctx: Context, money: list[Financial]) -> tuple[bool | None, list[Mention]]:
    """False when the text says the terms were not disclosed, True when it gives an amount, else None."""
    hits = [m for m in _undisclosed_re().finditer(ctx.masked) if not ctx.is_noise(m.start(), m.end())]
    amounts = [f for f in money if f.amount is not None]
    partial = re.compile(_cues()["undisclosed_partial"], re.IGNORECASE)
    full = [m for m in hits if not partial.search(m.group(0))]
    if full and not amounts:
        return False, [ctx.mention(m.start(), m.end()) for m in full]
    if amounts:
        return True, [m for f in amounts for m in f.mentions[:1]]
    if hits:
        return False, [ctx.mention(m.start(), m.end()) for m in hits]
    return None, []


# ----------------------------------------------------------------------------------------------- territory

@cache
def _region_table() -> dict[str, list[str]]:
    """Surface name -> ISO alpha-2 codes, EU or WORLD: pycountry's names plus regions.json's forms and groups."""
    import pycountry

    table: dict[str, list[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                table[name] = [c.alpha_2]
    regions = _regions()
    table.update({k: list(v) for k, v in regions["aliases"].items()})
    table.update({k: list(v) for k, v in regions["groups"].items() if not k.startswith("_")})
    for w in regions["world"]:
        table[w] = ["WORLD"]
    return table


@cache
def _region_re() -> re.Pattern[str]:
    names = sorted(_region_table(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:ex-)?(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _region_use(ctx: Context, s: int, e: int, sent: Span, world: bool) -> bool:
    """Whether a region mention states where rights apply ("rights in Japan", "outside Greater China",
    "worldwide licence"), not where a company sits ("UK-based", "US biotech firm", "WUXI, China")."""
    rights = re.compile(_cues()["territory_cues"], re.IGNORECASE)
    before = ctx.masked[max(sent[0], s - 150):s]
    after = ctx.masked[e:min(sent[1], e + 40)]
    if re.match(r"(?:-based|-headquartered|['’]s\b|\s+(?:based|headquartered)|,\s+(?:January|February|March|April|May|June|July|August|September"
                r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)", after) \
            or re.search(r"(?:based|headquartered|located|listed|incorporated|offices?|founded|site|facility|plant|operations)\s+in\s+(?:\w+,?\s+)?$"
                         r"|[A-Z]{3,}[A-Z .]*,\s*$", before):
        return False
    near = rights.search(before) or rights.match(after.lstrip(" ,")) or re.match(r"\s*(?:\w+\s+){0,2}(?:rights|territor|licen)", after)
    if world:  # "global" and "worldwide" count only beside rights words: "global rights", "commercialize worldwide"
        worldwide = not ctx.masked[s:e].lower().startswith("global")
        return bool(re.match(r"[\s,-]*(?:[\w-]+,?\s+){0,4}?(?:rights|licen|territor|basis|commerciali[sz])", after, re.IGNORECASE)
                    or worldwide and re.match(r"\s+(?:exclusive\s+|non-exclusive\s+)?(?:collaboration|agreement|partnership|development)", after)
                    or re.search(r"\b(?:for|to|in|into)\s+(?:the\s+)?$", before) and re.match(r"\s+markets?\b", after)
                    or re.search(r"(?:rights|licen[cs]|commerciali[sz]|market|territor|sell|distribut)\w*\s+(?:(?!to\b)[\w-]+\s+){0,2}$", before,
                                 re.IGNORECASE))  # "commercialize worldwide", not "out-licensing to global companies"
    if not near:
        return False
    # a region used as an adjective of another noun ("US generics", "USA drug development") names no territory
    if re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:and|or|only|excluding|except|including|rights|markets?|territor\w*|regions?|as|through|for|to|by"
                                                    r"|under|with|in)\b", after):
        return False
    # "Kanagawa Prefecture of Japan" is a place name; "outside of Japan" a territory
    return bool(re.search(r"\b(?:in|for|across|throughout|to|outside|outside of|except|excluding|including|within|covering|and|or|ex|the|other than|plus|"
                          r"mainland|into)\s*,?\s*$|[,/:]\s*$", before[-25:]) or re.match(r"\s*(?:rights|territor|markets?|regions?)", after))


def territory(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> Territory | None:
    """Regions granted and excluded in the deal's rights sentences, and whether the rights are exclusive.

    In an MOU only rights words make a territory: "to promote research in Korea" grants nothing."""
    strong = kind == "mou"
    excl = re.compile(rf"(?:{_cues()['territory_excluded']})", re.IGNORECASE)
    party_spans = [(m.start, m.end) for p in parties for m in p.mentions]
    table = _region_table()
    granted: list[str] = []
    excluded: list[str] = []
    mentions: list[Mention] = []
    implied_world = firm_world = False
    party_index, named = SpanIndex(party_spans), set(party_spans)
    for m in _region_re().finditer(ctx.masked):
        s, e = m.start(), m.end()
        if in_boilerplate(ctx, s) or ctx.is_noise(s, e) or any(not re.search(r"\b(?:for|in)\s+$", ctx.masked[ps:s])
                                                                for ps, pe in party_index.covering(s, e) + ([(s, e)] if (s, e) in named else [])):
            continue  # "Pfizer Malaysia" is a name; a region after "for" inside an over-long name is still a territory
        name = m.group(0)
        is_ex = name.startswith("ex-")
        codes = table.get(name[3:] if is_ex else name, [])
        sent = ctx.sentence_of(s)
        listed = bool(mentions) and re.fullmatch(r"[\s,]*(?:and|or|as well as|&)?[\s,]*(?:the\s+)?(?:\d+\s+)?", ctx.masked[mentions[-1].end:s])
        if not codes or not (listed or _region_use(ctx, s, e, sent, codes == ["WORLD"])):
            continue
        if strong and not re.search(r"\b(?:rights?|licen[cs]\w*|territor\w*|exclusive\w*)\b", ctx.masked[sent[0]:sent[1]], re.IGNORECASE):
            continue
        before = ctx.masked[max(sent[0], s - 70):s]
        clause = re.split(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b", before)[-1]
        whole = re.split(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b", ctx.masked[sent[0]:s])[-1]
        retain = re.search(r"\b(?:retain|keep|reserv)\w*", whole, re.IGNORECASE)
        outside = list(re.finditer(r"\b(?:outside|except|excluding|other than)\b", whole, re.IGNORECASE))
        if retain and outside:
            # "Apexigen will retain all rights outside of China": the partner gets China; "..., including the USA": kept
            if codes != ["WORLD"]:
                kept = bool(re.search(r"\bincluding\b", whole[outside[-1].end():], re.IGNORECASE))
                (excluded if kept else granted).extend(codes)
                mentions.append(ctx.mention(s, e))
            continue
        if is_ex:
            excluded.extend(codes)
            implied_world = True
        elif excl.search(clause):
            if codes == ["WORLD"]:
                continue  # "retain rights globally outside of ...": the world is never excluded
            excluded.extend(codes)
            if re.search(r"except|excluding|outside|other than|exception|apart from|not including", clause, re.IGNORECASE):
                implied_world = True
        else:
            granted.extend(codes)
            if codes == ["WORLD"] and re.match(r"[\s,-]*(?:[\w-]+\s+){0,2}?(?:rights|licen)", ctx.masked[e:e + 40], re.IGNORECASE):
                firm_world = True
        mentions.append(ctx.mention(s, e))
    if implied_world and not granted:
        granted = ["WORLD"]
    if "WORLD" in granted and len(set(granted)) > 1 and not excluded and not firm_world:
        granted = [c for c in granted if c != "WORLD"]  # "for the Chinese market and globally" beside named countries: the countries
    exclusive = _exclusive(ctx)
    if not granted and not excluded and exclusive is None:
        return None
    granted = [c for c in dict.fromkeys(granted) if c not in excluded or c == "WORLD"]
    return Territory(granted=granted, excluded=list(dict.fromkeys(excluded)), exclusive=exclusive, mentions=mentions)


def _exclusive(ctx: Context) -> bool | None:
    rights = re.compile(r"\b(?:licen[cs]|rights?\b|distribut|commerciali[sz]|option|partner|agreement|collaboration|deal\b|contract)", re.IGNORECASE)
    for m in re.finditer(r"\b(non-?\s?|semi-|co-)?exclusive(?:ly)?\b", ctx.masked, re.IGNORECASE):  # semi- and co-exclusive rights are shared
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        window = ctx.masked[m.start():m.end() + 60]
        if rights.search(window):
            return not m.group(1)
    return None


# ----------------------------------------------------------------------------------------------- assets

@cache
def _phase_res() -> list[tuple[str, re.Pattern[str]]]:
    return [(k, re.compile(rf"\b(?:{_alt(v)})(?![\w/])", re.IGNORECASE)) for k, v in _cues()["phases"].items()]


_PHASE_ORDER = ("discovery", "preclinical", "phase_1", "phase_1_2", "phase_2", "phase_3", "filed", "approved", "marketed")


def _phase_near(ctx: Context, start: int, end: int) -> str | None:
    """The most advanced phase its sentence gives an asset: "approved after completing phase-3 trials" is approved,
    "launched" after "approval" marketed (an asset's stage at signing is the furthest it has come)."""
    s, e = ctx.sentence_of(start)
    found = [((m.start() - end if m.start() >= end else start - m.end()), phase) for phase, pattern in _phase_res()
             for m in pattern.finditer(ctx.masked, s, e) if not (m.start() < end and start < m.end())]
    found = [(d, p) for d, p in found if d < 160]
    regulatory = [p for _, p in found if p in ("filed", "approved", "marketed")]
    if regulatory:
        return max(regulatory, key=_PHASE_ORDER.index)
    # else the nearest trial phase ("an ADC in Phase 1 and CRV-210, a preclinical antibody"); "phase 1 and 2" is phase_1_2
    return min(found, key=lambda f: (f[0], -_PHASE_ORDER.index(f[1])))[1] if found else None


def assets(ctx: Context, parties: list[OrgEntity]) -> list[Asset]:
    """Product codes and drug names the deal sentences name, with phase, modality and indication."""
    cues = _cues()
    code_re = re.compile(cues["asset_code"])
    code_not = re.compile(cues["asset_code_not"], re.IGNORECASE)
    inn_re = re.compile(cues["asset_inn"])
    inn_not = re.compile(cues["asset_inn_not"])
    party_spans = [(m.start, m.end) for p in parties for m in p.mentions] + [(a.start, a.end) for a in _amounts(ctx)]
    deal = SpanIndex(_deal_spans(ctx))
    party_index = SpanIndex(party_spans)
    found: dict[str, Asset] = {}
    party_names = {form.lower() for p in parties for form in (p.name, *p.aliases)}  # a code that names a party ("GC Cell")
    descriptions = list(re.finditer(cues["asset_described"], ctx.masked))
    described = SpanIndex(m.span() for m in descriptions)  # "CLDN18" of "an anti-CLDN18.2 ADC" is no code of its own
    candidates = [(m, True) for m in code_re.finditer(ctx.masked) if not described.covers(*m.span(), strictly=True)] \
        + [(m, False) for m in inn_re.finditer(ctx.masked)] + [(m, True) for m in descriptions]
    plain = {m.start() for m in descriptions}  # named by what they are: no code shape to check
    covered = 0
    for m, is_code in sorted(candidates, key=lambda x: x[0].start()):
        s, e, name = m.start(), m.end(), m.group(0)
        if s < covered:
            continue  # the second word of a two-word drug name already taken
        if ctx.is_noise(s, e) or in_boilerplate(ctx, s):
            continue
        inside = [(ps, pe) for ps, pe in party_spans if ps < e and s < pe] if party_index.overlaps(s, e) else []
        if inside and not (not is_code and all(ctx.masked[ps:pe].lower().startswith(name.lower()) for ps, pe in inside)):
            continue  # part of an organisation's name; a drug the organisation reader took for a party still counts
        if not is_code and _company_shaped(ctx, name):
            continue
        if is_code and s not in plain and (code_not.match(name) or not re.search(r"\d", name) or re.fullmatch(r"[A-Z][a-z]+ \d+", name)
                        or re.fullmatch(r"(?:19|20)\d\d", name.split("-")[-1]) and "-" not in name):
            continue
        if is_code and not re.search(r"[A-Z]", name):
            continue
        if not is_code and (inn_not.match(name.lower()) or re.match(r"\s+biosimilar", ctx.masked[e:e + 12], re.IGNORECASE)):
            continue  # "ipilimumab biosimilar HLX13": the asset is the biosimilar, named by its code
        if not is_code and (salt := re.match(cues["asset_salt"], ctx.masked[e:e + 30], re.IGNORECASE)):
            e, name = e + salt.end(), name + salt.group(0)  # "Remogliflozin Etabonate"
        if not is_code and (pair := re.match(r"\s" + cues["asset_inn"], ctx.masked[e:e + 40])):
            e, name = e + pair.end(), name + pair.group(0)  # "Sacituzumab Govitecan", "trastuzumab deruxtecan": one conjugate
        key = name.lower() if is_code else name.split()[0].lower()  # "Remogliflozin" is "Remogliflozin Etabonate" again
        if key not in found and not deal.covers(s, s + 1):
            continue
        if key in party_names and (is_code or name[:1].isupper()) and not re.search(r"\b(?:drug|candidate|compound|product|molecule|antibody)\s+$",
                                                                                     ctx.masked[max(0, s - 20):s], re.IGNORECASE):
            continue  # a party's name ("Halvorsen", "GC Cell"), unless the text calls it a drug
        asset = found.setdefault(key, Asset(name=name))
        asset.mentions.append(ctx.mention(s, e))
        covered = e
    # "itolizumab, an anti-CD6 monoclonal antibody": a description beside a named asset describes it
    named = [(m.start, m.end) for a in found.values() for m in a.mentions if a.mentions[0].start not in plain]

    def beside(m: Mention) -> bool:  # "NAME, an anti-CD6 antibody", "a CD74-targeting ADC, NAME", "DESC (NAME)"
        return any(e <= m.start and re.fullmatch(r",?\s*(?:an?|the|its)?\s*", ctx.masked[e:m.start])
                   or m.end <= s and re.fullmatch(r"[\s,(]*(?:called|named|known as)?\s*", ctx.masked[m.end:s]) for s, e in named)
    def near(m: Mention) -> bool:  # in the same sentence as a named asset, a description is most often that asset's
        return any(abs(m.start - s) < 80 and ctx.sentence_of(s) == ctx.sentence_of(m.start) for s, _ in named)

    found = {key: a for key, a in found.items() if a.mentions[0].start not in plain or not any(beside(m) or near(m) for m in a.mentions)}
    for asset in found.values():
        for where in asset.mentions:
            asset.phase = asset.phase or _phase_near(ctx, where.start, where.end)  # type: ignore[assignment]
            asset.modality = asset.modality or _modality_near(ctx, where.start, where.end)
            asset.indication = asset.indication or _indication_near(ctx, where.start, where.end)
    if len(found) == 1:  # one programme: "the drug's phase 3 trial" elsewhere in the story is its phase
        only = next(iter(found.values()))
        only.phase = only.phase or _article_phase(ctx)  # type: ignore[assignment]
    return list(found.values())


_COMPANY_AFTER = re.compile(r"\s*(?:A/S|Inc\b|Ltd\b|Corp\b|AG\b|SA\b|plc\b|GmbH\b|said\b|says\b|announced\b|announces\b|reported\b"
                            r"|\((?:Nasdaq|NYSE|Copenhagen|KOSDAQ|KOSPI|TSX|LSE|SIX|HKEX|OMX)\b)")


def _company_shaped(ctx: Context, name: str) -> bool:
    """A drug-like word used as a company ("Genmab A/S", "Genmab announced"): never written in lower case."""
    if name[:1].islower():
        return False
    key = ("terms", "company-shaped", name)
    if key not in ctx.memo:  # once per name: a long article repeats its drug names
        ctx.memo[key] = any(_COMPANY_AFTER.match(ctx.masked, m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", ctx.masked))
    return bool(ctx.memo[key])


def _article_phase(ctx: Context) -> str | None:
    """The phase the article's body names first (outside company profiles)."""
    hits = [(m.start(), phase) for phase, pattern in _phase_res() for m in pattern.finditer(ctx.masked)
            if not in_boilerplate(ctx, m.start()) and not ctx.is_noise(m.start(), m.end())]
    return min(hits)[1] if hits else None


def _deal_spans(ctx: Context) -> list[Span]:
    """Sentences that speak of the agreement or of its money (where the deal's assets are named)."""
    spans = list(agreement_sentences(ctx))
    money = re.compile(r"\b(?:upfront|milestone|royalt|rights?|licen[cs]|option|collaborat|partnership|develop and commerciali[sz]e)", re.IGNORECASE)
    spans += [s for s in ctx.sentences if money.search(ctx.masked[s[0]:s[1]])]
    near = {j for j, s in enumerate(ctx.sentences) if s in set(spans)}
    spans += [ctx.sentences[j + d] for j in near for d in (-1, 1) if 0 <= j + d < len(ctx.sentences)]  # "Known as NXP900, the compound ..."
    return [s for s in spans if not in_boilerplate(ctx, s[0])]


def _modality_near(ctx: Context, start: int, end: int) -> str | None:
    s, e = ctx.sentence_of(start)
    near = [(abs(s + m.start() - start), m.group(0)) for m in re.finditer(rf"\b(?:{_cues()['modalities']})s?\b", ctx.masked[s:e], re.IGNORECASE)]
    return min(near)[1] if near and min(near)[0] < 120 else None


def _indication_near(ctx: Context, start: int, end: int) -> str | None:
    _, e = ctx.sentence_of(start)
    m = re.compile(r"\b(?:for the treatment of|to treat|for treating|in patients with|for patients with)\s+((?:[\w'’-]+\s?){1,6}?)(?=[,.;()]|\s+(?:and|in|with|who)\b|$)",
                   re.IGNORECASE).search(ctx.masked, start, e)
    return m.group(1).strip() if m and m.start() - end < 150 else None


# ----------------------------------------------------------------------------------------------- term and options

def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _cues()["term"]["number_words"].get(word.lower())


def term(ctx: Context) -> tuple[str | None, list[Mention]]:
    """The agreement's duration as ISO 8601 ('a five-year collaboration' -> P5Y)."""
    tc = _cues()["term"]
    nums = "|".join(sorted(tc["number_words"], key=len, reverse=True))
    units = "|".join(tc["units"])
    duration = re.compile(rf"\b(\d{{1,2}}|{nums})(?:\s*\(\d+\))?[- ]({units})s?(?:[- ]long)?\b", re.IGNORECASE)
    nouns = re.compile(rf"^\s*(?:\w+[- ]?){{0,3}}?(?:{tc['nouns']})\b", re.IGNORECASE)
    lead = re.compile(r"(?:term|period|duration)\s+of\s+(?:up\s+to\s+)?(?:an?\s+)?(?:initial\s+)?$|\bfor\s+(?:an?\s+|the\s+)?(?:initial\s+|next\s+|following\s+|first\s+)?(?:period\s+of\s+)?(?:up\s+to\s+)?$"
                      r"|\b(?:last|run|remain in (?:force|effect)|valid|span)s?\s+(?:for\s+)?$|\bover\s+(?:the\s+next\s+)?$", re.IGNORECASE)
    not_term = re.compile(rf"\b(?:{tc['not_term']})\b", re.IGNORECASE)
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
        agreement = re.search(rf"\b(?:{tc['nouns']})", ctx.masked[sent[0]:sent[1]], re.IGNORECASE)
        governed = nouns.match(after) and not re.match(r"^\s*(?:old|ago)", after)  # "a five-year collaboration"
        if not (governed or lead.search(before) and agreement):  # "a term of five years" in a sentence about the agreement
            continue
        return f"P{n}{tc['units'][m.group(2).lower()]}", [ctx.mention(s, e)]
    return None, []


_EXPIRY = re.compile(r"\b(?:expires?|expiring|valid|in (?:force|effect)|runs?|running|last(?:s|ing)?|continue[sd]?)\s+(?:on|until|till|through|to|in|to the end of)\s+"
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


def options(ctx: Context) -> list[DealOption]:
    """Options the deal grants: to license, to acquire, to extend, with what they cover."""
    oc = _cues()["options"]
    out: list[DealOption] = []
    for m in re.finditer(r"\boptions?\s+(?:rights?\s+)?(?:to|for)\s+((?:an?\s+)?[^.;:()\n]{3,140}?)(?=[.;:()]|,\s+(?:which|and|with|while|under)|\s+(?:upon|following|after|at|for\s+an?\s+|in exchange)\b|$)",
                         ctx.masked, re.IGNORECASE):
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        what = m.group(1)
        kind = next((k for k in ("license", "acquire", "extend") if re.match(rf"^(?:an?\s+)?(?:{oc[k]})", what, re.IGNORECASE)), "other")
        key = " ".join(what.lower().split()[:2])
        if any(" ".join((o.covers or "").lower().split()[:2]) == key for o in out):
            continue  # the headline's "Option to License QT-17" and the body's "option to license QT-17, ..." are one
        out.append(DealOption(kind=kind, covers=what.strip(), mentions=[ctx.mention(m.start(), m.end())]))  # type: ignore[arg-type]
    return out


def deal_terms(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> Terms:
    """Every deal term of the article (``kind``: the agreement type, when known)."""
    money = financials(ctx)
    disclosed, disclosure_mentions = disclosure(ctx, money)
    duration, term_mentions = term(ctx)
    until, until_mentions = expiry(ctx)
    return Terms(financial_terms_disclosed=disclosed, disclosure_mentions=disclosure_mentions, financials=money,
                 territory=territory(ctx, parties, kind), assets=assets(ctx, parties), term=duration, term_mentions=term_mentions,
                 expiry=until, expiry_mentions=until_mentions, options=options(ctx))


# ----------------------------------------------------------------------------------------------- party roles

def _family(text: str, kind: str | None) -> str | None:
    rc = _cues()["roles"]
    for fam, key in (("license", "license_words"), ("invest", "invest_words"), ("supply", "supply_words")):
        if re.search(rc[key], text, re.IGNORECASE):
            return fam
    return {"license": "license", "investment": "invest", "supply_agreement": "supply"}.get(kind or "")


_PAIRS = {"license": ("licensor", "licensee"), "invest": ("investor", "investee"), "supply": ("supplier", "customer")}


def _party_of(doc: Doc, parties: list[OrgEntity]) -> dict[int, int]:
    """Token index -> party index, for every token inside a party mention."""
    out: dict[int, int] = {}
    for n, p in enumerate(parties):
        for m in p.mentions:
            for t in _tokens_in(doc, m.start, m.end):
                out.setdefault(t.i, n)
    return out


def _parties_under(token: Token, owner: dict[int, int]) -> list[int]:
    """Parties named in a subtree, skipping relative clauses and appositive descriptions."""
    found: list[int] = []
    stack = [token]
    while stack:
        t = stack.pop()
        if t.i in owner and owner[t.i] not in found:
            found.append(owner[t.i])
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp") or c.i in owner)
    return found


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "pcomp", "parataxis", "dep"})
_STAND_INS = frozenset({"it", "they", "we", "company", "companies", "both", "parties", "partners", "firm", "which", "who"})


def _subject(verb: Token, owner: dict[int, int]) -> tuple[list[int], bool]:
    """The parties acting as the verb's subject (climbing past 'it', 'agreed to', 'announced that'), and passivity.

    Only a pronoun or a missing subject climbs to the governing clause: "The agreement grants ..." has no party subject."""
    t = verb
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and not any(_parties_under(s, owner) for s in subj) and not any(s.lower_ in _STAND_INS for s in subj):
            return [], passive
        if passive and t is verb:
            agents = [c for c in t.children if c.dep_ == "agent"]
            found = [p for a in agents for p in _parties_under(a, owner)]
            if found:
                return found, True
        for s in subj:
            found = _parties_under(s, owner)
            if found:
                return found, passive and t is verb and s.dep_ == "nsubjpass"
        if t.head is t:
            break
        t = t.head
    return [], passive


def _objects(verb: Token, owner: dict[int, int]) -> tuple[list[int], list[int], bool]:
    """Parties among the verb's objects and prepositional arguments, the owners of the object ("rights to ALK's
    tablet": ALK gives), and whether one comes with 'from'."""
    found: list[int] = []
    owners: list[int] = []
    reverse = False
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd", "nsubjpass"):
            for p in _parties_under(c, owner):
                tok = next(t for t in c.subtree if owner.get(t.i) == p)
                (owners if tok.dep_ == "poss" or any(a.dep_ == "poss" for a in tok.ancestors if a.i in owner) else found).append(p)
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("to", "for", "in", "from", "into", "with", "by"):
            got = [p for p in _parties_under(c, owner) if p not in found]
            if got and c.lower_ == "from":
                reverse = True
            if c.lower_ != "with" or not found:
                found += got
    return list(dict.fromkeys(found)), [o for o in dict.fromkeys(owners) if o not in found], reverse


def _lemma(token: Token, known: dict[str, Any]) -> str:
    """The verb's base form: spaCy's lemma when the pipeline has a lemmatizer, else the inflection stripped
    until a known cue verb appears (the default pipeline drops the lemmatizer for speed)."""
    if token.lemma_:
        return token.lemma_.lower()
    low = token.lower_
    irregular = _cues()["roles"]["irregular"]
    if low in irregular:
        return str(irregular[low])
    for cut, add in (("", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(cut) and (low[: len(low) - len(cut)] + add) in known:
            return low[: len(low) - len(cut)] + add
    return low


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


_MONEY = re.compile(r"payment|upfront|up-front|milestone|royalt|fee|million|billion|crore|\$|€|£|¥|₩", re.IGNORECASE)
_LICENCE_MONEY = re.compile(r"up[- ]?front|milestone|royalt|licen[cs]e fee", re.IGNORECASE)
_RIGHTS = re.compile(r"licen[cs]|rights?\b|option|exclusiv|patent|technology|know-how", re.IGNORECASE)
# verbs of receiving state a role only when what is received is rights or money ("received a termination notice" is none)
_TAKING = frozenset({"receive", "obtain", "get", "gain", "secure", "acquire"})
_SUPPLYING = frozenset({"manufacture", "supply", "produce", "deliver"})
_SHARES = re.compile(r"\b(?:shares|stock|stake|equity interest)\b", re.IGNORECASE)
# verbs with shares as object: True when the subject ends up holding them
_SHARE_VERBS = {"receive": True, "acquire": True, "purchase": True, "buy": True, "obtain": True, "get": True, "subscribe": True,
                "take": True, "issue": False, "sell": False}


def _money_object(verb: Token) -> str | None:
    """The text of the verb's object when it is money ("pay $40 million upfront"), else None."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "dative") or c.dep_ == "prep" and c.lower_ == "to" and verb.lower_.startswith("entitle"):
            text = " ".join(t.text for t in c.subtree)
            if c.like_num or c.tag_ in ("CD", "$") or _MONEY.search(text):
                return text
    return None


def party_roles(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> dict[str, str]:
    """Each party's role in the deal (licensor/licensee, investor/investee, supplier/customer, collaborator, acquirer/target)."""
    if not parties:
        return {}
    rc = _cues()["roles"]
    votes: list[Counter[str]] = [Counter() for _ in parties]
    sentences = [s for s in agreement_sentences(ctx) if not in_boilerplate(ctx, s[0])]
    extra = [s for s in ctx.sentences if re.search(r"\b(?:pay|receive|eligible|grant|licen[cs]|invest|manufactur|suppl)", ctx.masked[s[0]:s[1]], re.IGNORECASE)
             and s not in sentences and not in_boilerplate(ctx, s[0])]
    sentences = sorted(set(sentences + extra))
    if _has_parse(ctx.doc):
        owner = _party_of(ctx.doc, parties)
        for s, e in sentences:
            span = ctx.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                # clause heads only: "signs licensing pact" (amod) and "rights granted under" (acl) state no role
                if not _is_verb(tok) or tok.dep_ not in _CLAUSE_DEPS and not (tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children)):
                    continue  # "an agreement ... to grant Equillium rights" (infinitive acl) states a role; "rights granted under" does not
                _vote_verb(ctx, tok, owner, votes, kind, rc)
    _vote_patterns(ctx, sentences, parties, votes, kind)
    if kind == "supply_agreement":
        _vote_manufacturer(ctx, parties, votes)
    roles: dict[str, str] = {}
    # a supply deal's licensor supplies what it licenses; a licence's supplier is the licensor (and the other way round)
    translate = {"supply_agreement": {"licensor": "supplier", "licensee": "customer"},
                 "license": {"supplier": "licensor", "customer": "licensee"}}.get(kind or "", {})
    for p, v in zip(parties, votes):
        tally: Counter[str] = Counter()
        for role, n in v.items():
            tally[translate.get(role, role)] += n
        if tally:
            roles[p.name] = tally.most_common(1)[0][0]
    shared = kind == "collaboration_agreement" and bool(_SHARED.search(ctx.masked))
    return _complete(roles, parties, "mou" if shared else kind, rc)


# co-development: both sides share the work, whatever money moves ("share equally development costs")
_SHARED = re.compile(r"\bshare\s+(?:equally\s+)?(?:the\s+)?(?:(?:development|commerciali[sz]ation|and|,)\s+)*(?:costs|profits)", re.IGNORECASE)


def _vote_verb(ctx: Context, tok: Token, owner: dict[int, int], votes: list[Counter[str]], kind: str | None, rc: dict[str, Any]) -> None:
    """Votes from one deal verb: its subject takes the verb's role, its objects the other side."""
    verbs, money_verbs = rc["verbs"], rc["money_verbs"]
    lemma = _lemma(tok, {**verbs, **money_verbs, **_SHARE_VERBS})
    prefix = ctx.masked[max(0, tok.idx - 4):tok.idx].lower()
    if prefix.endswith(("in-", "in")) and lemma.startswith("licen"):
        lemma = "in-license"
    elif prefix.endswith("out-") and lemma.startswith("licen"):
        lemma = "out-license"
    if lemma not in verbs and lemma not in money_verbs and lemma not in _SHARE_VERBS:
        return
    subj, passive = _subject(tok, owner)
    objs, owners, from_ = _objects(tok, owner)
    objs = [o for o in objs if o not in subj]
    if lemma == "acquire" and objs and any(c.dep_ == "dobj" and c.i in owner for c in tok.children):
        for p in subj:
            votes[p]["acquirer"] += 2
        for p in objs:
            votes[p]["target"] += 2
        return
    if not subj and not objs and not owners:
        return
    money = _money_object(tok) if lemma in money_verbs else None
    text = " ".join(t.text for t in tok.subtree)
    shares = any(c.dep_ in ("dobj", "attr") and _SHARES.search(" ".join(t.text for t in c.subtree)) for c in tok.children)
    if shares and lemma in _SHARE_VERBS:
        # "BMS will receive 2.33 million Compugen shares", "Lonza will purchase $10 million of common stock": the investor
        first_role = "investor" if _SHARE_VERBS[lemma] else "investee"
        for p in subj:
            votes[p][first_role] += 1
        for p in objs:
            votes[p][rc["complement"][first_role]] += 1
        return
    if money is None and lemma in _TAKING and not _RIGHTS.search(text):
        return
    if lemma == "invest" and money is None and not objs:
        return  # "investing significant resources" names no investee
    if money is not None and _LICENCE_MONEY.search(text) and not re.search(rc["invest_words"], text, re.IGNORECASE):
        fam: str | None = "license"  # upfront, milestones and royalties are licence money whatever the deal is called
    elif money is None and lemma in _SUPPLYING:
        fam = "supply"  # "Dong-A ST will supply ... while Suzhou Sino has the exclusive sales rights": the verb decides
    else:
        fam = _family(text, kind) or _family(ctx.sentence_text(tok.idx), kind)
    if fam is None:
        return
    pair = _PAIRS[fam]
    weight = 1
    if money is not None:
        payer = {"license": pair[1], "invest": pair[0], "supply": pair[1]}[fam]
        payee = rc["complement"][payer]
        first, second = (payer, payee) if money_verbs[lemma] == "payer" else (payee, payer)
        weight = 2  # who pays whom is the plainest statement of direction
    elif lemma in verbs:
        first, second = verbs[lemma]
        if first not in pair:  # a licensing verb used of an investment or supply: map by direction
            giver = first in ("licensor", "investor", "supplier")
            first, second = (pair[0], pair[1]) if giver else (pair[1], pair[0])
            if fam == "invest" and lemma in ("acquire", "obtain", "purchase", "buy", "subscribe"):
                first, second = pair  # acquiring shares makes the investor
        if from_ and first in ("licensor", "supplier"):
            first, second = second, first  # "B licenses X from A"
    else:
        return
    if passive and lemma != "entitle":  # "X is entitled to payments" keeps X the payee
        first, second = second, first
    for p in subj:
        votes[p][first] += weight
    for p in objs:
        votes[p][second] += weight
    owner_role = pair[0] if fam != "invest" else None
    for p in owners:  # "grants GenSci rights to ALK's tablet"
        if owner_role and p not in subj:
            votes[p][owner_role] += weight


def _vote_patterns(ctx: Context, sentences: list[Span], parties: list[OrgEntity], votes: list[Counter[str]], kind: str | None) -> None:
    """Pattern fallback: 'X as its manufacturer', 'licensed from X', 'X will pay'."""
    text = ctx.masked
    starts = [s for s, _ in sentences]
    for n, p in enumerate(parties):
        for m in p.mentions:
            i = bisect.bisect_right(starts, m.start) - 1  # the chosen sentence holding the mention, if any
            if i < 0 or not (sentences[i][0] <= m.start < sentences[i][1]):
                continue
            span = sentences[i]
            after = text[m.end:min(span[1], m.end + 80)]
            before = text[max(span[0], m.start - 60):m.start]
            role = re.match(r"^\s*,?\s*as\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(manufacturer|cdmo|cmo|supplier|distributor|licensee|licensor|partner|investor)s?\b",
                            after, re.IGNORECASE)
            if role:
                word = role.group(1).lower()
                votes[n][_cues()["roles"]["nouns"].get(word, "collaborator")] += 2
            if re.search(r"\b(?:(?:in-)?licen[cs](?:e[sd]?|ing)|acquired|obtained)\s+(?:[\w-]+\s+){0,6}?from\s+(?:the\s+)?$", before, re.IGNORECASE):
                votes[n]["licensor"] += 1
            if re.search(r"\binvestment\s+(?:[\w-]+\s+){0,3}?(?:from|by)\s+$|\bled\s+by\s+$", before, re.IGNORECASE):
                votes[n]["investor"] += 1
            deal = re.search(r"\b(in|out)-?licen[cs]ing\s+(?:pact|agreement|deal|contract)\s+with\s+(?:the\s+)?$", before, re.IGNORECASE)
            if deal:  # "an in-licensing pact with X": X licenses out
                votes[n]["licensor" if deal.group(1).lower() == "in" else "licensee"] += 1
            if re.match(r"\s+(?:will\s+be|is|are|will)\s+(?:(?:solely|also|primarily)\s+)?responsible\s+for\s+(?:the\s+)?(?:manufactur|supply|production|produc)",
                        after, re.IGNORECASE):
                votes[n]["supplier"] += 1
            if re.search(r"\b(?:manufactur\w*|supply|supplies|production)\s+(?:of\s+(?:[\w-]+\s+){1,4})?(?:to|for)\s+(?:the\s+)?$", before, re.IGNORECASE):
                votes[n]["customer"] += 1
            if kind == "license" and re.match(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:drug|candidate|compound|product|technology|platform|antibody|asset"
                                              r"|programme|program|molecule|therapy|vaccine|patents?)\b", after, re.IGNORECASE):
                votes[n]["licensor"] += 1  # "ALK's house dust mite tablet": the owner licenses it out


_MANUFACTURER = re.compile(r"\b(?:CDMO|CMO|contract\s+(?:development\s+and\s+)?manufactur\w*(?:\s+organi[sz]ation)?|manufacturer)\b", re.IGNORECASE)


def _vote_manufacturer(ctx: Context, parties: list[OrgEntity], votes: list[Counter[str]]) -> None:
    """In a supply deal, the party the text calls a CDMO or contract manufacturer ("CDMO Catalent",
    "Lonza, a contract manufacturer", "the CDMO's facility") supplies."""
    for n, p in enumerate(parties):
        for m in p.mentions:
            before = ctx.masked[max(0, m.start - 30):m.start]
            after = ctx.masked[m.end:m.end + 80]
            if re.search(_MANUFACTURER.pattern + r"\s+(?:giant\s+|firm\s+|partner\s+|company\s+)?$", before, re.IGNORECASE) or \
                    re.match(r",?\s+(?:is\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?" + _MANUFACTURER.pattern, after, re.IGNORECASE):
                votes[n]["supplier"] += 1
                break


def _complete(roles: dict[str, str], parties: list[OrgEntity], kind: str | None, rc: dict[str, Any]) -> dict[str, str]:
    """Resolve clashes and fill the other side of a two-party deal; research deals make collaborators."""
    comp = rc["complement"]
    by_type = rc["by_type"].get(kind or "", [])
    if by_type == ["collaborator"]:
        directed = {r for r in roles.values() if r != "collaborator"}
        if not directed or kind in ("mou", "joint_venture"):
            return {p.name: "collaborator" for p in parties}
    if len(parties) == 2:
        a, b = parties[0].name, parties[1].name
        ra, rb = roles.get(a), roles.get(b)
        if ra and rb and ra == rb and ra != "collaborator":
            roles.pop(b)
            rb = None
        if ra and not rb and ra in comp:
            roles[b] = comp[ra]
        elif rb and not ra and rb in comp:
            roles[a] = comp[rb]
    if by_type == ["collaborator"]:
        for p in parties:
            roles.setdefault(p.name, "collaborator")
    return roles
