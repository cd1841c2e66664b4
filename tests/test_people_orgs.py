"""Person-organisation links and organisation names, one construction per test (our own sentences)."""

from __future__ import annotations

import pytest

from conftest import LEAD, ctx_of, party, people_orgs
from mouextract.extract.affiliation import Affiliations, Candidate
from mouextract.extract.orgs import OrgEntity
from mouextract.extract.people import PeopleExtractor

CASES = [
    pytest.param(
        "Kenji Mori, executive vice president of Asia Pacific, Harrowgate, welcomed the partnership.\n",
        {"Kenji Mori": ("executive vice president of Asia Pacific", "Harrowgate Therapeutics")},
        id="a_region_after_of_is_the_posts_reach_and_the_organisation_follows"),
    pytest.param(
        "The memorandum was also signed with the Norland Embassy in Stockholm. Harrowgate CEO Omar Haddad and the "
        "Norland Ambassador to Sweden, Jan Berg, attended.\n",
        {"Jan Berg": ("Norland Ambassador to Sweden", "Norland Embassy")},
        id="an_ambassador_belongs_to_the_one_embassy_of_the_story"),
    pytest.param(
        "The deal with Velmar Pharma was welcomed by its Minister Ola Nordin.\n",
        {"Ola Nordin": ("Minister", None)},
        id="an_organisation_before_a_clause_is_not_the_titles"),
    pytest.param(
        "The signing was attended by Mira Castell, Chief Technology Officer (CTO) "
        "of Harrowgate Therapeutics.\n",
        {"Mira Castell": ("Chief Technology Officer", "Harrowgate Therapeutics")},
        id="acronym_in_parentheses_does_not_hide_the_organisation"),
    pytest.param(
        '"We are ready," said Priya Anand, President and Chief Executive Officer of '
        "Harrowgate. Also present was Tom Reyes, Harrowgate's Vice President of Research.\n",
        {"Priya Anand": ("President and Chief Executive Officer", "Harrowgate Therapeutics"),
         "Tom Reyes": ("Vice President of Research", "Harrowgate Therapeutics")},
        id="short_name_and_possessive_resolve_to_the_party"),
    pytest.param(
        "Professor Lena Dahl of the Department of Plastic Surgery at Ostvik University "
        "Hospital will lead the study.\n",
        {"Lena Dahl": ("Professor", "Ostvik University Hospital")},
        id="unit_between_person_and_organisation"),
    pytest.param(
        "Media: Anna Roos, Managing Partner, Roos & Berg Communications, anna@rb.example\n",
        {"Anna Roos": ("Managing Partner", "Roos & Berg Communications")},
        id="agency_title_after_a_comma"),
    pytest.param(
        "Lena Ortiz, M.D., Chief Medical Officer of Harrowgate, will present the data. "
        '"It works," said Omar Haddad, Ph.D., Chief Executive Officer of Harrowgate.\n',
        {"Lena Ortiz": ("Chief Medical Officer", "Harrowgate Therapeutics"),
         "Omar Haddad": ("Chief Executive Officer", "Harrowgate Therapeutics")},
        id="degrees_after_a_name"),
    pytest.param(
        '"Patients there have very few options left today," said Ana Ruiz, Director of the '
        "Ostvik Blood and Marrow Transplantation Center.\n\nThe trial is led by Professor Ivo "
        "Berg at the Department of Surgery, Ostvik University Hospital School of Medicine, who "
        "has run three earlier studies with the company.\n",
        {"Ana Ruiz": ("Director", "Ostvik Blood and Marrow Transplantation Center"),
         "Ivo Berg": ("Professor", "Ostvik University Hospital")},  # an academic unit is the party
        id="named_centre_with_and_and_academic_units"),
    pytest.param(
        "The ceremony was attended by Park Minho, CEO of Harrowgate Therapeutics; Yoo Jisu, "
        "Head of Bio R&D Division; and Kim Dana, Center Director.\n",
        {"Park Minho": ("CEO", "Harrowgate Therapeutics"),
         "Yoo Jisu": ("Head of Bio R&D Division", "Harrowgate Therapeutics"),
         "Kim Dana": ("Center Director", "Harrowgate Therapeutics")},
        id="semicolon_attendee_list_inherits_the_organisation"),
    pytest.param(
        "The ceremony was opened by Harrowgate's chief executive. Maria Berg said the "
        "partnership would start with two trials.\n",
        {"Maria Berg": ("chief executive", "Harrowgate Therapeutics")},
        id="title_in_one_sentence_name_in_the_next"),
    pytest.param(
        "Professor Aya Mori of the Department of Neurology, who will lead the work at the "
        "hospital, chose the first patients. The trial starts in May. Ostvik University "
        "Hospital's Gene Therapy Laboratory, led by Professor Ivo Berg, will make the vector.\n",
        {"Aya Mori": ("Professor", "Ostvik University Hospital"),
         "Ivo Berg": ("Professor", "Ostvik University Hospital")},
        id="unit_then_a_reference_and_led_by_after_a_sentence"),
    pytest.param(
        "The signing took place in the presence of Prime Minister Samir Adel, Minister of Rural Water "
        "Works Mohamed Farouk, and Mona Fathy, Chairman of Harrowgate. Ostvik will train staff of the "
        "Ministry of Rural Water Works.\n",
        {"Mohamed Farouk": ("Minister of Rural Water Works", "Ministry of Rural Water Works"),
         "Samir Adel": ("Prime Minister", None)},
        id="a_minister_of_a_field_belongs_to_the_ministry_the_text_names"),
    pytest.param(
        "The signing took place in the presence of Prime Minister Samir Adel, Minister of Rural Water "
        "Works Mohamed Farouk, and Mona Fathy, Chairman of Harrowgate.\n",
        {"Mohamed Farouk": ("Minister of Rural Water Works", None)},
        id="no_ministry_is_made_up_from_a_ministers_title"),
    pytest.param(
        "The work builds on Ostvik University Hospital's patient registry, which CEO Lena Ortiz "
        'described as unique. "The registry is unique," said Lena Ortiz, CEO of Harrowgate Therapeutics.\n',
        {"Lena Ortiz": ("CEO", "Harrowgate Therapeutics")},
        id="a_later_stated_organisation_beats_one_inferred_from_the_sentence"),
    pytest.param(
        "The ceremony was attended by Party secretary Wen Lihua and Deputy Party Secretary Gao Rui of the city.\n",
        {"Wen Lihua": ("Party secretary", None), "Gao Rui": ("Deputy Party Secretary", None)},
        id="a_party_secretary_is_one_title_not_a_secretary_of_an_organisation_called_party"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_title_and_organisation(extractor, body, expected):
    got = people_orgs(extractor, body)
    assert {name: got[name] for name in expected} == expected


def test_contact_blocks(extractor):
    body = ("Contacts\nOstvik University Hospital\nSara Holm, Head of Communications\npress@ostvik.example\n\n"
            "Harrowgate: Ben Ortiz, Senior Manager, Corporate Affairs, media@harrowgate.example\n\n"
            "Media Contact\nDana Frost\nBellweather Communications\ndana@bellweather.example\n")
    got = people_orgs(extractor, body)
    assert got["Sara Holm"] == ("Head of Communications", "Ostvik University Hospital")
    assert got["Ben Ortiz"] == ("Senior Manager, Corporate Affairs", "Harrowgate Therapeutics")
    assert got["Dana Frost"][1] == "Bellweather Communications"


def test_names_joined_by_and_stay_whole(extractor):
    result = extractor.extract(LEAD + "Both will consult the Ministry of Food and Drug Safety and the U.S. Food and "
                                      "Drug Administration (FDA). The FDA has not yet commented.\n")
    orgs = {o.name: o for o in result.organizations}
    assert "Ministry of Food and Drug Safety" in orgs
    fda = orgs["U.S. Food and Drug Administration"]
    assert fda.aliases == ["FDA"] and len(fda.mentions) == 3
    assert not {"Drug Administration", "Ministry of Food", "U.S. Food"} & set(orgs)


@pytest.mark.parametrize("name", ["Department of Health and Human Services", "Ostvik Institute of Marine Science and Technology",
                                  "Authority for Industrial Cities and Technology Zones",
                                  "University of Ostvik MD Halvorsen Cancer Center"])
def test_an_institutions_field_goes_on_after_and(extractor, name):
    result = extractor.extract(f"Halden Pharma and the {name} signed a supply agreement on Monday.\n")
    assert name in {p.name for p in result.parties}


def test_joint_venture_named_after_both_parents(extractor):
    text = ("Nalto Biopharma and Seokjin Biologics signed a joint venture agreement on Monday to form Nalto Seokjin "
            "Biologics. Seokjin Biologics CEO Han Do-yun said the plant will open in 2027.\n")
    result = extractor.extract(text)
    assert {p.name for p in result.parties} >= {"Nalto Biopharma", "Seokjin Biologics"}
    assert {p.name: p.organization for p in result.people}["Han Do-yun"] == "Seokjin Biologics"


def test_coined_company_word_and_acronym_defined_name(extractor):
    text = ("Stemvane signed a license agreement with Nordic Families Against Myopathy (NFAM). Stemvane will "
            "pay NFAM an upfront fee.\n")
    result = extractor.extract(text)
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert {"Stemvane", "Nordic Families Against Myopathy"} <= names


def test_one_word_company_vouched_for_by_its_chief_executive(extractor):
    result = extractor.extract("Daejin Pharmaceutical said it acquired a stake in Kelvaro (CEO Mina Park), a startup "
                               "that prints skin. Kelvaro will use the money for trials.\n")
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert "Kelvaro" in names
    assert {p.name: p.organization for p in result.people}["Mina Park"] == "Kelvaro"


def test_bylines_and_commenters_are_not_participants(extractor):
    text = ("Mina Cho • 1st\nFounder at Harrowgate Therapeutics\n\nThrilled that Harrowgate Therapeutics signed an "
            "MOU with Ostvik University Hospital today!\n\nLike Comment Repost\n\nDavid Lindqvist • 2nd\n"
            "Congratulations!\n\nReporter Park Eun-ji / Photo: Harrowgate\n")
    names = {p.name for p in extractor.extract(text).people}
    assert "Mina Cho" in names
    assert not {"David Lindqvist", "Park Eun-ji"} & names


def test_disclosure_header_and_the_company(extractor):
    text = ("Company name: Kumo Pharma Co., Ltd.\nRepresentative: SATO Ken, President and CEO\n"
            "Contact: Rie Ono, General Manager, Corporate Communications Dept.\n\n"
            'Kumo Pharma Co., Ltd. (Head Office: Osaka; the "Company") hereby announces that it concluded a license '
            "agreement with Halden Biologics Co., Ltd. today.\n\n"
            '"This is a milestone," said SATO Ken, President and CEO of the Company.\n')
    result = extractor.extract(text)
    orgs = {p.name: p.organization for p in result.people}
    assert orgs["SATO Ken"] == "Kumo Pharma" and orgs["Rie Ono"] == "Kumo Pharma"


def test_a_one_word_person_is_a_name_only_when_no_longer_name_holds_it(extractor):
    from spacy.tokens import Span

    from mouextract.extractor import _lone_name, _lower_case_use

    doc = extractor.nlp.make_doc("Kelvaro signed with Halden . Paul Colvin of Halden said Colvin agreed .")
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 5, 7, "PERSON"), Span(doc, 10, 11, "PERSON")]
    kelvaro, colvin = doc.ents[0], doc.ents[2]
    assert _lone_name(kelvaro, doc.ents, _lower_case_use(doc.text)) and not _lone_name(colvin, doc.ents, _lower_case_use(doc.text))


@pytest.mark.parametrize(("raw", "name"), [("Halden Pharma of New Jersey", "Halden Pharma"),
                                           ("Capital Region of Denmark", "Capital Region of Denmark"),
                                           ("University of Texas", "University of Texas"),
                                           # a university's place stays, even at the end of a longer name
                                           ("Halvik Research Company of The Ostvik University of Texas",
                                            "Halvik Research Company of The Ostvik University of Texas")])
def test_a_companys_home_after_of_is_no_part_of_its_name(raw, name):
    from mouextract.extract.org_names import without_home
    from mouextract.resources import load_json

    lexicon = load_json("lexicon.json")
    assert without_home(raw, lexicon) == name


def test_a_headquarters_place_before_a_name_is_no_part_of_it():
    from mouextract.extract.org_names import clean_name

    assert clean_name("Hong Kong-headquartered Halden") == "Halden"


@pytest.mark.parametrize(("run", "names"), [("University of Ostvik and HALDEX", ["University of Ostvik", "HALDEX"]),
                                            ("Ministry of Science and ICT", ["Ministry of Science and ICT"])])
def test_a_company_in_capitals_after_an_institution_is_a_name_of_its_own(run, names):
    from mouextract.extract.org_names import has_head, pieces
    from mouextract.resources import load_json

    lexicon = load_json("lexicon.json")
    assert pieces(run, frozenset(), lambda text: has_head(text, lexicon), frozenset(lexicon["institution_field_words"])) == names


@pytest.mark.parametrize(("raw", "name"), [("WIRE)--Halden Pharma", "Halden Pharma"), ("Thursday Halden Pharma", "Halden Pharma"),
                                           ("Shares of Halden Pharma", "Halden Pharma")])
def test_a_datelines_tail_is_no_part_of_a_name(raw, name):
    from mouextract.extract.org_names import clean_name

    assert clean_name(raw) == name


@pytest.mark.parametrize(("raw", "name"), [("At Halden Pharma", "Halden Pharma"), ("For Kelvaro Labs", "Kelvaro Labs"),
                                           ("I Halden Pharma, Inc.", "Halden Pharma, Inc."),
                                           ("Alliance between Kelvaro", "Kelvaro"), ("Halden Pharma HQ Seoul", "Halden Pharma"),
                                           ("Institute for Cancer Research", "Institute for Cancer Research")])
def test_a_sentences_words_around_a_name_are_no_part_of_it(raw, name):
    from mouextract.extract.org_names import clean_name

    assert clean_name(raw) == name


def test_a_quote_opening_with_at_and_a_name_names_the_speakers_company(extractor):
    text = ("Halden Pharma signs research pact with Ostvik University\n\nOSLO, Norway I 3 March 2021 I Halden Pharma today "
            "announced a research collaboration with Ostvik University.\nDr Jane Holm, CEO of Halden, said: \"At Halden Pharma "
            "we are proud of this step.\"\n")
    result = extractor.extract(text)
    assert {p.name for p in result.parties} == {"Halden Pharma", "Ostvik University"}
    assert [(p.name, p.organization) for p in result.people] == [("Jane Holm", "Halden Pharma")]


@pytest.mark.parametrize("text", ["Halden Pharma signed a licence with Kelvaro (NASDAQ: KLVR) on Monday.\n",
                                  "Halden Pharma signed a licence with the drugmaker Kelvaro on Monday.\n"])
def test_a_listing_or_a_company_noun_vouches_for_a_one_word_name(extractor, text):
    from mouextract.extract.context import Context
    from mouextract.extract.org_candidates import _single_word_support

    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    assert _single_word_support("Kelvaro", ctx, extractor.rules.lexicon)
    assert not _single_word_support("Monday", ctx, extractor.rules.lexicon)


def test_a_head_word_alone_is_no_organisation_even_as_a_subject(extractor):
    result = extractor.extract("Bioscience signed a supply agreement with Halden Pharma on Monday.\n")
    assert "Bioscience" not in {o.name for o in [*result.parties, *result.organizations]}


def _count_in(text: str):
    import re

    return lambda part: len(re.findall(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text))


@pytest.mark.parametrize(("run", "text", "names"), [
    # a half the article names on its own elsewhere is an organisation of its own
    ("Ostvik Institute of Oncology and Kelvaro", "Ostvik Institute of Oncology and Kelvaro signed. Kelvaro said.",
     ["Ostvik Institute of Oncology", "Kelvaro"]),
    ("Halden Ireland and Norvik Clinic", "Halden Ireland and Norvik Clinic signed. Halden Ireland said.",
     ["Halden Ireland", "Norvik Clinic"]),
    # the same field words after another "and" elsewhere keep the name whole
    ("Ministry of Industry and Mining Affairs", ("The Ministry of Industry and Mining Affairs signed. Later the Ministry of"
                                                 " Industry and Mining Affairs said."), ["Ministry of Industry and Mining Affairs"]),
    # a middle dot separates listed partners
    ("Halden Bio·Kelvaro Cell·Ostvik University", "", ["Halden Bio", "Kelvaro Cell", "Ostvik University"]),
])
def test_and_joins_one_name_only_when_the_halves_are_not_named_alone(run, text, names):
    from mouextract.extract.org_names import has_head, pieces
    from mouextract.resources import load_json

    lexicon = load_json("lexicon.json")
    fields = frozenset(lexicon["institution_field_words"])
    assert pieces(run, frozenset(), lambda t: has_head(t, lexicon), fields, _count_in(text or run)) == names


@pytest.mark.parametrize(("raw", "name"), [("Australian CDMO Halden Bio", "Halden Bio"), ("CRO Kelvaro Labs", "Kelvaro Labs"),
                                           ("Kelvaro CEO Jane Holm", "Kelvaro"), ("GM of Halden Pharma", "Halden Pharma")])
def test_descriptors_and_titles_around_a_name_are_no_part_of_it(raw, name):
    from mouextract.extract.org_names import clean_name, title_words, trim_titles
    from mouextract.resources import load_json

    lexicon = load_json("lexicon.json")
    assert trim_titles(clean_name(raw), title_words(tuple(lexicon["title_words"]))) == name


def test_a_governor_and_name_is_a_person_not_an_organisation():
    from mouextract.extract.org_names import valid_name

    assert not valid_name("Governor Jane Holm")
    assert valid_name("Ministry of Health")


def test_a_companys_first_word_alone_is_its_short_name(extractor):
    text = ("Halden Therapeutics signed a licence agreement with Kelvaro Pharma on Monday. Under the agreement, Halden "
            "will develop the compound. Halden said the deal expands its pipeline.\n")
    result = extractor.extract(text)
    halden = next(o for o in [*result.parties, *result.organizations] if o.name == "Halden Therapeutics")
    assert "Halden" in halden.aliases


@pytest.mark.parametrize(("raw", "name"), [("Halden Pharma for Cancer", "Halden Pharma"),
                                           ("Institute for Cancer Research", "Institute for Cancer Research"),
                                           ("Partners for Health", "Partners for Health")])
def test_what_a_deal_is_for_is_no_part_of_a_companys_name(raw, name):
    from mouextract.extract.org_names import without_purpose
    from mouextract.resources import load_json

    assert without_purpose(raw, load_json("lexicon.json")) == name


def test_a_plural_owner_is_split_from_its_unit():
    from mouextract.extract.org_names import has_head, pieces
    from mouextract.resources import load_json

    lexicon = load_json("lexicon.json")
    assert pieces("Halden Investors’ Discovery Fund", frozenset(), lambda t: has_head(t, lexicon)) == ["Halden Investors",
                                                                                                     "Discovery Fund"]


def test_a_persons_given_name_alone_is_no_organisation(extractor):
    from mouextract.extract.context import Context
    from mouextract.extract.org_candidates import candidates

    text = ("Professor Maren Lind, chief executive of Halden Pharma, spoke on Monday.\n"
            "Maren and Kelvaro Biologics agreed to work together.\n")
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    start = text.index("Maren and")  # the parse offers the subject "Maren" as an event argument
    assert "Maren" not in [c[0] for c in candidates(ctx, [], syntax=[(start, start + 5)])]


def test_a_public_body_keeps_its_field_after_for():
    from mouextract.extract.org_names import INSTITUTION_FIRST

    text = "The deal was approved by the Ostvik Authority for Industrial Cities and Technology Zones last week."
    assert "Ostvik Authority for Industrial Cities and Technology Zones" in [m.group() for m in INSTITUTION_FIRST.finditer(text)]


def test_a_cut_headline_does_not_make_an_institutions_field_a_name_of_its_own(extractor):
    from mouextract.extract.context import Context
    from mouextract.extract.org_candidates import _count, candidates

    text = ("Halden Pharma Signs Strategic Research Collaboration With Ostvik University's Center for Cell Research\n"
            "Halden Pharma signed an agreement with the Center for Cell Research and Application at Ostvik University.\n")
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    assert _count(ctx, "Center for Cell Research") == 1  # the headline's cut form is no evidence of a name alone
    assert "Center for Cell Research and Application" in {c[0] for c in candidates(ctx, [])}


def test_mentions_do_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    code = ("from types import SimpleNamespace as N\n"
            "from mouextract.extract.orgs import _find_mentions\n"
            "from mouextract.models import Mention\n"
            "t = 'Shanghai Halden Biotech Co., Ltd signed.'\n"
            "ctx = N(masked=t, mention=lambda s, e: Mention(text=t[s:e], start=s, end=e))\n"
            "print([m.text for m in _find_mentions(ctx, {'Halden Biotech Co., Ltd', 'Shanghai Halden Biotech'})])\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(runs) == 1


@pytest.mark.parametrize(("sentence", "name"), [
    ("Halden Pharma A/S and Corvid Bio Inc. signed a licence agreement for HS-001.", "Halden Pharma A/S"),
    ("3TX Biotherapeutics, Inc. and Corvid Bio Inc. signed a licence agreement for HS-001.", "3TX Biotherapeutics"),
    ("Halden (Suzhou) Biologics Co., Ltd. and Corvid Bio Inc. signed a supply agreement.", "Halden (Suzhou) Biologics"),
    ("Ostvik Whampoa (China) Ltd and Corvid Bio Inc. have formed a joint venture.", "Ostvik Whampoa (China)"),
])
def test_legal_names_with_a_slash_a_numeral_or_a_place_inside(extractor, sentence, name):
    names = {n for p in extractor.extract(sentence).parties for n in [p.name, *p.aliases]}
    assert name in names and "Corvid Bio" in names


def test_a_long_line_of_names_and_listings_is_no_title_case_headline():
    from mouextract.extract.org_names import title_case_line

    line = ("TOKYO, April 2, 2026 -- Halden Pharmaceutical Company Limited (TSE: 4502, President and CEO: Ken Ito, "
            "\"Halden\"), Corvid Pharma Inc. (TSE: 4503, President and CEO: Aya Mori, \"Corvid\"), and Ostvik Banking "
            "Corporation (President and CEO: Jun Sato, \"Ostvik\"), Three Parties To Establish A Joint Venture Company For "
            "Early Drug Discovery Incubation In Japan")
    assert not title_case_line(line, line.index("Halden"))
    assert title_case_line("Halden Pharma Grants Corvid Bio Exclusive Rights To Ostvik Platform", 0)


def test_the_company_is_the_one_party_of_no_known_kind(extractor):
    text = ("Velixor and Ostvik University signed a license agreement. The first tests ran at the university, said "
            "Tom Reyes, chief executive officer of the company, and more will follow.\n")
    people = {p.name: (p.title, p.organization) for p in extractor.extract(text).people}
    assert people["Tom Reyes"] == ("chief executive officer", "Velixor")


@pytest.mark.parametrize("sentence, expected", [
    ("Trustee Chen Lo of Norland Medical University and Healthcare System remarked that the hospital has run six trials.",
     "Norland Medical University and Healthcare System"),
    ("Chen Lo of the research team said so.", None),
])
def test_a_named_organisation_after_of_that_the_clustering_missed(extractor, sentence, expected):
    found = Affiliations(ctx_of(extractor, sentence), [], []).org_following(sentence.index(" of"))
    assert found == expected


@pytest.mark.parametrize(("glued", "org"), [
    ("Ostvik Managing", "Ostvik"),  # of "Ostvik Managing Director Ana Ruiz"
    ("Halden CEO", "Halden"),
    ("Harrowgate Nabs Velmar Exec", "Harrowgate"),  # a headline glued on
    ("Office of the Chief Scientist", "Office of the Chief Scientist"),  # a name's own title words stay
])
def test_a_head_title_or_a_headline_glued_to_an_organisation_goes(extractor, glued: str, org: str) -> None:
    sentence = f"{glued} said the work would start soon.\n"
    assert Affiliations(ctx_of(extractor, sentence), [], []).tidy_org(glued, "Ana Ruiz") == org


@pytest.mark.parametrize("title", ["Chairman of the Board", "Supervisory Board"])
def test_a_board_is_no_organisation(extractor, title: str) -> None:
    sentence = f"Ana Ruiz, {title}, said the work would start soon.\n"
    assert Affiliations(ctx_of(extractor, sentence), [], []).tidy_org(title.split(" of the ")[-1], "Ana Ruiz") is None


def test_no_one_speaks_for_a_product(extractor) -> None:
    text = ("Shares in Ostvik Pharma rose after regulators approved the diabetes drug Zentora.\n\n"
            '"We intend to launch it in May," said Chief Executive Lars Berg.\n')
    ctx = ctx_of(extractor, text)
    zentora = OrgEntity(name="Zentora", forms={"Zentora"}, mentions=[ctx.mention(text.index("Zentora"),
                                                                                  text.index("Zentora") + 7)])
    people = PeopleExtractor(ctx, [zentora], []).run()
    assert [(p.name, p.organization) for p in people] == [("Lars Berg", None)]


def _party_names(extractor, text):
    return {p.name for p in extractor.extract(text).parties}


def test_a_listing_vouches_for_a_one_word_company_ner_reads_as_a_person(extractor):
    from mouextract.extract.org_candidates import _exchanges, _listed_name

    listed = _listed_name(_exchanges(extractor.rules.lexicon))
    assert [m.group(1) for m in listed.finditer("Lindqvist (Euronext: LDQ; ADR: LDQY) and Halden Pharma")] == ["Lindqvist"]


def test_two_words_joined_by_an_ampersand_are_one_name(extractor):
    text = ("Halden Pharma and Holm & Lindqvist signed a joint venture agreement on Monday. Holm & Lindqvist will hold "
            "51 per cent.\n")
    names = {o.name for o in [*extractor.extract(text).parties, *extractor.extract(text).organizations]}
    assert "Holm" not in names


def test_a_chiefs_title_after_a_one_word_name_goes(extractor):
    text = "Kelvaro CEO Dr. Jane Holm and Ostvik Pharma president Lars Berg signed the license agreement.\n"
    names = {o.name for o in [*extractor.extract(text).parties, *extractor.extract(text).organizations]}
    assert "Kelvaro CEO" not in names


def test_a_description_after_a_dash_is_no_organisation_of_its_own(extractor):
    text = ("Halvit - the Technology Transfer Company of Ostvik Medical Organization has signed a license agreement "
            "with Kelvaro Pharma to develop imaging agents. Halvit CEO Dr. Ana Berg signed the agreement.\n")
    names = {o.name for o in [*extractor.extract(text).parties, *extractor.extract(text).organizations]}
    assert not any(n.startswith("Technology Transfer Company") for n in names)


def test_a_relative_clause_naming_the_announcer_does_not_make_it_a_signatory(extractor):
    from mouextract.extract.agreement import only_reports

    text = ("Halden Corporation announced today that Ostvik Hospital, in which Halden has invested, has concluded a "
            "partnership with Kelvaro University.\n")
    c = extractor.candidates(text)
    halden = next(e for e in c.entities if e.name.startswith("Halden"))
    assert any(only_reports(c.ctx, halden, c.entities, span) for span in c.deal_sentences[:3])


def test_the_names_after_a_plural_description_are_the_arguments(extractor):
    from mouextract.extract.events import event_args

    text = "Halden Procurement Company has signed an agreement with leading pharmaceutical groups Kelvaro and Ostvik to start production.\n"
    doc = extractor.nlp(text)
    withs = {text[a.start:a.end] for a in event_args(doc) if a.role == "with"}
    assert "groups" not in withs


def test_a_ten_word_name_of_a_unit_and_its_university_stays_whole(extractor):
    text = ("Halvik Research Development Company of The Ostvik University of Eastbrook announced it has entered into a "
            "research agreement with Kelvaro Ventures MKI for diagnostics.\n")
    names = {o.name for o in [*extractor.extract(text).parties, *extractor.extract(text).organizations]}
    assert "Halvik Research Development Company of The Ostvik University of Eastbrook" in names


def test_the_companies_named_after_a_description_are_arguments_not_the_reporter(extractor):
    from mouextract.extract.events import event_args

    text = "Minister Jane Holm said the government had signed agreements with the companies Kelvaro and Ostvik for vaccines.\n"
    withs = {text[a.start:a.end] for a in event_args(extractor.nlp(text)) if a.role == "with"}
    assert {"Kelvaro", "Ostvik"} <= withs and "Jane Holm" not in withs


def test_the_government_signing_is_a_candidate_named_as_the_article_qualifies_it(extractor):
    text = ("The Norlandic Government is taking steps to secure vaccines. The Government has signed an agreement with "
            "Kelvaro Pharma to purchase 1.5 million doses.\n")
    names = {e.name for e in extractor.candidates(text).entities}
    assert "Norlandic Government" in names and "Government" not in names
    assert "Biologics" not in {e.name for e in extractor.candidates("The Biologics signed a deal with Kelvaro Pharma.\n").entities}


def test_a_head_word_and_a_legal_form_is_no_candidate(extractor):
    text = "HAYWARD, Calif.--(HARBOR WIRE)--Halvik Sciences, Inc. and Kelvaro Biosciences, Inc. today announced a collaboration.\n"
    names = {e.name for e in extractor.candidates(text).entities}
    assert "Sciences" not in names


def test_one_name_with_and_without_a_hyphen_is_one_party(extractor):
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import same_organisation

    c = extractor.candidates("Ostvik Bio-Technology (Ostvik Biotechnology) signed a license with Kelvaro Pharma.\n")
    a, b = OrgEntity(name="Ostvik Bio-Technology", forms={"Ostvik Bio-Technology"}), OrgEntity(name="Ostvik Biotechnology", forms={"Ostvik Biotechnology"})
    assert same_organisation(c.ctx, a, b)


def test_the_subject_of_an_approval_is_no_signer(extractor):
    from mouextract.extract.events import event_args

    text = "The Norland Executive Council approved the joint venture agreement between the Federal Government and Kelvaro Plc.\n"
    subjects = {text[a.start:a.end] for a in event_args(extractor.nlp(text)) if a.role == "noun_subj"}
    assert not any("Council" in s for s in subjects)


def test_a_short_form_folded_into_a_units_name_is_written_as_in_the_text(extractor):
    """The clustering may fold "Halden Biologics" into "Halden Biologics Breakthrough Growth Initiative": a person named
    beside the short form alone speaks for it; beside the full name, or the full name a company's own words, no change."""
    sentence = ("Halden Biologics senior vice president Ana Ruiz joined the Halden Biologics Breakthrough Growth Initiative "
                "board. Ostvik Pharma chief executive Ken Adler spoke.")
    unit = OrgEntity(name="Halden Biologics Breakthrough Growth Initiative",
                     forms={"Halden Biologics Breakthrough Growth Initiative", "Halden Biologics"})
    firm = OrgEntity(name="Ostvik Pharma Holdings", forms={"Ostvik Pharma Holdings", "Ostvik Pharma"})
    affiliations = Affiliations(ctx_of(extractor, sentence), [unit, firm], [])
    assert affiliations.as_written(unit.name, "Halden Biologics senior vice president Ana Ruiz joined") == "Halden Biologics"
    assert affiliations.as_written(unit.name, sentence[:110]) == unit.name
    assert affiliations.as_written(firm.name, "Ostvik Pharma chief executive Ken Adler spoke.") == firm.name


def test_a_company_head_with_no_organisation_near_speaks_for_the_articles_company(extractor):
    """No agreement, so no party: "CEO Ken Adler said" far from any name belongs to the company the article names
    twice as often as any other; with two named alike, or with parties, to none."""
    text = ("Halden Biologics reported sales on Tuesday. Halden Biologics said demand rose. Halden Biologics shares "
            "gained 3%, and Ostvik Pharma shares fell. \"We did well,\" CEO Ken Adler said.")
    halden, ostvik = party(text, "Halden Biologics"), party(text, "Ostvik Pharma")
    for entity in (halden, ostvik):
        entity.kind = "company"
    ctx = ctx_of(extractor, text)
    assert Affiliations(ctx, [halden, ostvik], []).main_company() == "Halden Biologics"
    assert Affiliations(ctx, [halden, ostvik], [halden]).main_company() is None
    ostvik.mentions *= 2
    assert Affiliations(ctx, [halden, ostvik], []).main_company() is None
    cand = Candidate("Ken Adler", text.index("Ken"), text.index("Ken") + 9)
    Affiliations(ctx, [halden, ostvik][:1], []).describe(cand)
    assert (cand.title, cand.org) == ("CEO", "Halden Biologics")


def test_the_owner_of_a_unit_named_in_the_title_is_the_organisation(extractor):
    body = '"We are pleased," said Ana Ruiz, head of Velmar Korea\'s vaccines business unit.\n'
    assert people_orgs(extractor, body)["Ana Ruiz"] == ("head of Velmar Korea's vaccines business unit", "Velmar Korea")


def test_a_commissioner_sits_on_the_one_commission_the_story_names(extractor):
    body = ("The Norland Commission has reached a first agreement with Harrowgate Therapeutics.\n\n"
            'Ana Ruiz, Commissioner for Health and Food Safety, said: "Today is a good day for our citizens."\n')
    assert people_orgs(extractor, body)["Ana Ruiz"] == ("Commissioner for Health and Food Safety", "Norland Commission")


def test_an_adverb_after_the_copula_leaves_the_title_and_organisation(extractor):
    body = "Ken Adler is now chief executive of Harrowgate Therapeutics and lives in Oslo.\n"
    assert people_orgs(extractor, body)["Ken Adler"] == ("chief executive", "Harrowgate Therapeutics")


def _candidate_names(extractor, text):
    return {f for e in extractor.candidates(text).entities for f in {e.name, *e.forms}}


@pytest.mark.parametrize(("text", "name"), [
    # a company noun or a home place before a one-word name vouches for it, whatever the NER reads it as
    ("Norvia Health signed a supply contract with the pharmaceutical company Kelvaro on behalf of ten hospitals.\n",
     "Kelvaro"),
    ("Oslo-based Halvorix has signed a licensing agreement with UK firm Ostrabel to develop peptides.\n", "Halvorix"),
    # a possessive before a listing ("Halvorix's (NASDAQ:HLVX)") vouches for the name without it
    ("Velmar exercised its option to develop Halvorix's (NASDAQ:HLVX) vaccine. Halvorix said the deal helps.\n",
     "Halvorix"),
    # a name in capitals with a legal form is no dateline
    ("HALVORIX AG and Ostvik University signed a license agreement. HALVORIX AG will pay royalties.\n", "HALVORIX AG"),
    # a nationality before a head word alone, and a possessive before one, belong to the name
    ("The Norlandic Commission signed a purchase agreement with Halden Pharma. The Commission will buy doses.\n",
     "Norlandic Commission"),
    ("Halden Pharma and the Ostvik’s Association signed a research agreement on rare diseases.\n",
     "Ostvik’s Association"),
])
def test_names_the_ner_misreads_stay_candidates(extractor, text, name):
    assert name in _candidate_names(extractor, text)


def test_a_company_noun_before_a_title_vouches_for_no_person(extractor):
    names = _candidate_names(extractor, "Halden Pharma signed with Ostvik Bio. The company CEO Jane Holm spoke.\n")
    assert not {"CEO Jane Holm", "Jane Holm"} & names


def test_a_one_word_place_no_gazetteer_knows_is_a_name(extractor):
    from spacy.tokens import Span

    from mouextract.extractor import _lone_name, _lower_case_use

    doc = extractor.nlp.make_doc("Halden will take a stake in Ostravia . Ostravia works in Norway and Sydney , Australia .")
    doc.ents = [Span(doc, 6, 7, "GPE"), Span(doc, 11, 12, "GPE"), Span(doc, 13, 14, "GPE")]
    ostravia, norway, sydney = doc.ents
    assert _lone_name(ostravia, doc.ents, _lower_case_use(doc.text)) and not _lone_name(norway, doc.ents, _lower_case_use(doc.text)) \
        and not _lone_name(sydney, doc.ents, _lower_case_use(doc.text))


def test_a_nationality_before_government_names_a_government(extractor):
    names = _candidate_names(extractor, "The Norwegian government signed a supply agreement with Halden Pharma for "
                                        "vaccine doses.\n")
    assert "Norwegian government" in names


@pytest.mark.parametrize(("text", "name"), [
    ("Halden Pharma signed a memorandum of understanding with the Republic of Norland on vaccine production.\n",
     "Republic of Norland"),
    ("Halden Pharma and Ostvik Prefecture signed an agreement to build a cell therapy centre.\n", "Ostvik Prefecture"),
])
def test_a_states_formal_name_is_a_government(extractor, text, name):
    assert name in _candidate_names(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Ostvik Norway said it signed an agreement with Halden Kun Dang. Halden Kun Dang CEO Jane Holm welcomed it.\n",
     "Halden Kun Dang"),
    ("Corvane announced a partnership with Ostvik Serono, the biopharmaceutical division of Ostvik AG.\n", "Ostvik Serono"),
    ("Corvane signed a licence with Ostvik Serono, a developer of assay kits.\n", "Ostvik Serono"),
    ("Ostvik Norway signed a supply agreement with Corvane Pharma. Ostvik will ship the kits.\n", "Ostvik Norway"),
])
def test_a_name_used_as_a_companys_is_no_person(extractor, text, name):
    from mouextract.extract.org_candidates import company_read_as_person

    assert company_read_as_person(name, ctx_of(extractor, text))


@pytest.mark.parametrize("text, name", [
    ("Corvane signed an agreement with Jane Holm, a partner at the firm, on Monday. Holm said it helps.\n", "Jane Holm"),
    ("Jane Holm Chief Executive of Corvane signed the agreement. Holm said it helps.\n", "Jane Holm"),
    ("Corvane signed an agreement with Michael Jordan on Monday. Jordan said it helps.\n", "Michael Jordan"),
])
def test_a_persons_name_stays_a_persons(extractor, text, name):
    from mouextract.extract.org_candidates import company_read_as_person

    assert not company_read_as_person(name, ctx_of(extractor, text))


def test_an_acronym_spelling_a_run_across_and_keeps_it_one_name(extractor):
    text = ("Halden Biologics signed a collaboration agreement with Ostvik Science and Technology Parks (OSTP) on "
            "Monday. Jane Holm, chief executive of Ostvik Science and Technology Parks, said the Ostvik Science Park "
            "will host the work.\n")
    result = extractor.extract(text)
    assert "Ostvik Science and Technology Parks" in {p.name for p in result.parties}
    assert {p.name: p.organization for p in result.people}["Jane Holm"] == "Ostvik Science and Technology Parks"


@pytest.mark.parametrize(("short", "full"), [("H&K", "Holm & Kvist"), ("OUH", "Ostvik University Hospital Cancer Centre")])
def test_an_acronym_of_a_names_initials_is_its_alias(short, full):
    from mouextract.extract.orgs import _is_alias

    assert _is_alias(short, full, {})


@pytest.mark.parametrize(("short", "full"), [("OK", "Ostvik Kelvaro Biologics Holdings"), ("HOB", "Halden Ostvik")])
def test_a_short_or_a_longer_acronym_is_no_alias(short, full):
    from mouextract.extract.orgs import _is_alias

    assert not _is_alias(short, full, {})


def test_an_acronym_spelling_an_owner_and_its_unit_keeps_them_one_name(extractor):
    text = ("Halden Biologics partnered with Ostvik National University’s Kelvaro Hospital (ONUKH) on Monday to run "
            "trials. Jane Holm, director of Ostvik National University’s Kelvaro Hospital, welcomed the deal.\n")
    result = extractor.extract(text)
    assert "Ostvik National University’s Kelvaro Hospital" in {p.name for p in result.parties}
    assert {p.name: p.organization for p in result.people}["Jane Holm"] == "Ostvik National University’s Kelvaro Hospital"


def test_a_state_only_the_parse_proposed_goes_where_a_public_body_is_a_candidate():
    """'Norway has signed ...' above the ministry that signs: the place stands for the ministry (a candidate filter)."""
    from mouextract.extract.orgs import OrgEntity
    from mouextract.extract.people_as_orgs import without_shorthand_states

    state = OrgEntity(name="Norway", forms={"Norway"}, syntax_only=True)
    ministry = OrgEntity(name="Ministry of Fisheries", forms={"Ministry of Fisheries"}, kind="government")
    company = OrgEntity(name="Tessel Marine", forms={"Tessel Marine"}, kind="company")
    assert without_shorthand_states([state, ministry, company]) == [ministry, company]
    assert without_shorthand_states([state, company]) == [state, company]  # no public body: the state may sign itself
