"""The evidence page: one article with every mention highlighted, beside its facts (one self-contained HTML file).

The text is cut at every mention and noise boundary into segments; each segment lists the mentions that
cover it, and each mention is drawn as a bar on its own level, so nested and crossing mentions both show
(the stacking displaCy's span style uses). displaCy itself is not used: it renders token by token from a
spaCy Doc and has no click-to-select or noise layer, and the page needs only the character offsets.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .clean import noise_spans
from .errors import MouextractError
from .models import Mention

if TYPE_CHECKING:
    import jinja2

    from .models import Extraction

# Family key -> (legend label, bar colour, tint behind the text).
FAMILIES: dict[str, tuple[str, str, str]] = {
    "agreement": ("Agreement", "#7c3aed", "#ede9fe"),
    "party": ("Party", "#1d4ed8", "#dbeafe"),
    "organization": ("Other organisation", "#0e7490", "#cffafe"),
    "person": ("Person", "#15803d", "#dcfce7"),
    "quote": ("Quote", "#65a30d", "#f7fee7"),
    "date": ("Date", "#c2410c", "#ffedd5"),
    "therapy": ("Therapy area", "#b91c1c", "#fee2e2"),
    "technology": ("Technology", "#be185d", "#fce7f3"),
    "law": ("Legal framework", "#854d0e", "#fef3c7"),
    "terms": ("Deal terms", "#0f766e", "#ccfbf1"),
}
MESH_URL = "https://meshb.nlm.nih.gov/record/ui?ui={}"
BAR_PX = 3  # bar thickness; bars sit BAR_PX + 1 apart below the text


@dataclass
class Fact:
    """One entry of the facts panel and the spans it owns, each with the family it is drawn in."""

    id: str
    family: str
    label: str
    details: list[tuple[str, str]] = field(default_factory=list)
    link: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    family: str
    facts: list[Fact]


@dataclass
class Mark:
    """One mention drawn on a segment: its fact, its family and its bar level."""

    fact: int
    family: str
    level: int
    length: int


@dataclass
class Segment:
    """A run of text covered by the same mentions."""

    start: int
    end: int
    text: str
    marks: list[Mark]
    noise: bool
    style: str = ""  # CSS class of its look
    facts: str = ""
    title: str = ""


def _spans(mentions: Iterable[Any], family: str) -> list[tuple[int, int, str]]:
    """Distinct (start, end, family) of mentions, in text order; empty spans carry nothing to show."""
    return sorted({(m.start, m.end, family) for m in mentions if m.end > m.start})


def _pairs(**values: Any) -> list[tuple[str, str]]:
    return [(k.replace("_", " "), str(v).replace("_", " ")) for k, v in values.items() if v not in (None, "", [])]


def mentions_in(value: Any) -> Iterator[Mention]:
    """Every Mention inside a model, list or dict, at any depth (deal terms nest them)."""
    if isinstance(value, Mention):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from mentions_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from mentions_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from mentions_in(item)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) and abs(value) >= 10_000:
        return f"{value:,}"  # amounts in units: 300,000,000
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value)
    return str(value).replace("_", " ")


def _is_mentions(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mention) for v in value)


def _set_fields(model: BaseModel) -> list[tuple[str, Any]]:
    """A model's plain fields that differ from their defaults (mentions and nested models left out)."""
    out = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name.endswith("mentions") or isinstance(value, BaseModel) or (
                isinstance(value, list) and any(isinstance(v, BaseModel) for v in value)):
            continue
        default = info.get_default(call_default_factory=True)
        if value != default and value not in (None, "", []):
            out.append((name, value))
    return out


@dataclass
class TermsFact:
    label: str
    details: list[tuple[str, str]]
    mentions: list[Mention]


def terms_facts(terms: BaseModel | None) -> tuple[list[tuple[str, str]], list[TermsFact]]:
    """Deal terms read generically from their model, so the page follows the model as it grows.

    Plain values go to the headline; a plain value with a ``<name>_mentions`` list (or a mentions list right
    after it) is also a fact; each nested model (a financial component, the territory, an asset) is a fact
    labelled by its first text value, with its other set values as details and every mention inside it.
    """
    if terms is None:
        return [], []
    headline: list[tuple[str, str]] = []
    facts: list[TermsFact] = []
    fields = list(type(terms).model_fields)
    plain = {name for name, _ in _set_fields(terms)}
    for i, name in enumerate(fields):
        value = getattr(terms, name)
        label = name.replace("_", " ")
        if name in plain:
            headline.append((label, _shown(value)))
            continue
        if _is_mentions(value):
            stem = name.removesuffix("_mentions").removesuffix("mentions")
            owner = stem if stem in fields else (fields[i - 1] if i else "")
            owner_value = getattr(terms, owner, None) if owner else None
            text = f"{owner.replace('_', ' ')}: {_shown(owner_value)}" if owner_value not in (None, "", []) else label
            facts.append(TermsFact(text, [], list(value)))
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if not isinstance(item, BaseModel):
                continue
            set_fields = _set_fields(item)
            first = next((k for k, v in set_fields if isinstance(v, str)), None)
            title = f"{label}: {_shown(dict(set_fields)[first])}" if first else label
            details = [(k.replace("_", " "), _shown(v)) for k, v in set_fields if k != first]
            facts.append(TermsFact(title, details, list(mentions_in(item))))
    return headline, facts


def facts_of(extraction: Extraction) -> tuple[list[tuple[str, str]], Fact, list[Section]]:
    """The headline rows, the agreement fact and the sections of the facts panel, in reading order."""
    counter = iter(range(1_000_000))

    def fact(family: str, label: str, mentions: Iterable[Any], details: list[tuple[str, str]] | None = None,
             link: str | None = None, quotes: Iterable[Any] = ()) -> Fact:
        spans = _spans(mentions, family) + _spans(quotes, "quote")
        return Fact(f"f{next(counter)}", family, label, details or [], link, sorted(spans))

    a = extraction.agreement
    terms = getattr(a, "terms", None)  # deal terms (issue 11) where this version of the model has them
    terms_headline, terms_items = terms_facts(terms)
    headline = _pairs(type=a.type or "no agreement found", status=a.status, signed_on=a.signed_on, venue=a.venue)
    headline += terms_headline
    agreement = fact("agreement", (a.type or "no agreement").replace("_", " "), a.mentions)
    sections = [
        Section("Parties", "party", [
            fact("party", p.name, p.mentions, _pairs(kind=p.kind, role=p.role, aliases=", ".join(p.aliases)))
            for p in extraction.parties]),
        Section("People", "person", [
            fact("person", p.name, p.mentions, _pairs(title=p.title, organisation=p.organization, role=p.role,
                                                      quotes=len(p.quotes) or None), quotes=p.quotes)
            for p in extraction.people]),
        Section("Dates", "date", [
            fact("date", d.text, [*d.mentions, d], _pairs(value=d.value or "unresolved", role=d.role))
            for d in extraction.dates]),
        Section("Therapy areas", "therapy", [
            fact("therapy", t.name, t.mentions, _pairs(MeSH=t.id, category=t.category),
                 MESH_URL.format(t.id.split(":")[-1]) if t.id and t.id.startswith("MESH:") else None)
            for t in extraction.therapy_areas]),
        Section("Technologies", "technology", [
            fact("technology", t.name, t.mentions, _pairs(MeSH=t.id, modality=t.modality),
                 MESH_URL.format(t.id.split(":")[-1]) if t.id and t.id.startswith("MESH:") else None)
            for t in extraction.technologies]),
        Section("Legal frameworks", "law", [
            fact("law", f.name, f.mentions, _pairs(jurisdiction=f.jurisdiction, kind=f.kind, year=f.year,
                                                  catalogued=None if f.catalogued else "no (found by pattern)"))
            for f in extraction.legal_frameworks]),
        Section("Deal terms", "terms", [
            fact("terms", t.label, t.mentions, t.details) for t in terms_items]),
        Section("Other organisations", "organization", [
            fact("organization", o.name, o.mentions, _pairs(kind=o.kind, role=o.role, aliases=", ".join(o.aliases)))
            for o in extraction.organizations]),
    ]
    return headline, agreement, [s for s in sections if s.facts]


def segments_of(text: str, facts: list[Fact], noise: list[tuple[int, int]]) -> list[Segment]:
    """Cut ``text`` at every boundary; each segment gets the marks of the mentions covering it.

    Levels are assigned greedily in text order, outer (longer) mentions first, so a mention keeps one level
    over its whole length and never shares a level with a mention it overlaps.
    """
    spans = sorted(((s, e, fam, i) for i, f in enumerate(facts) for s, e, fam in f.spans), key=lambda m: (m[0], -m[1], m[3]))
    cuts = sorted({0, len(text)} | {b for s, e, _, _ in spans for b in (s, e)} | {b for s, e in noise for b in (s, e)})
    level_end: list[int] = []  # per level, the end of the mention last given it
    levels: list[int] = []
    for s, e, _, _ in spans:
        level = next((lv for lv, end in enumerate(level_end) if end <= s), len(level_end))
        if level == len(level_end):
            level_end.append(e)
        else:
            level_end[level] = e
        levels.append(level)
    noise = sorted(noise)
    segments: list[Segment] = []
    active: list[tuple[int, Mark]] = []  # (end, mark)
    nxt = ni = 0
    for a, b in itertools.pairwise(cuts):
        active = [m for m in active if m[0] > a]
        while nxt < len(spans) and spans[nxt][0] <= a:
            s, e, fam, i = spans[nxt]
            if e > a:
                active.append((e, Mark(i, fam, levels[nxt], e - s)))
            nxt += 1
        while ni < len(noise) and noise[ni][1] <= a:
            ni += 1
        in_noise = ni < len(noise) and noise[ni][0] <= a
        segments.append(Segment(a, b, text[a:b], sorted((m for _, m in active), key=lambda m: m.level), in_noise))
    return segments


def _style(marks: list[Mark]) -> str:
    """CSS of a segment's look: one bar per mark on its level below the text, the innermost mention's tint behind."""
    depth = max(m.level for m in marks) + 1
    # Level 0 sits right under the text, deeper levels below it, whatever the depth of this segment.
    layers = [f"linear-gradient({FAMILIES[m.family][1]},{FAMILIES[m.family][1]}) "
              f"0 calc(100% - {(depth - 1 - m.level) * (BAR_PX + 1)}px)/100% {BAR_PX}px no-repeat" for m in marks]
    tint = FAMILIES[min(marks, key=lambda m: (m.length, -m.level)).family][2]
    return f"background:{','.join(layers)};background-color:{tint};padding-bottom:{depth * (BAR_PX + 1)}px"


def page_data(extraction: Extraction, text: str, *, source: str = "") -> dict[str, Any]:
    """Everything the template shows, computed from the extraction and the text its offsets refer to."""
    headline, agreement, sections = facts_of(extraction)
    facts = [agreement, *(f for s in sections for f in s.facts)]
    noise = noise_spans(text)
    segments = segments_of(text, facts, noise)
    styles: dict[str, str] = {}  # CSS -> class name: segments share a few dozen distinct looks
    for seg in segments:
        if not seg.marks:
            continue
        seg.style = styles.setdefault(_style(seg.marks), f"k{len(styles)}")
        seg.facts = " ".join(dict.fromkeys(facts[m.fact].id for m in seg.marks))
        seg.title = "; ".join(dict.fromkeys(f"{FAMILIES[m.family][0]}: {facts[m.fact].label}" for m in seg.marks))
    return {
        "source": source or "article",
        "headline": headline,
        "agreement": agreement,
        "sections": sections,
        "segments": segments,
        "styles": [(name, css) for css, name in styles.items()],
        "families": FAMILIES,
        "meta": extraction.meta,
        "noise_chars": sum(e - s for s, e in noise),
        "mention_count": sum(len(f.spans) for f in facts),
    }


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment over the package's templates (autoescaped)."""
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("mouextract", "templates"),
                              autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def render_html(extraction: Extraction, text: str, *, source: str = "") -> str:
    """The evidence page of one article as one self-contained HTML document (no network needed)."""
    return environment().get_template("evidence.html").render(**page_data(extraction, text, source=source))


class PageWriter:
    """Writes the evidence page of each good batch record into a folder, one file per input.

    The page needs the article text, which records do not carry: the source is read again (cheap beside
    extraction) and used only when its sha256 still matches the record's.
    """

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.names: set[str] = set()
        self.written = 0
        self.problems: list[str] = []
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, record: dict[str, Any]) -> Path | None:
        if "error" in record:
            return None
        from .models import Extraction
        from .reader import read_bytes, read_raw

        source = str(record.get("source"))
        if not Path(source).is_file():  # stdin, a FIFO: read once by the batch, nothing to read again
            self.problems.append(f"{source}: not a regular file; no page written")
            return None
        try:
            data = read_raw(source, max_bytes=self.max_bytes)
            if hashlib.sha256(data).hexdigest() != record.get("sha256"):
                self.problems.append(f"{source}: changed since it was extracted; no page written")
                return None
            article = read_bytes(data, source=source, max_bytes=self.max_bytes)
            extraction = Extraction.model_validate({k: v for k, v in record.items() if k not in ("source", "sha256")})
            path = self.folder / self._name(Path(source).stem, str(record.get("sha256") or ""))
            path.write_text(render_html(extraction, article.text, source=source), encoding="utf-8")
        except (OSError, MouextractError) as exc:
            self.problems.append(f"{source}: no page written ({getattr(exc, 'strerror', None) or exc})")
            return None
        self.written += 1
        return path

    def _name(self, stem: str, digest: str) -> str:
        """``stem.html``, or with the digest's start (then a counter) when two inputs share a stem."""
        name, n = f"{stem}.html", 1
        while name in self.names:
            n += 1
            name = f"{stem}-{digest[:8]}.html" if n == 2 else f"{stem}-{digest[:8]}-{n}.html"
        self.names.add(name)
        return name
