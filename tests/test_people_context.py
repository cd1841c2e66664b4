"""Names that the context shows are no person, and organisations that the context gives or denies (our own sentences)."""

from __future__ import annotations

import pytest

from conftest import ctx_of, party, people_orgs
from mouextract.extract.affiliation import Affiliations

NOT_PEOPLE = [
    pytest.param("The vaccine is sold in Ghana, Liberia, Tana Mori, and Nigeria.\n", id="a_place_listed_among_places"),
    pytest.param("The land spans the Binh Giang and Tam Ky districts.\n", id="places_before_a_place_noun"),
    pytest.param("The drug competes with products from Velmar Nordin A/S.\n", id="a_company_and_its_legal_form"),
    pytest.param("The site is run by Velmar Nordin UK.\n", id="a_company_and_its_national_arm"),
    pytest.param("The company markets Zentora Max and Lumira Plus in Europe.\n", id="what_a_firm_markets"),
    pytest.param("The drug, marketed as Velixa Forte, is approved.\n", id="a_name_a_drug_is_marketed_as"),
    pytest.param("The vaccine, Covira Shield, was developed with Bharat Serum.\n", id="the_apposition_of_a_product_noun"),
]


@pytest.mark.parametrize("body", NOT_PEOPLE)
def test_names_the_context_shows_are_no_person(extractor, body):
    assert people_orgs(extractor, body) == {}


def test_an_eponym_is_no_person_but_stays_in_the_title(extractor):
    found = people_orgs(extractor, '"It works," said Lena Holm, the Ken Adler Family Director of Ostvik University Hospital.\n')
    assert found == {"Lena Holm": ("Ken Adler Family Director", "Ostvik University Hospital")}


CASES = [
    pytest.param("Ken Adler, approved the plan with Ostvik University Hospital on Monday.\n",
                 {"Ken Adler": (None, None)}, id="a_clause_after_the_comma_is_no_affiliation"),
    pytest.param("Harrowgate Therapeutics has ventured into drug development. It has a pipeline of three drugs.\n\n"
                 'CEO Lena Holm stated, "We are very pleased."\n',
                 {"Lena Holm": ("CEO", "Harrowgate Therapeutics")}, id="a_company_head_speaks_for_the_company_named_before"),
    pytest.param("The deal was signed during the visit of China's vice-president Li Wei.\n",
                 {"Li Wei": ("vice-president", None)}, id="a_country_is_no_organisation"),
    pytest.param('"We are glad," said Lena Holm, Executive Director of the Research and Innovation Centre at OUH.\n',
                 {"Lena Holm": ("Executive Director of the Research and Innovation Centre", "Ostvik University Hospital")},
                 id="an_acronym_ending_the_sentence"),
    pytest.param("Ken Adler, codirector of the Center for Cell Therapy at Ostvik University Hospital, led the study.\n",
                 {"Ken Adler": ("codirector of the Center for Cell Therapy", "Ostvik University Hospital")},
                 id="a_centre_of_the_organisation_stays_in_the_title"),
    pytest.param("Rare disease advocate and Velmar board member Ken Adler will take the top spot.\n",
                 {"Ken Adler": ("board member", "Velmar")}, id="a_lower_case_board_member"),
    pytest.param("The deal was welcomed by WHO Director-General Ken Adler.\n",
                 {"Ken Adler": ("Director-General", "WHO")}, id="a_hyphenated_title"),
    pytest.param("Velmar Bio makes tests. The firm's chief executive, Ken Adler, said the deal would close in May.\n",
                 {"Ken Adler": ("chief executive", "Velmar Bio")}, id="the_firms_title_names_the_company_named_last"),
    pytest.param("Ken Adler, M.D., Ph.D., Senior Vice President, Head of Research & Development at Velmar Pharma, said it works.\n",
                 {"Ken Adler": ("Senior Vice President, Head of Research & Development", "Velmar Pharma")},
                 id="degrees_then_titles_held_at_an_organisation_the_clustering_missed"),
    pytest.param("Ken Adler, a spokesman for Velmar Pharma, said it works.\n",
                 {"Ken Adler": ("spokesman", "Velmar Pharma")}, id="a_spokesman_for_an_organisation"),
    pytest.param('Ken Adler, Executive Director of the Research and Innovation Centre at DoH. "We work," he said.\n',
                 {"Ken Adler": ("Executive Director of the Research and Innovation Centre", "DoH")},
                 id="a_mixed_case_acronym_ending_the_sentence"),
    pytest.param('"The market is large," said Ken Adler, an analyst at Jefferies.\n',
                 {"Ken Adler": ("analyst", "Jefferies")}, id="a_one_word_firm_ner_calls_a_place"),
    pytest.param('"It works," said Ken Adler, head of oncology research at Velmar\'s research unit.\n',
                 {"Ken Adler": ("head of oncology research", "Velmar")}, id="the_owner_of_a_unit_after_at"),
    pytest.param('"It works," Ken Adler, Velmar\'s chief executive, told reporters.\n',
                 {"Ken Adler": ("chief executive", "Velmar")}, id="an_unknown_possessor_of_a_title"),
    pytest.param("The tool was developed by Ken Adler, professor at the Department of Cell Biology. The Department of Cell "
                 "Biology is large.\n", {"Ken Adler": ("professor", "Ostvik University Hospital")},
                 id="an_academics_department_stands_for_the_one_academic_party"),
    pytest.param('"It works," said Ken Adler, Chief Executive Officer and Director of Velmar Pharma.\n',
                 {"Ken Adler": ("Chief Executive Officer and Director", "Velmar Pharma")}, id="a_company_heads_board_seat"),
    pytest.param('"It works," said Ken Adler, Vice President and Head of Clinical Development.\n',
                 {"Ken Adler": ("Vice President and Head of Clinical Development", None)}, id="a_field_after_of_is_no_organisation"),
    pytest.param('"It works," said Ken Adler, the newly appointed CEO of Velmar Pharma.\n',
                 {"Ken Adler": ("CEO", "Velmar Pharma")}, id="a_newly_appointed_title"),
    pytest.param('"It works," said Ken Adler, who was named CEO of Velmar Pharma in 2020.\n',
                 {"Ken Adler": ("CEO", "Velmar Pharma")}, id="a_relative_clause_naming_the_title"),
]


def test_an_english_and_a_chinese_name_without_a_mark_between_are_one_person(extractor):
    found = people_orgs(extractor, "Mary Wong Fan Chiu-fun, Chief Executive of Ostvik University Hospital, attended.\n")
    assert list(found) == ["Mary Wong Fan Chiu-fun"]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_organisation_from_context(extractor, body, expected):
    assert people_orgs(extractor, body) == expected


def test_a_chiefs_function_in_lower_case_before_the_name(extractor):
    found = people_orgs(extractor, "Today chief scientific officer Ken Adler leads the work.\n")
    assert found["Ken Adler"][0] == "chief scientific officer"


def test_a_name_the_clustering_glued_to_its_office_is_a_person(extractor):
    found = people_orgs(extractor, "The memorandum was signed by Vice Minister of Health Ken Adler and Harrowgate "
                                   "Therapeutics CEO Lena Holm.\n")
    assert found["Ken Adler"][0] == "Vice Minister of Health"
    assert found["Lena Holm"] == ("CEO", "Harrowgate Therapeutics")


@pytest.mark.parametrize(("body", "name", "title"), [
    pytest.param('Welcoming the news Business Secretary, Mark Hale, said: "This therapy is good."\n', "Mark Hale",
                 "Business Secretary", id="an_office_in_apposition"),
    pytest.param('"Life science matters," says the Norland Ambassador to Japan, Jan-Erik Berg Holm, "and we agree."\n',
                 "Jan-Erik Berg Holm", "Norland Ambassador to Japan", id="an_envoy_and_his_post_in_apposition"),
])
def test_a_title_in_apposition_before_the_name(extractor, body, name, title):
    assert people_orgs(extractor, body)[name][0] == title


def test_a_title_list_after_a_name_makes_no_person_of_the_next_item(extractor):
    found = people_orgs(extractor, '"It works," said Lee Roe, EVP, Global Head, Velmar One, Velmar Health.\n')
    assert list(found) == ["Lee Roe"]


SPLITS = [
    pytest.param('"It works," said Lena Holm, Chief Executive Officer of Velmar Pharma and Chairman of Ostvik Bio.\n',
                 ("Chief Executive Officer", "Velmar Pharma"), id="two_posts_at_two_organisations_the_first_counts"),
    pytest.param('"It works," said Lena Holm, Ph.D., Velmar Pharma\'s Senior Vice President of Research.\n',
                 ("Senior Vice President of Research", "Velmar Pharma"), id="a_capitalised_title_after_a_possessive"),
    pytest.param('"It works," said Ken Adler, Chief Medical Officer and Head of Clinical Development of Velmar Pharma.\n',
                 ("Chief Medical Officer and Head of Clinical Development", "Velmar Pharma"),
                 id="a_title_list_with_a_field_then_the_organisation"),
    pytest.param('"It works," added Lena Holm, Senior Director, Corporate Development, at Velmar Pharma.\n',
                 ("Senior Director, Corporate Development", "Velmar Pharma"), id="a_comma_before_at"),
    pytest.param("Speech by Ken Adler, Chairman of Velmar Pharma, at the Velmar Signing Ceremony on 8 May 2020.\n",
                 ("Chairman", "Velmar Pharma"), id="a_comma_before_at_after_a_title_held_at_one"),
    pytest.param("Ken Adler, a Velmar Pharma co-founder, said the deal would close in May.\n",
                 ("co-founder", "Velmar Pharma"), id="an_article_an_organisation_and_a_lower_case_title"),
    pytest.param('"It works," said Ken Adler, Chargé d’Affaires at the Norland Embassy in Tokyo.\n',
                 ("Chargé d’Affaires", "Norland Embassy in Tokyo"), id="an_embassy_and_its_city"),
    pytest.param('"It works," said Lena Holm, Minister for Industry, Ministry of Trade and Industry.\n',
                 ("Minister for Industry", "Ministry of Trade and Industry"), id="a_field_word_of_the_ministry_that_follows"),
    pytest.param("The agreement was signed by Ken Adler, CEO of Velmar Pharma and Lena Holm, President of Tarsk Bio.\n",
                 ("CEO", "Velmar Pharma"), id="the_conjunction_before_the_next_person"),
    pytest.param('"It works," said Ken Adler, Vice President of Research and Development.\n',
                 ("Vice President of Research and Development", None), id="a_function_ner_calls_an_organisation"),
    pytest.param("Velmar Pharma appointed Ken Adler as Chief Financial Officer in March.\n",
                 ("Chief Financial Officer", "Velmar Pharma"), id="the_organisation_that_appoints"),
    pytest.param("Ken Adler, who joined Velmar Pharma as Chief Medical Officer in 2020, said the deal would close in May.\n",
                 ("Chief Medical Officer", "Velmar Pharma"), id="who_joined_an_organisation_as"),
    pytest.param('"It works," said Ken Adler, President and Chief\nExecutive Officer of\nVelmar Pharma.\n',
                 ("President and Chief Executive Officer", "Velmar Pharma"), id="a_hard_wrapped_apposition"),
    pytest.param('"It works," said Ken Adler, Vice President, Harrowgate Head of Global Oncology Research, on Monday.\n',
                 ("Vice President, Harrowgate Head of Global Oncology Research", "Harrowgate Therapeutics"),
                 id="the_organisation_inside_the_title"),
    pytest.param('Ken Adler, Vice President, VELMAR Head of Global Diagnostics, said: "It works."\n',
                 ("Vice President, VELMAR Head of Global Diagnostics", "VELMAR"), id="an_acronym_inside_the_title"),
    pytest.param('"It works," said Ken Adler, Senior Vice President, R&D Head of Velmar Pharma.\n',
                 ("Senior Vice President, R&D Head", "Velmar Pharma"), id="a_function_acronym_is_no_organisation"),
]


@pytest.mark.parametrize(("body", "expected"), SPLITS)
def test_a_title_split_from_its_organisation(extractor, body, expected):
    assert next(iter(people_orgs(extractor, body).values())) == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param('"It works," said Velmar Pharma CCO Ken Adler.\n', ("CCO", "Velmar Pharma"), id="a_chief_officers_acronym"),
    pytest.param('"It works," said Ken Adler, Geschäftsführer of Velmar Pharma.\n', ("Geschäftsführer", "Velmar Pharma"),
                 id="a_german_title"),
    pytest.param('"It works," said Lena Holm, Vice Chancellor of Tarsk University.\n', ("Vice Chancellor", "Tarsk University"),
                 id="a_vice_chancellor_without_hyphen"),
])
def test_title_vocabulary(extractor, body, expected):
    assert next(iter(people_orgs(extractor, body).values())) == expected


BYLINES = [
    pytest.param("Seoul, March 3, 2025 By Tomas Brandt / Staff reporter\n\nThe firms will start trials.\n",
                 id="a_byline_with_its_desk_after_a_dateline"),
    pytest.param("The firms will start trials.\n\nWrite to Tomas Brandt at tb@news.example\n", id="write_to_the_writer"),
    pytest.param("BY TOMAS BRANDT [tb@news.example]\n\nThe firms will start trials.\n\n- TOMAS BRANDT\n",
                 id="the_writer_wherever_the_name_recurs"),
]


@pytest.mark.parametrize("body", BYLINES)
def test_a_byline_writer_is_no_person(extractor, body):
    assert "Tomas Brandt" not in {" ".join(w.capitalize() for w in n.split()) for n in people_orgs(extractor, body)}


def test_a_bare_minister_belongs_to_the_sole_ministry(extractor):
    text = ("The Ministry of Coastal Affairs and Velmar Pharma signed a memorandum of understanding on Monday. It "
            "follows Minister Oh Dae-ryun's visit to Velmar in May. Vice Minister Han Seo-jin also spoke.\n")
    people = {p.name: (p.title, p.organization) for p in extractor.extract(text).people}
    assert people["Oh Dae-ryun"] == ("Minister", "Ministry of Coastal Affairs")
    assert people["Han Seo-jin"] == ("Vice Minister", "Ministry of Coastal Affairs")


INFERRED = [
    pytest.param("The platform grew out of ten years of research led by professors Ken Adler and Lena Holm.\n",
                 {"Ken Adler": "Ostvik University Hospital", "Lena Holm": "Ostvik University Hospital"},
                 id="professors_in_lower_case_teach_at_the_one_academic_party"),
    pytest.param("Reporters asked about the plan on Monday. Spokesman Ken Adler said the firm would not comment.\n",
                 {"Ken Adler": "Harrowgate Therapeutics"}, id="a_speaker_reporting_what_the_firm_does"),
]


@pytest.mark.parametrize(("body", "expected"), INFERRED)
def test_organisation_inferred_from_the_story(extractor, body, expected):
    assert {name: org for name, (_, org) in people_orgs(extractor, body).items()} == expected


@pytest.mark.parametrize(("names", "expected"), [
    pytest.param(["Ostvik University", "Velmar Pharma"], "Ostvik University", id="one_university_among_the_parties"),
    pytest.param(["Ostvik University", "Halden College"], None, id="two_academic_parties_leave_it_open"),
    pytest.param(["Velmar Pharma"], None, id="no_academic_party"),
])
def test_the_sole_academic_party(extractor, names, expected):
    sentence = "The work was led by professors Ken Adler and Lena Holm.\n"
    parties = [party(sentence, name) for name in names]
    assert Affiliations(ctx_of(extractor, sentence), parties, parties).sole_academic_party() == expected


def test_a_speakers_title_without_a_comma_before_said(extractor):
    body = '"We invest for the long term," Ken Adler executive director, Velmar Venture Fund at Harrowgate Therapeutics, said.\n'
    assert people_orgs(extractor, body)["Ken Adler"] == ("executive director, Velmar Venture Fund", "Harrowgate Therapeutics")


def test_a_titles_short_form_in_brackets_before_the_name(extractor):
    body = 'Reporters asked on Monday. Velmar Pharma chief operating officer (COO) Ken Adler said: "It works."\n'
    assert people_orgs(extractor, body)["Ken Adler"] == ("chief operating officer", "Velmar Pharma")
