"""Organisation candidates: every span of an article that may name an organisation, and why."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..resources import compiled, regex
from .context import Context, Span
from .org_names import (
    CORE_TITLES,
    INSTITUTION_FIRST,
    clean_name,
    company_word,
    has_head,
    head_alternation,
    head_name_re,
    initials,
    is_proper,
    legal_name_re,
    org_heads,
    pieces,
    strip_suffix,
    title_case_line,
    title_re,
    title_words,
    trim_titles,
    valid_name,
    without_home,
    without_lead,
    without_purpose,
)
from .spans import SpanIndex
from .textfind import boundary, occurrences


def candidates(ctx: Context, exclude: list[tuple[int, int]],
               syntax: Sequence[tuple[int, int]] = ()) -> list[tuple[str, str, int, int, bool, bool]]:
    """(name, surface, start, end, from_syntax, weak) for every organisation-like span outside ``exclude`` and noise.

    ``syntax`` spans are arguments of agreement events (extract/events.py): the parse vouches for them, so
    they skip the one-word support and NER-label checks that guard surface candidates; whether they are
    parties is decided later.
    """
    lexicon = ctx.rules.lexicon
    suffixes = tuple(lexicon["org_suffixes"])
    raw: list[tuple[int, int]] = []
    for ent in ctx.ents:
        if ent.label_ == "ORG":
            # NER happily runs an entity across a line break ("Foundation\nJoin Forces ..."): split it.
            offset = ent.start_char
            for piece in re.split(r"(\n+)", ent.text):
                if piece and not piece.startswith("\n"):
                    raw.append((offset, offset + len(piece)))
                offset += len(piece)
    for pattern in (legal_name_re(suffixes), head_name_re(head_alternation(lexicon)), INSTITUTION_FIRST):
        for m in pattern.finditer(ctx.masked):
            if not title_case_line(ctx.masked, m.start()):
                raw.append((m.start(), m.end()))
    raw.extend(_coined_names(ctx, lexicon))
    # "Ostvik Science and Technology Parks (OSTP)", "Ostvik University's Kelvaro Hospital (OUKH)": the acronym spells
    # the whole run, "and" or an owner's "'s" included, so it is one name, not two to split there, wherever the
    # article writes it
    acronym_named = {span for name in {ctx.masked[s:e] for s, e in _acronym_defined_names(ctx)}
                     for span in occurrences(ctx.masked, name)}  # each name once: a long input defines it often
    raw.extend(acronym_named)
    raw.extend(_brand_names(ctx, lexicon))
    vouched = [m.span(1) if m.group(1) else m.span(2) for m in _VOUCHED_NAME.finditer(ctx.masked)]
    vouched += [name for _, name in listed_items(ctx) if name]
    # "Ostvik (Euronext: OSTV; ADR: OSTVY)": a listing on an exchange vouches for a company, whatever NER reads it as
    vouched += [m.span(1) for m in _listed_name(_exchanges(lexicon)).finditer(ctx.masked)]
    raw.extend(vouched)
    # a described name only where no longer span holds it ("the company Halden Sharp and Dohme" is found whole)
    longer = SpanIndex([*raw, *syntax])
    described = [m.span(1) for m in _DESCRIBED_NAME.finditer(ctx.masked)
                 if not any(s == m.start(1) and ctx.masked[m.end(1):e][:1].isspace() for s, e in longer.covering(*m.span(1)))]
    raw.extend(described)
    vouched += described
    # "the Norlandic government signed ...": a nationality before a lower-case "government" names a state's
    # government (the gold keeps it as written), which no capitalised-name pattern finds
    governments = [(e.start_char, g.end()) for e in ctx.ents if e.label_ == "NORP"
                   if (g := _NATIONAL_GOVERNMENT.match(ctx.masked, e.end_char))]
    raw.extend(governments)
    vouched += governments
    # "the Republic of Norland", "the City of Ostvik", "Halden Prefecture": a state or local government by its
    # place's formal name, which NER reads as a place (a bare place, "Norland", stays none: territory.place_name)
    states = [m.span() for m in _STATE_NAME.finditer(ctx.masked)]
    raw.extend(states)
    vouched += states
    # (also as cleaning writes them: "Halden's (NASDAQ: HLDN)" vouches for "Halden")
    vouched_names = {ctx.masked[s:e] for s, e in vouched} | {clean_name(ctx.masked[s:e]) for s, e in vouched}
    glued_title = _trailing_title(tuple(lexicon["org_glued_title_words"]))
    syntax_spans = set(syntax)
    parse_only = syntax_spans - set(raw)  # what the parse alone proposes (the surface patterns did not)
    raw.extend(parse_only)
    verbs = frozenset(lexicon["headline_verbs"])
    generic = frozenset(lexicon["generic_name_words"])
    fields = frozenset(lexicon["institution_field_words"])
    org_texts = {e.text for e in ctx.ents if e.label_ == "ORG"}
    persons = {e.text for e in ctx.ents if e.label_ == "PERSON"}
    nationalities = frozenset(e.text for e in ctx.ents if e.label_ == "NORP")
    org_spans = SpanIndex([(e.start_char, e.end_char) for e in ctx.ents if e.label_ == "ORG"])
    # a place NER reads apart from any organisation ("in Boston Halden Pharma's drug" of a sentence without its stop)
    lone_places = {e.start_char: e.text for e in ctx.ents if e.label_ == "GPE" and not org_spans.overlaps(e.start_char, e.end_char)}
    token_at = {t.idx: t for t in ctx.doc}
    # first words of what NER calls a person ("Iris Tan"), not of a possessive it mistook for one ("Halvik Science's")
    given_names = {p.split()[0] for p in persons if len(p.split()) >= 2 and not re.search(r"['’]s?$", p)}
    # what NER calls a place, nationality or person, unless an organisation head says otherwise ("Halden Pharma")
    not_orgs = {e.text for e in ctx.ents if e.label_ in ("GPE", "LOC", "NORP", "PERSON")
                and e.text not in org_texts and not has_head(e.text, lexicon)}
    out = []
    excluded = SpanIndex(exclude)
    for start, end in raw:
        surface = ctx.text[start:end]
        if "\n" in surface or ctx.is_noise(start, end) or excluded.overlaps(start, end):
            continue
        parsed = (start, end) in syntax_spans  # the parse vouches for it: no one-word support needed
        # "Holm & Lindqvist", "Brenner & Vale": two words joined by "&" that NER reads as one organisation, neither
        # an organisation word, are one name (a founders' firm), not two
        whole = surface in org_texts and _AMPERSAND_NAME.fullmatch(surface) and not has_head(surface, lexicon) \
            or ((start, end) in acronym_named and re.search(r"\s(?:and|&)\s|\w['’]s\s", surface) is not None)
        for piece in [surface] if whole else \
                pieces(surface, verbs, lambda text: has_head(text, lexicon), fields, lambda text: _count(ctx, text)):
            name = without_home(trim_titles(clean_name(piece), title_words(tuple(lexicon["title_words"]))), lexicon)
            name = without_purpose(without_lead(name, lexicon, ctx.masked), lexicon)
            at = start + max(surface.find(name), 0)
            first, _, rest = name.partition(" ")
            # (not when the rest is a head word alone: "the Norlandic Commission" ... "the Commission" names the body)
            if (first in nationalities or lone_places.get(at) == first) and rest[:1].isupper() \
                    and not (" " not in rest and rest in org_heads(lexicon)) and _count(ctx, rest) > _count(ctx, name):
                name = rest  # "Japanese Kelvaro" of a name the article also writes alone describes it
            tok = token_at.get(at)
            if tok is not None and tok.tag_ == "VB" and tok.i and ctx.doc[tok.i - 1].lower_ == "to":
                continue  # "... to Provide Integrated Services": an infinitive of a headline, no name
            titled = glued_title.fullmatch(name)
            if titled and parsed and _PERSON_AFTER.match(ctx.masked, start + len(surface)):
                name = titled.group(1)  # "Halden CEO Jane Holm signed": the parse heads the name by the title
            if _UNIT_OF.match(name) and _APPOSITIVE_BEFORE.search(ctx.masked, max(0, start - 60), start + max(surface.find(name), 0)):
                continue  # "Halden - the technology transfer company of Ostvik University": a description of the name before
            owner = _PERSON_OF.match(name)  # "Jane Holm of Halden Pharma": a person, then the organisation
            if owner and owner.group(1) in persons:
                name = name[owner.end():]
            if not valid_name(name) or (name in not_orgs - vouched_names and not parsed) or not is_proper(name, generic):
                continue
            tail = re.search(r"\s(?:of|for)\s+([A-Z]{2,})$", name)
            if tail and re.search(rf"\(\s*{tail.group(1)}\s*[,;)]", ctx.masked):
                continue  # "Halden Institute for HIRM": a field is no acronym; the article's defined short name ends it
            if not has_head(name, lexicon) and any(name.lower() in v.phrase_index for v in (ctx.rules.technology, ctx.rules.therapy)):
                continue  # a field in Title Case ("Artificial Intelligence (AI)", "Gene Therapy") names a concept, no one
            bare = strip_suffix(name, lexicon)
            if " " not in bare and bare != name and bare in org_heads(lexicon):
                continue  # "Sciences, Inc." of a name NER cut ("--Halden Sciences, Inc."): a head word and a legal form
            owned = _POSSESSIVE_HEAD.search(piece)
            if owned and owned.group(1) == name and name in org_heads(lexicon):
                # "the Halden's Association": a possessive before a head word alone is the name's own first word
                # (cleaning takes "Halden's" for an owner, which leaves the head word naming nothing)
                name = owned.group(0)
            if " " not in name and name in org_heads(lexicon) \
                    and not (parsed and name == "Government" and _THE_BEFORE.search(ctx.masked, max(0, at - 5), at)):
                # a head word alone ("Biologics") names nothing; but "the Government" signing is a state's government
                continue
            # one word needs support: "ECG", "TEL", "BOSTON" name no organisation; but a one-word name NER reads as an
            # organisation ("Velmar", "Dravenna") stays a weak candidate: a party only when the decision says so, never
            # reported otherwise
            weak = " " not in name and not parsed and name not in vouched_names \
                and not (_acronym_supported if name.isupper() else _single_word_org)(name, ctx, lexicon)
            if weak and (name not in org_texts or name.isupper()):
                continue
            # (a name with a legal form is no dateline: "HALDEN AG", "OSTVIK INC.")
            if name.isupper() and len(name) >= 5 and strip_suffix(name, lexicon) == name \
                    and strip_suffix(name.title(), lexicon) == name.title() and not re.search(rf"\(\s*{re.escape(name)}\b", ctx.text):
                continue  # datelines in capitals ("SOUTH SAN FRANCISCO"), not names defined in parentheses
            if _is_person_with_title(name, ctx.masked, start + max(surface.find(name), 0), lexicon):
                continue
            if parsed and name in persons and _titled_person(name, ctx.masked, start + max(surface.find(name), 0), lexicon):
                continue  # "CEO Karen Holm exchange the signed MOU": the parse's subject is the titled person NER reads
            if " " not in name and name in given_names and not has_head(name, lexicon):
                continue  # a person's given name used alone ("Iris and I agreed" after "Iris Tan"), even as a subject
            found = surface.find(name)
            offset = start + found if found >= 0 else start
            out.append((name, surface, offset, offset + len(name) if found >= 0 else end, (start, end) in parse_only, weak))
    return out


# (not "the People's Republic of China": the country)
_STATE_NAME = re.compile(
    r"(?<!People's )(?<!People’s )\b(?:Republic|Kingdom|State|Province|City|Municipality|Commonwealth|Emirate|Prefecture"
    r"|County)[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}|\b[A-Z][\w'’-]*[ \t]+Prefecture\b")
_NATIONAL_GOVERNMENT = re.compile(r"[ \t]+government\b")
_POSSESSIVE_HEAD = re.compile(r"\b[A-Z][\w.-]*['’]s\s+([A-Z]\w*)$")  # "Halden's Association" ending a span
_PERSON_OF = re.compile(r"^(.+?)\s+of\s+(?=[A-Z])")

_UNIT_OF = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}(?:Company|Arm|Unit|Subsidiary|Division|Office|Affiliate)(?:\s+of\s+[A-Z]|$)")
_APPOSITIVE_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]*(?:[-–—]|,)[ \t]*(?:the|a|an)[ \t]+\Z")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")
_AMPERSAND_NAME = re.compile(r"[A-Z][\w'’-]+[ \t]+&[ \t]+[A-Z][\w'’-]+")
# the person's name after a head title glued to a one-word name ("Halden CEO Jane Holm")
_PERSON_AFTER = re.compile(r"[ \t]+(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?[ \t]+)?[A-Z][\w'’-]+[ \t]+[A-Z]")

_DEFINED_NAME = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|&|the|de|di)[ \t]+)*){1,7}[A-Z][\w'’-]*)[ \t]+\(([A-Z][A-Za-z&]{1,9})[,;)]")

# "Biraon (CEO Ji-hoon Seo)", "the startup Biraon": names a chief executive or a company noun vouches for.
_VOUCHED_NAME = re.compile(
    r"\b([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,4})[ \t]*\((?:CEO|President|Chairman|Chairwoman|Representative|Founder)\b"
    r"|\b(?:startup|start-up|spin-off|spinout)[ \t]+([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})"
)
# a company noun or a home place before the name ("the pharmaceutical company Halden", "UK biotech firm Ostvik",
# "drug giant Kelvaro", "Oslo-based Halden"): the small NER model reads many such one-word names as people or
# places, which alone would drop them; not a title after the noun ("the company CEO Jane Holm")
_DESCRIBED_NAME = re.compile(
    r"(?:\b(?:company|firm|drugmaker|giant|biotech|manufacturer)|(?<![\w-])[A-Z][\w.]*-based)"
    rf"[ \t]+(?!(?:{CORE_TITLES})\b)([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){{0,3}})"
)


def list_intro(ctx: Context) -> re.Pattern[str]:
    """'The partners are:' / 'The consortium comprises:' introducing one list item per party."""
    return regex(ctx.rules.lexicon["party_list_intro"], ignore_case=True)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-•·▪*▶]|\d+[.)])[ \t]+")
_ITEM_NAME = re.compile(r"([A-Z][^,(\n–—]{1,80}?)[ \t]*(?=[,(\n–—]|$)")


def listed_items(ctx: Context) -> list[tuple[Span, Span | None]]:
    """Each item line under a party-list intro, with its leading name: '• Fundació Roure Blanc de Recerca, Spain'."""
    out: list[tuple[Span, Span | None]] = []
    intro = list_intro(ctx)
    listing, pos = False, 0
    for line in ctx.masked.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if intro.search(line.rstrip()):
            listing = True
            continue
        if not listing or not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        if not item:
            if out:
                break
            listing = False
            continue
        name = _ITEM_NAME.match(line, item.end())
        out.append(((start, pos), (start + name.start(1), start + name.end(1)) if name else None))
    return out


def _brand_names(ctx: Context, lexicon: dict[str, Any]) -> list[tuple[int, int]]:
    """Group brands with a lower-case head word: 'YS bioscience', 'DM biopharma', 'HN healthcare'."""
    brand = regex(rf"(?<!\b[Aa] )(?<!\b[Aa]n )\b((?!(?:US|UK|EU|USA|UAE|PRC|ROK|UN)\b)[A-Z]{{2,4}}[ \t]+"
                  rf"(?i:{head_alternation(lexicon)}))\b")  # not "a UK biopharmaceutical company"
    return [m.span(1) for m in brand.finditer(ctx.masked)]


def _acronym_defined_names(ctx: Context) -> list[tuple[int, int]]:
    """'Duchenne Parents Europe (DPE)': a capitalised name whose initials the acronym after it spells."""
    out = []
    for m in _DEFINED_NAME.finditer(ctx.masked):
        words = m.group(1).split()
        acronym = m.group(2).upper().replace("&", "")
        for i in range(len(words)):
            if words[i][0].isupper() and initials(" ".join(words[i:])).upper() == acronym:
                offset = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                out.append((offset, m.end(1)))
                break
    return out


def _is_person_with_title(name: str, text: str, start: int, lexicon: dict[str, Any]) -> bool:
    """'Sara Holm, Head of Communications' or 'CEO: Sara Holm': a short name without organisation words, and a title."""
    if not 2 <= len(name.split()) <= 3 or has_head(name, lexicon):
        return False
    title_after, title_before, _ = _title_around(tuple(lexicon["title_words"]))
    after = text[start + len(name):start + len(name) + 80]
    before = text[max(0, start - 60):start]  # "(President and CEO: Haruki Tomine; ...)"
    return bool(title_after.match(after) or title_before.search(before))


def _titled_person(name: str, text: str, start: int, lexicon: dict[str, Any]) -> bool:
    """A title word right before the name ("CEO Karen Holm"), no organisation word in it."""
    return not has_head(name, lexicon) and bool(_title_around(tuple(lexicon["title_words"]))[2].search(text[max(0, start - 80):start]))


@lru_cache(maxsize=4)
def _title_around(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """', Head of Communications' after a name; 'President and CEO: ' before one; 'CEO ' right before one."""
    titles = title_re(words).pattern
    return (re.compile(rf",\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,3}}{titles}"), re.compile(rf"{titles}\s*:\s*$"),
            re.compile(rf"(?<![\w-]){titles}[ \t]+\Z"))


# "Tervella Bio (TVB)", "Acme Group (Seoul; "AG")": an acronym defined in parentheses after a capitalised word
_DEFINED_BEFORE = re.compile(r"[A-Z][\w.&'’-]*[ \t]*\((?:[^()]*[,;][ \t]*)?[\"“]?\Z")
_DEFINED_AFTER = re.compile(r"[\"”]?[,;)]")


def _acronym_supported(acronym: str, ctx: Context, lexicon: dict[str, Any]) -> bool:
    """An acronym names an organisation when the article defines it in parentheses after a capitalised name,
    when it is a known regulator or exchange, or when a legal suffix or head word follows it."""
    if non_party_acronym(acronym, lexicon):
        return True
    key = ("acronym", acronym)
    if key not in ctx.memo:
        text = ctx.masked
        defined = any(_DEFINED_AFTER.match(text, end) and _DEFINED_BEFORE.search(text, max(0, start - 300), start)
                      for start, end in occurrences(text, acronym, joiners=""))
        ctx.memo[key] = defined or _single_word_support(acronym, ctx, lexicon)
    return bool(ctx.memo[key])


def non_party_acronym(acronym: str, lexicon: dict[str, Any]) -> bool:
    """Regulators and exchanges known by their acronym alone (FDA, EMA, KOSDAQ)."""
    roles: dict[str, str] = lexicon["non_party_roles"]
    return any(re.fullmatch(rf"(?:{roles[r]})", acronym) for r in ("regulator", "exchange", "funder") if r in roles)


def _coined_names(ctx: Context, lexicon: dict[str, Any]) -> list[tuple[int, int]]:
    """Stand-alone coined company names ("Biovantra"): used twice or more, and never in lower case."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in company_word(lexicon).finditer(ctx.masked):
        found.setdefault(m.group(), []).append(m.span())
    lowered = ctx.masked.lower()
    return [span for word, spans in found.items() if len(spans) >= 2
            and lowered.count(word.lower()) == len(spans) for span in spans]


def _count(ctx: Context, text: str) -> int:
    """How often ``text`` occurs in the article as whole words, outside Title-Case headlines, which cut names
    short ("... with Hoshimi's Center for Cell Research"); memoised: the look-up scans the whole text."""
    key = ("count", text)
    if key not in ctx.memo:
        ctx.memo[key] = sum(not title_case_line(ctx.masked, start) for start, _ in occurrences(ctx.masked, text, joiners="-"))
    found = ctx.memo[key]
    return found if isinstance(found, int) else 0


def _single_word_org(name: str, ctx: Context, lexicon: dict[str, Any]) -> bool:
    """Memoised per article: the look-up scans the whole text."""
    key = ("single_word_org", name)
    if key not in ctx.memo:
        ctx.memo[key] = _single_word_support(name, ctx, lexicon)
    return bool(ctx.memo[key])


def _single_word_support(name: str, ctx: Context, lexicon: dict[str, Any]) -> bool:
    """A one-word organisation needs support: a legal suffix, an org head, or a longer form in the text."""
    if name in org_heads(lexicon):
        return False  # "Biologics", "Hospital": a head word alone names nothing
    if company_word(lexicon).fullmatch(name):
        return True
    after, before = _support_patterns(head_alternation(lexicon), _exchanges(lexicon))
    text = ctx.masked
    return any(after.match(text, end) or (before.search(text, max(0, start - 40), start) and boundary(text, end))
               for start, end in occurrences(text, name))


def _exchanges(lexicon: dict[str, Any]) -> str:
    return "|".join(lexicon["stock_exchanges"])


@lru_cache(maxsize=4)
def _listed_name(exchanges: str) -> re.Pattern[str]:
    """A name right before its listing ("Ostvik (Euronext: OSTV", "Kelvaro's (TYO: 4321)")."""
    return re.compile(rf"\b([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){{0,3}})(?:['’]s)?[ \t]*\((?:{exchanges})[ \t]*:")


@lru_cache(maxsize=4)
def _trailing_title(titles: tuple[str, ...]) -> re.Pattern[str]:
    """A one-word name and a head title the parse read as one name ("Halden CEO"): the lexicon's glued titles."""
    return re.compile(rf"([A-Z][\w&'’-]*)\s+(?:{'|'.join(re.escape(t) for t in titles)})")


def company_read_as_person(name: str, ctx: Context) -> bool:
    """A name of several words that NER reads as a person ("Halden Kun Dang", "Ostvik Norway") but the text uses as a
    company's: a head title and a person's name follow it ("Halden Kun Dang CEO Jane Holm"), an indefinite appositive
    describes it as a business ("Ostvik Serono, a developer of ..."), a definite one as a company's part ("Ostvik
    Serono, the biopharma division of Ostvik AG"), or it ends with a country after a first word the text also uses
    alone (a national subsidiary: "Ostvik Norway" ... "Ostvik said"; a person's surname is what recurs alone)."""
    key = ("company_read_as_person", name)
    if key not in ctx.memo:
        ctx.memo[key] = _company_read_as_person(name, ctx)
    return bool(ctx.memo[key])


def _company_read_as_person(name: str, ctx: Context) -> bool:
    from .territory import place_name

    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    lexicon = ctx.rules.lexicon
    titled = _head_title_and_name("|".join(lexicon["company_head_titles"]))
    appositive = _business_appositive("|".join(lexicon["company_description_nouns"]))
    text = ctx.masked
    for _, end in occurrences(text, name):
        if titled.match(text, end) or appositive.match(text, end) or _PART_APPOSITIVE.match(text, end):
            return True
    first, last = words[0], words[-1]
    return place_name(last) and not place_name(first) \
        and len(occurrences(text, first)) > len(occurrences(text, f"{first} {' '.join(words[1:])}"))


# "Ostvik Serono, the biopharmaceutical division of Ostvik AG": a definite appositive naming a company's part
_PART_APPOSITIVE = re.compile(r",[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:division|subsidiary|unit|arm|affiliate)[ \t]+of\b")


@lru_cache(maxsize=4)
def _head_title_and_name(titles: str) -> re.Pattern[str]:
    """A company head's title and a person's name right after a name ("... CEO Jane Holm")."""
    return re.compile(rf"[ \t]+(?:{titles})[ \t]+[A-Z][\w'’-]+[ \t]+[A-Z]")


@lru_cache(maxsize=4)
def _business_appositive(descriptions: str) -> re.Pattern[str]:
    """"KELVARO, a provider of assay kits", "Ostvik, an emerging biotech": an indefinite appositive that describes the
    name before it as a business (not "Friday, the company said": a definite one follows any word)."""
    # (the noun before any preposition: "Jane Holm, a partner at the firm" is a person)
    return re.compile(rf",[ \t]+(?:a|an)[ \t]+(?:(?!(?:at|of|in|for|with|to|from|and|who|which|that)\b)[\w'’-]+[ \t]+){{0,5}}?"
                      rf"(?:{descriptions})\b")


@lru_cache(maxsize=4)
def _support_patterns(heads: str, exchanges: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What vouches for a one-word name right after it (a head word, a legal suffix, "(CEO ...") and right
    before it ("the startup Biraon"): compiled once, not once per name."""
    after = compiled(rf"(?:(?:[ \t]+[A-Z][\w&.-]*){{0,3}}[ \t]+(?:{heads})\b"
                       r"|,?\s+(?:Inc|Ltd|Co|Corp|GmbH|AG|SA|SAS|ApS|ASA|B\.V|N\.V|K\.K|AB|plc)\b"
                       # "Biraon (CEO Ji-hoon Seo)": a chief executive vouches for it
                       r"|\s*\((?:CEO|President|Chairman|Chairwoman|Representative|Founder)\b"
                       # "Kelvaro (TYO: 4321)", "Corvane's (NASDAQ:CRVN)": a listing on an exchange
                       rf"|(?:['’]s)?\s*\((?:{exchanges})\s*:)")
    before = re.compile(r"\b(?:startup|start-up|spin-off|spinout|biotech|biopharma|pharma|drugmaker|drug maker|company|firm"
                        r"|developer|maker|manufacturer|partner|group|giant|rival|subsidiary)\s+\Z", re.IGNORECASE)
    return after, before
