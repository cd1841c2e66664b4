"""What ends a title or an organisation: honorifics, prepositions, post-nominals, asides (our own sentences)."""

from __future__ import annotations

import pytest

from conftest import ctx_of, people_orgs
from mouextract.extract.affiliation import Affiliations


@pytest.mark.parametrize(("glued", "org"), [
    ("Norland Centre for Disease Research Dr", "Norland Centre for Disease Research"),  # of "... Dr Ivo Lund said"
    ("Ministry of Health and Prof", "Ministry of Health"),  # of "Chair of the Ministry of Health and Prof Ana Ruiz"
    ("Brackwell Institute for Drug Safety at", "Brackwell Institute for Drug Safety"),  # of "... at Ostvik University"
])
def test_an_honorific_or_a_preposition_ends_no_organisation(extractor, glued: str, org: str) -> None:
    sentence = f"{glued} Ivo Lund said the plant would open soon.\n"
    assert Affiliations(ctx_of(extractor, sentence), [], []).tidy_org(glued, "Ana Ruiz") == org


CASES = [
    pytest.param(
        "The vaccine is based on work by Harrowgate co-founders Mira Castell and Omar Haddad, the company said.\n",
        {"Mira Castell": ("co-founders", "Harrowgate Therapeutics"), "Omar Haddad": ("co-founders", "Harrowgate Therapeutics")},
        id="an_organisation_before_a_plural_title_is_the_whole_lists"),
    pytest.param(
        "The agreement was announced by the Honourable Mary Chen, Minister of Health, on Friday.\n",
        {"Mary Chen": ("Minister of Health", None)},
        id="the_honourable_is_no_part_of_the_name"),
    pytest.param(
        '"This is a lead," said Ivo Lund, general director of the Brackwell Cancer Center at Ostvik University '
        "Hospital. The Brackwell Cancer Center opened in 2010.\n",
        {"Ivo Lund": ("general director of the Brackwell Cancer Center", "Ostvik University Hospital")},
        id="a_centre_held_at_a_party_is_the_titles_unit_and_the_party_the_organisation"),
    pytest.param(
        '"The data are clear," said Harrowgate R&D chief Lena Holm on Tuesday.\n',
        {"Lena Holm": ("R&D chief", "Harrowgate Therapeutics")},
        id="a_function_before_a_bare_chief_is_part_of_the_title"),
    pytest.param(
        "The minister of health, John Okafor who signed the memorandum for the government, said the plant would open "
        "in May.\n",
        {"John Okafor": ("minister of health", None)},
        id="a_lower_case_office_and_its_field_in_apposition_at_a_sentences_start"),
    pytest.param(
        "The deal was welcomed by the minister for trade and industry, Peter Walsh, on Monday.\n",
        {"Peter Walsh": ("minister for trade and industry", None)},
        id="a_lower_case_office_with_two_fields_in_apposition"),
    pytest.param(
        "Minister of Trade Ana Ruiz said the deal would bring jobs, and the Ministry of Trade will fund it.\n",
        {"Ana Ruiz": ("Minister of Trade", "Ministry of Trade")},
        id="an_office_keeps_its_field_where_the_field_is_a_word_of_its_ministry"),
    pytest.param(
        '"The plant is ready," said Ivo Lund, CPA, Treasurer of Harrowgate.\n',
        {"Ivo Lund": ("Treasurer", "Harrowgate Therapeutics")},
        id="a_professional_designation_after_the_name_is_no_part_of_the_title"),
    pytest.param(
        '"We are glad," said Ivo Lund, CEO at Brackwell - the lead partner in the trial group.\n',
        {"Ivo Lund": ("CEO", "Brackwell")},
        id="an_aside_after_a_dash_ends_the_title"),
    pytest.param(
        "Ivo Lund, Chief Operating Officer, OVB, Texas, called the plan a good one.\n",
        {"Ivo Lund": ("Chief Operating Officer", None)},  # an acronym no organisation spells: left to the linker
        id="an_acronym_and_a_place_after_the_title_are_no_part_of_it"),
    pytest.param(
        '"It works," said Ivo Lund, Chief Scientific Officer and President, R&D, HTX, in a statement.\n',
        {"Ivo Lund": ("Chief Scientific Officer and President, R&D", None)},
        id="an_acronym_after_a_title_and_its_field_closes_the_title"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_title_and_organisation(extractor, body, expected):
    got = people_orgs(extractor, body)
    assert {name: got[name] for name in expected} == expected


LINEAGE = [
    pytest.param(
        "The memorandum was signed in the presence of Sheikh Omar Bin Saleh Al Nasser, Chairman of Harrowgate.\n",
        {"Omar Bin Saleh Al Nasser": ("Chairman", "Harrowgate Therapeutics")},
        id="a_capitalised_lineage_name_is_one_name"),
    pytest.param(
        "Minister of Trade Faisal bin Nasser al-Harbi said the deal would bring jobs to the Ministry of Trade.\n",
        {"Faisal bin Nasser al-Harbi": ("Minister of Trade", "Ministry of Trade")},
        id="a_lower_case_lineage_name_after_an_office_keeps_the_offices_field"),
    pytest.param(
        "The meeting was chaired by the Minister of Health, Yusuf bin Hamad bin Yusuf, at Ostvik.\n",
        {"Yusuf bin Hamad bin Yusuf": ("Minister of Health", None)},
        id="a_lineage_of_two_links"),
]


@pytest.mark.parametrize("body, expected", LINEAGE)
def test_lineage_names(extractor, body, expected):
    got = people_orgs(extractor, body)
    assert {name: got.get(name) for name in expected} == expected


def test_an_attendee_list_of_titles_before_names_shares_its_organisations(extractor):
    """A list names the organisation once per group: forward after a comma, back over an "and"."""
    body = ("The signing was attended by Director Lena Holm of Ostvik University Hospital, Chief Planning Officer "
            "Ivo Lund, Professor Mira Castell of Oncology, CEO Omar Haddad and Vice President Tom Reyes of Brackwell "
            "Labs, and was followed by a tour.\n")
    got = people_orgs(extractor, body)
    assert got["Ivo Lund"][1] == "Ostvik University Hospital"
    assert got["Mira Castell"][1] == "Ostvik University Hospital"
    assert got["Omar Haddad"][1] == got["Tom Reyes"][1] == "Brackwell Labs"


@pytest.mark.parametrize("phrase", ["Voluntary Recall", "Leadership Awards", "Recent Videos", "Organ Seller",
                                    "Insulin Combo", "Crisis Management", "Terminates Licensing", "Delhi Deepens"])
def test_a_headline_phrase_of_common_nouns_or_verbs_is_no_name(extractor, phrase: str) -> None:
    """Title-case headline phrases NER reads as people: their nouns and verbs are never a person's name words."""
    from mouextract.extract.people import _valid_name

    sentence = f"{phrase} makes the news this week.\n"
    assert not _valid_name(phrase, ctx_of(extractor, sentence), set())
