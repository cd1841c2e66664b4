"""Organisations: candidates from NER and name-shape rules, aliases, clustering, kinds."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import Mention
from .context import Context
from .spans import SpanIndex

GENERIC_WORDS = {"the", "company", "group", "university", "hospital", "institute", "center", "centre", "foundation",
            "medical", "bio", "pharma", "research", "clinical", "korea", "global", "international", "national",
            "advanced", "new", "health", "science", "sciences", "and", "of", "for"}
_STOP_ORG = re.compile(
    r"^(?:MOU|MoU|LOI|GMP|CEO|CTO|CFO|COO|CMO|CSO|IND|BLA|NDA|CAR-T|AAV|NK|R&D|IR|PR|AI|JV|Phase \d.*|Series [A-F].*"
    r"|Text Size|Close|Top|Related.*|Home|Photo.*|Contact.*|Media.*|About.*|SOURCE.*|Forward-Looking.*)$"
)
_POSSESSIVE_PREFIX = re.compile(r"^(?:[A-Z][\w.-]*['’]s\s+)+")
_TITLE_PREFIX = re.compile(r"^(?:CEO|Chairman|President|Director|Professor|Prof\.|Dr\.?|Head)\b")


# 'Tessellate Bio, Inc. ("Tessellate")', 'Istituto Lombardo di Miologia (ILM, Milan, Italy)'
_ALIAS_AFTER = re.compile(r"\.?,?[ \t]*(?:[A-Z][\w.]*,?[ \t]+)*?\((?:the\s+)?[\"“']?([A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*){0,3})"
                          r"[\"”']?\s*[,;)]")
# '(Head Office: Tokyo; President and CEO: Kenji Arakawa; "Sakuragi")'
_ALIAS_IN_PROFILE = re.compile(r"\.?,?[ \t]*\([^()\n]{0,200}?[;,][ \t]*(?:the[ \t]+)?[\"“]([A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*){0,3})[\"”][ \t]*\)")


@dataclass
class OrgEntity:
    """One organisation with every surface form and mention found in the article."""

    name: str
    forms: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    kind: str | None = None

    @property
    def first(self) -> int:
        return min((m.start for m in self.mentions), default=1 << 30)

    @property
    def aliases(self) -> list[str]:
        return sorted((f for f in self.forms if f != self.name), key=lambda f: (-len(f), f))


def fold(text: str) -> str:
    """Case-, punctuation- and suffix-insensitive key of a name."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=4)
def _suffix_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf",?\s+(?:{alternatives})(?=$|[\s,;:)(\"”'’])")


@lru_cache(maxsize=4)
def _legal_name_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True) if len(s) > 2 or s.isupper())
    return re.compile(
        rf"\b(?:[A-Z][\w&'’.-]*\s+){{0,5}}[A-Z][\w&'’.-]*,?\s+(?:{alternatives})(?=$|[\s,;:)(\"”'’])"
    )


def head_alternation(lexicon: dict[str, Any]) -> str:
    """Regex alternation of every organisation head word, coined company words ("Biosolution") included."""
    heads = sorted(org_heads(lexicon), key=len, reverse=True)
    return "|".join([*(re.escape(h) for h in heads), f"(?:{lexicon['company_word_pattern']})"])


@lru_cache(maxsize=4)
def _company_word(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


@lru_cache(maxsize=4)
def _head_name_re(alternatives: str) -> re.Pattern[str]:
    word = r"[A-Z][\w&'’.-]*"
    return re.compile(rf"\b{word}(?:[ \t]+(?:(?:of|for|di|de|der|für|and|&)[ \t]+)?{word}){{0,7}}[ \t]+(?:{alternatives})\b"
                      rf"(?:[ \t]+(?:of|for)[ \t]+{word}(?:[ \t]+{word}){{0,3}})?")


# "Istituto Veneto di Neurologia", "University of Eastbrook", "Institute for Cancer Research"
_INSTITUTION_FIRST = re.compile(
    r"\b(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:University|Institute|Istituto|Instituto|Institut|Universidad|Università|Université"
    r"|Academy|College|Ministry|Agency)(?:[ \t]+(?:(?:of|for|di|de|del|della|für|des|and|the)[ \t]+)*[A-Z][\w'’-]*){1,5}"
)


def strip_suffix(name: str, lexicon: dict[str, Any]) -> str:
    """"Tessellate Bio, Inc." -> "Tessellate Bio"."""
    stripped = _suffix_re(tuple(lexicon["org_suffixes"])).sub("", name).strip(" ,")
    return stripped or name


def title_case_line(text: str, offset: int) -> bool:
    """Headlines in Title Case ("Alpha Bio Grants Beta Pharma Rights") fool name-shape rules."""
    start = max(text.rfind("\n", 0, offset) + 1, offset - 200)
    end = text.find("\n", offset, offset + 200)
    if re.match(r"[ \t]*(?:[-•·▪*]|\d+[.)])\s", text[start:start + 8]):
        return False  # a list item ("• Lindgren Vector Technologies AB, Sweden") is no headline
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end if end >= 0 else offset + 200])
    small = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "at", "by", "from", "as"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 5 and sum(w[0].isupper() for w in content) / len(content) > 0.8


@lru_cache(maxsize=4)
def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for t in titles for w in t.split()) | {"of", "and", "Executive", "Officer", "Senior", "Vice"}


_TITLE_OF = re.compile(r"^.*\b(?:Officer|Director|President|Chairman|Chairwoman|Chair|Head|Manager|Dean|Professor|CEO"
                       r"|Founder|Partner|Leader|Chief)\s+(?:of|at)\s+(?=[A-Z])")


def trim_titles(name: str, title_words: frozenset[str]) -> str:
    """'Chief Executive Officer of Nordlys Genetics' -> 'Nordlys Genetics'."""
    name = _TITLE_OF.sub("", name)
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut] in title_words:
        cut += 1
    return " ".join(words[cut:]) if cut and words[cut - 1] == "of" else (name if not cut else " ".join(words[cut:]))


def clean_name(raw: str) -> str:
    name = re.sub(r"^[•·▪*]\s*", "", raw.strip()).strip(",;:\"“”'’()[]").strip()
    name = re.sub(r"^[A-Z][a-z]+\s*:\s*", "", name)  # "Title : Mirae Medical Center"
    name = name.rstrip(".") if not re.search(r"\b(?:Inc|Ltd|Co|Corp|B\.V|N\.V|K\.K|S\.A|Pvt|Pte)\.$", name) else name
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = _POSSESSIVE_PREFIX.sub("", name)
    name = re.sub(r"['’]s$", "", name)
    # a newsroom or press office speaks for its organisation; "Japan-based" describes it
    name = re.sub(r"\s+(?:Newsroom|News|News Office|News Service|Press Room|Press Office|Media Center|Media Room"
                  r"|Media Relations|Communications Office|Office of Communications)$", "", name)
    name = re.sub(r"^[A-Z][\w.]*(?:[ -][A-Z][\w.]*)?-based\s+", "", name)
    return re.sub(r"\s+", " ", name).strip()


def _valid(name: str, ctx: Context) -> bool:
    if len(name) < 2 or not name[0].isupper() or _STOP_ORG.match(name) or _TITLE_PREFIX.match(name):
        return False
    words = name.split()
    if len(words) > 9 or all(w.lower() in GENERIC_WORDS for w in words):
        return False
    if re.search(r"\b(?:Agreements?|Memorand(?:um|a)|MOU|MoU|Deals?|Contracts?|Licen[cs]e|Licensing)$", name):
        return False  # "Licensing Agreement" of a Title-Case headline names the deal, not a signatory
    return not re.search(r"\d{3,}|[@/]|\b(?:said|says|and the|announced)\b", name)


def org_heads(lexicon: dict[str, Any]) -> dict[str, str]:
    """Head word -> organisation kind."""
    return {h: kind for kind, heads in lexicon["org_heads"].items() for h in heads}


def kind_of(name: str, lexicon: dict[str, Any], legal: bool) -> str | None:
    heads = org_heads(lexicon)
    found = [(m.start(), kind) for head, kind in heads.items()
             for m in re.finditer(rf"\b{re.escape(head)}\b", name)]
    found += [(m.start(), "company") for m in _company_word(lexicon["company_word_pattern"]).finditer(name)]
    of = re.search(r"\s(?:of|for|de|di|del|für)\s", name)
    if of and any(pos < of.start() for pos, _ in found):  # "Polish Academy of Sciences": the head before "of" decides
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
    r"^(?:[A-Z][\w.-]*\s+)*?(?:Ministry|Agency|Department|Office|Institute|Center|Centre|School|Faculty|College|Bureau"
    r"|Council|Commission|Society|Association|Academy|Federation|University|Foundation)\s+(?:of|for)\s+"
)


def _one_name(before: str, joiner: str, after: str, has_head: Callable[[str], bool]) -> bool:
    """Whether 'before and after' is one name: 'Ministry of Food and Drug Safety', 'Stiles & Partners Communications'."""
    if not after[:1].isupper():
        return False
    if _OF_INSTITUTION.match(before) and not has_head(after):
        return True
    if not has_head(after):
        return False
    if joiner == "&":
        return True
    words = before.split()
    return len(words) >= 2 and not has_head(before) or len(words) == 1 and has_head(before)


_ABBREVIATIONS = {"Inc", "Ltd", "Co", "Corp", "Pte", "Pvt", "Bhd", "Dept", "Univ", "Jr", "Sr", "St", "Mt", "Dr", "Prof", "Assn"}


def _pieces(name: str, verbs: frozenset[str], has_head: Callable[[str], bool]) -> list[str]:
    """Split a run of capitalised words at headline verbs and joiners: 'A Bio Grants B Pharma' -> [A Bio, B Pharma].

    "and"/"&" stay inside one name when the halves belong together ("Blood and Marrow Transplantation Center").
    """
    name = re.split(r"\s*[(:]", name)[0]
    name = re.split(r"\s+at\s+", name)[-1]
    parts: list[list[str]] = [[]]
    joiners: list[str] = []
    for word in name.split():
        if re.search(r"[a-z]{2}\.$", word) and word[:-1] not in _ABBREVIATIONS:  # "...Biologics. Seokjin": a sentence ends
            parts[-1].append(word[:-1])
            parts.append([])
            joiners.append(".")
        elif word in verbs or word.islower() and len(word) > 3 and word.capitalize() in verbs or word in {"and", "&", "with", "to"}:
            parts.append([])
            joiners.append(word)
        else:
            parts[-1].append(word)
    out = [parts[0]]
    for joiner, part in zip(joiners, parts[1:]):
        if joiner in {"and", "&"} and out[-1] and part and _one_name(" ".join(out[-1]), joiner, " ".join(part), has_head):
            out[-1] = [*out[-1], joiner, *part]
        else:
            out.append(part)
    return [" ".join(p) for p in out if p]


def _is_proper(name: str, generic: frozenset[str]) -> bool:
    """At least one word is a name rather than a department or field word."""
    return any(w not in generic and w.lower() not in GENERIC_WORDS for w in re.findall(r"[\w&'’.-]+", name))


def candidates(ctx: Context, exclude: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
    """(name, surface, start, end) for every organisation-like span outside ``exclude`` and noise."""
    lexicon = ctx.rules.lexicon
    suffixes = tuple(lexicon["org_suffixes"])
    raw: list[tuple[int, int]] = []
    for ent in ctx.doc.ents:
        if ent.label_ == "ORG":
            # NER happily runs an entity across a line break ("Foundation\nJoin Forces ..."): split it.
            offset = ent.start_char
            for piece in re.split(r"(\n+)", ent.text):
                if piece and not piece.startswith("\n"):
                    raw.append((offset, offset + len(piece)))
                offset += len(piece)
    for pattern in (_legal_name_re(suffixes), _head_name_re(head_alternation(lexicon)), _INSTITUTION_FIRST):
        for m in pattern.finditer(ctx.masked):
            if not title_case_line(ctx.masked, m.start()):
                raw.append((m.start(), m.end()))
    raw.extend(_coined_names(ctx, lexicon))
    raw.extend(_acronym_defined_names(ctx))
    vouched = [m.span(1) if m.group(1) else m.span(2) for m in _VOUCHED_NAME.finditer(ctx.masked)]
    vouched += _listed_names(ctx)
    raw.extend(vouched)
    vouched_names = {ctx.masked[s:e] for s, e in vouched}
    verbs = frozenset(lexicon["headline_verbs"])
    generic = frozenset(lexicon["generic_name_words"])
    org_texts = {e.text for e in ctx.doc.ents if e.label_ == "ORG"}
    # what NER calls a place, nationality or person, unless an organisation head says otherwise ("Halden Pharma")
    not_orgs = {e.text for e in ctx.doc.ents if e.label_ in ("GPE", "LOC", "NORP", "PERSON")
                and e.text not in org_texts and not has_head(e.text, lexicon)}
    out = []
    excluded = SpanIndex(exclude)
    for start, end in raw:
        surface = ctx.text[start:end]
        if "\n" in surface or ctx.is_noise(start, end) or excluded.overlaps(start, end):
            continue
        for piece in _pieces(surface, verbs, lambda text: has_head(text, lexicon)):
            name = trim_titles(clean_name(piece), _title_words(tuple(lexicon["title_words"])))
            if not _valid(name, ctx) or name in not_orgs - vouched_names or not _is_proper(name, generic):
                continue
            if name.isupper() and len(name) >= 5 and not re.search(rf"\(\s*{re.escape(name)}\b", ctx.text):
                continue  # datelines in capitals ("BOSTON"), not acronyms defined in parentheses
            if len(name.split()) == 1 and not name.isupper() and not _single_word_org(name, ctx, lexicon):
                continue
            if " " not in name and name.isupper() and not _acronym_supported(name, ctx, lexicon):
                continue  # "ECG", "TEL", "AML": capitals alone name no organisation
            if _is_person_with_title(name, ctx.masked, start + max(surface.find(name), 0), lexicon):
                continue
            found = surface.find(name)
            offset = start + found if found >= 0 else start
            out.append((name, surface, offset, offset + len(name) if found >= 0 else end))
    return out


_DEFINED_NAME = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|&|the|de|di)[ \t]+)*){1,7}[A-Z][\w'’-]*)[ \t]+\(([A-Z][A-Za-z&]{1,9})[,;)]")


# "Biraon (CEO Ji-hoon Seo)", "the startup Biraon": names a chief executive or a company noun vouches for.
_VOUCHED_NAME = re.compile(
    r"\b([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,4})[ \t]*\((?:CEO|President|Chairman|Chairwoman|Representative|Founder)\b"
    r"|\b(?:startup|start-up|spin-off|spinout)[ \t]+([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})"
)


def list_intro(ctx: Context) -> re.Pattern[str]:
    """'The partners are:' / 'The consortium comprises:' introducing one list item per party."""
    return _compiled_ci(ctx.rules.lexicon["party_list_intro"])


@lru_cache(maxsize=4)
def _compiled_ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _listed_names(ctx: Context) -> list[tuple[int, int]]:
    """The leading name of each item under a party-list intro: '• Fundació Sant Joan de Déu, Spain'."""
    out: list[tuple[int, int]] = []
    listing, pos = False, 0
    for line in ctx.masked.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if list_intro(ctx).search(line.rstrip()):
            listing = True
            continue
        if not listing or not line.strip():
            continue
        item = re.match(r"[ \t]*(?:[-•·▪*]|\d+[.)])[ \t]+([A-Z][^,(\n–—]{1,80}?)[ \t]*(?=[,(\n–—]|$)", line)
        if not item:
            listing = False
            continue
        out.append((start + item.start(1), start + item.end(1)))
    return out


def _acronym_defined_names(ctx: Context) -> list[tuple[int, int]]:
    """'Duchenne Parents Europe (DPE)': a capitalised name whose initials the acronym after it spells."""
    out = []
    for m in _DEFINED_NAME.finditer(ctx.masked):
        words = m.group(1).split()
        acronym = m.group(2).upper().replace("&", "")
        for i in range(len(words)):
            if words[i][0].isupper() and _initials(" ".join(words[i:])).upper() == acronym:
                offset = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                out.append((offset, m.end(1)))
                break
    return out


def _is_person_with_title(name: str, text: str, start: int, lexicon: dict[str, Any]) -> bool:
    """'Sara Holm, Head of Communications' or 'CEO: Sara Holm': a short name without organisation words, and a title."""
    if not 2 <= len(name.split()) <= 3 or has_head(name, lexicon):
        return False
    titles = "|".join(re.escape(t) for t in sorted(lexicon["title_words"], key=len, reverse=True))
    after = text[start + len(name):start + len(name) + 80]
    before = text[max(0, start - 60):start]  # "(President and CEO: Takeshi Morioka; ...)"
    return bool(re.match(rf",\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,3}}(?:{titles})\b", after)
                or re.search(rf"\b(?:{titles})\s*:\s*$", before))


def _acronym_supported(acronym: str, ctx: Context, lexicon: dict[str, Any]) -> bool:
    """An acronym names an organisation when the article defines it in parentheses after a capitalised name,
    when it is a known regulator or exchange, or when a legal suffix or head word follows it."""
    if non_party_acronym(acronym, lexicon):
        return True
    key = ("acronym", acronym)
    if key not in ctx.memo:
        defined = re.search(rf"[A-Z][\w.&'’-]*[ \t]*\((?:[^()]*[,;][ \t]*)?[\"“]?{re.escape(acronym)}[\"”]?[,;)]", ctx.masked)
        ctx.memo[key] = bool(defined) or _single_word_support(acronym, ctx, lexicon)
    return bool(ctx.memo[key])


def non_party_acronym(acronym: str, lexicon: dict[str, Any]) -> bool:
    """Regulators and exchanges known by their acronym alone (FDA, EMA, KOSDAQ)."""
    roles: dict[str, str] = lexicon["non_party_roles"]
    return any(re.fullmatch(rf"(?:{roles[r]})", acronym) for r in ("regulator", "exchange", "funder") if r in roles)


def _coined_names(ctx: Context, lexicon: dict[str, Any]) -> list[tuple[int, int]]:
    """Stand-alone coined company names ("Biosolution"): used twice or more, and never in lower case."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _company_word(lexicon["company_word_pattern"]).finditer(ctx.masked):
        found.setdefault(m.group(), []).append(m.span())
    lowered = ctx.masked.lower()
    return [span for word, spans in found.items() if len(spans) >= 2
            and lowered.count(word.lower()) == len(spans) for span in spans]


def has_head(name: str, lexicon: dict[str, Any]) -> bool:
    return (any(w in org_heads(lexicon) for w in name.split()) or bool(_suffix_re(tuple(lexicon["org_suffixes"])).search(name))
            or bool(_company_word(lexicon["company_word_pattern"]).search(name)))


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
    if _company_word(lexicon["company_word_pattern"]).fullmatch(name):
        return True
    heads = head_alternation(lexicon)
    word = re.escape(name)
    return bool(re.search(rf"\b{word}(?:[ \t]+[A-Z][\w&.-]*){{0,3}}[ \t]+(?:{heads})\b", ctx.masked)
                or re.search(rf"\b{word},?\s+(?:Inc|Ltd|Co|Corp|GmbH|AG|SA|SAS|ApS|ASA|B\.V|N\.V|K\.K|AB|plc)\b", ctx.masked)
                # "Biraon (CEO Ji-hoon Seo)", "the startup Biraon": a chief executive or a company noun vouches for it
                or re.search(rf"\b{word}\s*\((?:CEO|President|Chairman|Chairwoman|Representative|Founder)\b", ctx.masked)
                or re.search(rf"\b(?:startup|start-up|spin-off|spinout|biotech|company|firm|developer|maker)\s+{word}\b",
                             ctx.masked))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _is_alias(short: str, long: str, heads: dict[str, str], other_names: frozenset[str] = frozenset()) -> bool:
    """Whether ``short`` names the same organisation as ``long`` ("Hanwool" / "Hanwool Pharmaceutical")."""
    s, l_ = short.split(), long.split()
    if len(s) >= len(l_):
        return False
    if short.isupper() and len(short) >= 2 and " " not in short:
        initials = _initials(long)
        return initials.startswith(short) and len(short) >= len(initials) - 1
    if s[-1] in heads and heads[s[-1]] != "company":
        return False  # "Seoyeon University Hospital" is not an alias of its own clinical trial centre
    if l_[: len(s)] == s:
        return True
    if l_[-len(s):] == s:  # "Lanxin Therapeutics" of "Hangzhou Lanxin Therapeutics"
        return not any(w in other_names for w in l_[: -len(s)])  # not a joint venture named after both parents
    return len(s) == 1 and s[0] in l_ and s[0].lower() not in GENERIC_WORDS


def cluster(ctx: Context, exclude: list[tuple[int, int]]) -> list[OrgEntity]:
    """Group organisation candidates into entities with aliases and all their mentions."""
    lexicon = ctx.rules.lexicon
    heads = org_heads(lexicon)
    by_key: dict[str, OrgEntity] = {}
    legal_forms: dict[str, str] = {}
    defined_aliases: dict[str, str] = {}
    for name, _surface, start, end in candidates(ctx, exclude):
        base = strip_suffix(name, lexicon)
        if base != name:
            legal_forms[fold(base)] = name
        key = fold(base)
        entity = by_key.setdefault(key, OrgEntity(name=base))
        entity.forms.add(base)
        if base != name:
            entity.forms.add(name)
        # 'Tessellate Bio, Inc. ("Tessellate")', 'Istituto Lombardo di Miologia (ILM, Milan, Italy)'
        after = ctx.text[end:end + 240]
        m = _ALIAS_AFTER.match(after) or _ALIAS_IN_PROFILE.match(after)
        if m and not re.match(r"(?:CEO|Director|Chairman|President|Head|Chair|Professor)\b", m.group(1)) \
                and _plausible_alias(m.group(1), base, quoted=bool(re.search(r"[\"“']\s*$", after[:m.start(1)]))):
            defined_aliases[m.group(1)] = key
    entities = sorted(by_key.values(), key=lambda e: (-len(e.name.split()), e.name))
    # First words of multi-word names ("Kaveri" of "Kaveri Biopharma"): a name that starts with another
    # organisation's word is a joint venture of both ("Kaveri Seolhwa Biologics"), not an alias host.
    first_words: dict[str, set[str]] = {}
    for e in entities:
        if len(e.name.split()) > 1:
            first_words.setdefault(e.name.split()[0], set()).add(e.name)
    merged: list[OrgEntity] = []
    for entity in entities:
        key = fold(entity.name)
        target = None
        if entity.name in defined_aliases and defined_aliases[entity.name] != key:
            target = next((e for e in merged if fold(e.name) == defined_aliases[entity.name]), None)
        if target is None:
            hosts = [e for e in merged
                     if _is_alias(entity.name, e.name, heads, frozenset(w for w, names in first_words.items() if names - {e.name}))]
            if hosts:
                target = min(hosts, key=lambda e: (_first_offset(ctx, e), e.name))
        if target is not None:
            target.forms |= entity.forms
        else:
            merged.append(entity)
    for alias, key in defined_aliases.items():
        host = next((e for e in merged if fold(e.name) == key or key in {fold(f) for f in e.forms}), None)
        if host:
            for other in list(merged):
                if other is not host and other.name == alias:
                    host.forms |= other.forms
                    merged.remove(other)
            host.forms.add(alias)
    for entity in merged:
        entity.mentions = _find_mentions(ctx, entity.forms)
        entity.kind = _described_kind(ctx, entity) or kind_of(entity.name, lexicon, legal=fold(entity.name) in legal_forms)
    return _absorb_fragments(ctx, merged)


def _absorb_fragments(ctx: Context, entities: list[OrgEntity]) -> list[OrgEntity]:
    """"Drug Administration" inside "U.S. Food and Drug Administration" is no organisation of its own:
    its mentions there are dropped, and if it has none left but an acronym ("FDA"), the acronym joins the host."""
    owner = {(m.start, m.end): e for e in entities for m in e.mentions}
    index = SpanIndex(owner)
    out = []
    for entity in entities:
        hosts = [owner[span] for m in entity.mentions for span in index.covering(m.start, m.end) if owner[span] is not entity]
        entity.mentions = [m for m in entity.mentions if not index.covers(m.start, m.end, strictly=True)]
        named = [m for m in entity.mentions if not m.text.isupper()]
        if hosts and not named:
            host = hosts[0]
            host.forms |= {f for f in entity.forms if f.isupper()}
            host.mentions = sorted([*host.mentions, *entity.mentions], key=lambda m: m.start)
            continue
        out.append(entity)
    return [e for e in out if e.mentions]


_DESCRIBED_AS = re.compile(
    r",?\s+(?:a|an|the|one of|[A-Z][\w-]*['’]s)\s+[^,.;()\n]{0,60}\b(hospital|hospitals|hospital trust|medical center|clinic"
    r"|university|college|institute|foundation|association|society|company|biotech|startup|start-up|developer|maker"
    r"|manufacturer|drugmaker|pharmaceutical company|firm)\b"
)
_DESCRIPTION_KIND = {"hospital": "hospital", "hospitals": "hospital", "hospital trust": "hospital", "medical center": "hospital",
                     "clinic": "hospital", "university": "university", "college": "university",
                     "institute": "research_institute", "foundation": "foundation", "association": "association",
                     "society": "association"}


def _described_kind(ctx: Context, entity: OrgEntity) -> str | None:
    """The kind an appositive gives: 'Norvik Health, Norway's largest university hospital trust,' -> hospital."""
    for mention in entity.mentions[:3]:
        m = _DESCRIBED_AS.match(re.sub(r"^[ ,]*(?:Inc|Ltd|Co|Corp|AS|AB|AG|GmbH|plc)\.?", "", ctx.masked[mention.end:mention.end + 120]))
        if m:
            return _DESCRIPTION_KIND.get(m.group(1).lower(), "company")
    return None


def _plausible_alias(alias: str, name: str, quoted: bool) -> bool:
    """A short name in parentheses after a name is its alias when quoted ('("Tessellate")'), an acronym
    ("ILM"), or words of the name; "(Aarhus, Denmark)" gives a place, not an alias."""
    return quoted or alias.replace("&", "").isupper() or all(w in name.split() for w in alias.split())


def _first_offset(ctx: Context, entity: OrgEntity) -> int:
    positions = [ctx.masked.find(f) for f in entity.forms]
    return min((p for p in positions if p >= 0), default=1 << 30)


def _find_mentions(ctx: Context, forms: set[str]) -> list[Mention]:
    spans = SpanIndex()
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", ctx.masked):
            if not spans.overlaps(m.start(), m.end()):
                spans.add((m.start(), m.end()))
    return [ctx.mention(s, e) for s, e in spans.spans]
