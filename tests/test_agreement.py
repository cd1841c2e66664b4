"""Agreement status and signing venue, on our own sentences."""

from __future__ import annotations

import pytest

from conftest import assert_grounded, ctx_of, party


def agreement(extractor, text: str):
    result = extractor.extract(text)
    assert_grounded(text, result)
    return result.agreement


def test_signed_at_a_venue(extractor):
    a = agreement(extractor, "Corvid Bio and Larkspur Hospital signed a memorandum of understanding on May 2, 2025 at "
                             "the hospital's Riverside Conference Hall to study cell therapies.\n")
    assert (a.type, a.status, a.venue) == ("mou", "signed", "the hospital's Riverside Conference Hall")
    assert any(m.text == a.venue for m in a.mentions)


def test_signed_in_a_city(extractor):
    a = agreement(extractor, "Corvid Bio and Halden Pharma signed a license agreement in Boston on Monday.\n")
    assert (a.type, a.venue) == ("license", "Boston")


def test_no_venue_from_a_field_of_work(extractor):
    a = agreement(extractor, "Corvid Bio signed a license agreement with Halden Pharma, a leader in Cell-based "
                             "medicines.\n")
    assert a.venue is None


@pytest.mark.parametrize("text, kind, status", [
    (("Corvid Bio has terminated its license agreement with Halden Pharma, effective June 30, 2025, the companies "
     "said.\n"), "other", "terminated"),  # GOLD.md: a termination is "other"; the status says what ended
    ("Corvid Bio and Halden Pharma amended their license agreement to add two solid tumour programs.\n",
     "license", "amended"),
    # a new agreement that expands an earlier one of another kind is signed, not amended
    (("Corvid Bio and Halden Pharma signed a research collaboration agreement today. The collaboration expands a "
     "2023 memorandum of understanding between the companies.\n"), "collaboration_agreement", "signed"),
    ("Corvid Bio and Halden Pharma plan to sign a memorandum of understanding to develop gene therapies.\n",
     "mou", "planned"),
])
def test_status(extractor, text, kind, status):
    a = agreement(extractor, text)
    assert (a.type, a.status) == (kind, status)


def test_third_party_announcing_a_signing_is_not_a_party(extractor):
    result = extractor.extract("The Korea Biomedical Research Foundation announced on Tuesday that Corvid Bio and "
                               "Larkspur Hospital signed a memorandum of understanding on NK cell therapies.\n")
    assert [p.name for p in result.parties] == ["Corvid Bio", "Larkspur Hospital"]
    assert "Korea Biomedical Research Foundation" in {o.name for o in result.organizations}


def test_announcer_that_is_itself_the_signatory_stays_a_party(extractor):
    result = extractor.extract("Halden Pharma Co., Ltd. (Head Office: Osaka; President and CEO: Kenji Mori; "
                               '"Halden") today announced that it concluded a joint research agreement with '
                               "Corvid University on retinal cell therapy.\n")
    assert [p.name for p in result.parties] == ["Halden Pharma", "Corvid University"]
    assert {p.name: p.title for p in result.people}.get("Kenji Mori") == "President and CEO"


def test_title_case_agreement_names(extractor):
    a = agreement(extractor, "Corvid Bio Signs Memorandum of Understanding with Halden Pharma\n\nLast Friday, Corvid "
                             "Bio and Halden Pharma agreed to co-develop exosome therapies.\n")
    assert a.type == "mou"


def test_title_case_headline_phrases_are_not_parties(extractor):
    result = extractor.extract("Company name: Corvid Bio Co., Ltd.\n\nCorvid Bio Signs Multi-Target Research "
                               "Collaboration with Halden Pharma to Discover Antibodies for Autoimmune Diseases\n\n"
                               "Corvid Bio and Halden Pharma today announced a research collaboration to discover "
                               "antibodies for lupus.\n")
    assert [p.name for p in result.parties] == ["Corvid Bio", "Halden Pharma"]
    assert result.agreement.type == "collaboration_agreement"


def test_headline_label_is_stripped_and_other_labels_skipped():
    from mouextract.extract.context import _headline

    text = "Company name: Corvid Bio Co., Ltd.\nTitle : Corvid Bio signs an MOU with Halden Pharma today\n"
    start, end = _headline(text)
    assert text[start:end] == "Corvid Bio signs an MOU with Halden Pharma today"


def test_a_german_release_names_its_licence_in_german(extractor):
    text = ("Corvid Bio GmbH und Halden Pharma AG haben am 3. März 2025 eine exklusive Lizenzvereinbarung für "
            "das Programm CRV-210 abgeschlossen. Halden Pharma zahlt eine Vorauszahlung von 20 Millionen Euro.\n")
    result = extractor.extract(text)
    assert result.agreement.type == "license"
    assert {p.name for p in result.parties} == {"Corvid Bio", "Halden Pharma"}


def test_english_articles_ignore_the_words_of_other_languages(extractor):
    from mouextract.extract.agreement import agreement_type_patterns
    from mouextract.extract.context import Context

    english = "Corvid Bio and Halden Pharma signed a Vertrag, the companies said.\n"
    ctx = Context(text=english, masked=english, doc=extractor.nlp(english), rules=extractor.rules)
    assert ctx.english
    assert not any(rx.search("Lizenzvereinbarung") for _, rx in agreement_type_patterns(ctx))


def test_a_funding_round_is_no_investment_agreement(extractor):
    text = ("Corvid Bio raises $40 million in Series B financing\n\nCorvid Bio, a developer of cell therapies, today "
            "announced it has raised $40 million in a Series B funding round led by Halden Ventures, with participation "
            "from existing investors. The proceeds will fund a Phase 2 trial.\n")
    result = extractor.extract(text)
    assert result.agreement.type is None and result.parties == []


def test_a_headline_without_a_stop_is_parsed_apart_from_the_lead(extractor):
    text = ("Halden Pharma teams up with Corvid Bio on cell therapy\n\nThe cell therapy developer Corvid Bio signed a "
            "research collaboration with Halden Pharma on Monday.\n")
    doc = extractor.nlp(text)
    lead = text.index("The cell")
    assert lead in {s.start_char for s in doc.sents}
    signed = next(t for t in doc if t.text == "signed")
    assert signed.dep_ == "ROOT"  # the lead's verb heads its own sentence, not an apposition under the headline
    result = extractor.extract(text)
    assert {p.name for p in result.parties} == {"Halden Pharma", "Corvid Bio"}


@pytest.mark.parametrize(("headline", "kind"), [
    ("Ostvik Therapeutics bags $55m Series C led by Halden Capital", None),
    ("Ostvik Therapeutics closes $55 million financing round to fund its Phase 2 trials", None),
    ("Ostvik Therapeutics receives FDA approval for OTX-101 in adults with psoriasis", None),
    ("Ostvik Therapeutics raises $55m and signs licence deal with Halden Pharma", "license"),
])
def test_a_headline_announcing_only_a_round_or_an_approval_announces_no_agreement(extractor, headline, kind):
    text = (f"{headline}\n\nOstvik Therapeutics said investors including Halden Capital took part. Ostvik Therapeutics "
            "entered into an agreement with Halden Pharma under which Halden Pharma receives an exclusive license to "
            "OTX-101.\n")
    assert extractor.extract(text).agreement.type == kind


@pytest.mark.parametrize("headline", ["Halden Pharma pulls out of OTX-101 licence deal with Ostvik Therapeutics",
                                      "Halden Pharma hands back rights to OTX-101 to Ostvik Therapeutics",
                                      "Ostvik Therapeutics' OTX-101 licence deal with Halden Pharma nixed",
                                      "Halden Pharma pulls the plug on its OTX-101 partnership with Ostvik Therapeutics",
                                      "Halden Pharma to pay $40 million to end OTX-101 partnership with Ostvik Therapeutics"])
def test_a_headline_ending_a_deal_types_it_other(extractor, headline):
    # the body describes the licence being ended: without the headline's cue the type would be "license"
    text = (f"{headline}\n\nUnder the licence agreement, signed in 2021, Halden Pharma holds exclusive worldwide rights "
            "to develop and commercialise OTX-101 and paid Ostvik Therapeutics an upfront payment of $20 million, with "
            "royalties on net sales. The licence ends on March 31, 2026.\n")
    assert extractor.extract(text).agreement.type == "other"


def test_a_german_lead_ending_a_licence_types_it_other(extractor):
    # "Beendigung ihrer Lizenzvereinbarung": the German release ends a licence, which the gold types "other"
    text = ("Corvid Bio GmbH und Halden Pharma AG gaben bekannt, dass sie sich auf die Beendigung ihrer "
            "Lizenzvereinbarung für das Programm CRV-210 geeinigt haben. Corvid Bio erhält die weltweiten Rechte "
            "zurück.\n")
    assert extractor.extract(text).agreement.type == "other"


def test_a_headline_settling_litigation_types_the_deal_other(extractor):
    # the settlement grants a licence: without the headline's settlement the type would be "license"
    text = ("Halden Pharma settles patent dispute with Ostvik Generics over OTX-7\n\nUnder the agreement, Halden Pharma "
            "grants Ostvik Generics a licence to sell a generic OTX-7 in the United States from 2029, with royalties.\n")
    assert extractor.extract(text).agreement.type == "other"


@pytest.mark.parametrize("headline", ["Halden Labs enters lab testing partnership with Ostvik Pharma",
                                      "Ostvik Pharma picks Halden Labs for contract research on OTX-7"])
def test_a_headline_announcing_services_types_the_deal_other(extractor, headline):
    # the body calls it a partnership: without the headline's services the type would be a collaboration
    text = (f"{headline}\n\nHalden Labs and Ostvik Pharma have entered into a strategic partnership under which Halden "
            "Labs will run studies of OTX-7 for Ostvik Pharma at its sites in Lyon.\n")
    assert extractor.extract(text).agreement.type == "other"


def test_a_headline_announcing_manufacturing_services_is_no_services_deal(extractor):
    from conftest import ctx_of
    from mouextract.learn.decide import services_news

    # contract manufacturing is a supply agreement (GOLD.md), though the headline calls it services
    text = ("Halden Biologics, a CDMO, enters manufacturing services agreement with Ostvik Pharma\n\nHalden Biologics "
            "will produce OTX-7 drug substance for Ostvik Pharma.\n")
    assert not services_news(ctx_of(extractor, text))
    assert services_news(ctx_of(extractor, "Halden Labs enters lab testing partnership with Ostvik Pharma\n\nHalden "
                                           "Labs will run studies for Ostvik Pharma.\n"))


@pytest.mark.parametrize("text", [
    ("Halden Biologics and Ostvik Pharma entered into a collaboration to enable production of Ostvik Pharma's gene "
    "therapy OTX-7 for its clinical trials. Halden Biologics will run the process at its plant in Lyon.\n"),
    ("Ostvik Pharma signed an agreement with Halden Biologics for the exclusive distribution of OTX-7 in Canada, "
    "with royalties and milestones paid to Ostvik Pharma.\n"),
])
def test_a_deal_for_making_or_distributing_a_product_is_a_supply_agreement(extractor, text):
    # GOLD.md: contract manufacturing is "supply_agreement", whatever the release calls the deal
    assert extractor.extract(text).agreement.type == "supply_agreement"


@pytest.mark.parametrize(("headline", "kind"), [
    ("Halden Biologics Signs Supply Agreement With Ostvik Pharma", "supply_agreement"),
    ("Halden Biologics and Ostvik Pharma sign MOU on cell therapy research", "mou"),
    ("Halden Biologics and Ostvik Pharma sign licence and collaboration agreement", None),  # two types: the model weighs
    ("Halden Biologics enters research collaboration with Ostvik Pharma", None),  # a collaboration is often another type
])
def test_the_headline_types_that_decide(extractor, headline, kind):
    from mouextract.extract.context import Context
    from mouextract.learn.decide import headline_type

    text = f"{headline}\n\nThe companies said the agreement covers OTX-101.\n"
    assert headline_type(Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)) == kind


@pytest.mark.parametrize("headline", ["Halden Pharma's OTX-101 licence deal with Ostvik Therapeutics nixed",
                                      "Halden Pharma und Ostvik Therapeutics vereinbaren die Beendigung ihrer Lizenzvereinbarung"])
def test_terminations_in_headline_words_and_in_german_type_it_other(extractor, headline):
    text = (f"{headline}\n\nUnder the licence agreement, signed in 2021, Halden Pharma holds exclusive worldwide rights "
            "to develop and commercialise OTX-101 and paid Ostvik Therapeutics an upfront payment of $20 million.\n")
    assert extractor.extract(text).agreement.type == "other"


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Halden Biologics signed a technology transfer agreement with Ostvik Vaccines to produce its vaccine locally.",
     "license"),
    ("Halden Biologics and Ostvik Pharma signed a co-promotion agreement for OTX-101 in Japan.",
     "collaboration_agreement"),
    # an option to take a licence later is a term of the research deal, however it is worded
    ("Halden Biologics formed a research partnership and licensing option agreement with Ostvik Pharma.",
     "collaboration_agreement"),
    ("Halden Biologics signed a discovery collaboration with Ostvik Pharma, which may exercise a license option.",
     "collaboration_agreement"),
    ("Halden Biologics signed an option agreement with Ostvik Pharma for OTX-101.", "license"),
    # investment words that name an office, an investor's description or an earlier stake: the deal is the other one
    ("Corvane Hospital, in which Ostvik Capital has invested, signed a partnership agreement with Halden University.",
     "collaboration_agreement"),
    ("Halden Biologics signed a research agreement with Ostvik Ventures, the investment arm of Corvane Group.",
     "collaboration_agreement"),
    ("Halden Biologics signed a supply agreement with Ostvik Pharma before the Minister of Investment in Riyadh.",
     "supply_agreement"),
    ("Ostvik Capital will invest $20 million in Halden Biologics under the agreement.", "investment"),
    # a "collaboration and license agreement" is named by its first word; a "license and collaboration" one too
    ("Halden Biologics signed a strategic collaboration and license agreement with Ostvik Pharma.",
     "collaboration_agreement"),
    ("Halden Biologics signed an option, collaboration and licence agreement with Ostvik Pharma.",
     "collaboration_agreement"),
    ("Halden Biologics signed a license and collaboration agreement with Ostvik Pharma.", "license"),
    # an equity investment listed among the deal's payments is a term of the alliance, not its kind
    (("Halden Biologics signed an alliance with Ostvik Pharma.\nUnder the pact, Ostvik will receive an upfront payment "
     "and an equity investment of $60 million."), "collaboration_agreement"),
    (("Halden Biologics signed a collaboration with Ostvik Pharma.\nHalden will pay a $150 million upfront payment and "
     "make a $20 million investment."), "collaboration_agreement"),
    ("Halden Biologics signed a technology-transfer agreement with Ostvik Vaccines.", "license"),
    # an amendment takes the type of the agreement it amends
    ("Halden Biologics and Ostvik Pharma amend their 2013 license and collaboration agreement.", "license"),
    # a precursor of the announced deal names no kind of it
    (("Halden Biologics signed a licensing agreement with Ostvik Pharma.\nThe agreement follows a memorandum of "
      "understanding (MOU) signed in May."), "license"),
    (("Halden Biologics signed a deal with Ostvik Pharma.\nIt is the final contract for a letter of intent announced "
      "in June last year."), "other"),
    # supply and manufacturing deals named in the plural, with a second service, or as an order
    ("Halden Biologics signed manufacturing and fill-finish agreements with Ostvik Pharma.", "supply_agreement"),
    ("Halden Biologics has signed supply agreements with Ostvik Pharma and Corvane Health.", "supply_agreement"),
    ("Halden Biologics inks a vaccine manufacturing deal with Ostvik Pharma.", "supply_agreement"),
    ("Halden Biologics has won a manufacturing order from Ostvik Pharma under an agreement.", "supply_agreement"),
    # a Biologics License Application is a filing with a regulator, not a licence between the parties
    ("Halden Biologics and Ostvik Pharma agreed that regulators accepted the Biologics License Application for OTX-101.",
     "other"),
])
def test_named_deal_kinds(extractor, sentence, kind):
    from mouextract.extract.agreement import named_type
    from mouextract.extract.context import Context

    text = f"{sentence}\n"
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    assert named_type(ctx)[0] == kind


def test_a_headline_repeating_the_lead_counts_once_among_the_deal_sentences(extractor):
    from mouextract.extract.agreement import agreement_sentences, distinct_agreement_sentences, named_type
    from mouextract.extract.context import Context

    # the lead sentence taken as the title would fill two of the three sentences that name the deal's kind
    text = ("Halden Biologics and Ostvik Pharma announced a partnership on Monday to develop OTX-101.\n"
            "The partners said the agreement covers research in Lyon.\nBoth companies signed a letter of intent in March.\n")
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    spans = distinct_agreement_sentences(ctx)
    assert len(spans) == len(agreement_sentences(ctx)) - 1
    assert named_type(ctx)[0] == "mou"


def test_a_letter_of_intent_about_a_venture_is_an_mou(extractor):
    # GOLD.md: a letter of intent is "mou", even about a joint venture
    text = ("Halden and Ostvik plan joint venture\n\nHalden Biologics and Ostvik Pharma will form a joint venture in Lyon "
            "to make cell therapies, each owning half of it.\nThe two firms signed a letter of intent on Monday.\n")
    assert extractor.extract(text).agreement.type == "mou"


@pytest.mark.parametrize(("short", "long", "same"), [
    ("TrivU", "Northfield Trivale University", True),    # pieces of the last words; a leading place left out
    ("KBP", "KB Pharmaceuticals", True),                  # a name's capitals count letter by letter
    ("OT", "Ostvik Therapeutics", True),
    ("OTX", "Ostvik Therapeutics", False),                # a letter too many
    ("HS", "Halden Bio Systems", False),                  # consecutive words only
    ("Ostvik HK", "Ostvik Hong Kong", True),              # the rest of a name shortened to its initials
    ("Ostvik University NHS FT", "Ostvik University NHS Foundation Trust", True),  # the last words, at any length
    ("Ostvik Pharma FT", "Ostvik University NHS Foundation Trust", False),       # the words before must agree
    ("Hald Pharm", "Hald Pharmaceuticals", True),         # words shortened, either order
    ("SWB Pharm", "Seo Won Bae Pharmaceutical", True),    # leading words run into their initials, the rest shortened
    ("SWB Therapeutics", "Seo Won Bae Therapeutics", True),
    ("SW Pharm", "Seo Won Bae Pharmaceutical", False),    # an initial missing
    ("SWB Bio", "Seo Won Bae Pharmaceutical", False),     # the rest must agree
])
def test_abbreviations_cluster_with_their_name(short, long, same):
    from mouextract.extract.orgs import _is_alias

    assert _is_alias(short, long, {}) is same


def test_a_place_read_as_an_organisation_is_no_party(extractor):
    from mouextract.extract.territory import place_name

    assert place_name("South Korea") and place_name("Hong Kong")
    assert not place_name("Republic of Kenya")  # a state signs under its formal name
    text = ("Halden Pharma signed a licence agreement with Ostvik Therapeutics. Under the agreement, Ostvik "
            "Therapeutics receives exclusive rights to OTX-101 in South Korea.\n")
    parties = [p.name for p in extractor.extract(text).parties]
    assert "South Korea" not in parties
    assert {"Halden Pharma", "Ostvik Therapeutics"} <= set(parties)


def test_the_fuller_spelling_names_a_merged_organisation(extractor):
    text = ("Hald Pharm signed a licence agreement with Ostvik Therapeutics. Hald Pharmaceuticals said the "
            "agreement covers OTX-101, and Hald Pharm will pay $5 million.\n")
    names = [p.name for p in extractor.extract(text).parties]
    assert "Hald Pharmaceuticals" in names and "Hald Pharm" not in names


def test_name_boundaries_drop_credit_lead_purpose_and_joiner(extractor):
    from mouextract.extract.org_names import clean_name, strip_suffix, without_lead, without_purpose

    lexicon = extractor.rules.lexicon
    assert clean_name("/Courtesy of Norvale Pharmaceutical") == "Norvale Pharmaceutical"
    assert clean_name("Photo provided by Kestrel Bio") == "Kestrel Bio"
    assert strip_suffix("Tamsin & Co., Ltd.", lexicon) == "Tamsin"  # the joiner goes with the legal form
    # a deal's object after "for" is no part of a company's name; an institution's field is
    assert without_purpose("Veltrano for Antiviral Vaccine", lexicon) == "Veltrano"
    assert without_purpose("Institute for Drug Development", lexicon) == "Institute for Drug Development"
    # a common phrase before a comma belongs to the sentence; a place after a university's name stays
    text = "the compound was licensed; the Compound, Orsby Therapeutics said, is promising"
    assert without_lead("Compound, Orsby Therapeutics", lexicon, text) == "Orsby Therapeutics"
    assert without_lead("Small Meeting Hall, Orsby Institute", lexicon, text) == "Orsby Institute"
    assert without_lead("University of Eastbrook, Westfield", lexicon, text) == "University of Eastbrook, Westfield"
    # one word the article never writes in lower case is a name of its own
    assert without_lead("Kelvaro, Halden Bio", lexicon, "Kelvaro, Halden Bio signed") == "Kelvaro, Halden Bio"


def test_a_photo_credit_names_the_company_only(extractor):
    text = ("Norvale Pharmaceutical signed a licence agreement with Ostvik Therapeutics on Monday.\n"
            "Executives of both companies pose after the signing. /Courtesy of Norvale Pharmaceutical\n")
    names = {o.name for o in [*extractor.extract(text).parties, *extractor.extract(text).organizations]}
    assert not any(n.startswith("Courtesy") for n in names)


def test_an_infinitive_of_a_headline_is_no_organisation(extractor):
    text = ("Halden Bio and Ostvik Therapeutics Form Venture to Provide Integrated Antibody Manufacturing Services\n"
            "Halden Bio signed a joint venture agreement with Ostvik Therapeutics on Monday.\n")
    result = extractor.extract(text)
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert not any(n.startswith("Provide") for n in names)


def test_a_place_before_a_name_written_alone_elsewhere_is_dropped(extractor):
    text = ("The deal was signed during the convention in Boston Ottimara Pharma's lead antibody will be made "
            "by Kestrel Biologics. Ottimara Pharma signed a manufacturing agreement with Kestrel Biologics. "
            "Ottimara Pharma will pay for the work.\n")
    result = extractor.extract(text)
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert "Boston Ottimara Pharma" not in names


def test_a_title_case_field_is_no_organisation(extractor):
    text = ("Halden Bio signed a research collaboration agreement with Ostvik Therapeutics to apply Artificial "
            "Intelligence (AI) to antibody design. Halden Bio and Ostvik Therapeutics will share the results.\n")
    result = extractor.extract(text)
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert "Artificial Intelligence" not in names
    assert {"Halden Bio", "Ostvik Therapeutics"} <= {p.name for p in result.parties}


def test_a_defined_acronym_is_no_field_of_an_institution(extractor):
    text = ("The Halden Institute for Regenerative Medicine (HIRM) signed a memorandum of understanding with "
            "Ostvik Therapeutics. The agreement was signed by Halden Institute for HIRM President Jane Holm and "
            "Ostvik Therapeutics CEO Tom Berg.\n")
    result = extractor.extract(text)
    names = {o.name for o in [*result.parties, *result.organizations]}
    assert "Halden Institute for HIRM" not in names


def test_a_verb_like_organisation_word_keeps_its_head(extractor):
    from mouextract.extract.org_names import has_head, pieces

    lx = extractor.rules.lexicon
    verbs, head = frozenset(lx["headline_verbs"]), (lambda text: has_head(text, lx))
    assert pieces("Partners HealthCare", verbs, head) == ["Partners HealthCare"]
    assert pieces("Halden Acquires Biologics", verbs, head) == ["Halden", "Biologics"]
    assert pieces("Halden Bio Signs Ostvik Pharma", verbs, head) == ["Halden Bio", "Ostvik Pharma"]



def test_a_brand_drug_is_no_party(extractor):
    from mouextract.extract.context import Context
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import product_name
    from mouextract.models import Mention

    text = ("Halden Pharma granted Ostvik Therapeutics an exclusive licence to Zanorel (velotinib) in Japan and will "
            "sell Brivora® there. Ostvik Therapeutics (Nasdaq: OSTVIR) and Halden® kits, from Halden Pharma PLC, "
            "are named too.\n")
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)

    def entity(name, *forms):
        start = text.rindex(name)  # the last mention (the ticker one for Ostvik)
        return OrgEntity(name, {name, *forms}, [Mention(text=name, start=start, end=start + len(name))])

    assert product_name(ctx, entity("Zanorel"))  # a generic drug name in brackets follows
    assert product_name(ctx, entity("Brivora®"))  # a trademark sign ends the name
    assert not product_name(ctx, entity("Ostvik Therapeutics"))  # a ticker in brackets is no drug name
    assert not product_name(ctx, entity("Halden®", "Halden Pharma PLC"))  # a company marking its own name


@pytest.mark.parametrize("text", [
    # an official signs for a public body: the surname ("Adeyemi said"), the headline's "Gov. Adeyemi" and a
    # lone "Sec" are the person, not an organisation
    ("Gov. Adeyemi signs MOA with Halden Biologics on district hospital\n\nGovernor Nora Adeyemi and Halden Biologics "
     "signed a memorandum of agreement on Monday to run the district hospital. \"It is a good day,\" Adeyemi said.\n"),
])
def test_an_officials_surname_is_no_party(extractor, text):
    names = [e.name for e in extractor.candidates(text).entities]
    assert "Adeyemi" not in names and "Gov" not in names
    assert "Halden Biologics" in names
    assert "Adeyemi" not in [p.name for p in extractor.extract(text).parties]


def test_exercising_an_option_states_a_deal(extractor):
    from mouextract.extract.agreement import agreement_sentences

    text = "US drugmaker Kelvaro (Nasdaq: KLVR) says that it has exercised its option to acquire Halden Biologics Corp.\n"
    c = extractor.candidates(text)
    assert agreement_sentences(c.ctx)


@pytest.mark.parametrize("name", ["Karen Adeyemi", "Nora Okafor", "Grace Abara"])
def test_a_titled_person_the_parse_makes_a_subject_is_no_organisation_candidate(extractor, name):
    # "CEO Nora Okafor exchange the signed MOU": the subject is a person NER reads as one, with her title before her
    text = ("Ostvik University and Halden Neurotherapeutics sign MOU on brain imaging\n\n"
            "SEOUL, May 3, 2024 -- Ostvik University signed a memorandum of understanding with Halden "
            "Neurotherapeutics on Monday to study cell therapies for stroke.\n"
            f"The ceremony was attended by President Lee Mi-rae and Halden CEO {name}.\n"
            '"Our imaging expertise will help," said Lee Mi-rae.\n'
            f"[Photo] President Lee Mi-rae (right) and CEO {name} exchange the signed MOU.\n")
    assert name not in {e.name for e in extractor.candidates(text).entities}


def test_a_company_appointed_as_distributor_is_a_deal_not_an_appointment(extractor):
    # an appointment headline ("appointed as ...") announces no agreement only when a person is appointed
    text = ("Kelvaro Pharmaceuticals appointed as Halden wound gel distributor\n\nSydney, Australia, 19 May 2022: Halden "
            "Science Limited is pleased to announce that it has signed a multi-year distribution agreement for Australia "
            "with Kelvaro Pharmaceuticals, for the sale of Halden's antimicrobial wound gel.\n")
    result = extractor.extract(text)
    assert result.agreement.type == "supply_agreement"
    assert {p.name for p in result.parties} == {"Kelvaro Pharmaceuticals", "Halden Science"}


def test_the_outlet_a_spokesman_told_is_no_party(extractor):
    from mouextract.extract.agreement import named_as_outlet

    text = ("Halden Pharma signed a licence agreement with Ostvik Therapeutics on Monday. The deal is worth up to "
            "$40 million, a Halden Pharma spokesman told MedPulse Daily Review, and an Ostvik Therapeutics "
            "executive said in an interview with the Norland Biotech Letter that trials start next year.\n")
    ctx = ctx_of(extractor, text)
    assert named_as_outlet(ctx, party(text, "MedPulse Daily Review"))
    assert named_as_outlet(ctx, party(text, "Norland Biotech Letter"))
    assert not named_as_outlet(ctx, party(text, "Ostvik Therapeutics"))  # also named as a signatory
    parties = {p.name for p in extractor.extract(text).parties}
    assert parties == {"Halden Pharma", "Ostvik Therapeutics"}


def test_a_short_form_of_initials_is_one_party_with_the_full_name(extractor):
    from mouextract.learn.decide import same_organisation

    text = "Seo Won Bae Pharmaceutical signed a licence with Ostvik Therapeutics. SWB Pharm will pay $5 million.\n"
    ctx = ctx_of(extractor, text)
    assert same_organisation(ctx, party(text, "Seo Won Bae Pharmaceutical"), party(text, "SWB Pharm"))
    assert not same_organisation(ctx, party(text, "Ostvik Therapeutics"), party(text, "SWB Pharm"))


def test_states_that_sign_by_their_short_names_are_parties(extractor):
    text = ("Uganda, Kenya and Tanzania signed a partnership agreement with Halden Biotech on Monday to build a "
            "vaccine plant near Kampala.\n")
    assert {p.name for p in extractor.extract(text).parties} == {"Uganda", "Kenya", "Tanzania", "Halden Biotech"}


@pytest.mark.parametrize("text", [
    # a place the rights cover signs nothing
    ("Halden Biotech signed a licence agreement with Ostvik Therapeutics on Monday. Ostvik Therapeutics gets the "
     "rights in Kenya.\n"),
    # the state as the shorthand of the public body the article names
    ("Kenya signs vaccine deal with Halden Biotech\n\nKenya has signed a supply agreement with Halden Biotech. The "
     "Ministry of Health will buy two million doses, the ministry said.\n"),
])
def test_a_place_that_does_not_sign_in_its_own_name_is_no_party(extractor, text):
    assert "Kenya" not in {p.name for p in extractor.extract(text).parties}


@pytest.mark.parametrize(("raw", "name"), [
    ("HXK7. Halden Pharm", "Halden Pharm"),                  # a code ending the sentence before
    ("Ostvik University-led", "Ostvik University"),          # "an Ostvik University-led consortium"
    ("Halden Foundation-funded", "Halden Foundation"),
    ("Halden Pharma Inc.", "Halden Pharma Inc."),            # a legal form's stop is no sentence end
    ("Ostvik 3D. Printing", "Ostvik 3D. Printing"),          # a code alone at the start only
    ("Ostvik Bio of the Halden Group", "Ostvik Bio"),        # a group's member named with its parent
])
def test_a_name_glued_to_its_neighbours_is_cut_out(raw, name):
    from mouextract.extract.org_names import clean_name

    assert clean_name(raw) == name


def test_every_name_wrapper_word_of_the_lexicon_is_cut_from_a_name():
    """The word lists clean_name cuts live in the lexicon; each of their words is cut where the list says."""
    from mouextract.extract.org_names import clean_name
    from mouextract.resources import load_json

    w = load_json("lexicon.json")["name_wrappers"]
    name = "Norvik Sensors"
    for before in [*w["labels"], *w["weekdays"], *w["opening_prepositions"]]:
        assert clean_name(f"{before} {name}") == name, before
    for word in w["share_words"]:
        assert clean_name(f"{word} of {name}") == name, word
    for phrase in w["credit_phrases"]:
        assert clean_name(f"Photo {phrase} {name}") == name == clean_name(f"/{phrase.capitalize()} {name}"), phrase
    for noun in w["deal_nouns"]:
        assert clean_name(f"{noun} between {name}") == name, noun
    for office in w["press_offices"]:
        assert clean_name(f"{name} {office}") == name, office
    for participle in w["home_participles"]:
        assert clean_name(f"Tromso-{participle} {name}") == name, participle
    for participle in w["agent_participles"]:
        assert clean_name(f"{name}-{participle}") == name, participle
    for acronym in w["service_acronyms"]:
        assert clean_name(f"Danish {acronym} {name}") == name, acronym
    for form in w["stop_abbreviations"]:
        assert clean_name(f"Norvik {form}.") == f"Norvik {form}.", form
    assert clean_name("Norvik Sensors Group.") == "Norvik Sensors Group"  # no legal form: the stop ends a sentence


def test_a_malaysian_legal_form_is_no_part_of_the_name(extractor):
    text = ("Halden Biologics Sdn Bhd signed a memorandum of understanding with Ostvik Therapeutics on Monday. Halden "
            "Biologics will supply the plasmid.\n")
    halden = next(p for p in extractor.extract(text).parties if p.name.startswith("Halden"))
    assert halden.name == "Halden Biologics" and "Halden Biologics Sdn Bhd" in halden.aliases
