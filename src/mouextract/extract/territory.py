"""Territory: the regions a deal's rights are granted in or kept out of, and their exclusivity."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..models import Mention, Territory
from ..resources import compiled, regex
from .context import Context, Span
from .deal_cues import literal_trie, region_groups, term_cues
from .deptree import has_parse, head_of, tokens_in
from .salience import in_boilerplate
from .spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .orgs import OrgEntity


@cache
def _region_table() -> dict[str, list[str]]:
    """Surface name -> ISO alpha-2 codes, EU or WORLD: pycountry's names plus regions.json's forms and groups."""
    import pycountry

    table: dict[str, list[str]] = {}
    heads: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                table[name] = [c.alpha_2]
            elif name:  # "Palestine, State of" is written "Palestine"; "Virgin Islands, British/U.S." is two places
                heads.setdefault(name.split(",")[0], set()).add(c.alpha_2)
    for head, codes in heads.items():
        if len(codes) == 1 and head not in table:
            table[head] = sorted(codes)
    regions = region_groups()
    table.update({k: list(v) for k, v in regions["aliases"].items() if not k.startswith("_")})
    table.update({k: list(v) for k, v in regions["groups"].items() if not k.startswith("_")})
    for w in regions["world"]:
        table[w] = ["WORLD"]
    return table


# words of a state's formal name: "Republic of Kenya" signs as a government, "Kenya" names a place
_STATE_WORDS = re.compile(r"\b(?:Republic|Kingdom|State|States|Government|Federation|Commonwealth|Emirates)\b")


def place_name(name: str) -> bool:
    """Whether an organisation candidate's whole name is a country's or region's short name ("South Korea",
    "Hong Kong", "the Nordics"): a place the deal concerns, not a signatory."""
    return name in _region_table() and not _STATE_WORDS.search(name)


@cache
def region_re() -> re.Pattern[str]:
    return compiled(r"(?<![\w-])(?:ex-)?(?:" + literal_trie(_region_table()) + r")(?![\w-])")


@cache
def _demonym_table() -> dict[str, list[str]]:
    """Adjective of a place -> its codes ("Japanese" -> JP, "North American" -> US, CA)."""
    table = _region_table()
    return {k: table[v] for k, v in region_groups()["demonyms"].items() if v in table}


@cache
def _demonym_re() -> re.Pattern[str]:
    """A place's adjective only where it qualifies rights, a market or a territory, alone or in a list ("North
    American and Japanese rights", "for the Chinese market"): elsewhere ("a Chinese biotech") it names no territory."""
    names = literal_trie(_demonym_table())
    return re.compile(rf"(?<![\w-])(?:{names})(?=(?:,?\s+(?:and\s+|or\s+)?(?:{names}))*\s+(?:(?:commercial|exclusive|marketing|distribution)\s+)?"
                      r"(?:rights|markets?\b|territor|licen[cs]e))")


def _region_matches(text: str) -> list[re.Match[str]]:
    return sorted([*region_re().finditer(text), *_demonym_re().finditer(text)], key=lambda m: m.start())


# "Ostvik Pharmaceuticals (OP) of the UK": where a named company is from ("the Kingdom of ..." and the like are places)
_NAME_OF = re.compile(r"(?:\b(?!(?:Republic|Kingdom|State|States|Commonwealth|Federation|Emirates|Union)\b)[A-Z][\w&.-]*|\))\s+of\s+(?:the\s+)?$")


_MONTH = (r"January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def _region_use(ctx: Context, s: int, e: int, sent: Span, world: bool, tied: bool = False) -> bool:
    """Whether a region mention states where rights apply ("rights in Japan", "outside Greater China",
    "worldwide licence"), not where a company sits ("UK-based", "US biotech firm", "WUXI, China")."""
    rights = regex(term_cues()["territory_cues"], True)
    before = ctx.masked[max(sent[0], s - 150):s]
    after = ctx.masked[e:min(sent[1], e + 40)]
    if re.match(r"(?:-based|-headquartered|['’]s\b|\s+(?:based|headquartered)"
                # "International and China President", "Korea General Manager": a job title, no territory
                r"|\s+(?:President|Vice\s+President|CEO|Chairman|Chairwoman|(?:Managing\s+)?Director|Head|(?:General\s+|Country\s+)?Manager"
                r"|Chief\s+\w+\s+Officer)\b"
                rf"|,\s+(?:{_MONTH})\b"
                # "signed ... in Hainan, China on August 20": where and when a signing took place, no territory
                rf"|,?\s+on\s+(?:(?:{_WEEKDAY}),?\s+)?(?:{_MONTH}|{_WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+)\b)", after) \
            or re.search(r"(?:based|headquartered|located|listed|incorporated|offices?|founded|site|facility|plant|operations"
                         # "has obtained marketing approvals in Taiwan": where a product is approved, whatever the parse hangs 'in' on
                         r"|approvals?|authori[sz]ations?|clearances?)\s+in\s+(?:\w+,?\s+)?$"
                         r"|(?:approvals?|authori[sz]ations?|clearances?)\s+in\s+(?:(?:[A-Z][\w.-]*|mainland|and|or)[,\s]+){0,6}$"
                         r"|[A-Z]{3,}[A-Z .]*,\s*$", before) or _NAME_OF.search(before):
        return False
    if _STANDING.search(before) and re.match(r"\s+(?:pharmaceutical\s+|drug\s+|healthcare\s+)?markets?\b", after) \
            or _PAST_ENTRY.match(after) and re.search(r"\b(?:entered|entry\s+into)\s+(?:the\s+)?$", before):
        return False
    if ctx.masked[s:s + 3].lower() == "ex-":  # "an ex-U.S. licensing agreement", "ex-US regulatory and commercial rights": rights outside it
        return bool(_DEAL_WORDS.search(ctx.masked, sent[0], sent[1]))
    # (or the parse ties the region to a rights word further back than the window reaches: "exclusive rights to X for
    # the treatment of MS worldwide and certain diseases outside of China")
    near = rights.search(before) or rights.match(after.lstrip(" ,")) or re.match(r"\s*(?:\w+\s+){0,2}(?:rights|territor|licen)", after) \
        or _DEAL_OUTSIDE.search(before) or tied and _RIGHTS_TIE.search(ctx.masked, sent[0], s)
    if world:  # "global" and "worldwide" count only beside rights words: "global rights", "commercialize worldwide"
        worldwide = not ctx.masked[s:e].lower().startswith("global")
        return bool(worldwide and tied and _RIGHTS_TIE.search(ctx.masked, sent[0], s) or re.match(r"[\s,-]*(?:[\w-]+,?\s+){0,4}?(?:rights|licen|territor|basis|commerciali[sz]|" + _FOREIGN_RIGHTS + ")", after, re.IGNORECASE)
                    or worldwide and re.match(r"\s+(?:exclusive\s+|non-exclusive\s+)?(?:collaboration|agreement|partnership|development)", after)
                    # "a global partnership outside the US", "under the global collaboration": the deal itself spans the world
                    # (not "global alliance efforts", a noun the partnership word modifies)
                    or re.match(r"\s+(?:(?:strategic|exclusive|research|development)\s+)?(?:collaboration|partnership|alliance)(?![\w-]|\s+(?!(?:and|to|with|for|"
                                r"between|outside|in|on|under|that|which|agreement|deal)\b)[a-z])", after)
                    # "for the global market"; "export to global markets" names where goods go, no rights
                    or re.search(r"\b(?:for|in|into)\s+(?:the\s+)?$", before) and re.match(r"\s+markets?\b", after)
                    or re.search(r"(?:rights|licen[cs]|commerciali[sz]|market|territor|sell|distribut)\w*\s+(?:(?!to\b)[\w-]+\s+){0,2}$", before,
                                 re.IGNORECASE)
                    # "i diritti su Velmora in tutti i mercati": a European release's rights word a few words back
                    or re.search(r"\b(?:" + _FOREIGN_RIGHTS + r")\w*\s+(?:[\w-]+\s+){0,3}$", before, re.IGNORECASE)  # "commercialize worldwide", not "out-licensing to global companies"
                    or _world_sales_paid(ctx, s, e)
                    or _THROUGHOUT.search(before) and bool(rights.search(ctx.masked, sent[0], s)))
    if not near:
        return False
    # a region used as an adjective of another noun ("US generics", "USA drug development") names no territory
    if re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:and|or|only|excluding|except|including|rights|markets?|territor\w*|regions?|as|through|for|to|by"
                                                    r"|under|with|in|upon|og|och|und|et|e|y|oder|ou|o|eller)\b", after) and _modifies_next(ctx, s, e):
        return False
    # "Kanagawa Prefecture of Japan" is a place name; "outside of Japan" a territory
    # (a quantifier between the preposition and the region keeps it one: "in both China and ...", "supply all of Latin
    # America", "with the exception of Brazil")
    return bool(re.search(r"\b(?:in|for|across|throughout|to|outside|outside of|except|excluding|including|within|covering|and|or|ex|the|other than|plus|"
                          r"mainland|into|both|all of|exception of"
                          # (and the prepositions and articles of European releases: "eccetto gli Stati Uniti", "undtagen i Norden")
                          r"|gli|nei|negli|nel|im|dans|aux|au|en|los|las|i|på|til|og|och|und|et|y|e)\s*,?\s*$|[,/:]\s*$", before[-25:]) or re.match(r"\s*(?:rights|territor|markets?|regions?)", after))


# a market named as a company's standing, not as where the deal's rights run: "commitment to the Japanese market",
# "in-depth knowledge of the Japanese market", "the ninth largest company by prescriptions in the US market"
_STANDING = re.compile(r"\b(?:commitment|committed|knowledge|understanding|know-how|expertise|experience|presence|position|insights?|familiarity"
                       r"|leadership|(?:largest|biggest|leading|top)\b[^.;]{0,60}?)\s+(?:of|to|in|into|on|with)\s+(?:the\s+)?$", re.IGNORECASE)
# "entered the Japanese market in the year 2002": an entry long past
_PAST_ENTRY = re.compile(r"\s+markets?\s+in\s+(?:the\s+year\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


# rights and licence words of German, French, Italian, Spanish and Nordic releases ("Exklusivrechte", "diritti",
# "kommercialiseringsret", "rettigheder", "rättigheter")
_FOREIGN_RIGHTS = r"\w*rechte?\b|diritt[io]|droits?|derechos?|\w*rettighed|\w*rättighet|\w+sret\b|eneret|lizen[sz]|licenz|licencia"


# rights the deal grants ("exclusive rights", "commercial rights") earlier in the sentence, which the parse ties a region to
_RIGHTS_TIE = re.compile(r"\b(?:exclusive|sole|commercial(?:ization|isation)?)\s+(?:[\w-]+\s+){0,2}?rights?\b", re.IGNORECASE)


# royalties or sales milestones on the world's sales ("royalties based upon worldwide net sales", "global sales milestones"):
# the partner sells the product everywhere, so its rights span the world (not "its global sales grew", no payment on them)
_ROYALTY_ON = re.compile(r"\broyalt\w*\s+(?:[\w-]+\s+){0,6}?(?:on|upon|of|from|based\s+(?:up)?on|tied\s+to|linked\s+to)\s+(?:the\s+|its\s+|their\s+)?$",
                         re.IGNORECASE)
_SALES = re.compile(r"\s+(?:annual\s+)?(?:net\s+)?(?:sales|revenues?)\b", re.IGNORECASE)
_SALES_MILESTONES = re.compile(r"\s+(?:annual\s+)?(?:net\s+)?sales[- ](?:based\s+|related\s+)?milestones?\b", re.IGNORECASE)


def _world_sales_paid(ctx: Context, s: int, e: int) -> bool:
    """Whether a world word qualifies the sales royalties or milestones are paid on ("royalties on worldwide net sales")."""
    return bool(_ROYALTY_ON.search(ctx.masked, max(0, s - 80), s) and _SALES.match(ctx.masked, e) or _SALES_MILESTONES.match(ctx.masked, e))


# a licence's legal reach written out ("an exclusive license to its technology ... throughout the world / the universe")
_THROUGHOUT = re.compile(r"\bthroughout\s+$", re.IGNORECASE)


_DEAL_WORDS = re.compile(r"\b(?:rights?|licen[cs]\w*|commerciali[sz]\w*|agreements?|deals?|partnerships?|collaborations?|territor\w*)\b", re.IGNORECASE)
# a deal bounded by what it leaves out ("a global partnership outside the U.S.", "the collaboration excluding Japan")
_DEAL_OUTSIDE = re.compile(r"\b(?:partnerships?|collaborations?|agreements?|deals?|alliances?|contracts?)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:outside|except|excluding|other than)(?:\s+of)?\s+(?:the\s+)?$", re.IGNORECASE)


def _punctuated(ctx: Context, s: int, e: int) -> Span:
    """The sentence around a span by its punctuation alone: the English parser splits a German or Danish sentence
    before its capitalised nouns ("die weltweiten | Exklusivrechte")."""
    start = max((m.end() for m in re.finditer(r"[.;!?]\s", ctx.masked[max(0, s - 400):s])), default=0) + max(0, s - 400)
    stop = re.search(r"[.;!?](?:\s|$)", ctx.masked[e:e + 400])
    return start, e + stop.start() if stop else min(len(ctx.masked), e + 400)


def _modifies_next(ctx: Context, s: int, e: int) -> bool:
    """Whether a region followed by a lower-case word may modify it ("US generics", "USA drug development"): unless
    that word is a verb or an auxiliary ("delivery to New Zealand could begin ...", "sales in Japan are ..."), which
    leaves the region a place of its own. Without a parse every such word counts as a noun."""
    if not has_parse(ctx.doc):
        return True
    nxt = next((t for t in ctx.doc[max(0, (tokens_in(ctx.doc, s, e) or [ctx.doc[0]])[-1].i):] if t.idx >= e and not t.is_space), None)
    # ("following", "pending" and the like are prepositions the tagger reads as participles: "launch in the US following approval")
    return nxt is None or not nxt.tag_.startswith(("VB", "MD")) or nxt.lower_ in _PREPOSITION_LIKE


_PREPOSITION_LIKE = frozenset({"following", "pending", "according", "regarding", "concerning", "excluding", "including", "during", "given"})


@cache
def _tie_res() -> tuple[re.Pattern[str], ...]:
    tc = term_cues()["territory_parse"]
    return tuple(re.compile(rf"(?:{tc[k]})", re.IGNORECASE) for k in ("heads", "blockers", "options", "covers", "deal_nouns"))


def _tie(ctx: Context, s: int, e: int) -> bool | None:
    """Whether the parse lets a region stand as a rights territory. Climbing from the region, the first word of
    rights, licence, commercialisation, distribution or supply ("rights in Japan", "commercialize X in Korea",
    "the China market") ties it; a word of place, regulation or business first ("approved in Europe", "based in
    Boston", "a focus on North America", "sites in India") unties it, and so does an option to take rights back
    above it ("an option to recapture rights in the US"). A region naming part of a name or title ("China
    President", "Korea Institute") is none. True tied, False untied, None when neither is found (or there is no
    parse): then the text patterns decide."""
    if not has_parse(ctx.doc):
        return None
    toks = tokens_in(ctx.doc, s, e)
    root = head_of(toks)
    if root is None:
        return None
    heads, blockers, option, covers, deal = _tie_res()
    if root.dep_ == "compound" and root.head.tag_ in ("NNP", "NNPS") and not heads.fullmatch(root.head.lower_) \
            and root.head.i == toks[-1].i + 1 and "\n" not in ctx.masked[e:root.head.idx]:
        return False  # (the name's next word on the same line: list lines run together parse as one phrase)
    world = _region_table().get(ctx.masked[s:e]) == ["WORLD"]
    if world and (_world_sales_paid(ctx, s, e) or _THROUGHOUT.search(ctx.masked, max(0, s - 20), s)):
        return None  # "royalties based upon worldwide net sales", "throughout the universe": the text patterns read these
    if root.dep_ == "amod" and not heads.fullmatch(root.head.lower_) and root.head.lower_ != "development" and not any(
            c.dep_ in ("compound", "amod") and heads.fullmatch(c.lower_) for c in root.head.children) \
            and not (world and deal.fullmatch(root.head.lower_)):  # "a global partnership": _region_use reads the deal noun
        return False  # "a global pharmaceutical company", "global leader": no rights ("global development" is a responsibility)
    inside = {t.i for t in toks}
    tied = False
    hops = 0
    for anc in root.ancestors:
        if anc.i in inside:
            continue
        if tied:
            if option.fullmatch(anc.lower_):
                return False  # rights the licensor may take back ("an option to recapture rights in the US")
            continue
        if anc.dep_ in ("appos", "relcl") and anc.head.tag_ in ("NNP", "NNPS"):
            return False  # "X, a leading company in China, ...", "X, which sells in 40 countries, ...": a description of X
        if anc.lower_.startswith("licen") and anc.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in anc.children) \
                and not any(c.dep_ == "nsubjpass" and heads.fullmatch(c.lower_) for c in anc.children):
            return False  # "the vaccine is already licensed in India": a product approved there, no rights granted
        if anc.tag_.startswith("NN") and (any(c.dep_ == "amod" and c.tag_ == "JJS" for c in anc.children)
                                          or anc.dep_ == "nsubj" and any(c.dep_ == "acomp" for c in anc.head.children)):
            # a ranking's scope ("the second-largest market in the world after the US", "the largest drugmaker in
            # France") or a market described ("the Taiwanese market is rather small"): where things stand, no rights
            return False
        # a conjunct with its own subject is another clause ("B will commercialize X, and A will run trials in the US")
        conjuncts = [w for w in anc.conjuncts if not (_has_subject(anc) or _has_subject(w))]
        if any(heads.fullmatch(w.lower_) for w in (anc, *conjuncts)) \
                or any(c.dep_ in ("compound", "amod") and heads.fullmatch(c.lower_) for c in anc.children) \
                or covers.fullmatch(anc.lower_) and any(c.dep_ == "nsubj" and (heads.fullmatch(c.lower_) or deal.fullmatch(c.lower_))
                                                        for c in anc.children):
            # "develop and commercialize in X", "sales and marketing in X" (a conjunct); "a worldwide licence agreement"
            # (a modifier); "the licence covers X", "the territory includes X" (what a deal noun covers)
            tied = True
            continue
        if blockers.fullmatch(anc.lower_) or option.fullmatch(anc.lower_):
            return False
        if anc.dep_ == "conj" and anc.tag_.startswith("VB") and _has_subject(anc):
            return False  # a clause of its own, with another verb ("..., and A will run trials in the US")
        # prepositions and the other members of a list ("Japan, China, Korea and India") are no steps of their own
        if anc.tag_ not in ("IN", "TO") and not (anc.tag_ == "NNP" and any(c.dep_ == "conj" for c in anc.children)):
            hops += 1
        if hops > 4:
            break
    return tied or None


def _other_deal(ctx: Context, start: int, sent: Span) -> bool:
    """Whether the words before a region name an earlier or another agreement ("under a previous licence, ... rights in
    Japan"): its territory is that deal's."""
    if ctx.in_headline(start):
        return False
    bg = term_cues()["background_money"]
    # a sentence opening on another or a former arrangement ("In a separate agreement, ...", "Prior to today, the
    # companies co-commercialized it in the US"): its regions are not this deal's
    opening = regex(term_cues()["territory_parse"]["other_deal_opening"], True)
    return bool(regex(bg["other_deal_before"], True).search(ctx.masked[max(sent[0], start - 160):start])
                or opening.search(ctx.masked[sent[0]:start]))


def _non_party_subject(ctx: Context, start: int, end: int, party_index: SpanIndex) -> bool:
    """Whether the clause a region sits in has an organisation for subject that is no party ("Sakuragi holds the rights in
    Japan", "Medra, another partner, sells it in Europe"): another company's territory, not this deal's."""
    if not has_parse(ctx.doc):
        return False
    root = head_of(tokens_in(ctx.doc, start, end))
    # the nearest verb with a subject: a participle without one takes its clause's ("Kelvaro has partnered with
    # Norvane, gaining rights outside China": Kelvaro's)
    subject = verb = None
    for a in root.ancestors if root is not None else []:
        if not a.tag_.startswith(("VB", "MD")):
            continue
        verb, subject = a, next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or a.dep_ not in ("advcl", "xcomp", "acl"):
            break
    # "it signed an agreement with Singapore's EDEC giving it worldwide rights": the deal of that verb is with a
    # company that is no party, so another deal
    deal = _tie_res()[4]
    partners = [p for o in (verb.children if verb is not None else []) if o.dep_ == "dobj" and deal.fullmatch(o.lower_)
                for w in o.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
    if partners and all(_outsider(ctx, p, party_index) for p in partners):
        return True
    return subject is not None and _outsider(ctx, subject, party_index)


def _outsider(ctx: Context, token: Token, party_index: SpanIndex) -> bool:
    """Whether a token names an organisation that is no party: an organisation, or a proper name the NER left untyped
    ("Kelvaro of Japan has partnered ..."). (The pipeline tags, it does not set pos_.)"""
    if token.ent_type_ not in ("ORG", "") or token.tag_ not in ("NNP", "NNPS"):
        return False
    ent = next((e for e in ctx.ents if e.start <= token.i < e.end), None)
    s, e = (ent.start_char, ent.end_char) if ent is not None else (token.idx, token.idx + len(token))
    return not party_index.overlaps(s, e)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


# between a region and its members: an abbreviation in brackets, a region noun, then "including" or the like
_MEMBERS = re.compile(r"\s*(?:\([\"“]?[\w.]+[\"”]?\)\s*)?(?:(?:rights|region|territory|area)\s*)?[\s,(]*(?:including|includes|comprising|namely)"
                      r"\s+(?:the\s+)?", re.IGNORECASE)
# rights kept to share in the partner's selling ("retain co-promotion rights in certain countries including France")
_SHARED_RIGHTS = re.compile(r"\b(?:retain|keep|reserv)\w*\s+(?:[^.;]{0,80}?\s)?co-?(?:promot\w*|commerciali[sz]\w*)\s+rights?\s+(?:in|for)\s+"
                            r"(?:the\s+)?(?:[\w-]+,?\s+){0,5}?$", re.IGNORECASE)
# the words after an exclusion cue that end on a preposition before the region: "excluding prostate cancer in"
_EXCLUDES_OTHER = re.compile(r"\s+(?:[\w'’-]+\s+){1,5}?(?:in|for)\s+(?:the\s+)?", re.IGNORECASE)
# ... unless those words are rights or places themselves ("excluding the rights in Japan" leaves Japan out)
_RIGHTS_WORDS = re.compile(r"\b(?:rights?|territor\w*|countr\w*|regions?|markets?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b")  # the clause a region sits in starts after the last of these


def territory(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> Territory | None:
    """Regions granted and excluded in the deal's rights sentences, and whether the rights are exclusive.

    In an MOU only rights words make a territory: "to promote research in Korea" grants nothing."""
    strong = kind == "mou"
    excl = regex(rf"(?:{term_cues()['territory_excluded']})", True)
    party_spans = [(m.start, m.end) for p in parties for m in p.mentions]
    table = _region_table()
    granted: list[str] = []
    excluded: list[str] = []
    mentions: list[Mention] = []
    implied_world = firm_world = False
    last_codes: list[str] = []
    last_side = ""
    party_index, named = SpanIndex(party_spans), set(party_spans)
    demonyms = _demonym_table()
    for m in _region_matches(ctx.masked):
        s, e = m.start(), m.end()
        if in_boilerplate(ctx, s) or ctx.is_noise(s, e) or any(not re.search(r"\b(?:for|in)\s+$", ctx.masked[ps:s])
                                                                for ps, pe in party_index.covering(s, e) + ([(s, e)] if (s, e) in named else [])):
            continue  # "Halden Malaysia" is a name; a region after "for" inside an over-long name is still a territory
        name = m.group(0)
        is_ex = name.startswith("ex-")
        codes = table.get(name[3:] if is_ex else name, demonyms.get(name, []))
        sent = ctx.sentence_of(s) if ctx.english else _punctuated(ctx, s, e)
        # the next member of a list, or the exception closing it ("..., Algeria and Tunisia, excluding Israel"): the
        # list's rights word may stand further back than the text window reaches
        listed = bool(mentions) and re.fullmatch(r"[\s,]*(?:and|or|as well as|&|og|och|und|et|e|y|(?:but\s+)?(?:excluding|except(?:\s+for)?|other than))?[\s,]*"
                                                 r"(?:the\s+)?(?:\d+\s+)?", ctx.masked[mentions[-1].end:s])
        # the members of the region just named ("the PRC region (including Hong Kong ...)", "China, including Macau");
        # after "worldwide" or "global rights" they add nothing ("global rights (including China)" is the world)
        member = bool(mentions) and _MEMBERS.fullmatch(ctx.masked[mentions[-1].end:s])
        if member and last_codes == ["WORLD"]:
            continue
        listed = listed or member
        tie = (_tie(ctx, s, e) if ctx.english else None) if codes else False  # (the English parse of another language ties nothing)
        if not codes or tie is False or not (listed or _region_use(ctx, s, e, sent, codes == ["WORLD"], tie is True)):
            continue
        if _other_deal(ctx, s, sent) or party_spans and _non_party_subject(ctx, s, e, party_index):
            continue
        if strong and not re.search(r"\b(?:rights?|licen[cs]\w*|territor\w*|exclusive\w*)\b", ctx.masked[sent[0]:sent[1]], re.IGNORECASE):
            continue
        before = ctx.masked[max(sent[0], s - 70):s]
        if re.search(r"\b(?:in|inside|within)\s+and\s+outside(?:\s+of)?\s+(?:the\s+)?$", before, re.IGNORECASE):
            continue  # "in and outside Japan" bounds nothing
        if regex(term_cues()["territory_parse"]["some_of"], True).search(before):
            continue  # "a number of countries in Southeast Asia": some members of a group, unnamed, not the group
        clause = _CLAUSE_BREAK.split(before)[-1]
        whole = _CLAUSE_BREAK.split(ctx.masked[sent[0]:s])[-1]
        retain = re.search(r"\b(?:retain|keep|reserv)\w*", whole, re.IGNORECASE)
        outside = list(re.finditer(r"\b(?:outside|except|excluding|other than)\b", whole, re.IGNORECASE))
        if retain and outside:
            # "Corvida will retain all rights outside of China": the partner gets China; "..., including the USA": kept
            if codes != ["WORLD"]:
                kept = bool(re.search(r"\bincluding\b", whole[outside[-1].end():], re.IGNORECASE))
                (excluded if kept else granted).extend(codes)
                mentions.append(ctx.mention(s, e))
            continue
        if _SHARED_RIGHTS.search(ctx.masked[max(0, s - 150):s]):
            continue  # "A retains co-promotion rights in Belgium": a share in the other side's rights bounds neither side
        cues = list(excl.finditer(clause))
        left_out = bool(cues)
        if cues and _EXCLUDES_OTHER.fullmatch(clause[cues[-1].end():]) and not _RIGHTS_WORDS.search(clause[cues[-1].end():]):
            left_out = False  # "rights excluding prostate cancer in Korea": what is left out is an indication, not the region
        if listed and not member and last_side and not excl.search(ctx.masked[mentions[-1].end:s]):
            # the next member of a list keeps the side of the one before ("retaining rights in China and [line break] South
            # Korea"), however far back its cue stands
            left_out = last_side == "excluded"
        if is_ex:
            excluded.extend(codes)
            implied_world = True
        elif left_out:
            if codes == ["WORLD"]:
                continue  # "retain rights globally outside of ...": the world is never excluded
            excluded.extend(codes)
            # "worldwide except Japan"; "A retains the rights in Japan": the partner has the rest of the world
            if re.search(r"except|excluding|outside|other than|exception|apart from|not including|retain|keep|reserv", clause, re.IGNORECASE):
                implied_world = True
        else:
            granted.extend(codes)
            if codes == ["WORLD"] and re.match(r"[\s,-]*(?:[\w-]+\s+){0,2}?(?:rights|licen)", ctx.masked[e:e + 40], re.IGNORECASE):
                firm_world = True
        mentions.append(ctx.mention(s, e))
        last_codes = codes
        last_side = "excluded" if is_ex or left_out else "granted"
    if implied_world and not granted:
        granted = ["WORLD"]
    if "WORLD" in granted and len(set(granted)) > 1 and not excluded and not firm_world:
        granted = [c for c in granted if c != "WORLD"]  # "for the Chinese market and globally" beside named countries: the countries
    exclusive = _exclusive(ctx)
    if not granted and not excluded and exclusive is None:
        return None
    granted = [c for c in dict.fromkeys(granted) if c not in excluded or c == "WORLD"]
    return Territory(granted=granted, excluded=list(dict.fromkeys(excluded)), exclusive=exclusive, mentions=mentions)


# (the lookahead of first letters lets the scan skip most positions at once; semi- and co-exclusive rights are shared)
_EXCLUSIVE = re.compile(r"(?=[nsce])\b(non-?\s?|semi-|co-)?exclusive(?:ly)?\b", re.IGNORECASE)


def _exclusive(ctx: Context) -> bool | None:
    """Whether the deal's rights are exclusive: the first 'exclusive' beside a rights word decides, or a European
    release's own word for exclusive rights ('die weltweiten Exklusivrechte', 'diritti esclusivi')."""
    foreign = regex(term_cues()["exclusive_rights_foreign"], True).search(ctx.masked)
    if foreign and not in_boilerplate(ctx, foreign.start()):
        return True
    rights = regex(r"\b(?:licen[cs]|rights?\b|distribut|commerciali[sz]|option|partner|agreement|collaboration|deal\b|contract)", True)
    for m in _EXCLUSIVE.finditer(ctx.masked):  # semi- and co-exclusive rights are shared
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        window = ctx.masked[m.start():m.end() + 60]
        if rights.search(window):
            return not m.group(1)
    return None
