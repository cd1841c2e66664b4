"""Party roles read from the syntax of deal sentences, on sentences of our own writing."""

from __future__ import annotations

import pytest

from conftest import ctx_of, party, roles_of
from mouextract.extract.roles import party_roles


@pytest.mark.parametrize(("text", "kind", "roles"), [
    # a phrasal verb means its particle: handing rights back returns them
    ("Brontide Pharma said it will hand back the rights to the antibody to Quillon Bio after a portfolio review.",
     "other", {"Brontide Pharma": "licensee", "Quillon Bio": "licensor"}),
    # press verbs of taking rights
    ("Marlow Therapeutics bagged exclusive rights to the lead compound from Ostrava Labs last year.",
     "license", {"Marlow Therapeutics": "licensee", "Ostrava Labs": "licensor"}),
    # the owner named inside a licence noun's object licenses out
    ("Pellan Health and Corvex Inc. agreed on the licensing of Corvex's oral film technology for Canada.",
     "license", {"Corvex Inc.": "licensor", "Pellan Health": "licensee"}),
    # each conjoined verb is read for its own object: the investment does not make the upfront payment equity money
    ("Under the deal, Halden Bio will pay Sorrel Therapeutics a $90 million upfront payment and make a $15 million equity investment.",
     "license", {"Halden Bio": "licensee", "Sorrel Therapeutics": "licensor"}),
    # a party named again by its descriptor ("the institute") receives the money: in a licence, the licensor
    (("Tavira Institute signed a technology transfer deal with Corvane Pharma. The institute will receive $20 million "
      "upfront and up to $80 million in milestones."),
     "license", {"Tavira Institute": "licensor", "Corvane Pharma": "licensee"}),
    # a passive verb's agent does what the verb says: the one receiving royalties licensed out
    ("Royalties on the device will be received by Ostvik Labs under its licence with Halden Pharma.",
     "license", {"Ostvik Labs": "licensor", "Halden Pharma": "licensee"}),
    # selling a licence or rights grants them
    ("Ostvik Labs sold the European licence for its eye drops to Halden Pharma in March.",
     "license", {"Ostvik Labs": "licensor", "Halden Pharma": "licensee"}),
    # the party a distribution deal is signed with distributes: it buys what the other makes
    ("Ostvik Labs has signed a distribution deal for its saliva test in Portugal with drugmaker Halden Pharma.",
     "supply_agreement", {"Ostvik Labs": "supplier", "Halden Pharma": "customer"}),
    # a deal named for a provider is signed with the one who provides
    ("Halden Pharma has inked a preferred provider deal with Ostvik Labs for its central laboratory testing.",
     "other", {"Ostvik Labs": "supplier", "Halden Pharma": "customer"}),
    # services a relative clause says a party provided: it supplies them
    (("Halden Imaging and Ostvik Health ended their contract. The end affects the imaging services that Halden Imaging provided "
     "at the hospitals of Ostvik Health."), "other", {"Halden Imaging": "supplier", "Ostvik Health": "customer"}),
])
def test_roles_of_deal_constructions(extractor, text, kind, roles):
    assert roles_of(extractor, text, kind, *roles) == roles


@pytest.mark.parametrize("kind, roles", [
    ("supply_agreement", {"Pellworm Pharma": "customer", "Ostrava Labs": "supplier"}),
    ("license", {"Pellworm Pharma": "licensee", "Ostrava Labs": "licensor"}),
])
def test_a_retailer_named_so_buys_what_it_sells(extractor, kind, roles):
    # a reseller's trade word, however the deal is framed, makes it the side that buys
    text = "Ostrava Labs signed an agreement with pharmacy retailer Pellworm Pharma to launch its eye drops in Portugal."
    assert roles_of(extractor, text, kind, "Ostrava Labs", "Pellworm Pharma") == roles


def test_a_supply_deal_with_one_named_party_makes_it_the_supplier(extractor):
    text = "Verano Biologics signed a contract manufacturing deal worth $120 million with an undisclosed global drugmaker."
    assert roles_of(extractor, text, "supply_agreement", "Verano Biologics") == {"Verano Biologics": "supplier"}


def test_a_government_is_the_buyer_of_a_supply_deal_whose_sentences_give_no_side(extractor):
    text = ("The Government of Velmaria said it had signed agreements with Ostvik Labs and Halden Pharma for their vaccine "
            "candidates, ahead of an expected approval.")
    gov, ostvik, halden = (party(text, n) for n in ("Government of Velmaria", "Ostvik Labs", "Halden Pharma"))
    gov.kind = "government"
    assert party_roles(ctx_of(extractor, text), [gov, ostvik, halden], "supply_agreement") == {
        "Government of Velmaria": "customer", "Ostvik Labs": "supplier", "Halden Pharma": "supplier"}
    # two public bodies have no buyer by kind: their deal stays a partnership
    ministry = party(text, "Ostvik Labs")
    ministry.kind = "government"
    assert set(party_roles(ctx_of(extractor, text), [gov, ministry], "supply_agreement").values()) != {"customer", "supplier"}


def test_the_other_parties_of_a_directed_deal_take_the_other_side(extractor):
    text = ("Tarn Biologics and Esker Pharma signed an agreement with Lumen Oncology. "
            "Lumen Oncology will pay $30 million upfront and royalties on net sales.")
    assert roles_of(extractor, text, "license", "Tarn Biologics", "Esker Pharma", "Lumen Oncology") == {
        "Lumen Oncology": "licensee", "Tarn Biologics": "licensor", "Esker Pharma": "licensor"}


def test_a_partner_in_a_directed_deal_is_the_paying_side(extractor):
    text = ("Nivara Bio entered into a research collaboration with its partner Quest Peptides. "
            "Quest Peptides will receive an upfront payment of $12 million and royalties on sales.")
    assert roles_of(extractor, text, "collaboration_agreement", "Nivara Bio", "Quest Peptides") == {
        "Quest Peptides": "licensor", "Nivara Bio": "licensee"}


def test_a_co_promotion_agreement_makes_collaborators(extractor):
    text = ("Aldane Pharma and Ferro Medical signed a co-promotion agreement for the heart drug in Japan. "
            "Aldane Pharma will pay Ferro Medical an upfront payment of 2 billion yen.")
    assert roles_of(extractor, text, "collaboration_agreement", "Aldane Pharma", "Ferro Medical") == {
        "Aldane Pharma": "collaborator", "Ferro Medical": "collaborator"}


def test_an_equity_purchase_inside_a_supply_deal_keeps_the_supply_roles(extractor):
    text = ("Rivet Biologics will manufacture the gene therapy for Pallas Cardio under the contract. "
            "Rivet Biologics will also purchase $5 million of Pallas Cardio common stock.")
    assert roles_of(extractor, text, "supply_agreement", "Rivet Biologics", "Pallas Cardio") == {
        "Rivet Biologics": "supplier", "Pallas Cardio": "customer"}


def test_a_funder_of_a_research_collaboration_is_a_collaborator(extractor):
    text = "Through the partnership, Vaxford Alliance will provide Kestrel Vaccines with $6 million to develop the vaccine."
    assert roles_of(extractor, text, "collaboration_agreement", "Vaxford Alliance", "Kestrel Vaccines") == {
        "Vaxford Alliance": "collaborator", "Kestrel Vaccines": "collaborator"}


@pytest.mark.parametrize("text", [
    "Under the agreement, Ardent Biologics will manufacture Solvi Therapeutics's lead antibody at its plant.",
    "Ardent Biologics won a manufacturing contract for Solvi Therapeutics's lead antibody.",
])
def test_the_owner_of_what_a_maker_makes_is_its_customer(extractor, text):
    assert roles_of(extractor, text, "supply_agreement", "Ardent Biologics", "Solvi Therapeutics") == {
        "Ardent Biologics": "supplier", "Solvi Therapeutics": "customer"}


def test_whoever_develops_a_product_another_party_owns_holds_the_licence(extractor):
    text = "Orrin Medicines said it is ending its agreement to develop Talvo Bio Science's kidney drug in Korea."
    assert roles_of(extractor, text, "other", "Orrin Medicines", "Talvo Bio") == {"Orrin Medicines": "licensee", "Talvo Bio": "licensor"}


def test_buying_all_remaining_shares_is_an_acquisition(extractor):
    text = "Brisk Pharma said it had exercised its option to acquire all remaining shares in Lode Biosciences for $80 million."
    assert roles_of(extractor, text, "other", "Brisk Pharma", "Lode Biosciences") == {"Brisk Pharma": "acquirer", "Lode Biosciences": "target"}


def test_the_party_that_retains_rights_licensed_the_rest_out(extractor):
    text = "Under the licence agreement, Pavo Therapeutics retains all rights outside Japan, where Kirin Medica will sell the drug."
    assert roles_of(extractor, text, "license", "Pavo Therapeutics", "Kirin Medica") == {"Pavo Therapeutics": "licensor", "Kirin Medica": "licensee"}


def test_in_a_supply_deal_the_party_that_starts_making_supplies(extractor):
    text = "Under the supply agreement with Quarry Vaccines, Hollis Biologics will establish manufacturing suites at its plant."
    assert roles_of(extractor, text, "supply_agreement", "Quarry Vaccines", "Hollis Biologics") == {
        "Hollis Biologics": "supplier", "Quarry Vaccines": "customer"}


def test_the_importer_of_another_partys_products_is_its_customer(extractor):
    text = "Under the supply agreement, Nordvik Pharma will import two tons of Calder Botanicals's products for sale in pharmacies."
    assert roles_of(extractor, text, "supply_agreement", "Nordvik Pharma", "Calder Botanicals") == {
        "Calder Botanicals": "supplier", "Nordvik Pharma": "customer"}



# the roles of the constructions below: each pair of our own names plays one kind of deal
LICENCE = {"Alpha Bio": "licensor", "Beta Pharma": "licensee"}
INVESTMENT = {"Gamma Capital": "investor", "Delta Therapeutics": "investee"}
SUPPLY_ONCOLOGY = {"Omega Biologics": "supplier", "Sigma Oncology": "customer"}
SUPPLY_HEALTH = {"Omega Biologics": "supplier", "Sigma Health": "customer"}
RESEARCH = {"Kappa Labs": "collaborator", "Lambda University": "collaborator"}
ACQUISITION = {"Zeta Pharma": "acquirer", "Eta Bio": "target"}

# the constructions deal announcements state roles with, one sentence each (our own names and wording)
COMMON = [
 ("Alpha Bio has granted Beta Pharma an exclusive license to develop and commercialize AB-101 in China.", "license", LICENCE),
 ("Beta Pharma has in-licensed AB-101 from Alpha Bio for Greater China.", "license", LICENCE),
 ("Beta Pharma will make an upfront payment of $20 million to Alpha Bio.", "license", LICENCE),
 ("Alpha Bio will be eligible to receive up to $200 million in milestone payments.", "license", {"Alpha Bio": "licensor"}),
 ("Beta Pharma obtained the exclusive rights to Alpha Bio's AB-101 in Japan.", "license", LICENCE),
 ("Under the agreement, Alpha Bio will receive $20 million upfront from Beta Pharma.", "license", LICENCE),
 ("Alpha Bio announced that it has out-licensed AB-101 to Beta Pharma.", "license", LICENCE),
 ("Beta Pharma acquired the global rights to AB-101 from Alpha Bio.", "license", LICENCE),
 ("Alpha Bio entered into a license agreement with Beta Pharma, under which Beta Pharma will receive exclusive rights to AB-101.", "license", LICENCE),
 ("Alpha Bio, the licensor, will receive royalties on net sales from Beta Pharma.", "license", LICENCE),
 ("Beta Pharma will pay Alpha Bio tiered royalties on net sales.", "license", LICENCE),
 ("Gamma Capital invested $30 million in Delta Therapeutics.", "investment", INVESTMENT),
 ("Delta Therapeutics raised $30 million in a Series B financing led by Gamma Capital.", "investment", INVESTMENT),
 ("Gamma Capital will acquire a 15% stake in Delta Therapeutics.", "investment", INVESTMENT),
 ("Delta Therapeutics received a $10 million investment from Gamma Capital.", "investment", INVESTMENT),
 ("Delta Therapeutics will issue new shares to Gamma Capital for $10 million.", "investment", INVESTMENT),
 ("Omega Biologics will manufacture the antibody for Sigma Oncology at its plant.", "supply_agreement", SUPPLY_ONCOLOGY),
 ("Sigma Oncology selected Omega Biologics as its manufacturing partner for the antibody.", "supply_agreement", SUPPLY_ONCOLOGY),
 ("Omega Biologics will supply the vaccine to Sigma Health for five years.", "supply_agreement", SUPPLY_HEALTH),
 ("Sigma Health will purchase 10 million doses from Omega Biologics.", "supply_agreement", SUPPLY_HEALTH),
 ("Sigma Health has contracted Omega Biologics to produce the drug substance.", "supply_agreement", SUPPLY_HEALTH),
 ("Sigma Health signed a manufacturing agreement with Omega Biologics, under which Omega Biologics will produce the vaccine.", "supply_agreement", SUPPLY_HEALTH),
 ("Omega Biologics signed a contract manufacturing agreement with Sigma Health to produce its antibody.", "supply_agreement", SUPPLY_HEALTH),
 ("Kappa Labs and Lambda University will jointly research new antibiotics.", "collaboration_agreement", RESEARCH),
 ("Zeta Pharma agreed to acquire Eta Bio for $500 million.", "other", ACQUISITION),
 ("Eta Bio will be acquired by Zeta Pharma for $500 million.", "other", ACQUISITION),
 ("Alpha Bio will grant Beta Pharma the rights, and Beta Pharma will pay an upfront fee.", "license", LICENCE),
 ("The agreement gives Beta Pharma exclusive rights to sell AB-101 in Korea.", "license", {"Beta Pharma": "licensee"}),
 ("Beta Pharma has licensed the rights to AB-101 from Alpha Bio.", "license", LICENCE),
 ("Alpha Bio licensed AB-101 to Beta Pharma.", "license", LICENCE),
 ("In exchange, Beta Pharma will pay Alpha Bio $5 million upfront.", "license", LICENCE),
 ("Alpha Bio is entitled to receive milestones of up to $90 million from Beta Pharma.", "license", LICENCE),
 ("Sigma Health awarded Omega Biologics a contract to manufacture the vaccine.", "supply_agreement", SUPPLY_HEALTH),
 ("Omega Biologics will provide fill-finish services to Sigma Health.", "supply_agreement", SUPPLY_HEALTH),
 ("Gamma Capital participated in Delta Therapeutics' $40 million Series A round.", "investment", INVESTMENT),
 ("Delta Therapeutics closed a $40 million round with participation from Gamma Capital.", "investment", INVESTMENT),
 ("Delta Therapeutics secured $12 million from Gamma Capital.", "investment", INVESTMENT),
 ("An exclusive license to AB-101 was granted to Beta Pharma by Alpha Bio.", "license", LICENCE),
 ("Alpha Bio signed a deal with Beta Pharma under which Beta Pharma gains the rights to AB-101 in Europe.", "license", LICENCE),
 ("Beta Pharma, which licensed AB-101 from Alpha Bio in 2020, will start a phase 3 trial.", "license", LICENCE),
 ("Alpha Bio said Beta Pharma will pay it $10 million upfront.", "license", LICENCE),
 ("The upfront payment of $10 million from Beta Pharma to Alpha Bio is due on signing.", "license", LICENCE),
 ("Alpha Bio will receive an upfront payment of $10 million, and Beta Pharma will hold the rights in Asia.", "license", LICENCE),
 ("Beta Pharma has agreed to pay Alpha Bio up to $300 million in milestones.", "license", LICENCE),
 ("Alpha Bio stands to receive up to $300 million from Beta Pharma.", "license", LICENCE),
 ("The deal gives Beta Pharma exclusive rights to commercialize Alpha Bio's AB-101 in Canada.", "license", LICENCE),
 ("Beta Pharma will have exclusive rights to market AB-101 in India, while Alpha Bio will receive royalties.", "license", LICENCE),
 ("The investment by Gamma Capital in Delta Therapeutics values the company at $1 billion.", "investment", INVESTMENT),
 ("Gamma Capital's $20 million investment in Delta Therapeutics closed on Monday.", "investment", INVESTMENT),
 ("Delta Therapeutics sold a 10% stake to Gamma Capital.", "investment", INVESTMENT),
 ("Gamma Capital will subscribe for new shares of Delta Therapeutics worth $8 million.", "investment", INVESTMENT),
 ("Gamma Capital has taken a 20% equity stake in Delta Therapeutics.", "investment", INVESTMENT),
 ("Omega Biologics, a CDMO, will produce clinical batches for Sigma Oncology.", "supply_agreement", SUPPLY_ONCOLOGY),
 ("Sigma Oncology has tapped Omega Biologics to manufacture its lead antibody.", "supply_agreement", SUPPLY_ONCOLOGY),
 ("Sigma Oncology has chosen Omega Biologics to manufacture its lead antibody.", "supply_agreement", SUPPLY_ONCOLOGY),
 ("Omega Biologics will be the exclusive supplier of the vaccine to Sigma Health.", "supply_agreement", SUPPLY_HEALTH),
 ("Sigma Health has ordered 2 million doses of the vaccine from Omega Biologics.", "supply_agreement", SUPPLY_HEALTH),
 ("Omega Biologics signed a distribution agreement with Sigma Health, which will distribute the test kits in Brazil.", "supply_agreement", SUPPLY_HEALTH),
 ("Kappa Labs and Lambda University signed a research collaboration; Kappa Labs will fund the research for three years.", "collaboration_agreement", RESEARCH),
 ("Kappa Labs and Lambda University signed an MOU to cooperate on vaccine research.", "mou", RESEARCH),
 ("Zeta Pharma completed its acquisition of Eta Bio.", "other", ACQUISITION),
 ("Zeta Pharma will buy Eta Bio for $2 billion in cash.", "other", ACQUISITION),
]


@pytest.mark.parametrize(("text", "kind", "want"), COMMON)
def test_common_deal_constructions(extractor, text, kind, want):
    got = roles_of(extractor, text, kind, *want)
    assert {name: got.get(name) for name in want} == want


def test_equity_received_in_a_licence_makes_its_holder_the_licensor(extractor):
    text = "As part of the licence agreement, Varden University received equity in Tolsey Bio and will share in royalties."
    assert roles_of(extractor, text, "license", "Varden University", "Tolsey Bio") == {
        "Varden University": "licensor", "Tolsey Bio": "licensee"}


def test_a_partnership_read_as_supply_on_both_sides_takes_supply_roles(extractor):
    text = ("Under the partnership, Orrin Labs will supply active ingredients to Kestle Pharma. "
            "Orrin Labs would supply the finished products to Kestle Pharma in Chile.")
    assert roles_of(extractor, text, "collaboration_agreement", "Orrin Labs", "Kestle Pharma") == {
        "Orrin Labs": "supplier", "Kestle Pharma": "customer"}


def test_an_infinitive_hung_on_signed_finds_the_deal_partner(extractor):
    text = ("Brava Biologics signs deal with Helm Pharma to manufacture antibodies. "
            "Brava Biologics said it has signed a $200 million deal with Helm Pharma to manufacture the firm's antibodies.")
    assert roles_of(extractor, text, "mou", "Brava Biologics", "Helm Pharma") == {
        "Brava Biologics": "supplier", "Helm Pharma": "customer"}


def test_a_share_of_sales_paid_is_licence_money(extractor):
    text = ("Under the amended agreement, Dorn Pharma will pay Selby Bio an estimated total of 60% to 70% of product sales "
            "in the form of royalties and service fees.")
    assert roles_of(extractor, text, "collaboration_agreement", "Dorn Pharma", "Selby Bio") == {
        "Dorn Pharma": "licensee", "Selby Bio": "licensor"}


def test_retained_rights_are_read_in_a_research_deal(extractor):
    text = "Selby Bio and Dorn Pharma expanded their research alliance. Selby Bio retains all rights to the compound outside Japan."
    assert roles_of(extractor, text, "collaboration_agreement", "Selby Bio", "Dorn Pharma") == {
        "Selby Bio": "licensor", "Dorn Pharma": "licensee"}


def test_a_deal_that_gives_no_party_a_side_makes_partners(extractor):
    text = "Arvel Bio and Nostra Pharma signed a licensing agreement for the eye drug on Monday."
    assert roles_of(extractor, text, "license", "Arvel Bio", "Nostra Pharma") == {
        "Arvel Bio": "collaborator", "Nostra Pharma": "collaborator"}


def test_a_contract_research_organisation_supplies_in_a_deal_of_no_named_type(extractor):
    text = "Contract research organization Pemberly Research signed a $4 million contract with Ulvan Therapeutics for its Phase 2 study."
    assert roles_of(extractor, text, "other", "Pemberly Research", "Ulvan Therapeutics") == {
        "Pemberly Research": "supplier", "Ulvan Therapeutics": "customer"}


def test_a_return_of_rights_outweighs_the_money_that_flows_back(extractor):
    text = ("Brontide Pharma is handing back rights to Quillon Bio's antibody after a portfolio review. "
            "Quillon Bio will now pay Brontide Pharma a low single-digit royalty on any future sales of the antibody.")
    assert roles_of(extractor, text, "other", "Brontide Pharma", "Quillon Bio") == {
        "Brontide Pharma": "licensee", "Quillon Bio": "licensor"}


def test_a_name_after_its_city_word_is_shortened_to_its_second_word(extractor):
    text = ("Tessaly Bio and Dalian Corvane Pharmaceuticals signed the licence with Morrow Oncology. "
            "Tessaly Bio and Corvane could receive milestone payments of up to $200 million.")
    assert roles_of(extractor, text, "license", "Tessaly Bio", "Dalian Corvane Pharmaceuticals", "Morrow Oncology") == {
        "Tessaly Bio": "licensor", "Dalian Corvane Pharmaceuticals": "licensor", "Morrow Oncology": "licensee"}


def test_money_alone_in_a_research_collaboration_keeps_the_partners_collaborators(extractor):
    text = ("Orlen Therapeutics signed a research collaboration with Vesta Biotech to discover new kinase inhibitors. "
            "Vesta Biotech will receive $20 million upfront, and Orlen Therapeutics has an option to license the programs later.")
    assert roles_of(extractor, text, "collaboration_agreement", "Orlen Therapeutics", "Vesta Biotech") == {
        "Orlen Therapeutics": "collaborator", "Vesta Biotech": "collaborator"}


def test_a_licence_stated_in_a_collaboration_keeps_the_licence_sides(extractor):
    text = ("Orlen Therapeutics signed a research collaboration with Vesta Biotech to discover new kinase inhibitors. "
            "Vesta Biotech will receive $20 million upfront and royalties on sales.")
    assert roles_of(extractor, text, "collaboration_agreement", "Orlen Therapeutics", "Vesta Biotech") == {
        "Orlen Therapeutics": "licensee", "Vesta Biotech": "licensor"}


def test_a_partner_that_provides_services_in_a_deal_of_no_named_type_supplies(extractor):
    text = ("Corbel Health announced a strategic partnership with Dunmore Pharma. "
            "Under the partnership, Corbel Health will provide commercial support for the launch of the drug in Canada.")
    assert roles_of(extractor, text, "other", "Corbel Health", "Dunmore Pharma") == {
        "Corbel Health": "supplier", "Dunmore Pharma": "customer"}


def test_the_owner_of_the_programme_a_service_is_provided_for_is_the_customer(extractor):
    text = ("Under a services agreement, Halvard Cell Services will provide manufacturing services for Ibex Bio's lead program.")
    assert roles_of(extractor, text, "supply_agreement", "Halvard Cell Services", "Ibex Bio") == {
        "Halvard Cell Services": "supplier", "Ibex Bio": "customer"}


def test_selling_an_entire_stake_to_a_party_makes_it_the_acquirer(extractor):
    text = ("Rennick Pharma decided to leave its joint venture with Solway Bio. "
            "Rennick Pharma will sell its entire stake in the venture to Solway Bio by the end of the year.")
    assert roles_of(extractor, text, "other", "Rennick Pharma", "Solway Bio")["Solway Bio"] == "acquirer"


def test_of_joint_subjects_the_owner_of_what_is_made_is_the_customer(extractor):
    text = ("Tavora Bio and Kelling Biologics have entered into a manufacturing services agreement "
            "to produce Tavora Bio's lead antibody for its late-stage trials.")
    assert roles_of(extractor, text, "supply_agreement", "Tavora Bio", "Kelling Biologics") == {
        "Tavora Bio": "customer", "Kelling Biologics": "supplier"}


def test_goods_received_from_a_party_make_it_the_supplier(extractor):
    # a count of doses is what is delivered, not money: the receiver buys, whatever it is called elsewhere
    text = ("Vaccine manufacturer Ostvik Pharma will receive 50 million doses of the bulk vaccine from Halden Biologics "
            "under the supply agreement.")
    assert roles_of(extractor, text, "supply_agreement", "Ostvik Pharma", "Halden Biologics") == {
        "Halden Biologics": "supplier", "Ostvik Pharma": "customer"}


def test_rights_licensed_to_another_partys_drug_make_it_the_licensor(extractor):
    # the 'to' of the rights names whose drug it is: its owner licenses out, the subject takes the licence
    text = "Brenna Labs and Ostvik Pharma announced today that Ostvik Pharma has licensed worldwide exclusive rights to Brenna Labs' tozacept."
    assert roles_of(extractor, text, "license", "Brenna Labs", "Ostvik Pharma") == {
        "Brenna Labs": "licensor", "Ostvik Pharma": "licensee"}


def test_a_reported_clause_without_a_subject_is_not_the_speakers(extractor):
    # the parse loses the subject of "will to pay": the speaker of "Halden Biologics said" is not the payer
    text = ("Halden Biologics has settled its patent suit against Ostvik Pharma. Under the agreement, Ostvik Pharma will to pay "
            "Halden Biologics royalties for licensing its patents and agreed to acknowledge the validity of the patents, Halden Biologics said.")
    assert roles_of(extractor, text, "other", "Halden Biologics", "Ostvik Pharma") == {
        "Halden Biologics": "licensor", "Ostvik Pharma": "licensee"}


def test_a_shareholder_in_a_company_is_its_investor(extractor):
    text = "Ostvik Holdings, the investment arm of a charitable trust, has become a shareholder in online clinic Halden Health."
    assert roles_of(extractor, text, "investment", "Ostvik Holdings", "Halden Health") == {
        "Ostvik Holdings": "investor", "Halden Health": "investee"}


def test_the_party_transferring_technology_in_a_licence_is_the_licensor(extractor):
    # a sentence of transfer states a role (its verb spelt with a doubled consonant: "transferring", "transferred")
    text = ("Brenna Labs and Tavira Institute have entered into partnership with Ostvik Pharma for the production of six biosimilars. "
            "Ostvik Pharma has said that it will be working on transferring the technology for the production of the drugs "
            "during the next five years.")
    assert roles_of(extractor, text, "license", "Brenna Labs", "Tavira Institute", "Ostvik Pharma") == {
        "Ostvik Pharma": "licensor", "Brenna Labs": "licensee", "Tavira Institute": "licensee"}


def test_a_licence_option_inside_an_investment_keeps_the_investment_roles(extractor):
    text = ("Ostvik Capital will buy a 10% stake in Halden Bio for $30 million and will receive an exclusive option "
            "to license two of its programmes.")
    assert roles_of(extractor, text, "investment", "Ostvik Capital", "Halden Bio") == {
        "Ostvik Capital": "investor", "Halden Bio": "investee"}


def test_a_deal_of_a_named_type_buys_no_company(extractor):
    # in a vaccine purchase, "talks to acquire" the maker mean its doses: the maker supplies, no target
    text = ("Ostvik Health Ministry signed a deal to purchase 5 million doses of the vaccine made by Halden Bio. "
            "Officials said talks to acquire Halden Bio began in May.")
    assert roles_of(extractor, text, "supply_agreement", "Halden Bio", "Ostvik Health Ministry") == {
        "Ostvik Health Ministry": "customer", "Halden Bio": "supplier"}


def test_a_notice_delivered_is_no_supply(extractor):
    text = ("Halden Bio said it had delivered a notice of termination to Ostvik Pharma for the agreement, "
            "which included a licence to its antibodies.")
    assert "supplier" not in roles_of(extractor, text, "other", "Halden Bio", "Ostvik Pharma").values()


def test_a_sister_company_named_by_the_same_first_word_signs_on_the_same_side(extractor):
    text = ("Halden Bio will pay Corvane Pharma USA $25 million upfront for exclusive rights to the antibody. "
            "Corvane Pharma Norway, which holds the patents, also signed the agreement.")
    roles = roles_of(extractor, text, "license", "Corvane Pharma USA", "Corvane Pharma Norway", "Halden Bio")
    assert roles["Corvane Pharma Norway"] == roles["Corvane Pharma USA"] == "licensor"


@pytest.mark.parametrize("text", [
    "Orbis Capital and Halden Bio have signed an investment agreement to expand the company's plant.",
    "Tarn Holdings, a venture capital firm, and Halden Bio have signed an investment agreement to expand the plant.",
])
def test_a_party_named_or_described_as_an_investor_invests(extractor, text):
    investor = "Orbis Capital" if "Orbis" in text else "Tarn Holdings"
    assert roles_of(extractor, text, "investment", investor, "Halden Bio") == {investor: "investor", "Halden Bio": "investee"}


def test_reading_verbs_and_nouns_leaves_numpy_ma_unimported():
    """The tag table of a Doc is read without numpy.unique, whose first call imports numpy.ma (cold start)."""
    import subprocess
    import sys

    code = ("import sys, spacy\n"
            "from mouextract.extract.roles import _verbs_and_nouns\n"
            "nlp = spacy.blank('en')\n"
            "doc = nlp('Two firms sign a deal.')\n"
            "for token, tag in zip(doc, ['CD', 'NNS', 'VBP', 'DT', 'NN', '.']):\n"
            "    token.tag_ = tag\n"
            "verbs, nouns = _verbs_and_nouns(doc)\n"
            "assert verbs.tolist() == [False, False, True, False, False, False], verbs\n"
            "assert nouns.tolist() == [False, True, False, False, True, False], nouns\n"
            "assert 'numpy.ma' not in sys.modules, 'numpy.ma imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("text", "roles"), [
    # rights to a product bought in a deal of no licence type: an asset purchase
    ("Quillon Bio agreed to acquire the European rights to Ostrava Labs' migraine spray for $40 million.",
     {"Quillon Bio": "acquirer", "Ostrava Labs": "target"}),
    # an option to buy a product line is the buyer's
    ("Ostrava Labs grants Marlow Therapeutics an option to purchase Ostrava's wound-care business.",
     {"Marlow Therapeutics": "acquirer", "Ostrava Labs": "target"}),
])
def test_buying_an_asset_in_a_deal_of_no_named_type_makes_the_acquirer(extractor, text, roles):
    assert roles_of(extractor, text, "other", *roles) == roles


def test_buying_goods_in_a_deal_of_no_named_type_makes_a_customer(extractor):
    text = "The Health Ministry of Norland will purchase 2 million doses of Halden Biologics' flu vaccine."
    assert roles_of(extractor, text, "other", "Halden Biologics", "Health Ministry of Norland") == {
        "Halden Biologics": "supplier", "Health Ministry of Norland": "customer"}


def test_reacquiring_rights_is_no_purchase(extractor):
    text = "Ostrava Labs exercised its right to re-acquire full rights to the tablet from Marlow Therapeutics."
    assert roles_of(extractor, text, "other", "Ostrava Labs", "Marlow Therapeutics").get("Ostrava Labs") != "acquirer"


def test_the_party_a_programme_is_licensed_to_takes_the_licence(extractor):
    # the infinitive "to license X to B" under a deal noun, with the licensor only "the company"
    text = ("Shares of Ostvik (OSTV 3.43%) rose 20.6% on Tuesday. The gain came after the company announced a deal to license "
            "bispecific antibody program OST-17 to Halden Pharma (HLD -0.18%).")
    assert roles_of(extractor, text, "license", "Halden Pharma") == {"Halden Pharma": "licensee"}


def test_rights_licensed_to_a_partys_drug_do_not_make_it_the_licensee(extractor):
    text = "Under the deal, Ostvik will license rights to Halden Pharma's tablet for Japan."
    assert roles_of(extractor, text, "license", "Ostvik", "Halden Pharma").get("Halden Pharma") != "licensee"


@pytest.mark.parametrize(("text", "roles"), [
    # Italian: the one keeping rights licensed the rest out; the one holding them took the licence
    (("Ostvik e Halden Pharma hanno firmato un accordo di licenza. Halden Pharma deterrà i diritti su OST-7 in Europa, "
      "mentre Ostvik manterrà i diritti negli Stati Uniti."), {"Ostvik": "licensor", "Halden Pharma": "licensee"}),
    # Danish: the one getting the commercialisation right takes the licence
    ("Ostvik Biotech har indgået en licensaftale med Halden Pharma. Halden får den globale kommercialiseringsret til præparatet.",
     {"Halden Pharma": "licensee", "Ostvik Biotech": "licensor"}),
])
def test_rights_kept_or_got_in_other_languages(extractor, text, roles):
    assert roles_of(extractor, text, "license", *roles) == roles
