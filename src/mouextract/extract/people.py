"""People: names (NER and title-anchored rules), titles, organisations, roles and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Person, Quote
from .context import Context
from .orgs import OrgEntity

_HONORIFIC = re.compile(r"^(?:Dr\.?|Prof\.|Mr\.?|Mrs\.?|Ms\.?|Mx\.?)\s+")
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?|[A-Z]{2,}(?=[ \t]+[A-Z][a-z]))"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}"
_UNIT_HEADS = re.compile(r"\b(Division|Department|Dept\.?|Team|Unit|Program|Programme|Practice|Office|Group|Section)$")
_CUT = re.compile(
    r"\s+(?:said|says|added|noted|stated|explained|commented|told|who|which|will|would|has|had|is|was|also|and her|and his"
    r"|signed|attended|hold|holds|are|were|during|after|before)\b|[;\"“”()\[\]|]|\n|,\s+(?=[a-z])"
    r"|(?<!Dept)(?<!Inc)(?<!Ltd)(?<!Co)(?<!Corp)(?<![A-Z])\.(?=\s|$)"
)
_REFERENCE_HEADS = {"company", "hospital", "university", "trust", "institute", "foundation", "center", "centre", "firm",
                    "school", "agency", "group"}
_CONTACT_HEADER = re.compile(r"\b(contacts?|enquiries|inquiries|media|investors?)\b.{0,30}$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _title_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


@dataclass
class _Candidate:
    name: str
    start: int
    end: int
    title: str | None = None
    org: str | None = None
    quotes: list[Quote] = field(default_factory=list)


def _key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.sub(r"[-‐‑]", "", name.lower()).replace(".", " ").split())


def _valid_name(name: str, ctx: Context, org_words: set[str]) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in name):
        return False
    title_re = _title_re(tuple(ctx.rules.lexicon["title_words"]))
    for w in words:
        if not w[0].isupper() or w in org_words or title_re.fullmatch(w):
            return False
        if w.lower() in {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "the", "and", "of", "korea", "china", "japan", "india"}:
            return False
    return True


class PeopleExtractor:
    """Finds people and links each to a title and an organisation (canonical party name when a party)."""

    def __init__(self, ctx: Context, entities: list[OrgEntity], parties: list[OrgEntity]) -> None:
        self.ctx = ctx
        self.entities = entities
        self.parties = parties
        self.title_re = _title_re(tuple(ctx.rules.lexicon["title_words"]))
        self.org_words = {w for e in entities for f in e.forms for w in f.split() if len(f.split()) > 1}
        self.forms = sorted(((f, e) for e in entities for f in e.forms
                             if not _UNIT_HEADS.search(f) and not re.match(r"(?:Department|Division|Office) of", f)),
                            key=lambda fe: -len(fe[0]))

    # -- organisations -------------------------------------------------------------------------
    def org_at(self, text: str) -> tuple[str, int] | None:
        """The organisation named at the start of ``text``, as (canonical name, length)."""
        stripped = re.sub(r"^(?:the\s+|The\s+)", "", text)
        skip = len(text) - len(stripped)
        for form, entity in self.forms:
            if stripped.startswith(form) and not re.match(r"[\w-]", stripped[len(form):len(form) + 1]):
                return entity.name, skip + len(form)
        m = re.match(r"(?:the|our|its)\s+(\w+)\b", text)
        if m and m.group(1).lower() in _REFERENCE_HEADS:
            head = m.group(1).lower()
            for form, entity in self.forms:
                if head in form.lower() or (head == "company" and entity.kind == "company"):
                    return entity.name, m.end()
        return None

    def org_before_open_paren(self, before: str) -> str | None:
        """'Sejin Bio (CEO ' or 'Sakuragi Co., Ltd. (Head Office: ...; President: ' -> the organisation."""
        depth, i = 0, len(before) - 1
        while i >= 0:
            if before[i] == ")":
                depth += 1
            elif before[i] == "(":
                if depth == 0:
                    break
                depth -= 1
            i -= 1
        if i < 0:
            return None
        head = before[:i].rstrip()
        for form, entity in self.forms:
            if head.endswith(form) or head.rstrip(".").endswith(form.rstrip(".")):
                return entity.name
        return None

    def split_title(self, rest: str) -> tuple[str | None, str | None]:
        """'Director of Seoyeon University Hospital' -> ('Director', 'Seoyeon University Hospital')."""
        cut = _CUT.search(rest)
        rest = rest[: cut.start()] if cut else rest
        rest = rest.strip(" ,")
        found = self.org_at(rest)
        if found:  # "Tessellate Bio CEO ..." handled by the caller; here the org comes first: ", Ashgrove Univ..."
            return None, found[0]
        for m in re.finditer(r"\s+(?:of|at|from|with)\s+|,\s*", rest):
            hit = self.org_at(rest[m.end():])
            if hit:
                title = rest[: m.start()].strip(" ,")
                return (self.clean_title(title), hit[0])
        return self.clean_title(rest), None

    def clean_title(self, title: str) -> str | None:
        title = re.sub(r"\s*\([A-Z&]{2,6}\)", "", title).strip(" ,")
        title = re.sub(r"^(?:the|a|an|our|its|their)\s+", "", title)
        title = re.sub(r"\s+(?:and|&)$", "", title)
        if not title or len(title) > 90 or not self.title_re.search(" ".join(title.split()[:4])):
            return None
        return title

    # -- names ---------------------------------------------------------------------------------
    def candidates(self) -> list[_Candidate]:
        ctx = self.ctx
        spans: list[tuple[int, int]] = []
        for ent in ctx.doc.ents:
            if ent.label_ == "PERSON":
                for piece in re.finditer(r"[^\n]+", ent.text):
                    spans.append((ent.start_char + piece.start(), ent.start_char + piece.end()))
        title_alt = self.title_re.pattern
        for m in re.finditer(rf"(?:{title_alt})\s+({_NAME})", ctx.masked):
            spans.append((m.start(1), m.end(1)))
        for m in re.finditer(rf"(?m)({_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w-]+\s+){{0,4}}(?:{title_alt})", ctx.masked):
            spans.append((m.start(1), m.end(1)))
        for m in re.finditer(rf"(?m)^\s*({_NAME})\s*(?:•.*)?$\n\s*[^\n]*(?:{title_alt})", ctx.masked):
            spans.append((m.start(1), m.end(1)))
        out: list[_Candidate] = []
        taken: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
            raw = ctx.text[start:end]
            name = _HONORIFIC.sub("", raw.strip())
            name = re.sub(r"['’]s$", "", name).strip(" ,.")
            name = re.sub(r",?\s+(?:Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$", "", name)
            if not name or ctx.is_noise(start, end):
                continue
            offset = start + raw.find(name)
            span = (offset, offset + len(name))
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            if self.org_at(name) or not _valid_name(name, ctx, self.org_words):
                continue
            taken.append(span)
            out.append(_Candidate(name, *span))
        return out

    def describe(self, cand: _Candidate) -> None:
        """Fill title and organisation from the constructions around one mention."""
        text, start, end = self.ctx.masked, cand.start, cand.end
        # "Kim Daehyun, CEO of Gaon CellWorks" / contact blocks "Name\nTitle\nOrganisation"
        after = text[end:end + 220]
        m = re.match(r"(?:,?\s*(?:Ph\.?\s?D\.?|M\.?D\.?|MBA|Jr\.|Sr\.))*,\s*(.+)", after)
        if m:
            cand.title, cand.org = self.split_title(m.group(1))
        else:
            block = re.match(r"[ \t]*(?:•[^\n]*)?\n[ \t]*([^\n]+)(?:\n[ \t]*([^\n]+))?", after)
            if block:
                title, org = self.split_title(block.group(1))
                if title:
                    cand.title, cand.org = title, org
                    if org is None and block.group(2):
                        hit = self.org_at(block.group(2).strip())
                        cand.org = hit[0] if hit else None
        if cand.title:
            return
        # "Seoyeon University Hospital (Director Park Jiyoung)", "HUMCC Director Wook Chun",
        # "President Jung-Sun Lee of Biosolution", "Seolhwa Group Chairman Seo Young-gil"
        before = text[max(0, start - 120):start]
        bm = re.search(rf"((?:[A-Z][\w&'’.-]*[ \t]+){{0,6}}?)\(?((?:(?:{self.title_re.pattern})[ ,]*(?:and\s+)?)+)[ \t:]*$",
                       before)
        if not bm:
            return
        title = bm.group(2).strip(" ,")
        cand.title = self.clean_title(title) or cand.title
        org_text = bm.group(1).strip()
        if org_text:
            hit = self.org_at(org_text) or self.org_at(" ".join(org_text.split()[-4:]))
            cand.org = hit[0] if hit else None
        if cand.org is None:
            cand.org = self.org_before_open_paren(before)
        if cand.org is None:
            of = re.match(r"\s+(?:of|at)\s+(.{0,80})", text[end:end + 90])
            if of:
                hit = self.org_at(of.group(1))
                cand.org = hit[0] if hit else None

    def quotes(self, people: dict[frozenset[str], Person]) -> None:
        """Attribute each direct quote to the person named right after or before it."""
        text = self.ctx.masked
        last: Person | None = None
        for m in re.finditer(r"[\"“]([^\"“”\n]{20,}?)[\"”]", text):
            q_start, q_end = m.start(1), m.end(1)
            tail = text[m.end():m.end() + 100]
            head = text[max(0, m.start() - 150):m.start()]
            speaker = self._person_in(tail, people, first=True) or self._person_in(head, people, first=False)
            if speaker is None and re.match(r"\s*$|\s*[\"“]", head[-3:]) and last is not None:
                speaker = last
            if speaker is not None:
                speaker.quotes.append(Quote(text=self.ctx.text[q_start:q_end], start=q_start, end=q_end))
                last = speaker

    def _person_in(self, window: str, people: dict[frozenset[str], Person], first: bool) -> Person | None:
        cut = re.split(r"[.!?][\"”]?\s+(?=[A-Z\"“])|\n\s*\n", window)
        window = cut[0] if first else cut[-1]
        hits = []
        for person in people.values():
            for token in {person.name, *person.name.split()}:
                if len(token) > 2:
                    for m in re.finditer(rf"\b{re.escape(token)}\b", window):
                        hits.append((m.start(), person))
        if not hits:
            return None
        return min(hits, key=lambda h: h[0])[1] if first else max(hits, key=lambda h: h[0])[1]

    def run(self) -> list[Person]:
        cands = self.candidates()
        for cand in cands:
            self.describe(cand)
        # ";"-separated attendee lists: "Park, CEO of X; Yoo, Head of Bio R&D Division; ..." inherit X.
        for prev, cand in zip(cands, cands[1:]):
            between = self.ctx.masked[prev.end:cand.start]
            if cand.title and cand.org is None and prev.org and ";" in between and "\n" not in between:
                cand.org = prev.org
        people: dict[frozenset[str], Person] = {}
        for cand in cands:
            key = _key(cand.name)
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name=cand.name)
            person.mentions.append(self.ctx.mention(cand.start, cand.end))
            if cand.title and (person.title is None or (cand.org and person.organization is None)):
                person.title = cand.title
                person.organization = cand.org or person.organization
            elif cand.org and person.organization is None and person.title:
                person.organization = cand.org
        self.quotes(people)
        for person in people.values():
            person.role = self.role(person)
            person.mentions.sort(key=lambda x: x.start)
        return sorted(people.values(), key=lambda p: p.mentions[0].start)

    def role(self, person: Person) -> str:
        sentences = " ".join(self.ctx.sentence_text(m.start) for m in person.mentions).lower()
        if re.search(r"\bsign(ed|ing)?\b", sentences) and not re.search(r"attended", sentences):
            return "signatory"
        if re.search(r"\battend", sentences):
            return "attendee"
        if person.quotes:
            return "quoted"
        start = person.mentions[0].start
        head = self.ctx.masked[max(0, start - 200):start]
        if any(_CONTACT_HEADER.search(line) for line in head.splitlines()[-3:]):
            return "contact"
        return "participant"


def extract_people(ctx: Context, entities: list[OrgEntity], parties: list[OrgEntity]) -> list[Person]:
    return PeopleExtractor(ctx, entities, parties).run()

