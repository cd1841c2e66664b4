"""Organisation names: their shapes (legal suffixes, head words, coined company words), cleaning and kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..resources import compiled, load_json
from .deal_cues import literal_trie
from .textfind import whole_words

GENERIC_WORDS = {"the", "company", "group", "university", "hospital", "institute", "center", "centre", "foundation",
                 "medical", "bio", "pharma", "research", "clinical", "korea", "global", "international", "national",
                 "advanced", "new", "health", "science", "sciences", "and", "of", "for"}
_STOP_ORG = re.compile(
    r"^(?:MOU|MoU|LOI|GMP|CEO|CTO|CFO|COO|CMO|CSO|IND|BLA|NDA|CAR-T|AAV|NK|R&D|IR|PR|AI|JV|Phase \d.*|Series [A-F].*"
    r"|Text Size|Close|Top|Related.*|Home|Photo.*|Contact.*|Media.*|About.*|SOURCE.*|Forward-Looking.*"
    r"|Title|Headline|Subject|Summary|Date|Source|Reporter|Editor|Menu|Search|Share"
    # currency codes and plural title or deal words are no names ("KRW 44 billion", "Officers", "the JV")
    r"|KRW|USD|EUR|JPY|CNY|RMB|INR|GBP|CHF|SEK|DKK|NOK|AUD|CAD|SGD|HKD|TWD|Officers|Heads|Directors|Executives"
    r"|Memorand(?:um|a) of Understanding|Letters? of Intent|Term Sheet|Joint Venture)$"
)
_POSSESSIVE_PREFIX = re.compile(r"^(?:[A-Z][\w.-]*['’]s\s+)+")
# a title first is a person ("Governor Name", "Mayor Name"), not an organisation
_TITLE_PREFIX = re.compile(r"^(?:CEO|Chairman|President|Director|Professor|Prof\.|Dr\.?|Head|Governor|Mayor|Senator|Minister)\b")


def fold(text: str) -> str:
    """Case-, punctuation- and suffix-insensitive key of a name."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=4)
def legal_name_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True) if len(s) > 2 or s.isupper())
    return re.compile(
        # a place in parentheses inside the name: "Yunjing (Shanghai) Bioscience Co., Ltd.", "Harrowgate Whitcombe (China) Ltd"
        rf"\b(?:[A-Z][\w&'’.-]*\s+(?:\([A-Z][a-z]+\)\s+)?){{0,5}}[A-Z][\w&'’.-]*(?:\s+\([A-Z][a-z]+\))?,?\s+(?:{alternatives})(?=$|[\s,;:)(\"”'’])"
    )


@dataclass(frozen=True)
class _HeadIndex:
    """What the lexicon's organisation words compile to, built once per lexicon."""

    kinds: dict[str, str]  # head word -> organisation kind
    lower_kinds: dict[str, str]  # the same, keyed in lower case
    alternation: str  # every head word, longest first, and the coined-company-word pattern
    any_head: re.Pattern[str]  # one search for all head words, any case ("YS bioscience")
    company_word: re.Pattern[str]  # coined one-word company names ("Biovantra")
    suffix: re.Pattern[str]  # a trailing legal suffix (", Inc.")


_INDEXES: dict[int, tuple[dict[str, Any], _HeadIndex]] = {}


def _index(lexicon: dict[str, Any]) -> _HeadIndex:
    """The lexicon's head index; keyed by identity because the lexicon is one cached object per process."""
    cached = _INDEXES.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    kinds = {h: kind for kind, heads in lexicon["org_heads"].items() for h in heads}
    heads = "|".join(re.escape(h) for h in sorted(kinds, key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in sorted(lexicon["org_suffixes"], key=len, reverse=True))
    index = _HeadIndex(
        kinds=kinds,
        lower_kinds={h.lower(): kind for h, kind in kinds.items()},
        alternation=f"{heads}|(?:{lexicon['company_word_pattern']})",
        any_head=compiled(rf"\b(?:{heads})\b", re.IGNORECASE),
        company_word=re.compile(rf"\b(?:{lexicon['company_word_pattern']})\b"),
        suffix=re.compile(rf",?\s+(?:{suffixes})(?=$|[\s,;:)(\"”'’])"),
    )
    _INDEXES[id(lexicon)] = (lexicon, index)
    return index


def org_heads(lexicon: dict[str, Any]) -> dict[str, str]:
    """Head word -> organisation kind."""
    return _index(lexicon).kinds


def head_alternation(lexicon: dict[str, Any]) -> str:
    """Regex alternation of every organisation head word, coined company words ("Biovantra") included."""
    return _index(lexicon).alternation


def company_word(lexicon: dict[str, Any]) -> re.Pattern[str]:
    """Coined one-word company names: 'Biovantra', 'Stemvaro', 'GaonBio'."""
    return _index(lexicon).company_word


@lru_cache(maxsize=4)
def head_name_re(alternatives: str) -> re.Pattern[str]:
    word = r"[A-Z][\w&'’.-]*"
    return compiled(rf"\b{word}(?:[ \t]+(?:(?:of|for|di|de|der|für|and|&)[ \t]+)?{word}){{0,7}}[ \t]+(?:{alternatives})\b"
                      rf"(?:[ \t]+(?:of|for)[ \t]+{word}(?:[ \t]+{word}){{0,3}})?")


# "Istituto Veneto di Neurologia", "University of Eastbrook", "Institute for Cancer Research"
INSTITUTION_FIRST = re.compile(
    r"\b(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:University|Institute|Istituto|Instituto|Institut|Universidad|Università|Université"
    # public bodies name their field the same way after "of"/"for" ("Authority for Port Cities and Logistics
    # Zones"); without it a person's name may follow ("Head of the Norland Drug Authority Kim Ji-ho")
    r"|Academy|College|Ministry|Agency|Center|Centre"
    r"|(?:Authority|Council|Commission|Administration|Department|Bureau|Organi[sz]ation|Federation|Association)"
    r"(?=[ \t]+(?:of|for)\b))(?:[ \t]+(?:(?:of|for|di|de|del|della|für|des|and|the)[ \t]+)*"
    r"(?:[A-Z]|[a-z]{1,2}[A-Z])[\w'’-]*){1,5}"  # "Center for iPS Organoid Research and Application"
)


def strip_suffix(name: str, lexicon: dict[str, Any]) -> str:
    """"Tervella Bio, Inc." -> "Tervella Bio"."""
    stripped = _index(lexicon).suffix.sub("", name).strip(" ,")
    # "Kaneshiro & Co., Ltd." -> "Kaneshiro": the joiner before a legal form goes with it
    stripped = re.sub(r"\s+(?:&|and)$", "", stripped)
    return stripped or name


def title_case_line(text: str, offset: int) -> bool:
    """Headlines in Title Case ("Alpha Bio Grants Beta Pharma Rights") fool name-shape rules."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if (line_end if line_end >= 0 else len(text)) - line_start > 300:
        return False  # a paragraph of names and listings ("Kelvaro Pharmaceutical Company Limited (TSE: 4321, ...") is no headline
    start = max(line_start, offset - 200)
    end = text.find("\n", offset, offset + 200)
    if re.match(r"[ \t]*(?:[-•·▪*]|\d+[.)])\s", text[start:start + 8]):
        return False  # a list item ("• Lindgren Vector Technologies AB, Sweden") is no headline
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end if end >= 0 else offset + 200])
    small = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "at", "by", "from", "as"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 5 and sum(w[0].isupper() for w in content) / len(content) > 0.8


@lru_cache(maxsize=4)
def title_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the lexicon's title words, longest first (as a prefix trie: the alternation is part of some thirty
    patterns, and the flat form of several hundred words was most of their compile time at start-up)."""
    return compiled(rf"\b(?:{literal_trie(words)})\b")


@lru_cache(maxsize=4)
def title_words(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for t in titles for w in t.split()) | {"of", "and", "Executive", "Officer", "Senior", "Vice"}


# The words that make a phrase a job title (the lexicon's title_words also hold "Senior", "Center", ...).
CORE_TITLES = (r"Officer|Director|President|Chairman|Chairwoman|Chair|Head|Manager|Dean|Professor|CEO|CFO|CTO|COO|CMO|CSO"
               r"|Founder|Partner|Leader|Chief|VP|SVP|EVP|MD|GM")
_TITLE_OF = re.compile(rf"^.*\b(?:{CORE_TITLES})\s+(?:of|at)\s+(?=[A-Z])")
_TITLE_CORE = re.compile(rf"\b(?:{CORE_TITLES})\b")


# "Mirae Hospital Chairman", "NIRM President Graham Holt": a title after the name and what follows it
_TITLE_AFTER = re.compile(rf"\s+(?:{CORE_TITLES})\b.*$")


# "University of Eastbrook MD Whitlock Cancer Center": what follows a title-like word goes on to an institution's head
_INSTITUTION_END = re.compile(r"\s(?:Center|Centre|Hospital|Institute|Clinic|University|College|School|Foundation)$")


def trim_titles(name: str, title_words: frozenset[str]) -> str:
    """'Chief Executive Officer of Nordlys Genetics' -> 'Nordlys Genetics'; 'Acme Hospital Director Kim' -> 'Acme Hospital'."""
    name = _TITLE_OF.sub("", name)
    head = _TITLE_AFTER.sub("", name)
    # one word before a title is a name too when a person's name follows the title ("Kelvaro CEO Jane Holm"),
    # while a title word before a title ("Managing Director") is none
    named_after = re.match(rf"\s+(?:{CORE_TITLES})(?:\s+[A-Z][\w-]*){{2,3}}$", name[len(head):])
    one_word = len(head.split()) == 1 and head not in title_words and bool(named_after)
    if head != name and (len(head.split()) >= 2 or one_word) and not re.search(r"\b(?:of|for|and|&)$", head) \
            and not _INSTITUTION_END.search(name[len(head):]):
        name = head
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut] in title_words:
        cut += 1
    # only a real title goes: "CEO Hanwool Pharma" -> "Hanwool Pharma", but "Center for iPS Organoid Research" stays
    if not _TITLE_CORE.search(" ".join(words[:cut])):
        return name
    return " ".join(words[cut:])


@dataclass(frozen=True)
class _NameWrappers:
    """The lexicon's name_wrappers compiled: what ``clean_name`` cuts before and after a name."""

    label: re.Pattern[str]  # "Headline Halden Bio"
    shares: re.Pattern[str]  # "Shares of Halden Bio rose"
    credit: re.Pattern[str]  # "/Courtesy of Halden Pharma", "Photo provided by Kelvaro"
    weekday: re.Pattern[str]  # "Thursday Hanwool Pharma"
    stop_abbreviation: re.Pattern[str]  # "Halden Inc.": the full stop is the name's
    preposition: re.Pattern[str]  # "At Halden Bio we ..."
    deal_noun: re.Pattern[str]  # "Alliance between Halden, Kelvaro and ..."
    press_office: re.Pattern[str]  # "Halden Newsroom"
    home: re.Pattern[str]  # "Japan-based", "Hong Kong-headquartered"
    agent: re.Pattern[str]  # "Halden University-led"
    service: re.Pattern[str]  # "Australian CDMO Halden Bio"


def _words(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


@cache
def _name_wrappers() -> _NameWrappers:
    """Built once, on first use, from the lexicon (the package's other data is loaded lazily too)."""
    w = load_json("lexicon.json")["name_wrappers"]
    # "courtesy of" -> "[Cc]ourtesy\s+of": a credit may open its sentence or follow a slash
    credits = "|".join(f"[{p[0].upper()}{p[0].lower()}]" + r"\s+".join(map(re.escape, p[1:].split(" ")))
                       for p in w["credit_phrases"])
    return _NameWrappers(
        label=re.compile(rf"^(?:{_words(w['labels'])})\s+(?=[A-Z])"),
        shares=re.compile(rf"^(?:{_words(w['share_words'])})\s+(?:of|in)\s+(?=[A-Z])"),
        credit=re.compile(rf"^(?:/\s*)?(?:(?:{_words(w['photo_words'])})\s+)?(?:{credits})\s+(?=[A-Z])"),
        weekday=re.compile(rf"^(?:{_words(w['weekdays'])})\s+(?=[A-Z])"),
        stop_abbreviation=re.compile(rf"\b(?:{_words(w['stop_abbreviations'])})\.$"),
        preposition=re.compile(rf"^(?:{_words(w['opening_prepositions'])})\s+(?=[A-Z])"),
        deal_noun=re.compile(rf"^(?:{_words(w['deal_nouns'])})\s+(?:between|with)\s+(?=[A-Z])"),
        press_office=re.compile(rf"\s+(?:{_words(w['press_offices'])})$"),
        home=re.compile(rf"^[A-Z][\w.]*(?:[ -][A-Z][\w.]*)?-(?:{_words(w['home_participles'])})\s+"),
        agent=re.compile(rf"-(?:{_words(w['agent_participles'])})$"),
        # a nationality and a service acronym describe the company after them
        service=re.compile(rf"^(?:[A-Z][a-z]+(?:an|ese|ish|ch|i)\s+)?(?:{_words(w['service_acronyms'])})\s+"
                           r"(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+$)"),
    )


def clean_name(raw: str) -> str:
    """A span's organisation name without the labels, credits, datelines and descriptions around it."""
    cut = _name_wrappers()
    name = re.sub(r"^[•·▪*]\s*", "", raw.strip()).strip(",;:\"“”'’()[]").strip()
    name = re.sub(r"^[A-Z][a-z]+\s*:\s*", "", name)  # "Title : Mirae Medical Center"
    name = cut.label.sub("", name)  # the same label without its colon
    name = cut.shares.sub("", name)
    # a photo credit names who took or gave the picture
    name = cut.credit.sub("", name)
    name = re.sub(r"^.*\)\s*[-–—]+\s*(?=[A-Z])", "", name)  # a dateline's tail: "(HARBOR WIRE)--Kelvaro"
    # a dateline's weekday before a headline-less lead
    name = cut.weekday.sub("", name)
    # "Seoyeon University Medical Center서연대의료원": a Latin name runs into its Hangul or Han rendering
    name = re.sub(r"(?<=[A-Za-z.)])[\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff].*$", "", name)
    name = name.rstrip(".") if not cut.stop_abbreviation.search(name) else name
    name = re.sub(r"^(?:the|The)\s+", "", name)
    # a sentence's opening preposition is no part of the name after it: "At Halden Bio we ...", "For Kelvaro, ..."
    name = cut.preposition.sub("", name)
    # a dateline's "I" separator: "LA JOLLA, CA, USA I June 1, 2022 I Halden Bio, Inc."
    name = re.sub(r"^I\s+(?=[A-Z])", "", name)
    # a headline's deal noun before its parties
    name = cut.deal_noun.sub("", name)
    # a headquarters named after the company is a place: "signed at Halden Bio HQ Seoul"
    name = re.sub(r"\s+HQ(?:\s+[A-Z][\w-]*)?$", "", name)
    name = _POSSESSIVE_PREFIX.sub("", name)
    name = re.sub(r"['’]s$", "", name)
    # a newsroom or press office speaks for its organisation; "Japan-based", "Hong Kong-headquartered" describe it
    name = cut.press_office.sub("", name)
    name = cut.home.sub("", name)
    name = cut.service.sub("", name)
    # a code that ends the sentence before is no part of the name that opens the next: "... inhibits HXK7. Halden
    # Pharm has ..." (NER runs the two together across the stop)
    name = re.sub(r"^[A-Za-z]*\d[\w-]*\.\s+(?=[A-Z])", "", name)
    # "a Halden University-led consortium": the name leads the noun after it, "-led" is no part of it
    name = cut.agent.sub("", name)
    # "Ostvik Bio of the Halden Group": a member of a group named with it; the group is its parent, named in passing
    name = re.sub(r"^([A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+of\s+the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+Group$", r"\1", name)
    return re.sub(r"\s+", " ", name).strip()


_SUFFIX_ONLY = re.compile(r"(?:(?:Co|Inc|Ltd|Corp|LLC|L\.L\.C|plc|PLC|AG|GmbH|SA|S\.A|SE|NV|N\.V|BV|B\.V|KK|K\.K|AB|ASA|Pte|Pvt"
                          r"|Limited|Company|Corporation|Incorporated)\.?[,\s]*)+")


# "Capital Region of Denmark", "Embassy of Japan": a government's place is its name
_OF_GOVERNMENT = re.compile(r"\b(?:Region|Province|State|Prefecture|Republic|Government|City|County|Municipality|Kingdom"
                            r"|Ministry|Embassy|Consulate)$")


def without_purpose(name: str, lexicon: dict[str, Any]) -> str:
    """'Kelvaro for Anticancer Drug' -> 'Kelvaro': after a company's name, "for" starts what a deal is for; an
    institution's "for" goes on with its field ("Institute for Cancer Research", "Alliance for ...")."""
    m = re.fullmatch(r"(.+?)\s+for\s+.+", name)
    if not m or _OF_INSTITUTION.match(name):
        return name
    before, last = m.group(1), m.group(1).split()[-1]
    # "Kelvaro for Anticancer Drug", "Halden for Vaccine Supply": a deal's object or purpose noun ends the "for" phrase
    purpose = name.split()[-1].lower() in set(lexicon.get("org_purpose_nouns", ()))
    # (a head word alone before "for" stays whole: "Partners for Vaccine Development"; so does an "X of Y" name)
    if purpose and not re.search(r"\s(?:of|for|and|&)\s", before) and (" " in before or last not in _index(lexicon).kinds) \
            and last.lower() not in GENERIC_WORDS and last[:1].isupper():
        return before
    coined = bool(company_word(lexicon).fullmatch(last))
    # a head word alone before "for" is the name's own head ("Partners for Health"): it stays whole
    if (coined or _index(lexicon).kinds.get(last) == "company" and " " in before) and kind_of(before, lexicon, legal=False) == "company":
        return before
    return name


def without_lead(name: str, lexicon: dict[str, Any], text: str = "") -> str:
    """'Substance, Kelvaro Pharma' -> 'Kelvaro Pharma': a phrase before a comma that no organisation word marks
    ("the Large Conference Room, Halden Institute") is the sentence's, not the name's; but one word the article
    (``text``) never writes in lower case is a name of its own ("Kelvaro, Halden Bio's unit")."""
    before, comma, after = name.rpartition(", ")
    if comma and len(after.split()) >= 2 and has_head(after, lexicon) and not has_head(before, lexicon) \
            and (" " in before or bool(whole_words(text, before.lower()))) \
            and not _index(lexicon).suffix.fullmatch(", " + after):
        return after
    return name


def without_home(name: str, lexicon: dict[str, Any]) -> str:
    """'Brisvane Pharma of New Jersey' -> 'Brisvane Pharma': a company's home place after "of" is no part of its
    name (while "University of Eastbrook" keeps its place: the part before "of" must itself be a name)."""
    m = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})", name)
    if m and has_head(m.group(1), lexicon) and len(m.group(1).split()) >= 2 and m.group(2) in place_names() \
            and not _OF_INSTITUTION.match(name) and not _OF_GOVERNMENT.search(m.group(1)) \
            and not _PLACED_INSTITUTION.search(m.group(1)):
        return m.group(1)
    return name


# "... Company of the Ostvik University of Eastbrook": a university's place after "of" is its name's, even inside a
# longer name
_PLACED_INSTITUTION = re.compile(r"\b(?:University|Institute|College|Academy)$")


@cache
def place_names() -> frozenset[str]:
    """Countries and their subdivisions by name (pycountry)."""
    import pycountry

    names = {getattr(c, a) for c in pycountry.countries for a in ("name", "common_name") if hasattr(c, a)}
    return frozenset(names | {s.name for s in pycountry.subdivisions})


def valid_name(name: str) -> bool:
    """Not a stop word, a title, a deal noun, a sentence or a number."""
    # "oriQen", "eVornix": a lower-case start with an inner capital is a coined name, not a sentence word
    # "2ND Biotherapeutics", "7KBio", "9D Molecular": a numeral glued to letters starts a name; an ordinal ("1st") does not
    if len(name) < 2 or not (name[0].isupper() or re.match(r"[a-z]{1,3}[A-Z]|\d+(?!(?:st|nd|rd|th)\b)[A-Za-z]", name)) \
            or _STOP_ORG.match(name) \
            or _TITLE_PREFIX.match(name):
        return False
    if _SUFFIX_ONLY.fullmatch(name):
        return False  # "Co.", "Co., Ltd.": the tail of a name cut at a comma, naming nobody
    words = name.split()
    if len(words) > 10 or all(w.lower() in GENERIC_WORDS for w in words):
        return False
    if re.search(r"\b(?:Agreements?|Memorand(?:um|a)|MOU|MoU|Deals?|Contracts?|Licen[cs]e|Licensing)$", name):
        return False  # "Licensing Agreement" of a Title-Case headline names the deal, not a signatory
    # a slash joins no name's words, but the Danish and Norwegian legal form "A/S" ("Corvumab A/S") has one
    return not re.search(r"\d{3,}|@|(?<!\bA)/|\bA/(?!S\b)|\b(?:said|says|and the|announced)\b", name)


def kind_of(name: str, lexicon: dict[str, Any], legal: bool) -> str | None:
    """The organisation kind its head words give: the last head decides, the one before "of" for "X of Y"."""
    index = _index(lexicon)
    found = [(m.start(), index.lower_kinds[m.group().lower()]) for m in index.any_head.finditer(name)]  # "SK bioscience" too
    found += [(m.start(), "company") for m in index.company_word.finditer(name)]
    of = re.search(r"\s(?:of|for|de|di|del|für)\s", name)
    if of and any(pos < of.start() for pos, _ in found):  # "Norland Academy of Sciences": the head before "of" decides
        found = [f for f in found if f[0] < of.start()]
    specific = [f for f in found if f[1] != "other"]  # "Center" alone says little: "Mirae Medical Center" is a hospital
    found = specific or found
    if found:
        order = ["government", "hospital", "university", "research_institute", "foundation", "association", "company"]
        last_word_kind = max(found)[1]
        # The last head decides ("Seoyeon University Hospital" is a hospital), government words anywhere win.
        if any(k == "government" for _, k in found) and last_word_kind != "company":
            return "government"
        return last_word_kind if last_word_kind in order else "other"
    return "company" if legal else None


_OF_INSTITUTION = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+)*?(?:Ministry|Agency|Department|Office|Institute|Center|Centre|School|Faculty|College|Bureau"
    r"|Council|Commission|Society|Association|Academy|Federation|University|Foundation|Authority|Administration"
    r"|Organi[sz]ation|Fund|Service)\s+(?:of|for)\s+"
)


def _one_name(before: str, joiner: str, after: str, has_head: Callable[[str], bool],
              fields: frozenset[str] = frozenset(), count: Callable[[str], int] | None = None) -> bool:
    """Whether 'before and after' is one name: 'Ministry of Food and Drug Safety', 'Stiles & Partners Communications'.

    ``count`` gives how often a text occurs in the article: a half the article also names on its own, apart from
    this run, is a name of its own ("Halden Institute of Oncology and Kelvaro", "Ostvik Ireland and Brennan Clinic"),
    unless the half after "and" is field words only ("Institute of Science and Technology").
    """
    if not after[:1].isupper():
        return False
    # "Ministry of Industry and Mineral Resources" elsewhere still joins them: only uses outside "and" count
    alone_before = len(before.split()) >= 2
    if count is not None and not all(w in fields for w in after.split()) and (
            count(after) > count(f"{joiner} {after}") or alone_before and count(before) > count(f"{before} {joiner}")):
        return False
    # "Institute of Ocean Science and Technology", "Department of Health and Human Services": an institution's
    # field goes on after "and" with field words, even where one of them can head a name ("Technology")
    if _OF_INSTITUTION.match(before) and (not has_head(after) or all(w in fields for w in after.split())) \
            and not re.fullmatch(r"[A-Z0-9]{4,}", after):  # "University of Eastbrook and VARNIX": a company follows
        return True
    if not has_head(after):
        return False
    if joiner == "&":
        return True
    words = before.split()
    return len(words) >= 2 and not has_head(before) or len(words) == 1 and has_head(before)


_ABBREVIATIONS = {"Inc", "Ltd", "Co", "Corp", "Pte", "Pvt", "Bhd", "Dept", "Univ", "Jr", "Sr", "St", "Mt", "Dr", "Prof", "Assn"}


def pieces(name: str, verbs: frozenset[str], has_head: Callable[[str], bool],
           fields: frozenset[str] = frozenset(), count: Callable[[str], int] | None = None) -> list[str]:
    """Split a run of capitalised words at headline verbs and joiners: 'A Bio Grants B Pharma' -> [A Bio, B Pharma].

    "and"/"&" stay inside one name when the halves belong together ("Blood and Marrow Transplantation Center");
    ``count`` (occurrences in the article) tells halves named on their own elsewhere (see ``_one_name``).
    """
    # a parenthesis ends the name unless a place in it sits inside the name ("Yunjing (Shanghai) Bioscience Co., Ltd.")
    name = re.split(r"\s*(?:\((?![A-Z][a-z]+\)\s+[A-Z])|:)", name)[0]
    name = re.split(r"\s+at\s+", name)[-1]
    # Korean and Japanese releases list partners with a middle dot: "Halden Bio·Kelvaro·Ostvik University"
    name = re.sub(r"(?<=[\w.)])\s*[·・]\s*(?=[A-Z])", " · ", name)
    parts: list[list[str]] = [[]]
    joiners: list[str] = []
    for word in name.split():
        if re.search(r"[a-z]{2}\.$", word) and word[:-1] not in _ABBREVIATIONS:  # "...Biologics. Seokjin": a sentence ends
            parts[-1].append(word[:-1])
            parts.append([])
            joiners.append(".")
        elif re.search(r"\w['’]s$", word) and parts[-1]:  # "Hoshimi University's Center for ...": owner, then its unit
            parts[-1].append(word[:-2])
            parts.append([])
            joiners.append("'s")
        elif re.search(r"\ws['’]$", word) and parts[-1]:  # "Halden Investors' Discovery Fund": a plural owner, its unit
            parts[-1].append(word[:-1])
            parts.append([])
            joiners.append("'s")
        elif word in verbs or word.islower() and len(word) > 3 and word.capitalize() in verbs or word in {"and", "&", "with", "to", "·"}:
            parts.append([])
            joiners.append(word)
        else:
            parts[-1].append(word)
    out = [parts[0]]
    for joiner, part in zip(joiners, parts[1:]):
        if joiner in {"and", "&"} and out[-1] and part \
                and _one_name(" ".join(out[-1]), joiner, " ".join(part), has_head, fields, count):
            out[-1] = [*out[-1], joiner, *part]
        elif joiner in verbs and has_head(joiner) and len(part) == 1 and (has_head(part[0]) or has_head(part[0].capitalize())):
            # a head word alone after a verb that is an organisation word too goes on with it: "Halden Partners
            # Healthcare" (while "Halden Acquires Biologics" splits)
            out[-1] = [*out[-1], joiner, *part]
        else:
            out.append(part)
    return [" ".join(p) for p in out if p]


def is_proper(name: str, generic: frozenset[str]) -> bool:
    """At least one word is a name rather than a department or field word."""
    return any(w not in generic and w.lower() not in GENERIC_WORDS for w in re.findall(r"[\w&'’.-]+", name))


def has_head(name: str, lexicon: dict[str, Any]) -> bool:
    """Whether a head word, a legal suffix or a coined company word marks ``name`` as an organisation."""
    index = _index(lexicon)
    return any(w in index.kinds for w in name.split()) or bool(index.suffix.search(name) or index.company_word.search(name))


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())
