"""The deal's financial components: each amount tied to the component whose noun governs it, royalties,
equity stakes, and whether the terms were disclosed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from ..models import Financial, Mention
from ..resources import regex
from .context import Context, Span
from .deal_cues import alternation, term_cues
from .deptree import has_parse, head_of, in_subtree, tokens_in, tree_distance
from .money import Amount, money_amounts
from .salience import in_boilerplate
from .spans import SpanIndex
from .territory import region_re

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .orgs import OrgEntity


@cache
def _kind_res() -> list[tuple[str, re.Pattern[str]]]:
    kinds = term_cues()["kinds"]
    return [(k, re.compile(rf"\b(?:{alternation(kinds[k])})\b", re.IGNORECASE)) for k in term_cues()["kind_priority"] if k != "royalty"]


def _org_names(ctx: Context) -> list[Span]:
    """NER's organisation names outside the headline, sorted (once per article: each sentence takes its own by bisection)."""
    if "org_names" not in ctx.memo:
        ctx.memo["org_names"] = sorted((x.start_char, x.end_char) for x in ctx.ents if x.label_ == "ORG"
                                       and not ctx.in_headline(x.start_char)) if has_parse(ctx.doc) else []
    names: list[Span] = ctx.memo["org_names"]  # type: ignore[assignment]
    return names


def _kind_cues(ctx: Context, span: Span) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every kind cue in a sentence, longest match first at one place."""
    text = ctx.masked[span[0]:span[1]]
    matches = sorted(((kind, span[0] + m.start(), span[0] + m.end()) for kind, pattern in _kind_res() for m in pattern.finditer(text)),
                     key=lambda c: (c[1] - c[2], c[1]))  # "capital contributions" (equity) over "contributions"
    # a cue word inside an organisation's name is no component ("the National Development Fund will pump in $20 million")
    # (not in a title-cased headline, where NER takes "Halden Invests" for a name)
    orgs = _org_names(ctx)
    names = orgs[bisect.bisect_left(orgs, (span[0], -1)):bisect.bisect_left(orgs, (span[1], -1))]
    cues: list[tuple[str, int, int]] = []
    for kind, s, e in matches:
        if any(ns <= s and e <= ne and (ns, ne) != (s, e) and ctx.masked[s].isupper() for ns, ne in names):
            continue
        if not any(s < ce and cs < e for _, cs, ce in cues):
            cues.append((kind, s, e))
    return sorted(cues, key=lambda c: c[1])


def _kind_of(ctx: Context, amount: Amount, roots: dict[int, Token], cues: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """The component an amount belongs to, and the cue's offset: by the parse, else by nearness."""
    priority = {k: n for n, k in enumerate(term_cues()["kind_priority"])}
    # the cue right beside the amount is its head or dependent whatever the parse says: "$20 million upfront",
    # "$300 million in milestones", "an upfront payment of $20 million", "a $700 million licensing deal"
    if re.match(r"\s+worth\s+of\b", ctx.masked[amount.end:amount.end + 12]):  # "$10 million worth of stock": what it buys decides
        cues = [c for c in cues if not (c[0] == "total_value" and amount.end <= c[1] < amount.end + 8)]
        if not any(k == "equity" and amount.end < cs < amount.end + 50 for k, cs, _ in cues):
            return "total_value", amount.end  # "supply at least KRW 25 billion worth of the drug": the value of the goods
    beside = _beside(ctx, amount, cues)
    # "a SAR500 million investment agreement", "a $700 million licensing deal": the deal's value
    # (the deal noun the amount modifies: "$20 million from this agreement" is a payment under it, not its value)
    # ("a $125 million amendment", "a $545-million joint venture", "a $1 billion alliance"; not "a $5 million collaboration payment")
    # ("a $4 million license and cooperation agreement": two deal words joined; "a $230 million initiative", "a £10m project": the joint effort's value)
    if re.match(r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?!(?:from|under|of|in|for|with|as|to|by|upon|on|at|per|this|the|its)\b)[\w-]+\s+){0,3}?"
                r"(?:deal|agreement|pact|contract|transaction|amendment|(?:joint[ -])?venture|collaboration|partnership|alliance|initiative|project)s?\b"
                r"(?![ -](?:payments?|fees?|funding|revenues?|income|costs?|expenses?))", ctx.masked[amount.end:amount.end + 80],
                re.IGNORECASE):
        return "total_value", amount.end
    # the component named after the amount by "in" or "as" is the amount's own ("commit up to $571 million in development and
    # commercial milestone payments": not the verb's funding before it)
    after = [b for b in beside if b[2] >= amount.end]
    named_after = [b for b in after if re.match(r"(?:\s*\([^()]{0,40}\))?\s*(?:in|as)\s", ctx.masked[amount.end:b[2]])]
    if after:
        # several components listed after one amount are their sum ("up to $170 million in upfront, equity and near-term milestone
        # payments", "KRW 50 billion upfront and milestone payments."), unless the list goes on to amounts of its own ("$20 million
        # upfront and milestone payments of up to $300 million"), or the amount is one payment ("a $31 million upfront and
        # milestone payments"), or a part of a sum ("$301 million, including $31 million upfront and milestones")
        kinds, end = _listed_kinds(ctx, min(after)[2], cues)
        one = re.search(r"\b(?:an?|including|includes?|of\s+which)\s+(?:(?:up\s+to|about|approximately|around|nearly|over|more\s+than)\s+)?$",
                        ctx.masked[max(0, amount.start - 30):amount.start], re.IGNORECASE)
        if len(kinds) > 1 and not one and not any(end <= b.start < ctx.sentence_of(amount.start)[1] for b in money_amounts(ctx)):
            return "total_value", amount.end
    if named_after:
        beside = named_after
    if beside:
        _, kind, s = min(beside)
        if kind == "total_value" and s < amount.start:
            # a total of one component: "invested a total of $120 million", "milestone payments totaling $500 million"
            # (but "upfront and milestone payments totalling $X" is the total of two)
            head = [(k, cs) for k, cs, ce in cues if k != "total_value" and ce <= s and re.fullmatch(r"\s*(?:an?\s+)?", ctx.masked[ce:s])]
            if head and not any(k not in (head[-1][0], "total_value") and 0 <= head[-1][1] - ce < 80
                                and re.search(r"\band\b|\bplus\b|,", ctx.masked[ce:head[-1][1]]) for k, _, ce in cues):
                return head[-1]
        return kind, s
    if not cues:
        return None
    root = roots.get(amount.start)
    if root is not None:
        blocked = {r.i for s, r in roots.items() if s != amount.start}
        mine = {x.i for x in tokens_in(ctx.doc, amount.start, amount.end)}
        best: tuple[int, float, int, str, int] | None = None
        for kind, s, e in cues:
            toks = tokens_in(ctx.doc, s, e)
            if not toks or all(t.i in mine for t in toks):
                continue
            own = any(in_subtree(t, root, blocked) for t in toks)
            owned_elsewhere = any(in_subtree(t, r, {root.i}) for t in toks for r in roots.values() if r.i != root.i)
            # tree distance decides; the token gap breaks a wrong attachment's tie ("milestone payments of around DKK300m
            # expected ..." parsed as a relative clause of the upfront payment)
            gap = min(abs(t.i - x) for t in toks for x in mine) if mine else 0
            dist = min((tree_distance(root, t) for t in toks), default=99) + gap / 4
            rank = (0 if own else (2 if owned_elsewhere else 1), dist, priority.get(kind, 9), kind, s)
            if best is None or rank < best:
                best = rank
        if best is not None and best[1] < 10:
            return best[3], best[4]
    # no parse (or no cue near in the tree): the nearest cue of the sentence
    near = sorted((min(abs(s - amount.end), abs(amount.start - e)), k, s) for k, s, e in cues)
    return (near[0][1], near[0][2]) if near and near[0][0] < 120 else None


def _listed_kinds(ctx: Context, start: int, cues: list[tuple[str, int, int]]) -> tuple[set[str], int]:
    """The kinds of the cues listed from the one at ``start`` on, joined by commas and "and" with at most two words between
    ("upfront, equity, and near-term milestone payments"), and where the list ends ("plus" adds to a sum, it lists none of it:
    "$265 million in committed funds plus milestones")."""
    kinds: set[str] = set()
    end = start
    for kind, s, e in cues:
        if s < start:
            continue
        # (a noun may end a cue before the conjunction: "up front fees and milestones")
        if s > end and not re.fullmatch(r"(?:\s+(?:payments?|fees?))?\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)(?:[\w-]+\s+){0,2}?", ctx.masked[end:s]):
            break
        kinds.add(kind)
        end = e
    return kinds, end


def _beside(ctx: Context, amount: Amount, cues: list[tuple[str, int, int]]) -> list[tuple[int, str, int]]:
    """(gap, kind, offset) of the cues right beside an amount, its head or dependent whatever the parse says."""
    beside: list[tuple[int, str, int]] = []
    for kind, s, e in cues:
        # stage words joined by "and" / commas modify the cue: "$400 million in development, regulatory and commercial milestones"
        if amount.end <= s < amount.end + 60 and _words_before_cue().fullmatch(ctx.masked[amount.end:s]):
            beside.append((s - amount.end, kind, s))
        # ("milestone payments to Halden Bio of up to $X", "an upfront payment in the amount of $X")
        if amount.start - 70 < e <= amount.start and _WORDS_AFTER_CUE.fullmatch(ctx.masked[e:amount.start]):
            beside.append((amount.start - e, kind, s))
    return beside


# the words between a component cue and its amount ("milestone payments to Halden Bio of up to ")
_WORDS_AFTER_CUE = re.compile(r"\s*(?:payments?|fees?)?\s*(?:(?:to|from)\s+(?:[A-Z][\w&.'-]*\s+){1,4})?"
                              r"(?:of|in the amount of|totaling|totalling|worth|amounting to|valued at|(?:is|was|will be|would be)(?:\s+set\s+at)?)?\s*"
                              r"(?:up to|approximately|about|around|roughly|some|nearly|over|more than)?\s*")


@cache
def _words_before_cue() -> re.Pattern[str]:
    """The words an amount's component cue may follow it by: "in potential ", a list of milestone stage words
    ("development, regulatory and ", "clinical or ") and up to two more ("$X and a milestone payment": not its cue)."""
    words = alternation([w for ws in term_cues()["stages"].values() for w in ws])
    # (a conversion in brackets may stand between: "up to €940 million ($1 billion) in development milestones")
    return re.compile(rf"(?:\s*\([^()]{{0,40}}\))?\s*(?:(?:in|as|of)\s+)?(?:(?:potential|additional|near-term|future|an?|the)\s+)?(?:(?:{words})[\w-]*(?:\s*,\s*|\s+(?:and|or|&)\s+))*"
                      r"(?:(?!(?:and|or|plus|while|but)\b)[\w-]+\s+){0,2}?")


@cache
def _stage_res() -> list[tuple[str, re.Pattern[str]]]:
    return [(k, re.compile(rf"\b(?:{alternation(v)})\b", re.IGNORECASE)) for k, v in term_cues()["stages"].items()]


def _stage(ctx: Context, amount: Amount, cue: int) -> str | None:
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


# a royalty by its name, or by what it is: "a percentage of (the) net sales" (not a ratio: "R&D as a percentage of sales")
# ((?=[rp]): skip other positions at once)
_ROYALTY = re.compile(r"(?=[rp])\b(?:royalt(?:y|ies)\b(?![- ](?:free|bearing))|(?<!as a )percentages?\s+of\s+(?:the\s+)?(?:future\s+|annual\s+|worldwide\s+|global\s+)?"
                      r"(?:net\s+)?(?:sales|revenues?)\b)", re.IGNORECASE)


def _royalties(ctx: Context, percent_used: set[int], party_spans: SpanIndex | None = None) -> list[Financial]:
    """One royalty entry per distinct rate (most articles: one), with its rate or rate words (with ``party_spans``, only where
    an amount there would be of this deal: not "Brightwater agreed in October to pay Tamsin $120 million and royalties")."""
    out: dict[tuple[float, ...] | str, Financial] = {}
    for m in _ROYALTY.finditer(ctx.masked):
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        if party_spans is not None and not _of_this_deal(ctx, Amount(m.start(), m.end(), None, None, False), party_spans):
            continue
        s, e = ctx.sentence_of(m.start())
        # (the royalty may end a list the negation governs: "do not include any licence fees or royalties")
        if re.search(r"\b(?:no|without|not\s+(?:pay|receive|include|involve|entail|carry)\s+(?:any\s+)?)\s*(?:(?:[\w-]+\s+){1,3}(?:or|nor)\s+)?$|\bwould\s+have\b[^.;]{0,60}$", ctx.masked[max(s, m.start() - 70):m.start()],
                     re.IGNORECASE) or re.match(r"[^.;]{0,30}\bwould\s+have\b", ctx.masked[m.end():m.end() + 50], re.IGNORECASE):
            continue  # "No royalty payments are due", "the royalties it would have received": no royalty of this deal
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


# (?=[\dsi]): a stake starts with its figure or with "stake" or "interest"; the scan skips other positions at once
_STAKE = re.compile(rf"(?=[\dsi])(?:{_PERCENT}\s+(?:equity\s+)?(?:stake|interest|ownership|equity|of\s+(?:the\s+|its\s+)?(?:outstanding\s+|issued\s+|total\s+)?"
                    rf"(?:shares|equity|stock|share capital|common stock))|(?:stake|interest)\s+of\s+{_PERCENT})", re.IGNORECASE)


def financials(ctx: Context, parties: Sequence[OrgEntity] = ()) -> list[Financial]:
    """The deal's amounts by component, royalties and equity stakes, each once with every mention.

    With ``parties``, an amount counts only where its sentence speaks of them or of the deal (see ``_of_this_deal``)."""
    furniture = regex(term_cues()["furniture_line"])
    party_spans = SpanIndex((m.start, m.end) for p in parties for m in p.mentions)
    every = money_amounts(ctx)
    # "KRW 1.8 trillion (USD 1.29 billion)": an amount in brackets right after another is its conversion, not a term
    # (after a price's unit too: "CNY 100,000 per device (about KRW 17 million)")
    conversions = {b.start for a, b in pairwise(every)
                   if re.fullmatch(r"(?:\s+per\s+[\w-]+)?\s*\(\s*(?:(?:about|approximately|approx\.|around|roughly|some|nearly|or|equivalent to|~|≈)\s*)?", ctx.masked[a.end:b.start])
                   and re.match(r"\s*[),;]", ctx.masked[b.end:b.end + 3])}
    # the headline's "$418 million" restating the body's "550 billion won ($418 million)" is that conversion too
    converted = [b for b in every if b.start in conversions]
    kept = [a for a in every if a.start not in conversions]
    conversions |= {a.start for a in kept if any(_same(a, b) for b in converted) and not any(_same(a, c) for c in kept if c is not a)}
    amounts = [a for a in every if a.start not in conversions and not in_boilerplate(ctx, a.start)
               and not furniture.match(ctx.masked, ctx.masked.rfind("\n", 0, a.start) + 1)
               and (not parties or _of_this_deal(ctx, a, party_spans))]
    not_deal = regex(rf"\b(?:{alternation(term_cues()['not_deal'])})", True)
    spending = regex(term_cues()["spending_after"], True)
    not_deal_after = regex(rf"\s+(?:\([^()]{{0,40}}\)\s+)?(?:{alternation(term_cues()['not_deal_after'])})\b", True)
    by_sentence: dict[Span, list[Amount]] = {}
    for a in amounts:
        by_sentence.setdefault(_amount_sentence(ctx, a), []).append(a)
    parse = has_parse(ctx.doc)
    found: list[Financial] = []
    for sentence, group in by_sentence.items():
        cues = _kind_cues(ctx, sentence)
        if not cues and re.match(r"\W*(?:(?:the|these|such)\s+(?:\w+\s+)?payments?|(?:that|this|the)\s+(?:figure|amount|sum))\b",
                                 ctx.masked[sentence[0]:sentence[1]], re.IGNORECASE):
            # "Halvik will make milestone payments ... The payments could reach up to 1.6 trillion won."
            # ("The contract was worth EUR 3 billion. That figure was later cut to EUR 2 billion.")
            previous = ctx.sentence_of(max(0, sentence[0] - 2))
            before_cues = _kind_cues(ctx, previous) if previous != sentence else []
            cues = [(k, sentence[0], sentence[0]) for k, _, _ in before_cues[-1:]]
            if len({k for k, _, _ in before_cues}) > 1 and not any(previous[0] <= b.start < previous[1] for b in money_amounts(ctx)):
                # "X will receive a licence fee, maintenance payments and milestone payments. The various payments may total
                # $10m": payments of several kinds, none priced before, come to their sum
                cues = [("total_value", sentence[0], sentence[0])]
        intro = _list_intro(ctx, sentence[0]) if not cues else None
        if intro is not None:  # "Its investments include: | • $10 million in Halden": the item's component is the introduction's
            cues = [(k, sentence[0], sentence[0]) for k, _, _ in _kind_cues(ctx, intro)[-1:]]
        roots: dict[int, Token] = {}
        if parse:
            for a in group:
                r = head_of(tokens_in(ctx.doc, a.start, a.end))
                if r is not None:
                    roots[a.start] = r
        chosen = _nearer_takes_cue(ctx, group, {a.start: _kind_of(ctx, a, roots, cues) for a in group}, sentence)
        for n, a in enumerate(group):
            if n and re.search(r"\bof which\b", ctx.masked[group[0].end:a.start]):
                continue  # "$1 billion, of which $350 million is due upon execution": instalments of one amount
            kind_cue = chosen[a.start]
            before = ctx.masked[max(sentence[0], a.start - 50):a.start]
            if not_deal_after.match(ctx.masked, a.end):
                continue  # "a $1.7 billion market cap"
            if _SALES_THRESHOLD.search(before):
                continue  # "royalties of 15% on net sales up to $300 million": a tier's bound, not a payment
            if re.search(r"\bfrom\s+$", before) and any(b.start > a.end and _FROM_TO.fullmatch(ctx.masked[a.end:b.start]) for b in group):
                continue  # "increasing its support from $100 million a year to $160 million": the earlier figure
            if a.start in roots and _sizes_a_market(roots[a.start]):
                continue  # "the Japanese market for the ingredient ... is worth NT$10 billion"
            other_money = not_deal.search(before) is not None
            if kind_cue is None or other_money:
                if other_money or not _deal_sentence(ctx, sentence):
                    continue
                # money given to research without a component word ("give Ashgrove up to $52 million ... research")
                research = re.search(r"\bresearch|\bR&D\b", ctx.masked[sentence[0]:sentence[1]], re.IGNORECASE)
                kind, cue = ("research_funding" if research else "other"), a.start
                if _CONTRIBUTED.search(ctx.masked, sentence[0], a.start):
                    # a party's contribution: to a joint venture it buys the party its share ("will contribute $8 million to
                    # support the joint venture"); to set something up it is spending ("contribute $175m to establish two centres")
                    if _JOINT_VENTURE.search(ctx.masked, sentence[0], sentence[1]):
                        kind = "equity"
                    elif spending.match(ctx.masked, a.end):
                        kind = "other"
                if re.search(r"\beligible\s+(?:to\s+receive|for)\s+(?:up\s+to\s+|as\s+much\s+as\s+)?(?:an?\s+)?(?:additional\s+|further\s+)?$", before, re.IGNORECASE):
                    kind = "milestone"  # "Corvida is eligible to receive up to $300 million": money still to be earned
            else:
                kind, cue = kind_cue
            refund = regex(term_cues()["refund_before"], True).search(before)
            if refund and not re.search(r"\b(?:not|no|never|nor)\b[^.;]{0,25}$", before[:refund.start()], re.IGNORECASE):
                kind = "other"  # money handed back ("will return EUR 50 million of the upfront payment")
            if re.match(r"\s+in\s+royalt\w*(?:\s+payments?)?\s+(?:and|plus)\s+(?:other|additional)\b", ctx.masked[a.end:a.end + 60], re.IGNORECASE):
                kind = "total_value"  # a sum of royalties and other money is the deal's total ("£860 million in royalty payments and other income")
            if _DEAL_COULD_REACH.search(ctx.masked, sentence[0], a.start):
                kind = "total_value"  # "The agreement includes $90 million upfront and could reach over $1 billion if milestones are met"
            if kind == "upfront" and a.up_to and not any(k == "upfront" for _, k, _ in _beside(ctx, a, cues)):
                # "an upfront payment of $50 million and up to $400 million (...)": a ceiling is money still to be earned; an
                # upfront sum has one only when its own cue says so ("an upfront payment of up to $100 million")
                kind = "milestone"
            if kind == "royalty":
                kind = "other"  # an amount is never the royalty itself ("royalties on sales of $1 billion")
            if re.search(r"\bcap(?:ped)?\s+(?:at\s+)?(?:a\s+(?:total|maximum)\s+of\s+)?(?:up\s+to\s+)?$|\bcap\s+of\s+$", before, re.IGNORECASE):
                kind = "other"  # "capped at a total of GBP 145 million": a ceiling on spending, not a payment
            if kind == "equity" and (spending.match(ctx.masked, a.end) or region_re().match(ctx.masked, a.end + 4) and ctx.masked[a.end:a.end + 4] == " in "):
                kind = "other"
            fin = Financial(kind=kind, amount=a.amount, currency=a.currency, up_to=a.up_to,  # type: ignore[arg-type]
                            text=ctx.text[a.start:a.end], mentions=[ctx.mention(a.start, a.end)])
            if kind == "milestone":
                fin.stage = _stage(ctx, a, cue)  # type: ignore[assignment]
            found.append(fin)
    percent_used: set[int] = set()
    royalties = _royalties(ctx, percent_used, party_spans if parties else None)
    found = _dedupe(ctx, found)
    _stakes(ctx, percent_used, found)
    return found + royalties


_CONTRIBUTED = re.compile(r"\bcontribut(?:e|es|ed|ing|ions?)\b", re.IGNORECASE)
_JOINT_VENTURE = re.compile(r"\bjoint[- ]venture\b|\bJV\b", re.IGNORECASE)


# a deal's subject and the verb saying what it may come to, right before an amount (the milestones of its condition are no component)
_DEAL_COULD_REACH = re.compile(r"\b(?:agreement|deal|contract|collaboration|partnership|transaction|alliance|pact)\b[^.;]{0,100}?\b(?:could|may|might|would)\s+"
                               r"(?:reach|total|exceed|be\s+worth|rise\s+to|climb\s+to|grow\s+to)\s+(?:up\s+to\s+|over\s+|more\s+than\s+|as\s+much\s+as\s+)?\Z",
                               re.IGNORECASE)


# the words before a bound of sales that sets a royalty tier or a milestone's trigger ("on annual net sales above $500 million")
_SALES_THRESHOLD = re.compile(r"\b(?:net\s+)?(?:sales|revenues?)\s+(?:(?:of|reaching|exceeding|surpassing|above|over|below|under|beyond|up\s+to|greater\s+than|less\s+than|"
                              r"more\s+than|in\s+excess\s+of)\s+)+(?:(?:approximately|about)\s+)?$", re.IGNORECASE)
# what stands between the two figures of a change: "from $100 million (a year) to $160 million"
_FROM_TO = re.compile(r"(?:\s+(?:a|per)\s+(?:year|annum)|\s+annually)?\s+to\s+(?:(?:about|approximately|around|roughly|some|nearly|over|more\s+than)\s+)?", re.IGNORECASE)


# what may stand between two amounts that share one component word: "milestones of $100 million and $200 million"
_COORDINATED = re.compile(r"[\s,]*(?:(?:and|or|&)\s+)?(?:(?:up\s+to|as\s+much\s+as|about|approximately|an?\s+additional|another)\s+)?",
                          re.IGNORECASE)


def _nearer_takes_cue(ctx: Context, group: list[Amount], kinds: dict[int, tuple[str, int] | None], sentence: Span) -> dict[int, tuple[str, int] | None]:
    """A component word after two amounts of a sentence that both took it is the nearer one's when the two are not
    one list ("$260 million, including $208 million upfront"; "buy supplies for $10 million
    and pay another $10 million once it reaches milestones"): the farther amount goes without it."""
    out = dict(kinds)
    for a in group:
        got = kinds[a.start]
        if got is None or got[1] <= sentence[0]:
            continue  # (a component carried over from the previous sentence or a list's introduction is every amount's)
        cue = got[1]
        for b in group:
            if b is a or kinds[b.start] != got:
                continue
            # (a word before the amounts governs them all: "invested $25 million in A, $10 million in B")
            if a.end <= b.start and b.end <= cue and not _COORDINATED.fullmatch(ctx.masked[a.end:b.start]):
                out[a.start] = None
                break
    return out


def _sizes_a_market(root: Token) -> bool:
    """Whether an amount is what a clause says a market or sales come to: the subject of the verb the amount hangs from
    (through "worth", "at", "of") is a market word ("The market for such tests is worth $4 billion", "The market was
    estimated at $4 billion"), however far the subject's own modifiers push it from the amount."""
    subjects = set(term_cues()["size_subjects"])
    t = root
    for _ in range(4):
        if t.head is t:
            break
        t = t.head
        subject = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]  # (the pipeline runs no tagger: no POS)
        if subject:  # the first clause up the tree decides
            return subject[0].lower_ in subjects
    return False


def _amount_sentence(ctx: Context, a: Amount) -> Span:
    """The sentence of an amount, joined with the next where spaCy ended one at an abbreviation's period inside or right
    after the amount ("bis zu 1,1 Mrd. | EUR an Meilensteinzahlungen", "30 mio. kr. | i forudbetaling")."""
    s, e = ctx.sentence_of(a.start)
    while e < len(ctx.masked) and (a.end > e or a.end >= e - 1 and re.match(r"\s*[^\W\d_A-Z]", ctx.masked[e:e + 3])):
        following = [span for span in ctx.sentences if span[0] >= e]
        if not following:
            break
        e = min(following)[1]
    return _unbroken(ctx, (s, e))


def _unbroken(ctx: Context, span: Span) -> Span:
    """A sentence joined with its neighbours on the same line where spaCy cut it with no punctuation: the English
    model splits Nordic and German prose mid-clause ("i alt løber aftalebeløbet op | i 92 millioner dollars") and a
    fact sheet's line ("Capital Approximately 600 million yen | Capital Structure Kelvaro 33.4%"). A hard-wrapped text's line
    break inside a sentence is no end of line ("will make an upfront payment | of $45 million to Halden")."""
    s, e = span
    for _ in range(2):  # back over a cut: the text before does not end a sentence or a line
        before = ctx.masked[max(0, s - 3):s]
        if s <= 0 or "\n" in before and not _wrapped(ctx, s) or re.search(r"[.!?;:\"”’]\s*$", before) or not before.strip():
            break
        s = ctx.sentence_of(s - 1)[0]
    for _ in range(2):  # on over a cut: the sentence does not end with punctuation and the line goes on
        tail = ctx.masked[s:e].rstrip()
        gap = re.match(r"\s*", ctx.masked[s + len(tail):])
        if e >= len(ctx.masked) or re.search(r"[.!?;:\"”’]$", tail) or "\n" in ctx.masked[len(tail) + s:e + 1] and not (
                gap and _wrapped(ctx, s + len(tail) + gap.end())):
            break
        e = ctx.sentence_of(e + 1 if ctx.masked[e:e + 1].isspace() else e)[1]
    return s, e


def _wrapped(ctx: Context, start: int) -> bool:
    """Whether the text at ``start`` goes on a sentence across a hard wrap: a lower-case word on the next line after a line
    that ends on a word or a comma, with no blank line between."""
    return bool(re.search(r"[\w,][ \t]*\n[ \t]*$", ctx.masked[max(0, start - 8):start])) and ctx.masked[start:start + 1].islower()


@cache
def _background_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    bg = term_cues()["background_money"]
    return (re.compile(bg["deal_words"], re.IGNORECASE), re.compile(bg["other_deal_before"], re.IGNORECASE),
            re.compile(bg["other_deal_after"], re.IGNORECASE), re.compile(bg["other_deal_opening"], re.IGNORECASE))


def other_story(ctx: Context, start: int, end: int, party_spans: SpanIndex) -> bool:
    """Whether a span lies in another story's headline: a line without final punctuation, not the article's title,
    naming no party (lists of related news: "Q5 Bio completes USD108m Series B financing round")."""
    if ctx.in_headline(start):
        return False
    line_start = ctx.masked.rfind("\n", 0, start) + 1
    line_end = ctx.masked.find("\n", end)
    line_end = len(ctx.masked) if line_end < 0 else line_end
    line = ctx.masked[line_start:line_end].rstrip()
    return bool(line) and line[-1] not in ".!?:;\"”’)" and not party_spans.overlaps(line_start, line_end)


_ITEM = re.compile(r"[ \t]*(?:[•·▪●◦‣*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+")


def _list_intro(ctx: Context, start: int) -> Span | None:
    """The sentence introducing the bulleted list an offset's line is an item of ("Its investments include:"), if any."""
    line = ctx.masked.rfind("\n", 0, start) + 1
    if not _ITEM.match(ctx.masked, line):
        return None
    for _ in range(30):  # back over the earlier items and blank lines to the line before the list
        if line <= 0:
            return None
        line = ctx.masked.rfind("\n", 0, line - 1) + 1
        text = ctx.masked[line:ctx.masked.find("\n", line)].strip()
        if text and not _ITEM.match(ctx.masked, line):
            return ctx.sentence_of(line + ctx.masked[line:].index(text[-1])) if text.endswith(":") else None
    return None


# words standing for a party or for the deal in a sentence that names no party ("signed a consortium agreement ... with
# EUR 8 million of funding from the EU", "the three companies taking part plan to inject 700 billion won")
_STAND_IN = re.compile(r"\b(?:it|its|the (?:(?:two|three|four|five|six|several|participating|partner) )?(?:company|companies|firms?|group|partners?|parties|two)"
                       r"|both|they|their|we|our|us"
                       r"|(?:an?|the|this|these) (?:[\w-]+ )?(?:deals?|agreements?|transactions?|contracts?|collaborations?|partnerships?|licen[cs]es?))\b",
                       re.IGNORECASE)


# a sentence opening on a word for the deal or party the sentence before told of ("It received", "The 18-month agreement involved")
_REFERS_BACK = re.compile(r"\W*(?:it|that\s+(?:[\w-]+\s+)?(?:deal|agreement|partnership|contract|licen[cs]e)|the\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:deal|agreement|partnership|contract|licen[cs]e|collaboration))\b", re.IGNORECASE)
# a sentence telling of a deal other than this one ("also signed a similar licence agreement with Zentro last year")
_ANOTHER_DEAL = re.compile(r"\b(?:similar|separate|another|earlier|previous|prior)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|partnership|contract|licen[cs]e|collaboration|alliance)s?\b",
                           re.IGNORECASE)


def _of_this_deal(ctx: Context, a: Amount, party_spans: SpanIndex) -> bool:
    """Whether an amount can be a component of this deal, not background money:
    - a line without final punctuation that names no party and is not the title is another story's headline
      ("Q5 Bio completes USD108m Series B financing round" in a list of related news);
    - a sentence naming neither a party, nor a stand-in for one ("the company"), nor the deal or its money speaks of
      something else ("a startup valued at over $1 billion");
    - an amount of an earlier or another deal ("a previous contract between them was worth ...", "following the KRW 2 trillion
      agreement signed in January", "a $1.08 billion deal signed last year")."""
    deal_words, other_before, other_after, other_opening = _background_res()
    headline = ctx.in_headline(a.start)
    intro = _list_intro(ctx, a.start)
    # (an item of a list the text introduces is no other story's headline, with or without final punctuation)
    if intro is None and other_story(ctx, a.start, a.end, party_spans):
        return False
    s, e = _unbroken(ctx, ctx.sentence_of(a.start))
    if intro is not None:  # an item of a list speaks of what its introduction does ("Its investments include: | • $10 million in ...")
        s = min(s, intro[0])
    if not headline and not party_spans.overlaps(s, e):
        if not deal_words.search(ctx.masked, s, e):
            return False
        # a sentence naming other organisations and neither a party nor a stand-in for one tells another deal
        # ("Kelvaro has partnered with Norvane ... for $400 million up front" in a round-up)
        # (NER takes a figure for a name: "DKK245m")
        if has_parse(ctx.doc) and not _STAND_IN.search(ctx.masked, s, e) and any(
                x.label_ == "ORG" and s <= x.start_char < e and not any(m.start < x.end_char and x.start_char < m.end for m in money_amounts(ctx))
                for x in ctx.ents):
            return False
        # a dated past deal in a sentence naming no party is another's, whatever NER takes its names for ("In July,
        # Zentro committed up to $5 billion in a partnership with Tamsin", "Brightwater agreed in October to pay Tamsin $120 million")
        # (told before the amount: "The $650 million sales milestone agreed in 2019 now covers both licences" is this deal's)
        if regex(term_cues()["background_money"]["past_deal"], True).search(ctx.masked[s:a.start]):
            return False
    if other_opening.match(ctx.masked, s, e):
        return False  # "Earlier, Halden signed a supply contract worth $600 million with Zentro"
    if _REFERS_BACK.match(ctx.masked, s, e) and s > 0:
        previous = ctx.sentence_of(s - 1)
        if previous[1] <= s and _ANOTHER_DEAL.search(ctx.masked, previous[0], previous[1]):
            # "Halden signed a similar licence with Zentro last year. It received $7 million upfront": the sentence after one
            # telling another deal, opening on a word for it, goes on about that deal
            return False
    clause_start = max(s, a.start - 250)  # (each pattern bounds its own reach: "a number of deals, including ... and a $X stake in Y")
    return not (other_before.search(ctx.masked[clause_start:a.start]) or other_after.match(ctx.masked, a.end))


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


def _in_headline(ctx: Context, start: int) -> bool:
    """Whether an offset lies in the article's title (a first line that is a sentence is the lead, not a title)."""
    h = ctx.headline
    return h is not None and h[0] <= start < h[1] and not ctx.masked[h[0]:h[1]].rstrip().endswith((".", "!", "?"))


def _same(a: Amount | Financial, b: Amount | Financial) -> bool:
    """The same sum: one currency, within 0.5% of ``b``."""
    return a.currency == b.currency and bool(a.amount) and bool(b.amount) and abs(float(a.amount or 0) - float(b.amount or 0)) <= 0.005 * abs(float(b.amount or 0))


def _dedupe(ctx: Context, found: list[Financial]) -> list[Financial]:
    """One entry per amount: a headline's "KRW 1.8 Trillion Deal" and the body's "KRW 1.8001 trillion" are one
    (same currency, within 0.5%, same kind or one of them without a component). Two amounts of one
    sentence stay two ("$10 million for supplies and another $10 million on a milestone"), and so do two milestones of
    different stages ("a $100 million regulatory milestone ... up to $100 million in sales milestones")."""
    out: list[Financial] = []
    for f in found:
        sentence = ctx.sentence_of(f.mentions[0].start)
        # a headline restates the body's amount under any name ("$36 Million Vaccine Collaboration" / "up to $36 million in funding")
        # (two items of one list are two sums: "• $25 million in Halden | • $25 million in Corvida")
        item = _list_intro(ctx, f.mentions[0].start) is not None
        host = next((h for h in out if _same(f, h)
                     and not (item and _list_intro(ctx, h.mentions[0].start) is not None)
                     and (h.kind == f.kind or "other" in (h.kind, f.kind)
                          or _in_headline(ctx, h.mentions[0].start) != _in_headline(ctx, f.mentions[0].start))
                     and not any(ctx.sentence_of(m.start) == sentence for m in h.mentions)
                     and not (h.stage and f.stage and h.stage != f.stage)), None)
        if host is None:
            out.append(f)
            continue
        if host.kind == "other" or f.kind != "other" and _in_headline(ctx, host.mentions[0].start):
            host.kind, host.stage = f.kind, f.stage
        host.mentions.extend(f.mentions)
        host.up_to = host.up_to or f.up_to
        host.stage = host.stage or f.stage
    return out


def _deal_sentence(ctx: Context, span: Span) -> bool:
    """Whether a sentence speaks of the deal or of money changing hands (where an amount without a cue is still a term)."""
    text = ctx.masked[span[0]:span[1]]
    return bool(regex(term_cues()["deal_sentence"], True).search(text))


@cache
def _undisclosed_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(term_cues()['undisclosed'])})", re.IGNORECASE)


def disclosure(ctx: Context, money: list[Financial]) -> tuple[bool | None, list[Mention]]:
    """False when the text says the terms were not disclosed, True when it gives an amount, else None."""
    amounts = [f for f in money if f.amount is not None]
    if amounts:  # an amount given decides, whatever else the text says (the scan for undisclosed terms costs the most)
        return True, [m for f in amounts for m in f.mentions[:1]]
    hits = [m for m in _undisclosed_re().finditer(ctx.masked) if not ctx.is_noise(m.start(), m.end())]
    partial = regex(term_cues()["undisclosed_partial"], True)
    full = [m for m in hits if not partial.search(m.group(0))]
    if full:
        return False, [ctx.mention(m.start(), m.end()) for m in full]
    if hits:
        return False, [ctx.mention(m.start(), m.end()) for m in hits]
    return None, []
