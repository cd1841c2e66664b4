"""Titles split from organisations and people's lists, one construction per test (our own sentences)."""

from __future__ import annotations

import pytest

from conftest import people_orgs

CASES = [
    pytest.param(
        "According to Harrowgate's Australian managing director Will Berg, the deal matters.\n",
        {"Will Berg": ("Australian managing director", "Harrowgate Therapeutics")},
        id="a_countrys_adjective_before_a_lower_case_title_is_part_of_it"),
    pytest.param(
        "The ceremony took place in the presence of Deputy Prime Minister for Economic Development and Minister of "
        "Trade and Industry Omar Haddad Farouk, Minister of Finance Ivo Lund and others.\n",
        {"Omar Haddad Farouk": ("Deputy Prime Minister for Economic Development and Minister of Trade and Industry", None),
         "Ivo Lund": ("Minister of Finance", None)},
        id="two_public_offices_joined_by_and_are_one_title"),
    pytest.param(
        '"We are ready," said Ravi Menon, president and chief executive officer of Harrowgate Therapeutics.\n',
        {"Ravi Menon": ("president and chief executive officer", "Harrowgate Therapeutics")},
        id="lower_case_title_of_several_words"),
    pytest.param(
        '"This is a good day," said Dr. Lin Hao, Harrowgate Therapeutics Chairman and CEO.\n',
        {"Lin Hao": ("Chairman and CEO", "Harrowgate Therapeutics")},
        id="organisation_before_the_title_in_an_apposition"),
    pytest.param(
        "The agreement was signed by Harrowgate Therapeutics CEO Kim Dae-ho, Ostvik University Hospital "
        "Director Lars Berg and others.\n",
        {"Kim Dae-ho": ("CEO", "Harrowgate Therapeutics"), "Lars Berg": ("Director", "Ostvik University Hospital")},
        id="a_list_of_titles_before_names_is_not_one_title"),
    pytest.param(
        "The ceremony was witnessed by Dr Helen Kwok, BBS, JP, Chairman, Ostvik University Hospital.\n",
        {"Helen Kwok": ("Chairman", "Ostvik University Hospital")},
        id="hong_kong_honours_before_the_title"),
    pytest.param(
        '"We look forward to it," said Maren Solberg, founder and CEO, and Dr. Ivo Berg, head of research at '
        "Ostvik University Hospital.\n",
        {"Maren Solberg": "founder and CEO"},
        id="the_next_persons_conjunction_and_honorific_are_not_the_title"),
    pytest.param(
        "The compound was found by Professor Ivo Lind, Ostvik University Hospital, Dr Sarah Collins (Department of "
        "Pathology, Harrowgate Therapeutics) and Professor Per Dahl.\n",
        {"Ivo Lind": ("Professor", "Ostvik University Hospital"), "Sarah Collins": (None, "Harrowgate Therapeutics")},
        id="affiliation_in_brackets_and_after_a_comma"),
    pytest.param(
        "Chief executive Nora Vik said the work had begun.\n",
        {"Nora Vik": "Chief executive"},
        id="title_going_on_in_lower_case_before_the_name"),
    pytest.param(
        "The board named Ulla Brandt as successor to outgoing founding CEO Jonas Brandvold.\n",
        {"Jonas Brandvold": "founding CEO"},
        id="modifier_before_a_title"),
    pytest.param(
        "Harrowgate Therapeutics Chairman Erik Saele and Ostvik University Hospital head Lise Moe attended.\n",
        {"Erik Saele": ("Chairman", "Harrowgate Therapeutics")},
        id="title_after_the_organisation_before_the_name"),
    pytest.param(
        "Kim Ji-ho (left), medical director of Ostvik University Hospital, shakes hands after the signing.\n",
        {"Kim Ji-ho": ("medical director", "Ostvik University Hospital")},
        id="caption_position_between_name_and_title"),
    pytest.param(
        "Also present were Lise Moe, Head of Cell Sourcing, Harrowgate Therapeutics, and Dr Tove Lie, Director of "
        "the Hordaland Prefecture.\n",
        {"Lise Moe": ("Head of Cell Sourcing", "Harrowgate Therapeutics"),
         "Tove Lie": ("Director", "Hordaland Prefecture")},
        id="head_of_a_field_and_an_official_of_a_region"),
    pytest.param(
        '"It works," said Ravi Menon, Harrowgate\u2019s chairman, president and CEO, in a statement. Harrowgate Chief '
        "Scientific Officer Emily Carter agreed, as did company president and CEO Omar Lund.\n",
        {"Ravi Menon": ("chairman, president and CEO", "Harrowgate Therapeutics"),
         "Emily Carter": ("Chief Scientific Officer", "Harrowgate Therapeutics"), "Omar Lund": "president and CEO"},
        id="lists_of_titles_in_lower_case_and_titles_with_a_field_word"),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_title_and_organisation(extractor, body, expected):
    found = people_orgs(extractor, body)
    for name, want in expected.items():
        got = found.get(name)
        assert (got[0] if got and isinstance(want, str) else got) == want, (name, found)


def test_a_title_of_two_words_is_no_person(extractor):
    found = people_orgs(extractor, '"It is fair," said Ada Lindqvist, General Counsel of Harrowgate Therapeutics.\n')
    assert "General Counsel" not in found
    assert found["Ada Lindqvist"][0] == "General Counsel"


def test_a_title_in_a_news_item_without_agreement_speaks_for_its_company(extractor):
    text = ("Velmora Systems raised $30 million in a Series B round. CEO Tor Aasen said the money would fund trials.\n")
    people = {p.name: (p.title, p.organization) for p in extractor.extract(text).people}
    assert people["Tor Aasen"] == ("CEO", "Velmora Systems")


def test_a_name_read_as_an_organisation_with_its_title_is_a_person(extractor):
    found = people_orgs(extractor, '"We are pleased," Harrowgate CEO and Joint MD Siddhant Mehra said.\n')
    assert found["Siddhant Mehra"][1] == "Harrowgate Therapeutics"


TITLE_CASES = [
    pytest.param('"It is a good day," said Dean R. Whitlock, president of Harrowgate Therapeutics.\n',
                 "Dean R. Whitlock", ("president", "Harrowgate Therapeutics"), id="a_title_word_that_is_a_given_name"),
    pytest.param("Last year Harrowgate senior vice president of late phase and real-world studies Paul Okafor spoke at "
                 "a meeting.\n", "Paul Okafor", ("senior vice president of late phase and real-world studies",
                                                 "Harrowgate Therapeutics"), id="a_lower_case_field_after_a_news_title"),
    pytest.param('"We are pleased," Harrowgate CEO and Joint Managing Director Arjun Bhatia said.\n',
                 "Arjun Bhatia", ("CEO and Joint Managing Director", "Harrowgate Therapeutics"), id="a_joint_managing_director"),
    pytest.param("Issuer: Harrowgate Therapeutics\n\nLegal representative: Zhou Minghao\n\nRegistered capital: RMB 10,000\n",
                 "Zhou Minghao", ("Legal representative", "Harrowgate Therapeutics"), id="a_disclosures_legal_representative"),
]


@pytest.mark.parametrize(("body", "name", "expected"), TITLE_CASES)
def test_title_constructions(extractor, body, name, expected):
    assert people_orgs(extractor, body)[name] == expected


def test_a_unit_listed_before_its_party_stays_in_the_title(extractor):
    body = ('Harrowgate One, a unit of the company, runs the trials. "It works," said Lee Roe, EVP, Global Head, '
            "Harrowgate One, Harrowgate Therapeutics.\n")
    assert people_orgs(extractor, body)["Lee Roe"] == ("EVP, Global Head, Harrowgate One", "Harrowgate Therapeutics")


def test_a_partys_unit_before_a_title_belongs_to_the_title(extractor):
    body = '"It is a good day," Ostvik University Hospital\'s Biomedical Research Institute President Lee Hak-won said.\n'
    assert people_orgs(extractor, body)["Lee Hak-won"] == ("Biomedical Research Institute President", "Ostvik University Hospital")


APPOSITION_BEFORE_CASES = [
    pytest.param("The minister hosted the Chief Executive Officer of Ostvik University Hospital, Dr Lena Holm, on Monday.\n",
                 "Lena Holm", ("Chief Executive Officer", "Ostvik University Hospital"), id="a_title_of_several_capitalised_words"),
    pytest.param("Also present was the Director of Partnerships at Kelvaro Medical Centre, Ms Ana Ruiz.\n",
                 "Ana Ruiz", ("Director of Partnerships", "Kelvaro Medical Centre"),
                 id="a_titles_field_then_the_organisation_it_is_held_at"),
    pytest.param("Founder and co-chief executive of Harrowgate Therapeutics, Mara Lind, said the work had begun.\n",
                 "Mara Lind", ("Founder and co-chief executive", "Harrowgate Therapeutics"), id="a_list_of_titles_at_the_sentence_start"),
    pytest.param("The MoU was signed by Harrowgate's Group Chief Executive Officer, Dr. Ivo Berg, and the President of "
                 "Ostvik University Hospital, Professor Dr. Per Dahl.\n",
                 "Ivo Berg", ("Group Chief Executive Officer", "Harrowgate Therapeutics"), id="a_possessive_organisation_before_the_title"),
    pytest.param("The MoU was signed by Harrowgate's Group Chief Executive Officer, Dr. Ivo Berg, and the President of "
                 "Ostvik University Hospital, Professor Dr. Per Dahl.\n",
                 "Per Dahl", ("President", "Ostvik University Hospital"), id="an_academic_rank_before_the_name_is_its_honorific"),
]


@pytest.mark.parametrize(("body", "name", "expected"), APPOSITION_BEFORE_CASES)
def test_title_and_organisation_in_apposition_before_the_name(extractor, body, name, expected):
    assert people_orgs(extractor, body)[name] == expected


def test_a_lists_previous_person_keeps_the_title_before_the_next_name(extractor):
    body = '"It works," said Ken Adler, CEO of Harrowgate Therapeutics, Lena Holm, and others.\n'
    assert people_orgs(extractor, body).get("Lena Holm", (None, None)) == (None, None)


TITLE_TIDY_CASES = [
    pytest.param("Ken Adler, currently CEO of Harrowgate Therapeutics, will chair the venture.\n",
                 "Ken Adler", ("CEO", "Harrowgate Therapeutics"), id="an_adverb_before_the_title_is_no_part_of_it"),
    pytest.param("Harrowgate Therapeutics named Ana Ruiz to the board. She succeeds Lena Holm, who served as interim CEO "
                 "since June 2021.\n", "Lena Holm", ("interim CEO", "Harrowgate Therapeutics"),
                 id="a_tenure_with_its_month_is_no_part_of_the_title"),
    pytest.param('"It works," said Dr Mara Lind, Chief Medical Officer and Executive Vice President HTX. "We are glad."\n'
                 "Harrowgate Therapeutics (HTX) will start the trial. HTX is based in Oslo.\n",
                 "Mara Lind", ("Chief Medical Officer and Executive Vice President", "Harrowgate Therapeutics"),
                 id="an_acronym_organisation_glued_to_the_title_at_the_sentence_end"),
]


@pytest.mark.parametrize(("body", "name", "expected"), TITLE_TIDY_CASES)
def test_title_tidying(extractor, body, name, expected):
    assert people_orgs(extractor, body)[name] == expected
