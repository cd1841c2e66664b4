"""Shared fixtures: one Extractor for the whole session, paths, and the offset-invariant helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouextract.extractor import Extractor
from mouextract.models import Extraction

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
