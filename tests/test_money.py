"""Money of a deal: amounts by component, background amounts, "terms not disclosed" and the deal's term, on sentences of our own."""

from __future__ import annotations

import pytest

from conftest import ctx_of, party
from mouextract.extract.duration import term
from mouextract.extract.financials import disclosure, financials


def money(extractor, text: str, *names: str) -> set[tuple]:
    found = financials(ctx_of(extractor, text), [party(text, n) for n in names])
    return {(f.kind, f.amount, f.currency) for f in found}


@pytest.mark.parametrize("sentence, expected", [
    # the deal noun an amount modifies makes it the deal's value, whatever the noun
    ("Halden and Corvida agreed to form a $545-million joint venture in Shanghai.", ("total_value", 545000000, "USD")),
    ("Halden signed a $125 million amendment to its collaboration with Corvida.", ("total_value", 125000000, "USD")),
    ("Halden entered into a $2 billion alliance with Corvida on Tuesday.", ("total_value", 2000000000, "USD")),
    # stage words coordinated before the component noun
    ("Halden will pay $12 million upfront, up to $300 million in development and regulatory milestones and royalties.",
     ("milestone", 300000000, "USD")),
    ("Halden will pay up to $90 million in clinical, regulatory and commercial milestones.", ("milestone", 90000000, "USD")),
    # the total value named by its deal noun
    ("Halden received $40 million upfront, for a total transaction value of up to $800 million.", ("total_value", 800000000, "USD")),
    # a payment tied to sales is a milestone
    ("Halden will also pay Corvida up to $60 million in a sales-related payment.", ("milestone", 60000000, "USD")),
    # payments still to come, with no other word for them, are milestones
    ("If Halden exercises the option, Corvida is eligible to receive additional payments of up to $400 million.",
     ("milestone", 400000000, "USD")),
    # a contribution is money changing hands: to research it funds the research, to a joint venture it buys a share of
    # it, to set something up it is spending
    (("The universities signed a research pact last month. Ostvik will contribute 2 billion yen each year to the lab's "
      "vaccine research."), ("research_funding", 2000000000, "JPY")),
    (("Halden and Ostvik formed a joint venture. Ostvik will contribute about $6 million over two years to support the joint "
      "venture's operations."), ("equity", 6000000, "USD")),
    (("Halden and Ostvik signed a partnership. Ostvik will contribute $40 million to establish two imaging centres and further "
      "research."), ("other", 40000000, "USD")),
])
def test_components_of_common_constructions(extractor, sentence, expected):
    assert expected in money(extractor, sentence)


def test_a_collaboration_payment_is_no_deal_value(extractor):
    found = money(extractor, "Under the licence agreement, Halden will make a $15 million collaboration payment to Corvida.")
    assert ("total_value", 15000000, "USD") not in found


def test_two_equal_amounts_of_one_sentence_are_two(extractor):
    text = "Under the agreement, Halden will buy supplies from Corvida for $8 million and pay another $8 million upon a milestone."
    found = financials(ctx_of(extractor, text), [])
    assert sorted(f.amount for f in found if f.amount) == [8000000, 8000000]


def test_milestones_of_two_stages_with_one_amount_are_two(extractor):
    text = ("Halden will be entitled to a $50 million regulatory milestone payment.\n\n"
            "Halden is also eligible for up to $50 million in sales milestones under the licence.")
    found = [f for f in financials(ctx_of(extractor, text), []) if f.kind == "milestone"]
    assert len(found) == 2


def test_a_headline_restating_a_conversion_is_that_conversion(extractor):
    text = ("Halden to buy stake in Corvida for $150 million\n\n"
            "Halden will acquire a 20 percent stake in Corvida for 200 billion won ($150 million), the companies said.")
    assert money(extractor, text, "Halden", "Corvida") == {("equity", 200000000000, "KRW")}


@pytest.mark.parametrize("sentence, expected", [
    ("Halden said it has invested a total of $30 million in Corvida.", ("equity", 30000000, "USD")),
    ("The fund will pump $10 million into Halden, a new vaccine maker.", ("equity", 10000000, "USD")),
    ("Corvida is eligible for milestone payments totaling $500 million under the licence.", ("milestone", 500000000, "USD")),
])
def test_a_total_of_one_component_is_that_component(extractor, sentence, expected):
    assert money(extractor, sentence) == {expected}


@pytest.mark.parametrize("text", [
    # a deal the story sets beside this one
    "Halden signs licence with Corvida\n\nThe news comes as rival Zentro agreed a deal worth around $3 billion to go private.",
    "Halden signs licence with Corvida\n\nThe deal came shortly after Halden sealed $900 million partnership contracts with Zentro.",
    # an earlier deal of a party
    "Halden signs licence with Corvida\n\nHalden previously licensed a different antibody to Zentro for $40 million upfront.",
    "Halden signs licence with Corvida\n\nThe deal follows Halden's $2 billion acquisition of Zentro in January.",
    # money received over years, and a party's valuation
    "Halden signs licence with Corvida\n\nCorvida has received more than $50 million in grants from public funders since 2015.",
    "Halden signs licence with Corvida\n\nCorvida is valued at $1.2 billion.",
    # other deals of a party, listed
    "Halden signs licence with Corvida\n\nHalden has made a number of deals this year, including a $2 billion acquisition of Zentro.",
    # money a party received last year, and a product sized by its sales
    "Halden signs licence with Corvida\n\nIn March of last year, Corvida received a milestone payment of $5 million from Halden.",
    "Halden signs licence with Corvida\n\nThe licence lets Corvida sell a copy of Halden's $12 billion arthritis drug Velmora.",
    "Halden signs licence with Corvida\n\nThe deal builds on earlier work: in 2019 Corvida received a $2 million grant from Halden.",
    "Halden signs licence with Corvida\n\nHalden said the European market for the enzyme, a key part of the kit, is worth EUR 900 million.",
    "Halden signs licence with Corvida\n\nThe rights go back to Halden from Tamsin, which was acquired by Zentro last year for $9 billion.",
])
def test_deals_set_beside_this_one_are_background(extractor, text):
    assert money(extractor, text, "Halden", "Corvida") == set()


@pytest.mark.parametrize("sentence", [
    "The company did not reveal the name of its new partner or the value of the deal.",
    "Finanzielle Details der Vereinbarung wurden nicht offengelegt.",
    "Les conditions financières de l'accord n'ont pas été divulguées.",
    "Financial terms were kept confidential.",
    "Financial terms weren't disclosed.",
    "Details of the financial arrangement were not made available.",
    "Financial terms of the deal are not being disclosed.",
    "The companies have not disclosed the financial terms of the licence.",
    "Halden declined to give financial details.",
    "No financial details were provided.",
    "Details on the financial terms were not provided.",
    "Halden licenses HX-301 to Corvida. Financial terms not disclosed.",
    "Halden and Corvida agreed not to disclose the specific financial terms of the licence.",
    "Neither company is discussing financial terms of the five-year deal.",
    "Halden would not discuss the value of the agreement.",
    "Halden did not say how much it will pay Corvida for the rights.",
])
def test_more_words_saying_terms_were_not_disclosed(extractor, sentence):
    assert disclosure(ctx_of(extractor, sentence), [])[0] is False


@pytest.mark.parametrize("text, duration", [
    # an amount between the duration and its noun
    ("The agency awarded Halden a five-year, $40 million contract for the vaccine.", "P5Y"),
    ("The co-operation between the two firms will last for 20 years.", "P20Y"),
    ("The term of the supply agreement is seven years from the first delivery.", "P7Y"),
    ("Halden and Corvida signed an eighteen-month research agreement.", "P18M"),
    # money committed over a period, and a project's span
    ("Halden has committed EUR 12 million over four years and a team of chemists to the effort.", "P4Y"),
    ("Corvida is one of nine partners in the two-year project.", "P2Y"),
    # the work of the agreement during a period
    ("Under the agreement, Halden will transfer the technology to Corvida during the next five years.", "P5Y"),
])
def test_terms_of_common_constructions(extractor, text, duration):
    assert term(ctx_of(extractor, text))[0] == duration


def test_a_share_of_sales_is_a_royalty(extractor):
    text = "Under the licence agreement, Corvida will receive a percentage of the net sales of the product."
    assert [f.kind for f in financials(ctx_of(extractor, text), [])] == ["royalty"]


def test_a_component_word_in_an_organisation_name_is_no_cue(extractor):
    text = "The state-owned National Development Fund will pump in $20 million to help establish Halden Biologics, a new drug developer."
    assert ("research_funding", 20000000, "USD") not in money(extractor, text)


def test_a_headline_amount_takes_the_body_component(extractor):
    text = "Halden and Corvida launch $36 million vaccine collaboration\n\nHalden will provide Corvida with up to $36 million in research funding."
    assert money(extractor, text, "Halden", "Corvida") == {("research_funding", 36000000, "USD")}


def test_a_total_of_two_components_stays_a_total(extractor):
    text = "Halden will pay Corvida upfront and potential development and sales milestone payments totalling up to $240 million."
    assert money(extractor, text) == {("total_value", 240000000, "USD")}


@pytest.mark.parametrize("sentence, expected", [
    # the value of goods a supply deal covers
    ("Under the supply agreement, Halden will supply at least $25 million worth of its antibiotic to Corvida.", ("total_value", 25000000, "USD")),
    # the component noun, then its payee, then the amount
    ("Corvida would pay milestone payments to Halden Bio of up to $9 million under the agreement.", ("milestone", 9000000, "USD")),
    ("Corvida will make an upfront payment to Halden in the amount of EUR 6 million.", ("upfront", 6000000, "EUR")),
    # a manufacturing order is the deal itself
    ("Halden has secured a manufacturing order worth $18 million from Corvida.", ("total_value", 18000000, "USD")),
    # money a party is eligible to receive, with no other word for it, is still to be earned
    ("Under the licence agreement, Corvida is eligible to receive up to $300 million.", ("milestone", 300000000, "USD")),
    # the deal's value is no party's valuation
    ("The licence agreement is valued at $1.2 billion.", ("total_value", 1200000000, "USD")),
    # a payment due after a regulator's decision is a milestone
    ("Corvida will make an additional $25 million payment to Halden in the quarter following the agency's approval.", ("milestone", 25000000, "USD")),
    ("Halden will reimburse Corvida for R&D costs of up to $12 million.", ("research_funding", 12000000, "USD")),
    # royalties and other money together: the deal's total
    ("The licence could bring Halden as much as $500 million in royalty payments and other income.", ("total_value", 500000000, "USD")),
    # Korean releases capitalise the currency word
    ("Halden will pay Corvida 10 billion Won upfront.", ("upfront", 10000000000, "KRW")),
    ("Corvida will receive $5 million upon closing of the licence agreement.", ("upfront", 5000000, "USD")),
    ("The licence brings Corvida $900 million in biobucks.", ("total_value", 900000000, "USD")),
    # "Rs" in an article about a Pakistani firm
    ("Halden, a drugmaker based in Karachi, Pakistan, signed a contract worth Rs2.5 billion with Corvida.", ("total_value", 2500000000, "PKR")),
    ("Lahore-based Pakistani drugmaker Halden signed a contract worth Rs2.5 billion with Corvida of India.", ("total_value", 2500000000, "PKR")),
    ("Halden signed a contract worth Rs2.5 billion with Corvida of Delhi.", ("total_value", 2500000000, "INR")),
    # European number styles: a decimal comma and a German magnitude word, the currency after it
    ("Halden erhält von Corvida eine Vorabzahlung von 3,8 Millionen US-Dollar.", ("upfront", 3800000, "USD")),
    ("Corvida zahlt Halden EUR 2,25 Mio. für die Rechte.", ("other", 2250000, "EUR")),
    ("Corvida zahlt bis zu 1,1 Mrd. EUR an Meilensteinzahlungen.", ("milestone", 1100000000, "EUR")),
    # French and Italian magnitudes with "d'" / "di" before the currency
    ("Halden recevra de Corvida un paiement initial de 7,5 millions d'euros.", ("upfront", 7500000, "EUR")),
    ("Corvida verserà a Halden 40 milioni di euro in pagamenti legati alle vendite.", ("milestone", 40000000, "EUR")),
    # Spanish "millones de dólares"
    ("Corvida pagará a Halden 15 millones de dólares por el acuerdo.", ("other", 15000000, "USD")),
    # Nordic words; "kroner" in a Norwegian article is the Norwegian krone
    ("Den norske Halden modtager 60 millioner kroner i forudbetaling fra Corvida.", ("upfront", 60000000, "NOK")),
    ("Halden får 4,5 miljoner kronor av Corvida enligt avtalet.", ("other", 4500000, "SEK")),
    # an abbreviation followed by a currency symbol
    ("Corvida betaler Halden 12 mio. kr. ifølge aftalen med danske Halden.", ("other", 12000000, "DKK")),
    # an English "1,5 million" is one and a half million, not five
    ("Halden will pay 1,5 million euros upfront.", ("upfront", 1500000, "EUR")),
])
def test_more_components_of_common_constructions(extractor, sentence, expected):
    assert expected in money(extractor, sentence)


def test_assets_brought_to_a_venture_are_no_equity(extractor):
    text = "Under the joint venture agreement, Halden will contribute the equivalent of $47 million in assets."
    assert money(extractor, text) == {("other", 47000000, "USD")}


def test_items_of_a_list_take_their_introduction_component(extractor):
    text = ("Halden invests in two vaccine makers\n\nHalden's first investments under the programme include:\n\n"
            "  • $10 million in Corvida, a maker of flu vaccines.\n  • $25 million in Zentro Bio, a maker of mRNA vaccines.\n")
    assert money(extractor, text, "Halden") == {("equity", 10000000, "USD"), ("equity", 25000000, "USD")}


@pytest.mark.parametrize("text", [
    # a party described by its registered capital
    "Halden signs supply deal with Corvida\n\nCorvida is a state-owned enterprise with a registered capital of 113 million yuan.",
    # spending, not a payment
    "Halden signs research deal with Corvida\n\nHalden said the agreement lets it raise its research spending to some £1 billion.",
])
def test_capital_and_spending_of_a_party_are_background(extractor, text):
    assert money(extractor, text, "Halden", "Corvida") == set()


def test_a_thousands_comma_stays_a_thousands_comma(extractor):
    assert ("other", 1250000000, "USD") in money(extractor, "Under the agreement, Halden will pay 1,250 million dollars.")


def test_a_figure_without_currency_takes_the_article_one(extractor):
    text = ("Corvida zahlt Halden 8 Millionen Euro bei Vertragsunterzeichnung. Insgesamt steigt der Betrag auf bis zu 95 Millionen, "
            "abhängig von Meilensteinen. Halden hat 3 Millionen Kunden.")
    found = financials(ctx_of(extractor, text), [])
    assert {(f.amount, f.currency, f.up_to) for f in found} == {(8000000, "EUR", False), (95000000, "EUR", True)}


def test_a_figure_without_currency_in_an_article_of_two_currencies_is_no_amount(extractor):
    text = "Corvida zahlt Halden 8 Millionen Euro und 2 Millionen US-Dollar. Der Betrag kann auf 95 Millionen steigen."
    assert {f.amount for f in financials(ctx_of(extractor, text), [])} == {8000000, 2000000}


def test_indian_digit_groups_are_one_figure(extractor):
    text = "Under the agreement, Halden will pay Corvida Rs 4,75,00,000 for the licence."
    assert ("other", 47500000, "INR") in money(extractor, text)


@pytest.mark.parametrize("text", [
    "Halden schließt Lizenzvertrag mit Corvida\n\nHalden erzielte 2023 einen Umsatz von 410 Millionen Euro.",
    "Halden signe un accord avec Corvida\n\nHalden a réalisé un chiffre d'affaires de 95 millions d'euros en 2023.",
])
def test_revenue_in_european_languages_is_background(extractor, text):
    assert money(extractor, text, "Halden", "Corvida") == set()


@pytest.mark.parametrize("sentence, expected", [
    # money handed back is no component of the deal
    ("Under the amended licence, Halden will return EUR 80 million of its upfront payment to Corvida.", ("other", 80000000, "EUR")),
    # money of the deal named by none of the components
    ("Halden has received an upfront payment of $30 million and a development fee of $12 million from Corvida.",
     ("other", 12000000, "USD")),
    ("On closing, Corvida would pay Halden the agreed option exercise price of about $90 million.", ("other", 90000000, "USD")),
    # money promised to a joint effort
    ("Corvida has pledged $15 million over four years to its research alliance with Halden.", ("research_funding", 15000000, "USD")),
    # a bare dollar sign takes the code written after the amount
    ("The agreement with Corvida includes upfront and milestone payments of up to $2,5M CAD for Halden.", ("milestone", 2500000, "CAD")),
])
def test_components_named_by_their_own_words(extractor, sentence, expected):
    assert expected in money(extractor, sentence, "Halden", "Corvida")


def test_an_accounting_charge_restates_a_payment(extractor):
    text = ("Halden will pay Corvida an upfront payment of $70 million under the licence.\n\n"
            "Halden will record a pre-tax charge of $70 million, or $0.05 per share, in the first quarter.")
    assert money(extractor, text, "Halden", "Corvida") == {("upfront", 70000000, "USD")}


def test_a_deal_between_other_organisations_is_background(extractor):
    text = ("Halden licensed its antibody to Corvida for $40 million upfront.\n\n"
            "Elsewhere, Brightwater Pharma has partnered with Tamsin Biologics, gaining rights to a vaccine "
            "for $200 million up front, plus $500 million in potential milestone payments.")
    found = money(extractor, text, "Halden", "Corvida")
    assert ("upfront", 40000000, "USD") in found
    assert not {a for _, a, _ in found} & {200000000, 500000000}


def test_equal_items_of_a_list_stay_two(extractor):
    text = ("Halden announced its first investments under the programme. Halden's investments include:\n\n"
            "  • $15 million in Corvida Therapeutics, a clinical-stage company.\n"
            "  • $15 million in Brightwater Bio, a privately held company.\n"
            "  • $30 million in Tamsin Medicines, a gene therapy company\n")
    found = financials(ctx_of(extractor, text), [party(text, "Halden")])
    assert sorted(f.amount for f in found if f.amount) == [15000000, 15000000, 30000000]


def test_a_fact_sheet_line_is_one_sentence(extractor):
    # a party named further on a fact sheet's line counts, wherever the parser cuts the line
    text = ("Halden and Corvida to form a joint venture\n\n"
            "2. Joint Venture Company: Planned Overview\n\n"
            "Name To be determined CEO Maren Olsby, PhD Location Kobe Science Park (Kobe, Hyogo, Japan) "
            "Capital Approximately 800 million yen (including capital reserve) Capital Structure Halden 50%, Corvida 50% "
            "Establishment Early 2026\n")
    assert ("equity", 800000000, "JPY") in money(extractor, text, "Halden", "Corvida")


@pytest.mark.parametrize("text, expected", [
    # a component noun linked to its amount by a copula
    ("Under the agreement, the total purchase amount is 30 million dollars, part of it to be paid in Halden shares.",
     ("total_value", 30000000, "USD")),
    # "that figure" restates the amount of the sentence before
    (("Halden's original contract with Corvida was worth EUR 2 billion. That figure was later cut to EUR 1.5 billion, "
      "reflecting lower fees for joint research."), ("total_value", 1500000000, "EUR")),
])
def test_a_component_named_by_a_copula_or_a_restatement(extractor, text, expected):
    assert expected in money(extractor, text, "Halden", "Corvida")


def test_a_product_word_before_a_deal_word_keeps_the_amount(extractor):
    # "a $10 million drug discovery deal" sizes the deal, not a drug
    text = "Halden and Corvida signed a $10 million drug discovery deal, Halden said."
    assert {a for _, a, _ in money(extractor, text, "Halden", "Corvida")} == {10000000}


def test_a_sentence_naming_the_deal_keeps_its_funder_amount(extractor):
    # a funder named beside the deal is no other story ("signed a consortium agreement ... with EUR X of funding")
    text = ("Four partners launch consortium on rare epilepsy\n\n"
            "A consortium of four institutes today signed a consortium agreement to develop a gene therapy, "
            "with EUR 6 million of funding from the Nordic Research Council.\n\n"
            "The consortium comprises:\n• Halden Institute, Norway\n• Corvida University, Sweden\n")
    assert {a for _, a, _ in money(extractor, text, "Halden Institute", "Corvida University")} == {6000000}


@pytest.mark.parametrize("text, background", [
    # a bound of sales that sets a royalty tier
    ("Corvida will pay Halden $40 million upfront and royalties of 10 - 15% on net sales up to $250 million.", 250000000),
    # the earlier figure of a change
    ("Under the extended deal, Corvida is raising its support for Halden from $80 million a year to $120 million.", 80000000),
    # a balance to date, a stock offering
    ("Halden signs a licence deal with Corvida.\n\nCorvida has invested $12 million in start-ups to date.", 12000000),
    ("Halden signs a licence deal with Corvida.\n\nCorvida is listing a $300 million IPO that could grow.", 300000000),
    # a sentence opening on an earlier deal
    ("Halden signed a $90 million supply deal with Corvida.\n\nEarlier, Halden signed a supply contract worth $600 million with Corvida.",
     600000000),
])
def test_bounds_changes_balances_and_earlier_deals_are_background(extractor, text, background):
    assert background not in {a for _, a, _ in money(extractor, text, "Halden", "Corvida")}


@pytest.mark.parametrize("sentence", [
    "Halden will invest $300 million in its Ostvik battery facility to supply Corvida.",
    "Halden is investing 900 million yuan ($130 million) in hospital developments with Corvida.",
    "Halden and Corvida will invest Rs 400 crore to set up their manufacturing units.",
])
def test_spending_on_facilities_is_no_equity(extractor, sentence):
    assert "equity" not in {k for k, _, _ in money(extractor, sentence, "Halden", "Corvida")}


def test_royalties_a_negation_lists_are_none(extractor):
    text = ("Halden signs supply deal with Corvida.\n\n"
            "The prices payable to Corvida are per unit only and do not include any licence fees or royalties.")
    assert "royalty" not in {k for k, _, _ in money(extractor, text, "Halden", "Corvida")}


def test_a_hard_wrapped_sentence_keeps_its_component(extractor):
    text = ("Halden signs licence with Corvida\n\nUnder the terms of the agreement, Halden will make an upfront payment\n"
            "of $45 million to Corvida for rights to the programme. Upon\nsuccess, the two will share costs.\n")
    assert ("upfront", 45000000, "USD") in money(extractor, text, "Halden", "Corvida")


@pytest.mark.parametrize("sentence, expected", [
    ("Halden made a commitment to pay more than a billion dollars to Corvida over eight years.", (1000000000, "USD")),
    ("Under the agreement, Halden will pay Corvida one billion yen for the licence.", (1000000000, "JPY")),
])
def test_spelt_out_figures_are_amounts(extractor, sentence, expected):
    assert expected in {(a, c) for _, a, c in money(extractor, sentence, "Halden", "Corvida")}


def test_a_bare_n_is_the_naira_in_a_nigerian_story(extractor):
    text = ("The Nigerian government and Halden signed the joint venture agreement in Abuja.\n\n"
            "Under the plan, Halden will make equity contributions of N1.3 billion to the venture.")
    assert ("equity", 1300000000, "NGN") in money(extractor, text, "Halden")
    other = "Halden signed the joint venture agreement.\n\nUnder the plan, Halden will make equity contributions of N1.3 billion."
    assert "NGN" not in {c for _, _, c in money(extractor, other, "Halden")}


def test_a_joint_effort_the_amount_modifies_is_the_deal_value(extractor):
    text = "Halden and Corvida will work with the institute in a $230 million initiative to find new treatments."
    assert ("total_value", 230000000, "USD") in money(extractor, text, "Halden", "Corvida")


def test_dated_deals_of_others_are_background(extractor):
    text = ("Halden signs antibody deal with Corvida\n\nCorvida will pay Halden $90 million upfront under the agreement.\n\n"
            "Other drugmakers have also formed such partnerships this year. Brightwater Bio agreed in October to pay Tamsin "
            "$120 million upfront for a cell therapy collaboration, with undisclosed royalties. In July, Ostvik Pharma committed "
            "up to $5 billion in an AI-driven partnership with Velmora.")
    found = money(extractor, text, "Halden", "Corvida")
    assert found == {("upfront", 90000000, "USD")}


def test_this_deals_money_agreed_earlier_stays(extractor):
    text = ("Halden and Corvida extend their licence\n\nCorvida will pay Halden $7 million upfront. "
            "The $650 million sales milestone payment agreed in 2019 now covers both licence deals.")
    assert ("milestone", 650000000, "USD") in money(extractor, text, "Halden", "Corvida")


def test_what_the_deal_could_reach_is_its_value(extractor):
    text = ("The agreement includes an upfront payment of $90 million from Halden and could reach over $1 billion "
            "if development and commercial milestones are met.")
    assert ("total_value", 1000000000, "USD") in money(extractor, text, "Halden", "Corvida")


@pytest.mark.parametrize("text", [
    "Halden, Corvida and Ostvik form a vaccine consortium\n\nThe three companies taking part plan to inject more than 700 billion won.",
    "Halden wins distribution deal with Corvida\n\nThe purchase order is worth approximately C$3.5 million.",
])
def test_a_sentence_naming_the_parties_by_a_count_or_the_order_is_of_the_deal(extractor, text):
    assert money(extractor, text, "Halden", "Corvida")


def test_a_list_of_a_partys_other_deals_is_background(extractor):
    text = ("Halden will give Corvida a $150 million upfront payment under the expanded collaboration. "
            "Halden has also made a number of oncology deals this year, including a $4.7 billion acquisition of Zentro Inc., "
            "a partnership with Tamsin Bio Inc., and a $275 million stake in Ostvik Pharma Inc.")
    found = money(extractor, text, "Halden", "Corvida")
    assert ("upfront", 150000000, "USD") in found
    assert not {a for _, a, _ in found} & {4700000000, 275000000}


def test_rupees_written_in_capitals_are_rupees(extractor):
    text = "Halden invests in Corvida\n\nHalden announced an investment of RS 1,070 crore in Corvida on Wednesday."
    assert ("equity", 10_700_000_000, "INR") in money(extractor, text, "Halden", "Corvida")
