"""Deal terms: money by component, party roles, territory, assets, term and options, on our own articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, assert_grounded, ctx_of, party, roles_of
from mouextract.extract.assets import assets
from mouextract.extract.duration import term
from mouextract.extract.financials import disclosure, financials
from mouextract.extract.org_names import fold
from mouextract.extract.terms import deal_terms
from mouextract.extract.territory import territory

TERMS_GOLD = FIXTURES / "gold" / "terms"
ARTICLES = sorted(p.name.replace(".gold.json", "") for p in TERMS_GOLD.glob("*.gold.json"))


@pytest.fixture(scope="module")
def results(extractor):
    out = {}
    for name in ARTICLES:
        text = (TERMS_GOLD / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = (text, extractor.extract(text), json.loads((TERMS_GOLD / f"{name}.gold.json").read_text(encoding="utf-8")))
    return out


def money(fin) -> set[tuple]:
    return {(f.kind, f.amount, f.currency, f.up_to) for f in fin}


def test_at_least_twelve_fixture_articles():
    assert len(ARTICLES) >= 12


@pytest.mark.parametrize("name", ARTICLES)
def test_fixture_terms_match_gold(results, name):
    text, r, gold = results[name]
    want, got = gold["terms"], r.agreement.terms
    assert got is not None
    assert_grounded(text, r)
    assert got.financial_terms_disclosed == want["financial_terms_disclosed"]
    assert money(got.financials) == {(f["kind"], f["amount"], f["currency"], f["up_to"]) for f in want["financials"]}
    # a party by its gold name, or by a longer name the organisation reader gave it ("Tarrow Labs EUR")
    roles = {g: next((p.role for p in r.parties if fold(p.name).startswith(g)), None) for g in (fold(x["party"]) for x in want["roles"])}
    assert {fold(x["party"]): x["role"] for x in want["roles"]} == roles
    if want["territory"] is None:
        assert got.territory is None or not (got.territory.granted or got.territory.excluded)
    else:
        assert got.territory is not None
        assert sorted(got.territory.granted) == sorted(want["territory"]["granted"])
        assert sorted(got.territory.excluded) == sorted(want["territory"]["excluded"])
        if want["territory"]["exclusive"] is not None:
            assert got.territory.exclusive is want["territory"]["exclusive"]
    assert {(a.name, a.phase) for a in got.assets} == {(a["name"], a["phase"]) for a in want["assets"]}
    assert got.term == want["term"]


def test_tiered_royalty_rate_in_words(results):
    _, r, _ = results["terms-01"]
    royalty = next(f for f in r.agreement.terms.financials if f.kind == "royalty")
    assert royalty.rate_text == "high single digits to low double digits"
    assert royalty.mentions[0].text == "royalties"


def test_royalty_range_and_milestone_stages(results):
    _, r, _ = results["terms-02"]
    fins = r.agreement.terms.financials
    assert next(f for f in fins if f.kind == "royalty").rate == [8.0, 12.0]
    stages = {f.amount: f.stage for f in fins if f.kind == "milestone"}
    assert stages == {120000000: "development", 200000000: "regulatory", 450000000: "commercial"}


def test_equity_stake_percentage(results):
    _, r, _ = results["terms-04"]
    (equity,) = r.agreement.terms.financials
    assert (equity.kind, equity.amount, equity.percent) == ("equity", 30000000, 12.5)
    assert [m.text for m in equity.mentions] == ["$30 Million", "$30 million", "12.5% stake"]  # headline, body, stake


def test_undisclosed_terms_are_grounded(results):
    _, r, _ = results["terms-05"]
    terms = r.agreement.terms
    assert terms.financial_terms_disclosed is False
    assert terms.disclosure_mentions[0].text == "Financial terms of the agreement were not disclosed"


def test_option_deal(results):
    _, r, _ = results["terms-08"]
    (option,) = r.agreement.terms.options
    assert option.kind == "license"
    assert option.covers.startswith("license QT-17")


def test_five_year_and_ten_year_terms(results):
    assert results["terms-07"][1].agreement.terms.term == "P5Y"
    assert results["terms-07"][1].agreement.terms.term_mentions[0].text.lower() == "five-year"
    assert results["terms-09"][1].agreement.terms.term == "P10Y"


@pytest.mark.parametrize("sentence, expected", [
    ("Halden will make an upfront payment of $20 million.", ("upfront", 20000000, "USD", False)),
    ("Halden will pay $20 million upfront.", ("upfront", 20000000, "USD", False)),
    ("Corvida is eligible for milestones of up to $500 million.", ("milestone", 500000000, "USD", True)),
    ("Halden will pay KRW 44 billion upfront.", ("upfront", 44000000000, "KRW", False)),
    ("Halden will pay 44 billion won upfront.", ("upfront", 44000000000, "KRW", False)),
    ("The deal is worth up to $1.2 billion.", ("total_value", 1200000000, "USD", True)),
    ("Halden will provide €15m in research funding.", ("research_funding", 15000000, "EUR", False)),
    ("Halden will pay JPY 3 billion upfront.", ("upfront", 3000000000, "JPY", False)),
    ("Halden will receive as much as £40 million in milestones.", ("milestone", 40000000, "GBP", True)),
    ("Halden will pay $5 million upfront and up to $80 million in potential milestones.", ("milestone", 80000000, "USD", True)),
    ("Under the agreement, Halden will invest $50 million in manufacturing capacity.", ("other", 50000000, "USD", False)),
    ("Under the agreement, Halden will pay an up-front payment of 20 billion yen and a milestone payment upon approval.",
     ("upfront", 20000000000, "JPY", False)),
    # money still to be earned, named as contingent consideration
    ("The deal includes an upfront payment of $100 million and potential future considerations of up to $1.9 billion.",
     ("milestone", 1900000000, "USD", True)),
    # the deal's value as a noun, and a value before two joined deal words
    ("Halden ended a collaboration with Corvida that on signing had a value of more than $460 million.",
     ("total_value", 460000000, "USD", False)),
    ("Halden has signed a $4 million license and cooperation agreement with Corvida.", ("total_value", 4000000, "USD", False)),
])
def test_amount_belongs_to_the_governing_component(extractor, sentence, expected):
    assert expected in money(financials(ctx_of(extractor, sentence)))


@pytest.mark.parametrize("sentence, expected", [
    # a payment under the agreement is not the agreement's value
    ("Halden is receiving an upfront payment of $20 million from this agreement.", ("upfront", 20000000, "USD", False)),
    # what "worth of" buys decides the component
    ("Under the agreement, Corvida will purchase $10 million worth of Halden common stock.", ("equity", 10000000, "USD", False)),
    # a ceiling on spending is no payment
    ("Halden's funding commitment under the agreement will be capped at a total of GBP 145 million.", ("other", 145000000, "GBP", False)),
])
def test_component_words_that_mislead(extractor, sentence, expected):
    assert money(financials(ctx_of(extractor, sentence))) == {expected}


@pytest.mark.parametrize("sentence, expected", [
    ("Halden will pay $75-$300 million in milestones.", ("milestone", 300000000, "USD", True)),
    ("Halden will pay $1.5-2 billion in milestones.", ("milestone", 2000000000, "USD", True)),  # the lower bound takes the magnitude
    ("Halden will pay between €50 million and €100 million upfront.", ("upfront", 100000000, "EUR", True)),
    ("Halden will pay US$5 to 10 million upfront.", ("upfront", 10000000, "USD", True)),
])
def test_a_range_is_one_amount_at_its_upper_bound(extractor, sentence, expected):
    assert money(financials(ctx_of(extractor, sentence))) == {expected}


def test_background_amounts_are_no_deal_components(extractor):
    text = ("Halden signs licence deal with Corvida\n\n"
            "Corvida will pay Halden $20 million upfront under the agreement.\n"
            "A unicorn is a startup valued at over $1 billion.\n"  # names neither a party nor the deal
            "Zentra Bio closes $80 million Series B round\n"  # another story's headline in a list
            "The payment follows a previous agreement between the two firms worth $5 million.\n"  # an earlier deal
            "It comes after a $90 million contract signed in January with another company.")
    parties = [party(text, "Halden"), party(text, "Corvida")]
    assert money(financials(ctx_of(extractor, text), parties)) == {("upfront", 20000000, "USD", False)}


def test_a_price_per_unit_and_its_conversion_are_one_amount(extractor):
    text = "Under the agreement, Halden will receive EUR 20,000 per device (about USD 21,500) for every device Corvida sells."
    assert money(financials(ctx_of(extractor, text))) == {("other", 20000, "EUR", False)}


@pytest.mark.parametrize("sentence, expected", [
    ("Corvida will pay Halden $80 million, including $50 million upfront.",
     {("other", 80000000, "USD", False), ("upfront", 50000000, "USD", False)}),
    ("Halden will pay upfront fees of $20 million and $30 million.",  # one list shares its word
     {("upfront", 20000000, "USD", False), ("upfront", 30000000, "USD", False)}),
])
def test_a_component_word_after_two_amounts_is_the_nearer_ones(extractor, sentence, expected):
    assert money(financials(ctx_of(extractor, sentence))) == expected


def test_a_deal_likened_to_this_one_is_another_deal(extractor):
    text = ("Halden signs licence deal with Corvida\n\n"
            "Corvida will pay Halden $20 million upfront under the agreement.\n"
            "Last spring Halden signed a similar agreement with Zentro worth up to $700 million.")
    parties = [party(text, "Halden"), party(text, "Corvida")]
    assert money(financials(ctx_of(extractor, text), parties)) == {("upfront", 20000000, "USD", False)}


def test_two_amounts_in_one_clause_go_to_their_own_nouns(extractor):
    found = money(financials(ctx_of(extractor, "Halden will pay Corvida US$40 million upfront and up to US$300 million in milestones.")))
    assert found == {("upfront", 40000000, "USD", False), ("milestone", 300000000, "USD", True)}


def test_without_a_parse_amounts_fall_back_to_nearby_cues(extractor):
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    text = "Halden will make an upfront payment of $20 million and pay up to $90 million in milestones."
    found = money(financials(ctx_of(extractor, text, blank)))
    assert found == {("upfront", 20000000, "USD", False), ("milestone", 90000000, "USD", True)}


@pytest.mark.parametrize("sentence, granted, excluded", [
    ("Halden receives exclusive rights to CRV-210 in Greater China.", ["CN", "HK", "MO", "TW"], []),
    ("Halden receives rights to CRV-210 worldwide except Japan.", ["WORLD"], ["JP"]),
    ("Halden receives ex-US rights to CRV-210.", ["WORLD"], ["US"]),
    ("Halden may commercialize CRV-210 in the Nordics and the United Kingdom.", ["DK", "FI", "IS", "NO", "SE", "GB"], []),
    ("Halden gets rights to CRV-210 outside of China.", ["WORLD"], ["CN"]),
])
def test_territory_groups_and_exclusions(extractor, sentence, granted, excluded):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is not None
    assert (found.granted, found.excluded) == (granted, excluded)


def test_company_locations_are_no_territory(extractor):
    text = "UK-based Halden, a US biotech firm, signed a research agreement with Corvida."
    assert territory(ctx_of(extractor, text), []) is None


@pytest.mark.parametrize("sentence", [
    "Halden holds an exclusive licence to CRV-210, which was approved in Europe last year.",  # regulation, not rights
    "Halden has an exclusive option to recapture commercialization rights in the United States.",  # rights taken back
    "Halden licensed CRV-210 from Corvida, a company based in Canada.",  # where a party sits
    "Halden gains exclusive rights to CRV-210, the company's Japan President said.",  # a title
    "Halden, a leading drug company in China, has licensed CRV-210 to Corvida.",  # an appositive describing a party
    "Corvida, which sells products in 40 countries including Brazil, licensed CRV-210 from Halden.",  # a relative clause describing it
    "Halden will commercialize CRV-210, and Corvida will run clinical trials in the United States.",  # another clause's verb
    "The licence agreement was announced at a conference in Japan.",  # an event's place
    "Corvida, a global pharmaceutical company, gains the rights to CRV-210.",  # 'global' describing a company
])
def test_regions_the_parse_ties_to_no_rights(extractor, sentence):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is None or not (found.granted or found.excluded)


def test_region_of_a_conjoined_rights_word(extractor):
    """'sales and marketing in X': the conjunct "marketing" ties the region, though "sales" alone would not."""
    text = "Under the licence, Halden will handle sales and marketing of CRV-210 in Germany, Austria and Switzerland."
    found = territory(ctx_of(extractor, text), [])
    assert found is not None and found.granted == ["DE", "AT", "CH"]


@pytest.mark.parametrize("sentence, roles", [
    ("Corvida grants Halden an exclusive license to CRV-210.", {"Corvida": "licensor", "Halden": "licensee"}),
    ("Halden in-licenses CRV-210 from Corvida.", {"Corvida": "licensor", "Halden": "licensee"}),
    ("Halden has licensed CRV-210 from Corvida.", {"Corvida": "licensor", "Halden": "licensee"}),
    ("Corvida will manufacture the vaccine for Halden under the agreement.", {"Corvida": "supplier", "Halden": "customer"}),
    ("Halden invests $10 million in Corvida under the agreement.", {"Halden": "investor", "Corvida": "investee"}),
    ("Under the agreement, Halden will pay Corvida $5 million upfront.", {"Corvida": "licensor", "Halden": "licensee"}),
])
def test_party_roles_from_the_deal_sentence(extractor, sentence, roles):
    kind = "investment" if "invest" in sentence else "supply_agreement" if "manufacture" in sentence else "license"
    assert roles_of(extractor, sentence, kind, "Corvida", "Halden") == roles


def test_roles_follow_syntax_not_word_order(extractor):
    text = "Halden, a Danish company, announced that Corvida has granted it an exclusive license to CRV-210."
    assert roles_of(extractor, text, "license", "Halden", "Corvida") == {"Halden": "licensee", "Corvida": "licensor"}


# the parties are passed to roles_of in the order each list names them
PRONOUNS_NOUNS_AND_OWNERS = [
    # a two-way verb: the subject of "licenses B's molecule" takes the licence
    ("Halden licenses Corvida's antibody for the treatment of asthma.", "license", {"Halden": "licensee", "Corvida": "licensor"}),
    ("Halden licenses Corvida molecule for the treatment of cancer", "license", {"Halden": "licensee", "Corvida": "licensor"}),
    # a pronoun subject is the party the previous sentence made its subject
    ("Halden signed a licence agreement with Corvida on Monday.\n\nThe company will pay Corvida $5 million upfront.", "license",
     {"Halden": "licensee", "Corvida": "licensor"}),
    # a deal noun's arguments
    ("Under the agreement, Halden's $10 million investment in Corvida closes in May.", "investment", {"Halden": "investor", "Corvida": "investee"}),
    # a contract's defined role in parentheses
    ('Corvida (the "Licensee") signed the agreement with Halden.', "license", {"Corvida": "licensee", "Halden": "licensor"}),
    # an infinitive under a deal names its other side by the deal's "with"
    ("Corvida signed a supply deal with Halden to manufacture the vaccine.", "supply_agreement", {"Corvida": "supplier", "Halden": "customer"}),
    # the owner of the licensed drug licenses it out, also when the deal's type is unknown
    ("Halden ended its licence to develop Corvida's antibody in China.", "other", {"Corvida": "licensor", "Halden": "licensee"}),
]
COMMON_CONSTRUCTIONS = [
    # a relative clause with a party subject
    ("Halden has entered into a licence agreement with Corvida, under which Corvida will receive exclusive rights to HX-301.", "license",
     {"Halden": "licensor", "Corvida": "licensee"}),
    # 'from' on the object, not the verb
    ("Corvida has acquired the exclusive rights to HX-301 from Halden.", "license", {"Halden": "licensor", "Corvida": "licensee"}),
    # a relative pronoun is the party it hangs on
    ("Halden signed a contract manufacturing agreement with Corvida, which will produce HX-301 at its plant.", "supply_agreement",
     {"Halden": "customer", "Corvida": "supplier"}),
    # the text's word for what a party is outweighs an infinitive's unclear subject
    ("Halden has partnered with CDMO Corvida to manufacture HX-301.", "supply_agreement", {"Halden": "customer", "Corvida": "supplier"}),
    ("Halden selected Corvida as its manufacturing partner for HX-301.", "supply_agreement", {"Halden": "customer", "Corvida": "supplier"}),
    ("Corvida raised $10 million from Halden in the financing.", "investment", {"Halden": "investor", "Corvida": "investee"}),
    ("Corvida will issue new shares to Halden worth $10 million.", "investment", {"Halden": "investor", "Corvida": "investee"}),
    ("Corvida will be acquired by Halden for $1 billion.", "other", {"Halden": "acquirer", "Corvida": "target"}),
    ("The agreement gives Corvida exclusive rights to HX-301 in China.", "license", {"Halden": "licensor", "Corvida": "licensee"}),
    ("Halden announced that Corvida has exercised its option to license HX-301.", "license", {"Halden": "licensor", "Corvida": "licensee"}),
]


@pytest.mark.parametrize("text, kind, names, roles",
                         [(t, k, ("Corvida", "Halden"), r) for t, k, r in PRONOUNS_NOUNS_AND_OWNERS]
                         + [(t, k, ("Halden", "Corvida"), r) for t, k, r in COMMON_CONSTRUCTIONS])
def test_roles_of_common_deal_constructions(extractor, text, kind, names, roles):
    assert roles_of(extractor, text, kind, *names) == roles


def test_an_appositive_parent_group_takes_no_role(extractor):
    text = "Corvida, the biotech arm of Zentra Group, will manufacture the vaccine for Halden under the agreement."
    assert roles_of(extractor, text, "supply_agreement", "Corvida", "Zentra Group", "Halden") == {"Corvida": "supplier", "Halden": "customer"}


def test_duration_needs_an_agreement_noun(extractor):
    assert term(ctx_of(extractor, "The companies signed a five-year collaboration agreement."))[0] == "P5Y"
    assert term(ctx_of(extractor, "The agreement has a term of 36 months."))[0] == "P36M"
    assert term(ctx_of(extractor, "Five-year survival improved in the trial, the partners said in the agreement."))[0] is None


def test_deal_terms_of_a_plain_mou_are_empty(extractor):
    text = "Seoyeon Hospital and Hanbit Bio signed a memorandum of understanding on Monday."
    terms = deal_terms(ctx_of(extractor, text), [party(text, "Seoyeon Hospital"), party(text, "Hanbit Bio")])
    assert (terms.financials, terms.territory, terms.assets, terms.term, terms.financial_terms_disclosed) == ([], None, [], None, None)


def test_wire_fixture_gold_has_terms():
    gold = json.loads(Path(FIXTURES / "gold" / "wire-01.gold.json").read_text(encoding="utf-8"))
    assert gold["terms"]["financials"][0]["text"] == "US$40 million"


def test_eval_scores_terms_as_the_shared_scorer(extractor):
    from mouextract.evaluate import evaluate

    report = evaluate([TERMS_GOLD], lambda path: extractor.extract(path.read_text(encoding="utf-8")).model_dump(mode="json"))
    terms = report.figures()["terms"]
    assert terms["documents"] == len(ARTICLES)
    assert terms["financials"]["fn"] == 0 and terms["financials"]["tp"] == 20
    assert terms["roles_accuracy"] == 1.0 and terms["term_accuracy"] == 1.0


def test_asset_named_by_target_and_modality(extractor):
    text = ("Corvida grants Halden an exclusive license to an anti-CLDN18.2 ADC in Phase 1 trials for gastric cancer.\n\n"
            "The license also covers CRV-210, a preclinical antibody.")
    found = {(a.name, a.phase) for a in assets(ctx_of(extractor, text), [party(text, "Corvida"), party(text, "Halden")])}
    assert found == {("anti-CLDN18.2 ADC", "phase_1"), ("CRV-210", "preclinical")}


@pytest.mark.parametrize("text, name", [
    ("Halden will manufacture Corvida's Tressiva gene therapy under the supply agreement.", "Tressiva"),  # possessive + product noun
    ("Halden signed a licence agreement for the development of Ostrevin, an experimental treatment for lupus.", "Ostrevin"),  # apposition
])
def test_products_named_only_in_prose(extractor, text, name):
    found = {a.name for a in assets(ctx_of(extractor, text), [party(text, "Corvida"), party(text, "Halden")])}
    assert found == {name}


def test_a_hoped_for_approval_is_no_phase(extractor):
    text = ("Halden will manufacture the yet-to-be-approved vaccine HV-201 for Corvida under the supply agreement.\n\n"
            "HV-201 is in a phase 3 trial, and Corvida said initial approval for HV-201 could be granted next year.")
    (asset,) = assets(ctx_of(extractor, text), [party(text, "Corvida"), party(text, "Halden")])
    assert (asset.name, asset.phase) == ("HV-201", "phase_3")


def test_a_name_shortened_to_its_first_word_keeps_its_role(extractor):
    text = "Halden Pharmaceutical signed a licence deal with Corvida Bio.\n\nHalden had licensed out the rights to HP-301 to Corvida Bio."
    assert roles_of(extractor, text, "license", "Halden Pharmaceutical", "Corvida Bio") == {"Halden Pharmaceutical": "licensor", "Corvida Bio": "licensee"}


@pytest.mark.parametrize("sentence, disclosed", [
    ("The two companies did not give financial details of the pact.", False),
    ("Neither company disclosed the financial terms of the licence.", False),
    ("Halden signed the deal without disclosing its financial terms.", False),
    ("Halden didn't reveal the value of the deal.", False),
    ("Halden will disclose the terms of the deal later.", None),
    # the size or value of a purchase or contract, however the contract is described
    ("The scale of the supply contract with the customer was not disclosed.", False),
    ("The value of the purchase was not disclosed.", False),
    # a modal saying the price cannot be made public
    ("Officials said the pricing of the doses bought from Halden cannot be disclosed for now.", False),
])
def test_words_saying_terms_were_not_disclosed(extractor, sentence, disclosed):
    assert disclosure(ctx_of(extractor, sentence), [])[0] is disclosed


def test_a_bracketed_conversion_is_no_second_amount(extractor):
    text = "Under the agreement, Halden will pay an upfront payment of 44 billion won (about $33 million)."
    assert money(financials(ctx_of(extractor, text))) == {("upfront", 44000000000, "KRW", False)}


@pytest.mark.parametrize("text", [
    "Under the termination agreement, no royalty payments are due to Corvida.",
    "Halden loses the royalties it would have received had the licence continued.",
])
def test_a_royalty_denied_or_lost_is_none(extractor, text):
    assert not [f for f in financials(ctx_of(extractor, text)) if f.kind == "royalty"]


def test_an_option_granted_in_a_research_alliance_keeps_collaborators(extractor):
    text = "Halden and Corvida signed a research collaboration.\n\nCorvida will grant Halden an exclusive option to license resulting patents."
    assert roles_of(extractor, text, "collaboration_agreement", "Halden", "Corvida") == {"Halden": "collaborator", "Corvida": "collaborator"}


def test_a_region_ending_a_list_line_is_no_name_part(extractor):
    text = ("Halden and Corvida sign licence for HX-301 in Greater China\n\nHighlights:\n"
            "- Halden gains exclusive rights to commercialize HX-301 in mainland China, Hong Kong, Macau and Taiwan\n"
            "- Corvida Therapeutics to receive $25 million upfront")
    found = territory(ctx_of(extractor, text), [])
    assert found is not None and sorted(found.granted) == ["CN", "HK", "MO", "TW"]


@pytest.mark.parametrize("text, duration", [
    ("The collaboration agreement is expected to last up to five years.", "P5Y"),
    ("The agreement will be in force for a period of 5 (five) years.", "P5Y"),
    # a rough figure of how long the work lasts
    ("Under the agreements, the two projects are expected to last approximately 18 months.", "P18M"),
    # a deal running over the decade ahead
    ("The alliance lets the partners run up to twelve joint projects over the next decade.", "P10Y"),
])
def test_durations_restated_or_capped(extractor, text, duration):
    assert term(ctx_of(extractor, text))[0] == duration


def test_a_period_noun_of_the_data_gives_its_duration(extractor):
    """'over the coming decade': the span nouns and their durations are data (terms.json), matched in any case."""
    from mouextract.extract.deal_cues import term_cues

    for noun, duration in term_cues()["term"]["span_nouns"].items():
        text = f"Under the partnership, Norvik and Tessel will share the research costs over the coming {noun.capitalize()}."
        assert term(ctx_of(extractor, text))[0] == duration, noun


def test_a_brand_and_its_bracketed_code_are_one_asset(extractor):
    text = "Halden signed a licence agreement for the development of Velmora (HX-301), an experimental treatment for lupus."
    (asset,) = assets(ctx_of(extractor, text), [party(text, "Halden"), party(text, "Corvida")])
    assert asset.name == "Velmora" and [m.text for m in asset.mentions] == ["Velmora", "HX-301"]


def test_assets_in_other_stories_headlines_are_none(extractor):
    text = ("Halden licenses HX-301 from Corvida\n\nCorvida grants Halden an exclusive licence to HX-301.\n\n"
            "Related news\nZentra Bio doses first patient with ZB-774 in phase 1 trial\n")
    names = {a.name for a in assets(ctx_of(extractor, text), [party(text, "Corvida"), party(text, "Halden")])}
    assert names == {"HX-301"}


def test_payments_named_by_their_event(extractor):
    text = "Under the agreement, Halden will pay $5 million upon signing and $10 million upon the first patient dosed."
    assert money(financials(ctx_of(extractor, text))) == {("upfront", 5000000, "USD", False), ("milestone", 10000000, "USD", False)}


def test_money_paid_for_another_drug_is_background(extractor):
    text = "Halden signs licence with Corvida\n\nIn 2021, Halden paid $90 million for rights to another drug."
    assert money(financials(ctx_of(extractor, text), [party(text, "Halden"), party(text, "Corvida")])) == set()


@pytest.mark.parametrize("sentence, expected", [
    # a conversion in brackets between an amount and its component
    ("Halden will commit up to CNY 500 million (about $70 million) in regulatory milestones.",
     ("milestone", 500000000, "CNY", True)),
    # the component named after the amount outweighs a verb of funding before it
    ("Corvida will commit up to $300 million in development and sales milestone payments.", ("milestone", 300000000, "USD", True)),
    # a ceiling after an upfront payment is money still to be earned
    ("Ostvik will receive an upfront payment of €20 million (US$22 million) and up to €600 million (US$650 million).",
     ("milestone", 600000000, "EUR", True)),
    # a ceiling on several components named together is their sum
    ("Ostvik is eligible to receive up to $90 million in upfront, equity and near-term milestone payments.",
     ("total_value", 90000000, "USD", True)),
])
def test_the_component_a_ceiling_belongs_to(extractor, sentence, expected):
    assert expected in money(financials(ctx_of(extractor, sentence)))


@pytest.mark.parametrize("sentence, expected", [
    # components listed after one amount, the list ending the clause: their sum
    ("Under the agreement, Ostvik would receive 49.3 billion won ($40 million) upfront and milestone payments.",
     {("total_value", 49300000000, "KRW", False)}),
    # a list going on to an amount of its own is no sum
    ("Halden will pay $20 million upfront and milestone payments of up to $300 million.",
     {("upfront", 20000000, "USD", False), ("milestone", 300000000, "USD", True)}),
    # one payment, or a part of a sum, before a list is no sum
    ("Ostvik is eligible to receive up to a total of $200 million, including a $15 million upfront and later milestone payments.",
     {("total_value", 200000000, "USD", True), ("upfront", 15000000, "USD", False)}),
    # a component noun may stand before the conjunction
    ("Corvida keeps half of the $30 million in up front fees and milestones it earns.", {("total_value", 30000000, "USD", False)}),
    # a list going on to an amount of its own is no sum, named by "in" too
    ("Halden will pay $20 million in upfront payments and milestones of up to $100 million.",
     {("upfront", 20000000, "USD", False), ("milestone", 100000000, "USD", True)}),
    # "plus" adds to the amount's component, it lists none of it
    ("Ostvik received $265 million in committed funds plus development and commercial milestones.", {("other", 265000000, "USD", False)}),
])
def test_a_list_of_components_after_one_amount(extractor, sentence, expected):
    assert money(financials(ctx_of(extractor, sentence))) == expected


def test_an_upfront_payment_of_up_to_keeps_its_cue(extractor):
    sentence = "The deal includes an upfront payment of up to $40 million and royalties on sales."
    assert ("upfront", 40000000, "USD", True) in money(financials(ctx_of(extractor, sentence)))


@pytest.mark.parametrize("sentence", [
    "Ostvik will receive ¥2.0 billion as the initial payment and ¥6.5 billion at the time of its approval in Korea.",
    "Ostvik will receive an upfront payment of $40M and an additional $25M based on FDA approval of the tablet.",
])
def test_money_due_on_an_event_to_come_is_a_milestone(extractor, sentence):
    kinds = [f.kind for f in financials(ctx_of(extractor, sentence))]
    assert kinds == ["upfront", "milestone"]


@pytest.mark.parametrize("sentence", [
    "Financial specifics of the deal remain under wraps, but Ostvik said the arrangement includes licence fees.",
    "Zu den finanziellen Details der Vereinbarung machen die Partner keine Angaben.",
])
def test_terms_kept_back_in_other_words(extractor, sentence):
    ctx = ctx_of(extractor, sentence)
    assert disclosure(ctx, financials(ctx))[0] is False


def test_milestones_named_by_a_list_that_opens_on_sales_are_no_sales(extractor):
    sentence = "Ostvik is seeking an upfront payment of $3 million and up to $14 million in sales and development milestones."
    assert ("milestone", 14000000, "USD", True) in money(financials(ctx_of(extractor, sentence)))
    assert money(financials(ctx_of(extractor, "Under the agreement, Halden reported $11 million in sales and a net loss."))) == set()


def test_payments_of_several_kinds_restated_come_to_their_sum(extractor):
    sentence = ("Under the agreement, Halden will receive a one-time license fee, annual maintenance payments and milestone "
                "payments. The various payments may total $12m or more.")
    assert money(financials(ctx_of(extractor, sentence))) == {("total_value", 12000000, "USD", False)}


@pytest.mark.parametrize("sentence", [
    "To date, Ostvik has signed 9 licensing agreements. The contracts, when combined, are worth around 4.1 trillion won, the company added.",
    "This latest agreement pushes the company's total contract value for 2024 to over $2.1 billion.",
])
def test_money_summed_over_many_deals_is_no_term(extractor, sentence):
    assert money(financials(ctx_of(extractor, sentence))) == set()


@pytest.mark.parametrize("text", [
    "Ostvik and Halden signed a licence deal. Ostvik also signed a similar license agreement with Zentro last year. It received 8.1 billion won in upfront payments.",
    ("Ostvik and Halden will develop a saliva test. In December last year, Ostvik formed a similar partnership with Zentro. "
     "The 18-month agreement involved an up to $2.9m grant from Zentro."),
])
def test_the_sentence_after_another_deal_goes_on_about_it(extractor, text):
    ctx = ctx_of(extractor, text)
    assert money(financials(ctx, [party(text, "Ostvik"), party(text, "Halden")])) == set()


def test_the_deal_named_again_after_this_deal_is_this_one(extractor):
    text = "Ostvik and Halden signed a licence deal. The agreement includes $5 million upfront."
    ctx = ctx_of(extractor, text)
    assert money(financials(ctx, [party(text, "Ostvik"), party(text, "Halden")])) == {("upfront", 5000000, "USD", False)}
