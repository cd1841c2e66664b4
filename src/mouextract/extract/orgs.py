"""Organisations: candidates clustered into entities with aliases, kinds and every mention."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Mention
from .context import Context
from .org_candidates import candidates
from .org_names import CORE_TITLES, GENERIC_WORDS, fold, initials, kind_of, org_heads, strip_suffix
from .spans import SpanIndex
from .textfind import occurrences

# 'Tervella Bio, Inc. ("Tervella")', 'Istituto Lombardo di Miologia (ILM, Milan, Italy)'
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
    # found only by the parse (an agreement event's argument), never by the surface patterns: a party
    # candidate, not reported as an organisation unless chosen
    syntax_only: bool = False
    # a one-word name without the support surface names need (NER alone reads it as an organisation): a party
    # candidate only, like syntax_only
    weak: bool = False

    @property
    def candidate_only(self) -> bool:
        """Reported only when chosen as a party."""
        return self.syntax_only or self.weak

    @property
    def aliases(self) -> list[str]:
        return sorted((f for f in self.forms if f != self.name), key=lambda f: (-len(f), f))


def _is_alias(short: str, long: str, heads: dict[str, str], other_names: frozenset[str] = frozenset()) -> bool:
    """Whether ``short`` names the same organisation as ``long`` ("Hanwool" / "Hanwool Pharmaceutical")."""
    s, l_ = short.split(), long.split()
    if len(s) == len(l_) > 1 and s[0] == l_[0] and s != l_ and _prefix_words(s[1:], l_[1:]):
        # "Kelbrook Pharma" / "Kelbrook Pharmaceuticals" / "Kelbrook Pharm": the same words, shortened. Asked once per
        # pair (the later name against the earlier hosts), so either order merges.
        return True
    glued = l_[0][: -len(short)] if len(s) == 1 and len(short) >= 5 and l_[0].endswith(short) else ""
    if glued[:1].isupper() and glued[1:].islower() and len(glued) > 1:
        return True  # "Yunjing" of "ShanghaiYunjing Biotech": words run together by the page's markup
    if acronym_led(short, long):
        return True  # "CKD Pharm" of "Chong Kun Dang Pharmaceutical"
    if len(s) == 1 and _abbreviates(short, l_):
        return True  # "PolyU" of "Norland Polytechnic University", "YSP" of "YS Pharmaceutical"
    if 2 <= len(s) < len(l_) and s[:-1] == l_[:len(s) - 1] and _abbreviates(s[-1], l_[len(s) - 1:]):
        # "Halden HK" of "Halden Hong Kong", "Ostvik University NHS FT" of "... NHS Foundation Trust": the rest of
        # the name shortened to its initials
        return True
    if len(s) >= len(l_) or (len(s) == 1 and s[0] in heads):
        return False  # a head word alone ("Bio" of "Corvina Bio") names no one
    if short.isupper() and len(short) >= 2 and " " not in short:
        # "H&K" of "Holm & Kvist": the ampersand of a short form joins initials, no letter of its own
        acronym, letters = short.replace("&", ""), initials(long)
        # "OUH" of "Ostvik University Hospital Cancer Centre": three letters or more may spell the name's first
        # words alone, the unit's head words left off (two letters spell too many names)
        return len(acronym) >= 2 and letters.startswith(acronym) and (len(acronym) >= len(letters) - 1 or len(acronym) >= 3)
    if s[-1] in heads and heads[s[-1]] != "company":
        return False  # "Seoyeon University Hospital" is not an alias of its own clinical trial centre
    if l_[: len(s)] == s:
        return True
    if s[0] == l_[0] and len(s) > 1 and _prefix_words(s[1:], l_[1:len(s)]):
        return True  # "Lark Pharma" of "Lark Pharmaceutical Industries"
    if l_[-len(s):] == s:  # "Lanxin Therapeutics" of "Hangzhou Lanxin Therapeutics"
        return not any(w in other_names for w in l_[: -len(s)])  # not a joint venture named after both parents
    return len(s) == 1 and s[0] in l_ and s[0].lower() not in GENERIC_WORDS


def acronym_led(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with its leading words run into their initials and the rest kept or shortened
    word by word: "CKD Pharm" of "Chong Kun Dang Pharmaceutical", "HBL Therapeutics" of "Halden Bay Lake
    Therapeutics" (the short form Korean and Japanese companies give themselves)."""
    s, l_ = short.split(), long.split()
    if len(s) < 2 or not (s[0].isupper() and s[0].isalpha() and len(s[0]) >= 2):
        return False
    k = len(s[0])
    lead = l_[:k]
    return len(l_) == k + len(s) - 1 and all(w[:1].isupper() for w in lead) \
        and "".join(w[0] for w in lead) == s[0] and _prefix_words(s[1:], l_[k:])


_ABBREV_PIECE = re.compile(r"[A-Z][a-z]*")
_ABBREV_SKIP = frozenset({"of", "and", "&", "the", "for"})


def _abbreviates(short: str, words: list[str]) -> bool:
    """Whether the one-word ``short`` runs together the starts of the last words of a name, each piece
    capitalised: "PolyU" (Poly-technic U-niversity), "YSP" (YS P-harmaceutical), "HK" (H-ong K-ong). A name's
    leading words may be left out (a place: "Norland"), its last ones not; "of", "and" may be skipped."""
    if not short.isalnum() or sum(c.isupper() for c in short) < 2 or not short[0].isupper():
        return False
    pieces = _ABBREV_PIECE.findall(short)
    if "".join(pieces) != short:
        return False
    content = [w for w in words if w.lower() not in _ABBREV_SKIP]
    # a word written in capitals ("YS") may stand for as many pieces as it has letters
    expanded = [c for w in content for c in (list(w) if w.isupper() and w.isalpha() else [w])]
    tail = expanded[-len(pieces):] if len(pieces) <= len(expanded) else []
    return len(pieces) >= 2 and bool(tail) and all(w.lower().startswith(piece.lower()) for piece, w in zip(pieces, tail, strict=True))


def _fuller(name: str, other: str) -> bool:
    """Whether ``name`` writes out words ``other`` shortens, word by word ("Pharmaceutical" of "Pharm"), and no
    more: "YS TelecomYS" (a name glued to the next word by the page) is not the fuller "YS Telecom"."""
    a, b = name.split(), other.split()
    return len(a) == len(b) and len(name) > len(other) \
        and all(x.startswith(y) and (x[len(y):] == "" or x[len(y):].islower()) for x, y in zip(a, b, strict=True))


def _prefix_words(short: list[str], long: list[str]) -> bool:
    """Word by word the same or one a prefix of the other ("Pharma" / "Pharmaceuticals"), four letters at least."""
    return all(a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))
               for a, b in zip(short, long, strict=True))


def cluster(ctx: Context, exclude: list[tuple[int, int]], syntax: Sequence[tuple[int, int]] = ()) -> list[OrgEntity]:
    """Group organisation candidates (``syntax``: event-argument spans) into entities with aliases and mentions."""
    lexicon = ctx.rules.lexicon
    heads = org_heads(lexicon)
    by_key: dict[str, OrgEntity] = {}
    legal_forms: dict[str, str] = {}
    defined_aliases: dict[str, str] = {}
    for name, _surface, start, end, parsed, weak in candidates(ctx, exclude, syntax):
        base = strip_suffix(name, lexicon)
        if base != name:
            legal_forms[fold(base)] = name
        key = fold(base)
        entity = by_key.setdefault(key, OrgEntity(name=base, syntax_only=parsed, weak=weak))
        entity.syntax_only = entity.syntax_only and parsed
        entity.weak = entity.weak and weak
        entity.forms.add(base)
        if base != name:
            entity.forms.add(name)
        after = ctx.text[end:end + 240]
        m = _ALIAS_AFTER.match(after) or _ALIAS_IN_PROFILE.match(after)
        if m and not re.match(rf"(?:{CORE_TITLES})\b", m.group(1)) \
                and _plausible_alias(m.group(1), base, quoted=bool(re.search(r"[\"“']\s*$", after[:m.start(1)]))):
            defined_aliases[m.group(1)] = key
    entities = sorted(by_key.values(), key=lambda e: (-len(e.name.split()), e.name))
    # First words of multi-word names ("Kaveri" of "Kaveri Biopharma"): a name that starts with another
    # organisation's word is a joint venture of both ("Kaveri Seolhwa Biologics"), not an alias host.
    first_words: dict[str, set[str]] = {}
    for e in entities:
        if len(e.name.split()) > 1:
            first_words.setdefault(e.name.split()[0], set()).add(e.name)
    others_first = {e.name: frozenset(w for w, names in first_words.items() if names - {e.name}) for e in entities}
    merged: list[OrgEntity] = []
    for entity in entities:
        key = fold(entity.name)
        target = None
        if entity.name in defined_aliases and defined_aliases[entity.name] != key:
            target = next((e for e in merged if fold(e.name) == defined_aliases[entity.name]), None)
        if target is None:
            hosts = [e for e in merged if _is_alias(entity.name, e.name, heads, others_first[e.name])]
            if hosts:
                target = min(hosts, key=lambda e: (_first_offset(ctx, e), e.name))
                if _fuller(entity.name, target.name):
                    target.name = entity.name  # of "Hanwool Pharm" and "Hanwool Pharmaceutical" the full words name it
        if target is not None:
            target.forms |= entity.forms
            target.syntax_only = target.syntax_only and entity.syntax_only
            target.weak = target.weak and entity.weak
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
    _add_short_forms(ctx, merged, heads)
    _name_the_government(ctx, merged)
    for entity in merged:
        entity.mentions = _find_mentions(ctx, entity.forms)
        entity.kind = _described_kind(ctx, entity) or kind_of(entity.name, lexicon, legal=fold(entity.name) in legal_forms)
    return _absorb_fragments(ctx, merged)


_QUALIFIED_GOVERNMENT = re.compile(r"\b[Tt]he[ \t]+((?:[A-Z][a-z]+[ \t]+){1,2}Government)\b")


def _name_the_government(ctx: Context, entities: list[OrgEntity]) -> None:
    """'The Government signed ...' in an article that also writes 'the Norlandic Government': the one government
    the article qualifies is the signing government's name."""
    bare = next((e for e in entities if e.name == "Government"), None)
    qualified = {m.group(1) for m in _QUALIFIED_GOVERNMENT.finditer(ctx.masked)}
    if bare is None or len(qualified) != 1:
        return
    full = qualified.pop()
    other = next((e for e in entities if e.name == full), None)
    if other is not None:
        bare.forms |= other.forms
        entities.remove(other)
    bare.forms.add(full)
    bare.name = full


def _add_short_forms(ctx: Context, entities: list[OrgEntity], heads: dict[str, str]) -> None:
    """'Halden Therapeutics' ... 'Halden said': a company's first word used on its own is its short name.

    Only where the rest of the name is company head words, no other organisation starts with the same word
    ("Halden Bio" and "Halden Pharma" share it), the word is no person's name part, and it never appears in lower
    case (then it is a common word: "Sun", "Active").
    """
    starts: dict[str, int] = {}
    for e in entities:
        starts[e.name.split()[0]] = starts.get(e.name.split()[0], 0) + 1
    person_words = {w for ent in ctx.ents if ent.label_ == "PERSON" for w in ent.text.split()}
    known = {f for e in entities for f in e.forms}
    lowered = ctx.masked.lower()
    for entity in entities:
        first, *rest = entity.name.split()
        if not rest or not all(heads.get(w) == "company" for w in rest) or starts[first] > 1 or first in known \
                or len(first) < 4 or not first[0].isupper() or first.lower() in GENERIC_WORDS or first in person_words:
            continue
        alone = len(occurrences(ctx.masked, first, joiners="-"))
        within = sum(len(occurrences(ctx.masked, f, joiners="-")) for f in entity.forms if f.split()[0] == first)
        if alone > within and lowered.count(first.lower()) == ctx.masked.count(first):
            entity.forms.add(first)


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
    """A short name in parentheses after a name is its alias when quoted ('("Tervella")'), an acronym
    ("ILM"), or words of the name; "(Aarhus, Denmark)" gives a place, not an alias."""
    acronym = " " not in alias and sum(c.isupper() for c in alias) >= 2  # "ILM", "CiOR"
    return quoted or acronym or all(w in name.split() for w in alias.split())


def _first_offset(ctx: Context, entity: OrgEntity) -> int:
    positions = [ctx.masked.find(f) for f in entity.forms]
    return min((p for p in positions if p >= 0), default=1 << 30)


def _find_mentions(ctx: Context, forms: set[str]) -> list[Mention]:
    spans = SpanIndex()
    for form in sorted(forms, key=lambda f: (-len(f), f)):  # the longer first; equal lengths in a fixed order
        for start, end in occurrences(ctx.masked, form, joiners="-"):
            if not spans.overlaps(start, end):
                spans.add((start, end))
    return [ctx.mention(s, e) for s, e in spans.spans]
