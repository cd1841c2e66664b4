"""The Extractor: loads the spaCy pipeline and rules once, then turns texts into Extractions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from . import __version__
from .clean import mask, noise_spans
from .extract.agreement import (
    agreement_sentences,
    agreement_status,
    agreement_type,
    listed_parties,
    named_type,
    news_act,
    organization_role,
    select_parties,
    signing_venue,
)
from .extract.concepts import technologies, therapy_areas
from .extract.context import Context
from .extract.dates import extract_dates
from .extract.events import event_args, signing_states
from .extract.laws import legal_frameworks
from .extract.org_candidates import company_read_as_person
from .extract.org_names import place_names
from .extract.orgs import OrgEntity, cluster
from .extract.people import extract_people
from .extract.people_as_orgs import without_people, without_shorthand_states
from .extract.spans import SpanIndex
from .extract.terms import deal_terms, party_roles
from .extract.territory import place_name
from .extract.textfind import whole_words
from .learn.decide import Decider
from .learn.features import Candidates
from .models import Agreement, Extraction, LegalFramework, Meta, Organization, Technology, TherapyArea
from .pipeline import build_rules, load_nlp, model_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_Concept = TypeVar("_Concept", bound=TherapyArea | Technology)
# Texts longer than this are parsed in chunks cut at a line break or space and joined back into one Doc
# (offsets unchanged), so a 5 MB article costs proportionally more, never spaCy's max_length error.
CHUNK_CHARS = 100_000
# Chunks go through spaCy one at a time: a batch of 100k-character docs holds every chunk's network
# activations at once (14 GB for a 5 MB article at the default batch size).
_CHUNK_BATCH = 1
# Articles per spaCy batch in pipe() and batch mode: the bare pipeline's own default, where it is fastest here.
BATCH_SIZE = 16
_NOT_ORG_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class Source:
    """One article to extract, with what its reader learnt about it."""

    text: str
    reference_date: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


class Extractor:
    """Reusable extractor: one spaCy pipeline and one compiled rule set per instance."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model_name(model)
        self.nlp = load_nlp(self.model)
        self.rules = build_rules(self.nlp)
        self.decider = Decider.load()
        self.model_version = str(self.nlp.meta.get("version", "unknown"))

    def __call__(self, text: str, *, reference_date: str | None = None,
                 encoding: str | None = None, warnings: list[str] | None = None) -> Extraction:
        return self.extract(text, reference_date=reference_date, encoding=encoding, warnings=warnings)

    def extract(self, text: str, *, reference_date: str | None = None,
                encoding: str | None = None, warnings: list[str] | None = None) -> Extraction:
        """Extract every fact family from one article."""
        masked = mask(text, noise_spans(text))
        doc = self._parse(masked)
        return self._assemble(text, masked, doc, reference_date, encoding, list(warnings or []))

    def pipe(self, texts: Iterable[str], *, reference_date: str | None = None,
             batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Extract many articles, batching the spaCy work (an article that fails raises its error)."""
        batch: list[Source] = []
        for text in texts:
            batch.append(Source(text, reference_date))
            if len(batch) == batch_size:
                yield from _raise_errors(self.extract_batch(batch))
                batch = []
        yield from _raise_errors(self.extract_batch(batch))

    def extract_batch(self, sources: Sequence[Source]) -> list[Extraction | Exception]:
        """Extract a batch of articles with one batched spaCy pass.

        spaCy runs a batch about a quarter faster per article than one call per article. Each article's
        result or exception stands in its place: one failing article never loses the others.
        """
        masked: list[str | Exception] = []
        for source in sources:
            try:
                masked.append(mask(source.text, noise_spans(source.text)))
            except Exception as exc:  # noqa: BLE001 - isolate the failing article
                masked.append(exc)
        docs = self._parse_batch([m for m in masked if isinstance(m, str)])
        out: list[Extraction | Exception] = []
        for source, m in zip(sources, masked, strict=True):
            if isinstance(m, Exception):
                out.append(m)
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                out.append(doc)
                continue
            try:
                out.append(self._assemble(source.text, m, doc, source.reference_date, source.encoding,
                                          list(source.warnings)))
            except Exception as exc:  # noqa: BLE001 - isolate the failing article
                out.append(exc)
        return out

    def _parse_batch(self, masked: list[str]) -> Iterator[Doc | Exception]:
        """Docs for ``masked`` in order; should the batch fail, each article is parsed alone so only it fails."""
        short = [m for m in masked if len(m) <= CHUNK_CHARS]
        docs: list[Doc | Exception]
        try:
            docs = list(self.nlp.pipe(short, batch_size=max(1, len(short))))
        except Exception:  # noqa: BLE001 - find the article at fault by parsing one at a time
            docs = [_attempt(self.nlp, m) for m in short]
        parsed = iter(docs)
        for m in masked:
            yield next(parsed) if len(m) <= CHUNK_CHARS else _attempt(self._parse, m)

    def _parse(self, masked: str) -> Doc:
        if len(masked) <= CHUNK_CHARS:
            return self.nlp(masked)
        from spacy.tokens import Doc

        return Doc.from_docs(list(self.nlp.pipe(_chunks(masked), batch_size=_CHUNK_BATCH)), ensure_whitespace=False)

    def _assemble(self, text: str, masked: str, doc: Doc, reference_date: str | None,
                  encoding: str | None, warnings: list[str]) -> Extraction:
        ctx = Context(text=text, masked=masked, doc=doc, rules=self.rules)
        laws = legal_frameworks(ctx)
        concepts_ta = therapy_areas(ctx)
        concepts_te = technologies(ctx)
        law_spans = [(m.start, m.end) for f in laws for m in f.mentions]
        cands = self._candidates(ctx, _not_org_spans(laws, [*concepts_ta, *concepts_te]))
        kind, parties, entities = self.decider.decide(cands)
        agreement_mentions = named_type(ctx, kind)[1] if kind else []
        names = law_spans + [(m.start, m.end) for e in entities if len(e.name.split()) > 1 for m in e.mentions]
        concepts_ta = _outside(concepts_ta, names)
        concepts_te = _outside(concepts_te, names)
        people = extract_people(ctx, entities, parties)
        self.decider.affiliate(cands, people, entities, parties)
        person_spans = [(m.start, m.end) for p in people for m in p.mentions]
        # (a termination's or amendment's news dates the original deal's signing as history: read before the dates)
        dates, ref, source, signed_on = extract_dates(ctx, law_spans + person_spans + _codes(ctx), reference_date,
                                                      news_act=news_act(ctx, kind) if kind else None)
        venue = signing_venue(ctx) if kind else None
        agreement = Agreement(type=kind, signed_on=signed_on if kind else None,  # type: ignore[arg-type]
                              status=agreement_status(ctx, kind, signed_on) if kind else None,  # type: ignore[arg-type]
                              venue=venue.text if venue else None,
                              mentions=agreement_mentions + ([venue] if venue else []),
                              terms=deal_terms(ctx, parties, kind) if kind else None)
        roles = party_roles(ctx, parties, kind)
        return Extraction(
            agreement=agreement,
            parties=[_org(e, roles.get(e.name)) for e in parties],
            organizations=[_org(e, organization_role(ctx, e)) for e in entities
                           if e not in parties],
            people=people,
            dates=dates,
            therapy_areas=concepts_ta,
            technologies=concepts_te,
            legal_frameworks=laws,
            meta=Meta(tool_version=__version__, model=self.model, model_version=self.model_version,
                      reference_date=ref, reference_date_source=source,  # type: ignore[arg-type]
                      encoding=encoding, warnings=warnings),
        )


    def candidates(self, text: str) -> Candidates:
        """The candidate stage alone (organisations, agreement events, rule decisions): what training reads."""
        masked = mask(text, noise_spans(text))
        ctx = Context(text=text, masked=masked, doc=self._parse(masked), rules=self.rules)
        laws = legal_frameworks(ctx)
        return self._candidates(ctx, _not_org_spans(laws, [*therapy_areas(ctx), *technologies(ctx)]))

    def _candidates(self, ctx: Context, exclude: list[tuple[int, int]]) -> Candidates:
        args = event_args(ctx.doc)
        # an argument NER reads as a person, place, date or amount ("Nora Adeyemi", "in Tokyo") is no organisation
        # candidate of its own (a surface pattern may still find it: "Corvid Bio")
        # (nor a company's name of several words the text uses as a company's: "Halden Kun Dang CEO Jane Holm")
        lower_case = _lower_case_use(ctx.masked)
        other = SpanIndex([(e.start_char, e.end_char) for e in ctx.ents
                           if e.label_ in _NOT_ORG_LABELS and not _lone_name(e, ctx.ents, lower_case)
                           and not (e.label_ == "PERSON" and company_read_as_person(e.text, ctx))])
        # ... unless a place signs: "Norland and Ostvik signed", a state named by its short name, is a party candidate
        states = signing_states(ctx.masked, args, agreement_sentences(ctx), place_name)
        syntax = [(a.start, a.end) for a in args if a.proper and (not other.covers(a.start, a.end) or (a.start, a.end) in states)]
        entities = without_shorthand_states(without_people(ctx, cluster(ctx, exclude, syntax)))
        surface = [e for e in entities if not e.candidate_only]
        rule_parties = select_parties(ctx, surface)
        rule_type = agreement_type(ctx, rule_parties)[0]
        return Candidates(ctx, entities, args, rule_parties, rule_type, agreement_sentences(ctx),
                          listed_parties(ctx, surface), states)


def _lower_case_use(text: str) -> Callable[[str], bool]:
    """Whether ``text`` writes a word in lower case, each word looked up once (a long input repeats its places)."""
    return cache(lambda word: bool(whole_words(text, word.lower())))


def _lone_name(ent: Span, ents: tuple[Span, ...], lower_case: Callable[[str], bool]) -> bool:
    """A one-word PERSON that no longer person's name contains: the small NER model reads many one-word company
    names as people ("Brennan", "Velmar", "Sakuragi"), while a person's surname alone ("Colbeck") follows the full name.

    Or a one-word GPE that no country or subdivision table knows, never written in lower case and not followed by
    ", Place": the model reads coined company names as places too ("a stake in Ostravia"), where "Sydney,
    Australia" and "Busan, Korea" are places. ``lower_case`` tells whether the article writes a word in lower case."""
    if ent.label_ == "GPE" and len(ent) == 1 and ent.text[:1].isupper() and ent.text.isalpha() \
            and ent.text not in place_names() and not place_name(ent.text) \
            and not lower_case(ent.text) \
            and not (ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == ","
                     and (place_name(ent.doc[ent.end + 1].text) or ent.doc[ent.end + 1].text in place_names()
                          or any(e.label_ == "GPE" and e.start == ent.end + 1 for e in ents))):
        return True
    if ent.label_ != "PERSON" or len(ent) != 1 or not ent.text[:1].isupper():
        return False
    return not any(ent.text in e.text.split() for e in ents if e.label_ == "PERSON" and len(e) > 1)


def _not_org_spans(laws: list[LegalFramework], concepts: list[TherapyArea | Technology]) -> list[tuple[int, int]]:
    """Law names and concept acronyms ("MSC", "AMD", "RPE" of "RPE cells"), which name no organisation; whole
    names win over the words inside them ("Lakemont Cancer Institute" names no cancer, "Medical Devices Act" no
    device) later, when concepts inside organisation names are dropped."""
    acronyms = [(m.start, m.start + len(m.text.split()[0])) for f in concepts for m in f.mentions
                if m.text.split()[0].isupper() and len(m.text.split()[0]) > 1]
    return [(m.start, m.end) for f in laws for m in f.mentions] + acronyms


def _org(entity: OrgEntity, role: str | None = None) -> Organization:
    return Organization(name=entity.name, aliases=entity.aliases, kind=entity.kind,  # type: ignore[arg-type]
                        role=role, mentions=entity.mentions)


def _outside(facts: list[_Concept], spans: list[tuple[int, int]]) -> list[_Concept]:
    """Concept facts keeping only mentions outside ``spans``; facts left without mentions are dropped."""
    covered = SpanIndex(spans)
    kept = []
    for fact in facts:
        fact.mentions = [m for m in fact.mentions if not covered.covers(m.start, m.end)]
        if fact.mentions:
            kept.append(fact)
    return kept


def _codes(ctx: Context) -> list[tuple[int, int]]:
    """Product codes such as BRT-1922 or GNK-101 (their digits are not years)."""
    return [m.span() for m in re.finditer(r"\b[A-Z]{2,}[A-Z0-9]*-\d{2,5}\b", ctx.masked)]


def _attempt(parse: Callable[[str], Doc], text: str) -> Doc | Exception:
    try:
        return parse(text)
    except Exception as exc:  # noqa: BLE001 - the caller reports it for this article only
        return exc


def _raise_errors(results: list[Extraction | Exception]) -> Iterator[Extraction]:
    for result in results:
        if isinstance(result, Exception):
            raise result
        yield result


def _chunks(text: str) -> Iterator[str]:
    """Consecutive pieces of at most CHUNK_CHARS, cut after a newline or space where possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end
