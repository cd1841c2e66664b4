"""People's titles and organisations in constructions of real press and news writing (our own sentences)."""

from __future__ import annotations

import pytest
import spacy

from conftest import LEAD, ctx_of, people_orgs
from mouextract.extract.people import PeopleExtractor

CASES = [
    pytest.param("Harrowgate approached Terry Hsu (許文), chairman of Harrowgate Therapeutics.\n",
                 {"Terry Hsu": ("chairman", "Harrowgate Therapeutics")}, id="name_in_its_own_script_before_the_title"),
    pytest.param("The Union Cabinet, chaired by Prime Minister Shri Ravi Menon, approved the plan.\n",
                 {"Ravi Menon": ("Prime Minister", None)}, id="indian_honorific_between_title_and_name"),
    pytest.param("The plant was visited by the prime minister, Mark Hale, in May.\n",
                 {"Mark Hale": ("prime minister", None)}, id="lower_case_title_in_apposition_before_the_name"),
    pytest.param("The deal was praised by chief executive Jonas Berg.\n",
                 {"Jonas Berg": ("chief executive", None)}, id="lower_case_title_right_before_the_name"),
    pytest.param('"We are glad," said Jonas Berg, chief executive officer of zentrix. zentrix makes software for '
                 "Ostvik University Hospital.\n",
                 {"Jonas Berg": ("chief executive officer", "zentrix")}, id="company_written_in_lower_case"),
    pytest.param("The ceremony was attended by Minister of Trade, Industry and Energy Lee Min-ho and Head of the "
                 "Norland Drug Authority Kim Ji-ho.\n",
                 {"Lee Min-ho": ("Minister of Trade, Industry and Energy", None),
                  "Kim Ji-ho": ("Head", "Norland Drug Authority")}, id="office_and_its_field_or_body_before_the_name"),
    pytest.param("The two will work together.\n(Reporting by Anna Roos; Editing by Lars Berg)\nEditors: Mia Holt, Ben Carr\n"
                 "Translation by Ivo Dahl\n", {}, id="credits_are_no_people"),
    pytest.param("2025-03-14     Ken Adler\n\nThe two will work together.\n", {}, id="a_dated_byline_is_no_person"),
    pytest.param("The firm makes Velutix CR tablets for Ostvik University Hospital.\n", {},
                 id="a_product_and_its_acronym_is_no_person"),
    pytest.param("(From left) Min-jun Kang CEO of Harrowgate Therapeutics, Seo-yeon Park President & CEO of Ostvik "
                 "University Hospital, Ji-ho Lim General Director of Ostvik University Hospital\n\nThe two will work together.\n",
                 {"Min-jun Kang": ("CEO", "Harrowgate Therapeutics"),
                  "Seo-yeon Park": ("President & CEO", "Ostvik University Hospital"),
                  "Ji-ho Lim": ("General Director", "Ostvik University Hospital")}, id="a_caption_list_without_commas"),
    pytest.param('"It is a fine day," said Prof. Pieter H.J. van der Laan, Ph.D., Chief Executive Officer of Harrowgate '
                 "Therapeutics.\n", {"Pieter H.J. van der Laan": ("Chief Executive Officer", "Harrowgate Therapeutics")},
                 id="initials_and_particles_in_a_name"),
    pytest.param("The meeting was chaired by S K Verma, Managing Director of Harrowgate Therapeutics.\n",
                 {"S K Verma": ("Managing Director", "Harrowgate Therapeutics")}, id="initials_without_dots"),
    pytest.param("Joon-ki Baek, head of digital health at Ostvik University Hospital, hosted the guests.\n",
                 {"Joon-ki Baek": ("head of digital health", "Ostvik University Hospital")},
                 id="lower_case_title_after_the_name"),
    pytest.param('"We will grow," Harrowgate Therapeutics CMD Rajesh Kumar Iyer said.\n',
                 {"Rajesh Kumar Iyer": ("CMD", "Harrowgate Therapeutics")}, id="indian_chairman_and_managing_director"),
    pytest.param('"Our collaboration with Ostvik University Hospital is part of a wider plan," said Managing Director '
                 "Ravi Menon.\n", {"Ravi Menon": ("Managing Director", "Harrowgate Therapeutics")},
                 id="the_partner_named_with_with_is_not_the_speakers"),
    pytest.param('"We are ready," said Professor Lena Holm, Dean of the Faculty of Medicine at Ostvik University Hospital.\n',
                 {"Lena Holm": ("Dean of the Faculty of Medicine", "Ostvik University Hospital")}, id="a_unit_stays_in_the_title"),
    pytest.param("Ken Adler, Chairman of the Board of Harrowgate Therapeutics, attended the ceremony.\n",
                 {"Ken Adler": ("Chairman", "Harrowgate Therapeutics")}, id="a_board_belongs_to_its_organisation"),
    pytest.param("Harrowgate's chief executive, Ken Adler, said the deal would close in May.\n",
                 {"Ken Adler": ("chief executive", "Harrowgate Therapeutics")}, id="possessive_title_in_apposition"),
    pytest.param("Ken Adler, Harrowgate Therapeutics' chief executive officer, said the deal was a milestone.\n",
                 {"Ken Adler": ("chief executive officer", "Harrowgate Therapeutics")}, id="plural_possessive_before_the_title"),
    pytest.param("Harrowgate Therapeutics appointed Ken Adler as its new Chief Financial Officer, effective June 1.\n",
                 {"Ken Adler": ("Chief Financial Officer", "Harrowgate Therapeutics")}, id="an_appointment_as_a_title"),
    pytest.param("Lena Holm, who is the chief executive of Ostvik University Hospital, said the deal was good. Ken Adler, "
                 "who founded Harrowgate in 2010, agreed.\n",
                 {"Lena Holm": ("chief executive", "Ostvik University Hospital"), "Ken Adler": (None, "Harrowgate Therapeutics")},
                 id="a_relative_clause_states_a_title_or_none"),
    pytest.param('"The deal strengthens our pipeline," said Ken Adler. Adler is chief executive of Harrowgate Therapeutics.\n',
                 {"Ken Adler": ("chief executive", "Harrowgate Therapeutics")}, id="a_later_mention_by_surname_states_the_title"),
    pytest.param("Ken Adler is the president of Ostvik University Hospital.\n",
                 {"Ken Adler": ("president", "Ostvik University Hospital")}, id="a_copula_states_the_title"),
    pytest.param("Signing ceremony (from left: Ken Adler, Director of Harrowgate Therapeutics; Lena Holm, Dean of Ostvik "
                 "University Hospital).\n\n\"We are glad,\" said Harrowgate Therapeutics President Ken Adler.\n",
                 {"Ken Adler": ("President", "Harrowgate Therapeutics")}, id="the_story_states_a_title_better_than_a_caption"),
    pytest.param("Ken Adler (CEO, Harrowgate Therapeutics) and Lena Holm (Director, Ostvik University Hospital) signed it.\n",
                 {"Ken Adler": ("CEO", "Harrowgate Therapeutics"), "Lena Holm": ("Director", "Ostvik University Hospital")},
                 id="titles_in_brackets_after_the_names"),
    pytest.param("Harrowgate Therapeutics CEO and co-founder Ken Adler said the deal was a milestone.\n",
                 {"Ken Adler": ("CEO and co-founder", "Harrowgate Therapeutics")}, id="a_list_of_titles_ending_in_lower_case"),
    pytest.param("Ken Adler, Harrowgate Therapeutics founder, said the deal was a milestone.\n",
                 {"Ken Adler": ("founder", "Harrowgate Therapeutics")}, id="a_lower_case_title_after_the_organisation"),
    pytest.param("Ken Adler, senior vice president, business development, Harrowgate Therapeutics, said it was a milestone.\n",
                 {"Ken Adler": ("senior vice president, business development", "Harrowgate Therapeutics")},
                 id="a_title_with_its_function_in_lower_case"),
    pytest.param("The signing was attended by Ken Adler, Minister of Public Works Lena Holm, and others.\n",
                 {"Ken Adler": (None, None), "Lena Holm": ("Minister of Public Works", None)},
                 id="an_office_before_the_next_name_is_that_persons"),
    pytest.param("The two will work together.\n\nHarrowgate Media Contact\nJane Roe\n+1 555 0100\n\nHarrowgate Investor "
                 "Relations Contact\nJohn Poe\n+1 555 0101\n",
                 {"Jane Roe": ("Media Contact", "Harrowgate Therapeutics"),
                  "John Poe": ("Investor Relations Contact", "Harrowgate Therapeutics")}, id="a_contact_under_its_desk_header"),
    pytest.param("The award went to Trustee Ken Adler of Ostvik University Hospital.\n",
                 {"Ken Adler": ("Trustee", "Ostvik University Hospital")}, id="a_trustee"),
    pytest.param("The event was chaired by Governor Li Wei of Norland Province.\n",
                 {"Li Wei": ("Governor", "Norland Province")}, id="a_governor_of_a_region"),
    pytest.param("The company has not disclosed the terms, CEO Ken Adler said. Harrowgate Therapeutics makes cell "
                 "therapies, and Harrowgate Therapeutics will fund the work.\n",
                 {"Ken Adler": ("CEO", "Harrowgate Therapeutics")}, id="the_company_in_the_sentence_is_the_articles"),
    pytest.param("The two will work together.\n\nContact\nJane Roe\n\nOstvik University Hospital\nPublic Relations\n",
                 {"Jane Roe": (None, "Ostvik University Hospital")}, id="a_contact_block_with_a_blank_line"),
    pytest.param("The agreement was signed by the general director of Harrowgate Therapeutics, Ken Adler, and the director "
                 "of Ostvik University Hospital, Lena Holm.\n",
                 {"Ken Adler": ("general director", "Harrowgate Therapeutics"),
                  "Lena Holm": ("director", "Ostvik University Hospital")}, id="a_title_and_organisation_in_apposition_before"),
    pytest.param("The guests included Ken Adler, Secretary for Innovation, Technology and Industry, who spoke first.\n",
                 {"Ken Adler": ("Secretary for Innovation, Technology and Industry", None)}, id="a_field_list_in_a_title"),
    pytest.param("The device was developed by research professor Lena Holm and her team.\n",
                 {"Lena Holm": ("research professor", None)}, id="an_academic_rank_before_a_lower_case_title"),
    pytest.param('"This deal will help," said Harrowgate Therapeutics\' Ken Adler. "We are pleased," said Lena Holm, who '
                 "heads Ostvik University Hospital.\n",
                 {"Ken Adler": (None, "Harrowgate Therapeutics"), "Lena Holm": (None, "Ostvik University Hospital")},
                 id="an_organisation_without_a_title"),
    pytest.param("Ken Adler, Harrowgate Therapeutics CEO since 2019, said the deal was a milestone.\n",
                 {"Ken Adler": ("CEO", "Harrowgate Therapeutics")}, id="a_tenure_is_no_part_of_the_title"),
    pytest.param("The signing was attended by Harrowgate Therapeutics CEO Ken Adler, hospital director Lena Holm and others.\n",
                 {"Ken Adler": ("CEO", "Harrowgate Therapeutics"), "Lena Holm": ("director", "Ostvik University Hospital")},
                 id="a_reference_word_before_a_lower_case_title"),
    pytest.param("The company's CEO, Ken Adler, said the deal was a milestone.\n",
                 {"Ken Adler": ("CEO", "Harrowgate Therapeutics")}, id="the_companys_title_names_the_only_company"),
    pytest.param("Chairman Ken Adler of Harrowgate Therapeutics said the deal was a milestone.\n",
                 {"Ken Adler": ("Chairman", "Harrowgate Therapeutics")}, id="title_name_of_organisation"),
    pytest.param("Lena Holm, who heads the clinical research division at Ostvik University Hospital, said it would start.\n",
                 {"Lena Holm": (None, "Ostvik University Hospital")}, id="who_heads_a_unit_at_an_organisation"),
    pytest.param("The two will work together.\n\nKen Adler\n\nExecutive Vice President of Oncology, Harrowgate Therapeutics\n",
                 {"Ken Adler": ("Executive Vice President of Oncology", "Harrowgate Therapeutics")},
                 id="a_contact_block_with_a_blank_line_before_the_title"),
    pytest.param('"It is a milestone," Dr. Ken Adler, NRDA\'s director, said.\n', {"Ken Adler": ("director", "NRDA")},
                 id="an_unknown_acronym_possessive_before_the_title"),
    pytest.param('"It is a milestone," said Ken Adler, senior vice president and head of infectious diseases and vaccines '
                 "at Harrowgate Therapeutics.\n",
                 {"Ken Adler": ("senior vice president and head of infectious diseases and vaccines", "Harrowgate Therapeutics")},
                 id="a_long_lower_case_title"),
    pytest.param("Cabinet Secretary for Health John Otieno said the deal was good.\n",
                 {"John Otieno": ("Cabinet Secretary for Health", None)}, id="a_cabinet_secretary"),
    pytest.param("The two will work together.\n\nKen Adler\nExecutive Vice President of Specialty Care & President of "
                 "North America, Harrowgate Therapeutics\n",
                 {"Ken Adler": ("Executive Vice President of Specialty Care & President of North America", "Harrowgate Therapeutics")},
                 id="a_title_going_on_after_its_field"),
    pytest.param("The plant was visited by the US Secretary of Commerce, John Otieno, in May.\n",
                 {"John Otieno": ("US Secretary of Commerce", None)}, id="an_office_and_its_field_in_apposition_before"),
    pytest.param("The agreement was signed by Jeff Morrow, Vice President Ostvik University Hospital and Dr. Anna "
                 "Roos, CEO of Harrowgate Therapeutics.\n",
                 {"Jeff Morrow": ("Vice President", "Ostvik University Hospital")},
                 id="title_and_organisation_with_nothing_between"),
    pytest.param("Harrowgate Therapeutics said today it signed a licence with Ostvik University Hospital. The firm has also "
                 "named Lena Holm as regional head of sales.\n",
                 {"Lena Holm": ("regional head of sales", "Harrowgate Therapeutics")},
                 id="an_appointment_to_a_post_with_its_reach"),
    pytest.param("The new compound comes from work led by professors Ken Adler and Lena Holm over ten years.\n",
                 {"Ken Adler": ("professors", "Ostvik University Hospital"), "Lena Holm": ("professors", "Ostvik University Hospital")},
                 id="a_plural_title_before_a_list_of_people"),
    pytest.param("Standing behind them are Minister of Trade, Industry and Energy Lee Min-ho (left), Minister of Health "
                 "and Welfare Kim Ji-ho (right).\n",
                 {"Lee Min-ho": ("Minister of Trade, Industry and Energy", None),
                  "Kim Ji-ho": ("Minister of Health and Welfare", None)},
                 id="an_office_with_its_field_after_a_caption_position"),
    pytest.param("Norland's Minister of Public Services and Procurement Maren Lindqvist said the order was signed.\n",
                 {"Maren Lindqvist": ("Minister of Public Services and Procurement", None)},
                 id="an_office_with_its_field_run_into_the_name"),
    pytest.param('Harrowgate Therapeutics (Head Office: Oslo, Norland; Chief Executive Officer: Maren Lindqvist, Ph.D.; '
                 'hereafter "Harrowgate") signed the licence.\n',
                 {"Maren Lindqvist": ("Chief Executive Officer", "Harrowgate Therapeutics")},
                 id="a_title_of_several_words_and_a_colon_before_the_name"),
    pytest.param("The licence was signed with Ostvik University Hospital (headquartered in Bergen, Norland; Lena Holm, "
                 'Chairperson of the Board; hereinafter "Ostvik").\n',
                 {"Lena Holm": ("Chairperson of the Board", "Ostvik University Hospital")},
                 id="a_board_at_the_end_of_the_title_is_the_title"),
    pytest.param("The plan was backed, Research, Science and Innovation Minister Maren Lindqvist and Health Minister Prof "
                 "Lars Berg said.\n",
                 {"Maren Lindqvist": ("Research, Science and Innovation Minister", None),
                  "Lars Berg": ("Health Minister", None)}, id="an_office_written_after_its_fields"),
    pytest.param("Harrowgate Therapeutics welcomed a delegation led by Foreign Secretary Mark Hale.\n",
                 {"Mark Hale": ("Foreign Secretary", None)}, id="a_secretary_after_its_field_is_a_public_office"),
    pytest.param("Ostvik University Hospital has poached rival executive Ken Adler as chief executive, after former "
                 "CEO Lena Holm retired.\n",
                 {"Ken Adler": ("chief executive", "Ostvik University Hospital")}, id="a_post_taken_up_before_the_next_title"),
    pytest.param("The partners named Chief Minister A. Ravi Kumar and Industries Minister M.S.N. Rao as patrons. Ravi Kumar "
                 "said the plan was sound.\n",
                 {"A. Ravi Kumar": ("Chief Minister", None), "M.S.N. Rao": ("Industries Minister", None)},
                 id="names_led_by_initials"),
    pytest.param('"The data are strong," said Lena Holm, M.D., M.S.C.E., executive vice president, global head of research '
                 "of Harrowgate Therapeutics.\n",
                 {"Lena Holm": ("executive vice president, global head of research", "Harrowgate Therapeutics")},
                 id="dotted_degrees_and_a_title_with_its_reach"),
    pytest.param("The meeting was held in the presence of the Minister of Health, Lars Berg and Minister of Industry, "
                 "Maren Lindqvist.\n",
                 {"Maren Lindqvist": ("Minister of Industry", None)}, id="an_office_in_apposition_at_the_sentence_end"),
    pytest.param('"We look forward to it," Harrowgate Therapeutics\' Global Testing Senior VP Ken Adler said.\n',
                 {"Ken Adler": ("Global Testing Senior VP", "Harrowgate Therapeutics")},
                 id="a_partys_unit_after_a_plural_possessive_belongs_to_the_title"),
    pytest.param("Harrowgate Therapeutics announced the appointment of Ken Adler, Jr. as chief executive officer. Ken Adler "
                 "joined in 2020.\n",
                 {"Ken Adler, Jr.": ("chief executive officer", "Harrowgate Therapeutics")}, id="a_name_keeps_its_junior"),
    pytest.param("Harrowgate Therapeutics named Lena De Holm, Ph.D. De Holm joins from Ostvik University Hospital. Speaking "
                 "for the hospital, Director Dr. Aisha Omar Al Rami thanked her. Al Rami said the work was sound.\n",
                 {"Lena De Holm": (None, None), "Aisha Omar Al Rami": ("Director", "Ostvik University Hospital")},
                 id="a_surname_of_two_words_is_the_person_named_in_full"),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_construction(extractor, body: str, expected: dict[str, tuple[str | None, str | None]]) -> None:
    found = people_orgs(extractor, body)
    if not expected:
        assert found == {}
    for name, want in expected.items():
        assert found.get(name) == want, (name, found)
    if any(" Al Rami" in name or " De Holm" in name for name in expected):
        assert len(found) == len(expected), found  # no second person for the surname


def test_an_honorific_between_the_title_and_a_name_of_three_words(extractor) -> None:
    # the title pattern alone, as where NER misses the name: "Professor Sir Wei Tan Lok", not "Wei Tan"
    text = "The director of the centre, Professor Sir Wei Tan Lok (pictured), said the work was sound.\n"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ctx = ctx_of(extractor, text, nlp=nlp)
    assert [c.name for c in PeopleExtractor(ctx, [], []).candidates()] == ["Wei Tan Lok"]


def test_an_office_in_a_list_takes_no_company_from_the_rules(extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # the rules' choice alone: the learned linker, retrained separately, may revise it
    monkeypatch.setattr(extractor.decider, "link", None)
    found = people_orgs(extractor, "From left: Harrowgate Therapeutics CEO Anna Roos; Minister of Health Lee Min-ho; and "
                                 "Ostvik University Hospital Director Lars Berg.\n")
    assert found["Anna Roos"] == ("CEO", "Harrowgate Therapeutics")
    assert found["Lee Min-ho"] == ("Minister of Health", None)


def test_an_organisation_loses_the_words_glued_to_it(extractor) -> None:
    from mouextract.extract.affiliation import Affiliations
    from mouextract.extract.context import Context

    ctx = Context(text=LEAD, masked=LEAD, doc=extractor.nlp(LEAD), rules=extractor.rules)
    affiliations = Affiliations(ctx, [], [])
    assert affiliations.tidy_org("Norland Biologics CEO Kim Ji-ho", "Kim Ji-ho") == "Norland Biologics"
    assert affiliations.tidy_org("Representatives of Norland Biologics", "Kim Ji-ho") == "Norland Biologics"
    assert affiliations.tidy_org("GM of Norland Biologics", "Kim Ji-ho") == "Norland Biologics"
    assert affiliations.tidy_org("NB-04. Norland Biologics", "Kim Ji-ho") == "Norland Biologics"
    assert affiliations.tidy_org("Norland Biologics Gets Exclusive Option", "Kim Ji-ho") == "Norland Biologics"
    assert affiliations.tidy_org("Department of Health, Government of", "Kim Ji-ho") == "Department of Health"
    # two organisations glued into one: the words around the person name one of them alone
    assert affiliations.tidy_org("Ostvik University and NORLAB", "Kim Ji-ho", "Kim Ji-ho, Vice President, NORLAB") == "NORLAB"
    assert affiliations.tidy_org("Ministry of Trade and Industry", "Kim Ji-ho", "Kim Ji-ho, Minister for Industry") \
        == "Ministry of Trade and Industry"


def test_an_acronym_is_the_organisation_it_spells(extractor) -> None:
    text = LEAD + "The Norland Biotechnology Organization joined later. NBO CEO Ken Adler spoke at the ceremony.\n"
    found = people_orgs(extractor, text[len(LEAD):])
    assert found["Ken Adler"] == ("CEO", "Norland Biotechnology Organization")


def test_an_organisation_named_before_another_person_is_theirs(extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor.decider, "link", None)  # the rules' choice alone
    found = people_orgs(extractor, "Present were Harrowgate Therapeutics CEO Ken Adler, chief executive Lena Holm and others.\n")
    assert found["Ken Adler"] == ("CEO", "Harrowgate Therapeutics")
    assert found["Lena Holm"] == ("chief executive", None)


@pytest.mark.parametrize("name", ["Velora Tablet", "Norland Vaccine", "Getty Images", "Zentrix Platform"])
def test_product_and_page_words_make_no_name(extractor, name: str) -> None:
    from mouextract.extract.context import Context
    from mouextract.extract.people import _valid_name

    ctx = Context(text=LEAD, masked=LEAD, doc=extractor.nlp(LEAD), rules=extractor.rules)
    assert not _valid_name(name, ctx, set())
    assert _valid_name("Vera Tablov", ctx, set())
    assert _valid_name("Aiko SATO", ctx, set())  # a surname in capitals is no product code
    assert not _valid_name("Velutix CR", ctx, set())


def test_a_surname_after_an_honorific_is_a_person(extractor) -> None:
    found = people_orgs(extractor, 'The study builds on earlier work. "This is a fine result," said Professor Hallberg. '
                                   "Dr Kessel's Laboratories will supply the kits.\n")
    assert "Hallberg" in found
    assert not any("Kessel" in name for name in found)


def test_a_surname_of_a_person_named_in_full_is_no_second_person(extractor) -> None:
    found = people_orgs(extractor, "Anna Hallberg, CEO of Harrowgate Therapeutics, opened the plant. "
                                   '"We are glad," said Dr. Hallberg.\n')
    assert [name for name in found if "Hallberg" in name] == ["Anna Hallberg"]


def test_a_title_the_lexicon_holds_in_part_does_not_swallow_the_name(extractor) -> None:
    found = people_orgs(extractor, '"We are glad," Halden Biologics President and Chief Business Officer Rina Holtberg said.\n')
    assert any(set(name.split()) == {"Rina", "Holtberg"} for name in found)


@pytest.mark.parametrize("body", [
    ("The signing was witnessed by Norland's Minister of Foreign Affairs Retna Valdaro and others.\n"
     "Valdaro told reporters the plant would open in May.\n"),
    "President Director of Halden Biologics Osveni Tarkasyr, who signed the agreements, thanked all parties.\n",
    "Norland's Minister of Public Services and Procurement Aneka Varsund said the deal was signed.\n",
])
def test_a_name_after_an_office_that_only_a_person_fits(extractor, body: str) -> None:
    found = people_orgs(extractor, body)
    assert any(len(name.split()) == 2 and name.split()[0] in body and name.split()[1] in body
               and name.split()[1] in {"Valdaro", "Tarkasyr", "Varsund"} for name in found), found


@pytest.mark.parametrize("body", [
    "  • By Halvard Mossing\n\nThe two will work together.\n",
    "The Ostvik Pharma logo is seen on its campus in Ostvik, July 12, 2024. REUTERS/Halvard Mossing\n",
    "Halvard Mossing By Halvard Mossing | Journalist & Industry Analyst - Fri, 08/12/2024\n\nThe two will work together.\n",
])
def test_news_site_bylines_and_photo_credits_are_no_people(extractor, body: str) -> None:
    assert not any("Mossing" in name for name in people_orgs(extractor, body))


def test_a_title_before_a_slash_is_no_photo_agency(extractor) -> None:
    text = "Halden Biologics CEO/ Halvard Mossing thanked all parties. REUTERS/Ken Adler\n"
    people = PeopleExtractor(ctx_of(extractor, text), [], [])
    at = text.index("Halvard")
    assert not people._credited(at, at + len("Halvard Mossing"))
    at = text.index("Ken Adler")
    assert people._credited(at, at + len("Ken Adler"))


@pytest.mark.parametrize(("body", "word"), [
    ("Ostvik Pharma works with its subsidiaries Halvena Farma and Ostrid Farma on the vaccine.\n", "Farma"),
    ("She also co-founded meal-kit provider Halden Bag, which she sold in 2020.\n", "Halden"),
    ("This year's startups include Movera Circuits, a company working to redesign chips for cloud computing.\n", "Movera"),
])
def test_a_name_beside_an_organisation_noun_is_no_person(extractor, body: str, word: str) -> None:
    assert not any(word in name for name in people_orgs(extractor, body))


def test_a_person_in_apposition_to_a_title_with_an_organisation_noun_stays(extractor) -> None:
    found = people_orgs(extractor, '"We are glad," said Halvard Mossing, a company spokesman, on Monday.\n')
    assert any("Mossing" in name for name in found)


def test_a_name_cut_at_its_hyphen_keeps_its_last_part(extractor) -> None:
    found = people_orgs(extractor, "The deal came after Ostvik Science Parks Chairwoman Vanna Law Fan Chiu-fun told "
                                   "reporters last month that the city should lead.\n")
    assert not any(name.endswith("-") for name in found)


def test_a_name_made_a_modifier_is_no_person(extractor) -> None:
    found = people_orgs(extractor, "Ostvik Pharma signed supply deals with two Halvard Mossing-backed ventures.\n")
    assert not any("Mossing" in name for name in found)


@pytest.mark.parametrize("body", [
    "Pfizer and Halvena Kun Dang signed the deal. Halvena Kun Dang CEO Kim Young-joo attended.\n",
    "Ostvik Pharma signed a deal with US company OD (Osvald Dickinson) on Monday.\n",
])
def test_a_name_that_heads_a_title_or_an_acronym_is_an_organisation(extractor, body: str) -> None:
    assert not any(w in name for name in people_orgs(extractor, body) for w in ("Halvena", "Osvald"))
