"""Assets with their phase and aliases, and rights territories, on sentences of our own."""

from __future__ import annotations

import re

import pytest

from conftest import ctx_of, party
from mouextract.extract.assets import assets
from mouextract.extract.territory import territory


def assets_of(extractor, text: str) -> list[tuple[str, list[str], str | None]]:
    return [(a.name, a.aliases, a.phase) for a in assets(ctx_of(extractor, text), [])]


@pytest.mark.parametrize(("sentence", "granted", "excluded"), [
    # the licensor keeps one country: the licensee has the rest of the world
    ("Under the license agreement, Halden will retain development and commercialization rights in Japan.", ["WORLD"], ["JP"]),
    # a condition after the region does not make it an adjective
    ("Under the agreement, Corvida has the exclusive right to commercialize CRV-210 in the US upon regulatory approval.", ["US"], []),
    # what an exclusion word leaves out is an indication: the regions after it are granted
    (("Ostvik Pharma will gain exclusive rights for all indications in Japan, and rights excluding prostate cancer in "
     "South Korea, Taiwan and Australia."), ["JP", "KR", "TW", "AU"], []),
    # a list broken by a line keeps the side its first member took
    (("Ostvik Pharma will be responsible for commercial activities, with Halden Biologics retaining exclusive rights in China and\n"
     "South Korea."), ["WORLD"], ["CN", "KR"]),
    # the Chinese mainland written noun-last is China, beside the regions excluded with it
    ("Ostvik Pharma obtains exclusive worldwide rights (excluding the Chinese mainland and Hong Kong) to the antibody.",
     ["WORLD"], ["CN", "HK"]),
    # unnamed members of a group are no territory: only the countries named are
    ("Ostvik Pharma gains exclusive rights to sell the kit in Chile and in a number of countries in Southeast Asia.", ["CL"], []),
    # where a product is already approved is no territory of the deal, however the parse hangs the list
    (("Halden granted Ostvik Pharma exclusive rights to the tablet in Canada. The tablet has obtained marketing approvals "
      "in Peru, Chile and Norway."), ["CA"], []),
    # a share move that came after the deal reports this deal, no earlier one
    (("Halden stock slides\n\nHalden shares fell 12% on Monday.\nThe decline came after Halden Pharma sold the worldwide license for "
     "its drug HX-23 to Ostvik Pharma, excluding Japan."), ["WORLD"], ["JP"]),
    # a region before a job title names a post, no territory
    (("Halden granted Ostvik Pharma exclusive rights to the tablet in Canada, said Nora Lind, International and Japan President "
     "of Ostvik Pharma."), ["CA"], []),
    # a partnership called global spans the world
    ("Halden Biologics and Ostvik Pharma will split the costs of the work under their global partnership.", ["WORLD"], []),
    # where goods are delivered is the deal's territory, a verb after the region notwithstanding
    ("Under the agreement, vaccine deliveries to Norway could begin in the second half of the year.", ["NO"], []),
    # "supply all of" a region, "with the exception of" one member
    ("The deal allows Ostvik to supply all of Scandinavia with the exception of Norway.", ["DK", "SE"], ["NO"]),
    # local production a deal sets up (a technology transfer) is for that country
    ("Ostvik and Halden agreed to locally produce the vaccine in Kenya.", ["KE"], []),
    # a product introduced to a country with a partner
    ("Halden will introduce its Velmora tablets to Chile in partnership with Ostvik.", ["CL"], []),
    # "in both X and Y": the quantifier keeps the first region in the list
    ("The joint venture will develop and commercialize generic medicines in both Peru and Colombia.", ["PE", "CO"], []),
    # "ex-US" before a noun phrase that ends on the deal: the rest of the world, the US left out
    ("Halden and Ostvik sign an exclusive ex-US licensing agreement for HX-4.", ["WORLD"], ["US"]),
    ("Ostvik obtains ex-U.S. regulatory and commercial rights to HX-4.", ["WORLD"], ["US"]),
    # exclusive rights far back in a long sentence still bound the regions the parse ties to them
    (("Ostvik will pay Halden $40 million upfront for exclusive rights to the oral kinase inhibitor velmatinib for the potential "
      "treatment of systemic lupus erythematosus and cutaneous lupus worldwide and of certain inflammatory skin diseases outside of Japan, the companies said."), ["WORLD"], ["JP"]),
    # a deal bounded by what it leaves out, no rights word in sight
    ("Halden and Ostvik announced a worldwide collaboration outside Japan for HX-4.", ["WORLD"], ["JP"]),
    # royalties or sales milestones paid on the world's sales: the partner's rights span the world
    ("Halden has licensed HX-4 to Ostvik and may also collect tiered royalties based upon worldwide net sales.", ["WORLD"], []),
    ("Halden may earn a further $90 million on reaching certain global sales milestones for HX-4 under the licence.", ["WORLD"], []),
    # a licence's legal reach written out
    ("Halden granted Ostvik an exclusive license to its coating method for use in dental implants throughout the universe.", ["WORLD"], []),
])

def test_territory_constructions(extractor, sentence, granted, excluded):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is not None
    assert (found.granted, found.excluded) == (granted, excluded)


def test_another_agreements_territory_is_not_this_deals(extractor):
    text = ("Halden and Corvida sign a licence deal\n\nHalden granted Corvida exclusive rights to CRV-210 in Korea. "
            "Under a previous license agreement with Medra, Corvida gained commercialization rights in Japan to another drug.")
    found = territory(ctx_of(extractor, text), [])
    assert found is not None
    assert (found.granted, found.excluded) == (["KR"], [])


def test_a_non_partys_territory_is_not_this_deals(extractor):
    text = ("Halden and Corvida sign a licence deal\n\nHalden granted Corvida exclusive rights to CRV-210 in Korea. "
            "Medra Pharmaceuticals holds the commercialization rights to CRV-210 in Japan.")
    found = territory(ctx_of(extractor, text), [party(text, "Halden"), party(text, "Corvida")])
    assert found is not None
    assert (found.granted, found.excluded) == (["KR"], [])


def test_what_the_agreement_covers_is_its_territory(extractor):
    text = "Halden and Corvida sign a licence deal\n\nThe agreement covers the US, Canada and Mexico."
    found = territory(ctx_of(extractor, text), [])
    assert found is not None
    assert (sorted(found.granted), found.excluded) == (["CA", "MX", "US"], [])


@pytest.mark.parametrize("text", [
    # a ranking's scope
    "Halden has licensed out CRV-210 to Corvida, the third-largest drugmaker in Germany, for commercialization in Canada.",
    "Halden licensed CRV-210 to Corvida for Canada. Canada is the largest market in North America after the US for such products.",
    # a market described
    "Halden licensed CRV-210 to Corvida for Canada. The Brazilian market for such eye drops is still small, Halden said.",
    # where a named company is from
    "Halden has licensed the rights to develop and market CRV-210 in Canada to Ostvik Pharmaceuticals (OP) of the UK.",
])
def test_where_a_party_or_a_market_stands_is_no_territory(extractor, text):
    found = territory(ctx_of(extractor, text), [])
    assert found is not None
    assert (found.granted, found.excluded) == (["CA"], [])


def test_a_global_partnership_word_modifying_another_noun_is_no_territory(extractor):
    text = "Halden Biologics and Ostvik Pharma signed a licence deal. Nora Lind will head global partnership efforts at Halden."
    assert territory(ctx_of(extractor, text), []) is None


def test_in_and_outside_a_country_bounds_nothing(extractor):
    text = "Halden signed an exclusive agreement with Corvida to explore a partnership in and outside Japan."
    found = territory(ctx_of(extractor, text), [])
    assert found is None or not (found.granted or found.excluded)


def test_brand_beside_inn_is_an_alias_and_marketed(extractor):
    text = "Under the license agreement, Corvida gains exclusive rights to Velmora® (tarnolimab), now in a phase 3 trial in a new indication."
    assert assets_of(extractor, text) == [("Velmora", ["tarnolimab"], "marketed")]


@pytest.mark.parametrize("sentence", [
    "Under the license agreement, Corvida gains exclusive rights to Velmora® in Japan.",  # a registered mark
    "Under the license agreement, Corvida gains exclusive rights to Velmora (tarnovastine) in Japan.",  # a brand with its generic name
])
def test_brand_names_are_marketed_assets(extractor, sentence):
    assert [(a[0], a[2]) for a in assets_of(extractor, sentence)] == [("Velmora", "marketed")]


@pytest.mark.parametrize(("sentence", "name"), [
    # a possessive pronoun before a brand and a product noun, as a company's name before it does
    ("Halden said it would introduce its Velmora product to Japan under a license agreement with Corvida.", "Velmora"),
    # a brand written in mixed case
    ("Under the supply agreement, Corvida will distribute their VelFlow drug in Korea.", "VelFlow"),
])
def test_brand_after_a_possessive_pronoun(extractor, sentence, name):
    assert [a[0] for a in assets_of(extractor, sentence)] == [name]


def test_people_in_a_photo_caption_are_no_brands(extractor):
    text = "Halden CEO James Corlett (third from right) and Corvida chair Anna Brisk (second from left) signed the supply agreement."
    assert assets_of(extractor, text) == []


def test_a_partys_own_product_described_in_passing_is_not_the_deals(extractor):
    text = ("Halden and Corvida sign a co-promotion deal\n\nUnder the agreement, Corvida will co-promote CRV-438 with "
            "Halden Pharmaceuticals Inc., whose product Tarvelin® leads the market.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-438"]


def test_inn_beside_code_is_an_alias_not_a_brand(extractor):
    text = "Under the license agreement, Corvida gains exclusive rights to Tarnolimab (CRV-210), a phase 2 antibody."
    assert assets_of(extractor, text) == [("Tarnolimab", ["CRV-210"], "phase_2")]


def test_slashed_codes_are_one_asset(extractor):
    text = "Halden and Corvida signed a license agreement for the vaccine HX-4410/CV-77, now in a Phase 2 trial."
    assert assets_of(extractor, text) == [("HX-4410/CV-77", ["HX-4410", "CV-77"], "phase_2")]


@pytest.mark.parametrize("sentence", [
    "Under the collaboration agreement, Halden will apply its peptide platform to targets chosen by Corvida.",  # an English word with a drug stem
    "The license agreement lets Corvida sell the product in the USA 181 days after the first launch.",  # a count, not a code
    "Under the supply agreement, Halden will buy the company's Gaucher disease treatment for five years.",  # a disease, not a brand
])
def test_no_asset(extractor, sentence):
    assert assets_of(extractor, sentence) == []


def test_another_agreements_product_is_not_this_deals(extractor):
    text = ("Halden and Corvida sign a licence deal\n\nUnder the license agreement, Corvida gains rights to CRV-210. "
            "The deal follows a similar agreement in 2019 for Halden's HX-901.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_product_introduced_outside_the_deal_sentences(extractor):
    text = ("Halden and Corvida sign a supply agreement\n\nHalden signed a supply agreement with Corvida on Monday. "
            "The plant in Ohio opened in 2015. It employs 300 people. Its staff will make the drug, CRV-77, for gout patients.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-77"]


def test_inn_stems_of_growth_factors_and_proteasome_inhibitors(extractor):
    text = "Under the license agreement, Corvida gains rights to pegvalgrastim and carfozomib in Japan."
    assert [a[0] for a in assets_of(extractor, text)] == ["pegvalgrastim", "carfozomib"]


def test_programme_named_by_target_and_mechanism(extractor):
    text = "Halden granted Corvida an exclusive license to its oral GLP-1 receptor agonist for obesity."
    assert [a[0] for a in assets_of(extractor, text)] == ["GLP-1 receptor agonist"]


def test_ind_filing_ahead_is_preclinical(extractor):
    text = "Under the license agreement, Corvida will file an IND application for CRV-310 next year."
    assert assets_of(extractor, text) == [("CRV-310", [], "preclinical")]


@pytest.mark.parametrize("code", ["PF-06651600", "JNJ-64041575", "BNT162b2", "BAY 2927088"])
def test_long_and_lettered_codes(extractor, code):
    # seven- and eight-digit sponsor codes, a code with a lowercase letter inside
    text = f"Under the license agreement, Corvida gains exclusive rights to {code} in Japan."
    assert [a[0] for a in assets_of(extractor, text)] == [code]


def test_code_named_in_the_headline(extractor):
    # a deal sentence the reader does not recognise (here in German): the headline's code is still the asset
    text = "Halden stellt CRV-519 her\n\nDas Unternehmen wird den Wirkstoff für Corvida herstellen. Das Werk liegt in Basel."
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-519"]


def test_registered_mark_written_in_letters_is_an_alias(extractor):
    text = "Under the license agreement, Corvida gains exclusive rights to Velmora(R) in Japan."
    assert assets_of(extractor, text)[0][:2] == ("Velmora", ["Velmora(R)"])


@pytest.mark.parametrize(("sentence", "name"), [
    # a brand as the object of a deal's noun, with no trade mark sign
    ("Halden signed a ten-year agreement for Velmora, which it sells in Europe.", "Velmora"),
    ("Under the license agreement, Corvida gains exclusive rights to Dermavon in Japan.", "Dermavon"),
    # a programme named by the disease its vaccine prevents
    ("Under the collaboration, Corvida will fund the development of its Marburg virus vaccine.", "Marburg virus vaccine"),
    # newer INN stems
    ("Under the license agreement, Corvida gains rights to belzogepant in Japan.", "belzogepant"),
    # a product named with its dosage form
    ("Under the export agreement, Halden will supply Tarvelin Capsule 250mg to Corvida.", "Tarvelin Capsule 250mg"),
    ("Under the export agreement, Halden will supply Corvida with Tarvelin SR tablet.", "Tarvelin SR tablet"),
])
def test_named_without_a_code(extractor, sentence, name):
    assert [a[0] for a in assets_of(extractor, sentence)] == [name]


def test_nationality_is_no_brand(extractor):
    text = "Under the license agreement, Corvida gains rights to market Chinese medicines in Europe."
    assert assets_of(extractor, text) == []


def test_security_number_is_no_code(extractor):
    text = "Under the license agreement, Corvida (ISIN: DE0001234567) gains exclusive rights to CRV-210 in Japan."
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_definite_description_points_back_to_the_named_drug(extractor):
    text = ("Under the license agreement, Corvida gains rights to tarnolimab in Japan. The deal widens access to "
            "Halden's lead programme. Corvida will sell the PD-L1 inhibitor through its own sales force.")
    assert [a[0] for a in assets_of(extractor, text)] == ["tarnolimab"]


@pytest.mark.parametrize(("sentence", "name"), [
    # a description in lower case
    ("Halden signed a distribution agreement with Corvida for its prostate cancer test in Brazil.", "prostate cancer test"),
    # a mixed-case acronym in brackets names the product
    ("Halden partnered with Corvida to develop a liver fibrosis (LiFiX) blood test.", "LiFiX"),
    # a gene therapy's two words are one INN
    ("Under the license agreement, Corvida gains rights to ribocabtagene autoleucel in Japan.", "ribocabtagene autoleucel"),
])
def test_described_and_gene_therapy_names(extractor, sentence, name):
    assert [a[0] for a in assets_of(extractor, sentence)] == [name]


def test_phase_from_a_mention_before_the_deal_sentences(extractor):
    text = ("Corvida grows its pipeline\n\nIts antibody CRV-88 has shown preclinical activity in mouse models of colitis. "
            "The company was founded in 2011 in Oslo. Its staff of forty works in two sites. "
            "Under the license agreement, Halden gains exclusive rights to CRV-88 in Japan and to CRV-90 in Korea.")
    found = assets(ctx_of(extractor, text), [])
    assert [(a.name, a.phase, len(a.mentions)) for a in found] == [("CRV-88", "preclinical", 2), ("CRV-90", None, 1)]


@pytest.mark.parametrize("sentence", [
    # a code-named company among the signers
    "Halden, Corvida and Q77 have signed a memorandum of understanding to develop CRV-210.",
    # a policy named by a code
    "Under the agreement, Halden will support the HEALTH2030 plan and develop CRV-210.",
])
def test_code_that_signs_or_names_a_plan_is_no_asset(extractor, sentence):
    assert [a[0] for a in assets_of(extractor, sentence)] == ["CRV-210"]


def test_brand_after_rights_in_italian():
    # the pattern alone: the English parser reads Italian capitalised words as people
    from mouextract.extract.assets import _brand_re
    text = "In base all'accordo di licenza, Corvida deterrà i diritti su Dermavon in tutta Europa."
    assert [m.group(0) for m in _brand_re().finditer(text)] == ["Dermavon"]


@pytest.mark.parametrize(("sentence", "name"), [
    # a code led by a digit, as some sponsors number their candidates
    ("Under the license agreement, Corvida gains exclusive rights to 7KQ0412 in Japan.", "7KQ0412"),
    # an INN of the azole stem; a biologic's two-word INN
    ("Under the license agreement, Corvida gains rights to the antifungal tervoconazole in Japan.", "tervoconazole"),
    ("Under the supply agreement, Halden will manufacture dravenase alfa for Corvida.", "dravenase alfa"),
])
def test_digit_led_codes_and_more_inns(extractor, sentence, name):
    assert [a[0] for a in assets_of(extractor, sentence)] == [name]


def test_securities_numbers_are_no_codes(extractor):
    text = "Halden AG (WKN 512345, SIN 512345) signed a license agreement granting Corvida rights to CRV-210 in Japan."
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_later_approval_outranks_an_earlier_trial_phase(extractor):
    text = ("Under the license agreement, Corvida gains rights to CRV-210 in Japan, where Halden ran its phase 3 trial. "
            "CRV-210 is already approved in Korea.")
    assert assets_of(extractor, text) == [("CRV-210", [], "approved")]


def test_an_approval_of_another_drug_is_not_the_assets(extractor):
    text = ("Under the license agreement, Corvida gains rights to CRV-210, now in phase 2 trials, in Japan. "
            "CRV-210 may compete with tarnolimab, which was approved last year.")
    assert [(a[0], a[2]) for a in assets_of(extractor, text) if a[0] == "CRV-210"] == [("CRV-210", "phase_2")]


def test_drugs_listed_together_share_their_approval(extractor):
    text = "Under the supply agreement, Halden will supply Corvida with CRV-210, CRV-310 and CRV-410, all approved in Korea."
    assert [(a[0], a[2]) for a in assets_of(extractor, text)] == [("CRV-210", "approved"), ("CRV-310", "approved"), ("CRV-410", "approved")]


def test_an_approval_hoped_for_is_no_phase(extractor):
    text = "Under the license agreement, Corvida gains rights to CRV-210 in Japan and will pay milestones if the drug is approved."
    assert assets_of(extractor, text) == [("CRV-210", [], None)]


def test_a_trade_marked_name_is_an_asset_with_its_mark_as_alias(extractor):
    text = "Halden signed an exclusive distribution agreement with Corvida for Dravelix™ in Denmark."
    assert assets_of(extractor, text) == [("Dravelix", ["Dravelix™"], "marketed")]


def test_a_platforms_trade_marked_name_is_no_asset(extractor):
    text = "Halden signed a research agreement giving Corvida access to its antibody platform technology, Xentrova™."
    assert assets_of(extractor, text) == []


def test_phases_one_two_and_three_completed_is_phase_3(extractor):
    text = "Under the license agreement, Corvida gains rights to CRV-210 in Japan. Phase 1, 2 and 3 trials of CRV-210 are complete."
    assert assets_of(extractor, text) == [("CRV-210", [], "phase_3")]


def test_a_brand_name_given_to_the_drug_is_its_alias(extractor):
    text = ("Under the license agreement, Corvida gains rights to tarnolimab in Japan. Halden developed tarnolimab "
            "and launched it in Korea under the brand name Velmora® in 2019.")
    found = assets_of(extractor, text)
    assert [(a[0], a[1]) for a in found] == [("tarnolimab", ["Velmora"])]


def test_the_lead_product_the_company_keeps_is_not_the_deals(extractor):
    text = ("Halden licensed CRV-210 to Corvida under the agreement, which lets Halden focus on advancing "
            "its lead candidate, CRV-505.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_brand_in_apposition_to_a_product_noun_is_a_marketed_asset(extractor):
    text = "Under the manufacturing agreement, Halden will produce Corvida's asthma treatment, Pulmarex, from 2026."
    assert assets_of(extractor, text) == [("Pulmarex", [], "marketed")]


def test_a_marked_name_before_several_words_of_a_technology_is_no_asset(extractor):
    text = "Halden signed a license agreement with Corvida on its Trevantix® blood-brain barrier (BBB) shuttle technology."
    assert assets_of(extractor, text) == []


def test_a_companys_disease_vaccine_with_a_modifier(extractor):
    text = "Under the agreement, Corvida will obtain exclusive rights to Halden's COVID-19 booster vaccine in Korea."
    assert [a[0] for a in assets_of(extractor, text)] == ["COVID-19 booster vaccine"]


def test_two_marked_words_in_a_row_name_one_product(extractor):
    text = "Halden signed an exclusive distribution agreement with Corvida for Halvex™ Dravia® in Denmark."
    assert [a[0] for a in assets_of(extractor, text)] == ["Halvex™ Dravia®"]


def test_a_code_naming_an_event_is_no_asset(extractor):
    text = "Halden and Corvida announced the license agreement for CRV-210 at the MEDX2025 conference in Boston."
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_product_another_company_handed_back_is_not_this_deals(extractor):
    text = ("Halden granted Corvida exclusive rights to CRV-210 under the license agreement. Last year another drug maker "
            "returned its license to tarnolimab to Halden.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_partys_product_in_a_whose_clause_is_not_the_deals(extractor):
    text = ("Under the co-promotion agreement, Halden, whose product Gastrolin® (generic name: ravoprazole) leads "
            "its market, will promote CRV-210 with Corvida in Japan.")
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_biosimilars_reference_product_is_not_the_deals(extractor):
    text = "Under the license agreement, Corvida gains rights to CRV-210, a biosimilar to rituximab, in Japan."
    assert [a[0] for a in assets_of(extractor, text)] == ["CRV-210"]


def test_a_pivotal_phase_2_3_trial_is_phase_3(extractor):
    text = "Under the supply agreement, Halden will supply its adjuvant for CRV-210, now in a pivotal Phase 2/3 trial."
    assert [(a[0], a[2]) for a in assets_of(extractor, text)] == [("CRV-210", "phase_3")]


@pytest.mark.parametrize(("sentence", "name"), [
    # a brand before its dosage form
    ("The agreement grants Corvida exclusive rights to the DERMAVEX tablet in China.", "DERMAVEX"),
    # a possessive brand before an injectable
    ("The agreement grants Corvida exclusive rights to Halden's Pulvarin injectable in China.", "Pulvarin"),
])
def test_brands_before_their_dosage_form(extractor, sentence, name):
    assert [a[0] for a in assets_of(extractor, sentence)] == [name]


def test_a_description_beside_the_drugs_bracketed_brand_describes_it(extractor):
    text = ("Under the license agreement, Corvida gains rights to Velmora (tarnolimab) in Japan. "
            "Halden and Corvida will co-promote Velmora, a once-daily dual PD-L1 and TIGIT inhibitor, in Korea under the agreement.")
    assert [a[0] for a in assets_of(extractor, text)] == ["Velmora"]


@pytest.mark.parametrize(("sentence", "granted", "excluded"), [
    # a country pycountry names with a comma ("Palestine, State of") is written without it
    ("Under the agreement, Corvida will commercialize CRV-210 in Jordan, Palestine and Iran.", ["JO", "PS", "IR"], []),
    # the exception closing a long list still belongs to the list's rights, however far back they stand
    (("Under the updated deal, Corvida may now commercialize CRV-210 in selected countries and regions of the Middle East, "
      "including Bahrain, Egypt, Jordan, Kuwait, Oman, Qatar, Morocco, Algeria, and Tunisia, excluding Israel and Lebanon."),
     ["BH", "EG", "JO", "KW", "OM", "QA", "MA", "DZ", "TN"], ["IL", "LB"]),
    # the members of a region in brackets after it
    (("Halden will grant Corvida an exclusive right to develop and commercialize CRV-210 and its related patents in "
      "the PRC region (including the Hong Kong Special Administrative Region and Taiwan)."), ["CN", "HK", "TW"], []),
    # a country "included" in global rights adds nothing to the world
    ("Corvida signed a term sheet with Halden to acquire global rights (including Japan) to CRV-210.", ["WORLD"], []),
])
def test_territory_lists_and_members(extractor, sentence, granted, excluded):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is not None
    assert (found.granted, found.excluded) == (granted, excluded)


@pytest.mark.parametrize("sentence", [
    # a separate or former arrangement named at the sentence's opening
    "In a related agreement, Corvida has the first right to distribute Halden's diagnostic products in the U.S.",
    "Prior to today, the companies had shared the profits equally and co-commercialized CRV-210 in the U.S.",
    # regulatory steps are no rights
    "Corvida said regaining the rights will help it realise the value of CRV-210 as it prepares for regulatory filings in the US.",
    # where goods are exported is no territory
    "The joint venture will manufacture and export generic medicines and food supplements to global markets.",
    # where and when a signing took place
    "The companies signed the supply agreement in Hainan, China on August 20.",
    # where a product is made, without a deal setting it up there
    "The vaccine is manufactured in India.",
    # "following" is a preposition, the region before it the adjective of nothing
    "The deal supports a product launch in the US following approval.",
    # global sales no royalty or milestone is paid on are a company's figure, no territory
    "Halden said its global sales rose 12% last year.",
    # "ex-US" sales name no deal's territory
    "Halden reported ex-US sales of 40 million euros last year.",
    # a market named as a company's standing: its commitment, its knowledge, its rank, an entry long past
    "The increase in the shareholding of the joint venture reinforces Halden's strong commitment to the Japanese market.",
    "Corvida provides the regulatory know-how and in-depth knowledge of the Korean market under the joint venture.",
    "Halden entered the Japanese market in the year 2002 and now works with Corvida.",
    "Halden is ranked the ninth largest company by number of prescriptions in the US market.",
])
def test_no_territory_here(extractor, sentence):
    text = "Halden and Corvida sign an agreement\n\n" + sentence
    found = territory(ctx_of(extractor, text), [party(text, "Halden"), party(text, "Corvida")])
    assert found is None or not (found.granted or found.excluded)


def test_another_pairs_deal_in_a_roundup_is_not_this_deals(extractor):
    # the participle takes its clause's subject (NorvexBio), and an agreement "with" a non-party is another deal
    text = ("Halden and Corvida sign a licence deal\n\nHalden granted Corvida exclusive rights to CRV-210 in Korea. "
            "NorvexBio has partnered with Boston-based Tolvik, gaining the commercial rights to TLV-5 outside of China. "
            "Corvida also said it had signed an agreement with Singapore's Arlen Institute giving it worldwide rights to its inhibitors.")
    found = territory(ctx_of(extractor, text), [party(text, "Halden"), party(text, "Corvida")])
    assert found is not None
    assert (found.granted, found.excluded) == (["KR"], [])


@pytest.mark.parametrize(("sentence", "granted"), [
    # a place's adjective before rights or a market is a territory, alone or in a list
    ("Halden has ended the collaboration and returned the North American and Japanese rights to CRV-210 to Corvida.", ["US", "CA", "JP"]),
    ("Corvida will hold the exclusive licence to commercialize CRV-210 for the Indian market.", ["IN"]),
])
def test_place_adjective_before_rights(extractor, sentence, granted):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is not None
    assert sorted(found.granted) == sorted(granted)


def test_place_adjective_elsewhere_is_no_territory(extractor):
    text = "Halden, a Japanese drugmaker, signed an exclusive licence agreement with Corvida, a Canadian biotech."
    found = territory(ctx_of(extractor, text), [])
    assert found is None or not (found.granted or found.excluded)


def test_a_product_licensed_in_a_country_is_approved_there(extractor):
    # passive "licensed" of a product is a regulator's licence, not rights granted
    text = ("Halden and Corvida sign a supply agreement to distribute CRV-210 across Africa.\n\n"
            "CRV-210 is already licensed in India and is under review elsewhere.")
    found = territory(ctx_of(extractor, text), [])
    assert found is not None
    assert "IN" not in found.granted


def test_brand_scan_at_capitals_matches_the_plain_scan():
    # the capitals-only scan (speed) finds exactly what the plain scan finds
    from mouextract.extract.assets import _brand_matches, _brand_opens_upper, _brand_re
    from mouextract.extract.context import opens_with
    text = ("Nordvia licensed rights to Velmora in Japan. The firm's Kestrin gene therapy and its lupus treatment, "
            "Dalvexa, join Orlimab® (tarnolimab) and the Quenta tablets; the agreement for Sorvane covers Europe.")
    assert _brand_opens_upper()
    assert [m.span() for m in _brand_matches(text)] == [m.span() for m in _brand_re().finditer(text)] != []
    capital = lambda ch: "A" <= ch <= "Z"
    assert opens_with(re.compile(r"(?:(?<=of )|(?<=to ))[A-Z][a-z]+"), capital)
    assert not opens_with(re.compile(r"(?<=x)[A-Z]|[a-z]"), capital)
    assert not opens_with(re.compile(r"(?i:[A-Z])"), capital)
    assert not opens_with(re.compile(r"[A-Z]", re.IGNORECASE), capital)
    assert opens_with(re.compile(r"\b(?:0?[1-9]|1[0-2])\b|\b(?:May|June)", re.IGNORECASE), str.isalnum)
    assert not opens_with(re.compile(r"\b(?:\(\d|May)"), str.isalnum)


def test_one_code_written_with_and_without_a_space_is_one_asset(extractor):
    text = ("Halden licenses HX301 to Corvida\n\nHalden granted Corvida exclusive rights to HX301 worldwide. "
            "HX 301 is a bispecific antibody. Under the license, Corvida will develop HX301 for lupus.")
    found = assets_of(extractor, text)
    assert [(name, aliases) for name, aliases, _ in found] == [("HX301", ["HX 301"])]


def test_a_partys_vaccine_candidate_is_the_asset(extractor):
    text = ("Corvida to make Halden vaccine\n\nCorvida signed an agreement with Halden to manufacture Halden's "
            "dengue vaccine candidate, which is in a phase 2 trial.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["dengue vaccine candidate"]


@pytest.mark.parametrize("link", ["formerly", "also known as", "previously"])
def test_a_former_code_in_brackets_is_an_alias(extractor, link):
    text = (f"Halden licenses HX-114 to Corvida\n\nCorvida exercised its option to in-license HX-114 ({link} CRV-20) "
            "from Halden, paying $5 million upfront.")
    found = assets_of(extractor, text)
    assert [(name, aliases) for name, aliases, _ in found] == [("HX-114", ["CRV-20"])]


def test_a_p_i_study_is_phase_1(extractor):
    text = ("Corvida in-licenses HX-114 from Halden\n\nCorvida signed a license agreement with Halden for HX-114 "
            "after the FDA accepted its IND for a P-I study in lymphoma.")
    assert assets_of(extractor, text)[0][2] == "phase_1"


def test_a_companys_own_product_is_not_the_deals(extractor):
    text = ("Halden and Corvida sign a manufacturing agreement\n\nUnder the agreement, Corvida will make protein drugs for Halden. "
            "The new plant would also support Corvida's own proprietary drug development, including CRV-210. "
            "Corvida said the agreement would help the CRV-210 trial reach full enrollment.")
    assert assets_of(extractor, text) == []


def test_a_sentence_pointing_back_to_the_drug_gives_its_phase(extractor):
    text = ("Halden licenses HX-511 to Corvida\n\nThe license agreement gives Corvida exclusive rights to HX-511 in Korea. "
            "Corvida will pay an upfront fee and royalties. The drug is currently under regulatory review in Korea.")
    assert assets_of(extractor, text)[0][2] == "filed"


def test_multi_word_codes_with_numbers(extractor):
    text = ("Halden licenses HXC Insulin 210 to Corvida\n\nHalden granted Corvida exclusive rights to HXC Insulin 210 "
            "and to the adjuvant CpX 2040 in Japan.")
    assert sorted(name for name, _, _ in assets_of(extractor, text)) == ["CpX 2040", "HXC Insulin 210"]


def test_a_dateline_is_no_code(extractor):
    text = "OSLO Jan 130 - Halden granted Corvida exclusive rights to HX-12 in Norway."
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-12"]


def test_a_mix_in_brackets_names_no_alias(extractor):
    text = ("Corvida to use Halden adjuvant\n\nUnder the supply agreement, Halden's CpX 2040 adjuvant will be used in "
            "Corvida's vaccine candidate, CRV-2019 (CpX 2040/Alum).")
    found = assets_of(extractor, text)
    assert sorted((name, aliases) for name, aliases, _ in found) == [("CRV-2019", []), ("CpX 2040", [])]


def test_a_product_previously_licensed_is_not_this_deals(extractor):
    text = ("Corvida in-licenses HX-114 from Halden\n\nCorvida exercised its option under the license agreement to in-license "
            "HX-114 from Halden. Corvida previously exercised its option to in-license HX-102 from Halden in 2020.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-114"]


@pytest.mark.parametrize("sentence", [
    "Under the settlement, the license period for its biosimilar, Cortavex, would begin in 2027.",
    "The settlement gives Corvida a license to market generic versions of Cortavex in the USA.",
])
def test_a_brand_after_biosimilar_or_versions_of(extractor, sentence):
    assert [name for name, _, _ in assets_of(extractor, sentence)] == ["Cortavex"]


@pytest.mark.parametrize(("sentence", "code"), [
    # a lettered sub-number and a dotted variant are part of the code
    ("Halden granted Corvida a worldwide license to its drug HXB-23E73 under the agreement.", "HXB-23E73"),
    ("Corvida receives an option to license global rights to HXI-24.060 under the agreement.", "HXI-24.060"),
])
def test_codes_with_sub_numbers(extractor, sentence, code):
    assert [name for name, _, _ in assets_of(extractor, sentence)] == [code]


def test_a_trial_name_and_a_mutation_are_no_codes(extractor):
    text = ("Under the license agreement, Halden grants Corvida rights to HX-301 after data from the HALVENA-BTC-01 trial "
            "in patients with a BRAF V600 mutation.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-301"]


def test_ace_inhibitor_and_pde4_stems_and_the_route(extractor):
    text = ("Halden and Corvida sign a co-promotion agreement regarding Halden's Velmora (torapril), an ACE inhibitor. "
            "Under a second license agreement, Corvida will commercialize topical velromilast in Japan.")
    found = {name: aliases for name, aliases, _ in assets_of(extractor, text)}
    assert found == {"Velmora": ["torapril"], "velromilast": ["topical velromilast"]}


@pytest.mark.parametrize(("sentence", "product"), [
    ("The agreement covers the local manufacturing of Halden’s 4-valent human papillomavirus (HPV) vaccine in Norway.",
     "4-valent human papillomavirus (HPV) vaccine"),
    ("The joint venture will develop and commercialize Halden's seasonal influenza VLP-based vaccine candidate in India.",
     "seasonal influenza VLP-based vaccine candidate"),
    ("Under the agreement, Corvida has exclusive rights to distribute Halden's rapid antigen test in Japan.", "rapid antigen test"),
    # the object a deal moves, no owner named: doses of, distribution of, to produce
    ("Under the supply agreement, Ostvik will receive 30 million doses of the influenza cell-based vaccine from Halden.",
     "influenza cell-based vaccine"),
    ("Halden signs a memorandum of understanding with Ostvik for distribution of the liver fibrosis test.", "liver fibrosis test"),
    ("The agreement allows Ostvik to produce Halden rotavirus vaccine in Peru.", "Halden rotavirus vaccine"),
    # a plural owner's possessive
    ("Under the agreement, Corvida will distribute the Halden Labs' rapid malaria test in Japan.", "rapid malaria test"),
])
def test_a_product_named_by_what_it_is(extractor, sentence, product):
    assert [name for name, _, _ in assets_of(extractor, sentence)] == [product]


@pytest.mark.parametrize("sentence", [
    "Under the agreement, Corvida will use Halden's adjuvant technology and expertise in vaccine development.",
    "Under the agreement, Corvida will distribute Halden's diagnostic test in Japan.",
    "Under the agreement, Corvida will distribute Halden's new vaccine in Japan.",
    # a one-word kind of vaccine the deal moves, no owner: a kind of product, not one
    "The government signed a deal to purchase 20 million doses of the coronavirus vaccine from Ostvik.",
])
def test_no_product_from_a_generic_phrase(extractor, sentence):
    assert assets_of(extractor, sentence) == []


def test_a_shorter_product_phrase_points_back_to_the_longer(extractor):
    text = ("Under the supply agreement, Ostvik will receive 30 million doses of the influenza cell-based vaccine from Halden. "
            "Under the agreement, Halden's cell-based vaccine will be shipped from May.")
    assert [(name, aliases) for name, aliases, _ in assets_of(extractor, text)] == [("influenza cell-based vaccine", ["cell-based vaccine"])]


def test_a_bracketed_acronym_and_the_noun_name_the_longer_phrase(extractor):
    text = ("The agreement covers the local manufacturing of Halden's 9-valent human papillomavirus (HPV) vaccine in Norway. "
            "Under the agreement, Halden's HPV vaccine will be shipped from May.")
    assert [(name, aliases) for name, aliases, _ in assets_of(extractor, text)] == [
        ("9-valent human papillomavirus (HPV) vaccine", ["HPV vaccine"])]


def test_a_product_phrase_holding_a_code_is_the_code(extractor):
    text = "Under the agreement, Corvida will develop and commercialize Halden's HX-190 vaccine candidate in Japan."
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-190"]


def test_a_bracket_defines_the_product(extractor):
    text = ("Under the supply agreement, Halden supplies its device for Corvida's rapid IgG/IgM COVID19 test "
            "(the COVID-19 antibody test) in France.")
    assert [(name, aliases) for name, aliases, _ in assets_of(extractor, text)] == [
        ("rapid IgG/IgM COVID19 test", ["COVID-19 antibody test"])]


def test_a_platform_in_title_case_is_no_brand(extractor):
    text = "Halden and Corvida sign a license agreement to combine Halden's mRNA technology with Corvida's Velprobe® Platform."
    assert assets_of(extractor, text) == []


def test_a_code_the_lead_names_over_a_product_phrase(extractor):
    text = ("Halden signs supply agreement with Corvida\n\nUnder the supply agreement, Halden will supply Corvida with "
            "Halden's rapid antigen test in Japan. Corvida is a diagnostics company based in Oslo. It was founded in 2001 and "
            "employs 40 people. Halden developed the test, dubbed HX-5, in 2019.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-5"]
    text = "Under the agreement, Corvida will distribute HX-5 and Halden's rapid antigen test in Japan."
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-5"]


@pytest.mark.parametrize(("sentence", "drug"), [
    # WHO stems beyond the biologics: adenosine antagonists, mTOR inhibitors, nucleoside analogues, NSAIDs
    ("Corvida has licensed worldwide exclusive rights to Halden's velmadenant, a selective adenosine 2a antagonist.", "velmadenant"),
    ("Under the agreement, Corvida will commercialize orvelimus in Japan.", "orvelimus"),
    ("Under the agreement, Corvida will commercialize tarcitabine in Japan.", "tarcitabine"),
    ("Under the agreement, Corvida will commercialize Halden's oral velofenac in Japan.", "velofenac"),
    ("Under the agreement, Corvida will commercialize velorasib in Japan.", "velorasib"),
    ("Under the agreement, Corvida will commercialize the ADC cetuximab velodotin in Japan.", "cetuximab velodotin"),
])
def test_small_molecule_stems(extractor, sentence, drug):
    assert [name for name, _, _ in assets_of(extractor, sentence)] == [drug]


def test_a_surname_with_a_drug_stem_is_no_drug(extractor):
    text = ("Halden and Corvida sign a license agreement for HX-12. “We are excited to have Halden as our partner”, "
            "said Pierre Marcocel, senior vice president at Corvida.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-12"]


def test_a_vaccine_maker_is_no_vaccine(extractor):
    text = "Halden has struck a ten-year manufacturing deal with the world's largest vaccine manufacturer, Corvida Institute."
    assert assets_of(extractor, text) == []


def test_programmes_named_by_their_target(extractor):
    text = ("Under the licensing agreement, Corvida exclusively in-licenses Halden's Galectin-7 program and obtains an "
            "exclusive option to their CXCR9 and CCR6 programs. The lead candidate of the Galectin-7 program is expected to "
            "enter clinical development in 2027.")
    assert assets_of(extractor, text) == [("Galectin-7", ["Galectin-7 program"], "preclinical"), ("CXCR9", [], "preclinical"),
                                          ("CCR6", ["CCR6 programs"], "preclinical")]
    text = ("Under the license agreement, Corvida gains worldwide rights to Halden's MALT3 (mucosa-associated lymphoid tissue "
            "protein 3) inhibitor programme, a drug discovery programme.")
    assert assets_of(extractor, text) == [("MALT3", [], "discovery")]
    text = "Under the license agreement, Corvida gains worldwide rights to Halden's MALT3 inhibitor programme."
    assert assets_of(extractor, text) == [("MALT3 inhibitor", ["MALT3 inhibitor programme"], None)]
    # a word without a digit names no target; a programme beside a named drug is that drug's
    assert assets_of(extractor, "Under the agreement, Corvida will join the NIH program, the UPenn program and the 2020 program.") == []
    assert [name for name, _, _ in assets_of(extractor, "Under the agreement, Corvida licenses Halden's CD7 program, HX-7.")] == ["HX-7"]


def test_an_early_stage_study_is_phase_1(extractor):
    text = "Under the license agreement, Corvida gains rights to HX-20089. Halden presented an early-stage study of the drug HX-20089 in breast cancer."
    assert assets_of(extractor, text) == [("HX-20089", [], "phase_1")]


def test_a_drug_the_organisation_reader_took_for_a_party(extractor):
    text = "Halden signed a term sheet with Corvida, the original developer of Velmoranib, to acquire global rights to Velmoranib."
    found = assets(ctx_of(extractor, text), [party(text, "Velmoranib"), party(text, "Halden"), party(text, "Corvida")])
    assert [a.name for a in found] == ["Velmoranib"]
    text = "The settlement gives Corvida a license to make and market generic versions of Velmora (tarnofacine hydrochloride) in the USA."
    found = assets(ctx_of(extractor, text), [party(text, "Velmora"), party(text, "Corvida")])
    assert [a.name for a in found] == ["Velmora"]
    # a word with a drug stem that heads a company's name is the company
    text = "Halvorsen Biotech (\"Halvorsen\") has in-licensed from Corvida the ex-US rights to HX-7."
    found = assets(ctx_of(extractor, text), [party(text, "Halvorsen Biotech", "Halvorsen"), party(text, "Corvida")])
    assert [a.name for a in found] == ["HX-7"]


@pytest.mark.parametrize(("text", "drug"), [
    ("Under the agreement, the partners will develop and test an original vaccine against influenza called VelFlu.", "VelFlu"),
    (("Corvida obtained marketing rights to Halden's cancer-related drug in Canada. VeGard is indicated for the management "
      "of oral mucositis."), "VeGard"),
])
def test_a_drug_named_by_its_cue(extractor, text, drug):
    assert [name for name, _, _ in assets_of(extractor, text)] == [drug]


@pytest.mark.parametrize("text", [
    "Under the agreement, the company called Halden will develop a vaccine.",
    "Under the agreement, Corvida will develop a drug named Velmora Plus.",
])
def test_no_drug_from_a_naming_verb_alone(extractor, text):
    assert [name for name, _, _ in assets_of(extractor, text)] == []


def test_a_product_called_so_in_a_profile_is_no_drug(extractor):
    text = "Under the agreement, Corvida will distribute HX-12. Halden was built on the success of a product called Velvino."
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-12"]


def test_to_be_tested_in_humans_is_preclinical(extractor):
    text = "Under the agreement, the partners will develop a vaccine called VelFlu. VelFlu could be tested in human clinical trials by 2027."
    assert assets_of(extractor, text) == [("VelFlu", [], "preclinical")]


def test_the_plural_of_what_a_named_drug_is_names_its_class(extractor):
    text = ("Under the license agreement, Corvida gains worldwide rights to HX-2982. HX-2982 is a GPR7 receptor agonist for "
            "type II diabetes. GPR7 receptor agonists act on glucose metabolism by a dual mode of action.")
    assert [name for name, _, _ in assets_of(extractor, text)] == ["HX-2982"]
    # a class no named drug belongs to is the deal's programme
    text = "Among the projects targeted by the collaboration is the development of GPR7 receptor agonists for asthma."
    assert [name for name, _, _ in assets_of(extractor, text)] == ["GPR7 receptor agonists"]


def test_a_clause_after_a_place_is_no_apposition(extractor):
    text = "Under the agreement, the venture is located in the county of Velmara, the firm will produce medicine for export."
    assert assets_of(extractor, text) == []


def test_retained_co_promotion_rights_bound_no_side(extractor):
    # a share in the partner's selling kept by the licensor is no region kept out of the licence
    text = ("Halden Biologics granted Ostvik Pharma exclusive worldwide rights to HB-12. Halden Biologics will receive royalties "
            "and retain co-promotion rights in certain countries including France and Spain.")
    found = territory(ctx_of(extractor, text), [])
    assert found is not None
    assert (found.granted, found.excluded) == (["WORLD"], [])


@pytest.mark.parametrize("text", [
    "Im Rahmen der Vereinbarung erhält Halden Biologics die weltweiten Exklusivrechte für die Vermarktung des Wirkstoffs.",
    "Grazie all'accordo, Halden Biologics otterrà i diritti esclusivi di commercializzazione del farmaco in Europa.",
])
def test_exclusive_rights_in_a_european_language(extractor, text):
    found = territory(ctx_of(extractor, text), [])
    assert found is not None and found.exclusive is True


def test_a_trial_still_to_begin_is_not_the_assets_stage(extractor):
    text = ("Corvida granted Halden an exclusive licence to HX-410. Halden plans to file an IND application next year "
            "to begin an early-stage clinical study of HX-410.")
    assert [(name, phase) for name, _, phase in assets_of(extractor, text)] == [("HX-410", "preclinical")]


def test_an_asset_approved_for_a_first_trial_is_in_phase_1(extractor):
    text = ("Corvida granted Halden an exclusive licence to HX-620. In March HX-620 was approved for a Phase 1 "
            "clinical trial in Norway.")
    assert [(name, phase) for name, _, phase in assets_of(extractor, text)] == [("HX-620", "phase_1")]


@pytest.mark.parametrize("later", [
    "Velmora was authorised in the EU in April as an adjunct to insulin therapy.",
    "Velmora received conditional marketing authorisation from the European Commission in 2021.",
])
def test_a_brand_written_bare_later_gives_its_approval(extractor, later):
    # the brand the patterns met beside its generic name is the same product when the text repeats it bare
    text = "Halden will regain complete rights to Velmora (tarnogliflozin) under the termination agreement. " + later
    assert assets_of(extractor, text) == [("Velmora", ["tarnogliflozin"], "approved")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Under the agreement, Ostvik will pay a licence fee to use Halden's VEX technology to design imaging devices.",
     [("VEX", ["VEX technology"], None)]),
    ("Under the collaboration, Ostvik will leverage Halden's Velora technology platform to develop the new tests.",
     [("Velora", ["Velora technology platform", "Velora platform"], None)]),
    # a company using its own platform for the partner only works with it; licensing it out covers it
    ("Under the collaboration, Ostvik will apply its Velora technology platform to targets chosen by Halden.", []),
    ("Under the agreement, Ostvik grants Halden a licence to its Velora technology platform.",
     [("Velora", ["Velora technology platform", "Velora platform"], None)]),
    # a platform beside a named product is only the means
    ("Under the agreement, Ostvik gains rights to HX-1, which it will use its Velora platform to make.", [("HX-1", [], None)]),
    # the scope of a right, and a modality, name no platform
    ("Under the agreement, Halden retains all rights for use of the Velora platform outside the collaboration.", []),
    ("Under the agreement, Halden will be paid royalties on sales of Ostvik's drugs using the ADC platform.", []),
])
def test_a_licensed_platform_is_the_asset_of_a_deal_naming_no_product(extractor, sentence, expected):
    assert assets_of(extractor, sentence) == expected


def test_a_trial_a_party_is_made_responsible_for_is_still_ahead(extractor):
    text = ("Under the license, Ostvik gains worldwide rights to velmadenant, with Halden being responsible for conducting "
            "phase 3 development of velmadenant after the positive phase 2b study.")
    assert assets_of(extractor, text) == [("velmadenant", [], "phase_2")]


@pytest.mark.parametrize(("sentence", "granted", "excluded"), [
    # European releases: their words for rights, worldwide, except, and the places (the English parse of them ties nothing)
    ("Halden deterrà i diritti su Velmora in tutti i mercati eccetto gli Stati Uniti.", ["WORLD"], ["US"]),
    ("Ostvik får den globale kommercialiseringsret til præparatet, undtagen i Norden og Baltikum.",
     ["WORLD"], ["DK", "FI", "IS", "NO", "SE", "EE", "LV", "LT"]),
    ("Ostvik erhält die weltweiten Exklusivrechte für die Entwicklung und Vermarktung des Wirkstoffs.", ["WORLD"], []),
    ("Ostvik obtient les droits exclusifs de commercialisation du produit au Japon et en Chine.", ["JP", "CN"], []),
])
def test_territory_in_european_languages(extractor, sentence, granted, excluded):
    found = territory(ctx_of(extractor, sentence), [])
    assert found is not None
    assert (found.granted, found.excluded) == (granted, excluded)


def test_a_danish_year_is_no_rights_word(extractor):
    # "om året" (a year) ends as "kommercialiseringsret" (a right) does, without being one
    assert territory(ctx_of(extractor, "Lægemidler sælges for to milliarder dollars om året i Europa og USA."), []) is None
