"""A state's officials, a board a title sits on, and "the firm" of a story without parties (our own sentences)."""

from __future__ import annotations

import pytest

from conftest import ctx_of, party, people_orgs
from mouextract.extract.affiliation import Affiliations, Candidate
from mouextract.extract.people import extract_people


def test_an_organisation_before_a_board_title_is_the_persons(extractor):
    got = people_orgs(extractor, '"We are ready," said Ivo Lund, Harrowgate Chairman of the Executive Board.\n')
    assert got["Ivo Lund"] == ("Chairman of the Executive Board", "Harrowgate Therapeutics")


def test_a_board_is_cut_from_a_title_only_at_its_end(extractor):
    affiliations = Affiliations(ctx_of(extractor, "A text.\n"), [], [])
    assert affiliations.without_board("Chairman of the Supervisory Board") == "Chairman"
    assert affiliations.without_board("Director of the Cancer Center") == "Director of the Cancer Center"


STATES = [
    pytest.param("The plant was opened by Mexican President Maria Castell on Monday.\n", "Mexico", "President",
                 id="the_countrys_adjective_before_the_office"),
    pytest.param("Talks were led by the President of the Republic of Norland, Maria Castell, who praised the plant.\n",
                 "Republic of Norland", "President", id="the_states_formal_name_after_the_office"),
    pytest.param("Thai Health Minister Maria Castell signed for the government.\n", "Thailand", "Health Minister",
                 id="a_ministers_field_stays_in_the_title"),
]


@pytest.mark.parametrize(("sentence", "state", "title"), STATES)
def test_a_states_office_holder_is_of_that_state_when_it_is_a_party(extractor, sentence: str, state: str,
                                                                     title: str) -> None:
    text = f"Velmar Pharma and {state} signed a supply agreement.\n{sentence}"
    parties = [party(text, "Velmar Pharma"), party(text, state)]
    person = next(p for p in extract_people(ctx_of(extractor, text), parties, parties) if p.name == "Maria Castell")
    assert (person.title, person.organization) == (title, state)


def test_a_state_that_is_no_party_names_no_organisation(extractor):
    text = "Velmar Pharma and Ostvik Bio signed a supply agreement.\nMexican President Maria Castell praised it.\n"
    parties = [party(text, "Velmar Pharma"), party(text, "Ostvik Bio")]
    affiliations = Affiliations(ctx_of(extractor, text), parties, parties)
    start = text.index("Maria Castell")
    assert not affiliations.state_office_before(Candidate("Maria Castell", start, start + len("Maria Castell")))


def test_the_firm_of_a_story_without_parties_is_its_own_company(extractor):
    text = ("Velmar Pharma has appointed Maria Castell as chief strategy officer. She joins from Ostvik Bio, where she led "
            "its alliances.\nThe firm has also named Ken Adler as global head of legal.\n")
    velmar, ostvik = party(text, "Velmar Pharma"), party(text, "Ostvik Bio")
    velmar.kind = ostvik.kind = "company"
    affiliations = Affiliations(ctx_of(extractor, text), [velmar, ostvik], [])
    assert affiliations.org_at("The firm has also named") == ("Velmar Pharma", len("The firm"))


def test_a_states_formal_name_right_before_the_holder(extractor):
    text = ("Velmar Pharma and the Republic of Norland signed a supply agreement.\nDuring the state visit of President "
            "of the Republic of Norland Maria Castell, the two sides signed.\n")
    parties = [party(text, "Velmar Pharma"), party(text, "Republic of Norland")]
    affiliations = Affiliations(ctx_of(extractor, text), parties, parties)
    start = text.index("Maria Castell")
    cand = Candidate("Maria Castell", start, start + len("Maria Castell"))
    assert affiliations.state_office_before(cand)
    assert (cand.title, cand.org) == ("President", "Republic of Norland")


def test_an_honorific_ends_no_name(extractor):
    from mouextract.extract.context import Context
    from mouextract.extract.people import _valid_name

    text = "A text.\n"
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    assert not _valid_name("Harrowgate Prof", ctx, set())
    assert not _valid_name("Ostvik Dr.", ctx, set())
    assert _valid_name("Vera Tablov", ctx, set())


def test_a_second_honorific_of_a_chain_is_no_surname(extractor):
    found = people_orgs(extractor, "The implant was invented by Prof. Ing. Marco Vella and Dr Lena Holm of Ostvik.\n")
    assert "Marco Vella" in found
    assert "Ing" not in found


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("The plan was praised by Premier Ken Adler on Monday.\n", {"Ken Adler": ("Premier", None)},
                 id="a_premier_right_before_a_name_is_a_title"),
    pytest.param("Premier Research CEO Ken Adler said the deal was good.\n", {"Ken Adler": ("CEO", None)},
                 id="a_company_named_premier_is_no_title"),
    pytest.param("Ken Adler, CEO of Premier Research, said the deal was good.\n",
                 {"Ken Adler": ("CEO", "Premier Research")}, id="a_company_named_premier_stays_the_organisation"),
])
def test_premier_is_a_title_only_before_a_name(extractor, sentence: str, expected) -> None:
    got = people_orgs(extractor, sentence)
    assert {name: got[name] for name in expected} == expected
