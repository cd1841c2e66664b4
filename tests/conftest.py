"""Shared fixtures: one Extractor for the whole session, paths, and the offset-invariant helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouextract.extract.context import Context
from mouextract.extract.orgs import OrgEntity
from mouextract.extract.roles import party_roles
from mouextract.extractor import Extractor
from mouextract.models import Extraction, Mention

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def fixture_results(extractor: Extractor) -> dict[str, tuple[str, Extraction]]:
    out = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = (text, extractor.extract(text))
    return out


def assert_grounded(text: str, extraction: Extraction) -> None:
    """Every mention slices the original input exactly (the grounding contract)."""
    for m in extraction.mentions():
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text, (m, text[m.start:m.end])


LEAD = ("Harrowgate Therapeutics, Inc. and Ostvik University Hospital today announced that they signed a "
        "memorandum of understanding on cell therapy research.\n\n")


def people_orgs(extractor: Extractor, body: str) -> dict[str, tuple[str | None, str | None]]:
    """Each person's (title, organisation) found in LEAD + body, checked for grounding."""
    result = extractor.extract(LEAD + body)
    assert_grounded(LEAD + body, result)
    return {p.name: (p.title, p.organization) for p in result.people}


def ctx_of(extractor: Extractor, text: str, nlp=None) -> Context:
    """The extraction context of a plain test text (no noise), parsed by ``nlp`` or the extractor's pipeline."""
    return Context(text=text, masked=text, doc=(nlp or extractor.nlp)(text), rules=extractor.rules)


def party(text: str, *forms: str) -> OrgEntity:
    """A party with a mention at every occurrence of its forms (the first is its name)."""
    entity = OrgEntity(name=forms[0], forms=set(forms))
    for form in forms:
        start = text.find(form)
        while start >= 0:
            entity.mentions.append(Mention(text=form, start=start, end=start + len(form)))
            start = text.find(form, start + 1)
    return entity


def roles_of(extractor: Extractor, text: str, kind: str | None, *names: str) -> dict[str, str]:
    """party_roles over parties named ``names`` (in that order), each mentioned at every occurrence in ``text``."""
    return party_roles(ctx_of(extractor, text), [party(text, n) for n in names], kind)
