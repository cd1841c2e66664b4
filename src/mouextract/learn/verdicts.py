"""Precise verdicts on an article's type: headline and lead cues that decide it before the type model (see
``Decider.ruled_type``) and that the model also reads as features (``features.type_features``), so it learns how far
to trust each one where no rule decides."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, TypeVar

from ..extract.agreement import agreement_type_patterns, distinct_agreement_sentences, precursor
from ..extract.context import Context
from ..resources import load_json, regex

if TYPE_CHECKING:  # features imports this module for its type features
    from .features import Candidates

_A = TypeVar("_A", "Context", "Candidates")
_R = TypeVar("_R")


def per_article(verdict: Callable[[_A], _R]) -> Callable[[_A], _R]:
    """Keep a verdict in its article's ``Context.memo``: the precise rules ask first and the type features again."""
    @wraps(verdict)
    def memoised(arg: _A) -> _R:
        ctx: Context = arg if isinstance(arg, Context) else arg.ctx
        key = ("verdict", verdict.__name__)
        if key not in ctx.memo:
            ctx.memo[key] = verdict(arg)
        return ctx.memo[key]  # type: ignore[return-value]
    return memoised


@per_article
def non_deal_news(ctx: Context) -> bool:
    """A headline announcing a funding round ("Halden Bio raises $20m Series A"), trial results, an approval, earnings
    or an appointment, and no deal: the article announces no agreement (a round's investors sign none the gold
    counts). Precise on train (21 such headlines, all of non-agreement articles), which the type model's cues alone
    do not learn from a handful of examples each."""
    head, events = ctx.headline_text, load_json("events.json")
    if not head or _cue(events["deal_headline"], head):
        return False
    cues = [events["funding_headline"], events["setback_headline"],
            *(events["no_deal_cues"][name] for name in events["no_deal_headline_cues"])]
    # a setback headline ("Ostvik drug fails at trial", "Halden slashes staff after setbacks") reports no deal whatever old
    # partnership the body names (7 fit and fresh leads, all none), unless it hands a drug back (an eighth): an ended licence
    if _cue(events["rights_back_headline"], head):
        return False
    if not any(_cue(cue, head) for cue in cues):
        return False
    # "The investment coincides with an exclusive collaboration between Halden and Kelvaro": a round that comes with a
    # deal announces that deal
    return not any(_cue(events["round_with_deal"], ctx.masked[s:e]) for s, e in distinct_agreement_sentences(ctx)[:3])


@per_article
def talks_news(ctx: Context) -> bool:
    """The first body sentences report talks, negotiations, a potential collaboration or a call for expressions of
    interest ("The Ministry is advancing discussions with Halden Hospital on potential collaboration", "Ostvik is in
    negotiations with two biotechs for partnerships") and none of them signs anything: the article announces no
    agreement (3 of 3 such fit and fresh leads, all none; talks further down an article about a signed deal, as in 3 fit
    articles, are left alone)."""
    events = load_json("events.json")
    lead = [ctx.masked[s:e] for s, e in ctx.sentences[:2]]
    return any(_cue(events["talks_lead"], t) for t in lead) and not any(_cue(events["signed_lead"], t) for t in lead) \
        and not (ctx.headline_text and _cue(events["signed_lead"], ctx.headline_text))


@per_article
def consortium_news(ctx: Context) -> bool:
    """The headline or the first body sentences speak of a consortium ("Consortium to develop domestic vaccine formed",
    "A consortium of Halden University and Ostvik Institute has won EUR 23 million"): a collaboration among its members
    (3 of 3 fit and fresh leads), which the type model, finding no deal word or reading a funding, types otherwise."""
    pattern = load_json("events.json")["consortium_lead"]
    lead = [ctx.headline_text, *(ctx.masked[s:e] for s, e in ctx.sentences[:2])]
    return any(_cue(pattern, t) for t in lead)


@per_article
def ended_deal_news(ctx: Context) -> bool:
    """A headline ending a deal ("Halden terminates licence deal with Corvid", "hands back rights to"): the gold types
    a termination "other" whatever the deal was (20 of 21 train headlines). A type feature only: with it, the type
    model types them so (grouped 5-fold cross-validation on train: the same type accuracy as deciding by the rule)."""
    head, events = ctx.headline_text, load_json("events.json")
    return _cue(events["type_cues"]["terminated"], head) \
        and (_cue(events["deal_headline"], head) or _cue(events["rights_back_headline"], head))


@per_article
def services_news(ctx: Context) -> bool:
    """A headline announcing services ("enters lab testing partnership", "contract research", "clinical and commercial
    solutions"): a services deal, which the gold types "other" (4 of 4 such train headlines), while the type model
    follows the "partnership" it is called. Not manufacturing services ("a manufacturing services agreement to produce",
    "Halden, a CDMO, ..."): contract manufacturing is a supply agreement (GOLD.md), which the model then weighs."""
    events = load_json("events.json")
    return bool(ctx.headline_text) and _cue(events["type_cues"]["services"], ctx.headline_text) \
        and not _cue(events["manufacturing_headline"], ctx.headline_text)


@per_article
def settlement_news(ctx: Context) -> bool:
    """A headline settling litigation ("settles patent dispute with", "settled all pending litigation"): a settlement
    is none of the named agreement types, whatever licence it grants, so "other"."""
    return bool(ctx.headline_text) and _cue(load_json("events.json")["settlement_headline"], ctx.headline_text)


@per_article
def names_an_mou(ctx: Context) -> bool:
    """Whether the text anywhere names a memorandum of understanding, a letter of intent or another MOU-kind
    document (the vocabulary's MOU words), other than a precursor of the announced deal ("the final contract for a
    letter of intent announced last year": the contract signed now is no MOU)."""
    return any(name == "mou" and any(not precursor(ctx, ctx.masked, m.start(), m.end()) for m in rx.finditer(ctx.masked))
               for name, rx in agreement_type_patterns(ctx))


@per_article
def supply_purpose(c: Candidates) -> bool:
    """A deal the first agreement sentences say is for making, supplying or distributing a product ("a collaboration
    to enable production of", "an agreement for the exclusive distribution of"): the gold types contract manufacturing
    and supply "supply_agreement" whatever the deal is called (14 of 20 such train articles; the others were named a
    venture, an investment or an MOU, which this rule leaves alone), which the type model, voting for the named
    "collaboration" or the licence terms, misses."""
    pattern = load_json("events.json")["supply_purpose"]
    return any(_cue(pattern, c.ctx.masked[s:e]) for s, e in distinct_agreement_sentences(c.ctx)[:3])


@per_article
def technology_transfer(c: Candidates) -> bool:
    """A licence the first agreement sentences call a technology transfer ("a technology transfer partnership to
    locally manufacture"): a licence in the gold (5 of 6 fit articles whose lead names one), though it is for making a product."""
    pattern = load_json("events.json")["technology_transfer"]
    return any(_cue(pattern, c.ctx.masked[s:e]) for s, e in distinct_agreement_sentences(c.ctx)[:3])


@per_article
def signed_mou(ctx: Context) -> bool:
    """The text anywhere calls the agreement a memorandum signed or formalised ("formalised in a Memorandum of
    Understanding signed today"), MOU and MoU in their case."""
    return _cased_cue(load_json("events.json")["signed_mou"], ctx.masked)


@per_article
def headline_type(ctx: Context) -> str | None:
    """The one type a headline names, where such a headline decides: an MOU or a supply deal named in the headline is
    that deal on train (28 of 28, 4 of 4), while a named licence, collaboration or venture is sometimes something
    else (32 of 38, 29 of 49, 11 of 14), which the model weighs."""
    head = ctx.headline_text
    named = {name for name, rx in agreement_type_patterns(ctx) if rx.search(head)} if head else set()
    return named.pop() if len(named) == 1 and named <= HEADLINE_TYPES else None


# the types a headline that names only one of them decides (see headline_type)
HEADLINE_TYPES = frozenset({"mou", "supply_agreement"})


def _cue(pattern: str, text: str) -> bool:
    return bool(regex(pattern, ignore_case=True).search(text))


def _cased_cue(pattern: str, text: str) -> bool:
    return bool(regex(pattern).search(text))  # "MoU", "MOU": an acronym in its case, not the word "mou"
