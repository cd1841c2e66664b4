"""The agreement: its type, and which organisations signed it (parties) versus merely appear."""

from __future__ import annotations

import re

from ..models import Mention
from ..resources import load_json, regex
from .context import Context, Span
from .org_candidates import listed_items
from .org_names import title_case_line
from .orgs import OrgEntity

# An organisation introduced by one of these is not a signatory in that sentence (the lexicon's non_party_before).
NON_PARTY_CUES = "|".join(rf"\b{re.escape(w)}" for w in load_json("lexicon.json")["non_party_before"])
_NON_PARTY_BEFORE = re.compile(rf"(?:{NON_PARTY_CUES})\s+(?:the\s+|its\s+|their\s+)?(?:\w+['’]s\s+)?$")
# "... also involves YS Chem as a lipid supplier": a named role other than signatory
_NON_PARTY_AFTER = re.compile(r"\s+as\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(supplier|investor|adviser|advisor|observer"
                              r"|sponsor|distributor|funder|witness|contractor|vendor|host)s?\b")
# "Hoshimi University's Center for iPS Organoid Research": the owner of the unit that signs
_OWNER_OF_UNIT = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){0,2}(?:Center|Centre|Institute|Laboratory|Lab|Department|Division|School"
                            r"|College|Hospital|Unit|Clinic|Faculty)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:in|of|to|with|by|from)\s+which\s+(?:the\s+)?\Z")
_REPORTED = re.compile(r"\b(?:announced|announces|said|says|reported|revealed|stated|confirmed)\b[^.;]{0,40}?\bthat\b")


def non_party_role(name: str, lexicon: dict[str, object]) -> str | None:
    """Why an organisation cannot be a party (regulator, venue, publisher, ...), if it cannot."""
    roles: dict[str, str] = lexicon["non_party_roles"]  # type: ignore[assignment]
    for role, pattern in roles.items():
        if re.search(pattern, name):
            return role
    for pattern in lexicon["non_party_patterns"]:  # type: ignore[attr-defined]
        if regex(pattern).search(name):
            return "other"
    return None


def organization_role(ctx: Context, entity: OrgEntity) -> str | None:
    """A non-party's role: from its name (regulator, venue, ...) or from 'X as a lipid supplier'."""
    role = non_party_role(entity.name, ctx.rules.lexicon)
    if role:
        return role
    for m in entity.mentions:
        said = _NON_PARTY_AFTER.match(ctx.masked, m.end)
        if said:
            return {"advisor": "adviser"}.get(said.group(1), said.group(1))
    return None


def agreement_sentences(ctx: Context) -> list[Span]:
    """Headline and body sentences that speak of an agreement, in text order (memoised per article: parties, type,
    status, terms and roles all read them)."""
    key = "agreement_sentences"
    if key not in ctx.memo:
        ctx.memo[key] = _agreement_sentences(ctx)
    return list(ctx.memo[key])  # type: ignore[call-overload]


def _agreement_sentences(ctx: Context) -> list[Span]:
    words = ctx.rules.lexicon["agreement_triggers"]  # "Signs", "Memorandum" in Title-Case headlines too
    if not ctx.english:  # "Lizenzvereinbarung", "accordo": see agreement_type_patterns
        words = f"{words}|{ctx.rules.lexicon['agreement_triggers_other_languages']}"
    trigger = regex(words, ignore_case=True)
    spans = list(ctx.sentences)
    if ctx.headline and ctx.headline not in spans:
        spans.insert(0, ctx.headline)
    return [s for s in sorted(set(spans)) if trigger.search(ctx.masked[s[0]:s[1]])]


def distinct_agreement_sentences(ctx: Context) -> list[Span]:
    """The agreement sentences without those that repeat an earlier one's text: a headline that is also the body's
    first sentence (a lead paragraph taken as the title) is one sentence, not two of the first three that name the
    deal's type (memoised per article: the rule type and the learned decision's features both read them)."""
    key = "distinct_agreement_sentences"
    if key not in ctx.memo:
        ctx.memo[key] = _distinct(ctx, agreement_sentences(ctx))
    return list(ctx.memo[key])  # type: ignore[call-overload]


def _distinct(ctx: Context, spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    texts: list[str] = []
    for span in spans:
        text = " ".join(ctx.masked[span[0]:span[1]].split())
        if any(text in seen for seen in texts):
            continue
        kept.append(span)
        texts.append(text)
    return kept


def _in_span(entity: OrgEntity, span: Span) -> list[Mention]:
    return [m for m in entity.mentions if span[0] <= m.start and m.end <= span[1]]


def only_reports(ctx: Context, entity: OrgEntity, entities: list[OrgEntity], span: Span) -> bool:
    """'The Foundation announced that A and B signed ...': ``entity`` is named only before the reported clause of
    ``span``, and that clause names two organisations of its own."""
    reported = _REPORTED.search(ctx.masked, span[0], span[1])
    if not reported or re.match(r"\s+(?:it|they|we|the company|the companies)\b", ctx.masked[reported.end():span[1]],
                                re.IGNORECASE):
        return False
    # "..., in which Halden has invested, has signed": a relative clause about another organisation names the
    # announcer without making it a signatory
    mine = [m for m in _in_span(entity, span) if not _RELATIVE_BEFORE.search(ctx.masked, max(span[0], m.start - 30), m.start)]
    inside = [e for e in entities if e is not entity and any(m.start >= reported.end() for m in _in_span(e, span))]
    return bool(mine) and all(m.end <= reported.start() for m in mine) and len(inside) >= 2


def named_as_outlet(ctx: Context, entity: OrgEntity) -> bool:
    """'a spokesman told BioWorld', 'in an interview with the Ostvik Herald': an organisation named only as the outlet
    someone spoke to is the publisher of the story, not a party to the deal it reports."""
    cue = regex(ctx.rules.lexicon["outlet_cue"], ignore_case=True)
    return bool(entity.mentions) and all(cue.search(ctx.masked, max(0, m.start - 40), m.start) for m in entity.mentions)


def owns_a_unit(ctx: Context, entity: OrgEntity) -> bool:
    """'Hoshimi University's Center for iPS Organoid Research ...': named as the owner of a unit that signs."""
    return any(_OWNER_OF_UNIT.match(ctx.masked, m.end) for m in entity.mentions)


def _eligible(ctx: Context, entity: OrgEntity, span: Span) -> bool:
    if non_party_role(entity.name, ctx.rules.lexicon):
        return False
    for m in _in_span(entity, span):
        before = ctx.masked[max(span[0], m.start - 40):m.start]
        after_ok = not _NON_PARTY_AFTER.match(ctx.masked, m.end, span[1]) and not _OWNER_OF_UNIT.match(ctx.masked, m.end, span[1])
        if not _NON_PARTY_BEFORE.search(before) and after_ok:
            return True
    return False


def listed_parties(ctx: Context, entities: list[OrgEntity]) -> list[OrgEntity]:
    """'The partners are:' followed by one list item per partner: the first organisation of each item."""
    found: list[OrgEntity] = []
    for line, _ in listed_items(ctx):
        first = min((e for e in entities if _in_span(e, line)), key=lambda e: _in_span(e, line)[0].start, default=None)
        if first and first not in found:
            found.append(first)
    return found


def select_parties(ctx: Context, entities: list[OrgEntity]) -> list[OrgEntity]:
    """Signatories: organisations of the first agreement sentences that name two or more eligible ones."""
    listed = listed_parties(ctx, entities)
    if len(listed) >= 2:
        return listed
    chosen: list[OrgEntity] = []
    for span in agreement_sentences(ctx)[:6]:
        here = [e for e in entities if _in_span(e, span) and _eligible(ctx, e, span)]
        if title_case_line(ctx.masked, span[0]):
            # a Title-Case headline's capitalised phrases must name someone in the body too
            here = [e for e in here if len(_in_span(e, span)) < len(e.mentions)]
        here.sort(key=lambda e: _in_span(e, span)[0].start)
        # "The Foundation announced that A and B signed ...": the announcer is no party when the
        # reported clause names two organisations of its own.
        reported = _REPORTED.search(ctx.masked, span[0], span[1])
        if reported and not re.match(r"\s+(?:it|they|we|the company|the companies)\b", ctx.masked[reported.end():span[1]],
                                     re.IGNORECASE):
            inside = [e for e in here if any(m.start >= reported.end() for m in _in_span(e, span))]
            if len(inside) >= 2:
                here = inside
        for entity in here:
            if entity not in chosen:
                chosen.append(entity)
        if len(chosen) >= 2 and span != ctx.headline:
            break
    return chosen if len(chosen) >= 2 else []


def agreement_type_patterns(ctx: Context) -> list[tuple[str, re.Pattern[str]]]:
    """The vocabulary's agreement types in precedence order, matched regardless of case ("Signs License Agreement"),
    with the deal words of other languages in an article not written in English (only there: their unanchored
    compound endings, such as German "...lizenz", would slow every English article)."""
    other = {} if ctx.english else ctx.rules.lexicon["agreement_types_other_languages"]
    return [(name, regex(f"{pattern}|{other[name]}" if name in other else pattern, ignore_case=True))
            for name, pattern in ctx.rules.lexicon["agreement_types"]]


def agreement_type(ctx: Context, parties: list[OrgEntity]) -> tuple[str | None, list[Mention]]:
    """The agreement type named nearest the signing, by the vocabulary's precedence (None without two parties)."""
    if len(parties) < 2:
        return None, []
    return named_type(ctx)


def named_type(ctx: Context, only: str | None = None) -> tuple[str, list[Mention]]:
    """The type the first agreement sentences name ("other" when they name none), or where they name ``only``
    (memoised per article: the rule type, the learned decision and the agreement's mentions all ask)."""
    key = ("named_type", only)
    if key not in ctx.memo:
        ctx.memo[key] = _named_type(ctx, only)
    found: tuple[str, list[Mention]] = ctx.memo[key]  # type: ignore[assignment]
    return found[0], list(found[1])


def precursor(ctx: Context, text: str, start: int, end: int) -> bool:
    """Whether the agreement word at ``text[start:end]`` names a precursor of the announced deal ("follows a
    memorandum of understanding signed in May", "the final contract for a letter of intent announced in June last
    year"): an earlier agreement, whose type is not the deal's (the licence or supply contract signed now is)."""
    not_this = ctx.rules.lexicon["type_not_this_deal"]
    return bool(regex(not_this["precursor_before"], ignore_case=True).search(text[max(0, start - 40):start])
                or regex(not_this["earlier_agreement_after"]).match(text[end:end + 80]))


def _named_type(ctx: Context, only: str | None) -> tuple[str, list[Mention]]:
    types = [(name, rx) for name, rx in agreement_type_patterns(ctx) if only in (None, name)]
    sentences = distinct_agreement_sentences(ctx)
    # The headline and the first agreement sentences of the body decide; MOU wording anywhere settles
    # a vague "business agreement".
    order = [name for name, _ in types]
    hits = []
    not_this = ctx.rules.lexicon["type_not_this_deal"]
    earlier, option_to = regex(not_this["earlier_agreement_before"], ignore_case=True), regex(not_this["option_or_right_before"])
    license_option = regex(not_this["license_option"], ignore_case=True)
    amended = regex(not_this["amended_before"], ignore_case=True)
    names_other, before_other = regex(not_this["investment_names_other"]), regex(not_this["investment_before_other"])
    after_collaboration = regex(not_this["license_after_collaboration"], ignore_case=True)
    as_term = regex(not_this["investment_as_term"], ignore_case=True)
    for span in sentences[:3]:
        text = ctx.masked[span[0]:span[1]]
        for name, rx in types:
            for m in rx.finditer(text):
                # "expands a 2023 memorandum", "builds on an earlier MOU": an earlier agreement, not this one
                # but "amend their 2013 licence agreement": an amendment takes the amended agreement's type (GOLD.md)
                before = text[max(0, m.start() - 40):m.start()]
                if (earlier.search(before) and not amended.search(before)) or precursor(ctx, text, m.start(), m.end()):
                    continue
                # "an option to exclusively license resulting programs" is a term of the deal, not its kind
                if name == "license" and option_to.search(text[max(0, m.start() - 40):m.start()]):
                    continue
                # "a licensing option agreement", "should it exercise a license option": the same option, named by a noun
                if name == "license" and any(o.start() <= m.start() < o.end() for o in license_option.finditer(text)):
                    continue
                # "a collaboration and license agreement": a collaboration that grants a licence, named by its first word
                if name == "license" and after_collaboration.search(text[max(0, m.start() - 20):m.start()]):
                    continue
                # "Under the pact, Ostvik will receive an upfront payment and an equity investment": a term of the deal
                if name == "investment" and as_term.search(text):
                    continue
                # "the Minister of Investment", "its technology investment arm", "in which X has invested": an
                # office, a description of an investor, an earlier stake; the deal is the agreement named beside it
                if name == "investment" and (names_other.match(text, m.end()) or before_other.search(text[max(0, m.start() - 60):m.start()])):
                    continue
                hits.append((order.index(name), span[0] + m.start(), span[0] + m.end(), name))
                break
    if not hits:
        return "other", []
    _, start, end, name = min(hits)
    if only is None and name != "mou" and re.search(r"\bbusiness agreement\b", ctx.masked, re.IGNORECASE) \
            and re.search(r"\b(MOU|MoU)\b", ctx.masked):
        name = "mou"
    return name, [ctx.mention(start, end)]


_MONTHS_DAYS = re.compile(r"^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December"
                          r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|H[12])\b")


def agreement_status(ctx: Context, kind: str, signed_on: str | None) -> str:
    """terminated, amended or planned when the first agreement sentences say so; else signed.

    "A collaboration expands a 2023 memorandum" amends the memorandum but signs a new collaboration:
    an amendment counts only when the amended agreement is of the announced type.
    """
    act = news_act(ctx, kind)
    if act is not None:
        return act
    texts = [ctx.masked[s:e] for s, e in agreement_sentences(ctx)[:2]]
    if signed_on is None and any(re.search(ctx.rules.lexicon["status_cues"]["planned"], t, re.IGNORECASE) for t in texts):
        return "planned"
    return "signed"


def news_act(ctx: Context, kind: str) -> str | None:
    """'terminated' or 'amended' when the first agreement sentences end or amend a deal of the announced type, else
    None (memoised per article: the dates read it before the status does)."""
    key = f"news_act:{kind}"
    if key not in ctx.memo:
        ctx.memo[key] = _news_act(ctx, kind)
    return ctx.memo[key]  # type: ignore[return-value]


def _news_act(ctx: Context, kind: str) -> str | None:
    cues = ctx.rules.lexicon["status_cues"]
    types = agreement_type_patterns(ctx)
    texts = [ctx.masked[s:e] for s, e in agreement_sentences(ctx)[:4]]
    if any(re.search(cues["terminated"], t, re.IGNORECASE) for t in texts):
        return "terminated"
    for text in texts:
        for m in re.finditer(cues["amended"], text, re.IGNORECASE):
            amended = next((name for name, rx in types if rx.search(text, m.start(), m.end() + 30)), kind)
            if amended == kind:
                return "amended"
    return None


def signing_venue(ctx: Context) -> Mention | None:
    """Where the signing took place: 'signed ... at the hospital's Global Conference Hall', 'signed in Mumbai'.

    An "at" place wins over an "in" place; an "in" place must be a place name the NER knows (not "in Cell-based").
    """
    cue = regex(ctx.rules.lexicon["venue_cue"])
    places = {(e.start_char, e.text) for e in ctx.ents if e.label_ in ("GPE", "LOC", "FAC")}
    candidates: list[tuple[int, int, int]] = []
    for start, end in ctx.sentences[:60]:
        for m in cue.finditer(ctx.masked, start, end):
            venue = re.sub(r"(?:\s+(?:of|and|&|de|the|in))+$", "", m.group(2).strip()).rstrip(".")
            if _MONTHS_DAYS.match(venue) or len(venue) < 3:
                continue
            at = m.group(1) == "at"
            if not at and not any(p == m.start(2) and venue.startswith(t) for p, t in places):
                continue
            candidates.append((0 if at else 1, m.start(2), m.start(2) + len(venue)))
    if not candidates:
        return None
    _, start, end = min(candidates)
    return ctx.mention(start, end)
