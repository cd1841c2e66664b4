"""Assets: the products and programmes a deal covers, with phase, modality and indication."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING, cast

from ..models import Asset, Mention
from ..resources import regex
from .agreement import agreement_sentences
from .context import Context, Span, matches_at, opens_with
from .deal_cues import alternation, term_cues
from .deptree import has_parse, head_of, tokens_in
from .financials import other_story
from .money import money_amounts
from .salience import in_boilerplate
from .spans import SpanIndex, starting_in
from .textfind import boundary, occurrences

if TYPE_CHECKING:
    from ..models import Phase
    from .orgs import OrgEntity


@cache
def _phase_res() -> list[tuple[str, re.Pattern[str]]]:
    return [(k, re.compile(rf"\b(?:{alternation(v)})(?![\w/])", re.IGNORECASE)) for k, v in term_cues()["phases"].items()]


@cache
def _described_product() -> str:
    """A product named by what it is, after its owner ("Halden's rotavirus vaccine") or as the object a deal moves
    ("doses of the Covid-19 bulk vaccine"): one fixed-width look-behind per cue, with and without "the"."""
    cues = term_cues()
    dealt = [rf"(?<=\b{re.escape(p)} {the})" for p in cues["asset_product_dealt"] for the in ("", "the ")]
    # what a deal moves needs two words before its noun: "the coronavirus vaccine", "an mRNA vaccine" name a kind of
    # product, "the Covid-19 bulk vaccine" one product
    phrase = cues["asset_product_phrase"]
    specific = phrase.replace(_PHRASE_WORDS, _PHRASE_WORDS.replace("{1,5}?", "{2,5}?"))
    assert specific != phrase, "asset_product_phrase: the words before the noun are counted {1,5}?"
    return "(?:" + cues["asset_product_owner"] + phrase + "|(?:" + "|".join(dealt) + ")" + specific + ")"


_PHRASE_WORDS = "\\s+){1,5}?(?:vaccine|test|assay)"


_REGULATORY = ("filed", "approved", "marketed")
_PHASE_ORDER = ("discovery", "preclinical", "phase_1", "phase_1_2", "phase_2", "phase_3", "filed", "approved", "marketed")


def _phase_near(ctx: Context, start: int, end: int, others: list[tuple[int, int]] | None = None) -> str | None:
    """The most advanced phase its sentence gives an asset: "approved after completing phase-3 trials" is approved,
    "launched" after "approval" marketed (an asset's stage at signing is the furthest it has come). A phase word with
    another drug named between it and the asset is that drug's when it speaks of a filing, an approval or sales ("X ...
    rival to Y (osimertinib), which was approved"); a trial phase so placed most often still describes the asset."""
    s, e = ctx.sentence_of(start)
    others = sorted(others or [])
    lo, hi = start, end  # "ANDAs for X, Y and Z": drugs listed with it share its phase
    for os, oe in others:
        if oe <= lo and _LISTED.fullmatch(ctx.masked, oe, lo) or hi <= os and _LISTED.fullmatch(ctx.masked, hi, os):
            lo, hi = min(lo, os), max(hi, oe)
    for os, oe in reversed(others):
        if oe <= lo and _LISTED.fullmatch(ctx.masked, oe, lo):
            lo = os
    others = [(os, oe) for os, oe in others if oe <= lo or hi <= os]
    hits = [(m, phase) for phase, pattern in _phase_res() for m in pattern.finditer(ctx.masked, s, e)]
    hits = [(m, phase) for m, phase in hits  # the longest reading of a phrase: "pivotal Phase 2/3" is neither "pivotal" nor "Phase 2/3"
            if not any(o.start() <= m.start() and m.end() <= o.end() and o.span() != m.span() for o, _ in hits)]
    found = [((m.start() - end if m.start() >= end else start - m.end()), phase) for m, phase in hits
             if not (m.start() < end and start < m.end())
             and not (phase in _REGULATORY and _prospective(ctx, m.start(), m.end()))
             and not (phase.startswith("phase") and _TRIAL_AHEAD.search(ctx.masked, max(0, m.start() - 60), m.start()))
             and (phase not in _REGULATORY or not any(hi <= os and oe <= m.start() or m.end() <= os and oe <= lo for os, oe in others))]
    found = [(d, p) for d, p in found if d < 160]
    regulatory = [p for _, p in found if p in _REGULATORY]
    if regulatory:
        return max(regulatory, key=_PHASE_ORDER.index)
    # else the nearest trial phase ("an ADC in Phase 1 and CRV-210, a preclinical antibody"); "phase 1 and 2" is phase_1_2
    return min(found, key=lambda f: (f[0], -_PHASE_ORDER.index(f[1])))[1] if found else None


_PROSPECT_BEFORE = re.compile(r"(?:yet[- ]to[- ]be[- ]|not\s+yet\s+|subject\s+to\s+(?:\w+\s+){0,3}|upon\s+|if\s+|once\s+|pending\s+|seek(?:s|ing)?\s+"
                              r"|(?:if|once|when|until)\s+(?:[\w-]+\s+){0,4}?(?:is|are|gets?|be)\s+|potential\s+|expected\s+|anticipated\s+|future\s+|following\s+|after\s+|towards?\s+|for\s+|to\s+(?:obtain|gain|secure|receive)\s+"
                              r")$", re.IGNORECASE)
_PROSPECT_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:could|would|may|might|is\s+expected|are\s+expected|expected|anticipated)\b", re.IGNORECASE)


# a trial still to come ("plans to begin an early-stage clinical study of X", "will now conduct phase 3 development"): not
# the stage the asset has reached at signing
_TRIAL_AHEAD = re.compile(r"(?:\b(?:to|will|shall|plans?\s+to|expects?\s+to|intends?\s+to)\s+(?:now\s+|also\s+|then\s+|soon\s+)?(?:begin|start|initiate"
                          r"|commence|launch|conduct|run|enter|advance\s+(?:\w+\s+)?into|move\s+(?:\w+\s+)?into)"
                          # (a party made "responsible for conducting phase 3 development" will run it: the trial is ahead)
                          r"|\bresponsib(?:le|ility)\s+for\s+(?:conducting|running|completing|the\s+conduct\s+of))\s+(?:an?\s+|its\s+|the\s+|their\s+|all\s+)?"
                          r"(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)


# what joins drugs of one list ("X, Y and Z"): a list shares the phase word beside it
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|/|&|\s(?:and|or)\s)\s*")


def _prospective(ctx: Context, start: int, end: int) -> bool:
    """Whether an approval or filing is hoped for, not reached: "yet-to-be-approved", "upon approval", "milestones on
    filing", "initial approval could be granted in late 2021". It says nothing of the asset's stage at signing."""
    return bool(_PROSPECT_BEFORE.search(ctx.masked[max(0, start - 40):start]) or _PROSPECT_AFTER.match(ctx.masked, end))


def assets(ctx: Context, parties: list[OrgEntity]) -> list[Asset]:
    """Product codes and drug names the deal sentences name, with phase, modality and indication."""
    cues = term_cues()
    code_re = regex(cues["asset_code"])
    code_not = regex(cues["asset_code_not"], True)
    inn_re = regex(cues["asset_inn"])
    inn_not = regex(cues["asset_inn_not"])
    party_spans = [(m.start, m.end) for p in parties for m in p.mentions] + [(a.start, a.end) for a in money_amounts(ctx)]
    deal = SpanIndex(_deal_spans(ctx))
    party_index = SpanIndex(party_spans)
    found: dict[str, Asset] = {}
    party_names = {form.lower() for p in parties for form in (p.name, *p.aliases)}  # a code that names a party ("DM Cell")
    descriptions = list(regex(cues["asset_described"]).finditer(ctx.masked))
    described = SpanIndex(m.span() for m in descriptions)  # "CLDN18" of "an anti-CLDN18.2 ADC" is no code of its own
    brands = _brand_names(ctx, party_names)
    codes = list(code_re.finditer(ctx.masked))
    coded = SpanIndex(m.span() for m in codes)
    brands = [m for m in brands if not coded.overlaps(*m.span())]
    inns = list(inn_re.finditer(ctx.masked))
    # "Halden's HX-19 vaccine candidate" is HX-19: a product phrase that holds a code, an INN or a brand is named by it
    named_spans = SpanIndex([m.span() for m in codes if not code_not.match(m.group(0))] + [m.span() for m in inns] + [m.span() for m in brands])
    products = [m for m in regex(_described_product()).finditer(ctx.masked) if not named_spans.overlaps(*m.span())]
    descriptions += products
    # "Halden's CXCR5 and CCR8 programs": a programme named by its target symbol, one asset per symbol
    target_programmes = [m for m in regex(cues["asset_programme"]).finditer(ctx.masked) if not named_spans.overlaps(*m.span())]
    descriptions += target_programmes
    candidates = [(m, True) for m in codes if not described.covers(*m.span(), strictly=True)] \
        + [(m, False) for m in inns] + [(m, True) for m in descriptions] + [(m, True) for m in brands]
    plain = {m.start() for m in descriptions}  # named by what they are: no code shape to check
    brand_starts = {m.start() for m in brands}
    unchecked = plain | brand_starts  # nor has a brand name
    covered = 0
    drug_spans: list[tuple[int, int, str]] = []
    fallback: list[tuple[str, str, int, int]] = []
    retained: set[str] = set()
    outside: dict[str, list[Mention]] = {}  # mentions outside the deal sentences: "ST-1 has shown preclinical efficacy" gives its phase
    for m, is_code in sorted(candidates, key=lambda x: (x[0].start(), -len(x[0].group(0)))):  # the longest name at a place
        s, e, name = m.start(), m.end(), m.group(0)
        if s < covered:
            continue  # the second word of a two-word drug name already taken
        if ctx.is_noise(s, e) or in_boilerplate(ctx, s) or other_story(ctx, s, e, party_index):
            continue
        inside = [(ps, pe) for ps, pe in party_spans if ps < e and s < pe and not re.search(r"[.!?]\s", ctx.masked[ps:pe])] \
            if party_index.overlaps(s, e) else []  # (a "name" running across a full stop is no organisation's)
        # a brand written with its generic name ("Velmora (tarnolimab)") is a drug, whatever the organisation reader took it for
        generic_named = s in brand_starts and _generic_named(ctx, e) and all((ps, pe) == (s, e) for ps, pe in inside)
        if inside and not generic_named and not (not is_code and all(ctx.masked[ps:pe].lower().startswith(name.lower()) for ps, pe in inside)):
            continue  # part of an organisation's name; a drug the organisation reader took for a party still counts
        if not is_code and _company_shaped(ctx, name):
            continue
        if not is_code and _surname(ctx, s, e):
            continue  # "said Pierre Halcel, senior VP": a person's surname with a drug stem ("-cel") is no drug
        if is_code and s not in unchecked and (code_not.match(name) or not re.search(r"\d", name) or re.fullmatch(r"[A-Z][a-z]+ \d+", name)
                        or re.fullmatch(r"(?:19|20)\d\d", name.split("-")[-1]) and "-" not in name):
            continue
        if is_code and s not in plain and not re.search(r"[A-Z]", name):
            continue  # (a description may be all lower case: "its breast cancer test")
        if is_code and " " in name and _COUNTED.match(ctx.masked, e):
            continue  # "USA 181 days", "FTSE 100 companies": a count, not a code
        if is_code and re.fullmatch(r"[A-Z]\d{1,4}[A-Z]?", name) and (_MUTATION.match(ctx.masked, e) or _GENE_BEFORE.search(ctx.masked, max(0, s - 12), s)):
            continue  # "BRAF V600 mutation", "KRAS G12C": a mutation, not a product
        if is_code and s not in unchecked and (_SIGNS.match(ctx.masked, e) or _POLICY.match(ctx.masked, e)):
            continue  # "Ostvik and R36 have signed": a product signs nothing; "the RIE2020 plan" is a policy
        if not is_code and (inn_not.match(name.lower()) or re.match(r"\s+biosimilar", ctx.masked[e:e + 12], re.IGNORECASE)):
            continue  # "ipilimumab biosimilar HLX13": the asset is the biosimilar, named by its code
        if not is_code and re.search(r"\bbiosimilars?\s+(?:to|of|version\s+of|referencing)\s+$", ctx.masked[max(0, s - 40):s], re.IGNORECASE):
            continue  # "HX-12, a biosimilar to trastuzumab": the reference product is not the deal's
        if not is_code and (salt := regex(cues["asset_salt"], True).match(ctx.masked[e:e + 30])):
            e, name = e + salt.end(), name + salt.group(0)  # "Remogliflozin Etabonate"
        if not is_code and (pair := regex(r"\s" + cues["asset_inn"]).match(ctx.masked[e:e + 40])):
            e, name = e + pair.end(), name + pair.group(0)  # "Sacituzumab Govitecan", "trastuzumab deruxtecan": one conjugate
        key = name.lower() if is_code else name.split()[0].lower()  # "Remogliflozin" is "Remogliflozin Etabonate" again
        if s not in plain:
            drug_spans.append((s, e, key))  # every drug the text names by code, INN or brand, in the deal or not
        if not deal.covers(s, s + 1):
            outside.setdefault(key, []).append(ctx.mention(s, e))
        if key not in found and not deal.covers(s, s + 1):
            if is_code and (_INTRODUCED.search(ctx.masked, max(0, s - 30), s) or ctx.sentences and s < ctx.sentences[0][1]):
                fallback.append((key, name, s, e))  # a code the headline or lead names is the story's subject
            continue
        if regex(cues["asset_other_deal"], True).search(ctx.masked, max(ctx.sentence_of(s)[0], s - 160), s):
            continue  # another agreement's product
        named_at = (hit.start(1) if (hit := _BRAND_BEFORE.search(ctx.masked, max(0, s - 40), s)) else s)  # "BRAND® (generic name: X)"
        if _WHOSE_PRODUCT.search(ctx.masked, max(0, named_at - 40), named_at):
            continue  # a party's own product named in passing
        if regex(cues["asset_retained"], True).search(ctx.masked, max(ctx.sentence_of(s)[0], s - 160), s):
            retained.add(key)
            continue  # "to focus on our lead product X": the product the company keeps (wherever else it is named)
        # (an INN-stemmed word that heads no longer company name, "rights to Tarnolimab", is a drug even when the
        # organisation reader made a party of it: "Halvorsen" of "Halvorsen Biotech" is none)
        if key in party_names and (is_code and not generic_named or not is_code and name[:1].isupper()
                                   and any(form.startswith(key + " ") for form in party_names)) and not re.search(r"\b(?:drug|candidate|compound|product|molecule|antibody)\s+$",
                                                                                     ctx.masked[max(0, s - 20):s], re.IGNORECASE):
            continue  # a party's name ("Halvorsen", "DM Cell"), unless the text calls it a drug
        asset = found.setdefault(key, Asset(name=name))
        asset.mentions.append(ctx.mention(s, e))
        covered = e
    found = {key: a for key, a in found.items() if key not in retained}
    # a product named only by what it is ("Halden's rapid antigen test") is the deal's when no code, INN or brand names
    # one: "the test, dubbed HX-5" elsewhere names the product, a second phrase is most often the same one
    phrased = {m.start() for m in products}
    if any(a.mentions[0].start not in plain for a in found.values()) or fallback:
        found = {key: a for key, a in found.items() if a.mentions[0].start not in phrased}
    if not found:  # a supply or service deal names its product outside the deal sentences: "the drug, ST-5", "dubbed HX-1"
        for key, name, s, e in fallback:
            found.setdefault(key, Asset(name=name)).mentions.append(ctx.mention(s, e))
    if not found:
        found = _licensed_platforms(ctx, deal, party_index, party_names)
    # "itolizumab, an anti-CD6 monoclonal antibody": a description beside a named asset describes it
    named = [(m.start, m.end) for a in found.values() for m in a.mentions if a.mentions[0].start not in plain]
    # a drug's other name in brackets ("Velmora (tarnolimab)") names it wherever it is written
    others = {hit.group(1) for a in found.values() if a.mentions[0].start not in plain for m in a.mentions
              for hit in (_BRAND_BEFORE.search(ctx.masked, max(0, m.start - 40), m.start), _BRAND_AFTER.match(ctx.masked, m.end)) if hit}
    named += [span for word in others for span in occurrences(ctx.masked, word) if boundary(ctx.masked, span[1]) and span not in named]

    def beside(m: Mention) -> bool:  # "NAME, an anti-CD6 antibody", "a CD74-targeting ADC, NAME", "DESC (NAME)"
        return any(e <= m.start and re.fullmatch(r",?\s*(?:an?|the|its)?\s*", ctx.masked[e:m.start])
                   or m.end <= s and re.fullmatch(r"[\s,(]*(?:called|named|known as)?\s*", ctx.masked[m.end:s]) for s, e in named)
    def near(m: Mention) -> bool:  # in the same sentence as a named asset, a description is most often that asset's
        return any(abs(m.start - s) < 80 and ctx.sentence_of(s) == ctx.sentence_of(m.start) for s, _ in named)

    def anaphoric(m: Mention) -> bool:  # "the IDO inhibitor", "its PD-1 inhibitor": a definite description points back to a named drug
        return bool(named) and bool(_DEFINITE.search(ctx.masked, max(0, m.start - 40), m.start))

    # "HX-2 is a GPR7 receptor agonist ... GPR7 receptor agonists act by ...": the plural of what a named drug is
    # names its class, not a second programme
    classes = {_singular(m.group(0).lower()) for m in descriptions if (mention := ctx.mention(m.start(), m.end()))
               and (beside(mention) or near(mention))}
    found = {key: a for key, a in found.items() if a.mentions[0].start not in plain
             or not any(beside(m) or near(m) for m in a.mentions) and not all(anaphoric(m) for m in a.mentions)
             and not (_singular(a.name.lower()) in classes and _singular(a.name.lower()) != a.name.lower())}
    found = _merge_phrased(found, plain)
    found = _merge_spaced(found)
    found = _merge_bracketed(ctx, found)
    found = _merge_slashed(ctx, found)
    found = _merge_brand_named(ctx, found, drug_spans)
    found = _merge_marked_pair(ctx, found)
    programme_starts = {m.start() for m in target_programmes}
    for asset in found.values():  # "the MALT1 programme": the symbol with its programme word is how a text names it too
        asset.aliases += list(dict.fromkeys(f"{m.text} {word.group(1)}" for m in asset.mentions if m.start in programme_starts
                                            and (word := _PROGRAMME_WORD.match(ctx.masked, m.end))
                                            and f"{m.text} {word.group(1)}" not in asset.aliases))
    for asset in found.values():  # "Velmora(R)" as written: the mark's letters are part of how the text names it
        asset.aliases += list(dict.fromkeys(f"{asset.name}{mark.group(0)}" for m in asset.mentions
                                            if (mark := _MARK_LETTERS.match(ctx.masked, m.end)) and m.text == asset.name
                                            and f"{asset.name}{mark.group(0)}" not in asset.aliases))
        # "to commercialise topical tarnolimast": a drug named with its route is often how the deal names the product
        asset.aliases += list(dict.fromkeys(f"{route.group(1)} {m.text}" for m in asset.mentions if m.text.lower() == asset.name.lower()
                                            and (route := regex(cues["asset_route"], True).search(ctx.masked, max(0, m.start - 30), m.start))
                                            and f"{route.group(1)} {m.text}" not in asset.aliases))
    branded = {key for key, asset in found.items() if _brand_aliases(ctx, asset)
               or any(_MARKED.match(ctx.masked, m.end) or m.start in brand_starts and _GENERIC_AFTER.match(ctx.masked, m.end) for m in asset.mentions)}
    elsewhere = {key: [m for m in outside.get(key, []) if all(m.start != x.start for x in asset.mentions)] for key, asset in found.items()}
    # a brand the patterns met once is written bare later ("Velmora was authorised in the EU"): those sentences give
    # its phase too (they are read for the phase only, no mentions of the asset's own)
    reread: dict[str, list[Mention]] = {key: [] for key in found}
    for key, asset in found.items():
        if asset.mentions and asset.mentions[0].start not in plain:
            taken = {x.start for x in asset.mentions} | {x.start for x in elsewhere[key]}
            bare = {(s, e) for form in dict.fromkeys([asset.name, *asset.aliases]) for s, e in occurrences(ctx.masked, form)
                    if s not in taken and boundary(ctx.masked, e) and (s == 0 or not ctx.masked[s - 1].isalnum())
                    and not in_boilerplate(ctx, s) and not ctx.is_noise(s, e)}
            reread[key] = [ctx.mention(s, e) for s, e in sorted(bare)]
    for key, asset in found.items():
        phases: list[str | None] = []
        own = {n.lower() for n in (asset.name, *asset.aliases)} | {m.text.lower() for m in asset.mentions}  # its own names
        rivals = sorted((ds, de) for ds, de, k in drug_spans if k != key)  # once per asset, windowed per mention
        unlike = [(ds, de) for ds, de in rivals if ctx.masked[ds:de].lower() not in own]
        for where, in_deal in [*((m, True) for m in asset.mentions), *((m, False) for m in elsewhere[key] + reread[key])]:  # the deal sentences first
            s, e = ctx.sentence_of(where.start)
            phases.append(_phase_near(ctx, where.start, where.end, starting_in(unlike, s - _REACH, e + _REACH)))
            if in_deal:
                phases.append(_phase_after(ctx, where.end, rivals))
            asset.modality = asset.modality or _modality_near(ctx, where.start, where.end)
            asset.indication = asset.indication or _indication_near(ctx, where.start, where.end)
        # the first phase named, unless a later sentence says the asset is filed, approved or on sale ("the pivotal
        # phase-III trial ..." then "the vaccine is already licensed in India"): its stage at signing is the furthest
        regulatory = [p for p in phases if p in _REGULATORY]
        phase = max(regulatory, key=_PHASE_ORDER.index) if regulatory else next((p for p in phases if p), None)
        asset.phase = cast("Phase | None", phase)  # the cue files' keys are the Phase values
        if key in branded and asset.phase not in ("filed", "approved"):
            asset.phase = "marketed"  # a trade name is given at approval: trials the story names are of new uses
        elif asset.phase is None and all(m.start in brand_starts for m in asset.mentions) and not any(
                _INVESTIGATIONAL.search(ctx.masked, *ctx.sentence_of(m.start)) for m in asset.mentions):
            asset.phase = "marketed"  # named only by a trade name, no trial or filing in sight: a product on sale
    # one programme: "the drug's phase 3 trial" elsewhere in the story is its phase (a brand named beside it is most
    # often a marketed product the story mentions, not a second programme)
    programmes = [a for a in found.values() if a.mentions[0].start not in brand_starts] or list(found.values())
    if len(programmes) == 1:
        only = programmes[0]
        only.phase = only.phase or _article_phase(ctx)  # type: ignore[assignment]
    for key, asset in found.items():
        asset.mentions = sorted(asset.mentions + elsewhere[key], key=lambda x: x.start)
    return list(found.values())


# "... rights to HX-1 in China. The drug is under marketing review there.": a sentence that opens by pointing back
# to a drug ("The drug", "The candidate", "It is") speaks of the drug last named
_ANAPHOR = re.compile(r"\s*(?:(?:The|This)\s+(?:[\w-]+\s+){0,2}?(?:drug|candidate|compound|product|molecule|vaccine|therapy|antibody|medicine)\b"
                      r"|It\s+(?=is\b|was\b|has\b))")


# How far beyond an asset's sentence another drug can matter to its phase (a list of drugs running up to it); the
# windows keep the look-ups per mention bounded, so a long input costs linear time
_REACH = 400


def _phase_after(ctx: Context, end: int, others: list[tuple[int, int]]) -> str | None:
    """The phase a following sentence (one of the next two) gives the asset by pointing back to it, no other drug
    named in between."""
    i = bisect.bisect_left(ctx.sentences, (end, -1))
    later = ctx.sentences[i:i + 2]
    if not later:
        return None
    others = starting_in(others, end - _REACH, later[-1][1] + _REACH)
    for s, e in later:
        if any(end <= os < s for os, _ in others):
            return None
        if (m := _ANAPHOR.match(ctx.masked, s)) and not any(s <= os < e for os, _ in others):
            return _phase_near(ctx, m.start(), m.end(), others)
    return None


@cache
def _brand_re() -> re.Pattern[str]:
    return re.compile(term_cues()["asset_brand"])


@cache
def _brand_opens_upper() -> bool:
    return opens_with(_brand_re(), lambda ch: "A" <= ch <= "Z")


def _brand_matches(text: str) -> list[re.Match[str]]:
    """_brand_re().finditer(text), the same matches, faster: the pattern's many look-behind branches are tried at
    capitals only when every match opens with one (the scan would try them at every character)."""
    return matches_at(_brand_re(), _CAPITAL, text) if _brand_opens_upper() else list(_brand_re().finditer(text))


_CAPITAL = re.compile(r"[A-Z]")
_WORD = re.compile(r"[A-Za-z0-9]+")


def _brand_names(ctx: Context, party_names: set[str]) -> list[re.Match[str]]:
    """Products named in prose by a brand or trade name: "the company's Mydicar gene therapy",
    "Dekavil, an experimental treatment". A name that is a party's, a place or a company
    elsewhere in the text is none."""
    from .territory import region_re

    out: list[re.Match[str]] = []
    named = [_WORD.match(ctx.masked, n.start(1) if n.group(1) else n.start(2)) for n in regex(term_cues()["asset_named_drug"]).finditer(ctx.masked)]
    cued = {n.start() for n in named if n}  # (the parser often reads a new drug name as a person's: the cue says what it is)
    for m in [*_brand_matches(ctx.masked), *regex(term_cues()["asset_dosage"]).finditer(ctx.masked), *(n for n in named if n)]:
        name = m.group(0)
        word = re.sub(r"\s*(?:®|™|\(R\)|\(TM\))$", "", name.split()[0])
        if (word.lower() in party_names or any(word.lower() in p or p in word.lower() for p in party_names if len(p) >= 4)) \
                and not (word.lower() in party_names and _generic_named(ctx, m.end())):
            continue  # a party's name, unless written with a generic name in brackets ("Velmora (tarnolimab)": a drug)
        if region_re().fullmatch(word) or _company_shaped(ctx, word) or word.lower() in _NOT_BRANDS or " " not in name and _place_word(ctx, m.start(), m.end()):
            continue
        if regex(term_cues()["asset_platform_before"], True).search(ctx.masked, max(0, m.start() - 40), m.start()):
            continue  # "its ADC platform technology, Xtend™": the platform's name
        if re.match(r"\s+(?:disease|syndrome|disorder|virus|infection)\b", ctx.masked[m.end():m.end() + 12], re.IGNORECASE):
            continue  # "the company's Gaucher disease treatment": a disease named after a person, not a brand
        if re.match(r"(?:®|™|\(R\))?\s\((?:pictured|right|centre|center|second|third|fourth|fifth|front|middle|standing|seated)", ctx.masked[m.end():]) \
                or m.start() not in cued and _describes_party(ctx, m.start(), m.end()) or _WHOSE_PRODUCT.search(ctx.masked, max(0, m.start() - 40), m.start()):
            continue
        out.append(m)
    return out


def _licensed_platforms(ctx: Context, deal: SpanIndex, party_index: SpanIndex, party_names: set[str]) -> dict[str, Asset]:
    """The platforms or technologies a deal naming no product licenses ("a license to its Kymouse antibody platform"):
    one asset per name, the name with its noun ("Kymouse antibody platform") an alias."""
    found: dict[str, Asset] = {}
    for m in regex(term_cues()["asset_platform_licensed"]).finditer(ctx.masked):
        s, e = m.span("name")
        name = m.group("name")
        own = m.group("owner") in ("its", "their", "our") and not m.group("verb").lower().startswith("licen")
        if own or not deal.covers(s, s + 1) or in_boilerplate(ctx, s) or ctx.is_noise(s, e) or name.lower() in party_names \
                or party_index.overlaps(s, e) or name.lower() in _NOT_BRANDS or _company_shaped(ctx, name) \
                or regex(rf"(?:{term_cues()['modalities']})s?", True).fullmatch(name) or name.lower() in ctx.rules.technology.phrase_index:
            continue
        asset = found.setdefault(name.lower(), Asset(name=name))
        tail = m.group("tail").split()
        for alias in (f"{name} {' '.join(tail)}", f"{name} {tail[-1]}"):
            if alias not in asset.aliases and alias != name:
                asset.aliases.append(alias)
        asset.mentions.append(ctx.mention(s, e))
    return found


def _merge_phrased(found: dict[str, Asset], plain: set[int]) -> dict[str, Asset]:
    """Products named by what they are, one phrase the tail of another ("the Covid-19 bulk vaccine" ... "the bulk
    vaccine"; "4-valent human papillomavirus (HPV) vaccine" ... "HPV vaccine"): the shorter points back to the longer,
    one product named as the longest phrase, the shorter ones its aliases."""
    def words(name: str) -> list[str]:
        return name.lower().split()

    def shortened(name: str) -> set[str]:  # "... papillomavirus (HPV) vaccine" is also "HPV vaccine"
        bracket = re.search(r"\(([A-Za-z0-9-]{2,10})\)\s+(\S+)$", name)
        return {f"{bracket.group(1)} {bracket.group(2)}".lower()} if bracket else set()

    phrased = sorted((a for a in found.values() if a.mentions and a.mentions[0].start in plain), key=lambda a: -len(a.name))
    for host in phrased:
        if host not in found.values():
            continue
        for guest in phrased:
            if guest is host or guest not in found.values() or len(guest.name) >= len(host.name):
                continue
            tail = words(guest.name)
            if words(host.name)[-len(tail):] == tail or guest.name.lower() in shortened(host.name):
                host.mentions = sorted(host.mentions + guest.mentions, key=lambda x: x.start)
                host.aliases = list(dict.fromkeys([*host.aliases, guest.name, *guest.aliases]))
                found = {k: a for k, a in found.items() if a is not guest}
    return found


def _singular(phrase: str) -> str:
    """A noun phrase with its last word in the singular ("receptor agonists" -> "receptor agonist", "antibodies" -> "antibody")."""
    return re.sub(r"ies$", "y", phrase) if phrase.endswith("ies") else re.sub(r"(?<!s)s$", "", phrase)


_PROGRAMME_WORD = re.compile(r"\s+(programm?e?s?)\b", re.IGNORECASE)


# "Kelvaro, whose product VELDAXA® leads its market": a relative clause on a company names its own product in passing
# (the parse-based test below misses it when the parser attaches the clause elsewhere)
_WHOSE_PRODUCT = re.compile(r"\bwhose\s+(?:[\w-]+\s+){0,2}?(?:products?|drugs?|brands?|medicines?)\s+$", re.IGNORECASE)


def _surname(ctx: Context, start: int, end: int) -> bool:
    """Whether the parser reads a word as the tail of a person's name ("Pierre Halcel"): a first name before it, one
    PERSON entity over both. A drug named alone is sometimes read as a person; after a first name it is one."""
    if not has_parse(ctx.doc) or not ctx.masked[start:start + 1].isupper():
        return False
    return any(t.ent_type_ == "PERSON" and t.ent_iob_ == "I" and t.i > 0 and t.nbor(-1).ent_type_ == "PERSON"
               and t.nbor(-1).text[:1].isupper() for t in tokens_in(ctx.doc, start, end))


def _place_word(ctx: Context, start: int, end: int) -> bool:
    """Whether the parser reads a capitalised word as a nationality ("rights to market Chinese ..."): no brand."""
    return has_parse(ctx.doc) and any(t.ent_type_ in ("NORP", "LANGUAGE") for t in tokens_in(ctx.doc, start, end))


def _describes_party(ctx: Context, start: int, end: int) -> bool:
    """Whether a brand is a person's name or lies in a clause describing an organisation ("Kelvaro, whose product
    VELDAXA® leads its market, ..."): a party's own product named in passing, not the deal's."""
    if not has_parse(ctx.doc):
        return False
    toks = tokens_in(ctx.doc, start, end)
    if any(t.ent_type_ == "PERSON" for t in toks) and not _MARKED.match(ctx.masked, end):
        return True  # "Tomas Park (third from right)"; a registered mark is no person's
    root = head_of(toks)
    for a in root.ancestors if root is not None else []:  # up to the clause's verb: a far relative clause is no description of it
        if a.dep_ in ("relcl", "appos") and a.head.tag_ in ("NNP", "NNPS") and a.head.ent_type_ == "ORG":
            return True
        if a.tag_.startswith("VB"):
            break
    return False


def _merge_bracketed(ctx: Context, found: dict[str, Asset]) -> dict[str, Asset]:
    """Two names, one in brackets beside the other ("Velmora (HX-301)", "HX-301 (tarnolimab)", "Velmora® (tarnolimab)"),
    name one product: one asset, named as first written, the other its alias, with both forms' mentions."""
    spans = [(m.start, m.end, key) for key, a in found.items() for m in a.mentions]
    by_start = sorted((s, i) for i, (s, _, _) in enumerate(spans))
    by_end = sorted((e, i) for i, (_, e, _) in enumerate(spans))
    for key, asset in list(found.items()):
        if key not in found:
            continue
        for m in asset.mentions:
            # only names within a bracket's reach of this mention, in their first-named order (bisection, not a scan:
            # a long input names a drug thousands of times)
            near = sorted({i for _, i in starting_in(by_start, m.end, m.end + _BRACKET_GAP + 1)}
                          | {i for _, i in starting_in(by_end, m.start - _BRACKET_GAP, m.start + 1)})
            other = next((k for s, e, k in (spans[i] for i in near) if k != key and k in found and (
                _OPEN.fullmatch(ctx.masked, m.end, s) and ctx.masked[e:e + 1] != "/"
                or _OPEN.fullmatch(ctx.masked, e, m.start) and ctx.masked[m.end:m.end + 1] != "/")), None)  # "X (Y/adjuvant)": a mix, not a name
            if other is None:
                continue
            host, guest = (found[other], asset) if found[other].mentions[0].start < asset.mentions[0].start else (asset, found[other])
            host.mentions = sorted(host.mentions + guest.mentions, key=lambda x: x.start)
            host.aliases = list(dict.fromkeys([*host.aliases, guest.name, *guest.aliases]))
            found = {k: a for k, a in found.items() if a is not guest}
            break
    return found


_MARK_THEN_SPACE = re.compile(r"(?:®|™|\(R\)|\(TM\)) ")


def _merge_marked_pair(ctx: Context, found: dict[str, Asset]) -> dict[str, Asset]:
    """Two trade-marked words in a row ("Halvex™ Dravia®": a product line's mark, then the product's) name one
    product: one asset named as written, marks included."""
    for key, asset in list(found.items()):
        if key not in found:
            continue
        for m in asset.mentions:
            gap = _MARK_THEN_SPACE.match(ctx.masked, m.end)
            other = next((k for k, a in found.items() if k != key and gap and any(x.start == gap.end() for x in a.mentions)), None)
            if other is None or gap is None:
                continue
            guest = found.pop(other)
            tail = next(x for x in guest.mentions if x.start == gap.end())
            mark = _MARK_LETTERS.match(ctx.masked, tail.end) or re.compile(r"®|™").match(ctx.masked, tail.end)
            asset.aliases = list(dict.fromkeys([*asset.aliases, asset.name, guest.name, *guest.aliases]))
            asset.name = ctx.text[m.start:mark.end() if mark else tail.end]
            asset.mentions = sorted(asset.mentions + guest.mentions, key=lambda x: x.start)
            break
    return found


_INVESTIGATIONAL = re.compile(r"\b(?:experimental|investigational|candidates?|trials?|stud(?:y|ies)|development|developing|develop)\b", re.IGNORECASE)
_BRAND_NAMED = re.compile(r"\b(?:(?:brand|trade)[- ]names?|brand|trademark)\s*[:'\"‘“]?\s*$", re.IGNORECASE)


def _merge_brand_named(ctx: Context, found: dict[str, Asset], drug_spans: list[tuple[int, int, str]]) -> dict[str, Asset]:
    """A name the text gives as another drug's brand ("X, which Halden launched under the brand name Velmora") is
    that drug's alias, not a second asset: the drug named last before it in its sentence."""
    for key, asset in list(found.items()):
        if not asset.mentions or not all(_BRAND_NAMED.search(ctx.masked, max(0, m.start - 30), m.start) for m in asset.mentions):
            continue
        m = asset.mentions[0]
        sent = ctx.sentence_of(m.start)
        host = next((k for ds, de, k in sorted(drug_spans, reverse=True) if de <= m.start and k != key and k in found
                     and ctx.sentence_of(ds) == sent), None)
        if host is None:
            continue
        target = found[host]
        target.aliases = list(dict.fromkeys([*target.aliases, asset.name, *asset.aliases]))
        target.mentions = sorted(target.mentions + asset.mentions, key=lambda x: x.start)
        del found[key]
    return found


# a code introduced by what it is; also the German, French, Italian and Spanish words ("Wirkstoffkandidaten SER-1", "il farmaco")
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that|our|his|her)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_INTRODUCED = re.compile(r"(?:\b(?:drug|candidate|compound|vaccine|therapy|antibody|molecule|dubbed|called|named|known as|farmaco|candidato"
                         r"|médicament|medicamento|vaccin[oe]?|composé)|Wirkstoff\w*|\w*[Kk]andidat\w*|Impfstoff\w*)[,:]?\s+$", re.IGNORECASE)
_MARK_LETTERS = re.compile(r"\((?:R|TM)\)|™")  # (a ™ reads "TM" once normalised: part of the name as written)
_SIGNS = re.compile(r"\s+(?:(?:have|has|had|will|today|jointly|recently|also)\s+)*(?:signed|sign|inked|agreed|agree|partnered|entered into|enter into|formed)\b")
_POLICY = re.compile(r"\s+(?:plan|strategy|initiative|scheme|framework|roadmap|agenda|vision"
                     r"|conference|congress|summit|convention|symposium|forum|expo|exhibition|meeting|fair)\b", re.IGNORECASE)  # or an event: "the BIO2024 conference"
# a mutation a code-shaped word names (a letter, a position, maybe a letter): a gene symbol before it ("BRAF V600",
# "KRAS G12C") or a mutation word after it ("the T790M mutation"); "V940" alone is still a code
_MUTATION = re.compile(r"(?:\s+|-)(?:mutations?|mutants?|mutated|deletions?|substitutions?|alterations?|variants?)\b", re.IGNORECASE)
_GENE_BEFORE = re.compile(r"\b[A-Z][A-Z0-9]{2,6}\s+$")
_COUNTED = re.compile(r"\s+(?:days?|weeks?|months?|years?|patients|people|companies|countries|sites|hospitals|employees|units)\b", re.IGNORECASE)


def _merge_spaced(found: dict[str, Asset]) -> dict[str, Asset]:
    """One code written with and without a space or hyphen ("HX 301", "HX301", "HX-301") is one product: one asset,
    named by the form written most often (the first on a tie), the other forms its aliases."""
    groups: dict[str, list[str]] = {}
    for key in found:
        groups.setdefault(re.sub(r"[\s-]", "", key), []).append(key)
    for keys in groups.values():
        if len(keys) < 2 or not any(c.isdigit() for c in keys[0]):
            continue  # (only codes: words are not respelled)
        assets = sorted((found[k] for k in keys), key=lambda a: (-len(a.mentions), a.mentions[0].start if a.mentions else 0))
        host = assets[0]
        for guest in assets[1:]:
            host.mentions = sorted(host.mentions + guest.mentions, key=lambda x: x.start)
            host.aliases = list(dict.fromkeys([*host.aliases, guest.name, *guest.aliases]))
        found = {k: a for k, a in found.items() if a not in assets[1:]}
    return found


def _merge_slashed(ctx: Context, found: dict[str, Asset]) -> dict[str, Asset]:
    """Two codes joined by a slash name one product under two sponsors' codes ("mRNA-4157/V940"): one asset named
    by the joined form, the parts its aliases."""
    for key, asset in list(found.items()):
        if key not in found:
            continue
        for m in asset.mentions:
            other = next((k for k, a in found.items() if k != key and any(x.start == m.end + 1 for x in a.mentions)), None)
            if other is None or ctx.masked[m.end:m.end + 1] != "/":
                continue
            guest = found.pop(other)
            joined = f"{asset.name}/{guest.name}"
            asset.aliases = list(dict.fromkeys([*asset.aliases, asset.name, guest.name, *guest.aliases]))
            asset.name = joined
            asset.mentions = sorted(asset.mentions + guest.mentions, key=lambda x: x.start)
            break
    return found


_MARK = r"\s?(?:®|™|\(R\)|\(TM\))?"
_MARKED = re.compile(r"\s?(?:®|\(R\))")  # a registered trade mark: a brand
_GENERIC_AFTER = re.compile(r"(?:®|™|\(R\))?\s\([a-z]{5,}")  # "Intuniv (guanfacine ...)": a brand with its generic name
_BRAND_BEFORE = re.compile(rf"\b([A-Z][A-Za-z0-9-]{{2,}}){_MARK}\s*\(\s*(?:(?:generic|INN|international nonproprietary) name:?\s*)?$")
_BRAND_AFTER = re.compile(rf"\s*\(\s*([A-Z][A-Za-z0-9-]{{2,}}){_MARK}\s*\)")


def _generic_named(ctx: Context, end: int) -> bool:
    """Whether a brand is followed by its generic name in brackets, an INN or a word with its salt ("Velmora
    (tarnofacine hydrochloride)"): not "Halden Institute (coordinator)"."""
    cues = term_cues()
    m = regex(r"(?:®|™|\(R\))?\s\(([a-z]{5,})((?:" + cues["asset_salt"] + r"))?\)").match(ctx.masked, end)
    return bool(m and (m.group(2) or regex(cues["asset_inn"]).fullmatch(m.group(1))))


def _brand_aliases(ctx: Context, asset: Asset) -> bool:
    """A brand written beside an INN or a code in brackets ("Libtayo® (cemiplimab)", "cemiplimab (Libtayo)") is the
    same product's other name: an alias, not a second asset (a trade mark sign alone names no deal asset). Whether one was found."""
    found = False
    for m in asset.mentions:
        mixed = ctx.masked[m.end:m.end + 1] == "/"  # "SCB-2019 (CpG 1018/Alum)": the bracket lists a mix's parts, not a name
        for hit in (None if mixed else _BRAND_BEFORE.search(ctx.masked, max(0, m.start - 40), m.start), _BRAND_AFTER.match(ctx.masked, m.end)):
            brand = hit.group(1) if hit else None
            if brand and brand.lower() != asset.name.lower() and brand.lower() not in _NOT_BRANDS:
                cues = term_cues()  # "Tislelizumab (BGB-A317)": an INN or a code beside a code is another name, not a brand
                found = found or not (regex(cues["asset_inn"]).fullmatch(brand) or regex(cues["asset_code"]).fullmatch(brand))
                if brand not in asset.aliases:
                    asset.aliases.append(brand)
    return found


# "(formerly HX-12)", "(also known as HX-12)": a programme's earlier or other code, in brackets, is the same product
_BRACKET_GAP = 80  # the longest gap _OPEN reads between two names ("®  ( also known as ")


_OPEN = re.compile(r"(?:®|™|\(R\)|\(TM\))?\s*\(\s*(?:the\s+|(?:generic|INN) name:?\s*|(?:formerly|previously|also known as|also called|a\.?k\.?a\.?|f/k/a)\s+)?")


# capitalised words the brand patterns meet that name no product
_NOT_BRANDS = frozenset({"this", "that", "these", "those", "the", "its", "their", "our", "under", "phase", "about", "today", "company",
                         "group", "inc", "ltd", "corp", "january", "february", "march", "april", "june", "july", "august",
                         "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday"})


_COMPANY_AFTER = re.compile(r"\s*(?:A/S|Inc\b|Ltd\b|Corp\b|AG\b|SA\b|plc\b|GmbH\b|said\b|says\b|announced\b|announces\b|reported\b"
                            r"|\((?:Nasdaq|NYSE|Copenhagen|KOSDAQ|KOSPI|TSX|LSE|SIX|HKEX|OMX)\b)")


def _company_shaped(ctx: Context, name: str) -> bool:
    """A drug-like word used as a company ("Corvumab A/S", "Corvumab announced"): never written in lower case."""
    if name[:1].islower():
        return False
    key = ("terms", "company-shaped", name)
    if key not in ctx.memo:  # once per name: a long article repeats its drug names
        ctx.memo[key] = any(_COMPANY_AFTER.match(ctx.masked, end) for _, end in occurrences(ctx.masked, name) if boundary(ctx.masked, end))
    return bool(ctx.memo[key])


def _article_phase(ctx: Context) -> str | None:
    """The phase the article's body names first (outside company profiles)."""
    hits = [next(((m.start(), phase) for m in pattern.finditer(ctx.masked)  # each phase's first: the earliest of them wins
                  if not in_boilerplate(ctx, m.start()) and not ctx.is_noise(m.start(), m.end())
                  and not (phase in ("filed", "approved", "marketed") and _prospective(ctx, m.start(), m.end()))), None)
            for phase, pattern in _phase_res()]
    return min(h for h in hits if h is not None)[1] if any(hits) else None


def _deal_spans(ctx: Context) -> list[Span]:
    """Sentences that speak of the agreement or of its money (where the deal's assets are named)."""
    spans = agreement_sentences(ctx)
    money = regex(r"\b(?:upfront|milestone|royalt|rights?|licen[cs]|option|collaborat|partnership|develop and commerciali[sz]e"
                  r"|diritti|droits|Rechte|derechos|licenza|Lizenz|accordo|Vereinbarung|acuerdo)", True)  # and in European languages
    spans += [s for s in ctx.sentences if money.search(ctx.masked[s[0]:s[1]])]
    chosen = set(spans)
    near = {j for j, s in enumerate(ctx.sentences) if s in chosen}
    spans += [ctx.sentences[j + d] for j in near for d in (-1, 1) if 0 <= j + d < len(ctx.sentences)]  # "Known as NXP900, the compound ..."
    return [s for s in spans if not in_boilerplate(ctx, s[0])]


def _modality_near(ctx: Context, start: int, end: int) -> str | None:
    s, e = ctx.sentence_of(start)
    near = [(abs(s + m.start() - start), m.group(0)) for m in regex(rf"\b(?:{term_cues()['modalities']})s?\b", True).finditer(ctx.masked[s:e])]
    return min(near)[1] if near and min(near)[0] < 120 else None


def _indication_near(ctx: Context, start: int, end: int) -> str | None:
    _, e = ctx.sentence_of(start)
    m = regex(r"\b(?:for the treatment of|to treat|for treating|in patients with|for patients with)\s+((?:[\w'’-]+\s?){1,6}?)(?=[,.;()]|\s+(?:and|in|with|who)\b|$)",
              True).search(ctx.masked, start, e)
    return m.group(1).strip() if m and m.start() - end < 150 else None
